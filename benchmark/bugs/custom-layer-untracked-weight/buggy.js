'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3907);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Binary classifier on 24 standardized features, most of them noise; the label depends on
// an interaction of a few of them. A small custom layer first projects the features down to
// a 4-dimensional code, then a dense head classifies the code. Trained with model.fit.
const N_TRAIN = 1200;
const N_TEST = 400;
const N_FEATURES = 24;
const CODE_SIZE = 4;

class FeatureProjection extends tf.layers.Layer {
  constructor(config) {
    super(config);
    this.units = config.units;
  }

  build(inputShape) {
    const inputDim = inputShape[inputShape.length - 1];
    this.kernel = tf.variable(tf.randomNormal([inputDim, this.units], 0, 0.2), true, `${this.name}/kernel`);
    this.built = true;
  }

  computeOutputShape(inputShape) {
    return [inputShape[0], this.units];
  }

  call(inputs) {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      return tf.matMul(x, this.kernel);
    });
  }

  getConfig() {
    return { ...super.getConfig(), units: this.units };
  }

  static get className() {
    return 'FeatureProjection';
  }
}
tf.serialization.registerClass(FeatureProjection);

function makeData(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const r = rng.array(N_FEATURES, () => rng.normal(0, 1));
    const score = r[3] * r[11] + r[17] - 0.5 * r[20];
    xs.push(r);
    ys.push(score > 0 ? 1 : 0);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeData(N_TRAIN);
  const test = makeData(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(new FeatureProjection({ units: CODE_SIZE, inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, validationSplit: 0.1, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} val loss ${h.val_loss[last].toFixed(3)} val acc ${h.val_acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
