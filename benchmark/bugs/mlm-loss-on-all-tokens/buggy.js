'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9702);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Masked-event pretraining for machine logs: each log line is a sequence of event-type ids that
// follow the service's state machine. 15 % of the positions are replaced by [MASK] and a small
// CBOW-style encoder learns to restore the hidden events: each position is represented by the
// average embedding of the 7 events around it, then a relu layer and a softmax over the events.
// Hand-written Adam loop; wasm has no gradient for gather, so the lookup is a one-hot product.
const NUM_EVENTS = 40; // event ids 0..39
const MASK_ID = NUM_EVENTS;
const VOCAB_SIZE = NUM_EVENTS + 1;
const SEQ_LEN = 16;
const WINDOW = 7;
const HALF = (WINDOW - 1) / 2;
const MASK_RATE = 0.15;
const EMBED_DIM = 32;
const HIDDEN = 64;
const N_TRAIN = 2000;
const N_TEST = 500;
const EPOCHS = 6;
const BATCH_SIZE = 64;
const LEARNING_RATE = 0.02;

// the state machine: every event is followed by one of three next events
const NEXT = rng.array(NUM_EVENTS, () => [rng.int(0, NUM_EVENTS), rng.int(0, NUM_EVENTS), rng.int(0, NUM_EVENTS)]);
const NEXT_PROBS = [0.6, 0.3, 0.1];

function logLine() {
  const events = [rng.int(0, NUM_EVENTS)];
  while (events.length < SEQ_LEN) {
    const u = rng.random();
    const branch = u < NEXT_PROBS[0] ? 0 : u < NEXT_PROBS[0] + NEXT_PROBS[1] ? 1 : 2;
    events.push(NEXT[events[events.length - 1]][branch]);
  }
  return events;
}

// replaces about MASK_RATE of the positions (at least one per line) by [MASK]
function maskLines(lines) {
  const inputs = [];
  const masks = [];
  for (const line of lines) {
    const mask = line.map(() => (rng.random() < MASK_RATE ? 1 : 0));
    if (!mask.includes(1)) mask[rng.int(0, SEQ_LEN)] = 1;
    inputs.push(line.map((t, i) => (mask[i] ? MASK_ID : t)));
    masks.push(mask);
  }
  return { inputs, masks };
}

async function main() {
  await tf.setBackend('wasm');

  const trainLines = rng.array(N_TRAIN, logLine);
  const testLines = rng.array(N_TEST, logLine);

  const embeddings = tf.variable(tf.randomNormal([VOCAB_SIZE, EMBED_DIM], 0, 0.1), true, 'embeddings');
  const hiddenW = tf.variable(tf.randomNormal([EMBED_DIM, HIDDEN], 0, Math.sqrt(2 / EMBED_DIM)), true, 'hidden_w');
  const hiddenB = tf.variable(tf.zeros([HIDDEN]), true, 'hidden_b');
  const outW = tf.variable(tf.randomNormal([HIDDEN, NUM_EVENTS], 0, Math.sqrt(1 / HIDDEN)), true, 'out_w');
  const outB = tf.variable(tf.zeros([NUM_EVENTS]), true, 'out_b');

  // event ids [n, SEQ_LEN] -> logits [n, SEQ_LEN, NUM_EVENTS]
  function predictLogits(ids) {
    const n = ids.shape[0];
    const tokenVecs = tf.oneHot(ids.flatten(), VOCAB_SIZE).matMul(embeddings).reshape([n, SEQ_LEN, EMBED_DIM]);
    const padded = tf.pad(tokenVecs, [[0, 0], [HALF, HALF], [0, 0]]);
    const context = tf.addN(Array.from({ length: WINDOW }, (_, k) => padded.slice([0, k, 0], [n, SEQ_LEN, EMBED_DIM]))).div(WINDOW);
    const hidden = context.reshape([n * SEQ_LEN, EMBED_DIM]).matMul(hiddenW).add(hiddenB).relu();
    return hidden.matMul(outW).add(outB).reshape([n, SEQ_LEN, NUM_EVENTS]);
  }

  const optimizer = tf.train.adam(LEARNING_RATE);
  const losses = [];
  let trainMaskedAcc = 0;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    let nBatches = 0;
    let hits = 0;
    let nMasked = 0;
    for (let start = 0; start < N_TRAIN; start += BATCH_SIZE) {
      const lines = Array.from(order.slice(start, start + BATCH_SIZE), (i) => trainLines[i]);
      const { inputs, masks } = maskLines(lines);
      const [loss, batchHits] = tf.tidy(() => {
        const x = tf.tensor2d(inputs, [lines.length, SEQ_LEN], 'int32');
        const y = tf.tensor2d(lines, [lines.length, SEQ_LEN], 'int32');
        const mask = tf.tensor2d(masks, [lines.length, SEQ_LEN]);
        const stepLoss = optimizer.minimize(() => tf.losses.softmaxCrossEntropy(tf.oneHot(y, NUM_EVENTS), predictLogits(x)), true);
        const correct = predictLogits(x).argMax(-1).equal(y).toFloat().mul(mask).sum();
        return [stepLoss.dataSync()[0], correct.dataSync()[0]];
      });
      epochLoss += loss;
      nBatches += 1;
      hits += batchHits;
      nMasked += masks.flat().reduce((a, b) => a + b, 0);
    }
    losses.push(epochLoss / nBatches);
    trainMaskedAcc = hits / nMasked;
  }

  // held-out log lines with their own masks
  const { inputs, masks } = maskLines(testLines);
  const predicted = tf.tidy(() => predictLogits(tf.tensor2d(inputs, [N_TEST, SEQ_LEN], 'int32')).argMax(-1).arraySync());
  let nMasked = 0;
  let maskedHits = 0;
  let visible = 0;
  let visibleHits = 0;
  testLines.forEach((line, r) => {
    line.forEach((event, i) => {
      const guess = predicted[r][i];
      if (masks[r][i]) {
        nMasked += 1;
        maskedHits += guess === event ? 1 : 0;
      } else {
        visible += 1;
        visibleHits += guess === event ? 1 : 0;
      }
    });
  });
  // baseline: always guess the most frequent event of the training lines
  const counts = new Array(NUM_EVENTS).fill(0);
  trainLines.flat().forEach((t) => (counts[t] += 1));
  const top = counts.indexOf(Math.max(...counts));
  const flatMask = masks.flat();
  const baseline = testLines.flat().filter((t, i) => flatMask[i] && t === top).length / nMasked;
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[EPOCHS - 1].toFixed(3)} train masked acc ${trainMaskedAcc.toFixed(3)} | held-out masked acc ${(maskedHits / nMasked).toFixed(3)} (most-frequent-event baseline ${baseline.toFixed(3)}), unmasked acc ${(visibleHits / visible).toFixed(3)}`);
}

main();
