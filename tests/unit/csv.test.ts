import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { toCsv } from '@/lib/csv';

const BOM = '\uFEFF';

/** Parses `toCsv` output back into cells, the way a spreadsheet import would (BOM stripped, CRLF records). */
const readBack = (csv: string): string[][] => parse(csv, { bom: true, record_delimiter: '\r\n' });

describe('toCsv', () => {
  it('starts with one UTF-8 byte order mark so Excel reads UTF-8', () => {
    const csv = toCsv(['a'], [['b']]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1)).not.toContain(BOM);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('ends every record, the last included, with CRLF', () => {
    expect(toCsv(['nama', 'skor'], [['Ayu', 3]])).toBe(`${BOM}nama,skor\r\nAyu,3\r\n`);
  });

  it('writes just the header when there are no rows', () => {
    expect(toCsv(['nama', 'skor'], [])).toBe(`${BOM}nama,skor\r\n`);
  });

  it('writes the documented example exactly', () => {
    const csv = toCsv(
      ['nama', 'skor', 'catatan'],
      [
        ['Ayu', -0.12, '=1+1'],
        ['Budi, S.', null, new Date('2026-03-01T00:00:00Z')],
      ],
    );
    expect(csv).toBe(`${BOM}nama,skor,catatan\r\nAyu,-0.12,'=1+1\r\n"Budi, S.",,2026-03-01T00:00:00.000Z\r\n`);
  });

  it('quotes commas, quotes and line breaks so they survive a round trip', () => {
    const tricky = [
      'koma, di tengah',
      'kutipan "ganda" di dalam',
      'baris\nbaru',
      'baris\r\nbaru Windows',
      'hanya\rCR',
      '',
      '  spasi di tepi  ',
    ];
    const csv = toCsv(
      ['teks'],
      tricky.map((t) => [t]),
    );
    expect(csv).toContain('"kutipan ""ganda"" di dalam"');
    expect(csv).toContain('"baris\nbaru"');
    expect(csv).toContain('"hanya\rCR"');
    expect(readBack(csv)).toEqual([['teks'], ...tricky.map((t) => [t])]);
  });

  it('writes dates as ISO 8601 UTC, null as an empty field and booleans as true/false', () => {
    const csv = toCsv(
      ['kapan', 'kosong', 'benar', 'salah'],
      [[new Date('2026-03-01T07:30:00+07:00'), null, true, false]],
    );
    expect(readBack(csv)[1]).toEqual(['2026-03-01T00:30:00.000Z', '', 'true', 'false']);
  });

  it.each([
    ['=', '=HYPERLINK("http://contoh.test","klik")'],
    ['+', '+62 812 3456'],
    ['-', "-2+3+cmd|' /C calc'!A0"],
    ['@', '@SUM(A1:A2)'],
    ['tab', '\t=1+1'],
    ['carriage return', '\r=1+1'],
    ['full-width =', '\uFF1D1+1'],
  ])('neutralises a cell starting with %s by prefixing an apostrophe', (_, text) => {
    const csv = toCsv(['nama'], [[text]]);
    expect(readBack(csv)[1]).toEqual([`'${text}`]);
  });

  it('neutralises formula-like header cells too', () => {
    expect(readBack(toCsv(['=cmd'], [['x']]))[0]).toEqual(["'=cmd"]);
  });

  it('keeps negative numbers as numbers, whether given as numbers or as plain decimal text', () => {
    const csv = toCsv(['a', 'b', 'c', 'd', 'e'], [[-0.12, '-0.12', -3, '-1.5e-7', '-1-1']]);
    expect(csv.split('\r\n')[1]).toBe("-0.12,-0.12,-3,-1.5e-7,'-1-1");
  });

  it('leaves ordinary text alone, however it continues', () => {
    expect(readBack(toCsv(['a', 'b'], [['a=b', 'e-mail: ayu@contoh.test']]))[1]).toEqual([
      'a=b',
      'e-mail: ayu@contoh.test',
    ]);
  });

  it('keeps Indonesian text with diacritics and other scripts intact', () => {
    const texts = ['Pengetahuan dasar — “ingatan”', 'Désa Pénida, Bali', 'Ngurah Rai Séno', 'ꦲꦏ꧀ꦱꦫ ꦗꦮ', 'Ñusa 🌺'];
    const csv = toCsv(
      ['teks'],
      texts.map((t) => [t]),
    );
    for (const t of texts) expect(csv).toContain(t);
    expect(readBack(csv).slice(1).flat()).toEqual(texts);
  });

  it('refuses a row whose length differs from the header', () => {
    expect(() => toCsv(['a', 'b'], [['x']])).toThrow(RangeError);
  });

  it('refuses non-finite numbers and invalid dates rather than writing garbage', () => {
    expect(() => toCsv(['a'], [[Number.NaN]])).toThrow(RangeError);
    expect(() => toCsv(['a'], [[Number.NEGATIVE_INFINITY]])).toThrow(RangeError);
    expect(() => toCsv(['a'], [[new Date('bukan tanggal')]])).toThrow(RangeError);
  });
});
