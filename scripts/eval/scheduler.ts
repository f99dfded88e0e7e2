/**
 * npm run eval:scheduler (issue #7)
 *
 * How much do fitted FSRS weights buy, measured on simulated learners whose true memory is known? Prints a Markdown
 * report (method, tables, targets MET/MISSED with reasons) and writes it to .data/eval-scheduler.md.
 *
 * 1. Accuracy. Each simulated learner has true FSRS-6 weights drawn around the defaults. Their reviews are
 *    simulated day by day: the true forgetting curve R = (1 + factor·t/S)^decay decides recall by a Bernoulli draw,
 *    ts-fsrs with the default weights at desired retention 0.9 decides the next interval (as the app does for a
 *    learner without fitted weights), and the learner's memory moves by the FSRS-6 update with the true weights.
 *    For each history size N, the first N reviews (in time) are training data and the next N/4 are held out.
 *    Models: the defaults; class-pooled (fitted on other learners of the class); per-learner (the own fit when it
 *    validates clearly better, else the class's validated fallback: `chooseWeights`); the own fit always; the true
 *    weights (the floor). Each prediction replays the card's history before the review with the model's weights
 *    (ts-fsrs); the metrics are computed here from those R (see `metrics`), not by fsrs-rs's `evaluate`, which
 *    refuses small sets and does not report the plain mean.
 * 2. Workload. One year of one deck (1,000 items, 10 new a day for 100 days) per learner and scheduler: FSRS with
 *    the learner's true weights, with the defaults, and per-learner (refit monthly), SM-2 as published and as
 *    Anki's classic scheduler runs it, and a 5-box Leitner system. For every learner, each scheduler's knob (FSRS
 *    desired retention; SM-2 and Leitner an interval multiplier; Anki's interval modifier) is tuned until the year's
 *    average true retention (mean R over introduced items, every day) hits a common target; reviews are then
 *    compared at that same retention. Also: stock SM-2 and stock Anki (knob 1) against FSRS at their retention.
 *    EVAL_ITEM_SPREAD=σ gives items an intrinsic ease that no scheduler is told (a robustness check).
 *
 * Simplifications: whole days only (one review per card per day, no same-day learning steps, for every scheduler
 * alike); the learner studies every day in the workload year; ratings do not depend on R beyond pass/fail.
 * Everything is seeded (mulberry32 from lib/domain/seeded-shuffle), so a run is reproducible. About a minute and a
 * half on 2 cores (two more with the Anki comparisons), one thread (fsrs-rs fits do not run faster side by side).
 *
 * The comparison schedulers (SM-2, SM-2 as in Anki, Leitner) are lib/domain/review/classic-schedulers.ts, with unit
 * tests; the report's "Why:" notes follow the numbers of the run.
 *
 * This script imports ts-fsrs directly, unlike app code (which goes through lib/domain/review/fsrs.ts): it needs the
 * bare memory model (state, elapsed days, grade) at day resolution, millions of times, without dates or the app's
 * learning steps.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { FSRSAlgorithm, generatorParameters, type FSRSState } from 'ts-fsrs';
import {
  AnkiSm2Scheduler,
  LeitnerScheduler,
  Sm2Scheduler,
  type DayScheduler,
  type Grade,
} from '../../lib/domain/review/classic-schedulers';
import { DEFAULT_WEIGHTS, MAXIMUM_INTERVAL_DAYS } from '../../lib/domain/review/fsrs';
import { seededRandom } from '../../lib/domain/seeded-shuffle';
import { fitParameters, validWeights, type CardHistory } from '../../lib/fsrs-optimizer';

const started = performance.now();
const SEED = 'ingat eval:scheduler v1';
const HISTORY_SIZES = [100, 1_000, 10_000] as const;
/** Held-out reviews per training review: N training reviews, then the next N/4 held out. */
const HOLD_OUT_RATIO = 0.25;
/** Learners come in classes of 20; more classes where histories are short and the metrics noisy. */
const CLASS_SIZE = 20;
const CLASSES_PER_SIZE: Record<number, number> = { 100: 10, 1_000: 5, 10_000: 1 };
/** Class-pooled weights for a learner are fitted on the other folds of their class (15 of the 20 learners). */
const FOLDS = 4;
/** Per-learner weights are chosen on the last 20% (in time) of the learner's own training reviews. */
const VALIDATION_SHARE = 0.2;
/** An own (or class) fit is considered only with this many items (reviews after a card's first) to fit on. */
const MIN_OWN_ITEMS = 100;
const YEAR = {
  days: 365,
  items: 1_000,
  newPerDay: 10,
  learners: 6,
  secondsPerReview: 8,
  targetRetention: 0.9,
  /** ± around the target. */
  tolerance: 0.001,
  maxTuningRuns: 12,
  refitEveryDays: 30,
};
const TARGETS = { floorGap: 0.005, reviewSaving: 0.25 };
/**
 * EVAL_ITEM_SPREAD=σ gives each item of the workload year an intrinsic ease no scheduler is told: its true initial
 * stability × e^N(0,σ). 0 (the default): items differ only through their random ratings.
 */
const ITEM_SPREAD = Number(process.env.EVAL_ITEM_SPREAD ?? 0);

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const log = (line: string) => console.error(`[eval] ${line}`);

// ---------------------------------------------------------------------------------------------------------------
// Memory model and simulated learners
// ---------------------------------------------------------------------------------------------------------------

/** ts-fsrs at day resolution: no same-day steps, no fuzz, the app's maximum interval. */
function fsrsModel(w: readonly number[], desiredRetention = 0.9): FSRSAlgorithm {
  return new FSRSAlgorithm(
    generatorParameters({
      w: [...w],
      request_retention: desiredRetention,
      maximum_interval: MAXIMUM_INTERVAL_DAYS,
      enable_short_term: false,
      enable_fuzz: false,
    }),
  );
}

function normal(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

interface Learner {
  id: string;
  /** True FSRS-6 weights of this learner's memory. */
  w: number[];
  /** Chance of studying on a given day (accuracy histories only; the workload year has no missed days). */
  attendance: number;
  newPerDay: number;
  /** First exposure: chances of Again, Hard, Easy (Good otherwise). */
  first: { again: number; hard: number; easy: number };
  /** After a successful recall: chances of Hard, Easy (Good otherwise). A failed recall is Again. */
  pass: { hard: number; easy: number };
}

/** True weights around the defaults: initial stabilities, initial difficulty, stability growth, lapses, decay. */
function drawLearner(id: string): Learner {
  const rand = seededRandom(`${SEED}/learner/${id}`);
  const factor = (sd: number) => Math.exp(sd * normal(rand));
  const w = [...DEFAULT_WEIGHTS];
  const initial = [0, 1, 2, 3].map((i) => w[i]! * factor(0.5)).sort((a, b) => a - b);
  initial.forEach((s, i) => (w[i] = s));
  w[4] = w[4]! + 0.8 * normal(rand);
  w[8] = w[8]! + 0.3 * normal(rand);
  w[9] = w[9]! * factor(0.3);
  w[10] = w[10]! * factor(0.3);
  w[11] = w[11]! * factor(0.3);
  w[20] = w[20]! * factor(0.5);
  // ts-fsrs clamps each weight into its valid range; keep the clamped values as the truth.
  const valid = [...generatorParameters({ w, enable_short_term: false }).w];
  if (!validWeights(valid, { enableShortTerm: false })) throw new Error(`invalid true weights for ${id}`);
  const uniform = (lo: number, hi: number) => lo + (hi - lo) * rand();
  return {
    id,
    w: valid,
    attendance: uniform(0.6, 1),
    newPerDay: 3 + Math.floor(rand() * 10),
    first: { again: uniform(0.1, 0.3), hard: uniform(0.05, 0.15), easy: uniform(0.03, 0.12) },
    pass: { hard: uniform(0.05, 0.15), easy: uniform(0.03, 0.12) },
  };
}

function firstRating(l: Learner, u: number): Grade {
  if (u < l.first.again) return 1;
  if (u < l.first.again + l.first.hard) return 2;
  if (u < l.first.again + l.first.hard + l.first.easy) return 4;
  return 3;
}

function recallRating(l: Learner, recalled: boolean, u: number): Grade {
  if (!recalled) return 1;
  if (u < l.pass.hard) return 2;
  if (u < l.pass.hard + l.pass.easy) return 4;
  return 3;
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Accuracy on held-out later reviews
// ---------------------------------------------------------------------------------------------------------------

interface Review {
  card: number;
  rating: Grade;
  deltaDays: number;
}

/** `total` reviews of one learner, in time order, scheduled by ts-fsrs with the default weights at 0.9. */
function simulateHistory(learner: Learner, total: number): Review[] {
  const rand = seededRandom(`${SEED}/history/${learner.id}/${total}`);
  const truth = fsrsModel(learner.w);
  const scheduler = fsrsModel(DEFAULT_WEIGHTS, 0.9);
  const cards: { memory: FSRSState; scheduled: FSRSState; lastDay: number; dueDay: number }[] = [];
  const reviews: Review[] = [];
  for (let day = 0; reviews.length < total; day++) {
    if (rand() >= learner.attendance) continue;
    const due = cards
      .map((card, index) => ({ card, index }))
      .filter(({ card }) => card.dueDay <= day)
      .sort((a, b) => a.card.dueDay - b.card.dueDay || a.index - b.index);
    for (const { card, index } of due) {
      if (reviews.length >= total) break;
      const t = day - card.lastDay;
      const recalled = rand() < truth.forgetting_curve(t, card.memory.stability);
      const rating = recallRating(learner, recalled, rand());
      card.memory = truth.next_state(card.memory, t, rating);
      card.scheduled = scheduler.next_state(card.scheduled, t, rating);
      card.lastDay = day;
      card.dueDay = day + scheduler.next_interval(card.scheduled.stability, t);
      reviews.push({ card: index, rating, deltaDays: t });
    }
    for (let k = 0; k < learner.newPerDay && reviews.length < total; k++) {
      const rating = firstRating(learner, rand());
      const scheduled = scheduler.next_state(null, 0, rating);
      const dueDay = day + scheduler.next_interval(scheduled.stability, 0);
      cards.push({ memory: truth.next_state(null, 0, rating), scheduled, lastDay: day, dueDay });
      reviews.push({ card: cards.length - 1, rating, deltaDays: 0 });
    }
  }
  return reviews;
}

/** Per-card histories of the given reviews (cards with no review among them are left out). */
function histories(reviews: readonly Review[]): CardHistory[] {
  const byCard = new Map<number, { rating: Grade; deltaDays: number }[]>();
  for (const r of reviews) {
    const list = byCard.get(r.card) ?? [];
    list.push({ rating: r.rating, deltaDays: r.deltaDays });
    byCard.set(r.card, list);
  }
  return [...byCard.values()];
}

const itemCount = (hs: readonly CardHistory[]) => hs.reduce((n, h) => n + Math.max(0, h.length - 1), 0);

interface Prediction {
  r: number;
  recalled: boolean;
  elapsedDays: number;
  priorReviews: number;
  lapses: number;
}

/**
 * R predicted by weights `w` for every held-out review (index ≥ `cut`) that has an earlier review of its card,
 * from the card's whole history before it (training and earlier held-out reviews alike).
 */
function predict(w: readonly number[], reviews: readonly Review[], cut: number): Prediction[] {
  const model = fsrsModel(w);
  const cards = new Map<number, { state: FSRSState; reviews: number; lapses: number }>();
  const out: Prediction[] = [];
  reviews.forEach((rev, index) => {
    const card = cards.get(rev.card);
    if (!card) {
      cards.set(rev.card, { state: model.next_state(null, 0, rev.rating), reviews: 1, lapses: 0 });
      return;
    }
    if (index >= cut) {
      out.push({
        r: model.forgetting_curve(rev.deltaDays, card.state.stability),
        recalled: rev.rating > 1,
        elapsedDays: rev.deltaDays,
        priorReviews: card.reviews,
        lapses: card.lapses,
      });
    }
    card.state = model.next_state(card.state, rev.deltaDays, rev.rating);
    card.reviews += 1;
    if (rev.rating === 1) card.lapses += 1;
  });
  return out;
}

/**
 * Log loss: mean binary cross-entropy of recall against predicted R (R clipped to [1e-6, 1 − 1e-6]).
 * RMSE(bins): reviews grouped by elapsed days (powers of 2), earlier reviews of the card (powers of 2) and earlier
 * lapses (0, 1, 2, 3+), in the spirit of the FSRS benchmark; the root of the count-weighted mean squared gap
 * between mean predicted R and the recall rate in each bin. Both are computed per learner and averaged over
 * learners weighted by held-out reviews (for log loss, the same as pooling the reviews).
 */
interface Metrics {
  logLoss: number;
  rmseBins: number;
  n: number;
}

const clipR = (r: number) => Math.min(Math.max(r, 1e-6), 1 - 1e-6);
const pointLoss = (p: Prediction) => -Math.log(p.recalled ? clipR(p.r) : 1 - clipR(p.r));

function metrics(predictions: readonly Prediction[]): Metrics {
  if (predictions.length === 0) return { logLoss: 0, rmseBins: 0, n: 0 }; // weighs nothing in `pooledMetrics`
  let loss = 0;
  const bins = new Map<string, { r: number; y: number; n: number }>();
  for (const p of predictions) {
    const r = clipR(p.r);
    loss += pointLoss(p);
    const key = `${Math.floor(Math.log2(p.elapsedDays))}|${Math.floor(Math.log2(p.priorReviews))}|${Math.min(p.lapses, 3)}`;
    const bin = bins.get(key) ?? { r: 0, y: 0, n: 0 };
    bin.r += r;
    bin.y += p.recalled ? 1 : 0;
    bin.n += 1;
    bins.set(key, bin);
  }
  let squared = 0;
  for (const b of bins.values()) squared += b.n * (b.r / b.n - b.y / b.n) ** 2;
  const n = predictions.length;
  return { logLoss: loss / n, rmseBins: Math.sqrt(squared / n), n };
}

function pooledMetrics(perLearner: readonly Metrics[]): Metrics {
  const n = perLearner.reduce((s, m) => s + m.n, 0);
  return {
    logLoss: perLearner.reduce((s, m) => s + m.logLoss * m.n, 0) / n,
    rmseBins: perLearner.reduce((s, m) => s + m.rmseBins * m.n, 0) / n,
    n,
  };
}

const fit = (hs: readonly CardHistory[]) => fitParameters(hs, { enableShortTerm: false, timeout: 10 });

type WeightSource = 'own fit' | 'class-pooled' | 'defaults';
interface Candidate {
  source: WeightSource;
  weights: readonly number[];
}

/**
 * Fitted weights, or the fallback unless the fit is clearly better at predicting the most recent reviews. Each
 * review log (one per learner, in time order) is cut at 1 − `VALIDATION_SHARE`; weights fitted on the reviews
 * before the cuts replace the fallback only if they lower the log loss on the reviews after the cuts by more than
 * two standard errors of the paired per-review difference (a one-sided test at about 2.3%), so that a learner is
 * not moved off working weights by noise. Then `fitted.full()` supplies the weights fitted on everything. A fit
 * needs `MIN_OWN_ITEMS` items before the cuts. Anki does the same in spirit: it keeps the current parameters when
 * newly optimized ones evaluate worse (in sample).
 */
async function chooseWeights(
  logs: readonly (readonly Review[])[],
  fitted: { source: WeightSource; full: () => Promise<readonly number[]> },
  fallback: Candidate,
): Promise<Candidate> {
  const cuts = logs.map((reviews) => Math.floor(reviews.length * (1 - VALIDATION_SHARE)));
  const early = logs.flatMap((reviews, i) => histories(reviews.slice(0, cuts[i])));
  if (itemCount(early) < MIN_OWN_ITEMS) return fallback;
  const candidate = await fit(early);
  const losses = (w: readonly number[]) => logs.flatMap((reviews, i) => predict(w, reviews, cuts[i]!).map(pointLoss));
  const [before, after] = [losses(fallback.weights), losses(candidate)];
  const gains = before.map((loss, i) => loss - after[i]!);
  const n = gains.length;
  if (n < 2) return fallback;
  const gain = mean(gains);
  const sd = Math.sqrt(gains.reduce((sum, g) => sum + (g - gain) ** 2, 0) / (n - 1));
  if (gain <= (2 * sd) / Math.sqrt(n)) return fallback;
  return { source: fitted.source, weights: await fitted.full() };
}

const MODELS = ['defaults', 'class-pooled', 'per-learner', 'per-learner, own fit only', 'true'] as const;
type ModelName = (typeof MODELS)[number];

interface SizeResult {
  size: number;
  learners: number;
  heldOut: number;
  /** Which weights the per-learner model ended up with, by learner. */
  chosen: Record<WeightSource, number>;
  metrics: Record<ModelName, Metrics>;
  /** Learners whose per-learner log loss is worse than the defaults'. */
  worseThanDefaults: number;
  seconds: number;
}

async function accuracyForSize(size: number): Promise<SizeResult> {
  const t0 = performance.now();
  const perModel = Object.fromEntries(MODELS.map((m) => [m, [] as Metrics[]])) as Record<ModelName, Metrics[]>;
  const chosen: Record<WeightSource, number> = { 'own fit': 0, 'class-pooled': 0, defaults: 0 };
  let worseThanDefaults = 0;
  for (let c = 0; c < CLASSES_PER_SIZE[size]!; c++) {
    const data = Array.from({ length: CLASS_SIZE }, (_, i) => {
      const learner = drawLearner(`class ${c}/learner ${i}`);
      const reviews = simulateHistory(learner, Math.round(size * (1 + HOLD_OUT_RATIO)));
      return { learner, reviews, training: histories(reviews.slice(0, size)), fold: i % FOLDS };
    });
    for (let fold = 0; fold < FOLDS; fold++) {
      const others = data.filter((d) => d.fold !== fold);
      const pooled = await fit(others.flatMap((d) => d.training));
      // The class's fallback for its learners: the pooled weights if they validate better than the defaults.
      const classFallback = await chooseWeights(
        others.map((d) => d.reviews.slice(0, size)),
        { source: 'class-pooled', full: async () => pooled },
        { source: 'defaults', weights: DEFAULT_WEIGHTS },
      );
      for (const { learner, reviews, training } of data.filter((d) => d.fold === fold)) {
        const own = await fit(training);
        const personal = await chooseWeights(
          [reviews.slice(0, size)],
          { source: 'own fit', full: async () => own },
          classFallback,
        );
        chosen[personal.source] += 1;
        const weights: Record<ModelName, readonly number[]> = {
          defaults: DEFAULT_WEIGHTS,
          'class-pooled': pooled,
          'per-learner': personal.weights,
          'per-learner, own fit only': own,
          true: learner.w,
        };
        for (const m of MODELS) perModel[m].push(metrics(predict(weights[m], reviews, size)));
        if (perModel['per-learner'].at(-1)!.logLoss > perModel.defaults.at(-1)!.logLoss) worseThanDefaults += 1;
      }
    }
  }
  const result = {
    size,
    learners: perModel.true.length,
    heldOut: pooledMetrics(perModel.true).n,
    chosen,
    metrics: Object.fromEntries(MODELS.map((m) => [m, pooledMetrics(perModel[m])])) as Record<ModelName, Metrics>,
    worseThanDefaults,
    seconds: (performance.now() - t0) / 1000,
  };
  log(`accuracy, ${size} reviews: ${result.seconds.toFixed(1)} s`);
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Workload over a year
// ---------------------------------------------------------------------------------------------------------------

/** A scheduler as the year simulation sees it: it is told each answer and returns the next due day. */
/** A scheduler under evaluation: the day-resolution interface of lib/domain, plus what FSRS refitting needs. */
interface Policy extends DayScheduler {
  /** Called at the start of every day with all reviews so far (in time order) and each item's history. */
  startDay?(day: number, log: readonly Review[], itemHistories: readonly CardHistory[]): Promise<void>;
  /** For schedulers that choose weights monthly: how often their own fit was chosen. */
  monthlyChoices?: { ownFit: number; checks: number };
}

class FsrsPolicy implements Policy {
  private model: FSRSAlgorithm;
  private states: FSRSState[] = [];
  private weightsInUse: readonly number[];
  readonly monthlyChoices = { ownFit: 0, checks: 0 };
  constructor(
    weights: readonly number[],
    private readonly desiredRetention: number,
    private readonly refitEveryDays: number | null,
  ) {
    this.weightsInUse = weights;
    this.model = fsrsModel(weights, desiredRetention);
  }
  introduce(item: number, rating: Grade, day: number): number {
    this.states[item] = this.model.next_state(null, 0, rating);
    return day + this.model.next_interval(this.states[item].stability, 0);
  }
  review(item: number, rating: Grade, day: number, elapsedDays: number): number {
    const state = this.model.next_state(this.states[item]!, elapsedDays, rating);
    this.states[item] = state;
    return day + this.model.next_interval(state.stability, elapsedDays);
  }
  /**
   * Monthly, the learner's weights are chosen again from their history so far (`chooseWeights`: their own fit
   * if it validates better than the defaults). Cards keep their due days; new weights apply from the next answer.
   */
  async startDay(day: number, log: readonly Review[], itemHistories: readonly CardHistory[]): Promise<void> {
    if (this.refitEveryDays === null || day === 0 || day % this.refitEveryDays !== 0) return;
    const choice = await chooseWeights(
      [log],
      { source: 'own fit', full: () => fit(histories(log)) },
      {
        source: 'defaults',
        weights: DEFAULT_WEIGHTS,
      },
    );
    this.monthlyChoices.checks += 1;
    if (choice.source === 'own fit') this.monthlyChoices.ownFit += 1;
    if (choice.weights === this.weightsInUse) return;
    this.weightsInUse = choice.weights;
    this.model = fsrsModel(this.weightsInUse, this.desiredRetention);
    itemHistories.forEach((history, item) => {
      let state: FSRSState | null = null;
      for (const r of history) state = this.model.next_state(state, r.deltaDays, r.rating);
      if (state) this.states[item] = state;
    });
  }
}

interface YearResult {
  reviews: number;
  /** Mean true R over introduced items, at the start of every day of the year and at its end. */
  averageRetention: number;
  /** Expected number of the 1,000 items recalled at the end of the year (sum of true R). */
  rememberedAtEnd: number;
  /** Share of reviews (after the first exposure) that were recalled. */
  passRate: number;
  monthlyChoices?: { ownFit: number; checks: number };
}

/**
 * One learner, one deck, one year. Each item draws its own random numbers (seeded by learner and item), so all
 * schedulers and knob settings face the same luck item by item, which keeps the tuning curves smooth.
 */
async function simulateYear(learner: Learner, policy: Policy): Promise<YearResult> {
  const truth = fsrsModel(learner.w);
  const items: { memory: FSRSState; lastDay: number; dueDay: number; rand: () => number }[] = [];
  const itemHistories: { rating: Grade; deltaDays: number }[][] = [];
  const log: Review[] = [];
  let reviews = 0;
  let passes = 0;
  let retentionSum = 0;
  let retentionCount = 0;
  const measure = (day: number) => {
    let sum = 0;
    for (const it of items) sum += truth.forgetting_curve(day - it.lastDay, it.memory.stability);
    retentionSum += sum;
    retentionCount += items.length;
    return sum;
  };
  for (let day = 0; day < YEAR.days; day++) {
    await policy.startDay?.(day, log, itemHistories);
    measure(day);
    items.forEach((it, index) => {
      if (it.dueDay > day) return;
      const t = day - it.lastDay;
      const recalled = it.rand() < truth.forgetting_curve(t, it.memory.stability);
      const rating = recallRating(learner, recalled, it.rand());
      it.memory = truth.next_state(it.memory, t, rating);
      it.lastDay = day;
      it.dueDay = policy.review(index, rating, day, t);
      itemHistories[index]!.push({ rating, deltaDays: t });
      log.push({ card: index, rating, deltaDays: t });
      reviews += 1;
      if (recalled) passes += 1;
    });
    for (let k = 0; k < YEAR.newPerDay && items.length < YEAR.items; k++) {
      const index = items.length;
      const rand = seededRandom(`${SEED}/year/${learner.id}/${index}`);
      const rating = firstRating(learner, rand());
      const first = truth.next_state(null, 0, rating);
      const ease = ITEM_SPREAD > 0 ? Math.exp(ITEM_SPREAD * normal(rand)) : 1;
      items.push({ memory: { ...first, stability: first.stability * ease }, lastDay: day, dueDay: 0, rand });
      items[index]!.dueDay = policy.introduce(index, rating, day);
      itemHistories.push([{ rating, deltaDays: 0 }]);
      log.push({ card: index, rating, deltaDays: 0 });
    }
  }
  const rememberedAtEnd = measure(YEAR.days);
  return {
    reviews: reviews + items.length,
    averageRetention: retentionSum / retentionCount,
    rememberedAtEnd,
    passRate: passes / reviews,
    monthlyChoices: policy.monthlyChoices,
  };
}

interface Scheduler {
  name: string;
  knobName: string;
  /** A first bracket of knob values, the first giving lower retention than the second. */
  start: [number, number];
  /** The knob never leaves these bounds (same order). */
  limits: [number, number];
  /** Search on a log scale (multipliers) or a linear one (retention). */
  logScale: boolean;
  policy(knob: number, learner: Learner): Policy;
}

const SM2 = 'SM-2';
const ANKI_SM2 = 'SM-2 as in Anki';
const SCHEDULERS: Scheduler[] = [
  {
    name: 'FSRS, default weights',
    knobName: 'desired retention',
    start: [0.75, 0.9],
    limits: [0.3, 0.99],
    logScale: false,
    policy: (knob) => new FsrsPolicy(DEFAULT_WEIGHTS, knob, null),
  },
  {
    name: "FSRS, learner's true weights",
    knobName: 'desired retention',
    start: [0.75, 0.9],
    limits: [0.3, 0.99],
    logScale: false,
    policy: (knob, learner) => new FsrsPolicy(learner.w, knob, null),
  },
  {
    name: 'FSRS, per-learner (refit monthly)',
    knobName: 'desired retention',
    start: [0.75, 0.9],
    limits: [0.3, 0.99],
    logScale: false,
    policy: (knob) => new FsrsPolicy(DEFAULT_WEIGHTS, knob, YEAR.refitEveryDays),
  },
  {
    name: SM2,
    knobName: 'interval multiplier',
    start: [8, 2],
    limits: [1000, 0.01],
    logScale: true,
    policy: (knob) => new Sm2Scheduler(knob),
  },
  {
    name: ANKI_SM2,
    knobName: 'interval modifier',
    start: [3, 1],
    limits: [100, 0.05],
    logScale: true,
    policy: (knob) => new AnkiSm2Scheduler(knob),
  },
  {
    name: 'Leitner (5 boxes)',
    knobName: 'interval multiplier',
    start: [20, 5],
    limits: [1000, 0.01],
    logScale: true,
    policy: (knob) => new LeitnerScheduler(knob),
  },
];

/** One knob value tried on every learner of the workload population. */
interface Trial {
  knob: number;
  perLearner: YearResult[];
  /** Mean over learners of their average retention. */
  retention: number;
}

interface Tuned {
  best: Trial;
  runs: number;
  /** False when the tolerance was not reached (the closest trial is reported). */
  reached: boolean;
}

/**
 * The knob value at which the learners' mean average retention is `target` within the tolerance: regula falsi
 * (Illinois variant) on retention − target, from the scheduler's starting bracket, widened while it does not
 * contain the target. Called with one learner at a time (see `workload`).
 */
async function tune(scheduler: Scheduler, learners: readonly Learner[], target: number, hint?: number): Promise<Tuned> {
  const { logScale, limits } = scheduler;
  const to = (knob: number) => (logScale ? Math.log(knob) : knob);
  const from = (x: number) => (logScale ? Math.exp(x) : x);
  const [xMin, xMax] = [to(limits[0]), to(limits[1])].sort((p, q) => p - q) as [number, number];
  let runs = 0;
  let best: (Trial & { gap: number }) | null = null;
  const run = async (x: number) => {
    const clamped = Math.min(Math.max(x, xMin), xMax);
    const knob = from(clamped);
    const perLearner: YearResult[] = [];
    for (const learner of learners) perLearner.push(await simulateYear(learner, scheduler.policy(knob, learner)));
    runs += 1;
    const retention = mean(perLearner.map((r) => r.averageRetention));
    const trial = { x: clamped, knob, perLearner, retention, gap: retention - target };
    if (!best || Math.abs(trial.gap) < Math.abs(best.gap)) best = trial;
    return trial;
  };
  const done = () => runs >= YEAR.maxTuningRuns || Math.abs(best!.gap) <= YEAR.tolerance;
  // With a hint (the knob another scheduler of the same kind needed), start close around it.
  const [x0, x1] = [to(scheduler.start[0]), to(scheduler.start[1])];
  const step = Math.sign(x1 - x0) * (logScale ? Math.log(1.15) : 0.02);
  let lo = await run(hint === undefined ? x0 : to(hint) - step);
  let hi = await run(hint === undefined ? x1 : to(hint) + step);
  while (lo.gap > 0 && !done() && lo.x !== xMin && lo.x !== xMax) lo = await run(lo.x - (hi.x - lo.x));
  while (hi.gap < 0 && !done() && hi.x !== xMin && hi.x !== xMax) hi = await run(hi.x + (hi.x - lo.x));
  let [fLo, fHi, side] = [lo.gap, hi.gap, 0];
  while (lo.gap <= 0 && hi.gap >= 0 && !done()) {
    const trial = await run((lo.x * fHi - hi.x * fLo) / (fHi - fLo));
    if (trial.gap < 0) {
      [lo, fLo] = [trial, trial.gap];
      if (side === -1) fHi /= 2;
      side = -1;
    } else {
      [hi, fHi] = [trial, trial.gap];
      if (side === 1) fLo /= 2;
      side = 1;
    }
  }
  const found = best!;
  return { best: found, runs, reached: Math.abs(found.gap) <= YEAR.tolerance };
}

interface WorkloadRow {
  scheduler: Scheduler;
  /** One tuning per learner. */
  tuned: Tuned[];
}

/**
 * Every scheduler, tuned for every learner separately so that each learner keeps the same share of items
 * remembered under each scheduler. (One knob for the whole population would let a scheduler "save" reviews by
 * giving strong learners high retention and weak ones low retention at the same mean.)
 */
async function workload(
  schedulers: readonly Scheduler[],
  learners: readonly Learner[],
  targets: readonly number[],
): Promise<WorkloadRow[]> {
  const rows: WorkloadRow[] = [];
  for (const scheduler of schedulers) {
    const t0 = performance.now();
    const tuned: Tuned[] = [];
    const hints = rows.find((r) => r.scheduler.knobName === scheduler.knobName)?.tuned.map((t) => t.best.knob);
    for (const [i, learner] of learners.entries()) {
      tuned.push(await tune(scheduler, [learner], targets[i]!, hints?.[i]));
    }
    rows.push({ scheduler, tuned });
    log(`workload, ${scheduler.name}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  return rows;
}

/**
 * A stock scheduler (knob 1: SM-2 as published, or as Anki ships it) as it comes, and the FSRS variants tuned,
 * learner by learner, to the retention it gives that learner.
 */
async function stockComparison(learners: readonly Learner[], name: string): Promise<WorkloadRow[]> {
  const stockScheduler = SCHEDULERS.find((s) => s.name === name)!;
  const stock: Tuned[] = [];
  for (const learner of learners) {
    const year = await simulateYear(learner, stockScheduler.policy(1, learner));
    stock.push({ best: { knob: 1, perLearner: [year], retention: year.averageRetention }, runs: 1, reached: true });
  }
  const fsrs = SCHEDULERS.filter((s) => s.name.startsWith('FSRS'));
  const targets = stock.map((t) => t.best.retention);
  return [...(await workload(fsrs, learners, targets)), { scheduler: stockScheduler, tuned: stock }];
}

// ---------------------------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------------------------

const f3 = (x: number) => x.toFixed(3);
const f4 = (x: number) => x.toFixed(4);
const table = (head: string[], rows: string[][]) =>
  [`| ${head.join(' | ')} |`, `|${head.map((h, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`]
    .concat(rows.map((r) => `| ${r.join(' | ')} |`))
    .join('\n');

function accuracyTable(results: readonly SizeResult[]): string {
  const head = ['model'].concat(results.map((r) => `log loss @ ${r.size.toLocaleString('en')}`));
  head.push(...results.map((r) => `RMSE(bins) @ ${r.size.toLocaleString('en')}`));
  const rows = MODELS.map((m) => [
    m,
    ...results.map((r) => f4(r.metrics[m].logLoss)),
    ...results.map((r) => f4(r.metrics[m].rmseBins)),
  ]);
  return table(head, rows);
}

function workloadTable(rows: readonly WorkloadRow[], reference = SM2): string {
  const sm2Reviews = reviewsPerLearner(rows.find((r) => r.scheduler.name === reference)!);
  const range = (xs: readonly number[], digits: number) =>
    `${mean(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;
  return table(
    [
      'scheduler',
      'knob: mean (range over learners)',
      'avg retention',
      'remembered at end',
      'pass rate',
      'reviews/day',
      'minutes/day',
      'reviews per remembered item',
      `reviews vs ${reference}`,
    ],
    rows.map((row) => {
      const years = row.tuned.map((t) => t.best.perLearner[0]!);
      const reviews = reviewsPerLearner(row);
      const remembered = mean(years.map((y) => y.rememberedAtEnd));
      const perDay = reviews / YEAR.days;
      const unconverged = row.tuned.filter((t) => !t.reached).length;
      return [
        row.scheduler.name,
        `${row.scheduler.knobName} ${range(
          row.tuned.map((t) => t.best.knob),
          row.scheduler.logScale ? 1 : 3,
        )}${unconverged ? ` (${unconverged} not within tolerance)` : ''}`,
        range(
          years.map((y) => y.averageRetention),
          3,
        ),
        remembered.toFixed(0),
        f3(mean(years.map((y) => y.passRate))),
        perDay.toFixed(1),
        ((perDay * YEAR.secondsPerReview) / 60).toFixed(1),
        (reviews / remembered).toFixed(2),
        `${(((reviews - sm2Reviews) / sm2Reviews) * 100).toFixed(1)}%`,
      ];
    }),
  );
}

/** Mean reviews in the year per learner. */
const reviewsPerLearner = (row: WorkloadRow) => mean(row.tuned.map((t) => t.best.perLearner[0]!.reviews));

const accuracy: SizeResult[] = [];
for (const size of HISTORY_SIZES) accuracy.push(await accuracyForSize(size));
const yearLearners = Array.from({ length: YEAR.learners }, (_, i) => drawLearner(`year/learner ${i}`));
const year = await workload(
  SCHEDULERS,
  yearLearners,
  yearLearners.map(() => YEAR.targetRetention),
);
const stock = await stockComparison(yearLearners, SM2);
const stockAnki = await stockComparison(yearLearners, ANKI_SM2);
const seconds = (performance.now() - started) / 1000;

// Targets, judged on unrounded numbers.
const rowNamed = (rows: readonly WorkloadRow[], prefix: string) =>
  rows.find((r) => r.scheduler.name.startsWith(prefix))!;
const savingVs = (reference: string) => (rows: readonly WorkloadRow[], prefix: string) =>
  1 - reviewsPerLearner(rowNamed(rows, prefix)) / reviewsPerLearner(rowNamed(rows, reference));
const savingVsSm2 = savingVs(SM2);
const largest = accuracy.at(-1)!;
const floorGap = largest.metrics['per-learner'].logLoss - largest.metrics.true.logLoss;
const vsDefaults = accuracy.map((r) => ({
  size: r.size,
  diff: r.metrics['per-learner'].logLoss - r.metrics.defaults.logLoss,
}));
const saving = savingVsSm2(year, 'FSRS, per-learner');
const trueWeightsSaving = savingVsSm2(year, "FSRS, learner's");
const stockSaving = savingVsSm2(stock, 'FSRS, per-learner');
const stockSm2 = rowNamed(stock, SM2).tuned.map((t) => t.best.perLearner[0]!);
const ankiSaving = savingVs(ANKI_SM2)(year, 'FSRS, per-learner');
const stockAnkiSaving = savingVs(ANKI_SM2)(stockAnki, 'FSRS, per-learner');
const stockAnkiYears = rowNamed(stockAnki, ANKI_SM2).tuned.map((t) => t.best.perLearner[0]!);
const ownMonths = (rows: readonly WorkloadRow[]) => {
  const choices = rowNamed(rows, 'FSRS, per-learner').tuned.map((t) => t.best.perLearner[0]!.monthlyChoices!);
  return `${choices.reduce((k, c) => k + c.ownFit, 0)} of ${choices.reduce((k, c) => k + c.checks, 0)}`;
};
const status = (met: boolean) => (met ? '**MET**' : '**MISSED**');
const n = (x: number) => x.toLocaleString('en');
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const fewer = (x: number) => (x >= 0 ? `${pct(x)} fewer` : `${pct(-x)} more`);
const signed = (x: number) => (x > 0 ? '+' : x < 0 ? '−' : '±') + Math.abs(x).toFixed(5);
const chosen = (r: SizeResult) =>
  `${n(r.size)}: own fit ${r.chosen['own fit']}, class-pooled ${r.chosen['class-pooled']}, defaults ${r.chosen.defaults}`;

// The "Why:" notes explain a missed target from the numbers of this run: each claim is made only when they bear it out.
const stockSm2Retention = mean(stockSm2.map((y) => y.averageRetention));
const itemsNote =
  ITEM_SPREAD > 0
    ? `, and even items with an intrinsic ease (σ ${ITEM_SPREAD}) are found out by both kinds of scheduler through their lapses`
    : `, and items differ only through their random ratings (none is intrinsically hard; try EVAL_ITEM_SPREAD=0.8)`;
const whyNotSaving = [
  trueWeightsSaving < TARGETS.reviewSaving
    ? `Why: even FSRS with each learner's true weights needs only ${fewer(trueWeightsSaving)} reviews than SM-2 here, so no fit
  of the weights can reach ${Math.round(TARGETS.reviewSaving * 100)}%: the gap is in the simulated world, not in the optimizer. Once SM-2's
  intervals have the right overall scale (its multiplier is tuned for each learner to the same retention), what is
  left for FSRS is timing each item better, and mistiming costs little near the optimum unless items differ a lot.
  Here memory follows FSRS with weights drawn near the defaults${itemsNote}.`
    : `Why: FSRS with each learner's true weights needs ${fewer(trueWeightsSaving)} reviews than SM-2 here, but per-learner fits
  ${fewer(saving)}: the shortfall is in how close the fitted weights get to the true ones.`,
  Math.abs(stockSm2Retention - YEAR.targetRetention) <= 0.02
    ? `Stock SM-2 (multiplier 1) happens to sit near the right scale for these learners: at its retention (${f3(stockSm2Retention)},
  target ${YEAR.targetRetention}), FSRS per-learner needs ${fewer(stockSaving)} reviews.`
    : `Stock SM-2 (multiplier 1) gives these learners a retention of ${f3(stockSm2Retention)} (target ${YEAR.targetRetention}); at that
  retention FSRS per-learner needs ${fewer(stockSaving)} reviews.`,
  `Whether a saving holds for real learners can only be measured on real review logs.`,
].join('\n  ');
const ownFitDeltas = accuracy.map((r) => ({
  size: r.size,
  diff: r.metrics['per-learner, own fit only'].logLoss - r.metrics.defaults.logLoss,
}));
const ownFitsLose = ownFitDeltas.filter((d) => d.diff > 0);
const whyWorse = `Why: ${
  ownFitsLose.length > 0
    ? `in this simulation the learners are drawn around the defaults, so the defaults are already the population's
  centre, and own fits on ${ownFitsLose.map((d) => n(d.size)).join(', ')} reviews are noisier than the defaults are wrong`
    : `own fits alone never lose to the defaults here`
} (own fits only: ${ownFitDeltas.map((d) => `${signed(d.diff)} at ${n(d.size)}`).join(', ')}); the validated choice keeps the
  defaults unless a fit is clearly better, but a choice made on the learner's own recent reviews can still lose on
  the later held-out ones.`;

const report = `# Scheduler evaluation (npm run eval:scheduler)

Seed \`${SEED}\`: the run is reproducible. ts-fsrs 5.4.2 (FSRS-6) for memory and scheduling, fits by fsrs-rs
(@open-spaced-repetition/binding 0.5.0, via lib/fsrs-optimizer) with the short-term weights off (whole days only:
one review per card per day, no same-day learning steps, for every scheduler alike).
Run time ${seconds.toFixed(0)} s on ${availableParallelism()} cores.

## 1. Accuracy on held-out later reviews

Simulated learners, in classes of ${CLASS_SIZE} (${HISTORY_SIZES.map((size) => `${CLASSES_PER_SIZE[size]} at ${n(size)}`).join(', ')} reviews: more classes where
histories are short and the metrics noisy). True weights around the defaults: w0–w3 × e^N(0,0.5) (kept in order),
w4 + N(0,0.8), w8 + N(0,0.3), w9–w11 × e^N(0,0.3), decay w20 × e^N(0,0.5), then clamped into ts-fsrs's ranges.
Each learner studies on 60–100% of days and adds 3–12 new cards a day; recall is a Bernoulli draw with the true
R = (1 + factor·t/S)^decay; Again on a fail, on a pass Hard 5–15%, Easy 3–12%, else Good; ts-fsrs with the default
weights at desired retention 0.9 sets the intervals. Each learner has N training reviews, and the next N/4 (later
in time) are held out: ${accuracy.map((r) => `${n(r.heldOut)} held-out predictions from ${r.learners} learners at ${n(r.size)}`).join(', ')} (a card's first
review has nothing to predict from).

Models. *defaults*: ts-fsrs's. *class-pooled*: fitted on the training reviews of the other ${FOLDS - 1} folds of the
learner's class (${(CLASS_SIZE * (FOLDS - 1)) / FOLDS} learners, never the learner). *per-learner*: the learner's own fit when it is clearly better, else the
class's fallback. "Clearly better": fitted on the first ${Math.round((1 - VALIDATION_SHARE) * 100)}% (in time) of the training reviews, it lowers the log
loss on the last ${Math.round(VALIDATION_SHARE * 100)}% by more than two standard errors of the paired difference, and an own fit needs ${MIN_OWN_ITEMS}
items (reviews after a card's first) before that cut. The class's fallback is chosen the same way: the
class-pooled weights if clearly better than the defaults on the other folds' last ${Math.round(VALIDATION_SHARE * 100)}%, else the defaults. (Falling
back to class-pooled whenever there are too few reviews, as first specified, would give the class-pooled row at 100
reviews and the own-fit row at 1,000: both worse than the defaults.) Weights used: ${accuracy.map(chosen).join('; ')}.
*per-learner, own fit only*: the own fit always. *true*: the learner's true weights, the floor.

Metrics, computed here from R that each model predicts by replaying the card's whole history before the review in
ts-fsrs (fsrs-rs's \`evaluate\` refuses small sets and does not report the plain mean): log loss, the mean binary
cross-entropy (R clipped to [1e-6, 1 − 1e-6]); RMSE(bins), reviews binned by elapsed days (powers of 2), earlier
reviews of the card (powers of 2) and earlier lapses (0, 1, 2, 3+), the root of the count-weighted mean squared gap
between mean R and recall rate per bin. Both per learner, averaged weighted by held-out predictions. Lower is better.

${accuracyTable(accuracy)}

Per-learner log loss minus the defaults': ${vsDefaults.map((v) => `${signed(v.diff)} at ${n(v.size)}`).join(', ')}; worse than the defaults for ${accuracy
  .map((r) => `${r.worseThanDefaults}/${r.learners} learners at ${n(r.size)}`)
  .join(', ')}.

## 2. Workload over one year

${YEAR.learners} simulated learners (drawn as above), each with one deck of ${n(YEAR.items)} items introduced ${YEAR.newPerDay} a day (days 1–${YEAR.items / YEAR.newPerDay}),
studying every day for ${YEAR.days} days; every due item is reviewed on its due day. Schedulers: FSRS with the learner's
true weights (what a perfect fit would give), FSRS with the default weights, FSRS per-learner (starts on the
defaults; every ${YEAR.refitEveryDays} days switches to the learner's own fit when it is clearly better, as in section 1), SM-2 as
SuperMemo published it (ease 2.5, intervals 1, 6, then × ease; ease updated by quality q = rating + 1 after every
answer, floor 1.3; a fail restarts at 1 day), SM-2 as Anki's classic scheduler runs it with its default options
(graduating interval 1 day, easy 4; Hard × 1.2 and ease − 0.15, Good × ease, Easy × ease × 1.3 and ease + 0.15,
Again ease − 0.20 and back to 1 day; its interval modifier compounds) and Leitner (5 boxes, 1, 2, 4, 8, 16 days; a
pass moves up a box, a fail back to the first). ${ITEM_SPREAD > 0 ? `Items have an intrinsic ease no scheduler is told: true initial stability × e^N(0,${ITEM_SPREAD}).` : 'Items differ only through their random ratings (EVAL_ITEM_SPREAD=σ gives each an intrinsic ease no scheduler is told).'}

Same retention: for each learner and scheduler, the knob (FSRS desired retention; SM-2 and Leitner a multiplier on
every interval they compute; Anki's interval modifier) is tuned (regula falsi) until the year's average retention, the mean true R of the
introduced items at the start of every day, is ${YEAR.targetRetention} ± ${YEAR.tolerance}: every scheduler then keeps the same expected number of items
remembered, learner by learner, and only the reviews differ. Reviews include the ${n(YEAR.items)} first exposures; minutes
assume ${YEAR.secondsPerReview} s per review whatever the outcome. "Remembered at end": expected items recalled on day ${YEAR.days} (sum of R);
"pass rate": share of reviews recalled. Means over learners.

${workloadTable(year)}

FSRS per-learner used the learner's own fit after ${ownMonths(year)} of the monthly checks (otherwise the defaults).

Stock SM-2 (multiplier 1) as it comes, and FSRS tuned per learner to the average retention stock SM-2 gives that learner:

${workloadTable(stock)}

Anki's SM-2 as it ships (interval modifier 1), and FSRS tuned per learner to the average retention it gives that learner:

${workloadTable(stockAnki, ANKI_SM2)}

## Targets

- Per-learner log loss within ${TARGETS.floorGap} of the true-parameter floor at ${n(largest.size)} reviews: gap ${f4(floorGap)}. ${status(floorGap <= TARGETS.floorGap)}
- Per-learner log loss never worse than the defaults at any size: ${vsDefaults.map((v) => `${signed(v.diff)} at ${n(v.size)}`).join(', ')}. ${status(vsDefaults.every((v) => v.diff <= 0))}${vsDefaults.every((v) => v.diff <= 0) ? '' : `\n  ${whyWorse}`}
- Per-learner FSRS needs at least ${Math.round(TARGETS.reviewSaving * 100)}% fewer reviews than SM-2 for the same retention (${YEAR.targetRetention}): ${fewer(saving)} than SM-2 as published, ${fewer(ankiSaving)} than SM-2 as in Anki (at the retention stock Anki gives, ${f3(mean(stockAnkiYears.map((y) => y.averageRetention)))}: ${fewer(stockAnkiSaving)}). ${status(Math.min(saving, ankiSaving) >= TARGETS.reviewSaving)}${Math.min(saving, ankiSaving) >= TARGETS.reviewSaving ? '' : `\n  ${whyNotSaving}`}
`;

console.log(report);
const out = resolve(import.meta.dirname, '..', '..', '.data', 'eval-scheduler.md');
mkdirSync(resolve(out, '..'), { recursive: true });
writeFileSync(out, report);
log(`wrote ${out}; total ${seconds.toFixed(1)} s`);
