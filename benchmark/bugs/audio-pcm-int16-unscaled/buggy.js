'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9677);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Sound-event classifier for a doorbell / alarm panel. Each example is a 32 ms clip at 8 kHz
// (256 samples) decoded from 16-bit mono WAV, as the decoder hands it over: an Int16Array of PCM
// samples. Four classes: low hum (mains/fan), high beep, rising chirp (doorbell) and a noise burst.
// Clips come at different recording levels and with a little background hiss. A small MLP reads
// the waveform directly.
const SAMPLE_RATE = 8000;
const CLIP_LEN = 256;
const CLASSES = ['hum', 'beep', 'chirp', 'noise'];
const N_PER_CLASS_TRAIN = 400;
const N_PER_CLASS_TEST = 100;

function synthesizeClip(label) {
  const gain = rng.uniform(0.15, 0.9);
  const phase = rng.uniform(0, 2 * Math.PI);
  const pcm = new Int16Array(CLIP_LEN);
  let freq = 0;
  if (label === 0) freq = rng.uniform(100, 300);
  if (label === 1) freq = rng.uniform(1800, 2600);
  const f0 = rng.uniform(400, 700);
  const f1 = rng.uniform(1200, 1600);
  for (let t = 0; t < CLIP_LEN; t++) {
    const time = t / SAMPLE_RATE;
    let s;
    if (label === 0 || label === 1) {
      s = Math.sin(2 * Math.PI * freq * time + phase);
    } else if (label === 2) {
      const k = (f1 - f0) / (CLIP_LEN / SAMPLE_RATE);
      s = Math.sin(2 * Math.PI * (f0 * time + 0.5 * k * time * time) + phase);
    } else {
      s = rng.uniform(-1, 1);
    }
    const v = gain * s + rng.normal(0, 0.02);
    pcm[t] = Math.max(-32768, Math.min(32767, Math.round(v * 32767)));
  }
  return pcm;
}

// What the dataset loader returns: decoded clips and their labels.
function loadClips(nPerClass) {
  const clips = [];
  const labels = [];
  for (let i = 0; i < nPerClass * CLASSES.length; i++) {
    const label = i % CLASSES.length;
    clips.push(synthesizeClip(label));
    labels.push(label);
  }
  return { clips, labels };
}

function toTensors({ clips, labels }) {
  const flat = new Float32Array(clips.length * CLIP_LEN);
  clips.forEach((pcm, i) => {
    for (let t = 0; t < CLIP_LEN; t++) flat[i * CLIP_LEN + t] = pcm[t];
  });
  const x = tf.tensor2d(flat, [clips.length, CLIP_LEN]);
  const y = tf.oneHot(tf.tensor1d(labels, 'int32'), CLASSES.length).toFloat();
  return { x, y };
}

async function main() {
  await tf.setBackend('wasm');

  const train = toTensors(loadClips(N_PER_CLASS_TRAIN));
  const test = toTensors(loadClips(N_PER_CLASS_TEST));

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [CLIP_LEN] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: CLASSES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(train.x, train.y, { epochs: 20, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(test.x, test.y).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(4)} test acc ${testAcc.toFixed(3)}`);
}

main();
