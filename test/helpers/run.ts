/** Runs fixtures through the real probe and collects what a host would see. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { launch, type RunExit } from '../../src/runner/launch';
import type { TraceEvent, TraceEventOf } from '../../src/analysis/trace';

export const ROOT = path.resolve(__dirname, '..', '..');
export const PROBE = path.join(ROOT, 'dist', 'probe.js');
export const CLI = path.join(ROOT, 'bin', 'faultline');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');

export interface Collected {
  events: TraceEvent[];
  invalid: string[];
  stdout: string;
  stderr: string;
  exit: RunExit;
}

export async function traceRun(options: { script?: string; command?: string[]; cwd?: string; sampleEvery?: number; args?: string[]; env?: NodeJS.ProcessEnv }): Promise<Collected> {
  if (!fs.existsSync(PROBE)) throw new Error('dist/probe.js is missing: run "npm run build" first');
  const events: TraceEvent[] = [];
  const invalid: string[] = [];
  let stdout = '';
  let stderr = '';
  const handle = launch({
    ...options,
    probePath: PROBE,
    onEvent: (e) => events.push(e),
    onInvalid: (e) => invalid.push(e),
    onStdout: (c) => (stdout += c.toString()),
    onStderr: (c) => (stderr += c.toString()),
  });
  const exit = await handle.done;
  return { events, invalid, stdout, stderr, exit };
}

export function ofType<T extends TraceEvent['type']>(events: TraceEvent[], type: T): TraceEventOf<T>[] {
  return events.filter((e): e is TraceEventOf<T> => e.type === type);
}

/** 1-based line numbers of the lines in `file` that contain `needle`. */
export function linesOf(file: string, needle: string): number[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, i) => (line.includes(needle) ? [i + 1] : []));
}

/** Runs a fixture with plain node (no probe) and returns its stdout. */
export function runPlain(script: string, args: string[] = []): string {
  const result = spawnSync(process.execPath, [script, ...args], { cwd: path.dirname(script), encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  if (result.status !== 0) throw new Error(`plain run of ${script} failed: ${result.stderr}`);
  return result.stdout;
}

export function lastJsonLine(stdout: string): any {
  const line = stdout.trim().split('\n').filter((l) => l.startsWith('{')).pop();
  if (!line) throw new Error(`no JSON line in output: ${stdout}`);
  return JSON.parse(line);
}

export function runCli(args: string[], options: { cwd?: string; timeoutMs?: number } = {}): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? ROOT, encoding: 'utf8', timeout: options.timeoutMs ?? 120_000, env: { ...process.env, CI: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
