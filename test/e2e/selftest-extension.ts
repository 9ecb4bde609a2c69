// A tiny extension used to check the harness: a command that publishes an error on line 3 and a
// warning on line 5 of the active file, a quick fix for the error, a code lens on line 3, a
// webview, an output channel, and a trust report.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './editor';

const EXTENSION_JS = `
const vscode = require('vscode');
const cp = require('child_process');
exports.activate = (context) => {
  const diags = vscode.languages.createDiagnosticCollection('selftest');
  context.subscriptions.push(diags);
  const out = vscode.window.createOutputChannel('Selftest');
  context.subscriptions.push(out);
  context.subscriptions.push(vscode.languages.registerCodeActionsProvider({ scheme: 'file' }, {
    provideCodeActions(doc, range, ctx) {
      out.appendLine('code actions asked for line ' + (range.start.line + 1) + ' with ' + JSON.stringify(ctx.diagnostics.map((d) => [d.source, d.code, d.message])));
      return ctx.diagnostics.filter((d) => d.source === 'selftest' && d.code === 'E3').map((d) => {
        const fix = new vscode.CodeAction('Selftest: fix line three', vscode.CodeActionKind.QuickFix);
        fix.diagnostics = [d];
        fix.isPreferred = true;
        fix.edit = new vscode.WorkspaceEdit();
        fix.edit.replace(doc.uri, doc.lineAt(2).range, 'const fixed = 3;');
        return fix;
      });
    },
  }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }));
  context.subscriptions.push(vscode.languages.registerCodeLensProvider({ scheme: 'file' }, {
    provideCodeLenses(doc) {
      return [new vscode.CodeLens(new vscode.Range(2, 0, 2, 0), { title: 'Selftest lens', command: 'selftest.lensClicked' })];
    },
  }));
  context.subscriptions.push(vscode.commands.registerCommand('selftest.lensClicked', () => {
    vscode.window.showInformationMessage('Selftest lens clicked');
  }));
  context.subscriptions.push(vscode.commands.registerCommand('selftest.run', () => {
    const ed = vscode.window.activeTextEditor;
    if (!ed) { vscode.window.showErrorMessage('Selftest: no active editor'); return; }
    const err = new vscode.Diagnostic(ed.document.lineAt(2).range, 'Selftest error on line three', vscode.DiagnosticSeverity.Error);
    err.source = 'selftest';
    err.code = 'E3';
    const warn = new vscode.Diagnostic(ed.document.lineAt(4).range, 'Selftest warning on line five', vscode.DiagnosticSeverity.Warning);
    warn.source = 'selftest';
    diags.set(ed.document.uri, [err, warn]);
    out.appendLine('published 2 diagnostics for ' + ed.document.uri.fsPath);
    vscode.window.showInformationMessage('Selftest published diagnostics');
  }));
  context.subscriptions.push(vscode.commands.registerCommand('selftest.webview', () => {
    const panel = vscode.window.createWebviewPanel('selftest', 'Selftest View', vscode.ViewColumn.Beside, { enableScripts: true });
    panel.webview.html = '<!DOCTYPE html><html><body><h1 id="hello">Hello from the selftest webview</h1>'
      + '<script>document.body.insertAdjacentHTML("beforeend", "<p id=js>script ran</p>")</script></body></html>';
  }));
  context.subscriptions.push(vscode.commands.registerCommand('selftest.trust', () => {
    let child = 'not run';
    if (vscode.workspace.isTrusted) child = cp.execFileSync(process.execPath, ['-e', 'process.stdout.write(String(6*7))']).toString();
    vscode.window.showInformationMessage('Selftest trust: isTrusted=' + vscode.workspace.isTrusted + ' child=' + child);
  }));
};
`;

const PACKAGE_JSON = {
  name: 'harness-selftest',
  displayName: 'Harness Selftest',
  publisher: 'faultline-test',
  version: '0.0.1',
  license: 'MIT',
  engines: { vscode: '^1.100.0' },
  main: './extension.js',
  activationEvents: ['onStartupFinished'],
  // 'limited' keeps the extension active in Restricted Mode so the trust test can ask it.
  capabilities: { untrustedWorkspaces: { supported: 'limited' } },
  contributes: {
    commands: [
      { command: 'selftest.run', title: 'Publish Diagnostics', category: 'Selftest' },
      { command: 'selftest.webview', title: 'Open Webview', category: 'Selftest' },
      { command: 'selftest.trust', title: 'Report Trust', category: 'Selftest' },
    ],
  },
};

export const FIXTURE = ['// line 1', 'const a = 1;', 'const broken = 0;', 'const b = 2;', 'const c = a + b;', ''].join('\n');

export function buildExtension(dir: string): string {
  const src = path.join(dir, 'ext');
  fs.mkdirSync(src, { recursive: true });
  fs.writeFileSync(path.join(src, 'package.json'), JSON.stringify(PACKAGE_JSON, null, 2));
  fs.writeFileSync(path.join(src, 'extension.js'), EXTENSION_JS);
  fs.writeFileSync(path.join(src, 'README.md'), '# Harness selftest\n');
  fs.writeFileSync(path.join(src, 'LICENSE'), 'MIT\n');
  const vsix = path.join(dir, 'harness-selftest.vsix');
  const vsce = path.join(REPO_ROOT, 'node_modules', '.bin', 'vsce');
  execFileSync(vsce, ['package', '--allow-missing-repository', '--skip-license', '-o', vsix], { cwd: src, stdio: 'pipe', input: '' });
  return vsix;
}

export function makeWorkspace(dir: string): string {
  const ws = path.join(dir, 'workspace');
  fs.mkdirSync(path.join(ws, 'src'), { recursive: true });
  fs.writeFileSync(path.join(ws, 'src', 'sample.js'), FIXTURE);
  fs.writeFileSync(path.join(ws, 'other.txt'), 'other\n');
  return ws;
}

