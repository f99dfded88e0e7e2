'use client';
import { translator } from '@/lib/i18n/catalogue';

// A client error boundary cannot know the request's locale, so it shows both languages, Indonesian first.
const id = translator('id');
const en = translator('en');

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
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
