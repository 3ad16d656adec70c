/**
 * Stable error codes that cross the backend boundary. The renderer translates each one
 * (shared/i18n: `errors.<code>`); a test checks that every code has a translation in every language.
 */
export const errorCodes = [
  /** The channel name is not in the contract. */
  'unknown-channel',
  /** The input failed the channel's schema; `details` lists the issues. */
  'invalid-input',
  /** An unexpected failure inside the backend; nothing was written. */
  'internal',
  /** The database could not be opened (corrupt, newer version…); only app info answers. */
  'database-unavailable',
  /** The database file was written by a newer version of the app. */
  'db-newer-version',
  /** The database file failed its integrity check at open. */
  'db-corrupt',
  /** The database file could not be opened at all (permissions, not a database…). */
  'db-open-failed',
  /** A record with the same code already exists at this depot. */
  'duplicate-code',
  /** The site code cannot change once this depot owns records. */
  'site-code-locked',
  /**
   * The IPC message did not come from one of the app's own windows showing the app's own pages
   * (another origin, a subframe, a destroyed frame); main refused it without reaching the backend.
   */
  'forbidden-sender',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** An error as it crosses the boundary: a stable code, an English message for logs, optional details. */
export interface AppError {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/** What every channel returns: never a thrown exception. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };
