/**
 * Statistics of tensor values read back to JavaScript, each in a single pass. On detailed steps
 * the probe reads a layer's outputs, weights and gradients in one or a few read-backs and
 * summarises them here: one loop over plain numbers costs far less than the two dozen tfjs ops
 * (each a kernel dispatch and a full-size temporary) the same statistics would take on device.
 * Sums are accumulated in double precision.
 */
import type { GradStats, NeighbourTargets, OutputStats, ScaleGroups, TensorSummary, WeightStats, ZerosApart } from '../analysis/trace';

export type ActivationKind = 'sigmoid' | 'tanh' | 'other';

type Values = ArrayLike<number>;

function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** The widest gap between two groups of values, in decades, that counts as two groups. */
const GROUP_GAP_DECADES = 0.5;
/** Each group holds at least this share of the values. */
const GROUP_SHARE = 0.1;

/**
 * Positive values (at least 95% of them, and 50 or more) split at the widest gap between
 * consecutive sorted values on a log10 scale, when that gap is half a decade or more and leaves a
 * tenth of the values or more on each side: each side's count, range, median and log10 spread.
 */
export function scaleGroups(values: Values): ScaleGroups | null {
  const logs: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) return null;
    if (v > 0) logs.push(Math.log10(v));
  }
  if (logs.length < 50 || logs.length < 0.95 * values.length) return null;
  logs.sort((a, b) => a - b);
  const lowest = Math.ceil(GROUP_SHARE * logs.length);
  let cut = -1;
  let widest = GROUP_GAP_DECADES;
  for (let i = lowest; i <= logs.length - lowest; i++) {
    const gap = logs[i]! - logs[i - 1]!;
    if (gap >= widest) {
      widest = gap;
      cut = i;
    }
  }
  if (cut < 0) return null;
  const group = (from: number, to: number) => {
    const q = (p: number) => logs[from + Math.min(to - from - 1, Math.floor(p * (to - from)))]!;
    return { count: to - from, min: 10 ** logs[from]!, max: 10 ** logs[to - 1]!, median: 10 ** q(0.5), logSpread: q(0.75) - q(0.25) };
  };
  return { lower: group(0, cut), upper: group(cut, logs.length) };
}

/** Of the values, at least this share must be exactly 0, and the nearest other at least this share of the others' median. */
const ZERO_SHARE = 0.05;
const ZERO_GAP = 0.2;

/**
 * Values of which a twentieth or more are exactly 0, while every other has one sign and the one
 * nearest 0 is at least a fifth of their median: the 0s stand apart from the rest. Whole numbers
 * (counts) are left out: 0 is one step below 1 there.
 */
export function zerosApart(values: Values): ZerosApart | null {
  const others: number[] = [];
  let zeros = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) return null;
    if (v === 0) zeros++;
    else others.push(v);
  }
  if (values.length < 50 || zeros < ZERO_SHARE * values.length || others.length < values.length / 2) return null;
  const positive = others[0]! > 0;
  // Counts (whole numbers) have 0 as a value like any other, one step below 1.
  if (!others.every((v) => v > 0 === positive) || others.every(Number.isInteger)) return null;
  const sizes = others.map(Math.abs).sort((a, b) => a - b);
  const median = sizes[Math.floor(sizes.length / 2)]!;
  if (sizes[0]! < ZERO_GAP * median) return null;
  const sign = positive ? 1 : -1;
  return { zeros, count: values.length, nearest: sign * sizes[0]!, median: sign * median, farthest: sign * sizes[sizes.length - 1]! };
}

/**
 * A layer's output. `units` is the size of the last axis when the output has a batch axis, so
 * that per-unit statistics (dead and constant units) are taken across the batch.
 */
export function outputStats(values: Values, units: number | null, kind: ActivationKind): OutputStats {
  const n = values.length;
  let finiteCount = 0;
  let sum = 0;
  let sumSq = 0;
  let min = Infinity;
  let max = -Infinity;
  let nan = 0;
  let inf = 0;
  let zero = 0;
  let nonPos = 0;
  let saturated = 0;
  const perUnit = units !== null && units > 0 && n >= units && n % units === 0;
  const width = perUnit ? units! : 1;
  const unitMax = perUnit ? new Float64Array(width).fill(-Infinity) : null;
  // Per-unit variance from sums shifted by the unit's first value: exact zero for constant units.
  const shift = perUnit ? new Float64Array(width) : null;
  const shiftedSum = perUnit ? new Float64Array(width) : null;
  const shiftedSumSq = perUnit ? new Float64Array(width) : null;
  let unit = 0;
  for (let i = 0; i < n; i++) {
    const raw = values[i];
    let v = raw;
    if (raw === raw && raw !== Infinity && raw !== -Infinity) {
      finiteCount++;
      sum += raw;
      sumSq += raw * raw;
      if (raw < min) min = raw;
      if (raw > max) max = raw;
      if (raw === 0) zero++;
      if (raw <= 0) nonPos++;
    } else {
      if (raw !== raw) nan++;
      else {
        inf++;
        if (raw < 0) nonPos++;
      }
      v = 0;
    }
    if (kind === 'sigmoid') {
      if (Math.abs(v - 0.5) > 0.4933) saturated++;
    } else if (kind === 'tanh') {
      if (Math.abs(v) > 0.9999) saturated++;
    }
    if (perUnit) {
      if (v > unitMax![unit]) unitMax![unit] = v;
      if (i < width) shift![unit] = v;
      const d = v - shift![unit];
      shiftedSum![unit] += d;
      shiftedSumSq![unit] += d * d;
      if (++unit === width) unit = 0;
    }
  }
  let deadUnitFrac: number | null = null;
  let constantUnitFrac: number | null = null;
  if (perUnit) {
    const rows = n / width;
    let dead = 0;
    let constant = 0;
    for (let u = 0; u < width; u++) {
      if (unitMax![u] <= 0) dead++;
      const meanShifted = shiftedSum![u] / rows;
      const variance = Math.max(0, shiftedSumSq![u] / rows - meanShifted * meanShifted);
      const unitMean = shift![u] + meanShifted;
      if (Math.sqrt(variance) <= Math.abs(unitMean) * 1e-5 + 1e-7) constant++;
    }
    deadUnitFrac = dead / width;
    constantUnitFrac = rows > 1 ? constant / width : null;
  }
  const allFinite = nan === 0 && inf === 0;
  const denominator = Math.max(finiteCount, 1);
  const mean = sum / denominator;
  return {
    count: n,
    mean: finiteCount > 0 ? finiteOrNull(mean) : n === 0 ? null : 0,
    std: allFinite && n > 0 ? finiteOrNull(Math.sqrt(Math.max(0, sumSq / denominator - mean * mean))) : null,
    min: allFinite && n > 0 ? finiteOrNull(min) : null,
    max: allFinite && n > 0 ? finiteOrNull(max) : null,
    nanCount: nan,
    infCount: inf,
    zeroFrac: n > 0 ? zero / n : null,
    nonPosFrac: n > 0 ? nonPos / n : null,
    saturatedFrac: kind === 'other' || n === 0 ? null : saturated / n,
    deadUnitFrac,
    constantUnitFrac,
  };
}

interface Moments {
  n: number;
  finite: number;
  sum: number;
  sumSq: number;
  sumAbs: number;
  absMax: number;
  min: number;
  max: number;
  nan: number;
  inf: number;
}

/** Sums over the finite values, their extremes, and the non-finite counts, in one pass. */
function moments(values: Values): Moments {
  const m: Moments = { n: values.length, finite: 0, sum: 0, sumSq: 0, sumAbs: 0, absMax: 0, min: Infinity, max: -Infinity, nan: 0, inf: 0 };
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) m.nan++;
    else if (v === Infinity || v === -Infinity) m.inf++;
    else {
      m.finite++;
      m.sum += v;
      m.sumSq += v * v;
      const a = v < 0 ? -v : v;
      m.sumAbs += a;
      if (a > m.absMax) m.absMax = a;
      if (v < m.min) m.min = v;
      if (v > m.max) m.max = v;
    }
  }
  return m;
}

/** A weight tensor; non-finite entries count as zero in the moments and are counted apart. */
export function weightStats(values: Values, name: string): WeightStats {
  const m = moments(values);
  const mean = m.n > 0 ? m.sum / m.n : 0;
  const meanSq = m.n > 0 ? m.sumSq / m.n : 0;
  return {
    name: name.slice(0, 256),
    mean: finiteOrNull(mean),
    std: finiteOrNull(Math.sqrt(Math.max(0, meanSq - mean * mean))),
    norm: finiteOrNull(Math.sqrt(m.sumSq)),
    absMax: finiteOrNull(m.absMax),
    nanCount: m.nan,
    infCount: m.inf,
  };
}

/** A gradient tensor: its norm over finite entries, mean magnitude and non-finite counts. */
export function gradStats(values: Values, name: string): GradStats {
  const m = moments(values);
  return {
    name: name.slice(0, 256),
    norm: finiteOrNull(Math.sqrt(m.sumSq)),
    meanAbs: m.n > 0 ? finiteOrNull(m.sumAbs / m.n) : null,
    nanCount: m.nan,
    infCount: m.inf,
  };
}

const DISTINCT_LIMIT = 32;

/**
 * Whether every row (first axis) of an input holds the same values as the first: a data-building
 * loop that pushed one array object again and again. Null with fewer than 2 rows. Stops at the
 * first row that differs, so ordinary data costs one row's comparison.
 */
function identicalRows(values: Values, shape: readonly number[]): boolean | null {
  const rows = shape[0];
  if (shape.length < 2 || !rows || rows < 2 || values.length % rows !== 0) return null;
  const width = values.length / rows;
  for (let r = 1; r < rows; r++) {
    for (let c = 0; c < width; c++) if (values[r * width + c] !== values[c]) return false;
  }
  return true;
}

/** Values read for the columns' spreads at most (whole rows at an even stride): enough to tell spreads a thousandfold apart. */
const SPREAD_VALUES = 262_144;

/** Each column's mean and standard deviation, for 2-D inputs of 2 to 1,024 columns (finite values only). */
function columnMoments(values: Values, shape: readonly number[]): { centres: number[]; spreads: number[] } | null {
  if (shape.length !== 2) return null;
  const [rows, width] = shape as [number, number];
  if (!(rows > 1 && width >= 2 && width <= 1024)) return null;
  const sum = new Float64Array(width);
  const sumSq = new Float64Array(width);
  const count = new Float64Array(width);
  const stride = Math.max(1, Math.ceil(rows / Math.max(64, Math.floor(SPREAD_VALUES / width))));
  for (let r = 0; r < rows; r += stride) {
    const base = r * width;
    for (let c = 0; c < width; c++) {
      const v = values[base + c]!;
      if (!Number.isFinite(v)) continue;
      sum[c] += v;
      sumSq[c] += v * v;
      count[c]++;
    }
  }
  const centres = Array.from(sum, (s, c) => (count[c]! > 0 ? s / count[c]! : 0));
  const spreads = centres.map((m, c) => (count[c]! > 0 ? Math.sqrt(Math.max(0, sumSq[c]! / count[c]! - m * m)) : 0));
  return { centres, spreads };
}

/** Columns of a table that are copies of an earlier one need this many distinct values to count: binary flags coincide by nature. */
const COPY_DISTINCT = 10;

/** Tables wider than this are left alone: a flattened image upscaled from fewer pixels repeats its columns by design. */
const COPY_WIDTH = 48;

/**
 * Columns of a table (rank 2, up to COPY_WIDTH columns, 20 rows or more) identical in every row to an
 * earlier column and holding at least COPY_DISTINCT values: groups of such column indices, the
 * first column of each group first. A feature row built with one field written in place of others
 * (`[r.age, r.age, r.age, r.income]`) repeats that column.
 */
function copiedColumns(values: Values, shape: readonly number[]): number[][] {
  if (shape.length !== 2) return [];
  const [rows, width] = shape as [number, number];
  if (!(rows >= 20 && width >= 2 && width <= COPY_WIDTH) || rows * width !== values.length) return [];
  const hashes = new Uint32Array(width).fill(0x811c9dc5);
  const bits = ArrayBuffer.isView(values) && (values as Float32Array).BYTES_PER_ELEMENT === 4 ? new Uint32Array((values as Float32Array).buffer, (values as Float32Array).byteOffset, values.length) : null;
  if (!bits) return [];
  for (let r = 0; r < rows; r++) for (let c = 0; c < width; c++) hashes[c] = Math.imul(hashes[c]! ^ bits[r * width + c]!, 0x01000193) >>> 0;
  const byHash = new Map<number, number[]>();
  for (let c = 0; c < width; c++) {
    const list = byHash.get(hashes[c]!);
    if (list) list.push(c);
    else byHash.set(hashes[c]!, [c]);
  }
  const groups: number[][] = [];
  for (const list of byHash.values()) {
    if (list.length < 2) continue;
    const first = list[0]!;
    // Equal hashes may still differ: compared value for value.
    const sameAs = (c: number): boolean => {
      for (let r = 0; r < rows; r++) if (bits[r * width + c] !== bits[r * width + first]) return false;
      return true;
    };
    const same = list.filter((c) => c === first || sameAs(c));
    if (same.length < 2) continue;
    const distinct = new Set<number>();
    for (let r = 0; r < rows && distinct.size < COPY_DISTINCT; r++) distinct.add(values[r * width + first]!);
    if (distinct.size >= COPY_DISTINCT) groups.push(same);
    if (groups.length >= 8) break;
  }
  return groups;
}

/**
 * For token ids ([rows, steps], int32): the most common id other than 0 (padding), its share of the
 * ids other than 0, and how many distinct ids other than 0 there are. Null for other tensors.
 */
function commonToken(values: Values, shape: readonly number[], dtype: string): TensorSummary['commonToken'] | null {
  if (dtype !== 'int32' || shape.length !== 2 || shape[1]! < 2 || values.length > 1 << 22) return null;
  const counts = new Map<number, number>();
  let tokens = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v === 0) continue;
    tokens++;
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  if (tokens === 0) return null;
  let id = 0;
  let most = 0;
  for (const [k, c] of counts) if (c > most) [id, most] = [k, c];
  return { id, share: most / tokens, distinct: counts.size };
}

/**
 * For sequences ([rows, steps, features]): the share of steps that are all-zero runs at the end of
 * their row (post-padding) and at its start (pre-padding), and the share of rows padded at the end.
 * Null when no row has an all-zero step at either end.
 */
function zeroPadding(values: Values, shape: readonly number[]): TensorSummary['zeroPadding'] | null {
  // Token ids ([rows, steps]) are sequences of one value per step.
  if (shape.length === 2 && shape[1]! >= 4) return paddingWith(values, shape[0]!, shape[1]!, 1, 0);
  if (shape.length !== 3) return null;
  const [rows, steps, width] = shape as [number, number, number];
  if (!(rows > 0 && steps > 1 && width > 0)) return null;
  return paddingWith(values, rows, steps, width, 0) ?? paddingWith(values, rows, steps, width, fillValue(values, rows, steps, width));
}

/** The value filling the last step of most of the first rows, every feature alike (a "missing" marker used as padding); null when none. */
function fillValue(values: Values, rows: number, steps: number, width: number): number | null {
  const counts = new Map<number, number>();
  const seen = Math.min(rows, 64);
  for (let r = 0; r < seen; r++) {
    const base = (r * steps + steps - 1) * width;
    const v = values[base]!;
    let uniform = Number.isFinite(v) && v !== 0;
    for (let c = 1; c < width && uniform; c++) uniform = values[base + c] === v;
    if (uniform) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const [value, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [null, 0];
  return count >= seen / 2 ? value : null;
}

function paddingWith(values: Values, rows: number, steps: number, width: number, fill: number | null): TensorSummary['zeroPadding'] | null {
  if (fill === null) return null;
  const padStep = (r: number, t: number) => {
    const base = (r * steps + t) * width;
    for (let c = 0; c < width; c++) if (values[base + c] !== fill) return false;
    return true;
  };
  let tail = 0;
  let head = 0;
  let tailRows = 0;
  for (let r = 0; r < rows; r++) {
    let t = steps - 1;
    while (t >= 0 && padStep(r, t)) t--;
    const trailing = steps - 1 - t;
    // A row of nothing but padding counts once, as padding at the end.
    let leading = 0;
    if (trailing < steps) while (leading < steps && padStep(r, leading)) leading++;
    tail += trailing;
    head += leading;
    if (trailing > 0) tailRows++;
  }
  if (tail === 0 && head === 0) return null;
  const total = rows * steps;
  return { tailSteps: tail / total, headSteps: head / total, tailRows: tailRows / rows, ...(fill !== 0 ? { value: fill } : {}) };
}

/**
 * Whether every row of a 2-D input was standardized across its own columns (mean 0, variance 1
 * per row): moments taken over the wrong axis. Stops at the first row that is not.
 */
function rowsStandardized(values: Values, shape: readonly number[]): boolean | null {
  const [rows, width] = shape;
  if (shape.length !== 2 || !rows || rows < 2 || !width || width < 3) return null;
  for (let r = 0; r < rows; r++) {
    let sum = 0;
    let sumSq = 0;
    for (let c = 0; c < width; c++) {
      const v = values[r * width + c]!;
      sum += v;
      sumSq += v * v;
    }
    const mean = sum / width;
    const variance = sumSq / width - mean * mean;
    if (!(Math.abs(mean) < 1e-3 && Math.abs(variance - 1) < 1e-2)) return false;
  }
  return true;
}

/**
 * Whether a [rows, width] buffer that is not one-hot by rows is one-hot when read as [width, rows]:
 * one indicator row per class laid end to end (class-major) and then read as a row per sample.
 */
function oneHotByColumn(values: Values, rows: number, width: number): boolean {
  for (let r = 0; r < rows; r++) {
    let ones = 0;
    for (let c = 0; c < width; c++) {
      const v = values[c * rows + r];
      if (v === 1) ones++;
      else if (v !== 0) return false;
    }
    if (ones !== 1) return false;
  }
  return rows > 1;
}

/**
 * Whether every row of a [rows, width] buffer of values in [0, 1] adds up to 1, and a tenth of the
 * rows or more split that 1 between several entries: a row's labels divided by their count.
 */
function sharesOfOne(values: Values, rows: number, width: number): boolean {
  let split = 0;
  for (let r = 0; r < rows; r++) {
    let sum = 0;
    let nonZero = 0;
    for (let c = 0; c < width; c++) {
      const v = values[r * width + c]!;
      if (!(v >= 0 && v <= 1)) return false;
      sum += v;
      if (v > 0) nonZero++;
    }
    if (Math.abs(sum - 1) > 1e-4) return false;
    if (nonZero > 1) split++;
  }
  return rows > 1 && split >= rows / 10;
}

/**
 * Training inputs or targets, described once. Distinct values, class counts, column means and
 * one-hot rows are only worked out for targets, where they reveal the label encoding.
 */
export function tensorSummary(values: Values, shape: readonly number[], dtype: string, wantDistinct: boolean): TensorSummary {
  const n = values.length;
  const { finite: finiteCount, sum, sumSq, min, max, nan, inf } = moments(values);
  let distinct: number[] | null = null;
  let distinctCounts: number[] | null = null;
  let columnMeans: number[] | null = null;
  let oneHotRows: boolean | null = null;
  let zeroRows: number | null = null;
  let classMajor = false;
  let rowShares = false;
  let rangeExcess: TensorSummary['rangeExcess'] = null;
  if (wantDistinct) {
    rangeExcess = targetRangeExcess(values);
    const seen = new Map<number, number>();
    for (let i = 0; i < n && seen.size <= DISTINCT_LIMIT; i++) seen.set(values[i], (seen.get(values[i]) ?? 0) + 1);
    if (seen.size <= DISTINCT_LIMIT) {
      distinct = [...seen.keys()].filter(Number.isFinite).sort((a, b) => a - b);
      distinctCounts = distinct.map((v) => seen.get(v) ?? 0);
    }
    if (shape.length === 2 && shape[0] > 0) {
      const [rows, width] = shape;
      if (width <= 1024) {
        const sums = new Array<number>(width).fill(0);
        for (let i = 0; i < n; i++) sums[i % width] += values[i];
        columnMeans = sums.map((v) => finiteOrNull(v / rows) ?? 0);
      }
    }
    // Rows along the last axis: a sequence's targets ([n, steps, k]) are one-hot per step.
    if (shape.length >= 2 && shape[0] > 0) {
      const width = shape[shape.length - 1]!;
      const rows = shape.slice(0, -1).reduce((a, b) => a * b, 1);
      if (width > 1) {
        // One-hot rows, apart from rows of all 0s (which tf.oneHot makes for an index out of range).
        let oneHotOrZero = true;
        zeroRows = 0;
        for (let r = 0; r < rows && oneHotOrZero; r++) {
          let ones = 0;
          for (let c = 0; c < width; c++) {
            const v = values[r * width + c];
            if (v === 1) ones++;
            else if (v !== 0) {
              oneHotOrZero = false;
              break;
            }
          }
          if (ones === 0) zeroRows++;
          else if (ones !== 1) oneHotOrZero = false;
        }
        oneHotRows = oneHotOrZero && zeroRows === 0;
        if (!oneHotOrZero) zeroRows = null;
        if (!oneHotRows && shape.length === 2) {
          classMajor = oneHotByColumn(values, rows, width);
          rowShares = !oneHotOrZero && sharesOfOne(values, rows, width);
        }
      }
    }
  }
  const mean = sum / Math.max(finiteCount, 1);
  const nonFinite = nan + inf > 0 ? nonFiniteRows(values, shape) : null;
  const identical = !wantDistinct ? identicalRows(values, shape) : null;
  const standardizedRows = !wantDistinct ? rowsStandardized(values, shape) : null;
  const padding = !wantDistinct ? zeroPadding(values, shape) : null;
  const token = !wantDistinct ? commonToken(values, shape, dtype) : null;
  const emptyTail = !wantDistinct ? emptyTailRows(values, shape) : 0;
  const copies = !wantDistinct ? copiedColumns(values, shape) : [];
  const columns = !wantDistinct ? columnMoments(values, shape) : null;
  const runs = wantDistinct ? classRunsOf(values, shape) : null;
  return {
    shape: shape.slice(0, 16).map((d) => (Number.isFinite(d) ? d : null)),
    dtype: dtype.slice(0, 16),
    count: n,
    min: finiteCount > 0 ? finiteOrNull(min) : null,
    max: finiteCount > 0 ? finiteOrNull(max) : null,
    mean: finiteCount > 0 ? finiteOrNull(mean) : null,
    std: finiteCount > 0 ? finiteOrNull(Math.sqrt(Math.max(0, sumSq / finiteCount - mean * mean))) : null,
    nanCount: nan,
    infCount: inf,
    ...(identical !== null ? { identicalRows: identical } : {}),
    ...(standardizedRows ? { rowsStandardized: true } : {}),
    ...(padding ? { zeroPadding: padding } : {}),
    ...(token ? { commonToken: token } : {}),
    ...(emptyTail > 0 ? { emptyTailRows: emptyTail } : {}),
    ...(copies.length ? { copiedColumns: copies } : {}),
    ...(columns ? { columnSpreads: columns.spreads, columnCentres: columns.centres } : {}),
    distinct,
    oneHotRows,
    zeroRows,
    ...(classMajor ? { classMajor: true } : {}),
    ...(rowShares ? { rowShares: true } : {}),
    classRuns: runs?.count ?? null,
    classRunList: runs?.list ?? null,
    distinctCounts,
    columnMeans,
    rangeExcess,
    firstNonFinite: nonFinite?.first ?? null,
    nonFiniteRows: nonFinite?.rows ?? null,
  };
}

/**
 * Rows at the end of a table (rank 2) that are all 0, counted back from its last row. A flat typed
 * array filled at the wrong offset (`xs.set(row, i)` for `i * width`) leaves its tail empty.
 */
function emptyTailRows(values: Values, shape: readonly number[]): number {
  const rows = shape[0];
  if (shape.length !== 2 || !rows || rows * shape[1]! !== values.length) return 0;
  let i = values.length - 1;
  while (i >= 0 && values[i] === 0) i--;
  return Math.floor((values.length - 1 - i) / shape[1]!);
}

/** Runs listed in a summary: sorted targets have as many as classes. */
const RUN_LIST_LIMIT = 64;

/**
 * Runs of rows with the same class, in row order: the class is a row's value ([n] or [n, 1]) or the
 * column of its largest value ([n, k]). Targets sorted by class have as many runs as classes; when
 * there are few, each run's class and length are listed too.
 */
function classRunsOf(values: Values, shape: readonly number[]): { count: number; list: Array<{ cls: number; rows: number }> | null } | null {
  const rows = shape[0];
  const width = shape.length === 1 ? 1 : shape.length === 2 ? shape[1] : 0;
  if (!rows || !width || rows * width !== values.length) return null;
  let count = 0;
  let list: Array<{ cls: number; rows: number }> | null = [];
  let previous = Number.NaN;
  for (let r = 0; r < rows; r++) {
    const cls = classOfRow(values, r, width);
    if (r === 0 || cls !== previous) {
      count++;
      if (list && list.length >= RUN_LIST_LIMIT) list = null;
      list?.push({ cls, rows: 0 });
    }
    if (list) list[list.length - 1]!.rows++;
    previous = cls;
  }
  return { count, list: list && list.every((x) => Number.isFinite(x.cls)) ? list : null };
}

/** A row's class: its value when rows are single values, else the column of its largest value. */
function classOfRow(values: Values, r: number, width: number): number {
  if (width === 1) return values[r];
  let cls = 0;
  for (let c = 1; c < width; c++) if (values[r * width + c] > values[r * width + cls]) cls = c;
  return cls;
}

/**
 * The class of each row of a batch's targets, when they are classes: integer labels ([n] or
 * [n, 1]), or rows that are distributions (one-hot, smoothed). Null for any other targets.
 */
export function rowClasses(values: Values, shape: readonly number[]): number[] | null {
  const rows = shape[0];
  const width = shape.length === 1 ? 1 : shape.length === 2 ? shape[1] : 0;
  if (!rows || !width || rows * width !== values.length) return null;
  const out: number[] = [];
  for (let r = 0; r < rows; r++) {
    if (width === 1 && !Number.isInteger(values[r])) return null;
    if (width > 1) {
      let sum = 0;
      for (let c = 0; c < width; c++) {
        const x = values[r * width + c];
        if (!(x >= 0 && x <= 1)) return null;
        sum += x;
      }
      if (Math.abs(sum - 1) > 1e-3) return null;
    }
    out.push(classOfRow(values, r, width));
  }
  return out;
}

/** Where the first NaN or Infinity sits (an index per axis) and how many rows (first axis) hold one. */
function nonFiniteRows(values: Values, shape: readonly number[]): { first: number[]; rows: number } | null {
  const rowSize = shape.length > 1 ? shape.slice(1).reduce((a, b) => a * b, 1) : 1;
  let first = -1;
  let rows = 0;
  let lastRow = -1;
  for (let i = 0; i < values.length; i++) {
    if (Number.isFinite(values[i])) continue;
    if (first < 0) first = i;
    const row = rowSize > 0 ? Math.floor(i / rowSize) : 0;
    if (row !== lastRow) {
      rows++;
      lastRow = row;
    }
  }
  if (first < 0) return null;
  const index: number[] = [];
  let rest = first;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    const size = Math.max(1, shape[axis] ?? 1);
    index.unshift(rest % size);
    rest = Math.floor(rest / size);
  }
  return { first: index.slice(0, 16), rows };
}

/**
 * Mean squared distance of the finite values beyond 0, -1 (below) and 1 (above): the bounds of
 * the common bounded activations. An output confined to [lo, hi] can reach no mean squared error
 * below the targets' excess beyond lo plus their excess beyond hi.
 */
function targetRangeExcess(values: Values): NonNullable<TensorSummary['rangeExcess']> {
  let below0 = 0;
  let belowMinus1 = 0;
  let above1 = 0;
  let finite = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    finite++;
    if (v < 0) below0 += v * v;
    if (v < -1) belowMinus1 += (v + 1) * (v + 1);
    if (v > 1) above1 += (v - 1) * (v - 1);
  }
  const d = Math.max(finite, 1);
  return { below0: below0 / d, belowMinus1: belowMinus1 / d, above1: above1 / d };
}

/** Most multiply-adds the nearest-neighbour search below may take: a few tens of milliseconds. */
const NEIGHBOUR_WORK = 20_000_000;
const NEIGHBOUR_QUERIES = 256;

/**
 * Rows 2i and 2i + 1 that are near copies of each other (an augmented copy pushed after each
 * sample): how many such pairs there are among up to 256 even rows, and how many of them have the
 * same target. Near: closer than half the typical distance from row 2i to row 2i + 2.
 */
function adjacentCopiesOf(x: Values, width: number, rows: number, scale: Float64Array, target: (r: number) => number): { pairs: number; copies: number; agreeing: number } | null {
  const half = Math.floor((rows - 1) / 2);
  if (half < 32) return null;
  const count = Math.min(256, half);
  const distance = (r: number, s: number): number => {
    let d = 0;
    for (let c = 0; c < width; c++) {
      const diff = (x[r * width + c]! - x[s * width + c]!) * scale[c]!;
      d += diff * diff;
    }
    return d;
  };
  const even = Array.from({ length: count }, (_, i) => 2 * Math.floor((i * half) / count));
  const apart = even.map((r) => distance(r, r + 2)).sort((a, b) => a - b);
  const typical = apart[Math.floor(apart.length / 2)]!;
  if (!(typical > 0)) return null;
  let copies = 0;
  let agreeing = 0;
  for (const r of even) {
    if (!(distance(r, r + 1) < 0.25 * typical)) continue;
    copies++;
    if (target(r) === target(r + 1)) agreeing++;
  }
  return { pairs: count, copies, agreeing };
}

/**
 * How much a training set's targets depend on its inputs: each of up to 256 rows is paired with
 * its nearest other row (inputs standardized per column, rows taken at an even stride, so no
 * randomness is drawn), and the pair's targets compared. For classes, how many pairs share a class
 * against the share chance gives (the sum of squared class frequencies); for values (and labels
 * in one column), the rank correlation of the pairs' targets. Labels computed from the wrong rows
 * agree no more than chance; any learnable task agrees far more. Null when the targets are neither
 * classes nor one value per row, or the inputs too few or too wide.
 */
export function neighbourTargets(x: Values, xShape: readonly number[], y: Values, yShape: readonly number[], inOrder = true): NeighbourTargets | null {
  const rows = xShape[0];
  if (!rows || rows < 32 || yShape[0] !== rows || x.length % rows !== 0) return null;
  const width = x.length / rows;
  if (width < 1 || width > 4096) return null;
  let classes = rowClasses(y, yShape);
  // Integer targets with many values (counts, rounded prices) are compared as values.
  if (classes && new Set(classes).size > DISTINCT_LIMIT) classes = null;
  const yWidth = y.length / rows;
  if (!classes && yWidth !== 1) return null;
  const target = (r: number): number => (classes ? classes[r]! : y[r]!);
  // Wide rows get fewer pairs, so the search stays within its budget.
  const queries = Math.min(NEIGHBOUR_QUERIES, rows, Math.max(64, Math.floor(Math.sqrt(NEIGHBOUR_WORK / width))));
  const candidates = Math.max(queries, Math.min(rows, Math.floor(NEIGHBOUR_WORK / (queries * width))));
  const stride = rows / candidates;
  const picked = Array.from({ length: candidates }, (_, i) => Math.floor(i * stride));
  // Standardized copy of the picked rows; a column that never varies is left out.
  const data = new Float64Array(candidates * width);
  const scale = new Float64Array(width);
  for (let c = 0; c < width; c++) {
    let sum = 0;
    let sumSq = 0;
    for (const r of picked) {
      const v = x[r * width + c]!;
      sum += v;
      sumSq += v * v;
    }
    const mean = sum / candidates;
    const sd = Math.sqrt(Math.max(0, sumSq / candidates - mean * mean));
    scale[c] = sd > 0 && Number.isFinite(sd) ? 1 / sd : 0;
    for (let i = 0; i < candidates; i++) data[i * width + c] = (x[picked[i]! * width + c]! - mean) * scale[c]!;
  }
  const queryStride = candidates / queries;
  let agreeing = 0;
  const pairs: Array<[number, number]> = [];
  // Pairs whose inputs are identical (a row given twice): their targets should be too.
  const same: Array<[number, number]> = [];
  for (let q = 0; q < queries; q++) {
    const qi = Math.floor(q * queryStride);
    let best = -1;
    let bestDist = Infinity;
    for (let i = 0; i < candidates; i++) {
      if (i === qi) continue;
      let d = 0;
      for (let c = 0; c < width && d < bestDist; c++) {
        const diff = data[qi * width + c]! - data[i * width + c]!;
        d += diff * diff;
      }
      if (d < bestDist) {
        bestDist = d;
        best = i;
      }
    }
    if (best < 0 || !Number.isFinite(bestDist)) return null;
    const a = target(picked[qi]!);
    const b = target(picked[best]!);
    if (!Number.isFinite(a) || !Number.isFinite(b)) return null;
    if (a === b) agreeing++;
    pairs.push([a, b]);
    if (bestDist === 0) same.push([a, b]);
  }
  const copied = yWidth === 1 ? copiedColumnOf(x, width, y, picked) : null;
  const adjacent = inOrder && classes ? adjacentCopiesOf(x, width, rows, scale, target) : null;
  const twins = same.length >= 16 ? { sameInputs: { pairs: same.length, agreeing: same.filter(([a, b]) => a === b).length, meanSquaredGap: same.reduce((sum, [a, b]) => sum + (a - b) ** 2, 0) / same.length } } : {};
  const copy = { ...(copied === null ? {} : { copiedColumn: copied }), ...(adjacent ? { adjacentCopies: adjacent } : {}), ...twins };
  if (classes) {
    const counts = new Map<number, number>();
    for (const r of picked) counts.set(classes[r]!, (counts.get(classes[r]!) ?? 0) + 1);
    let chance = 0;
    for (const n of counts.values()) chance += (n / candidates) ** 2;
    // Integer labels in one column may also be counts (a Poisson regression): their correlation too.
    return { kind: 'classes', pairs: queries, candidates, agreeing, chance, correlation: yWidth === 1 ? rankCorrelation(pairs) : null, ...copy };
  }
  return { kind: 'values', pairs: queries, candidates, correlation: rankCorrelation(pairs), ...copy };
}

/**
 * The one input column equal to the (one-column, varying) targets in every picked row, or null.
 * Inputs whose every column is the target (a toy set built that way) or a single input are no copy.
 */
function copiedColumnOf(x: Values, width: number, y: Values, picked: number[]): number | null {
  const first = y[picked[0]!]!;
  if (width < 2 || !picked.some((r) => y[r] !== first)) return null;
  const copies: number[] = [];
  for (let c = 0; c < width && copies.length < 2; c++) {
    if (picked.every((r) => Math.abs(x[r * width + c]! - y[r]!) <= 1e-6 * (1 + Math.abs(y[r]!)))) copies.push(c);
  }
  return copies.length === 1 ? copies[0]! : null;
}

/** Spearman's rank correlation of the pairs: outlying targets (what a Huber loss is for) do not swamp it. */
function rankCorrelation(pairs: Array<[number, number]>): number | null {
  const ranks = (values: number[]): number[] => {
    const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
    const out = new Array<number>(values.length);
    for (let i = 0; i < order.length; ) {
      let j = i;
      while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
      for (let k = i; k <= j; k++) out[order[k]![1]] = (i + j) / 2;
      i = j + 1;
    }
    return out;
  };
  const a = ranks(pairs.map((p) => p[0]));
  const b = ranks(pairs.map((p) => p[1]));
  const n = pairs.length;
  const mean = (n - 1) / 2;
  let cov = 0;
  let va = 0;
  let vb = 0;
  for (let i = 0; i < n; i++) {
    cov += (a[i]! - mean) * (b[i]! - mean);
    va += (a[i]! - mean) ** 2;
    vb += (b[i]! - mean) ** 2;
  }
  return va > 0 && vb > 0 ? finiteOrNull(Math.max(-1, Math.min(1, cov / Math.sqrt(va * vb)))) : null;
}


/** One batch's input rows (flat, `width` values each) and their classes. */
export interface ClassBatch {
  x: ArrayLike<number>;
  width: number;
  classes: readonly number[];
}

export interface BatchAgreement {
  rows: number;
  /** Share of rows whose nearest other row in the same batch has their class. */
  within: number;
  /** Share of rows whose nearest row in another batch has their class. */
  across: number;
  /** The share two rows drawn at random agree by. */
  chance: number;
  /** The share a row and another row of its batch drawn at random agree by (1 for batches of one class). */
  withinChance: number;
}

/**
 * Nearest-neighbour class agreement inside batches and across them, on columns standardized over
 * all the rows. Targets encoded once agree across batches at least as often as inside one (there
 * are more rows to match); class ids given per batch (a class list built from each batch's own
 * labels) agree inside a batch and only by chance across. Null for fewer than two batches.
 */
export function batchAgreement(batches: readonly ClassBatch[]): BatchAgreement | null {
  if (batches.length < 2) return null;
  const width = batches[0]!.width;
  if (width < 1 || batches.some((b) => b.width !== width || b.x.length !== b.classes.length * width)) return null;
  const rows = batches.reduce((n, b) => n + b.classes.length, 0);
  const mean = new Float64Array(width);
  const sq = new Float64Array(width);
  for (const b of batches) for (let i = 0; i < b.x.length; i++) {
    mean[i % width]! += b.x[i]!;
    sq[i % width]! += b.x[i]! * b.x[i]!;
  }
  const scale = Array.from(mean, (m, c) => {
    const mu = m / rows;
    const sd = Math.sqrt(Math.max(0, sq[c]! / rows - mu * mu));
    return sd > 0 && Number.isFinite(sd) ? 1 / sd : 0;
  });
  const data = batches.map((b) => Float64Array.from(b.x, (v, i) => v * scale[i % width]!));
  const counts = new Map<number, number>();
  let within = 0;
  let across = 0;
  let withinChance = 0;
  batches.forEach((b, bi) => {
    const own = new Map<number, number>();
    for (const c of b.classes) own.set(c, (own.get(c) ?? 0) + 1);
    for (const n of own.values()) withinChance += b.classes.length > 1 ? (n * (n - 1)) / (b.classes.length - 1) : n;
    for (let r = 0; r < b.classes.length; r++) {
      counts.set(b.classes[r]!, (counts.get(b.classes[r]!) ?? 0) + 1);
      let near = [Infinity, -1];
      let far = [Infinity, -1];
      batches.forEach((o, oi) => {
        for (let q = 0; q < o.classes.length; q++) {
          if (oi === bi && q === r) continue;
          let d = 0;
          for (let c = 0; c < width; c++) {
            const diff = data[bi]![r * width + c]! - data[oi]![q * width + c]!;
            d += diff * diff;
          }
          const best = oi === bi ? near : far;
          if (d < best[0]!) {
            best[0] = d;
            best[1] = o.classes[q]!;
          }
        }
      });
      if (near[1] === b.classes[r]) within++;
      if (far[1] === b.classes[r]) across++;
    }
  });
  let chance = 0;
  for (const n of counts.values()) chance += (n / rows) ** 2;
  return { rows, within: within / rows, across: across / rows, chance, withinChance: withinChance / rows };
}

/** The share of nonzero values at most that may set an input's scale alone, and how far above the rest. */
const FEW_SHARE = 0.001;
const FEW_ABOVE = 10;

/**
 * Inputs whose largest magnitude is set by a few values: at most 0.1% of the nonzero values lie
 * above a tenth of the largest, and the rest lie below it. Data divided by its maximum while one
 * glitch reading (65535 among values in the hundreds) is that maximum: every real value is
 * squashed towards 0. Null when the values spread normally (binary features, pixels, z-scores).
 */
export function scaleSetByFew(values: ArrayLike<number>): { largest: number; restLargest: number; few: number; nonzero: number } | null {
  let largest = 0;
  let nonzero = 0;
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i]!);
    if (!Number.isFinite(a)) return null;
    if (a > 0) nonzero++;
    if (a > largest) largest = a;
  }
  if (!(largest > 0) || nonzero < 1000) return null;
  let few = 0;
  let restLargest = 0;
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i]!);
    if (a > largest / FEW_ABOVE) few++;
    else if (a > restLargest) restLargest = a;
  }
  return few <= nonzero * FEW_SHARE && restLargest > 0 ? { largest, restLargest, few, nonzero } : null;
}

/** Rows a sentinel must fill at least (share, and count), and how far apart from the rest it lies. */
const SENTINEL_SHARE = 0.01;
const SENTINEL_ROWS = 3;
const SENTINEL_GAP = 10;

/**
 * A numeric target column whose largest (or smallest) value repeats in 1% of the rows or more and
 * lies far apart from all the others (its gap to the nearest other value ten times their whole
 * range or more): a code for "unknown" (99999, -1 among prices) kept as if it were a value, so the
 * squared error is dominated by it. A capped value (prices clipped at a ceiling) lies next to the
 * rest, not apart. Null otherwise.
 */
export function sentinelTarget(values: ArrayLike<number>): { value: number; rows: number; of: number; nearest: number } | null {
  const n = values.length;
  if (n < 100) return null;
  const sorted = Float64Array.from(values as ArrayLike<number>).sort();
  if (!Number.isFinite(sorted[0]!) || !Number.isFinite(sorted[n - 1]!)) return null;
  for (const top of [true, false]) {
    const value = top ? sorted[n - 1]! : sorted[0]!;
    let rows = 0;
    while (rows < n && sorted[top ? n - 1 - rows : rows] === value) rows++;
    if (rows >= n || rows < Math.max(SENTINEL_ROWS, n * SENTINEL_SHARE)) continue;
    const nearest = sorted[top ? n - 1 - rows : rows]!;
    const restRange = top ? nearest - sorted[0]! : sorted[n - 1]! - nearest;
    if (restRange > 0 && Math.abs(value - nearest) >= SENTINEL_GAP * restRange) return { value, rows, of: n, nearest };
  }
  return null;
}
