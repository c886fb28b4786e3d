import 'server-only';
import type { StoreBackend } from './store';
import { EMPTY_PAYLOAD_SHA256, sha256Hex, signRequest, type SigV4Credentials } from './sigv4';

export type S3Config = { bucket: string; endpoint: string; region: string; accessKeyId: string; secretAccessKey: string };

/**
 * The document store on S3-compatible object storage: path-style requests (`endpoint/bucket/key`)
 * signed with SigV4 (./sigv4.ts). A PUT is atomic on S3 (the object appears only once complete), so
 * an interrupted write leaves nothing, like the local backend's temp-file-then-rename.
 */
export function s3Backend(config: S3Config, fetchImpl: typeof fetch = fetch): StoreBackend {
  const creds: SigV4Credentials = { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey, region: config.region, service: 's3' };
  const urlOf = (key: string) => {
    if (!/^[0-9a-f-]{36}\/[0-9a-f-]{36}$/.test(key)) throw new Error('invalid storage key');
    return new URL(`${config.endpoint}/${encodeURIComponent(config.bucket)}/${key}`);
  };
  const send = async (method: 'PUT' | 'GET' | 'DELETE', key: string, body?: Buffer) => {
    const url = urlOf(key);
    const extra: Record<string, string> = body ? { 'content-type': 'application/octet-stream', 'content-length': String(body.byteLength) } : {};
    const headers = signRequest({ method, url, headers: extra, payloadSha256: body ? sha256Hex(body) : EMPTY_PAYLOAD_SHA256 }, creds);
    // fetch sets Host itself (from the URL, which is what was signed); it refuses to be given one.
    delete headers.host;
    return fetchImpl(url, { method, headers, body: body ? new Uint8Array(body) : undefined, cache: 'no-store' });
  };
  const fail = async (what: string, res: Response) => {
    const text = await res.text().catch(() => '');
    const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1];
    return new Error(`S3 ${what} failed: HTTP ${res.status}${code ? ` ${code}` : ''}`);
  };
  return {
    async put(key, bytes) {
      const res = await send('PUT', key, bytes);
      if (!res.ok) throw await fail('PUT', res);
      await res.body?.cancel();
    },
    async get(key) {
      const res = await send('GET', key);
      if (!res.ok) throw await fail('GET', res);
      return Buffer.from(await res.arrayBuffer());
    },
    async delete(key) {
      const res = await send('DELETE', key);
      // S3 answers 204 whether or not the object existed; some compatible stores answer 404.
      if (!res.ok && res.status !== 404) throw await fail('DELETE', res);
      await res.body?.cancel();
    },
  };
}
