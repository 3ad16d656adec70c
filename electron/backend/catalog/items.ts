import type { z } from 'zod';
import type { Item, itemDraftSchema, itemListQuerySchema } from '../../../shared/contract';
import type { BackendContext, HandlersFor } from '../context';
import { DomainError } from '../errors';
import { uuidv7 } from '../ids';
import type { SettingsStore } from '../settings/settings';

interface ItemRow {
  id: string;
  code: string;
  name: string;
  spec: string;
  base_unit: string;
  pack_size: number;
  has_shelf_life: number;
  shelf_life_days: number | null;
  min_stock: number;
  reserve_quota: number;
  persons_per_unit: number;
  unit_value_fen: number;
  active: number;
}

const itemColumns = `id, code, name, spec, base_unit, pack_size, has_shelf_life, shelf_life_days,
  min_stock, reserve_quota, persons_per_unit, unit_value_fen, active`;

export function itemFromRow(r: ItemRow): Item {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    spec: r.spec,
    baseUnit: r.base_unit,
    packSize: r.pack_size,
    hasShelfLife: r.has_shelf_life === 1,
    shelfLifeDays: r.shelf_life_days,
    minStock: r.min_stock,
    reserveQuota: r.reserve_quota,
    personsPerUnit: r.persons_per_unit,
    unitValueFen: r.unit_value_fen,
    active: r.active === 1,
  };
}

/** Escapes LIKE wildcards so a search for "50%" finds "50%" and not everything. */
function likePattern(text: string): string {
  return '%' + text.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
}

/** The item catalog (物资目录): listing and creating items. */
export function catalogHandlers(
  ctx: BackendContext,
  settings: SettingsStore,
): HandlersFor<'catalog:list-items' | 'catalog:create-item'> {
  const { db } = ctx;
  const filter = `WHERE (@includeInactive = 1 OR active = 1)
      AND (@pattern IS NULL OR code LIKE @pattern ESCAPE '\\' OR name LIKE @pattern ESCAPE '\\' OR spec LIKE @pattern ESCAPE '\\')`;
  const page = db.prepare<{ includeInactive: number; pattern: string | null; limit: number; offset: number }, ItemRow>(
    `SELECT ${itemColumns} FROM items ${filter} ORDER BY code LIMIT @limit OFFSET @offset`,
  );
  const count = db
    .prepare<{ includeInactive: number; pattern: string | null }, number>(`SELECT count(*) FROM items ${filter}`)
    .pluck();
  const byCode = db.prepare<[string, string], { id: string }>('SELECT id FROM items WHERE site_code = ? AND code = ?');
  const byId = db.prepare<[string], ItemRow>(`SELECT ${itemColumns} FROM items WHERE id = ?`);
  const insert = db.prepare(
    `INSERT INTO items (id, site_code, code, name, spec, base_unit, pack_size, has_shelf_life, shelf_life_days,
       min_stock, reserve_quota, persons_per_unit, unit_value_fen, active, created_at, updated_at)
     VALUES (@id, @siteCode, @code, @name, @spec, @baseUnit, @packSize, @hasShelfLife, @shelfLifeDays,
       @minStock, @reserveQuota, @personsPerUnit, @unitValueFen, 1, @now, @now)`,
  );

  const create = db.transaction((draft: z.output<typeof itemDraftSchema>): Item => {
    const siteCode = settings.siteCode();
    if (byCode.get(siteCode, draft.code)) {
      throw new DomainError('duplicate-code', `an item with code ${draft.code} already exists`, { code: draft.code });
    }
    const id = uuidv7();
    insert.run({
      ...draft,
      id,
      siteCode,
      hasShelfLife: draft.hasShelfLife ? 1 : 0,
      shelfLifeDays: draft.hasShelfLife ? draft.shelfLifeDays : null,
      now: ctx.now().toISOString(),
    });
    return itemFromRow(byId.get(id)!);
  });

  return {
    'catalog:list-items': (q: z.output<typeof itemListQuerySchema>) => {
      const params = { includeInactive: q.includeInactive ? 1 : 0, pattern: q.search ? likePattern(q.search) : null };
      return {
        rows: page.all({ ...params, limit: q.limit, offset: q.offset }).map(itemFromRow),
        total: count.get(params)!,
      };
    },
    'catalog:create-item': (draft) => create(draft),
  };
}
