import { useState } from 'react';
import { useRoute } from '../../app/areas';
import { ApprovalsSection } from '../approvals/ApprovalsSection';
import { DocumentList } from './DocumentList';
import { DocumentView } from './DocumentView';
import { noFilters, type DocumentFilters } from './documentFilters';
import './documents.css';

/**
 * 单据 Documents: the list of posted documents (`#/documents`) and one document (`#/documents/<id>`).
 * The list stays mounted behind an open document, so going back finds it with the same filters and
 * at the same place; a posting made from the document refreshes what the list has loaded.
 */
export function DocumentsPage() {
  const { target } = useRoute();
  const [filters, setFilters] = useState<DocumentFilters>(noFilters);
  const [refreshKey, setRefreshKey] = useState(0);

  return (
    <div className="documents">
      {target === null && <ApprovalsSection />}
      <DocumentList filters={filters} onFiltersChange={setFilters} refreshKey={refreshKey} visible={target === null} />
      {target !== null && <DocumentView key={target} id={target} onChanged={() => setRefreshKey((k) => k + 1)} />}
    </div>
  );
}
