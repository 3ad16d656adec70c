/**
 * The one contract between the renderer and the backend. Every channel is named `domain:verb-noun`
 * and carries its zod input and output schemas. The backend parses every input with these schemas;
 * the preload exposes one function per channel; the renderer's API type is derived from here.
 */
import { z } from 'zod';

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

export const settingsSchema = z.object({
  /** The reserve depot's name as printed on every document (储备库名称). */
  depotName: z.string(),
  /** This depot's site code; every fact row carries it. */
  siteCode: z.string(),
  /** The interface language, remembered across restarts. */
  language: languageSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsPatchSchema = z
  .object({
    depotName: z.string().trim().max(100),
    siteCode: siteCodeSchema,
    language: languageSchema,
  })
  .partial()
  .strict();

/** Units a relief item may be counted in (base units; cartons convert through the pack size). */
export const baseUnits = ['顶', '床', '件', '张', '台', '套', '个', '箱', '瓶', '袋', '包', '桶', '盒', 'kg'] as const;

/** One row of the catalog (物资目录). Quantities are integers in the base unit; money in fen. */
export const itemSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  spec: z.string(),
  baseUnit: z.string(),
  packSize: z.number().int(),
  hasShelfLife: z.boolean(),
  shelfLifeDays: z.number().int().nullable(),
  minStock: z.number().int(),
  reserveQuota: z.number().int(),
  personsPerUnit: z.number().int(),
  unitValueFen: z.number().int(),
  active: z.boolean(),
});
export type Item = z.infer<typeof itemSchema>;

const itemCode = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'item code: letters, digits, . _ -');

/** What a keeper enters to create an item. Optional numbers default to 0 / none. */
export const itemDraftSchema = z
  .object({
    code: itemCode,
    name: z.string().trim().min(1).max(100),
    spec: z.string().trim().max(200).default(''),
    baseUnit: z.string().trim().min(1).max(8),
    packSize: z.number().int().min(1).max(100_000).default(1),
    hasShelfLife: z.boolean().default(false),
    shelfLifeDays: z.number().int().min(1).max(36_500).nullable().default(null),
    minStock: z.number().int().min(0).max(1_000_000_000).default(0),
    reserveQuota: z.number().int().min(0).max(1_000_000_000).default(0),
    personsPerUnit: z.number().int().min(0).max(1000).default(0),
    unitValueFen: z.number().int().min(0).max(100_000_000_000).default(0),
  })
  .strict()
  .refine((d) => !d.hasShelfLife || d.shelfLifeDays !== null, {
    message: 'an item with a shelf life needs its shelf life in days',
    path: ['shelfLifeDays'],
  });

export const itemListQuerySchema = z
  .object({
    /** Matches code, name or spec (case-insensitive substring). */
    search: z.string().max(100).default(''),
    includeInactive: z.boolean().default(false),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(5000).default(500),
  })
  .strict();

export const contract = {
  'app:get-info': channel(
    'Application and database facts for the status bar and the About box.',
    noInput,
    appInfoSchema,
  ),
  'settings:get': channel('The depot settings (name, site code, language).', noInput, settingsSchema),
  'settings:update': channel(
    'Changes some depot settings and returns all of them. The site code is locked once the depot owns records.',
    settingsPatchSchema,
    settingsSchema,
  ),
  'catalog:list-items': channel(
    'A page of catalog items ordered by code, with the total that match.',
    itemListQuerySchema,
    z.object({ rows: z.array(itemSchema), total: z.number().int() }),
  ),
  'catalog:create-item': channel(
    'Adds an item to the catalog; the code must be new at this depot.',
    itemDraftSchema,
    itemSchema,
  ),
} satisfies Record<string, ChannelDef>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;
export const channels = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
