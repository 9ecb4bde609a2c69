'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9684);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Part-of-speech tagger for simple English sentences. Words like "watch", "book" or "play" are
// verbs when an object follows ("kids watch the birds") and nouns otherwise ("the old watch
// stops"), so the tag of a word depends on the word after it. The GRU reads every sentence back
// to front (reversing the source is the trick from the seq2seq paper), so when it reaches a word
// it has already seen what follows it. Word ids are embedded, a GRU emits one tag distribution
// per position, and padding goes after the sentence. The cpu backend is used because embedding
// gradients need UnsortedSegmentSum.
const TAGS = ['<pad>', 'DET', 'ADJ', 'NOUN', 'VERB', 'PREP', 'ADV', 'PRON'];
const WORDS = {
  DET: 'the a this every my some'.split(' '),
  ADJ: 'small red old quick big new happy quiet'.split(' '),
  NOUN: 'dog cat man kid bird girl teacher park river house'.split(' '),
  VERB: 'sees likes eats finds reads helps'.split(' '),
  PREP: 'in near under behind'.split(' '),
  ADV: 'today again slowly often'.split(' '),
  PRON: 'she he they we'.split(' '),
};
const AMBIGUOUS = 'watch book light play ship'.split(' ');
const MAX_LEN = 12;
const N_TRAIN = 400;
const N_TEST = 200;

const pick = (words) => words[rng.int(0, words.length)];

function nounPhrase(words, tags) {
  if (rng.random() < 0.25) {
    words.push(pick(WORDS.PRON));
    tags.push('PRON');
    return;
  }
  words.push(pick(WORDS.DET));
  tags.push('DET');
  const nAdj = rng.int(0, 3);
  for (let k = 0; k < nAdj; k++) {
    words.push(pick(WORDS.ADJ));
    tags.push('ADJ');
  }
  words.push(rng.random() < 0.3 ? pick(AMBIGUOUS) : pick(WORDS.NOUN));
  tags.push('NOUN');
}

function makeSentences(n) {
  const sentences = [];
  for (let i = 0; i < n; i++) {
    const words = [];
    const tags = [];
    if (rng.random() < 0.2) {
      words.push(pick(WORDS.ADV));
      tags.push('ADV');
    }
    nounPhrase(words, tags);
    if (rng.random() < 0.7) {
      words.push(rng.random() < 0.35 ? pick(AMBIGUOUS) : pick(WORDS.VERB));
      tags.push('VERB');
      nounPhrase(words, tags);
    } else {
      words.push(pick(WORDS.VERB));
      tags.push('VERB');
    }
    if (rng.random() < 0.4) {
      words.push(pick(WORDS.PREP));
      tags.push('PREP');
      nounPhrase(words, tags);
    }
    if (rng.random() < 0.3) {
      words.push(pick(WORDS.ADV));
      tags.push('ADV');
    }
    sentences.push({ words: words.slice(0, MAX_LEN), tags: tags.slice(0, MAX_LEN) });
  }
  return sentences;
}

// post-pad with 0 (<pad>) up to MAX_LEN
const padEnd = (seq) => seq.concat(new Array(MAX_LEN - seq.length).fill(0));

// sentence -> reversed, padded word ids and one-hot tags per position
function encodeSentence(sentence, wordIndex) {
  const ids = sentence.words.map((w) => wordIndex.get(w) ?? 0).reverse();
  const tagIds = sentence.tags.map((tag) => TAGS.indexOf(tag)).reverse();
  return { ids: padEnd(ids), tagIds: padEnd(tagIds) };
}

function toTensors(sentences, wordIndex) {
  const encoded = sentences.map((s) => encodeSentence(s, wordIndex));
  const x = tf.tensor2d(encoded.map((e) => e.ids), [sentences.length, MAX_LEN], 'int32');
  const tagIds = tf.tensor2d(encoded.map((e) => e.tagIds), [sentences.length, MAX_LEN], 'int32');
  const y = tf.oneHot(tagIds, TAGS.length).toFloat();
  tagIds.dispose();
  return { x, y };
}

// tag every sentence and compare with the gold tags in reading order
function wordAccuracy(model, sentences, wordIndex) {
  const x = tf.tensor2d(sentences.map((s) => padEnd(s.words.map((w) => wordIndex.get(w) ?? 0).reverse())), [sentences.length, MAX_LEN], 'int32');
  const pred = tf.tidy(() => model.predict(x).argMax(-1).arraySync());
  x.dispose();
  let correct = 0;
  let total = 0;
  sentences.forEach((s, i) => {
    const n = s.tags.length;
    s.tags.forEach((tag, j) => {
      if (pred[i][n - 1 - j] === TAGS.indexOf(tag)) correct++;
      total++;
    });
  });
  return correct / total;
}

async function main() {
  await tf.setBackend('cpu');

  const train = makeSentences(N_TRAIN);
  const test = makeSentences(N_TEST);
  const vocab = [...new Set(train.flatMap((s) => s.words))].sort();
  const wordIndex = new Map(vocab.map((w, i) => [w, i + 1]));
  const trainSet = toTensors(train, wordIndex);
  const testSet = toTensors(test, wordIndex);

  // share of the most frequent tag among the test words, the score of always guessing it
  const tagCounts = new Map();
  test.forEach((s) => s.tags.forEach((tag) => tagCounts.set(tag, (tagCounts.get(tag) || 0) + 1)));
  const majority = Math.max(...tagCounts.values()) / test.reduce((sum, s) => sum + s.tags.length, 0);

  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: vocab.length + 1, outputDim: 16, inputLength: MAX_LEN }));
  model.add(tf.layers.gru({ units: 16, returnSequences: true }));
  model.add(tf.layers.timeDistributed({ layer: tf.layers.dense({ units: TAGS.length, activation: 'softmax' }) }));
  model.compile({ optimizer: tf.train.adam(0.02), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(trainSet.x, trainSet.y, { epochs: 5, batchSize: 64, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss] = model.evaluate(testSet.x, testSet.y).map((t) => t.dataSync()[0]);
  const trainWordAcc = wordAccuracy(model, train, wordIndex);
  const testWordAcc = wordAccuracy(model, test, wordIndex);
  console.log(`vocab ${vocab.length} | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} word acc ${trainWordAcc.toFixed(3)} | test loss ${testLoss.toFixed(3)} test word acc ${testWordAcc.toFixed(3)} (majority tag ${majority.toFixed(3)})`);
}

main();
