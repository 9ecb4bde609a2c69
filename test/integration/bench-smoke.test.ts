/**
 * The benchmark harness end to end on two cases (one dense on wasm, one conv on cpu) and one
 * healthy program, so that the harness, the CLI and the ground truth cannot drift apart unnoticed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCase, loadHealthyProgram, runCase, runHealthy } from '../../benchmark/run';

test('dense case 45337371: detected on the exact line with the right root cause, silent on the fix', async () => {
  const score = await runCase(loadCase('45337371'));
  assert.equal(score.error, null);
  assert.equal(score.detected, true, score.first);
  assert.equal(score.exactLine, true, score.first);
  assert.equal(score.fix, true, score.first);
  assert.equal(score.falseAlarmFixed, false, score.falseAlarmFindings.join(', '));
});

test("dense case 48251943: the dead ReLU output is found, and so is the tanh of the artifact's fix, which holds the loss at the floor of its range", async () => {
  const score = await runCase(loadCase('48251943'));
  assert.equal(score.detected, true, score.first);
  assert.equal(score.exactLine, true, score.first);
  assert.deepEqual(score.falseAlarmFindings, ['output-out-of-range@21']);
});

test('conv case kcct-fujimotolab-keras-super-resolution: detected, silent on the fix', async () => {
  const score = await runCase(loadCase('kcct-fujimotolab-keras-super-resolution'));
  assert.equal(score.kind, 'conv');
  assert.equal(score.detected, true, score.first);
  assert.equal(score.exactLine, true, score.first);
  assert.equal(score.falseAlarmFixed, false, score.falseAlarmFindings.join(', '));
});

test('healthy program trainonbatch-sparse (a trainOnBatch loop): traced and silent', async () => {
  const score = await runHealthy(loadHealthyProgram('trainonbatch-sparse'));
  assert.equal(score.error, null);
  assert.equal(score.verdict, 'healthy');
  assert.deepEqual(score.findings, []);
});
