import { useEffect } from 'react';
import type { ApprovalStatus } from '../../../shared/contract';
import { useChannel } from '../../api/client';
import { approvalsChangedEvent } from './approvalEvents';

/** Approval requests (pending only, or all), read again whenever a screen announces a change. */
export function useApprovals(status: ApprovalStatus | undefined, limit: number) {
  const loaded = useChannel('approvals:list', status ? { status, limit } : { limit });
  const { reload } = loaded;
  useEffect(() => {
    window.addEventListener(approvalsChangedEvent, reload);
    return () => window.removeEventListener(approvalsChangedEvent, reload);
  }, [reload]);
  return loaded;
}
