import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE = 'common-passwords.txt';

/**
 * The shipped list of commonly used passwords, lower-cased, read from beside this file (the build
 * copies it into `dist/` as an asset, see nest-cli.json).
 */
export function loadCommonPasswords(): ReadonlySet<string> {
  return new Set(
    readFileSync(join(__dirname, FILE), 'utf8')
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter(Boolean),
  );
}
