import { describe, expect, it } from 'vitest';
import { editDistance, matchTypedAnswer, normalizeAnswer } from '@/lib/domain/text-match';

describe('normalizeAnswer', () => {
  it('ignores case, spacing, punctuation and diacritics', () => {
    expect(normalizeAnswer('  Pertahanan   KOLEKTIF! ')).toBe('pertahanan kolektif');
    expect(normalizeAnswer('Concert of Éurope')).toBe('concert of europe');
    expect(normalizeAnswer('‘self-help’')).toBe('self help');
  });
});

describe('editDistance', () => {
  it('counts an adjacent transposition as one edit', () => {
    expect(editDistance('aliansi', 'alainsi')).toBe(1);
    expect(editDistance('kolektif', 'kolektif')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('matchTypedAnswer', () => {
  const answers = ['pertahanan kolektif', 'collective defence'];
  const rejects = ['keamanan kolektif'];

  it('accepts the answer whatever the case and spacing', () => {
    expect(matchTypedAnswer('PERTAHANAN  kolektif', answers, rejects)).toMatchObject({
      accepted: true,
      withTypo: false,
    });
  });

  it('accepts an English variant listed by the item', () => {
    expect(matchTypedAnswer('Collective Defence', answers, rejects).accepted).toBe(true);
  });

  it('forgives a small typo and says so', () => {
    expect(matchTypedAnswer('pertahanan kolektip', answers, rejects)).toEqual({
      accepted: true,
      matched: 'pertahanan kolektif',
      withTypo: true,
    });
  });

  it('never accepts a different concept, even one that shares a word', () => {
    expect(matchTypedAnswer('keamanan kolektif', answers, rejects).accepted).toBe(false);
  });

  it('refuses a typo-tolerant match that is just as close to a wrong concept', () => {
    // "kooperatif" vs "komprehensif" is far, but "kolektif" vs "kolektip" style slips near a reject must lose.
    expect(matchTypedAnswer('aliansi', ['aliansi'], ['alinasi']).accepted).toBe(true);
    expect(matchTypedAnswer('alinasi', ['aliansi'], ['alinasi']).accepted).toBe(false);
  });

  it('does not forgive typos in very short answers', () => {
    expect(matchTypedAnswer('PBC', ['PBB']).accepted).toBe(false);
    expect(matchTypedAnswer('pbb', ['PBB']).accepted).toBe(true);
  });

  it('rejects an empty answer', () => {
    expect(matchTypedAnswer('   ', answers).accepted).toBe(false);
  });
});
