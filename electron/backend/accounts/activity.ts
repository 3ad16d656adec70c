/**
 * The activity log: who did what, when — sign-ins and their failures, refusals, every posting,
 * reversal, catalog and settings change (with the value before), backups and restores. Append-only
 * (triggers refuse UPDATE/DELETE) and hash-chained per site like the ledger, so `activity:verify-chain`
 * tells whether anyone rewrote it.
 */
import { createHash } from 'node:crypto';
import type { BackendContext, HandlersFor } from '../context';
import { uuidv7 } from '../ids';

export interface ActivityRecord {
  actor: string | null;
  action: string;
  outcome: 'ok' | 'refused';
  target?: string | null;
  detail?: unknown;
}

const genesis = '0'.repeat(64);
const maxDetail = 20_000;

/** Drops anything that looks like a password from what is logged, at any depth. */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => !/password|hash/i.test(key))
        .map(([key, v]) => [key, withoutSecrets(v)]),
    );
  }
  return value;
}

function detailText(detail: unknown): string {
  const text = JSON.stringify(withoutSecrets(detail ?? null)) ?? 'null';
  return text.length > maxDetail ? JSON.stringify({ truncated: text.slice(0, maxDetail) }) : text;
}

function entryHash(row: {
  siteCode: string;
  seq: number;
  id: string;
  at: string;
  actor: string | null;
  action: string;
  outcome: string;
  target: string | null;
  detail: string;
  prevHash: string;
}): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        row.siteCode,
        row.seq,
        row.id,
        row.at,
        row.actor,
        row.action,
        row.outcome,
        row.target,
        row.detail,
        row.prevHash,
      ]),
    )
    .digest('hex');
}

export function createActivityLog(ctx: BackendContext) {
  const { db } = ctx;
  const head = db.prepare<[string], { seq: number; hash: string }>(
    'SELECT seq, hash FROM activity_log WHERE site_code = ? ORDER BY seq DESC LIMIT 1',
  );
  const nextSeq = db.prepare('SELECT coalesce(max(seq), 0) + 1 FROM activity_log').pluck();
  const insert = db.prepare(
    `INSERT INTO activity_log (seq, id, site_code, at, actor, action, outcome, target, detail, prev_hash, hash)
     VALUES (@seq, @id, @siteCode, @at, @actor, @action, @outcome, @target, @detail, @prevHash, @hash)`,
  );

  const append = db.transaction((record: ActivityRecord) => {
    const siteCode = ctx.siteCode();
    const row = {
      seq: nextSeq.get() as number,
      id: uuidv7(ctx.now().getTime()),
      siteCode,
      at: ctx.now().toISOString(),
      actor: record.actor,
      action: record.action,
      outcome: record.outcome,
      target: record.target ?? null,
      detail: detailText(record.detail),
      prevHash: head.get(siteCode)?.hash ?? genesis,
    };
    insert.run({ ...row, hash: entryHash(row) });
  });

  const handlers: HandlersFor<'activity:list' | 'activity:verify-chain'> = {
    'activity:list': (query) => {
      const where: string[] = [];
      const params: Record<string, unknown> = {};
      if (query.from) {
        where.push('at >= @from');
        params.from = query.from;
      }
      if (query.to) {
        where.push('at < @to');
        // A date alone means "through that day".
        params.to = /^\d{4}-\d{2}-\d{2}$/.test(query.to) ? `${query.to}T99` : query.to;
      }
      if (query.actor) {
        where.push('actor = @actor');
        params.actor = query.actor.toLowerCase();
      }
      if (query.action) {
        where.push('action LIKE @action');
        params.action = `${query.action}%`;
      }
      const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const total = db.prepare(`SELECT count(*) FROM activity_log ${clause}`).pluck().get(params) as number;
      const rows = db
        .prepare<
          Record<string, unknown>,
          {
            seq: number;
            at: string;
            actor: string | null;
            action: string;
            outcome: 'ok' | 'refused';
            target: string | null;
            detail: string;
          }
        >(
          `SELECT seq, at, actor, action, outcome, target, detail FROM activity_log ${clause}
           ORDER BY seq DESC LIMIT @limit OFFSET @offset`,
        )
        .all({ ...params, limit: query.limit, offset: query.offset });
      return { rows: rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as unknown })), total };
    },
    'activity:verify-chain': () => {
      const siteCode = ctx.siteCode();
      let prev = genesis;
      let entries = 0;
      for (const r of db
        .prepare<
          [string],
          {
            seq: number;
            id: string;
            at: string;
            actor: string | null;
            action: string;
            outcome: string;
            target: string | null;
            detail: string;
            prev_hash: string;
            hash: string;
          }
        >(
          `SELECT seq, id, at, actor, action, outcome, target, detail, prev_hash, hash FROM activity_log
           WHERE site_code = ? ORDER BY seq`,
        )
        .iterate(siteCode)) {
        const expected = entryHash({ ...r, siteCode, prevHash: prev });
        if (r.prev_hash !== prev || r.hash !== expected) {
          return { ok: false, entries, headHash: null, firstBadSeq: r.seq };
        }
        prev = r.hash;
        entries++;
      }
      return { ok: true, entries, headHash: entries ? prev : null, firstBadSeq: null };
    },
  };

  return { append: (record: ActivityRecord) => append(record), handlers };
}

export type ActivityLog = ReturnType<typeof createActivityLog>;
