import { describe, expect, it } from 'vitest';
import { amzDate, canonicalRequest, EMPTY_PAYLOAD_SHA256, parseAuthorization, signRequest, signature, uriEncode } from '@/lib/documents/sigv4';

// AWS's published example (S3 API reference, « Signature Calculations for the Authorization Header »,
// Example: GET Object): the only outside reference the signer is checked against.
const example = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', region: 'us-east-1', service: 's3' };

describe('SigV4 for S3', () => {
  it('reproduces AWS’s « GET Object » example: canonical request and signature', () => {
    const input = {
      method: 'GET',
      path: '/test.txt',
      headers: { Host: 'examplebucket.s3.amazonaws.com', Range: 'bytes=0-9', 'x-amz-content-sha256': EMPTY_PAYLOAD_SHA256, 'x-amz-date': '20130524T000000Z' },
      payloadSha256: EMPTY_PAYLOAD_SHA256,
    };
    expect(canonicalRequest(input).text).toBe(
      [
        'GET',
        '/test.txt',
        '',
        'host:examplebucket.s3.amazonaws.com',
        'range:bytes=0-9',
        `x-amz-content-sha256:${EMPTY_PAYLOAD_SHA256}`,
        'x-amz-date:20130524T000000Z',
        '',
        'host;range;x-amz-content-sha256;x-amz-date',
        EMPTY_PAYLOAD_SHA256,
      ].join('\n'),
    );
    expect(signature(input, example, '20130524T000000Z')).toEqual({
      signature: 'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
      signedHeaders: 'host;range;x-amz-content-sha256;x-amz-date',
      scope: '20130524/us-east-1/s3/aws4_request',
    });
  });

  it('signRequest builds the same Authorization header for that request', () => {
    const headers = signRequest(
      { method: 'GET', url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'), headers: { range: 'bytes=0-9' }, payloadSha256: EMPTY_PAYLOAD_SHA256 },
      example,
      new Date('2013-05-24T00:00:00Z'),
    );
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
    expect(parseAuthorization(headers.authorization)).toEqual({
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      scope: '20130524/us-east-1/s3/aws4_request',
      signedHeaders: ['host', 'range', 'x-amz-content-sha256', 'x-amz-date'],
      signature: 'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    });
  });

  it.each([
    ['/bucket/a b', true, '/bucket/a%20b'],
    ['/test$file.text', true, '/test%24file.text'],
    ['a/b', false, 'a%2Fb'],
    ['é~-._', false, '%C3%A9~-._'],
  ])('UriEncode(%j, keepSlash=%s) → %s', (value, keepSlash, expected) => {
    expect(uriEncode(value, keepSlash)).toBe(expected);
  });

  it('formats x-amz-date without separators or milliseconds', () => {
    expect(amzDate(new Date('2026-11-27T13:05:09.123Z'))).toBe('20261127T130509Z');
  });
});
