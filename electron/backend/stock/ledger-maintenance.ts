import type { BackendContext, HandlersFor } from '../context';
import { verifyChain } from './ledger-chain';

interface KeyQuantity {
  item_id: string;
  batch_id: string;
  location_id: string;
  source_id: string;
  quantity: number;
}

/** Integrity of the ledger: verify the hash chain; rebuild the derived balances and report differences. */
export function createLedgerMaintenance(ctx: BackendContext) {
  const { db } = ctx;
  const fromLedger = db.prepare<[], KeyQuantity>(
    `SELECT item_id, batch_id, location_id, source_id, sum(quantity) AS quantity FROM ledger_entries
     GROUP BY item_id, batch_id, location_id, source_id HAVING sum(quantity) <> 0`,
  );
  const stored = db.prepare<[], KeyQuantity>(
    'SELECT item_id, batch_id, location_id, source_id, quantity FROM stock_balances WHERE quantity <> 0',
  );
  const clear = db.prepare('DELETE FROM stock_balances');
  const insert = db.prepare(
    `INSERT INTO stock_balances (item_id, batch_id, location_id, source_id, quantity)
     VALUES (@item_id, @batch_id, @location_id, @source_id, @quantity)`,
  );
  const key = (k: KeyQuantity) => `${k.item_id}|${k.batch_id}|${k.location_id}|${k.source_id}`;

  const rebuild = db.transaction(() => {
    const truth = fromLedger.all();
    const current = new Map(stored.all().map((k) => [key(k), k]));
    const differences = [];
    for (const t of truth) {
      const s = current.get(key(t));
      current.delete(key(t));
      if (!s || s.quantity !== t.quantity) differences.push({ ...t, stored: s?.quantity ?? 0 });
    }
    for (const s of current.values()) differences.push({ ...s, stored: s.quantity, quantity: 0 });
    clear.run();
    // A negative sum cannot be stored (balances never go below zero); it is reported, not hidden.
    for (const t of truth) if (t.quantity > 0) insert.run(t);
    return {
      keys: truth.length,
      differences: differences.map((d) => ({
        itemId: d.item_id,
        batchId: d.batch_id,
        locationId: d.location_id,
        sourceId: d.source_id,
        stored: d.stored,
        fromLedger: d.quantity,
      })),
    };
  });

  const handlers: HandlersFor<'ledger:verify-chain' | 'ledger:rebuild-balances'> = {
    'ledger:verify-chain': () => verifyChain(db, ctx.siteCode()),
    'ledger:rebuild-balances': () => rebuild(),
  };
  return { handlers };
}
