/**
 * Client components translate through lib/i18n/client (the sections a page hands down), never through the full
 * catalogues: importing lib/i18n/catalogue from a 'use client' module put both languages' ~100 KB of messages
 * (30 KB gzip) into the JavaScript of every page that used one.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messagesFor } from '@/lib/i18n/catalogue';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('translations in client components', () => {
  const clientModules = [...sourceFiles('app'), ...sourceFiles('lib')].filter((f) =>
    /^\s*['"]use client['"]/.test(readFileSync(f, 'utf8')),
  );

  it('finds the client modules it guards', () => {
    expect(clientModules).toContain(join('app', 'review', 'review-card.tsx'));
  });

  it('no client module imports the catalogues or the messages (type-only imports aside)', () => {
    const offenders = clientModules.filter((f) =>
      /^import (?!type )[^;]*from '(@\/lib\/i18n\/(catalogue|server|messages\/(id|en))|\.\/(catalogue|messages\/(id|en)))'/m.test(
        readFileSync(f, 'utf8'),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('a page hands down only the sections it names, in its own language', () => {
    const picked = messagesFor('en', ['review']);
    expect(Object.keys(picked)).toEqual(['review']);
    expect(picked.review?.next).toBe('Next');
  });
});
