import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db';
import { getEnv } from '@/lib/env';
import { recordAudit } from '@/lib/audit';
import { consumeAuthToken } from './tokens';
import { createSession } from './sessions';
import { checkPassword } from './sign-in';
import { requestInfo } from './request-info';

declare module 'next-auth' {
  interface Session {
    sid?: string;
  }
  interface User {
    sessionId?: string;
  }
}

export class InvalidCredentials extends CredentialsSignin {
  code = 'invalid';
}

/**
 * Auth.js with a Credentials provider. The JWT only carries our session id (`sid`); lib/auth/current.ts
 * checks it against the sessions table on every request. Two ways in: email + password, or a single-use
 * login token (issued when an account is activated from its confirmation link).
 */
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const env = getEnv();
  const policy = { idleMinutes: env.sessionIdleMinutes, maxHours: env.sessionMaxHours };
  return {
    secret: env.authSecret,
    trustHost: true,
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
            if (found.status !== 'valid' || !found.token.userId) throw new InvalidCredentials();
            const sessionId = await createSession(db, { userId: found.token.userId, ip, userAgent }, policy);
            await recordAudit(db, { action: 'sign_in', outcome: 'success', actorUserId: found.token.userId, ip, userAgent, details: { method: 'activation_link' } });
            return { id: found.token.userId, sessionId };
          }
          const email = typeof credentials.email === 'string' ? credentials.email : '';
          const password = typeof credentials.password === 'string' ? credentials.password : '';
          const result = await checkPassword(db, email, password);
          if (!result.ok) {
            await recordAudit(db, { action: 'sign_in', outcome: 'failure', ip, userAgent, details: { email: email.trim().toLowerCase().slice(0, 200) } });
            throw new InvalidCredentials();
          }
          const sessionId = await createSession(db, { userId: result.userId, ip, userAgent }, policy);
          await recordAudit(db, { action: 'sign_in', outcome: 'success', actorUserId: result.userId, ip, userAgent, details: { method: 'password' } });
          return { id: result.userId, sessionId };
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
