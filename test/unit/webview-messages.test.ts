import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFromWebview, parseToWebview, PROTOCOL_VERSION, type ToWebview, type ViewHead } from '../../webview/messages';

const head: ViewHead = {
  run: { script: '/p/train.js', live: true, iterations: 3, epochs: 0 },
  models: [{ modelId: 1, name: 'sequential_1' }],
  modelId: 1,
  iterations: 3,
  metrics: ['acc'],
  findings: [
    {
      id: 'dead-relu:dense_2',
      symptom: 'dead-relu',
      rootCause: 'hidden-activation',
      severity: 'error',
      confirmed: true,
      message: '100% of dense_2 units are dead.',
      modelId: 1,
      layer: { name: 'dense_2', index: 1 },
      iteration: 2,
      onset: null,
      fixTitle: 'Use elu',
    },
  ],
  selected: 'dense_2',
  subscribed: [1],
};
const series = { key: 'loss', from: 0, stride: 1, x: [0, 1, 2], mean: [1, null, 0.5], min: [1, null, 0.5], max: [1, null, 0.5], nonFinite: [0, 1, 0] };
const layer = { index: 1, name: 'dense_2', className: 'Dense', hasSite: true, health: 'faulty' as const, note: 'dead' };

test('accepts every extension → webview message', () => {
  const msgs: ToWebview[] = [
    { type: 'snapshot', v: PROTOCOL_VERSION, seq: 1, head, layers: [layer], series: [series] },
    { type: 'update', seq: 2, after: 1, patches: [{ ...series, from: 2, x: [2], mean: [0.4], min: [0.4], max: [0.4], nonFinite: [0] }] },
    { type: 'update', seq: 3, after: 2, head, layers: [layer], patches: [] },
    { type: 'focus', modelId: 1, layer: 'dense_2' },
    { type: 'focus', modelId: null, layer: 'dense_2' },
    { type: 'theme', kind: 'high-contrast-light' },
  ];
  for (const m of msgs) {
    const r = parseToWebview(JSON.parse(JSON.stringify(m)));
    assert.ok(r.ok, `${m.type}: ${r.ok ? '' : r.error}`);
    assert.deepEqual(r.ok && r.message, m);
  }
});

test('rejects malformed extension → webview messages with a short reason', () => {
  const bad: unknown[] = [
    null,
    'snapshot',
    { type: 'nope' },
    { type: 'snapshot', v: 99, seq: 1, head, layers: [], series: [] },
    { type: 'update', seq: -1, after: 0, patches: [] },
    { type: 'update', seq: 1, after: 0, patches: [{ ...series, stride: 0 }] },
    { type: 'update', seq: 1, after: 0, patches: [{ ...series, x: [0, 'a', 2] }] },
    // NaN / Infinity are not JSON values and must not reach the charts as numbers.
    { type: 'update', seq: 1, after: 0, patches: [{ ...series, mean: [1, Number.NaN, 2] }] },
    { type: 'update', seq: 1, after: 0, patches: [{ ...series, mean: [1, Infinity, 2] }] },
    { type: 'focus', modelId: 1, layer: 'x'.repeat(300) },
    { type: 'focus', modelId: 1.5, layer: 'a' },
    { type: 'theme', kind: 'sepia' },
    { type: 'snapshot', v: PROTOCOL_VERSION, seq: 1, head: { ...head, findings: [{ ...head.findings[0], severity: 'fatal' }] }, layers: [], series: [] },
    { type: 'snapshot', v: PROTOCOL_VERSION, seq: 1, head, layers: [{ ...layer, health: 'great' }], series: [] },
  ];
  for (const m of bad) {
    const r = parseToWebview(m);
    assert.equal(r.ok, false, JSON.stringify(m)?.slice(0, 120));
    assert.match(!r.ok ? r.error : '', /^invalid /);
  }
});

test('accepts every webview → extension message', () => {
  const msgs = [
    { type: 'ready', v: PROTOCOL_VERSION, selection: null },
    { type: 'ready', v: PROTOCOL_VERSION, selection: { modelId: 2, layer: 'conv2d_1' } },
    { type: 'selectLayer', modelId: 1, layer: 'dense_2' },
    { type: 'selectLayer', modelId: 3, layer: null },
    { type: 'revealLayer', modelId: 1, layer: 'dense_2' },
  ];
  for (const m of msgs) {
    const r = parseFromWebview(m);
    assert.ok(r.ok, r.ok ? '' : r.error);
    assert.deepEqual(r.ok && r.message, m);
  }
});

test('rejects what a compromised or stale webview could send', () => {
  const bad: unknown[] = [
    undefined,
    [],
    { type: 'ready' },
    { type: 'ready', v: 0, selection: null },
    { type: 'revealLayer', modelId: 1 },
    // The webview names a layer; it never gets to name a file.
    { type: 'revealLayer', modelId: 1, layer: 'dense', file: '/etc/passwd' } as unknown,
    { type: 'revealLayer', modelId: '1', layer: 'dense' },
    { type: 'selectLayer', modelId: 1, layer: 'x'.repeat(257) },
    { type: 'openFile', path: '/etc/passwd' },
  ];
  for (const m of bad) {
    const r = parseFromWebview(m);
    if (r.ok) {
      // Unknown keys are stripped rather than rejected: what is left must not carry them.
      assert.equal((r.message as Record<string, unknown>)['file'], undefined);
      assert.deepEqual(Object.keys(r.message).sort(), ['layer', 'modelId', 'type']);
    } else assert.match(r.error, /^invalid /);
  }
  assert.equal(parseFromWebview({ type: 'openFile', path: '/etc/passwd' }).ok, false);
  assert.equal(parseFromWebview({ type: 'revealLayer', modelId: 1 }).ok, false);
});
