const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(20210525);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

const N = 8000;
const CLASSES = ['Normal', 'UDP-Flood', 'Smurf', 'SIDDOS', 'HTTP-FLOOD'];
const CLASS_SHARE = [0.55, 0.2, 0.1, 0.08, 0.07];

// one network-flow record: 27 attributes of mixed magnitudes, nominal ones integer-coded, none scaled
function record(c) {
  const t0 = rng.uniform(0, 50);
  const pktType = [rng.int(0, 5), 2, 3, 0, 0][c];
  const size = [rng.uniform(55, 1540), rng.uniform(1000, 1540), rng.uniform(55, 200), rng.uniform(55, 120), rng.uniform(300, 1540)][c];
  const rate = [rng.uniform(0, 60), rng.uniform(150, 400), rng.uniform(80, 250), rng.uniform(40, 160), rng.uniform(30, 120)][c];
  const nPkt = Math.round(rate * rng.uniform(5, 60));
  return [
    rng.int(0, 25), rng.int(0, 25), rng.int(0, 1500000), rng.int(0, 25), rng.int(0, 25),
    pktType, size, [rng.int(0, 3), 0, 1, 2, rng.int(0, 3)][c], rng.int(1, 6), rng.int(0, 150000),
    nPkt, nPkt * size, rng.int(0, 25), rng.int(0, 25), t0,
    t0 + rng.uniform(0, 1), t0 + rng.uniform(0, 2), rng.int(0, 25), rate, rate * size,
    size, [rng.uniform(0, 0.3), rng.uniform(0.6, 1), rng.uniform(0.3, 0.8), rng.uniform(0.2, 0.6), rng.uniform(0.1, 0.5)][c], rng.uniform(0, 0.5), t0 + rng.uniform(0, 0.1), t0 + rng.uniform(0, 0.6),
    rng.uniform(0, 5), rng.uniform(45, 50),
  ];
}

function drawClass() {
  let u = rng.random();
  for (let c = 0; c < CLASS_SHARE.length; c++) {
    if ((u -= CLASS_SHARE[c]) < 0) return c;
  }
  return 0;
}

async function main() {
  await tf.setBackend('wasm');
  const labels = rng.array(N, drawClass);
  const rows = labels.map(record);
  const nTrain = Math.floor(0.9 * N);
  const xTrain = tf.tensor2d(rows.slice(0, nTrain), [nTrain, 27]);
  const yTrain = tf.oneHot(tf.tensor1d(labels.slice(0, nTrain), 'int32'), 5).toFloat();
  const xVal = tf.tensor2d(rows.slice(nTrain), [N - nTrain, 27]);
  const yVal = tf.oneHot(tf.tensor1d(labels.slice(nTrain), 'int32'), 5).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 22, inputShape: [27], kernelInitializer: tf.initializers.randomUniform({ minval: -0.05, maxval: 0.05 }), activation: 'relu' }));
  model.add(tf.layers.dropout({ rate: 0.4 }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.dropout({ rate: 0.4 }));
  model.add(tf.layers.dense({ units: 128, activation: 'relu' }));
  model.add(tf.layers.dropout({ rate: 0.4 }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.dropout({ rate: 0.4 }));
  model.add(tf.layers.dense({ units: 5, activation: 'softmax' }));
  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 2, batchSize: 32, validationData: [xVal, yVal], verbose: 0 });
  const h = history.history;
  const predicted = model.predict(xVal).argMax(-1).dataSync();
  const counts = CLASSES.map((_, c) => predicted.filter((p) => p === c).length);
  console.log(`loss ${h.loss.map((v) => v.toFixed(3)).join(' ')} acc ${h.acc.map((v) => v.toFixed(3)).join(' ')}; val_loss ${h.val_loss.map((v) => v.toFixed(3)).join(' ')} val_acc ${h.val_acc.map((v) => v.toFixed(3)).join(' ')}; val predictions per class ${counts.join('/')}`);
}

main();
