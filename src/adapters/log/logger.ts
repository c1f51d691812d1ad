import { pino, type Logger } from 'pino';

export type { Logger };

/** The root logger: JSON lines on stdout, pretty when a person is watching a terminal. */
export function createLogger(level: string, options: { pretty?: boolean; destination?: NodeJS.WritableStream } = {}): Logger {
  const pretty = options.pretty ?? (process.stdout.isTTY === true && !options.destination);
  if (pretty) {
    return pino({ level, transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss' } } });
  }
  return pino(
    { level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime, redact: ['password', 'cookie', 'authorization'] },
    options.destination ?? process.stdout,
  );
}
