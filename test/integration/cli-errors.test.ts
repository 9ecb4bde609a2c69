/** Bad input to `faultline run`: a clear message, exit code 2, no stack dump, nothing left running. */
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scratchDir } from '../helpers/scratch';
import { CLI, FIXTURES, ROOT, runCli, runPlain } from '../helpers/run';

const BAD = path.join(FIXTURES, 'bad');

function assertNoInternalStack(output: string): void {
  assert.doesNotMatch(output, /faultline: internal error/);
  assert.doesNotMatch(output, /\n\s+at .*dist[\\/]cli\.js/, 'a Faultline stack trace was printed');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

test('missing script', () => {
  const r = runCli(['run', path.join(BAD, 'does-not-exist.js')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /Script not found: .*does-not-exist\.js/);
  assertNoInternalStack(r.stderr + r.stdout);
});

test('not a JavaScript or TypeScript file', () => {
  const r = runCli(['run', path.join(BAD, 'not-a-script.txt')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /Not a JavaScript or TypeScript file/);
});

test('syntax error: its file and line', () => {
  const script = path.join(BAD, 'syntax-error.js');
  const r = runCli(['run', script]);
  assert.equal(r.code, 2);
  assert.match(r.stdout, new RegExp(`Syntax error \\(${script.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:4\\)`));
  assertNoInternalStack(r.stdout + r.stderr);
});

test('a script that never loads tfjs', () => {
  const r = runCli(['run', path.join(BAD, 'no-tfjs.js')]);
  assert.equal(r.code, 2);
  assert.match(r.stdout, /never loaded TensorFlow\.js/);
  assert.match(r.stdout, /sum 6/, "the script's own output still reaches the user");
});

test('an unsupported TensorFlow.js version: a clear message, and the script trains untouched', () => {
  const script = path.join(BAD, 'old-tfjs.js');
  const r = runCli(['run', script]);
  assert.equal(r.code, 2);
  assert.match(r.stdout, /TensorFlow\.js 0\.15\.\d+ is too old to trace: Faultline supports TensorFlow\.js 1\.0 and newer/);
  assert.match(r.stdout, /upgrade @tensorflow\/tfjs/);
  const plain = runPlain(script);
  assert.match(plain, /trained w to 3\.0000/);
  assert.ok(r.stdout.includes(plain.trim()), 'the script ran exactly as it does without Faultline');
  assertNoInternalStack(r.stdout + r.stderr);
});

test('a script that loads tfjs but never trains', () => {
  const r = runCli(['run', path.join(BAD, 'exits-without-training.js')]);
  assert.equal(r.code, 2);
  assert.match(r.stdout, /finished without training/);
});

test('the CLI returns as soon as the script has ended, not a second later', () => {
  const report = path.join(scratchDir('faultline-prompt-'), 'report.json');
  const started = Date.now();
  const r = runCli(['run', path.join(BAD, 'exits-without-training.js'), '--report', report]);
  const wall = Date.now() - started;
  assert.equal(r.code, 2);
  const run = JSON.parse(fs.readFileSync(report, 'utf8')).run as { durationMs: number };
  // The CLI's own start and its report take a few hundred milliseconds; a timer left pending after the
  // script ended kept it waiting a full second more before every report reached the terminal.
  assert.ok(wall - run.durationMs < 800, `the CLI waited ${wall - run.durationMs} ms beyond a ${run.durationMs} ms run`);
});

test('a script that never trains because its epochs come from an unset environment variable: the variable and its line', () => {
  const script = path.join(ROOT, 'benchmark/bugs/epochs-nan-from-env/buggy.js');
  const report = path.join(os.tmpdir(), `faultline-env-${process.pid}.json`);
  try {
    const r = runCli(['run', script, '--report', report]);
    assert.equal(r.code, 2);
    assert.match(r.stdout, /finished without training \(no fit, fitDataset or optimizer step\)\. It read EPOCHS from the environment \(line 15\), where it is not set/);
    const error = JSON.parse(fs.readFileSync(report, 'utf8')).run.error;
    assert.deepEqual([error.site.file, error.site.line], [script, 15]);
  } finally {
    fs.rmSync(report, { force: true });
  }
});

test('a script that crashes mid-training: its own message and source line', () => {
  const script = path.join(BAD, 'crash-mid-training.js');
  const r = runCli(['run', script, '--continue']);
  assert.equal(r.code, 2);
  assert.match(r.stdout, /crashed during training/);
  assert.match(r.stdout, /disk full while saving checkpoint/);
  assert.match(r.stdout, /crash-mid-training\.js:17/);
  assertNoInternalStack(r.stdout + r.stderr);
});

test('a script still running at --max-seconds is stopped with its children', () => {
  const pidFile = path.join(scratchDir('faultline-test-'), 'child.pid');
  const started = Date.now();
  const r = runCli(['run', path.join(BAD, 'hang-with-child.js'), '--max-seconds', '3', '--', pidFile]);
  const seconds = (Date.now() - started) / 1000;
  assert.equal(r.code, 2);
  assert.match(r.stdout, /still running after 3 s/);
  assert.ok(seconds < 15, `took ${seconds} s`);
  const [, childPid] = fs.readFileSync(pidFile, 'utf8').split(' ').map(Number);
  assert.ok(childPid > 0);
  // The kill is immediate, but give the kernel a moment to reap.
  const deadline = Date.now() + 3000;
  while (alive(childPid) && Date.now() < deadline) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  assert.equal(alive(childPid), false, `child ${childPid} outlived the run`);
});

test('a host that dies mid-run (editor window closed, CLI killed) leaves no orphan behind', async () => {
  const pidFile = path.join(scratchDir('faultline-test-'), 'pids');
  // No clean shutdown at all: the host is killed outright, so only the traced process can notice.
  const host = spawn(process.execPath, [CLI, 'run', path.join(BAD, 'hang-with-child.js'), '--', pidFile], { stdio: 'ignore' });
  const waitFor = async (what: string, ok: () => boolean, ms: number) => {
    const deadline = Date.now() + ms;
    while (!ok()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  await waitFor('the script to start its child', () => fs.existsSync(pidFile) && fs.readFileSync(pidFile, 'utf8').includes(' '), 30_000);
  const [scriptPid, childPid] = fs.readFileSync(pidFile, 'utf8').split(' ').map(Number);
  assert.ok(alive(scriptPid) && alive(childPid));
  host.kill('SIGKILL');
  try {
    await waitFor(`script ${scriptPid} and its child ${childPid} to end`, () => !alive(scriptPid) && !alive(childPid), 5_000);
  } finally {
    for (const pid of [scriptPid, childPid]) if (alive(pid)) process.kill(pid, 'SIGKILL');
  }
});

test('two runs started at once: each gets its own trace and its own verdict', async () => {
  const runAsync = (script: string) =>
    new Promise<{ code: number | null; stdout: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI, 'run', script], { cwd: ROOT, env: { ...process.env, CI: '1' } });
      let stdout = '';
      child.stdout.on('data', (c) => (stdout += c));
      child.on('close', (code) => resolve({ code, stdout }));
    });
  const [faulty, healthy] = await Promise.all([runAsync(path.join(ROOT, 'examples', 'nan-learning-rate.js')), runAsync(path.join(FIXTURES, 'healthy-regression.js'))]);
  assert.equal(faulty.code, 1, faulty.stdout);
  assert.match(faulty.stdout, /nan-learning-rate\.js:\d+/);
  assert.equal(healthy.code, 0, healthy.stdout);
  assert.match(healthy.stdout, /healthy — no fault found/);
  assert.doesNotMatch(healthy.stdout, /nan-learning-rate/);
});

test('usage errors', () => {
  const r = runCli(['run']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /run needs a script/);
  const bad = runCli(['run', 'x.js', '--max-seconds', 'soon']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--max-seconds needs a non-negative number/);
  const unknown = runCli(['frobnicate']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown command/);
});

test('analyze: a file that is not a trace', () => {
  const file = path.join(scratchDir('faultline-test-'), 'junk.jsonl');
  fs.writeFileSync(file, 'hello\n{"type":"iter"}\n\u0000\u0001binary\n');
  const r = runCli(['analyze', file]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /is not a Faultline trace/);
});

test('binary garbage on stdout/stderr and hostile messages on the trace channels: ignored, training still traced', () => {
  const file = path.join(scratchDir('faultline-test-'), 'report.json');
  const r = runCli(['run', path.join(BAD, 'hostile-channel.js'), '--report', file]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /done training/, "the script's own output still reaches the user");
  assert.match(r.stdout, /\((\d+) invalid trace messages were ignored\)/);
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(report.verdict, 'healthy');
  assert.equal(report.run.iterations, 120, 'every real iteration arrived despite the noise');
});

test('a script deleted during its own run: the diagnosis still arrives, without an edit against a missing file', () => {
  const source = fs.readFileSync(path.join(ROOT, 'examples', 'nan-learning-rate.js'), 'utf8');
  const script = path.join(BAD, `deleted-during-run-${process.pid}.js`);
  // The copy removes itself before training starts, as a user deleting the file would.
  fs.writeFileSync(script, source.replace("'use strict';", "'use strict';\nrequire('node:fs').unlinkSync(__filename);"));
  try {
    const file = path.join(scratchDir('faultline-test-'), 'report.json');
    const r = runCli(['run', script, '--report', file]);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.equal(fs.existsSync(script), false);
    const report = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.equal(report.verdict, 'faulty');
    const lead = report.findings.find((f: { confirmed: boolean }) => f.confirmed);
    assert.equal(lead.rootCause, 'learning-rate');
    assert.equal(lead.location.file, script);
    assert.equal(lead.fix, null, 'no edit is proposed against a file that is gone');
  } finally {
    fs.rmSync(script, { force: true });
  }
});
