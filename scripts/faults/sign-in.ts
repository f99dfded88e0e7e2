/**
 * One sign-in through Auth.js's own endpoints, as a browser (or a script guessing passwords) would: fetch a CSRF
 * token, then post the credentials. The outcome is read from where Auth.js sends the browser: `code` names our
 * refusal (errors.badCredentials: the password was checked and wrong; errors.rateLimited: refused before checking).
 */
export interface SignInOutcome {
  status: number;
  outcome: string;
  ms: number;
  /** The cookies to send as the signed-in browser (when signed in). */
  cookie: string;
}

export async function signInAttempt(
  base: string,
  email: string,
  password: string,
  headers: Record<string, string>,
): Promise<SignInOutcome> {
  const started = performance.now();
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      ...headers,
      cookie,
      'content-type': 'application/x-www-form-urlencoded',
      'x-auth-return-redirect': '1',
    },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${base}/` }).toString(),
  });
  const text = await response.text();
  let outcome = 'other';
  try {
    const target = new URL((JSON.parse(text) as { url: string }).url);
    const code = target.searchParams.get('code') ?? target.searchParams.get('error') ?? 'signedIn';
    outcome = code.split(':')[0]!.replace(/^errors\./, '');
  } catch (error) {
    if (!(error instanceof SyntaxError) && !(error instanceof TypeError)) throw error;
  }
  const session = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { status: response.status, outcome, ms: performance.now() - started, cookie: session };
}
