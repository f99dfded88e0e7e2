'use client';
/** An error in the root layout itself (it reads the session, so a database outage lands here): the page's own shell. */
import { ServerError } from './_components/server-error';
import './globals.css';

export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="id">
      <body>
        <main id="main">
          <ServerError reset={reset} />
        </main>
      </body>
    </html>
  );
}
