'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9539);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Classifies machine fault types from 24 vibration / current spectrum features.
// The plant adds new fault types from time to time, so the classifier uses a cosine
// (normalized-softmax) head: the embedding and every class weight vector are L2-normalized and
// the class scores are their cosine similarities, which keeps new class vectors comparable to the
// old ones. The model is an MLP encoder followed by that head, trained with categorical
// cross-entropy. The maintenance system raises a work order automatically when the predicted
// fault has probability >= 0.5 and sends everything else to manual review, so the held-out report
// includes that automatic share. Recordings from a second campaign are the held-out set.
const NUM_CLASSES = 16;
const NUM_FEATURES = 24;
const N_TRAIN = 2400;
const N_TEST = 800;
const AUTO_THRESHOLD = 0.5;

// one spectral signature per fault type
const signatures = rng.array(NUM_CLASSES, () => rng.array(NUM_FEATURES, () => rng.normal(0, 1)));

function recordFaults(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const fault = rng.int(0, NUM_CLASSES);
    const load = rng.uniform(0.6, 1.4); // machine load scales the whole spectrum
    xs.push(signatures[fault].map((s) => load * s + rng.normal(0, 0.9)));
    labels.push(fault);
  }
  return { xs: tf.tensor2d(xs, [n, NUM_FEATURES]), ys: tf.oneHot(tf.tensor1d(labels, 'int32'), NUM_CLASSES).toFloat() };
}

class CosineHead extends tf.layers.Layer {
  constructor(config) {
    super(config);
    this.units = config.units;
  }

  build(inputShape) {
    this.kernel = this.addWeight('kernel', [inputShape[inputShape.length - 1], this.units], 'float32',
      tf.initializers.glorotUniform({}));
    this.built = true;
  }

  computeOutputShape(inputShape) {
    return [inputShape[0], this.units];
  }

  call(inputs) {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      const xNorm = x.div(x.square().sum(-1, true).add(1e-8).sqrt());
      const w = this.kernel.read();
      const wNorm = w.div(w.square().sum(0, true).add(1e-8).sqrt());
      const cosine = xNorm.matMul(wNorm).mul(16);
      return tf.softmax(cosine);
    });
  }

  static get className() {
    return 'CosineHead';
  }
}

async function main() {
  await tf.setBackend('wasm');

  const train = recordFaults(N_TRAIN);
  const test = recordFaults(N_TEST);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32 }));
  model.add(new CosineHead({ units: NUM_CLASSES }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(train.xs, train.ys, { epochs: 15, batchSize: 64, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(test.xs, test.ys).map((t) => t.dataSync()[0]);
  const topProb = model.predict(test.xs).max(-1);
  const meanTop = topProb.mean().dataSync()[0];
  const autoShare = topProb.greaterEqual(AUTO_THRESHOLD).toFloat().mean().dataSync()[0];
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} mean top prob ${meanTop.toFixed(3)} auto work orders ${(autoShare * 100).toFixed(1)}%`);
}

main();
