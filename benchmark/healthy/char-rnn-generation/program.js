'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2953);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// A character-level language model in the style of tfjs-examples' lstm-text-generation. The
// text comes from a small stochastic grammar (a few dozen words in three sentence templates), so
// most next characters are predictable from the ones before. Training examples are one-hot
// windows of 20 characters (taken every 3 characters) labelled with the next character; an
// LSTM(64) -> Dense(vocab, softmax) is fit with categorical cross-entropy and adam, and after
// every epoch a short string is sampled with temperature and kept.
const SAMPLE_LEN = 20;
const SAMPLE_STEP = 3;
const EPOCHS = 3;
const BATCH_SIZE = 32;
const GEN_LEN = 40;
const TEMPERATURE = 0.5;

const WORDS = {
  det: ['the', 'a', 'my', 'one'],
  adj: ['small', 'red', 'happy', 'old', 'quick', 'green'],
  noun: ['cat', 'dog', 'bird', 'fox', 'child', 'farmer', 'horse', 'tree'],
  verbT: ['sees', 'likes', 'chases', 'finds', 'watches', 'follows'],
  verbI: ['sleeps', 'runs', 'sings', 'waits'],
  adv: ['slowly', 'today', 'again', 'quietly'],
  prep: ['near', 'under', 'behind', 'with'],
};

function pick(list) {
  return list[rng.int(0, list.length)];
}

function nounPhrase() {
  const words = [pick(WORDS.det)];
  if (rng.random() < 0.5) words.push(pick(WORDS.adj));
  words.push(pick(WORDS.noun));
  return words.join(' ');
}

function sentence() {
  const r = rng.random();
  if (r < 0.45) return `${nounPhrase()} ${pick(WORDS.verbT)} ${nounPhrase()}.`;
  if (r < 0.75) return `${nounPhrase()} ${pick(WORDS.verbI)}${rng.random() < 0.5 ? ` ${pick(WORDS.adv)}` : ''}.`;
  return `${nounPhrase()} ${pick(WORDS.verbI)} ${pick(WORDS.prep)} ${nounPhrase()}.`;
}

function makeText(minLength) {
  const sentences = [];
  let length = 0;
  while (length < minLength) {
    const s = sentence();
    sentences.push(s);
    length += s.length + 1;
  }
  return sentences.join(' ');
}

// One-hot [n, SAMPLE_LEN, vocab] windows and [n, vocab] next characters, as in the example's
// TextData.nextDataEpoch.
function makeExamples(text, charToIndex, vocab) {
  const starts = [];
  for (let i = 0; i + SAMPLE_LEN < text.length; i += SAMPLE_STEP) starts.push(i);
  const n = starts.length;
  const xs = new Float32Array(n * SAMPLE_LEN * vocab);
  const ys = new Float32Array(n * vocab);
  starts.forEach((start, k) => {
    for (let j = 0; j < SAMPLE_LEN; j++) xs[(k * SAMPLE_LEN + j) * vocab + charToIndex.get(text[start + j])] = 1;
    ys[k * vocab + charToIndex.get(text[start + SAMPLE_LEN])] = 1;
  });
  return { n, xs, ys, targets: starts.map((s) => charToIndex.get(text[s + SAMPLE_LEN])) };
}

// Samples GEN_LEN characters after a seed window; every tensor is freed by tf.tidy.
function generate(model, seedText, charToIndex, chars) {
  const vocab = chars.length;
  const indices = Array.from(seedText, (c) => charToIndex.get(c));
  let generated = '';
  for (let step = 0; step < GEN_LEN; step++) {
    const next = tf.tidy(() => {
      const input = tf.oneHot(tf.tensor1d(indices.slice(-SAMPLE_LEN), 'int32'), vocab).toFloat().expandDims(0);
      const probs = model.predict(input).squeeze();
      const logits = probs.add(1e-7).log().div(TEMPERATURE);
      return tf.multinomial(logits, 1, rng.int(0, 1e9), false).dataSync()[0];
    });
    indices.push(next);
    generated += chars[next];
  }
  return generated;
}

async function main() {
  await tf.setBackend('wasm');

  const trainText = makeText(5000);
  const testText = makeText(3000);
  const chars = Array.from(new Set(trainText + testText)).sort();
  const vocab = chars.length;
  const charToIndex = new Map(chars.map((c, i) => [c, i]));

  const train = makeExamples(trainText, charToIndex, vocab);
  const test = makeExamples(testText, charToIndex, vocab);
  const xTrain = tf.tensor3d(train.xs, [train.n, SAMPLE_LEN, vocab]);
  const yTrain = tf.tensor2d(train.ys, [train.n, vocab]);
  const xTest = tf.tensor3d(test.xs, [test.n, SAMPLE_LEN, vocab]);
  const yTest = tf.tensor2d(test.ys, [test.n, vocab]);

  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 64, inputShape: [SAMPLE_LEN, vocab] }));
  model.add(tf.layers.dense({ units: vocab, activation: 'softmax' }));

  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const seedText = testText.slice(0, SAMPLE_LEN);
  const samples = [];
  const history = await model.fit(xTrain, yTrain, { epochs: EPOCHS, batchSize: BATCH_SIZE, verbose: 0, callbacks: { onEpochEnd: async () => { samples.push(generate(model, seedText, charToIndex, chars)); } } });

  // Held-out check on text generated separately: per-character cross-entropy (nats) against the
  // entropy of the training text's character frequencies, and next-character accuracy against
  // always guessing the most frequent character.
  const [testLoss, testAcc] = model.evaluate(xTest, yTest, { batchSize: BATCH_SIZE }).map((t) => t.dataSync()[0]);
  const counts = new Array(vocab).fill(0);
  for (const c of trainText) counts[charToIndex.get(c)]++;
  const unigramCe = -test.targets.reduce((s, k) => s + Math.log(Math.max(counts[k], 1) / trainText.length), 0) / test.n;
  const mostFrequent = counts.indexOf(Math.max(...counts));
  const majorityAcc = test.targets.filter((k) => k === mostFrequent).length / test.n;
  const h = history.history;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[EPOCHS - 1].toFixed(3)} | held-out CE ${testLoss.toFixed(3)} nats vs unigram ${unigramCe.toFixed(3)}, acc ${testAcc.toFixed(3)} vs most-frequent ${majorityAcc.toFixed(3)} | "${seedText}" -> "${samples[samples.length - 1]}"`);
}

main();
