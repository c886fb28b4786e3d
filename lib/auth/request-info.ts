import { getEnv } from '@/lib/env';

/**
 * Client IP and user agent of a request. X-Forwarded-For is read from the right: the entries a client
 * sends are on the left and can say anything, while each trusted proxy appends the address it saw.
 * Next itself sets the header to the socket's address when no proxy did. Per-IP limits rely on this.
 */
export function requestInfo(headers: Headers, trustedProxyHops = getEnv().trustedProxyHops): { ip: string; userAgent: string } {
  const hops = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  const forwarded = trustedProxyHops > 0 && hops.length ? hops[Math.max(0, hops.length - trustedProxyHops)] : undefined;
  return { ip: (forwarded || headers.get('x-real-ip') || '127.0.0.1').slice(0, 64), userAgent: (headers.get('user-agent') ?? '').slice(0, 300) };
}
