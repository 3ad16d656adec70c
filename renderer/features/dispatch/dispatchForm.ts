/**
 * The dispatch slip as the keeper fills it in: header, lines, batches chosen by hand. Pure data and
 * the rules that turn it into a `stock:post-dispatch` input, a draft and back again.
 */
import type { ChannelInput, Item, StockRow } from '../../../shared/contract';

export type DispatchInput = ChannelInput<'stock:post-dispatch'>;
export type DispatchKind = DispatchInput['kind'];
export type ResponseLevel = NonNullable<DispatchInput['responseLevel']>;

/** In the order the slip and the select list them (shared/schemas/stock.ts dispatchKinds). */
export const dispatchKindOptions = [
  'allocation',
  'distribution',
  'loan',
  'transfer_out',
] as const satisfies readonly DispatchKind[];
export const responseLevelOptions = ['I', 'II', 'III', 'IV'] as const satisfies readonly ResponseLevel[];

export interface CartonsAndUnits {
  cartons: number;
  units: number;
}

export interface DispatchLine {
  /** Stable for the life of the line (React key, allocation answers, refusals). */
  key: string;
  item: Item | null;
  /** Quantity on the allocation order (应发); zero means not stated. */
  ordered: CartonsAndUnits;
  /** Quantity issued (实发). */
  issued: CartonsAndUnits;
  /** Draw from this source only; null lets the FEFO proposal choose one. */
  sourceId: string | null;
  /** Batches chosen by hand (调整批次); null follows the FEFO proposal. */
  picks: StockRow[] | null;
  /**
   * The batch whose label (GS1 or our own) the keeper scanned: the line draws from that batch only,
   * FEFO across its locations, so the slip names the cartons that were actually picked up.
   */
  batch: PinnedBatch | null;
}

export interface PinnedBatch {
  id: string;
  batchNo: string;
}

export interface Transport {
  mode: string;
  carrier: string;
  plateNo: string;
  driver: string;
  driverPhone: string;
}

export interface DispatchForm {
  kind: DispatchKind;
  receivingUnitId: string | null;
  orderNo: string;
  orderIssuer: string;
  /** YYYY-MM-DD or empty. */
  orderDate: string;
  emergency: boolean;
  incidentName: string;
  responseLevel: ResponseLevel | '';
  transport: Transport;
  /** YYYY-MM-DD as typed; null while the keeper leaves it at today (the backend's today when posting). */
  docDate: string | null;
  remarks: string;
  lines: DispatchLine[];
}

export type HeaderField =
  'receivingUnitId' | 'orderNo' | 'orderDate' | 'docDate' | 'driverPhone' | 'incidentName' | 'orderIssuer';

let lineCounter = 0;
function newLineKey(): string {
  lineCounter += 1;
  return `line-${Date.now().toString(36)}-${lineCounter}`;
}

const zero: CartonsAndUnits = { cartons: 0, units: 0 };

export function blankLine(): DispatchLine {
  return { key: newLineKey(), item: null, ordered: zero, issued: zero, sourceId: null, picks: null, batch: null };
}

export function blankForm(): DispatchForm {
  return {
    kind: 'allocation',
    receivingUnitId: null,
    orderNo: '',
    orderIssuer: '',
    orderDate: '',
    emergency: false,
    incidentName: '',
    responseLevel: '',
    transport: { mode: '', carrier: '', plateNo: '', driver: '', driverPhone: '' },
    docDate: null,
    remarks: '',
    lines: [blankLine()],
  };
}

/** Cartons × pack size + loose units, in the item's base unit. */
function baseUnits(value: CartonsAndUnits, item: Item | null): number {
  if (!item) return 0;
  return value.cartons * item.packSize + value.units;
}

export function issuedQuantity(line: DispatchLine): number {
  return baseUnits(line.issued, line.item);
}

/** Lines that carry an item: the ones that go to the backend, in slip order. */
export function filledLines(form: DispatchForm): DispatchLine[] {
  return form.lines.filter((l) => l.item !== null);
}

/** Whether the keeper has typed anything worth keeping as a draft. */
export function isBlank(form: DispatchForm): boolean {
  const t = form.transport;
  return (
    form.receivingUnitId === null &&
    form.orderNo.trim() === '' &&
    form.orderIssuer.trim() === '' &&
    form.orderDate === '' &&
    !form.emergency &&
    form.incidentName.trim() === '' &&
    form.responseLevel === '' &&
    [t.mode, t.carrier, t.plateNo, t.driver, t.driverPhone].every((v) => v.trim() === '') &&
    form.docDate === null &&
    form.remarks.trim() === '' &&
    form.kind === 'allocation' &&
    filledLines(form).length === 0
  );
}

/** The request a line's FEFO proposal answers; null when there is nothing to allocate. */
export function allocationRequestOf(
  line: DispatchLine,
): { itemId: string; quantity: number; sourceId: string | null; batchId: string | null } | null {
  const quantity = issuedQuantity(line);
  if (!line.item || quantity <= 0) return null;
  return { itemId: line.item.id, quantity, sourceId: line.sourceId, batchId: line.batch?.id ?? null };
}

/**
 * The posting input, and for each of its lines (1-based as the backend counts them) the form line
 * it came from, so a refusal naming `line` lands on the right row.
 */
export function toDispatchInput(
  form: DispatchForm,
  draftId: string | null,
): { input: DispatchInput; lineKeys: string[] } {
  const lines = filledLines(form);
  const t = form.transport;
  const input: DispatchInput = {
    kind: form.kind,
    ...(form.docDate !== null ? { docDate: form.docDate } : {}),
    receivingUnitId: form.receivingUnitId ?? '',
    orderNo: form.orderNo.trim(),
    orderIssuer: form.orderIssuer.trim(),
    orderDate: form.orderDate === '' ? null : form.orderDate,
    incidentName: form.incidentName.trim(),
    responseLevel: form.responseLevel === '' ? null : form.responseLevel,
    transport: {
      mode: t.mode.trim(),
      carrier: t.carrier.trim(),
      plateNo: t.plateNo.trim(),
      driver: t.driver.trim(),
      driverPhone: t.driverPhone.trim(),
    },
    emergency: form.emergency,
    remarks: form.remarks.trim(),
    lines: lines.map((line) => {
      const ordered = baseUnits(line.ordered, line.item);
      return {
        itemId: line.item!.id,
        cartons: line.issued.cartons,
        units: line.issued.units,
        quantityOrdered: ordered > 0 ? ordered : null,
        sourceId: line.sourceId,
        picks:
          line.picks?.map((p) => ({
            batchId: p.batchId,
            locationId: p.locationId,
            sourceId: p.sourceId,
            quantity: p.quantity,
          })) ?? null,
      };
    }),
    ...(draftId ? { draftId } : {}),
  };
  return { input, lineKeys: lines.map((l) => l.key) };
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD (no 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!datePattern.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export const phonePattern = /^[0-9+\-() ]*$/;

// — Drafts: whatever the form holds goes to drafts:save; reading it back trusts nothing. —

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback;
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : 0;
}

function cartonsAndUnits(value: unknown): CartonsAndUnits {
  return isRecord(value) ? { cartons: count(value.cartons), units: count(value.units) } : zero;
}

function itemOf(value: unknown): Item | null {
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.name !== 'string') return null;
  if (typeof value.packSize !== 'number' || typeof value.baseUnit !== 'string') return null;
  return value as unknown as Item;
}

function pinnedBatchOf(value: unknown): PinnedBatch | null {
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.batchNo !== 'string') return null;
  return { id: value.id, batchNo: value.batchNo };
}

function picksFrom(value: unknown): StockRow[] | null {
  if (!Array.isArray(value)) return null;
  const rows = value.filter(
    (p): p is StockRow =>
      isRecord(p) &&
      typeof p.batchId === 'string' &&
      typeof p.locationId === 'string' &&
      typeof p.sourceId === 'string' &&
      typeof p.quantity === 'number',
  );
  return rows.length > 0 ? rows : null;
}

/** A form from a saved draft's payload; fields it lacks or holds in another shape start blank. */
export function formFromDraft(payload: unknown): DispatchForm {
  const blank = blankForm();
  if (!isRecord(payload)) return blank;
  const transport = isRecord(payload.transport) ? payload.transport : {};
  const kind = dispatchKindOptions.find((k) => k === payload.kind) ?? blank.kind;
  const level = responseLevelOptions.find((l) => l === payload.responseLevel) ?? '';
  const lines = Array.isArray(payload.lines)
    ? payload.lines.filter(isRecord).map((l): DispatchLine => ({
        key: newLineKey(),
        item: itemOf(l.item),
        ordered: cartonsAndUnits(l.ordered),
        issued: cartonsAndUnits(l.issued),
        sourceId: typeof l.sourceId === 'string' ? l.sourceId : null,
        picks: picksFrom(l.picks),
        batch: pinnedBatchOf(l.batch),
      }))
    : [];
  return {
    kind,
    receivingUnitId: typeof payload.receivingUnitId === 'string' ? payload.receivingUnitId : null,
    orderNo: str(payload.orderNo),
    orderIssuer: str(payload.orderIssuer),
    orderDate: str(payload.orderDate),
    emergency: payload.emergency === true,
    incidentName: str(payload.incidentName),
    responseLevel: level,
    transport: {
      mode: str(transport.mode),
      carrier: str(transport.carrier),
      plateNo: str(transport.plateNo),
      driver: str(transport.driver),
      driverPhone: str(transport.driverPhone),
    },
    docDate: typeof payload.docDate === 'string' ? payload.docDate : null,
    remarks: str(payload.remarks),
    lines: lines.length > 0 ? lines : blank.lines,
  };
}

/** The form as a draft payload (line keys are the screen's own and are not kept). */
export function draftPayloadOf(form: DispatchForm): unknown {
  return { ...form, lines: form.lines.map(({ key: _key, ...rest }) => rest) };
}

/** Totals of the slip: lines, base units, and those units as whole cartons plus loose units. */
export function slipTotals(lines: { item: Item; quantity: number }[]): {
  lines: number;
  units: number;
  cartons: number;
  loose: number;
} {
  let units = 0;
  let cartons = 0;
  let loose = 0;
  for (const { item, quantity } of lines) {
    units += quantity;
    if (item.packSize > 1) {
      cartons += Math.floor(quantity / item.packSize);
      loose += quantity % item.packSize;
    } else {
      loose += quantity;
    }
  }
  return { lines: lines.length, units, cartons, loose };
}
