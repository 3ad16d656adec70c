/** Backups: schemas of the backup channels (automatic daily, on demand, restore). */
import { z } from 'zod';

/** A file or folder path on this PC, as typed or chosen; the backend checks it is absolute. */
export const localPathSchema = z.string().trim().min(1).max(1000);

export const backupKindSchema = z.enum(['daily', 'pre-migration', 'manual', 'pre-restore', 'other']);

export const backupFileSchema = z.object({
  path: z.string(),
  file: z.string(),
  kind: backupKindSchema,
  /** Local time the backup was taken, YYYY-MM-DDTHH:MM:SS. */
  takenAt: z.string(),
  sizeBytes: z.number().int(),
});
export type BackupFileInfo = z.infer<typeof backupFileSchema>;

export const backupFactsSchema = z.object({
  schemaVersion: z.number().int(),
  siteCode: z.string().nullable(),
  depotName: z.string().nullable(),
  documents: z.number().int(),
  ledgerEntries: z.number().int(),
  lastPostedAt: z.string().nullable(),
});
export type BackupFacts = z.infer<typeof backupFactsSchema>;

export const backupStatusSchema = z.object({
  /** Where automatic backups go (the setting, or the default beside the data file). */
  folder: z.string(),
  defaultFolder: z.string(),
  backups: z.array(backupFileSchema),
  /** The newest backup of any kind in the folder. */
  lastBackupAt: z.string().nullable(),
  /** No daily backup yet today. */
  dailyDue: z.boolean(),
});

export const backupCreatedSchema = backupFileSchema.extend({ facts: backupFactsSchema });

export const backupCreateSchema = z
  .object({
    /** A folder such as a USB stick; the automatic backup folder when omitted. */
    folder: localPathSchema.optional(),
  })
  .strict();

export const backupRestoreSchema = z
  .object({
    path: localPathSchema,
    /** Restore even though the backup belongs to another depot (site code); off unless the keeper confirms. */
    acceptOtherDepot: z.boolean().default(false),
  })
  .strict();

export const backupRestoredSchema = z.object({
  restoredFrom: z.string(),
  /** Where the database that was replaced now is (it is kept, never deleted). */
  setAside: z.string(),
  facts: backupFactsSchema,
});
