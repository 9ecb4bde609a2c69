/** Diagnostics, quick fixes and code lenses for the current session. */
import * as vscode from 'vscode';
import type { TextEdit } from '../analysis/findings';
import { fileKey, sameFile, type PublishedEntry, type Session } from './session';
import { Throttle } from './throttle';
import {
  DIAGNOSTIC_SOURCE,
  diagnosticSpecs,
  fixesOf,
  fixSpecs,
  layerSitesFrom,
  lensSpecs,
  runErrorSpec,
  type DiagnosticSpec,
  type LayerHealthLike,
  type Range0,
} from './view-model';

function toRange(r: Range0): vscode.Range {
  return new vscode.Range(r.line, r.start, r.line, r.end);
}

export function toWorkspaceEdit(edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const we = new vscode.WorkspaceEdit();
  for (const e of edits) {
    we.replace(vscode.Uri.file(e.file), new vscode.Range(e.startLine - 1, e.startColumn - 1, e.endLine - 1, e.endColumn - 1), e.newText);
  }
  return we;
}

function toDiagnostic(spec: DiagnosticSpec): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(spec.range), spec.message, spec.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = spec.code;
  if (spec.related.length > 0) {
    d.relatedInformation = spec.related.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(vscode.Uri.file(r.file), toRange(r.range)), r.message));
  }
  return d;
}

/**
 * Publishes the session's findings. Ranges are recomputed from the run's text to the current
 * text each time, so a re-publish after the user edited never puts back a stale range, and a
 * finding whose line was changed (for instance by its quick fix) is withdrawn.
 */
export class DiagnosticsPublisher implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('faultline');
  private session: Session | undefined;
  private readonly throttle = new Throttle(300, () => this.publishNow());
  private readonly onEdit: vscode.Disposable;
  private readonly didPublish = new vscode.EventEmitter<Session>();
  /** Fires after each publish, with the session whose diagnostics are now shown. */
  readonly onDidPublish = this.didPublish.event;

  constructor() {
    this.onEdit = vscode.workspace.onDidChangeTextDocument((e) => {
      if (this.session && e.contentChanges.length > 0 && this.session.published.has(e.document.uri.toString())) this.throttle.request();
    });
  }

  attach(session: Session | undefined): void {
    this.session = session;
    this.throttle.cancel();
    this.collection.clear();
  }

  request(): void {
    this.throttle.request();
  }

  publishNow(): void {
    this.throttle.cancel();
    const s = this.session;
    if (!s) return;
    const anchors = s.anchors();
    const findings = s.state.engine.findings();
    const specs = diagnosticSpecs(findings, anchors, layerSitesFrom(s.state.models));
    if (s.runError) {
      const spec = runErrorSpec(s.runError, anchors);
      if (spec) specs.push(spec);
    }
    const byFile = new Map<string, { uri: vscode.Uri; diags: vscode.Diagnostic[]; entries: PublishedEntry[] }>();
    for (const spec of specs) {
      const uri = vscode.Uri.file(spec.file);
      const key = uri.toString();
      const slot = byFile.get(key) ?? { uri, diags: [], entries: [] };
      slot.diags.push(toDiagnostic(spec));
      slot.entries.push({ code: spec.code, message: spec.message, finding: spec.findingId ? (findings.find((f) => f.id === spec.findingId) ?? null) : null });
      byFile.set(key, slot);
    }
    this.collection.clear();
    this.collection.set([...byFile.values()].map((v) => [v.uri, v.diags] as [vscode.Uri, vscode.Diagnostic[]]));
    s.published = new Map([...byFile].map(([k, v]) => [k, v.entries]));
    this.didPublish.fire(s);
  }

  dispose(): void {
    this.throttle.cancel();
    this.onEdit.dispose();
    this.didPublish.dispose();
    this.collection.dispose();
  }
}

export interface VerifyArgs {
  findingId: string;
  index: number;
}

export class FixProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(
    private readonly session: () => Session | undefined,
    private readonly verified: ReadonlyMap<string, boolean>,
  ) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const s = this.session();
    if (!s) return [];
    const entries = s.published.get(doc.uri.toString());
    if (!entries) return [];
    const anchors = s.anchors();
    const fixes: vscode.CodeAction[] = [];
    const verifies: vscode.CodeAction[] = [];
    for (const diag of context.diagnostics) {
      if (diag.source !== DIAGNOSTIC_SOURCE) continue;
      const entry = entries.find((e) => e.code === String(diag.code) && e.message === diag.message);
      const finding = entry?.finding;
      if (!finding) continue;
      const all = fixesOf(finding);
      for (const spec of fixSpecs(finding, anchors, this.verified)) {
        if (!spec.edits) continue;
        const action = new vscode.CodeAction(spec.title, vscode.CodeActionKind.QuickFix);
        action.edit = toWorkspaceEdit(spec.edits);
        action.diagnostics = [diag];
        action.isPreferred = spec.preferred;
        fixes.push(action);
        // Verification reruns the user's script, so it is offered only for a run started here.
        if (spec.index === 0 && s.kind === 'live' && vscode.workspace.isTrusted) {
          const verify = new vscode.CodeAction(`Verify fix: ${all[0]!.title}`, vscode.CodeActionKind.QuickFix);
          verify.diagnostics = [diag];
          verify.command = { command: 'faultline.verifyFix', title: 'Verify fix', arguments: [{ findingId: finding.id, index: spec.index } satisfies VerifyArgs] };
          verifies.push(verify);
        }
      }
    }
    // Preferred fixes first, so Ctrl+. then Enter applies the engine's best fix.
    fixes.sort((a, b) => Number(b.isPreferred ?? false) - Number(a.isPreferred ?? false));
    return [...fixes, ...verifies];
  }
}

export class LensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly throttle = new Throttle(500, () => this.changed.fire());

  constructor(private readonly session: () => Session | undefined) {}

  /** Asks the editor to re-read lenses (at most twice a second while a trace streams). */
  refresh(now = false): void {
    if (now) this.throttle.flush();
    else this.throttle.request();
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const s = this.session();
    if (!s || doc.uri.scheme !== 'file') return [];
    if (!vscode.workspace.getConfiguration('faultline', doc.uri).get<boolean>('codeLens.enabled', true)) return [];
    const key = fileKey(doc.uri.fsPath);
    let health: LayerHealthLike[];
    try {
      health = s.state.engine.layerHealth().filter((h) => h.site && fileKey(h.site.file) === key);
    } catch {
      return [];
    }
    if (health.length === 0) return [];
    return lensSpecs(health, doc.uri.fsPath, s.anchors(), sameFile).map((spec) => {
      const range = new vscode.Range(spec.line, 0, spec.line, 0);
      const command: vscode.Command = spec.trendsFor
        ? { title: spec.title, command: 'faultline.showPanel', arguments: [spec.trendsFor], tooltip: spec.tooltip }
        : { title: spec.title, command: '', tooltip: spec.tooltip };
      return new vscode.CodeLens(range, command);
    });
  }

  dispose(): void {
    this.throttle.cancel();
    this.changed.dispose();
  }
}
