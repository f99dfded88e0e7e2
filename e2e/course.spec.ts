import { readFileSync } from 'node:fs';
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

test('a student puts steps in order and pairs statements, with buttons and lists only', async ({ page }) => {
  const items = (lesson: string) =>
    JSON.parse(readFileSync(`content/courses/struktur-keamanan-regional/items/${lesson}.json`, 'utf8')) as {
      id: string;
      steps?: string[];
      pairs?: { left: string; right: string }[];
    }[];
  await signUpAndIn(page, 'orderer');

  // kk-031 (matching) on its lesson page: a pair left open is not sent; with every pair chosen, the answer is right.
  await page.goto(`${COURSE}/lessons/keamanan-kolektif`);
  const pairs = items('keamanan-kolektif').find((i) => i.id === 'kk-031')!.pairs!;
  const matching = page.locator('[data-item-id="kk-031"]');
  const pick = (pair: { left: string; right: string }) =>
    matching.getByRole('combobox', { name: `Pasangan untuk: ${pair.left}` }).selectOption({ label: pair.right });
  for (const pair of pairs.slice(0, -1)) await pick(pair);
  await matching.getByRole('button', { name: 'Kirim jawaban' }).click();
  await expect(matching.getByRole('alert')).toHaveText('Pilih atau ketik jawaban terlebih dahulu.');
  await expect(matching.getByTestId('feedback')).toHaveCount(0);
  await pick(pairs.at(-1)!);
  await matching.getByRole('button', { name: 'Kirim jawaban' }).click();
  await expect(matching.getByTestId('feedback')).toContainText('Tepat!');

  // kk-011 (ordering) comes up in review: the steps are shown shuffled; each is moved up with its own button.
  await page.goto('/settings');
  await page.getByLabel('Kartu baru per hari').fill('40');
  await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
  await expect(page.getByTestId('form-message')).toContainText('Pengaturan disimpan');
  await page.goto(`${COURSE}/lessons/keamanan-kolektif`);
  await page.getByRole('button', { name: 'Tambahkan pelajaran ini ke ulasan' }).click();
  await expect(page.getByTestId('form-message')).toContainText('kartu baru ditambahkan');
  await page.goto('/review');
  // New cards come in course order, so the eleventh item of the lesson is among the first dozen.
  const ordering = page.locator('[data-item-id="kk-011"]');
  for (let i = 0; i < 15 && !(await ordering.count()); i++) {
    // Any other card: a quick wrong answer, then on.
    const q = page.getByTestId('question');
    const id = await q.getAttribute('data-item-id');
    for (const list of await q.getByRole('combobox').all()) await list.selectOption({ index: 1 });
    await page.keyboard.press('1');
    await page.keyboard.type('x');
    await q.getByRole('button', { name: 'Kirim jawaban' }).click();
    await expect(q.getByTestId('feedback')).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.locator(`[data-testid="question"][data-item-id="${id}"]`)).toHaveCount(0);
  }
  await expect(ordering).toBeVisible();
  const steps = items('keamanan-kolektif').find((i) => i.id === 'kk-011')!.steps!;
  const shownSteps = ordering.locator('ol.ordering > li > span:first-child');
  for (let target = 0; target < steps.length; target++) {
    const shown = await shownSteps.allInnerTexts();
    for (let at = shown.indexOf(steps[target]!); at > target; at--)
      await ordering.getByRole('button', { name: `Naikkan: ${steps[target]}` }).click();
  }
  await expect(shownSteps).toHaveText(steps);
  await ordering.getByRole('button', { name: 'Kirim jawaban' }).click();
  await expect(ordering.getByTestId('feedback')).toContainText('Tepat!');
});
