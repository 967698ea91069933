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
  ])('refuses %j naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(name));
  });
});
