/**
 * Server side of client translations: picks the named sections of the request's language and provides them to
 * the client components inside (see lib/i18n/client.tsx).
 * @example <ClientMessages namespaces={['question', 'review']}><ReviewCard … /></ClientMessages>
 */
import type { ReactNode } from 'react';
import { messagesFor, type Namespace } from './catalogue';
import { MessagesProvider } from './client';
import { requestLocale } from './server';

export async function ClientMessages({ namespaces, children }: { namespaces: Namespace[]; children: ReactNode }) {
  const locale = await requestLocale();
  return <MessagesProvider messages={messagesFor(locale, namespaces)}>{children}</MessagesProvider>;
}
