import { execFile } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const root = join(__dirname, '../..');
const fixtures = join(root, 'test/fixtures/boundaries');
const depcruise = join(root, 'node_modules/.bin/depcruise');
const config = join(root, '.dependency-cruiser.js');

async function cruise(cwd: string, paths: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      depcruise,
      ['--config', config, ...paths],
      { cwd },
    );
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

const folders = readdirSync(fixtures).filter((name) =>
  statSync(join(fixtures, name)).isDirectory(),
);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { forbidden } = require(config) as { forbidden: { name: string }[] };
const rules = [...new Set(forbidden.map((r) => r.name))];

/** A fixture is named after its rule, optionally with a suffix naming the case (`-cycle`). */
const ruleOf = (folder: string) =>
  rules
    .filter((rule) => folder === rule || folder.startsWith(`${rule}-`))
    .sort((a, b) => b.length - a.length)[0];

describe('architecture rules (dependency-cruiser, as run by npm run lint)', () => {
  it('has a known-bad fixture for every rule', () => {
    for (const rule of rules) expect(folders.map(ruleOf)).toContain(rule);
  });

  it.each(folders)('fails on the known-bad fixture %s', async (folder) => {
    const cwd = join(fixtures, folder);
    const paths = readdirSync(cwd).filter((name) => ['src', 'libs'].includes(name));
    const { code, output } = await cruise(cwd, paths);
    const rule = ruleOf(folder);
    expect(code).not.toBe(0);
    expect(output).toContain(`error ${rule}:`);
  });

  it('passes on the real tree', async () => {
    const { code, output } = await cruise(root, ['src', 'libs']);
    expect(output).toContain('no dependency violations found');
    expect(code).toBe(0);
  });
});
