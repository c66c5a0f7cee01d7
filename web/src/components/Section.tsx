import { useId } from 'react';
import type { ReactNode } from 'react';

/** A card of a page with its own heading (h2), named by it for assistive technology. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id} className="card__heading">
        {title}
      </h2>
      {children}
    </section>
  );
}
