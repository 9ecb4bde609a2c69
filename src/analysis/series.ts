/**
 * Bounded, downsampled time series for the trend panel.
 *
 * Each series holds at most `capacity` points. Raw values are grouped into buckets of
 * `stride` consecutive values; when the series is full, neighbouring points are merged in
 * pairs and the stride doubles. A point therefore keeps the MEAN of its raw values plus
 * their MIN and MAX, and is placed at the iteration (or epoch) of its LAST raw value.
 * Non-finite raw values are counted in `nonFinite` and left out of mean/min/max; a point
 * whose values were all non-finite has a null mean.
 */
import type { TraceEvent } from './trace';
import { isNum } from './stats';

export interface SeriesData {
  /** Iteration (or epoch for epoch series) of the last raw value in each point. */
  x: number[];
  mean: Array<number | null>;
  min: Array<number | null>;
  max: Array<number | null>;
  /** Non-finite raw values per point. */
  nonFinite: number[];
  /** Raw values merged into each point at most (1 = not downsampled yet). */
  stride: number;
}

/**
 * Adds one reading: a non-finite one as a NaN/∞ point, a finite value as itself, and nothing for a
 * value that was not measured (a statistic that does not apply, or a step without it).
 */
function record(s: Downsampled, x: number, value: number | null | undefined, nonFinite: boolean): void {
  if (nonFinite) s.push(x, null);
  else if (isNum(value)) s.push(x, value);
}

export class Downsampled {
  private xs: number[] = [];
  private sums: number[] = [];
  private ns: number[] = [];
  private mins: number[] = [];
  private maxs: number[] = [];
  private nfs: number[] = [];
  private raw: number[] = []; // raw values in the last (open) point
  private stride = 1;

  constructor(readonly capacity = 2000) {}

  get length(): number {
    return this.xs.length;
  }

  push(x: number, value: number | null | undefined): void {
    const finite = isNum(value);
    const last = this.xs.length - 1;
    if (last >= 0 && this.raw[last]! < this.stride) {
      this.xs[last] = x;
      this.raw[last]!++;
      if (finite) {
        this.sums[last]! += value;
        this.ns[last]!++;
        this.mins[last] = Math.min(this.mins[last]!, value);
        this.maxs[last] = Math.max(this.maxs[last]!, value);
      } else this.nfs[last]!++;
      return;
    }
    this.xs.push(x);
    this.raw.push(1);
    this.sums.push(finite ? value : 0);
    this.ns.push(finite ? 1 : 0);
    this.mins.push(finite ? value : Infinity);
    this.maxs.push(finite ? value : -Infinity);
    this.nfs.push(finite ? 0 : 1);
    if (this.xs.length > this.capacity) this.halve();
  }

  private halve(): void {
    const n = this.xs.length;
    const keep = Math.ceil(n / 2);
    for (let i = 0; i < keep; i++) {
      const a = 2 * i;
      const b = a + 1;
      if (b >= n) {
        this.xs[i] = this.xs[a]!;
        this.raw[i] = this.raw[a]!;
        this.sums[i] = this.sums[a]!;
        this.ns[i] = this.ns[a]!;
        this.mins[i] = this.mins[a]!;
        this.maxs[i] = this.maxs[a]!;
        this.nfs[i] = this.nfs[a]!;
        continue;
      }
      this.xs[i] = this.xs[b]!;
      this.raw[i] = this.raw[a]! + this.raw[b]!;
      this.sums[i] = this.sums[a]! + this.sums[b]!;
      this.ns[i] = this.ns[a]! + this.ns[b]!;
      this.mins[i] = Math.min(this.mins[a]!, this.mins[b]!);
      this.maxs[i] = Math.max(this.maxs[a]!, this.maxs[b]!);
      this.nfs[i] = this.nfs[a]! + this.nfs[b]!;
    }
    for (const arr of [this.xs, this.raw, this.sums, this.ns, this.mins, this.maxs, this.nfs]) arr.length = keep;
    this.stride *= 2;
  }

  toJSON(): SeriesData {
    return {
      x: [...this.xs],
      mean: this.sums.map((s, i) => (this.ns[i]! > 0 ? s / this.ns[i]! : null)),
      min: this.mins.map((v, i) => (this.ns[i]! > 0 ? v : null)),
      max: this.maxs.map((v, i) => (this.ns[i]! > 0 ? v : null)),
      nonFinite: [...this.nfs],
      stride: this.stride,
    };
  }
}

export interface LayerSeriesData {
  index: number;
  name: string;
  className: string;
  outMean: SeriesData;
  outStd: SeriesData;
  gradNorm: SeriesData;
  deadFrac: SeriesData;
  saturatedFrac: SeriesData;
}

export interface ModelSeriesData {
  modelId: number;
  name: string;
  /** Optimizer steps seen for this model. */
  iterations: number;
  loss: SeriesData;
  metrics: Record<string, SeriesData>;
  learningRate: SeriesData;
  gradNorm: SeriesData;
  /** Epoch-end logs (loss, acc, val_loss, ...), x = epoch. */
  epochs: Record<string, SeriesData>;
  layers: LayerSeriesData[];
}

export interface SeriesSnapshot {
  version: 1;
  capacity: number;
  /** The model most recently seen (the one the panel shows by default). */
  currentModelId: number | null;
  models: ModelSeriesData[];
}

interface LayerSeries {
  index: number;
  name: string;
  className: string;
  outMean: Downsampled;
  outStd: Downsampled;
  gradNorm: Downsampled;
  deadFrac: Downsampled;
  saturatedFrac: Downsampled;
}

interface ModelSeries {
  modelId: number;
  name: string;
  iterations: number;
  loss: Downsampled;
  metrics: Map<string, Downsampled>;
  learningRate: Downsampled;
  gradNorm: Downsampled;
  epochs: Map<string, Downsampled>;
  layers: Map<number, LayerSeries>;
  layerCapacity: number;
}

export interface SeriesOptions {
  /** Points per series at most (default 2000). */
  capacity?: number;
  /** Models kept (oldest dropped first; default 4). */
  maxModels?: number;
  /** Points shared by all per-layer series of one model (default 400,000). */
  layerPointBudget?: number;
}

const MAX_KEYS = 32; // metric / epoch-log names per model

export class TraceSeries {
  readonly capacity: number;
  private readonly maxModels: number;
  private readonly layerPointBudget: number;
  private readonly models = new Map<number, ModelSeries>();
  private current: number | null = null;

  constructor(options: SeriesOptions = {}) {
    this.capacity = Math.max(16, options.capacity ?? 2000);
    this.maxModels = Math.max(1, options.maxModels ?? 4);
    this.layerPointBudget = Math.max(1000, options.layerPointBudget ?? 400_000);
  }

  ingest(event: TraceEvent): void {
    switch (event.type) {
      case 'model': {
        const existing = this.models.get(event.modelId);
        const layerCapacity = Math.max(32, Math.min(this.capacity, Math.floor(this.layerPointBudget / Math.max(1, event.layers.length * 5))));
        if (existing) {
          existing.name = event.name;
          existing.layerCapacity = layerCapacity;
          for (const l of event.layers) this.layer(existing, l.index, l.name, l.className);
        } else {
          const m: ModelSeries = {
            modelId: event.modelId,
            name: event.name,
            iterations: 0,
            loss: new Downsampled(this.capacity),
            metrics: new Map(),
            learningRate: new Downsampled(this.capacity),
            gradNorm: new Downsampled(this.capacity),
            epochs: new Map(),
            layers: new Map(),
            layerCapacity,
          };
          for (const l of event.layers) this.layer(m, l.index, l.name, l.className);
          this.models.set(event.modelId, m);
          while (this.models.size > this.maxModels) {
            const oldest = this.models.keys().next().value as number;
            this.models.delete(oldest);
          }
        }
        this.current = event.modelId;
        return;
      }
      case 'iter': {
        const m = this.models.get(event.modelId);
        if (!m) return;
        m.iterations = Math.max(m.iterations, event.iter + 1);
        record(m.loss, event.iter, event.loss, event.lossNonFinite);
        for (const [k, v] of Object.entries(event.metrics)) {
          const s = m.metrics.get(k) ?? (m.metrics.size < MAX_KEYS ? new Downsampled(this.capacity) : undefined);
          if (!s) continue;
          m.metrics.set(k, s);
          s.push(event.iter, v);
        }
        record(m.learningRate, event.iter, event.learningRate, false);
        record(m.gradNorm, event.iter, event.gradNorm, event.gradNonFinite);
        if (event.layers) {
          for (const d of event.layers) {
            const l = m.layers.get(d.index);
            if (!l) continue;
            const out = d.out;
            if (out) {
              // Summaries are taken over the finite entries; any NaN or infinity is what the chart must show.
              record(l.outMean, event.iter, out.mean, out.nanCount + out.infCount > 0);
              record(l.outStd, event.iter, out.std, false);
              record(l.deadFrac, event.iter, out.deadUnitFrac, false);
              record(l.saturatedFrac, event.iter, out.saturatedFrac, false);
            }
            // A layer without weights has no gradient: no point, rather than a NaN marker.
            if (d.grads.length > 0) {
              let sq = 0;
              let measured = true;
              let nonFinite = false;
              for (const g of d.grads) {
                if (g.nanCount + g.infCount > 0) nonFinite = true;
                if (!isNum(g.norm)) measured = false;
                else sq += g.norm * g.norm;
              }
              record(l.gradNorm, event.iter, measured ? Math.sqrt(sq) : null, nonFinite);
            }
          }
        }
        return;
      }
      case 'epoch': {
        const m = this.models.get(event.modelId);
        if (!m) return;
        for (const [k, v] of Object.entries(event.logs)) {
          const s = m.epochs.get(k) ?? (m.epochs.size < MAX_KEYS ? new Downsampled(this.capacity) : undefined);
          if (!s) continue;
          m.epochs.set(k, s);
          s.push(event.epoch, v);
        }
        return;
      }
      default:
        return;
    }
  }

  private layer(m: ModelSeries, index: number, name: string, className: string): LayerSeries {
    let l = m.layers.get(index);
    if (!l) {
      const c = m.layerCapacity;
      l = {
        index,
        name,
        className,
        outMean: new Downsampled(c),
        outStd: new Downsampled(c),
        gradNorm: new Downsampled(c),
        deadFrac: new Downsampled(c),
        saturatedFrac: new Downsampled(c),
      };
      m.layers.set(index, l);
    }
    return l;
  }

  modelIds(): number[] {
    return [...this.models.keys()];
  }

  /** A plain-JSON copy for a webview (all models, or one). */
  snapshot(modelId?: number): SeriesSnapshot {
    const models = [...this.models.values()].filter((m) => modelId === undefined || m.modelId === modelId);
    return {
      version: 1,
      capacity: this.capacity,
      currentModelId: this.current,
      models: models.map((m) => ({
        modelId: m.modelId,
        name: m.name,
        iterations: m.iterations,
        loss: m.loss.toJSON(),
        metrics: Object.fromEntries([...m.metrics].map(([k, s]) => [k, s.toJSON()])),
        learningRate: m.learningRate.toJSON(),
        gradNorm: m.gradNorm.toJSON(),
        epochs: Object.fromEntries([...m.epochs].map(([k, s]) => [k, s.toJSON()])),
        layers: [...m.layers.values()]
          .sort((a, b) => a.index - b.index)
          .map((l) => ({
            index: l.index,
            name: l.name,
            className: l.className,
            outMean: l.outMean.toJSON(),
            outStd: l.outStd.toJSON(),
            gradNorm: l.gradNorm.toJSON(),
            deadFrac: l.deadFrac.toJSON(),
            saturatedFrac: l.saturatedFrac.toJSON(),
          })),
      })),
    };
  }

  toJSON(): SeriesSnapshot {
    return this.snapshot();
  }
}
