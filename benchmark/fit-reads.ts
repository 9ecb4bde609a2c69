/**
 * `npm run bench:fit-reads`: what the probe's reads of fit's data cost. At each fit call it reads
 * the training inputs once (row fingerprints and column scales, for rows scored again and inputs
 * off scale), and at a model's first fit it searches the inputs for the targets and for a scale a
 * few values set. This times those reads on the data of the overhead benchmark's `mlp-wasm` (4,096
 * rows of 32 features) and on a larger table (60,000 × 64, as MNIST-sized tabular data), against
 * one epoch of training `mlp-wasm`'s model on the same data, and prints the ratio.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { readRows, TrainedRows } from '../src/runner/data-reuse';
import { targetInInputs } from '../src/runner/target-leak';
import { scaleSetByFew } from '../src/runner/tensor-stats';

const median = (v: number[]): number => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;

async function main(): Promise<void> {
  await tf.setBackend('wasm');
  for (const [rows, columns] of [[4096, 32], [60000, 64]] as const) {
    const x = tf.randomNormal([rows, columns], 0, 1, 'float32', 7);
    const y = tf.oneHot(tf.tensor1d(Array.from({ length: rows }, (_, i) => i % 2), 'int32'), 2).toFloat();
    const reads: number[] = [];
    for (let r = 0; r < 7; r++) {
      const t0 = performance.now();
      // As the probe does at a fit's start: each tensor copied out of the backend once, for every check.
      const memo = new Map<object, ArrayLike<number>>();
      const valuesOf = (t: any): ArrayLike<number> => memo.get(t) ?? memo.set(t, t.dataSync()).get(t)!;
      new TrainedRows().trainOn(readRows(x, valuesOf)!);
      targetInInputs(x, y, valuesOf);
      scaleSetByFew(valuesOf(x) as Float32Array);
      reads.push(performance.now() - t0);
    }
    const model = tf.sequential();
    model.add(tf.layers.dense({ units: 128, activation: 'relu', inputShape: [columns] }));
    model.add(tf.layers.dense({ units: 128, activation: 'relu' }));
    model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
    model.add(tf.layers.dense({ units: 2, activation: 'softmax' }));
    model.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy' });
    const t0 = performance.now();
    await model.fit(x, y, { epochs: 1, batchSize: 32, verbose: 0 });
    const epoch = performance.now() - t0;
    console.log(`${rows} × ${columns}: reads ${median(reads).toFixed(1)} ms (median of 7) · one epoch ${epoch.toFixed(0)} ms · reads / epoch ${(median(reads) / epoch).toFixed(4)}`);
  }
}

main();
