import { pinyin } from 'pinyin-pro';
import type { z } from 'zod';
import type {
  Barcode,
  Item,
  ItemDetail,
  ItemSearchHit,
  itemDraftSchema,
  itemListQuerySchema,
  itemUpdateSchema,
} from '../../../shared/contract';
import type { BackendContext, HandlersFor } from '../context';
import { transactional } from '../db/database';
import { DomainError } from '../errors';
import { uuidv7 } from '../ids';

interface ItemRow {
  id: string;
  code: string;
  name: string;
  spec: string;
  category_id: string | null;
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

export const itemColumns = `id, code, name, spec, category_id, base_unit, pack_size, has_shelf_life, shelf_life_days,
  min_stock, reserve_quota, persons_per_unit, unit_value_fen, active`;

export function itemFromRow(r: ItemRow): Item {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    spec: r.spec,
    categoryId: r.category_id,
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

/** The pinyin initials of a name, lowercase Latin letters only (单帐篷 → dzp, 12m²帐篷 → zp). */
export function pinyinInitials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** Escapes LIKE wildcards so a search for "50%" finds "50%" and not everything. */
function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => '\\' + c);
}

/** A LIKE pattern matching text anywhere (use with ESCAPE '\\'). */
export function likePattern(text: string): string {
  return `%${likeEscape(text)}%`;
}

type ItemDraft = z.output<typeof itemDraftSchema>;

/** The item catalog (物资目录): items and their barcodes. */
export function createItems(ctx: BackendContext) {
  const { db } = ctx;
  const filter = `WHERE (@includeInactive = 1 OR active = 1)
      AND (@categoryId IS NULL OR category_id = @categoryId)
      AND (@pattern IS NULL OR code LIKE @pattern ESCAPE '\\' OR name LIKE @pattern ESCAPE '\\'
           OR spec LIKE @pattern ESCAPE '\\'
           OR id IN (SELECT item_id FROM item_barcodes WHERE barcode LIKE @pattern ESCAPE '\\'))`;
  type Filter = { includeInactive: number; categoryId: string | null; pattern: string | null };
  const page = db.prepare<Filter & { limit: number; offset: number }, ItemRow>(
    `SELECT ${itemColumns} FROM items ${filter} ORDER BY code LIMIT @limit OFFSET @offset`,
  );
  const count = db.prepare<Filter, number>(`SELECT count(*) FROM items ${filter}`).pluck();
  const byCode = db.prepare<[string, string], { id: string }>('SELECT id FROM items WHERE site_code = ? AND code = ?');
  const byId = db.prepare<[string], ItemRow>(`SELECT ${itemColumns} FROM items WHERE id = ?`);
  const categoryExists = db.prepare<[string], number>('SELECT 1 FROM categories WHERE id = ?').pluck();
  const hasMovements = db.prepare<[string], number>('SELECT 1 FROM document_lines WHERE item_id = ? LIMIT 1').pluck();
  const insert = db.prepare(
    `INSERT INTO items (id, site_code, code, name, spec, category_id, base_unit, pack_size, has_shelf_life,
       shelf_life_days, min_stock, reserve_quota, persons_per_unit, unit_value_fen, active, created_at, updated_at)
     VALUES (@id, @siteCode, @code, @name, @spec, @categoryId, @baseUnit, @packSize, @hasShelfLife, @shelfLifeDays,
       @minStock, @reserveQuota, @personsPerUnit, @unitValueFen, @active, @now, @now)`,
  );
  const update = db.prepare(
    `UPDATE items SET code = @code, name = @name, spec = @spec, category_id = @categoryId, base_unit = @baseUnit,
       pack_size = @packSize, has_shelf_life = @hasShelfLife, shelf_life_days = @shelfLifeDays,
       min_stock = @minStock, reserve_quota = @reserveQuota, persons_per_unit = @personsPerUnit,
       unit_value_fen = @unitValueFen, active = @active, updated_at = @now
     WHERE id = @id`,
  );
  const remove = db.prepare<[string]>('DELETE FROM items WHERE id = ?');
  const barcodesOf = db.prepare<[string], { id: string; item_id: string; barcode: string; quantity: number }>(
    'SELECT id, item_id, barcode, quantity FROM item_barcodes WHERE item_id = ? ORDER BY quantity, barcode',
  );
  const barcodeByText = db.prepare<[string, string], { id: string; item_id: string; quantity: number }>(
    'SELECT id, item_id, quantity FROM item_barcodes WHERE site_code = ? AND barcode = ?',
  );
  const insertBarcode = db.prepare(
    `INSERT INTO item_barcodes (id, site_code, item_id, barcode, quantity, created_at)
     VALUES (@id, @siteCode, @itemId, @barcode, @quantity, @now)`,
  );
  const removeBarcode = db.prepare<[string]>('DELETE FROM item_barcodes WHERE id = ?');
  const removeBarcodesOf = db.prepare<[string]>('DELETE FROM item_barcodes WHERE item_id = ?');
  const putInitials = db.prepare<[string, string]>(
    `INSERT INTO item_search_keys (item_id, initials) VALUES (?, ?)
     ON CONFLICT (item_id) DO UPDATE SET initials = excluded.initials`,
  );
  const removeInitials = db.prepare<[string]>('DELETE FROM item_search_keys WHERE item_id = ?');
  const withoutInitials = db.prepare<[], { id: string; name: string }>(
    'SELECT id, name FROM items WHERE id NOT IN (SELECT item_id FROM item_search_keys)',
  );
  type SearchParams = { text: string; prefix: string; pattern: string; includeInactive: number; limit: number };
  // One query, ranked: a code typed exactly, then code prefix, pinyin-initials prefix, name or spec containing it.
  const search = db.prepare<SearchParams, ItemRow & { rank: number }>(
    `SELECT ${itemColumns}, CASE
         WHEN lower(code) = lower(@text) THEN 1
         WHEN code LIKE @prefix ESCAPE '\\' THEN 2
         WHEN id IN (SELECT item_id FROM item_search_keys WHERE initials LIKE @prefix ESCAPE '\\') THEN 3
         ELSE 4 END AS rank
     FROM items
     WHERE (@includeInactive = 1 OR active = 1)
       AND (code LIKE @prefix ESCAPE '\\'
            OR id IN (SELECT item_id FROM item_search_keys WHERE initials LIKE @prefix ESCAPE '\\')
            OR name LIKE @pattern ESCAPE '\\' OR spec LIKE @pattern ESCAPE '\\')
     ORDER BY rank, code LIMIT @limit`,
  );

  function get(id: string): Item {
    const row = byId.get(id);
    if (!row) throw new DomainError('not-found', `no item ${id}`, { entity: 'item', id });
    return itemFromRow(row);
  }

  function checkCategory(categoryId: string | null): void {
    if (categoryId !== null && !categoryExists.get(categoryId)) {
      throw new DomainError('not-found', `no category ${categoryId}`, { entity: 'category', id: categoryId });
    }
  }

  function checkCodeFree(code: string, exceptId: string | null): void {
    const clash = byCode.get(ctx.siteCode(), code);
    if (clash && clash.id !== exceptId) {
      throw new DomainError('duplicate-code', `an item with code ${code} already exists`, { code });
    }
  }

  function row(item: Item | ItemDraft, id: string, active: boolean) {
    return {
      ...item,
      id,
      hasShelfLife: item.hasShelfLife ? 1 : 0,
      shelfLifeDays: item.hasShelfLife ? item.shelfLifeDays : null,
      active: active ? 1 : 0,
      now: ctx.now().toISOString(),
    };
  }

  /** Creates an item (inside the caller's transaction when there is one). */
  function create(draft: ItemDraft): Item {
    checkCodeFree(draft.code, null);
    checkCategory(draft.categoryId);
    const id = uuidv7();
    insert.run({ ...row(draft, id, true), siteCode: ctx.siteCode() });
    putInitials.run(id, pinyinInitials(draft.name));
    return get(id);
  }

  const kitByBarcode = db.prepare<[string, string], { id: string }>(
    'SELECT id FROM kits WHERE site_code = ? AND barcode = ?',
  );

  function addBarcode(itemId: string, barcode: string, quantity: number): Barcode {
    get(itemId);
    const clash = barcodeByText.get(ctx.siteCode(), barcode);
    if (clash) {
      throw new DomainError('duplicate-barcode', `barcode ${barcode} already stands for an item`, {
        barcode,
        itemId: clash.item_id,
      });
    }
    // One code means one thing: an item barcode may not also be a kit's (kits check the other way).
    if (kitByBarcode.get(ctx.siteCode(), barcode)) {
      throw new DomainError('duplicate-barcode', `barcode ${barcode} already stands for a kit`, { barcode });
    }
    const id = uuidv7();
    insertBarcode.run({ id, siteCode: ctx.siteCode(), itemId, barcode, quantity, now: ctx.now().toISOString() });
    return { id, itemId, barcode, quantity };
  }

  const updateItem = db.transaction((input: z.output<typeof itemUpdateSchema>): Item => {
    const current = get(input.id);
    const next = { ...current, ...input.patch } as Item;
    const moved = hasMovements.get(input.id) === 1;
    if (moved && (next.code !== current.code || next.baseUnit !== current.baseUnit)) {
      throw new DomainError('has-movements', `item ${current.code} has movements: its code and base unit are fixed`, {
        itemId: current.id,
      });
    }
    if (next.hasShelfLife && !next.shelfLifeDays) {
      throw new DomainError('invalid-input', 'an item with a shelf life needs its shelf life in days', [
        { path: ['patch', 'shelfLifeDays'], message: 'required' },
      ]);
    }
    checkCodeFree(next.code, current.id);
    checkCategory(next.categoryId);
    update.run(row(next, current.id, next.active));
    putInitials.run(current.id, pinyinInitials(next.name));
    return get(current.id);
  });

  const deleteItem = db.transaction((id: string) => {
    const item = get(id);
    if (hasMovements.get(id)) {
      throw new DomainError('has-movements', `item ${item.code} has movements: deactivate it instead`, {
        itemId: id,
      });
    }
    removeBarcodesOf.run(id);
    removeInitials.run(id);
    remove.run(id);
    return { deleted: true };
  });

  // Items that arrived without initials (another depot's rows, an older file) get them now.
  transactional(db, () => {
    for (const item of withoutInitials.all()) putInitials.run(item.id, pinyinInitials(item.name));
  })();

  function searchItems(q: { text: string; limit: number; includeInactive: boolean }): ItemSearchHit[] {
    const hits: ItemSearchHit[] = [];
    const scanned = barcodeByText.get(ctx.siteCode(), q.text);
    if (scanned) {
      const item = get(scanned.item_id);
      if (item.active || q.includeInactive)
        hits.push({ item, barcodeQuantity: scanned.quantity, matchedBy: 'barcode' });
    }
    const rows = search.all({
      text: q.text,
      prefix: `${likeEscape(q.text)}%`,
      pattern: likePattern(q.text),
      includeInactive: q.includeInactive ? 1 : 0,
      limit: q.limit,
    });
    const matchedBy = ['code', 'code', 'initials', 'name'] as const;
    for (const r of rows) {
      if (hits.length >= q.limit) break;
      if (hits.some((h) => h.item.id === r.id)) continue;
      hits.push({ item: itemFromRow(r), barcodeQuantity: null, matchedBy: matchedBy[r.rank - 1]! });
    }
    return hits;
  }

  const createInTransaction = transactional(db, (draft: ItemDraft) => create(draft));
  const addBarcodeInTransaction = transactional(db, (b: { itemId: string; barcode: string; quantity: number }) =>
    addBarcode(b.itemId, b.barcode, b.quantity),
  );

  return {
    get,
    create,
    addBarcode,
    handlers: {
      'catalog:list-items': (q: z.output<typeof itemListQuerySchema>) => {
        const params: Filter = {
          includeInactive: q.includeInactive ? 1 : 0,
          categoryId: q.categoryId ?? null,
          pattern: q.search ? likePattern(q.search) : null,
        };
        return {
          rows: page.all({ ...params, limit: q.limit, offset: q.offset }).map(itemFromRow),
          total: count.get(params)!,
        };
      },
      'catalog:search-items': (q) => searchItems(q),
      'catalog:get-item': ({ id }): ItemDetail => ({
        ...get(id),
        barcodes: barcodesOf
          .all(id)
          .map((b) => ({ id: b.id, itemId: b.item_id, barcode: b.barcode, quantity: b.quantity })),
        hasMovements: hasMovements.get(id) === 1,
      }),
      'catalog:create-item': (draft: ItemDraft) => createInTransaction(draft),
      'catalog:update-item': (input) => updateItem(input),
      'catalog:delete-item': ({ id }) => deleteItem(id),
      'catalog:add-barcode': (b: { itemId: string; barcode: string; quantity: number }) => addBarcodeInTransaction(b),
      'catalog:remove-barcode': ({ id }) => {
        if (removeBarcode.run(id).changes !== 1) {
          throw new DomainError('not-found', `no barcode ${id}`, { entity: 'barcode', id });
        }
        return { removed: true };
      },
      'catalog:lookup-barcode': ({ barcode }) => {
        const hit = barcodeByText.get(ctx.siteCode(), barcode);
        if (!hit) throw new DomainError('not-found', `no item has barcode ${barcode}`, { entity: 'barcode', barcode });
        return { item: get(hit.item_id), quantity: hit.quantity, barcodeId: hit.id };
      },
    } satisfies HandlersFor<
      | 'catalog:list-items'
      | 'catalog:search-items'
      | 'catalog:get-item'
      | 'catalog:create-item'
      | 'catalog:update-item'
      | 'catalog:delete-item'
      | 'catalog:add-barcode'
      | 'catalog:remove-barcode'
      | 'catalog:lookup-barcode'
    >,
  };
}

export type Items = ReturnType<typeof createItems>;
