import { describe, expect, it } from 'vitest';
import { retryParams, translator } from '@/lib/i18n/catalogue';
import { id } from '@/lib/i18n/messages/id';
import { en } from '@/lib/i18n/messages/en';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`),
  );
}

describe('message catalogues', () => {
  it('have the same keys in Indonesian and English', () => {
    expect(keys(en).sort()).toEqual(keys(id).sort());
  });

  it('have no empty strings', () => {
    for (const k of keys(en)) expect(translator('en')(k).trim()).not.toBe('');
    for (const k of keys(id)) expect(translator('id')(k).trim()).not.toBe('');
  });

  it('fill placeholders', () => {
    expect(translator('en')('nav.signedInAs', { name: 'Sari' })).toBe('Signed in as Sari');
    const t = translator('id');
    expect(t('errors.rateLimited', retryParams(900, t))).toBe('Terlalu banyak percobaan. Coba lagi dalam 15 menit.');
    expect(translator('en')('errors.rateLimited', retryParams(40, translator('en')))).toBe(
      'Too many attempts. Try again in 40 seconds.',
    );
  });
});
