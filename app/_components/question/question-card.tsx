'use client';
/**
 * One question, answerable by mouse, touch or keyboard alone (number keys pick options, Enter submits), and the
 * feedback after answering. The component never has the answer key: it sends the response and renders what the
 * server returns.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { draftResponse, initialDraft, numberKey } from '@/lib/domain/answer-draft';
import type { ItemView, Response } from '@/lib/domain/item-view';
import { useTranslator } from '@/lib/i18n/client';
import type { AnswerResult } from '@/lib/data/review/answers';
import { AnswerInput } from './answer-inputs';
import { FeedbackPanel } from './feedback-panel';
import { useExamAutosave, type ExamMode } from './use-exam-autosave';

export type SubmitOutcome = { ok: true; result: AnswerResult } | { ok: false; message: string };

/** What the card sends: the response, a key chosen once per showing (so a retry is recorded once), and the time. */
export interface SubmittedAnswer {
  response: Response;
  idempotencyKey: string;
  durationMs: number;
}

export function QuestionCard({
  view,
  submit,
  headingLevel = 3,
  number,
  after,
  autoFocus = false,
  exam,
}: {
  view: ItemView;
  submit: (answer: SubmittedAnswer) => Promise<SubmitOutcome>;
  headingLevel?: 2 | 3;
  number?: number;
  /** Rendered under the feedback (the review screen puts its rating choices and "next" here). */
  after?: (result: AnswerResult) => ReactNode;
  /** Take the keyboard focus on mount (the review screen: one question at a time). */
  autoFocus?: boolean;
  /**
   * Mock-exam mode: the answer is saved, not graded; no feedback, and it can be changed until the exam ends.
   * `initial` restores a saved answer after a reload.
   */
  exam?: ExamMode;
}) {
  const t = useTranslator();
  const uid = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState(() => initialDraft(view, exam?.initial ?? null));
  const [result, setResult] = useState<AnswerResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const response: Response | null = draftResponse(view, draft);
  const autosave = useExamAutosave(exam, response, view.kind === 'cloze' || view.kind === 'short', setError);
  const { pending, startTransition } = autosave;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const shownAt = useRef(0);
  useEffect(() => {
    shownAt.current = performance.now();
    if (!autoFocus) return;
    const form = formRef.current;
    // Typed answers start in their text box; other kinds on the form, where number keys pick options.
    const target = form?.querySelector<HTMLElement>('input[type="text"], select') ?? form;
    target?.focus();
  }, [autoFocus]);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (result || pending) return;
    if (!response) {
      setError(t('question.noAnswer'));
      return;
    }
    setError(null);
    if (exam) {
      autosave.saveNow(response);
      return;
    }
    startTransition(async () => {
      const durationMs = Math.min(3_600_000, Math.max(0, Math.round(performance.now() - shownAt.current)));
      const outcome = await submit({ response, idempotencyKey, durationMs });
      if (outcome.ok) setResult(outcome.result);
      else setError(outcome.message);
    });
  }

  function onKeyDown(e: KeyboardEvent<HTMLFormElement>) {
    // Enter submits from anywhere in the form: a radio, a checkbox or the form itself (text boxes do so natively).
    if (
      e.key === 'Enter' &&
      !result &&
      (e.target === formRef.current ||
        (e.target instanceof HTMLInputElement && (e.target.type === 'radio' || e.target.type === 'checkbox')))
    ) {
      e.preventDefault();
      formRef.current?.requestSubmit();
      return;
    }
    if (
      result ||
      (e.target instanceof HTMLInputElement && e.target.type === 'text') ||
      e.target instanceof HTMLSelectElement
    )
      return;
    const n = Number(e.key);
    if (!Number.isInteger(n) || n < 1) return;
    const pressed = numberKey(view, draft, n);
    if (!pressed) return;
    e.preventDefault();
    setDraft(pressed.draft);
    if (pressed.optionId)
      formRef.current?.querySelector<HTMLInputElement>(`input[value="${pressed.optionId}"]`)?.focus();
  }

  const disabled = result !== null || pending || (exam?.locked ?? false);

  return (
    <section className="card question" aria-labelledby={`${uid}-prompt`} data-testid="question" data-item-id={view.id}>
      <form
        ref={formRef}
        onSubmit={onSubmit}
        onKeyDown={onKeyDown}
        noValidate
        tabIndex={-1}
        aria-labelledby={`${uid}-prompt`}
      >
        <Heading id={`${uid}-prompt`} className="question-prompt">
          {number !== undefined && <span className="muted">{number}. </span>}
          {view.prompt}
        </Heading>
        <p className="hint">{t(`question.instructions.${view.kind}`)}</p>
        <AnswerInput view={view} draft={draft} setDraft={setDraft} disabled={disabled} uid={uid} />
        {error && (
          <p className="notice notice-error" role="alert">
            {error}
          </p>
        )}
        {!result && !exam && (
          <div className="row">
            <button type="submit" disabled={pending}>
              {t('question.submit')}
            </button>
            <span className="hint">{t('question.keyboardHint')}</span>
          </div>
        )}
        {exam && !exam.locked && (
          <div className="row">
            <button type="submit" className="secondary" disabled={pending}>
              {t('question.saveAnswer')}
            </button>
            <span className="hint" role="status" data-testid="save-state">
              {pending || autosave.savedState === 'dirty'
                ? t('question.saving')
                : autosave.savedState === 'saved'
                  ? t('question.savedAnswer')
                  : ''}
            </span>
          </div>
        )}
      </form>
      {result && <FeedbackPanel view={view} result={result} headingLevel={headingLevel === 2 ? 3 : 4} />}
      {result && after?.(result)}
    </section>
  );
}
