/**
 * The reserve dashboard's figures (首页): what the stock covers against the reserve quotas, how much
 * moved in and out per month, and when stock expires. Read-only, from the balances (maintained with the
 * ledger in one transaction) and, for movements, from the ledger itself.
 */
import type { CategoryCoverage, Coverage, ExpiryTimeline, MonthMovement } from '../../../shared/contract';
import { localDate, startOfLocalDay } from '../clock';
import type { BackendContext, HandlersFor } from '../context';

type SourceShare = CategoryCoverage['bySource'][number];

/** The first day (YYYY-MM-01) of the month `offset` months from the month of `date`. */
export function monthStart(date: string, offset: number): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const t = new Date(Date.UTC(y, m - 1 + offset, 1));
  return t.toISOString().slice(0, 10);
}

/** Adds one source's stock to a list kept in the order of `sourceOrder`. */
function addShare(list: SourceShare[], sourceId: string, onHand: number, personsServed: number): void {
  const share = list.find((s) => s.sourceId === sourceId);
  if (share) {
    share.onHand += onHand;
    share.personsServed += personsServed;
  } else {
    list.push({ sourceId, onHand, personsServed });
  }
}

export function createDashboard(ctx: BackendContext) {
  const { db } = ctx;
  // Items listed: the active ones, and inactive ones that still hold stock (stock never disappears from view).
  const items = db.prepare<
    [],
    {
      id: string;
      code: string;
      name: string;
      base_unit: string;
      reserve_quota: number;
      persons_per_unit: number;
      category_id: string | null;
      category_code: string | null;
      category_name: string | null;
      on_hand: number;
    }
  >(
    `SELECT i.id, i.code, i.name, i.base_unit, i.reserve_quota, i.persons_per_unit, i.category_id,
            c.code AS category_code, c.name AS category_name, coalesce(t.on_hand, 0) AS on_hand
     FROM items i
     LEFT JOIN categories c ON c.id = i.category_id
     LEFT JOIN (SELECT item_id, sum(quantity) AS on_hand FROM stock_balances GROUP BY item_id) t ON t.item_id = i.id
     WHERE i.active = 1 OR coalesce(t.on_hand, 0) > 0
     ORDER BY c.code IS NULL, c.code, i.code`,
  );
  const bySource = db.prepare<[], { item_id: string; source_id: string; quantity: number }>(
    `SELECT item_id, source_id, sum(quantity) AS quantity FROM stock_balances
     WHERE quantity > 0 GROUP BY item_id, source_id`,
  );
  const sources = db.prepare<
    [],
    { id: string; code: string; name: string; kind: Coverage['sources'][number]['kind']; donor_name: string | null }
  >(
    `SELECT s.id, s.code, s.name, s.kind, p.name AS donor_name
     FROM sources s LEFT JOIN parties p ON p.id = s.donor_id
     WHERE s.active = 1 OR EXISTS (SELECT 1 FROM stock_balances sb WHERE sb.source_id = s.id AND sb.quantity > 0)
     ORDER BY s.code`,
  );
  // Net per document and item within the window, so slot-to-slot moves cancel out. Joining from items
  // lets SQLite seek the (item_id, posted_at) index for each item instead of scanning the whole ledger.
  const movements = db.prepare<
    { start: string; end: string },
    { quantity_in: number | null; quantity_out: number | null; documents: number }
  >(
    `SELECT sum(max(net, 0)) AS quantity_in, sum(max(-net, 0)) AS quantity_out,
            count(DISTINCT CASE WHEN net <> 0 THEN document_id END) AS documents
     FROM (
       SELECT e.document_id, e.item_id, sum(e.quantity) AS net
       -- CROSS JOIN keeps items outside, so each item's month is a range of the (item, time) index; left to
       -- itself the planner walked the whole ledger by document for every month (5 s at a million entries).
       FROM items i CROSS JOIN ledger_entries e ON e.item_id = i.id AND e.posted_at >= @start AND e.posted_at < @end
       GROUP BY e.document_id, e.item_id
     )`,
  );
  const expiring = db.prepare<[], { item_id: string; expiry_date: string; quantity: number }>(
    `SELECT sb.item_id, b.expiry_date, sb.quantity
     FROM stock_balances sb JOIN batches b ON b.id = sb.batch_id
     WHERE sb.quantity > 0 AND b.expiry_date IS NOT NULL`,
  );

  function coverage(): Coverage {
    const shares = new Map<string, { sourceId: string; quantity: number }[]>();
    for (const r of bySource.all()) {
      const list = shares.get(r.item_id) ?? [];
      list.push({ sourceId: r.source_id, quantity: r.quantity });
      shares.set(r.item_id, list);
    }
    const sourceRows = sources.all();
    const order = new Map(sourceRows.map((s, i) => [s.id, i]));
    const bySourceOrder = (a: SourceShare, b: SourceShare) =>
      (order.get(a.sourceId) ?? Infinity) - (order.get(b.sourceId) ?? Infinity);

    const categories: CategoryCoverage[] = [];
    const totals: Coverage['totals'] = { itemCount: 0, personsServed: 0, personsQuota: 0, bySource: [] };
    for (const r of items.all()) {
      let group = categories.at(-1);
      if (!group || group.categoryId !== r.category_id) {
        group = {
          categoryId: r.category_id,
          code: r.category_code,
          name: r.category_name,
          units: [],
          itemCount: 0,
          onHand: 0,
          reserveQuota: 0,
          quotaMet: 0,
          quotaPercent: null,
          personsServed: 0,
          personsQuota: 0,
          bySource: [],
          items: [],
        };
        categories.push(group);
      }
      const itemShares = (shares.get(r.id) ?? []).map((s) => ({
        sourceId: s.sourceId,
        onHand: s.quantity,
        personsServed: s.quantity * r.persons_per_unit,
      }));
      itemShares.sort(bySourceOrder);
      const personsServed = r.on_hand * r.persons_per_unit;
      group.items.push({
        itemId: r.id,
        code: r.code,
        name: r.name,
        baseUnit: r.base_unit,
        onHand: r.on_hand,
        reserveQuota: r.reserve_quota,
        personsPerUnit: r.persons_per_unit,
        personsServed,
        bySource: itemShares,
      });
      if (!group.units.includes(r.base_unit)) group.units.push(r.base_unit);
      group.itemCount += 1;
      group.onHand += r.on_hand;
      group.reserveQuota += r.reserve_quota;
      group.quotaMet += Math.min(r.on_hand, r.reserve_quota);
      group.personsServed += personsServed;
      group.personsQuota += r.reserve_quota * r.persons_per_unit;
      for (const s of itemShares) {
        addShare(group.bySource, s.sourceId, s.onHand, s.personsServed);
        addShare(totals.bySource, s.sourceId, s.onHand, s.personsServed);
      }
      totals.itemCount += 1;
      totals.personsServed += personsServed;
      totals.personsQuota += r.reserve_quota * r.persons_per_unit;
    }
    for (const group of categories) {
      group.quotaPercent = group.reserveQuota > 0 ? Math.floor((group.quotaMet * 100) / group.reserveQuota) : null;
      group.bySource.sort(bySourceOrder);
    }
    totals.bySource.sort(bySourceOrder);
    return {
      asOf: localDate(ctx.now()),
      sources: sourceRows.map((s) => ({
        sourceId: s.id,
        code: s.code,
        name: s.name,
        kind: s.kind,
        donorName: s.donor_name,
      })),
      categories,
      totals,
    };
  }

  /** The last `count` local calendar months, oldest first, the current month last. */
  function monthlyMovements(count: number): MonthMovement[] {
    const today = localDate(ctx.now());
    const result: MonthMovement[] = [];
    for (let offset = -(count - 1); offset <= 0; offset++) {
      const first = monthStart(today, offset);
      const r = movements.get({ start: startOfLocalDay(first), end: startOfLocalDay(monthStart(today, offset + 1)) });
      result.push({
        month: first.slice(0, 7),
        quantityIn: r?.quantity_in ?? 0,
        quantityOut: r?.quantity_out ?? 0,
        documents: r?.documents ?? 0,
      });
    }
    return result;
  }

  function expiryTimeline(count: number): ExpiryTimeline {
    const today = localDate(ctx.now());
    const empty = () => ({ quantity: 0, batches: 0, items: new Set<string>() });
    const expired = empty();
    const later = empty();
    const months = Array.from({ length: count }, (_, i) => ({ month: monthStart(today, i).slice(0, 7), ...empty() }));
    const last = monthStart(today, count);
    for (const r of expiring.all()) {
      let bucket;
      if (r.expiry_date < today) bucket = expired;
      else if (r.expiry_date >= last) bucket = later;
      else bucket = months.find((m) => m.month === r.expiry_date.slice(0, 7))!;
      bucket.quantity += r.quantity;
      bucket.batches += 1;
      bucket.items.add(r.item_id);
    }
    const out = (b: ReturnType<typeof empty>) => ({ quantity: b.quantity, batches: b.batches, items: b.items.size });
    return {
      asOf: today,
      expired: out(expired),
      months: months.map((m) => ({ month: m.month, ...out(m) })),
      later: out(later),
    };
  }

  const handlers: HandlersFor<'dashboard:coverage' | 'dashboard:movements' | 'dashboard:expiry-timeline'> = {
    'dashboard:coverage': () => coverage(),
    'dashboard:movements': (q) => ({ months: monthlyMovements(q?.months ?? 12) }),
    'dashboard:expiry-timeline': (q) => expiryTimeline(q?.months ?? 12),
  };
  return { handlers };
}
