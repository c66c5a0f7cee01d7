import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';

/**
 * The outcome of a step whose form just went away: announced (role="status") and given the focus,
 * so that the keyboard user is not left on a button that no longer exists.
 */
export function Notice({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} className="alert alert--success notice" role="status" tabIndex={-1}>
      {children}
    </div>
  );
}
