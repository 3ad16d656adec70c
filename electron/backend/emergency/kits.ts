import type { z } from 'zod';
import type { Kit, kitDraftSchema } from '../../../shared/contract';
import type { BackendContext, HandlersFor } from '../context';
import { transactional } from '../db/database';
import { DomainError } from '../errors';
import { uuidv7 } from '../ids';

type KitDraft = z.output<typeof kitDraftSchema>;

interface KitRow {
  id: string;
  code: string;
  name: string;
  barcode: string | null;
  active: number;
}

interface KitLineRow {
  kit_id: string;
  item_id: string;
  item_code: string;
  item_name: string;
  spec: string;
  base_unit: string;
  quantity: number;
}

/** One item line a kit dispatch expands into: the item, the base units, and the kits it came from. */
export interface ExpandedKitLine {
  itemId: string;
  quantity: number;
  /** "家庭包 ×5", for the line's remarks on the slip. */
  from: string[];
}

/**
 * Kits (包): predefined bundles such as 家庭包 = 1 tent + 2 quilts + 1 emergency pack. They are master
 * data, changed freely; a dispatch expands `count` kits into item lines at posting, so the slip and the
 * ledger never hold a kit, only the goods that left.
 */
export function createKits(ctx: BackendContext) {
  const { db } = ctx;
  const kitColumns = 'id, code, name, barcode, active';
  const allKits = db.prepare<[], KitRow>(`SELECT ${kitColumns} FROM kits ORDER BY active DESC, code`);
  const kitById = db.prepare<[string], KitRow>(`SELECT ${kitColumns} FROM kits WHERE id = ?`);
  const kitByCode = db.prepare<[string, string], { id: string }>(
    'SELECT id FROM kits WHERE site_code = ? AND code = ?',
  );
  const kitByBarcode = db.prepare<[string, string], { id: string }>(
    'SELECT id FROM kits WHERE site_code = ? AND barcode = ?',
  );
  const itemBarcode = db.prepare<[string, string], { item_id: string }>(
    'SELECT item_id FROM item_barcodes WHERE site_code = ? AND barcode = ?',
  );
  const itemState = db.prepare<[string], { id: string; active: number }>('SELECT id, active FROM items WHERE id = ?');
  const lineSelect = `
    SELECT l.kit_id, l.item_id, i.code AS item_code, i.name AS item_name, i.spec, i.base_unit, l.quantity
    FROM kit_lines l JOIN items i ON i.id = l.item_id`;
  const allLines = db.prepare<[], KitLineRow>(`${lineSelect} ORDER BY l.kit_id, l.line_no`);
  const linesOf = db.prepare<[string], KitLineRow>(`${lineSelect} WHERE l.kit_id = ? ORDER BY l.line_no`);
  const insertKit = db.prepare(
    `INSERT INTO kits (id, site_code, code, name, barcode, active, created_at, updated_at)
     VALUES (@id, @siteCode, @code, @name, @barcode, @active, @now, @now)`,
  );
  const updateKit = db.prepare(
    'UPDATE kits SET code = @code, name = @name, barcode = @barcode, active = @active, updated_at = @now WHERE id = @id',
  );
  const deleteLines = db.prepare<[string]>('DELETE FROM kit_lines WHERE kit_id = ?');
  const insertLine = db.prepare(
    `INSERT INTO kit_lines (id, site_code, kit_id, line_no, item_id, quantity)
     VALUES (@id, @siteCode, @kitId, @lineNo, @itemId, @quantity)`,
  );

  function kitFrom(row: KitRow, lines: KitLineRow[]): Kit {
    return {
      id: row.id,
      code: row.code,
      name: row.name,
      barcode: row.barcode ?? '',
      active: row.active === 1,
      lines: lines.map((l) => ({
        itemId: l.item_id,
        itemCode: l.item_code,
        itemName: l.item_name,
        spec: l.spec,
        baseUnit: l.base_unit,
        quantity: l.quantity,
      })),
    };
  }

  function list(): Kit[] {
    const byKit = new Map<string, KitLineRow[]>();
    for (const l of allLines.all()) {
      const lines = byKit.get(l.kit_id);
      if (lines) lines.push(l);
      else byKit.set(l.kit_id, [l]);
    }
    return allKits.all().map((row) => kitFrom(row, byKit.get(row.id) ?? []));
  }

  function get(id: string): Kit {
    const row = kitById.get(id);
    if (!row) throw new DomainError('not-found', `no kit ${id}`, { entity: 'kit', id });
    return kitFrom(row, linesOf.all(id));
  }

  function save(draft: KitDraft): Kit {
    const siteCode = ctx.siteCode();
    if (draft.lines.length === 0) {
      throw new DomainError('kit-empty', `kit ${draft.code} holds no items`, { code: draft.code });
    }
    const sameCode = kitByCode.get(siteCode, draft.code);
    if (sameCode && sameCode.id !== draft.id) {
      throw new DomainError('duplicate-code', `a kit with code ${draft.code} already exists`, { code: draft.code });
    }
    if (draft.barcode !== '') {
      const sameBarcode = kitByBarcode.get(siteCode, draft.barcode);
      // One code means one thing: a kit barcode may not also stand for an item.
      if ((sameBarcode && sameBarcode.id !== draft.id) || itemBarcode.get(siteCode, draft.barcode)) {
        throw new DomainError('duplicate-barcode', `barcode ${draft.barcode} is already in use`, {
          barcode: draft.barcode,
        });
      }
    }
    for (const line of draft.lines) {
      const item = itemState.get(line.itemId);
      if (!item) throw new DomainError('not-found', `no item ${line.itemId}`, { entity: 'item', id: line.itemId });
      if (item.active !== 1) {
        throw new DomainError('inactive', `item ${line.itemId} is deactivated`, { entity: 'item', id: line.itemId });
      }
    }
    const id = draft.id ?? uuidv7();
    const values = {
      id,
      siteCode,
      code: draft.code,
      name: draft.name,
      barcode: draft.barcode === '' ? null : draft.barcode,
      active: draft.active ? 1 : 0,
      now: ctx.now().toISOString(),
    };
    if (draft.id) {
      if (!kitById.get(draft.id)) throw new DomainError('not-found', `no kit ${draft.id}`, { entity: 'kit', id });
      updateKit.run(values);
      deleteLines.run(id);
    } else {
      insertKit.run(values);
    }
    draft.lines.forEach((line, i) =>
      insertLine.run({
        id: uuidv7(),
        siteCode,
        kitId: id,
        lineNo: i + 1,
        itemId: line.itemId,
        quantity: line.quantity,
      }),
    );
    return get(id);
  }

  /**
   * The item lines `count` of each kit stand for, one line per item in the order first met, so a tent
   * in two kits is one line. Refuses an unknown or deactivated kit; called inside the posting transaction.
   */
  function expand(kits: readonly { kitId: string; count: number }[]): ExpandedKitLine[] {
    const lines = new Map<string, ExpandedKitLine>();
    for (const { kitId, count } of kits) {
      const kit = get(kitId);
      if (!kit.active)
        throw new DomainError('inactive', `kit ${kit.code} is deactivated`, { entity: 'kit', id: kitId });
      if (kit.lines.length === 0)
        throw new DomainError('kit-empty', `kit ${kit.code} holds no items`, { code: kit.code });
      const label = `${kit.name} ×${count}`;
      for (const l of kit.lines) {
        const quantity = l.quantity * count;
        const line = lines.get(l.itemId);
        if (!line) lines.set(l.itemId, { itemId: l.itemId, quantity, from: [label] });
        else {
          line.quantity += quantity;
          if (!line.from.includes(label)) line.from.push(label);
        }
      }
    }
    return [...lines.values()];
  }

  const handlers: HandlersFor<'kits:list' | 'kits:save'> = {
    'kits:list': () => list(),
    'kits:save': transactional(db, (draft: KitDraft) => save(draft)),
  };
  return { handlers, expand, list };
}

export type Kits = ReturnType<typeof createKits>;
