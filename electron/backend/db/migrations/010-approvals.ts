import type { Migration } from './index';

/**
 * Approval requests (审批). A request holds the posting input as submitted; it is decided once —
 * approved (then `document_id` names what was posted) or rejected with a reason — and never deleted,
 * so the record of who asked and who approved stands beside the immutable document.
 */
export const approvals: Migration = {
  version: 10,
  name: 'approvals',
  sql: `
    CREATE TABLE approval_requests (
      id             TEXT PRIMARY KEY,
      site_code      TEXT NOT NULL,
      kind           TEXT NOT NULL CHECK (kind IN ('write_off', 'reversal', 'dispatch')),
      input          TEXT NOT NULL,
      summary        TEXT NOT NULL,
      requested_by   TEXT NOT NULL,
      requested_at   TEXT NOT NULL,
      status         TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
      decided_by     TEXT,
      decided_at     TEXT,
      reject_reason  TEXT NOT NULL DEFAULT '',
      self_approved  INTEGER NOT NULL DEFAULT 0 CHECK (self_approved IN (0, 1)),
      document_id    TEXT REFERENCES documents (id),
      CHECK ((status = 'pending') = (decided_by IS NULL)),
      CHECK ((status = 'approved') = (document_id IS NOT NULL))
    );
    CREATE INDEX approval_requests_by_status ON approval_requests (status, requested_at);
    CREATE UNIQUE INDEX approval_requests_by_document ON approval_requests (document_id) WHERE document_id IS NOT NULL;
    CREATE TRIGGER approval_requests_decided_once BEFORE UPDATE ON approval_requests
    WHEN OLD.status <> 'pending' OR NEW.input IS NOT OLD.input OR NEW.requested_by IS NOT OLD.requested_by
      OR NEW.requested_at IS NOT OLD.requested_at OR NEW.kind IS NOT OLD.kind OR NEW.summary IS NOT OLD.summary
    BEGIN SELECT RAISE(ABORT, 'immutable: an approval request is decided once'); END;
    CREATE TRIGGER approval_requests_no_delete BEFORE DELETE ON approval_requests
    BEGIN SELECT RAISE(ABORT, 'immutable: an approval request cannot be deleted'); END;
  `,
};
