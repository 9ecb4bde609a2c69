/**
 * `npm run bench`: runs the CLI on every buggy and fixed DeepLocalize program and scores it against
 * the case's ground truth, side by side with DeepLocalize's published results; then on every
 * healthy program in benchmark/healthy, where any finding at all is a false alarm.
 * `npm run bench:bugs` (`--written`): the same marks on the written bugs in benchmark/bugs, in a
 * section of their own, so that the DeepLocalize run stays well within its 20 minutes as sets grow.
 *   --case <id>     run one case, DeepLocalize, written bug or healthy program (repeatable)
 *   --no-write      print the table without updating BENCHMARKS.md
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { today, writeSection } from './report';
import type { Finding, Report } from '../src/analysis/findings';

const ROOT = path.resolve(__dirname, '..');
const CASES = path.join(ROOT, 'benchmark', 'cases');
/** Bugs written for this benchmark, each with its fix, before Faultline was run on them. */
const BUGS = path.join(ROOT, 'benchmark', 'bugs');
const HEALTHY = path.join(ROOT, 'benchmark', 'healthy');
const CLI = path.join(ROOT, 'bin', 'faultline');
const MAX_SECONDS = 90;

export interface CaseTruth {
  id: string;
  source?: string;
  kind: 'dense' | 'conv';
  healthy?: boolean;
  /** The port could not reproduce the original's behaviour faithfully (reason in the case). */
  unfaithful?: boolean;
  rootCauses: string[];
  alternativeRootCauses?: string[];
  lines: number[];
  primaryLine?: number;
  publishedResults?: { deepLocalizeDetected?: boolean | null; deepLocalizeLocalized?: boolean | null };
  /** A written bug (benchmark/bugs): what it is. */
  bug?: string;
  /** The folder the case was loaded from (not in case.json). */
  dir?: string;
}

export interface CaseScore {
  id: string;
  kind: string;
  healthy: boolean;
  unfaithful: boolean;
  detected: boolean;
  exactLine: boolean;
  rootCause: boolean;
  fix: boolean;
  falseAlarmFixed: boolean;
  falseAlarmFindings: string[];
  firstFindingMs: number | null;
  first: string;
  dlDetected: boolean | null;
  dlLocalized: boolean | null;
  buggySeconds: number;
  fixedSeconds: number;
  error: string | null;
}

interface CliRun {
  report: Report | null;
  code: number | null;
  seconds: number;
  stderr: string;
}

/** A correct program that trains well (benchmark/healthy/<id>/program.json). */
export interface HealthyProgram {
  id: string;
  kind: string;
  backend: string;
  modelledOn: string;
  description: string;
  learnedWhen: string;
  observed: string;
}

export interface HealthyScore {
  id: string;
  kind: string;
  modelledOn: string;
  verdict: string;
  /** Every finding, confirmed or not: on a healthy program each one is a false alarm. */
  findings: string[];
  seconds: number;
  error: string | null;
}

/** Extra environment for the traced programs, e.g. FAULTLINE_BENCH_SEED for a seed sweep. */
export type ProgramEnv = Record<string, string>;

function runCli(script: string, programEnv: ProgramEnv = {}): Promise<CliRun> {
  const reportFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-bench-')), 'report.json');
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'run', script, '--report', reportFile, '--max-seconds', String(MAX_SECONDS)], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, ...programEnv, CI: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr = (stderr + c.toString()).slice(-4000)));
    child.on('close', (code) => {
      let report: Report | null = null;
      try {
        report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as Report;
      } catch {
        report = null;
      }
      fs.rmSync(path.dirname(reportFile), { recursive: true, force: true });
      resolve({ report, code, seconds: (Date.now() - started) / 1000, stderr });
    });
  });
}

/** The finding a user sees first: confirmed before unconfirmed, then the earliest. */
export function leadFinding(report: Report): Finding | null {
  const confirmed = report.findings.filter((f) => f.confirmed);
  const pool = confirmed.length ? confirmed : [];
  return pool.sort((a, b) => a.elapsedMs - b.elapsedMs)[0] ?? null;
}

export function scoreCase(truth: CaseTruth, buggy: CliRun, fixed: CliRun): CaseScore {
  const healthy = truth.healthy === true;
  const report = buggy.report;
  const lead = report ? leadFinding(report) : null;
  const causes = new Set([...truth.rootCauses, ...(truth.alternativeRootCauses ?? [])]);
  const detected = !healthy && report?.verdict === 'faulty';
  const confirmed = report?.findings.filter((f) => f.confirmed) ?? [];
  // The lead finding decides the line and cause: that is the squiggle a user acts on.
  const exactLine = detected && !!lead?.location && truth.lines.includes(lead.location.line) && lead.location.file.endsWith('buggy.js');
  const rootCause = detected && !!lead && causes.has(lead.rootCause);
  const fix = rootCause && !!lead?.fix;
  const fixedFindings = fixed.report?.findings ?? [];
  const buggyFindingsWhenHealthy = healthy ? report?.findings ?? [] : [];
  const falseAlarms = [...fixedFindings, ...buggyFindingsWhenHealthy];
  return {
    id: truth.id,
    kind: truth.kind,
    healthy,
    unfaithful: truth.unfaithful === true,
    detected,
    exactLine,
    rootCause,
    fix,
    falseAlarmFixed: falseAlarms.length > 0 || fixed.report === null,
    falseAlarmFindings: falseAlarms.map((f) => `${f.symptom}@${f.location?.line ?? '?'}`),
    firstFindingMs: lead ? lead.elapsedMs : null,
    first: lead ? `${lead.symptom} → ${lead.rootCause} @${lead.location?.line ?? '?'}` : confirmed.length ? 'unconfirmed' : '—',
    dlDetected: truth.publishedResults?.deepLocalizeDetected ?? null,
    dlLocalized: truth.publishedResults?.deepLocalizeLocalized ?? null,
    buggySeconds: buggy.seconds,
    fixedSeconds: fixed.seconds,
    error: runError(buggy),
  };
}

/** Why a run gave no diagnosis: no report at all, or the report's own run error. */
function runError(run: CliRun): string | null {
  if (run.report === null) return `no report (exit ${run.code}): ${run.stderr.trim().split('\n').pop() ?? ''}`;
  return run.report.run.error?.message ?? null;
}

export function scoreHealthy(program: HealthyProgram, run: CliRun): HealthyScore {
  const report = run.report;
  return {
    id: program.id,
    kind: program.kind,
    modelledOn: program.modelledOn,
    verdict: report?.verdict ?? 'error',
    findings: (report?.findings ?? []).map((f) => `${f.symptom} → ${f.rootCause} @${f.location?.line ?? '?'}${f.confirmed ? '' : ' (unconfirmed)'}`),
    seconds: run.seconds,
    error: runError(run),
  };
}

export async function runHealthy(program: HealthyProgram, programEnv: ProgramEnv = {}): Promise<HealthyScore> {
  return scoreHealthy(program, await runCli(healthyScript(program.id), programEnv));
}

export const healthyScript = (id: string): string => path.join(HEALTHY, id, 'program.js');
export const caseScript = (id: string, which: 'buggy' | 'fixed', dir = CASES): string => path.join(dir, id, `${which}.js`);

export const mark = (b: boolean | null): string => (b === null ? '?' : b ? '✓' : '✗');

/** A healthy program's run counts against Faultline with any finding, or when it gave no diagnosis. */
export const healthyFlagged = (s: HealthyScore): boolean => s.findings.length > 0 || s.error !== null;

/** A buggy program's marks: detected, exact line, root cause + fix, silent on fixed, first finding, lead finding. */
function scoreCells(s: CaseScore): string {
  return `${mark(s.detected)} | ${mark(s.exactLine)} | ${mark(s.fix)} | ${mark(!s.falseAlarmFixed)}${s.falseAlarmFixed ? ` (${s.falseAlarmFindings.join(', ')})` : ''} | ${s.firstFindingMs === null ? '–' : Math.round(s.firstFindingMs)} | ${s.first}`;
}

export function renderTable(scores: CaseScore[]): string {
  const lines: string[] = [];
  lines.push('| case | kind | detected | exact line | root cause + fix | silent on fixed | first finding (ms) | lead finding | DeepLocalize detected | DeepLocalize localized |');
  lines.push('|---|---|---|---|---|---|---|---|---|---|');
  for (const s of scores) {
    if (s.healthy) {
      lines.push(`| ${s.id} (healthy) | ${s.kind} | – | – | – | ${mark(!s.falseAlarmFixed)} | – | ${s.falseAlarmFindings.join(', ') || '—'} | – | – |`);
      continue;
    }
    lines.push(
      `| ${s.id}${s.unfaithful ? ' (unfaithful port)' : ''} | ${s.kind} | ${scoreCells(s)} | ${mark(s.dlDetected)} | ${mark(s.dlLocalized)} |`,
    );
  }
  const buggy = scores.filter((s) => !s.healthy);
  const count = (f: (s: CaseScore) => boolean) => buggy.filter(f).length;
  const times = buggy.map((s) => s.firstFindingMs).filter((t): t is number => t !== null).sort((a, b) => a - b);
  const median = times.length ? Math.round(times[Math.floor(times.length / 2)]) : null;
  lines.push('');
  // Ports marked unfaithful could not reproduce the original's misbehaviour: a silent tool is right there.
  const faithful = buggy.filter((s) => !s.unfaithful);
  const both = (f: (s: CaseScore) => boolean) => `${count(f)}/${buggy.length} | ${faithful.filter(f).length}/${faithful.length}`;
  lines.push(`| totals (${buggy.length} buggy, ${scores.length} programs with fixed/healthy) | Faultline | Faultline, faithful ports only | DeepLocalize (published, same cases) |`);
  lines.push('|---|---|---|---|');
  lines.push(`| detected | ${both((s) => s.detected)} | ${count((s) => s.dlDetected === true)}/${buggy.length} |`);
  lines.push(`| exact line (DeepLocalize: faulty layer) | ${both((s) => s.exactLine)} | ${count((s) => s.dlLocalized === true)}/${buggy.length} |`);
  lines.push(`| right root cause with a fix | ${both((s) => s.fix)} | – (no root cause or fix) |`);
  lines.push(`| fixed/healthy programs with any finding | ${scores.filter((s) => s.falseAlarmFixed).length}/${scores.length} | | – |`);
  lines.push(`| median time to first finding | ${median === null ? '–' : `${median} ms`} | | – |`);
  return lines.join('\n');
}

/** The written bugs: the same marks as the DeepLocalize table, with what each bug is instead of published results. */
export function renderBugTable(scores: CaseScore[], truths: CaseTruth[]): string {
  const bugOf = new Map(truths.map((t) => [t.id, t.bug ?? '']));
  const lines: string[] = [];
  lines.push('| case | kind | bug | detected | exact line | root cause + fix | silent on fixed | first finding (ms) | lead finding |');
  lines.push('|---|---|---|---|---|---|---|---|---|');
  for (const s of scores) {
    lines.push(
      `| ${s.id} | ${s.kind} | ${bugOf.get(s.id)} | ${scoreCells(s)} |`,
    );
  }
  const count = (f: (s: CaseScore) => boolean) => `${scores.filter(f).length}/${scores.length}`;
  lines.push('');
  lines.push(`| totals (${scores.length} written bugs) | Faultline |`);
  lines.push('|---|---|');
  lines.push(`| detected | ${count((s) => s.detected)} |`);
  lines.push(`| exact line | ${count((s) => s.exactLine)} |`);
  lines.push(`| right root cause with a fix | ${count((s) => s.fix)} |`);
  lines.push(`| fixed programs with any finding | ${count((s) => s.falseAlarmFixed)} |`);
  return lines.join('\n');
}

export function renderHealthyTable(scores: HealthyScore[]): string {
  const lines: string[] = [];
  lines.push('| program | kind | modelled on | verdict | findings (any, confirmed or not) | run (s) |');
  lines.push('|---|---|---|---|---|---|');
  for (const s of scores) {
    lines.push(`| ${s.id} | ${s.kind} | ${s.modelledOn} | ${s.error ? `error: ${s.error}` : s.verdict} | ${s.findings.join(', ') || '—'} | ${s.seconds.toFixed(1)} |`);
  }
  const flagged = scores.filter(healthyFlagged).length;
  lines.push('');
  lines.push(`Healthy programs with any finding (or an error): **${flagged}/${scores.length}**.`);
  return lines.join('\n');
}

/** Folder names under `dir` holding `file`, sorted; `only` narrows them (ids of the other suite are ignored here). */
function listIds(dir: string, file: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((d) => fs.existsSync(path.join(dir, d, file)))
    .sort();
}

export function loadSuites(only: string[]): { cases: CaseTruth[]; bugs: CaseTruth[]; healthy: HealthyProgram[] } {
  const caseIds = listIds(CASES, 'case.json');
  const bugIds = listIds(BUGS, 'case.json');
  const healthyIds = listIds(HEALTHY, 'program.json');
  const missing = only.filter((id) => !caseIds.includes(id) && !bugIds.includes(id) && !healthyIds.includes(id));
  if (missing.length) throw new Error(`unknown case(s): ${missing.join(', ')}`);
  const pick = (ids: string[]) => (only.length ? ids.filter((id) => only.includes(id)) : ids);
  return {
    cases: pick(caseIds).map((id) => loadCase(id)),
    bugs: pick(bugIds).map((id) => loadCase(id, BUGS)),
    healthy: pick(healthyIds).map(loadHealthyProgram),
  };
}

export function loadCase(id: string, dir = CASES): CaseTruth {
  return { ...(JSON.parse(fs.readFileSync(path.join(dir, id, 'case.json'), 'utf8')) as CaseTruth), dir };
}

export function loadHealthyProgram(id: string): HealthyProgram {
  return JSON.parse(fs.readFileSync(path.join(HEALTHY, id, 'program.json'), 'utf8')) as HealthyProgram;
}

export async function runCase(truth: CaseTruth, programEnv: ProgramEnv = {}): Promise<CaseScore> {
  const buggy = await runCli(caseScript(truth.id, 'buggy', truth.dir), programEnv);
  const fixed = await runCli(caseScript(truth.id, 'fixed', truth.dir), programEnv);
  return scoreCase(truth, buggy, fixed);
}

function writeBenchmarks(table: string, healthyTable: string, command: string, jobs: number, seconds: number): void {
  writeSection(
    'bench',
    `## Fault benchmark (DeepLocalize programs in TensorFlow.js)\n\nCommand: \`${command}\` · date ${today()} · ${os.cpus().length} cores · ${Math.round(seconds)} s in all · the DeepLocalize buggy programs one at a time, their fixed copies and the healthy programs ${jobs} at a time. The written bugs have their own section and command (below).\n\nA case is *detected* when the verdict is faulty; *exact line* and *root cause + fix* judge the lead finding (the first confirmed one: the squiggle a user acts on) against the case's ground-truth lines and root causes; *silent on fixed* means no finding at all, confirmed or not, on the fixed program (and on the healthy case's program).\n\n${table}\n\n### Healthy programs (false alarms)\n\nCorrect programs that train well, in \`benchmark/healthy/\`: ordinary models of the kinds peers were measured on (AUTOTRAINER's \"normal\" Blob, Circle and MNIST models) and of the official tfjs-examples, on synthetic data. Each was written and checked to learn (its \`program.json\` says how) before Faultline was run on it; any finding on one, confirmed or not, is a false alarm.\n\n${healthyTable}`,
  );
}

function writeWrittenBugs(bugTable: string, command: string, jobs: number, seconds: number): void {
  writeSection(
    'bench-bugs',
    `## Written bugs (beyond the DeepLocalize set)\n\nCommand: \`${command}\` · date ${today()} · ${os.cpus().length} cores · ${Math.round(seconds)} s in all · ${jobs} at a time${jobs > 1 ? ', so the times to first finding were measured on a shared machine' : ''}.\n\n${WRITTEN_BUGS_PROSE}\n\n${bugTable}`,
  );
}

/** How the written bugs came to be, with each set's first-run marks (scores on bugs not seen before). */
const WRITTEN_BUGS_PROSE =
  `Ordinary programs, each with one common training bug and its fix, in \`benchmark/bugs/\`: written and checked to misbehave (and the fixed copy to learn) under three seeds before Faultline was run on any of them. Scored as the DeepLocalize programs are. They came in fifty-five sets of twelve, and each set's first run came before any change it prompted: detected 8/12, 10/12, 6/12, 7/12, 4/12, 10/12, 10/12, 5/12, 7/12, 9/12, 9/12, 9/12, 7/12, 8/12, 6/12, 8/12, 10/12, 8/12, 9/12, 5/12, 9/12, 7/12, 8/12, 9/12, 6/12, 4/12, 7/12, 10/12, 8/12, 7/12, 6/12, 8/12, 6/12, 7/12, 7/12, 4/12, 5/12, 4/12, 3/12, 6/12, 5/12, 6/12, 5/12, 8/12, 5/12, 7/12, 7/12, 9/12, 8/12, 10/12, 10/12, 8/12, 4/12, 5/12 and 2/12, exact line 4/12, 6/12, 4/12, 4/12, 1/12, 5/12, 4/12, 1/12, 2/12, 2/12, 1/12, 4/12, 2/12, 4/12, 2/12, 1/12, 2/12, 3/12, 4/12, 2/12, 4/12, 4/12, 5/12, 5/12, 4/12, 2/12, 4/12, 5/12, 2/12, 3/12, 3/12, 3/12, 4/12, 5/12, 2/12, 2/12, 4/12, 0/12, 1/12, 1/12, 2/12, 2/12, 1/12, 4/12, 1/12, 3/12, 2/12, 0/12, 3/12, 4/12, 4/12, 1/12, 1/12, 1/12 and 0/12, root cause with a fix 4/12, 8/12, 5/12, 3/12, 1/12, 6/12, 3/12, 1/12, 2/12, 2/12, 1/12, 4/12, 3/12, 5/12, 4/12, 5/12, 3/12, 3/12, 3/12, 1/12, 3/12, 4/12, 3/12, 4/12, 3/12, 3/12, 2/12, 1/12, 2/12, 2/12, 3/12, 4/12, 2/12, 4/12, 1/12, 2/12, 1/12, 1/12, 2/12, 3/12, 0/12, 3/12, 1/12, 3/12, 1/12, 2/12, 1/12, 2/12, 1/12, 3/12, 2/12, 1/12, 1/12, 2/12 and 0/12, fixed programs with a finding 0/12, 0/12, 0/12, 0/12, 1/12, 0/12, 0/12, 0/12, 1/12, 0/12, 0/12, 2/12, 0/12, 1/12, 1/12, 0/12, 0/12, 0/12, 0/12, 0/12, 1/12, 0/12, 2/12, 0/12, 0/12, 1/12, 1/12, 1/12, 0/12, 0/12, 0/12, 0/12, 0/12, 0/12, 2/12, 1/12, 1/12, 0/12, 0/12, 0/12, 0/12, 0/12, 1/12, 0/12, 3/12, 0/12, 0/12, 2/12, 2/12, 0/12, 1/12, 1/12, 1/12, 0/12 and 0/12 (in all 385/660, 150/660, 140/660 and 27/660). Checks added after them (see the README) were made from what these programs showed, so this table is no longer a score on unseen bugs.`;

/** Runs `work` on every item, at most `jobs` at a time, and keeps the items' order in the results. */
export async function mapPooled<T, R>(items: T[], jobs: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, items.length)) }, worker));
  return results;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      case: { type: 'string', multiple: true },
      'no-write': { type: 'boolean', default: false },
      written: { type: 'boolean', default: false },
      // Everything but the DeepLocalize buggy programs runs two at a time by default, so that the
      // whole run stays within 20 minutes on two cores; those always run alone, since their median
      // time to first finding is a published column.
      jobs: { type: 'string', default: '2' },
    },
  });
  const jobs = Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new Error(`--jobs must be a whole number of 1 or more, not ${values.jobs}`);
  const only = values.case ?? [];
  const suites = loadSuites(only);
  // With --case the named programs run whatever their suite; otherwise one suite or the other.
  const cases = only.length || !values.written ? suites.cases : [];
  const healthy = only.length || !values.written ? suites.healthy : [];
  const bugs = only.length || values.written ? suites.bugs : [];
  const started = Date.now();
  const report = (truth: CaseTruth, score: CaseScore): void => {
    process.stderr.write(`${truth.id}: ${score.healthy ? 'healthy' : score.detected ? 'detected' : 'missed'} · ${score.first}${score.falseAlarmFixed ? ` · FALSE ALARM ${score.falseAlarmFindings.join(', ')}` : ''}${score.error ? ` · ${score.error}` : ''} (${score.buggySeconds.toFixed(1)} s + ${score.fixedSeconds.toFixed(1)} s)\n`);
  };
  const runAll = (truths: CaseTruth[], at: number): Promise<CaseScore[]> =>
    mapPooled(truths, at, async (truth) => {
      const score = await runCase(truth);
      report(truth, score);
      return score;
    });
  // The DeepLocalize buggy programs run alone: their median time to first finding is a published
  // column. Their fixed copies are only scored for findings, so they share the pool with the rest.
  const buggyRuns: CliRun[] = [];
  for (const truth of cases) buggyRuns.push(await runCli(caseScript(truth.id, 'buggy', truth.dir)));
  const scores = await mapPooled(cases, jobs, async (truth, i) => {
    const score = scoreCase(truth, buggyRuns[i]!, await runCli(caseScript(truth.id, 'fixed', truth.dir)));
    report(truth, score);
    return score;
  });
  const bugScores = await runAll(bugs, jobs);
  const healthyScores = await mapPooled(healthy, jobs, async (program) => {
    const score = await runHealthy(program);
    process.stderr.write(`${program.id}: ${score.error ? `error · ${score.error}` : score.verdict}${score.findings.length ? ` · FALSE ALARM ${score.findings.join(', ')}` : ''} (${score.seconds.toFixed(1)} s)\n`);
    return score;
  });
  const table = scores.length ? renderTable(scores) : '';
  const bugTable = bugScores.length ? renderBugTable(bugScores, bugs) : '';
  const healthyTable = healthyScores.length ? renderHealthyTable(healthyScores) : '';
  process.stdout.write([table, healthyTable, bugTable].filter(Boolean).join('\n\n') + '\n');
  if (values['no-write'] || only.length) return;
  const seconds = (Date.now() - started) / 1000;
  if (values.written) writeWrittenBugs(bugTable, jobs === 2 ? 'npm run bench:bugs' : `npm run bench:bugs -- --jobs ${jobs}`, jobs, seconds);
  else writeBenchmarks(table, healthyTable, jobs === 2 ? 'npm run bench' : `npm run bench -- --jobs ${jobs}`, jobs, seconds);
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`bench: ${(error as Error).message}\n`);
    process.exitCode = 2;
  });
}
