/** Builds synthetic trace events for engine tests (no tfjs needed). */
import { DiagnosisEngine } from '../../src/analysis/engine';
import type { Finding, Report } from '../../src/analysis/findings';
import type {
  DataEvent,
  GradStats,
  IterationEvent,
  LayerDetail,
  LayerInfo,
  ModelEvent,
  OptimizerInfo,
  OutputStats,
  SourceSite,
  TensorSummary,
  TraceEvent,
  WeightStats,
} from '../../src/analysis/trace';
import { TraceEvent as TraceEventSchema } from '../../src/analysis/trace';

export const FILE = '/work/project/train.js';

export function site(line: number, column = 13, file = FILE): SourceSite {
  return { file, line, column };
}

export interface LayerSpec {
  className: string;
  name?: string;
  activation?: string;
  units?: number | null;
  line?: number;
  column?: number;
  outputShape?: Array<number | null>;
  params?: number;
  config?: LayerInfo['config'];
  /** The layer's weights, for layers other than Dense (whose kernel and bias follow from units). */
  weights?: LayerInfo['weights'];
  /** Names of the layers it takes (a functional model); the layer before it when not given. */
  inbound?: string[];
  inputShape?: Array<number | null>;
}

export const dense = (units: number, activation = 'linear', line?: number, extra: Partial<LayerSpec> = {}): LayerSpec => ({
  className: 'Dense',
  units,
  activation,
  ...(line !== undefined ? { line } : {}),
  ...extra,
});
export const act = (activation: string, line?: number, extra: Partial<LayerSpec> = {}): LayerSpec => ({
  className: 'Activation',
  activation,
  ...(line !== undefined ? { line } : {}),
  ...extra,
});
export const dropout = (line?: number): LayerSpec => ({ className: 'Dropout', ...(line !== undefined ? { line } : {}) });

export interface ModelSpec {
  layers: LayerSpec[];
  loss: string | string[];
  optimizer?: { className: string; learningRate: number | null; line?: number | null; settings?: OptimizerInfo['settings']; ignoredArgs?: OptimizerInfo['ignoredArgs'] } | null;
  compileLine?: number;
  fitLine?: number;
  epochs?: number;
  /** false: fit was called without an epochs option (the probe's fitConfig.epochsSet). */
  epochsSet?: boolean;
  batchSize?: number;
  /** fit's shuffle option, when the script sets it. */
  shuffle?: boolean;
  /** Samples tfjs validates on after each epoch (the probe's fitConfig.validationSamples). */
  validationSamples?: number;
  mode?: ModelEvent['mode'];
  modelId?: number;
  inputDim?: number;
}

export function summary(values: number[], shape: number[], extra: Partial<TensorSummary> = {}): TensorSummary {
  const finite = values.filter((v) => Number.isFinite(v));
  const mean = finite.reduce((a, b) => a + b, 0) / Math.max(1, finite.length);
  const std = Math.sqrt(finite.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, finite.length));
  const distinctSet = [...new Set(finite)].sort((a, b) => a - b);
  const distinct = distinctSet.length <= 32 ? distinctSet : null;
  let oneHotRows: boolean | null = null;
  let columnMeans: number[] | null = null;
  if (shape.length === 2) {
    const [r, c] = shape as [number, number];
    oneHotRows = true;
    columnMeans = new Array(c).fill(0);
    for (let i = 0; i < r; i++) {
      let ones = 0;
      for (let j = 0; j < c; j++) {
        const v = values[i * c + j]!;
        columnMeans[j] = (columnMeans[j] ?? 0) + v / r;
        if (v === 1) ones++;
        else if (v !== 0) oneHotRows = false;
      }
      if (ones !== 1) oneHotRows = false;
    }
  }
  return {
    shape,
    dtype: 'float32',
    count: values.length,
    min: finite.length ? Math.min(...finite) : null,
    max: finite.length ? Math.max(...finite) : null,
    mean,
    std,
    nanCount: values.filter((v) => Number.isNaN(v)).length,
    infCount: values.filter((v) => !Number.isNaN(v) && !Number.isFinite(v)).length,
    distinct,
    oneHotRows,
    distinctCounts: distinct ? distinct.map((d) => finite.filter((v) => v === d).length) : null,
    columnMeans,
    ...extra,
  };
}

/** A deterministic pseudo-random stream for noisy synthetic losses. */
export function rng(seed = 1): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface OutSpec {
  mean?: number;
  std?: number;
  min?: number;
  max?: number;
  count?: number;
  nan?: number;
  dead?: number | null;
  saturated?: number | null;
  constant?: number | null;
  nonPos?: number | null;
}

export interface DetailSpec {
  out?: OutSpec | null;
  weights?: Array<Partial<WeightStats>>;
  grads?: Array<Partial<GradStats>>;
}

export function outStats(o: OutSpec): OutputStats {
  return {
    count: o.count ?? 320,
    mean: o.mean ?? 0.2,
    std: o.std ?? 0.5,
    min: o.min ?? -1,
    max: o.max ?? 1,
    nanCount: o.nan ?? 0,
    infCount: 0,
    zeroFrac: 0.1,
    nonPosFrac: o.nonPos ?? 0.4,
    saturatedFrac: o.saturated ?? null,
    deadUnitFrac: o.dead ?? null,
    constantUnitFrac: o.constant ?? 0,
  };
}

export function weight(w: Partial<WeightStats> = {}): WeightStats {
  return { name: 'kernel', mean: 0.01, std: 0.1, norm: 1, absMax: 0.3, nanCount: 0, infCount: 0, ...w };
}

export function grad(g: Partial<GradStats> = {}): GradStats {
  return { name: 'kernel', norm: 0.1, meanAbs: 1e-3, nanCount: 0, infCount: 0, ...g };
}

export class TraceBuilder {
  readonly events: TraceEvent[] = [];
  private iter = 0;
  private elapsed = 0;
  modelEvent: ModelEvent | null = null;
  readonly modelId: number;

  constructor(modelId = 1) {
    this.modelId = modelId;
  }

  model(spec: ModelSpec): this {
    const inputDim = spec.inputDim ?? 4;
    let prevUnits = inputDim;
    const layers: LayerInfo[] = spec.layers.map((l, index) => {
      const units = l.className === 'Dense' ? (l.units ?? 1) : prevUnits;
      const name = l.name ?? `${l.className.toLowerCase()}_${index + 1}`;
      const info: LayerInfo = {
        index,
        name,
        className: l.className,
        activation: l.activation ?? (l.className === 'Dense' ? 'linear' : null),
        units: l.className === 'Dense' ? units : null,
        inputShape: l.inputShape ?? [null, prevUnits],
        outputShape: l.outputShape ?? [null, units],
        params: l.params ?? (l.className === 'Dense' ? prevUnits * units + units : 0),
        trainable: true,
        inbound: [],
        weights: l.weights ?? (l.className === 'Dense' ? [{ name: 'kernel', shape: [prevUnits, units] }, { name: 'bias', shape: [units] }] : []),
        config: l.config ?? {},
        site: l.line !== undefined ? site(l.line, l.column ?? 13) : null,
      };
      prevUnits = units;
      return info;
    });
    for (let i = 1; i < layers.length; i++) layers[i]!.inbound = spec.layers[i]!.inbound ?? [layers[i - 1]!.name];
    const opt: OptimizerInfo | null =
      spec.optimizer === null
        ? null
        : {
            className: spec.optimizer?.className ?? 'Adam',
            learningRate: spec.optimizer?.learningRate ?? 0.001,
            settings: spec.optimizer?.settings ?? {},
            site: spec.optimizer?.line ? site(spec.optimizer.line, 21) : null,
            ...(spec.optimizer?.ignoredArgs ? { ignoredArgs: spec.optimizer.ignoredArgs } : {}),
          };
    this.modelEvent = {
      type: 'model',
      modelId: this.modelId,
      name: 'sequential_1',
      className: 'Sequential',
      mode: spec.mode ?? 'fit',
      layers,
      site: site(6),
      compileSite: spec.compileLine ? site(spec.compileLine, 9) : null,
      fitSite: spec.fitLine ? site(spec.fitLine, 9) : null,
      loss: Array.isArray(spec.loss) ? spec.loss : [spec.loss],
      metrics: ['accuracy'],
      optimizer: opt,
      fitConfig: { epochs: spec.epochs ?? 10, batchSize: spec.batchSize ?? 32, ...(spec.validationSamples !== undefined ? { validationSamples: spec.validationSamples } : {}), ...(spec.shuffle !== undefined ? { shuffle: spec.shuffle } : {}), ...(spec.epochsSet !== undefined ? { epochsSet: spec.epochsSet } : {}) },
      backend: 'cpu',
    };
    this.events.push(this.modelEvent);
    return this;
  }

  data(role: 'x' | 'y', s: TensorSummary, line?: number): this {
    const e: DataEvent = { type: 'data', modelId: this.modelId, role, slot: 0, summary: s, site: line ? site(line, 9) : (this.modelEvent?.fitSite ?? null) };
    this.events.push(e);
    return this;
  }

  /** x with a given range: a 2-D [n, d] summary without enumerating values. */
  xRange(min: number, max: number, n = 1000, d = 4, extra: Partial<TensorSummary> = {}): this {
    return this.data('x', {
      shape: [n, d],
      dtype: 'float32',
      count: n * d,
      min,
      max,
      mean: (min + max) / 2,
      std: (max - min) / 3.5,
      nanCount: 0,
      infCount: 0,
      distinct: null,
      oneHotRows: false,
      ...extra,
    });
  }

  /** One-hot labels over k classes with the given frequencies (default balanced). */
  yOneHot(k: number, n = 1000, freqs?: number[]): this {
    const f = freqs ?? new Array(k).fill(1 / k);
    return this.data('y', {
      shape: [n, k],
      dtype: 'float32',
      count: n * k,
      min: 0,
      max: 1,
      mean: 1 / k,
      std: Math.sqrt((1 / k) * (1 - 1 / k)),
      nanCount: 0,
      infCount: 0,
      distinct: [0, 1],
      oneHotRows: true,
      columnMeans: f,
    });
  }

  /** Binary 0/1 labels in one column with positive rate p. */
  yBinary(p = 0.5, n = 1000): this {
    return this.data('y', {
      shape: [n, 1],
      dtype: 'float32',
      count: n,
      min: 0,
      max: 1,
      mean: p,
      std: Math.sqrt(p * (1 - p)),
      nanCount: 0,
      infCount: 0,
      distinct: [0, 1],
      oneHotRows: false,
      distinctCounts: [Math.round(n * (1 - p)), Math.round(n * p)],
      columnMeans: [p],
    });
  }

  /** Continuous regression targets. */
  yContinuous(min: number, max: number, n = 1000, std?: number): this {
    return this.data('y', {
      shape: [n, 1],
      dtype: 'float32',
      count: n,
      min,
      max,
      mean: (min + max) / 2,
      std: std ?? (max - min) / 3.5,
      nanCount: 0,
      infCount: 0,
      distinct: null,
      oneHotRows: false,
    });
  }

  step(
    loss: number | null,
    opts: {
      acc?: number | null;
      layers?: Array<DetailSpec | null> | undefined;
      gradNorm?: number | null;
      gradNonFinite?: boolean;
      epoch?: number | null;
      learningRate?: number | null;
      /** Line (in FILE) that changed the learning rate mid-run, as the probe reports it. */
      learningRateLine?: number;
      /** Variable writes so far, as the probe counts them. */
      weightWrites?: number;
    } = {},
  ): this {
    const nonFinite = loss === null || !Number.isFinite(loss);
    const e: IterationEvent = {
      type: 'iter',
      modelId: this.modelId,
      iter: this.iter,
      epoch: opts.epoch === undefined ? Math.floor(this.iter / 32) : opts.epoch,
      batch: this.iter % 32,
      loss: nonFinite ? null : loss,
      lossNonFinite: loss !== null && !Number.isFinite(loss) ? true : loss === null,
      metrics: opts.acc === undefined ? {} : { acc: opts.acc },
      learningRate: opts.learningRate === undefined ? (this.modelEvent?.optimizer?.learningRate ?? null) : opts.learningRate,
      gradNorm: opts.gradNorm === undefined ? 0.5 : opts.gradNorm,
      gradNonFinite: opts.gradNonFinite ?? false,
      elapsedMs: (this.elapsed += 5),
    };
    if (opts.learningRateLine !== undefined) e.learningRateSite = site(opts.learningRateLine);
    if (opts.weightWrites !== undefined) e.weightWrites = opts.weightWrites;
    if (opts.layers) {
      const details: LayerDetail[] = [];
      opts.layers.forEach((d, index) => {
        if (d === null) return;
        details.push({
          index,
          out: d.out === null ? null : outStats(d.out ?? {}),
          weights: (d.weights ?? []).map(weight),
          grads: (d.grads ?? []).map(grad),
        });
      });
      e.layers = details;
    }
    this.events.push(e);
    this.iter++;
    return this;
  }

  epoch(epoch: number, logs: Record<string, number | null>): this {
    this.events.push({ type: 'epoch', modelId: this.modelId, epoch, logs, elapsedMs: this.elapsed });
    return this;
  }

  end(): this {
    this.events.push({ type: 'trainEnd', modelId: this.modelId, iterations: this.iter, elapsedMs: this.elapsed });
    return this;
  }

  crash(message: string): this {
    this.events.push({ type: 'crash', name: 'Error', message, stack: null, site: this.modelEvent?.fitSite ?? null });
    return this;
  }

  get iterations(): number {
    return this.iter;
  }
}

export interface RunResult {
  engine: DiagnosisEngine;
  findings: Finding[];
  report: Report;
  /** Iteration of the first event after which a fault was confirmed. */
  firstConfirmedIter: number | null;
  /** Findings returned by ingest/finish, in order. */
  stream: Finding[];
}

/** Feeds every event (validated through the schema, as a replay would) and finishes. */
export function run(events: TraceEvent[], source?: Record<string, string>, opts: { finish?: boolean } = {}): RunResult {
  const engine = new DiagnosisEngine(source ? { readSource: (f) => source[f] } : {});
  let firstConfirmedIter: number | null = null;
  const stream: Finding[] = [];
  for (const e of events) {
    const parsed = TraceEventSchema.parse(JSON.parse(JSON.stringify(e)));
    stream.push(...engine.ingest(parsed));
    if (firstConfirmedIter === null && engine.hasConfirmedFault()) firstConfirmedIter = e.type === 'iter' ? e.iter : -1;
  }
  if (opts.finish !== false) stream.push(...engine.finish());
  const iterations = events.filter((e) => e.type === 'iter').length;
  const report = engine.report({
    script: FILE,
    exitCode: 0,
    signal: null,
    stoppedEarly: false,
    iterations,
    epochs: 0,
    durationMs: 0,
    tfjsVersion: '4.22.0',
    backend: 'cpu',
    error: null,
  });
  return { engine, findings: engine.findings(), report, firstConfirmedIter, stream };
}

/** Loss curve helpers: exponential decay to a floor with multiplicative noise. */
export function decaying(n: number, start: number, floor: number, rate: number, noise = 0, seed = 7): number[] {
  const r = rng(seed);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const base = floor + (start - floor) * Math.exp(-rate * i);
    out.push(base * (1 + noise * (r() * 2 - 1)));
  }
  return out;
}

export function flat(n: number, level: number, noise = 0, seed = 3): number[] {
  const r = rng(seed);
  return Array.from({ length: n }, () => level * (1 + noise * (r() * 2 - 1)));
}
