/**
 * The backup channels. Automatic backups: the first start of each day (`backup:ensure-daily`, called
 * by the app at start) and before every migration (openDatabase). On demand: to the backup folder or
 * a chosen one such as a USB stick. Every backup is written with SQLite's online backup (postings may
 * go on meanwhile: the copy is of one consistent moment), verified with integrity_check, and only then
 * named as a backup. Restore verifies first and keeps the database it replaces.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ChannelOutput } from '../../../shared/contract';
import type { BackendContext, HandlersFor } from '../context';
import { DomainError } from '../errors';
import type { SettingsStore } from '../settings/settings';
export { defaultBackupFolder } from './files';
import {
  backupPath,
  defaultBackupFolder,
  ensureFolder,
  finishBackup,
  inspectBackup,
  listBackups,
  rotationVictims,
  stamp,
  type BackupKind,
} from './files';

export function requireAbsolute(p: string): string {
  if (!path.isAbsolute(p)) throw new DomainError('path-not-absolute', `${p} is not an absolute path`, { path: p });
  return path.normalize(p);
}

export interface Restorer {
  /** Swaps the database file for a verified backup and reopens; returns where the old file went. */
  restore(from: string, asideFolder: string): string;
}

export function createBackups(ctx: BackendContext, settings: SettingsStore, restorer: Restorer) {
  let writing = false;

  const folder = () => {
    const configured = settings.all().backupFolder;
    return configured ? requireAbsolute(configured) : defaultBackupFolder(ctx.dbPath);
  };
  const localDay = (at: Date) => stamp(at).slice(0, 8);

  async function write(target: string, kind: BackupKind): Promise<ChannelOutput<'backup:create'>> {
    if (writing) throw new DomainError('backup-in-progress', 'a backup is being written');
    writing = true;
    try {
      ensureFolder(target);
      const final = backupPath(target, kind, ctx.now());
      const partial = `${final}.partial`;
      try {
        await ctx.db.backup(partial);
      } catch (err) {
        for (const f of [partial, `${partial}-journal`]) fs.rmSync(f, { force: true });
        throw new DomainError('backup-failed', `cannot write ${final}: ${(err as Error).message}`, { file: final });
      }
      const facts = finishBackup(partial, final);
      const written = listBackups(target).find((b) => b.path === final);
      return {
        path: final,
        file: path.basename(final),
        kind,
        takenAt: written?.takenAt ?? ctx.now().toISOString().slice(0, 19),
        sizeBytes: fs.statSync(final).size,
        facts,
      };
    } finally {
      writing = false;
    }
  }

  const handlers: HandlersFor<
    'backup:status' | 'backup:create' | 'backup:ensure-daily' | 'backup:inspect' | 'backup:restore'
  > = {
    'backup:status': () => {
      const where = folder();
      const backups = listBackups(where);
      const today = localDay(ctx.now());
      return {
        folder: where,
        defaultFolder: defaultBackupFolder(ctx.dbPath),
        backups: backups.slice(0, 200),
        lastBackupAt: backups[0]?.takenAt ?? null,
        dailyDue: !backups.some((b) => b.kind === 'daily' && b.file.includes(`-daily-${today}-`)),
      };
    },
    'backup:create': (input) => write(input.folder ? requireAbsolute(input.folder) : folder(), 'manual'),
    'backup:ensure-daily': async () => {
      const where = folder();
      const today = localDay(ctx.now());
      const due = !listBackups(where).some((b) => b.kind === 'daily' && b.file.includes(`-daily-${today}-`));
      const created = due ? await write(where, 'daily') : null;
      const { backupKeepDaily, backupKeepMonthly } = settings.all();
      const removed: string[] = [];
      for (const victim of rotationVictims(listBackups(where), backupKeepDaily, backupKeepMonthly)) {
        try {
          fs.rmSync(victim.path);
          removed.push(victim.path);
        } catch (err) {
          // A backup we cannot delete stays; rotation must never fail the day's backup.
          console.warn(`[backup] cannot remove ${victim.path}: ${(err as Error).message}`);
        }
      }
      return { created, removed };
    },
    'backup:inspect': (input) => inspectBackup(requireAbsolute(input.path)),
    'backup:restore': (input) => {
      if (writing) throw new DomainError('backup-in-progress', 'a backup is being written');
      const from = requireAbsolute(input.path);
      const facts = inspectBackup(from);
      const currentSite = settings.siteCode();
      if (facts.siteCode !== null && facts.siteCode !== currentSite && !input.acceptOtherDepot) {
        throw new DomainError('backup-other-depot', `${from} belongs to depot ${facts.siteCode}, not ${currentSite}`, {
          backupSite: facts.siteCode,
          currentSite,
        });
      }
      const setAside = restorer.restore(from, folder());
      return { restoredFrom: from, setAside, facts };
    },
  };
  return { handlers };
}
