/**
 * Personal memory models in the running app: a learner who forgets much faster than FSRS's population defaults
 * assume studies for 16 days, 10 new cards a day (through the API, with the server's test clock moved day by day;
 * about 1,250 answers), asks for a fit on the settings page, and the app's background worker (pg-boss in the server
 * process) fits, adopts and reschedules.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext } from '@playwright/test';
import type { Item } from '@/lib/content/schema';
import type { ItemView } from '@/lib/domain/item-view';
import { responseFor } from '../tests/support/answers';
import { expectAccessible, itemsInContent, signUpAndIn } from './support';
import { PORT } from './port';

test.use({ timezoneId: 'Asia/Jakarta' });

const COURSE = 'struktur-keamanan-regional';
const DAY = 86_400_000;
const STUDY_DAYS = 16;
/** This learner recalls a card only within this long of last seeing it (the defaults expect far longer memory). */
const MEMORY_MS = 1.5 * DAY;

const items = new Map<string, Item>(
  readdirSync(`content/courses/${COURSE}/items`).flatMap((file) =>
    (JSON.parse(readFileSync(`content/courses/${COURSE}/items/${file}`, 'utf8')) as Item[]).map((i) => [i.id, i]),
  ),
);

interface Queue {
  next: { cardId: string; cardVersion: number; view: ItemView } | null;
  nextDueAt: string | null;
}

function api(request: APIRequestContext, token: string) {
  const headers = (at: number) => ({
    authorization: `Bearer ${token}`,
    cookie: `ingat-test-now=${new Date(at).toISOString()}`,
  });
  return {
    async next(at: number): Promise<Queue> {
      const res = await request.get('/api/v1/review/next', { headers: headers(at) });
      expect(res.status()).toBe(200);
      return (await res.json()) as Queue;
    },
    async answer(at: number, body: object) {
      const res = await request.post('/api/v1/review/answers', { headers: headers(at), data: body });
      expect(res.status()).toBe(200);
    },
    /** The statistics page's estimate of items known now (sum of retrievability). */
    async itemsKnown(at: number): Promise<number> {
      const res = await request.get('/api/v1/stats', { headers: headers(at) });
      expect(res.status()).toBe(200);
      return ((await res.json()) as { known: { expected: number } }).known.expected;
    },
  };
}

test('a learner with enough history gets a fitted parameter set in the background and their cards are rescheduled', async ({
  page,
  context,
  request,
}) => {
  test.setTimeout(240_000);
  // Study from 17 days ago (09:00 in Jakarta) until yesterday; the fit then runs at the real time.
  const start = Math.floor((Date.now() - (STUDY_DAYS + 1) * DAY) / DAY) * DAY + 2 * 3_600_000;
  await context.addCookies([
    { name: 'ingat-test-now', value: new Date(start).toISOString(), url: `http://localhost:${PORT}` },
  ]);
  await signUpAndIn(page, 'forgetful');
  await page.goto(`/courses/${COURSE}`);
  await page.getByRole('button', { name: 'Tambahkan seluruh mata kuliah ke ulasan' }).click();
  await expect(page.getByTestId('form-message')).toContainText(`${itemsInContent()} kartu baru ditambahkan`);
  await page.goto('/settings');
  await page.getByLabel('Kartu baru per hari').fill('10');
  await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
  await expect(page.getByTestId('form-message').first()).toContainText('Pengaturan disimpan');
  // Without history, asking for a fit says how many answers it needs instead of queueing a job that would skip.
  const params = page.getByRole('region', { name: 'Parameter memori (FSRS)' });
  await params.getByRole('button', { name: 'Sesuaikan sekarang' }).click();
  await expect(params.getByTestId('form-message')).toContainText(
    'Penyesuaian butuh setidaknya 300 jawaban di mata kuliah ini; Anda baru punya 0.',
  );
  await page.getByLabel('Nama token').fill('simulasi');
  await page.getByLabel('Kata sandi Anda').fill('kata sandi rahasia');
  await page.getByRole('button', { name: 'Buat token' }).click();
  const client = api(request, await page.getByTestId('new-token').inputValue());

  const lastSeen = new Map<string, number>();
  let answers = 0;
  let lapses = 0;
  for (let day = 0; day < STUDY_DAYS; day++) {
    let now = start + day * DAY;
    const endOfSession = now + 12 * 3_600_000;
    for (;;) {
      const queue = await client.next(now);
      if (!queue.next) {
        // Learning steps due later today: come back then; otherwise the day is done.
        const due = queue.nextDueAt ? Date.parse(queue.nextDueAt) : Infinity;
        if (due >= endOfSession) break;
        now = Math.max(now, due) + 1_000;
        continue;
      }
      const { cardId, cardVersion, view } = queue.next;
      const seen = lastSeen.get(cardId);
      const correct = seen === undefined || now - seen <= MEMORY_MS;
      const item = items.get(view.id)!;
      await client.answer(now, {
        cardId,
        cardVersion,
        idempotencyKey: randomUUID(),
        response: responseFor(item, view, correct),
        durationMs: 6_000,
      });
      lastSeen.set(cardId, now);
      answers++;
      if (!correct) lapses++;
      now += 20_000;
    }
  }
  expect(answers).toBeGreaterThanOrEqual(300);
  expect(lapses).toBeGreaterThan(20);

  await context.clearCookies({ name: 'ingat-test-now' });
  const now = Date.now();
  const knownBefore = await client.itemsKnown(now);
  await page.goto('/settings');
  await expect(page.getByTestId('params-in-use')).toContainText('parameter bawaan FSRS');
  await params.getByRole('button', { name: 'Sesuaikan sekarang' }).click();
  await expect(params.getByTestId('form-message')).toContainText('dijadwalkan di latar belakang');

  // The worker in the server process picks the job up within seconds; the page shows the outcome when reloaded.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('params-in-use')).toContainText('riwayat ulasan Anda sendiri', { timeout: 1_000 });
  }).toPass({ timeout: 90_000, intervals: [1_000] });
  const history = page.getByRole('table', { name: 'Riwayat penyesuaian' });
  await expect(history.getByRole('row')).toHaveCount(2);
  await expect(history).toContainText('dipakai: prediksinya lebih baik');
  await expectAccessible(page);

  // Cards rebuilt from the log with weights that know this learner forgets fast: the estimate of what they know
  // now, on their statistics page, comes down from the defaults' optimism (most cards were seen within the last
  // day or two, which this learner still remembers, so it comes down by a few percent, not more).
  expect(await client.itemsKnown(now)).toBeLessThan(knownBefore);
});
