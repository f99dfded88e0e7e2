/**
 * Where the app may send a browser after an action (sign-in's `next`, the language switch's `back`): only a path of
 * this app. The value is resolved against a placeholder origin exactly as a browser would resolve it (backslashes
 * read as slashes, tabs and newlines dropped, `..` collapsed), and anything that lands on another origin is refused.
 * Checking the raw string misses `/\evil.example` and `/<TAB>/evil.example`, which browsers take to another site.
 */
const HOME = 'http://ingat.invalid';

/**
 * @example safeRedirectPath('/review?x=1') === '/review?x=1'
 * @example safeRedirectPath('/\\evil.example') === '/'
 */
export function safeRedirectPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value === '' || value.length > 2000) return fallback;
  const resolved = sameOriginPath(value);
  // The path we return is resolved again by the browser: it must survive that too (`/a/..//evil` → `//evil`).
  return resolved !== null && sameOriginPath(resolved) === resolved ? resolved : fallback;
}

function sameOriginPath(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value, HOME);
  } catch (error) {
    if (error instanceof TypeError) return null;
    throw error;
  }
  if (url.origin !== HOME || url.pathname.startsWith('//')) return null;
  return url.pathname + url.search + url.hash;
}
