import { formatNumber } from '../../components/format';

/** "2026-11-28T08:30:00" (local, from the file name) as the keeper reads it: 2026-11-28 08:30. */
export function formatTakenAt(takenAt: string): string {
  return `${takenAt.slice(0, 10)} ${takenAt.slice(11, 16)}`;
}

/** A file size in MB with one decimal (KB below one MB). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
