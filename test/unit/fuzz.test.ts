/**
 * Hostile input to the trace decoder and the engine: random bytes, random JSON, truncated and
 * oversized lines, and valid events mutated field by field. Nothing may throw out of the decoder,
 * the line splitter or the engine, and nothing may grow without bound.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RunState } from '../../src/analysis/run-state';
import { decodeLine, LineSplitter, MAX_EVENT_BYTES } from '../../src/analysis/trace';
import { act, decaying, dense, rng, TraceBuilder } from './trace-builder';

function validEvents(): unknown[] {
  const b = new TraceBuilder().model({ layers: [dense(16, 'relu', 10), dense(3, 'linear', 11), act('softmax', 12)], loss: 'categoricalCrossentropy' }).xRange(0, 255).yOneHot(3);
  decaying(60, 1.1, 0.2, 0.05, 0.01).forEach((l, i) => b.step(l, { acc: 0.4 + i / 200, layers: i % 5 === 0 ? [{ out: { dead: 0.3 } }, { out: {} }, { out: {} }] : undefined }));
  b.end();
  return JSON.parse(JSON.stringify(b.events)) as unknown[];
}

const WEIRD: unknown[] = [null, undefined, NaN, Infinity, -1, 0, 1e308, -1e308, 2 ** 53, '', 'x'.repeat(5000), true, [], {}, [1, [2, [3]]], { type: 'iter' }, '\u0000', '__proto__'];

function mutate(value: unknown, random: () => number, depth = 0): unknown {
  if (depth > 6) return value;
  if (Array.isArray(value)) {
    const copy = value.map((v) => (random() < 0.2 ? mutate(v, random, depth + 1) : v));
    if (random() < 0.1) copy.push(WEIRD[Math.floor(random() * WEIRD.length)]);
    if (random() < 0.1) copy.splice(Math.floor(random() * copy.length), 1);
    return copy;
  }
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const key of Object.keys(copy)) {
      const r = random();
      if (r < 0.01) delete copy[key];
      else if (r < 0.03) copy[key] = WEIRD[Math.floor(random() * WEIRD.length)];
      else if (r < 0.12) copy[key] = mutate(copy[key], random, depth + 1);
    }
    if (random() < 0.03) copy['__proto__'] = { polluted: true };
    return copy;
  }
  if (typeof value === 'number') return random() < 0.5 ? value * (random() < 0.5 ? -1e30 : 1e-30) : WEIRD[Math.floor(random() * WEIRD.length)];
  if (typeof value === 'string') return random() < 0.5 ? value.slice(0, Math.floor(random() * value.length)) : value + '\u202e';
  return WEIRD[Math.floor(random() * WEIRD.length)];
}

test('10,000 random and mutated messages: no exception escapes and memory stays bounded', () => {
  const random = rng(2024);
  const base = validEvents();
  const state = new RunState('/work/project/train.js', { readSource: () => "const x = 1;\nmodel.add(tf.layers.dense({units: 3, activation: 'relu'}));\n" });
  let accepted = 0;
  let rejected = 0;
  const lines: string[] = [];
  for (let i = 0; i < 10_000; i++) {
    const kind = random();
    let line: string;
    if (kind < 0.15) {
      line = Array.from({ length: Math.floor(random() * 200) }, () => String.fromCharCode(Math.floor(random() * 65536))).join('');
    } else if (kind < 0.25) {
      line = JSON.stringify(WEIRD[Math.floor(random() * WEIRD.length)]) ?? 'undefined';
    } else if (kind < 0.35) {
      const full = JSON.stringify(base[Math.floor(random() * base.length)]);
      line = full.slice(0, Math.floor(random() * full.length));
    } else if (kind < 0.4) {
      line = JSON.stringify({ ...(base[0] as object), v: Math.floor(random() * 5) - 1 });
    } else {
      line = JSON.stringify(mutate(base[Math.floor(random() * base.length)], random)) ?? 'null';
    }
    lines.push(line);
    const decoded = decodeLine(line);
    if (decoded.ok) {
      accepted++;
      assert.doesNotThrow(() => state.ingest(decoded.event));
    } else {
      rejected++;
      assert.equal(typeof decoded.error, 'string');
      assert.ok(decoded.error.length < 2000, 'error messages stay short');
    }
  }
  assert.ok(accepted > 1000, `only ${accepted} mutated events were still valid: the fuzzer is too blunt`);
  assert.ok(rejected > 1000, `only ${rejected} messages were rejected: the fuzzer is too gentle`);
  assert.doesNotThrow(() => state.finish({ code: 0, signal: null, reason: 'exited', durationMs: 1 }));
  assert.ok(state.engine.findings().length <= 100 * 16, 'findings are bounded');
  assert.equal(({} as Record<string, unknown>).polluted, undefined, 'prototype pollution');
  const snapshot = JSON.stringify(state.engine.series.snapshot());
  assert.ok(snapshot.length < 20 * 1024 * 1024, `series snapshot of ${snapshot.length} bytes`);

  // The same bytes through the stream splitter, in random chunk sizes.
  let seen = 0;
  const splitter = new LineSplitter(() => seen++);
  const stream = lines.join('\n') + '\n';
  for (let at = 0; at < stream.length; ) {
    const size = 1 + Math.floor(random() * 5000);
    splitter.push(stream.slice(at, at + size));
    at += size;
  }
  splitter.flush();
  assert.ok(seen > 9000, `the splitter delivered ${seen} of 10000 lines`);
});

test('an oversized message is dropped without being buffered whole, and the stream goes on', () => {
  const lines: string[] = [];
  let dropped = 0;
  const splitter = new LineSplitter(
    (l) => lines.push(l),
    () => dropped++,
  );
  const chunk = 'x'.repeat(1024 * 1024);
  for (let i = 0; i < Math.ceil(MAX_EVENT_BYTES / chunk.length) + 2; i++) splitter.push(chunk);
  splitter.push('\n{"type":"warning","message":"after"}\n');
  assert.equal(dropped, 1);
  assert.deepEqual(lines, ['{"type":"warning","message":"after"}']);
  assert.equal(decodeLine('x'.repeat(MAX_EVENT_BYTES + 1)).ok, false);
});
