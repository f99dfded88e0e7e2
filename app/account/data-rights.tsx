/**
 * The account page's data-rights sections: download everything Ingat holds about the learner (JSON, or CSV per
 * table, served by the API's exportMyData / exportMyDataCsv under the browser session), and delete the account.
 */
import { EXPORT_TABLES, type ExportTable } from '@/lib/data/account/export-csv';
import type { MessageKey, Translate } from '@/lib/i18n/catalogue';
import { DeleteAccountForm } from './delete-account-form';

const TABLE_LABEL: Record<ExportTable, MessageKey> = {
  profile: 'dataRights.tables.profile',
  settings: 'dataRights.tables.settings',
  cards: 'dataRights.tables.cards',
  answers: 'dataRights.tables.answers',
  'mock-exams': 'dataRights.tables.mockExams',
  'mock-exam-answers': 'dataRights.tables.mockExamAnswers',
  'exam-dates': 'dataRights.tables.examDates',
  'parameter-sets': 'dataRights.tables.parameterSets',
  classes: 'dataRights.tables.classes',
  'api-tokens': 'dataRights.tables.apiTokens',
  sessions: 'dataRights.tables.sessions',
};

export function ExportSection({ t, day }: { t: Translate; day: string }) {
  return (
    <section className="card" aria-labelledby="export-title">
      <h2 id="export-title">{t('dataRights.exportTitle')}</h2>
      <p>{t('dataRights.exportLead')}</p>
      <p>
        <a className="button" href="/api/v1/me/export" download={`ingat-data-${day}.json`}>
          {t('dataRights.exportJson')}
        </a>
      </p>
      <p className="hint">{t('dataRights.exportJsonHint')}</p>
      <h3>{t('dataRights.exportCsvTitle')}</h3>
      <p className="hint">{t('dataRights.exportCsvHint')}</p>
      <ul className="export-tables">
        {EXPORT_TABLES.map((table) => (
          <li key={table}>
            <a href={`/api/v1/me/export.csv?table=${table}`} download>
              {t('dataRights.exportCsvLink', { table: t(TABLE_LABEL[table]) })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function DeleteSection({ t }: { t: Translate }) {
  return (
    <section className="card danger-zone" aria-labelledby="delete-title">
      <h2 id="delete-title">{t('dataRights.deleteTitle')}</h2>
      <p>{t('dataRights.deleteLead')}</p>
      <h3>{t('dataRights.whatGoesTitle')}</h3>
      <ul>
        <li>{t('dataRights.whatGoes1')}</li>
        <li>{t('dataRights.whatGoes2')}</li>
        <li>{t('dataRights.whatGoes3')}</li>
      </ul>
      <h3>{t('dataRights.whatStaysTitle')}</h3>
      <ul>
        <li>{t('dataRights.whatStays1')}</li>
        <li>{t('dataRights.whatStays2')}</li>
      </ul>
      <DeleteAccountForm
        labels={{
          password: t('dataRights.password'),
          passwordHint: t('dataRights.passwordHint'),
          confirm: t('dataRights.confirm'),
          submit: t('dataRights.submit'),
        }}
      />
    </section>
  );
}
