'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9627);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Wine cultivar classification from raw lab measurements (alcohol %, malic acid g/L, magnesium
// mg/L, proline mg/L, ...). The columns come straight from the lab report in very different units,
// so the model starts with a small standardization layer of our own that keeps running statistics
// like batch norm does. Training uses mini-batches; the held-out samples are then scored one at a
// time, the way the lab's intake service sends them (one sample per request).
const CULTIVARS = ['barolo', 'grignolino', 'barbera'];
const FEATURES = ['alcohol', 'malic_acid', 'ash', 'alcalinity', 'magnesium', 'phenols', 'flavanoids', 'color', 'hue', 'proline'];
// per-cultivar means and shared spreads, in the lab's units
const CENTERS = [
  [13.7, 2.0, 2.45, 17.0, 106, 2.84, 2.98, 5.5, 1.06, 1116],
  [12.3, 1.9, 2.24, 20.2, 94, 2.26, 2.08, 3.1, 1.06, 520],
  [13.1, 3.3, 2.44, 21.4, 99, 1.68, 0.78, 7.4, 0.68, 630],
];
const SPREADS = [0.5, 0.9, 0.25, 3.0, 14, 0.55, 0.6, 1.6, 0.2, 180];
const N_TRAIN = 900;
const N_TEST = 300;
const EPS = 1e-3;

class RunningStandardize extends tf.layers.Layer {
  constructor(config) {
    super(config);
    this.momentum = config.momentum;
  }

  build(inputShape) {
    const d = inputShape[inputShape.length - 1];
    this.movingMean = this.addWeight('moving_mean', [d], 'float32', tf.initializers.zeros(), undefined, false);
    this.movingVar = this.addWeight('moving_variance', [d], 'float32', tf.initializers.ones(), undefined, false);
    this.built = true;
  }

  call(inputs, kwargs) {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      const stats = tf.moments(x, 0);
      if (kwargs.training) {
        this.movingMean.write(this.movingMean.read().mul(this.momentum).add(stats.mean.mul(1 - this.momentum)));
        this.movingVar.write(this.movingVar.read().mul(this.momentum).add(stats.variance.mul(1 - this.momentum)));
      }
      return x.sub(stats.mean).div(stats.variance.add(EPS).sqrt());
    });
  }

  static get className() {
    return 'RunningStandardize';
  }
}
tf.serialization.registerClass(RunningStandardize);

function labReport(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, CULTIVARS.length);
    xs.push(CENTERS[c].map((mu, j) => mu + rng.normal(0, SPREADS[j])));
    labels.push(c);
  }
  return { xs, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const train = labReport(N_TRAIN);
  const test = labReport(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, FEATURES.length]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), CULTIVARS.length).toFloat();

  const model = tf.sequential();
  model.add(new RunningStandardize({ momentum: 0.9, inputShape: [FEATURES.length] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: CULTIVARS.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 15, batchSize: 32, shuffle: true, verbose: 0 });

  // score the held-out samples as the intake service does: one request per sample
  let correct = 0;
  const predicted = new Array(CULTIVARS.length).fill(0);
  for (let i = 0; i < N_TEST; i++) {
    const c = tf.tidy(() => model.predict(tf.tensor2d([test.xs[i]], [1, FEATURES.length])).argMax(-1).dataSync()[0]);
    predicted[c] += 1;
    if (c === test.labels[i]) correct += 1;
  }

  const h = history.history;
  const last = h.loss.length - 1;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | held-out acc (per request) ${(correct / N_TEST).toFixed(3)} predicted per class [${predicted.join(', ')}]`);
}

main();
