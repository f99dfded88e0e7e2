/**
 * A JSON Schema (2020-12, as the OpenAPI document has them) as nested lists: each property with its type, whether
 * it is required, its limits and its description; unions as "one of"; references as links to the shared schemas.
 * Only what zod's JSON Schema output produces is handled; anything else shows its type name.
 */
import type { Translate } from '@/lib/i18n/catalogue';

export interface JsonSchema {
  type?: string | string[];
  $ref?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  default?: unknown;
  additionalProperties?: JsonSchema | boolean;
}

function limits(s: JsonSchema): string {
  const out: string[] = [];
  if (s.format) out.push(s.format);
  // A format (uuid, date-time) says more than zod's long pattern for it; an integer's safe-range bounds say nothing.
  if (s.pattern && !s.format) out.push(`pattern ${s.pattern}`);
  const bound = (n: number | undefined) => (n === undefined || Math.abs(n) >= Number.MAX_SAFE_INTEGER ? '…' : n);
  if (bound(s.minimum) !== '…' || bound(s.maximum) !== '…') out.push(`${bound(s.minimum)}–${bound(s.maximum)}`);
  if (s.minLength !== undefined || s.maxLength !== undefined)
    out.push(`length ${s.minLength ?? 0}–${s.maxLength ?? '…'}`);
  if (s.default !== undefined) out.push(`default ${JSON.stringify(s.default)}`);
  return out.length > 0 ? ` (${out.join('; ')})` : '';
}

/** The non-null alternatives of a union, and whether null is one of them. */
function withoutNull(s: JsonSchema): { alternatives: JsonSchema[]; nullable: boolean } {
  const all = s.anyOf ?? s.oneOf ?? [];
  const alternatives = all.filter((a) => a.type !== 'null');
  return { alternatives, nullable: alternatives.length < all.length };
}

export function SchemaView({ schema, t }: { schema: JsonSchema; t: Translate }) {
  if (schema.$ref) {
    const name = schema.$ref.split('/').at(-1)!;
    return <a href={`#schema-${name}`}>{name}</a>;
  }
  if (schema.anyOf || schema.oneOf) {
    const { alternatives, nullable } = withoutNull(schema);
    if (alternatives.length === 1)
      return (
        <>
          <SchemaView schema={alternatives[0]!} t={t} /> {nullable ? t('reference.nullable') : null}
          {schema.description ? <> — {schema.description}</> : null}
        </>
      );
    return (
      <>
        {t('reference.oneOf')}
        {nullable ? ` (${t('reference.nullable')})` : ''}
        {schema.description ? <> — {schema.description}</> : null}
        <ol>
          {alternatives.map((a, i) => (
            <li key={i}>
              <SchemaView schema={a} t={t} />
            </li>
          ))}
        </ol>
      </>
    );
  }
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const nullable = types.includes('null');
  const type = types.filter((x) => x !== 'null').join(' | ') || (schema.const !== undefined ? 'const' : 'any');
  const described = schema.description ? <> — {schema.description}</> : null;
  if (schema.const !== undefined)
    return (
      <>
        <code>{JSON.stringify(schema.const)}</code>
        {described}
      </>
    );
  if (schema.enum)
    return (
      <>
        {schema.enum.map((v, i) => (
          <span key={i}>
            {i > 0 ? ' | ' : ''}
            <code>{JSON.stringify(v)}</code>
          </span>
        ))}
        {nullable ? ` ${t('reference.nullable')}` : ''}
        {described}
      </>
    );
  if (type === 'array' && schema.items)
    return (
      <>
        array{nullable ? ` ${t('reference.nullable')}` : ''}
        {described}: <SchemaView schema={schema.items} t={t} />
      </>
    );
  if (type === 'object' && schema.properties) {
    const required = new Set(schema.required ?? []);
    return (
      <>
        object{nullable ? ` ${t('reference.nullable')}` : ''}
        {described}
        <ul>
          {Object.entries(schema.properties).map(([name, property]) => (
            <li key={name}>
              <code>{name}</code> ({required.has(name) ? t('reference.required') : t('reference.optional')}):{' '}
              <SchemaView schema={property} t={t} />
            </li>
          ))}
        </ul>
      </>
    );
  }
  if (type === 'object' && typeof schema.additionalProperties === 'object')
    return (
      <>
        map{nullable ? ` ${t('reference.nullable')}` : ''}
        {described}: <SchemaView schema={schema.additionalProperties} t={t} />
      </>
    );
  return (
    <>
      {type}
      {nullable ? ` ${t('reference.nullable')}` : ''}
      {limits(schema)}
      {described}
    </>
  );
}
