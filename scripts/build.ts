/**
 * Whether the production bundle in .next matches the sources, and building it when not. Used by the launcher
 * (scripts/start.ts) and by scripts that serve the app themselves (the fault suite), so they agree on "current".
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = process.cwd();
export const nextBin = resolve(root, 'node_modules', 'next', 'dist', 'bin', 'next');

function sourceHash(): string {
  const h = createHash('sha256');
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) if (name !== 'generated') walk(join(p, name));
    } else h.update(`${p}:${st.size}:${st.mtimeMs}\n`);
  };
  for (const p of ['app', 'lib', 'content', 'proxy.ts', 'next.config.mjs', 'package-lock.json', 'tsconfig.json'])
    walk(join(root, p));
  return h.digest('hex');
}

export function buildIsCurrent(): boolean {
  const file = join(root, '.next', 'ingat-source-hash');
  return existsSync(join(root, '.next', 'BUILD_ID')) && existsSync(file) && readFileSync(file, 'utf8') === sourceHash();
}

/** Builds the production bundle unless it is current; returns next build's exit code (0 when nothing to do). */
export async function ensureProductionBuild(env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<number> {
  if (buildIsCurrent()) return 0;
  log('building the production bundle (first start or sources changed)…');
  const code = await new Promise<number | null>((r) =>
    spawn(process.execPath, [nextBin, 'build'], { env: { ...env, NODE_ENV: 'production' }, stdio: 'inherit' }).once(
      'exit',
      r,
    ),
  );
  if (code === 0) writeFileSync(join(root, '.next', 'ingat-source-hash'), sourceHash());
  return code ?? 1;
}
