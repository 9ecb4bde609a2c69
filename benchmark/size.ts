/**
 * `npm run bench:size`: the extension's cost: production bundle sizes, the .vsix size, and the
 * activation time of the packaged entry (loaded with a stub `vscode`, best of 10). The real
 * editor's own figure ("Developer: Show Running Extensions") is asserted in the e2e tests.
 *   --no-write   do not update BENCHMARKS.md
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { today, writeSection } from './report';
import { timeActivation } from '../test/helpers/activation';
import { execFileSync } from 'node:child_process';

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');

function main(): void {
  const { values } = parseArgs({ options: { 'no-write': { type: 'boolean', default: false } } });
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--production'], { cwd: ROOT, stdio: 'inherit' });
  const kb = (file: string) => (fs.statSync(path.join(DIST, file)).size / 1024).toFixed(1);
  const version = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const vsix = path.join(ROOT, `faultline-${version}.vsix`);
  const rows = [
    '| what | size / time |',
    '|---|---|',
    `| extension entry (dist/extension.js, loaded at activation) | ${kb('extension.js')} KB |`,
    `| extension controller (dist/controller.js, loaded by the first command) | ${kb('controller.js')} KB |`,
    `| probe (dist/probe.js, loaded into the training process) | ${kb('probe.js')} KB |`,
    `| probe's watchdog (dist/watchdog.js, a worker thread of the training process) | ${kb('watchdog.js')} KB |`,
    `| webview (dist/webview.js + webview.css + uPlot.min.css) | ${kb('webview.js')} KB + ${kb('webview.css')} KB + ${kb('uPlot.min.css')} KB |`,
    `| CLI (dist/cli.js) | ${kb('cli.js')} KB |`,
    `| .vsix | ${fs.existsSync(vsix) ? `${(fs.statSync(vsix).size / 1024).toFixed(1)} KB` : 'not built (npm run package)'} |`,
    `| activation (entry load + activate, stub vscode, best of 10) | ${timeActivation(path.join(DIST, 'extension.js'), 10).bestMs.toFixed(2)} ms |`,
  ];
  const table = rows.join('\n');
  process.stdout.write(table + '\n');
  if (!values['no-write']) {
    writeSection('size', `## Extension cost\n\nCommand: \`npm run bench:size\` · date ${today()} · ${os.cpus().length} cores. Production bundles (minified).\n\n${table}`);
  }
}

main();
