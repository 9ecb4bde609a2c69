'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6271);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Crop recommendation from 10 soil and climate readings (nitrogen, phosphorus, potassium, pH,
// rainfall, temperature, humidity, ...): which of 4 crops grows best on a field. Each crop does
// well in a few distinct soil/climate regimes. A two-hidden-layer MLP written with raw
// tf.variable weights and a hand-written mini-batch loop; the input standardization statistics
// live in variables too so they are saved with the weights.
const CROPS = ['rice', 'maize', 'chickpea', 'cotton'];
const N_FEATURES = 10;
const REGIMES_PER_CROP = 4;
const N_TRAIN = 1200;
const N_TEST = 400;
const HIDDEN = 16;
const EPOCHS = 30;
const BATCH_SIZE = 32;
const LEARNING_RATE = 0.01;

const featureScale = rng.array(N_FEATURES, () => rng.uniform(5, 80));
const featureOffset = rng.array(N_FEATURES, () => rng.uniform(0, 200));
const regimes = CROPS.map(() => rng.array(REGIMES_PER_CROP, () => rng.array(N_FEATURES, () => rng.normal(0, 1.2))));

function makeFields(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, CROPS.length);
    const centre = regimes[c][rng.int(0, REGIMES_PER_CROP)];
    xs.push(centre.map((m, j) => featureOffset[j] + featureScale[j] * (m + rng.normal(0, 0.6))));
    labels.push(c);
  }
  return { xs, labels };
}

function denseLayer(fanIn, fanOut) {
  const kernel = tf.variable(tf.randomNormal([fanIn, fanOut], 0, Math.sqrt(2 / fanIn)), false);
  const bias = tf.variable(tf.zeros([fanOut]));
  return { kernel, bias };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeFields(N_TRAIN);
  const test = makeFields(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, N_FEATURES]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), CROPS.length).toFloat();
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), CROPS.length).toFloat();

  const moments = tf.moments(xTrain, 0);
  const inputMean = tf.variable(moments.mean, false);
  const inputStd = tf.variable(moments.variance.sqrt(), false);

  const layer1 = denseLayer(N_FEATURES, HIDDEN);
  const layer2 = denseLayer(HIDDEN, HIDDEN);
  const output = denseLayer(HIDDEN, CROPS.length);

  const logits = (x) => {
    const z = x.sub(inputMean).div(inputStd);
    const h1 = tf.relu(z.matMul(layer1.kernel).add(layer1.bias));
    const h2 = tf.relu(h1.matMul(layer2.kernel).add(layer2.bias));
    return h2.matMul(output.kernel).add(output.bias);
  };

  const optimizer = tf.train.adam(LEARNING_RATE);
  const numBatches = Math.ceil(N_TRAIN / BATCH_SIZE);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    for (let b = 0; b < numBatches; b++) {
      const batchIdx = Array.from(order.slice(b * BATCH_SIZE, (b + 1) * BATCH_SIZE));
      const cost = tf.tidy(() => {
        const idx = tf.tensor1d(batchIdx, 'int32');
        const xb = xTrain.gather(idx);
        const yb = yTrain.gather(idx);
        return optimizer.minimize(() => tf.losses.softmaxCrossEntropy(yb, logits(xb)), true);
      });
      epochLoss += cost.dataSync()[0] / numBatches;
      cost.dispose();
    }
    losses.push(epochLoss);
  }

  const evaluate = (x, y) =>
    tf.tidy(() => {
      const out = logits(x);
      const loss = tf.losses.softmaxCrossEntropy(y, out).dataSync()[0];
      const acc = out.argMax(-1).equal(y.argMax(-1)).mean().dataSync()[0];
      return [loss, acc];
    });
  const [trainLoss, trainAcc] = evaluate(xTrain, yTrain);
  const [testLoss, testAcc] = evaluate(xTest, yTest);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${trainAcc.toFixed(3)} (eval loss ${trainLoss.toFixed(3)}) | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
