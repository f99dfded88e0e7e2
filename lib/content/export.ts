/** The export shape of a course (documented in content/README.md). Pure. */
import type { LoadedCourse } from './load';
import { correctedText } from './reading';

export function exportCourse(c: LoadedCourse) {
  const byParagraph = (id: string) => c.corrections.filter((x) => x.paragraph === id);
  return {
    id: c.course.id,
    title: c.course.title,
    description: c.course.description,
    language: c.course.language,
    sections: c.source.sections.map((s) => ({
      id: s.id,
      title: s.title,
      paragraphs: s.paragraphs.map((p) => ({
        id: p.id,
        original: p.text,
        corrected: correctedText(p.text, byParagraph(p.id)),
      })),
    })),
    editorNotes: c.corrections.filter((x) => x.kind !== 'typo'),
    lessons: c.lessons,
    comparison: c.comparison,
    items: c.items,
  };
}
