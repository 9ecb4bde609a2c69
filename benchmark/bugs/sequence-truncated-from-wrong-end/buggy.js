'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6127);
const tf = require('@tensorflow/tfjs');

// Hotel review sentiment. Guests write a few sentences about their trip (arrival, room, location,
// breakfast) and finish with their verdict on the stay. Reviews are lower-cased, split into words,
// mapped to ids from the training vocabulary (0 = padding, 1 = unknown word), cut or padded to
// MAX_LEN words, embedded, averaged and classified. The cpu backend is used because embedding
// gradients need UnsortedSegmentSum.
const STORY = ('we arrived on friday evening after a long drive and the check in took a few minutes ' +
  'our room was on the third floor with a view of the street the bed was big and the bathroom had ' +
  'a shower breakfast was served from seven until ten in the lobby there is a bus stop nearby and ' +
  'the old town is twenty minutes on foot we stayed for three nights with our two kids').split(' ');
const VERDICT_START = ['overall', 'all in all', 'in the end', 'to sum up', 'honestly'];
const POSITIVE = ['excellent', 'wonderful', 'great', 'lovely', 'fantastic', 'perfect', 'amazing'];
const NEGATIVE = ['terrible', 'awful', 'disappointing', 'horrible', 'dreadful', 'poor', 'bad'];
const MAX_LEN = 16;
const N_TRAIN = 400;
const N_TEST = 200;

function makeReviews(n) {
  const texts = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const positive = rng.random() < 0.5;
    const story = rng.array(rng.int(8, 40), () => STORY[rng.int(0, STORY.length)]);
    const words = positive ? POSITIVE : NEGATIVE;
    const verdict = `${VERDICT_START[rng.int(0, VERDICT_START.length)]} the stay was ${words[rng.int(0, words.length)]}`;
    texts.push(`${story.join(' ')} ${verdict}`);
    labels.push(positive ? 1 : 0);
  }
  return { texts, labels };
}

const tokenize = (text) => text.toLowerCase().split(/\s+/).filter((w) => w.length > 0);

async function main() {
  await tf.setBackend('cpu');

  const train = makeReviews(N_TRAIN);
  const test = makeReviews(N_TEST);
  const vocab = [...new Set(train.texts.flatMap(tokenize))].sort();
  const wordIndex = new Map(vocab.map((w, i) => [w, i + 2]));
  const encode = (text) => {
    const ids = tokenize(text).map((w) => wordIndex.get(w) ?? 1);
    const kept = ids.slice(0, MAX_LEN);
    return kept.concat(new Array(MAX_LEN - kept.length).fill(0));
  };

  const xTrain = tf.tensor2d(train.texts.map(encode), [N_TRAIN, MAX_LEN], 'int32');
  const yTrain = tf.tensor2d(train.labels, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.texts.map(encode), [N_TEST, MAX_LEN], 'int32');
  const yTest = tf.tensor2d(test.labels, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: vocab.length + 2, outputDim: 16, inputLength: MAX_LEN }));
  model.add(tf.layers.globalAveragePooling1d());
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 8, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`vocab ${vocab.length} words | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
