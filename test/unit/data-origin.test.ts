/**
 * Where a data tensor's values were made: the probe's notes of kernels and of tensors made from
 * arrays, walked back from the tensor fit receives. The notes here are taken as the probe's kernel
 * hook takes them, on real tensors; the sites are this file's lines.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { dataOrigin, noteKernel, noteMadeTensor } from '../../src/runner/data-origin';

// In the probe, data-origin.ts is bundled into the probe's file, whose frames are never the user's.
const NOT_THE_PROBE = path.resolve(__dirname, '../../src/runner/data-origin.ts');
const lineHere = (): number => Number(/:(\d+):\d+\)?$/.exec(new Error().stack!.split('\n')[2]!)![1]);

describe('where fit data was made', () => {
  it('a column cut from a table is shown where it was cut, through a later cut of rows', () => {
    const table = tf.tensor2d(Array.from({ length: 100 * 7 }, (_, i) => i % 13), [100, 7]);
    noteMadeTensor(table);
    const labels = table.slice([0, 6], [100, 1]);
    noteKernel('Slice', { x: table }, {}, labels); const cutLine = lineHere();
    const train = labels.slice([0, 0], [80, 1]);
    noteKernel('Slice', { x: labels }, {}, train);
    assert.equal(dataOrigin(train, NOT_THE_PROBE)?.site.line, cutLine);
  });

  it('values computed in a helper are shown on the helper line that made them, with the lines that took row means', () => {
    const raw = tf.tensor2d(Array.from({ length: 64 * 4 }, (_, i) => (i * 7) % 11), [64, 4]);
    noteMadeTensor(raw);
    const standardize = (x: tf.Tensor2D) => {
      const mean = x.mean(1, true);
      noteKernel('Mean', { x }, { axis: 1, keepDims: true }, mean); const meanLine = lineHere();
      const centred = x.sub(mean);
      noteKernel('Sub', { a: x, b: mean }, {}, centred); const subLine = lineHere();
      return { centred, meanLine, subLine };
    };
    const { centred, meanLine, subLine } = standardize(raw);
    const origin = dataOrigin(centred, NOT_THE_PROBE);
    assert.equal(origin?.site.line, subLine);
    assert.deepEqual(origin?.rowMeans?.map((s) => s.line), [meanLine]);
  });

  it('a tensor whose making was not seen, or one too small to be data, has no origin', () => {
    assert.equal(dataOrigin(tf.zeros([10, 10]), NOT_THE_PROBE), null);
    const small = tf.tensor1d([1, 2, 3]);
    noteMadeTensor(small);
    assert.equal(dataOrigin(small, NOT_THE_PROBE), null);
  });
});
