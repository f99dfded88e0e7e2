/** npm run content:check — validates every course and prints a coverage report; exits 1 on any error. */
import { formatContentError } from '../../lib/content/load';
import { loadAndCheckAll } from '../../lib/content/course-files';
import { MINIMUMS } from '../../lib/content/check';

const results = await loadAndCheckAll();
let failed = false;
for (const r of results) {
  const name = r.course?.course.id ?? r.dir;
  console.log(`\n== ${name}`);
  const errors = [...r.loadErrors, ...(r.check?.errors ?? [])];
  if (r.check) {
    const { coverage, totals, notes } = r.check;
    const kindsOrder = MINIMUMS.kinds;
    const head = ['lesson', 'items', 'para', '≥understand', ...kindsOrder];
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
      `${totals.aboveRemember} (${Math.round((100 * totals.aboveRemember) / Math.max(1, totals.items))}%)`,
      ...kindsOrder.map((k) => String(totals.kinds[k] ?? 0)),
    ]);
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
    console.log(line(head));
    for (const row of rows) console.log(line(row));
    console.log(
      `levels: ${Object.entries(totals.levels)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
    console.log(
      `minimums: ${MINIMUMS.itemsPerCourse} items, ${MINIMUMS.itemsPerLesson} per lesson, ${MINIMUMS.perKind} per kind, ${MINIMUMS.aboveRememberShare * 100}% above "remember", every paragraph cited`,
    );
    for (const n of notes) console.log(`note: ${n}`);
  }
  if (errors.length) {
    failed = true;
    console.log(`\n${errors.length} error(s):`);
    for (const e of errors) console.log(`  ✗ ${formatContentError(e)}`);
  } else console.log('\nOK: no errors.');
}
process.exit(failed ? 1 : 0);
