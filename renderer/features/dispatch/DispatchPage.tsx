import { UpcomingArea } from '../../app/UpcomingArea';

/** 出库 Dispatch: dispatch slips (出库单), including the emergency path, will be made here. Not built yet: the area says so plainly. */
export function DispatchPage() {
  return <UpcomingArea />;
}
