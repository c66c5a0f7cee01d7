import type { NextFunction, Request, Response } from 'express';
import { UnsupportedMediaTypeError } from './platform.errors';

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
