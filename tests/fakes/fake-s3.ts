/**
 * A fake S3-compatible server on loopback that checks what S3 checks, so the real client
 * (server/data/s3-blob-store.ts, aws4fetch) is tested against S3's rules, not its own:
 * - the SigV4 Authorization header, recomputed with the independent `aws4` package from the
 *   headers the request says it signed (403 SignatureDoesNotMatch; 403 InvalidAccessKeyId);
 * - the credential scope's region and service, the request time (15 minutes of skew at most);
 * - x-amz-content-sha256 present, signed, and equal to the body's SHA-256 (400 XAmzContentSHA256Mismatch);
 * - path-style addressing of an existing bucket (404 NoSuchBucket), keys that exist (404 NoSuchKey).
 * Errors are S3's XML bodies. Objects live in memory; tests may read or alter them directly.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import aws4 from 'aws4';

export interface FakeS3Options {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  buckets: string[];
}

export interface FakeS3Request {
  method: string;
  bucket: string;
  key: string;
  status: number;
  code: string | null;
}

export interface FakeS3 {
  /** The endpoint to put in BLOB_STORE_URL's ?endpoint=. */
  url: string;
  /** bucket → key → bytes. */
  buckets: Map<string, Map<string, Buffer>>;
  requests: FakeS3Request[];
  close(): Promise<void>;
}

const MAX_SKEW_MS = 15 * 60_000;

function errorXml(code: string, message: string, resource: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><Resource>${resource}</Resource><RequestId>fake</RequestId></Error>`;
}

function amzDateToMs(value: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : Number.NaN;
}

export async function startFakeS3(options: FakeS3Options): Promise<FakeS3> {
  const buckets = new Map(options.buckets.map((b) => [b, new Map<string, Buffer>()]));
  const requests: FakeS3Request[] = [];

  const handle = (req: IncomingMessage, body: Buffer, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const [bucket = '', ...rest] = url.pathname.slice(1).split('/').map(decodeURIComponent);
    const key = rest.join('/');
    const method = req.method ?? 'GET';
    const reply = (status: number, code: string | null, message = '', payload?: Buffer) => {
      requests.push({ method, bucket, key, status, code });
      if (code) {
        res.writeHead(status, { 'content-type': 'application/xml' });
        res.end(errorXml(code, message, url.pathname));
      } else {
        res.writeHead(status, payload ? { 'content-type': 'application/octet-stream', 'content-length': payload.length } : {});
        res.end(payload);
      }
    };

    const auth = req.headers.authorization ?? '';
    const parsed =
      /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(auth);
    if (!parsed) return reply(403, 'AccessDenied', 'Access Denied');
    const [, accessKeyId, , region, service, signedHeaders, signature] = parsed as unknown as string[];
    if (accessKeyId !== options.accessKeyId) return reply(403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
    if (service !== 's3' || region !== options.region) {
      return reply(
        400,
        'AuthorizationHeaderMalformed',
        `The authorization header is malformed; the region '${region}' is wrong; expecting '${options.region}'`,
      );
    }
    const signed = signedHeaders!.split(';');
    for (const required of ['host', 'x-amz-date', 'x-amz-content-sha256']) {
      if (!signed.includes(required)) return reply(403, 'AccessDenied', `${required} must be signed`);
    }
    const amzDate = String(req.headers['x-amz-date'] ?? '');
    if (!(Math.abs(Date.now() - amzDateToMs(amzDate)) <= MAX_SKEW_MS)) {
      return reply(403, 'RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.');
    }
    const contentSha = String(req.headers['x-amz-content-sha256'] ?? '');
    if (contentSha !== 'UNSIGNED-PAYLOAD' && contentSha !== createHash('sha256').update(body).digest('hex')) {
      return reply(400, 'XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.");
    }
    // S3 recomputes the signature over exactly the headers the client says it signed.
    const headers: Record<string, string> = {};
    for (const name of signed) {
      const value = req.headers[name];
      if (value === undefined) return reply(403, 'SignatureDoesNotMatch', `signed header ${name} is absent`);
      headers[name] = Array.isArray(value) ? value.join(',') : value;
    }
    const expected = aws4.sign(
      { method, host: headers.host, path: req.url, service: 's3', region: options.region, headers: { ...headers } },
      { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    ).headers.Authorization;
    const recomputed = /SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(expected ?? '');
    if (!recomputed || recomputed[1] !== signedHeaders || recomputed[2] !== signature) {
      return reply(
        403,
        'SignatureDoesNotMatch',
        'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
      );
    }

    const objects = buckets.get(bucket);
    if (!objects) return reply(404, 'NoSuchBucket', 'The specified bucket does not exist');
    if (!key) return reply(400, 'InvalidRequest', 'only object requests are supported by this fake');
    if (method === 'PUT') {
      objects.set(key, body);
      return reply(200, null);
    }
    if (method === 'GET') {
      const object = objects.get(key);
      return object ? reply(200, null, '', object) : reply(404, 'NoSuchKey', 'The specified key does not exist.');
    }
    if (method === 'DELETE') {
      objects.delete(key);
      return reply(204, null);
    }
    return reply(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, Buffer.concat(chunks), res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    buckets,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
