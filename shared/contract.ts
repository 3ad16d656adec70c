/**
 * The one contract between the renderer and the backend. Every channel is named `domain:verb-noun`
 * and carries its zod input and output schemas. The backend parses every input with these schemas;
 * the preload exposes one function per channel; the renderer's API type is derived from here.
 */
import { z } from 'zod';
import {
  barcodeDraftSchema,
  barcodeSchema,
  categoryDraftSchema,
  categorySchema,
  importReportSchema,
  itemDetailSchema,
  itemDraftSchema,
  itemImportSchema,
  itemListQuerySchema,
  itemSchema,
  itemSearchHitSchema,
  itemSearchQuerySchema,
  itemUpdateSchema,
  locationDraftSchema,
  locationSchema,
  partyDraftSchema,
  partyKinds,
  partySchema,
  sourceDraftSchema,
  sourceSchema,
  barcodeTextSchema,
} from './schemas/catalog';
import {
  backupCreateSchema,
  backupCreatedSchema,
  backupFactsSchema,
  backupRestoreSchema,
  backupRestoredSchema,
  backupStatusSchema,
  localPathSchema,
} from './schemas/backup';
import {
  activityChainSchema,
  activityEntrySchema,
  activityQuerySchema,
  authStatusSchema,
  changePasswordSchema,
  resetPasswordSchema,
  setupAdminSchema,
  signInSchema,
  userDraftSchema,
  userSchema,
} from './schemas/accounts';
import {
  approvalDecisionSchema,
  approvalPostedSchema,
  approvalQuerySchema,
  approvalRejectionSchema,
  approvalRequestSchema,
  approvalSubmitSchema,
} from './schemas/approvals';
import { idSchema } from './schemas/common';
import { printSettingsInputSchema, printSettingsSchema } from './print/depotPrintSettings';
import { assignedCodeSchema, labelDataQuerySchema, labelDataSchema } from './schemas/labels';
import {
  printDefaultsSchema,
  printerSchema,
  printHistoryQuerySchema,
  printHistorySchema,
  printJobSchema,
  printLogEntrySchema,
  printRecordInputSchema,
  savedPdfSchema,
  savePdfInputSchema,
} from './schemas/print';
import { isSuitedPaper } from './print/suited-papers';
import type { PrintKind } from './print/jobs';
import { scanQuerySchema, scanResultSchema } from './schemas/scan';
import { coverageSchema, expiryTimelineSchema, monthsQuerySchema, movementsSchema } from './schemas/dashboard';
import {
  incidentDeclareSchema,
  incidentReportSchema,
  incidentSchema,
  kitDraftSchema,
  kitSchema,
  recentReceivingUnitSchema,
} from './schemas/emergency';
import {
  stocktakeCancelSchema,
  stocktakeCountSchema,
  stocktakeDetailSchema,
  stocktakeLineSchema,
  stocktakeListQuerySchema,
  stocktakeReasonSchema,
  stocktakeRecountSchema,
  stocktakeReportSchema,
  stocktakeStartSchema,
  stocktakeSummarySchema,
} from './schemas/stocktake';
import {
  auditSummarySchema,
  exportJobQuerySchema,
  exportJobSchema,
  exportRequestSchema,
  reportTableQuerySchema,
  reportTableSchema,
} from './schemas/exports';
import {
  adjustmentInputSchema,
  agedQuerySchema,
  allocationQuerySchema,
  allocationSchema,
  asOfQuerySchema,
  chainReportSchema,
  dispatchInputSchema,
  documentDetailSchema,
  documentListQuerySchema,
  documentSummarySchema,
  draftSaveSchema,
  draftSchema,
  expiringQuerySchema,
  inventoryRowSchema,
  onHandQuerySchema,
  paperworkFilingInputSchema,
  pendingPaperworkSchema,
  postedSchema,
  rebuildReportSchema,
  receiptInputSchema,
  reversalInputSchema,
  stockCardQuerySchema,
  stockCardSchema,
  stockRowSchema,
  transferInputSchema,
  writeOffInputSchema,
} from './schemas/stock';

/** A channel's definition: what it does, what it takes, what it returns. */
export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  doc: string;
  input: I;
  output: O;
}

function channel<I extends z.ZodType, O extends z.ZodType>(doc: string, input: I, output: O): ChannelDef<I, O> {
  return { doc, input, output };
}

/** Channels that take nothing accept `undefined` or an empty object, and nothing else. */
const noInput = z.object({}).strict().optional();

export const languages = ['zh-CN', 'en-US'] as const;
export const languageSchema = z.enum(languages);
export type Language = z.infer<typeof languageSchema>;

/** Site codes identify a depot in merged provincial ledgers: upper-case letters, digits and dashes. */
export const siteCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,15}$/, 'site code: 2–16 of A–Z, 0–9, -');

const databaseStateSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok') }),
  z.object({
    status: z.literal('error'),
    code: z.enum(['db-newer-version', 'db-corrupt', 'db-open-failed']),
    message: z.string(),
  }),
]);

export const appInfoSchema = z.object({
  appName: z.string(),
  appVersion: z.string(),
  /** Schema version this build knows (the latest migration). */
  schemaVersion: z.number().int(),
  /** Schema version of the open database file; null when it could not be read. */
  databaseSchemaVersion: z.number().int().nullable(),
  /** Folder holding the database and its backups. */
  dataPath: z.string(),
  dbPath: z.string(),
  sqliteVersion: z.string().nullable(),
  database: databaseStateSchema,
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** How the scan capture tells a scanner from a person typing (renderer/scan). */
export const scanTerminators = ['Enter', 'Tab'] as const;
export const scannerSettingsSchema = z
  .object({
    /** Shorter bursts are typing, not scans. */
    minLength: z.number().int().min(3).max(64),
    /** Scanners type a key every 1–10 ms; people take 80 ms or more. */
    maxIntervalMs: z.number().int().min(5).max(200),
    /** The key(s) the scanner sends after the code. */
    terminators: z.array(z.enum(scanTerminators)).min(1).max(2),
  })
  .strict();
export type ScannerSettings = z.infer<typeof scannerSettingsSchema>;
export const defaultScannerSettings: ScannerSettings = {
  minLength: 6,
  maxIntervalMs: 35,
  terminators: ['Enter', 'Tab'],
};

export const settingsSchema = z.object({
  /** The reserve depot's name as printed on every document (储备库名称). */
  depotName: z.string(),
  /** This depot's site code; every fact row carries it. */
  siteCode: z.string(),
  /** The interface language, remembered across restarts. */
  language: languageSchema,
  /** Where automatic backups go; empty = the `backups` folder beside the data file. */
  backupFolder: z.string(),
  /** Daily backups kept (newest days). */
  backupKeepDaily: z.number().int(),
  /** Monthly backups kept (the first backup of each of the newest months). */
  backupKeepMonthly: z.number().int(),
  /** Per kind of printout: the printer, paper and copies the preview starts with. */
  printDefaults: printDefaultsSchema,
  /** Logo, slip texts and copies of printed documents. */
  printing: printSettingsSchema,
  scanner: scannerSettingsSchema,
  /** Minutes without activity before the session locks. */
  idleLockMinutes: z.number().int(),
  /** A depot run by one person: an approver may approve their own request. Off by default. */
  singlePerson: z.boolean(),
  /** A keeper's dispatch of more than this many base units (all lines) needs approval; null: no limit. */
  approvalQuantityLimit: z.number().int().nullable(),
  /** A keeper's dispatch worth more than this (fen, at catalog values) needs approval; null: no limit. */
  approvalValueLimitFen: z.number().int().nullable(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsPatchSchema = z
  .object({
    depotName: z.string().trim().max(100),
    siteCode: siteCodeSchema,
    language: languageSchema,
    backupFolder: z.string().trim().max(1000),
    backupKeepDaily: z.number().int().min(1).max(366),
    backupKeepMonthly: z.number().int().min(0).max(120),
    /** Merged kind by kind into the saved defaults; a paper must suit its kind. */
    printDefaults: printDefaultsSchema.refine(
      (defaults) =>
        Object.entries(defaults).every(([kind, d]) => d === undefined || isSuitedPaper(kind as PrintKind, d.paper)),
      { message: 'a paper this kind of printout is not laid out for' },
    ),
    printing: printSettingsInputSchema,
    scanner: scannerSettingsSchema,
    idleLockMinutes: z.number().int().min(1).max(240),
    singlePerson: z.boolean(),
    approvalQuantityLimit: z.number().int().min(1).max(1_000_000_000).nullable(),
    approvalValueLimitFen: z.number().int().min(1).max(100_000_000_000_000).nullable(),
  })
  .partial()
  .strict();

export * from './schemas/catalog';
export * from './schemas/stock';
export * from './schemas/backup';
export * from './schemas/labels';
export * from './schemas/print';
export * from './schemas/scan';
export * from './schemas/accounts';
export * from './schemas/emergency';
export * from './schemas/dashboard';
export * from './schemas/stocktake';
export * from './schemas/approvals';
export * from './schemas/exports';
export { idSchema, dateSchema } from './schemas/common';

export const contract = {
  'app:get-info': channel(
    'Application and database facts for the status bar and the About box.',
    noInput,
    appInfoSchema,
  ),
  // — Accounts and the activity log —
  'auth:status': channel(
    'Whether accounts exist, who is signed in, and whether the session is locked.',
    noInput,
    authStatusSchema,
  ),
  'auth:setup-admin': channel(
    'First start only: creates the admin account (there is no default password) and signs it in.',
    setupAdminSchema,
    authStatusSchema,
  ),
  'auth:sign-in': channel(
    'Signs a user in (also switching user); failures are logged and throttled.',
    signInSchema,
    authStatusSchema,
  ),
  'auth:sign-out': channel('Signs the current user out.', noInput, authStatusSchema),
  'auth:lock': channel(
    'Locks the session (idle time or the keeper stepping away); the password unlocks it.',
    noInput,
    authStatusSchema,
  ),
  'auth:unlock': channel(
    "Unlocks the locked session with the signed-in user's password.",
    z.object({ password: z.string().max(128) }).strict(),
    authStatusSchema,
  ),
  'auth:change-password': channel("Changes the signed-in user's own password.", changePasswordSchema, authStatusSchema),
  'users:list': channel('Every account, active or not.', noInput, z.array(userSchema)),
  'users:save': channel('Creates or changes an account (name, role, active).', userDraftSchema, userSchema),
  'users:reset-password': channel(
    'Sets a new password for an account (the admin, for a keeper who forgot).',
    resetPasswordSchema,
    userSchema,
  ),
  'activity:list': channel(
    'The activity log, newest first, with filters.',
    activityQuerySchema,
    z.object({ rows: z.array(activityEntrySchema), total: z.number().int() }),
  ),
  'activity:verify-chain': channel("Checks the activity log's hash chain.", noInput, activityChainSchema),
  'settings:get': channel('The depot settings (name, site code, language, print defaults).', noInput, settingsSchema),
  'settings:update': channel(
    'Changes some depot settings and returns all of them. The site code is locked once the depot owns records.',
    settingsPatchSchema,
    settingsSchema,
  ),
  // — Catalog (物资目录) and master data —
  'catalog:list-items': channel(
    'A page of catalog items ordered by code, with the total that match.',
    itemListQuerySchema,
    z.object({ rows: z.array(itemSchema), total: z.number().int() }),
  ),
  'catalog:search-items': channel(
    'Items for a typed or scanned text: barcode first, then code, pinyin initials, name — best matches first.',
    itemSearchQuerySchema,
    z.array(itemSearchHitSchema),
  ),
  'catalog:get-item': channel('One item with its barcodes.', z.object({ id: idSchema }).strict(), itemDetailSchema),
  'catalog:create-item': channel(
    'Adds an item to the catalog; the code must be new at this depot.',
    itemDraftSchema,
    itemSchema,
  ),
  'catalog:update-item': channel(
    'Changes an item. Code and base unit are fixed once it has movements; deactivate instead of deleting.',
    itemUpdateSchema,
    itemSchema,
  ),
  'catalog:delete-item': channel(
    'Deletes an item that never moved (a typo); an item with movements is refused: deactivate it.',
    z.object({ id: idSchema }).strict(),
    z.object({ deleted: z.boolean() }),
  ),
  'catalog:add-barcode': channel(
    'Links a barcode to an item with the quantity it stands for (unit = 1, carton = pack size).',
    barcodeDraftSchema,
    barcodeSchema,
  ),
  'catalog:remove-barcode': channel(
    'Unlinks a barcode from its item.',
    z.object({ id: idSchema }).strict(),
    z.object({ removed: z.boolean() }),
  ),
  'catalog:lookup-barcode': channel(
    'The item and quantity a scanned barcode stands for.',
    z.object({ barcode: barcodeTextSchema }).strict(),
    z.object({ item: itemSchema, quantity: z.number().int(), barcodeId: z.string() }),
  ),
  'catalog:import-items': channel(
    'Imports items from CSV or XLSX with a per-row error report; nothing is written when any row is invalid unless mode is valid-rows.',
    itemImportSchema,
    importReportSchema,
  ),
  'catalog:list-categories': channel('The category tree, flattened in code order.', noInput, z.array(categorySchema)),
  'catalog:save-category': channel('Creates or renames a category.', categoryDraftSchema, categorySchema),
  'catalog:list-sources': channel('The stock sources (物资来源).', noInput, z.array(sourceSchema)),
  'catalog:save-source': channel(
    'Creates or changes a stock source; a donation source names its donor.',
    sourceDraftSchema,
    sourceSchema,
  ),
  'catalog:list-parties': channel(
    'Receiving units, suppliers, donors and issuing units.',
    z
      .object({ kind: z.enum(partyKinds).optional() })
      .strict()
      .optional(),
    z.array(partySchema),
  ),
  'catalog:save-party': channel('Creates or changes a party.', partyDraftSchema, partySchema),
  'catalog:list-locations': channel('Zones and slots (库区/货位).', noInput, z.array(locationSchema)),
  'catalog:save-location': channel('Creates or changes a zone or slot.', locationDraftSchema, locationSchema),
  'catalog:get-label-data': channel(
    'What the labels of some items, batches or locations print, in the order asked; a missing record is refused.',
    labelDataQuerySchema,
    labelDataSchema,
  ),
  'catalog:assign-internal-code': channel(
    "Mints the depot's next internal GTIN-13 (prefix 29) and links it as the item's unit barcode; refused when the item already has one.",
    z.object({ itemId: idSchema }).strict(),
    assignedCodeSchema,
  ),

  // — Posting (every stock change is a posted document) —
  'stock:post-receipt': channel(
    'Posts a receipt (入库单): purchase, allocation from above, donation, or return against a dispatch.',
    receiptInputSchema,
    postedSchema,
  ),
  'stock:post-dispatch': channel(
    'Posts a dispatch (出库单). Lines without picks follow the FEFO proposal; beyond stock is refused.',
    dispatchInputSchema,
    postedSchema,
  ),
  'stock:post-transfer': channel('Posts a transfer between locations (移库).', transferInputSchema, postedSchema),
  'stock:post-adjustment': channel(
    'Posts an adjustment with its reason (lost, found, damaged, expired, count correction).',
    adjustmentInputSchema,
    postedSchema,
  ),
  'stock:post-write-off': channel('Posts a write-off (报废).', writeOffInputSchema, postedSchema),
  'stock:reverse': channel(
    'Posts a reversal (冲销) of a whole document with a reason; the original shows as reversed.',
    reversalInputSchema,
    postedSchema,
  ),
  'approvals:submit': channel(
    'Applies for a write-off, reversal or dispatch (checked now, posted only when a supervisor approves).',
    approvalSubmitSchema,
    approvalRequestSchema,
  ),
  'approvals:list': channel(
    'Requests for approval, newest first; pending ones only when asked.',
    approvalQuerySchema,
    z.object({ rows: z.array(approvalRequestSchema), total: z.number().int() }),
  ),
  'approvals:approve': channel(
    "Approves a pending request and posts it through the posting it names; never the approver's own (unless single-person).",
    approvalDecisionSchema,
    approvalPostedSchema,
  ),
  'approvals:reject': channel(
    'Rejects a pending request with a reason; nothing is posted.',
    approvalRejectionSchema,
    approvalRequestSchema,
  ),
  'stock:file-paperwork': channel(
    'Records the allocation order number of an emergency dispatch after the fact (补办手续).',
    paperworkFilingInputSchema,
    z.object({ documentId: z.string(), filedAt: z.string() }),
  ),
  'stock:allocate': channel(
    'The FEFO proposal for an item and quantity: earliest expiry, then oldest receipt, one source only.',
    allocationQuerySchema,
    allocationSchema,
  ),

  // — Queries —
  'stock:on-hand': channel(
    'Stock per item, batch, location and source (only keys with stock).',
    onHandQuerySchema,
    z.array(stockRowSchema),
  ),
  'stock:inventory': channel(
    'One row per item: on hand, by source, quota, nearest expiry, oldest receipt.',
    z
      .object({ includeInactive: z.boolean().default(false) })
      .strict()
      .optional(),
    z.array(inventoryRowSchema),
  ),
  'stock:as-of': channel(
    'Stock per item (and source) at the end of a past day, from the ledger.',
    asOfQuerySchema,
    z.array(z.object({ itemId: z.string(), sourceId: z.string().nullable(), quantity: z.number().int() })),
  ),
  'stock:card': channel(
    "An item's stock card (台账/货位卡): movements with in, out and running balance.",
    stockCardQuerySchema,
    stockCardSchema,
  ),
  'stock:expiring': channel(
    'Stock expiring within N days (or already expired).',
    expiringQuerySchema,
    z.array(stockRowSchema),
  ),
  'stock:aged': channel(
    'Stock received N years ago or more (quality test due).',
    agedQuerySchema,
    z.array(stockRowSchema),
  ),
  'stock:below-minimum': channel(
    'Active items whose stock is below their minimum.',
    noInput,
    z.array(
      z.object({
        itemId: z.string(),
        code: z.string(),
        name: z.string(),
        onHand: z.number().int(),
        minStock: z.number().int(),
      }),
    ),
  ),
  'stock:pending-paperwork': channel(
    'Emergency dispatches still waiting for their allocation order number, with deadlines.',
    noInput,
    z.array(pendingPaperworkSchema),
  ),
  // — The reserve dashboard (首页) —
  'dashboard:coverage': channel(
    'Per category: on hand against the reserve quotas and the people the stock can serve, in total and by source.',
    noInput,
    coverageSchema,
  ),
  'dashboard:movements': channel(
    'Stock in and out per calendar month over the last N months (12 by default), net per document and item.',
    monthsQuerySchema,
    movementsSchema,
  ),
  'dashboard:expiry-timeline': channel(
    'Stock with an expiry date by the month it expires: already expired, the next N months, later.',
    monthsQuerySchema,
    expiryTimelineSchema,
  ),
  'documents:list': channel(
    'Posted documents, newest first, with filters.',
    documentListQuerySchema,
    z.object({ rows: z.array(documentSummarySchema), total: z.number().int() }),
  ),
  'documents:get': channel(
    'One document with its lines and ledger effect.',
    z.object({ id: idSchema }).strict(),
    documentDetailSchema,
  ),
  'documents:find-by-number': channel(
    'The document with this number (e.g. a scanned slip), if any.',
    z.object({ number: z.string().trim().min(1).max(40) }).strict(),
    documentSummarySchema.nullable(),
  ),

  // — Emergency mode: incidents and kits —
  'incidents:current': channel(
    'The open incident (应急事件), shown everywhere while it lasts; null when none is open.',
    noInput,
    incidentSchema.nullable(),
  ),
  'incidents:list': channel('Every incident, the open one first, then newest first.', noInput, z.array(incidentSchema)),
  'incidents:declare': channel(
    'Declares an incident; refused while another is open. Every dispatch posted until it closes is linked to it.',
    incidentDeclareSchema,
    incidentSchema,
  ),
  'incidents:close': channel(
    'Closes the open incident; later dispatches are no longer linked to it.',
    z.object({ id: idSchema }).strict(),
    incidentSchema,
  ),
  'incidents:report': channel(
    'Everything dispatched for an incident, by receiving unit and item, from the ledger (reversed dispatches net out): the one source of its screen, printout and export.',
    z.object({ incidentId: idSchema }).strict(),
    incidentReportSchema,
  ),
  'kits:list': channel('Kits (包) with what one kit holds, active ones first.', noInput, z.array(kitSchema)),
  'kits:save': channel(
    'Creates or changes a kit: code, name, its own barcode and the items one kit holds (at least one).',
    kitDraftSchema,
    kitSchema,
  ),
  'stock:recent-receiving-units': channel(
    'Active receiving units, the most recently dispatched to first (quick dispatch).',
    noInput,
    z.array(recentReceivingUnitSchema),
  ),

  // — Scanning —
  'scan:resolve': channel(
    'What a scanned code stands for: location label, item barcode, GS1 element string, GTIN, document number, or unknown (order in electron/backend/scan/resolve.ts).',
    scanQuerySchema,
    scanResultSchema,
  ),

  // — Ledger integrity —
  'ledger:verify-chain': channel(
    "Recomputes this depot's ledger hash chain and reports the first broken entry.",
    noInput,
    chainReportSchema,
  ),
  'ledger:rebuild-balances': channel(
    'Rebuilds the stock balances from the ledger and reports every difference found.',
    noInput,
    rebuildReportSchema,
  ),

  // — Backups —
  'backup:status': channel(
    "The backup folder, the backups in it (newest first) and whether today's daily backup is due.",
    noInput,
    backupStatusSchema,
  ),
  'backup:create': channel(
    'Writes a verified backup now (online, while postings go on), to the backup folder or a chosen one.',
    backupCreateSchema,
    backupCreatedSchema,
  ),
  'backup:ensure-daily': channel(
    "Takes today's automatic backup if there is none yet and rotates old ones; called at start.",
    noInput,
    z.object({ created: backupCreatedSchema.nullable(), removed: z.array(z.string()) }),
  ),
  'backup:inspect': channel(
    'Checks a backup file (integrity_check, version, depot) without changing it, and tells what it holds.',
    z.object({ path: localPathSchema }).strict(),
    backupFactsSchema,
  ),
  'backup:restore': channel(
    'Replaces the database with a verified backup; the database in use is kept aside as a pre-restore backup.',
    backupRestoreSchema,
    backupRestoredSchema,
  ),
  // — Drafts (local work in progress) —
  'drafts:save': channel(
    'Saves what a form holds so it survives screen changes and restarts.',
    draftSaveSchema,
    draftSchema,
  ),
  'drafts:list': channel(
    'Saved drafts, newest first.',
    z
      .object({ kind: z.string().max(20).optional() })
      .strict()
      .optional(),
    z.array(draftSchema),
  ),
  'drafts:delete': channel(
    'Discards a draft.',
    z.object({ id: idSchema }).strict(),
    z.object({ deleted: z.boolean() }),
  ),

  // — Stocktake (盘点) —
  'stocktake:list': channel(
    'Count sessions, newest first, optionally of one status.',
    stocktakeListQuerySchema,
    z.array(stocktakeSummarySchema),
  ),
  'stocktake:get': channel(
    'One count session with its frozen lines and the counts entered so far.',
    z.object({ stocktakeId: idSchema }).strict(),
    stocktakeDetailSchema,
  ),
  'stocktake:start': channel(
    'Starts a count session: freezes the system quantity of every stock key in the scope (full, location, category or source).',
    stocktakeStartSchema,
    stocktakeDetailSchema,
  ),
  'stocktake:count': channel(
    "Records the signed-in counter's count of a line: a scan adds, a typed count sets; several counters' counts are summed.",
    stocktakeCountSchema,
    stocktakeLineSchema,
  ),
  'stocktake:recount': channel(
    "Opens a recount round for the counted lines whose variance exceeds the threshold (the session's, or one given here).",
    stocktakeRecountSchema,
    z.object({ round: z.number().int(), lines: z.number().int() }),
  ),
  'stocktake:set-reason': channel(
    "Gives a line's variance its reason (an adjustment reason) and a note.",
    stocktakeReasonSchema,
    stocktakeLineSchema,
  ),
  'stocktake:approve': channel(
    'A second person approves: posts one adjustment document (盘盈/盘亏 lines, counted − frozen) and closes the session.',
    z.object({ stocktakeId: idSchema }).strict(),
    stocktakeSummarySchema,
  ),
  'stocktake:cancel': channel(
    'Cancels an open count session with a reason; nothing is posted.',
    stocktakeCancelSchema,
    stocktakeSummarySchema,
  ),
  'stocktake:report': channel(
    'The variance report: per line counted, system (frozen), variance, reason, approver, and what moved during the count.',
    z.object({ stocktakeId: idSchema }).strict(),
    stocktakeReportSchema,
  ),

  // — Exports (XLSX/CSV reports and the audit package): a job streams in the background, polled —
  'exports:start': channel(
    'Starts an export into a folder; the files appear (renamed from temporary ones) only once complete.',
    exportRequestSchema,
    exportJobSchema,
  ),
  'exports:progress': channel(
    'How far an export job is: rows written of the total, and its state.',
    exportJobQuerySchema,
    exportJobSchema,
  ),
  'exports:cancel': channel(
    'Stops a running export; its temporary files are removed and nothing is left in the folder.',
    exportJobQuerySchema,
    exportJobSchema,
  ),
  'exports:report-table': channel(
    'A report as the printed table (ledger summary, inventory): the very rows and totals its XLSX export writes.',
    reportTableQuerySchema,
    reportTableSchema,
  ),
  'exports:audit-summary': channel(
    'The summary page of a running audit package, as read in the package’s snapshot (its print view draws it).',
    exportJobQuerySchema,
    auditSummarySchema,
  ),
  // — Print log (every print and reprint, append-only) —
  'print:record': channel(
    'Logs one print or PDF of a printout after it succeeded; its sequence numbers the reprints (补打).',
    printRecordInputSchema,
    printLogEntrySchema,
  ),
  'print:history': channel(
    'How often a printout was printed, with every print, oldest first.',
    printHistoryQuerySchema,
    printHistorySchema,
  ),
} satisfies Record<string, ChannelDef>;

/**
 * Channels Electron's main process answers itself, because they need Electron (printers, dialogs,
 * hidden print windows), not the database. Same door as the contract: one function on window.api,
 * the sender checked, the input parsed with these schemas, a Result back — never a throw.
 */
export const shellContract = {
  'print:printers': channel('The printers this PC knows, the system default marked.', noInput, z.array(printerSchema)),
  'print:print': channel(
    'Prints a printout through the system dialog, or silently to a named printer with the paper size in microns.',
    printJobSchema,
    z.object({ printed: z.literal(true) }),
  ),
  'print:save-pdf': channel(
    'Asks where to save and writes the printout as a PDF of its exact paper size; path null when cancelled.',
    savePdfInputSchema,
    savedPdfSchema,
  ),
} satisfies Record<string, ChannelDef>;

export type ShellContract = typeof shellContract;
export type ShellChannel = keyof ShellContract;
export const shellChannels = Object.keys(shellContract) as ShellChannel[];

export function isShellChannel(name: unknown): name is ShellChannel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(shellContract, name);
}

/** Every channel on window.api: the backend's and the shell's. */
export type ApiContract = Contract & ShellContract;
export type ApiChannel = keyof ApiContract;
export const apiChannels: readonly ApiChannel[] = [...Object.keys(contract), ...shellChannels] as ApiChannel[];

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends ApiChannel> = z.input<ApiContract[C]['input']>;
export type ChannelOutput<C extends ApiChannel> = z.output<ApiContract[C]['output']>;
export const channels = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
