import type { z } from 'zod';
import type {
  Category,
  categoryDraftSchema,
  Location,
  locationDraftSchema,
  Party,
  partyDraftSchema,
  partyKinds,
  Source,
  sourceDraftSchema,
} from '../../../shared/contract';
import type { BackendContext, HandlersFor } from '../context';
import { DomainError } from '../errors';
import { uuidv7 } from '../ids';

type PartyKind = (typeof partyKinds)[number];

/** GB/T 38565 class codes grow by level: 1 digit, then 2 more per level (1 → 101 → 10101 → 1010101). */
function gbParentCodes(code: string): string[] {
  if (!/^\d{3}$|^\d{5}$|^\d{7}$/.test(code)) return [];
  const parents: string[] = [];
  for (let len = code.length - 2; len >= 1; len -= 2) parents.push(code.slice(0, len));
  return parents;
}

/**
 * Categories, stock sources (物资来源), parties (receiving units, suppliers, donors, issuing units)
 * and locations (库区/货位). Each `require*` throws a translated refusal when the record is missing
 * or, for new movements, deactivated.
 */
export function createMasterData(ctx: BackendContext) {
  const { db } = ctx;
  const now = () => ctx.now().toISOString();

  // — categories —
  const categories = db.prepare<[], { id: string; code: string; name: string; parent_id: string | null }>(
    'SELECT id, code, name, parent_id FROM categories ORDER BY code',
  );
  const categoryById = db.prepare<[string], { id: string; code: string; parent_id: string | null }>(
    'SELECT id, code, parent_id FROM categories WHERE id = ?',
  );
  const categoryByCode = db.prepare<[string, string], { id: string }>(
    'SELECT id FROM categories WHERE site_code = ? AND code = ?',
  );
  const insertCategory = db.prepare(
    `INSERT INTO categories (id, site_code, code, name, parent_id, created_at, updated_at)
     VALUES (@id, @siteCode, @code, @name, @parentId, @now, @now)`,
  );
  const updateCategory = db.prepare(
    'UPDATE categories SET code = @code, name = @name, parent_id = @parentId, updated_at = @now WHERE id = @id',
  );

  function listCategories(): Category[] {
    const rows = categories.all();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const level = (r: { parent_id: string | null }): number => {
      let n = 1;
      for (let p = r.parent_id; p && n < 50; p = byId.get(p)?.parent_id ?? null) n++;
      return n;
    };
    return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, parentId: r.parent_id, level: level(r) }));
  }

  const saveCategory = db.transaction((draft: z.output<typeof categoryDraftSchema>): Category => {
    const siteCode = ctx.siteCode();
    const clash = categoryByCode.get(siteCode, draft.code);
    if (clash && clash.id !== draft.id) {
      throw new DomainError('duplicate-code', `a category with code ${draft.code} already exists`, {
        code: draft.code,
      });
    }
    let parentId = draft.parentId ?? null;
    if (draft.parentId === undefined) {
      for (const code of gbParentCodes(draft.code)) {
        const parent = categoryByCode.get(siteCode, code);
        if (parent) {
          parentId = parent.id;
          break;
        }
      }
    }
    if (parentId !== null) {
      // Walk up from the parent: meeting the category itself would make a loop.
      for (let p: string | null = parentId, depth = 0; p; depth++) {
        const node = categoryById.get(p);
        if (!node) throw new DomainError('not-found', `no category ${p}`, { entity: 'category', id: p });
        if (node.id === draft.id || depth > 50) {
          throw new DomainError('invalid-category', 'a category cannot sit under itself', { id: draft.id });
        }
        p = node.parent_id;
      }
    }
    const id = draft.id ?? uuidv7();
    if (draft.id) {
      if (!categoryById.get(draft.id))
        throw new DomainError('not-found', `no category ${draft.id}`, { entity: 'category', id: draft.id });
      updateCategory.run({ id, code: draft.code, name: draft.name, parentId, now: now() });
    } else {
      insertCategory.run({ id, siteCode, code: draft.code, name: draft.name, parentId, now: now() });
    }
    return listCategories().find((c) => c.id === id)!;
  });

  // — parties —
  type PartyRow = {
    id: string;
    kind: PartyKind;
    name: string;
    contact: string;
    phone: string;
    address: string;
    active: number;
  };
  const partyColumns = 'id, kind, name, contact, phone, address, active';
  const parties = db.prepare<{ kind: string | null }, PartyRow>(
    `SELECT ${partyColumns} FROM parties WHERE @kind IS NULL OR kind = @kind ORDER BY kind, name`,
  );
  const partyById = db.prepare<[string], PartyRow>(`SELECT ${partyColumns} FROM parties WHERE id = ?`);
  const partyByName = db.prepare<[string, string, string], { id: string }>(
    'SELECT id FROM parties WHERE site_code = ? AND kind = ? AND name = ?',
  );
  const insertParty = db.prepare(
    `INSERT INTO parties (id, site_code, kind, name, contact, phone, address, active, created_at, updated_at)
     VALUES (@id, @siteCode, @kind, @name, @contact, @phone, @address, @active, @now, @now)`,
  );
  const updateParty = db.prepare(
    `UPDATE parties SET kind = @kind, name = @name, contact = @contact, phone = @phone, address = @address,
       active = @active, updated_at = @now WHERE id = @id`,
  );
  const partyFromRow = (r: PartyRow): Party => ({ ...r, active: r.active === 1 });

  function requireParty(id: string, kinds: readonly PartyKind[]): Party {
    const row = partyById.get(id);
    if (!row) throw new DomainError('not-found', `no party ${id}`, { entity: 'party', id });
    if (!kinds.includes(row.kind)) {
      throw new DomainError('wrong-party-kind', `${row.name} is a ${row.kind}, not a ${kinds.join(' or ')}`, {
        id,
        kind: row.kind,
        expected: kinds,
      });
    }
    if (!row.active) throw new DomainError('inactive', `${row.name} is deactivated`, { entity: 'party', id });
    return partyFromRow(row);
  }

  const saveParty = db.transaction((draft: z.output<typeof partyDraftSchema>): Party => {
    const clash = partyByName.get(ctx.siteCode(), draft.kind, draft.name);
    if (clash && clash.id !== draft.id) {
      throw new DomainError('duplicate-code', `a ${draft.kind} named ${draft.name} already exists`, {
        code: draft.name,
      });
    }
    const id = draft.id ?? uuidv7();
    const values = { ...draft, id, active: draft.active ? 1 : 0, now: now() };
    if (draft.id) {
      if (!partyById.get(draft.id))
        throw new DomainError('not-found', `no party ${draft.id}`, { entity: 'party', id: draft.id });
      updateParty.run(values);
    } else insertParty.run({ ...values, siteCode: ctx.siteCode() });
    return partyFromRow(partyById.get(id)!);
  });

  // — sources —
  type SourceRow = {
    id: string;
    code: string;
    name: string;
    kind: Source['kind'];
    donor_id: string | null;
    donor_name: string | null;
    active: number;
  };
  const sourceSelect = `SELECT s.id, s.code, s.name, s.kind, s.donor_id, p.name AS donor_name, s.active
    FROM sources s LEFT JOIN parties p ON p.id = s.donor_id`;
  const sources = db.prepare<[], SourceRow>(`${sourceSelect} ORDER BY s.code`);
  const sourceById = db.prepare<[string], SourceRow>(`${sourceSelect} WHERE s.id = ?`);
  const sourceByCode = db.prepare<[string, string], { id: string }>(
    'SELECT id FROM sources WHERE site_code = ? AND code = ?',
  );
  const insertSource = db.prepare(
    `INSERT INTO sources (id, site_code, code, name, kind, donor_id, active, created_at, updated_at)
     VALUES (@id, @siteCode, @code, @name, @kind, @donorId, @active, @now, @now)`,
  );
  const updateSource = db.prepare(
    `UPDATE sources SET code = @code, name = @name, kind = @kind, donor_id = @donorId, active = @active, updated_at = @now
     WHERE id = @id`,
  );
  const sourceHasStock = db
    .prepare<[string], number>('SELECT 1 FROM ledger_entries WHERE source_id = ? LIMIT 1')
    .pluck();
  const sourceFromRow = (r: SourceRow): Source => ({
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    donorId: r.donor_id,
    donorName: r.donor_name,
    active: r.active === 1,
  });

  function requireSource(id: string, forNewStock = true): Source {
    const row = sourceById.get(id);
    if (!row) throw new DomainError('not-found', `no source ${id}`, { entity: 'source', id });
    if (forNewStock && !row.active)
      throw new DomainError('inactive', `source ${row.name} is deactivated`, { entity: 'source', id });
    return sourceFromRow(row);
  }

  const saveSource = db.transaction((draft: z.output<typeof sourceDraftSchema>): Source => {
    const clash = sourceByCode.get(ctx.siteCode(), draft.code);
    if (clash && clash.id !== draft.id) {
      throw new DomainError('duplicate-code', `a source with code ${draft.code} already exists`, { code: draft.code });
    }
    if (draft.donorId) requireParty(draft.donorId, ['donor']);
    const id = draft.id ?? uuidv7();
    const values = { ...draft, id, active: draft.active ? 1 : 0, now: now() };
    if (draft.id) {
      const current = sourceById.get(draft.id);
      if (!current) throw new DomainError('not-found', `no source ${draft.id}`, { entity: 'source', id: draft.id });
      // Stock of a source is traced to its donor: once it has movements, the donor and kind are fixed.
      if (sourceHasStock.get(draft.id) && (current.kind !== draft.kind || current.donor_id !== draft.donorId)) {
        throw new DomainError('has-movements', `source ${current.name} has movements: its kind and donor are fixed`, {
          sourceId: draft.id,
        });
      }
      updateSource.run(values);
    } else insertSource.run({ ...values, siteCode: ctx.siteCode() });
    return sourceFromRow(sourceById.get(id)!);
  });

  // — locations —
  type LocationRow = {
    id: string;
    code: string;
    name: string;
    kind: Location['kind'];
    zone_id: string | null;
    active: number;
  };
  const locationColumns = 'id, code, name, kind, zone_id, active';
  const locations = db.prepare<[], LocationRow>(`SELECT ${locationColumns} FROM locations ORDER BY code`);
  const locationById = db.prepare<[string], LocationRow>(`SELECT ${locationColumns} FROM locations WHERE id = ?`);
  const locationByCode = db.prepare<[string, string], { id: string }>(
    'SELECT id FROM locations WHERE site_code = ? AND code = ?',
  );
  const insertLocation = db.prepare(
    `INSERT INTO locations (id, site_code, code, name, kind, zone_id, active, created_at, updated_at)
     VALUES (@id, @siteCode, @code, @name, @kind, @zoneId, @active, @now, @now)`,
  );
  const updateLocation = db.prepare(
    'UPDATE locations SET code = @code, name = @name, kind = @kind, zone_id = @zoneId, active = @active, updated_at = @now WHERE id = @id',
  );
  const locationFromRow = (r: LocationRow): Location => ({
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    zoneId: r.zone_id,
    active: r.active === 1,
  });

  function requireLocation(id: string, forNewStock = true): Location {
    const row = locationById.get(id);
    if (!row) throw new DomainError('not-found', `no location ${id}`, { entity: 'location', id });
    if (forNewStock && !row.active) {
      throw new DomainError('inactive', `location ${row.code} is deactivated`, { entity: 'location', id });
    }
    return locationFromRow(row);
  }

  const saveLocation = db.transaction((draft: z.output<typeof locationDraftSchema>): Location => {
    const clash = locationByCode.get(ctx.siteCode(), draft.code);
    if (clash && clash.id !== draft.id) {
      throw new DomainError('duplicate-code', `a location with code ${draft.code} already exists`, {
        code: draft.code,
      });
    }
    if (draft.zoneId) {
      const zone = requireLocation(draft.zoneId, false);
      if (zone.kind !== 'zone' || zone.id === draft.id) {
        throw new DomainError('invalid-input', 'a slot sits in a zone', [{ path: ['zoneId'], message: 'not a zone' }]);
      }
    }
    const id = draft.id ?? uuidv7();
    const values = { ...draft, id, active: draft.active ? 1 : 0, now: now() };
    if (draft.id) {
      if (!locationById.get(draft.id))
        throw new DomainError('not-found', `no location ${draft.id}`, { entity: 'location', id: draft.id });
      updateLocation.run(values);
    } else insertLocation.run({ ...values, siteCode: ctx.siteCode() });
    return locationFromRow(locationById.get(id)!);
  });

  const handlers: HandlersFor<
    | 'catalog:list-categories'
    | 'catalog:save-category'
    | 'catalog:list-sources'
    | 'catalog:save-source'
    | 'catalog:list-parties'
    | 'catalog:save-party'
    | 'catalog:list-locations'
    | 'catalog:save-location'
  > = {
    'catalog:list-categories': () => listCategories(),
    'catalog:save-category': (d) => saveCategory(d),
    'catalog:list-sources': () => sources.all().map(sourceFromRow),
    'catalog:save-source': (d) => saveSource(d),
    'catalog:list-parties': (q) => parties.all({ kind: q?.kind ?? null }).map(partyFromRow),
    'catalog:save-party': (d) => saveParty(d),
    'catalog:list-locations': () => locations.all().map(locationFromRow),
    'catalog:save-location': (d) => saveLocation(d),
  };

  return { requireParty, requireSource, requireLocation, handlers };
}

export type MasterData = ReturnType<typeof createMasterData>;
