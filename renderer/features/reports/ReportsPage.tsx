import { UpcomingArea } from '../../app/UpcomingArea';

/** 报表 Reports: period reports and exports will be produced here. Not built yet: the area says so plainly. */
export function ReportsPage() {
  return <UpcomingArea />;
}
