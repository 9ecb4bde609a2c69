'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9703);
const tf = require('@tensorflow/tfjs');

// Roast grading at a coffee roastery: a camera over the cooling tray takes 8x8 RGB crops, each
// centred on one bean, and a tiny CNN sorts the bean into light, medium or dark roast by its
// colour: the roast shows in how light or dark the bean is, while beans from different origins
// differ in how saturated their brown is. The beans lie on the tray's steel mesh; the lamp over the
// tray drifts a little in brightness during the day. Pixels are scaled to [0, 1] and centred.
const CLASSES = ['light', 'medium', 'dark'];
const SIZE = 8;
const N_TRAIN = 360;
const N_TEST = 240;
const EPOCHS = 20;

// bean colour along the roast: tan, then chestnut brown, then nearly black
const ROAST_CURVE = [[195, 155, 105], [125, 80, 45], [50, 32, 22]];

function beanColour(degree) {
  const t = degree * (ROAST_CURVE.length - 1);
  const k = Math.min(Math.floor(t), ROAST_CURVE.length - 2);
  const f = t - k;
  return ROAST_CURVE[k].map((c, ch) => c + f * (ROAST_CURVE[k + 1][ch] - c));
}

function trayCrops(n) {
  const pixels = new Float32Array(n * SIZE * SIZE * 3);
  const labels = [];
  for (let i = 0; i < n; i++) {
    const label = rng.int(0, CLASSES.length);
    const degree = (label + rng.uniform(0.1, 0.9)) / CLASSES.length;
    const lamp = rng.uniform(0.92, 1.08);
    const roast = beanColour(degree);
    const grey = (roast[0] + roast[1] + roast[2]) / 3;
    const saturation = rng.uniform(0.6, 1.4);
    const bean = roast.map((c) => grey + saturation * (c - grey));
    const mesh = rng.uniform(150, 180);
    const cy = rng.uniform(3, SIZE - 3);
    const cx = rng.uniform(3, SIZE - 3);
    const ry = rng.uniform(2, 2.8);
    const rx = rng.uniform(1.4, 2.2);
    for (let y = 0; y < SIZE; y++) {
      for (let x = 0; x < SIZE; x++) {
        const inside = ((y - cy) / ry) ** 2 + ((x - cx) / rx) ** 2 <= 1;
        const crease = inside && Math.abs(x - cx) < 0.5 ? 0.7 : 1;
        const base = inside ? bean.map((c) => c * crease) : [mesh, mesh, mesh];
        const o = ((i * SIZE + y) * SIZE + x) * 3;
        for (let ch = 0; ch < 3; ch++) {
          pixels[o + ch] = Math.min(255, Math.max(0, base[ch] * lamp + rng.normal(0, 8))) / 255;
        }
      }
    }
    labels.push(label);
  }
  return { pixels, labels };
}

async function main() {
  await tf.setBackend('cpu');

  const train = trayCrops(N_TRAIN);
  const test = trayCrops(N_TEST);
  const xTrainRaw = tf.tensor4d(train.pixels, [N_TRAIN, SIZE, SIZE, 3]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), CLASSES.length).toFloat();
  const xTestRaw = tf.tensor4d(test.pixels, [N_TEST, SIZE, SIZE, 3]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), CLASSES.length).toFloat();

  // subtract the mean colour
  const centre = (images) => images.sub(images.mean(3, true));
  const xTrain = centre(xTrainRaw);
  const xTest = centre(xTestRaw);

  const model = tf.sequential();
  model.add(tf.layers.conv2d({ filters: 8, kernelSize: 3, activation: 'relu', inputShape: [SIZE, SIZE, 3] }));
  model.add(tf.layers.globalAveragePooling2d({}));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: CLASSES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: EPOCHS, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const predicted = model.predict(xTest).argMax(-1).dataSync();
  const recall = CLASSES.map((name, c) => {
    const rows = test.labels.map((_, i) => i).filter((i) => test.labels[i] === c);
    return `${name} ${(rows.filter((i) => predicted[i] === c).length / rows.length).toFixed(2)}`;
  });
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} | recall ${recall.join(', ')}`);
}

main();
