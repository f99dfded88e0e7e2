/** An at-risk reason in words an instructor can act on (class dashboard, instructor's home). */
import { AT_RISK, type RiskReason } from '@/lib/domain/analytics/at-risk';
import type { Translate } from '@/lib/i18n/catalogue';

export function riskInWords(r: RiskReason, t: Translate, pct: Intl.NumberFormat): string {
  switch (r.kind) {
    case 'inactive':
      return r.days === null
        ? t('classes.risk.neverActive', { days: AT_RISK.inactiveDays })
        : t('classes.risk.inactive', { days: r.days });
    case 'overdue':
      return t('classes.risk.overdue', { n: r.cards, limit: AT_RISK.overdueCards });
    case 'low_retention':
      return t('classes.risk.lowRetention', { rate: pct.format(r.rate), target: pct.format(r.target) });
    case 'exam_readiness':
      return t('classes.risk.examReadiness', { mastered: pct.format(r.mastered), days: r.daysToExam });
  }
}
