'use client';
/**
 * One question, answerable by mouse, touch or keyboard alone (number keys pick options, Enter submits), and the
 * feedback after answering. The component never has the answer key: it sends the response and renders what the
 * server returns.
 */
import {
  useEffect,
  useId,
  useRef,
  useState,
  useTransition,
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import type { ItemView, Response } from '@/lib/domain/item-view';
import { useTranslator } from '@/lib/i18n/client';
import type { AnswerResult } from '@/lib/data/review/answers';
import { FeedbackPanel } from './feedback-panel';

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
  exam?: {
    save: (response: Response) => Promise<{ ok: true } | { ok: false; message: string }>;
    initial: Response | null;
    locked: boolean;
  };
}) {
  const t = useTranslator();
  const uid = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const initial = exam?.initial ?? null;
  const [single, setSingle] = useState<string | null>(initial && 'optionId' in initial ? initial.optionId : null);
  const [multi, setMulti] = useState<string[]>(initial && 'optionIds' in initial ? initial.optionIds : []);
  const [bool, setBool] = useState<boolean | null>(initial && 'value' in initial ? initial.value : null);
  const [text, setText] = useState(initial && 'text' in initial ? initial.text : '');
  const [pairs, setPairs] = useState<Record<string, string>>(initial && 'pairs' in initial ? initial.pairs : {});
  const [order, setOrder] = useState<string[]>(
    initial && 'order' in initial ? initial.order : view.kind === 'ordering' ? view.steps.map((s) => s.id) : [],
  );
  const [savedState, setSavedState] = useState<'saved' | 'dirty' | null>(initial ? 'saved' : null);
  const [result, setResult] = useState<AnswerResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
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

  function response(): Response | null {
    switch (view.kind) {
      case 'single':
      case 'scenario':
        return single ? { kind: view.kind, optionId: single } : null;
      case 'multiple':
        return multi.length ? { kind: 'multiple', optionIds: multi } : null;
      case 'truefalse':
        return bool === null ? null : { kind: 'truefalse', value: bool };
      case 'cloze':
      case 'short':
        return text.trim() ? { kind: view.kind, text } : null;
      case 'matching':
        return Object.keys(pairs).length === view.lefts.length ? { kind: 'matching', pairs } : null;
      case 'ordering':
        return { kind: 'ordering', order };
    }
  }

  // Mock exams save as the student goes: every change is saved (typed answers after a short pause).
  const lastSaved = useRef(initial ? JSON.stringify(initial) : '');
  const touched = useRef(false);
  useEffect(() => {
    // Nothing is saved until the student changes something (an ordering question starts with a complete order).
    if (!touched.current) {
      touched.current = true;
      return;
    }
    if (!exam || exam.locked) return;
    const r = response();
    if (!r || JSON.stringify(r) === lastSaved.current) return;
    setSavedState('dirty');
    const handle = setTimeout(
      () => {
        startTransition(async () => {
          const outcome = await exam.save(r);
          if (outcome.ok) {
            lastSaved.current = JSON.stringify(r);
            setSavedState('saved');
            setError(null);
          } else setError(outcome.message);
        });
      },
      view.kind === 'cloze' || view.kind === 'short' ? 600 : 0,
    );
    return () => clearTimeout(handle);
    // response() reads exactly these answer fields.
  }, [single, multi, bool, text, pairs, order]);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (result || pending) return;
    const r = response();
    if (!r) {
      setError(t('question.noAnswer'));
      return;
    }
    setError(null);
    if (exam) {
      startTransition(async () => {
        const outcome = await exam.save(r);
        if (outcome.ok) {
          lastSaved.current = JSON.stringify(r);
          setSavedState('saved');
        } else setError(outcome.message);
      });
      return;
    }
    startTransition(async () => {
      const durationMs = Math.min(3_600_000, Math.max(0, Math.round(performance.now() - shownAt.current)));
      const outcome = await submit({ response: r, idempotencyKey, durationMs });
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
    if (view.kind === 'single' || view.kind === 'scenario' || view.kind === 'multiple') {
      const option = view.options[n - 1];
      if (!option) return;
      e.preventDefault();
      if (view.kind === 'multiple')
        setMulti((m) => (m.includes(option.id) ? m.filter((x) => x !== option.id) : [...m, option.id]));
      else setSingle(option.id);
      formRef.current?.querySelector<HTMLInputElement>(`input[value="${option.id}"]`)?.focus();
    } else if (view.kind === 'truefalse' && (n === 1 || n === 2)) {
      e.preventDefault();
      setBool(n === 1);
    }
  }

  const move = (index: number, delta: number) =>
    setOrder((o) => {
      const next = o.slice();
      const [x] = next.splice(index, 1);
      next.splice(index + delta, 0, x!);
      return next;
    });
  const stepText = (id: string) => (view.kind === 'ordering' ? (view.steps.find((s) => s.id === id)?.text ?? id) : id);
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
        {(view.kind === 'single' || view.kind === 'scenario' || view.kind === 'multiple') && (
          <fieldset className="options">
            <legend className="visually-hidden">{view.prompt}</legend>
            {view.options.map((o, i) => {
              const checked = view.kind === 'multiple' ? multi.includes(o.id) : single === o.id;
              return (
                <label key={o.id} className={`option${checked ? ' option-checked' : ''}`}>
                  <input
                    type={view.kind === 'multiple' ? 'checkbox' : 'radio'}
                    name={`${uid}-option`}
                    value={o.id}
                    checked={checked}
                    disabled={disabled}
                    onChange={() =>
                      view.kind === 'multiple'
                        ? setMulti((m) => (m.includes(o.id) ? m.filter((x) => x !== o.id) : [...m, o.id]))
                        : setSingle(o.id)
                    }
                  />
                  <span className="option-key" aria-hidden="true">
                    {i + 1}
                  </span>
                  <span>{o.text}</span>
                </label>
              );
            })}
          </fieldset>
        )}
        {view.kind === 'truefalse' && (
          <fieldset className="options options-inline">
            <legend className="visually-hidden">{view.prompt}</legend>
            {[true, false].map((v, i) => (
              <label key={String(v)} className={`option${bool === v ? ' option-checked' : ''}`}>
                <input
                  type="radio"
                  name={`${uid}-tf`}
                  value={String(v)}
                  checked={bool === v}
                  disabled={disabled}
                  onChange={() => setBool(v)}
                />
                <span className="option-key" aria-hidden="true">
                  {i + 1}
                </span>
                <span>{v ? t('question.true') : t('question.false')}</span>
              </label>
            ))}
          </fieldset>
        )}
        {view.kind === 'cloze' && (
          <p className="cloze">
            {view.before}
            <label className="visually-hidden" htmlFor={`${uid}-blank`}>
              {t('question.blank')}
            </label>
            <input
              id={`${uid}-blank`}
              type="text"
              className="cloze-input"
              value={text}
              disabled={disabled}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => setText(e.target.value)}
            />
            {view.after}
          </p>
        )}
        {view.kind === 'short' && (
          <div className="field">
            <label htmlFor={`${uid}-short`}>{t('question.yourAnswer')}</label>
            <input
              id={`${uid}-short`}
              type="text"
              value={text}
              disabled={disabled}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => setText(e.target.value)}
            />
          </div>
        )}
        {view.kind === 'matching' && (
          <div className="matching">
            {view.lefts.map((l) => (
              <div className="field" key={l.id}>
                <label htmlFor={`${uid}-${l.id}`}>{l.text}</label>
                <select
                  id={`${uid}-${l.id}`}
                  value={pairs[l.id] ?? ''}
                  disabled={disabled}
                  aria-label={t('question.matchFor', { item: l.text })}
                  onChange={(e) =>
                    setPairs((p) =>
                      e.target.value
                        ? { ...p, [l.id]: e.target.value }
                        : Object.fromEntries(Object.entries(p).filter(([k]) => k !== l.id)),
                    )
                  }
                >
                  <option value="">{t('question.choose')}</option>
                  {view.rights.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.text}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
        )}
        {view.kind === 'ordering' && (
          <ol className="ordering">
            {order.map((id, i) => (
              <li key={id}>
                <span>{stepText(id)}</span>
                <span className="row">
                  <button
                    type="button"
                    className="secondary small"
                    disabled={disabled || i === 0}
                    aria-label={t('question.moveUp', { item: stepText(id) })}
                    onClick={() => move(i, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="secondary small"
                    disabled={disabled || i === order.length - 1}
                    aria-label={t('question.moveDown', { item: stepText(id) })}
                    onClick={() => move(i, 1)}
                  >
                    ↓
                  </button>
                </span>
              </li>
            ))}
          </ol>
        )}
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
              {pending || savedState === 'dirty'
                ? t('question.saving')
                : savedState === 'saved'
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
