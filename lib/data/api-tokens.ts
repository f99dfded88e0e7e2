/**
 * Personal access tokens for the JSON API. The plaintext (`ingat_` + 32 random bytes, base64url) is returned once,
 * when the token is made; only its SHA-256 hash and last four characters are stored. A token acts as its owner
 * until it expires (a lifetime chosen when it is made, 90 days unless chosen otherwise), is revoked (by its owner, or
 * with every other token when the password changes or is reset), or the account is disabled. Making one asks for
 * the password, so a session left open on a shared computer cannot mint a lasting key.
 */
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { authChanges } from '@/lib/db/auth-changes';
import { db } from '@/lib/db/client';
import { sql } from '@/lib/db/sql';
import type { Role } from '@/lib/generated/prisma/enums';
import { NotFound } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation/parse';
import { signInSchema, tokenLifetimeSchema } from '@/lib/validation/account';
import { actorOf, requireActor, type Actor } from './actor';
import { signIn, signOut, verifyOwnPassword, type SignInContext } from './users';
import { VerifiedCache } from './verified-cache';

export const TOKEN_PREFIX = 'ingat_';
/** `ingat_` + 43 base64url characters (32 bytes). Anything else is refused before touching the database. */
const TOKEN_FORMAT = /^ingat_[A-Za-z0-9_-]{43}$/;
/** lastUsedAt is written at most this often, so an API client does not cause a write per request. */
const LAST_USED_GRANULARITY_MS = 60_000;

/**
 * Tokens this process verified in the last minute, by hash. A revocation, a disabled account or a profile change
 * anywhere makes the process forget them all (lib/db/auth-changes.ts). The minute is also lastUsedAt's granularity:
 * the lookup that writes lastUsedAt runs at most once a minute per token, cached or not.
 */
const verifiedTokens = new VerifiedCache<{ actor: Actor; expiresAt: Date }>(
  { epoch: () => authChanges().epoch() },
  LAST_USED_GRANULARITY_MS,
);

export const tokenNameSchema = z
  .string({ error: 'validation.tokenNameRequired' })
  .trim()
  .min(1, 'validation.tokenNameRequired')
  .max(60, 'validation.tokenNameRequired');

export const createApiTokenSchema = z.object({
  name: tokenNameSchema,
  password: z.string({ error: 'validation.passwordRequired' }).min(1, 'validation.passwordRequired').max(200),
  expiresInDays: tokenLifetimeSchema,
});
export const createTokenWithPasswordSchema = signInSchema.extend({
  name: tokenNameSchema,
  expiresInDays: tokenLifetimeSchema,
});

export interface ApiTokenView {
  id: string;
  name: string;
  lastFour: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface CreatedApiToken extends ApiTokenView {
  /** The plaintext token. Shown to its owner once; never stored or logged. */
  token: string;
}

const tokenView = {
  id: true,
  name: true,
  lastFour: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

/**
 * SHA-256, not a password hash: the token carries 256 bits of randomness, so nothing can be guessed from a fast
 * hash, and a fast hash lets every API request look the token up by a unique index instead of running argon2.
 */
function hashToken(plaintext: string): string {
  return createHash('sha256').update(plaintext, 'utf8').digest('hex');
}

const DAY_MS = 24 * 60 * 60 * 1000;

async function insertToken(userId: string, name: string, lifetimeDays: number, now: Date): Promise<CreatedApiToken> {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + lifetimeDays * DAY_MS);
  const row = await db().apiToken.create({
    data: { userId, name, tokenHash: hashToken(token), lastFour: token.slice(-4), createdAt: now, expiresAt },
    select: tokenView,
  });
  return { ...row, token };
}

/** A new token for the signed-in user (the settings page), after their password. */
export async function createApiToken(
  actor: Actor | null,
  input: unknown,
  ctx: { ip: string },
  now: Date,
): Promise<CreatedApiToken> {
  const a = requireActor(actor);
  const { name, password, expiresInDays } = parseOrThrow(createApiTokenSchema, input);
  await verifyOwnPassword(a, password, ctx, now);
  return insertToken(a.id, name, expiresInDays, now);
}

/**
 * A new token in exchange for email and password (an API client that has no browser). The credentials go through
 * `signIn`, so its throttling, its single "wrong email or password" message and its disabled-account check apply
 * unchanged. The session signIn opens is closed at once: the token, not a session, is what the client keeps.
 */
export async function createTokenWithPassword(input: unknown, ctx: SignInContext, now: Date): Promise<CreatedApiToken> {
  const { email, password, name, expiresInDays } = parseOrThrow(createTokenWithPasswordSchema, input);
  const { userId, sessionId } = await signIn({ email, password }, ctx, now);
  await signOut(sessionId, now);
  return insertToken(userId, name, expiresInDays, now);
}

/** The user's tokens, newest first, revoked ones included (so the settings page can show what was revoked). */
export async function listApiTokens(actor: Actor | null): Promise<ApiTokenView[]> {
  const a = requireActor(actor);
  return db().apiToken.findMany({ where: { userId: a.id }, select: tokenView, orderBy: { createdAt: 'desc' } });
}

/** Revokes one of the actor's own tokens. Someone else's token, or an id that is not a token, is NotFound. */
export async function revokeApiToken(actor: Actor | null, tokenId: unknown, now: Date): Promise<ApiTokenView> {
  const a = requireActor(actor);
  const id = z.uuid().safeParse(tokenId);
  if (!id.success) throw new NotFound();
  const token = await db().apiToken.findFirst({ where: { id: id.data, userId: a.id }, select: tokenView });
  if (!token) throw new NotFound();
  if (token.revokedAt) return token;
  const revoked = await db().apiToken.update({ where: { id: token.id }, data: { revokedAt: now }, select: tokenView });
  authChanges().changed();
  return revoked;
}

/**
 * The actor a bearer token speaks for, or null when the token is malformed, unknown, revoked, or its user is
 * disabled. The actor's sessionId is the token's id: the token plays the part of the session (revoking it ends
 * access), and no AuthSession row has that id.
 */
export async function actorForToken(plaintext: string, now: Date): Promise<Actor | null> {
  if (!TOKEN_FORMAT.test(plaintext)) return null;
  const tokenHash = hashToken(plaintext);
  // The expiry is checked on every request, cached or not: a cached token must not outlive its lifetime by a minute.
  const found = await verifiedTokens.verify(tokenHash, now, () => lookUpToken(tokenHash, now));
  return found && found.expiresAt > now ? found.actor : null;
}

async function lookUpToken(tokenHash: string, now: Date): Promise<{ actor: Actor; expiresAt: Date } | null> {
  // One round trip: the live token with its user, and (at most once a minute, conditionally, so concurrent
  // requests write once between them) the token's lastUsedAt.
  const rows = await sql<{
    tokenId: string;
    id: string;
    email: string;
    displayName: string;
    role: Role;
    locale: string;
    timeZone: string;
    expiresAt: Date;
  }>(
    'api-token-actor-v2',
    `WITH live AS (
       SELECT t."id" AS "tokenId", u."id", u."email", u."displayName", u."role"::text AS "role", u."locale", u."timeZone",
              t."expiresAt"
       FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId"
       WHERE t."tokenHash" = $1 AND t."revokedAt" IS NULL AND t."expiresAt" > $2::timestamp(3)
         AND u."disabledAt" IS NULL
     ), touched AS (
       UPDATE "ApiToken" SET "lastUsedAt" = $2::timestamp(3)
       WHERE "id" = (SELECT "tokenId" FROM live) AND ("lastUsedAt" IS NULL OR "lastUsedAt" < $3::timestamp(3))
     )
     SELECT * FROM live`,
    [tokenHash, now, new Date(now.getTime() - LAST_USED_GRANULARITY_MS)],
  );
  const row = rows[0];
  return row ? { actor: Object.freeze(actorOf(row, row.tokenId)), expiresAt: row.expiresAt } : null;
}
