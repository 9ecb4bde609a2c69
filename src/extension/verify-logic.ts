/**
 * "Verify fix": the fixed text is written to a temp copy outside the workspace, and the
 * original script runs with a small preload that serves the copy's text whenever the original
 * file is loaded. The script therefore keeps its own path: relative imports, node_modules
 * lookup, __dirname and data files next to it behave exactly as in a normal run, for CommonJS,
 * ES modules and tsx. No vscode import here.
 */
import type { Finding, Report } from '../analysis/findings';

/** Environment variable holding the JSON map { original absolute path: temp copy path }. */
export const VERIFY_MAP_ENV = 'FAULTLINE_VERIFY_MAP';

/**
 * The preload (CommonJS, run with --require). CommonJS loaders (Node's and tsx's) read sources
 * with fs.readFileSync, which is wrapped for the mapped paths only; ES modules get a load hook.
 */
export const SHIM_SOURCE = String.raw`'use strict';
const fs = require('fs');
const path = require('path');
const Module = require('module');
const { fileURLToPath, pathToFileURL } = require('url');
let map = {};
try { map = JSON.parse(process.env.${VERIFY_MAP_ENV} || '{}'); } catch { map = {}; }
const has = (k) => typeof k === 'string' && Object.prototype.hasOwnProperty.call(map, k);
const keyOf = (p) => {
  try {
    if (p instanceof URL) return p.protocol === 'file:' ? fileURLToPath(p) : null;
    if (typeof p !== 'string') return null;
    return path.resolve(p.startsWith('file:') ? fileURLToPath(p) : p);
  } catch { return null; }
};
const readFileSync = fs.readFileSync;
fs.readFileSync = function (p, ...rest) {
  const k = keyOf(p);
  return readFileSync.call(this, has(k) ? map[k] : p, ...rest);
};
const swap = (url, result) => {
  const k = url.startsWith('file:') ? keyOf(url) : null;
  if (!has(k) || result.format === 'commonjs' || result.format === 'builtin' || result.source == null) return result;
  return { ...result, source: readFileSync(map[k]) };
};
if (typeof Module.registerHooks === 'function') {
  Module.registerHooks({ load(url, context, next) { return swap(url, next(url, context)); } });
} else if (typeof Module.register === 'function') {
  const hooks = 'const fs = await import("node:fs"); const { fileURLToPath } = await import("node:url");'
    + 'let map = {}; export async function initialize(d) { map = d || {}; }'
    + 'export async function load(url, context, next) { const r = await next(url, context);'
    + ' if (!url.startsWith("file:") || r.format === "commonjs" || r.format === "builtin" || r.source == null) return r;'
    + ' const k = fileURLToPath(url); return Object.prototype.hasOwnProperty.call(map, k) ? { ...r, source: fs.readFileSync(map[k]) } : r; }';
  Module.register('data:text/javascript,' + encodeURIComponent(hooks), { parentURL: pathToFileURL(__filename).href, data: map });
}
`;

export function quoteForNodeOptions(p: string): string {
  return `"${p.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** NODE_OPTIONS for the verification run: the user's own plus the shim. */
export function verifyNodeOptions(userNodeOptions: string | undefined, shimPath: string): string {
  return `${userNodeOptions ?? ''} --require ${quoteForNodeOptions(shimPath)}`.trim();
}

export interface VerifyOutcome {
  fixed: boolean;
  /** One sentence for the notification. */
  text: string;
}

function sameProblem(a: Finding, b: Finding): boolean {
  if (a.symptom !== b.symptom && !(b.observed ?? []).includes(a.symptom) && !(a.observed ?? []).includes(b.symptom)) return false;
  if (a.layer && b.layer) return a.layer.name === b.layer.name;
  return true;
}

/**
 * Whether the fixed script still shows the finding's problem. A run that failed, or that did not
 * train long enough to show it the first time, cannot verify anything.
 */
export function judgeVerification(original: Finding, report: Report, seconds: number): VerifyOutcome {
  const run = report.run;
  if (run.error) return { fixed: false, text: `Could not verify: ${run.error.message}` };
  if (run.iterations === 0) return { fixed: false, text: 'Could not verify: the fixed script did not train.' };
  const still = report.findings.find((f) => sameProblem(original, f) && (f.confirmed || !original.confirmed));
  if (still) {
    const when = still.iteration !== null ? ` at iteration ${still.iteration + 1}` : '';
    return { fixed: false, text: `Not verified: the problem is still there${when}: ${still.message}` };
  }
  const needed = original.iteration;
  if (needed !== null && run.iterations <= needed) {
    return {
      fixed: false,
      text: `Could not verify: in ${seconds} s the fixed script ran ${run.iterations} iterations, and the problem first showed at iteration ${needed + 1}. Raise faultline.verifySeconds.`,
    };
  }
  const other = report.findings.filter((f) => f.confirmed && !sameProblem(original, f));
  const after = `${run.iterations} iteration${run.iterations === 1 ? '' : 's'}`;
  const rest = other.length > 0 ? ` Another problem showed instead: ${other[0]!.message}` : '';
  return { fixed: true, text: `Verified: with the fix, the problem did not appear in ${after}.${rest}` };
}
