/**
 * Reading an incident and its report — what left for it, by receiving unit and item, from the ledger —
 * over any connection: the app's for the screen and printout, an export's read-only one for the export,
 * so all of them show the same numbers from the same code.
 */
import type { Incident, IncidentReport, IncidentType, responseLevels } from '../../../shared/contract';
import type { Db } from '../db/database';
import { DomainError } from '../errors';

export interface IncidentRow {
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

export function incidentFrom(r: IncidentRow): Incident {
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

export const incidentSelect = `
  SELECT i.id, i.name, i.type, i.response_level, i.started_at, i.declared_at, i.declared_by, i.closed_at,
         i.closed_by, i.remarks,
         (SELECT count(*) FROM incident_dispatches x WHERE x.incident_id = i.id) AS dispatch_count
  FROM incidents i`;

/** The incident queries that only read, prepared on `db`. */
export function createIncidentReader(db: Db) {
  const incidentById = db.prepare<[string], IncidentRow>(`${incidentSelect} WHERE i.id = ?`);
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
    // Each dispatch names its unit as its slip did (the name kept at posting), not as the catalog has it now.
    `SELECT d.id, d.number, d.doc_date, d.posted_at, d.party_id AS unit_id, coalesce(dp.name, p.name) AS unit_name,
            d.emergency,
            (d.paperwork_due IS NOT NULL AND NOT EXISTS (SELECT 1 FROM paperwork_filings f WHERE f.document_id = d.id)) AS pending,
            EXISTS (SELECT 1 FROM documents r WHERE r.kind = 'reversal' AND r.related_id = d.id) AS reversed
     FROM incident_dispatches x
     JOIN documents d ON d.id = x.document_id
     JOIN parties p ON p.id = d.party_id
     LEFT JOIN document_parties dp ON dp.document_id = d.id
     WHERE x.incident_id = ?
     ORDER BY d.posted_at, d.number`,
  );

  function requireIncident(id: string): Incident {
    const row = incidentById.get(id);
    if (!row) throw new DomainError('not-found', `no incident ${id}`, { entity: 'incident', id });
    return incidentFrom(row);
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

  return { requireIncident, report };
}
