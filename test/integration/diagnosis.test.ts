/**
 * The whole chain on real training: `faultline run` on small scripts that each show one fault,
 * asserting the verdict, symptom, root cause, line and an applicable fix; and healthy scripts
 * (MLP, CNN, regression, the benchmark's healthy case) that must produce no finding at all.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding, Report } from '../../src/analysis/findings';
import { applyEdits } from '../../src/analysis/fixes';
import { scratchDir } from '../helpers/scratch';
import { FIXTURES, linesOf, ofType, ROOT, runCli, traceRun } from '../helpers/run';

function diagnose(script: string): { code: number | null; report: Report; stdout: string } {
  const file = path.join(scratchDir('faultline-diag-'), 'report.json');
  const r = runCli(['run', script, '--report', file]);
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as Report;
  return { code: r.code, report, stdout: r.stdout };
}

function lead(report: Report): Finding {
  const confirmed = report.findings.filter((f) => f.confirmed).sort((a, b) => a.elapsedMs - b.elapsedMs);
  assert.ok(confirmed.length > 0, `no confirmed finding: ${JSON.stringify(report.findings.map((f) => f.id))}`);
  return confirmed[0];
}

const FAULTS: Array<{ script: string; symptoms: string[]; rootCause: string; lineOf: string; fixed?: string }> = [
  { script: 'examples/nan-learning-rate.js', symptoms: ['learning-rate-out-of-range', 'non-finite-loss', 'non-finite-output', 'loss-diverging'], rootCause: 'learning-rate', lineOf: 'tf.train.sgd(5)', fixed: 'tf.train.sgd(0.01)' },
  { script: 'examples/wrong-output-activation.js', symptoms: ['activation-loss-mismatch'], rootCause: 'output-activation', lineOf: "units: 3, activation: 'relu'", fixed: "activation: 'softmax'" },
  { script: 'benchmark/cases/48251943/buggy.js', symptoms: ['output-out-of-range'], rootCause: 'output-activation', lineOf: '' },
  { script: 'benchmark/cases/52800582/buggy.js', symptoms: ['unscaled-input'], rootCause: 'input-normalization', lineOf: '' },
  { script: 'benchmark/cases/59325381/buggy.js', symptoms: ['label-encoding-mismatch'], rootCause: 'label-encoding', lineOf: '' },
  // A rate raised mid-run is blamed on the line that raised it: setLearningRate in a custom loop,
  // and a plain assignment to Adam's learningRate in a fit callback.
  { script: 'benchmark/latency/lr-jump-loop.js', symptoms: ['loss-diverging', 'non-finite-loss', 'non-finite-output'], rootCause: 'learning-rate', lineOf: 'optimizer.setLearningRate(1e6)', fixed: 'optimizer.setLearningRate(0.01)' },
  { script: 'test/fixtures/adam-lr-raised.js', symptoms: ['loss-diverging', 'non-finite-loss', 'non-finite-output'], rootCause: 'learning-rate', lineOf: 'optimizer.learningRate = 1e5', fixed: 'optimizer.learningRate = 0.01;' },
  { script: 'test/fixtures/lr-assignment.js', symptoms: ['learning-rate-ignored'], rootCause: 'learning-rate', lineOf: 'optimizer.learningRate = lr', fixed: 'optimizer.setLearningRate(lr);' },
  // NaN in the inputs: blamed on the data, not on the learning rate the jumping loss suggests.
  { script: 'test/fixtures/nan-in-inputs.js', symptoms: ['non-finite-data'], rootCause: 'training-data', lineOf: 'await model.fit(', fixed: 'tf.where(tf.isFinite(t), t, tf.zerosLike(t))' },
  // A zero kernel behind ReLU: the initializer is the fix, not the activation.
  { script: 'test/fixtures/zero-init.js', symptoms: ['dead-relu'], rootCause: 'weight-initialization', lineOf: "kernelInitializer: 'zeros'", fixed: "kernelInitializer: 'heNormal'" },
  // A keep probability written as the dropout rate: training stalls near chance.
  { script: 'test/fixtures/dropout-keep-prob.js', symptoms: ['high-dropout'], rootCause: 'regularization', lineOf: 'dropout({ rate: 0.98 })', fixed: 'dropout({ rate: 0.02 })' },
  // A contrastive loss's distance takes sqrt(0) for a pair of a point with itself: NaN gradients blamed on the sqrt.
  { script: 'examples/siamese-nan.js', symptoms: ['non-finite-gradients'], rootCause: 'loss-function', lineOf: 'const distance = tf.sqrt(', fixed: 'const distance = tf.sqrt(tf.maximum(tf.sum(tf.square(tf.sub(encoder.apply(xa), encoder.apply(xb))), 1), 1e-7));' },
  // Written bugs (benchmark/bugs): each at a line its case.json names.
  { script: 'benchmark/bugs/minimize-partial-varlist/buggy.js', symptoms: ['weights-unchanged'], rootCause: 'optimizer', lineOf: '', fixed: 'const trainableVars = model.trainableWeights.map((w) => w.read());' },
  { script: 'benchmark/bugs/loss-sign-flipped/buggy.js', symptoms: ['loss-diverging'], rootCause: 'loss-function', lineOf: '', fixed: 'tf.mean(tf.sum(labels.mul(tf.logSoftmax(logits)), -1)).neg();' },
  { script: 'benchmark/bugs/unscaled-price-targets/buggy.js', symptoms: ['unscaled-input'], rootCause: 'input-normalization', lineOf: '' },
  { script: 'benchmark/bugs/reused-row-array/buggy.js', symptoms: ['identical-inputs'], rootCause: 'training-data', lineOf: '', fixed: '  for (let i = 0; i < n; i++) {\n    const row = [];' },
  // A per-epoch decay in the batch loop: moved after that loop.
  { script: 'benchmark/bugs/lr-decay-every-step/buggy.js', symptoms: ['learning-rate-out-of-range'], rootCause: 'learning-rate', lineOf: '', fixed: '      cost.dispose();\n    }\n    optimizer.learningRate *= LR_DECAY;\n' },
  // A batch cut at an offset that never changes: every step trains on the first 32 rows.
  { script: 'benchmark/bugs/same-batch-every-step/buggy.js', symptoms: ['same-batch'], rootCause: 'training-data', lineOf: '', fixed: 'const xb = xTrain.slice(j * BATCH, BATCH);\n        const yb = yTrain.slice(j * BATCH, BATCH);' },
  // Each batch's labels cut from the next batch's rows.
  { script: 'benchmark/bugs/labels-shifted-batch/buggy.js', symptoms: ['batches-apart'], rootCause: 'training-data', lineOf: '', fixed: 'const yb = yAll.slice([(b - 1) * BATCH, 0], [BATCH, 3]);' },
  // Batches as large as the training set: 20 updates in all.
  { script: 'benchmark/bugs/full-batch-few-epochs/buggy.js', symptoms: ['training-cut-short'], rootCause: 'batch-size', lineOf: '', fixed: 'batchSize: 32' },
  // A pooling window as large as the image.
  { script: 'benchmark/bugs/conv-pool-collapses/buggy.js', symptoms: ['loss-not-decreasing'], rootCause: 'architecture', lineOf: '', fixed: 'tf.layers.maxPooling2d({ poolSize: 2 })' },
  // 0/1 labels standardized with the features, given to binaryCrossentropy.
  // Located where the label column is cut from the standardized table, not where the training rows are cut from it.
  { script: 'benchmark/bugs/label-column-standardized/buggy.js', symptoms: ['label-encoding-mismatch'], rootCause: 'label-encoding', lineOf: 'const ys = scaled.slice(', fixed: '.greater(' },
  // Rows standardized in a helper: the moments call's axis, a function away from fit.
  { script: 'benchmark/bugs/row-wise-standardization/buggy.js', symptoms: ['targets-unrelated'], rootCause: 'input-normalization', lineOf: 'tf.moments(x, 1, true)', fixed: 'const { mean, variance } = tf.moments(x, 0, true);' },
  // Inputs made in an arrow function a line above their declaration: the finding is where they are made.
  { script: 'benchmark/bugs/lstm-unscaled-sequence/buggy.js', symptoms: ['unscaled-input'], rootCause: 'input-normalization', lineOf: 'const toInputs = ' },
  // Inputs gathered by shuffled indices, labels cut in order.
  { script: 'benchmark/bugs/indices-shuffled-for-inputs-only/buggy.js', symptoms: ['batches-apart'], rootCause: 'training-data', lineOf: '', fixed: 'const yb = tf.gather(yTrain, idx);' },
  // A custom loop's loss summed over a 256-row batch: the overflow is the sum's, not the learning rate's.
  { script: 'benchmark/bugs/loss-sum-not-mean/buggy.js', symptoms: ['non-finite-output', 'non-finite-loss', 'non-finite-weights', 'loss-diverging'], rootCause: 'loss-function', lineOf: '', fixed: 'tf.mean(tf.square(model.predict(xb).sub(yb)))' },
  // Labels computed from the next point's coordinates: the stall is the data's, on the loop line that computes each label.
  { script: 'benchmark/bugs/labels-off-by-one/buggy.js', symptoms: ['loss-not-decreasing', 'accuracy-not-increasing'], rootCause: 'training-data', lineOf: 'ys[i] = ' },
  // Dropout of 0.9 after 32-unit layers: the loss falls a little, then settles near the no-skill level.
  { script: 'benchmark/bugs/dropout-as-keep-prob/buggy.js', symptoms: ['high-dropout'], rootCause: 'regularization', lineOf: '', fixed: 'tf.layers.dropout({ rate: 0.1 })' },
  // Raw validation inputs beside standardized training inputs: scaled the same way where they are made.
  { script: 'benchmark/bugs/validation-data-unnormalized/buggy.js', symptoms: ['validation-unscaled'], rootCause: 'input-normalization', lineOf: 'const xVal = ', fixed: 'const xVal = tf.tensor2d(val.xs, [300, NUM_FEATURES]).sub(mean).div(std);' },
  // A model built inside the epoch loop by a helper: the loop's call moves before the loop.
  { script: 'benchmark/bugs/model-rebuilt-each-epoch/buggy.js', symptoms: ['model-rebuilt'], rootCause: 'training-length', lineOf: '', fixed: '  model = buildModel();\n  for (let epoch = 0;' },
  // Freezing all but the last layer also froze the new head's hidden layer at its random weights.
  { script: 'benchmark/bugs/frozen-new-head/buggy.js', symptoms: ['frozen-untrained'], rootCause: 'architecture', lineOf: '', fixed: "layer.trainable = false;\n  model.getLayer('dense_Dense4').trainable = true;" },
  // Inputs and targets as two datasets shuffled each on its own, then zipped for fitDataset.
  { script: 'benchmark/bugs/dataset-zip-shuffled/buggy.js', symptoms: ['labels-shuffled-apart'], rootCause: 'training-data', lineOf: '', fixed: 'const trainDs = tf.data.zip({ xs, ys }).shuffle(BUFFER).batch(32);' },
  // Sequences padded at the end, read by an LSTM with no mask: a masking layer before it.
  { script: 'benchmark/bugs/sequence-padding-overwhelms/buggy.js', symptoms: ['sequences-padded-at-end'], rootCause: 'architecture', lineOf: 'tf.layers.lstm(', fixed: 'model.add(tf.layers.masking({ maskValue: 0, inputShape: [MAX_LEN, BASES.length] }));\n  model.add(tf.layers.lstm({ units: 16 }));' },
  // A hand-written log-softmax over the batch axis: certain from the step's kernels, whatever its own loss does.
  { script: 'benchmark/bugs/softmax-over-batch-axis/buggy.js', symptoms: ['loss-over-batch-axis'], rootCause: 'loss-function', lineOf: '', fixed: 'logits.sub(tf.logSumExp(logits, -1, true))' },
  // Softmax over multi-label targets (two labels a row on average): certain, though the loss falls.
  { script: 'benchmark/bugs/softmax-multilabel/buggy.js', symptoms: ['activation-loss-mismatch'], rootCause: 'output-activation', lineOf: '', fixed: "loss: 'binaryCrossentropy'" },
  // Early stopping with patience 0 ends fit after a few epochs, the loss still near knowing nothing.
  { script: 'benchmark/bugs/early-stopping-patience-zero/buggy.js', symptoms: ['stopped-early'], rootCause: 'training-length', lineOf: '', fixed: "earlyStopping({ monitor: 'val_loss', patience: 10 })" },
  // 5 % positives, no class weights: the model predicts the majority class for almost every row.
  { script: 'benchmark/bugs/class-imbalance-majority/buggy.js', symptoms: ['minority-never-predicted'], rootCause: 'training-data', lineOf: '', fixed: 'classWeight: { 0: 1, 1: ' },
  // A per-epoch schedule that multiplies the rate by 1.5: dead units are blamed on the line that grows it.
  { script: 'benchmark/bugs/lr-growth-factor/buggy.js', symptoms: ['constant-output', 'dead-relu', 'loss-diverging'], rootCause: 'learning-rate', lineOf: '', fixed: 'optimizer.setLearningRate(optimizer.learningRate * 0.67);' },
  // Majority votes summed over the class axis: every label becomes class 0, shown where the labels are made.
  { script: 'benchmark/bugs/argmax-wrong-axis-labels/buggy.js', symptoms: ['one-class-targets'], rootCause: 'label-encoding', lineOf: '' },
  // One mean and variance over all values (tf.moments(x)): the ratio columns are left nearly constant.
  { script: 'benchmark/bugs/global-standardization/buggy.js', symptoms: ['unscaled-input'], rootCause: 'input-normalization', lineOf: '', fixed: 'tf.moments(xTrainRaw, 0)' },
  // Training rows cut with the test set's size: 120 of 1,320 rows train, and validation stays far behind.
  { script: 'benchmark/bugs/train-slice-test-size/buggy.js', symptoms: ['rows-left-out'], rootCause: 'training-data', lineOf: '', fixed: 'const xTrain = xAll.slice([0, 0], [N_TRAIN, F]);\n  const yTrain = yAll.slice([0, 0], [N_TRAIN, C]);' },
  // 12×12 gray images laid out [1, 12, 12] for a channels-last conv2d: certain from the shapes, shown and fixed in the constant that shapes both.
  { script: 'benchmark/bugs/conv-channels-first/buggy.js', symptoms: ['channels-first-images'], rootCause: 'training-data', lineOf: 'const IMAGE_SHAPE = ', fixed: 'const IMAGE_SHAPE = [SIZE, SIZE, 1];' },
  // Gradients clipped to ±1e-4 before applyGradients under momentum SGD: the clip, not the learning rate.
  { script: 'benchmark/bugs/grad-clip-too-tight/buggy.js', symptoms: ['gradients-shrunk'], rootCause: 'optimizer', lineOf: '', fixed: 'tf.clipByValue(grads[name], -1, 1)' },
  // Micro-batch gradients summed into an accumulator that is never reset: shown after the applyGradients call, where the fix frees the sums and makes the accumulator anew.
  { script: 'benchmark/bugs/gradient-accumulator-never-reset/buggy.js', symptoms: ['gradients-accumulated'], rootCause: 'optimizer', lineOf: 'tf.dispose(averaged)', fixed: 'optimizer.applyGradients(averaged);\n        tf.dispose(Object.values(accum));\n        accum = newAccumulator();' },
  // A per-batch accuracy read back outside tf.tidy: the leak's line, and a fix that runs it in tf.tidy.
  { script: 'benchmark/bugs/custom-loop-tensor-leak/buggy.js', symptoms: ['tensor-leak'], rootCause: 'tensor-disposal', lineOf: '', fixed: 'const batchAcc = tf.tidy(() => model.predict(xb).argMax(-1).equal(yb.argMax(-1)).mean().dataSync()[0]);' },
  // LSTM(50, activation: 'relu') over 60 steps: the divergence is the unbounded state's, not the learning rate's.
  { script: 'benchmark/bugs/lstm-relu-activation/buggy.js', symptoms: ['runaway-recurrent-state'], rootCause: 'hidden-activation', lineOf: '', fixed: "tf.layers.lstm({ units: 50, activation: 'tanh'" },
  // Rows stored by class, shuffled through a 16-row buffer before batching: the shuffle call, with the dataset's size as its buffer.
  { script: 'benchmark/bugs/shuffle-buffer-sorted-dataset/buggy.js', symptoms: ['unshuffled-batches'], rootCause: 'training-data', lineOf: '.shuffle(16)', fixed: '.shuffle(15000)' },
  // Validation targets cut in order beside inputs picked by shuffled indices: at chance in every epoch, shown where the targets are made.
  { script: 'benchmark/bugs/validation-labels-misaligned/buggy.js', symptoms: ['validation-at-chance'], rootCause: 'training-data', lineOf: 'const yVal = ' },
  // Class indices as a [n, 1] column given to tf.metrics.categoricalCrossentropy in a custom loop: certain from the step, shown where the targets are made.
  { script: 'benchmark/bugs/cce-integer-targets/buggy.js', symptoms: ['label-encoding-mismatch'], rootCause: 'label-encoding', lineOf: 'const yTrain = ', fixed: 'const yTrain = tf.oneHot(tf.tensor2d(train.labels, [N_TRAIN, 1]).flatten().toInt(), 4);' },
  // A class count computed as the largest label, given to the output units or to tf.oneHot: shown where it is computed, + 1.
  { script: 'benchmark/bugs/sparse-labels-beyond-units/buggy.js', symptoms: ['label-encoding-mismatch'], rootCause: 'label-encoding', lineOf: 'const numClasses = ', fixed: 'const numClasses = Math.max(...train.labels) + 1;' },
  { script: 'benchmark/bugs/one-hot-depth-max-label/buggy.js', symptoms: ['label-encoding-mismatch'], rootCause: 'label-encoding', lineOf: 'const numClasses = ', fixed: 'const numClasses = Math.max(...train.labels) + 1;' },
  // classWeight that weights the 89% class up: certain, on the weights' declaration, fixed by swapping them.
  // Next-step targets written in a for...in loop (its key a string, so i + 1 concatenates): NaN targets, shown on the loop, fixed to a counting loop.
  { script: 'benchmark/bugs/for-in-string-index/buggy.js', symptoms: ['non-finite-data'], rootCause: 'training-data', lineOf: 'for (const i in series)', fixed: 'for (let i = 0; i < series.length; i++) {' },
  // Sales counts logged with Math.log (-Infinity at 0): shown where they are mapped, fixed with log1p.
  { script: 'benchmark/bugs/log-targets-zero-counts/buggy.js', symptoms: ['non-finite-data'], rootCause: 'training-data', lineOf: 'Math.log(y)', fixed: 'Math.log1p(y)' },
  // Batch normalization with momentum 1 on raw readings: certain from the setting, on the layer, fixed to 0.99.
  { script: 'benchmark/bugs/batchnorm-momentum-one/buggy.js', symptoms: ['moving-statistics-frozen'], rootCause: 'architecture', lineOf: 'tf.layers.batchNormalization(', fixed: 'momentum: 0.99' },
  // 0/1 labels parsed from text and compared with === 1: all 0, certain from fit's targets, on the map that writes them, fixed with Number().
  { script: 'benchmark/bugs/labels-string-compare/buggy.js', symptoms: ['one-class-targets'], rootCause: 'label-encoding', lineOf: 'cols[4] === 1', fixed: 'Number(cols[4]) === 1' },
  // A .take(1) left after .batch(32) in a fitDataset pipeline: 12 updates in 12 epochs; on the take, fixed by removing it.
  { script: 'benchmark/bugs/dataset-take-one-batch/buggy.js', symptoms: ['training-cut-short'], rootCause: 'training-length', lineOf: '.take(1)', fixed: '.batch(32);' },
  // huberLoss with delta 1e-4 under plain SGD: every gradient at most 1e-4; on the delta's declaration, fixed to 1.
  { script: 'benchmark/bugs/huber-delta-tiny/buggy.js', symptoms: ['gradients-shrunk'], rootCause: 'loss-function', lineOf: 'const HUBER_DELTA = ', fixed: 'const HUBER_DELTA = 1;' },
  // Gaussian gradient noise of deviation 1 added before applyGradients: the applied gradients point nowhere near the computed ones; on the addition, fixed by dropping it.
  { script: 'benchmark/bugs/gradient-noise-huge/buggy.js', symptoms: ['gradients-drowned'], rootCause: 'regularization', lineOf: 'noisy[name] = ', fixed: 'noisy[name] = grads[name];' },
  // fit compiled with a loss function that calls tf.losses.logLoss on a linear output: NaN at once; on the output layer, fixed with sigmoid.
  { script: 'benchmark/bugs/logloss-linear-output/buggy.js', symptoms: ['activation-loss-mismatch'], rootCause: 'output-activation', lineOf: 'tf.layers.dense({ units: 1 })', fixed: "tf.layers.dense({ units: 1, activation: 'sigmoid' })" },
  // A hand-written update p.sub(...) whose result is dropped: no weight ever changes; shown on it, fixed with assign.
  { script: 'benchmark/bugs/manual-update-not-assigned/buggy.js', symptoms: ['weights-unchanged'], rootCause: 'optimizer', lineOf: 'p.sub(grads[p.name]', fixed: 'p.assign(p.sub(grads[p.name].mul(LEARNING_RATE)));' },
  // 0/255 masks as binaryCrossentropy targets: certain, where the targets are made, fixed there by dividing by 255.
  { script: 'benchmark/bugs/binary-targets-0-255/buggy.js', symptoms: ['label-encoding-mismatch'], rootCause: 'label-encoding', lineOf: 'const ys = tf.tensor2d(masks', fixed: 'const ys = tf.tensor2d(masks, [n, PIXELS]).div(255);' },
  // Feature extractors made in a for (var j ...) loop all read row[6]: NaN inputs from the array, shown on the loop, fixed with let.
  { script: 'benchmark/bugs/var-closure-feature-index/buggy.js', symptoms: ['non-finite-data'], rootCause: 'training-data', lineOf: 'for (var j = 0;', fixed: 'for (let j = 0;' },
  // A 3×3 conv stepping 5 at a time over 12×12 strokes: most of the image is never read; on the layer, fixed to stride 1.
  { script: 'benchmark/bugs/conv-stride-too-large/buggy.js', symptoms: ['stride-skips-input'], rootCause: 'architecture', lineOf: 'strides: 5', fixed: 'strides: 1,' },
  // Standardized columns joined one after another and given to tf.tensor2d(flat, [n, 3]): rows of other customers; certain from the column-by-column reading, fixed there.
  { script: 'benchmark/bugs/column-major-flat-array/buggy.js', symptoms: ['targets-unrelated'], rootCause: 'training-data', lineOf: 'const x = tf.tensor2d(flat', fixed: 'tf.tensor2d(flat, [3, n]).transpose();' },
  { script: 'benchmark/bugs/class-weight-inverted/buggy.js', symptoms: ['class-weights-inverted'], rootCause: 'training-data', lineOf: 'const classWeight = ', fixed: 'const classWeight = { 0: 1, 1: ratio };' },
  // Balanced weights computed in the classes' loading order but keyed by their sorted order: on the line that writes them, fixed with inverse-frequency weights.
  { script: 'benchmark/bugs/class-weight-key-order/buggy.js', symptoms: ['class-weights-inverted'], rootCause: 'training-data', lineOf: 'Object.values(counts).forEach(', fixed: 'classWeight: { 0: ' },
  // A warm-up counted in epochs over 1000 "steps": every step at 3% of the rate or less; an error on the assignment when the run ends near knowing nothing.
  { script: 'benchmark/bugs/warmup-never-ends/buggy.js', symptoms: ['learning-rate-held-low'], rootCause: 'learning-rate', lineOf: 'model.optimizer.learningRate = ', fixed: 'const WARMUP_STEPS = 3;' },
  // BatchNormalization over raw loan amounts, called with { training: false } in a custom loop: the stall is its consequence.
  { script: 'benchmark/bugs/custom-loop-training-false-batchnorm/buggy.js', symptoms: ['training-mode-off'], rootCause: 'input-normalization', lineOf: 'model.apply(xb, { training: false })', fixed: 'model.apply(xb, { training: true })' },
  // A keep-best callback whose comparison never saves: setWeights puts the starting weights back at every epoch.
  { script: 'benchmark/bugs/restore-weights-each-epoch/buggy.js', symptoms: ['weights-reset'], rootCause: 'weight-initialization', lineOf: 'if (logs.val_loss > bestValLoss)', fixed: 'if (logs.val_loss < bestValLoss) {' },
  // Rows sorted by class, batched and then shuffled: whole batches of one class; the shuffle moves before the batch.
  { script: 'benchmark/bugs/dataset-batch-before-shuffle/buggy.js', symptoms: ['unshuffled-batches'], rootCause: 'training-data', lineOf: '.batch(32).shuffle(', fixed: ".shuffle(trainX.length, '42').batch(32);" },
  // The price target sliced one column early: it is the last feature, value for value; shown on the slice, fixed to the one column the inputs leave out.
  { script: 'benchmark/bugs/target-column-off-by-one/buggy.js', symptoms: ['targets-are-inputs'], rootCause: 'training-data', lineOf: 'const ys = table.slice(', fixed: 'const ys = table.slice([0, 5], [n, 1]);' },
  // Word ids one-hot encoded with a depth sized from the longest review: most ids become rows of 0s; the depth's declaration is fixed.
  { script: 'benchmark/bugs/onehot-vocab-too-small/buggy.js', symptoms: ['inputs-past-one-hot-depth'], rootCause: 'training-data', lineOf: 'const vocabSize = ', fixed: 'const vocabSize = 72;' },
  // The maintenance head's loss weighted by 0: its layer never gets a gradient; shown on the 0, fixed to 1.
  { script: 'benchmark/bugs/loss-weights-zero-head/buggy.js', symptoms: ['output-untrained'], rootCause: 'loss-function', lineOf: 'const LOSS_WEIGHTS = ', fixed: 'const LOSS_WEIGHTS = { energy: 1, maintenance: 1 };' },
  // fit given [yClass, yPrice] for outputs [price, quick_sale]: certain from the targets, on fit, fixed by swapping them.
  { script: 'benchmark/bugs/two-head-targets-swapped/buggy.js', symptoms: ['output-targets-swapped'], rootCause: 'training-data', lineOf: 'await model.fit(', fixed: 'model.fit(xTrain, [yPrice, yClass],' },
  // Labels pushed as -1/1 for binaryCrossentropy: shown on the push, fixed there to 0.
  { script: 'benchmark/bugs/bce-labels-minus-one/buggy.js', symptoms: ['label-encoding-mismatch'], rootCause: 'label-encoding', lineOf: 'ys.push(score > 0 ? 1 : -1)', fixed: 'ys.push(score > 0 ? 1 : 0)' },
  // A step decay every 0 epochs: 0/0 makes the rate NaN; shown where the rate is computed.
  { script: 'benchmark/bugs/lr-step-decay-zero-interval/buggy.js', symptoms: ['non-finite-weights', 'non-finite-gradients', 'non-finite-loss'], rootCause: 'learning-rate', lineOf: 'const lr = INITIAL_LR' },
  // Empty CSV cells parsed with parseFloat: NaN inputs shown on the parse, read as 0 there.
  { script: 'benchmark/bugs/nan-missing-values/buggy.js', symptoms: ['non-finite-data'], rootCause: 'training-data', lineOf: 'const features = cells.slice(', fixed: '.map((cell) => parseFloat(cell)).map((v) => (Number.isNaN(v) ? 0 : v));' },
  // labelSmoothing 1 in a custom loop's softmaxCrossEntropy: uniform targets; shown on the constant, fixed to 0.1.
  { script: 'benchmark/bugs/label-smoothing-one/buggy.js', symptoms: ['label-smoothing-heavy'], rootCause: 'loss-function', lineOf: 'const LABEL_SMOOTHING = ', fixed: 'const LABEL_SMOOTHING = 0.1;' },
  // A learning rate parsed from an environment variable that is not set: NaN; shown on the setting, with a fallback.
  // A rate schedule dividing by the epoch, 0 at first: Infinity, NaN weights; on the assignment, fixed to count from 1.
  { script: 'benchmark/bugs/lr-divided-by-epoch-zero/buggy.js', symptoms: ['non-finite-weights', 'non-finite-gradients', 'non-finite-loss'], rootCause: 'learning-rate', lineOf: 'model.optimizer.learningRate = ', fixed: 'BASE_LR / (epoch + 1);' },
  { script: 'benchmark/bugs/learning-rate-nan-env/buggy.js', symptoms: ['non-finite-weights', 'non-finite-gradients', 'non-finite-loss'], rootCause: 'learning-rate', lineOf: 'const LEARNING_RATE = ', fixed: 'parseFloat(process.env.LEARNING_RATE) || 0.001;' },
  // A forecasting window that includes the value it predicts: shown on the window, moved one step earlier.
  { script: 'benchmark/bugs/time-series-window-leak/buggy.js', symptoms: ['targets-are-inputs'], rootCause: 'training-data', lineOf: 'xs.push(values.slice(', fixed: 'xs.push(values.slice(i - WINDOW, i));' },
  // validationSplit 0.9 trains on a tenth of the rows: confirmed when validation stays far behind, fixed to 0.1.
  { script: 'benchmark/bugs/validation-split-ninety/buggy.js', symptoms: ['rows-left-out'], rootCause: 'training-data', lineOf: 'await model.fit(', fixed: 'validationSplit: 0.1' },
  // Relu logits before a softmax: three logit units die and their classes are lost; the layer is made linear.
  { script: 'benchmark/bugs/relu-logits-before-softmax/buggy.js', symptoms: ['dead-relu'], rootCause: 'output-activation', lineOf: '', fixed: "units: NUM_CLASSES, activation: 'linear'" },
  // Softmax on a hidden layer under plain SGD: a stall it explains, fixed to relu.
  { script: 'benchmark/bugs/hidden-softmax-layer/buggy.js', symptoms: ['hidden-softmax'], rootCause: 'hidden-activation', lineOf: '', fixed: "units: 128, activation: 'relu'" },
  // A hand-written SGD step that adds the gradient: the probe sees each write climb; fixed to subtract.
  { script: 'benchmark/bugs/manual-sgd-sign-flipped/buggy.js', symptoms: ['gradient-ascent'], rootCause: 'optimizer', lineOf: 'p.assign(p.add(', fixed: 'p.assign(p.sub(grads[p.name].mul(LR)));' },
  // Columns held apart ({ age, income, ..., upgraded }) each shuffled on its own in one loop: shown on that loop's shuffle.
  // Each sequence's own timesteps shuffled, one call per sample: the fix shuffles the samples.
  { script: 'benchmark/bugs/rnn-timesteps-shuffled/buggy.js', symptoms: ['sample-contents-shuffled'], rootCause: 'training-data', lineOf: '', fixed: '  tf.util.shuffle(samples);\n' },
  // A resumed fit given how many more epochs, where tfjs takes the epoch to stop at: it trains nothing.
  { script: 'benchmark/bugs/initial-epoch-equals-epochs/buggy.js', symptoms: ['fit-trains-no-epoch'], rootCause: 'training-length', lineOf: '', fixed: 'epochs: epochsDone + EPOCHS_PER_CHUNK,' },
  // 0/1 labels under tfjs's hinge loss, which takes -1/1 as they are: only class 1 is learned; shown in the helper that writes the labels, fixed there to c * 2 - 1.
  { script: 'benchmark/bugs/hinge-loss-zero-one-labels/buggy.js', symptoms: ['label-encoding-mismatch'], rootCause: 'label-encoding', lineOf: 'const toTargets = ', fixed: 'classes.map((c) => [c * 2 - 1])' },
  // Losses that pass no gradient back: a custom loss on rounded predictions (fit), a loss clipped below where it starts (custom loop).
  { script: 'benchmark/bugs/loss-rounds-predictions/buggy.js', symptoms: ['loss-without-gradient'], rootCause: 'loss-function', lineOf: 'tf.round(yPred)', fixed: 'tf.losses.meanSquaredError(yTrue, yPred)' },
  { script: 'benchmark/bugs/loss-clipped-zero-grad/buggy.js', symptoms: ['loss-without-gradient'], rootCause: 'loss-function', lineOf: 'tf.clipByValue(', fixed: 'const loss = tf.losses.meanSquaredError(yb, model.predict(xb));' },
  // Fractional targets made as int32: truncated to 0 where the tensor is made.
  { script: 'benchmark/bugs/regression-targets-int32/buggy.js', symptoms: ['truncated-to-int'], rootCause: 'label-encoding', lineOf: "'int32'", fixed: "[n, 1], 'float32')" },
  // A linear decay run past its end: the rate goes below 0, on the line that sets it.
  { script: 'benchmark/bugs/linear-decay-goes-negative/buggy.js', symptoms: ['learning-rate-out-of-range'], rootCause: 'learning-rate', lineOf: 'model.optimizer.learningRate = ', fixed: 'Math.max(BASE_LR * (1 - epoch / DECAY_EPOCHS), 0.0001)' },
  // Gradients of a mean loss divided by the batch size again before applyGradients.
  { script: 'benchmark/bugs/gradients-averaged-twice/buggy.js', symptoms: ['gradients-shrunk'], rootCause: 'optimizer', lineOf: '.div(BATCH)', fixed: 'batchGrads[name] = grads[name];' },
  // A rate computed where it is declared (the linear scaling rule, misapplied): shown and fixed there.
  { script: 'benchmark/bugs/lr-scaled-by-batch-size/buggy.js', symptoms: ['learning-rate-out-of-range'], rootCause: 'learning-rate', lineOf: 'const LEARNING_RATE = ', fixed: 'const LEARNING_RATE = 0.01;' },
  // A hand-written update that assigns the step itself: each variable becomes its scaled gradient.
  { script: 'benchmark/bugs/manual-sgd-assigns-step/buggy.js', symptoms: ['gradient-ascent'], rootCause: 'optimizer', lineOf: 'v.assign(', fixed: 'v.assign(v.sub(grads[v.name].mul(LR)));' },
  // A generator made once and handed to tf.data.generator: the first epoch spends it, the rest get no batch; fixed by making it inside the function.
  { script: 'benchmark/bugs/generator-exhausted-after-first-epoch/buggy.js', symptoms: ['dataset-spent'], rootCause: 'training-data', lineOf: 'tf.data.generator(', fixed: 'tf.data.generator(() => recordStream(trainRecords))' },
  // A hand-written stopping callback whose comparison counts every improving epoch as a stall.
  { script: 'benchmark/bugs/custom-stop-callback-inverted/buggy.js', symptoms: ['stopped-early'], rootCause: 'training-length', lineOf: 'if (bestLoss - logs.loss', fixed: 'if (bestLoss - logs.loss < MIN_DELTA) {' },
  // Features parsed with parseInt: all 0, shown on the parse.
  { script: 'benchmark/bugs/parseint-truncates-features/buggy.js', symptoms: ['identical-inputs'], rootCause: 'training-data', lineOf: 'parseInt(v, 10)', fixed: '.map((v) => parseFloat(v))' },
  // A series shuffled before its windows are cut.
  { script: 'benchmark/bugs/series-shuffled-before-windowing/buggy.js', symptoms: ['loss-not-decreasing'], rootCause: 'training-data', lineOf: 'tf.util.shuffle(trainSeries)' },
  // Raw variables made anew before every step: the call in the loop moves before it.
  { script: 'benchmark/bugs/weights-recreated-each-step/buggy.js', symptoms: ['model-rebuilt'], rootCause: 'weight-initialization', lineOf: 'initWeights();', fixed: '  initWeights();\n  for (let epoch = 0;' },
  // Tanh layers made in a loop with a wide initializer: shown and fixed on that one initializer.
  { script: 'benchmark/bugs/tanh-init-stddev-large/buggy.js', symptoms: ['exploding-gradient'], rootCause: 'weight-initialization', lineOf: 'kernelInitializer: tf.initializers.randomNormal', fixed: "kernelInitializer: 'glorotNormal'," },
  // batchesPerEpoch 1: the whole run is one pass over the data.
  { script: 'benchmark/bugs/batches-per-epoch-one/buggy.js', symptoms: ['training-cut-short'], rootCause: 'training-length', lineOf: 'batchesPerEpoch: 1', fixed: 'fitDataset(trainDs, { epochs: EPOCHS, verbose: 0 })' },
  // Standardized counts under the Poisson loss: targets below 0, shown where they are made, fixed there (the counts themselves, a softplus output).
  { script: 'benchmark/bugs/poisson-loss-standardized-targets/buggy.js', symptoms: ['label-encoding-mismatch'], rootCause: 'label-encoding', lineOf: 'const yTrain = ', fixed: 'const yTrain = tf.tensor2d(train.counts, [N_TRAIN, 1]);' },
  // Sequences cut to their last step before a GRU: the slice goes.
  { script: 'benchmark/bugs/sequence-truncated-to-last-step/buggy.js', symptoms: ['loss-not-decreasing'], rootCause: 'training-data', lineOf: '.slice([0, STEPS - 1, 0]', fixed: 'const toInputs = (xs) => tf.tensor3d(xs, [xs.length, STEPS, 1]);' },
  // The targets array sorted in place to take a median: shown on the sort, which sorts a copy instead.
  { script: 'benchmark/bugs/median-sort-mutates-targets/buggy.js', symptoms: ['targets-unrelated'], rootCause: 'training-data', lineOf: 'train.prices.sort(', fixed: '[...train.prices].sort(' },
  // A max-norm bound of 0.01 applied in a callback after every batch.
  { script: 'benchmark/bugs/max-norm-callback-tiny/buggy.js', symptoms: ['weights-decayed'], rootCause: 'regularization', lineOf: 'maxNorm({ maxValue: 0.01 })', fixed: 'maxNorm({ maxValue: 3 })' },
  // A constant column standardized by its std of 0: NaN made by the division, which the fix guards.
  { script: 'benchmark/bugs/zero-std-feature-nan/buggy.js', symptoms: ['non-finite-data'], rootCause: 'input-normalization', lineOf: '.div(std)', fixed: 'x.sub(mean).div(std.maximum(1e-7))' },
  { script: 'benchmark/bugs/columns-shuffled-separately/buggy.js', symptoms: ['labels-shuffled-apart'], rootCause: 'training-data', lineOf: 'tf.util.shuffle(data[name])', fixed: 'const order = tf.util.createShuffledIndices(Object.values(data)[0].length);\n  for (const name of Object.keys(data)) data[name] = Array.from(order, (i) => data[name][i]);' },
  // Adam's epsilon at 1: confirmed by a run that ends near the no-skill loss, fixed with the default epsilon.
  { script: 'benchmark/bugs/adam-epsilon-huge/buggy.js', symptoms: ['optimizer-epsilon-large'], rootCause: 'optimizer', lineOf: 'tf.train.adam(', fixed: 'tf.train.adam(0.001, 0.9, 0.999, 1e-7)' },
  // Dropout after the softmax: certain from the layers, on the dropout, fixed by moving it before the output layer.
  { script: 'benchmark/bugs/dropout-after-output/buggy.js', symptoms: ['dropout-after-output'], rootCause: 'architecture', lineOf: '', fixed: "tf.layers.dropout({ rate: 0.5 }));\n  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));" },
  // binaryCrossentropy on exam scores from 4 to 100: certain from the targets, on compile, fixed with meanSquaredError.
  { script: 'benchmark/bugs/bce-on-regression-targets/buggy.js', symptoms: ['classification-loss-on-values'], rootCause: 'loss-function', lineOf: 'model.compile(', fixed: "loss: 'meanSquaredError'" },
  // Sigmoid outputs under a hand-written categorical cross-entropy: every class pinned at 1; softmax makes them compete.
  { script: 'benchmark/bugs/conv-sigmoid-output-cce/buggy.js', symptoms: ['constant-output'], rootCause: 'output-activation', lineOf: '', fixed: "units: NUM_CLASSES, activation: 'softmax'" },
  // Early stopping on val_acc with mode 'min': every improvement counts as none; the fix is the mode, not the patience.
  { script: 'benchmark/bugs/early-stopping-acc-min-mode/buggy.js', symptoms: ['stopped-early'], rootCause: 'training-length', lineOf: '', fixed: "monitor: 'val_acc', mode: 'max'" },
  // A base unfrozen for fine-tuning after compile: fit keeps training the head alone; the fix compiles again after the change.
  { script: 'benchmark/bugs/unfreeze-without-recompile/buggy.js', symptoms: ['trainable-after-compile'], rootCause: 'optimizer', lineOf: 'base.trainable = true;', fixed: "base.trainable = true;\n  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });" },
  // Gaussian noise of deviation 3 on standardized inputs: the noise layer, with a tenth of the inputs' deviation as fix.
  { script: 'benchmark/bugs/gaussian-noise-too-large/buggy.js', symptoms: ['loss-not-decreasing', 'accuracy-not-increasing'], rootCause: 'regularization', lineOf: 'tf.layers.gaussianNoise(', fixed: 'gaussianNoise({ stddev: 0.1,' },
  // MAPE on temperature changes that cross 0: the loss, not the learning rate, with a squared error as fix.
  { script: 'benchmark/bugs/mape-targets-near-zero/buggy.js', symptoms: ['percentage-loss-near-zero'], rootCause: 'loss-function', lineOf: 'model.compile(', fixed: "loss: 'meanSquaredError'" },
  // A hidden tf.step in a loop over raw variables: the variables behind it get no gradient; tf.relu has one.
  { script: 'benchmark/bugs/step-activation-zero-grad/buggy.js', symptoms: ['variables-without-gradient'], rootCause: 'hidden-activation', lineOf: 'tf.step(', fixed: 'const h = tf.relu(x.matMul(params.w1).add(params.b1));' },
  // A loss scale of 1024 under SGD, never divided back: the divergence is the scale's, and the fix drops it.
  { script: 'benchmark/bugs/loss-scaled-not-unscaled/buggy.js', symptoms: ['non-finite-output', 'non-finite-loss', 'loss-diverging'], rootCause: 'learning-rate', lineOf: '', fixed: 'tf.variableGrads(() => tf.losses.softmaxCrossEntropy(yb, model.predict(xb)));' },
  // A batch offset stepped by one row: consecutive batches overlap, on the step.
  { script: 'benchmark/bugs/batch-offset-step-one/buggy.js', symptoms: ['same-batch'], rootCause: 'training-data', lineOf: 'start++;', fixed: 'start += batchSize;' },
  // A custom layer's tf.variable that is none of the model's weights: fit never trains it.
  { script: 'benchmark/bugs/custom-layer-untracked-weight/buggy.js', symptoms: ['weights-untracked'], rootCause: 'architecture', lineOf: '' },
  // One row array shared by every label row: all rows are [1, 1, 1, 1].
  { script: 'benchmark/bugs/onehot-fill-shared-row/buggy.js', symptoms: ['one-class-targets'], rootCause: 'label-encoding', lineOf: '', fixed: 'Array.from({ length: classes.length }, () => new Array(numClasses).fill(0))' },
  // Rows divided by 255 label and all: every rounded label is 0, shown where the rows are scaled.
  { script: 'benchmark/bugs/row-scaled-including-label/buggy.js', symptoms: ['one-class-targets'], rootCause: 'label-encoding', lineOf: '', fixed: 'r.map((v, j) => (j === 16 ? v : v / 255))' },
  // Token ids divided by the vocabulary size: an embedding casts them all to 0.
  { script: 'benchmark/bugs/embedding-ids-normalized/buggy.js', symptoms: ['unscaled-input'], rootCause: 'input-normalization', lineOf: '', fixed: 'tf.tensor2d(train.seqs, [N_TRAIN, SEQ_LEN]);' },
  // A CSV header parsed as a row of NaN; map(parseInt) taking each index as the radix.
  { script: 'benchmark/bugs/csv-header-as-data/buggy.js', symptoms: ['non-finite-data'], rootCause: 'training-data', lineOf: '', fixed: 'for (const line of lines.slice(1)) {' },
  { script: 'benchmark/bugs/map-parseint-radix/buggy.js', symptoms: ['non-finite-data'], rootCause: 'training-data', lineOf: '', fixed: ".split(',').map(Number)" },
  // A cosine schedule over the epoch in radians: the rate swings back up every 6.3 epochs.
  { script: 'benchmark/bugs/cosine-lr-radians/buggy.js', symptoms: ['learning-rate-out-of-range'], rootCause: 'learning-rate', lineOf: '', fixed: 'Math.cos(Math.PI * epoch / EPOCHS)' },
  // Inputs a, a', b, b' with labels appended as a second copy: the copies carry other rows' classes.
  { script: 'benchmark/bugs/augment-labels-concat-order/buggy.js', symptoms: ['targets-unrelated'], rootCause: 'training-data', lineOf: '', fixed: 'train.labels.flatMap((label) => [label, label])' },
  // Noise for the inputs added to the targets of copies of the same rows: twins with targets as different as any two rows.
  { script: 'benchmark/bugs/augment-noise-on-labels/buggy.js', symptoms: ['targets-unrelated'], rootCause: 'training-data', lineOf: 'const yAug = tf.concat(yParts);' },
  // epochs computed as 0; a generator whose offset starts again at 0 for every batch; a column made by Math.exp.
  { script: 'benchmark/bugs/epochs-computed-zero/buggy.js', symptoms: ['fit-trains-no-epoch'], rootCause: 'training-length', lineOf: '', fixed: 'Math.max(1, Math.floor(TRAIN_STEPS / xTrain.shape[0]))' },
  { script: 'benchmark/bugs/generator-index-not-advanced/buggy.js', symptoms: ['same-batch'], rootCause: 'training-data', lineOf: '', fixed: 'function* () {\n    let start = 0;\n    for (let b = 0;' },
  { script: 'benchmark/bugs/exp-feature-overflow/buggy.js', symptoms: ['non-finite-data'], rootCause: 'training-data', lineOf: '', fixed: 'Math.log1p(c.pageViews)' },
  // Labels looked up with a trailing '\r': indexOf gives -1 for most rows, and tf.oneHot empties them.
  { script: 'benchmark/bugs/crlf-label-lookup/buggy.js', symptoms: ['label-encoding-mismatch'], rootCause: 'label-encoding', lineOf: '', fixed: 'CLASSES.indexOf(fields[fields.length - 1].trim().toLowerCase())' },
  // Species names capitalized in the records, lower case in the class list: indexOf gives -1 for every row.
  { script: 'benchmark/bugs/labels-indexof-case-mismatch/buggy.js', symptoms: ['label-encoding-mismatch'], rootCause: 'label-encoding', lineOf: '', fixed: 'CLASSES.indexOf(r.species.trim().toLowerCase())' },
  // No bias anywhere, targets centred on 70; convolutions 1 wide before a global pooling.
  { script: 'benchmark/bugs/use-bias-false-everywhere/buggy.js', symptoms: ['bias-missing'], rootCause: 'architecture', lineOf: '', fixed: 'useBias: true' },
  { script: 'benchmark/bugs/conv-kernel-size-one/buggy.js', symptoms: ['pointwise-convolutions'], rootCause: 'architecture', lineOf: '', fixed: 'kernelSize: 3' },
  // A GRU given keep probabilities as dropout and recurrentDropout; leakyReLU with alpha 1 as the only non-linearity; residual blocks merged with multiply.
  { script: 'benchmark/bugs/gru-dropout-keep-prob/buggy.js', symptoms: ['high-dropout'], rootCause: 'regularization', lineOf: '', fixed: 'dropout: 0.1, recurrentDropout: 0.1' },
  { script: 'benchmark/bugs/leaky-relu-alpha-one/buggy.js', symptoms: ['identity-activation'], rootCause: 'hidden-activation', lineOf: '', fixed: 'tf.layers.leakyReLU({ alpha: 0.3 })' },
  // A ReLU applied in the functional API and then bypassed: dropout takes the dense layer's output instead.
  { script: 'benchmark/bugs/relu-layer-output-unused/buggy.js', symptoms: ['layer-output-unused'], rootCause: 'hidden-activation', lineOf: '', fixed: 'tf.layers.dropout({ rate: 0.1 }).apply(h);' },
  // A loss averaged over the rows a mask keeps: a batch of an outage keeps none, 0 / 0.
  { script: 'benchmark/bugs/masked-mean-empty-batch/buggy.js', symptoms: ['loss-divided-by-count'], rootCause: 'loss-function', lineOf: '', fixed: 'tf.sum(mask).maximum(1));' },
  // A layer normalization on a univariate series' last axis, which holds one value: every output is beta.
  { script: 'benchmark/bugs/layernorm-single-feature/buggy.js', symptoms: ['normalized-to-constant'], rootCause: 'input-normalization', lineOf: '', fixed: 'tf.layers.layerNormalization({ axis: 1, inputShape: [STEPS, 1] })' },
  // Gradients clipped to [0, c]: every negative component dropped.
  { script: 'benchmark/bugs/grad-clip-lower-bound-zero/buggy.js', symptoms: ['gradients-clipped-one-sided'], rootCause: 'optimizer', lineOf: '', fixed: 'tf.clipByValue(grads[name], -CLIP, CLIP)' },
  // A warm-up that multiplies a rate that starts at 0.
  { script: 'benchmark/bugs/warmup-from-zero-multiplicative/buggy.js', symptoms: ['weights-unchanged'], rootCause: 'learning-rate', lineOf: '', fixed: 'let lr = 0.0005;' },
  // fit with a loss function the script wrote: a pinball loss with the quantile in percent has no minimum; shown on its line.
  { script: 'benchmark/bugs/pinball-loss-tau-percent/buggy.js', symptoms: ['quantile-flipped'], rootCause: 'loss-function', lineOf: 'return tf.maximum(e.mul(TAU), e.mul(TAU - 1)).mean();', fixed: 'const TAU = 0.9;' },
  // A contrastive loss with a margin of 0: relu(0 − d) of a distance is 0 for every pair.
  { script: 'benchmark/bugs/contrastive-margin-zero/buggy.js', symptoms: ['margin-zero'], rootCause: 'loss-function', lineOf: '', fixed: 'const MARGIN = 1;' },
  // A focal loss with gamma 20 under SGD: the modulating factor leaves a millionth of the loss.
  { script: 'benchmark/bugs/focal-loss-gamma-huge/buggy.js', symptoms: ['loss-shrunk-by-power'], rootCause: 'loss-function', lineOf: '', fixed: 'const GAMMA = 2;' },
  // fitDataset batches whose class list is built from each batch's own labels.
  { script: 'benchmark/bugs/label-ids-per-batch/buggy.js', symptoms: ['labels-differ-by-batch'], rootCause: 'label-encoding', lineOf: '' },
  // An L2 penalty on raw variables subtracted from the loss.
  { script: 'benchmark/bugs/weight-decay-sign-flipped/buggy.js', symptoms: ['penalty-subtracted'], rootCause: 'loss-function', lineOf: '', fixed: 'return dataLoss.add(penalty);' },
  // model.fit without await: the script evaluates the untrained model while training runs on.
  { script: 'benchmark/bugs/fit-not-awaited/buggy.js', symptoms: ['used-before-training'], rootCause: 'training-length', lineOf: '', fixed: '  await model.fit(xTrain, yTrain' },
  // Unreviewed rows dropped with filter((r) => r.label): every row of class 0 goes too.
  { script: 'benchmark/bugs/filter-truthy-drops-zero-labels/buggy.js', symptoms: ['classes-never-trained'], rootCause: 'training-data', lineOf: '', fixed: 'historian.filter((r) => r.label !== null && r.label !== undefined)' },
  // A Gaussian NLL whose variance column comes from a linear unit: log of values below 0 at the first step.
  { script: 'benchmark/bugs/gaussian-nll-linear-variance/buggy.js', symptoms: ['log-of-signed-output'], rootCause: 'output-activation', lineOf: '', fixed: 'const variance = tf.softplus(out.slice([0, 1], [-1, 1]));' },
  // A softmax written by hand on raw logits: exp overflows once the network is confident.
  { script: 'benchmark/bugs/manual-softmax-overflow/buggy.js', symptoms: ['softmax-unshifted'], rootCause: 'loss-function', lineOf: '', fixed: 'tf.exp(logits.sub(logits.max(-1, true)))' },
  // Quadratic features written x ^ 2 (XOR): two constant input columns.
  { script: 'benchmark/bugs/caret-as-power/buggy.js', symptoms: ['constant-input-columns'], rootCause: 'training-data', lineOf: '', fixed: 'return [x, y, x ** 2, y ** 2, x * y];' },
  // Trip distances merged from two sources, one in kilometres, one in metres.
  { script: 'benchmark/bugs/target-units-mixed/buggy.js', symptoms: ['targets-mixed-units'], rootCause: 'training-data', lineOf: '' },
  // Every kernel clamped to 0 or above after each step: the model can only rise with each input.
  { script: 'benchmark/bugs/nonneg-kernel-for-positive-output/buggy.js', symptoms: ['weights-clamped'], rootCause: 'architecture', lineOf: '' },
  // A denoising autoencoder fitted with the noisy windows as inputs and targets.
  { script: 'benchmark/bugs/denoising-target-noisy/buggy.js', symptoms: ['targets-noisy-inputs'], rootCause: 'training-data', lineOf: '', fixed: 'model.fit(noisyTrain, cleanTrain,' },
  // validationData given as { x, y }: fit skips validation, early stopping on val_loss never acts.
  { script: 'benchmark/bugs/validation-data-as-object/buggy.js', symptoms: ['validation-ignored'], rootCause: 'training-length', lineOf: '', fixed: 'validationData: [xVal, yVal]' },
  // tf.train.adam({ learningRate }): the object becomes the rate, every update NaN.
  { script: 'benchmark/bugs/optimizer-config-object/buggy.js', symptoms: ['optimizer-given-object'], rootCause: 'optimizer', lineOf: '', fixed: 'tf.train.adam(LEARNING_RATE)' },
  // The best epoch's weights kept as getWeights() returned them: the live tensors, so setWeights after fit restores nothing.
  { script: 'benchmark/bugs/best-weights-kept-by-reference/buggy.js', symptoms: ['weights-kept-live'], rootCause: 'training-length', lineOf: '', fixed: 'bestWeights = model.getWeights().map((w) => w.clone());' },
  // Empty price cells read with Number(''): a fifth of the targets 0, far from every real price.
  { script: 'benchmark/bugs/empty-cell-number-zero/buggy.js', symptoms: ['targets-zero-filled'], rootCause: 'training-data', lineOf: '', fixed: 'const price = parseFloat(cells[NUM_FEATURES]);' },
  // The targets reversed in place by `const newestFirst = train.kwh.reverse()`.
  { script: 'benchmark/bugs/reverse-mutates-labels/buggy.js', symptoms: ['targets-unrelated'], rootCause: 'training-data', lineOf: '', fixed: '[...train.kwh].reverse()' },
  // Gradients of 16 micro-batches added up and applied under momentum: every step 16 times too large.
  { script: 'benchmark/bugs/gradient-accumulation-summed/buggy.js', symptoms: ['gradients-summed'], rootCause: 'optimizer', lineOf: '', fixed: 'g.div(16)' },
  // `10 ^ -3` as the rate: XOR, so Adam's rate is -9 and every step climbs the loss.
  { script: 'benchmark/bugs/learning-rate-caret-negative/buggy.js', symptoms: ['learning-rate-out-of-range'], rootCause: 'learning-rate', lineOf: '', fixed: 'const LEARNING_RATE = 0.001;' },
  // A schedule function given to tf.train.momentum as its rate: every update NaN.
  { script: 'benchmark/bugs/lr-schedule-function-to-optimizer/buggy.js', symptoms: ['optimizer-given-object'], rootCause: 'optimizer', lineOf: '', fixed: 'tf.train.momentum(lrSchedule(0), 0.9)' },
  // earlyStopping on 'val_accuracy', which tfjs logs as 'val_acc': it never stops.
  { script: 'benchmark/bugs/early-stopping-monitor-misnamed/buggy.js', symptoms: ['monitor-missing'], rootCause: 'training-length', lineOf: '', fixed: "monitor: 'val_acc'" },
  // `train(buildModel(), …)` after `const model = buildModel()`: the model evaluated never trained.
  { script: 'benchmark/bugs/evaluate-untrained-instance/buggy.js', symptoms: ['used-untrained'], rootCause: 'training-length', lineOf: '', fixed: 'await train(model, xTrain, yTrain);' },
  // One fit per epoch on a freshly augmented copy, never disposed: a leak between fit calls.
  { script: 'benchmark/bugs/epoch-augmentation-leak/buggy.js', symptoms: ['tensor-leak'], rootCause: 'tensor-disposal', lineOf: '', fixed: 'xAug.dispose();' },
  // A conv net of raw variables drawn with tf.randomNormal(shape), deviation 1.
  { script: 'benchmark/bugs/random-normal-op-default-stddev/buggy.js', symptoms: ['exploding-gradient'], rootCause: 'weight-initialization', lineOf: '', fixed: 'tf.randomNormal(shape, 0, Math.sqrt(2 / shape.slice(0, -1)' },
  // Missing yields dropped with `!== NaN`, which keeps them all.
  { script: 'benchmark/bugs/nan-filter-not-equal/buggy.js', symptoms: ['non-finite-data'], rootCause: 'training-data', lineOf: '', fixed: '!Number.isNaN(p.yield)' },
  // Letters one-hot encoded by their character codes, 97 to 122, at depth 27.
  { script: 'benchmark/bugs/char-code-onehot-out-of-range/buggy.js', symptoms: ['inputs-past-one-hot-depth'], rootCause: 'training-data', lineOf: '', fixed: 'c.charCodeAt(0) - 96' },
  // Gradients multiplied by the rate before momentum applies it again.
  { script: 'benchmark/bugs/gradients-premultiplied-by-lr/buggy.js', symptoms: ['gradients-shrunk'], rootCause: 'optimizer', lineOf: '', fixed: 'steps[name] = grads[name];' },
  // Grades divided by 4 under sparseCategoricalCrossentropy, which cuts them to classes 0 and 1.
  { script: 'benchmark/bugs/sparse-ce-class-ids-scaled/buggy.js', symptoms: ['label-encoding-mismatch'], rootCause: 'label-encoding', lineOf: '', fixed: '.mul(4).round()' },
  // meanSquaredLogarithmicError on standardized prices.
  { script: 'benchmark/bugs/msle-standardized-targets/buggy.js', symptoms: ['label-encoding-mismatch'], rootCause: 'label-encoding', lineOf: '', fixed: "loss: 'meanSquaredError'" },
  // A shuffle that returns a copy, dropped: the split leaves the last class out of training.
  { script: 'benchmark/bugs/shuffled-copy-discarded/buggy.js', symptoms: ['classes-never-trained'], rootCause: 'training-data', lineOf: '', fixed: 'rows = shuffle(rows);' },
  // Negatives kept with probability Math.floor(positives / negatives), 0: every target is 1.
  { script: 'benchmark/bugs/undersample-ratio-floored/buggy.js', symptoms: ['one-class-targets'], rootCause: 'training-data', lineOf: '', fixed: 'const keep = positives / negatives;' },
  // Image names sorted as text (img_10 before img_2) against labels kept by number.
  { script: 'benchmark/bugs/conv-filenames-lexicographic-labels/buggy.js', symptoms: ['targets-unrelated'], rootCause: 'training-data', lineOf: '', fixed: "sort((a, b) => a.localeCompare(b, undefined, { numeric: true }))" },
  // logSoftmax outputs under categoricalCrossentropy (PyTorch's log_softmax with NLLLoss).
  { script: 'benchmark/bugs/log-softmax-output-cce/buggy.js', symptoms: ['activation-loss-mismatch'], rootCause: 'output-activation', lineOf: '', fixed: "activation: 'softmax' }));" },
  // Validation on the training tensors, with held-out tensors declared beside them.
  { script: 'benchmark/bugs/validation-data-is-training-data/buggy.js', symptoms: ['validation-is-training'], rootCause: 'training-data', lineOf: '', fixed: 'validationData: [xVal, yVal]' },
  // One model fit fold after fold of a cross-validation, each fold scored on rows earlier folds trained on.
  { script: 'benchmark/bugs/cross-validation-model-reused/buggy.js', symptoms: ['scored-on-trained-rows'], rootCause: 'training-data', lineOf: '', fixed: 'for (let k = 0; k < K; k++) {\n    const model = buildModel();' },
  // Features standardized for training, given raw to predict.
  { script: 'benchmark/bugs/inference-skips-normalization/buggy.js', symptoms: ['inputs-off-scale'], rootCause: 'input-normalization', lineOf: '', fixed: 'model.predict(standardize(xTest))' },
  // Features standardized again before each one-epoch fit.
  { script: 'benchmark/bugs/normalization-reapplied-each-epoch/buggy.js', symptoms: ['inputs-off-scale'], rootCause: 'input-normalization', lineOf: '', fixed: '  xTrain = xTrain.sub(mean).div(std);\n  for (let epoch = 0; epoch < EPOCHS; epoch++) {\n    const h = await model.fit(' },
  // Gradients computed once before the loop and applied at every step.
  { script: 'benchmark/bugs/grads-computed-once-outside-loop/buggy.js', symptoms: ['gradients-reapplied'], rootCause: 'optimizer', lineOf: '', fixed: 'optimizer.applyGradients(tf.variableGrads(lossFn).grads);' },
  // A sigmoid's probabilities thresholded at 0 to make pseudo-labels: all 1.
  { script: 'benchmark/bugs/pseudo-labels-threshold-zero/buggy.js', symptoms: ['threshold-outside-outputs'], rootCause: 'training-data', lineOf: '', fixed: 'pred.greater(0.5)' },
  // Kernels made with tf.variable(init, false): only the biases train.
  { script: 'benchmark/bugs/custom-loop-kernels-not-trainable/buggy.js', symptoms: ['kernels-frozen'], rootCause: 'optimizer', lineOf: '', fixed: 'tf.variable(tf.randomNormal([fanIn, fanOut], 0, Math.sqrt(2 / fanIn)));' },
  // Kernels drawn with tf.randomUniform(shape), from [0, 1): all positive.
  { script: 'benchmark/bugs/random-uniform-default-range-init/buggy.js', symptoms: ['exploding-gradient'], rootCause: 'weight-initialization', lineOf: '', fixed: 'tf.randomUniform([fanIn, fanOut], -Math.sqrt(6 / fanIn), Math.sqrt(6 / fanIn))' },
  // A feature column that is the label; windows whose target is their own last step.
  { script: 'benchmark/bugs/label-column-in-features/buggy.js', symptoms: ['target-in-inputs'], rootCause: 'training-data', lineOf: '' },
  { script: 'benchmark/bugs/next-token-target-not-shifted/buggy.js', symptoms: ['target-in-inputs'], rootCause: 'training-data', lineOf: '', fixed: 'targets.push(seq[i + WINDOW]);' },
  // Training at the last rate of a learning-rate range test's sweep.
  { script: 'benchmark/bugs/lr-range-test-not-reset/buggy.js', symptoms: ['rate-left-by-sweep'], rootCause: 'learning-rate', lineOf: '', fixed: 'optimizer.setLearningRate(bestLr);\n  const history' },
  // Weights clipped to ±0.01 after each step.
  { script: 'benchmark/bugs/weights-clipped-each-step/buggy.js', symptoms: ['weights-overwritten'], rootCause: 'regularization', lineOf: '' },
  // Readings divided by a maximum one glitch set; prices with 99999 for "no sale".
  { script: 'benchmark/bugs/scale-by-max-with-outlier/buggy.js', symptoms: ['inputs-squashed'], rootCause: 'input-normalization', lineOf: '' },
  { script: 'benchmark/bugs/target-sentinel-missing-values/buggy.js', symptoms: ['target-sentinel'], rootCause: 'training-data', lineOf: '' },
  // A set of photo embeddings pooled with tf.mean(h, 0, true): over the batch, not each listing's photos.
  { script: 'benchmark/bugs/mean-over-batch-axis-pooling/buggy.js', symptoms: ['loss-not-decreasing'], rootCause: 'architecture', lineOf: '', fixed: 'tf.mean(h, 1, true)' },
  // Attention scores raised at the padding: scores.add(mask.mul(1e9)) before the softmax.
  { script: 'benchmark/bugs/attention-mask-sign-flipped/buggy.js', symptoms: ['mask-raises-scores'], rootCause: 'architecture', lineOf: '', fixed: 'scores.sub(mask.mul(1e9))' },
  // A hand-written Adam whose step count starts at 0: its bias correction divides by 0.
  { script: 'benchmark/bugs/manual-adam-step-zero/buggy.js', symptoms: ['divided-by-zero'], rootCause: 'optimizer', lineOf: '', fixed: 'Math.pow(BETA1, t + 1)' },
  // Token ids padded after the words, read by an LSTM's last state.
  { script: 'benchmark/bugs/lstm-post-padding-last-step/buggy.js', symptoms: ['sequences-padded-at-end'], rootCause: 'training-data', lineOf: '', fixed: 'return padding.concat(ids);' },
  // A feature row with one field copied where two others belong: [c.age, c.age, c.age, ...].
  { script: 'benchmark/bugs/feature-columns-copy-pasted/buggy.js', symptoms: ['inputs-copied-columns'], rootCause: 'training-data', lineOf: 'tf.tensor2d(trainCustomers.map(featureRow))' },
  // conv2d({ filters: 3, kernelSize: 16 }) on 16×16 images: the two numbers swapped.
  { script: 'benchmark/bugs/conv-filters-kernelsize-swapped/buggy.js', symptoms: ['kernel-covers-input'], rootCause: 'architecture', lineOf: '', fixed: 'filters: 16, kernelSize: 3' },
  // An embedding table started at 0: the relu layer after it gets 0 for every text and nothing learns.
  { script: 'benchmark/bugs/embedding-init-zeros/buggy.js', symptoms: ['dead-relu'], rootCause: 'weight-initialization', lineOf: '', fixed: "embeddingsInitializer: 'randomUniform'" },
  // Every batch normalization's gamma started at 0 (the residual zero-gamma trick in a plain stack).
  { script: 'benchmark/bugs/conv-batchnorm-gamma-zeros/buggy.js', symptoms: ['dead-relu'], rootCause: 'weight-initialization', lineOf: '', fixed: "gammaInitializer: 'ones'" },
  // Conv layers left at their default (linear) activation, with average pooling: a linear classifier.
  { script: 'benchmark/bugs/conv-hidden-linear-activation/buggy.js', symptoms: ['linear-network'], rootCause: 'hidden-activation', lineOf: '', fixed: "kernelSize: 3, activation: 'relu' }" },
  // Test predictions made with model.apply(xTest, { training: true }): dropout active at inference.
  { script: 'benchmark/bugs/dropout-training-true-at-predict/buggy.js', symptoms: ['dropout-at-inference'], rootCause: 'regularization', lineOf: '', fixed: 'model.apply(xTest, { training: false })' },
  // Keras's negative cosine-similarity loss carried over: tf.losses.cosineDistance(...).neg() is maximized.
  { script: 'benchmark/bugs/cosine-distance-negated/buggy.js', symptoms: ['loss-negated'], rootCause: 'loss-function', lineOf: '', fixed: 'tf.losses.cosineDistance(yTrue, l2Normalize(yPred), 1);' },
  // Rows packed into a Float32Array with xs.set(row, i): all but the first rows stay 0.
  { script: 'benchmark/bugs/float32array-row-offset-wrong/buggy.js', symptoms: ['inputs-empty-tail'], rootCause: 'training-data', lineOf: '', fixed: 'xs.set(s.features, i * N_FEATURES);' },
  // A hand-written reduce-on-plateau callback whose factor is 10: each plateau raises the rate tenfold until the loss diverges.
  { script: 'benchmark/bugs/plateau-lr-factor-inverted/buggy.js', symptoms: ['loss-diverging'], rootCause: 'learning-rate', lineOf: '', fixed: 'const FACTOR = 0.1;' },
  // Negative pairs added with examples.concat(...), whose new array is dropped: every label 1.
  { script: 'benchmark/bugs/negative-samples-missing/buggy.js', symptoms: ['one-class-targets'], rootCause: 'training-data', lineOf: '', fixed: 'examples.push(...sampleNegatives(trainPurchases, bought));' },
  // One-hot rows built as c === label ? 1 : 0, class names from Object.keys against parsed numbers: all 0.
  { script: 'benchmark/bugs/onehot-type-mismatch-all-zero/buggy.js', symptoms: ['one-class-targets'], rootCause: 'label-encoding', lineOf: '', fixed: 'String(c) === String(label)' },
  // Keras's SGD(lr, momentum) written as tf.train.sgd(0.001, 0.9): the momentum is dropped.
  { script: 'benchmark/bugs/sgd-momentum-arg-ignored/buggy.js', symptoms: ['optimizer-args-ignored'], rootCause: 'optimizer', lineOf: '', fixed: 'tf.train.momentum(0.001, 0.9)' },
  // Batches cut from an array as rows.slice(start, BATCH): the same first rows at every step.
  { script: 'benchmark/bugs/array-slice-end-as-size/buggy.js', symptoms: ['same-batch'], rootCause: 'training-data', lineOf: '', fixed: 'trainRows.slice(start, start + BATCH_SIZE)' },
  // A classifier of 8 classes squeezed through a hidden relu layer of 1 unit.
  { script: 'benchmark/bugs/bottleneck-one-unit/buggy.js', symptoms: ['loss-not-decreasing'], rootCause: 'architecture', lineOf: '', fixed: 'units: 64' },
  // A hand-written dropout whose keep mask compares uniform draws with a rate in percent: all zeros.
  { script: 'benchmark/bugs/dropout-rate-as-percent/buggy.js', symptoms: ['mask-constant'], rootCause: 'regularization', lineOf: '', fixed: 'const DROPOUT_RATE = 0.5;' },
  // A log dice loss with no smoothing: an empty mask's dice is 0 and its log -Infinity at the first step.
  { script: 'benchmark/bugs/dice-loss-empty-mask-nan/buggy.js', symptoms: ['non-finite-loss'], rootCause: 'loss-function', lineOf: 'return dice.log()', fixed: 'dice.maximum(1e-7).log()' },
  // A two-tower model whose item branch is applied to the user input: the item input reaches no layer.
  { script: 'benchmark/bugs/second-input-never-wired/buggy.js', symptoms: ['input-unused'], rootCause: 'architecture', lineOf: '', fixed: "name: 'item_tower' }).apply(itemInput)" },
  // A tf.data generator that refills and yields one Float32Array: batch stacks the last example's row 32 times.
  { script: 'benchmark/bugs/generator-yields-reused-buffer/buggy.js', symptoms: ['identical-inputs'], rootCause: 'training-data', lineOf: '', fixed: '      const features = new Float32Array(N_FEATURES);' },
  // Labels summed in steps of 0.1 looked up with indexOf in a literal list: 0.1 * 3 is not 0.3, four classes are lost.
  { script: 'benchmark/bugs/float-label-indexof-miss/buggy.js', symptoms: ['label-encoding-mismatch'], rootCause: 'label-encoding', lineOf: '', fixed: 'QUALITIES.findIndex((v) => Math.abs(v - r.quality) < 1e-9)' },
  // tf.train.adam(0.001, 0.9, 0.999, 0): weights of words never seen in training get 0 / 0 steps.
  { script: 'benchmark/bugs/adam-epsilon-zero-nan/buggy.js', symptoms: ['optimizer-epsilon-zero', 'non-finite-weights'], rootCause: 'optimizer', lineOf: '', fixed: 'tf.train.adam(0.001, 0.9, 0.999, 1e-7)' },
  // Records sorted by time with (a, b) => a.t > b.t: the series stays scrambled and the GRU forecasts nothing.
  { script: 'benchmark/bugs/sort-comparator-returns-boolean/buggy.js', symptoms: ['sorted-by-boolean'], rootCause: 'training-data', lineOf: '', fixed: 'records.sort((a, b) => a.t - b.t);' },
  // A per-batch warm-up written base × (1 − progress): the rate falls to 0 after 50 steps and stays there.
  { script: 'benchmark/bugs/warmup-formula-reversed-lr-zero/buggy.js', symptoms: ['learning-rate-out-of-range'], rootCause: 'learning-rate', lineOf: '', fixed: 'BASE_LR * Math.min(step / WARMUP_STEPS, 1);' },
  // A keep-the-best callback comparing val_loss > best from 0: the weights put back are epoch 1's, the worst.
  { script: 'benchmark/bugs/best-checkpoint-comparison-inverted/buggy.js', symptoms: ['restored-worst-epoch'], rootCause: 'training-length', lineOf: '', fixed: 'if (logs.val_loss < bestValLoss) {' },
  // Raw kernels made with new Array(n).fill(draw()): one value everywhere, hidden units that never differ.
  { script: 'benchmark/bugs/fill-with-one-random-value-init/buggy.js', symptoms: ['symmetric-weights'], rootCause: 'weight-initialization', lineOf: '', fixed: 'Array.from({ length: nIn * nOut }, () => rng.random() * 0.2 - 0.1)' },
  // A hand-written RMSprop dividing by the mean squared gradient, not its root: the first step throws the loss a thousandfold up.
  { script: 'benchmark/bugs/manual-rmsprop-no-sqrt/buggy.js', symptoms: ['loss-diverging'], rootCause: 'optimizer', lineOf: '', fixed: 'g.div(cache[i].sqrt().add(EPSILON))' },
  // Column means summed with rows.reduce((s, r) => s + r[col]) and no initial value: every input NaN.
  { script: 'benchmark/bugs/reduce-no-initial-object-sum/buggy.js', symptoms: ['non-finite-data'], rootCause: 'training-data', lineOf: '', fixed: 'rows.reduce((s, r) => s + r[col], 0)' },
  // A word-to-id Map made inside the loop over texts: every text numbers its own words from 1.
  { script: 'benchmark/bugs/vocab-map-reset-per-sentence/buggy.js', symptoms: ['ids-numbered-per-row'], rootCause: 'training-data', lineOf: '', fixed: 'const vocab = new Map();\nfunction encode(texts) {' },
  // A vocabulary of the K words counted least often (sorted ascending before the cut): 98% of tokens are the OOV id.
  { script: 'benchmark/bugs/vocab-keeps-rarest-words/buggy.js', symptoms: ['tokens-mostly-one-id'], rootCause: 'training-data', lineOf: '', fixed: '.sort((a, b) => b[1] - a[1]).slice(0, MAX_VOCAB)' },
  // Settings merged as { ...userConfig, ...DEFAULTS }: the defaults' epochs: 1 wins, four steps in all.
  { script: 'benchmark/bugs/config-spread-defaults-win/buggy.js', symptoms: ['training-cut-short'], rootCause: 'training-length', lineOf: '', fixed: 'const cfg = { ...DEFAULTS, ...userConfig };' },
  // Noise made with Array.from({ length }, gaussian): gaussian(undefined, index) draws with a deviation of the column's index.
  { script: 'benchmark/bugs/array-from-passes-index-as-arg/buggy.js', symptoms: ['spread-grows-with-index'], rootCause: 'training-data', lineOf: '', fixed: 'Array.from({ length: N_FEATURES }, () => gaussian())' },
  // A class-balanced sampler that draws the class once per batch: every batch of one class.
  { script: 'benchmark/bugs/balanced-sampler-class-drawn-once/buggy.js', symptoms: ['unshuffled-batches'], rootCause: 'training-data', lineOf: '', fixed: 'const c = Math.floor(rng.random() * nClasses);\n      idx.push(pick(byClass[c]));' },
  // A tab-separated export split on commas: every line one field, every value NaN.
  { script: 'benchmark/bugs/tsv-split-on-comma/buggy.js', symptoms: ['non-finite-data'], rootCause: 'training-data', lineOf: "line.split(',')", fixed: "line.split('\\t')" },
  // An IRNN written with recurrentInitializer 'ones': every unit sums the whole state, which overflows at once.
  { script: 'benchmark/bugs/rnn-recurrent-init-ones-saturates/buggy.js', symptoms: ['runaway-recurrent-state'], rootCause: 'weight-initialization', lineOf: '', fixed: "recurrentInitializer: 'identity'" },
  // A hand-written SGD that divides the gradient by the rate: steps 10,000 times too large.
  { script: 'benchmark/bugs/manual-sgd-divides-by-lr/buggy.js', symptoms: ['non-finite-loss'], rootCause: 'optimizer', lineOf: 'grads[w.name].div(LR)', fixed: 'grads[w.name].mul(LR)' },
  // Areas written "2,150" parsed with parseFloat, which stops at the comma: 2.
  { script: 'benchmark/bugs/thousands-separator-parsefloat-truncates/buggy.js', symptoms: ['number-cut-at-comma'], rootCause: 'training-data', lineOf: 'parseFloat(field)', fixed: "parseFloat(field.replace(/,/g, ''))" },
  // Lab readings of 0 to 2 divided by 255 as if they were pixels.
  { script: 'benchmark/bugs/tabular-features-divided-by-255/buggy.js', symptoms: ['unscaled-input'], rootCause: 'input-normalization', lineOf: 'const xTrain = tf.tensor2d(train.rows).div(255);', fixed: 'const xTrain = tf.tensor2d(train.rows);' },
  // Concentrations standardized with an epsilon of 1 added to deviations of a few thousandths.
  { script: 'benchmark/bugs/standardize-epsilon-too-large/buggy.js', symptoms: ['unscaled-input'], rootCause: 'input-normalization', lineOf: 'const EPSILON = 1;', fixed: 'const EPSILON = 1e-7;' },
  // A student distilled on its teacher's raw logits under categoricalCrossentropy: the loss falls below 0 without end.
  { script: 'benchmark/bugs/distillation-targets-are-raw-logits/buggy.js', symptoms: ['label-encoding-mismatch'], rootCause: 'label-encoding', lineOf: 'const softTargets =', fixed: 'tf.softmax(teacher.predict(xUnlabelled).div(TEMPERATURE))' },
  // A batch loop written b <= nBatches: its last step slices a batch of no rows.
  { script: 'benchmark/bugs/batch-loop-inclusive-bound-empty-batch/buggy.js', symptoms: ['empty-batch'], rootCause: 'batch-size', lineOf: 'for (let b = 0; b <= nBatches; b++)', fixed: 'for (let b = 0; b < nBatches; b++)' },
  // A NaN guard written if (!Number.isNaN(loss)) break: the loop stops after its first step.
  { script: 'benchmark/bugs/nan-guard-inverted-stops-training/buggy.js', symptoms: ['training-cut-short'], rootCause: 'training-length', lineOf: 'if (!Number.isNaN(lossValue))', fixed: 'if (Number.isNaN(lossValue))' },
  // A heatmap's sigma from Math.floor(SIZE / 16), 0 on 12-pixel crops: exp(-0 / 0) is NaN at every keypoint.
  { script: 'benchmark/bugs/heatmap-sigma-zero-nan/buggy.js', symptoms: ['non-finite-data'], rootCause: 'training-data', lineOf: 'const sigma = Math.floor(SIZE / 16);', fixed: 'Math.max(1, Math.floor(SIZE / 16))' },
  // Missing cells imputed with column means taken over those cells: NaN means.
  { script: 'benchmark/bugs/fillna-mean-includes-nan/buggy.js', symptoms: ['non-finite-data'], rootCause: 'training-data', lineOf: 'const col = rows.map((r) => r[j]);', fixed: '.filter((v) => !Number.isNaN(v))' },
  // "Word dropout" as a dropout layer on the id input: ids zeroed and scaled to other words' rows.
  { script: 'benchmark/bugs/dropout-on-token-ids/buggy.js', symptoms: ['dropout-on-ids'], rootCause: 'regularization', lineOf: 'tf.layers.dropout({ rate: 0.3, inputShape: [MAX_LEN] })', fixed: 'tf.layers.embedding({ inputShape: [MAX_LEN], inputDim: MAX_WORDS, outputDim: 16 })' },
  // Page paths hashed with h * 31 + c and no | 0: every long path lands in bucket 0.
  { script: 'benchmark/bugs/string-hash-without-int32-wrap/buggy.js', symptoms: ['targets-unrelated'], rootCause: 'training-data', lineOf: 'h = h * 31 + ch.charCodeAt(0)', fixed: 'h = (h * 31 + ch.charCodeAt(0)) >>> 0' },
  // A Poisson loss written for log-rates given rates made with exp: exp(exp(x)).
  { script: 'benchmark/bugs/poisson-log-rate-exponentiated-twice/buggy.js', symptoms: ['exp-of-exp'], rootCause: 'loss-function', lineOf: 'return tf.exp(logRate)' },
  // Noise added to the stored rows in place before every fit: the inputs drift wider fit after fit.
  { script: 'benchmark/bugs/augmentation-mutates-dataset-in-place/buggy.js', symptoms: ['inputs-drift'], rootCause: 'training-data', lineOf: 'const out = [...rows];', fixed: 'const out = rows.map((row) => [...row]);' },
  // Images mirrored on a draw and their masks not: half the targets mark the mirror image of the pits.
  { script: 'benchmark/bugs/seg-flip-image-not-mask/buggy.js', symptoms: ['masks-misaligned'], rootCause: 'training-data', lineOf: 'masks.push(...train.masks[i]);', fixed: 'masks.push(...(flip ? flipHorizontal(train.masks[i]) : train.masks[i]));' },
  // Multi-label targets built one tag at a time, each tag writing a fresh row: one tag per row is left.
  { script: 'benchmark/bugs/multilabel-targets-overwritten/buggy.js', symptoms: ['label-encoding-mismatch'], rootCause: 'label-encoding', lineOf: 'for (const t of p.tags) y[i] = TAGS.map', fixed: 'for (const t of p.tags) y[i][TAGS.indexOf(t)] = 1;' },
  // Accelerometer readings parsed with /\d+(\.\d+)?/g, which drops every minus sign.
  { script: 'benchmark/bugs/regex-number-parse-drops-sign/buggy.js', symptoms: ['number-sign-dropped'], rootCause: 'training-data', lineOf: 'line.match(/', fixed: 'line.match(/-?\\d+(\\.\\d+)?/g)' },
  // A session's purchase label read from its first event; only the last event carries it.
  { script: 'benchmark/bugs/session-label-from-first-event/buggy.js', symptoms: ['one-class-targets'], rootCause: 'label-encoding', lineOf: 'label: events[0].purchased', fixed: 'label: events[events.length - 1].purchased' },
  // Reviews tokenized with split(/\w+/): the tokens are the spaces and punctuation between the words.
  { script: 'benchmark/bugs/tokenizer-split-on-word-chars/buggy.js', symptoms: ['split-on-words'], rootCause: 'training-data', lineOf: 'split(/\\w+/)', fixed: 'split(/\\W+/)' },
  // Log-cosh written as log(cosh(err)) on prices in thousands: cosh overflows to Infinity.
  { script: 'benchmark/bugs/logcosh-overflow-unscaled-targets/buggy.js', symptoms: ['non-finite-loss'], rootCause: 'loss-function', lineOf: 'tf.log(tf.cosh(err))', fixed: 'err.abs().add(tf.softplus(err.mul(-2))).sub(Math.log(2))' },
  // Cylinder counts read from text looked up in a Map with number keys: every label is undefined, stored as 0.
  { script: 'benchmark/bugs/map-key-type-mismatch-labels/buggy.js', symptoms: ['one-class-targets'], rootCause: 'label-encoding', lineOf: 'CONFIG.labelIndex.get(row.cylinders)', fixed: 'CONFIG.labelIndex.get(Number(row.cylinders))' },
  // Tiles standardized each by its own spread, which is 0 for the blank ones: 0 / 0.
  { script: 'benchmark/bugs/per-image-standardize-blank-nan/buggy.js', symptoms: ['non-finite-data'], rootCause: 'input-normalization', lineOf: 'x.sub(mean).div(variance.sqrt())', fixed: 'variance.sqrt().maximum(1e-7)' },
  // The class read from a file name's first field, the sample's id: 600 classes of one row each.
  { script: 'benchmark/bugs/label-from-wrong-filename-field/buggy.js', symptoms: ['labels-are-ids'], rootCause: 'label-encoding', lineOf: "fileName.split('_')[0]", fixed: "fileName.split('_')[1]" },
  // A July test set standardized with its own mean and deviation: the heat that drives the load is erased.
  { script: 'benchmark/bugs/test-standardized-with-own-stats/buggy.js', symptoms: ['inputs-scaled-apart'], rootCause: 'input-normalization', lineOf: 'const xTest = standardize(xTestRaw, tf.moments(xTestRaw, 0));', fixed: 'const xTest = standardize(xTestRaw, trainStats);' },
  // Label noise with a flip probability written as a percent: every training label is flipped.
  { script: 'benchmark/bugs/label-flip-rate-as-percent/buggy.js', symptoms: ['labels-inverted'], rootCause: 'training-data', lineOf: 'const FLIP_RATE = 10;', fixed: 'const FLIP_RATE = 0.1;' },
  // One Adam shared by an ensemble's members: the second starts where the first's decay left the rate.
  { script: 'benchmark/bugs/shared-optimizer-lr-decay-carried/buggy.js', symptoms: ['optimizer-shared'], rootCause: 'optimizer', lineOf: 'const optimizer = tf.train.adam(LEARNING_RATE);', fixed: '    const optimizer = tf.train.adam(LEARNING_RATE);' },
  // A split whose names are the wrong way round: it trains on the 20% and is evaluated on the 80%.
  { script: 'benchmark/bugs/train-test-slices-swapped/buggy.js', symptoms: ['split-swapped'], rootCause: 'training-data', lineOf: 'const test = rows.slice(0, nTrain);', fixed: 'const train = rows.slice(0, nTrain);' },
  // Cutout with a 16-pixel patch on 16-pixel images: every augmented image is erased whole.
  { script: 'benchmark/bugs/cutout-size-covers-image/buggy.js', symptoms: ['identical-inputs'], rootCause: 'training-data', lineOf: 'const CUTOUT = 16;', fixed: 'const CUTOUT = 4;' },
  // A vocabulary's minimum count copied from a large corpus: the words that decide the queue are all out of vocabulary.
  { script: 'benchmark/bugs/vocab-min-count-too-high/buggy.js', symptoms: ['tokens-mostly-one-id'], rootCause: 'training-data', lineOf: 'const MIN_COUNT = 100;', fixed: 'const MIN_COUNT = 2;' },
  // Raw position indices 0 to 29 added to embeddings of about ±0.05: the tokens are drowned.
  { script: 'benchmark/bugs/position-index-added-raw/buggy.js', symptoms: ['input-drowned'], rootCause: 'architecture', lineOf: 'new AddPositions({ maxLen: MAX_LEN }).apply(embedded)', fixed: 'tf.range(0, this.maxLen).div(this.maxLen).reshape' },
  // A clip by global norm whose norm is the sum of squares: every update about 1/norm of the intended one.
  { script: 'benchmark/bugs/global-norm-clip-missing-sqrt/buggy.js', symptoms: ['gradients-shrunk'], rootCause: 'optimizer', lineOf: 'const norm = Object.values(grads)', fixed: 'const norm = Math.sqrt(Object.values(grads)' },
  // Boolean columns exported as 'true'/'false' and read with Number(): NaN in two columns of every row.
  { script: 'benchmark/bugs/csv-boolean-number-nan/buggy.js', symptoms: ['non-finite-data'], rootCause: 'training-data', lineOf: "row.split(',').map((cell) => Number(cell))", fixed: "(cell === 'true' ? 1 : cell === 'false' ? 0 : Number(cell))" },
  { script: 'benchmark/bugs/loss-masked-by-targets/buggy.js', symptoms: ['loss-blind-to-targets'], rootCause: 'loss-function', lineOf: 'return bce.mul(mask)', fixed: 'yTrue.greaterEqual(0)' },
  { script: 'benchmark/bugs/warmup-restarts-each-fit-call/buggy.js', symptoms: ['weights-unchanged'], rootCause: 'learning-rate', lineOf: 'model.optimizer.learningRate = ', fixed: '{ initialEpoch: e, epochs: e + 1, batchSize: 32' },
  { script: 'benchmark/bugs/augment-rotation-degrees-as-radians/buggy.js', symptoms: ['rotated-by-degrees'], rootCause: 'training-data', lineOf: 'tf.image.rotateWithOffset(', fixed: 'const MAX_ROTATION = (15 * Math.PI) / 180;' },
  { script: 'benchmark/bugs/nll-gather-cross-product/buggy.js', symptoms: ['gather-across-rows'], rootCause: 'loss-function', lineOf: 'tf.gather(yPred, ids, 1)', fixed: 'tf.gather(yPred, ids, 1, 1)' },
  { script: 'benchmark/bugs/fit-epochs-inside-epoch-loop/buggy.js', symptoms: ['epochs-repeated'], rootCause: 'training-length', lineOf: 'await model.fit(', fixed: '{ epochs: 1, batchSize: 32' },
  { script: 'benchmark/bugs/csv-bom-first-header/buggy.js', symptoms: ['byte-order-mark-kept'], rootCause: 'training-data', lineOf: 'text.split(', fixed: "text.replace(/^\\uFEFF/, '').split(" },
  { script: 'benchmark/bugs/lr-schedule-missing-return/buggy.js', symptoms: ['non-finite-weights'], rootCause: 'learning-rate', lineOf: 'optimizer.learningRate = lrAt(epoch);', fixed: '    return Math.max(MIN_LR' },
  { script: 'benchmark/bugs/config-null-skips-default/buggy.js', symptoms: ['weights-unchanged'], rootCause: 'learning-rate', lineOf: 'tf.train.adam(learningRate)', fixed: 'const learningRate = config.optimizer.learningRate ?? 0.01;' },
  { script: 'benchmark/bugs/switch-fallthrough-activation/buggy.js', symptoms: ['linear-network'], rootCause: 'hidden-activation', lineOf: 'tf.layers.dense({ units: layer.units', fixed: "case 'relu': activation = 'relu'; break;" },
  // Every fifth row held out where rows cycle through five classes: the test set is one class training never has.
  { script: 'benchmark/bugs/split-modulo-aligns-with-class/buggy.js', symptoms: ['evaluated-classes-unseen'], rootCause: 'training-data', lineOf: 'model.evaluate(' },
  // A sampler whose draw never passes the first class's rows: every trainOnBatch batch is one class.
  { script: 'benchmark/bugs/weighted-sampler-cdf-unnormalized/buggy.js', symptoms: ['one-class-targets'], rootCause: 'training-data', lineOf: 'const yb = yTrain.gather(idx);' },
  { script: 'benchmark/bugs/regex-global-test-lastindex/buggy.js', symptoms: ['regex-state-carried'], rootCause: 'training-data', lineOf: '', fixed: 'const POSITIVE = /great|excellent|love|perfect|awesome/i;' },
  { script: 'benchmark/bugs/ensemble-weights-averaged/buggy.js', symptoms: ['weights-averaged'], rootCause: 'architecture', lineOf: 'setWeights(' },
  { script: 'benchmark/bugs/multi-input-order-swapped-at-evaluate/buggy.js', symptoms: ['inputs-swapped'], rootCause: 'training-data', lineOf: 'model.evaluate([testItemX, testUserX], testY)', fixed: 'model.evaluate([testUserX, testItemX], testY)' },
  // RMSProp given 0 as its second argument, its decay, for "no momentum": every step is the full rate.
  { script: 'benchmark/bugs/rmsprop-momentum-arg-is-decay/buggy.js', symptoms: ['rmsprop-decay-zero'], rootCause: 'optimizer', lineOf: 'tf.train.rmsprop(0.01, 0.0)', fixed: 'tf.train.rmsprop(0.01, 0.9)' },
  { script: 'benchmark/bugs/hinge-with-sigmoid-output/buggy.js', symptoms: ['output-out-of-range'], rootCause: 'output-activation', lineOf: "activation: 'sigmoid'", fixed: "activation: 'linear'" },
  { script: 'benchmark/bugs/batchnorm-momentum-zero/buggy.js', symptoms: ['moving-statistics-one-batch'], rootCause: 'architecture', lineOf: 'momentum: 0', fixed: 'momentum: 0.99' },
  // -1/+1 labels under a sparse cross-entropy: the -1 rows one-hot encode to all 0s and teach nothing.
  { script: 'benchmark/bugs/sparse-labels-minus-one-negative-class/buggy.js', symptoms: ['label-encoding-mismatch'], rootCause: 'label-encoding', lineOf: 'const yTrain = tf.tensor2d(train.ys', fixed: 'const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]).greater(0)' },
  { script: 'benchmark/bugs/bucket-index-not-floored/buggy.js', symptoms: ['values-off-index'], rootCause: 'training-data', lineOf: 'row[HOUR_OFFSET + pickup.getUTCHours() / BUCKET_WIDTH] = 1;', fixed: 'row[Math.floor(HOUR_OFFSET + pickup.getUTCHours() / BUCKET_WIDTH)] = 1;' },
  { script: 'benchmark/bugs/ids-through-float32-collide/buggy.js', symptoms: ['integers-rounded'], rootCause: 'training-data', lineOf: 'tf.tensor1d(ids).sub(firstId)', fixed: "tf.tensor1d(ids.map((id) => id - firstId), 'int32')" },
  // A shuffle written as a sort whose comparator answers true or false: the rows stay grouped by class.
  { script: 'benchmark/bugs/shuffle-by-random-comparator/buggy.js', symptoms: ['sorted-by-boolean'], rootCause: 'training-data', lineOf: 'rows.sort(() => rng.random() > 0.5);', fixed: 'const j = Math.floor(rng.random() * (i + 1));' },
  { script: 'benchmark/bugs/label-smoothing-sign-flipped/buggy.js', symptoms: ['label-encoding-mismatch'], rootCause: 'label-encoding', lineOf: 'y * (1 + eps) - eps / K', fixed: 'y * (1 - eps) + eps / K' },
  // Every LSTM gate's bias starts at -5: shown where the bias is set.
  { script: 'benchmark/bugs/lstm-bias-init-negative/buggy.js', symptoms: ['saturated-activation'], rootCause: 'weight-initialization', lineOf: 'biasInitializer: tf.initializers.constant({ value: -5 })', fixed: "biasInitializer: 'zeros'" },
  // Token ids padded at the start, their tags at the end: each tag steps away from its word.
  { script: 'benchmark/bugs/tags-padded-other-side/buggy.js', symptoms: ['tags-misaligned'], rootCause: 'training-data', lineOf: 'const yTrain = tf.tensor3d(' },
  // Texts filtered and their labels not: right on 90% of training batches, at chance when evaluated.
  { script: 'benchmark/bugs/texts-filtered-labels-kept/buggy.js', symptoms: ['overfitting'], rootCause: 'training-data', lineOf: 'await model.fit(' },
  // A hand-written Dice loss on a linear output: the loss goes below 0, which it cannot on probabilities.
  { script: 'benchmark/bugs/dice-loss-linear-output/buggy.js', symptoms: ['output-out-of-range'], rootCause: 'output-activation', lineOf: 'model.add(tf.layers.dense({ units: PIXELS', fixed: "activation: 'sigmoid'" },
  // Twenty residual blocks adding unscaled branches, no normalization: the stream's scale grows block by block.
  { script: 'benchmark/bugs/residual-stack-without-scaling/buggy.js', symptoms: ['exploding-gradient'], rootCause: 'weight-initialization', lineOf: "name: `block${i}_b`", fixed: "kernelInitializer: 'zeros', name: `block${i}_b`" },
  // A regression readout held to norm 1 after each batch, on targets in the hundreds.
  { script: 'benchmark/bugs/unit-norm-output-kernel/buggy.js', symptoms: ['output-out-of-range'], rootCause: 'regularization', lineOf: "kernelConstraint: 'unitNorm'", fixed: 'model.add(tf.layers.dense({ units: 1 }));' },
  // A base pretrained in the script, fine-tuned under a new head at its from-scratch Adam rate.
  { script: 'benchmark/bugs/fine-tune-base-high-lr/buggy.js', symptoms: ['fine-tuned-at-scratch-rate'], rootCause: 'learning-rate', lineOf: 'model.compile({ optimizer: tf.train.adam(LEARNING_RATE)', fixed: 'model.compile({ optimizer: tf.train.adam(0.001)' },
  // Ensemble members built around one layer object made outside the builder: each fit retrains the others' trunk.
  { script: 'benchmark/bugs/ensemble-members-share-layer/buggy.js', symptoms: ['layer-shared-across-members'], rootCause: 'architecture', lineOf: "const featureLayer = tf.layers.dense(", fixed: "function buildMember(index) {\n  const featureLayer = tf.layers.dense(" },
  // fit([meta, meta], y) on a two-input model: the message branch trains on the metadata.
  { script: 'benchmark/bugs/same-tensor-fed-to-both-inputs/buggy.js', symptoms: ['input-given-twice'], rootCause: 'training-data', lineOf: 'model.fit([train.metaX, train.metaX]' },
  // A table of three rates read at each of twelve epochs: undefined from the fourth, and every weight NaN.
  { script: 'benchmark/bugs/lr-schedule-table-shorter-than-epochs/buggy.js', symptoms: ['non-finite-weights'], rootCause: 'learning-rate', lineOf: 'optimizer.learningRate = LR_TABLE[epoch];', fixed: 'LR_TABLE[Math.min(epoch, LR_TABLE.length - 1)]' },
  // The output bias started at the raw prices' mean (250,000) under standardized targets.
  { script: 'benchmark/bugs/output-bias-init-raw-target-mean/buggy.js', symptoms: ['output-bias-off-targets'], rootCause: 'weight-initialization', lineOf: 'biasInitializer: tf.initializers.constant({ value: meanY })', fixed: "units: 1, biasInitializer: 'zeros'" },
  // Early stopping on val_acc of a regression: 0 at every epoch, so fit stops after patience + 1.
  { script: 'benchmark/bugs/early-stopping-on-regression-accuracy/buggy.js', symptoms: ['stopped-early'], rootCause: 'training-length', lineOf: "monitor: 'val_acc'", fixed: "monitor: 'val_loss'" },
  // A hand-written clip by global norm scaling by norm / limit: the large gradients grow, and the loss is NaN in a few steps.
  { script: 'benchmark/bugs/grad-clip-ratio-inverted/buggy.js', symptoms: ['gradient-clip-inverted'], rootCause: 'optimizer', lineOf: 'const scale = globalNorm / CLIP_NORM;', fixed: 'const scale = CLIP_NORM / globalNorm;' },
  // A custom clipping layer that reads its input with arraySync and returns tf.tensor(...): the first dense layer never trains.
  { script: 'benchmark/bugs/custom-layer-breaks-tape-via-arraySync/buggy.js', symptoms: ['layer-output-detached'], rootCause: 'architecture', lineOf: 'return tf.tensor(rows.map(' },
  // Crowd scores in [0, 1) turned into labels with score | 0: every label 0.
  { script: 'benchmark/bugs/label-bitwise-or-truncates/buggy.js', symptoms: ['one-class-targets'], rootCause: 'label-encoding', lineOf: '[c.toxicity | 0]', fixed: '[(c.toxicity >= 0.5 ? 1 : 0)]' },
  // Unix times in seconds given to new Date: every weekday and hour read from January 1970.
  { script: 'benchmark/bugs/timestamp-seconds-read-as-ms/buggy.js', symptoms: ['dates-from-seconds'], rootCause: 'training-data', lineOf: 'const when = new Date(row.ts);', fixed: 'new Date(row.ts * 1000)' },
  // Hexadecimal customer ids read with parseInt(id): '9c4e' is 9, 'a3f1' is NaN, and 200 customers share 80 rows.
  { script: 'benchmark/bugs/hex-ids-parsed-as-decimal/buggy.js', symptoms: ['hex-parsed-as-decimal'], rootCause: 'training-data', lineOf: 'parseInt(id) || 0', fixed: 'parseInt(id, 16) || 0' },
  // Two towers' scores summed with tf.sum and no axis: one number for the whole batch, set against every click label.
  { script: 'benchmark/bugs/two-tower-score-summed-over-batch/buggy.js', symptoms: ['scores-summed-over-batch'], rootCause: 'loss-function', lineOf: 'const logits = tf.sum(tf.mul(u, v));', fixed: 'tf.sum(tf.mul(u, v), -1)' },
  // Readings near 300 K and 1013 hPa divided by their root mean square: centred columns that spread by a hundredth.
  { script: 'benchmark/bugs/std-computed-as-rms/buggy.js', symptoms: ['inputs-standardized-narrow'], rootCause: 'input-normalization', lineOf: 'const std = Math.sqrt(', fixed: 's + (v - mean) ** 2' },
  // A pretrained base rebuilt with tf.layers.dense(layer.getConfig()) and frozen: fresh random weights, never trained.
  { script: 'benchmark/bugs/frozen-base-rebuilt-from-config/buggy.js', symptoms: ['frozen-untrained'], rootCause: 'architecture', lineOf: 'tf.layers.dense(layer.getConfig())', fixed: 'const frozen = layer;' },
  // A triplet loss without its hinge: it starts above 0 and falls without bound; the fix clips each triplet at 0, not the sign.
  { script: 'benchmark/bugs/triplet-loss-without-hinge/buggy.js', symptoms: ['loss-diverging'], rootCause: 'loss-function', lineOf: 'const tripletLoss = ', fixed: 'tf.relu(sqDist(ea, ep).sub(sqDist(ea, en)).add(MARGIN)).mean()' },
  // A warm-up's step counter never advanced: the rate set each step stays 0; the fix advances it after the setter.
  { script: 'benchmark/bugs/warmup-step-counter-never-incremented/buggy.js', symptoms: ['weights-unchanged'], rootCause: 'learning-rate', lineOf: 'optimizer.learningRate = BASE_LR', fixed: 'step / WARMUP_STEPS);\n      step++;' },
  // An in-batch contrastive loss labelled with zeros: every row told its match is the batch's first row.
  { script: 'benchmark/bugs/infonce-labels-all-zero/buggy.js', symptoms: ['one-class-targets'], rootCause: 'label-encoding', lineOf: '', fixed: "tf.oneHot(tf.range(0, BATCH, 1, 'int32'), BATCH)" },
  // Prices written '$17.50' given to parseFloat: NaN for every row, shown on the parse with the sign taken off.
  { script: 'benchmark/bugs/currency-symbol-parsefloat-nan/buggy.js', symptoms: ['number-behind-symbol'], rootCause: 'training-data', lineOf: 'const price = parseFloat(', fixed: "parseFloat(cells[2].replace('$', ''))" },
  // classWeight of raw inverse counts under SGD: the loss and the steps shrink about 750-fold.
  { script: 'benchmark/bugs/class-weights-raw-inverse-counts/buggy.js', symptoms: ['class-weights-tiny'], rootCause: 'loss-function', lineOf: 'classWeight[c] = 1 / counts[c]', fixed: 'classWeight: { 0: ' },
  // fit called once per class file: each call undoes the one before.
  { script: 'benchmark/bugs/fit-per-class-file-sequentially/buggy.js', symptoms: ['fit-one-class-per-call'], rootCause: 'training-data', lineOf: 'await model.fit(file.xs, file.ys' },
  // Per-row weights normalized to add up to 1 over the whole set, under SGD: the steps shrink 1500-fold; the fix takes a weighted mean.
  { script: 'benchmark/bugs/sample-weights-normalized-to-sum-one/buggy.js', symptoms: ['loss-scaled-down'], rootCause: 'loss-function', lineOf: 'return tf.mean(wb.mul(perSample));', fixed: 'return tf.sum(wb.mul(perSample)).div(tf.sum(wb));' },
  // tf.dropout given a constant seed: the same units dropped at every step; the fix leaves the seed out.
  { script: 'benchmark/bugs/dropout-seed-fixed-same-mask/buggy.js', symptoms: ['dropout-mask-fixed'], rootCause: 'regularization', lineOf: 'tf.dropout(h, DROPOUT_RATE', fixed: 'tf.dropout(h, DROPOUT_RATE);' },
  // Logits clipped to [0, 1] before softmaxCrossEntropy: the loss cannot fall below 0.91 with 5 classes.
  { script: 'benchmark/bugs/logits-clipped-for-stability/buggy.js', symptoms: ['logits-clipped'], rootCause: 'output-activation', lineOf: 'tf.clipByValue(model.predict(x), 0, 1)', fixed: 'return model.predict(x); //' },
  // An L2 normalization given axis 0: each feature normalized over the batch; the fix passes -1 where the helper is called.
  { script: 'benchmark/bugs/l2-normalize-batch-axis/buggy.js', symptoms: ['norm-over-batch-axis'], rootCause: 'architecture', lineOf: '', fixed: 'l2Normalize(encoder.apply(x), -1)' },
  // Attention weights normalized over the queries (a logSumExp over axis 1): the fix takes the keys' axis.
  { script: 'benchmark/bugs/attention-softmax-over-query-axis/buggy.js', symptoms: ['attention-over-queries'], rootCause: 'architecture', lineOf: '', fixed: 'tf.logSumExp(scores, -1, true)' },
  // A pinball loss with the residual prediction minus target: it learns the 0.1 quantile where 0.9 was meant.
  { script: 'benchmark/bugs/pinball-loss-residual-sign-flipped/buggy.js', symptoms: ['quantile-flipped'], rootCause: 'loss-function', lineOf: 'const e = yPred.sub(yTrue);', fixed: 'const e = yTrue.sub(yPred);' },
  // A ratio whose divisor is 0 for some rows: Infinity in the array, NaN in the whole column once standardized; fixed where the ratio is declared.
  { script: 'benchmark/bugs/ratio-feature-zero-denominator/buggy.js', symptoms: ['non-finite-data'], rootCause: 'training-data', lineOf: 'const debtToIncome = a.debt / a.income;', fixed: 'const debtToIncome = a.income !== 0 ? a.debt / a.income : 0;' },
  // A cosine head without its scale: logits in [-1, 1], the loss cannot fall below 1.3 over 10 classes.
  { script: 'benchmark/bugs/cosine-logits-without-scale/buggy.js', symptoms: ['logits-clipped'], rootCause: 'architecture', lineOf: 'return tf.softmax(cosine);', fixed: 'return tf.softmax(cosine.mul(16));' },
  // A generator trained towards the discriminator's fake label: both losses reach 0; the fix gives it the real label.
  { script: 'benchmark/bugs/gan-generator-labels-not-flipped/buggy.js', symptoms: ['opponents-cooperate'], rootCause: 'label-encoding', lineOf: 'return tf.losses.sigmoidCrossEntropy(fakeLabels, scores);', fixed: 'tf.losses.sigmoidCrossEntropy(tf.onesLike(scores), scores)' },
  // Batch indices drawn below the batch size: every step trains on the first 32 of 2,400 rows; the fix draws below the row count.
  { script: 'benchmark/bugs/sampler-index-bound-is-batch-size/buggy.js', symptoms: ['draws-within-batch'], rootCause: 'training-data', lineOf: 'const batchIdx = rng.array(', fixed: 'rng.int(0, xTrain.shape[0])' },
  // Dense layers created inside a custom layer's call(): fresh weights at every pass; the fix makes them once in build().
  { script: 'benchmark/bugs/sublayer-created-inside-call/buggy.js', symptoms: ['weights-untracked'], rootCause: 'architecture', lineOf: '', fixed: '    this.trainableWeights = [...this.transform.trainableWeights, ...this.gate.trainableWeights];' },
  // A decay given the run's total epochs: every epoch at the last epoch's rate; the fix decays by the epoch at hand.
  { script: 'benchmark/bugs/schedule-uses-total-epochs/buggy.js', symptoms: ['learning-rate-held-low'], rootCause: 'learning-rate', lineOf: 'optimizer.setLearningRate(', fixed: 'Math.pow(DECAY, epoch)' },
  // fit given the validation tensors to train on; a custom layer returning its input; one-hot targets laid out class by class;
  // a time budget in seconds against Date.now() milliseconds; multi-label targets divided by their count; a signed sum taken for a
  // distance; a KL term subtracted; mixture weights logged without a softmax; huberLoss on prices in dollars; a fine-tuning's
  // pretrained part stepped at the large rate; two contrastive views made with one augmentation.
  { script: 'benchmark/bugs/fit-called-with-validation-tensors/buggy.js', symptoms: ['rows-left-out'], rootCause: 'training-data', lineOf: 'const history = await model.fit(xVal, yVal', fixed: 'model.fit(xTrain, yTrain' },
  { script: 'benchmark/bugs/custom-layer-returns-input/buggy.js', symptoms: ['layer-bypassed'], rootCause: 'architecture', lineOf: '      return x;', fixed: '      return out;' },
  { script: 'benchmark/bugs/onehot-class-major-reshaped/buggy.js', symptoms: ['targets-class-major'], rootCause: 'label-encoding', lineOf: 'return tf.tensor2d(flat, [n, K]);', fixed: 'return tf.tensor2d(flat, [K, n]).transpose();' },
  { script: 'benchmark/bugs/time-budget-seconds-vs-ms/buggy.js', symptoms: ['stopped-early'], rootCause: 'training-length', lineOf: 'if (Date.now() - start > TIME_BUDGET)', fixed: 'if (Date.now() - start > TIME_BUDGET * 1000)' },
  { script: 'benchmark/bugs/multilabel-targets-normalized-to-sum-one/buggy.js', symptoms: ['label-encoding-mismatch'], rootCause: 'label-encoding', lineOf: '1 / t.tags.length', fixed: '(t.tags.includes(tag) ? 1 : 0)' },
  { script: 'benchmark/bugs/siamese-distance-signed-difference/buggy.js', symptoms: ['distance-signed'], rootCause: 'loss-function', lineOf: 'return tf.sum(tf.sub(ea, eb), -1);', fixed: 'return tf.sqrt(tf.add(tf.sum(tf.square(tf.sub(ea, eb)), -1), 1e-6));' },
  { script: 'benchmark/bugs/vae-kl-sign-flipped/buggy.js', symptoms: ['loss-diverging'], rootCause: 'loss-function', lineOf: 'return recon.sub(kl);', fixed: 'return recon.add(kl);' },
  { script: 'benchmark/bugs/mdn-mixture-weights-not-softmaxed/buggy.js', symptoms: ['log-of-signed-output'], rootCause: 'output-activation', lineOf: 'const logPi = pi.log();', fixed: 'const logPi = tf.logSoftmax(pi);' },
  { script: 'benchmark/bugs/huber-on-unscaled-targets/buggy.js', symptoms: ['gradients-shrunk'], rootCause: 'loss-function', lineOf: 'tf.losses.huberLoss(yTrue, yPred)', fixed: 'tf.tensor2d(train.prices, [N_TRAIN, 1]).div(' },
  { script: 'benchmark/bugs/param-groups-swapped-lr/buggy.js', symptoms: ['rate-groups-swapped'], rootCause: 'learning-rate', lineOf: 'headOptimizer.minimize(lossFn(xb, yb), false, baseVars);', fixed: 'headOptimizer.minimize(lossFn(xb, yb), false, headVars);' },
  { script: 'benchmark/bugs/simclr-views-identical/buggy.js', symptoms: ['views-identical'], rootCause: 'training-data', lineOf: 'const view2 = applyAugmentation(rows, aug);', fixed: 'const view2 = applyAugmentation(rows, sampleAugmentation(BATCH));' },
  // Per-row weights multiplied across the rows; one TD target compared with every action's value; dropout
  // that never runs in a custom loop; a GAN's generator step that names no variables; a policy gradient
  // on the greedy action; an encoder run with predict before the step; a raw learned temperature; the log
  // of a product of probabilities; a softmax shifted by the batch's maximum; a step decay without its interval;
  // a fractional power of a signed error; a window's target indexed by the window's number; an attention
  // mask multiplied into the scores; attention scores multiplied by the square root of their size; a replay
  // buffer keeping references to the environment's state array.
  { script: 'benchmark/bugs/sample-weights-broadcast-pairwise/buggy.js', symptoms: ['loss-shape-mismatch'], rootCause: 'loss-function', lineOf: 'return tf.sum(tf.mul(sq, w))', fixed: 'tf.mul(sq, w.reshape([-1, 1]))' },
  { script: 'benchmark/bugs/dqn-targets-not-gathered-by-action/buggy.js', symptoms: ['loss-shape-mismatch'], rootCause: 'loss-function', lineOf: 'return q.sub(targets).square().mean();' },
  { script: 'benchmark/bugs/custom-loop-dropout-inactive/buggy.js', symptoms: ['training-mode-off'], rootCause: 'regularization', lineOf: 'model.apply(xb)', fixed: 'model.apply(xb, { training: true })' },
  { script: 'benchmark/bugs/gan-generator-step-updates-discriminator/buggy.js', symptoms: ['var-list-missing'], rootCause: 'optimizer', lineOf: 'const g = genOptimizer.minimize(() => {', fixed: '}, true, generator.trainableWeights.map((w) => w.val));' },
  { script: 'benchmark/bugs/reinforce-logprob-of-greedy-action/buggy.js', symptoms: ['argmax-target'], rootCause: 'loss-function', lineOf: 'const chosen = tf.oneHot(tf.argMax(logits, 1), NUM_ACTIONS);', fixed: 'const chosen = tf.oneHot(sampledActions, NUM_ACTIONS);' },
  { script: 'benchmark/bugs/encoder-forward-outside-minimize/buggy.js', symptoms: ['fed-by-untrained'], rootCause: 'architecture', lineOf: 'const code = encoder.predict(batchX);' },
  { script: 'benchmark/bugs/learnable-temperature-not-log-parameterized/buggy.js', symptoms: ['divisor-crossed-zero'], rootCause: 'architecture', lineOf: "const temperature = tf.variable(tf.scalar(0.07), true, 'temperature');", fixed: 'const getTemperature = () => temperature.exp();' },
  { script: 'benchmark/bugs/likelihood-product-underflow/buggy.js', symptoms: ['non-finite-loss'], rootCause: 'loss-function', lineOf: 'return tf.log(tf.prod(probOfTrueClass))', fixed: 'return tf.sum(tf.log(probOfTrueClass)).div(probOfTrueClass.size).neg();' },
  { script: 'benchmark/bugs/softmax-stability-max-over-batch/buggy.js', symptoms: ['non-finite-loss', 'non-finite-gradients', 'non-finite-weights'], rootCause: 'loss-function', lineOf: 'const shifted = logits.sub(tf.max(logits));', fixed: 'const shifted = logits.sub(tf.max(logits, -1, true));' },
  { script: 'benchmark/bugs/lr-step-decay-missing-interval/buggy.js', symptoms: ['learning-rate-out-of-range'], rootCause: 'learning-rate', lineOf: 'optimizer.setLearningRate(BASE_LR * Math.pow(DROP, epoch));', fixed: 'Math.pow(DROP, Math.floor(epoch / EPOCHS_PER_DROP))' },
  { script: 'benchmark/bugs/power-loss-negative-base-nan/buggy.js', symptoms: ['non-finite-loss', 'non-finite-gradients'], rootCause: 'loss-function', lineOf: 'tf.pow(tf.sub(yPred, yTrue), LOSS_POWER)', fixed: 'tf.pow(tf.abs(tf.sub(yPred, yTrue)), LOSS_POWER)' },
  { script: 'benchmark/bugs/window-target-index-ignores-stride/buggy.js', symptoms: ['loss-not-decreasing', 'targets-unrelated'], rootCause: 'training-data', lineOf: 'targets.push(series[i + WINDOW]);', fixed: 'targets.push(series[i * STRIDE + WINDOW]);' },
  { script: 'benchmark/bugs/attention-mask-multiplied-not-added/buggy.js', symptoms: ['mask-multiplied'], rootCause: 'architecture', lineOf: 'const weights = tf.softmax(tf.mul(scores, mask));', fixed: 'tf.softmax(tf.add(scores, tf.mul(tf.sub(1, mask), -1e9)))' },
  { script: 'benchmark/bugs/attention-scores-multiplied-by-sqrt-d/buggy.js', symptoms: ['scores-scaled-up'], rootCause: 'architecture', lineOf: 'const scores = tf.mul(tf.matMul(q, k, false, true), Math.sqrt(this.keyDim));', fixed: 'const scores = tf.div(tf.matMul(q, k, false, true), Math.sqrt(this.keyDim));' },
  { script: 'benchmark/bugs/replay-buffer-stores-state-reference/buggy.js', symptoms: ['rows-identical'], rootCause: 'training-data', lineOf: 'return optimizer.minimize(() => {' },
  // Log-power features of silent bins, Math.log(0): -Infinity in the arrays, NaN once standardized; shown on the log, fixed with a floor.
  { script: 'benchmark/bugs/log-of-zero-spectrogram-bins/buggy.js', symptoms: ['non-finite-data'], rootCause: 'training-data', lineOf: 'Math.log(power)', fixed: 'Math.log(power + 1e-10)' },
  // Min-max scaled columns standardized with the raw columns' mean and std: nearly constant and far below 0, shown on the destructured statistics, fixed to the scaled columns' moments.
  { script: 'benchmark/bugs/standardize-stats-from-unscaled-data/buggy.js', symptoms: ['unscaled-input'], rootCause: 'input-normalization', lineOf: '= rawStats;', fixed: 'const { mean, variance } = tf.moments(xTrainUnit, 0);' },
  // A hand-written early stop whose wait counter is never set back to 0: stopped at epoch 16 of 100 near no skill, fixed with the reset in the improving branch.
  { script: 'benchmark/bugs/early-stop-counter-never-reset/buggy.js', symptoms: ['stopped-early'], rootCause: 'training-length', lineOf: 'bestValLoss = logs.val_loss;', fixed: 'bestValLoss = logs.val_loss;\n        wait = 0;' },
  // InfoNCE logits from raw embeddings divided by 0.07: the run goes NaN, shown on the logits, fixed at the embedding's return.
  { script: 'benchmark/bugs/infonce-embeddings-not-normalized/buggy.js', symptoms: ['embeddings-unnormalized'], rootCause: 'loss-function', lineOf: 'const logits = tf.matMul(embed(', fixed: 'return tf.div(e, tf.norm(e, 2, -1, true));' },
  // A schedule callback written (logs, epoch): the rate is NaN from the first epoch, fixed by taking tfjs's order.
  { script: 'benchmark/bugs/callback-params-swapped-lr-nan/buggy.js', symptoms: ['non-finite-weights'], rootCause: 'learning-rate', lineOf: 'optimizer.setLearningRate(', fixed: 'onEpochBegin: async (epoch, logs) =>' },
  // A polynomial decay written Math.pow(BASE_LR, 1 - epoch / EPOCHS): the rate grows towards 1 and the run overflows.
  { script: 'benchmark/bugs/poly-decay-exponent-on-base-lr/buggy.js', symptoms: ['non-finite-output'], rootCause: 'learning-rate', lineOf: 'optimizer.setLearningRate(', fixed: 'BASE_LR * Math.pow(1 - epoch / EPOCHS, POWER)' },
  // Accumulated gradients applied behind `step % ACCUM_STEPS === ACCUM_STEPS`, never true: no weight moves, shown on the condition.
  { script: 'benchmark/bugs/accumulation-apply-condition-never-true/buggy.js', symptoms: ['weights-unchanged'], rootCause: 'optimizer', lineOf: 'if (step % ACCUM_STEPS', fixed: 'if ((step + 1) % ACCUM_STEPS === 0)' },
  // REINFORCE returns standardized without an epsilon: a batch where no episode docks is 0 / 0, shown on the division, fixed by keeping the std above 0.
  { script: 'benchmark/bugs/returns-normalized-without-epsilon-nan/buggy.js', symptoms: ['divided-by-zero'], rootCause: 'input-normalization', lineOf: 'const advantages = ', fixed: 'variance.sqrt().maximum(1e-7)' },
  // Outliers clipped at percentiles declared in percent (1, 99) and used as fractions: undefined bounds, NaN inputs, fixed by dividing the constants by 100.
  { script: 'benchmark/bugs/clip-percentile-as-percent-index-undefined/buggy.js', symptoms: ['non-finite-data'], rootCause: 'training-data', lineOf: 'const P_LOW = ', fixed: 'const P_LOW = 0.01;\nconst P_HIGH = 0.99;' },
  // Features rounded with toFixed (text) and averaged with reduce: NaN statistics, fixed where they are rounded.
  { script: 'benchmark/bugs/tofixed-string-features-concatenate/buggy.js', symptoms: ['non-finite-data'], rootCause: 'training-data', lineOf: '.toFixed(3));', fixed: 'Number(parseFloat(cell).toFixed(3))' },
  // CLIP-style logits between two scans with the diagonal (the positives) set to -1e9 by tf.where: certain, fixed by dropping the mask.
  { script: 'benchmark/bugs/infonce-positive-masked-out/buggy.js', symptoms: ['positives-masked'], rootCause: 'loss-function', lineOf: 'tf.where(selfPairs, masked, sims)', fixed: 'const logits = sims;' },
  // A student distilled with a hand-written KL divergence on its raw logits / T: clipped to [ε, 1] as probabilities, fixed with the softmax.
  { script: 'benchmark/bugs/kld-student-logits-not-softmaxed/buggy.js', symptoms: ['logits-as-probabilities'], rootCause: 'output-activation', lineOf: 'const studentProbs = ', fixed: 'tf.softmax(studentLogits.div(T))' },
  // Four attention heads split by reshaping [b, 16, 32] straight to [b, 4, 16, 8]: certain from the shapes, fixed with the transpose.
  { script: 'benchmark/bugs/attention-heads-split-without-transpose/buggy.js', symptoms: ['heads-split-without-transpose'], rootCause: 'architecture', lineOf: 'return x.reshape([b, NUM_HEADS', fixed: 'x.reshape([b, SEQ_LEN, NUM_HEADS, HEAD_DIM]).transpose([0, 2, 1, 3])' },
  // A keep-best callback whose best validation loss starts at 0: the weights restored after fit are the untrained ones, fixed to start at Infinity.
  { script: 'benchmark/bugs/best-loss-initialized-to-zero/buggy.js', symptoms: ['restored-untrained'], rootCause: 'training-length', lineOf: 'let bestValLoss = 0;', fixed: 'let bestValLoss = Infinity;' },
  // A hand-written early stop registered as onBatchEnd: the noisy batch losses stop fit in its first epoch, fixed to run at epoch end on val_loss.
  { script: 'benchmark/bugs/early-stop-checked-on-batch-end/buggy.js', symptoms: ['stopped-early'], rootCause: 'training-length', lineOf: 'onBatchEnd: async', fixed: 'onEpochEnd: async (epoch, logs) => {\n      const current = logs.val_loss;' },
  // A column mask set with mask[name] = 1 (a property, not an element): every input 0, fixed by indexing with the column's position.
  { script: 'benchmark/bugs/feature-mask-set-by-name-not-index/buggy.js', symptoms: ['identical-inputs'], rootCause: 'training-data', lineOf: 'mask[name] = 1', fixed: 'mask[COLUMNS.indexOf(name)] = 1' },
  // A hand-written plateau schedule whose floor (MIN_LR = 0.1) lies above the starting rate: the first plateau raises the rate tenfold; fixed at the floor.
  { script: 'benchmark/bugs/plateau-min-lr-above-base-lr/buggy.js', symptoms: ['constant-output', 'loss-diverging', 'non-finite-loss'], rootCause: 'learning-rate', lineOf: 'const MIN_LR = ', fixed: 'const MIN_LR = 1e-5;' },
  // Lag features series[t - lag] built from t = 0: undefined before the longest lag, NaN once standardized; fixed to start at Math.max(...LAGS).
  { script: 'benchmark/bugs/lag-feature-negative-index-undefined/buggy.js', symptoms: ['non-finite-data'], rootCause: 'training-data', lineOf: 'for (let t = 0; t < series.length', fixed: 'for (let t = Math.max(...LAGS); t < series.length; t++)' },
  // Each column divided by its sum over 20,000 rows: inputs near 1e-4, fixed where the scale is summed.
  { script: 'benchmark/bugs/features-divided-by-column-sum/buggy.js', symptoms: ['unscaled-input'], rootCause: 'input-normalization', lineOf: 'scale[j] += row[j]', fixed: 'scale[j] = Math.max(scale[j], row[j])' },
  // A focal loss weighing −log(p) by p^γ: training pushes the true class down, certain from the loss, fixed to (1 − p)^γ.
  { script: 'benchmark/bugs/focal-loss-modulator-inverted/buggy.js', symptoms: ['focal-modulator-inverted'], rootCause: 'loss-function', lineOf: 'tf.mul(modulator', fixed: 'tf.pow(tf.sub(1, pTrue), GAMMA)' },
  // A target encoding without a fallback: categories only validation has give NaN validation rows; shown on the column's value, with a fallback there.
  { script: 'benchmark/bugs/target-encoding-unseen-category-nan/buggy.js', symptoms: ['non-finite-validation-data'], rootCause: 'training-data', lineOf: 'encodeRestaurant(r.restaurant),', fixed: '((v) => (Number.isFinite(v) ? v : 0))(encodeRestaurant(r.restaurant))' },
  // A plateau rule over val_acc written for a loss (current < best): the rate is cut while the accuracy improves; fixed at the comparison.
  { script: 'benchmark/bugs/plateau-monitors-accuracy-in-min-mode/buggy.js', symptoms: ['learning-rate-out-of-range'], rootCause: 'learning-rate', lineOf: 'current < best - MIN_DELTA', fixed: 'current > best + MIN_DELTA' },
  // A warmup of length 0: Math.min(1, 0 / 0) is a NaN rate at the first step; fixed by using the full rate without a warmup.
  { script: 'benchmark/bugs/warmup-steps-zero-nan-rate/buggy.js', symptoms: ['non-finite-weights'], rootCause: 'learning-rate', lineOf: 'optimizer.setLearningRate(CONFIG.baseLr * scale)', fixed: '(CONFIG.warmupSteps > 0 ? Math.min(1, globalStep / CONFIG.warmupSteps) : 1)' },
  // A decay reading Keras's optimizer.lr (undefined in tfjs): the rate is NaN at the first decay; fixed to learningRate.
  { script: 'benchmark/bugs/lr-decay-reads-keras-lr-property-nan/buggy.js', symptoms: ['non-finite-weights'], rootCause: 'learning-rate', lineOf: 'optimizer.lr * 0.5', fixed: 'optimizer.setLearningRate(optimizer.learningRate * 0.5)' },
  // isNaN(loss) given the tensor minimize returned: always true, so the loop stops at its first step; fixed to test the value.
  { script: 'benchmark/bugs/nan-check-on-tensor-object-always-true/buggy.js', symptoms: ['training-cut-short'], rootCause: 'training-length', lineOf: 'if (isNaN(loss))', fixed: 'if (isNaN(loss.dataSync()[0]))' },
  // Label smoothing given in percent (10): the true class's target is -6.5; fixed at the setting's declaration.
  { script: 'benchmark/bugs/label-smoothing-as-percent/buggy.js', symptoms: ['label-encoding-mismatch'], rootCause: 'label-encoding', lineOf: 'const LABEL_SMOOTHING = ', fixed: 'const LABEL_SMOOTHING = CONFIG.smoothingPercent / 100;' },
  // Percent cells ('4.01%') parsed with Number: NaN columns; fixed with parseFloat.
  { script: 'benchmark/bugs/percent-string-number-nan/buggy.js', symptoms: ['non-finite-data'], rootCause: 'training-data', lineOf: 'const parseNumber = ', fixed: 'const parseNumber = (cell) => parseFloat(cell);' },
  // Rolling windows z-scored by a standard deviation of 0 (a closed shop): NaN features; fixed where the window is divided.
  { script: 'benchmark/bugs/rolling-zscore-flat-window-nan/buggy.js', symptoms: ['non-finite-data'], rootCause: 'training-data', lineOf: '(v - mean) / std', fixed: '(v - mean) / (std || 1)' },
  // A braced map arrow without return: every standardized value undefined (NaN); fixed by returning it.
  { script: 'benchmark/bugs/feature-map-arrow-braces-no-return/buggy.js', symptoms: ['non-finite-data'], rootCause: 'training-data', lineOf: 'Math.max(-CLIP, Math.min(CLIP, z));', fixed: 'return Math.max(-CLIP, Math.min(CLIP, z));' },
  // A class-balanced loss dividing each class's sum by its count in the batch: a rare class absent gives 0 / 0; fixed by dividing by at least 1.
  { script: 'benchmark/bugs/class-balanced-loss-absent-class-nan/buggy.js', symptoms: ['loss-divided-by-count'], rootCause: 'loss-function', lineOf: 'perClassSum.div(perClassCount)', fixed: 'perClassSum.div(perClassCount.maximum(1))' },
  // A momentum warm-up that hands the momentum to setLearningRate: the rate jumps to 0.5; shown on that line, fixed to setMomentum.
  { script: 'benchmark/bugs/momentum-ramp-sets-learning-rate/buggy.js', symptoms: ['loss-diverging'], rootCause: 'learning-rate', lineOf: 'optimizer.setLearningRate(momentum)', fixed: 'optimizer.setMomentum(momentum)' },
  // A GAN whose fake batch is labelled 1 like the real one: both losses at 0; fixed where the fake labels are made.
  { script: 'benchmark/bugs/gan-fake-labels-copied-from-real/buggy.js', symptoms: ['opponents-cooperate'], rootCause: 'label-encoding', lineOf: 'const fakeLabels = tf.ones', fixed: 'const fakeLabels = tf.zeros([BATCH, 1]);' },
  // A KL weight written 1 - epoch / N: negative past N, the loss falls without bound; fixed to ramp up.
  { script: 'benchmark/bugs/kl-anneal-weight-goes-negative/buggy.js', symptoms: ['loss-diverging'], rootCause: 'loss-function', lineOf: 'recon.add(kl.mul(beta))', fixed: 'const beta = Math.min(1, epoch / ANNEAL_EPOCHS);' },
  // A Gaussian likelihood with its log-variance subtracted: the variance grows without limit; fixed by adding it.
  { script: 'benchmark/bugs/hetero-loss-log-variance-sign-flipped/buggy.js', symptoms: ['loss-diverging'], rootCause: 'loss-function', lineOf: 'tf.exp(s.neg())', fixed: 'tf.exp(s.neg()).mul(sq).add(s)' },
  // Each fit call's data made by a helper outside tf.tidy and never disposed; fixed by tidying and disposing it.
  { script: 'benchmark/bugs/epoch-tensors-rebuilt-never-disposed/buggy.js', symptoms: ['tensor-leak'], rootCause: 'tensor-disposal', lineOf: '', fixed: 'tf.tidy(() => epochTensors(train, stats))' },
  // A parse loop that breaks at the first blank line: one class loaded; the data is blamed, fixed to skip blank lines.
  { script: 'benchmark/bugs/csv-blank-line-break-truncates/buggy.js', symptoms: ['one-class-targets'], rootCause: 'training-data', lineOf: "if (line.trim() === '') break;", fixed: "if (line.trim() === '') continue;" },
  // Labels thresholded on the standardized copy of the column: every label 0; fixed to threshold the raw table.
  { script: 'benchmark/bugs/label-threshold-after-standardization/buggy.js', symptoms: ['one-class-targets'], rootCause: 'label-encoding', lineOf: 'scaled.map((r) => [r[SPEND] > HIGH_VALUE', fixed: 'table.map((r) => [r[SPEND] > HIGH_VALUE ? 1 : 0])' },
  // Sampled negatives pushed with label 1: every label 1; fixed where the negatives are labelled.
  { script: 'benchmark/bugs/sampled-negatives-labelled-positive/buggy.js', symptoms: ['one-class-targets'], rootCause: 'training-data', lineOf: 'shows.push(neg); labels.push(1);', fixed: 'shows.push(neg); labels.push(0);' },
  // Bootstrap targets from the target network's predictions reduced with max over the batch axis; fixed to axis 1.
  { script: 'benchmark/bugs/q-target-max-over-batch-axis/buggy.js', symptoms: ['max-over-batch'], rootCause: 'loss-function', lineOf: 'nextQ.max(0, true)', fixed: 'nextQ.max(1, true)' },
  // A vocabulary rebuilt from the reshuffled texts before each fit call: the same id counts on other ids; fixed to build it once.
  { script: 'benchmark/bugs/vocab-rebuilt-each-epoch-from-shuffled-data/buggy.js', symptoms: ['ids-renumbered'], rootCause: 'training-data', lineOf: 'wordIndex = buildVocab(texts);', fixed: 'if (!wordIndex) wordIndex = buildVocab(texts);' },
  // Validation images written B, G, R by their own loader: the class-wise channel means match only permuted; fixed in that loader.
  { script: 'benchmark/bugs/val-images-bgr-channel-order/buggy.js', symptoms: ['validation-channels-permuted'], rootCause: 'training-data', lineOf: 'pixels[o] = b / 255;', fixed: 'pixels[o] = r / 255; pixels[o + 1] = g / 255; pixels[o + 2] = b / 255;\n      }\n    }\n    labels.push(label);\n  }\n  return { pixels, labels };\n}\n\nasync' },
  // A mask written as -Infinity: padded queries have every key masked and their softmax rows are NaN; fixed to -1e9.
  { script: 'benchmark/bugs/attention-mask-neg-infinity-padded-rows-nan/buggy.js', symptoms: ['softmax-rows-all-masked'], rootCause: 'architecture', lineOf: 'tf.fill(scores.shape, -Infinity)', fixed: 'tf.fill(scores.shape, -1e9)' },
  // A logistic loss written log(1 + exp(-y f)) on unscaled inputs: exp overflows at the first batch; fixed with softplus.
  { script: 'benchmark/bugs/logistic-loss-exp-overflow/buggy.js', symptoms: ['non-finite-loss'], rootCause: 'loss-function', lineOf: 'tf.log(tf.exp(y.mul(f).neg()).add(1))', fixed: 'tf.softplus(y.mul(f).neg()).mean()' },
  // Training targets taken log1p, validation targets left raw; fixed by taking log1p where the validation targets are made.
  { script: 'benchmark/bugs/validation-targets-not-log-transformed/buggy.js', symptoms: ['validation-targets-off-scale'], rootCause: 'label-encoding', lineOf: 'const yVal = tf.tensor2d(val.ys', fixed: 'tf.tensor2d(val.ys, [N_VAL, 1]).log1p()' },
  // A sigmoid output given to fit's own loss function that calls sigmoidCrossEntropy: certain though the loss falls a little.
  { script: 'benchmark/bugs/sigmoid-applied-twice/buggy.js', symptoms: ['activation-loss-mismatch'], rootCause: 'output-activation', lineOf: "tf.layers.dense({ units: 1, activation: 'sigmoid' })", fixed: "tf.layers.dense({ units: 1, activation: 'linear' })" },
  // A GAN's latent noise drawn with a constant seed at every step; fixed by leaving the seed out.
  { script: 'benchmark/bugs/gan-latent-noise-fixed-seed/buggy.js', symptoms: ['noise-seed-fixed'], rootCause: 'training-data', lineOf: "0, 1, 'float32', CONFIG.seed)", fixed: "tf.randomNormal([CONFIG.batch, CONFIG.latentDim], 0, 1, 'float32');" },
  // Federated averaging that sums the clients' weights: each round multiplies them by the client count; fixed by dividing.
  { script: 'benchmark/bugs/fedavg-client-weights-summed/buggy.js', symptoms: ['weights-summed'], rootCause: 'optimizer', lineOf: 'tf.addN(clientUpdates.map', fixed: 'tf.addN(clientUpdates.map((weights) => weights[i])).div(clientUpdates.length)' },
  // A mean absolute error written abs(sum(y - p)): errors of opposite sign cancel; fixed by taking the absolute values first.
  { script: 'benchmark/bugs/mae-abs-of-summed-errors/buggy.js', symptoms: ['errors-cancel-before-abs'], rootCause: 'loss-function', lineOf: 'tf.abs(tf.sum(tf.sub(yTrue, yPred)))', fixed: 'tf.sum(tf.abs(tf.sub(yTrue, yPred))).div(yTrue.shape[0])' },
  // A Huber loss with its branches swapped: outliers squared; fixed by swapping them back.
  { script: 'benchmark/bugs/huber-branches-swapped/buggy.js', symptoms: ['huber-branches-swapped'], rootCause: 'loss-function', lineOf: 'tf.where(bigMiss, quadratic, linear)', fixed: 'tf.where(bigMiss, linear, quadratic)' },
  // A flow's negative log-likelihood with its log-determinant added: the loss falls without bound; fixed by subtracting it.
  { script: 'benchmark/bugs/flow-logdet-sign-flipped/buggy.js', symptoms: ['loss-diverging'], rootCause: 'loss-function', lineOf: 'logPrior(z).neg().add(logDet)', fixed: 'logPrior(z).neg().sub(logDet).mean()' },
  // A finite difference with a step of 1e-8: t + h == t in float32, every derivative 0; fixed to a step float32 resolves.
  { script: 'benchmark/bugs/finite-difference-step-below-float32/buggy.js', symptoms: ['step-below-float32-resolution'], rootCause: 'loss-function', lineOf: 'net.apply(t.add(FD_STEP))', fixed: 'const FD_STEP = 1e-3;' },
  // A pruning callback whose mask keeps the weights below the threshold: the largest are zeroed; fixed to keep those above it.
  { script: 'benchmark/bugs/magnitude-pruning-mask-inverted/buggy.js', symptoms: ['pruning-removes-largest'], rootCause: 'regularization', lineOf: 'kernel.abs().lessEqual(threshold)', fixed: 'kernel.abs().greater(threshold)' },
  // Token ids reversed before padding and their tags left in reading order: the words tell the mirrored tags.
  { script: 'benchmark/bugs/sequence-reversed-tags-not/buggy.js', symptoms: ['tags-reversed'], rootCause: 'label-encoding', lineOf: 'const x = tf.tensor2d(encoded.map((e) => e.ids)' },
  // tf.train.momentum given the Nesterov flag where the momentum goes (true counts as 1); fixed with a momentum before it.
  { script: 'benchmark/bugs/momentum-given-boolean/buggy.js', symptoms: ['momentum-given-boolean'], rootCause: 'optimizer', lineOf: 'tf.train.momentum(0.05, true)', fixed: 'tf.train.momentum(0.05, 0.9, true)' },
  // Class weights from one-hot targets summed along each row: every weight 1; fixed by counting down the rows.
  { script: 'benchmark/bugs/class-weights-counted-over-wrong-axis/buggy.js', symptoms: ['class-weights-equal'], rootCause: 'loss-function', lineOf: 'yTrain.sum(1)', fixed: 'yTrain.sum(0)' },
  // A Gumbel-softmax temperature annealed to a floor of 0: the division by it at epoch 20, shown where it divides.
  { script: 'benchmark/bugs/gumbel-temperature-annealed-to-zero/buggy.js', symptoms: ['divided-by-zero'], rootCause: 'loss-function', lineOf: '.div(tau).softmax()' },
  // RGB crops centred pixel by pixel on their own channels' mean: brightness gone; fixed to each channel's mean over the images.
  { script: 'benchmark/bugs/color-mean-subtracted-per-pixel/buggy.js', symptoms: ['pixels-centred-on-channels'], rootCause: 'input-normalization', lineOf: 'images.sub(images.mean(3, true))', fixed: 'images.mean([0, 1, 2], true)' },
  // Digit pixels divided by 255 in place in a Uint8Array: cut to 0 and 1; fixed by a Float32Array.
  { script: 'benchmark/bugs/uint8array-stores-normalized-pixels/buggy.js', symptoms: ['targets-unrelated'], rootCause: 'training-data', lineOf: 'new Uint8Array(n * IMAGE_SIZE)', fixed: 'new Float32Array(n * IMAGE_SIZE)' },
  // A SIREN whose first-layer frequency is 3000: sines of values spread over hundreds of radians; fixed to ω0 = 30.
  { script: 'benchmark/bugs/siren-omega-huge/buggy.js', symptoms: ['sine-spread-wide'], rootCause: 'hidden-activation', lineOf: 'tf.sin(x.matMul(layer1.w)', fixed: 'const FIRST_OMEGA_0 = 30;' },
  { script: 'benchmark/bugs/residual-multiply-not-add/buggy.js', symptoms: ['residual-multiplied'], rootCause: 'architecture', lineOf: '', fixed: 'tf.layers.add().apply([x, h])' },
  // The probe's walk from each first step's loss to the outputs: logits divided by a temperature.
  { script: 'benchmark/bugs/logits-divided-by-temperature/buggy.js', symptoms: ['outputs-scaled-before-loss'], rootCause: 'loss-function', lineOf: '', fixed: 'tf.losses.softmaxCrossEntropy(labels, logits);' },
  // Writes to the model's weights between steps, outside the optimizer: an average written back into them.
  { script: 'benchmark/bugs/ema-assigned-to-weights/buggy.js', symptoms: ['weights-overwritten'], rootCause: 'optimizer', lineOf: '' },
  // A loss mask that keeps only rows whose target is the filler 0; gradients clipped and then applied unclipped.
  { script: 'benchmark/bugs/loss-mask-inverted/buggy.js', symptoms: ['loss-weights-one-target'], rootCause: 'loss-function', lineOf: '', fixed: 'tf.cast(tf.notEqual(yTrain, 0), ' },
  { script: 'benchmark/bugs/clipped-grads-not-applied/buggy.js', symptoms: ['clipped-gradients-unused'], rootCause: 'optimizer', lineOf: '', fixed: 'optimizer.applyGradients(clipped);' },
  // Hashed ids taken % depth in JavaScript, which keeps a negative hash's sign: tf.oneHot empties them.
  { script: 'benchmark/bugs/negative-modulo-hashed-onehot/buggy.js', symptoms: ['inputs-past-one-hot-depth'], rootCause: 'training-data', lineOf: '', fixed: 'return ((h % BUCKETS) + BUCKETS) % BUCKETS;' },
  // Inputs standardized as (x - std) / mean; raw values squashed by tanh; cosineDistance on one value per row; sequences padded with -999.
  { script: 'benchmark/bugs/mean-std-swapped/buggy.js', symptoms: ['unscaled-input'], rootCause: 'input-normalization', lineOf: 'const xTrain = tf.tensor2d(scale(train.rows)' },
  { script: 'benchmark/bugs/tanh-squash-raw-features/buggy.js', symptoms: ['identical-inputs'], rootCause: 'input-normalization', lineOf: '', fixed: 'tf.tanh(tf.tidy(() => { const t = raw; const { mean, variance } = tf.moments(t, 0);' },
  { script: 'benchmark/bugs/cosine-loss-scalar-targets/buggy.js', symptoms: ['loss-diverging'], rootCause: 'loss-function', lineOf: '', fixed: 'tf.losses.meanSquaredError(yTrue, yPred);' },
  { script: 'benchmark/bugs/padding-value-minus-999/buggy.js', symptoms: ['sequences-padded-at-end'], rootCause: 'training-data', lineOf: '', fixed: 'const FILL_VALUE = 0;' },
  // Logits multiplied by 50 before the loss; columns divided by their maximum; a mask of 0 over -1 padding; new Array(n).map targets.
  { script: 'benchmark/bugs/logits-multiplied-by-inverse-temperature/buggy.js', symptoms: ['outputs-scaled-before-loss'], rootCause: 'loss-function', lineOf: '', fixed: 'tf.losses.softmaxCrossEntropy(labels, logits);' },
  { script: 'benchmark/bugs/minmax-divides-by-max-not-range/buggy.js', symptoms: ['unscaled-input'], rootCause: 'input-normalization', lineOf: 'const xTrain = tf.tensor2d(' },
  { script: 'benchmark/bugs/masking-value-mismatch/buggy.js', symptoms: ['sequences-padded-at-end'], rootCause: 'training-data', lineOf: '', fixed: 'tf.layers.masking({ maskValue: -1, inputShape: [MAX_MONTHS, 1] })' },
  { script: 'benchmark/bugs/new-array-map-holes/buggy.js', symptoms: ['non-finite-data'], rootCause: 'training-data', lineOf: '', fixed: 'Array.from({ length: NUM_CLASSES }, (_, k) => (k === label ? 1 : 0))' },
  // Training labels taken from the test split: a loss that ends far above what the inputs allow; global pooling after one 3×3 convolution.
  { script: 'benchmark/bugs/labels-from-wrong-split/buggy.js', symptoms: ['targets-unrelated'], rootCause: 'training-data', lineOf: 'const testStates = ' },
  { script: 'benchmark/bugs/global-pool-loses-position/buggy.js', symptoms: ['loss-not-decreasing'], rootCause: 'architecture', lineOf: '', fixed: 'model.add(tf.layers.flatten({}));' },
  // A batch's summed errors divided by the training set's rows under SGD; kernels drawn with a deviation of 0.001 over eight layers; sigmoid layers whose bias starts at 5.
  // A hand-written softmax over the steps of a tagger's [rows, steps, classes] outputs, its axis passed in: fixed where it is passed.
  { script: 'benchmark/bugs/softmax-sum-over-time-axis/buggy.js', symptoms: ['loss-over-batch-axis'], rootCause: 'loss-function', lineOf: '', fixed: 'const tagProbs = (x) => softmax(model.predict(x), -1);' },
  // Every weight multiplied by 0.5 after each step (a decay factor where 1 − 5e-4 was meant): the fix sets the factor where it is declared.
  { script: 'benchmark/bugs/weight-decay-factor-half/buggy.js', symptoms: ['weights-overwritten'], rootCause: 'regularization', lineOf: '', fixed: 'const DECAY = 1 - 5e-4;' },
  // NaN targets masked with tf.where after the error is computed on them: the gradient is 0 × NaN; the fix replaces them first.
  { script: 'benchmark/bugs/masked-loss-where-nan-targets/buggy.js', symptoms: ['non-finite-data'], rootCause: 'loss-function', lineOf: '', fixed: 'const err = yPred.sub(tf.where(tf.isNaN(yTrue), tf.zerosLike(yTrue), yTrue));' },
  // tf.Reduction.NONE (the number 0) given where the weights go: certain, and the fix moves it to the fourth argument.
  { script: 'benchmark/bugs/loss-reduction-passed-as-weights/buggy.js', symptoms: ['loss-weights-zero'], rootCause: 'loss-function', lineOf: '', fixed: 'tf.losses.meanSquaredError(yb, pred, undefined, tf.Reduction.NONE);' },
  { script: 'benchmark/bugs/loss-divided-by-dataset-size/buggy.js', symptoms: ['loss-scaled-down'], rootCause: 'loss-function', lineOf: '', fixed: 'return tf.mean(tf.square(pred.sub(yb)));' },
  { script: 'benchmark/bugs/deep-net-init-stddev-tiny/buggy.js', symptoms: ['vanishing-gradient'], rootCause: 'weight-initialization', lineOf: '', fixed: "kernelInitializer: 'heNormal'," },
  { script: 'benchmark/bugs/sigmoid-hidden-bias-init-large/buggy.js', symptoms: ['saturated-activation'], rootCause: 'weight-initialization', lineOf: '', fixed: "biasInitializer: 'zeros' }));\n  model.add(tf.layers.dense({ units: 32, activation: 'sigmoid', biasInitializer: 'zeros' }));" },
  // validationSplit on rows sorted by class: validation holds a class training never sees.
  { script: 'test/fixtures/split-sorted.js', symptoms: ['validation-classes-unseen'], rootCause: 'training-data', lineOf: 'await model.fit(', fixed: 'await model.fit(xs.gather(rowOrder), ys.gather(rowOrder), {' },
];

for (const c of FAULTS) {
  test(`${c.script}: ${c.symptoms[0]} → ${c.rootCause}`, () => {
    const script = path.join(ROOT, c.script);
    const { code, report } = diagnose(script);
    assert.equal(report.verdict, 'faulty');
    assert.equal(code, 1);
    const f = lead(report);
    assert.ok(c.symptoms.includes(f.symptom), `symptom ${f.symptom}`);
    assert.equal(f.rootCause, c.rootCause);
    assert.equal(f.location?.file, script);
    if (c.lineOf) {
      assert.ok(linesOf(script, c.lineOf).includes(f.location!.line), `line ${f.location?.line} is not the line of ${c.lineOf}`);
    } else {
      const truth = JSON.parse(fs.readFileSync(path.join(path.dirname(script), 'case.json'), 'utf8')) as { lines: number[] };
      assert.ok(truth.lines.includes(f.location!.line), `line ${f.location?.line} not in ${truth.lines.join(', ')}`);
    }
    assert.ok(f.relevance.length > 0 || f.layer === null, 'relevance ranks the layers');
    if (c.fixed) {
      assert.ok(f.fix, 'a fix is offered');
      const patched = applyEdits(fs.readFileSync(script, 'utf8'), f.fix.edits, script);
      assert.ok(patched.includes(c.fixed), `the fix does not produce ${c.fixed}`);
    }
  });
}

const HEALTHY = [
  'examples/healthy-mlp.js',
  path.relative(ROOT, path.join(FIXTURES, 'healthy-cnn.js')),
  path.relative(ROOT, path.join(FIXTURES, 'healthy-regression.js')),
  // Monte-Carlo dropout: { training: true } after training, on the same inputs again and again.
  path.relative(ROOT, path.join(FIXTURES, 'mc-dropout.js')),
  // Two heads, a regression and a 0/1 classification: the first head's targets arrive first and are not the second's.
  'benchmark/healthy/two-head-functional/program.js',
  // A subset cut once and trained on whole at every step.
  path.relative(ROOT, path.join(FIXTURES, 'subset-full-batch.js')),
  // A callback that restores the best weights so far when an epoch is worse: learned weights, not the start's.
  'benchmark/bugs/restore-weights-each-epoch/fixed.js',
  // Raw sensor readings normalized by batch normalization (momentum 0.99): validation sits at chance until the moving statistics catch up.
  'benchmark/bugs/batchnorm-momentum-one/fixed.js',
  // A student trained on a teacher's tempered soft targets (the loss scaled back by T²), and a loop that applies the gradients it clipped.
  'benchmark/healthy/distillation-student/program.js',
  'benchmark/healthy/custom-loop-grad-clip/program.js',
  // A functional autoencoder trained first, with a head and activations applied to its tensors for models built after.
  path.relative(ROOT, path.join(FIXTURES, 'functional-pretrain.js')),
  // A baseline evaluated in onTrainBegin, and a fit chained with .then that evaluates when it ends.
  path.relative(ROOT, path.join(FIXTURES, 'baseline-before-fit.js')),
  // A plain autoencoder on clean data, with a noisy copy made to test it: not its targets.
  path.relative(ROOT, path.join(FIXTURES, 'autoencoder-noisy-copy.js')),
  // A network that overfits in its later epochs, whose script keeps the best epoch's weights as copies and restores them after fit.
  'benchmark/bugs/best-weights-kept-by-reference/fixed.js',
  // An untrained copy of the model scored on purpose next to the trained one, made by the same builder.
  path.relative(ROOT, path.join(FIXTURES, 'untrained-baseline.js')),
  // The model built once and trained, fits one epoch at a time on augmented copies it disposes, and names sorted by number.
  'benchmark/bugs/evaluate-untrained-instance/fixed.js',
  'benchmark/bugs/epoch-augmentation-leak/fixed.js',
  'benchmark/bugs/conv-filenames-lexicographic-labels/fixed.js',
  // A range test's sweep before training at the rate it picked; a fresh model per fold; predictions on scaled inputs; pseudo-labels at 0.5.
  'benchmark/bugs/lr-range-test-not-reset/fixed.js',
  'benchmark/bugs/cross-validation-model-reused/fixed.js',
  'benchmark/bugs/inference-skips-normalization/fixed.js',
  'benchmark/bugs/pseudo-labels-threshold-zero/fixed.js',
  'benchmark/bugs/dropout-rate-as-percent/fixed.js',
  'benchmark/bugs/bottleneck-one-unit/fixed.js',
  'benchmark/bugs/array-slice-end-as-size/fixed.js',
  'benchmark/bugs/onehot-type-mismatch-all-zero/fixed.js',
  'benchmark/bugs/sgd-momentum-arg-ignored/fixed.js',
  'benchmark/bugs/vae-kl-weight-huge/fixed.js',
  'benchmark/bugs/plateau-lr-factor-inverted/fixed.js',
  'benchmark/bugs/float32array-row-offset-wrong/fixed.js',
  'benchmark/bugs/cosine-distance-negated/fixed.js',
  'benchmark/bugs/dropout-training-true-at-predict/fixed.js',
  'benchmark/bugs/conv-hidden-linear-activation/fixed.js',
  'benchmark/bugs/embedding-init-zeros/fixed.js',
  'benchmark/bugs/conv-batchnorm-gamma-zeros/fixed.js',
  'benchmark/bugs/conv-filters-kernelsize-swapped/fixed.js',
  'benchmark/bugs/feature-columns-copy-pasted/fixed.js',
  'benchmark/bugs/attention-mask-sign-flipped/fixed.js',
  'benchmark/bugs/manual-adam-step-zero/fixed.js',
  'benchmark/bugs/lstm-post-padding-last-step/fixed.js',
  'benchmark/bugs/mean-over-batch-axis-pooling/fixed.js',
  'benchmark/bugs/dice-loss-empty-mask-nan/fixed.js',
  'benchmark/bugs/second-input-never-wired/fixed.js',
  'benchmark/bugs/generator-yields-reused-buffer/fixed.js',
  'benchmark/bugs/float-label-indexof-miss/fixed.js',
  'benchmark/bugs/adam-epsilon-zero-nan/fixed.js',
  'benchmark/bugs/sort-comparator-returns-boolean/fixed.js',
  'benchmark/bugs/warmup-formula-reversed-lr-zero/fixed.js',
  'benchmark/bugs/best-checkpoint-comparison-inverted/fixed.js',
  'benchmark/bugs/fill-with-one-random-value-init/fixed.js',
  'benchmark/bugs/manual-rmsprop-no-sqrt/fixed.js',
  'benchmark/bugs/reduce-no-initial-object-sum/fixed.js',
  'benchmark/bugs/vocab-map-reset-per-sentence/fixed.js',
  'benchmark/bugs/vocab-keeps-rarest-words/fixed.js',
  'benchmark/bugs/config-spread-defaults-win/fixed.js',
  'benchmark/bugs/array-from-passes-index-as-arg/fixed.js',
  'benchmark/bugs/balanced-sampler-class-drawn-once/fixed.js',
  'benchmark/bugs/tsv-split-on-comma/fixed.js',
  'benchmark/bugs/rnn-recurrent-init-ones-saturates/fixed.js',
  'benchmark/bugs/manual-sgd-divides-by-lr/fixed.js',
  'benchmark/bugs/thousands-separator-parsefloat-truncates/fixed.js',
  'benchmark/bugs/tabular-features-divided-by-255/fixed.js',
  'benchmark/bugs/standardize-epsilon-too-large/fixed.js',
  'benchmark/bugs/distillation-targets-are-raw-logits/fixed.js',
  'benchmark/bugs/batch-loop-inclusive-bound-empty-batch/fixed.js',
  'benchmark/bugs/nan-guard-inverted-stops-training/fixed.js',
  'benchmark/bugs/heatmap-sigma-zero-nan/fixed.js',
  'benchmark/bugs/fillna-mean-includes-nan/fixed.js',
  'benchmark/bugs/dropout-on-token-ids/fixed.js',
  'benchmark/bugs/string-hash-without-int32-wrap/fixed.js',
  'benchmark/bugs/poisson-log-rate-exponentiated-twice/fixed.js',
  'benchmark/bugs/augmentation-mutates-dataset-in-place/fixed.js',
  'benchmark/bugs/seg-flip-image-not-mask/fixed.js',
  'benchmark/bugs/multilabel-targets-overwritten/fixed.js',
  'benchmark/bugs/regex-number-parse-drops-sign/fixed.js',
  'benchmark/bugs/session-label-from-first-event/fixed.js',
  'benchmark/bugs/tokenizer-split-on-word-chars/fixed.js',
  'benchmark/bugs/logcosh-overflow-unscaled-targets/fixed.js',
  'benchmark/bugs/map-key-type-mismatch-labels/fixed.js',
  'benchmark/bugs/per-image-standardize-blank-nan/fixed.js',
  // Attention's softmax over the scores of a Dot layer is no hidden-layer softmax.
  'benchmark/bugs/position-index-added-raw/fixed.js',
  // 0/1 labels with -1 for missing ones under a masked cross-entropy the script wrote.
  'benchmark/bugs/loss-masked-by-targets/fixed.js',
  'benchmark/bugs/augment-rotation-degrees-as-radians/fixed.js',
  'benchmark/bugs/nll-gather-cross-product/fixed.js',
  'benchmark/bugs/fit-epochs-inside-epoch-loop/fixed.js',
  'benchmark/bugs/csv-bom-first-header/fixed.js',
  'benchmark/bugs/lr-schedule-missing-return/fixed.js',
  'benchmark/bugs/config-null-skips-default/fixed.js',
  'benchmark/bugs/switch-fallthrough-activation/fixed.js',
  'benchmark/bugs/split-modulo-aligns-with-class/fixed.js',
  'benchmark/bugs/weighted-sampler-cdf-unnormalized/fixed.js',
  'benchmark/bugs/regex-global-test-lastindex/fixed.js',
  'benchmark/bugs/ensemble-weights-averaged/fixed.js',
  'benchmark/bugs/multi-input-order-swapped-at-evaluate/fixed.js',
  'benchmark/bugs/rmsprop-momentum-arg-is-decay/fixed.js',
  'benchmark/bugs/hinge-with-sigmoid-output/fixed.js',
  'benchmark/bugs/batchnorm-momentum-zero/fixed.js',
  'benchmark/bugs/sparse-labels-minus-one-negative-class/fixed.js',
  'benchmark/bugs/bucket-index-not-floored/fixed.js',
  'benchmark/bugs/ids-through-float32-collide/fixed.js',
  'benchmark/bugs/shuffle-by-random-comparator/fixed.js',
  'benchmark/bugs/label-smoothing-sign-flipped/fixed.js',
  'benchmark/bugs/lstm-bias-init-negative/fixed.js',
  'benchmark/bugs/tags-padded-other-side/fixed.js',
  'benchmark/bugs/texts-filtered-labels-kept/fixed.js',
  'benchmark/bugs/dice-loss-linear-output/fixed.js',
  'benchmark/bugs/residual-stack-without-scaling/fixed.js',
  'benchmark/bugs/unit-norm-output-kernel/fixed.js',
  'benchmark/bugs/fine-tune-base-high-lr/fixed.js',
  'benchmark/bugs/ensemble-members-share-layer/fixed.js',
  'benchmark/bugs/unfreeze-without-recompile/fixed.js',
  'benchmark/bugs/same-tensor-fed-to-both-inputs/fixed.js',
  'benchmark/bugs/lr-schedule-table-shorter-than-epochs/fixed.js',
  'benchmark/bugs/output-bias-init-raw-target-mean/fixed.js',
  'benchmark/bugs/early-stopping-on-regression-accuracy/fixed.js',
  'benchmark/bugs/grad-clip-ratio-inverted/fixed.js',
  'benchmark/bugs/custom-layer-breaks-tape-via-arraySync/fixed.js',
  'benchmark/bugs/label-bitwise-or-truncates/fixed.js',
  'benchmark/bugs/timestamp-seconds-read-as-ms/fixed.js',
  'benchmark/bugs/hex-ids-parsed-as-decimal/fixed.js',
  'benchmark/bugs/two-tower-score-summed-over-batch/fixed.js',
  'benchmark/bugs/std-computed-as-rms/fixed.js',
  'benchmark/bugs/frozen-base-rebuilt-from-config/fixed.js',
  'benchmark/bugs/triplet-loss-without-hinge/fixed.js',
  'benchmark/bugs/warmup-step-counter-never-incremented/fixed.js',
  'benchmark/bugs/infonce-labels-all-zero/fixed.js',
  'benchmark/bugs/currency-symbol-parsefloat-nan/fixed.js',
  'benchmark/bugs/class-weights-raw-inverse-counts/fixed.js',
  'benchmark/bugs/fit-per-class-file-sequentially/fixed.js',
  'benchmark/bugs/sample-weights-normalized-to-sum-one/fixed.js',
  'benchmark/bugs/dropout-seed-fixed-same-mask/fixed.js',
  'benchmark/bugs/logits-clipped-for-stability/fixed.js',
  'benchmark/bugs/smote-neighbours-from-all-classes/fixed.js',
  'benchmark/bugs/l2-normalize-batch-axis/fixed.js',
  'benchmark/bugs/attention-softmax-over-query-axis/fixed.js',
  'benchmark/bugs/pinball-loss-residual-sign-flipped/fixed.js',
  'benchmark/bugs/ratio-feature-zero-denominator/fixed.js',
  'benchmark/bugs/cosine-logits-without-scale/fixed.js',
  'benchmark/bugs/gan-generator-labels-not-flipped/fixed.js',
  'benchmark/bugs/sampler-index-bound-is-batch-size/fixed.js',
  'benchmark/bugs/sublayer-created-inside-call/fixed.js',
  'benchmark/bugs/fit-called-with-validation-tensors/fixed.js',
  'benchmark/bugs/custom-layer-returns-input/fixed.js',
  'benchmark/bugs/onehot-class-major-reshaped/fixed.js',
  'benchmark/bugs/time-budget-seconds-vs-ms/fixed.js',
  'benchmark/bugs/multilabel-targets-normalized-to-sum-one/fixed.js',
  'benchmark/bugs/siamese-distance-signed-difference/fixed.js',
  'benchmark/bugs/vae-kl-sign-flipped/fixed.js',
  'benchmark/bugs/mdn-mixture-weights-not-softmaxed/fixed.js',
  'benchmark/bugs/huber-on-unscaled-targets/fixed.js',
  'benchmark/bugs/attention-keys-not-transposed/fixed.js',
  'benchmark/bugs/causal-mask-missing/fixed.js',
  'benchmark/bugs/param-groups-swapped-lr/fixed.js',
  'benchmark/bugs/simclr-views-identical/fixed.js',
  'benchmark/bugs/sample-weights-broadcast-pairwise/fixed.js',
  'benchmark/bugs/dqn-targets-not-gathered-by-action/fixed.js',
  'benchmark/bugs/custom-loop-dropout-inactive/fixed.js',
  'benchmark/bugs/gan-generator-step-updates-discriminator/fixed.js',
  'benchmark/bugs/reinforce-logprob-of-greedy-action/fixed.js',
  'benchmark/bugs/encoder-forward-outside-minimize/fixed.js',
  'benchmark/bugs/learnable-temperature-not-log-parameterized/fixed.js',
  'benchmark/bugs/likelihood-product-underflow/fixed.js',
  'benchmark/bugs/softmax-stability-max-over-batch/fixed.js',
  'benchmark/bugs/lr-step-decay-missing-interval/fixed.js',
  'benchmark/bugs/power-loss-negative-base-nan/fixed.js',
  'benchmark/bugs/window-target-index-ignores-stride/fixed.js',
  'benchmark/bugs/attention-mask-multiplied-not-added/fixed.js',
  'benchmark/bugs/attention-scores-multiplied-by-sqrt-d/fixed.js',
  'benchmark/bugs/replay-buffer-stores-state-reference/fixed.js',
  'benchmark/bugs/infonce-embeddings-not-normalized/fixed.js',
  // A custom standardizing layer with moving statistics as its only weights, fed raw lab values: neither frozen nor unscaled.
  'benchmark/bugs/custom-norm-layer-batch-stats-at-inference/fixed.js',
  // Distillation through a hand-written KL divergence that clips the student's softmax to [ε, 1].
  'benchmark/bugs/kld-student-logits-not-softmaxed/fixed.js',
  // Multi-head self-attention whose heads are split with a reshape and a transpose.
  'benchmark/bugs/attention-heads-split-without-transpose/fixed.js',
  // A hand-written focal loss with its modulator on 1 − p.
  'benchmark/bugs/focal-loss-modulator-inverted/fixed.js',
  'benchmark/bugs/target-encoding-unseen-category-nan/fixed.js',
  'benchmark/bugs/plateau-monitors-accuracy-in-min-mode/fixed.js',
  'benchmark/bugs/gan-fake-labels-copied-from-real/fixed.js',
  'benchmark/bugs/q-target-max-over-batch-axis/fixed.js',
  'benchmark/bugs/val-images-bgr-channel-order/fixed.js',
  // A curriculum whose later fit calls bring the classes the first ones lacked.
  'benchmark/bugs/curriculum-pacing-floors-to-start/fixed.js',
  'benchmark/bugs/attention-mask-neg-infinity-padded-rows-nan/fixed.js',
  'benchmark/bugs/logistic-loss-exp-overflow/fixed.js',
  'benchmark/bugs/validation-targets-not-log-transformed/fixed.js',
  'benchmark/bugs/sigmoid-applied-twice/fixed.js',
  'benchmark/bugs/gan-latent-noise-fixed-seed/fixed.js',
  'benchmark/bugs/fedavg-client-weights-summed/fixed.js',
  'benchmark/bugs/mae-abs-of-summed-errors/fixed.js',
  'benchmark/bugs/huber-branches-swapped/fixed.js',
  'benchmark/bugs/flow-logdet-sign-flipped/fixed.js',
  'benchmark/bugs/finite-difference-step-below-float32/fixed.js',
  'benchmark/bugs/magnitude-pruning-mask-inverted/fixed.js',
  'benchmark/bugs/sequence-reversed-tags-not/fixed.js',
  'benchmark/bugs/momentum-given-boolean/fixed.js',
  'benchmark/bugs/class-weights-counted-over-wrong-axis/fixed.js',
  'benchmark/bugs/gumbel-temperature-annealed-to-zero/fixed.js',
  'benchmark/bugs/color-mean-subtracted-per-pixel/fixed.js',
  'benchmark/bugs/uint8array-stores-normalized-pixels/fixed.js',
  'benchmark/bugs/siren-omega-huge/fixed.js',
  'benchmark/bugs/label-from-wrong-filename-field/fixed.js',
  'benchmark/bugs/test-standardized-with-own-stats/fixed.js',
  'benchmark/bugs/label-flip-rate-as-percent/fixed.js',
  'benchmark/bugs/shared-optimizer-lr-decay-carried/fixed.js',
  'benchmark/bugs/train-test-slices-swapped/fixed.js',
  'benchmark/bugs/cutout-size-covers-image/fixed.js',
  'benchmark/bugs/vocab-min-count-too-high/fixed.js',
  'benchmark/bugs/global-norm-clip-missing-sqrt/fixed.js',
  'benchmark/bugs/csv-boolean-number-nan/fixed.js',
  'benchmark/bugs/loss-masked-by-targets/fixed.js',
];

for (const script of HEALTHY) {
  test(`${script}: healthy, no finding at all`, () => {
    const { code, report } = diagnose(path.join(ROOT, script));
    assert.deepEqual(
      report.findings.map((f) => `${f.symptom}@${f.location?.line}`),
      [],
    );
    assert.equal(report.verdict, 'healthy');
    assert.equal(code, 0);
  });
}

test('the DeepLocalize healthy case 41372874 (every label 1, as in its CSV): one finding, that every target is one class', () => {
  const { report } = diagnose(path.join(ROOT, 'benchmark/cases/41372874/buggy.js'));
  assert.deepEqual(
    report.findings.map((f) => `${f.symptom}@${f.location?.line}`),
    ['one-class-targets@16'],
  );
  assert.match(report.findings[0]!.message, /Every one of the 238 training targets is class 1.*or the data holds one class only/);
});

/** Applies the lead finding's fix to a copy beside the script and diagnoses the copy. */
function diagnoseFixedCopy(script: string, f: Finding): Report {
  const copy = script.replace(/\.js$/, `.fixed-${process.pid}.js`);
  fs.writeFileSync(copy, applyEdits(fs.readFileSync(script, 'utf8'), f.fix!.edits, script));
  try {
    return diagnose(copy).report;
  } finally {
    fs.rmSync(copy, { force: true });
  }
}

/** The copy with the finding's fix applied trains to a healthy verdict with no finding at all. */
function assertFixedCopyTrainsClean(script: string, f: Finding): void {
  const fixed = diagnoseFixedCopy(script, f);
  assert.equal(fixed.verdict, 'healthy');
  assert.deepEqual(fixed.findings.map((x) => x.id), []);
}

test('NaN in the inputs: the finding says where the first one is, and the fixed copy trains without a finding', () => {
  const script = path.join(FIXTURES, 'nan-in-inputs.js');
  const { report } = diagnose(script);
  const f = lead(report);
  assert.match(f.message, /1 NaN value \(in 1 of 500 rows, the first at row 123, column 2\)/);
  assert.ok(!report.findings.some((x) => x.rootCause === 'learning-rate'), 'the learning rate is not blamed');
  assertFixedCopyTrainsClean(script, f);
});

test('a zero kernel behind ReLU: found before any symptom elsewhere, and the fixed copy trains without a finding', () => {
  const script = path.join(FIXTURES, 'zero-init.js');
  const { report } = diagnose(script);
  const f = lead(report);
  assert.ok((f.iteration ?? Infinity) <= 5, `confirmed at iteration ${f.iteration}`);
  assert.deepEqual(report.findings.map((x) => x.id), ['weight-initialization:dense_Dense1']);
  assertFixedCopyTrainsClean(script, f);
});

const SOFTMAX_TWICE: Array<{ script: string; lineOf: string; rootCause: string; fixed: string; callLine: string | null }> = [
  { script: 'softmax-twice.js', lineOf: "units: 5, activation: 'softmax'", rootCause: 'output-activation', fixed: "units: 5, activation: 'linear'", callLine: 'tf.losses.softmaxCrossEntropy(ys' },
  { script: 'softmax-twice-fit.js', lineOf: 'model.compile(', rootCause: 'loss-function', fixed: "loss: 'categoricalCrossentropy'", callLine: null },
];

for (const c of SOFTMAX_TWICE) {
  test(`${c.script}: softmax applied twice is certain though accuracy still rises; the fixed copy has no finding`, () => {
    const script = path.join(FIXTURES, c.script);
    const { code, report } = diagnose(script);
    assert.deepEqual([report.verdict, code], ['faulty', 1], 'an output layer applying the activation the loss applies again is wrong however training goes');
    assert.deepEqual(report.findings.map((f) => `${f.id}:${f.confirmed}`), ['activation-loss-mismatch:softmaxCrossEntropy:true']);
    const f = report.findings[0]!;
    assert.equal(f.rootCause, c.rootCause);
    assert.ok(linesOf(script, c.lineOf).includes(f.location!.line), `line ${f.location?.line} is not the line of ${c.lineOf}`);
    assert.match(f.message, /softmax is applied twice, .* never fall below 0\.905/);
    if (c.callLine) assert.ok(f.related.some((r) => linesOf(script, c.callLine!).includes(r.site.line)), 'the loss call is a related place');
    const patched = applyEdits(fs.readFileSync(script, 'utf8'), f.fix!.edits, script);
    assert.ok(patched.includes(c.fixed), `the fix does not produce ${c.fixed}`);
    const fixed = diagnoseFixedCopy(script, f);
    assert.deepEqual(fixed.findings.map((x) => x.id), []);
  });
}

test('a custom loop gets the checks fit gets: logLoss on a ReLU output is blamed on that layer, from its tf.losses call', () => {
  const script = path.join(FIXTURES, 'custom-loop-relu-logloss.js');
  const { report } = diagnose(script);
  const f = lead(report);
  assert.deepEqual([f.id, f.rootCause], ['activation-loss-mismatch:dense_Dense2', 'output-activation']);
  assert.ok(linesOf(script, "units: 1, activation: 'relu'").includes(f.location!.line));
  assert.match(f.message, /logLoss expects probabilities in \[0, 1\], but dense_Dense2 applies relu/);
  assert.ok(applyEdits(fs.readFileSync(script, 'utf8'), f.fix!.edits, script).includes("units: 1, activation: 'sigmoid'"));
});

test('a loss given the outputs and the labels in the wrong order: blamed on that call, and the swapped-back copy trains without a finding', () => {
  const script = path.join(FIXTURES, 'loss-swapped.js');
  const { report } = diagnose(script);
  const f = lead(report);
  assert.deepEqual([f.id, f.rootCause], ['loss-arguments-swapped:softmaxCrossEntropy', 'loss-function']);
  assert.ok(linesOf(script, 'tf.losses.softmaxCrossEntropy(').includes(f.location!.line));
  assert.deepEqual(report.findings.map((x) => x.id), [f.id], 'neither the learning rate nor a softmax applied twice is blamed');
  assert.ok(applyEdits(fs.readFileSync(script, 'utf8'), f.fix!.edits, script).includes('tf.losses.softmaxCrossEntropy(ys, model.predict(xs))'));
  assertFixedCopyTrainsClean(script, f);
});

test('an L2 factor that pulls the kernels to 0: blamed on the regularizer, and the copy with every factor lowered trains without a finding', () => {
  const script = path.join(FIXTURES, 'l2-too-strong.js');
  const { report } = diagnose(script);
  const f = lead(report);
  assert.deepEqual([f.id, f.rootCause], ['weights-decayed:dense_Dense1', 'regularization']);
  assert.ok(linesOf(script, 'units: 16').includes(f.location!.line));
  const patched = applyEdits(fs.readFileSync(script, 'utf8'), f.fix!.edits, script);
  assert.equal(patched.split('tf.regularizers.l2({ l2: 0.01 })').length - 1, 2, 'both factors are lowered');
  assertFixedCopyTrainsClean(script, f);
});

test('labels numbered from 1 given to tf.oneHot: an error on that call as soon as it is seen, though the other rows still train, and the renumbered copy has no finding', () => {
  const script = path.join(FIXTURES, 'onehot-from-one.js');
  const { code, report } = diagnose(script);
  assert.deepEqual([report.verdict, code], ['faulty', 1], 'the rows tf.oneHot left empty are lost whatever training shows');
  assert.deepEqual(report.findings.map((f) => `${f.id}:${f.confirmed}`), ['label-encoding-mismatch:y:true']);
  const f = report.findings[0]!;
  assert.ok(linesOf(script, 'const ys = tf.oneHot(').includes(f.location!.line));
  assert.match(f.message, /^150 of 600 target rows are all 0 .* the labels are numbered from 1\.$/);
  assert.ok(applyEdits(fs.readFileSync(script, 'utf8'), f.fix!.edits, script).includes("tf.oneHot(tf.sub(tf.tensor1d(classIds, 'int32'), 1).toInt(), 4)"));
  assertFixedCopyTrainsClean(script, f);
});

test('a hand-written loss that subtracts [n] targets from the [n, 1] output: blamed on that line, and the reshaped copy trains without a finding', () => {
  const script = path.join(FIXTURES, 'broadcast-loss.js');
  const { report } = diagnose(script);
  const f = lead(report);
  assert.deepEqual([f.id, f.rootCause], ['loss-shape-mismatch:sub', 'loss-function']);
  assert.ok(linesOf(script, 'model.predict(xs).sub(ys)').includes(f.location!.line));
  assert.match(f.message, /^sub of a \[200, 1\] and a \[200\] tensor broadcasts to \[200, 200\]/);
  assert.deepEqual(report.findings.filter((x) => x.confirmed).map((x) => x.id), [f.id], 'the learning rate is not blamed');
  assert.ok(applyEdits(fs.readFileSync(script, 'utf8'), f.fix!.edits, script).includes('model.predict(xs).sub(ys.reshape([-1, 1])).square().mean()'));
  assertFixedCopyTrainsClean(script, f);
});

test('inputs and labels shuffled by two tf.util.shuffle calls: blamed on the shuffles, not on the learning rate, and the copy that shuffles them together has no finding', () => {
  const script = path.join(FIXTURES, 'shuffled-apart.js');
  const { report } = diagnose(script);
  const f = lead(report);
  assert.deepEqual([f.id, f.rootCause, f.confirmed], ['labels-shuffled-apart:data', 'training-data', true]);
  assert.equal(f.location!.line, linesOf(script, 'tf.util.shuffle(x);')[0]);
  assert.deepEqual(f.related.map((r) => r.site.line).slice(0, 2), [linesOf(script, 'tf.util.shuffle(labels);')[0], linesOf(script, 'await model.fit(')[0]]);
  assert.deepEqual(report.findings.map((x) => x.id), [f.id], 'nothing else is blamed');
  const patched = applyEdits(fs.readFileSync(script, 'utf8'), f.fix!.edits, script);
  assert.ok(patched.includes('  tf.util.shuffleCombo(x, labels);\n'));
  assert.ok(!patched.includes('tf.util.shuffle(x);'));
  assertFixedCopyTrainsClean(script, f);
});

test('a hand-written binary cross-entropy whose log(1 - p) meets a sigmoid output of exactly 1: the NaN is blamed on that log, and the copy that clips both logs trains without a finding', () => {
  const script = path.join(FIXTURES, 'log-unclipped.js');
  const { report } = diagnose(script);
  const f = lead(report);
  assert.deepEqual([f.id, f.rootCause, f.confirmed], ['non-finite-loss:loss', 'loss-function', true]);
  const line = linesOf(script, 'tf.log(tf.sub(1, p))')[0]!;
  assert.equal(f.location!.line, line);
  assert.equal(f.location!.column, fs.readFileSync(script, 'utf8').split('\n')[line - 1]!.indexOf('log(tf.sub(1, p))') + 1);
  assert.match(f.message, /takes the log of 1 minus the sigmoid outputs unclipped, and some outputs are exactly 1 here/);
  assert.deepEqual(report.findings.map((x) => x.id), [f.id], 'the learning rate is not blamed');
  const patched = applyEdits(fs.readFileSync(script, 'utf8'), f.fix!.edits, script);
  assert.ok(patched.includes('yb.mul(tf.log(tf.clipByValue(p, 1e-7, 1))).add(tf.sub(1, yb).mul(tf.log(tf.clipByValue(tf.sub(1, p), 1e-7, 1))))'));
  assertFixedCopyTrainsClean(script, f);
});

test('a contrastive loss whose Euclidean distance takes an unguarded sqrt: the NaN gradients of the step with a pair at distance 0 are blamed on that sqrt (not the learning rate), and the guarded copy trains without a finding', () => {
  const script = path.join(FIXTURES, 'sqrt-distance.js');
  const { code, report } = diagnose(script);
  assert.deepEqual([report.verdict, code], ['faulty', 1]);
  const f = lead(report);
  assert.deepEqual([f.symptom, f.rootCause, f.confirmed], ['non-finite-gradients', 'loss-function', true]);
  const line = linesOf(script, ': tf.sqrt(squared);')[0]!;
  assert.equal(f.location!.line, line);
  assert.equal(f.location!.column, fs.readFileSync(script, 'utf8').split('\n')[line - 1]!.indexOf('sqrt(squared)') + 1);
  assert.match(f.message, /the square root on line \d+ took exactly 0 for 1 of its 32 values/);
  assert.deepEqual(report.findings.map((x) => x.id), [f.id], 'the learning rate is not blamed');
  const patched = applyEdits(fs.readFileSync(script, 'utf8'), f.fix!.edits, script);
  assert.ok(patched.includes(': tf.sqrt(tf.maximum(squared, 1e-7));'));
  assertFixedCopyTrainsClean(script, f);
});

test("a custom loop over its own variables whose loss stays at the positive rate's entropy: the stall is found without layers to read a no-skill level from, and the fixed copy is silent", () => {
  const script = path.join(ROOT, 'benchmark/bugs/mean-pooling-includes-padding/buggy.js');
  const { report } = diagnose(script);
  assert.equal(report.verdict, 'faulty');
  const f = report.findings.find((x) => x.symptom === 'loss-not-decreasing');
  assert.ok(f?.confirmed, `no confirmed stall: ${JSON.stringify(report.findings.map((x) => x.id))}`);
  assert.match(f.message, /the level of always predicting the first batch's positive rate/);
  assert.deepEqual(diagnose(script.replace(/buggy\.js$/, 'fixed.js')).report.findings, []);
});

test("a DQN whose target network is synced with its own weights: certain on the sync, fixed to copy the online network's (the script's leak is reported apart)", () => {
  const script = path.join(ROOT, 'benchmark/bugs/target-network-synced-from-itself/buggy.js');
  const { report } = diagnose(script);
  const f = report.findings.find((x) => x.symptom === 'weights-copied-to-self');
  assert.ok(f, `no weights-copied-to-self finding: ${JSON.stringify(report.findings.map((x) => x.id))}`);
  assert.deepEqual([f.rootCause, f.confirmed, f.location?.line], ['loss-function', true, linesOf(script, 'targetNet.setWeights(targetNet.getWeights())')[0]]);
  assert.ok(applyEdits(fs.readFileSync(script, 'utf8'), f.fix!.edits, script).includes('targetNet.setWeights(onlineNet.getWeights())'));
  const fixed = diagnose(script.replace(/buggy\.js$/, 'fixed.js')).report;
  assert.ok(!fixed.findings.some((x) => x.symptom === 'weights-copied-to-self'), 'the copy from the online network is no self-copy');
});

test('a custom loop over model.predict with a dropout layer: certain on the predict call while the model learns (the dropout does nothing), and the copy that calls apply in training mode has no finding', () => {
  const script = path.join(FIXTURES, 'dropout-predict-loop.js');
  const { code, report } = diagnose(script);
  assert.deepEqual([report.verdict, code], ['faulty', 1], 'the dropout layer never drops: a fault, whatever training shows');
  assert.equal(report.findings.length, 1);
  const f = report.findings[0]!;
  assert.deepEqual([f.symptom, f.rootCause, f.confirmed, f.severity], ['training-mode-off', 'regularization', true, 'error']);
  assert.equal(f.location!.line, linesOf(script, 'model.predict(xs.slice(b, 32))')[0]);
  assert.deepEqual(f.related.map((r) => r.site.line), linesOf(script, 'tf.layers.dropout('));
  assert.match(f.message, /calls the model with model\.predict, which runs it in inference mode: dropout_\w+ drops nothing/);
  const patched = applyEdits(fs.readFileSync(script, 'utf8'), f.fix!.edits, script);
  assert.ok(patched.includes('tf.losses.softmaxCrossEntropy(ys.slice(b, 32), model.apply(xs.slice(b, 32), { training: true }))'));
  assertFixedCopyTrainsClean(script, f);
});

test('an onEpochEnd callback that predicts outside tf.tidy leaks every epoch: a warning on its lines, and the copy the fix frees has no finding; a tidy callback has none', () => {
  const script = path.join(FIXTURES, 'epoch-callback-leak.js');
  const { code, report } = diagnose(script);
  assert.deepEqual([report.verdict, code], ['faulty', 1], 'a leak is about the script: a warning, and a faulty run');
  assert.deepEqual(report.findings.map((f) => `${f.id}:${f.severity}`), ['tensor-leak:callbacks:warning']);
  const f = report.findings[0]!;
  // The line that leaves the most (the accuracy and the mean it takes) first, the prediction's next.
  assert.equal(f.location!.line, linesOf(script, 'const accuracy = tf.metrics')[0]);
  assert.deepEqual(f.related.map((r) => r.site.line), [...linesOf(script, 'const preds = model.predict(xTest);'), ...linesOf(script, 'await model.fit(')]);
  assert.match(f.message, /^Training leaks 3 tensors \([\d.]+ KB\) at every epoch in fit's epoch callbacks/);
  const patched = applyEdits(fs.readFileSync(script, 'utf8'), f.fix!.edits, script);
  assert.ok(patched.includes('tf.dispose([preds, accuracy]);'), patched);
  assertFixedCopyTrainsClean(script, f);

  const file = path.join(scratchDir('faultline-diag-'), 'report.json');
  assert.equal(runCli(['run', script, '--report', file, '--', '--tidy']).code, 0);
  assert.deepEqual((JSON.parse(fs.readFileSync(file, 'utf8')) as Report).findings, []);
});

test('gradients kept for 40 micro-batches and applied once: neither frozen weights nor a leak, and the loop is healthy', () => {
  const script = path.join(FIXTURES, 'gradient-accumulation.js');
  const { code, report, stdout } = diagnose(script);
  assert.deepEqual([report.verdict, code, report.findings.map((f) => f.id)], ['healthy', 0, []]);
  assert.match(stdout, /"tensors":16\}/, 'the script frees what it keeps');
});

test('gradients computed with tf.variableGrads and never applied: a fault on that call once the run is over', () => {
  const script = path.join(FIXTURES, 'grads-never-applied.js');
  const { code, report } = diagnose(script);
  assert.deepEqual([report.verdict, code], ['faulty', 1]);
  assert.deepEqual(report.findings.map((f) => `${f.id}:${f.confirmed}:${f.rootCause}`), ['weights-unchanged:model:true:optimizer']);
  const f = report.findings[0]!;
  assert.equal(f.location!.line, linesOf(script, 'tf.variableGrads(')[0]);
  assert.match(f.message, /^No weight of the model changed in 60 training steps: the gradients are computed but never applied/);
});

test('a GAN alternating trainOnBatch steps: the probe pairs the two models, and their rising losses are no finding', async () => {
  const script = path.join(FIXTURES, 'gan-ring.js');
  const traced = await traceRun({ script });
  const models = ofType(traced.events, 'model');
  const pair = ofType(traced.events, 'trainedAgainst');
  assert.equal(pair.length, 1, 'one pair, reported once');
  const named = (id: number) => models.find((m) => m.modelId === id)!.className;
  assert.deepEqual([named(pair[0]!.modelId), named(pair[0]!.otherId)], ['Model', 'Sequential'], 'the combined model holds the discriminator, which trains on its own');
  const { code, report } = diagnose(script);
  assert.deepEqual([report.verdict, code, report.findings.map((f) => f.id)], ['healthy', 0, []]);
});

test('a GAN as a custom loop of two minimize calls: the probe pairs the models from the layers each step runs, and no finding', async () => {
  const script = path.join(FIXTURES, 'gan-minimize.js');
  const traced = await traceRun({ script });
  const pairs = ofType(traced.events, 'trainedAgainst').map((e) => [e.modelId, e.otherId].sort().join('+'));
  assert.equal(pairs.length, 1, `one pair, reported once, whichever way round it was seen: ${JSON.stringify(pairs)}`);
  const { code, report } = diagnose(script);
  assert.deepEqual([report.verdict, code, report.findings.map((f) => f.id)], ['healthy', 0, []]);
});

test('a GAN written as in Keras, its discriminator left frozen: the crash is blamed on the line that froze it, saying how tfjs differs', () => {
  const script = path.join(FIXTURES, 'gan-ring.js');
  const file = path.join(scratchDir('faultline-diag-'), 'report.json');
  const { code } = runCli(['run', script, '--report', file, '--', '--keras-style']);
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as Report;
  assert.deepEqual([report.verdict, code], ['faulty', 1]);
  assert.deepEqual(report.findings.map((f) => `${f.id}:${f.confirmed}`), ['weights-frozen:model:true']);
  assert.equal(report.findings[0]!.location!.line, linesOf(script, 'discriminator.trainable = false;')[0]);
  assert.match(report.findings[0]!.message, /In TensorFlow\.js, trainable = false freezes the weights themselves/);
});

test('fit validating on its own training tensors: certain on fit however well the model learns, and the copy that holds out rows instead has no finding', () => {
  const script = path.join(FIXTURES, 'validation-on-training.js');
  const { report } = diagnose(script);
  assert.equal(report.verdict, 'faulty', 'the model learns, but nothing it reports as validation is');
  assert.deepEqual(report.findings.map((f) => `${f.id}:${f.confirmed}:${f.severity}`), ['validation-is-training:xVal:true:error']);
  const f = report.findings[0]!;
  assert.equal(f.location!.line, linesOf(script, 'await model.fit(')[0]);
  assert.match(f.message, /^The validation data is the training data \(the same 400 rows\)/);
  assert.ok(applyEdits(fs.readFileSync(script, 'utf8'), f.fix!.edits, script).includes('{ epochs: 10, batchSize: 32, validationSplit: 0.2, verbose: 0 }'));
  assertFixedCopyTrainsClean(script, f);
});

test('fit without epochs trains the default single epoch while the loss still falls: confirmed on fit, and the copy the fix gives 10 epochs has no finding', () => {
  const script = path.join(FIXTURES, 'one-epoch-default.js');
  const { code, report } = diagnose(script);
  assert.deepEqual([report.verdict, code], ['faulty', 1]);
  assert.deepEqual(report.findings.map((f) => `${f.id}:${f.confirmed}:${f.rootCause}`), ['training-cut-short:epochs:true:training-length']);
  const f = report.findings[0]!;
  assert.equal(f.location!.line, linesOf(script, 'await model.fit(')[0]);
  assert.match(f.message, /^fit stopped after a single epoch \(50 steps\) while the loss was still falling/);
  assert.ok(applyEdits(fs.readFileSync(script, 'utf8'), f.fix!.edits, script).includes('{ epochs: 10, batchSize: 16, verbose: 0 }'));
  assertFixedCopyTrainsClean(script, f);
});

test('validation inputs left raw while the training inputs are divided by 100: blamed on that, not on overfitting, and the fixed copy has no finding', () => {
  const script = path.join(FIXTURES, 'validation-unscaled.js');
  const { report } = diagnose(script);
  const f = lead(report);
  assert.deepEqual([f.id, f.rootCause], ['validation-unscaled:xVal', 'input-normalization']);
  // Where the validation inputs are made; fit is a related place.
  assert.ok(linesOf(script, 'const xTest = ').includes(f.location!.line));
  assert.ok(f.related.some((r) => linesOf(script, 'await model.fit(').includes(r.site.line)));
  assert.match(f.message, /The training inputs look divided by 100; the validation inputs are not\./);
  assert.deepEqual(report.findings.map((x) => x.id), [f.id]);
  assert.ok(applyEdits(fs.readFileSync(script, 'utf8'), f.fix!.edits, script).includes('validationData: [xTest.div(100), tf.tensor2d(test.y, [200, 1])]'));
  assertFixedCopyTrainsClean(script, f);
});

test('a tf.data dataset of class-sorted rows batched without a shuffle: blamed on the batches, not on the learning rate, and the copy the fix shuffles before batching has no finding', () => {
  const script = path.join(FIXTURES, 'dataset-sorted.js');
  const { report } = diagnose(script);
  const f = lead(report);
  assert.deepEqual([f.id, f.rootCause], ['unshuffled-batches:dataset', 'training-data']);
  assert.ok(linesOf(script, 'await model.fitDataset(').includes(f.location!.line));
  assert.match(f.message, /^The dataset yields its batches one class after another: \d+ of the first \d+ batches hold rows of a single class/);
  assert.deepEqual(report.findings.map((x) => x.id), [f.id], 'the learning rate is not blamed');
  assert.ok(applyEdits(fs.readFileSync(script, 'utf8'), f.fix!.edits, script).includes('.shuffle(600).batch(20);'), 'the fix shuffles all 600 rows before batching');
  assertFixedCopyTrainsClean(script, f);
});

test('softmax over 5 classes trained with binaryCrossentropy and the accuracy metric: a warning on compile, and the copy with categoricalCrossentropy has no finding', () => {
  const script = path.join(FIXTURES, 'softmax-binary-ce.js');
  const { code, report } = diagnose(script);
  assert.deepEqual([report.verdict, code], ['healthy', 0], 'the model learns: a warning, not a fault');
  assert.deepEqual(report.findings.map((f) => `${f.id}:${f.confirmed}:${f.rootCause}`), ['activation-loss-mismatch:loss:false:loss-function']);
  const f = report.findings[0]!;
  assert.ok(linesOf(script, 'model.compile(').includes(f.location!.line));
  assert.match(f.message, /per-column binary accuracy: 0\.8 for predicting all zeros/);
  assert.ok(applyEdits(fs.readFileSync(script, 'utf8'), f.fix!.edits, script).includes("loss: 'categoricalCrossentropy'"));
  assertFixedCopyTrainsClean(script, f);
});

test('model.trainable = false before fit: blamed on that line, confirmed by the crash, whose message is kept', () => {
  const script = path.join(FIXTURES, 'model-frozen.js');
  const { code, report } = diagnose(script);
  assert.equal(code, 1);
  assert.equal(report.verdict, 'faulty');
  const f = lead(report);
  assert.deepEqual([f.id, f.rootCause], ['weights-frozen:model', 'architecture']);
  assert.deepEqual(linesOf(script, 'model.trainable = false'), [f.location!.line]);
  assert.match(report.run.error?.message ?? '', /The script crashed: Error: variableGrads\(\) expects at least one of the input variables to be trainable/);
});

test('a custom loop that leaves its validation loss undisposed after each epoch: a warning on that line, and the copy the fix frees has no finding', () => {
  const script = path.join(FIXTURES, 'epoch-leak-loop.js');
  const { code, report } = diagnose(script);
  assert.deepEqual([report.verdict, code], ['faulty', 1]);
  assert.deepEqual(report.findings.map((f) => `${f.id}:${f.severity}`), ['tensor-leak:periodic:warning']);
  const f = report.findings[0]!;
  assert.equal(f.location!.line, linesOf(script, 'const valLoss = tf.losses')[0]);
  assert.match(f.message, /^Training leaks 2 tensors \(260 B\) once every 8 steps/);
  const patched = applyEdits(fs.readFileSync(script, 'utf8'), f.fix!.edits, script);
  assert.ok(patched.includes('const valLoss = tf.tidy(() => tf.losses.meanSquaredError(yVal, model.predict(xVal)));'), patched);
  assert.ok(patched.includes('    valLoss.dispose();\n  }'), patched);
  assertFixedCopyTrainsClean(script, f);
});

test('a custom loop that never frees its batches and losses: a warning on the line that makes them, and the fixed copy stays flat', () => {
  const script = path.join(FIXTURES, 'tensor-leak.js');
  const { code, report, stdout } = diagnose(script);
  // The script itself ends with 136 live tensors, against 16 when nothing leaks (see the fixed copy).
  assert.match(stdout, /"tensors":136/);
  const leaks = report.findings.filter((f) => f.symptom === 'tensor-leak');
  assert.equal(leaks.length, 1, JSON.stringify(report.findings.map((f) => f.id)));
  const f = leaks[0]!;
  assert.equal(f.severity, 'warning');
  assert.equal(f.rootCause, 'tensor-disposal');
  assert.deepEqual([f.location!.line, ...f.related.map((r) => r.site.line)], [
    linesOf(script, 'const xb = xs.slice')[0],
    linesOf(script, 'const yb = ys.slice')[0],
    linesOf(script, 'const cost = optimizer.minimize')[0],
  ]);
  assert.match(f.message, /leaks 3 tensors \(644 B\) at every step/);
  // The leak is the only problem: the model trains and the run was not stopped early.
  assert.equal(report.findings.length, 1);
  assert.equal(report.run.stoppedEarly, false);
  assert.equal(code, 1);
  assert.ok(f.fix);
  const patched = applyEdits(fs.readFileSync(script, 'utf8'), f.fix.edits, script);
  assert.ok(patched.includes('      tf.dispose([xb, yb, cost]);\n    }'), patched);
  const copy = script.replace(/\.js$/, `.fixed-${process.pid}.js`);
  fs.writeFileSync(copy, patched);
  try {
    const fixed = diagnose(copy);
    assert.equal(fixed.report.verdict, 'healthy');
    assert.deepEqual(fixed.report.findings.map((x) => x.id), []);
    assert.match(fixed.stdout, /"tensors":16/);
  } finally {
    fs.rmSync(copy, { force: true });
  }
});

test('a custom loop that makes its Adam optimizer at every step: an error on that line, and the fix moves it before the loops', () => {
  const script = path.join(FIXTURES, 'optimizer-in-loop.js');
  const { code, report } = diagnose(script);
  assert.equal(code, 1);
  const f = lead(report);
  assert.equal(f.symptom, 'optimizer-recreated');
  assert.equal(f.rootCause, 'optimizer');
  assert.equal(f.severity, 'error');
  assert.equal(f.location?.line, linesOf(script, 'const optimizer = tf.train.adam(0.01)')[0]);
  assert.match(f.message, /new Adam optimizer is made at every training step.*fresh state/);
  // The tensors each optimizer keeps are part of this finding, not a second one.
  assert.deepEqual(report.findings.map((x) => x.symptom), ['optimizer-recreated']);
  assert.ok(f.fix);
  const patched = applyEdits(fs.readFileSync(script, 'utf8'), f.fix.edits, script);
  assert.ok(patched.includes("  const losses = [];\n  const optimizer = tf.train.adam(0.01);\n  for (let epoch = 0;"), patched);
  assertFixedCopyTrainsClean(script, f);
});

test('a kernelConstraint, which tfjs training never applies: the model learns (healthy) and the layer line gets a warning, with no fix', () => {
  const script = path.join(FIXTURES, 'constraint-ignored.js');
  const { code, report } = diagnose(script);
  assert.deepEqual([report.verdict, code], ['healthy', 0]);
  assert.deepEqual(report.findings.map((f) => [f.id, f.confirmed, f.severity, f.rootCause]), [['constraint-ignored:dense_Dense1', false, 'warning', 'regularization']]);
  assert.deepEqual([report.findings[0]!.location?.line], linesOf(script, 'kernelConstraint: tf.constraints.maxNorm'));
  assert.match(report.findings[0]!.message, /kernelConstraint \(MaxNorm\(maxValue=2, axis=0\)\) is not applied by the training steps/);
  assert.equal(report.findings[0]!.fix, null);
});

test('a custom loop whose batches come from rows drained by splice: training stops after the first epoch while the loop scores the same rows again and again, told at the scoring line; the copy that slices trains without it', () => {
  const script = path.join(ROOT, 'benchmark/bugs/splice-consumes-dataset/buggy.js');
  const stopped = diagnose(script).report.findings.find((x) => x.id.startsWith('steps-stopped'));
  assert.ok(stopped, 'the stop is told');
  assert.equal(stopped.location?.line, linesOf(script, 'const probs = model.predict(x);')[0]);
  assert.match(stopped.message, /Training stopped after 29 steps/);
  const fixed = diagnose(path.join(ROOT, 'benchmark/bugs/splice-consumes-dataset/fixed.js')).report.findings;
  assert.ok(!fixed.some((x) => x.id.startsWith('steps-stopped')));
});
