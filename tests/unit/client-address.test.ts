import { describe, expect, it } from 'vitest';
import { clientAddress } from '@/lib/auth/client-ip';
import { safeRedirectPath } from '@/lib/auth/safe-redirect';
import { deviceName } from '@/lib/domain/user-agent';

describe('the client address used for limits', () => {
  it('is the socket address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress('203.0.113.7', '1.2.3.4', 0)).toBe('203.0.113.7');
    expect(clientAddress('::ffff:203.0.113.7', undefined, 0)).toBe('203.0.113.7');
  });

  it('is the address the outermost trusted proxy saw, ignoring what the client prepended', () => {
    expect(clientAddress('10.0.0.2', '6.6.6.6, 203.0.113.9', 1)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.2', ['6.6.6.6, 203.0.113.9', '10.0.0.1'], 2)).toBe('203.0.113.9');
  });

  it('falls back to the first hop when fewer hops came than proxies are trusted', () => {
    expect(clientAddress('10.0.0.2', undefined, 1)).toBe('10.0.0.2');
  });

  it('reduces IPv6 addresses to their /64 network', () => {
    expect(clientAddress('2001:db8:abcd:12:1::5', undefined, 0)).toBe('2001:db8:abcd:12::/64');
    expect(clientAddress('2001:db8::1', undefined, 0)).toBe('2001:db8:0:0::/64');
    expect(clientAddress('2001:db8:abcd:12:ffff::9', undefined, 0)).toBe(clientAddress('2001:db8:abcd:12::1', '', 0));
  });
});

describe('redirects after an action', () => {
  it('keeps paths of this app with their query', () => {
    expect(safeRedirectPath('/review?lesson=a#x')).toBe('/review?lesson=a#x');
    expect(safeRedirectPath('/courses/x/../y')).toBe('/courses/y');
  });

  it.each([
    'https://evil.example/',
    '//evil.example',
    '/\\evil.example',
    '/\t/evil.example',
    '\\\\evil.example',
    '/a/..//evil.example',
    'javascript:alert(1)',
    '',
  ])('sends %j home instead', (value) => {
    expect(safeRedirectPath(value)).toBe('/');
  });
});

describe('device names on the list of sessions', () => {
  it('names the browser and the system', () => {
    expect(
      deviceName(
        'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36',
      ),
    ).toBe('Chrome · Android');
    expect(
      deviceName(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('Safari · iOS');
    expect(deviceName('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0')).toBe(
      'Firefox · Windows',
    );
  });

  it('admits it does not know rather than guessing', () => {
    expect(deviceName('curl/8.5.0')).toBeNull();
    expect(deviceName(null)).toBeNull();
  });
});
