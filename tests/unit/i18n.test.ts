import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isMessageKey, msg, retryParams, translator, type MessageKey } from '@/lib/i18n/catalogue';
import { fieldErrorsOf } from '@/lib/validation/parse';
import { id } from '@/lib/i18n/messages/id';
import { en } from '@/lib/i18n/messages/en';

function keys(obj: object, prefix = ''): MessageKey[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}` as MessageKey] : keys(v as object, `${prefix}${k}.`),
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

describe('field errors from zod', () => {
  const schema = z.object({ email: z.email({ error: msg('validation.emailInvalid') }), age: z.number() });

  it("carry the schema's message keys", () => {
    const parsed = schema.safeParse({ email: 'not-an-email', age: 3 });
    expect(parsed.success).toBe(false);
    expect(fieldErrorsOf(parsed.error!)).toEqual({ email: ['validation.emailInvalid'] });
  });

  it("never pass zod's own English text on as a key", () => {
    const parsed = schema.safeParse({ email: 'a@b.id', age: 'three' });
    expect(parsed.success).toBe(false);
    expect(isMessageKey(parsed.error!.issues[0]!.message)).toBe(false);
    expect(fieldErrorsOf(parsed.error!)).toEqual({ age: ['validation.fieldInvalid'] });
    expect(translator('en')('validation.fieldInvalid')).toBe('This value is not valid.');
  });
});
