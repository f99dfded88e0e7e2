/**
 * Structured JSON logs (pino). Every line carries a request id when one is known.
 * Passwords, hashes and tokens are redacted by path as a second line of defence; code never logs them.
 */
import pino from 'pino';

export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { app: 'ingat' },
  redact: {
    paths: [
      'password',
      '*.password',
      'passwordHash',
      '*.passwordHash',
      'token',
      '*.token',
      'headers.authorization',
      'headers.cookie',
    ],
    censor: '[redacted]',
  },
});

export function requestLogger(requestId: string | null | undefined) {
  return logger.child({ requestId: requestId ?? 'none' });
}
