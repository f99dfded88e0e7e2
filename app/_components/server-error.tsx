'use client';
/**
 * What an error boundary shows. It asks /api/health why the page failed: when the database is unreachable (503),
 * a calm "back in a moment" that checks again every few seconds and reloads the page by itself once the database
 * answers; otherwise the plain "something went wrong". A client error boundary cannot know the request's locale,
 * so it shows both languages, Indonesian first.
 */
import { useRouter } from 'next/navigation';
import { startTransition, useEffect, useState } from 'react';
import { boundary } from '@/lib/i18n/messages/boundary';

const { id, en } = boundary;
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
          {id.unavailableTitle} · <span lang="en">{en.unavailableTitle}</span>
        </h1>
        <p>
          {id.unavailable} {id.unavailableRetrying}
        </p>
        <p lang="en">
          {en.unavailable} {en.unavailableRetrying}
        </p>
      </div>
    );
  return (
    <>
      <h1>
        {id.errorTitle} · <span lang="en">{en.errorTitle}</span>
      </h1>
      <p>{id.unexpected}</p>
      <p lang="en">{en.unexpected}</p>
      <button type="button" onClick={reset}>
        {id.tryAgain} · <span lang="en">{en.tryAgain}</span>
      </button>
    </>
  );
}
