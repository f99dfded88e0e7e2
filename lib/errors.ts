/**
 * The small error vocabulary of the application. lib/ throws these; each face turns them into what its user sees in
 * one place: lib/api/respond.ts (HTTP statuses and translated bodies), lib/forms/state.ts (a form action's message
 * and field errors), app/_actions/failure.ts (the other server actions), pageData() in lib/auth/session.ts (a page's
 * 404, 403 or sign-in). Sign-in refusals travel through Auth.js as the error's code (lib/auth/config.ts). Anything
 * that is not an AppError is a bug and surfaces as 500.
 */
import type { MessageKey } from '@/lib/i18n/catalogue';

/** Per field (a dotted path, or '_form'), message-catalogue keys. */
export type FieldErrors = Record<string, MessageKey[]>;

export class AppError extends Error {
  constructor(
    readonly code: 'not_found' | 'forbidden' | 'unauthenticated' | 'conflict' | 'invalid' | 'rate_limited',
    /** A message-catalogue key, translated where the error is shown. */
    readonly messageKey: MessageKey,
    readonly fieldErrors: FieldErrors = {},
    readonly retryAfterSeconds?: number,
  ) {
    super(messageKey);
    this.name = new.target.name;
  }
}

export class NotFound extends AppError {
  constructor(messageKey: MessageKey = 'errors.notFound') {
    super('not_found', messageKey);
  }
}
export class Forbidden extends AppError {
  constructor(messageKey: MessageKey = 'errors.forbidden') {
    super('forbidden', messageKey);
  }
}
export class Unauthenticated extends AppError {
  constructor(messageKey: MessageKey = 'errors.unauthenticated') {
    super('unauthenticated', messageKey);
  }
}
export class Conflict extends AppError {
  constructor(messageKey: MessageKey = 'errors.conflict', fieldErrors: FieldErrors = {}) {
    super('conflict', messageKey, fieldErrors);
  }
}
export class Invalid extends AppError {
  constructor(fieldErrors: FieldErrors, messageKey: MessageKey = 'errors.invalid') {
    super('invalid', messageKey, fieldErrors);
  }
}
export class RateLimited extends AppError {
  constructor(retryAfterSeconds: number, messageKey: MessageKey = 'errors.rateLimited') {
    super('rate_limited', messageKey, {}, retryAfterSeconds);
  }
}

export const HTTP_STATUS: Record<AppError['code'], number> = {
  not_found: 404,
  forbidden: 403,
  unauthenticated: 401,
  conflict: 409,
  invalid: 400,
  rate_limited: 429,
};
