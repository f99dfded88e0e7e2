/**
 * Which bank items are answerable in place after each part of a lesson: items whose first source is in the part,
 * at most `max`, different kinds and different facts (siblings) first, in a stable order. Pure.
 */
import type { Item } from './schema';

export function questionsForPart(items: readonly Item[], paragraphs: readonly string[], max = 3): Item[] {
  const inPart = items
    .filter((i) => paragraphs.includes(i.sources[0]!.paragraph))
    .sort((a, b) => a.id.localeCompare(b.id));
  const chosen: Item[] = [];
  const kinds = new Set<string>();
  const siblings = new Set<string>();
  for (const pass of [0, 1]) {
    for (const item of inPart) {
      if (chosen.length >= max) break;
      if (chosen.includes(item) || siblings.has(item.sibling)) continue;
      if (pass === 0 && kinds.has(item.kind)) continue;
      chosen.push(item);
      kinds.add(item.kind);
      siblings.add(item.sibling);
    }
  }
  return chosen;
}
