/**
 * A synthetic trace for tests and screenshots of the trend panel: a 4-layer classifier whose
 * second hidden layer dies (ReLU units stop firing) from step `dieAt` on, after which the model
 * falls back to chance. Not part of the bundle.
 */
import type { LayerDetail, ModelEvent, TraceEvent } from '../../src/analysis/trace';

export interface SampleOptions {
  steps?: number;
  sampleEvery?: number;
  dieAt?: number;
  /** Loss becomes NaN from this step on (null: never). */
  nanAt?: number | null;
  file?: string;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function sampleModel(file = '/work/project/train.js'): ModelEvent {
  const layer = (index: number, name: string, className: string, activation: string | null, units: number | null, line: number, inbound: string[], weights: string[]) => ({
    index,
    name,
    className,
    activation,
    units,
    inputShape: null,
    outputShape: units === null ? null : [null, units],
    params: weights.length ? 100 : 0,
    trainable: true,
    inbound,
    weights: weights.map((w) => ({ name: `${name}/${w}`, shape: null })),
    config: {},
    site: { file, line, column: 11 },
  });
  return {
    type: 'model',
    modelId: 1,
    name: 'sequential_1',
    className: 'Sequential',
    mode: 'fit',
    layers: [
      layer(0, 'dense_Dense1', 'Dense', 'relu', 64, 12, [], ['kernel', 'bias']),
      layer(1, 'dense_Dense2', 'Dense', 'relu', 32, 13, ['dense_Dense1'], ['kernel', 'bias']),
      layer(2, 'dropout_Dropout1', 'Dropout', null, 32, 14, ['dense_Dense2'], []),
      layer(3, 'dense_Dense3', 'Dense', 'softmax', 10, 15, ['dropout_Dropout1'], ['kernel', 'bias']),
    ],
    site: { file, line: 10, column: 15 },
    compileSite: { file, line: 17, column: 7 },
    fitSite: { file, line: 18, column: 9 },
    loss: ['categoricalCrossentropy'],
    metrics: ['acc'],
    optimizer: { className: 'SGD', learningRate: 0.5, settings: {}, site: null },
    fitConfig: { epochs: 10, batchSize: 32 },
    backend: 'cpu',
  };
}

/** The events of the run, in order. */
export function sampleEvents(o: SampleOptions = {}): TraceEvent[] {
  const steps = o.steps ?? 300;
  const every = o.sampleEvery ?? 5;
  const dieAt = o.dieAt ?? 120;
  const nanAt = o.nanAt ?? null;
  const r = rng(7);
  const file = o.file ?? '/work/project/train.js';
  const summary = (shape: number[], mean: number, std: number, oneHot: boolean) => ({
    shape,
    dtype: 'float32',
    count: shape[0]! * shape[1]!,
    min: oneHot ? 0 : mean - 3 * std,
    max: oneHot ? 1 : mean + 3 * std,
    mean,
    std,
    nanCount: 0,
    infCount: 0,
    distinct: oneHot ? [0, 1] : null,
    oneHotRows: oneHot,
    columnMeans: oneHot ? new Array<number>(shape[1]!).fill(1 / shape[1]!) : null,
  });
  const events: TraceEvent[] = [
    { type: 'hello', v: 1, pid: 4242, nodeVersion: 'v20.20.2', argv: ['node', file], cwd: '/work/project', time: 0 },
    { type: 'tfjs', version: '4.22.0', backend: 'cpu', modulePath: '/work/project/node_modules/@tensorflow/tfjs/dist/index.js' },
    sampleModel(file),
    { type: 'data', modelId: 1, role: 'x', slot: 0, summary: summary([3200, 20], 0, 1, false), site: null },
    { type: 'data', modelId: 1, role: 'y', slot: 0, summary: summary([3200, 10], 0.1, 0.3, true), site: null },
  ];
  const perEpoch = Math.ceil(steps / 10);
  for (let i = 0; i < steps; i++) {
    const dead = i < dieAt ? 0.08 + 0.04 * r() : Math.min(1, 0.55 + (i - dieAt) * 0.02 + 0.03 * r());
    const progress = Math.min(i, dieAt) / dieAt;
    // After the layer dies the output no longer depends on the input: loss and accuracy go back to chance.
    const decay = i < dieAt ? 0 : Math.min(1, (i - dieAt) / 50);
    const trained = 2.3 * Math.exp(-1.6 * progress) + 0.55;
    const loss = nanAt !== null && i >= nanAt ? null : trained + (2.3 - trained) * decay + 0.12 * (r() - 0.5);
    const acc = 0.1 + 0.55 * progress * (1 - decay) + 0.04 * (r() - 0.5);
    let layers: LayerDetail[] | undefined;
    if (i % every === 0 || i === steps - 1) {
      const stats = (mean: number, std: number, deadFrac: number | null, sat: number | null) => ({
        count: 32 * 64,
        mean,
        std,
        min: 0,
        max: mean + 3 * std,
        nanCount: 0,
        infCount: 0,
        zeroFrac: deadFrac,
        nonPosFrac: deadFrac,
        saturatedFrac: sat,
        deadUnitFrac: deadFrac,
        constantUnitFrac: deadFrac,
      });
      const g = (norm: number | null) => [
        { name: 'kernel', norm, meanAbs: norm === null ? null : norm / 50, nanCount: 0, infCount: 0 },
        { name: 'bias', norm: norm === null ? null : norm / 5, meanAbs: norm === null ? null : norm / 20, nanCount: 0, infCount: 0 },
      ];
      const w = (norm: number) => [{ name: 'kernel', mean: 0, std: 0.1, norm: norm + i * 0.01, absMax: 0.5, nanCount: 0, infCount: 0 }];
      const alive = 1 - dead;
      const g2 = i < dieAt ? 0.4 * (0.8 + 0.4 * r()) : i < dieAt + 40 ? 0.4 * alive ** 3 * (0.8 + 0.4 * r()) : 0;
      layers = [
        { index: 0, out: stats(0.9 + 0.1 * r(), 1.1, 0.05 + 0.02 * r(), null), weights: w(4), grads: g(0.25 * (0.8 + 0.4 * r())) },
        { index: 1, out: stats(i < dieAt ? 0.7 + 0.1 * r() : 0.7 * alive, i < dieAt ? 0.9 : 0.9 * alive, dead, null), weights: w(3), grads: g(g2) },
        { index: 2, out: stats(i < dieAt ? 0.7 : 0.7 * alive, 0.9 * (i < dieAt ? 1 : alive), null, null), weights: [], grads: [] },
        { index: 3, out: stats(0.1, 0.12 + 0.05 * progress, null, 0.02 + 0.1 * progress), weights: w(2), grads: g(0.15 * (0.8 + 0.4 * r())) },
      ];
    }
    events.push({
      type: 'iter',
      modelId: 1,
      iter: i,
      epoch: Math.floor(i / perEpoch),
      batch: i % perEpoch,
      loss,
      lossNonFinite: loss === null,
      metrics: { acc },
      learningRate: 0.5,
      gradNorm: loss === null ? null : 0.6 + 0.2 * r(),
      gradNonFinite: loss === null,
      ...(layers ? { layers } : {}),
      elapsedMs: i * 12,
    });
    if ((i + 1) % perEpoch === 0) events.push({ type: 'epoch', modelId: 1, epoch: Math.floor(i / perEpoch), logs: { loss: loss ?? null, acc }, elapsedMs: i * 12 });
  }
  return events;
}
