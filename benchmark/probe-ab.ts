/**
 * `npm run bench:probe-ab -- <program.js> <probeA.js> <probeB.js> [rounds]`: two builds of the probe
 * on one program, in alternating probed runs (the host running the engine, as in bench:overhead),
 * for a change whose cost is smaller than bench:overhead's run-to-run swing. Build the other
 * version's probe in a worktree (`git worktree add /tmp/old <rev>`, `node scripts/build.mjs`
 * there). Prints each build's training times and the per-round median of B/A.
 */
import * as path from 'node:path';
import { launch } from '../src/runner/launch';
import { RunState } from '../src/analysis/run-state';

async function trainMs(script: string, probePath: string): Promise<number> {
  let stdout = '';
  const state = new RunState(script);
  const handle = launch({ script, probePath, onEvent: (e) => state.ingest(e), onStdout: (c) => (stdout += c.toString()) });
  const exit = await handle.done;
  if (exit.code !== 0) throw new Error(`${script} under ${probePath} exited with ${exit.code}`);
  const line = stdout.trim().split('\n').reverse().find((l) => l.startsWith('{'));
  if (!line) throw new Error(`${script} printed no {"trainMs": ...} line`);
  return JSON.parse(line).trainMs as number;
}

const median = (v: number[]): number => {
  const s = [...v].sort((x, y) => x - y);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

async function main(): Promise<void> {
  const [scriptArg, aArg, bArg, roundsText] = process.argv.slice(2);
  if (!scriptArg || !aArg || !bArg) throw new Error('usage: probe-ab <program.js> <probeA.js> <probeB.js> [rounds]');
  const [script, a, b] = [scriptArg, aArg, bArg].map((p) => path.resolve(p)) as [string, string, string];
  const rounds = Number(roundsText ?? 9);
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < rounds; i++) {
    ta.push(await trainMs(script, a));
    tb.push(await trainMs(script, b));
  }
  console.log(`A ${ta.map(Math.round).join(' ')} ms | median ${Math.round(median(ta))}`);
  console.log(`B ${tb.map(Math.round).join(' ')} ms | median ${Math.round(median(tb))}`);
  console.log(`B/A per round: median ${median(tb.map((x, i) => x / ta[i]!)).toFixed(3)} over ${rounds} rounds`);
}

main().catch((error) => {
  console.error(`bench:probe-ab: ${(error as Error).message}`);
  process.exit(1);
});
