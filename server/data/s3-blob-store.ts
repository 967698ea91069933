/**
 * The optional blob store: an S3-compatible bucket (AWS S3, MinIO, Cloudflare R2, Wasabi), chosen
 * with BLOB_STORE_URL=s3://bucket/prefix?endpoint=…&region=…. Requests are signed with SigV4
 * (aws4fetch) on path-style URLs (endpoint/bucket/key), which every S3-compatible store accepts,
 * and carry the payload's SHA-256 so the store itself refuses bytes damaged on the way.
 * S3's own errors (403 SignatureDoesNotMatch, NoSuchBucket…) are reported with their code and
 * message: what the operator needs to fix the credentials or the URL.
 */
import { createHash } from 'node:crypto';
import { AwsClient } from 'aws4fetch';
import type { BlobStoreConfig } from '../config/config.ts';
import type { BlobAdapter } from './blob-store.ts';

type S3Config = Extract<BlobStoreConfig, { kind: 's3' }>;

const TIMEOUT_MS = 30_000;
const EMPTY_SHA256 = createHash('sha256').update('').digest('hex');

/** `<Code>` and `<Message>` of S3's XML error body. */
function s3Error(xml: string): { code: string; message: string } {
  const tag = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1] ?? '';
  return { code: tag('Code'), message: tag('Message') };
}

export function s3BlobStore(config: S3Config): BlobAdapter {
  // A failure is answered at once (the operator is told); aws4fetch's default of ten retries would hold the request.
  const client = new AwsClient({
    accessKeyId: config.accessKeyId,
    secretAccessKey: config.secretAccessKey,
    service: 's3',
    region: config.region,
    retries: 1,
  });
  const objectUrl = (key: string) => {
    const full = config.prefix ? `${config.prefix}/${key}` : key;
    return `${config.endpoint}/${config.bucket}/${full.split('/').map(encodeURIComponent).join('/')}`;
  };
  const describe = async (method: string, key: string, res: Response): Promise<Error> => {
    const { code, message } = s3Error(await res.text());
    const hint = res.status === 403 ? ' (check S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY)' : '';
    const where = `s3://${config.bucket}/${config.prefix ? `${config.prefix}/` : ''}${key} at ${config.endpoint}`;
    return new Error(`S3 ${method} ${where}: ${res.status} ${code || res.statusText}${message ? ` — ${message}` : ''}${hint}`);
  };
  const send = (method: string, key: string, init: { body?: Uint8Array; sha256: string }) =>
    client.fetch(objectUrl(key), {
      method,
      headers: {
        'x-amz-content-sha256': init.sha256,
        ...(init.body ? { 'content-type': 'application/octet-stream' } : {}),
      },
      body: init.body ? new Uint8Array(init.body) : undefined,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  return {
    async put(_tx, key, bytes) {
      const res = await send('PUT', key, { body: bytes, sha256: createHash('sha256').update(bytes).digest('hex') });
      if (!res.ok) throw await describe('PUT', key, res);
      await res.arrayBuffer();
    },
    async get(key) {
      const res = await send('GET', key, { sha256: EMPTY_SHA256 });
      if (res.ok) return Buffer.from(await res.arrayBuffer());
      const error = await describe('GET', key, res);
      if (res.status === 404 && /NoSuchKey/.test(error.message)) return null;
      throw error;
    },
    async delete(key) {
      const res = await send('DELETE', key, { sha256: EMPTY_SHA256 });
      if (!res.ok && res.status !== 404) throw await describe('DELETE', key, res);
      await res.arrayBuffer();
    },
  };
}
