/** The shape of a learner's answer as it arrives from a browser or API client. */
import { z } from 'zod';
import { msg } from '@/lib/i18n/catalogue';

const optionId = z.string().regex(/^[a-f]$/);

export const responseSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.enum(['single', 'scenario']), optionId }),
    z.object({ kind: z.literal('multiple'), optionIds: z.array(optionId).max(6) }),
    z.object({ kind: z.literal('truefalse'), value: z.boolean() }),
    z.object({ kind: z.enum(['cloze', 'short']), text: z.string().max(200, msg('validation.answerTooLong')) }),
    z.object({ kind: z.literal('matching'), pairs: z.record(z.string().regex(/^l\d$/), z.string().regex(/^r\d$/)) }),
    z.object({ kind: z.literal('ordering'), order: z.array(z.string().regex(/^s\d$/)).max(7) }),
  ],
  { error: msg('validation.answerInvalid') },
);

export const itemIdSchema = z.string().regex(/^[a-z]{2}-\d{3}$/, msg('validation.itemInvalid'));
