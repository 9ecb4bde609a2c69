'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5171);
const tf = require('@tensorflow/tfjs');

// Support-ticket routing: a ticket is a sequence of 30 word ids (vocabulary of 60) and goes to one
// of 4 queues (billing, shipping, account, technical). Each queue has its own keywords, which show
// up among common filler words. Token embeddings plus a position signal feed one self-attention
// head, then a per-token dense layer, average pooling over the ticket and a softmax over the
// queues (functional API). The cpu backend is used because embedding gradients need
// UnsortedSegmentSum.
const QUEUES = ['billing', 'shipping', 'account', 'technical'];
const VOCAB = 60;
const MAX_LEN = 30;
const EMBED_DIM = 8;
const HEAD_DIM = 16;
const KEYWORDS_PER_QUEUE = 6;
const N_TRAIN = 400;
const N_TEST = 400;

class AddPositions extends tf.layers.Layer {
  constructor(config) {
    super(config);
    this.maxLen = config.maxLen;
  }

  call(inputs) {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      const positions = tf.range(0, this.maxLen).div(this.maxLen).reshape([1, this.maxLen, 1]);
      return x.add(positions);
    });
  }

  getConfig() {
    return { ...super.getConfig(), maxLen: this.maxLen };
  }

  static get className() {
    return 'AddPositions';
  }
}
tf.serialization.registerClass(AddPositions);

function makeTickets(n) {
  const tokens = [];
  const labels = [];
  const fillerStart = QUEUES.length * KEYWORDS_PER_QUEUE;
  for (let i = 0; i < n; i++) {
    const q = rng.int(0, QUEUES.length);
    const row = rng.array(MAX_LEN, () => {
      if (rng.random() < 0.2) return q * KEYWORDS_PER_QUEUE + rng.int(0, KEYWORDS_PER_QUEUE);
      if (rng.random() < 0.1) return rng.int(0, fillerStart);
      return rng.int(fillerStart, VOCAB);
    });
    tokens.push(row);
    labels.push(q);
  }
  return { tokens, labels };
}

async function main() {
  await tf.setBackend('cpu');

  const train = makeTickets(N_TRAIN);
  const test = makeTickets(N_TEST);
  const xTrain = tf.tensor2d(train.tokens, [N_TRAIN, MAX_LEN]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), QUEUES.length).toFloat();
  const xTest = tf.tensor2d(test.tokens, [N_TEST, MAX_LEN]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), QUEUES.length).toFloat();

  const input = tf.input({ shape: [MAX_LEN] });
  const embedded = tf.layers.embedding({ inputDim: VOCAB, outputDim: EMBED_DIM }).apply(input);
  const x = new AddPositions({ maxLen: MAX_LEN }).apply(embedded);
  const query = tf.layers.dense({ units: HEAD_DIM }).apply(x);
  const key = tf.layers.dense({ units: HEAD_DIM }).apply(x);
  const value = tf.layers.dense({ units: HEAD_DIM }).apply(x);
  const scores = tf.layers.dot({ axes: [2, 2] }).apply([query, key]);
  const attention = tf.layers.activation({ activation: 'softmax' }).apply(scores);
  const context = tf.layers.dot({ axes: [2, 1] }).apply([attention, value]);
  const perToken = tf.layers.dense({ units: 16, activation: 'relu' }).apply(context);
  const pooled = tf.layers.globalAveragePooling1d({}).apply(perToken);
  const output = tf.layers.dense({ units: QUEUES.length, activation: 'softmax' }).apply(pooled);
  const model = tf.model({ inputs: input, outputs: output });
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 8, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
