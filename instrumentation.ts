/**
 * Runs once when a server process starts: checks the whole configuration (a process that would fail on its first
 * request, or that would let a cookie set its clock outside the browser tests, does not start), then opens the
 * background job queue and its workers (parameter fitting). INGAT_JOBS=0 starts a process without workers.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { env } = await import('./lib/env');
  try {
    env();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  if (process.env.INGAT_JOBS === '0') return;
  const { startAppQueue } = await import('./lib/jobs/app-queue');
  startAppQueue();
}
