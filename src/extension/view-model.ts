/**
 * What the editor shows for a run, as plain data: diagnostics, quick fixes, code lenses and
 * progress text. The vscode layer only turns these into API objects, so the rules are tested
 * without an editor. No vscode import here.
 */
import type { Finding, Fix, LayerRef, RootCause, TextEdit } from '../analysis/findings';
import type { ModelEvent, SourceSite } from '../analysis/trace';
import { contentSpan, LineMap, splitLines } from './anchor';

export const DIAGNOSTIC_SOURCE = 'faultline';
/** Diagnostic code of a run that failed (syntax error, crash) rather than a finding. */
export const RUN_ERROR_CODE = 'run-error';

const ROOT_CAUSE_TEXT: Record<RootCause, string> = {
  'output-activation': 'the output activation',
  'hidden-activation': 'a hidden activation',
  'loss-function': 'the loss function',
  'learning-rate': 'the learning rate',
  optimizer: 'the optimizer',
  'input-normalization': 'unnormalized input',
  'training-data': 'the training data',
  'label-encoding': 'the label encoding',
  'weight-initialization': 'the weight initialization',
  architecture: 'the architecture',
  regularization: 'regularization',
  'batch-size': 'the batch size',
  'training-length': 'the number of epochs',
  'tensor-disposal': 'tensors never freed',
};

export function rootCauseText(cause: RootCause): string {
  return ROOT_CAUSE_TEXT[cause] ?? cause;
}

/** Reads the text a position refers to: the run's text and the editor's current text of a file. */
export interface TextSource {
  /** The text the run saw (positions from the trace refer to it). */
  runText(file: string): string | undefined;
  /** The text the editor holds now (the open document, else the file on disk). */
  currentText(file: string): string | undefined;
}

/** Maps run positions of many files to current ones, computing each file's LineMap once. */
export class Anchors {
  private readonly maps = new Map<string, { map: LineMap | null; current: string[] | null }>();
  constructor(private readonly source: TextSource) {}

  private entry(file: string): { map: LineMap | null; current: string[] | null } {
    let e = this.maps.get(file);
    if (!e) {
      const run = this.source.runText(file);
      const cur = this.source.currentText(file);
      if (cur === undefined) e = { map: null, current: null };
      else {
        const current = splitLines(cur);
        e = { map: run === undefined ? null : new LineMap(splitLines(run), current), current };
      }
      this.maps.set(file, e);
    }
    return e;
  }

  /** Current 1-based line of a run line; the same line when the file cannot be read. */
  line(file: string, line: number): number | null {
    const e = this.entry(file);
    if (!e.map) return e.current && line > e.current.length ? null : line;
    return e.map.map(line);
  }

  lineText(file: string, line: number): string | undefined {
    return this.entry(file).current?.[line - 1];
  }

  edit(edit: TextEdit): TextEdit | null {
    const e = this.entry(edit.file);
    if (!e.map) return e.current ? edit : null;
    return e.map.mapEdit(edit);
  }

  /** Every edit of a fix moved, or null when any cannot be (the fix no longer applies). */
  fix(fix: Fix): TextEdit[] | null {
    const out: TextEdit[] = [];
    for (const edit of fix.edits) {
      const moved = this.edit(edit);
      if (!moved) return null;
      out.push(moved);
    }
    return out;
  }

  /** A 0-based range from the site's column to the end of the line's content, on the current text. */
  range(site: SourceSite): Range0 | null {
    const line = this.line(site.file, site.line);
    if (line === null) return null;
    const text = this.lineText(site.file, line);
    if (text === undefined) return { line: line - 1, start: Math.max(0, site.column - 1), end: Math.max(0, site.column - 1) + 1 };
    const span = contentSpan(text, site.column);
    return { line: line - 1, start: span.start - 1, end: span.end - 1 };
  }
}

export interface Range0 {
  /** 0-based line. */
  line: number;
  /** 0-based start column. */
  start: number;
  /** 0-based end column (exclusive). */
  end: number;
}

export interface RelatedSpec {
  file: string;
  range: Range0;
  message: string;
}

export interface DiagnosticSpec {
  file: string;
  range: Range0;
  severity: 'error' | 'warning';
  message: string;
  code: string;
  related: RelatedSpec[];
  /** The finding this diagnostic shows (null for run errors). */
  findingId: string | null;
}

/** The layer sites of a run's models, for relevance entries that name layers. */
export type LayerSites = (modelId: number, layer: LayerRef) => SourceSite | null;

export function layerSitesFrom(models: ReadonlyMap<number, ModelEvent>): LayerSites {
  return (modelId, layer) => {
    const m = models.get(modelId);
    const info = m?.layers.find((l) => l.index === layer.index) ?? m?.layers.find((l) => l.name === layer.name);
    return info?.site ?? null;
  };
}

export function diagnosticMessage(f: Finding): string {
  const msg = f.message.trim();
  return `${msg}${/[.!?]$/.test(msg) ? '' : '.'} Root cause: ${rootCauseText(f.rootCause)}.`;
}

export function severityOf(f: Finding): 'error' | 'warning' {
  return f.severity;
}

const MAX_RELEVANT_LAYERS = 3;

/**
 * One diagnostic per finding with a place to show it: its location, else its layer's site,
 * else where the symptom surfaced. Findings whose line changed since the run are left out.
 */
export function diagnosticSpecs(findings: readonly Finding[], anchors: Anchors, layerSite: LayerSites): DiagnosticSpec[] {
  const out: DiagnosticSpec[] = [];
  for (const f of findings) {
    const site = f.location ?? (f.layer ? layerSite(f.modelId, f.layer) : null) ?? f.related[0]?.site ?? null;
    if (!site) continue;
    const range = anchors.range(site);
    if (!range) continue;
    const related: RelatedSpec[] = [];
    for (const r of f.related) {
      const rr = anchors.range(r.site);
      if (rr) related.push({ file: r.site.file, range: rr, message: r.message });
    }
    const relevant = [...f.relevance]
      .filter((r) => !(f.layer && r.layer.name === f.layer.name))
      .sort((a, b) => b.score - a.score)
      .slice(0, MAX_RELEVANT_LAYERS);
    for (const r of relevant) {
      const s = layerSite(f.modelId, r.layer);
      const rr = s ? anchors.range(s) : null;
      if (!s || !rr) continue;
      const entry = { file: s.file, range: rr, message: `${r.layer.name} (relevance ${r.score.toFixed(2)}): ${r.evidence}` };
      // One line per place: the ranking's line, with its score and evidence, stands in for a
      // note the engine already left on that layer's line.
      const same = related.findIndex((x) => x.file === s.file && x.range.line === rr.line);
      if (same >= 0) related[same] = entry;
      else related.push(entry);
    }
    out.push({
      file: site.file,
      range,
      severity: severityOf(f),
      message: diagnosticMessage(f),
      code: f.symptom,
      related,
      findingId: f.id,
    });
  }
  return out;
}

/** The diagnostic for a run that failed at a known place (syntax error, crash). */
export function runErrorSpec(error: { message: string; site: SourceSite | null }, anchors: Anchors): DiagnosticSpec | null {
  if (!error.site) return null;
  const range = anchors.range(error.site);
  if (!range) return null;
  return { file: error.site.file, range, severity: 'error', message: error.message, code: RUN_ERROR_CODE, related: [], findingId: null };
}

// ---------------------------------------------------------------------------------------------
// Quick fixes

export interface FixSpec {
  title: string;
  preferred: boolean;
  /** Edits on the current text, or null when the lines changed since the run. */
  edits: TextEdit[] | null;
  /** Index in [fix, ...alternatives]. */
  index: number;
}

export function fixKey(findingId: string, fix: Pick<Fix, 'title'>): string {
  return `${findingId}\u0000${fix.title}`;
}

export function fixesOf(f: Finding): Fix[] {
  return [...(f.fix ? [f.fix] : []), ...f.alternatives];
}

export function fixSpecs(f: Finding, anchors: Anchors, verified: ReadonlyMap<string, boolean>): FixSpec[] {
  return fixesOf(f).map((fix, index) => ({
    title: fix.title + (verified.get(fixKey(f.id, fix)) === true ? ' (verified)' : ''),
    preferred: index === 0 && fix.preferred,
    edits: anchors.fix(fix),
    index,
  }));
}

// ---------------------------------------------------------------------------------------------
// Code lenses

export type HealthStatus = 'healthy' | 'faulty' | 'suspect' | 'unknown';

export interface LayerHealthLike {
  modelId: number;
  layer: LayerRef;
  site: SourceSite | null;
  status: HealthStatus;
  text: string;
}

export interface LensSpec {
  file: string;
  /** 0-based line on the current text. */
  line: number;
  title: string;
  tooltip: string;
  /** The layer "Show trends" focuses, or null for a status lens. */
  trendsFor: string | null;
}

const MAX_LENSES_PER_LINE = 3;
const STATUS_RANK: Record<HealthStatus, number> = { faulty: 0, suspect: 1, unknown: 2, healthy: 3 };

/** Lenses above each layer definition of `file`: one per layer (a few at most per line) and "Show trends". */
export function lensSpecs(health: readonly LayerHealthLike[], file: string, anchors: Anchors, sameFile: (a: string, b: string) => boolean = (a, b) => a === b): LensSpec[] {
  const byLine = new Map<number, LayerHealthLike[]>();
  for (const h of health) {
    if (!h.site || !sameFile(h.site.file, file)) continue;
    const line = anchors.line(h.site.file, h.site.line);
    if (line === null) continue;
    const list = byLine.get(line) ?? [];
    // A model defined twice (or re-fit) lists its layers again: keep one per name.
    if (!list.some((x) => x.layer.name === h.layer.name)) list.push(h);
    byLine.set(line, list);
  }
  const out: LensSpec[] = [];
  for (const [line, list] of [...byLine].sort((a, b) => a[0] - b[0])) {
    const sorted = [...list].sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status]);
    const shown = sorted.slice(0, MAX_LENSES_PER_LINE);
    for (const h of shown) {
      out.push({ file, line: line - 1, title: `${h.layer.name} · ${h.text}`, tooltip: `${h.layer.className} layer ${h.layer.name}: ${h.text}`, trendsFor: null });
    }
    if (sorted.length > shown.length) {
      const rest = sorted.slice(shown.length);
      const counts = new Map<string, number>();
      for (const h of rest) counts.set(h.status, (counts.get(h.status) ?? 0) + 1);
      const summary = [...counts].map(([s, n]) => `${n} ${s}`).join(', ');
      out.push({ file, line: line - 1, title: `+${rest.length} more · ${summary}`, tooltip: rest.map((h) => `${h.layer.name}: ${h.text}`).join('\n'), trendsFor: null });
    }
    out.push({ file, line: line - 1, title: 'Show trends', tooltip: `Open the trend panel on ${sorted[0]!.layer.name}`, trendsFor: sorted[0]!.layer.name });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Progress

export interface ProgressFacts {
  epoch: number | null;
  epochs: number | null;
  iteration: number | null;
  loss: number | null;
  lossNonFinite: boolean;
}

export function formatLoss(loss: number | null, nonFinite: boolean): string {
  if (nonFinite) return 'NaN';
  if (loss === null) return '–';
  const a = Math.abs(loss);
  if (a !== 0 && (a < 1e-3 || a >= 1e5)) return loss.toExponential(2);
  return loss.toFixed(4);
}

/** "epoch 3/10 · iteration 120 · loss 0.5321" (parts that are unknown are left out). */
export function progressText(p: ProgressFacts): string {
  const parts: string[] = [];
  if (p.epoch !== null) parts.push(`epoch ${p.epoch + 1}${p.epochs ? `/${p.epochs}` : ''}`);
  if (p.iteration !== null) parts.push(`iteration ${p.iteration + 1}`);
  if (p.iteration !== null || p.loss !== null || p.lossNonFinite) parts.push(`loss ${formatLoss(p.loss, p.lossNonFinite)}`);
  return parts.join(' · ');
}

// The status bar after a run that found faults

export interface FaultStatus {
  text: string;
  /** Appended to the run's tooltip; null when nothing changed since the run. */
  detail: string | null;
  /** Clicking runs Debug Training again (every fault's line was edited) instead of opening Problems. */
  runAgain: boolean;
}

/**
 * What the status bar says about a finished run's faults as the user edits. A fault whose line
 * was edited (for instance by its quick fix) loses its diagnostic; the count follows, so the
 * status bar never claims a fault that the Problems view no longer shows.
 */
export function faultStatus(found: number, shownAtEnd: number, shownNow: number): FaultStatus {
  const edited = Math.max(0, Math.min(found, shownAtEnd - shownNow));
  const left = found - edited;
  const faults = (n: number) => `${n} fault${n === 1 ? '' : 's'}`;
  if (edited === 0) return { text: `$(error) Faultline: ${faults(found)}`, detail: null, runAgain: false };
  if (left > 0) {
    return { text: `$(error) Faultline: ${faults(left)}`, detail: `${edited} of the ${faults(found)} found had ${edited === 1 ? 'its line' : 'their lines'} edited since the run`, runAgain: false };
  }
  const what = found === 1 ? 'The line of the fault found' : `The lines of all ${found} faults found`;
  return { text: '$(edit) Faultline: edited, run again', detail: `${what} changed since the run. Click to run Debug Training again and check the edit`, runAgain: true };
}
