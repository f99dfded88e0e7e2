/** Fixture builders for integration tests: every test makes its own users (random suffixes), so tests never collide. */
import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db/client';
import { signIn, signUp, actorForSession } from '@/lib/data/users';
import type { Actor } from '@/lib/data/actor';
import type { Role } from '@/lib/generated/prisma/enums';
import { AppError } from '@/lib/errors';
import { findItem } from '@/lib/content/catalog';
import { submitAnswer } from '@/lib/data/review/answers';
import type { NextCard } from '@/lib/data/review/next-card';
import { responseFor } from '../support/answers';

export const PASSWORD = 'correct horse battery';

export function uniqueEmail(label = 'user'): string {
  return `${label}-${randomUUID().slice(0, 8)}@test.ingat`;
}

export function uniqueIp(): string {
  const n = () => Math.floor(Math.random() * 250) + 1;
  return `10.${n()}.${n()}.${n()}`;
}

/** Creates a user with `role` and signs them in; returns the actor as a request would see it. */
export async function makeActor(role: Role = 'STUDENT', label = role.toLowerCase()): Promise<Actor> {
  const email = uniqueEmail(label);
  const user = await signUp(
    { email, password: PASSWORD, displayName: `Test ${label}` },
    { ip: uniqueIp() },
    new Date(),
  );
  if (role !== 'STUDENT') await db().user.update({ where: { id: user.id }, data: { role } });
  const { sessionId } = await signIn(
    { email, password: PASSWORD },
    { ip: uniqueIp(), userAgent: 'vitest' },
    new Date(),
  );
  const actor = await actorForSession(sessionId, new Date());
  if (!actor) throw new Error('fixture: session not valid');
  return actor;
}

/** The AppError a call fails with (the test fails if it succeeds or throws anything else). */
export async function caught(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

/** Answers the card a learner was shown, right or wrong, as the review screen would send it. */
export async function answerCard(actor: Actor, card: NextCard, correct: boolean, now: Date, key = randomUUID()) {
  const found = (await findItem(card.view.id))!;
  return submitAnswer(
    actor,
    {
      cardId: card.cardId,
      cardVersion: card.cardVersion,
      idempotencyKey: key,
      response: responseFor(found.item, card.view, correct),
      durationMs: 4000,
    },
    now,
  );
}
