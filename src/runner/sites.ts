/** Finds the user's source line in a V8 stack trace, skipping tfjs, the probe and Node internals. */
import { fileURLToPath } from 'node:url';
import type { SourceSite } from '../analysis/trace';

const TFJS_SOURCE = /(^|[\\/])tfjs(-core|-layers|-data|-converter|-backend-cpu|-backend-wasm|-backend-webgl|-node|-node-gpu)?[\\/]src[\\/]/;
const FRAME = /^\s*at (?:.*? \()?(.*?):(\d+):(\d+)\)?\s*$/;

function isUserFile(file: string, probeFile: string): boolean {
  if (!file || file === probeFile) return false;
  if (file.startsWith('node:') || file.startsWith('internal/')) return false;
  if (/[\\/]node_modules[\\/]@tensorflow[\\/]/.test(file)) return false;
  // With source maps on (tsx enables them), tfjs frames map back to its own sources.
  if (TFJS_SOURCE.test(file)) return false;
  // Loaders that wrap user code (tsx) must not be mistaken for the user.
  if (/[\\/]node_modules[\\/](tsx|esbuild|@esbuild)[\\/]/.test(file)) return false;
  return true;
}

function toPath(file: string): string {
  if (file.startsWith('file://')) {
    try {
      return fileURLToPath(file);
    } catch {
      return file;
    }
  }
  return file;
}

/**
 * The first `most` frames of `stack` in user code, innermost first, past the frames of the
 * constructors named `skipped` (a layer class the script defines is built where the script says
 * `new`, not at its own `super(config)`).
 */
export function userSitesFromStack(stack: string | undefined, probeFile: string, most: number, skipped: readonly string[] = []): SourceSite[] {
  const sites: SourceSite[] = [];
  for (const line of stack?.split('\n') ?? []) {
    const m = FRAME.exec(line);
    if (!m) continue;
    const file = toPath(m[1]);
    if (isUserFile(file, probeFile) && !skipped.some((name) => line.includes(`at new ${name} (`))) sites.push({ file, line: Number(m[2]), column: Number(m[3]) });
    if (sites.length >= most) break;
  }
  return sites;
}

/** The first frame of `stack` in user code, or null. */
export function userSiteFromStack(stack: string | undefined, probeFile: string): SourceSite | null {
  return userSitesFromStack(stack, probeFile, 1)[0] ?? null;
}

/**
 * The current stack, deep enough to reach the user's code through tfjs, without the frames of
 * `below` and above it. V8 formats it only when `stack` is first read.
 */
export function captureStack(below?: (...args: never[]) => unknown, depth = 40): { stack?: string } {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = depth;
  const holder: { stack?: string } = {};
  // Its own frame is never wanted.
  Error.captureStackTrace(holder, below ?? captureStack);
  Error.stackTraceLimit = limit;
  return holder;
}

/** Whether a tfjs function named `name` (or `name_`, as tfjs names its ops) is on the stack below the user's frame. */
export function tfjsFrameBelowUser(stack: string | undefined, probeFile: string, name: string): boolean {
  if (!stack) return false;
  const named = new RegExp(`^\\s*at (?:[\\w$]+\\.)?${name}_? `);
  for (const line of stack.split('\n')) {
    const m = FRAME.exec(line);
    if (m && isUserFile(toPath(m[1]), probeFile)) return false;
    if (named.test(line)) return true;
  }
  return false;
}

/**
 * Whether the user's code called tfjs's op `name` itself (`tf.log(x)`, `x.log()`), rather than a
 * tfjs function that uses it (a built-in loss): the frame after the op's own (`log__op`, then the
 * tensor method, if any) is the user's.
 */
export function calledByUser(stack: string | undefined, probeFile: string, name: string): boolean {
  if (!stack) return false;
  const lines = stack.split('\n');
  const opFrame = new RegExp(`^\\s*at (?:Object\\.)?${name}__op `);
  const method = new RegExp(`^\\s*at [\\w$]+\\.${name} `);
  let i = lines.findIndex((l) => opFrame.test(l));
  if (i < 0) return false;
  i++;
  if (i < lines.length && method.test(lines[i]!)) i++;
  const m = i < lines.length ? FRAME.exec(lines[i]!) : null;
  return !!m && isUserFile(toPath(m[1]), probeFile);
}

/** The caller's site, captured with a deep enough stack. */
export function captureUserSite(probeFile: string): SourceSite | null {
  return userSiteFromStack(captureStack().stack, probeFile);
}

/**
 * Where an uncaught error points: a SyntaxError's first stack line is "file:line";
 * other errors use their first user frame.
 */
export function errorSite(error: unknown, probeFile: string): SourceSite | null {
  if (!(error instanceof Error) || !error.stack) return null;
  if (error.name === 'SyntaxError') {
    const first = /^(.*?):(\d+)\s*$/.exec(error.stack.split('\n')[0] ?? '');
    if (first) return { file: toPath(first[1]), line: Number(first[2]), column: 1 };
  }
  return userSiteFromStack(error.stack, probeFile);
}
