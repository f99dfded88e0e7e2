/**
 * Outgoing mail, when the operator configured SMTP_URL (smtp:// or smtps://, with credentials in the URL). Without
 * it Ingat sends nothing and says so where mail would be expected (password resets are then issued as links by an
 * admin or an instructor). nodemailer does the SMTP; timeouts are short so a slow mail server cannot hold a request.
 */
import { createTransport, type Transporter } from 'nodemailer';
import { env } from '@/lib/env';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

let transport: Transporter | undefined;

export function mailConfigured(): boolean {
  return Boolean(env().SMTP_URL);
}

/** Sends one plain-text mail from MAIL_FROM. Throws when SMTP_URL is not set or the server refuses. */
export async function sendMail(mail: Mail): Promise<void> {
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL) throw new Error('sendMail: SMTP_URL is not configured');
  transport ??= createTransport(smtpOptions(SMTP_URL));
  await transport.sendMail({ from: MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
}

/** smtp://user:pass@host:port (STARTTLS when offered) or smtps:// (TLS from the start), with short timeouts. */
function smtpOptions(url: string) {
  const u = new URL(url);
  const secure = u.protocol === 'smtps:';
  return {
    host: u.hostname,
    port: Number(u.port || (secure ? 465 : 587)),
    secure,
    auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
    socketTimeout: 10_000,
  };
}
