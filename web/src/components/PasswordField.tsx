import { Field } from './Field';
import type { FieldProps } from './Field';

/** A password input as every form of the pages asks for it: required, half-width only, masked. */
export function PasswordField(
  props: Omit<FieldProps, 'type' | 'required' | 'halfWidthOnly'> & { autoComplete?: string },
) {
  return (
    <Field type="password" required halfWidthOnly autoComplete="current-password" {...props} />
  );
}
