/**
 * Inputs and targets shuffled apart: `tf.util.shuffle(xs); tf.util.shuffle(ys);` gives each array
 * its own random order, so row i of the inputs no longer goes with row i of the targets and the
 * model is trained on labels that have nothing to do with its inputs.
 *
 * The watch records each tf.util.shuffle call on a data array (the first random draws it used and
 * the user's line). When `fit` starts, it looks for two arrays shuffled with different draws whose
 * current order is the order of fit's first input rows (or of one input column, for data held
 * column by column) and first target rows, from the same offset: that proves fit's data was built from those arrays after both shuffles. Values may
 * have been scaled on the way (`tf.tensor2d(xs).div(255)`, standardized columns, one-hot labels).
 * Nothing it does changes the arrays, the order or the random numbers the script draws.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { SourceSite } from '../analysis/trace';

/** Fewer rows than this are no dataset worth reporting. */
const MIN_ROWS = 8;
/** Random draws kept per call: two shuffles of the same array length agree on these only if seeded alike. */
const DRAWS_KEPT = 8;
/** Shuffle calls remembered (the latest per array). */
const MAX_CALLS = 32;
/** Rows of fit's data compared with the arrays, and the columns compared per row. */
const HEAD_ROWS = 6;
const HEAD_COLUMNS = 32;
/** Arrays longer than this are not searched for fit's rows. */
const MAX_SEARCH_ROWS = 1_000_000;

interface ShuffleCall {
  array: WeakRef<object>;
  length: number;
  site: SourceSite | null;
  draws: number[];
}

/** Calls of one line of the script (a per-sample shuffle runs it once per sample). */
interface SiteCalls {
  site: SourceSite;
  calls: number;
  /** The first array it shuffled. */
  first: WeakRef<object>;
}

/** Fewer calls of one line than this are no per-sample shuffle. */
const MIN_SAMPLE_CALLS = 16;

/** One line that shuffled many arrays, the first of which became a sample (a row) of fit's inputs. */
export interface ShuffledInsideSamples {
  site: SourceSite;
  calls: number;
  /** Length of the first shuffled array: the sample's timesteps or features. */
  length: number;
}

/** A series (one array of numbers) shuffled, then cut into the windows training reads. */
export interface ShuffledSeries {
  site: SourceSite | null;
  length: number;
  /** Values per window, and the step from one window's start to the next. */
  window: number;
  stride: number;
}

export interface ShuffledApart {
  inputs: SourceSite | null;
  targets: SourceSite | null;
  /** Which call came first in the script. */
  inputsFirst: boolean;
  rows: number;
}

/** The first rows of a data tensor, row-major, with `columns` values per row. */
export interface Head {
  rows: number;
  columns: number;
  values: ArrayLike<number>;
}

export class ShuffleWatch {
  private readonly calls: ShuffleCall[] = [];
  /** Arrays of numbers sorted or reversed in place (Array.prototype.sort, reverse), with the line: the latest few. */
  private readonly sorts: Array<{ array: WeakRef<object>; site: SourceSite | null; method: 'sort' | 'reverse' }> = [];

  /** An array of numbers sorted (or reversed) in place by the script (at least MIN_ROWS of them). */
  noteSort(array: any, site: SourceSite | null, method: 'sort' | 'reverse' = 'sort'): void {
    if (!Array.isArray(array) || array.length < MIN_ROWS || typeof array[0] !== 'number') return;
    remember(this.sorts, { array: new WeakRef(array), site, method });
  }

  /**
   * Targets read from an array the script sorted in place (`ys.sort(...)` to take a median): their
   * first rows are the sorted array's, while the inputs stay in their own order. The sort's line,
   * and whether it sorted or reversed.
   */
  findSortedTargets(x: Head, y: Head): { site: SourceSite | null; method: 'sort' | 'reverse' } | null {
    const rows = Math.min(x.rows, y.rows, HEAD_ROWS);
    for (const s of this.sorts) {
      const array = s.array.deref() as number[] | undefined;
      if (!array || !rowsMatch(array, 0, y, rows)) continue;
      // Inputs sorted along (rows of the same sorted order) are no mismatch: they match a sorted array too.
      if (this.sorts.some((o) => o !== s && o.array.deref() && rowsMatch(o.array.deref() as ArrayLike<unknown>, 0, x, rows))) continue;
      return { site: s.site, method: s.method };
    }
    return null;
  }
  private readonly sites = new Map<string, SiteCalls>();

  /**
   * Wraps `util.shuffle`. `ignore()` is true while tfjs itself shuffles (fit's batch order); `site()`
   * names the user's line of the call.
   */
  hook(util: any, ignore: () => boolean, site: () => SourceSite | null): void {
    const original = util?.shuffle;
    if (typeof original !== 'function' || original.faultlineShuffle) return;
    const watch = this;
    const wrapped = function (this: unknown, ...args: any[]) {
      const array = args[0];
      if (ignore() || !isDataArray(array)) return original.apply(this, args);
      const random = Math.random;
      const draws: number[] = [];
      // The draws are passed through unchanged: only the first few are kept, to tell two shuffles apart.
      // Once enough are kept, Math.random is given back at once, so the rest of the shuffle runs as without the watch.
      Math.random = function (this: unknown) {
        const v = random.call(Math);
        draws.push(v);
        if (draws.length >= DRAWS_KEPT) Math.random = random;
        return v;
      };
      try {
        return original.apply(this, args);
      } finally {
        Math.random = random;
        try {
          watch.note(array, draws, site());
        } catch {
          /* the watch only reports */
        }
      }
    };
    Object.defineProperty(wrapped, 'name', { value: original.name || 'shuffle' });
    (wrapped as any).faultlineShuffle = true;
    try {
      util.shuffle = wrapped;
    } catch {
      /* read-only: nothing is watched */
    }
  }

  note(array: any, draws: number[], site: SourceSite | null): void {
    if (isIndexPermutation(array)) return;
    remember(this.calls, { array: new WeakRef(array), length: array.length, site, draws });
    if (site) {
      const key = `${site.file}:${site.line}:${site.column}`;
      const seen = this.sites.get(key);
      if (seen) seen.calls++;
      else if (this.sites.size < MAX_CALLS) this.sites.set(key, { site, calls: 1, first: new WeakRef(array) });
    }
  }

  /** Some pair find() would search exists (two live arrays of one length, shuffled with different draws), or a line shuffled many arrays. */
  hasCandidates(): boolean {
    return this.sorts.length > 0 || this.calls.some((c) => c.length >= MIN_ROWS && isMeasuredSeries(c.array.deref())) || !this.pairs().next().done || [...this.sites.values()].some((s) => s.calls >= MIN_SAMPLE_CALLS);
  }

  /**
   * A series shuffled before it was cut into windows (`tf.util.shuffle(series)` and then
   * `series.slice(i, i + w)` for each window): the first two input rows are, value for value,
   * windows of one shuffled array of numbers, a stride apart. Windows of a shuffled series hold
   * values from random times, so nothing in them tells the next value.
   */
  findShuffledSeries(x: Head): ShuffledSeries | null {
    if (x.rows < 2 || x.columns < 2) return null;
    const [first, second] = [headRow(x, 0), headRow(x, 1)];
    for (const c of this.calls) {
      const array = c.array.deref() as ArrayLike<unknown> | undefined;
      if (!array || array.length !== c.length || !isMeasuredSeries(array) || array.length > MAX_SEARCH_ROWS || array.length < 2 * x.columns) continue;
      const values = array as ArrayLike<number>;
      const at = (start: number, wanted: number[]) => {
        const u: number[] = [];
        for (let j = 0; j < wanted.length; j++) u.push(values[start + j]!);
        return affine(u, wanted) === 'varying';
      };
      for (let o = 0; o + x.columns <= values.length; o++) {
        if (!at(o, first)) continue;
        for (let stride = 1; stride <= x.columns && o + stride + x.columns <= values.length; stride++) {
          if (at(o + stride, second)) return { site: c.site, length: values.length, window: x.columns, stride };
        }
      }
    }
    return null;
  }

  /**
   * A line that shuffled many arrays (one per sample: `samples.forEach((s) => tf.util.shuffle(s.steps))`),
   * the first of which is, value for value, one of fit's first input rows: each sample's own
   * timesteps or features were put out of order.
   */
  findInsideSamples(x: Head): ShuffledInsideSamples | null {
    for (const s of this.sites.values()) {
      const array = s.calls >= MIN_SAMPLE_CALLS ? (s.first.deref() as ArrayLike<unknown> | undefined) : undefined;
      if (!array) continue;
      // Every number of the array, and no more: one whole sample.
      const flat = flatten(array, x.columns + 1);
      if (!flat || flat.length !== x.columns) continue;
      for (let r = 0; r < x.rows; r++) {
        if (affine(flat, headRow(x, r)) === 'varying') return { site: s.site, calls: s.calls, length: array.length };
      }
    }
    return null;
  }

  /** Two arrays, shuffled apart, that fit's first input rows and target rows were read from. */
  find(x: Head, y: Head): ShuffledApart | null {
    const rows = Math.min(x.rows, y.rows, HEAD_ROWS);
    for (const [a, b] of this.pairs()) {
      for (let offset = 0; offset + rows <= a.c.length; offset++) {
        if ((rowsMatch(a.array, offset, x, rows) || columnMatch(a.array, offset, x, rows)) && rowsMatch(b.array, offset, y, rows)) {
          return { inputs: a.c.site, targets: b.c.site, inputsFirst: a.order < b.order, rows: a.c.length };
        }
      }
    }
    return null;
  }

  /** Ordered pairs of arrays still alive and unchanged in length, of one length, shuffled with different draws. */
  private *pairs(): Generator<[LiveCall, LiveCall]> {
    const live = this.calls
      .map((c, order) => ({ c, order, array: c.array.deref() as any }))
      .filter((e): e is LiveCall => e.array !== undefined && e.array.length === e.c.length && e.c.length <= MAX_SEARCH_ROWS);
    for (const a of live) {
      for (const b of live) {
        if (a !== b && a.array !== b.array && a.c.length === b.c.length && !sameDraws(a.c.draws, b.c.draws)) yield [a, b];
      }
    }
  }
}

interface LiveCall {
  c: ShuffleCall;
  /** Its place among the calls, oldest first. */
  order: number;
  array: any;
}

/** Rows of data: an array (or typed array) of at least MIN_ROWS numbers or numeric rows. */
function isDataArray(array: any): boolean {
  if (!(Array.isArray(array) || ArrayBuffer.isView(array)) || (array as ArrayLike<unknown>).length < MIN_ROWS) return false;
  const first = (array as ArrayLike<unknown>)[0];
  return typeof first === 'number' || Array.isArray(first) || ArrayBuffer.isView(first);
}

/** Adds a note on an array to a list kept to the latest MAX_CALLS, after dropping an older note on the same array. */
function remember<T extends { array: WeakRef<object> }>(list: T[], entry: T): void {
  const i = list.findIndex((e) => e.array.deref() === entry.array.deref());
  if (i >= 0) list.splice(i, 1);
  list.push(entry);
  if (list.length > MAX_CALLS) list.shift();
}

/** Row `r` of a head, as numbers. */
function headRow(head: Head, r: number): number[] {
  return Array.from({ length: head.columns }, (_, j) => head.values[r * head.columns + j]!);
}

/** An array of numbers with fractions among its first values: measurements (a series), not labels or indices. */
function isMeasuredSeries(array: any): boolean {
  if (!array || typeof array[0] !== 'number') return false;
  for (let i = 0; i < Math.min(array.length, 16); i++) if (!Number.isInteger(array[i])) return true;
  return false;
}

/** A shuffled list of row indices 0..n-1: shuffling it apart from anything is how batches are drawn. */
function isIndexPermutation(array: ArrayLike<unknown>): boolean {
  const n = array.length;
  const seen = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = array[i];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= n || seen[v]) return false;
    seen[v] = 1;
  }
  return true;
}

function sameDraws(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** The first `count` numbers of an array element (a number, or a possibly nested numeric row). */
function flatten(element: unknown, count: number): number[] | null {
  const out: number[] = [];
  const walk = (v: unknown): boolean => {
    if (out.length >= count) return true;
    if (typeof v === 'number') {
      out.push(v);
      return true;
    }
    if (Array.isArray(v) || ArrayBuffer.isView(v)) {
      const list = v as ArrayLike<unknown>;
      for (let i = 0; i < list.length && out.length < count; i++) if (!walk(list[i])) return false;
      return true;
    }
    return false;
  };
  return walk(element) ? out : null;
}

/**
 * Rows `offset..offset+rows-1` of the array are the head's rows, up to a scaling per column
 * (v = a·u + b, a ≠ 0: divided by 255, standardized) or one-hot encoding of class indices. At least
 * one compared column must vary over the rows, so constant columns alone prove nothing.
 */
function rowsMatch(array: ArrayLike<unknown>, offset: number, head: Head, rows: number): boolean {
  if (!firstColumnMatches(array, offset, head, rows)) return false;
  const columns = Math.min(head.columns, HEAD_COLUMNS);
  const source: number[][] = [];
  for (let r = 0; r < rows; r++) {
    const flat = flatten(array[offset + r], columns);
    if (!flat) return false;
    source.push(flat);
  }
  const width = source[0]!.length;
  if (source.some((s) => s.length !== width)) return false;
  if (width === 1 && head.columns > 1) return oneHotMatch(source, head, rows);
  if (width !== columns) return false;
  let varying = 0;
  for (let j = 0; j < columns; j++) {
    const u = source.map((s) => s[j]!);
    const v = source.map((_, r) => head.values[r * head.columns + j]!);
    const fit = affine(u, v);
    if (fit === 'mismatch') return false;
    if (fit === 'varying') varying++;
  }
  return varying > 0;
}

/**
 * Data held column by column (`{ age: [...], income: [...] }`): the array is one column of the
 * inputs, rows `offset..offset+rows-1` of it one of the head's columns up to a scaling.
 */
function columnMatch(array: ArrayLike<unknown>, offset: number, head: Head, rows: number): boolean {
  if (head.columns < 2) return false;
  const u: number[] = [];
  for (let r = 0; r < rows; r++) {
    const v = array[offset + r];
    if (typeof v !== 'number') return false;
    u.push(v);
  }
  for (let j = 0; j < Math.min(head.columns, HEAD_COLUMNS); j++) {
    if (affine(u, u.map((_, r) => head.values[r * head.columns + j]!)) === 'varying') return true;
  }
  return false;
}

/** The first number of an element (a number, or the first of a possibly nested numeric row). */
function firstNumber(element: unknown): number | null {
  let v = element;
  while (Array.isArray(v) || ArrayBuffer.isView(v)) {
    const list = v as ArrayLike<unknown>;
    if (list.length === 0) return null;
    v = list[0];
  }
  return typeof v === 'number' ? v : null;
}

/** The cheap part of rowsMatch, checked first at every offset: the rows' first values alone. */
function firstColumnMatches(array: ArrayLike<unknown>, offset: number, head: Head, rows: number): boolean {
  const u: number[] = [];
  const v: number[] = [];
  for (let r = 0; r < rows; r++) {
    const element = array[offset + r];
    const first = firstNumber(element);
    if (first === null) return false;
    // A class index against a one-hot row: the row holds 1 at that index.
    if (typeof element === 'number' && head.columns > 1) {
      if (head.values[r * head.columns + first] !== 1) return false;
      continue;
    }
    u.push(first);
    v.push(head.values[r * head.columns]!);
  }
  return u.length === 0 || affine(u, v) !== 'mismatch';
}

/** Class indices against one-hot rows: each row's 1 sits in the column its index names. */
function oneHotMatch(source: number[][], head: Head, rows: number): boolean {
  const classes = new Set<number>();
  for (let r = 0; r < rows; r++) {
    const c = source[r]![0]!;
    if (!Number.isInteger(c) || c < 0 || c >= head.columns) return false;
    for (let j = 0; j < head.columns; j++) {
      if (head.values[r * head.columns + j] !== (j === c ? 1 : 0)) return false;
    }
    classes.add(c);
  }
  return classes.size > 1;
}

/** Whether v = a·u + b (a ≠ 0) holds for every pair; 'constant' when u and v never change. */
function affine(u: number[], v: number[]): 'varying' | 'constant' | 'mismatch' {
  // The two rows farthest apart in u fix a and b; every other row must agree.
  let p = 0;
  let q = 0;
  for (let i = 1; i < u.length; i++) {
    if (u[i]! < u[p]!) p = i;
    if (u[i]! > u[q]!) q = i;
  }
  const du = u[q]! - u[p]!;
  if (!Number.isFinite(du)) return 'mismatch';
  if (du === 0) return v.every((x) => close(x, v[0]!)) ? 'constant' : 'mismatch';
  const a = (v[q]! - v[p]!) / du;
  if (!Number.isFinite(a) || a === 0) return 'mismatch';
  const b = v[p]! - a * u[p]!;
  return u.every((x, i) => close(a * x + b, v[i]!)) ? 'varying' : 'mismatch';
}

/** Equal as float32 values through a little arithmetic. */
function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-4 * Math.max(1, Math.abs(a), Math.abs(b));
}
