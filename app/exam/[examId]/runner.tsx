'use client';
/**
 * Taking a mock exam: every question on one page, each answer saved as it is given, the time left counted down
 * from the server's figure. When the time is up the page asks the server to submit (the server would refuse later
 * answers anyway) and shows the result.
 */
import { useEffect, useState, useTransition } from 'react';
import { QuestionCard } from '@/app/_components/question/question-card';
import { saveMockExamAnswerAction, submitMockExamAction } from '@/app/_actions/exam';
import type { MockExamView } from '@/lib/data/exam/mock-exams';
import type { Response } from '@/lib/domain/item-view';
import { useTranslator } from '@/lib/i18n/client';

export function ExamRunner({ exam }: { exam: MockExamView }) {
  const t = useTranslator();
  const [left, setLeft] = useState(exam.remainingSec);
  const [answered, setAnswered] = useState(
    () => new Set(exam.questions.filter((q) => q.response).map((q) => q.position)),
  );
  const [pending, startTransition] = useTransition();
  const timeUp = left <= 0;

  useEffect(() => {
    const startedAt = performance.now();
    const id = setInterval(() => {
      setLeft(Math.max(0, exam.remainingSec - Math.floor((performance.now() - startedAt) / 1000)));
    }, 1000);
    return () => clearInterval(id);
  }, [exam.remainingSec]);

  useEffect(() => {
    if (timeUp) startTransition(() => submitMockExamAction(exam.id));
  }, [timeUp, exam.id]);

  const mm = String(Math.floor(left / 60)).padStart(2, '0');
  const ss = String(left % 60).padStart(2, '0');
  return (
    <div className="exam-runner">
      <div className="exam-bar" role="region" aria-label={t('exam.timeLeft')}>
        <span>
          {t('exam.timeLeft')}:{' '}
          <strong data-testid="time-left" aria-live={left <= 60 ? 'polite' : 'off'}>
            {mm}:{ss}
          </strong>
        </span>
        <span>{t('exam.answeredCount', { n: answered.size, total: exam.questions.length })}</span>
        <button
          type="button"
          disabled={pending}
          onClick={() => {
            if (window.confirm(t('exam.submitConfirm'))) startTransition(() => submitMockExamAction(exam.id));
          }}
        >
          {t('exam.submit')}
        </button>
      </div>
      {timeUp && (
        <p className="notice notice-note" role="alert">
          {t('exam.timeUp')}
        </p>
      )}
      {exam.questions.map((q) => (
        <QuestionCard
          key={q.position}
          number={q.position + 1}
          view={q.view}
          headingLevel={2}
          submit={async () => ({ ok: false, message: '' })}
          exam={{
            initial: q.response,
            locked: timeUp,
            save: async (response: Response) => {
              const outcome = await saveMockExamAnswerAction(exam.id, q.position, response);
              if (outcome.ok) setAnswered((s) => new Set(s).add(q.position));
              return outcome;
            },
          }}
        />
      ))}
    </div>
  );
}
