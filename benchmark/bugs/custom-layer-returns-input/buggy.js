'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9585);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Batch reactor yield (%) from 8 process settings (temperature, pressure, catalyst load, pH,
// residence time, stirring speed, feed ratio, coolant flow). Yield peaks at an optimal pH and
// temperature only pays off with enough catalyst. Model: a linear stem projects the standardized
// settings into a 32-d residual stream, two gated residual blocks (GRN-style, as in temporal
// fusion transformers) refine it, and a linear head reads out the standardized yield.
const N_TRAIN = 2000;
const N_TEST = 500;
const N_FEATURES = 8;
const D_MODEL = 32;
const HIDDEN = 64;

class GatedResidualBlock extends tf.layers.Layer {
  constructor(config) {
    super(config);
    this.hiddenUnits = config.hiddenUnits;
  }

  build(inputShape) {
    const dim = inputShape[inputShape.length - 1];
    const glorot = () => tf.initializers.glorotUniform({});
    this.w1 = this.addWeight('w1', [dim, this.hiddenUnits], 'float32', glorot());
    this.b1 = this.addWeight('b1', [this.hiddenUnits], 'float32', tf.initializers.zeros());
    this.w2 = this.addWeight('w2', [this.hiddenUnits, dim], 'float32', glorot());
    this.b2 = this.addWeight('b2', [dim], 'float32', tf.initializers.zeros());
    this.wg = this.addWeight('wg', [dim, dim], 'float32', glorot());
    this.bg = this.addWeight('bg', [dim], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  computeOutputShape(inputShape) {
    return inputShape;
  }

  call(inputs) {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      const h = tf.relu(tf.add(tf.matMul(x, this.w1.read()), this.b1.read()));
      const update = tf.add(tf.matMul(h, this.w2.read()), this.b2.read());
      const gate = tf.sigmoid(tf.add(tf.matMul(x, this.wg.read()), this.bg.read()));
      const out = tf.add(x, tf.mul(gate, update));
      return x;
    });
  }

  getConfig() {
    return { ...super.getConfig(), hiddenUnits: this.hiddenUnits };
  }

  static get className() {
    return 'GatedResidualBlock';
  }
}
tf.serialization.registerClass(GatedResidualBlock);

function runBatches(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const temperature = rng.uniform(140, 220); // degC
    const pressure = rng.uniform(2, 12); // bar
    const catalyst = rng.uniform(0.1, 2.0); // wt%
    const pH = rng.uniform(4, 10);
    const residence = rng.uniform(10, 90); // min
    const stirring = rng.uniform(200, 800); // rpm
    const feedRatio = rng.uniform(0.8, 1.6);
    const coolant = rng.uniform(5, 25); // L/min
    const t = (temperature - 180) / 40;
    const c = (catalyst - 1.05) / 0.95;
    const yieldPct = 55 + 14 * t * c - 2.2 * (pH - 7) ** 2 + 1.5 * (pressure - 7)
      + 6 * Math.tanh((residence - 40) / 15) - 8 * Math.abs(feedRatio - 1.2) / 0.4 + rng.normal(0, 1.5);
    xs.push([temperature, pressure, catalyst, pH, residence, stirring, feedRatio, coolant]);
    ys.push([yieldPct]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = runBatches(N_TRAIN);
  const test = runBatches(N_TEST);
  const xTrainRaw = tf.tensor2d(train.xs, [N_TRAIN, N_FEATURES]);
  const xTestRaw = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const yTrainRaw = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const yTestRaw = tf.tensor2d(test.ys, [N_TEST, 1]);

  const { mean: xMean, variance: xVar } = tf.moments(xTrainRaw, 0);
  const xStd = xVar.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(xMean).div(xStd);
  const xTest = xTestRaw.sub(xMean).div(xStd);
  const { mean: yMean, variance: yVar } = tf.moments(yTrainRaw);
  const yStd = yVar.sqrt();
  const yTrain = yTrainRaw.sub(yMean).div(yStd);
  const yTest = yTestRaw.sub(yMean).div(yStd);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: D_MODEL, inputShape: [N_FEATURES] }));
  model.add(new GatedResidualBlock({ hiddenUnits: HIDDEN }));
  model.add(new GatedResidualBlock({ hiddenUnits: HIDDEN }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 64, shuffle: true, validationSplit: 0.1, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const testRmsePct = Math.sqrt(testLoss) * yStd.dataSync()[0];
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} val loss ${h.val_loss[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test R2 ${(1 - testLoss).toFixed(3)} test rmse ${testRmsePct.toFixed(2)} pct`);
}

main();
