'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9560);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Account-takeover detection from login sessions. Every flagged session holds one failed login
// and one password change among ordinary events. When the failed login comes before the password
// change somebody was guessing and then took the account over; when it comes after, the owner
// changed the password and mistyped the new one. Each event is one-hot encoded by type, plus its
// time into the session scaled to [0, 1]; a single self-attention layer over the session is
// mean-pooled and classified by a small dense head.
const EVENTS = ['login_ok', 'view_page', 'update_profile', 'add_card', 'send_message', 'logout',
  'download', 'search', 'login_failed', 'password_change'];
const FAILED = EVENTS.indexOf('login_failed');
const CHANGE = EVENTS.indexOf('password_change');
const STEPS = 12;
const FEATURES = EVENTS.length + 1;
const KEY_DIM = 16;
const N_TRAIN = 1200;
const N_TEST = 400;

class SelfAttention extends tf.layers.Layer {
  constructor(config) {
    super(config);
    this.keyDim = config.keyDim;
  }

  build(inputShape) {
    const inputDim = inputShape[inputShape.length - 1];
    const glorot = tf.initializers.glorotUniform({});
    this.wq = this.addWeight('wq', [inputDim, this.keyDim], 'float32', glorot);
    this.wk = this.addWeight('wk', [inputDim, this.keyDim], 'float32', glorot);
    this.wv = this.addWeight('wv', [inputDim, this.keyDim], 'float32', glorot);
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
      const project = (w) => tf.matMul(flat, w.read()).reshape([batch, steps, this.keyDim]);
      const q = project(this.wq);
      const k = project(this.wk);
      const v = project(this.wv);
      const scores = tf.matMul(q, k, false, true).div(Math.sqrt(this.keyDim));
      // row-wise softmax of the [query, key] score matrix, in log space for stability
      const weights = tf.exp(scores.sub(tf.logSumExp(scores, -1, true)));
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

function loadSessions(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const types = rng.array(STEPS, () => rng.int(0, FAILED));
    const earlier = rng.int(0, STEPS - 1);
    const later = rng.int(earlier + 1, STEPS);
    const takeover = rng.random() < 0.5;
    // in a takeover the failed login comes first
    types[earlier] = takeover ? FAILED : CHANGE;
    types[later] = takeover ? CHANGE : FAILED;
    xs.push(types.map((type, t) => {
      const row = new Array(FEATURES).fill(0);
      row[type] = 1;
      row[EVENTS.length] = t / (STEPS - 1);
      return row;
    }));
    ys.push([takeover ? 1 : 0]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = loadSessions(N_TRAIN);
  const test = loadSessions(N_TEST);
  const xTrain = tf.tensor3d(train.xs, [N_TRAIN, STEPS, FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor3d(test.xs, [N_TEST, STEPS, FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(new SelfAttention({ keyDim: KEY_DIM, inputShape: [STEPS, FEATURES] }));
  model.add(tf.layers.globalAveragePooling1d());
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 12, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
