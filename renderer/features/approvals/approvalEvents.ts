/** Screens that change approval requests announce it, so the pending list and the navigation badge read again. */
export const approvalsChangedEvent = 'relief-reserve:approvals-changed';

export function announceApprovalsChanged(): void {
  window.dispatchEvent(new Event(approvalsChangedEvent));
}
