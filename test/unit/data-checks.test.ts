/**
 * The probe's checks on the data a model is trained, scored and used on: rows scored after an
 * earlier fit trained on them, inputs off the training scale, targets held in the inputs, a scale
 * set by a few outlying values, a code for "unknown" among the targets, and segmentation masks out
 * of line with their images. Each runs on real
 * tensors or arrays, as the probe gives them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { readRows, rowsOf, TrainedRows } from '../../src/runner/data-reuse';
import { targetInInputs } from '../../src/runner/target-leak';
import { scaleSetByFew, sentinelTarget } from '../../src/runner/tensor-stats';
import { misalignedMasks, misalignedTags, reversedTags } from '../../src/runner/mask-alignment';

/** A seeded table of `rows` × `columns` distinct values, shifted and scaled. */
function table(rows: number, columns: number, seed: number, shift = 0, scale = 1): Float32Array {
  let s = seed;
  const next = (): number => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
  return Float32Array.from({ length: rows * columns }, () => shift + scale * next());
}

const rowsFrom = (values: Float32Array, from: number, to: number, columns: number) => rowsOf(values.slice(from * columns, to * columns), to - from, columns);

describe('rows scored after an earlier fit trained on them', () => {
  const all = table(500, 6, 7);
  const folds = [0, 1, 2, 3, 4].map((k) => [k * 100, (k + 1) * 100] as const);
  const trainingOf = (k: number): Float32Array => Float32Array.from(folds.filter((_, j) => j !== k).flatMap(([a, b]) => [...all.slice(a * 6, b * 6)]));

  it('one model fit fold after fold: the second fold is scored on rows the first trained on', () => {
    const memory = new TrainedRows();
    memory.trainOn(rowsOf(trainingOf(0), 400, 6));
    assert.equal(memory.reusedRows(rowsFrom(all, 0, 100, 6)), null, 'the first fold is held out honestly');
    memory.trainOn(rowsOf(trainingOf(1), 400, 6));
    assert.deepEqual(memory.reusedRows(rowsFrom(all, 100, 200, 6)), { share: 1, rows: 100, earlierFits: 1 });
  });

  it('the training rows scored after their own fit (a training accuracy) and new rows are no reuse', () => {
    const memory = new TrainedRows();
    memory.trainOn(rowsFrom(all, 0, 400, 6));
    memory.trainOn(rowsFrom(all, 0, 400, 6));
    assert.equal(memory.reusedRows(rowsFrom(all, 0, 400, 6)), null);
    assert.equal(memory.reusedRows(rowsFrom(all, 400, 500, 6)), null);
  });

  it('rows of a few discrete values repeat by nature: never taken for reuse', () => {
    const coarse = Float32Array.from(all, (v) => Math.sign(v));
    const memory = new TrainedRows();
    memory.trainOn(rowsFrom(coarse, 100, 500, 6));
    memory.trainOn(rowsFrom(coarse, 200, 500, 6));
    assert.equal(memory.reusedRows(rowsFrom(coarse, 0, 100, 6)), null);
  });

  it('reads a tensor of rank 2 or more once, and nothing smaller than 20 rows', () => {
    const t = tf.tensor2d(all, [500, 6]);
    const read = readRows(t)!;
    assert.equal(read.rows, 500);
    assert.equal(read.fingerprints[3], rowsFrom(all, 3, 4, 6).fingerprints[0]);
    assert.equal(readRows(tf.tensor2d(all.slice(0, 60), [10, 6])), null);
    assert.equal(readRows(tf.tensor1d(all)), null);
  });
});

describe('inputs off the training scale', () => {
  const trained = new TrainedRows();
  trained.trainOn(rowsOf(table(400, 5, 3), 400, 5));

  it('raw features given after training on standardized ones', () => {
    const off = trained.offScale(rowsOf(table(200, 5, 9, 5000, 2000), 200, 5));
    assert.ok(off && off.offColumns === 5 && off.columns === 5, JSON.stringify(off));
  });

  it('inputs scaled again, ten times narrower, are off too', () => {
    assert.ok(trained.offScale(rowsOf(table(200, 5, 9, 0, 0.05), 200, 5)));
  });

  it('held-out rows of the same distribution, and inputs of another width, are not', () => {
    assert.equal(trained.offScale(rowsOf(table(200, 5, 11), 200, 5)), null);
    assert.equal(trained.offScale(rowsOf(table(200, 4, 11, 5000), 200, 4)), null);
  });
});

describe('targets held in the inputs', () => {
  const n = 200;
  const labels = Array.from({ length: n }, (_, i) => (i * 7) % 3 === 0 ? 1 : 0);
  const features = table(n, 4, 5);

  it('a column equal to a 0/1 label, standardized, among others that vary', () => {
    const leaked = Array.from({ length: n }, (_, r) => [...features.slice(r * 4, r * 4 + 4), (labels[r]! - 0.33) / 0.47]);
    const found = targetInInputs(tf.tensor2d(leaked), tf.tensor2d(labels, [n, 1]));
    assert.deepEqual(found, { column: 4, step: false, classes: 2, rows: n });
    assert.equal(targetInInputs(tf.tensor2d(features, [n, 4]), tf.tensor2d(labels, [n, 1])), null, 'no such column');
  });

  it('inputs made of nothing but the label (a toy dataset) are no leak', () => {
    const copies = Array.from({ length: n }, (_, r) => new Array(8).fill(labels[r]));
    assert.equal(targetInInputs(tf.tensor2d(copies), tf.tensor2d(labels, [n, 1])), null);
  });

  it("a window whose one-hot target is its own last step; the next item's target is not", () => {
    const seq = Array.from({ length: n + 5 }, (_, i) => (i * 7 + (i >> 2)) % 4);
    const windows = Array.from({ length: n }, (_, i) => seq.slice(i, i + 5));
    const x = tf.oneHot(tf.tensor2d(windows, [n, 5], 'int32'), 4);
    const last = tf.oneHot(tf.tensor1d(windows.map((w) => w[4]!), 'int32'), 4);
    const next = tf.oneHot(tf.tensor1d(seq.slice(5, n + 5), 'int32'), 4);
    assert.deepEqual(targetInInputs(x, last), { column: 4, step: true, classes: 4, rows: n });
    assert.equal(targetInInputs(x, next), null);
  });
});

describe('a scale set by a few values, and a code for unknown targets', () => {
  it('one glitch reading that set the maximum squashes every real value; ordinary spreads are fine', () => {
    const readings = table(1000, 12, 4, 2000, 1500).map((v) => v / 65535);
    readings[77] = 1;
    assert.deepEqual(scaleSetByFew(readings)?.few, 1);
    assert.equal(scaleSetByFew(table(1000, 12, 4)), null, 'z-scores');
    assert.equal(scaleSetByFew(Float32Array.from({ length: 12000 }, (_, i) => (i % 50 === 0 ? 1 : 0))), null, 'sparse binary features');
  });

  it('99999 among prices is a sentinel; a cap next to the rest and class ids are not', () => {
    const prices = Array.from(table(400, 1, 8, 300, 100));
    prices.forEach((_, i) => i % 20 === 0 && (prices[i] = 99999));
    assert.deepEqual(sentinelTarget(prices), { value: 99999, rows: 20, of: 400, nearest: Math.max(...prices.filter((p) => p !== 99999)) });
    assert.equal(sentinelTarget(prices.map((p) => Math.min(p, 350))), null, 'capped at a ceiling');
    assert.equal(sentinelTarget(Array.from({ length: 400 }, (_, i) => i % 3)), null, 'class ids');
  });
});

describe('segmentation masks against their images', () => {
  const SIZE = 12;
  /** n images with a bright L-shaped object off-centre and their masks; `view` moves mask i (or not). */
  function pairs(n: number, view: (i: number, r: number, c: number) => [number, number]): { x: Float32Array; y: Float32Array } {
    const x = new Float32Array(n * SIZE * SIZE);
    const y = new Float32Array(n * SIZE * SIZE);
    for (let i = 0; i < n; i++) {
      const top = 1 + (i % 5);
      const left = 1 + ((i * 3) % 4);
      for (let r = 0; r < SIZE; r++) {
        for (let c = 0; c < SIZE; c++) {
          // An L: mirrored, it is no shift of itself.
          const inside = (r >= top && r < top + 3 && c === left) || (r === top + 2 && c >= left && c < left + 3);
          x[i * SIZE * SIZE + r * SIZE + c] = (inside ? 0.9 : 0.1) + 0.05 * Math.sin(i + r * 7 + c * 13);
          const [mr, mc] = view(i, r, c);
          if (inside) y[i * SIZE * SIZE + mr * SIZE + mc] = 1;
        }
      }
    }
    return { x, y };
  }
  const shape = [32, SIZE, SIZE, 1];

  it('says nothing of masks that cover their objects', () => {
    const { x, y } = pairs(32, (_, r, c) => [r, c]);
    assert.equal(misalignedMasks(x, shape, y, shape), null);
  });

  it('finds masks left unmirrored under mirrored images, and masks shifted against them', () => {
    const mirrored = pairs(32, (i, r, c) => (i % 2 ? [r, SIZE - 1 - c] : [r, c]));
    const found = misalignedMasks(mirrored.x, shape, mirrored.y, shape);
    assert.ok(found && found.misaligned >= 12 && found.mirrored > found.shifted, JSON.stringify(found));
    const shifted = pairs(32, (i, r, c) => [Math.min(SIZE - 1, r + 2 + (i % 2)), Math.min(SIZE - 1, c + 3)]);
    const moved = misalignedMasks(shifted.x, shape, shifted.y, shape);
    assert.ok(moved && moved.shifted >= 24, JSON.stringify(moved));
  });

  it('leaves targets that are not masks alone (images, or another shape)', () => {
    const { x } = pairs(32, (_, r, c) => [r, c]);
    assert.equal(misalignedMasks(x, shape, x, shape), null);
    assert.equal(misalignedMasks(x, shape, x.slice(0, 32), [32, 1]), null);
  });
});

describe('inputs scaled apart from the training inputs', () => {
  /** Each column to mean 0 and deviation 1 with the table's own statistics. */
  function standardized(values: Float32Array, rows: number, columns: number, from: Float32Array = values): Float32Array {
    const fromRows = from.length / columns;
    const out = new Float32Array(values.length);
    for (let c = 0; c < columns; c++) {
      let sum = 0;
      let sq = 0;
      for (let r = 0; r < fromRows; r++) sum += from[r * columns + c]!;
      const mean = sum / fromRows;
      for (let r = 0; r < fromRows; r++) sq += (from[r * columns + c]! - mean) ** 2;
      const std = Math.sqrt(sq / fromRows);
      for (let r = 0; r < rows; r++) out[r * columns + c] = (values[r * columns + c]! - mean) / std;
    }
    return out;
  }
  const train = table(600, 3, 5, 16, 6);
  const trained = new TrainedRows();
  trained.trainOn(rowsOf(standardized(train, 600, 3), 600, 3));

  it('held-out rows standardized with their own mean and deviation', () => {
    const later = table(200, 3, 8, 28, 3);
    assert.deepEqual(trained.scaledApart(rowsOf(standardized(later, 200, 3), 200, 3)), { columns: 3, rows: 200, trainRows: 600 });
  });

  it('held-out rows scaled with the training statistics are not, nor the training rows again', () => {
    const later = table(200, 3, 8, 28, 3);
    assert.equal(trained.scaledApart(rowsOf(standardized(later, 200, 3, train), 200, 3)), null);
    assert.equal(trained.scaledApart(rowsOf(standardized(train, 600, 3), 600, 3)), null);
  });
});

describe('tag sequences against their token ids', () => {
  /** n rows of `steps` ids (1..9, padded with 0 at the start) and one-hot tags (class 0 the padding), tags padded at `tagsAt`. */
  function tagged(n: number, steps: number, tagsAt: 'start' | 'end'): { x: Float32Array; y: Float32Array } {
    const k = 4;
    const x = new Float32Array(n * steps);
    const y = new Float32Array(n * steps * k);
    for (let i = 0; i < n; i++) {
      const len = 2 + (i % (steps - 2));
      const pad = steps - len;
      for (let w = 0; w < len; w++) {
        const id = 1 + ((i * 7 + w * 3) % 9);
        x[i * steps + pad + w] = id;
        const at = tagsAt === 'start' ? pad + w : w;
        y[(i * steps + at) * k + 1 + (id % 3)] = 1;
      }
      for (let p = 0; p < pad; p++) y[(i * steps + (tagsAt === 'start' ? p : len + p)) * k] = 1;
    }
    return { x, y };
  }

  it('finds tags padded at the end under ids padded at the start', () => {
    const { x, y } = tagged(64, 10, 'end');
    const found = misalignedTags(x, [64, 10], y, [64, 10, 4]);
    assert.ok(found && found.idsPadded === 'start' && found.padClass === 0 && found.otherEnd >= 0.5 * found.padded, JSON.stringify(found));
  });

  it('finds words reversed while their tags were not, and says nothing of aligned ones', () => {
    // Rows of 3 to 9 words padded at the end; each word's tag is its id mod 3, one-hot over 3 tags.
    const n = 64;
    const steps = 10;
    const make = (reverse: boolean) => {
      const x = new Float32Array(n * steps);
      const y = new Float32Array(n * steps * 3);
      for (let i = 0; i < n; i++) {
        const words = Array.from({ length: 3 + (i % 7) }, (_, w) => 1 + ((i * 5 + w * 7) % 11));
        const ids = reverse ? [...words].reverse() : words;
        ids.forEach((id, t) => (x[i * steps + t] = id));
        words.forEach((id, t) => (y[(i * steps + t) * 3 + (id % 3)] = 1));
      }
      return { x, y };
    };
    const reversed = make(true);
    const found = reversedTags(reversed.x, [n, steps], reversed.y, [n, steps, 3]);
    assert.ok(found && found.mirrored < 0.05 && found.aligned > 0.5, JSON.stringify(found));
    const aligned = make(false);
    assert.equal(reversedTags(aligned.x, [n, steps], aligned.y, [n, steps, 3]), null);
  });

  it('says nothing of tags padded with their ids, or of too few padded rows', () => {
    const aligned = tagged(64, 10, 'start');
    assert.equal(misalignedTags(aligned.x, [64, 10], aligned.y, [64, 10, 4]), null);
    const few = tagged(8, 10, 'end');
    assert.equal(misalignedTags(few.x, [8, 10], few.y, [8, 10, 4]), null);
  });
});
