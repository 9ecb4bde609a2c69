'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9505);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Root-cause classification of packaging-line stoppages. Each example is the 16-step event
// window before a stop: an alarm flag from the PLC plus the deviations of the temperature,
// pressure and vibration channels from their setpoints (C, kPa, mm/s). The subsystem at
// fault (thermal, hydraulic, mechanical) shows up in the steps where the alarm was raised,
// so the classifier is a single self-attention block over the window, mean-pooled, with a
// small dense head.
const STEPS = 16;
const CHANNELS = 4;
const FAULTS = ['thermal', 'hydraulic', 'mechanical'];
const N_TRAIN = 500;
const N_TEST = 300;
const KEY_DIM = 256;

class SelfAttention extends tf.layers.Layer {
  constructor(config) {
    super(config);
    this.keyDim = config.keyDim;
  }

  build(inputShape) {
    const inputDim = inputShape[inputShape.length - 1];
    const glorot = tf.initializers.glorotUniform({});
    const zeros = tf.initializers.zeros();
    this.wq = this.addWeight('wq', [inputDim, this.keyDim], 'float32', glorot);
    this.wk = this.addWeight('wk', [inputDim, this.keyDim], 'float32', glorot);
    this.wv = this.addWeight('wv', [inputDim, this.keyDim], 'float32', glorot);
    this.bq = this.addWeight('bq', [this.keyDim], 'float32', zeros);
    this.bk = this.addWeight('bk', [this.keyDim], 'float32', zeros);
    this.bv = this.addWeight('bv', [this.keyDim], 'float32', zeros);
    this.built = true;
  }

  computeOutputShape(inputShape) {
    return [inputShape[0], inputShape[1], this.keyDim];
  }

  call(inputs) {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      const [batch, steps, inputDim] = x.shape;
      const flat = x.reshape([batch * steps, inputDim]);
      const project = (w, b) => tf.matMul(flat, w.read()).add(b.read()).reshape([batch, steps, this.keyDim]);
      const q = project(this.wq, this.bq);
      const k = project(this.wk, this.bk);
      const v = project(this.wv, this.bv);
      const scores = tf.matMul(q, k, false, true).div(Math.sqrt(this.keyDim));
      const weights = tf.softmax(scores); // over the key axis
      return tf.matMul(weights, v);
    });
  }

  getConfig() {
    return { ...super.getConfig(), keyDim: this.keyDim };
  }

  static get className() {
    return 'SelfAttention';
  }
}
tf.serialization.registerClass(SelfAttention);

function eventWindows(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const fault = rng.int(0, FAULTS.length);
    const window = [];
    for (let t = 0; t < STEPS; t++) {
      const alarm = rng.random() < 0.2 ? 1 : 0;
      // during an alarm the line holds and only the faulty channel stays off its setpoint
      const deviations = FAULTS.map((_, c) => (alarm ? rng.normal(c === fault ? 6 : 0, 1.5) : rng.normal(0, 6)));
      window.push([alarm, ...deviations]);
    }
    xs.push(window);
    ys.push(fault);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = eventWindows(N_TRAIN);
  const test = eventWindows(N_TEST);
  const xTrain = tf.tensor3d(train.xs, [N_TRAIN, STEPS, CHANNELS]);
  const yTrain = tf.oneHot(tf.tensor1d(train.ys, 'int32'), FAULTS.length);
  const xTest = tf.tensor3d(test.xs, [N_TEST, STEPS, CHANNELS]);
  const yTest = tf.oneHot(tf.tensor1d(test.ys, 'int32'), FAULTS.length);

  const model = tf.sequential();
  model.add(new SelfAttention({ keyDim: KEY_DIM, inputShape: [STEPS, CHANNELS] }));
  model.add(tf.layers.globalAveragePooling1d());
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: FAULTS.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
