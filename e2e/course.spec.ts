import { expect, test } from '@playwright/test';
import { expectAccessible, signUpAndIn } from './support';

const COURSE = '/courses/struktur-keamanan-regional';

test('a visitor browses the course, the comparison table, the glossary and the editor notes', async ({ page }) => {
  await page.goto(COURSE);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Struktur-struktur Keamanan Regional');
  await expect(page.getByRole('link', { name: 'Pertahanan Kolektif (Aliansi)' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Perbandingan enam struktur' }).click();
  await expect(page.getByRole('rowheader')).toHaveCount(6);
  await expect(page.getByRole('columnheader', { name: 'Kelemahan' })).toBeVisible();
  await expectAccessible(page);

  await page.goto(`${COURSE}/glossary`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Glosarium');
  await expectAccessible(page);

  await page.goto(`${COURSE}/editor-notes`);
  await expect(page.getByText('tidak seperti pertahanan kolektif', { exact: false }).first()).toBeVisible();
  await expectAccessible(page);
});

test('a lesson shows the corrected reading with the editor note beside the original wording', async ({ page }) => {
  await page.goto(`${COURSE}/lessons/keamanan-kolektif`);
  const paragraph = page.locator('#keamanan-kolektif-01');
  await expect(paragraph.locator('mark')).toContainText('tidak seperti pertahanan kolektif');
  await expect(paragraph.getByRole('complementary')).toContainText('tidak seperti keamanan kolektif');
  // Typos are fixed silently.
  await expect(paragraph).not.toContainText('koletif');
  await expect(page.getByText('Masuk untuk menjawab pertanyaan ini.').first()).toBeVisible();
  await expectAccessible(page);
});

test('a student answers a question inside a lesson and sees why, with its source', async ({ page }) => {
  await signUpAndIn(page, 'reader');
  await page.goto(`${COURSE}/lessons/pertahanan-kolektif`);
  const question = page.getByTestId('question').first();
  await expect(question).toBeVisible();
  // Answer with the keyboard: focus the form, press 1 to pick the first option (or type for typed kinds), Enter.
  const textbox = question.getByRole('textbox');
  if (await textbox.count()) {
    await textbox.first().fill('aliansi');
    await textbox.first().press('Enter');
  } else {
    const radios = question.getByRole('radio');
    const checkboxes = question.getByRole('checkbox');
    if (await radios.count()) await radios.first().check();
    else if (await checkboxes.count()) await checkboxes.first().check();
    await question.getByRole('button', { name: 'Kirim jawaban' }).click();
  }
  const feedback = question.getByTestId('feedback');
  await expect(feedback).toBeVisible();
  await expect(feedback).toContainText(/Benar!|Belum tepat\.|Benar, tetapi periksa ejaannya\./);
  await expect(feedback.getByRole('heading', { name: 'Penjelasan' })).toBeVisible();
  await expect(feedback.getByRole('link', { name: /Lihat di pelajaran/ })).toHaveAttribute(
    'href',
    /#pertahanan-kolektif-0\d$/,
  );
  await expectAccessible(page);
});
