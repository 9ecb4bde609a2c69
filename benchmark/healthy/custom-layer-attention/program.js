'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6203);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Token sequences of length 32 over a vocabulary of 200 ids. Ids 1..24 are keywords, four per
// topic; every sequence holds exactly one keyword at a random position among filler ids 25..199,
// and its label is that keyword's topic. Attention pooling can pick out the one position that
// matters instead of averaging it away with 31 fillers. The training labels are annotated with
// 5% errors (a random other topic); the test labels are clean.
const VOCAB = 200;
const MAXLEN = 32;
const TOPICS = 6;
const KEYWORDS_PER_TOPIC = 4;
const FIRST_FILLER = 1 + TOPICS * KEYWORDS_PER_TOPIC;

function makeSequences(n, labelNoise) {
  const tokens = new Int32Array(n * MAXLEN);
  const labels = [];
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < MAXLEN; t++) tokens[i * MAXLEN + t] = rng.int(FIRST_FILLER, VOCAB);
    const topic = rng.int(0, TOPICS);
    const keyword = 1 + topic * KEYWORDS_PER_TOPIC + rng.int(0, KEYWORDS_PER_TOPIC);
    tokens[i * MAXLEN + rng.int(0, MAXLEN)] = keyword;
    labels.push(rng.random() < labelNoise ? (topic + rng.int(1, TOPICS)) % TOPICS : topic);
  }
  return { tokens, labels };
}

// Additive attention pooling: score_t = tanh(x_t W + b) v, weights = softmax over time,
// output = sum_t weights_t x_t. [batch, time, features] -> [batch, features].
class AttentionPooling extends tf.layers.Layer {
  static className = 'AttentionPooling';

  constructor(config) {
    super(config);
    this.units = config.units;
  }

  build(inputShape) {
    const features = inputShape[inputShape.length - 1];
    this.kernel = this.addWeight('kernel', [features, this.units], 'float32', tf.initializers.glorotUniform({}));
    this.bias = this.addWeight('bias', [this.units], 'float32', tf.initializers.zeros());
    this.context = this.addWeight('context', [this.units, 1], 'float32', tf.initializers.glorotUniform({}));
    this.built = true;
  }

  computeOutputShape(inputShape) {
    return [inputShape[0], inputShape[2]];
  }

  call(inputs) {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      const [, steps, features] = x.shape;
      const hidden = tf.tanh(tf.add(tf.matMul(tf.reshape(x, [-1, features]), this.kernel.read()), this.bias.read()));
      const scores = tf.reshape(tf.matMul(hidden, this.context.read()), [-1, steps]);
      const weights = tf.softmax(scores);
      return tf.sum(tf.mul(x, tf.expandDims(weights, 2)), 1);
    });
  }

  getConfig() {
    return { ...super.getConfig(), units: this.units };
  }
}
tf.serialization.registerClass(AttentionPooling);

// Categorical cross-entropy written out, with probabilities clipped away from 0 and 1 so log
// stays finite; one loss value per sample (fit averages them).
function clippedCategoricalCrossentropy(yTrue, yPred) {
  return tf.tidy(() => {
    const probs = tf.clipByValue(yPred, 1e-7, 1 - 1e-7);
    return tf.neg(tf.sum(tf.mul(yTrue, tf.log(probs)), -1));
  });
}

async function main() {
  await tf.setBackend('wasm');

  const NTRAIN = 1500;
  const NTEST = 500;
  const train = makeSequences(NTRAIN, 0.05);
  const test = makeSequences(NTEST, 0);
  // Tokens go in one-hot and a bias-free dense layer projects each step (the same as an
  // embedding lookup; the wasm backend has no kernel for the embedding layer's gradient).
  const xTrain = tf.oneHot(tf.tensor2d(train.tokens, [NTRAIN, MAXLEN], 'int32'), VOCAB).toFloat();
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), TOPICS).toFloat();
  const xTest = tf.oneHot(tf.tensor2d(test.tokens, [NTEST, MAXLEN], 'int32'), VOCAB).toFloat();
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), TOPICS).toFloat();

  const tokens = tf.input({ shape: [MAXLEN, VOCAB], name: 'tokens' });
  const embedded = tf.layers.dense({ units: 16, useBias: false, name: 'token_projection' }).apply(tokens);
  const pooled = new AttentionPooling({ units: 16, name: 'attention_pooling' }).apply(embedded);
  const hidden = tf.layers.dense({ units: 16, activation: 'relu', name: 'hidden' }).apply(pooled);
  const topic = tf.layers.dense({ units: TOPICS, activation: 'softmax', name: 'topic' }).apply(hidden);
  const model = tf.model({ inputs: tokens, outputs: topic });

  model.compile({ optimizer: tf.train.adam(0.005), loss: clippedCategoricalCrossentropy, metrics: [tf.metrics.categoricalAccuracy] });

  const history = await model.fit(xTrain, yTrain, { epochs: 6, batchSize: 32, validationSplit: 0.1, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);

  // The registered layer must survive a save/load round trip through its config.
  let artifacts;
  await model.save(tf.io.withSaveHandler(async (a) => {
    artifacts = a;
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  }));
  const reloaded = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
  const drift = tf.tidy(() => tf.max(tf.abs(tf.sub(model.predict(xTest), reloaded.predict(xTest)))).dataSync()[0]);

  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} val_acc ${h.val_categoricalAccuracy[last].toFixed(3)} | held-out loss ${testLoss.toFixed(4)} accuracy ${testAcc.toFixed(3)} | reloaded max diff ${drift.toExponential(1)}`);
}

main();
