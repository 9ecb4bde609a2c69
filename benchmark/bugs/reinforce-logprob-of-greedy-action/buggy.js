'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9609);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Homepage recommendation as a contextual bandit: for each visitor (8 profile features: age band,
// device, time of day, recent reading mix, ...) the policy picks one of 5 article sections to
// feature, and the reward is 1 if the visitor clicks. The policy network outputs one logit per
// section; actions are sampled from its softmax and trained with REINFORCE on the click rewards
// of each batch of visitors. The click model is only known to the simulator.
const SECTIONS = ['news', 'sport', 'business', 'culture', 'tech'];
const NUM_ACTIONS = SECTIONS.length;
const NUM_FEATURES = 8;
const BATCH = 64;
const ITERATIONS = 300;
const N_EVAL = 1000;

const TASTES = SECTIONS.map(() => rng.array(NUM_FEATURES, () => rng.normal(0, 1)));

function newVisitors(n) {
  return rng.array(n, () => rng.array(NUM_FEATURES, () => rng.normal(0, 1)));
}

function clickProbability(visitor, action) {
  let affinity = 0;
  for (let j = 0; j < NUM_FEATURES; j++) affinity += TASTES[action][j] * visitor[j];
  return 1 / (1 + Math.exp(-(0.8 * affinity - 1.5)));
}

function sampleAction(probs) {
  let u = rng.random();
  for (let a = 0; a < probs.length - 1; a++) {
    u -= probs[a];
    if (u < 0) return a;
  }
  return probs.length - 1;
}

async function main() {
  await tf.setBackend('wasm');

  const policy = tf.sequential();
  policy.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  policy.add(tf.layers.dense({ units: NUM_ACTIONS }));
  const optimizer = tf.train.adam(0.01);

  const meanRewards = [];
  const losses = [];
  for (let it = 0; it < ITERATIONS; it++) {
    const visitors = newVisitors(BATCH);
    const x = tf.tensor2d(visitors, [BATCH, NUM_FEATURES]);
    const probs = tf.tidy(() => tf.softmax(policy.predict(x)).arraySync());
    const actions = probs.map(sampleAction);
    const rewards = actions.map((a, i) => (rng.random() < clickProbability(visitors[i], a) ? 1 : 0));
    const returns = tf.tensor1d(rewards);
    const sampledActions = tf.tensor1d(actions, 'int32');

    const loss = optimizer.minimize(() => {
      const logits = policy.predict(x);
      const logProbs = tf.logSoftmax(logits);
      const chosen = tf.oneHot(tf.argMax(logits, 1), NUM_ACTIONS);
      const chosenLogProb = logProbs.mul(chosen).sum(1);
      return chosenLogProb.mul(returns).mean().neg();
    }, true);
    losses.push(loss.dataSync()[0]);
    meanRewards.push(rewards.reduce((s, r) => s + r, 0) / BATCH);
    tf.dispose([x, returns, sampledActions, loss]);
  }

  // held-out visitors: expected click rate of the greedy policy against the best possible section
  const evalVisitors = newVisitors(N_EVAL);
  const evalProbs = tf.tidy(() => tf.softmax(policy.predict(tf.tensor2d(evalVisitors, [N_EVAL, NUM_FEATURES]))));
  const greedy = evalProbs.argMax(1).arraySync();
  const confidence = evalProbs.max(1).mean().dataSync()[0];
  let greedyCtr = 0;
  let bestCtr = 0;
  let randomCtr = 0;
  let bestPicked = 0;
  const usage = new Array(NUM_ACTIONS).fill(0);
  evalVisitors.forEach((v, i) => {
    const p = SECTIONS.map((_, a) => clickProbability(v, a));
    const best = p.indexOf(Math.max(...p));
    greedyCtr += p[greedy[i]] / N_EVAL;
    bestCtr += p[best] / N_EVAL;
    randomCtr += p.reduce((s, q) => s + q, 0) / NUM_ACTIONS / N_EVAL;
    bestPicked += (greedy[i] === best ? 1 : 0) / N_EVAL;
    usage[greedy[i]] += 1 / N_EVAL;
  });
  const avg = (arr) => arr.reduce((s, r) => s + r, 0) / arr.length;
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[ITERATIONS - 1].toFixed(3)} reward ${avg(meanRewards.slice(0, 20)).toFixed(3)} -> ${avg(meanRewards.slice(-20)).toFixed(3)} | held-out greedy ctr ${greedyCtr.toFixed(3)} (best ${bestCtr.toFixed(3)}, random ${randomCtr.toFixed(3)}) best section picked ${bestPicked.toFixed(3)}, top section share ${Math.max(...usage).toFixed(3)}, policy confidence ${confidence.toFixed(3)}`);
}

main();
