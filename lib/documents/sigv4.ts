import crypto from 'node:crypto';

// AWS Signature Version 4 for S3 requests signed in the Authorization header, written from AWS's
// documented algorithm (« Authenticating Requests: Using the Authorization Header », S3 API reference):
// canonical request → string to sign → HMAC chain of the secret → signature. No I/O: the S3 backend and
// the tests' fake S3 server both use it; tests/unit/documents-sigv4.test.ts checks it against AWS's
// published example, so the two cannot agree on a wrong algorithm.

export const EMPTY_PAYLOAD_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export type SigV4Credentials = { accessKeyId: string; secretAccessKey: string; region: string; service?: string };

export const sha256Hex = (data: string | Uint8Array): string => crypto.createHash('sha256').update(data).digest('hex');
const hmac = (key: crypto.BinaryLike, data: string): Buffer => crypto.createHmac('sha256', key).update(data).digest();

/** S3's UriEncode: every byte but A–Z a–z 0–9 - . _ ~ percent-encoded in upper case; '/' kept in paths. */
export function uriEncode(value: string, keepSlash: boolean): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-._~]/.test(c) || (keepSlash && c === '/')) out += c;
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** `20130524T000000Z` */
export function amzDate(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export type CanonicalInput = {
  method: string;
  /** The path as sent, not yet encoded (e.g. `/bucket/company/doc`). */
  path: string;
  query?: URLSearchParams;
  /** Headers to sign, any case; `host` must be among them. */
  headers: Record<string, string>;
  payloadSha256: string;
};

export function canonicalRequest(input: CanonicalInput): { text: string; signedHeaders: string } {
  const headers = Object.entries(input.headers)
    .map(([k, v]) => [k.toLowerCase(), v.trim().replace(/\s+/g, ' ')] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const signedHeaders = headers.map(([k]) => k).join(';');
  const query = [...(input.query ?? new URLSearchParams()).entries()]
    .map(([k, v]) => [uriEncode(k, false), uriEncode(v, false)] as const)
    .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const text = [
    input.method.toUpperCase(),
    uriEncode(input.path || '/', true),
    query,
    headers.map(([k, v]) => `${k}:${v}\n`).join(''),
    signedHeaders,
    input.payloadSha256,
  ].join('\n');
  return { text, signedHeaders };
}

export function signingKey(secretAccessKey: string, day: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, day), region), service), 'aws4_request');
}

/** The signature of a request whose `x-amz-date` header is `timestamp`. */
export function signature(input: CanonicalInput, creds: SigV4Credentials, timestamp: string): { signature: string; signedHeaders: string; scope: string } {
  const service = creds.service ?? 's3';
  const day = timestamp.slice(0, 8);
  const scope = `${day}/${creds.region}/${service}/aws4_request`;
  const { text, signedHeaders } = canonicalRequest(input);
  const stringToSign = ['AWS4-HMAC-SHA256', timestamp, scope, sha256Hex(text)].join('\n');
  return { signature: hmac(signingKey(creds.secretAccessKey, day, creds.region, service), stringToSign).toString('hex'), signedHeaders, scope };
}

/**
 * Headers to send with the request: the given ones plus `x-amz-date`, `x-amz-content-sha256` and
 * `authorization`. `host` is signed (and must match what the HTTP client sends).
 */
export function signRequest(
  input: { method: string; url: URL; headers?: Record<string, string>; payloadSha256: string },
  creds: SigV4Credentials,
  now: Date = new Date(),
): Record<string, string> {
  const timestamp = amzDate(now);
  const headers: Record<string, string> = {
    ...input.headers,
    host: input.url.host,
    'x-amz-date': timestamp,
    'x-amz-content-sha256': input.payloadSha256,
  };
  const signed = signature({ method: input.method, path: decodeURIComponent(input.url.pathname), query: input.url.searchParams, headers, payloadSha256: input.payloadSha256 }, creds, timestamp);
  return {
    ...headers,
    authorization: `AWS4-HMAC-SHA256 Credential=${creds.accessKeyId}/${signed.scope},SignedHeaders=${signed.signedHeaders},Signature=${signed.signature}`,
  };
}

/** Parses an Authorization header of this scheme (for a verifying server). */
export function parseAuthorization(header: string | undefined | null): { accessKeyId: string; scope: string; signedHeaders: string[]; signature: string } | null {
  const m = /^AWS4-HMAC-SHA256 Credential=([^/,]+)\/([^,]+),\s*SignedHeaders=([^,]+),\s*Signature=([0-9a-f]{64})$/.exec(header ?? '');
  if (!m) return null;
  return { accessKeyId: m[1]!, scope: m[2]!, signedHeaders: m[3]!.split(';'), signature: m[4]! };
}
