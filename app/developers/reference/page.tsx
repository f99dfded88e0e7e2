/**
 * The API reference, rendered on the server from the OpenAPI document (lib/api/openapi.ts) that the API itself is
 * generated from: every operation with its parameters, body, responses and their schemas. No script and no
 * network: it works under the pages' strict CSP and offline, and cannot disagree with /api/v1/openapi.json.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { openApiDocument, type OpenApiOperation } from '@/lib/api/openapi';
import { getT } from '@/lib/i18n/server';
import { SchemaView, type JsonSchema } from './schema-view';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t('reference.title') };
}

interface Entry {
  method: string;
  path: string;
  op: OpenApiOperation;
}

type Translate = Awaited<ReturnType<typeof getT>>['t'];

interface ResponseObject {
  description?: string;
  $ref?: string;
  content?: Record<string, { schema?: JsonSchema }>;
}

function Operation({ entry, t, responses }: { entry: Entry; t: Translate; responses: Record<string, unknown> }) {
  const { method, path, op } = entry;
  const body = op.requestBody?.content['application/json'].schema;
  return (
    <section className="card" aria-labelledby={op.operationId}>
      <h3 id={op.operationId}>
        <code>
          {method.toUpperCase()} /api/v1{path}
        </code>
      </h3>
      <p>
        <strong>{op.summary}</strong> · <code>{op.operationId}</code> ·{' '}
        {op.security.length > 0 ? t('reference.auth') : t('reference.noAuth')}
      </p>
      {op.description ? <p>{op.description}</p> : null}
      {op.parameters && op.parameters.length > 0 ? (
        <table>
          <caption>{t('reference.parameters')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reference.name')}</th>
              <th scope="col">{t('reference.where')}</th>
              <th scope="col">{t('reference.type')}</th>
            </tr>
          </thead>
          <tbody>
            {op.parameters.map((p) => (
              <tr key={`${p.in}:${p.name}`}>
                <td>
                  <code>{p.name}</code> ({p.required ? t('reference.required') : t('reference.optional')})
                </td>
                <td>{p.in}</td>
                <td>
                  <SchemaView schema={p.schema as JsonSchema} t={t} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {body ? (
        <>
          <h4>
            {t('reference.body')} ({op.requestBody!.required ? t('reference.required') : t('reference.optional')},{' '}
            <code>application/json</code>)
          </h4>
          <SchemaView schema={body as JsonSchema} t={t} />
        </>
      ) : null}
      <h4>{t('reference.responses')}</h4>
      <dl>
        {Object.entries(op.responses).map(([status, raw]) => {
          const ref = (raw as ResponseObject).$ref;
          const response = (ref ? responses[ref.split('/').at(-1)!] : raw) as ResponseObject;
          const [type, media] = Object.entries(response.content ?? {})[0] ?? [];
          return (
            <div key={status}>
              <dt>
                <code>{status}</code> {response.description}
              </dt>
              <dd>
                {type && !ref ? (
                  <>
                    <code>{type}</code> {media?.schema ? <SchemaView schema={media.schema} t={t} /> : null}
                  </>
                ) : ref ? (
                  <a href="#schema-Error">Error</a>
                ) : null}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}

export default async function ReferencePage() {
  const { t } = await getT();
  const doc = openApiDocument();
  const entries: Entry[] = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
    Object.entries(byMethod).map(([method, op]) => ({ method, path, op })),
  );
  const tags = doc.tags.map((tag) => tag.name);
  return (
    <>
      <h1>{t('reference.title')}</h1>
      <p className="lead">{t('reference.lead')}</p>
      <p>
        <Link href="/developers">{t('reference.guide')}</Link> · <a href="/api/v1/openapi.json">openapi.json</a>
      </p>
      {doc.info.description.split('\n\n').map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
      <nav aria-labelledby="contents">
        <h2 id="contents">{t('reference.contents')}</h2>
        {tags.map((tag) => (
          <div key={tag}>
            <h3>{tag}</h3>
            <ul>
              {entries
                .filter((e) => e.op.tags.includes(tag))
                .map((e) => (
                  <li key={e.op.operationId}>
                    <a href={`#${e.op.operationId}`}>
                      <code>{e.method.toUpperCase()}</code> {e.path}
                    </a>{' '}
                    — {e.op.summary}
                  </li>
                ))}
            </ul>
          </div>
        ))}
      </nav>
      {tags.map((tag) => (
        <section key={tag} aria-labelledby={`tag-${tag}`}>
          <h2 id={`tag-${tag}`}>{tag}</h2>
          {entries
            .filter((e) => e.op.tags.includes(tag))
            .map((e) => (
              <Operation key={e.op.operationId} entry={e} t={t} responses={doc.components.responses} />
            ))}
        </section>
      ))}
      <section aria-labelledby="schemas">
        <h2 id="schemas">{t('reference.schemas')}</h2>
        {Object.entries(doc.components.schemas).map(([name, schema]) => (
          <div key={name} className="card">
            <h3 id={`schema-${name}`}>{name}</h3>
            <SchemaView schema={schema as JsonSchema} t={t} />
          </div>
        ))}
      </section>
    </>
  );
}
