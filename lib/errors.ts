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
    readonly code:
      | 'not_found'
      | 'forbidden'
      | 'unauthenticated'
      | 'conflict'
      | 'invalid'
      | 'rate_limited'
      | 'too_large'
      | 'unsupported_media_type'
      | 'idempotency_mismatch'
      | 'unavailable',
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

/** A request body over the limit, counted as it arrives (the JSON API; 413). */
export class TooLarge extends AppError {
  constructor(messageKey: MessageKey = 'api.tooLarge') {
    super('too_large', messageKey);
  }
}
/** A request body that is not JSON (the JSON API; 415). */
export class UnsupportedMediaType extends AppError {
  constructor(messageKey: MessageKey = 'api.unsupportedMediaType') {
    super('unsupported_media_type', messageKey);
  }
}
/**
 * An idempotency key sent again with a different request: replaying the first result would hide the difference,
 * and acting on the second would break the key's promise, so neither happens (422, as payment APIs answer).
 */
export class IdempotencyMismatch extends AppError {
  constructor(messageKey: MessageKey = 'api.idempotencyMismatch') {
    super('idempotency_mismatch', messageKey);
  }
}
/**
 * The database is down, restarting, frozen or unreachable (lib/db/unavailable.ts recognises it): nothing is wrong
 * with the request, and the same request a few seconds later will likely work.
 */
/** Seconds a client should wait before retrying when the database is away; a restart or failover takes a few. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

export class Unavailable extends AppError {
  constructor(retryAfterSeconds = UNAVAILABLE_RETRY_AFTER_SECONDS, messageKey: MessageKey = 'errors.unavailable') {
    super('unavailable', messageKey, {}, retryAfterSeconds);
  }
}

export const HTTP_STATUS: Record<AppError['code'], number> = {
  not_found: 404,
  forbidden: 403,
  unauthenticated: 401,
  conflict: 409,
  invalid: 400,
  rate_limited: 429,
  too_large: 413,
  unsupported_media_type: 415,
  idempotency_mismatch: 422,
  unavailable: 503,
};
