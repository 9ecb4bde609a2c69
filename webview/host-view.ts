/**
 * Runs in the extension host: turns what a run knows (findings, traced models, series) into the
 * panel's view and the series patches to send. Kept apart from panel.ts so it can be tested
 * without the editor.
 */
import type { LayerHealth as EngineLayerHealth } from '../src/analysis/engine';
import type { Finding } from '../src/analysis/findings';
import type { ModelSeriesData, SeriesSnapshot } from '../src/analysis/series';
import type { ModelEvent, SourceSite } from '../src/analysis/trace';
import type { FindingView, LayerHealth, LayerMeta, SeriesData, SeriesPatch, Selection, ViewHead } from './messages';
import { diffSeries, LAYER_FIELDS, layerOfKey, markSent, seriesKey, fullPatch, type SentMark } from './series-sync';

export interface SeriesSource {
  snapshot(modelId?: number): SeriesSnapshot;
}

/** What the panel reads from a run (a `RunState` has all of it). */
export interface TrendSource {
  readonly script: string | null;
  readonly iterations: number;
  readonly epochs: number;
  readonly models: ReadonlyMap<number, ModelEvent>;
  readonly engine: { findings(): readonly Finding[]; readonly series?: SeriesSource; layerHealth?(): readonly EngineLayerHealth[] };
  readonly series?: SeriesSource;
}

/** Per-layer series are sent for the selected layer and the layers findings point at, no more. */
export const MAX_SUBSCRIBED = 8;

export function seriesOf(source: TrendSource): SeriesSource | undefined {
  return source.series ?? source.engine.series;
}

export interface BuiltView {
  head: ViewHead;
  layers: LayerMeta[];
  series: Map<string, SeriesData>;
}

export function findingView(f: Finding): FindingView {
  const onset = (f as { onset?: unknown }).onset;
  return {
    id: f.id.slice(0, 512),
    symptom: f.symptom,
    rootCause: f.rootCause,
    severity: f.severity,
    confirmed: f.confirmed,
    message: f.message.slice(0, 2048),
    modelId: f.modelId,
    layer: f.layer ? { name: f.layer.name.slice(0, 256), index: f.layer.index } : null,
    iteration: f.iteration,
    onset: typeof onset === 'number' && Number.isInteger(onset) && onset >= 0 ? onset : null,
    fixTitle: f.fix ? f.fix.title.slice(0, 512) : null,
  };
}

const ENGINE_HEALTH: Record<EngineLayerHealth['status'], LayerHealth> = { faulty: 'faulty', suspect: 'warning', healthy: 'ok', unknown: 'unknown' };

/**
 * The engine's per-layer verdicts for one model. Its text is kept only for faulty/suspect layers:
 * for healthy ones it changes with every sample and would resend the whole layer list.
 */
export function layerHealthFromEngine(health: readonly EngineLayerHealth[], modelId: number): Map<number, { health: LayerHealth; note: string | null }> {
  const out = new Map<number, { health: LayerHealth; note: string | null }>();
  for (const h of health) {
    if (h.modelId !== modelId) continue;
    const mapped = ENGINE_HEALTH[h.status] ?? 'unknown';
    out.set(h.layer.index, { health: mapped, note: mapped === 'faulty' || mapped === 'warning' ? h.text.slice(0, 512) : null });
  }
  return out;
}

const HEALTH_RANK: Record<LayerHealth, number> = { faulty: 3, warning: 2, ok: 1, unknown: 0 };

/** Health of each layer index from the findings about that model. */
export function layerHealthFromFindings(findings: readonly FindingView[], modelId: number): Map<number, { health: LayerHealth; note: string }> {
  const out = new Map<number, { health: LayerHealth; note: string }>();
  for (const f of findings) {
    if (f.modelId !== modelId || !f.layer) continue;
    const health: LayerHealth = f.severity === 'error' && f.confirmed ? 'faulty' : 'warning';
    const prev = out.get(f.layer.index);
    if (!prev || HEALTH_RANK[health] > HEALTH_RANK[prev.health]) out.set(f.layer.index, { health, note: f.symptom });
  }
  return out;
}

function pickModel(snap: SeriesSnapshot, findings: readonly FindingView[], want: number | null): ModelSeriesData | undefined {
  const byId = (id: number | null | undefined) => (id === null || id === undefined ? undefined : snap.models.find((m) => m.modelId === id));
  return (
    byId(want) ??
    byId(findings.find((f) => f.severity === 'error')?.modelId) ??
    byId(findings[0]?.modelId) ??
    byId(snap.currentModelId) ??
    snap.models[snap.models.length - 1]
  );
}

function defaultLayer(m: ModelSeriesData, findings: readonly FindingView[]): string | null {
  const mine = findings.filter((f) => f.modelId === m.modelId && f.layer && m.layers.some((l) => l.name === f.layer!.name));
  const hit = mine.find((f) => f.severity === 'error') ?? mine[0];
  if (hit?.layer) return hit.layer.name;
  const sampled = m.layers.find((l) => l.outMean.x.length > 0 || l.gradNorm.x.length > 0);
  return (sampled ?? m.layers[0])?.name ?? null;
}

/**
 * The view for one selection. The selected layer falls back to the faulty layer (or the first
 * layer with data) when the requested one is not in the shown model.
 */
export function buildView(source: TrendSource, selection: Selection | null, live: boolean): BuiltView {
  const raw = source.engine.findings();
  const findings = raw.map(findingView);
  const run = { script: source.script, live, iterations: source.iterations, epochs: source.epochs };
  const series = new Map<string, SeriesData>();
  const snap = seriesOf(source)?.snapshot();
  const m = snap ? pickModel(snap, findings, selection?.modelId ?? null) : undefined;
  if (!snap || !m) {
    const head: ViewHead = { run, models: [], modelId: null, iterations: 0, metrics: [], findings, selected: null, subscribed: [] };
    return { head, layers: [], series };
  }
  const wanted = selection?.layer && m.layers.some((l) => l.name === selection.layer) && (selection.modelId === null || selection.modelId === m.modelId) ? selection.layer : null;
  const selected = wanted ?? defaultLayer(m, findings);

  const health = layerHealthFromFindings(findings, m.modelId);
  const engineHealth = layerHealthFromEngine(source.engine.layerHealth?.() ?? [], m.modelId);
  const traced = source.models.get(m.modelId);
  const layers: LayerMeta[] = m.layers.map((l) => {
    const fromFindings = health.get(l.index);
    const fromEngine = engineHealth.get(l.index);
    // The worse of the two; the engine's wording when it has one.
    const h = fromEngine && (!fromFindings || HEALTH_RANK[fromEngine.health] >= HEALTH_RANK[fromFindings.health]) ? { health: fromEngine.health, note: fromEngine.note ?? fromFindings?.note ?? null } : fromFindings;
    const info = traced?.layers.find((t) => t.index === l.index);
    return {
      index: l.index,
      name: l.name.slice(0, 256),
      className: l.className.slice(0, 128),
      hasSite: !!info?.site || raw.some((f) => f.modelId === m.modelId && f.layer?.name === l.name && f.location),
      health: h?.health ?? (l.outMean.x.length > 0 || l.gradNorm.x.length > 0 ? 'ok' : 'unknown'),
      note: h?.note ?? null,
    };
  });

  const subscribed: number[] = [];
  const add = (i: number | undefined) => {
    if (i !== undefined && !subscribed.includes(i) && subscribed.length < MAX_SUBSCRIBED && m.layers.some((l) => l.index === i)) subscribed.push(i);
  };
  add(m.layers.find((l) => l.name === selected)?.index);
  for (const f of findings) if (f.modelId === m.modelId && f.severity === 'error') add(f.layer?.index);
  for (const f of findings) if (f.modelId === m.modelId) add(f.layer?.index);

  series.set(seriesKey.loss, m.loss);
  series.set(seriesKey.learningRate, m.learningRate);
  series.set(seriesKey.gradNorm, m.gradNorm);
  const metrics = Object.keys(m.metrics).slice(0, 64);
  for (const k of metrics) series.set(seriesKey.metric(k), m.metrics[k]!);
  for (const l of m.layers) {
    if (!subscribed.includes(l.index)) continue;
    for (const f of LAYER_FIELDS) series.set(seriesKey.layer(l.index, f), l[f]);
  }

  const head: ViewHead = {
    run,
    models: snap.models.map((x) => ({ modelId: x.modelId, name: x.name.slice(0, 256) })).slice(-64),
    modelId: m.modelId,
    iterations: m.iterations,
    metrics: metrics.map((k) => k.slice(0, 64)),
    findings: findings.slice(0, 500),
    selected,
    subscribed,
  };
  return { head, layers, series };
}

/**
 * What the host remembers about the webview's copy, to send only changes. `reset()` when the
 * webview (re)loads.
 */
export class SyncState {
  seq = 0;
  private sent = new Map<string, SentMark>();
  private head = '';
  private layers = '';

  reset(): void {
    this.sent.clear();
    this.head = '';
    this.layers = '';
  }

  snapshot(view: BuiltView): { seq: number; series: SeriesPatch[] } {
    this.reset();
    this.head = JSON.stringify(view.head);
    this.layers = JSON.stringify(view.layers);
    const series: SeriesPatch[] = [];
    for (const [k, s] of view.series) {
      markSent(k, s, this.sent);
      series.push(fullPatch(k, s));
    }
    return { seq: ++this.seq, series };
  }

  /** The changes since the last message, or null when there are none. */
  update(view: BuiltView): { seq: number; after: number; head?: ViewHead; layers?: LayerMeta[]; patches: SeriesPatch[] } | null {
    const patches: SeriesPatch[] = [];
    for (const [k, s] of view.series) {
      const p = diffSeries(k, s, this.sent);
      if (p) patches.push(p);
    }
    // Forget unsubscribed layers so they are sent whole if selected again.
    for (const k of [...this.sent.keys()]) if (!view.series.has(k) && layerOfKey(k) !== null) this.sent.delete(k);
    const head = JSON.stringify(view.head);
    const layers = JSON.stringify(view.layers);
    const headChanged = head !== this.head;
    const layersChanged = layers !== this.layers;
    if (!patches.length && !headChanged && !layersChanged) return null;
    this.head = head;
    this.layers = layers;
    const after = this.seq;
    return {
      seq: ++this.seq,
      after,
      ...(headChanged ? { head: view.head } : {}),
      ...(layersChanged ? { layers: view.layers } : {}),
      patches,
    };
  }
}

/** The line that created a layer, or where a finding about it says to edit. */
export function layerSite(source: TrendSource, modelId: number, layerName: string): SourceSite | null {
  const info = source.models.get(modelId)?.layers.find((l) => l.name === layerName);
  if (info?.site) return info.site;
  const f = source.engine.findings().find((x) => x.modelId === modelId && x.layer?.name === layerName && x.location);
  return f?.location ?? null;
}
