// A siamese encoder trained with a contrastive loss. The Euclidean distance between two embeddings
// takes an unguarded square root, and when a batch pairs a point with itself that distance is
// exactly 0, where the square root's slope is infinite: every weight turns NaN at that step.
// Faultline blames the square root (not the learning rate) and offers to keep its input above 0.
'use strict';
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// A small deterministic generator, so every run draws the same points and pairs.
let seed = 2026;
function random() {
  seed = (seed * 1664525 + 1013904223) % 4294967296;
  return seed / 4294967296;
}

async function main() {
  await tf.setBackend('wasm');
  // 2000 points in 8 dimensions around 5 centres.
  const centres = Array.from({ length: 5 }, () => Array.from({ length: 8 }, () => 4 * random() - 2));
  const points = [];
  const labels = [];
  for (let i = 0; i < 2000; i++) {
    const c = Math.floor(random() * 5);
    points.push(centres[c].map((v) => v + 0.6 * (random() - 0.5)));
    labels.push(c);
  }

  const encoder = tf.sequential();
  encoder.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [8] }));
  encoder.add(tf.layers.dense({ units: 4 }));
  const optimizer = tf.train.adam(0.01);

  for (let step = 0; step < 200; step++) {
    // Half the pairs from one class, half from any two points.
    const a = [];
    const b = [];
    const same = [];
    for (let k = 0; k < 32; k++) {
      const i = Math.floor(random() * 2000);
      let j = Math.floor(random() * 2000);
      if (k % 2 === 0) while (labels[j] !== labels[i]) j = Math.floor(random() * 2000);
      a.push(points[i]);
      b.push(points[j]);
      same.push(labels[i] === labels[j] ? 1 : 0);
    }
    const cost = tf.tidy(() => {
      const xa = tf.tensor2d(a);
      const xb = tf.tensor2d(b);
      const y = tf.tensor1d(same);
      return optimizer.minimize(() => {
        const distance = tf.sqrt(tf.sum(tf.square(tf.sub(encoder.apply(xa), encoder.apply(xb))), 1));
        const apart = tf.square(tf.relu(tf.sub(1, distance)));
        return tf.mean(tf.add(tf.mul(y, tf.square(distance)), tf.mul(tf.sub(1, y), apart)));
      }, true);
    });
    if (step % 20 === 0) console.log(`step ${step}: loss ${cost.dataSync()[0].toFixed(4)}`);
    cost.dispose();
  }
}
main();
