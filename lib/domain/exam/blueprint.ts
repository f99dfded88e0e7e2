/**
 * Choosing the questions of a mock exam. Pure; the seed fixes every random choice.
 * - Blueprint: each lesson gets its share of the questions in proportion to its share of the course's items
 *   (largest-remainder rounding, so the counts add up exactly).
 * - Within a lesson: what the student knows least first (lowest expected recall), never-seen items before seen
 *   ones at equal knowledge, and never two items of the same fact (sibling).
 * - Question order is shuffled.
 */
import { seededShuffle } from '../seeded-shuffle';

export interface Candidate {
  itemId: string;
  lessonId: string;
  sibling: string;
  /** Expected recall now (the readiness model's estimate). */
  p: number;
  seen: boolean;
}

export function blueprintCounts(lessonSizes: readonly { lessonId: string; items: number }[], questions: number) {
  const total = lessonSizes.reduce((s, l) => s + l.items, 0);
  const exact = lessonSizes.map((l) => ({ lessonId: l.lessonId, q: total ? (l.items / total) * questions : 0 }));
  const counts = new Map(exact.map((e) => [e.lessonId, Math.floor(e.q)]));
  let left = questions - [...counts.values()].reduce((s, n) => s + n, 0);
  for (const e of [...exact].sort((a, b) => b.q - Math.floor(b.q) - (a.q - Math.floor(a.q)))) {
    if (left <= 0) break;
    counts.set(e.lessonId, counts.get(e.lessonId)! + 1);
    left--;
  }
  return counts;
}

/** The exam's item ids, in the order they are shown. */
export function pickQuestions(candidates: readonly Candidate[], questions: number, seed: string): string[] {
  const lessons = [...new Set(candidates.map((c) => c.lessonId))];
  const counts = blueprintCounts(
    lessons.map((l) => ({ lessonId: l, items: candidates.filter((c) => c.lessonId === l).length })),
    Math.min(questions, candidates.length),
  );
  const siblings = new Set<string>();
  const picked: string[] = [];
  for (const lessonId of lessons) {
    // Shuffle first so equal candidates are taken in a seeded random order, then sort (stable) by need.
    const pool = seededShuffle(
      candidates.filter((c) => c.lessonId === lessonId),
      `${seed}:${lessonId}`,
    ).sort((a, b) => Math.round(a.p * 20) - Math.round(b.p * 20) || Number(a.seen) - Number(b.seen));
    let want = counts.get(lessonId) ?? 0;
    for (const c of pool) {
      if (want === 0) break;
      if (siblings.has(c.sibling)) continue;
      siblings.add(c.sibling);
      picked.push(c.itemId);
      want--;
    }
  }
  return seededShuffle(picked, `${seed}:order`);
}
