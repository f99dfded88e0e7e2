/**
 * Reading a request body without trusting its headers: a body is counted while it is read, and reading stops as
 * soon as it passes the limit, so a chunked body (no Content-Length) or one that lies about its length can never
 * make the process hold more than the limit. Used by the proxy (server-action bodies) and the Auth.js route.
 */

/** serverActions.bodySizeLimit in next.config.mjs (a unit test holds the two equal); proxy.ts enforces it. */
export const SERVER_ACTION_BODY_LIMIT = 64 * 1024;

export type Bounded = { over: false; bytes: Uint8Array<ArrayBuffer> } | { over: true };

/** The declared Content-Length, or null when absent or not a plain number. */
export function declaredLength(headers: Headers): number | null {
  const value = headers.get('content-length');
  return value !== null && /^\d+$/.test(value) ? Number(value) : null;
}

/**
 * The whole body when it has at most `limitBytes` bytes; `{ over: true }` (after reading just past the limit, and
 * cancelling the rest) when it has more, or when its Content-Length says so.
 */
export async function readAtMost(
  body: ReadableStream<Uint8Array> | null,
  limitBytes: number,
  headers?: Headers,
): Promise<Bounded> {
  const declared = headers ? declaredLength(headers) : null;
  if (declared !== null && declared > limitBytes) {
    await body?.cancel().catch(() => undefined);
    return { over: true };
  }
  if (!body) return { over: false, bytes: new Uint8Array(0) };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) {
      await reader.cancel().catch(() => undefined);
      return { over: true };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { over: false, bytes };
}
