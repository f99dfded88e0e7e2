import { describe, expect, it } from 'vitest';
import { atRisk, type RiskInput } from '@/lib/domain/analytics/at-risk';

const NOW = new Date('2026-12-10T05:00:00Z');
const DAY = 86_400_000;
const base: RiskInput = {
  now: NOW,
  joinedAt: new Date(NOW.getTime() - 30 * DAY),
  lastActive: new Date(NOW.getTime() - DAY),
  overdue: 0,
  retention: { eligible: 40, recalled: 36 },
  target: 0.9,
  examDate: null,
  assignedMastered: 0.8,
};

describe('at-risk flags', () => {
  it('flags nobody who is active, on time and remembering', () => {
    expect(atRisk(base)).toEqual([]);
  });

  it('counts idle days from the last answer, or from joining for someone who never answered', () => {
    expect(atRisk({ ...base, lastActive: new Date(NOW.getTime() - 5 * DAY) })).toEqual([{ kind: 'inactive', days: 5 }]);
    expect(atRisk({ ...base, lastActive: new Date(NOW.getTime() - 4 * DAY) })).toEqual([]);
    expect(atRisk({ ...base, lastActive: null })).toEqual([{ kind: 'inactive', days: null }]);
    expect(atRisk({ ...base, lastActive: null, joinedAt: new Date(NOW.getTime() - DAY) })).toEqual([]);
  });

  it('flags a backlog above 30 overdue cards', () => {
    expect(atRisk({ ...base, overdue: 30 })).toEqual([]);
    expect(atRisk({ ...base, overdue: 31 })).toEqual([{ kind: 'overdue', cards: 31 }]);
  });

  it('judges retention only with ten answers, and only far (15 points) below the target', () => {
    expect(atRisk({ ...base, retention: { eligible: 10, recalled: 7 } })).toEqual([
      { kind: 'low_retention', rate: 0.7, target: 0.9 },
    ]);
    expect(atRisk({ ...base, retention: { eligible: 10, recalled: 8 } })).toEqual([]);
    expect(atRisk({ ...base, retention: { eligible: 9, recalled: 0 } })).toEqual([]);
  });

  it('flags weak assigned lessons only when the exam is within three weeks', () => {
    const exam = (days: number) => new Date(NOW.getTime() + days * DAY);
    expect(atRisk({ ...base, assignedMastered: 0.3, examDate: exam(10) })).toEqual([
      { kind: 'exam_readiness', mastered: 0.3, daysToExam: 10 },
    ]);
    expect(atRisk({ ...base, assignedMastered: 0.3, examDate: exam(30) })).toEqual([]);
    expect(atRisk({ ...base, assignedMastered: 0.3, examDate: exam(-1) })).toEqual([]);
  });
});
