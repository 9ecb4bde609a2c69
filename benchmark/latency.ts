/**
 * `npm run bench:latency`: time to verdict. Each program's fault starts at a known iteration
 * (ONSET): a NaN target in the batch of that iteration, or a learning rate raised to 1e6 there.
 * For each, the CLI's engine is fed live exactly as `faultline run` does, and the bench prints the
 * iteration and wall time from onset to the first confirmed finding.
 *   --no-write   do not update BENCHMARKS.md
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { today, writeSection } from './report';
import { launch } from '../src/runner/launch';
import { RunState } from '../src/analysis/run-state';
import type { Finding } from '../src/analysis/findings';

const ROOT = path.resolve(__dirname, '..');
const PROBE = path.join(ROOT, 'dist', 'probe.js');

export const LATENCY_PROGRAMS = [
  { name: 'nan-target', onset: 40, fault: 'NaN in the targets of iteration 40 (fit, wasm)' },
  { name: 'lr-jump-fit', onset: 60, fault: 'learning rate raised to 1e6 after iteration 59 (fit, wasm)' },
  { name: 'lr-jump-loop', onset: 80, fault: 'learning rate raised to 1e6 before step 80 (custom loop, wasm)' },
];

export interface LatencyResult {
  name: string;
  fault: string;
  onset: number;
  /** First iteration whose loss or gradients were not finite, if any. */
  firstNonFinite: number | null;
  finding: Finding | null;
  /** Iterations from the designed onset to the finding's iteration. */
  iterations: number | null;
  /** Host clock: from receiving the onset iteration's event to making the finding. */
  hostMs: number | null;
  /** Probe clock: from the onset iteration to the iteration of the finding. */
  probeMs: number | null;
}

export async function measureLatency(program: { name: string; onset: number; fault: string }): Promise<LatencyResult> {
  const script = path.join(ROOT, 'benchmark', 'latency', `${program.name}.js`);
  const state = new RunState(script, { readSource: (file) => fs.readFileSync(file, 'utf8') });
  let firstNonFinite: number | null = null;
  let finding: Finding | null = null;
  let onsetReceivedAt: number | null = null;
  let onsetElapsed: number | null = null;
  let findingAt: number | null = null;
  let findingElapsed: number | null = null;
  const handle = launch({
    script,
    probePath: PROBE,
    env: { ONSET: String(program.onset) },
    onEvent(event) {
      if (event.type === 'iter') {
        if (event.iter === program.onset) {
          onsetReceivedAt = performance.now();
          onsetElapsed = event.elapsedMs;
        }
        if (firstNonFinite === null && (event.lossNonFinite || event.gradNonFinite)) firstNonFinite = event.iter;
        if (finding === null) findingElapsed = event.elapsedMs;
      }
      const changed = state.ingest(event);
      const confirmed = changed.find((f) => f.confirmed);
      if (confirmed && finding === null) {
        finding = confirmed;
        findingAt = performance.now();
        handle.stop();
      }
    },
  });
  await handle.done;
  const f = finding as Finding | null;
  return {
    name: program.name,
    fault: program.fault,
    onset: program.onset,
    firstNonFinite,
    finding: f,
    iterations: f && f.iteration !== null ? f.iteration - program.onset : null,
    hostMs: findingAt !== null && onsetReceivedAt !== null ? findingAt - onsetReceivedAt : null,
    probeMs: f && onsetElapsed !== null && findingElapsed !== null ? findingElapsed - onsetElapsed : null,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'no-write': { type: 'boolean', default: false } } });
  if (!fs.existsSync(PROBE)) throw new Error('dist/probe.js is missing: run "npm run build"');
  const rows = [
    '| program | fault | onset iteration | first non-finite iteration | finding | finding iteration | iterations after onset | host ms after onset event |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const program of LATENCY_PROGRAMS) {
    const r = await measureLatency(program);
    const what = r.finding ? `${r.finding.symptom} → ${r.finding.rootCause} (line ${r.finding.location?.line ?? '?'})` : 'none';
    rows.push(
      `| ${r.name} | ${r.fault} | ${r.onset} | ${r.firstNonFinite ?? '–'} | ${what} | ${r.finding?.iteration ?? '–'} | ${r.iterations ?? '–'} | ${r.hostMs === null ? '–' : r.hostMs.toFixed(1)} |`,
    );
  }
  const table = rows.join('\n');
  process.stdout.write(table + '\n');
  if (!values['no-write']) {
    writeSection('latency', `## Time to verdict\n\nCommand: \`npm run bench:latency\` · date ${today()} · ${os.cpus().length} cores. The engine is fed live as in \`faultline run\`; "iterations after onset" counts from the iteration where the fault was injected.\n\n${table}`);
  }
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`bench:latency: ${(error as Error).message}\n`);
    process.exitCode = 2;
  });
}
