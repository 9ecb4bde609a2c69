import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { envOverrides, expandVariables, findOnPath, resolveRun, SettingError, type Variables } from '../../src/extension/run-config';

const vars: Variables = { workspaceFolder: '/ws', file: '/ws/src/train.js', userHome: '/home/u', env: { DATA: '/data' } };
const host = { execPath: '/opt/editor/code', envPath: '/usr/bin:/usr/local/bin', isExecutable: (p: string) => p === '/usr/local/bin/node' || p === '/custom/node', isDirectory: (p: string) => p === '/ws' || p === '/ws/run' };

test('variables expand like launch configurations', () => {
  assert.equal(expandVariables('${workspaceFolder}/x ${fileDirname} ${env:DATA} ${userHome} ${file}', vars, 's'), '/ws/x /ws/src /data /home/u /ws/src/train.js');
  assert.equal(expandVariables('${env:MISSING}', vars, 's'), '');
  assert.throws(() => expandVariables('${nope}', vars, 'faultline.args'), /faultline.args: unknown variable \$\{nope\}/);
  assert.throws(() => expandVariables('${workspaceFolder}', { ...vars, workspaceFolder: undefined }, 'faultline.cwd'), SettingError);
});

test('node comes from PATH by default, never from an Electron editor binary', () => {
  const r = resolveRun({ nodePath: '', args: [], env: {}, cwd: '' }, vars, host);
  assert.equal(r.nodePath, '/usr/local/bin/node');
  assert.equal(r.cwd, '/ws/src');
  assert.throws(() => resolveRun({ nodePath: '', args: [], env: {}, cwd: '' }, vars, { ...host, envPath: '/nothing' }), /Node.js was not found on PATH/);
  const plainNode = resolveRun({ nodePath: undefined, args: undefined, env: undefined, cwd: undefined }, vars, { ...host, envPath: '', execPath: '/usr/bin/node', isExecutable: () => false });
  assert.equal(plainNode.nodePath, '/usr/bin/node');
});

test('faultline.nodePath, args, env and cwd are validated and expanded', () => {
  const r = resolveRun({ nodePath: '/custom/node', args: ['--epochs', '3', '${env:DATA}'], env: { A: 'x', N: 4, DROP: null }, cwd: 'run' }, vars, host);
  assert.equal(r.nodePath, '/custom/node');
  assert.deepEqual(r.args, ['--epochs', '3', '/data']);
  assert.deepEqual(r.env, { A: 'x', N: '4' });
  assert.deepEqual(r.unset, ['DROP']);
  assert.equal(r.cwd, path.resolve('/ws/run'));
  assert.throws(() => resolveRun({ nodePath: '/missing/node', args: [], env: {}, cwd: '' }, vars, host), /faultline.nodePath: \/missing\/node is not an executable/);
  assert.throws(() => resolveRun({ nodePath: '', args: 'x', env: {}, cwd: '' }, vars, host), /faultline.args must be an array of strings/);
  assert.throws(() => resolveRun({ nodePath: '', args: [], env: { 'BAD NAME': 'x' }, cwd: '' }, vars, host), /not a valid variable name/);
  assert.throws(() => resolveRun({ nodePath: '', args: [], env: { A: {} }, cwd: '' }, vars, host), /faultline.env.A must be a string/);
  assert.throws(() => resolveRun({ nodePath: '', args: [], env: {}, cwd: 'nowhere' }, vars, host), /faultline.cwd: .*nowhere is not a folder/);
});

test('env overrides set values and remove unset ones (undefined is left out by spawn)', () => {
  const o = envOverrides({ env: { A: '1' }, unset: ['B'] });
  assert.deepEqual(Object.keys(o).sort(), ['A', 'B']);
  assert.equal(o.A, '1');
  assert.equal(o.B, undefined);
});

test('findOnPath skips empty entries and non-executables', () => {
  assert.equal(findOnPath('node', '::/usr/local/bin', 'linux', host.isExecutable), '/usr/local/bin/node');
  assert.equal(findOnPath('node', undefined, 'linux', host.isExecutable), null);
});
