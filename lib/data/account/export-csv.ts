/**
 * The personal-data export (./export.ts) as spreadsheets: one CSV file per table, built from the same document, so the
 * two formats cannot say different things.
 *
 * Why several files and not one zip: each file opens directly in a spreadsheet, on a phone too, where a zip must first
 * be unpacked (and often cannot be); the API already sends CSV files (`produces: 'text/csv'`) and a zip would need a
 * binary download path and a new dependency; and the JSON document is the one complete download for whoever wants
 * everything at once. Column names are the JSON field names, so a column can be found in either format; nested values
 * (an answer's response, a card's memory state before and after) are written as JSON text in one cell.
 */
import { toCsv, type CsvCell } from '@/lib/csv';
import type { PersonalData } from './export';

export const EXPORT_TABLES = [
  'profile',
  'settings',
  'cards',
  'answers',
  'mock-exams',
  'mock-exam-answers',
  'exam-dates',
  'parameter-sets',
  'classes',
  'api-tokens',
  'sessions',
] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

type Columns<R> = readonly (readonly [header: string, cell: (row: R) => CsvCell])[];

type Answer = PersonalData['reviewLog'][number];
type Card = PersonalData['cards'][number];
type MockExam = PersonalData['mockExams'][number];
type MockExamAnswer = MockExam['answers'][number] & { examId: string };
type ClassRow = {
  relation: 'member' | 'instructor';
  classId: string;
  className: string;
  courseId: string;
  since: string;
  removedAt: string | null;
};

const json = (value: unknown) => JSON.stringify(value);

/** The keys of R whose values a CSV cell can hold as they are. */
type ScalarKey<R> = { [K in keyof R]: R[K] extends CsvCell ? K : never }[keyof R] & string;

/** Columns picked by name from a row, each holding the field as it is: `own<Card>(['id', 'due'])`. */
function own<R>(keys: readonly ScalarKey<R>[]): Columns<R> {
  // ScalarKey admits only keys whose values are CsvCells; TypeScript cannot carry that through the index.
  return keys.map((k) => [k, (row: R) => row[k] as CsvCell] as const);
}

function table<R>(columns: Columns<R>, rows: readonly R[]): string {
  return toCsv(
    columns.map(([header]) => header),
    rows.map((row) => columns.map(([, cell]) => cell(row))),
  );
}

const cardColumns = own<Card>([
  'id',
  'itemId',
  'courseId',
  'lessonId',
  'phase',
  'due',
  'stability',
  'difficulty',
  'scheduledDays',
  'learningSteps',
  'reps',
  'lapses',
  'lastReview',
  'version',
  'createdAt',
]);

const answerColumns: Columns<Answer> = [
  ...own<Answer>([
    'id',
    'seq',
    'cardId',
    'itemId',
    'source',
    'answeredAt',
    'timeZone',
    'correct',
    'score',
    'rating',
    'durationMs',
    'desiredRetention',
    'firstAttempt',
    'recallEligible',
    'choice',
    'cardVersionBefore',
    'cardVersionAfter',
    'revisesId',
    'idempotencyKey',
    'seed',
  ]),
  ['response', (a) => json(a.response)],
  ['stateBefore', (a) => json(a.stateBefore)],
  ['stateAfter', (a) => json(a.stateAfter)],
  ['revokedReason', (a) => a.revoked?.reason ?? null],
  ['revokedAt', (a) => a.revoked?.at ?? null],
];

const mockExamColumns: Columns<MockExam> = [
  ...own<MockExam>([
    'id',
    'courseId',
    'timeLimitSec',
    'startedAt',
    'deadlineAt',
    'forecast',
    'forecastLow',
    'forecastHigh',
    'submittedAt',
    'score',
    'correctCount',
  ]),
  ['questions', (e) => json(e.questions)],
];

const mockExamAnswerColumns: Columns<MockExamAnswer> = [
  ...own<MockExamAnswer>(['examId', 'position', 'itemId']),
  ['response', (r) => json(r.response)],
  ...own<MockExamAnswer>(['savedAt', 'correct']),
];

/**
 * One table of the export as the text of a CSV file (see lib/csv for quoting, BOM and formula neutralising).
 * @example personalDataCsv(doc, 'answers') // "\uFEFFid,seq,cardId,…\r\n…"
 */
export function personalDataCsv(doc: PersonalData, name: ExportTable): string {
  switch (name) {
    case 'profile':
      return table(
        own<PersonalData['profile']>([
          'id',
          'email',
          'displayName',
          'role',
          'locale',
          'timeZone',
          'createdAt',
          'passwordChangedAt',
          'disabledAt',
        ]),
        [doc.profile],
      );
    case 'settings':
      return table(
        own<NonNullable<PersonalData['reviewSettings']>>([
          'desiredRetention',
          'newPerDay',
          'maxReviewsPerDay',
          'rolloverHour',
          'parameterSetId',
          'updatedAt',
        ]),
        doc.reviewSettings ? [doc.reviewSettings] : [],
      );
    case 'cards':
      return table(cardColumns, doc.cards);
    case 'answers':
      return table(answerColumns, doc.reviewLog);
    case 'mock-exams':
      return table(mockExamColumns, doc.mockExams);
    case 'mock-exam-answers':
      return table(
        mockExamAnswerColumns,
        doc.mockExams.flatMap((e) => e.answers.map((x): MockExamAnswer => ({ ...x, examId: e.id }))),
      );
    case 'exam-dates':
      return table(own<PersonalData['examDates'][number]>(['courseId', 'examDate', 'setAt']), doc.examDates);
    case 'parameter-sets':
      return table(
        [
          ...own<PersonalData['parameterSets'][number]>([
            'id',
            'courseId',
            'trainReviews',
            'heldOutReviews',
            'logLoss',
            'rmseBins',
            'baselineLogLoss',
            'baselineRmseBins',
            'adopted',
            'reason',
            'createdAt',
          ]),
          ['weights', (p) => p.weights.join(' ')],
        ],
        doc.parameterSets,
      );
    case 'classes':
      return table(own<ClassRow>(['relation', 'classId', 'className', 'courseId', 'since', 'removedAt']), [
        ...doc.classMemberships.map((m): ClassRow => ({ relation: 'member', ...m, since: m.joinedAt })),
        ...doc.classesTaught.map((t): ClassRow => ({
          relation: 'instructor',
          ...t,
          since: t.addedAt,
          removedAt: null,
        })),
      ]);
    case 'api-tokens':
      return table(
        own<PersonalData['apiTokens'][number]>(['id', 'name', 'createdAt', 'lastUsedAt', 'revokedAt']),
        doc.apiTokens,
      );
    case 'sessions':
      return table(
        own<PersonalData['sessions'][number]>(['createdAt', 'lastSeenAt', 'revokedAt', 'userAgent', 'current']),
        doc.sessions,
      );
  }
}
