import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ValidationFailedError } from './platform.errors';

/** `{ fields: { "profile.name": ["isNotEmpty"], "extra": ["whitelistValidation"] } }` */
export function describeValidationErrors(
  errors: ValidationError[],
  parent = '',
): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const error of errors) {
    const path = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) fields[path] = Object.keys(error.constraints);
    Object.assign(fields, describeValidationErrors(error.children ?? [], path));
  }
  return fields;
}

/** Unknown fields are refused, not silently dropped: the portal learns about typos at once. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new ValidationFailedError({ fields: describeValidationErrors(errors) }),
  });
}
