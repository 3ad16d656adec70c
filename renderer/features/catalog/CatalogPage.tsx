import { UpcomingArea } from '../../app/UpcomingArea';

/** 物资目录 Catalog: items will be created and maintained here. Not built yet: the area says so plainly. */
export function CatalogPage() {
  return <UpcomingArea />;
}
