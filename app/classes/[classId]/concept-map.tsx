/**
 * The class's concept map: per student and lesson, the share of the lesson's questions mastered (recall a week
 * ahead), with the class mean on top and the counts each cell rests on.
 */
import type { ClassProgress } from '@/lib/data/classes/progress';
import type { Translate } from '@/lib/i18n/catalogue';

export function ConceptMap({ progress, t, pct }: { progress: ClassProgress; t: Translate; pct: Intl.NumberFormat }) {
  return (
    <section aria-labelledby="map-title">
      <h2 id="map-title">{t('classes.mapTitle')}</h2>
      <p className="muted">{t('classes.mapLead')}</p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('classes.mapTitle')}>
        <table className="concept-map">
          <caption className="visually-hidden">{t('classes.mapTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('classes.col.name')}</th>
              {progress.lessons.map((l) => (
                <th key={l.id} scope="col">
                  {l.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr className="class-mean">
              <th scope="row">{t('classes.classMean')}</th>
              {progress.lessons.map((l) => {
                const n = progress.students.filter((s) => (progress.conceptMap[s.id]?.[l.id]?.studied ?? 0) > 0).length;
                return (
                  <MapCell
                    key={l.id}
                    mean={progress.lessonMeans[l.id] ?? null}
                    pct={pct}
                    none={t('classes.notStudied')}
                    detail={n > 0 ? t('classes.meanOf', { n }) : undefined}
                  />
                );
              })}
            </tr>
            {progress.students.map((s) => (
              <tr key={s.id}>
                <th scope="row">{s.displayName}</th>
                {progress.lessons.map((l) => {
                  const cell = progress.conceptMap[s.id]?.[l.id];
                  return (
                    <MapCell
                      key={l.id}
                      mean={cell?.mean ?? null}
                      pct={pct}
                      none={t('classes.notStudied')}
                      detail={
                        cell
                          ? t('classes.mapCell', {
                              mastered: cell.mastered,
                              total: cell.total,
                              studied: cell.studied,
                            })
                          : undefined
                      }
                    />
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/**
 * A concept-map cell: the share mastered as text (never colour alone), shaded by level, with the counts it rests
 * on underneath.
 */
function MapCell({
  mean,
  pct,
  none,
  detail,
}: {
  mean: number | null;
  pct: Intl.NumberFormat;
  none: string;
  detail?: string;
}) {
  if (mean === null) return <td className="map-none">{none}</td>;
  const level = mean >= 0.75 ? 4 : mean >= 0.5 ? 3 : mean >= 0.25 ? 2 : 1;
  return (
    <td className={`map-l${level}`}>
      {pct.format(mean)}
      {detail && <span className="map-detail">{detail}</span>}
    </td>
  );
}
