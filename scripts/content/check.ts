/** npm run content:check — validates every course and prints a coverage report; exits 1 on any error. */
import { formatContentError } from '../../lib/content/load';
import { loadAndCheckAll } from '../../lib/content/course-files';
import { MINIMUMS } from '../../lib/content/check';
import { BANK_LIMITS, itemSetReport, type BankReport } from '../../lib/content/bank-checks';
import { LEVELS } from '../../lib/content/schema';

function table(head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(head));
  for (const row of rows) console.log(line(row));
}

const pct = (n: number, of: number) => (of ? `${Math.round((100 * n) / of)}%` : '–');

/** One row of bank measurements: for one lesson's items, or for the whole bank. */
function bankCells(r: ReturnType<typeof itemSetReport>): string[] {
  const k = r.keyLength;
  const p = r.positions;
  return [
    `${k.keyLongest}/${k.items} ${pct(k.keyLongest, k.items)}`,
    k.items ? k.meanRatio.toFixed(2) : '–',
    p.counts.map((c, i) => `${c}/${p.expected[i]!.toFixed(1)}`).join(' '),
    `${r.trueFalse.trueCount}/${r.trueFalse.items} ${pct(r.trueFalse.trueCount, r.trueFalse.items)}`,
    r.multiple.correctAt.map((c) => pct(c, r.multiple.items)).join(' '),
    LEVELS.map((l) => r.levels[l]).join('/'),
  ];
}

function printBank(bank: BankReport, lessonItems: Map<string, Parameters<typeof itemSetReport>[0]>): void {
  console.log('\nbank: key longest (single+scenario), key ÷ mean distractor length, key positions (count/even share),');
  console.log(`      true share, multiple-response correct share by position, levels (${LEVELS.join('/')})`);
  const head = [
    'lesson',
    'words',
    'items',
    'per100w',
    'keyLongest',
    'ratio',
    'keyPositions',
    'true',
    'mrCorrectAt',
    'levels',
  ];
  const rows = bank.weights.map((w) => [
    w.lesson,
    String(w.words),
    String(w.items),
    w.itemsPer100Words.toFixed(2),
    ...bankCells(itemSetReport(lessonItems.get(w.lesson) ?? [])),
  ]);
  const words = bank.weights.reduce((s, w) => s + w.words, 0);
  const items = bank.weights.reduce((s, w) => s + w.items, 0);
  rows.push([
    'TOTAL',
    String(words),
    String(items),
    ((100 * items) / Math.max(1, words)).toFixed(2),
    ...bankCells(bank),
  ]);
  table(head, rows);
  const per100 = bank.weights.filter((w) => w.words > 0).map((w) => w.itemsPer100Words);
  const spread = per100.length ? Math.max(...per100) / Math.max(1e-9, Math.min(...per100)) : 0;
  const L = BANK_LIMITS;
  console.log(
    `limits: key longest ≤ ${L.keyLongestShare * 100}%; key position ≤ ${L.positionOverUniform}× even share (where that share ≥ ${L.minExpectedAtPosition}); ` +
      `true ${L.trueShare.min * 100}–${L.trueShare.max * 100}%; multiple-response position correct ≤ ${L.multiplePositionShare * 100}%; ` +
      `items per 100 words within ×${L.coverageFactor} (now ×${spread.toFixed(2)}); ≥ ${L.itemsPerLesson} items per lesson; ` +
      `no key on a "likely" correction (now ${bank.likelyKeyed.length})`,
  );
}

const results = await loadAndCheckAll();
let failed = false;
for (const r of results) {
  const name = r.course?.course.id ?? r.dir;
  console.log(`\n== ${name}`);
  const errors = [...r.loadErrors, ...(r.check?.errors ?? [])];
  if (r.check && r.course) {
    const { coverage, totals, notes, bank } = r.check;
    const kindsOrder = MINIMUMS.kinds;
    const rows = coverage.map((c) => [
      c.lesson,
      String(c.items),
      `${c.paragraphsCovered}/${c.paragraphs}`,
      String(c.aboveRemember),
      ...kindsOrder.map((k) => String(c.kinds[k] ?? 0)),
    ]);
    rows.push([
      'TOTAL',
      String(totals.items),
      `${coverage.reduce((s, c) => s + c.paragraphsCovered, 0)}/${coverage.reduce((s, c) => s + c.paragraphs, 0)}`,
      `${totals.aboveRemember} (${pct(totals.aboveRemember, totals.items)})`,
      ...kindsOrder.map((k) => String(totals.kinds[k] ?? 0)),
    ]);
    table(['lesson', 'items', 'para', '≥understand', ...kindsOrder], rows);
    console.log(
      `levels: ${LEVELS.map((l) => `${l} ${totals.levels[l] ?? 0} (${pct(totals.levels[l] ?? 0, totals.items)})`).join(', ')}`,
    );
    console.log(
      `minimums: ${MINIMUMS.itemsPerCourse} items, ${MINIMUMS.perKind} per kind, ${MINIMUMS.aboveRememberShare * 100}% above "remember", every paragraph cited`,
    );
    const byLesson = new Map<string, typeof r.course.items>();
    for (const i of r.course.items) byLesson.set(i.lesson, [...(byLesson.get(i.lesson) ?? []), i]);
    printBank(bank, byLesson);
    for (const n of notes) console.log(`note: ${n}`);
  }
  if (errors.length) {
    failed = true;
    console.log(`\n${errors.length} error(s):`);
    for (const e of errors) console.log(`  ✗ ${formatContentError(e)}`);
  } else console.log('\nOK: no errors.');
}
process.exit(failed ? 1 : 0);
