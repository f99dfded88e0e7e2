/**
 * Item analysis for a class, from the first attempt of each active member at each item (the review-log rows marked
 * firstAttempt that still count), without the access check (internal: item-analysis.ts checks the instructor). One
 * indexed query; the statistics are lib/domain/analytics/item-analysis.ts.
 */
import { db } from '@/lib/db/client';
import { courseCatalog } from '@/lib/content/catalog';
import { analyzeItems, type ItemAnalysis, type ItemMeta } from '@/lib/domain/analytics/item-analysis';
import { Prisma } from '@/lib/generated/prisma/client';
import { NotFound } from '@/lib/errors';

export interface ClassItemAnalysis {
  classId: string;
  students: number;
  items: (ItemAnalysis & { lessonId: string; lessonTitle: string; prompt: string })[];
}

interface AttemptRow {
  userId: string;
  itemId: string;
  correct: boolean;
  choice: string | null;
}

function firstAttemptsQuery(classId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT l."userId"::text AS "userId", l."itemId", l."correct", l."choice"
    FROM "ClassMember" m
    JOIN "ReviewLog" l ON l."userId" = m."userId" AND l."firstAttempt"
    WHERE m."classId" = ${classId}::uuid AND m."removedAt" IS NULL
      AND NOT EXISTS (SELECT 1 FROM "ReviewRevocation" r WHERE r."reviewLogId" = l."id")`;
}

/** Without the access check (getItemAnalysis and npm run bench:dashboard call it). */
export async function classItemAnalysisData(classId: string): Promise<ClassItemAnalysis> {
  const row = await db().class.findUnique({ where: { id: classId } });
  if (!row) throw new NotFound();
  const catalog = await courseCatalog(row.courseId);
  if (!catalog) throw new NotFound();
  const [attempts, students] = await Promise.all([
    db().$queryRaw<AttemptRow[]>(firstAttemptsQuery(classId)),
    db().classMember.count({ where: { classId, removedAt: null } }),
  ]);
  const items: ItemMeta[] = catalog.course.items.map((i) => ({
    id: i.id,
    kind: i.kind,
    options: 'options' in i ? i.options.map((o) => ({ id: o.id, text: o.text, correct: o.correct })) : undefined,
  }));
  const report = analyzeItems(
    attempts.map((a) => ({
      studentId: a.userId,
      itemId: a.itemId,
      correct: a.correct,
      chosen: a.choice === null ? null : a.choice.split(',').filter(Boolean),
    })),
    items,
  );
  return {
    classId,
    students,
    items: report.items.map((r) => {
      const item = catalog.itemById.get(r.itemId)!;
      return {
        ...r,
        lessonId: item.lesson,
        lessonTitle: catalog.lessonById.get(item.lesson)?.title ?? item.lesson,
        prompt: item.prompt,
      };
    }),
  };
}

/** The statement as SQL text and parameters, for EXPLAIN in npm run bench:dashboard. */
export const ITEM_ANALYSIS_SQL_FOR_EXPLAIN = {
  name: 'first attempts of the class',
  sql: firstAttemptsQuery('00000000-0000-0000-0000-000000000000').text,
  params: (classId: string) => firstAttemptsQuery(classId).values,
};
