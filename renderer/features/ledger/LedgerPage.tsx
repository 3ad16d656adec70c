import { UpcomingArea } from '../../app/UpcomingArea';

/** 台账 Ledger: the per-item receipts-issues-balance ledger will be read here. Not built yet: the area says so plainly. */
export function LedgerPage() {
  return <UpcomingArea />;
}
