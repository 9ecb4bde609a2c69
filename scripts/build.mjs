// Builds the separate bundles: the probe (runs inside the user's training process), the CLI,
// the extension host code, and the webview (a browser bundle).
import { build } from 'esbuild';
import { existsSync, mkdirSync, copyFileSync } from 'node:fs';

const production = process.argv.includes('--production');
const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'warning', legalComments: 'none' };

const targets = [
  { entryPoints: ['src/runner/probe.ts'], outfile: 'dist/probe.js', platform: 'node', format: 'cjs', target: 'node18' },
  // The probe's orphan guard, started by the probe in a worker thread of the traced process.
  { entryPoints: ['src/runner/watchdog.ts'], outfile: 'dist/watchdog.js', platform: 'node', format: 'cjs', target: 'node18' },
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', target: 'node18' },
  // Activation loads only this small entry; the controller (engine, zod, run logic) is a
  // separate bundle required by the first command, so activation stays light.
  { entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node18', external: ['vscode', './controller'] },
  { entryPoints: ['src/extension/controller.ts'], outfile: 'dist/controller.js', platform: 'node', format: 'cjs', target: 'node18', external: ['vscode'] },
  { entryPoints: ['webview/main.ts'], outfile: 'dist/webview.js', platform: 'browser', format: 'iife', target: 'es2022' },
];

mkdirSync('dist', { recursive: true });
await Promise.all(targets.filter((t) => existsSync(t.entryPoints[0])).map((t) => build({ ...common, ...t })));
if (existsSync('node_modules/uplot/dist/uPlot.min.css')) copyFileSync('node_modules/uplot/dist/uPlot.min.css', 'dist/uPlot.min.css');
