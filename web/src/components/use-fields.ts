import { useState } from 'react';
import type { Problem } from '../api/problems';

/** One field of a form, bound to its state and to the API's problems. */
export interface BoundField {
  name: string;
  value: string;
  onValueChange(value: string): void;
  problems: Problem[];
}

/**
 * A form's text fields as one state: `field(key, problems)` gives what a Field needs, `reset`
 * starts again from `initial` (called anew, so that it may read the latest data).
 */
export function useFields<Form extends { [K in keyof Form]: string }>(initial: () => Form) {
  const [form, setForm] = useState<Form>(initial);
  const field = (key: keyof Form & string, problems: Problem[]): BoundField => ({
    name: key,
    value: form[key],
    onValueChange: (value: string) => setForm((f) => ({ ...f, [key]: value })),
    problems,
  });
  const reset = () => setForm(initial());
  return { form, field, reset };
}
