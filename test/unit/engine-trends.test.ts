/** Loss and accuracy trends: stalls, chance-level accuracy, oscillation, divergence. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, byId, CLASSIFIER_SRC, classifierModel, healthyDetails, lineOf, sources, withLine } from './fixtures';
import { fmt } from '../../src/analysis/stats';
import { tensorSummary } from '../../src/runner/tensor-stats';
import { decaying, dense, FILE, flat, rng, run, site, TraceBuilder } from './trace-builder';

const BINARY_SRC = [
  "const tf = require('@tensorflow/tfjs');",
  '',
  'async function main() {',
  '  const xs = tf.tensor2d(xData, [n, 2]);',
  '  const ys = tf.tensor2d(yData, [n, 1]);',
  '  const model = tf.sequential();',
  '  model.add(tf.layers.dense({ units: 8, inputShape: [2], activation: "relu" }));',
  '  model.add(tf.layers.dense({ units: 1, activation: "sigmoid" }));',
  '  model.compile({ optimizer: tf.train.sgd(0.1), loss: "meanSquaredError", metrics: ["accuracy"] });',
  '  await model.fit(xs, ys, { epochs: 50, batchSize: 32 });',
  '}',
].join('\n');

function binaryModel(b: TraceBuilder, loss = 'meanSquaredError', lr = 0.1): TraceBuilder {
  return b
    .model({
      layers: [dense(8, 'relu', 7), dense(1, 'sigmoid', 8)],
      loss,
      optimizer: { className: 'SGD', learningRate: lr, line: 9 },
      compileLine: 9,
      fitLine: 10,
      epochs: 50,
      batchSize: 32,
      inputDim: 2,
    })
    .xRange(-1, 1, 1000, 2);
}

describe('loss not decreasing', () => {
  it('a flat loss under MSE on 0/1 targets: loss-function at compile, confirmed only after the evidence window', () => {
    const b = binaryModel(new TraceBuilder()).yBinary(0.5);
    const r0 = rng(5);
    flat(700, 0.25, 0.02).forEach((l) => b.step(l, { acc: 0.5 + (r0() - 0.5) * 0.06 }));
    b.end();
    const r = run(b.events, sources(BINARY_SRC));
    const f = byId(r.findings, 'loss-not-decreasing:loss')!;
    assert.ok(f, JSON.stringify(r.findings.map((x) => x.id)));
    assert.equal(f.confirmed, true);
    assert.equal(f.rootCause, 'loss-function');
    assert.equal(f.layer, null);
    assert.equal(f.location?.line, 9);
    assert.ok(f.observed?.includes('accuracy-not-increasing'));
    assert.ok(f.onset !== undefined && f.iteration !== null && f.onset < f.iteration, `onset ${f.onset} iteration ${f.iteration}`);
    // 50 epochs x 32 batches: without a strong prior, 30% of the 1600 planned steps is the minimum window.
    assert.ok(r.firstConfirmedIter !== null && r.firstConfirmedIter >= 479 && r.firstConfirmedIter < 660, String(r.firstConfirmedIter));
    assert.equal(lineOf(applyFix(BINARY_SRC, f.fix), 9), '  model.compile({ optimizer: tf.train.sgd(0.1), loss: "binaryCrossentropy", metrics: ["accuracy"] });');
    assert.equal(r.report.verdict, 'faulty');
  });

  it('a loss stuck at the no-skill level after an initial drop (class prior learned)', () => {
    const b = binaryModel(new TraceBuilder(), 'binaryCrossentropy').yBinary(0.24);
    // H(0.24) = 0.55: the loss falls from a big start to that level and stays.
    const losses = [...decaying(40, 6, 0.551, 0.2), ...flat(500, 0.551, 0.03)];
    losses.forEach((l) => b.step(l, { acc: 0.76 }));
    const r = run(b.events);
    const f = byId(r.findings, 'loss-not-decreasing:loss')!;
    assert.ok(f);
    assert.match(f.message, /no-skill|learned nothing/);
    assert.ok(f.evidence.some((e) => /no-skill loss 0\.55/.test(e)), f.evidence.join(' | '));
  });

  it('a custom loop on tf.losses.softmaxCrossEntropy gets the same no-skill level as categorical cross-entropy, unless it smooths its labels', () => {
    const custom = (labelSmoothing: number) => {
      const b = new TraceBuilder().model(classifierModel({ mode: 'custom', compileLine: undefined, fitLine: undefined, loss: [] }, 'linear')).xRange(-1, 1).yOneHot(3);
      b.events.push({ type: 'lossCall', modelId: b.modelId, fn: 'softmaxCrossEntropy', site: null, probabilities: false, swapped: false, classes: 3, positiveRate: 1 / 3, labelSmoothing, reduction: null });
      // ln 3 = 1.0986: a small first drop, then a loss that stays at that level.
      [...decaying(20, 1.3, 1.1, 0.1), ...flat(300, 1.1, 0.02)].forEach((l) => b.step(l));
      return b;
    };
    const f = byId(run(custom(0).events).findings, 'loss-not-decreasing:loss')!;
    assert.ok(f, 'the stall at the no-skill level is found');
    assert.ok(f.evidence.some((e) => /no-skill loss 1\.1 \(always predicting the class frequencies\)/.test(e)), f.evidence.join(' | '));
    const smoothed = run(custom(0.2).events).findings.flatMap((x) => x.evidence);
    assert.ok(!smoothed.some((e) => /no-skill/.test(e)), 'no level for smoothed labels');
  });

  it('an unexplained stall is a warning while training runs, confirmed once the whole run ended without learning, and names no layer', () => {
    const b = binaryModel(new TraceBuilder(), 'binaryCrossentropy').yBinary(0.5);
    flat(600, 0.693, 0.01).forEach((l, i) =>
      b.step(l, { acc: 0.5, layers: i % 10 === 0 ? [{ out: { dead: 0.4 }, weights: [{ norm: 1 + i * 0.01 }] }, { out: { saturated: 0.1 }, weights: [{ norm: 1 + i * 0.01 }] }] : undefined }),
    );
    const live = run(b.events, undefined, { finish: false });
    const during = byId(live.findings, 'loss-not-decreasing:loss')!;
    assert.ok(during);
    assert.equal(during.confirmed, false);
    assert.equal(during.severity, 'warning');
    assert.equal(live.engine.hasConfirmedFault(), false);
    b.end();
    const r = run(b.events);
    const f = byId(r.findings, 'loss-not-decreasing:loss')!;
    assert.equal(f.confirmed, true);
    assert.equal(f.layer, null);
    assert.equal(r.report.verdict, 'faulty');
  });

  it('a stall with tiny weight movement blames a too-small learning rate', () => {
    const b = binaryModel(new TraceBuilder(), 'binaryCrossentropy', 1e-4).yBinary(0.5);
    flat(600, 0.693, 0.005).forEach((l, i) => b.step(l, { acc: 0.5, layers: i % 10 === 0 ? [{ out: { dead: 0.4 }, weights: [{ norm: 1 + i * 1e-7 }] }, { out: {}, weights: [{ norm: 1 }] }] : undefined }));
    const r = run(b.events, sources(BINARY_SRC));
    const f = byId(r.findings, 'loss-not-decreasing:loss')!;
    assert.equal(f.rootCause, 'learning-rate');
    assert.equal(f.confirmed, true);
    assert.equal(lineOf(applyFix(BINARY_SRC, f.fix), 9), '  model.compile({ optimizer: tf.train.sgd(0.001), loss: "meanSquaredError", metrics: ["accuracy"] });');
  });

  it('a rate a hundred times below the usual one is raised straight to the usual one', () => {
    const b = binaryModel(new TraceBuilder(), 'binaryCrossentropy', 1e-5).yBinary(0.5);
    flat(600, 0.693, 0.005).forEach((l, i) => b.step(l, { acc: 0.5, layers: i % 10 === 0 ? [{ out: { dead: 0.4 }, weights: [{ norm: 1 + i * 1e-7 }] }, { out: {}, weights: [{ norm: 1 }] }] : undefined }));
    const f = byId(run(b.events, sources(BINARY_SRC)).findings, 'loss-not-decreasing:loss')!;
    assert.equal(f.fix?.title, 'Raise the learning rate from 1e-5 to 0.01');
  });

  it('a stall that recovers withdraws its warning', () => {
    const b = binaryModel(new TraceBuilder(), 'binaryCrossentropy').yBinary(0.5);
    [...flat(700, 0.72, 0.01), ...decaying(900, 0.72, 0.2, 0.01, 0.02)].forEach((l, i) => b.step(l, { acc: i < 700 ? 0.5 : Math.min(0.9, 0.5 + (i - 700) / 1000) }));
    b.end();
    const r = run(b.events);
    assert.ok(r.stream.some((f) => f.id === 'loss-not-decreasing:loss'), 'warned while stalled');
    assert.deepEqual(r.findings, []);
  });
});

describe('accuracy not increasing beyond chance', () => {
  it('sigmoid with categorical cross-entropy on 3 classes: accuracy at 1/3 confirms the output activation', () => {
    const src = withLine(CLASSIFIER_SRC, 9, "  model.add(tf.layers.activation({ activation: 'sigmoid' }));");
    const b = new TraceBuilder().model(classifierModel({}, 'sigmoid')).xRange(-1, 1).yOneHot(3);
    const pre = run([...b.events], sources(src), { finish: false });
    assert.equal(pre.findings[0]?.id, 'activation-loss-mismatch:activation_3');
    assert.equal(pre.findings[0]?.confirmed, false);
    const r0 = rng(2);
    flat(320, 1.0986, 0.01).forEach((l, i) => b.step(l, { acc: 0.333 + (r0() - 0.5) * 0.04, layers: i % 10 === 0 ? healthyDetails(i) : undefined }));
    const r = run(b.events, sources(src));
    const f = r.findings[0]!;
    assert.equal(f.id, 'activation-loss-mismatch:activation_3');
    assert.equal(f.confirmed, true);
    assert.equal(f.severity, 'error');
    assert.ok(f.observed?.includes('accuracy-not-increasing'));
    assert.ok(r.firstConfirmedIter !== null && r.firstConfirmedIter <= 40, String(r.firstConfirmedIter));
    assert.equal(lineOf(applyFix(src, f.fix), 9), "  model.add(tf.layers.activation({ activation: 'softmax' }));");
  });

  it('relu with categorical cross-entropy, its loss stuck far above the no-skill level: one up-to-date line of evidence, worded as worse than no skill', () => {
    const src = withLine(CLASSIFIER_SRC, 9, "  model.add(tf.layers.activation({ activation: 'relu' }));");
    const b = new TraceBuilder().model(classifierModel({}, 'relu')).xRange(-1, 1).yOneHot(3);
    const r0 = rng(4);
    // The engine keeps reading after it confirms (with --continue, or until the run is stopped),
    // so the stall is observed again and again with fresh numbers.
    flat(320, 10.7, 0.02).forEach((l, i) => b.step(l, { acc: 0.333 + (r0() - 0.5) * 0.04, layers: i % 10 === 0 ? healthyDetails(i) : undefined }));
    b.end();
    const f = run(b.events, sources(src)).findings[0]!;
    assert.equal(f.id, 'activation-loss-mismatch:activation_3');
    assert.equal(f.confirmed, true);
    const stuck = f.evidence.filter((e) => /^The loss is stuck/.test(e));
    assert.equal(stuck.length, 1, f.evidence.join(' | '));
    assert.match(stuck[0]!, /^The loss is stuck at 10\.\d, above the 1\.1 of always predicting the class frequencies: the model does worse than ignoring its inputs$/);
    // The finding's own message is its headline, not repeated as evidence.
    assert.ok(!f.evidence.some((e) => e.includes('expects class probabilities')), f.evidence.join(' | '));
    const atFit = f.related.filter((r) => r.site.line === 12);
    assert.equal(atFit.length, 1, JSON.stringify(f.related));
    assert.equal(atFit[0]!.message, stuck[0]);
  });

  it('accuracy at the majority rate of imbalanced labels while the loss is below the no-skill level', () => {
    const b = binaryModel(new TraceBuilder(), 'binaryCrossentropy').yBinary(0.2);
    const r0 = rng(9);
    flat(600, 0.3, 0.01).forEach((l) => b.step(l, { acc: 0.8 + (r0() - 0.5) * 0.02 }));
    const r = run(b.events);
    const f = byId(r.findings, 'accuracy-not-increasing:accuracy')!;
    assert.ok(f, JSON.stringify(r.findings.map((x) => x.id)));
    assert.ok(f.evidence.some((e) => /chance 0\.8/.test(e)));
  });

  it('accuracy above chance raises nothing', () => {
    const b = binaryModel(new TraceBuilder(), 'binaryCrossentropy').yBinary(0.2);
    decaying(600, 0.5, 0.2, 0.01, 0.02).forEach((l, i) => b.step(l, { acc: Math.min(0.95, 0.8 + i / 2000) }));
    b.end();
    assert.deepEqual(run(b.events).findings, []);
  });
});

describe('oscillating and diverging losses', () => {
  it('a loss that swings without progress: learning rate at the optimizer', () => {
    const src = withLine(CLASSIFIER_SRC, 10, '  const optimizer = tf.train.adam(0.01);');
    const b = new TraceBuilder().model(classifierModel({ optimizer: { className: 'Adam', learningRate: 0.01, line: 10 }, epochs: 300, batchSize: 1000 })).xRange(-1, 1).yOneHot(3);
    const pattern = [0.6, 1.4, 0.7, 1.3, 0.5, 1.5];
    for (let i = 0; i < 300; i++) {
      b.step(pattern[i % pattern.length]!, { epoch: i, acc: 0.4 });
      b.epoch(i, { loss: pattern[i % pattern.length]!, acc: 0.4 });
    }
    const r = run(b.events, sources(src));
    const f = byId(r.findings, 'loss-oscillating:loss')!;
    assert.ok(f, JSON.stringify(r.findings.map((x) => x.id)));
    assert.equal(f.confirmed, true);
    assert.equal(f.rootCause, 'learning-rate');
    assert.equal(f.location?.line, 10);
    assert.equal(lineOf(applyFix(src, f.fix), 10), '  const optimizer = tf.train.adam(0.001);');
  });

  it('a loss that decreases and then explodes is diverging', () => {
    const b = new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3);
    const losses = [...decaying(60, 1.1, 0.8, 0.05, 0.02), ...Array.from({ length: 60 }, (_, i) => 0.8 * Math.exp(i / 12))];
    losses.forEach((l) => b.step(l));
    const r = run(b.events, sources(CLASSIFIER_SRC));
    const f = byId(r.findings, 'loss-diverging:loss')!;
    assert.ok(f, JSON.stringify(r.findings.map((x) => x.id)));
    assert.equal(f.rootCause, 'learning-rate');
    assert.equal(f.layer, null);
    assert.equal(f.location?.line, 10);
    assert.ok(r.firstConfirmedIter !== null && r.firstConfirmedIter < 100);
  });

  it('divergence of a tanh output under binaryCrossentropy confirms the output activation, not the learning rate', () => {
    const b = new TraceBuilder().model(classifierModel({ loss: 'binaryCrossentropy' }, 'tanh', 1)).xRange(-1, 1).yBinary(0.5);
    [...decaying(60, 0.7, 0.3, 0.05, 0.02), ...Array.from({ length: 60 }, (_, i) => 0.3 * Math.exp(i / 12))].forEach((l) => b.step(l));
    const confirmed = run(b.events, sources(CLASSIFIER_SRC)).findings.filter((f) => f.confirmed);
    assert.deepEqual(confirmed.map((f) => [f.symptom, f.rootCause]), [['activation-loss-mismatch', 'output-activation']]);
    assert.ok(confirmed[0]!.observed?.includes('loss-diverging'));
  });

  it('divergence under an out-of-band learning rate confirms that warning instead', () => {
    const src = withLine(CLASSIFIER_SRC, 10, '  const optimizer = tf.train.adam(0.5);');
    const b = new TraceBuilder().model(classifierModel({ optimizer: { className: 'Adam', learningRate: 0.5, line: 10 } })).xRange(-1, 1).yOneHot(3);
    [...flat(30, 1.1, 0.02), ...Array.from({ length: 40 }, (_, i) => 1.1 * Math.exp(i / 8))].forEach((l) => b.step(l));
    const r = run(b.events, sources(src));
    const f = r.findings[0]!;
    assert.equal(f.id, 'learning-rate-out-of-range:optimizer');
    assert.equal(f.confirmed, true);
    assert.ok(f.observed?.includes('loss-diverging'));
    assert.equal(lineOf(applyFix(src, f.fix), 10), '  const optimizer = tf.train.adam(0.001);');
    assert.equal(r.findings.filter((x) => x.confirmed).length, 1);
  });

  it('a heavy-tailed batch-of-one loss is not called diverging', () => {
    const b = new TraceBuilder().model({ ...classifierModel(), batchSize: 1, epochs: 2 }).xRange(-1, 1, 1000).yOneHot(3);
    const r0 = rng(4);
    for (let i = 0; i < 1500; i++) b.step(i < 3 ? 1e-7 : r0() < 0.5 ? 1e-7 : 15.9);
    const r = run(b.events);
    assert.equal(byId(r.findings, 'loss-diverging:loss'), undefined);
  });
});

describe('labels collapsed to one class', () => {
  it('sparse labels divided by 255: certain before training (the loss cuts them to class 0), and still so when the loss falls to ~0', () => {
    const b = new TraceBuilder()
      .model({ ...classifierModel({}, 'softmax', 10), loss: 'sparseCategoricalCrossentropy' })
      .xRange(0, 1)
      .data('y', { shape: [1000, 1], dtype: 'float32', count: 1000, min: 0, max: 9 / 255, mean: 0.0176, std: 0.011, nanCount: 0, infCount: 0, distinct: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((v) => v / 255), oneHotRows: false }, 12);
    const pre = run([...b.events], undefined, { finish: false });
    assert.equal(pre.findings[0]?.id, 'label-encoding-mismatch:y');
    assert.equal(pre.findings[0]?.confirmed, true);
    decaying(100, 2.3, 0.001, 0.2).forEach((l) => b.step(l, { acc: 1 }));
    const r = run(b.events);
    const f = r.findings[0]!;
    assert.equal(f.id, 'label-encoding-mismatch:y');
    assert.equal(f.confirmed, true);
    assert.equal(f.rootCause, 'label-encoding');
    assert.equal(f.location?.line, 12);
    assert.match(f.message, /class 0/);
  });

  it('grades scaled to [0, 1] under a sparse loss: certain, naming the classes the loss cuts them to, fixed by multiplying back', () => {
    const b = new TraceBuilder()
      .model({ ...classifierModel({}, 'softmax', 5), loss: 'sparseCategoricalCrossentropy' })
      .xRange(0, 1)
      .data('y', { shape: [1500, 1], dtype: 'float32', count: 1500, min: 0, max: 1, mean: 0.5, std: 0.35, nanCount: 0, infCount: 0, distinct: [0, 0.25, 0.5, 0.75, 1], oneHotRows: false }, 12);
    const f = run([...b.events], undefined, { finish: false }).findings[0]!;
    assert.equal(f.id, 'label-encoding-mismatch:y');
    assert.equal(f.confirmed, true);
    assert.match(f.message, /0, 0\.25, 0\.5, 0\.75 and 1 become classes 0 and 1/);
  });
});

describe('overfitting', () => {
  const REVIEWS_SRC = [
    "const tf = require('@tensorflow/tfjs');",
    '',
    'async function main() {',
    '  const model = tf.sequential();',
    '  model.add(tf.layers.dense({ units: 16, inputShape: [1000] }));',
    "  model.add(tf.layers.activation({ activation: 'relu' }));",
    '  model.add(tf.layers.dense({ units: 16 }));',
    "  model.add(tf.layers.activation({ activation: 'relu' }));",
    "  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));",
    "  model.compile({ optimizer: 'rmsprop', loss: 'binaryCrossentropy', metrics: ['accuracy'] });",
    '  await model.fit(xs, ys, { epochs: 8, batchSize: 512, validationData: [xv, yv] });',
    '}',
  ].join('\n');

  /** Four steps per epoch with the given epoch losses; batch accuracy follows the training loss. */
  function reviews(epochs: Array<{ loss: number; val: number; valAcc?: number; acc?: number }>, validationSamples?: number): TraceBuilder {
    const b = new TraceBuilder()
      .model({
        layers: [dense(16, 'linear', 5), { className: 'Activation', activation: 'relu', line: 6 }, dense(16, 'linear', 7), { className: 'Activation', activation: 'relu', line: 8 }, dense(1, 'sigmoid', 9)],
        loss: 'binaryCrossentropy',
        optimizer: { className: 'RMSProp', learningRate: 0.001 },
        compileLine: 10,
        fitLine: 11,
        epochs: epochs.length,
        batchSize: 512,
        inputDim: 1000,
        ...(validationSamples !== undefined ? { validationSamples } : {}),
      })
      .xRange(0, 1, 2048, 1000)
      .yBinary(0.5, 2048);
    epochs.forEach((e, i) => {
      for (let s = 0; s < 4; s++) b.step(e.loss * (1.02 - 0.01 * s), { acc: e.acc ?? 1.1 - e.loss, epoch: i });
      b.epoch(i, { loss: e.loss, acc: e.acc ?? 1.1 - e.loss, val_loss: e.val, val_acc: e.valAcc ?? null });
    });
    return b.end();
  }

  describe('while the script keeps weights during training to restore after', () => {
    const SRC = withLine(REVIEWS_SRC, 2, '        best = model.getWeights();');
    const kept = () => {
      const r = reviews([
        { loss: 0.665, val: 0.608, valAcc: 0.727 },
        { loss: 0.601, val: 0.597, valAcc: 0.73 },
        { loss: 0.555, val: 0.604, valAcc: 0.719 },
        { loss: 0.522, val: 0.618, valAcc: 0.689 },
      ], 512);
      r.events.splice(3, 0, { type: 'weightsKept', modelId: r.modelId, site: site(2, 16) });
      return r;
    };

    it('overfitting is shown but does not stop the run; a restore of other weights after fit withdraws it', () => {
      const b = kept();
      const before = run(b.events, sources(SRC), { finish: false });
      assert.equal(byId(before.findings, 'overfitting:val_loss')?.confirmed, true);
      assert.equal(before.engine.hasConfirmedFault(), false);
      b.events.push({ type: 'weightsRestored', modelId: b.modelId, site: site(12, 3) });
      const after = run(b.events, sources(SRC));
      assert.deepEqual(after.findings, []);
    });

    it('weights kept as the live tensors and set back after fit: certain where they were kept, fixed with clones', () => {
      const b = kept();
      b.events.push({ type: 'weightsKeptLive', modelId: b.modelId, keptAt: site(2, 23), restoreAt: site(12, 3), stepsSince: 8 });
      const r = run(b.events, sources(SRC));
      assert.deepEqual(r.findings.map((f) => [f.id, f.confirmed, f.rootCause, f.location?.line]), [['weights-kept-live:model', true, 'training-length', 2]]);
      assert.match(r.findings[0]!.message, /The 8 training steps taken after they were kept changed them, so setWeights at line 12 restores nothing/);
      assert.equal(lineOf(applyFix(SRC, r.findings[0]!.fix), 2), '        best = model.getWeights().map((w) => w.clone());');
    });
  });

  it('validation loss up two epochs running while training loss falls: regularization at the largest hidden layer, with dropout as the fix', () => {
    const b = reviews([
      { loss: 0.665, val: 0.608, valAcc: 0.727 },
      { loss: 0.601, val: 0.597, valAcc: 0.73 },
      { loss: 0.555, val: 0.604, valAcc: 0.719 },
      { loss: 0.522, val: 0.618, valAcc: 0.689 },
    ], 512);
    const r = run(b.events, sources(REVIEWS_SRC));
    const f = byId(r.findings, 'overfitting:val_loss');
    assert.ok(f, JSON.stringify(r.findings.map((x) => x.id)));
    assert.equal(f.confirmed, true);
    assert.equal(f.rootCause, 'regularization');
    assert.equal(f.location?.line, 5, 'the 16k-weight first layer holds most of the capacity');
    assert.match(f.message, /validation loss rose from 0\.597 \(epoch 2\) to 0\.618 \(epoch 4\)/);
    const fixed = applyFix(REVIEWS_SRC, f.fix).split('\n');
    assert.deepEqual(fixed.slice(4, 10), [
      '  model.add(tf.layers.dense({ units: 16, inputShape: [1000] }));',
      "  model.add(tf.layers.activation({ activation: 'relu' }));",
      '  model.add(tf.layers.dropout({ rate: 0.5 }));',
      '  model.add(tf.layers.dense({ units: 16 }));',
      "  model.add(tf.layers.activation({ activation: 'relu' }));",
      '  model.add(tf.layers.dropout({ rate: 0.5 }));',
    ]);
    assert.equal(r.report.verdict, 'faulty');
  });

  it('a validation accuracy that fell by a few samples flipping is not enough for two rises; the same fall on a large validation set is', () => {
    // A deep SELU classifier that learns to 0.91 held-out accuracy: at epoch 5 its 300-sample
    // validation accuracy is 6 samples below its best, and by epoch 10 its validation loss is at a new low.
    const epochs = [
      { loss: 0.627, val: 0.448, valAcc: 0.87 },
      { loss: 0.336, val: 0.339, valAcc: 0.887 },
      { loss: 0.28, val: 0.244, valAcc: 0.92 },
      { loss: 0.23, val: 0.256, valAcc: 0.9 },
      { loss: 0.202, val: 0.285, valAcc: 0.9 },
    ];
    const small = run(reviews(epochs, 300).events, sources(REVIEWS_SRC));
    assert.equal(byId(small.findings, 'overfitting:val_loss'), undefined, JSON.stringify(small.findings.map((x) => x.message)));
    const large = byId(run(reviews(epochs, 3000).events, sources(REVIEWS_SRC)).findings, 'overfitting:val_loss');
    assert.ok(large);
    assert.match(large.message, /validation accuracy fell from 0\.92 to 0\.9/);
  });

  it('a validation loss that rises while still below the training loss is not overfitting', () => {
    // An LSTM with dropout: its training loss stays above the validation loss the whole time.
    const b = reviews([
      { loss: 0.36, val: 0.23, valAcc: 0.92 },
      { loss: 0.31, val: 0.212, valAcc: 0.935 },
      { loss: 0.296, val: 0.217, valAcc: 0.925 },
      { loss: 0.283, val: 0.221, valAcc: 0.91 },
    ]);
    const r = run(b.events, sources(REVIEWS_SRC));
    assert.equal(byId(r.findings, 'overfitting:val_loss'), undefined, JSON.stringify(r.findings.map((x) => x.id)));
  });

  it('validation loss creeping up while validation accuracy holds its best: no finding', () => {
    const b = reviews([
      { loss: 0.574, val: 0.506, valAcc: 0.729 },
      { loss: 0.509, val: 0.483, valAcc: 0.737 },
      { loss: 0.5, val: 0.485, valAcc: 0.732 },
      { loss: 0.478, val: 0.507, valAcc: 0.746 },
      { loss: 0.469, val: 0.516, valAcc: 0.743 },
    ]);
    const r = run(b.events, sources(REVIEWS_SRC));
    assert.equal(byId(r.findings, 'overfitting:val_loss'), undefined, JSON.stringify(r.findings.map((x) => x.id)));
  });

  it('without an accuracy metric, two noisy rises of the validation loss are not enough; three running are', () => {
    const noisy = reviews([
      { loss: 0.057, val: 0.095 },
      { loss: 0.049, val: 0.084 },
      { loss: 0.039, val: 0.09 },
      { loss: 0.038, val: 0.097 },
      { loss: 0.037, val: 0.08 },
    ]);
    assert.equal(byId(run(noisy.events, sources(REVIEWS_SRC)).findings, 'overfitting:val_loss'), undefined);
    const steady = reviews([
      { loss: 0.057, val: 0.095 },
      { loss: 0.049, val: 0.084 },
      { loss: 0.039, val: 0.09 },
      { loss: 0.034, val: 0.097 },
      { loss: 0.03, val: 0.105 },
    ]);
    const f = byId(run(steady.events, sources(REVIEWS_SRC)).findings, 'overfitting:val_loss');
    assert.ok(f);
    assert.match(f.message, /validation loss rose from 0\.084 \(epoch 2\) to 0\.105 \(epoch 5\)/);
  });

  // Epochs 111-136 of a healthy regression whose 67-sample validation set makes val_loss noisy
  // (values scaled by 1/10), after a descent: it rises three epochs running from a lucky low.
  const NOISY_PLATEAU = [[0.4596,0.6516],[0.4513,0.6318],[0.4445,0.5767],[0.456,0.6515],[0.4637,0.6306],[0.4627,0.6699],[0.458,0.6008],[0.4472,0.5897],[0.4583,0.5869],[0.4466,0.5919],[0.4481,0.6429],[0.4496,0.5955],[0.4492,0.5837],[0.4452,0.6676],[0.4324,0.5854],[0.4406,0.6054],[0.4498,0.5881],[0.433,0.6108],[0.4295,0.5816],[0.4538,0.589],[0.4515,0.596],[0.4534,0.5751],[0.4303,0.5856],[0.4254,0.6034],[0.424,0.6514],[0.4363,0.6188]];
  const DESCENT = [[0.95, 0.92], [0.8, 0.81], [0.7, 0.74], [0.6, 0.69], [0.52, 0.66]];
  const epochsOf = (pairs: number[][]) => pairs.map(([loss, val]) => ({ loss: loss!, val: val! }));

  it('a noisy validation loss rising three epochs running within its usual spread is not overfitting', () => {
    const b = reviews(epochsOf([...DESCENT, ...NOISY_PLATEAU]));
    const r = run(b.events, sources(REVIEWS_SRC));
    assert.equal(byId(r.findings, 'overfitting:val_loss'), undefined, JSON.stringify(r.findings.map((x) => x.message)));
  });

  it('after a long noisy run, a validation loss that climbs clear of its noise is overfitting', () => {
    // The same noise on a curve that bottoms out 12 epochs after the descent and then climbs.
    const wobble = NOISY_PLATEAU.map(([, val]) => val! - 0.6);
    const epochs = wobble.map((w, i) => ({ loss: 0.5 - 0.006 * i, val: 0.45 + 0.0012 * (i - 12) ** 2 + 0.3 * w }));
    const r = run(reviews([...epochsOf(DESCENT), ...epochs]).events, sources(REVIEWS_SRC));
    const f = byId(r.findings, 'overfitting:val_loss');
    assert.ok(f, JSON.stringify(epochs.map((e) => e.val.toFixed(3))));
  });

  it('a validation spike while the training loss also jumps is instability, not overfitting', () => {
    const b = reviews([
      { loss: 0.308, val: 0.049 },
      { loss: 0.046, val: 0.052 },
      { loss: 0.156, val: 0.721 },
      { loss: 0.531, val: 0.044 },
    ]);
    const r = run(b.events, sources(REVIEWS_SRC));
    assert.equal(byId(r.findings, 'overfitting:val_loss'), undefined, JSON.stringify(r.findings.map((x) => x.id)));
  });
});

describe('a short run judged once it has finished', () => {
  function shortRun(epochsRun: number, planned = 4): TraceBuilder {
    const b = new TraceBuilder()
      .model({
        layers: [dense(8, 'relu', 7), dense(1, 'sigmoid', 8)],
        loss: 'binaryCrossentropy',
        optimizer: { className: 'Adam', learningRate: 0.001, line: 9 },
        compileLine: 9,
        fitLine: 10,
        epochs: planned,
        batchSize: 32,
        inputDim: 2,
      })
      .xRange(-1, 1, 96, 2)
      .yBinary(0.5, 96);
    const r0 = rng(4);
    for (let epoch = 0; epoch < epochsRun; epoch++) {
      for (let s = 0; s < 3; s++) b.step(0.7 + (r0() - 0.5) * 0.04, { acc: 0.5 + (r0() - 0.5) * 0.06, epoch });
      b.epoch(epoch, { loss: 0.7, acc: 0.5 });
    }
    return b.end();
  }

  it('all four planned epochs (12 steps) at the no-skill loss: the run learned nothing', () => {
    const r = run(shortRun(4).events, sources(BINARY_SRC));
    const f = byId(r.findings, 'loss-not-decreasing:loss');
    assert.ok(f, JSON.stringify(r.findings.map((x) => x.id)));
    assert.equal(f.confirmed, true);
    assert.equal(r.report.verdict, 'faulty');
  });

  it('the same 12 steps from a run that ended after 4 of its 5 planned epochs: too little to judge', () => {
    const r = run(shortRun(4, 5).events, sources(BINARY_SRC));
    assert.equal(r.findings.filter((x) => x.confirmed).length, 0, JSON.stringify(r.findings.map((x) => x.id)));
    assert.equal(r.report.verdict, 'inconclusive');
  });

  // StackOverflow 50306988 under another draw of its data (recorded): 5 epochs of 7 batches at
  // adam(0.001); the epoch loss creeps down 0.726 -> 0.708, still above the no-skill 0.693, and
  // the epoch accuracy is 0.5 every time.
  const LOSSES = [0.6583,0.8229,0.6549,0.7685,0.7935,0.6556,0.7242,0.7226,0.7882,0.7669,0.7442,0.7183,0.6519,0.4565,0.736,0.8511,0.7766,0.7137,0.6322,0.5915,0.7107,0.5897,0.7114,0.7162,0.7922,0.6921,0.7718,0.7045,0.7507,0.7485,0.6698,0.6504,0.7094,0.7042,0.7802];
  const ACCS = [0.59375,0.375,0.59375,0.4375,0.40625,0.59375,0.5,0.5,0.40625,0.4375,0.46875,0.5,0.59375,0.875,0.46875,0.3125,0.40625,0.5,0.625,0.6875,0.5,0.6875,0.5,0.5,0.375,0.53125,0.40625,0.5,0.4375,0.4375,0.5625,0.59375,0.5,0.5,0.375];
  const EPOCH_LOSSES = [0.7256, 0.721, 0.7166, 0.7119, 0.7085];
  function creepingRun(planned: number): TraceBuilder {
    const b = new TraceBuilder()
      .model({ layers: [dense(2, 'sigmoid', 7), dense(2, 'softmax', 8)], loss: 'categoricalCrossentropy', optimizer: { className: 'Adam', learningRate: 0.001, line: 9 }, compileLine: 9, fitLine: 10, epochs: planned, batchSize: 32, inputDim: 2 })
      .xRange(0.2, 0.7, 200, 2)
      .yOneHot(2, 200);
    LOSSES.forEach((loss, i) => {
      const epoch = Math.floor(i / 7);
      b.step(loss, { acc: ACCS[i]!, epoch, layers: i % 5 === 0 ? [{ out: {}, weights: [{ norm: 1 + i * 2e-4 }] }, { out: {}, weights: [{ norm: 1 }] }] : undefined });
      if (i % 7 === 6) b.epoch(epoch, { loss: EPOCH_LOSSES[epoch]!, acc: 0.5 });
    });
    return b.end();
  }

  it('all planned epochs with accuracy at chance while the loss still creeps down above the no-skill level: the run learned nothing', () => {
    const r = run(creepingRun(5).events, sources(BINARY_SRC));
    const f = byId(r.findings, 'accuracy-not-increasing:accuracy');
    assert.ok(f, JSON.stringify(r.findings.map((x) => x.id)));
    assert.equal(f.confirmed, true);
    assert.equal(f.rootCause, 'learning-rate');
    assert.match(f.message, /the chance level \(0\.5/);
  });

  it('the same 35 steps from a run that ended after 5 of its 6 planned epochs: too little to judge', () => {
    const r = run(creepingRun(6).events, sources(BINARY_SRC));
    assert.equal(r.findings.filter((x) => x.confirmed).length, 0, JSON.stringify(r.findings.map((x) => x.id)));
    assert.equal(r.report.verdict, 'inconclusive');
  });
});

describe('a completed run whose loss never came down to the no-skill level', () => {
  // ShyamPoovaiah-FacialKeypointsDetection under another draw of its data: adam(0.1) blows the
  // loss up to ~1e7 in the first epoch, and it then falls steeply for the rest of the run while
  // staying ~1e5 times above the loss of always predicting the mean target.
  const SRC = withLine(CLASSIFIER_SRC, 10, '  const optimizer = tf.train.adam(0.1);');
  const targets = Float32Array.from({ length: 400 }, (_, i) => 0.5 + 0.125 * Math.sin(i * 1.7));
  function blownUp(planned: number, epochsRun: number): TraceBuilder {
    const b = new TraceBuilder()
      .model(classifierModel({ loss: 'meanSquaredError', optimizer: { className: 'Adam', learningRate: 0.1, line: 10 }, epochs: planned, batchSize: 100 }, 'linear', 1))
      .xRange(0, 1, 400, 2)
      .data('y', tensorSummary(targets, [400, 1], 'float32', true));
    const r0 = rng(7);
    for (let epoch = 0; epoch < epochsRun; epoch++) {
      for (let s = 0; s < 4; s++) b.step((1.5e7 / (1 + 4 * epoch + s) ** 2) * (1 + 0.2 * (r0() - 0.5)), { epoch });
      b.epoch(epoch, { loss: 1.5e7 / (4 + 4 * epoch) ** 2 });
    }
    return b.end();
  }

  it('all planned epochs: confirms the learning-rate warning, saying how far above that level the loss stayed', () => {
    const r = run(blownUp(25, 25).events, sources(SRC));
    const f = byId(r.findings, 'learning-rate-out-of-range:optimizer');
    assert.ok(f, JSON.stringify(r.findings.map((x) => x.id)));
    assert.equal(f.confirmed, true);
    assert.match(f.message, /never came down to the level of always predicting the mean target \(0\.00779\)/);
    assert.equal(r.report.verdict, 'faulty');
  });

  it('the same loss from a run stopped after 24 of its 25 planned epochs: the warning stays a warning', () => {
    const r = run(blownUp(25, 24).events, sources(SRC));
    assert.equal(r.findings.filter((x) => x.confirmed).length, 0, JSON.stringify(r.findings.map((x) => `${x.id} ${x.confirmed}`)));
    assert.equal(byId(r.findings, 'learning-rate-out-of-range:optimizer')?.confirmed, false);
  });
});

describe('a loss held at the floor of the output range', () => {
  // The 17 regression targets of StackOverflow 48251943 (a noisy linear mix from -1.14 to 2.14).
  const TARGETS = [0.69, 1.2, -1.14, 0.41, 2.14, 1.62, 0.05, 0.88, 1.47, 0.33, 1.95, 0.72, 0.18, 1.31, 0.96, 1.74, 0.57];
  const TANH_SRC = withLine(CLASSIFIER_SRC, 9, "  model.add(tf.layers.activation({ activation: 'tanh' }));");
  const tanhRegression = (targets: number[]) =>
    new TraceBuilder()
      .model(classifierModel({ loss: 'meanSquaredError' }, 'tanh', 1))
      .xRange(-1.1, 2.1, targets.length, 2)
      // The target summary the probe itself sends, from the same values.
      .data('y', tensorSummary(Float32Array.from(targets), [targets.length, 1], 'float32', true));
  const floorOf = (targets: number[]) => targets.reduce((a, t) => a + Math.max(t - 1, 0) ** 2 + Math.min(t + 1, 0) ** 2, 0) / targets.length;

  it('a tanh output whose loss comes down to what its range allows: confirmed, with a linear output as the fix', () => {
    const floor = floorOf(TARGETS);
    const b = tanhRegression(TARGETS);
    for (const loss of decaying(100, 1.56, floor * 1.08, 0.05, 0.02)) b.step(loss);
    const r = run(b.events, sources(TANH_SRC));
    const f = byId(r.findings, 'output-out-of-range:activation_3')!;
    assert.ok(f, JSON.stringify(r.findings.map((x) => x.id)));
    assert.equal(f.confirmed, true);
    assert.equal(r.report.verdict, 'faulty');
    assert.match(f.message, /targets range from -1.14 to 2.14\. Training confirms it: the loss is down to [\d.]+, and \d+% of it is out of reach/);
    assert.ok(f.evidence.some((e) => e.startsWith(`least reachable loss ${fmt(floor)}`)), f.evidence.join(' | '));
    assert.equal(lineOf(applyFix(TANH_SRC, f.fix), 9), "  model.add(tf.layers.activation({ activation: 'linear' }));");
  });

  it('while the loss is still far above the floor, learning keeps the warning open but unconfirmed', () => {
    const floor = floorOf(TARGETS);
    const b = tanhRegression(TARGETS);
    for (const loss of decaying(30, 1.56, floor * 3, 0.1, 0.02)) b.step(loss);
    const r = run(b.events, sources(TANH_SRC), { finish: false });
    const f = byId(r.findings, 'output-out-of-range:activation_3')!;
    assert.ok(f, 'the range warning stays visible while the loss can still reach the floor');
    assert.equal(f.confirmed, false);
  });

  it('noisy targets around a bounded mean: the loss settles at the noise, far above the floor, and nothing is reported', () => {
    // Targets in [0, 1] plus N(0, 0.3) noise: a sigmoid output predicting their mean is right.
    const draw = rng(11);
    const normal = () => Math.sqrt(-2 * Math.log(1 - draw())) * Math.cos(2 * Math.PI * draw());
    const targets = Array.from({ length: 400 }, () => draw() + 0.3 * normal());
    const src = withLine(CLASSIFIER_SRC, 9, "  model.add(tf.layers.activation({ activation: 'sigmoid' }));");
    const b = new TraceBuilder()
      .model(classifierModel({ loss: 'meanSquaredError' }, 'sigmoid', 1))
      .xRange(-1, 1, 400, 2)
      .data('y', tensorSummary(Float32Array.from(targets), [400, 1], 'float32', true));
    const floor = targets.reduce((a, t) => a + Math.max(t - 1, 0) ** 2 + Math.min(t, 0) ** 2, 0) / 400;
    assert.ok(floor > 0 && floor < 0.5 * 0.09, `floor ${floor}`);
    for (const loss of decaying(120, 0.2, 0.09, 0.05, 0.03)) b.step(loss);
    const r = run(b.events, sources(src));
    assert.deepEqual(r.findings.map((x) => x.id), []);
    assert.equal(r.report.verdict, 'healthy');
  });
});

describe('a plateau under a large learning rate', () => {
  // Full-batch XOR at sgd(1.0): the loss creeps down the no-skill plateau for 150 steps, then falls.
  const xorModel = () =>
    new TraceBuilder()
      .model({ layers: [dense(4, 'sigmoid', 7), dense(1, 'sigmoid', 8)], loss: 'binaryCrossentropy', optimizer: { className: 'SGD', learningRate: 1, line: 9 }, compileLine: 9, fitLine: 10, epochs: 600, batchSize: 200, inputDim: 2 })
      .xRange(-0.3, 1.3, 200, 2)
      .yBinary(0.5, 200);
  const plateau = Array.from({ length: 150 }, (_, i) => 0.6931 - 0.00003 * i);

  it('a loss that falls at every step is a slow start, not steps that overshoot: no finding', () => {
    const b = xorModel();
    [...plateau, ...decaying(450, plateau[149]!, 0.03, 0.02)].forEach((l, i) => b.step(l, { epoch: i, acc: i < 150 ? 0.5 : Math.min(1, 0.5 + (i - 150) / 200) }));
    b.end();
    const r = run(b.events);
    assert.deepEqual(r.findings.map((f) => f.id), []);
    assert.equal(r.report.verdict, 'healthy');
  });

  it('the same plateau with a loss that goes up and down confirms the learning rate', () => {
    const b = xorModel();
    const noise = rng(5);
    plateau.forEach((l, i) => b.step(l + 0.01 * (noise() - 0.5), { epoch: i, acc: 0.5 }));
    const r = run(b.events, undefined, { finish: false });
    const f = byId(r.findings, 'learning-rate-out-of-range:optimizer')!;
    assert.ok(f, JSON.stringify(r.findings.map((x) => x.id)));
    assert.equal(f.confirmed, true);
  });
});

describe('fit left at its default of one epoch', () => {
  const OPTIONS_SRC = withLine(CLASSIFIER_SRC, 12, '  await model.fit(x, y, { batchSize: 32 });');
  const BARE_SRC = withLine(CLASSIFIER_SRC, 12, '  await model.fit(x, y);');
  function oneEpoch(losses: number[], spec: { epochsSet?: boolean; fits?: number; ended?: boolean } = {}): TraceBuilder {
    const b = new TraceBuilder();
    for (let i = 0; i < (spec.fits ?? 1); i++) {
      b.model(classifierModel({ epochs: 1, epochsSet: spec.epochsSet ?? false })).xRange(-1, 1).yOneHot(3);
      losses.forEach((l) => b.step(l));
    }
    return spec.ended === false ? b : b.end();
  }

  it('a loss still falling when the single epoch ended is confirmed on fit, with a fix that sets epochs', () => {
    const r = run(oneEpoch(decaying(40, 1.1, 0.3, 0.02, 0.01)).events, sources(OPTIONS_SRC));
    assert.deepEqual(r.findings.map((f) => `${f.id}:${f.confirmed}:${f.location?.line}:${f.rootCause}`), ['training-cut-short:epochs:true:12:training-length']);
    assert.equal(r.report.verdict, 'faulty');
    assert.match(r.findings[0]!.message, /^fit stopped after a single epoch \(40 steps\) while the loss was still falling .*`epochs` is not set/);
    // 10 epochs of 40 steps are 400 steps.
    assert.equal(lineOf(applyFix(OPTIONS_SRC, r.findings[0]!.fix), 12), '  await model.fit(x, y, { epochs: 10, batchSize: 32 });');
  });

  it('noisy batch losses whose last dozen show no slope, while the second half of the epoch still falls: confirmed', () => {
    // Falling through the epoch, then a noisy last stretch that is flat on its own.
    const losses = [...decaying(26, 1.1, 0.55, 0.08, 0.01), 0.52, 0.61, 0.47, 0.58, 0.49, 0.6, 0.46, 0.57, 0.5, 0.59, 0.48, 0.55];
    const r = run(oneEpoch(losses).events, sources(OPTIONS_SRC));
    assert.deepEqual(r.findings.map((f) => `${f.id}:${f.confirmed}`), ['training-cut-short:epochs:true']);
  });

  it('a fit of a few steps gets an options object with more epochs', () => {
    const r = run(oneEpoch(decaying(4, 1.1, 0.9, 0.1)).events, sources(BARE_SRC));
    const f = byId(r.findings, 'training-cut-short:epochs')!;
    assert.ok(f, JSON.stringify(r.findings.map((x) => x.id)));
    assert.match(f.message, /single epoch of only 4 steps/);
    assert.equal(lineOf(applyFix(BARE_SRC, f.fix), 12), '  await model.fit(x, y, { epochs: 100 });');
  });

  it('no finding when epochs was chosen, fit is called again, the loss settled, or training did not end', () => {
    const falling = decaying(40, 1.1, 0.3, 0.02, 0.01);
    const ids = (b: TraceBuilder) => run(b.events, sources(OPTIONS_SRC)).findings.map((f) => f.id);
    assert.deepEqual(ids(oneEpoch(falling, { epochsSet: true })), []);
    assert.deepEqual(ids(oneEpoch(falling, { fits: 2 })), []);
    assert.deepEqual(ids(oneEpoch(falling, { ended: false })), []);
    assert.deepEqual(ids(oneEpoch([...decaying(20, 1.1, 0.2, 0.3), ...flat(60, 0.2, 0.02)])), []);
  });
});

describe('models trained against each other (a GAN)', () => {
  // Each loss first falls, then climbs back as the other model catches up: the game, not divergence.
  const game = (seed: number) => [...decaying(40, 0.69, 0.5, 0.1, 0.02, seed), ...Array.from({ length: 260 }, (_, i) => 0.5 + 0.4 * (i / 260) * (1 + 0.03 * Math.sin(i + seed)))];
  function gan(paired: boolean) {
    const models = [1, 2].map((id) => new TraceBuilder(id).model(classifierModel({ mode: 'custom', loss: 'binaryCrossentropy' }, 'sigmoid', 1)).xRange(-1, 1).yBinary(0.5));
    const starts = models.map((b) => b.events.length);
    const losses = [game(1), game(2)];
    for (let i = 0; i < 300; i++) models.forEach((b, k) => b.step(losses[k]![i]!, { epoch: null }));
    const steps = models.map((b, k) => b.events.slice(starts[k]));
    const events = [...models[0]!.events.slice(0, starts[0]), ...models[1]!.events.slice(0, starts[1])];
    if (paired) events.push({ type: 'trainedAgainst', modelId: 2, otherId: 1, variables: 4, elapsedMs: 1 });
    for (let i = 0; i < 300; i++) events.push(steps[0]![i]!, steps[1]![i]!);
    return events;
  }

  it('a rising loss of either model is no finding once the probe saw them trained against each other', () => {
    assert.ok(run(gan(false)).findings.some((f) => f.symptom === 'loss-diverging'), 'unpaired, the same losses read as divergence');
    assert.deepEqual(run(gan(true)).findings.map((f) => f.id), []);
  });
});

describe('batches so large that fit makes a handful of updates', () => {
  const SRC = withLine(CLASSIFIER_SRC, 12, '  await model.fit(x, y, { epochs: 20, batchSize: 1000 });');
  const fullBatch = (losses: number[], batchSize = 1000, rows = 1000) => {
    const b = new TraceBuilder().model(classifierModel({ epochs: losses.length, epochsSet: true, batchSize })).xRange(-1, 1, rows).yOneHot(3, rows);
    losses.forEach((l) => b.step(l));
    return run(b.end().events, sources(SRC)).findings;
  };

  it('20 steps that leave the loss near knowing nothing: an error on fit, with a fix that trains on batches of 32', () => {
    const [f] = fullBatch(decaying(20, 1.1, 1.05, 0.3));
    assert.deepEqual([f?.id, f?.rootCause, f?.confirmed, f?.location?.line], ['training-cut-short:batches', 'batch-size', true, 12]);
    assert.match(f!.message, /^fit made only 20 weight updates in all, .* batchSize 1000 takes the whole training set in one batch, so each of the 20 epochs is a single step/);
    assert.equal(lineOf(applyFix(SRC, f!.fix), 12), '  await model.fit(x, y, { epochs: 20, batchSize: 32 });');
  });

  it('no finding when those few steps trained the model, the batches are ordinary, or a few dozen rows are trained whole', () => {
    assert.deepEqual(fullBatch(decaying(20, 1.1, 0.2, 0.3)), []);
    assert.deepEqual(fullBatch(decaying(20, 1.1, 1.05, 0.3), 64, 64).filter((f) => f.rootCause === 'batch-size'), []);
    assert.deepEqual(fullBatch(decaying(20, 1.1, 1.05, 0.3), 32).filter((f) => f.id === 'training-cut-short:batches'), []);
  });
});

describe('a learning rate a script line kept far below the one the optimizer was made with', () => {
  const SRC = withLine(CLASSIFIER_SRC, 13, '    model.optimizer.learningRate = 0.01 * Math.min(1, (epoch + 1) / 1000);');
  const warmup = (ramp: (i: number) => number, losses: number[]) => {
    const b = new TraceBuilder().model(classifierModel({ optimizer: { className: 'Adam', learningRate: 0.01, line: 10 } })).xRange(-1, 1).yOneHot(3);
    losses.forEach((l, i) => b.step(l, { acc: 0.4, learningRate: ramp(i), learningRateLine: 13 }));
    return run(b.end().events, sources(SRC)).findings;
  };

  it('a warm-up counted in the wrong unit: every step under a tenth of the rate, the run ending near knowing nothing: an error on the line that set it', () => {
    const [f] = warmup((i) => 1e-5 * (1 + Math.floor(i / 32)), flat(300, 1.05, 0.01));
    assert.deepEqual([f?.id, f?.rootCause, f?.confirmed, f?.location?.line], ['learning-rate-held-low:optimizer', 'learning-rate', true, 13]);
    assert.match(f!.message, /^The optimizer was made with learning rate 0.01, but this line set it lower and every one of the 300 steps ran at 1.00e-5 to 1.00e-4, never within a tenth of 0.01/);
  });

  it('no finding when the warm-up reaches the rate, or the slow run learned anyway', () => {
    assert.equal(warmup((i) => 0.01 * Math.min(1, (1 + Math.floor(i / 32)) / 5), flat(300, 1.05, 0.01)).find((f) => f.symptom === 'learning-rate-held-low'), undefined);
    assert.equal(warmup(() => 1e-4, decaying(300, 1.1, 0.2, 0.03)).find((f) => f.symptom === 'learning-rate-held-low'), undefined);
  });
});

describe('a loss that leaves out some targets', () => {
  const MASKED_SRC = [
    "const tf = require('@tensorflow/tfjs');",
    '',
    'function maskedBce(yTrue, yPred) {',
    '  return tf.tidy(() => {',
    '    const mask = yTrue.greater(0).toFloat();',
    '    const p = yPred.clipByValue(1e-7, 1 - 1e-7);',
    '    const bce = yTrue.mul(p.log()).add(tf.scalar(1).sub(yTrue).mul(tf.scalar(1).sub(p).log())).neg();',
    '    return bce.mul(mask).sum().div(mask.sum().add(1e-6));',
    '  });',
    '}',
    '  const model = tf.sequential();',
    "  model.add(tf.layers.dense({ units: 16, inputShape: [16], activation: 'relu' }));",
    "  model.add(tf.layers.dense({ units: 6, activation: 'sigmoid' }));",
    '  model.compile({ optimizer: tf.train.adam(0.005), loss: maskedBce });',
    '  await model.fit(xs, ys, { epochs: 25, batchSize: 64 });',
  ].join('\n');

  /** Six labels per row, coded 1, 0, or -1 when missing; every output pinned at `pinned` once the loss is near 0. */
  function masked(counts: [number, number, number], pinned: number): TraceBuilder {
    const b = new TraceBuilder()
      .model({ layers: [dense(16, 'relu', 12), dense(6, 'sigmoid', 13)], loss: 'maskedBce', optimizer: { className: 'Adam', learningRate: 0.005, line: 14 }, compileLine: 14, fitLine: 15, epochs: 25, batchSize: 64, inputDim: 16 })
      .xRange(-3, 3, 2000, 16);
    const [missing, zeros, ones] = counts;
    const n = missing + zeros + ones;
    b.data('y', { shape: [2000, 6], dtype: 'float32', count: n, min: -1, max: 1, mean: (ones - missing) / n, std: 0.7, nanCount: 0, infCount: 0, distinct: [-1, 0, 1], distinctCounts: [missing, zeros, ones], oneHotRows: false }, 15);
    b.events.push({ type: 'lossComputed', modelId: b.modelId, site: site(8, 32) });
    decaying(200, 0.3, 1e-5, 0.05).forEach((l, i) => b.step(l, { layers: i % 10 === 0 ? [{}, { out: { min: pinned - 0.004, max: pinned, mean: pinned - 0.001, std: 0.001, saturated: 1 } }] : undefined }));
    return b.end();
  }

  it('a loss near 0 while every sigmoid output is 1 and most observed targets are 0: on the loss, fixed by a mask that keeps the targets at 0', () => {
    const r = run(masked([3600, 5760, 2640], 1).events, { [FILE]: MASKED_SRC });
    const f = r.findings.find((x) => x.symptom === 'loss-blind-to-targets');
    assert.ok(f, r.findings.map((x) => x.id).join(', '));
    assert.equal(f.rootCause, 'loss-function');
    assert.equal(f.location?.line, 8);
    assert.match(f.message, /every output is 1 and 69% of the targets are 0/);
    assert.equal(lineOf(applyFix(MASKED_SRC, f.fix), 5), '    const mask = yTrue.greaterEqual(0).toFloat();');
  });

  it('outputs at 1 where nearly every observed target is 1 is a loss that learned them: no finding', () => {
    const r = run(masked([3600, 200, 8200], 1).events, { [FILE]: MASKED_SRC });
    assert.equal(r.findings.find((x) => x.symptom === 'loss-blind-to-targets'), undefined);
  });
});
