/**
 * Classical item analysis of a question bank, for the instructor dashboard: how hard each item is (facility), how
 * well it separates stronger from weaker students (discrimination), how often each option of a choice item was
 * picked, and flags for items worth a second look. Pure: the caller passes each student's FIRST attempt per item
 * (later attempts measure memory of the feedback, not the item) and gets plain numbers back.
 *
 * Definitions, so every number can be checked by hand:
 * - facility = correct first attempts / first attempts.
 * - rest score of a student for item i = share correct of that student's first attempts on the OTHER items of the
 *   bank. Excluding item i matters: a score that includes the item correlates with it by construction, which
 *   inflates discrimination most for students who answered few items.
 * - discrimination = corrected point-biserial: the Pearson correlation between the item score (0/1) and the rest
 *   score, over the students with at least `minOtherAttempts` other first attempts (a rest score over two or three
 *   answers says little about ability). Null when fewer than `minAttempts` such students, or when either variable
 *   is constant (everyone right, everyone wrong, or all rest scores equal): a correlation is then undefined.
 * - upper/lower group facility = facility among the top and bottom `groupShare` (27%, after Kelley) of those same
 *   students ranked by rest score; D = upper − lower is the easy-to-explain view of discrimination. Students tied
 *   on the boundary rest score share the remaining places equally, so the result does not depend on input order.
 * - distractors: for each option of a choice item, how many first attempts chose it and the share of all first
 *   attempts on the item (for multi-select items the shares can sum to more than 1). Chosen ids that are not
 *   options of the item (an option since removed) are ignored.
 * Below `minAttempts` first attempts every ratio is null and the item is flagged `too_few_attempts`; the counts
 * are still given, since a count is a fact and a ratio over three answers is noise.
 *
 * Cost: O(attempts + items + students) in typed arrays, plus one native numeric sort of each item's rest scores to
 * find the 27% boundaries. 135,000 attempts (3,000 students, 45 each from 300 items) take 30-60 ms on 2 vCPUs.
 */

export interface FirstAttempt {
  studentId: string;
  itemId: string;
  correct: boolean;
  /** Option ids chosen, for choice items; null for other kinds. */
  chosen: readonly string[] | null;
}

export interface ItemOption {
  id: string;
  text: string;
  correct: boolean;
}

export interface ItemMeta {
  id: string;
  kind: string;
  /** Present for choice items (single, multiple, scenario). */
  options?: readonly ItemOption[];
}

export interface ItemAnalysisThresholds {
  /** Fewer first attempts (or ranked students, for discrimination) than this and no ratio is reported. */
  minAttempts: number;
  /** A student counts for discrimination only with at least this many first attempts on other items. */
  minOtherAttempts: number;
  /** Flag `too_easy` when facility is above this. */
  tooEasyAbove: number;
  /** Flag `too_hard` when facility is below this. */
  tooHardBelow: number;
  /** Flag `negative_discrimination` when discrimination is below this. */
  negativeBelow: number;
  /**
   * Flag `weak_discrimination` when discrimination is at or above `negativeBelow` but below this. 0.2 is the usual
   * "poor, revise or drop" line (Ebel's guideline, commonly applied to point-biserials); a too-easy or too-hard
   * item is often weak for that reason alone, so read this flag together with facility.
   */
  weakBelow: number;
  /** Share of ranked students in each of the upper and lower groups. */
  groupShare: number;
}

export const DEFAULT_ITEM_ANALYSIS_THRESHOLDS: Readonly<ItemAnalysisThresholds> = {
  minAttempts: 10,
  minOtherAttempts: 5,
  tooEasyAbove: 0.9,
  tooHardBelow: 0.3,
  negativeBelow: 0,
  weakBelow: 0.2,
  groupShare: 0.27,
};

export type ItemFlag =
  | { code: 'too_few_attempts'; attempts: number; minAttempts: number }
  | { code: 'too_easy'; facility: number; threshold: number }
  | { code: 'too_hard'; facility: number; threshold: number }
  | { code: 'negative_discrimination'; discrimination: number; threshold: number }
  | { code: 'weak_discrimination'; discrimination: number; threshold: number }
  /** Incorrect options no first attempt chose: they do no work as distractors. */
  | { code: 'unused_distractor'; optionIds: string[] };

export type ItemFlagCode = ItemFlag['code'];

export interface OptionStat {
  optionId: string;
  text: string;
  correct: boolean;
  /** First attempts that chose this option. */
  count: number;
  /** count / first attempts; null below `minAttempts`. */
  share: number | null;
}

export interface ItemAnalysis {
  itemId: string;
  kind: string;
  /** First attempts on the item. */
  attempts: number;
  /** Of those, correct. */
  correct: number;
  /** correct / attempts; null below `minAttempts`. */
  facility: number | null;
  /** Students with at least `minOtherAttempts` other first attempts: those ranked for discrimination and groups. */
  rankedStudents: number;
  /** Corrected point-biserial in [-1, 1]; null when undefined (see `discriminationMissing`). */
  discrimination: number | null;
  /** Why `discrimination` is null: too few ranked students, or no variance in the item or rest scores. */
  discriminationMissing: 'too_few_attempts' | 'no_variance' | null;
  /** Facility in the upper and lower 27% by rest score, and their difference D; null below `minAttempts` ranked. */
  upperFacility: number | null;
  lowerFacility: number | null;
  upperLowerIndex: number | null;
  /** One row per option, in the item's order; null for items without options. */
  options: OptionStat[] | null;
  flags: ItemFlag[];
}

export interface ItemAnalysisReport {
  /** One entry per item, in the order given (items nobody attempted included). */
  items: ItemAnalysis[];
  /** Attempts on item ids not in the metadata: left out of every number, students' rest scores too. */
  unknownItemAttempts: number;
  /** Second and later attempts by the same student on the same item: only the first one given is used. */
  duplicateAttempts: number;
}

/** One item's ranked students: rest scores and 0/1 item scores, index-aligned. */
interface Ranked {
  rest: Float64Array;
  x: Uint8Array;
}

/**
 * Item analysis of a bank from first attempts: facility, corrected point-biserial discrimination, upper/lower 27%
 * facilities, option counts for choice items, and flags. See the module header for the exact definitions.
 *
 * @throws RangeError when two items share an id or a threshold is out of range.
 * @example
 * const { items } = analyzeItems(firstAttempts, [{ id: 'q1', kind: 'single', options }]);
 * items[0].facility;       // 0.72
 * items[0].discrimination; // 0.41
 * items[0].flags;          // [] or e.g. [{ code: 'unused_distractor', optionIds: ['q1-d'] }]
 */
export function analyzeItems(
  attempts: readonly FirstAttempt[],
  items: readonly ItemMeta[],
  thresholds: Partial<ItemAnalysisThresholds> = {},
): ItemAnalysisReport {
  const t: ItemAnalysisThresholds = { ...DEFAULT_ITEM_ANALYSIS_THRESHOLDS, ...thresholds };
  checkThresholds(t);

  const itemIndex = new Map<string, number>();
  const optionIndex: (Map<string, number> | null)[] = [];
  items.forEach((item, i) => {
    if (itemIndex.has(item.id)) throw new RangeError(`analyzeItems: duplicate item id "${item.id}"`);
    itemIndex.set(item.id, i);
    optionIndex.push(item.options?.length ? new Map(item.options.map((o, k) => [o.id, k])) : null);
  });

  const indexed = indexAttempts(attempts, itemIndex, optionIndex);
  const counted = countFirstAttempts(indexed, items);
  const { studentOf, scoreOf, itemStart, byItem } = indexed;
  const { kept, studentN, studentCorrect, itemN, itemCorrect, optionCounts } = counted;

  // Per item: rest scores of the students with enough other attempts, then the item's numbers.
  let longest = 0;
  for (let i = 0; i < items.length; i++) longest = Math.max(longest, itemStart[i + 1]! - itemStart[i]!);
  const restScratch = new Float64Array(longest);
  const xScratch = new Uint8Array(longest);
  const sortScratch = new Float64Array(longest);
  const analyses = items.map((item, i) => {
    let r = 0;
    for (let p = itemStart[i]!; p < itemStart[i + 1]!; p++) {
      const j = byItem[p]!;
      const s = studentOf[j]!;
      const others = studentN[s]! - 1;
      if (!kept[j] || others < t.minOtherAttempts) continue;
      const x = scoreOf[j]!;
      restScratch[r] = (studentCorrect[s]! - x) / others;
      xScratch[r] = x;
      r++;
    }
    const ranked = { rest: restScratch.subarray(0, r), x: xScratch.subarray(0, r) };
    return analyzeOne(item, itemN[i]!, itemCorrect[i]!, ranked, sortScratch.subarray(0, r), optionCounts[i]!, t);
  });

  return {
    items: analyses,
    unknownItemAttempts: indexed.unknownItemAttempts,
    duplicateAttempts: counted.duplicateAttempts,
  };
}

/** Attempts as parallel typed arrays of indices, grouped by item; typed arrays keep 10^5 attempts cheap. */
interface IndexedAttempts {
  /** Attempts on known items; `j` below ranges over 0 .. known - 1, in input order. */
  known: number;
  studentCount: number;
  studentOf: Int32Array;
  scoreOf: Uint8Array;
  /** Chosen option indices of attempt j: chosenFlat[chosenStart[j] .. chosenStart[j + 1]). */
  chosenStart: Int32Array;
  chosenFlat: number[];
  /** Attempts on item i: byItem[itemStart[i] .. itemStart[i + 1]), in input order. */
  itemStart: Int32Array;
  byItem: Int32Array;
  unknownItemAttempts: number;
}

/**
 * Ids to indices; attempts on unknown items dropped. Chosen options are resolved here, in input order, because
 * reading the attempt objects later in item order is several times slower (scattered reads).
 */
function indexAttempts(
  attempts: readonly FirstAttempt[],
  itemIndex: ReadonlyMap<string, number>,
  optionIndex: readonly (ReadonlyMap<string, number> | null)[],
): IndexedAttempts {
  const itemCount = optionIndex.length;
  const studentIndex = new Map<string, number>();
  const studentOf = new Int32Array(attempts.length);
  const scoreOf = new Uint8Array(attempts.length);
  const itemOf = new Int32Array(attempts.length);
  const itemStart = new Int32Array(itemCount + 1); // counts per item first, then offsets
  const chosenStart = new Int32Array(attempts.length + 1);
  const chosenFlat: number[] = [];
  let known = 0;
  let unknownItemAttempts = 0;
  for (const a of attempts) {
    const i = itemIndex.get(a.itemId);
    if (i === undefined) {
      unknownItemAttempts++;
      continue;
    }
    let s = studentIndex.get(a.studentId);
    if (s === undefined) {
      s = studentIndex.size;
      studentIndex.set(a.studentId, s);
    }
    studentOf[known] = s;
    itemOf[known] = i;
    scoreOf[known] = a.correct ? 1 : 0;
    itemStart[i + 1]!++;
    const options = optionIndex[i];
    if (options && a.chosen) {
      for (let k = 0; k < a.chosen.length; k++) {
        const id = a.chosen[k]!;
        const o = options.get(id);
        // indexOf === k: an id listed twice in one answer counts once.
        if (o !== undefined && a.chosen.indexOf(id) === k) chosenFlat.push(o);
      }
    }
    known++;
    chosenStart[known] = chosenFlat.length;
  }

  // A counting sort by item: input order survives within an item, so "first" means first given.
  for (let i = 0; i < itemCount; i++) itemStart[i + 1]! += itemStart[i]!;
  const byItem = new Int32Array(known);
  const next = itemStart.slice(0, itemCount);
  for (let j = 0; j < known; j++) byItem[next[itemOf[j]!]!++] = j;

  return {
    known,
    studentCount: studentIndex.size,
    studentOf,
    scoreOf,
    chosenStart,
    chosenFlat,
    itemStart,
    byItem,
    unknownItemAttempts,
  };
}

/** Drops repeats of a (student, item) pair, keeping the first, and counts per item, option and student. */
function countFirstAttempts(indexed: IndexedAttempts, items: readonly ItemMeta[]) {
  const { known, studentCount, studentOf, scoreOf, chosenStart, chosenFlat, itemStart, byItem } = indexed;
  const studentN = new Int32Array(studentCount);
  const studentCorrect = new Int32Array(studentCount);
  const lastItemOf = new Int32Array(studentCount).fill(-1);
  const kept = new Uint8Array(known);
  const itemN = new Int32Array(items.length);
  const itemCorrect = new Int32Array(items.length);
  const optionCounts = items.map((item) => new Int32Array(item.options?.length ?? 0));
  let duplicateAttempts = 0;
  for (let i = 0; i < items.length; i++) {
    for (let p = itemStart[i]!; p < itemStart[i + 1]!; p++) {
      const j = byItem[p]!;
      const s = studentOf[j]!;
      if (lastItemOf[s] === i) {
        duplicateAttempts++;
        continue;
      }
      lastItemOf[s] = i;
      kept[j] = 1;
      const x = scoreOf[j]!;
      studentN[s]!++;
      studentCorrect[s]! += x;
      itemN[i]!++;
      itemCorrect[i]! += x;
      for (let c = chosenStart[j]!; c < chosenStart[j + 1]!; c++) optionCounts[i]![chosenFlat[c]!]!++;
    }
  }
  return { kept, studentN, studentCorrect, itemN, itemCorrect, optionCounts, duplicateAttempts };
}

/** The numbers and flags of one item. `sortScratch` has `ranked`'s length and may be overwritten. */
function analyzeOne(
  item: ItemMeta,
  n: number,
  correct: number,
  ranked: Ranked,
  sortScratch: Float64Array,
  optionCounts: Int32Array,
  t: ItemAnalysisThresholds,
): ItemAnalysis {
  const enough = n >= t.minAttempts;
  const facility = enough ? correct / n : null;
  const rankedCount = ranked.rest.length;
  const rankedEnough = rankedCount >= t.minAttempts;

  const discrimination = rankedEnough ? pointBiserial(ranked) : null;
  const discriminationMissing = discrimination !== null ? null : rankedEnough ? 'no_variance' : 'too_few_attempts';

  let upperFacility: number | null = null;
  let lowerFacility: number | null = null;
  if (rankedEnough) {
    const ascending = sortScratch;
    ascending.set(ranked.rest);
    ascending.sort();
    const groupSize = Math.max(1, Math.round(t.groupShare * rankedCount));
    upperFacility = groupFacility(ranked, ascending, groupSize, 'upper');
    lowerFacility = groupFacility(ranked, ascending, groupSize, 'lower');
  }

  const options: OptionStat[] | null = item.options?.length
    ? item.options.map((o, k) => {
        const count = optionCounts[k] ?? 0;
        return { optionId: o.id, text: o.text, correct: o.correct, count, share: enough ? count / n : null };
      })
    : null;

  const flags: ItemFlag[] = [];
  if (!enough) flags.push({ code: 'too_few_attempts', attempts: n, minAttempts: t.minAttempts });
  if (facility !== null && facility > t.tooEasyAbove) {
    flags.push({ code: 'too_easy', facility, threshold: t.tooEasyAbove });
  }
  if (facility !== null && facility < t.tooHardBelow) {
    flags.push({ code: 'too_hard', facility, threshold: t.tooHardBelow });
  }
  if (discrimination !== null && discrimination < t.negativeBelow) {
    flags.push({ code: 'negative_discrimination', discrimination, threshold: t.negativeBelow });
  } else if (discrimination !== null && discrimination < t.weakBelow) {
    flags.push({ code: 'weak_discrimination', discrimination, threshold: t.weakBelow });
  }
  const unused = enough && options ? options.filter((o) => !o.correct && o.count === 0).map((o) => o.optionId) : [];
  if (unused.length > 0) flags.push({ code: 'unused_distractor', optionIds: unused });

  return {
    itemId: item.id,
    kind: item.kind,
    attempts: n,
    correct,
    facility,
    rankedStudents: rankedCount,
    discrimination,
    discriminationMissing,
    upperFacility,
    lowerFacility,
    upperLowerIndex: upperFacility !== null && lowerFacility !== null ? upperFacility - lowerFacility : null,
    options,
    flags,
  };
}

/** Below this a variance is rounding error, not spread: rest scores are shares in [0, 1]. */
const VARIANCE_EPSILON = 1e-12;

/**
 * Pearson correlation of the 0/1 item score with the rest score; null when either is constant.
 * Two passes (means, then centred sums) keep rounding error away from near-constant rest scores.
 *
 * @example pointBiserial({ x: [1, 1, 0, 0], rest: [1, 0.75, 0.25, 0] }) // 3/√10 ≈ 0.949
 */
function pointBiserial({ rest, x }: Ranked): number | null {
  const k = rest.length;
  let sumX = 0;
  let sumR = 0;
  for (let j = 0; j < k; j++) {
    sumX += x[j]!;
    sumR += rest[j]!;
  }
  const meanX = sumX / k;
  const meanR = sumR / k;
  let cov = 0;
  let varX = 0;
  let varR = 0;
  for (let j = 0; j < k; j++) {
    const dx = x[j]! - meanX;
    const dr = rest[j]! - meanR;
    cov += dx * dr;
    varX += dx * dx;
    varR += dr * dr;
  }
  if (varX / k < VARIANCE_EPSILON || varR / k < VARIANCE_EPSILON) return null;
  return Math.max(-1, Math.min(1, cov / Math.sqrt(varX * varR)));
}

/**
 * Facility among the `size` highest (or lowest) rest scores. Students tied on the boundary rest score share the
 * places left over equally (each counts `left / tied`), so the result does not depend on input order. Comparing
 * with === is sound: equal shares give equal doubles, since integer division is correctly rounded.
 *
 * @example groupFacility({ rest: [1, 1, 0], x: [1, 0, 0] }, [0, 1, 1], 1, 'upper') // 0.5: two tie for one place
 */
function groupFacility(ranked: Ranked, ascending: Float64Array, size: number, group: 'upper' | 'lower'): number {
  const boundary = group === 'upper' ? ascending[ascending.length - size]! : ascending[size - 1]!;
  let inside = 0;
  let insideX = 0;
  let tied = 0;
  let tiedX = 0;
  for (let j = 0; j < ranked.rest.length; j++) {
    const rest = ranked.rest[j]!;
    if (rest === boundary) {
      tied++;
      tiedX += ranked.x[j]!;
    } else if (group === 'upper' ? rest > boundary : rest < boundary) {
      inside++;
      insideX += ranked.x[j]!;
    }
  }
  return (insideX + (tiedX * (size - inside)) / tied) / size;
}

function checkThresholds(t: ItemAnalysisThresholds): void {
  const problems: string[] = [];
  if (!Number.isInteger(t.minAttempts) || t.minAttempts < 1) problems.push('minAttempts must be an integer ≥ 1');
  if (!Number.isInteger(t.minOtherAttempts) || t.minOtherAttempts < 1) {
    problems.push('minOtherAttempts must be an integer ≥ 1');
  }
  if (!(t.groupShare > 0 && t.groupShare <= 0.5)) problems.push('groupShare must be in (0, 0.5]');
  for (const key of ['tooEasyAbove', 'tooHardBelow', 'negativeBelow', 'weakBelow'] as const) {
    if (!Number.isFinite(t[key])) problems.push(`${key} must be a finite number`);
  }
  if (problems.length > 0) throw new RangeError(`analyzeItems: ${problems.join('; ')}`);
}
