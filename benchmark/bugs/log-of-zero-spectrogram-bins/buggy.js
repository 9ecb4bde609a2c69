'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9607);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Sound-event tagging for a smart-home hub: each example is one 64 ms spectrogram frame from
// the hub's microphone, 32 mel bins of power, tagged as background, speech, dog bark, glass
// break or smoke alarm. The hub's noise gate zeroes bins below its threshold, so quiet frames
// come with many bins at exactly 0 power. Features are log-power per bin, standardized with
// the training statistics, into a small MLP with a softmax over the five events.
const NUM_BINS = 32;
const CLASSES = ['background', 'speech', 'dog_bark', 'glass_break', 'smoke_alarm'];
const NUM_CLASSES = CLASSES.length;
const N_TRAIN = 2000;
const N_TEST = 600;
const GATE = 2e-6;

// Spectral envelope of each event: [centre bin, width in bins, peak power].
const PROFILES = [
  [[4, 10, 2e-6]],
  [[6, 3, 4e-3], [12, 3, 1.5e-3], [18, 3, 5e-4]],
  [[8, 4, 2e-2], [14, 5, 4e-3]],
  [[22, 5, 6e-3], [28, 4, 1e-2]],
  [[25, 1.2, 5e-2], [12, 1.2, 2e-2]],
];

function spectrogramFrame(label) {
  const gain = Math.pow(10, rng.uniform(-1.5, 0.5));
  const noiseFloor = Math.pow(10, rng.uniform(-7, -5));
  const frame = new Array(NUM_BINS);
  for (let b = 0; b < NUM_BINS; b++) {
    let power = noiseFloor * rng.uniform(0.2, 1.8);
    for (const [centre, width, peak] of PROFILES[label]) {
      const d = (b - centre - rng.normal(0, 0.5)) / width;
      power += gain * peak * Math.exp(-0.5 * d * d) * rng.uniform(0.5, 1.5);
    }
    // noise gate on the hub
    frame[b] = power < GATE ? 0 : power;
  }
  return frame;
}

function loadFrames(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const label = rng.int(0, NUM_CLASSES);
    xs.push(spectrogramFrame(label).map((power) => Math.log(power)));
    ys.push(label);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = loadFrames(N_TRAIN);
  const test = loadFrames(N_TEST);
  const xTrainRaw = tf.tensor2d(train.xs, [N_TRAIN, NUM_BINS]);
  const yTrain = tf.oneHot(tf.tensor1d(train.ys, 'int32'), NUM_CLASSES).cast('float32');
  const xTestRaw = tf.tensor2d(test.xs, [N_TEST, NUM_BINS]);
  const yTest = tf.oneHot(tf.tensor1d(test.ys, 'int32'), NUM_CLASSES).cast('float32');

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [NUM_BINS] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const gated = train.xs.flat().filter((v) => v < -20).length / (N_TRAIN * NUM_BINS);
  console.log(`gated bins ${(100 * gated).toFixed(1)}% | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
