/**
 * A small structured (JSON lines) logger. Portal tokens must never reach a log line, at any
 * level: request paths are redacted before logging (see redactPath), nothing else logs URLs,
 * and as a last guard every line has token-shaped words (32 base64url characters) masked.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  debug(fields: object, msg: string): void;
  info(fields: object, msg: string): void;
  warn(fields: object, msg: string): void;
  error(fields: object, msg: string): void;
}

export function createLogger(level: LogLevel, write: (line: string) => void = (l) => process.stdout.write(l + '\n')): Logger {
  const log = (at: Exclude<LogLevel, 'silent'>) => (fields: object, msg: string) => {
    if (ORDER[at] < ORDER[level]) return;
    write(JSON.stringify({ level: at, time: new Date().toISOString(), msg, ...fields }).replace(TOKEN_WORD, '[token]'));
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/** Portal tokens: 24 random bytes in base64url (services/link-tokens.ts). */
const TOKEN_SHAPED = /^[A-Za-z0-9_-]{32}$/;
const TOKEN_WORD = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{32}(?![A-Za-z0-9_-])/g;

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Replaces the token segment of portal URLs (/c/<token>/…, /liff/c/<token>/…, /api/portal/<token>/…)
 * and any other segment shaped like a token. Express matches routes case-insensitively and
 * tolerates `//`, so this does too: /C/<token>, //c/<token>, /API/PORTAL/<token> are all redacted.
 */
export function redactPath(path: string): string {
  const cut = path.search(/[?#]/);
  const segments = (cut < 0 ? path : path.slice(0, cut)).split('/');
  const query = cut < 0 ? '' : path.slice(cut);
  const words = segments.map((s) => decoded(s).toLowerCase());
  const filled = words.flatMap((w, i) => (w === '' ? [] : [i]));
  const [a, b, c] = filled.map((i) => words[i]);
  const tokenAt = a === 'c' ? filled[1] : a === 'liff' && b === 'c' ? filled[2] : a === 'api' && b === 'portal' && c !== 'recover' ? filled[2] : undefined;
  const redacted = segments.map((s, i) => (i === tokenAt || TOKEN_SHAPED.test(decoded(s)) ? '[token]' : s));
  return redacted.join('/') + query.replace(/([?&](?:token|liff\.state)=)[^&#]*/gi, '$1[redacted]');
}
