// Drives a real VS Code (code-server 4.100.3 = VS Code 1.100.3) in Debian Chromium through
// playwright-core. Run scripts/setup-editor.sh once before using it.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Frame, type Locator, type Page } from 'playwright-core';

// Works whether tsx compiles this file as CommonJS or as an ES module.
const HERE = typeof __dirname !== 'undefined' ? __dirname : path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '..', '..');
export const CODE_SERVER_DIR = process.env.FAULTLINE_CODE_SERVER_DIR ?? path.join(REPO_ROOT, '.cache', 'code-server');
export const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');
export const CHROMIUM_PATH = process.env.FAULTLINE_CHROMIUM ?? '/usr/bin/chromium';

// Without the background-networking family Chromium floods the closed network with attempts.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Settings that keep the workbench quiet, offline and deterministic. */
export const QUIET_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.settings.enableNaturalLanguageSearch': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  // The trust prompt is a modal dialog that steals focus; with trust enabled the folder simply
  // stays in Restricted Mode.
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.emptyWindow': false,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'git.autofetch': false,
  'npm.fetchOnlinePackageInfo': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'typescript.surveys.enabled': false,
  'json.schemaDownload.enable': false,
  'files.autoSave': 'off',
  'problems.defaultViewMode': 'tree',
  'editor.minimap.enabled': false,
  'editor.hover.delay': 200,
  // Every hover and suggestion widget should come from what the test does, not from idle timers.
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'editor.parameterHints.enabled': false,
  'editor.lightbulb.enabled': 'off',
  'chat.commandCenter.enabled': false,
  'window.commandCenter': false,
  'workbench.layoutControl.enabled': false,
};

export type WorkspaceTrust =
  /** `--disable-workspace-trust`: every folder is trusted, nothing is restricted. */
  | 'disabled'
  /** Trust is enabled and the folder is not trusted (Restricted Mode), without a prompt. */
  | 'untrusted';

export interface LaunchOptions {
  /** Folder opened in the editor. */
  workspace: string;
  /** .vsix file(s) installed into a fresh extensions dir before the editor starts. */
  vsix?: string | string[];
  /** Default 'disabled'. */
  workspaceTrust?: WorkspaceTrust;
  /** Merged over QUIET_SETTINGS; a key set to `undefined` removes the default. */
  settings?: Record<string, unknown>;
  /** Extra environment for code-server and so for the extension host. */
  env?: Record<string, string>;
  viewport?: { width: number; height: number };
  /** Milliseconds to wait for code-server, the workbench and the extension host. Default 60000. */
  startTimeoutMs?: number;
  /** Keep the temp dir (user data, logs) after close(). Also FAULTLINE_E2E_KEEP=1. */
  keepTemp?: boolean;
  /** Show the browser (needs a display). Default false. */
  headed?: boolean;
}

export interface Squiggle {
  /** 1-based line number. */
  line: number;
  kind: 'error' | 'warning';
  /** The marker text shown on hover ('' when not read). */
  message: string;
}

export interface Problem {
  severity: 'error' | 'warning' | 'info' | 'unknown';
  message: string;
  /** 1-based line and column. */
  line: number;
  column: number;
  /** File name of the resource group the marker is under. */
  file: string;
  /** Source and code as shown after the message, e.g. "faultline(E1)". */
  source: string;
}

class Timeout extends Error {}

async function waitUntil<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined | false>, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v as T;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message.split('\n')[0]})` : '';
      throw new Timeout(`Timed out after ${timeoutMs} ms waiting for ${what}${why}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

function codeServerEntry(): string {
  const entry = path.join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!fs.existsSync(path.join(CODE_SERVER_DIR, '.installed')) || !fs.existsSync(entry)) {
    throw new Error(`code-server is not installed in ${CODE_SERVER_DIR}: run scripts/setup-editor.sh first`);
  }
  return entry;
}

/** Isolates code-server's own config and state (~/.config/code-server, ~/.local/share/code-server). */
function codeServerEnv(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    XDG_CONFIG_HOME: path.join(home, 'config'),
    XDG_DATA_HOME: path.join(home, 'data'),
    XDG_CACHE_HOME: path.join(home, 'cache'),
    // Inherited from a parent editor or test runner, these would make code-server reuse it.
    VSCODE_IPC_HOOK_CLI: '',
    ...extra,
  };
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { env, timeout: timeoutMs, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${path.basename(cmd)} ${args.join(' ')} failed: ${err.message}\n${stdout}\n${stderr}`));
      else resolve(stdout + stderr);
    });
  });
}

/** Installs a .vsix into `extensionsDir` with code-server's own installer. */
export async function installExtension(vsix: string, extensionsDir: string, userDataDir: string, stateDir = path.join(userDataDir, '..', 'cs-home')): Promise<string> {
  const abs = path.resolve(vsix);
  if (!fs.existsSync(abs)) throw new Error(`No such .vsix: ${abs}`);
  fs.mkdirSync(extensionsDir, { recursive: true });
  const out = await run(
    process.execPath,
    [codeServerEntry(), '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--force', '--install-extension', abs],
    codeServerEnv(stateDir),
    120_000,
  );
  if (!/successfully installed/i.test(out)) throw new Error(`Installing ${abs} did not report success:\n${out}`);
  return out;
}

/** Writes `<userDataDir>/User/settings.json`: QUIET_SETTINGS merged with `settings`. */
export function writeUserSettings(userDataDir: string, settings: Record<string, unknown> = {}): string {
  const merged: Record<string, unknown> = { ...QUIET_SETTINGS };
  for (const [k, v] of Object.entries(settings)) {
    if (v === undefined) delete merged[k];
    else merged[k] = v;
  }
  const file = path.join(userDataDir, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(merged, null, 2));
  return file;
}

export async function freePort(): Promise<number> {
  const srv = net.createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const port = (srv.address() as net.AddressInfo).port;
  srv.close();
  await once(srv, 'close');
  return port;
}

/** Pids of `root` and all its descendants, read from /proc. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may contain spaces and parentheses: fields start after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // The process ended while we read.
    }
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    // A zombie still answers signal 0; it is gone for our purposes.
    const state = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return state.slice(state.lastIndexOf(')') + 2, state.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

function signalAll(pids: number[], signal: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
  }
}

async function httpOk(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}

const live = new Set<Editor>();
process.once('exit', () => {
  // A test that forgot close(), or crashed, must not leave code-server running.
  for (const e of live) e.killNow();
});

export async function launchEditor(opts: LaunchOptions): Promise<Editor> {
  const workspace = path.resolve(opts.workspace);
  if (!fs.statSync(workspace, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`Workspace folder does not exist: ${workspace}`);
  const entry = codeServerEntry();
  const timeoutMs = opts.startTimeoutMs ?? 60_000;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-e2e-'));
  const userDataDir = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  const csHome = path.join(tmp, 'cs-home');
  fs.mkdirSync(extensionsDir, { recursive: true });
  writeUserSettings(userDataDir, opts.settings);
  for (const v of ([] as string[]).concat(opts.vsix ?? [])) await installExtension(v, extensionsDir, userDataDir, csHome);

  const port = await freePort();
  const trust = opts.workspaceTrust ?? 'disabled';
  const args = [
    entry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    ...(trust === 'disabled' ? ['--disable-workspace-trust'] : []),
    workspace,
  ];
  const logFile = path.join(tmp, 'code-server.log');
  const logStream = fs.createWriteStream(logFile);
  // Own process group, so close() can find and end the whole tree.
  const proc = spawn(process.execPath, args, { env: codeServerEnv(csHome, opts.env), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const editor = new Editor(proc, port, workspace, tmp, userDataDir, extensionsDir, logFile, opts);
  live.add(editor);
  proc.stdout!.on('data', (d: Buffer) => editor.appendLog(d, logStream));
  proc.stderr!.on('data', (d: Buffer) => editor.appendLog(d, logStream));
  proc.once('exit', () => logStream.end());

  try {
    await waitUntil(`code-server to answer on 127.0.0.1:${port}`, timeoutMs, async () => {
      if (proc.exitCode !== null || proc.signalCode !== null) {
        throw new Error(`code-server exited (${proc.exitCode ?? proc.signalCode}):\n${editor.serverLog()}`);
      }
      return (await httpOk(`http://127.0.0.1:${port}/healthz`)) || undefined;
    }, 200);
    await editor.openWorkbench(timeoutMs);
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    err.message += `\n--- code-server log (tail) ---\n${editor.serverLog().slice(-4000)}`;
    await editor.close().catch(() => {});
    throw err;
  }
  return editor;
}

export class Editor {
  browser!: Browser;
  context!: BrowserContext;
  page!: Page;
  readonly url: string;
  private log = '';
  private closed = false;

  constructor(
    private readonly proc: ChildProcess,
    readonly port: number,
    readonly workspace: string,
    /** Temp dir holding user data, extensions, logs; removed on close() unless kept. */
    readonly tmpDir: string,
    readonly userDataDir: string,
    readonly extensionsDir: string,
    readonly serverLogFile: string,
    private readonly opts: LaunchOptions,
  ) {
    this.url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`;
  }

  appendLog(d: Buffer, stream: fs.WriteStream): void {
    stream.write(d);
    this.log = (this.log + d.toString()).slice(-200_000);
  }

  /** code-server's stdout and stderr so far. */
  serverLog(): string {
    return this.log;
  }

  /** Directory of VS Code's own logs (window, extension host: exthost/exthost.log, output channels). */
  get logsDir(): string {
    return path.join(this.userDataDir, 'logs');
  }

  /** The extension host's log, where console output and activation errors of extensions land. */
  extensionHostLog(): string {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (/exthost\.log$|remoteexthost\.log$/.test(e.name)) files.push(p);
      }
    };
    if (fs.existsSync(this.logsDir)) walk(this.logsDir);
    return files.map((f) => `== ${f}\n${fs.readFileSync(f, 'utf8')}`).join('\n');
  }

  async openWorkbench(timeoutMs: number): Promise<void> {
    this.browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: !this.opts.headed, args: CHROMIUM_ARGS });
    this.context = await this.browser.newContext({ viewport: this.opts.viewport ?? { width: 1400, height: 900 } });
    this.page = await this.context.newPage();
    this.page.setDefaultTimeout(15_000);
    await this.page.goto(this.url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
    await this.page.waitForSelector('.monaco-workbench', { timeout: timeoutMs });
    // The explorer shows the folder's files once the remote file system is connected.
    await this.page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: timeoutMs }).catch(() => {
      throw new Error(`The explorer never listed ${this.workspace} (is the folder empty?)`);
    });
    // The status bar gets its remote/extension-host items only once the extension host is up.
    await waitUntil('the extension host to start', timeoutMs, async () => this.extensionHostStarted() || undefined, 250);
  }

  private extensionHostStarted(): boolean {
    return /Extension host .*started|Started local extension host|ExtensionHostConnection/i.test(this.log) || this.extensionHostLog().length > 0;
  }

  /** Clicks into the active editor's text so keyboard shortcuts reach the workbench. */
  async focusEditor(): Promise<void> {
    const ed = this.page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
    if (await ed.isVisible()) await ed.click({ position: { x: 400, y: 2 } }).catch(() => ed.click());
    else await this.page.locator('.monaco-workbench').click({ position: { x: 700, y: 450 } });
  }

  private async quickInput(): Promise<Locator> {
    const widget = this.page.locator('.quick-input-widget');
    await widget.waitFor({ state: 'visible', timeout: 10_000 }).catch(() => {
      throw new Error('The quick input (command palette / Quick Open) did not appear');
    });
    return widget;
  }

  private async closeQuickInput(): Promise<void> {
    const widget = this.page.locator('.quick-input-widget');
    if (await widget.isVisible()) {
      await this.page.keyboard.press('Escape');
      await widget.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
    }
  }

  /** Opens a workspace file by Quick Open (Ctrl+P) and waits until its editor is active. */
  async openFile(relativePath: string, timeoutMs = 20_000): Promise<void> {
    const abs = path.resolve(this.workspace, relativePath);
    if (!fs.existsSync(abs)) throw new Error(`openFile: ${abs} does not exist`);
    const base = path.basename(abs);
    await this.closeQuickInput();
    await this.page.locator('.monaco-workbench').focus().catch(() => {});
    await this.page.keyboard.press('Control+P');
    const widget = await this.quickInput();
    const input = widget.locator('input.input');
    await input.fill(relativePath.split(path.sep).join('/'));
    // The first search in a fresh workspace is slow; wait for the row naming this file.
    const rel = path.relative(this.workspace, abs).split(path.sep).join('/');
    const dir = path.posix.dirname(rel);
    const rows = widget.locator('.monaco-list-row');
    const row = await waitUntil(`Quick Open to list ${rel}`, timeoutMs, async () => {
      const n = await rows.count();
      for (let i = 0; i < n; i++) {
        const r = rows.nth(i);
        const label = (await r.locator('.label-name').first().textContent())?.trim();
        const desc = (await r.locator('.label-description').first().textContent().catch(() => ''))?.trim() ?? '';
        if (label === base && (dir === '.' ? true : desc.endsWith(dir) || desc.includes(dir))) return r;
      }
      return undefined;
    });
    await row.click();
    await widget.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
    await this.waitForActiveEditor(abs, timeoutMs);
  }

  private async waitForActiveEditor(abs: string, timeoutMs: number): Promise<void> {
    const base = path.basename(abs);
    await waitUntil(`an editor for ${abs} to become active`, timeoutMs, async () => {
      const tab = this.page.locator('.editor-group-container.active .tab.active');
      const label = (await tab.getAttribute('aria-label').catch(() => null)) ?? '';
      const uri = (await this.page.locator('.editor-group-container.active .monaco-editor[data-uri]').first().getAttribute('data-uri').catch(() => null)) ?? '';
      const byUri = uri !== '' && decodeURIComponent(uri).endsWith(abs);
      return (byUri || label.startsWith(base)) && (await this.page.locator('.editor-group-container.active .monaco-editor .view-lines').first().isVisible()) ? true : undefined;
    });
  }

  /**
   * Runs a command from the command palette (F1). `title` is what the palette shows, with the
   * category if it has one, e.g. "Faultline: Run Training". The row whose label equals the title
   * is chosen, so fuzzy matches and recently-used commands cannot pick a different one.
   */
  async runCommand(title: string, timeoutMs = 15_000): Promise<void> {
    await this.closeQuickInput();
    await this.page.keyboard.press('F1');
    let widget: Locator;
    try {
      widget = await this.quickInput();
    } catch {
      // F1 is ignored when focus is in a place that swallows keys (e.g. a webview): refocus and retry.
      await this.focusEditor();
      await this.page.keyboard.press('F1');
      widget = await this.quickInput();
    }
    const input = widget.locator('input.input');
    await input.fill(`>${title}`);
    const rows = widget.locator('.monaco-list-row');
    const want = title.trim().toLowerCase();
    const seen = new Set<string>();
    const row = await waitUntil(`command "${title}" in the palette`, timeoutMs, async () => {
      const n = await rows.count();
      for (let i = 0; i < n; i++) {
        const r = rows.nth(i);
        const label = ((await r.locator('.label-name').first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
        seen.add(label);
        if (label.toLowerCase() === want) return r;
      }
      return undefined;
    }).catch((e: Error) => {
      throw new Error(`${e.message}; the palette listed: ${[...seen].slice(0, 15).map((s) => JSON.stringify(s)).join(', ') || 'nothing'}`);
    });
    await row.click();
    await widget.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
  }

  /**
   * Waits for at least one squiggle of `kind` in the active editor and returns every one, with
   * its 1-based line and (when `hover` is true) the message its hover shows.
   */
  async waitForSquiggle(kind: 'error' | 'warning', timeoutMs = 20_000, { hover = true } = {}): Promise<Squiggle[]> {
    const editor = this.page.locator('.editor-group-container.active .monaco-editor').first();
    const sel = `.view-overlays .squiggly-${kind}, .view-overlays .squiggly-inline-${kind}`;
    await editor.locator(sel).first().waitFor({ state: 'attached', timeout: timeoutMs }).catch(() => {
      throw new Error(`No ${kind} squiggle appeared in the active editor within ${timeoutMs} ms`);
    });
    const found = await editor.evaluate((root, sel) => {
      const numbers = [...root.querySelectorAll('.margin-view-overlays .line-numbers')].map((el) => {
        const r = el.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, n: Number(el.textContent?.trim()) };
      });
      return [...root.querySelectorAll(sel)].map((el) => {
        const r = el.getBoundingClientRect();
        const mid = (r.top + r.bottom) / 2;
        const line = numbers.find((l) => l.n > 0 && mid >= l.top && mid < l.bottom)?.n ?? -1;
        return { line, x: r.left + Math.min(Math.max(r.width / 2, 1), 40), y: mid };
      });
    }, sel);
    const byLine = new Map<number, { x: number; y: number }>();
    for (const f of found) if (!byLine.has(f.line)) byLine.set(f.line, f);
    const out: Squiggle[] = [];
    for (const [line, pos] of [...byLine].sort((a, b) => a[0] - b[0])) {
      out.push({ line, kind, message: hover ? await this.hoverText(pos.x, pos.y) : '' });
    }
    return out;
  }

  /** Moves the mouse to a point in the editor and returns the text of the marker hover shown there. */
  async hoverText(x: number, y: number, timeoutMs = 5000): Promise<string> {
    const hoverSel = '.monaco-hover:not(.hidden) .monaco-hover-content';
    await this.page.mouse.move(x - 30, y + 40);
    await this.page.mouse.move(x, y, { steps: 3 });
    const hover = this.page.locator(hoverSel).first();
    try {
      await hover.waitFor({ state: 'visible', timeout: timeoutMs });
      const marker = hover.locator('.marker.hover-contents');
      const text = (await marker.count()) ? await marker.first().innerText() : await hover.innerText();
      return text.trim();
    } catch {
      return '';
    } finally {
      await this.page.mouse.move(5, 5);
      await this.page.keyboard.press('Escape').catch(() => {});
    }
  }

  /** Opens the Problems panel (if closed) and reads every marker listed in it. */
  async problems(timeoutMs = 10_000): Promise<Problem[]> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) {
      await this.runCommand('View: Focus Problems (Errors, Warnings, Infos)').catch(async () => {
        await this.runCommand('Problems: Focus on Problems View');
      });
      await panel.waitFor({ state: 'visible', timeout: timeoutMs });
    }
    return panel.evaluate((root) => {
      const rows = [...root.querySelectorAll('.monaco-list-row')];
      const out: Problem[] = [];
      let file = '';
      for (const row of rows) {
        const resource = row.querySelector('.resource-label, .monaco-icon-label .label-name');
        const msg = row.querySelector('.marker-message, .marker-message-details');
        if (!row.querySelector('.marker-icon, .marker-message-line, .marker-message')) {
          if (resource) file = resource.textContent?.trim() ?? file;
          continue;
        }
        const icon = row.querySelector('.marker-icon');
        const cls = icon?.className ?? '';
        const severity = /codicon-error|\berror\b/.test(cls) ? 'error' : /codicon-warning|\bwarning\b/.test(cls) ? 'warning' : /codicon-info|\binfo\b/.test(cls) ? 'info' : 'unknown';
        const lineText = row.querySelector('.marker-line')?.textContent ?? row.textContent ?? '';
        const m = /Ln\s*(\d+),\s*Col\s*(\d+)/.exec(lineText) ?? /\[(\d+),\s*(\d+)\]/.exec(lineText);
        const message = (row.querySelector('.marker-message-line .marker-message, .marker-message')?.textContent ?? msg?.textContent ?? '').trim();
        const source = (row.querySelector('.marker-source')?.textContent ?? '').trim() + (row.querySelector('.marker-code')?.textContent ?? '').trim();
        out.push({ severity, message, line: m ? Number(m[1]) : -1, column: m ? Number(m[2]) : -1, file, source });
      }
      return out;
    });
  }

  /**
   * Texts of the code lenses shown in the active editor (one entry per lens; lenses sharing a line
   * are separate entries). Waits up to `timeoutMs` for at least one; returns [] if none appears.
   */
  async codeLenses(timeoutMs = 10_000): Promise<string[]> {
    const editor = this.page.locator('.editor-group-container.active .monaco-editor').first();
    const read = () =>
      editor.evaluate((root) =>
        [...root.querySelectorAll('.codelens-decoration')].flatMap((d) => {
          const parts = [...d.querySelectorAll('a, span:not(:has(*))')].map((a) => a.textContent?.replace(/\u00a0/g, ' ').trim() ?? '');
          const texts = parts.filter((t) => t && t !== '|');
          return texts.length ? texts : [d.textContent?.replace(/\u00a0/g, ' ').trim() ?? ''].filter(Boolean);
        }),
      );
    try {
      return await waitUntil('a code lens', timeoutMs, async () => {
        const t = await read();
        return t.length ? t : undefined;
      }, 150);
    } catch (e) {
      if (e instanceof Timeout) return [];
      throw e;
    }
  }

  /** Clicks the code lens whose text equals (or matches) `text`. */
  async clickCodeLens(text: string | RegExp, timeoutMs = 10_000): Promise<void> {
    const lens = this.page.locator('.editor-group-container.active .codelens-decoration a', { hasText: text }).first();
    await lens.waitFor({ state: 'visible', timeout: timeoutMs }).catch(() => {
      throw new Error(`No code lens matching ${text} within ${timeoutMs} ms`);
    });
    await lens.click();
  }

  /**
   * The inner frame of a webview (where the extension's HTML lives). With `containing`, the first
   * webview whose document contains that text; otherwise the most recently created one.
   */
  async webviewFrame({ containing, timeoutMs = 20_000 }: { containing?: string | RegExp; timeoutMs?: number } = {}): Promise<Frame> {
    return waitUntil(`a webview${containing ? ` containing ${containing}` : ''}`, timeoutMs, async () => {
      // The outer iframe is VS Code's host page (…/webview/browser/pre/index.html); the
      // extension's document is its child iframe #active-frame.
      const inner = this.page.frames().filter((f) => {
        const parent = f.parentFrame();
        return parent !== null && parent !== this.page.mainFrame() && /\/webview\//.test(parent.url()) && f.name() !== '' ? true : parent !== null && /\/webview\//.test(parent.url());
      });
      const candidates: Frame[] = [];
      for (const f of inner.reverse()) {
        if (f.isDetached()) continue;
        const body = await f.evaluate(() => (document.readyState !== 'loading' && document.body ? document.body.innerText : null)).catch(() => null);
        if (body === null) continue;
        if (!containing) return f;
        if (typeof containing === 'string' ? body.includes(containing) : containing.test(body)) candidates.push(f);
      }
      return candidates[0];
    }, 200);
  }

  /** Saves a PNG of the page into test-results/<name>.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, `${name.replace(/[^\w.-]+/g, '_').replace(/\.png$/, '')}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /**
   * Messages of the notifications on screen (toasts). With `all`, also the ones already hidden
   * into the notification center (the center is opened and closed again).
   */
  async notifications({ all = false } = {}): Promise<string[]> {
    const toasts = await this.page.locator('.notifications-toasts .notification-list-item-message').allInnerTexts();
    if (!all) return toasts.map((t) => t.trim());
    const center = this.page.locator('.notifications-center');
    const wasOpen = await center.isVisible();
    if (!wasOpen) await this.runCommand('Notifications: Show Notifications');
    await center.waitFor({ state: 'visible', timeout: 5000 });
    const inCenter = await center.locator('.notification-list-item-message').allInnerTexts();
    if (!wasOpen) await this.runCommand('Notifications: Hide Notifications').catch(() => this.page.keyboard.press('Escape'));
    return [...new Set([...toasts, ...inCenter].map((t) => t.trim()))];
  }

  /** Waits for a notification whose message contains `text` (or matches it) and returns the message. */
  async waitForNotification(text: string | RegExp, timeoutMs = 15_000): Promise<string> {
    const matches = (m: string) => (typeof text === 'string' ? m.includes(text) : text.test(m));
    let last: string[] = [];
    try {
      return await waitUntil(`a notification matching ${text}`, timeoutMs, async () => {
        last = await this.notifications();
        return last.find(matches);
      }, 150);
    } catch (e) {
      // A toast may already have been hidden into the notification center.
      const all = await this.notifications({ all: true }).catch(() => last);
      const hit = all.find(matches);
      if (hit) return hit;
      throw new Error(`${(e as Error).message}; notifications: ${JSON.stringify(all)}`);
    }
  }

  /** Ends Chromium and the whole code-server process tree, then removes the temp dir. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    live.delete(this);
    if (this.browser) {
      const browserClosed = this.browser.close().catch(() => {});
      await Promise.race([browserClosed, new Promise((r) => setTimeout(r, 10_000))]);
    }
    const pid = this.proc.pid;
    if (pid !== undefined) {
      // The extension host and anything it spawned are descendants; node-pty terminals start their
      // own sessions, so the process group alone would miss them.
      const tree = processTree(pid);
      signalAll(tree, 'SIGTERM');
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        // Group already gone.
      }
      try {
        await waitUntil('code-server to exit', 8000, async () => (tree.some(alive) ? undefined : true), 100);
      } catch {
        const left = processTree(pid).concat(tree).filter(alive);
        signalAll(left, 'SIGKILL');
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          // Group already gone.
        }
        await waitUntil('code-server to die after SIGKILL', 5000, async () => (left.some(alive) ? undefined : true)).catch(() => {
          throw new Error(`Processes still running after close(): ${left.filter(alive).join(', ')}`);
        });
      }
    }
    const keep = this.opts.keepTemp || process.env.FAULTLINE_E2E_KEEP === '1';
    if (!keep) fs.rmSync(this.tmpDir, { recursive: true, force: true, maxRetries: 3 });
  }

  /** Synchronous last resort used at process exit. */
  killNow(): void {
    if (this.closed || this.proc.pid === undefined) return;
    signalAll(processTree(this.proc.pid), 'SIGKILL');
    try {
      process.kill(-this.proc.pid, 'SIGKILL');
    } catch {
      // Group already gone.
    }
  }
}
