/**
 * Input schemas for accounts, shared by server actions and the JSON API. Messages are message-catalogue keys,
 * translated where they are shown, so a field error reaches the user in their language.
 */
import { z } from 'zod';
import { LOCALES } from '@/lib/i18n/locales';

const timeZones = new Set(Intl.supportedValuesOf('timeZone').concat('UTC'));

export const emailSchema = z
  .string({ error: 'validation.emailRequired' })
  .trim()
  .toLowerCase()
  .min(1, 'validation.emailRequired')
  .max(254, 'validation.emailTooLong')
  .pipe(z.email({ error: 'validation.emailInvalid' }));

export const newPasswordSchema = z
  .string({ error: 'validation.passwordRequired' })
  .min(10, 'validation.passwordTooShort')
  .max(200, 'validation.passwordTooLong');

export const displayNameSchema = z
  .string({ error: 'validation.displayNameRequired' })
  .trim()
  .min(2, 'validation.displayNameTooShort')
  .max(80, 'validation.displayNameTooLong');

export const localeSchema = z.enum(LOCALES, { error: 'validation.localeInvalid' });

export const timeZoneSchema = z
  .string({ error: 'validation.timeZoneInvalid' })
  .refine((tz) => timeZones.has(tz), 'validation.timeZoneInvalid');

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
    .string({ error: 'validation.passwordRequired' })
    .min(1, 'validation.passwordRequired')
    .max(200, 'validation.passwordTooLong'),
});

export const profileSchema = z.object({
  displayName: displayNameSchema,
  locale: localeSchema,
  timeZone: timeZoneSchema,
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'validation.passwordRequired'),
    newPassword: newPasswordSchema,
    confirmPassword: z.string().min(1, 'validation.passwordRequired'),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ['confirmPassword'],
    message: 'validation.passwordMismatch',
  });

/** The lifetimes a token may be given when it is made (days); 90 unless the owner chooses another. */
export const TOKEN_LIFETIMES_DAYS = [7, 30, 90, 365] as const;
export const tokenLifetimeSchema = z
  .union([z.literal(7), z.literal(30), z.literal(90), z.literal(365)], { error: 'validation.tokenLifetimeInvalid' })
  .default(90);

export const roleSchema = z.enum(['STUDENT', 'INSTRUCTOR', 'ADMIN'], { error: 'validation.roleInvalid' });

export type SignUpInput = z.infer<typeof signUpSchema>;
export type ProfileInput = z.infer<typeof profileSchema>;
