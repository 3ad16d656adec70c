import { UpcomingArea } from '../../app/UpcomingArea';

/** 盘点 Stocktake: counts, variances and approved adjustments will be run here. Not built yet: the area says so plainly. */
export function StocktakePage() {
  return <UpcomingArea />;
}
