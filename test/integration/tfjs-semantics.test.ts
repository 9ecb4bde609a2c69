/**
 * Behaviour of the installed TensorFlow.js that the engine's advice relies on. If a tfjs release
 * changes it, this fails and the advice must change with it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';

/** Final weights of a small seeded model after a few full-batch steps with the given optimizer. */
async function trainedWeights(optimizer: tf.Optimizer | string): Promise<number[]> {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 4, activation: 'tanh', inputShape: [3], kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }));
  model.add(tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }));
  model.compile({ optimizer, loss: 'meanSquaredError' });
  const x = tf.tensor2d([[0.1, -0.4, 0.9], [0.5, 0.2, -0.3], [-0.7, 0.8, 0.05], [0.3, -0.1, -0.6]]);
  const y = tf.tensor2d([[0.4], [-0.2], [0.9], [0.1]]);
  await model.fit(x, y, { epochs: 6, batchSize: 4, shuffle: false, verbose: 0 });
  return model.getWeights().flatMap((w) => Array.from(w.dataSync()));
}

test("tfjs's Adadelta takes plain gradient steps: 'adadelta' (learning rate 1) trains exactly as SGD at 1", async () => {
  await tf.setBackend('cpu');
  const adadelta = await trainedWeights('adadelta');
  const sgd = await trainedWeights(tf.train.sgd(1));
  const untrained = await trainedWeights(tf.train.sgd(0));
  assert.ok(adadelta.some((w, i) => Math.abs(w - untrained[i]!) > 1e-3), 'the weights moved');
  adadelta.forEach((w, i) => assert.ok(Math.abs(w - sgd[i]!) < 1e-4, `weight ${i}: adadelta ${w} vs sgd ${sgd[i]}`));
});

test("tfjs's SGD and momentum ignore an assigned learningRate: they step with the rate given to setLearningRate", async () => {
  await tf.setBackend('cpu');
  for (const make of [() => tf.train.sgd(0.1), () => tf.train.momentum(0.1, 0.9)]) {
    const assigned = make();
    // Protected in tfjs's types, public at run time: scripts in JavaScript assign it.
    (assigned as unknown as { learningRate: number }).learningRate = 0;
    const stopped = make();
    stopped.setLearningRate(0);
    const before = await trainedWeights(tf.train.sgd(0));
    const moved = (await trainedWeights(assigned)).some((w, i) => Math.abs(w - before[i]!) > 1e-3);
    const still = (await trainedWeights(stopped)).every((w, i) => Math.abs(w - before[i]!) < 1e-7);
    assert.ok(moved, `${assigned.getClassName()}: learningRate = 0 by assignment still trains`);
    assert.ok(still, `${stopped.getClassName()}: setLearningRate(0) stops training`);
  }
});

test("tfjs's training steps do not apply a layer's kernelConstraint: nonNeg lets fit drive the kernel below 0, setWeights applies it", async () => {
  await tf.setBackend('cpu');
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 1, inputShape: [1], kernelConstraint: tf.constraints.nonNeg(), kernelInitializer: 'ones' }));
  model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
  await model.fit(tf.tensor2d([[1], [2], [3]]), tf.tensor2d([[-1], [-2], [-3]]), { epochs: 20, batchSize: 3, verbose: 0 });
  const [kernel, bias] = model.layers[0]!.getWeights();
  assert.ok(kernel!.dataSync()[0]! < -0.1, `kernel ${kernel!.dataSync()[0]} after fit`);
  model.layers[0]!.setWeights([kernel!.clone(), bias!.clone()]);
  assert.equal(model.layers[0]!.getWeights()[0]!.dataSync()[0], 0, 'setWeights applies the constraint');
});
