/**
 * Screenshots of pages at 360, 768 and 1280 px in both languages, for people to look at (not a test):
 *   node --import tsx e2e/screenshots.ts <baseURL> <outDir> <email> <password> <path> [<path> …]
 * Signs in once, then for each path, width and language saves `<outDir>/<path>-<lang>-<width>.png`.
 */
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';

const [base, out, email, password, ...paths] = process.argv.slice(2);
if (!base || !out || !email || !password || paths.length === 0) {
  console.error('usage: screenshots.ts <baseURL> <outDir> <email> <password> <path>…');
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const context = await browser.newContext();
const page = await context.newPage();
// "-" as the email: take the pages as a visitor who is not signed in.
if (email !== '-') {
  await page.goto(`${base}/signin`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Kata sandi', { exact: true }).fill(password);
  await page.getByRole('main').getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
}
for (const lang of ['id', 'en']) {
  await context.addCookies([{ name: 'ingat-locale', value: lang, url: base }]);
  for (const width of [360, 768, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of paths) {
      await page.goto(`${base}${path}`);
      const name = path.replace(/^\//, '').replace(/[^a-z0-9]+/gi, '_') || 'home';
      await page.screenshot({ path: `${out}/${name}-${lang}-${width}.png`, fullPage: true });
    }
  }
}
await browser.close();
