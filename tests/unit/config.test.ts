import { describe, it, expect } from 'vitest';
import { loadConfig, ConfigError } from '../../server/config/config.ts';

describe('config', () => {
  it('starts with nothing set (the demo) and derives the SQLite file from DATA_DIR', () => {
    const c = loadConfig({ DATA_DIR: '/tmp/x' });
    expect(c.databaseUrl).toBe('file:/tmp/x/portal.db');
    expect(c.databaseProvider).toBe('sqlite');
    expect(c.port).toBe(3000);
    expect(c.line.channelSecret).toBeUndefined();
    expect(c.line.staffLiffId).toBeUndefined();
  });

  it('reads the staff app LIFF id (blank means unset)', () => {
    expect(loadConfig({ STAFF_LIFF_ID: ' 1650000000-StaffApp ' }).line.staffLiffId).toBe('1650000000-StaffApp');
    expect(loadConfig({ STAFF_LIFF_ID: '' }).line.staffLiffId).toBeUndefined();
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PUBLIC_URL: 'not a url' }, 'PUBLIC_URL'],
    [{ ADMIN_API_KEY: 'short' }, 'ADMIN_API_KEY'],
    [{ LINK_SECRET: 'tiny' }, 'LINK_SECRET'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ LINE_CHANNEL_SECRET: 'only-one' }, 'LINE_CHANNEL_SECRET'],
    [{ TWILIO_ACCOUNT_SID: 'AC1' }, 'TWILIO_ACCOUNT_SID'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ NODE_ENV: 'production' }, 'ADMIN_API_KEY'],
    [{ BLOB_STORE_URL: 'ftp://bucket/x' }, 'BLOB_STORE_URL: unknown store "ftp"'],
    [{ BLOB_STORE_URL: 's3://Bad_Bucket/x', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's' }, 'BLOB_STORE_URL: "Bad_Bucket" is not a valid bucket name'],
    [{ BLOB_STORE_URL: 's3://docs?endpoint=minio:9000', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's' }, 'BLOB_STORE_URL: endpoint'],
    [{ BLOB_STORE_URL: 's3://docs?regoin=eu', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's' }, 'BLOB_STORE_URL: unknown parameter "regoin"'],
    [{ BLOB_STORE_URL: 's3://key:secret@docs', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's' }, 'BLOB_STORE_URL: keep credentials out'],
    [{ BLOB_STORE_URL: 's3://docs' }, 'S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY: required'],
    [{ S3_ACCESS_KEY_ID: 'k' }, 'S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY: set only with'],
  ])('refuses %j naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name.includes('BLOB') || name.includes('S3_') ? name : new RegExp(name));
  });

  it('keeps documents and uploads in the database unless BLOB_STORE_URL names an S3-compatible bucket', () => {
    expect(loadConfig({}).blobStore).toEqual({ kind: 'database' });
    expect(loadConfig({ BLOB_STORE_URL: 'db' }).blobStore).toEqual({ kind: 'database' });
    const s3 = loadConfig({
      BLOB_STORE_URL: 's3://portal-docs/shop/a/?endpoint=http://127.0.0.1:9000/&region=ap-southeast-7',
      S3_ACCESS_KEY_ID: 'AKIA1',
      S3_SECRET_ACCESS_KEY: 'secret',
    }).blobStore;
    expect(s3).toEqual({
      kind: 's3',
      bucket: 'portal-docs',
      prefix: 'shop/a',
      endpoint: 'http://127.0.0.1:9000',
      region: 'ap-southeast-7',
      accessKeyId: 'AKIA1',
      secretAccessKey: 'secret',
    });
    // AWS itself: the regional endpoint, path-style.
    expect(loadConfig({ BLOB_STORE_URL: 's3://docs', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's' }).blobStore).toMatchObject({
      endpoint: 'https://s3.us-east-1.amazonaws.com',
      region: 'us-east-1',
      prefix: '',
    });
  });
});
