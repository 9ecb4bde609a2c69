'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9551);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Speaker verification for a voice-unlock feature. Each utterance is summarized as 32 features
// (mean MFCCs and their deltas). A Siamese MLP encoder maps an utterance to a unit-length 16-d
// embedding; it is trained on pairs of utterances with a cosine contrastive loss (same speaker:
// pull the cosine to 1, different speakers: push it below a margin) in a hand-written loop.
// At unlock time two utterances are accepted as the same speaker when their cosine similarity is
// above 0.5. Held-out: pairs of utterances from speakers never seen in training.
const N_FEATURES = 32;
const EMBED_DIM = 16;
const TRAIN_SPEAKERS = 200;
const TEST_SPEAKERS = 20;
const UTTERANCES_PER_SPEAKER = 10;
const TEST_PAIRS = 1000;

const STEPS = 400;
const BATCH_PAIRS = 64;
const LEARNING_RATE = 0.005;
const MARGIN = 0.2;
const ACCEPT_THRESHOLD = 0.5;

function recordSpeakers(nSpeakers) {
  const xs = [];
  const speaker = [];
  for (let s = 0; s < nSpeakers; s++) {
    const voice = rng.array(N_FEATURES, () => rng.normal(0, 1));
    for (let u = 0; u < UTTERANCES_PER_SPEAKER; u++) {
      const loudness = Math.exp(rng.normal(0, 0.3)); // microphone distance and gain
      xs.push(voice.map((v) => loudness * (v + rng.normal(0, 0.8))));
      speaker.push(s);
    }
  }
  return { xs, speaker };
}

// half of the pairs from the same speaker, half from two different speakers
function samplePairs(nSpeakers, n) {
  const a = [];
  const b = [];
  const same = [];
  for (let i = 0; i < n; i++) {
    const s = rng.int(0, nSpeakers);
    const first = s * UTTERANCES_PER_SPEAKER + rng.int(0, UTTERANCES_PER_SPEAKER);
    let other = s;
    if (i % 2 === 1) {
      other = rng.int(0, nSpeakers - 1);
      if (other >= s) other++;
    }
    let second = other * UTTERANCES_PER_SPEAKER + rng.int(0, UTTERANCES_PER_SPEAKER);
    while (second === first) second = other * UTTERANCES_PER_SPEAKER + rng.int(0, UTTERANCES_PER_SPEAKER);
    a.push(first);
    b.push(second);
    same.push(other === s ? 1 : 0);
  }
  return { a, b, same };
}

async function main() {
  await tf.setBackend('wasm');

  const train = recordSpeakers(TRAIN_SPEAKERS);
  const test = recordSpeakers(TEST_SPEAKERS);
  const xTrainRaw = tf.tensor2d(train.xs);
  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = tf.tensor2d(test.xs).sub(mean).div(std);

  const encoder = tf.sequential();
  encoder.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [N_FEATURES] }));
  encoder.add(tf.layers.dense({ units: EMBED_DIM }));

  // tfjs has no l2Normalize op; unit-length embeddings make dot products cosine similarities
  const l2Normalize = (t, axis) => t.div(tf.norm(t, 'euclidean', axis, true).add(1e-8));
  const embed = (x) => l2Normalize(encoder.apply(x), -1);
  const cosine = (xa, xb) => embed(xa).mul(embed(xb)).sum(-1);

  const contrastiveLoss = (cos, same) =>
    tf.add(same.mul(tf.scalar(1).sub(cos).square()), tf.scalar(1).sub(same).mul(tf.relu(cos.sub(MARGIN)).square())).mean();

  const optimizer = tf.train.adam(LEARNING_RATE);
  const losses = [];
  for (let step = 0; step < STEPS; step++) {
    const pairs = samplePairs(TRAIN_SPEAKERS, BATCH_PAIRS);
    const cost = tf.tidy(() => {
      const xa = xTrain.gather(tf.tensor1d(pairs.a, 'int32'));
      const xb = xTrain.gather(tf.tensor1d(pairs.b, 'int32'));
      const same = tf.tensor1d(pairs.same);
      return optimizer.minimize(() => contrastiveLoss(cosine(xa, xb), same), true);
    });
    losses.push(cost.dataSync()[0]);
    cost.dispose();
  }
  const avg = (arr) => arr.reduce((s, v) => s + v, 0) / arr.length;
  const firstLoss = avg(losses.slice(0, 20));
  const lastLoss = avg(losses.slice(-20));

  // verification accuracy at the unlock threshold
  const verify = (x, nSpeakers) =>
    tf.tidy(() => {
      const pairs = samplePairs(nSpeakers, TEST_PAIRS);
      const cos = cosine(x.gather(tf.tensor1d(pairs.a, 'int32')), x.gather(tf.tensor1d(pairs.b, 'int32'))).dataSync();
      const hits = pairs.same.filter((s, i) => (cos[i] > ACCEPT_THRESHOLD ? 1 : 0) === s).length;
      const sameCos = avg(Array.from(cos).filter((_, i) => pairs.same[i] === 1));
      const diffCos = avg(Array.from(cos).filter((_, i) => pairs.same[i] === 0));
      return { acc: hits / TEST_PAIRS, sameCos, diffCos };
    });
  const tr = verify(xTrain, TRAIN_SPEAKERS);
  const te = verify(xTest, TEST_SPEAKERS);
  console.log(
    `loss ${firstLoss.toFixed(3)} -> ${lastLoss.toFixed(3)} train verify acc ${tr.acc.toFixed(3)} | test verify acc ${te.acc.toFixed(3)} (cos same ${te.sameCos.toFixed(3)} diff ${te.diffCos.toFixed(3)})`,
  );
}

main();
