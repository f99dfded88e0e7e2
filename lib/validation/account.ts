/**
 * Input schemas for accounts, shared by server actions and the JSON API. Messages are message-catalogue keys,
 * translated where they are shown, so a field error reaches the user in their language.
 */
import { z } from 'zod';
import { LOCALES } from '@/lib/i18n/locales';
import { msg } from '@/lib/i18n/catalogue';

const timeZones = new Set(Intl.supportedValuesOf('timeZone').concat('UTC'));

export const emailSchema = z
  .string({ error: msg('validation.emailRequired') })
  .trim()
  .toLowerCase()
  .min(1, msg('validation.emailRequired'))
  .max(254, msg('validation.emailTooLong'))
  .pipe(z.email({ error: msg('validation.emailInvalid') }));

export const newPasswordSchema = z
  .string({ error: msg('validation.passwordRequired') })
  .min(10, msg('validation.passwordTooShort'))
  .max(200, msg('validation.passwordTooLong'));

export const displayNameSchema = z
  .string({ error: msg('validation.displayNameRequired') })
  .trim()
  .min(2, msg('validation.displayNameTooShort'))
  .max(80, msg('validation.displayNameTooLong'));

export const localeSchema = z.enum(LOCALES, { error: msg('validation.localeInvalid') });

export const timeZoneSchema = z
  .string({ error: msg('validation.timeZoneInvalid') })
  .refine((tz) => timeZones.has(tz), msg('validation.timeZoneInvalid'));

export const signUpSchema = z.object({
  email: emailSchema,
  password: newPasswordSchema,
  displayName: displayNameSchema,
  locale: localeSchema.default('id'),
  timeZone: timeZoneSchema.default('Asia/Jakarta'),
});

export const signInSchema = z.object({
  email: emailSchema,
  password: z
    .string({ error: msg('validation.passwordRequired') })
    .min(1, msg('validation.passwordRequired'))
    .max(200, msg('validation.passwordTooLong')),
});

export const profileSchema = z.object({
  displayName: displayNameSchema,
  locale: localeSchema,
  timeZone: timeZoneSchema,
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, msg('validation.passwordRequired')),
    newPassword: newPasswordSchema,
    confirmPassword: z.string().min(1, msg('validation.passwordRequired')),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ['confirmPassword'],
    message: msg('validation.passwordMismatch'),
  });

/** The lifetimes a token may be given when it is made (days); 90 unless the owner chooses another. */
export const TOKEN_LIFETIMES_DAYS = [7, 30, 90, 365] as const;
export const tokenLifetimeSchema = z
  .union([z.literal(7), z.literal(30), z.literal(90), z.literal(365)], {
    error: msg('validation.tokenLifetimeInvalid'),
  })
  .default(90);

export const roleSchema = z.enum(['STUDENT', 'INSTRUCTOR', 'ADMIN'], { error: msg('validation.roleInvalid') });

export type SignUpInput = z.infer<typeof signUpSchema>;
export type ProfileInput = z.infer<typeof profileSchema>;
