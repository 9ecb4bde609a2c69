/** The seed sweep: programs keep the data they were judged on unless a sweep seed is asked for. */
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSeeds } from '../../benchmark/seeds';
import { mapPooled } from '../../benchmark/run';
const { seedEverything } = require('../../benchmark/lib/prng') as { seedEverything: (seed: number) => { random: () => number } };

const firstDraws = (seed: number) => {
  const rng = seedEverything(seed);
  return [rng.random(), rng.random(), rng.random()];
};

afterEach(() => {
  delete process.env.FAULTLINE_BENCH_SEED;
});

test('without a sweep seed a program draws exactly the stream its verdicts were recorded on', () => {
  // The first draw of seed 1969 (xor-plateau's seed) before sweep seeds existed.
  assert.equal(firstDraws(1969)[0], 0.6916922256350517);
  process.env.FAULTLINE_BENCH_SEED = '';
  assert.equal(firstDraws(1969)[0], 0.6916922256350517);
});

test('each sweep seed gives every program other data, the same on every run', () => {
  const own = firstDraws(1969);
  process.env.FAULTLINE_BENCH_SEED = '1';
  const one = firstDraws(1969);
  assert.deepEqual(firstDraws(1969), one, 'reproducible');
  assert.notDeepEqual(firstDraws(1970), one, 'programs with other seeds stay apart');
  process.env.FAULTLINE_BENCH_SEED = '2';
  const two = firstDraws(1969);
  assert.notDeepEqual(one, own);
  assert.notDeepEqual(two, own);
  assert.notDeepEqual(two, one);
});

test('a malformed sweep seed stops the program with a clear message', () => {
  process.env.FAULTLINE_BENCH_SEED = 'seven';
  assert.throws(() => seedEverything(1), /FAULTLINE_BENCH_SEED must be a non-negative integer, got "seven"/);
});

test('--seeds lists the sweep after the programs\' own seeds and rejects anything but integers', () => {
  assert.deepEqual(
    parseSeeds('1, 2').map((s) => [s.label, s.env]),
    [
      ['own', {}],
      ['seed 1', { FAULTLINE_BENCH_SEED: '1' }],
      ['seed 2', { FAULTLINE_BENCH_SEED: '2' }],
    ],
  );
  assert.throws(() => parseSeeds('1,x'), /--seeds takes non-negative integers, got: x/);
});

test('the benchmark runs programs at most --jobs at a time and reports them in their own order', async () => {
  let running = 0;
  let most = 0;
  const finished: number[] = [];
  const results = await mapPooled([30, 5, 20, 1, 10], 2, async (ms) => {
    running++;
    most = Math.max(most, running);
    await new Promise((resolve) => setTimeout(resolve, ms));
    running--;
    finished.push(ms);
    return ms * 2;
  });
  assert.deepEqual(results, [60, 10, 40, 2, 20], 'results keep the programs\' order');
  assert.equal(most, 2, 'two at a time, never more');
  assert.notDeepEqual(finished, [30, 5, 20, 1, 10], 'they really overlapped');
  assert.deepEqual(await mapPooled([], 2, async (x: number) => x), []);
});
