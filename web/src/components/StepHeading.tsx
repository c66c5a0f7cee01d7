import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';

/** Whether the app has shown its first heading: the page's own load keeps the browser's focus. */
let loaded = false;

/**
 * The heading of a page or of a step within one. When it appears after a route change or a new
 * step, it takes the focus, so that a screen reader announces it and the next Tab lands on the
 * step's first control. On the page's first load focus stays at the top (skip link first).
 */
export function StepHeading({ children, level = 1 }: { children: ReactNode; level?: 1 | 2 }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (loaded) ref.current?.focus();
    loaded = true;
  }, []);
  const Tag = level === 1 ? 'h1' : 'h2';
  return (
    <Tag ref={ref} tabIndex={-1} className="step-heading">
      {children}
    </Tag>
  );
}
