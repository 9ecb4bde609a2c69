import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Finding, Report } from '../../src/analysis/findings';
import { judgeVerification, SHIM_SOURCE, VERIFY_MAP_ENV, verifyNodeOptions } from '../../src/extension/verify-logic';

function project(): { dir: string; tmp: string; run(entry: string, map: Record<string, string>): string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fl-verify-project-'));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fl-verify-copies-'));
  fs.mkdirSync(path.join(dir, 'node_modules', 'dep'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'node_modules', 'dep', 'index.js'), 'module.exports = "dep";');
  fs.writeFileSync(path.join(dir, 'helper.js'), 'module.exports = "helper";');
  fs.writeFileSync(path.join(dir, 'data.txt'), 'data');
  fs.writeFileSync(path.join(dir, 'esm-helper.mjs'), 'export const h = "esm-helper";');
  const shim = path.join(tmp, 'shim.cjs');
  fs.writeFileSync(shim, SHIM_SOURCE);
  return {
    dir,
    tmp,
    run(entry, map) {
      return execFileSync(process.execPath, [path.join(dir, entry)], {
        cwd: os.tmpdir(),
        env: { ...process.env, NODE_OPTIONS: verifyNodeOptions(undefined, shim), [VERIFY_MAP_ENV]: JSON.stringify(map) },
        encoding: 'utf8',
      }).trim();
    },
  };
}

test('the shim serves the temp copy in place of a CommonJS script, keeping its resolution and __dirname', () => {
  const p = project();
  try {
    const body = (tag: string) =>
      `const fs = require('fs'); const path = require('path');\nconsole.log(['${tag}', require('dep'), require('./helper'), fs.readFileSync(path.join(__dirname, 'data.txt'), 'utf8')].join(' '));\n`;
    fs.writeFileSync(path.join(p.dir, 'train.js'), body('original'));
    const copy = path.join(p.tmp, '0-train.js');
    fs.writeFileSync(copy, body('fixed'));
    assert.equal(p.run('train.js', {}), 'original dep helper data');
    assert.equal(p.run('train.js', { [path.join(p.dir, 'train.js')]: copy }), 'fixed dep helper data');
    // The original file is untouched.
    assert.match(fs.readFileSync(path.join(p.dir, 'train.js'), 'utf8'), /original/);
  } finally {
    fs.rmSync(p.dir, { recursive: true, force: true });
    fs.rmSync(p.tmp, { recursive: true, force: true });
  }
});

test('the shim serves the temp copy in place of an ES module, keeping relative imports', () => {
  const p = project();
  try {
    const body = (tag: string) => `import { h } from './esm-helper.mjs';\nimport dep from 'dep';\nconsole.log(['${tag}', h, dep].join(' '));\n`;
    fs.writeFileSync(path.join(p.dir, 'train.mjs'), body('original'));
    const copy = path.join(p.tmp, '0-train.mjs');
    fs.writeFileSync(copy, body('fixed'));
    assert.equal(p.run('train.mjs', { [path.join(p.dir, 'train.mjs')]: copy }), 'fixed esm-helper dep');
  } finally {
    fs.rmSync(p.dir, { recursive: true, force: true });
    fs.rmSync(p.tmp, { recursive: true, force: true });
  }
});

test('verifyNodeOptions keeps the user NODE_OPTIONS and quotes the shim path', () => {
  assert.equal(verifyNodeOptions('--max-old-space-size=4096', '/tmp/a b/shim.cjs'), '--max-old-space-size=4096 --require "/tmp/a b/shim.cjs"');
  assert.equal(verifyNodeOptions(undefined, '/t/s.cjs'), '--require "/t/s.cjs"');
});

const original = {
  id: 'non-finite-loss:model',
  symptom: 'non-finite-loss',
  rootCause: 'learning-rate',
  confirmed: true,
  severity: 'error',
  message: 'Loss became NaN',
  layer: null,
  location: null,
  related: [],
  fix: null,
  alternatives: [],
  evidence: [],
  relevance: [],
  modelId: 1,
  iteration: 3,
  elapsedMs: 10,
} as Finding;

function report(over: Partial<Report['run']>, findings: Finding[] = []): Report {
  return {
    verdict: findings.some((f) => f.confirmed) ? 'faulty' : 'healthy',
    findings,
    run: { script: '/a.js', exitCode: null, signal: null, stoppedEarly: true, iterations: 200, epochs: 5, durationMs: 1000, tfjsVersion: '4.22.0', backend: 'wasm', error: null, ...over },
  };
}

test('verification: the symptom gone after enough iterations is verified', () => {
  const r = judgeVerification(original, report({}), 60);
  assert.equal(r.fixed, true);
  assert.match(r.text, /did not appear in 200 iterations/);
});

test('verification: the same symptom again is not verified', () => {
  const r = judgeVerification(original, report({}, [{ ...original, iteration: 5, message: 'Loss became NaN again' }]), 60);
  assert.equal(r.fixed, false);
  assert.match(r.text, /still there at iteration 6/);
});

test('verification: a run too short, or failed, cannot verify', () => {
  assert.match(judgeVerification(original, report({ iterations: 2 }), 60).text, /Raise faultline.verifySeconds/);
  assert.equal(judgeVerification(original, report({ iterations: 0 }), 60).fixed, false);
  assert.match(judgeVerification(original, report({ error: { message: 'Syntax error', site: null } }), 60).text, /Could not verify: Syntax error/);
});

test('verification: a different layer with the same symptom does not count against the fix', () => {
  const onLayer = { ...original, layer: { name: 'dense_2', index: 1, className: 'Dense' } } as Finding;
  const other = { ...onLayer, layer: { name: 'dense_1', index: 0, className: 'Dense' } } as Finding;
  const r = judgeVerification(onLayer, report({}, [other]), 60);
  assert.equal(r.fixed, true);
  assert.match(r.text, /Another problem showed instead/);
});
