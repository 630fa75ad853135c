import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * JSON logs. Request logs carry method, path, status, time and request id only: never headers,
 * bodies, client addresses or user agents (anonymous tipsters must leave no trace), and the
 * redaction below is a second line of defence for anything passed by hand.
 */
export function createLogger(level: string, destination?: NodeJS.WritableStream | DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: {
        paths: [
          'password',
          '*.password',
          'phone',
          '*.phone',
          'token',
          '*.token',
          'accessToken',
          '*.accessToken',
          'refreshToken',
          '*.refreshToken',
          'accessCode',
          '*.accessCode',
          'authorization',
          '*.authorization',
          'req.headers',
        ],
        censor: '[redacted]',
      },
    },
    destination ?? process.stdout,
  );
}

/** pino's file-descriptor destination (sonic-boom). */
export type LogDestination = ReturnType<typeof pino.destination>;

/**
 * Resolves once every line logged so far is written and the destination is closed (so: the last
 * thing before an exit), or after `timeoutMs` when the output is stuck. An asynchronous
 * destination's `flush` does not wait for a write in flight; `end` does.
 */
export function closeLogDestination(destination: LogDestination, timeoutMs = 2000): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, timeoutMs).unref();
    destination.once('close', () => resolve());
    destination.end();
  });
}

export type { Logger };
