// Drives a real VS Code (code-server 4.100.3 = VS Code 1.100.3) in Debian Chromium through
// playwright-core. Run scripts/setup-editor.sh once before using it.
//
//   const ed = await launchEditor({ workspace: dir, vsix: 'faultline-0.1.0.vsix' });
//   try {
//     await ed.openFile('train.js');
//     await ed.runCommand('Faultline: Debug Training');
//     const [sq] = await ed.waitForSquiggle('error', 60_000);
//   } finally {
//     await ed.close();
//   }
//
// Environment: FAULTLINE_E2E_DEBUG=1 logs each step with timings to stderr; FAULTLINE_E2E_KEEP=1
// keeps the temp dir (user data, VS Code logs, code-server.log); FAULTLINE_CODE_SERVER_DIR and
// FAULTLINE_CHROMIUM point at another code-server install or browser.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Frame, type Locator, type Page } from 'playwright-core';

// The page.evaluate callbacks below run in the browser. The project compiles without the DOM
// library (the extension must not lean on it), so the DOM globals they use are declared loosely,
// for this module only.
declare const document: any;
type HTMLElement = any;

/** The repo root: two levels above this file, or (in an ES module, where __dirname is missing)
 * the nearest folder upwards from the working directory that has scripts/setup-editor.sh. */
function repoRoot(): string {
  if (process.env.FAULTLINE_ROOT) return path.resolve(process.env.FAULTLINE_ROOT);
  if (typeof __dirname !== 'undefined') return path.resolve(__dirname, '..', '..');
  for (let d = process.cwd(); ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, 'scripts', 'setup-editor.sh'))) return d;
    if (path.dirname(d) === d) return process.cwd();
  }
}
export const REPO_ROOT = repoRoot();
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
  /** The hover's marker messages joined by newlines ('' when not read). */
  message: string;
  /** One entry per marker on that line, as the hover lists them. */
  messages: string[];
}

interface QuickInputRow {
  index: number;
  label: string;
  description: string;
  focused: boolean;
}

export interface Problem {
  severity: 'error' | 'warning' | 'info' | 'unknown';
  message: string;
  /** 1-based line and column. */
  line: number;
  column: number;
  /** File name of the resource group the marker is under. */
  file: string;
  /** Diagnostic source and code, e.g. "faultline" and "E1" ('' when absent). */
  source: string;
  code: string;
}

class Timeout extends Error {}
/** Thrown from a waitUntil probe to stop waiting at once: more time would not help. */
class Fatal extends Error {}

const DEBUG = process.env.FAULTLINE_E2E_DEBUG === '1';
const T0 = Date.now();
function debug(msg: string): void {
  if (DEBUG) process.stderr.write(`[e2e +${((Date.now() - T0) / 1000).toFixed(1)}s] ${msg}\n`);
}

async function waitUntil<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined | false>, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v as T;
    } catch (e) {
      if (e instanceof Fatal) throw e;
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

// code-server runs in its own process group, so a Ctrl+C or a runner's SIGTERM aimed at the test
// process would not reach it: a test that crashed, was cancelled or forgot close() must not leave
// code-server running.
const live = new Set<Editor>();
let cleanupInstalled = false;
function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.once('exit', () => {
    for (const e of live) e.killNow();
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => {
      for (const e of live) e.killNow();
      // With no other handler (e.g. the test runner's) left to decide, exit as the signal would
      // have; process.exit, unlike re-raising, runs the exit hooks, where Playwright kills Chromium.
      if (process.listenerCount(sig) === 0) process.exit(128 + os.constants.signals[sig]);
    });
  }
}

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
  installCleanup();
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

  /** Process id of code-server (its process group leader). */
  get serverPid(): number | undefined {
    return this.proc.pid;
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
    // Signals are handled in installCleanup(): Playwright's own SIGTERM handler closes the browser
    // but keeps the process alive.
    this.browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: !this.opts.headed,
      args: CHROMIUM_ARGS,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    this.context = await this.browser.newContext({ viewport: this.opts.viewport ?? { width: 1400, height: 900 } });
    this.page = await this.context.newPage();
    this.page.setDefaultTimeout(15_000);
    await this.page.goto(this.url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
    await this.page.waitForSelector('.monaco-workbench', { timeout: timeoutMs });
    // The explorer shows the folder's files once the remote file system is connected.
    await this.page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: timeoutMs }).catch(() => {
      throw new Error(`The explorer never listed ${this.workspace} (is the folder empty?)`);
    });
    // code-server logs this once the page's extension host process is running; extensions with
    // startup activation events activate right after.
    await waitUntil('the extension host process to start', timeoutMs, async () => /Launched Extension Host Process/.test(this.log) || undefined, 100);
  }

  /**
   * Gives the keyboard focus to a text editor without moving its cursor (the active group's, else
   * any visible one), so keyboard shortcuts reach the workbench; with no text editor showing, it
   * takes the focus out of any webview by clicking the empty activity bar.
   */
  async focusEditor(): Promise<void> {
    const focused = await this.page.evaluate(() => {
      // 1.100 edits through an EditContext div or, on older paths, a hidden textarea.
      const input = ':is(.native-edit-context, textarea.inputarea)';
      const el =
        document.querySelector(`.editor-group-container.active .monaco-editor ${input}`) ??
        [...document.querySelectorAll(`.part.editor .monaco-editor ${input}`)].find((e) => e.closest('.monaco-editor')?.offsetParent !== null) ??
        null;
      if (!el) return false;
      el.focus();
      return document.activeElement === el;
    });
    if (focused) return;
    const bar = await this.page.locator('.part.activitybar').boundingBox().catch(() => null);
    if (bar) await this.page.mouse.click(bar.x + bar.width / 2, bar.y + bar.height * 0.6);
  }

  /**
   * Closes the transient menus that keep the keyboard for themselves (quick input, Quick Fix menu,
   * context menus, suggestions). Dialogs and notifications are left alone: tests look at those.
   */
  async dismissOverlays(): Promise<void> {
    const overlays = ['.quick-input-widget', '.action-widget', '.context-view .monaco-menu', '.editor-widget.suggest-widget.visible'];
    for (let i = 0; i < overlays.length + 1; i++) {
      const open = await this.page.evaluate((sels) => sels.find((s) => [...document.querySelectorAll(s)].some((e) => e.offsetParent !== null || e.getClientRects().length > 0)), overlays);
      if (!open) return;
      debug(`dismissing ${open}`);
      await this.page.keyboard.press('Escape');
      await this.page.locator(open).first().waitFor({ state: 'hidden', timeout: 2000 }).catch(() => {});
    }
  }

  /**
   * Opens the quick input with `key` (F1: command palette, Control+P: Quick Open) and types
   * `text`. Retries, refocusing the editor, because a key pressed while focus is inside a webview
   * or while another widget is closing does not reach the workbench.
   */
  private async openQuickInput(key: 'F1' | 'Control+P', text: string): Promise<Locator> {
    const widget = this.page.locator('.quick-input-widget');
    let lastError: unknown;
    for (let attempt = 0; attempt < 3; attempt++) {
      await this.dismissOverlays();
      // Keys pressed while a webview's iframe has the focus stay in the webview.
      const inFrame = await this.page.evaluate(() => document.activeElement?.tagName === 'IFRAME');
      if (attempt > 0 || inFrame) await this.focusEditor();
      await this.page.keyboard.press(key);
      try {
        await widget.waitFor({ state: 'visible', timeout: 3000 + attempt * 2000 });
        await widget.locator('input.input').fill(text, { timeout: 3000 });
        return widget;
      } catch (e) {
        lastError = e;
        debug(`${key} attempt ${attempt + 1} failed: ${(e as Error).message.split('\n')[0]}`);
      }
    }
    throw new Error(`The ${key === 'F1' ? 'command palette' : 'Quick Open'} did not open: ${(lastError as Error)?.message.split('\n')[0]}`);
  }

  /**
   * The rows the quick input lists now. Read in one evaluate: locator reads such as textContent()
   * wait for a missing element instead of failing, which inside a polling loop turns one odd row
   * (a separator, "No matching results") into a 15 s stall.
   */
  private quickInputRows(): Promise<QuickInputRow[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('.quick-input-widget .monaco-list-row')].map((r) => ({
        index: Number(r.getAttribute('data-index') ?? -1),
        label: (r.querySelector('.label-name')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        description: (r.querySelector('.label-description')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        focused: r.classList.contains('focused'),
      })),
    );
  }

  /**
   * Waits until the quick input lists a row that `match` accepts, moves the list focus onto it
   * with the arrow keys and presses Enter. Keys rather than a click: the list re-renders as
   * results stream in, and a click can land on a row that just took the place of the one meant.
   */
  private async acceptQuickInputRow(what: string, timeoutMs: number, match: (r: QuickInputRow) => boolean): Promise<void> {
    let seen: string[] = [];
    await waitUntil(what, timeoutMs, async () => {
      const rows = await this.quickInputRows();
      seen = rows.map((r) => `${r.label} ${r.description}`.trim());
      const target = rows.find(match);
      if (!target) return undefined;
      const focused = rows.find((r) => r.focused);
      if (focused && match(focused)) {
        await this.page.keyboard.press('Enter');
        return true;
      }
      await this.page.keyboard.press(focused && focused.index > target.index ? 'ArrowUp' : 'ArrowDown');
      return undefined;
    }, 50).catch((e: Error) => {
      throw new Error(`${e.message}; the list showed: ${JSON.stringify(seen.slice(0, 15))}`);
    });
  }

  /** Opens a workspace file by Quick Open (Ctrl+P) and waits until its editor is active. */
  async openFile(relativePath: string, timeoutMs = 20_000): Promise<void> {
    const abs = path.resolve(this.workspace, relativePath);
    if (!fs.existsSync(abs)) throw new Error(`openFile: ${abs} does not exist`);
    const rel = path.relative(this.workspace, abs).split(path.sep).join('/');
    const base = path.posix.basename(rel);
    const dir = path.posix.dirname(rel);
    debug(`openFile ${rel}`);
    const widget = await this.openQuickInput('Control+P', rel);
    // The first file search in a fresh workspace takes a few seconds. A root file has no
    // description; a nested one shows its folder relative to the workspace.
    await this.acceptQuickInputRow(`Quick Open to list ${rel}`, timeoutMs, (r) =>
      r.label === base && (dir === '.' ? r.description === '' : r.description === dir || r.description.endsWith(`/${dir}`)),
    );
    await widget.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
    await this.waitForActiveEditor(abs, timeoutMs);
    debug(`openFile ${rel}: editor active`);
  }

  /** URI (decoded) and tab label of the active editor, read without waiting. */
  activeEditor(): Promise<{ uri: string; tab: string; textVisible: boolean }> {
    return this.page.evaluate(() => {
      const group = document.querySelector('.editor-group-container.active');
      const editor = group?.querySelector('.monaco-editor[data-uri]');
      const lines = group?.querySelector('.monaco-editor .view-lines');
      return {
        uri: decodeURIComponent(editor?.getAttribute('data-uri') ?? ''),
        tab: group?.querySelector('.tab.active')?.getAttribute('aria-label') ?? '',
        textVisible: !!lines && (lines as HTMLElement).offsetParent !== null,
      };
    });
  }

  private async waitForActiveEditor(abs: string, timeoutMs: number): Promise<void> {
    let last = { uri: '', tab: '', textVisible: false };
    await waitUntil(`an editor for ${abs} to become active`, timeoutMs, async () => {
      last = await this.activeEditor();
      return last.textVisible && (last.uri.endsWith(abs) || last.tab.startsWith(path.basename(abs))) ? true : undefined;
    }).catch((e: Error) => {
      throw new Error(`${e.message}; active editor: ${JSON.stringify(last)}`);
    });
  }

  /**
   * Runs a command from the command palette (F1). `title` is what the palette shows, with the
   * category if it has one, e.g. "Faultline: Run Training". Only the row whose label equals the
   * title (case-insensitively) is chosen, so a fuzzy match or a recently used command never runs
   * instead.
   */
  async runCommand(title: string, timeoutMs = 15_000): Promise<void> {
    debug(`runCommand ${title}`);
    const widget = await this.openQuickInput('F1', `>${title}`);
    const want = title.replace(/\s+/g, ' ').trim().toLowerCase();
    await this.acceptQuickInputRow(`command "${title}" in the palette`, timeoutMs, (r) => r.label.toLowerCase() === want);
    await widget.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
  }

  /** Where each squiggle of `kind` in the active editor is now, with its 1-based line. */
  private squiggles(kind: 'error' | 'warning'): Promise<{ line: number; x: number; y: number }[]> {
    const sel = `.editor-group-container.active .monaco-editor .view-overlays :is(.squiggly-${kind}, .squiggly-inline-${kind})`;
    // Squiggles carry no line number: match each one's vertical position against the gutter's
    // line numbers (view zones such as code lenses shift lines, so counting rows would be wrong).
    return this.page.evaluate((sel) => {
      const squiggles = [...document.querySelectorAll(sel)];
      const root = squiggles[0]?.closest('.monaco-editor');
      const numbers = [...(root?.querySelectorAll('.margin-view-overlays .line-numbers') ?? [])].map((el) => {
        const r = el.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, n: Number(el.textContent?.trim()) };
      });
      return squiggles.map((el) => {
        const r = el.getBoundingClientRect();
        const mid = (r.top + r.bottom) / 2;
        const line = numbers.find((l) => l.n > 0 && mid >= l.top && mid < l.bottom)?.n ?? -1;
        return { line, x: r.left + Math.min(Math.max(r.width / 2, 1), 40), y: mid - 3 };
      });
    }, sel);
  }

  /**
   * Waits for at least one squiggle of `kind` in the active editor group's editor and returns one
   * entry per line that has such a squiggle, with the 1-based line and (when `hover` is true) the
   * marker messages its hover shows. Only lines scrolled into view are rendered, so only those are
   * seen.
   */
  async waitForSquiggle(kind: 'error' | 'warning', timeoutMs = 20_000, { hover = true } = {}): Promise<Squiggle[]> {
    const sel = `.editor-group-container.active .monaco-editor .view-overlays :is(.squiggly-${kind}, .squiggly-inline-${kind})`;
    await this.page.locator(sel).first().waitFor({ state: 'attached', timeout: timeoutMs }).catch(() => {
      throw new Error(`No ${kind} squiggle appeared in the active editor within ${timeoutMs} ms`);
    });
    const lines = [...new Set((await this.squiggles(kind)).map((s) => s.line))].sort((a, b) => a - b);
    const out: Squiggle[] = [];
    for (const line of lines) {
      const messages = hover ? await this.hoverSquiggle(kind, line) : [];
      out.push({ line, kind, message: messages.join('\n'), messages });
    }
    return out;
  }

  /** Parks the mouse where it hovers nothing: the empty middle of the activity bar. */
  private async parkMouse(): Promise<void> {
    const bar = await this.page.locator('.part.activitybar').boundingBox().catch(() => null);
    const vp = this.page.viewportSize() ?? { width: 1400, height: 900 };
    if (bar && bar.width > 0) await this.page.mouse.move(bar.x + bar.width / 2, bar.y + bar.height * 0.6);
    else await this.page.mouse.move(vp.width - 30, vp.height / 2);
  }

  /**
   * Hovers the `kind` squiggle on a 1-based line of the active editor and returns the marker
   * messages its hover shows (without source and code), or [] if none appeared in `timeoutMs`.
   */
  async hoverSquiggle(kind: 'error' | 'warning', line: number, timeoutMs = 9000): Promise<string[]> {
    // Not ".monaco-hover" alone: the workbench's tooltips (status bar, tabs) use the same class.
    const markers = this.page.locator('.monaco-hover:not(.hidden) .marker.hover-contents');
    const attempts = 3;
    try {
      for (let attempt = 0; attempt < attempts; attempt++) {
        // Located afresh each time: a code lens or other view zone arriving late moves the line.
        const at = (await this.squiggles(kind)).find((s) => s.line === line);
        if (!at) return [];
        await this.parkMouse();
        await this.page.mouse.move(at.x, at.y + 4, { steps: 2 });
        await this.page.mouse.move(at.x, at.y, { steps: 2 });
        try {
          await markers.first().waitFor({ state: 'visible', timeout: timeoutMs / attempts });
        } catch {
          continue;
        }
        // Each marker is one .marker.hover-contents: the message span, then source(code) faded.
        return await markers.evaluateAll((ms) => ms.map((m) => (m.firstElementChild?.textContent ?? m.textContent ?? '').trim()));
      }
      return [];
    } finally {
      // Escape would also hide notification toasts, so move away instead.
      await this.parkMouse();
      await markers.first().waitFor({ state: 'hidden', timeout: 3000 }).catch(() => {});
    }
  }

  /**
   * Opens the Problems panel (if it is not showing) and reads the markers it lists, for every
   * file. The list is virtualised: with more markers than fit in the panel, only the visible ones
   * are read.
   */
  async problems(timeoutMs = 10_000): Promise<Problem[]> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) {
      await this.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
      await panel.waitFor({ state: 'visible', timeout: timeoutMs });
    }
    // Rows render a moment after the panel shows; markers arriving later are the caller's to wait for.
    await panel.locator('.monaco-list-row').first().waitFor({ state: 'attached', timeout: 3000 }).catch(() => {});
    return panel.evaluate((root) => {
      const out: Problem[] = [];
      let file = '';
      for (const row of root.querySelectorAll('.monaco-list-row')) {
        const icon = row.querySelector('.marker-icon');
        if (!icon) {
          // A resource row: the markers below it belong to this file.
          file = row.querySelector('.label-name')?.textContent?.trim() ?? file;
          continue;
        }
        const cls = icon.className;
        const severity = /\berror\b/.test(cls) ? 'error' : /\bwarning\b/.test(cls) ? 'warning' : /\binfo\b/.test(cls) ? 'info' : 'unknown';
        // A multi-line message is one .marker-message-line per line.
        const message = [...row.querySelectorAll('.marker-message-line .marker-message')].map((m) => m.textContent ?? '').join('\n').trim();
        const m = /Ln\s*(\d+),\s*Col\s*(\d+)/.exec(row.querySelector('.marker-line')?.textContent ?? '');
        out.push({
          severity,
          message,
          line: m ? Number(m[1]) : -1,
          column: m ? Number(m[2]) : -1,
          file,
          source: row.querySelector('.marker-source')?.textContent?.trim() ?? '',
          code: row.querySelector('.marker-code')?.textContent?.trim() ?? '',
        });
      }
      return out;
    });
  }

  /** Reads the code lens texts of the active editor group's editor now, without waiting. */
  private readCodeLenses(): Promise<string[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('.editor-group-container.active .monaco-editor .codelens-decoration')].flatMap((d) =>
        // Lenses on one line are sibling <a> (or <span> when they have no command) joined by "|".
        [...d.children].map((c) => (c.textContent ?? '').replace(/\u00a0/g, ' ').trim()).filter((t) => t !== '' && t !== '|'),
      ),
    );
  }

  /**
   * Texts of the code lenses in the active editor group's editor, in document order, one entry per
   * lens. Waits up to `timeoutMs` for at least one; returns [] if none appears.
   */
  async codeLenses(timeoutMs = 10_000): Promise<string[]> {
    try {
      return await waitUntil('a code lens', timeoutMs, async () => {
        const t = await this.readCodeLenses();
        return t.length ? t : undefined;
      }, 150);
    } catch (e) {
      if (e instanceof Timeout) return [];
      throw e;
    }
  }

  /** Clicks the code lens whose text contains (or matches) `text`. */
  async clickCodeLens(text: string | RegExp, timeoutMs = 10_000): Promise<void> {
    const lens = this.page.locator('.editor-group-container.active .codelens-decoration a', { hasText: text }).first();
    await lens.waitFor({ state: 'visible', timeout: timeoutMs }).catch(() => {
      throw new Error(`No code lens matching ${text} within ${timeoutMs} ms`);
    });
    await lens.click();
  }

  /**
   * The inner frame of a webview, which holds the extension's HTML. With `containing`, the
   * webview whose body text contains (or matches) it; otherwise the most recently created one.
   */
  async webviewFrame({ containing, timeoutMs = 20_000 }: { containing?: string | RegExp; timeoutMs?: number } = {}): Promise<Frame> {
    // Each webview is an iframe on VS Code's host page (.../webview/browser/pre/index.html); the
    // extension's document is that page's own child iframe.
    const isHost = (f: Frame | null) => !!f && /\/webview\/browser\/pre\/index\.html/.test(f.url());
    return waitUntil(`a webview${containing ? ` containing ${containing}` : ''}`, timeoutMs, async () => {
      const inner = this.page.frames().filter((f) => !f.isDetached() && isHost(f.parentFrame()));
      for (const f of inner.reverse()) {
        const body = await f.evaluate(() => (document.readyState !== 'loading' && document.body ? document.body.innerText : null)).catch(() => null);
        if (body === null) continue;
        if (!containing || (typeof containing === 'string' ? body.includes(containing) : containing.test(body))) return f;
      }
      return undefined;
    }, 200);
  }

  /** Moves the cursor of the active editor to a 1-based line (and column) via the palette's ":" mode. */
  async goToLine(line: number, column = 1, timeoutMs = 10_000): Promise<void> {
    const widget = await this.openQuickInput('F1', `:${line}:${column}`);
    // Enter before the ":" provider has taken over would run whatever the palette listed before.
    let listed: string[] = [];
    await waitUntil(`the "Go to line ${line}" entry`, timeoutMs, async () => {
      listed = (await this.quickInputRows()).map((r) => r.label);
      if (listed.some((l) => /text editor first/i.test(l))) throw new Fatal('goToLine: the active editor group shows no text editor (open a file first)');
      return listed.some((l) => /^Go to line \d+/.test(l)) || undefined;
    }).catch((e: Error) => {
      throw new Error(`${e.message}; listed: ${JSON.stringify(listed)}`);
    });
    await this.page.keyboard.press('Enter');
    await widget.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
    const status = this.page.locator('[id="status.editor.selection"]');
    await waitUntil(`the cursor to reach line ${line}`, timeoutMs, async () => ((await status.innerText({ timeout: 1000 })).startsWith(`Ln ${line}, Col ${column}`) ? true : undefined));
  }

  /** Titles of the rows of the open Quick Fix menu. */
  private quickFixTitles(): Promise<string[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('.action-widget .monaco-list-row.action')].map((r) => (r.querySelector('.title')?.textContent ?? r.getAttribute('aria-label') ?? '').trim()),
    );
  }

  /**
   * Opens the Quick Fix menu at a 1-based line and column and returns its titles once `done`
   * accepts them, asking again while it does not: right after a file opens (while the TypeScript
   * server starts, for one) the menu can come up as "No code actions available" although a
   * provider has actions. Leaves the menu open when it returns titles; [] means none came in time.
   */
  private async openQuickFix(line: number, column: number, timeoutMs: number, done: (titles: string[]) => boolean): Promise<string[]> {
    await this.goToLine(line, column);
    const deadline = Date.now() + timeoutMs;
    let titles: string[] = [];
    do {
      await this.runCommand('Quick Fix...');
      const none = this.page.locator('.monaco-editor-overlaymessage', { hasText: /No code actions/ });
      titles = await waitUntil(`the Quick Fix menu at line ${line}`, Math.max(2000, Math.min(5000, deadline - Date.now())), async () => {
        const t = await this.quickFixTitles();
        if (t.length && (await this.page.locator('.action-widget').first().isVisible())) return t;
        if ((await none.count()) > 0 && (await none.first().isVisible())) return [] as string[];
        return undefined;
      }).catch(() => [] as string[]);
      if (done(titles)) return titles;
      await this.dismissOverlays();
      await new Promise((r) => setTimeout(r, 500));
    } while (Date.now() < deadline);
    return titles.length && done(titles) ? titles : [];
  }

  /**
   * Titles of the code actions the Quick Fix menu (Ctrl+.) lists at a 1-based line (and column):
   * quick fixes, and refactorings such as TypeScript's "Move to file". The menu is closed again.
   * An empty answer is asked again until `timeoutMs`, so [] costs that long.
   */
  async quickFixes(line: number, column = 1, timeoutMs = 5000): Promise<string[]> {
    const titles = await this.openQuickFix(line, column, timeoutMs, (t) => t.length > 0);
    await this.dismissOverlays();
    return titles;
  }

  /** Applies the quick fix whose title contains (or matches) `title` at a 1-based line. */
  async applyQuickFix(line: number, title: string | RegExp, column = 1, timeoutMs = 20_000): Promise<void> {
    const matches = (t: string) => (typeof title === 'string' ? t.includes(title) : title.test(t));
    const titles = await this.openQuickFix(line, column, timeoutMs, (t) => t.some(matches));
    const want = titles.find(matches);
    if (want === undefined) {
      const offered = await this.quickFixTitles();
      await this.dismissOverlays();
      throw new Error(`No quick fix matching ${title} at line ${line} within ${timeoutMs} ms; offered: ${JSON.stringify(offered)}`);
    }
    // Keyboard, not a click: the menu lays a pointer-blocking layer over itself while the mouse
    // has not moved since it opened, and Playwright's click lands on that layer.
    const focused = this.page.locator('.action-widget .monaco-list-row.action.focused');
    const focusedTitle = async () => ((await focused.first().getAttribute('aria-label', { timeout: 2000 }).catch(() => '')) ?? '').trim();
    for (let i = 0; i <= titles.length && (await focusedTitle()) !== want; i++) await this.page.keyboard.press('ArrowDown');
    const now = await focusedTitle();
    if (now !== want) {
      await this.dismissOverlays();
      throw new Error(`Could not move the Quick Fix selection to ${JSON.stringify(want)} (it is on ${JSON.stringify(now)})`);
    }
    await this.page.keyboard.press('Enter');
    await this.page.locator('.action-widget').first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
  }

  /** Saves the active editor (File: Save) and waits until its tab no longer shows unsaved changes. */
  async save(timeoutMs = 10_000): Promise<void> {
    await this.runCommand('File: Save');
    await waitUntil('the active editor to be saved', timeoutMs, async () =>
      (await this.page.locator('.editor-group-container.active .tab.active.dirty').count()) === 0 || undefined,
    );
  }

  /**
   * What an extension wrote to its output channel `name` (VS Code mirrors every channel into a
   * log file), or '' if no such channel exists yet.
   */
  outputChannel(name: string): string {
    const hits: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (/^output_logging_/.test(path.basename(d)) && e.name.replace(/^\d+-/, '') === `${name}.log`) hits.push(p);
      }
    };
    if (fs.existsSync(this.logsDir)) walk(this.logsDir);
    return hits.map((f) => fs.readFileSync(f, 'utf8')).join('');
  }

  /** Saves a PNG of the page into test-results/<name>.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, `${name.replace(/[^\w.-]+/g, '_').replace(/\.png$/, '')}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /**
   * Messages of the notification toasts on screen. With `all`, also those already hidden into the
   * notification center (which is opened for the read and closed again).
   */
  async notifications({ all = false } = {}): Promise<string[]> {
    const toasts = (await this.page.locator('.notifications-toasts .notification-list-item-message').allInnerTexts()).map((t) => t.trim());
    if (!all) return toasts;
    const center = this.page.locator('.notifications-center');
    const wasOpen = await center.isVisible();
    if (!wasOpen) await this.runCommand('Notifications: Show Notifications');
    await center.waitFor({ state: 'visible', timeout: 5000 });
    const inCenter = (await center.locator('.notification-list-item-message').allInnerTexts()).map((t) => t.trim());
    if (!wasOpen) {
      await this.runCommand('Notifications: Hide Notifications');
      await center.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
    }
    return [...new Set([...toasts, ...inCenter])];
  }

  /**
   * Waits for a notification whose message contains `text` (or matches it) and returns the
   * message. Toasts hide themselves after a while, so the notification center is checked too.
   */
  async waitForNotification(text: string | RegExp, timeoutMs = 15_000): Promise<string> {
    const matches = (m: string) => (typeof text === 'string' ? m.includes(text) : text.test(m));
    let last: string[] = [];
    // Give a new toast a moment to render before falling back to the center.
    let nextCenterCheck = Date.now() + 1500;
    try {
      return await waitUntil(`a notification matching ${text}`, timeoutMs, async () => {
        last = await this.notifications();
        let hit = last.find(matches);
        // The bell shows a dot while the center holds notifications not yet seen there; opening
        // the center clears it, so the center is read only when something new went into it.
        if (!hit && Date.now() > nextCenterCheck && (await this.page.locator('#status\\.notifications .codicon-bell-dot').count()) > 0) {
          nextCenterCheck = Date.now() + 2000;
          last = await this.notifications({ all: true });
          hit = last.find(matches);
        }
        return hit;
      }, 150);
    } catch (e) {
      throw new Error(`${(e as Error).message}; notifications: ${JSON.stringify(last)}`);
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
      // Until Node reaps it, our direct child lingers as a zombie that still answers kill(pid, 0).
      if (this.proc.exitCode === null && this.proc.signalCode === null) {
        await Promise.race([once(this.proc, 'exit'), new Promise((r) => setTimeout(r, 5000))]);
      }
    }
    const keep = this.opts.keepTemp || process.env.FAULTLINE_E2E_KEEP === '1';
    if (!keep) fs.rmSync(this.tmpDir, { recursive: true, force: true, maxRetries: 3 });
  }

  /** Synchronous last resort used at process exit and on signals. */
  killNow(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.proc.pid !== undefined) {
      signalAll(processTree(this.proc.pid), 'SIGKILL');
      try {
        process.kill(-this.proc.pid, 'SIGKILL');
      } catch {
        // Group already gone.
      }
    }
    if (!(this.opts.keepTemp || process.env.FAULTLINE_E2E_KEEP === '1')) {
      try {
        fs.rmSync(this.tmpDir, { recursive: true, force: true });
      } catch {
        // A dying process may still be writing a log; a leftover temp dir is harmless.
      }
    }
  }
}
