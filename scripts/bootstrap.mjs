#!/usr/bin/env node
/**
 * Entry point of the two README commands. Needs nothing but Node.js: installs dependencies from the lock file when
 * they are missing, generates the Prisma client when it is missing, then hands over. Before testing it makes sure
 * the browser journeys have a Chromium (Debian's package, installed here when running as root).
 *   node scripts/bootstrap.mjs start [--dev]   → serve the platform
 *   node scripts/bootstrap.mjs test            → the whole test suite (check + end-to-end)
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const [command, ...rest] = process.argv.slice(2);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', CHECKPOINT_DISABLE: '1' };
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!existsSync('node_modules/.bin/next') || !existsSync('node_modules/.bin/tsx')) {
  console.log('Installing dependencies from package-lock.json (first run)…');
  run(npm, ['ci', '--no-audit', '--no-fund']);
}
if (!existsSync('lib/generated/prisma/client.ts')) run(process.execPath, ['scripts/prisma-generate.mjs']);

/** Debian's Chromium, which playwright.config.ts prefers; Playwright's own browser is used when it is installed. */
const debianChromium = '/usr/bin/chromium';

/** Makes sure the browser journeys can launch a browser, before the 3-minute check rather than after it. As root on
 * Debian the package is installed here (about 30 s); otherwise the one command to run is named and nothing runs. */
async function ensureBrowser() {
  if (existsSync(debianChromium)) return;
  const { chromium } = await import('@playwright/test');
  if (existsSync(chromium.executablePath())) return;
  const hasApt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  const isRoot = process.getuid?.() === 0;
  if (hasApt && isRoot) {
    console.log("Installing Debian's chromium for the browser tests (first run)…");
    const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
    for (const args of [
      ['update', '-qq'],
      ['install', '-y', '-qq', 'chromium'],
    ]) {
      const r = spawnSync('apt-get', args, { stdio: 'inherit', env: aptEnv });
      if (r.status !== 0) process.exit(r.status ?? 1);
    }
    if (existsSync(debianChromium)) return;
  }
  const command = hasApt ? 'sudo apt-get install -y chromium' : 'npx playwright install chromium';
  console.error(`The browser tests need Chromium, and none was found at ${debianChromium} or where Playwright keeps`);
  console.error(`its own browser. Install it with:\n\n    ${command}\n\nthen run \`npm test\` again.`);
  process.exit(1);
}

/** The long-running hand-over: SIGTERM/SIGINT/SIGHUP sent to this process reach the launcher, which stops Next and
 * then PostgreSQL cleanly; this process exits with the launcher's code. */
function handOver(cmd, args) {
  const child = spawn(cmd, args, { stdio: 'inherit', env });
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (command === 'start') {
  handOver(process.execPath, ['--import', 'tsx', 'scripts/start.ts', ...rest]);
} else if (command === 'test') {
  await ensureBrowser();
  run(npm, ['run', 'check']);
  run(npm, ['run', 'test:e2e']);
} else {
  console.error('usage: bootstrap.mjs start|test');
  process.exit(2);
}
