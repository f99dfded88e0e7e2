import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, expectAccessible, freshEmail, signIn, signUpAndIn, submitSignIn } from './support';

test('a visitor signs up, signs in, sees their name, and signs out', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Selamat datang di Ingat');
  await expectAccessible(page);
  await page.goto('/signup');
  await expectAccessible(page);
  await signUpAndIn(page, 'journey');
  // The first steps: a daily goal, a course, a class.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Selamat datang, E2E journey');
  await expectAccessible(page);
  await page.getByRole('radio', { name: '10 soal baru' }).check();
  await page.getByRole('button', { name: 'Simpan target' }).click();
  await expect(page.getByTestId('form-message')).toContainText('Pengaturan disimpan');
  await page.goto('/settings');
  await expect(page.getByLabel('Kartu baru per hari')).toHaveValue('10');
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Halo, E2E journey');
  await expect(page.getByText('Peran Anda: Mahasiswa.')).toBeVisible();
  // Nothing in the deck yet: the home says so instead of offering an empty review.
  await expect(page.getByTestId('due-today')).toHaveText('0 kartu jatuh tempo');
  await expect(page.getByText('Tidak ada yang jatuh tempo sekarang.', { exact: false })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page.getByRole('link', { name: 'Masuk', exact: true })).toBeVisible();
  await page.goto('/account');
  await expect(page).toHaveURL(/\/signin\?next=%2Faccount/);
});

test('sign-up names each invalid field and keeps what was typed', async ({ page }) => {
  await page.goto('/signup');
  await page.getByLabel('Nama tampilan').fill('Sari');
  await page.getByLabel('Email').fill('bukan-email');
  await page.getByLabel('Kata sandi').fill('pendek');
  await page.getByRole('button', { name: 'Daftar' }).click();
  await expect(page.getByText('Email tidak valid (contoh: nama@kampus.ac.id).')).toBeVisible();
  await expect(page.getByText('Kata sandi minimal 10 karakter.')).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue('bukan-email');
  await expect(page.getByLabel('Nama tampilan')).toHaveValue('Sari');
  await expectAccessible(page);
});

test('a wrong password is refused with a clear message', async ({ page }) => {
  await submitSignIn(page, 'sari@ingat.test', 'bukan kata sandinya');
  await expect(page.getByTestId('form-message')).toHaveText('Email atau kata sandi salah.');
  await expect(page).toHaveURL(/\/signin/);
  await expectAccessible(page);
});

test('repeated failures on one account from one place are slowed down, with the wait in words', async ({ page }) => {
  const email = freshEmail('throttled');
  for (let i = 0; i < 5; i++) {
    await submitSignIn(page, email, 'salah salah salah');
    await expect(page.getByTestId('form-message')).toHaveText('Email atau kata sandi salah.');
  }
  await submitSignIn(page, email, 'salah salah salah');
  await expect(page.getByTestId('form-message')).toHaveText(/^Terlalu banyak percobaan\. Coba lagi dalam \d+ detik\.$/);
});

test('the language switch changes the interface and is remembered for a signed-in user', async ({ page, context }) => {
  await signUpAndIn(page, 'bilingual');
  await page.goto('/');
  // Move within the app by the header (a client-side navigation): the header marks the page, and the switch
  // brings the learner back to the page they are on, not to the one the app was first opened at.
  const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
  await nav.getByRole('link', { name: 'Statistik' }).click();
  await expect(page).toHaveURL(/\/stats$/);
  await expect(nav.getByRole('link', { name: 'Statistik' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Ujian' })).not.toHaveAttribute('aria-current', 'page');
  await page.getByRole('button', { name: 'Ganti bahasa ke English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Learning statistics');
  await expect(page).toHaveURL(/\/stats$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, E2E bilingual');
  await expectAccessible(page);
  // A new browser session of the same user (no locale cookie) still gets English from the profile.
  await context.clearCookies({ name: 'ingat-locale' });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, E2E bilingual');
});

test('a student is refused the admin page; an admin sees it', async ({ page }) => {
  await signUpAndIn(page, 'curious');
  const response = await page.goto('/admin/users');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Akses ditolak');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Keluar' }).click();
  await signIn(page, 'admin@ingat.test', DEMO_PASSWORD);
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pengguna');
  await expect(page.getByRole('cell', { name: 'sari@ingat.test', exact: true })).toBeVisible();
  await expectAccessible(page);
});

test('an unknown page gets a real 404', async ({ page }) => {
  const response = await page.goto('/tidak-ada-halaman-ini');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Halaman tidak ditemukan');
  await expectAccessible(page);
});

test('the health endpoint reports the database', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok', database: 'reachable' });
  expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
  expect(response.headers()['x-request-id']).toBeTruthy();
});
