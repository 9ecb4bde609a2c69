'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2961);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Tiny 4x4 handwritten-style digits. Each row is laid out like a line of a digits CSV:
// 16 grey values (0..255, row-major) followed by the digit 0..9.
// Softmax classifier on the scaled pixels, one-hot targets, categorical cross-entropy.
const GLYPHS = [
  '1111100110011111', '0010011000100111', '1110001101001111', '1110011100011110', '1010101011110010',
  '1111110000111110', '0100100011111111', '1111000100100100', '1111011010011111', '1111111100010010',
];
const N_TRAIN = 1000;
const N_TEST = 300;

function makeRows(n) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const digit = rng.int(0, 10);
    const pixels = GLYPHS[digit].split('').map((bit) => {
      const ink = rng.random() < 0.1 ? bit !== '1' : bit === '1';
      return ink ? rng.int(150, 256) : rng.int(0, 60);
    });
    rows.push([...pixels, digit]);
  }
  return rows;
}

function prepare(rows) {
  const scaled = rows.map((r) => r.map((v, j) => (j < 16 ? v / 255 : v)));
  const xs = scaled.map((r) => r.slice(0, 16));
  const digits = scaled.map((r) => Math.round(r[16]));
  return {
    x: tf.tensor2d(xs, [rows.length, 16]),
    y: tf.oneHot(tf.tensor1d(digits, 'int32'), 10),
  };
}

async function main() {
  await tf.setBackend('wasm');

  const trainRows = makeRows(N_TRAIN);
  const testRows = makeRows(N_TEST);
  const train = prepare(trainRows);
  const test = prepare(testRows);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [16] }));
  model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(train.x, train.y, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  // Score the test digits against the digit column of each row.
  const predicted = tf.tidy(() => model.predict(test.x).argMax(-1).dataSync());
  const testAcc = testRows.filter((r, i) => predicted[i] === r[16]).length / N_TEST;
  const h = history.history;
  const last = h.loss.length - 1;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test acc ${testAcc.toFixed(3)}`);
}

main();
