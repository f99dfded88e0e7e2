/** The instructor's home against a real database: who is at risk, which questions are flagged, what falls due. */
import { describe, expect, it } from 'vitest';
import { nextCard } from '@/lib/data/review/next-card';
import { assignLesson, classDetail, createClass, joinClass } from '@/lib/data/classes/classes';
import { instructorHome } from '@/lib/data/classes/instructor-home';
import { answerCard, caught, makeActor } from './helpers';

const COURSE = 'struktur-keamanan-regional';
const T0 = new Date('2026-12-01T02:00:00Z');
const DAY = 86_400_000;

describe("the instructor's home", () => {
  it('is empty, not invented, for an instructor without classes, and refused to a student', async () => {
    const teacher = await makeActor('INSTRUCTOR', 'home-empty');
    expect(await instructorHome(teacher, T0)).toEqual({ classes: [], atRisk: [], flaggedItems: [], dueThisWeek: [] });
    const student = await makeActor('STUDENT', 'home-student');
    expect((await caught(instructorHome(student, T0))).code).toBe('forbidden');
  });

  it('lists the inactive student with the reason, the flagged question, and only the assignment due this week', async () => {
    const teacher = await makeActor('INSTRUCTOR', 'home');
    const other = await makeActor('INSTRUCTOR', 'home-other');
    const created = await createClass(teacher, { courseId: COURSE, name: 'Kelas beranda' }, T0);
    await createClass(other, { courseId: COURSE, name: 'Kelas orang lain' }, T0);
    const code = (await classDetail(teacher, created.id)).joinCode!;
    await assignLesson(teacher, created.id, { lessonId: 'keamanan-kolektif', dueDate: '2026-12-10' }, T0);
    await assignLesson(teacher, created.id, { lessonId: 'pertahanan-kolektif', dueDate: '2026-12-30' }, T0);

    // Ten students answer the first question of the assigned lesson right on first sight (too easy), one never does.
    const idle = await makeActor('STUDENT', 'home-idle');
    await joinClass(idle, { code }, T0);
    for (let i = 0; i < 10; i++) {
      const s = await makeActor('STUDENT', `home-${i}`);
      await joinClass(s, { code }, T0);
      const at = new Date(T0.getTime() + 6 * DAY);
      await answerCard(s, (await nextCard(s, at)).next!, true, at);
    }

    const now = new Date(T0.getTime() + 6 * DAY + 60_000);
    const home = await instructorHome(teacher, now);
    expect(home.classes).toEqual([
      expect.objectContaining({ id: created.id, name: 'Kelas beranda', students: 11, active7d: 10, reviews7d: 10 }),
    ]);
    expect(home.atRisk).toEqual([
      {
        classId: created.id,
        className: 'Kelas beranda',
        studentId: idle.id,
        name: idle.displayName,
        reasons: [{ kind: 'inactive', days: null }],
      },
    ]);
    expect(home.classes[0]!.atRisk).toBe(1);
    expect(home.flaggedItems).toHaveLength(1);
    expect(home.flaggedItems[0]!.flags.map((f) => f.code)).toContain('too_easy');
    expect(home.classes[0]!.flaggedItems).toBe(1);
    // Due on 10 December (within 7 days of 7 December); 30 December is not this week.
    expect(home.dueThisWeek).toEqual([
      expect.objectContaining({ lessonId: 'keamanan-kolektif', finished: 0, students: 11 }),
    ]);
    // The other instructor's class is not theirs to see here.
    expect((await instructorHome(other, now)).classes.map((c) => c.name)).toEqual(['Kelas orang lain']);
  });
});
