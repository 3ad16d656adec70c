import { useCallback, useState, type ReactNode } from 'react';
import { LabelsDialog, type LabelsDialogProps } from './LabelsDialog';

export type LabelsRequest = Pick<LabelsDialogProps, 'kind' | 'entries' | 'initialCopies' | 'unit'>;

/**
 * The labels dialog as a screen uses it: `show(request)` opens it afresh (a new key, so no choice
 * from the last label set leaks into the next), `dialog` is the element to render.
 */
export function useLabelsDialog(): { show(request: LabelsRequest): void; dialog: ReactNode } {
  const [state, setState] = useState<{ key: number; open: boolean; request: LabelsRequest | null }>({
    key: 0,
    open: false,
    request: null,
  });
  const show = useCallback((request: LabelsRequest) => setState((s) => ({ key: s.key + 1, open: true, request })), []);
  const dialog = state.request ? (
    <LabelsDialog
      key={state.key}
      {...state.request}
      open={state.open}
      onClose={() => setState((s) => ({ ...s, open: false }))}
    />
  ) : null;
  return { show, dialog };
}
