/** The trend-panel series: bounded, downsampled by pair merging, plain JSON. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Downsampled, TraceSeries } from '../../src/analysis/series';
import { classifierModel, healthyDetails } from './fixtures';
import { TraceBuilder } from './trace-builder';

describe('Downsampled', () => {
  it('keeps mean, min and max of merged values at the last iteration of each point', () => {
    const s = new Downsampled(4);
    for (let i = 0; i < 8; i++) s.push(i, i);
    const j = s.toJSON();
    assert.equal(j.stride, 2);
    assert.deepEqual(j.x, [1, 3, 5, 7]);
    assert.deepEqual(j.mean, [0.5, 2.5, 4.5, 6.5]);
    assert.deepEqual(j.min, [0, 2, 4, 6]);
    assert.deepEqual(j.max, [1, 3, 5, 7]);
  });

  it('counts non-finite values separately and never exceeds its capacity', () => {
    const s = new Downsampled(16);
    for (let i = 0; i < 100_000; i++) s.push(i, i % 1000 === 0 ? null : Math.sin(i));
    const j = s.toJSON();
    assert.ok(j.x.length <= 16 && j.x.length >= 8);
    assert.equal(j.nonFinite.reduce((a, b) => a + b, 0), 100);
    assert.equal(j.x[j.x.length - 1], 99_999);
    const allNull = new Downsampled(4);
    allNull.push(0, null);
    assert.deepEqual(allNull.toJSON().mean, [null]);
  });
});

describe('TraceSeries', () => {
  it('records loss, metrics, gradient norm and per-layer statistics with iteration numbers', () => {
    const b = new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3);
    for (let i = 0; i < 30; i++) b.step(1 - i / 100, { acc: 0.3 + i / 100, layers: i % 10 === 0 ? healthyDetails(i) : undefined });
    b.epoch(0, { loss: 0.8, acc: 0.5 });
    const s = new TraceSeries();
    for (const e of b.events) s.ingest(e);
    const snap = JSON.parse(JSON.stringify(s.snapshot()));
    assert.equal(snap.currentModelId, 1);
    const m = snap.models[0];
    assert.equal(m.iterations, 30);
    assert.equal(m.loss.x.length, 30);
    assert.equal(m.loss.mean[0], 1);
    assert.ok(m.metrics.acc);
    assert.deepEqual(m.epochs.loss.mean, [0.8]);
    assert.equal(m.layers.length, 3);
    assert.deepEqual(m.layers[0].deadFrac.x, [0, 10, 20]);
    assert.deepEqual(m.layers[0].deadFrac.mean, [0.35, 0.35, 0.35]);
    assert.ok(m.layers[0].gradNorm.mean[0] > 0);
  });

  it('marks NaN or infinity where a statistic had some, and leaves a gap where it was not measured', () => {
    const b = new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3);
    // Step 0 is clean. At step 1 the first layer's gradient and output hold a few NaN entries
    // (their summaries cover the finite rest), and the model's gradient norm is not measured.
    // Layer 2 is an activation layer: no weights, no gradient, and no dead-unit statistic.
    b.step(0.9, { layers: [{ out: { dead: 0.3 }, grads: [{ norm: 0.2 }] }, { out: {}, grads: [{ norm: 0.1 }] }, { out: {} }] });
    b.step(0.8, { gradNorm: null, layers: [{ out: { nan: 4, dead: 0.3 }, grads: [{ norm: 0.2, nanCount: 3 }] }, { out: {}, grads: [{ norm: 0.1 }] }, { out: {} }] });
    const s = new TraceSeries();
    for (const e of b.events) s.ingest(e);
    const m = JSON.parse(JSON.stringify(s.snapshot())).models[0];
    assert.deepEqual(m.layers[0].gradNorm.nonFinite, [0, 1]);
    assert.deepEqual(m.layers[0].outMean.nonFinite, [0, 1]);
    assert.deepEqual(m.layers[1].gradNorm.nonFinite, [0, 0]);
    // Nothing measured is not a NaN: no gradient points for the activation layer, no dead-unit
    // points where the statistic does not apply, and no model gradient point at step 1.
    assert.deepEqual(m.layers[2].gradNorm.x, []);
    assert.deepEqual(m.layers[2].deadFrac.x, []);
    assert.deepEqual(m.gradNorm.x, [0]);
    assert.deepEqual(m.gradNorm.nonFinite, [0]);
  });

  it('stays bounded over a million iterations', () => {
    const s = new TraceSeries({ capacity: 2000 });
    const b = new TraceBuilder().model(classifierModel());
    s.ingest(b.modelEvent!);
    const detail = healthyDetails(0);
    const layers = detail.map((d, index) => ({
      index,
      out: d.out ? { count: 320, mean: 0.1, std: 0.2, min: 0, max: 1, nanCount: 0, infCount: 0, zeroFrac: 0, nonPosFrac: 0, saturatedFrac: null, deadUnitFrac: 0.3, constantUnitFrac: 0 } : null,
      weights: [],
      grads: [{ name: 'k', norm: 0.1, meanAbs: 1e-3, nanCount: 0, infCount: 0 }],
    }));
    for (let i = 0; i < 1_000_000; i++) {
      s.ingest({ type: 'iter', modelId: 1, iter: i, epoch: null, batch: null, loss: 1 / (1 + i), lossNonFinite: false, metrics: { acc: 0.5 }, learningRate: 0.001, gradNorm: 0.1, gradNonFinite: false, elapsedMs: i, ...(i % 10 === 0 ? { layers } : {}) });
    }
    const snap = s.snapshot();
    const m = snap.models[0]!;
    assert.ok(m.loss.x.length <= 2000 && m.loss.x.length > 1000, String(m.loss.x.length));
    assert.ok(m.metrics['acc']!.x.length <= 2000);
    for (const l of m.layers) assert.ok(l.deadFrac.x.length <= 2000);
    assert.equal(m.loss.x[m.loss.x.length - 1], 999_999);
    assert.ok(JSON.stringify(snap).length < 2_000_000);
  });

  it('keeps only the most recent models', () => {
    const s = new TraceSeries({ maxModels: 2 });
    for (let id = 1; id <= 4; id++) s.ingest({ ...new TraceBuilder(id).model(classifierModel()).modelEvent!, modelId: id });
    assert.deepEqual(s.modelIds(), [3, 4]);
    assert.equal(s.snapshot(3).models.length, 1);
  });
});
