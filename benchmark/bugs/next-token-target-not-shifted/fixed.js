'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5287);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Next-event prediction for a packaging machine's controller log. The controller emits one of 8
// event codes at a time; which event comes next is fixed by the last two events (the machine's
// sequencing rules), except for ~10% spurious events (sensor glitches). An LSTM reads the last
// WINDOW events and predicts the next one; it is scored on a separately recorded log.
const EVENTS = ['feed', 'clamp', 'fold', 'glue', 'press', 'cut', 'eject', 'idle'];
const V = EVENTS.length;
const WINDOW = 8;
const GLITCH = 0.1;

// sequencing rules: next event for each (previous, current) pair
const rules = rng.array(V * V, (k) => {
  const current = k % V;
  let next = rng.int(0, V - 1);
  if (next >= current) next += 1;
  return next;
});

function recordLog(length) {
  const seq = [rng.int(0, V), rng.int(0, V)];
  while (seq.length < length) {
    const prev = seq[seq.length - 2];
    const current = seq[seq.length - 1];
    seq.push(rng.random() < GLITCH ? rng.int(0, V) : rules[prev * V + current]);
  }
  return seq;
}

function makeWindows(seq) {
  const windows = [];
  const targets = [];
  for (let i = 0; i + WINDOW < seq.length; i++) {
    windows.push(seq.slice(i, i + WINDOW));
    targets.push(seq[i + WINDOW]);
  }
  return { windows, targets };
}

// the task: for every position of a log, predict its event from the WINDOW events before it
function nextEventScore(model, seq) {
  const contexts = [];
  const actual = [];
  for (let t = WINDOW; t < seq.length; t++) {
    contexts.push(seq.slice(t - WINDOW, t));
    actual.push(seq[t]);
  }
  return tf.tidy(() => {
    const x = tf.oneHot(tf.tensor2d(contexts, [contexts.length, WINDOW], 'int32'), V).toFloat();
    const y = tf.oneHot(tf.tensor1d(actual, 'int32'), V).toFloat();
    const probs = model.predict(x);
    const loss = tf.metrics.categoricalCrossentropy(y, probs).mean().dataSync()[0];
    const acc = probs.argMax(-1).equal(y.argMax(-1)).toFloat().mean().dataSync()[0];
    return [loss, acc];
  });
}

async function main() {
  await tf.setBackend('wasm');

  const trainLog = recordLog(2000);
  const testLog = recordLog(600);
  const train = makeWindows(trainLog);
  const n = train.windows.length;
  const xTrain = tf.oneHot(tf.tensor2d(train.windows, [n, WINDOW], 'int32'), V).toFloat();
  const yTrain = tf.oneHot(tf.tensor1d(train.targets, 'int32'), V).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 32, inputShape: [WINDOW, V] }));
  model.add(tf.layers.dense({ units: V, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 12, batchSize: 64, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = nextEventScore(model, testLog);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
