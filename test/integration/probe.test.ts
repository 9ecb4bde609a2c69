/**
 * The probe on real tfjs training: call sites, statistics recomputed independently, every way a
 * script can train (fit, fitDataset, custom loop, ESM, TypeScript, npm run, conv on cpu), and the
 * promise that training results do not change.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, lastJsonLine, linesOf, ofType, runPlain, traceRun } from '../helpers/run';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rows } = require('../fixtures/data.js') as { rows: (n: number, f: number) => { x: number[][]; y: number[][] } };

function close(actual: number | null | undefined, expected: number, tolerance = 1e-4, what = 'value'): void {
  assert.ok(actual !== null && actual !== undefined, `${what} is missing`);
  assert.ok(Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)), `${what}: ${actual} is not ${expected}`);
}

function meanStd(values: number[]): { mean: number; std: number; min: number; max: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
  return { mean, std: Math.sqrt(variance), min: Math.min(...values), max: Math.max(...values) };
}

test('fit: layer, compile and fit call sites and statistics match an independent computation', async () => {
  const script = path.join(FIXTURES, 'fit-dense.js');
  const run = await traceRun({ script });
  assert.equal(run.exit.code, 0, run.stderr);
  const [model] = ofType(run.events, 'model');
  assert.equal(model.mode, 'fit');
  assert.deepEqual(
    model.layers.map((l) => l.site?.line),
    linesOf(script, 'tf.layers.dense'),
  );
  assert.equal(model.layers[0].site?.file, script);
  assert.equal(model.compileSite?.line, linesOf(script, 'model.compile')[0]);
  assert.equal(model.fitSite?.line, linesOf(script, 'model.fit(')[0]);
  assert.equal(model.optimizer?.className, 'SGD');
  assert.equal(model.optimizer?.learningRate, 0.01);
  assert.deepEqual(model.loss, ['meanSquaredError']);
  assert.deepEqual(model.layers.map((l) => l.activation), ['relu', 'linear']);
  assert.deepEqual(model.layers.map((l) => l.units), [3, 1]);
  assert.equal(model.fitConfig['validationSamples'], null, 'no validation');

  // Data statistics, recomputed from the same rows.
  const { x, y } = rows(64, 4);
  const xStats = meanStd(x.flat());
  const [xEvent] = ofType(run.events, 'data').filter((d) => d.role === 'x');
  close(xEvent.summary.mean, xStats.mean, 1e-4, 'x mean');
  close(xEvent.summary.std, xStats.std, 1e-4, 'x std');
  close(xEvent.summary.min, xStats.min, 1e-5, 'x min');
  close(xEvent.summary.max, xStats.max, 1e-5, 'x max');
  assert.deepEqual(xEvent.summary.shape, [64, 4]);

  // Iteration 0 trains on rows 0..15 (no shuffle) with constant initial weights:
  // hidden = relu(0.1 * sum(x)) for each of 3 units, output = 0.2 * 3 * hidden.
  const batch = x.slice(0, 16);
  const hidden = batch.map((row) => Math.max(0, 0.1 * row.reduce((a, b) => a + b, 0)));
  const predictions = hidden.map((h) => 0.6 * h);
  const expectedLoss = predictions.reduce((a, p, i) => a + (p - y[i][0]) ** 2, 0) / 16;
  const iterations = ofType(run.events, 'iter');
  assert.equal(iterations.length, 12, '64 rows / 16 per batch * 3 epochs');
  assert.deepEqual(iterations.map((it) => it.iter), [...Array(12).keys()]);
  close(iterations[0].loss, expectedLoss, 1e-4, 'iteration 0 loss');
  const layer0 = iterations[0].layers?.find((l) => l.index === 0)?.out;
  const hiddenStats = meanStd(hidden.flatMap((h) => [h, h, h]));
  close(layer0?.mean, hiddenStats.mean, 1e-4, 'dense_1 output mean');
  close(layer0?.max, hiddenStats.max, 1e-4, 'dense_1 output max');
  close(layer0?.zeroFrac, hidden.filter((h) => h === 0).length / 16, 1e-6, 'dense_1 zero fraction');
  close(layer0?.deadUnitFrac, hidden.every((h) => h === 0) ? 1 : 0, 1e-6, 'dense_1 dead units');
  const kernel = iterations[0].layers?.find((l) => l.index === 0)?.weights.find((w) => w.name.endsWith('kernel'));
  close(kernel?.mean, 0.1, 1e-6, 'dense_1 kernel mean');
  close(kernel?.norm, Math.sqrt(12 * 0.01), 1e-5, 'dense_1 kernel norm');
  assert.ok((iterations[0].gradNorm ?? 0) > 0, 'gradient norm recorded');
  assert.equal(iterations[0].learningRate, 0.01);
  assert.equal(ofType(run.events, 'epoch').length, 3);

  // The script's own history equals what the probe saw, and no tensor leaked.
  const out = lastJsonLine(run.stdout);
  assert.equal(out.tensorsBefore, out.tensorsAfter, 'the probe leaked tensors');
  const epochLosses = ofType(run.events, 'epoch').map((e) => e.logs.loss);
  assert.deepEqual(epochLosses, out.loss);
});

test('validationSplit: the number of samples tfjs validates on reaches the engine', async () => {
  const run = await traceRun({ script: path.join(FIXTURES, 'healthy-regression.js') });
  assert.equal(run.exit.code, 0, run.stderr);
  const [model] = ofType(run.events, 'model');
  // 512 rows at validationSplit 0.2: tfjs trains on the first floor(512 * 0.8) = 409 rows.
  assert.equal(model.fitConfig['validationSamples'], 103);
  assert.ok(ofType(run.events, 'epoch').every((e) => typeof e.logs['val_loss'] === 'number'));
});

test('a seeded run gives exactly the same loss history with and without the probe, and no tensor leaks', async () => {
  const script = path.join(FIXTURES, 'seeded-shuffle.js');
  const plain = lastJsonLine(runPlain(script));
  for (const sampleEvery of [1, 0]) {
    const probed = await traceRun({ script, sampleEvery });
    assert.equal(probed.exit.code, 0, probed.stderr);
    const result = lastJsonLine(probed.stdout);
    assert.deepEqual(result.loss, plain.loss, `loss history changed (sampleEvery ${sampleEvery})`);
    assert.deepEqual(result.acc, plain.acc);
    assert.equal(result.tensors, plain.tensors, 'tensor count after training differs: the probe leaked');
    assert.ok(ofType(probed.events, 'iter').length === 24);
  }
});

test("a learning rate assigned to tfjs's momentum optimizer (ignored by its steps): reported once with its line, training unchanged", async () => {
  const script = path.join(FIXTURES, 'lr-assignment.js');
  const plain = lastJsonLine(runPlain(script));
  const run = await traceRun({ script });
  assert.equal(run.exit.code, 0, run.stderr);
  const result = lastJsonLine(run.stdout);
  assert.deepEqual(result, plain, 'the probe changed the loss history or the learningRate property');
  const ignored = ofType(run.events, 'ignoredSetting');
  assert.equal(ignored.length, 1, JSON.stringify(ignored));
  assert.equal(ignored[0]!.optimizer, 'Momentum');
  assert.equal(ignored[0]!.value, 0.025);
  assert.equal(ignored[0]!.effective, 0.05);
  assert.equal(ignored[0]!.site?.line, linesOf(script, 'optimizer.learningRate = lr')[0]);
  // The steps keep 0.05, and the trace says so.
  assert.deepEqual([...new Set(ofType(run.events, 'iter').map((e) => e.learningRate))], [0.05]);

  for (const mode of ['setLearningRate', 'both']) {
    const ok = await traceRun({ script, env: { ...process.env, FAULTLINE_FIXTURE_SCHEDULE: mode } });
    assert.equal(ok.exit.code, 0, ok.stderr);
    assert.deepEqual(ofType(ok.events, 'ignoredSetting'), [], mode);
    assert.ok(ofType(ok.events, 'iter').some((e) => e.learningRate === 0.025), `${mode}: the trace shows the lowered rate`);
  }
});

test("a learning rate raised mid-run through Adam's property: the trace names the line from that step on, training unchanged", async () => {
  const script = path.join(FIXTURES, 'adam-lr-raised.js');
  const plain = lastJsonLine(runPlain(script));
  const run = await traceRun({ script });
  assert.equal(run.exit.code, 0, run.stderr);
  assert.deepEqual(lastJsonLine(run.stdout), plain, 'the probe changed the loss history or the learningRate property');
  assert.equal(plain.learningRate, 1e5);
  const iterations = ofType(run.events, 'iter');
  const raisedAt = iterations.findIndex((e) => e.learningRate === 1e5);
  assert.ok(raisedAt > 0, 'the trace shows the raised rate');
  // 256 rows in batches of 32: the callback runs after epoch 3 (index 2), before step 24.
  assert.equal(iterations[raisedAt]!.iter, 24);
  assert.ok(iterations.slice(0, raisedAt).every((e) => e.learningRateSite === undefined), 'the constructor and compile are not changes');
  const line = linesOf(script, 'optimizer.learningRate = 1e5')[0];
  assert.ok(iterations.slice(raisedAt).every((e) => e.learningRateSite?.line === line && e.learningRateSite.file === script));
});

test('fitDataset: traced through the injected callback', async () => {
  const script = path.join(FIXTURES, 'fit-dataset.js');
  const run = await traceRun({ script });
  assert.equal(run.exit.code, 0, run.stderr);
  const [model] = ofType(run.events, 'model');
  assert.equal(model.mode, 'fitDataset');
  assert.deepEqual(model.layers.map((l) => l.site?.line), linesOf(script, 'tf.layers.dense'));
  assert.equal(model.fitSite?.line, linesOf(script, 'model.fitDataset(')[0]);
  const iterations = ofType(run.events, 'iter');
  assert.equal(iterations.length, 6, '48 rows / 16 per batch * 2 epochs');
  assert.deepEqual(iterations.map((i) => i.epoch), [0, 0, 0, 1, 1, 1]);
  const out = lastJsonLine(run.stdout);
  assert.deepEqual(ofType(run.events, 'epoch').map((e) => e.logs.loss), out.loss);
  // The first batch's inputs are summarized from the first layer's input.
  const { x } = rows(48, 4);
  const [xEvent] = ofType(run.events, 'data');
  close(xEvent.summary.mean, meanStd(x.slice(0, 16).flat()).mean, 1e-4, 'first batch mean');
});

test('fitDataset on batches of one class after another: the batches\' classes are reported, and training is exactly as without the probe', async () => {
  const script = path.join(FIXTURES, 'dataset-sorted.js');
  const plain = lastJsonLine(runPlain(script));
  const run = await traceRun({ script });
  assert.equal(run.exit.code, 0, run.stderr);
  const probed = lastJsonLine(run.stdout);
  assert.deepEqual(probed.loss, plain.loss, 'loss history changed');
  assert.equal(probed.tensors, plain.tensors, 'tensor count after training differs: the probe leaked');
  // 600 rows sorted by class (200 of each) in batches of 20: the first 16 batches are 10 of class 0, then 6 of class 1.
  const [batches] = ofType(run.events, 'batchClasses');
  assert.deepEqual(
    { batches: batches?.batches, singleClass: batches?.singleClass, kinds: batches?.singleClassKinds, runs: batches?.runs, batchRows: batches?.batchRows, rows: batches?.rows },
    { batches: 16, singleClass: 16, kinds: 2, runs: 2, batchRows: 20, rows: 600 },
  );
  assert.deepEqual(batches?.batchSite && [batches.batchSite.file, batches.batchSite.line], [script, linesOf(script, '.batch(20)')[0]], 'the .batch() call that made the dataset');
  assert.equal(ofType(run.events, 'batchClasses').length, 1, 'reported once');
});

test('custom loop with optimizer.minimize: one event per step with the loss the script saw', async () => {
  const script = path.join(FIXTURES, 'custom-loop.js');
  const run = await traceRun({ script, sampleEvery: 4 });
  assert.equal(run.exit.code, 0, run.stderr);
  const [model] = ofType(run.events, 'model');
  assert.equal(model.mode, 'custom');
  assert.deepEqual(model.layers.map((l) => l.site?.line), linesOf(script, 'tf.layers.dense'));
  assert.equal(model.optimizer?.site?.line, linesOf(script, 'tf.train.adam')[0]);
  const iterations = ofType(run.events, 'iter');
  const out = lastJsonLine(run.stdout);
  assert.equal(iterations.length, out.loss.length);
  iterations.forEach((it, i) => close(it.loss, out.loss[i], 1e-6, `loss at step ${i}`));
  assert.equal(iterations[0].epoch, null);
  // Step 0 sees the model only once it trains, so its layer outputs start at step 1.
  const sampled = iterations.filter((it) => it.layers?.some((l) => l.out));
  assert.ok(sampled.length >= 3, 'detailed steps carry layer outputs');
  assert.ok(iterations.filter((it) => it.layers).every((it) => (it.gradNorm ?? 0) > 0));
  // The loop compiles no loss: its tf.losses call names the loss, once, and its labels are the targets.
  const calls = ofType(run.events, 'lossCall');
  assert.deepEqual(calls.map((c) => [c.fn, c.site?.line, c.probabilities]), [['meanSquaredError', linesOf(script, 'tf.losses.meanSquaredError')[0], false]]);
  const targets = ofType(run.events, 'data').filter((d) => d.role === 'y');
  assert.equal(targets.length, 1);
  const { y } = rows(32, 4);
  close(targets[0]!.summary.mean, meanStd(y.flat()).mean, 1e-4, 'target mean');
  assert.deepEqual(targets[0]!.summary.shape, [32, 1]);
});

test('ESM script: sites are file paths, not file:// URLs', async () => {
  const script = path.join(FIXTURES, 'esm-fit.mjs');
  const run = await traceRun({ script });
  assert.equal(run.exit.code, 0, run.stderr);
  const [model] = ofType(run.events, 'model');
  assert.equal(model.layers[0].site?.file, script);
  assert.deepEqual(model.layers.map((l) => l.site?.line), linesOf(script, 'tf.layers.dense'));
  assert.equal(model.compileSite?.line, linesOf(script, 'model.compile')[0]);
  assert.equal(ofType(run.events, 'iter').length, 5);
});

test('TypeScript through tsx: sites are lines of the .ts file', async () => {
  const script = path.join(FIXTURES, 'ts-fit.ts');
  const run = await traceRun({ script });
  assert.equal(run.exit.code, 0, run.stderr);
  const [model] = ofType(run.events, 'model');
  assert.equal(model.layers[0].site?.file, script);
  assert.deepEqual(model.layers.map((l) => l.site?.line), linesOf(script, 'tf.layers.dense'));
  assert.equal(model.fitSite?.line, linesOf(script, 'model.fit(')[0]);
  assert.equal(model.optimizer?.className, 'SGD');
  assert.equal(ofType(run.events, 'iter').length, 6);
});

test('npm run: the trace arrives through the pipe fallback and the user output still reaches the user', async () => {
  const cwd = path.join(FIXTURES, 'npm-project');
  const run = await traceRun({ command: ['npm', 'run', '--silent', 'train'], cwd });
  assert.equal(run.exit.code, 0, run.stderr);
  assert.match(run.stdout, /trained/);
  const [model] = ofType(run.events, 'model');
  const script = path.join(cwd, 'train.js');
  assert.deepEqual(model.layers.map((l) => l.site?.line), linesOf(script, 'tf.layers.dense'));
  assert.equal(ofType(run.events, 'iter').length, 8);
  assert.equal(ofType(run.events, 'hello').length, 1, 'only the training process reports');
});

test('conv model on the cpu backend: per-unit statistics over filters', async () => {
  const script = path.join(FIXTURES, 'conv-cpu.js');
  const run = await traceRun({ script, sampleEvery: 1 });
  assert.equal(run.exit.code, 0, run.stderr);
  const [model] = ofType(run.events, 'model');
  assert.equal(model.backend, 'cpu');
  assert.deepEqual(model.layers.map((l) => l.className), ['Conv2D', 'Flatten', 'Dense']);
  assert.equal(model.layers[0].site?.line, linesOf(script, 'tf.layers.conv2d')[0]);
  const [y] = ofType(run.events, 'data').filter((d) => d.role === 'y');
  assert.equal(y.summary.oneHotRows, true);
  assert.deepEqual(y.summary.distinct, [0, 1]);
  const first = ofType(run.events, 'iter')[0];
  const conv = first.layers?.find((l) => l.index === 0);
  assert.ok(conv?.out && conv.out.count === 8 * 4 * 4 * 2);
  assert.ok(conv.out.deadUnitFrac !== null && conv.out.deadUnitFrac >= 0 && conv.out.deadUnitFrac <= 1);
  assert.equal(conv.grads.length, 2);
});

test('a custom loop that leaks tensors: the leak is reported once with the lines that made them, and training is exactly as without the probe', async () => {
  const script = path.join(FIXTURES, 'tensor-leak.js');
  const plain = lastJsonLine(runPlain(script));
  const run = await traceRun({ script });
  assert.equal(run.exit.code, 0, run.stderr);
  const probed = lastJsonLine(run.stdout);
  assert.deepEqual(probed.loss, plain.loss, 'loss history changed');
  assert.equal(probed.tensors, plain.tensors, 'the probe changed the live tensor count');
  const leaks = ofType(run.events, 'tensorLeak');
  assert.equal(leaks.length, 1, 'reported once');
  const leak = leaks[0]!;
  // Two slices and the returned loss per step: 512 + 128 + 4 bytes.
  assert.deepEqual([leak.tensorsPerStep, leak.bytesPerStep, leak.steps], [3, 644, 16]);
  assert.deepEqual(
    leak.sites.map((s) => [s.site?.line, s.tensors, s.dtype, s.shape]),
    [
      [linesOf(script, 'const xb = xs.slice')[0], 1, 'float32', [32, 4]],
      [linesOf(script, 'const yb = ys.slice')[0], 1, 'float32', [32, 1]],
      [linesOf(script, 'const cost = optimizer.minimize')[0], 1, 'float32', []],
    ],
  );
  assert.equal(leak.stepSite?.line, linesOf(script, 'const cost = optimizer.minimize')[0]);
});

test('a custom loop that leaks once per epoch (a validation loss never freed) is reported once with that line, and training is exactly as without the probe', async () => {
  const script = path.join(FIXTURES, 'epoch-leak-loop.js');
  const plain = lastJsonLine(runPlain(script));
  const run = await traceRun({ script });
  assert.equal(run.exit.code, 0, run.stderr);
  assert.deepEqual(lastJsonLine(run.stdout), plain, 'training or the live tensor count changed');
  const leaks = ofType(run.events, 'tensorLeak');
  assert.equal(leaks.length, 1, 'reported once');
  // The loss and the prediction it is computed from: 4 + 64 x 4 bytes, once every 8 steps (256 rows in batches of 32).
  assert.deepEqual(
    leaks.map((e) => [e.period, e.everySteps, e.tensorsPerStep, e.bytesPerStep, e.sites.map((s) => [s.site?.line, s.tensors])]),
    [['steps', 8, 2, 260, [[linesOf(script, 'const valLoss = tf.losses')[0], 2]]]],
  );
});

test('training that frees what it makes reports no leak: fit over many epochs, a tidy custom loop, fitDataset', async () => {
  for (const name of ['fit-dense.js', 'custom-loop.js', 'fit-dataset.js', 'seeded-shuffle.js']) {
    const run = await traceRun({ script: path.join(FIXTURES, name) });
    assert.equal(run.exit.code, 0, run.stderr);
    assert.deepEqual(ofType(run.events, 'tensorLeak'), [], name);
  }
});

test('a new optimizer at every step is reported once, through minimize and through variableGrads + applyGradients, and training is exactly as without the probe', async () => {
  const script = path.join(FIXTURES, 'optimizer-in-loop.js');
  const source = fs.readFileSync(script, 'utf8');
  const viaGrads = script.replace(/\.js$/, `.grads-${process.pid}.js`);
  fs.writeFileSync(
    viaGrads,
    source.replace(
      '        return optimizer.minimize(() => tf.losses.meanSquaredError(yb, model.apply(xb)), true);',
      '        const { value, grads } = tf.variableGrads(() => tf.losses.meanSquaredError(yb, model.apply(xb)));\n        optimizer.applyGradients(grads);\n        return value;',
    ),
  );
  try {
    for (const file of [script, viaGrads]) {
      const plain = lastJsonLine(runPlain(file));
      const run = await traceRun({ script: file });
      assert.equal(run.exit.code, 0, run.stderr);
      assert.deepEqual(lastJsonLine(run.stdout).loss, plain.loss, 'loss history changed');
      const events = ofType(run.events, 'optimizerRecreated');
      assert.equal(events.length, 1, path.basename(file));
      assert.deepEqual([events[0]!.site.line, events[0]!.className, events[0]!.steps], [linesOf(file, 'const optimizer = tf.train.adam(0.01)')[0], 'Adam', 4]);
    }
  } finally {
    fs.rmSync(viaGrads, { force: true });
  }
});

test('inputs and labels shuffled apart are reported with both lines, in fit, fitDataset and a custom loop over model.predict, and training is exactly as without the probe', async () => {
  const script = path.join(FIXTURES, 'shuffled-apart.js');
  const source = fs.readFileSync(script, 'utf8');
  // The same data, labels shuffled first, trained by a custom loop on inputs scaled by hand.
  const loop = script.replace(/\.js$/, `.loop-${process.pid}.js`);
  const loopSource = source
    .replace('  tf.util.shuffle(x);\n  tf.util.shuffle(labels);', '  tf.util.shuffle(labels);\n  tf.util.shuffle(x);')
    .replace('const xs = tf.tensor2d(x.slice(0, 480));', 'const xs = tf.tensor2d(x.slice(0, 480)).sub(0.5).div(2);')
    .replace(
      /  const history = await model\.fit\([^\n]*\n  console\.log\([^\n]*\n/,
      [
        '  const optimizer = tf.train.adam(0.01);',
        '  const loss = [];',
        '  for (let b = 0; b < 480; b += 32) {',
        '    const cost = tf.tidy(() => optimizer.minimize(() => tf.losses.softmaxCrossEntropy(ys.slice(b, 32), model.predict(xs.slice(b, 32))), true));',
        '    loss.push(cost.dataSync()[0]);',
        '    cost.dispose();',
        '  }',
        '  console.log(JSON.stringify({ loss }));',
        '',
      ].join('\n'),
    );
  assert.ok(loopSource.includes('optimizer.minimize'), 'the loop variant was written');
  fs.writeFileSync(loop, loopSource);
  // The same arrays zipped into a tf.data dataset for fitDataset, the labels one-hot in plain JS.
  const dataset = script.replace(/\.js$/, `.dataset-${process.pid}.js`);
  const datasetSource = source.replace(
    /  const history = await model\.fit\([^\n]*\n/,
    [
      '  const oneHotRows = labels.slice(0, 480).map((c) => [0, 1, 2, 3].map((j) => (j === c ? 1 : 0)));',
      '  const ds = tf.data.zip({ xs: tf.data.array(x.slice(0, 480)), ys: tf.data.array(oneHotRows) }).batch(32);',
      '  const history = await model.fitDataset(ds, { epochs: 3, validationData: [xv, yv], verbose: 0 });',
      '',
    ].join('\n'),
  );
  assert.ok(datasetSource.includes('fitDataset'), 'the dataset variant was written');
  fs.writeFileSync(dataset, datasetSource);
  // Rows of 150 values: fit's inputs (72,000 values) are large enough to be read through a slice.
  const wide = script.replace(/\.js$/, `.wide-${process.pid}.js`);
  const wideSource = source.replace('classRows(600, 4, 6, 2)', 'classRows(600, 4, 150, 2)').replace('inputShape: [6]', 'inputShape: [150]');
  assert.notEqual(wideSource, source, 'the wide variant was written');
  fs.writeFileSync(wide, wideSource);
  try {
    for (const [file, inputsLine, targetsLine] of [
      [script, 'tf.util.shuffle(x);', 'tf.util.shuffle(labels);'],
      [loop, 'tf.util.shuffle(x);', 'tf.util.shuffle(labels);'],
      [dataset, 'tf.util.shuffle(x);', 'tf.util.shuffle(labels);'],
      [wide, 'tf.util.shuffle(x);', 'tf.util.shuffle(labels);'],
    ] as const) {
      const plain = lastJsonLine(runPlain(file));
      const run = await traceRun({ script: file });
      assert.equal(run.exit.code, 0, run.stderr);
      assert.deepEqual(lastJsonLine(run.stdout).loss, plain.loss, 'loss history changed');
      const events = ofType(run.events, 'shuffledApart');
      assert.equal(events.length, 1, path.basename(file));
      const e = events[0]!;
      assert.deepEqual([e.inputs?.line, e.targets?.line, e.inputsFirst, e.rows, e.combo], [linesOf(file, inputsLine)[0], linesOf(file, targetsLine)[0], file !== loop, 600, true]);
      // The custom loop's inputs reach the engine though model.predict disposes the slices it feeds the layers.
      assert.deepEqual(ofType(run.events, 'data').find((d) => d.role === 'x')?.summary.shape, file === script ? [480, 6] : file === wide ? [480, 150] : [32, 6]);
    }
  } finally {
    for (const variant of [loop, dataset, wide]) fs.rmSync(variant, { force: true });
  }
});

test('a custom loop over model.predict: every layer\'s outputs are read though predict frees them, the unclipped logs are reported, and training is exactly as without the probe', async () => {
  const script = path.join(FIXTURES, 'log-unclipped.js');
  const plain = lastJsonLine(runPlain(script));
  const run = await traceRun({ script });
  assert.equal(run.exit.code, 0, run.stderr);
  assert.deepEqual(lastJsonLine(run.stdout), plain, 'training changed');
  const logs = ofType(run.events, 'logOfProbabilities');
  const line = linesOf(script, 'tf.log(tf.sub(1, p))')[0];
  assert.deepEqual(logs.map((e) => [e.site?.line, e.source, e.complement]), [[line, 'sigmoid', false], [line, 'sigmoid', true]]);
  // predict splits the 40 rows into batches of 32 and 8: both are read, and the first step's are statistics of all 40.
  const first = ofType(run.events, 'iter').find((e) => e.layers?.length)!;
  assert.deepEqual(first.layers!.map((l) => [l.index, l.out?.count]), [[0, 40 * 16], [1, 40]]);
  assert.equal(ofType(run.events, 'tensorLeak').length, 0, 'the probe\'s copies are freed');
});

test('a sqrt that takes 0 in a training step is reported once, at the step whose gradients it made NaN; a guarded sqrt and a sqrt of data at 0 are not; training is exactly as without the probe', async () => {
  const script = path.join(FIXTURES, 'sqrt-distance.js');
  for (const args of [[], ['--norm'], ['--guarded']]) {
    const plain = lastJsonLine(runPlain(script, args));
    const run = await traceRun({ script, args });
    assert.equal(run.exit.code, 0, run.stderr);
    assert.deepEqual(lastJsonLine(run.stdout), plain, 'training changed');
    const events = ofType(run.events, 'opAtZero');
    // The line that computed the loss the step returns.
    assert.deepEqual(ofType(run.events, 'lossComputed').map((e) => e.site.line), [linesOf(script, 'return guarded ? tf.mean(')[0]]);
    if (args[0] === '--guarded') {
      assert.deepEqual(events, []);
      continue;
    }
    // The loss turns NaN at the step after the one whose gradients the 0 spoiled.
    const nanStep = plain.nanAt as number;
    assert.ok(nanStep >= 4, 'the first pair of a point with itself comes after the inspected steps');
    const expected = args[0] === '--norm' ? ['norm', linesOf(script, 'const d = viaNorm ?')[0]] : ['sqrt', linesOf(script, ': tf.sqrt(squared);')[0]];
    assert.deepEqual(events.map((e) => [e.iter, e.call, e.site?.line, e.zeros, e.negatives, e.count]), [[nanStep - 1, ...expected, 1, 0, 32]]);
    const iter = ofType(run.events, 'iter').find((e) => e.iter === nanStep - 1)!;
    assert.deepEqual([iter.lossNonFinite, iter.gradNonFinite], [false, true]);
  }
});

test('dropout run in inference mode by a custom loop over model.predict is reported once with the calling line; with { training: true } it is not; training is exactly as without the probe', async () => {
  const script = path.join(FIXTURES, 'dropout-predict-loop.js');
  const plain = lastJsonLine(runPlain(script));
  const run = await traceRun({ script });
  assert.equal(run.exit.code, 0, run.stderr);
  assert.deepEqual(lastJsonLine(run.stdout).loss, plain.loss, 'loss history changed');
  const events = ofType(run.events, 'inferenceMode');
  assert.deepEqual(events.map((e) => [e.layers, e.site?.line, e.call]), [[[1], linesOf(script, 'model.predict(xs.slice(b, 32))')[0], 'predict']]);

  const training = script.replace(/\.js$/, `.training-${process.pid}.js`);
  fs.writeFileSync(training, fs.readFileSync(script, 'utf8').replace('model.predict(xs.slice(b, 32))', 'model.apply(xs.slice(b, 32), { training: true })'));
  try {
    const fixed = await traceRun({ script: training });
    assert.equal(fixed.exit.code, 0, fixed.stderr);
    assert.deepEqual(ofType(fixed.events, 'inferenceMode'), []);
  } finally {
    fs.rmSync(training, { force: true });
  }
});
