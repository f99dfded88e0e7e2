import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { EXPORT_TABLES, personalDataCsv } from '@/lib/data/account/export-csv';
import { PERSONAL_DATA_EXAMPLE } from '@/lib/data/account/export-example';
import type { PersonalData } from '@/lib/data/account/export';

/** A table read back the way a spreadsheet import would. */
const readBack = (csv: string): Record<string, string>[] =>
  parse(csv, { bom: true, record_delimiter: '\r\n', columns: true });

describe('personal-data export as CSV', () => {
  it('writes one row per record of each table, with the JSON field names as columns', () => {
    const doc = PERSONAL_DATA_EXAMPLE;
    const rows = Object.fromEntries(EXPORT_TABLES.map((t) => [t, readBack(personalDataCsv(doc, t))]));
    expect(rows.profile).toEqual([
      {
        id: doc.profile.id,
        email: 'sari@kampus.ac.id',
        displayName: 'Sari',
        role: 'STUDENT',
        locale: 'id',
        timeZone: 'Asia/Jakarta',
        createdAt: '2026-11-20T01:00:00.000Z',
        passwordChangedAt: '2026-11-20T01:00:00.000Z',
        disabledAt: '',
      },
    ]);
    expect(rows.cards).toHaveLength(1);
    expect(rows.answers).toHaveLength(1);
    expect(rows['mock-exams']).toHaveLength(0);
    expect(rows['exam-dates']).toEqual([
      { courseId: 'keamanan-kawasan', examDate: '2026-12-20T02:00:00.000Z', setAt: '2026-11-25T03:00:00.000Z' },
    ]);
    expect(rows.classes).toEqual([
      {
        relation: 'member',
        classId: doc.classMemberships[0]!.classId,
        className: 'HI Kelas A',
        courseId: 'keamanan-kawasan',
        since: '2026-11-20T02:00:00.000Z',
        removedAt: '',
      },
    ]);
  });

  it('keeps nested values as JSON text that reads back to the same value', () => {
    const [answer] = readBack(personalDataCsv(PERSONAL_DATA_EXAMPLE, 'answers'));
    const original = PERSONAL_DATA_EXAMPLE.reviewLog[0]!;
    expect(JSON.parse(answer!.response!)).toEqual(original.response);
    expect(JSON.parse(answer!.stateAfter!)).toEqual(original.stateAfter);
    expect(answer).toMatchObject({ id: original.id, seq: '1042', correct: 'true', rating: 'GOOD', revokedAt: '' });
  });

  it('writes an empty settings table (header only) when the learner never changed the defaults', () => {
    const doc: PersonalData = { ...PERSONAL_DATA_EXAMPLE, reviewSettings: null };
    const csv = personalDataCsv(doc, 'settings');
    expect(csv).toBe('\uFEFFdesiredRetention,newPerDay,maxReviewsPerDay,rolloverHour,parameterSetId,updatedAt\r\n');
  });

  it('neutralises a name a spreadsheet would run as a formula', () => {
    const doc: PersonalData = {
      ...PERSONAL_DATA_EXAMPLE,
      profile: { ...PERSONAL_DATA_EXAMPLE.profile, displayName: '=HYPERLINK("http://evil")' },
    };
    expect(readBack(personalDataCsv(doc, 'profile'))[0]!.displayName).toBe('\'=HYPERLINK("http://evil")');
  });

  it('lists members and instructors of classes in one table, told apart by relation', () => {
    const doc: PersonalData = {
      ...PERSONAL_DATA_EXAMPLE,
      classesTaught: [{ classId: 'c2', className: 'Kelas B', courseId: 'k', addedAt: '2026-11-01T00:00:00.000Z' }],
    };
    expect(readBack(personalDataCsv(doc, 'classes')).map((r) => [r.relation, r.className])).toEqual([
      ['member', 'HI Kelas A'],
      ['instructor', 'Kelas B'],
    ]);
  });
});
