/**
 * The editor side of a run: starts the user's script under the probe, streams the trace into a
 * Session, shows progress, diagnostics, fixes and lenses, and owns the process (Stop, a new run
 * or closing the window end it and everything it started). Loaded on the first command, so
 * activation does not pay for the engine.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import * as vscode from 'vscode';
import type { Finding } from '../analysis/findings';
import { applyEdits } from '../analysis/fixes';
import { RunState, type ProcessEnd } from '../analysis/run-state';
import type { TraceEvent } from '../analysis/trace';
import { checkScript, launch, LaunchError, type RunExit, type RunHandle } from '../runner/launch';
import { TrendPanel } from './panel';
import { DiagnosticsPublisher, FixProvider, LensProvider, toWorkspaceEdit, type VerifyArgs } from './providers';
import { envOverrides, resolveRun, SettingError, type ResolvedRun } from './run-config';
import { currentText, Session } from './session';
import { Throttle } from './throttle';
import { readTraceFile, TraceFileError } from './trace-file';
import { judgeVerification, SHIM_SOURCE, VERIFY_MAP_ENV, verifyNodeOptions, type VerifyOutcome } from './verify-logic';
import { faultStatus, fixesOf, fixKey, progressText, type ProgressFacts } from './view-model';

const KILL_WAIT_MS = 3000;

interface ActiveRun {
  kind: 'train' | 'verify' | 'replay';
  handle: RunHandle | null;
  /** Set by Stop; a replay checks it between chunks. */
  cancelled: boolean;
  /** Ended to make way for a fix's verification: what it found stands, as at a run's end. */
  yieldedToVerify?: boolean;
  done: Thenable<unknown>;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export class Faultline implements vscode.Disposable {
  private readonly output = vscode.window.createOutputChannel('Faultline');
  private readonly status = vscode.window.createStatusBarItem('faultline.status', vscode.StatusBarAlignment.Left, 20);
  private readonly publisher = new DiagnosticsPublisher();
  private readonly lenses: LensProvider;
  private readonly verified = new Map<string, boolean>();
  private readonly disposables: vscode.Disposable[] = [];
  private session: Session | undefined;
  /** The status bar's view of the last Debug Training run. */
  private progressView: ProgressView | undefined;
  private activeRun: ActiveRun | undefined;
  private disposed = false;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.status.name = 'Faultline';
    this.lenses = new LensProvider(() => this.session);
    const selector: vscode.DocumentSelector = { scheme: 'file' };
    this.disposables.push(
      this.output,
      this.status,
      this.publisher,
      this.lenses,
      vscode.languages.registerCodeActionsProvider(selector, new FixProvider(() => this.session, this.verified), { providedCodeActionKinds: FixProvider.kinds }),
      vscode.languages.registerCodeLensProvider(selector, this.lenses),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('faultline.codeLens.enabled')) this.lenses.refresh(true);
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.lenses.refresh(true)),
      this.publisher.onDidPublish((session) => this.progressView?.published(session)),
      // A lens whose line was edited is withdrawn (it described the old line) at once.
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.session && e.contentChanges.length > 0 && e.document.uri.scheme === 'file') this.lenses.refresh();
      }),
    );
  }

  private get active(): ActiveRun | undefined {
    return this.activeRun;
  }

  /** The context key shows Stop Training in the Run menu while something runs. */
  private set active(run: ActiveRun | undefined) {
    const was = this.activeRun !== undefined;
    this.activeRun = run;
    if (was !== (run !== undefined)) void vscode.commands.executeCommand('setContext', 'faultline.running', run !== undefined);
  }

  private get probePath(): string {
    return path.join(this.context.extensionPath, 'dist', 'probe.js');
  }

  // -------------------------------------------------------------------------------------------
  // Commands

  async debugTraining(arg?: unknown): Promise<void> {
    if (!vscode.workspace.isTrusted) {
      const pick = await vscode.window.showErrorMessage(
        'Faultline: Debug Training runs your script, and this workspace is in Restricted Mode. Trust the workspace to run training (Open Trace File… works without trust).',
        'Manage Workspace Trust',
      );
      if (pick) void vscode.commands.executeCommand('workbench.trust.manage');
      return;
    }
    const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      void vscode.window.showErrorMessage('Faultline: open a training script (.js, .mjs, .cjs or .ts) first, or pick one in the Explorer.');
      return;
    }
    if (uri.scheme !== 'file') {
      void vscode.window.showErrorMessage(uri.scheme === 'untitled' ? 'Faultline: save the script to a file first.' : `Faultline: only files on disk can be run (this one is ${uri.scheme}:).`);
      return;
    }
    let script: string;
    let config: ResolvedRun;
    try {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (doc?.isDirty && !(await doc.save())) throw new LaunchError(`Could not save ${path.basename(uri.fsPath)} before running it.`);
      script = checkScript(uri.fsPath);
      config = this.resolveSettings(uri, script);
    } catch (e) {
      void vscode.window.showErrorMessage(`Faultline: ${errorText(e)}`);
      return;
    }
    await this.stopActive();
    if (this.disposed) return;
    await this.train(script, config);
  }

  async stopTraining(): Promise<void> {
    if (!this.active) {
      void vscode.window.setStatusBarMessage('Faultline: nothing is running', 3000);
      return;
    }
    await this.stopActive();
  }

  async openTrace(arg?: unknown): Promise<void> {
    let uri = arg instanceof vscode.Uri ? arg : undefined;
    if (!uri) {
      const picked = await vscode.window.showOpenDialog({
        canSelectMany: false,
        openLabel: 'Open Trace',
        title: 'Open a Faultline trace (recorded with faultline run --trace)',
        filters: { 'Faultline trace': ['jsonl'], 'All files': ['*'] },
      });
      uri = picked?.[0];
    }
    if (!uri) return;
    if (uri.scheme !== 'file') {
      void vscode.window.showErrorMessage('Faultline: trace files must be on disk.');
      return;
    }
    await this.stopActive();
    await this.replay(uri.fsPath);
  }

  showOutput(): void {
    this.output.show(true);
  }

  showPanel(layer?: unknown): void {
    const panel = TrendPanel.show(this.context, typeof layer === 'string' ? layer : undefined);
    if (this.session) panel.update(this.session.state, !this.session.ended);
  }

  /** A trend panel kept across a window reload comes back (empty until the next run). */
  revivePanel(panel: vscode.WebviewPanel, state: unknown): void {
    TrendPanel.revive(panel, this.context, state);
  }

  // -------------------------------------------------------------------------------------------
  // Runs

  private resolveSettings(uri: vscode.Uri, script: string): ResolvedRun {
    const cfg = vscode.workspace.getConfiguration('faultline', uri);
    const folder = vscode.workspace.getWorkspaceFolder(uri) ?? vscode.workspace.workspaceFolders?.[0];
    return resolveRun(
      { nodePath: cfg.get('nodePath'), args: cfg.get('args'), env: cfg.get('env'), cwd: cfg.get('cwd') },
      { workspaceFolder: folder?.uri.fsPath, file: script, userHome: os.homedir(), env: process.env },
      { execPath: process.execPath, envPath: process.env.PATH ?? process.env.Path },
    );
  }

  /** Ends the current run (and its process tree) and waits until it is gone. */
  private async stopActive(forVerify = false): Promise<void> {
    const run = this.active;
    if (!run) return;
    run.cancelled = true;
    if (forVerify) run.yieldedToVerify = true;
    run.handle?.stop();
    const pid = run.handle?.pid;
    const gone = await Promise.race([run.done.then(() => true, () => true), new Promise<boolean>((r) => setTimeout(() => r(false), KILL_WAIT_MS))]);
    if (!gone && pid !== undefined) killGroup(pid);
  }

  private logHeader(what: string, config: ResolvedRun, script: string): void {
    const time = new Date().toLocaleTimeString();
    const args = config.args.length ? ` ${config.args.join(' ')}` : '';
    this.output.appendLine(`\n[${time}] ${what}: ${config.nodePath} ${script}${args}  (cwd ${config.cwd})`);
  }

  private streamOutput(): { onStdout(c: Buffer): void; onStderr(c: Buffer): void } {
    const out = new StringDecoder('utf8');
    const err = new StringDecoder('utf8');
    return {
      onStdout: (c) => this.output.append(out.write(c)),
      onStderr: (c) => this.output.append(err.write(c)),
    };
  }

  private async train(script: string, config: ResolvedRun): Promise<void> {
    const session = new Session('live', script, config);
    this.session = session;
    this.publisher.attach(session);
    this.lenses.refresh(true);
    const name = path.basename(script);
    const stopAtFirstFault = vscode.workspace.getConfiguration('faultline', vscode.Uri.file(script)).get<boolean>('stopAtFirstFault', true);
    this.logHeader('Debug Training', config, script);

    let stoppedAtFault = false;
    let engineError: string | null = null;
    let handle: RunHandle | null = null;
    const run: ActiveRun = { kind: 'train', handle: null, cancelled: false, done: Promise.resolve() };
    const progress = new ProgressView(this.status, `Training ${name}`);
    this.progressView = progress;
    const onEvent = (event: TraceEvent) => {
      let changed: Finding[];
      try {
        changed = session.state.ingest(event);
      } catch (e) {
        // An engine bug must not take the editor down; the run goes on without diagnosis.
        if (!engineError) {
          engineError = errorText(e);
          this.output.appendLine(`[faultline] internal error while diagnosing: ${engineError}`);
        }
        return;
      }
      progress.update(progressFacts(session));
      TrendPanel.current?.update(session.state, true);
      if (event.type === 'model' || event.type === 'iter') this.lenses.refresh();
      if (changed.length > 0) {
        this.publisher.request();
        this.lenses.refresh();
        this.notifyFault(session);
        if (stopAtFirstFault && !stoppedAtFault && session.state.engine.hasConfirmedFault()) {
          stoppedAtFault = true;
          handle?.stop();
        }
      }
    };

    const streams = this.streamOutput();
    const done = (async (): Promise<void> => {
      let exit: RunExit;
      try {
        handle = launch({
          script,
          args: config.args,
          cwd: config.cwd,
          env: envOverrides(config),
          nodePath: config.nodePath,
          probePath: this.probePath,
          onEvent,
          onInvalid: () => session.state.noteInvalid(),
          ...streams,
        });
        run.handle = handle;
        exit = await handle.done;
      } catch (e) {
        exit = { code: null, signal: null, reason: 'failed-to-start', startError: errorText(e), durationMs: 0 };
      }
      const end: ProcessEnd = { ...exit, stoppedAtFault };
      this.finishSession(session, end);
      TrendPanel.current?.update(session.state, false);
      // Stopped by the user, not at a fault it was told to stop at, nor to make way for a fix's verification.
      const byUser = run.cancelled && !stoppedAtFault && !run.yieldedToVerify;
      progress.done(session, end, byUser, run.yieldedToVerify);
      this.output.appendLine(`[faultline] ${describeEnd(session, end, byUser, run.yieldedToVerify)}`);
    })();
    run.done = done;
    this.active = run;
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Faultline: ${name}`, cancellable: true },
      (p, token) => {
        progress.attach(p);
        token.onCancellationRequested(() => void this.stopActive());
        return done;
      },
    );
    try {
      await done;
    } finally {
      if (this.active === run) this.active = undefined;
    }
  }

  private finishSession(session: Session, end: ProcessEnd): void {
    try {
      session.report = session.state.finish(end);
      session.runError = session.report.run.error;
    } catch (e) {
      session.runError = { message: `Faultline could not finish the diagnosis: ${errorText(e)}`, site: null };
    }
    session.ended = true;
    if (this.session !== session) return;
    this.publisher.publishNow();
    this.lenses.refresh(true);
    if (session.runError && end.reason !== 'stopped') {
      const err = session.runError;
      const actions = err.site ? ['Go to Error', 'Show Output'] : ['Show Output'];
      void vscode.window.showErrorMessage(`Faultline: ${err.message}`, ...actions).then((pick) => {
        if (pick === 'Show Output') this.showOutput();
        else if (pick === 'Go to Error' && err.site) void reveal(err.site.file, err.site.line);
      });
      return;
    }
    this.notifyFault(session, true);
    const report = session.report;
    if (!report || session.notifiedFault || end.reason === 'stopped' && !end.stoppedAtFault) return;
    const warnings = report.findings.filter((f) => !f.confirmed).length;
    const extra = warnings > 0 ? ` ${warnings} configuration warning${warnings === 1 ? '' : 's'} in the Problems panel.` : '';
    if (report.verdict === 'healthy') void vscode.window.showInformationMessage(`Faultline: no fault found in ${report.run.iterations} training iterations.${extra}`);
    else if (report.verdict === 'inconclusive') void vscode.window.showInformationMessage(`Faultline: training ended after ${report.run.iterations} iterations without a confirmed fault (too short to be sure).${extra}`);
  }

  /**
   * One notification per run, for the first confirmed fault of the model. A confirmed finding
   * about the script alone (a memory leak, a warning) is told when the run ends without one.
   */
  private notifyFault(session: Session, atEnd = false): void {
    if (session.notifiedFault || this.session !== session) return;
    const findings = session.state.engine.findings();
    const fault = findings.find((f) => f.confirmed && f.severity === 'error') ?? (atEnd ? findings.find((f) => f.confirmed) : undefined);
    if (!fault) return;
    session.notifiedFault = true;
    const site = fault.location;
    const layer = fault.layer ? ` in ${fault.layer.name}` : '';
    const actions = [...(site ? ['Go to Line'] : []), 'Show Trends'];
    const shown =
      fault.severity === 'error'
        ? vscode.window.showErrorMessage(`Faultline: fault${layer}: ${fault.message}`, ...actions)
        : vscode.window.showWarningMessage(`Faultline: ${fault.message}`, ...actions);
    void shown.then((pick) => {
      if (pick === 'Go to Line' && site) void reveal(site.file, site.line, session);
      else if (pick === 'Show Trends') this.showPanel(fault.layer?.name);
    });
  }

  private async replay(file: string): Promise<void> {
    const session = new Session('replay', null, null);
    this.session = session;
    // The status bar described the last live run, whose diagnostics are now replaced.
    this.progressView = undefined;
    this.status.hide();
    this.publisher.attach(session);
    this.lenses.refresh(true);
    const run: ActiveRun = { kind: 'replay', handle: null, cancelled: false, done: Promise.resolve() };
    const name = path.basename(file);
    const done = vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Faultline: replaying ${name}`, cancellable: true },
      async (_p, token) => {
        token.onCancellationRequested(() => (run.cancelled = true));
        let engineError: string | null = null;
        const result = await readTraceFile(
          file,
          (event) => {
            if (engineError) return;
            try {
              session.state.ingest(event);
            } catch (e) {
              engineError = errorText(e);
            }
          },
          { isCancelled: () => run.cancelled },
        );
        if (engineError) throw new Error(`the diagnosis failed on this trace: ${engineError}`);
        return result;
      },
    );
    run.done = done;
    this.active = run;
    try {
      const result = await done;
      if (run.cancelled) {
        this.output.appendLine(`[faultline] replay of ${file} cancelled`);
        return;
      }
      const report = session.state.finish({ code: null, signal: null, reason: 'replayed', durationMs: session.state.lastIteration?.elapsedMs ?? 0 });
      report.run.script = result.script;
      session.report = report;
      session.runError = report.run.error;
      session.ended = true;
      if (this.session !== session) return;
      this.publisher.publishNow();
      this.lenses.refresh(true);
      TrendPanel.current?.update(session.state, false);
      const skipped = result.invalid > 0 ? ` ${result.invalid} invalid line${result.invalid === 1 ? ' was' : 's were'} skipped.` : '';
      this.output.appendLine(`[faultline] replayed ${file}: ${result.events} events, verdict ${report.verdict}.${skipped}`);
      if (result.errors.length > 0) this.output.appendLine(`[faultline]   first invalid line: ${result.errors[0]}`);
      const faults = report.findings.filter((f) => f.confirmed).length;
      const summary = faults > 0 ? `${faults} fault${faults === 1 ? '' : 's'} found` : report.verdict === 'error' ? `the recorded run failed: ${report.run.error?.message}` : 'no fault found';
      const show = session.published.size > 0 ? 'Show Problems' : undefined;
      void vscode.window.showInformationMessage(`Faultline: trace ${name}: ${summary}.${skipped}`, ...(show ? [show] : [])).then((pick) => {
        if (pick === 'Show Problems') void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
    } catch (e) {
      const msg = e instanceof TraceFileError ? e.message : `could not read the trace: ${errorText(e)}`;
      void vscode.window.showErrorMessage(`Faultline: ${msg}`);
    } finally {
      if (this.active === run) this.active = undefined;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Verify fix

  async verifyFix(arg?: unknown): Promise<void> {
    const a = arg as Partial<VerifyArgs> | undefined;
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showErrorMessage('Faultline: verifying a fix runs your script, which Restricted Mode does not allow.');
      return;
    }
    const session = this.session;
    const finding = typeof a?.findingId === 'string' ? session?.findingById(a.findingId) : undefined;
    const fix = finding && typeof a?.index === 'number' ? fixesOf(finding)[a.index] : undefined;
    if (!session || session.kind !== 'live' || !session.script || !session.config || !finding || !fix) {
      void vscode.window.showErrorMessage('Faultline: this fix belongs to an earlier run; run Debug Training again.');
      return;
    }
    const edits = session.anchors().fix(fix);
    if (!edits) {
      void vscode.window.showErrorMessage('Faultline: the lines this fix changes were edited since the run; run Debug Training again.');
      return;
    }
    await this.stopActive(true);
    const script = session.script;
    const config = session.config;
    const seconds = Math.max(5, Math.min(3600, vscode.workspace.getConfiguration('faultline', vscode.Uri.file(script)).get<number>('verifySeconds', 60)));
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-verify-'));
    const run: ActiveRun = { kind: 'verify', handle: null, cancelled: false, done: Promise.resolve() };
    let outcome: VerifyOutcome | undefined;
    try {
      // The fixed text, plus unsaved edits of other open sources, as temp copies served in place of the originals.
      const map: Record<string, string> = {};
      const files = new Set(edits.map((e) => path.resolve(e.file)));
      for (const doc of vscode.workspace.textDocuments) if (doc.uri.scheme === 'file' && doc.isDirty && /\.[cm]?[jt]s$/i.test(doc.uri.fsPath)) files.add(path.resolve(doc.uri.fsPath));
      let n = 0;
      for (const file of files) {
        const base = currentText(file);
        if (base === undefined) throw new Error(`cannot read ${file}`);
        const copy = path.join(tmp, `${n++}-${path.basename(file)}`);
        fs.writeFileSync(copy, applyEdits(base, edits, file));
        map[file] = copy;
      }
      const shim = path.join(tmp, 'verify-shim.cjs');
      fs.writeFileSync(shim, SHIM_SOURCE);
      const overrides = envOverrides(config);
      // Only symptoms matter here: no source reader, so no fixes are rendered for this run.
      const verifyState = new RunState(script);
      let stoppedAtFault = false;
      let handle: RunHandle | null = null;
      this.logHeader(`Verify fix "${fix.title}" (up to ${seconds} s)`, config, script);
      const streams = this.streamOutput();
      const done = vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Faultline: verifying "${fix.title}"`, cancellable: true },
        async (p, token) => {
          token.onCancellationRequested(() => void this.stopActive());
          const facts = new Throttle(250, () => p.report({ message: progressText(factsOf(verifyState)) }));
          handle = launch({
            script,
            args: config.args,
            cwd: config.cwd,
            nodePath: config.nodePath,
            env: { ...overrides, [VERIFY_MAP_ENV]: JSON.stringify(map), NODE_OPTIONS: verifyNodeOptions(overrides.NODE_OPTIONS ?? process.env.NODE_OPTIONS, shim) },
            probePath: this.probePath,
            maxSeconds: seconds,
            onEvent: (event) => {
              let changed: Finding[] = [];
              try {
                changed = verifyState.ingest(event);
              } catch {
                return;
              }
              facts.request();
              if (changed.length > 0 && !stoppedAtFault && verifyState.engine.hasConfirmedFault()) {
                stoppedAtFault = true;
                handle?.stop();
              }
            },
            onInvalid: () => verifyState.noteInvalid(),
            ...streams,
          });
          run.handle = handle;
          const exit = await handle.done;
          facts.cancel();
          return exit;
        },
      );
      run.done = done;
      this.active = run;
      const exit = await done;
      if (run.cancelled && exit.reason === 'stopped' && !stoppedAtFault) {
        this.output.appendLine('[faultline] verification cancelled');
        return;
      }
      // Reaching the time limit is the normal end of a verification, not a failure.
      const end: ProcessEnd = { ...exit, reason: exit.reason === 'timeout' ? 'stopped' : exit.reason, stoppedAtFault, maxSeconds: seconds };
      outcome = judgeVerification(finding, verifyState.finish(end), seconds);
      this.verified.set(fixKey(finding.id, fix), outcome.fixed);
      this.output.appendLine(`[faultline] ${outcome.text}`);
    } catch (e) {
      void vscode.window.showErrorMessage(`Faultline: could not verify the fix: ${errorText(e)}`);
    } finally {
      if (this.active === run) this.active = undefined;
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    // The run is over before the result is shown: the message may stay unanswered for long.
    if (!outcome) return;
    if (outcome.fixed) {
      const pick = await vscode.window.showInformationMessage(`Faultline: ${outcome.text}`, 'Apply Fix');
      // Moved onto the text as it is when the button is pressed, not when the run ended.
      const edits = pick === 'Apply Fix' ? session.anchors().fix(fix) : null;
      if (pick === 'Apply Fix' && !edits) void vscode.window.showErrorMessage('Faultline: the lines this fix changes were edited meanwhile; the fix was not applied.');
      if (edits) await vscode.workspace.applyEdit(toWorkspaceEdit(edits));
    } else {
      void vscode.window.showWarningMessage(`Faultline: ${outcome.text}`, 'Show Output').then((pick) => pick && this.showOutput());
    }
  }

  // -------------------------------------------------------------------------------------------

  /** Ends the run and its process tree before the extension host goes away. */
  async shutdown(): Promise<void> {
    this.disposed = true;
    await this.stopActive();
  }

  dispose(): void {
    this.disposed = true;
    const run = this.active;
    if (run) {
      run.cancelled = true;
      run.handle?.stop();
      if (run.handle?.pid !== undefined) killGroup(run.handle.pid);
    }
    for (const d of this.disposables) d.dispose();
  }
}

/** SIGKILL to the run's process group (launch starts it as a group leader on POSIX). */
function killGroup(pid: number): void {
  if (process.platform === 'win32') return; // launch's stop() already used taskkill /T
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
}

async function reveal(file: string, line: number, session?: Session): Promise<void> {
  const mapped = session ? (session.anchors().line(file, line) ?? line) : line;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  const pos = new vscode.Position(Math.max(0, mapped - 1), 0);
  await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos) });
}

function factsOf(state: RunState): ProgressFacts {
  const it = state.lastIteration;
  const model = it ? state.models.get(it.modelId) : undefined;
  const epochs = model?.fitConfig.epochs;
  return {
    epoch: it?.epoch ?? null,
    epochs: typeof epochs === 'number' ? epochs : null,
    iteration: it?.iter ?? null,
    loss: it?.loss ?? null,
    lossNonFinite: it?.lossNonFinite ?? false,
  };
}

function progressFacts(session: Session): ProgressFacts {
  return factsOf(session.state);
}

function describeEnd(session: Session, end: ProcessEnd, byUser: boolean, yieldedToVerify = false): string {
  if (byUser) return 'stopped';
  if (session.runError) return `run failed: ${session.runError.message}`;
  const r = session.report;
  if (!r) return 'ended';
  const faults = r.findings.filter((f) => f.confirmed).length;
  return `${end.stoppedAtFault ? 'stopped at the first confirmed fault' : yieldedToVerify ? 'stopped to verify a fix' : 'ended'}: verdict ${r.verdict}, ${r.run.iterations} iterations, ${faults} fault${faults === 1 ? '' : 's'}, ${r.findings.length - faults} warning${r.findings.length - faults === 1 ? '' : 's'}`;
}

/** The status bar item and the notification's progress line for one run. */
class ProgressView {
  private progress: vscode.Progress<{ message?: string }> | undefined;
  private facts: ProgressFacts | null = null;
  private readonly throttle = new Throttle(200, () => this.render());
  private endTooltip = '';
  /** Set when the run ended with faults, so edits can update the count. */
  private faults: { session: Session; found: number; shownAtEnd: number } | null = null;

  constructor(
    private readonly status: vscode.StatusBarItem,
    private readonly title: string,
  ) {
    status.text = `$(sync~spin) Faultline: starting…`;
    status.tooltip = `${title} — click to stop`;
    status.command = 'faultline.stopTraining';
    status.backgroundColor = undefined;
    status.show();
  }

  attach(p: vscode.Progress<{ message?: string }>): void {
    this.progress = p;
    p.report({ message: 'starting…' });
  }

  update(facts: ProgressFacts): void {
    this.facts = facts;
    this.throttle.request();
  }

  private render(): void {
    if (!this.facts) return;
    const text = progressText(this.facts) || 'loading the model…';
    this.status.text = `$(sync~spin) Faultline: ${text}`;
    this.progress?.report({ message: text });
  }

  done(session: Session, end: ProcessEnd, byUser: boolean, yieldedToVerify = false): void {
    this.throttle.cancel();
    const r = session.report;
    const faults = r?.findings.filter((f) => f.confirmed).length ?? 0;
    this.endTooltip = `${this.title}: ${describeEnd(session, end, byUser, yieldedToVerify)}`;
    this.status.tooltip = this.endTooltip;
    if (byUser) {
      this.status.text = '$(debug-stop) Faultline: stopped';
      this.status.command = 'faultline.showOutput';
    } else if (session.runError) {
      this.status.text = '$(warning) Faultline: run failed';
      this.status.command = 'faultline.showOutput';
    } else if (faults > 0) {
      this.faults = { session, found: faults, shownAtEnd: shownFaults(session) };
      this.renderFaults();
    } else {
      this.status.text = `$(pass) Faultline: ${r?.verdict === 'healthy' ? 'healthy' : 'no fault found'}`;
      this.status.command = 'workbench.actions.view.problems';
    }
  }

  /** Diagnostics were re-published (after an edit, say): the fault count follows them. */
  published(session: Session): void {
    if (this.faults?.session === session) this.renderFaults();
  }

  private renderFaults(): void {
    if (!this.faults) return;
    const { session, found, shownAtEnd } = this.faults;
    const st = faultStatus(found, shownAtEnd, shownFaults(session));
    this.status.text = st.text;
    this.status.tooltip = st.detail ? `${this.endTooltip}. ${st.detail}.` : this.endTooltip;
    this.status.command =
      st.runAgain && session.script
        ? { command: 'faultline.debugTraining', title: 'Debug Training', arguments: [vscode.Uri.file(session.script)] }
        : 'workbench.actions.view.problems';
  }
}

/** How many confirmed findings have a diagnostic on screen now. */
function shownFaults(session: Session): number {
  const ids = new Set<string>();
  for (const entries of session.published.values()) for (const e of entries) if (e.finding?.confirmed) ids.add(e.finding.id);
  return ids.size;
}
