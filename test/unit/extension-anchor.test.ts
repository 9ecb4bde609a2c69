import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentSpan, LineMap } from '../../src/extension/anchor';
import type { TextEdit } from '../../src/analysis/findings';

const RUN = ['const tf = 1;', 'model.add(a);', 'model.add(b);', '', 'model.compile();', 'model.fit();'].join('\n');

test('unchanged text maps every line to itself', () => {
  const m = LineMap.of(RUN, RUN);
  assert.equal(m.identical, true);
  for (let l = 1; l <= 6; l++) assert.equal(m.map(l), l);
  assert.equal(m.map(0), null);
  assert.equal(m.map(7), null);
});

test('lines added above move the lines below', () => {
  const now = ['// header', '// more', RUN].join('\n');
  const m = LineMap.of(RUN, now);
  assert.equal(m.map(1), 3);
  assert.equal(m.map(5), 7);
  assert.equal(m.map(6), 8);
});

test('lines removed in the middle: lines after shift up, the removed line is gone', () => {
  const now = RUN.split('\n').filter((l) => l !== 'model.add(b);').join('\n');
  const m = LineMap.of(RUN, now);
  assert.equal(m.map(2), 2);
  assert.equal(m.map(3), null);
  assert.equal(m.map(5), 4);
});

test('an edited line is not mapped (its diagnostic would be stale)', () => {
  const now = RUN.replace('model.add(b);', 'model.add(c);');
  const m = LineMap.of(RUN, now);
  assert.equal(m.map(3), null);
  assert.equal(m.map(2), 2);
  assert.equal(m.map(5), 5);
});

test('two separate edits: unchanged lines between them are found by their text', () => {
  const now = ['// new first line', 'const tf = 1;', 'model.add(a);', 'model.add(b);', '', 'model.compile({});', 'model.fit();'].join('\n');
  const m = LineMap.of(RUN, now);
  assert.equal(m.map(1), 2);
  assert.equal(m.map(3), 4);
  assert.equal(m.map(4), null, 'blank lines inside a changed block are ambiguous');
  assert.equal(m.map(5), null);
  assert.equal(m.map(6), 7);
});

test('repeated identical lines inside a changed block map by order', () => {
  const run = ['x', 'dup', 'y', 'dup', 'z'].join('\n');
  const now = ['x!', 'dup', 'y!', 'dup', 'z!'].join('\n');
  const m = LineMap.of(run, now);
  assert.equal(m.map(2), 2);
  assert.equal(m.map(4), 4);
  const fewer = LineMap.of(run, ['x!', 'dup', 'y!', 'z!'].join('\n'));
  assert.equal(fewer.map(2), null);
});

test('CRLF and LF texts compare by line content', () => {
  const m = LineMap.of(RUN.replace(/\n/g, '\r\n'), RUN);
  assert.equal(m.identical, true);
});

test('mapEdit moves an edit with its line and refuses when the line changed', () => {
  const edit: TextEdit = { file: '/a.js', startLine: 3, startColumn: 11, endLine: 3, endColumn: 12, newText: 'c' };
  const moved = LineMap.of(RUN, '// hi\n' + RUN).mapEdit(edit);
  assert.deepEqual(moved, { ...edit, startLine: 4, endLine: 4 });
  assert.equal(LineMap.of(RUN, RUN.replace('model.add(b);', 'model.add(bb);')).mapEdit(edit), null);
});

test('mapEdit of a multi-line edit needs every touched line unchanged', () => {
  const edit: TextEdit = { file: '/a.js', startLine: 2, startColumn: 1, endLine: 4, endColumn: 1, newText: '' };
  assert.deepEqual(LineMap.of(RUN, '\n' + RUN).mapEdit(edit), { ...edit, startLine: 3, endLine: 5 });
  // Line 4 (the end, column 1) may change: the edit does not depend on its text.
  assert.deepEqual(LineMap.of(RUN, RUN.replace('\n\nmodel.compile', '\n// c\nmodel.compile')).mapEdit(edit), edit);
  assert.equal(LineMap.of(RUN, RUN.replace('model.add(b);', 'x')).mapEdit(edit), null);
});

test('contentSpan underlines the call that starts at the column, when it closes on its line', () => {
  const layer = "  model.add(tf.layers.dense({ units: 3, activation: 'relu' }));   ";
  const at = (text: string, column: number) => {
    const s = contentSpan(text, column);
    return text.slice(s.start - 1, s.end - 1);
  };
  assert.equal(at(layer, layer.indexOf('dense') + 1), "dense({ units: 3, activation: 'relu' })");
  assert.equal(at(layer, 13), "tf.layers.dense({ units: 3, activation: 'relu' })");
  const compile = "  model.compile({ optimizer: tf.train.sgd(5), loss: 'meanSquaredError' });";
  assert.equal(at(compile, compile.indexOf('sgd') + 1), 'sgd(5)');
  // An assignment is placed at its `=`; it is underlined from its target.
  const assign = '      if (epoch === 2) optimizer.learningRate = 1e5;';
  assert.equal(at(assign, assign.indexOf('=', assign.indexOf('learningRate')) + 1), 'optimizer.learningRate = 1e5;');
  // Brackets inside strings do not count.
  assert.equal(at("  f(')', { a: [1, 2] }, \"(\") + 1;", 3), "f(')', { a: [1, 2] }, \"(\")");
});

test('contentSpan otherwise runs from the column to the end of the content', () => {
  // A call that continues on the next line, a site that is not a call, or a comment in the way.
  assert.equal(contentSpan('  const model = tf.sequential({', 17).end, 32);
  assert.deepEqual(contentSpan('  new Adam(0.1);', 3), { start: 3, end: 17 });
  assert.deepEqual(contentSpan('  fit(xs, // inputs', 3), { start: 3, end: 20 });
  assert.deepEqual(contentSpan('  foo();', 1), { start: 1, end: 9 });
  // A column past the content falls back to the first non-blank character.
  assert.deepEqual(contentSpan('  foo();', 40), { start: 3, end: 9 });
  assert.deepEqual(contentSpan('', 5), { start: 1, end: 1 });
});
