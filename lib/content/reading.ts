/**
 * The corrected reading of a paragraph: typo fixes applied silently, meaning-level fixes and notes marked so the
 * page can show an editor's note beside the original wording. Pure.
 */
import type { Correction } from './schema';

export type ReadingSegment =
  { type: 'text'; text: string } | { type: 'edited'; text: string; original: string; correction: Correction };

interface Match {
  start: number;
  end: number;
  correction: Correction;
}

function findAll(haystack: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length)) out.push(i);
  return out;
}

/**
 * @example readingOf('para aan datang', [{ original: 'aan', corrected: 'akan', kind: 'typo', ... }])
 *   // [{ type: 'text', text: 'para akan datang' }]
 */
export function readingOf(text: string, corrections: readonly Correction[]): ReadingSegment[] {
  const matches: Match[] = [];
  for (const correction of corrections) {
    for (const start of findAll(text, correction.original)) {
      matches.push({ start, end: start + correction.original.length, correction });
    }
  }
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: ReadingSegment[] = [];
  let pos = 0;
  const pushText = (t: string) => {
    if (!t) return;
    const last = segments[segments.length - 1];
    if (last?.type === 'text') last.text += t;
    else segments.push({ type: 'text', text: t });
  };
  for (const m of matches) {
    if (m.start < pos) continue; // overlapping corrections: the earlier, longer one wins (content:check forbids overlaps)
    pushText(text.slice(pos, m.start));
    if (m.correction.kind === 'typo') pushText(m.correction.corrected);
    else
      segments.push({
        type: 'edited',
        text: m.correction.corrected,
        original: m.correction.original,
        correction: m.correction,
      });
    pos = m.end;
  }
  pushText(text.slice(pos));
  return segments;
}

/** The corrected paragraph as plain text. */
export function correctedText(text: string, corrections: readonly Correction[]): string {
  return readingOf(text, corrections)
    .map((s) => s.text)
    .join('');
}

/** A quote shown to learners: the same typo fixes applied to the quoted words. */
export function correctedQuote(quote: string, corrections: readonly Correction[]): string {
  return correctedText(
    quote,
    corrections.filter((c) => c.kind === 'typo'),
  );
}
