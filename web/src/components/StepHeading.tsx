import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';

/**
 * Whether the visitor has done anything yet. Until then a heading never takes the focus, so that
 * the page's own load leaves it at the top (the skip link first), however often React mounts.
 */
let interacted = false;
for (const type of ['keydown', 'pointerdown'])
  window.addEventListener(type, () => (interacted = true), { capture: true, once: true });

/**
 * The heading of a page or of a step within one. When it appears after a route change or a new
 * step, it takes the focus, so that a screen reader announces it and the next Tab lands on the
 * step's first control. On the page's first load focus stays at the top (skip link first).
 */
export function StepHeading({ children, level = 1 }: { children: ReactNode; level?: 1 | 2 }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (interacted) ref.current?.focus();
  }, []);
  const Tag = level === 1 ? 'h1' : 'h2';
  return (
    <Tag ref={ref} tabIndex={-1} className="step-heading">
      {children}
    </Tag>
  );
}
