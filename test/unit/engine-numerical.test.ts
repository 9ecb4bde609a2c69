/** NaN / Infinity: producer vs propagators, update blow-ups, loss-made NaN. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, byId, CLASSIFIER_SRC, classifierModel, healthyDetails, lineOf, sources, withLine } from './fixtures';
import { decaying, type DetailSpec, run, site, TraceBuilder } from './trace-builder';

function trainThen(b: TraceBuilder, n: number): TraceBuilder {
  decaying(n, 1.1, 0.6, 0.02, 0.05).forEach((l, i) => b.step(l, { acc: 0.4 + i * 0.002, layers: i % 10 === 0 ? healthyDetails(i) : undefined }));
  return b;
}

describe('non-finite values', () => {
  it('names the first layer whose inputs are finite and output is not; propagators rank lower', () => {
    const b = trainThen(new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3), 40);
    const nanDetails: DetailSpec[] = [
      { out: { mean: 0.3, std: 0.5, dead: 0.4 }, weights: [{ norm: 3, absMax: 0.5 }], grads: [{ norm: 0.1 }] },
      { out: { mean: 0, std: 1, nan: 12 }, weights: [{ norm: 4, absMax: 0.6 }], grads: [{ norm: 0.1 }] },
      { out: { nan: 40 } },
    ];
    b.step(null, { layers: nanDetails, gradNorm: null, gradNonFinite: true });
    const r = run(b.events, sources(CLASSIFIER_SRC));
    const f = byId(r.findings, 'non-finite-output:dense_2');
    assert.ok(f, JSON.stringify(r.findings.map((x) => x.id)));
    assert.equal(f.confirmed, true);
    assert.equal(f.severity, 'error');
    assert.equal(f.layer?.name, 'dense_2');
    assert.equal(f.location?.line, 8);
    assert.equal(f.rootCause, 'hidden-activation');
    assert.equal(f.iteration, 40);
    assert.equal(f.relevance[0]!.layer.name, 'dense_2');
    assert.equal(f.relevance[0]!.score, 1);
    const prop = f.relevance.find((x) => x.layer.name === 'activation_3')!;
    const before = f.relevance.find((x) => x.layer.name === 'dense_1')!;
    assert.ok(prop.score < 1 && prop.score > before.score, `propagator ${prop.score} vs upstream ${before.score}`);
    assert.match(prop.evidence, /propagates/);
    assert.equal(r.report.verdict, 'faulty');
    assert.equal(r.firstConfirmedIter, 40);
  });

  it('a producer fed by weights that grew huge blames the learning rate at the optimizer', () => {
    const b = trainThen(new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3), 30);
    b.step(null, {
      layers: [
        { out: { mean: 1e20, std: 1e20 }, weights: [{ norm: 1e9, absMax: 1e8 }] },
        { out: { nan: 5 }, weights: [{ norm: 1e10, absMax: 1e9 }] },
        { out: { nan: 30 } },
      ],
    });
    const r = run(b.events, sources(CLASSIFIER_SRC));
    const f = byId(r.findings, 'non-finite-output:dense_2')!;
    assert.equal(f.rootCause, 'learning-rate');
    assert.equal(f.layer, null);
    assert.equal(f.location?.line, 10);
    assert.equal(f.relevance[0]!.layer.name, 'dense_2');
    assert.equal(lineOf(applyFix(CLASSIFIER_SRC, f.fix), 10), '  const optimizer = tf.train.adam(0.0001);');
  });

  it('weights already NaN: the update blew up, root cause learning rate (confirms the LR warning)', () => {
    const src = withLine(CLASSIFIER_SRC, 10, '  const optimizer = tf.train.sgd(5);');
    const b = new TraceBuilder().model(classifierModel({ optimizer: { className: 'SGD', learningRate: 5, line: 10 } })).xRange(-1, 1).yOneHot(3);
    const pre = run([...b.events], sources(src), { finish: false });
    const warn = byId(pre.findings, 'learning-rate-out-of-range:optimizer');
    assert.ok(warn && !warn.confirmed && warn.severity === 'warning');
    assert.equal(pre.engine.hasConfirmedFault(), false);
    assert.equal(pre.report.verdict, 'inconclusive');
    b.step(1.2).step(3.5).step(40);
    b.step(null, { layers: [{ out: { nan: 10 }, weights: [{ norm: null, nanCount: 64 }] }, { out: { nan: 3 }, weights: [{ norm: null, nanCount: 48 }] }, { out: { nan: 3 } }], gradNorm: null, gradNonFinite: true });
    const r = run(b.events, sources(src));
    const f = r.findings[0]!;
    assert.equal(f.id, 'learning-rate-out-of-range:optimizer');
    assert.equal(f.confirmed, true);
    assert.equal(f.rootCause, 'learning-rate');
    assert.equal(f.layer, null);
    assert.equal(f.location?.line, 10);
    assert.ok(f.observed?.includes('non-finite-weights'));
    // The squiggle says what training showed in words, not as an identifier.
    assert.match(f.message, /Training confirms it: [^.]*the weights became NaN or infinite/);
    assert.equal(f.relevance[0]!.layer.name, 'dense_1');
    assert.equal(lineOf(applyFix(src, f.fix), 10), '  const optimizer = tf.train.sgd(0.01);');
    assert.equal(r.findings.filter((x) => x.confirmed).length, 1, 'one finding for one fault');
  });

  it('weights NaN without an out-of-band learning rate: its own finding at the optimizer', () => {
    const b = trainThen(new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3), 20);
    b.step(null, { layers: [{ out: { nan: 1 }, weights: [{ nanCount: 2, norm: null }] }, { out: { nan: 1 } }, { out: { nan: 1 } }] });
    const r = run(b.events, sources(CLASSIFIER_SRC));
    const f = byId(r.findings, 'non-finite-weights:dense_1')!;
    assert.equal(f.symptom, 'non-finite-weights');
    assert.equal(f.rootCause, 'learning-rate');
    assert.equal(f.layer, null);
    assert.equal(f.location?.line, 10);
    assert.ok(f.fix);
  });

  it('finite outputs, NaN loss, relu output with cross-entropy: confirms the output-activation warning', () => {
    const src = withLine(CLASSIFIER_SRC, 9, "  model.add(tf.layers.activation({ activation: 'relu' }));");
    const b = new TraceBuilder().model(classifierModel({}, 'relu')).xRange(-1, 1).yOneHot(3);
    b.step(1.3).step(1.2);
    b.step(null, { layers: [{ out: { dead: 0.5 } }, { out: { mean: -0.3 } }, { out: { mean: 0, std: 0, min: 0, max: 0, dead: 1 } }] });
    const r = run(b.events, sources(src));
    const f = r.findings[0]!;
    assert.equal(f.id, 'activation-loss-mismatch:activation_3');
    assert.equal(f.confirmed, true);
    assert.equal(f.rootCause, 'output-activation');
    assert.equal(f.layer?.name, 'activation_3');
    assert.equal(f.location?.line, 9);
    assert.ok(f.observed?.includes('non-finite-loss'));
    assert.equal(lineOf(applyFix(src, f.fix), 9), "  model.add(tf.layers.activation({ activation: 'softmax' }));");
  });

  it('finite outputs, NaN loss, nothing misconfigured: the loss computation at compile', () => {
    const b = trainThen(new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3), 12);
    b.step(null, { layers: [{ out: {} }, { out: {} }, { out: { min: 0, max: 1 } }] });
    const r = run(b.events);
    const f = byId(r.findings, 'non-finite-loss:loss')!;
    assert.equal(f.rootCause, 'loss-function');
    assert.equal(f.layer, null);
    assert.equal(f.location?.line, 11);
  });

  describe('a hand-written cross-entropy that takes the log of probabilities unclipped', () => {
    const LOG_LINE = '  const loss = () => tf.neg(y.mul(tf.log(model.predict(x))).add(tf.sub(1, y).mul(tf.log(tf.sub(1, model.predict(x))))).mean());';
    const src = withLine(CLASSIFIER_SRC, 12, LOG_LINE);
    const logAt = (nth: number) => LOG_LINE.split('log(').slice(0, nth).join('log(').length - 2;
    function withLogs(b: TraceBuilder): TraceBuilder {
      b.events.push({ type: 'logOfProbabilities', modelId: b.modelId, site: site(12, logAt(1)), source: 'sigmoid', complement: false });
      b.events.push({ type: 'logOfProbabilities', modelId: b.modelId, site: site(12, logAt(2)), source: 'sigmoid', complement: true });
      return b;
    }

    it('outputs exactly 1 at the NaN step: blamed on the log of 1 - p, and the fix clips both logs', () => {
      const b = withLogs(trainThen(new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3), 12));
      b.step(null, { layers: [{ out: {} }, { out: {} }, { out: { min: 0.02, max: 1 } }] });
      const f = byId(run(b.events, sources(src)).findings, 'non-finite-loss:loss')!;
      assert.deepEqual([f.rootCause, f.location?.line, f.location?.column, f.confirmed], ['loss-function', 12, logAt(2), true]);
      assert.match(f.message, /takes the log of 1 minus the sigmoid outputs unclipped, and some outputs are exactly 1 here/);
      assert.equal(lineOf(applyFix(src, f.fix), 12), '  const loss = () => tf.neg(y.mul(tf.log(tf.clipByValue(model.predict(x), 1e-7, 1))).add(tf.sub(1, y).mul(tf.log(tf.clipByValue(tf.sub(1, model.predict(x)), 1e-7, 1)))).mean());');
    });

    it('outputs exactly 0: blamed on the log of p; outputs inside (0, 1): the loss computation, as before', () => {
      const atZero = withLogs(trainThen(new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3), 12));
      atZero.step(null, { layers: [{ out: {} }, { out: {} }, { out: { min: 0, max: 0.9 } }] });
      const f = byId(run(atZero.events, sources(src)).findings, 'non-finite-loss:loss')!;
      assert.deepEqual([f.location?.line, f.location?.column], [12, logAt(1)]);
      assert.match(f.message, /the log of the sigmoid outputs unclipped, and some outputs are exactly 0 here/);
      const inside = withLogs(trainThen(new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3), 12));
      inside.step(null, { layers: [{ out: {} }, { out: {} }, { out: { min: 0.01, max: 0.99 } }] });
      const g = byId(run(inside.events, sources(src)).findings, 'non-finite-loss:loss')!;
      assert.deepEqual([g.location?.line, g.fix], [11, null]);
      assert.match(g.message, /^The loss categoricalCrossentropy became NaN at iteration 12 on finite model outputs\.$/);
    });
  });

  it('gradients NaN with finite loss: the last layer with bad gradients produced them', () => {
    const b = trainThen(new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3), 12);
    b.step(0.9, { gradNorm: null, gradNonFinite: true, layers: [{ out: {}, grads: [{ norm: null, nanCount: 3 }] }, { out: {}, grads: [{ norm: null, nanCount: 9 }] }, { out: {} }] });
    const r = run(b.events);
    const f = byId(r.findings, 'non-finite-gradients:dense_2')!;
    assert.ok(f, JSON.stringify(r.findings.map((x) => x.id)));
    assert.equal(f.relevance[0]!.layer.name, 'dense_2');
    assert.equal(f.confirmed, true);
  });

  it('NaN loss without layer details falls back to the learning rate', () => {
    const b = new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3);
    decaying(20, 1, 0.5, 0.1).forEach((l) => b.step(l));
    b.step(null);
    const r = run(b.events, sources(CLASSIFIER_SRC));
    const f = byId(r.findings, 'non-finite-loss:loss')!;
    assert.equal(f.rootCause, 'learning-rate');
    assert.equal(f.location?.line, 10);
    assert.equal(r.report.verdict, 'faulty');
  });

  it('a loss averaged over the rows a mask keeps turns NaN on finite outputs: shown on the division, fixed by dividing by at least 1; silent while the loss stays finite', () => {
    const src = withLine(CLASSIFIER_SRC, 5, '  return tf.div(tf.sum(tf.mul(mask, sq)), tf.sum(mask));');
    const masked = () => {
      const b = new TraceBuilder().model(classifierModel({ loss: 'maskedMse' })).xRange(-1, 1).yOneHot(3);
      b.events.push({ type: 'lossDividedByCount', modelId: b.modelId, site: site(5, 13), count: 21, of: 32 });
      decaying(6, 1.1, 0.8, 0.2).forEach((l) => b.step(l, { acc: 0.5 }));
      return b;
    };
    assert.deepEqual(run(masked().events, sources(src)).findings, []);
    const b = masked();
    b.step(null, { layers: [{ out: {} }, { out: {} }, { out: {} }] });
    const f = run(b.events, sources(src)).findings[0]!;
    assert.deepEqual([f.id, f.confirmed, f.rootCause, f.location?.line], ['loss-divided-by-count', true, 'loss-function', 5]);
    assert.match(f.message, /divides by a count it sums from 0s and 1s \(a mask's kept rows: 21 of 32 in the first batch\)\. A batch that keeps no row divides 0 by 0.*Training confirms it: the loss became NaN/);
    assert.equal(lineOf(applyFix(src, f.fix), 5), '  return tf.div(tf.sum(tf.mul(mask, sq)), tf.sum(mask).maximum(1));');
  });

  it('a loss that takes the log of output values at or below 0: certain at once, shown where the values are named, fixed with softplus there', () => {
    const src = withLine(withLine(CLASSIFIER_SRC, 4, '  const variance = out.slice([0, 1], [-1, 1]);'), 5, '  return tf.add(tf.mul(0.5, tf.log(variance)), err.div(variance)).mean();');
    const b = new TraceBuilder().model(classifierModel({ mode: 'custom' })).xRange(-1, 1).yOneHot(3);
    b.events.push({ type: 'logOfOutput', modelId: b.modelId, site: site(5, 30), atOrBelowZero: 14, count: 32, least: -0.8 });
    const f = run(b.events, sources(src), { finish: false }).findings[0]!;
    assert.deepEqual([f.id, f.confirmed, f.rootCause, f.location?.line], ['log-of-signed-output', true, 'output-activation', 4]);
    assert.match(f.message, /14 of the 32 values it took at the first step were at or below 0 \(down to -0\.8\)/);
    assert.equal(lineOf(applyFix(src, f.fix), 4), '  const variance = tf.softplus(out.slice([0, 1], [-1, 1]));');
    const inline = withLine(CLASSIFIER_SRC, 5, '  return tf.log(out.slice([0, 1], [-1, 1])).mean();');
    assert.equal(lineOf(applyFix(inline, run(b.events, sources(inline), { finish: false }).findings[0]!.fix), 5), '  return tf.log(tf.softplus(out.slice([0, 1], [-1, 1]))).mean();');
  });

  it("a log of a linear output whose values are above 0 for now: silent while the loss is finite, then the cause", () => {
    const src = withLine(withLine(CLASSIFIER_SRC, 4, '  const variance = out.slice([0, 1], [-1, 1]);'), 5, '  return tf.add(tf.mul(0.5, tf.log(variance)), err.div(variance)).mean();');
    const linearLog = () => {
      const b = new TraceBuilder().model(classifierModel({ mode: 'custom' })).xRange(-1, 1).yOneHot(3);
      b.events.push({ type: 'logOfOutput', modelId: b.modelId, site: site(5, 30), atOrBelowZero: 0, count: 32, least: 0.3 });
      decaying(30, 1.1, 0.3, 0.2).forEach((l) => b.step(l, { acc: 0.8 }));
      return b;
    };
    assert.deepEqual(run(linearLog().events, sources(src)).findings, []);
    const b = linearLog();
    b.step(null, { layers: [{ out: {} }, { out: {} }, { out: {} }] });
    const f = run(b.events, sources(src)).findings[0]!;
    assert.deepEqual([f.symptom, f.confirmed, f.rootCause, f.location?.line], ['log-of-signed-output', true, 'output-activation', 4]);
    assert.match(f.message, /they come from a layer with no activation, whose values can go below 0/);
  });

  it('a softmax written by hand on raw outputs: silent while the loss is finite; once it turns NaN, the cause, fixed by subtracting the row maximum', () => {
    const src = withLine(CLASSIFIER_SRC, 4, '  const e = tf.exp(logits);');
    const handWritten = () => {
      const b = new TraceBuilder().model(classifierModel({ mode: 'custom' })).xRange(-1, 1).yOneHot(3);
      b.events.push({ type: 'rawSoftmax', modelId: b.modelId, site: site(4, 16) });
      decaying(30, 1.1, 0.3, 0.2).forEach((l) => b.step(l, { acc: 0.8 }));
      return b;
    };
    assert.deepEqual(run(handWritten().events, sources(src)).findings, []);
    const b = handWritten();
    b.step(null, { layers: [{ out: {} }, { out: {} }, { out: {} }] });
    const f = run(b.events, sources(src)).findings[0]!;
    assert.deepEqual([f.symptom, f.confirmed, f.rootCause, f.location?.line], ['softmax-unshifted', true, 'loss-function', 4]);
    assert.match(f.message, /Training confirms it: the loss became NaN/);
    assert.equal(lineOf(applyFix(src, f.fix), 4), '  const e = tf.exp(logits.sub(logits.max(-1, true)));');
    const method = withLine(CLASSIFIER_SRC, 4, '  const e = logits.exp();');
    assert.equal(lineOf(applyFix(method, run(b.events, sources(method)).findings[0]!.fix), 4), '  const e = logits.sub(logits.max(-1, true)).exp();');
  });

  it('NaN in the training inputs points at the data', () => {
    const b = new TraceBuilder().model(classifierModel()).xRange(-1, 1, 100, 4, { nanCount: 7 }).yOneHot(3);
    b.step(null, { layers: [{ out: { nan: 4 } }, { out: { nan: 4 } }, { out: { nan: 4 } }] });
    const r = run(b.events);
    const f = r.findings[0]!;
    assert.deepEqual([f.id, f.confirmed, f.rootCause], ['non-finite-data:x', true, 'training-data']);
    assert.equal(f.location?.line, 12);
    assert.match(f.message, /7 NaN values: the first batch that holds one turns the weights into NaN\. .*Training confirms it: the loss became NaN/);
  });

  it('NaN from empty cells parsed into the rows: shown on the parse, with a fix that reads them as 0 there', () => {
    const src = withLine(withLine(withLine(CLASSIFIER_SRC, 2, '  const features = cells.map((c) => parseFloat(c));'), 3, '  xs.push(features);'), 4, '  const x = tf.tensor2d(xs, [n, 4]);');
    const b = new TraceBuilder().model(classifierModel()).yOneHot(3);
    b.events.push({ type: 'data', modelId: b.modelId, role: 'x', slot: 0, summary: { shape: [100, 4], dtype: 'float32', count: 400, min: -1, max: 1, mean: 0, std: 0.5, nanCount: 7, infCount: 0, distinct: null, oneHotRows: false }, site: site(12, 9), origin: { site: site(4, 13) } });
    b.step(null, { layers: [{ out: { nan: 4 } }, { out: { nan: 4 } }, { out: { nan: 4 } }] });
    const f = run(b.events, sources(src)).findings[0]!;
    assert.deepEqual([f.id, f.confirmed, f.location?.line], ['non-finite-data:x', true, 2]);
    assert.equal(lineOf(applyFix(src, f.fix), 2), '  const features = cells.map((c) => parseFloat(c)).map((v) => (Number.isNaN(v) ? 0 : v));');
  });

  it('a later NaN after details refines an earlier detail-less report into one finding', () => {
    const b = trainThen(new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3), 10);
    b.step(null);
    b.step(null, { layers: [{ out: {} }, { out: { nan: 2 } }, { out: { nan: 2 } }] });
    const r = run(b.events);
    const ids = r.findings.filter((f) => f.symptom.startsWith('non-finite')).map((f) => f.id);
    assert.deepEqual(ids, ['non-finite-output:dense_2']);
  });
});

describe('a loss that explodes in one step', () => {
  it('a learning rate raised during training: caught at the first step that used it, blamed on the raise, no edit of the source literal', () => {
    const b = trainThen(new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3), 60);
    b.step(0.62, { learningRate: 1e6 });
    b.step(7.3e21, { learningRate: 1e6 });
    const r = run(b.events, sources(CLASSIFIER_SRC));
    const f = byId(r.findings, 'loss-diverging:loss');
    assert.ok(f, JSON.stringify(r.findings.map((x) => x.id)));
    assert.equal(f.confirmed, true);
    assert.equal(f.iteration, 61);
    assert.equal(f.onset, 60);
    assert.equal(f.rootCause, 'learning-rate');
    assert.equal(f.location?.line, 10, 'the optimizer line');
    assert.match(f.message, /raised during training from 0\.001 to 1\.00e6 \(iteration 60\)/);
    assert.equal(f.fix, null, 'the 0.001 in the source is not the problem');
  });

  it('a learning rate raised by a line the probe saw: that line is blamed, and the fix keeps the rate there', () => {
    // The classifier with a callback that raises the rate (line 13) after some steps.
    const src = CLASSIFIER_SRC.replace(
      '  await model.fit(x, y, { epochs: 10, batchSize: 32 });',
      '  await model.fit(x, y, { epochs: 10, batchSize: 32, callbacks: {\n    onEpochEnd: async () => { optimizer.setLearningRate(1e6); },\n  } });',
    );
    assert.equal(lineOf(src, 13), '    onEpochEnd: async () => { optimizer.setLearningRate(1e6); },');
    const b = trainThen(new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3), 60);
    b.step(0.62, { learningRate: 1e6, learningRateLine: 13 });
    b.step(7.3e21, { learningRate: 1e6, learningRateLine: 13 });
    const f = byId(run(b.events, sources(src)).findings, 'loss-diverging:loss')!;
    assert.equal(f.confirmed, true);
    assert.equal(f.location?.line, 13, 'the line that raised the rate');
    assert.equal(f.fix?.title, 'Keep the learning rate at 0.001 instead of raising it to 1e6');
    assert.equal(lineOf(applyFix(src, f.fix), 13), '    onEpochEnd: async () => { optimizer.setLearningRate(0.001); },');
  });

  it('a learning rate too high from the start: the fix lowers it', () => {
    const b = trainThen(new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3), 30);
    b.step(5e8);
    const f = byId(run(b.events, sources(CLASSIFIER_SRC)).findings, 'loss-diverging:loss');
    assert.ok(f);
    assert.equal(f.iteration, 30);
    assert.equal(lineOf(applyFix(CLASSIFIER_SRC, f.fix), 10), '  const optimizer = tf.train.adam(0.0001);');
  });

  it('a loss that grows a hundredfold is left to the trend detectors', () => {
    const b = trainThen(new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3), 30);
    b.step(80);
    const findings = run(b.events, sources(CLASSIFIER_SRC)).findings;
    assert.ok(!findings.some((f) => /in one step/.test(f.message)), JSON.stringify(findings.map((f) => f.message)));
  });

  it('a custom loop\'s loss that falls without bound below 0 (a log-likelihood minimized): blamed on the line that computed it, with .neg() as the fix', () => {
    const src = withLine(CLASSIFIER_SRC, 11, '  const lossFn = (logits, labels) => tf.mean(tf.sum(labels.mul(tf.logSoftmax(logits)), -1));');
    const b = new TraceBuilder().model(classifierModel({ mode: 'custom' })).xRange(-1, 1).yOneHot(3);
    b.events.push({ type: 'lossComputed', modelId: b.modelId, site: site(11, 38) });
    // -1.7 at first, then twice as far below 0 at every few steps.
    for (let i = 0; i < 60; i++) b.step(-1.7 * Math.pow(2, i / 5));
    const r = run(b.events, sources(src));
    const f = r.findings.find((x) => x.symptom === 'loss-diverging')!;
    assert.deepEqual([f.rootCause, f.confirmed, f.location?.line], ['loss-function', true, 11]);
    assert.match(f.message, /^The loss falls without bound below 0, from -2\.24 at the start to -2\d\d at iteration \d+/);
    assert.equal(lineOf(applyFix(src, f.fix), 11), '  const lossFn = (logits, labels) => tf.mean(tf.sum(labels.mul(tf.logSoftmax(logits)), -1)).neg();');
    // An entropy bonus keeps a loss a little below 0: no such finding.
    const c = new TraceBuilder().model(classifierModel({ mode: 'custom' })).xRange(-1, 1).yOneHot(3);
    decaying(200, -0.05, -3, 0.02, 0.05).forEach((l) => c.step(l));
    assert.ok(!run(c.events).findings.some((x) => /without bound/.test(x.message)));
  });

  it('a loss that starts above 0 and falls without bound (a pinball loss with a quantile in percent): blamed on its line, with no sign to flip', () => {
    const src = withLine(CLASSIFIER_SRC, 11, '  return tf.maximum(e.mul(TAU), e.mul(TAU - 1)).mean();');
    const b = new TraceBuilder().model(classifierModel({ loss: 'pinballLoss' })).xRange(-1, 1).yContinuous(0.1, 3, 40, 0.5);
    b.events.push({ type: 'lossComputed', modelId: b.modelId, site: site(11, 49) });
    for (let i = 0; i < 60; i++) b.step(17 - Math.pow(2, i / 4));
    const f = run(b.events, sources(src)).findings.find((x) => x.symptom === 'loss-diverging')!;
    assert.deepEqual([f.rootCause, f.confirmed, f.location?.line, f.fix], ['loss-function', true, 11, null]);
    assert.match(f.message, /It started above 0, so it is no log-likelihood with its sign lost: it has no minimum/);
  });

  it('tf.losses.cosineDistance on one value per row, falling without bound: blamed on the call, fixed with meanSquaredError', () => {
    const src = withLine(CLASSIFIER_SRC, 11, '  const priceLoss = (yTrue, yPred) => tf.losses.cosineDistance(yTrue, yPred, 1);');
    const b = new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3);
    b.events.push({ type: 'lossCall', modelId: b.modelId, fn: 'cosineDistance', site: site(11, 49), probabilities: false, swapped: false, classes: 1, positiveRate: null, labelSmoothing: 0, reduction: null });
    for (let i = 0; i < 60; i++) b.step(0.4 - 2 * i * i);
    const f = run(b.events, sources(src)).findings.find((x) => x.symptom === 'loss-diverging')!;
    assert.deepEqual([f.rootCause, f.confirmed, f.location?.line], ['loss-function', true, 11]);
    assert.match(f.message, /tf\.losses\.cosineDistance is 1 − Σ y·ŷ and takes both sides as already of unit length/);
    assert.equal(lineOf(applyFix(src, f.fix), 11), '  const priceLoss = (yTrue, yPred) => tf.losses.meanSquaredError(yTrue, yPred);');
  });

  it("a custom loop's loss that sums a batch's errors: an overflow at a usual learning rate is blamed on the sum, with tf.mean as the fix", () => {
    const src = withLine(CLASSIFIER_SRC, 11, '  const lossFn = (xb, yb) => tf.sum(tf.square(model.predict(xb).sub(yb)));');
    const overflow = (summedValues: number) => {
      const b = trainThen(new TraceBuilder().model(classifierModel({ mode: 'custom' })).xRange(-1, 1).yOneHot(3), 30);
      b.events.push({ type: 'lossComputed', modelId: b.modelId, site: site(11, 33), summedValues });
      b.step(null, { layers: [{ out: { mean: 1e20, std: 1e20 }, weights: [{ norm: 1e9, absMax: 1e8 }] }, { out: { nan: 5 }, weights: [{ norm: 1e10, absMax: 1e9 }] }, { out: { nan: 30 } }] });
      return byId(run(b.events, sources(src)).findings, 'non-finite-output:dense_2')!;
    };
    const f = overflow(256);
    assert.deepEqual([f.rootCause, f.location?.line], ['loss-function', 11]);
    assert.match(f.message, /the loss adds up 256 values instead of averaging them/);
    assert.equal(lineOf(applyFix(src, f.fix), 11), '  const lossFn = (xb, yb) => tf.mean(tf.square(model.predict(xb).sub(yb)));');
    assert.equal(overflow(8).rootCause, 'learning-rate', 'a sum over a few values is no explanation');
  });

  it('a custom loop that clips its gradients and applies the unclipped ones: an overflow is blamed on the apply, fixed to apply the clipped ones', () => {
    let src = withLine(CLASSIFIER_SRC, 9, '        clipped[name] = tf.clipByValue(grads[name], -1, 1);');
    src = withLine(src, 11, '        optimizer.applyGradients(grads);');
    const b = trainThen(new TraceBuilder().model(classifierModel({ mode: 'custom' })).xRange(-1, 1).yOneHot(3), 30);
    b.events.push({ type: 'clipsUnused', modelId: b.modelId, applySite: site(11, 19), clipSite: site(9, 25), steps: 3 });
    b.step(null, { layers: [{ out: { mean: 1e20, std: 1e20 }, weights: [{ norm: 1e9, absMax: 1e8 }] }, { out: { nan: 5 }, weights: [{ norm: 1e10, absMax: 1e9 }] }, { out: { nan: 30 } }] });
    const findings = run(b.events, sources(src)).findings;
    assert.deepEqual(findings.map((f) => [f.id, f.confirmed, f.rootCause, f.location?.line]), [['clipped-gradients-unused', true, 'optimizer', 11]]);
    assert.match(findings[0]!.message, /Training confirms it: .*NaN or infinite/);
    assert.equal(lineOf(applyFix(src, findings[0]!.fix), 11), '        optimizer.applyGradients(clipped);');
  });

  it('NaN in the training inputs: a jumping loss confirms the data, not the learning rate', () => {
    const b = new TraceBuilder().model(classifierModel()).xRange(-1, 1, 500, 4, { nanCount: 1, firstNonFinite: [123, 2], nonFiniteRows: 1 }).yOneHot(3, 500);
    decaying(6, 1.1, 0.6, 0.05).forEach((l) => b.step(l, { acc: 0.5 }));
    // The NaN batch poisons the weights; clipped cross-entropy then reports large finite losses.
    for (let i = 0; i < 30; i++) b.step(7 + (i % 4), { acc: 0.33 });
    const r = run(b.events, sources(CLASSIFIER_SRC));
    const f = byId(r.findings, 'non-finite-data:x');
    assert.ok(f, JSON.stringify(r.findings.map((x) => x.id)));
    assert.equal(f.confirmed, true);
    assert.equal(f.rootCause, 'training-data');
    assert.equal(f.location?.line, 4);
    assert.match(f.message, /1 NaN value \(in 1 of 500 rows, the first at row 123, column 2\)/);
    assert.match(f.message, /Training confirms it: the loss diverges/);
    assert.deepEqual(r.findings.filter((x) => x.confirmed).map((x) => x.id), ['non-finite-data:x']);
    assert.equal(lineOf(applyFix(CLASSIFIER_SRC, f.fix), 4), '  const x = tf.tidy(() => { const t = tf.tensor2d(xData, [n, 4]); return tf.where(tf.isFinite(t), t, tf.zerosLike(t)); });');
  });

  it('NaN in inputs that training never reaches (a validation split) is withdrawn once training learns', () => {
    const b = trainThen(new TraceBuilder().model(classifierModel()).xRange(-1, 1, 500, 4, { nanCount: 2, firstNonFinite: [480, 0], nonFiniteRows: 2 }).yOneHot(3, 500), 120);
    const r = run(b.events, sources(CLASSIFIER_SRC));
    assert.deepEqual(r.findings.map((x) => x.id), []);
    assert.equal(r.report.verdict, 'healthy');
  });
});

describe('a learning rate that is itself NaN', () => {
  const SRC = withLine(withLine(CLASSIFIER_SRC, 4, '  const lr = 0.01 * Math.pow(0.5, Math.floor(epoch / EPOCHS_PER_DROP));'), 5, '  optimizer.setLearningRate(lr);');
  it('NaN weights are blamed on the rate, shown where the value it was given is computed, not on the optimizer with a smaller rate', () => {
    const b = new TraceBuilder().model(classifierModel({ optimizer: { className: 'SGD', learningRate: 0.01, line: 10 } })).xRange(-1, 1).yOneHot(3);
    b.step(1.1, { learningRate: null, learningRateLine: 5 });
    (b.events[b.events.length - 1] as { learningRateNonFinite?: boolean }).learningRateNonFinite = true;
    b.step(null, { learningRate: null, learningRateLine: 5, layers: [{ out: { nan: 320 }, weights: [{ nanCount: 64 }] }, { out: { nan: 32 } }, { out: { nan: 32 } }], gradNorm: null, gradNonFinite: true });
    (b.events[b.events.length - 1] as { learningRateNonFinite?: boolean }).learningRateNonFinite = true;
    const f = run(b.events, sources(SRC)).findings[0]!;
    assert.deepEqual([f.rootCause, f.confirmed, f.location?.line, f.fix], ['learning-rate', true, 4, null]);
    assert.match(f.message, /the learning rate itself was not a number \(NaN, Infinity or undefined\) from iteration 0 \(the value the script gave the optimizer during training\)/);
    assert.deepEqual(f.related[0]?.site.line, 5);
  });
});

describe('an optimizer made with a NaN rate read from a missing setting', () => {
  const SRC = withLine(withLine(CLASSIFIER_SRC, 4, '  const LR = parseFloat(process.env.LEARNING_RATE);'), 10, '  const optimizer = tf.train.adam(LR);');
  it('is shown on the setting, with a fallback for when it is missing', () => {
    const b = new TraceBuilder().model(classifierModel({ optimizer: { className: 'Adam', learningRate: null, line: 10 } })).xRange(-1, 1).yOneHot(3);
    b.step(1.1, { learningRate: null });
    (b.events[b.events.length - 1] as { learningRateNonFinite?: boolean }).learningRateNonFinite = true;
    b.step(null, { learningRate: null, layers: [{ out: { nan: 320 }, weights: [{ nanCount: 64 }] }, { out: { nan: 32 } }, { out: { nan: 32 } }], gradNorm: null, gradNonFinite: true });
    (b.events[b.events.length - 1] as { learningRateNonFinite?: boolean }).learningRateNonFinite = true;
    const f = run(b.events, sources(SRC)).findings[0]!;
    assert.deepEqual([f.rootCause, f.confirmed, f.location?.line], ['learning-rate', true, 4]);
    assert.match(f.message, /\(the value the optimizer was made with\)/);
    assert.equal(lineOf(applyFix(SRC, f.fix), 4), '  const LR = parseFloat(process.env.LEARNING_RATE) || 0.001;');
  });
});

describe('logits shifted by the batch maximum', () => {
  const SRC = withLine(CLASSIFIER_SRC, 12, '  const shifted = logits.sub(tf.max(logits));');
  it('say nothing while training stays finite; a NaN later is theirs, on the shift, fixed per row', () => {
    const b = new TraceBuilder().model(classifierModel({ mode: 'custom', compileLine: undefined, fitLine: undefined, loss: [] }, 'linear', 3)).xRange(-3, 14).yOneHot(3);
    b.events.push({ type: 'shiftByBatchMax', modelId: b.modelId, site: site(12, 28) });
    trainThen(b, 30);
    assert.deepEqual(run(b.events, sources(SRC), { finish: false }).findings.map((f) => f.id), [], 'harmless until it makes a NaN');
    b.step(null, { gradNorm: null, gradNonFinite: true });
    const f = run(b.events, sources(SRC)).findings.find((x) => x.confirmed)!;
    assert.deepEqual([f.rootCause, f.location?.line], ['loss-function', 12]);
    assert.match(f.message, /one maximum over the whole batch/);
    assert.equal(lineOf(applyFix(SRC, f.fix), 12), '  const shifted = logits.sub(tf.max(logits, -1, true));');
  });
});
