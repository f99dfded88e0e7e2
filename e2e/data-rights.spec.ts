import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, expectAccessible, signIn, signUpAndIn, submitSignIn } from './support';

const PASSWORD = 'kata sandi rahasia'; // what signUpAndIn sets

/** Saves screenshots of the account page's two data-rights sections with the test's output, for a person to look at. */
async function shoot(page: Page, name: string, outputPath: (name: string) => string) {
  for (const [part, heading] of [
    ['export', /^(Unduh data Anda|Download your data)$/],
    ['delete', /^(Hapus akun|Delete account)$/],
  ] as const) {
    await page.getByRole('region', { name: heading }).screenshot({ path: outputPath(`${name}-${part}.png`) });
  }
}

test('a learner downloads their data as JSON and CSV, then deletes their account', async ({ page }, testInfo) => {
  const email = await signUpAndIn(page, 'rights');
  await page.goto('/account');
  await expect(page.getByRole('heading', { name: 'Unduh data Anda' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Hapus akun' })).toBeVisible();
  await expect(page.getByText('Jawaban Anda dalam catatan ulasan, tanpa nama atau email')).toBeVisible();
  await expectAccessible(page);

  // Everything, as one JSON document: it is this learner's.
  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Unduh semuanya (JSON)' }).click(),
  ]);
  expect(json.suggestedFilename()).toMatch(/^ingat-data-\d{4}-\d{2}-\d{2}\.json$/);
  const doc = JSON.parse(await readFile((await json.path())!, 'utf8')) as {
    format: string;
    profile: { email: string; displayName: string };
    sessions: { current: boolean }[];
  };
  expect(doc.format).toBe('ingat.personal-data');
  expect(doc.profile).toMatchObject({ email, displayName: 'E2E rights' });
  expect(doc.sessions.filter((s) => s.current)).toHaveLength(1);

  // One table as CSV.
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Profil (CSV)' }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/^ingat-profile-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = (await readFile((await csv.path())!, 'utf8')).replace(/^\uFEFF/, '').split('\r\n');
  expect(lines[0]).toBe('id,email,displayName,role,locale,timeZone,createdAt,passwordChangedAt,disabledAt');
  expect(lines[1]).toContain(email);

  // Screenshots of the new sections: 360 and 1280 px wide, Indonesian and English.
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await shoot(page, `account-${width}-id`, (n) => testInfo.outputPath(n));
  }
  await page.getByRole('button', { name: 'Ganti bahasa ke English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.goto('/account');
  await expect(page.getByRole('heading', { name: 'Download your data' })).toBeVisible();
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await shoot(page, `account-${width}-en`, (n) => testInfo.outputPath(n));
  }
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Switch language to Bahasa Indonesia' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  await page.goto('/account');

  // Without the tick, and with a wrong password: a message naming what is wrong, and the account stays.
  const form = page.getByRole('region', { name: 'Hapus akun' });
  await form.getByLabel('Kata sandi Anda').fill(PASSWORD);
  await form.getByRole('button', { name: 'Hapus akun saya' }).click();
  await expect(form.getByText('Centang kotak konfirmasi untuk menghapus akun.')).toBeVisible();
  await form.getByLabel('Kata sandi Anda').fill('bukan kata sandinya');
  await form.getByLabel(/Saya mengerti bahwa akun saya dihapus/).check();
  await form.getByRole('button', { name: 'Hapus akun saya' }).click();
  await expect(form.getByText('Kata sandi saat ini salah.')).toBeVisible();
  await expectAccessible(page);
  await page.goto('/account');
  await expect(page.getByText(email)).toBeVisible();

  // The real thing.
  await form.getByLabel('Kata sandi Anda').fill(PASSWORD);
  await form.getByLabel(/Saya mengerti bahwa akun saya dihapus/).check();
  await form.getByRole('button', { name: 'Hapus akun saya' }).click();
  await expect(page).toHaveURL(/\/account\/deleted$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Akun Anda telah dihapus');
  await expectAccessible(page);
  await page.goto('/account');
  await expect(page).toHaveURL(/\/signin\?next=%2Faccount/);
  await submitSignIn(page, email, PASSWORD);
  await expect(page.getByTestId('form-message')).toHaveText('Email atau kata sandi salah.');

  // The email is free for a new account.
  await page.goto('/signup');
  await page.getByLabel('Nama tampilan').fill('E2E baru');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Kata sandi').fill(PASSWORD);
  await page.getByRole('button', { name: 'Daftar' }).click();
  await expect(page).toHaveURL(/\/signin\?registered=1/);
});

test('an admin deletes a student’s account after ticking the confirmation', async ({ browser }) => {
  const studentContext = await browser.newContext();
  const student = await studentContext.newPage();
  const email = await signUpAndIn(student, 'admin-deletes');

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, 'admin@ingat.test', DEMO_PASSWORD);
  await admin.goto('/admin/users');
  const row = admin.getByRole('row').filter({ has: admin.getByRole('cell', { name: email, exact: true }) });
  await row.getByText('Hapus akun…').click();
  await row.getByRole('button', { name: 'Hapus akun ini' }).click();
  await expect(row.getByText('Centang kotak konfirmasi untuk menghapus akun.')).toBeVisible();
  await row.getByLabel(`Ya, hapus akun ${email} untuk selamanya.`).check();
  await row.getByRole('button', { name: 'Hapus akun ini' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'Akun telah dihapus.' })).toBeVisible();
  await expect(admin.getByRole('cell', { name: email, exact: true })).toHaveCount(0);
  await expectAccessible(admin);

  // The student's open session ends on their next request.
  await student.goto('/account');
  await expect(student).toHaveURL(/\/signin\?next=%2Faccount/);
  await studentContext.close();
  await adminContext.close();
});
