import { existsSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/** Paths the browser app never answers: the API, its documentation and the health check. */
const SERVICE_PATHS = /^\/(api|docs|docs-json|health|metrics)(\/|$)/;

/**
 * Two Content-Security-Policies. The pages of the browser app (and every API answer) get a strict
 * one: only this service's own scripts, styles and fonts, images from here or `data:` (the QR code),
 * no inline script at all. Only the Swagger UI at /docs keeps its inline bootstrap script.
 */
export function contentSecurityPolicies(secure: boolean) {
  const strict = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'base-uri': ["'self'"],
        'connect-src': ["'self'"],
        'font-src': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'object-src': ["'none'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'"],
        ...(secure ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
  });
  const docs = helmet({
    // The Swagger UI at /docs needs its inline bootstrap script.
    contentSecurityPolicy: { directives: { 'script-src': ["'self'", "'unsafe-inline'"] } },
  });
  return (req: Request, res: Response, next: NextFunction): void =>
    /^\/docs(\/|$)/.test(req.path) ? docs(req, res, next) : strict(req, res, next);
}

/**
 * Serves the built browser app (ADR 0060): its files from `dir`, and `index.html` for every other
 * GET that a browser navigates to, so that client routes such as /recovery/password load the app.
 * Without a build (e.g. `nest build` alone) the service runs as before and `/` is a 404.
 */
export function serveWebApp(app: NestExpressApplication, dir: string): boolean {
  const root = resolve(dir);
  const index = join(root, 'index.html');
  if (!existsSync(index)) return false;
  const files = express.static(root, {
    index: false,
    redirect: false,
    setHeaders: (res: Response, path: string) => {
      // Vite puts a content hash in every file name under assets/: those never change.
      const hashed = path.startsWith(join(root, 'assets'));
      res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  // The app's files never live under the service's paths: an API request skips the file lookup
  // (a `stat` system call per request, the largest native cost of `GET /me` in a CPU profile).
  app.use((req: Request, res: Response, next: NextFunction): void => {
    if (SERVICE_PATHS.test(req.path)) next();
    else void files(req, res, next);
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (SERVICE_PATHS.test(req.path) || extname(req.path) !== '') return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
