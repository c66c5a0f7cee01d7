import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Applies the project's migrations to the database at `url` in a child process (see migrate.ts for
 * why MikroORM stays out of jest's own process).
 */
export function runMigrationsInChildProcess(url: string): void {
  execFileSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(__dirname, 'migrate.ts'), url],
    {
      cwd: join(__dirname, '../..'),
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NODE_ENV: 'test' },
    },
  );
}
