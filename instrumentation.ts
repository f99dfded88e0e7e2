/**
 * Runs once when a server process starts: opens the background job queue and its workers (parameter fitting).
 * INGAT_JOBS=0 starts a process without workers.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.INGAT_JOBS === '0') return;
  const { appQueue } = await import('./lib/jobs/app-queue');
  await appQueue();
}
