'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2291);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Fine-tuning on bird-call recordings summarised by 20 acoustic features (band energies, pitch
// statistics, call rate, ...). A base network is first trained on a large archive to recognise the
// 16 species; its two feature layers are then reused under a new head (dense + batch norm + dropout
// + softmax) that predicts the habitat group of the recording site (forest / wetland / grassland /
// urban; each species lives in one group), learned from a small labelled survey.
const NUM_FEATURES = 20;
const NUM_SPECIES = 16;
const HABITATS = ['forest', 'wetland', 'grassland', 'urban'];
const N_ARCHIVE = 2000;
const N_SURVEY = 300;
const N_TEST = 400;

const calls = rng.array(NUM_SPECIES, () => rng.array(NUM_FEATURES, () => rng.normal(0, 1.5)));
const habitatOf = rng.array(NUM_SPECIES, (s) => s % HABITATS.length);

function makeRecordings(n) {
  const xs = [];
  const species = [];
  const habitats = [];
  for (let i = 0; i < n; i++) {
    const s = rng.int(0, NUM_SPECIES);
    xs.push(calls[s].map((m) => m + rng.normal(0, 1)));
    species.push(s);
    habitats.push(habitatOf[s]);
  }
  return { xs, species, habitats };
}

async function main() {
  await tf.setBackend('wasm');

  // Step 1: train the base model on species recognition.
  const archive = makeRecordings(N_ARCHIVE);
  const xArchive = tf.tensor2d(archive.xs, [N_ARCHIVE, NUM_FEATURES]);
  const yArchive = tf.oneHot(tf.tensor1d(archive.species, 'int32'), NUM_SPECIES).toFloat();
  const base = tf.sequential();
  base.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [NUM_FEATURES] }));
  base.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  base.add(tf.layers.dense({ units: NUM_SPECIES, activation: 'softmax' }));
  base.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const baseHistory = await base.fit(xArchive, yArchive, { epochs: 10, batchSize: 32, shuffle: true, verbose: 0 });
  const baseAcc = baseHistory.history.acc[baseHistory.history.acc.length - 1];

  // Step 2: new head for the habitat task on top of the pretrained feature layers.
  const survey = makeRecordings(N_SURVEY);
  const test = makeRecordings(N_TEST);
  const xSurvey = tf.tensor2d(survey.xs, [N_SURVEY, NUM_FEATURES]);
  const ySurvey = tf.oneHot(tf.tensor1d(survey.habitats, 'int32'), HABITATS.length).toFloat();
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.oneHot(tf.tensor1d(test.habitats, 'int32'), HABITATS.length).toFloat();

  const model = tf.sequential();
  model.add(base.layers[0]);
  model.add(base.layers[1]);
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.batchNormalization());
  model.add(tf.layers.dropout({ rate: 0.3 }));
  model.add(tf.layers.dense({ units: HABITATS.length, activation: 'softmax' }));
  // Keep the pretrained dense layers fixed while the head learns the habitat task.
  model.layers.forEach((l) => { if (base.layers.includes(l)) l.trainable = false; });
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xSurvey, ySurvey, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`base acc ${baseAcc.toFixed(3)} | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
