import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db';
import { getEnv } from '@/lib/env';
import { recordAudit } from '@/lib/audit';
import { consumeAuthToken } from './tokens';
import { createSession } from './sessions';
import { signInWithPassword, type SignInFailureCode } from './sign-in';
import { requestInfo } from './request-info';

declare module 'next-auth' {
  interface Session {
    sid?: string;
  }
  interface User {
    sessionId?: string;
  }
}

/**
 * Why a sign-in was refused. Auth.js rethrows this very object to the login server action (signIn runs in
 * "raw" mode there), which maps `code` to a French message; `retryAfterSeconds` says when to try again.
 */
export class SignInRefused extends CredentialsSignin {
  constructor(
    public readonly code: SignInFailureCode,
    public readonly retryAfterSeconds?: number,
  ) {
    super();
  }
}

/**
 * Auth.js with a Credentials provider. The JWT only carries our session id (`sid`); lib/auth/current.ts
 * checks it against the sessions table on every request. Two ways in: email + password, or a single-use
 * login token (issued when an account is activated from its confirmation link).
 */
/** HTTPS public URL → `__Secure-` cookies with Secure (see useSecureCookies below). */
export function usesSecureCookies(appUrl: string): boolean {
  return appUrl.startsWith('https://');
}

/** The Auth.js session cookie's name (lib/auth/current.ts reads it on every request). */
export function sessionCookieName(appUrl: string): string {
  return `${usesSecureCookies(appUrl) ? '__Secure-' : ''}authjs.session-token`;
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const env = getEnv();
  const policy = { idleMinutes: env.sessionIdleMinutes, maxHours: env.sessionMaxHours };
  return {
    secret: env.authSecret,
    trustHost: true,
    // Left to itself, Auth.js decides per request from the URL it reconstructs (X-Forwarded-Proto), and a
    // proxy that forgets the header would get cookies without Secure. The public URL decides instead:
    // HTTPS → `__Secure-` cookies with Secure; all of them HttpOnly and SameSite=Lax (Auth.js defaults).
    useSecureCookies: usesSecureCookies(env.appUrl),
    logger: {
      // A refused sign-in is an expected answer (audited in our table), not a server error to log.
      error(error) {
        if (error instanceof CredentialsSignin) return;
        console.error('[auth]', error);
      },
    },
    session: { strategy: 'jwt', maxAge: env.sessionMaxHours * 3600 },
    pages: { signIn: '/connexion' },
    providers: [
      Credentials({
        credentials: { email: {}, password: {}, loginToken: {} },
        async authorize(credentials, request) {
          const db = await getDb();
          const { ip, userAgent } = requestInfo(request.headers);
          if (typeof credentials.loginToken === 'string' && credentials.loginToken) {
            const found = await consumeAuthToken(db, 'login', credentials.loginToken);
            if (found.status !== 'valid' || !found.token.userId) throw new SignInRefused('invalid');
            const sessionId = await createSession(db, { userId: found.token.userId, ip, userAgent }, policy);
            await recordAudit(db, { action: 'sign_in', outcome: 'success', actorUserId: found.token.userId, ip, userAgent, details: { method: 'activation_link' } });
            return { id: found.token.userId, sessionId };
          }
          const email = typeof credentials.email === 'string' ? credentials.email : '';
          const password = typeof credentials.password === 'string' ? credentials.password : '';
          const result = await signInWithPassword(db, { email, password, ip, userAgent }, policy);
          if (!result.ok) throw new SignInRefused(result.code, result.retryAfterSeconds);
          return { id: result.userId, sessionId: result.sessionId };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user?.sessionId) token.sid = user.sessionId;
        return token;
      },
      session({ session, token }) {
        session.sid = typeof token.sid === 'string' ? token.sid : undefined;
        return session;
      },
    },
  };
});
