/** A day field of a form (app/_components/date-field.tsx) read as the ISO day the data layer takes. */
import { parseDayInput } from '@/lib/domain/calendar-day';
import { Invalid } from '@/lib/errors';

/** The field's ISO day, or null when it was left empty; typed text that is not a day is refused, naming the field. */
export function dayFromForm(formData: FormData, name: string): string | null {
  const value = formData.get(name);
  if (typeof value !== 'string' || value.trim() === '') return null;
  const day = parseDayInput(value);
  if (!day) throw new Invalid({ [name]: ['validation.dayInvalid'] });
  return day;
}
