import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TraceEvent } from '../../src/analysis/trace';
import { scratchDir } from '../helpers/scratch';
import { readTraceFile, scriptFromArgv, TraceFileError } from '../../src/extension/trace-file';

const hello = { type: 'hello', v: 1, pid: 1, nodeVersion: 'v20', argv: ['/usr/bin/node', '/ws/train.js', '--x'], cwd: '/ws', time: 0 };
const tfjs = { type: 'tfjs', version: '4.22.0', backend: 'wasm', modulePath: '/ws/node_modules/@tensorflow/tfjs/dist/index.js' };

function write(content: string): string {
  const dir = scratchDir('fl-trace-');
  const f = path.join(dir, 't.jsonl');
  fs.writeFileSync(f, content);
  return f;
}

test('a trace is read line by line, invalid lines are counted and skipped', async () => {
  const f = write([JSON.stringify(hello), 'not json', JSON.stringify({ type: 'iter', modelId: 'x' }), JSON.stringify(tfjs), ''].join('\n'));
  const events: TraceEvent[] = [];
  const r = await readTraceFile(f, (e) => events.push(e));
  assert.deepEqual(events.map((e) => e.type), ['hello', 'tfjs']);
  assert.equal(r.invalid, 2);
  assert.equal(r.errors[0], 'not JSON');
  assert.equal(r.script, '/ws/train.js');
});

test('files that are not traces, too large, or missing are refused with a reason', async () => {
  await assert.rejects(readTraceFile(write('hello\nworld\n'), () => {}), /is not a Faultline trace \(2 invalid lines, first: not JSON\)/);
  await assert.rejects(readTraceFile(write(''), () => {}), /is empty/);
  await assert.rejects(readTraceFile(write(JSON.stringify(hello) + '\n'.repeat(100)), () => {}, { maxBytes: 50 }), TraceFileError);
  await assert.rejects(readTraceFile('/nonexistent/t.jsonl', () => {}), /Trace file not found/);
  await assert.rejects(readTraceFile(write(JSON.stringify({ ...hello, v: 99 }) + '\n'), () => {}), /trace version 99 is not supported/);
});

test('the script is the first script argument outside node_modules', () => {
  assert.equal(scriptFromArgv(['/usr/bin/node', '/p/node_modules/tsx/dist/cli.mjs', '/p/train.ts']), '/p/train.ts');
  assert.equal(scriptFromArgv(['/usr/bin/node', '-e', 'x']), null);
});
