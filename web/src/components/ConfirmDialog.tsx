import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';
import { FormProblems } from './FormProblems';
import type { Problem } from '../api/problems';

/**
 * A modal confirmation (the native <dialog>: focus stays inside, Escape cancels, focus returns to
 * the button that opened it). The cancel button has the focus first: the safe choice is the default.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  busy,
  problems,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  busy: boolean;
  problems: Problem[];
  onConfirm(): void;
  onCancel(): void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      {open ? (
        <>
          <h2 id={`${id}-title`} className="dialog__title">
            {title}
          </h2>
          <FormProblems problems={problems} />
          <div id={`${id}-body`}>{children}</div>
          <div className="actions">
            <button type="button" className="button button--secondary" autoFocus onClick={onCancel}>
              {cancelLabel}
            </button>
            <button
              type="button"
              className="button button--danger"
              disabled={busy}
              onClick={onConfirm}
            >
              {confirmLabel}
            </button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}
