'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9558);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Daily electricity use (MWh) of office buildings from the weather and the building's profile:
// outdoor temperature, humidity, solar irradiance, wind speed, floor area, occupancy and a
// working-day flag. Heating below 16 C and cooling above 22 C make the load strongly nonlinear.
// Features are standardized with the training statistics; the network is a dense layer, two
// gated residual blocks (as in temporal fusion transformers) and a linear output.
const N_TRAIN = 1000;
const N_TEST = 400;
const NUM_FEATURES = 7;
const HIDDEN = 32;

class GatedResidual extends tf.layers.Layer {
  constructor(config) {
    super(config);
    this.units = config.units;
  }

  build(inputShape) {
    this.transform = tf.layers.dense({ units: this.units, activation: 'elu' });
    this.gate = tf.layers.dense({ units: this.units, activation: 'sigmoid' });
    [this.transform, this.gate].forEach((layer) => layer.build(inputShape));
    this.trainableWeights = [...this.transform.trainableWeights, ...this.gate.trainableWeights];
    this.built = true;
  }

  computeOutputShape(inputShape) {
    return inputShape;
  }

  call(inputs) {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      // the gate decides, unit by unit, how much of the transformed signal is added to the input
      return x.add(this.gate.apply(x).mul(this.transform.apply(x)));
    });
  }

  getConfig() {
    return { ...super.getConfig(), units: this.units };
  }

  static get className() {
    return 'GatedResidual';
  }
}
tf.serialization.registerClass(GatedResidual);

function loadMeterReadings(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const temp = rng.uniform(-10, 35);
    const humidity = rng.uniform(20, 95);
    const solar = rng.uniform(0, 8);
    const wind = rng.uniform(0, 15);
    const area = rng.uniform(1, 20); // thousand m2
    const occupancy = rng.uniform(0.1, 1);
    const workday = rng.random() < 5 / 7 ? 1 : 0;
    const heating = Math.max(16 - temp, 0) * (1 + 0.03 * wind);
    const cooling = Math.max(temp - 22, 0) * (1 + 0.01 * (humidity - 50)) + 0.3 * solar;
    const load = area * (0.4 + 0.05 * heating + 0.08 * cooling + (workday ? 0.6 * occupancy : 0.1)) + rng.normal(0, 0.3);
    xs.push([temp, humidity, solar, wind, area, occupancy, workday]);
    ys.push([load]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = loadMeterReadings(N_TRAIN);
  const test = loadMeterReadings(N_TEST);
  const xTrainRaw = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTestRaw = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: HIDDEN, activation: 'elu', inputShape: [NUM_FEATURES] }));
  model.add(new GatedResidual({ units: HIDDEN }));
  model.add(new GatedResidual({ units: HIDDEN }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 25, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)}`);
}

main();
