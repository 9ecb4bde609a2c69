/**
 * `npm run bench:shuffle-watch`: what the probe's shuffle watch costs. It wraps tf.util.shuffle
 * (the first random numbers of each call are kept, then Math.random is given back) and, when
 * training starts after two arrays were shuffled apart, searches them for the first rows training
 * sees. Printed as ratios measured in this run:
 * - a watched shuffle of 60,000 rows against tfjs's plain one (rounds alternate which goes first);
 * - the worst-case search (no offset matches, so every one is tried) on an MNIST-sized dataset
 *   (60,000 rows of 784 values) against making the input tensor from that array, which a script
 *   training on those rows does at least once.
 */
import * as tf from '@tensorflow/tfjs';
import { median } from '../src/analysis/stats';
import { ShuffleWatch } from '../src/runner/shuffle-watch';

const ROWS = 60_000;
const COLUMNS = 784;
const SHUFFLE_ROUNDS = 21;
const SEARCH_ROUNDS = 5;

const time = (f: () => void): number => {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
};
const fmt = (v: number[]) => `${median(v).toFixed(3)} (${Math.min(...v).toFixed(3)}–${Math.max(...v).toFixed(3)})`;

// Shuffle cost: small rows, so the timing is the shuffle's and not the garbage collector's.
const rows = Array.from({ length: ROWS }, (_, i) => [i, i + 0.5]);
const classes = Array.from({ length: ROWS }, (_, i) => i % 10);
const plainShuffle = tf.util.shuffle as (a: unknown) => void;
const util = { shuffle: plainShuffle };
new ShuffleWatch().hook(util, () => false, () => null);
const tenShuffles = (shuffle: (a: unknown) => void) => () => {
  for (let k = 0; k < 10; k++) {
    shuffle(rows);
    shuffle(classes);
  }
};
const shuffleRatios: number[] = [];
for (let round = 0; round < SHUFFLE_ROUNDS; round++) {
  let plain: number;
  let watched: number;
  if (round % 2 === 0) {
    plain = time(tenShuffles(plainShuffle));
    watched = time(tenShuffles(util.shuffle));
  } else {
    watched = time(tenShuffles(util.shuffle));
    plain = time(tenShuffles(plainShuffle));
  }
  shuffleRatios.push(watched / plain);
}

// Search cost: two arrays shuffled apart after the rows training reads were taken.
const x: number[][] = [];
const labels: number[] = [];
for (let i = 0; i < ROWS; i++) {
  x.push(Array.from({ length: COLUMNS }, () => Math.random()));
  labels.push(i % 10);
}
const xHead = { rows: 6, columns: COLUMNS, values: x.slice(0, 6).flat() };
const yHead = { rows: 6, columns: 10, values: labels.slice(0, 6).flatMap((c) => Array.from({ length: 10 }, (_, j) => (j === c ? 1 : 0))) };
const watch = new ShuffleWatch();
const watchedUtil = { shuffle: plainShuffle };
watch.hook(watchedUtil, () => false, () => null);
watchedUtil.shuffle(x);
watchedUtil.shuffle(labels);
const searches: number[] = [];
for (let round = 0; round < SEARCH_ROUNDS; round++) {
  let found: unknown;
  searches.push(time(() => (found = watch.find(xHead, yHead))));
  if (found !== null) throw new Error('the search was meant to find nothing');
}
let tensor: tf.Tensor | null = null;
const build = time(() => (tensor = tf.tensor2d(x)));
(tensor as tf.Tensor | null)?.dispose();

console.log(`shuffle watch (${ROWS} rows):`);
console.log(`  watched / plain tf.util.shuffle, median of ${SHUFFLE_ROUNDS} rounds of 10 (range): ${fmt(shuffleRatios)}`);
console.log(`  worst-case search of ${COLUMNS}-value rows / tf.tensor2d of them, median of ${SEARCH_ROUNDS} searches (range): ${fmt(searches.map((s) => s / build))}`);
