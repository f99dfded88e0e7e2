/**
 * Learners for load scripts (bench:review, test:faults), made in SQL: accounts, one API token each (whose plaintext
 * only the script knows), every item of the loaded courses as cards (a third new, the rest in review with varied
 * memory), and the way a learner answers a true/false card through the API.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';

export interface SeededLearner {
  id: string;
  token: string;
}

/**
 * `count` learners with emails `<prefix>-<n>@bench.ingat`, each with a token and all items as cards: a share
 * `newShare` (default a third) new, the rest in review with made-up memory and no history. With `newShare: 1`
 * every card's state is what replaying its (empty) review log gives, so `review:rebuild` can check the run.
 */
export async function seedLearners(
  client: pg.Client,
  opts: { count: number; passwordHash: string; prefix: string; newShare?: number },
): Promise<SeededLearner[]> {
  const pattern = `${opts.prefix}-%@bench.ingat`;
  await client.query(
    `INSERT INTO "User" (id, email, "passwordHash", "displayName", role, locale, "timeZone", "passwordChangedAt", "createdAt", "updatedAt")
     SELECT gen_random_uuid(), $3 || '-' || g || '@bench.ingat', $1, 'Bench ' || g, 'STUDENT', 'id', 'Asia/Jakarta', now(), now(), now()
     FROM generate_series(1, $2::int) g`,
    [opts.passwordHash, opts.count, opts.prefix],
  );
  const users = (
    await client.query<{ id: string }>(`SELECT id FROM "User" WHERE email LIKE $1 ORDER BY email`, [pattern])
  ).rows;
  const tokens = users.map(() => 'ingat_' + randomBytes(32).toString('base64url'));
  await client.query(
    `INSERT INTO "ApiToken" (id, "userId", name, "tokenHash", "lastFour", "createdAt", "expiresAt")
     SELECT gen_random_uuid(), u, 'bench', h, right(h, 4), now(), now() + interval '90 days'
     FROM unnest($1::uuid[], $2::text[]) AS t(u, h)`,
    [users.map((u) => u.id), tokens.map((t) => createHash('sha256').update(t, 'utf8').digest('hex'))],
  );
  await client.query(
    `INSERT INTO "Card" (id, "userId", "itemId", "courseId", "lessonId", sibling, position, phase, due, stability,
                         difficulty, "scheduledDays", "learningSteps", reps, lapses, "lastReview", version, "createdAt")
     SELECT gen_random_uuid(), u.id, i.id, i."courseId", i."lessonId", i.sibling,
            row_number() OVER (PARTITION BY u.id ORDER BY i.id),
            CASE WHEN r < $2 THEN 'NEW'::"CardPhase" ELSE 'REVIEW'::"CardPhase" END,
            -- a new card is due from its creation, as a card made by the app is
            CASE WHEN r < $2 THEN now() - interval '60 days' ELSE now() + (d * 40 - 10) * interval '1 day' END,
            CASE WHEN r < $2 THEN 0 ELSE 1 + d * 30 END, CASE WHEN r < $2 THEN 0 ELSE 3 + d * 5 END,
            CASE WHEN r < $2 THEN 0 ELSE (1 + d * 30)::int END, 0,
            CASE WHEN r < $2 THEN 0 ELSE 3 END, 0,
            CASE WHEN r < $2 THEN NULL ELSE now() - (1 + d * 30) * interval '1 day' END, 1, now() - interval '60 days'
     -- r picks the phase, d the memory and due date: two draws per card (the LATERAL refers to the row, so it is
     -- evaluated per row, not once for the whole statement)
     FROM "User" u CROSS JOIN "Item" i
     CROSS JOIN LATERAL (SELECT random() + 0 * length(i.id || u.id::text) AS r, random() AS d) x
     WHERE u.email LIKE $1 AND i."retiredAt" IS NULL`,
    [pattern, opts.newShare ?? 0.33],
  );
  return users.map((u, i) => ({ id: u.id, token: tokens[i]! }));
}

export interface TrueFalseCard {
  id: string;
  version: number;
}

/** Each learner's true/false cards (their answer body has one shape), outside the courses named in `exceptCourses`. */
export async function trueFalseCardsByUser(
  client: pg.Client,
  exceptCourses: string[] = [],
): Promise<Map<string, TrueFalseCard[]>> {
  const byUser = new Map<string, TrueFalseCard[]>();
  const rows = (
    await client.query<{ userId: string; id: string; version: number }>(
      `SELECT "userId", id, version FROM "Card" WHERE NOT ("courseId" = ANY($1::text[]))
       AND "itemId" IN (SELECT id FROM "Item" WHERE kind = 'truefalse') ORDER BY "userId", id`,
      [exceptCourses],
    )
  ).rows;
  for (const row of rows)
    byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), { id: row.id, version: row.version }]);
  return byUser;
}

/** The body of POST /api/v1/review/answers for a true/false card, with a fresh idempotency key unless given one. */
export function answerBody(card: TrueFalseCard, idempotencyKey: string = randomUUID()): string {
  return JSON.stringify({
    cardId: card.id,
    cardVersion: card.version,
    idempotencyKey,
    response: { kind: 'truefalse', value: Math.random() < 0.8 },
    durationMs: 5000,
  });
}
