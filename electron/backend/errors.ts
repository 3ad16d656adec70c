import type { AppError, ErrorCode } from '../../shared/errors';

/**
 * A refusal the backend means to give: a stable code the renderer translates, an English message
 * for logs and tests, and details (e.g. item, available, requested). `invoke` turns it into a value.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  toAppError(): AppError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/** Opening the database failed in a way the keeper must be told about; the file was not changed. */
export class DatabaseOpenError extends DomainError {
  constructor(
    override readonly code: 'db-newer-version' | 'db-corrupt' | 'db-open-failed',
    message: string,
    details?: unknown,
  ) {
    super(code, message, details);
    this.name = 'DatabaseOpenError';
  }
}
