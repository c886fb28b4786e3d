/** Client IP and user agent of a request (behind a trusted proxy, the first X-Forwarded-For hop). */
export function requestInfo(headers: Headers): { ip: string; userAgent: string } {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return { ip: forwarded || headers.get('x-real-ip') || '127.0.0.1', userAgent: headers.get('user-agent') ?? '' };
}
