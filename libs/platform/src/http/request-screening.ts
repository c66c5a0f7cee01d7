import type { NextFunction, Request, Response } from 'express';
import {
  NestingTooDeepError,
  UnsupportedMediaTypeError,
  ValidationFailedError,
} from './platform.errors';

/**
 * Deepest nesting of arrays and objects a request may carry. The deepest real body (a registration
 * with its profile) has two levels; 32 leaves room for any shape the API may grow, yet stays far
 * below the depth at which the recursive walkers behind validation (class-transformer, the
 * validation pipe) exhaust the stack.
 */
export const MAX_NESTING_DEPTH = 32;

/** The name of the constraint in `VALIDATION_FAILED` details for text PostgreSQL cannot store. */
const ILL_FORMED_TEXT = 'wellFormedText';
/**
 * Keys no DTO has and that object machinery treats specially: class-transformer read a string
 * `constructor` inside a field as the value's class and failed (500), and a top-level one slipped
 * past the unknown-field check.
 */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const RESERVED_KEY = 'reservedKey';
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/**
 * The API speaks JSON. A body of any other type is refused rather than parsed, because a browser
 * sends urlencoded, multipart and text/plain bodies cross-site without a CORS preflight.
 */
export function acceptJsonBodiesOnly(
  request: Request,
  _response: Response,
  next: NextFunction,
): void {
  if (!carriesBody(request) || request.is('application/json')) next();
  else next(new UnsupportedMediaTypeError());
}

function carriesBody(request: Request): boolean {
  if (request.headers['transfer-encoding'] !== undefined) return true;
  return Number(request.headers['content-length'] ?? 0) > 0;
}

/**
 * Refuses, before any guard or pipe reads the input, what would otherwise fail deep inside: bodies
 * nested deeper than MAX_NESTING_DEPTH, strings with a NUL or an unpaired UTF-16 surrogate
 * (PostgreSQL's text cannot hold either) in the path, the query or the body, keys included, and
 * the keys `__proto__`, `constructor` and `prototype` in the query or the body.
 */
export function screenRequestInput(
  request: Request,
  _response: Response,
  next: NextFunction,
): void {
  const problem =
    (pathHoldsIllFormedText(request.path) ? illFormed('path') : null) ??
    findProblem(request.query) ??
    findProblem(request.body);
  next(problem ?? undefined);
}

function pathHoldsIllFormedText(path: string): boolean {
  return path.split('/').some((segment) => {
    try {
      return !isWellFormed(decodeURIComponent(segment));
    } catch {
      return false; // not valid percent-encoding: the router answers that itself
    }
  });
}

/** Walks the parsed value with an explicit stack, so that no input can exhaust the call stack. */
function findProblem(root: unknown): Error | null {
  const pending: Array<{ value: unknown; field: string; depth: number }> = [
    { value: root, field: '', depth: 0 },
  ];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, field, depth } = next;
    if (typeof value === 'string') {
      if (!isWellFormed(value)) return illFormed(field);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_NESTING_DEPTH) return new NestingTooDeepError({ maxDepth: MAX_NESTING_DEPTH });
    for (const [key, child] of Object.entries(value)) {
      const childField = field ? `${field}.${key}` : key;
      if (!isWellFormed(key)) return illFormed(childField);
      if (RESERVED_KEYS.has(key))
        return new ValidationFailedError({ fields: { [childField]: [RESERVED_KEY] } });
      pending.push({ value: child, field: childField, depth: depth + 1 });
    }
  }
  return null;
}

function isWellFormed(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

function illFormed(field: string): Error {
  const printable = field.replaceAll('\u0000', '\ufffd').replace(LONE_SURROGATES, '\ufffd');
  return new ValidationFailedError({ fields: { [printable]: [ILL_FORMED_TEXT] } });
}
