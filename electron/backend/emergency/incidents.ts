import type { z } from 'zod';
import type { Incident, incidentDeclareSchema } from '../../../shared/contract';
import type { BackendContext, HandlersFor } from '../context';
import { transactional } from '../db/database';
import { DomainError } from '../errors';
import { uuidv7 } from '../ids';
import { createIncidentReader, incidentFrom, incidentSelect, type IncidentRow } from './incident-report';

/**
 * Incidents (应急事件): declared with name, kind of disaster, response level and start; closed when the
 * emergency ends. At most one is open; every dispatch posted while it is open is linked to it in the
 * posting's transaction. The incident report reads what left for it from the ledger, so its totals are
 * the ledger's: it is the single source the screen, the printout and any export draw from.
 */
export function createIncidents(ctx: BackendContext) {
  const { db } = ctx;
  const { requireIncident, report } = createIncidentReader(db);
  const openIncident = db.prepare<[string], IncidentRow>(
    `${incidentSelect} WHERE i.site_code = ? AND i.closed_at IS NULL`,
  );
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

  /** The open incident, if any. */
  function current(): Incident | null {
    const row = openIncident.get(ctx.siteCode());
    return row ? incidentFrom(row) : null;
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
