const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(1234);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

const VOCAB = 10000;
const N_VAL = 512;
const N_TRAIN = 2048;
// word indices 1000-1299 lean positive, 1300-1599 lean negative; the rest follow a Zipf-like frequency,
// so most reviews also carry rare words that identify them
const POSITIVE = 1000;
const NEGATIVE = 1300;
const SENTIMENT_WORDS = 300;

function review(label) {
  const words = new Set();
  const length = rng.int(100, 200);
  while (words.size < length) {
    const u = rng.random();
    if (u < 0.3) {
      const own = rng.random() < 0.9;
      const start = (label === 1) === own ? POSITIVE : NEGATIVE;
      words.add(start + rng.int(0, SENTIMENT_WORDS));
    } else {
      words.add(Math.min(VOCAB - 1, Math.floor(Math.exp(rng.uniform(0, Math.log(VOCAB))))));
    }
  }
  return words;
}

// multi-hot: 1 where the word index occurs in the review
function multiHot(n, labels) {
  const out = new Float32Array(n * VOCAB);
  for (let i = 0; i < n; i++) for (const w of review(labels[i])) out[i * VOCAB + w] = 1;
  return out;
}

async function main() {
  await tf.setBackend('wasm');
  const n = N_VAL + N_TRAIN;
  const labels = rng.array(n, () => (rng.random() < 0.5 ? 1 : 0));
  // 30% of the ratings disagree with the wording of their review
  const rated = labels.map((l) => (rng.random() < 0.3 ? 1 - l : l));
  const data = multiHot(n, labels);
  const xVal = tf.tensor2d(data.subarray(0, N_VAL * VOCAB), [N_VAL, VOCAB]);
  const yVal = tf.tensor2d(rated.slice(0, N_VAL), [N_VAL, 1]);
  const xTrain = tf.tensor2d(data.subarray(N_VAL * VOCAB), [N_TRAIN, VOCAB]);
  const yTrain = tf.tensor2d(rated.slice(N_VAL), [N_TRAIN, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, inputShape: [10000] }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.dense({ units: 16 }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.add(tf.layers.activation({ activation: 'sigmoid' }));
  model.compile({ optimizer: 'rmsprop', loss: 'binaryCrossentropy', metrics: ['binaryAccuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 4, batchSize: 512, validationData: [xVal, yVal], verbose: 0 });
  const h = history.history;
  const f = (a) => a.map((v) => v.toFixed(3)).join(' ');
  console.log(`loss ${f(h.loss)} | acc ${f(h.binaryAccuracy)} | val_loss ${f(h.val_loss)} | val_acc ${f(h.val_binaryAccuracy)}`);
}

main();
