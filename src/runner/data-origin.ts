/**
 * Where the tensors given to training were made. Outside training, the kernels a script runs and
 * the tensors it makes from arrays are noted with their unformatted stacks (formatted only for the
 * few a report names). When fit receives its data, each tensor's making is walked back through
 * the kernels that only select or reshape values (a batch cut, a column picked from a table) to
 * the line that made the values: a helper's `tf.tensor2d`, or the table a label column was taken
 * from. That line, not the declaration of the variable passed to fit, is where a fault in the data
 * is shown.
 */
import type { DataOrigin, SourceSite } from '../analysis/trace';
import { captureStack, userSiteFromStack, userSitesFromStack } from './sites';

interface Making {
  kernel: string;
  /** The tensor whose values a selection passes on (its `x`). */
  source: object | null;
  /** Every tensor input, for walking back through all of a value's making. */
  inputs: object[];
  /** A selection that drops columns (any axis but the first): where a part of a table was taken. */
  narrows: boolean;
  /** A slice or gather that keeps fewer rows than its source: [rows kept, rows of the source]. */
  rowCut: [number, number] | null;
  /** A mean over the last axis only, of an input with rows and columns. */
  rowMean: boolean;
  /** A mean over every axis of an input with rows and columns: one mean for all its columns. */
  wholeMean: boolean;
  /** A ClipByValue's [min, max]. */
  bounds?: [number, number];
  stack: { stack?: string };
}

/** Kernels that pass values on without computing new ones. */
const SELECTIONS = new Set(['Slice', 'StridedSlice', 'GatherV2', 'Reshape', 'Identity', 'Cast', 'Transpose', 'ExpandDims', 'Squeeze']);
/**
 * Noted makings in all: a script that keeps running tensor ops outside training stops being
 * noted. Each costs about 25 µs (mostly its stack), so this bounds the cost at about 40 ms per
 * run; data made one sample at a time past it falls back to where the source declares it.
 */
const MAKINGS_LIMIT = 1_500;
/** Tensors smaller than this (scalars, a few constants, one sample at a time) are not noted: training data is larger. */
const SMALLEST_NOTED = 64;
/**
 * Frames captured per making: enough to pass through tfjs (an op and its chained method, or a
 * tensor made from an array) to the user's line, and cheaper than the probe's usual depth.
 */
const MAKING_FRAMES = 16;
/** Makings visited when looking for the means in a value's making. */
const WALK_LIMIT = 400;

const makings = new WeakMap<object, Making>();
let noted = 0;

export function notingOrigins(): boolean {
  return noted < MAKINGS_LIMIT;
}

function isTensorLike(value: any): value is { shape: number[]; rank: number } {
  return !!value && typeof value === 'object' && Array.isArray(value.shape) && typeof value.dataSync === 'function';
}

/** The tensors among a kernel's inputs (a list input, as concat's, flattened). */
export function tensorInputs(inputs: any): object[] {
  if (!inputs || typeof inputs !== 'object') return [];
  const out: object[] = [];
  for (const value of Object.values(inputs)) {
    if (isTensorLike(value)) out.push(value);
    else if (Array.isArray(value)) for (const v of value) if (isTensorLike(v)) out.push(v);
  }
  return out;
}

function axesOf(axis: unknown, rank: number): number[] | null {
  const list = Array.isArray(axis) ? axis : typeof axis === 'number' ? [axis] : null;
  if (!list || !list.every((a) => typeof a === 'number')) return null;
  return list.map((a: number) => (a < 0 ? a + rank : a));
}

/** After a kernel ran outside training: `out` is its output (or outputs). */
export function noteKernel(kernel: unknown, inputs: any, attrs: any, out: any): void {
  if (typeof kernel !== 'string' || noted >= MAKINGS_LIMIT) return;
  const list = tensorInputs(inputs);
  const x = isTensorLike(inputs?.x) ? inputs.x : (list[0] ?? null);
  // A mean of data is noted however small it is: it is how the data was scaled. So is a selection
  // from noted data (a batch of 32 labels gathered from the label tensor).
  const ofData = !!x && ((kernel === 'Mean' && (x as any).size >= SMALLEST_NOTED) || (SELECTIONS.has(kernel) && makings.has(x)));
  const outs = (Array.isArray(out) ? out : [out]).filter((t) => isTensorLike(t) && ((t as any).size >= SMALLEST_NOTED || ofData));
  if (outs.length === 0) return;
  let narrows = false;
  let rowMean = false;
  let wholeMean = false;
  let rowCut: [number, number] | null = null;
  if (x && (kernel === 'Slice' || kernel === 'StridedSlice' || kernel === 'GatherV2')) {
    const shape = (x as any).shape as number[];
    const result = outs[0]!.shape;
    narrows = result.length === shape.length && shape.some((n, i) => i > 0 && result[i]! < n);
    if (result.length === shape.length && result[0]! < shape[0]!) rowCut = [result[0]!, shape[0]!];
  } else if (x && kernel === 'Mean') {
    const rank = (x as any).rank as number;
    const axes = axesOf(attrs?.axis, rank);
    rowMean = rank >= 2 && !!axes && axes.length === 1 && axes[0] === rank - 1;
    wholeMean = rank >= 2 && (attrs?.axis === null || attrs?.axis === undefined || (!!axes && new Set(axes).size === rank));
  }
  const making: Making = { kernel, source: x, inputs: list, narrows, rowCut, rowMean, wholeMean, stack: captureStack(undefined, MAKING_FRAMES) };
  if (kernel === 'ClipByValue' && typeof attrs?.clipValueMin === 'number' && typeof attrs?.clipValueMax === 'number') making.bounds = [attrs.clipValueMin, attrs.clipValueMax];
  noted++;
  for (const t of outs) makings.set(t, making);
}

/** The latest tensors made from arrays outside training, for tensors made alike (see madeAlike). */
const RECENT_KEPT = 32;
const recentlyMade: Array<WeakRef<object>> = [];

/** A tensor made from an array (tf.tensor2d and its kin) outside training. */
export function noteMadeTensor(t: any): void {
  if (noted >= MAKINGS_LIMIT || !isTensorLike(t) || (t as any).size < SMALLEST_NOTED) return;
  noted++;
  recentlyMade.push(new WeakRef(t));
  if (recentlyMade.length > RECENT_KEPT) recentlyMade.shift();
  makings.set(t, { kernel: 'tensor', source: null, inputs: [], narrows: false, rowCut: null, rowMean: false, wholeMean: false, stack: captureStack(undefined, MAKING_FRAMES) });
}

/** Tensors made from arrays outside training, still alive, of `t`'s shape and dtype (t itself left out): the latest first. */
export function madeAlike(t: any): any[] {
  const out: any[] = [];
  for (let i = recentlyMade.length - 1; i >= 0; i--) {
    const other = recentlyMade[i]!.deref() as any;
    if (!other || other === t || other.isDisposed || other.dtype !== t.dtype || other.shape.length !== t.shape.length || other.shape.some((n: number, k: number) => n !== t.shape[k])) continue;
    out.push(other);
  }
  return out;
}

/** The kernel that made `t` outside training and the user's line that ran it (a clip with its bounds); null when not seen. */
export function madeBy(t: object, probeFile: string): { kernel: string; site: SourceSite; bounds?: [number, number] } | null {
  const node = makings.get(t);
  const site = node ? userSiteFromStack(node.stack.stack, probeFile) : null;
  return node && site ? { kernel: node.kernel, site, ...(node.bounds ? { bounds: node.bounds } : {}) } : null;
}

/**
 * The line that made `t`'s rows from an array (tf.tensor2d(rows)), walking back through what was
 * computed from them on the way (scaled, one-hot encoded, cast): each step back follows the input
 * with as many rows. Null when that making was not seen.
 */
export function madeFromArray(t: object, probeFile: string): SourceSite | null {
  const rows = (t as any)?.shape?.[0];
  let node = makings.get(t);
  for (let hop = 0; node && hop < WALK_LIMIT; hop++) {
    if (node.kernel === 'tensor') return userSiteFromStack(node.stack.stack, probeFile);
    const next: object | undefined = node.inputs.find((i: any) => i?.shape?.[0] === rows && makings.has(i));
    node = next ? makings.get(next) : undefined;
  }
  return null;
}

/** The user's frames, innermost first, of the op that made `t`. */
export function madeAtSites(t: object, probeFile: string, most: number): SourceSite[] {
  const node = makings.get(t);
  return node ? userSitesFromStack(node.stack.stack, probeFile, most) : [];
}

/**
 * Where `t`'s values were made, or null when its making was not seen. A selection that dropped
 * columns on the way is where the tensor was taken from a larger table; without one, the kernel
 * that computed the values (or made the tensor from an array).
 */
export function dataOrigin(t: object, probeFile: string): DataOrigin | null {
  let node = makings.get(t);
  if (!node) return null;
  let picked: Making | null = null;
  // The first cut of rows on the way back: where these rows were taken from a larger set.
  let cut: Making | null = null;
  for (let hop = 0; SELECTIONS.has(node.kernel) && hop < 64; hop++) {
    if (node.narrows) picked = node;
    if (node.rowCut && !cut) cut = node;
    const next: Making | undefined = node.source ? makings.get(node.source) : undefined;
    if (!next) break;
    node = next;
  }
  const site = userSiteFromStack((picked ?? node).stack.stack, probeFile);
  if (!site) return null;
  const { rowMeans, wholeMeans } = meanSites(t, probeFile);
  const cutSite = cut ? userSiteFromStack(cut.stack.stack, probeFile) : null;
  const from = picked?.source && Array.isArray((picked.source as any).shape) ? ((picked.source as any).shape as number[]) : null;
  const made = (picked ?? node).kernel === 'tensor' ? null : madeFromArray(t, probeFile);
  return {
    site,
    kernel: (picked ?? node).kernel.slice(0, 32),
    ...(made && (made.line !== site.line || made.file !== site.file) ? { fromArray: made } : {}),
    ...(from && from.length <= 8 ? { narrowedFrom: from } : {}),
    ...(rowMeans.length ? { rowMeans } : {}),
    ...(wholeMeans.length ? { wholeMeans } : {}),
    ...(cut && cutSite ? { rowCut: { site: cutSite, rows: cut.rowCut![0], of: cut.rowCut![1] } } : {}),
  };
}

/**
 * The lines in `t`'s making that took a mean over each row (tf.moments(x, 1)) and over all values
 * (tf.moments(x)): at most four of each, one per line, found in one walk.
 */
function meanSites(t: object, probeFile: string): { rowMeans: SourceSite[]; wholeMeans: SourceSite[] } {
  const rowMeans: SourceSite[] = [];
  const wholeMeans: SourceSite[] = [];
  const add = (sites: SourceSite[], node: Making) => {
    const site = sites.length < 4 ? userSiteFromStack(node.stack.stack, probeFile) : null;
    if (site && !sites.some((s) => s.file === site.file && s.line === site.line)) sites.push(site);
  };
  const seen = new Set<Making>();
  const queue: object[] = [t];
  for (let next = 0; next < queue.length && seen.size < WALK_LIMIT; next++) {
    const node = makings.get(queue[next]!);
    if (!node || seen.has(node)) continue;
    seen.add(node);
    if (node.rowMean) add(rowMeans, node);
    if (node.wholeMean) add(wholeMeans, node);
    queue.push(...node.inputs);
  }
  return { rowMeans, wholeMeans };
}

/** Elements read back per tensor when looking for where NaN or Infinity first appeared. */
const NON_FINITE_READ = 4_000_000;

function holdsNonFinite(t: any): boolean | null {
  if (!isTensorLike(t) || (t as any).isDisposed || (t as any).size > NON_FINITE_READ || (t as any).dtype === 'string') return null;
  const values = (t as any).dataSync() as ArrayLike<number>;
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i]!)) return true;
  return false;
}

/**
 * For `t`, known to hold NaN or Infinity (its summary counted them): the first making on the way
 * back whose inputs were all finite, where they entered (a division by 0, or a tensor made from an
 * array holding NaN or undefined). Null when its making was not seen.
 */
export function nonFiniteOrigin(t: object, probeFile: string): { kernel: string; site: SourceSite; onlyNegativeInfinity?: true } | null {
  const first = makings.get(t);
  if (!first) return null;
  let node: Making = first;
  let made: object = t;
  for (let hop = 0; hop < 16; hop++) {
    const tainted: object | undefined = node.inputs.find((input) => holdsNonFinite(input) === true);
    const next: Making | undefined = tainted ? makings.get(tainted) : undefined;
    if (!next) break;
    node = next;
    made = tainted!;
  }
  const site = userSiteFromStack(node.stack.stack, probeFile);
  // An array whose only non-finite values are -Infinity: the log of 0 written into it.
  const logOfZero = node.kernel === 'tensor' && holdsOnlyNegativeInfinity(made);
  return site ? { kernel: node.kernel.slice(0, 32), site, ...(logOfZero ? { onlyNegativeInfinity: true as const } : {}) } : null;
}

/** Whether every non-finite value `t` holds is -Infinity (and it holds some). */
function holdsOnlyNegativeInfinity(t: any): boolean {
  if (!isTensorLike(t) || (t as any).isDisposed || (t as any).size > NON_FINITE_READ || (t as any).dtype === 'string') return false;
  const values = (t as any).dataSync() as ArrayLike<number>;
  let seen = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) continue;
    if (v !== -Infinity) return false;
    seen = true;
  }
  return seen;
}

