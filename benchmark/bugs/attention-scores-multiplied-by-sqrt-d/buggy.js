'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9599);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Demand-response tiers for smart-meter households. Each example is one day of 24 hourly
// readings: a flag for the hours the utility called a demand-response event, the household's
// load ratio (consumption over its usual consumption for that hour of the week), the rooftop
// solar output (kW), the weather station's temperature (C) and humidity (%), and the hour of
// day as sin/cos. The tier (ignores / partly follows / follows the events) is decided from how
// far the load drops during the event hours, which move from day to day, so the classifier is a
// single scaled dot-product self-attention block over the day, mean-pooled, with a small dense
// head.
const HOURS = 24;
const CHANNELS = 7;
const TIERS = ['ignores', 'partial', 'follows'];
const N_TRAIN = 600;
const N_TEST = 300;
const KEY_DIM = 64;

class SelfAttention extends tf.layers.Layer {
  constructor(config) {
    super(config);
    this.keyDim = config.keyDim;
  }

  build(inputShape) {
    const inputDim = inputShape[inputShape.length - 1];
    const lecun = tf.initializers.leCunNormal({}); // unit-variance projections for unit-variance inputs
    const zeros = tf.initializers.zeros();
    this.wq = this.addWeight('wq', [inputDim, this.keyDim], 'float32', lecun);
    this.wk = this.addWeight('wk', [inputDim, this.keyDim], 'float32', lecun);
    this.wv = this.addWeight('wv', [inputDim, this.keyDim], 'float32', lecun);
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
      // scaled dot-product attention over the hours of the day
      const scores = tf.mul(tf.matMul(q, k, false, true), Math.sqrt(this.keyDim));
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

function meterDays(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const tier = rng.int(0, TIERS.length);
    const drop = [0.05, 0.3, 0.55][tier];
    const events = rng.int(2, 7);
    const start = rng.int(6, HOURS - events);
    const day = [];
    for (let h = 0; h < HOURS; h++) {
      const event = h >= start && h < start + events ? 1 : 0;
      const phase = (h / HOURS) * 2 * Math.PI;
      const temperature = 18 + 8 * Math.sin(((h - 9) / 24) * 2 * Math.PI) + rng.normal(0, 2);
      const humidity = Math.min(100, Math.max(20, 75 - 1.5 * (temperature - 18) + rng.normal(0, 8)));
      const solar = Math.max(0, 3.5 * Math.sin(((h - 6) / 12) * Math.PI)) * (h >= 6 && h <= 18 ? rng.uniform(0.5, 1) : 0);
      // outside the events the ratio swings with appliances switching on and off
      const load = event ? 1 - drop + rng.normal(0, 0.08) : Math.max(0.1, 1 + rng.normal(0, 0.35) + (rng.random() < 0.1 ? rng.uniform(0.5, 2) : 0));
      day.push([event, load, solar, temperature, humidity, Math.sin(phase), Math.cos(phase)]);
    }
    xs.push(day);
    ys.push(tier);
  }
  return { xs, ys };
}

// scale the measured channels with the training statistics; the event flag (channel 0) stays 0/1
function channelStats(xs) {
  const steps = xs.flat();
  return Array.from({ length: CHANNELS }, (_, c) => {
    if (c === 0) return [0, 1];
    const mean = steps.reduce((a, step) => a + step[c], 0) / steps.length;
    const std = Math.sqrt(steps.reduce((a, step) => a + (step[c] - mean) * (step[c] - mean), 0) / steps.length);
    return [mean, std];
  });
}

function standardize(xs, stats) {
  return xs.map((day) => day.map((step) => step.map((value, c) => (value - stats[c][0]) / stats[c][1])));
}

async function main() {
  await tf.setBackend('wasm');

  const train = meterDays(N_TRAIN);
  const test = meterDays(N_TEST);
  const stats = channelStats(train.xs);
  const xTrain = tf.tensor3d(standardize(train.xs, stats), [N_TRAIN, HOURS, CHANNELS]);
  const yTrain = tf.oneHot(tf.tensor1d(train.ys, 'int32'), TIERS.length);
  const xTest = tf.tensor3d(standardize(test.xs, stats), [N_TEST, HOURS, CHANNELS]);
  const yTest = tf.oneHot(tf.tensor1d(test.ys, 'int32'), TIERS.length);

  const model = tf.sequential();
  model.add(new SelfAttention({ keyDim: KEY_DIM, inputShape: [HOURS, CHANNELS] }));
  model.add(tf.layers.globalAveragePooling1d());
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: TIERS.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.002), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
