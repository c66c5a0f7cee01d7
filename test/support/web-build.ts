import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
export const WEB_DIST = join(ROOT, 'web', 'dist');
const STAMP = join(WEB_DIST, '.build-hash');

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (path === WEB_DIST) return [];
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

/** What the build is made of: every file of web/ but the build, and the locked dependency versions. */
function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of [...filesUnder(join(ROOT, 'web')), join(ROOT, 'package-lock.json')]) {
    hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/**
 * Builds the browser app (`vite build`) unless web/dist already holds the build of the current
 * sources: the browser tests then serve exactly what `npm run build` would.
 */
export function ensureWebBuild(): void {
  const hash = sourceHash();
  if (existsSync(join(WEB_DIST, 'index.html')) && existsSync(STAMP)) {
    if (readFileSync(STAMP, 'utf8') === hash) return;
  }
  const vite = join(ROOT, 'node_modules', '.bin', 'vite');
  const result = spawnSync(
    vite,
    ['build', '--config', 'web/vite.config.mts', '--logLevel', 'warn'],
    {
      cwd: ROOT,
      stdio: 'inherit',
      // Jest sets NODE_ENV=test, which Vite would honour with React's development build.
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  if (result.status !== 0) throw new Error(`vite build failed (exit ${String(result.status)})`);
  writeFileSync(STAMP, hash);
}
