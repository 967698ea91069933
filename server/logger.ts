/**
 * A small structured (JSON lines) logger. Portal tokens must never reach a log line: request
 * paths are redacted before logging (see redactPath), and nothing else logs URLs.
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
    write(JSON.stringify({ level: at, time: new Date().toISOString(), msg, ...fields }));
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/** Replaces the token segment of portal URLs: /c/<token>/… and /api/portal/<token>/… */
export function redactPath(path: string): string {
  return path
    .replace(/^(\/liff)?\/c\/[^/?#]+/, '$1/c/[token]')
    .replace(/^\/api\/portal\/(?!recover\b)[^/?#]+/, '/api/portal/[token]')
    .replace(/([?&](?:token|liff\.state)=)[^&]*/g, '$1[redacted]');
}
