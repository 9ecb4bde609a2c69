const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4242);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

const N = 128;
const SIDE = 96;
// rough face layout of the 15 keypoints (eyes, brows, nose, mouth) in pixels
const TEMPLATE = [
  [66, 38], [30, 38], [59, 38], [73, 38], [37, 38], [23, 38], [57, 30], [79, 30],
  [39, 30], [17, 30], [48, 58], [62, 76], [34, 76], [48, 72], [48, 82],
];

// smooth grey face-like image with a bright blob at each keypoint; pixels / 255, targets (coord - 48) / 48
function sample() {
  const dx = rng.uniform(-10, 10);
  const dy = rng.uniform(-10, 10);
  const scale = rng.uniform(0.85, 1.15);
  const points = TEMPLATE.map(([x, y]) => [48 + (x - 48) * scale + dx + rng.normal(0, 1.5), 48 + (y - 48) * scale + dy + rng.normal(0, 1.5)]);
  const img = new Float32Array(SIDE * SIDE);
  const gx = rng.uniform(-0.002, 0.002);
  const gy = rng.uniform(-0.002, 0.002);
  const base = rng.uniform(0.2, 0.4);
  for (let r = 0; r < SIDE; r++) {
    for (let c = 0; c < SIDE; c++) img[r * SIDE + c] = base + gx * c + gy * r + rng.normal(0, 0.02);
  }
  for (const [px, py] of points) {
    for (let r = Math.max(0, Math.floor(py - 6)); r < Math.min(SIDE, py + 7); r++) {
      for (let c = Math.max(0, Math.floor(px - 6)); c < Math.min(SIDE, px + 7); c++) {
        img[r * SIDE + c] += 0.5 * Math.exp(-((c - px) ** 2 + (r - py) ** 2) / 8);
      }
    }
  }
  for (let i = 0; i < img.length; i++) img[i] = Math.min(1, Math.max(0, img[i]));
  return { img, target: points.flatMap(([x, y]) => [(x - 48) / 48, (y - 48) / 48]) };
}

async function main() {
  await tf.setBackend('wasm');
  const samples = rng.array(N, sample);
  const pixels = new Float32Array(N * SIDE * SIDE);
  samples.forEach((s, i) => pixels.set(s.img, i * SIDE * SIDE));
  const xs = tf.tensor2d(pixels, [N, SIDE * SIDE]);
  const ys = tf.tensor2d(samples.flatMap((s) => s.target), [N, 30]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 50, inputShape: [9216], activation: 'linear' }));
  model.add(tf.layers.dense({ units: 100, activation: 'linear' }));
  model.add(tf.layers.dense({ units: 30, activation: 'linear' }));
  const optimizer = tf.train.adam(0.1);
  model.compile({ optimizer, loss: 'meanSquaredError', metrics: ['accuracy'] });

  const history = await model.fit(xs, ys, { epochs: 25, batchSize: 32, verbose: 0 });
  const loss = history.history.loss;
  const valLoss = history.history.val_loss;
  const baseline = tf.moments(ys, 0).variance.mean().dataSync()[0];
  console.log(`loss epoch1 ${loss[0].toExponential(3)} min ${Math.min(...loss).toExponential(3)} last ${loss[loss.length - 1].toExponential(3)} (predicting the mean: ${baseline.toFixed(4)}); last 5: ${loss.slice(-5).map((v) => v.toExponential(2)).join(' ')}${valLoss ? `; val loss ${valLoss[valLoss.length - 1].toExponential(3)}` : ''}`);
}

main();
