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
  /** A record the input names does not exist (details: entity, id). */
  'not-found',
  /** The barcode already stands for an item at this depot. */
  'duplicate-barcode',
  /** The item has movements: it cannot be deleted (deactivate it) and its unit cannot change. */
  'has-movements',
  /** The item, source or location is deactivated and takes no new movements. */
  'inactive',
  /** The party named is of the wrong kind (e.g. a supplier as receiving unit). */
  'wrong-party-kind',
  /** A dispatch, write-off or adjustment asks for more than the source holds (details name item, source, available, requested). */
  'insufficient-stock',
  /** A quantity of zero: cartons and units add up to nothing. */
  'zero-quantity',
  /** A dispatch without an allocation order number that is not an emergency dispatch (no IOUs, 白条). */
  'order-number-required',
  /** Picks for a dispatch line do not add up to its quantity or name another item. */
  'picks-mismatch',
  /** An adjustment's sign contradicts its reason (e.g. "lost" adding stock). */
  'wrong-sign',
  /** A batch number already received with other dates or origin. */
  'batch-mismatch',
  /** An item with a shelf life needs an expiry or production date. */
  'expiry-required',
  /** A date out of order: in the future, or expiry before production. */
  'invalid-date',
  /** The document was already reversed. */
  'already-reversed',
  /** This document cannot be reversed (a reversal itself). */
  'cannot-reverse',
  /** Returns were posted against this dispatch: reverse them first. */
  'has-returns',
  /** A return exceeds what the dispatch issued of that item, batch and source (less earlier returns). */
  'return-exceeds-dispatch',
  /** The dispatch is not waiting for paperwork (not emergency, already filed, or reversed). */
  'paperwork-not-pending',
  /** A category would become its own ancestor. */
  'invalid-category',
  /** The database refused to change a posted record (a trigger guarding the ledger fired). */
  'immutable',
  /** A backup could not be written or did not verify after writing; no backup file was left (details: file). */
  'backup-failed',
  /** The backup folder cannot be created or written (details: folder). */
  'backup-folder-unwritable',
  /** The file is not a usable backup (details: reason = missing | unreadable | not-a-database | corrupt | newer-version | not-relief-reserve). */
  'backup-invalid',
  /** The backup belongs to another depot (details: backupSite, currentSite); restoring needs explicit confirmation. */
  'backup-other-depot',
  /** A backup is being written; try again when it is done. */
  'backup-in-progress',
  /** The restore could not complete; the database in use before was put back (details: reason). */
  'restore-failed',
  /** Nobody is signed in: sign in first. */
  'not-signed-in',
  /** The signed-in user's role does not allow this (details: permission, role); the refusal is logged. */
  'not-permitted',
  /** The session locked after idle time: the password unlocks it. */
  'session-locked',
  /** Wrong username or password (the same answer for both). */
  'sign-in-failed',
  /** Too many failed sign-ins for this account (details: retryAfterSeconds). */
  'sign-in-throttled',
  /** The admin account exists already: first-start setup cannot run again. */
  'already-set-up',
  /** The change would leave the depot without an active admin. */
  'last-admin',
  /** The current password given is wrong. */
  'wrong-password',
  /** A new account needs a password. */
  'password-required',
  /** A username never changes once created (the ledger names it). */
  'username-fixed',
  /** A path that must be absolute (a folder or file on this PC) is relative (details: path). */
  'path-not-absolute',
  /** The item already has a unit barcode: it needs no internal code (details: itemId, barcode). */
  'has-unit-barcode',
  /** The printout could not be drawn (its record is missing…); details.reason is the view's translated sentence. */
  'print-view-failed',
  /** The printout was not ready in time (details.seconds); nothing was printed. */
  'print-timeout',
  /** The keeper cancelled the system print dialog; nothing was printed. */
  'print-cancelled',
  /** The printer or its driver refused the job (details.reason from the system). */
  'print-failed',
  /** The printer named is not installed on this PC (details.printer). */
  'printer-not-found',
  /** The PDF could not be written where the keeper chose (details.path, details.reason). */
  'pdf-write-failed',
  /** A scanned GTIN (or the GTIN inside a GS1 element string) fails its check digit: a misread or a bad label. */
  'barcode-check-digit',
  /** A scanned GS1 element string breaks the GS1 rules (details: problem, ai). */
  'gs1-invalid',
  /** An incident is still open (details: name): close it before declaring another. */
  'incident-already-open',
  /** The incident was closed already (details: name). */
  'incident-closed',
  /** A kit must hold at least one item (details: code). */
  'kit-empty',
  /** The person who started (or posted) a record may not approve it: a second person approves. */
  'approval-own-document',
  /** The stocktake is approved or cancelled: it takes no more counts, reasons or approvals (details: status). */
  'stocktake-closed',
  /** Some lines of the stocktake have no count yet: every line is counted (0 if empty) before approval (details: lines). */
  'stocktake-not-counted',
  /** The scope chosen holds no stock: there is nothing to count. */
  'stocktake-empty',
  /** While a count is open its book quantities and variances are for those who review it, not for the counters. */
  'stocktake-blind',
  /** The request was already decided (details: status, decidedBy). */
  'approval-not-pending',
  /** A keeper's dispatch above the depot's limit needs a supervisor's approval; nothing was posted (details: quantity, valueFen, quantityLimit, valueLimitFen). */
  'approval-required',
  /** The export's destination folder cannot be created or written (details: folder, reason); nothing was written. */
  'export-folder-unwritable',
  /** An export stopped part-way (details: reason); its temporary files were removed, no file was left. */
  'export-failed',
  /** The audit package's PDF summary cannot be drawn here: this backend was opened without a PDF renderer. No file was left. */
  'export-pdf-unavailable',
  /** The audit package's PDF summary could not be drawn (details.reason); no file was left. */
  'export-pdf-failed',
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
