'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9704);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Terrain model for a hiking app: a 2.3 km x 2.3 km survey tile measured on a 24 x 24 grid of
// survey points (elevation in metres). A SIREN (MLP with sine activations, Sitzmann et al. 2020)
// maps (x, y) in [-1, 1]^2 to elevation so that the app can query the height anywhere; it is
// checked at the centres of the grid cells, where no survey point was taken.
const GRID = 24;
const HIDDEN = 64;
const FIRST_OMEGA_0 = 30;
const HIDDEN_OMEGA_0 = 30;
const STEPS = 400;
const LEARNING_RATE = 1e-3;

// a few hills, a valley and a tilted plain, random per tile
const HILLS = rng.array(5, () => ({
  x: rng.uniform(-0.9, 0.9),
  y: rng.uniform(-0.9, 0.9),
  height: rng.uniform(80, 260),
  width: rng.uniform(0.3, 0.6),
}));
const TILT = [rng.uniform(-60, 60), rng.uniform(-60, 60)];
const VALLEY_ANGLE = rng.uniform(0, Math.PI);

function elevation(x, y) {
  let h = 420 + TILT[0] * x + TILT[1] * y;
  for (const hill of HILLS) {
    h += hill.height * Math.exp(-((x - hill.x) ** 2 + (y - hill.y) ** 2) / (2 * hill.width ** 2));
  }
  const across = -Math.sin(VALLEY_ANGLE) * x + Math.cos(VALLEY_ANGLE) * y;
  h -= 120 * Math.exp(-(across ** 2) / (2 * 0.2 ** 2));
  return h;
}

function surveyGrid(n, offset) {
  const coords = [];
  const heights = [];
  const step = 2 / (n - 1 + 2 * offset);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const x = -1 + (i + offset) * step;
      const y = -1 + (j + offset) * step;
      coords.push([x, y]);
      heights.push([elevation(x, y) + rng.normal(0, 1.5)]);
    }
  }
  return { coords, heights };
}

function sineLayer(fanIn, fanOut, isFirst) {
  const bound = isFirst ? 1 / fanIn : Math.sqrt(6 / fanIn) / HIDDEN_OMEGA_0;
  const w = tf.variable(tf.tensor2d(rng.array(fanIn * fanOut, () => rng.uniform(-bound, bound)), [fanIn, fanOut]));
  const b = tf.variable(tf.tensor1d(rng.array(fanOut, () => rng.uniform(-1 / Math.sqrt(fanIn), 1 / Math.sqrt(fanIn)))));
  return { w, b };
}

async function main() {
  await tf.setBackend('wasm');

  const survey = surveyGrid(GRID, 0);
  // check points at the cell centres, half-way between survey points
  const centres = surveyGrid(GRID - 1, 0.5);
  const nTrain = survey.coords.length;
  const nTest = centres.coords.length;
  const xTrain = tf.tensor2d(survey.coords, [nTrain, 2]);
  const hTrain = tf.tensor2d(survey.heights, [nTrain, 1]);
  const xTest = tf.tensor2d(centres.coords, [nTest, 2]);
  const hTest = tf.tensor2d(centres.heights, [nTest, 1]);

  const hMean = hTrain.mean().dataSync()[0];
  const hStd = tf.moments(hTrain).variance.sqrt().dataSync()[0];
  const yTrain = hTrain.sub(hMean).div(hStd);

  const layer1 = sineLayer(2, HIDDEN, true);
  const layer2 = sineLayer(HIDDEN, HIDDEN, false);
  const outBound = Math.sqrt(6 / HIDDEN) / HIDDEN_OMEGA_0;
  const wOut = tf.variable(tf.tensor2d(rng.array(HIDDEN, () => rng.uniform(-outBound, outBound)), [HIDDEN, 1]));
  const bOut = tf.variable(tf.zeros([1]));

  const siren = (x) => {
    const h1 = tf.sin(x.matMul(layer1.w).add(layer1.b).mul(FIRST_OMEGA_0));
    const h2 = tf.sin(h1.matMul(layer2.w).add(layer2.b).mul(HIDDEN_OMEGA_0));
    return h2.matMul(wOut).add(bOut);
  };

  const optimizer = tf.train.adam(LEARNING_RATE);
  const losses = [];
  for (let step = 0; step < STEPS; step++) {
    const loss = optimizer.minimize(() => tf.losses.meanSquaredError(yTrain, siren(xTrain)), true);
    losses.push(loss.dataSync()[0]);
    loss.dispose();
  }

  const rmseMetres = (x, h) => tf.tidy(() => siren(x).mul(hStd).add(hMean).sub(h).square().mean().sqrt().dataSync()[0]);
  const trainRmse = rmseMetres(xTrain, hTrain);
  const testRmse = rmseMetres(xTest, hTest);
  console.log(`loss ${losses[0].toFixed(4)} -> ${losses[STEPS - 1].toFixed(4)} | rmse at survey points ${trainRmse.toFixed(1)} m, at cell centres ${testRmse.toFixed(1)} m (elevation std ${hStd.toFixed(1)} m)`);
}

main();
