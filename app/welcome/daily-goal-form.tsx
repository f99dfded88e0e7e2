'use client';
/** The first step's daily goal: how many new questions a day, saved with the learner's other review settings. */
import { useActionState } from 'react';
import { updateReviewSettingsAction } from '@/app/_actions/review';
import { FormMessage } from '@/app/_components/field';
import { idleState } from '@/lib/forms/state';
import { useTranslator } from '@/lib/i18n/client';

const GOALS = [5, 10, 20, 30] as const;

export function DailyGoalForm({
  current,
}: {
  current: { desiredRetention: string; newPerDay: string; maxReviewsPerDay: string; rolloverHour: string };
}) {
  const t = useTranslator();
  const [state, action, pending] = useActionState(updateReviewSettingsAction, idleState);
  const chosen = state.values?.newPerDay ?? current.newPerDay;
  return (
    <form action={action}>
      <fieldset>
        <legend>{t('welcome.goalLegend')}</legend>
        {GOALS.map((n) => (
          <label key={n} className="choice">
            <input type="radio" name="newPerDay" value={n} defaultChecked={String(n) === chosen} />{' '}
            {t('welcome.goalOption', { n })}
          </label>
        ))}
      </fieldset>
      <input type="hidden" name="desiredRetention" value={current.desiredRetention} />
      <input type="hidden" name="maxReviewsPerDay" value={current.maxReviewsPerDay} />
      <input type="hidden" name="rolloverHour" value={current.rolloverHour} />
      <button type="submit" disabled={pending}>
        {t('welcome.saveGoal')}
      </button>
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}
