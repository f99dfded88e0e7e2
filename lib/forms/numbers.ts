/**
 * Numbers from HTML forms. A form field is text, while lib/data schemas take real numbers (so a JSON client's "12",
 * true or null is refused rather than guessed at). This is the one place that reads form text as a number: plain
 * decimal notation only; anything else (an empty field, "1e3", "0x10") is passed on unchanged, so the schema names
 * the field and what it expects.
 */
const DECIMAL = /^\s*-?\d+(\.\d+)?\s*$/;

export function formNumber(value: FormDataEntryValue | null): unknown {
  if (value === null) return undefined;
  return typeof value === 'string' && DECIMAL.test(value) ? Number(value) : value;
}
