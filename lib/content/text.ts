/**
 * Text normalisation shared by the content checks and the answer grader.
 * Pure functions; no I/O.
 */

/** Collapse whitespace and unify typographic quotes and dashes, so a quote matches its paragraph. */
export function normalizeForQuote(s: string): string {
  return s
    .replace(/[\u2018\u2019\u201A\u201B\u2032`]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when `quote` occurs in `paragraph`, ignoring only whitespace and typographic quote differences. */
export function quoteOccursIn(quote: string, paragraph: string): boolean {
  return normalizeForQuote(paragraph).includes(normalizeForQuote(quote));
}
