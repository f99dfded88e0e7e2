import { readFileSync } from 'node:fs';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { expectAccessible, itemsInContent, signUpAndIn } from './support';
import { PORT } from './port';

// The learner lives in Jakarta; the server's clock is moved with a cookie that only the e2e server honours.
test.use({ timezoneId: 'Asia/Jakarta' });

const COURSE = 'struktur-keamanan-regional';
const T0 = Date.parse('2026-12-01T02:00:00Z'); // 09:00 in Jakarta
const MIN = 60_000;
const DAY = 86_400_000;

interface BankItem {
  id: string;
  kind: string;
  options?: { text: string; correct: boolean }[];
}
const bank: BankItem[] = JSON.parse(
  readFileSync(`content/courses/${COURSE}/items/pertahanan-kolektif.json`, 'utf8'),
) as BankItem[];
const item = (id: string) => bank.find((i) => i.id === id)!;

async function setClock(context: BrowserContext, at: number) {
  await context.addCookies([
    { name: 'ingat-test-now', value: new Date(at).toISOString(), url: `http://localhost:${PORT}` },
  ]);
}

/** The 1-based keys of the options shown for `id` whose correctness is `correct`. */
async function optionKeys(page: Page, id: string, correct: boolean): Promise<string[]> {
  const labels = await page.locator(`[data-item-id="${id}"] label.option`).allInnerTexts();
  const wanted = item(id)
    .options!.filter((o) => o.correct === correct)
    .map((o) => o.text);
  return labels.flatMap((l, i) => (wanted.some((w) => l.includes(w)) ? [String(i + 1)] : []));
}

test('a student reviews with the keyboard only, undoes a mistake, and sees cards return on the days FSRS chose', async ({
  page,
  context,
}) => {
  await setClock(context, T0);
  await signUpAndIn(page, 'reviewer');

  // Three new cards a day keeps the session short.
  await page.goto('/settings');
  await page.getByLabel('Kartu baru per hari').fill('3');
  await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
  await expect(page.getByTestId('form-message')).toContainText('Pengaturan disimpan');

  await page.goto(`/courses/${COURSE}/lessons/pertahanan-kolektif`);
  await page.getByRole('button', { name: 'Tambahkan pelajaran ini ke ulasan' }).click();
  await expect(page.getByTestId('form-message')).toContainText(
    `${itemsInContent('pertahanan-kolektif')} kartu baru ditambahkan`,
  );

  await page.goto('/review');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ulasan hari ini');

  // 1. pk-001, single choice: the number key of the right option, Enter, then Enter again to go on.
  const first = page.locator('[data-item-id="pk-001"]');
  await expect(first).toBeVisible();
  await expectAccessible(page);
  await page.keyboard.press((await optionKeys(page, 'pk-001', true))[0]!);
  await page.keyboard.press('Enter');
  await expect(first.getByTestId('feedback')).toContainText('Benar!');
  await expect(first).toContainText('Dicatat sebagai “Baik”.');
  // The second learning step, ten minutes on.
  await expect(first).toContainText('Muncul lagi: 1 Des 2026, 09.10.');
  await expectAccessible(page);
  await page.keyboard.press('Enter');

  // 2. pk-002, cloze: the text box has the focus. (pk-003 and pk-004 test the same fact, so they wait.)
  const second = page.locator('[data-item-id="pk-002"]');
  await expect(second).toBeVisible();
  await page.keyboard.type('formal');
  await page.keyboard.press('Enter');
  await expect(second.getByTestId('feedback')).toContainText('Benar!');
  await page.keyboard.press('Enter');

  // 3. pk-005, multiple answer: a wrong choice, then U undoes it and the same card is asked again.
  const third = page.locator('[data-item-id="pk-005"]');
  await expect(third).toBeVisible();
  await page.keyboard.press((await optionKeys(page, 'pk-005', false))[0]!);
  await page.keyboard.press('Enter');
  await expect(third.getByTestId('feedback')).toContainText('Belum tepat.');
  await expect(third).toContainText('Dicatat sebagai “Lagi”.');
  await page.keyboard.press('u');
  await expect(third.getByTestId('feedback')).toHaveCount(0);
  await expect(third.getByRole('checkbox').first()).not.toBeChecked();
  for (const key of await optionKeys(page, 'pk-005', true)) await page.keyboard.press(key);
  await page.keyboard.press('Enter');
  await expect(third.getByTestId('feedback')).toContainText('Benar!');
  // "I guessed" (G) turns the right answer into a failure of memory.
  await page.keyboard.press('g');
  await expect(third).toContainText('Dicatat sebagai “Lagi”.');
  await page.keyboard.press('Enter');

  // Nothing left now: the page says when the next card is due (pk-005's one-minute step).
  await expect(page.getByRole('heading', { name: 'Selesai untuk hari ini. Bagus!' })).toBeVisible();
  await expect(page.getByText(/Kartu berikutnya jatuh tempo: .*09\.01/)).toBeVisible();
  await expectAccessible(page);

  // Eleven minutes later the learning steps are due: pk-005 first, then pk-001 and pk-002.
  await setClock(context, T0 + 11 * MIN);
  await page.goto('/review');
  for (const id of ['pk-005', 'pk-001', 'pk-002']) {
    const card = page.locator(`[data-item-id="${id}"]`);
    await expect(card).toBeVisible();
    if (id === 'pk-002') await page.keyboard.type('resmi');
    else for (const key of await optionKeys(page, id, true)) await page.keyboard.press(key);
    await page.keyboard.press('Enter');
    await expect(card.getByTestId('feedback')).toContainText('Benar!');
    await page.keyboard.press('Enter');
  }

  // pk-001 graduated with a two-day interval: tomorrow it is not shown (three new cards are), the day after it is.
  await setClock(context, T0 + DAY);
  await page.goto('/review');
  await expect(page.getByTestId('question')).toBeVisible();
  await expect(page.locator('[data-item-id="pk-001"]')).toHaveCount(0);

  await setClock(context, T0 + 2 * DAY + 11 * MIN);
  await page.goto('/review');
  const reviews: string[] = [];
  for (let i = 0; i < 8; i++) {
    const q = page.getByTestId('question');
    if (!(await q.count())) break;
    reviews.push((await q.getAttribute('data-item-id'))!);
    if (reviews.at(-1) === 'pk-001') break;
    // Answer whatever else comes first with a wrong guess to move on quickly.
    await page.keyboard.press('1');
    await page.keyboard.type('x');
    await page.keyboard.press('Enter');
    await expect(q.getByTestId('feedback')).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('feedback')).toHaveCount(0);
  }
  expect(reviews).toContain('pk-001');
  await expect(page.getByTestId('card-phase')).toHaveText('Ulangan');

  // A higher desired retention brings reviews closer: the settings page reports the rescheduled cards.
  await page.goto('/settings');
  await page.getByLabel('Retensi yang diinginkan (%)').fill('97');
  await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
  await expect(page.getByTestId('form-message')).toContainText(
    /Pengaturan disimpan\. [1-9]\d* kartu dijadwalkan ulang/,
  );
  await expectAccessible(page);
});

test("times on the review screen are in the learner's time zone, whatever the browser's", async ({ browser }) => {
  // Signed up at home in Jakarta (the account takes that zone), then reviewing on a trip to London, where 02:10
  // UTC is 02.10 on the browser's clock.
  const home = await browser.newContext({ timezoneId: 'Asia/Jakarta' });
  const homePage = await home.newPage();
  await signUpAndIn(homePage, 'traveller');
  await homePage.goto(`/courses/${COURSE}/lessons/pertahanan-kolektif`);
  await homePage.getByRole('button', { name: 'Tambahkan pelajaran ini ke ulasan' }).click();
  await expect(homePage.getByTestId('form-message')).toContainText('kartu baru ditambahkan');
  const context = await browser.newContext({ timezoneId: 'Europe/London', storageState: await home.storageState() });
  await home.close();
  const page = await context.newPage();
  await setClock(context, T0);
  await page.goto('/review');
  const first = page.locator('[data-item-id="pk-001"]');
  await expect(first).toBeVisible();
  await page.keyboard.press((await optionKeys(page, 'pk-001', true))[0]!);
  await page.keyboard.press('Enter');
  await expect(first).toContainText('Muncul lagi: 1 Des 2026, 09.10.');
  await context.close();
});

test('the review page asks a visitor to sign in', async ({ page }) => {
  await page.goto('/review');
  await expect(page).toHaveURL(/\/signin\?next=%2Freview/);
});

test('a student creates an API token on the settings page, uses it, and revokes it', async ({ page, request }) => {
  await signUpAndIn(page, 'api');
  await page.goto('/settings');
  await page.getByLabel('Nama token').fill('skrip saya');
  await page.getByLabel('Kata sandi Anda').fill('kata sandi rahasia');
  await page.getByRole('button', { name: 'Buat token' }).click();
  const token = await page.getByTestId('new-token').inputValue();
  expect(token).toMatch(/^ingat_[A-Za-z0-9_-]{43}$/);
  await expectAccessible(page);

  const headers = { authorization: `Bearer ${token}` };
  const next = await request.get('/api/v1/review/next', { headers });
  expect(next.status()).toBe(200);
  expect(await next.json()).toMatchObject({ next: null, unstartedNew: 0 });

  await page.getByRole('button', { name: 'Cabut token skrip saya' }).click();
  await expect(page.getByRole('cell', { name: 'dicabut' })).toBeVisible();
  const refused = await request.get('/api/v1/review/next', { headers });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe('unauthenticated');

  const spec = await request.get('/api/v1/openapi.json');
  const doc = (await spec.json()) as {
    openapi: string;
    paths: Record<string, Record<string, { operationId: string }>>;
  };
  expect(doc.openapi).toBe('3.1.0');
  const ids = Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => o.operationId));
  for (const id of [
    'signUp',
    'createToken',
    'getNextCard',
    'submitAnswer',
    'undoAnswer',
    'getStats',
    'getSettings',
    'updateSettings',
  ])
    expect(ids).toContain(id);
});

test('the statistics page shows the numbers and charts, readable by a screen reader', async ({ page, context }) => {
  await setClock(context, T0);
  await signUpAndIn(page, 'stats');
  await page.goto(`/courses/${COURSE}/lessons/pertahanan-kolektif`);
  await page.getByRole('button', { name: 'Tambahkan pelajaran ini ke ulasan' }).click();
  await expect(page.getByTestId('form-message')).toContainText('kartu baru ditambahkan');
  await page.goto('/review');
  await page.keyboard.press((await optionKeys(page, 'pk-001', true))[0]!);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('feedback')).toContainText('Benar!');
  await page.goto('/stats');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('figure svg[role="img"]').first()).toHaveAttribute('aria-label', /.+/);
  await expectAccessible(page);
});
