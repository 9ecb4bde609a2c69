/** The probe's shuffle watch, on tfjs's own tf.util.shuffle: which pairs of arrays count as shuffled apart. */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import type { SourceSite } from '../../src/analysis/trace';
import { ShuffleWatch, type Head } from '../../src/runner/shuffle-watch';
import { rng as seeded } from './trace-builder';

const realRandom = Math.random;

/** tfjs's shuffle on an object of its own, so the watch's hook stays out of the module other tests use. */
function watched(ignore = () => false): { util: { shuffle: (a: unknown) => void }; w: ShuffleWatch; line: { value: number } } {
  const util = { shuffle: tf.util.shuffle as (a: unknown) => void };
  const w = new ShuffleWatch();
  const line = { value: 0 };
  w.hook(util, ignore, (): SourceSite => ({ file: '/script.js', line: line.value, column: 11 }));
  return { util, w, line };
}

/** Rows of 3 features and their class, row i of class i % 4 (so features and labels belong together). */
function data(n: number): { x: number[][]; labels: number[] } {
  const x: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    x.push([i, Math.sin(i), (i * 7) % 11]);
    labels.push(i % 4);
  }
  return { x, labels };
}

function head(values: number[][]): Head {
  return { rows: values.length, columns: values[0]!.length, values: values.flat() };
}

function oneHot(labels: number[], depth: number): Head {
  return head(labels.map((c) => Array.from({ length: depth }, (_, j) => (j === c ? 1 : 0))));
}

describe('shuffle watch', () => {
  beforeEach(() => {
    Math.random = seeded(5);
  });
  afterEach(() => {
    Math.random = realRandom;
  });

  it('finds inputs and targets shuffled by two calls, read by fit from the same offset, with each call\'s line', () => {
    const { util, w, line } = watched();
    const { x, labels } = data(40);
    line.value = 7;
    util.shuffle(x);
    assert.equal(w.hasCandidates(), false, 'one array alone');
    line.value = 8;
    util.shuffle(labels);
    assert.equal(w.hasCandidates(), true);
    // fit's data: the rows after the first 10 (a test split taken first), inputs divided by 255, labels one-hot.
    const xHead = head(x.slice(10, 16).map((r) => r.map((v) => v / 255)));
    const yHead = oneHot(labels.slice(10, 16), 4);
    assert.deepEqual(w.find(xHead, yHead), { inputs: { file: '/script.js', line: 7, column: 11 }, targets: { file: '/script.js', line: 8, column: 11 }, inputsFirst: true, rows: 40 });
    // Labels shuffled first, inputs standardized per column.
    const { util: u2, w: w2, line: l2 } = watched();
    const d = data(40);
    l2.value = 3;
    u2.shuffle(d.labels);
    l2.value = 4;
    u2.shuffle(d.x);
    const standardized = head(d.x.slice(0, 6).map((r) => [(r[0]! - 20) / 11, (r[1]! + 0.1) / 0.7, r[2]! / 3]));
    assert.deepEqual(w2.find(standardized, head(d.labels.slice(0, 6).map((c) => [c]))), { inputs: { file: '/script.js', line: 4, column: 11 }, targets: { file: '/script.js', line: 3, column: 11 }, inputsFirst: false, rows: 40 });
  });

  it('finds data held column by column whose columns and labels were each shuffled on their own', () => {
    const { util, w, line } = watched();
    const { x, labels } = data(40);
    const columns = { a: x.map((r) => r[0]!), b: x.map((r) => r[1]!), label: labels.slice() };
    line.value = 12;
    for (const name of Object.keys(columns) as Array<keyof typeof columns>) util.shuffle(columns[name]);
    // fit's inputs: the columns zipped into rows, the first standardized.
    const rows = columns.a.slice(0, 6).map((v, r) => [(v - 20) / 11, columns.b[r]!]);
    const found = w.find(head(rows), head(columns.label.slice(0, 6).map((c) => [c])));
    assert.deepEqual([found?.inputs?.line, found?.targets?.line], [12, 12]);
    // The same columns reordered by one list of indices: no two orders to find.
    const { util: u2, w: w2 } = watched();
    const d = data(40);
    const order = Array.from({ length: 40 }, (_, i) => i);
    u2.shuffle(order);
    const together = { a: order.map((i) => d.x[i]![0]!), b: order.map((i) => d.x[i]![1]!), label: order.map((i) => d.labels[i]!) };
    assert.equal(w2.find(head(together.a.slice(0, 6).map((v, r) => [v, together.b[r]!])), head(together.label.slice(0, 6).map((c) => [c]))), null);
  });

  it('leaves the shuffle exactly as tfjs makes it: the same order from the same random numbers', () => {
    const { util } = watched();
    const random = Math.random;
    const a = data(50).x;
    util.shuffle(a);
    assert.equal(Math.random, random, 'Math.random is given back after the call');
    Math.random = seeded(5);
    const b = data(50).x;
    tf.util.shuffle(b);
    assert.deepEqual(a, b);
  });

  it('is silent on arrays shuffled in one order (the same random numbers), on one array shuffled twice, and on index lists', () => {
    const { util, w } = watched();
    const { x, labels } = data(40);
    Math.random = seeded(9);
    util.shuffle(x);
    Math.random = seeded(9);
    util.shuffle(labels);
    assert.equal(w.find(head(x.slice(0, 6)), head(labels.slice(0, 6).map((c) => [c]))), null, 'the same draws: still paired');
    assert.equal(w.hasCandidates(), false, 'nothing to look for, so training reads no rows');

    const { util: u2, w: w2 } = watched();
    const d = data(40);
    u2.shuffle(d.x);
    u2.shuffle(d.x);
    assert.equal(w2.find(head(d.x.slice(0, 6)), head(d.labels.slice(0, 6).map((c) => [c]))), null, 'labels never shuffled');
    assert.equal(w2.hasCandidates(), false);

    const { util: u3, w: w3 } = watched();
    const indices = Array.from({ length: 40 }, (_, i) => i);
    const more = Array.from({ length: 40 }, (_, i) => i);
    u3.shuffle(indices);
    u3.shuffle(more);
    assert.equal(w3.find(head(indices.slice(0, 6).map((i) => [i])), head(more.slice(0, 6).map((i) => [i]))), null, 'index permutations draw batches');
  });

  it('is silent when fit\'s rows were read before the shuffles, from arrays of objects, or from calls tfjs itself makes', () => {
    const { util, w } = watched();
    const { x, labels } = data(40);
    const before = { x: head(x.slice(0, 6)), y: head(labels.slice(0, 6).map((c) => [c])) };
    util.shuffle(x);
    util.shuffle(labels);
    assert.equal(w.find(before.x, before.y), null, 'tensors made before the shuffles keep their pairs');

    const { util: u2, w: w2 } = watched();
    const rows = data(40).x.map((r, i) => ({ x: r, y: i % 4 }));
    u2.shuffle(rows);
    u2.shuffle(data(40).labels);
    assert.equal(w2.find(head(rows.slice(0, 6).map((r) => r.x)), head(rows.slice(0, 6).map((r) => [r.y]))), null);

    const { util: u3, w: w3 } = watched(() => true);
    const d = data(40);
    u3.shuffle(d.x);
    u3.shuffle(d.labels);
    assert.equal(w3.find(head(d.x.slice(0, 6)), head(d.labels.slice(0, 6).map((c) => [c]))), null);
  });

  it('finds windows cut from a series after it was shuffled, and not from one shuffled after the windows were cut', () => {
    const { util, w, line } = watched();
    const series = Array.from({ length: 100 }, (_, i) => Math.sin(i / 5) + i / 100);
    const windows = (s: number[]) => [0, 1, 2].map((o) => s.slice(o, o + 12));
    line.value = 43;
    util.shuffle(series);
    const found = w.findShuffledSeries(head(windows(series)));
    assert.deepEqual(found && { line: found.site?.line, window: found.window, stride: found.stride }, { line: 43, window: 12, stride: 1 });

    const { util: u2, w: w2 } = watched();
    const ordered = Array.from({ length: 100 }, (_, i) => Math.sin(i / 5) + i / 100);
    const cut = head(windows(ordered));
    u2.shuffle(ordered);
    assert.equal(w2.findShuffledSeries(cut), null);
  });

  it('finds targets read from an array sorted in place, and not when the inputs were sorted the same way', () => {
    const w = new ShuffleWatch();
    const { x } = data(40);
    const prices = x.map((r) => r[1]! * 10 + 3);
    prices.sort((a, b) => a - b);
    w.noteSort(prices, { file: '/script.js', line: 38, column: 30 });
    assert.equal(w.hasCandidates(), true);
    assert.equal(w.findSortedTargets(head(x.slice(0, 6)), head(prices.slice(0, 6).map((p) => [p])))?.site?.line, 38);
    // Targets that were never sorted: their first rows are not the sorted array's.
    const fresh = x.map((r) => r[1]! * 10 + 3);
    assert.equal(w.findSortedTargets(head(x.slice(0, 6)), head(fresh.slice(0, 6).map((p) => [p]))), null);
    // Inputs sorted too (a column sorted alongside): no mismatch is proven.
    const column = x.map((r) => r[0]!).sort((a, b) => b - a);
    w.noteSort(column, { file: '/script.js', line: 39, column: 3 });
    assert.equal(w.findSortedTargets(head(column.slice(0, 6).map((v) => [v])), head(prices.slice(0, 6).map((p) => [p]))), null);
  });

  it('finds targets read from an array reversed in place, and says it was reversed', () => {
    const w = new ShuffleWatch();
    const { x } = data(40);
    const kwh = x.map((r) => r[1]! * 10 + 3);
    kwh.reverse();
    w.noteSort(kwh, { file: '/script.js', line: 41, column: 34 }, 'reverse');
    assert.deepEqual(w.findSortedTargets(head(x.slice(0, 6)), head(kwh.slice(0, 6).map((p) => [p]))), { site: { file: '/script.js', line: 41, column: 34 }, method: 'reverse' });
  });
});
