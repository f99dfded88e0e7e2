/** Who is on the other end of the current request, for server actions and pages (the API reads its own request). */
import { headers } from 'next/headers';
import { clientIp } from './client-ip';

export interface RequestClient {
  ip: string;
  userAgent: string | null;
}

export async function requestClient(): Promise<RequestClient> {
  const h = await headers();
  return { ip: clientIp(h), userAgent: h.get('user-agent') };
}
