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
  it('counts a studied item with its retrievability on the exam date', () => {
    const memory = graduated();
    const exam = new Date(T0.getTime() + 10 * DAY);
    const f = itemForecast({ ...unseen('a', 'l1'), memory }, exam, 0.7);
    expect(f.source).toBe('memory');
    expect(f.p).toBe(retrievability(memory, exam, {}));
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
