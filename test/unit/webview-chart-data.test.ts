import assert from 'node:assert/strict';
import { test } from 'node:test';
import { alignOnX, formatTicks, formatValue, layerGradChart, layerOutputChart, layerUnitsChart, logBounds, logSafe, lossChart, markersFor, symptomOnset, wantsLogScale } from '../../webview/chart-data';
import type { FindingView, SeriesData } from '../../webview/messages';
import { seriesKey } from '../../webview/series-sync';

function series(x: number[], mean: Array<number | null>, nonFinite?: number[], stride = 1): SeriesData {
  return { x, mean, min: mean, max: mean, nonFinite: nonFinite ?? x.map(() => 0), stride };
}

function finding(over: Partial<FindingView>): FindingView {
  return {
    id: 'x',
    symptom: 'dead-relu',
    rootCause: 'hidden-activation',
    severity: 'error',
    confirmed: true,
    message: 'm',
    modelId: 1,
    layer: { name: 'dense_2', index: 1 },
    iteration: 40,
    onset: null,
    fixTitle: null,
    ...over,
  };
}

test('alignOnX merges x values; fillers are undefined, real gaps stay null', () => {
  const { x, ys } = alignOnX([
    { x: [0, 2, 4], ys: [[1, null, 3]] },
    { x: [1, 2], ys: [[10, 20]] },
  ]);
  assert.deepEqual(x, [0, 1, 2, 4]);
  assert.deepEqual(ys[0], [1, undefined, null, 3]);
  assert.deepEqual(ys[1], [undefined, 10, 20, undefined]);
});

test('log scale: zero, negative, null and non-finite values become null', () => {
  assert.deepEqual(logSafe([1, 0, -2, null, undefined, Number.NaN, Infinity, 1e-9]), [1, null, null, null, null, null, null, 1e-9]);
  assert.deepEqual(logBounds([[0.5, 20, null]]), { floor: 0.01, ceil: 1000 });
  assert.deepEqual(logBounds([[0, null], []]), { floor: 1e-8, ceil: 1 }, 'no positive values: a default decade range');
  const b = logBounds([[3e-7, 3e-7]]);
  assert.ok(b.ceil > b.floor && b.floor < 3e-7 && b.ceil > 3e-7);
});

test('gradient chart: zeros and non-finite norms become markers outside the positive range', () => {
  const store = new Map<string, SeriesData>([
    [seriesKey.layer(1, 'gradNorm'), series([0, 5, 10, 15], [0.3, 0, null, 0.02], [0, 0, 1, 0])],
    [seriesKey.gradNorm, series([0, 1, 2, 3, 4, 5, 10, 15], [1, 1, 1, 1, 1, 1, 1, 1])],
  ]);
  const c = layerGradChart(store, 1);
  assert.equal(c.log, true);
  const [floor, ceil] = c.yRange!;
  const at = (x: number) => c.x.indexOf(x);
  const [layer, zeros, bad, global] = c.lines;
  assert.equal(layer!.values[at(0)], 0.3);
  assert.equal(layer!.values[at(5)], null, 'zero is not drawn on the log line');
  assert.equal(zeros!.values[at(5)], floor, 'zero norm marked at the bottom');
  assert.equal(bad!.values[at(10)], ceil, 'non-finite norm marked at the top');
  assert.equal(layer!.values[at(1)], undefined, 'x only the model series has is a filler');
  assert.equal(global!.label, 'model ‖g‖');
  for (const l of c.lines) for (const v of l.values) if (typeof v === 'number') assert.ok(v > 0 && v >= floor && v <= ceil, `${l.label}: ${v} within log range`);
  assert.equal(c.points, 3, 'two positive norms and one zero');
  assert.equal(layerGradChart(new Map(), 1).points, 0);
});

test('loss chart: non-finite losses are markers, metrics go to the right axis', () => {
  const store = new Map<string, SeriesData>([
    [seriesKey.loss, series([0, 1, 2, 3], [2, 1.5, null, null], [0, 0, 1, 1])],
    [seriesKey.metric('acc'), series([0, 1, 2, 3], [0.1, 0.2, 0.2, 0.2])],
  ]);
  const c = lossChart(store, ['acc', 'missing']);
  assert.deepEqual(
    c.lines.map((l) => [l.label, l.scale, l.kind]),
    [
      ['loss', 'y', 'line'],
      ['loss NaN/∞', 'y', 'marker'],
      ['acc', 'y2', 'line'],
    ],
  );
  assert.deepEqual(c.lines[1]!.values, [null, null, 2, 2]);
  assert.equal(c.points, 2);
  assert.equal(c.log, false);
});

test('loss goes to a log axis only when positive and spanning decades', () => {
  assert.equal(wantsLogScale([1e6, 10, 0.5, null]), true);
  assert.equal(wantsLogScale([2, 1, 0.5]), false);
  assert.equal(wantsLogScale([1e6, 0, 0.5]), false);
  assert.equal(wantsLogScale([]), false);
});

test('layer output: mean with a ±std band; units chart is fixed to 0..1', () => {
  const store = new Map<string, SeriesData>([
    [seriesKey.layer(2, 'outMean'), series([0, 5], [1, null], [0, 1])],
    [seriesKey.layer(2, 'outStd'), series([0, 5], [0.5, null])],
    [seriesKey.layer(2, 'deadFrac'), series([0, 5], [0.1, 0.9])],
  ]);
  const o = layerOutputChart(store, 2);
  assert.deepEqual(o.lines[1]!.values, [1.5, null]);
  assert.deepEqual(o.lines[2]!.values, [0.5, null]);
  assert.deepEqual(o.bands, [[1, 2]]);
  assert.equal(o.lines[3]!.kind, 'marker');
  const u = layerUnitsChart(store, 2);
  assert.deepEqual(u.yRange, [0, 1]);
  assert.deepEqual(
    u.lines.map((l) => l.label),
    ['dead units'],
  );
});

test('onset: start of the run of dead points that ends at the detection', () => {
  const store = new Map<string, SeriesData>([[seriesKey.layer(1, 'deadFrac'), series([0, 10, 20, 30, 40, 50], [0.6, 0.1, 0.2, 0.8, 0.95, 1])]]);
  assert.equal(symptomOnset(finding({ iteration: 40 }), store), 21, 'just after the last healthy point');
  assert.equal(symptomOnset(finding({ iteration: 40, onset: 25 }), store), 25, "the engine's onset wins");
  assert.equal(symptomOnset(finding({ iteration: 15 }), store), null, 'not dead at detection: unknown');
  assert.equal(symptomOnset(finding({ symptom: 'loss-oscillating' }), store), null);
});

test('onset: first non-finite value for NaN findings', () => {
  const store = new Map<string, SeriesData>([[seriesKey.loss, series([0, 4, 8, 12], [1, 1, null, null], [0, 0, 2, 4], 4)]]);
  assert.equal(symptomOnset(finding({ symptom: 'non-finite-loss', layer: null, iteration: 12 }), store), 5);
  const m = markersFor([finding({ symptom: 'non-finite-loss', layer: null, iteration: 12 }), finding({ modelId: 2 }), finding({ iteration: null })], store, 1, null);
  assert.deepEqual(m, [{ at: 12, from: 5, severity: 'error', label: 'non-finite-loss' }]);
  assert.deepEqual(markersFor([finding({})], store, 1, 7), [], 'other layer');
});

test('formatValue keeps axis labels short', () => {
  assert.equal(formatValue(0), '0');
  assert.equal(formatValue(2.5), '2.5');
  assert.equal(formatValue(0.123456), '0.123');
  assert.equal(formatValue(1e-6), '1e-6');
  assert.equal(formatValue(123456789), '1.2e8');
  assert.equal(formatValue(null), '–');
});

test('formatTicks: decimals follow the tick spacing', () => {
  assert.deepEqual(formatTicks([1.095, 1.1, 1.105], 0.005), ['1.095', '1.100', '1.105']);
  assert.deepEqual(formatTicks([0, 0.25, 0.5], 0.25), ['0.00', '0.25', '0.50']);
  assert.deepEqual(formatTicks([0, 100, 200], 100), ['0', '100', '200']);
  assert.deepEqual(formatTicks([-1e-7, 0.5], 0.5), ['0.0', '0.5'], 'no "-0.0"');
  assert.deepEqual(formatTicks([100000, 150000, 200000], 50000), ['1.0e5', '1.5e5', '2.0e5']);
  assert.deepEqual(formatTicks([0.0001, 0.0002], 0.0001), ['1e-4', '2e-4']);
});
