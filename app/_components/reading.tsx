/** A paragraph in its corrected reading, with meaning-level corrections marked and their editor's notes beside it. */
import type { ReadingSegment } from '@/lib/content/reading';
import type { Translate } from '@/lib/i18n/catalogue';

export function Reading({ id, segments, t }: { id: string; segments: ReadingSegment[]; t: Translate }) {
  const notes = segments.filter((s): s is Extract<ReadingSegment, { type: 'edited' }> => s.type === 'edited');
  return (
    <div className="paragraph" id={id}>
      <p>
        {segments.map((s, i) =>
          s.type === 'text' ? (
            <span key={i}>{s.text}</span>
          ) : (
            <span key={i}>
              <mark className="edited">{s.text}</mark>
              <sup>
                <a href={`#note-${id}-${s.correction.id}`} aria-label={t('question.editorNote')}>
                  [{notes.indexOf(s) + 1}]
                </a>
              </sup>
            </span>
          ),
        )}
      </p>
      {notes.length > 0 && (
        <aside className="editor-notes" aria-label={t('question.editorNote')}>
          {notes.map((n, i) => (
            <p key={n.correction.id} id={`note-${id}-${n.correction.id}`} className="notice notice-note">
              <strong>
                [{i + 1}] {t('question.editorNote')}:
              </strong>{' '}
              {n.correction.kind === 'meaning' && (
                <>
                  {t('question.originalWording')}: «{n.original}». {t('question.correctedWording')}: «{n.text}».{' '}
                </>
              )}
              {n.correction.reason}
            </p>
          ))}
        </aside>
      )}
    </div>
  );
}
