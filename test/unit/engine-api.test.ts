/** Engine contract: robustness, change reporting, verdicts, layer health, bounded cost. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosisEngine } from '../../src/analysis/engine';
import type { RunSummary } from '../../src/analysis/findings';
import { RunState } from '../../src/analysis/run-state';
import type { TraceEvent } from '../../src/analysis/trace';
import { applyFix, CLASSIFIER_SRC, classifierModel, healthyDetails, sources, withLine } from './fixtures';
import { decaying, run, site, TraceBuilder } from './trace-builder';

const SUMMARY: RunSummary = { script: null, exitCode: 0, signal: null, stoppedEarly: false, iterations: 0, epochs: 0, durationMs: 0, tfjsVersion: null, backend: null, error: null };

describe('robustness', () => {
  it('never throws on odd but valid data', () => {
    const e = new DiagnosisEngine();
    const events: TraceEvent[] = [
      { type: 'hello', v: 1, pid: 1, nodeVersion: 'v20', argv: [], cwd: '/', time: 0 },
      { type: 'iter', modelId: 9, iter: 0, epoch: null, batch: null, loss: null, lossNonFinite: false, metrics: { acc: null }, learningRate: null, gradNorm: null, gradNonFinite: false, elapsedMs: 0 },
      { type: 'iter', modelId: 9, iter: 1, epoch: null, batch: null, loss: 0.5, lossNonFinite: false, metrics: {}, learningRate: null, gradNorm: null, gradNonFinite: false, elapsedMs: 1, layers: [{ index: 42, out: null, weights: [], grads: [] }] },
      { type: 'model', modelId: 3, name: 'm', className: 'LayersModel', mode: 'custom', layers: [], site: null, compileSite: null, fitSite: null, loss: [], metrics: [], optimizer: null, fitConfig: {}, backend: null },
      { type: 'data', modelId: 3, role: 'y', slot: 2, summary: { shape: null, dtype: 'int32', count: 0, min: null, max: null, mean: null, std: null, nanCount: 0, infCount: 0, distinct: null, oneHotRows: null }, site: null },
      { type: 'epoch', modelId: 3, epoch: 0, logs: { loss: null }, elapsedMs: 2 },
      { type: 'epoch', modelId: 77, epoch: 0, logs: {}, elapsedMs: 2 },
      { type: 'trainEnd', modelId: 12345, iterations: 0, elapsedMs: 3 },
      { type: 'warning', message: 'x' },
      { type: 'crash', name: 'Error', message: 'boom', stack: null, site: null },
    ];
    for (const ev of events) assert.doesNotThrow(() => e.ingest(ev));
    assert.doesNotThrow(() => e.finish());
    assert.equal(e.report({ ...SUMMARY, error: { message: 'boom', site: null } }).verdict, 'error');
    assert.deepEqual(e.layerHealth(), []);
  });

  it('handles two models in one run and keeps their findings apart', () => {
    const a = new TraceBuilder(1).model(classifierModel({}, 'relu')).xRange(-1, 1).yOneHot(3);
    const b = new TraceBuilder(2).model(classifierModel()).xRange(0, 4000).yOneHot(3);
    const r = run([...a.events, ...b.events], undefined, { finish: false });
    const ids = r.findings.map((f) => f.id).sort();
    assert.deepEqual(ids, ['activation-loss-mismatch:activation_3', 'unscaled-input:x@2']);
    assert.deepEqual(r.findings.map((f) => f.modelId).sort(), [1, 2]);
  });

  it('a script that builds many models keeps bounded state', () => {
    const e = new DiagnosisEngine();
    for (let id = 1; id <= 200; id++) {
      const b = new TraceBuilder(id).model(classifierModel({}, 'relu')).xRange(0, 5000).yOneHot(3);
      for (const ev of b.events) e.ingest(ev);
    }
    assert.ok(e.findings().length <= 16 * 2, String(e.findings().length));
    assert.ok(e.findings().every((f) => f.modelId > 184));
  });

  it('custom loops without epochs: trends still work', () => {
    const b = new TraceBuilder().model(classifierModel({ mode: 'custom' })).xRange(-1, 1).yOneHot(3);
    decaying(300, 1.1, 0.2, 0.02).forEach((l) => b.step(l, { epoch: null }));
    assert.deepEqual(run(b.events).findings, []);
    const c = new TraceBuilder().model(classifierModel({ mode: 'custom', optimizer: { className: 'Adam', learningRate: 0.001, line: 10 } })).xRange(-1, 1).yOneHot(3);
    Array.from({ length: 80 }, (_, i) => 1 * Math.exp(i / 10)).forEach((l) => c.step(l, { epoch: null }));
    assert.ok(run(c.events).findings.some((f) => f.symptom === 'loss-diverging'));
  });
});

describe('change reporting and ordering', () => {
  it('ingest returns only new or changed findings', () => {
    const e = new DiagnosisEngine();
    const b = new TraceBuilder().model(classifierModel({}, 'relu')).xRange(-1, 1).yOneHot(3);
    const [model, x, y] = b.events;
    assert.equal(e.ingest(model!).length, 1, 'the relu/cross-entropy warning appears with the model');
    assert.equal(e.ingest(x!).length, 0);
    assert.equal(e.ingest(y!).length, 0, 'unchanged after the data');
    b.step(1.1);
    assert.equal(e.ingest(b.events[b.events.length - 1]!).length, 0);
    b.step(null, { layers: [{ out: {} }, { out: {} }, { out: { dead: 1, min: 0, max: 0, std: 0, mean: 0 } }] });
    const changed = e.ingest(b.events[b.events.length - 1]!);
    assert.equal(changed.length, 1);
    assert.equal(changed[0]!.confirmed, true);
    assert.equal(e.hasConfirmedFault(), true);
    assert.equal(e.report(SUMMARY).verdict, 'faulty');
  });

  it('lists confirmed findings first', () => {
    const b = new TraceBuilder().model(classifierModel({ optimizer: { className: 'Adam', learningRate: 0.2, line: 10 } }, 'relu')).xRange(0, 3000).yOneHot(3);
    b.step(1.0).step(1.1);
    b.step(null, { layers: [{ out: {} }, { out: {} }, { out: { dead: 1, min: 0, max: 0, std: 0, mean: 0 } }] });
    const r = run(b.events, undefined, { finish: false });
    const flags = r.findings.map((f) => f.confirmed);
    assert.deepEqual([...flags].sort((p, q) => Number(q) - Number(p)), flags);
    assert.equal(flags[0], true);
  });

  it('is deterministic', () => {
    const b = new TraceBuilder().model(classifierModel({}, 'sigmoid')).xRange(0, 255, 500).yOneHot(3);
    decaying(400, 1.1, 1.05, 0.01, 0.05).forEach((l, i) => b.step(l, { acc: 0.33, layers: i % 10 === 0 ? healthyDetails(i) : undefined }));
    const x = JSON.stringify(run(b.events, sources(CLASSIFIER_SRC)).findings);
    const y = JSON.stringify(run(b.events, sources(CLASSIFIER_SRC)).findings);
    assert.equal(x, y);
    assert.ok(x.length > 2);
  });
});

describe('verdicts', () => {
  it('a configuration warning alone never makes the run faulty', () => {
    const b = new TraceBuilder().model(classifierModel({}, 'relu')).xRange(-1, 1).yOneHot(3);
    const r = run(b.events);
    assert.equal(r.report.verdict, 'inconclusive');
    assert.ok(r.findings.length === 1 && !r.findings[0]!.confirmed);
  });

  it('an error run with nothing confirmed is an error; a confirmed fault wins', () => {
    const b = new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3);
    b.step(1).crash('Out of memory');
    const e = run(b.events).engine;
    assert.equal(e.report({ ...SUMMARY, error: { message: 'Out of memory', site: null } }).verdict, 'error');
    const c = new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3);
    c.step(1).step(null);
    assert.equal(run(c.events).engine.report({ ...SUMMARY, error: { message: 'x', site: null } }).verdict, 'faulty');
  });
});

describe('layer health', () => {
  it('marks the faulty layer, the healthy ones, and those without data', () => {
    const src = withLine(CLASSIFIER_SRC, 9, "  model.add(tf.layers.activation({ activation: 'relu' }));");
    const b = new TraceBuilder().model(classifierModel({}, 'relu')).xRange(-1, 1).yOneHot(3);
    const e = run(b.events, sources(src), { finish: false }).engine;
    assert.deepEqual(e.layerHealth().map((h) => h.status), ['unknown', 'unknown', 'suspect']);
    b.step(1.0, { layers: [{ out: { dead: 0.62 } }, { out: {} }, { out: { mean: 0.3 } }] });
    b.step(null, { layers: [{ out: { dead: 0.62 } }, { out: {} }, { out: { mean: 0, std: 0, dead: 1, min: 0, max: 0 } }] });
    const h = run(b.events, sources(src)).engine.layerHealth();
    assert.equal(h.length, 3);
    assert.equal(h[0]!.status, 'healthy');
    assert.equal(h[0]!.text, '62% dead units');
    assert.equal(h[2]!.status, 'faulty');
    assert.equal(h[2]!.site?.line, 9);
    assert.equal(h[2]!.layer.name, 'activation_3');
  });

  it('speaks of dead units only behind a ReLU', () => {
    // The hidden Dense is relu; the output Dense (layer 2, linear) outputs 0 or less for every sample.
    const b = new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3);
    b.step(1.0, { layers: [{ out: { dead: 0.62 } }, { out: { dead: 1, mean: -0.5, std: 0.1, min: -0.8, max: 0 } }, { out: {} }] });
    const h = run(b.events, undefined, { finish: false }).engine.layerHealth();
    assert.equal(h[0]!.text, '62% dead units');
    assert.doesNotMatch(h[1]!.text, /dead/);
  });

  it('reports where NaN was born', () => {
    const b = new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3);
    b.step(1.0).step(null, { layers: [{ out: {} }, { out: { nan: 3 } }, { out: { nan: 3 } }] });
    const h = run(b.events).engine.layerHealth();
    assert.equal(h[1]!.text, 'NaN from iteration 1');
    assert.equal(h[1]!.status, 'faulty');
  });
});

describe('cost', () => {
  it('ingests 200,000 iterations quickly with bounded state', () => {
    const e = new DiagnosisEngine();
    const b = new TraceBuilder().model(classifierModel({ epochs: 1000, batchSize: 5 })).xRange(-1, 1).yOneHot(3);
    for (const ev of b.events) e.ingest(ev);
    const details = healthyDetails(0);
    const t0 = Date.now();
    for (let i = 0; i < 200_000; i++) {
      const loss = 0.2 + 0.9 * Math.exp(-i / 20000) + 0.01 * Math.sin(i);
      const layers = i % 10 === 0 ? details.map((_d, index) => ({ index, out: { count: 320, mean: 0.1, std: 0.3, min: 0, max: 1, nanCount: 0, infCount: 0, zeroFrac: 0, nonPosFrac: 0.3, saturatedFrac: null, deadUnitFrac: 0.3, constantUnitFrac: 0 }, weights: [{ name: 'k', mean: 0, std: 0.1, norm: 1 + i * 1e-6, absMax: 1, nanCount: 0, infCount: 0 }], grads: [{ name: 'k', norm: 0.1, meanAbs: 1e-3, nanCount: 0, infCount: 0 }] })) : undefined;
      e.ingest({ type: 'iter', modelId: 1, iter: i, epoch: Math.floor(i / 200), batch: i % 200, loss, lossNonFinite: false, metrics: { acc: Math.min(0.9, 0.33 + i / 100000) }, learningRate: 0.001, gradNorm: 0.1, gradNonFinite: false, elapsedMs: i, ...(layers ? { layers } : {}) });
    }
    const ms = Date.now() - t0;
    assert.ok(ms < 20000, `${ms} ms`);
    assert.deepEqual(e.findings(), []);
  });
});

describe('run summary', () => {
  it('counts the epochs of every fit call (each numbers its epochs from 0)', () => {
    const state = new RunState('/p/train.js');
    const b = new TraceBuilder().model(classifierModel());
    for (const [fitCall, epochs] of [[0, 2], [1, 3]] as const) {
      for (let e = 0; e < epochs; e++) {
        b.step(1 - 0.1 * (fitCall + e), { epoch: e });
        b.epoch(e, { loss: 1 - 0.1 * (fitCall + e) });
      }
    }
    for (const e of b.events) state.ingest(e);
    const summary = state.summary({ code: 0, signal: null, reason: 'exited', durationMs: 1 });
    assert.equal(summary.epochs, 5);
    assert.equal(summary.iterations, 5);
  });
});

describe('settings the steps ignore', () => {
  it("a learning rate assigned to tfjs's SGD: a confirmed finding on the assignment, fixed with setLearningRate", () => {
    const src = `${CLASSIFIER_SRC}\n  optimizer.learningRate = 0.001;`;
    const b = new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3);
    for (let i = 0; i < 5; i++) b.step(1 - 0.05 * i);
    b.events.push({ type: 'ignoredSetting', property: 'learningRate', optimizer: 'SGD', value: 0.001, effective: 0.1, site: site(14, 3) });
    for (let i = 5; i < 8; i++) b.step(1 - 0.05 * i);
    const r = run(b.events, sources(src));
    const f = r.findings.find((x) => x.symptom === 'learning-rate-ignored');
    assert.ok(f, JSON.stringify(r.findings.map((x) => x.id)));
    assert.equal(f.confirmed, true);
    assert.equal(f.rootCause, 'learning-rate');
    assert.equal(f.location?.line, 14);
    assert.match(f.message, /training goes on at 0\.1 instead of 0\.001/);
    assert.equal(applyFix(src, f.fix).split('\n')[13], '  optimizer.setLearningRate(0.001);');
    assert.equal(r.report.verdict, 'faulty');
  });
});

describe('tensors a training step never frees', () => {
  const leak = (iter: number): TraceEvent => ({
    type: 'tensorLeak',
    modelId: 0,
    iter,
    steps: 16,
    tensorsPerStep: 3,
    bytesPerStep: 644,
    liveTensors: 72,
    liveBytes: 17948,
    sites: [
      { site: site(18, 21), tensors: 1, bytes: 512, shape: [32, 4], dtype: 'float32' },
      { site: site(20, 55), tensors: 1, bytes: 4, shape: [], dtype: 'float32' },
    ],
    stepSite: site(20, 30),
    elapsedMs: 100,
  });

  it('is a warning on the line that made the tensors, which neither stops the run nor hides the model’s fault', () => {
    const b = new TraceBuilder().model(classifierModel({}, 'relu')).xRange(-1, 1).yOneHot(3);
    const e = new DiagnosisEngine();
    for (const ev of b.events) e.ingest(ev);
    e.ingest(leak(18));
    const found = e.findings().find((f) => f.symptom === 'tensor-leak');
    assert.ok(found);
    assert.equal(found.severity, 'warning');
    assert.equal(found.rootCause, 'tensor-disposal');
    assert.equal(found.location?.line, 18);
    assert.deepEqual(found.related.map((r) => r.site.line), [20]);
    assert.match(found.message, /leaks 3 tensors \(644 B\) at every step.*lines 18 and 20/);
    assert.equal(e.hasConfirmedFault(), false, 'a leak alone must not stop training early');
    // The model's own fault is still judged: a run that never learned confirms the ReLU output.
    for (let i = 0; i < 60; i++) b.step(1.0986);
    for (const ev of b.events.slice(-60)) e.ingest(ev);
    e.finish();
    const findings = e.findings();
    const mismatch = findings.find((f) => f.symptom === 'activation-loss-mismatch');
    assert.ok(mismatch?.confirmed, JSON.stringify(findings.map((f) => [f.id, f.confirmed])));
    assert.equal(mismatch.severity, 'error');
    assert.ok(findings.some((f) => f.symptom === 'tensor-leak'));
    assert.equal(e.report(SUMMARY).verdict, 'faulty');
  });

  it('makes a run that learned well faulty only through the leak, still as a warning', () => {
    const b = new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3);
    decaying(40, 1.1, 0.1, 0.1).forEach((loss, i) => b.step(loss, { acc: Math.min(0.95, 0.4 + i * 0.02) }));
    const r = run([...b.events, leak(30)]);
    assert.deepEqual(r.findings.map((f) => [f.symptom, f.severity]), [['tensor-leak', 'warning']]);
    assert.equal(r.report.verdict, 'faulty');
  });
});

describe('an optimizer made at every step', () => {
  it('is a confirmed finding on the line that makes it, and the tensors those optimizers keep are its evidence, not a second finding', () => {
    const b = new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3);
    for (let i = 0; i < 4; i++) b.step(1 - 0.01 * i);
    b.events.push({ type: 'optimizerRecreated', modelId: 0, iter: 3, steps: 4, className: 'AdamOptimizer', site: site(20, 34), elapsedMs: 5 });
    b.events.push({
      type: 'tensorLeak', modelId: 0, iter: 18, steps: 16, tensorsPerStep: 10, bytesPerStep: 400, liveTensors: 190, liveBytes: 13200,
      sites: [{ site: site(24, 9), tensors: 8, bytes: 384, shape: [4, 8], dtype: 'float32' }], stepSite: site(24, 9), elapsedMs: 9,
    });
    const r = run(b.events);
    assert.deepEqual(r.findings.map((f) => [f.symptom, f.severity, f.location?.line]), [['optimizer-recreated', 'error', 20]]);
    const f = r.findings[0]!;
    assert.match(f.message, /new Adam optimizer is made at every training step, on line 20: each one takes its single step from fresh state \(moment estimates at zero\)/);
    assert.deepEqual(f.observed, ['optimizer-recreated', 'tensor-leak']);
    assert.ok(f.evidence.some((line) => /leaks 10 tensors/.test(line)), JSON.stringify(f.evidence));
  });

  it('for SGD, which keeps no state, says only what leaks', () => {
    const b = new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3);
    b.step(1);
    b.events.push({ type: 'optimizerRecreated', modelId: 0, iter: 3, steps: 4, className: 'SGDOptimizer', site: site(20, 34), elapsedMs: 5 });
    const f = run(b.events).findings.find((x) => x.symptom === 'optimizer-recreated');
    assert.match(f?.message ?? '', /new SGD optimizer .* keeps tensors of its own \(its learning rate\) that are never freed/);
    assert.doesNotMatch(f!.message, /fresh state/);
  });
});
