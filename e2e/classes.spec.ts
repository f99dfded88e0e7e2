import { readFileSync } from 'node:fs';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { DEMO_PASSWORD, expectAccessible, itemsInContent, signIn, signUpAndIn } from './support';
import { PORT } from './port';

test.use({ timezoneId: 'Asia/Jakarta' });

const T0 = Date.parse('2026-12-01T02:00:00Z');

interface BankItem {
  id: string;
  options?: { text: string; correct: boolean }[];
}
const bank = JSON.parse(
  readFileSync('content/courses/struktur-keamanan-regional/items/pertahanan-kolektif.json', 'utf8'),
) as BankItem[];

async function setClock(context: BrowserContext, at: number) {
  await context.addCookies([
    { name: 'ingat-test-now', value: new Date(at).toISOString(), url: `http://localhost:${PORT}` },
  ]);
}

/** Answers the shown choice question right (by its number key) or wrong. */
async function answerShown(page: Page, correct: boolean) {
  const card = page.getByTestId('question');
  const id = (await card.getAttribute('data-item-id'))!;
  const labels = await card.locator('label.option').allInnerTexts();
  const options = bank.find((i) => i.id === id)!.options!;
  const index = labels.findIndex((l) => options.some((o) => o.correct === correct && l.includes(o.text)));
  await page.keyboard.press(String(index + 1));
  await page.keyboard.press('Enter');
  await expect(card.getByTestId('feedback')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('feedback')).toHaveCount(0);
}

test('an instructor creates a class, a student joins and reviews, and the dashboard, map and item analysis show it', async ({
  browser,
}) => {
  const teacherContext = await browser.newContext({ timezoneId: 'Asia/Jakarta' });
  const studentContext = await browser.newContext({ timezoneId: 'Asia/Jakarta' });
  await setClock(teacherContext, T0);
  await setClock(studentContext, T0);
  const teacher = await teacherContext.newPage();
  const student = await studentContext.newPage();

  // The instructor creates the class and assigns a lesson.
  await signIn(teacher, 'dosen@ingat.test', DEMO_PASSWORD);
  await teacher.goto('/classes');
  await teacher.getByLabel('Nama kelas').fill('HI Regional E2E');
  await teacher.getByRole('button', { name: 'Buat kelas' }).click();
  await expect(teacher.getByRole('heading', { level: 1 })).toHaveText('HI Regional E2E');
  const code = (await teacher.getByTestId('join-code').innerText()).trim();
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await expect(
    teacher.getByRole('link', { name: new RegExp(`^http://[^/]+/join/${code.replace('-', '')}$`) }),
  ).toBeVisible();
  await expect(teacher.getByRole('img', { name: /Kode QR tautan bergabung/ })).toBeVisible();
  await teacher.getByLabel('Pelajaran', { exact: true }).selectOption('pertahanan-kolektif');
  await teacher.getByLabel('Tenggat').fill('15/12/2026');
  await teacher.getByRole('button', { name: 'Tugaskan' }).click();
  await expect(teacher.getByText('Pelajaran ditugaskan')).toBeVisible();
  await expect(teacher.getByText('Belum ada mahasiswa.')).toBeVisible();
  await expectAccessible(teacher);

  // A student joins with the code and sees the assignment.
  await signUpAndIn(student, 'kelas');
  await student.goto('/classes');
  await student.getByLabel('Kode bergabung').fill(code.toLowerCase());
  await student.getByRole('button', { name: 'Bergabung' }).click();
  await expect(student.getByText('Anda sudah bergabung.')).toBeVisible();
  await expect(student.getByRole('link', { name: 'Pertahanan Kolektif (Aliansi)' })).toBeVisible();
  await expectAccessible(student);

  // The instructor sees the student's row before any review.
  await teacher.reload();
  const row = teacher.getByTestId('roster-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('E2E kelas');
  await expect(row).toContainText('belum pernah');

  // The student reviews three choice questions: two right, one wrong.
  await student.goto('/settings');
  await student.getByLabel('Kartu baru per hari').fill('3');
  await student.getByRole('button', { name: 'Simpan pengaturan' }).click();
  await expect(student.getByTestId('form-message')).toContainText('Pengaturan disimpan');
  await student.goto('/review');
  // pk-001 (single), then pk-002 (cloze, typed), then pk-005 (multiple).
  await answerShown(student, true);
  await student.keyboard.type('formal');
  await student.keyboard.press('Enter');
  await expect(student.getByTestId('feedback')).toContainText('Tepat!');
  await student.keyboard.press('Enter');
  await expect(student.locator('[data-item-id="pk-005"]')).toBeVisible();
  await answerShown(student, false);

  // The dashboard changes: three reviews, a started assignment, a concept-map cell with a percentage.
  await teacher.reload();
  await expect(row).toContainText(`3/${itemsInContent('pertahanan-kolektif')}`);
  await expect(row.getByRole('cell').nth(1)).toHaveText('3');
  const map = teacher.locator('table.concept-map');
  await expect(map.getByRole('row', { name: /E2E kelas/ })).toContainText('%');
  await expectAccessible(teacher);

  // The student's own statistics, for the instructor.
  await row.getByRole('link', { name: 'E2E kelas' }).click();
  await expect(teacher.getByRole('heading', { level: 1 })).toHaveText('Statistik E2E kelas');
  await expectAccessible(teacher);

  // Item analysis: one attempt each, so no numbers yet, and says so.
  await teacher.goBack();
  await teacher.getByRole('link', { name: 'Analisis butir soal' }).click();
  const pk1 = teacher.locator('[data-item-id="pk-001"]');
  await expect(pk1.getByRole('cell').first()).toHaveText('1');
  await expect(pk1).toContainText('percobaan terlalu sedikit (1 dari minimal 10)');
  await expectAccessible(teacher);

  // Both CSV exports download and parse.
  for (const link of ['Unduh analisis butir (CSV)']) {
    const [download] = await Promise.all([
      teacher.waitForEvent('download'),
      teacher.getByRole('link', { name: link }).click(),
    ]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines.length).toBeGreaterThan(200);
    expect(lines.find((l) => l.startsWith('pk-001,'))).toBeTruthy();
  }
  await teacher.goBack();
  const [progressCsv] = await Promise.all([
    teacher.waitForEvent('download'),
    teacher.getByRole('link', { name: 'Unduh kemajuan (CSV)' }).click(),
  ]);
  const csv = readFileSync((await progressCsv.path())!, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const [header, first] = csv.slice(1).trim().split('\r\n');
  expect(header).toContain('Email');
  expect(first).toContain('@e2e.ingat');

  await teacherContext.close();
  await studentContext.close();
});

test('a student cannot open a class they are not in, nor the instructor views', async ({ page, browser }) => {
  const teacherContext = await browser.newContext();
  const teacher = await teacherContext.newPage();
  await signIn(teacher, 'dosen@ingat.test', DEMO_PASSWORD);
  await teacher.goto('/classes');
  await teacher.getByLabel('Nama kelas').fill('Kelas tertutup');
  await teacher.getByRole('button', { name: 'Buat kelas' }).click();
  await expect(teacher.getByRole('heading', { level: 1 })).toHaveText('Kelas tertutup');
  const classUrl = new URL(teacher.url()).pathname;
  await teacherContext.close();

  await signUpAndIn(page, 'outsider');
  for (const path of [classUrl, `${classUrl}/items`]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Akses ditolak');
  }
  const csv = await page.request.get(`/api/v1${classUrl}/progress.csv`);
  expect(csv.status()).toBe(403);
});
