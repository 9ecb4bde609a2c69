'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2291);
const tf = require('@tensorflow/tfjs');

// A toy part-of-speech tagger in the style of the Keras BiLSTM sequence-tagging tutorials.
// Sentences are clauses "PRON VERB [DET ADJ* NOUN]" joined by conjunctions. The 20 content words
// are ambiguous: the same id is a VERB after a pronoun, a NOUN at the end of a noun phrase and an
// ADJ when another content word follows, so a word's tag needs its left and right context.
// Sequences are right-padded with 0 (tag PAD); accuracy is measured on real tokens only.
const MAXLEN = 10;
const DETS = [1, 2, 3];
const PRONS = [4, 5, 6, 7];
const CONJS = [8, 9];
const FIRST_WORD = 10;
const VOCAB = 30; // ids 10..29 are content words
const TAGS = ['PAD', 'DET', 'PRON', 'CONJ', 'NOUN', 'VERB', 'ADJ'];
const [PAD, DET, PRON, CONJ, NOUN, VERB, ADJ] = TAGS.map((_, i) => i);
const pick = (ids) => ids[rng.int(0, ids.length)];
const word = () => rng.int(FIRST_WORD, VOCAB);

function makeClause() {
  const tokens = [pick(PRONS), word()];
  const tags = [PRON, VERB];
  if (rng.random() < 0.75) {
    tokens.push(pick(DETS));
    tags.push(DET);
    const adjectives = rng.int(0, 3);
    for (let k = 0; k < adjectives; k++) {
      tokens.push(word());
      tags.push(ADJ);
    }
    tokens.push(word());
    tags.push(NOUN);
  }
  return { tokens, tags };
}

function makeSentences(n) {
  const tokenIds = new Int32Array(n * MAXLEN);
  const tagIds = new Float32Array(n * MAXLEN);
  for (let i = 0; i < n; i++) {
    let { tokens, tags } = makeClause();
    const clauses = rng.int(1, 4);
    for (let c = 1; c < clauses; c++) {
      const next = makeClause();
      if (tokens.length + 1 + next.tokens.length > MAXLEN) break;
      tokens = tokens.concat([pick(CONJS)], next.tokens);
      tags = tags.concat([CONJ], next.tags);
    }
    for (let t = 0; t < tokens.length; t++) {
      tokenIds[i * MAXLEN + t] = tokens[t];
      tagIds[i * MAXLEN + t] = tags[t];
    }
  }
  return { tokenIds, tagIds };
}

async function main() {
  await tf.setBackend('cpu');

  const NTRAIN = 360;
  const NTEST = 300;
  const train = makeSentences(NTRAIN);
  const test = makeSentences(NTEST);
  const xTrain = tf.tensor2d(train.tokenIds, [NTRAIN, MAXLEN], 'int32');
  const yTrain = tf.tensor3d(train.tagIds, [NTRAIN, MAXLEN, 1]);
  const xTest = tf.tensor2d(test.tokenIds, [NTEST, MAXLEN], 'int32');

  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: VOCAB, outputDim: 8, inputLength: MAXLEN, maskZero: true }));
  model.add(tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 8, returnSequences: true }), mergeMode: 'concat' }));
  model.add(tf.layers.timeDistributed({ layer: tf.layers.dense({ units: TAGS.length, activation: 'softmax' }) }));

  model.compile({ optimizer: tf.train.adam(0.02), loss: 'sparseCategoricalCrossentropy' });

  const history = await model.fit(xTrain, yTrain, { epochs: 5, batchSize: 32, validationSplit: 0.1, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const predicted = tf.tidy(() => model.predict(xTest).argMax(-1).dataSync());

  // Baselines from the training tokens: the most frequent tag overall, and a unigram tagger that
  // gives each word its most frequent training tag (what a context-free model could reach).
  const tagCounts = new Array(TAGS.length).fill(0);
  const wordTagCounts = Array.from({ length: VOCAB }, () => new Array(TAGS.length).fill(0));
  for (let j = 0; j < train.tokenIds.length; j++) {
    if (train.tokenIds[j] === 0) continue;
    tagCounts[train.tagIds[j]]++;
    wordTagCounts[train.tokenIds[j]][train.tagIds[j]]++;
  }
  const argmax = (a) => a.indexOf(Math.max(...a));
  const majorityTag = argmax(tagCounts);
  const unigramTag = wordTagCounts.map(argmax);

  let tokens = 0;
  let correct = 0;
  let majorityCorrect = 0;
  let unigramCorrect = 0;
  for (let j = 0; j < test.tokenIds.length; j++) {
    if (test.tokenIds[j] === 0) continue;
    const tag = test.tagIds[j];
    tokens++;
    if (predicted[j] === tag) correct++;
    if (majorityTag === tag) majorityCorrect++;
    if (unigramTag[test.tokenIds[j]] === tag) unigramCorrect++;
  }
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)}, val_loss ${h.val_loss[last].toFixed(3)} | held-out token accuracy ${(correct / tokens).toFixed(3)} on ${tokens} tokens vs majority tag (${TAGS[majorityTag]}) ${(majorityCorrect / tokens).toFixed(3)}, per-word unigram ${(unigramCorrect / tokens).toFixed(3)}`);
}

main();
