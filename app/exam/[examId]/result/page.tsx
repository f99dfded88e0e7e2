import type { Metadata } from 'next';
import Link from 'next/link';
import { FeedbackPanel } from '@/app/_components/question/feedback-panel';
import { pageData, requirePageActor } from '@/lib/auth/session';
import { requestNow } from '@/lib/clock';
import { getMockExamResult } from '@/lib/data/exam/mock-exams';
import type { ItemView, Response } from '@/lib/domain/item-view';
import type { Translate } from '@/lib/i18n/catalogue';
import { getT } from '@/lib/i18n/server';
import { intlLocale } from '@/lib/i18n/locales';
import { ClientMessages } from '@/lib/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t('exam.resultTitle') };
}

/** The learner's answer in words, in terms of what they were shown. */
function answerText(view: ItemView, response: Response | null, t: Translate): string {
  if (!response) return t('exam.noAnswer');
  switch (response.kind) {
    case 'single':
    case 'scenario':
    case 'multiple': {
      const ids = 'optionId' in response ? [response.optionId] : response.optionIds;
      const options = 'options' in view ? view.options : [];
      return options
        .filter((o) => ids.includes(o.id))
        .map((o) => o.text)
        .join('; ');
    }
    case 'truefalse':
      return response.value ? t('question.true') : t('question.false');
    case 'cloze':
    case 'short':
      return response.text;
    case 'matching':
      return view.kind === 'matching'
        ? view.lefts
            .map((l) => `${l.text} → ${view.rights.find((r) => r.id === response.pairs[l.id])?.text ?? '—'}`)
            .join('; ')
        : '';
    case 'ordering':
      return view.kind === 'ordering'
        ? response.order.map((id, i) => `${i + 1}. ${view.steps.find((s) => s.id === id)?.text ?? id}`).join(' ')
        : '';
  }
}

export default async function MockExamResultPage({ params }: { params: Promise<{ examId: string }> }) {
  const actor = await requirePageActor();
  const { examId } = await params;
  const [{ t, locale }, now] = await Promise.all([getT(), requestNow()]);
  const result = await pageData(getMockExamResult(actor, examId, now));
  const intl = intlLocale(locale);
  const pct = new Intl.NumberFormat(intl, { style: 'percent', maximumFractionDigits: 0 });
  const inside = result.score! >= result.forecast.low && result.score! <= result.forecast.high;
  return (
    <ClientMessages namespaces={['question']}>
      <>
        <p className="muted">
          <Link href="/exam">{t('exam.backToExam')}</Link>
        </p>
        <h1>{t('exam.resultTitle')}</h1>
        <section className="card" aria-labelledby="score-title">
          <h2 id="score-title" data-testid="exam-score">
            {t('exam.score', {
              correct: result.correctCount,
              total: result.questionCount,
              pct: pct.format(result.score ?? 0),
            })}
          </h2>
          <p>
            {t('exam.forecastVsActual', {
              p: pct.format(result.forecast.p),
              low: pct.format(result.forecast.low),
              high: pct.format(result.forecast.high),
              inside: t(inside ? 'exam.inside' : 'exam.outside'),
            })}
          </p>
          <p className="muted">{t('exam.evidence')}</p>
        </section>
        <div className="grid-2">
          <section className="card" aria-labelledby="lesson-title">
            <h2 id="lesson-title">{t('exam.byLesson')}</h2>
            <ul>
              {result.byLesson.map((l) => (
                <li key={l.lessonId}>
                  {l.title}: {l.correct}/{l.total}
                </li>
              ))}
            </ul>
          </section>
          <section className="card" aria-labelledby="concept-title">
            <h2 id="concept-title">{t('exam.byConceptResult')}</h2>
            <ul>
              {result.byConcept.slice(0, 10).map((c) => (
                <li key={c.concept}>
                  {c.name}: {c.correct}/{c.total}
                </li>
              ))}
            </ul>
          </section>
        </div>
        {result.questions.map((q) => (
          <section key={q.position} className="card question" aria-labelledby={`q-${q.position}`}>
            <h2 id={`q-${q.position}`} className="question-prompt">
              <span className="muted">{q.position + 1}. </span>
              {q.view.prompt}
            </h2>
            <p>
              <strong>{t('exam.yourAnswer')}:</strong> {answerText(q.view, q.response, t)} —{' '}
              <strong>{q.correct ? t('exam.right') : t('exam.wrong')}</strong>
            </p>
            <FeedbackPanel
              view={q.view}
              result={{ ...q.feedback, sources: q.sources, editorNote: null }}
              headingLevel={3}
            />
          </section>
        ))}
      </>
    </ClientMessages>
  );
}
