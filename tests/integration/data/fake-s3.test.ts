/**
 * The fake S3 server refuses what S3 refuses: the tests of the S3 blob store lean on it, so it
 * must not accept a request real S3 would reject. Driven with the product's own client.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsClient } from 'aws4fetch';
import { startFakeS3, type FakeS3 } from '../../fakes/fake-s3.ts';
import { s3BlobStore } from '../../../server/data/s3-blob-store.ts';

const CREDS = { accessKeyId: 'AKIAFAKE0001', secretAccessKey: 'fake-secret-0123456789' };
let s3: FakeS3;
beforeAll(async () => {
  s3 = await startFakeS3({ ...CREDS, region: 'ap-southeast-7', buckets: ['docs'] });
});
afterAll(() => s3.close());

const store = (over: Partial<{ bucket: string; secretAccessKey: string; region: string; accessKeyId: string }> = {}) =>
  s3BlobStore({ kind: 's3', bucket: 'docs', prefix: 'shop one', endpoint: s3.url, region: 'ap-southeast-7', ...CREDS, ...over });

describe('the fake S3 server', () => {
  it('stores, serves and deletes what a correctly signed client sends, path-style under the prefix', async () => {
    const bytes = Buffer.from('%PDF-1.7 สวัสดี');
    await store().put(null, 'documents/receipt/r1.abc.pdf', bytes);
    expect(s3.buckets.get('docs')!.get('shop one/documents/receipt/r1.abc.pdf')?.equals(bytes)).toBe(true);
    expect((await store().get('documents/receipt/r1.abc.pdf'))?.equals(bytes)).toBe(true);
    await store().delete('documents/receipt/r1.abc.pdf');
    expect(await store().get('documents/receipt/r1.abc.pdf')).toBeNull();
    expect(s3.requests.at(-1)).toMatchObject({ method: 'GET', status: 404, code: 'NoSuchKey' });
  });

  it('answers a wrong secret with 403 SignatureDoesNotMatch, an unknown key id, region or bucket with S3’s errors', async () => {
    await expect(store({ secretAccessKey: 'wrong-secret' }).put(null, 'a', Buffer.from('x'))).rejects.toThrow(
      /403 SignatureDoesNotMatch .*check S3_ACCESS_KEY_ID \/ S3_SECRET_ACCESS_KEY/,
    );
    await expect(store({ accessKeyId: 'AKIAOTHER' }).get('a')).rejects.toThrow(/403 InvalidAccessKeyId/);
    await expect(store({ region: 'us-east-1' }).get('a')).rejects.toThrow(/400 AuthorizationHeaderMalformed/);
    await expect(store({ bucket: 'nope' }).get('a')).rejects.toThrow(/404 NoSuchBucket/);
    expect(s3.buckets.get('docs')!.has('shop one/a')).toBe(false);
  });

  it('refuses a body that is not the one whose SHA-256 was signed, and an unsigned request', async () => {
    const client = new AwsClient({ ...CREDS, service: 's3', region: 'ap-southeast-7', retries: 0 });
    const signed = await client.sign(`${s3.url}/docs/tampered`, {
      method: 'PUT',
      headers: { 'x-amz-content-sha256': '0'.repeat(64) },
      body: 'the real bytes',
    });
    const res = await fetch(signed);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('<Code>XAmzContentSHA256Mismatch</Code>');
    const anonymous = await fetch(`${s3.url}/docs/tampered`, { method: 'PUT', body: 'x' });
    expect(anonymous.status).toBe(403);
    expect(s3.buckets.get('docs')!.has('tampered')).toBe(false);
  });
});
