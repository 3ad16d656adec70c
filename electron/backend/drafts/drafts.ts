import type { BackendContext, HandlersFor } from '../context';
import { DomainError } from '../errors';
import { uuidv7 } from '../ids';

/** Drafts: what a keeper has typed but not posted, kept locally across screen changes and restarts. */
export function createDrafts(ctx: BackendContext) {
  const { db } = ctx;
  const upsert = db.prepare(
    `INSERT INTO document_drafts (id, kind, title, payload, updated_at) VALUES (@id, @kind, @title, @payload, @now)
     ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, title = excluded.title, payload = excluded.payload,
       updated_at = excluded.updated_at`,
  );
  const list = db.prepare<
    { kind: string | null },
    { id: string; kind: string; title: string; payload: string; updated_at: string }
  >(
    'SELECT id, kind, title, payload, updated_at FROM document_drafts WHERE @kind IS NULL OR kind = @kind ORDER BY updated_at DESC',
  );
  const remove = db.prepare<[string]>('DELETE FROM document_drafts WHERE id = ?');
  const kindOf = db.prepare<[string], string>('SELECT kind FROM document_drafts WHERE id = ?').pluck();

  const handlers: HandlersFor<'drafts:save' | 'drafts:list' | 'drafts:delete'> = {
    'drafts:save': (d) => {
      const existing = d.id ? kindOf.get(d.id) : undefined;
      if (existing !== undefined && existing !== d.kind) {
        throw new DomainError('invalid-input', `draft ${d.id} is a ${existing} draft`, [
          { path: ['kind'], message: 'kind differs' },
        ]);
      }
      const id = d.id ?? uuidv7();
      const updatedAt = ctx.now().toISOString();
      upsert.run({ id, kind: d.kind, title: d.title, payload: JSON.stringify(d.payload ?? null), now: updatedAt });
      return { id, kind: d.kind, title: d.title, payload: d.payload ?? null, updatedAt };
    },
    'drafts:list': (q) =>
      list.all({ kind: q?.kind ?? null }).map((r) => ({
        id: r.id,
        kind: r.kind,
        title: r.title,
        payload: JSON.parse(r.payload) as unknown,
        updatedAt: r.updated_at,
      })),
    'drafts:delete': ({ id }) => {
      if (remove.run(id).changes !== 1) throw new DomainError('not-found', `no draft ${id}`, { entity: 'draft', id });
      return { deleted: true };
    },
  };
  return { handlers };
}
