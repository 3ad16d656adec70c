import { UpcomingArea } from '../../app/UpcomingArea';

/** 入库 Receive: receipts (入库单) will be entered here. Not built yet: the area says so plainly. */
export function ReceivePage() {
  return <UpcomingArea />;
}
