// `npm run editor`: builds the .vsix, makes sure code-server is set up, and serves a real VS Code
// with Faultline installed and examples/ open on 127.0.0.1 until Ctrl-C.
//   --port <n>        port to listen on (default 8080, or the next free one)
//   --folder <dir>    folder to open instead of examples/
//   --no-build        reuse the existing faultline-<version>.vsix
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { CODE_SERVER_DIR, freePort, installExtension, REPO_ROOT, writeUserSettings } from '../test/e2e/editor';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    folder: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
  },
});

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

async function main(): Promise<void> {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
  const vsix = path.join(REPO_ROOT, `faultline-${pkg.version}.vsix`);
  if (!values['no-build'] || !fs.existsSync(vsix)) {
    console.log('==> building the extension (.vsix)');
    execFileSync('npm', ['run', '--silent', 'package'], { cwd: REPO_ROOT, stdio: 'inherit' });
  }
  console.log('==> setting up code-server (cached after the first time)');
  execFileSync('bash', [path.join(REPO_ROOT, 'scripts', 'setup-editor.sh')], { cwd: REPO_ROOT, stdio: 'inherit' });

  const folder = path.resolve(values.folder ?? path.join(REPO_ROOT, 'examples'));
  if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`No such folder: ${folder}`);
  // State lives in a cache folder that git ignores, so settings and layout survive restarts.
  const home = path.join(REPO_ROOT, '.cache', 'editor');
  const userDataDir = path.join(home, 'user-data');
  const extensionsDir = path.join(home, 'extensions');
  // The test settings minus those that only keep automated runs quiet: a person gets the
  // lightbulb, suggestions and the workspace trust prompt.
  writeUserSettings(userDataDir, {
    'editor.lightbulb.enabled': undefined,
    'editor.quickSuggestions': undefined,
    'editor.parameterHints.enabled': undefined,
    'security.workspace.trust.startupPrompt': undefined,
    'security.workspace.trust.emptyWindow': undefined,
  });
  console.log(`==> installing ${path.basename(vsix)}`);
  await installExtension(vsix, extensionsDir, userDataDir, path.join(home, 'cs-home'));

  const wanted = values.port ? Number(values.port) : 8080;
  if (!Number.isInteger(wanted) || wanted <= 0 || wanted > 65535) throw new Error(`--port needs a port number, got ${values.port}`);
  const port = (await portFree(wanted)) ? wanted : await freePort();
  const entry = path.join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const args = [
    entry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    folder,
  ];
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(home, 'cs-home', 'config'),
    XDG_DATA_HOME: path.join(home, 'cs-home', 'data'),
    XDG_CACHE_HOME: path.join(home, 'cs-home', 'cache'),
    VSCODE_IPC_HOOK_CLI: '',
  };
  // Its own process group, so Ctrl-C can end code-server and everything it started.
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
  const stop = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      /* already gone */
    }
  };
  let stopping = false;
  const onSignal = () => {
    if (stopping) return stop('SIGKILL');
    stopping = true;
    console.log('\n==> stopping the editor');
    stop('SIGTERM');
    setTimeout(() => stop('SIGKILL'), 5000).unref();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('exit', () => stop('SIGKILL'));

  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited with code ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1000) }).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error('code-server did not answer within 60 s');
    await new Promise((r) => setTimeout(r, 300));
  }
  console.log(`\nFaultline is ready in VS Code: ${url}\nOpen an example and run "Faultline: Debug Training" (F1). Ctrl-C stops the editor.\n`);
  const code = await new Promise<number>((resolve) => child.once('exit', (c, s) => resolve(c ?? (s ? 0 : 1))));
  process.exitCode = stopping ? 0 : code;
}

main().catch((e: unknown) => {
  console.error(`editor: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
