import type { z } from 'zod';
import type {
  Incident,
  incidentDeclareSchema,
  IncidentReport,
  IncidentType,
  responseLevels,
} from '../../../shared/contract';
import type { BackendContext, HandlersFor } from '../context';
import { transactional } from '../db/database';
import { DomainError } from '../errors';
import { uuidv7 } from '../ids';

interface IncidentRow {
  id: string;
  name: string;
  type: IncidentType;
  response_level: (typeof responseLevels)[number];
  started_at: string;
  declared_at: string;
  declared_by: string;
  closed_at: string | null;
  closed_by: string | null;
  remarks: string;
  dispatch_count: number;
}

function incidentFrom(r: IncidentRow): Incident {
  return {
    id: r.id,
    name: r.name,
    type: r.type,
    responseLevel: r.response_level,
    startedAt: r.started_at,
    declaredAt: r.declared_at,
    declaredBy: r.declared_by,
    closedAt: r.closed_at,
    closedBy: r.closed_by,
    remarks: r.remarks,
    dispatchCount: r.dispatch_count,
  };
}

/**
 * Incidents (应急事件): declared with name, kind of disaster, response level and start; closed when the
 * emergency ends. At most one is open; every dispatch posted while it is open is linked to it in the
 * posting's transaction. The incident report reads what left for it from the ledger, so its totals are
 * the ledger's: it is the single source the screen, the printout and any export draw from.
 */
export function createIncidents(ctx: BackendContext) {
  const { db } = ctx;
  const incidentSelect = `
    SELECT i.id, i.name, i.type, i.response_level, i.started_at, i.declared_at, i.declared_by, i.closed_at,
           i.closed_by, i.remarks,
           (SELECT count(*) FROM incident_dispatches x WHERE x.incident_id = i.id) AS dispatch_count
    FROM incidents i`;
  const openIncident = db.prepare<[string], IncidentRow>(
    `${incidentSelect} WHERE i.site_code = ? AND i.closed_at IS NULL`,
  );
  const incidentById = db.prepare<[string], IncidentRow>(`${incidentSelect} WHERE i.id = ?`);
  const allIncidents = db.prepare<[], IncidentRow>(
    `${incidentSelect} ORDER BY i.closed_at IS NOT NULL, i.declared_at DESC`,
  );
  const insertIncident = db.prepare(
    `INSERT INTO incidents (id, site_code, name, type, response_level, started_at, declared_at, declared_by, remarks)
     VALUES (@id, @siteCode, @name, @type, @responseLevel, @startedAt, @declaredAt, @declaredBy, @remarks)`,
  );
  const closeIncident = db.prepare(
    'UPDATE incidents SET closed_at = @closedAt, closed_by = @closedBy WHERE id = @id AND closed_at IS NULL',
  );
  const insertLink = db.prepare(
    `INSERT INTO incident_dispatches (id, site_code, incident_id, document_id, linked_at)
     VALUES (@id, @siteCode, @incidentId, @documentId, @linkedAt)`,
  );
  const recentUnits = db.prepare<
    [],
    { id: string; name: string; contact: string; phone: string; address: string; last_dispatch_at: string | null }
  >(
    `SELECT p.id, p.name, p.contact, p.phone, p.address,
            (SELECT max(d.posted_at) FROM documents d WHERE d.kind = 'dispatch' AND d.party_id = p.id) AS last_dispatch_at
     FROM parties p
     WHERE p.kind = 'receiving_unit' AND p.active = 1
     ORDER BY last_dispatch_at IS NULL, last_dispatch_at DESC, p.name`,
  );
  // What left for the incident, from the ledger (not the lines): a reversed dispatch nets to nothing.
  const reportRows = db.prepare<
    [string],
    {
      unit_id: string;
      unit_name: string;
      item_id: string;
      item_code: string;
      item_name: string;
      spec: string;
      base_unit: string;
      unit_value_fen: number;
      quantity: number;
    }
  >(
    `SELECT d.party_id AS unit_id, p.name AS unit_name, e.item_id, i.code AS item_code, i.name AS item_name, i.spec,
            i.base_unit, i.unit_value_fen, -sum(e.quantity) AS quantity
     FROM incident_dispatches x
     JOIN documents d ON d.id = x.document_id
     JOIN parties p ON p.id = d.party_id
     JOIN ledger_entries e ON e.document_id = d.id
     JOIN items i ON i.id = e.item_id
     WHERE x.incident_id = ?
       AND NOT EXISTS (SELECT 1 FROM documents r WHERE r.kind = 'reversal' AND r.related_id = d.id)
     GROUP BY d.party_id, e.item_id
     ORDER BY p.name, i.code`,
  );
  const reportDispatches = db.prepare<
    [string],
    {
      id: string;
      number: string;
      doc_date: string;
      posted_at: string;
      unit_id: string;
      unit_name: string;
      emergency: number;
      pending: number;
      reversed: number;
    }
  >(
    `SELECT d.id, d.number, d.doc_date, d.posted_at, d.party_id AS unit_id, p.name AS unit_name, d.emergency,
            (d.paperwork_due IS NOT NULL AND NOT EXISTS (SELECT 1 FROM paperwork_filings f WHERE f.document_id = d.id)) AS pending,
            EXISTS (SELECT 1 FROM documents r WHERE r.kind = 'reversal' AND r.related_id = d.id) AS reversed
     FROM incident_dispatches x
     JOIN documents d ON d.id = x.document_id
     JOIN parties p ON p.id = d.party_id
     WHERE x.incident_id = ?
     ORDER BY d.posted_at, d.number`,
  );

  /** The open incident, if any. */
  function current(): Incident | null {
    const row = openIncident.get(ctx.siteCode());
    return row ? incidentFrom(row) : null;
  }

  function requireIncident(id: string): Incident {
    const row = incidentById.get(id);
    if (!row) throw new DomainError('not-found', `no incident ${id}`, { entity: 'incident', id });
    return incidentFrom(row);
  }

  function declare(input: z.output<typeof incidentDeclareSchema>): Incident {
    const open = current();
    if (open) {
      throw new DomainError('incident-already-open', `incident ${open.name} is still open: close it first`, {
        name: open.name,
      });
    }
    const id = uuidv7();
    insertIncident.run({
      id,
      siteCode: ctx.siteCode(),
      name: input.name,
      type: input.type,
      responseLevel: input.responseLevel,
      startedAt: new Date(input.startedAt).toISOString(),
      declaredAt: ctx.now().toISOString(),
      declaredBy: ctx.operator(),
      remarks: input.remarks,
    });
    return requireIncident(id);
  }

  function close({ id }: { id: string }): Incident {
    const incident = requireIncident(id);
    if (incident.closedAt !== null) {
      throw new DomainError('incident-closed', `incident ${incident.name} was closed already`, { name: incident.name });
    }
    closeIncident.run({ id, closedAt: ctx.now().toISOString(), closedBy: ctx.operator() });
    return requireIncident(id);
  }

  /** Links a dispatch just posted to the open incident (inside the posting's transaction). */
  function linkDispatch(documentId: string, incidentId: string): void {
    insertLink.run({
      id: uuidv7(),
      siteCode: ctx.siteCode(),
      incidentId,
      documentId,
      linkedAt: ctx.now().toISOString(),
    });
  }

  function report({ incidentId }: { incidentId: string }): IncidentReport {
    const incident = requireIncident(incidentId);
    const rows = reportRows
      .all(incidentId)
      .filter((r) => r.quantity !== 0)
      .map((r) => ({
        unitId: r.unit_id,
        unitName: r.unit_name,
        itemId: r.item_id,
        itemCode: r.item_code,
        itemName: r.item_name,
        spec: r.spec,
        baseUnit: r.base_unit,
        quantity: r.quantity,
        valueFen: r.quantity * r.unit_value_fen,
      }));
    const items = new Map<string, IncidentReport['items'][number]>();
    for (const r of rows) {
      const item = items.get(r.itemId);
      if (item) {
        item.quantity += r.quantity;
        item.valueFen += r.valueFen;
      } else {
        items.set(r.itemId, {
          itemId: r.itemId,
          itemCode: r.itemCode,
          itemName: r.itemName,
          spec: r.spec,
          baseUnit: r.baseUnit,
          quantity: r.quantity,
          valueFen: r.valueFen,
        });
      }
    }
    const dispatchRows = reportDispatches.all(incidentId);
    const units = new Map<string, IncidentReport['units'][number]>();
    for (const d of dispatchRows) {
      if (d.reversed) continue;
      const unit = units.get(d.unit_id) ?? { unitId: d.unit_id, unitName: d.unit_name, dispatches: 0, valueFen: 0 };
      unit.dispatches += 1;
      units.set(d.unit_id, unit);
    }
    for (const r of rows) {
      const unit = units.get(r.unitId);
      if (unit) unit.valueFen += r.valueFen;
    }
    return {
      incident,
      rows,
      items: [...items.values()].sort((a, b) => a.itemCode.localeCompare(b.itemCode)),
      units: [...units.values()].sort((a, b) => a.unitName.localeCompare(b.unitName, 'zh-CN')),
      dispatches: dispatchRows.map((d) => ({
        documentId: d.id,
        number: d.number,
        docDate: d.doc_date,
        postedAt: d.posted_at,
        unitName: d.unit_name,
        emergency: d.emergency === 1,
        paperworkPending: d.pending === 1 && d.reversed === 0,
        reversed: d.reversed === 1,
      })),
      totalValueFen: rows.reduce((sum, r) => sum + r.valueFen, 0),
    };
  }

  const handlers: HandlersFor<
    | 'incidents:current'
    | 'incidents:list'
    | 'incidents:declare'
    | 'incidents:close'
    | 'incidents:report'
    | 'stock:recent-receiving-units'
  > = {
    'incidents:current': () => current(),
    'incidents:list': () => allIncidents.all().map(incidentFrom),
    'incidents:declare': transactional(db, declare),
    'incidents:close': transactional(db, close),
    'incidents:report': (input) => report(input),
    'stock:recent-receiving-units': () =>
      recentUnits.all().map((r) => ({
        id: r.id,
        name: r.name,
        contact: r.contact,
        phone: r.phone,
        address: r.address,
        lastDispatchAt: r.last_dispatch_at,
      })),
  };
  return { handlers, current, linkDispatch };
}

export type Incidents = ReturnType<typeof createIncidents>;
