/**
 * `faultline`: the diagnosis engine headless, for terminals, CI and remote machines.
 * Argument parsing uses Node's built-in util.parseArgs: it is maintained with Node itself,
 * handles `--` pass-through, and this CLI has few enough flags not to need more.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { RunState, type ProcessEnd } from '../analysis/run-state';
import type { Report } from '../analysis/findings';
import { decodeLine, type TraceEvent } from '../analysis/trace';
import { launch, LaunchError, checkScript } from '../runner/launch';
import { formatReport, ProgressLine } from './format';

const VERSION = '0.1.0';

const USAGE = `Usage:
  faultline run <script> [options] [-- script args]   train under the probe and diagnose
  faultline run --npm <name> [options]                 run "npm run <name>" under the probe
  faultline analyze <trace.jsonl> [--report file]      diagnose a recorded trace

Options for run:
  --report <file>      write the JSON report
  --trace <file>       write the JSONL trace
  --max-seconds <n>    stop the script (and its children) after n seconds
  --continue           keep training after the first confirmed fault and collect every finding
  --sample-every <n>   detailed per-layer statistics every n steps (default 25; 0: adaptive to a 2% time budget)
  --cwd <dir>          working directory (default: the script's folder)
  --verbose            show internal details (stack traces, invalid trace messages)
  -h, --help           this help
  --version            the version

Exit codes: 0 healthy or inconclusive, 1 faulty, 2 error.`;

class UsageError extends Error {}

interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

function readSource(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function positiveNumber(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`${flag} needs a non-negative number, got "${value}"`);
  return n;
}

function writeJson(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}

function exitCodeFor(report: Report): number {
  if (report.verdict === 'faulty') return 1;
  if (report.verdict === 'error') return 2;
  return 0;
}

async function runCommand(argv: string[], io: Io): Promise<number> {
  const dashdash = argv.indexOf('--');
  const own = dashdash >= 0 ? argv.slice(0, dashdash) : argv;
  const scriptArgs = dashdash >= 0 ? argv.slice(dashdash + 1) : [];
  const { values, positionals } = parseArgs({
    args: own,
    allowPositionals: true,
    options: {
      report: { type: 'string' },
      trace: { type: 'string' },
      'max-seconds': { type: 'string' },
      continue: { type: 'boolean', default: false },
      'sample-every': { type: 'string' },
      npm: { type: 'string' },
      cwd: { type: 'string' },
      verbose: { type: 'boolean', default: false },
    },
  });
  const maxSeconds = positiveNumber(values['max-seconds'], '--max-seconds');
  const sampleEvery = positiveNumber(values['sample-every'], '--sample-every');
  let script: string | null = null;
  if (!values.npm) {
    if (positionals.length === 0) throw new UsageError('run needs a script: faultline run <script>');
    if (positionals.length > 1) throw new UsageError(`unexpected arguments: ${positionals.slice(1).join(' ')} (script arguments go after --)`);
    script = checkScript(positionals[0]);
  }
  const state = new RunState(script, { readSource });
  const traceOut = values.trace ? fs.createWriteStream(values.trace) : null;
  const progress = new ProgressLine(io.stderr);
  let stoppedAtFault = false;

  const handle = launch({
    script: script ?? undefined,
    command: values.npm ? [process.platform === 'win32' ? 'npm.cmd' : 'npm', 'run', '--silent', values.npm] : undefined,
    args: scriptArgs,
    cwd: values.cwd ? path.resolve(values.cwd) : undefined,
    probePath: path.join(__dirname, 'probe.js'),
    sampleEvery,
    maxSeconds,
    onEvent(event: TraceEvent) {
      traceOut?.write(JSON.stringify(event) + '\n');
      const changed = state.ingest(event);
      progress.update(state);
      if (changed.length > 0 && !values.continue && state.engine.hasConfirmedFault() && !stoppedAtFault) {
        stoppedAtFault = true;
        handle.stop();
      }
    },
    onInvalid(error) {
      state.noteInvalid();
      if (values.verbose) progress.log(`faultline: ignored an invalid trace message: ${error}\n`);
    },
    onStdout: (chunk) => progress.passThrough(io.stdout, chunk),
    onStderr: (chunk) => progress.passThrough(io.stderr, chunk),
  });
  const onSignal = () => handle.stop();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const exit = await handle.done;
  process.removeListener('SIGINT', onSignal);
  process.removeListener('SIGTERM', onSignal);
  progress.clear();
  if (traceOut) await new Promise<void>((resolve) => traceOut.end(resolve));

  const end: ProcessEnd = { ...exit, stoppedAtFault, maxSeconds };
  const report = state.finish(end);
  if (values.report) writeJson(values.report, report);
  io.stdout.write(formatReport(report, { cwd: process.cwd(), invalidMessages: state.invalidMessages }));
  return exitCodeFor(report);
}

async function analyzeCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { report: { type: 'string' }, verbose: { type: 'boolean', default: false } },
  });
  if (positionals.length !== 1) throw new UsageError('analyze needs one trace file: faultline analyze <trace.jsonl>');
  const file = path.resolve(positionals[0]);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new LaunchError(`Trace file not found: ${file}`);
  }
  const state = new RunState(null, { readSource });
  let invalid = 0;
  let script: string | null = null;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const decoded = decodeLine(line);
    if (!decoded.ok) {
      invalid++;
      state.noteInvalid();
      if (values.verbose) io.stderr.write(`faultline: skipped an invalid line: ${decoded.error}\n`);
      continue;
    }
    if (decoded.event.type === 'hello' && script === null) script = decoded.event.argv.find((a) => /\.[cm]?[jt]s$/.test(a) && !a.includes('node_modules')) ?? null;
    state.ingest(decoded.event);
  }
  if (!state.sawHello && invalid > 0 && state.iterations === 0) {
    throw new LaunchError(`${file} is not a Faultline trace (${invalid} invalid lines, no events).`);
  }
  const report = state.finish({ code: null, signal: null, reason: 'replayed', durationMs: state.lastIteration?.elapsedMs ?? 0 });
  report.run.script = script;
  if (values.report) writeJson(values.report, report);
  io.stdout.write(formatReport(report, { cwd: process.cwd(), invalidMessages: invalid }));
  return exitCodeFor(report);
}

export async function main(argv: string[], io: Io = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const verbose = argv.includes('--verbose');
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      io.stdout.write(USAGE + '\n');
      return command === undefined ? 2 : 0;
    }
    if (command === '--version') {
      io.stdout.write(VERSION + '\n');
      return 0;
    }
    if (command === 'run') return await runCommand(rest, io);
    if (command === 'analyze') return await analyzeCommand(rest, io);
    throw new UsageError(`unknown command "${command}"`);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith?.('ERR_PARSE_ARGS')) {
      io.stderr.write(`faultline: ${(error as Error).message}\n\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof LaunchError) {
      io.stderr.write(`faultline: ${error.message}\n`);
      return 2;
    }
    io.stderr.write(`faultline: internal error: ${(error as Error).message}\n`);
    if (verbose) io.stderr.write(`${(error as Error).stack}\n`);
    return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = 2;
    },
  );
}
