/**
 * The API guide: how to get a token, a first request, idempotency, conflicts, errors, limits and pages, in the
 * reader's language. The examples are real requests against this very server; the reference and the OpenAPI
 * document are beside it. Public: reading how the API works needs no account.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { HTTP_STATUS } from '@/lib/errors';
import { getT } from '@/lib/i18n/server';
import { POLICIES } from '@/lib/limits/limits';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t('developers.title') };
}

const TOKEN = `curl -X POST "$INGAT/api/v1/tokens" \\
  -H 'Content-Type: application/json' \\
  -d '{"email":"sari@ingat.test","password":"…","name":"laptop"}'
# → 201 {"token":"ingat_…", …}   (shown once)

export TOKEN=ingat_…`;

const FIRST = `# The catalogue, then one lesson into the deck
curl "$INGAT/api/v1/courses" -H "Authorization: Bearer $TOKEN"
curl -X POST "$INGAT/api/v1/deck" -H "Authorization: Bearer $TOKEN" \\
  -H 'Content-Type: application/json' \\
  -d '{"courseId":"struktur-keamanan-regional","lessonId":"pertahanan-kolektif"}'

# The next card: {"next": {"cardId", "cardVersion", "view": {...}}, "counts": {...}}
curl "$INGAT/api/v1/review/next" -H "Authorization: Bearer $TOKEN"

# Answer it (the response's shape follows view.kind)
curl -X POST "$INGAT/api/v1/review/answers" -H "Authorization: Bearer $TOKEN" \\
  -H 'Content-Type: application/json' \\
  -d '{"cardId":"…","cardVersion":1,"idempotencyKey":"'$(uuidgen)'",
       "response":{"kind":"single","optionId":"b"},"durationMs":5200}'
# → {"correct":true,"rating":"good","nextDue":"…","adjustments":["guessed","hard","easy"], …}`;

const ERROR = `HTTP/1.1 400 Bad Request
{"error": {"code": "invalid", "message": "Please check the highlighted fields.",
           "fields": {"newPerDay": ["New cards per day must be a whole number from 0 to 200."]}}}`;

const CODES = [...(Object.entries(HTTP_STATUS) as [string, number][]), ['internal', 500] as [string, number]].sort(
  (a, b) => a[1] - b[1],
);

export default async function DevelopersPage() {
  const { t } = await getT();
  return (
    <>
      <h1>{t('developers.title')}</h1>
      <p className="lead">{t('developers.lead')}</p>
      <p>
        <Link href="/developers/reference">{t('developers.referenceLink')}</Link> ·{' '}
        <a href="/api/v1/openapi.json">{t('developers.documentLink')}</a>
      </p>

      <section className="card" aria-labelledby="token">
        <h2 id="token">{t('developers.tokenTitle')}</h2>
        <p>{t('developers.tokenText')}</p>
        <pre tabIndex={0}>
          <code>{TOKEN}</code>
        </pre>
      </section>

      <section className="card" aria-labelledby="first">
        <h2 id="first">{t('developers.firstTitle')}</h2>
        <p>{t('developers.firstText')}</p>
        <pre tabIndex={0}>
          <code>{FIRST}</code>
        </pre>
      </section>

      <section className="card" aria-labelledby="idempotency">
        <h2 id="idempotency">{t('developers.idempotencyTitle')}</h2>
        <p>{t('developers.idempotencyText')}</p>
      </section>

      <section className="card" aria-labelledby="conflicts">
        <h2 id="conflicts">{t('developers.conflictsTitle')}</h2>
        <p>{t('developers.conflictsText')}</p>
        <p>{t('developers.offlineText')}</p>
      </section>

      <section className="card" aria-labelledby="errors">
        <h2 id="errors">{t('developers.errorsTitle')}</h2>
        <p>{t('developers.errorsText')}</p>
        <pre tabIndex={0}>
          <code>{ERROR}</code>
        </pre>
        <table>
          <caption>{t('developers.codesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">code</th>
              <th scope="col">HTTP</th>
            </tr>
          </thead>
          <tbody>
            {CODES.map(([code, status]) => (
              <tr key={code}>
                <td>
                  <code>{code}</code>
                </td>
                <td>{status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="card" aria-labelledby="limits">
        <h2 id="limits">{t('developers.limitsTitle')}</h2>
        <p>{t('developers.limitsText')}</p>
        <ul>
          {Object.entries(POLICIES).map(([name, policy]) => (
            <li key={name}>
              <code>{name}</code>: {policy.user.points} / {policy.user.durationSeconds} s ({t('developers.perUser')}),{' '}
              {policy.ip.points} / {policy.ip.durationSeconds} s ({t('developers.perIp')})
            </li>
          ))}
        </ul>
        <p>{t('developers.pollingText')}</p>
        <p>{t('developers.pagingText')}</p>
      </section>

      <section className="card" aria-labelledby="reference">
        <h2 id="reference">{t('developers.referenceTitle')}</h2>
        <p>{t('developers.documentText')}</p>
        <ul>
          <li>
            <Link href="/developers/reference">{t('developers.referenceLink')}</Link>
          </li>
          <li>
            <a href="/api/v1/openapi.json">{t('developers.documentLink')}</a>
          </li>
        </ul>
      </section>
    </>
  );
}
