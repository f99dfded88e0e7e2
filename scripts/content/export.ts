/** npm run content:export — the whole course (lessons, paragraphs, items with answers and sources) as JSON on stdout. */
import { loadAndCheckAll } from '../../lib/content/course-files';
import { formatContentError } from '../../lib/content/load';
import { exportCourse } from '../../lib/content/export';

const results = await loadAndCheckAll();
const bad = results.filter((r) => !r.course || r.loadErrors.length || r.check?.errors.length);
if (bad.length) {
  for (const r of bad)
    for (const e of [...r.loadErrors, ...(r.check?.errors ?? [])]) console.error(formatContentError(e));
  console.error('content:export refuses to export content that fails content:check');
  process.exit(1);
}
process.stdout.write(
  JSON.stringify(
    { format: 'ingat-course-export', version: 1, courses: results.map((r) => exportCourse(r.course!)) },
    null,
    2,
  ) + '\n',
);
