import { expect, test } from '@playwright/test';
import { expectAccessible, signUpAndIn } from './support';
import { PORT } from './port';

test.use({ timezoneId: 'Asia/Jakarta' });

const T0 = Date.parse('2026-12-01T02:00:00Z');

test('a student sets an exam date, sees readiness and the plan, takes a mock exam with a reload, and compares the forecast', async ({
  page,
  context,
}) => {
  await context.addCookies([
    { name: 'ingat-test-now', value: new Date(T0).toISOString(), url: `http://localhost:${PORT}` },
  ]);
  await signUpAndIn(page, 'ujian');
  await page.goto('/exam');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Persiapan ujian');
  await expect(page.getByText('Belum ada tanggal ujian.')).toBeVisible();

  // Days are written day-first, as the interface does, whatever the browser's locale; month-first is refused.
  await expect(page.getByLabel('Tanggal ujian Anda')).toHaveAttribute('placeholder', 'hh/bb/tttt');
  await page.getByLabel('Tanggal ujian Anda').fill('12/20/2026');
  await page.getByRole('button', { name: 'Simpan tanggal' }).click();
  await expect(page.getByText('Tanggal tidak dikenali: tulis hari/bulan/tahun, misalnya 20/12/2026.')).toBeVisible();
  await page.getByLabel('Tanggal ujian Anda').fill('20/12/2026');
  await page.getByRole('button', { name: 'Simpan tanggal' }).click();
  await expect(page.getByText('Tanggal ujian disimpan.')).toBeVisible();
  await page.reload();
  await expect(page.getByText(/Ujian Anda: Minggu, 20 Desember 2026/)).toBeVisible();
  await expect(page.getByLabel('Tanggal ujian Anda')).toHaveValue('20/12/2026');
  await expect(page.getByTestId('readiness')).toContainText(/Perkiraan: \d+% benar \(rentang 90%: \d+%–\d+%\)/);
  await expect(page.getByTestId('exam-plan').getByRole('row')).toHaveCount(20); // header + 19 days until the exam
  await expectAccessible(page);

  // The limits are stated before; a refused request keeps what was typed and names the field.
  await expect(page.getByText('Antara 5 dan 60 soal.')).toBeVisible();
  await page.getByLabel('Jumlah soal').fill('3');
  await page.getByLabel('Batas waktu (menit)').fill('10');
  await page.getByRole('button', { name: 'Mulai ujian coba' }).click();
  await expect(page.getByText('Jumlah soal harus bilangan bulat 5–60.')).toBeVisible();
  await expect(page.getByLabel('Jumlah soal')).toHaveValue('3');
  await expect(page.getByLabel('Batas waktu (menit)')).toHaveValue('10');

  await page.getByLabel('Jumlah soal').fill('8');
  await page.getByRole('button', { name: 'Mulai ujian coba' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ujian coba');
  await expect(page.getByTestId('time-left')).toHaveText(/^(10:00|09:5\d)$/);
  const questions = page.getByTestId('question');
  await expect(questions).toHaveCount(8);
  await expectAccessible(page);

  // Answer every question that has options or true/false with its first choice; they save as they change.
  let answered = 0;
  let firstAnswered = -1;
  for (let i = 0; i < 8; i++) {
    const q = questions.nth(i);
    const choice = q.getByRole('radio').or(q.getByRole('checkbox')).first();
    if ((await choice.count()) === 0) continue;
    await choice.check();
    await expect(q.getByTestId('save-state')).toHaveText('Jawaban tersimpan.');
    answered++;
    if (firstAnswered < 0) firstAnswered = i;
  }
  expect(answered).toBeGreaterThan(0);

  // A reload in the middle keeps the answers and the time.
  await page.reload();
  await expect(page.getByText(`${answered} dari 8 soal dijawab.`)).toBeVisible();
  const restored = questions.nth(firstAnswered);
  await expect(restored.getByRole('radio').or(restored.getByRole('checkbox')).first()).toBeChecked();

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Kumpulkan' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hasil ujian coba');
  await expect(page.getByTestId('exam-score')).toContainText(/Skor: \d dari 8/);
  await expect(page.getByText(/Perkiraan sebelum ujian: \d+%/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Penjelasan' }).first()).toBeVisible();
  await expectAccessible(page);

  // Back on the exam page: the attempt is in the history with its calibration line.
  await page.getByRole('link', { name: 'Kembali ke persiapan ujian' }).click();
  await expect(page.getByTestId('calibration')).toContainText('Dari 1 ujian coba');
});
