/**
 * Keeping the webview's copy of the series in step with the host's without resending them.
 *
 * A `TraceSeries` point only changes while it is the last (open) one, or when the whole series is
 * halved (its stride doubles). So the host remembers, per series, how many points it sent, at
 * which stride, and the last point's values; the next patch resends from the last sent point on,
 * or everything after a halving. Pure functions, used by both sides.
 */
import type { SeriesData, SeriesPatch } from './messages';

export const LAYER_FIELDS = ['outMean', 'outStd', 'gradNorm', 'deadFrac', 'saturatedFrac'] as const;
export type LayerField = (typeof LAYER_FIELDS)[number];

export const seriesKey = {
  loss: 'loss',
  learningRate: 'learningRate',
  gradNorm: 'gradNorm',
  metric: (name: string) => `metric:${name}`,
  layer: (index: number, field: LayerField) => `layer:${index}:${field}`,
};

/** The layer index of a `layer:<i>:<field>` key, else null. */
export function layerOfKey(key: string): number | null {
  const m = /^layer:(\d+):/.exec(key);
  return m ? Number(m[1]) : null;
}

export interface SentMark {
  len: number;
  stride: number;
  last: string;
}

function lastPoint(s: SeriesData): string {
  const i = s.x.length - 1;
  return i < 0 ? '' : `${s.x[i]}|${s.mean[i]}|${s.min[i]}|${s.max[i]}|${s.nonFinite[i]}`;
}

function slice(key: string, s: SeriesData, from: number): SeriesPatch {
  return {
    key,
    from,
    stride: s.stride,
    x: s.x.slice(from),
    mean: s.mean.slice(from),
    min: s.min.slice(from),
    max: s.max.slice(from),
    nonFinite: s.nonFinite.slice(from),
  };
}

/** The whole series as a patch (what a snapshot carries). */
export function fullPatch(key: string, s: SeriesData): SeriesPatch {
  return slice(key, s, 0);
}

/**
 * The patch that brings a receiver holding what `sent` records up to `s`, or null when nothing
 * changed. Records what it returns in `sent`.
 */
export function diffSeries(key: string, s: SeriesData, sent: Map<string, SentMark>): SeriesPatch | null {
  const prev = sent.get(key);
  const mark: SentMark = { len: s.x.length, stride: s.stride, last: lastPoint(s) };
  let from = 0;
  if (prev && prev.stride === s.stride && prev.len <= s.x.length) {
    if (prev.len === s.x.length && prev.last === mark.last) return null;
    from = Math.max(0, prev.len - 1);
  }
  sent.set(key, mark);
  return slice(key, s, from);
}

/** Records that a full copy of `s` was sent (as part of a snapshot). */
export function markSent(key: string, s: SeriesData, sent: Map<string, SentMark>): void {
  sent.set(key, { len: s.x.length, stride: s.stride, last: lastPoint(s) });
}

/**
 * Applies a patch to the receiver's copy. Returns false when the copy cannot take it (it missed
 * a message or the patch is malformed): the receiver should then ask for a snapshot.
 */
export function applyPatch(store: Map<string, SeriesData>, p: SeriesPatch): boolean {
  const n = p.x.length;
  if (p.mean.length !== n || p.min.length !== n || p.max.length !== n || p.nonFinite.length !== n) return false;
  if (p.from === 0) {
    store.set(p.key, { x: p.x, mean: p.mean, min: p.min, max: p.max, nonFinite: p.nonFinite, stride: p.stride });
    return true;
  }
  const cur = store.get(p.key);
  if (!cur || cur.stride !== p.stride || cur.x.length < p.from) return false;
  cur.x.length = p.from;
  cur.mean.length = p.from;
  cur.min.length = p.from;
  cur.max.length = p.from;
  cur.nonFinite.length = p.from;
  for (let i = 0; i < n; i++) {
    cur.x.push(p.x[i]!);
    cur.mean.push(p.mean[i]!);
    cur.min.push(p.min[i]!);
    cur.max.push(p.max[i]!);
    cur.nonFinite.push(p.nonFinite[i]!);
  }
  return true;
}

/**
 * A coarser copy with at most `maxPoints` points, for the webview's saved state (which must stay
 * small): groups of consecutive points are merged like `TraceSeries` merges raw values.
 * The merged mean is the mean of the group's means (their raw counts are not known here).
 */
export function compactSeries(s: SeriesData, maxPoints: number): SeriesData {
  const n = s.x.length;
  if (n <= maxPoints || maxPoints < 1) return s;
  const k = Math.ceil(n / maxPoints);
  const out: SeriesData = { x: [], mean: [], min: [], max: [], nonFinite: [], stride: s.stride * k };
  for (let a = 0; a < n; a += k) {
    const b = Math.min(n, a + k);
    let sum = 0;
    let cnt = 0;
    let lo = Infinity;
    let hi = -Infinity;
    let nf = 0;
    for (let i = a; i < b; i++) {
      const m = s.mean[i];
      if (m !== null && m !== undefined) {
        sum += m;
        cnt++;
      }
      const mn = s.min[i];
      const mx = s.max[i];
      if (mn !== null && mn !== undefined) lo = Math.min(lo, mn);
      if (mx !== null && mx !== undefined) hi = Math.max(hi, mx);
      nf += s.nonFinite[i] ?? 0;
    }
    out.x.push(s.x[b - 1]!);
    out.mean.push(cnt ? sum / cnt : null);
    out.min.push(lo === Infinity ? null : lo);
    out.max.push(hi === -Infinity ? null : hi);
    out.nonFinite.push(nf);
  }
  return out;
}
