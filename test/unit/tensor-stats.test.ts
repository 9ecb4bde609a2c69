/** The probe's one-pass statistics, checked against the same quantities computed with tfjs ops. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { batchAgreement, type ClassBatch, gradStats, neighbourTargets, outputStats, scaleGroups, tensorSummary, weightStats, zerosApart } from '../../src/runner/tensor-stats';

function close(actual: number | null, expected: number, what: string, tolerance = 1e-4): void {
  assert.ok(actual !== null, `${what} is null`);
  assert.ok(Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)), `${what}: ${actual} vs ${expected}`);
}

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('identical input rows', () => {
  it('are seen when every row of an input repeats the first, in 2-D and in images, and not in targets', () => {
    const row = [0.2, 0.7, 0.1];
    const same = Float32Array.from({ length: 12 }, (_, i) => row[i % 3]!);
    assert.equal(tensorSummary(same, [4, 3], 'float32', false).identicalRows, true);
    assert.equal(tensorSummary(Float32Array.from({ length: 2 * 2 * 2 * 1 }, () => 0.5), [2, 2, 2, 1], 'float32', false).identicalRows, true);
    const differ = same.slice();
    differ[10] = 0.3;
    assert.equal(tensorSummary(differ, [4, 3], 'float32', false).identicalRows, false);
    assert.equal(tensorSummary(same, [4, 3], 'float32', true).identicalRows, undefined, 'targets are not checked');
    assert.equal(tensorSummary(Float32Array.from(row), [1, 3], 'float32', false).identicalRows, undefined, 'one row is no evidence');
  });

  it('finds columns copied from another in every row, and leaves alone flags that agree by nature', () => {
    const rows = 40;
    const table = new Float32Array(rows * 4);
    for (let r = 0; r < rows; r++) table.set([r * 1.5, r * 1.5, r % 2, r % 2], r * 4);
    assert.deepEqual(tensorSummary(table, [rows, 4], 'float32', false).copiedColumns, [[0, 1]]);
    for (let r = 0; r < rows; r++) table[r * 4 + 1] = r * 2;
    assert.equal(tensorSummary(table, [rows, 4], 'float32', false).copiedColumns, undefined);
  });

  it('counts the rows at the end of a table that are all 0 (a flat array filled only at its start)', () => {
    const packed = new Float32Array(10 * 3);
    for (let i = 0; i < 10; i++) packed.set([i + 1, i + 2, i + 3], i);
    assert.equal(tensorSummary(packed, [10, 3], 'float32', false).emptyTailRows, 6);
    const full = Float32Array.from({ length: 30 }, (_, i) => i + 1);
    assert.equal(tensorSummary(full, [10, 3], 'float32', false).emptyTailRows, undefined);
  });
});

describe('tensor statistics', () => {
  it('agree with tfjs on a random layer output, per unit included', async () => {
    await tf.setBackend('cpu');
    const rand = seeded(3);
    const rows = 16;
    const units = 8;
    const data = Float32Array.from({ length: rows * units }, (_, i) => {
      const unit = i % units;
      if (unit === 0) return 0; // dead (relu never fires)
      if (unit === 1) return 2.5; // constant across the batch
      if (unit === 2) return -rand(); // dead, negative
      return rand() * 4 - 1;
    });
    const x = tf.tensor2d(data, [rows, units]);
    const s = outputStats(data, units, 'other');
    close(s.mean, tf.mean(x).dataSync()[0], 'mean');
    close(s.std, Math.sqrt(tf.moments(x).variance.dataSync()[0]), 'std');
    close(s.min, tf.min(x).dataSync()[0], 'min');
    close(s.max, tf.max(x).dataSync()[0], 'max');
    close(s.zeroFrac, tf.mean(tf.cast(tf.equal(x, 0), 'float32')).dataSync()[0], 'zeroFrac');
    close(s.nonPosFrac, tf.mean(tf.cast(tf.lessEqual(x, 0), 'float32')).dataSync()[0], 'nonPosFrac');
    const deadRef = tf.mean(tf.cast(tf.lessEqual(tf.max(x, 0), 0), 'float32')).dataSync()[0];
    close(s.deadUnitFrac, deadRef, 'deadUnitFrac');
    assert.equal(s.deadUnitFrac, 2 / 8, 'units 0 and 2 never fire');
    assert.equal(s.constantUnitFrac, 2 / 8, 'units 0 and 1 are constant over the batch');
    assert.equal(s.saturatedFrac, null, 'saturation is only defined for bounded activations');
    assert.equal(s.count, rows * units);
  });

  it('counts NaN and infinities apart and keeps moments of the finite values', () => {
    const s = outputStats([1, Number.NaN, 3, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0], 2, 'other');
    assert.equal(s.nanCount, 1);
    assert.equal(s.infCount, 2);
    assert.equal(s.mean, (1 + 3 + 0) / 3);
    assert.equal(s.std, null, 'spread is not reported once values are non-finite');
    assert.equal(s.min, null);
    assert.equal(s.nonPosFrac, 2 / 6, 'zero and -Infinity are not positive');
  });

  it('measures saturation of sigmoid and tanh outputs', () => {
    assert.equal(outputStats([0.999, 0.001, 0.5, 0.6], 4, 'sigmoid').saturatedFrac, 0.5);
    assert.equal(outputStats([1, -1, 0.5, 0.99999], 2, 'tanh').saturatedFrac, 0.75);
  });

  it('agree with tfjs on weights and gradients', () => {
    const rand = seeded(9);
    const data = Float32Array.from({ length: 300 }, () => rand() * 2 - 0.7);
    const x = tf.tensor1d(data);
    const w = weightStats(data, 'kernel');
    close(w.mean, tf.mean(x).dataSync()[0], 'weight mean');
    close(w.norm, tf.norm(x).dataSync()[0], 'weight norm');
    close(w.absMax, tf.max(tf.abs(x)).dataSync()[0], 'weight absMax');
    close(w.std, Math.sqrt(tf.moments(x).variance.dataSync()[0]), 'weight std');
    const g = gradStats(data, 'kernel');
    close(g.norm, tf.norm(x).dataSync()[0], 'grad norm');
    close(g.meanAbs, tf.mean(tf.abs(x)).dataSync()[0], 'grad meanAbs');
    const bad = gradStats([1, Number.NaN, Number.POSITIVE_INFINITY], 'bias');
    assert.deepEqual([bad.nanCount, bad.infCount, bad.norm], [1, 1, 1]);
  });

  it('describes one-hot and index targets for the label checks', () => {
    const oneHot = tensorSummary([1, 0, 0, 0, 1, 0, 0, 1, 0], [3, 3], 'float32', true);
    assert.equal(oneHot.oneHotRows, true);
    assert.deepEqual(oneHot.distinct, [0, 1]);
    assert.deepEqual(oneHot.columnMeans, [1 / 3, 2 / 3, 0]);
    assert.equal(oneHot.zeroRows, 0);
    // tf.oneHot(labels, 3) of labels 1, 3, 2: the 3 became a row of all 0s.
    const fromOne = tensorSummary([0, 1, 0, 0, 0, 0, 0, 0, 1], [3, 3], 'float32', true);
    assert.deepEqual([fromOne.oneHotRows, fromOne.zeroRows], [false, 1]);
    assert.equal(fromOne.classRuns, 3);
    // Rows by class: one-hot rows sorted by class form one run per class; index labels alternate.
    const sorted = tensorSummary([1, 0, 1, 0, 0, 1, 0, 1], [4, 2], 'float32', true);
    assert.deepEqual([sorted.classRuns, sorted.classRunList], [2, [{ cls: 0, rows: 2 }, { cls: 1, rows: 2 }]]);
    assert.equal(tensorSummary([0, 1, 0, 1, 2, 2], [6], 'int32', true).classRuns, 5);
    const multiHot = tensorSummary([1, 1, 0, 0, 0, 0], [2, 3], 'float32', true);
    assert.deepEqual([multiHot.oneHotRows, multiHot.zeroRows], [false, null]);
    const indices = tensorSummary([0, 2, 2, 1], [4], 'int32', true);
    assert.deepEqual(indices.distinct, [0, 1, 2]);
    assert.deepEqual(indices.distinctCounts, [1, 1, 2]);
    assert.equal(indices.oneHotRows, null);
    const inputs = tensorSummary([0, 255, 128, Number.NaN], [2, 2], 'float32', false);
    assert.deepEqual([inputs.min, inputs.max, inputs.nanCount, inputs.distinct], [0, 255, 1, null]);
  });

  it('says where the first NaN or Infinity of the data is and how many rows hold one', () => {
    const x = tensorSummary([1, 2, 3, 4, 5, Number.POSITIVE_INFINITY, 7, Number.NaN, Number.NaN, 10, 11, 12], [4, 3], 'float32', false);
    assert.deepEqual([x.nanCount, x.infCount, x.firstNonFinite, x.nonFiniteRows], [2, 1, [1, 2], 2]);
    const images = tensorSummary([0, 0, 0, 0, 0, 0, 0, Number.NaN], [2, 2, 2, 1], 'float32', false);
    assert.deepEqual(images.firstNonFinite, [1, 1, 1, 0]);
    const clean = tensorSummary([1, 2], [2], 'float32', true);
    assert.deepEqual([clean.firstNonFinite, clean.nonFiniteRows], [null, null]);
  });
});

describe('targets against their inputs (nearest neighbours)', () => {
  // Points in [-1, 1]^2 with the XOR label: same sign of both coordinates.
  const n = 800;
  const rand = seeded(11);
  const xs = Float32Array.from({ length: 2 * n }, () => rand() * 2 - 1);
  const label = (r: number) => (xs[2 * r]! * xs[2 * r + 1]! > 0 ? 1 : 0);
  const withoutRandom = <T>(fn: () => T): T => {
    const saved = Math.random;
    Math.random = () => {
      throw new Error('the training script\'s random stream must not be drawn from');
    };
    try {
      return fn();
    } finally {
      Math.random = saved;
    }
  };

  it('labels of the row agree with the neighbour far above chance; labels of the next row agree at chance', () => {
    const own = Float32Array.from({ length: n }, (_, r) => label(r));
    const next = Float32Array.from({ length: n }, (_, r) => label((r + 1) % n));
    const good = withoutRandom(() => neighbourTargets(xs, [n, 2], own, [n, 1]));
    const bad = withoutRandom(() => neighbourTargets(xs, [n, 2], next, [n, 1]));
    assert.ok(good?.kind === 'classes' && bad?.kind === 'classes');
    assert.equal(good.pairs, 256);
    assert.ok(Math.abs(good.chance - 0.5) < 0.05);
    assert.ok(good.agreeing / good.pairs > 0.9, `agreeing ${good.agreeing}`);
    assert.ok(Math.abs(bad.agreeing / bad.pairs - bad.chance) < 0.1, `agreeing ${bad.agreeing} of ${bad.pairs}, chance ${bad.chance}`);
  });

  it('reads one-hot rows as classes, and compares regression targets by rank correlation', () => {
    const oneHot = new Float32Array(n * 2);
    for (let r = 0; r < n; r++) oneHot[r * 2 + label(r)] = 1;
    const c = neighbourTargets(xs, [n, 2], oneHot, [n, 2]);
    assert.ok(c?.kind === 'classes' && c.agreeing / c.pairs > 0.9 && c.correlation === null);
    const y = Float32Array.from({ length: n }, (_, r) => 3 * xs[2 * r]! + 0.1 * rand());
    const shuffled = Float32Array.from({ length: n }, (_, r) => y[(r * 389) % n]!);
    const related = neighbourTargets(xs, [n, 2], y, [n, 1]);
    const unrelated = neighbourTargets(xs, [n, 2], shuffled, [n, 1]);
    assert.ok(related?.kind === 'values' && related.correlation! > 0.9, JSON.stringify(related));
    assert.ok(unrelated?.kind === 'values' && Math.abs(unrelated.correlation!) < 0.2, JSON.stringify(unrelated));
  });

  it('names the input column the targets copy, and none when they are computed from the inputs', () => {
    const copy = Float32Array.from({ length: n }, (_, r) => xs[2 * r + 1]!);
    assert.equal(neighbourTargets(xs, [n, 2], copy, [n, 1])?.copiedColumn, 1);
    const computed = Float32Array.from({ length: n }, (_, r) => 3 * xs[2 * r]! + 0.1 * rand());
    assert.equal(neighbourTargets(xs, [n, 2], computed, [n, 1])?.copiedColumn, undefined);
    assert.equal(neighbourTargets(xs, [n, 2], Float32Array.from({ length: n }, (_, r) => label(r)), [n, 1])?.copiedColumn, undefined);
    // Every column the label (rows of all ones or all zeros): a toy set built that way, not a copy.
    const same = Float32Array.from({ length: 2 * n }, (_, i) => label(Math.floor(i / 2)));
    assert.equal(neighbourTargets(same, [n, 2], Float32Array.from({ length: n }, (_, r) => label(r)), [n, 1])?.copiedColumn, undefined);
  });

  it('says nothing about too few rows or targets of several values per row that are not classes', () => {
    assert.equal(neighbourTargets(xs.subarray(0, 40), [20, 2], Float32Array.from({ length: 20 }, (_, r) => r % 2), [20, 1]), null);
    assert.equal(neighbourTargets(xs, [n, 2], Float32Array.from({ length: 2 * n }, () => rand() * 5), [n, 2]), null);
  });
});

describe('augmented copies after each sample', () => {
  it('finds rows followed by a near copy, and whether the pair shares a class', () => {
    const rand = seeded(5);
    const samples = 300;
    const base = Array.from({ length: samples }, () => [rand() * 4 - 2, rand() * 4 - 2, rand() * 4 - 2]);
    const classes = Array.from({ length: samples }, () => Math.floor(rand() * 4));
    // Inputs a, a', b, b', ...: each sample, then a copy moved by a little noise.
    const xs = Float32Array.from(base.flatMap((row) => [...row, ...row.map((v) => v + (rand() - 0.5) * 0.05)]));
    const inStep = Float32Array.from(classes.flatMap((c) => [c, c]));
    const appended = Float32Array.from([...classes, ...classes]);
    const good = neighbourTargets(xs, [2 * samples, 3], inStep, [2 * samples, 1]);
    const bad = neighbourTargets(xs, [2 * samples, 3], appended, [2 * samples, 1]);
    assert.ok(good?.kind === 'classes' && good.adjacentCopies && good.adjacentCopies.copies >= 0.9 * good.adjacentCopies.pairs);
    assert.equal(good.adjacentCopies.agreeing, good.adjacentCopies.copies);
    assert.ok(bad?.kind === 'classes' && bad.adjacentCopies && bad.adjacentCopies.agreeing < 0.5 * bad.adjacentCopies.copies);
    // Samples without copies: few pairs happen to lie that close.
    const plain = neighbourTargets(Float32Array.from(base.flat()), [samples, 3], Float32Array.from(classes), [samples, 1]);
    assert.ok(plain?.kind === 'classes' && plain.adjacentCopies && plain.adjacentCopies.copies < 0.2 * plain.adjacentCopies.pairs);
  });
});

describe('rows given twice', () => {
  it('compares the targets of rows with identical inputs', () => {
    const rand = seeded(9);
    const rows = 200;
    const base = Array.from({ length: rows }, () => [rand(), rand(), rand()]);
    const xs = Float32Array.from([...base.flat(), ...base.flat()]);
    const clean = base.map((r) => r[0]! + r[1]!);
    const same = neighbourTargets(xs, [2 * rows, 3], Float32Array.from([...clean, ...clean]), [2 * rows, 1]);
    const noisy = neighbourTargets(xs, [2 * rows, 3], Float32Array.from([...clean, ...clean.map((v) => v + (rand() - 0.5) * 4)]), [2 * rows, 1]);
    assert.ok(same?.sameInputs && same.sameInputs.pairs >= 16 && same.sameInputs.meanSquaredGap === 0);
    assert.ok(noisy?.sameInputs && noisy.sameInputs.meanSquaredGap > 0.5);
  });
});

describe('inputs standardized per row', () => {
  it('are seen when every row has mean 0 and variance 1 across its columns, and not in column-standardized data', () => {
    const rows = [
      [1, 2, 3, 4],
      [10, 0, 5, 7],
      [-3, 3, 1, 0],
    ];
    const perRow = rows.flatMap((r) => {
      const m = r.reduce((a, b) => a + b, 0) / r.length;
      const sd = Math.sqrt(r.reduce((a, b) => a + (b - m) ** 2, 0) / r.length);
      return r.map((v) => (v - m) / sd);
    });
    assert.equal(tensorSummary(Float32Array.from(perRow), [3, 4], 'float32', false).rowsStandardized, true);
    assert.equal(tensorSummary(Float32Array.from(rows.flat()), [3, 4], 'float32', false).rowsStandardized, undefined);
    assert.equal(tensorSummary(Float32Array.from(perRow), [3, 4], 'float32', true).rowsStandardized, undefined, 'targets are not checked');
  });
});

describe('zero padding in sequences', () => {
  // Three rows of 4 steps of 2 features: two padded at the end (2 and 1 steps), one at the start (1 step).
  const step = (v: number) => [v, v + 0.5];
  const rows = [
    [step(1), step(2), [0, 0], [0, 0]],
    [step(1), step(2), step(3), [0, 0]],
    [[0, 0], step(1), step(2), step(3)],
  ];

  it('counts trailing and leading all-zero steps, and the rows padded at the end', () => {
    const p = tensorSummary(Float32Array.from(rows.flat(2)), [3, 4, 2], 'float32', false).zeroPadding;
    assert.deepEqual(p, { tailSteps: 3 / 12, headSteps: 1 / 12, tailRows: 2 / 3 });
  });

  it('says nothing for sequences without padding, for 2-D inputs, or for a zero inside a row', () => {
    const inner = [[step(1), [0, 0], step(2), step(3)]];
    assert.equal(tensorSummary(Float32Array.from(inner.flat(2)), [1, 4, 2], 'float32', false).zeroPadding, undefined);
    assert.equal(tensorSummary(Float32Array.from([0, 0, 1, 1]), [2, 2], 'float32', false).zeroPadding, undefined);
  });

  it('finds padding with another fill value (a -999 "missing" marker) and says which', () => {
    const filled = [
      [step(1), step(2), [-999, -999], [-999, -999]],
      [step(1), step(2), step(3), [-999, -999]],
      [step(1), [-999, -999], [-999, -999], [-999, -999]],
    ];
    const p = tensorSummary(Float32Array.from(filled.flat(2)), [3, 4, 2], 'float32', false).zeroPadding;
    assert.deepEqual(p, { tailSteps: 6 / 12, headSteps: 0, tailRows: 1, value: -999 });
  });
});

describe('class ids across batches', () => {
  // Four classes, each a cluster around its own centre in 3 columns; rows drawn in a fixed order.
  const batches = (relabel: (batch: number, cls: number) => number, perBatch = 32, count = 8): ClassBatch[] =>
    Array.from({ length: count }, (_, b) => {
      const classes: number[] = [];
      const x: number[] = [];
      for (let r = 0; r < perBatch; r++) {
        const cls = (r * 7 + b * 3) % 4;
        classes.push(relabel(b, cls));
        x.push(cls * 4 + Math.sin(r * 1.3 + b) * 0.3, -cls * 2 + Math.cos(r * 0.7 + b) * 0.3, Math.sin(r + b * 5) * 0.3);
      }
      return { x, width: 3, classes };
    });

  it('ids encoded once agree across batches as well as within one', () => {
    const a = batchAgreement(batches((_, c) => c))!;
    assert.equal(a.rows, 256);
    assert.ok(a.within > 0.9 && a.across > 0.9, JSON.stringify(a));
  });

  it('ids given per batch (each batch numbering the classes its own way) agree within a batch, and across only by chance', () => {
    const a = batchAgreement(batches((b, c) => (c + b) % 4))!;
    assert.ok(a.within > 0.9, JSON.stringify(a));
    assert.ok(a.across < a.chance + 0.15, JSON.stringify(a));
    assert.ok(a.withinChance < 0.4, JSON.stringify(a));
  });

  it('batches of one class each: within-batch agreement is trivial, and says so', () => {
    const single = batches((_, c) => c).map((b, i) => ({ ...b, classes: b.classes.map(() => i % 4) }));
    assert.equal(batchAgreement(single)!.withinChance, 1);
  });
});

describe('scaleGroups: values in two groups far apart on a log scale', () => {
  // Distances of 2..45 km, a third of them recorded in metres.
  const km = Array.from({ length: 300 }, (_, i) => 2 + (43 * ((i * 37) % 300)) / 300);
  it('a third in metres: two groups a thousandfold apart, alike in spread', () => {
    const g = scaleGroups([...km.slice(0, 200), ...km.slice(200).map((v) => v * 1000)])!;
    assert.deepEqual([g.lower.count, g.upper.count], [200, 100]);
    assert.ok(Math.abs(Math.log10(g.upper.median / g.lower.median) - 3) < 0.15, `ratio ${g.upper.median / g.lower.median}`);
    assert.ok(Math.abs(g.upper.logSpread - g.lower.logSpread) < 0.3);
    assert.equal(g.lower.min, 2);
  });

  it('one unit, a long tail, values at or below 0, or a group too small: none', () => {
    assert.equal(scaleGroups(km), null);
    assert.equal(scaleGroups(Array.from({ length: 300 }, (_, i) => 10 ** (i / 100))), null);
    assert.equal(scaleGroups(km.map((v, i) => (i % 10 === 0 ? -v : v))), null);
    assert.equal(scaleGroups([...km.slice(0, 290), ...km.slice(290).map((v) => v * 1000)]), null);
  });
});

describe('zerosApart: exact 0s far from every other value', () => {
  const prices = Array.from({ length: 200 }, (_, i) => 80.5 + ((i * 53) % 320));
  it('a fifth of the prices 0, the rest from 80 to 400: found', () => {
    const z = zerosApart(prices.map((v, i) => (i % 5 === 0 ? 0 : v)))!;
    assert.deepEqual([z.zeros, z.count, z.nearest > 0, z.farthest <= 400], [40, 200, true, true]);
  });
  it('counts that run down to 1 beside their 0s, values of both signs, or few 0s: none', () => {
    assert.equal(zerosApart(Array.from({ length: 200 }, (_, i) => i % 7)), null);
    assert.equal(zerosApart(prices.map((v, i) => (i % 5 === 0 ? 0 : i % 2 ? v : -v))), null);
    assert.equal(zerosApart(prices.map((v, i) => (i % 50 === 0 ? 0 : v))), null);
  });
});

describe('class-major targets', () => {
  const labels = [2, 0, 1, 1, 0, 2, 2, 1];
  const classMajor = Float32Array.from({ length: 3 * labels.length }, (_, i) => (labels[i % labels.length] === Math.floor(i / labels.length) ? 1 : 0));
  it('are seen when indicator rows laid out class by class are read as a row per sample', () => {
    const s = tensorSummary(classMajor, [labels.length, 3], 'float32', true);
    assert.equal(s.oneHotRows, false);
    assert.equal(s.classMajor, true);
  });
  it('are not claimed for one-hot rows or for multi-label rows', () => {
    const rowMajor = Float32Array.from({ length: 3 * labels.length }, (_, i) => (labels[Math.floor(i / 3)] === i % 3 ? 1 : 0));
    assert.equal(tensorSummary(rowMajor, [labels.length, 3], 'float32', true).classMajor, undefined);
    const multi = Float32Array.from({ length: 3 * labels.length }, (_, i) => (i % 2 === 0 ? 1 : 0));
    assert.equal(tensorSummary(multi, [labels.length, 3], 'float32', true).classMajor, undefined);
  });
});

describe('targets split into shares', () => {
  it('are seen when every row adds up to 1 and many rows split it between several tags', () => {
    const rows = [[0.5, 0, 0.5], [1, 0, 0], [1 / 3, 1 / 3, 1 / 3], [0, 1, 0]];
    assert.equal(tensorSummary(Float32Array.from(rows.flat()), [4, 3], 'float32', true).rowShares, true);
  });
  it('are not claimed for multi-label 0/1 rows, or for rows that do not add up to 1', () => {
    assert.equal(tensorSummary(Float32Array.from([1, 0, 1, 1, 1, 0, 0, 1, 1, 0, 1, 0]), [4, 3], 'float32', true).rowShares, undefined);
    assert.equal(tensorSummary(Float32Array.from([0.5, 0.2, 0, 0.4, 0.4, 0, 0.3, 0.3, 0.1, 0, 0, 0.9]), [4, 3], 'float32', true).rowShares, undefined);
  });
});
