/**
 * Supervisor approval (审批). A keeper applies for a write-off, a reversal or a dispatch above the
 * depot's limit: the application is checked by posting it inside a savepoint that is rolled back (so
 * every rule of the real posting applies, and nothing is written), and stored pending. An approver
 * posts it through the same posting path — stock is checked again then — and the request records who
 * approved and when. Nobody approves their own request unless the depot is configured single-person.
 */
import type { z } from 'zod';
import type {
  ApprovalKind,
  ApprovalRequest,
  ApprovalStamp,
  Posted,
  approvalSubmitSchema,
  dispatchInputSchema,
  reversalInputSchema,
  writeOffInputSchema,
} from '../../../shared/contract';
import { roleMay } from '../../../shared/permissions';
import type { BackendContext, HandlersFor } from '../context';
import { transactional } from '../db/database';
import { DomainError } from '../errors';
import { uuidv7 } from '../ids';
import type { SettingsStore } from '../settings/settings';

type WriteOffInput = z.output<typeof writeOffInputSchema>;
type ReversalInput = z.output<typeof reversalInputSchema>;
type DispatchInput = z.output<typeof dispatchInputSchema>;
type Submission = z.output<typeof approvalSubmitSchema>;

/** The postings a request ends in; each runs in its own (nested) transaction. */
export interface ApprovalPostings {
  postWriteOff(input: WriteOffInput): Posted;
  reverse(input: ReversalInput): Posted;
  postDispatch(input: DispatchInput): Posted;
}

interface Summary {
  reason: string;
  targetNumber: string | null;
  lines: ApprovalRequest['lines'];
  totalQuantity: number;
  totalValueFen: number;
}

interface RequestRow {
  id: string;
  kind: ApprovalKind;
  input: string;
  summary: string;
  requested_by: string;
  requested_at: string;
  status: ApprovalRequest['status'];
  decided_by: string | null;
  decided_at: string | null;
  reject_reason: string;
  self_approved: number;
  document_id: string | null;
  document_number: string | null;
}

/** Thrown inside a trial posting to roll it back once its summary is read. */
class TrialDone extends Error {}

export function createApprovals(ctx: BackendContext, settings: SettingsStore, postings: ApprovalPostings) {
  const { db } = ctx;
  const documentHeader = db.prepare<
    [string],
    { kind: string; reason: string; related_number: string | null; party_name: string | null }
  >(
    `SELECT d.kind, d.reason, r.number AS related_number, p.name AS party_name
     FROM documents d LEFT JOIN documents r ON r.id = d.related_id LEFT JOIN document_parties p ON p.document_id = d.id
     WHERE d.id = ?`,
  );
  const documentLines = db.prepare<
    [string],
    { code: string; name: string; base_unit: string; quantity: number; unit_value_fen: number }
  >(
    `SELECT i.code, i.name, i.base_unit, l.quantity, i.unit_value_fen
     FROM document_lines l JOIN items i ON i.id = l.item_id WHERE l.document_id = ? ORDER BY l.line_no`,
  );
  const displayName = db.prepare<[string], string>('SELECT display_name FROM users WHERE username = ?').pluck();
  const insert = db.prepare(
    `INSERT INTO approval_requests (id, site_code, kind, input, summary, requested_by, requested_at, status,
       decided_by, decided_at, self_approved, document_id)
     VALUES (@id, @siteCode, @kind, @input, @summary, @requestedBy, @requestedAt, @status, @decidedBy, @decidedAt,
       @selfApproved, @documentId)`,
  );
  const selectRows = `SELECT a.id, a.kind, a.input, a.summary, a.requested_by, a.requested_at, a.status, a.decided_by,
       a.decided_at, a.reject_reason, a.self_approved, a.document_id, d.number AS document_number
     FROM approval_requests a LEFT JOIN documents d ON d.id = a.document_id`;
  const byId = db.prepare<[string], RequestRow>(`${selectRows} WHERE a.id = ?`);
  const byDocument = db.prepare<[string], RequestRow>(`${selectRows} WHERE a.document_id = ?`);
  const list = db.prepare<{ status: string | null; limit: number; offset: number }, RequestRow>(
    `${selectRows} WHERE @status IS NULL OR a.status = @status ORDER BY a.requested_at DESC, a.id DESC
     LIMIT @limit OFFSET @offset`,
  );
  const count = db
    .prepare<{ status: string | null }, number>(
      'SELECT count(*) FROM approval_requests WHERE @status IS NULL OR status = @status',
    )
    .pluck();
  const approve = db.prepare(
    `UPDATE approval_requests SET status = 'approved', decided_by = @decidedBy, decided_at = @decidedAt,
       self_approved = @selfApproved, document_id = @documentId WHERE id = @id AND status = 'pending'`,
  );
  const reject = db.prepare(
    `UPDATE approval_requests SET status = 'rejected', decided_by = @decidedBy, decided_at = @decidedAt,
       reject_reason = @reason WHERE id = @id AND status = 'pending'`,
  );
  const deleteDraft = db.prepare<[string]>('DELETE FROM document_drafts WHERE id = ?');

  const nameOf = (username: string) => displayName.get(username) ?? username;

  /** What a posted document moves, read back from what was written (so quantities are the posting's own). */
  function summarize(documentId: string): Summary {
    const header = documentHeader.get(documentId)!;
    const lines = documentLines.all(documentId).map((l) => ({
      itemCode: l.code,
      itemName: l.name,
      baseUnit: l.base_unit,
      quantity: Math.abs(l.quantity),
      valueFen: Math.abs(l.quantity) * l.unit_value_fen,
    }));
    return {
      reason: header.kind === 'dispatch' ? (header.party_name ?? '') : header.reason,
      targetNumber: header.related_number,
      lines,
      totalQuantity: lines.reduce((s, l) => s + l.quantity, 0),
      totalValueFen: lines.reduce((s, l) => s + l.valueFen, 0),
    };
  }

  function post(submission: Submission): Posted {
    switch (submission.kind) {
      case 'write_off':
        return postings.postWriteOff(submission.input);
      case 'reversal':
        return postings.reverse(submission.input);
      case 'dispatch':
        return postings.postDispatch(submission.input);
    }
  }

  /** Posts inside a savepoint that is always rolled back: every rule is checked, nothing stays. */
  function trial(submission: Submission): Summary {
    let summary: Summary | undefined;
    try {
      db.transaction(() => {
        summary = summarize(post(submission).id);
        throw new TrialDone();
      })();
    } catch (err) {
      if (!(err instanceof TrialDone)) throw err;
    }
    return summary!;
  }

  function toRequest(row: RequestRow): ApprovalRequest {
    const summary = JSON.parse(row.summary) as Summary;
    return {
      id: row.id,
      kind: row.kind,
      status: row.status,
      requestedBy: row.requested_by,
      requestedByName: nameOf(row.requested_by),
      requestedAt: row.requested_at,
      ...summary,
      decidedBy: row.decided_by,
      decidedByName: row.decided_by === null ? null : nameOf(row.decided_by),
      decidedAt: row.decided_at,
      rejectReason: row.reject_reason,
      selfApproved: row.self_approved === 1,
      documentId: row.document_id,
      documentNumber: row.document_number,
    };
  }

  function pending(id: string): RequestRow {
    const row = byId.get(id);
    if (!row) throw new DomainError('not-found', `no approval request ${id}`, { entity: 'approval', id });
    if (row.status !== 'pending') {
      throw new DomainError('approval-not-pending', `request ${id} was already ${row.status} by ${row.decided_by}`, {
        status: row.status,
        decidedBy: row.decided_by,
        decidedByName: row.decided_by === null ? null : nameOf(row.decided_by),
      });
    }
    return row;
  }

  /** A posting an approver made themselves: recorded as approved by them, marked self-approved. */
  function recordDirect(kind: ApprovalKind, input: unknown, posted: Posted): void {
    const at = ctx.now().toISOString();
    insert.run({
      id: uuidv7(),
      siteCode: ctx.siteCode(),
      kind,
      input: JSON.stringify(input),
      summary: JSON.stringify(summarize(posted.id)),
      requestedBy: ctx.operator(),
      requestedAt: at,
      status: 'approved',
      decidedBy: ctx.operator(),
      decidedAt: at,
      selfApproved: 1,
      documentId: posted.id,
    });
  }

  function overLimit(summary: Summary): boolean {
    const { approvalQuantityLimit: quantity, approvalValueLimitFen: value } = settings.all();
    return (quantity !== null && summary.totalQuantity > quantity) || (value !== null && summary.totalValueFen > value);
  }

  const mayApprove = () => {
    const role = ctx.role();
    return role !== null && roleMay(role, 'approve');
  };

  function submit(submission: Submission): ApprovalRequest {
    // The request now holds the keeper's work: the draft it came from is done with.
    const { draftId, ...input } = submission.input as typeof submission.input & { draftId?: string };
    const stored = { kind: submission.kind, input } as Submission;
    const summary = trial(stored);
    if (draftId) deleteDraft.run(draftId);
    const id = uuidv7();
    insert.run({
      id,
      siteCode: ctx.siteCode(),
      kind: submission.kind,
      input: JSON.stringify(input),
      summary: JSON.stringify(summary),
      requestedBy: ctx.operator(),
      requestedAt: ctx.now().toISOString(),
      status: 'pending',
      decidedBy: null,
      decidedAt: null,
      selfApproved: 0,
      documentId: null,
    });
    return toRequest(byId.get(id)!);
  }

  function approveRequest(id: string): Posted & { request: ApprovalRequest } {
    const row = pending(id);
    const approver = ctx.operator();
    const self = row.requested_by === approver;
    if (self && !settings.all().singlePerson) {
      throw new DomainError('approval-own-document', `${approver} cannot approve their own request`, {
        requestedBy: row.requested_by,
      });
    }
    // The real posting, with today's stock: a shortage since the request refuses here and nothing is written.
    const posted = post({ kind: row.kind, input: JSON.parse(row.input) as never } as Submission);
    approve.run({
      id,
      decidedBy: approver,
      decidedAt: ctx.now().toISOString(),
      selfApproved: self ? 1 : 0,
      documentId: posted.id,
    });
    return { ...posted, request: toRequest(byId.get(id)!) };
  }

  function rejectRequest(id: string, reason: string): ApprovalRequest {
    pending(id);
    reject.run({ id, decidedBy: ctx.operator(), decidedAt: ctx.now().toISOString(), reason });
    return toRequest(byId.get(id)!);
  }

  /** A dispatch: a keeper's above the limit is refused (to be applied for); an approver's is recorded as self-approved. */
  function postDispatch(input: DispatchInput): Posted {
    const posted = postings.postDispatch(input);
    const summary = summarize(posted.id);
    if (!overLimit(summary)) return posted;
    if (!mayApprove()) {
      const { approvalQuantityLimit, approvalValueLimitFen } = settings.all();
      throw new DomainError('approval-required', 'this dispatch is above the limit a keeper may post alone', {
        quantity: summary.totalQuantity,
        valueFen: summary.totalValueFen,
        quantityLimit: approvalQuantityLimit,
        valueLimitFen: approvalValueLimitFen,
      });
    }
    recordDirect('dispatch', input, posted);
    return posted;
  }

  /** Who applied and who approved a document, for the document view; null when it needed no approval. */
  function stampOf(documentId: string): ApprovalStamp | null {
    const row = byDocument.get(documentId);
    if (!row || row.status !== 'approved') return null;
    return {
      requestedBy: row.requested_by,
      requestedByName: nameOf(row.requested_by),
      requestedAt: row.requested_at,
      approvedBy: row.decided_by!,
      approvedByName: nameOf(row.decided_by!),
      approvedAt: row.decided_at!,
      selfApproved: row.self_approved === 1,
    };
  }

  const handlers: HandlersFor<
    | 'approvals:submit'
    | 'approvals:list'
    | 'approvals:approve'
    | 'approvals:reject'
    | 'stock:post-write-off'
    | 'stock:reverse'
    | 'stock:post-dispatch'
  > = {
    'approvals:submit': transactional(db, submit),
    'approvals:list': (q) => {
      const status = q.status ?? null;
      return {
        rows: list.all({ status, limit: q.limit, offset: q.offset }).map(toRequest),
        total: count.get({ status })!,
      };
    },
    'approvals:approve': transactional(db, ({ id }: { id: string }) => approveRequest(id)),
    'approvals:reject': transactional(db, ({ id, reason }: { id: string; reason: string }) =>
      rejectRequest(id, reason),
    ),
    'stock:post-write-off': transactional(db, (input: WriteOffInput) => {
      const posted = postings.postWriteOff(input);
      recordDirect('write_off', input, posted);
      return posted;
    }),
    'stock:reverse': transactional(db, (input: ReversalInput) => {
      const posted = postings.reverse(input);
      recordDirect('reversal', input, posted);
      return posted;
    }),
    'stock:post-dispatch': transactional(db, postDispatch),
  };
  return { handlers, stampOf };
}

export type Approvals = ReturnType<typeof createApprovals>;
