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

test('a student answers questions inside a lesson by keyboard and sees why, with the source', async ({ page }) => {
  await signUpAndIn(page, 'reader');
  await page.goto(`${COURSE}/lessons/pertahanan-kolektif`);

  // pk-001 (single choice): the options are shuffled, so find the right one by its text, then use its number key.
  const first = page.locator('[data-item-id="pk-001"]');
  await expect(first).toBeVisible();
  const labels = await first.locator('label.option').allInnerTexts();
  const rightIndex = labels.findIndex((l) => l.includes('Pertahanan kolektif atau aliansi'));
  expect(rightIndex).toBeGreaterThanOrEqual(0);
  await first.getByRole('radio').first().focus();
  await page.keyboard.press(String(rightIndex + 1));
  await expect(first.getByRole('radio', { name: /Pertahanan kolektif atau aliansi/ })).toBeChecked();
  await page.keyboard.press('Enter');
  const feedback = first.getByTestId('feedback');
  await expect(feedback).toContainText('Tepat!');
  await expect(feedback).toContainText('paling dominan pada abad ke-19 dan ke-20');
  await expect(feedback.getByRole('heading', { name: 'Penjelasan' })).toBeVisible();
  await expect(feedback.getByRole('link', { name: /Lihat di pelajaran/ })).toHaveAttribute(
    'href',
    /#pertahanan-kolektif-01$/,
  );

  // pk-002 (cloze): "informal" is close in spelling to "formal" but the opposite concept, so it is refused.
  const second = page.locator('[data-item-id="pk-002"]');
  const blank = second.getByRole('textbox');
  await blank.fill('informal');
  await blank.press('Enter');
  const wrong = second.getByTestId('feedback');
  await expect(wrong).toContainText('Belum tepat.');
  await expect(wrong).toContainText('formal · resmi');
  await expectAccessible(page);
});
