#!/usr/bin/env node
// Sign-in time over HTTP against a running server started with APP_ENV=test (for /dev/test-users):
// GET /api/auth/csrf then POST /api/auth/callback/credentials — the same authorize() as the login page.
//   node bench/sign-in-http.mjs http://localhost:3000 [N]
const base = process.argv[2] ?? 'http://localhost:3000';
const n = Number(process.argv[3]) || 30;

function stats(ms) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return `median ${at(0.5).toFixed(1)} ms · p90 ${at(0.9).toFixed(1)} ms · min ${s[0].toFixed(1)} ms (n=${s.length})`;
}

const created = await fetch(`${base}/dev/test-users`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
if (created.status !== 201) throw new Error(`POST /dev/test-users → ${created.status} (start the server with APP_ENV=test)`);
const user = await created.json();

async function signInOnce(email, password, ip) {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = await csrf.json();
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const t = performance.now();
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, 'x-forwarded-for': ip },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: '/espace' }),
  });
  const elapsed = performance.now() - t;
  const ok = res.headers.getSetCookie().some((c) => /authjs\.session-token=/.test(c));
  return { elapsed, ok };
}

let ip = 0;
const nextIp = () => `10.8.${Math.floor(++ip / 250)}.${ip % 250}`;
for (let i = 0; i < 3; i++) await signInOnce(user.email, user.password, nextIp());
const success = [];
const unknown = [];
for (let i = 0; i < n; i++) {
  const r = await signInOnce(user.email, user.password, nextIp());
  if (!r.ok) throw new Error('sign-in refused during the bench');
  success.push(r.elapsed);
  const u = await signInOnce(`absent-${Date.now()}-${i}@inconnu.test`, 'mauvais-mot-de-passe', nextIp());
  if (u.ok) throw new Error('unknown email signed in?!');
  unknown.push(u.elapsed);
}
console.log(`POST /api/auth/callback/credentials on ${base}`);
console.log(`  success (new session, Set-Cookie)  ${stats(success)}`);
console.log(`  unknown email                      ${stats(unknown)}`);
