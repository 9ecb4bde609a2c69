'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9642);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Indoor positioning across two radios: at each surveyed spot of an office floor the phone records a
// Wi-Fi scan (signal strength in dBm of 40 access points) and a Bluetooth scan (24 BLE beacons with
// their own placement and path loss). Two small encoders map the two scans into a shared 32-d space
// and are trained CLIP-style: in-batch logits z_wifi z_ble^T / temperature, softmax cross-entropy
// where the BLE scan of the same spot is the positive. Held-out: for the Wi-Fi scan of a new spot,
// retrieve that spot's BLE scan among all held-out BLE scans, and how far the retrieved spot is.
const NUM_APS = 40;
const NUM_BEACONS = 24;
const FLOOR_W = 80;
const FLOOR_H = 50;
const EMBED = 32;
const N_TRAIN = 2048;
const N_TEST = 256;
const BATCH = 64;
const EPOCHS = 12;
const TEMPERATURE = 0.1;
const NOISE_FLOOR = -100;

const place = (n, lo, hi) => rng.array(n, () => ({ x: rng.uniform(0, FLOOR_W), y: rng.uniform(0, FLOOR_H), power: rng.uniform(lo, hi) }));
const accessPoints = place(NUM_APS, -45, -30);
const beacons = place(NUM_BEACONS, -65, -55);

// log-distance path loss, a shadowing term for walls and furniture, fading, unheard transmitters
function rssi(tx, x, y, exponent, gain) {
  if (rng.random() < 0.05) return NOISE_FLOOR;
  const r = tx.power - 10 * exponent * Math.log10(1 + Math.hypot(x - tx.x, y - tx.y)) + gain + rng.normal(0, 2);
  return Math.max(NOISE_FLOOR, r);
}

function survey(n) {
  const wifi = [];
  const ble = [];
  const xy = [];
  for (let i = 0; i < n; i++) {
    const x = rng.uniform(0, FLOOR_W);
    const y = rng.uniform(0, FLOOR_H);
    xy.push([x, y]);
    const gain = rng.uniform(-4, 4);
    wifi.push(accessPoints.map((ap) => rssi(ap, x, y, 2.5, gain)));
    ble.push(beacons.map((bc) => rssi(bc, x, y, 2.0, gain)));
  }
  // dBm to roughly [0, 1]
  const toInputs = (rows, width) => tf.tensor2d(rows, [n, width]).sub(NOISE_FLOOR).div(60);
  return { wifi: toInputs(wifi, NUM_APS), ble: toInputs(ble, NUM_BEACONS), xy };
}

function encoder(inputDim) {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 128, activation: 'relu', inputShape: [inputDim] }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.dense({ units: EMBED }));
  return model;
}

function l2normalize(x) {
  return x.div(x.square().sum(1, true).add(1e-8).sqrt());
}

// top-1 retrieval accuracy and mean distance (m) between each spot and the spot it retrieved
function retrieval(encWifi, encBle, wifi, ble, xy) {
  const best = tf.tidy(() => tf.matMul(l2normalize(encWifi.predict(wifi)), l2normalize(encBle.predict(ble)), false, true).argMax(1));
  const nearest = Array.from(best.dataSync());
  best.dispose();
  const top1 = nearest.filter((j, i) => j === i).length / nearest.length;
  const error = nearest.reduce((s, j, i) => s + Math.hypot(xy[i][0] - xy[j][0], xy[i][1] - xy[j][1]), 0) / nearest.length;
  return { top1, error };
}

async function main() {
  await tf.setBackend('wasm');

  const train = survey(N_TRAIN);
  const test = survey(N_TEST);

  const encWifi = encoder(NUM_APS);
  const encBle = encoder(NUM_BEACONS);
  const vars = [...encWifi.trainableWeights, ...encBle.trainableWeights].map((w) => w.read());
  const optimizer = tf.train.adam(0.002);

  const labels = tf.oneHot(tf.range(0, BATCH, 1, 'int32'), BATCH);
  const selfPairs = tf.eye(BATCH).cast('bool');
  const masked = tf.fill([BATCH, BATCH], -1e9);
  const numBatches = Math.floor(N_TRAIN / BATCH);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    for (let b = 0; b < numBatches; b++) {
      epochLoss += tf.tidy(() => {
        const idx = tf.tensor1d(Int32Array.from(order.slice(b * BATCH, (b + 1) * BATCH)), 'int32');
        const wifi = train.wifi.gather(idx);
        const ble = train.ble.gather(idx);
        const loss = optimizer.minimize(() => {
          const zw = l2normalize(encWifi.predict(wifi));
          const zb = l2normalize(encBle.predict(ble));
          const sims = tf.matMul(zw, zb, false, true).div(TEMPERATURE);
          // a sample is not its own negative: take the self-similarity out of the softmax
          const logits = tf.where(selfPairs, masked, sims);
          return tf.losses.softmaxCrossEntropy(labels, logits);
        }, true, vars);
        return loss.dataSync()[0];
      }) / numBatches;
    }
    losses.push(epochLoss);
  }

  const fit = retrieval(encWifi, encBle, train.wifi.slice(0, N_TEST), train.ble.slice(0, N_TEST), train.xy.slice(0, N_TEST));
  const held = retrieval(encWifi, encBle, test.wifi, test.ble, test.xy);
  console.log(`loss ${losses[0].toPrecision(4)} -> ${losses[losses.length - 1].toPrecision(4)} | train top-1 ${fit.top1.toFixed(3)} error ${fit.error.toFixed(1)} m | held-out top-1 ${held.top1.toFixed(3)} (chance ${(1 / N_TEST).toFixed(3)}) error ${held.error.toFixed(1)} m`);
}

main();
