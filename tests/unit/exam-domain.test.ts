import { describe, expect, it } from 'vitest';
import { blueprintCounts, pickQuestions, type Candidate } from '@/lib/domain/exam/blueprint';
import { examPlan } from '@/lib/domain/exam/plan';
import { itemForecast, readiness, type ReadinessItem } from '@/lib/domain/exam/readiness';
import { newMemoryState, retrievability, schedule, type MemoryState } from '@/lib/domain/review/fsrs';

const T0 = new Date('2026-12-01T02:00:00Z');
const DAY = 86_400_000;
const P = { desiredRetention: 0.9 };

/** A card answered right twice (graduated, stability ≈ 2.3 days), last reviewed at T0 + 10 min. */
function graduated(): MemoryState {
  const a = schedule(newMemoryState(T0), 'good', T0, P);
  return schedule(a, 'good', new Date(T0.getTime() + 10 * 60_000), P);
}

const unseen = (id: string, lessonId: string, attempts = 0, correct = 0): ReadinessItem => ({
  itemId: id,
  lessonId,
  concepts: [lessonId],
  memory: null,
  firstAttempts: { attempts, correct },
});

describe('readiness', () => {
  it('counts a studied item with its recall on the exam date, falling back to the first-sight chance when forgotten', () => {
    const memory = graduated();
    const exam = new Date(T0.getTime() + 10 * DAY);
    const f = itemForecast({ ...unseen('a', 'l1'), memory }, exam, 0.7);
    const r = retrievability(memory, exam, {})!;
    // No attempts anywhere, bank rate 0.7: first sight = (0 + 4·0.7 + 1) / (0 + 4 + 2) = 3.8/6.
    expect(f).toEqual({ itemId: 'a', source: 'memory', recall: r, p: r + (1 - r) * (3.8 / 6) });
  });

  it('never forecasts a studied item below the same item unstudied, however long ago it was studied', () => {
    const memory = schedule(newMemoryState(T0), 'again', T0, P);
    for (const days of [1, 30, 365, 3650]) {
      const exam = new Date(T0.getTime() + days * DAY);
      const studied = itemForecast({ ...unseen('a', 'l1', 20, 12), memory }, exam, 0.5);
      const notStudied = itemForecast(unseen('a', 'l1', 20, 12), exam, 0.5);
      expect(studied.p).toBeGreaterThanOrEqual(notStudied.p);
    }
  });

  it("does not show an unstudied lesson above a studied-and-forgotten one, unless the unstudied lesson's questions are easier at first sight", () => {
    // Lesson "studied": failed once, a year before the exam. Lesson "fresh": never studied. Same first attempts.
    const failed = schedule(newMemoryState(T0), 'again', T0, P);
    const exam = new Date(T0.getTime() + 365 * DAY);
    const items: ReadinessItem[] = [
      { ...unseen('s1', 'studied', 10, 5), memory: failed },
      { ...unseen('s2', 'studied', 10, 5), memory: failed },
      unseen('f1', 'fresh', 10, 5),
      unseen('f2', 'fresh', 10, 5),
    ];
    const lesson = (r: ReturnType<typeof readiness>, id: string) => r.byLesson.find((l) => l.id === id)!;
    const same = readiness(items, exam);
    expect(lesson(same, 'studied').p).toBeGreaterThanOrEqual(lesson(same, 'fresh').p);
    // The "unless": the fresh lesson's questions are answered right far more often on first sight.
    const easier = readiness(
      items.map((i) => (i.lessonId === 'fresh' ? { ...i, firstAttempts: { attempts: 40, correct: 38 } } : i)),
      exam,
    );
    expect(lesson(easier, 'fresh').p).toBeGreaterThan(lesson(easier, 'studied').p);
  });

  it('ranks concepts as weakest only on the student’s own answers, at least three studied items each', () => {
    const strong = graduated();
    const weak = schedule(newMemoryState(T0), 'again', T0, P);
    const exam = new Date(T0.getTime() + 5 * DAY);
    const item = (id: string, concept: string, memory: MemoryState | null, attempts = 0, correct = 0) => ({
      ...unseen(id, 'l1', attempts, correct),
      concepts: [concept],
      memory,
    });
    const r = readiness(
      [
        // "unseen-hard": nobody gets it right on first sight, but the student has studied none of it.
        item('u1', 'unseen-hard', null, 30, 0),
        item('u2', 'unseen-hard', null, 30, 0),
        item('u3', 'unseen-hard', null, 30, 0),
        item('w1', 'weak', weak),
        item('w2', 'weak', weak),
        item('w3', 'weak', weak),
        item('s1', 'strong', strong),
        item('s2', 'strong', strong),
        item('s3', 'strong', strong),
        item('t1', 'thin', weak),
        item('t2', 'thin', weak),
      ],
      exam,
    );
    // Lowest p over all items is the unseen concept, but it has no data of the student's: it is not "weak".
    expect(r.byConcept[0]!.id).toBe('unseen-hard');
    expect(r.weakest.map((c) => c.id)).toEqual(['weak', 'strong']);
    expect(r.weakest[0]).toMatchObject({ studied: 3, items: 3 });
    expect(r.unrankedConcepts).toBe(2);
    expect(r.basis).toMatchObject({ items: 11, studied: 8, firstAttempts: 90 });
    expect(readiness([item('x', 'c', null)], exam).weakest).toEqual([]);
  });

  it('gives each lesson a 90% range for being asked all its items (Poisson-binomial), and says what it rests on', () => {
    // Four unseen items of one lesson at p = 0.5: sd = √(4 · 0.25) / 4 = 0.25; 1.645 · 0.25 = 0.41125.
    const r = readiness([unseen('a', 'l1'), unseen('b', 'l1'), unseen('c', 'l1'), unseen('d', 'l1')], T0);
    expect(r.byLesson[0]).toMatchObject({ id: 'l1', items: 4, studied: 0, studiedP: null });
    expect(r.byLesson[0]!.low).toBeCloseTo(0.5 - 0.41125, 10);
    expect(r.byLesson[0]!.high).toBeCloseTo(0.5 + 0.41125, 10);
  });

  it('counts an unseen item by first attempts, pulled towards the bank rate, never 0 or 1', () => {
    // 8 of 10 right, bank rate 0.5: (8 + 4·0.5 + 1) / (10 + 4 + 2) = 11/16.
    expect(itemForecast(unseen('a', 'l1', 10, 8), T0, 0.5).p).toBeCloseTo(11 / 16, 12);
    expect(itemForecast(unseen('b', 'l1', 3, 3), T0, 1).p).toBeLessThan(1);
    expect(itemForecast(unseen('c', 'l1', 3, 0), T0, 0).p).toBeGreaterThan(0);
  });

  it('gives the 90% range of the share right on an exam of k questions', () => {
    // Four unseen items, no attempts anywhere: bank rate 0.5, each p = (0 + 2 + 1)/6 = 0.5.
    const r = readiness([unseen('a', 'l1'), unseen('b', 'l1'), unseen('c', 'l2'), unseen('d', 'l2')], T0, {
      examSize: 25,
    });
    expect(r.overall.p).toBeCloseTo(0.5, 12);
    // sd = √(0.25/25) = 0.1; 1.645 · 0.1 = 0.1645.
    expect(r.overall.low).toBeCloseTo(0.3355, 10);
    expect(r.overall.high).toBeCloseTo(0.6645, 10);
    expect(r.byLesson.map((l) => l.id)).toEqual(['l1', 'l2']);
  });
});

describe('the mock-exam blueprint', () => {
  it('shares questions in proportion to lesson size, adding up exactly', () => {
    const counts = blueprintCounts(
      [
        { lessonId: 'a', items: 34 },
        { lessonId: 'b', items: 33 },
        { lessonId: 'c', items: 34 },
      ],
      10,
    );
    expect([...counts.values()].reduce((s, n) => s + n, 0)).toBe(10);
    expect(counts.get('b')).toBe(3);
  });

  it('prefers what the student knows least and never picks two items of one fact', () => {
    const c = (itemId: string, p: number, sibling = itemId): Candidate => ({
      itemId,
      lessonId: 'a',
      sibling,
      p,
      seen: true,
    });
    const picked = pickQuestions(
      [c('strong', 0.95), c('weak', 0.2), c('weak-twin', 0.1, 'weak'), c('mid', 0.6)],
      2,
      's',
    );
    expect(picked.sort()).toEqual(['mid', 'weak-twin']);
    expect(pickQuestions([c('x', 0.5), c('y', 0.5), c('z', 0.5)], 3, 'seed')).toEqual(
      pickQuestions([c('x', 0.5), c('y', 0.5), c('z', 0.5)], 3, 'seed'),
    );
  });
});

describe('the exam plan', () => {
  const dayOf = (at: Date) => Math.floor((at.getTime() - T0.getTime()) / DAY);

  it('brings forward, to the last day before the exam, a card that would be forgotten by then', () => {
    const memory = graduated(); // due in 2 days; without a review, recall after 20 days is well below 0.9
    const plan = examPlan([{ id: 'c1', memory }], {
      examAt: new Date(T0.getTime() + 20 * DAY),
      examDay: 20,
      target: 0.9,
      maxPerDay: 10,
      dayOf,
    });
    // Due on day 2 anyway (before the exam): a natural review, nothing to pull.
    expect(plan.days[2]!.natural).toBe(1);
    expect(plan.pulled.size).toBe(0);

    const later = { ...memory, due: new Date(T0.getTime() + 30 * DAY) };
    const pulled = examPlan([{ id: 'c1', memory: later }], {
      examAt: new Date(T0.getTime() + 20 * DAY),
      examDay: 20,
      target: 0.9,
      maxPerDay: 10,
      dayOf,
    });
    expect(pulled.pulled.get('c1')).toBe(19);
  });

  it('never exceeds the daily maximum, moving extra reviews earlier and reporting what found no room', () => {
    const memory = { ...graduated(), due: new Date(T0.getTime() + 30 * DAY) };
    const cards = Array.from({ length: 5 }, (_, i) => ({ id: `c${i}`, memory }));
    const plan = examPlan(cards, {
      examAt: new Date(T0.getTime() + 2 * DAY),
      examDay: 2,
      target: 0.99,
      maxPerDay: 2,
      dayOf,
    });
    expect(plan.days.map((d) => d.pulled)).toEqual([2, 2]);
    expect(plan.unplaced).toBe(1);
  });
});
