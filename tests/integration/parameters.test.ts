import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { dueLearnerFits, fitLearner, useParameterSet } from '@/lib/data/parameters/fit.internal';
import { parameterView } from '@/lib/data/parameters/view';
import { addCourseToDeck } from '@/lib/data/review/deck';
import { nextCard } from '@/lib/data/review/next-card';
import { rebuildCards } from '@/lib/data/review/rebuild.internal';
import { updateReviewSettings } from '@/lib/data/review/settings';
import { DEFAULT_WEIGHTS } from '@/lib/domain/review/fsrs';
import { validWeights } from '@/lib/fsrs-optimizer';
import type { Actor } from '@/lib/data/actor';
import { answerCard, caught, makeActor } from './helpers';

const COURSE = 'struktur-keamanan-regional';
const T0 = new Date('2026-10-01T02:00:00Z');
const DAY = 86_400_000;

/** A stored fit attempt: the metrics are placeholders; each test sets what it is about (owner, weights, outcome). */
function storeParameterSet(set: {
  userId?: string;
  poolKey?: string;
  weights?: number[];
  adopted: boolean;
  createdAt: Date;
}) {
  return db().parameterSet.create({
    data: {
      scope: set.userId ? 'LEARNER' : 'POOL',
      userId: set.userId,
      poolKey: set.poolKey,
      courseId: COURSE,
      weights: set.weights ?? [...DEFAULT_WEIGHTS],
      trainReviews: 1600,
      heldOutReviews: 400,
      logLoss: 0.3,
      rmseBins: 0.05,
      baselineLogLoss: 0.35,
      baselineRmseBins: 0.07,
      adopted: set.adopted,
      reason: set.adopted ? 'better' : 'not_better',
      createdAt: set.createdAt,
    },
  });
}

/** Three weeks of daily study; every seventh answer is wrong. Returns the last moment studied. */
async function history(actor: Actor): Promise<Date> {
  await updateReviewSettings(actor, { newPerDay: 25 });
  await addCourseToDeck(actor, { courseId: COURSE }, T0);
  let n = 0;
  let now = T0;
  for (let day = 0; day < 21; day++) {
    now = new Date(T0.getTime() + day * DAY);
    for (let i = 0; i < 80; i++) {
      const card = (await nextCard(actor, now)).next;
      if (!card) {
        // Come back after the learning steps of today.
        now = new Date(now.getTime() + 11 * 60_000);
        if ((await nextCard(actor, now)).next === null) break;
        continue;
      }
      await answerCard(actor, card, ++n % 7 !== 0, now);
    }
  }
  return now;
}

describe('personal parameters', () => {
  it('refuses a fit that predicts the held-out answers worse, keeps it on record, and adopts only better ones', async () => {
    const actor = await makeActor('STUDENT', 'fit');
    const end = await history(actor);
    const answers = await db().reviewLog.count({ where: { userId: actor.id } });
    expect(answers).toBeGreaterThanOrEqual(300);

    // Weights that make every card look unforgettable (initial stabilities at their maximum).
    const overconfident = [100, 100, 100, 100, ...DEFAULT_WEIGHTS.slice(4)];
    expect(validWeights(overconfident)).toBe(true);
    const refused = await fitLearner(actor.id, COURSE, new Date(end.getTime() + DAY), async () => overconfident);
    expect(refused).toMatchObject({ status: 'refused', reason: 'not_better' });
    const stored = await db().parameterSet.findUniqueOrThrow({ where: { id: refused.parameterSetId! } });
    expect(stored.adopted).toBe(false);
    expect(stored.logLoss).toBeGreaterThan(stored.baselineLogLoss);
    expect((await db().reviewSettings.findUniqueOrThrow({ where: { userId: actor.id } })).parameterSetId).toBeNull();

    // The real optimizer: weights valid for ts-fsrs, and adopted exactly when they predict better.
    const real = await fitLearner(actor.id, COURSE, new Date(end.getTime() + 2 * DAY));
    const set = await db().parameterSet.findUniqueOrThrow({ where: { id: real.parameterSetId! } });
    expect(validWeights(set.weights)).toBe(true);
    expect(set.heldOutReviews).toBeGreaterThanOrEqual(30);
    // Adopted only when better (and clearly so: see decideAdoption); a refusal says why.
    if (set.adopted) expect(set.logLoss).toBeLessThan(set.baselineLogLoss);
    else expect(['not_better', 'not_clearly_better']).toContain(set.reason);
    const view = await parameterView(actor);
    expect(view.history).toHaveLength(2);
    expect(view.inUse?.source).toBe(set.adopted ? 'personal' : 'defaults');
    // Either way the cards are exactly what the log says under the parameters in use.
    expect((await rebuildCards({ userId: actor.id, repair: false })).mismatched).toBe(0);
  }, 120_000);

  it('puts a learner in the background sweep once they have enough answers, and again only after enough new ones', async () => {
    const actor = await makeActor('STUDENT', 'sweep');
    const dueNow = async () => (await dueLearnerFits()).some((l) => l.userId === actor.id && l.courseId === COURSE);
    await addCourseToDeck(actor, { courseId: COURSE }, T0);
    for (let i = 0; i < 10; i++) {
      const at = new Date(T0.getTime() + i * 1000);
      await answerCard(actor, (await nextCard(actor, at)).next!, true, at);
    }
    expect(await dueNow()).toBe(false);
    const end = await history(actor);
    expect(await dueNow()).toBe(true);
    // Any attempt, adopted or refused, resets the count: the sweep waits for new answers.
    await fitLearner(actor.id, COURSE, new Date(end.getTime() + 60_000), async () => [...DEFAULT_WEIGHTS]);
    expect(await dueNow()).toBe(false);
  }, 120_000);

  it('skips a learner without enough history', async () => {
    const actor = await makeActor();
    expect(await fitLearner(actor.id, COURSE, T0)).toMatchObject({ status: 'skipped' });
    expect(await db().parameterSet.count({ where: { userId: actor.id } })).toBe(0);
  });
});

describe('pooled parameters', () => {
  it("starts a student who joins a class from the class's pooled fit, in preference to the course's", async () => {
    const { createClass, classDetail, joinClass } = await import('@/lib/data/classes/classes');
    const teacher = await makeActor('INSTRUCTOR', 'pool');
    const created = await createClass(teacher, { courseId: COURSE, name: 'Kelas pool' }, T0);
    const classSet = await storeParameterSet({ poolKey: `class:${created.id}`, adopted: true, createdAt: T0 });
    const student = await makeActor();
    await joinClass(student, { code: (await classDetail(teacher, created.id)).joinCode! }, T0);
    const settings = await db().reviewSettings.findUniqueOrThrow({ where: { userId: student.id } });
    expect(settings.parameterSetId).toBe(classSet.id);
    expect((await parameterView(student)).inUse?.source).toBe('pool');
  });
});

describe('knowledge under a personal forgetting curve', () => {
  it("projects a student's expected recall with their own parameters, and counts mastery alike on their page and the dashboard", async () => {
    const { createClass, classDetail, joinClass } = await import('@/lib/data/classes/classes');
    const { getClassProgress } = await import('@/lib/data/classes/progress');
    const { learnerStats } = await import('@/lib/data/review/stats');
    const { itemsKnown } = await import('@/lib/domain/review/stats');
    const { memoryOfRow } = await import('@/lib/data/review/memory.internal');
    const teacher = await makeActor('INSTRUCTOR', 'curve');
    const created = await createClass(teacher, { courseId: COURSE, name: 'Kelas kurva' }, T0);
    const student = await makeActor('STUDENT', 'curve');
    await joinClass(student, { code: (await classDetail(teacher, created.id)).joinCode! }, T0);
    await addCourseToDeck(student, { courseId: COURSE }, T0);
    for (let i = 0; i < 6; i++) {
      const at = new Date(T0.getTime() + i * 1000);
      await answerCard(student, (await nextCard(student, at)).next!, true, at);
    }

    // A personal set whose forgetting curve is much steeper than the default's (decay w20 0.6 instead of ~0.15).
    const steep = [...DEFAULT_WEIGHTS.slice(0, 20), 0.6];
    expect(validWeights(steep)).toBe(true);
    const set = await storeParameterSet({ userId: student.id, weights: steep, adopted: true, createdAt: T0 });
    await useParameterSet(student.id, set.id);

    const later = new Date(T0.getTime() + 10 * DAY);
    const own = (await learnerStats(student, later)).known.expected;
    const row = (await getClassProgress(teacher, created.id, later)).students.find((s) => s.id === student.id)!;
    // Mastery rests on stability alone (S ≥ elapsed + 7 days means ≥ 90% a week ahead under any curve), so the
    // dashboard and the statistics page count the same cards mastered.
    expect(row.mastered).toBe((await learnerStats(student, later)).known.mastered);
    // …and that is not what the default curve would say about the same cards.
    const cards = await db().card.findMany({ where: { userId: student.id, phase: { not: 'NEW' } } });
    const studied = cards.map((c) => ({ lessonId: c.lessonId, memory: memoryOfRow(c) }));
    expect(own).toBeCloseTo(itemsKnown(studied, later, { weights: steep }).expected, 9);
    expect(Math.abs(own - itemsKnown(studied, later).expected)).toBeGreaterThan(0.05);
  });
});

describe('asking for a fit from the settings page', () => {
  it('tells a learner with too few answers how many a fit needs, and queues nothing', async () => {
    const { requestLearnerFit } = await import('@/lib/jobs/requests');
    const actor = await makeActor('STUDENT', 'fitnow');
    expect(await requestLearnerFit(actor, COURSE)).toEqual({ status: 'tooFew', answers: 0, needed: 300 });
    await addCourseToDeck(actor, { courseId: COURSE }, T0);
    for (let i = 0; i < 3; i++) {
      const at = new Date(T0.getTime() + i * 1000);
      await answerCard(actor, (await nextCard(actor, at)).next!, true, at);
    }
    expect(await requestLearnerFit(actor, COURSE)).toEqual({ status: 'tooFew', answers: 3, needed: 300 });
    expect((await caught(requestLearnerFit(actor, 'no-such-course'))).code).toBe('not_found');
  });
});

describe('the hourly pool sweep', () => {
  it("puts a class's pool in the sweep at 2,000 answers of its members in the course, and not again until 2,000 new ones", async () => {
    const { createClass, classDetail, joinClass } = await import('@/lib/data/classes/classes');
    const { duePoolFits, MIN_POOL_ANSWERS } = await import('@/lib/data/parameters/fit.internal');
    const teacher = await makeActor('INSTRUCTOR', 'sweep-pool');
    const created = await createClass(teacher, { courseId: COURSE, name: 'Kelas sapuan' }, T0);
    const code = (await classDetail(teacher, created.id)).joinCode!;
    const members = [await makeActor('STUDENT', 'sweep-a'), await makeActor('STUDENT', 'sweep-b')];
    for (const m of members) {
      await joinClass(m, { code }, T0);
      await addCourseToDeck(m, { courseId: COURSE }, T0);
    }
    const classDue = async () =>
      (await duePoolFits()).some((p) => p.kind === 'class' && p.classId === created.id && p.courseId === COURSE);
    // Answers written straight into the log (2,000 real answers would take minutes): `count` of them on the first
    // member's first card, one a minute after T0 + `offset` minutes.
    const [card] = await db().card.findMany({ where: { userId: members[0]!.id }, take: 1 });
    const log = (count: number, offset: number) =>
      db().$executeRaw`
        INSERT INTO "ReviewLog" ("id", "userId", "cardId", "itemId", "source", "idempotencyKey", "seed", "response",
          "correct", "score", "rating", "durationMs", "answeredAt", "timeZone", "desiredRetention",
          "cardVersionBefore", "cardVersionAfter", "stateBefore", "stateAfter")
        SELECT gen_random_uuid(), ${members[0]!.id}::uuid, ${card!.id}::uuid, ${card!.itemId}, 'REVIEW',
          'sweep-' || ${offset}::int || '-' || g, 'seed', '{"kind":"truefalse","value":true}', true, 1, 'GOOD', 5000,
          ${T0}::timestamp(3) + (${offset}::int + g) * interval '1 minute', 'Asia/Jakarta', 0.9, 1, 1, '{}', '{}'
        FROM generate_series(1, ${count}::int) g`;
    await log(MIN_POOL_ANSWERS - 1, 0);
    expect(await classDue()).toBe(false);
    await log(1, MIN_POOL_ANSWERS);
    expect(await classDue()).toBe(true);
    // An attempt (adopted or not) at the time of the last answer: the pool waits for 2,000 new ones.
    await storeParameterSet({
      poolKey: `class:${created.id}`,
      adopted: false,
      createdAt: new Date(T0.getTime() + (MIN_POOL_ANSWERS + 1) * 60_000),
    });
    expect(await classDue()).toBe(false);
    await log(MIN_POOL_ANSWERS, 2 * MIN_POOL_ANSWERS);
    expect(await classDue()).toBe(true);
  });
});
