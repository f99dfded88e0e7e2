import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { courseCatalog, findItem } from '@/lib/content/catalog';
import { nextCard } from '@/lib/data/review/next-card';
import {
  assignLesson,
  classDetail,
  createClass,
  joinClass,
  listClasses,
  removeStudent,
  rotateJoinCode,
  setExamDate,
} from '@/lib/data/classes/classes';
import { getClassProgress, getStudentProgress } from '@/lib/data/classes/progress';
import type { Actor } from '@/lib/data/actor';
import { answerCard, caught, makeActor } from './helpers';

const COURSE = 'struktur-keamanan-regional';

/** How many live items a lesson has in the shipped content (the bank changes; the rule does not). */
async function itemsInLesson(lessonId: string): Promise<number> {
  const catalog = (await courseCatalog(COURSE))!;
  return [...catalog.itemById.values()].filter((i) => i.lesson === lessonId).length;
}
const T0 = new Date('2026-12-01T02:00:00Z');
const DAY = 86_400_000;

async function answerNext(actor: Actor, correct: boolean, now: Date) {
  return answerCard(actor, (await nextCard(actor, now)).next!, correct, now);
}

async function classWithStudent() {
  const teacher = await makeActor('INSTRUCTOR', 'teacher');
  const student = await makeActor('STUDENT', 'pupil');
  const created = await createClass(teacher, { courseId: COURSE, name: 'HI Kelas A' }, T0);
  const detail = await classDetail(teacher, created.id);
  await joinClass(student, { code: detail.joinCode!.toLowerCase() }, T0);
  return { teacher, student, classId: created.id, code: detail.joinCode! };
}

describe('classes', () => {
  it('lets an instructor create a class with a join code, and a student join it once however often they try', async () => {
    const { teacher, student, classId, code } = await classWithStudent();
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    const again = await joinClass(student, { code: `${code.slice(0, 4)}-${code.slice(4)}` }, T0);
    expect(again.students).toBe(1);
    expect((await listClasses(student)).map((c) => [c.id, c.role])).toEqual([[classId, 'member']]);
    expect((await listClasses(teacher)).map((c) => [c.id, c.role])).toEqual([[classId, 'instructor']]);
    // Students see the class but not its join code.
    expect((await classDetail(student, classId)).joinCode).toBeNull();
  });

  it('stops an old code working after rotation; members stay', async () => {
    const { teacher, classId, code } = await classWithStudent();
    const { joinCode } = await rotateJoinCode(teacher, classId);
    expect(joinCode).not.toBe(code);
    const late = await makeActor('STUDENT', 'late');
    expect((await caught(joinClass(late, { code }, T0))).messageKey).toBe('errors.joinCodeUnknown');
    expect((await getClassProgress(teacher, classId, T0)).students).toHaveLength(1);
  });

  it('refuses a malformed code with a message naming the field', async () => {
    const student = await makeActor();
    const e = await caught(joinClass(student, { code: 'ab' }, T0));
    expect(e.fieldErrors.code).toEqual(['validation.joinCodeInvalid']);
  });

  it("puts an assigned lesson's items into every member's deck, and into the deck of a student who joins later", async () => {
    const { teacher, student, classId, code } = await classWithStudent();
    const assigned = await assignLesson(teacher, classId, { lessonId: 'keamanan-kolektif', dueDate: '2026-12-15' }, T0);
    const kolektifItems = await itemsInLesson('keamanan-kolektif');
    expect(assigned.cardsAdded).toBe(kolektifItems);
    expect(assigned.dueAt).toBe('2026-12-15T16:59:59.999Z'); // end of the day in Jakarta (UTC+7)
    expect(await db().card.count({ where: { userId: student.id, lessonId: 'keamanan-kolektif' } })).toBe(kolektifItems);
    const late = await makeActor('STUDENT', 'late');
    await joinClass(late, { code }, T0);
    expect(await db().card.count({ where: { userId: late.id, lessonId: 'keamanan-kolektif' } })).toBe(kolektifItems);
    const seen = await classDetail(student, classId);
    expect(seen.assignments).toEqual([
      { lessonId: 'keamanan-kolektif', lessonTitle: expect.any(String), dueAt: '2026-12-15T16:59:59.999Z' },
    ]);
  });

  it('removes a student from the roster but keeps their reviews', async () => {
    const { teacher, student, classId } = await classWithStudent();
    await assignLesson(teacher, classId, { lessonId: 'keamanan-bersama', dueDate: '2026-12-20' }, T0);
    await answerNext(student, true, T0);
    await removeStudent(teacher, classId, student.id, T0);
    expect((await getClassProgress(teacher, classId, T0)).students).toHaveLength(0);
    expect(await db().reviewLog.count({ where: { userId: student.id } })).toBe(1);
    expect((await caught(classDetail(student, classId))).code).toBe('forbidden');
  });
});

describe('the dashboard', () => {
  it("shows a student's activity, knowledge, progress on assigned lessons and the concept map", async () => {
    const { teacher, student, classId } = await classWithStudent();
    await assignLesson(teacher, classId, { lessonId: 'pertahanan-kolektif', dueDate: '2026-12-15' }, T0);
    const before = await getClassProgress(teacher, classId, T0);
    const row0 = before.students[0]!;
    expect(row0.lastActive).toBeNull();
    expect(row0.itemsKnown).toBe(0);
    const pkItems = await itemsInLesson('pertahanan-kolektif');
    expect(row0.assigned['pertahanan-kolektif']).toEqual({ studied: 0, total: pkItems });
    expect(before.conceptMap[student.id]!['pertahanan-kolektif']!.mean).toBeNull();

    for (let i = 0; i < 4; i++) await answerNext(student, i !== 3, new Date(T0.getTime() + i * 1000));
    const after = await getClassProgress(teacher, classId, new Date(T0.getTime() + 60_000));
    const row = after.students[0]!;
    expect(row.reviews7d).toBe(4);
    expect(row.lastActive).toBe(new Date(T0.getTime() + 3000).toISOString());
    expect(row.assigned['pertahanan-kolektif']).toEqual({ studied: 4, total: pkItems });
    // Just answered: each studied card is remembered with probability close to 1.
    expect(row.itemsKnown).toBeGreaterThan(3.9);
    expect(row.itemsKnown).toBeLessThanOrEqual(4);
    expect(after.conceptMap[student.id]!['pertahanan-kolektif']!.mean).toBeGreaterThan(0.97);
    // Not enough answers to judge retention: no rate, no risk flag from it.
    expect(row.retention30d.rate).toBeNull();
    expect(row.atRisk).toEqual([]);
  });

  it('flags an inactive student with the reason, and a student far behind before the exam', async () => {
    const { teacher, classId } = await classWithStudent();
    await assignLesson(teacher, classId, { lessonId: 'pertahanan-kolektif', dueDate: '2026-12-15' }, T0);
    await setExamDate(teacher, classId, { examDate: '2026-12-20' });
    const later = new Date(T0.getTime() + 6 * DAY);
    const row = (await getClassProgress(teacher, classId, later)).students[0]!;
    expect(row.atRisk).toEqual([
      { kind: 'inactive', days: null },
      { kind: 'exam_readiness', known: 0, daysToExam: 13 },
    ]);
  });

  it("gives an instructor the student's own statistics, and refuses a student who is not in the class", async () => {
    const { teacher, student, classId } = await classWithStudent();
    const detail = await getStudentProgress(teacher, classId, student.id, T0);
    expect(detail.student.id).toBe(student.id);
    const stranger = await makeActor();
    expect((await caught(getStudentProgress(teacher, classId, stranger.id, T0))).code).toBe('not_found');
  });
});

describe('item analysis', () => {
  it('computes facility and distractor choices from first attempts only, and hides numbers below ten attempts', async () => {
    const teacher = await makeActor('INSTRUCTOR', 'analyst');
    const created = await createClass(teacher, { courseId: COURSE, name: 'Analisis' }, T0);
    const { joinCode } = await classDetail(teacher, created.id);
    await assignLesson(teacher, created.id, { lessonId: 'pertahanan-kolektif', dueDate: '2026-12-15' }, T0);
    const students: Actor[] = [];
    for (let i = 0; i < 12; i++) {
      const s = await makeActor('STUDENT', `a${i}`);
      await joinClass(s, { code: joinCode! }, T0);
      students.push(s);
    }
    // Everyone's first card is pk-001: nine answer right, three wrong; one right answer is then answered again.
    for (const [i, s] of students.entries()) await answerNext(s, i >= 3, T0);
    await answerNext(students[5]!, false, new Date(T0.getTime() + 11 * 60_000));
    const { getItemAnalysis } = await import('@/lib/data/classes/item-analysis');
    const report = await getItemAnalysis(teacher, created.id);
    const pk1 = report.items.find((i) => i.itemId === 'pk-001')!;
    expect(pk1.attempts).toBe(12);
    expect(pk1.facility).toBe(0.75);
    const right = (await findItem('pk-001'))!.item;
    const rightId = 'options' in right ? right.options.find((o) => o.correct)!.id : '';
    expect(pk1.options!.find((o) => o.optionId === rightId)!.count).toBe(9);
    expect(
      pk1
        .options!.filter((o) => !o.correct)
        .map((o) => o.count)
        .sort(),
    ).toEqual([0, 0, 3]);
    const pk2 = report.items.find((i) => i.itemId === 'pk-002')!;
    expect(pk2.attempts).toBe(0);
    expect(pk2.facility).toBeNull();
    expect(pk2.flags.map((f) => f.code)).toEqual(['too_few_attempts']);
  });
});
