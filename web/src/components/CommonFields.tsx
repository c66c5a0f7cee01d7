/* The inputs many forms ask for alike, each with its rules set once. */
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

/** An e-mail address input: required, half-width only, the browser's address autofill. */
export function EmailField(props: Omit<FieldProps, 'type' | 'required' | 'halfWidthOnly'>) {
  return <Field type="email" required halfWidthOnly autoComplete="email" {...props} />;
}
