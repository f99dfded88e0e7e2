'use client';
/**
 * What an error boundary shows. It asks /api/health why the page failed: when the database is unreachable (503),
 * a calm "back in a moment" that checks again every few seconds and reloads the page by itself once the database
 * answers; otherwise the plain "something went wrong". A client error boundary cannot know the request's locale,
 * so it shows both languages, Indonesian first.
 */
import { useRouter } from 'next/navigation';
import { startTransition, useEffect, useState } from 'react';
import { translator } from '@/lib/i18n/catalogue';

const id = translator('id');
const en = translator('en');
const CHECK_EVERY_MS = 3_000;

type Cause = 'checking' | 'unavailable' | 'error';

async function databaseDown(): Promise<boolean> {
  try {
    const response = await fetch('/api/health', { cache: 'no-store' });
    return response.status === 503;
  } catch (error) {
    // The server itself did not answer (restarting): as far as the user can tell, the same as a database away.
    if (error instanceof TypeError) return true;
    throw error;
  }
}

export function ServerError({ reset }: { reset: () => void }) {
  const router = useRouter();
  const [cause, setCause] = useState<Cause>('checking');

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = async () => {
      const down = await databaseDown();
      if (stopped) return;
      if (down) {
        setCause('unavailable');
        timer = setTimeout(() => void check(), CHECK_EVERY_MS);
      } else if (cause === 'unavailable') {
        // Back: fetch the page's server data again and re-render it.
        startTransition(() => {
          router.refresh();
          reset();
        });
      } else setCause('error');
    };
    void check();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [cause, reset, router]);

  if (cause === 'unavailable')
    return (
      <div role="status">
        <h1>
          {id('errors.unavailableTitle')} · <span lang="en">{en('errors.unavailableTitle')}</span>
        </h1>
        <p>
          {id('errors.unavailable')} {id('errors.unavailableRetrying')}
        </p>
        <p lang="en">
          {en('errors.unavailable')} {en('errors.unavailableRetrying')}
        </p>
      </div>
    );
  return (
    <>
      <h1>
        {id('errors.errorTitle')} · <span lang="en">{en('errors.errorTitle')}</span>
      </h1>
      <p>{id('errors.unexpected')}</p>
      <p lang="en">{en('errors.unexpected')}</p>
      <button type="button" onClick={reset}>
        {id('errors.tryAgain')} · <span lang="en">{en('errors.tryAgain')}</span>
      </button>
    </>
  );
}
