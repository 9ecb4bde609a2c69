/** Small numeric helpers shared by the engine and its detectors. All bounded in memory. */
import type { NeighbourTargets } from './trace';

/** A learning rate raised this many times over is being swept (a range test), not trained with: the probe and the stall check judge a sweep alike. */
export const RATE_SWEEP_FACTOR = 1000;

export function isNum(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

export function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

export function mean(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

/** Sample standard deviation (0 for fewer than two values). */
export function std(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  let s = 0;
  for (const x of xs) s += (x - m) * (x - m);
  return Math.sqrt(s / (xs.length - 1));
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface LinearFit {
  slope: number;
  intercept: number;
  /** Standard error of the slope. */
  slopeSE: number;
  /** Standard deviation of the residuals around the line. */
  residualStd: number;
}

/** Least-squares line through (i, ys[i]). */
export function linearFit(ys: readonly number[]): LinearFit {
  const n = ys.length;
  if (n < 3) {
    const slope = n === 2 ? ys[1]! - ys[0]! : 0;
    return { slope, intercept: ys[0] ?? 0, slopeSE: Infinity, residualStd: 0 };
  }
  const mx = (n - 1) / 2;
  const my = mean(ys);
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (i - mx) * (i - mx);
    sxy += (i - mx) * (ys[i]! - my);
  }
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  let sse = 0;
  for (let i = 0; i < n; i++) {
    const r = ys[i]! - (intercept + slope * i);
    sse += r * r;
  }
  const residualStd = Math.sqrt(sse / (n - 2));
  return { slope, intercept, slopeSE: residualStd / Math.sqrt(sxx), residualStd };
}

/** Pearson's correlation between ys[i] and its index i; 0 when ys does not vary. */
export function correlationWithIndex(ys: readonly number[]): number {
  const n = ys.length;
  const mx = (n - 1) / 2;
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (i - mx) * (ys[i]! - my);
    sxx += (i - mx) * (i - mx);
    syy += (ys[i]! - my) * (ys[i]! - my);
  }
  return syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}

/** Binary entropy in nats (the loss of always predicting probability p). */
export function binaryEntropy(p: number): number {
  if (p <= 0 || p >= 1) return 0;
  return -(p * Math.log(p) + (1 - p) * Math.log(1 - p));
}

/** Entropy in nats of a distribution (normalized here). */
export function entropy(ps: readonly number[]): number {
  const total = ps.reduce((a, b) => a + Math.max(0, b), 0);
  if (total <= 0) return 0;
  let h = 0;
  for (const p of ps) {
    const q = Math.max(0, p) / total;
    if (q > 0) h -= q * Math.log(q);
  }
  return h;
}

/** A short human rendering of a number: 3 significant digits, exponent for extremes. */
export function fmt(v: number | null | undefined): string {
  if (v === null || v === undefined) return 'n/a';
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return v.toExponential(2).replace('e+', 'e');
  return String(Number(v.toPrecision(3)));
}

export function pct(v: number): string {
  return `${Math.round(v * 100)}%`;
}

/** A number rendered as a source literal, short and exact enough (4 significant digits). */
export function literal(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e6 || a < 1e-4) return v.toExponential(3).replace(/\.?0+e/, 'e').replace('e+', 'e');
  return String(Number(v.toPrecision(4)));
}

/** Fixed-capacity ring buffer. */
export class Ring<T> {
  private readonly items: T[] = [];
  private start = 0;
  constructor(readonly capacity: number) {}

  push(v: T): void {
    if (this.items.length < this.capacity) {
      this.items.push(v);
    } else {
      this.items[this.start] = v;
      this.start = (this.start + 1) % this.capacity;
    }
  }

  get length(): number {
    return this.items.length;
  }

  /** The last k items, oldest first. */
  last(k: number = this.items.length): T[] {
    const n = this.items.length;
    const take = Math.min(k, n);
    const out: T[] = new Array(take);
    for (let i = 0; i < take; i++) out[i] = this.items[(this.start + n - take + i) % n]!;
    return out;
  }

  latest(): T | undefined {
    const n = this.items.length;
    return n === 0 ? undefined : this.items[(this.start + n - 1) % n];
  }

  clear(): void {
    this.items.length = 0;
    this.start = 0;
  }
}

/** Values with the optimizer step they belong to. */
export interface Point {
  iter: number;
  value: number;
}

/**
 * A whole-run summary of one scalar with bounded memory: the first values kept verbatim,
 * the most recent in a ring, and the full history as block means whose size doubles when
 * the block list is full (so it covers any run length with at most 2 * maxBlocks blocks).
 */
export class History {
  readonly head: Point[] = [];
  readonly recent: Ring<Point>;
  private blocks: Array<{ iter: number; sum: number; n: number; min: number; max: number }> = [];
  private blockSize = 1;
  count = 0;
  min = Infinity;
  minIter = -1;
  max = -Infinity;

  constructor(
    private readonly headSize = 32,
    recentSize = 256,
    private readonly maxBlocks = 64,
  ) {
    this.recent = new Ring<Point>(recentSize);
  }

  push(iter: number, value: number): void {
    if (!Number.isFinite(value)) return;
    this.count++;
    if (this.head.length < this.headSize) this.head.push({ iter, value });
    this.recent.push({ iter, value });
    if (value < this.min) {
      this.min = value;
      this.minIter = iter;
    }
    if (value > this.max) this.max = value;
    const last = this.blocks[this.blocks.length - 1];
    if (last && last.n < this.blockSize) {
      last.sum += value;
      last.n++;
      last.min = Math.min(last.min, value);
      last.max = Math.max(last.max, value);
    } else {
      this.blocks.push({ iter, sum: value, n: 1, min: value, max: value });
      if (this.blocks.length > 2 * this.maxBlocks) this.compact();
    }
  }

  private compact(): void {
    const merged: typeof this.blocks = [];
    for (let i = 0; i < this.blocks.length; i += 2) {
      const a = this.blocks[i]!;
      const b = this.blocks[i + 1];
      if (!b) merged.push(a);
      else merged.push({ iter: a.iter, sum: a.sum + b.sum, n: a.n + b.n, min: Math.min(a.min, b.min), max: Math.max(a.max, b.max) });
    }
    this.blocks = merged;
    this.blockSize *= 2;
  }

  /** Lowest mean over any window of `w` consecutive recent-or-block values: a smoothed best. */
  smoothedMin(): number {
    const means = this.blocks.filter((b) => b.n === this.blockSize).map((b) => b.sum / b.n);
    const rec = this.recent.last().map((p) => p.value);
    let best = Infinity;
    // Block means are already smoothed once the block size exceeds a few values.
    if (this.blockSize >= 8) for (const m of means) best = Math.min(best, m);
    const w = Math.max(3, Math.min(16, Math.floor(rec.length / 8)));
    for (let i = 0; i + w <= rec.length; i += Math.max(1, Math.floor(w / 2))) best = Math.min(best, mean(rec.slice(i, i + w)));
    const head = this.head.map((p) => p.value);
    for (let i = 0; i + w <= head.length; i += Math.max(1, Math.floor(w / 2))) best = Math.min(best, mean(head.slice(i, i + w)));
    return best;
  }

  /** Same as smoothedMin for the largest smoothed value. */
  smoothedMax(): number {
    const means = this.blocks.filter((b) => b.n === this.blockSize).map((b) => b.sum / b.n);
    const rec = this.recent.last().map((p) => p.value);
    let best = -Infinity;
    if (this.blockSize >= 8) for (const m of means) best = Math.max(best, m);
    const w = Math.max(3, Math.min(16, Math.floor(rec.length / 8)));
    for (let i = 0; i + w <= rec.length; i += Math.max(1, Math.floor(w / 2))) best = Math.max(best, mean(rec.slice(i, i + w)));
    const head = this.head.map((p) => p.value);
    for (let i = 0; i + w <= head.length; i += Math.max(1, Math.floor(w / 2))) best = Math.max(best, mean(head.slice(i, i + w)));
    return best;
  }
}

/** "a", "a and b", "a, b and c". */
export function spokenList(items: string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** How far nearest-neighbour pairs agree beyond chance: Cohen's kappa for classes, the rank correlation for values. */
export function neighbourAgreement(n: NeighbourTargets): number | null {
  if (n.kind === 'values') return n.correlation;
  return n.chance < 1 ? (n.agreeing / n.pairs - n.chance) / (1 - n.chance) : null;
}
