'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9594);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Which of two invoice totals is larger, read character by character. Each example is the two
// 6-digit totals as digit tokens with a separator between them, "a1..a6 | b1..b6"; the label is 1
// when the first total is larger. A token-and-position embedding layer (learned tables for both,
// summed, so each digit's vector also carries its place), a per-token dense layer, mean pooling
// and a sigmoid output (functional API). The cpu backend is used because the embedding lookups
// need the gather gradient.
const DIGITS = 6;
const SEP = 10;
const VOCAB = 11;
const MAX_LEN = 2 * DIGITS + 1;
const EMBED_DIM = 12;
const N_TRAIN = 800;
const N_TEST = 500;

class TokenAndPositionEmbedding extends tf.layers.Layer {
  constructor(config) {
    super(config);
    this.vocabSize = config.vocabSize;
    this.maxLen = config.maxLen;
    this.embedDim = config.embedDim;
  }

  build() {
    const init = tf.initializers.randomUniform({ minval: -0.05, maxval: 0.05 });
    this.tokenTable = this.addWeight('token_embeddings', [this.vocabSize, this.embedDim], 'float32', init);
    this.positionTable = this.addWeight('position_embeddings', [this.maxLen, this.embedDim], 'float32', init);
    this.built = true;
  }

  computeOutputShape(inputShape) {
    return [inputShape[0], inputShape[1], this.embedDim];
  }

  call(inputs) {
    return tf.tidy(() => {
      const ids = (Array.isArray(inputs) ? inputs[0] : inputs).toInt();
      const tokens = tf.gather(this.tokenTable.read(), ids);
      const positions = tf.gather(this.positionTable.read(), ids);
      return tokens.add(positions);
    });
  }

  getConfig() {
    return { ...super.getConfig(), vocabSize: this.vocabSize, maxLen: this.maxLen, embedDim: this.embedDim };
  }

  static get className() {
    return 'TokenAndPositionEmbedding';
  }
}
tf.serialization.registerClass(TokenAndPositionEmbedding);

function makePairs(n) {
  const tokens = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const a = rng.int(100000, 1000000);
    let b = rng.int(100000, 1000000);
    if (b === a) b = a === 999999 ? a - 1 : a + 1;
    const digits = (v) => String(v).split('').map(Number);
    tokens.push([...digits(a), SEP, ...digits(b)]);
    labels.push([a > b ? 1 : 0]);
  }
  return { tokens, labels };
}

async function main() {
  await tf.setBackend('cpu');

  const train = makePairs(N_TRAIN);
  const test = makePairs(N_TEST);
  const xTrain = tf.tensor2d(train.tokens, [N_TRAIN, MAX_LEN]);
  const yTrain = tf.tensor2d(train.labels, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.tokens, [N_TEST, MAX_LEN]);
  const yTest = tf.tensor2d(test.labels, [N_TEST, 1]);

  const input = tf.input({ shape: [MAX_LEN] });
  const embedded = new TokenAndPositionEmbedding({ vocabSize: VOCAB, maxLen: MAX_LEN, embedDim: EMBED_DIM }).apply(input);
  const perToken = tf.layers.dense({ units: 24, activation: 'relu' }).apply(embedded);
  const pooled = tf.layers.globalAveragePooling1d({}).apply(perToken);
  const output = tf.layers.dense({ units: 1, activation: 'sigmoid' }).apply(pooled);
  const model = tf.model({ inputs: input, outputs: output });
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 12, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
