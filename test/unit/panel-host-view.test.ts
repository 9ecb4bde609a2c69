import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../../src/analysis/findings';
import { RunState } from '../../src/analysis/run-state';
import { TraceSeries } from '../../src/analysis/series';
import { sampleEvents, sampleModel } from '../../webview/dev/sample-run';
import { buildView, findingView, layerSite, MAX_SUBSCRIBED, SyncState, type TrendSource } from '../../webview/host-view';
import { contentSecurityPolicy, trendPageHtml } from '../../webview/html';
import { parseToWebview, PROTOCOL_VERSION, type SeriesData } from '../../webview/messages';
import { applyPatch, seriesKey } from '../../webview/series-sync';

// The panel takes the editor's RunState as it is.
const _fits: (s: RunState) => TrendSource = (s) => s;
void _fits;

function finding(over: Partial<Finding> = {}): Finding {
  return {
    id: 'dead-relu:dense_Dense2',
    symptom: 'dead-relu',
    rootCause: 'hidden-activation',
    confirmed: true,
    severity: 'error',
    message: 'dead',
    layer: { name: 'dense_Dense2', index: 1, className: 'Dense' },
    location: { file: '/p/train.js', line: 13, column: 11 },
    related: [],
    fix: { title: 'Use elu', edits: [], preferred: true },
    alternatives: [],
    evidence: [],
    relevance: [],
    modelId: 1,
    iteration: 150,
    elapsedMs: 0,
    ...over,
  };
}

function fakeSource(findings: Finding[], events = sampleEvents()): TrendSource {
  const series = new TraceSeries();
  const models = new Map();
  for (const e of events) {
    series.ingest(e);
    if (e.type === 'model') models.set(e.modelId, e);
  }
  return { script: '/p/train.js', iterations: 300, epochs: 10, models, engine: { findings: () => findings, series } };
}

test('a real run through RunState: a valid snapshot, the fault (if the engine reports one) selected and badged', () => {
  const state = new RunState('/p/train.js');
  for (const e of sampleEvents()) state.ingest(e);
  const v = buildView(state, null, true);
  assert.equal(v.head.modelId, 1);
  assert.deepEqual(
    v.layers.map((l) => [l.name, l.hasSite]),
    [
      ['dense_Dense1', true],
      ['dense_Dense2', true],
      ['dropout_Dropout1', true],
      ['dense_Dense3', true],
    ],
  );
  const sel = v.layers.find((l) => l.name === v.head.selected)!;
  assert.ok(v.series.get(seriesKey.layer(sel.index, 'outMean'))!.x.length > 50, 'the selected layer is sent');
  assert.equal(v.series.get(seriesKey.loss)!.x.length, 300);
  const layerFault = state.engine.findings().find((f) => f.severity === 'error' && f.confirmed && f.layer);
  if (layerFault) {
    assert.equal(v.head.selected, layerFault.layer!.name);
    assert.equal(v.layers.find((l) => l.name === layerFault.layer!.name)?.health, 'faulty');
  }
  const snap = { type: 'snapshot', v: PROTOCOL_VERSION, seq: 1, head: v.head, layers: v.layers, series: new SyncState().snapshot(v).series };
  const r = parseToWebview(JSON.parse(JSON.stringify(snap)));
  assert.ok(r.ok, r.ok ? '' : r.error);
});

test('selection: a requested layer is honoured, an unknown one falls back to the fault', () => {
  const src = fakeSource([finding()]);
  assert.equal(buildView(src, { modelId: 1, layer: 'dense_Dense1' }, true).head.selected, 'dense_Dense1');
  assert.deepEqual(buildView(src, { modelId: 1, layer: 'dense_Dense1' }, true).head.subscribed, [0, 1], 'selected first, then faulty');
  assert.equal(buildView(src, { modelId: 1, layer: 'nope' }, true).head.selected, 'dense_Dense2');
  assert.equal(buildView(src, { modelId: null, layer: 'dense_Dense3' }, true).head.selected, 'dense_Dense3');
  assert.equal(buildView(fakeSource([]), null, true).head.selected, 'dense_Dense1', 'no finding: the first layer with samples');
});

test('no run yet: an empty view', () => {
  const v = buildView({ script: null, iterations: 0, epochs: 0, models: new Map(), engine: { findings: () => [], series: new TraceSeries() } }, null, false);
  assert.equal(v.head.modelId, null);
  assert.deepEqual(v.layers, []);
  assert.equal(v.series.size, 0);
});

test('subscriptions are capped', () => {
  const many = Array.from({ length: 20 }, (_, i) => finding({ id: `f${i}`, layer: { name: `l${i}`, index: i % 4, className: 'Dense' } }));
  const v = buildView(fakeSource(many), null, true);
  assert.ok(v.head.subscribed.length <= MAX_SUBSCRIBED);
});

test('snapshot then updates keep the webview copy equal to the host series, with small messages', () => {
  const events = sampleEvents();
  const series = new TraceSeries();
  const models = new Map();
  const src: TrendSource = { script: null, iterations: 0, epochs: 0, models, engine: { findings: () => [finding()], series } };
  const sync = new SyncState();
  const store = new Map<string, SeriesData>();
  let seq = -1;
  let bytes = 0;
  let fullBytes = 0;
  let i = 0;
  for (; i < 100; i++) series.ingest(events[i]!);
  models.set(1, sampleModel());
  const s = sync.snapshot(buildView(src, null, true));
  for (const p of s.series) assert.ok(applyPatch(store, p));
  seq = s.seq;
  let selection: { modelId: number; layer: string } | null = null;
  for (; i < events.length; i++) {
    series.ingest(events[i]!);
    if (i === 200) selection = { modelId: 1, layer: 'dense_Dense1' };
    if (i % 7 !== 0 && i !== events.length - 1) continue;
    const v = buildView(src, selection, true);
    const u = sync.update(v);
    if (!u) continue;
    const wire = JSON.parse(JSON.stringify({ type: 'update', ...u }));
    const r = parseToWebview(wire);
    assert.ok(r.ok && r.message.type === 'update');
    assert.equal(r.message.after, seq);
    seq = r.message.seq;
    bytes += JSON.stringify(wire).length;
    fullBytes += JSON.stringify(new SyncState().snapshot(v)).length;
    for (const p of r.message.patches) assert.ok(applyPatch(store, p), p.key);
    for (const [k, data] of v.series) assert.deepEqual(store.get(k), data, `${k} after event ${i}`);
  }
  assert.ok(store.has(seriesKey.layer(0, 'outMean')), 'a newly selected layer arrives whole');
  assert.ok(bytes < fullBytes / 5, `updates total ${bytes} bytes, snapshots would be ${fullBytes}`);
});

test('an update with nothing new is not sent', () => {
  const src = fakeSource([finding()]);
  const sync = new SyncState();
  sync.snapshot(buildView(src, null, true));
  assert.equal(sync.update(buildView(src, null, true)), null);
  assert.ok(sync.update(buildView(src, null, false))?.head, 'run ended: the head changes');
});

test('reveal resolves the layer line from the trace, else from a finding', () => {
  const src = fakeSource([finding({ layer: { name: 'ghost', index: 9, className: 'Dense' }, location: { file: '/p/x.js', line: 3, column: 1 } })]);
  assert.deepEqual(layerSite(src, 1, 'dense_Dense2'), { file: '/work/project/train.js', line: 13, column: 11 });
  assert.deepEqual(layerSite(src, 1, 'ghost'), { file: '/p/x.js', line: 3, column: 1 });
  assert.equal(layerSite(src, 1, 'nope'), null);
  assert.equal(layerSite(src, 2, 'dense_Dense2'), null);
});

test('findings are trimmed to what the webview shows', () => {
  const f = findingView(finding({ message: 'x'.repeat(5000), ...({ onset: 120 } as object) }));
  assert.equal(f.message.length, 2048);
  assert.equal(f.onset, 120);
  assert.equal(f.fixTitle, 'Use elu');
});

test('page: strict CSP with a nonce, only local resources, escaped attributes', () => {
  const csp = contentSecurityPolicy('https://x.vscode-cdn.net', 'abc');
  assert.equal(csp, "default-src 'none'; script-src 'nonce-abc'; style-src https://x.vscode-cdn.net 'nonce-abc'; img-src https://x.vscode-cdn.net data:");
  const html = trendPageHtml({ cspSource: 'https://x.vscode-cdn.net', nonce: 'abc', scriptUri: 'https://x/w.js?a="b"', styleUris: ['https://x/u.css'] });
  assert.match(html, /<script nonce="abc" src="https:\/\/x\/w.js\?a=&quot;b&quot;"><\/script>/);
  assert.equal((html.match(/<script/g) ?? []).length, 1, 'one script, no inline code');
  assert.doesNotMatch(html, /unsafe-inline|unsafe-eval|http:\/\//);
});
