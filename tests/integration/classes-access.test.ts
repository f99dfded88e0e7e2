/**
 * Who may do what with a class, walked exhaustively: every class operation of /api/v1 and every lib/data/classes
 * function, called as each of six personas (anonymous, a student of the class, a student of another class, an
 * instructor of another class, the class's instructor, an admin). The rules live in the data functions
 * (lib/data/classes/access.internal.ts); the API walk proves the HTTP face maps them to the same outcomes, and the tables
 * below are the specification a reader can check at a glance.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { handleApiRequest } from '@/lib/api/dispatch';
import { openApiDocument } from '@/lib/api/openapi';
import type { Actor } from '@/lib/data/actor';
import {
  addInstructor,
  assignLesson,
  classDetail,
  createClass,
  joinClass,
  listClasses,
  removeStudent,
  rotateJoinCode,
  setExamDate,
} from '@/lib/data/classes/classes';
import { getItemAnalysis } from '@/lib/data/classes/item-analysis';
import { getClassProgress, getStudentProgress } from '@/lib/data/classes/progress';
import { db } from '@/lib/db/client';
import { AppError, HTTP_STATUS } from '@/lib/errors';
import { makeActor } from './helpers';

const COURSE = 'struktur-keamanan-regional';
const LESSON = 'pertahanan-kolektif';
const ORIGIN = 'http://ingat.test';
const NOW = new Date('2026-12-01T02:00:00Z');
const UTF8_BOM = [0xef, 0xbb, 0xbf];

const PERSONAS = {
  anonymous: 'anonymous',
  studentOfClass: 'a student of the class',
  studentOfOtherClass: 'a student of another class',
  instructorOfOtherClass: 'an instructor of another class',
  classInstructor: 'the class’s instructor',
  admin: 'an admin',
} as const;
type Persona = keyof typeof PERSONAS;

type Outcome = 'ok' | AppError['code'];
type Expected = Record<Persona, Outcome>;

// The access rules, one line per persona. Each operation and function below names the rule it follows.
const INSTRUCTORS_OF_THE_CLASS: Expected = {
  anonymous: 'unauthenticated',
  studentOfClass: 'forbidden',
  studentOfOtherClass: 'forbidden',
  instructorOfOtherClass: 'forbidden',
  classInstructor: 'ok',
  admin: 'ok',
};
const MEMBERS_AND_INSTRUCTORS: Expected = { ...INSTRUCTORS_OF_THE_CLASS, studentOfClass: 'ok' };
const ANY_INSTRUCTOR: Expected = { ...INSTRUCTORS_OF_THE_CLASS, instructorOfOtherClass: 'ok' };
const ANY_SIGNED_IN: Expected = {
  anonymous: 'unauthenticated',
  studentOfClass: 'ok',
  studentOfOtherClass: 'ok',
  instructorOfOtherClass: 'ok',
  classInstructor: 'ok',
  admin: 'ok',
};
/** Anyone with the code may join (again, harmlessly); the class's own instructor may not become its student. */
const ANYONE_WITH_THE_CODE: Expected = { ...ANY_SIGNED_IN, classInstructor: 'conflict' };

/** Two classes of the same course, each with an instructor and a student, plus the people the walk acts on. */
interface World {
  actors: Record<Persona, Actor | null>;
  classId: string;
  otherClassId: string;
  joinCode: string;
  student: Actor;
  /** A second student of the class, removed (and restored) by the removeStudent walk. */
  removable: Actor;
  /** An instructor the addInstructor walk adds to the class. */
  coTeacher: Actor;
}

async function buildWorld(): Promise<World> {
  const [teacher, otherTeacher, student, otherStudent, admin, removable, coTeacher] = await Promise.all([
    makeActor('INSTRUCTOR', 'acl-teacher'),
    makeActor('INSTRUCTOR', 'acl-other-teacher'),
    makeActor('STUDENT', 'acl-student'),
    makeActor('STUDENT', 'acl-other-student'),
    makeActor('ADMIN', 'acl-admin'),
    makeActor('STUDENT', 'acl-removable'),
    makeActor('INSTRUCTOR', 'acl-co-teacher'),
  ]);
  const own = await createClass(teacher, { courseId: COURSE, name: 'Kelas Akses A' }, NOW);
  const other = await createClass(otherTeacher, { courseId: COURSE, name: 'Kelas Akses B' }, NOW);
  const joinCode = (await classDetail(teacher, own.id)).joinCode!;
  await joinClass(student, { code: joinCode }, NOW);
  await joinClass(removable, { code: joinCode }, NOW);
  await joinClass(otherStudent, { code: (await classDetail(otherTeacher, other.id)).joinCode! }, NOW);
  await assignLesson(teacher, own.id, { lessonId: LESSON, dueDate: '2026-12-15' }, NOW);
  return {
    actors: {
      anonymous: null,
      studentOfClass: student,
      studentOfOtherClass: otherStudent,
      instructorOfOtherClass: otherTeacher,
      classInstructor: teacher,
      admin,
    },
    classId: own.id,
    otherClassId: other.id,
    joinCode,
    student,
    removable,
    coTeacher,
  };
}

async function outcomeOf(call: Promise<unknown>): Promise<Outcome> {
  try {
    await call;
    return 'ok';
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

/** One /api/v1 request as `actor` through the browser session; writes carry this site's Origin, as a browser's do. */
function apiCall(actor: Actor | null, method: string, path: string, body?: unknown): Promise<Response> {
  const request = new Request(`${ORIGIN}/api/v1${path}`, {
    method,
    headers: {
      ...(method === 'GET' ? {} : { origin: ORIGIN }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return handleApiRequest(request, { sessionActor: async () => actor, now: async () => NOW });
}

/** The walk, one row per persona, in the order of PERSONAS. */
const rows = (expected: Expected) =>
  (Object.keys(PERSONAS) as Persona[]).map((persona) => ({
    persona,
    who: PERSONAS[persona],
    outcome: expected[persona],
  }));

interface DataCase {
  fn: string;
  expected: Expected;
  /** Puts the world back where the call expects it (for calls that change it). */
  prepare?: (w: World) => Promise<unknown>;
  call: (actor: Actor | null, w: World) => Promise<unknown>;
}

const DATA_CASES: DataCase[] = [
  {
    fn: 'createClass',
    expected: ANY_INSTRUCTOR,
    call: (a) => createClass(a, { courseId: COURSE, name: 'Kelas baru' }, NOW),
  },
  { fn: 'classDetail', expected: MEMBERS_AND_INSTRUCTORS, call: (a, w) => classDetail(a, w.classId) },
  { fn: 'rotateJoinCode', expected: INSTRUCTORS_OF_THE_CLASS, call: (a, w) => rotateJoinCode(a, w.classId) },
  {
    fn: 'assignLesson',
    expected: INSTRUCTORS_OF_THE_CLASS,
    call: (a, w) => assignLesson(a, w.classId, { lessonId: LESSON, dueDate: '2026-12-20' }, NOW),
  },
  {
    fn: 'setExamDate',
    expected: INSTRUCTORS_OF_THE_CLASS,
    call: (a, w) => setExamDate(a, w.classId, { examDate: '2027-01-20' }),
  },
  {
    fn: 'addInstructor',
    expected: INSTRUCTORS_OF_THE_CLASS,
    call: (a, w) => addInstructor(a, w.classId, { email: w.coTeacher.email }, NOW),
  },
  {
    fn: 'removeStudent',
    expected: INSTRUCTORS_OF_THE_CLASS,
    prepare: (w) =>
      db().classMember.update({
        where: { classId_userId: { classId: w.classId, userId: w.removable.id } },
        data: { removedAt: null },
      }),
    call: (a, w) => removeStudent(a, w.classId, w.removable.id, NOW),
  },
  { fn: 'getClassProgress', expected: INSTRUCTORS_OF_THE_CLASS, call: (a, w) => getClassProgress(a, w.classId, NOW) },
  {
    fn: 'getStudentProgress',
    expected: INSTRUCTORS_OF_THE_CLASS,
    call: (a, w) => getStudentProgress(a, w.classId, w.student.id, NOW),
  },
  { fn: 'getItemAnalysis', expected: INSTRUCTORS_OF_THE_CLASS, call: (a, w) => getItemAnalysis(a, w.classId) },
];

interface ApiCase {
  operationId: string;
  method: 'GET' | 'POST';
  path: (w: World) => string;
  body?: (w: World) => unknown;
  expected: Expected;
  successStatus?: 201;
  csv?: true;
}

const API_CASES: ApiCase[] = [
  {
    operationId: 'createClass',
    method: 'POST',
    path: () => '/classes',
    body: () => ({ courseId: COURSE, name: 'Kelas lewat API' }),
    expected: ANY_INSTRUCTOR,
    successStatus: 201,
  },
  { operationId: 'listClasses', method: 'GET', path: () => '/classes', expected: ANY_SIGNED_IN },
  {
    operationId: 'assignLesson',
    method: 'POST',
    path: (w) => `/classes/${w.classId}/assignments`,
    body: () => ({ lessonId: LESSON, dueDate: '2026-12-22' }),
    expected: INSTRUCTORS_OF_THE_CLASS,
  },
  {
    operationId: 'getClassProgress',
    method: 'GET',
    path: (w) => `/classes/${w.classId}/progress`,
    expected: INSTRUCTORS_OF_THE_CLASS,
  },
  {
    operationId: 'getStudentProgress',
    method: 'GET',
    path: (w) => `/classes/${w.classId}/students/${w.student.id}/progress`,
    expected: INSTRUCTORS_OF_THE_CLASS,
  },
  {
    operationId: 'getItemAnalysis',
    method: 'GET',
    path: (w) => `/classes/${w.classId}/item-analysis`,
    expected: INSTRUCTORS_OF_THE_CLASS,
  },
  {
    operationId: 'exportClassProgressCsv',
    method: 'GET',
    path: (w) => `/classes/${w.classId}/progress.csv`,
    expected: INSTRUCTORS_OF_THE_CLASS,
    csv: true,
  },
  {
    operationId: 'exportItemAnalysisCsv',
    method: 'GET',
    path: (w) => `/classes/${w.classId}/item-analysis.csv`,
    expected: INSTRUCTORS_OF_THE_CLASS,
    csv: true,
  },
  // joinClass changes who belongs to the class, so it is walked on a world of its own (below).
];

/** The status and error code a call should answer with. */
function expectedHttp(outcome: Outcome, successStatus = 200) {
  return outcome === 'ok' ? { status: successStatus, code: null } : { status: HTTP_STATUS[outcome], code: outcome };
}

async function httpOutcome(response: Response) {
  if (response.ok) return { status: response.status, code: null };
  const body = (await response.json()) as { error: { code: string } };
  return { status: response.status, code: body.error.code };
}

describe('class access, walked as every persona', () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld();
  });

  describe.each(DATA_CASES)('lib/data $fn', ({ expected, prepare, call }) => {
    it.each(rows(expected))('as $who: $outcome', async ({ persona, outcome }) => {
      await prepare?.(world);
      expect(await outcomeOf(call(world.actors[persona], world))).toBe(outcome);
    });
  });

  describe.each(API_CASES)('API $operationId', ({ method, path, body, expected, successStatus, csv }) => {
    it.each(rows(expected))('as $who: $outcome', async ({ persona, outcome }) => {
      const response = await apiCall(world.actors[persona], method, path(world), body?.(world));
      expect(await httpOutcome(response)).toEqual(expectedHttp(outcome, successStatus));
      if (response.ok) {
        expect(response.headers.get('content-type')).toMatch(csv ? 'text/csv; charset=utf-8' : 'application/json');
      }
    });
  });

  it('refuses a student their own progress on the instructor route, through the API and the data function', async () => {
    const { student, classId } = world;
    const response = await apiCall(student, 'GET', `/classes/${classId}/students/${student.id}/progress`);
    expect(await httpOutcome(response)).toEqual({ status: 403, code: 'forbidden' });
    expect(await outcomeOf(getStudentProgress(student, classId, student.id, NOW))).toBe('forbidden');
  });

  it('shows the join code to the class’s instructors and admins, never to its students', async () => {
    const { actors, classId } = world;
    expect((await classDetail(actors.studentOfClass, classId)).joinCode).toBeNull();
    expect((await classDetail(actors.classInstructor, classId)).joinCode).toMatch(/^[A-Z2-9]{8}$/);
    expect((await classDetail(actors.admin, classId)).joinCode).toMatch(/^[A-Z2-9]{8}$/);
  });
});

describe('joinClass, walked as every persona on a class of its own', () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld();
  });

  it.each(rows(ANYONE_WITH_THE_CODE))('as $who: $outcome (API and data function)', async ({ persona, outcome }) => {
    const actor = world.actors[persona];
    const response = await apiCall(actor, 'POST', '/classes/join', { code: world.joinCode.toLowerCase() });
    expect(await httpOutcome(response)).toEqual(expectedHttp(outcome));
    expect(await outcomeOf(joinClass(actor, { code: world.joinCode }, NOW))).toBe(outcome);
  });
});

describe('listClasses', () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld();
  });

  const ids = (classes: { id: string; role: string }[]) => classes.map((c) => [c.id, c.role]);

  it('lists only the classes a person teaches or belongs to, and every class for an admin', async () => {
    const { actors, classId, otherClassId } = world;
    const expected: Record<Exclude<Persona, 'anonymous' | 'admin'>, [string, string][]> = {
      studentOfClass: [[classId, 'member']],
      studentOfOtherClass: [[otherClassId, 'member']],
      instructorOfOtherClass: [[otherClassId, 'instructor']],
      classInstructor: [[classId, 'instructor']],
    };
    for (const [persona, classes] of Object.entries(expected) as [Persona, [string, string][]][]) {
      expect(ids(await listClasses(actors[persona])), PERSONAS[persona]).toEqual(classes);
      const response = await apiCall(actors[persona], 'GET', '/classes');
      expect(ids(((await response.json()) as { classes: { id: string; role: string }[] }).classes)).toEqual(classes);
    }
    // Other test files create classes at the same time: every class that existed before the call must be listed.
    const existing = (await db().class.findMany({ select: { id: true } })).map((c) => [c.id, 'instructor']);
    expect(ids(await listClasses(actors.admin))).toEqual(expect.arrayContaining(existing));
    expect(existing).toEqual(
      expect.arrayContaining([
        [classId, 'instructor'],
        [otherClassId, 'instructor'],
      ]),
    );
    expect(await outcomeOf(listClasses(null))).toBe('unauthenticated');
    expect((await apiCall(null, 'GET', '/classes')).status).toBe(401);
  });
});

describe('CSV exports', () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld();
  });

  async function download(path: string) {
    const response = await apiCall(world.actors.classInstructor, 'GET', path);
    const bytes = new Uint8Array(await response.arrayBuffer());
    // Read the bytes, not response.text(): UTF-8 decoding strips the byte order mark this test looks for.
    const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1).split('\r\n');
    return { response, bytes, lines };
  }

  it('downloads the class progress as a UTF-8 CSV with a BOM: header in the language asked for, one row per student', async () => {
    const { response, bytes, lines } = await download(`/classes/${world.classId}/progress.csv?lang=en`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="kelas-akses-a-progress-2026-12-01\.csv"$/,
    );
    expect([...bytes.slice(0, 3)]).toEqual(UTF8_BOM);
    expect(lines[0]).toBe(
      'Name,Email,Last active,Reviews (7 days),Retention (30 days),Retention answers (30 days),Studied,Mastered,' +
        `Items,Overdue,At risk,Assigned: ${LESSON}`,
    );
    const studentRow = lines.find((l) => l.includes(world.student.email));
    expect(studentRow).toMatch(/^Test acl-student,[^,]+,,0,,0,0,0,\d+,0,,0 of \d+$/);
    expect(lines.filter((l) => l !== '')).toHaveLength(3); // header + the two students
  });

  it("writes the header in the account's language when none is asked for (Indonesian here), cells unchanged", async () => {
    const { lines } = await download(`/classes/${world.classId}/progress.csv`);
    expect(lines[0]).toBe(
      'Nama,Email,Terakhir aktif,Ulasan (7 hari),Retensi (30 hari),Jawaban retensi (30 hari),Dipelajari,Dikuasai,' +
        `Butir,Terlambat,Berisiko,Ditugaskan: ${LESSON}`,
    );
    expect(lines.find((l) => l.includes(world.student.email))).toMatch(/,0 dari \d+$/);
    const items = await download(`/classes/${world.classId}/item-analysis.csv`);
    expect(items.lines[0]).toBe(
      'Butir,Pelajaran,Jenis,Percobaan,Tingkat kemudahan,Daya beda,Kemudahan kelompok atas,Kemudahan kelompok bawah,' +
        'Catatan,Sebaran pilihan',
    );
  });

  it('downloads the item analysis as a UTF-8 CSV with a BOM, one row per item of the course', async () => {
    const { response, bytes, lines } = await download(`/classes/${world.classId}/item-analysis.csv?lang=en`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="class-[0-9a-f]{8}-item-analysis-2026-12-01\.csv"$/,
    );
    expect([...bytes.slice(0, 3)]).toEqual(UTF8_BOM);
    expect(lines[0]).toBe(
      'Item,Lesson,Kind,Attempts,Facility,Discrimination,Upper facility,Lower facility,Flags,Option shares',
    );
    const analysis = await getItemAnalysis(world.actors.classInstructor, world.classId);
    expect(lines.filter((l) => l !== '')).toHaveLength(analysis.items.length + 1);
    // Nobody has answered yet: no ratios, and every item is flagged as having too few attempts.
    expect(lines[1]).toMatch(/^[\w-]+,[\w-]+,\w+,0,,,,,too_few_attempts,$/);
  });

  it('declares text/csv in the OpenAPI document for both exports', () => {
    const doc = openApiDocument();
    for (const path of ['/classes/{classId}/progress.csv', '/classes/{classId}/item-analysis.csv']) {
      const ok = doc.paths[path]?.get?.responses['200'] as { content: Record<string, unknown> };
      expect(Object.keys(ok.content), path).toEqual(['text/csv']);
    }
  });
});
