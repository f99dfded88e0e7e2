/** Process and HTTP plumbing of the fault suite: memory of a process tree, health waits, oversized bodies. */
import { readFileSync, readdirSync } from 'node:fs';
import http from 'node:http';

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null; // the process ended while we looked
  }
}

/** The direct children of `parent` (from /proc). */
/** A process's command line as one string (arguments joined by spaces), or '' when it has gone. */
export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

export function childPids(parent: number): number[] {
  return readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e))
    .map(Number)
    .filter((pid) => parentOf(pid) === parent);
}

function rssKb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Resident memory of a process and all its descendants, in MB. */
export function processTreeRssMb(pid: number): number {
  let kb = 0;
  const queue = [pid];
  while (queue.length > 0) {
    const p = queue.pop()!;
    kb += rssKb(p);
    queue.push(...childPids(p));
  }
  return Math.round(kb / 1024);
}

/** Samples `read()` every `everyMs` until stopped; returns the highest value seen. */
export function sample(read: () => number, everyMs: number): { stop(): number } {
  let max = read();
  const timer = setInterval(() => {
    max = Math.max(max, read());
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(max, read());
    },
  };
}

/** Resolves once GET /api/health answers 200; rejects after `timeoutMs`. */
export async function waitForHealth(base: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const ok = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5_000) }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await sleep(500);
  }
  throw new Error(`${base} did not become healthy within ${timeoutMs} ms`);
}

export interface PostResult {
  url: string;
  status: number | 'error';
  ms: number;
}

/**
 * POSTs up to `bytes` of body without a Content-Length (chunked), 64 KiB at a time, and stops sending as soon as
 * the server answers or closes: what a client that streams a huge body does.
 */
export function chunkedPost(url: string, bytes: number, headers: Record<string, string>): Promise<PostResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    let done = false;
    const finish = (status: number | 'error') => {
      if (done) return;
      done = true;
      resolve({ url, status, ms: performance.now() - started });
    };
    const req = http.request(url, { method: 'POST', headers: { ...headers, 'transfer-encoding': 'chunked' } });
    req.on('response', (res) => {
      res.resume();
      finish(res.statusCode ?? 'error');
      req.destroy();
    });
    req.on('error', () => finish('error'));
    req.setTimeout(60_000, () => req.destroy());
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let sent = 0;
    const pump = () => {
      while (!done && sent < bytes) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!done) req.end();
    };
    pump();
  });
}
