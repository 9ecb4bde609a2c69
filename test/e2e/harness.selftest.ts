// Checks the real-editor harness itself against a tiny extension built and packaged here.
// Needs scripts/setup-editor.sh to have run.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { launchEditor, type Editor } from './editor';
import { buildExtension, FIXTURE, makeWorkspace } from './selftest-extension';

let tmp: string;
let vsix: string;

before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-selftest-'));
  vsix = buildExtension(tmp);
});

after(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('real editor harness (trusted workspace)', () => {
  let ed: Editor;
  let workspace: string;

  before(async () => {
    workspace = makeWorkspace(tmp);
    ed = await launchEditor({ workspace, vsix });
  });

  after(async () => {
    await ed?.close();
  });

  test('opens a file by Quick Open', async () => {
    await ed.openFile('src/sample.js');
    const tab = await ed.page.locator('.editor-group-container.active .tab.active').getAttribute('aria-label');
    assert.match(tab ?? '', /sample\.js/);
  });

  test('runs a command, sees squiggles with hover text, and the notification', async () => {
    await ed.runCommand('Selftest: Publish Diagnostics');
    const errors = await ed.waitForSquiggle('error', 20_000);
    assert.deepEqual(errors.map((s) => s.line), [3]);
    assert.deepEqual(errors[0].messages, ['Selftest error on line three']);
    const warnings = await ed.waitForSquiggle('warning', 5000);
    assert.deepEqual(warnings.map((s) => s.line), [5]);
    assert.equal(warnings[0].message, 'Selftest warning on line five');
    assert.match(await ed.waitForNotification('Selftest published diagnostics'), /published/);
    await ed.screenshot('selftest-squiggles');
  });

  test('reads the Problems panel', async () => {
    const problems = await ed.problems();
    const err = problems.find((p) => p.severity === 'error');
    assert.ok(err, `no error in ${JSON.stringify(problems)}`);
    assert.equal(err.message, 'Selftest error on line three');
    assert.equal(err.line, 3);
    assert.equal(err.file, 'sample.js');
    assert.equal(err.source, 'selftest');
    assert.equal(err.code, 'E3');
    const warn = problems.find((p) => p.severity === 'warning');
    assert.ok(warn, `no warning in ${JSON.stringify(problems)}`);
    assert.equal(warn.line, 5);
  });

  test('reads and clicks code lenses', async () => {
    assert.deepEqual(await ed.codeLenses(), ['Selftest lens']);
    await ed.clickCodeLens('Selftest lens');
    await ed.waitForNotification('Selftest lens clicked');
  });

  test('reaches into a webview', async () => {
    await ed.runCommand('Selftest: Open Webview');
    const frame = await ed.webviewFrame({ containing: 'Hello from the selftest webview' });
    assert.equal(await frame.locator('#hello').innerText(), 'Hello from the selftest webview');
    await frame.locator('#js').waitFor();
    await ed.screenshot('selftest-webview');
  });

  test('lists notifications including hidden ones', async () => {
    const all = await ed.notifications({ all: true });
    assert.ok(all.some((m) => m.includes('Selftest published diagnostics')), JSON.stringify(all));
  });

  test('lists and applies a quick fix, and saves', async () => {
    // The webview opened beside it took the focus: go back to the file first.
    await ed.openFile('src/sample.js');
    assert.deepEqual(await ed.quickFixes(3), ['Selftest: fix line three']);
    // Line 1 has no selftest diagnostic; TypeScript's refactorings may still be listed there.
    assert.ok(!(await ed.quickFixes(1)).includes('Selftest: fix line three'));
    await ed.applyQuickFix(3, 'fix line three');
    await ed.save();
    assert.equal(fs.readFileSync(path.join(workspace, 'src', 'sample.js'), 'utf8').split('\n')[2], 'const fixed = 3;');
  });

  test('reads an output channel', () => {
    assert.match(ed.outputChannel('Selftest'), /published 2 diagnostics for .*sample\.js/);
  });

  test('trusted workspace lets the extension spawn a child process', async () => {
    await ed.runCommand('Selftest: Report Trust');
    assert.match(await ed.waitForNotification('Selftest trust:'), /isTrusted=true child=42/);
  });

  test('close() leaves nothing running', async () => {
    const pid = ed.serverPid;
    assert.ok(pid);
    const tmpDir = ed.tmpDir;
    await ed.close();
    assert.throws(() => process.kill(pid, 0));
    assert.equal(ed.browser.isConnected(), false);
    assert.equal(fs.existsSync(tmpDir), false);
    const leftovers = fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p)).filter((p) => {
      try {
        return fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(tmpDir);
      } catch {
        return false;
      }
    });
    assert.deepEqual(leftovers, []);
  });
});

describe('real editor harness (untrusted workspace)', () => {
  let ed: Editor;

  before(async () => {
    const ws = path.join(tmp, 'untrusted');
    fs.mkdirSync(ws, { recursive: true });
    fs.writeFileSync(path.join(ws, 'a.js'), FIXTURE);
    ed = await launchEditor({ workspace: ws, vsix, workspaceTrust: 'untrusted' });
  });

  after(async () => {
    await ed?.close();
  });

  test('the workspace is in Restricted Mode and the extension sees it', async () => {
    await ed.openFile('a.js');
    await ed.page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ state: 'visible' });
    await ed.runCommand('Selftest: Report Trust');
    assert.match(await ed.waitForNotification('Selftest trust:'), /isTrusted=false child=not run/);
    await ed.screenshot('selftest-untrusted');
  });
});
