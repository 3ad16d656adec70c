import { useEffect, useId, useRef, type ReactNode } from 'react';
import './dialog.css';

interface DialogProps {
  /** The dialog's title, also its accessible name. */
  title: string;
  open: boolean;
  onClose(): void;
  children: ReactNode;
  /** Buttons along the bottom edge. */
  actions?: ReactNode;
  /** Wider dialogs for confirmation summaries with a table. */
  wide?: boolean;
}

/**
 * A modal dialog on the native <dialog> element: focus moves into it and returns afterwards, Escape
 * closes it, the rest of the window is inert while it is open.
 */
export function Dialog({ title, open, onClose, children, actions, wide }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      aria-labelledby={titleId}
      onCancel={(e) => {
        // React bubbles the event through the component tree: an inner dialog's Escape must not close its parent.
        e.stopPropagation();
        e.preventDefault();
        onClose();
      }}
    >
      {open && (
        <>
          <h2 id={titleId} className="dialog-title">
            {title}
          </h2>
          <div className="dialog-body">{children}</div>
          {actions && <div className="dialog-actions">{actions}</div>}
        </>
      )}
    </dialog>
  );
}
