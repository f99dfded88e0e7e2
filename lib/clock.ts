/**
 * The time of a request. Normally the server's clock. Browser tests start the server with INGAT_TEST_CLOCK=1 and
 * may then move time forward with the `ingat-test-now` cookie (an ISO instant), so a test can see cards come back
 * on the days FSRS chose without waiting. The launcher sets the flag only for its throwaway `e2e` database, and the
 * configuration (lib/env.ts) refuses it anywhere else: a server started with it outside INGAT_PROFILE=e2e does not
 * start.
 */
import { cookies } from 'next/headers';
import { env } from '@/lib/env';

export const TEST_CLOCK_COOKIE = 'ingat-test-now';

export async function requestNow(): Promise<Date> {
  if (env().INGAT_TEST_CLOCK !== '1') return new Date();
  const value = (await cookies()).get(TEST_CLOCK_COOKIE)?.value;
  const at = value ? new Date(value) : null;
  return at && !Number.isNaN(at.getTime()) ? at : new Date();
}
