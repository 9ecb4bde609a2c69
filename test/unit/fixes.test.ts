/** Source edits: exact ranges, quote styles, option insertion, and null when unsure. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, type FixPlan, renderFix } from '../../src/analysis/fixes';
import type { LayerInfo, OptimizerInfo } from '../../src/analysis/trace';
import { FILE, site } from './trace-builder';
import { lineOf } from './fixtures';

function layer(className: string, line: number, column = 13): LayerInfo {
  return {
    index: 0,
    name: 'l',
    className,
    activation: null,
    units: null,
    inputShape: null,
    outputShape: null,
    params: 0,
    trainable: true,
    inbound: [],
    weights: [],
    config: {},
    site: site(line, column),
  };
}

function apply(src: string, plan: FixPlan): string | null {
  const fix = renderFix({ title: 't', plan }, (f) => (f === FILE ? src : undefined), true);
  return fix ? applyEdits(src, fix.edits, FILE) : null;
}

function opt(className: string, line: number | null): OptimizerInfo {
  return { className, learningRate: 0.5, settings: {}, site: line === null ? null : site(line, 21) };
}

describe('activation edits', () => {
  it('replaces a single-quoted activation option', () => {
    const src = "model.add(tf.layers.dense({ units: 3, activation: 'relu' }));";
    assert.equal(apply(src, { kind: 'activation', layer: layer('Dense', 1), to: 'softmax' }), "model.add(tf.layers.dense({ units: 3, activation: 'softmax' }));");
  });

  it('replaces a double-quoted activation in the separate Activation-layer style', () => {
    const src = 'x\nmodel.add(tf.layers.activation({activation: "softmax"}));';
    assert.equal(apply(src, { kind: 'activation', layer: layer('Activation', 2), to: 'sigmoid' }), 'x\nmodel.add(tf.layers.activation({activation: "sigmoid"}));');
  });

  it('inserts the option into a layer that has none, keeping the file quote style', () => {
    const src = 'const a = "q";\nmodel.add(tf.layers.dense({ units: 3 }));';
    assert.equal(apply(src, { kind: 'activation', layer: layer('Dense', 2), to: 'softmax' }), 'const a = "q";\nmodel.add(tf.layers.dense({ units: 3, activation: "softmax" }));');
    const trailing = "model.add(tf.layers.dense({ units: 3, }));";
    assert.equal(apply(trailing, { kind: 'activation', layer: layer('Dense', 1), to: 'relu' }), "model.add(tf.layers.dense({ units: 3, activation: 'relu', }));");
    const empty = 'model.add(tf.layers.dense({}));';
    assert.equal(apply(empty, { kind: 'activation', layer: layer('Dense', 1), to: 'relu' }), "model.add(tf.layers.dense({ activation: 'relu' }));");
  });

  it('edits a multi-line options object below the site line', () => {
    const src = ['model.add(tf.layers.dense({', '  units: 3,', "  activation: 'relu',", '}));'].join('\n');
    const out = apply(src, { kind: 'activation', layer: layer('Dense', 1), to: 'softmax' });
    assert.equal(out, ['model.add(tf.layers.dense({', '  units: 3,', "  activation: 'softmax',", '}));'].join('\n'));
  });

  it('picks the call nearest to the site column and ignores parentheses inside strings', () => {
    const src = "a(tf.layers.dense({ units: 2, name: 'x(y', activation: 'relu' })); b(tf.layers.dense({ units: 1, activation: 'relu' }));";
    const second = src.indexOf('b(') + 3;
    assert.equal(
      apply(src, { kind: 'activation', layer: layer('Dense', 1, second), to: 'sigmoid' }),
      "a(tf.layers.dense({ units: 2, name: 'x(y', activation: 'relu' })); b(tf.layers.dense({ units: 1, activation: 'sigmoid' }));",
    );
  });

  it('gives no fix when the activation is not a literal or the options are a variable', () => {
    assert.equal(apply('model.add(tf.layers.dense({ units: 3, activation: act }));', { kind: 'activation', layer: layer('Dense', 1), to: 'softmax' }), null);
    assert.equal(apply('model.add(tf.layers.dense(opts));', { kind: 'activation', layer: layer('Dense', 1), to: 'softmax' }), null);
    assert.equal(apply('model.add(somethingElse());', { kind: 'activation', layer: layer('Dense', 1), to: 'softmax' }), null);
    assert.equal(apply('one line', { kind: 'activation', layer: layer('Dense', 5), to: 'softmax' }), null);
  });

  it('gives no fix without a source reader or when it throws', () => {
    const plan: FixPlan = { kind: 'activation', layer: layer('Dense', 1), to: 'softmax' };
    assert.equal(renderFix({ title: 't', plan }, undefined, true), null);
    assert.equal(
      renderFix({ title: 't', plan }, () => {
        throw new Error('EACCES');
      }, true),
      null,
    );
    assert.equal(renderFix({ title: 't', plan }, () => undefined, true), null);
  });
});

describe('loss edits', () => {
  const compile = site(1, 7);
  it('replaces a string loss and a loss in an array by slot', () => {
    assert.equal(apply("model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });", { kind: 'loss', compileSite: compile, slot: 0, to: 'binaryCrossentropy' }), "model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy' });");
    assert.equal(
      apply("model.compile({ loss: ['mse', \"meanAbsoluteError\"], optimizer: 'sgd' });", { kind: 'loss', compileSite: compile, slot: 1, to: 'meanSquaredError' }),
      "model.compile({ loss: ['mse', \"meanSquaredError\"], optimizer: 'sgd' });",
    );
  });

  it('replaces a loss function reference with the name', () => {
    assert.equal(apply('model.compile({ optimizer: opt, loss: tf.losses.meanSquaredError });', { kind: 'loss', compileSite: compile, slot: 0, to: 'categoricalCrossentropy' }), "model.compile({ optimizer: opt, loss: 'categoricalCrossentropy' });");
  });

  it('gives no fix for shorthand or variable configs', () => {
    assert.equal(apply('model.compile({ optimizer, loss });', { kind: 'loss', compileSite: compile, slot: 0, to: 'mse' }), null);
    assert.equal(apply('model.compile(config);', { kind: 'loss', compileSite: compile, slot: 0, to: 'mse' }), null);
  });
});

describe('learning-rate edits', () => {
  it('changes the literal of an optimizer factory (first argument)', () => {
    assert.equal(apply('const o = tf.train.sgd(0.5);', { kind: 'learningRate', optimizer: opt('SGD', 1), compileSite: null, to: 0.05 }), 'const o = tf.train.sgd(0.05);');
    assert.equal(apply('const o = tf.train.momentum(0.05, 0.11, true);', { kind: 'learningRate', optimizer: opt('MomentumOptimizer', 1), compileSite: null, to: 0.5 }), 'const o = tf.train.momentum(0.5, 0.11, true);');
    assert.equal(apply('const o = tf.train.adam();', { kind: 'learningRate', optimizer: opt('Adam', 1), compileSite: null, to: 0.0001 }), 'const o = tf.train.adam(0.0001);');
  });

  it('follows a learning-rate constant to its declaration', () => {
    const src = 'const lr = 0.5;\nconst o = tf.train.sgd(lr);';
    assert.equal(apply(src, { kind: 'learningRate', optimizer: opt('SGD', 2), compileSite: null, to: 0.01 }), 'const lr = 0.01;\nconst o = tf.train.sgd(lr);');
    assert.equal(apply('let lr = 1; lr = 2;\nconst o = tf.train.sgd(lr);\nconst lr2 = 3; function f(){ const lr = 4; }', { kind: 'learningRate', optimizer: opt('SGD', 2), compileSite: null, to: 0.01 }), null);
  });

  it('replaces an optimizer given by name with a constructed one', () => {
    const src = "const tf = require('@tensorflow/tfjs');\nmodel.compile({ optimizer: 'adadelta', loss: 'mse' });";
    assert.equal(apply(src, { kind: 'learningRate', optimizer: opt('Adadelta', null), compileSite: site(2, 7), to: 1 }), "const tf = require('@tensorflow/tfjs');\nmodel.compile({ optimizer: tf.train.adadelta(1), loss: 'mse' });");
    assert.equal(apply("model.compile({ optimizer: 'adam', loss: 'mse' });", { kind: 'learningRate', optimizer: opt('Adam', null), compileSite: site(1, 7), to: 1e-4 }), null, 'no tf binding in scope');
  });
});

describe('learning-rate assignment edits', () => {
  const fix = (line: string) => apply(`const tf = require('@tensorflow/tfjs');\n${line}\n`, { kind: 'setLearningRate', site: site(2, 1) })?.split('\n')[1] ?? null;
  it('turns a plain assignment into setLearningRate', () => {
    assert.equal(fix('  optimizer.learningRate = 0.01;'), '  optimizer.setLearningRate(0.01);');
    assert.equal(fix('  this.model.optimizer.learningRate = lr * Math.pow(0.5, Math.floor(epoch / 4));'), '  this.model.optimizer.setLearningRate(lr * Math.pow(0.5, Math.floor(epoch / 4)));');
    assert.equal(fix("  if (epoch > 2) models['a'].optimizer.learningRate = next"), "  if (epoch > 2) models['a'].optimizer.setLearningRate(next)");
  });
  it('keeps a compound assignment relative to the current rate', () => {
    assert.equal(fix('  model.optimizer.learningRate *= 0.5;'), '  model.optimizer.setLearningRate(model.optimizer.learningRate * 0.5);');
    assert.equal(fix('  opt.learningRate /= 1 + decay;'), '  opt.setLearningRate(opt.learningRate / (1 + decay));');
  });
  it('gives no fix when the line holds no assignment', () => {
    assert.equal(fix('  if (optimizer.learningRate == 0.01) log();'), null);
    assert.equal(fix('  console.log(optimizer.learningRate);'), null);
  });
});

describe('edits of a learning rate raised mid-run', () => {
  const fix = (line: string) => apply(`const tf = require('@tensorflow/tfjs');\n${line}\n`, { kind: 'rateValue', site: site(2, 1), to: 0.01 })?.split('\n')[1] ?? null;
  it('puts the rate back in a setLearningRate call or an assignment of a number', () => {
    assert.equal(fix('    if (step === 80) optimizer.setLearningRate(1e6);'), '    if (step === 80) optimizer.setLearningRate(0.01);');
    assert.equal(fix('  if (epoch === 2) optimizer.learningRate = 1e5;'), '  if (epoch === 2) optimizer.learningRate = 0.01;');
  });
  it('gives no fix when the new rate is computed, not written', () => {
    assert.equal(fix('  optimizer.setLearningRate(base * 10);'), null);
    assert.equal(fix('  optimizer.learningRate *= 10;'), null);
    assert.equal(fix('  optimizer.learningRate = schedule(epoch);'), null);
  });
});

describe('input scaling edits', () => {
  const fit = site(1, 7);
  it('wraps the x argument of fit', () => {
    assert.equal(apply('await model.fit(xs, ys, { epochs: 5 });', { kind: 'scale', fitSite: fit, role: 'x', op: { type: 'div', by: 255 } }), 'await model.fit(xs.div(255), ys, { epochs: 5 });');
    assert.equal(apply('model.fit(tf.tensor2d(d, [n, 4]), y);', { kind: 'scale', fitSite: fit, role: 'x', op: { type: 'div', by: 255 } }), 'model.fit(tf.tensor2d(d, [n, 4]).div(255), y);');
    assert.equal(apply('model.fit(a.add(b) , y);', { kind: 'scale', fitSite: fit, role: 'x', op: { type: 'standardize', mean: 120.5, std: 33.25 } }), 'model.fit(a.add(b).sub(120.5).div(33.25) , y);');
    assert.equal(apply('model.fit(x, ys);', { kind: 'scale', fitSite: fit, role: 'y', op: { type: 'div', by: 1e8 } }), 'model.fit(x, ys.div(1e8));');
  });

  it('standardizes each column of a named 2-D input', () => {
    assert.equal(
      apply('model.fit(x, y);', { kind: 'scale', fitSite: fit, role: 'x', op: { type: 'columns', fallback: null } }),
      'model.fit(x.sub(x.mean(0)).div(x.sub(x.mean(0)).square().mean(0).sqrt().add(1e-7)), y);',
    );
    assert.equal(apply('model.fit(load(), y);', { kind: 'scale', fitSite: fit, role: 'x', op: { type: 'columns', fallback: { mean: 2, std: 4 } } }), 'model.fit(load().sub(2).div(4), y);');
  });

  it('gives no fix for multi-input arrays or fitDataset', () => {
    assert.equal(apply('model.fit([a, b], y);', { kind: 'scale', fitSite: fit, role: 'x', op: { type: 'div', by: 255 } }), null);
    assert.equal(apply('model.fitDataset(ds, {});', { kind: 'scale', fitSite: fit, role: 'x', op: { type: 'div', by: 255 } }), null);
  });
});

describe('combined edits', () => {
  it('applies an activation and a loss edit as one fix', () => {
    const src = "model.add(tf.layers.dense({ units: 69, activation: 'sigmoid' }));\nmodel.compile({ optimizer: 'adam', loss: 'binaryCrossentropy' });";
    const out = apply(src, {
      kind: 'all',
      parts: [
        { kind: 'activation', layer: layer('Dense', 1), to: 'softmax' },
        { kind: 'loss', compileSite: site(2, 7), slot: 0, to: 'categoricalCrossentropy' },
      ],
    });
    assert.equal(out, "model.add(tf.layers.dense({ units: 69, activation: 'softmax' }));\nmodel.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });");
  });

  it('fails as a whole when one part cannot be made', () => {
    const src = "model.add(tf.layers.dense({ units: 69, activation: 'sigmoid' }));\nmodel.compile(cfg);";
    assert.equal(
      apply(src, { kind: 'all', parts: [{ kind: 'activation', layer: layer('Dense', 1), to: 'softmax' }, { kind: 'loss', compileSite: site(2, 7), slot: 0, to: 'categoricalCrossentropy' }] }),
      null,
    );
  });

  it('reports 1-based columns with an exclusive end', () => {
    const src = "  model.add(tf.layers.activation({ activation: 'softmax' }));";
    const fix = renderFix({ title: 't', plan: { kind: 'activation', layer: layer('Activation', 1), to: 'sigmoid' } }, () => src, true)!;
    assert.deepEqual(fix.edits, [{ file: FILE, startLine: 1, startColumn: 49, endLine: 1, endColumn: 56, newText: 'sigmoid' }]);
    assert.equal(src.slice(48, 55), 'softmax');
  });
});

describe('disposing tensors a training step leaves behind', () => {
  const loop = [
    "const tf = require('@tensorflow/tfjs');",
    'for (let start = 0; start < n; start += 32) {',
    '  const xb = xs.slice([start, 0], [32, 4]);',
    '  const yb = ys.slice([start, 0], [32, 1]);',
    '  const cost = optimizer.minimize(() => {',
    '    const pred = model.apply(xb);',
    '    return tf.losses.meanSquaredError(yb, pred);',
    '  }, true);',
    '  losses.push(cost.dataSync()[0]);',
    '}',
  ].join('\n');
  const at = (line: number, column: number, tensors = 1) => ({ site: site(line, column), tensors });

  it('disposes every leaking declaration once, at the end of the loop body', () => {
    const out = apply(loop, { kind: 'disposeTensors', sites: [at(3, 17), at(4, 17), at(7, 22)] });
    assert.equal(out, loop.replace('  losses.push(cost.dataSync()[0]);\n', '  losses.push(cost.dataSync()[0]);\n  tf.dispose([xb, yb, cost]);\n'));
  });

  it('uses the tensor’s own dispose for one name, and needs no tf binding for it', () => {
    const src = 'while (true) {\n  const out = model.predict(x);\n  show(out.dataSync());\n}';
    assert.equal(apply(src, { kind: 'disposeTensors', sites: [at(2, 21)] }), 'while (true) {\n  const out = model.predict(x);\n  show(out.dataSync());\n  out.dispose();\n}');
  });

  it('wraps a line that leaves several tensors in tf.tidy, so only its value is left to dispose', () => {
    const src = "const tf = require('@tensorflow/tfjs');\nfor (const b of batches) {\n  const xb = tf.tensor2d(b).div(255);\n  step(xb);\n}";
    assert.equal(
      apply(src, { kind: 'disposeTensors', sites: [at(3, 14, 2)] }),
      "const tf = require('@tensorflow/tfjs');\nfor (const b of batches) {\n  const xb = tf.tidy(() => tf.tensor2d(b).div(255));\n  step(xb);\n  xb.dispose();\n}",
    );
  });

  it('runs a declaration whose value is read back in tf.tidy, and disposes nothing (its value is a number)', () => {
    const src = "const tf = require('@tensorflow/tfjs');\nfor (const b of batches) {\n  const acc = model.predict(b.x).argMax(-1).equal(b.y).mean().dataSync()[0];\n  accSum += acc;\n}";
    assert.equal(
      apply(src, { kind: 'disposeTensors', sites: [at(3, 21, 5)] }),
      "const tf = require('@tensorflow/tfjs');\nfor (const b of batches) {\n  const acc = tf.tidy(() => model.predict(b.x).argMax(-1).equal(b.y).mean().dataSync()[0]);\n  accSum += acc;\n}",
    );
  });

  it('runs a statement that declares nothing inside tf.tidy, unless it keeps what it makes', () => {
    const head = "const tf = require('@tensorflow/tfjs');\nfor (;;) {\n";
    assert.equal(
      apply(`${head}  losses.push(optimizer.minimize(f, true).dataSync()[0]);\n}`, { kind: 'disposeTensors', sites: [at(3, 25)] }),
      `${head}  tf.tidy(() => { losses.push(optimizer.minimize(f, true).dataSync()[0]); });\n}`,
    );
    assert.equal(apply(`${head}  history.push(optimizer.minimize(f, true));\n}`, { kind: 'disposeTensors', sites: [at(3, 25)] }), null);
    assert.equal(apply(`${head}  last = model.predict(x);\n}`, { kind: 'disposeTensors', sites: [at(3, 16)] }), null);
    assert.equal(apply(`${head}  await show(model.predict(x));\n}`, { kind: 'disposeTensors', sites: [at(3, 20)] }), null);
  });

  it('gives no fix when the tensor is kept beyond the step, or the step can leave the block early', () => {
    const kept = loop.replace('  losses.push(cost.dataSync()[0]);', '  losses.push(cost);');
    assert.equal(apply(kept, { kind: 'disposeTensors', sites: [at(7, 22)] }), null);
    const early = loop.replace('  losses.push(cost.dataSync()[0]);', '  if (cost.dataSync()[0] < 0.01) break;');
    assert.equal(apply(early, { kind: 'disposeTensors', sites: [at(3, 17)] }), null);
    const noDeclaration = 'for (;;) {\n  losses.push(optimizer.minimize(f, true).dataSync()[0]);\n}';
    assert.equal(apply(noDeclaration, { kind: 'disposeTensors', sites: [at(2, 25)] }), null);
    const awaited = "const tf = require('@tensorflow/tfjs');\nfor (;;) {\n  const xb = (await load()).div(255);\n  step(xb);\n}";
    assert.equal(apply(awaited, { kind: 'disposeTensors', sites: [at(3, 14, 2)] }), null);
  });
});

describe('moving an optimizer made at every step out of the loop', () => {
  const src = [
    'async function train() {',
    '  for (let epoch = 0; epoch < 20; epoch++) {',
    '    for (const batch of batches) {',
    '      const optimizer = tf.train.adam(0.01);',
    '      optimizer.minimize(() => loss(batch));',
    '    }',
    '  }',
    '}',
  ].join('\n');

  it('puts the declaration before the outermost loop and removes it from the loop body', () => {
    assert.equal(
      apply(src, { kind: 'hoistDeclaration', site: site(4, 32) }),
      ['async function train() {', '  const optimizer = tf.train.adam(0.01);', '  for (let epoch = 0; epoch < 20; epoch++) {', '    for (const batch of batches) {', '      optimizer.minimize(() => loss(batch));', '    }', '  }', '}'].join('\n'),
    );
  });

  it('gives no fix when the optimizer depends on the loop (a rate per epoch), its name is taken, or no loop is around it', () => {
    assert.equal(apply(src.replace('adam(0.01)', 'adam(0.01 / (epoch + 1))'), { kind: 'hoistDeclaration', site: site(4, 32) }), null);
    assert.equal(apply(`const optimizer = null;\n${src}`, { kind: 'hoistDeclaration', site: site(5, 32) }), null);
    assert.equal(apply('function step() {\n  const optimizer = tf.train.adam(0.01);\n}', { kind: 'hoistDeclaration', site: site(2, 30) }), null);
  });

  it('a model built inside the epoch loop by a helper: the frame in the loop moves before it, an assignment as well as a declaration', () => {
    const loop = [
      'function buildModel() {',
      '  return tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] });',
      '}',
      'let model;',
      'for (let epoch = 0; epoch < 30; epoch++) {',
      '  model = buildModel();',
      '  trainOneEpoch(model);',
      '}',
    ].join('\n');
    // Frames innermost first: the helper's return, then the call in the loop.
    const frames = [site(2, 13), site(6, 11)];
    assert.equal(
      apply(loop, { kind: 'hoistOutOfLoop', sites: frames }),
      ['function buildModel() {', '  return tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] });', '}', 'let model;', 'model = buildModel();', 'for (let epoch = 0; epoch < 30; epoch++) {', '  trainOneEpoch(model);', '}'].join('\n'),
    );
    const declared = loop.replace('let model;\n', '').replace('  model = buildModel();', '  const model = buildModel();');
    assert.match(apply(declared, { kind: 'hoistOutOfLoop', sites: [site(2, 13), site(5, 17)] })!, /^const model = buildModel\(\);\nfor \(let epoch/m);
    // A model that depends on the loop (one per fold) stays where it is.
    assert.equal(apply(loop.replace('buildModel();', 'buildModel(epoch);'), { kind: 'hoistOutOfLoop', sites: frames }), null);
  });

  it('a masking layer goes before a recurrent layer and takes over its inputShape', () => {
    const seq = ['const model = tf.sequential();', "model.add(tf.layers.lstm({ units: 16, inputShape: [24, 4] }));", "model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));"].join('\n');
    const lstm = { index: 0, name: 'lstm_1', className: 'LSTM', activation: 'tanh', units: 16, inputShape: null, outputShape: [null, 16], params: 1344, trainable: true, inbound: [], weights: [], config: {}, site: site(2, 21) };
    assert.equal(
      apply(seq, { kind: 'maskBefore', layer: lstm }),
      ['const model = tf.sequential();', 'model.add(tf.layers.masking({ maskValue: 0, inputShape: [24, 4] }));', 'model.add(tf.layers.lstm({ units: 16 }));', "model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));"].join('\n'),
    );
    assert.match(apply(seq.replace('units: 16, inputShape: [24, 4]', 'inputShape: [24, 4], units: 16'), { kind: 'maskBefore', layer: lstm })!, /lstm\(\{ units: 16 \}\)/);
  });

  it('one row array filled in place and pushed at every pass is declared inside the loop', () => {
    const rows = ['function makeRows(n) {', '  const xs = [];', '  const row = [];', '  for (let i = 0; i < n; i++) {', '    row[0] = Math.random();', '    xs.push(row);', '  }', '  return xs;', '}'].join('\n');
    assert.equal(
      apply(rows, { kind: 'declareRowInLoop', file: FILE }),
      ['function makeRows(n) {', '  const xs = [];', '  for (let i = 0; i < n; i++) {', '    const row = [];', '    row[0] = Math.random();', '    xs.push(row);', '  }', '  return xs;', '}'].join('\n'),
    );
    // Used after the loop (a running buffer on purpose), or no in-place writes: no fix.
    assert.equal(apply(rows.replace('  return xs;', '  return [xs, row];'), { kind: 'declareRowInLoop', file: FILE }), null);
    assert.equal(apply(rows.replace('    row[0] = Math.random();', '    const v = Math.random();'), { kind: 'declareRowInLoop', file: FILE }), null);
  });

  it('a log-softmax over the batch axis takes the classes axis instead, as a function or a method', () => {
    assert.equal(apply('const lp = logits.sub(tf.logSumExp(logits, 0, true));', { kind: 'lastAxis', site: site(1, 34) }), 'const lp = logits.sub(tf.logSumExp(logits, -1, true));');
    assert.equal(apply('const p = e.div(e.sum(0, true));', { kind: 'lastAxis', site: site(1, 20) }), 'const p = e.div(e.sum(-1, true));');
    assert.equal(apply('const lp = logits.sub(tf.logSumExp(logits, axis, true));', { kind: 'lastAxis', site: site(1, 34) }), null);
  });

  it("an axis a helper takes as a parameter is changed where the helper is called with it, for every such call", () => {
    const src = [
      'function softmax(logits, axis) {',
      '  const e = tf.exp(logits.sub(logits.max(axis, true)));',
      '  return e.div(e.sum(axis, true));',
      '}',
      'const train = (x) => softmax(model.predict(x), 1);',
      'const test = (x) => softmax(model.predict(x), 1);',
      'const other = (x) => softmax(model.predict(x), -1);',
    ].join('\n');
    const fixed = apply(src, { kind: 'lastAxis', site: site(2, 39), steps: true })!;
    assert.deepEqual(fixed.split('\n').slice(4), ['const train = (x) => softmax(model.predict(x), -1);', 'const test = (x) => softmax(model.predict(x), -1);', 'const other = (x) => softmax(model.predict(x), -1);']);
    assert.equal(apply(src.replace(/, 1\)/g, ', 0)'), { kind: 'lastAxis', site: site(2, 39), steps: true }), null, 'axis 0 is not the steps axis');
  });

  it('never offers to dispose an optimizer as if it were a tensor', () => {
    assert.equal(apply(src, { kind: 'disposeTensors', sites: [{ site: site(4, 32), tensors: 1 }] }), null);
  });
});

describe('inputs and targets shuffled together', () => {
  const src = ['function prepare(xs, ys) {', '  tf.util.shuffle(xs);', '  normalize(xs);', '  tf.util.shuffle(ys); // labels', '  return [xs, ys];', '}'].join('\n');

  it('turns the later shuffle into shuffleCombo of both arrays and removes the earlier one, whichever call the plan names first', () => {
    const expected = ['function prepare(xs, ys) {', '  normalize(xs);', '  tf.util.shuffleCombo(xs, ys); // labels', '  return [xs, ys];', '}'].join('\n');
    assert.equal(apply(src, { kind: 'shuffleTogether', first: site(2, 11), second: site(4, 11) }), expected);
    assert.equal(apply(src, { kind: 'shuffleTogether', first: site(4, 11), second: site(2, 11) }), expected);
  });

  it('keeps the namespace the script uses and any argument expression', () => {
    const s = ['util.shuffle(data.inputs);', 'util.shuffle(data.labels[0]);'].join('\n');
    assert.equal(apply(s, { kind: 'shuffleTogether', first: site(1, 6), second: site(2, 6) }), 'util.shuffleCombo(data.inputs, data.labels[0]);');
  });

  it('gives no fix when the calls sit in different blocks, the earlier array is reassigned or declared in between, or a call shares its line', () => {
    const plan: FixPlan = { kind: 'shuffleTogether', first: site(2, 11), second: site(4, 11) };
    assert.equal(apply(src.replace('  normalize(xs);', '  if (a) {'), plan), null);
    assert.equal(apply(src.replace('  normalize(xs);', '  }'), plan), null);
    assert.equal(apply(src.replace('  normalize(xs);', '  xs = xs.map(scale);'), plan), null);
    assert.equal(apply(src.replace('  normalize(xs);', '  xs.length = 10;'), plan), null);
    assert.equal(apply(src.replace('  normalize(xs);', '  const xs = [];'), plan), null);
    assert.equal(apply(src.replace('  tf.util.shuffle(ys); // labels', '  tf.util.shuffle(ys); count++;'), plan), null);
    assert.equal(apply(src.replace('  tf.util.shuffle(ys); // labels', '  tf.util.shuffle(ys, 1);'), plan), null);
  });
});

describe('clipping what a log takes', () => {
  it('clips the argument of tf.log with the same namespace, and the receiver of .log()', () => {
    assert.equal(apply('const l = tf.log(p);', { kind: 'clipLogInput', site: site(1, 14) }), 'const l = tf.log(tf.clipByValue(p, 1e-7, 1));');
    assert.equal(apply('const l = tfc.log(tfc.sub(1, p));', { kind: 'clipLogInput', site: site(1, 15) }), 'const l = tfc.log(tfc.clipByValue(tfc.sub(1, p), 1e-7, 1));');
    assert.equal(apply('const l = model.predict(x).log();', { kind: 'clipLogInput', site: site(1, 28) }), 'const l = model.predict(x).clipByValue(1e-7, 1).log();');
  });

  it('picks the log nearest the column when a line has two, and never touches Math.log', () => {
    const src = 'return yb.mul(tf.log(p)).add(tf.sub(1, yb).mul(tf.log(tf.sub(1, p))));';
    assert.equal(apply(src, { kind: 'clipLogInput', site: site(1, 52) }), 'return yb.mul(tf.log(p)).add(tf.sub(1, yb).mul(tf.log(tf.clipByValue(tf.sub(1, p), 1e-7, 1))));');
    assert.equal(apply('const l = Math.log(p);', { kind: 'clipLogInput', site: site(1, 16) }), null);
  });
});

describe('NaN targets replaced before the error is taken', () => {
  it('the side that holds the NaN, in the method and the function forms; only a name, which the fix writes three times', () => {
    const plan = (column: number, operand: 'a' | 'b'): FixPlan => ({ kind: 'nanFreeOperand', site: site(1, column), operand });
    assert.equal(apply('const err = yPred.sub(yTrue);', plan(19, 'b')), 'const err = yPred.sub(tf.where(tf.isNaN(yTrue), tf.zerosLike(yTrue), yTrue));');
    assert.equal(apply('const err = yTrue.sub(yPred);', plan(19, 'a')), 'const err = tf.where(tf.isNaN(yTrue), tf.zerosLike(yTrue), yTrue).sub(yPred);');
    assert.equal(apply('const sq = tf.squaredDifference(y, p);', plan(15, 'a')), 'const sq = tf.squaredDifference(tf.where(tf.isNaN(y), tf.zerosLike(y), y), p);');
    assert.equal(apply('const err = tf.sub(p, y);', plan(15, 'b')), 'const err = tf.sub(p, tf.where(tf.isNaN(y), tf.zerosLike(y), y));');
    assert.equal(apply('const err = p.sub(batch.ys);', plan(15, 'b')), null);
  });
});

describe('an argument inserted before another', () => {
  it('only where the argument is written as the plan says', () => {
    const plan: FixPlan = { kind: 'insertArgument', site: site(1, 24), callee: 'meanSquaredError', index: 2, text: 'undefined', written: String.raw`(?:tf\s*\.\s*)?Reduction\s*\.\s*NONE` };
    assert.equal(apply('const l = tf.losses.meanSquaredError(y, p, tf.Reduction.NONE);', plan), 'const l = tf.losses.meanSquaredError(y, p, undefined, tf.Reduction.NONE);');
    assert.equal(apply('const l = tf.losses.meanSquaredError(y, p, 0);', plan), null);
  });
});

describe('keeping what a square root takes above 0', () => {
  it('guards the argument of tf.sqrt with the same namespace, and the receiver of .sqrt()', () => {
    const plan = (column: number): FixPlan => ({ kind: 'guardOpInput', site: site(1, column), call: 'sqrt' });
    assert.equal(apply('const d = tf.sqrt(tf.sum(tf.square(diff), 1));', plan(14)), 'const d = tf.sqrt(tf.maximum(tf.sum(tf.square(diff), 1), 1e-7));');
    assert.equal(apply('const d = diff.square().sum(1).sqrt();', plan(35)), 'const d = diff.square().sum(1).maximum(1e-7).sqrt();');
  });

  it('picks the sqrt nearest the column, and leaves Math.sqrt and tf.norm (whose sqrt is inside tfjs) alone', () => {
    assert.equal(apply('const d = on ? tf.sqrt(tf.maximum(s, 1e-7)) : tf.sqrt(s);', { kind: 'guardOpInput', site: site(1, 50), call: 'sqrt' }), 'const d = on ? tf.sqrt(tf.maximum(s, 1e-7)) : tf.sqrt(tf.maximum(s, 1e-7));');
    assert.equal(apply('const d = Math.sqrt(s);', { kind: 'guardOpInput', site: site(1, 15), call: 'sqrt' }), null);
    assert.equal(apply('const d = tf.norm(tf.sub(a, b), 2, 1);', { kind: 'guardOpInput', site: site(1, 14), call: 'sqrt' }), null);
  });

  it('guards what a log takes the same way (a dice ratio that is 0 on an empty mask), and leaves Math.log alone', () => {
    const plan = (column: number): FixPlan => ({ kind: 'guardOpInput', site: site(1, column), call: 'log' });
    assert.equal(apply('return dice.log().neg().mean();', plan(13)), 'return dice.maximum(1e-7).log().neg().mean();');
    assert.equal(apply('return tf.neg(tf.log(dice));', plan(20)), 'return tf.neg(tf.log(tf.maximum(dice, 1e-7)));');
    assert.equal(apply('const l = Math.log(x);', plan(16)), null);
  });

  it('writes a Euclidean tf.norm out as the guarded square root of the sum of squares, keeping its axis and keepDims', () => {
    const plan = (column: number): FixPlan => ({ kind: 'guardOpInput', site: site(1, column), call: 'norm' });
    assert.equal(apply('const d = tf.norm(tf.sub(a, b), "euclidean", 1);', plan(14)), 'const d = tf.sqrt(tf.maximum(tf.sum(tf.square(tf.sub(a, b)), 1), 1e-7));');
    assert.equal(apply('const d = tf.norm(diff);', plan(14)), 'const d = tf.sqrt(tf.maximum(tf.sum(tf.square(diff)), 1e-7));');
    assert.equal(apply("const d = tf.norm(diff, 2, -1, true);", plan(14)), 'const d = tf.sqrt(tf.maximum(tf.sum(tf.square(diff), -1, true), 1e-7));');
    assert.equal(apply("const d = a.sub(b).norm('euclidean', 1);", plan(20)), 'const d = a.sub(b).square().sum(1).maximum(1e-7).sqrt();');
    assert.equal(apply('const d = a.sub(b).norm();', plan(20)), 'const d = a.sub(b).square().sum().maximum(1e-7).sqrt();');
    // Other norms have no square root to guard in the same way.
    assert.equal(apply('const d = tf.norm(diff, 1, 1);', plan(14)), null);
    assert.equal(apply("const d = tf.norm(diff, 'fro', [0, 1]);", plan(14)), 'const d = tf.sqrt(tf.maximum(tf.sum(tf.square(diff), [0, 1]), 1e-7));');
  });
});

describe('training every layer', () => {
  it('turns the variables of one layer into the model\'s, in the declaration of the list given to minimize or variableGrads, or in the call', () => {
    const src = ['const vars = model.layers[0].trainableWeights.map((w) => w.read());', 'const cost = optimizer.minimize(() => loss(model.apply(xb)), true, vars);'].join('\n');
    assert.equal(apply(src, { kind: 'trainAllLayers', site: site(2, 24) }), src.replace('model.layers[0].trainableWeights', 'model.trainableWeights'));
    const grads = "const { grads } = tf.variableGrads(() => loss(net.apply(xb)), net.getLayer('hidden').trainableWeights.map((w) => w.read()));";
    assert.equal(apply(grads, { kind: 'trainAllLayers', site: site(1, 23) }), grads.replace("net.getLayer('hidden').trainableWeights", 'net.trainableWeights'));
    assert.equal(apply('optimizer.minimize(f, true, someVars);', { kind: 'trainAllLayers', site: site(1, 11) }), null);
  });
});

describe('negating a loss', () => {
  it('puts .neg() after the call nearest the column: a tf op, a method chain, or the script\'s own loss function', () => {
    const plan = (column: number): FixPlan => ({ kind: 'negateLoss', site: site(1, column) });
    assert.equal(apply('const l = tf.mean(tf.sum(y.mul(tf.logSoftmax(z)), -1));', plan(14)), 'const l = tf.mean(tf.sum(y.mul(tf.logSoftmax(z)), -1)).neg();');
    assert.equal(apply('return y.mul(p.log()).sum(-1).mean();', plan(31)), 'return y.mul(p.log()).sum(-1).mean().neg();');
    assert.equal(apply('optimizer.minimize(() => lossFn(model.predict(xb), yb), true);', plan(26)), 'optimizer.minimize(() => lossFn(model.predict(xb), yb).neg(), true);');
  });
});

describe('calling the model in training mode', () => {
  const plan = (column: number): FixPlan => ({ kind: 'trainingCall', site: site(1, column) });
  it('turns predict into apply with { training: true }, dropping predict\'s own options', () => {
    assert.equal(apply('const p = model.predict(xb);', plan(17)), 'const p = model.apply(xb, { training: true });');
    assert.equal(apply('const p = model.predict(xs.slice(b, 32), { batchSize: 64 });', plan(17)), 'const p = model.apply(xs.slice(b, 32), { training: true });');
  });

  it('adds the flag to apply, sets it when it is false, and keeps other options', () => {
    assert.equal(apply('loss(yb, net.apply(xb))', plan(13)), 'loss(yb, net.apply(xb, { training: true }))');
    assert.equal(apply('net.apply(xb, { training: false })', plan(5)), 'net.apply(xb, { training: true })');
    assert.equal(apply('net.apply(xb, { mask })', plan(5)), 'net.apply(xb, { training: true, mask })');
    assert.equal(apply('net.apply(xb, {})', plan(5)), 'net.apply(xb, { training: true })');
  });

  it('gives no fix for options it cannot read', () => {
    assert.equal(apply('net.apply(xb, opts)', plan(5)), null);
    assert.equal(apply('const y = f(xb);', plan(11)), null);
  });
});

describe('replacing a fit option', () => {
  it('replaces the whole option, key and value, and a shorthand one', () => {
    const plan = (line: number): FixPlan => ({ kind: 'replaceFitOption', fitSite: site(line, 15), key: 'validationData', with: 'validationSplit: 0.2' });
    assert.equal(apply('await model.fit(xs, ys, { epochs: 5, validationData: [xs, ys], verbose: 0 });', plan(1)), 'await model.fit(xs, ys, { epochs: 5, validationSplit: 0.2, verbose: 0 });');
    assert.equal(apply('await model.fit(xs, ys, { validationData });', plan(1)), 'await model.fit(xs, ys, { validationSplit: 0.2 });');
    assert.equal(apply('await model.fit(xs, ys, options);', plan(1)), null);
  });
});

describe('adding a fit option', () => {
  const plan: FixPlan = { kind: 'addFitOption', fitSite: site(1, 7), key: 'epochs', value: '20' };
  it('adds an options object, or puts the option first in the one written, in its layout', () => {
    assert.equal(apply('await model.fit(xs, ys);', plan), 'await model.fit(xs, ys, { epochs: 20 });');
    assert.equal(apply('await model.fit(xs, ys, {});', plan), 'await model.fit(xs, ys, { epochs: 20 });');
    assert.equal(apply('await model.fit(xs, ys, { batchSize: 32 });', plan), 'await model.fit(xs, ys, { epochs: 20, batchSize: 32 });');
    assert.equal(apply('await model.fit(xs, ys, {\n    batchSize: 32,\n  });', plan), 'await model.fit(xs, ys, {\n    epochs: 20,\n    batchSize: 32,\n  });');
  });

  it('leaves an options variable, or an option already written, alone', () => {
    assert.equal(apply('await model.fit(xs, ys, options);', plan), null);
    assert.equal(apply('await model.fit(xs, ys, { epochs });', plan), null);
  });
});

describe('a per-epoch step written in the batch loop', () => {
  const src = [
    'for (let epoch = 0; epoch < 20; epoch++) {',
    '  for (let b = 0; b < batches; b++) {',
    '    optimizer.minimize(() => loss(b));',
    '    optimizer.learningRate *= 0.9;',
    '  }',
    '  log(epoch);',
    '}',
  ].join('\n');

  it('moves the statement to just after the loop it sits in, at that loop\'s indentation', () => {
    assert.equal(
      apply(src, { kind: 'moveAfterLoop', site: site(4, 15) }),
      ['for (let epoch = 0; epoch < 20; epoch++) {', '  for (let b = 0; b < batches; b++) {', '    optimizer.minimize(() => loss(b));', '  }', '  optimizer.learningRate *= 0.9;', '  log(epoch);', '}'].join('\n'),
    );
  });

  it('gives no fix when the statement uses what the loop declares, is not directly in a loop, or shares its line', () => {
    assert.equal(apply(src.replace('*= 0.9', '*= decay(b)'), { kind: 'moveAfterLoop', site: site(4, 15) }), null);
    assert.equal(apply('function step() {\n  optimizer.learningRate *= 0.9;\n}', { kind: 'moveAfterLoop', site: site(2, 13) }), null);
    assert.equal(apply(src.replace('*= 0.9;', '*= 0.9; count++;'), { kind: 'moveAfterLoop', site: site(4, 15) }), null);
  });
});

describe('a batch cut at an offset that never changes', () => {
  const src = [
    'for (let epoch = 0; epoch < 10; epoch++) {',
    '  for (let j = 0; j < numBatches; j++) {',
    '    const cost = tf.tidy(() => {',
    '      const xb = xTrain.slice(0, BATCH);',
    '      const yb = tf.slice(yTrain, [0, 0], [BATCH, CLASSES]);',
    '      const w = weights.slice(0, 4);',
    '      return optimizer.minimize(() => loss(xb, yb), true);',
    '    });',
    '  }',
    '}',
  ].join('\n');

  it('starts every slice of the block cut at that offset and size at the batch index times the size, the labels\' with the inputs\'', () => {
    const out = apply(src, { kind: 'batchOffset', site: site(4, 26) })!;
    assert.equal(lineOf(out, 4), '      const xb = xTrain.slice(j * BATCH, BATCH);');
    assert.equal(lineOf(out, 5), '      const yb = tf.slice(yTrain, [j * BATCH, 0], [BATCH, CLASSES]);');
    assert.equal(lineOf(out, 6), '      const w = weights.slice(0, 4);', 'a slice of another size is not a batch');
  });

  it('gives no fix outside a counted loop, or for an offset that is not a number', () => {
    assert.equal(apply('while (training) {\n  const xb = xs.slice(0, 32);\n}', { kind: 'batchOffset', site: site(2, 17) }), null);
    assert.equal(apply('for (let j = 0; j < n; j++) {\n  const xb = xs.slice(start, 32);\n}', { kind: 'batchOffset', site: site(2, 17) }), null);
  });
});

describe('targets cut apart from their inputs', () => {
  it("gives the targets' slice the inputs' offset, whatever its expression", () => {
    const src = ['for (let b = 1; b <= n; b++) {', '  const xb = xAll.slice([(b - 1) * B, 0], [B, 8]);', '  const yb = yAll.slice([b * B, 0], [B, 3]);', '}'].join('\n');
    const out = apply(src, { kind: 'alignSlice', site: site(3, 18), like: site(2, 18) })!;
    assert.equal(lineOf(out, 3), '  const yb = yAll.slice([(b - 1) * B, 0], [B, 3]);');
    assert.equal(lineOf(out, 2), '  const xb = xAll.slice([(b - 1) * B, 0], [B, 8]);');
    const fn = ['for (let b = 0; b < n; b++) {', '  const xb = tf.slice(xAll, b * B, B);', '  const yb = tf.slice(yAll, b * B + B, B);', '}'].join('\n');
    assert.equal(lineOf(apply(fn, { kind: 'alignSlice', site: site(3, 16), like: site(2, 16) })!, 3), '  const yb = tf.slice(yAll, b * B, B);');
  });
});

describe('targets cut in order beside inputs gathered by shuffled indices', () => {
  it("gathers the targets by the inputs' indices, from either form of gather", () => {
    const src = ['for (let b = 0; b < n; b++) {', '  const idx = tf.tensor1d(order.slice(b * B, (b + 1) * B), "int32");', '  const xb = tf.gather(xTrain, idx);', '  const yb = data.yTrain.slice([b * B, 0], [B, 3]);', '}'].join('\n');
    const withTf = `const tf = require('@tensorflow/tfjs');\n${src}`;
    assert.equal(lineOf(apply(withTf, { kind: 'gatherLike', site: site(5, 23), like: site(4, 17) })!, 5), '  const yb = tf.gather(data.yTrain, idx);');
    const method = withTf.replace('tf.gather(xTrain, idx)', 'xTrain.gather(idx)');
    assert.equal(lineOf(apply(method, { kind: 'gatherLike', site: site(5, 23), like: site(4, 17) })!, 5), '  const yb = tf.gather(data.yTrain, idx);');
  });
});

describe('training rows cut with the wrong count', () => {
  it("sizes a slice from row 0 up to the validation slice's first row, and leaves other slices alone", () => {
    const src = ['const xVal = xAll.slice([N_TRAIN, 0], [N_VAL, F]);', 'const xTrain = xAll.slice([0, 0], [N_VAL, F]);', 'const yTrain = tf.slice(yAll, 0, N_VAL);'].join('\n');
    const out = apply(src, { kind: 'all', parts: [{ kind: 'rowsUpTo', site: site(2, 22), upTo: site(1, 20) }, { kind: 'rowsUpTo', site: site(3, 19), upTo: site(1, 20) }] })!;
    assert.equal(lineOf(out, 2), 'const xTrain = xAll.slice([0, 0], [N_TRAIN, F]);');
    assert.equal(lineOf(out, 3), 'const yTrain = tf.slice(yAll, 0, N_TRAIN);');
    // A training slice that does not start at row 0, or validation rows from row 0: no fix.
    assert.equal(apply(src.replace('[0, 0], [N_VAL', '[OFFSET, 0], [N_VAL'), { kind: 'rowsUpTo', site: site(2, 22), upTo: site(1, 20) }), null);
    assert.equal(apply(src.replace('[N_TRAIN, 0]', '[0, 0]'), { kind: 'rowsUpTo', site: site(2, 22), upTo: site(1, 20) }), null);
  });
});

describe('gradients clipped to nothing', () => {
  it('widens the bounds of either form of clipByValue', () => {
    assert.equal(apply('const g = tf.clipByValue(grads[k], -1e-4, 1e-4);', { kind: 'clipBounds', site: site(1, 14), to: 1 }), 'const g = tf.clipByValue(grads[k], -1, 1);');
    assert.equal(apply('const g = grads[k].clipByValue(-0.0001, 0.0001);', { kind: 'clipBounds', site: site(1, 19), to: 1 }), 'const g = grads[k].clipByValue(-1, 1);');
  });
});

describe('channels-first images', () => {
  it('reorders the named shape constant the layer and the data share', () => {
    const src = ['const SHAPE = [1, SIZE, SIZE];', 'const xs = tf.tensor4d(pixels, [n, ...SHAPE]);', 'model.add(tf.layers.conv2d({ filters: 8, kernelSize: 3, inputShape: SHAPE }));'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'channelsLast', layer: layer('Conv2D', 3, 11) })!, 1), 'const SHAPE = [SIZE, SIZE, 1];');
    // A literal shape in the layer alone would leave the data as it was: no fix.
    assert.equal(apply(src.replace('inputShape: SHAPE', 'inputShape: [1, 12, 12]'), { kind: 'channelsLast', layer: layer('Conv2D', 3, 11) }), null);
  });
});

describe('a shuffle buffer far smaller than the dataset', () => {
  it("sets the buffer to the dataset's rows, whatever the buffer was written as", () => {
    assert.equal(apply('const ds = tf.data.zip({ xs, ys }).shuffle(16).batch(32);', { kind: 'shuffleBuffer', site: site(1, 35), rows: 15000 }), 'const ds = tf.data.zip({ xs, ys }).shuffle(15000).batch(32);');
    assert.equal(apply('const ds = rows.shuffle(BUFFER, 42).batch(32);', { kind: 'shuffleBuffer', site: site(1, 16), rows: 900 }), 'const ds = rows.shuffle(900, 42).batch(32);');
  });
});

describe('a keep-best guard that never saves', () => {
  const src = [
    'let bestValLoss = Infinity;',
    'const keepBest = {',
    '  onEpochEnd: async (epoch, logs) => {',
    '    if (logs.val_loss > bestValLoss) {',
    '      bestValLoss = logs.val_loss;',
    '      bestWeights = model.getWeights();',
    '    } else {',
    '      model.setWeights(bestWeights);',
    '    }',
    '  },',
    '};',
  ].join('\n');
  it('flips a comparison with a best value still at ±Infinity, whichever branch restores', () => {
    assert.equal(lineOf(apply(src, { kind: 'flipGuard', site: site(8, 13) })!, 4), '    if (logs.val_loss < bestValLoss) {');
    const restoreFirst = src
      .replace('logs.val_loss > bestValLoss', 'bestValLoss > logs.val_loss')
      .replace('      bestValLoss = logs.val_loss;\n      bestWeights = model.getWeights();', '      model.setWeights(bestWeights);')
      .replace('    } else {\n      model.setWeights(bestWeights);', '    } else {\n      bestValLoss = logs.val_loss;');
    assert.equal(lineOf(apply(restoreFirst, { kind: 'flipGuard', site: site(5, 13) })!, 4), '    if (bestValLoss < logs.val_loss) {');
    const accuracy = src.replace('Infinity;', '-Infinity;').replace('val_loss > bestValLoss', 'val_acc < bestValLoss');
    assert.equal(lineOf(apply(accuracy, { kind: 'flipGuard', site: site(8, 13) })!, 4), '    if (logs.val_acc > bestValLoss) {');
  });
  it('finds the frozen comparison anywhere in the callback that stopped training, a difference with the best value too', () => {
    const stop = [
      'let bestLoss = Infinity;',
      'const cb = {',
      '  onEpochEnd: async (epoch, logs) => {',
      '    if (bestLoss - logs.loss > MIN_DELTA) {',
      '      wait++;',
      '    } else {',
      '      bestLoss = logs.loss;',
      '      wait = 0;',
      '    }',
      '    if (wait >= PATIENCE) {',
      '      model.stopTraining = true;',
      '    }',
      '  },',
      '};',
    ].join('\n');
    assert.equal(lineOf(apply(stop, { kind: 'flipGuard', site: site(11, 7), within: true })!, 4), '    if (bestLoss - logs.loss < MIN_DELTA) {');
    // Without `within`, only an if/else around the call itself is read.
    assert.equal(apply(stop, { kind: 'flipGuard', site: site(11, 7) }), null);
    // A comparison that can go either way is no frozen guard.
    assert.equal(apply(stop.replace('let bestLoss = Infinity;', 'let bestLoss = 10;'), { kind: 'flipGuard', site: site(11, 7), within: true }), null);
  });
  it('gives no fix when the comparison can run the other branch, or the best value never moves there', () => {
    assert.equal(apply(src.replace('val_loss > bestValLoss', 'val_loss < bestValLoss'), { kind: 'flipGuard', site: site(8, 13) }), null);
    assert.equal(apply(src.replace('Infinity;', '10;'), { kind: 'flipGuard', site: site(8, 13) }), null);
    assert.equal(apply(src.replace('      bestValLoss = logs.val_loss;\n', '      total = logs.val_loss;\n'), { kind: 'flipGuard', site: site(8, 13) }), null);
  });
});

describe("each sample's contents shuffled", () => {
  it('shuffles the list of samples instead, from a forEach or a for-of loop', () => {
    assert.equal(apply('  samples.forEach((s) => tf.util.shuffle(s.steps));', { kind: 'shuffleSamples', site: site(1, 26) }), '  tf.util.shuffle(samples);');
    assert.equal(apply('data.rows.forEach(row => { tf.util.shuffle(row); });', { kind: 'shuffleSamples', site: site(1, 27) }), 'tf.util.shuffle(data.rows);');
    assert.equal(apply('for (const s of train) tf.util.shuffle(s.x);', { kind: 'shuffleSamples', site: site(1, 24) }), 'tf.util.shuffle(train);');
  });
  it('gives no fix when the shuffled array is not the loop variable, or the line does more', () => {
    assert.equal(apply('samples.forEach((s) => tf.util.shuffle(other));', { kind: 'shuffleSamples', site: site(1, 24) }), null);
    assert.equal(apply('samples.forEach((s) => { tf.util.shuffle(s.steps); count++; });', { kind: 'shuffleSamples', site: site(1, 26) }), null);
  });
});

describe('a resumed fit given how many more epochs', () => {
  it('counts epochs on from initialEpoch, whatever either is written as', () => {
    const src = ['await model.fit(xs, ys, {', '  epochs: EPOCHS_PER_CHUNK,', '  initialEpoch: epochsDone,', '});'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'epochsAfterInitial', fitSite: site(1, 13) })!, 2), '  epochs: epochsDone + EPOCHS_PER_CHUNK,');
    assert.equal(apply('await model.fit(xs, ys, { epochs: 5, initialEpoch: 5 });', { kind: 'epochsAfterInitial', fitSite: site(1, 13) }), 'await model.fit(xs, ys, { epochs: 5 + 5, initialEpoch: 5 });');
    assert.equal(apply('await model.fit(xs, ys, { epochs: 5 });', { kind: 'epochsAfterInitial', fitSite: site(1, 13) }), null);
  });
});

describe('a loss computed through an op that passes no gradient', () => {
  it('drops the op, in either call form, keeping what it took', () => {
    assert.equal(apply('  return tf.losses.meanSquaredError(yTrue, tf.round(yPred));', { kind: 'unwrapCall', site: site(1, 43), op: 'round', arity: 1 }), '  return tf.losses.meanSquaredError(yTrue, yPred);');
    assert.equal(apply('const loss = tf.clipByValue(tf.losses.meanSquaredError(yb, p), 0, 100);', { kind: 'unwrapCall', site: site(1, 14), op: 'clipByValue', arity: 3 }), 'const loss = tf.losses.meanSquaredError(yb, p);');
    assert.equal(apply('const loss = mse(yb, p).clipByValue(0, 100);', { kind: 'unwrapCall', site: site(1, 25), op: 'clipByValue', arity: 3 }), 'const loss = mse(yb, p);');
    assert.equal(apply('const hard = yPred.round();', { kind: 'unwrapCall', site: site(1, 20), op: 'round', arity: 1 }), 'const hard = yPred;');
    // A gradient divided again by the batch size.
    assert.equal(apply('  batchGrads[name] = grads[name].div(BATCH);', { kind: 'unwrapCall', site: site(1, 35), op: 'div', arity: 2 }), '  batchGrads[name] = grads[name];');
  });
  it('gives no fix for a call it cannot read as the op', () => {
    assert.equal(apply('const r = Math.round(x) + tf.round(a, b);', { kind: 'unwrapCall', site: site(1, 30), op: 'round', arity: 1 }), null);
  });
});

describe('a generator dataset whose function hands back one iterator made once', () => {
  it('makes the iterator inside the function, so every epoch gets a fresh one', () => {
    const src = ['  const trainStream = recordStream(trainRecords);', '  const trainDs = tf.data.generator(() => trainStream).batch(32);'].join('\n');
    assert.equal(apply(src, { kind: 'freshIterator', site: site(2, 27) }), ['  const trainStream = recordStream(trainRecords);', '  const trainDs = tf.data.generator(() => recordStream(trainRecords)).batch(32);'].join('\n'));
    const block = ['const it = batches(xs, ys, 32);', 'const ds = tf.data.generator(() => { return it; });'].join('\n');
    assert.equal(apply(block, { kind: 'freshIterator', site: site(2, 12) }), ['const it = batches(xs, ys, 32);', 'const ds = tf.data.generator(() => { return batches(xs, ys, 32); });'].join('\n'));
  });
  it('gives no fix when the iterator is not made by one call', () => {
    const src = ['const it = rows[Symbol.iterator]() || other;', 'const ds = tf.data.generator(() => it);'].join('\n');
    assert.equal(apply(src, { kind: 'freshIterator', site: site(2, 12) }), null);
  });
});

describe('counts standardized where they are made, under a Poisson loss', () => {
  it('makes the tensor from the counts themselves, and drops the same mapping back on predictions', () => {
    const src = ['  const yTrain = tf.tensor2d(train.counts.map((c) => (c - countMean) / countStd), [N, 1]);', '  const pred = model.predict(xTest).mul(countStd).add(countMean);'].join('\n');
    assert.equal(apply(src, { kind: 'unstandardizeAtMake', site: site(1, 18) }), ['  const yTrain = tf.tensor2d(train.counts, [N, 1]);', '  const pred = model.predict(xTest);'].join('\n'));
    assert.equal(apply('const y = tf.tensor1d(ys.map(v => (v - mu) / sd));', { kind: 'unstandardizeAtMake', site: site(1, 11) }), 'const y = tf.tensor1d(ys);');
  });
  it('gives no fix for any other mapping', () => {
    assert.equal(apply('const y = tf.tensor1d(ys.map((v) => Math.log1p(v)));', { kind: 'unstandardizeAtMake', site: site(1, 11) }), null);
  });
});

describe('targets sliced from a column the inputs also take', () => {
  it("moves the slice's begin to the column the inputs leave out", () => {
    assert.equal(apply('  const ys = table.slice([0, 4], [n, 1]);', { kind: 'sliceColumn', site: site(1, 20), to: 5 }), '  const ys = table.slice([0, 5], [n, 1]);');
    assert.equal(apply('const ys = tf.slice(table, [0, 4], [-1, 1]);', { kind: 'sliceColumn', site: site(1, 15), to: 5 }), 'const ys = tf.slice(table, [0, 5], [-1, 1]);');
  });
  it('gives no fix when the column is not written as a number', () => {
    assert.equal(apply('const ys = table.slice([0, TARGET], [n, 1]);', { kind: 'sliceColumn', site: site(1, 18), to: 5 }), null);
  });
});

describe('data made as int32 from values with fractions', () => {
  it("turns the 'int32' dtype argument into 'float32', in its quotes", () => {
    assert.equal(apply("  ys: tf.tensor2d(data.ys, [n, 1], 'int32'),", { kind: 'floatDtype', site: site(1, 7), call: 'tensor2d', index: 2 }), "  ys: tf.tensor2d(data.ys, [n, 1], 'float32'),");
    assert.equal(apply('const y = tf.tensor1d(ys, "int32");', { kind: 'floatDtype', site: site(1, 11), call: 'tensor1d', index: 1 }), 'const y = tf.tensor1d(ys, "float32");');
    assert.equal(apply('const y = tf.tensor1d(ys, DTYPE);', { kind: 'floatDtype', site: site(1, 11), call: 'tensor1d', index: 1 }), null);
  });
});

describe('a learning rate set below 0', () => {
  it('keeps the assigned or passed rate above a floor', () => {
    assert.equal(apply('      model.optimizer.learningRate = BASE_LR * (1 - epoch / 25);', { kind: 'rateFloor', site: site(1, 7), floor: 0.0001 }), '      model.optimizer.learningRate = Math.max(BASE_LR * (1 - epoch / 25), 0.0001);');
    assert.equal(apply('opt.setLearningRate(lr0 - epoch * step);', { kind: 'rateFloor', site: site(1, 5), floor: 0.001 }), 'opt.setLearningRate(Math.max(lr0 - epoch * step, 0.001));');
    assert.equal(apply('opt.learningRate *= 0.5;', { kind: 'rateFloor', site: site(1, 1), floor: 0.001 }), null);
  });
});

describe('a learning rate divided by the epoch', () => {
  it('counts the divisor from 1', () => {
    assert.equal(apply('      model.optimizer.learningRate = BASE_LR / epoch;', { kind: 'divisorPlusOne', site: site(1, 7) }), '      model.optimizer.learningRate = BASE_LR / (epoch + 1);');
    assert.equal(apply('opt.setLearningRate(0.1 / step);', { kind: 'divisorPlusOne', site: site(1, 1) }), 'opt.setLearningRate(0.1 / (step + 1));');
    assert.equal(apply('opt.learningRate = lr / cfg.epochs;', { kind: 'divisorPlusOne', site: site(1, 1) }), null);
  });

  it('reads the rate from learningRate where a Keras-style optimizer.lr was read', () => {
    assert.equal(apply('        optimizer.setLearningRate(optimizer.lr * 0.5);', { kind: 'rateProperty', site: site(1, 9) }), '        optimizer.setLearningRate(optimizer.learningRate * 0.5);');
    assert.equal(apply('model.optimizer.learningRate = model.optimizer.lr * decay;', { kind: 'rateProperty', site: site(1, 1) }), 'model.optimizer.learningRate = model.optimizer.learningRate * decay;');
    // Only a read of lr on a line that sets the rate; a local variable named lr is not a property.
    assert.equal(apply('optimizer.setLearningRate(lr * 0.5);', { kind: 'rateProperty', site: site(1, 1) }), null);
    assert.equal(apply('const next = optimizer.lr * 0.5;', { kind: 'rateProperty', site: site(1, 1) }), null);
  });

  it('guards a warmup ratio whose length can be 0, on the rate line or the line declaring its factor', () => {
    const src = ['    onBatchBegin: async () => {', '      const scale = Math.min(1, globalStep / CONFIG.warmupSteps);', '      optimizer.setLearningRate(CONFIG.baseLr * scale);', '    },'].join('\n');
    const out = apply(src, { kind: 'guardWarmupRatio', site: site(3, 7) });
    assert.equal(out?.split('\n')[1], '      const scale = (CONFIG.warmupSteps > 0 ? Math.min(1, globalStep / CONFIG.warmupSteps) : 1);');
    assert.equal(apply('opt.setLearningRate(BASE * Math.min(step / WARMUP, 1));', { kind: 'guardWarmupRatio', site: site(1, 1) }), 'opt.setLearningRate(BASE * (WARMUP > 0 ? Math.min(step / WARMUP, 1) : 1));');
    // A factor declared above that the rate line does not use is left alone.
    const unrelated = ['const ratio = Math.min(1, a / b);', 'opt.setLearningRate(BASE * other);'].join('\n');
    assert.equal(apply(unrelated, { kind: 'guardWarmupRatio', site: site(2, 1) }), null);
  });
});

describe('a learning rate computed where it is declared', () => {
  it('replaces the computation with the new rate', () => {
    const src = ['const LEARNING_RATE = BASE_LR * BATCH_SIZE;', 'const opt = tf.train.sgd(LEARNING_RATE);'].join('\n');
    const plan = { kind: 'learningRate' as const, optimizer: { className: 'SGD', learningRate: 25.6, site: site(2, 13) } as never, compileSite: null, to: 0.01 };
    assert.equal(lineOf(apply(src, plan)!, 1), 'const LEARNING_RATE = 0.01;');
    assert.equal(apply(src + '\nlet LEARNING_RATE = BASE_LR * 2;', plan), null);
  });
});

describe('a hand-written update that writes the step in place of the variable', () => {
  it('subtracts the step from the variable it assigns', () => {
    assert.equal(apply('      v.assign(grads[v.name].mul(LR));', { kind: 'stepFrom', site: site(1, 9) }), '      v.assign(v.sub(grads[v.name].mul(LR)));');
    assert.equal(apply('model.weights[i].assign(g.mul(0.1));', { kind: 'stepFrom', site: site(1, 18) }), 'model.weights[i].assign(model.weights[i].sub(g.mul(0.1)));');
    assert.equal(apply('v.assign(a, b);', { kind: 'stepFrom', site: site(1, 3) }), null);
  });
});

describe('inputs parsed with parseInt', () => {
  it('parses the pushed row with parseFloat, behind the tensor call', () => {
    const src = [
      'function parseCsv(text) {',
      '  const xs = [];',
      '  for (const row of text.split("\\n")) xs.push(row.split(",").map((v) => parseInt(v, 10)));',
      '  return { xs };',
      '}',
      'const x = tf.tensor2d(train.xs, [N, 6]);',
    ].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'parseFractions', site: site(6, 14) })!, 3), '  for (const row of text.split("\\n")) xs.push(row.split(",").map((v) => parseFloat(v)));');
    assert.equal(apply(src.replace('parseInt(v, 10)', 'Number(v)'), { kind: 'parseFractions', site: site(6, 14) }), null);
  });
});

describe('non-finite targets written by the script', () => {
  const forIn = [
    'function makeSamples(series) {',
    '  const ys = [];',
    '  for (const i in series) {',
    '    if (i >= series.length - 1) continue;',
    '    ys.push([series[i + 1]]);',
    '  }',
    '  return { ys };',
    '}',
    'const yTrain = tf.tensor2d(ys.slice(0, nTrain), [nTrain, 1]);',
  ].join('\n');
  it('turns a for...in loop whose key is added to into a counting loop, behind a row cut of the targets', () => {
    assert.equal(lineOf(apply(forIn, { kind: 'forInToIndex', site: site(9, 16) })!, 3), '  for (let i = 0; i < series.length; i++) {');
    assert.equal(apply(forIn.replace('series[i + 1]', 'series[i]'), { kind: 'forInToIndex', site: site(9, 16) }), null);
  });
  it('takes log1p of counts logged where they are mapped, and reads predictions back with expm1', () => {
    const src = ['const logTrain = train.sales.map((y) => [Math.log(y)]);', 'const yTrain = tf.tensor2d(logTrain, [N, 1]);', 'const counts = pred.map((v) => Math.exp(v));'].join('\n');
    assert.equal(apply(src, { kind: 'log1pAtWrite', site: site(2, 16) }), ['const logTrain = train.sales.map((y) => [Math.log1p(y)]);', 'const yTrain = tf.tensor2d(logTrain, [N, 1]);', 'const counts = pred.map((v) => Math.expm1(v));'].join('\n'));
    assert.equal(apply(src.replace('Math.log(y)', 'y'), { kind: 'log1pAtWrite', site: site(2, 16) }), null);
  });
});

describe('binary labels compared as numbers while they are strings', () => {
  const src = [
    'function simulate(n) {',
    '  const labels = [];',
    '  for (let i = 0; i < n; i++) labels.push(rng.random() < 0.5 ? 1 : 0);',
    '  return { labels };',
    '}',
    'function parseCsv(text) {',
    "  const rows = text.split('\\n').map((line) => line.split(','));",
    '  const labels = rows.map((cols) => (cols[4] === 1 ? 1 : 0));',
    '  return { labels };',
    '}',
    'const train = parseCsv(makeLogCsv(800));',
    'const yTrain = tf.tensor2d(train.labels, [800, 1]);',
  ].join('\n');
  it("reads the field as a number where the helper the targets come from maps them, not in another function's array of the same name", () => {
    assert.equal(lineOf(apply(src, { kind: 'numberCompare', site: site(12, 16) })!, 8), '  const labels = rows.map((cols) => (Number(cols[4]) === 1 ? 1 : 0));');
    assert.equal(apply(src.replace('cols[4] === 1', 'cols[4] > 0.5'), { kind: 'numberCompare', site: site(12, 16) }), null);
  });
});

describe('labels rounded from rows scaled as a whole', () => {
  const src = [
    'function prepare(rows) {',
    '  const scaled = rows.map((r) => r.map((v) => v / 255));',
    '  const xs = scaled.map((r) => r.slice(0, 16));',
    '  const digits = scaled.map((r) => Math.round(r[16]));',
    "  return { x: tf.tensor2d(xs, [rows.length, 16]), y: tf.oneHot(tf.tensor1d(digits, 'int32'), 10) };",
    '}',
  ].join('\n');
  it("leaves the label's column out of the scaling where the rows are scaled, and nothing else", () => {
    assert.equal(lineOf(apply(src, { kind: 'unscaleLabelColumn', site: site(5, 54) })!, 2), '  const scaled = rows.map((r) => r.map((v, j) => (j === 16 ? v : v / 255)));');
    // Rows scaled by something other than one division, or labels not read from one column: no edit.
    assert.equal(apply(src.replace('v / 255', 'Math.log1p(v)'), { kind: 'unscaleLabelColumn', site: site(5, 54) }), null);
    assert.equal(apply(src.replace('Math.round(r[16])', 'Math.round(r[16] + r[15])'), { kind: 'unscaleLabelColumn', site: site(5, 54) }), null);
  });
});

describe('arrays shuffled one at a time in a loop', () => {
  it('draws one order before the loop and reorders every array by it, counting rows from the arrays the loop names', () => {
    const columns = ['const data = load();', 'for (const name of Object.keys(data)) tf.util.shuffle(data[name]);', 'fit(data);'].join('\n');
    assert.equal(
      apply(columns, { kind: 'shuffleOneOrder', site: site(2, 49), rows: 1000 }),
      ['const data = load();', 'const order = tf.util.createShuffledIndices(Object.values(data)[0].length);', 'for (const name of Object.keys(data)) data[name] = Array.from(order, (i) => data[name][i]);', 'fit(data);'].join('\n'),
    );
    // A loop variable cannot take a copy: reordered in place, in a block loop.
    const pair = ['for (const a of [xs, ys]) {', '  tf.util.shuffle(a);', '}'].join('\n');
    assert.equal(
      apply(pair, { kind: 'shuffleOneOrder', site: site(2, 3), rows: 500 }),
      ['const order = tf.util.createShuffledIndices(xs.length);', 'for (const a of [xs, ys]) {', '  Object.assign(a, Array.from(order, (i) => a[i]));', '}'].join('\n'),
    );
    // Not in a loop: nothing to put one order before.
    assert.equal(apply('tf.util.shuffle(xs);', { kind: 'shuffleOneOrder', site: site(1, 1), rows: 10 }), null);
  });
});

describe('an op without a gradient between hidden layers', () => {
  it('calls one with a gradient in its place, in either call form, and nothing else', () => {
    assert.equal(apply('  const h = tf.step(x.matMul(w1).add(b1));', { kind: 'renameOp', site: site(1, 13), from: 'step', to: 'relu' }), '  const h = tf.relu(x.matMul(w1).add(b1));');
    assert.equal(apply('  const h = x.matMul(w1).add(b1).sign();', { kind: 'renameOp', site: site(1, 13), from: 'sign', to: 'tanh' }), '  const h = x.matMul(w1).add(b1).tanh();');
    assert.equal(apply('  const h = tf.relu(x.matMul(w1));', { kind: 'renameOp', site: site(1, 13), from: 'step', to: 'relu' }), null);
  });
});

describe('rows that share one array', () => {
  it('makes a new array for each row, and leaves alone an array filled with numbers', () => {
    const src = ['function toOneHot(classes, k) {', '  const labels = new Array(classes.length).fill(new Array(k).fill(0));', '  classes.forEach((c, i) => { labels[i][c] = 1; });', '  return labels;', '}', 'const zeros = new Array(8).fill(0);'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'freshRows', site: site(3, 1) })!, 2), '  const labels = Array.from({ length: classes.length }, () => new Array(k).fill(0));');
    assert.equal(apply(src.replace('.fill(new Array(k).fill(0))', '.fill(0)'), { kind: 'freshRows', site: site(3, 1) }), null);
  });
});

describe('a batch offset stepped by one row', () => {
  it('steps it by the batch size the slice takes, and leaves alone an offset that already steps by a batch', () => {
    const src = ['for (let b = 0; b < numBatches; b++) {', '  const batchX = xs.slice([start, 0], [batchSize, -1]);', '  train(batchX);', '  start++;', '}'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'offsetStep', site: site(2, 18) })!, 4), '  start += batchSize;');
    assert.equal(apply(src.replace('start++', 'start += batchSize'), { kind: 'offsetStep', site: site(2, 18) }), null);
  });
});

describe('one-hot rows built by comparing a class name with a parsed label', () => {
  it('compares both as text, and leaves alone a statement with no such comparison', () => {
    const src = '  const oneHot = (rows) => rows.map((row) => Number(row.grade)).map((label) => classes.map((c) => (c === label ? 1 : 0)));';
    assert.equal(apply(src, { kind: 'compareAsText', site: site(1, 3) }), '  const oneHot = (rows) => rows.map((row) => Number(row.grade)).map((label) => classes.map((c) => (String(c) === String(label) ? 1 : 0)));');
    assert.equal(apply('const y = labels.map((l) => l * 2);', { kind: 'compareAsText', site: site(1, 1) }), null);
  });
});

describe('a layer output averaged over the batch where its items were meant', () => {
  it('averages over axis 1, in tf.mean and in the method, and leaves alone an axis that is a name', () => {
    assert.equal(apply('const pooled = tf.mean(h, 0, true);', { kind: 'meanAxis', site: site(1, 16), to: 1 }), 'const pooled = tf.mean(h, 1, true);');
    assert.equal(apply('const pooled = h.mean(0, true);', { kind: 'meanAxis', site: site(1, 18), to: 1 }), 'const pooled = h.mean(1, true);');
    assert.equal(apply('const pooled = tf.mean(h, AXIS, true);', { kind: 'meanAxis', site: site(1, 16), to: 1 }), null);
  });
});

describe('tensors leaked inside the function a loop calls at each step', () => {
  it('runs its one call in tf.tidy, and leaves alone a call already in one', () => {
    const src = ['function trainStep(idx) {', '  const xb = xs.gather(idx);', '  return { loss: step(xb) };', '}', 'for (let b = 0; b < n; b++) {', '  const stats = trainStep(batches[b]);', '}'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'tidyCaller', site: site(2, 14) })!, 6), '  const stats = tf.tidy(() => trainStep(batches[b]));');
    assert.equal(apply(src.replace('const stats = trainStep(batches[b])', 'const stats = tf.tidy(() => trainStep(batches[b]))'), { kind: 'tidyCaller', site: site(2, 14) }), null);
  });
});

describe('a bias correction divided by at a step count of 0', () => {
  it('counts from 1 in every power of that count in the block, and leaves alone a divisor with no power', () => {
    const src = ['function adamStep(grads) {', '  const bc1 = 1 - Math.pow(BETA1, t);', '  const bc2 = 1 - Math.pow(BETA2, t);', '  const mHat = m.div(bc1);', '  const vHat = v.div(bc2);', '}'].join('\n');
    const fixed = apply(src, { kind: 'countFromOne', site: site(4, 18) })!;
    assert.equal(lineOf(fixed, 2), '  const bc1 = 1 - Math.pow(BETA1, t + 1);');
    assert.equal(lineOf(fixed, 3), '  const bc2 = 1 - Math.pow(BETA2, t + 1);');
    assert.equal(apply(src.replace('1 - Math.pow(BETA1, t)', 'count'), { kind: 'countFromOne', site: site(4, 18) }), null);
  });
});

describe('token ids padded after the words', () => {
  it('pads before them instead, and leaves alone a concat of something that is no padding', () => {
    const src = ['function padSequence(ids) {', '  const padding = new Array(MAX_LEN - ids.length).fill(0);', '  return ids.concat(padding);', '}'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'padAtStart', file: FILE })!, 3), '  return padding.concat(ids);');
    assert.equal(apply(src.replace('.fill(0)', '.map(() => 1)'), { kind: 'padAtStart', file: FILE }), null);
  });
});

describe('a trained model called in training mode for its predictions', () => {
  it('turns the flag off on that call, and leaves alone a line without it', () => {
    assert.equal(apply('const p = model.apply(xTest, { training: true });', { kind: 'trainingFlagFalse', site: site(1, 11) }), 'const p = model.apply(xTest, { training: false });');
    assert.equal(apply('const p = model.predict(xTest);', { kind: 'trainingFlagFalse', site: site(1, 11) }), null);
  });
});

describe('rows written into a flat typed array at the row index', () => {
  it('writes each at the index times the width the array was made with, and leaves alone an offset already scaled', () => {
    const src = ['const xs = new Float32Array(samples.length * N_FEATURES);', 'samples.forEach((s, i) => {', '  xs.set(s.features, i);', '});', 'const x = tf.tensor2d(xs, [n, N_FEATURES]);'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'rowOffsetTimesWidth', site: site(5, 11) })!, 3), '  xs.set(s.features, i * N_FEATURES);');
    assert.equal(apply(src.replace('set(s.features, i)', 'set(s.features, i * N_FEATURES)'), { kind: 'rowOffsetTimesWidth', site: site(5, 11) }), null);
  });
});

describe('a learning rate multiplied up at each change', () => {
  it('inverts the factor, written on the line or as a constant declared once', () => {
    assert.equal(apply('  optimizer.learningRate = optimizer.learningRate * 10;', { kind: 'rateFactor', site: site(1, 3) }), '  optimizer.learningRate = optimizer.learningRate * 0.1;');
    const src = ['const FACTOR = 10;', '  model.optimizer.learningRate = Math.max(model.optimizer.learningRate * FACTOR, MIN_LR);'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'rateFactor', site: site(2, 3) })!, 1), 'const FACTOR = 0.1;');
    assert.equal(apply(src.replace('= 10', '= 0.5'), { kind: 'rateFactor', site: site(2, 3) }), null, 'already a decay');
  });
});

describe('rows added with a concat whose new array is dropped', () => {
  it('pushes them in place, and leaves alone a concat whose result is kept', () => {
    const src = ['const examples = pos.map((p) => [p, 1]);', 'examples.concat(negatives(pos));', 'const y = tf.tensor2d(examples.map((e) => [e[1]]));'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'concatInPlace', site: site(3, 11) })!, 2), 'examples.push(...negatives(pos));');
    assert.equal(apply(src.replace('examples.concat', 'const all = examples.concat'), { kind: 'concatInPlace', site: site(3, 11) }), null);
  });
});

describe('an array cut with a size where its end belongs', () => {
  it('ends the slice at its start plus the size, and leaves alone a slice that already ends there', () => {
    const src = [
      'for (let start = 0; start < rows.length; start += BATCH) {',
      '  const batch = rows.slice(start, BATCH);',
      '  if (batch.length === 0) continue;',
      '  const cost = tf.tidy(() => {',
      '    const xb = tf.tensor2d(batch.map((r) => r.x));',
      '    return step(xb);',
      '  });',
      '}',
    ].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'sliceEndFromStart', site: site(5, 16) })!, 2), '  const batch = rows.slice(start, start + BATCH);');
    assert.equal(apply(src.replace('slice(start, BATCH)', 'slice(start, start + BATCH)'), { kind: 'sliceEndFromStart', site: site(5, 16) }), null);
    assert.equal(apply(src.replace('slice(start, BATCH)', 'slice(start, -1)'), { kind: 'sliceEndFromStart', site: site(5, 16) }), null, 'an end from the back');
  });
});

describe('ids scaled before an embedding', () => {
  it('removes the division where the training tensor is made, and the same one on the test tensor, not elsewhere', () => {
    const src = ['const xTrain = tf.tensor2d(train, [N, L]).div(VOCAB);', 'const xTest = tf.tensor2d(test, [M, L]).div(VOCAB);', 'const share = counts.div(VOCAB);'].join('\n');
    assert.equal(apply(src, { kind: 'unwrapAlike', site: site(1, 41), op: 'div', arity: 2 }), ['const xTrain = tf.tensor2d(train, [N, L]);', 'const xTest = tf.tensor2d(test, [M, L]);', 'const share = counts.div(VOCAB);'].join('\n'));
  });
});

describe('text parsed into NaN', () => {
  it('parses with Number where map(parseInt) took each index as the radix', () => {
    const src = ['const rows = text.split(\'\\n\').map((line) => line.split(\',\').map(parseInt));'].join('\n');
    assert.equal(apply(src, { kind: 'parseIntMap', site: site(1, 1) }), "const rows = text.split('\\n').map((line) => line.split(',').map(Number));");
  });
  it('skips the header line where the lines are looped over or mapped, once', () => {
    const loop = ["const lines = text.trim().split('\\n');", 'for (const line of lines) {', '  rows.push(line.split(\',\').map(parseFloat));', '}'].join('\n');
    assert.equal(lineOf(apply(loop, { kind: 'skipHeader', site: site(3, 1) })!, 2), 'for (const line of lines.slice(1)) {');
    const chain = "const rows = csv.split('\\n').map((l) => l.split(',').map(Number));";
    assert.equal(apply(chain, { kind: 'skipHeader', site: site(1, 1) }), "const rows = csv.split('\\n').slice(1).map((l) => l.split(',').map(Number));");
    // Two places that read lines: which one parsed the header is not known.
    assert.equal(apply(`${chain}\n${chain.replace('rows', 'more')}`, { kind: 'skipHeader', site: site(1, 1) }), null);
  });
});

describe('layers without biases', () => {
  it('gives every layer its bias back, each on its own line', () => {
    const src = ['model.add(tf.layers.dense({ units: 32, activation: \'relu\', useBias: false, inputShape: [5] }));', 'model.add(tf.layers.dense({ units: 1, useBias: false }));'].join('\n');
    const plan: FixPlan = { kind: 'all', parts: [{ kind: 'layerValue', layer: layer('Dense', 1), key: 'useBias', to: 'true' }, { kind: 'layerValue', layer: layer('Dense', 2), key: 'useBias', to: 'true' }] };
    assert.equal(apply(src, plan), src.replaceAll('useBias: false', 'useBias: true'));
    assert.equal(apply('model.add(tf.layers.dense({ units: 1 }));', { kind: 'layerValue', layer: layer('Dense', 1), key: 'useBias', to: 'true' }), null);
  });
});

describe('a cosine schedule over the epoch in radians', () => {
  it("takes the epoch as a share of the run, with fit's epochs as written", () => {
    const src = ['const cosineLr = (epoch) => BASE * 0.5 * (1 + Math.cos(epoch));', 'await model.fit(xs, ys, { epochs: EPOCHS, callbacks: { onEpochBegin: (e) => opt.setLearningRate(cosineLr(e)) } });'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'cosineOverRun', fitSite: site(2, 13), epochs: 20 })!, 1), 'const cosineLr = (epoch) => BASE * 0.5 * (1 + Math.cos(Math.PI * epoch / EPOCHS));');
    assert.equal(apply(src.replace('Math.cos(epoch)', 'Math.cos(Math.PI * epoch / EPOCHS)'), { kind: 'cosineOverRun', fitSite: site(2, 13), epochs: 20 }), null);
  });
});

describe('labels appended as a second copy', () => {
  it('repeats each label in place, and leaves alone a concat of two different arrays', () => {
    const src = ['const augLabels = train.labels.concat(train.labels);', "const yTrain = tf.oneHot(tf.tensor1d(augLabels, 'int32'), 4);"].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'repeatEach', site: site(2, 16) })!, 1), 'const augLabels = train.labels.flatMap((label) => [label, label]);');
    assert.equal(apply(src.replace('concat(train.labels)', 'concat(extra.labels)'), { kind: 'repeatEach', site: site(2, 16) }), null);
  });
});

describe('a column made by Math.log or Math.exp', () => {
  const src = ['function toFeatures(c) {', '  return [c.tenure / 72, Math.log(c.income), Math.exp(c.views)];', '}', 'const xTrain = tf.tensor2d(train.map(toFeatures));'].join('\n');
  it('gives the column a transform defined for every value, where the helper maps each row', () => {
    assert.equal(lineOf(apply(src, { kind: 'finiteAtColumn', site: site(4, 16), column: 1 })!, 2), '  return [c.tenure / 72, Math.sign(c.income) * Math.log1p(Math.abs(c.income)), Math.exp(c.views)];');
    assert.equal(lineOf(apply(src, { kind: 'finiteAtColumn', site: site(4, 16), column: 2 })!, 2), '  return [c.tenure / 72, Math.log(c.income), Math.log1p(c.views)];');
    assert.equal(apply(src, { kind: 'finiteAtColumn', site: site(4, 16), column: 0 }), null);
  });
});

describe('epochs computed as 0, and an offset declared in the loop it should outlive', () => {
  it('trains at least one epoch where the count is computed', () => {
    const src = ['const epochs = Math.floor(STEPS / xs.shape[0]);', 'await model.fit(xs, ys, { epochs, batchSize: 32 });'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'atLeastOne', fitSite: site(2, 13), key: 'epochs' })!, 1), 'const epochs = Math.max(1, Math.floor(STEPS / xs.shape[0]));');
  });
  it("declares a generator's offset once, before its loop", () => {
    const src = ['const ds = tf.data.generator(function* () {', '  for (let b = 0; b < B; b++) {', '    let start = 0;', '    const end = start + 32;', '    yield {', '      xs: tf.tensor2d(xs.slice(start, end)),', '    };', '    start = end;', '  }', '});'].join('\n');
    const out = apply(src, { kind: 'hoistOffset', site: site(6, 11) })!;
    assert.equal(lineOf(out, 2), '  let start = 0;');
    assert.equal(lineOf(out, 3), '  for (let b = 0; b < B; b++) {');
    assert.ok(!lineOf(out, 4).includes('let start'));
  });
});

describe('labels looked up by name', () => {
  it('looks the name up trimmed, once', () => {
    const src = ['const labels = rows.map((fields) => CLASSES.indexOf(fields[4]));', "const y = tf.oneHot(tf.tensor1d(labels, 'int32'), 3);"].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'trimLookup', site: site(2, 11) })!, 1), 'const labels = rows.map((fields) => CLASSES.indexOf(fields[4].trim()));');
    assert.equal(apply(src.replace('fields[4])', 'fields[4].trim())'), { kind: 'trimLookup', site: site(2, 11) }), null);
    // A class list written in one case: the lookup takes that case too (names read capitalized).
    const listed = `const CLASSES = ['setosa', 'versicolor'];\n${src}`;
    assert.equal(lineOf(apply(listed, { kind: 'trimLookup', site: site(3, 11) })!, 2), 'const labels = rows.map((fields) => CLASSES.indexOf(fields[4].trim().toLowerCase()));');
    assert.equal(lineOf(apply(listed.replace("'setosa', 'versicolor'", "'SETOSA', 'VERSICOLOR'"), { kind: 'trimLookup', site: site(3, 11) })!, 2), 'const labels = rows.map((fields) => CLASSES.indexOf(fields[4].trim().toUpperCase()));');
  });
});

describe('shares of a row sum that may be 0', () => {
  it('guards the division by the sum, and leaves alone a division by something that is no sum', () => {
    const src = ['function toFeatures(counts) {', '  const total = counts.reduce((a, b) => a + b, 0);', '  return counts.map((c) => c / total);', '}'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'guardShare', site: site(3, 1) })!, 3), '  return counts.map((c) => (total > 0 ? c / total : 0));');
    assert.equal(apply(src.replace('counts.reduce((a, b) => a + b, 0)', 'MAX_COUNT'), { kind: 'guardShare', site: site(3, 1) }), null);
  });
});

describe('a hand-written update computed and dropped', () => {
  it('stores it in its variable, and leaves alone an update that is already kept', () => {
    const src = ['for (const p of params) {', '  p.sub(grads[p.name].mul(LR));', '}'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'assignDiscarded', site: site(1, 1) })!, 2), '  p.assign(p.sub(grads[p.name].mul(LR)));');
    assert.equal(apply(['const next = w', '  .sub(g.mul(LR));'].join('\n'), { kind: 'assignDiscarded', site: site(1, 1) }), null);
    assert.equal(apply('w.assign(w.sub(g.mul(LR)));', { kind: 'assignDiscarded', site: site(1, 1) }), null);
  });
});

describe('closures made in a for (var ...) loop', () => {
  it('declares the loop variable with let when one such loop exists', () => {
    const src = ['const extractors = [];', 'for (var j = 0; j < COLUMNS.length; j++) {', '  extractors.push((row) => row[j]);', '}', 'for (var k = 0; k < 3; k++) total += k;'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'letLoopVariable', site: site(1, 1) })!, 2), 'for (let j = 0; j < COLUMNS.length; j++) {');
    assert.equal(apply(src.replace('(row) => row[j]', 'COLUMNS[j]'), { kind: 'letLoopVariable', site: site(1, 1) }), null);
  });
});

describe('a flat array of whole columns made into a [rows, columns] tensor', () => {
  it('makes it [columns, rows] and transposes it', () => {
    assert.equal(apply('  const x = tf.tensor2d(flat, [n, 3]);', { kind: 'columnMajorTensor', site: site(1, 13) }), '  const x = tf.tensor2d(flat, [3, n]).transpose();');
    assert.equal(apply('  const x = tf.tensor2d(flat, shape);', { kind: 'columnMajorTensor', site: site(1, 13) }), null);
  });
});

describe('gradients summed into an accumulator that is never reset', () => {
  it('frees the sums and makes the accumulator anew after applyGradients', () => {
    const src = [
      'let accum = newAccumulator();',
      'for (const b of batches) {',
      '  if (step % 4 === 0) {',
      '    const averaged = tf.tidy(() => { const out = {}; for (const name of Object.keys(accum)) out[name] = accum[name].div(4); return out; });',
      '    optimizer.applyGradients(averaged);',
      '  }',
      '}',
    ].join('\n');
    const fixed = apply(src, { kind: 'resetAccumulator', site: site(5, 5), madeAt: site(4, 80) })!;
    assert.deepEqual(fixed.split('\n').slice(4, 7), ['    optimizer.applyGradients(averaged);', '    tf.dispose(Object.values(accum));', '    accum = newAccumulator();']);
    assert.equal(apply(src.replace('let accum', 'const accum'), { kind: 'resetAccumulator', site: site(5, 5), madeAt: site(4, 80) }), null);
  });
});

describe('labels passed through a helper as they are', () => {
  it('maps them onto the wanted pair of values in the helper that the targets tensor calls', () => {
    const src = ['  const toTargets = (classes) => classes.map((c) => [c]);', '  const yTrain = tf.tensor2d(toTargets(train.classes), [N, 1]);'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'relabelAtWrite', site: site(2, 18), from: [0, 1], to: [-1, 1] })!, 1), '  const toTargets = (classes) => classes.map((c) => [c * 2 - 1]);');
    assert.equal(lineOf(apply(src, { kind: 'relabelAtWrite', site: site(2, 18), from: [-1, 1], to: [0, 1] })!, 1), '  const toTargets = (classes) => classes.map((c) => [c * 0.5 + 0.5]);');
  });
});

describe('a series shuffled before it is cut into windows', () => {
  it('removes the shuffle statement with its line, comment and all', () => {
    const src = ['  const starts = windowStarts(series);', '  tf.util.shuffle(series); // always shuffle', '  const train = cut(series, starts);'].join('\n');
    assert.equal(apply(src, { kind: 'removeStatement', site: site(2, 11) }), ['  const starts = windowStarts(series);', '  const train = cut(series, starts);'].join('\n'));
    assert.equal(apply('  tf.util.shuffle(series); count++;', { kind: 'removeStatement', site: site(1, 11) }), null);
  });
});

describe('state made by a bare call inside the loop', () => {
  it('moves the call before the outermost loop around it', () => {
    const src = ['for (let e = 0; e < 5; e++) {', '  for (let b = 0; b < n; b++) {', '    initWeights();', '    step(b);', '  }', '}'].join('\n');
    const out = apply(src, { kind: 'hoistOutOfLoop', sites: [site(3, 5)] })!;
    assert.equal(out, ['initWeights();', 'for (let e = 0; e < 5; e++) {', '  for (let b = 0; b < n; b++) {', '    step(b);', '  }', '}'].join('\n'));
    // A call that reads the loop's own variables stays.
    assert.equal(apply(src.replace('initWeights();', 'initWeights(b);'), { kind: 'hoistOutOfLoop', sites: [site(3, 5)] }), null);
  });
});

describe('the same edit from two layers made by one line', () => {
  it('is made once', () => {
    const src = ['for (let i = 0; i < 3; i++) {', "  model.add(tf.layers.dense({ units: 8, kernelInitializer: 'ones' }));", '}'].join('\n');
    const part = { kind: 'layerOption' as const, layer: layer('Dense', 2, 3), key: 'kernelInitializer', to: 'glorotNormal' };
    assert.equal(lineOf(apply(src, { kind: 'all', parts: [part, { ...part }] })!, 2), "  model.add(tf.layers.dense({ units: 8, kernelInitializer: 'glorotNormal' }));");
  });
});

describe('a layer option written in one object spread into the layer call', () => {
  it('is changed where that object is declared; a key in neither is no edit', () => {
    const src = ["const convOptions = { kernelSize: 3, activation: 'relu', kernelInitializer: 'zeros' };", 'model.add(tf.layers.conv2d({ filters: 8, ...convOptions }));'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'layerOption', layer: layer('Conv2D', 2, 21), key: 'kernelInitializer', to: 'heNormal' })!, 1), "const convOptions = { kernelSize: 3, activation: 'relu', kernelInitializer: 'heNormal' };");
    assert.equal(lineOf(apply(src, { kind: 'layerNumber', layer: layer('Conv2D', 2, 21), key: 'kernelSize', to: 5 })!, 1), "const convOptions = { kernelSize: 5, activation: 'relu', kernelInitializer: 'zeros' };");
    assert.equal(apply(src, { kind: 'layerNumber', layer: layer('Conv2D', 2, 21), key: 'strides', to: 1 }), null);
  });
});

describe('arrays made with new Array(n).map, which leaves the holes unmapped', () => {
  it('become Array.from({ length: n }, fn); arrays of values and filled arrays are left alone', () => {
    const src = ['const oneHot = (c) => new Array(K).map((_, k) => (k === c ? 1 : 0));', 'const row = Array(3).map(() => 0);', 'const ok = new Array(K).fill(0).map((_, k) => k);', 'const pair = new Array(1, 2).map((v) => v);'].join('\n');
    const out = apply(src, { kind: 'arrayFromHoles', file: FILE })!;
    assert.equal(lineOf(out, 1), 'const oneHot = (c) => Array.from({ length: K }, (_, k) => (k === c ? 1 : 0));');
    assert.equal(lineOf(out, 2), 'const row = Array.from({ length: 3 }, () => 0);');
    assert.equal(lineOf(out, 3), 'const ok = new Array(K).fill(0).map((_, k) => k);');
    assert.equal(lineOf(out, 4), 'const pair = new Array(1, 2).map((v) => v);');
  });
});

describe('a fitDataset option removed', () => {
  it('takes the comma after it, or before it when it is last', () => {
    assert.equal(apply('await model.fitDataset(ds, { epochs: EPOCHS, batchesPerEpoch: 1, verbose: 0 });', { kind: 'removeDatasetOption', fitSite: site(1, 13), key: 'batchesPerEpoch' }), 'await model.fitDataset(ds, { epochs: EPOCHS, verbose: 0 });');
    assert.equal(apply('await model.fitDataset(ds, { epochs: 5, batchesPerEpoch: 1 });', { kind: 'removeDatasetOption', fitSite: site(1, 13), key: 'batchesPerEpoch' }), 'await model.fitDataset(ds, { epochs: 5 });');
    assert.equal(apply('await model.fitDataset(ds, { epochs: 5 });', { kind: 'removeDatasetOption', fitSite: site(1, 13), key: 'batchesPerEpoch' }), null);
  });
});

describe('targets sorted in place', () => {
  it('sorts a copy instead', () => {
    assert.equal(apply('  const medianPrice = train.prices.sort((a, b) => a - b)[n >> 1];', { kind: 'sortCopy', site: site(1, 35) }), '  const medianPrice = [...train.prices].sort((a, b) => a - b)[n >> 1];');
    assert.equal(apply('const m = median(ys);', { kind: 'sortCopy', site: site(1, 11) }), null);
  });
});

describe('a division by a spread that is 0', () => {
  it('keeps the divisor above 0, in either call form', () => {
    assert.equal(apply('  const standardize = (x) => x.sub(mean).div(std);', { kind: 'guardDivisor', site: site(1, 39) }), '  const standardize = (x) => x.sub(mean).div(std.maximum(1e-7));');
    assert.equal(apply('const z = tf.div(tf.sub(x, m), stats.std);', { kind: 'guardDivisor', site: site(1, 11) }), 'const z = tf.div(tf.sub(x, m), stats.std.maximum(1e-7));');
    assert.equal(apply('    return x.sub(mean).div(variance.sqrt());', { kind: 'guardDivisor', site: site(1, 22) }), '    return x.sub(mean).div(variance.sqrt().maximum(1e-7));');
    assert.equal(apply('const z = x.div(s.pow(2));', { kind: 'guardDivisor', site: site(1, 11) }), null);
    assert.equal(apply('const z = x.div(255);', { kind: 'guardDivisor', site: site(1, 11) }), null);
  });
});

describe('fixes for written bugs of sets 24 and 25', () => {
  const at = (line: number) => site(line, 3);

  it('a negative rate written in place or declared: the value replaces the XOR', () => {
    const sgd = opt('Adam', 1);
    assert.equal(apply('const optimizer = tf.train.adam(10 ^ -3);', { kind: 'learningRate', optimizer: sgd, compileSite: null, to: 0.001 }), 'const optimizer = tf.train.adam(0.001);');
    const declared = ['const LR = 10 ^ -3;', 'const optimizer = tf.train.adam(LR);'].join('\n');
    assert.equal(lineOf(apply(declared, { kind: 'learningRate', optimizer: opt('Adam', 2), compileSite: null, to: 0.001 })!, 1), 'const LR = 0.001;');
  });

  it('NaN compared with !== or ===: Number.isNaN, negated where it was !==', () => {
    const src = ['const kept = rows.filter((r) => r.yield !== NaN);', 'const gone = rows.filter((r) => r.cells[2] === NaN);', "const text = 'x !== NaN';"].join('\n');
    const out = apply(src, { kind: 'isNaNTest', site: at(1) })!;
    assert.equal(lineOf(out, 1), 'const kept = rows.filter((r) => !Number.isNaN(r.yield));');
    assert.equal(lineOf(out, 2), 'const gone = rows.filter((r) => Number.isNaN(r.cells[2]));');
    assert.equal(lineOf(out, 3), "const text = 'x !== NaN';");
    assert.equal(apply('const ok = !Number.isNaN(v);', { kind: 'isNaNTest', site: at(1) }), null);
  });

  it('character codes as letters: the one charCodeAt less the offset; two calls are ambiguous', () => {
    const src = 'const codes = [...word].map((c) => c.charCodeAt(0));';
    assert.equal(apply(src, { kind: 'charCodeOffset', site: at(1), by: 96 }), 'const codes = [...word].map((c) => c.charCodeAt(0) - 96);');
    assert.equal(apply(`${src}\nconst first = word.charCodeAt(0);`, { kind: 'charCodeOffset', site: at(1), by: 96 }), null);
  });

  it('validation on the training tensors: the held-out pair the script declares, only when both are declared', () => {
    const fit = 'await model.fit(xTrain, yTrain, { epochs: 5, validationData: [xTrain, yTrain] });';
    const declared = 'const xVal = a;\nconst yVal = b;\n';
    assert.equal(apply(`${declared}${fit}`, { kind: 'heldOutValidation', fitSite: at(3) }), `${declared}await model.fit(xTrain, yTrain, { epochs: 5, validationData: [xVal, yVal] });`);
    assert.equal(apply(`const valX = a;\nconst valY = b;\nawait model.fit(trainX, trainY, { validationData: [trainX, trainY] });`, { kind: 'heldOutValidation', fitSite: at(3) }), 'const valX = a;\nconst valY = b;\nawait model.fit(trainX, trainY, { validationData: [valX, valY] });');
    assert.equal(apply(`const xVal = a;\n\n${fit}`, { kind: 'heldOutValidation', fitSite: at(3) }), null, 'no yVal: nothing to validate on');
    assert.equal(apply(`${declared}await model.fit(xTrain, yTrain, { validationData: [xTest, yTest] });`, { kind: 'heldOutValidation', fitSite: at(3) }), null, 'not the training tensors');
  });

  it('one model fit fold after fold: its declaration moves into the loop, not when the model is used between', () => {
    const src = ['async function main() {', '  const model = buildModel();', '  for (let k = 0; k < K; k++) {', '    await model.fit(xs[k], ys[k], { epochs: 5 });', '  }', '}'].join('\n');
    assert.equal(apply(src, { kind: 'buildPerSplit', fitSite: at(4) }), ['async function main() {', '  for (let k = 0; k < K; k++) {', '    const model = buildModel();', '    await model.fit(xs[k], ys[k], { epochs: 5 });', '  }', '}'].join('\n'));
    const used = src.replace('  for (let k', '  model.summary();\n  for (let k');
    assert.equal(apply(used, { kind: 'buildPerSplit', fitSite: at(5) }), null);
    assert.equal(apply('const model = buildModel();\nawait model.fit(x, y);', { kind: 'buildPerSplit', fitSite: at(2) }), null, 'no loop around the fit');
  });

  it('inputs given raw to predict: the function or the scaling calls the training inputs got', () => {
    const wrapped = ['const standardize = (x) => x.sub(mean).div(std);', 'const xTrain = standardize(xTrainRaw);', 'await model.fit(xTrain, yTrain);', 'const p = model.predict(xTest);'].join('\n');
    assert.equal(lineOf(apply(wrapped, { kind: 'scaleInputsLike', site: at(4), fitSite: at(3) })!, 4), 'const p = model.predict(standardize(xTest));');
    const chained = ['const { mean, std } = stats(raw);', 'const xTrain = raw.sub(mean).div(std);', 'await model.fit(xTrain, yTrain);', 'const [loss] = model.evaluate(xTest, yTest);'].join('\n');
    assert.equal(lineOf(apply(chained, { kind: 'scaleInputsLike', site: at(4), fitSite: at(3) })!, 4), 'const [loss] = model.evaluate(xTest.sub(mean).div(std), yTest);');
    assert.equal(apply('const xTrain = load();\nawait model.fit(xTrain, yTrain);\nmodel.predict(xTest);', { kind: 'scaleInputsLike', site: at(3), fitSite: at(2) }), null, 'no scaling to repeat');
  });

  it('gradients computed once before the loop: computed in the applyGradients call, the declaration gone when unused', () => {
    const src = ['const { grads } = tf.variableGrads(lossFn);', 'for (let step = 0; step < 100; step++) {', '  optimizer.applyGradients(grads);', '}'].join('\n');
    assert.equal(apply(src, { kind: 'gradientsAtEachStep', site: at(3) }), ['for (let step = 0; step < 100; step++) {', '  optimizer.applyGradients(tf.variableGrads(lossFn).grads);', '}'].join('\n'));
    const kept = `${src}\ntf.dispose(grads);`;
    assert.equal(lineOf(apply(kept, { kind: 'gradientsAtEachStep', site: at(3) })!, 1), 'const { grads } = tf.variableGrads(lossFn);', 'still used: kept');
    assert.equal(apply('for (let s = 0; s < 9; s++) {\n  const { grads } = tf.variableGrads(f);\n  opt.applyGradients(grads);\n}', { kind: 'gradientsAtEachStep', site: at(3) }), null, 'computed in the loop already');
  });

  it('probabilities thresholded at 0: 0.5, only for the threshold found', () => {
    assert.equal(apply('const y = pred.greater(0).toFloat();', { kind: 'thresholdTo', site: at(1), threshold: 0, to: 0.5 }), 'const y = pred.greater(0.5).toFloat();');
    assert.equal(apply('const y = tf.greaterEqual(pred, 0);', { kind: 'thresholdTo', site: at(1), threshold: 0, to: 0.5 }), 'const y = tf.greaterEqual(pred, 0.5);');
    assert.equal(apply('const y = pred.greater(t);', { kind: 'thresholdTo', site: at(1), threshold: 0, to: 0.5 }), null);
  });

  it('a rate in percent compared with uniform draws: its constant written as a fraction, where it is declared', () => {
    const src = ['const DROPOUT_RATE = 50;', 'const keep = tf.randomUniform(h.shape).greaterEqual(DROPOUT_RATE).toFloat();'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'thresholdTo', site: at(2), threshold: 50, to: 0.5 })!, 1), 'const DROPOUT_RATE = 0.5;');
    assert.equal(apply('const keep = tf.randomUniform([4]).less(20);', { kind: 'thresholdTo', site: at(1), threshold: 20, to: 0.2 }), 'const keep = tf.randomUniform([4]).less(0.2);');
    assert.equal(apply(src.replace('= 50', '= readRate()'), { kind: 'thresholdTo', site: at(2), threshold: 50, to: 0.5 }), null, 'not a number where declared');
  });

  it('a kernel made non-trainable: the flag goes; a variable without it is left alone', () => {
    assert.equal(apply('const k = tf.variable(tf.randomNormal([4, 8]), false);', { kind: 'variableTrainable', site: at(1) }), 'const k = tf.variable(tf.randomNormal([4, 8]));');
    assert.equal(apply('const k = tf.variable(tf.randomNormal([4, 8]));', { kind: 'variableTrainable', site: at(1) }), null);
  });

  it("a window's target read at its own last item: the item after it, when the window is cut with the same names", () => {
    const src = ['windows.push(seq.slice(i, i + W));', 'targets.push(seq[i + W - 1]);'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'targetAfterWindow', site: at(2) })!, 2), 'targets.push(seq[i + W]);');
    assert.equal(apply('windows.push(seq.slice(j, j + W));\ntargets.push(seq[i + W - 1]);', { kind: 'targetAfterWindow', site: at(2) }), null);
  });

  it("after a range test's sweep: the picked rate set before the fit, the way the sweep set it", () => {
    const src = ['  cb = { onBatchEnd: () => optimizer.setLearningRate(optimizer.learningRate * 1.2) };', '  await model.fit(x, y, { callbacks: cb });', '  const bestLr = pick(log);', '  await model.fit(x, y, { epochs: 20 });'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'setRateBeforeFit', fitSite: site(4, 3), sweepSite: site(1, 3) })!, 4), '  optimizer.setLearningRate(bestLr);');
    const assigned = src.replace('optimizer.setLearningRate(optimizer.learningRate * 1.2)', 'opt.learningRate *= 1.2').replace('*=', '= opt.learningRate *');
    assert.equal(lineOf(apply(assigned, { kind: 'setRateBeforeFit', fitSite: site(4, 3), sweepSite: site(1, 3) })!, 4), '  opt.learningRate = bestLr;');
    assert.equal(apply(src.replace('bestLr', 'best'), { kind: 'setRateBeforeFit', fitSite: site(4, 3), sweepSite: site(1, 3) }), null, 'no picked rate');
  });

  it('a scaling applied again in the loop: moved before it; a one-line statement removed whole', () => {
    const src = ['for (let e = 0; e < 9; e++) {', '  x = x.sub(m).div(s);', '  await model.fit(x, y);', '}'].join('\n');
    assert.equal(apply(src, { kind: 'hoistAssignment', site: at(2) }), ['x = x.sub(m).div(s);', 'for (let e = 0; e < 9; e++) {', '  await model.fit(x, y);', '}'].join('\n'));
    const clip = ['tf.tidy(() => {', '  for (const w of model.trainableWeights) w.write(tf.clipByValue(w.read(), -C, C));', '});'].join('\n');
    assert.equal(apply(clip, { kind: 'removeStatement', site: at(2) }), 'tf.tidy(() => {\n});');
    assert.equal(apply('for (const w of ws) {\n  w.write(v);\n}', { kind: 'removeStatement', site: at(1) }), null, 'a loop that goes on past its line');
  });

  it('kernels drawn with only a shape: He for the normal, ±√(6 / fan-in) for the uniform, from names or numbers', () => {
    assert.equal(apply('const k = tf.randomUniform([fanIn, fanOut]);', { kind: 'heNormalDraw', site: at(1) }), 'const k = tf.randomUniform([fanIn, fanOut], -Math.sqrt(6 / fanIn), Math.sqrt(6 / fanIn));');
    assert.equal(apply('const k = tf.randomNormal([64, 32]);', { kind: 'heNormalDraw', site: at(1) }), 'const k = tf.randomNormal([64, 32], 0, 0.177);');
    assert.equal(apply('const k = tf.randomUniform([3, 3, c, f]);', { kind: 'heNormalDraw', site: at(1) }), 'const k = tf.randomUniform([3, 3, c, f], -Math.sqrt(6 / (3 * 3 * c)), Math.sqrt(6 / (3 * 3 * c)));');
    assert.equal(apply('const k = tf.randomUniform([4, 8], -1, 1);', { kind: 'heNormalDraw', site: at(1) }), null);
  });

  it("a schedule given as the rate: called for its first rate; a number given is left alone", () => {
    assert.equal(apply('const optimizer = tf.train.momentum(lrSchedule, 0.9);', { kind: 'rateAtStart', site: at(1) }), 'const optimizer = tf.train.momentum(lrSchedule(0), 0.9);');
    assert.equal(apply('const optimizer = tf.train.sgd((step) => 0.1 * 0.9 ** step);', { kind: 'rateAtStart', site: at(1) }), 'const optimizer = tf.train.sgd(((step) => 0.1 * 0.9 ** step)(0));');
    assert.equal(apply('const optimizer = tf.train.sgd(0.1);', { kind: 'rateAtStart', site: at(1) }), null);
  });

  it('a fresh model trained in place of the one used: the copy becomes the model', () => {
    const src = [
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
    assert.equal(lineOf(apply(src, { kind: 'trainUsedModel', site: at(8) })!, 7), '  await train(model, xs, ys);');
    const inPlace = src.replace('await train(buildModel(), xs, ys);', 'await buildModel().fit(xs, ys);');
    assert.equal(lineOf(apply(inPlace, { kind: 'trainUsedModel', site: at(8) })!, 7), '  await model.fit(xs, ys);');
    // Two models built on purpose (one trained, one used as a baseline): no single copy to replace.
    assert.equal(apply(src.replace('  model.evaluate(', '  buildModel().predict(x);\n  model.evaluate('), { kind: 'trainUsedModel', site: at(9) }), null);
  });

  it('a shuffle whose copy is dropped: assigned back when the rows are a let', () => {
    const src = ['function shuffle(array) {', '  const out = array.slice();', '  return out;', '}', 'let rows = load();', 'shuffle(rows);', 'const train = rows.slice(0, 800);'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'keepShuffledCopy', site: at(7) })!, 6), 'rows = shuffle(rows);');
    assert.equal(apply(src.replace('let rows', 'const rows'), { kind: 'keepShuffledCopy', site: at(7) }), null);
    // A shuffle in place returns nothing worth keeping.
    assert.equal(apply(src.replace('  const out = array.slice();\n  return out;', '  array.sort(() => rng() - 0.5);'), { kind: 'keepShuffledCopy', site: at(7) }), null);
  });

  it('a sampling ratio floored to 0: kept a fraction where it is compared with a draw', () => {
    const src = ['const keep = Math.floor(positives / negatives);', 'const kept = rows.filter((r) => r.label === 1 || rng.random() < keep);'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'unfloorKeepRatio', site: at(2) })!, 1), 'const keep = positives / negatives;');
    assert.equal(apply('const pages = Math.floor(rows / perPage);\nfor (let p = 0; p < pages; p++) {}', { kind: 'unfloorKeepRatio', site: at(1) }), null);
  });

  it('names sorted as text: compared by their numbers', () => {
    assert.equal(apply('const names = [...byName.keys()].sort();', { kind: 'numericSort', site: at(1) }), 'const names = [...byName.keys()].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));');
    assert.equal(apply('const names = keys.sort((a, b) => a - b);', { kind: 'numericSort', site: at(1) }), null);
  });

  it("kernels drawn with tf.randomNormal's deviation of 1: He's deviation for a named or a literal shape", () => {
    assert.equal(apply('const weight = (shape) => tf.variable(tf.randomNormal(shape));', { kind: 'heNormalDraw', site: at(1) }), 'const weight = (shape) => tf.variable(tf.randomNormal(shape, 0, Math.sqrt(2 / shape.slice(0, -1).reduce((a, b) => a * b, 1))));');
    assert.equal(apply('const w1 = tf.variable(tf.randomNormal([128, 64]));', { kind: 'heNormalDraw', site: at(1) }), 'const w1 = tf.variable(tf.randomNormal([128, 64], 0, 0.125));');
    assert.equal(apply('const w1 = tf.variable(tf.randomNormal([128, 64], 0, 0.1));', { kind: 'heNormalDraw', site: at(1) }), null);
  });
});

describe('fixes for written bugs of sets 30 and 31', () => {
  const at = (line: number) => site(line, 3);

  it('a branch applied to the wrong input: it takes the unused input declared by tf.input', () => {
    const src = ["const userInput = tf.input({ shape: [10], name: 'user' });", "const itemInput = tf.input({ shape: [10], name: 'item' });", "const u = tf.layers.dense({ units: 8 }).apply(userInput);", "const i = tf.layers.dense({ units: 8 }).apply(userInput);"].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'applyInput', site: at(4), input: at(2) })!, 4), 'const i = tf.layers.dense({ units: 8 }).apply(itemInput);');
    // Already taking it, or an input line that makes no tf.input: nothing to change.
    assert.equal(apply(src.replace(/apply\(userInput\);$/, 'apply(itemInput);'), { kind: 'applyInput', site: at(4), input: at(2) }), null);
    assert.equal(apply(src, { kind: 'applyInput', site: at(4), input: at(3) }), null);
  });

  it('a float label looked up in a list of numbers: found within rounding error, not trimmed', () => {
    const src = ['const QUALITIES = [0.1, 0.2, 0.3];', 'const labels = records.map((r) => QUALITIES.indexOf(r.quality));', "const ys = tf.oneHot(tf.tensor1d(labels, 'int32'), 3);"].join('\n');
    const oneHot = site(3, 12);
    assert.equal(lineOf(apply(src, { kind: 'nearLookup', site: oneHot })!, 2), 'const labels = records.map((r) => QUALITIES.findIndex((v) => Math.abs(v - r.quality) < 1e-9));');
    assert.equal(apply(src, { kind: 'trimLookup', site: oneHot }), null);
    // A list of names: trimmed, and never looked up as numbers.
    const names = src.replace('[0.1, 0.2, 0.3]', "['low', 'mid', 'high']");
    assert.equal(apply(names, { kind: 'nearLookup', site: oneHot }), null);
    assert.equal(lineOf(apply(names, { kind: 'trimLookup', site: oneHot })!, 2), 'const labels = records.map((r) => QUALITIES.indexOf(r.quality.trim().toLowerCase()));');
  });

  it('a sort comparator that returns a boolean: returns the difference, in the order the comparison meant', () => {
    assert.equal(apply('records.sort((a, b) => a.t > b.t);', { kind: 'comparatorDifference', site: at(1) }), 'records.sort((a, b) => a.t - b.t);');
    assert.equal(apply('rows.sort((x, y) => x.time <= y.time);', { kind: 'comparatorDifference', site: at(1) }), 'rows.sort((x, y) => y.time - x.time);');
    // Already a number, or more than one comparison: left alone.
    assert.equal(apply('rows.sort((a, b) => a.t - b.t);', { kind: 'comparatorDifference', site: at(1) }), null);
    assert.equal(apply('rows.sort((a, b) => (a.t > b.t ? 1 : -1));', { kind: 'comparatorDifference', site: at(1) }), null);
  });

  it('a warm-up written base × (1 − progress): made to rise', () => {
    assert.equal(apply('    optimizer.learningRate = BASE_LR * (1 - Math.min(step / WARMUP_STEPS, 1));', { kind: 'warmupRising', site: at(1) }), '    optimizer.learningRate = BASE_LR * Math.min(step / WARMUP_STEPS, 1);');
    assert.equal(apply('    optimizer.learningRate = BASE_LR * Math.min(step / WARMUP_STEPS, 1);', { kind: 'warmupRising', site: at(1) }), null);
  });

  it('a keep-the-best callback that keeps the weights when the loss rises: compared with <, from Infinity', () => {
    const src = ['let best = 0;', 'const cb = {', '  onEpochEnd: async (epoch, logs) => {', '    if (logs.val_loss > best) {', '      best = logs.val_loss;', '      kept = model.getWeights().map((w) => w.clone());', '    }', '  },', '};'].join('\n');
    const out = apply(src, { kind: 'keepLowerLoss', site: site(6, 14) })!;
    assert.deepEqual([lineOf(out, 1), lineOf(out, 4)], ['let best = Infinity;', '    if (logs.val_loss < best) {']);
    // A comparison of something else than a loss is not touched.
    assert.equal(apply(src.replace('logs.val_loss > best', 'logs.val_acc > best'), { kind: 'keepLowerLoss', site: site(6, 14) }), null);
  });

  it('a kernel filled with one draw: each value drawn; a constant fill is left alone', () => {
    const line = '  return tf.variable(tf.tensor2d(new Array(nIn * nOut).fill(rng.random() * 0.2 - 0.1), [nIn, nOut]));';
    assert.equal(apply(line, { kind: 'fillEach', site: at(1) }), '  return tf.variable(tf.tensor2d(Array.from({ length: nIn * nOut }, () => rng.random() * 0.2 - 0.1), [nIn, nOut]));');
    assert.equal(apply('  const b = tf.tensor1d(new Array(n).fill(0.1));', { kind: 'fillEach', site: at(1) }), null);
  });

  it('a hand-written adaptive step that divides by the mean squared gradient: by its square root', () => {
    const line = '        p.assign(p.sub(g.div(cache[i].add(EPSILON)).mul(LR)));';
    assert.equal(apply(line, { kind: 'sqrtOfDivisor', site: at(1) }), '        p.assign(p.sub(g.div(cache[i].sqrt().add(EPSILON)).mul(LR)));');
    assert.equal(apply('        p.assign(p.sub(g.div(cache[i].sqrt().add(EPSILON)).mul(LR)));', { kind: 'sqrtOfDivisor', site: at(1) }), null);
  });

  it('sums of fields with reduce and no initial value: started from 0; a sum of numbers with one already is left alone', () => {
    const src = ['const mean = rows.reduce((s, r) => s + r[col]) / rows.length;', 'const std = Math.sqrt(sq.reduce((a, b) => a + b) / rows.length);', 'const total = rows.reduce((s, r) => s + r.price, 0);'].join('\n');
    const out = apply(src, { kind: 'reduceFromZero', file: FILE })!;
    assert.deepEqual([lineOf(out, 1), lineOf(out, 2), lineOf(out, 3)], ['const mean = rows.reduce((s, r) => s + r[col], 0) / rows.length;', 'const std = Math.sqrt(sq.reduce((a, b) => a + b) / rows.length);', 'const total = rows.reduce((s, r) => s + r.price, 0);']);
  });

  it('a vocabulary built inside the loop over texts: declared once, at the top level', () => {
    const src = ['function encode(texts) {', '  const seqs = [];', '  for (const s of texts) {', '    const vocab = new Map();', '    const ids = s.split(" ").map((w) => (vocab.has(w) ? vocab.get(w) : (vocab.set(w, vocab.size + 1), vocab.size)));', '    seqs.push(ids);', '  }', '  return seqs;', '}'].join('\n');
    const out = apply(src, { kind: 'hoistVocabulary', file: FILE })!;
    assert.deepEqual(out.split('\n').slice(0, 5), ['const vocab = new Map();', 'function encode(texts) {', '  const seqs = [];', '  for (const s of texts) {', '    const ids = s.split(" ").map((w) => (vocab.has(w) ? vocab.get(w) : (vocab.set(w, vocab.size + 1), vocab.size)));']);
    // A map only written in the loop is scratch, not a vocabulary.
    assert.equal(apply(src.replace(/vocab\.(has|get|set)/g, 'other.$1'), { kind: 'hoistVocabulary', file: FILE }), null);
  });

  it('word counts sorted ascending before the top K are cut: sorted descending', () => {
    const line = '  const kept = Object.entries(counts).sort((a, b) => a[1] - b[1]).slice(0, MAX_VOCAB);';
    assert.equal(apply(line, { kind: 'sortCountsDescending', file: FILE }), '  const kept = Object.entries(counts).sort((a, b) => b[1] - a[1]).slice(0, MAX_VOCAB);');
    assert.equal(apply('  const kept = Object.entries(counts).sort((a, b) => b[1] - a[1]).slice(0, K);', { kind: 'sortCountsDescending', file: FILE }), null);
  });

  it('settings merged with the defaults spread last: the defaults spread first', () => {
    const src = ['const cfg = { ...userConfig, ...DEFAULTS };', 'await model.fit(x, y, { epochs: cfg.epochs, batchSize: cfg.batchSize });'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'spreadDefaultsFirst', fitSite: at(2), key: 'epochs' })!, 1), 'const cfg = { ...DEFAULTS, ...userConfig };');
    assert.equal(apply(src.replace('...userConfig, ...DEFAULTS', '...DEFAULTS, ...userConfig'), { kind: 'spreadDefaultsFirst', fitSite: at(2), key: 'epochs' }), null);
  });

  it('a helper of (mean, std) given to Array.from, which passes (value, index): called with no arguments', () => {
    const src = ['function gaussian(mean = 0, std = 0.05) {', '  return rng.normal(mean, std);', '}', 'const noise = Array.from({ length: N_FEATURES }, gaussian);'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'arrayFromCallback', file: FILE })!, 4), 'const noise = Array.from({ length: N_FEATURES }, () => gaussian());');
    // A one-parameter mapper uses the value as meant.
    assert.equal(apply(src.replace('mean = 0, std = 0.05', 'std = 0.05').replace('rng.normal(mean, std)', 'rng.normal(0, std)'), { kind: 'arrayFromCallback', file: FILE }), null);
  });

  it('one array a tf.data generator refills and yields for each example: declared inside its loop', () => {
    const src = ['const data = tf.data.generator(function* () {', '  const features = new Float32Array(4);', '  for (const i of order) {', '    for (let j = 0; j < 4; j++) features[j] = rows[i][j];', '    yield { xs: features, ys: labels[i] };', '  }', '});'].join('\n');
    const out = apply(src, { kind: 'declareRowInLoop', file: FILE })!;
    assert.deepEqual([lineOf(out, 2), lineOf(out, 3)], ['  for (const i of order) {', '    const features = new Float32Array(4);']);
    // Yielded as a copy already: nothing to change.
    assert.equal(apply(src.replace('xs: features,', 'xs: features.slice(),'), { kind: 'declareRowInLoop', file: FILE }), null);
  });
});

describe('fixes for older misses, twenty-first session', () => {
  it('a class drawn once per batch by a balanced sampler is drawn for each row', () => {
    const src = ['function balancedBatch(B) {', '  const idx = [];', '  const c = Math.floor(rng.random() * nClasses);', '  for (let k = 0; k < B; k++) idx.push(pick(byClass[c]));', '  return idx;', '}'].join('\n');
    assert.equal(
      apply(src, { kind: 'drawPerRow', file: FILE }),
      ['function balancedBatch(B) {', '  const idx = [];', '  for (let k = 0; k < B; k++) {', '    const c = Math.floor(rng.random() * nClasses);', '    idx.push(pick(byClass[c]));', '  }', '  return idx;', '}'].join('\n'),
    );
    const braced = src.replace('  for (let k = 0; k < B; k++) idx.push(pick(byClass[c]));', '  for (let k = 0; k < B; k++) {\n    idx.push(pick(byClass[c]));\n  }');
    assert.equal(lineOf(apply(braced, { kind: 'drawPerRow', file: FILE })!, 4), '    const c = Math.floor(rng.random() * nClasses);');
    // The draw is used after the loop (one class per batch on purpose), or a statement comes between: no fix.
    assert.equal(apply(src.replace('  return idx;', '  return { idx, c };'), { kind: 'drawPerRow', file: FILE }), null);
    assert.equal(apply(src.replace('  for (let k', '  idx.length = 0;\n  for (let k'), { kind: 'drawPerRow', file: FILE }), null);
  });
});

describe('a split on a separator the lines do not hold', () => {
  it('splits on the one they hold, written as the script writes literals', () => {
    assert.equal(apply("const splitRow = (line) => line.split(',');", { kind: 'splitSeparator', site: site(1, 32), from: ',', to: '\t' }), "const splitRow = (line) => line.split('\\t');");
    assert.equal(apply('const cells = line.split("\\t");', { kind: 'splitSeparator', site: site(1, 19), from: '\t', to: ';' }), 'const cells = line.split(";");');
    // Another separator there (the split was changed since), or a pattern: nothing to change.
    assert.equal(apply("const cells = line.split(';');", { kind: 'splitSeparator', site: site(1, 19), from: ',', to: '\t' }), null);
    assert.equal(apply('const cells = line.split(/,/);', { kind: 'splitSeparator', site: site(1, 19), from: ',', to: '\t' }), null);
  });
});

describe('fixes for written bugs of sets 32 and 33', () => {
  const at = (line: number) => site(line, 3);

  it('an epsilon that dwarfs the standard deviation becomes tiny, where it is declared', () => {
    const src = ['const EPSILON = 1;', 'function standardize(x, mean, std) {', '  return x.sub(mean).div(std.add(EPSILON));', '}'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'tinyEpsilon', site: at(3) })!, 1), 'const EPSILON = 1e-7;');
    assert.equal(apply('const z = x.sub(m).div(s.add(0.5));', { kind: 'tinyEpsilon', site: at(1) }), 'const z = x.sub(m).div(s.add(1e-7));');
    // Tiny already, or no epsilon in the divisor: nothing to change.
    assert.equal(apply(src.replace('= 1;', '= 1e-8;'), { kind: 'tinyEpsilon', site: at(3) }), null);
    assert.equal(apply('const z = x.sub(m).div(s);', { kind: 'tinyEpsilon', site: at(1) }), null);
  });

  it('soft targets made from raw logits are turned into probabilities', () => {
    const src = ["const tf = require('@tensorflow/tfjs');", 'const softTargets = teacher.predict(xUnlabelled).div(TEMPERATURE);'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'softmaxTargets', site: at(2) })!, 2), 'const softTargets = tf.softmax(teacher.predict(xUnlabelled).div(TEMPERATURE));');
    assert.equal(apply(src.replace('teacher.predict', 'tf.softmax(teacher.predict').replace(';', ');'), { kind: 'softmaxTargets', site: at(2) }), null);
  });

  it('a batch loop that runs one batch past the data ends before it', () => {
    const src = ['for (let epoch = 0; epoch <= EPOCHS; epoch++) {', '  for (let b = 0; b <= nBatches; b++) {', '    const cost = tf.tidy(() => {', '      return optimizer.minimize(() => loss(b), true);', '    });', '  }', '}'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'exclusiveBound', site: at(4) })!, 2), '  for (let b = 0; b < nBatches; b++) {');
    // The innermost loop is bounded exclusively already: the outer one is not touched.
    assert.equal(apply(src.replace('b <= nBatches', 'b < nBatches'), { kind: 'exclusiveBound', site: at(4) }), null);
  });

  it('a NaN guard tested the wrong way round loses its negation', () => {
    const src = ['for (let b = 0; b < n; b++) {', '  const lossValue = step(b);', '  if (!Number.isNaN(lossValue)) {', '    stopTraining = true;', '    break;', '  }', '}'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'nanGuardNegation', file: FILE })!, 3), '  if (Number.isNaN(lossValue)) {');
    // A guard that only logs, and stops nothing: left alone.
    assert.equal(apply(src.replace('    stopTraining = true;\n    break;\n', "    console.log('ok');\n"), { kind: 'nanGuardNegation', file: FILE }), null);
  });

  it('a constant that Math.floor makes 0 and that divides is kept at 1 or more', () => {
    const src = ['const SIZE = 12;', 'const sigma = Math.floor(SIZE / 16);', 'const g = (d2) => Math.exp(-d2 / (2 * sigma * sigma));'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'floorAtLeastOne', file: FILE })!, 2), 'const sigma = Math.max(1, Math.floor(SIZE / 16));');
    // Not 0 for these sizes, or dividing nothing: left alone.
    assert.equal(apply(src.replace('= 12;', '= 64;'), { kind: 'floorAtLeastOne', file: FILE }), null);
    assert.equal(apply(src.replace('-d2 / (2 * sigma * sigma)', '-d2 * sigma'), { kind: 'floorAtLeastOne', file: FILE }), null);
  });

  it('the one log without a floor gets one, so a 0 gives a finite value', () => {
    const src = ['const frame = bins.map((power) => Math.log(power));', 'const gain = Math.log(1 + ratio);'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'logFloor', file: FILE })!, 1), 'const frame = bins.map((power) => Math.log(power + 1e-10));');
    // Two logs without a floor: which one made the -Infinity is not known.
    assert.equal(apply(src + '\nconst y = Math.log(count);', { kind: 'logFloor', file: FILE }), null);
  });

  it('a standardization with statistics of other data takes the moments of what it standardizes', () => {
    const src = ['const rawStats = tf.moments(xRaw, 0);', 'const xUnit = xRaw.sub(lo).div(range);', 'const { mean, variance } = rawStats;', 'const xTrain = xUnit.sub(mean).div(variance.sqrt());'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'ownMoments', site: site(4, 16) })!, 3), 'const { mean, variance } = tf.moments(xUnit, 0);');
    // The statistics are the data's own already: nothing to change.
    assert.equal(apply(src.replace('= rawStats;', '= xStats;').replace('xUnit.sub', 'xStats.sub'), { kind: 'ownMoments', site: site(4, 16) }), null);
  });

  it('a wait counter that only counts up is set back to 0 when the value improves', () => {
    const src = ['let wait = 0;', 'const cb = {', '  onEpochEnd: async (epoch, logs) => {', '    if (logs.val_loss < best) {', '      best = logs.val_loss;', '    } else {', '      wait += 1;', '    }', '    if (wait >= PATIENCE) model.stopTraining = true;', '  },', '};'].join('\n');
    const fixed = apply(src, { kind: 'resetWaitCounter', site: site(9, 27) })!;
    assert.equal(lineOf(fixed, 6), '      wait = 0;');
    // Reset already: nothing to change.
    assert.equal(apply(fixed, { kind: 'resetWaitCounter', site: site(10, 27) }), null);
  });

  it("an epoch callback written (logs, epoch) takes tfjs's order", () => {
    const src = ['const decay = {', '  onEpochBegin: async (logs, epoch) => {', '    optimizer.setLearningRate(0.1 * Math.pow(0.5, Math.floor(epoch / 10)));', '  },', '};'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'callbackParamsOrder', site: site(3, 15) })!, 2), '  onEpochBegin: async (epoch, logs) => {');
    // In tfjs's order already: nothing to change.
    assert.equal(apply(src.replace('(logs, epoch)', '(epoch, logs)'), { kind: 'callbackParamsOrder', site: site(3, 15) }), null);
  });

  it('a polynomial decay with the rate as the base of the power multiplies the rate instead', () => {
    const src = ['const BASE_LR = 1e-3;', 'const POWER = 0.9;', 'opt.setLearningRate(Math.pow(BASE_LR, 1 - epoch / EPOCHS));'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'rateAsFactor', site: site(3, 5) })!, 3), 'opt.setLearningRate(BASE_LR * Math.pow(1 - epoch / EPOCHS, POWER));');
    // A base that is no rate (a decay factor of 2 raised to a count): left alone.
    assert.equal(apply('opt.setLearningRate(Math.pow(2, 1 - epoch));', { kind: 'rateAsFactor', site: site(1, 5) }), null);
  });

  it('an apply guarded by a remainder compared with its divisor runs every N steps', () => {
    const src = ['for (let step = 0; step < n; step++) {', '  if (step % ACCUM === ACCUM) {', '    optimizer.applyGradients(avg);', '  }', '}'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'applyCondition', file: FILE })!, 2), '  if ((step + 1) % ACCUM === 0) {');
    // A condition that can be true: left alone.
    assert.equal(apply(src.replace('=== ACCUM)', '=== 0)'), { kind: 'applyCondition', file: FILE }), null);
  });

  it('percentiles declared in percent and used as fractions of a length become fractions', () => {
    const src = ['const P_LOW = 1;', 'const P_HIGH = 99;', 'const lo = sorted[Math.floor(P_LOW * (n - 1))];', 'const hi = sorted[Math.floor(P_HIGH * (n - 1))];'].join('\n');
    const fixed = apply(src, { kind: 'percentileFraction', file: FILE })!;
    assert.equal(lineOf(fixed, 1), 'const P_LOW = 0.01;');
    assert.equal(lineOf(fixed, 2), 'const P_HIGH = 0.99;');
    // Fractions already: nothing to change.
    assert.equal(apply(fixed, { kind: 'percentileFraction', file: FILE }), null);
  });

  it('values rounded with toFixed into the data arrays stay numbers', () => {
    const src = ['const features = cells.map((cell) => parseFloat(cell).toFixed(3));', "console.log(`loss ${loss.toFixed(3)}`);"].join('\n');
    const fixed = apply(src, { kind: 'numberFromToFixed', file: FILE })!;
    assert.equal(lineOf(fixed, 1), 'const features = cells.map((cell) => Number(parseFloat(cell).toFixed(3)));');
    assert.equal(lineOf(fixed, 2), "console.log(`loss ${loss.toFixed(3)}`);");
    assert.equal(apply(fixed, { kind: 'numberFromToFixed', file: FILE }), null);
  });

  it("a model's weights copied onto itself are copied from its twin instead", () => {
    const src = ['const onlineNet = buildQNet();', 'const targetNet = buildQNet();', 'if (t % 100 === 0) targetNet.setWeights(targetNet.getWeights());'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'copyFromTwin', site: site(3, 20) })!, 3), 'if (t % 100 === 0) targetNet.setWeights(onlineNet.getWeights());');
    // Two other models built the same way: which one was meant is not known.
    assert.equal(apply('const criticNet = buildQNet();\n' + src, { kind: 'copyFromTwin', site: site(4, 20) }), null);
  });

  it('a tf.where mask over the logits is dropped, keeping the logits', () => {
    const src = '    const logits = tf.where(selfPairs, masked, sims);';
    assert.equal(apply(src, { kind: 'dropWhereMask', site: site(1, 20) }), '    const logits = sims;');
    assert.equal(apply('const logits = sims;', { kind: 'dropWhereMask', site: site(1, 1) }), null);
  });

  it('a value declared from logits is passed through the softmax', () => {
    assert.equal(apply('  const studentProbs = studentLogits.div(T);', { kind: 'softmaxAt', site: site(1, 3) }), '  const studentProbs = tf.softmax(studentLogits.div(T));');
    assert.equal(apply('  const p = tf.softmax(z);', { kind: 'softmaxAt', site: site(1, 3) }), null);
  });

  it('heads split by a plain reshape are split with the transpose', () => {
    assert.equal(apply('    return x.reshape([b, NUM_HEADS, SEQ_LEN, HEAD_DIM]);', { kind: 'splitHeadsTranspose', site: site(1, 14) }), '    return x.reshape([b, SEQ_LEN, NUM_HEADS, HEAD_DIM]).transpose([0, 2, 1, 3]);');
    assert.equal(apply('const q = tf.reshape(x, [b, H, T, d]);', { kind: 'splitHeadsTranspose', site: site(1, 11) }), 'const q = tf.reshape(x, [b, T, H, d]).transpose([0, 2, 1, 3]);');
    assert.equal(apply('const q = x.reshape([b, -1]);', { kind: 'splitHeadsTranspose', site: site(1, 11) }), null);
  });

  it('a best loss that starts at 0 starts at Infinity', () => {
    const src = ['let bestValLoss = 0;', 'let bestEpoch = -1;', 'if (logs.val_loss < bestValLoss) {', '  bestValLoss = logs.val_loss;', '}'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'bestFromInfinity', file: FILE })!, 1), 'let bestValLoss = Infinity;');
    // A best accuracy starting at 0 is right: it is beaten upwards.
    assert.equal(apply(src.replace('logs.val_loss < bestValLoss', 'logs.val_acc > bestValLoss').replace('= logs.val_loss', '= logs.val_acc'), { kind: 'bestFromInfinity', file: FILE }), null);
  });

  it('an early stop run at every batch runs at epoch end, on the validation loss', () => {
    const src = ['const cb = {', '  onBatchEnd: async (step, logs) => {', '    if (logs.loss < best) { best = logs.loss; bad = 0; } else if (++bad >= 5) {', '      model.stopTraining = true;', '    }', '  },', '};', 'await model.fit(x, y, { validationSplit: 0.2, callbacks: [cb] });'].join('\n');
    const fixed = apply(src, { kind: 'stopCheckPerEpoch', site: site(4, 7) })!;
    assert.equal(lineOf(fixed, 2), '  onEpochEnd: async (epoch, logs) => {');
    assert.equal(lineOf(fixed, 3), '    if (logs.val_loss < best) { best = logs.val_loss; bad = 0; } else if (++bad >= 5) {');
    // A time budget checked at every batch is another matter.
    assert.equal(apply(src.replace('logs.loss < best', 'Date.now() - start > BUDGET'), { kind: 'stopCheckPerEpoch', site: site(4, 7) }), null);
  });

  it("a column mask set by name is set by each column's position", () => {
    const src = ['const mask = new Array(COLUMNS.length).fill(0);', 'for (const name of SELECTED) mask[name] = 1;'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'maskByIndex', file: FILE })!, 2), 'for (const name of SELECTED) mask[COLUMNS.indexOf(name)] = 1;');
    assert.equal(apply(src.replace('mask[name]', 'mask[i]'), { kind: 'maskByIndex', file: FILE }), null);
  });

  it('a rate floor declared above the starting rate is set below it', () => {
    const src = ['const MIN_LR = 1e-1;', 'const cb = {', '  onEpochEnd: async (epoch, logs) => {', '    lr = Math.max(lr * FACTOR, MIN_LR);', '    optimizer.setLearningRate(lr);', '  },', '};'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'floorBelowRate', site: site(5, 5), rate: 0.01 })!, 1), 'const MIN_LR = 1e-5;');
    // A floor below the starting rate is no cause.
    assert.equal(apply(src.replace('1e-1', '1e-6'), { kind: 'floorBelowRate', site: site(5, 5), rate: 0.01 }), null);
  });

  it('rows built from lagged values start at the first step with a full history', () => {
    const src = ['for (let t = 0; t < series.length; t++) {', '  xs.push([...LAGS.map((lag) => series[t - lag]), promo[t]]);', '}'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'historyStart', file: FILE })!, 1), 'for (let t = Math.max(...LAGS); t < series.length; t++) {');
    const literal = ['for (let t = 0; t < series.length; t++) {', '  xs.push([series[t - 1], series[t - 7]]);', '}'].join('\n');
    assert.equal(lineOf(apply(literal, { kind: 'historyStart', file: FILE })!, 1), 'for (let t = 7; t < series.length; t++) {');
    assert.equal(apply(literal.replace(/t - \d/g, 't'), { kind: 'historyStart', file: FILE }), null);
  });

  it('a column scale summed over the rows becomes the column maximum', () => {
    const src = ['for (const row of rows) for (let j = 0; j < F; j++) scale[j] += row[j];', 'const scaled = rows.map((row) => row.map((v, j) => v / scale[j]));'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'scaleByMax', file: FILE })!, 1), 'for (const row of rows) for (let j = 0; j < F; j++) scale[j] = Math.max(scale[j], row[j]);');
    // Sums taken for a mean, not divided by: left alone.
    assert.equal(apply(src.replace('v / scale[j]', 'v - scale[j] / n'), { kind: 'scaleByMax', file: FILE }), null);
  });

  it("a focal loss's modulator raised on p is raised on 1 - p", () => {
    const src = ['const modulator = tf.pow(pTrue, GAMMA);', 'return tf.mean(tf.mul(modulator, tf.neg(tf.log(pTrue))));'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'focalModulator', file: FILE })!, 1), 'const modulator = tf.pow(tf.sub(1, pTrue), GAMMA);');
    assert.equal(apply(src.replace('tf.pow(pTrue', 'tf.pow(tf.sub(1, pTrue)'), { kind: 'focalModulator', file: FILE }), null);
  });

  it('column means taken over missing cells skip them', () => {
    const src = ['function columnMeans(rows) {', '  return rows[0].map((_, j) => {', '    const col = rows.map((r) => r[j]);', '    return col.reduce((a, b) => a + b, 0) / col.length;', '  });', '}', 'const fill = (rows, means) => rows.map((r) => r.map((v, j) => (Number.isNaN(v) ? means[j] : v)));'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'meanSkipsNaN', file: FILE })!, 3), '    const col = rows.map((r) => r[j]).filter((v) => !Number.isNaN(v));');
    // No NaN handled anywhere: nothing says cells are missing.
    assert.equal(apply(src.split('\n').slice(0, 6).join('\n'), { kind: 'meanSkipsNaN', file: FILE }), null);
  });

  it('an embedding moved in front of the dropout that altered its ids takes the input shape with it', () => {
    const src = ['const model = tf.sequential();', 'model.add(tf.layers.dropout({ rate: 0.3, inputShape: [20] }));', 'model.add(tf.layers.embedding({ inputDim: 64, outputDim: 16 }));', 'model.add(tf.layers.flatten());'].join('\n');
    const layer = (index: number, className: string, line: number) => ({ index, name: `${className}${index}`, className, activation: null, units: null, inputShape: null, outputShape: null, params: 0, trainable: true, inbound: [], weights: [], config: {}, site: site(line, 11) });
    assert.equal(
      apply(src, { kind: 'moveLayerBefore', layer: layer(1, 'Embedding', 3), before: layer(0, 'Dropout', 2) }),
      ['const model = tf.sequential();', 'model.add(tf.layers.embedding({ inputShape: [20], inputDim: 64, outputDim: 16 }));', 'model.add(tf.layers.dropout({ rate: 0.3 }));', 'model.add(tf.layers.flatten());'].join('\n'),
    );
  });

  it('a string hash that outgrows exact integers is kept in 32 bits', () => {
    const src = ['function bucketOf(path) {', '  let h = 0;', '  for (const ch of path) h = h * 31 + ch.charCodeAt(0);', '  return h % BUCKETS;', '}'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'hashInt32', file: FILE })!, 3), '  for (const ch of path) h = (h * 31 + ch.charCodeAt(0)) >>> 0;');
    assert.equal(lineOf(apply('for (let i = 0; i < s.length; i++) hash = (hash << 5) - hash + s.charCodeAt(i);', { kind: 'hashInt32', file: FILE })!, 1), 'for (let i = 0; i < s.length; i++) hash = ((hash << 5) - hash + s.charCodeAt(i)) >>> 0;');
    // Wrapped already: nothing to change.
    assert.equal(apply(src.replace('h * 31 + ch.charCodeAt(0);', '(h * 31 + ch.charCodeAt(0)) | 0;'), { kind: 'hashInt32', file: FILE }), null);
  });

  it('noise added in place to rows of a shallow copy: each row is copied', () => {
    const src = ['function jitter(rows) {', '  const out = [...rows];', '  for (const row of out) {', '    for (let j = 0; j < row.length; j++) row[j] += rng.normal(0, NOISE);', '  }', '  return out;', '}'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'copyRows', file: FILE })!, 2), '  const out = rows.map((row) => [...row]);');
    // Rows replaced rather than written into: the shallow copy is enough.
    assert.equal(apply(src.replace('row[j] += rng.normal(0, NOISE);', 'total += row[j];'), { kind: 'copyRows', file: FILE }), null);
  });

  it('a mask pushed plain beside its conditionally mirrored image gets the same mirror', () => {
    const src = ['for (let i = 0; i < n; i++) {', '  const flip = rng.random() < 0.5;', '  images.push(...(flip ? flipHorizontal(train.images[i]) : train.images[i]));', '  masks.push(...train.masks[i]);', '}'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'maskLikeImage', file: FILE })!, 4), '  masks.push(...(flip ? flipHorizontal(train.masks[i]) : train.masks[i]));');
    // Mirrored already, or a transform applied whatever the draw: nothing to change.
    assert.equal(apply(src.replace('masks.push(...train.masks[i]);', 'masks.push(...(flip ? flipHorizontal(train.masks[i]) : train.masks[i]));'), { kind: 'maskLikeImage', file: FILE }), null);
  });

  it('a fresh one-hot row written per tag becomes one row with each tag set', () => {
    const src = ['trainPhotos.forEach((p, i) => {', '  for (const t of p.tags) y[i] = TAGS.map((x) => (x === t ? 1 : 0));', '});'].join('\n');
    assert.equal(apply(src, { kind: 'tagRowOnce', file: FILE }), ['trainPhotos.forEach((p, i) => {', '  y[i] = TAGS.map(() => 0);', '  for (const t of p.tags) y[i][TAGS.indexOf(t)] = 1;', '});'].join('\n'));
    // A row per example (no loop over its tags): nothing to change.
    assert.equal(apply('rows.forEach((r, i) => { y[i] = TAGS.map((x) => (x === r.tag ? 1 : 0)); });', { kind: 'tagRowOnce', file: FILE }), null);
  });

  it('a division by 255 of values that are not pixels goes', () => {
    assert.equal(apply('const xTrain = tf.tensor2d(train.rows).div(255);', { kind: 'dropDivide255', site: at(1) }), 'const xTrain = tf.tensor2d(train.rows);');
    assert.equal(apply('const v = raw[i] / 255;', { kind: 'dropDivide255', site: at(1) }), 'const v = raw[i];');
    assert.equal(apply('const x = t.div(max);', { kind: 'dropDivide255', site: at(1) }), null);
  });

  it('numbers written with a comma: the separators go before the parse, or the comma becomes a point', () => {
    const plan = (thousands: boolean) => ({ kind: 'parseWithComma' as const, site: at(1), fn: 'parseFloat' as const, thousands });
    assert.equal(apply('const values = fields.map((field) => parseFloat(field));', plan(true)), "const values = fields.map((field) => parseFloat(field.replace(/,/g, '')));");
    assert.equal(apply("rows.map((line) => line.split(';').map((s) => parseFloat(s)));", plan(false)), "rows.map((line) => line.split(';').map((s) => parseFloat(s.replace(',', '.'))));");
    // Passed by reference to map: an arrow cleans each text first.
    assert.equal(apply("const row = line.split(';').map(parseFloat);", plan(false)), "const row = line.split(';').map((s) => parseFloat(s.replace(',', '.')));");
    // Cleaned already: nothing to change.
    assert.equal(apply("const v = parseFloat(f.replace(/,/g, ''));", plan(true)), null);
  });

  it('a hand-written update that divides by the learning rate multiplies by it', () => {
    assert.equal(apply('w.assign(w.sub(grads[w.name].div(LR)));', { kind: 'rateMultiplies', site: at(1) }), 'w.assign(w.sub(grads[w.name].mul(LR)));');
    assert.equal(apply('p.assign(p.sub(g.div(this.learningRate)));', { kind: 'rateMultiplies', site: at(1) }), 'p.assign(p.sub(g.mul(this.learningRate)));');
    // A divisor that is no rate (an accumulator), or none: left alone.
    assert.equal(apply('w.assign(w.sub(g.div(v.add(EPS)).mul(LR)));', { kind: 'rateMultiplies', site: at(1) }), null);
    assert.equal(apply('w.assign(w.sub(g.div(count)));', { kind: 'rateMultiplies', site: at(1) }), null);
  });
});

describe('labelFromLastEntry', () => {
  const src = [
    'function toSessions(rows) {',
    '  const sessions = [];',
    '  for (const events of groupBySession(rows)) sessions.push({',
    '    id: events[0].sessionId,',
    '    label: events[0].purchased,',
    '  });',
    '  return sessions;',
    '}',
    'const train = toSessions(rows);',
    'const yTrain = tf.tensor2d(train.map((s) => [s.label]), [n, 1]);',
  ].join('\n');
  it("reads a session's label from its last event, not the id from the line above", () => {
    const fixed = apply(src, { kind: 'labelFromLastEntry', site: site(10, 16) })!;
    assert.equal(lineOf(fixed, 5), '    label: events[events.length - 1].purchased,');
    assert.equal(lineOf(fixed, 4), '    id: events[0].sessionId,');
  });
  it('changes nothing when the label is not read from the first entry of a list', () => {
    assert.equal(apply(src.replace('events[0].purchased', 'events.some((e) => e.purchased)'), { kind: 'labelFromLastEntry', site: site(10, 16) }), null);
  });
});

describe('regexTakesSign', () => {
  const src = [
    'function parseLine(line) {',
    '  const [ax, ay, az] = line.match(/\\d+(\\.\\d+)?/g).map(Number);',
    '  return [ax, ay, az];',
    '}',
  ].join('\n');
  it('lets the number pattern on the line take a minus sign', () => {
    assert.equal(lineOf(apply(src, { kind: 'regexTakesSign', site: site(2, 30) })!, 2), '  const [ax, ay, az] = line.match(/-?\\d+(\\.\\d+)?/g).map(Number);');
  });
  it('leaves a line with two number patterns alone: which one reads the data is not known', () => {
    const two = src.replace('line.match(/\\d+(\\.\\d+)?/g)', 'line.replace(/\\d+:/g, "").match(/\\d+(\\.\\d+)?/g)');
    assert.equal(apply(two, { kind: 'regexTakesSign', site: site(2, 30) }), null);
  });
});

describe('splitOnNonWords', () => {
  const src = ['const tokenize = (text) => text.toLowerCase().split(/\\w+/).filter((t) => t.length > 0);', 'const words = (s) => s.split(/[a-z]+/);'].join('\n');
  it('splits on what is not a word, for \\w and for a letter class', () => {
    assert.equal(lineOf(apply(src, { kind: 'splitOnNonWords', site: site(1, 40) })!, 1), 'const tokenize = (text) => text.toLowerCase().split(/\\W+/).filter((t) => t.length > 0);');
    assert.equal(lineOf(apply(src, { kind: 'splitOnNonWords', site: site(2, 25) })!, 2), 'const words = (s) => s.split(/[^a-z]+/);');
  });
});

describe('stableLogCosh', () => {
  const src = ['function logCosh(yTrue, yPred) {', '  const err = yPred.sub(yTrue);', '  return tf.log(tf.cosh(err)).mean();', '}', 'function other(a, b) {', '  return tf.log(tf.cosh(a.sub(b))).mean();', '}'].join('\n');
  it('writes log(cosh(e)) as |e| + softplus(-2e) - log 2, which cannot overflow', () => {
    const one = src.split('\n').slice(0, 4).join('\n');
    assert.equal(lineOf(apply(one, { kind: 'stableLogCosh', file: FILE })!, 3), '  return err.abs().add(tf.softplus(err.mul(-2))).sub(Math.log(2)).mean();');
    const expr = src.split('\n').slice(4).join('\n');
    assert.equal(lineOf(apply(expr, { kind: 'stableLogCosh', file: FILE })!, 2), '  return tf.abs(a.sub(b)).add(tf.softplus(tf.mul(a.sub(b), -2))).sub(Math.log(2)).mean();');
  });
  it('leaves two log-cosh losses alone: which one overflowed is not known', () => {
    assert.equal(apply(src, { kind: 'stableLogCosh', file: FILE }), null);
  });
});

describe('mapKeyAsNumber', () => {
  const src = [
    'const CONFIG = { labelIndex: new Map([[4, 0], [6, 1], [8, 2]]), epochs: 25 };',
    'function encode(rows) {',
    '  const labels = rows.map((row) => CONFIG.labelIndex.get(row.cylinders));',
    '  return { labels };',
    '}',
    'const train = encode(rows);',
    'const y = tf.oneHot(tf.tensor1d(train.labels, "int32"), 3);',
  ].join('\n');
  it('looks a text field up as a number in a Map whose keys are numbers', () => {
    assert.equal(lineOf(apply(src, { kind: 'mapKeyAsNumber', site: site(7, 14) })!, 3), '  const labels = rows.map((row) => CONFIG.labelIndex.get(Number(row.cylinders)));');
  });
  it('leaves a Map keyed by text, or a key already made a number, alone', () => {
    assert.equal(apply(src.replace('[[4, 0], [6, 1], [8, 2]]', "[['4', 0], ['6', 1], ['8', 2]]"), { kind: 'mapKeyAsNumber', site: site(7, 14) }), null);
    assert.equal(apply(src.replace('get(row.cylinders)', 'get(Number(row.cylinders))'), { kind: 'mapKeyAsNumber', site: site(7, 14) }), null);
  });
});

describe('labelFromOtherField', () => {
  const src = [
    "const labelOf = (fileName) => fileName.split('_')[0];",
    'const toLabels = (files) => files.map((f) => classIndex.get(labelOf(f.name)));',
    "const y = tf.oneHot(tf.tensor1d(toLabels(trainFiles), 'int32'), 600);",
  ].join('\n');
  it("reads the label from a name's next field, in the helper the labels' writer calls", () => {
    assert.equal(lineOf(apply(src, { kind: 'labelFromOtherField', site: site(3, 11) })!, 1), "const labelOf = (fileName) => fileName.split('_')[1];");
  });
  it('leaves labels not split from a name alone', () => {
    assert.equal(apply(src.replace("fileName.split('_')[0]", 'fileName.slice(0, 4)'), { kind: 'labelFromOtherField', site: site(3, 11) }), null);
  });
});

describe('percentAsFraction', () => {
  const src = ['const FLIP_RATE = 10;', 'const EPOCHS = 30;', 'function noisy(label) {', '  return rng.random() < FLIP_RATE ? 1 - label : label;', '}'].join('\n');
  it('writes a probability compared with a draw in [0, 1) as a fraction, and leaves other constants alone', () => {
    const fixed = apply(src, { kind: 'percentAsFraction', file: FILE })!;
    assert.equal(lineOf(fixed, 1), 'const FLIP_RATE = 0.1;');
    assert.equal(lineOf(fixed, 2), 'const EPOCHS = 30;');
  });
  it('leaves a fraction, or a name no draw is compared with, alone', () => {
    assert.equal(apply(src.replace('= 10;', '= 0.1;'), { kind: 'percentAsFraction', file: FILE }), null);
    assert.equal(apply(src.replace('rng.random() < FLIP_RATE', 'epoch < FLIP_RATE'), { kind: 'percentAsFraction', file: FILE }), null);
  });
});

describe('declareInLoop', () => {
  const src = [
    'async function trainAll() {',
    '  const optimizer = tf.train.adam(LEARNING_RATE);',
    '  for (let k = 0; k < N_MEMBERS; k++) {',
    '    const model = buildModel();',
    "    model.compile({ optimizer, loss: 'meanSquaredError' });",
    '  }',
    '}',
  ].join('\n');
  it('moves the optimizer into the loop that builds the models, one for each', () => {
    const fixed = apply(src, { kind: 'declareInLoop', site: site(2, 21) })!;
    assert.equal(fixed.split('\n').slice(1, 4).join('\n'), ['  for (let k = 0; k < N_MEMBERS; k++) {', '    const optimizer = tf.train.adam(LEARNING_RATE);', '    const model = buildModel();'].join('\n'));
  });
  it('leaves it where it is when the code after the loop uses it too', () => {
    assert.equal(apply(src.replace('  }\n}', '  }\n  optimizer.dispose();\n}'), { kind: 'declareInLoop', site: site(2, 21) }), null);
  });
});

describe('clampTableIndex', () => {
  const src = ['const LR_TABLE = [0.01, 0.005, 0.002];', 'const cb = {', '  onEpochBegin: async (epoch) => {', '    optimizer.learningRate = LR_TABLE[epoch];', '  },', '};'].join('\n');
  it('holds the last rate of a table written for fewer epochs than the run has', () => {
    assert.equal(apply(src, { kind: 'clampTableIndex', site: site(4, 5) })!.split('\n')[3], '    optimizer.learningRate = LR_TABLE[Math.min(epoch, LR_TABLE.length - 1)];');
  });
  it('leaves a rate read from something other than an array literal alone', () => {
    assert.equal(apply(src.replace('[0.01, 0.005, 0.002]', 'loadSchedule()'), { kind: 'clampTableIndex', site: site(4, 5) }), null);
  });
});

describe('invertScale', () => {
  const src = ['function clip(grads) {', '  const scale = globalNorm / CLIP_NORM;', '  for (const name of names) clipped[name] = grads[name].mul(scale);', '}'].join('\n');
  it('turns over the quotient a clip scales its gradients by', () => {
    assert.equal(apply(src, { kind: 'invertScale', site: site(3, 45) })!.split('\n')[1], '  const scale = CLIP_NORM / globalNorm;');
  });
  it('leaves a scale that is no quotient of two names alone', () => {
    assert.equal(apply(src.replace('globalNorm / CLIP_NORM', 'Math.min(1, CLIP_NORM / globalNorm)'), { kind: 'invertScale', site: site(3, 45) }), null);
  });
});

describe('roundNotTruncate', () => {
  it('rounds a score against 0.5 where | 0 truncated it', () => {
    const src = 'const y = tf.tensor2d(rows.map((c) => [c.toxicity | 0]));';
    assert.equal(apply(src, { kind: 'roundNotTruncate', site: site(1, 11) }), 'const y = tf.tensor2d(rows.map((c) => [(c.toxicity >= 0.5 ? 1 : 0)]));');
  });
  it('leaves a line with no truncation alone', () => {
    assert.equal(apply('const y = tf.tensor2d(rows.map((c) => [c.toxicity > 0.5 ? 1 : 0]));', { kind: 'roundNotTruncate', site: site(1, 11) }), null);
  });
});

describe('dateFromSeconds', () => {
  it('reads the Unix time as seconds where the date read on the line is declared', () => {
    const src = ['rows.map((row) => {', '  const when = new Date(row.ts);', '  dow[when.getUTCDay()] = 1;', '});'].join('\n');
    assert.equal(apply(src, { kind: 'dateFromSeconds', site: site(3, 7) })!.split('\n')[1], '  const when = new Date(row.ts * 1000);');
  });
  it('reads it as seconds in a date made on the line itself', () => {
    assert.equal(apply('const hour = new Date(ts + offset).getHours();', { kind: 'dateFromSeconds', site: site(1, 14) }), 'const hour = new Date((ts + offset) * 1000).getHours();');
  });
  it('leaves a date already made from milliseconds alone', () => {
    assert.equal(apply('const hour = new Date(ts * 1000).getHours();', { kind: 'dateFromSeconds', site: site(1, 14) }), null);
  });
});

describe('parseHex', () => {
  it('gives parseInt the radix of hexadecimal ids', () => {
    assert.equal(apply('const key = (id) => parseInt(id) || 0;', { kind: 'parseHex', site: site(1, 21) }), 'const key = (id) => parseInt(id, 16) || 0;');
  });
  it('leaves a parseInt that has a radix alone', () => {
    assert.equal(apply('const key = (id) => parseInt(id, 10) || 0;', { kind: 'parseHex', site: site(1, 21) }), null);
  });
});

describe('sumLastAxis', () => {
  it('sums the scores over the last axis only', () => {
    assert.equal(apply('const logits = tf.sum(tf.mul(u, v));', { kind: 'sumLastAxis', site: site(1, 16) }), 'const logits = tf.sum(tf.mul(u, v), -1);');
    assert.equal(apply('const logits = u.mul(v).sum();', { kind: 'sumLastAxis', site: site(1, 16) }), 'const logits = u.mul(v).sum(-1);');
  });
  it('leaves a sum with an axis alone', () => {
    assert.equal(apply('const logits = tf.sum(tf.mul(u, v), 1);', { kind: 'sumLastAxis', site: site(1, 16) }), null);
  });
});

describe('deviationFromMean', () => {
  const src = ['const mean = values.reduce((s, v) => s + v, 0) / values.length;', 'const std = Math.sqrt(values.reduce((s, v) => s + v * v, 0) / values.length);'].join('\n');
  it('takes the mean off inside a deviation computed as a root mean square', () => {
    assert.equal(apply(src, { kind: 'deviationFromMean', file: FILE })!.split('\n')[1], 'const std = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);');
  });
  it('leaves a deviation with no mean beside it alone', () => {
    assert.equal(apply(src.split('\n')[1]!, { kind: 'deviationFromMean', file: FILE }), null);
  });
});

describe('reuseConfiguredLayer', () => {
  it('uses the trained layer where a copy was made from its settings', () => {
    assert.equal(apply('    const frozen = tf.layers.dense(layer.getConfig());', { kind: 'reuseConfiguredLayer', site: site(1, 20) }), '    const frozen = layer;');
  });
  it('leaves a layer made from written settings alone', () => {
    assert.equal(apply("    const frozen = tf.layers.dense({ units: 8 });", { kind: 'reuseConfiguredLayer', site: site(1, 20) }), null);
  });
});

describe('hingeMargin', () => {
  it('clips each row of a margin loss written without its hinge at 0', () => {
    const src = 'const tripletLoss = (ea, ep, en) => sqDist(ea, ep).sub(sqDist(ea, en)).add(MARGIN).mean();';
    assert.equal(apply(src, { kind: 'hingeMargin', site: site(1, 37) }), 'const tripletLoss = (ea, ep, en) => tf.relu(sqDist(ea, ep).sub(sqDist(ea, en)).add(MARGIN)).mean();');
  });
  it('leaves a margin loss that has its hinge alone', () => {
    const src = 'const tripletLoss = (ea, ep, en) => tf.relu(sqDist(ea, ep).sub(sqDist(ea, en)).add(MARGIN)).mean();';
    assert.equal(apply(src, { kind: 'hingeMargin', site: site(1, 37) }), null);
  });
});

describe('declareInFunction', () => {
  const src = [
    "const trunk = tf.layers.dense({ units: 32, activation: 'relu' });",
    '',
    'function buildMember(index) {',
    '  const input = tf.input({ shape: [8] });',
    '  const features = trunk.apply(input);',
    '  const out = tf.layers.dense({ units: 1 }).apply(features);',
    '  return tf.model({ inputs: input, outputs: out });',
    '}',
    'const members = [1, 2, 3].map((i) => buildMember(i));',
  ].join('\n');
  it('moves a layer made once into the function that builds each member', () => {
    const fixed = apply(src, { kind: 'declareInFunction', site: site(1, 15) })!;
    assert.deepEqual(fixed.split('\n').slice(0, 4), ['', 'function buildMember(index) {', "  const trunk = tf.layers.dense({ units: 32, activation: 'relu' });", '  const input = tf.input({ shape: [8] });']);
  });
  it('leaves it where it is when code outside that function uses it too', () => {
    assert.equal(apply(`${src}\nconsole.log(trunk.countParams());`, { kind: 'declareInFunction', site: site(1, 15) }), null);
  });
});

describe('swapSplitNames', () => {
  const src = ['const nTrain = Math.floor(N * 0.8);', 'const test = rows.slice(0, nTrain);', 'const train = rows.slice(nTrain);'].join('\n');
  it('swaps the names of a split cut the wrong way round', () => {
    assert.equal(apply(src, { kind: 'swapSplitNames', file: FILE }), ['const nTrain = Math.floor(N * 0.8);', 'const train = rows.slice(0, nTrain);', 'const test = rows.slice(nTrain);'].join('\n'));
  });
  it('leaves a split named the right way round alone', () => {
    assert.equal(apply(src.replace('const test = rows.slice(0', 'const trainRows = rows.slice(0').replace('const train = rows.slice(nTrain)', 'const testRows = rows.slice(nTrain)'), { kind: 'swapSplitNames', file: FILE }), null);
  });
});

describe('shrinkPatch', () => {
  const src = ['const SIZE = 16;', 'const CUTOUT = 16;', 'function cutout(pixels) {', '  const top = rng.int(0, SIZE - CUTOUT + 1);', '  return top;', '}'].join('\n');
  it('makes a cutout patch as large as the image a quarter of it', () => {
    assert.equal(lineOf(apply(src, { kind: 'shrinkPatch', file: FILE, size: 16 })!, 2), 'const CUTOUT = 4;');
  });
  it('leaves a patch smaller than the image alone', () => {
    assert.equal(apply(src.replace('CUTOUT = 16', 'CUTOUT = 6'), { kind: 'shrinkPatch', file: FILE, size: 16 }), null);
  });
});

describe('lowerMinCount', () => {
  const src = ['const MIN_COUNT = 100;', 'function buildVocab(counts) {', '  return [...counts.keys()].filter((w) => counts.get(w) >= MIN_COUNT);', '}'].join('\n');
  it("keeps words seen twice or more where a vocabulary's minimum count is declared", () => {
    assert.equal(lineOf(apply(src, { kind: 'lowerMinCount', file: FILE })!, 1), 'const MIN_COUNT = 2;');
  });
  it('leaves a low minimum, or one never compared with, alone', () => {
    assert.equal(apply(src.replace('= 100;', '= 2;'), { kind: 'lowerMinCount', file: FILE }), null);
    assert.equal(apply(src.replace('>= MIN_COUNT', '>= 5'), { kind: 'lowerMinCount', file: FILE }), null);
  });
});

describe('normTakesSqrt', () => {
  const src = [
    'const norm = Object.values(grads).reduce((s, g) => s + g.square().sum().dataSync()[0], 0);',
    'const scale = MAX_NORM / Math.max(norm, MAX_NORM);',
  ].join('\n');
  it('takes the square root of a global norm written as a sum of squares', () => {
    assert.equal(lineOf(apply(src, { kind: 'normTakesSqrt', file: FILE })!, 1), 'const norm = Math.sqrt(Object.values(grads).reduce((s, g) => s + g.square().sum().dataSync()[0], 0));');
  });
  it('leaves a norm already square-rooted alone', () => {
    assert.equal(apply(src.replace('const norm = Object', 'const norm = Math.sqrt(Object').replace(', 0);', ', 0));'), { kind: 'normTakesSqrt', file: FILE }), null);
  });
});

describe('booleanCells', () => {
  const src = ['for (const row of rows) {', "  const cols = row.split(',').map((cell) => Number(cell));", '  xs.push(cols);', '}'].join('\n');
  it("reads 'true' and 'false' cells as 1 and 0 where split text is mapped with Number", () => {
    assert.equal(lineOf(apply(src, { kind: 'booleanCells', file: FILE })!, 2), "  const cols = row.split(',').map((cell) => (cell === 'true' ? 1 : cell === 'false' ? 0 : Number(cell)));");
    assert.equal(lineOf(apply(src.replace('map((cell) => Number(cell))', 'map(Number)'), { kind: 'booleanCells', file: FILE })!, 2), "  const cols = row.split(',').map((cell) => (cell === 'true' ? 1 : cell === 'false' ? 0 : Number(cell)));");
  });
  it('leaves cells parsed another way alone', () => {
    assert.equal(apply(src.replace('Number(cell)', 'parseFloat(cell)'), { kind: 'booleanCells', file: FILE }), null);
  });
});

describe('trainingMoments', () => {
  const src = [
    'function standardize(x, stats) {',
    '  return x.sub(stats.mean).div(stats.variance.sqrt());',
    '}',
    'const trainStats = tf.moments(xTrainRaw, 0);',
    'const xTrain = standardize(xTrainRaw, trainStats);',
    'const xTest = standardize(xTestRaw, tf.moments(xTestRaw, 0));',
  ].join('\n');
  it('scales the scored rows with the moments the file declares for the training rows', () => {
    assert.equal(lineOf(apply(src, { kind: 'trainingMoments', site: site(6, 15) })!, 6), 'const xTest = standardize(xTestRaw, trainStats);');
  });
  it('replaces a name declared as the scored rows\' own moments', () => {
    const named = src.replace('const xTest = standardize(xTestRaw, tf.moments(xTestRaw, 0));', 'const testStats = tf.moments(xTestRaw, 0);\nconst xTest = standardize(xTestRaw, testStats);');
    assert.equal(lineOf(apply(named, { kind: 'trainingMoments', site: site(7, 15) })!, 7), 'const xTest = standardize(xTestRaw, trainStats);');
  });
  it('changes nothing when no other moments, or two, are declared', () => {
    assert.equal(apply(src.replace('const trainStats = tf.moments(xTrainRaw, 0);', 'const trainStats = { mean: m, variance: v };'), { kind: 'trainingMoments', site: site(6, 15) }), null);
    assert.equal(apply(src.replace('const trainStats = tf.moments(xTrainRaw, 0);', 'const trainStats = tf.moments(xTrainRaw, 0);\nconst valStats = tf.moments(xValRaw, 0);'), { kind: 'trainingMoments', site: site(7, 15) }), null);
  });
});

describe('scalePositions', () => {
  const src = [
    'class AddPositions extends tf.layers.Layer {',
    '  call(inputs) {',
    '    const positions = tf.range(0, this.maxLen).reshape([1, this.maxLen, 1]);',
    '    return inputs[0].add(positions);',
    '  }',
    '}',
    'const steps = tf.range(0, 100);',
  ].join('\n');
  it("divides the layer class's raw positions by their count, and no range outside it", () => {
    const out = apply(src, { kind: 'scalePositions', file: FILE, className: 'AddPositions' })!;
    assert.equal(lineOf(out, 3), '    const positions = tf.range(0, this.maxLen).div(this.maxLen).reshape([1, this.maxLen, 1]);');
    assert.equal(lineOf(out, 7), 'const steps = tf.range(0, 100);');
  });
  it('changes nothing where the positions are already scaled or the class is not in the file', () => {
    assert.equal(apply(src.replace('this.maxLen).reshape', 'this.maxLen).div(this.maxLen).reshape'), { kind: 'scalePositions', file: FILE, className: 'AddPositions' }), null);
    assert.equal(apply(src, { kind: 'scalePositions', file: FILE, className: 'PositionEmbedding' }), null);
  });
});

describe('fitEpochFromLoop', () => {
  const src = [
    'for (let e = 0; e < EPOCHS; e++) {',
    '  const history = await model.fit(xs, ys, { epochs: 1, batchSize: 32, callbacks: [warmup] });',
    '}',
  ].join('\n');
  it("gives a one-epoch fit in an epoch loop the loop's epoch", () => {
    assert.equal(lineOf(apply(src, { kind: 'fitEpochFromLoop', fitSite: site(2, 33) })!, 2), '  const history = await model.fit(xs, ys, { initialEpoch: e, epochs: e + 1, batchSize: 32, callbacks: [warmup] });');
  });
  it('changes nothing for a fit of several epochs, or outside a counting loop', () => {
    assert.equal(apply(src.replace('epochs: 1,', 'epochs: 5,'), { kind: 'fitEpochFromLoop', fitSite: site(2, 33) }), null);
    assert.equal(apply(src.replace('for (let e = 0; e < EPOCHS; e++) {', 'while (!done) {'), { kind: 'fitEpochFromLoop', fitSite: site(2, 33) }), null);
  });
});

describe('degreesToRadians', () => {
  const src = [
    'const MAX_ROTATION = 15;',
    'const rotated = crops.map((img) => tf.image.rotateWithOffset(img, rng.uniform(-1, 1) * MAX_ROTATION, 0));',
    'const turned = tf.image.rotateWithOffset(img, 30);',
  ].join('\n');
  it('writes the constant an angle is drawn from, or a literal angle, in radians', () => {
    assert.equal(lineOf(apply(src, { kind: 'degreesToRadians', site: site(2, 45) })!, 1), 'const MAX_ROTATION = (15 * Math.PI) / 180;');
    assert.equal(lineOf(apply(src, { kind: 'degreesToRadians', site: site(3, 30) })!, 3), 'const turned = tf.image.rotateWithOffset(img, (30 * Math.PI) / 180);');
  });
  it('changes nothing when the angle is already within a turn', () => {
    assert.equal(apply(src.replace('const MAX_ROTATION = 15;', 'const MAX_ROTATION = 0.26;'), { kind: 'degreesToRadians', site: site(2, 45) }), null);
  });
});

describe('gatherPerRow', () => {
  it('gives a gather on axis 1 batchDims 1, in either form', () => {
    const src = ['const picked = tf.gather(yPred, ids, 1);', 'const picked2 = probs.gather(labels, -1);'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'gatherPerRow', site: site(1, 23) })!, 1), 'const picked = tf.gather(yPred, ids, 1, 1);');
    assert.equal(lineOf(apply(src, { kind: 'gatherPerRow', site: site(2, 23) })!, 2), 'const picked2 = probs.gather(labels, -1, 1);');
  });
  it('changes nothing where batchDims is already given or the axis is 0', () => {
    assert.equal(apply('const picked = tf.gather(yPred, ids, 1, 1);', { kind: 'gatherPerRow', site: site(1, 23) }), null);
    assert.equal(apply('const rows = tf.gather(x, idx, 0);', { kind: 'gatherPerRow', site: site(1, 20) }), null);
  });
});

describe('oneEpochPerCall', () => {
  const src = [
    'for (let epoch = 0; epoch < EPOCHS; epoch++) {',
    '  const h = await model.fit(xs, ys, { epochs: EPOCHS, batchSize: 32 });',
    '}',
  ].join('\n');
  it("gives fit one epoch where the loop around it counts the same epochs", () => {
    assert.equal(lineOf(apply(src, { kind: 'oneEpochPerCall', fitSite: site(2, 27) })!, 2), '  const h = await model.fit(xs, ys, { epochs: 1, batchSize: 32 });');
  });
  it('changes nothing where the loop counts rounds of its own', () => {
    assert.equal(apply(src.replace('epoch < EPOCHS', 'epoch < ROUNDS'), { kind: 'oneEpochPerCall', fitSite: site(2, 27) }), null);
  });
});

describe('stripByteOrderMark', () => {
  it('splits the text without its leading byte-order mark', () => {
    const src = 'const lines = text.split(/\\r?\\n/).filter((line) => line.length > 0);';
    assert.equal(lineOf(apply(src, { kind: 'stripByteOrderMark', site: site(1, 22) })!, 1), "const lines = text.replace(/^\\uFEFF/, '').split(/\\r?\\n/).filter((line) => line.length > 0);");
  });
  it('changes nothing where the line already strips it, or splits twice', () => {
    assert.equal(apply("const lines = text.replace(/^\\uFEFF/, '').split('\\n');", { kind: 'stripByteOrderMark', site: site(1, 22) }), null);
    assert.equal(apply("const cells = text.split('\\n')[0].split(',');", { kind: 'stripByteOrderMark', site: site(1, 22) }), null);
  });
});

describe('returnInBranch', () => {
  const src = [
    'function lrAt(epoch) {',
    '  if (epoch < WARMUP) {',
    '    return (BASE * (epoch + 1)) / WARMUP;',
    '  } else if (epoch < DECAY_START) {',
    '    return BASE;',
    '  } else {',
    '    const steps = Math.floor((epoch - DECAY_START) / EVERY) + 1;',
    '    Math.max(MIN_LR, BASE * Math.pow(FACTOR, steps));',
    '  }',
    '}',
    'const schedule = { onEpochBegin: async (epoch) => { optimizer.learningRate = lrAt(epoch); } };',
  ].join('\n');
  it("returns the value the schedule's branch computes and drops", () => {
    assert.equal(lineOf(apply(src, { kind: 'returnInBranch', site: site(11, 70) })!, 8), '    return Math.max(MIN_LR, BASE * Math.pow(FACTOR, steps));');
  });
  it('changes nothing when every branch returns', () => {
    const whole = src.replace('    Math.max(MIN_LR', '    return Math.max(MIN_LR');
    assert.equal(apply(whole, { kind: 'returnInBranch', site: site(11, 70) }), null);
  });
});

describe('nullishDefault', () => {
  const src = ['const config = JSON.parse(RUN_CONFIG);', 'const { learningRate = 0.01 } = config.optimizer;', 'const optimizer = tf.train.adam(learningRate);'].join('\n');
  it('reads a rate destructured alone with a default through ??, so a null falls back too', () => {
    assert.equal(lineOf(apply(src, { kind: 'nullishDefault', site: site(3, 30), callee: 'adam', index: 0 })!, 2), 'const learningRate = config.optimizer.learningRate ?? 0.01;');
  });
  it('changes nothing where the name is destructured with others', () => {
    assert.equal(apply(src.replace('{ learningRate = 0.01 }', '{ learningRate = 0.01, momentum = 0.9 }'), { kind: 'nullishDefault', site: site(3, 30), callee: 'adam', index: 0 }), null);
  });
});

describe('breakFallthrough', () => {
  const src = [
    'function toTfActivation(name) {',
    '  let activation;',
    '  switch (name) {',
    "    case 'relu': activation = 'relu';",
    "    case 'smooth': activation = 'tanh';",
    "    case 'none': activation = 'linear';",
    '  }',
    '  return activation;',
    '}',
    'model.add(tf.layers.dense({ units: 16, activation: toTfActivation(spec) }));',
  ].join('\n');
  it('ends each case of the switch that picks the activation with a break, but the last', () => {
    const out = apply(src, { kind: 'breakFallthrough', layer: layer('Dense', 10) })!;
    assert.equal(lineOf(out, 4), "    case 'relu': activation = 'relu'; break;");
    assert.equal(lineOf(out, 5), "    case 'smooth': activation = 'tanh'; break;");
    assert.equal(lineOf(out, 6), "    case 'none': activation = 'linear';");
  });
  it('changes nothing where the cases already break or return', () => {
    const broken = src.replace("activation = 'relu';", "activation = 'relu'; break;").replace("activation = 'tanh';", "return 'tanh';");
    assert.equal(apply(broken, { kind: 'breakFallthrough', layer: layer('Dense', 10) }), null);
  });
});

describe('dropGlobalFlag', () => {
  const src = ['const POSITIVE = /great|excellent/gi;', 'const NEGATIVE = /awful|broke/gi;', 'const label = (t) => (POSITIVE.test(t) ? 1 : 0);'].join('\n');
  it('drops g from each pattern that carried its state', () => {
    const out = apply(src, { kind: 'dropGlobalFlag', file: FILE, patterns: [{ source: 'great|excellent', flags: 'gi' }, { source: 'awful|broke', flags: 'gi' }] })!;
    assert.equal(lineOf(out, 1), 'const POSITIVE = /great|excellent/i;');
    assert.equal(lineOf(out, 2), 'const NEGATIVE = /awful|broke/i;');
  });
  it('changes nothing when the pattern is written twice, or not as a literal', () => {
    assert.equal(apply(src + '\nconst again = /great|excellent/gi;', { kind: 'dropGlobalFlag', file: FILE, patterns: [{ source: 'great|excellent', flags: 'gi' }] }), null);
    assert.equal(apply(src, { kind: 'dropGlobalFlag', file: FILE, patterns: [{ source: 'superb', flags: 'g' }] }), null);
  });
});

describe('swapCallInputs', () => {
  it("gives evaluate's two inputs the other way round", () => {
    const src = 'const [loss] = model.evaluate([testItemX, testUserX], testY);';
    assert.equal(apply(src, { kind: 'swapCallInputs', site: site(1, 22) }), 'const [loss] = model.evaluate([testUserX, testItemX], testY);');
  });
  it('changes nothing for one input, or three', () => {
    assert.equal(apply('const [loss] = model.evaluate(xTest, yTest);', { kind: 'swapCallInputs', site: site(1, 22) }), null);
    assert.equal(apply('const [loss] = model.evaluate([a, b, c], yTest);', { kind: 'swapCallInputs', site: site(1, 22) }), null);
  });
});

describe('floorIndex', () => {
  it('rounds down the one element index that divides without rounding', () => {
    const src = ['function toRow(trip) {', '  const row = new Array(12).fill(0);', '  row[0] = trip.km / 10;', '  row[OFFSET + trip.hour / WIDTH] = 1;', '  return row;', '}'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'floorIndex', file: FILE })!, 4), '  row[Math.floor(OFFSET + trip.hour / WIDTH)] = 1;');
  });
  it('leaves indices already rounded, and declines when two divisions could be meant', () => {
    assert.equal(apply('row[OFFSET + Math.floor(hour / WIDTH)] = 1;', { kind: 'floorIndex', file: FILE }), null);
    assert.equal(apply('row[(hour / WIDTH) | 0] = 1;', { kind: 'floorIndex', file: FILE }), null);
    assert.equal(apply('a[i / 2] = 1;\nb[j / 3] = 1;', { kind: 'floorIndex', file: FILE }), null);
    // A comparison reads the element; it writes nothing.
    assert.equal(apply('if (row[h / 3] === 1) n++;', { kind: 'floorIndex', file: FILE }), null);
  });
});

describe('offsetIdsFirst', () => {
  it('takes the base off in JavaScript numbers and makes the ids int32', () => {
    const src = "const toRows = (ids) => tf.tensor1d(ids).sub(firstId).cast('int32');";
    assert.equal(apply(src, { kind: 'offsetIdsFirst', site: site(1, 25) }), "const toRows = (ids) => tf.tensor1d(ids.map((id) => id - firstId), 'int32');");
  });
  it('declines a call that already has a dtype, or no offset taken off', () => {
    assert.equal(apply("const t = tf.tensor1d(ids, 'float32').sub(base);", { kind: 'offsetIdsFirst', site: site(1, 11) }), null);
    assert.equal(apply('const t = tf.tensor1d(ids);', { kind: 'offsetIdsFirst', site: site(1, 11) }), null);
  });
});

describe('shuffleInPlace', () => {
  it('turns a shuffle written as a sort into Fisher-Yates with the same generator', () => {
    const src = '  rows.sort(() => rng.random() > 0.5);';
    assert.equal(apply(src, { kind: 'shuffleInPlace', site: site(1, 7) }), ['  for (let i = rows.length - 1; i > 0; i--) {', '    const j = Math.floor(rng.random() * (i + 1));', '    [rows[i], rows[j]] = [rows[j], rows[i]];', '  }'].join('\n'));
  });
  it('declines a comparator that reads its arguments, or a sort whose result is used', () => {
    assert.equal(apply('rows.sort((a, b) => a.t > b.t);', { kind: 'shuffleInPlace', site: site(1, 5) }), null);
    assert.equal(apply('const mixed = rows.sort(() => Math.random() - 0.5);', { kind: 'shuffleInPlace', site: site(1, 19) }), null);
  });
});

describe('smoothingSigns', () => {
  it('flips the signs of a label smoothing written y * (1 + eps) - eps / K', () => {
    const src = 'const smooth = (rows, eps) => rows.map((row) => row.map((y) => y * (1 + eps) - eps / K));';
    assert.equal(apply(src, { kind: 'smoothingSigns', file: FILE }), 'const smooth = (rows, eps) => rows.map((row) => row.map((y) => y * (1 - eps) + eps / K));');
  });
  it('leaves smoothing written the right way round', () => {
    assert.equal(apply('const s = y * (1 - eps) + eps / K;', { kind: 'smoothingSigns', file: FILE }), null);
  });
});

describe('removeLayerOption', () => {
  it("removes an option from the layer's call, with its comma", () => {
    assert.equal(apply("model.add(tf.layers.dense({ units: 1, kernelConstraint: 'unitNorm' }));", { kind: 'removeLayerOption', layer: layer('Dense', 1, 21), key: 'kernelConstraint' }), 'model.add(tf.layers.dense({ units: 1 }));');
    assert.equal(apply("model.add(tf.layers.dense({ kernelConstraint: 'unitNorm', units: 1 }));", { kind: 'removeLayerOption', layer: layer('Dense', 1, 21), key: 'kernelConstraint' }), 'model.add(tf.layers.dense({ units: 1 }));');
  });
  it('declines a layer without the option', () => {
    assert.equal(apply('model.add(tf.layers.dense({ units: 1 }));', { kind: 'removeLayerOption', layer: layer('Dense', 1, 21), key: 'kernelConstraint' }), null);
  });
});

describe('advanceCounter', () => {
  const lines = (counterWrite: string) => [
    'const BASE_LR = 0.01;',
    'let step = 0;',
    'for (let b = 0; b < 10; b++) {',
    '  optimizer.learningRate = BASE_LR * Math.min(1, step / WARMUP_STEPS);',
    `  optimizer.minimize(f);${counterWrite}`,
    '}',
  ];
  it('advances the counter a warm-up is computed from when nothing else does', () => {
    const out = apply(lines('').join('\n'), { kind: 'advanceCounter', site: site(4, 3) });
    assert.equal(out, [...lines('').slice(0, 4), '  step++;', ...lines('').slice(4)].join('\n'));
  });
  it('leaves a counter the script already advances alone', () => {
    assert.equal(apply(lines(' step += 1;').join('\n'), { kind: 'advanceCounter', site: site(4, 3) }), null);
    assert.equal(apply(lines(' ++step;').join('\n'), { kind: 'advanceCounter', site: site(4, 3) }), null);
  });
});

describe('diagonalLabels', () => {
  it("labels row i of an in-batch contrastive loss with column i", () => {
    const src = "const labels = tf.oneHot(tf.zeros([BATCH], 'int32'), BATCH);";
    assert.equal(apply(src, { kind: 'diagonalLabels', site: site(1, 16) }), "const labels = tf.oneHot(tf.range(0, BATCH, 1, 'int32'), BATCH);");
  });
  it('leaves zeros that are not one row of int32 labels alone', () => {
    assert.equal(apply('const labels = tf.oneHot(tf.zeros([BATCH, 2]), BATCH);', { kind: 'diagonalLabels', site: site(1, 16) }), null);
    assert.equal(apply("const w = tf.zeros([BATCH], 'float32');", { kind: 'diagonalLabels', site: site(1, 11) }), null);
  });
});

describe('stripSymbol', () => {
  it('takes the currency sign off the text before parseFloat reads it', () => {
    assert.equal(apply('    const price = parseFloat(cells[2]);', { kind: 'stripSymbol', site: site(1, 19), fn: 'parseFloat', symbol: '$' }), "    const price = parseFloat(cells[2].replace('$', ''));");
    assert.equal(apply('const p = parseInt(row.price.trim(), 10);', { kind: 'stripSymbol', site: site(1, 11), fn: 'parseInt', symbol: '€' }), "const p = parseInt((row.price.trim()).replace('€', ''), 10);");
  });
  it('leaves a line with two such calls alone', () => {
    assert.equal(apply('const a = [parseFloat(c[2]), parseFloat(c[3])];', { kind: 'stripSymbol', site: site(1, 12), fn: 'parseFloat', symbol: '$' }), null);
  });
});

describe('weightedMean', () => {
  it("divides a weighted loss by the batch's sum of weights", () => {
    assert.equal(apply('          return tf.mean(wb.mul(perSample));', { kind: 'weightedMean', site: site(1, 18), operand: 'a' }), '          return tf.sum(wb.mul(perSample)).div(tf.sum(wb));');
    assert.equal(apply('const loss = tf.mean(tf.mul(err, w));', { kind: 'weightedMean', site: site(1, 14), operand: 'b' }), 'const loss = tf.sum(tf.mul(err, w)).div(tf.sum(w));');
  });
  it('leaves a mean of something else alone', () => {
    assert.equal(apply('return tf.mean(err.square());', { kind: 'weightedMean', site: site(1, 8), operand: 'a' }), null);
  });
});

describe('dropSeedArg', () => {
  it('leaves the seed (and an undefined noise shape) out of tf.dropout', () => {
    assert.equal(apply('const dropout = (h) => tf.dropout(h, DROPOUT_RATE, undefined, DROPOUT_SEED);', { kind: 'dropSeedArg', site: site(1, 24) }), 'const dropout = (h) => tf.dropout(h, DROPOUT_RATE);');
    assert.equal(apply('h = tf.dropout(h, 0.3, [1, 8], 7);', { kind: 'dropSeedArg', site: site(1, 5) }), 'h = tf.dropout(h, 0.3, [1, 8]);');
  });
  it('leaves a dropout without a seed alone', () => {
    assert.equal(apply('h = tf.dropout(h, 0.3);', { kind: 'dropSeedArg', site: site(1, 5) }), null);
  });
});

describe('lastAxis through tf.norm', () => {
  it("gives a helper arrow's norm the last axis where the helper is called with axis 0", () => {
    const src = ["const l2Normalize = (t, axis) => t.div(tf.norm(t, 'euclidean', axis, true).add(1e-8));", 'const embed = (x) => l2Normalize(encoder.apply(x), 0);'].join('\n');
    assert.equal(apply(src, { kind: 'lastAxis', site: site(1, 43) }), src.replace('encoder.apply(x), 0)', 'encoder.apply(x), -1)'));
  });
  it("replaces tf.norm's own axis 0", () => {
    assert.equal(apply("const n = tf.norm(h, 'euclidean', 0, true);", { kind: 'lastAxis', site: site(1, 14) }), "const n = tf.norm(h, 'euclidean', -1, true);");
  });
});

describe('swapSubOperands', () => {
  it("turns a residual round: the target minus the prediction", () => {
    assert.equal(apply('    const e = yPred.sub(yTrue);', { kind: 'swapSubOperands', site: site(1, 15) }), '    const e = yTrue.sub(yPred);');
    assert.equal(apply('const e = tf.sub(pred, y);', { kind: 'swapSubOperands', site: site(1, 11) }), 'const e = tf.sub(y, pred);');
  });
  it('leaves a line with two differences alone', () => {
    assert.equal(apply('const e = a.sub(b).add(c.sub(d));', { kind: 'swapSubOperands', site: site(1, 11) }), null);
  });
});

describe('finiteAtColumn on a ratio', () => {
  it('gives a ratio declared before the row 0 where its divisor is 0', () => {
    const src = ['function toFeatures(a) {', '  const ratio = a.debt / a.income;', '  return [a.age, ratio, a.lines];', '}', 'const x = tf.tensor2d(rows.map(toFeatures));'].join('\n');
    assert.equal(apply(src, { kind: 'finiteAtColumn', site: site(5, 14), column: 1 }), src.replace('a.debt / a.income;', 'a.income !== 0 ? a.debt / a.income : 0;'));
  });
});

describe('scaleSoftmaxInput', () => {
  it('scales cosine similarities before the softmax', () => {
    assert.equal(apply('      return tf.softmax(cosine);', { kind: 'scaleSoftmaxInput', site: site(1, 14), by: 16 }), '      return tf.softmax(cosine.mul(16));');
    assert.equal(apply('const p = tf.softmax(a.matMul(b), -1);', { kind: 'scaleSoftmaxInput', site: site(1, 11), by: 16 }), 'const p = tf.softmax(a.matMul(b).mul(16), -1);');
  });
});

describe('oppositeLabels', () => {
  it("gives a generator's loss the label the discriminator gives real samples", () => {
    assert.equal(apply('        return tf.losses.sigmoidCrossEntropy(fakeLabels, scores);', { kind: 'oppositeLabels', site: site(1, 16), to: 1 }), '        return tf.losses.sigmoidCrossEntropy(tf.onesLike(scores), scores);');
  });
});

describe('drawFromAllRows', () => {
  const src = [
    'const BATCH_SIZE = 32;',
    'const batchIdx = rng.array(BATCH_SIZE, () => rng.int(0, BATCH_SIZE));',
    "const idx = tf.tensor1d(batchIdx, 'int32');",
    'const xb = xTrain.gather(idx);',
  ].join('\n');
  it("draws a batch's indices below the gathered tensor's row count, not the batch size", () => {
    assert.equal(apply(src, { kind: 'drawFromAllRows', site: site(2, 1), gatherSite: site(4, 12), bound: 32 }), src.replace('rng.int(0, BATCH_SIZE)', 'rng.int(0, xTrain.shape[0])'));
  });
  it('leaves a draw whose bound is not the batch size alone', () => {
    assert.equal(apply(src, { kind: 'drawFromAllRows', site: site(2, 1), gatherSite: site(4, 12), bound: 64 }), null);
  });
});

describe('sublayersInBuild', () => {
  const lines = [
    'class Gated extends tf.layers.Layer {',
    '  build(inputShape) {',
    '    this.built = true;',
    '  }',
    '',
    '  call(inputs) {',
    '    return tf.tidy(() => {',
    '      const x = inputs[0];',
    "      const gate = tf.layers.dense({ units: 8, activation: 'sigmoid' });",
    '      return x.mul(gate.apply(x));',
    '    });',
    '  }',
    '}',
  ];
  it("makes a layer call() created at every pass once, in build(), with its weights listed", () => {
    const out = apply(lines.join('\n'), { kind: 'sublayersInBuild', site: site(10, 20) });
    assert.equal(
      out,
      [
        ...lines.slice(0, 2),
        "    this.gate = tf.layers.dense({ units: 8, activation: 'sigmoid' });",
        '    [this.gate].forEach((layer) => layer.build(inputShape));',
        '    this.trainableWeights = [...this.gate.trainableWeights];',
        ...lines.slice(2, 8),
        '      return x.mul(this.gate.apply(x));',
        ...lines.slice(10),
      ].join('\n'),
    );
  });
  it('leaves a call() that creates no layer alone', () => {
    assert.equal(apply(lines.filter((l) => !l.includes('const gate')).join('\n'), { kind: 'sublayersInBuild', site: site(9, 20) }), null);
  });
});

describe('warmupWithinRun and scheduleByEpoch', () => {
  it('ends a warm-up counted in epochs within the run', () => {
    const src = ['const WARMUP_STEPS = 1000;', '      model.optimizer.learningRate = BASE_LR * Math.min(1, (epoch + 1) / WARMUP_STEPS);'].join('\n');
    assert.equal(apply(src, { kind: 'warmupWithinRun', site: site(2, 7), length: 3, over: 30 }), src.replace('= 1000;', '= 3;'));
    assert.equal(apply(src.replace('1000', '20'), { kind: 'warmupWithinRun', site: site(2, 7), length: 3, over: 30 }), null);
  });
  it('decays by the epoch the callback is given, not the total', () => {
    const src = ['  const decay = {', '    onEpochBegin: async (epoch) => {', '      optimizer.setLearningRate(BASE_LR * Math.pow(DECAY, EPOCHS));', '    },', '  };'].join('\n');
    assert.equal(apply(src, { kind: 'scheduleByEpoch', site: site(3, 7) }), src.replace('Math.pow(DECAY, EPOCHS)', 'Math.pow(DECAY, epoch)'));
    assert.equal(apply(src.replace('EPOCHS))', 'epoch))'), { kind: 'scheduleByEpoch', site: site(3, 7) }), null);
  });
});

describe('quantileFraction', () => {
  it('gives a quantile written as a percentage as a fraction', () => {
    const src = ['const TAU = 90;', '  return tf.maximum(e.mul(TAU), e.mul(TAU - 1)).mean();'].join('\n');
    assert.equal(apply(src, { kind: 'quantileFraction', site: site(2, 3), tau: 90 }), src.replace('TAU = 90;', 'TAU = 0.9;'));
  });
});

describe('returnComputed', () => {
  const lines = [
    'class Block extends tf.layers.Layer {',
    '  call(inputs) {',
    '    return tf.tidy(() => {',
    '      const x = Array.isArray(inputs) ? inputs[0] : inputs;',
    '      const h = tf.relu(tf.matMul(x, this.w.read()));',
    '      const out = tf.add(x, h);',
    '      return x;',
    '    });',
    '  }',
    '}',
    'model.add(new Block({}));',
  ];
  it("returns the value a custom layer's call() computed and never read", () => {
    const out = apply(lines.join('\n'), { kind: 'returnComputed', site: site(11, 11), className: 'Block' });
    assert.equal(out, [...lines.slice(0, 6), '      return out;', ...lines.slice(7)].join('\n'));
  });
  it('leaves call() alone when every value it computes is read', () => {
    const used = lines.map((l) => (l.includes('return x;') ? '      return out.mul(h);' : l));
    assert.equal(apply(used.join('\n'), { kind: 'returnComputed', site: site(11, 11), className: 'Block' }), null);
  });
});

describe('swapFitWithValidation', () => {
  it('trains on the validationData tensors and validates on the ones given first', () => {
    const src = ['await model.fit(xVal, yVal, {', '  epochs: 30,', '  validationData: [xTrain, yTrain],', '});'].join('\n');
    assert.equal(
      apply(src, { kind: 'swapFitWithValidation', fitSite: site(1, 7) }),
      ['await model.fit(xTrain, yTrain, {', '  epochs: 30,', '  validationData: [xVal, yVal],', '});'].join('\n'),
    );
  });
  it('leaves a fit without a validationData pair alone', () => {
    assert.equal(apply('await model.fit(xs, ys, { epochs: 3, validationSplit: 0.2 });', { kind: 'swapFitWithValidation', fitSite: site(1, 7) }), null);
  });
});

describe('transposeMade', () => {
  it('makes a tensor with the shape its values have and transposes it', () => {
    assert.equal(apply('  return tf.tensor2d(flat, [n, K]);', { kind: 'transposeMade', site: site(1, 13) }), '  return tf.tensor2d(flat, [K, n]).transpose();');
  });
  it('leaves a tensor2d without a written shape alone', () => {
    assert.equal(apply('  return tf.tensor2d(rows);', { kind: 'transposeMade', site: site(1, 13) }), null);
  });
});

describe('budgetInMilliseconds', () => {
  const lines = ['const TIME_BUDGET = 120;', 'const cb = {', '  onBatchEnd: async () => {', '    if (Date.now() - start > TIME_BUDGET) {', '      model.stopTraining = true;', '    }', '  },', '};'];
  it('compares a Date.now() difference with the budget in milliseconds', () => {
    assert.equal(apply(lines.join('\n'), { kind: 'budgetInMilliseconds', site: site(5, 7) }), lines.map((l) => l.replace('> TIME_BUDGET', '> TIME_BUDGET * 1000')).join('\n'));
  });
  it('leaves a budget already in milliseconds alone', () => {
    const ms = lines.map((l) => l.replace('= 120', '= 120000'));
    assert.equal(apply(ms.join('\n'), { kind: 'budgetInMilliseconds', site: site(5, 7) }), null);
  });
});

describe('indicatorNotShare', () => {
  it("gives each of a row's tags the target 1 where the rows are computed", () => {
    const lines = ['  const ys = items.map((t) => TAGS.map((tag) => (t.tags.includes(tag) ? 1 / t.tags.length : 0)));', '  return tf.tensor2d(ys);'];
    assert.equal(apply(lines.join('\n'), { kind: 'indicatorNotShare', site: site(2, 13) }), [lines[0]!.replace('1 / t.tags.length', '1'), lines[1]].join('\n'));
  });
});

describe('euclideanDistance', () => {
  it('turns a signed sum of differences into the Euclidean distance, in the function form', () => {
    assert.equal(apply('  return tf.sum(tf.sub(ea, eb), -1);', { kind: 'euclideanDistance', site: site(1, 13) }), '  return tf.sqrt(tf.add(tf.sum(tf.square(tf.sub(ea, eb)), -1), 1e-6));');
  });
  it('and in the chained form', () => {
    assert.equal(apply('  const d = ea.sub(eb).sum(1);', { kind: 'euclideanDistance', site: site(1, 23) }), '  const d = ea.sub(eb).square().sum(1).add(1e-6).sqrt();');
  });
  it('leaves a sum of something else alone', () => {
    assert.equal(apply('  return tf.sum(tf.mul(ea, eb), -1);', { kind: 'euclideanDistance', site: site(1, 13) }), null);
  });
});

describe('addSubtracted', () => {
  it('adds the term a loss returned as a difference subtracts', () => {
    assert.equal(apply('    return recon.sub(kl);', { kind: 'addSubtracted', site: site(1, 18) }), '    return recon.add(kl);');
    assert.equal(apply('  const loss = tf.sub(nll, kl);', { kind: 'addSubtracted', site: site(1, 19) }), '  const loss = tf.add(nll, kl);');
  });
  it('leaves a difference inside a larger expression alone', () => {
    assert.equal(apply('    return tf.mean(dPos.sub(dNeg).add(MARGIN));', { kind: 'addSubtracted', site: site(1, 26) }), null);
  });
});

describe('logSoftmaxWeights', () => {
  const lines = ['function nll(pi, logDensity) {', '  const logPi = pi.log();', '  return tf.logSumExp(logPi.add(logDensity), 1).neg().mean();', '}'];
  it('normalizes mixture weights a logSumExp combines with densities', () => {
    assert.equal(apply(lines.join('\n'), { kind: 'logSoftmaxWeights', site: site(2, 20) }), [lines[0], '  const logPi = tf.logSoftmax(pi);', ...lines.slice(2)].join('\n'));
  });
  it('leaves a log no logSumExp combines alone', () => {
    const variance = [lines[0], lines[1], '  return logPi.add(logDensity).neg().mean();', lines[3]];
    assert.equal(apply(variance.join('\n'), { kind: 'logSoftmaxWeights', site: site(2, 20) }), null);
  });
});

describe('swapVarLists', () => {
  it("gives each of two optimizers the other's variable list", () => {
    const lines = ['const cost = slow.minimize(loss, true, headVars);', 'fast.minimize(loss, false, baseVars);'];
    assert.equal(
      apply(lines.join('\n'), { kind: 'swapVarLists', a: site(2, 6), b: site(1, 19) }),
      ['const cost = slow.minimize(loss, true, baseVars);', 'fast.minimize(loss, false, headVars);'].join('\n'),
    );
  });
  it('leaves calls without a variable list alone', () => {
    assert.equal(apply('a.minimize(loss);\nb.minimize(loss);', { kind: 'swapVarLists', a: site(1, 3), b: site(2, 3) }), null);
  });
});

describe('nameVarList', () => {
  const lines = [
    'const discVars = discriminator.trainableWeights.map((w) => w.val);',
    'discOpt.minimize(() => dLoss(discriminator.predict(real)), true, discVars);',
    'const g = genOpt.minimize(() => gLoss(discriminator.predict(generator.predict(z))), true);',
  ];
  it("names the variables of the one model the step's loss runs that the other varList does not", () => {
    assert.equal(
      apply(lines.join('\n'), { kind: 'nameVarList', site: site(3, 18), namedSite: site(2, 9) }),
      [lines[0], lines[1], 'const g = genOpt.minimize(() => gLoss(discriminator.predict(generator.predict(z))), true, generator.trainableWeights.map((w) => w.val));'].join('\n'),
    );
  });
  it('adds returnCost when the call has only its loss', () => {
    const one = [lines[0], lines[1], 'genOpt.minimize(() => gLoss(discriminator.predict(generator.predict(z))));'];
    assert.equal(apply(one.join('\n'), { kind: 'nameVarList', site: site(3, 8) , namedSite: site(2, 9) })!.split('\n')[2], 'genOpt.minimize(() => gLoss(discriminator.predict(generator.predict(z))), false, generator.trainableWeights.map((w) => w.val));');
  });
  it('leaves a loss that runs two models the other varList does not name alone', () => {
    const two = [lines[0], lines[1], 'genOpt.minimize(() => gLoss(critic.predict(generator.predict(z))), true);'];
    assert.equal(apply(two.join('\n'), { kind: 'nameVarList', site: site(3, 8), namedSite: site(2, 9) }), null);
  });
});

describe('sampledIndices', () => {
  const lines = [
    'const actions = probs.map(sample);',
    "const sampled = tf.tensor1d(actions, 'int32');",
    'optimizer.minimize(() => {',
    '  const chosen = tf.oneHot(tf.argMax(logits, 1), K);',
    '  return tf.logSoftmax(logits).mul(chosen).sum(1).mul(returns).mean().neg();',
    '});',
    'tf.dispose([sampled, returns]);',
  ];
  it('gives the one-hot the int32 indices made before it and only disposed', () => {
    assert.equal(apply(lines.join('\n'), { kind: 'sampledIndices', site: site(4, 21) })!.split('\n')[3], '  const chosen = tf.oneHot(sampled, K);');
  });
  it('leaves the argMax alone when those indices are read elsewhere, or there are none', () => {
    const read = [...lines.slice(0, 6), 'console.log(sampled.shape);'];
    assert.equal(apply(read.join('\n'), { kind: 'sampledIndices', site: site(4, 21) }), null);
    const none = lines.filter((l) => !l.includes('int32'));
    assert.equal(apply(none.join('\n'), { kind: 'sampledIndices', site: site(3, 21) }), null);
  });
});

describe('logParameterized', () => {
  const lines = [
    "const temperature = tf.variable(tf.scalar(0.07), true, 'temperature');",
    'const logits = tf.matMul(a, b, false, true).div(temperature);',
    'temperature.assign(tf.scalar(0.1));',
    'tf.dispose([temperature]);',
  ];
  it('makes the variable from the log of its value and reads it as exp() where it is read, not where it is assigned or disposed', () => {
    assert.equal(
      apply(lines.join('\n'), { kind: 'logParameterized', site: site(1, 26) }),
      ["const temperature = tf.variable(tf.scalar(Math.log(0.07)), true, 'temperature');", 'const logits = tf.matMul(a, b, false, true).div(temperature.exp());', lines[2], lines[3]].join('\n'),
    );
  });
  it('leaves a variable made from something other than a scalar, or never read, alone', () => {
    assert.equal(apply("const t = tf.variable(tf.ones([3]));\nconst y = x.div(t);", { kind: 'logParameterized', site: site(1, 14) }), null);
    assert.equal(apply(lines[0]!, { kind: 'logParameterized', site: site(1, 26) }), null);
  });
});

describe('sumOfLogs', () => {
  it('writes the log of a product as the sum of the logs, in either form', () => {
    assert.equal(apply('const nll = tf.log(tf.prod(p)).div(n).neg();', { kind: 'sumOfLogs', site: site(1, 16) }), 'const nll = tf.sum(tf.log(p)).div(n).neg();');
    assert.equal(apply('const nll = p.prod().log().neg();', { kind: 'sumOfLogs', site: site(1, 22) }), 'const nll = p.log().sum().neg();');
  });
  it('leaves a log of anything else alone', () => {
    assert.equal(apply('const l = tf.log(tf.add(p, 1));', { kind: 'sumOfLogs', site: site(1, 14) }), null);
  });
});

describe('rowMax', () => {
  it("takes each row's maximum with the axis kept, in either form", () => {
    assert.equal(apply('const s = logits.sub(tf.max(logits));', { kind: 'rowMax', site: site(1, 24) }), 'const s = logits.sub(tf.max(logits, -1, true));');
    assert.equal(apply('const s = logits.sub(logits.max());', { kind: 'rowMax', site: site(1, 28) }), 'const s = logits.sub(logits.max(-1, true));');
  });
  it('leaves a max that already names its axis alone', () => {
    assert.equal(apply('const s = logits.sub(tf.max(logits, 1, true));', { kind: 'rowMax', site: site(1, 24) }), null);
  });
});

describe('decayInterval', () => {
  const lines = ['const DROP = 0.5;', 'const EPOCHS_PER_DROP = 20;', 'opt.setLearningRate(BASE * Math.pow(DROP, epoch));'];
  it('raises the factor to the intervals passed, with the interval constant the script declared and never read', () => {
    assert.equal(apply(lines.join('\n'), { kind: 'decayInterval', site: site(3, 5) })!.split('\n')[2], 'opt.setLearningRate(BASE * Math.pow(DROP, Math.floor(epoch / EPOCHS_PER_DROP)));');
    assert.equal(apply([lines[0], lines[1], 'opt.setLearningRate(BASE * DROP ** epoch);'].join('\n'), { kind: 'decayInterval', site: site(3, 5) })!.split('\n')[2], 'opt.setLearningRate(BASE * DROP ** Math.floor(epoch / EPOCHS_PER_DROP));');
  });
  it('leaves the schedule alone when the interval is already read, or none is declared', () => {
    assert.equal(apply([...lines, 'console.log(EPOCHS_PER_DROP);'].join('\n'), { kind: 'decayInterval', site: site(3, 5) }), null);
    assert.equal(apply([lines[0], lines[2]].join('\n'), { kind: 'decayInterval', site: site(2, 5) }), null);
  });
});

describe('guardOpInput for a fractional power', () => {
  it('raises the absolute value, in either form', () => {
    assert.equal(apply('return tf.mean(tf.pow(tf.sub(yPred, yTrue), 1.5));', { kind: 'guardOpInput', site: site(1, 18), call: 'pow' }), 'return tf.mean(tf.pow(tf.abs(tf.sub(yPred, yTrue)), 1.5));');
    assert.equal(apply('return e.pow(1.5).mean();', { kind: 'guardOpInput', site: site(1, 10), call: 'pow' }), 'return e.abs().pow(1.5).mean();');
  });
});

describe('targetIndexLikeInputs', () => {
  const lines = [
    'for (let i = 0; i < count; i++) {',
    '  inputs.push(series.slice(i * STRIDE, i * STRIDE + WINDOW));',
    '  targets.push(series[i + WINDOW]);',
    '}',
    'const ys = tf.tensor1d(targets);',
  ];
  it("indexes the target by the window's start where the inputs are cut at i * STRIDE, from the tensor's line", () => {
    assert.equal(apply(lines.join('\n'), { kind: 'targetIndexLikeInputs', site: site(5, 12) })!.split('\n')[2], '  targets.push(series[i * STRIDE + WINDOW]);');
  });
  it('leaves targets already indexed by the stride, or inputs cut without one, alone', () => {
    const strided = lines.map((l) => l.replace('series[i + WINDOW]', 'series[i * STRIDE + WINDOW]'));
    assert.equal(apply(strided.join('\n'), { kind: 'targetIndexLikeInputs', site: site(3, 3) }), null);
    const plain = lines.map((l) => l.replace('series.slice(i * STRIDE, i * STRIDE + WINDOW)', 'series.slice(i, i + WINDOW)'));
    assert.equal(apply(plain.join('\n'), { kind: 'targetIndexLikeInputs', site: site(3, 3) }), null);
  });
});

describe('maskAdded', () => {
  it('adds -1e9 where the mask is 0 instead of multiplying by it, in either form', () => {
    assert.equal(apply('const w = tf.softmax(tf.mul(scores, mask));', { kind: 'maskAdded', site: site(1, 11), mask: 'b' }), 'const w = tf.softmax(tf.add(scores, tf.mul(tf.sub(1, mask), -1e9)));');
    assert.equal(apply('const w = tf.softmax(tf.mul(mask, scores));', { kind: 'maskAdded', site: site(1, 11), mask: 'a' }), 'const w = tf.softmax(tf.add(scores, tf.mul(tf.sub(1, mask), -1e9)));');
    assert.equal(apply('const w = scores.mul(mask).softmax();', { kind: 'maskAdded', site: site(1, 28), mask: 'b' }), 'const w = scores.add(mask.sub(1).mul(1e9)).softmax();');
  });
});

describe('divideNotMultiply', () => {
  it('makes the product on the line a division, in either form', () => {
    assert.equal(apply('const s = tf.mul(tf.matMul(q, k, false, true), Math.sqrt(d));', { kind: 'divideNotMultiply', site: site(1, 14) }), 'const s = tf.div(tf.matMul(q, k, false, true), Math.sqrt(d));');
    assert.equal(apply('const s = qk.mul(Math.sqrt(d));', { kind: 'divideNotMultiply', site: site(1, 14) }), 'const s = qk.div(Math.sqrt(d));');
  });
});

describe('drawSecondView', () => {
  const lines = [
    'const aug = sampleAugmentation(BATCH);',
    'const view1 = applyAugmentation(rows, aug);',
    'const view2 = applyAugmentation(rows, aug);',
    'const loss = optimizer.minimize(() => ntXent(encoder.predict(view1), encoder.predict(view2)), true);',
  ];
  it('gives the second view an augmentation of its own', () => {
    assert.equal(apply(lines.join('\n'), { kind: 'drawSecondView', site: site(4, 50) }), [lines[0], lines[1], 'const view2 = applyAugmentation(rows, sampleAugmentation(BATCH));', lines[3]].join('\n'));
  });
  it('leaves views made differently alone', () => {
    const apart = lines.map((l) => l.replace('const view2 = applyAugmentation(rows, aug);', 'const view2 = jitter(rows);'));
    assert.equal(apply(apart.join('\n'), { kind: 'drawSecondView', site: site(4, 50) }), null);
  });
});

describe('fixes drawn from the fiftieth and fifty-first sets', () => {
  it('gives a validation value that could not be computed a fallback where the rows are made, through the name they were mapped into', () => {
    const src = ['function toTensors(rows, encode) {', '  const xs = rows.map((r) => [', '    encode(r.shop),', '    r.distance,', '  ]);', '  return tf.tensor2d(xs, [rows.length, 2]);', '}'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'fallbackAtColumn', site: site(6, 10), column: 0, fallback: '0' })!, 3), '    ((v) => (Number.isFinite(v) ? v : 0))(encode(r.shop)),');
    assert.equal(apply(src, { kind: 'fallbackAtColumn', site: site(6, 10), column: 5, fallback: '0' }), null);
  });

  it('counts a higher accuracy as the improvement in a plateau rule written for a loss', () => {
    const src = ['    onEpochEnd: async (epoch, logs) => {', '      const current = logs.val_acc;', '      if (best === undefined || current < best - MIN_DELTA) {', '        best = current;', '      } else if (++wait >= PATIENCE) {', '        optimizer.setLearningRate(optimizer.learningRate * FACTOR);'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'improvementUp', site: site(6, 9) })!, 3), '      if (best === undefined || current > best + MIN_DELTA) {');
    // A rule over the validation loss is right as it is.
    assert.equal(apply(src.replace('logs.val_acc', 'logs.val_loss'), { kind: 'improvementUp', site: site(6, 9) }), null);
  });

  it("tests the loss's value where isNaN was given the tensor minimize returned", () => {
    const src = ['const loss = optimizer.minimize(() => lossFn(), true);', 'if (isNaN(loss)) {', '  break;', '}'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'nanTestReadsValue', file: FILE })!, 2), 'if (isNaN(loss.dataSync()[0])) {');
    assert.equal(apply(src.replace('optimizer.minimize(() => lossFn(), true)', 'lossValues[i]'), { kind: 'nanTestReadsValue', file: FILE }), null);
  });

  it('gives label smoothing in percent as a fraction, at its declaration or on the line', () => {
    const src = ['const LABEL_SMOOTHING = CONFIG.smoothingPercent;', 'const y = oneHot.mul(1 - LABEL_SMOOTHING).add(LABEL_SMOOTHING / K);'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'smoothingFraction', site: site(2, 11) })!, 1), 'const LABEL_SMOOTHING = CONFIG.smoothingPercent / 100;');
    assert.equal(apply('const y = oneHot.mul(1 - 10).add(10 / K);', { kind: 'smoothingFraction', site: site(1, 11) }), 'const y = oneHot.mul(1 - 0.1).add(0.1 / K);');
  });

  it('parses cells written with a percent sign with parseFloat', () => {
    const src = ['lines.push(`${(100 * ctr).toFixed(2)}%`);', 'const parseNumber = (cell) => Number(cell);'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'percentCells', file: FILE })!, 2), 'const parseNumber = (cell) => parseFloat(cell);');
    // No cell holds a percent sign: Number is not the trouble.
    assert.equal(apply(src.replace('%`', '`'), { kind: 'percentCells', file: FILE }), null);
  });

  it('keeps an unguarded standard deviation above 0 where it divides', () => {
    const src = ['  const std = Math.sqrt(w.reduce((a, b) => a + (b - mean) ** 2, 0) / w.length);', '  const z = w.map((v) => (v - mean) / std);'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'guardStd', file: FILE })!, 2), '  const z = w.map((v) => (v - mean) / (std || 1));');
    assert.equal(apply(src.replace('/ w.length);', '/ w.length) || 1;'), { kind: 'guardStd', file: FILE }), null);
  });

  it('returns the value a braced map arrow computes and drops', () => {
    const src = ['return rows.map((row) => row.map((v, j) => {', '  const z = (v - mean[j]) / std[j];', '  Math.max(-CLIP, Math.min(CLIP, z));', '}));'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'returnFromMapArrow', file: FILE })!, 3), '  return Math.max(-CLIP, Math.min(CLIP, z));');
    assert.equal(apply(src.replace('  Math.max', '  out.push(Math.max').replace('z));', 'z)));'), { kind: 'returnFromMapArrow', file: FILE }), null);
  });

  it('sets a momentum handed to the rate setter with setMomentum', () => {
    assert.equal(apply('      optimizer.setLearningRate(momentum);', { kind: 'setMomentumNotRate', site: site(1, 7) }), '      optimizer.setMomentum(momentum);');
    assert.equal(apply('      optimizer.setLearningRate(lr * 2);', { kind: 'setMomentumNotRate', site: site(1, 7) }), null);
  });

  it("labels the generated batch 0 where it was copied from the real batch's ones", () => {
    const src = ['const realLabels = tf.ones([BATCH, 1]);', 'const fakeLabels = tf.ones([BATCH, 1]);'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'fakeLabelsZero', file: FILE })!, 2), 'const fakeLabels = tf.zeros([BATCH, 1]);');
    assert.equal(apply(src.replace('fakeLabels = tf.ones', 'fakeLabels = tf.zeros'), { kind: 'fakeLabelsZero', file: FILE }), null);
  });

  it("adds a Gaussian likelihood's subtracted log-variance term", () => {
    assert.equal(apply('return tf.exp(s.neg()).mul(sq).sub(s).mul(0.5).mean();', { kind: 'logVarianceSign', site: site(1, 1) }), 'return tf.exp(s.neg()).mul(sq).add(s).mul(0.5).mean();');
    assert.equal(apply('const nll = Math.exp(-logVar) * err * err - logVar;', { kind: 'logVarianceSign', site: site(1, 1) }), 'const nll = Math.exp(-logVar) * err * err + logVar;');
    assert.equal(apply('return tf.exp(s.neg()).mul(sq).sub(other);', { kind: 'logVarianceSign', site: site(1, 1) }), null);
  });

  it('ramps a loss weight written 1 - epoch / N up, capped at 1, where it is declared', () => {
    const src = ['const beta = 1 - epoch / ANNEAL_EPOCHS;', 'return recon.add(kl.mul(beta));'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'annealRising', site: site(2, 1) })!, 1), 'const beta = Math.min(1, epoch / ANNEAL_EPOCHS);');
    assert.equal(apply(src.replace('1 - epoch / ANNEAL_EPOCHS', '0.5'), { kind: 'annealRising', site: site(2, 1) }), null);
  });

  it("makes each fit call's data in tf.tidy and disposes it after the fit", () => {
    const src = ['for (let epoch = 0; epoch < EPOCHS; epoch++) {', '  const { xs, ys } = epochTensors(train, stats);', '  const h = await model.fit(xs, ys, { epochs: 1 });', '}'].join('\n');
    assert.equal(apply(src, { kind: 'tidyFitData', fitSite: site(3, 25) }), ['for (let epoch = 0; epoch < EPOCHS; epoch++) {', '  const { xs, ys } = tf.tidy(() => epochTensors(train, stats));', '  const h = await model.fit(xs, ys, { epochs: 1 });', '  tf.dispose([xs, ys]);', '}'].join('\n'));
    assert.equal(apply(src.replace('= epochTensors', '= tf.tidy(() => epochTensors').replace('stats);', 'stats));'), { kind: 'tidyFitData', fitSite: site(3, 25) }), null);
  });

  it('skips a blank line where a parse loop stopped at it', () => {
    const src = ['for (const line of lines.slice(1)) {', "  if (line.trim() === '') break;", '  rows.push(line);', '}'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'blankLineContinue', file: FILE })!, 2), "  if (line.trim() === '') continue;");
    assert.equal(apply(src.replace("=== ''", "=== 'END'"), { kind: 'blankLineContinue', file: FILE }), null);
  });

  it('labels sampled negatives 0 where they were pushed with the positives label', () => {
    const src = ['users.push(u); labels.push(1);', 'for (let k = 0; k < NEG_PER_POS; k++) {', '  const neg = sampleUnfollowed(seen);', '  users.push(u); shows.push(neg); labels.push(1);', '}'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'negativesLabelledZero', file: FILE })!, 4), '  users.push(u); shows.push(neg); labels.push(0);');
    assert.equal(apply(src.replace('labels.push(1);\nfor', 'labels.push(0);\nfor'), { kind: 'negativesLabelledZero', file: FILE }), null);
  });

  it('thresholds the raw column where labels were taken from the standardized copy', () => {
    const src = ['const scaled = table.map((r) => r.map((v, j) => (v - mean[j]) / std[j]));', 'const yRows = scaled.map((r) => [r[SPEND] > 500 ? 1 : 0]);', 'const yTrain = tf.tensor2d(yRows, [n, 1]);'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'labelsFromRaw', site: site(3, 16) })!, 2), 'const yRows = table.map((r) => [r[SPEND] > 500 ? 1 : 0]);');
    assert.equal(apply(src.replace('(v - mean[j]) / std[j]', 'v * 2'), { kind: 'labelsFromRaw', site: site(3, 16) }), null);
  });

  it('takes a maximum over axis 1 where it was taken over the rows', () => {
    assert.equal(apply('const b = r.add(nextQ.max(0, true).mul(GAMMA));', { kind: 'reduceAxisOne', site: site(1, 11) }), 'const b = r.add(nextQ.max(1, true).mul(GAMMA));');
    assert.equal(apply('const m = tf.max(nextQ, 0);', { kind: 'reduceAxisOne', site: site(1, 11) }), 'const m = tf.max(nextQ, 1);');
    assert.equal(apply('const m = nextQ.max(1, true);', { kind: 'reduceAxisOne', site: site(1, 11) }), null);
  });

  it('builds a vocabulary assigned at every pass of a loop only the first time', () => {
    const src = ['let wordIndex = null;', 'for (let epoch = 0; epoch < EPOCHS; epoch++) {', '  wordIndex = buildVocab(texts);', '}'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'vocabOnce', file: FILE })!, 3), '  if (!wordIndex) wordIndex = buildVocab(texts);');
    assert.equal(apply(src.replace(/wordIndex/g, 'batch').replace('buildVocab', 'nextBatch'), { kind: 'vocabOnce', file: FILE }), null);
  });

  it('writes the channels of a pixel written as b, g, r in R, G, B order', () => {
    const src = ['pixels[o] = r / 255; pixels[o + 1] = g / 255; pixels[o + 2] = b / 255;', 'pixels[o] = b / 255; pixels[o + 1] = g / 255; pixels[o + 2] = r / 255;'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'channelOrder', file: FILE })!, 2), 'pixels[o] = r / 255; pixels[o + 1] = g / 255; pixels[o + 2] = b / 255;');
    assert.equal(apply(src.split('\n')[0]!, { kind: 'channelOrder', file: FILE }), null);
  });
});

describe('fixes drawn from the fifty-second and fifty-third sets', () => {
  it('masks with -1e9 where a mask wrote -Infinity into the scores', () => {
    const src = ['const pairMask = tf.logicalAnd(a, b);', 'const masked = tf.where(pairMask, scores, tf.fill(scores.shape, -Infinity));', 'const attended = tf.matMul(tf.softmax(masked), v);'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'finiteMask', site: site(2, 18) })!, 2), 'const masked = tf.where(pairMask, scores, tf.fill(scores.shape, -1e9));');
    assert.equal(lineOf(apply(src.replace('-Infinity', 'Number.NEGATIVE_INFINITY'), { kind: 'finiteMask', site: site(3, 18) })!, 2), 'const masked = tf.where(pairMask, scores, tf.fill(scores.shape, -1e9));');
    assert.equal(apply(src.replace('-Infinity', '-1e9'), { kind: 'finiteMask', site: site(2, 18) }), null);
  });

  it('writes log(1 + exp(z)) as softplus(z)', () => {
    assert.equal(apply('const loss = (y, f) => tf.log(tf.exp(y.mul(f).neg()).add(1)).mean();', { kind: 'softplusForLogExp', site: site(1, 30) }), 'const loss = (y, f) => tf.softplus(y.mul(f).neg()).mean();');
    assert.equal(apply('const l = tf.log(tf.add(1, tf.exp(z)));', { kind: 'softplusForLogExp', site: site(1, 11) }), 'const l = tf.softplus(z);');
    assert.equal(apply('const l = tf.log1p(tf.exp(z)).mean();', { kind: 'softplusForLogExp', site: site(1, 11) }), 'const l = tf.softplus(z).mean();');
    assert.equal(apply('const l = tf.log(tf.exp(z).add(2));', { kind: 'softplusForLogExp', site: site(1, 11) }), null);
    assert.equal(apply('const l = tf.log(tf.exp(z).mul(p).add(1));', { kind: 'softplusForLogExp', site: site(1, 11) }), null);
  });

  it('divides a sum of models\' weights by their number where it was set as the new weights', () => {
    const src = ['const aggregated = globalWeights.map((_, i) => tf.addN(clientUpdates.map((w) => w[i])));', 'globalModel.setWeights(aggregated);'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'averageSum', site: site(2, 13) })!, 1), 'const aggregated = globalWeights.map((_, i) => tf.addN(clientUpdates.map((w) => w[i])).div(clientUpdates.length));');
    assert.equal(apply(src.replace('w[i])))', 'w[i])).div(clientUpdates.length))'), { kind: 'averageSum', site: site(2, 13) }), null);
  });

  it('takes the absolute value of each error before their sum or mean', () => {
    assert.equal(apply('  return tf.abs(tf.sum(tf.sub(yTrue, yPred))).div(n);', { kind: 'absBeforeSum', site: site(1, 10) }), '  return tf.sum(tf.abs(tf.sub(yTrue, yPred))).div(n);');
    assert.equal(apply('  return tf.abs(err.mean());', { kind: 'absBeforeSum', site: site(1, 10) }), '  return tf.abs(err).mean();');
    assert.equal(apply('  return tf.abs(tf.sub(yTrue, yPred)).mean();', { kind: 'absBeforeSum', site: site(1, 10) }), null);
  });

  it('swaps the branches of a Huber loss written the other way round', () => {
    assert.equal(apply('    return tf.where(bigMiss, quadratic, linear).mean();', { kind: 'swapWhereBranches', site: site(1, 12) }), '    return tf.where(bigMiss, linear, quadratic).mean();');
    assert.equal(apply('    return tf.where(a, b, c).add(tf.where(d, e, f));', { kind: 'swapWhereBranches', site: site(1, 12) }), null);
  });

  it('subtracts a flow\'s log-determinant where the loss added it', () => {
    assert.equal(apply('      return logPrior(z).neg().add(logDet).mean();', { kind: 'logDetSign', site: site(1, 7) }), '      return logPrior(z).neg().sub(logDet).mean();');
    assert.equal(apply('      return -logp + sumLogDet;', { kind: 'logDetSign', site: site(1, 7) }), '      return -logp - sumLogDet;');
    assert.equal(apply('      return logPrior(z).neg().sub(logDet).mean();', { kind: 'logDetSign', site: site(1, 7) }), null);
  });

  it('declares a finite-difference step float32 resolves where it was below it', () => {
    const src = ['const FD_STEP = 1e-8;', 'const uPlus = net.apply(t.add(FD_STEP));'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'resolvableStep', site: site(2, 15) })!, 1), 'const FD_STEP = 1e-3;');
    assert.equal(apply(src.replace('1e-8', '0.01'), { kind: 'resolvableStep', site: site(2, 15) }), null);
  });

  it('keeps the weights above the threshold where a pruning mask kept those below it', () => {
    const src = ['    const mask = kernel.abs().lessEqual(threshold);', '    layer.setWeights([kernel.mul(mask.cast(\'float32\')), bias]);'].join('\n');
    assert.equal(lineOf(apply(src, { kind: 'pruneKeepLarge', site: site(2, 11) })!, 1), '    const mask = kernel.abs().greater(threshold);');
    assert.equal(apply(src.replace('lessEqual', 'greater'), { kind: 'pruneKeepLarge', site: site(2, 11) }), null);
  });

  it('takes log1p of the validation targets a line makes', () => {
    assert.equal(apply('const yVal = tf.tensor2d(val.ys, [N_VAL, 1]);', { kind: 'log1pTensor', site: site(1, 14) }), 'const yVal = tf.tensor2d(val.ys, [N_VAL, 1]).log1p();');
    assert.equal(apply('const yVal = tf.tensor2d(val.ys, [N_VAL, 1]).div(SCALE);', { kind: 'log1pTensor', site: site(1, 14) }), null);
  });
});
