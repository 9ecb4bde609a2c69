'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9711);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Speaker verification for a voice-login feature. Each utterance is summarised by 40 utterance-level
// acoustic statistics (MFCC means and deltas); the same speaker sounds different from one phone and
// room to the next. A small MLP maps the statistics to a 32-d unit-length voice embedding and is
// trained as a speaker classifier with an ArcFace head (additive angular margin on the cosine to
// each speaker's centre, scaled by s). At login time only the embedding is used: held-out
// utterances of the enrolled speakers are matched to the nearest speaker centre, and pairs of
// utterances from speakers never seen in training are accepted or rejected by cosine similarity.
const FEATURES = 40;
const SPEAKER_DIM = 8;
const CHANNEL_DIM = 6;
const EMBED_DIM = 32;
const TRAIN_SPEAKERS = 50;
const UTTS_TRAIN = 24;
const UTTS_HELD_OUT = 8;
const NEW_SPEAKERS = 20;
const UTTS_NEW = 10;
const ARC = { scale: 30, margin: 0.5 };
const EPOCHS = 30;
const BATCH = 64;

// how speaker traits and channel (phone, room) effects show up in the acoustic statistics
const SPEAKER_MIX = rng.array(FEATURES, () => rng.array(SPEAKER_DIM, () => rng.normal(0, 1)));
const CHANNEL_MIX = rng.array(FEATURES, () => rng.array(CHANNEL_DIM, () => rng.normal(0, 1)));

function newSpeaker() {
  return rng.array(SPEAKER_DIM, () => rng.normal(0, 1));
}

function utterance(speaker) {
  const channel = rng.array(CHANNEL_DIM, () => rng.normal(0, 1.2));
  return rng.array(FEATURES, (f) => {
    let v = 0;
    for (let k = 0; k < SPEAKER_DIM; k++) v += SPEAKER_MIX[f][k] * speaker[k];
    for (let k = 0; k < CHANNEL_DIM; k++) v += CHANNEL_MIX[f][k] * channel[k];
    return 4 * Math.tanh(v / 4) + rng.normal(0, 0.4);
  });
}

function recordings(speakers, perSpeaker) {
  const xs = [];
  const ids = [];
  speakers.forEach((speaker, id) => {
    for (let u = 0; u < perSpeaker; u++) {
      xs.push(utterance(speaker));
      ids.push(id);
    }
  });
  return { xs, ids };
}

function unitRows(x) {
  return x.div(x.square().sum(1, true).add(1e-12).sqrt());
}

// equal error rate of cosine scores over all pairs of utterances
function equalErrorRate(emb, ids) {
  const scores = [];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      let dot = 0;
      for (let k = 0; k < EMBED_DIM; k++) dot += emb[i][k] * emb[j][k];
      scores.push([dot, ids[i] === ids[j]]);
    }
  }
  scores.sort((a, b) => b[0] - a[0]);
  const targets = scores.filter((s) => s[1]).length;
  const impostors = scores.length - targets;
  let accepted = 0;
  let falseAccepts = 0;
  let eer = 1;
  for (const [, same] of scores) {
    if (same) accepted += 1;
    else falseAccepts += 1;
    const far = falseAccepts / impostors;
    const frr = 1 - accepted / targets;
    if (far >= frr) {
      eer = (far + frr) / 2;
      break;
    }
  }
  return eer;
}

async function main() {
  await tf.setBackend('wasm');

  const enrolled = rng.array(TRAIN_SPEAKERS, newSpeaker);
  const unseen = rng.array(NEW_SPEAKERS, newSpeaker);
  const train = recordings(enrolled, UTTS_TRAIN);
  const heldOut = recordings(enrolled, UTTS_HELD_OUT);
  const newPairs = recordings(unseen, UTTS_NEW);
  const nTrain = train.ids.length;

  const xTrainRaw = tf.tensor2d(train.xs, [nTrain, FEATURES]);
  const yTrain = tf.oneHot(tf.tensor1d(train.ids, 'int32'), TRAIN_SPEAKERS).toFloat();
  const xHeldRaw = tf.tensor2d(heldOut.xs, [heldOut.ids.length, FEATURES]);
  const xNewRaw = tf.tensor2d(newPairs.xs, [newPairs.ids.length, FEATURES]);
  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xHeld = xHeldRaw.sub(mean).div(std);
  const xNew = xNewRaw.sub(mean).div(std);

  const encoder = tf.sequential();
  encoder.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [FEATURES] }));
  encoder.add(tf.layers.dense({ units: EMBED_DIM }));
  const centres = tf.variable(tf.randomNormal([EMBED_DIM, TRAIN_SPEAKERS], 0, 0.1));

  const cosM = Math.cos(ARC.margin);
  const sinM = Math.sin(ARC.margin);
  function arcFaceLoss(x, yOneHot) {
    const emb = unitRows(encoder.apply(x));
    const cosine = emb.matMul(unitRows(centres.transpose()).transpose());
    const sine = tf.sqrt(tf.clipByValue(tf.scalar(1).sub(cosine.square()), 1e-6, 1));
    const cosWithMargin = cosine.mul(cosM).sub(sine.mul(sinM));
    const logits = cosine.add(yOneHot.mul(cosWithMargin.sub(cosine))).mul(ARC.scale);
    return tf.losses.softmaxCrossEntropy(yOneHot, logits);
  }

  const optimizer = tf.train.adam(0.003);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(nTrain);
    let epochLoss = 0;
    let steps = 0;
    for (let start = 0; start < nTrain; start += BATCH) {
      const idx = tf.tensor1d(Int32Array.from(order.slice(start, start + BATCH)), 'int32');
      const xb = tf.gather(xTrain, idx);
      const yb = tf.gather(yTrain, idx);
      const loss = optimizer.minimize(() => arcFaceLoss(xb, yb), true);
      epochLoss += loss.dataSync()[0];
      steps += 1;
      tf.dispose([idx, xb, yb, loss]);
    }
    losses.push(epochLoss / steps);
  }

  // closed set: nearest speaker centre; open set: cosine scores between new speakers' utterances
  const nearestCentre = (x, ids) => tf.tidy(() => {
    const pred = unitRows(encoder.predict(x)).matMul(unitRows(centres.transpose()).transpose()).argMax(1).arraySync();
    return pred.filter((p, i) => p === ids[i]).length / ids.length;
  });
  const trainAcc = nearestCentre(xTrain, train.ids);
  const heldAcc = nearestCentre(xHeld, heldOut.ids);
  const newEmb = tf.tidy(() => unitRows(encoder.predict(xNew)).arraySync());
  const eer = equalErrorRate(newEmb, newPairs.ids);
  console.log(`arcface loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} train id acc ${trainAcc.toFixed(3)} | held-out id acc ${heldAcc.toFixed(3)} new-speaker verification EER ${(100 * eer).toFixed(1)}%`);
}

main();
