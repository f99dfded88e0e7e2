/**
 * The HTTP server in front of Next (started by scripts/start.ts instead of `next start`). It exists for one reason:
 * Next passes a client's own X-Forwarded-For through to the app, so the app cannot tell a real address from a forged
 * one. This server sees the socket, works out the client address from it and TRUSTED_PROXIES (how many proxies the
 * operator put in front; 0 = clients connect directly), and stamps it on the request (lib/auth/client-ip.ts), where
 * rate limits read it. Everything else is Next's own request handler.
 *
 *   tsx scripts/serve.ts [--dev] [--port 3000] [--host 127.0.0.1]
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { parseArgs } from 'node:util';
import next from 'next';
import { z } from 'zod';
import { CLIENT_IP_HEADER, clientAddress } from '../lib/auth/client-ip';
import { outageSeenWithin } from '../lib/db/outage';
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from '../lib/errors';

const { values: args } = parseArgs({
  options: {
    dev: { type: 'boolean', default: false },
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    host: { type: 'string', default: '127.0.0.1' },
  },
});

const trusted = z.coerce
  .number()
  .int()
  .min(0)
  .max(10)
  .safeParse(process.env.TRUSTED_PROXIES?.trim() || '0');
if (!trusted.success) {
  console.error('Invalid configuration:\n  TRUSTED_PROXIES: a whole number of proxies in front of the app, 0 to 10');
  process.exit(1);
}
const trustedProxies = trusted.data;
const port = Number(args.port);

const app = next({ dev: args.dev, hostname: args.host, port });
const handle = app.getRequestHandler();
await app.prepare();

/**
 * A page that was already rendering when the database went away fails inside Next, which can only answer 500. When
 * this process noted the outage (lib/db/outage.ts, shared through globalThis with Next's code in this process), that
 * 500 is the database's absence, not a bug: say so with 503 and Retry-After. The body is Next's error page, which
 * says "back in a moment" and retries (app/error.tsx). The API answers its own 503s; its 500s stay 500s.
 */
function outageIsUnavailable(req: IncomingMessage, res: ServerResponse) {
  if (req.url?.startsWith('/api/')) return;
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    if (status === 500 && outageSeenWithin(10_000, Date.now())) {
      res.setHeader('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
      res.setHeader('Cache-Control', 'no-store');
      return writeHead(503, ...rest);
    }
    return writeHead(status, ...rest);
  }) as ServerResponse['writeHead'];
}

const server = createServer((req, res) => {
  req.headers[CLIENT_IP_HEADER] = clientAddress(
    req.socket.remoteAddress,
    req.headers['x-forwarded-for'],
    trustedProxies,
  );
  outageIsUnavailable(req, res);
  void handle(req, res);
});
if (args.dev) server.on('upgrade', app.getUpgradeHandler());
server.listen(port, args.host, () => {
  console.log(JSON.stringify({ level: 'info', app: 'ingat-server', msg: `ready on http://${args.host}:${port}` }));
});

let closing = false;
function close(signal: NodeJS.Signals) {
  if (closing) return;
  closing = true;
  // Stop accepting, let requests in flight finish (bounded), then let Next close its own resources.
  const deadline = setTimeout(() => process.exit(0), 8_000);
  deadline.unref();
  server.close(() => void app.close().finally(() => process.exit(0)));
  server.closeIdleConnections();
  console.log(JSON.stringify({ level: 'info', app: 'ingat-server', msg: `${signal}: closing` }));
}
process.on('SIGTERM', close);
process.on('SIGINT', close);
