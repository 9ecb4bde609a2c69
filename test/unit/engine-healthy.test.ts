/** Healthy runs must produce no finding at all, and never a confirmed fault on the way. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CLASSIFIER_SRC, classifierModel, healthyDetails, sources } from './fixtures';
import { act, decaying, dense, flat, rng, run, TraceBuilder } from './trace-builder';

describe('healthy runs stay silent', () => {
  it('a converging 3-class classifier', () => {
    const b = new TraceBuilder().model(classifierModel()).xRange(-2, 2).yOneHot(3);
    const losses = decaying(320, 1.1, 0.15, 0.02, 0.1);
    losses.forEach((l, i) => b.step(l, { acc: Math.min(0.95, 0.33 + i * 0.004), layers: i % 10 === 0 ? healthyDetails(i) : undefined }));
    b.end();
    const r = run(b.events, sources(CLASSIFIER_SRC));
    assert.deepEqual(r.findings, []);
    assert.deepEqual(r.stream, []);
    assert.equal(r.firstConfirmedIter, null);
    assert.equal(r.report.verdict, 'healthy');
  });

  it('an actor-critic\'s actor: a policy-gradient loss below 0 that rises toward 0 as the advantages shrink is no stall', () => {
    // The actor's losses (-log p(a) x advantage - 0.01 x entropy) recorded from
    // benchmark/healthy/actor-critic under FAULTLINE_BENCH_SEED=2: -0.04 on average at first,
    // -0.008 once the policy is sure, and noisy throughout. The agent learns the optimal policy.
    const losses = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'recorded', 'actor-critic-actor-loss.json'), 'utf8')) as number[];
    const b = new TraceBuilder().model({ layers: [dense(32, 'relu', 79), dense(2, 'softmax', 80)], loss: [], mode: 'custom', fitLine: 147, optimizer: { className: 'Adam', learningRate: 0.003, line: 87 } }).xRange(0, 1);
    losses.forEach((l) => b.step(l));
    b.end();
    assert.deepEqual(run(b.events).findings, []);
  });

  it('a regression that converges', () => {
    const b = new TraceBuilder()
      .model({ layers: [dense(32, 'relu', 7), dense(1, 'linear', 8)], loss: 'meanSquaredError', compileLine: 11, fitLine: 12, epochs: 20, batchSize: 50 })
      .xRange(-1, 1)
      .yContinuous(-3, 5, 1000, 2);
    decaying(400, 5, 0.3, 0.015, 0.15).forEach((l) => b.step(l));
    b.end();
    const r = run(b.events);
    assert.deepEqual(r.findings, []);
    assert.equal(r.report.verdict, 'healthy');
  });

  it('a run that converges quickly and then plateaus at a low loss', () => {
    const b = new TraceBuilder()
      .model({ layers: [dense(8, 'relu', 7), dense(1, 'sigmoid', 8)], loss: 'binaryCrossentropy', compileLine: 11, fitLine: 12, epochs: 20, batchSize: 40 })
      .xRange(-1, 1)
      .yBinary(0.5);
    const losses = [...decaying(30, 0.7, 0.02, 0.15), ...flat(500, 0.02, 0.3)];
    losses.forEach((l, i) => b.step(l, { acc: i < 30 ? 0.5 + i * 0.016 : 0.99 }));
    b.end();
    const r = run(b.events);
    assert.deepEqual(r.findings, []);
    assert.equal(r.report.verdict, 'healthy');
  });

  it('a noisy but decreasing loss (10 classes, small batches)', () => {
    const b = new TraceBuilder().model({ ...classifierModel({}, 'softmax', 10), epochs: 4, batchSize: 4 }).xRange(0, 1).yOneHot(10);
    const r0 = rng(11);
    decaying(1000, 2.3, 0.9, 0.003, 0.45).forEach((l, i) => b.step(l, { acc: Math.min(1, Math.max(0, 0.1 + 0.0005 * i + (r0() - 0.5) * 0.5)) }));
    b.end();
    const r = run(b.events);
    assert.deepEqual(r.findings, []);
    assert.equal(r.firstConfirmedIter, null);
  });

  it('a short run: no findings and an inconclusive verdict', () => {
    const b = new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3);
    [1.1, 1.05, 1.0, 0.97, 0.95].forEach((l) => b.step(l, { acc: 0.4 }));
    b.end();
    const r = run(b.events);
    assert.deepEqual(r.findings, []);
    assert.equal(r.report.verdict, 'inconclusive');
  });

  it('a run that ends while the loss is still falling steeply is inconclusive, not healthy', () => {
    const b = new TraceBuilder().model({ ...classifierModel(), epochs: 1 }).xRange(-1, 1).yOneHot(3);
    Array.from({ length: 36 }, (_, i) => 2.5 - i * 0.03).forEach((l) => b.step(l, { acc: 0.34 }));
    b.end();
    const r = run(b.events);
    assert.deepEqual(r.findings, []);
    assert.equal(r.report.verdict, 'inconclusive');
  });

  it('a slow full-batch plateau that breaks later (XOR-like) is never confirmed as faulty', () => {
    const b = new TraceBuilder()
      .model({ layers: [dense(4, 'linear', 7), act('sigmoid', 8), dense(1, 'linear', 9), act('sigmoid', 10)], loss: 'meanSquaredError', compileLine: 11, fitLine: 12, epochs: 2000, batchSize: 4 })
      .data('x', { shape: [4, 2], dtype: 'float32', count: 8, min: 0, max: 1, mean: 0.5, std: 0.5, nanCount: 0, infCount: 0, distinct: [0, 1], oneHotRows: false })
      .yBinary(0.5, 4);
    for (let i = 0; i < 2000; i++) {
      const loss = i < 900 ? 0.2625 - 0.0000195 * i : Math.max(0.01, 0.245 * Math.exp(-(i - 900) / 300));
      b.step(loss, { acc: i < 1000 ? 0.5 : 1, epoch: i });
    }
    b.end();
    const r = run(b.events);
    assert.equal(r.firstConfirmedIter, null);
    assert.deepEqual(r.findings, []);
    assert.equal(r.report.verdict, 'healthy');
  });

  it('unscaled inputs in a model that learns: the warning is withdrawn by training', () => {
    const b = new TraceBuilder().model(classifierModel()).xRange(0, 1300).yOneHot(3);
    const before = run([...b.events], undefined, { finish: false });
    assert.ok(before.findings.some((f) => f.id === 'unscaled-input:x' && !f.confirmed && f.severity === 'warning'));
    assert.equal(before.report.verdict, 'inconclusive');
    decaying(320, 1.1, 0.2, 0.02, 0.1).forEach((l, i) => b.step(l, { acc: Math.min(0.93, 0.33 + i * 0.004), layers: i % 10 === 0 ? healthyDetails(i) : undefined }));
    b.end();
    const r = run(b.events);
    assert.ok(r.stream.some((f) => f.id === 'unscaled-input:x' && !f.confirmed), 'warned before training');
    assert.equal(r.firstConfirmedIter, null);
    assert.deepEqual(r.findings, []);
    assert.equal(r.report.verdict, 'healthy');
  });

  it('weights that stop moving after convergence are not a fault', () => {
    const b = new TraceBuilder()
      .model({ layers: [dense(8, 'relu', 7), dense(1, 'sigmoid', 8)], loss: 'binaryCrossentropy', compileLine: 11, fitLine: 12, epochs: 10, batchSize: 32 })
      .xRange(-1, 1)
      .yBinary(0.5);
    const losses = [...decaying(60, 0.7, 1e-6, 0.3), ...flat(260, 1e-7)];
    losses.forEach((l, i) => {
      const frozen = i >= 60;
      const w = frozen ? 3 : 1 + i * 0.03;
      b.step(l, {
        acc: i < 20 ? 0.6 : 1,
        gradNorm: frozen ? 0 : 0.3,
        layers: i % 10 === 0 ? [{ out: { dead: 0.4 }, weights: [{ norm: w }], grads: [{ norm: frozen ? 0 : 0.1 }] }, { out: { saturated: 0.9 }, weights: [{ norm: w }], grads: [{ norm: frozen ? 0 : 0.1 }] }] : undefined,
      });
    });
    b.end();
    const r = run(b.events);
    assert.deepEqual(r.findings, []);
  });

  it('single-class targets: a constant prediction is correct', () => {
    const b = new TraceBuilder()
      .model({ layers: [dense(2, 'relu', 7), dense(1, 'sigmoid', 8)], loss: 'binaryCrossentropy', compileLine: 11, fitLine: 12, epochs: 10, batchSize: 16 })
      .xRange(-1, 1, 200, 2)
      .data('y', { shape: [200, 1], dtype: 'float32', count: 200, min: 1, max: 1, mean: 1, std: 0, nanCount: 0, infCount: 0, distinct: [1], oneHotRows: false });
    decaying(130, 0.66, 0.01, 0.03).forEach((l, i) =>
      b.step(l, { acc: 1, layers: i % 10 === 0 ? [{ out: { dead: 1 }, weights: [{ norm: 1 + i / 100 }] }, { out: { constant: 1, std: 0, mean: 0.9 }, weights: [{ norm: 1 + i / 50 }] }] : undefined }),
    );
    b.end();
    const r = run(b.events);
    assert.equal(r.findings.filter((f) => f.confirmed).length, 0);
  });

  it('healthy ReLU layers with 30-50% dead units raise nothing', () => {
    const b = new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3);
    decaying(320, 1.1, 0.3, 0.02, 0.05).forEach((l, i) =>
      b.step(l, { acc: Math.min(0.9, 0.33 + i * 0.003), layers: i % 10 === 0 ? [{ out: { dead: 0.3 + (i % 20) / 100 }, weights: [{ norm: 1 + i / 1000 }] }, {}, { out: { saturated: 0.2 } }] : undefined }),
    );
    b.end();
    assert.deepEqual(run(b.events).findings, []);
  });
});
