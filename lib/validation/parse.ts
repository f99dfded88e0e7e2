/** Turns a zod failure into our Invalid error with field-level message keys. */
import type { z } from 'zod';
import { Invalid, type FieldErrors } from '@/lib/errors';
import { isMessageKey } from '@/lib/i18n/catalogue';

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.join('.') || '_form';
    // Our schemas give every check a key (msg()); a check without one gets zod's English text, never shown raw.
    (out[field] ??= []).push(isMessageKey(issue.message) ? issue.message : 'validation.fieldInvalid');
  }
  return out;
}

export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new Invalid(fieldErrorsOf(parsed.error));
  return parsed.data;
}
