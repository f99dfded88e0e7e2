/** Helpers shared by the browser journeys: fresh accounts, sign-in, and an axe scan that fails on serious issues. */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'ingat-demo-2026';

export function freshEmail(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}@e2e.ingat`;
}

export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

export async function signUpAndIn(page: Page, label = 'student'): Promise<string> {
  const email = freshEmail(label);
  await page.goto('/signup');
  await page.getByLabel('Nama tampilan').fill(`E2E ${label}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Kata sandi').fill('kata sandi rahasia');
  await page.getByRole('button', { name: 'Daftar' }).click();
  await expect(page).toHaveURL(/\/signin\?registered=1/);
  await signIn(page, email, 'kata sandi rahasia');
  return email;
}

/** Fills and submits the sign-in form; the caller checks the outcome (used for refused attempts). */
export async function submitSignIn(page: Page, email: string, password: string) {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('main').getByRole('button', { name: 'Masuk' }).click();
}

/** Signs in and waits until the app has left the sign-in page, so the session cookie is set. */
export async function signIn(page: Page, email: string, password: string) {
  await submitSignIn(page, email, password);
  await expect(page).not.toHaveURL(/\/signin/);
}

/** How many live items a lesson (or the whole course) has in the shipped content, read from the files. */
export function itemsInContent(lessonId?: string): number {
  const dir = 'content/courses/struktur-keamanan-regional/items';
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as { lesson: string }[])
    .filter((item) => !lessonId || item.lesson === lessonId).length;
}
