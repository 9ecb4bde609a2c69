/**
 * Shaping the stored series into the column arrays uPlot draws, and finding where a symptom
 * started. Pure (no DOM), so it is tested in Node.
 */
import type { FindingView, SeriesData } from './messages';
import { seriesKey } from './series-sync';

export type Store = ReadonlyMap<string, SeriesData>;
/** null is a gap in the line; undefined is "no point at this x" (an alignment filler uPlot spans). */
export type Column = Array<number | null | undefined>;

/** Several series on one x axis: the union of their x values, undefined where one has no point. */
export function alignOnX(parts: ReadonlyArray<{ x: readonly number[]; ys: ReadonlyArray<ReadonlyArray<number | null | undefined>> }>): { x: number[]; ys: Column[] } {
  const set = new Set<number>();
  for (const p of parts) for (const v of p.x) set.add(v);
  const x = [...set].sort((a, b) => a - b);
  const at = new Map<number, number>();
  x.forEach((v, i) => at.set(v, i));
  const ys: Column[] = [];
  for (const p of parts) {
    for (const y of p.ys) {
      const col: Column = new Array<number | null | undefined>(x.length).fill(undefined);
      p.x.forEach((v, i) => {
        col[at.get(v)!] = y[i] ?? null;
      });
      ys.push(col);
    }
  }
  return { x, ys };
}

export function countPoints(col: readonly (number | null | undefined)[]): number {
  let n = 0;
  for (const v of col) if (v !== null && v !== undefined && Number.isFinite(v)) n++;
  return n;
}

function finiteOrNull(v: number | null | undefined): number | null {
  return v !== null && v !== undefined && Number.isFinite(v) ? v : null;
}

/** A log axis cannot show zero, negatives or gaps as values: they become null. */
export function logSafe(col: readonly (number | null | undefined)[]): Column {
  return col.map((v) => (v !== null && v !== undefined && Number.isFinite(v) && v > 0 ? v : null));
}

/** Decade bounds around the positive values (so markers for zero / non-finite sit outside them). */
export function logBounds(cols: ReadonlyArray<readonly (number | null | undefined)[]>): { floor: number; ceil: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const c of cols)
    for (const v of c)
      if (v !== null && v !== undefined && Number.isFinite(v) && v > 0) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
  if (lo === Infinity) return { floor: 1e-8, ceil: 1 };
  const floor = 10 ** (Math.floor(Math.log10(lo)) - 1);
  const ceil = 10 ** (Math.ceil(Math.log10(hi)) + 1);
  return { floor, ceil: ceil > floor ? ceil : floor * 100 };
}

/** Loss is drawn on a log axis when it is positive and spans more than three decades (diverging runs). */
export function wantsLogScale(col: readonly (number | null | undefined)[]): boolean {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of col) {
    if (v === null || v === undefined || !Number.isFinite(v)) continue;
    if (v <= 0) return false;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return lo !== Infinity && hi / lo > 1e3;
}

export interface LineSpec {
  label: string;
  values: Column;
  /** Which y scale: the left one or the right one (0..1 fractions and metrics). */
  scale: 'y' | 'y2';
  kind: 'line' | 'dashed' | 'band-edge' | 'marker';
  /** Palette slot (see theme.ts). */
  color: 'c1' | 'c2' | 'c3' | 'c4' | 'c5' | 'muted' | 'error' | 'warning';
}

export interface ChartData {
  x: number[];
  lines: LineSpec[];
  /** Pairs of line indices (into `lines`) to fill between. */
  bands: Array<[number, number]>;
  /** Non-null points of the chart's main series (exposed as data-points). */
  points: number;
  log: boolean;
  /** Range of the left axis when it must be fixed (fractions, log bounds). */
  yRange: [number, number] | null;
}

const EMPTY: ChartData = { x: [], lines: [], bands: [], points: 0, log: false, yRange: null };

/** Points whose raw values were NaN/Infinity: drawn as markers at `level`. */
function nonFiniteMarkers(s: SeriesData, level: number): Column {
  return s.nonFinite.map((n) => (n > 0 ? level : null));
}

const METRIC_PALETTE: LineSpec['color'][] = ['c2', 'c3', 'c4', 'c5'];

/** Loss (left axis) and metrics (right axis) per iteration. */
export function lossChart(store: Store, metrics: readonly string[]): ChartData {
  const loss = store.get(seriesKey.loss);
  if (!loss) return EMPTY;
  const ms = metrics.map((k) => ({ k, s: store.get(seriesKey.metric(k)) })).filter((m): m is { k: string; s: SeriesData } => !!m.s && m.s.x.length > 0);
  const mean = loss.mean.map(finiteOrNull);
  const log = wantsLogScale(mean);
  let top = -Infinity;
  for (const v of mean) if (v !== null) top = Math.max(top, v);
  const level = top === -Infinity ? 1 : top;
  const hasNonFinite = loss.nonFinite.some((n) => n > 0);
  const parts = [{ x: loss.x, ys: [mean, ...(hasNonFinite ? [nonFiniteMarkers(loss, level)] : [])] }, ...ms.slice(0, 4).map((m) => ({ x: m.s.x, ys: [m.s.mean.map(finiteOrNull)] }))];
  const { x, ys } = alignOnX(parts);
  const lines: LineSpec[] = [{ label: 'loss', values: ys[0]!, scale: 'y', kind: 'line', color: 'c1' }];
  let i = 1;
  if (hasNonFinite) lines.push({ label: 'loss NaN/∞', values: ys[i++]!, scale: 'y', kind: 'marker', color: 'error' });
  ms.slice(0, 4).forEach((m, j) => lines.push({ label: m.k, values: ys[i++]!, scale: 'y2', kind: 'line', color: METRIC_PALETTE[j]! }));
  return { x, lines, bands: [], points: countPoints(lines[0]!.values), log, yRange: null };
}

/** The selected layer's output mean with a ±1 std band. */
export function layerOutputChart(store: Store, index: number): ChartData {
  const mean = store.get(seriesKey.layer(index, 'outMean'));
  const std = store.get(seriesKey.layer(index, 'outStd'));
  if (!mean) return EMPTY;
  const stdAt = new Map<number, number | null>();
  if (std) std.x.forEach((x, i) => stdAt.set(x, finiteOrNull(std.mean[i])));
  const m = mean.mean.map(finiteOrNull);
  const upper: Array<number | null> = [];
  const lower: Array<number | null> = [];
  mean.x.forEach((x, i) => {
    const s = stdAt.get(x) ?? null;
    const v = m[i]!;
    upper.push(v !== null && s !== null ? v + s : null);
    lower.push(v !== null && s !== null ? v - s : null);
  });
  let top = -Infinity;
  for (const c of [m, upper]) for (const v of c) if (v !== null) top = Math.max(top, v);
  const hasNonFinite = mean.nonFinite.some((n) => n > 0);
  const lines: LineSpec[] = [
    { label: 'mean', values: m, scale: 'y', kind: 'line', color: 'c1' },
    { label: '+1 std', values: upper, scale: 'y', kind: 'band-edge', color: 'c1' },
    { label: '−1 std', values: lower, scale: 'y', kind: 'band-edge', color: 'c1' },
  ];
  if (hasNonFinite) lines.push({ label: 'NaN/∞', values: nonFiniteMarkers(mean, top === -Infinity ? 1 : top), scale: 'y', kind: 'marker', color: 'error' });
  return { x: [...mean.x], lines, bands: [[1, 2]], points: countPoints(m), log: false, yRange: null };
}

/**
 * The layer's gradient norm on a log axis, with the model's global gradient norm for reference.
 * Zero norms (a dead or disconnected layer) are drawn as markers on the bottom decade and
 * non-finite ones on the top decade, since a log axis has no place for either.
 */
export function layerGradChart(store: Store, index: number): ChartData {
  const g = store.get(seriesKey.layer(index, 'gradNorm'));
  if (!g) return EMPTY;
  const global = store.get(seriesKey.gradNorm);
  const layer = logSafe(g.mean);
  const globalVals = global ? logSafe(global.mean) : [];
  const { floor, ceil } = logBounds([layer, globalVals]);
  const zeros: Column = g.mean.map((v) => (v === 0 ? floor : null));
  const bad: Column = g.nonFinite.map((n) => (n > 0 ? ceil : null));
  const parts = [{ x: g.x, ys: [layer, zeros, bad] }, ...(global ? [{ x: global.x, ys: [globalVals] }] : [])];
  const { x, ys } = alignOnX(parts);
  const lines: LineSpec[] = [
    { label: 'layer ‖g‖', values: ys[0]!, scale: 'y', kind: 'line', color: 'c1' },
    { label: '‖g‖ = 0', values: ys[1]!, scale: 'y', kind: 'marker', color: 'warning' },
    { label: 'NaN/∞', values: ys[2]!, scale: 'y', kind: 'marker', color: 'error' },
  ];
  if (global) lines.push({ label: 'model ‖g‖', values: ys[3]!, scale: 'y', kind: 'dashed', color: 'muted' });
  return { x, lines, bands: [], points: countPoints(layer) + countPoints(zeros), log: true, yRange: [floor, ceil] };
}

/** Fractions of dead (never positive) and saturated units of the layer, 0..1. */
export function layerUnitsChart(store: Store, index: number): ChartData {
  const dead = store.get(seriesKey.layer(index, 'deadFrac'));
  const sat = store.get(seriesKey.layer(index, 'saturatedFrac'));
  if (!dead && !sat) return EMPTY;
  const parts = [dead, sat].filter((s): s is SeriesData => !!s).map((s) => ({ x: s.x, ys: [s.mean.map(finiteOrNull)] }));
  const { x, ys } = alignOnX(parts);
  const lines: LineSpec[] = [];
  let i = 0;
  if (dead) lines.push({ label: 'dead units', values: ys[i++]!, scale: 'y', kind: 'line', color: 'c3' });
  if (sat) lines.push({ label: 'saturated units', values: ys[i++]!, scale: 'y', kind: 'line', color: 'c4' });
  const points = lines.reduce((n, l) => n + countPoints(l.values), 0);
  return { x, lines, bands: [], points, log: false, yRange: [0, 1] };
}

/** Index of the last point at or before `x` (or the last point when x is null). */
function lastIndexAtOrBefore(xs: readonly number[], x: number | null): number {
  if (x === null) return xs.length - 1;
  let i = xs.length - 1;
  while (i >= 0 && xs[i]! > x) i--;
  return i;
}

/** Start of the run of points satisfying `bad` that ends at the detection point. */
function runStart(s: SeriesData, at: number | null, bad: (i: number) => boolean): number | null {
  let i = lastIndexAtOrBefore(s.x, at);
  if (i < 0 || !bad(i)) return null;
  while (i > 0 && bad(i - 1)) i--;
  // A point covers the raw values after the previous point: the run began just after it.
  return i > 0 ? s.x[i - 1]! + 1 : Math.max(0, s.x[i]! - s.stride + 1);
}

function firstNonFinite(s: SeriesData | undefined, at: number | null): number | null {
  if (!s) return null;
  for (let i = 0; i < s.x.length; i++) {
    if (at !== null && s.x[i]! > at) break;
    if (s.nonFinite[i]! > 0) return i > 0 ? s.x[i - 1]! + 1 : Math.max(0, s.x[i]! - s.stride + 1);
  }
  return null;
}

/** Fractions above this count as "most units" for dead / saturated layers. */
export const UNIT_FRACTION = 0.5;
/** Gradient norms below this count as vanished. */
export const VANISHED_NORM = 1e-7;

/**
 * The iteration where the symptom began: the engine's value when it gives one, else estimated
 * from the series (first non-finite value, or start of the run of bad values that ends at the
 * detection). Null when the series cannot tell.
 */
export function symptomOnset(f: FindingView, store: Store): number | null {
  if (f.onset !== null) return f.onset;
  const at = f.iteration;
  const li = f.layer?.index;
  const layer = (field: Parameters<typeof seriesKey.layer>[1]) => (li === undefined ? undefined : store.get(seriesKey.layer(li, field)));
  let onset: number | null = null;
  switch (f.symptom) {
    case 'non-finite-loss':
      onset = firstNonFinite(store.get(seriesKey.loss), at);
      break;
    case 'non-finite-output':
      onset = firstNonFinite(layer('outMean'), at) ?? firstNonFinite(store.get(seriesKey.loss), at);
      break;
    case 'non-finite-gradients':
    case 'non-finite-weights':
      onset = firstNonFinite(layer('gradNorm'), at) ?? firstNonFinite(store.get(seriesKey.gradNorm), at) ?? firstNonFinite(store.get(seriesKey.loss), at);
      break;
    case 'dead-relu': {
      const s = layer('deadFrac');
      if (s) onset = runStart(s, at, (i) => (s.mean[i] ?? 0) >= UNIT_FRACTION);
      break;
    }
    case 'saturated-activation': {
      const s = layer('saturatedFrac');
      if (s) onset = runStart(s, at, (i) => (s.mean[i] ?? 0) >= UNIT_FRACTION);
      break;
    }
    case 'vanishing-gradient': {
      const s = layer('gradNorm');
      if (s) onset = runStart(s, at, (i) => s.mean[i] !== null && s.mean[i]! < VANISHED_NORM);
      break;
    }
    default:
      break;
  }
  if (onset !== null && at !== null && onset > at) return at;
  return onset;
}

export interface Marker {
  /** Detection iteration (a vertical line). */
  at: number;
  /** Onset (a band from here to `at`), when known and earlier. */
  from: number | null;
  severity: 'error' | 'warning';
  label: string;
}

/**
 * Markers for a chart: findings about `layerIndex` (or, for the model-level chart, every
 * finding of the model) that have a detection iteration.
 */
export function markersFor(findings: readonly FindingView[], store: Store, modelId: number | null, layerIndex: number | null): Marker[] {
  const out: Marker[] = [];
  for (const f of findings) {
    if (f.modelId !== modelId || f.iteration === null) continue;
    if (layerIndex !== null && f.layer?.index !== layerIndex) continue;
    const onset = symptomOnset(f, store);
    out.push({ at: f.iteration, from: onset !== null && onset < f.iteration ? onset : null, severity: f.severity, label: f.symptom });
  }
  return out.sort((a, b) => (a.severity === b.severity ? a.at - b.at : a.severity === 'error' ? -1 : 1)).slice(0, 6);
}

/** Short axis / legend numbers: 3 significant digits, exponent form for very large or small. */
export function formatValue(v: number | null | undefined): string {
  if (v === null || v === undefined) return '–';
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return v.toExponential(a >= 1e5 ? 1 : 1).replace('e+', 'e').replace(/\.0e/, 'e');
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(3)));
}

/**
 * Tick labels for a linear axis: as many decimals as the tick spacing needs (so 1.095 / 1.1 /
 * 1.105 do not all read "1.1"), exponent form for very large or very small magnitudes.
 */
export function formatTicks(splits: readonly number[], incr: number): string[] {
  let mag = 0;
  for (const v of splits) if (Number.isFinite(v)) mag = Math.max(mag, Math.abs(v));
  const step = incr > 0 && Number.isFinite(incr) ? incr : mag || 1;
  if (mag >= 1e5 || (mag > 0 && mag < 1e-3)) {
    const d = Math.min(4, Math.max(0, Math.floor(Math.log10(mag)) - Math.floor(Math.log10(step) + 1e-9)));
    return splits.map((v) => (v === 0 ? '0' : v.toExponential(d).replace('e+', 'e')));
  }
  // The fewest decimals that write the step exactly (0.25 needs 2, 0.5 needs 1).
  let d = 0;
  while (d < 8 && Math.abs(Math.round(step * 10 ** d) / 10 ** d - step) > step * 1e-6) d++;
  return splits.map((v) => {
    const s = v.toFixed(d);
    return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
  });
}
