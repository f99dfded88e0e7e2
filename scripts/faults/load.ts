/**
 * Learners answering through the API while something breaks: each worker is one learner going through their true/
 * false cards (the bodies of scripts/bench/learners.ts), each answer with its own idempotency key. An answer that
 * is not acknowledged (a 503, a dropped connection, a timeout) is sent again with the same key and body, to the other
 * app process after a connection failure, until acknowledged; after the load window, workers keep resending what
 * is still unacknowledged for up to a minute. What was acknowledged is then checked against the review log.
 */
import { randomUUID } from 'node:crypto';
import { answerBody, type TrueFalseCard } from '../bench/learners';
import { sleep } from './process';

export interface Learner {
  token: string;
  cards: TrueFalseCard[];
}

export interface LoadReport {
  /** Idempotency keys the server acknowledged (200). */
  acknowledged: Set<string>;
  /** Responses by status; `network` (no answer: refused or reset) and `timeout` (none within 20 s) besides. */
  statuses: Map<string, number>;
  worstMs: number;
  /** Answers still unacknowledged when the workers gave up. */
  unacknowledged: number;
}

const REQUEST_TIMEOUT_MS = 20_000;
const DRAIN_MS = 60_000;

export class AnswerLoad {
  private nextLearner = 0;

  constructor(
    private readonly learners: Learner[],
    private readonly concurrency: number,
  ) {}

  /** Runs the load against `bases()` (asked before each request) for `durationMs`, with `fault` running alongside. */
  async run(bases: () => string[], durationMs: number, fault: () => Promise<void>): Promise<LoadReport> {
    const report: LoadReport = { acknowledged: new Set(), statuses: new Map(), worstMs: 0, unacknowledged: 0 };
    const end = performance.now() + durationMs;
    await Promise.all([
      fault(),
      ...Array.from({ length: this.concurrency }, (_, w) => this.worker(w, bases, end, report)),
    ]);
    return report;
  }

  private async worker(w: number, bases: () => string[], end: number, report: LoadReport): Promise<void> {
    const learner = this.learners[this.nextLearner++ % this.learners.length]!;
    let turn = 0;
    let target = w;
    let pending: { card: TrueFalseCard; key: string; body: string } | null = null;
    for (;;) {
      const now = performance.now();
      if (!pending) {
        if (now >= end || learner.cards.length === 0) return;
        const card = learner.cards[turn++ % learner.cards.length]!;
        const key = randomUUID();
        pending = { card, key, body: answerBody(card, key) };
      } else if (now >= end + DRAIN_MS) {
        report.unacknowledged++;
        return;
      }
      const list = bases();
      const base = list[target % list.length]!;
      const started = performance.now();
      let status: string;
      try {
        const response = await fetch(`${base}/api/v1/review/answers`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${learner.token}` },
          body: pending.body,
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        const text = await response.text();
        status = String(response.status);
        if (response.status === 200) {
          const result = JSON.parse(text) as { cardVersion: number };
          pending.card.version = result.cardVersion;
          report.acknowledged.add(pending.key);
          pending = null;
        } else if (response.status === 429 || response.status >= 500) {
          // Not acknowledged: the same answer again, after a pause (Retry-After, at most a second here).
          const retryAfter = Number(response.headers.get('retry-after') ?? 0);
          await sleep(Math.min(1_000, Math.max(200, retryAfter * 1000)));
        } else {
          // Refused for good (e.g. 409: the card moved on); this card is left out from now on.
          learner.cards.splice(learner.cards.indexOf(pending.card), 1);
          pending = null;
        }
      } catch (error) {
        status = error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'network';
        target++; // try the other process
        await sleep(200);
      }
      report.worstMs = Math.max(report.worstMs, performance.now() - started);
      report.statuses.set(status, (report.statuses.get(status) ?? 0) + 1);
    }
  }
}
