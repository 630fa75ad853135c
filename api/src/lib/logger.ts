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

export type { Logger };
