import { describe, expect, it } from 'vitest';
import type { RiskReason } from '@/lib/domain/analytics/at-risk';
import { activeStudents, dueSoon, studentsAtRisk } from '@/lib/domain/analytics/instructor-home';

const NOW = new Date('2026-12-07T02:00:00Z');
const DAY = 86_400_000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY);

describe("the instructor's home", () => {
  it('lists only students with a reason, the most serious first: an exam close before a long absence', () => {
    const s = (id: string, atRisk: RiskReason[]) => ({ id, displayName: id, atRisk });
    const list = studentsAtRisk([
      {
        classId: 'c1',
        className: 'A',
        students: [
          s('ayu', [{ kind: 'inactive', days: 9 }]),
          s('budi', []),
          s('citra', [{ kind: 'exam_readiness', mastered: 0.2, daysToExam: 5 }]),
        ],
      },
      {
        classId: 'c2',
        className: 'B',
        students: [
          s('dewi', [
            { kind: 'overdue', cards: 40 },
            { kind: 'inactive', days: 6 },
          ]),
        ],
      },
    ]);
    expect(list.map((r) => [r.classId, r.student.id])).toEqual([
      ['c1', 'citra'],
      ['c2', 'dewi'],
      ['c1', 'ayu'],
    ]);
  });

  it('takes assignments due from now to seven days ahead, soonest first; past and later ones are left out', () => {
    const due = dueSoon(
      [
        { id: 'later', dueAt: at(7) },
        { id: 'past', dueAt: at(-0.01) },
        { id: 'friday', dueAt: at(4) },
        { id: 'tomorrow', dueAt: at(1) },
      ],
      NOW,
    );
    expect(due.map((d) => d.id)).toEqual(['tomorrow', 'friday']);
  });

  it('counts a student active when they answered within the last seven days', () => {
    expect(activeStudents([{ lastActive: at(-6.9) }, { lastActive: at(-7.1) }, { lastActive: null }], NOW)).toBe(1);
  });
});
