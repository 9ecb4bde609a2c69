'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9542);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Toxic-comment filter over hand-crafted comment features (lexicon hits, caps ratio, punctuation,
// mentions, length, sentiment...). The training comments were rated by five crowd annotators each
// on a 0-1 slider and come with the mean rating; they are turned into toxic / not-toxic labels for
// a small MLP classifier. The held-out set is the moderators' gold set, adjudicated as 0/1.
const FEATURES = [
  'insult_hits', 'profanity_hits', 'threat_hits', 'identity_hits', 'caps_ratio', 'exclamations',
  'mentions', 'log_length', 'sentiment', 'second_person', 'urls', 'repeated_chars',
];
const N_TRAIN = 1500;
const N_TEST = 500;
const ANNOTATORS = 5;

const sigmoid = (z) => 1 / (1 + Math.exp(-z));

function sampleComment() {
  const f = {
    insult_hits: rng.int(0, 4) * (rng.random() < 0.5 ? 1 : 0),
    profanity_hits: rng.int(0, 5) * (rng.random() < 0.4 ? 1 : 0),
    threat_hits: rng.random() < 0.12 ? rng.int(1, 3) : 0,
    identity_hits: rng.random() < 0.25 ? rng.int(1, 3) : 0,
    caps_ratio: Math.min(1, Math.abs(rng.normal(0.08, 0.12))),
    exclamations: rng.int(0, 6),
    mentions: rng.int(0, 3),
    log_length: rng.normal(4, 0.8),
    sentiment: rng.uniform(-1, 1),
    second_person: rng.int(0, 5),
    urls: rng.random() < 0.15 ? 1 : 0,
    repeated_chars: rng.random() < 0.2 ? 1 : 0,
  };
  const z = 1.1 * f.insult_hits + 0.7 * f.profanity_hits + 1.8 * f.threat_hits + 0.9 * f.identity_hits * (f.sentiment < 0 ? 1 : 0.2)
    + 3 * f.caps_ratio + 0.15 * f.exclamations + 0.25 * f.second_person - 1.2 * f.sentiment - 0.8 * f.urls - 2.6;
  return { f, z };
}

// crowd export: features plus the mean of the annotators' 0-1 toxicity ratings
function crowdRatedComments(n) {
  return rng.array(n, () => {
    const { f, z } = sampleComment();
    const ratings = rng.array(ANNOTATORS, () => sigmoid(z + rng.normal(0, 0.8)));
    return { ...f, toxicity: ratings.reduce((s, r) => s + r, 0) / ANNOTATORS };
  });
}

// moderators' gold set: features plus the adjudicated 0/1 label
function goldComments(n) {
  return rng.array(n, () => {
    const { f, z } = sampleComment();
    return { ...f, toxic: z + rng.normal(0, 0.3) > 0 ? 1 : 0 };
  });
}

async function main() {
  await tf.setBackend('wasm');

  const crowd = crowdRatedComments(N_TRAIN);
  const gold = goldComments(N_TEST);

  const xTrainRaw = tf.tensor2d(crowd.map((c) => FEATURES.map((k) => c[k])));
  // mean crowd rating -> 0/1 label
  const yTrain = tf.tensor2d(crowd.map((c) => [c.toxicity | 0]));
  const xTestRaw = tf.tensor2d(gold.map((c) => FEATURES.map((k) => c[k])));
  const yTest = tf.tensor2d(gold.map((c) => [c.toxic]));

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [FEATURES.length] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 25, batchSize: 32, validationSplit: 0.1, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} val acc ${h.val_acc[last].toFixed(3)} | gold test loss ${testLoss.toFixed(3)} gold test acc ${testAcc.toFixed(3)}`);
}

main();
