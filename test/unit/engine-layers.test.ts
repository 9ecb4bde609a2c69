/** Per-layer symptoms: dead/saturated units, gradients, frozen weights, constant and out-of-range outputs. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, byId, CLASSIFIER_SRC, classifierModel, healthyDetails, lineOf, sources, withLine } from './fixtures';
import { act, decaying, dense, type DetailSpec, flat, type LayerSpec, run, TraceBuilder } from './trace-builder';

const DEEP_SRC = [
  "const tf = require('@tensorflow/tfjs');",
  '',
  'async function main() {',
  '  const model = tf.sequential();',
  "  model.add(tf.layers.dense({ units: 32, inputShape: [8], activation: 'relu' }));",
  "  model.add(tf.layers.dense({ units: 32, activation: 'sigmoid' }));",
  "  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));",
  "  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));",
  "  model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy'] });",
  '  await model.fit(x, y, { epochs: 20, batchSize: 32 });',
  '}',
].join('\n');

function deepModel(b: TraceBuilder, layers: LayerSpec[] = [dense(32, 'relu', 5), dense(32, 'sigmoid', 6), dense(32, 'relu', 7), dense(1, 'sigmoid', 8)]): TraceBuilder {
  return b
    .model({
      layers,
      loss: 'binaryCrossentropy',
      optimizer: { className: 'Adam', learningRate: 0.001, line: null },
      compileLine: 9,
      fitLine: 10,
      epochs: 20,
      batchSize: 32,
      inputDim: 8,
    })
    .xRange(-1, 1, 1000, 8)
    .yBinary(0.5);
}

function details(i: number, over: Partial<Record<number, DetailSpec>>): DetailSpec[] {
  const w = 1 + i * 1e-3;
  const base: DetailSpec[] = [
    { out: { dead: 0.3 }, weights: [{ norm: w }], grads: [{ meanAbs: 1e-3, norm: 0.05 }] },
    { out: { saturated: 0.1 }, weights: [{ norm: w }], grads: [{ meanAbs: 1e-3, norm: 0.05 }] },
    { out: { dead: 0.3 }, weights: [{ norm: w }], grads: [{ meanAbs: 1e-3, norm: 0.05 }] },
    { out: { saturated: 0.1, min: 0.02, max: 0.97 }, weights: [{ norm: w }], grads: [{ meanAbs: 2e-3, norm: 0.05 }] },
  ];
  for (const [k, v] of Object.entries(over)) base[Number(k)] = { ...base[Number(k)], ...v };
  return base;
}

describe('dead ReLU units', () => {
  it('a layer with 90% dead units is a warning while training works, and nothing at the end', () => {
    const b = deepModel(new TraceBuilder());
    decaying(400, 0.69, 0.2, 0.01, 0.05).forEach((l, i) => b.step(l, { acc: Math.min(0.95, 0.5 + i / 500), layers: i % 10 === 0 ? details(i, { 2: { out: { dead: 0.9 } } }) : undefined }));
    b.end();
    const r = run(b.events);
    assert.deepEqual(r.findings, []);
    assert.equal(r.firstConfirmedIter, null);
  });

  it('dead units plus a stalled loss: the dead layer is the fault, with its own line', () => {
    const b = deepModel(new TraceBuilder());
    flat(400, 0.693, 0.01).forEach((l, i) => b.step(l, { acc: 0.5, layers: i % 10 === 0 ? details(i, { 2: { out: { dead: 0.92 } } }) : undefined }));
    const r = run(b.events, sources(DEEP_SRC));
    const f = byId(r.findings, 'dead-relu:dense_3')!;
    assert.ok(f, JSON.stringify(r.findings.map((x) => x.id)));
    assert.equal(f.confirmed, true);
    assert.equal(f.layer?.name, 'dense_3');
    assert.equal(f.location?.line, 7);
    assert.equal(f.rootCause, 'hidden-activation');
    assert.ok(f.observed?.includes('loss-not-decreasing'));
    assert.equal(f.relevance[0]!.layer.name, 'dense_3');
    assert.match(f.relevance[0]!.evidence, /92% dead/);
    assert.equal(lineOf(applyFix(DEEP_SRC, f.fix), 7), "  model.add(tf.layers.dense({ units: 32, activation: 'elu' }));");
    assert.equal(r.findings.filter((x) => x.confirmed).length, 1, 'the stall is folded into the layer finding');
  });

  it('a fully dead layer is a fault on its own', () => {
    const b = deepModel(new TraceBuilder());
    decaying(60, 0.8, 0.69, 0.1).forEach((l, i) => b.step(l, { acc: 0.5, layers: i % 10 === 0 ? details(i, { 0: { out: { dead: 1, mean: 0, std: 0 } } }) : undefined }));
    const r = run(b.events);
    const f = byId(r.findings, 'dead-relu:dense_1')!;
    assert.equal(f.confirmed, true);
    assert.ok(r.firstConfirmedIter !== null && r.firstConfirmedIter <= 30);
  });

  it('dead units near unscaled inputs are evidence for the input scaling, not a second finding', () => {
    const b = new TraceBuilder()
      .model({ layers: [dense(32, 'relu', 5), dense(32, 'sigmoid', 6), dense(32, 'relu', 7), dense(1, 'sigmoid', 8)], loss: 'binaryCrossentropy', compileLine: 9, fitLine: 10, epochs: 20, batchSize: 32, inputDim: 8 })
      .xRange(0, 5000, 1000, 8)
      .yBinary(0.5);
    flat(400, 0.693, 0.01).forEach((l, i) => b.step(l, { acc: 0.5, layers: i % 10 === 0 ? details(i, { 0: { out: { dead: 0.95 } } }) : undefined }));
    const r = run(b.events, sources(DEEP_SRC));
    const confirmed = r.findings.filter((x) => x.confirmed);
    assert.deepEqual(confirmed.map((x) => x.id), ['unscaled-input:x']);
    const f = confirmed[0]!;
    assert.equal(f.rootCause, 'input-normalization');
    assert.equal(f.layer, null);
    assert.equal(f.location?.line, 10);
    assert.ok(f.evidence.some((e) => /dense_1/.test(e) && /dead/.test(e)), f.evidence.join(' | '));
    assert.equal(
      lineOf(applyFix(DEEP_SRC, f.fix), 10),
      '  await model.fit(x.sub(x.mean(0)).div(x.sub(x.mean(0)).square().mean(0).sqrt().add(1e-7)), y, { epochs: 20, batchSize: 32 });',
    );
  });
});

describe('saturated activations and gradients', () => {
  it('a saturated sigmoid layer with a stall: replace sigmoid on that line', () => {
    const b = deepModel(new TraceBuilder());
    flat(400, 0.693, 0.01).forEach((l, i) => b.step(l, { acc: 0.5, layers: i % 10 === 0 ? details(i, { 1: { out: { saturated: 0.85 } } }) : undefined }));
    const r = run(b.events, sources(DEEP_SRC));
    const f = byId(r.findings, 'saturated-activation:dense_2')!;
    assert.ok(f, JSON.stringify(r.findings.map((x) => x.id)));
    assert.equal(f.confirmed, true);
    assert.equal(f.location?.line, 6);
    assert.equal(lineOf(applyFix(DEEP_SRC, f.fix), 6), "  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));");
  });

  it('a few saturated units are normal', () => {
    const b = deepModel(new TraceBuilder());
    decaying(400, 0.69, 0.25, 0.01, 0.05).forEach((l, i) => b.step(l, { acc: Math.min(0.9, 0.5 + i / 600), layers: i % 10 === 0 ? details(i, { 1: { out: { saturated: 0.4 } } }) : undefined }));
    b.end();
    assert.deepEqual(run(b.events).findings, []);
  });

  it('vanishing gradients are located at the saturating layer where they shrink', () => {
    const b = deepModel(new TraceBuilder());
    flat(400, 0.693, 0.01).forEach((l, i) =>
      b.step(l, {
        acc: 0.5,
        layers:
          i % 10 === 0
            ? details(i, { 0: { grads: [{ meanAbs: 1e-9, norm: 1e-8 }] }, 1: { grads: [{ meanAbs: 2e-9, norm: 2e-8 }] }, 2: { grads: [{ meanAbs: 5e-4, norm: 0.01 }] }, 3: { grads: [{ meanAbs: 1e-3, norm: 0.02 }] } })
            : undefined,
      }),
    );
    const r = run(b.events, sources(DEEP_SRC));
    const f = r.findings.find((x) => x.symptom === 'vanishing-gradient')!;
    assert.ok(f, JSON.stringify(r.findings.map((x) => x.id)));
    assert.equal(f.layer?.name, 'dense_2');
    assert.equal(f.location?.line, 6);
    assert.equal(f.confirmed, true);
    assert.equal(lineOf(applyFix(DEEP_SRC, f.fix), 6), "  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));");
  });

  it('statistics read after the weights turned NaN raise no layer finding of their own', () => {
    // The same wrecked-looking gradients (none reaching the first layer, huge at the last), read
    // before any NaN they are a vanishing-gradient finding; read after the update blew up the
    // weights they describe the wreck, which the NaN finding already explains.
    const wreck = { 0: { grads: [{ meanAbs: 0, norm: 0 }] }, 1: { grads: [{ meanAbs: 0, norm: 0 }] }, 3: { grads: [{ meanAbs: 1e21, norm: 1e22 }] } };
    const trace = (blowUp: boolean) => {
      const b = deepModel(new TraceBuilder());
      for (let i = 0; i < 3; i++) b.step(0.69, { acc: 0.5, layers: details(i, {}) });
      if (blowUp) b.step(null, { layers: details(3, { 0: { weights: [{ norm: null, nanCount: 64 }] } }), gradNorm: null, gradNonFinite: true });
      for (let i = 4; i < 10; i++) b.step(blowUp ? null : 0.69, { acc: 0.5, layers: details(i, wreck) });
      return run(b.events, sources(DEEP_SRC), { finish: false }).findings;
    };
    assert.ok(trace(false).some((f) => f.symptom === 'vanishing-gradient'), 'the control trace must show the pattern');
    const after = trace(true);
    assert.ok(after.some((f) => f.confirmed), JSON.stringify(after.map((f) => f.id)));
    assert.deepEqual(after.filter((f) => f.symptom === 'vanishing-gradient'), []);
  });

  it('small but balanced gradients are not vanishing', () => {
    const b = deepModel(new TraceBuilder());
    decaying(300, 0.69, 0.1, 0.02).forEach((l, i) =>
      b.step(l, { acc: Math.min(0.97, 0.5 + i / 300), layers: i % 10 === 0 ? details(i, { 0: { grads: [{ meanAbs: 1e-6 }] }, 3: { grads: [{ meanAbs: 2e-6 }] } }) : undefined }),
    );
    b.end();
    assert.deepEqual(run(b.events).findings, []);
  });

  it('a 1000-fold growth of the gradient norm alone is a warning at the optimizer', () => {
    const b = deepModel(new TraceBuilder());
    for (let i = 0; i < 60; i++) b.step(0.69 - i * 0.0005, { acc: 0.5, gradNorm: i < 30 ? 0.5 : 2000 });
    const r = run(b.events, undefined, { finish: false });
    const f = byId(r.findings, 'exploding-gradient:gradients')!;
    assert.ok(f, JSON.stringify(r.findings.map((x) => x.id)));
    assert.equal(f.confirmed, false);
    assert.equal(f.rootCause, 'learning-rate');
    assert.equal(f.location?.line, 9);
    assert.equal(r.engine.hasConfirmedFault(), false);
  });

  it('exploding gradients together with a diverging loss', () => {
    const b = deepModel(new TraceBuilder());
    for (let i = 0; i < 120; i++) {
      const g = i < 40 ? 0.5 : 0.5 * Math.exp((i - 40) / 5);
      const l = i < 40 ? 0.69 - i * 0.001 : 0.65 * Math.exp((i - 40) / 15);
      b.step(l, { gradNorm: g });
    }
    const r = run(b.events, sources(DEEP_SRC));
    const f = r.findings.find((x) => x.confirmed)!;
    assert.equal(f.symptom, 'loss-diverging');
    assert.ok(f.observed?.includes('exploding-gradient') || r.stream.some((x) => x.symptom === 'exploding-gradient'), JSON.stringify(r.stream.map((x) => x.id)));
    assert.equal(f.rootCause, 'learning-rate');
    assert.equal(f.location?.line, 9, 'a string optimizer is set at compile');
    assert.equal(lineOf(applyFix(DEEP_SRC, f.fix), 9), "  model.compile({ optimizer: tf.train.adam(0.0001), loss: 'binaryCrossentropy', metrics: ['accuracy'] });");
  });
});

describe('weights that do not change and constant outputs', () => {
  const SOFTMAX1_SRC = withLine(withLine(CLASSIFIER_SRC, 8, '  model.add(tf.layers.dense({ units: 1 }));'), 9, '  model.add(tf.layers.activation({ activation: "softmax" }));');

  it('softmax over one unit: warned before training, confirmed at the first sampled iteration', () => {
    const b = new TraceBuilder().model(classifierModel({ loss: 'binaryCrossentropy' }, 'softmax', 1)).xRange(-1, 1).yBinary(0.5);
    const pre = run([...b.events], sources(SOFTMAX1_SRC), { finish: false });
    assert.equal(pre.findings[0]!.id, 'activation-loss-mismatch:activation_3');
    assert.equal(pre.findings[0]!.confirmed, false);
    for (let i = 0; i < 40; i++) {
      b.step(7.97, {
        acc: 0.5,
        gradNorm: 0,
        layers: i % 10 === 0 ? [{ out: { dead: 0.4 }, weights: [{ norm: 1 }], grads: [{ norm: 0, meanAbs: 0 }] }, { out: { std: 0.3 }, weights: [{ norm: 1 }], grads: [{ norm: 0, meanAbs: 0 }] }, { out: { mean: 1, std: 0, min: 1, max: 1, constant: 1, count: 64 } }] : undefined,
      });
    }
    const r = run(b.events, sources(SOFTMAX1_SRC));
    assert.equal(r.firstConfirmedIter, 0);
    const f = r.findings[0]!;
    assert.equal(f.id, 'activation-loss-mismatch:activation_3');
    assert.equal(f.confirmed, true);
    assert.equal(f.rootCause, 'output-activation');
    assert.equal(f.layer?.name, 'activation_3');
    assert.equal(f.location?.line, 9);
    assert.ok(f.observed?.includes('constant-output'));
    assert.equal(f.relevance[0]!.layer.name, 'activation_3');
    assert.equal(lineOf(applyFix(SOFTMAX1_SRC, f.fix), 9), '  model.add(tf.layers.activation({ activation: "sigmoid" }));');
    assert.equal(r.findings.filter((x) => x.confirmed).length, 1);
  });

  const frozen = (i: number): DetailSpec[] | undefined =>
    i % 10 === 0 ? [{ out: { dead: 0.4 }, weights: [{ norm: 1, mean: 0.1 }], grads: [{ norm: 0.1 }] }, { out: {}, weights: [{ norm: 2, mean: 0.2 }], grads: [{ norm: 0.1 }] }, { out: {} }] : undefined;

  it('all weights frozen with a zero learning rate confirms the learning-rate warning', () => {
    const src = withLine(CLASSIFIER_SRC, 10, '  const optimizer = tf.train.adam(0);');
    const b = new TraceBuilder().model(classifierModel({ optimizer: { className: 'Adam', learningRate: 0, line: 10 } })).xRange(-1, 1).yOneHot(3);
    for (let i = 0; i < 80; i++) b.step(1.1, { acc: 0.33, learningRate: 0, layers: frozen(i) });
    const r = run(b.events, sources(src));
    const f = r.findings[0]!;
    assert.equal(f.id, 'learning-rate-out-of-range:optimizer');
    assert.equal(f.confirmed, true);
    assert.ok(f.observed?.includes('weights-unchanged'));
    assert.equal(f.location?.line, 10);
    assert.ok(r.firstConfirmedIter !== null && r.firstConfirmedIter <= 30, String(r.firstConfirmedIter));
    assert.equal(lineOf(applyFix(src, f.fix), 10), '  const optimizer = tf.train.adam(0.001);');
  });

  it('a warm-up that multiplies a rate starting at 0: weights unchanged, shown where the rate starts, fixed by starting it at a hundredth of the optimizer\'s', () => {
    const src = withLine(withLine(withLine(CLASSIFIER_SRC, 4, '  let lr = 0;'), 5, '  lr = Math.min(lr * 1.05, MAX_LR);'), 6, '  optimizer.setLearningRate(lr);');
    const b = new TraceBuilder().model(classifierModel({ optimizer: { className: 'Momentum', learningRate: 0.05, line: 10 } })).xRange(-1, 1).yOneHot(3);
    for (let i = 0; i < 80; i++) b.step(1.1, { acc: 0.33, learningRate: 0, learningRateLine: 6, layers: frozen(i) });
    const f = byId(run(b.events, sources(src)).findings, 'weights-unchanged:model')!;
    assert.deepEqual([f.rootCause, f.confirmed, f.location?.line], ['learning-rate', true, 4]);
    assert.match(f.message, /the learning rate set on line 6 is 0 at every step \(the optimizer was made with 0\.05\)/);
    assert.equal(lineOf(applyFix(src, f.fix), 4), '  let lr = 0.0005;');
  });

  it('a custom loop that computes gradients but never applies them: weights unchanged, optimizer', () => {
    const b = new TraceBuilder().model(classifierModel({ mode: 'custom' })).xRange(-1, 1).yOneHot(3);
    for (let i = 0; i < 80; i++) b.step(1.1, { acc: 0.33, epoch: null, layers: frozen(i) });
    const r = run(b.events);
    const f = byId(r.findings, 'weights-unchanged:model')!;
    assert.ok(f, JSON.stringify(r.findings.map((x) => x.id)));
    assert.equal(f.rootCause, 'optimizer');
    assert.equal(f.layer, null);
    assert.equal(f.location?.line, 10);
    assert.equal(f.confirmed, true);
  });

  it('gradients applied only every 100 steps (REINFORCE): samples with no update between them are no evidence of frozen weights', () => {
    const b = new TraceBuilder().model(classifierModel({ mode: 'custom' })).xRange(-1, 1).yOneHot(3);
    // Weights move only when a cycle's update runs (6 writes: kernel, bias and optimizer state).
    const cycled = (i: number): DetailSpec[] | undefined => {
      const w = 1 + 0.01 * Math.floor(i / 100);
      return i % 10 === 0 ? [{ out: { dead: 0.4 }, weights: [{ norm: w, mean: 0.1 * w }], grads: [{ norm: 0.1 }] }, { out: {}, weights: [{ norm: 2 * w, mean: 0.2 }], grads: [{ norm: 0.1 }] }, { out: {} }] : undefined;
    };
    decaying(400, 0.7, 0.5, 0.01, 0.05).forEach((l, i) => b.step(l, { epoch: null, layers: cycled(i), weightWrites: 6 * Math.floor(i / 100) }));
    assert.deepEqual(run(b.end().events).findings.map((f) => f.id), []);
  });

  it('gradients never applied, with the writes counted: no verdict while the loop might still apply them, a fault on the optimizer once the run is over', () => {
    const b = new TraceBuilder().model(classifierModel({ mode: 'custom' })).xRange(-1, 1).yOneHot(3);
    for (let i = 0; i < 80; i++) b.step(1.1, { acc: 0.33, epoch: null, layers: frozen(i), weightWrites: 0 });
    assert.deepEqual(run(b.events, undefined, { finish: false }).findings.map((f) => f.id), []);
    const r = run(b.end().events);
    const f = byId(r.findings, 'weights-unchanged:model')!;
    assert.ok(f, JSON.stringify(r.findings.map((x) => x.id)));
    assert.deepEqual([f.rootCause, f.confirmed, r.report.verdict], ['optimizer', true, 'faulty']);
    assert.match(f.message, /^No weight of the model changed in 80 training steps: the gradients are computed but never applied/);
  });

  it('a dead ReLU output unit makes the output constant: output activation for negative targets', () => {
    const src = withLine(withLine(CLASSIFIER_SRC, 8, '  model.add(tf.layers.dense({ units: 1 }));'), 9, "  model.add(tf.layers.activation({ activation: 'relu' }));");
    const b = new TraceBuilder()
      .model(classifierModel({ loss: 'meanSquaredError' }, 'relu', 1))
      .xRange(-1, 1)
      .yContinuous(-1.1, 2.1, 17, 0.8);
    const pre = run([...b.events], sources(src), { finish: false });
    assert.equal(pre.findings[0]!.id, 'output-out-of-range:activation_3');
    assert.match(pre.findings[0]!.message, /applies relu, whose outputs stay at or above 0, but the targets range from -1.1 to 2.1/);
    assert.ok(pre.findings[0]!.evidence.includes('relu outputs at or above 0'), JSON.stringify(pre.findings[0]!.evidence));
    for (let i = 0; i < 40; i++) {
      b.step(1.42, { layers: i % 10 === 0 ? [{ out: { dead: 0.4 } }, { out: { mean: -0.5, std: 0.3, max: -0.1 } }, { out: { mean: 0, std: 0, min: 0, max: 0, dead: 1, constant: 1, nonPos: 1, count: 17 } }] : undefined });
    }
    const r = run(b.events, sources(src));
    const f = r.findings[0]!;
    assert.equal(f.id, 'output-out-of-range:activation_3');
    assert.equal(f.confirmed, true);
    assert.ok(f.observed?.includes('constant-output'));
    assert.equal(lineOf(applyFix(src, f.fix), 9), "  model.add(tf.layers.activation({ activation: 'linear' }));");
  });

  it('a sigmoid regression output pinned at 1 while targets reach 103', () => {
    const b = new TraceBuilder()
      .model({ layers: [dense(5, 'linear', 7), act('sigmoid', 8), dense(1, 'linear', 9), act('sigmoid', 10)], loss: 'meanSquaredError', compileLine: 11, fitLine: 12, epochs: 100, batchSize: 32, inputDim: 1 })
      .xRange(-10, 10, 150, 1)
      .yContinuous(3, 103, 150, 30);
    for (let i = 0; i < 60; i++) b.step(2062 - i * 0.1, { layers: i % 10 === 0 ? [{ out: {} }, { out: { saturated: 0.3 } }, { out: { mean: 5 } }, { out: { saturated: 0.9, mean: 0.99, min: 0.9, max: 1 } }] : undefined });
    const r = run(b.events);
    const f = r.findings[0]!;
    assert.equal(f.id, 'output-out-of-range:activation_4');
    assert.equal(f.confirmed, true);
    assert.equal(f.location?.line, 10);
    assert.ok(f.observed?.includes('output-out-of-range'));
  });

  it('sigmoid outputs all pinned at 1 over one-hot classes get a softmax fix', () => {
    const src = withLine(CLASSIFIER_SRC, 9, "  model.add(tf.layers.dense({ units: 4, activation: 'sigmoid' }));");
    const output = (mean: number | null) => ({ layers: [{ out: { std: 1 } }, { out: { dead: 0.3 } }, { out: mean === null ? { constant: 0, std: 0.2, mean: 0.5 } : { constant: 1, std: 0, mean, min: mean, max: mean, saturated: 1 } }] });
    const build = (k: number, mean: number) => {
      const b = new TraceBuilder().model({ layers: [dense(16, 'linear', 7), act('relu', 8), dense(k, 'sigmoid', 9)], loss: 'crossEntropy', compileLine: 10, fitLine: 11 }).xRange(0, 1);
      if (k === 1) b.yBinary(0.5);
      else b.yOneHot(k);
      // One binary unit at 1 for balanced targets cannot bring the loss down: it stays at chance.
      for (let i = 0; i < 80; i++) b.step(k === 1 ? 0.69 : Math.max(0.001, 1.2 - i * 0.05), { acc: k === 1 ? 0.5 : 0.25, ...(i % 10 === 0 ? output(i < 20 ? null : mean) : {}) });
      return run(b.events, sources(src));
    };
    const f = build(4, 1).findings.find((x) => x.symptom === 'constant-output')!
    assert.ok(f, 'constant output found');
    assert.equal(f.rootCause, 'output-activation');
    assert.equal(f.location?.line, 9);
    assert.equal(lineOf(applyFix(src, f.fix), 9), "  model.add(tf.layers.dense({ units: 4, activation: 'softmax' }));");
    // Pinned at 0, or one binary unit: which bound is wrong depends on the loss, so no fix is guessed.
    for (const [k, mean] of [[4, 0], [1, 1]] as const) {
      const g = build(k, mean).findings.find((x) => x.symptom === 'constant-output');
      assert.ok(g, `constant output found for ${k} units at ${mean}`);
      assert.equal(g.fix, null, `no fix for ${k} units at ${mean}`);
    }
  });

  it('a constant output produced by a hidden layer names that layer', () => {
    const b = new TraceBuilder()
      .model({ layers: [dense(16, 'linear', 5), act('relu', 6), dense(8, 'linear', 7), act('relu', 8), dense(1, 'sigmoid', 9)], loss: 'binaryCrossentropy', compileLine: 10, fitLine: 11 })
      .xRange(-1, 1)
      .yBinary(0.5);
    for (let i = 0; i < 30; i++)
      b.step(0.693, {
        acc: 0.5,
        layers: i % 10 === 0 ? [{ out: { std: 1 } }, { out: { dead: 0.4 } }, { out: { std: 0.5, max: -0.2 } }, { out: { dead: 1, constant: 1, std: 0, mean: 0, min: 0, max: 0 } }, { out: { constant: 1, std: 0, mean: 0.5, min: 0.5, max: 0.5 } }] : undefined,
      });
    const r = run(b.events);
    const f = byId(r.findings, 'constant-output:activation_4')!;
    assert.ok(f, JSON.stringify(r.findings.map((x) => x.id)));
    assert.equal(f.layer?.name, 'activation_4');
    assert.equal(f.location?.line, 8);
    assert.equal(f.relevance[0]!.layer.name, 'activation_4');
  });

  it('a binary output saturated at 1 across a batch of one class, from a model that learns, is being right, not constant', () => {
    const b = new TraceBuilder().model({ layers: [dense(16, 'relu', 7), dense(1, 'sigmoid', 8)], loss: 'binaryCrossentropy', compileLine: 10, fitLine: 11 }).xRange(-1, 1).yBinary(0.5);
    decaying(80, 0.7, 0.01, 0.08).forEach((l, i) => b.step(l, { acc: Math.min(1, 0.5 + i / 40), layers: i % 10 === 0 ? [{ out: {} }, { out: i < 30 ? { mean: 0.5, std: 0.3 } : { constant: 1, std: 0, mean: 0.99999, min: 0.9999, max: 1, saturated: 1, count: 8 } }] : undefined }));
    assert.equal(run(b.events).findings.find((f) => f.symptom === 'constant-output' || f.observed?.includes('constant-output')), undefined);
  });

  it('near-constant outputs right after initialization are not flagged', () => {
    const b = new TraceBuilder().model({ ...classifierModel({ loss: 'meanSquaredError' }, 'sigmoid', 1), epochs: 1000, batchSize: 4 }).xRange(0, 1, 6, 2).yBinary(0.33, 6);
    for (let i = 0; i < 600; i++) {
      const early = i <= 2;
      b.step(0.25 - i * 1e-5, { layers: i <= 2 || i % 200 === 2 ? [{ out: {} }, { out: {} }, { out: early ? { constant: 1, std: 0, mean: 0.496, count: 4 } : { constant: 0, std: 0.01, mean: 0.4, count: 4 } }] : undefined });
    }
    const r = run(b.events);
    assert.equal(r.findings.find((f) => f.symptom === 'constant-output' || f.observed?.includes('constant-output')), undefined);
  });

  it('an output that varies across the batch is not constant', () => {
    const b = new TraceBuilder().model(classifierModel()).xRange(-1, 1).yOneHot(3);
    decaying(200, 1.1, 0.3, 0.02).forEach((l, i) => b.step(l, { acc: Math.min(0.9, 0.33 + i / 200), layers: i % 10 === 0 ? [...healthyDetails(i).slice(0, 2), { out: { constant: 0.0, std: 0.3 } }] : undefined }));
    b.end();
    assert.deepEqual(run(b.events).findings, []);
  });
});

describe('random kernels drawn too wide for their fan-in', () => {
  const WIDE = { kernelInitializer: 'RandomNormal(mean=0, stddev=2)' };
  const SRC = [
    "const tf = require('@tensorflow/tfjs');",
    '',
    'async function main() {',
    '  const model = tf.sequential();',
    "  model.add(tf.layers.dense({ units: 64, inputShape: [8], activation: 'relu', kernelInitializer: init }));",
    "  model.add(tf.layers.dense({ units: 64, activation: 'relu', kernelInitializer: init }));",
    "  model.add(tf.layers.dense({ units: 64, activation: 'relu', kernelInitializer: init }));",
    "  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: init }));",
    "  model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy'] });",
    '  await model.fit(x, y, { epochs: 20, batchSize: 32 });',
    '}',
  ].join('\n');
  const stack = (config: Record<string, string>) => [dense(64, 'relu', 5, { config }), dense(64, 'relu', 6, { config }), dense(64, 'relu', 7, { config }), dense(1, 'sigmoid', 8, { config })];

  it('N(0, 2) on 8 and 64 inputs behind ReLUs: a warning on the first layer that blows the scale up, confirmed by a stall, fixed with heNormal on each', () => {
    const b = deepModel(new TraceBuilder(), stack(WIDE));
    flat(300, 40, 0.3).forEach((l, i) => b.step(l, { acc: 0.5, layers: i % 10 === 0 ? details(i, {}) : undefined }));
    b.end();
    const r = run(b.events, sources(SRC));
    const f = byId(r.findings, 'weight-initialization:scale')!;
    assert.ok(f, JSON.stringify(r.findings.map((x) => x.id)));
    assert.deepEqual([f.confirmed, f.rootCause, f.location?.line], [true, 'weight-initialization', 5]);
    assert.match(f.message, /^The initial kernels of 4 layers in a row are drawn far too wide for their inputs \(RandomNormal\(mean=0, stddev=2\) on 8 inputs\): each multiplies the scale of what it passes on by about 4, so the outputs and gradients start about 8190 times too large/);
    const fixed = applyFix(SRC, f.fix);
    assert.equal(lineOf(fixed, 7), "  model.add(tf.layers.dense({ units: 64, activation: 'relu', kernelInitializer: 'heNormal' }));");
    assert.equal(lineOf(fixed, 8), "  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: 'glorotNormal' }));");
  });

  it('N(0, 0.001) over a stack behind ReLUs: vanishing, a warning fixed with heNormal on each, confirmed by a stall; the usual 0.05 over four layers is no finding', () => {
    const narrow = { kernelInitializer: 'RandomNormal(mean=0, stddev=0.001)' };
    const b = deepModel(new TraceBuilder(), stack(narrow));
    const warned = byId(run(b.events, sources(SRC), { finish: false }).findings, 'weight-initialization:narrow')!;
    assert.deepEqual([warned.confirmed, warned.symptom, warned.location?.line], [false, 'vanishing-gradient', 5]);
    assert.match(warned.message, /^The initial kernels of 4 layers in a row are drawn far too narrow for their inputs \(RandomNormal\(mean=0, stddev=0\.001\) on 8 inputs\)/);
    assert.equal(lineOf(applyFix(SRC, warned.fix), 6), "  model.add(tf.layers.dense({ units: 64, activation: 'relu', kernelInitializer: 'heNormal' }));");
    flat(300, 0.6931, 0.002).forEach((l) => b.step(l, { acc: 0.5 }));
    b.end();
    assert.equal(byId(run(b.events, sources(SRC)).findings, 'weight-initialization:narrow')?.confirmed, true);
    const usual = deepModel(new TraceBuilder(), stack({ kernelInitializer: 'RandomNormal(mean=0, stddev=0.05)' }));
    assert.equal(byId(run(usual.events).findings, 'weight-initialization:narrow'), undefined);
  });

  it('a deviation scaled to the fan-in, or the default initializer, is no finding', () => {
    for (const config of [{ kernelInitializer: 'RandomNormal(mean=0, stddev=0.17)' }, { kernelInitializer: 'VarianceScaling(scale=1, mode=fanAvg, distribution=normal)' }]) {
      const b = deepModel(new TraceBuilder(), stack(config));
      assert.ok(!run(b.events).findings.some((f) => f.rootCause === 'weight-initialization'), JSON.stringify(config));
    }
  });
});

describe('weights that start constant', () => {
  const INIT_SRC = (first: string, second = "  model.add(tf.layers.dense({ units: 32, activation: 'sigmoid' }));") =>
    withLine(withLine(DEEP_SRC, 5, first), 6, second);
  type Config = LayerSpec['config'];
  const initModel = (b: TraceBuilder, config0: Config, config1: Config = {}, act1 = 'sigmoid', outConfig: Config = {}): TraceBuilder =>
    deepModel(b, [dense(32, 'relu', 5, { config: config0 }), dense(32, act1, 6, { config: config1 }), dense(32, 'relu', 7), dense(1, 'sigmoid', 8, { config: outConfig })]);

  it("a zero kernel behind ReLU is a warning before training, confirmed when the units are dead, fixed on the initializer", () => {
    const src = INIT_SRC("  model.add(tf.layers.dense({ units: 32, inputShape: [8], activation: 'relu', kernelInitializer: 'zeros' }));");
    const b = initModel(new TraceBuilder(), { kernelInitializer: 'Zeros', biasInitializer: 'Zeros' });
    const before = run(b.events, sources(src), { finish: false }).findings;
    const warning = byId(before, 'weight-initialization:dense_1');
    assert.ok(warning, JSON.stringify(before.map((f) => f.id)));
    assert.deepEqual([warning.confirmed, warning.severity, warning.location?.line, warning.rootCause], [false, 'warning', 5, 'weight-initialization']);
    // Every unit outputs exactly 0 and the layer after sees only zeros: one finding, not two.
    flat(40, 0.693, 0.005).forEach((l, i) => b.step(l, { acc: 0.5, layers: i % 5 === 0 ? details(i, { 0: { out: { dead: 1, mean: 0, std: 0, min: 0, max: 0 } }, 1: { out: { mean: 0.5, std: 0, constant: 1 } } }) : undefined }));
    const r = run(b.events, sources(src));
    const f = byId(r.findings, 'weight-initialization:dense_1')!;
    assert.equal(f.confirmed, true);
    assert.match(f.message, /every kernel weight 0 .* Training confirms it: /);
    assert.equal(f.iteration, 10, 'confirmed at the third sample of dead units');
    assert.equal(lineOf(applyFix(src, f.fix), 5), "  model.add(tf.layers.dense({ units: 32, inputShape: [8], activation: 'relu', kernelInitializer: 'heNormal' }));");
    assert.deepEqual(r.findings.filter((x) => x.confirmed).map((x) => x.id), ['weight-initialization:dense_1']);
  });

  it('a bias started below 0 that kills every ReLU unit from the first step: the fix starts it at 0', () => {
    const src = INIT_SRC("  model.add(tf.layers.dense({ units: 32, inputShape: [8], activation: 'relu', biasInitializer: tf.initializers.constant({ value: -5 }) }));");
    // The ReLU layer after it sees only zeros and is dead too: that is not a second finding.
    const b = initModel(new TraceBuilder(), { kernelInitializer: 'VarianceScaling(scale=1, mode=fanAvg, distribution=normal)', biasInitializer: 'Constant(value=-5)' }, {}, 'relu');
    const deadOut = { out: { dead: 1, mean: 0, std: 0, min: 0, max: 0 } };
    flat(40, 0.693, 0.005).forEach((l, i) => b.step(l, { acc: 0.5, layers: i % 5 === 0 ? details(i, { 0: deadOut, 1: deadOut }) : undefined }));
    const r = run(b.events, sources(src));
    const f = byId(r.findings, 'dead-relu:dense_1')!;
    assert.deepEqual([f.confirmed, f.rootCause, f.location?.line], [true, 'weight-initialization', 5]);
    assert.match(f.message, /from the first step .* bias starts at -5/);
    assert.equal(lineOf(applyFix(src, f.fix), 5), "  model.add(tf.layers.dense({ units: 32, inputShape: [8], activation: 'relu', biasInitializer: 'zeros' }));");
    assert.ok(!r.findings.some((x) => x.symptom === 'vanishing-gradient'), 'no vanishing-gradient finding beside the dead layer');
    assert.deepEqual(r.findings.map((x) => x.id), ['dead-relu:dense_1']);
  });

  it('a constant kernel followed only by constant kernels keeps the units identical; a zero output layer alone is fine', () => {
    const src = INIT_SRC("  model.add(tf.layers.dense({ units: 32, inputShape: [8], activation: 'tanh', kernelInitializer: 'ones' }));");
    const sym = new TraceBuilder()
      .model({
        layers: [dense(32, 'tanh', 5, { config: { kernelInitializer: 'Ones' } }), dense(1, 'sigmoid', 8, { config: { kernelInitializer: 'Zeros' } })],
        loss: 'binaryCrossentropy',
        compileLine: 9,
        fitLine: 10,
        inputDim: 8,
      })
      .xRange(-1, 1, 1000, 8)
      .yBinary(0.5);
    const f = byId(run(sym.events, sources(src), { finish: false }).findings, 'weight-initialization:dense_1');
    assert.ok(f);
    assert.match(f.message, /units of dense_1 compute the same value and get the same update/);
    assert.equal(lineOf(applyFix(src, f.fix), 5), "  model.add(tf.layers.dense({ units: 32, inputShape: [8], activation: 'tanh', kernelInitializer: 'glorotUniform' }));");
    // A zero-initialized output layer (logistic regression style) breaks no symmetry that matters.
    const out = initModel(new TraceBuilder(), {}, {}, 'sigmoid', { kernelInitializer: 'Zeros' });
    assert.deepEqual(run(out.events, undefined, { finish: false }).findings.map((x) => x.id), []);
  });
});

describe('weights a regularizer pulled to 0', () => {
  const L2 = { kernelRegularizer: 'L1L2(l1=0, l2=5)' };
  const REG_SRC = withLine(
    withLine(DEEP_SRC, 5, "  model.add(tf.layers.dense({ units: 32, inputShape: [8], activation: 'relu', kernelRegularizer: tf.regularizers.l2({ l2: 5 }) }));"),
    7,
    "  model.add(tf.layers.dense({ units: 32, activation: 'relu', kernelRegularizer: tf.regularizers.l2({ l2: 5 }) }));",
  );
  const layers = [dense(32, 'relu', 5, { config: L2 }), dense(32, 'sigmoid', 6), dense(32, 'relu', 7, { config: L2 }), dense(1, 'sigmoid', 8)];
  /** Kernels of layers 0 and 2 shrink by `decay` per iteration from a norm of 2; the others keep theirs. */
  function decayDetails(i: number, decay: number): DetailSpec[] {
    const shrunk = { weights: [{ norm: 2 * Math.exp(-decay * i) }, { norm: 0.01 }] };
    return details(i, { 0: shrunk, 2: shrunk });
  }

  it('kernels decayed to almost 0 while accuracy stays at chance: blamed on the regularizer, and the fix lowers every such factor', () => {
    const b = deepModel(new TraceBuilder(), layers);
    flat(300, 0.693, 0.01).forEach((l, i) => b.step(l, { acc: 0.5, layers: i % 10 === 0 ? decayDetails(i, 0.03) : undefined }));
    const r = run(b.events, sources(REG_SRC));
    const f = byId(r.findings, 'weights-decayed:dense_1')!;
    assert.ok(f, JSON.stringify(r.findings.map((x) => x.id)));
    assert.deepEqual([f.confirmed, f.rootCause, f.location?.line], [true, 'regularization', 5]);
    assert.match(f.message, /dense_1's kernel decayed to [1-4]% of its initial size: its kernelRegularizer \(l2 5\) outweighs/);
    assert.equal(f.fix?.title, 'Lower the kernelRegularizer factor of dense_1, dense_3 from 5 to 0.01');
    const fixed = applyFix(REG_SRC, f.fix);
    assert.match(lineOf(fixed, 5), /kernelRegularizer: tf\.regularizers\.l2\(\{ l2: 0\.01 \}\)/);
    assert.match(lineOf(fixed, 7), /kernelRegularizer: tf\.regularizers\.l2\(\{ l2: 0\.01 \}\)/);
    assert.ok(!r.findings.some((x) => x.confirmed && x.id !== f.id), `one fault: ${r.findings.map((x) => x.id)}`);
  });

  it('the same decay while the model learns, or without a regularizer, is no finding', () => {
    const learning = deepModel(new TraceBuilder(), layers);
    decaying(300, 0.69, 0.2, 0.01, 0.02).forEach((l, i) => learning.step(l, { acc: Math.min(0.95, 0.5 + i / 400), layers: i % 10 === 0 ? decayDetails(i, 0.03) : undefined }));
    assert.ok(!run(learning.events, sources(REG_SRC)).findings.some((x) => x.symptom === 'weights-decayed'));
    const plain = deepModel(new TraceBuilder());
    flat(300, 0.693, 0.01).forEach((l, i) => plain.step(l, { acc: 0.5, layers: i % 10 === 0 ? decayDetails(i, 0.03) : undefined }));
    const r = run(plain.events, sources(DEEP_SRC));
    assert.ok(!r.findings.some((x) => x.rootCause === 'regularization'), JSON.stringify(r.findings.map((x) => x.id)));
  });

  it('a factor so strong that the output turns constant before three samples are below 5%: the collapse is still blamed on the regularizer', () => {
    const b = deepModel(new TraceBuilder(), layers);
    // Sampled every 25 steps; the kernels fall to 5.1%, 1.4% and 0.45% of their start at steps 50, 75 and 100.
    const norms: Record<number, number> = { 0: 2, 25: 0.34, 50: 0.102, 75: 0.028, 100: 0.009 };
    flat(101, 0.693, 0.01).forEach((l, i) => {
      if (i % 25 !== 0) return b.step(l, { acc: 0.5 });
      const shrunk = { weights: [{ norm: norms[i]! }, { norm: 0.01 }] };
      b.step(l, { acc: 0.5, layers: details(i, { 0: shrunk, 2: shrunk, ...(i >= 75 ? { 3: { out: { constant: 1, std: 0, mean: 0.5 } } } : {}) }) });
    });
    const r = run(b.events, sources(REG_SRC));
    const f = r.findings.find((x) => x.confirmed)!;
    assert.deepEqual([f.rootCause, f.location?.line], ['regularization', 5], JSON.stringify(r.findings.map((x) => x.id)));
  });

  it('a kernel that shrinks but stays above 5% of its start is no finding', () => {
    const b = deepModel(new TraceBuilder(), layers);
    flat(300, 0.693, 0.01).forEach((l, i) => b.step(l, { acc: 0.5, layers: i % 10 === 0 ? details(i, { 0: { weights: [{ norm: 2 * Math.max(0.1, Math.exp(-0.03 * i)) }] } }) : undefined }));
    assert.ok(!run(b.events, sources(REG_SRC)).findings.some((x) => x.rootCause === 'regularization'));
  });
});

describe('one head of a two-output model that never trains', () => {
  const SRC = withLine(
    withLine(CLASSIFIER_SRC, 4, '  const LOSS_WEIGHTS = { energy: 1, maintenance: 0 };'),
    11,
    '  model.compile({ optimizer, loss: [weighted(tf.metrics.meanSquaredError, LOSS_WEIGHTS.energy), weighted(tf.metrics.binaryCrossentropy, LOSS_WEIGHTS.maintenance)] });',
  );
  const twoHeads = (headGrad: number) => {
    const b = new TraceBuilder().model({
      layers: [dense(16, 'relu', 7), dense(8, 'relu', 8), dense(1, 'linear', 9, { name: 'energy' }), dense(1, 'sigmoid', 10, { name: 'maintenance' })],
      loss: ['custom', 'custom'],
      compileLine: 11,
      fitLine: 12,
    });
    b.modelEvent!.layers[3]!.inbound = [b.modelEvent!.layers[1]!.name];
    b.xRange(-1, 1).yContinuous(0, 5);
    for (let i = 0; i < 60; i++) {
      const moving = (k: number) => ({ weights: [{ norm: 1 + i * 0.01 * k }], grads: [{ norm: 0.2 }] });
      const head = { weights: [{ norm: headGrad === 0 ? 1.3365 : 1.3 + i * 0.01 }], grads: [{ norm: headGrad }] };
      b.step(1 - i * 0.01, { layers: i % 5 === 0 ? [moving(1), moving(2), moving(3), head] : undefined });
    }
    return run(b.events, sources(SRC)).findings;
  };

  it('is an error shown on the 0 its loss is weighted by, fixed to 1', () => {
    const f = twoHeads(0).find((x) => x.symptom === 'output-untrained')!;
    assert.ok(f, 'found');
    assert.deepEqual([f.id, f.confirmed, f.rootCause, f.location?.line], ['output-untrained:maintenance', true, 'loss-function', 4]);
    assert.match(f.message, /^Output 2 \(maintenance\) gets no gradient/);
    assert.equal(lineOf(applyFix(SRC, f.fix), 4), '  const LOSS_WEIGHTS = { energy: 1, maintenance: 1 };');
  });

  it('a head that trains is no finding', () => {
    assert.equal(twoHeads(0.1).find((x) => x.symptom === 'output-untrained'), undefined);
  });
});

describe('relu logits before a softmax', () => {
  const SRC = withLine(CLASSIFIER_SRC, 8, "  model.add(tf.layers.dense({ units: 10, activation: 'relu' }));");
  const logits = (dead: number) => {
    const b = new TraceBuilder().model({ layers: [dense(16, 'relu', 7), dense(10, 'relu', 8), act('softmax', 9)], loss: 'categoricalCrossentropy', compileLine: 11, fitLine: 12 }).xRange(-1, 1).yOneHot(10);
    for (let i = 0; i < 60; i++) b.step(1.5 - i * 0.01, { acc: 0.4 + i * 0.004, layers: i % 10 === 0 ? [{ out: { dead: 0.2 } }, { out: { dead, count: 320 } }, { out: { min: 0, max: 1 } }] : undefined });
    return run(b.events, sources(SRC)).findings;
  };

  it('three dead logit units: their classes are lost; on the relu layer, fixed to linear', () => {
    const f = logits(0.3).find((x) => x.symptom === 'dead-relu')!;
    assert.deepEqual([f.id, f.confirmed, f.rootCause, f.location?.line], ['dead-relu:dense_2', true, 'output-activation', 8]);
    assert.match(f.message, /^dense_2 applies relu to the 10 logits the softmax of activation_3 turns into class probabilities: 3 of them are 0 for every row/);
    assert.equal(lineOf(applyFix(SRC, f.fix), 8), "  model.add(tf.layers.dense({ units: 10, activation: 'linear' }));");
  });

  it('no dead logit is no finding', () => {
    assert.equal(logits(0).find((x) => x.symptom === 'dead-relu'), undefined);
  });
});
