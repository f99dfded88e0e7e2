/**
 * A day as the interface writes it (hh/bb/tttt, dd/mm/yyyy), typed in a text field. The browser's native date picker
 * shows the browser's own format (mm/dd/yyyy in an English-US browser) whatever language the page speaks, so it is
 * not used. The action reads the field with dayFromForm (lib/forms/day.ts), which also takes an ISO day.
 */
import { formatDayInput } from '@/lib/domain/calendar-day';
import type { Translate } from '@/lib/i18n/catalogue';
import { Field } from './field';

export function DateField({
  name,
  label,
  t,
  isoDefault,
  id,
  required = false,
}: {
  name: string;
  label: string;
  t: Translate;
  isoDefault?: string | null;
  id?: string;
  required?: boolean;
}) {
  return (
    <Field
      id={id}
      name={name}
      label={label}
      hint={t('app.dayHint')}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      className="day-input"
      placeholder={t('app.dayPlaceholder')}
      defaultValue={isoDefault ? formatDayInput(isoDefault) : ''}
      required={required}
    />
  );
}
