/**
 * Auth.js (next-auth v5) with email + password. The Credentials provider calls lib/data/users.signIn, which checks
 * throttling and the password and opens a server-side session; the JWT carries only that session's id (`sid`).
 * Whether a session is still valid is decided per request in ./session.ts, never from the JWT alone.
 */
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { AppError } from '@/lib/errors';
import { env } from '@/lib/env';
import { signIn as signInUser, signOut as signOutSession } from '@/lib/data/users';
import { requestNow } from '@/lib/clock';
import { clientIp } from './client-ip';

/** Carries our refusal through Auth.js to the sign-in form as `code`: a message key, then `:seconds` to wait. */
export class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super(code);
    this.code = code;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: env().AUTH_SECRET,
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: '/signin' },
  logger: {
    error: (error) => {
      // CredentialsSignin is an expected outcome (wrong password), not an error worth a stack trace.
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === 'CredentialsSignin') return;
      console.error(JSON.stringify({ level: 'error', msg: 'auth', err: String(error) }));
    },
    warn: () => undefined,
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        try {
          const { userId, sessionId } = await signInUser(
            { email: credentials?.email, password: credentials?.password },
            { ip: clientIp(request.headers), userAgent: request.headers.get('user-agent') },
            await requestNow(),
          );
          return { id: userId, sid: sessionId };
        } catch (e) {
          if (e instanceof AppError) {
            throw new SignInRefused(e.retryAfterSeconds ? `${e.messageKey}:${e.retryAfterSeconds}` : e.messageKey);
          }
          throw e;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user && 'sid' in user && typeof user.sid === 'string') token.sid = user.sid;
      return token;
    },
    session({ session, token }) {
      return { ...session, sid: typeof token.sid === 'string' ? token.sid : undefined };
    },
  },
  events: {
    async signOut(message) {
      const sid = 'token' in message ? message.token?.sid : undefined;
      if (typeof sid === 'string') await signOutSession(sid, await requestNow());
    },
  },
});
