'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2958);
const tf = require('@tensorflow/tfjs');

// Fall detection in a care home with an 8x8 thermal array sensor on the wall: each frame is
// labelled as an empty room, a person standing or a person lying on the floor. A person is a
// warm blob (tall and narrow when standing, wide and flat when lying) at a random place in the
// frame; the room temperature drifts from frame to frame. The recordings come out of the lab's
// MATLAB tooling as one flat Float32 buffer per recording, holding the stack frames(row, col, k).
const SIDE = 8;
const POSES = ['empty', 'standing', 'lying'];
const N_TRAIN = 600;
const N_TEST = 300;

function recordFrames(n) {
  const frames = new Float32Array(SIDE * SIDE * n);
  const labels = [];
  for (let k = 0; k < n; k++) {
    const pose = rng.int(0, POSES.length);
    const room = rng.uniform(19, 24);
    const [h, w] = pose === 1 ? [rng.int(5, 8), rng.int(2, 3)] : [rng.int(2, 3), rng.int(5, 8)];
    const top = rng.int(0, SIDE - h + 1);
    const left = rng.int(0, SIDE - w + 1);
    const body = rng.uniform(28, 33);
    for (let r = 0; r < SIDE; r++) {
      for (let c = 0; c < SIDE; c++) {
        const onBody = pose !== 0 && r >= top && r < top + h && c >= left && c < left + w;
        frames[(r * SIDE + c) * n + k] = (onBody ? body : room) + rng.normal(0, 0.8);
      }
    }
    labels.push(pose);
  }
  return { frames, labels };
}

async function main() {
  await tf.setBackend('cpu');

  const train = recordFrames(N_TRAIN);
  const test = recordFrames(N_TEST);
  const xTrain = tf.tensor4d(train.frames, [N_TRAIN, SIDE, SIDE, 1]).sub(20).div(10);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), POSES.length).toFloat();
  const xTest = tf.tensor4d(test.frames, [N_TEST, SIDE, SIDE, 1]).sub(20).div(10);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), POSES.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.conv2d({ filters: 8, kernelSize: 3, activation: 'relu', inputShape: [SIDE, SIDE, 1] }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: POSES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
