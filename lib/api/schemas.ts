/**
 * The shapes the API answers with. Request schemas are not here: operations use the very schemas lib/data parses
 * with (signUpSchema, submitAnswerSchema, …). Response schemas are checked both ways: a handler must return
 * something that fits (compile time), and the dispatcher parses every response through its schema, which drops
 * any field not named here (so a field added to a lib/data result is not published by accident).
 */
import { z } from 'zod';
import { AppError, HTTP_STATUS } from '@/lib/errors';
import { LOCALES } from '@/lib/i18n/locales';
import { responseSchema } from '@/lib/validation/response';

const instant = z.iso.datetime();
const option = z.object({ id: z.string(), text: z.string() });

export const ERROR_CODES = [...(Object.keys(HTTP_STATUS) as AppError['code'][]), 'internal'] as const;

export const apiErrorSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES).describe('Stable, machine-readable: branch on this, not on the message.'),
    message: z.string().describe('Human-readable, in the language chosen by Accept-Language (id or en).'),
    fields: z
      .record(z.string(), z.array(z.string()))
      .optional()
      .describe('For code "invalid" and some "conflict": messages per field path, e.g. "response.optionId".'),
    requestId: z.string().optional().describe('For code "internal": quote it when reporting the problem.'),
  }),
});

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(['STUDENT', 'INSTRUCTOR', 'ADMIN']),
  locale: z.enum(LOCALES),
  timeZone: z.string(),
  createdAt: instant,
});

export const createdTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  token: z.string().describe('The token itself, shown this once. Send it as "Authorization: Bearer <token>".'),
  lastFour: z.string(),
  createdAt: instant,
  expiresAt: instant.describe('After this instant the token is refused (401), like a revoked one.'),
});

/** What a learner sees of an item before answering: no answer key. Mirrors ItemView in lib/domain/item-view.ts. */
export const itemViewSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.enum(['single', 'scenario', 'multiple']),
    id: z.string(),
    prompt: z.string(),
    options: z.array(option),
  }),
  z.object({ kind: z.literal('truefalse'), id: z.string(), prompt: z.string() }),
  z.object({ kind: z.literal('cloze'), id: z.string(), prompt: z.string(), before: z.string(), after: z.string() }),
  z.object({ kind: z.literal('short'), id: z.string(), prompt: z.string() }),
  z.object({
    kind: z.literal('matching'),
    id: z.string(),
    prompt: z.string(),
    lefts: z.array(option),
    rights: z
      .array(option)
      .describe(
        'Shuffled for each showing. Their ids (r0, r1, …) name positions in this showing, not fixed parts: answer ' +
          'with the ids of the showing you got (its cardVersion); the next showing may order them differently.',
      ),
  }),
  z.object({
    kind: z.literal('ordering'),
    id: z.string(),
    prompt: z.string(),
    steps: z
      .array(option)
      .describe(
        'Shuffled for each showing. Their ids (s0, s1, …) name positions in this showing, not fixed steps: answer ' +
          'with the ids of the showing you got; the next showing may order them differently.',
      ),
  }),
]);

const phaseSchema = z.enum(['new', 'learning', 'review', 'relearning']);

export const reviewQueueSchema = z.object({
  next: z
    .object({
      cardId: z.uuid(),
      cardVersion: z.number().int().describe('Send it back with the answer: a changed card refuses a stale answer.'),
      phase: phaseSchema,
      lessonId: z.string(),
      lessonTitle: z.string(),
      courseId: z.string(),
      view: itemViewSchema,
    })
    .nullable()
    .describe('null when nothing is due now.'),
  counts: z.object({ learning: z.number().int(), review: z.number().int(), new: z.number().int() }),
  nextDueAt: instant.nullable(),
  unstartedNew: z.number().int(),
  answeredToday: z.number().int(),
  dayKey: z.string(),
});

const keyViewSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('options'), correctOptionIds: z.array(z.string()) }),
  z.object({ kind: z.literal('truefalse'), answer: z.boolean(), correction: z.string().optional() }),
  z.object({ kind: z.literal('text'), answers: z.array(z.string()) }),
  z.object({ kind: z.literal('matching'), pairs: z.record(z.string(), z.string()) }),
  z.object({ kind: z.literal('ordering'), order: z.array(z.string()) }),
]);

const ratingSchema = z.enum(['again', 'hard', 'good', 'easy']);

/** What a learner is told after answering. Mirrors Feedback in lib/domain/feedback.ts. */
const feedbackSchema = z.object({
  correct: z.boolean(),
  score: z.number(),
  withTypo: z.boolean(),
  key: keyViewSchema,
  optionFeedback: z.array(
    z.object({
      optionId: z.string(),
      text: z.string(),
      correct: z.boolean(),
      chosen: z.boolean(),
      feedback: z.string(),
    }),
  ),
  explanation: z.string(),
});

/** A source quote and the link to its paragraph. Mirrors SourceView in lib/content/catalog.ts. */
const sourceViewSchema = z.object({
  paragraph: z.string(),
  quote: z.string(),
  lesson: z.string().optional(),
  href: z.string(),
});

export const answerResultSchema = feedbackSchema.extend({
  itemId: z.string(),
  sources: z.array(sourceViewSchema),
  editorNote: z
    .object({
      id: z.string(),
      original: z.string(),
      corrected: z.string(),
      reason: z.string().optional(),
      kind: z.enum(['typo', 'meaning', 'note']),
    })
    .nullable(),
  reviewLogId: z.uuid(),
  cardId: z.uuid(),
  cardVersion: z.number().int(),
  rating: ratingSchema.describe(
    'How the answer was scheduled: "good" for a right answer, "again" for a wrong one (re-rated by adjustAnswer).',
  ),
  adjustments: z
    .array(z.enum(['guessed', 'easy', 'hard']))
    .describe(
      'Qualifications the learner may still make to this answer with adjustAnswer, as the browser’s G/H/E keys do: ' +
        '"guessed" (right by luck: rated "again"), "hard" (right but with effort: "hard"), "easy" (effortless: ' +
        '"easy"). Offered only for the latest right answer rated "good" and not yet revised; empty otherwise.',
    ),
  proposeHard: z
    .boolean()
    .describe(
      'The answer was right but slow for this item (longer than learners usually take): the browser suggests ' +
        '"hard". Only a suggestion; nothing changes unless adjustAnswer is called.',
    ),
  nextDue: instant.describe('When the card is due next, after this answer.'),
  answeredAt: instant.describe('When the answer was recorded, by the server’s clock.'),
  durationMs: z.number().int().describe('The answer time the client reported.'),
});

export const syncResultSchema = z.object({
  results: z.array(
    z.object({
      idempotencyKey: z.string(),
      cardId: z.uuid(),
      status: z
        .enum(['accepted', 'merged', 'duplicate', 'rejected'])
        .describe(
          'accepted: recorded at its own time; merged: the card had moved on (answered on another device), so the ' +
            'answer joined the log at its own time and the card was replayed; duplicate: this key was recorded ' +
            'before, nothing new; rejected: see reason.',
        ),
      reason: z.enum(['card_not_found', 'answered_in_future', 'too_old', 'idempotency_mismatch']).optional(),
      reviewLogId: z.uuid().optional(),
      correct: z.boolean().optional(),
      rating: z.enum(['again', 'hard', 'good', 'easy']).optional(),
      cardVersion: z.number().int().optional(),
      nextDue: z.string().optional(),
    }),
  ),
});

export const undoResultSchema = z.object({
  undoneReviewLogId: z.uuid(),
  cardId: z.uuid(),
  cardVersion: z.number().int(),
});

export const reviewSettingsViewSchema = z.object({
  desiredRetention: z.number(),
  newPerDay: z.number().int(),
  maxReviewsPerDay: z.number().int(),
  rolloverHour: z.number().int(),
});

export const settingsUpdateSchema = z.object({
  settings: reviewSettingsViewSchema,
  rescheduledCards: z.number().int().describe('Cards in long-term review moved by a change of desired retention.'),
});

const dayKey = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe('A learner day, YYYY-MM-DD.');
const dayCount = z.object({ dayKey, count: z.number().int() });

/** A learner's statistics. Mirrors LearnerStats in lib/data/review/stats.ts. */
export const learnerStatsSchema = z.object({
  todayKey: dayKey,
  timeZone: z.string(),
  rolloverHour: z.number().int(),
  desiredRetention: z.number(),
  forecast: z.object({
    days: z.array(dayCount).describe('One entry per learner day, today first; today includes overdue cards.'),
    overdue: z.number().int(),
    later: z.number().int().describe('Cards due after the last day of the forecast.'),
  }),
  heatmap: z.object({
    cells: z.array(
      dayCount.extend({
        level: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
        week: z.number().int(),
        weekday: z.number().int().describe('0 = Monday … 6 = Sunday.'),
      }),
    ),
    weeks: z.number().int(),
    max: z.number().int(),
    total: z.number().int(),
    activeDays: z.number().int(),
    levels: z.array(
      z.object({
        level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
        min: z.number().int(),
        max: z.number().int(),
      }),
    ),
  }),
  streak: z.object({ days: z.number().int(), includesToday: z.boolean() }),
  retention: z.object({
    windowDays: z.number().int(),
    eligible: z.number().int(),
    recalled: z.number().int(),
    rate: z.number().nullable().describe('null below minSample eligible answers.'),
    interval: z.object({ low: z.number(), high: z.number() }).nullable(),
    minSample: z.number().int(),
  }),
  known: z.object({
    studied: z.number().int(),
    mastered: z
      .number()
      .int()
      .describe(
        'Cards whose predicted recall a week from now is at least 90% (stability ≥ days since last answer + 7).',
      ),
    expected: z.number().describe('Expected number of cards recalled if asked all of them horizonDays from now.'),
    horizonDays: z.number().int(),
    total: z.number().int(),
  }),
  lessons: z.array(
    z.object({
      courseId: z.string(),
      courseTitle: z.string(),
      lessonId: z.string(),
      lessonTitle: z.string(),
      total: z.number().int(),
      studied: z.number().int(),
      mastered: z.number().int(),
      mastery: z.number().nullable().describe('mastered / total; null while no card of the lesson is studied.'),
    }),
  ),
});

const classId = z.uuid();

/** A class in a list. Mirrors ClassSummary in lib/data/classes/classes.ts. */
export const classSummarySchema = z
  .object({
    id: classId,
    name: z.string(),
    courseId: z.string(),
    courseTitle: z.string(),
    examDate: instant.nullable().describe('The end of the exam day, as an instant; null when not set.'),
    students: z.number().int().describe('Active members.'),
    role: z.enum(['instructor', 'member']).describe('How the caller relates to the class (admins: instructor).'),
  })
  .meta({ id: 'ClassSummary' });

export const classListSchema = z.object({
  classes: z.array(classSummarySchema).describe('Classes the caller teaches or is a member of (all, for an admin).'),
});

/** Mirrors AssignmentView (plus cardsAdded) in lib/data/classes/classes.ts. */
export const assignmentResultSchema = z.object({
  lessonId: z.string(),
  lessonTitle: z.string(),
  dueAt: instant.describe('The end of the due day in the instructor’s time zone.'),
  cardsAdded: z.number().int().describe('New cards put into members’ decks (existing cards are left alone).'),
});

/** Why a student is at risk. Mirrors RiskReason in lib/domain/analytics/at-risk.ts. */
const riskReasonSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('inactive'), days: z.number().int().nullable().describe('null: never answered.') }),
  z.object({ kind: z.literal('overdue'), cards: z.number().int() }),
  z.object({ kind: z.literal('low_retention'), rate: z.number(), target: z.number() }),
  z.object({ kind: z.literal('exam_readiness'), mastered: z.number(), daysToExam: z.number().int() }),
]);

const studiedOfTotal = z.object({ studied: z.number().int(), total: z.number().int() });

/** The class dashboard. Mirrors ClassProgress in lib/data/classes/progress.ts. */
export const classProgressSchema = z.object({
  classId,
  name: z.string(),
  generatedAt: instant,
  examDate: instant.nullable(),
  lessons: z.array(z.object({ id: z.string(), title: z.string(), assigned: z.boolean(), dueAt: instant.nullable() })),
  students: z.array(
    z.object({
      id: z.uuid(),
      displayName: z.string(),
      email: z.string(),
      joinedAt: instant,
      lastActive: instant.nullable(),
      reviews7d: z.number().int(),
      retention30d: z.object({
        eligible: z.number().int(),
        recalled: z.number().int(),
        rate: z.number().nullable().describe('null below 10 eligible answers.'),
      }),
      target: z.number().describe('The student’s desired retention.'),
      studied: z.number().int().describe('Cards of the course answered at least once.'),
      mastered: z.number().int().describe('Cards with predicted recall ≥ 90% a week from now.'),
      items: z.number().int(),
      overdue: z.number().int(),
      assigned: z.record(z.string(), studiedOfTotal).describe('Per assigned lesson id: cards started and total.'),
      mockExams: z
        .object({ count: z.number().int(), lastScore: z.number().nullable(), lastAt: instant.nullable() })
        .describe("Submitted mock exams of the class's course: how many and the latest score."),
      atRisk: z.array(riskReasonSchema),
    }),
  ),
  conceptMap: z
    .record(
      z.string(),
      z.record(z.string(), studiedOfTotal.extend({ mastered: z.number().int(), mean: z.number().nullable() })),
    )
    .describe('conceptMap[studentId][lessonId]: share of the lesson’s cards mastered (null: none studied).'),
  lessonMeans: z.record(z.string(), z.number().nullable()).describe('Per lesson id, the class mean of student shares.'),
});

/** A student's own statistics, for an instructor. Mirrors StudentProgress in lib/data/classes/progress.ts. */
export const studentProgressSchema = z.object({
  student: z.object({ id: z.uuid(), displayName: z.string(), email: z.string() }),
  stats: learnerStatsSchema,
});

/** Why an item is worth a second look. Mirrors ItemFlag in lib/domain/analytics/item-analysis.ts. */
const itemFlagSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('too_few_attempts'), attempts: z.number().int(), minAttempts: z.number().int() }),
  z.object({ code: z.literal('too_easy'), facility: z.number(), threshold: z.number() }),
  z.object({ code: z.literal('too_hard'), facility: z.number(), threshold: z.number() }),
  z.object({ code: z.literal('negative_discrimination'), discrimination: z.number(), threshold: z.number() }),
  z.object({ code: z.literal('weak_discrimination'), discrimination: z.number(), threshold: z.number() }),
  z.object({ code: z.literal('unused_distractor'), optionIds: z.array(z.string()) }),
]);

/** Item analysis of a class's first attempts. Mirrors ClassItemAnalysis in lib/data/classes/item-analysis.ts. */
export const classItemAnalysisSchema = z.object({
  classId,
  students: z.number().int(),
  items: z.array(
    z.object({
      itemId: z.string(),
      lessonId: z.string(),
      lessonTitle: z.string(),
      prompt: z.string(),
      kind: z.string(),
      attempts: z.number().int().describe('First attempts by active members.'),
      correct: z.number().int(),
      facility: z.number().nullable().describe('correct / attempts; null below 10 attempts.'),
      rankedStudents: z.number().int(),
      discrimination: z.number().nullable().describe('Corrected point-biserial; null when undefined.'),
      discriminationMissing: z.enum(['too_few_attempts', 'no_variance']).nullable(),
      upperFacility: z.number().nullable(),
      lowerFacility: z.number().nullable(),
      upperLowerIndex: z.number().nullable(),
      options: z
        .array(
          z.object({
            optionId: z.string(),
            text: z.string(),
            correct: z.boolean(),
            count: z.number().int(),
            share: z.number().nullable(),
          }),
        )
        .nullable()
        .describe('For choice items; null otherwise.'),
      flags: z.array(itemFlagSchema),
    }),
  ),
});

/** A student's exam date for a course. Mirrors ExamDate in lib/data/exam/exam-date.ts. */
export const examDateViewSchema = z.object({
  examAt: instant.describe(
    '09:00 on the exam day, in the time zone of whoever set it (the student or the instructor).',
  ),
  source: z
    .enum(['class', 'own'])
    .describe('"class": set by a class the student belongs to, and not theirs to change.'),
  className: z.string().nullable().describe('The class that set it; null for the student’s own date.'),
});

const forecastRangeSchema = z.object({
  p: z.number().describe('Expected share of questions answered right.'),
  low: z.number().describe('Lower end of the 90% range.'),
  high: z.number().describe('Upper end of the 90% range.'),
});

const groupForecastSchema = z.object({
  id: z.string(),
  p: z.number().describe('Mean expected chance of a right answer over the group’s items.'),
  low: z.number().describe('90% range of the share right if all the group’s items were asked: lower end.'),
  high: z.number(),
  items: z.number().int(),
  studied: z.number().int().describe('Items forecast from the student’s own memory (the rest from other learners).'),
  studiedP: z.number().nullable().describe('Mean over the studied items only; null when none is studied.'),
});

/** Readiness for one course. Mirrors ReadinessView in lib/data/exam/readiness.ts. */
export const readinessViewSchema = z.object({
  examDate: instant.describe('The instant forecast for: the exam, or a week from now when forecastFor is week.'),
  overall: forecastRangeSchema.extend({
    examSize: z.number().int().describe('The exam length the range is for.'),
  }),
  basis: z
    .object({
      items: z.number().int(),
      studied: z.number().int(),
      firstAttempts: z.number().int().describe('First attempts of other learners behind the first-sight chances.'),
      bankRate: z.number(),
    })
    .describe('What the overall figure rests on.'),
  byLesson: z.array(groupForecastSchema).describe('id is the lesson id.'),
  byConcept: z.array(groupForecastSchema).describe('id is the concept; lowest p first.'),
  weakest: z
    .array(groupForecastSchema)
    .describe('Concepts with at least 3 studied items, ranked by studiedP, weakest first; at most five.'),
  unrankedConcepts: z.number().int().describe('Concepts not ranked for lack of the student’s own answers.'),
  improve: z
    .array(
      z.object({
        lessonId: z.string(),
        expectedMissed: z.number(),
        studied: z.number().int(),
        items: z.number().int(),
      }),
    )
    .describe('Up to three lessons where reviewing would gain the most expected points.'),
  items: z.array(
    z.object({
      itemId: z.string(),
      p: z.number(),
      source: z
        .enum(['memory', 'population'])
        .describe('"memory": the student’s card; "population": how learners do on it when first seen.'),
      recall: z.number().nullable().describe('Chance of remembering it on the exam date; null if never studied.'),
    }),
  ),
  exam: examDateViewSchema.nullable(),
  forecastFor: z
    .enum(['exam', 'week'])
    .describe(
      'exam: the forecast is for the exam day. week: no exam date is set, so it is for a week from now (the horizon ' +
        'of mastery); never for now, when a card answered a minute ago, even wrongly, is ~100% recalled.',
    ),
});

/** A mock-exam attempt in brief. Mirrors MockExamSummary in lib/data/exam/mock-exams.ts. */
export const mockExamSummarySchema = z.object({
  id: z.uuid(),
  startedAt: instant,
  submittedAt: instant.nullable(),
  questionCount: z.number().int(),
  forecast: forecastRangeSchema.describe('The forecast for exactly these questions, made when the attempt started.'),
  score: z.number().nullable().describe('Share of questions right; null until submitted.'),
});

/**
 * An attempt as the student takes it. Mirrors MockExamView in lib/data/exam/mock-exams.ts: questions as item views,
 * so nothing of the key (or of grading) is declared here, and therefore nothing of it can leave the server. Saved
 * answers have the shape they were accepted in (responseSchema).
 */
export const mockExamViewSchema = z.object({
  id: z.uuid(),
  courseId: z.string(),
  status: z.enum(['open', 'submitted']),
  startedAt: instant,
  deadlineAt: instant,
  remainingSec: z.number().int().describe('Seconds left by the server’s clock; 0 once submitted or out of time.'),
  questions: z.array(
    z.object({
      position: z.number().int(),
      view: itemViewSchema,
      response: responseSchema.nullable().describe('The saved answer; null when none was saved.'),
    }),
  ),
});

export const savedExamAnswerSchema = z.object({
  position: z.number().int(),
  savedAt: instant,
  remainingSec: z.number().int(),
});

/** A submitted attempt, graded. Mirrors MockExamResult in lib/data/exam/mock-exams.ts. */
export const mockExamResultSchema = mockExamSummarySchema.extend({
  correctCount: z.number().int(),
  byLesson: z.array(
    z.object({ lessonId: z.string(), title: z.string(), correct: z.number().int(), total: z.number().int() }),
  ),
  byConcept: z
    .array(
      z.object({
        concept: z.string(),
        name: z.string().describe('The concept as learners see it.'),
        correct: z.number().int(),
        total: z.number().int(),
      }),
    )
    .describe('Weakest first.'),
  questions: z.array(
    z.object({
      position: z.number().int(),
      view: itemViewSchema,
      response: responseSchema.nullable().describe('null: not answered (scored as wrong).'),
      correct: z.boolean(),
      feedback: feedbackSchema,
      sources: z.array(sourceViewSchema),
      lessonId: z.string(),
      review: z
        .object({ reviewLogId: z.uuid(), rating: ratingSchema, dueAfter: instant })
        .nullable()
        .describe(
          'The answer as recorded in the review log: its rating and the card’s next due date. null: unanswered.',
        ),
    }),
  ),
});

/** A page of a list that grows; pass nextCursor back as `cursor` for the next one. */
function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('The cursor of the next page; null on the last page.'),
  });
}

export const courseSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  language: z.enum(['id', 'en']),
  lessons: z.number().int(),
});

export const courseListSchema = z.object({ courses: z.array(courseSummarySchema) });

/** Mirrors CourseOutline in lib/data/courses.ts. */
export const courseOutlineSchema = courseSummarySchema.extend({
  lessonList: z.array(
    z.object({
      id: z.string(),
      order: z.number().int(),
      title: z.string(),
      summary: z.string(),
      items: z.number().int().describe('Active questions of the lesson.'),
      inDeck: z.number().int().describe('How many of them are in the caller’s deck.'),
    }),
  ),
});

/** Mirrors DeckLesson in lib/data/review/deck-api.ts. */
export const deckSchema = z.object({
  lessons: z.array(
    z.object({
      courseId: z.string(),
      lessonId: z.string(),
      lessonTitle: z.string(),
      cards: z.number().int().describe('The lesson’s cards in the deck.'),
      items: z.number().int().describe('The lesson’s active questions.'),
    }),
  ),
});

export const deckAddResultSchema = z.object({
  added: z.number().int().describe('New cards (0 when everything was already in the deck).'),
  total: z.number().int().describe('Active questions of the lesson or course.'),
});

/** Mirrors ReviewView in lib/data/review/history.ts. */
export const reviewSchema = z.object({
  id: z.uuid(),
  cardId: z.uuid(),
  itemId: z.string(),
  courseId: z.string(),
  lessonId: z.string(),
  source: z.enum(['review', 'lesson', 'exam']),
  correct: z.boolean(),
  score: z.number(),
  rating: ratingSchema,
  durationMs: z.number().int(),
  answeredAt: instant,
  dueAfter: instant.describe('The card’s due date after this answer.'),
  revoked: z
    .enum(['undone', 'rerated'])
    .nullable()
    .describe('null: counts. "undone": taken back. "rerated": replaced by a later row (revisesId points back).'),
  revisesId: z.uuid().nullable(),
});

export const reviewPageSchema = pageSchema(reviewSchema);

/** Mirrors CardDetail in lib/data/review/history.ts. */
export const cardDetailSchema = z.object({
  cardId: z.uuid(),
  itemId: z.string(),
  courseId: z.string(),
  lessonId: z.string(),
  version: z.number().int().describe('The cardVersion an answer to it must name.'),
  phase: phaseSchema,
  due: instant,
  stabilityDays: z.number().describe('FSRS stability: days until recall falls to 90%. 0 before the first answer.'),
  difficulty: z.number().describe('FSRS difficulty, 1 (easy) to 10 (hard). 0 before the first answer.'),
  retrievability: z
    .number()
    .nullable()
    .describe('Probability of recall now, with the learner’s own FSRS weights; null before the first answer.'),
  scheduledDays: z.number().int(),
  reps: z.number().int(),
  lapses: z.number().int(),
  lastReview: instant.nullable(),
});

/** Mirrors ClassDetail in lib/data/classes/classes.ts. */
export const classDetailSchema = z.object({
  id: classId,
  name: z.string(),
  courseId: z.string(),
  courseTitle: z.string(),
  examDate: instant.nullable(),
  as: z.enum(['instructor', 'member']),
  joinCode: z.string().nullable().describe('For instructors (and admins) only; null for members.'),
  instructors: z.array(z.object({ id: z.uuid(), displayName: z.string() })),
  assignments: z.array(z.object({ lessonId: z.string(), lessonTitle: z.string(), dueAt: instant })),
  lessons: z.array(z.object({ id: z.string(), title: z.string() })),
});

export const joinCodeSchema = z.object({ joinCode: z.string().describe('The new code; the old one stops working.') });

export const classExamDateSchema = z.object({
  examDate: instant.nullable().describe('09:00 on the exam day in the instructor’s time zone; null when cleared.'),
});

export const instructorAddedSchema = z.object({ id: z.uuid(), displayName: z.string() });

export const memberRemovedSchema = z.object({ studentId: z.uuid(), removed: z.literal(true) });

/** Mirrors MemberView in lib/data/classes/members.ts. */
export const memberPageSchema = pageSchema(
  z.object({ id: z.uuid(), displayName: z.string(), email: z.string(), joinedAt: instant }),
);

export const profileSchema = userSchema.omit({ createdAt: true });

export const passwordChangedSchema = z.object({ changed: z.literal(true) });

export const adminUserSchema = userSchema.extend({ disabledAt: instant.nullable() });
export const adminUserPageSchema = pageSchema(adminUserSchema);

export const fitRequestSchema = z.discriminatedUnion('status', [
  z.object({ status: z.enum(['queued', 'alreadyQueued']) }),
  z.object({
    status: z.literal('tooFew'),
    answers: z.number().int().describe('Answers so far that a fit would use.'),
    needed: z.number().int(),
  }),
]);

/**
 * What the handler of a file-download operation (`produces: 'text/csv'`) returns; the dispatcher sends `body` as
 * the response and `filename` in Content-Disposition, so the name is kept to characters that need no quoting.
 */
export const csvFileSchema = z.object({
  filename: z.string().regex(/^[A-Za-z0-9._-]{1,120}\.csv$/),
  body: z.string(),
});

/** Dates leave the API as ISO 8601 instants (UTC). */
export function iso(date: Date): string;
export function iso(date: Date | null): string | null;
export function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}
