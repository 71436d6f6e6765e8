// Runs the `storyline` CLI from the TypeScript sources in a child process, as a user would.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
const ENTRY = `import(${JSON.stringify(resolve(ROOT, 'src/cli/main.ts'))}).then(async (m) => { process.exitCode = await m.main(process.argv.slice(1)); })`;

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts the CLI and hands back the child, for verbs that run until stopped (start, serve). */
export function spawnCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  return spawn(process.execPath, ['--import', 'tsx', '-e', ENTRY, ...args], {
    cwd: options.cwd ?? ROOT,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function runCli(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; killWhen?: () => boolean } = {},
): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', ENTRY, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    // Polled, so a test can kill the child at a moment it observes (e.g. half the pages stored).
    const poll = options.killWhen
      ? setInterval(() => {
          if (options.killWhen!()) child.kill('SIGKILL');
        }, 20)
      : null;
    child.on('exit', () => poll && clearInterval(poll));
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr }));
  });
}
