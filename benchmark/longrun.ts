/**
 * `npm run bench:longrun`: the engine and the panel's series on a very long run. Replays a
 * synthetic trace of N iterations (default 1,000,000; per-layer details every 10) into the same
 * RunState the CLI and the editor use, and prints the peak heap and the engine's time per event.
 *   --iterations N   --layers L   --no-write
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { today, writeSection } from './report';
import { RunState } from '../src/analysis/run-state';
import type { IterationEvent, LayerDetail, ModelEvent, TraceEvent } from '../src/analysis/trace';

const ROOT = path.resolve(__dirname, '..');

export function syntheticModel(layers: number): ModelEvent {
  const site = (line: number) => ({ file: '/project/train.js', line, column: 5 });
  return {
    type: 'model',
    modelId: 0,
    name: 'sequential_1',
    className: 'Sequential',
    mode: 'fit',
    layers: Array.from({ length: layers }, (_, i) => ({
      index: i,
      name: `dense_Dense${i + 1}`,
      className: 'Dense',
      activation: i === layers - 1 ? 'sigmoid' : 'relu',
      units: i === layers - 1 ? 1 : 16,
      inputShape: null,
      outputShape: [null, i === layers - 1 ? 1 : 16],
      params: 272,
      trainable: true,
      inbound: i === 0 ? [] : [`dense_Dense${i}`],
      weights: [
        { name: `dense_Dense${i + 1}/kernel`, shape: [16, 16] },
        { name: `dense_Dense${i + 1}/bias`, shape: [16] },
      ],
      config: {},
      site: site(10 + i),
    })),
    site: site(9),
    compileSite: site(10 + layers),
    fitSite: site(12 + layers),
    loss: ['binaryCrossentropy'],
    metrics: ['accuracy'],
    optimizer: { className: 'Adam', learningRate: 0.001, settings: {}, site: site(10 + layers) },
    fitConfig: { epochs: 1000, batchSize: 32 },
    backend: 'wasm',
  };
}

export function syntheticIteration(i: number, layers: number, detailed: boolean): IterationEvent {
  const loss = 0.2 + 0.5 * Math.exp(-i / 2000) + 0.01 * Math.sin(i * 12.9898);
  const event: IterationEvent = {
    type: 'iter',
    modelId: 0,
    iter: i,
    epoch: Math.floor(i / 100),
    batch: i % 100,
    loss,
    lossNonFinite: false,
    metrics: { acc: Math.min(0.95, 0.5 + i / 4000) },
    learningRate: 0.001,
    gradNorm: detailed ? 0.5 + 0.1 * Math.cos(i) : null,
    gradNonFinite: false,
    elapsedMs: i * 2,
  };
  if (detailed) {
    event.layers = Array.from({ length: layers }, (_, l): LayerDetail => ({
      index: l,
      out: { count: 512, mean: 0.3, std: 0.4, min: 0, max: 2, nanCount: 0, infCount: 0, zeroFrac: 0.4, nonPosFrac: 0.4, saturatedFrac: null, deadUnitFrac: 0.05, constantUnitFrac: 0 },
      weights: [{ name: 'kernel', mean: 0, std: 0.1, norm: 1 + i * 1e-6, absMax: 0.5, nanCount: 0, infCount: 0 }],
      grads: [{ name: 'kernel', norm: 0.05, meanAbs: 0.01, nanCount: 0, infCount: 0 }],
    }));
  }
  return event;
}

export function replay(iterations: number, layers: number, every = 10, onSample?: (i: number) => void): { state: RunState; ms: number } {
  const state = new RunState('/project/train.js');
  const t0 = performance.now();
  const head: TraceEvent[] = [
    { type: 'hello', v: 1, pid: 1, nodeVersion: 'v20', argv: [], cwd: '/project', time: 0 },
    { type: 'tfjs', version: '4.22.0', backend: null, modulePath: '@tensorflow/tfjs-core' },
    syntheticModel(layers),
  ];
  for (const e of head) state.ingest(e);
  for (let i = 0; i < iterations; i++) {
    state.ingest(syntheticIteration(i, layers, i % every === 0));
    if (onSample && i % 10_000 === 0) onSample(i);
  }
  state.finish({ code: 0, signal: null, reason: 'replayed', durationMs: iterations * 2 });
  return { state, ms: performance.now() - t0 };
}

function main(): void {
  const { values } = parseArgs({ options: { iterations: { type: 'string', default: '1000000' }, layers: { type: 'string', default: '4' }, 'no-write': { type: 'boolean', default: false } } });
  const iterations = Number(values.iterations);
  const layers = Number(values.layers);
  const heapAt: Array<[number, number]> = [];
  let peak = 0;
  const gc = (globalThis as { gc?: () => void }).gc;
  const sample = (i: number) => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    // Retained memory, not garbage waiting for collection (node --expose-gc).
    if (i % 100_000 === 0) {
      gc?.();
      heapAt.push([i, process.memoryUsage().heapUsed]);
    }
  };
  const { state, ms } = replay(iterations, layers, 10, sample);
  sample(iterations);
  const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
  const snapshotBytes = JSON.stringify(state.engine.series.snapshot()).length;
  const lines = [
    `| iterations | layers | engine time per event | peak heap | retained heap at 100k → ${iterations / 1000}k | series snapshot | findings |`,
    '|---|---|---|---|---|---|---|',
    `| ${iterations} | ${layers} | ${((ms * 1000) / iterations).toFixed(1)} µs | ${mb(peak)} MB | ${heapAt.length > 1 ? `${mb(heapAt[1][1])} → ${mb(heapAt[heapAt.length - 1][1])} MB` : '–'} | ${(snapshotBytes / 1024).toFixed(0)} KB | ${state.engine.findings().length} |`,
  ];
  const table = lines.join('\n');
  process.stdout.write(table + '\n');
  if (!values['no-write']) {
    writeSection('longrun', `## Long runs\n\nCommand: \`npm run bench:longrun -- --iterations ${iterations} --layers ${layers}\` · date ${today()} · ${os.cpus().length} cores. A synthetic trace (per-layer details every 10 iterations) replayed into the engine and the panel's series; heap sampled every 10,000 iterations.\n\n${table}`);
  }
}

if (require.main === module) main();
