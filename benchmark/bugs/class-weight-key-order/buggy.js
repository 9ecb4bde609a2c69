'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9157);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Network-intrusion classifier on 6 standardized flow features (duration, packets, bytes, distinct
// ports, failed logins, SYN ratio). The flows come from three capture files, one per traffic type,
// loaded one after the other. Attacks are rare, so the loss uses balanced class weights
// total / (numClasses * count) to keep the model from predicting "normal" for everything.
const SOURCES = [
  { label: 'normal', count: 2000, centre: [0, 0, 0, 0, 0, 0] },
  { label: 'portscan', count: 250, centre: [-0.8, 0.6, -0.6, 1.8, 0, 1.2] },
  { label: 'bruteforce', count: 125, centre: [0.5, 0.8, 0, -0.3, 2.2, 0.4] },
];
const NUM_FEATURES = 6;

function loadCapture(source) {
  return rng.array(source.count, () => ({
    features: source.centre.map((m) => m + rng.normal(0, 1)),
    label: source.label,
  }));
}

async function main() {
  await tf.setBackend('wasm');

  const rows = SOURCES.flatMap(loadCapture);
  const CLASSES = [...new Set(rows.map((r) => r.label))].sort();

  const counts = {};
  for (const r of rows) counts[r.label] = (counts[r.label] || 0) + 1;
  const classWeight = {};
  Object.values(counts).forEach((c, i) => { classWeight[i] = rows.length / (CLASSES.length * c); });

  tf.util.shuffle(rows);
  const nTest = Math.floor(rows.length * 0.2);
  const toTensors = (part) => ({
    x: tf.tensor2d(part.map((r) => r.features), [part.length, NUM_FEATURES]),
    y: tf.oneHot(tf.tensor1d(part.map((r) => CLASSES.indexOf(r.label)), 'int32'), CLASSES.length).toFloat(),
  });
  const test = toTensors(rows.slice(0, nTest));
  const train = toTensors(rows.slice(nTest));

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: CLASSES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(train.x, train.y, { epochs: 15, batchSize: 64, classWeight, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(test.x, test.y).map((t) => t.dataSync()[0]);
  const pred = model.predict(test.x).argMax(-1).dataSync();
  const truth = test.y.argMax(-1).dataSync();
  const recall = CLASSES.map((name, k) => {
    let hit = 0;
    let total = 0;
    truth.forEach((t, i) => { if (t === k) { total++; if (pred[i] === k) hit++; } });
    return hit / total;
  });
  const balanced = recall.reduce((a, b) => a + b, 0) / recall.length;
  const perClass = CLASSES.map((name, k) => `${name} ${recall[k].toFixed(3)}`).join(' ');
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} balanced acc ${balanced.toFixed(3)} | recall ${perClass}`);
}

main();
