import { expect, test, type BrowserContext } from '@playwright/test';
import { DEMO_PASSWORD, expectAccessible, signIn, signUpAndIn } from './support';
import { PORT } from './port';

test.use({ timezoneId: 'Asia/Jakarta' });

const T0 = Date.parse('2026-12-01T02:00:00Z');
const DAY = 86_400_000;

async function setClock(context: BrowserContext, at: number) {
  await context.addCookies([
    { name: 'ingat-test-now', value: new Date(at).toISOString(), url: `http://localhost:${PORT}` },
  ]);
}

test("an instructor's home shows who needs attention and what falls due, one click from the page to act", async ({
  browser,
}) => {
  const teacherContext = await browser.newContext({ timezoneId: 'Asia/Jakarta' });
  const studentContext = await browser.newContext({ timezoneId: 'Asia/Jakarta' });
  await setClock(teacherContext, T0);
  await setClock(studentContext, T0);
  const teacher = await teacherContext.newPage();
  const student = await studentContext.newPage();

  await signIn(teacher, 'dosen@ingat.test', DEMO_PASSWORD);
  await teacher.goto('/classes');
  await teacher.getByLabel('Nama kelas').fill('Beranda E2E');
  await teacher.getByRole('button', { name: 'Buat kelas' }).click();
  await expect(teacher.getByRole('heading', { level: 1 })).toHaveText('Beranda E2E');
  const code = (await teacher.getByTestId('join-code').innerText()).trim();
  await teacher.getByLabel('Pelajaran', { exact: true }).selectOption('pertahanan-kolektif');
  await teacher.getByLabel('Tenggat').fill('2026-12-09');
  await teacher.getByRole('button', { name: 'Tugaskan' }).click();
  await expect(teacher.getByText('Pelajaran ditugaskan')).toBeVisible();

  await signUpAndIn(student, 'beranda');
  await student.goto('/classes');
  await student.getByLabel('Kode bergabung').fill(code);
  await student.getByRole('button', { name: 'Bergabung' }).click();
  await expect(student.getByText('Anda sudah bergabung.')).toBeVisible();

  // Six days later the student has not answered anything; the assignment is due in two days.
  await setClock(teacherContext, T0 + 6 * DAY);
  await teacher.goto('/');
  await expect(teacher.getByRole('heading', { level: 1 })).toHaveText('Hari ini di kelas Anda');
  const atRisk = teacher.getByTestId('home-at-risk').getByRole('listitem').filter({ hasText: 'Beranda E2E' });
  await expect(atRisk).toContainText('E2E beranda');
  await expect(atRisk).toContainText('belum pernah menjawab sejak bergabung');
  const due = teacher.getByTestId('home-due').getByRole('listitem').filter({ hasText: 'Beranda E2E' });
  await expect(due).toContainText('Pertahanan Kolektif');
  await expect(due).toContainText('0 dari 1 mahasiswa sudah menjawab semua soal');
  await expect(teacher.getByTestId('home-classes').getByRole('row', { name: /Beranda E2E/ })).toBeVisible();
  await expectAccessible(teacher);

  // One click to the student, whose statistics speak about them, not to the instructor as if they were the student.
  await atRisk.getByRole('link', { name: 'E2E beranda' }).click();
  await expect(teacher.getByRole('heading', { level: 1 })).toHaveText('Statistik E2E beranda');
  await expect(teacher.getByText(/hari belajar E2E beranda/)).toBeVisible();
  await expect(teacher.getByText('Target E2E beranda: 90%')).toBeVisible();
  await expect(teacher.getByText(/Target Anda|hari belajar Anda/)).toHaveCount(0);

  // The class in the table leads to its dashboard.
  await teacher.goto('/');
  await teacher.getByTestId('home-classes').getByRole('link', { name: 'Beranda E2E' }).click();
  await expect(teacher.getByRole('heading', { level: 1 })).toHaveText('Beranda E2E');

  await teacherContext.close();
  await studentContext.close();
});

test('the item analysis is paged and filtered by lesson and kind from the URL, without JavaScript', async ({
  browser,
}) => {
  const setup = await browser.newContext();
  const page = await setup.newPage();
  await signIn(page, 'dosen@ingat.test', DEMO_PASSWORD);
  await page.goto('/classes');
  await page.getByLabel('Nama kelas').fill('Analisis E2E');
  await page.getByRole('button', { name: 'Buat kelas' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Analisis E2E');
  const itemsUrl = `${new URL(page.url()).pathname}/items`;
  const state = await setup.storageState();

  const context = await browser.newContext({ javaScriptEnabled: false, storageState: state });
  const teacher = await context.newPage();
  await teacher.goto(itemsUrl);
  const rows = teacher.getByTestId('item-row');
  await expect(rows).toHaveCount(25);
  await expect(teacher.getByTestId('items-matching')).toContainText(/halaman 1 dari \d+\./);

  await teacher.getByLabel('Pelajaran').selectOption('pertahanan-kolektif');
  await teacher.getByLabel('Jenis soal').selectOption('truefalse');
  await teacher.getByRole('button', { name: 'Terapkan' }).click();
  await expect(teacher).toHaveURL(/lesson=pertahanan-kolektif/);
  await expect(teacher).toHaveURL(/kind=truefalse/);
  const ids = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-item-id')));
  expect(ids.length).toBeGreaterThan(0);
  expect(ids.every((id) => id?.startsWith('pk-'))).toBe(true);
  await expect(teacher.getByLabel('Jenis soal')).toHaveValue('truefalse');

  // Sorting is a link that keeps the filters.
  await teacher.getByRole('link', { name: /^Butir/ }).click();
  await expect(teacher).toHaveURL(/sort=id/);
  await expect(teacher).toHaveURL(/kind=truefalse/);
  const sorted = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-item-id')!));
  expect(sorted).toEqual([...sorted].sort());

  // A stale link with a bad value still shows the page and says what it ignored.
  await teacher.goto(`${itemsUrl}?min=banyak&page=2`);
  await expect(teacher.getByText('Sebagian alamat tidak dipahami dan diabaikan: min.')).toBeVisible();
  await expect(teacher.getByTestId('items-matching')).toContainText('halaman 2 dari');
  await teacher.getByRole('link', { name: /Berikutnya/ }).click();
  await expect(teacher).toHaveURL(/page=3/);
  await context.close();

  // The same filtered page, scanned for accessibility (axe needs JavaScript).
  await page.goto(`${itemsUrl}?lesson=pertahanan-kolektif&kind=truefalse&sort=id`);
  await expect(page.getByTestId('item-row').first()).toBeVisible();
  await expectAccessible(page);
  await setup.close();
});
