import { ActionForm } from '@/app/_components/action-form';
import { fitParametersNowAction } from '@/app/_actions/review';
import type { ParameterView } from '@/lib/data/parameters/view';
import { MIN_LEARNER_ANSWERS, REFIT_AFTER_ANSWERS } from '@/lib/data/parameters/view';
import { isMessageKey, type Translate } from '@/lib/i18n/catalogue';

/** Which FSRS parameters schedule this learner, why, and the history of fits. */
export function ParametersSection({
  view,
  courseId,
  t,
  intl,
  timeZone,
}: {
  view: ParameterView;
  courseId: string;
  t: Translate;
  intl: string;
  /** The learner's time zone: fit times are shown in it, as every other time on the learner's pages. */
  timeZone: string;
}) {
  const num = new Intl.NumberFormat(intl, { maximumFractionDigits: 4, minimumFractionDigits: 4 });
  const date = new Intl.DateTimeFormat(intl, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const source = view.inUse?.source ?? 'defaults';
  // Reasons are stored as text; one the catalogues do not know is shown as stored rather than as a key.
  const reasonText = (reason: string) => {
    const key = `settings.paramsReason.${reason}`;
    return isMessageKey(key) ? t(key) : reason;
  };
  return (
    <section className="card" aria-labelledby="params-title">
      <h2 id="params-title">{t('settings.paramsTitle')}</h2>
      <p data-testid="params-in-use">
        {t(`settings.paramsSource.${source}`)}
        {view.inUse?.fittedAt && ` ${t('settings.paramsFitted', { date: date.format(new Date(view.inUse.fittedAt)) })}`}
      </p>
      <p className="muted">{t('settings.paramsLead', { min: MIN_LEARNER_ANSWERS, every: REFIT_AFTER_ANSWERS })}</p>
      <ActionForm action={fitParametersNowAction} submitLabel={t('settings.fitNow')} secondary>
        <input type="hidden" name="courseId" value={courseId} />
      </ActionForm>
      {view.history.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('settings.paramsHistory')}>
          <table className="roster">
            <caption>{t('settings.paramsHistory')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('settings.paramsCols.date')}</th>
                <th scope="col">{t('settings.paramsCols.reviews')}</th>
                <th scope="col">{t('settings.paramsCols.logLoss')}</th>
                <th scope="col">{t('settings.paramsCols.decision')}</th>
              </tr>
            </thead>
            <tbody>
              {view.history.map((h) => (
                <tr key={h.id}>
                  <th scope="row">{date.format(new Date(h.createdAt))}</th>
                  <td>
                    {h.trainReviews} / {h.heldOutReviews}
                  </td>
                  <td>
                    {num.format(h.logLoss)} ({t('settings.paramsBaseline')} {num.format(h.baselineLogLoss)})
                  </td>
                  <td>{reasonText(h.reason)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
