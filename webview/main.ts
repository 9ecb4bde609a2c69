/**
 * The trend panel (browser side): keeps a copy of the run's series in step with the extension
 * host, and draws loss/metrics plus the selected layer's output, gradient and unit trends.
 */
import './style.css';
import { layerGradChart, layerOutputChart, layerUnitsChart, lossChart, markersFor, symptomOnset, formatValue, type ChartData } from './chart-data';
import { TrendChart } from './charts';
import { LayerList } from './layer-list';
import { parseToWebview, PROTOCOL_VERSION, type FindingView, type FromWebview, type LayerMeta, type SeriesData, type Selection, type SnapshotMessage, type ToWebview, type UpdateMessage, type ViewHead } from './messages';
import { applyPatch, compactSeries, fullPatch, layerOfKey } from './series-sync';
import { readPalette, type Palette } from './theme';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: SavedState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** What survives hide/show and reloads: the selection and a coarse copy of the last snapshot. */
interface SavedState {
  v: 1;
  selection: Selection | null;
  snapshot: SnapshotMessage | null;
}

const SAVED_POINTS = 400;
const PENDING_SELECT_MS = 2000;

const vscode = acquireVsCodeApi();

let head: ViewHead | null = null;
let layers: LayerMeta[] = [];
const store = new Map<string, SeriesData>();
let seq = -1;
/** True when what is shown came from saved state, not from the host. */
let restored = false;
let awaitingSnapshot = false;
let pendingSelect: { name: string; at: number } | null = null;
let palette: Palette = readPalette();

function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.append(...children);
  return el;
}

// ---- layout ---------------------------------------------------------------------------------

const runLine = h('p', { class: 'run', id: 'run', 'aria-live': 'polite' });
const verdict = h('h1', { class: 'verdict', id: 'verdict' });
const findingsList = h('ul', { class: 'findings', id: 'findings', 'aria-label': 'Findings' });
const summary = h('header', { class: 'summary', id: 'summary' }, verdict, runLine, findingsList);

const modelPicker = h('select', { id: 'model', 'aria-label': 'Model', hidden: '' });
const listEl = h('ul', { id: 'layer-list', class: 'layer-list', 'aria-labelledby': 'layers-label' });
const nav = h('nav', { class: 'layers', 'aria-label': 'Layers' }, h('h2', { id: 'layers-label' }, 'Layers'), modelPicker, listEl);

function chartSection(id: string, title: string): { section: HTMLElement; plot: HTMLElement; note: HTMLElement } {
  const plot = h('div', { class: 'plot', role: 'img' });
  const note = h('p', { class: 'empty' });
  const section = h('section', { class: 'chart', 'data-chart': id, 'data-points': '0' }, h('h3', {}, title), plot, note);
  return { section, plot, note };
}
const lossSec = chartSection('loss', 'Loss and metrics');
const outSec = chartSection('layer-output', 'Output mean ± std');
const gradSec = chartSection('layer-grad', 'Gradient norm (log scale)');
const unitSec = chartSection('layer-units', 'Dead / saturated units');

const layerTitle = h('h2', { id: 'layer-title' });
const layerBadges = h('div', { class: 'layer-badges', id: 'layer-badges' });
const revealBtn = h('button', { type: 'button', class: 'secondary', id: 'reveal', 'data-action': 'reveal' }, 'Go to definition');
const layerHead = h('div', { class: 'layer-head' }, layerTitle, layerBadges, revealBtn);
const layerPane = h('section', { class: 'layer-pane', id: 'layer-pane', 'aria-labelledby': 'layer-title' }, layerHead, outSec.section, gradSec.section, unitSec.section);
const charts = h('div', { class: 'charts' }, lossSec.section, layerPane);

document.body.append(summary, h('main', { class: 'grid' }, nav, charts));

const lossChartView = new TrendChart(lossSec.plot, { height: 190, yLabel: 'loss', y2Label: 'metric' });
const outChartView = new TrendChart(outSec.plot, { height: 150, yLabel: 'output' });
const gradChartView = new TrendChart(gradSec.plot, { height: 150, yLabel: '‖g‖' });
const unitChartView = new TrendChart(unitSec.plot, { height: 130, yLabel: 'fraction' });

const list = new LayerList(listEl, {
  select: (name) => select(name),
  reveal: (name) => reveal(name),
});

revealBtn.addEventListener('click', () => {
  if (head?.selected) reveal(head.selected);
});
modelPicker.addEventListener('change', () => {
  const id = Number(modelPicker.value);
  if (!Number.isInteger(id)) return;
  post({ type: 'selectLayer', modelId: id, layer: null });
});
findingsList.addEventListener('click', (e) => {
  const btn = (e.target as HTMLElement).closest<HTMLElement>('[data-finding-layer]');
  const name = btn?.dataset['findingLayer'];
  if (!name) return;
  select(name);
  list.reveal(name);
});

// ---- messages -------------------------------------------------------------------------------

function post(m: FromWebview): void {
  vscode.postMessage(m);
}

function requestSnapshot(): void {
  if (awaitingSnapshot) return;
  awaitingSnapshot = true;
  post({ type: 'ready', v: PROTOCOL_VERSION, selection: currentSelection() });
}

function currentSelection(): Selection | null {
  if (!head) return null;
  return { modelId: head.modelId, layer: pendingSelect?.name ?? head.selected };
}

function select(name: string): void {
  if (!head) return;
  pendingSelect = { name, at: Date.now() };
  head = { ...head, selected: name };
  post({ type: 'selectLayer', modelId: head.modelId, layer: name });
  scheduleRender();
  schedulePersist();
}

function reveal(name: string): void {
  if (head?.modelId === null || head?.modelId === undefined) return;
  post({ type: 'revealLayer', modelId: head.modelId, layer: name });
}

/** Keeps a layer the user just picked selected until the host's view reflects it. */
function adoptHead(next: ViewHead): ViewHead {
  if (!pendingSelect) return next;
  if (next.selected === pendingSelect.name || Date.now() - pendingSelect.at > PENDING_SELECT_MS) {
    pendingSelect = null;
    return next;
  }
  return { ...next, selected: pendingSelect.name };
}

function onSnapshot(m: SnapshotMessage, fromSaved: boolean): void {
  store.clear();
  for (const p of m.series) applyPatch(store, p);
  head = fromSaved ? m.head : adoptHead(m.head);
  layers = m.layers;
  seq = m.seq;
  restored = fromSaved;
  if (!fromSaved) awaitingSnapshot = false;
  scheduleRender();
  if (!fromSaved) schedulePersist();
}

function onUpdate(m: UpdateMessage): void {
  if (awaitingSnapshot || restored) return;
  if (m.after !== seq) {
    requestSnapshot();
    return;
  }
  for (const p of m.patches) {
    if (!applyPatch(store, p)) {
      requestSnapshot();
      return;
    }
  }
  if (m.head) head = adoptHead(m.head);
  if (m.layers) layers = m.layers;
  seq = m.seq;
  if (head) {
    const keep = new Set(head.subscribed);
    for (const k of [...store.keys()]) {
      const li = layerOfKey(k);
      if (li !== null && !keep.has(li)) store.delete(k);
    }
  }
  scheduleRender();
  schedulePersist();
}

function onMessage(m: ToWebview): void {
  switch (m.type) {
    case 'snapshot':
      onSnapshot(m, false);
      break;
    case 'update':
      onUpdate(m);
      break;
    case 'focus':
      if (head && (head.modelId === m.modelId || m.modelId === null) && layers.some((l) => l.name === m.layer)) {
        if (head.selected !== m.layer) select(m.layer);
        list.reveal(m.layer);
      } else {
        pendingSelect = { name: m.layer, at: Date.now() };
        post({ type: 'selectLayer', modelId: m.modelId, layer: m.layer });
      }
      break;
    case 'theme':
      schedulePaletteCheck();
      break;
  }
}

window.addEventListener('message', (e: MessageEvent) => {
  const r = parseToWebview(e.data);
  if (!r.ok) {
    console.warn(`faultline: ignored ${r.error}`);
    return;
  }
  onMessage(r.message);
});

// ---- state ----------------------------------------------------------------------------------

let persistTimer: ReturnType<typeof setTimeout> | null = null;
function schedulePersist(): void {
  if (persistTimer) return;
  persistTimer = setTimeout(() => {
    persistTimer = null;
    persist();
  }, 1000);
}

function persist(): void {
  // Model-level series and the selected layer's only, coarsened: state is written often.
  const selectedIndex = layers.find((l) => l.name === head?.selected)?.index ?? null;
  const keep = [...store].filter(([k]) => {
    const li = layerOfKey(k);
    return li === null || li === selectedIndex;
  });
  const snapshot: SnapshotMessage | null = head
    ? { type: 'snapshot', v: PROTOCOL_VERSION, seq, head: { ...head, subscribed: selectedIndex === null ? [] : [selectedIndex] }, layers, series: keep.map(([k, s]) => fullPatch(k, compactSeries(s, SAVED_POINTS))) }
    : null;
  vscode.setState({ v: 1, selection: currentSelection(), snapshot });
}

function restore(): Selection | null {
  const saved = vscode.getState() as Partial<SavedState> | undefined;
  if (!saved || saved.v !== 1) return null;
  if (saved.snapshot) {
    const r = parseToWebview(saved.snapshot);
    if (r.ok && r.message.type === 'snapshot') onSnapshot(r.message, true);
  }
  return saved.selection ?? null;
}

// ---- rendering ------------------------------------------------------------------------------

let renderQueued = false;
function scheduleRender(): void {
  if (renderQueued) return;
  renderQueued = true;
  requestAnimationFrame(() => {
    renderQueued = false;
    render();
  });
}

const SYMPTOM_TEXT: Record<string, string> = {
  'non-finite-loss': 'loss became NaN/∞',
  'non-finite-output': 'output became NaN/∞',
  'non-finite-weights': 'weights became NaN/∞',
  'non-finite-gradients': 'gradients became NaN/∞',
  'dead-relu': 'dead units',
  'saturated-activation': 'saturated units',
  'vanishing-gradient': 'vanishing gradient',
  'exploding-gradient': 'exploding gradient',
};

function renderSummary(): void {
  const fs = head?.findings ?? [];
  const errors = fs.filter((f) => f.severity === 'error').length;
  const warnings = fs.length - errors;
  summary.dataset['verdict'] = errors ? 'faulty' : warnings ? 'warnings' : head && head.iterations > 0 ? 'clean' : 'waiting';
  verdict.textContent = !head
    ? 'Waiting for a training run'
    : errors
      ? `${errors} fault${errors > 1 ? 's' : ''}${warnings ? `, ${warnings} warning${warnings > 1 ? 's' : ''}` : ''}`
      : warnings
        ? `${warnings} warning${warnings > 1 ? 's' : ''}`
        : head.iterations > 0
          ? 'No fault found so far'
          : 'Waiting for training steps';
  if (head) {
    const script = head.run.script ? head.run.script.split(/[\\/]/).pop() : null;
    const state = restored ? 'last run (not live)' : head.run.live ? 'live' : 'finished';
    const model = head.models.find((m) => m.modelId === head!.modelId);
    runLine.textContent = [script, model ? `model ${model.name}` : null, `${head.run.iterations} steps`, head.run.epochs ? `${head.run.epochs} epochs` : null, state].filter(Boolean).join(' · ');
    runLine.dataset['live'] = String(head.run.live && !restored);
  } else runLine.textContent = 'Start a run with Faultline to see its trends here.';

  const key = JSON.stringify(fs);
  if (findingsList.dataset['key'] === key) return;
  findingsList.dataset['key'] = key;
  findingsList.replaceChildren(
    ...fs.slice(0, 20).map((f) => {
      const where = f.iteration !== null ? ` (step ${f.iteration})` : '';
      const li = h('li', { class: `finding ${f.severity}`, 'data-severity': f.severity, 'data-symptom': f.symptom });
      const icon = h('span', { class: 'icon', 'aria-hidden': 'true' }, f.severity === 'error' ? '✖' : '▲');
      const text = h('span', { class: 'msg' }, f.message + where);
      if (f.layer) {
        const btn = h('button', { type: 'button', class: 'link', 'data-finding-layer': f.layer.name, title: `Show ${f.layer.name}` }, f.layer.name);
        li.append(icon, btn, text);
      } else li.append(icon, text);
      if (f.fixTitle) li.append(h('span', { class: 'fix' }, `Fix: ${f.fixTitle}`));
      return li;
    }),
  );
}

function renderModelPicker(): void {
  const models = head?.models ?? [];
  modelPicker.hidden = models.length < 2;
  const key = JSON.stringify([models, head?.modelId]);
  if (modelPicker.dataset['key'] === key) return;
  modelPicker.dataset['key'] = key;
  modelPicker.replaceChildren(...models.map((m) => h('option', { value: String(m.modelId), ...(m.modelId === head?.modelId ? { selected: '' } : {}) }, `${m.name} (#${m.modelId})`)));
}

function setChart(sec: { section: HTMLElement; plot: HTMLElement; note: HTMLElement }, view: TrendChart, data: ChartData, layerName: string | null, markers: ReturnType<typeof markersFor>, label: string, empty: string): void {
  view.render(data, markers, palette);
  sec.section.dataset['points'] = String(data.points);
  if (layerName !== null) sec.section.dataset['layer'] = layerName;
  else delete sec.section.dataset['layer'];
  if (markers.length) sec.section.dataset['marker'] = String(markers[0]!.at);
  else delete sec.section.dataset['marker'];
  sec.note.textContent = data.points ? '' : empty;
  sec.note.hidden = data.points > 0;
  sec.plot.hidden = data.lines.length === 0;
  sec.plot.setAttribute('aria-label', label);
}

function lastValue(col: ReadonlyArray<number | null | undefined> | undefined): string {
  if (!col) return '–';
  for (let i = col.length - 1; i >= 0; i--) if (col[i] !== null && col[i] !== undefined) return formatValue(col[i]);
  return '–';
}

function renderCharts(): void {
  const modelId = head?.modelId ?? null;
  const fs = head?.findings ?? [];
  const loss = lossChart(store, head?.metrics ?? []);
  setChart(lossSec, lossChartView, loss, null, markersFor(fs, store, modelId, null).slice(0, 4), `Loss per step: ${loss.points} points, last ${lastValue(loss.lines[0]?.values)}`, head ? 'No training steps yet.' : 'Waiting for a training run.');

  const meta = layers.find((l) => l.name === head?.selected);
  layerPane.hidden = !meta;
  if (!meta) return;
  layerPane.dataset['layer'] = meta.name;
  const subscribed = head?.subscribed.includes(meta.index) ?? false;
  const waiting = subscribed ? 'No samples for this layer yet.' : 'Loading…';
  const markers = markersFor(fs, store, modelId, meta.index);

  layerTitle.replaceChildren(meta.name, ' ', h('small', {}, meta.className));
  revealBtn.disabled = !meta.hasSite || restored;
  const badges: HTMLElement[] = [];
  for (const f of fs.filter((x: FindingView) => x.modelId === modelId && x.layer?.index === meta.index)) {
    const onset = symptomOnset(f, store);
    const since = onset !== null ? ` since step ${onset}` : f.iteration !== null ? ` at step ${f.iteration}` : '';
    const b = h('span', { class: `badge ${f.severity === 'error' ? 'faulty' : 'warning'}`, 'data-symptom': f.symptom }, `${SYMPTOM_TEXT[f.symptom] ?? f.symptom}${since}`);
    if (f.severity === 'error') b.setAttribute('data-faulty', '');
    badges.push(b);
  }
  layerBadges.replaceChildren(...badges);

  const out = layerOutputChart(store, meta.index);
  setChart(outSec, outChartView, out, meta.name, markers, `Output mean of ${meta.name}: ${out.points} points, last ${lastValue(out.lines[0]?.values)}`, waiting);
  const grad = layerGradChart(store, meta.index);
  setChart(gradSec, gradChartView, grad, meta.name, markers, `Gradient norm of ${meta.name}: ${grad.points} points, last ${lastValue(grad.lines[0]?.values)}`, subscribed ? 'No gradients for this layer (no weights, or not sampled yet).' : waiting);
  const units = layerUnitsChart(store, meta.index);
  setChart(unitSec, unitChartView, units, meta.name, markers, `Dead and saturated unit fractions of ${meta.name}: ${units.points} points`, waiting);
}

function render(): void {
  renderSummary();
  renderModelPicker();
  list.render(layers, head?.selected ?? null);
  renderCharts();
}

// ---- theme ----------------------------------------------------------------------------------

let paletteQueued = false;
function schedulePaletteCheck(): void {
  if (paletteQueued) return;
  paletteQueued = true;
  requestAnimationFrame(() => {
    paletteQueued = false;
    const next = readPalette();
    if (JSON.stringify(next) === JSON.stringify(palette)) return;
    palette = next;
    document.documentElement.dataset['chartTheme'] = palette.kind;
    render();
  });
}
// VS Code switches the body class and rewrites the variables on <html> when the theme changes.
const themeObserver = new MutationObserver(schedulePaletteCheck);
themeObserver.observe(document.body, { attributes: true, attributeFilter: ['class'] });
themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });

// ---- start ----------------------------------------------------------------------------------

document.documentElement.dataset['chartTheme'] = palette.kind;
const savedSelection = restore();
if (!head) render();
awaitingSnapshot = true;
post({ type: 'ready', v: PROTOCOL_VERSION, selection: currentSelection() ?? savedSelection });
