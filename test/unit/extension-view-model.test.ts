import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../src/analysis/findings';
import type { ModelEvent } from '../../src/analysis/trace';
import {
  Anchors,
  diagnosticMessage,
  diagnosticSpecs,
  faultStatus,
  fixKey,
  fixSpecs,
  layerSitesFrom,
  lensSpecs,
  progressText,
  runErrorSpec,
  type LayerHealthLike,
  type TextSource,
} from '../../src/extension/view-model';

const FILE = '/ws/train.js';
const RUN_TEXT = [
  "const tf = require('@tensorflow/tfjs');", // 1
  'const model = tf.sequential();', // 2
  "model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [2] }));", // 3
  "model.add(tf.layers.dense({ units: 3, activation: 'relu' }));", // 4
  "model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });", // 5
  'await model.fit(xs, ys, { epochs: 3 });   ', // 6
].join('\n');

function source(current = RUN_TEXT, run = RUN_TEXT): TextSource {
  return { runText: (f) => (f === FILE ? run : undefined), currentText: (f) => (f === FILE ? current : undefined) };
}

function finding(over: Partial<Finding> = {}): Finding {
  return {
    id: 'activation-loss-mismatch:dense_2',
    symptom: 'activation-loss-mismatch',
    rootCause: 'output-activation',
    confirmed: true,
    severity: 'error',
    message: 'dense_2 outputs relu values but categoricalCrossentropy expects probabilities',
    layer: { name: 'dense_2', index: 1, className: 'Dense' },
    location: { file: FILE, line: 4, column: 11 },
    related: [{ site: { file: FILE, line: 6, column: 7 }, message: 'loss stopped improving here' }],
    fix: {
      title: 'Use softmax on dense_2',
      preferred: true,
      edits: [{ file: FILE, startLine: 4, startColumn: 52, endLine: 4, endColumn: 56, newText: 'softmax' }],
    },
    alternatives: [{ title: 'Use sigmoid on dense_2', preferred: false, edits: [{ file: FILE, startLine: 4, startColumn: 52, endLine: 4, endColumn: 56, newText: 'sigmoid' }] }],
    evidence: [],
    relevance: [
      { layer: { name: 'dense_2', index: 1, className: 'Dense' }, score: 1, evidence: 'output layer' },
      { layer: { name: 'dense_1', index: 0, className: 'Dense' }, score: 0.4, evidence: 'feeds dense_2' },
    ],
    modelId: 1,
    iteration: 12,
    elapsedMs: 100,
    ...over,
  };
}

const models = new Map<number, ModelEvent>([
  [
    1,
    {
      modelId: 1,
      layers: [
        { index: 0, name: 'dense_1', site: { file: FILE, line: 3, column: 11 } },
        { index: 1, name: 'dense_2', site: { file: FILE, line: 4, column: 11 } },
      ],
    } as unknown as ModelEvent,
  ],
]);

test('the edit in the fixture replaces the activation name', () => {
  const line = RUN_TEXT.split('\n')[3]!;
  assert.equal(line.slice(51, 55), 'relu');
});

test('a confirmed finding is an Error on the call at its site, with related sites', () => {
  const [d] = diagnosticSpecs([finding()], new Anchors(source()), layerSitesFrom(models));
  assert.ok(d);
  assert.equal(d.file, FILE);
  // tf.layers.dense({ ... }), not the closing of model.add( and the semicolon after it.
  assert.deepEqual(d.range, { line: 3, start: 10, end: 59 });
  assert.equal(d.severity, 'error');
  assert.equal(d.code, 'activation-loss-mismatch');
  assert.equal(d.message, 'dense_2 outputs relu values but categoricalCrossentropy expects probabilities. Root cause: the output activation.');
  assert.equal(d.findingId, 'activation-loss-mismatch:dense_2');
  assert.deepEqual(
    d.related.map((r) => [r.range.line, r.message]),
    [
      [5, 'loss stopped improving here'],
      [2, 'dense_1 (relevance 0.40): feeds dense_2'],
    ],
  );
  // model.fit(xs, ys, { epochs: 3 }) without the semicolon and the trailing blanks.
  assert.deepEqual(d.related[0]!.range, { line: 5, start: 6, end: 38 });
});

test('a layer line gets one related entry: the ranking line replaces the note left on the same line', () => {
  const f = finding({
    related: [
      { site: { file: FILE, line: 6, column: 7 }, message: 'loss stopped improving here' },
      { site: { file: FILE, line: 3, column: 11 }, message: 'dense_1: ReLU units died' },
    ],
  });
  const [d] = diagnosticSpecs([f], new Anchors(source()), layerSitesFrom(models));
  assert.deepEqual(
    d!.related.map((r) => [r.range.line, r.message]),
    [
      [5, 'loss stopped improving here'],
      [2, 'dense_1 (relevance 0.40): feeds dense_2'],
    ],
  );
});

test('an unconfirmed configuration finding is a Warning', () => {
  const [d] = diagnosticSpecs([finding({ confirmed: false, severity: 'warning' })], new Anchors(source()), layerSitesFrom(models));
  assert.equal(d!.severity, 'warning');
});

test('diagnostics follow edits made after the run, and are withdrawn when their line changed', () => {
  const moved = '// a comment\n// another\n' + RUN_TEXT;
  const [d] = diagnosticSpecs([finding()], new Anchors(source(moved)), layerSitesFrom(models));
  assert.equal(d!.range.line, 5);
  const edited = RUN_TEXT.replace("units: 3, activation: 'relu'", "units: 3, activation: 'softmax'");
  assert.deepEqual(diagnosticSpecs([finding()], new Anchors(source(edited)), layerSitesFrom(models)), []);
});

test('a finding without a location uses its layer site, else its first related site', () => {
  const a = diagnosticSpecs([finding({ location: null })], new Anchors(source()), layerSitesFrom(models));
  assert.equal(a[0]!.range.line, 3);
  const b = diagnosticSpecs([finding({ location: null, layer: null })], new Anchors(source()), layerSitesFrom(models));
  assert.equal(b[0]!.range.line, 5);
  const c = diagnosticSpecs([finding({ location: null, layer: null, related: [] })], new Anchors(source()), layerSitesFrom(models));
  assert.deepEqual(c, []);
});

test('messages end with one period before the root cause', () => {
  assert.match(diagnosticMessage(finding({ message: 'Loss became NaN at iteration 3.' })), /iteration 3\. Root cause: the output activation\.$/);
});

test('run errors with a site become an Error diagnostic with code run-error', () => {
  const spec = runErrorSpec({ message: 'Syntax error: Unexpected token', site: { file: FILE, line: 2, column: 1 } }, new Anchors(source()));
  assert.equal(spec!.code, 'run-error');
  assert.equal(spec!.range.line, 1);
  assert.equal(runErrorSpec({ message: 'x', site: null }, new Anchors(source())), null);
});

test('fix specs: preferred first, alternatives after, moved with the text, marked verified', () => {
  const f = finding();
  const verified = new Map([[fixKey(f.id, f.fix!), true]]);
  const specs = fixSpecs(f, new Anchors(source('\n' + RUN_TEXT)), verified);
  assert.deepEqual(
    specs.map((s) => [s.title, s.preferred, s.edits?.[0]?.startLine]),
    [
      ['Use softmax on dense_2 (verified)', true, 5],
      ['Use sigmoid on dense_2', false, 5],
    ],
  );
  const stale = fixSpecs(f, new Anchors(source(RUN_TEXT.replace("activation: 'relu' })", "activation: 'tanh' })"))), new Map());
  assert.deepEqual(stale.map((s) => s.edits), [null, null]);
});

test('code lenses: one per layer with its health, then Show trends for the worst layer', () => {
  const health: LayerHealthLike[] = [
    { modelId: 1, layer: { name: 'dense_1', index: 0, className: 'Dense' }, site: { file: FILE, line: 3, column: 11 }, status: 'healthy', text: 'healthy' },
    { modelId: 1, layer: { name: 'dense_2', index: 1, className: 'Dense' }, site: { file: FILE, line: 4, column: 11 }, status: 'faulty', text: 'NaN from iteration 12' },
    { modelId: 1, layer: { name: 'other', index: 2, className: 'Dense' }, site: { file: '/elsewhere.js', line: 1, column: 1 }, status: 'healthy', text: 'healthy' },
  ];
  const lenses = lensSpecs(health, FILE, new Anchors(source()));
  assert.deepEqual(
    lenses.map((l) => [l.line, l.title, l.trendsFor]),
    [
      [2, 'dense_1 · healthy', null],
      [2, 'Show trends', 'dense_1'],
      [3, 'dense_2 · NaN from iteration 12', null],
      [3, 'Show trends', 'dense_2'],
    ],
  );
});

test('code lenses: many layers on one line are summarized, worst first', () => {
  const site = { file: FILE, line: 3, column: 11 };
  const health: LayerHealthLike[] = ['a', 'b', 'c', 'd', 'e'].map((name, index) => ({
    modelId: 1,
    layer: { name, index, className: 'Dense' },
    site,
    status: name === 'd' ? 'faulty' : 'healthy',
    text: name === 'd' ? 'dead' : 'healthy',
  }));
  const titles = lensSpecs(health, FILE, new Anchors(source())).map((l) => l.title);
  assert.deepEqual(titles, ['d · dead', 'a · healthy', 'b · healthy', '+2 more · 2 healthy', 'Show trends']);
});

test('progress text', () => {
  assert.equal(progressText({ epoch: 2, epochs: 10, iteration: 119, loss: 0.53214, lossNonFinite: false }), 'epoch 3/10 · iteration 120 · loss 0.5321');
  assert.equal(progressText({ epoch: null, epochs: null, iteration: 4, loss: null, lossNonFinite: true }), 'iteration 5 · loss NaN');
  assert.equal(progressText({ epoch: 0, epochs: null, iteration: 0, loss: 123456, lossNonFinite: false }), 'epoch 1 · iteration 1 · loss 1.23e+5');
  assert.equal(progressText({ epoch: null, epochs: null, iteration: null, loss: null, lossNonFinite: false }), '');
});

test('the status bar follows faults whose lines were edited after the run', () => {
  // Nothing edited: the run's own count, and a click opens Problems.
  assert.deepEqual(faultStatus(2, 2, 2), { text: '$(error) Faultline: 2 faults', detail: null, runAgain: false });
  // One of two fixed in the editor: one fault left, and the tooltip says why the count fell.
  const partly = faultStatus(2, 2, 1);
  assert.equal(partly.text, '$(error) Faultline: 1 fault');
  assert.equal(partly.detail, '1 of the 2 faults found had its line edited since the run');
  assert.equal(partly.runAgain, false);
  // Every fault's line edited (say by its quick fix): no fault claimed, and a click runs training again.
  const all = faultStatus(1, 1, 0);
  assert.equal(all.text, '$(edit) Faultline: edited, run again');
  assert.match(all.detail ?? '', /^The line of the fault found changed since the run/);
  assert.equal(all.runAgain, true);
  // A fault that never had a diagnostic (no source line) is not mistaken for an edited one.
  assert.deepEqual(faultStatus(2, 1, 1), { text: '$(error) Faultline: 2 faults', detail: null, runAgain: false });
  assert.equal(faultStatus(2, 1, 0).text, '$(error) Faultline: 1 fault');
});
