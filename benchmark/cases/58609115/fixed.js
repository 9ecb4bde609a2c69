const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(58609115);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// 1-digit numbers share code 0; otherwise the code is the leading digit plus 10^(digits - 2)
function code(n) {
  const digits = String(n).length;
  if (digits === 1) return 0;
  return Number(String(n)[0]) + 10 ** (digits - 2);
}

async function main() {
  await tf.setBackend('wasm');
  // roughly uniform number of digits (1-9); two-digit numbers only start with 1-5, so 69 codes occur
  const numbers = rng.array(2209, () => {
    const digits = rng.int(1, 10);
    if (digits === 1) return rng.int(1, 10);
    if (digits === 2) return rng.int(10, 60);
    return rng.int(10 ** (digits - 1), 10 ** digits);
  });
  const codes = [...new Set(numbers.map(code))].sort((a, b) => a - b);
  const labels = numbers.map((n) => codes.indexOf(code(n)));
  const nTrain = Math.floor(0.8 * numbers.length);
  // the integer spans 1 .. 1e9: its base-10 logarithm, standardized, keeps every digit count apart
  const xTrain = tf.tensor2d(logScale(numbers.slice(0, nTrain)), [nTrain, 1]);
  const yTrain = tf.oneHot(tf.tensor1d(labels.slice(0, nTrain), 'int32'), codes.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 69, inputShape: [1], kernelInitializer: tf.initializers.randomNormal({ mean: 0, stddev: 0.05 }) }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.dense({ units: 69, kernelInitializer: tf.initializers.randomNormal({ mean: 0, stddev: 0.05 }) }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.dense({ units: 69, kernelInitializer: tf.initializers.randomNormal({ mean: 0, stddev: 0.05 }) }));
  model.add(tf.layers.activation({ activation: 'softmax' }));
  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 10, batchSize: 50, verbose: 0 });
  const h = history.history;
  const predicted = model.predict(xTrain).argMax(-1);
  const classAcc = predicted.equal(yTrain.argMax(-1)).mean().dataSync()[0];
  const distinct = new Set(predicted.dataSync()).size;
  console.log(`classes ${codes.length}; loss ${h.loss[h.loss.length - 1].toFixed(4)} acc metric ${h.acc[h.acc.length - 1].toFixed(4)}; argmax accuracy ${classAcc.toFixed(4)}, ${distinct} distinct predicted classes`);
}

main();

// log10 then zero mean / unit variance: the class boundaries are evenly spread in log10(n), while
// raw values put seven of the nine digit counts within 1% of the range next to zero.
function logScale(values) {
  const logs = values.map((v) => Math.log10(v));
  const mean = logs.reduce((s, v) => s + v, 0) / logs.length;
  const std = Math.sqrt(logs.reduce((s, v) => s + (v - mean) ** 2, 0) / logs.length);
  return logs.map((v) => (v - mean) / std);
}
