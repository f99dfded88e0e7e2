'use client';
/**
 * Translations in client components. A page wraps its client components in <ClientMessages namespaces={…}>
 * (lib/i18n/client-messages.tsx), which hands down only those sections of the request's language; useTranslator()
 * reads them. The catalogues themselves never enter the browser's JavaScript (both were ~30 KB gzip on every page).
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Messages, Translate } from './catalogue';
import { fillTemplate, lookup } from './translate';

const MessagesContext = createContext<Partial<Messages> | null>(null);

/** Nested providers add their sections to the ones around them. */
export function MessagesProvider({ messages, children }: { messages: Partial<Messages>; children: ReactNode }) {
  const outer = useContext(MessagesContext);
  const merged = useMemo(() => (outer ? { ...outer, ...messages } : messages), [outer, messages]);
  return <MessagesContext value={merged}>{children}</MessagesContext>;
}

/** The translate function over the sections handed down; a key outside them shows as the key, to be noticed. */
export function useTranslator(): Translate {
  const messages = useContext(MessagesContext);
  if (!messages) throw new Error('useTranslator() needs <ClientMessages> around the component');
  return useMemo<Translate>(() => (key, params) => fillTemplate(lookup(messages, key) ?? key, params), [messages]);
}
