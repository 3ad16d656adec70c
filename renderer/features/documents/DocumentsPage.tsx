import { UpcomingArea } from '../../app/UpcomingArea';

/** 单据 Documents: posted documents will be looked up and reprinted here. Not built yet: the area says so plainly. */
export function DocumentsPage() {
  return <UpcomingArea />;
}
