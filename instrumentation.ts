/**
 * Runs once when a server process starts: checks the whole configuration (a process that would fail on its first
 * request, or that would let a cookie set its clock outside the browser tests, does not start), then opens the
 * background job queue and its workers (parameter fitting). INGAT_JOBS=0 starts a process without workers.
 * The work lives in lib/startup/server-process.ts, imported on the Node.js runtime only.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startServerProcess } = await import('./lib/startup/server-process');
  await startServerProcess();
}
