import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { roleMay } from '../../../shared/permissions';
import { useDepot } from '../../app/depot';
import { useCurrentArea } from '../../app/areas';
import { useApprovals } from './usePendingApprovals';
import './approvals.css';

/** The number of requests waiting for a supervisor, beside 单据 in the navigation; nothing when none wait. */
export function PendingBadge() {
  const { user } = useDepot();
  return roleMay(user.role, 'approve') ? <PendingCount /> : null;
}

function PendingCount() {
  const { t } = useTranslation();
  const area = useCurrentArea();
  const { state, reload } = useApprovals('pending', 1);
  // Read again on every move between areas: a keeper at another desk may have submitted meanwhile.
  useEffect(() => reload(), [area, reload]);
  const total = state.status === 'ok' ? state.value.total : state.status === 'loading' ? (state.stale?.total ?? 0) : 0;
  if (total === 0) return null;
  const label = t('approvals.badge', { count: total });
  return (
    <span className="approvals-badge" role="status" aria-label={label} title={label}>
      {total}
    </span>
  );
}
