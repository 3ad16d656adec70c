import { useRoute } from '../../app/areas';
import { SessionList } from './SessionList';
import { SessionView } from './SessionView';
import './stocktake.css';

/**
 * 盘点 Stocktake: `#/stocktake` lists the count sessions and starts one; `#/stocktake/<id>` is one
 * session — counting by scan or typing, the variance report, recount and approval, the count sheets.
 */
export function StocktakePage() {
  const { target } = useRoute();
  return <div className="stocktake">{target ? <SessionView key={target} id={target} /> : <SessionList />}</div>;
}
