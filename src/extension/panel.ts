/**
 * The trend panel host: one webview panel ('faultline.trends') that plots the run's series.
 * It sends a full snapshot when the webview (re)loads and small patches afterwards, at most
 * ~4 times a second. The webview is destroyed while hidden (no retained context); it keeps its
 * selection and a coarse copy of the last snapshot in its own state, and `TrendPanel.revive`
 * (called by the extension's serializer for 'faultline.trends') restores it after a reload.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { buildView, layerSite, SyncState, type TrendSource } from '../../webview/host-view';
import { trendPageHtml } from '../../webview/html';
import { parseFromWebview, PROTOCOL_VERSION, Selection, type FromWebview, type ToWebview } from '../../webview/messages';

export const TREND_VIEW_TYPE = 'faultline.trends';
const TITLE = 'Faultline Trends';
const UPDATE_INTERVAL_MS = 250;

/** What `update` accepts: a RunState (optionally flagged `ended` once the process is gone). */
export type TrendRunState = TrendSource & { readonly ended?: boolean };

function webviewOptions(context: vscode.ExtensionContext): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    retainContextWhenHidden: false,
    localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist')],
  };
}

function themeKind(kind: vscode.ColorThemeKind): Extract<ToWebview, { type: 'theme' }>['kind'] {
  switch (kind) {
    case vscode.ColorThemeKind.Dark:
      return 'dark';
    case vscode.ColorThemeKind.HighContrast:
      return 'high-contrast';
    case vscode.ColorThemeKind.HighContrastLight:
      return 'high-contrast-light';
    default:
      return 'light';
  }
}

export class TrendPanel {
  static current: TrendPanel | undefined;

  private source: TrendRunState | undefined;
  private live: boolean | undefined;
  private selection: Selection | null = null;
  /** A focus request not yet sent to the webview (it overrides the webview's saved selection). */
  private focusPending: string | null = null;
  private ready = false;
  private needSnapshot = true;
  private readonly sync = new SyncState();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastFlush = 0;
  private readonly disposables: vscode.Disposable[] = [];
  private disposed = false;

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly context: vscode.ExtensionContext,
  ) {
    panel.webview.options = webviewOptions(context);
    panel.webview.html = this.html();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)),
      panel.onDidChangeViewState(() => {
        // A hidden webview is torn down; it sends 'ready' again when shown.
        if (!panel.visible) {
          this.ready = false;
          this.needSnapshot = true;
        }
      }),
      vscode.window.onDidChangeActiveColorTheme((t) => this.post({ type: 'theme', kind: themeKind(t.kind) })),
    );
  }

  /** Opens the panel (or brings it forward), optionally on one layer. */
  static show(context: vscode.ExtensionContext, focusLayer?: string, state?: TrendRunState): TrendPanel {
    let p = TrendPanel.current;
    if (p) {
      p.panel.reveal(undefined, true);
    } else {
      const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
      const panel = vscode.window.createWebviewPanel(TREND_VIEW_TYPE, TITLE, { viewColumn: column, preserveFocus: true }, webviewOptions(context));
      p = new TrendPanel(panel, context);
      TrendPanel.current = p;
    }
    if (state) p.update(state);
    if (focusLayer) p.focus(focusLayer);
    return p;
  }

  /** Restores a panel VS Code kept across a reload (from the serializer). */
  static revive(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, state?: unknown): TrendPanel {
    TrendPanel.current?.dispose();
    const p = new TrendPanel(panel, context);
    const saved = state && typeof state === 'object' ? Selection.safeParse((state as { selection?: unknown }).selection) : null;
    if (saved?.success) p.selection = saved.data;
    TrendPanel.current = p;
    return p;
  }

  /**
   * Takes the run's current state. Cheap to call on every event: the webview is updated at most
   * every 250 ms, with only what changed. `live` defaults to "not ended".
   */
  update(state: TrendRunState, live?: boolean): void {
    if (this.disposed) return;
    if (state !== this.source) this.needSnapshot = true;
    this.source = state;
    this.live = live;
    this.schedule();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (TrendPanel.current === this) TrendPanel.current = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }

  private focus(layer: string): void {
    const modelId = this.modelOfLayer(layer);
    this.selection = { modelId, layer };
    this.focusPending = layer;
    if (this.ready) this.flushSoon(0);
  }

  /** The model a layer name belongs to: one with a finding on it first, then any traced model. */
  private modelOfLayer(layer: string): number | null {
    const s = this.source;
    if (!s) return null;
    const f = s.engine.findings().find((x) => x.layer?.name === layer);
    if (f) return f.modelId;
    const ids = [...s.models.values()].filter((m) => m.layers.some((l) => l.name === layer)).map((m) => m.modelId);
    return ids.length ? ids[ids.length - 1]! : null;
  }

  private html(): string {
    const w = this.panel.webview;
    const dist = vscode.Uri.joinPath(this.context.extensionUri, 'dist');
    return trendPageHtml({
      cspSource: w.cspSource,
      nonce: randomBytes(18).toString('base64'),
      scriptUri: w.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
      styleUris: [w.asWebviewUri(vscode.Uri.joinPath(dist, 'uPlot.min.css')).toString(), w.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.css')).toString()],
      title: TITLE,
    });
  }

  private onMessage(raw: unknown): void {
    const r = parseFromWebview(raw);
    if (!r.ok) {
      console.warn(`[faultline] trend panel: ignored ${r.error}`);
      return;
    }
    const m: FromWebview = r.message;
    switch (m.type) {
      case 'ready':
        this.ready = true;
        this.needSnapshot = true;
        // A pending focus request wins over what the webview had selected before.
        if (this.focusPending === null && m.selection) this.selection = m.selection;
        this.flushSoon(0);
        break;
      case 'selectLayer':
        this.selection = { modelId: m.modelId, layer: m.layer };
        this.flushSoon(0);
        break;
      case 'revealLayer':
        void this.reveal(m.modelId, m.layer);
        break;
    }
  }

  private async reveal(modelId: number, layer: string): Promise<void> {
    const site = this.source ? layerSite(this.source, modelId, layer) : null;
    if (!site) {
      void vscode.window.showInformationMessage(`Faultline: the line that defines ${layer} is not known.`);
      return;
    }
    try {
      const uri = /^file:/i.test(site.file) ? vscode.Uri.parse(site.file) : vscode.Uri.file(site.file);
      const doc = await vscode.workspace.openTextDocument(uri);
      const pos = doc.validatePosition(new vscode.Position(site.line - 1, site.column - 1));
      const same = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === doc.uri.toString());
      const other = vscode.window.visibleTextEditors.find((e) => e.viewColumn !== undefined && e.viewColumn !== this.panel.viewColumn);
      const viewColumn = same?.viewColumn ?? other?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
      const editor = await vscode.window.showTextDocument(doc, { viewColumn, selection: new vscode.Range(pos, pos), preserveFocus: false });
      editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    } catch (e) {
      void vscode.window.showErrorMessage(`Faultline: could not open ${site.file}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private schedule(): void {
    this.flushSoon(Math.max(0, this.lastFlush + UPDATE_INTERVAL_MS - Date.now()));
  }

  private flushSoon(ms: number): void {
    if (this.disposed) return;
    if (this.timer) {
      if (ms > 0) return;
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.lastFlush = Date.now();
      this.flush();
    }, ms);
  }

  private flush(): void {
    if (this.disposed || !this.ready || !this.source || !this.panel.visible) return;
    const live = this.live ?? !this.source.ended;
    const view = buildView(this.source, this.selection, live);
    if (this.needSnapshot) {
      const s = this.sync.snapshot(view);
      this.needSnapshot = false;
      this.post({ type: 'snapshot', v: PROTOCOL_VERSION, seq: s.seq, head: view.head, layers: view.layers, series: s.series });
    } else {
      const u = this.sync.update(view);
      if (u) this.post({ type: 'update', ...u });
    }
    if (this.focusPending !== null) {
      // After the data, so the webview can scroll its list to a layer it already has.
      this.post({ type: 'focus', modelId: view.head.modelId, layer: this.focusPending });
      this.focusPending = null;
    }
  }

  private post(m: ToWebview): void {
    if (this.disposed) return;
    this.panel.webview.postMessage(m).then(
      (delivered) => {
        if (!delivered && (m.type === 'snapshot' || m.type === 'update')) this.needSnapshot = true;
      },
      () => {
        this.needSnapshot = true;
      },
    );
  }
}
