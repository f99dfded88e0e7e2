/**
 * CSV for downloads (instructor exports): one function that turns a header and rows into the text of a .csv file.
 * Writing is delegated to csv-stringify (node-csv), which does RFC 4180 quoting; this module owns what the
 * library leaves to us:
 *
 * - A UTF-8 byte order mark first. Excel reads a .csv without one in the legacy ANSI code page, so "Pengetahuan
 *   dasar — é" turns into mojibake; with the BOM it reads UTF-8. Other readers skip it.
 * - CRLF line endings (RFC 4180, and what Excel writes), with fields holding a bare \n or \r still quoted.
 * - Formula injection. A spreadsheet runs a cell starting with `=`, `+`, `-` or `@` (and, in some, a tab or
 *   carriage return) as a formula, so a student who names themselves `=HYPERLINK("http://evil", "klik")` gets code
 *   into the instructor's spreadsheet (OWASP "CSV Injection"). Such cells get a leading apostrophe, the OWASP
 *   advice, which makes the spreadsheet show the text instead; the full-width look-alikes (＝ ＋ － ＠) get it too,
 *   since Apple Numbers folds them to the ASCII ones. Numbers are left alone: a number cell (or a string that is
 *   just a negative decimal, such as `(-0.12).toFixed(2)`) cannot hold a formula, and `'-0.12` would stop it being
 *   a number in the sheet. The apostrophe is visible in the raw file: it is a cost paid for safety.
 *
 * Cells: strings as given, finite numbers via String(), booleans as `true` / `false`, dates as ISO 8601 UTC
 * (`toISOString`), null as an empty field. A row of the wrong length, a non-finite number or an invalid date throws:
 * each is a bug upstream, and a shifted or garbled column would mislead the reader of the export.
 *
 * Server-only in practice: csv-stringify uses Node's Buffer for the BOM.
 */
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | boolean | null | Date;

/** First characters a spreadsheet may treat as the start of a formula (ASCII and their full-width forms). */
const FORMULA_STARTS = new Set(['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);

/** A plain negative decimal, optionally with an exponent: a number to a spreadsheet, never a formula. */
const NEGATIVE_NUMBER = /^-(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/**
 * The text of a CSV file: UTF-8 BOM, `header` as the first record, then `rows`, each record ending in CRLF.
 * Fields are quoted when they hold a comma, quote or line break; formula-like text cells get a leading `'`.
 *
 * @throws RangeError when a row's length differs from the header's, or a cell is a non-finite number or an
 *   invalid date.
 * @example
 * toCsv(['nama', 'skor', 'catatan'], [['Ayu', -0.12, '=1+1'], ['Budi, S.', null, new Date('2026-03-01T00:00:00Z')]])
 * // BOM, then the lines (each ending in \r\n):
 * // nama,skor,catatan
 * // Ayu,-0.12,'=1+1
 * // "Budi, S.",,2026-03-01T00:00:00.000Z
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const records = [header.map((cell) => neutralize(cell))];
  rows.forEach((row, r) => {
    if (row.length !== header.length) {
      throw new RangeError(`toCsv: row ${r} has ${row.length} cells, the header has ${header.length}`);
    }
    records.push(row.map((cell, c) => cellText(cell, r, c)));
  });
  return stringify(records, {
    bom: true,
    record_delimiter: 'windows',
    // Without this, giving record_delimiter turns off quoting of fields that hold a lone \n or \r.
    quote_record_delimiter: true,
    eof: true,
  });
}

function cellText(cell: CsvCell, row: number, column: number): string {
  if (cell === null) return '';
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new RangeError(`toCsv: row ${row}, column ${column} is ${cell}`);
    return String(cell);
  }
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) throw new RangeError(`toCsv: row ${row}, column ${column} is an invalid date`);
    return cell.toISOString();
  }
  return neutralize(cell);
}

/** Prefixes `'` to text a spreadsheet could run as a formula; see the module header. */
function neutralize(text: string): string {
  const first = text[0];
  if (first === undefined || !FORMULA_STARTS.has(first)) return text;
  if (NEGATIVE_NUMBER.test(text)) return text;
  return `'${text}`;
}
