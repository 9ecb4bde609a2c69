'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9628);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Network intrusion detection: 20 standardized flow statistics (packet sizes, inter-arrival
// times, flag counts, ...) into 5 traffic classes. A wide teacher MLP is trained on the labelled
// captures; a small student for the edge sensor is then distilled from the teacher's
// temperature-softened class probabilities on a larger set of unlabelled captures, in a custom
// loop. Both are scored on a labelled held-out capture.
const CLASSES = ['benign', 'dos', 'probe', 'r2l', 'u2r'];
const N_FEATURES = 20;
const MODES_PER_CLASS = 3;
const N_LABELLED = 800;
const N_TRANSFER = 3000;
const N_TEST = 600;
const T = 4;
const EPOCHS = 25;
const BATCH = 100;

const modes = CLASSES.map(() => rng.array(MODES_PER_CLASS, () => rng.array(N_FEATURES, () => rng.normal(0, 1))));

function capture(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, CLASSES.length);
    const mode = modes[c][rng.int(0, MODES_PER_CLASS)];
    xs.push(mode.map((v) => v + rng.normal(0, 0.9)));
    labels.push(c);
  }
  return { xs, labels };
}

function mlp(hidden) {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: hidden[0], activation: 'relu', inputShape: [N_FEATURES] }));
  hidden.slice(1).forEach((units) => model.add(tf.layers.dense({ units, activation: 'relu' })));
  model.add(tf.layers.dense({ units: CLASSES.length }));
  return model;
}

// KL(p || q) per row, clipped the same way Keras does so the log never sees 0
function klDivergence(p, q) {
  const pc = tf.clipByValue(p, 1e-7, 1);
  const qc = tf.clipByValue(q, 1e-7, 1);
  return tf.sum(p.mul(tf.log(pc.div(qc))), -1);
}

function accuracy(model, xs, labels) {
  return tf.tidy(() => model.predict(xs).argMax(-1).equal(labels).toFloat().mean().dataSync()[0]);
}

async function main() {
  await tf.setBackend('wasm');

  const labelled = capture(N_LABELLED);
  const transfer = capture(N_TRANSFER);
  const test = capture(N_TEST);
  const xLabelled = tf.tensor2d(labelled.xs, [N_LABELLED, N_FEATURES]);
  const yLabelled = tf.oneHot(tf.tensor1d(labelled.labels, 'int32'), CLASSES.length).toFloat();
  const xTransfer = tf.tensor2d(transfer.xs, [N_TRANSFER, N_FEATURES]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const yTestLabels = tf.tensor1d(test.labels, 'int32');

  // teacher: trained on the hard labels, outputs logits
  const teacher = mlp([64, 64]);
  teacher.compile({ optimizer: tf.train.adam(0.002), loss: (y, logits) => tf.losses.softmaxCrossEntropy(y, logits) });
  await teacher.fit(xLabelled, yLabelled, { epochs: 15, batchSize: 64, shuffle: true, verbose: 0 });
  const teacherProbs = tf.tidy(() => tf.softmax(teacher.predict(xTransfer).div(T)));

  // student: distilled from the softened teacher probabilities
  const student = mlp([16]);
  const optimizer = tf.train.adam(0.005);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRANSFER);
    let epochLoss = 0;
    let steps = 0;
    for (let start = 0; start < N_TRANSFER; start += BATCH) {
      const idx = tf.tensor1d(Int32Array.from(order.slice(start, start + BATCH)), 'int32');
      const xb = tf.gather(xTransfer, idx);
      const pb = tf.gather(teacherProbs, idx);
      const loss = optimizer.minimize(() => {
        const studentLogits = student.apply(xb);
        const studentProbs = studentLogits.div(T);
        return klDivergence(pb, studentProbs).mean().mul(T * T);
      }, true);
      epochLoss += loss.dataSync()[0];
      steps += 1;
      tf.dispose([idx, xb, pb, loss]);
    }
    losses.push(epochLoss / steps);
  }

  const teacherAcc = accuracy(teacher, xTest, yTestLabels);
  const transferAgreement = tf.tidy(() => student.predict(xTransfer).argMax(-1).equal(teacherProbs.argMax(-1)).toFloat().mean().dataSync()[0]);
  const studentAcc = accuracy(student, xTest, yTestLabels);
  console.log(`teacher test acc ${teacherAcc.toFixed(3)} | student KD loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} agreement ${transferAgreement.toFixed(3)} | student test acc ${studentAcc.toFixed(3)}`);
}

main();
