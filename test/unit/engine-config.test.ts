/** Configuration checks: warnings before training, never a faulty verdict on their own. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../src/analysis/findings';
import { applyFix, byId, CLASSIFIER_SRC, classifierModel, lineOf, sources, withLine } from './fixtures';
import type { LossCallEvent, TensorSummary, TraceEvent, UnusedLayer } from '../../src/analysis/trace';
import { act, decaying, dense, dropout, flat, type LayerSpec, run, site, summary, TraceBuilder } from './trace-builder';

function configOnly(b: TraceBuilder, src?: string): { findings: Finding[]; verdict: string; confirmed: boolean } {
  const r = run(b.events, src ? sources(src) : undefined, { finish: false });
  return { findings: r.findings, verdict: r.report.verdict, confirmed: r.engine.hasConfirmedFault() };
}

describe('output activation vs loss vs targets', () => {
  it('a well-configured classifier has no finding', () => {
    const r = configOnly(new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3));
    assert.deepEqual(r.findings, []);
  });

  it('relu output with categorical cross-entropy: a warning, not a fault', () => {
    const src = withLine(CLASSIFIER_SRC, 9, "  model.add(tf.layers.activation({ activation: 'relu' }));");
    const r = configOnly(new TraceBuilder().model(classifierModel({}, 'relu')).xRange(-1, 1).yOneHot(3), src);
    const f = r.findings[0]!;
    assert.equal(f.id, 'activation-loss-mismatch:activation_3');
    assert.equal(f.confirmed, false);
    assert.equal(f.severity, 'warning');
    assert.equal(f.iteration, null);
    assert.equal(f.rootCause, 'output-activation');
    assert.equal(f.location?.line, 9);
    assert.equal(r.confirmed, false);
    assert.equal(r.verdict, 'inconclusive');
    assert.equal(lineOf(applyFix(src, f.fix), 9), "  model.add(tf.layers.activation({ activation: 'softmax' }));");
    assert.equal(f.relevance[0]!.layer.name, 'activation_3');
    assert.equal(f.relevance.length, 3, 'every layer ranked');
  });

  it('a linear Dense output with binary cross-entropy gets the option inserted', () => {
    const src = withLine(CLASSIFIER_SRC, 8, '  model.add(tf.layers.dense({ units: 1 }));');
    const b = new TraceBuilder().model({ ...classifierModel(), layers: [dense(16, 'relu', 7), dense(1, 'linear', 8)], loss: 'binaryCrossentropy' }).xRange(-1, 1).yBinary(0.3);
    const f = configOnly(b, src).findings[0]!;
    assert.equal(f.id, 'activation-loss-mismatch:dense_2');
    assert.equal(lineOf(applyFix(src, f.fix), 8), "  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));");
  });

  it('sigmoid with categorical cross-entropy on single-label classes: use softmax', () => {
    const src = withLine(CLASSIFIER_SRC, 9, "  model.add(tf.layers.activation({ activation: 'sigmoid' }));");
    const f = configOnly(new TraceBuilder().model(classifierModel({}, 'sigmoid')).xRange(-1, 1).yOneHot(3), src).findings[0]!;
    assert.equal(f.rootCause, 'output-activation');
    assert.match(f.message, /softmax/);
    assert.equal(lineOf(applyFix(src, f.fix), 9), "  model.add(tf.layers.activation({ activation: 'softmax' }));");
  });

  it('softmax over several units with binary cross-entropy on one-hot labels is accepted', () => {
    const r = configOnly(new TraceBuilder().model(classifierModel({ loss: 'binaryCrossentropy' }, 'softmax', 2)).xRange(-1, 1).yOneHot(2));
    assert.deepEqual(r.findings, []);
  });

  it('softmax over 5 classes with binary cross-entropy and the accuracy metric: a warning on compile that learning keeps, fixed by categorical cross-entropy', () => {
    const src = withLine(CLASSIFIER_SRC, 11, "  model.compile({ optimizer, loss: 'binaryCrossentropy', metrics: ['accuracy'] });");
    const b = new TraceBuilder().model(classifierModel({ loss: 'binaryCrossentropy' }, 'softmax', 5)).xRange(-1, 1).yOneHot(5);
    const warned = configOnly(b, src).findings;
    assert.deepEqual(warned.map((f) => `${f.id}:${f.rootCause}:${f.location?.line}`), ['activation-loss-mismatch:loss:loss-function:11']);
    assert.match(warned[0]!.message, /the 'accuracy' metric becomes per-column binary accuracy: 0\.8 for predicting all zeros/);
    assert.equal(lineOf(applyFix(src, warned[0]!.fix), 11), "  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });");
    decaying(300, 0.5, 0.2, 0.02, 0.01).forEach((l, i) => b.step(l, { acc: Math.min(0.93, 0.8 + i / 1000) }));
    const r = run(b.events, sources(src));
    assert.deepEqual(r.findings.map((f) => `${f.id}:${f.confirmed}`), ['activation-loss-mismatch:loss:false'], 'kept while the model learns');
  });

  it('softmax with binary cross-entropy and no accuracy metric reports nothing misleading: no finding', () => {
    const b = new TraceBuilder().model(classifierModel({ loss: 'binaryCrossentropy' }, 'softmax', 5)).xRange(-1, 1).yOneHot(5);
    (b.modelEvent as { metrics: string[] }).metrics = [];
    assert.deepEqual(configOnly(b).findings, []);
  });

  it('sigmoid with binary cross-entropy on 69 single-label classes: softmax and categorical cross-entropy together', () => {
    const src = withLine(withLine(CLASSIFIER_SRC, 9, "  model.add(tf.layers.activation({ activation: 'sigmoid' }));"), 11, "  model.compile({ optimizer, loss: 'binaryCrossentropy', metrics: ['accuracy'] });");
    const b = new TraceBuilder().model(classifierModel({ loss: 'binaryCrossentropy' }, 'sigmoid', 69)).xRange(-1, 1).yOneHot(69);
    const f = configOnly(b, src).findings[0]!;
    assert.equal(f.symptom, 'activation-loss-mismatch');
    assert.equal(f.fix?.edits.length, 2);
    const out = applyFix(src, f.fix);
    assert.equal(lineOf(out, 9), "  model.add(tf.layers.activation({ activation: 'softmax' }));");
    assert.equal(lineOf(out, 11), "  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });");
    // Training then shows binary accuracy stuck at 1 - 1/69: confirmed.
    flat(200, 0.0756, 0.01).forEach(() => b.step(0.0756, { acc: 0.9855 }));
    const r = run(b.events, sources(src));
    assert.equal(r.findings[0]!.confirmed, true);
    assert.deepEqual(r.findings[0]!.observed, ['loss-not-decreasing', 'accuracy-not-increasing']);
    assert.match(r.findings[0]!.message, /Training confirms it: the loss stopped decreasing and the accuracy stopped rising\.$/);
  });

  it('MSE on softmax probabilities is only a weak signal: no warning before training', () => {
    const r = configOnly(new TraceBuilder().model(classifierModel({ loss: 'meanSquaredError' })).xRange(-1, 1).yOneHot(3));
    assert.deepEqual(r.findings, []);
  });

  it('softmax on multi-label targets: sigmoid with binary cross-entropy', () => {
    const src = withLine(CLASSIFIER_SRC, 11, "  model.compile({ optimizer, loss: 'meanSquaredError', metrics: ['accuracy'] });");
    const y = [1, 0, 1, 0, 1, 1, 0, 0, 0, 1, 1, 1];
    const b = new TraceBuilder().model(classifierModel({ loss: 'meanSquaredError' })).xRange(0, 1).data('y', summary(y, [4, 3]));
    const f = configOnly(b, src).findings[0]!;
    assert.equal(f.rootCause, 'output-activation');
    assert.match(f.message, /multi-label/);
    const out = applyFix(src, f.fix);
    assert.equal(lineOf(out, 9), "  model.add(tf.layers.activation({ activation: 'sigmoid' }));");
    assert.equal(lineOf(out, 11), "  model.compile({ optimizer, loss: 'binaryCrossentropy', metrics: ['accuracy'] });");
    assert.equal(f.alternatives.length, 1);
  });

  it('tanh regression output with targets beyond [-1, 1]', () => {
    const b = new TraceBuilder()
      .model({ layers: [dense(4, 'relu', 7), dense(1, 'tanh', 8)], loss: 'meanSquaredError', compileLine: 11, fitLine: 12 })
      .xRange(-1, 2)
      .yContinuous(-1.05, 2.71);
    const f = configOnly(b).findings[0]!;
    assert.equal(f.id, 'output-out-of-range:dense_2');
    assert.match(f.message, /applies tanh, whose outputs stay in \[-1, 1\], but the targets range from -1.05 to 2.71/);
  });

  it('binaryCrossentropy on exam scores from 4 to 100: certain, on compile, fixed with meanSquaredError (and a linear output)', () => {
    const bce = withLine(CLASSIFIER_SRC, 11, "  model.compile({ optimizer, loss: 'binaryCrossentropy' });");
    for (const act of ['linear', 'sigmoid'] as const) {
      const src = withLine(withLine(bce, 8, act === 'linear' ? '  model.add(tf.layers.dense({ units: 1 }));' : "  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));"), 9, '');
      const b = new TraceBuilder()
        .model({ layers: [dense(16, 'relu', 7), dense(1, act, 8)], loss: 'binaryCrossentropy', compileLine: 11, fitLine: 12 })
        .xRange(-1, 1)
        .yContinuous(4.06, 100, 800, 20);
      const r = configOnly(b, src);
      const f = r.findings[0]!;
      assert.equal(f.id, 'classification-loss-on-values:dense_2', JSON.stringify(r.findings.map((x) => x.id)));
      assert.equal(f.confirmed, true, 'certain before training shows anything');
      assert.equal(f.rootCause, 'loss-function');
      assert.equal(f.location?.line, 11);
      assert.match(f.message, /the targets are values from 4\.06 to 100 \(more than 32 distinct\)/);
      const out = applyFix(src, f.fix);
      assert.equal(lineOf(out, 11), "  model.compile({ optimizer, loss: 'meanSquaredError' });");
      assert.equal(lineOf(out, 8), act === 'linear' ? '  model.add(tf.layers.dense({ units: 1 }));' : "  model.add(tf.layers.dense({ units: 1, activation: 'linear' }));");
      assert.equal(r.findings.filter((x) => x.symptom === 'activation-loss-mismatch').length, 0, 'no sigmoid fix for values');
    }
    // Class indices 0..9 with the same loss stay a label-encoding finding on the targets.
    const y = Array.from({ length: 30 }, (_, i) => i % 10);
    const b = new TraceBuilder().model({ layers: [dense(16, 'relu', 7), dense(1, 'sigmoid', 8)], loss: 'binaryCrossentropy', compileLine: 11, fitLine: 12 }).xRange(-1, 1).data('y', summary(y, [30, 1]));
    assert.equal(configOnly(b, bce).findings[0]!.symptom, 'label-encoding-mismatch');
  });

  it('dropout after the softmax output: certain, on the dropout, fixed by moving it before the output layer', () => {
    const src = withLine(withLine(CLASSIFIER_SRC, 8, "  model.add(tf.layers.dense({ units: 3, activation: 'softmax' }));"), 9, '  model.add(tf.layers.dropout({ rate: 0.5 }));');
    const model = (layers: LayerSpec[]) => new TraceBuilder().model({ layers, loss: 'categoricalCrossentropy', compileLine: 11, fitLine: 12 }).xRange(-1, 1).yOneHot(3);
    const f = configOnly(model([dense(16, 'relu', 7), dense(3, 'softmax', 8), { ...dropout(9), config: { rate: 0.5 } }]), src).findings[0]!;
    assert.equal(f.id, 'dropout-after-output:dropout_3');
    assert.equal(f.confirmed, true);
    assert.equal(f.rootCause, 'architecture');
    assert.equal(f.location?.line, 9);
    assert.match(f.message, /zeroes 50% of the predictions and scales the rest up 2-fold: the softmax probabilities leave \[0, 1\]/);
    const out = applyFix(src, f.fix);
    assert.equal(lineOf(out, 8), '  model.add(tf.layers.dropout({ rate: 0.5 }));');
    assert.equal(lineOf(out, 9), "  model.add(tf.layers.dense({ units: 3, activation: 'softmax' }));");
    // Dropout before the output layer is where it belongs.
    const before = configOnly(model([dense(16, 'relu', 7), { ...dropout(8), config: { rate: 0.5 } }, dense(3, 'softmax', 9)]), src);
    assert.equal(before.findings.find((x) => x.symptom === 'dropout-after-output'), undefined);
  });

  it('regression targets in the hundreds of millions', () => {
    const src = "const tf = require('@tensorflow/tfjs');\n\n\n\n\n\n\n\n\n\n\n  await model.fit(xs, ys, { epochs: 5 });";
    const b = new TraceBuilder()
      .model({ layers: [dense(50, 'relu', 7), dense(1, 'linear', 8)], loss: 'meanSquaredError', compileLine: 11, fitLine: 12 })
      .xRange(-1, 1)
      .yContinuous(0, 1e8, 400, 2.7e7);
    const f = byId(configOnly(b, src).findings, 'unscaled-input:y')!;
    assert.equal(lineOf(applyFix(src, f.fix), 12), '  await model.fit(xs, ys.div(1e8), { epochs: 5 });');
  });
});

describe('regression targets in the thousands, training', () => {
  const model = () =>
    new TraceBuilder()
      .model({ layers: [dense(32, 'relu', 7), dense(1, 'linear', 8)], loss: 'meanSquaredError', compileLine: 11, fitLine: 12, optimizer: { className: 'SGD', learningRate: 0.01, line: 10 } })
      .xRange(-1, 1)
      .yContinuous(1e5, 1e6, 1000, 2e5);

  it('NaN at an ordinary learning rate is blamed on the targets, not the learning rate', () => {
    const b = model();
    b.step(4e11);
    // The first update blew the weights up: the next step reads them non-finite.
    b.step(null, { layers: [{ out: { nan: 320 }, weights: [{ nanCount: 96 }] }, { out: { nan: 32 }, weights: [{ nanCount: 32 }] }], gradNorm: null, gradNonFinite: true });
    const f = run(b.events).findings.find((x) => x.confirmed)!;
    assert.deepEqual([f.id, f.rootCause], ['unscaled-input:y', 'input-normalization']);
  });

  it('an output stuck at a constant once the first updates killed the ReLUs is blamed on the targets', () => {
    const b = model();
    for (let i = 0; i < 60; i++) b.step(3.7e10, { layers: i % 10 === 0 ? [{ out: { dead: 1, std: 0 }, weights: [{ norm: 3 }] }, { out: { constant: 1, std: 0, mean: 0.2 }, weights: [{ norm: 1 }] }] : undefined });
    const f = run(b.events).findings.find((x) => x.confirmed)!;
    assert.deepEqual([f.id, f.rootCause], ['unscaled-input:y', 'input-normalization']);
  });
});

describe('label encoding', () => {
  it('sparse categorical cross-entropy with one-hot labels: switch the loss; a crash confirms it', () => {
    const src = withLine(CLASSIFIER_SRC, 11, "  model.compile({ optimizer, loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });");
    const b = new TraceBuilder().model(classifierModel({ loss: 'sparseCategoricalCrossentropy' })).xRange(-1, 1).yOneHot(3);
    const f = configOnly(b, src).findings[0]!;
    assert.equal(f.id, 'label-encoding-mismatch:y');
    assert.equal(f.rootCause, 'label-encoding');
    assert.equal(f.location?.line, 11);
    assert.equal(lineOf(applyFix(src, f.fix), 11), "  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });");
    b.crash('Error when checking target: expected activation_3 to have shape [,1] but got array with shape [1000,3].');
    const r = run(b.events, sources(src));
    assert.equal(r.findings[0]!.confirmed, true);
    assert.equal(r.report.verdict, 'faulty');
  });

  it('categorical cross-entropy with class-index labels: use the sparse loss', () => {
    const src = CLASSIFIER_SRC;
    const y = Array.from({ length: 30 }, (_, i) => i % 3);
    const f = configOnly(new TraceBuilder().model(classifierModel()).xRange(-1, 1).data('y', summary(y, [30, 1])), src).findings[0]!;
    assert.equal(f.id, 'label-encoding-mismatch:y');
    assert.equal(lineOf(applyFix(src, f.fix), 11), "  model.compile({ optimizer, loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });");
    assert.equal(f.alternatives.length, 1);
    assert.equal(lineOf(applyFix(src, f.alternatives[0]), 5), '  const y = tf.oneHot(tf.tensor2d(yData, [n, 3]).flatten().toInt(), 3);');
    assert.equal(f.alternatives[0]!.preferred, false);
    assert.equal(f.fix!.preferred, true);
  });

  it('class indices divided by 255 like pixels: multiply them back (rounded) where the targets are built', () => {
    const src = withLine(withLine(CLASSIFIER_SRC, 12, '  await model.fit(x, y, { epochs: 10 });'), 5, '  const y = tf.tensor2d(labels.map((v) => v / 255), [n, 1]);');
    const y = Array.from({ length: 30 }, (_, i) => Math.fround((i % 3) / 255));
    const b = new TraceBuilder().model({ ...classifierModel({ loss: 'sparseCategoricalCrossentropy', fitLine: 12 }) }).xRange(-1, 1).data('y', summary(y, [30, 1]), 12);
    const f = configOnly(b, src).findings.find((x) => x.id === 'label-encoding-mismatch:y')!;
    assert.match(f.message, /every label becomes class 0/);
    assert.equal(f.fix?.title, 'Multiply the targets by 255 to restore integer class indices');
    assert.equal(lineOf(applyFix(src, f.fix), 5), '  const y = tf.tensor2d(labels.map((v) => v / 255), [n, 1]).mul(255).round();');
  });

  it('sparse labels numbered from 1: an error, renumbered where the targets are built; learning the other classes does not withdraw it', () => {
    const src = withLine(withLine(CLASSIFIER_SRC, 12, '  await model.fit(x, y, { epochs: 10 });'), 5, "  const y = tf.tensor1d(labels, 'int32');");
    const y = Array.from({ length: 30 }, (_, i) => 1 + (i % 3));
    const b = new TraceBuilder().model({ ...classifierModel({ loss: 'sparseCategoricalCrossentropy', fitLine: 12 }) }).xRange(-1, 1).data('y', summary(y, [30]), 12);
    decaying(300, 1.1, 0.45, 0.03, 0.01).forEach((l, i) => b.step(l, { acc: Math.min(0.66, 0.4 + i / 300) }));
    const r = run(b.events, sources(src));
    assert.deepEqual(r.findings.map((x) => `${x.id}:${x.confirmed}`), ['label-encoding-mismatch:y:true']);
    const f = r.findings[0]!;
    assert.match(f.message, /The class indices run from 1 to 3, but activation_3's 3 units stand for classes 0 to 2: the labels are numbered from 1/);
    assert.equal(lineOf(applyFix(src, f.fix), 5), "  const y = tf.tensor1d(labels, 'int32').sub(1);");
  });

  it('a class count taken as the largest label: certain, shown where the count is computed, fixed with + 1 (or the units written out)', () => {
    const base = withLine(withLine(withLine(CLASSIFIER_SRC, 12, '  await model.fit(x, y, { epochs: 10 });'), 5, "  const y = tf.tensor1d(labels, 'int32');"), 11, "  model.compile({ optimizer, loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });");
    const y = Array.from({ length: 40 }, (_, i) => i % 4);
    const model = () => new TraceBuilder().model({ layers: [dense(16, 'relu', 7), dense(3, 'softmax', 8)], loss: 'sparseCategoricalCrossentropy', compileLine: 11, fitLine: 12 }).xRange(-1, 1).data('y', summary(y, [40]), 12);
    // The other classes learn: that withdraws nothing.
    const trained = (src: string) => {
      const b = model();
      decaying(300, 1.1, 0.1, 0.03, 0.01).forEach((l, i) => b.step(l, { acc: Math.min(0.75, 0.4 + i / 300) }));
      return run(b.events, sources(src));
    };
    const counted = withLine(withLine(base, 6, '  const numClasses = Math.max(...labels);'), 8, "  model.add(tf.layers.dense({ units: numClasses, activation: 'softmax' }));");
    const f = trained(counted).findings[0]!;
    assert.deepEqual([f.id, f.confirmed, f.location?.line], ['label-encoding-mismatch:y', true, 6]);
    assert.match(f.message, /Class indices go up to 3, but dense_2 has only 3 units \(one per class\): sparseCategoricalCrossentropy turns each index past 2 into a row of all 0s, which adds no loss, so class 3 is never learned/);
    assert.equal(lineOf(applyFix(counted, f.fix), 6), '  const numClasses = Math.max(...labels) + 1;');
    // Units written as a number: on the layer, with the units fixed.
    const written = withLine(base, 8, "  model.add(tf.layers.dense({ units: 3, activation: 'softmax' }));");
    const g = trained(written).findings[0]!;
    assert.deepEqual([g.id, g.confirmed, g.location?.line], ['label-encoding-mismatch:y', true, 8]);
    assert.equal(lineOf(applyFix(written, g.fix), 8), "  model.add(tf.layers.dense({ units: 4, activation: 'softmax' }));");
  });

  it('sparse labels with more than 32 classes are not mistaken for non-integers', () => {
    const b = new TraceBuilder()
      .model({ ...classifierModel({}, 'softmax', 69), loss: 'sparseCategoricalCrossentropy' })
      .xRange(-1, 1)
      .data('y', { shape: [2000, 1], dtype: 'float32', count: 2000, min: 0, max: 68, mean: 34, std: 20, nanCount: 0, infCount: 0, distinct: null, oneHotRows: false });
    assert.deepEqual(configOnly(b).findings, []);
  });

  it('binary cross-entropy with targets outside [0, 1]', () => {
    const y = Array.from({ length: 20 }, (_, i) => i % 5);
    const f = configOnly(new TraceBuilder().model({ ...classifierModel({ loss: 'binaryCrossentropy' }, 'sigmoid', 1) }).xRange(-1, 1).data('y', summary(y, [20, 1]))).findings[0]!;
    assert.equal(f.symptom, 'label-encoding-mismatch');
    assert.match(f.message, /sparseCategoricalCrossentropy/);
  });
});

describe('input scaling', () => {
  const IMG_SRC = withLine(CLASSIFIER_SRC, 12, '  await model.fit(images, labels, { epochs: 10, batchSize: 32 });');
  const images = (b: TraceBuilder) =>
    b.data('x', { shape: [500, 28, 28, 1], dtype: 'float32', count: 392000, min: 0, max: 255, mean: 33, std: 78, nanCount: 0, infCount: 0, distinct: null, oneHotRows: null });

  it('0..255 images: divide by 255 in the fit call when the tensor is built elsewhere', () => {
    const f = configOnly(images(new TraceBuilder().model(classifierModel())).yOneHot(3), IMG_SRC).findings[0]!;
    assert.equal(f.id, 'unscaled-input:x');
    assert.equal(f.rootCause, 'input-normalization');
    assert.equal(f.layer, null);
    assert.equal(f.location?.line, 12);
    assert.equal(lineOf(applyFix(IMG_SRC, f.fix), 12), '  await model.fit(images.div(255), labels, { epochs: 10, batchSize: 32 });');
    assert.ok(f.relevance[0]!.score >= 0.5 && f.relevance[0]!.layer.name === 'dense_1');
  });

  it('images divided by 255 twice (values up to 1/255): a warning on the inputs, with a fix that standardizes them; 0..1 images are fine', () => {
    const tiny = (max: number) =>
      configOnly(
        new TraceBuilder()
          .model(classifierModel())
          .data('x', { shape: [500, 28, 28, 1], dtype: 'float32', count: 392000, min: 0, max, mean: max / 8, std: max / 5, nanCount: 0, infCount: 0, distinct: null, oneHotRows: null })
          .yOneHot(3),
        IMG_SRC,
      ).findings;
    const [f] = tiny(1 / 255);
    assert.deepEqual([f?.id, f?.rootCause, f?.location?.line], ['unscaled-input:x', 'input-normalization', 12]);
    assert.match(f!.message, /^Inputs are scaled far too small: values range from 0 to 0\.00392/);
    assert.match(lineOf(applyFix(IMG_SRC, f!.fix), 12), /images\.sub\([\d.e-]+\)\.div\([\d.e-]+\)/);
    assert.deepEqual(tiny(1), []);
  });

  it('inputs whose rows are all the same (one array pushed again and again): a training-data warning kept while the model learns its mean', () => {
    const fs = configOnly(new TraceBuilder().model(classifierModel()).xRange(0, 1, 1000, 4, { identicalRows: true }).yOneHot(3)).findings;
    assert.deepEqual(fs.map((f) => [f.id, f.rootCause, f.severity]), [['identical-inputs:x', 'training-data', 'warning']]);
    assert.match(fs[0]!.message, /^Every one of the 1000 input rows is the same/);
    assert.deepEqual(configOnly(new TraceBuilder().model(classifierModel()).xRange(0, 1, 1000, 4, { identicalRows: false }).yOneHot(3)).findings, []);
  });

  it('inputs all 1 because raw values were squashed with tanh: an input-normalization warning on the tanh, fixed by standardizing its argument', () => {
    const src = withLine(CLASSIFIER_SRC, 4, '  const x = tf.tidy(() => tf.tanh(raw));');
    const b = new TraceBuilder().model(classifierModel()).xRange(1, 1, 1000, 4, { identicalRows: true }).yOneHot(3);
    (b.events.find((e) => e.type === 'data' && e.role === 'x') as { origin?: unknown }).origin = { site: site(4, 32), kernel: 'Tanh' };
    const f = configOnly(b, src).findings[0]!;
    assert.deepEqual([f.id, f.rootCause, f.location?.line], ['identical-inputs:x', 'input-normalization', 4]);
    assert.match(f.message, /the inputs were squashed with tanh, which maps every value more than a few units from 0 to its bound/);
    assert.match(lineOf(applyFix(src, f.fix), 4), /tf\.tanh\(tf\.tidy\(\(\) => \{ const t = raw; const \{ mean, variance \} = tf\.moments\(t, 0\);/);
  });

  it('non-negative sequences that are not pixels are divided by a round number just above their maximum, not 255', () => {
    const readings = new TraceBuilder()
      .model(classifierModel())
      .data('x', { shape: [300, 20, 1], dtype: 'float32', count: 6000, min: 0.05, max: 99.99, mean: 49.4, std: 28.6, nanCount: 0, infCount: 0, distinct: null, oneHotRows: null })
      .yOneHot(3);
    const f = configOnly(readings, IMG_SRC).findings[0]!;
    assert.equal(f.fix?.title, 'Scale the inputs to [0, 1]: pass x.div(100) to fit');
    assert.equal(lineOf(applyFix(IMG_SRC, f.fix), 12), '  await model.fit(images.div(100), labels, { epochs: 10, batchSize: 32 });');
  });

  it('points at the line that builds the tensor and scales it there', () => {
    const src = withLine(CLASSIFIER_SRC, 4, '  const x = tf.tensor4d(pixels, [n, 28, 28, 1]);');
    const f = configOnly(images(new TraceBuilder().model(classifierModel())).yOneHot(3), src).findings[0]!;
    assert.equal(f.location?.line, 4);
    assert.equal(f.related[0]?.site.line, 12);
    assert.equal(lineOf(applyFix(src, f.fix), 4), '  const x = tf.tensor4d(pixels, [n, 28, 28, 1]).div(255);');
    // Tabular inputs in mixed magnitudes: standardize each column where the tensor is built.
    const g = configOnly(new TraceBuilder().model(classifierModel()).xRange(0, 1300).yOneHot(3), CLASSIFIER_SRC).findings[0]!;
    assert.equal(g.location?.line, 4);
    assert.equal(
      lineOf(applyFix(CLASSIFIER_SRC, g.fix), 4),
      '  const x = tf.tidy(() => { const t = tf.tensor2d(xData, [n, 4]); const { mean, variance } = tf.moments(t, 0); return t.sub(mean).div(variance.sqrt().add(1e-7)); });',
    );
  });

  it('no warning when the first layer rescales or normalizes', () => {
    for (const first of [{ className: 'Rescaling', line: 6 }, { className: 'BatchNormalization', line: 6 }, { className: 'Embedding', line: 6 }] as LayerSpec[]) {
      const m = classifierModel();
      const b = images(new TraceBuilder().model({ ...m, layers: [first, ...m.layers] })).yOneHot(3);
      assert.deepEqual(configOnly(b).findings, [], first.className);
    }
  });

  it('inputs within ±10 are left alone', () => {
    assert.deepEqual(configOnly(new TraceBuilder().model(classifierModel()).xRange(-8, 9.5).yOneHot(3)).findings, []);
  });
});

describe('learning rate band', () => {
  const cases: Array<[string, number, boolean]> = [
    ['SGD', 5, true],
    ['SGD', 0.1, false],
    ['Adam', 0.1, true],
    ['Adam', 0.01, false],
    ['RMSProp', 0.2, true],
    ['Adam', 1e-8, true],
    ['MomentumOptimizer', 0.05, false],
    ['Adadelta', 1, true],
    ['Adadelta', 0.01, false],
  ];
  for (const [cls, lr, flagged] of cases) {
    it(`${cls} at ${lr} is ${flagged ? '' : 'not '}flagged`, () => {
      const b = new TraceBuilder().model(classifierModel({ optimizer: { className: cls, learningRate: lr, line: 10 } })).xRange(-1, 1).yOneHot(3);
      const f = byId(configOnly(b).findings, 'learning-rate-out-of-range:optimizer');
      assert.equal(Boolean(f), flagged);
      if (f) {
        assert.equal(f.location?.line, 10);
        assert.equal(f.confirmed, false);
      }
    });
  }

  it('classWeight that weights the common class up: certain, on the weights, fixed by swapping them', () => {
    const src = withLine(withLine(CLASSIFIER_SRC, 10, '  const classWeight = { 0: ratio, 1: 1 };'), 12, '  await model.fit(x, y, { epochs: 10, classWeight });');
    const model = (weights: string) => {
      const b = new TraceBuilder().model({ layers: [dense(16, 'relu', 7), dense(1, 'sigmoid', 8)], loss: 'binaryCrossentropy', compileLine: 11, fitLine: 12 }).xRange(-1, 1).yBinary(0.1);
      b.modelEvent!.fitConfig['classWeighted'] = true;
      b.modelEvent!.fitConfig['classWeights'] = weights;
      return b;
    };
    const f = byId(configOnly(model('{"0":8.3,"1":1}'), src).findings, 'class-weights-inverted:fit')!;
    assert.deepEqual([f.confirmed, f.rootCause, f.location?.line], [true, 'training-data', 10]);
    assert.match(f.message, /classWeight gives class 0, 90% of the targets, weight 8.3 and class 1, 10% of them, weight 1: the common class is weighted up, so in the loss it now outweighs the rare one 74.7 to 1 instead of 9 to 1/);
    assert.equal(lineOf(applyFix(src, f.fix), 10), '  const classWeight = { 0: 1, 1: ratio };');
    // Weighting the rare class up is what classWeight is for.
    assert.equal(byId(configOnly(model('{"0":1,"1":8.3}'), src).findings, 'class-weights-inverted:fit'), undefined);
  });

  it('class weights computed in one class order and keyed by another: shown where they are written, fixed with inverse-frequency weights', () => {
    let src = withLine(CLASSIFIER_SRC, 9, '  const classWeight = {};');
    src = withLine(src, 10, '  Object.values(counts).forEach((c, i) => { classWeight[i] = total / (3 * c); });');
    src = withLine(src, 12, '  await model.fit(x, y, { epochs: 10, classWeight });');
    const b = new TraceBuilder().model({ layers: [dense(16, 'relu', 7), dense(3, 'softmax', 8)], loss: 'categoricalCrossentropy', compileLine: 11, fitLine: 12 }).xRange(-1, 1).yOneHot(3, 1000, [0.05, 0.84, 0.11]);
    b.modelEvent!.fitConfig['classWeighted'] = true;
    b.modelEvent!.fitConfig['classWeights'] = '{"0":0.4,"1":3.2,"2":6.3}';
    const f = byId(configOnly(b, src).findings, 'class-weights-inverted:fit')!;
    assert.deepEqual([f.confirmed, f.location?.line], [true, 10]);
    assert.match(f.message, /the rarer a class, the larger its weight should be/);
    assert.equal(lineOf(applyFix(src, f.fix), 12), '  await model.fit(x, y, { epochs: 10, classWeight: { 0: 6.67, 1: 0.397, 2: 3.03 } });');
  });

  it("Adam's epsilon at 1: a warning on the optimizer, confirmed by a run that ends near the no-skill loss, fixed with the default epsilon", () => {
    const src = withLine(CLASSIFIER_SRC, 10, '  const optimizer = tf.train.adam(0.001, 0.9, 0.999, 1.0);');
    const model = (epsilon: number) => new TraceBuilder().model(classifierModel({ optimizer: { className: 'Adam', learningRate: 0.001, line: 10, settings: { learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon } } })).xRange(-1, 1).yOneHot(3);
    const f = byId(configOnly(model(1), src).findings, 'optimizer-epsilon-large:optimizer')!;
    assert.deepEqual([f.confirmed, f.rootCause, f.location?.line], [false, 'optimizer', 10]);
    assert.match(f.message, /Adam's epsilon is 1 \(tfjs's default is 1e-7\)/);
    assert.equal(lineOf(applyFix(src, f.fix), 10), '  const optimizer = tf.train.adam(0.001, 0.9, 0.999, 1e-7);');
    // The whole run crawls: ending near the no-skill loss confirms it.
    const b = model(1);
    flat(200, 1.08, 0.01).forEach((l) => b.step(l, { acc: 0.36 }));
    const g = byId(run(b.events, sources(src)).findings, 'optimizer-epsilon-large:optimizer')!;
    assert.equal(g.confirmed, true);
    // A small epsilon is no finding.
    assert.equal(byId(configOnly(model(1e-7), src).findings, 'optimizer-epsilon-large:optimizer'), undefined);
  });

  it("'adadelta' by name is plain SGD at 1 in tfjs: lower its learning rate, with the reason", () => {
    const src = withLine(CLASSIFIER_SRC, 11, "  model.compile({ optimizer: 'adadelta', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });");
    const b = new TraceBuilder().model(classifierModel({ optimizer: { className: 'Adadelta', learningRate: 1, line: null } })).xRange(-1, 1).yOneHot(3);
    const f = byId(configOnly(b, src).findings, 'learning-rate-out-of-range:optimizer')!;
    assert.equal(f.location?.line, 11, 'compile line when the optimizer is a name');
    assert.match(f.message, /every update is learningRate × gradient/);
    assert.equal(lineOf(applyFix(src, f.fix), 11), "  model.compile({ optimizer: tf.train.adadelta(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });");
  });
});

describe('missing hidden activation', () => {
  it('stays hidden until a stall, then explains it with the linear layer', () => {
    const src = withLine(CLASSIFIER_SRC, 7, "  model.add(tf.layers.dense({ units: 16, inputShape: [4] }));");
    const b = new TraceBuilder().model({ ...classifierModel(), layers: [dense(16, 'linear', 7), dense(3, 'linear', 8), act('softmax', 9)] }).xRange(-1, 1).yOneHot(3);
    assert.deepEqual(configOnly(b).findings, []);
    flat(400, 1.0986, 0.01).forEach(() => b.step(1.0986, { acc: 0.33 }));
    const r = run(b.events, sources(src));
    const f = byId(r.findings, 'loss-not-decreasing:loss')!;
    assert.equal(f.rootCause, 'hidden-activation');
    assert.equal(f.layer?.name, 'dense_1');
    assert.equal(f.location?.line, 7);
    assert.equal(lineOf(applyFix(src, f.fix), 7), "  model.add(tf.layers.dense({ units: 16, inputShape: [4], activation: 'relu' }));");
  });
});

describe('recompiling', () => {
  it('a fixed configuration replaces the open warning', () => {
    const b = new TraceBuilder().model(classifierModel({}, 'relu')).xRange(-1, 1).yOneHot(3);
    const bad = configOnly(b).findings;
    assert.equal(bad.length, 1);
    b.model(classifierModel());
    assert.deepEqual(configOnly(b).findings, []);
  });
});

describe('an activation applied twice by a cross-entropy on logits', () => {
  const CUSTOM_SRC = withLine(CLASSIFIER_SRC, 12, '  for (let i = 0; i < 200; i++) optimizer.minimize(() => tf.losses.softmaxCrossEntropy(y, model.predict(x)));');
  function custom(outAct: string, call: Partial<LossCallEvent>): TraceBuilder {
    const b = new TraceBuilder().model(classifierModel({ mode: 'custom', compileLine: undefined, fitLine: undefined, loss: [] }, outAct)).xRange(-1, 1).yOneHot(3);
    b.events.push({ type: 'lossCall', modelId: b.modelId, fn: 'softmaxCrossEntropy', site: site(12, 65), probabilities: true, swapped: false, classes: 3, positiveRate: 1 / 3, labelSmoothing: 0, reduction: null, ...call });
    return b;
  }

  it('softmax outputs fed to softmaxCrossEntropy: certain on the softmax with its loss floor, though accuracy rises', () => {
    const b = custom('softmax', {});
    decaying(200, 1.1, 0.56, 0.03, 0.01).forEach((l, i) => b.step(l, { acc: Math.min(0.97, 0.4 + i / 200) }));
    const r = run(b.events, sources(CUSTOM_SRC));
    const f = byId(r.findings, 'activation-loss-mismatch:softmaxCrossEntropy')!;
    assert.ok(f, JSON.stringify(r.findings.map((x) => x.id)));
    assert.deepEqual([f.confirmed, f.rootCause, f.location?.line], [true, 'output-activation', 9]);
    assert.match(f.message, /loss can never fall below 0\.551/); // log(e + 2) - 1 for three classes
    assert.deepEqual(f.related.map((x) => x.site.line), [12]);
    assert.equal(lineOf(applyFix(CUSTOM_SRC, f.fix), 9), "  model.add(tf.layers.activation({ activation: 'linear' }));");
    assert.equal(r.report.verdict, 'faulty');
  });

  it('a loss stalled at that floor confirms it', () => {
    const b = custom('softmax', {});
    flat(200, 0.7, 0.002).forEach((l) => b.step(l));
    const f = byId(run(b.events, sources(CUSTOM_SRC)).findings, 'activation-loss-mismatch:softmaxCrossEntropy')!;
    assert.equal(f.confirmed, true);
  });

  it('logits that are not probabilities, or in [0, 1] from a layer without sigmoid, are no finding', () => {
    assert.deepEqual(configOnly(custom('linear', { probabilities: false })).findings.map((x) => x.id), []);
    const relu = custom('relu', { fn: 'sigmoidCrossEntropy', classes: 1, positiveRate: 0.5 });
    assert.deepEqual(configOnly(relu).findings.filter((x) => x.id.includes('sigmoidCrossEntropy')).map((x) => x.id), []);
  });

  describe('a loss given the outputs where it takes the labels', () => {
    const SWAPPED_SRC = withLine(CLASSIFIER_SRC, 12, '  for (let i = 0; i < 200; i++) optimizer.minimize(() => tf.losses.softmaxCrossEntropy(model.predict(x), y));');

    it('is a warning on the loss call from the first step, with a fix that swaps the two arguments back', () => {
      const b = custom('linear', { swapped: true, probabilities: false });
      decaying(200, 1.1, 0.3, 0.03, 0.01).forEach((l, i) => b.step(l, { acc: Math.min(0.97, 0.4 + i / 200) }));
      const r = run(b.events, sources(SWAPPED_SRC));
      assert.deepEqual(r.findings.map((f) => `${f.id}:${f.confirmed}`), ['loss-arguments-swapped:softmaxCrossEntropy:false'], 'a falling loss does not withdraw it');
      const f = r.findings[0]!;
      assert.deepEqual([f.rootCause, f.location?.line], ['loss-function', 12]);
      assert.match(f.message, /its first argument holds the model's outputs and its second the 0\/1 labels/);
      assert.equal(lineOf(applyFix(SWAPPED_SRC, f.fix), 12), '  for (let i = 0; i < 200; i++) optimizer.minimize(() => tf.losses.softmaxCrossEntropy(y, model.predict(x)));');
    });

    it('a diverging loss confirms it rather than blaming the learning rate', () => {
      const b = custom('linear', { swapped: true, probabilities: false });
      for (let i = 0; i < 120; i++) b.step(i < 20 ? 1 - i * 0.02 : 0.6 + (i - 20) * 0.05);
      const r = run(b.events, sources(SWAPPED_SRC));
      assert.deepEqual(r.findings.map((f) => `${f.id}:${f.confirmed}`), ['loss-arguments-swapped:softmaxCrossEntropy:true']);
      const f = r.findings[0]!;
      assert.ok(f.observed?.includes('loss-diverging'), JSON.stringify(f.observed));
    });
  });

  it('sigmoid twice: the floor depends on the positive rate (ln 2 for 0s, ln(1 + 1/e) for 1s)', () => {
    const b = new TraceBuilder().model(classifierModel({ mode: 'custom', loss: [] }, 'sigmoid', 1)).xRange(-1, 1).yBinary(0.25);
    b.events.push({ type: 'lossCall', modelId: b.modelId, fn: 'sigmoidCrossEntropy', site: site(12, 65), probabilities: true, swapped: false, classes: 1, positiveRate: 0.25, labelSmoothing: 0, reduction: null });
    const f = configOnly(b).findings[0]!;
    assert.match(f.message, /sigmoid is applied twice, so the gradients shrink and the loss can never fall below 0\.598/);
  });
});

describe('one-hot targets with rows of all 0s', () => {
  // Labels 1..3 from a CSV, encoded with depth 3: label 3 becomes a row of all 0s.
  const ONE_HOT_SRC = withLine(CLASSIFIER_SRC, 5, '  const y = tf.oneHot(tf.tensor1d(labels, \'int32\'), 3);');
  function zeroRowTargets(b: TraceBuilder, zeroRows: number, columnMeans: number[]): TraceBuilder {
    return b.data('y', { ...summary([0, 1], [1000, 3]), shape: [1000, 3], count: 3000, mean: (1000 - zeroRows) / 3000, distinct: [0, 1], oneHotRows: false, zeroRows, columnMeans }, 5);
  }

  it('labels numbered from 1: an error on the tf.oneHot call as soon as it is seen, whatever training shows, with a fix that numbers them from 0', () => {
    const b = zeroRowTargets(new TraceBuilder().model(classifierModel()).xRange(-1, 1), 333, [0, 0.334, 0.333]);
    b.events.push({ type: 'oneHot', site: site(5, 13), depth: 3, min: 1, max: 3, outOfRange: 333, count: 1000 });
    decaying(200, 1.1, 0.4, 0.03, 0.01).forEach((l, i) => b.step(l, { acc: Math.min(0.66, 0.4 + i / 200) }));
    const r = run(b.events, sources(ONE_HOT_SRC));
    assert.deepEqual(r.findings.map((f) => `${f.id}:${f.confirmed}`), ['label-encoding-mismatch:y:true'], 'no multi-label finding, and learning does not withdraw it');
    const f = r.findings[0]!;
    assert.deepEqual([f.rootCause, f.location?.line], ['label-encoding', 5]);
    assert.match(f.message, /^333 of 1000 target rows are all 0 and belong to no class: .* tf\.oneHot made them from 333 indices outside 0\.\.2 \(the indices run from 1 to 3\): the labels are numbered from 1\.$/);
    assert.equal(lineOf(applyFix(ONE_HOT_SRC, f.fix), 5), "  const y = tf.oneHot(tf.sub(tf.tensor1d(labels, 'int32'), 1).toInt(), 3);");
  });

  it('a oneHot depth taken as the largest label: shown where the depth is computed, fixed with + 1', () => {
    const src = withLine(withLine(ONE_HOT_SRC, 4, '  const numClasses = Math.max(...labels);'), 5, "  const y = tf.oneHot(tf.tensor1d(labels, 'int32'), numClasses);");
    const b = zeroRowTargets(new TraceBuilder().model(classifierModel()).xRange(-1, 1), 250, [0.25, 0.25, 0.25]);
    b.events.push({ type: 'oneHot', site: site(5, 13), depth: 3, min: 0, max: 3, outOfRange: 250, count: 1000 });
    const f = configOnly(b, src).findings[0]!;
    assert.deepEqual([f.id, f.confirmed, f.location?.line], ['label-encoding-mismatch:y', true, 4]);
    assert.match(f.message, /its depth, 3, is the largest index, one short of the 4 classes\.$/);
    assert.equal(lineOf(applyFix(src, f.fix), 4), '  const numClasses = Math.max(...labels) + 1;');
  });

  it('without the tf.oneHot call in view (targets built by hand): the warning sits on the targets, with no fix', () => {
    const b = zeroRowTargets(new TraceBuilder().model(classifierModel()).xRange(-1, 1), 100, [0.3, 0.3, 0.3]);
    const f = configOnly(b, ONE_HOT_SRC).findings[0]!;
    assert.deepEqual([f.id, f.location?.line, f.fix ?? null], ['label-encoding-mismatch:y', 5, null]);
    assert.match(f.message, /labels numbered from 1\?/);
  });

  it('rows left out on purpose (index -1 for padding) are no finding', () => {
    const b = zeroRowTargets(new TraceBuilder().model(classifierModel()).xRange(-1, 1), 100, [0.3, 0.3, 0.3]);
    b.events.push({ type: 'oneHot', site: site(5, 13), depth: 3, min: -1, max: 2, outOfRange: 100, count: 1000 });
    assert.deepEqual(configOnly(b, ONE_HOT_SRC).findings, []);
  });

  it('without the call, a stall at the level of the labelled rows confirms it; complete one-hot rows are no finding', () => {
    const b = zeroRowTargets(new TraceBuilder().model(classifierModel()).xRange(-1, 1), 333, [0, 0.334, 0.333]);
    flat(300, 0.46, 0.003).forEach((l) => b.step(l, { acc: 0.33 }));
    assert.equal(byId(run(b.events, sources(ONE_HOT_SRC)).findings, 'label-encoding-mismatch:y')?.confirmed, true);
    assert.deepEqual(configOnly(new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3)).findings, []);
  });
});

describe('a dropout rate that drops most inputs', () => {
  const DROPOUT_SRC = withLine(CLASSIFIER_SRC, 8, '  model.add(tf.layers.dropout({ rate: 0.8 }));');
  const model = (rate: number) =>
    classifierModel({ layers: [dense(16, 'relu', 7), { className: 'Dropout', line: 8, config: { rate } }, dense(3, 'linear', 9, { name: 'dense_3' }), act('softmax', 9)] });

  it('is a warning on the dropout layer that a stall confirms, with a fix that reads the rate as a keep probability', () => {
    const b = new TraceBuilder().model(model(0.8)).xRange(-1, 1).yOneHot(3);
    const warned = configOnly(b, DROPOUT_SRC).findings;
    assert.deepEqual(warned.map((f) => `${f.id}:${f.confirmed}`), ['high-dropout:dropout_2:false']);
    assert.match(warned[0]!.message, /dropout_2 drops 80% of its inputs at every training step \(rate is the fraction dropped, not kept\)/);
    assert.equal(lineOf(applyFix(DROPOUT_SRC, warned[0]!.fix), 8), '  model.add(tf.layers.dropout({ rate: 0.2 }));');
    flat(300, 1.0986, 0.003).forEach((l) => b.step(l, { acc: 0.33 }));
    const f = byId(run(b.events, sources(DROPOUT_SRC)).findings, 'high-dropout:dropout_2')!;
    assert.deepEqual([f.confirmed, f.rootCause, f.location?.line], [true, 'regularization', 8]);
  });

  it('dropping all but a few units: a loss that falls at first but ends near the no-skill level confirms it', () => {
    const b = new TraceBuilder().model(model(0.8)).xRange(-1, 1).yOneHot(3);
    // 3.2 of 16 units kept: the loss falls from 1.1 to about 0.9 (82% of ln 3) and settles there.
    decaying(300, 1.1, 0.9, 0.05, 0.01).forEach((l, i) => b.step(l, { acc: Math.min(0.55, 0.34 + i / 600) }));
    const live = run(b.events, sources(DROPOUT_SRC), { finish: false }).findings;
    assert.deepEqual(live.map((f) => `${f.id}:${f.confirmed}`), ['high-dropout:dropout_2:false'], 'kept while the loss falls');
    const f = byId(run(b.events, sources(DROPOUT_SRC)).findings, 'high-dropout:dropout_2')!;
    assert.deepEqual([f.confirmed, f.location?.line], [true, 8]);
    assert.match(f.message, /3\.2 of 16 units/);
  });

  it('training that learns withdraws it, and a rate of 0.5 is no finding', () => {
    const b = new TraceBuilder().model(model(0.8)).xRange(-1, 1).yOneHot(3);
    decaying(300, 1.1, 0.3, 0.03, 0.01).forEach((l, i) => b.step(l, { acc: Math.min(0.95, 0.4 + i / 300) }));
    assert.deepEqual(run(b.events, sources(DROPOUT_SRC)).findings, []);
    assert.deepEqual(configOnly(new TraceBuilder().model(model(0.5)).xRange(-1, 1).yOneHot(3)).findings, []);
  });

  describe("a recurrent layer's own dropout and recurrentDropout", () => {
    const GRU_SRC = withLine(CLASSIFIER_SRC, 7, '  model.add(tf.layers.gru({ units: 16, inputShape: [16, 3], dropout: 0.9, recurrentDropout: 0.9 }));');
    const gru = (config: Record<string, number>) =>
      classifierModel({ layers: [{ className: 'GRU', line: 7, config: { units: 16, ...config } }, dense(3, 'linear', 8), act('softmax', 9)] });

    it('given keep probabilities (0.9): one warning on the GRU that a stall confirms, fixed to drop 10% with both', () => {
      const b = new TraceBuilder().model(gru({ dropout: 0.9, recurrentDropout: 0.9 })).xRange(-1, 1).yOneHot(3);
      const warned = configOnly(b, GRU_SRC).findings;
      assert.deepEqual(warned.map((f) => `${f.id}:${f.confirmed}`), ['high-dropout:gru_1:false']);
      assert.match(warned[0]!.message, /dropout 0\.9 drops 90% of its inputs and recurrentDropout 0\.9 drops 90% of its state carried from step to step/);
      assert.equal(lineOf(applyFix(GRU_SRC, warned[0]!.fix), 7), '  model.add(tf.layers.gru({ units: 16, inputShape: [16, 3], dropout: 0.1, recurrentDropout: 0.1 }));');
      flat(300, 1.0986, 0.003).forEach((l) => b.step(l, { acc: 0.33 }));
      const f = byId(run(b.events, sources(GRU_SRC)).findings, 'high-dropout:gru_1')!;
      assert.deepEqual([f.confirmed, f.rootCause, f.location?.line], [true, 'regularization', 7]);
    });

    it('only one of them high: the fix changes that one; drop rates of 0.2 and 0.5 are no finding', () => {
      const src = withLine(CLASSIFIER_SRC, 7, '  model.add(tf.layers.gru({ units: 16, inputShape: [16, 3], dropout: 0.2, recurrentDropout: 0.85 }));');
      const f = configOnly(new TraceBuilder().model(gru({ dropout: 0.2, recurrentDropout: 0.85 })).xRange(-1, 1).yOneHot(3), src).findings[0]!;
      assert.equal(lineOf(applyFix(src, f.fix), 7), '  model.add(tf.layers.gru({ units: 16, inputShape: [16, 3], dropout: 0.2, recurrentDropout: 0.15 }));');
      assert.deepEqual(configOnly(new TraceBuilder().model(gru({ dropout: 0.2, recurrentDropout: 0.5 })).xRange(-1, 1).yOneHot(3)).findings, []);
    });
  });
});

describe('a layer frozen at the weights it was built with', () => {
  const FROZEN_SRC = withLine(CLASSIFIER_SRC, 10, '  for (const layer of model.layers.slice(0, 1)) layer.trainable = false;');
  function frozenRun(untrained: boolean): TraceBuilder {
    const b = new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3);
    const first = b.modelEvent!.layers[0]!;
    Object.assign(first, { trainable: false, frozenSite: site(10, 66), ...(untrained ? { frozenUntrained: true } : {}) });
    return b;
  }

  it('is an error at once on the line that froze it, with a fix that trains it again before compile', () => {
    const f = configOnly(frozenRun(true), FROZEN_SRC).findings[0]!;
    assert.deepEqual([f.id, f.confirmed, f.rootCause, f.location?.line], ['frozen-untrained:dense_1', true, 'architecture', 10]);
    assert.equal(lineOf(applyFix(FROZEN_SRC, f.fix), 11), "  model.getLayer('dense_1').trainable = true;");
  });

  it('a frozen layer whose weights were trained or loaded is no finding', () => {
    assert.deepEqual(configOnly(frozenRun(false), FROZEN_SRC).findings, []);
  });
});

describe('a custom loop that runs dropout in inference mode', () => {
  const LOOP_SRC = withLine(withLine(CLASSIFIER_SRC, 8, '  model.add(tf.layers.dropout({ rate: 0.3 }));'), 12, '  for (let i = 0; i < 300; i++) optimizer.minimize(() => tf.losses.softmaxCrossEntropy(y, model.predict(x)));');
  const customModel = () =>
    classifierModel({ mode: 'custom', compileLine: undefined, fitLine: undefined, loss: [], layers: [dense(16, 'relu', 7), { className: 'Dropout', line: 8, config: { rate: 0.3 } }, dense(3, 'linear', 9, { name: 'dense_3' })] });
  function predictLoop(): TraceBuilder {
    const b = new TraceBuilder().model(customModel()).xRange(-1, 1);
    b.events.push({ type: 'inferenceMode', modelId: b.modelId, layers: [1], site: site(12, 93), call: 'predict' });
    return b;
  }

  it('is certain on the call from the first step (the dropout does nothing), learning keeps it, and the fix calls apply in training mode', () => {
    const b = predictLoop();
    const found = configOnly(b, LOOP_SRC).findings;
    assert.deepEqual(found.map((f) => `${f.id}:${f.confirmed}:${f.location?.line}:${f.rootCause}`), ['training-mode-off:dropout_2:true:12:regularization']);
    assert.match(found[0]!.message, /^The training step calls the model with model\.predict, which runs it in inference mode: dropout_2 drops nothing\./);
    assert.deepEqual(found[0]!.related.map((r) => r.site.line), [8]);
    assert.equal(lineOf(applyFix(LOOP_SRC, found[0]!.fix), 12), '  for (let i = 0; i < 300; i++) optimizer.minimize(() => tf.losses.softmaxCrossEntropy(y, model.apply(x, { training: true })));');
    decaying(300, 1.1, 0.2, 0.02, 0.01).forEach((l) => b.step(l));
    assert.deepEqual(run(b.events, sources(LOOP_SRC), { finish: false }).findings.map((f) => `${f.id}:${f.confirmed}`), ['training-mode-off:dropout_2:true'], 'kept while learning');
  });
});

describe('a custom loop that runs an input batch normalization in inference mode', () => {
  const LOOP_SRC = withLine(withLine(CLASSIFIER_SRC, 7, '  model.add(tf.layers.batchNormalization({ inputShape: [4] }));'), 12, '  for (let i = 0; i < 300; i++) optimizer.minimize(() => tf.losses.softmaxCrossEntropy(y, model.apply(x, { training: false })));');
  const normLoop = (maxInput: number): TraceBuilder => {
    const layers = [{ className: 'BatchNormalization', line: 7 }, dense(16, 'relu', 8), dense(3, 'linear', 9, { name: 'dense_3' })];
    const b = new TraceBuilder().model(classifierModel({ mode: 'custom', compileLine: undefined, fitLine: undefined, loss: [], layers })).xRange(-maxInput / 10, maxInput);
    b.events.push({ type: 'inferenceMode', modelId: b.modelId, layers: [0], site: site(12, 93), call: 'apply' });
    return b;
  };

  it('with raw inputs in the hundreds of thousands it takes the harm: the stall is its consequence, on the call, with the training-mode fix', () => {
    const b = normLoop(3.1e5);
    for (let i = 0; i < 60; i++) b.step(9.5, { layers: i % 10 === 0 ? [{ out: { std: 5e4, max: 3.1e5 } }, { out: { dead: 0.6, std: 2e4 } }, { out: {} }] : undefined, gradNorm: 0 });
    const f = run(b.events, sources(LOOP_SRC)).findings[0]!;
    assert.deepEqual([f.id, f.confirmed, f.rootCause, f.location?.line], ['training-mode-off:batchnormalization_1', true, 'input-normalization', 12]);
    assert.match(f.message, /The inputs reach 3\.10e5, and batchnormalization_1, meant to scale them, passes them on unscaled/);
    assert.match(lineOf(applyFix(LOOP_SRC, f.fix), 12), /model\.apply\(x, \{ training: true \}\)/);
  });

  it('with inputs already scaled it stays a warning about the moving statistics', () => {
    const f = configOnly(normLoop(1), LOOP_SRC).findings.find((x) => x.symptom === 'training-mode-off')!;
    assert.deepEqual([f.confirmed, f.rootCause], [false, 'architecture']);
  });
});

describe('a log-softmax over the batch axis in a custom loss', () => {
  const LOOP_SRC = withLine(CLASSIFIER_SRC, 12, '  for (let i = 0; i < 200; i++) optimizer.minimize(() => tf.neg(y.mul(model.predict(x).sub(tf.logSumExp(model.predict(x), 0, true)))).mean());');

  it('is an error from the first step, kept while its own loss falls, with a fix over the classes', () => {
    const b = new TraceBuilder().model(classifierModel({ mode: 'custom', compileLine: undefined, fitLine: undefined, loss: [] }, 'linear')).xRange(-1, 1);
    b.events.push({ type: 'batchAxis', modelId: b.modelId, site: site(12, 97), kernel: 'Max', shape: [32, 3] });
    decaying(200, 3.5, 2.5, 0.02, 0.01).forEach((l) => b.step(l));
    const f = byId(run(b.events, sources(LOOP_SRC)).findings, 'loss-over-batch-axis:loss')!;
    assert.deepEqual([f.confirmed, f.rootCause, f.location?.line], [true, 'loss-function', 12]);
    assert.match(lineOf(applyFix(LOOP_SRC, f.fix), 12), /tf\.logSumExp\(model\.predict\(x\), -1, true\)/);
  });
});

describe('a loss that subtracts [n] targets from a [n, 1] output', () => {
  const LOOP_SRC = withLine(CLASSIFIER_SRC, 12, '  for (let i = 0; i < 200; i++) optimizer.minimize(() => model.predict(x).sub(y).square().mean());');
  function broadcastRun(vector: 'a' | 'b' = 'b', line = 12, column = 70): TraceBuilder {
    const b = new TraceBuilder().model(classifierModel({ mode: 'custom', compileLine: undefined, fitLine: undefined, loss: [] }, 'linear', 1)).xRange(-1, 1);
    const shapes = vector === 'b' ? [[200, 1], [200]] : [[200], [200, 1]];
    b.events.push({ type: 'broadcast', modelId: b.modelId, site: site(line, column), op: 'sub', shapes, vector });
    return b;
  }

  it('is a warning on the line from the first step; a stall confirms it alone, not the learning rate; the fix reshapes the vector', () => {
    const b = broadcastRun();
    const warned = configOnly(b, LOOP_SRC).findings;
    assert.deepEqual(warned.map((f) => `${f.id}:${f.confirmed}`), ['loss-shape-mismatch:sub:false']);
    assert.equal(lineOf(applyFix(LOOP_SRC, warned[0]!.fix), 12), '  for (let i = 0; i < 200; i++) optimizer.minimize(() => model.predict(x).sub(y.reshape([-1, 1])).square().mean());');
    flat(200, 2.9, 0.002).forEach((l) => b.step(l));
    b.end();
    const r = run(b.events, sources(LOOP_SRC));
    assert.deepEqual(r.findings.filter((f) => f.confirmed).map((f) => `${f.id}:${f.rootCause}:${f.location?.line}`), ['loss-shape-mismatch:sub:loss-function:12']);
  });

  it('the [n, 1] tensor second, or a function call, is flattened instead; a loss that falls does not withdraw it', () => {
    const src = withLine(CLASSIFIER_SRC, 12, '  for (let i = 0; i < 200; i++) optimizer.minimize(() => tf.sub(y, model.predict(x)).square().mean());');
    const b = broadcastRun('a', 12, 62);
    decaying(200, 3, 1, 0.03, 0.01).forEach((l) => b.step(l));
    const f = run(b.events, sources(src)).findings[0]!;
    assert.equal(f.id, 'loss-shape-mismatch:sub');
    assert.equal(lineOf(applyFix(src, f.fix), 12), '  for (let i = 0; i < 200; i++) optimizer.minimize(() => tf.sub(y, model.predict(x).reshape([-1])).square().mean());');
  });
});

describe('per-row weights multiplied across the rows, and one target compared with every output', () => {
  const WEIGHTED_SRC = withLine(CLASSIFIER_SRC, 12, '  for (let i = 0; i < 200; i++) optimizer.minimize(() => tf.sum(tf.mul(model.predict(x).sub(y).square(), w)));');
  it('a [n, 1] loss times [n] weights is certain from the first step, and the fix reshapes the weights', () => {
    const b = new TraceBuilder().model(classifierModel({ mode: 'custom', compileLine: undefined, fitLine: undefined, loss: [] }, 'linear', 1)).xRange(-1, 1);
    b.events.push({ type: 'broadcast', modelId: b.modelId, site: site(12, 65), op: 'mul', shapes: [[200, 1], [200]], vector: 'b', kind: 'vector' });
    const f = configOnly(b, WEIGHTED_SRC).findings;
    assert.deepEqual(f.map((x) => `${x.id}:${x.confirmed}:${x.location?.line}`), ['loss-shape-mismatch:mul:true:12']);
    assert.match(f[0]!.message, /per-row weights have no effect/);
    assert.equal(lineOf(applyFix(WEIGHTED_SRC, f[0]!.fix), 12), '  for (let i = 0; i < 200; i++) optimizer.minimize(() => tf.sum(tf.mul(model.predict(x).sub(y).square(), w.reshape([-1, 1]))));');
  });
  it("the model's [n, 4] output minus a [n, 1] target is a warning on the line, with no fix, that a stall confirms", () => {
    const src = withLine(CLASSIFIER_SRC, 12, '  for (let i = 0; i < 200; i++) optimizer.minimize(() => model.predict(x).sub(targets).square().mean());');
    const b = new TraceBuilder().model(classifierModel({ mode: 'custom', compileLine: undefined, fitLine: undefined, loss: [] }, 'linear', 4)).xRange(-1, 1);
    b.events.push({ type: 'broadcast', modelId: b.modelId, site: site(12, 70), op: 'sub', shapes: [[64, 4], [64, 1]], vector: 'b', kind: 'acrossOutputs' });
    const warned = configOnly(b, src).findings;
    assert.deepEqual(warned.map((x) => `${x.id}:${x.confirmed}:${x.location?.line}`), ['loss-shape-mismatch:sub:false:12']);
    assert.match(warned[0]!.message, /across all 4 outputs/);
    assert.equal(warned[0]!.fix, null);
    flat(200, 2.9, 0.002).forEach((l) => b.step(l));
    b.end();
    assert.deepEqual(run(b.events, sources(src)).findings.filter((x) => x.confirmed).map((x) => x.id), ['loss-shape-mismatch:sub']);
  });
});

describe('an optimizer whose steps name no variables next to one whose steps do', () => {
  it("is certain from the run, on the unnamed step's line, with the other step related", () => {
    const src = withLine(CLASSIFIER_SRC, 12, '  genOpt.minimize(() => gLoss(disc.predict(gen.predict(z))), true);');
    const b = new TraceBuilder().model(classifierModel({ mode: 'custom', compileLine: undefined, fitLine: undefined, loss: [] }, 'linear', 1)).xRange(-1, 1);
    b.events.push({ type: 'varListMissing', modelId: b.modelId, site: site(12, 10), namedSite: site(11, 10), shared: 6, own: 6 });
    const f = configOnly(b, src).findings;
    assert.deepEqual(f.map((x) => `${x.id}:${x.confirmed}:${x.location?.line}:${x.rootCause}`), ['var-list-missing:optimizer:true:12:optimizer']);
    assert.deepEqual(f[0]!.related.map((r) => r.site.line), [11]);
  });
});

describe("a loss whose target is the model's own argMax", () => {
  it('is certain from the run, on the one-hot', () => {
    const src = withLine(CLASSIFIER_SRC, 12, '  const chosen = tf.oneHot(tf.argMax(logits, 1), 3);');
    const b = new TraceBuilder().model(classifierModel({ mode: 'custom', compileLine: undefined, fitLine: undefined, loss: [] }, 'linear', 3)).xRange(-1, 1);
    b.events.push({ type: 'argmaxTarget', modelId: b.modelId, site: site(12, 25) });
    const f = configOnly(b, src).findings;
    assert.deepEqual(f.map((x) => `${x.id}:${x.confirmed}:${x.location?.line}:${x.rootCause}`), ['argmax-target:loss:true:12:loss-function']);
    assert.match(f[0]!.message, /one-hot of the model's own argMax/);
  });
});

describe('a custom loop fed the predictions of a model never trained', () => {
  it('is certain from the run, on the predict call, with no fix', () => {
    const src = withLine(CLASSIFIER_SRC, 12, '  const code = encoder.predict(batchX);');
    const b = new TraceBuilder().model(classifierModel({ mode: 'custom', compileLine: undefined, fitLine: undefined, loss: [] }, 'linear', 3)).xRange(-1, 1);
    b.events.push({ type: 'fedByUntrained', modelId: b.modelId, site: site(12, 24), steps: 30 });
    const f = configOnly(b, src).findings;
    assert.deepEqual(f.map((x) => `${x.id}:${x.confirmed}:${x.location?.line}:${x.rootCause}`), ['fed-by-untrained:model:true:12:architecture']);
    assert.match(f[0]!.message, /random projection/);
    assert.equal(f[0]!.fix, null);
  });
});

describe('a learned divisor that went through 0', () => {
  it('is certain from the run, on the variable, with the log fix', () => {
    const src = withLine(withLine(CLASSIFIER_SRC, 11, "  const temperature = tf.variable(tf.scalar(0.07), true, 't');"), 12, '  const logits = model.predict(x).div(temperature);');
    const b = new TraceBuilder().model(classifierModel({ mode: 'custom', compileLine: undefined, fitLine: undefined, loss: [] }, 'linear', 3)).xRange(-1, 1);
    b.events.push({ type: 'divisorCrossedZero', modelId: b.modelId, site: site(11, 26), start: 0.07, value: -0.01, iter: 40 });
    const f = configOnly(b, src).findings;
    assert.deepEqual(f.map((x) => `${x.id}:${x.confirmed}:${x.location?.line}:${x.rootCause}`), ['divisor-crossed-zero:variable:true:11:architecture']);
    assert.match(f[0]!.message, /started at 0\.07 and was -0\.01 after step 40/);
    const fixed = applyFix(src, f[0]!.fix);
    assert.equal(lineOf(fixed, 11), "  const temperature = tf.variable(tf.scalar(Math.log(0.07)), true, 't');");
    assert.equal(lineOf(fixed, 12), '  const logits = model.predict(x).div(temperature.exp());');
  });
});

describe('a softmax of scores multiplied by a 0/1 mask', () => {
  it('is certain from the run, on the softmax, fixed by adding -1e9 where the mask is 0', () => {
    const src = withLine(CLASSIFIER_SRC, 12, '  const weights = tf.softmax(tf.mul(scores, mask));');
    const b = new TraceBuilder().model(classifierModel({ mode: 'custom', compileLine: undefined, fitLine: undefined, loss: [] }, 'linear', 3)).xRange(-1, 1);
    b.events.push({ type: 'maskMultiplied', modelId: b.modelId, site: site(12, 22), mask: 'b' });
    const f = configOnly(b, src).findings;
    assert.deepEqual(f.map((x) => `${x.id}:${x.confirmed}:${x.location?.line}:${x.rootCause}`), ['mask-multiplied:attention:true:12:architecture']);
    assert.equal(lineOf(applyFix(src, f[0]!.fix), 12), '  const weights = tf.softmax(tf.add(scores, tf.mul(tf.sub(1, mask), -1e9)));');
  });
});

describe('attention scores multiplied by the square root of their size', () => {
  it('is certain from the run, on the product, fixed by dividing', () => {
    const src = withLine(CLASSIFIER_SRC, 12, '  const scores = tf.mul(tf.matMul(q, k, false, true), Math.sqrt(64));');
    const b = new TraceBuilder().model(classifierModel({}, 'softmax', 3)).xRange(-1, 1);
    b.events.push({ type: 'scoresScaledUp', modelId: b.modelId, site: site(12, 21), size: 64 });
    const f = configOnly(b, src).findings;
    assert.deepEqual(f.map((x) => `${x.id}:${x.confirmed}:${x.location?.line}:${x.rootCause}`), ['scores-scaled-up:attention:true:12:architecture']);
    assert.match(f[0]!.message, /64 times too large/);
    assert.equal(lineOf(applyFix(src, f[0]!.fix), 12), '  const scores = tf.div(tf.matMul(q, k, false, true), Math.sqrt(64));');
  });
});

describe('batches that each repeat one row, another at each step', () => {
  it('is certain from the run, on the step, with no fix', () => {
    const src = withLine(CLASSIFIER_SRC, 12, '  optimizer.minimize(() => tdLoss(batch));');
    const b = new TraceBuilder().model(classifierModel({ mode: 'custom', compileLine: undefined, fitLine: undefined, loss: [] }, 'linear', 3)).xRange(0, 1);
    b.events.push({ type: 'rowsIdentical', modelId: b.modelId, site: site(12, 13), rows: 32, steps: 3 });
    const f = configOnly(b, src).findings;
    assert.deepEqual(f.map((x) => `${x.id}:${x.confirmed}:${x.location?.line}:${x.rootCause}`), ['rows-identical:data:true:12:training-data']);
    assert.match(f[0]!.message, /one row repeated 32 times/);
    assert.equal(f[0]!.fix, null);
  });
});

describe('inputs and targets shuffled apart', () => {
  // Lines 2 and 3 shuffle the two arrays the tensors on lines 4 and 5 are made from.
  const SHUFFLE_SRC = withLine(withLine(CLASSIFIER_SRC, 2, '  tf.util.shuffle(xData);'), 3, '  tf.util.shuffle(yData);');
  function shuffledRun(): TraceBuilder {
    const b = new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3);
    b.events.push({ type: 'shuffledApart', modelId: b.modelId, inputs: site(2, 11), targets: site(3, 11), inputsFirst: true, rows: 600, combo: true });
    return b;
  }

  it('is a warning on the first shuffle from the start, with a fix that shuffles both arrays in one order; a stall confirms it alone', () => {
    const b = shuffledRun();
    const warned = configOnly(b, SHUFFLE_SRC).findings;
    assert.deepEqual(warned.map((f) => `${f.id}:${f.confirmed}:${f.location?.line}:${f.rootCause}`), ['labels-shuffled-apart:data:false:2:training-data']);
    assert.deepEqual(warned[0]!.related.map((r) => r.site.line), [3, 12]);
    const fixed = applyFix(SHUFFLE_SRC, warned[0]!.fix);
    assert.equal(lineOf(fixed, 2), '  tf.util.shuffleCombo(xData, yData);');
    assert.ok(!fixed.includes('tf.util.shuffle(xData)'));
    flat(300, 1.0986, 0.003).forEach((l) => b.step(l, { acc: 0.33 }));
    b.end();
    const r = run(b.events, sources(SHUFFLE_SRC));
    assert.deepEqual(r.findings.filter((f) => f.confirmed).map((f) => f.id), ['labels-shuffled-apart:data'], 'not the learning rate');
    assert.equal(r.report.verdict, 'faulty');
  });

  it('training that memorizes its rows does not withdraw it, and validation rising is its consequence, not overfitting', () => {
    const b = shuffledRun();
    decaying(320, 1.1, 0.2, 0.02, 0.01).forEach((l, i) => {
      b.step(l, { acc: Math.min(0.95, 0.4 + i / 300) });
      if (i % 32 === 31) b.epoch(Math.floor(i / 32), { loss: l, val_loss: 1.2 + i / 200, val_acc: 0.45 - i / 1000 });
    });
    b.end();
    const r = run(b.events, sources(SHUFFLE_SRC));
    assert.deepEqual(r.findings.map((f) => `${f.id}:${f.confirmed}`), ['labels-shuffled-apart:data:true']);
  });

  it('gives no fix on a tfjs without tf.util.shuffleCombo', () => {
    const b = shuffledRun();
    (b.events.at(-1) as { combo: boolean }).combo = false;
    const f = configOnly(b, SHUFFLE_SRC).findings[0]!;
    assert.equal(f.fix, null);
    assert.match(f.message, /Shuffle both arrays in one order\.$/);
  });
});

describe('validation inputs on another scale than the training inputs', () => {
  const VAL_SRC = withLine(CLASSIFIER_SRC, 12, '  await model.fit(x, y, { epochs: 10, batchSize: 32, validationData: [xTest, yTest] });');
  function withValidation(valMin: number, valMax: number): TraceBuilder {
    const b = new TraceBuilder().model(classifierModel()).xRange(0, 1).yOneHot(3);
    b.events.push({ type: 'data', modelId: b.modelId, role: 'xVal', slot: 0, summary: { shape: [200, 4], dtype: 'float32', count: 800, min: valMin, max: valMax, mean: (valMin + valMax) / 2, std: (valMax - valMin) / 3.5, nanCount: 0, infCount: 0, distinct: null, oneHotRows: false }, site: site(12, 9) });
    return b;
  }

  it('raw validation inputs next to inputs divided by 100: a warning on fit, kept while training learns, confirmed when validation is far worse', () => {
    const b = withValidation(0.2, 99.6);
    const warned = configOnly(b, VAL_SRC).findings;
    assert.deepEqual(warned.map((f) => `${f.id}:${f.confirmed}:${f.location?.line}`), ['validation-unscaled:xVal:false:12']);
    assert.match(warned[0]!.message, /The training inputs look divided by 100; the validation inputs are not\./);
    assert.equal(lineOf(applyFix(VAL_SRC, warned[0]!.fix), 12), '  await model.fit(x, y, { epochs: 10, batchSize: 32, validationData: [xTest.div(100), yTest] });');
    decaying(320, 1.1, 0.2, 0.02, 0.01).forEach((l, i) => {
      b.step(l, { acc: Math.min(0.95, 0.4 + i / 300) });
      if (i % 32 === 31) b.epoch(Math.floor(i / 32), { loss: l, val_loss: 6 + i / 100, val_acc: 0.35 });
    });
    const r = run(b.events, sources(VAL_SRC));
    assert.deepEqual(r.findings.map((f) => `${f.id}:${f.confirmed}`), ['validation-unscaled:xVal:true'], 'not overfitting');
  });

  it('validation inputs on the training scale are no finding, nor a range that one outlier widens', () => {
    assert.deepEqual(configOnly(withValidation(0.01, 0.98), VAL_SRC).findings, []);
    const outlier = withValidation(0.01, 0.98);
    const e = outlier.events.find((x) => x.type === 'data' && x.role === 'xVal') as { summary: { max: number; std: number } };
    Object.assign(e.summary, { max: 40, std: 0.5 });
    assert.deepEqual(configOnly(outlier, VAL_SRC).findings, []);
  });
});

describe('validation on the training data itself', () => {
  const VAL_SRC = withLine(CLASSIFIER_SRC, 12, '  await model.fit(x, y, { epochs: 10, batchSize: 32, validationData: [x, y] });');
  function validatedOn(change: Record<string, number> = {}): TraceBuilder {
    const b = new TraceBuilder().model(classifierModel()).xRange(0, 1).yOneHot(3);
    const x = b.events.find((e) => e.type === 'data' && e.role === 'x') as TraceEvent & { type: 'data' };
    b.events.push({ ...x, role: 'xVal', summary: { ...x.summary, ...change } });
    return b;
  }

  it('is certain on fit, whatever learning does, with a fix that holds out rows when the script declares no held-out pair', () => {
    const b = validatedOn();
    const warned = configOnly(b, VAL_SRC).findings;
    assert.deepEqual(warned.map((f) => `${f.id}:${f.confirmed}:${f.location?.line}:${f.rootCause}`), ['validation-is-training:xVal:true:12:training-data']);
    assert.match(warned[0]!.message, /^The validation data is the training data/);
    assert.equal(lineOf(applyFix(VAL_SRC, warned[0]!.fix), 12), '  await model.fit(x, y, { epochs: 10, batchSize: 32, validationSplit: 0.2 });');
    decaying(320, 1.1, 0.2, 0.02, 0.01).forEach((l, i) => b.step(l, { acc: Math.min(0.95, 0.4 + i / 300) }));
    b.end();
    assert.deepEqual(run(b.events, sources(VAL_SRC)).findings.map((f) => `${f.id}:${f.confirmed}`), ['validation-is-training:xVal:true']);
  });

  it('validation inputs that differ in any summary value are held-out data: no finding', () => {
    assert.deepEqual(configOnly(validatedOn({ mean: 0.5001 }), VAL_SRC).findings, []);
  });
});

describe('fit without shuffling on targets sorted by class', () => {
  const SORTED_SRC = withLine(CLASSIFIER_SRC, 12, '  await model.fit(x, y, { epochs: 10, batchSize: 32, shuffle: false });');
  function sortedRun(shuffle: boolean, classRuns: number): TraceBuilder {
    const b = new TraceBuilder().model(classifierModel({ shuffle })).xRange(-1, 1);
    return b.data('y', { shape: [600, 3], dtype: 'float32', count: 1800, min: 0, max: 1, mean: 1 / 3, std: 0.47, nanCount: 0, infCount: 0, distinct: [0, 1], oneHotRows: true, columnMeans: [1 / 3, 1 / 3, 1 / 3], classRuns });
  }

  it('is a warning on fit that learning does not withdraw, with a fix that lets fit shuffle', () => {
    const b = sortedRun(false, 3);
    decaying(200, 1.1, 0.5, 0.03, 0.01).forEach((l, i) => b.step(l, { acc: Math.min(0.8, 0.4 + i / 200) }));
    const r = run(b.events, sources(SORTED_SRC));
    assert.deepEqual(r.findings.map((f) => `${f.id}:${f.confirmed}:${f.location?.line}`), ['unshuffled-batches:y:false:12']);
    assert.match(r.findings[0]!.message, /sorted by class \(3 runs of one class over 600 rows\) and fit takes its batches in order/);
    assert.equal(lineOf(applyFix(SORTED_SRC, r.findings[0]!.fix), 12), '  await model.fit(x, y, { epochs: 10, batchSize: 32, shuffle: true });');
  });

  it('shuffled batches, or targets in no class order, are no finding', () => {
    assert.deepEqual(configOnly(sortedRun(true, 3), SORTED_SRC).findings, []);
    assert.deepEqual(configOnly(sortedRun(false, 400), SORTED_SRC).findings, []);
  });
});

describe('a model with every layer frozen', () => {
  const FROZEN_SRC = withLine(CLASSIFIER_SRC, 10, '  model.trainable = false;');
  function frozenRun(trainableIndex: number | null): TraceBuilder {
    const b = new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3);
    b.modelEvent!.layers.forEach((l) => {
      if (l.params === 0 || l.index === trainableIndex) return;
      Object.assign(l, { trainable: false, weights: [], frozenSite: site(10, 3) });
    });
    return b;
  }

  it('is an error on the line that froze it, confirmed by the crash tfjs stops with', () => {
    const warned = configOnly(frozenRun(null), FROZEN_SRC).findings;
    assert.deepEqual(warned.map((f) => `${f.id}:${f.rootCause}:${f.location?.line}`), ['weights-frozen:model:architecture:10']);
    assert.match(warned[0]!.message, /^Every layer with weights is frozen \(trainable = false\), down to dense_2, so fit has no weight to change/);
    const r = run(frozenRun(null).crash('variableGrads() expects at least one of the input variables to be trainable, but none of the 0 variables is trainable.').events, sources(FROZEN_SRC));
    assert.deepEqual(r.findings.map((f) => `${f.id}:${f.confirmed}`), ['weights-frozen:model:true']);
    assert.equal(r.report.verdict, 'faulty');
  });

  it('a frozen base under a trainable head is no finding', () => {
    assert.deepEqual(configOnly(frozenRun(1), FROZEN_SRC).findings, []);
  });

  it('a model frozen and then trained by trainOnBatch (a GAN ported from Keras) gets the same error, saying how tfjs differs', () => {
    const b = new TraceBuilder().model(classifierModel({ mode: 'custom' })).xRange(-1, 1).yOneHot(3);
    b.modelEvent!.layers.forEach((l) => l.params > 0 && Object.assign(l, { trainable: false, weights: [], frozenSite: site(10, 3) }));
    const r = run(b.crash('variableGrads() expects at least one of the input variables to be trainable, but none of the 6 variables is trainable.').events, sources(FROZEN_SRC));
    assert.deepEqual(r.findings.map((f) => `${f.id}:${f.confirmed}:${f.location?.line}`), ['weights-frozen:model:true:10']);
    assert.match(r.findings[0]!.message, /so its training step has no weight to change .* In TensorFlow\.js, trainable = false freezes the weights themselves, in every model that holds them/);
  });
});

describe('fitDataset batches of one class after another', () => {
  const DATASET_SRC = withLine(withLine(CLASSIFIER_SRC, 12, '  await model.fitDataset(dataset, { epochs: 10 });'), 5, '  const dataset = tf.data.array(rows).map(toTensors).batch(20);');
  type Batches = Omit<Extract<TraceEvent, { type: 'batchClasses' }>, 'type' | 'modelId'>;
  const SORTED: Batches = { batches: 16, singleClass: 15, singleClassKinds: 2, classes: 2, runs: 2, batchRows: 20 };
  function datasetRun(batches: Batches, overrides: Parameters<typeof classifierModel>[0] = {}): TraceBuilder {
    const b = new TraceBuilder().model(classifierModel({ mode: 'fitDataset', ...overrides })).xRange(-1, 1);
    b.events.push({ type: 'batchClasses', modelId: b.modelId, ...batches });
    return b;
  }

  it('is a warning on fitDataset that says how to shuffle, and a loss that jumps when the class changes is blamed on it, not on the learning rate', () => {
    assert.equal(configOnly(datasetRun(SORTED), DATASET_SRC).findings[0]!.fix, null, 'without the .batch() call seen, no edit');
    const warned = configOnly(datasetRun({ ...SORTED, batchSite: site(5, 40), rows: 600 }), DATASET_SRC).findings;
    assert.equal(lineOf(applyFix(DATASET_SRC, warned[0]!.fix), 5), '  const dataset = tf.data.array(rows).map(toTensors).shuffle(600).batch(20);');
    assert.deepEqual(warned.map((f) => `${f.id}:${f.confirmed}:${f.location?.line}:${f.rootCause}`), ['unshuffled-batches:dataset:false:12:training-data']);
    assert.match(warned[0]!.message, /^The dataset yields its batches one class after another: 15 of the first 16 batches hold rows of a single class, in 2 stretches\..* dataset\.shuffle\(rows\)\.batch\(size\)/);
    const b = datasetRun(SORTED);
    [...decaying(16, 0.7, 0.2, 0.1, 0.01), ...decaying(14, 1.7, 1.6, 0.01, 0.01)].forEach((l) => b.step(l));
    const r = run(b.events, sources(DATASET_SRC), { finish: false });
    assert.deepEqual(r.findings.filter((f) => f.confirmed).map((f) => `${f.id}:${f.rootCause}`), ['unshuffled-batches:dataset:training-data']);
  });

  it('a shuffle after .batch() reorders whole batches: on the batch, with a fix that moves the shuffle before it', () => {
    const src = withLine(DATASET_SRC, 5, "  const dataset = tf.data.zip({ xs, ys }).batch(32).shuffle(rows.length, '42');");
    const f = configOnly(datasetRun({ ...SORTED, batchSite: site(5, 42), rows: 600, shuffleAfterBatchSite: site(5, 52) }), src).findings[0]!;
    assert.deepEqual([f.id, f.location?.line], ['unshuffled-batches:dataset', 5]);
    assert.match(f.message, /Its shuffle comes after \.batch\(\), so it reorders whole batches, and each batch still holds rows of one class/);
    assert.equal(lineOf(applyFix(src, f.fix), 5), "  const dataset = tf.data.zip({ xs, ys }).shuffle(rows.length, '42').batch(32);");
  });

  it('shuffled batches, a rare class that never fills a batch, batches of one row, and targets that are not classes are no finding', () => {
    assert.deepEqual(configOnly(datasetRun({ ...SORTED, singleClass: 2, runs: 11 }), DATASET_SRC).findings, []);
    assert.deepEqual(configOnly(datasetRun({ ...SORTED, singleClass: 15, singleClassKinds: 1 }), DATASET_SRC).findings, []);
    assert.deepEqual(configOnly(datasetRun({ ...SORTED, batchRows: 1 }), DATASET_SRC).findings, []);
    assert.deepEqual(configOnly(datasetRun(SORTED, { loss: 'meanSquaredError' }), DATASET_SRC).findings, []);
  });
});

describe('validationSplit on targets sorted by class', () => {
  const SPLIT_SRC = withLine(CLASSIFIER_SRC, 12, '  await model.fit(x, y, { epochs: 10, batchSize: 32, validationSplit: 0.3 });');
  function splitRun(split: number, runs: Array<{ cls: number; rows: number }>): TraceBuilder {
    const b = new TraceBuilder().model(classifierModel()).xRange(-1, 1);
    const model = b.events.find((e) => e.type === 'model') as { fitConfig: Record<string, unknown> };
    model.fitConfig['validationSplit'] = split;
    return b.data('y', { shape: [600, 3], dtype: 'float32', count: 1800, min: 0, max: 1, mean: 1 / 3, std: 0.47, nanCount: 0, infCount: 0, distinct: [0, 1], oneHotRows: true, columnMeans: [1 / 3, 1 / 3, 1 / 3], classRuns: runs.length, classRunList: runs });
  }

  it('a split that holds classes training never sees: a warning on fit, confirmed when validation stays far worse', () => {
    const b = splitRun(0.4, [{ cls: 0, rows: 200 }, { cls: 1, rows: 200 }, { cls: 2, rows: 200 }]);
    const warned = configOnly(b, SPLIT_SRC).findings;
    assert.deepEqual(warned.map((f) => `${f.id}:${f.location?.line}`), ['validation-classes-unseen:y:12']);
    assert.match(warned[0]!.message, /takes the last 240 rows as validation before any shuffling, .*: 200 of those rows are of class 2, which training never sees/);
    decaying(320, 1.1, 0.1, 0.02, 0.01).forEach((l, i) => {
      b.step(l, { acc: Math.min(0.97, 0.4 + i / 300) });
      if (i % 32 === 31) b.epoch(Math.floor(i / 32), { loss: l, val_loss: 5 + i / 100, val_acc: 0.15 });
    });
    assert.deepEqual(run(b.events, sources(SPLIT_SRC)).findings.map((f) => `${f.id}:${f.confirmed}`), ['validation-classes-unseen:y:true']);
  });

  it('a split inside the last class block only narrows validation: no finding', () => {
    assert.deepEqual(configOnly(splitRun(0.2, [{ cls: 0, rows: 200 }, { cls: 1, rows: 200 }, { cls: 2, rows: 200 }]), SPLIT_SRC).findings, []);
  });
});


describe('targets that do not depend on the inputs', () => {
  const labels = (neighbourTargets: TensorSummary['neighbourTargets']): TensorSummary => ({
    shape: [1000, 3],
    dtype: 'float32',
    count: 3000,
    min: 0,
    max: 1,
    mean: 1 / 3,
    std: 0.471,
    nanCount: 0,
    infCount: 0,
    distinct: [0, 1],
    oneHotRows: true,
    columnMeans: [1 / 3, 1 / 3, 1 / 3],
    ...(neighbourTargets ? { neighbourTargets } : {}),
  });
  const stalled = (agreeing: number, x: Partial<TensorSummary> = {}) => {
    const b = new TraceBuilder().model(classifierModel()).xRange(-1, 1, 1000, 4, x).data('y', labels({ kind: 'classes', pairs: 256, candidates: 1000, agreeing, chance: 0.334, correlation: null }), 5);
    const quiet = configOnly(b).findings;
    flat(400, 1.0986, 0.01).forEach(() => b.step(1.0986, { acc: 0.33 }));
    return { quiet, findings: run(b.events, sources(CLASSIFIER_SRC)).findings.filter((f) => f.confirmed) };
  };

  it('say nothing until training stalls, then take the stall from the learning rate: the error is on the line that builds the targets', () => {
    const { quiet, findings } = stalled(86);
    assert.deepEqual(quiet, [], 'neighbours at chance alone are no finding: a hard task can look like that');
    const [f] = findings;
    assert.deepEqual([f?.rootCause, f?.location?.line, f?.severity], ['training-data', 5, 'error']);
    assert.match(f!.message, /The targets do not depend on the inputs: of 256 rows paired with their nearest neighbour by inputs, 86 \(34%\) share a class; chance alone gives 33%/);
  });

  it('blame inputs standardized across each row, when they are', () => {
    const [f] = stalled(86, { rowsStandardized: true }).findings;
    assert.deepEqual([f?.rootCause, f?.location?.line], ['input-normalization', 4]);
    assert.match(f!.message, /The inputs were standardized across each row instead of each column/);
  });

  it('are not blamed when neighbours share a class well above chance', () => {
    assert.ok(stalled(150).findings.every((f) => f.rootCause !== 'training-data'));
  });
});

describe('a learning rate decayed to almost 0', () => {
  const steps = (rate: (i: number) => number, n: number) => {
    const b = new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3);
    for (let i = 0; i < n; i++) b.step(0.85 + 0.01 * Math.sin(i), { acc: 0.54, learningRate: rate(i), learningRateLine: 10 });
    return run(b.events, sources(CLASSIFIER_SRC)).findings.filter((f) => f.id.startsWith('learning-rate-out-of-range'));
  };

  it('is an error on the line that changes it once it has stayed there for most of the run', () => {
    const [f] = steps((i) => 0.001 * 0.9 ** i, 400);
    assert.deepEqual([f?.rootCause, f?.location?.line, f?.confirmed], ['learning-rate', 10, true]);
    assert.match(f!.message, /^The learning rate fell from 0\.001 to under 1\/10,000 of that by step 88/);
  });

  it('is no finding for a schedule that reaches 0 only as training ends, or a rate that stays in range', () => {
    assert.deepEqual(steps((i) => (i < 350 ? 0.001 : 1e-9), 400), []);
    assert.deepEqual(steps((i) => 0.001 * 0.999 ** i, 400), []);
  });
});

describe('every step on the same rows', () => {
  it('is an error at once on the slice, with the fix that moves the offset with the batch index', () => {
    const src = [
      "const tf = require('@tensorflow/tfjs');",
      'async function main() {',
      '  for (let j = 0; j < 48; j++) {',
      '    const xb = xs.slice(0, 32);',
      '    const yb = ys.slice(0, 32);',
      '    optimizer.minimize(() => tf.losses.meanSquaredError(yb, model.apply(xb)));',
      '  }',
      '}',
    ].join('\n');
    const b = new TraceBuilder().model(classifierModel());
    b.events.push({ type: 'sameBatch', modelId: 0, iter: 19, rows: 1536, batchRows: 32, begin: 0, steps: 20, site: site(4, 19), elapsedMs: 300 });
    const [f] = run(b.events, sources(src)).findings;
    assert.deepEqual([f?.symptom, f?.rootCause, f?.severity, f?.location?.line], ['same-batch', 'training-data', 'error', 4]);
    assert.match(f!.message, /^Every training step so far \(20\) trained on the same 32 rows, rows 0 to 31 of a tensor of 1536/);
    const fixed = applyFix(src, f!.fix);
    assert.deepEqual([lineOf(fixed, 4), lineOf(fixed, 5)], ['    const xb = xs.slice(j * 32, 32);', '    const yb = ys.slice(j * 32, 32);']);
  });
});

describe('targets cut a batch apart from their inputs', () => {
  it("is an error at once on the targets' slice, with the inputs' slice related and a fix that aligns them", () => {
    const src = [
      "const tf = require('@tensorflow/tfjs');",
      'async function main() {',
      '  for (let b = 1; b <= 37; b++) {',
      '    const xb = xAll.slice([(b - 1) * 32, 0], [32, 8]);',
      '    const yb = yAll.slice([b * 32, 0], [32, 3]);',
      '    optimizer.minimize(() => tf.losses.softmaxCrossEntropy(yb, model.apply(xb)));',
      '  }',
      '}',
    ].join('\n');
    const b = new TraceBuilder().model(classifierModel());
    b.events.push({ type: 'batchesApart', modelId: 0, iter: 19, rows: 1200, batchRows: 32, distance: 32, steps: 20, site: site(5, 21), inputsSite: site(4, 21), elapsedMs: 300 });
    const [f] = run(b.events, sources(src)).findings;
    assert.deepEqual([f?.symptom, f?.rootCause, f?.severity, f?.location?.line, f?.related[0]?.site.line], ['batches-apart', 'training-data', 'error', 5, 4]);
    assert.match(f!.message, /^Each step's targets are cut 32 rows after its inputs/);
    assert.equal(lineOf(applyFix(src, f!.fix), 5), '    const yb = yAll.slice([(b - 1) * 32, 0], [32, 3]);');
  });
});

describe('binary cross-entropy on targets outside [0, 1]', () => {
  const model = () => classifierModel({ loss: 'binaryCrossentropy' }, 'sigmoid', 1);
  it('two values (labels standardized with the features): an error at once, with a fix that encodes them as 0 and 1', () => {
    const y = Array.from({ length: 20 }, (_, i) => (i % 2 ? 0.94 : -1.07));
    const f = configOnly(new TraceBuilder().model(model()).xRange(-1, 1).data('y', summary(y, [20, 1])), CLASSIFIER_SRC).findings[0]!;
    assert.deepEqual([f.id, f.rootCause, f.confirmed, f.location?.line], ['label-encoding-mismatch:y', 'label-encoding', true, 5]);
    assert.match(f.message, /two values, -1\.07 and 0\.94, where 0 and 1 belong/);
    assert.equal(lineOf(applyFix(CLASSIFIER_SRC, f.fix), 5), '  const y = tf.tensor2d(yData, [n, 3]).greater(-0.065).toFloat();');
  });

  it('targets within [0, 1] (soft labels) are no finding', () => {
    const y = Array.from({ length: 20 }, (_, i) => (i % 2 ? 0.9 : 0.1));
    assert.deepEqual(configOnly(new TraceBuilder().model(model()).xRange(-1, 1).data('y', summary(y, [20, 1]), 5), CLASSIFIER_SRC).findings, []);
  });
});

describe('batch normalization on batches of two', () => {
  const model = (batchSize: number) =>
    classifierModel({ batchSize, layers: [dense(16, 'relu', 7), { className: 'BatchNormalization', line: 8, config: {} }, dense(3, 'linear', 8, { name: 'dense_3' }), act('softmax', 9)] });
  it('is a warning on fit that a stall confirms, with a fix that trains on batches of 32; batches of 32 are no finding', () => {
    const src = withLine(CLASSIFIER_SRC, 12, '  await model.fit(x, y, { epochs: 10, batchSize: 2 });');
    const [f] = configOnly(new TraceBuilder().model(model(2)).xRange(-1, 1).yOneHot(3), src).findings;
    assert.deepEqual([f?.id, f?.rootCause, f?.confirmed, f?.location?.line], ['batch-size:batchNormalization', 'batch-size', false, 12]);
    assert.equal(lineOf(applyFix(src, f!.fix), 12), '  await model.fit(x, y, { epochs: 10, batchSize: 32 });');
    assert.deepEqual(configOnly(new TraceBuilder().model(model(32)).xRange(-1, 1).yOneHot(3), src).findings, []);
  });
});

describe('binary targets that are all one label', () => {
  const allZero = (b: TraceBuilder) =>
    b.data('y', { shape: [800, 1], dtype: 'float32', count: 800, min: 0, max: 0, mean: 0, std: 0, nanCount: 0, infCount: 0, distinct: [0], distinctCounts: [800], oneHotRows: false, columnMeans: [0] });
  const model = (epochs: number) => ({ layers: [dense(16, 'relu', 7), dense(1, 'sigmoid', 8)], loss: 'binaryCrossentropy', compileLine: 11, fitLine: 12, epochs });
  it('are certain over several epochs of fit, and left alone for a one-epoch fit (a GAN discriminator step)', () => {
    const f = byId(configOnly(allZero(new TraceBuilder().model(model(20)).xRange(-1, 1)), CLASSIFIER_SRC).findings, 'one-class-targets:y');
    assert.ok(f);
    assert.deepEqual([f!.confirmed, f!.rootCause], [true, 'label-encoding']);
    assert.match(f!.message, /Every one of the 800 training targets is class 0.*"1" === 1 is false/);
    assert.equal(byId(configOnly(allZero(new TraceBuilder().model(model(1)).xRange(-1, 1)), CLASSIFIER_SRC).findings, 'one-class-targets:y'), undefined);
  });
});

describe('batch normalization with momentum 1', () => {
  const model = (momentum: number) =>
    classifierModel({ layers: [{ className: 'BatchNormalization', line: 7, config: { momentum } }, dense(16, 'relu', 8), dense(3, 'softmax', 9)] });
  it('is certain at once, on the layer, with a fix to 0.99; the default momentum is no finding', () => {
    const src = withLine(CLASSIFIER_SRC, 7, '  model.add(tf.layers.batchNormalization({ inputShape: [4], momentum: 1 }));');
    const f = configOnly(new TraceBuilder().model(model(1)).xRange(-1, 1).yOneHot(3), src).findings.find((x) => x.symptom === 'moving-statistics-frozen');
    assert.ok(f, 'a finding on the layer');
    assert.deepEqual([f!.confirmed, f!.rootCause, f!.location?.line], [true, 'architecture', 7]);
    assert.match(f!.message, /stay at their starting 0 and 1 for good/);
    assert.equal(lineOf(applyFix(src, f!.fix), 7), '  model.add(tf.layers.batchNormalization({ inputShape: [4], momentum: 0.99 }));');
    assert.deepEqual(configOnly(new TraceBuilder().model(model(0.99)).xRange(-1, 1).yOneHot(3), src).findings, []);
  });
});

describe('sigmoid in hidden layers under plain SGD', () => {
  const model = (optimizer: string) =>
    classifierModel({ optimizer: { className: optimizer, learningRate: 0.1 }, layers: [dense(16, 'sigmoid', 7), dense(3, 'linear', 8), act('softmax', 9)] });
  it('stays hidden until a stall, then explains it, with a fix to relu', () => {
    const src = withLine(CLASSIFIER_SRC, 7, "  model.add(tf.layers.dense({ units: 16, inputShape: [4], activation: 'sigmoid' }));");
    const b = new TraceBuilder().model(model('SGDOptimizer')).xRange(-1, 1).yOneHot(3);
    assert.deepEqual(configOnly(b).findings, []);
    flat(400, 1.0986, 0.01).forEach(() => b.step(1.0986, { acc: 0.33 }));
    const f = byId(run(b.events, sources(src)).findings, 'loss-not-decreasing:loss')!;
    assert.deepEqual([f.rootCause, f.location?.line], ['hidden-activation', 7]);
    assert.equal(lineOf(applyFix(src, f.fix), 7), "  model.add(tf.layers.dense({ units: 16, inputShape: [4], activation: 'relu' }));");
  });

  it('is no cause under Adam, which rescales its steps', () => {
    const b = new TraceBuilder().model(model('AdamOptimizer')).xRange(-1, 1).yOneHot(3);
    flat(400, 1.0986, 0.01).forEach(() => b.step(1.0986, { acc: 0.33 }));
    assert.notEqual(byId(run(b.events, sources(CLASSIFIER_SRC)).findings, 'loss-not-decreasing:loss')?.rootCause, 'hidden-activation');
  });
});

describe('a convolution that strides past its kernel', () => {
  const SRC = withLine(CLASSIFIER_SRC, 7, "  model.add(tf.layers.conv2d({ inputShape: [12, 12, 1], filters: 8, kernelSize: 3, strides: 5, activation: 'relu' }));");
  const model = (strides: string) =>
    classifierModel({
      layers: [
        { className: 'Conv2D', activation: 'relu', line: 7, outputShape: [null, 2, 2, 8], config: { strides, padding: 'valid' }, weights: [{ name: 'kernel', shape: [3, 3, 1, 8] }, { name: 'bias', shape: [8] }] },
        { className: 'GlobalMaxPooling2D', line: 8, outputShape: [null, 8] },
        dense(4, 'softmax', 9),
      ],
    });
  it('is a warning on the layer that a stall confirms, fixed to stride 1; strides up to the kernel are no finding', () => {
    const b = new TraceBuilder().model(model('5,5')).xRange(0, 1).yOneHot(4);
    const [f] = configOnly(b, SRC).findings;
    assert.deepEqual([f?.id, f?.confirmed, f?.rootCause, f?.location?.line], ['stride-skips-input:conv2d_1', false, 'architecture', 7]);
    assert.match(f!.message, /moves its 3×3 window 5×5 at a time.*about 64% of its input is never read/);
    assert.equal(lineOf(applyFix(SRC, f!.fix), 7), "  model.add(tf.layers.conv2d({ inputShape: [12, 12, 1], filters: 8, kernelSize: 3, strides: 1, activation: 'relu' }));");
    assert.deepEqual(configOnly(new TraceBuilder().model(model('3,3')).xRange(0, 1).yOneHot(4), SRC).findings, []);
  });
});

describe('a pooling window as large as the image', () => {
  const SRC = [
    "const tf = require('@tensorflow/tfjs');",
    'async function main() {',
    '  const model = tf.sequential();',
    "  model.add(tf.layers.conv2d({ filters: 6, kernelSize: 3, padding: 'same', activation: 'relu', inputShape: [SIDE, SIDE, 1] }));",
    '  model.add(tf.layers.maxPooling2d({ poolSize: SIDE }));',
    '  model.add(tf.layers.flatten());',
    "  model.add(tf.layers.dense({ units: 4, activation: 'softmax' }));",
    '}',
  ].join('\n');
  const model = (pooled: number) =>
    classifierModel({
      layers: [
        { className: 'Conv2D', activation: 'relu', line: 4, outputShape: [null, 10, 10, 6] },
        { className: 'MaxPooling2D', line: 5, outputShape: [null, pooled, pooled, 6] },
        { className: 'Flatten', line: 6, outputShape: [null, 6 * pooled * pooled] },
        dense(4, 'softmax', 7),
      ],
    });
  const stalled = (pooled: number) => {
    const b = new TraceBuilder().model(model(pooled)).xRange(0, 1).yOneHot(4);
    flat(400, 1.386, 0.01).forEach(() => b.step(1.386, { acc: 0.25 }));
    return byId(run(b.events, sources(SRC)).findings, 'loss-not-decreasing:loss')!;
  };

  it('explains a stall, with a fix that pools over 2×2 windows', () => {
    const f = stalled(1);
    assert.deepEqual([f.rootCause, f.location?.line], ['architecture', 5]);
    assert.equal(lineOf(applyFix(SRC, f.fix), 5), '  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));');
  });

  it('is no cause when the pooling keeps a layout', () => {
    assert.notEqual(stalled(5).rootCause, 'architecture');
  });
});

describe('a callback that sets the weights fit started from back at every epoch', () => {
  const SRC = withLine(CLASSIFIER_SRC, 13, '    model.setWeights(bestWeights);');
  const restored = (restoresStart: boolean) => {
    const b = new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3);
    for (let epoch = 0; epoch < 5; epoch++) {
      // Within each epoch the loss falls; the next starts where the first did.
      decaying(32, 1.1, 0.6, 0.05, 0.01, epoch).forEach((l) => b.step(l, { acc: 0.5, epoch }));
      b.epoch(epoch, { loss: 0.9 - epoch * 0.005, acc: 0.5 });
      b.events.push({ type: 'weightsSet', modelId: b.modelId, site: site(13, 11), epoch, iter: (epoch + 1) * 32, restoresStart });
    }
    return run(b.end().events, sources(SRC)).findings;
  };

  it('is an error on the setWeights call once three epochs started over, though the loss falls within each', () => {
    const f = restored(true)[0]!;
    assert.deepEqual([f.id, f.confirmed, f.rootCause, f.location?.line], ['weights-reset:model', true, 'weight-initialization', 13]);
    assert.match(f.message, /^model\.setWeights is called while fit trains the model, in 3 of its epochs \(first in epoch 1\), and each time it puts back the weights fit started from/);
    assert.ok(f.evidence.some((e) => /^epoch losses 0\.9, 0\.895, 0\.89: none better than the first$/.test(e)), f.evidence.join(' | '));
  });

  it('restoring learned weights (the best so far) is no finding', () => {
    assert.equal(restored(false).find((f) => f.symptom === 'weights-reset'), undefined);
  });
});

describe('targets that are one of the input columns', () => {
  const SRC = withLine(CLASSIFIER_SRC, 5, '  const y = table.slice([0, 4], [n, 1]);');
  const copied = (copiedColumn: number | undefined) =>
    new TraceBuilder()
      .model({ layers: [dense(16, 'relu', 7), dense(1, 'linear', 8)], loss: 'meanSquaredError', compileLine: 11, fitLine: 12 })
      .xRange(-1, 1, 1000, 5)
      .data('y', { shape: [1000, 1], dtype: 'float32', count: 1000, min: 0, max: 12, mean: 6, std: 3, nanCount: 0, infCount: 0, distinct: null, oneHotRows: false, neighbourTargets: { kind: 'values', pairs: 256, candidates: 1000, correlation: 0.99, ...(copiedColumn === undefined ? {} : { copiedColumn }) } }, 5);

  it('is an error where the targets are made, whatever training shows', () => {
    const b = copied(4);
    decaying(200, 1, 0.001, 0.05).forEach((l) => b.step(l));
    const f = run(b.events, sources(SRC)).findings[0]!;
    assert.deepEqual([f.id, f.confirmed, f.rootCause, f.location?.line], ['targets-are-inputs:y', true, 'training-data', 5]);
    assert.match(f.message, /^The targets are column 4 of the inputs \(of 5\), value for value in every row compared/);
  });

  it('targets computed from the inputs are no finding', () => {
    assert.equal(configOnly(copied(undefined), SRC).findings.find((f) => f.symptom === 'targets-are-inputs'), undefined);
  });

  it('a forecasting window that ends at its target: shown where the window is cut, fixed one step earlier', () => {
    const src = withLine(withLine(withLine(withLine(CLASSIFIER_SRC, 2, '    xs.push(values.slice(i - WINDOW + 1, i + 1));'), 3, '    ys.push([values[i]]);'), 4, '  const x = tf.tensor2d(xs, [n, 12]);'), 5, '  const y = tf.tensor2d(ys, [n, 1]);');
    const b = new TraceBuilder().model({ layers: [dense(16, 'relu', 7), dense(1, 'linear', 8)], loss: 'meanSquaredError', compileLine: 11, fitLine: 12 });
    const summary = (shape: number[], extra: Partial<TensorSummary> = {}) => ({ shape, dtype: 'float32', count: shape[0]! * shape[1]!, min: -2, max: 2, mean: 0, std: 1, nanCount: 0, infCount: 0, distinct: null, oneHotRows: false, ...extra }) as TensorSummary;
    b.events.push({ type: 'data', modelId: b.modelId, role: 'x', slot: 0, summary: summary([1000, 12]), site: site(12, 9), origin: { site: site(4, 13) } });
    b.events.push({ type: 'data', modelId: b.modelId, role: 'y', slot: 0, summary: summary([1000, 1], { neighbourTargets: { kind: 'values', pairs: 256, candidates: 1000, correlation: 0.99, copiedColumn: 11 } }), site: site(12, 9), origin: { site: site(5, 13) } });
    const f = configOnly(b, src).findings[0]!;
    assert.deepEqual([f.id, f.confirmed, f.location?.line], ['targets-are-inputs:y', true, 2]);
    assert.match(f.message, /The last value of each input window is the value it should predict/);
    assert.equal(lineOf(applyFix(src, f.fix), 2), '    xs.push(values.slice(i - WINDOW, i));');
  });
});

describe('inputs one-hot encoded with a depth below their ids', () => {
  const SRC = withLine(withLine(CLASSIFIER_SRC, 4, '  const vocabSize = maxLen + 2;'), 5, '  const x = tf.oneHot(ids, vocabSize);');
  const encoded = (outOfRange: number) => {
    const b = new TraceBuilder().model({ layers: [dense(16, 'relu', 7), dense(1, 'sigmoid', 8)], loss: 'binaryCrossentropy', compileLine: 11, fitLine: 12 }).xRange(0, 1).yBinary(0.5);
    (b.events.find((e) => e.type === 'data' && e.role === 'x') as { summary: TensorSummary }).summary.shape = [400, 20, 14];
    b.events.push({ type: 'oneHot', site: site(5, 13), depth: 14, min: 0, max: 73, outOfRange, count: 8000 });
    return b;
  };

  it('loses the ids past the depth: certain, shown where the depth is declared, fixed with a depth above every id', () => {
    const f = configOnly(encoded(3100), SRC).findings[0]!;
    assert.deepEqual([f.id, f.confirmed, f.rootCause, f.location?.line], ['inputs-past-one-hot-depth:x', true, 'training-data', 4]);
    assert.match(f.message, /^3100 of the 8000 ids given to tf\.oneHot\(…, 14\) \(39%\) are 14 or more, up to 73: each becomes a row of all 0s/);
    assert.equal(lineOf(applyFix(SRC, f.fix), 4), '  const vocabSize = 74;');
  });

  it('a handful of ids past the depth (rare words mapped out on purpose) is no finding', () => {
    assert.equal(configOnly(encoded(40), SRC).findings.find((f) => f.id === 'inputs-past-one-hot-depth:x'), undefined);
  });

  it("negative ids (a hash taken % depth, whose sign JavaScript's % keeps): certain, shown at the %, fixed to a remainder in [0, depth)", () => {
    let src = withLine(CLASSIFIER_SRC, 2, 'const bucketOf = (word) => hashOf(word) % BUCKETS;');
    src = withLine(src, 5, '  const x = tf.stack(texts.map((t) => tf.oneHot(tf.tensor1d(t.map(bucketOf), "int32"), BUCKETS).max(0)));');
    const b = new TraceBuilder().model({ layers: [dense(16, 'relu', 7), dense(1, 'sigmoid', 8)], loss: 'binaryCrossentropy', compileLine: 11, fitLine: 12 }).xRange(0, 1).yBinary(0.5);
    (b.events.find((e) => e.type === 'data' && e.role === 'x') as { summary: TensorSummary }).summary.shape = [400, 512];
    b.events.push({ type: 'oneHot', site: site(5, 57), depth: 512, min: -430, max: 500, outOfRange: 2, count: 8 });
    const f = configOnly(b, src).findings[0]!;
    assert.deepEqual([f.id, f.confirmed, f.rootCause, f.location?.line], ['inputs-past-one-hot-depth:x', true, 'training-data', 2]);
    assert.match(f.message, /^2 of the 8 ids given to tf\.oneHot\(…, 512\) \(25%\) are negative, down to -430: each becomes a row of all 0s/);
    assert.equal(lineOf(applyFix(src, f.fix), 2), 'const bucketOf = (word) => ((hashOf(word) % BUCKETS) + BUCKETS) % BUCKETS;');
  });
});

describe("targets given to fit in another order than the model's outputs", () => {
  const SRC = withLine(CLASSIFIER_SRC, 12, '  await model.fit(x, [yClass, yPrice], { epochs: 10 });');
  const twoHeads = (priceTargets: 'values' | 'labels') => {
    const b = new TraceBuilder().model({ layers: [dense(16, 'relu', 7), dense(1, 'linear', 8, { name: 'price' }), dense(1, 'sigmoid', 9, { name: 'quick_sale' })], loss: ['meanSquaredError', 'binaryCrossentropy'], compileLine: 11, fitLine: 12 });
    b.modelEvent!.layers[2]!.inbound = [b.modelEvent!.layers[0]!.name];
    b.xRange(-1, 1);
    const labels = { shape: [1000, 1], dtype: 'float32', count: 1000, min: 0, max: 1, mean: 0.4, std: 0.49, nanCount: 0, infCount: 0, distinct: [0, 1], oneHotRows: false, distinctCounts: [600, 400], columnMeans: [0.4] };
    const values = { shape: [1000, 1], dtype: 'float32', count: 1000, min: 0.5, max: 11, mean: 4, std: 2, nanCount: 0, infCount: 0, distinct: null, oneHotRows: false };
    const [first, second] = priceTargets === 'labels' ? [labels, values] : [values, labels];
    b.events.push({ type: 'data', modelId: b.modelId, role: 'y', slot: 0, summary: first as TensorSummary, site: site(12, 9) });
    b.events.push({ type: 'data', modelId: b.modelId, role: 'y', slot: 1, summary: second as TensorSummary, site: site(12, 9) });
    return configOnly(b, SRC).findings;
  };

  it('is certain, on fit, fixed by swapping them', () => {
    const f = twoHeads('labels')[0]!;
    assert.deepEqual([f.id, f.confirmed, f.rootCause, f.location?.line], ['output-targets-swapped:quick_sale', true, 'training-data', 12]);
    assert.match(f.message, /^fit's targets are in the wrong order: quick_sale \(binaryCrossentropy\) gets values from 0\.5 to 11, while price \(meanSquaredError\) gets 0\/1 labels/);
    assert.equal(lineOf(applyFix(SRC, f.fix), 12), '  await model.fit(x, [yPrice, yClass], { epochs: 10 });');
  });

  it('targets in the outputs\' order are no finding', () => {
    assert.deepEqual(twoHeads('values').filter((f) => f.symptom === 'output-targets-swapped'), []);
  });
});

describe('binary labels written as -1 and 1 where they are computed', () => {
  const SRC = withLine(withLine(CLASSIFIER_SRC, 4, '  for (const s of scores) ys.push(s > 0 ? 1 : -1);'), 5, '  const y = tf.tensor2d(ys, [n, 1]);');
  it('is shown on that statement, with a fix that writes 0 there (and one that re-encodes the tensor)', () => {
    const b = new TraceBuilder().model({ layers: [dense(16, 'relu', 7), dense(1, 'sigmoid', 8)], loss: 'binaryCrossentropy', compileLine: 11, fitLine: 12 }).xRange(-1, 1);
    const summary = { ...summary2([-1, 1]), shape: [1000, 1], count: 1000 } as TensorSummary;
    b.events.push({ type: 'data', modelId: b.modelId, role: 'y', slot: 0, summary, site: site(12, 9), origin: { site: site(5, 13) } });
    const f = configOnly(b, SRC).findings[0]!;
    assert.deepEqual([f.id, f.confirmed, f.location?.line], ['label-encoding-mismatch:y', true, 4]);
    assert.equal(lineOf(applyFix(SRC, f.fix), 4), '  for (const s of scores) ys.push(s > 0 ? 1 : 0);');
    assert.deepEqual(f.alternatives.map((a) => a.title), ['Encode the two target values (-1 and 1) as 0 and 1']);
  });
  function summary2(values: number[]): Partial<TensorSummary> {
    return { dtype: 'float32', min: values[0]!, max: values[values.length - 1]!, mean: 0, std: 1, nanCount: 0, infCount: 0, distinct: values, oneHotRows: false, distinctCounts: [500, 500] };
  }
});

describe('label smoothing of 1 in a custom loop', () => {
  const SRC = withLine(withLine(CLASSIFIER_SRC, 4, '  const LABEL_SMOOTHING = 1;'), 12, '  for (let i = 0; i < 200; i++) optimizer.minimize(() => tf.losses.softmaxCrossEntropy(y, model.predict(x), undefined, LABEL_SMOOTHING));');
  const loop = (labelSmoothing: number) => {
    const b = new TraceBuilder().model(classifierModel({ mode: 'custom', compileLine: undefined, fitLine: undefined, loss: [] }, 'linear')).xRange(-1, 1);
    b.events.push({ type: 'lossCall', modelId: b.modelId, fn: 'softmaxCrossEntropy', site: site(12, 70), probabilities: false, swapped: false, classes: 4, positiveRate: null, labelSmoothing, reduction: null });
    return configOnly(b, SRC).findings;
  };

  it('makes every target uniform: certain, shown where the value is declared, fixed to 0.1', () => {
    const f = loop(1).find((x) => x.symptom === 'label-smoothing-heavy')!;
    assert.deepEqual([f.confirmed, f.rootCause, f.location?.line], [true, 'loss-function', 4]);
    assert.match(f.message, /the targets become 0\.25 for the true class and 0\.25 for each other class, the same for every class/);
    assert.equal(lineOf(applyFix(SRC, f.fix), 4), '  const LABEL_SMOOTHING = 0.1;');
  });

  it('the usual 0.1 is no finding', () => {
    assert.equal(loop(0.1).find((x) => x.symptom === 'label-smoothing-heavy'), undefined);
  });
});

describe('validationSplit read as the share to train on', () => {
  const SRC = withLine(CLASSIFIER_SRC, 12, '  await model.fit(x, y, { epochs: 20, validationSplit: 0.9 });');
  const split = (validationSplit: number) => {
    const b = new TraceBuilder().model(classifierModel()).xRange(-1, 1, 3000).yOneHot(3, 3000);
    b.modelEvent!.fitConfig['validationSplit'] = validationSplit;
    b.modelEvent!.fitConfig['validationSamples'] = Math.round(3000 * validationSplit);
    return b;
  };

  it('0.9 trains on a tenth of the rows: a warning on fit with a fix that holds out 0.1, confirmed when validation stays far behind', () => {
    const warned = configOnly(split(0.9), SRC).findings.find((f) => f.id === 'rows-left-out:validationSplit')!;
    assert.deepEqual([warned.confirmed, warned.location?.line], [false, 12]);
    assert.match(warned.message, /^validationSplit 0\.9 holds out 90% of the rows for validation, so fit trains on only 10% \(300 of 3000 rows\)/);
    assert.equal(lineOf(applyFix(SRC, warned.fix), 12), '  await model.fit(x, y, { epochs: 20, validationSplit: 0.1 });');
    const b = split(0.9);
    decaying(200, 1.1, 0.05, 0.03, 0.01).forEach((l, i) => {
      b.step(l, { acc: Math.min(0.99, 0.4 + i / 200) });
      if (i % 20 === 19) b.epoch(Math.floor(i / 20), { loss: l, acc: 0.95, val_loss: 0.9, val_acc: 0.6 });
    });
    const f = run(b.events, sources(SRC)).findings.find((x) => x.id === 'rows-left-out:validationSplit')!;
    assert.equal(f.confirmed, true);
  });

  it('a usual split is no finding', () => {
    assert.equal(configOnly(split(0.2), SRC).findings.find((f) => f.id === 'rows-left-out:validationSplit'), undefined);
  });
});

describe('softmax on a hidden layer', () => {
  const SRC = withLine(CLASSIFIER_SRC, 8, "  model.add(tf.layers.dense({ units: 128, activation: 'softmax' }));");
  const model = (hidden: string) => new TraceBuilder().model({ layers: [dense(64, 'relu', 7), dense(128, hidden, 8), dense(5, 'softmax', 9)], loss: 'categoricalCrossentropy', compileLine: 11, fitLine: 12 }).xRange(-1, 1).yOneHot(5);

  it('is a warning on that layer, confirmed by a stall it explains, fixed to relu', () => {
    const warned = configOnly(model('softmax'), SRC).findings.find((f) => f.symptom === 'hidden-softmax')!;
    assert.deepEqual([warned.confirmed, warned.rootCause, warned.location?.line], [false, 'hidden-activation', 8]);
    assert.equal(lineOf(applyFix(SRC, warned.fix), 8), "  model.add(tf.layers.dense({ units: 128, activation: 'relu' }));");
    const b = model('softmax');
    flat(300, 1.609, 0.002).forEach((l) => b.step(l, { acc: 0.2 }));
    const f = run(b.events, sources(SRC)).findings[0]!;
    assert.deepEqual([f.symptom, f.confirmed, f.location?.line], ['hidden-softmax', true, 8]);
  });

  it('softmax on the output only is no finding', () => {
    assert.equal(configOnly(model('relu'), SRC).findings.find((f) => f.symptom === 'hidden-softmax'), undefined);
  });
});

describe('a hand-written update that climbs the gradient', () => {
  const SRC = withLine(CLASSIFIER_SRC, 12, '  for (const p of params) p.assign(p.add(grads[p.name].mul(LR)));');
  it('is certain from the probe, on the write, fixed to subtract', () => {
    const b = new TraceBuilder().model(classifierModel({ mode: 'custom', compileLine: undefined, fitLine: undefined, loss: [] })).xRange(-1, 1);
    b.events.push({ type: 'gradientAscent', modelId: b.modelId, site: site(12, 32), writes: 12, minCosine: 1 });
    const f = configOnly(b, SRC).findings[0]!;
    assert.deepEqual([f.id, f.confirmed, f.rootCause, f.location?.line], ['gradient-ascent:update', true, 'optimizer', 12]);
    assert.equal(lineOf(applyFix(SRC, f.fix), 12), '  for (const p of params) p.assign(p.sub(grads[p.name].mul(LR)));');
  });
});

describe('huberLoss with a delta far below its errors', () => {
  const SRC = withLine(withLine(CLASSIFIER_SRC, 2, 'const HUBER_DELTA = 1e-4;'), 10, '  const huber = (y, p) => tf.losses.huberLoss(y, p, undefined, HUBER_DELTA);');
  const call = (optimizer: string, delta: number) => {
    const b = new TraceBuilder().model(classifierModel({ optimizer: { className: optimizer, learningRate: 0.05 } })).xRange(-1, 1).yContinuous(-5, 5);
    b.events.push({ type: 'lossCall', modelId: b.modelId, fn: 'huberLoss', site: site(10, 34), probabilities: false, swapped: false, classes: 1, positiveRate: null, labelSmoothing: 0, reduction: null, huber: { delta, meanError: 3.4 } });
    return b;
  };
  it('under SGD: a warning on the delta that a stall confirms, fixed to 1; under Adam, or with delta 1, no finding', () => {
    const b = call('SGD', 1e-4);
    const [f] = configOnly(b, SRC).findings;
    assert.deepEqual([f?.id, f?.confirmed, f?.location?.line], ['huber-delta-tiny:loss', false, 2]);
    assert.match(f!.message, /^tf\.losses\.huberLoss is given delta 1\.00e-4, while its errors average 3\.4/);
    assert.equal(lineOf(applyFix(SRC, f!.fix), 2), 'const HUBER_DELTA = 1;');
    flat(300, 3.9e-4, 0.01).forEach((l) => b.step(l));
    b.end();
    assert.equal(run(b.events, sources(SRC)).findings.find((x) => x.id === 'huber-delta-tiny:loss')?.confirmed, true);
    assert.equal(configOnly(call('Adam', 1e-4), SRC).findings.find((x) => x.id === 'huber-delta-tiny:loss'), undefined);
    assert.equal(configOnly(call('SGD', 1), SRC).findings.find((x) => x.id === 'huber-delta-tiny:loss'), undefined);
  });
});

describe('gradient noise far larger than the gradients', () => {
  const SRC = withLine(CLASSIFIER_SRC, 10, '      noisy[name] = grads[name].add(tf.randomNormal(grads[name].shape, 0, GRAD_NOISE_STD));');
  it('is a warning on the addition that a stall confirms, fixed by applying the gradients as computed', () => {
    const b = new TraceBuilder().model(classifierModel({ mode: 'custom', compileLine: undefined, fitLine: undefined, loss: [] })).xRange(-1, 1);
    b.events.push({ type: 'gradientsAltered', modelId: b.modelId, iter: 2, kind: 'noised', ratios: [79, 89.6, 64.3], cosines: [0.001, 0.048, 0.04], applySite: site(11, 7), madeBy: { kernel: 'Add', site: site(10, 37) }, adaptive: true, elapsedMs: 60 });
    const [f] = configOnly(b, SRC).findings;
    assert.deepEqual([f?.id, f?.confirmed, f?.rootCause, f?.location?.line], ['gradients-drowned', false, 'regularization', 10]);
    assert.match(f!.message, /×79, ×89\.6, ×64\.3 the size of the computed gradients.*cosine 0\.001/);
    assert.equal(lineOf(applyFix(SRC, f!.fix), 10), '      noisy[name] = grads[name];');
  });
});

describe('fit compiled with a loss function that calls tf.losses.logLoss', () => {
  const model = (activation: string) => ({ layers: [dense(16, 'relu', 7), dense(1, activation, 8)], loss: 'loss', compileLine: 11, fitLine: 12 });
  const call = (b: TraceBuilder) => {
    b.events.push({ type: 'lossCall', modelId: b.modelId, fn: 'logLoss', site: site(11, 60), probabilities: false, swapped: false, classes: 1, positiveRate: null, labelSmoothing: 0, reduction: null });
    return b;
  };
  it('on a linear output: certain, on the output layer, fixed with sigmoid; on a sigmoid output, no finding', () => {
    const src = withLine(CLASSIFIER_SRC, 8, '  model.add(tf.layers.dense({ units: 1 }));');
    const f = configOnly(call(new TraceBuilder().model(model('linear')).xRange(-1, 1).yBinary(0.4)), src).findings.find((x) => x.id.startsWith('activation-loss-mismatch:logLoss'));
    assert.deepEqual([f?.confirmed, f?.rootCause, f?.location?.line], [true, 'output-activation', 8]);
    assert.equal(lineOf(applyFix(src, f!.fix), 8), "  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));");
    assert.equal(configOnly(call(new TraceBuilder().model(model('sigmoid')).xRange(-1, 1).yBinary(0.4)), src).findings.find((x) => x.id.startsWith('activation-loss-mismatch')), undefined);
  });
});

describe('a fitDataset pipeline cut by .take()', () => {
  const SRC = withLine(CLASSIFIER_SRC, 10, '  const ds = tf.data.zip({ xs, ys }).shuffle(768).batch(32).take(1);');
  const taken = (kept: number, epochs = 12, of = 24) => {
    const b = new TraceBuilder().model(classifierModel({ mode: 'fitDataset', epochs })).xRange(-1, 1).yOneHot(3);
    b.events.push({ type: 'datasetTaken', modelId: b.modelId, site: site(10, 63), kept, of, batches: true });
    return b;
  };
  it('over a run of a dozen updates: certain on the take, fixed by removing it; a take of most batches is no finding', () => {
    const [f] = configOnly(taken(1), SRC).findings;
    assert.deepEqual([f?.id, f?.confirmed, f?.location?.line], ['dataset-taken:fit', true, 10]);
    assert.match(f!.message, /^\.take\(1\) keeps 1 batch of the 24 batches the dataset held, and fitDataset trains on it in each of its 12 epochs: 12 updates in all/);
    assert.equal(lineOf(applyFix(SRC, f!.fix), 10), '  const ds = tf.data.zip({ xs, ys }).shuffle(768).batch(32);');
    assert.deepEqual(configOnly(taken(20), SRC).findings, []);
  });
  it('over a longer run: a warning that a stall confirms', () => {
    const b = taken(2, 60, 200);
    assert.equal(configOnly(b, SRC).findings[0]?.confirmed, false);
    flat(300, 1.0986, 0.01).forEach((l) => b.step(l, { acc: 0.33 }));
    b.end();
    assert.equal(run(b.events, sources(SRC)).findings.find((x) => x.id === 'dataset-taken:fit')?.confirmed, true);
  });
});

describe('a hand-applied penalty that buries the loss', () => {
  const SRC = withLine(CLASSIFIER_SRC, 2, '  const activityReg = tf.regularizers.l1({ l1: 1 });');
  function penaltyRun(): TraceBuilder {
    const b = new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3);
    b.events.push({ type: 'penaltyDominates', modelId: b.modelId, site: site(2, 39), key: 'l1', factor: 1, penalty: 390, rest: 1.03 });
    return b;
  }

  it('is a warning on the regularizer, kept while the loss falls, with a factor that starts the penalty near a hundredth of the loss', () => {
    const b = penaltyRun();
    const warned = configOnly(b, SRC).findings;
    assert.deepEqual(warned.map((f) => `${f.id}:${f.confirmed}:${f.location?.line}:${f.rootCause}`), ['penalty-dominates:regularizer:false:2:regularization']);
    assert.equal(lineOf(applyFix(SRC, warned[0]!.fix), 2), '  const activityReg = tf.regularizers.l1({ l1: 1e-5 });');
    decaying(300, 300, 1.0986, 0.05, 0.001).forEach((l) => b.step(l));
    b.end();
    assert.ok(run(b.events, sources(SRC)).findings.some((f) => f.id === 'penalty-dominates:regularizer'));
  });
});

describe("a loss computed on the model's outputs divided by a temperature", () => {
  const SRC = withLine(CLASSIFIER_SRC, 11, '  const lossFn = (labels, logits) => tf.losses.softmaxCrossEntropy(labels, logits.div(T));');
  const scaled = (factor: number, kernel = 'RealDiv') => {
    const b = new TraceBuilder().model(classifierModel({ mode: 'custom' })).xRange(-1, 1).yOneHot(3);
    b.events.push({ type: 'outputScaled', modelId: b.modelId, kernel, factor, site: site(11, 82), steps: 3 });
    return b;
  };

  it('a stall confirms it on the line that divides, with the division removed as the fix', () => {
    const b = scaled(1 / 20);
    const warned = configOnly(b, SRC).findings;
    assert.deepEqual(warned.map((f) => `${f.id}:${f.confirmed}`), ['outputs-scaled-before-loss:loss:false']);
    assert.match(warned[0]!.message, /The loss is computed on the model's outputs divided by 20 .*every gradient reaching the weights is 20 times smaller/);
    flat(300, 1.0986, 0.003).forEach((l) => b.step(l, { acc: 0.33 }));
    const f = run(b.events, sources(SRC)).findings.find((x) => x.confirmed)!;
    assert.deepEqual([f.id, f.rootCause, f.location?.line], ['outputs-scaled-before-loss:loss', 'loss-function', 11]);
    assert.equal(lineOf(applyFix(SRC, f.fix), 11), '  const lossFn = (labels, logits) => tf.losses.softmaxCrossEntropy(labels, logits);');
  });

  it('outputs multiplied by 50 (an inverse temperature): every step 50 times larger, confirmed by a swinging or stuck loss, fixed by removing the product', () => {
    const src = withLine(CLASSIFIER_SRC, 11, '  const lossFn = (labels, logits) => tf.losses.softmaxCrossEntropy(labels, logits.mul(1 / T));');
    const b = scaled(50, 'Multiply');
    assert.match(configOnly(b, src).findings[0]!.message, /multiplied by 50 .*each step is as large as a learning rate 50 times higher would make it/);
    flat(300, 80, 8).forEach((l) => b.step(l, { acc: 0.33 }));
    const f = run(b.events, sources(src)).findings.find((x) => x.confirmed)!;
    assert.deepEqual([f.rootCause, f.location?.line], ['loss-function', 11]);
    assert.equal(lineOf(applyFix(src, f.fix), 11), '  const lossFn = (labels, logits) => tf.losses.softmaxCrossEntropy(labels, logits);');
  });

  it('training that learns withdraws it; outputs halved are no finding', () => {
    const b = scaled(1 / 20);
    decaying(300, 1.1, 0.3, 0.03, 0.01).forEach((l, i) => b.step(l, { acc: Math.min(0.95, 0.4 + i / 300) }));
    assert.deepEqual(run(b.events, sources(SRC)).findings, []);
    assert.deepEqual(configOnly(scaled(0.5), SRC).findings, []);
  });
});

describe("a custom loop's weights written outside the optimizer after every step", () => {
  const SRC = withLine(CLASSIFIER_SRC, 12, '  weights.forEach((w, i) => w.write(averages[i]));');
  const overwritten = () => {
    const b = new TraceBuilder().model(classifierModel({ mode: 'custom' })).xRange(-1, 1).yOneHot(3);
    b.events.push({ type: 'weightsOverwritten', modelId: b.modelId, site: site(12, 33), steps: 3, variables: 4 });
    return b;
  };

  it('a stall confirms it on the line that writes them, with the optimizer as the root cause and no fix', () => {
    const b = overwritten();
    const warned = configOnly(b, SRC).findings;
    assert.deepEqual(warned.map((f) => `${f.id}:${f.confirmed}`), ['weights-overwritten:model:false']);
    assert.match(warned[0]!.message, /After each step the optimizer takes, this line writes new values into 4 of the weight tensors the optimizer trains/);
    flat(300, 1.0986, 0.003).forEach((l) => b.step(l, { acc: 0.33 }));
    const f = run(b.events, sources(SRC)).findings.find((x) => x.confirmed)!;
    assert.deepEqual([f.id, f.rootCause, f.location?.line, f.fix ?? null], ['weights-overwritten:model', 'optimizer', 12, null]);
  });

  it('every weight multiplied by one factor far below 1: a collapsing weight decay, fixed where the factor is written; a factor just below 1 is the usual decay', () => {
    const src = withLine(withLine(CLASSIFIER_SRC, 2, 'const DECAY = 0.5;'), 12, '  for (const v of model.trainableWeights) v.write(v.read().mul(DECAY));');
    const decayed = (factor: number) => {
      const b = new TraceBuilder().model(classifierModel({ mode: 'custom' })).xRange(-1, 1).yOneHot(3);
      b.events.push({ type: 'weightsOverwritten', modelId: b.modelId, site: site(12, 53), steps: 3, variables: 4, factor });
      return b;
    };
    const warned = configOnly(decayed(0.5), src).findings;
    assert.deepEqual(warned.map((f) => [f.id, f.rootCause, f.location?.line]), [['weights-overwritten:model', 'regularization', 12]]);
    assert.match(warned[0]!.message, /multiplies 4 of the weight tensors by 0\.5: a weight decay that takes away 50% of every weight at every step/);
    assert.equal(lineOf(applyFix(src, warned[0]!.fix), 2), 'const DECAY = 1 - 5e-4;');
    assert.equal(configOnly(decayed(0.9995), src).findings[0]?.rootCause, 'optimizer');
  });

  it('training that learns withdraws it (weight clipping, Lookahead)', () => {
    const b = overwritten();
    decaying(300, 1.1, 0.3, 0.03, 0.01).forEach((l, i) => b.step(l, { acc: Math.min(0.95, 0.4 + i / 300) }));
    assert.deepEqual(run(b.events, sources(SRC)).findings, []);
  });
});

describe('leakyReLU layers given alpha 1', () => {
  let src = withLine(CLASSIFIER_SRC, 7, '  model.add(tf.layers.dense({ units: 16, inputShape: [4] }));');
  src = withLine(src, 8, '  model.add(tf.layers.leakyReLU({ alpha: 1.0 }));');
  src = withLine(src, 9, "  model.add(tf.layers.dense({ units: 3, activation: 'softmax' }));");
  const model = (alpha: number, hiddenAct = 'linear') =>
    classifierModel({ layers: [dense(16, hiddenAct, 7), { className: 'LeakyReLU', line: 8, config: { alpha } }, dense(3, 'softmax', 9)] });

  it('as the only non-linearity: a stall confirms it on the leakyReLU, fixed with tfjs\'s default alpha', () => {
    const b = new TraceBuilder().model(model(1)).xRange(-1, 1).yOneHot(3);
    const warned = configOnly(b, src).findings;
    assert.deepEqual(warned.map((f) => `${f.id}:${f.confirmed}`), ['identity-activation:leakyrelu_2:false']);
    assert.match(warned[0]!.message, /with alpha 1 it passes them unchanged and is the identity/);
    assert.equal(lineOf(applyFix(src, warned[0]!.fix), 8), '  model.add(tf.layers.leakyReLU({ alpha: 0.3 }));');
    flat(300, 1.0986, 0.003).forEach((l) => b.step(l, { acc: 0.33 }));
    const f = run(b.events, sources(src)).findings.find((x) => x.confirmed)!;
    assert.deepEqual([f.id, f.rootCause, f.location?.line], ['identity-activation:leakyrelu_2', 'hidden-activation', 8]);
  });

  it('beside another non-linearity, or with a small alpha: no finding', () => {
    assert.deepEqual(configOnly(new TraceBuilder().model(model(1, 'relu')).xRange(-1, 1).yOneHot(3), src).findings, []);
    assert.deepEqual(configOnly(new TraceBuilder().model(model(0.2)).xRange(-1, 1).yOneHot(3), src).findings, []);
  });
});

describe('an activation layer applied in the functional API and then bypassed', () => {
  let src = withLine(CLASSIFIER_SRC, 7, '  const z = tf.layers.dense({ units: 16 }).apply(input);');
  src = withLine(src, 8, '  const h = tf.layers.reLU().apply(z);');
  src = withLine(src, 9, '  const d = tf.layers.dropout({ rate: 0.1 }).apply(z);');
  src = withLine(src, 10, "  const out = tf.layers.dense({ units: 3, activation: 'softmax' }).apply(d);");
  const bypassed = (hiddenAct: string, unused: Partial<UnusedLayer> = {}) => {
    const b = new TraceBuilder().model(
      classifierModel({ layers: [dense(16, hiddenAct, 7, { name: 'dense_1' }), { ...dropout(9), name: 'dropout_1' }, dense(3, 'softmax', 10, { name: 'dense_2' })] }),
    );
    b.modelEvent!.unusedLayers = [{ name: 're_lu_1', className: 'ReLU', activation: null, site: site(8, 13), input: 'dense_1', takenBy: [{ name: 'dropout_1', site: site(9, 13) }], ...unused }];
    return b.xRange(-1, 1).yOneHot(3);
  };

  it('certain at once on the layer that takes its input, fixed by passing its output on; the dense layer gets no second finding', () => {
    const findings = configOnly(bypassed('linear'), src).findings;
    assert.deepEqual(findings.map((f) => [f.id, f.confirmed, f.severity, f.rootCause, f.location?.line]), [['layer-output-unused:re_lu_1', true, 'error', 'hidden-activation', 9]]);
    assert.match(findings[0]!.message, /re_lu_1 \(ReLU\) is applied to dense_1's output, but nothing takes its output: dropout_1 takes dense_1's output instead/);
    assert.deepEqual(findings[0]!.related.map((r) => r.site.line), [8]);
    assert.equal(lineOf(applyFix(src, findings[0]!.fix), 9), '  const d = tf.layers.dropout({ rate: 0.1 }).apply(h);');
  });

  it('applied to a layer that has an activation, or a layer other than an activation: no finding (it may be for a model built later)', () => {
    assert.deepEqual(configOnly(bypassed('relu'), src).findings, []);
    assert.deepEqual(configOnly(bypassed('relu', { name: 'dense_9', className: 'Dense', activation: 'linear' }), src).findings, []);
  });
});

describe('gradients clipped to bounds that leave out negative values', () => {
  const src = withLine(CLASSIFIER_SRC, 5, '  for (const name of Object.keys(grads)) clipped[name] = tf.clipByValue(grads[name], 0, CLIP);');

  it('certain at once on the clip, fixed by clipping from minus the upper bound', () => {
    const b = new TraceBuilder().model(classifierModel({ mode: 'custom' })).xRange(-1, 1).yOneHot(3);
    b.events.push({ type: 'oneSidedClip', modelId: b.modelId, site: site(5, 67), min: 0, max: 1 });
    const f = configOnly(b, src).findings[0]!;
    assert.deepEqual([f.id, f.confirmed, f.rootCause, f.location?.line], ['gradients-clipped-one-sided', true, 'optimizer', 5]);
    assert.match(f.message, /clipped to \[0, 1\], which leaves out every negative value/);
    assert.equal(lineOf(applyFix(src, f.fix), 5), '  for (const name of Object.keys(grads)) clipped[name] = tf.clipByValue(grads[name], -CLIP, CLIP);');
  });
});

describe('a hinge relu(0 − d) on a distance: a contrastive loss with a margin of 0', () => {
  let src = withLine(CLASSIFIER_SRC, 2, 'const MARGIN = 0;');
  src = withLine(src, 5, '    const dissimilarTerm = tf.scalar(1).sub(same).mul(tf.relu(tf.scalar(MARGIN).sub(d)).square());');

  it('certain at once, shown where the margin is declared, fixed with a margin of 1', () => {
    const b = new TraceBuilder().model(classifierModel({ mode: 'custom' })).xRange(-1, 1).yOneHot(3);
    b.events.push({ type: 'zeroMargin', modelId: b.modelId, site: site(5, 78), of: 'Sqrt' });
    const f = configOnly(b, src).findings[0]!;
    assert.deepEqual([f.id, f.confirmed, f.rootCause, f.location?.line], ['margin-zero', true, 'loss-function', 2]);
    assert.match(f.message, /relu\(0 − d\) of a distance \(a square root\), which is never below 0: its margin is 0/);
    assert.equal(lineOf(applyFix(src, f.fix), 2), 'const MARGIN = 1;');
    // Written as a number: the literal is the margin.
    const inline = withLine(src, 5, '    const dissimilarTerm = tf.relu(tf.scalar(0).sub(d)).square();');
    const g = configOnly(b, inline).findings[0]!;
    assert.equal(lineOf(applyFix(inline, g.fix), 5), '    const dissimilarTerm = tf.relu(tf.scalar(1).sub(d)).square();');
  });
});

describe('a focal loss with an exponent far above 2', () => {
  let src = withLine(CLASSIFIER_SRC, 2, 'const GAMMA = 20;');
  src = withLine(src, 5, '  return alphaT.mul(tf.pow(tf.sub(1, pt), GAMMA)).mul(tf.log(pt)).neg().mean();');
  const shrunk = (className: string, learningRate: number) => {
    const b = new TraceBuilder().model(classifierModel({ optimizer: { className, learningRate, line: 10 } })).xRange(-1, 1).yOneHot(3);
    b.events.push({ type: 'powerShrinks', modelId: b.modelId, site: site(5, 26), exponent: 20, mean: 1.4e-5 });
    return b;
  };

  it('under SGD: certain at once, shown where the exponent is declared, fixed with 2', () => {
    const f = configOnly(shrunk('SGD', 0.1), src).findings[0]!;
    assert.deepEqual([f.id, f.confirmed, f.rootCause, f.location?.line], ['loss-shrunk-by-power', true, 'loss-function', 2]);
    assert.match(f.message, /raises values between 0 and 1 to the power 20, and at the first step their mean was 1\.40e-5/);
    assert.equal(lineOf(applyFix(src, f.fix), 2), 'const GAMMA = 2;');
  });

  it('under Adam, which rescales the gradients: no finding', () => {
    assert.deepEqual(configOnly(shrunk('Adam', 0.001), src).findings, []);
  });
});

describe('class ids that mean different things in different batches', () => {
  it('certain at once, on the line that makes the batch targets, with no fix', () => {
    const b = new TraceBuilder().model(classifierModel({ mode: 'fitDataset' })).xRange(-1, 1);
    b.events.push({ type: 'batchesRelabelled', modelId: b.modelId, batches: 12, rows: 384, within: 0.93, across: 0.2, chance: 0.2, site: site(5, 20) });
    const f = configOnly(b, CLASSIFIER_SRC).findings[0]!;
    assert.deepEqual([f.id, f.confirmed, f.rootCause, f.location?.line, f.fix], ['labels-differ-by-batch:y', true, 'label-encoding', 5, null]);
    assert.match(f.message, /nearest row in the same batch has its class 93% of the time, but its nearest row in another batch only 20%, about chance \(20%\)/);
  });
});

describe('a penalty on the weights subtracted from the loss', () => {
  it('certain at once on the difference, fixed by adding it', () => {
    const src = withLine(CLASSIFIER_SRC, 5, '    return dataLoss.sub(penalty);');
    const b = new TraceBuilder().model(classifierModel({ mode: 'custom' })).xRange(-1, 1).yOneHot(3);
    b.events.push({ type: 'penaltySubtracted', modelId: b.modelId, site: site(5, 21) });
    const f = configOnly(b, src).findings[0]!;
    assert.deepEqual([f.id, f.confirmed, f.rootCause, f.location?.line], ['penalty-subtracted', true, 'loss-function', 5]);
    assert.equal(lineOf(applyFix(src, f.fix), 5), '    return dataLoss.add(penalty);');
  });
});

describe('a layer normalization over an axis that holds one value', () => {
  const src = withLine(CLASSIFIER_SRC, 7, '  model.add(tf.layers.layerNormalization({ inputShape: [24, 1] }));');
  const model = (axis: number | string, inputShape: (number | null)[]) =>
    classifierModel({ layers: [{ className: 'LayerNormalization', line: 7, inputShape, outputShape: inputShape, config: { axis } }, { className: 'LSTM', units: 8, line: 8, outputShape: [null, 8] }, dense(3, 'softmax', 9)] });

  it('a univariate series with the default axis: certain on the layer, fixed by normalizing over the steps', () => {
    const f = configOnly(new TraceBuilder().model(model(-1, [null, 24, 1])).xRange(0, 900).yOneHot(3), src).findings[0]!;
    assert.deepEqual([f.id, f.confirmed, f.rootCause, f.location?.line], ['normalized-to-constant:layernormalization_1', true, 'input-normalization', 7]);
    assert.match(f.message, /normalizes over axis 2 of its input \[batch, 24, 1\], which holds one value: .* outputs its beta for every input/);
    assert.equal(lineOf(applyFix(src, f.fix), 7), '  model.add(tf.layers.layerNormalization({ axis: 1, inputShape: [24, 1] }));');
  });

  it('over an axis of several values: no finding', () => {
    assert.deepEqual(configOnly(new TraceBuilder().model(model(-1, [null, 24, 3])).xRange(0, 900).yOneHot(3), src).findings, []);
    assert.deepEqual(configOnly(new TraceBuilder().model(model(1, [null, 24, 1])).xRange(0, 900).yOneHot(3), src).findings, []);
  });
});

describe('hidden sigmoid or tanh layers whose bias starts far from 0', () => {
  const src = withLine(CLASSIFIER_SRC, 7, "  model.add(tf.layers.dense({ units: 16, activation: 'sigmoid', inputShape: [2], biasInitializer: tf.initializers.constant({ value: 5 }) }));");
  const model = (activation: string, bias: string) => classifierModel({ layers: [{ ...dense(16, activation, 7), config: { biasInitializer: bias } }, dense(3, 'linear', 8), act('softmax', 9)] });

  it('a warning on the layer, fixed by starting the bias at 0, confirmed by a run that ends near the no-skill loss', () => {
    const b = new TraceBuilder().model(model('sigmoid', 'Constant(value=5)')).xRange(-1, 1).yOneHot(3);
    const warned = configOnly(b, src).findings;
    assert.deepEqual(warned.map((f) => [f.id, f.confirmed, f.location?.line]), [['saturated-hidden-bias:dense_1', false, 7]]);
    assert.match(warned[0]!.message, /starts its bias at 5, so its sigmoid units start deep in the flat tail of the curve: there the slope that carries the gradient back is 0\.00665/);
    assert.equal(lineOf(applyFix(src, warned[0]!.fix), 7), "  model.add(tf.layers.dense({ units: 16, activation: 'sigmoid', inputShape: [2], biasInitializer: 'zeros' }));");
    decaying(300, 1.3, 1.08, 0.05, 0.002).forEach((l) => b.step(l, { acc: 0.34 }));
    b.end();
    assert.equal(run(b.events, sources(src)).findings.find((f) => f.id === 'saturated-hidden-bias:dense_1')?.confirmed, true);
  });

  it('a bias of 1 on sigmoid, or of 5 on ReLU, is no finding', () => {
    for (const [a, bias] of [['sigmoid', 'Constant(value=1)'], ['relu', 'Constant(value=5)']] as const) {
      const findings = configOnly(new TraceBuilder().model(model(a, bias)).xRange(-1, 1).yOneHot(3), src).findings;
      assert.equal(findings.find((f) => f.id.startsWith('saturated-hidden-bias')), undefined, `${a} ${bias}`);
    }
  });
});

describe("a custom loop's summed loss divided by many times its count", () => {
  const src = withLine(CLASSIFIER_SRC, 11, '  const lossFn = (xb, yb) => tf.sum(tf.square(model.predict(xb).sub(yb))).div(xTrain.shape[0]);');
  const divided = (optimizer: { className: string; learningRate: number }, meanScale: number) => {
    const b = new TraceBuilder().model(classifierModel({ mode: 'custom', optimizer: { ...optimizer, line: 10 } })).xRange(-1, 1).yOneHot(3);
    b.events.push({ type: 'lossComputed', modelId: b.modelId, site: site(11, 33), summedValues: 96, meanScale });
    return b;
  };

  it('under SGD: a warning on the loss line that a slowly falling loss keeps, fixed with tf.mean; confirmed by a stall', () => {
    const b = divided({ className: 'SGD', learningRate: 0.03 }, 0.004);
    const warned = configOnly(b, src).findings;
    assert.deepEqual(warned.map((f) => [f.id, f.confirmed, f.rootCause, f.location?.line]), [['loss-divided-too-much:loss', false, 'loss-function', 11]]);
    assert.match(warned[0]!.message, /divides the sum by 250× their count: it is 1\/250 of their mean/);
    assert.equal(lineOf(applyFix(src, warned[0]!.fix), 11), '  const lossFn = (xb, yb) => tf.mean(tf.square(model.predict(xb).sub(yb)));');
    flat(300, 0.0044, 0.002).forEach((l) => b.step(l, { acc: 0.34 }));
    assert.equal(run(b.events, sources(src)).findings.find((f) => f.id === 'loss-divided-too-much:loss')?.confirmed, true);
  });

  it('under Adam, with a rate raised to make up for it, or divided by the count: no finding', () => {
    for (const [optimizer, scale] of [[{ className: 'Adam', learningRate: 0.001 }, 0.004], [{ className: 'SGD', learningRate: 5 }, 0.004], [{ className: 'SGD', learningRate: 0.03 }, 1]] as const) {
      const findings = configOnly(divided(optimizer, scale), src).findings;
      assert.equal(findings.find((f) => f.id.startsWith('loss-divided')), undefined, JSON.stringify([optimizer, scale]));
    }
  });
});

describe('a weight constraint, which tfjs training never applies', () => {
  const src = withLine(CLASSIFIER_SRC, 7, "  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [2], kernelConstraint: tf.constraints.maxNorm({ maxValue: 2 }) }));");
  const constrained = () => classifierModel({ layers: [{ ...dense(16, 'relu', 7), config: { kernelConstraint: 'MaxNorm(maxValue=2, axis=0)', biasConstraint: null } }, dense(3, 'linear', 8), act('softmax', 9)] });

  it('a warning on the layer line for the whole run, kept by a run that learns (healthy)', () => {
    const b = new TraceBuilder().model(constrained()).xRange(-1, 1).yOneHot(3);
    const warned = configOnly(b, src).findings;
    assert.deepEqual(warned.map((f) => [f.id, f.confirmed, f.severity, f.location?.line]), [['constraint-ignored:dense_1', false, 'warning', 7]]);
    assert.match(warned[0]!.message, /kernelConstraint \(MaxNorm\(maxValue=2, axis=0\)\) is not applied by the training steps/);
    assert.equal(warned[0]!.fix, null);
    decaying(300, 1.0986, 0.05, 0.02).forEach((l, i) => b.step(l, { acc: Math.min(0.98, 0.33 + i / 200) }));
    const r = run(b.events, sources(src));
    assert.equal(r.report.verdict, 'healthy');
    assert.deepEqual(r.findings.map((f) => [f.id, f.confirmed]), [['constraint-ignored:dense_1', false]]);
  });

  it('never the cause of a stall: the stall is not blamed on it', () => {
    const b = new TraceBuilder().model(constrained()).xRange(-1, 1).yOneHot(3);
    flat(300, 1.0986, 0.003).forEach((l) => b.step(l, { acc: 0.33 }));
    const r = run(b.events, sources(src));
    assert.equal(r.findings.find((f) => f.id.startsWith('constraint-ignored'))?.confirmed, false);
    assert.ok(r.findings.every((f) => !f.confirmed || f.rootCause !== 'regularization'), JSON.stringify(r.findings.map((f) => [f.id, f.rootCause])));
  });

  it('a layer without a constraint: no finding', () => {
    assert.deepEqual(configOnly(new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3), src).findings, []);
  });
});

describe('a loss weighted by a mask that keeps only the rows of one target', () => {
  let src = withLine(CLASSIFIER_SRC, 5, '  const mask = tf.cast(tf.equal(y, 0), "float32");');
  src = withLine(src, 12, '  const lossFn = (xb, yb, wb) => tf.losses.meanSquaredError(yb, model.predict(xb), wb);');
  const masked = (weightedRows?: { rows: number; weighted: number; value: number | null; site: ReturnType<typeof site> | null }) => {
    const b = new TraceBuilder().model(classifierModel({ mode: 'custom', layers: [dense(16, 'relu', 7), dense(1, 'linear', 8)], loss: 'meanSquaredError' })).xRange(-1, 1);
    b.events.push({ type: 'lossCall', modelId: b.modelId, fn: 'meanSquaredError', site: site(12, 55), probabilities: false, swapped: false, classes: 1, positiveRate: null, labelSmoothing: 0, reduction: null, ...(weightedRows ? { weightedRows } : {}) });
    return b;
  };

  it('certain at once, shown where the mask is made, fixed by negating its comparison', () => {
    const f = configOnly(masked({ rows: 32, weighted: 11, value: 0, site: site(5, 16) }), src).findings[0]!;
    assert.deepEqual([f.id, f.confirmed, f.rootCause, f.location?.line], ['loss-weights-one-target:meanSquaredError', true, 'loss-function', 5]);
    assert.match(f.message, /keep 11 of the batch's 32 rows, and every one of them has the target 0, while the rows they leave out have several different targets/);
    assert.equal(lineOf(applyFix(src, f.fix), 5), '  const mask = tf.cast(tf.notEqual(y, 0), "float32");');
  });

  it('a mask that keeps rows of several targets is no finding', () => {
    assert.equal(configOnly(masked(), src).findings.find((f) => f.id.startsWith('loss-weights-one-target')), undefined);
  });
});

describe('residual blocks merged with Multiply', () => {
  const src = withLine(CLASSIFIER_SRC, 9, '  const merged = tf.layers.multiply().apply([x, h]);');
  const model = (branchAct: string) =>
    classifierModel({
      layers: [
        dense(16, 'relu', 7, { name: 'stem' }),
        dense(16, 'relu', 8, { name: 'branch_a' }),
        dense(16, branchAct, 8, { name: 'branch_b' }),
        { className: 'Multiply', name: 'merge', line: 9, column: 28, inbound: ['stem', 'branch_b'] },
        dense(3, 'softmax', 10, { name: 'out' }),
      ],
    });

  it('a stall confirms it on the Multiply, fixed by merging with add', () => {
    const b = new TraceBuilder().model(model('linear')).xRange(-1, 1).yOneHot(3);
    const warned = configOnly(b, src).findings;
    assert.deepEqual(warned.map((f) => `${f.id}:${f.confirmed}`), ['residual-multiplied:merge:false']);
    assert.match(warned[0]!.message, /merge multiplies a block's input by the branch computed from it, where a residual connection adds them/);
    assert.equal(lineOf(applyFix(src, warned[0]!.fix), 9), '  const merged = tf.layers.add().apply([x, h]);');
    flat(300, 1.0986, 0.003).forEach((l) => b.step(l, { acc: 0.33 }));
    const f = run(b.events, sources(src)).findings.find((x) => x.confirmed)!;
    assert.deepEqual([f.id, f.rootCause, f.location?.line], ['residual-multiplied:merge', 'architecture', 9]);
  });

  it('a gate (a sigmoid branch scaling its input) is no finding', () => {
    assert.deepEqual(configOnly(new TraceBuilder().model(model('sigmoid')).xRange(-1, 1).yOneHot(3), src).findings, []);
  });
});

describe('inputs standardized with the mean and the standard deviation swapped', () => {
  const columns = (centres: number[], spreads: number[]) => {
    const b = new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3);
    Object.assign((b.events.find((e) => e.type === 'data' && e.role === 'x') as { summary: TensorSummary }).summary, { columnCentres: centres, columnSpreads: spreads });
    return b;
  };

  it('every column its spread away from 1, some nearly constant: certain, fixed by standardizing the inputs', () => {
    const f = configOnly(columns([0.998, 1.0007, 0.676, 0.621], [0.0023, 0.0007, 0.324, 0.379]), CLASSIFIER_SRC).findings[0]!;
    assert.deepEqual([f.id, f.confirmed, f.rootCause, f.location?.line], ['unscaled-input:swapped', true, 'input-normalization', 4]);
    assert.match(f.message, /scaled as \(x − std\) \/ mean, with the mean and the standard deviation swapped.*2 columns vary by less than ±0\.05 around 1/);
    assert.match(applyFix(CLASSIFIER_SRC, f.fix), /tf\.moments\(/);
  });

  it('columns divided by their maximum, not their range (years near 1 ± 0.005): kept while the loss falls, confirmed by a run that settles near the no-skill level', () => {
    const b = columns([0.993, 0.971, 0.5, 0.45], [0.0045, 0.017, 0.29, 0.3]);
    const warned = configOnly(b, CLASSIFIER_SRC).findings;
    assert.deepEqual(warned.map((f) => `${f.id}:${f.confirmed}`), ['unscaled-input:narrow:false']);
    assert.match(warned[0]!.message, /2 input columns vary by 5% of their level or less \(column 0: ±0\.0045 around 0\.993; column 1: ±0\.017 around 0\.971\)/);
    decaying(300, 1.1, 1.05, 0.05, 0.01).forEach((l) => b.step(l, { acc: 0.35 }));
    const f = run(b.events, sources(CLASSIFIER_SRC)).findings.find((x) => x.confirmed)!;
    assert.deepEqual([f.id, f.rootCause], ['unscaled-input:narrow', 'input-normalization']);
  });

  it('columns standardized the right way (mean 0, spread 1), or min-max scaled, are no finding', () => {
    assert.deepEqual(configOnly(columns([0, 0, 0, 0], [1, 1, 1, 1]), CLASSIFIER_SRC).findings, []);
    assert.deepEqual(configOnly(columns([0.5, 0.48, 0.51, 0.3], [0.29, 0.3, 0.28, 0.2]), CLASSIFIER_SRC).findings, []);
    // 0/1 columns set in half the rows lie their spread away from 1 too.
    assert.deepEqual(configOnly(columns([0.5, 0.49, 0.51, 0.5], [0.5, 0.4999, 0.4999, 0.5]), CLASSIFIER_SRC).findings, []);
  });
});

describe('sequences padded at the end with a "missing" marker instead of 0', () => {
  const src = withLine(withLine(CLASSIFIER_SRC, 2, 'const FILL_VALUE = -999;'), 7, "  model.add(tf.layers.lstm({ units: 6, inputShape: [20, 2] }));");
  const padded = (value?: number) => {
    const b = new TraceBuilder()
      .model(classifierModel({ layers: [{ className: 'LSTM', line: 7, config: { units: 6 } }, dense(3, 'softmax', 8)] }))
      .data('x', { shape: [300, 20, 2], dtype: 'float32', count: 12000, min: -999, max: 2.7, mean: -596, std: 490, nanCount: 0, infCount: 0, distinct: null, oneHotRows: null, zeroPadding: { tailSteps: 0.6, headSteps: 0, tailRows: 1, ...(value !== undefined ? { value } : {}) } })
      .yOneHot(3);
    (b.events.find((e) => e.type === 'data' && e.role === 'x') as { origin?: unknown }).origin = { site: site(5, 13), kernel: 'tensor' };
    return b;
  };

  it('a stall confirms it, shown on the fill value as written, fixed to pad with 0', () => {
    const b = padded(-999);
    const warned = configOnly(b, src).findings.find((f) => f.id.startsWith('sequences-padded-at-end'))!;
    assert.deepEqual([warned.rootCause, warned.location?.line], ['training-data', 2]);
    assert.match(warned.message, /end in steps filled with -999 \(60% of all steps\), a marker for missing values used as padding/);
    assert.equal(lineOf(applyFix(src, warned.fix), 2), 'const FILL_VALUE = 0;');
    flat(300, 1.0986, 0.003).forEach((l) => b.step(l, { acc: 0.33 }));
    const f = run(b.events, sources(src)).findings.find((x) => x.confirmed)!;
    assert.deepEqual([f.symptom, f.rootCause, f.location?.line], ['sequences-padded-at-end', 'training-data', 2]);
  });
});

describe("a sigmoid output whose bias starts far from the targets' log-odds", () => {
  const src = withLine(CLASSIFIER_SRC, 8, "  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid', biasInitializer: tf.initializers.constant({ value: -10 }) }));");
  const model = (bias: string) => ({ layers: [dense(16, 'relu', 7), dense(1, 'sigmoid', 8, { config: { biasInitializer: bias } })], loss: 'binaryCrossentropy', compileLine: 11, fitLine: 12 });

  it('a stall confirms it on the output layer, fixed to start the bias at 0', () => {
    const b = new TraceBuilder().model(model('Constant(value=-10)')).xRange(-1, 1).yBinary(0.1);
    const warned = configOnly(b, src).findings;
    assert.deepEqual(warned.map((f) => `${f.id}:${f.confirmed}`), ['saturated-output-bias:dense_2:false']);
    assert.match(warned[0]!.message, /bias starts at -10, so its sigmoid starts every output at about 4\.54e-5, while 10% of the targets are 1/);
    assert.equal(lineOf(applyFix(src, warned[0]!.fix), 8), "  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid', biasInitializer: 'zeros' }));");
    flat(300, 0.33, 0.003).forEach((l) => b.step(l, { acc: 0.9 }));
    const f = run(b.events, sources(src)).findings.find((x) => x.confirmed)!;
    assert.deepEqual([f.id, f.rootCause, f.location?.line], ['saturated-output-bias:dense_2', 'weight-initialization', 8]);
  });

  it("a rare-class prior near the targets' log-odds is no finding", () => {
    assert.deepEqual(configOnly(new TraceBuilder().model(model('Constant(value=-4.6)')).xRange(-1, 1).yBinary(0.01)).findings, []);
  });
});

describe('a masking layer whose maskValue is not the padding', () => {
  const src = withLine(withLine(CLASSIFIER_SRC, 6, '  model.add(tf.layers.masking({ inputShape: [20, 1] }));'), 7, '  model.add(tf.layers.lstm({ units: 8 }));');
  const padded = (maskValue?: number) => {
    const masking: LayerSpec = { className: 'Masking', line: 6, config: maskValue === undefined ? {} : { maskValue } };
    return new TraceBuilder()
      .model(classifierModel({ layers: [masking, { className: 'LSTM', line: 7, config: { units: 8 } }, dense(3, 'softmax', 8)] }))
      .data('x', { shape: [300, 20, 1], dtype: 'float32', count: 6000, min: -1, max: 2.7, mean: -0.5, std: 0.9, nanCount: 0, infCount: 0, distinct: null, oneHotRows: null, zeroPadding: { tailSteps: 0.6, headSteps: 0, tailRows: 1, value: -1 } })
      .yOneHot(3);
  };

  it('the default mask of 0 over -1 padding: a stall confirms it on the masking layer, fixed by writing maskValue -1', () => {
    const b = padded();
    const warned = configOnly(b, src).findings.find((f) => f.id.startsWith('mask-misses-padding'))!;
    assert.match(warned.message, /end in steps filled with -1 \(60% of all steps\), but masking_1 masks steps equal to 0 \(its default\)/);
    assert.equal(lineOf(applyFix(src, warned.fix), 6), '  model.add(tf.layers.masking({ maskValue: -1, inputShape: [20, 1] }));');
    flat(300, 1.0986, 0.003).forEach((l) => b.step(l, { acc: 0.33 }));
    const f = run(b.events, sources(src)).findings.find((x) => x.confirmed)!;
    assert.deepEqual([f.id, f.rootCause, f.location?.line], ['mask-misses-padding:masking_1', 'training-data', 6]);
  });

  it('a mask that matches the padding is no finding', () => {
    assert.deepEqual(configOnly(padded(-1), src).findings.filter((f) => f.symptom === 'sequences-padded-at-end'), []);
  });
});

describe('global pooling right after convolutions that each see a small patch', () => {
  const src = withLine(withLine(CLASSIFIER_SRC, 7, "  model.add(tf.layers.conv2d({ inputShape: [12, 12, 1], filters: 8, kernelSize: 3, activation: 'relu' }));"), 8, '  model.add(tf.layers.globalAveragePooling2d({}));');
  const model = (kernel: number) =>
    classifierModel({
      layers: [
        { className: 'Conv2D', line: 7, activation: 'relu', inputShape: [null, 12, 12, 1], outputShape: [null, 12 - kernel + 1, 12 - kernel + 1, 8], weights: [{ name: 'kernel', shape: [kernel, kernel, 1, 8] }, { name: 'bias', shape: [8] }] },
        { className: 'GlobalAveragePooling2D', line: 8, outputShape: [null, 8] },
        dense(3, 'softmax', 9),
      ],
    });

  it('a stall at the no-skill level is blamed on the pooling, fixed by flattening the maps', () => {
    const b = new TraceBuilder().model(model(3)).xRange(0, 1).yOneHot(3);
    flat(400, 1.0986, 0.003).forEach((l) => b.step(l, { acc: 0.33 }));
    const f = run(b.events, sources(src)).findings.find((x) => x.confirmed)!;
    assert.deepEqual([f.rootCause, f.location?.line], ['architecture', 8]);
    assert.match(f.message, /averages each feature map over the whole 12×12 image, and the convolutions before it each see a patch only 3×3 wide/);
    assert.equal(lineOf(applyFix(src, f.fix), 8), '  model.add(tf.layers.flatten({}));');
  });

  it('convolutions that see most of the image leave the pooling alone', () => {
    const b = new TraceBuilder().model(model(9)).xRange(0, 1).yOneHot(3);
    flat(400, 1.0986, 0.003).forEach((l) => b.step(l, { acc: 0.33 }));
    assert.notEqual(run(b.events, sources(src)).findings.find((x) => x.confirmed)?.rootCause, 'architecture');
  });
});

describe('targets unrelated to their inputs, judged when the run ends', () => {
  const unrelated = (chance: number) => {
    const b = new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3);
    (b.events.find((e) => e.type === 'data' && e.role === 'y') as { summary: TensorSummary }).summary.neighbourTargets = { kind: 'classes', pairs: 256, candidates: 500, agreeing: Math.round(256 * chance), chance, correlation: null };
    // Memorizing random pairs: the loss falls a little and ends near 85% of the no-skill level.
    decaying(300, 1.1, 0.93, 0.05, 0.01).forEach((l) => b.step(l, { acc: 0.5 }));
    b.end();
    return run(b.events, sources(CLASSIFIER_SRC)).findings;
  };

  it('neighbours that agree no more than chance and a loss that ends high: confirmed on the targets', () => {
    assert.deepEqual(unrelated(0.335).map((f) => [f.id, f.confirmed, f.rootCause]), [['targets-unrelated:y', true, 'training-data']]);
  });

  it('classes so unequal that neighbours agree by chance anyway: not on that evidence', () => {
    assert.equal(unrelated(0.9).find((f) => f.id === 'targets-unrelated:y'), undefined);
  });
});

describe('a model used before the fit it started began training', () => {
  const src = withLine(CLASSIFIER_SRC, 12, '  model.fit(x, y, { epochs: 10, batchSize: 32 });');
  const used = (call = 'evaluate') => {
    const b = new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3);
    b.events.push({ type: 'usedBeforeTraining', modelId: b.modelId, call, site: site(13, 3), fitSite: site(12, 9) });
    return b;
  };

  it('certain on the fit line, fixed by awaiting fit inside an async function', () => {
    const f = configOnly(used(), src).findings[0]!;
    assert.deepEqual([f.id, f.confirmed, f.severity, f.rootCause, f.location?.line, f.related[0]?.site.line], ['used-before-training', true, 'error', 'training-length', 12, 13]);
    assert.match(f.message, /evaluated at line 13 before its training began/);
    assert.equal(lineOf(applyFix(src, f.fix), 12), '  await model.fit(x, y, { epochs: 10, batchSize: 32 });');
  });

  it('a model saved: said so', () => {
    assert.match(configOnly(used('save'), src).findings[0]!.message, /^The model was saved at line 13/);
  });

  it('no await offered where it cannot be written (a plain function, a promise chained with then)', () => {
    assert.equal(configOnly(used(), withLine(src, 3, 'function main() {')).findings[0]!.fix, null);
    assert.equal(configOnly(used(), withLine(src, 12, '  model.fit(x, y, { epochs: 10 }).then(report);')).findings[0]!.fix, null);
    const arrow = withLine(withLine(src, 3, 'const main = async () => {'), 13, '};');
    assert.equal(lineOf(applyFix(arrow, configOnly(used(), arrow).findings[0]!.fix), 12), '  await model.fit(x, y, { epochs: 10, batchSize: 32 });');
  });
});

describe('a class the output has a unit for that no training row holds', () => {
  const targets = (freqs: number[], src: string) => {
    const b = new TraceBuilder().model(classifierModel({}, 'softmax', freqs.length)).xRange(-1, 1);
    b.events.push({ type: 'data', modelId: b.modelId, role: 'y', slot: 0, summary: summary([0, 1], [800, freqs.length], { oneHotRows: true, zeroRows: 0, columnMeans: freqs }), site: site(12, 9), origin: { site: site(5, 13) } });
    return configOnly(b, src);
  };
  const filtered = withLine(CLASSIFIER_SRC, 4, '  const reviewed = rows.filter((r) => r.label);');

  it('class 0 missing after a filter on the label\'s truthiness: certain on the filter, which keeps class 0', () => {
    const f = targets([0, 0.3, 0.4, 0.3], filtered).findings[0]!;
    assert.deepEqual([f.id, f.confirmed, f.rootCause, f.location?.line], ['classes-never-trained:y', true, 'training-data', 4]);
    assert.match(f.message, /^No training row is of class 0, though activation_3 has a unit for it \(800 rows, 4 classes\)/);
    assert.equal(lineOf(applyFix(filtered, f.fix), 4), '  const reviewed = rows.filter((r) => r.label !== null && r.label !== undefined);');
    const skipped = withLine(CLASSIFIER_SRC, 4, '    if (!row.label) continue;');
    assert.equal(lineOf(applyFix(skipped, targets([0, 0.3, 0.4, 0.3], skipped).findings[0]!.fix), 4), '    if (row.label === null || row.label === undefined) continue;');
  });

  it('without such a filter: a warning on the targets, which says what labels counted from 1 mean', () => {
    const f = targets([0, 0.3, 0.4, 0.3], CLASSIFIER_SRC).findings[0]!;
    assert.deepEqual([f.id, f.confirmed, f.severity, f.location?.line, f.fix], ['classes-never-trained:y', false, 'warning', 5, null]);
    assert.match(f.message, /If the labels count from 1 by design, unit 0 is never used/);
    const last = targets([0.3, 0.4, 0.3, 0], filtered).findings[0]!;
    assert.deepEqual([last.confirmed, last.fix], [false, null]);
    assert.match(last.message, /No training row is of class 3/);
  });

  it('every class present, or only one left (another check): no finding', () => {
    assert.deepEqual(targets([0.2, 0.3, 0.2, 0.3], filtered).findings, []);
    assert.deepEqual(targets([0, 0, 1], filtered).findings.map((f) => f.id), ['one-class-targets:y']);
  });
});

describe('input columns that hold one value for every row', () => {
  const columns = (src: string) => configOnly(new TraceBuilder().model(classifierModel()).xRange(-1, 2, 1000, 4, { columnSpreads: [0.5, 0.5, 0, 0], columnCentres: [0, 0, 2, 2] }).yOneHot(3), src).findings;

  it('computed with ^ as a power: certain where the features are computed, fixed with **', () => {
    const src = withLine(CLASSIFIER_SRC, 2, 'const features = (x, y) => [x, y, x ^ 2, y ^ 2];');
    const f = columns(src)[0]!;
    assert.deepEqual([f.id, f.confirmed, f.rootCause, f.location?.line], ['constant-input-columns:x', true, 'training-data', 2]);
    assert.match(f.message, /^2 of the 4 input columns \(columns 2 and 3\) hold one value for every one of the 1000 rows \(2\)/);
    assert.equal(lineOf(applyFix(src, f.fix), 2), 'const features = (x, y) => [x, y, x ** 2, y ** 2];');
  });

  it('without one (a column of ones, an XOR assignment, a ^ in a comment): nothing shown', () => {
    assert.deepEqual(columns(CLASSIFIER_SRC), []);
    assert.deepEqual(columns(withLine(CLASSIFIER_SRC, 2, 'let h = 7; h ^= 2; // area: w^2')), []);
  });
});

describe('regression targets that mix two units', () => {
  const group = (count: number, min: number, max: number, median: number, logSpread: number) => ({ count, min, max, median, logSpread });
  const targets = (upperMedian: number, upperSpread = 0.35) => {
    const b = new TraceBuilder().model({ layers: [dense(32, 'relu', 7), dense(1, 'linear', 8)], loss: 'meanSquaredError', compileLine: 11, fitLine: 12 }).xRange(-1, 1);
    b.data('y', { shape: [1200, 1], dtype: 'float32', count: 1200, min: 2.2, max: 44100, mean: 7270, std: 11900, nanCount: 0, infCount: 0, distinct: null, oneHotRows: false, scaleGroups: { lower: group(800, 2.2, 44.2, 22.5, 0.4), upper: group(400, 1790, 44100, upperMedian, upperSpread) } }, 12);
    return configOnly(b, CLASSIFIER_SRC).findings.filter((f) => f.symptom === 'targets-mixed-units');
  };

  it('two groups alike in shape, a thousandfold apart: certain, on the targets, naming the units', () => {
    const f = targets(21500)[0]!;
    assert.deepEqual([f.id, f.confirmed, f.rootCause], ['targets-mixed-units:y', true, 'training-data']);
    assert.match(f.message, /two groups about 1000× apart, alike in shape: 800 from 2\.2 to 44\.2 \(median 22\.5\) and 400 from 1790 to 44100 \(median 21500\).*metres and kilometres/);
  });

  it('groups a factor apart that is no unit, or unlike in shape: no finding', () => {
    assert.deepEqual(targets(22.5 * 300), []);
    assert.deepEqual(targets(21500, 1.4), []);
  });
});

describe("a custom loop's weights clamped to 0 or above after each step", () => {
  const src = withLine(CLASSIFIER_SRC, 5, '    tf.tidy(() => kernels.forEach((k) => k.write(tf.maximum(k.read(), 0))));');
  const clamped = (variables: number, belowZeroShare: number) => {
    const b = new TraceBuilder().model(classifierModel({ mode: 'custom' })).xRange(-1, 1).yOneHot(3);
    b.events.push({ type: 'weightsClamped', modelId: b.modelId, site: site(5, 46), steps: 3, variables, kernels: 2, belowZeroShare });
    return configOnly(b, src).findings;
  };

  it('every kernel, binding on 41% of the values: certain on the clamp, which the fix removes', () => {
    const f = clamped(2, 0.41)[0]!;
    assert.deepEqual([f.id, f.confirmed, f.rootCause, f.location?.line], ['weights-clamped:model', true, 'architecture', 5]);
    assert.match(f.message, /41% of the values of the 2 weight tensors it writes.*its output can only rise with each input/);
    const fixed = applyFix(src, f.fix);
    assert.equal(fixed.split('\n').length, src.split('\n').length - 1);
    assert.doesNotMatch(fixed, /tf\.maximum/);
  });

  it('some kernels only: a warning; a clamp that seldom binds: nothing', () => {
    const f = clamped(1, 0.41)[0]!;
    assert.deepEqual([f.confirmed, f.severity], [false, 'warning']);
    assert.doesNotMatch(f.message, /can only rise/);
    assert.deepEqual(clamped(2, 0.02), []);
  });
});

describe('an autoencoder fitted toward its noisy inputs while their clean values exist', () => {
  it('certain on the fit, fixed by fitting toward the clean tensor', () => {
    const src = withLine(withLine(CLASSIFIER_SRC, 4, '  const noisy = tf.tensor2d(noisyRows, [n, 4]);'), 5, '  const clean = tf.tensor2d(cleanRows, [n, 4]);');
    const fitted = withLine(src, 12, '  await model.fit(noisy, noisy, { epochs: 10, batchSize: 32 });');
    const b = new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3);
    b.events.push({ type: 'noisyTargets', modelId: b.modelId, fitSite: site(12, 15), cleanSite: site(5, 17), noiseShare: 0.2 });
    const f = configOnly(b, fitted).findings[0]!;
    assert.deepEqual([f.id, f.confirmed, f.rootCause, f.location?.line, f.related[0]?.site.line], ['targets-noisy-inputs:y', true, 'training-data', 12, 5]);
    assert.match(f.message, /less independent noise \(20% of their variance\)/);
    assert.equal(lineOf(applyFix(fitted, f.fix), 12), '  await model.fit(noisy, clean, { epochs: 10, batchSize: 32 });');
  });
});

describe('fit options and optimizer settings written the Keras way', () => {
  it('validationData as an object, which fit skips: certain on the fit, fixed with the array', () => {
    const src = withLine(CLASSIFIER_SRC, 12, '  await model.fit(x, y, { epochs: 10, validationData: { x: xVal, y: yVal }, callbacks: [stop] });');
    const b = new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3);
    b.modelEvent!.fitConfig['validationDataNotArray'] = true;
    const f = configOnly(b, src).findings[0]!;
    assert.deepEqual([f.id, f.confirmed, f.rootCause, f.location?.line], ['validation-ignored:fit', true, 'training-length', 12]);
    assert.equal(lineOf(applyFix(src, f.fix), 12), '  await model.fit(x, y, { epochs: 10, validationData: [xVal, yVal], callbacks: [stop] });');
    assert.deepEqual(configOnly(new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3), src).findings, []);
  });

  it('an optimizer given a config object as its learning rate: certain on the optimizer, fixed with the rate itself', () => {
    const src = withLine(CLASSIFIER_SRC, 10, '  const optimizer = tf.train.adam({ learningRate: 0.001 });');
    const b = new TraceBuilder().model(classifierModel({ optimizer: { className: 'Adam', learningRate: null, line: 10 } })).xRange(-1, 1).yOneHot(3);
    b.modelEvent!.optimizer!.rateGiven = 'object';
    const f = configOnly(b, src).findings[0]!;
    assert.deepEqual([f.id, f.confirmed, f.rootCause, f.location?.line], ['optimizer-given-object:optimizer', true, 'optimizer', 10]);
    assert.match(f.message, /learning rate is an object, not a number: .*tf\.train\.adam\(0\.001\)/);
    assert.equal(lineOf(applyFix(src, f.fix), 10), '  const optimizer = tf.train.adam(0.001);');
  });
});

describe('rows with identical inputs and unrelated targets', () => {
  const twins = (pairs: number, agreeing: number) => {
    const b = new TraceBuilder().model(classifierModel({}, 'softmax', 2)).xRange(-1, 1);
    b.events.push({ type: 'data', modelId: b.modelId, role: 'y', slot: 0, summary: summary([0, 1], [1200, 2], { oneHotRows: true, zeroRows: 0, columnMeans: [0.5, 0.5], neighbourTargets: { kind: 'classes', pairs: 256, candidates: 1200, agreeing: 220, chance: 0.5, correlation: 0.72, sameInputs: { pairs, agreeing, meanSquaredGap: 0.4 } } }), site: site(12, 9), origin: { site: site(5, 13) } });
    return configOnly(b, CLASSIFIER_SRC).findings.filter((f) => f.id === 'targets-noisy:y');
  };

  it('copies that give most rows a twin, their classes at chance: certain', () => {
    assert.equal(twins(200, 104)[0]?.confirmed, true);
  });

  it('a few twins among many rows (one empty row repeated, its classes mixed): no finding', () => {
    assert.deepEqual(twins(17, 10), []);
  });
});

describe('regression targets whose missing cells were read as 0', () => {
  const zeroFilled = (src: string) => {
    const b = new TraceBuilder().model({ layers: [dense(32, 'relu', 7), dense(1, 'linear', 8)], loss: 'meanSquaredError', compileLine: 11, fitLine: 12 }).xRange(-1, 1);
    b.events.push({ type: 'data', modelId: b.modelId, role: 'y', slot: 0, summary: { shape: [1000, 1], dtype: 'float32', count: 1000, min: 0, max: 3.84, mean: 1.9, std: 1.1, nanCount: 0, infCount: 0, distinct: null, oneHotRows: false, zerosApart: { zeros: 185, count: 1000, nearest: 0.79, median: 2.34, farthest: 3.84 } }, site: site(12, 9), origin: { site: site(5, 13) } });
    return configOnly(b, src).findings.filter((f) => f.symptom === 'targets-zero-filled');
  };

  it('read with Number from a cell: certain there, fixed with parseFloat', () => {
    const src = withLine(CLASSIFIER_SRC, 4, '    const price = Number(cells[4]);');
    const f = zeroFilled(src)[0]!;
    assert.deepEqual([f.confirmed, f.rootCause, f.location?.line], [true, 'training-data', 4]);
    assert.match(f.message, /^185 of the 1000 targets \(19%\) are exactly 0, while every other lies between 0\.79 and 3\.84/);
    assert.equal(lineOf(applyFix(src, f.fix), 4), '    const price = parseFloat(cells[4]);');
  });

  it('without such a read (zero-inflated data: claims, rainfall): nothing shown', () => {
    assert.deepEqual(zeroFilled(CLASSIFIER_SRC), []);
  });
});

describe('regression targets in the thousands given to fit in a list, one per output', () => {
  it('scaled where their tensor is made', () => {
    const src = withLine(withLine(CLASSIFIER_SRC, 5, '  const yDur = tf.tensor2d(durations, [n, 1]);'), 12, '  await model.fit(x, [yDur, yCom], { epochs: 10 });');
    const b = new TraceBuilder().model({ layers: [dense(50, 'relu', 7), dense(1, 'linear', 8)], loss: 'meanSquaredError', compileLine: 11, fitLine: 12 }).xRange(-1, 1);
    b.events.push({ type: 'data', modelId: b.modelId, role: 'y', slot: 0, summary: { shape: [400, 1], dtype: 'float32', count: 400, min: 900, max: 4080, mean: 1800, std: 627, nanCount: 0, infCount: 0, distinct: null, oneHotRows: false }, site: site(12, 9), origin: { site: site(5, 16) } });
    const f = byId(configOnly(b, src).findings, 'unscaled-input:y')!;
    assert.equal(lineOf(applyFix(src, f.fix), 5), '  const yDur = tf.tensor2d(durations, [n, 1]).div(10000);');
  });
});

describe('micro-batch gradients applied as a sum', () => {
  const SRC = withLine(CLASSIFIER_SRC, 11, '        optimizer.applyGradients(accumulated);');
  const summed = (adaptive: boolean) => {
    const b = new TraceBuilder().model(classifierModel({ mode: 'custom', compileLine: undefined, fitLine: undefined, loss: [] })).xRange(-1, 1);
    b.events.push({ type: 'gradientsAltered', modelId: b.modelId, iter: 80, kind: 'summed', ratios: [9.1, 11.4, 8.7], computations: 16, applySite: site(11, 19), madeBy: { kernel: 'Add', site: site(9, 36) }, adaptive, elapsedMs: 60 });
    return configOnly(b, SRC).findings.filter((f) => f.id === 'gradients-summed');
  };
  it('under momentum: a warning on the apply that divergence confirms, fixed by applying the mean', () => {
    const f = summed(false)[0]!;
    assert.deepEqual([f.confirmed, f.rootCause, f.location?.line], [false, 'optimizer', 11]);
    assert.match(f.message, /the gradients of 16 micro-batches added up: ×9\.1, ×11\.4, ×8\.7 of one micro-batch's gradients/);
    assert.equal(lineOf(applyFix(SRC, f.fix), 11), '        tf.tidy(() => optimizer.applyGradients(Object.fromEntries(Object.entries(accumulated).map(([name, g]) => [name, g.div(16)]))));');
  });
  it('under an adaptive optimizer, which divides the scale out: no finding', () => {
    assert.deepEqual(summed(true), []);
  });
});

describe('checks from sets 24 and 25', () => {
  it("a negative learning rate (`10 ^ -3` is -9): certain where the rate is written, fixed with Adam's usual rate", () => {
    const src = withLine(CLASSIFIER_SRC, 10, '  const optimizer = tf.train.adam(10 ^ -3);');
    const b = new TraceBuilder().model(classifierModel({ optimizer: { className: 'Adam', learningRate: -9, line: 10 } })).xRange(-1, 1).yOneHot(3);
    const f = configOnly(b, src).findings[0]!;
    assert.deepEqual([f.id, f.confirmed, f.rootCause, f.location?.line], ['learning-rate-out-of-range:optimizer', true, 'learning-rate', 10]);
    assert.match(f.message, /Learning rate -9 is negative: Adam steps up the gradient/);
    assert.equal(lineOf(applyFix(src, f.fix), 10), '  const optimizer = tf.train.adam(0.001);');
  });

  it('a schedule function given as the rate: certain, fixed with its first rate', () => {
    const src = withLine(CLASSIFIER_SRC, 10, '  const optimizer = tf.train.momentum(lrSchedule, 0.9);');
    const b = new TraceBuilder().model(classifierModel({ optimizer: { className: 'Momentum', learningRate: null, line: 10 } })).xRange(-1, 1).yOneHot(3);
    b.modelEvent!.optimizer!.rateGiven = 'function';
    const f = configOnly(b, src).findings[0]!;
    assert.deepEqual([f.id, f.confirmed, f.location?.line], ['optimizer-given-object:optimizer', true, 10]);
    assert.match(f.message, /is a function \(a schedule\).*optimizer\.setLearningRate/);
    assert.equal(lineOf(applyFix(src, f.fix), 10), '  const optimizer = tf.train.momentum(lrSchedule(0), 0.9);');
  });

  describe('early stopping on a metric fit never logs', () => {
    const src = withLine(CLASSIFIER_SRC, 2, "const stop = tf.callbacks.earlyStopping({ monitor: 'val_accuracy', patience: 8 });");
    const missing = (logged: string[]) => {
      const b = new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3);
      b.events.push({ type: 'monitorMissing', modelId: b.modelId, monitor: 'val_accuracy', logged, site: site(2, 39) });
      return configOnly(b, src).findings.find((f) => f.id === 'monitor-missing:earlyStopping')!;
    };

    it("Keras's val_accuracy where tfjs logs val_acc: certain on the callback, fixed with the logged name", () => {
      const f = missing(['val_loss', 'val_acc', 'loss', 'acc']);
      assert.deepEqual([f.confirmed, f.rootCause, f.location?.line], [true, 'training-length', 2]);
      assert.match(f.message, /watches 'val_accuracy', which fit never logs .*tfjs names it 'val_acc'/);
      assert.equal(lineOf(applyFix(src, f.fix), 2), "const stop = tf.callbacks.earlyStopping({ monitor: 'val_acc', patience: 8 });");
    });

    it('a val_ metric without validation data: said so, and no name to offer', () => {
      const f = missing(['loss', 'acc']);
      assert.match(f.message, /no validation data is given/);
      assert.equal(f.fix, null);
    });
  });

  it('a model used that never trained while a twin made after it did: certain where the twin is trained', () => {
    const src = [
      "const tf = require('@tensorflow/tfjs');",
      'function buildModel() {',
      '  const model = tf.sequential();',
      '  return model;',
      '}',
      'async function main() {',
      '  const model = buildModel();',
      '  await train(buildModel(), xs, ys);',
      '  model.evaluate(xTest, yTest);',
      '}',
    ].join('\n');
    const b = new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3);
    b.events.push({ type: 'usedUntrained', modelId: b.modelId, call: 'evaluate', site: site(9, 9), fitSite: site(12, 9) });
    const f = configOnly(b, src).findings[0]!;
    assert.deepEqual([f.id, f.confirmed, f.rootCause, f.location?.line], ['used-untrained', true, 'training-length', 8]);
    assert.match(f.message, /The model evaluated on line 9 was never trained/);
    assert.equal(lineOf(applyFix(src, f.fix), 8), '  await train(model, xs, ys);');
  });

  it('raw kernels drawn with a deviation of 1: on the line that made them, confirmed by a stall, fixed with He', () => {
    const src = withLine(CLASSIFIER_SRC, 4, '  const weight = (shape) => tf.variable(tf.randomNormal(shape));');
    const b = new TraceBuilder().model(classifierModel({ mode: 'custom', compileLine: undefined, fitLine: undefined, loss: [] })).xRange(-1, 1);
    b.events.push({ type: 'variablesInitWide', modelId: b.modelId, site: site(4, 29), kernels: 4, wide: [{ std: 1.01, fanIn: 72, shape: [3, 3, 8, 16] }, { std: 1, fanIn: 64, shape: [64, 32] }, { std: 1, fanIn: 32, shape: [32, 4] }] });
    const pre = configOnly(b, src).findings.find((f) => f.id === 'weight-initialization:variables')!;
    assert.deepEqual([pre.confirmed, pre.rootCause, pre.location?.line], [false, 'weight-initialization', 4]);
    assert.match(pre.message, /3 of the 4 weight matrices trained are drawn far too wide.*deviation of 1\.01 on 72 inputs/);
    assert.equal(lineOf(applyFix(src, pre.fix), 4), '  const weight = (shape) => tf.variable(tf.randomNormal(shape, 0, Math.sqrt(2 / shape.slice(0, -1).reduce((a, b) => a * b, 1))));');
    flat(200, 1.386, 0.001).forEach((l) => b.step(l));
    const f = run(b.events, sources(src)).findings.find((x) => x.id === 'weight-initialization:variables')!;
    assert.equal(f.confirmed, true);
  });

  it('gradients multiplied by exactly the learning rate before the optimizer applies it again: certain on the multiplication, which the fix drops', () => {
    const src = withLine(CLASSIFIER_SRC, 9, '      steps[name] = grads[name].mul(LEARNING_RATE);');
    const b = new TraceBuilder().model(classifierModel({ mode: 'custom', compileLine: undefined, fitLine: undefined, loss: [], optimizer: { className: 'Momentum', learningRate: 0.005, line: 10 } })).xRange(-1, 1);
    b.events.push({ type: 'gradientsAltered', modelId: b.modelId, iter: 2, kind: 'shrunk', ratios: [0.005, 0.005, 0.005], applySite: site(11, 7), madeBy: { kernel: 'Multiply', site: site(9, 33) }, adaptive: false, elapsedMs: 60 });
    const f = configOnly(b, src).findings.find((x) => x.id === 'gradients-shrunk')!;
    assert.deepEqual([f.location?.line, f.confirmed], [9, true]);
    assert.match(f.message, /multiplies every gradient by the learning rate \(0\.005\).*scaled by the rate twice/);
    assert.equal(lineOf(applyFix(src, f.fix), 9), '      steps[name] = grads[name];');
  });

  it('meanSquaredLogarithmicError on standardized targets: certain, fixed with meanSquaredError', () => {
    const src = withLine(CLASSIFIER_SRC, 11, "  model.compile({ optimizer, loss: 'meanSquaredLogarithmicError' });");
    const b = new TraceBuilder().model({ layers: [dense(16, 'relu', 7), dense(1, 'linear', 8)], loss: 'meanSquaredLogarithmicError', optimizer: { className: 'Adam', learningRate: 0.001, line: 10 }, compileLine: 11, fitLine: 12 }).xRange(-1, 1);
    b.data('y', { shape: [1000, 1], dtype: 'float32', count: 1000, min: -1.13, max: 3.2, mean: 0, std: 1, nanCount: 0, infCount: 0, distinct: null, oneHotRows: false }, 5);
    const f = configOnly(b, src).findings[0]!;
    assert.deepEqual([f.symptom, f.confirmed, f.rootCause], ['label-encoding-mismatch', true, 'label-encoding']);
    assert.match(f.message, /clips values below 0 to 0 first, but the targets go down to -1\.13 \(standardized/);
    assert.equal(lineOf(applyFix(src, f.fix), 11), "  model.compile({ optimizer, loss: 'meanSquaredError' });");
  });
});

describe('what a model is trained, scored and used on', () => {
  const trained = (): TraceBuilder => new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3);

  it('logSoftmax outputs under categoricalCrossentropy: certain on the output layer, fixed with softmax', () => {
    const src = withLine(CLASSIFIER_SRC, 9, "  model.add(tf.layers.activation({ activation: 'logSoftmax' }));");
    const b = new TraceBuilder().model(classifierModel({}, 'logSoftmax')).xRange(-1, 1).yOneHot(3);
    const f = configOnly(b, src).findings.find((x) => x.symptom === 'activation-loss-mismatch')!;
    assert.deepEqual([f.confirmed, f.rootCause, f.location?.line], [true, 'output-activation', 9]);
    assert.match(f.message, /applies logsoftmax \(log-probabilities, all 0 or below/);
    assert.equal(lineOf(applyFix(src, f.fix), 9), "  model.add(tf.layers.activation({ activation: 'softmax' }));");
  });

  it('rows an earlier fit trained on, scored again: certain on the fit, fixed by a model per fold', () => {
    const src = [
      "const tf = require('@tensorflow/tfjs');",
      'async function main() {',
      '  const model = buildModel();',
      '  for (let k = 0; k < 5; k++) {',
      '    await model.fit(xs[k], ys[k], { epochs: 10 });',
      '    model.evaluate(held[k], heldY[k]);',
      '  }',
      '}',
    ].join('\n');
    const b = trained();
    b.events.push({ type: 'scoredOnTrainedRows', modelId: b.modelId, call: 'evaluate', site: site(6, 11), fitSite: site(5, 11), share: 1, rows: 80, earlierFits: 1 });
    const f = configOnly(b, src).findings[0]!;
    assert.deepEqual([f.id, f.confirmed, f.location?.line, f.related[0]?.site.line], ['scored-on-trained-rows', true, 5, 6]);
    assert.match(f.message, /the 80 rows evaluated on line 6 are 100% rows an earlier fit of the same model trained on/);
    const fixed = applyFix(src, f.fix);
    assert.deepEqual([lineOf(fixed, 3), lineOf(fixed, 4)], ['  for (let k = 0; k < 5; k++) {', '    const model = buildModel();']);
  });

  it('inputs off the training scale at predict, and inputs scaled again before a later fit: certain where they are given or made', () => {
    const b = trained();
    b.events.push({ type: 'inputsOffScale', modelId: b.modelId, call: 'predict', site: site(13, 20), fitSite: site(12, 9), columns: 4, offColumns: 4, column: 1, trainMean: 0, trainStd: 1, givenMean: 5200, givenStd: 1900 });
    const f = configOnly(b, CLASSIFIER_SRC).findings[0]!;
    assert.deepEqual([f.id, f.confirmed, f.rootCause, f.location?.line], ['inputs-off-scale', true, 'input-normalization', 13]);
    assert.match(f.message, /asked to predict on line 13 on inputs of another scale .*column 1: mean 5200 ± 1900, where training had 0 ± 1/);
    const again = trained();
    again.events.push({ type: 'inputsOffScale', modelId: again.modelId, call: 'fit', site: site(4, 13), fitSite: site(12, 9), columns: 4, offColumns: 4, column: 0, trainMean: 0, trainStd: 1, givenMean: -5, givenStd: 0.1 });
    const g = configOnly(again, CLASSIFIER_SRC).findings[0]!;
    assert.deepEqual([g.location?.line, g.fix?.title], [4, undefined]);
    assert.match(g.message, /scaled again before every fit/);
  });

  it('the same gradients applied at every step, probabilities thresholded at 0, kernels made non-trainable: certain', () => {
    const custom = (): TraceBuilder => new TraceBuilder().model(classifierModel({ mode: 'custom', compileLine: undefined, fitLine: undefined, loss: [] })).xRange(-1, 1);
    const b = custom();
    b.events.push({ type: 'gradientsReapplied', modelId: b.modelId, iter: 3, applies: 4, site: site(12, 9), stepSite: site(10, 9) });
    b.events.push({ type: 'kernelsFrozen', modelId: b.modelId, frozen: 2, trained: 2, shape: [4, 16], site: site(4, 13) });
    const found = configOnly(b, CLASSIFIER_SRC).findings;
    assert.deepEqual(found.map((f) => `${f.id}:${f.confirmed}:${f.location?.line}`).sort(), ['gradients-reapplied:true:10', 'kernels-frozen:true:4']);
    const p = trained();
    p.events.push({ type: 'thresholdOutsideOutputs', modelId: p.modelId, activation: 'sigmoid', threshold: 0, kernel: 'Greater', probabilityFirst: true, site: site(13, 20) });
    const t = configOnly(p, CLASSIFIER_SRC).findings[0]!;
    assert.deepEqual([t.id, t.confirmed, t.location?.line], ['threshold-outside-outputs', true, 13]);
    assert.match(t.message, /compares them with 0 \(p > 0\), which is true for every one of them/);
  });

  it("Keras's SGD(lr, momentum) written as tf.train.sgd(lr, 0.9): certain, fixed by tf.train.momentum; other dropped arguments get no fix", () => {
    const src = withLine(CLASSIFIER_SRC, 10, '  const optimizer = tf.train.sgd(0.001, 0.9);');
    const sgd = configOnly(new TraceBuilder().model(classifierModel({ optimizer: { className: 'SGD', learningRate: 0.001, line: 10, ignoredArgs: { factory: 'sgd', values: [0.9] } } })).xRange(-1, 1).yOneHot(3), src);
    const f = byId(sgd.findings, 'optimizer-args-ignored:optimizer')!;
    assert.deepEqual([f.confirmed, f.rootCause, f.location?.line], [true, 'optimizer', 10]);
    assert.match(f.message, /its second argument, 0\.9, is dropped without a word/);
    assert.equal(lineOf(applyFix(src, f.fix), 10), '  const optimizer = tf.train.momentum(0.001, 0.9);');
    const adam = configOnly(new TraceBuilder().model(classifierModel({ optimizer: { className: 'Adam', learningRate: 0.001, line: 10, ignoredArgs: { factory: 'adam', values: [true] } } })).xRange(-1, 1).yOneHot(3), CLASSIFIER_SRC);
    assert.equal(byId(adam.findings, 'optimizer-args-ignored:optimizer')?.fix, null);
  });

  it('a classifier whose hidden layers all lack an activation is one linear map: certain; one nonlinear layer among them is enough', () => {
    const linear = configOnly(new TraceBuilder().model(classifierModel({ layers: [dense(16, 'linear', 7), dense(16, 'linear', 8), dense(3, 'softmax', 9)] })).xRange(-1, 1).yOneHot(3));
    const f = linear.findings.find((x) => x.id.startsWith('linear-throughout:'))!;
    assert.deepEqual([f.symptom, f.confirmed, f.rootCause, f.location?.line], ['linear-network', true, 'hidden-activation', 7]);
    const mixed = configOnly(new TraceBuilder().model(classifierModel({ layers: [dense(16, 'relu', 7), dense(16, 'linear', 8), dense(3, 'softmax', 9)] })).xRange(-1, 1).yOneHot(3));
    assert.equal(mixed.findings.some((x) => x.id.startsWith('linear-throughout:')), false);
  });

  it('batch normalizations whose gamma starts at 0 in a plain stack: a warning on each with one fix for all, and the dead relu after them is theirs', () => {
    const bn = (line: number): LayerSpec => ({ className: 'BatchNormalization', line, params: 64, weights: [{ name: 'gamma', shape: [16] }, { name: 'beta', shape: [16] }], config: { gammaInitializer: 'Zeros' } } as LayerSpec);
    const b = new TraceBuilder().model(classifierModel({ layers: [dense(16, 'linear', 5), bn(6), act('relu', 7), dense(16, 'linear', 8), bn(9), dense(3, 'softmax', 10)] })).xRange(-1, 1).yOneHot(3);
    const pre = configOnly(b).findings.filter((x) => x.id.startsWith('zero-start:'));
    assert.deepEqual(pre.map((x) => [x.confirmed, x.rootCause, x.location?.line]), [[false, 'weight-initialization', 6], [false, 'weight-initialization', 9]]);
    assert.match(pre[0]!.message, /in a plain stack it cuts the signal/);
  });

  it("a conv layer of 3 filters whose 16×16 kernel covers its 16×16 input: certain, with the two numbers swapped; 120 filters (LeNet's C5) are left alone", () => {
    const conv = (filters: number): LayerSpec => ({ className: 'Conv2D', activation: 'relu', line: 7, units: filters, params: 16 * 16 * filters + filters, inputShape: [null, 16, 16, 1], outputShape: [null, 1, 1, filters], weights: [{ name: 'kernel', shape: [16, 16, 1, filters] }, { name: 'bias', shape: [filters] }], config: { filters, kernelSize: '16,16', padding: 'valid' } } as LayerSpec);
    const swapped = configOnly(new TraceBuilder().model(classifierModel({ layers: [conv(3), { className: 'Flatten', line: 8 } as LayerSpec, dense(3, 'softmax', 9)] })).xRange(0, 1).yOneHot(3));
    const f = swapped.findings.find((x) => x.id.startsWith('kernel-covers-input:'))!;
    assert.deepEqual([f.confirmed, f.rootCause, f.location?.line], [true, 'architecture', 7]);
    assert.match(f.message, /Use 16 filters of 3×3/);
    const lenet = configOnly(new TraceBuilder().model(classifierModel({ layers: [conv(120), { className: 'Flatten', line: 8 } as LayerSpec, dense(3, 'softmax', 9)] })).xRange(0, 1).yOneHot(3));
    assert.equal(lenet.findings.some((x) => x.id.startsWith('kernel-covers-input:')), false);
  });

  it('a one-unit hidden layer in a classifier of 8 classes: certain behind a relu, a warning behind tanh', () => {
    const layers = (a: string): LayerSpec[] => [dense(16, 'relu', 7), dense(1, a, 8), dense(8, 'softmax', 9)];
    const src = withLine(withLine(CLASSIFIER_SRC, 8, "  model.add(tf.layers.dense({ units: 1, activation: 'relu' }));"), 9, "  model.add(tf.layers.dense({ units: 8, activation: 'softmax' }));");
    const relu = configOnly(new TraceBuilder().model(classifierModel({ layers: layers('relu') })).xRange(-1, 1).yOneHot(8), src);
    const f = relu.findings.find((x) => x.id.startsWith('bottleneck:'))!;
    assert.deepEqual([f.confirmed, f.rootCause, f.location?.line], [true, 'architecture', 8]);
    assert.equal(lineOf(applyFix(src, f.fix), 8), "  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));");
    const tanh = configOnly(new TraceBuilder().model(classifierModel({ layers: layers('tanh') })).xRange(-1, 1).yOneHot(8), src.replace("units: 1, activation: 'relu'", "units: 1, activation: 'tanh'"));
    assert.equal(tanh.findings.find((x) => x.id.startsWith('bottleneck:'))?.confirmed, false);
  });

  it('a tf.losses error negated in the loss: certain, fixed by dropping .neg(); times a negative number, no fix', () => {
    const src = ['const model = tf.sequential();', "const loss = (y, p) => tf.losses.cosineDistance(y, p, 1).neg();"].join('\n');
    const p = trained();
    p.events.push({ type: 'lossNegated', modelId: p.modelId, fn: 'cosineDistance', kernel: 'Neg', site: site(2, 58) });
    const f = byId(configOnly(p, src).findings, 'loss-negated')!;
    assert.deepEqual([f.confirmed, f.rootCause, f.location?.line], [true, 'loss-function', 2]);
    assert.match(f.message, /tfjs's cosineDistance is already 1 - cos/);
    assert.equal(lineOf(applyFix(src, f.fix), 2), 'const loss = (y, p) => tf.losses.cosineDistance(y, p, 1);');
    const q = trained();
    q.events.push({ type: 'lossNegated', modelId: q.modelId, fn: 'meanSquaredError', kernel: 'Multiply', site: site(2, 58) });
    assert.equal(byId(configOnly(q, src).findings, 'loss-negated')?.fix, null);
  });

  it('a trained model asked for predictions in training mode: certain, fixed by training: false', () => {
    const src = ['const model = tf.sequential();', 'const probs = model.apply(xTest, { training: true });'].join('\n');
    const p = trained();
    p.events.push({ type: 'trainingModeAfter', modelId: p.modelId, layers: ['dropout_Dropout1'], calls: 1, site: site(2, 21) });
    const f = byId(configOnly(p, src).findings, 'dropout-at-inference')!;
    assert.deepEqual([f.confirmed, f.rootCause, f.location?.line], [true, 'regularization', 2]);
    assert.equal(lineOf(applyFix(src, f.fix), 2), 'const probs = model.apply(xTest, { training: false });');
  });

  it('a division by 0 after the gradients and a mask added with the wrong sign: certain, each with its fix', () => {
    const src = ['const bc1 = 1 - Math.pow(BETA1, t);', 'const mHat = m.div(bc1);', 'const weights = tf.softmax(scores.add(mask.mul(1e9)));'].join('\n');
    const p = trained();
    p.events.push({ type: 'dividedByZero', modelId: p.modelId, inForward: false, site: site(2, 16) });
    p.events.push({ type: 'maskRaisesScores', modelId: p.modelId, kernel: 'Add', site: site(3, 35) });
    const found = configOnly(p, src).findings;
    const d = byId(found, 'divided-by-zero')!;
    assert.deepEqual([d.confirmed, d.rootCause, d.location?.line], [true, 'optimizer', 2]);
    assert.equal(lineOf(applyFix(src, d.fix), 1), 'const bc1 = 1 - Math.pow(BETA1, t + 1);');
    const m = byId(found, 'mask-raises-scores')!;
    assert.deepEqual([m.confirmed, m.rootCause, m.location?.line], [true, 'architecture', 3]);
    assert.equal(lineOf(applyFix(src, m.fix), 3), 'const weights = tf.softmax(scores.sub(mask.mul(1e9)));');
    const negative = src.replace('scores.add(mask.mul(1e9))', 'scores.sub(mask.mul(-1e9))');
    const q = trained();
    q.events.push({ type: 'maskRaisesScores', modelId: q.modelId, kernel: 'Sub', site: site(3, 35) });
    assert.equal(lineOf(applyFix(negative, byId(configOnly(q, negative).findings, 'mask-raises-scores')!.fix), 3), 'const weights = tf.softmax(scores.add(mask.mul(-1e9)));');
  });

  it('uniform draws compared with a rate in percent: a mask of zeros, certain, fixed as a fraction; other thresholds get no fix', () => {
    const src = ['const DROPOUT_RATE = 50;', 'const drop = (h) => h.mul(tf.randomUniform(h.shape).greaterEqual(DROPOUT_RATE).toFloat());'].join('\n');
    const p = trained();
    p.events.push({ type: 'drawComparedOutside', modelId: p.modelId, low: 0, high: 1, threshold: 50, kernel: 'GreaterEqual', drawFirst: true, alwaysTrue: false, site: site(2, 52) });
    const m = configOnly(p, src).findings[0]!;
    assert.deepEqual([m.id, m.confirmed, m.rootCause, m.location?.line], ['mask-constant', true, 'regularization', 2]);
    assert.match(m.message, /with 50 \(u >= 50\), which is false for every draw: the mask is all zeros/);
    assert.equal(lineOf(applyFix(src, m.fix), 1), 'const DROPOUT_RATE = 0.5;');
    const q = trained();
    q.events.push({ type: 'drawComparedOutside', modelId: q.modelId, low: 0, high: 1, threshold: -1, kernel: 'Less', drawFirst: true, alwaysTrue: false, site: site(2, 52) });
    assert.equal(configOnly(q, src).findings[0]!.fix, null);
  });

  it('the target held in the inputs, a range test left at its last rate, and a sentinel among the targets: certain', () => {
    const b = trained();
    b.events.push({ type: 'targetInInputs', modelId: b.modelId, column: 4, step: false, classes: 2, rows: 2000, madeAt: site(4, 13), site: site(12, 9) });
    b.events.push({ type: 'rateLeftBySweep', modelId: b.modelId, startRate: 1e-6, endRate: 10, site: site(12, 9), sweepSite: site(10, 9) });
    b.events.push({ type: 'targetSentinel', modelId: b.modelId, value: 4.36, rows: 100, of: 2000, nearest: -0.1, madeAt: site(5, 13), site: site(12, 9) });
    const found = configOnly(b, CLASSIFIER_SRC).findings;
    assert.deepEqual(found.map((f) => `${f.id}:${f.confirmed}:${f.location?.line}`).sort(), ['rate-left-by-sweep:true:12', 'target-in-inputs:true:4', 'target-sentinel:true:5']);
    assert.match(byId(found, 'target-in-inputs')!.message, /Input column 4 holds the target itself: in all 2000 rows read it is one value for each of the two classes/);
    assert.match(byId(found, 'rate-left-by-sweep')!.message, /swept the rate from 1\.00e-6 up to 10 \(a range test\)/);
  });

  it('inputs squashed by a scale an outlier set: a warning on where they were computed, confirmed by a stall', () => {
    const b = trained();
    b.events.push({ type: 'inputsSquashed', modelId: b.modelId, largest: 1, restLargest: 0.0625, few: 1, nonzero: 19200, madeAt: site(4, 13), site: site(12, 9) });
    const pre = configOnly(b, CLASSIFIER_SRC).findings[0]!;
    assert.deepEqual([pre.id, pre.confirmed, pre.location?.line], ['inputs-squashed', false, 4]);
    flat(300, 1.386, 0.001).forEach((l) => b.step(l, { acc: 0.25 }));
    b.end();
    assert.equal(run(b.events, sources(CLASSIFIER_SRC)).findings.find((f) => f.id === 'inputs-squashed')?.confirmed, true);
  });

  it('weights clipped to ±c after each step: regularization, fixed by removing the clipping', () => {
    const src = withLine(CLASSIFIER_SRC, 13, '  for (const w of model.trainableWeights) w.write(tf.clipByValue(w.read(), -0.01, 0.01));\n}');
    const b = new TraceBuilder().model(classifierModel({ mode: 'custom', compileLine: undefined, fitLine: undefined, loss: [] })).xRange(-1, 1);
    b.events.push({ type: 'weightsOverwritten', modelId: b.modelId, site: site(13, 44), steps: 3, variables: 4, clipBound: 0.01 });
    const f = configOnly(b, src).findings[0]!;
    assert.deepEqual([f.rootCause, f.location?.line], ['regularization', 13]);
    assert.match(f.message, /clips 4 of the weight tensors to \[-0\.01, 0\.01\]/);
    assert.equal(lineOf(applyFix(src, f.fix), 13), '}');
  });

  it('raw kernels drawn all of one sign: certain, fixed with a symmetric draw', () => {
    const src = withLine(CLASSIFIER_SRC, 4, '  const weight = (shape) => tf.variable(tf.randomUniform(shape));');
    const b = new TraceBuilder().model(classifierModel({ mode: 'custom', compileLine: undefined, fitLine: undefined, loss: [] })).xRange(-1, 1);
    b.events.push({ type: 'variablesInitWide', modelId: b.modelId, site: site(4, 29), kernels: 4, wide: [{ std: 0.29, mean: 0.5, fanIn: 64, shape: [64, 64] }, { std: 0.29, mean: 0.5, fanIn: 64, shape: [64, 64] }, { std: 0.29, mean: 0.5, fanIn: 64, shape: [64, 5] }] });
    const f = configOnly(b, src).findings.find((x) => x.id === 'weight-initialization:variables')!;
    assert.equal(f.confirmed, true);
    assert.match(f.message, /a mean of 0\.5 \(all one sign/);
    assert.equal(lineOf(applyFix(src, f.fix), 4), '  const weight = (shape) => tf.variable(tf.randomUniform(shape, -Math.sqrt(6 / shape.slice(0, -1).reduce((a, b) => a * b, 1)), Math.sqrt(6 / shape.slice(0, -1).reduce((a, b) => a * b, 1))));');
  });
});

describe('evaluated on classes training never had', () => {
  function evaluatedOn(targetClasses: Array<{ cls: number; rows: number }>): Finding[] {
    const b = new TraceBuilder().model(classifierModel({})).xRange(-1, 1).yOneHot(3, 1000, [0.5, 0.5, 0]);
    decaying(60, 1.1, 0.05, 0.1).forEach((l) => b.step(l, { acc: 0.95 }));
    b.events.push({ type: 'evaluated', modelId: b.modelId, site: site(14, 5), names: ['loss', 'acc'], values: [9.5, 0], rows: 300, targetClasses });
    return run(b.end().events).findings;
  }
  it('a test set all of a class no training row has: certain, where it is evaluated', () => {
    const f = byId(evaluatedOn([{ cls: 2, rows: 300 }]), 'evaluated-classes-unseen');
    assert.ok(f);
    assert.deepEqual([f.confirmed, f.rootCause, f.location?.line], [true, 'training-data', 14]);
    assert.match(f.message, /300 of them of class 2, which no training row has/);
  });
  it('a test set of the classes training had: no finding', () => {
    assert.equal(byId(evaluatedOn([{ cls: 0, rows: 150 }, { cls: 1, rows: 150 }]), 'evaluated-classes-unseen'), undefined);
  });
});

describe('checks from the fifty-second and fifty-third sets, on recorded events', () => {
  const trained = (): TraceBuilder => new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3);

  it('softmax rows of -Infinity throughout: certain on the mask, fixed to -1e9', () => {
    const src = ['const pairMask = tf.logicalAnd(a, b);', 'const masked = tf.where(pairMask, scores, tf.fill(scores.shape, -Infinity));'].join('\n');
    const p = trained();
    p.events.push({ type: 'softmaxRowsMasked', modelId: p.modelId, site: site(2, 18), rows: 28, total: 512 });
    const f = byId(configOnly(p, src).findings, 'softmax-rows-all-masked')!;
    assert.deepEqual([f.confirmed, f.rootCause, f.location?.line], [true, 'architecture', 2]);
    assert.match(f.message, /28 of 512 rows/);
    assert.equal(lineOf(applyFix(src, f.fix), 2), 'const masked = tf.where(pairMask, scores, tf.fill(scores.shape, -1e9));');
  });

  it('weights set to the sum of 5 models\' weights: certain, shown and fixed where the sum is made', () => {
    const src = ['const aggregated = globalWeights.map((_, i) => tf.addN(clientUpdates.map((w) => w[i])));', 'globalModel.setWeights(aggregated);'].join('\n');
    const p = trained();
    p.events.push({ type: 'weightsSummed', modelId: p.modelId, site: site(2, 13), factor: 5 });
    const f = byId(configOnly(p, src).findings, 'weights-summed')!;
    assert.deepEqual([f.confirmed, f.rootCause, f.location?.line], [true, 'optimizer', 1]);
    assert.match(f.message, /5 times as large/);
    assert.equal(lineOf(applyFix(src, f.fix), 1), 'const aggregated = globalWeights.map((_, i) => tf.addN(clientUpdates.map((w) => w[i])).div(clientUpdates.length));');
  });

  it('a noise draw seeded the same at every step: certain on the model that trained, fixed by dropping the seed', () => {
    const src = ["const z = tf.randomNormal([64, 8], 0, 1, 'float32', CONFIG.seed);"].join('\n');
    const p = trained();
    p.events.push({ type: 'dropoutSeedFixed', site: site(1, 14), seed: '42', steps: 3, modelId: p.modelId, fn: 'randomNormal' });
    const f = byId(configOnly(p, src).findings, 'noise-seed-fixed')!;
    assert.deepEqual([f.confirmed, f.rootCause, f.location?.line], [true, 'training-data', 1]);
    assert.equal(lineOf(applyFix(src, f.fix), 1), "const z = tf.randomNormal([64, 8], 0, 1, 'float32');");
    const q = trained();
    q.events.push({ type: 'dropoutSeedFixed', site: site(1, 14), seed: '42', steps: 3, modelId: q.modelId + 1, fn: 'randomNormal' });
    assert.equal(byId(configOnly(q, src).findings, 'noise-seed-fixed'), undefined);
  });

  it('abs of the summed errors, Huber branches swapped, a step float32 cannot resolve: each certain with its fix', () => {
    const src = ['const FD_STEP = 1e-8;', 'const mae = (y, p) => tf.abs(tf.sum(tf.sub(y, p))).div(n);', 'const huber = tf.where(big, quadratic, linear).mean();', 'const uPlus = net.apply(t.add(FD_STEP));'].join('\n');
    const p = trained();
    p.events.push({ type: 'absOfSummedErrors', modelId: p.modelId, site: site(2, 23), reduction: 'sum' });
    p.events.push({ type: 'huberBranchesSwapped', modelId: p.modelId, site: site(3, 15) });
    p.events.push({ type: 'stepBelowResolution', modelId: p.modelId, site: site(4, 15), step: 1e-8, unchanged: 120, of: 127 });
    const found = configOnly(p, src).findings;
    const a = byId(found, 'errors-cancel-before-abs')!;
    assert.deepEqual([a.confirmed, a.rootCause, a.location?.line], [true, 'loss-function', 2]);
    assert.equal(lineOf(applyFix(src, a.fix), 2), 'const mae = (y, p) => tf.sum(tf.abs(tf.sub(y, p))).div(n);');
    const h = byId(found, 'huber-branches-swapped')!;
    assert.equal(lineOf(applyFix(src, h.fix), 3), 'const huber = tf.where(big, linear, quadratic).mean();');
    const s = byId(found, 'step-below-float32-resolution')!;
    assert.match(s.message, /for 120 of 127 of them the sum is the value itself/);
    assert.equal(lineOf(applyFix(src, s.fix), 1), 'const FD_STEP = 1e-3;');
  });

  it('pruning that zeroes the largest weights: certain, shown and fixed where the mask is made', () => {
    const src = ['    const mask = kernel.abs().lessEqual(threshold);', "    layer.setWeights([kernel.mul(mask.cast('float32')), bias]);"].join('\n');
    const p = trained();
    p.events.push({ type: 'prunedLargest', modelId: p.modelId, site: site(2, 11), zeroed: 154, of: 768 });
    const f = byId(configOnly(p, src).findings, 'pruning-removes-largest')!;
    assert.deepEqual([f.confirmed, f.rootCause, f.location?.line], [true, 'regularization', 1]);
    assert.equal(lineOf(applyFix(src, f.fix), 1), '    const mask = kernel.abs().greater(threshold);');
  });

  it('a tagger whose words tell the mirrored tags: certain, shown where the ids are made', () => {
    const p = trained();
    p.events.push({ type: 'tagsReversed', modelId: p.modelId, idsSite: site(7, 13), tagsSite: site(8, 18), fitSite: site(12, 3), rows: 512, positions: 2900, aligned: 1.9, mirrored: 0.2 });
    const f = byId(configOnly(p).findings, 'tags-reversed')!;
    assert.deepEqual([f.confirmed, f.rootCause, f.location?.line], [true, 'label-encoding', 7]);
    assert.match(f.message, /0\.2 bits .* 1\.9 given its own, over 2900 positions/);
  });

  it('classes a later fit call brought count as trained: no unseen-class finding', () => {
    const b = new TraceBuilder().model(classifierModel({})).xRange(-1, 1).yOneHot(3, 1000, [0.5, 0.5, 0]);
    b.events.push({ type: 'fitClassesAdded', modelId: b.modelId, call: 3, classes: [0, 1, 2] });
    decaying(60, 1.1, 0.05, 0.1).forEach((l) => b.step(l, { acc: 0.95 }));
    b.events.push({ type: 'evaluated', modelId: b.modelId, site: site(14, 5), names: ['loss', 'acc'], values: [0.2, 0.9], rows: 300, targetClasses: [{ cls: 2, rows: 300 }] });
    assert.equal(byId(run(b.end().events).findings, 'evaluated-classes-unseen'), undefined);
  });
});

describe('checks from the fifty-fourth and fifty-fifth sets, on recorded events', () => {
  it('tf.train.momentum given the Nesterov flag as its momentum: certain, fixed with a momentum before the flag', () => {
    const src = withLine(CLASSIFIER_SRC, 10, '  const optimizer = tf.train.momentum(0.05, true);');
    const model = (momentum: boolean | number) => new TraceBuilder().model(classifierModel({ optimizer: { className: 'Momentum', learningRate: 0.05, line: 10, settings: { learningRate: 0.05, momentum, useNesterov: false } } })).xRange(-1, 1).yOneHot(3);
    const f = byId(configOnly(model(true), src).findings, 'momentum-given-boolean:optimizer')!;
    assert.deepEqual([f.confirmed, f.rootCause, f.location?.line], [true, 'optimizer', 10]);
    assert.match(f.message, /true counts as 1/);
    assert.equal(lineOf(applyFix(src, f.fix), 10), '  const optimizer = tf.train.momentum(0.05, 0.9, true);');
    assert.equal(byId(configOnly(model(0.9), src).findings, 'momentum-given-boolean:optimizer'), undefined);
  });

  it('class weights all alike on imbalanced classes: certain, shown and fixed where the counts are summed along the rows', () => {
    let src = withLine(CLASSIFIER_SRC, 9, '  const counts = Array.from(y.sum(1).dataSync());');
    src = withLine(src, 10, '  const classWeight = { 0: Math.max(...counts) / counts[0], 1: Math.max(...counts) / counts[1] };');
    src = withLine(src, 12, '  await model.fit(x, y, { epochs: 10, classWeight });');
    const model = (weights: string) => {
      const b = new TraceBuilder().model({ layers: [dense(16, 'relu', 7), dense(2, 'softmax', 8)], loss: 'categoricalCrossentropy', compileLine: 11, fitLine: 12 }).xRange(-1, 1).yOneHot(2, 1000, [0.97, 0.03]);
      b.modelEvent!.fitConfig['classWeighted'] = true;
      b.modelEvent!.fitConfig['classWeights'] = weights;
      return b;
    };
    const f = byId(configOnly(model('{"0":1,"1":1}'), src).findings, 'class-weights-equal:fit')!;
    assert.deepEqual([f.confirmed, f.rootCause, f.location?.line], [true, 'loss-function', 9]);
    assert.match(f.message, /every class the same weight, 1, while class 1 is 3% of the targets/);
    assert.equal(lineOf(applyFix(src, f.fix), 9), '  const counts = Array.from(y.sum(0).dataSync());');
    // Weights that differ, or classes near balance, are left alone.
    assert.equal(byId(configOnly(model('{"0":1,"1":32}'), src).findings, 'class-weights-equal:fit'), undefined);
  });

  it('images centred pixel by pixel on their own channels: certain on the mean, fixed to each channel\'s mean over the images', () => {
    const src = ['const centre = (images) => images.sub(images.mean(3, true));', 'const xTrain = centre(xTrainRaw);'].join('\n');
    const images = (mean: number, rowMeans: boolean) => {
      const b = new TraceBuilder().model(classifierModel());
      b.events.push({ type: 'data', modelId: b.modelId, role: 'x', slot: 0, site: site(2, 16), summary: { shape: [360, 8, 8, 3], dtype: 'float32', count: 69120, min: -0.4, max: 0.4, mean, std: 0.12, nanCount: 0, infCount: 0, distinct: null, oneHotRows: null }, ...(rowMeans ? { origin: { site: site(2, 16), rowMeans: [site(1, 44)] } } : {}) });
      return b.yOneHot(3, 360);
    };
    const f = byId(configOnly(images(1e-9, true), src).findings, 'pixels-centred-on-channels:x')!;
    assert.deepEqual([f.confirmed, f.rootCause, f.location?.line], [true, 'input-normalization', 1]);
    assert.match(f.message, /mean of its own 3 channels/);
    assert.equal(lineOf(applyFix(src, f.fix), 1), 'const centre = (images) => images.sub(images.mean([0, 1, 2], true));');
    // Centred on the images' own channel means (not 0 overall), or made without a mean over the channels: left alone.
    assert.equal(byId(configOnly(images(0.3, true), src).findings, 'pixels-centred-on-channels:x'), undefined);
    assert.equal(byId(configOnly(images(1e-9, false), src).findings, 'pixels-centred-on-channels:x'), undefined);
  });

  it('twins among inputs that are int32 0s and 1s: certain, shown and fixed where the integer typed array is made', () => {
    const src = withLine(CLASSIFIER_SRC, 4, '    const pixels = new Uint8Array(n * 784);');
    const b = new TraceBuilder().model(classifierModel({}, 'softmax', 2));
    b.events.push({ type: 'data', modelId: b.modelId, role: 'x', slot: 0, summary: { shape: [1200, 784], dtype: 'int32', count: 940800, min: 0, max: 1, mean: 0.0015, std: 0.04, nanCount: 0, infCount: 0, distinct: null, oneHotRows: null }, site: site(12, 9), origin: { site: site(5, 13) } });
    b.events.push({ type: 'data', modelId: b.modelId, role: 'y', slot: 0, summary: summary([0, 1], [1200, 2], { oneHotRows: true, zeroRows: 0, columnMeans: [0.5, 0.5], neighbourTargets: { kind: 'classes', pairs: 256, candidates: 1200, agreeing: 130, chance: 0.5, correlation: 0.02, sameInputs: { pairs: 200, agreeing: 101, meanSquaredGap: 0.5 } } }), site: site(12, 9), origin: { site: site(6, 13) } });
    const f = byId(configOnly(b, src).findings, 'targets-noisy:y')!;
    assert.deepEqual([f.confirmed, f.rootCause, f.location?.line], [true, 'training-data', 4]);
    assert.match(f.message, /the inputs are integers, 0 and 1 only/);
    assert.equal(lineOf(applyFix(src, f.fix), 4), '    const pixels = new Float32Array(n * 784);');
  });

  it('a sine of values spread over hundreds of radians: certain on the sine, fixed where ω0 is declared', () => {
    const src = ['const FIRST_OMEGA_0 = 3000;', 'const h1 = tf.sin(x.matMul(w1).add(b1).mul(FIRST_OMEGA_0));'].join('\n');
    const p = new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3);
    p.events.push({ type: 'sineSpreadWide', modelId: p.modelId, site: site(2, 15), spread: 1440 });
    const f = byId(configOnly(p, src).findings, 'sine-spread-wide')!;
    assert.deepEqual([f.confirmed, f.rootCause, f.location?.line], [true, 'hidden-activation', 2]);
    assert.match(f.message, /spread over 1440 radians .* about 229 periods/);
    assert.equal(lineOf(applyFix(src, f.fix), 1), 'const FIRST_OMEGA_0 = 30;');
    // A scale not named for ω0 gets no fix.
    const plain = src.replace(/FIRST_OMEGA_0/g, 'SCALE');
    assert.equal(byId(configOnly(p, plain).findings, 'sine-spread-wide')?.fix, null);
  });

  it('a division by 0 in a late step\'s forward pass: certain on its line, the divisor that reached 0 named', () => {
    const src = ['const tau = Math.max(0, 1 - epoch * 0.05);', 'const code = logits.add(gumbel).div(tau).softmax();'].join('\n');
    const p = new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3);
    p.events.push({ type: 'dividedByZero', modelId: p.modelId, inForward: true, site: site(2, 32) });
    const f = byId(configOnly(p, src).findings, 'divided-by-zero')!;
    assert.deepEqual([f.confirmed, f.location?.line], [true, 2]);
    assert.match(f.message, /in the step's forward pass .* annealed with a floor of 0/);
  });
});
