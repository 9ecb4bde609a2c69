const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(1460);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

const N = 300;

// one House Prices row in raw units: 36 numeric columns followed by 38 integer-coded categorical columns
function house() {
  const qual = rng.int(1, 11);
  const year = Math.round(Math.min(2010, Math.max(1872, rng.normal(1971 + 4 * (qual - 6), 25))));
  const living = Math.min(5642, Math.max(334, rng.normal(1000 + 95 * qual, 420)));
  const lotArea = Math.min(215245, Math.max(1300, Math.exp(rng.normal(9.1, 0.5))));
  const basement = rng.random() < 0.03 ? 0 : Math.min(6110, Math.max(100, rng.normal(0.7 * living, 300)));
  const garage = rng.random() < 0.06 ? 0 : Math.min(1418, Math.max(160, rng.normal(200 + 40 * qual, 150)));
  const first = Math.min(4692, Math.max(334, living * rng.uniform(0.5, 1)));
  const numeric = [
    rng.int(20, 191), Math.max(21, rng.normal(70, 22)), lotArea, qual, rng.int(1, 10), year, Math.max(year, rng.int(1950, 2011)),
    rng.random() < 0.6 ? 0 : rng.uniform(0, 1600), basement * rng.uniform(0, 0.8), rng.random() < 0.9 ? 0 : rng.uniform(0, 1474), basement * rng.uniform(0, 0.5),
    basement, first, living - first, rng.random() < 0.98 ? 0 : rng.uniform(0, 572), living, rng.int(0, 4), rng.int(0, 3), Math.min(3, Math.max(1, Math.round(living / 1000))),
    rng.int(0, 3), rng.int(0, 9), rng.int(1, 4), rng.int(2, 15), rng.int(0, 4), Math.max(1900, year + rng.int(0, 10)), Math.round(garage / 300), garage,
    rng.random() < 0.5 ? 0 : rng.uniform(0, 857), rng.random() < 0.45 ? 0 : rng.uniform(0, 547), rng.random() < 0.85 ? 0 : rng.uniform(0, 552), rng.random() < 0.98 ? 0 : rng.uniform(0, 508),
    rng.random() < 0.92 ? 0 : rng.uniform(0, 480), rng.random() < 0.995 ? 0 : rng.uniform(0, 738), rng.random() < 0.96 ? 0 : rng.uniform(0, 15500), rng.int(1, 13), rng.int(2006, 2011),
  ];
  const categorical = rng.array(38, (i) => rng.int(0, 3 + (i % 7)));
  const price = Math.min(755000, Math.max(34900, 20000 + 58 * living + 14000 * (qual - 5) + 450 * (year - 1970) + 0.4 * lotArea + 30 * garage + rng.normal(0, 20000)));
  return { row: numeric.concat(categorical), price };
}

async function main() {
  await tf.setBackend('wasm');
  const houses = rng.array(N, house);
  // columns and SalePrice unscaled: normalization is behind a flag that is off by default
  const xs = tf.tensor2d(houses.map((h) => h.row), [N, 74]);
  const ys = tf.tensor2d(houses.map((h) => [h.price]), [N, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 20, inputShape: [74], kernelInitializer: 'glorotNormal' }));
  model.add(tf.layers.activation({ activation: 'tanh' }));
  model.add(tf.layers.dense({ units: 20, kernelInitializer: 'glorotNormal' }));
  model.add(tf.layers.activation({ activation: 'tanh' }));
  model.add(tf.layers.dense({ units: 1, kernelInitializer: 'glorotNormal' }));
  model.add(tf.layers.activation({ activation: 'linear' }));
  model.compile({ optimizer: 'adam', loss: 'meanSquaredError', metrics: ['accuracy'] });

  const history = await model.fit(xs, ys, { epochs: 10, batchSize: 1, validationSplit: 0.2, verbose: 0 });
  const h = history.history;
  const variance = tf.moments(ys).variance.dataSync()[0];
  const acc = h.acc ? ` acc ${h.acc[h.acc.length - 1].toFixed(4)}` : '';
  console.log(`loss ${h.loss[0].toExponential(3)} -> ${h.loss[h.loss.length - 1].toExponential(3)}, val_loss ${h.val_loss[h.val_loss.length - 1].toExponential(3)} (var(y) ${variance.toExponential(3)})${acc}`);
}

main();
