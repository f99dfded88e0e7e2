/** Who is on the other end of the current request, for server actions and pages (the API reads its own request). */
import { headers } from 'next/headers';
import { env } from '@/lib/env';
import { clientIp } from './client-ip';

export interface RequestClient {
  ip: string;
  userAgent: string | null;
}

export async function requestClient(): Promise<RequestClient> {
  const h = await headers();
  return { ip: clientIp(h), userAgent: h.get('user-agent') };
}

/**
 * The site's address for a link a person reads on screen (a reset link, a class's join link): the configured APP_URL,
 * else the address this page was asked for. Mail never uses the second (lib/data/auth/password-reset.ts says why).
 */
export async function siteOrigin(): Promise<string> {
  const configured = env().APP_URL;
  if (configured) return configured;
  const h = await headers();
  return `${h.get('x-forwarded-proto') ?? 'http'}://${h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost'}`;
}
