'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9681);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Physics-informed network for first-order drug elimination: the plasma concentration (relative
// to the dose) obeys u'(t) = -K u(t) with u(0) = 1, t in hours on [0, T_END]. A small tanh MLP u(t)
// is trained without any measured data, only by driving the ODE residual u' + K u to zero at
// random collocation times plus the initial condition. The time derivative is taken with a
// central difference, as in the original NumPy prototype. The exact solution exp(-K t) is used
// only to score the trained network on held-out times.
const K = 1.3;
const T_END = 2;
const FD_STEP = 1e-3;
const N_COLLOCATION = 128;
const N_TEST = 200;
const STEPS = 450;
const LEARNING_RATE = 0.01;

const sampleTimes = (n) => rng.array(n, () => rng.uniform(0, T_END));

async function main() {
  await tf.setBackend('wasm');

  const net = tf.sequential();
  net.add(tf.layers.dense({ units: 24, activation: 'tanh', inputShape: [1] }));
  net.add(tf.layers.dense({ units: 24, activation: 'tanh' }));
  net.add(tf.layers.dense({ units: 1 }));

  // du/dt by central differences: (u(t + h) - u(t - h)) / 2h
  const derivative = (t) => {
    const uPlus = net.apply(t.add(FD_STEP));
    const uMinus = net.apply(t.sub(FD_STEP));
    return uPlus.sub(uMinus).div(2 * FD_STEP);
  };

  const t0 = tf.zeros([1, 1]);
  const optimizer = tf.train.adam(LEARNING_RATE);
  const losses = [];
  for (let step = 0; step < STEPS; step++) {
    // fresh collocation times each step
    const t = tf.tensor2d(sampleTimes(N_COLLOCATION), [N_COLLOCATION, 1]);
    const cost = optimizer.minimize(() => {
      const residual = derivative(t).add(net.apply(t).mul(K));
      const initial = net.apply(t0).sub(1);
      return residual.square().mean().add(initial.square().mean());
    }, true);
    losses.push(cost.dataSync()[0]);
    cost.dispose();
    t.dispose();
  }

  // Compare with the exact solution on held-out times.
  const tTest = sampleTimes(N_TEST);
  const uExact = tf.tensor2d(tTest.map((s) => Math.exp(-K * s)), [N_TEST, 1]);
  const uPred = net.predict(tf.tensor2d(tTest, [N_TEST, 1]));
  const rmse = uPred.sub(uExact).square().mean().sqrt().dataSync()[0];
  const maxErr = uPred.sub(uExact).abs().max().dataSync()[0];
  const uEnd = net.predict(tf.tensor2d([[T_END]])).dataSync()[0];
  const avg = (a) => a.reduce((s, v) => s + v, 0) / a.length;
  const first = avg(losses.slice(0, 10));
  const last = avg(losses.slice(-50));
  console.log(`loss ${first.toExponential(3)} -> ${last.toExponential(3)} u(${T_END}) ${uEnd.toFixed(4)} (exact ${Math.exp(-K * T_END).toFixed(4)}) | test rmse ${rmse.toFixed(4)} max err ${maxErr.toFixed(4)}`);
}

main();
