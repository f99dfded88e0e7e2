import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { NextConfig } from 'next';
import { describe, expect, it } from 'vitest';
import { readAtMost, SERVER_ACTION_BODY_LIMIT } from '@/lib/http/bounded-body';

/** A body of `chunks` chunks of `size` bytes, counting how many were pulled and whether it was cancelled. */
function stream(chunks: number, size: number) {
  const seen = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (seen.pulled === chunks) return controller.close();
      seen.pulled++;
      controller.enqueue(new Uint8Array(size).fill(97));
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { body, seen };
}

describe('reading a body within a limit', () => {
  it('returns a body within the limit whole', async () => {
    const { body } = stream(3, 1000);
    const read = await readAtMost(body, 3000);
    expect(read.over).toBe(false);
    expect(read.over === false && read.bytes.byteLength).toBe(3000);
  });

  it('stops just past the limit and cancels the rest, whatever the headers say (a 20 MB chunked body)', async () => {
    const { body, seen } = stream(320, 64 * 1024);
    expect(await readAtMost(body, 8 * 1024, new Headers())).toEqual({ over: true });
    expect(seen.pulled).toBeLessThanOrEqual(3);
    expect(seen.cancelled).toBe(true);
  });

  it('refuses a declared Content-Length over the limit without reading', async () => {
    const { body, seen } = stream(1, 10);
    expect(await readAtMost(body, 8, new Headers({ 'content-length': '9' }))).toEqual({ over: true });
    expect(seen.pulled).toBeLessThanOrEqual(1);
  });
});

describe('the server actions body limit', () => {
  it('is the same in next.config.mjs and in the proxy that answers 413 for it', async () => {
    const configUrl = pathToFileURL(resolve(import.meta.dirname, '../../next.config.mjs')).href;
    const config = ((await import(configUrl)) as { default: NextConfig }).default;
    expect(config.experimental?.serverActions?.bodySizeLimit).toBe(SERVER_ACTION_BODY_LIMIT);
    // The proxy's copy of a body must hold more than the limit, or a body over it could look within it.
    expect(config.experimental?.proxyClientMaxBodySize).toBeGreaterThanOrEqual(2 * SERVER_ACTION_BODY_LIMIT);
  });
});
