/**
 * Targets copied into the inputs: a feature column that is the label under another name (a
 * column filled only for the customers who left), or a sequence window whose target is its own
 * last step (`seq[i + W - 1]` for `seq[i + W]`). The model then learns to read the answer off its
 * inputs: training and validation look perfect, and on real inputs, where that column or step does
 * not hold the answer, it is useless.
 *
 * A column "holds the target" when its values and the targets determine each other row by row:
 * equal for numeric targets, or one value per class (any two values for two classes: a
 * standardized copy of a 0/1 label) for class targets.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */

/** Rows read at most, and elements; tables wider than MAX_COLUMNS (images flattened) are not searched. */
const MAX_ROWS = 5000;
const READ_LIMIT = 2_000_000;
const MAX_COLUMNS = 256;
/** Fewer rows than this, or fewer per class, prove nothing. */
const MIN_ROWS = 50;
const MIN_PER_CLASS = 5;
/** Targets with more distinct whole values than this are numbers, not classes. */
const MAX_CLASSES = 50;
/** Tables narrower than this are not searched, and a leak is at most this many columns of one. */
const MIN_COLUMNS = 3;
const MAX_HOLDING = 2;
/** Numeric targets must take this many distinct values before an equal column counts. */
const MIN_DISTINCT_NUMBERS = 10;

export interface TargetInInputs {
  /** The input column (a flattened index), or the sequence step, that holds the target. */
  column: number;
  /** Inputs laid out as steps of one-hot rows (a sequence): `column` is the step. */
  step: boolean;
  /** Classes of the targets; null for numeric targets. */
  classes: number | null;
  rows: number;
}

function readHead(t: any, rows: number, read: (t: any) => ArrayLike<number>): Float32Array | Int32Array | null {
  const per = t.size / t.shape[0];
  if (rows * per > READ_LIMIT) return null;
  if (rows === t.shape[0]) return read(t) as Float32Array | Int32Array;
  const head = t.slice(0, rows);
  try {
    return head.dataSync();
  } finally {
    head.dispose();
  }
}

/** One label per row: the values of a single column, or the hot index of one-hot rows; null otherwise. */
function labelsOf(values: ArrayLike<number>, rows: number, width: number): Float64Array | null {
  const out = new Float64Array(rows);
  if (width === 1) {
    for (let r = 0; r < rows; r++) out[r] = values[r]!;
    return out;
  }
  for (let r = 0; r < rows; r++) {
    let hot = -1;
    for (let k = 0; k < width; k++) {
      const v = values[r * width + k]!;
      if (v === 1 && hot < 0) hot = k;
      else if (v !== 0) return null;
    }
    if (hot < 0) return null;
    out[r] = hot;
  }
  return out;
}

/** Whether `column` and `labels` determine each other row by row. */
function determines(column: Float64Array, labels: Float64Array, classes: number | null): boolean {
  if (classes === null) {
    for (let r = 0; r < labels.length; r++) if (column[r] !== labels[r]) return false;
    return true;
  }
  const toLabel = new Map<number, number>();
  const toValue = new Map<number, number>();
  for (let r = 0; r < labels.length; r++) {
    const v = column[r]!;
    const l = labels[r]!;
    const a = toLabel.get(v);
    const b = toValue.get(l);
    if (a === undefined && b === undefined) {
      toLabel.set(v, l);
      toValue.set(l, v);
    } else if (a !== l || b !== v) return false;
  }
  return toValue.size === classes;
}

/** `read` reads a whole tensor's values, and may hand back values already read. */
export function targetInInputs(x: any, y: any, read: (t: any) => ArrayLike<number> = (t) => t.dataSync()): TargetInInputs | null {
  if (!x || !y || typeof x.dataSync !== 'function' || typeof y.dataSync !== 'function' || x.isDisposed || y.isDisposed) return null;
  if (x.rank < 2 || x.rank > 3 || y.rank < 1 || y.rank > 2 || x.shape[0] !== y.shape[0] || x.dtype === 'string' || y.dtype === 'string') return null;
  if (x.rank === 2 && (x.shape[1] as number) > MAX_COLUMNS) return null;
  const rows = Math.min(x.shape[0] as number, MAX_ROWS, Math.floor(READ_LIMIT / Math.max(1, x.size / x.shape[0])));
  if (rows < MIN_ROWS) return null;
  const yWidth = y.rank === 1 ? 1 : (y.shape[1] as number);
  const yValues = readHead(y, rows, read);
  const labels = yValues ? labelsOf(yValues, rows, yWidth) : null;
  if (!labels) return null;
  const counts = new Map<number, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  const whole = labels.every((l) => Number.isInteger(l));
  const classes = whole && counts.size <= MAX_CLASSES ? counts.size : null;
  if (classes !== null && (classes < 2 || [...counts.values()].some((c) => c < MIN_PER_CLASS))) return null;
  if (classes === null && counts.size < MIN_DISTINCT_NUMBERS) return null;
  const xValues = readHead(x, rows, read);
  if (!xValues) return null;
  const column = new Float64Array(rows);
  // A sequence of one-hot steps: only its last step can be the copy (a window's target left unshifted).
  if (x.rank === 3 && (x.shape[2] as number) >= 2) {
    const steps = x.shape[1] as number;
    const width = x.shape[2] as number;
    const last = new Float32Array(rows * width);
    for (let r = 0; r < rows; r++) last.set(xValues.subarray((r * steps + steps - 1) * width, (r * steps + steps) * width), r * width);
    const hot = labelsOf(last, rows, width);
    if (!hot || classes === null) return null;
    return determines(hot, labels, classes) ? { column: steps - 1, step: true, classes, rows } : null;
  }
  const width = xValues.length / rows;
  // A leak is a column or two among others that do not hold the answer; inputs made of nothing but
  // the label (every column a copy: a toy dataset) are no leak.
  if (width < MIN_COLUMNS) return null;
  const holding: number[] = [];
  for (let c = 0; c < width && holding.length <= MAX_HOLDING; c++) {
    for (let r = 0; r < rows; r++) column[r] = xValues[r * width + c]!;
    if (determines(column, labels, classes)) holding.push(c);
  }
  return holding.length >= 1 && holding.length <= MAX_HOLDING ? { column: holding[0]!, step: false, classes, rows } : null;
}
