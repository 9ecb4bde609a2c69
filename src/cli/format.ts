/** Human output of the CLI: the closing summary and a live progress line on terminals. */
import * as path from 'node:path';
import type { Finding, Report } from '../analysis/findings';
import type { RunState } from '../analysis/run-state';

function where(finding: Finding, cwd: string): string {
  if (!finding.location) return '(no source line)';
  const rel = path.relative(cwd, finding.location.file) || finding.location.file;
  return `${rel.startsWith('..') ? finding.location.file : rel}:${finding.location.line}:${finding.location.column}`;
}

export function formatReport(report: Report, options: { cwd: string; invalidMessages: number }): string {
  const lines: string[] = [];
  const run = report.run;
  const confirmed = report.findings.filter((f) => f.confirmed);
  const seconds = (run.durationMs / 1000).toFixed(1);
  const head =
    report.verdict === 'faulty'
      ? `faultline: FAULTY — ${confirmed.length} confirmed finding${confirmed.length === 1 ? '' : 's'}`
      : report.verdict === 'healthy'
        ? 'faultline: healthy — no fault found'
        : report.verdict === 'inconclusive'
          ? 'faultline: inconclusive — too little training to judge'
          : 'faultline: error';
  lines.push(`${head} (${run.iterations} iterations, ${seconds} s${run.stoppedEarly ? ', stopped early' : ''})`);
  if (run.error) lines.push(`  ${run.error.message}`);
  for (const f of report.findings) {
    // A finding about the script (a memory leak) names no layer and is not the model's fault.
    const subject = f.layer ? ` in ${f.layer.name} (${f.layer.className})` : f.rootCause === 'tensor-disposal' ? '' : ' in model';
    const status = f.severity === 'error' ? 'error  ' : 'warning';
    lines.push(`  ${status} ${where(f, options.cwd)}  ${f.symptom}${subject}${f.iteration !== null ? ` at iteration ${f.iteration}` : ''}`);
    lines.push(`          ${f.message}`);
    lines.push(`          root cause: ${f.rootCause}`);
    if (f.fix) lines.push(`          fix: ${f.fix.title}`);
  }
  if (options.invalidMessages > 0) lines.push(`  (${options.invalidMessages} invalid trace messages were ignored)`);
  return lines.join('\n') + '\n';
}

/** One line on stderr, redrawn in place; only on a terminal, never in pipes or CI logs. */
export class ProgressLine {
  private visible = false;
  private last = 0;
  private readonly enabled: boolean;
  constructor(private readonly stream: NodeJS.WritableStream & { isTTY?: boolean }) {
    this.enabled = !!stream.isTTY && !process.env.CI;
  }

  update(state: RunState): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 100) return;
    this.last = now;
    const it = state.lastIteration;
    const loss = it?.loss != null ? it.loss.toPrecision(4) : it?.lossNonFinite ? 'NaN' : '–';
    const findings = state.engine.findings().length;
    const text = `faultline: epoch ${it?.epoch ?? '–'} · iteration ${it?.iter ?? 0} · loss ${loss} · findings ${findings}`;
    this.stream.write(`\r\x1b[K${text}`);
    this.visible = true;
  }

  clear(): void {
    if (this.visible) this.stream.write('\r\x1b[K');
    this.visible = false;
  }

  log(text: string): void {
    this.clear();
    this.stream.write(text);
  }

  passThrough(target: NodeJS.WritableStream, chunk: Buffer): void {
    this.clear();
    target.write(chunk);
  }
}
