/**
 * What a depot sets for its printed documents: logo, the fixed texts of the slips and the copies a slip
 * is printed in. Empty texts mean "the default wording in the printing language", so a depot that
 * changes nothing gets correct Chinese and English slips alike.
 */
import { z } from 'zod';

/** The parts of a multi-part slip, in the order they are printed (存根联 / 记账联 / 随货联 / 回执联). */
export const copyLabelKeys = ['stub', 'accounting', 'delivery', 'receipt'] as const;
export type CopyLabelKey = (typeof copyLabelKeys)[number];

/** Documents whose title a depot may reword. */
export const titledDocuments = ['dispatch', 'receipt'] as const;
export type TitledDocument = (typeof titledDocuments)[number];

/** A logo is stored in the settings table as a data URL; beyond this it would bloat every settings read. */
export const logoMaxBytes = 256 * 1024;
/** Base64 grows by 4/3, plus the `data:image/…;base64,` prefix. */
const logoMaxChars = Math.ceil((logoMaxBytes * 4) / 3) + 40;

export const printSettingsSchema = z.object({
  /** The depot's logo as a data URL (PNG, JPEG or WebP), or null for none. */
  logo: z.string().nullable(),
  /** Slip titles; '' prints the default title. */
  titles: z.object({ dispatch: z.string(), receipt: z.string() }),
  /** A line printed in every page footer (e.g. the depot's phone or a regulation reference); may be ''. */
  footerNote: z.string(),
  /** How many parts a dispatch or receipt slip is printed in. */
  copies: z.union([z.literal(3), z.literal(4)]),
  /** The parts' labels in print order; '' prints the default label of that part. */
  copyLabels: z.tuple([z.string(), z.string(), z.string(), z.string()]),
});
export type PrintSettings = z.infer<typeof printSettingsSchema>;

export const defaultPrintSettings: PrintSettings = {
  logo: null,
  titles: { dispatch: '', receipt: '' },
  footerNote: '',
  copies: 3,
  copyLabels: ['', '', '', ''],
};

const label = z.string().trim().max(12);

/** The print settings as the backend accepts them: bounded texts, a real image data URL of limited size. */
export const printSettingsInputSchema = z
  .object({
    logo: z
      .string()
      .max(logoMaxChars, 'logo-too-large')
      .regex(/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+={0,2}$/, 'logo: a PNG, JPEG or WebP image')
      .nullable(),
    titles: z.object({ dispatch: z.string().trim().max(40), receipt: z.string().trim().max(40) }).strict(),
    footerNote: z.string().trim().max(200),
    copies: z.union([z.literal(3), z.literal(4)]),
    copyLabels: z.tuple([label, label, label, label]),
  })
  .strict();
