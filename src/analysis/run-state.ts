/**
 * What a host (CLI or editor) knows about one traced run: it feeds the diagnosis engine and
 * turns the way the process ended into a report with a clear error when something went wrong.
 */
import { DiagnosisEngine, type EngineOptions } from './engine';
import type { Finding, Report, RunSummary } from './findings';
import { tfjsSupport, unsupportedTfjsMessage } from './tfjs-versions';
import type { CrashEvent, EnvUnsetEvent, IterationEvent, ModelEvent, SourceSite, TraceEvent } from './trace';

export interface ProcessEnd {
  code: number | null;
  signal: string | null;
  /** 'stopped' when the host ended it (first fault, user's Stop), 'timeout' at the time limit. */
  reason: 'exited' | 'stopped' | 'timeout' | 'failed-to-start' | 'replayed';
  startError?: string;
  durationMs: number;
  /** Set when the host stopped the run because a fault was confirmed. */
  stoppedAtFault?: boolean;
  maxSeconds?: number;
}

export class RunState {
  readonly engine: DiagnosisEngine;
  tfjsVersion: string | null = null;
  backend: string | null = null;
  sawHello = false;
  iterations = 0;
  /** Epochs finished, over every fit call of every model (each call numbers its epochs from 0). */
  epochs = 0;
  crash: CrashEvent | null = null;
  readonly models = new Map<number, ModelEvent>();
  lastIteration: IterationEvent | null = null;
  readonly warnings: string[] = [];
  /** Environment variables the script read while they were not set, in the order read. */
  readonly unsetEnv: EnvUnsetEvent[] = [];
  invalidMessages = 0;

  constructor(readonly script: string | null, options: EngineOptions = {}) {
    this.engine = new DiagnosisEngine(options);
  }

  /** Feeds one event; returns the findings it created or changed. */
  ingest(event: TraceEvent): Finding[] {
    switch (event.type) {
      case 'hello':
        this.sawHello = true;
        break;
      case 'tfjs':
        this.tfjsVersion = event.version;
        break;
      case 'model':
        this.models.set(event.modelId, event);
        this.backend = event.backend ?? this.backend;
        break;
      case 'iter':
        this.iterations++;
        this.lastIteration = event;
        break;
      case 'epoch':
        this.epochs++;
        break;
      case 'crash':
        this.crash = event;
        break;
      case 'warning':
        if (this.warnings.length < 50) this.warnings.push(event.message);
        break;
      case 'envUnset':
        if (this.unsetEnv.length < 8) this.unsetEnv.push(event);
        break;
      default:
        break;
    }
    return this.engine.ingest(event);
  }

  noteInvalid(): void {
    this.invalidMessages++;
  }

  /** The error that explains an unsuccessful run, or null. */
  runError(end: ProcessEnd): { message: string; site: SourceSite | null } | null {
    if (end.reason === 'failed-to-start') return { message: `Could not start the script: ${end.startError ?? 'unknown error'}`, site: null };
    if (this.crash) {
      const where = this.crash.site ? ` (${this.crash.site.file}:${this.crash.site.line})` : '';
      if (this.crash.name === 'SyntaxError') {
        return { message: `Syntax error${where}: ${this.crash.message}`, site: this.crash.site };
      }
      const phase = this.iterations > 0 ? 'crashed during training' : 'crashed';
      return { message: `The script ${phase}${where}: ${this.crash.name}: ${this.crash.message}`, site: this.crash.site };
    }
    if (end.reason === 'timeout' && !end.stoppedAtFault) {
      return { message: `The script was still running after ${end.maxSeconds ?? '?'} s and was stopped with its child processes.`, site: null };
    }
    if (end.reason === 'stopped') return null;
    if (this.tfjsVersion !== null && tfjsSupport(this.tfjsVersion) === 'unsupported') {
      return { message: unsupportedTfjsMessage(this.tfjsVersion), site: null };
    }
    if (this.tfjsVersion === null) {
      if (end.code !== 0 && end.code !== null) return { message: `The script exited with code ${end.code} before loading TensorFlow.js.`, site: null };
      if (end.signal) return { message: `The script was ended by ${end.signal} before loading TensorFlow.js.`, site: null };
      return {
        message: 'The script never loaded TensorFlow.js (@tensorflow/tfjs, @tensorflow/tfjs-node or @tensorflow/tfjs-node-gpu), so there is no training to diagnose.',
        site: null,
      };
    }
    if (end.code !== 0 && end.code !== null) return { message: `The script exited with code ${end.code}.`, site: null };
    if (end.signal) return { message: `The script was ended by ${end.signal}.`, site: null };
    if (this.iterations === 0 && end.reason !== 'replayed') {
      const unset = this.unsetEnv[0];
      const message = 'The script loaded TensorFlow.js but finished without training (no fit, fitDataset or optimizer step).';
      // A setting read from the environment that is not set: parseInt(undefined) is NaN, and a loop bounded by NaN runs no pass.
      if (unset) {
        return {
          message: `${message} It read ${unset.name} from the environment (line ${unset.site.line}), where it is not set: a number parsed from it is NaN, and a loop that runs while epoch < NaN, or fit given epochs NaN, trains nothing. Give ${unset.name} a default (process.env.${unset.name} || ...).`,
          site: unset.site,
        };
      }
      return { message, site: null };
    }
    return null;
  }

  summary(end: ProcessEnd): RunSummary {
    return {
      script: this.script,
      exitCode: end.code,
      signal: end.signal,
      stoppedEarly: end.reason === 'stopped' || end.reason === 'timeout',
      iterations: this.iterations,
      epochs: this.epochs,
      durationMs: Math.round(end.durationMs),
      tfjsVersion: this.tfjsVersion,
      backend: this.backend,
      error: this.runError(end),
    };
  }

  /** Final checks and the report. */
  finish(end: ProcessEnd): Report {
    // A run cut short by the host is judged on what it showed; whole-run checks need a whole run.
    if (end.reason === 'exited' || end.reason === 'replayed') this.engine.finish();
    return this.engine.report(this.summary(end));
  }
}
