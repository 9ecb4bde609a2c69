/**
 * `npm run bench:seeds`: the fault benchmark again on other data and other initial weights.
 * Every buggy, fixed and healthy program runs with its own seed and then once per sweep seed
 * (FAULTLINE_BENCH_SEED, mixed into the program's seed by benchmark/lib/prng.js), so a verdict
 * that holds only for the seed a program was written with shows up here.
 *   --seeds 1,2     sweep seeds after the programs' own (default 1,2)
 *   --case <id>     one case or healthy program (repeatable)
 *   --no-write      print without updating BENCHMARKS.md
 * Where a verdict is not the expected one (a faithful buggy program missed, a finding on a fixed
 * or healthy program) the program also runs plainly, and its own summary line is shown, so the
 * reader can tell a miss or a false alarm from a program that really did not learn that time.
 */
import { spawn } from 'node:child_process';
import * as os from 'node:os';
import { parseArgs } from 'node:util';
import { today, writeSection } from './report';
import {
  caseScript,
  healthyFlagged,
  healthyScript,
  loadSuites,
  mark,
  runCase,
  mapPooled,
  runHealthy,
  type CaseScore,
  type CaseTruth,
  type HealthyProgram,
  type HealthyScore,
  type ProgramEnv,
} from './run';

const PLAIN_RUN_SECONDS = 120;

/** One sweep position: the programs' own seeds, or a sweep seed mixed into them. */
interface Seed {
  label: string;
  env: ProgramEnv;
}

interface CaseRow {
  truth: CaseTruth;
  scores: CaseScore[];
  notes: string[];
}

interface HealthyRow {
  program: HealthyProgram;
  scores: HealthyScore[];
  notes: string[];
}

/** The last line a program prints when run without Faultline: its own loss and held-out summary. */
function plainSummary(script: string, env: ProgramEnv): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), PLAIN_RUN_SECONDS * 1000);
    child.stdout.on('data', (c) => (out += c.toString()));
    child.stderr.on('data', (c) => (err = (err + c.toString()).slice(-2000)));
    child.on('close', (code) => {
      clearTimeout(timer);
      const last = (text: string) => text.trim().split('\n').filter(Boolean).pop() ?? '';
      resolve(code === 0 ? last(out) : `exit ${code}: ${last(err) || last(out)}`);
    });
  });
}

const marks = (scores: CaseScore[], f: (s: CaseScore) => boolean) => scores.map((s) => mark(f(s))).join(' ');

export function renderSeedTables(seeds: Seed[], cases: CaseRow[], healthy: HealthyRow[]): string {
  const lines: string[] = [];
  const seedList = seeds.map((s) => s.label).join(', ');
  if (cases.length) {
    lines.push(`Marks per seed, in order: ${seedList}.`, '');
    lines.push('| case | detected | exact line | root cause + fix | silent on fixed | where a verdict was not the expected one |');
    lines.push('|---|---|---|---|---|---|');
    for (const row of cases) {
      const s = row.scores;
      const tag = row.truth.healthy ? ' (healthy)' : row.truth.unfaithful ? ' (unfaithful port)' : '';
      const buggyMarks = row.truth.healthy ? '–' : marks(s, (x) => x.detected);
      lines.push(
        `| ${row.truth.id}${tag} | ${buggyMarks} | ${row.truth.healthy ? '–' : marks(s, (x) => x.exactLine)} | ${row.truth.healthy ? '–' : marks(s, (x) => x.fix)} | ${marks(s, (x) => !x.falseAlarmFixed)} | ${row.notes.join('<br>') || '—'} |`,
      );
    }
  }
  if (healthy.length) {
    const flagged = healthy.filter((row) => row.notes.length);
    lines.push('', `Healthy programs with a finding under some seed (${seedList}); every other healthy program had none under any seed:`, '');
    lines.push('| program | findings, per seed, with the program\'s own summary of a plain run |');
    lines.push('|---|---|');
    for (const row of flagged) lines.push(`| ${row.program.id} | ${row.notes.join('<br>')} |`);
    if (!flagged.length) lines.push('| — | none |');
  }
  lines.push('', `| totals | ${seeds.map((s) => s.label).join(' | ')} | all seeds |`);
  lines.push(`|---|${seeds.map(() => '---|').join('')}---|`);
  const perSeed = (label: string, count: (i: number) => [number, number]) => {
    const cells = seeds.map((_, i) => count(i));
    const sum = cells.reduce(([a, b], [c, d]) => [a + c, b + d], [0, 0]);
    lines.push(`| ${label} | ${[...cells, sum].map(([n, d]) => `${n}/${d}`).join(' | ')} |`);
  };
  const buggy = cases.filter((row) => !row.truth.healthy);
  const faithful = buggy.filter((row) => !row.truth.unfaithful);
  if (buggy.length) {
    perSeed('detected (faithful ports)', (i) => [faithful.filter((r) => r.scores[i].detected).length, faithful.length]);
    perSeed('exact line (faithful ports)', (i) => [faithful.filter((r) => r.scores[i].exactLine).length, faithful.length]);
    perSeed('root cause + fix (faithful ports)', (i) => [faithful.filter((r) => r.scores[i].fix).length, faithful.length]);
    perSeed('detected (all buggy)', (i) => [buggy.filter((r) => r.scores[i].detected).length, buggy.length]);
  }
  if (cases.length) perSeed('fixed programs with any finding', (i) => [cases.filter((r) => r.scores[i].falseAlarmFixed).length, cases.length]);
  if (healthy.length) perSeed('healthy programs with any finding', (i) => [healthy.filter((r) => healthyFlagged(r.scores[i])).length, healthy.length]);
  return lines.join('\n');
}

async function sweepCase(truth: CaseTruth, seeds: Seed[]): Promise<CaseRow> {
  const row: CaseRow = { truth, scores: [], notes: [] };
  for (const seed of seeds) {
    const score = await runCase(truth, seed.env);
    row.scores.push(score);
    const missed = !truth.healthy && !truth.unfaithful && !score.detected;
    if (missed) row.notes.push(`${seed.label}: buggy missed${score.error ? ` (${score.error})` : ''}; plain run: ${await plainSummary(caseScript(truth.id, 'buggy', truth.dir), seed.env)}`);
    else if (!truth.healthy && score.detected && !score.fix) row.notes.push(`${seed.label}: lead ${score.first}`);
    if (score.falseAlarmFixed) row.notes.push(`${seed.label}: fixed ${score.falseAlarmFindings.join(', ') || 'gave no report'}; plain run: ${await plainSummary(caseScript(truth.id, 'fixed', truth.dir), seed.env)}`);
    process.stderr.write(`${seed.label} ${truth.id}: ${truth.healthy ? 'healthy' : score.detected ? 'detected' : 'missed'} · ${score.first}${score.falseAlarmFixed ? ` · finding on fixed ${score.falseAlarmFindings.join(', ')}` : ''}\n`);
  }
  return row;
}

async function sweepHealthy(program: HealthyProgram, seeds: Seed[]): Promise<HealthyRow> {
  const row: HealthyRow = { program, scores: [], notes: [] };
  for (const seed of seeds) {
    const score = await runHealthy(program, seed.env);
    row.scores.push(score);
    if (healthyFlagged(score)) {
      row.notes.push(`${seed.label}: ${score.error ? `error: ${score.error}` : score.findings.join(', ')}; plain run: ${await plainSummary(healthyScript(program.id), seed.env)}`);
    }
    process.stderr.write(`${seed.label} ${program.id}: ${score.error ? `error · ${score.error}` : score.verdict}${score.findings.length ? ` · ${score.findings.join(', ')}` : ''}\n`);
  }
  return row;
}

export function parseSeeds(text: string): Seed[] {
  const sweep = text.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = sweep.filter((s) => !/^\d+$/.test(s));
  if (bad.length) throw new Error(`--seeds takes non-negative integers, got: ${bad.join(', ')}`);
  return [{ label: 'own', env: {} }, ...sweep.map((s) => ({ label: `seed ${s}`, env: { FAULTLINE_BENCH_SEED: s } }))];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seeds: { type: 'string', default: '1,2' },
      case: { type: 'string', multiple: true },
      'no-write': { type: 'boolean', default: false },
      // As in `npm run bench`: the DeepLocalize cases one at a time, the rest this many at a time.
      jobs: { type: 'string', default: '2' },
    },
  });
  const seeds = parseSeeds(values.seeds ?? '');
  const jobs = Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new Error(`--jobs must be a whole number of 1 or more, not ${values.jobs}`);
  const { cases, bugs, healthy } = loadSuites(values.case ?? []);
  const started = Date.now();
  const caseRows: CaseRow[] = [];
  for (const truth of cases) caseRows.push(await sweepCase(truth, seeds));
  const healthyRows = await mapPooled(healthy, jobs, (program) => sweepHealthy(program, seeds));
  const bugRows = await mapPooled(bugs, jobs, (truth) => sweepCase(truth, seeds));
  // The written bugs get their own table: their totals are not the DeepLocalize programs'.
  const tables = [renderSeedTables(seeds, caseRows, healthyRows), ...(bugRows.length ? [`### Written bugs (\`benchmark/bugs/\`)\n\n${renderSeedTables(seeds, bugRows, [])}`] : [])].join('\n\n');
  process.stdout.write(tables + '\n');
  const seconds = Math.round((Date.now() - started) / 1000);
  if (!values['no-write'] && !values.case) {
    const command = `npm run bench:seeds -- --seeds ${values.seeds}`;
    writeSection(
      'bench-seeds',
      `## The fault benchmark under other seeds\n\nCommand: \`${command}\` · date ${today()} · ${os.cpus().length} cores · ${seconds} s in all.\n\nEvery program was written with one seed for its data and initial weights. Here each buggy, fixed and healthy program runs with that seed and again with each sweep seed mixed into it (\`FAULTLINE_BENCH_SEED\`), scored as in the table above. Where a verdict is not the expected one, the program was also run without Faultline and its own summary line is quoted: a buggy port may not misbehave on other data, and a healthy one may not learn.\n\n${tables}`,
    );
  }
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`bench:seeds: ${(error as Error).message}\n`);
    process.exitCode = 2;
  });
}
