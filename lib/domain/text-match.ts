/**
 * Forgiving comparison of typed answers: case, spacing, punctuation, diacritics and small typos are forgiven, but an
 * answer that is as close to a known wrong concept (an item's `rejects`) as to the right one is never accepted.
 * Pure; no I/O.
 */

/** Lower-case, strip diacritics and punctuation, collapse spaces. */
export function normalizeAnswer(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[‘’'`"“”]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) =>
    Array.from({ length: n + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i]!;
      const prev = d[i - 1]!;
      let best = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      row[j] = best;
    }
  }
  return d[m]![n]!;
}

/** Typos tolerated for an answer of this (normalised) length: none up to 4 characters, 1 up to 8, then 2. */
export function typoTolerance(length: number): number {
  if (length <= 4) return 0;
  if (length <= 8) return 1;
  return 2;
}

export interface TextMatch {
  accepted: boolean;
  /** The accepted answer the response matched, when accepted. */
  matched?: string;
  /** True when the response was accepted with at least one typo (shown to the learner as "check your spelling"). */
  withTypo: boolean;
}

/**
 * @example matchTypedAnswer('Pertahanan kolectif', ['pertahanan kolektif'], ['keamanan kolektif'])
 *   // { accepted: true, matched: 'pertahanan kolektif', withTypo: true }
 */
export function matchTypedAnswer(
  response: string,
  answers: readonly string[],
  rejects: readonly string[] = [],
): TextMatch {
  const r = normalizeAnswer(response);
  if (r === '') return { accepted: false, withTypo: false };
  let best: { answer: string; distance: number } | undefined;
  for (const answer of answers) {
    const distance = editDistance(r, normalizeAnswer(answer));
    if (!best || distance < best.distance) best = { answer, distance };
  }
  if (!best) return { accepted: false, withTypo: false };
  if (best.distance === 0) return { accepted: true, matched: best.answer, withTypo: false };
  if (best.distance > typoTolerance(normalizeAnswer(best.answer).length)) return { accepted: false, withTypo: false };
  // A typo-tolerant match is refused when a wrong concept is at least as close.
  for (const reject of rejects) {
    if (editDistance(r, normalizeAnswer(reject)) <= best.distance) return { accepted: false, withTypo: false };
  }
  return { accepted: true, matched: best.answer, withTypo: true };
}
