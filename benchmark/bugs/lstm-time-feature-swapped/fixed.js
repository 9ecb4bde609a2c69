'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9031);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Entry detector for a smart-home sensor log. Each window has 20 ticks of three sensors: door
// contact, hallway motion and a temperature reading. Somebody came in when the door fires and
// motion follows on the very next tick; motion followed by the door (leaving) and isolated
// triggers of either sensor are not entries. An LSTM reads the window, a sigmoid unit says entry.
const STEPS = 20;
const NUM_SENSORS = 3;
const N_TRAIN = 400;
const N_TEST = 300;

function makeLogs(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const door = rng.array(STEPS, () => rng.normal(0, 0.1));
    const motion = rng.array(STEPS, () => rng.normal(0, 0.1));
    const temp = rng.array(STEPS, () => rng.normal(0, 0.3));
    const busy = new Set();
    const fire = (sensor, t) => {
      sensor[t] += 1;
      busy.add(t);
    };
    const entry = rng.random() < 0.5;
    const t0 = rng.int(0, STEPS - 1);
    if (entry) {
      fire(door, t0);
      fire(motion, t0 + 1);
    } else {
      fire(motion, t0);
      fire(door, t0 + 1);
    }
    // two more stray triggers that never form door -> motion on consecutive ticks
    for (let k = 0; k < 2; k++) {
      for (let tries = 0; tries < 50; tries++) {
        const t = rng.int(0, STEPS);
        const isDoor = rng.random() < 0.5;
        if (busy.has(t)) continue;
        if (isDoor && t + 1 < STEPS && motion[t + 1] > 0.5) continue;
        if (!isDoor && t > 0 && door[t - 1] > 0.5) continue;
        fire(isDoor ? door : motion, t);
        break;
      }
    }
    xs.push(door.map((d, t) => [d, motion[t], temp[t]]));
    ys.push([entry ? 1 : 0]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeLogs(N_TRAIN);
  const test = makeLogs(N_TEST);
  const xTrain = tf.tensor3d(train.xs);
  const yTrain = tf.tensor2d(train.ys);
  const xTest = tf.tensor3d(test.xs);
  const yTest = tf.tensor2d(test.ys);

  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 16, inputShape: [STEPS, NUM_SENSORS] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));

  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 64, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
