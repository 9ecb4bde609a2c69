/** A long run stays bounded: the panel's series and the engine's state do not grow with the run. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { replay } from '../../benchmark/longrun';

test('series snapshots of a 20,000 and a 200,000 iteration run have the same bounded size', () => {
  const short = JSON.stringify(replay(20_000, 4).state.engine.series.snapshot()).length;
  const { state, ms } = replay(200_000, 4);
  const long = JSON.stringify(state.engine.series.snapshot()).length;
  assert.ok(long < short * 1.5, `snapshot grew from ${short} to ${long} bytes`);
  assert.equal(state.engine.findings().length, 0, 'a healthy synthetic run has no finding');
  assert.ok(ms / 200_000 < 0.2, `engine took ${(ms / 200).toFixed(1)} µs per iteration`);
});
