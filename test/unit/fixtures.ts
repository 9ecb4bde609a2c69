/** Sample sources and model layouts shared by the engine tests. */
import { applyEdits } from '../../src/analysis/fixes';
import type { Finding, Fix } from '../../src/analysis/findings';
import { act, dense, type DetailSpec, FILE, type ModelSpec } from './trace-builder';

/** A classifier written with separate activation layers (lines are 1-based). */
export const CLASSIFIER_SRC = [
  "const tf = require('@tensorflow/tfjs');", // 1
  '', // 2
  'async function main() {', // 3
  '  const x = tf.tensor2d(xData, [n, 4]);', // 4
  '  const y = tf.tensor2d(yData, [n, 3]);', // 5
  '  const model = tf.sequential();', // 6
  "  model.add(tf.layers.dense({ units: 16, inputShape: [4], activation: 'relu' }));", // 7
  '  model.add(tf.layers.dense({ units: 3 }));', // 8
  "  model.add(tf.layers.activation({ activation: 'softmax' }));", // 9
  '  const optimizer = tf.train.adam(0.001);', // 10
  "  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });", // 11
  '  await model.fit(x, y, { epochs: 10, batchSize: 32 });', // 12
  '}', // 13
].join('\n');

export function classifierModel(overrides: Partial<ModelSpec> = {}, outAct = 'softmax', units = 3): ModelSpec {
  return {
    layers: [dense(16, 'relu', 7), dense(units, 'linear', 8), act(outAct, 9)],
    loss: 'categoricalCrossentropy',
    optimizer: { className: 'Adam', learningRate: 0.001, line: 10 },
    compileLine: 11,
    fitLine: 12,
    epochs: 10,
    batchSize: 32,
    ...overrides,
  };
}

/** Replaces one line of a source (1-based). */
export function withLine(src: string, line: number, text: string): string {
  const lines = src.split('\n');
  lines[line - 1] = text;
  return lines.join('\n');
}

export function sources(text: string): Record<string, string> {
  return { [FILE]: text };
}

export function applyFix(src: string, fix: Fix | null | undefined): string {
  if (!fix) throw new Error('no fix');
  return applyEdits(src, fix.edits, FILE);
}

export function lineOf(src: string, line: number): string {
  return src.split('\n')[line - 1]!;
}

/** Healthy per-layer details for the 3-layer classifier at step i. */
export function healthyDetails(i: number): DetailSpec[] {
  const w = 1 + i * 1e-3;
  return [
    { out: { mean: 0.4, std: 0.6, dead: 0.35 }, weights: [{ norm: w, mean: 0.01 * w }, { norm: 0.1 * w }], grads: [{ norm: 0.05, meanAbs: 2e-3 }, { norm: 0.01, meanAbs: 1e-3 }] },
    { out: { mean: 0, std: 1.2 }, weights: [{ norm: 2 * w, mean: -0.01 * w }, { norm: 0.2 * w }], grads: [{ norm: 0.08, meanAbs: 4e-3 }, { norm: 0.02, meanAbs: 2e-3 }] },
    { out: { mean: 0.333, std: 0.3, min: 0.01, max: 0.98, saturated: 0.1 } },
  ];
}

export function byId(findings: Finding[], id: string): Finding | undefined {
  return findings.find((f) => f.id === id);
}
