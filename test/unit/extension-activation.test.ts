// Activation must stay light: the entry registers commands and does not load the controller
// (engine, zod, launcher) until a command runs. Built here the way the `package` script builds it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { timeActivation } from '../helpers/activation';

const ROOT = path.resolve(__dirname, '..', '..');

test('activation registers every command without loading the controller, in well under 20 ms', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'fl-activation-'));
  try {
    buildSync({
      entryPoints: [path.join(ROOT, 'src/extension/extension.ts'), path.join(ROOT, 'src/extension/controller.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node18',
      external: ['vscode', './controller'],
      outdir: out,
      minify: true,
      logLevel: 'error',
    });
    const entry = path.join(out, 'extension.js');
    assert.ok(fs.statSync(entry).size < 8 * 1024, `entry is ${fs.statSync(entry).size} bytes`);

    const { bestMs: best, registered } = timeActivation(entry, 5);
    assert.ok(best < 20, `activation took ${best.toFixed(2)} ms`);
    assert.deepEqual(registered.sort(), [
      'faultline.debugTraining',
      'faultline.openTrace',
      'faultline.showOutput',
      'faultline.showPanel',
      'faultline.stopTraining',
      'faultline.verifyFix',
    ]);
    assert.equal(require.cache[path.join(out, 'controller.js')], undefined, 'the controller was loaded during activation');
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});

test('every command the code registers is contributed in package.json, and vice versa', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    contributes: { commands: Array<{ command: string; category?: string }> };
    activationEvents: string[];
  };
  const src = fs.readFileSync(path.join(ROOT, 'src/extension/extension.ts'), 'utf8');
  const inCode = [...src.matchAll(/\['(faultline\.\w+)'/g)].map((m) => m[1]).sort();
  assert.deepEqual(pkg.contributes.commands.map((c) => c.command).sort(), inCode);
  for (const c of pkg.contributes.commands) assert.equal(c.category, 'Faultline');
  // Commands activate implicitly (VS Code >= 1.74); only the panel serializer needs an event.
  assert.deepEqual(pkg.activationEvents, ['onWebviewPanel:faultline.trends']);
});
