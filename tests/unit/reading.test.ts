import { describe, expect, it } from 'vitest';
import { correctedQuote, correctedText, readingOf } from '@/lib/content/reading';
import type { Correction } from '@/lib/content/schema';

const typo: Correction = { id: 't1', paragraph: 'p', original: 'aan', corrected: 'akan', kind: 'typo' };
const meaning: Correction = {
  id: 'm1',
  paragraph: 'p',
  original: 'tidak seperti keamanan kolektif',
  corrected: 'tidak seperti pertahanan kolektif',
  kind: 'meaning',
  reason: 'Kalimat membandingkan keamanan kolektif dengan dirinya sendiri.',
};

describe('readingOf', () => {
  it('fixes typos silently and marks meaning changes with the original wording', () => {
    const segments = readingOf('Makanya, tidak seperti keamanan kolektif, mereka aan bertindak; aan.', [typo, meaning]);
    expect(segments).toEqual([
      { type: 'text', text: 'Makanya, ' },
      {
        type: 'edited',
        text: 'tidak seperti pertahanan kolektif',
        original: 'tidak seperti keamanan kolektif',
        correction: meaning,
      },
      { type: 'text', text: ', mereka akan bertindak; akan.' },
    ]);
  });

  it('leaves a paragraph without corrections unchanged', () => {
    expect(correctedText('Teks tanpa kesalahan.', [])).toBe('Teks tanpa kesalahan.');
  });

  it('shows quotes with typo fixes only', () => {
    expect(correctedQuote('mereka aan bertindak', [typo, meaning])).toBe('mereka akan bertindak');
  });
});
