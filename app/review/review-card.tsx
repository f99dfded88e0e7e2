'use client';
/**
 * The review screen's card: the question, then the feedback with what the learner may still say about a right
 * answer ("I guessed", "hard", "too easy"), undo, and "next". Keyboard: number keys and Enter answer; after the
 * feedback Enter goes on, and the first letter of each button's word in the interface's language qualifies the answer
 * or undoes it (Indonesian T/S/M and B: tebak, sulit, mudah, batalkan; English G/H/E and U). The key is shown on the
 * button but kept out of its accessible name; aria-keyshortcuts announces it.
 */
import { useEffect, useRef, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { QuestionCard } from '@/app/_components/question/question-card';
import { adjustAnswerAction, submitReviewAnswerAction, undoAnswerAction } from '@/app/_actions/review';
import type { AnswerResult } from '@/lib/data/review/answers';
import type { Adjustment } from '@/lib/domain/review/rating';
import type { ItemView } from '@/lib/domain/item-view';
import type { Locale } from '@/lib/i18n/locales';
import { useTranslator } from '@/lib/i18n/client';
import { intlLocale } from '@/lib/i18n/locales';

export function ReviewCard({
  cardId,
  cardVersion,
  view,
  locale,
  timeZone,
}: {
  cardId: string;
  cardVersion: number;
  view: ItemView;
  locale: Locale;
  /** The learner's own time zone (their profile's, as everywhere else), not the browser's. */
  timeZone: string;
}) {
  return (
    <QuestionCard
      view={view}
      headingLevel={2}
      autoFocus
      submit={submitReviewAnswerAction.bind(null, cardId, cardVersion)}
      after={(result) => <AfterAnswer initial={result} locale={locale} timeZone={timeZone} />}
    />
  );
}

type Shortcut = Adjustment | 'undo';
const KEYS: Record<Locale, Record<Shortcut, string>> = {
  id: { guessed: 't', hard: 's', easy: 'm', undo: 'b' },
  en: { guessed: 'g', hard: 'h', easy: 'e', undo: 'u' },
};

function AfterAnswer({ initial, locale, timeZone }: { initial: AnswerResult; locale: Locale; timeZone: string }) {
  const t = useTranslator();
  const keys = KEYS[locale];
  const router = useRouter();
  const [result, setResult] = useState(initial);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const nextRef = useRef<HTMLButtonElement>(null);
  // "Next" holds the focus and stays enabled, so Enter always goes on, even pressed while G/H/E is still being
  // saved: then it goes on as soon as the qualification is recorded (never before, or the next card could be
  // chosen from the old rating).
  const goWhenSaved = useRef(false);
  useEffect(() => {
    if (pending) return;
    if (goWhenSaved.current) {
      goWhenSaved.current = false;
      startTransition(() => router.refresh());
    } else nextRef.current?.focus();
  }, [pending, router]);

  function go() {
    if (pending) goWhenSaved.current = true;
    else startTransition(() => router.refresh());
  }
  function adjust(adjustment: Adjustment) {
    startTransition(async () => {
      const outcome = await adjustAnswerAction(result.reviewLogId, adjustment);
      if (outcome.ok) {
        setResult(outcome.result);
        setMessage(t(`review.adjusted.${adjustment}`));
      } else setMessage(outcome.message);
    });
  }
  function undo() {
    startTransition(async () => {
      const outcome = await undoAnswerAction(result.reviewLogId);
      if (outcome.ok) router.refresh();
      else setMessage(outcome.message);
    });
  }
  function onKeyDown(e: React.KeyboardEvent) {
    if (pending || e.altKey || e.ctrlKey || e.metaKey) return;
    const key = e.key.toLowerCase();
    const adjustment = result.adjustments.find((a) => keys[a] === key);
    if (adjustment) {
      e.preventDefault();
      adjust(adjustment);
    } else if (key === keys.undo) {
      e.preventDefault();
      undo();
    }
  }

  return (
    <div className="after-answer" onKeyDown={onKeyDown}>
      <p className="muted">
        {t('review.scheduledAs', { rating: t(`review.rating.${result.rating}`) })}{' '}
        {t('review.nextShowing', {
          when: new Intl.DateTimeFormat(intlLocale(locale), {
            timeZone,
            dateStyle: 'medium',
            timeStyle: 'short',
          }).format(new Date(result.nextDue)),
        })}
      </p>
      {result.adjustments.length > 0 && (
        <div className="row" role="group" aria-label={t('review.adjustLabel')}>
          {result.adjustments.map((a) => (
            <button
              key={a}
              type="button"
              className={a === 'hard' && result.proposeHard ? 'small' : 'secondary small'}
              disabled={pending}
              aria-keyshortcuts={keys[a].toUpperCase()}
              onClick={() => adjust(a)}
            >
              {t(`review.adjust.${a}`)} <kbd aria-hidden="true">{keys[a].toUpperCase()}</kbd>
            </button>
          ))}
        </div>
      )}
      {result.proposeHard && <p className="hint">{t('review.slowHint')}</p>}
      {message && (
        <p className="notice notice-note" role="status">
          {message}
        </p>
      )}
      <div className="row">
        <button ref={nextRef} type="button" onClick={go} aria-keyshortcuts="Enter">
          {t('review.next')} <kbd aria-hidden="true">Enter</kbd>
        </button>
        <button
          type="button"
          className="secondary"
          onClick={undo}
          disabled={pending}
          aria-keyshortcuts={keys.undo.toUpperCase()}
        >
          {t('review.undo')} <kbd aria-hidden="true">{keys.undo.toUpperCase()}</kbd>
        </button>
      </div>
    </div>
  );
}

/** Undo the last answer of the day, offered on the page itself (also after leaving the feedback). */
export function UndoLastButton() {
  const t = useTranslator();
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <p className="row undo-last">
      <button
        type="button"
        className="secondary small"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const outcome = await undoAnswerAction();
            if (outcome.ok) {
              setMessage(t('review.undone'));
              router.refresh();
            } else setMessage(outcome.message);
          })
        }
      >
        {t('review.undoLast')}
      </button>
      {message && <span role="status">{message}</span>}
    </p>
  );
}
