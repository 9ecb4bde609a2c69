/**
 * What a model was trained on, remembered for the data it is later scored or used on:
 *
 * - Rows scored after an earlier fit trained on them: a k-fold loop that builds the model once
 *   and fits it fold after fold scores each fold on rows the previous folds trained on, so every
 *   score after the first is inflated. Each row is kept as a 32-bit fingerprint of its values.
 * - Inputs on another scale than the training inputs: a model trained on standardized features
 *   and asked to predict on raw ones (the scaling forgotten at inference) answers nonsense
 *   however well it trained. Each input column's training mean and deviation is kept.
 *
 * Reading a tensor's values back does not change them; nothing here changes what the script does.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */

/** Datasets larger than this (elements) are not fingerprinted: reading them back would cost too much. */
const READ_LIMIT = 4_000_000;
/** Fewer rows than this say nothing about reuse. */
const MIN_ROWS = 20;
/**
 * Training rows must be this distinct for a repeat to mean reuse: data of a few discrete values
 * (three binary features) repeats its rows by nature.
 */
const MIN_DISTINCT_SHARE = 0.9;
/** Scored rows that an earlier fit trained on, and at most this share of them in the latest fit. */
const REUSED_SHARE = 0.5;
const LATEST_SHARE_AT_MOST = 0.1;
/** A column is off scale when its mean lies this many training deviations from the training mean, or its deviation is this many times narrower or wider. */
const OFF_SCALE_DEVIATIONS = 10;

export interface RowsRead {
  rows: number;
  columns: number;
  /** Empty when only the moments were read. */
  fingerprints: Uint32Array;
  /** Per column: mean and standard deviation. */
  means: Float64Array;
  stds: Float64Array;
}

/**
 * A float32 or int32 tensor of rank 2 or more, read back once (by `read`, which may hand back values
 * already read): one fingerprint per row, unless only the column moments are wanted, and the moments.
 */
export function readRows(tensor: any, read: (t: any) => ArrayLike<number> = (t) => t.dataSync(), fingerprinted = true): RowsRead | null {
  if (!tensor || typeof tensor.dataSync !== 'function' || tensor.isDisposed || !Array.isArray(tensor.shape)) return null;
  if (tensor.rank < 2 || (tensor.dtype !== 'float32' && tensor.dtype !== 'int32') || tensor.size > READ_LIMIT) return null;
  const rows = tensor.shape[0] as number;
  if (!(rows >= MIN_ROWS)) return null;
  const columns = tensor.size / rows;
  return rowsOf(read(tensor) as Float32Array | Int32Array, rows, columns, fingerprinted);
}

export function rowsOf(values: Float32Array | Int32Array, rows: number, columns: number, fingerprinted = true): RowsRead {
  const bits = new Uint32Array(values.buffer, values.byteOffset, values.length);
  const fingerprints = new Uint32Array(fingerprinted ? rows : 0);
  const means = new Float64Array(columns);
  const squares = new Float64Array(columns);
  for (let r = 0; r < rows; r++) {
    const base = r * columns;
    for (let c = 0; c < columns; c++) {
      const v = values[base + c]!;
      means[c] += v;
      squares[c] += v * v;
    }
    if (!fingerprinted) continue;
    // FNV-1a over the row's 32-bit words.
    let h = 0x811c9dc5;
    for (let c = 0; c < columns; c++) h = Math.imul(h ^ bits[base + c]!, 0x01000193) >>> 0;
    fingerprints[r] = h;
  }
  const stds = new Float64Array(columns);
  for (let c = 0; c < columns; c++) {
    means[c] /= rows;
    stds[c] = Math.sqrt(Math.max(0, squares[c]! / rows - means[c]! ** 2));
  }
  return { rows, columns, fingerprints, means, stds };
}

function shareIn(fingerprints: Uint32Array, set: Set<number>): number {
  let inside = 0;
  for (const f of fingerprints) if (set.has(f)) inside++;
  return inside / fingerprints.length;
}

export interface ReuseFound {
  /** Share of the scored rows an earlier fit trained on. */
  share: number;
  rows: number;
  /** fit calls before the latest one. */
  earlierFits: number;
}

/** The inputs' spread (mean over columns) at each fit of one model rose steadily: noise added to the stored rows in place. */
export interface DriftFound {
  fits: number;
  /** The mean column spread at the first fit and at the latest. */
  first: number;
  last: number;
  /** Of the fits after the first, how many raised the spread. */
  rises: number;
}

/** Fits in a row, the share of them that must raise the spread, and by how much in all. */
const DRIFT_FITS = 8;
const DRIFT_RISING_SHARE = 0.85;
const DRIFT_GROWTH = 1.25;

export interface OffScaleFound {
  columns: number;
  offColumns: number;
  /** The column furthest off: its index, training mean and deviation, and the mean it was given. */
  column: number;
  trainMean: number;
  trainStd: number;
  givenMean: number;
  givenStd: number;
}

/** Two columns or more, each with mean 0 and deviation 1 to float32's precision (or n - 1 against n). */
function standardizedExactly(means: Float64Array, stds: Float64Array): boolean {
  if (means.length < 2) return false;
  for (let c = 0; c < means.length; c++) if (!(Math.abs(means[c]!) < 1e-3 && Math.abs(stds[c]! - 1) < 0.01)) return false;
  return true;
}

/** One model's training data, fit call after fit call. */
export class TrainedRows {
  private earlier = new Set<number>();
  private latest: Set<number> | null = null;
  private earlierFits = 0;
  private columns: { means: Float64Array; stds: Float64Array; rows: number } | null = null;
  /** Every fit's rows were distinct enough to tell reuse from repeats. */
  private distinct = true;
  /** The mean column spread of each fit's inputs, in order. */
  private spreads: number[] = [];

  /** fit is about to train on these rows. */
  trainOn(read: RowsRead): void {
    const set = new Set(read.fingerprints);
    if (set.size < read.rows * MIN_DISTINCT_SHARE) this.distinct = false;
    if (this.latest) {
      for (const f of this.latest) this.earlier.add(f);
      this.earlierFits++;
    }
    this.latest = set;
    this.columns ??= { means: read.means, stds: read.stds, rows: read.rows };
    if (read.columns > 0 && read.columns === (this.columns.stds.length)) this.spreads.push(read.stds.reduce((a, b) => a + b, 0) / read.columns);
  }

  /**
   * Inputs whose spread rose at nearly every fit, and by a quarter or more in all: the same rows
   * given noise again at each fit, added to the stored values in place, drift away from the data.
   * Fresh noise on a copy keeps the spread where it was.
   */
  drift(): DriftFound | null {
    const s = this.spreads;
    if (s.length < DRIFT_FITS || !(s[0]! > 0)) return null;
    let rises = 0;
    for (let i = 1; i < s.length; i++) if (s[i]! > s[i - 1]!) rises++;
    const last = s[s.length - 1]!;
    if (rises < DRIFT_RISING_SHARE * (s.length - 1) || last < DRIFT_GROWTH * s[0]!) return null;
    return { fits: s.length, first: s[0]!, last, rises };
  }

  /**
   * Rows scored (evaluated, or given as validation data) that an earlier fit trained on and the
   * latest did not: what a model reused across folds is scored on. Rows the latest fit trained on
   * are the training data scored on purpose (a training accuracy), never this.
   */
  reusedRows(read: RowsRead): ReuseFound | null {
    if (!this.distinct || !this.latest || this.earlier.size === 0) return null;
    const share = shareIn(read.fingerprints, this.earlier);
    if (share < REUSED_SHARE || shareIn(read.fingerprints, this.latest) > LATEST_SHARE_AT_MOST) return null;
    return { share, rows: read.rows, earlierFits: this.earlierFits };
  }

  /**
   * Scored inputs centred exactly, as the first fit's were: each set standardized with its own
   * mean and deviation. Rows scaled with another set's statistics are centred only by chance.
   */
  scaledApart(read: RowsRead): { columns: number; rows: number; trainRows: number } | null {
    const train = this.columns;
    if (!train || train.means.length !== read.columns || read.rows === train.rows) return null;
    if (!standardizedExactly(train.means, train.stds) || !standardizedExactly(read.means, read.stds)) return null;
    return { columns: read.columns, rows: read.rows, trainRows: train.rows };
  }

  /** Inputs whose columns lie, for most of them, far outside what the first fit trained on. */
  offScale(read: RowsRead): OffScaleFound | null {
    const train = this.columns;
    if (!train || train.means.length !== read.columns || read.columns === 0) return null;
    let off = 0;
    let worst = -1;
    let worstBy = 0;
    for (let c = 0; c < read.columns; c++) {
      const std = train.stds[c]!;
      if (!(std > 0)) continue;
      // Off by its place (a mean many deviations away) or by its spread (ten times narrower or wider).
      const spread = read.stds[c]! > 0 ? Math.max(read.stds[c]! / std, std / read.stds[c]!) : 0;
      const by = Math.max(Math.abs(read.means[c]! - train.means[c]!) / std, spread >= OFF_SCALE_DEVIATIONS ? spread : 0);
      if (by >= OFF_SCALE_DEVIATIONS) off++;
      if (by > worstBy) [worst, worstBy] = [c, by];
    }
    if (worst < 0 || off * 2 < read.columns) return null;
    return { columns: read.columns, offColumns: off, column: worst, trainMean: train.means[worst]!, trainStd: train.stds[worst]!, givenMean: read.means[worst]!, givenStd: read.stds[worst]! };
  }
}
