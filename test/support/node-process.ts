import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { waitFor } from './wait-for';

const root = join(__dirname, '../..');

export interface NodeProcess {
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far (its tail, with `keepOutput`). */
  output: () => string;
}

/**
 * Starts a script of the project as its own node process from the project root: compiled `.js` as
 * is, TypeScript through ts-node (transpile only) with the tsconfig path aliases. Its environment is
 * this process's plus `env`.
 */
export function startNode(
  script: string,
  {
    env = {},
    args = [],
    keepOutput = Number.POSITIVE_INFINITY,
  }: { env?: Record<string, string>; args?: string[]; keepOutput?: number } = {},
): NodeProcess {
  let output = '';
  const child = spawn(
    process.execPath,
    script.endsWith('.js')
      ? [script, ...args]
      : ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', script, ...args],
    { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const append = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-keepOutput));
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  return { child, output: () => output };
}

export function exited(
  child: ChildProcess,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null)
      resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

/**
 * Polls `url` until it answers 200 and returns that response; on timeout the error ends with the
 * tail of `output` (the process's), which usually says why it never came up.
 */
export async function waitForHttpOk(
  url: string,
  {
    what = url,
    timeoutMs = 20_000,
    intervalMs = 250,
    output,
  }: { what?: string; timeoutMs?: number; intervalMs?: number; output?: () => string } = {},
): Promise<Response> {
  try {
    return await waitFor(
      async () => {
        const res = await fetch(url);
        return res.status === 200 && res;
      },
      { what, timeoutMs, intervalMs },
    );
  } catch (error) {
    if (!output || !(error instanceof Error)) throw error;
    throw new Error(`${error.message}\n${output().slice(-3000)}`);
  }
}
