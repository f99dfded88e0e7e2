'use client';
/**
 * The parts of the site header that depend on the page being shown. The root layout is rendered once and kept
 * across client-side navigations, so anything it computed from the first request's path (which link is current,
 * where the language switch returns to) would be stale after the first click; these read the browser's location.
 */
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';

/** A header link marked as the current page (aria-current) on its own path and below it. */
export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const path = usePathname();
  const current = path === href || path.startsWith(`${href}/`);
  return (
    <Link href={href} aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}

/**
 * The language switch. Its form posts the page to come back to: the server's path when JavaScript has not run, and
 * the browser's current location when it has (set as the form is submitted).
 */
export function LocaleSwitch({
  action,
  other,
  serverPath,
  label,
  children,
}: {
  action: (formData: FormData) => Promise<void>;
  other: string;
  serverPath: string;
  label: string;
  children: ReactNode;
}) {
  return (
    <form
      action={action}
      onSubmit={(event) => {
        const back = event.currentTarget.elements.namedItem('back');
        if (back instanceof HTMLInputElement) back.value = window.location.pathname + window.location.search;
      }}
    >
      <input type="hidden" name="locale" value={other} />
      <input type="hidden" name="back" defaultValue={serverPath} />
      <button type="submit" className="link-button" lang={other} aria-label={label}>
        {children}
      </button>
    </form>
  );
}
