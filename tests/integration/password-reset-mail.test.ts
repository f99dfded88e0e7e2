/**
 * Password reset by mail against a real SMTP server (smtp-server, on a local port) through nodemailer, as an
 * operator's mail relay would receive it. Its own file: SMTP_URL and APP_URL are read once per process.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestPasswordResetByMail, resetPassword } from '@/lib/data/auth/password-reset';
import { signIn } from '@/lib/data/users';
import { caught, makeActor, uniqueEmail, uniqueIp } from './helpers';

const NOW = new Date('2026-12-01T02:00:00Z');
const APP_URL = 'https://ingat.example.ac.id';
const inbox: { to: string[]; raw: string }[] = [];
let server: SMTPServer;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const { port } = server.server.address() as AddressInfo;
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.APP_URL = APP_URL;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Quoted-printable soft line breaks undone, so the link can be read whole. */
const body = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');

describe('password reset by mail', () => {
  it('mails a link on the configured site that sets a new password', async () => {
    const student = await makeActor('STUDENT');
    await requestPasswordResetByMail({ email: student.email }, { ip: uniqueIp() }, NOW);
    const mail = inbox.find((m) => m.to.includes(student.email));
    expect(mail).toBeDefined();
    const link = new RegExp(`${APP_URL.replace(/\./g, '\\.')}/reset-password/([A-Za-z0-9_-]{43})`).exec(
      body(mail!.raw),
    );
    expect(link).not.toBeNull();
    await resetPassword(link![1]!, { newPassword: 'mailed new password', confirmPassword: 'mailed new password' }, NOW);
    await expect(
      signIn({ email: student.email, password: 'mailed new password' }, { ip: uniqueIp(), userAgent: null }, NOW),
    ).resolves.toHaveProperty('sessionId');
  });

  it('answers the same for an address with no account, and sends nothing', async () => {
    const before = inbox.length;
    const nobody = uniqueEmail('nobody');
    await expect(requestPasswordResetByMail({ email: nobody }, { ip: uniqueIp() }, NOW)).resolves.toBeUndefined();
    expect(inbox.length).toBe(before);
  });

  it('limits requests for one account', async () => {
    const student = await makeActor('STUDENT');
    for (let i = 0; i < 3; i++) await requestPasswordResetByMail({ email: student.email }, { ip: uniqueIp() }, NOW);
    const e = await caught(requestPasswordResetByMail({ email: student.email }, { ip: uniqueIp() }, NOW));
    expect(e.code).toBe('rate_limited');
    expect(inbox.filter((m) => m.to.includes(student.email))).toHaveLength(3);
  });
});
