/** Account recovery and sessions, as a student and an admin meet them. */
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, expectAccessible, signIn, signUpAndIn, submitSignIn } from './support';

test('an admin hands a student a reset link; the student sets a new password with it', async ({ page }) => {
  const email = await signUpAndIn(page, 'lupa');
  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page.getByRole('link', { name: 'Masuk', exact: true })).toBeVisible();

  await signIn(page, 'admin@ingat.test', DEMO_PASSWORD);
  await page.goto('/admin/users');
  await page.getByLabel('Cari email atau nama').fill(email);
  await page.getByRole('button', { name: 'Cari', exact: true }).click();
  await expect(page.getByRole('row')).toHaveCount(2); // the header and the one account found
  await page.getByRole('button', { name: 'Buat tautan atur ulang kata sandi untuk E2E lupa' }).click();
  const link = await page.getByTestId('reset-link').inputValue();
  expect(link).toMatch(/^http:\/\/localhost:\d+\/reset-password\/[A-Za-z0-9_-]{43}$/);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page.getByRole('link', { name: 'Masuk', exact: true })).toBeVisible();

  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Atur ulang kata sandi');
  await page.getByLabel('Kata sandi baru', { exact: true }).fill('pendek');
  await page.getByLabel('Ulangi kata sandi baru').fill('pendek');
  await page.getByRole('main').getByRole('button', { name: 'Simpan kata sandi baru' }).click();
  await expect(page.getByText('Kata sandi minimal 10 karakter.')).toBeVisible();
  await page.getByLabel('Kata sandi baru', { exact: true }).fill('sandi baru yang panjang');
  await page.getByLabel('Ulangi kata sandi baru').fill('sandi baru yang panjang');
  await page.getByRole('main').getByRole('button', { name: 'Simpan kata sandi baru' }).click();
  await expect(page).toHaveURL(/\/signin\?reset=1/);
  await expect(page.getByRole('status').filter({ hasText: 'Kata sandi baru disimpan' })).toBeVisible();

  await submitSignIn(page, email, 'kata sandi rahasia');
  await expect(page.getByTestId('form-message')).toHaveText('Email atau kata sandi salah.');
  await signIn(page, email, 'sandi baru yang panjang');

  // The link works once.
  await page.goto(link);
  await expect(page.getByRole('alert').filter({ hasText: 'sudah dipakai' })).toBeVisible();
});

test('the sign-in page says how to get back in when no mail is sent', async ({ page }) => {
  await page.goto('/signin');
  await page.getByRole('link', { name: 'Lupa kata sandi?' }).click();
  await expect(page.getByText('Server ini tidak mengirim email.')).toBeVisible();
  await expectAccessible(page);
});

test('a student sees where they are signed in and ends another session', async ({ page, browser }) => {
  const email = await signUpAndIn(page, 'dua-perangkat');
  const phone = await browser.newContext({ userAgent: 'Mozilla/5.0 (Linux; Android 14) Chrome/131.0 Mobile' });
  const phonePage = await phone.newPage();
  await signIn(phonePage, email, 'kata sandi rahasia');

  await page.goto('/account');
  const sessions = page.getByRole('region', { name: 'Sesi masuk' });
  await expect(sessions.getByText('Sesi ini', { exact: true })).toBeVisible();
  await sessions.getByRole('button', { name: 'Akhiri sesi Chrome · Android' }).click();
  await expect(sessions.getByText('Sesi diakhiri.')).toBeVisible();
  await expectAccessible(page);

  await phonePage.goto('/review');
  await expect(phonePage).toHaveURL(/\/signin/);
  await phone.close();
});
