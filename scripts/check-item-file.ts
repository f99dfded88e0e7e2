/* Quick check of one item file while writing it: npx tsx scripts/check-item-file.ts content/courses/<c>/items/<lesson>.json */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { itemFileSchema, sourceSchema } from '../lib/content/schema';
import { quoteOccursIn } from '../lib/content/text';

const file = process.argv[2]!;
const courseDir = dirname(dirname(file));
const source = sourceSchema.parse(JSON.parse(readFileSync(join(courseDir, 'source.json'), 'utf8')));
const paragraphs = new Map(source.sections.flatMap((s) => s.paragraphs.map((p) => [p.id, p.text] as const)));
const parsed = itemFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.log('SCHEMA', issue.path.join('.'), issue.message);
  process.exit(1);
}
let errors = 0;
const err = (id: string, m: string) => {
  errors++;
  console.log('ERROR', id, m);
};
const ids = new Set<string>();
const counts: Record<string, number> = {};
const levels: Record<string, number> = {};
const covered = new Set<string>();
for (const it of parsed.data) {
  if (ids.has(it.id)) err(it.id, 'duplicate id');
  ids.add(it.id);
  counts[it.kind] = (counts[it.kind] ?? 0) + 1;
  levels[it.level] = (levels[it.level] ?? 0) + 1;
  for (const s of it.sources) {
    const p = paragraphs.get(s.paragraph);
    if (!p) err(it.id, `unknown paragraph ${s.paragraph}`);
    else if (!quoteOccursIn(s.quote, p)) err(it.id, `quote not found in ${s.paragraph}: "${s.quote.slice(0, 80)}"`);
    else covered.add(s.paragraph);
  }
  if (it.kind === 'single' || it.kind === 'scenario') {
    if (it.options.filter((o) => o.correct).length !== 1) err(it.id, 'needs exactly one correct option');
  }
  if (it.kind === 'multiple') {
    const c = it.options.filter((o) => o.correct).length;
    if (c < 2 || c === it.options.length) err(it.id, 'multiple needs >=2 correct and >=1 wrong');
  }
  if (it.kind === 'truefalse' && !it.answer && !it.correction) err(it.id, 'false statement needs correction');
}
console.log(
  errors ? `${errors} errors` : 'OK',
  parsed.data.length,
  'items',
  JSON.stringify(counts),
  JSON.stringify(levels),
  'paragraphs covered:',
  [...covered].sort().join(' '),
);
process.exit(errors ? 1 : 0);
