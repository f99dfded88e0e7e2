/**
 * Whether a student of a class is at risk, and why, in words an instructor can act on. Pure; thresholds are
 * explicit and shown on the dashboard.
 */
export const AT_RISK = {
  /** Days without any answer. */
  inactiveDays: 5,
  /** Cards due before now and not yet answered. */
  overdueCards: 30,
  /** Retention more than this far below the learner's own target counts as "far below". */
  retentionGap: 0.15,
  /** Fewer eligible answers than this and retention is not judged. */
  retentionMinSample: 10,
  /** With the exam this close (days)… */
  examWithinDays: 21,
  /** …a share of the assigned items mastered below this is a risk. */
  examReadiness: 0.5,
} as const;

export type RiskReason =
  | { kind: 'inactive'; days: number | null }
  | { kind: 'overdue'; cards: number }
  | { kind: 'low_retention'; rate: number; target: number }
  | { kind: 'exam_readiness'; mastered: number; daysToExam: number };

export interface RiskInput {
  now: Date;
  joinedAt: Date;
  lastActive: Date | null;
  overdue: number;
  retention: { eligible: number; recalled: number };
  target: number;
  examDate: Date | null;
  /**
   * Share of the assigned lessons' cards that are mastered (lib/domain/review/mastery.ts: predicted recall ≥ 90% a
   * week from now), null when nothing is assigned. Not "recall now", which is ~1 right after any answer.
   */
  assignedMastered: number | null;
}

const DAY = 86_400_000;

/**
 * @example atRisk({ now, joinedAt, lastActive: sixDaysAgo, overdue: 0, ... }) // [{ kind: 'inactive', days: 6 }]
 */
export function atRisk(s: RiskInput): RiskReason[] {
  const reasons: RiskReason[] = [];
  const since = s.lastActive ?? s.joinedAt;
  const idleDays = Math.floor((s.now.getTime() - since.getTime()) / DAY);
  if (idleDays >= AT_RISK.inactiveDays) reasons.push({ kind: 'inactive', days: s.lastActive ? idleDays : null });
  if (s.overdue > AT_RISK.overdueCards) reasons.push({ kind: 'overdue', cards: s.overdue });
  if (s.retention.eligible >= AT_RISK.retentionMinSample) {
    const rate = s.retention.recalled / s.retention.eligible;
    if (rate < s.target - AT_RISK.retentionGap) reasons.push({ kind: 'low_retention', rate, target: s.target });
  }
  if (s.examDate && s.assignedMastered !== null) {
    const daysToExam = Math.ceil((s.examDate.getTime() - s.now.getTime()) / DAY);
    if (daysToExam >= 0 && daysToExam <= AT_RISK.examWithinDays && s.assignedMastered < AT_RISK.examReadiness)
      reasons.push({ kind: 'exam_readiness', mastered: s.assignedMastered, daysToExam });
  }
  return reasons;
}
