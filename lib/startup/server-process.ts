/**
 * What a server process does once at start (called from instrumentation.ts on the Node.js runtime only, so the
 * Edge build never sees process.exit): checks the whole configuration, and a process that would fail on its first
 * request does not start; then opens the background job queue and its workers unless INGAT_JOBS=0.
 */
import { env } from '@/lib/env';

export async function startServerProcess(): Promise<void> {
  try {
    env();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  if (process.env.INGAT_JOBS === '0') return;
  const { startAppQueue } = await import('@/lib/jobs/app-queue');
  startAppQueue();
}
