'use client';
import { useActionState } from 'react';
import { Field, FormMessage } from '@/app/_components/field';
import { updateReviewSettingsAction } from '@/app/_actions/review';
import { idleState } from '@/lib/forms/state';

export interface ReviewSettingsLabels {
  desiredRetention: string;
  desiredRetentionHint: string;
  newPerDay: string;
  newPerDayHint: string;
  maxReviewsPerDay: string;
  maxReviewsPerDayHint: string;
  rolloverHour: string;
  rolloverHourHint: string;
  save: string;
}

export function ReviewSettingsForm({
  labels,
  initial,
}: {
  labels: ReviewSettingsLabels;
  initial: { desiredRetention: string; newPerDay: string; maxReviewsPerDay: string; rolloverHour: string };
}) {
  const [state, action, pending] = useActionState(updateReviewSettingsAction, idleState);
  const v = state.values ?? initial;
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate>
      <FormMessage status={state.status} message={state.message} />
      <Field
        name="desiredRetention"
        label={labels.desiredRetention}
        hint={labels.desiredRetentionHint}
        type="number"
        inputMode="numeric"
        min={70}
        max={97}
        step={1}
        defaultValue={v.desiredRetention}
        errors={errors.desiredRetention}
      />
      <Field
        name="newPerDay"
        label={labels.newPerDay}
        hint={labels.newPerDayHint}
        type="number"
        inputMode="numeric"
        min={0}
        max={200}
        defaultValue={v.newPerDay}
        errors={errors.newPerDay}
      />
      <Field
        name="maxReviewsPerDay"
        label={labels.maxReviewsPerDay}
        hint={labels.maxReviewsPerDayHint}
        type="number"
        inputMode="numeric"
        min={10}
        max={2000}
        defaultValue={v.maxReviewsPerDay}
        errors={errors.maxReviewsPerDay}
      />
      <Field
        name="rolloverHour"
        label={labels.rolloverHour}
        hint={labels.rolloverHourHint}
        type="number"
        inputMode="numeric"
        min={0}
        max={23}
        defaultValue={v.rolloverHour}
        errors={errors.rolloverHour}
      />
      <button type="submit" disabled={pending}>
        {labels.save}
      </button>
    </form>
  );
}
