/** npm run content:lock — records new item ids (and marks removed ones retired) in each course's item-ids.lock.json. */
import { courseDirs, loadCourse, formatContentError } from '../../lib/content/load';
import { writeIdLock } from '../../lib/content/course-files';

for (const dir of await courseDirs()) {
  const { course, errors } = await loadCourse(dir);
  if (!course || errors.length) {
    for (const e of errors) console.error(formatContentError(e));
    process.exit(1);
  }
  console.log(`${course.course.id}: ${await writeIdLock(course)} new id(s) locked`);
}
