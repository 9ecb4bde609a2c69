'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3917);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Knowledge distillation in the style of the Keras tutorial "Knowledge Distillation": a larger
// teacher classifier (logits output) is trained with model.fit, then a smaller student is
// trained in a custom loop on alpha * cross-entropy to the hard labels + (1 - alpha) * T^2 *
// KL(teacher || student) between the temperature-softened softmaxes. The teacher's logits are
// computed inside each step with teacher.apply, and only the student's variables are updated.
// Task: 5 classes in 12 standardized features, each class a mixture of 3 Gaussian blobs.
const DIM = 12;
const CLASSES = 5;
const BLOBS = 3;
const TEMPERATURE = 4;
const ALPHA = 0.1;
const BATCH = 64;
const STUDENT_EPOCHS = 15;

const blobCentres = rng.array(CLASSES * BLOBS, () => rng.array(DIM, () => rng.normal(0, 1.2)));

function makeData(n) {
  const x = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, CLASSES);
    const centre = blobCentres[c * BLOBS + rng.int(0, BLOBS)];
    x.push(centre.map((m) => m + rng.normal(0, 0.9)));
    labels.push(c);
  }
  return { x, labels };
}

function accuracy(logits, labels) {
  return tf.tidy(() => logits.argMax(-1).equal(labels).cast('float32').mean().dataSync()[0]);
}

async function main() {
  await tf.setBackend('wasm');

  const NTRAIN = 2000;
  const NTEST = 1000;
  const train = makeData(NTRAIN);
  const test = makeData(NTEST);
  const xTrainRaw = tf.tensor2d(train.x, [NTRAIN, DIM]);
  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt();
  const xTrain = xTrainRaw.sub(mean).div(std);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), CLASSES).cast('float32');
  const xTestRaw = tf.tensor2d(test.x, [NTEST, DIM]);
  const xTest = xTestRaw.sub(mean).div(std);
  const labelsTest = tf.tensor1d(test.labels, 'int32');

  // Teacher: outputs logits, trained with softmax cross-entropy from logits.
  const teacher = tf.sequential();
  teacher.add(tf.layers.dense({ units: 128, activation: 'relu', inputShape: [DIM] }));
  teacher.add(tf.layers.dense({ units: 128, activation: 'relu' }));
  teacher.add(tf.layers.dense({ units: CLASSES }));
  teacher.compile({ optimizer: tf.train.adam(0.001), loss: (yTrue, yPred) => tf.losses.softmaxCrossEntropy(yTrue, yPred) });
  const history = await teacher.fit(xTrain, yTrain, { epochs: 15, batchSize: BATCH, shuffle: true, verbose: 0 });
  const teacherLoss = history.history.loss;

  // Student: a much smaller network, also producing logits.
  const student = tf.sequential();
  student.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [DIM] }));
  student.add(tf.layers.dense({ units: CLASSES }));

  const optimizer = tf.train.adam(0.005);
  const studentVars = student.trainableWeights.map((w) => w.read());

  const losses = [];
  for (let epoch = 0; epoch < STUDENT_EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(NTRAIN);
    let sum = 0;
    let batches = 0;
    for (let start = 0; start + BATCH <= NTRAIN; start += BATCH) {
      const idx = tf.tensor1d(Int32Array.from(order.slice(start, start + BATCH)), 'int32');
      const xb = tf.gather(xTrain, idx);
      const yb = tf.gather(yTrain, idx);
      const cost = optimizer.minimize(() => {
        const teacherLogits = teacher.apply(xb);
        const studentLogits = student.apply(xb);
        const hardLoss = tf.losses.softmaxCrossEntropy(yb, studentLogits);
        const softTeacher = tf.softmax(teacherLogits.div(TEMPERATURE));
        const logSoftTeacher = tf.logSoftmax(teacherLogits.div(TEMPERATURE));
        const logSoftStudent = tf.logSoftmax(studentLogits.div(TEMPERATURE));
        const kl = tf.sum(softTeacher.mul(logSoftTeacher.sub(logSoftStudent)), -1).mean();
        return hardLoss.mul(ALPHA).add(kl.mul((1 - ALPHA) * TEMPERATURE * TEMPERATURE));
      }, true, studentVars);
      sum += cost.dataSync()[0];
      batches++;
      tf.dispose([idx, xb, yb, cost]);
    }
    losses.push(sum / batches);
  }

  const [teacherAcc, studentAcc] = tf.tidy(() => [
    accuracy(teacher.predict(xTest), labelsTest),
    accuracy(student.predict(xTest), labelsTest),
  ]);
  console.log(`teacher loss ${teacherLoss[0].toFixed(3)} -> ${teacherLoss[teacherLoss.length - 1].toFixed(3)}, distillation loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} | held-out accuracy teacher ${teacherAcc.toFixed(3)}, student ${studentAcc.toFixed(3)} (chance ${(1 / CLASSES).toFixed(3)})`);
}

main();
