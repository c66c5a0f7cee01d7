import { useId } from 'react';
import type { ReactNode } from 'react';

/**
 * A button that shows or hides the form under it (aria-expanded). The form is only in the page
 * while open, so a page of many forms stays short and its Tab order holds only what is shown.
 */
export function Disclosure({
  label,
  open,
  onOpenChange,
  children,
}: {
  label: ReactNode;
  open: boolean;
  onOpenChange(open: boolean): void;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <div className="disclosure">
      <button
        type="button"
        className="button button--secondary"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => onOpenChange(!open)}
      >
        {label}
      </button>
      <div id={id} className="disclosure__panel" hidden={!open}>
        {open ? children : null}
      </div>
    </div>
  );
}
