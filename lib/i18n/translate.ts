/**
 * Looking up a dotted key in a (possibly partial) catalogue and filling its `{name}` placeholders: shared by the
 * server's full catalogues (catalogue.ts) and the client's per-page sections (client.tsx). Imports no catalogue,
 * so a client bundle that uses it carries no messages.
 */

export function lookup(messages: unknown, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** @example fillTemplate('{n} kartu', { n: 3 }) // "3 kartu"; a placeholder without a value stays as written */
export function fillTemplate(template: string, params?: Record<string, string | number>): string {
  return params ? template.replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m)) : template;
}
