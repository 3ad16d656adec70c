/** Emergency mode: incidents (应急事件), kits (包) and the incident report. */
import { z } from 'zod';
import { codeSchema, idSchema, requiredText, text } from './common';
import { responseLevels } from './stock';

/** Kinds of disaster an incident is declared for (灾种). */
export const incidentTypes = [
  'flood',
  'earthquake',
  'typhoon',
  'geological',
  'drought',
  'snow',
  'fire',
  'other',
] as const;
export type IncidentType = (typeof incidentTypes)[number];

/** An instant as ISO-8601 with a zone (the renderer sends UTC). */
const instantSchema = z.iso.datetime({ offset: true });

export const incidentDeclareSchema = z
  .object({
    name: requiredText(100),
    type: z.enum(incidentTypes),
    responseLevel: z.enum(responseLevels),
    /** When the emergency began; the declaration itself is stamped with the clock. */
    startedAt: instantSchema,
    remarks: text(500).default(''),
  })
  .strict();

export const incidentSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(incidentTypes),
  responseLevel: z.enum(responseLevels),
  startedAt: z.string(),
  declaredAt: z.string(),
  declaredBy: z.string(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  remarks: z.string(),
  /** Dispatches posted while it was open. */
  dispatchCount: z.number().int(),
});
export type Incident = z.infer<typeof incidentSchema>;

export const kitLineDraftSchema = z
  .object({ itemId: idSchema, quantity: z.number().int().min(1).max(100_000) })
  .strict();

export const kitDraftSchema = z
  .object({
    id: idSchema.optional(),
    code: codeSchema,
    name: requiredText(100),
    /** The barcode printed on the kit's label; scanning it adds one kit. Empty: none. */
    barcode: text(80).default(''),
    /** What one kit holds, in base units; an empty kit is refused by the service with `kit-empty`. */
    lines: z
      .array(kitLineDraftSchema)
      .max(50)
      .refine((lines) => new Set(lines.map((l) => l.itemId)).size === lines.length, {
        message: 'an item appears once in a kit',
      }),
    active: z.boolean().default(true),
  })
  .strict();

export const kitSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  barcode: z.string(),
  active: z.boolean(),
  lines: z.array(
    z.object({
      itemId: z.string(),
      itemCode: z.string(),
      itemName: z.string(),
      spec: z.string(),
      baseUnit: z.string(),
      quantity: z.number().int(),
    }),
  ),
});
export type Kit = z.infer<typeof kitSchema>;

export const recentReceivingUnitSchema = z.object({
  id: z.string(),
  name: z.string(),
  contact: z.string(),
  phone: z.string(),
  address: z.string(),
  /** When the last dispatch to it was posted; null when it never received any. */
  lastDispatchAt: z.string().nullable(),
});

export const incidentReportSchema = z.object({
  incident: incidentSchema,
  /** One row per receiving unit and item: base units issued, net of reversed dispatches, from the ledger. */
  rows: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      itemId: z.string(),
      itemCode: z.string(),
      itemName: z.string(),
      spec: z.string(),
      baseUnit: z.string(),
      quantity: z.number().int(),
      valueFen: z.number().int(),
    }),
  ),
  /** Per item over all units. */
  items: z.array(
    z.object({
      itemId: z.string(),
      itemCode: z.string(),
      itemName: z.string(),
      spec: z.string(),
      baseUnit: z.string(),
      quantity: z.number().int(),
      valueFen: z.number().int(),
    }),
  ),
  /** Per receiving unit: how many dispatches it received and their value. */
  units: z.array(
    z.object({ unitId: z.string(), unitName: z.string(), dispatches: z.number().int(), valueFen: z.number().int() }),
  ),
  /** Every dispatch linked to the incident, reversed ones included and marked. */
  dispatches: z.array(
    z.object({
      documentId: z.string(),
      number: z.string(),
      docDate: z.string(),
      postedAt: z.string(),
      unitName: z.string(),
      emergency: z.boolean(),
      paperworkPending: z.boolean(),
      reversed: z.boolean(),
    }),
  ),
  totalValueFen: z.number().int(),
});
export type IncidentReport = z.infer<typeof incidentReportSchema>;
