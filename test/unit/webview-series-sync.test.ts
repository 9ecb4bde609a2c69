import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Downsampled } from '../../src/analysis/series';
import type { SeriesData } from '../../webview/messages';
import { applyPatch, compactSeries, diffSeries, fullPatch, layerOfKey, seriesKey, type SentMark } from '../../webview/series-sync';

test('patches keep a receiver equal to a series that grows, changes its open point and halves', () => {
  const src = new Downsampled(16);
  const sent = new Map<string, SentMark>();
  const store = new Map<string, SeriesData>();
  let patches = 0;
  let fullResends = 0;
  let pointsSent = 0;
  for (let i = 0; i < 500; i++) {
    src.push(i, i % 37 === 0 ? null : Math.sin(i / 10));
    if (i % 3 !== 0) continue; // the host flushes every few events
    const p = diffSeries('loss', src.toJSON(), sent);
    if (!p) continue;
    patches++;
    pointsSent += p.x.length;
    if (p.from === 0) fullResends++;
    assert.ok(applyPatch(store, JSON.parse(JSON.stringify(p))), `patch ${patches} applies`);
    assert.deepEqual(store.get('loss'), src.toJSON(), `after step ${i}`);
  }
  // Halving (stride doubling) forces a full resend; otherwise only the tail travels.
  assert.ok(fullResends >= 5 && fullResends < 12, `full resends ${fullResends}`);
  assert.ok(pointsSent < 500, `points sent ${pointsSent}`);
});

test('no patch when nothing changed; a changed open point is resent alone', () => {
  const sent = new Map<string, SentMark>();
  const s: SeriesData = { x: [0, 1], mean: [1, 2], min: [1, 2], max: [1, 2], nonFinite: [0, 0], stride: 2 };
  assert.equal(diffSeries('k', s, sent)?.from, 0);
  assert.equal(diffSeries('k', s, sent), null);
  const changed = { ...s, x: [0, 2], mean: [1, 2.5], min: [1, 2], max: [1, 3] };
  const p = diffSeries('k', changed, sent)!;
  assert.equal(p.from, 1);
  assert.deepEqual(p.x, [2]);
});

test('a receiver that missed a patch refuses the next one', () => {
  const store = new Map<string, SeriesData>();
  const base = { key: 'k', stride: 1 };
  assert.ok(applyPatch(store, { ...base, from: 0, x: [0, 1], mean: [1, 1], min: [1, 1], max: [1, 1], nonFinite: [0, 0] }));
  assert.equal(applyPatch(store, { ...base, from: 5, x: [5], mean: [1], min: [1], max: [1], nonFinite: [0] }), false);
  assert.equal(applyPatch(store, { ...base, stride: 2, from: 1, x: [3], mean: [1], min: [1], max: [1], nonFinite: [0] }), false);
  assert.equal(applyPatch(store, { ...base, from: 1, x: [3], mean: [1, 2], min: [1], max: [1], nonFinite: [0] }), false, 'ragged arrays');
  assert.equal(applyPatch(new Map(), { ...base, from: 1, x: [3], mean: [1], min: [1], max: [1], nonFinite: [0] }), false, 'unknown series');
});

test('fullPatch and markSent-style snapshots round-trip', () => {
  const s: SeriesData = { x: [1, 2, 3], mean: [null, 2, 3], min: [null, 2, 3], max: [null, 2, 3], nonFinite: [1, 0, 0], stride: 1 };
  const store = new Map<string, SeriesData>();
  assert.ok(applyPatch(store, fullPatch('a', s)));
  assert.deepEqual(store.get('a'), s);
});

test('compactSeries bounds the saved copy and keeps extremes and non-finite counts', () => {
  const n = 1001;
  const s: SeriesData = {
    x: Array.from({ length: n }, (_, i) => i),
    mean: Array.from({ length: n }, (_, i) => (i === 500 ? null : i)),
    min: Array.from({ length: n }, (_, i) => (i === 500 ? null : i - 1)),
    max: Array.from({ length: n }, (_, i) => (i === 500 ? null : i + 1)),
    nonFinite: Array.from({ length: n }, (_, i) => (i === 500 ? 3 : 0)),
    stride: 2,
  };
  const c = compactSeries(s, 100);
  assert.ok(c.x.length <= 100);
  assert.equal(c.x[c.x.length - 1], 1000, 'a point sits at its last raw x');
  assert.equal(c.stride, 2 * Math.ceil(n / 100));
  assert.equal(c.min[0], -1);
  assert.equal(c.max[c.max.length - 1], 1001);
  assert.equal(c.nonFinite.reduce((a, b) => a + b, 0), 3);
  assert.equal(compactSeries(s, 5000), s, 'small series are kept as they are');
});

test('series keys', () => {
  assert.equal(seriesKey.layer(12, 'gradNorm'), 'layer:12:gradNorm');
  assert.equal(layerOfKey('layer:12:gradNorm'), 12);
  assert.equal(layerOfKey(seriesKey.metric('layer:1')), null);
  assert.equal(layerOfKey('loss'), null);
});
