/**
 * The daily backup, driven from the window: at start and every hour after (the depot PC often runs for
 * days), `backup:ensure-daily` writes today's backup if there is none yet. The status bar shows the state.
 */
import { useEffect, useState } from 'react';
import type { AppError } from '../../shared/errors';
import { call } from '../api/client';

export type DailyBackup =
  { state: 'running' } | { state: 'ok'; lastBackupAt: string | null } | { state: 'failed'; error: AppError };

const hour = 60 * 60 * 1000;

/** Fired on the window after each daily-backup run, so screens showing the backup state read it again. */
export const dailyBackupSettledEvent = 'relief-reserve:daily-backup-settled';

export function useDailyBackup(enabled: boolean): DailyBackup {
  const [backup, setBackup] = useState<DailyBackup>({ state: 'running' });
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    async function run() {
      const ensured = await call('backup:ensure-daily');
      if (!live) return;
      if (!ensured.ok) {
        setBackup({ state: 'failed', error: ensured.error });
        window.dispatchEvent(new Event(dailyBackupSettledEvent));
        return;
      }
      const status = await call('backup:status');
      if (!live) return;
      setBackup(
        status.ok ? { state: 'ok', lastBackupAt: status.value.lastBackupAt } : { state: 'failed', error: status.error },
      );
      window.dispatchEvent(new Event(dailyBackupSettledEvent));
    }
    void run();
    const timer = window.setInterval(() => void run(), hour);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [enabled]);
  return backup;
}
