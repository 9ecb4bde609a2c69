'use strict';
// Seeded randomness for benchmark and example programs. Replacing Math.random makes
// tfjs's unseeded initializers and fit's shuffling reproducible from run to run.

function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The seed a program actually uses. `npm run bench:seeds` re-runs every program on other data and
 * other initial weights by setting FAULTLINE_BENCH_SEED, which is mixed into the program's own
 * seed; unset, each program keeps its own seed.
 */
function programSeed(seed) {
  const sweep = process.env.FAULTLINE_BENCH_SEED;
  if (sweep === undefined || sweep === '') return seed;
  if (!/^\d+$/.test(sweep)) throw new Error(`FAULTLINE_BENCH_SEED must be a non-negative integer, got "${sweep}"`);
  return mulberry32(Math.imul(seed >>> 0, 0x9e3779b1) ^ Number(sweep))() * 4294967296;
}

/** Seeds Math.random and returns helpers drawing from the same stream. */
function seedEverything(seed) {
  const next = mulberry32(programSeed(seed));
  Math.random = next;
  const rng = {
    random: next,
    uniform(low = 0, high = 1) {
      return low + (high - low) * next();
    },
    int(low, highExclusive) {
      return low + Math.floor(next() * (highExclusive - low));
    },
    normal(mean = 0, std = 1) {
      // Box-Muller; 1 - u keeps log away from 0.
      const u = 1 - next();
      const v = next();
      return mean + std * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    /** n values from fn(i) as a flat array. */
    array(n, fn) {
      const out = new Array(n);
      for (let i = 0; i < n; i++) out[i] = fn(i);
      return out;
    },
  };
  return rng;
}

module.exports = { seedEverything, mulberry32 };
