'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5902);
const tf = require('@tensorflow/tfjs');

// Credential-stuffing detection on an e-commerce site. The login service flags every session
// that contains at least one failed login; security wants to separate customers who mistyped
// their password once or twice from automated attacks that keep guessing (three or more
// failures). Each session log is a space-separated list of event names; events get ids from the
// training logs (0 is padding), logs are padded at the front to MAX_LEN, embedded and read by
// an LSTM. The cpu backend is used because embedding gradients need UnsortedSegmentSum.
const EVENTS = 'open_app home search view_item add_cart remove_cart checkout view_profile reset_password login_ok logout help'.split(' ');
const FAILED = 'login_failed';
const MAX_LEN = 24;
const N_TRAIN = 400;
const N_TEST = 200;

function makeSessions(n) {
  const logs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const attack = rng.random() < 0.5;
    const nFailed = attack ? rng.int(3, 7) : rng.int(1, 3);
    const events = rng.array(rng.int(5, 15), () => EVENTS[rng.int(0, EVENTS.length)]);
    events.splice(rng.int(0, events.length + 1), 0, ...new Array(nFailed).fill(FAILED));
    logs.push(events.join(' '));
    labels.push(attack ? 1 : 0);
  }
  return { logs, labels };
}

const tokenize = (log) => log.split(' ');

async function main() {
  await tf.setBackend('cpu');

  const train = makeSessions(N_TRAIN);
  const test = makeSessions(N_TEST);
  const vocab = [...new Set(train.logs.flatMap(tokenize))].sort();
  const eventIndex = new Map(vocab.map((e, i) => [e, i + 1]));
  const encode = (log) => {
    const ids = tokenize(log).map((e) => eventIndex.get(e) ?? 0);
    return new Array(MAX_LEN - ids.length).fill(0).concat(ids);
  };

  const xTrain = tf.tensor2d(train.logs.map(encode), [N_TRAIN, MAX_LEN], 'int32');
  const yTrain = tf.tensor2d(train.labels, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.logs.map(encode), [N_TEST, MAX_LEN], 'int32');
  const yTest = tf.tensor2d(test.labels, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: vocab.length + 1, outputDim: 8, inputLength: MAX_LEN }));
  model.add(tf.layers.lstm({ units: 16 }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.02), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 8, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`vocab ${vocab.length} events | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
