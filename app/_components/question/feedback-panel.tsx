'use client';
/** What the learner sees after answering: verdict, the right answer, option feedback, explanation, sources, editor's note. */
import { useEffect, useRef } from 'react';
import type { ItemView } from '@/lib/domain/item-view';
import type { AnswerResult } from '@/lib/data/review/answers';
import { useTranslator } from '@/lib/i18n/client';

/** What the panel shows: the grade, the key, the feedback and the sources (a review answer or an exam result). */
export type FeedbackShown = Pick<
  AnswerResult,
  'correct' | 'withTypo' | 'score' | 'key' | 'optionFeedback' | 'explanation' | 'editorNote' | 'sources'
>;

export function FeedbackPanel({
  view,
  result,
  headingLevel = 4,
}: {
  view: ItemView;
  result: FeedbackShown;
  /** One below the question's own heading, so the outline never skips a level. */
  headingLevel?: 3 | 4;
}) {
  const t = useTranslator();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const verdict = result.correct
    ? result.withTypo
      ? t('question.correctWithTypo')
      : t('question.correct')
    : t('question.incorrect');
  const key = result.key;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      className={`feedback ${result.correct ? 'feedback-ok' : 'feedback-bad'}`}
      data-testid="feedback"
      aria-live="polite"
    >
      <p className="verdict">
        <strong>{verdict}</strong>
        {!result.correct && result.score > 0 && result.score < 1 && view.kind !== 'single' && (
          <> {t('question.score', { right: Math.round(result.score * partsOf(view)), total: partsOf(view) })}</>
        )}
      </p>
      {key.kind === 'options' && (
        <ul className="option-feedback">
          {result.optionFeedback.map((o) => (
            <li key={o.optionId} className={o.correct ? 'of-right' : 'of-wrong'}>
              <span className="tag">{o.correct ? t('question.rightChoice') : t('question.yourChoice')}</span>{' '}
              <strong>{o.text}</strong>
              {o.correct && o.chosen && <span className="tag"> · {t('question.yourChoice')}</span>}
              <br />
              {o.feedback}
            </li>
          ))}
        </ul>
      )}
      {key.kind === 'truefalse' && (
        <p>
          {t('question.statementIs', {
            value: key.answer ? t('question.statementTrue') : t('question.statementFalse'),
          })}{' '}
          {!key.answer && key.correction}
        </p>
      )}
      {key.kind === 'text' && (
        <p>
          {t('question.acceptedAnswers')}: <strong>{key.answers.join(' · ')}</strong>
        </p>
      )}
      {key.kind === 'matching' && view.kind === 'matching' && (
        <div>
          <p>{t('question.rightAnswer')}:</p>
          <ul>
            {view.lefts.map((l) => (
              <li key={l.id}>
                {l.text} → <strong>{view.rights.find((r) => r.id === key.pairs[l.id])?.text}</strong>
              </li>
            ))}
          </ul>
        </div>
      )}
      {key.kind === 'ordering' && view.kind === 'ordering' && (
        <div>
          <p>{t('question.rightAnswer')}:</p>
          <ol>
            {key.order.map((id) => (
              <li key={id}>{view.steps.find((s) => s.id === id)?.text}</li>
            ))}
          </ol>
        </div>
      )}
      <Heading>{t('question.explanation')}</Heading>
      <p>{result.explanation}</p>
      {result.editorNote && (
        <div className="notice notice-note">
          <strong>{t('question.editorNote')}.</strong> {result.editorNote.reason}
        </div>
      )}
      <Heading>{t('question.source')}</Heading>
      {result.sources.map((s) => (
        <blockquote key={s.paragraph + s.quote} className="source-quote">
          <p>“{s.quote}”</p>
          <footer>
            <a href={s.href}>
              {t('question.openInLesson')} ({s.paragraph})
            </a>
          </footer>
        </blockquote>
      ))}
    </div>
  );
}

function partsOf(view: ItemView): number {
  switch (view.kind) {
    case 'multiple':
      return view.options.length;
    case 'matching':
      return view.lefts.length;
    case 'ordering':
      return view.steps.length;
    default:
      return 1;
  }
}
