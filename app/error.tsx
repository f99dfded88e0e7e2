'use client';
import { ServerError } from './_components/server-error';

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return <ServerError reset={reset} />;
}
