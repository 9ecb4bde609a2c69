/**
 * `npm run bench:overhead`: the probe's cost. Trains the same seeded programs with and without
 * the probe, alternating plain and probed runs so that machine noise hits both alike, and prints
 * the median probed/plain ratio of training time (min and max) per program and sampling setting.
 *   --pairs N       plain/probed pairs per program and setting (default 5)
 *   --program NAME  only this program (repeatable): mlp-wasm, conv-cpu, custom-loop, custom-loop-predict, deep-200, fit-dataset
 *   --no-write      do not update BENCHMARKS.md
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { today, writeSection } from './report';
import { launch } from '../src/runner/launch';
import { RunState } from '../src/analysis/run-state';

const ROOT = path.resolve(__dirname, '..');
const PROBE = path.join(ROOT, 'dist', 'probe.js');
const PROGRAMS = ['mlp-wasm', 'conv-cpu', 'custom-loop', 'custom-loop-predict', 'deep-200', 'fit-dataset', 'many-epochs'];
const SETTINGS: Array<{ name: string; sampleEvery: number | undefined }> = [
  { name: 'default (every 25 steps)', sampleEvery: undefined },
  { name: 'denser (every 5 steps)', sampleEvery: 5 },
];

interface Timing {
  trainMs: number;
  wallMs: number;
}

function parseTiming(stdout: string, wallMs: number, what: string): Timing {
  const line = stdout.trim().split('\n').filter((l) => l.startsWith('{')).pop();
  if (!line) throw new Error(`${what} printed no result: ${stdout.slice(-500)}`);
  return { trainMs: JSON.parse(line).trainMs as number, wallMs };
}

function runPlain(script: string): Timing {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [script], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  if (r.status !== 0) throw new Error(`plain ${script} failed: ${r.stderr}`);
  return parseTiming(r.stdout, Date.now() - t0, script);
}

async function runProbed(script: string, sampleEvery: number | undefined): Promise<Timing & { iterations: number; detailed: number }> {
  const state = new RunState(script);
  let stdout = '';
  let detailed = 0;
  const t0 = Date.now();
  const handle = launch({
    script,
    probePath: PROBE,
    sampleEvery,
    onEvent: (event) => {
      if (event.type === 'iter' && event.layers) detailed++;
      state.ingest(event);
    },
    onStdout: (c) => (stdout += c.toString()),
  });
  const exit = await handle.done;
  if (exit.code !== 0) throw new Error(`probed ${script} exited with ${exit.code}`);
  return { ...parseTiming(stdout, Date.now() - t0, script), iterations: state.iterations, detailed };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { pairs: { type: 'string', default: '5' }, program: { type: 'string', multiple: true }, 'no-write': { type: 'boolean', default: false } },
  });
  if (!fs.existsSync(PROBE)) throw new Error('dist/probe.js is missing: run "npm run build"');
  const pairs = Math.max(1, Number(values.pairs));
  const programs = values.program?.length ? values.program : PROGRAMS;
  const rows: string[] = [];
  rows.push('| program | sampling | median probed/plain (training time) | min | max | median probed/plain (process wall time) | steps | detailed steps |');
  rows.push('|---|---|---|---|---|---|---|---|');
  const started = Date.now();
  for (const program of programs) {
    const script = path.join(ROOT, 'benchmark', 'overhead', `${program}.js`);
    for (const setting of SETTINGS) {
      const ratios: number[] = [];
      const wallRatios: number[] = [];
      let iterations = 0;
      let detailed = 0;
      for (let i = 0; i < pairs; i++) {
        const plain = runPlain(script);
        const probed = await runProbed(script, setting.sampleEvery);
        ratios.push(probed.trainMs / plain.trainMs);
        wallRatios.push(probed.wallMs / plain.wallMs);
        iterations = probed.iterations;
        detailed = probed.detailed;
        process.stderr.write(`${program} · ${setting.name} · pair ${i + 1}: plain ${Math.round(plain.trainMs)} ms, probed ${Math.round(probed.trainMs)} ms (${(probed.trainMs / plain.trainMs).toFixed(3)})\n`);
      }
      rows.push(
        `| ${program} | ${setting.name} | ${median(ratios).toFixed(3)} | ${Math.min(...ratios).toFixed(3)} | ${Math.max(...ratios).toFixed(3)} | ${median(wallRatios).toFixed(3)} | ${iterations} | ${detailed} |`,
      );
    }
  }
  const table = rows.join('\n');
  process.stdout.write(table + '\n');
  if (!values['no-write'] && !values.program) {
    writeSection('overhead', `## Probe overhead\n\nCommand: \`npm run bench:overhead\` · date ${today()} · ${os.cpus().length} cores · ${pairs} alternating plain/probed pairs per row · ${Math.round((Date.now() - started) / 1000)} s in all.\n\nTraining time is measured by each program around its training call; process wall time includes Node start-up and loading tfjs. Each probed run is a full traced run: the probe in the training process and, in this process, the host receiving the events and running the diagnosis engine (on a 2-core machine the two compete for the cores).\n\nOn every step the probe reads the loss once and queues one compact event (sent in batches); on detailed steps (the first three, every 25th, and any step whose loss is not finite) it reads each layer's output, weights and gradients back in one go and summarises them in one pass in JavaScript. The programs: \`mlp-wasm\` (4 dense layers, 4,608 steps of fit on wasm), \`conv-cpu\` (a small CNN, 128 steps on the cpu backend), \`custom-loop\` (optimizer.minimize, 4,000 steps on wasm), \`custom-loop-predict\` (the same loop over model.predict on 64-row batches, which predict splits in two and whose layer outputs the probe copies to read them, 2,500 steps on wasm), \`deep-200\` (200 dense layers, 64 steps on wasm), \`fit-dataset\` (the MLP through fitDataset on a shuffled tf.data pipeline, 1,280 steps on wasm).\n\n${table}`);
  }
}

main().catch((error) => {
  process.stderr.write(`bench:overhead: ${(error as Error).message}\n`);
  process.exitCode = 2;
});
