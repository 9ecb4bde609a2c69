/**
 * The probe, preloaded into the user's training process (`--require`). It stays dormant until
 * the script loads TensorFlow.js, then hooks it to record layer call sites and per-iteration
 * statistics, and streams trace events to the host. It never changes what training computes:
 * it only reads tensors (inside tidy scopes, disposed right after one read-back).
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import { isMainThread, Worker } from 'node:worker_threads';
import type {
  BatchClassesEvent,
  BroadcastEvent,
  DataEvent,
  IterationEvent,
  LayerDetail,
  LayerInfo,
  ModelEvent,
  UnusedLayer,
  InferenceModeEvent,
  LogOfProbabilitiesEvent,
  OneHotEvent,
  ShuffledApartEvent,
  ShuffledInsideSamplesEvent,
  GradientBlockedEvent,
  ClipsUnusedEvent,
  LossCallEvent,
  OutputScaledEvent,
  VariablesBlockedEvent,
  UntrackedVariablesEvent,
  TruncatedToIntEvent,
  DatasetSpentEvent,
  DatasetTakenEvent,
  EnvUnsetEvent,
  ShuffledSeriesEvent,
  TargetsSortedEvent,
  MaxNormAppliedEvent,
  PenaltyDominatesEvent,
  OpAtZeroEvent,
  UnusedInput,
  NanMaskedLateEvent,
  LossDividedByCountEvent,
  OneSidedClipEvent,
  ZeroMarginEvent,
  PowerShrinksEvent,
  BatchesRelabelledEvent,
  PenaltySubtractedEvent,
  UsedBeforeTrainingEvent,
  UsedUntrainedEvent,
  ScoredOnTrainedRowsEvent,
  InputsOffScaleEvent,
  ScaledApartEvent,
  EvaluatedEvent,
  GradientsReappliedEvent,
  ThresholdOutsideOutputsEvent,
  DrawComparedOutsideEvent,
  LossNegatedEvent,
  TrainingModeAfterEvent,
  DividedByZeroEvent,
  MaskRaisesScoresEvent,
  KernelsFrozenEvent,
  TargetInInputsEvent,
  RateLeftBySweepEvent,
  RateLeftByOtherModelEvent,
  InputsSquashedEvent,
  TargetSentinelEvent,
  SortedAsTextEvent,
  SortedByBooleanEvent,
  SplitMissesSeparatorEvent,
  ParsedToCommaEvent,
  SignDroppedEvent,
  RotatedByDegreesEvent,
  ValuesOffIndexEvent,
  TagsMisalignedEvent,
  IntegersRoundedEvent,
  SplitWithByteOrderMarkEvent,
  RegexStateCarriedEvent,
  SplitOnWordsEvent,
  EmptyBatchEvent,
  ExpOfExpEvent,
  GatherAcrossRowsEvent,
  StepsStoppedEvent,
  WeightsAveragedEvent,
  InputsSwappedEvent,
  InputGivenTwiceEvent,
  LayerDetachedEvent,
  DatesFromSecondsEvent,
  ParsedHexAsDecimalEvent,
  ParsedBehindSymbolEvent,
  FitOneClassEvent,
  FitClassesAddedEvent,
  DropoutSeedFixedEvent,
  PinballFlippedEvent,
  SignedDistanceEvent,
  RateGroupsSwappedEvent,
  VarListMissingEvent,
  ArgmaxTargetEvent,
  FedByUntrainedEvent,
  DivisorCrossedZeroEvent,
  ShiftByBatchMaxEvent,
  MaskMultipliedEvent,
  ScoresScaledUpEvent,
  ContrastiveUnnormalizedEvent,
  WeightsCopiedToSelfEvent,
  PositivesMaskedEvent,
  LogitsAsProbabilitiesEvent,
  HeadsSplitEvent,
  FocalInvertedEvent,
  MaxOverBatchEvent,
  IdsRenumberedEvent,
  ChannelsPermutedEvent,
  SoftmaxRowsMaskedEvent,
  ExpOverflowEvent,
  WeightsSummedEvent,
  AbsOfSummedErrorsEvent,
  HuberBranchesSwappedEvent,
  StepBelowResolutionEvent,
  SineSpreadWideEvent,
  PrunedLargestEvent,
  TagsReversedEvent,
  RowsIdenticalEvent,
  ViewsIdenticalEvent,
  CosineLogitsEvent,
  DrawsWithinBatchEvent,
  BatchSummedEvent,
  InputsDriftEvent,
  MasksMisalignedEvent,
  VariablesConstantEvent,
  HandWrittenUpdateEvent,
  VariablesInitWideEvent,
  RawSoftmaxEvent,
  LogOfOutputEvent,
  WeightsClampedEvent,
  NoisyTargetsEvent,
  WeightsKeptLiveEvent,
  WeightsKeptEvent,
  WeightsRestoredEvent,
  LossComputedEvent,
  UntrainedLayersEvent,
  SameBatchEvent,
  BatchesApartEvent,
  BatchAxisEvent,
  StoppedEarlyEvent,
  MonitorMissingEvent,
  ModelRebuiltEvent,
  GradientsAlteredEvent,
  ColumnTargetsEvent,
  StaleTrainableEvent,
  WeightsSetEvent,
  WeightsOverwrittenEvent,
  GradientAscentEvent,
  OptimizerInfo,
  OutputStats,
  SourceSite,
  NeighbourTargets,
  TensorSummary,
  TraceEvent,
} from '../analysis/trace';
import { neighbourAgreement, RATE_SWEEP_FACTOR } from '../analysis/stats';
import { tfjsSupport, untestedTfjsMessage } from '../analysis/tfjs-versions';
import { calledByUser, captureStack, captureUserSite, errorSite, tfjsFrameBelowUser, userSiteFromStack, userSitesFromStack } from './sites';
import { EpochCallbackLeakWatch, type EpochInfo, FitCallLeakWatch, TensorLeakWatch } from './leak-watch';
import { ShuffleWatch, type Head } from './shuffle-watch';
import { readRows, rowsOf as rowsOfValues, TrainedRows, type RowsRead } from './data-reuse';
import { misalignedMasks, misalignedTags, reversedTags } from './mask-alignment';
import { targetInInputs } from './target-leak';
import { openTransport, type Transport } from './transport';
import { dataOrigin, madeAtSites, madeAlike, madeFromArray, madeBy, nonFiniteOrigin, noteKernel, noteMadeTensor, notingOrigins, tensorInputs } from './data-origin';
import { scaleSetByFew, sentinelTarget, batchAgreement, gradStats, neighbourTargets, outputStats, scaleGroups, zerosApart, rowClasses, tensorSummary, weightStats, type ActivationKind, type ClassBatch } from './tensor-stats';

const TRACE_VERSION = 1;
const PROBE_FILE = __filename;
const MARK = Symbol.for('faultline.probe');

interface ProbeConfig {
  /** Detailed statistics every N steps (and on the first three); 0 means adaptive to a time budget. */
  sampleEvery: number;
  /** Fraction of training time the adaptive sampler may spend on detailed statistics. */
  budget: number;
}

/**
 * A fixed schedule by default, so that the same script gives the same trace (and verdict) on a
 * busy machine as on an idle one; 0 selects the time-budgeted adaptive schedule.
 */
const DEFAULT_SAMPLE_EVERY = 25;

function readConfig(): ProbeConfig {
  const raw = process.env.FAULTLINE_SAMPLE_EVERY;
  const every = raw === undefined || raw === '' ? DEFAULT_SAMPLE_EVERY : Number(raw);
  const budget = Number(process.env.FAULTLINE_BUDGET);
  return {
    sampleEvery: Number.isFinite(every) && every >= 0 ? Math.floor(every) : DEFAULT_SAMPLE_EVERY,
    budget: Number.isFinite(budget) && budget > 0 ? budget : 0.02,
  };
}

// ---------------------------------------------------------------------------------------------
// Events

let transport: Transport | null = null;
let startedAt = 0;
const pendingLines: string[] = [];
let lastFlush = 0;

function channel(): Transport {
  if (!transport) {
    transport = openTransport();
    const hello: TraceEvent = {
      type: 'hello',
      v: TRACE_VERSION,
      pid: process.pid,
      nodeVersion: process.version,
      argv: process.argv.slice(0, 64).map((a) => a.slice(0, 4096)),
      cwd: process.cwd(),
      time: Date.now(),
    };
    transport.send(JSON.stringify(hello));
  }
  return transport;
}

/** Queues an event; iteration events are batched, everything else goes out at once. */
function emit(event: TraceEvent, urgent = true): void {
  pendingLines.push(JSON.stringify(event));
  const now = Date.now();
  if (urgent || pendingLines.length >= 32 || now - lastFlush > 100) flush(now);
}

function flush(now = Date.now()): void {
  if (pendingLines.length === 0) return;
  const t = channel();
  t.send(pendingLines.join('\n'));
  pendingLines.length = 0;
  lastFlush = now;
}

process.on('exit', () => {
  safe(() => sendTrainingModeAfter(), undefined);
  safe(() => sendStepsStopped(), undefined);
  safe(() => finishStepClasses(), undefined);
  for (const watch of allLeakWatches) safe(() => watch.atExit(), undefined);
  flush();
});

/** Ends this run if its host disappears without stopping it (see watchdog.ts). */
function startWatchdog(): void {
  const hostPid = Number(process.env.FAULTLINE_HOST_PID);
  if (!Number.isInteger(hostPid) || hostPid <= 0 || !isMainThread) return;
  const file = path.join(__dirname, 'watchdog.js');
  if (!fs.existsSync(file)) return;
  try {
    const worker = new Worker(file, {
      workerData: { hostPid, ownGroup: process.env.FAULTLINE_OWN_GROUP === '1', intervalMs: 500 },
      // Not a second copy of the probe (NODE_OPTIONS) nor the user's flags in the worker.
      execArgv: [],
      env: {},
      stdout: true,
      stderr: true,
    });
    worker.unref();
    worker.on('error', () => undefined);
  } catch {
    /* no worker threads here: the host's own stop and exit handlers still end the run */
  }
}
startWatchdog();

/**
 * The environment variables the main script names (`process.env.EPOCHS`) that are not set in this
 * process: `parseInt(process.env.EPOCHS)` is then NaN, and a loop bounded by it trains nothing. A
 * run that ends without training says which setting was missing, and where. Read from the script's
 * text once, at start: nothing about the environment is touched.
 */
const ENV_READS_REPORTED = 8;
const unsetEnvironment: EnvUnsetEvent[] = [];
function noteUnsetEnvironment(): void {
  const script = process.argv[1];
  if (!script || /[\\/]node_modules[\\/]/.test(script) || !/\.[cm]?[jt]s$/.test(script) || !fs.existsSync(script)) return;
  const text = fs.readFileSync(script, 'utf8');
  if (text.length > 2_000_000) return;
  const seen = new Set<string>();
  for (const m of text.matchAll(/\bprocess\s*\.\s*env\s*(?:\.\s*([A-Za-z_$][\w$]*)|\[\s*(['"])([^'"\n]+)\2\s*\])/g)) {
    const name = m[1] ?? m[3]!;
    if (seen.has(name) || name.startsWith('FAULTLINE_') || process.env[name] !== undefined) continue;
    seen.add(name);
    const before = text.slice(0, m.index);
    const line = before.split('\n').length;
    const column = m.index! - before.lastIndexOf('\n');
    unsetEnvironment.push({ type: 'envUnset', name: name.slice(0, 128), site: { file: path.resolve(script), line, column } });
    if (seen.size >= ENV_READS_REPORTED) break;
  }
}
if (isMainThread) safe(noteUnsetEnvironment, undefined);

process.on('uncaughtExceptionMonitor', (error: unknown) => {
  const err = error instanceof Error ? error : new Error(String(error));
  flush();
  channel().send(
    JSON.stringify({
      type: 'crash',
      name: String(err.name).slice(0, 256),
      message: String(err.message).slice(0, 8192),
      stack: err.stack ? err.stack.slice(0, 32768) : null,
      site: errorSite(err, PROBE_FILE),
    } satisfies TraceEvent),
  );
});

function elapsed(): number {
  if (startedAt === 0) startedAt = performance.now();
  return Math.round((performance.now() - startedAt) * 10) / 10;
}

function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

// ---------------------------------------------------------------------------------------------
// Hooking tfjs: modules are recognised by their exports, whichever package name loaded them.

const layerSites = new WeakMap<object, SourceSite | null>();

/**
 * The user's line that built a layer. A layer class the script defines runs its constructor in the
 * script's own file: its frames (`super(config)`) are passed over, to where the script says `new`.
 */
function layerBuiltAt(layer: object): SourceSite | null {
  const names: string[] = [];
  for (let proto = Object.getPrototypeOf(layer); proto && names.length < 8; proto = Object.getPrototypeOf(proto)) {
    const name = proto.constructor?.name;
    if (typeof name === 'string' && name) names.push(name);
  }
  return userSitesFromStack(captureStack().stack, PROBE_FILE, 1, names)[0] ?? null;
}
/** The user's line of the last `trainable = false` on a layer or model. */
const frozenSites = new WeakMap<object, SourceSite | null>();
const optimizerSites = new WeakMap<object, SourceSite | null>();
const knownContainers = new Set<WeakRef<any>>();
/** Every plain layer built (not models), to find one applied to a model's tensor whose output no model uses. */
const builtLayers: WeakRef<any>[] = [];
const MAX_BUILT_LAYERS = 10000;
let tfCore: any = null;
let tfLayers: any = null;
const config = readConfig();

const originalLoad = (Module as any)._load as (...args: any[]) => any;
(Module as any)._load = function faultlineLoad(this: unknown, request: unknown, ...rest: unknown[]) {
  const exported = originalLoad.call(this, request, ...rest);
  if (typeof request === 'string' && request.includes('tfjs')) {
    try {
      inspectModule(exported, request);
    } catch (error) {
      warn(`could not hook ${request}: ${(error as Error).message}`);
    }
  }
  return exported;
};

function warn(message: string): void {
  emit({ type: 'warning', message: message.slice(0, 4096) });
}

function inspectModule(exported: any, request: string): void {
  if (!exported || typeof exported !== 'object') return;
  if (typeof exported.Optimizer === 'function' && exported.train && typeof exported.variableGrads === 'function') {
    hookCore(exported, request);
  }
  if (typeof exported.LayersModel === 'function' && exported.layers && typeof exported.Sequential === 'function') {
    hookLayers(exported);
  }
  const data = typeof exported.Dataset === 'function' && typeof exported.array === 'function' ? exported : exported.data;
  if (typeof data?.Dataset?.prototype?.batch === 'function') hookData(data);
}

/** Set when the script loaded a TensorFlow.js the probe cannot trace: nothing is hooked then. */
let unsupportedCore = false;

function hookCore(core: any, request: string): void {
  const proto = core.Optimizer.prototype;
  if (proto[MARK]) return;
  proto[MARK] = true;
  const version = String(core.version_core ?? 'unknown').slice(0, 64);
  emit({ type: 'tfjs', version, backend: null, modulePath: request.slice(0, 4096) });
  // Sent once tfjs is in: a process that never loads it (npm, a build step) stays off the channel.
  for (const e of unsetEnvironment.splice(0)) emit(e);
  const support = tfjsSupport(version);
  if (support === 'unsupported') {
    unsupportedCore = true;
    return;
  }
  if (support === 'untested') warn(untestedTfjsMessage(version));
  tfCore = core;

  const originalCompute = proto.computeGradients;
  proto.computeGradients = function (this: any, f: () => any, varList?: any[]) {
    return runStep(this, varList ?? null, f, (wrapped) => originalCompute.call(this, wrapped, varList));
  };

  const originalVariableGrads = core.variableGrads;
  const variableGrads = function (f: () => any, varList?: any[]) {
    return runStep(null, varList ?? null, f, (wrapped) => originalVariableGrads(wrapped, varList));
  };
  trySet(core, 'variableGrads', variableGrads);

  watchWeightWrites(core);
  watchLearningRateAssignments(core);
  watchPlainRateChanges(core);
  watchLosses(core);
  watchOneHot(core);
  watchDropoutSeeds(core);
  watchImageRotations(core);
  watchUniformDraws(core);
  watchIntTensors(core);
  watchVariables(core);
  watchBroadcasts(core);
  shuffleWatch.hook(core.util, () => activeFit !== null, () => captureUserSite(PROBE_FILE));
  watchArraySorts();
  watchStringSplits();
  watchNumberParsing();
  watchSignedMatches();
  watchRegexState();
  watchDateReads();

  // Optimizer factories: remember where each optimizer was created.
  const train = core.train;
  for (const key of Object.keys(train)) {
    const factory = train[key];
    if (typeof factory !== 'function') continue;
    trySet(train, key, function (this: unknown, ...args: unknown[]) {
      const optimizer = factory.apply(this, args);
      if (optimizer && typeof optimizer === 'object') {
        optimizerSites.set(optimizer, captureUserSite(PROBE_FILE));
        noteAppliedSteps(optimizer);
        const arity = OPTIMIZER_ARITY[key];
        // Arguments past the factory's own are dropped without a word (Keras's SGD(lr, momentum) as tf.train.sgd(lr, 0.9)).
        if (arity !== undefined && args.length > arity && args.slice(arity).some((a) => a !== undefined)) {
          ignoredOptimizerArgs.set(optimizer, { factory: key, values: args.slice(arity, arity + 4).map((a) => (typeof a === 'number' || typeof a === 'boolean' ? a : String(a).slice(0, 64))) });
        }
      }
      return optimizer;
    });
  }
}

/** How many arguments each tf.train factory takes in tfjs 4.x. */
const OPTIMIZER_ARITY: Record<string, number> = { sgd: 1, momentum: 3, adagrad: 2, adadelta: 3, adam: 4, adamax: 5, rmsprop: 5 };
/** Optimizers made with more arguments than their factory takes: the factory and the dropped ones. */
const ignoredOptimizerArgs = new WeakMap<object, { factory: string; values: Array<number | boolean | string> }>();

/**
 * Writes to any tf.Variable: an optimizer's update, an `assign`, a layer's setWeights. A step's
 * statistics carry the count, so two samples with the same count had no update between them
 * (gradients computed at every step and applied once in a while, as REINFORCE does), and the
 * engine does not take weights that no update could have changed for stuck ones.
 */
let weightWrites: number | null = null;
/** Variables ever written after they were made (a training step, setWeights, a loaded model): the others hold their initial values. */
const writtenVariables = new WeakSet<object>();

/** Custom steps whose variable writes are measured against their gradients. */
const ASCENT_STEPS = 3;
interface AscentWatch {
  /** The latest step's gradients, by variable name, while it is one of the first ASCENT_STEPS. */
  grads: Record<string, any> | null;
  step: number;
  /** Steps in which every measured write went uphill, writes measured, least cosine, the writing line. */
  uphillSteps: number;
  stepUphill: boolean | null;
  writes: number;
  minCosine: number;
  site: SourceSite | null;
  done: boolean;
  /** The same for writes whose new value is a positive multiple of the gradient (the step written in place of the weights), and their least cosine. */
  replacedSteps: number;
  stepReplaced: boolean | null;
  replacedCosine: number;
  uphillOut: boolean;
  replacedOut: boolean;
  /** The largest write's change relative to the variable's own size (norms), over the measured steps. */
  largestStep: number;
  updateSent: boolean;
  /** A measured write ran outside an optimizer's applyGradients. */
  handWritten: boolean;
}
/** Variables this small are not judged for replacement: a vector of 1 is a multiple of anything. */
const REPLACED_MIN_SIZE = 4;
const ascentWatches = new WeakMap<TracedModel, AscentWatch>();
let ascentWatch: AscentWatch | null = null;

/** Called after each custom step: its gradients are the ones the next writes are measured against. */
function watchAscent(entry: TracedModel, grads: Record<string, any> | undefined): void {
  if (entry.mode !== 'custom' || !grads) return;
  let w = ascentWatches.get(entry);
  if (!w) {
    w = { grads: null, step: 0, uphillSteps: 0, stepUphill: null, writes: 0, minCosine: 1, site: null, done: false, replacedSteps: 0, stepReplaced: null, replacedCosine: 1, uphillOut: false, replacedOut: false, largestStep: 0, updateSent: false, handWritten: false };
    ascentWatches.set(entry, w);
  }
  if (w.done) return;
  if (w.stepUphill === true) w.uphillSteps++;
  else if (w.stepUphill === false) w.uphillOut = true;
  if (w.stepReplaced === true) w.replacedSteps++;
  else if (w.stepReplaced === false) w.replacedOut = true;
  if (!w.uphillOut && w.uphillSteps >= ASCENT_STEPS) {
    w.done = true;
    emit({ type: 'gradientAscent', modelId: entry.id, site: w.site, writes: w.writes, minCosine: w.minCosine } satisfies GradientAscentEvent);
  } else if (!w.replacedOut && w.replacedSteps >= ASCENT_STEPS) {
    w.done = true;
    emit({ type: 'gradientAscent', modelId: entry.id, site: w.site, writes: w.writes, minCosine: w.replacedCosine, replaced: 1 } satisfies GradientAscentEvent);
  }
  if (w.uphillOut && w.replacedOut) w.done = true;
  w.step++;
  w.stepUphill = null;
  w.stepReplaced = null;
  w.grads = !w.done && w.step <= ASCENT_STEPS + 1 ? grads : null;
  if (w.step > ASCENT_STEPS + 1) w.done = true;
  // The hand-written update, once its first steps were measured: where it writes, and how far.
  if (w.done && !w.updateSent && w.site && w.handWritten) {
    w.updateSent = true;
    emit({ type: 'handWrittenUpdate', modelId: entry.id, site: w.site, largestStep: w.largestStep } satisfies HandWrittenUpdateEvent);
  }
  ascentWatch = w.done ? null : w;
}

/** A write's change against the variable's gradient: the cosine between them, or null when it cannot be read. */
function noteWriteDirection(variable: any, value: any): void {
  const w = ascentWatch;
  const grad = w?.grads?.[variable?.name];
  const tf = tfCore;
  if (!w || !tf || !isReadable(grad) || !isReadable(value) || !isReadable(variable) || !sameShape(grad.shape, value.shape)) return;
  // The probe's own arithmetic is not the script's: the data-origin notes skip it.
  readingApplied = true;
  let cosine: number | null = null;
  let valueCosine: number | null = null;
  try {
    const parts = tf.tidy(() => {
      const change = tf.sub(value, variable);
      const gradNorm = tf.norm(grad);
      return tf.stack([tf.sum(tf.mul(change, grad)), tf.mul(tf.norm(change), gradNorm), tf.sum(tf.mul(value, grad)), tf.mul(tf.norm(value), gradNorm), tf.norm(change), tf.norm(variable)]);
    });
    try {
      const [dot, n, valueDot, valueN, changeN, variableN] = parts.dataSync() as Float32Array;
      cosine = n! > 0 ? dot! / n! : null;
      valueCosine = valueN! > 0 ? valueDot! / valueN! : null;
      if (variableN! > 0 && Number.isFinite(changeN!)) w.largestStep = Math.max(w.largestStep, changeN! / variableN!);
    } finally {
      parts.dispose();
    }
  } finally {
    readingApplied = false;
  }
  if (valueCosine !== null && Number.isFinite(valueCosine) && variable.size >= REPLACED_MIN_SIZE) {
    // Along the gradient only: a descent from weights at 0 writes -lr × gradient at its first step.
    w.stepReplaced = (w.stepReplaced ?? true) && valueCosine > 0.999;
    w.replacedCosine = Math.min(w.replacedCosine, valueCosine);
  }
  if (cosine === null || !Number.isFinite(cosine)) return;
  w.writes++;
  // Outside an optimizer's applyGradients: the script's own update.
  if (applyingDepth === 0) w.handWritten = true;
  w.minCosine = Math.min(w.minCosine, cosine);
  w.site ??= captureUserSite(PROBE_FILE);
  w.stepUphill = (w.stepUphill ?? true) && cosine > 0.5;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function watchWeightWrites(core: any): void {
  const proto = core.Variable?.prototype;
  const assign = proto?.assign;
  if (typeof assign !== 'function') return;
  try {
    proto.assign = function (this: any, ...args: any[]) {
      weightWrites = (weightWrites ?? 0) + 1;
      writtenVariables.add(this);
      if (stepDepth === 0 && applyingDepth === 0 && lastStepEntry) {
        try {
          noteWriteBetweenSteps(lastStepEntry, this, args[0]);
          noteClampBetweenSteps(lastStepEntry, this, args[0]);
        } catch {
          /* the write goes ahead unnoted */
        }
      }
      if (ascentWatch) {
        try {
          noteWriteDirection(this, args[0]);
        } catch {
          /* the write goes ahead unmeasured */
        }
      }
      return assign.apply(this, args);
    };
    weightWrites = 0;
  } catch {
    /* not writable: steps go without the count */
  }
}

/** Inside an optimizer's applyGradients, whose writes are the steps themselves. */
let applyingDepth = 0;

/** Steps in a row after which the model's weights were written outside the optimizer before the watch reports it. */
const OVERWRITTEN_STEPS = 3;
const overwrites = new WeakMap<TracedModel, { lastGap: number; inRow: number; site: SourceSite | null; variables: Set<object>; factor?: number | null; clipBound?: number | null }>();
const overwriteReported = new WeakSet<TracedModel>();
const trainedVariables = new WeakMap<TracedModel, WeakSet<object>>();

/** The one number every value of `before` was multiplied by to give `after` (a weight decay `v.mul(0.5)`), or null. */
function writtenFactor(before: any, after: any): number | null {
  if (!isReadable(before) || !isReadable(after) || before.size !== after.size) return null;
  const [a, b] = readValues(tfCore, [before, after]);
  if (!a || !b) return null;
  let factor: number | null = null;
  for (let i = 0; i < Math.min(a.length, 256); i++) {
    if (Math.abs(a[i]!) < 1e-6) continue;
    const r = b[i]! / a[i]!;
    if (factor === null) factor = r;
    else if (Math.abs(r - factor) > 1e-4 * Math.max(1, Math.abs(factor))) return null;
  }
  return factor !== null && Number.isFinite(factor) ? factor : null;
}

/** Whether `variable` is one of the weights `entry`'s model trains. */
function trainsVariable(entry: TracedModel, variable: object): boolean {
  let own = trainedVariables.get(entry);
  if (!own) {
    own = new WeakSet(safe(() => entry.model.trainableWeights as any[], []).map((w: any) => w?.val ?? w).filter((v: unknown) => v && typeof v === 'object'));
    trainedVariables.set(entry, own);
  }
  return own.has(variable);
}

/**
 * A custom loop's trained weights clamped to 0 or above after its steps
 * (`k.write(tf.maximum(k.read(), 0))`: a non-negativity constraint written by hand). Over its first
 * steps, the share of the clamped tensors' values that the optimizer had moved below 0, which the
 * write set back to 0. Reported once, after clamps at three steps.
 */
const CLAMP_STEPS = 8;
const CLAMP_READ_LIMIT = 1 << 16;
const clamps = new WeakMap<TracedModel, { site: SourceSite | null; steps: Set<number>; variables: Set<object>; values: number; belowZero: number }>();
const clampSent = new WeakSet<TracedModel>();

function noteClampBetweenSteps(entry: TracedModel, variable: any, value: any): void {
  if (entry.mode !== 'custom' || !entry.model || clampSent.has(entry) || entry.steps === 0 || entry.steps > CLAMP_STEPS) return;
  if (!trainsVariable(entry, variable) || !isReadable(variable) || !isReadable(value) || value.size !== variable.size || value.size > CLAMP_READ_LIMIT) return;
  const before = variable.dataSync() as ArrayLike<number>;
  const after = value.dataSync() as ArrayLike<number>;
  let belowZero = 0;
  for (let i = 0; i < before.length; i++) {
    if (after[i] !== Math.max(before[i]!, 0)) return;
    if (before[i]! < 0) belowZero++;
  }
  let w = clamps.get(entry);
  if (!w) clamps.set(entry, (w = { site: captureUserSite(PROBE_FILE), steps: new Set(), variables: new Set(), values: 0, belowZero: 0 }));
  w.steps.add(entry.steps);
  w.variables.add(variable);
  w.values += before.length;
  w.belowZero += belowZero;
  if (w.steps.size < 3) return;
  clampSent.add(entry);
  const kernels = safe(() => (entry.model.trainableWeights as any[]).filter((t: any) => (t?.shape?.length ?? 0) >= 2).length, 0);
  emit({ type: 'weightsClamped', modelId: entry.id, site: w.site, steps: w.steps.size, variables: w.variables.size, kernels, belowZeroShare: w.belowZero / Math.max(1, w.values) } satisfies WeightsClampedEvent);
}

/**
 * A custom loop's model whose trained weights are written between its steps, outside the
 * optimizer, after several steps in a row (an average written back into the weights, a restore):
 * what each step learned is replaced. Reported once, with the line of the first write.
 */
function noteWriteBetweenSteps(entry: TracedModel, variable: object, value: unknown): void {
  if (entry.mode !== 'custom' || !entry.model || overwriteReported.has(entry) || entry.steps === 0 || !trainsVariable(entry, variable)) return;
  let w = overwrites.get(entry);
  if (!w) overwrites.set(entry, (w = { lastGap: -1, inRow: 0, site: null, variables: new Set() }));
  w.variables.add(variable);
  if (w.lastGap === entry.steps) return;
  w.inRow = w.lastGap === entry.steps - 1 ? w.inRow + 1 : 1;
  w.lastGap = entry.steps;
  if (w.inRow === 1) w.site = captureUserSite(PROBE_FILE);
  // Read once per model: the write's values against the weights they replace.
  if (w.factor === undefined) w.factor = safe(() => writtenFactor(variable, value), null);
  // Values a tf.clipByValue made with bounds ±c: the weights clipped after each step (WGAN's trick).
  if (w.clipBound === undefined) w.clipBound = safe(() => symmetricClipOf(value), null);
  if (w.inRow < OVERWRITTEN_STEPS) return;
  overwriteReported.add(entry);
  emit({ type: 'weightsOverwritten', modelId: entry.id, site: w.site, steps: w.inRow, variables: w.variables.size, ...(typeof w.factor === 'number' ? { factor: w.factor } : {}), ...(typeof w.clipBound === 'number' ? { clipBound: w.clipBound } : {}) } satisfies WeightsOverwrittenEvent);
}

function symmetricClipOf(value: unknown): number | null {
  const made = value && typeof value === 'object' ? madeBy(value, PROBE_FILE) : null;
  const b = made?.kernel === 'ClipByValue' ? made.bounds : undefined;
  return b && b[1] > 0 && Math.abs(b[0] + b[1]) <= 1e-9 * b[1] ? b[1] : null;
}

/**
 * tfjs's SGD and momentum optimizers step with a copy of their rate made by setLearningRate, so a
 * plain `optimizer.learningRate = x` changes the property but not the steps. The property keeps
 * its plain behaviour here; the probe notes the rate the steps use and, for an assignment that
 * bypassed setLearningRate, the line that made it (checked at the next step, so an assignment
 * followed by setLearningRate is fine).
 */
const effectiveRates = new WeakMap<object, number>();
const bypassedRates = new WeakMap<object, { value: unknown; site: SourceSite | null }>();
const reportedBypasses = new WeakMap<object, Set<string>>();
/**
 * The line that last changed the rate an optimizer steps with, after it was created (a schedule or
 * a callback). A rate raised mid-run is blamed on that line rather than on the optimizer's.
 */
const rateChangeSites = new WeakMap<object, SourceSite | null>();
/** The rate each optimizer was made with: a custom loop's first step may come after the script changed it. */
const madeWithRates = new WeakMap<object, number>();
/** Optimizers whose steps read their `learningRate` property directly. */
const PLAIN_RATE_OPTIMIZERS = ['AdamOptimizer', 'AdamaxOptimizer', 'AdagradOptimizer', 'AdadeltaOptimizer', 'RMSPropOptimizer'];

function watchLearningRateAssignments(core: any): void {
  const proto = core.SGDOptimizer?.prototype;
  if (!proto || typeof proto.setLearningRate !== 'function' || Object.getOwnPropertyDescriptor(proto, 'learningRate')) return;
  const values = new WeakMap<object, unknown>();
  let settingThrough: object | null = null;
  const setLearningRate = proto.setLearningRate;
  proto.setLearningRate = function (this: object, learningRate: unknown) {
    const outer = settingThrough;
    settingThrough = this;
    try {
      return setLearningRate.call(this, learningRate);
    } finally {
      settingThrough = outer;
    }
  };
  Object.defineProperty(proto, 'learningRate', {
    configurable: true,
    get(this: object) {
      return values.get(this);
    },
    set(this: object, value: unknown) {
      values.set(this, value);
      if (settingThrough === this) {
        if (typeof value === 'number') {
          const before = effectiveRates.get(this);
          if (before === undefined) madeWithRates.set(this, value);
          if (before !== undefined && before !== value) rateChangeSites.set(this, captureUserSite(PROBE_FILE));
          effectiveRates.set(this, value);
        }
        bypassedRates.delete(this);
      } else if (effectiveRates.has(this) && value !== effectiveRates.get(this)) {
        bypassedRates.set(this, { value, site: captureUserSite(PROBE_FILE) });
      }
    },
  });
}

/** Notes where the rate of an optimizer that reads its property at each step was changed after creation. */
function watchPlainRateChanges(core: any): void {
  for (const name of PLAIN_RATE_OPTIMIZERS) {
    const proto = core[name]?.prototype;
    if (!proto || Object.getOwnPropertyDescriptor(proto, 'learningRate')) continue;
    const values = new WeakMap<object, unknown>();
    Object.defineProperty(proto, 'learningRate', {
      configurable: true,
      get(this: object) {
        return values.get(this);
      },
      set(this: object, value: unknown) {
        // The constructor's own assignment is the first; later ones change the rate mid-run.
        if (values.has(this) && typeof value === 'number' && value !== values.get(this)) rateChangeSites.set(this, captureUserSite(PROBE_FILE));
        else if (!values.has(this) && typeof value === 'number') madeWithRates.set(this, value);
        values.set(this, value);
      },
    });
  }
}

/** Logits clipped to a range this wide or narrower cap what the softmax over them can say. */
const NARROW_LOGIT_CLIP = 4;
const LOGITS_LOSSES: Record<string, 'softmax' | 'sigmoid'> = { softmaxCrossEntropy: 'softmax', sigmoidCrossEntropy: 'sigmoid' };
/** Losses that are not symmetric in (labels, predictions): swapped, they no longer measure the error. */
const ORDERED_LOSSES = new Set(['softmaxCrossEntropy', 'sigmoidCrossEntropy', 'logLoss', 'hingeLoss']);
/** Helpers of the losses namespace that are not losses a user trains on. */
const NOT_TRAINING_LOSSES = new Set(['computeWeightedLoss', 'Reduction']);
const seenLossCalls = new WeakMap<TracedModel, Set<string>>();

/**
 * The tf.losses functions a training step calls. A custom loop compiles no loss, so its first call
 * tells the engine the loss, where it was chosen, and (from its labels) the targets. For
 * softmaxCrossEntropy and sigmoidCrossEntropy, which apply their activation themselves, it also
 * tells whether the logits were already probabilities: the activation applied twice. For losses
 * whose two tensors play different parts, it tells whether they were given in the wrong order.
 * Each is inspected once per model; the call itself is passed through unchanged.
 */
function watchLosses(core: any): void {
  const losses = core.losses;
  if (!losses || typeof losses !== 'object') return;
  for (const fn of Object.keys(losses)) {
    const original = losses[fn];
    if (typeof original !== 'function' || original[MARK] || NOT_TRAINING_LOSSES.has(fn)) continue;
    const wrapped = function (this: unknown, ...args: any[]) {
      if (step) {
        try {
          noteStepLabels(step.entry, args[0]);
          noteLossCall(step.entry, fn, args);
        } catch (error) {
          warnOnce(`loss inspection failed: ${(error as Error).message}`);
        }
      }
      const out = original.apply(this, args);
      // A loss on another model's outputs (a GAN generator's step scoring the discriminator's
      // verdicts) may be negated by design: the minimax generator loss is -log(1 - D(G(z))).
      if (step && !lossNegatedSent && isTensor(out) && step.entry.steps < INSPECTED_STEPS && !otherModelOutputs.has(args[1])) {
        lossOutputs.set(out, { fn, entry: step.entry });
        lossOutputWatch = true;
      }
      return out;
    };
    Object.defineProperty(wrapped, 'name', { value: original.name || fn });
    (wrapped as any)[MARK] = true;
    trySet(losses, fn, wrapped);
  }
}

/** tf.metrics crossentropies a custom loop may take as its loss: their labels tell the batches' classes. */
const METRIC_LOSSES = ['categoricalCrossentropy', 'binaryCrossentropy', 'sparseCategoricalCrossentropy'];

function watchMetricLosses(layers: any): void {
  const metrics = layers.metrics;
  if (!metrics || typeof metrics !== 'object') return;
  for (const fn of METRIC_LOSSES) {
    const original = metrics[fn];
    if (typeof original !== 'function' || original[MARK]) continue;
    const wrapped = function (this: unknown, ...args: any[]) {
      if (step) safe(() => noteStepLabels(step!.entry, args[0]), undefined);
      return original.apply(this, args);
    };
    Object.defineProperty(wrapped, 'name', { value: original.name || fn });
    (wrapped as any)[MARK] = true;
    trySet(metrics, fn, wrapped);
  }
}

/**
 * An attention mask added the wrong way round: `scores.add(mask.mul(1e9))` with a mask of 1 at the
 * padding raises the padded positions by 1e9, so the softmax puts all the weight on them, where
 * `-1e9` (or `.sub`) was meant to shut them out. Followed in a step's forward pass: a 0/1 tensor
 * scaled by a large number, added to (or subtracted from) the scores, and the softmax of the sum.
 */
const MASK_SCALE = 1e4;
const scaledMasks = new WeakMap<object, number>();
const maskedScores = new WeakMap<object, { sign: number; kernel: 'Add' | 'Sub'; site: SourceSite | null }>();
let maskRaisesSent = false;

function noteMaskSign(entry: TracedModel, kernel: string, inputs: any, out: any): void {
  if (!isTensor(out)) return;
  if (kernel === 'Multiply') {
    const [a, b] = [inputs?.a, inputs?.b];
    const scalar = isReadable(a) && a.size === 1 ? a : isReadable(b) && b.size === 1 ? b : null;
    const mask = scalar === a ? b : a;
    if (!scalar) return;
    const k = (scalar.dataSync() as ArrayLike<number>)[0]!;
    if (Math.abs(k) >= MASK_SCALE && isZeroOneMask(mask)) scaledMasks.set(out, Math.sign(k));
    return;
  }
  if (kernel === 'Add' || kernel === 'Sub') {
    const onB = scaledMasks.get(inputs?.b);
    const sign = onB !== undefined ? (kernel === 'Sub' ? -onB : onB) : kernel === 'Add' ? scaledMasks.get(inputs?.a) : undefined;
    if (sign !== undefined) maskedScores.set(out, { sign, kernel, site: captureUserSite(PROBE_FILE) });
    return;
  }
  const masked = maskedScores.get(inputs?.logits);
  if (!masked || masked.sign <= 0) return;
  maskRaisesSent = true;
  emit({ type: 'maskRaisesScores', modelId: entry.id, kernel: masked.kernel, site: masked.site } satisfies MaskRaisesScoresEvent);
}

/**
 * A division by a scalar 0 while a custom loop trains (`m.div(1 - Math.pow(beta1, t))` with a step
 * count t that starts at 0): every value divided becomes Infinity or NaN, and so does whatever it
 * updates. Watched in the first steps, and in every step's forward pass (a temperature annealed to
 * 0 reaches it late); sent once, with the line and whether a step's forward pass (the model or its
 * loss) or the code after it (a hand-written update) divided.
 */
let dividedByZeroSent = false;

function noteDividedByZero(inputs: any, late: boolean): void {
  // Inside a step after its forward pass, tfjs computes the gradients: a log's gradient divides by the
  // log's input, and a log of 0 is found where the log is written, not here.
  if (stepDepth > 0 && step === null) return;
  const b = inputs?.b;
  // Past the first steps, only a tensor divided by a scalar that reached 0 (a temperature): a sum
  // divided by a count of 0 (an empty batch or mask) is told by the checks written for those.
  if (!isTensor(inputs?.a) || inputs.a.size === 0 || (late && inputs.a.size === 1)) return;
  if (!isReadable(b) || b.size !== 1 || (b.dataSync() as ArrayLike<number>)[0] !== 0) return;
  const entry = step?.entry ?? lastStepEntry;
  if (!entry) return;
  dividedByZeroSent = true;
  const a = inputs.a;
  const zeroOverZero = isReadable(a) && a.size > 1 && a.size <= NORM_READ && Array.prototype.every.call(a.dataSync() as ArrayLike<number>, (v: number) => v === 0);
  emit({ type: 'dividedByZero', modelId: entry.id, inForward: step !== null, ...(zeroOverZero ? { zeroOverZero: true } : {}), site: captureUserSite(PROBE_FILE) } satisfies DividedByZeroEvent);
}

/**
 * A tf.losses function's result negated in the step's loss (`cosineDistance(y, p).neg()`, Keras's
 * cosine_similarity habit: its loss is already -cos, tfjs's cosineDistance is 1 - cos): minimizing
 * it maximizes the error. Watched in the first steps; sent once.
 */
const lossOutputs = new WeakMap<object, { fn: string; entry: TracedModel }>();
let lossOutputWatch = false;
let lossNegatedSent = false;

function noteLossNegated(kernel: string, inputs: any): void {
  let loss: { fn: string; entry: TracedModel } | undefined;
  if (kernel === 'Neg') loss = lossOutputs.get(inputs?.x);
  else {
    const scaled = knownAgainstScalar(inputs, (t) => lossOutputs.get(t));
    if (scaled && scaled.scalar < 0) loss = scaled.found;
  }
  if (!loss) return;
  lossNegatedSent = true;
  lossOutputWatch = false;
  emit({ type: 'lossNegated', modelId: loss.entry.id, fn: loss.fn, kernel, site: captureUserSite(PROBE_FILE) } satisfies LossNegatedEvent);
}

/**
 * tf.oneHot gives a row of all 0s for an index outside [0, depth): labels numbered from 1, or one
 * class more than the depth, silently lose their rows. The first calls are inspected (data is
 * usually encoded once, before training); a call with such indices is reported with its line.
 */
const ONE_HOT_INSPECTIONS = 8;
let oneHotInspections = 0;

/**
 * Wraps `owner[name]` once so that `inspect` sees each call's arguments before the call runs as
 * written; an inspection that throws only warns.
 */
function inspectCalls(owner: any, name: string, inspect: (args: any[], wrapped: (...a: any[]) => any) => void): void {
  const original = owner?.[name];
  if (typeof original !== 'function' || original[MARK]) return;
  const wrapped = function (this: unknown, ...args: any[]) {
    try {
      inspect(args, wrapped);
    } catch (error) {
      warnOnce(`${name} inspection failed: ${(error as Error).message}`);
    }
    return original.apply(this, args);
  };
  Object.defineProperty(wrapped, 'name', { value: original.name || name });
  (wrapped as any)[MARK] = true;
  trySet(owner, name, wrapped);
}

function watchOneHot(core: any): void {
  inspectCalls(core, 'oneHot', (args) => {
    if (oneHotInspections >= ONE_HOT_INSPECTIONS) return;
    oneHotInspections++;
    noteOneHot(args[0], args[1]);
  });
}

/**
 * tf.dropout, and the noise draws (tf.randomNormal, randomUniform, truncatedNormal), given a seed
 * draw the same numbers at every call: a constant seed drops the same units at every training step,
 * or feeds the same noise (a GAN's latent batch) to every step. Reported once per kind, when one seed
 * from one line has been used across a few optimizer steps; each call runs as it was written.
 */
const FIXED_SEED_STEPS = 3;
/** Where each function takes its seed (randomUniform is wrapped with its draws, watchUniformDraws). */
const SEEDED_DRAWS: Record<string, number> = { dropout: 3, randomNormal: 4, randomUniform: 4, truncatedNormal: 4 };
const fixedSeeds = new Map<string, { site: SourceSite | null; seed: number | string; steps: Set<number>; sent: boolean; modelId: number }>();

function watchDropoutSeeds(core: any): void {
  for (const fn of Object.keys(SEEDED_DRAWS)) if (fn !== 'randomUniform') inspectCalls(core, fn, (args, wrapped) => checkSeed(fn, args, wrapped));
}

function checkSeed(fn: string, args: any[], wrapped: (...args: any[]) => any): void {
  const seed = args[SEEDED_DRAWS[fn]!];
  if (fixedSeeds.get(fn)?.sent === true || (typeof seed !== 'number' && typeof seed !== 'string') || lastStepEntry === null) return;
  // A dropout of rate 0 draws nothing.
  if (fn === 'dropout' && !(typeof args[1] === 'number' && args[1] > 0)) return;
  noteFixedSeed(fn, seed, lastStepEntry, wrapped);
}

function noteFixedSeed(fn: string, seed: number | string, entry: TracedModel, wrapped: (...args: any[]) => any): void {
  let state = fixedSeeds.get(fn);
  if (!state) {
    // Only a call the script's own code makes.
    const site = userSiteFromStack(captureStack(wrapped, 1).stack, PROBE_FILE);
    if (!site) return;
    fixedSeeds.set(fn, (state = { site, seed, steps: new Set(), sent: false, modelId: entry.id }));
  }
  if (state.seed !== seed) {
    // A seed that changes from call to call draws new numbers.
    state.sent = true;
    return;
  }
  state.steps.add(entry.steps);
  if (state.steps.size < FIXED_SEED_STEPS) return;
  state.sent = true;
  emit({ type: 'dropoutSeedFixed', site: state.site!, seed: String(seed).slice(0, 32), steps: state.steps.size, modelId: state.modelId, ...(fn !== 'dropout' ? { fn: fn as NonNullable<DropoutSeedFixedEvent['fn']> } : {}) } satisfies DropoutSeedFixedEvent);
}

/**
 * tf.image.rotateWithOffset takes its angle in radians; an augmentation that draws angles up to 15
 * (degrees, as Keras's and PIL's rotations take them) turns each image by several whole turns and
 * more, so whatever its orientation said is lost. The angles are read (numbers, not tensors) and the
 * first beyond 2π is reported with its line; the call itself is untouched.
 */
const WHOLE_TURN = 2 * Math.PI;
let rotationCalls = 0;
let largestRotation = 0;
let rotationSent = false;

function watchImageRotations(core: any): void {
  inspectCalls(core.image, 'rotateWithOffset', (args) => {
    const radians = args[1];
    if (rotationSent || typeof radians !== 'number' || !Number.isFinite(radians)) return;
    rotationCalls++;
    largestRotation = Math.max(largestRotation, Math.abs(radians));
    if (largestRotation <= WHOLE_TURN) return;
    rotationSent = true;
    const site = captureUserSite(PROBE_FILE);
    if (site) emit({ type: 'rotatedByDegrees', site, largest: largestRotation, calls: rotationCalls } satisfies RotatedByDegreesEvent);
  });
}

/**
 * A tensor made as int32 from values with fractions (`tf.tensor2d(ys, [n, 1], 'int32')` for targets
 * in [0, 1)): tfjs truncates each value toward 0, silently. The calls that ask for int32 are
 * inspected (the first 16 reported), with their line.
 */
const TRUNCATIONS_REPORTED = 16;
const TRUNCATION_SCAN = 200_000;
let truncationsReported = 0;
/** The argument that holds the dtype, per tensor factory. */
const DTYPE_ARGUMENT: Record<string, number> = { tensor: 2, tensor1d: 1, tensor2d: 2, tensor3d: 2, tensor4d: 2, tensor5d: 2, tensor6d: 2 };

function watchIntTensors(core: any): void {
  for (const [name, at] of Object.entries(DTYPE_ARGUMENT)) {
    const original = core[name];
    if (typeof original !== 'function' || original[MARK]) continue;
    const wrapped = function (this: unknown, ...args: any[]) {
      if (args[at] === 'int32' && truncationsReported < TRUNCATIONS_REPORTED) {
        try {
          noteTruncation(name, at, args[0]);
        } catch (error) {
          warnOnce(`int32 inspection failed: ${(error as Error).message}`);
        }
      }
      if (step === null && Array.isArray(args[0])) {
        try {
          if (!offIndexReported && arraysInspected < ARRAYS_INSPECTED) noteValuesOffIndex(name, args[0]);
          if ((args[at] === undefined || args[at] === 'float32') && roundingsReported < ROUNDINGS_REPORTED && roundingScans < ROUNDING_SCANS) noteIntegersRounded(name, args[0]);
        } catch (error) {
          warnOnce(`array inspection failed: ${(error as Error).message}`);
        }
      }
      return original.apply(this, args);
    };
    Object.defineProperty(wrapped, 'name', { value: original.name || name });
    (wrapped as any)[MARK] = true;
    trySet(core, name, wrapped);
  }
}

function noteTruncation(call: string, dtypeIndex: number, values: unknown): void {
  let count = 0;
  let fractional = 0;
  let min = Infinity;
  let max = -Infinity;
  const visit = (v: unknown): void => {
    if (count >= TRUNCATION_SCAN) return;
    if (typeof v === 'number') {
      count++;
      if (Number.isFinite(v)) {
        if (v < min) min = v;
        if (v > max) max = v;
        if (!Number.isInteger(v)) fractional++;
      }
    } else if (Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof Int32Array) && !(v instanceof Uint8Array))) {
      const list = v as ArrayLike<unknown>;
      for (let i = 0; i < list.length && count < TRUNCATION_SCAN; i++) visit(list[i]);
    }
  };
  visit(values);
  if (fractional === 0) return;
  truncationsReported++;
  emit({ type: 'truncatedToInt', site: captureUserSite(PROBE_FILE), call, dtypeIndex, count, fractional, min: finiteOrNull(min), max: finiteOrNull(max) } satisfies TruncatedToIntEvent);
}

/**
 * Arrays given to a tensor factory that hold values under number-like keys no index is ("4.33" from
 * `row[OFFSET + hour / 3] = 1`, "-1"): the tensor never reads them. The first few factory calls with
 * arrays are read, a bounded number of rows each; reported once.
 */
const ARRAYS_INSPECTED = 32;
const OFF_INDEX_ROWS = 64;
let arraysInspected = 0;
let offIndexReported = false;
/** A key JavaScript wrote from a number that is not an array index: a fraction, a negative, an exponent. */
const NUMBER_KEY = /^-?(?:\d+\.\d+|\d+(?:\.\d+)?e[-+]?\d+|[1-9]\d*|0\.\d+)$/;

function noteValuesOffIndex(call: string, values: unknown[]): void {
  arraysInspected++;
  const rows: unknown[][] = Array.isArray(values[0]) ? (values.slice(0, OFF_INDEX_ROWS) as unknown[][]).filter(Array.isArray) : [values];
  let rowsWithKeys = 0;
  const keys: string[] = [];
  for (const row of rows) {
    // Own keys past the indices come last; an array without extra keys has exactly `length` of them.
    const own = Object.keys(row);
    if (own.length === row.length) continue;
    let found = false;
    for (let i = own.length - 1; i >= 0; i--) {
      const k = own[i]!;
      if (/^\d+$/.test(k) && Number(k) < row.length) break;
      if (!NUMBER_KEY.test(k) || (/^\d+$/.test(k) && Number(k) < 2 ** 32 - 1)) continue;
      found = true;
      if (keys.length < 4 && !keys.includes(k)) keys.push(k.slice(0, 24));
    }
    if (found) rowsWithKeys++;
  }
  if (rowsWithKeys === 0) return;
  const site = captureUserSite(PROBE_FILE);
  if (!site) return;
  offIndexReported = true;
  emit({ type: 'valuesOffIndex', site, call, rowsRead: rows.length, rowsWithKeys, keys } satisfies ValuesOffIndexEvent);
}

/**
 * Whole numbers past 2^24 made into a float32 tensor (ids of a database, given without a dtype):
 * float32 holds only every 2nd, 4th, 8th… whole number there, so distinct ids merge. Cheap to rule
 * out: the scan stops at the first value that is small or not whole.
 */
const ROUNDINGS_REPORTED = 4;
const ROUNDING_SCAN = 100_000;
/** Calls whose values were all whole numbers past 2^24, scanned in full: at most this many. */
const ROUNDING_SCANS = 64;
let roundingsReported = 0;
let roundingScans = 0;

function noteIntegersRounded(call: string, values: unknown[]): void {
  // First a pass with no allocation: whole numbers past 2^24, and whether float32 holds each
  // exactly (when it holds them all, none can merge).
  let inexact = 0;
  let scanned = 0;
  const visit = (v: unknown): boolean => {
    if (scanned >= ROUNDING_SCAN) return true;
    if (typeof v === 'number') {
      scanned++;
      if (!Number.isInteger(v) || Math.abs(v) < 2 ** 24) return false;
      if (Math.fround(v) !== v) inexact++;
      return true;
    }
    if (!Array.isArray(v)) return false;
    for (const x of v) if (!visit(x)) return false;
    return true;
  };
  const whole = visit(values);
  if (whole && scanned > 0) roundingScans++;
  if (!whole || inexact === 0 || scanned < 2) return;
  const found = (values.flat(Infinity) as number[]).slice(0, ROUNDING_SCAN);
  const distinct = new Set(found);
  const after = new Set(found.map((v) => Math.fround(v)));
  if (after.size === distinct.size) return;
  let min = Infinity;
  let max = -Infinity;
  for (const v of found) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const site = captureUserSite(PROBE_FILE);
  if (!site) return;
  roundingsReported++;
  emit({ type: 'integersRounded', site, call, distinct: distinct.size, distinctAfter: after.size, min, max } satisfies IntegersRoundedEvent);
}

function noteOneHot(indices: any, depth: unknown): void {
  if (typeof depth !== 'number' || !Number.isInteger(depth) || depth < 1) return;
  let values: ArrayLike<number>;
  if (isTensor(indices)) {
    if (!isReadable(indices)) return;
    values = indices.dataSync() as ArrayLike<number>;
  } else if (Array.isArray(indices)) {
    values = indices.flat(Infinity).filter((v: unknown): v is number => typeof v === 'number');
  } else return;
  let min = Infinity;
  let max = -Infinity;
  let outOfRange = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
    if (!(v >= 0 && v < depth)) outOfRange++;
  }
  if (outOfRange === 0) return;
  emit({ type: 'oneHot', site: captureUserSite(PROBE_FILE), depth, min: finiteOrNull(min), max: finiteOrNull(max), outOfRange, count: values.length } satisfies OneHotEvent);
}

/**
 * A model's first steps are inspected more closely than the rest (the kernels a loss runs, how its
 * training-dependent layers are called): what a script does there it does at every step.
 */
const INSPECTED_STEPS = 3;

/** Kernels whose gradient is 0 everywhere: a loss that reaches the model's output only through them trains nothing. */
const ZERO_GRADIENT_KERNELS = new Set(['Round', 'Floor', 'Ceil', 'Sign', 'Step', 'ArgMax', 'ArgMin', 'Equal', 'NotEqual', 'Greater', 'GreaterEqual', 'Less', 'LessEqual', 'LogicalAnd', 'LogicalOr', 'LogicalNot', 'OneHot']);
/** A clip's input is read back (to see whether all of it lies outside the bounds) up to this size. */
const CLIP_READ_LIMIT = 4096;

/** How a tensor of a model's first steps' forward pass was computed: the kernel, its tensor inputs, and a blocker's stack. */
interface Lineage {
  kernel: string;
  inputs: object[];
  /** The kernel passes no gradient (a zero-gradient kernel, or a clip with all its input outside the bounds). */
  blocks: boolean;
  stack: { stack?: string } | null;
  bounds?: [number, number];
  /** A layer output multiplied or divided by a number given as is (`logits.div(T)`): the factor it is multiplied by, and the output. */
  scaled?: { factor: number; of: object };
  /** A product with a number given as is (`e.mul(TAU)`): the number, read when the product was made. */
  constant?: number;
}
const lineage = new WeakMap<object, Lineage>();
/** Layer outputs of the first steps' forward passes: where a loss's gradient must reach. */
const layerOutputs = new WeakSet<object>();
/** Per model, its first steps whose loss reached the model only through blockers. */
const blockedSteps = new WeakMap<TracedModel, number>();
const blockReported = new WeakSet<TracedModel>();

/**
 * A difference between a column of n values ([n, 1], a model's output) and a vector of the same n
 * ([n], targets built with tensor1d) broadcasts to [n, n]: a hand-written loss then compares every
 * prediction with every target, and the best the model can do is predict their mean. The kernels
 * run inside the first training steps of each model are checked; the first such difference is
 * reported with the user's line that made it.
 */
const DIFFERENCE_KERNELS: Record<string, string> = { Sub: 'sub', SquaredDifference: 'squaredDifference', Multiply: 'mul' };
const broadcastReported = new WeakSet<TracedModel>();

function watchBroadcasts(core: any): void {
  const engine = safe(() => core.engine?.(), null as any);
  if (!engine) return;
  // tfjs 2 and later run an op's kernel by name (runKernel); tfjs 1 passes the name to runKernelFunc
  // after the forward function, and tfjs 3 passes runKernelFunc one object naming the kernel.
  watchKernels(engine, 'runKernel', (args) => [args[0], args[1]]);
  watchMadeTensors(engine);
  watchKernels(engine, 'runKernelFunc', (args) => (typeof args[0] === 'function' ? [args[3], args[1]] : [args[0]?.kernelName, args[0]?.inputs]));
}

/** While a dataset's iterator makes a batch for fitDataset (its synchronous part): the stack of the first tensor it makes. */
let batchMaking = false;
let batchMadeStack: { stack?: string } | null = null;
/** Where each tensor a dataset's first batches were made in was made (their targets' line). */
const batchTensorStacks = new WeakMap<object, { stack?: string }>();

/** Tensors made from arrays outside training, for where fit's data was made (see data-origin.ts). */
function watchMadeTensors(engine: any): void {
  const original = engine.makeTensor;
  if (typeof original !== 'function' || original[MARK]) return;
  // Named parameters, not a rest array: every tensor a script makes passes through here.
  const wrapped = function (this: unknown, values: unknown, shape: unknown, dtype: unknown, backend: unknown) {
    const out = original.call(this, values, shape, dtype, backend);
    if (step === null && activeFit === null && !readingApplied && notingOrigins()) noteMadeTensor(out);
    if (layerCallWatched > 0 && step !== null) madeInLayerCall.set(out, captureStack());
    if (batchMaking) {
      const stack = captureStack();
      batchMadeStack ??= stack;
      if (isTensor(out)) batchTensorStacks.set(out, stack);
    }
    return out;
  };
  (wrapped as any)[MARK] = true;
  trySet(engine, 'makeTensor', wrapped);
}

/** Runs one of a step's kernel watches: one that fails is reported once and never stops the kernel. */
function inspectKernel(watch: () => void): void {
  try {
    watch();
  } catch (error) {
    warnOnce(`loss kernel inspection failed: ${(error as Error).message}`);
  }
}

function watchKernels(engine: any, method: string, kernelOf: (args: any[]) => [unknown, any]): void {
  const original = engine[method];
  if (typeof original !== 'function' || original[MARK]) return;
  const wrapped = function (this: unknown, ...args: any[]) {
    const current = step;
    const entry = current && current.entry.steps < INSPECTED_STEPS ? current.entry : null;
    const watchLog = entry !== null && !logsDone(entry);
    let kernelName: unknown = null;
    let inputs: any = null;
    if (current && (entry || current.entry.sqrtWatch?.active)) {
      try {
        [kernelName, inputs] = kernelOf(args);
        if (entry && !broadcastReported.has(entry) && typeof kernelName === 'string' && kernelName in DIFFERENCE_KERNELS) noteBroadcast(entry, kernelName, inputs?.a, inputs?.b);
        if (entry && !batchAxisReported.has(entry) && kernelName === 'Max') noteAttentionAxis(current, inputs?.x, method === 'runKernel' ? args[2] : null);
        if (entry && !pinballReported.has(entry) && kernelName === 'Maximum') notePinball(entry, inputs?.a, inputs?.b);
        if (entry && !argmaxTargetReported.has(entry) && kernelName === 'Multiply') noteArgmaxTarget(entry, inputs?.a, inputs?.b);
        if (entry && kernelName === 'RealDiv' && !divisorCrossedSent) noteLearnedDivisor(entry, inputs?.b);
        if (entry && kernelName === 'Sub' && !shiftReported.has(entry)) noteShiftByBatchMax(entry, inputs?.a, inputs?.b);
        if (entry && kernelName === 'Softmax' && !maskMultipliedSent) noteMaskMultiplied(entry, inputs?.logits);
        if (entry && kernelName === 'Softmax' && !scoresScaledUpSent) noteScoresScaledUp(entry, inputs?.logits);
        if (entry && (kernelName === 'RealDiv' || kernelName === 'Multiply') && !contrastiveSent) noteContrastiveScale(entry, kernelName, inputs?.a, inputs?.b);
        if (entry && kernelName === 'Select' && !positivesMaskedSent) notePositivesMasked(entry, inputs?.condition, inputs?.t, inputs?.e);
        if (entry && kernelName === 'Multiply' && !focalInvertedSent) noteFocalInverted(entry, inputs?.a, inputs?.b);
        if (entry && kernelName === 'Reshape' && !headsSplitSent) noteHeadsSplit(entry, inputs?.x, method === 'runKernel' ? args[2] : null);
        if (entry && kernelName === 'ClipByValue' && !logitsAsProbabilitiesSent) noteLogitsAsProbabilities(entry, inputs?.x, method === 'runKernel' ? args[2] : null);
        if (entry && !signedDistanceReported.has(entry) && kernelName === 'Sum') noteSignedDistance(entry, inputs?.x, method === 'runKernel' ? args[2] : null);
        if (entry && !cosineReported.has(entry) && kernelName === 'Softmax') noteCosineLogits(entry, inputs?.logits);
        if (entry && kernelName === 'Softmax' && !softmaxRowsMaskedSent) noteSoftmaxRowsMasked(entry, inputs?.logits);
        if (entry && kernelName === 'Abs' && !absOfSummedSent) noteAbsOfSummedErrors(entry, inputs?.x);
        if (entry && kernelName === 'Select' && !huberSwappedSent) noteHuberBranches(entry, inputs?.condition, inputs?.t, inputs?.e);
        if (entry && entry.mode === 'custom' && !batchAxisReported.has(entry) && typeof kernelName === 'string' && kernelName in BATCH_AXIS_KERNELS) {
          noteBatchAxisReduction(current, kernelName, inputs?.x, method === 'runKernel' ? args[2] : null);
        }
        if (watchLog && kernelName === 'Log' && inputs?.x && probabilities.has(inputs.x)) noteLogOfProbabilities(entry!, probabilities.get(inputs.x)!);
        if (kernelName === 'Sqrt') noteSqrtInput(current, inputs?.x);
        // A log of probabilities is watched apart (clipped logs); others only while its first steps are inspected.
        if (entry && kernelName === 'Log' && !probabilities.has(inputs?.x)) noteLogInput(current, inputs?.x);
        if (entry && kernelName === 'Pow') notePowInput(current, inputs?.a, inputs?.b);
        if (entry && !nanMaskReported.has(entry) && typeof kernelName === 'string') noteNanMask(entry, kernelName, inputs);
        if (entry && entry.mode === 'custom' && kernelName === 'Multiply' && !columnTargetsReported.has(entry)) noteColumnTargets(entry, inputs?.a, inputs?.b);
      } catch (error) {
        warnOnce(`loss kernel inspection failed: ${(error as Error).message}`);
      }
    }
    const out = original.apply(this, args);
    if (inUserLoss > 0) userLossStack = captureStack();
    if (batchMaking && isTensor(out)) batchTensorStacks.set(out, captureStack());
    if (entry && entry.model && entry.mode !== 'custom' && inputs) noteUntrackedVariables(entry, inputs);
    if (entry && tracingLineage(entry) && typeof kernelName === 'string') inspectKernel(() => noteLineage(kernelName, inputs, method === 'runKernel' ? args[2] : null, out));
    if (entry && entry.mode === 'custom' && !batchSumSent.has(entry) && typeof kernelName === 'string') inspectKernel(() => noteBatchSummed(entry, kernelName, inputs, method === 'runKernel' ? args[2] : null, out));
    if (entry && !zeroMarginReported.has(entry) && typeof kernelName === 'string' && kernelName in MARGIN_KERNELS) inspectKernel(() => noteZeroMargin(entry, kernelName, inputs, out));
    if (entry && !penaltySubtractedReported.has(entry) && typeof kernelName === 'string') inspectKernel(() => noteWeightPenalty(kernelName, inputs, out));
    if (entry && kernelName === 'Pow' && !powerReported.has(entry)) inspectKernel(() => notePower(entry, inputs, out));
    if (entry && !countDivisionReported.has(entry) && (kernelName === 'Sum' || kernelName === 'RealDiv')) inspectKernel(() => noteCountDivision(entry, kernelName, inputs, out));
    if (entry && !outputUseReported(entry) && typeof kernelName === 'string') inspectKernel(() => noteOutputUse(entry, kernelName, inputs, method === 'runKernel' ? args[2] : null, out));
    if (entry && kernelName === 'Exp' && !expOverflowSent) inspectKernel(() => noteExpOverflow(entry, inputs?.x, out));
    if (entry && kernelName === 'Exp') {
      if (!expOfExpSent.has(entry) && entry.steps < INSPECTED_STEPS && exponentials.has(inputs?.x)) noteExpOfExp(entry);
      if (isTensor(out)) exponentials.add(out);
    }
    if (entry && kernelName === 'Log' && isTensor(out)) logarithms.add(out);
    if (entry && (kernelName === 'Add' || kernelName === 'Sub') && !stepBelowResolutionSent) inspectKernel(() => noteTinyShift(inputs, out));
    if (entry && kernelName === 'Sin' && !sineSpreadSent && step !== null && entry.steps < INSPECTED_STEPS) inspectKernel(() => noteSineSpread(entry, inputs?.x));
    if (entry && kernelName === 'GatherV2' && method === 'runKernel' && !gatherAcrossSent.has(entry)) inspectKernel(() => noteGatherAcrossRows(entry, inputs, args[2], out));
    if (entry && kernelName === 'Cast' && isTensor(out) && isTensor(inputs?.x)) castFrom.set(out, inputs.x);
    if (method === 'runKernel' && step === null && activeFit === null && !readingApplied && notingOrigins()) noteKernel(args[0], args[1], args[2], out);
    if (method === 'runKernel' && step === null && args[0] === 'ClipByValue' && lastStepEntry && !readingApplied) noteGradientClip(lastStepEntry, args[1]?.x, args[2]);
    if (method === 'runKernel' && args[0] === 'AddN' && !weightsSummedSent && isTensor(out) && args[1] && typeof args[1] === 'object') addedUp.set(out, Object.keys(args[1]).length);
    if (sliceWatchOpen && method === 'runKernel') {
      if (args[0] === 'Slice') noteSlice(args[1]?.x, args[2], out);
      else if (args[0] === 'GatherV2') noteGather(args[1]?.x, args[1]?.indices, args[2], out);
    }
    // A custom loop's scalars in its first steps: one of them is the loss its step returns.
    if (entry && entry.mode === 'custom' && !lossSiteSent.has(entry) && kernelName === 'Multiply' && isTensor(out) && out.size > 1) inspectKernel(() => noteWeightedRows(inputs?.a, inputs?.b, out));
    if (entry && entry.mode === 'custom' && !lossSiteSent.has(entry) && isTensor(out) && out.size === 1) {
      if (kernelName === 'Mean' && weightedRows.has(inputs?.x)) averagedWeightedRows.set(out, weightedRows.get(inputs.x)!);
      scalarStacks.set(out, captureStack());
      if (kernelName === 'Sum' && isTensor(inputs?.x)) summedScalars.set(out, inputs.x.size);
      if (kernelName === 'Multiply') noteScaledScalar(inputs?.a, inputs?.b, out);
      if (kernelName === 'RealDiv') noteDividedSum(inputs?.a, inputs?.b, out);
    }
    if (watchLog && typeof kernelName === 'string') inspectKernel(() => trackProbabilities(kernelName, inputs, out));
    if (entry && !maskRaisesSent && (kernelName === 'Multiply' || kernelName === 'Add' || kernelName === 'Sub' || kernelName === 'Softmax')) inspectKernel(() => noteMaskSign(entry, kernelName, inputs, out));
    if (lossOutputWatch && (kernelName === 'Neg' || kernelName === 'Multiply')) inspectKernel(() => noteLossNegated(kernelName, inputs));
    if (method === 'runKernel' && args[0] === 'Max' && !maxOverBatchSent && lastStepEntry !== null && lastStepEntry.steps < INSPECTED_STEPS) inspectKernel(() => noteMaxOverBatch(lastStepEntry!, args[1], args[2]));
    // Also outside a step's forward pass in the first steps: a hand-written update runs after the
    // gradients. In the forward pass, at every step: a divisor annealed to 0 gets there late.
    if (method === 'runKernel' && args[0] === 'RealDiv' && !dividedByZeroSent && lastStepEntry !== null && (lastStepEntry.steps < INSPECTED_STEPS || step !== null)) inspectKernel(() => noteDividedByZero(args[1], lastStepEntry!.steps >= INSPECTED_STEPS));
    if ((thresholdWatch || drawWatch) && method === 'runKernel' && typeof args[0] === 'string' && args[0] in THRESHOLD_KERNELS) {
      if (thresholdWatch) inspectKernel(() => noteThreshold(args[0], args[1]));
      if (drawWatch) inspectKernel(() => noteDrawCompared(args[0], args[1]));
    }
    return out;
  };
  (wrapped as any)[MARK] = true;
  trySet(engine, method, wrapped);
}

/** The value of a one-element tensor no kernel of the step made (a number the script gave an op). */
function givenScalar(t: any): number | null {
  if (!isReadable(t) || t.size !== 1 || lineage.has(t)) return null;
  const v = (t.dataSync() as ArrayLike<number>)[0];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function noteLineage(kernel: string, inputs: any, attrs: any, out: any): void {
  let blocks = ZERO_GRADIENT_KERNELS.has(kernel);
  let bounds: [number, number] | undefined;
  if (kernel === 'ClipByValue' && typeof attrs?.clipValueMin === 'number' && typeof attrs?.clipValueMax === 'number') {
    const x = inputs?.x;
    bounds = [attrs.clipValueMin, attrs.clipValueMax];
    // clipByValue passes the gradient only where its input lies within the bounds. Probabilities
    // clipped to [ε, 1 - ε] (tfjs's cross-entropies do it) are outputs saturated at 0 or 1: that is
    // the saturation's fault, found as such, not the clip's.
    const probabilityClip = bounds[0] >= 0 && bounds[0] < 0.01 && Math.abs(1 - bounds[1] - bounds[0]) < 1e-6;
    if (!probabilityClip && isReadable(x) && x.size <= CLIP_READ_LIMIT) {
      const values = x.dataSync() as ArrayLike<number>;
      blocks = true;
      for (let i = 0; i < values.length && blocks; i++) if (values[i]! >= bounds[0] && values[i]! <= bounds[1]) blocks = false;
    }
  }
  const scaled = kernel === 'RealDiv' || kernel === 'Multiply' ? layerOutputScaling(kernel, inputs?.a, inputs?.b) : null;
  // A narrow clip's line is kept too: logits clipped there bound what a softmax can say.
  const narrow = bounds !== undefined && bounds[1] - bounds[0] <= NARROW_LOGIT_CLIP;
  // So is a difference of a layer's output and something else: a loss's residual, shown where it is written.
  const residual = kernel === 'Sub' && (isLayerOutput(inputs?.a) || isLayerOutput(inputs?.b));
  const constant = kernel === 'Multiply' ? givenScalar(inputs?.a) ?? givenScalar(inputs?.b) : null;
  const node: Lineage = {
    kernel,
    inputs: tensorInputs(inputs),
    blocks,
    // A one-hot of an argMax is where a target may be taken from the model's own preference.
    // So is a product of a matMul and a number: where attention scores are scaled.
    stack: blocks || scaled || narrow || residual || (kernel === 'OneHot' && lineage.get(inputs?.indices)?.kernel === 'ArgMax') || (kernel === 'Multiply' && (lineage.get(inputs?.a)?.kernel === 'BatchMatMul' || lineage.get(inputs?.b)?.kernel === 'BatchMatMul')) ? captureStack() : null,
    ...(bounds ? { bounds } : {}),
    ...(scaled ? { scaled } : {}),
    ...(constant !== null ? { constant } : {}),
  };
  for (const t of Array.isArray(out) ? out : [out]) if (isTensor(t)) lineage.set(t, node);
}

/**
 * Whether every path from the loss `y` back to a layer output of this step passes a kernel `marks`
 * picks: the first such kernel on the way back, or null (a path without one, or no path at all). A
 * tensor first reached through a marked kernel is walked again when a path without one reaches it.
 */
function everyPathThrough(y: any, marks: (node: Lineage) => boolean): Lineage | null {
  const queue: Array<{ t: object; by: Lineage | null }> = [{ t: y, by: null }];
  const seenFree = new Set<object>();
  const seenMarked = new Set<object>();
  let first: Lineage | null = null;
  for (let visited = 0; queue.length > 0 && visited < 4000; visited++) {
    const { t, by } = queue.shift()!;
    if (seenFree.has(t) || (by && seenMarked.has(t))) continue;
    (by ? seenMarked : seenFree).add(t);
    if (layerOutputs.has(t)) {
      if (!by) return null;
      first ??= by;
      continue;
    }
    const node = lineage.get(t);
    if (!node) continue;
    const next = by ?? (marks(node) ? node : null);
    for (const input of node.inputs) queue.push({ t: input, by: next });
  }
  return first;
}

/** Every path from the loss to the layer outputs passes a kernel that passes no gradient: the first on the way back. */
function gradientBlocker(y: any): Lineage | null {
  return everyPathThrough(y, (node) => node.blocks);
}

/** A number given as is: a scalar no kernel of this step made, and no variable. */
function givenNumber(t: any): number | null {
  if (!isTensor(t) || t.size !== 1 || lineage.has(t) || layerOutputs.has(t) || typeof (t as any).assign === 'function' || !isReadable(t)) return null;
  const value = (t.dataSync() as ArrayLike<number>)[0];
  return typeof value === 'number' && Number.isFinite(value) && value !== 0 ? value : null;
}

/**
 * Kernels that pass a tensor on unchanged in value (model.predict returns a clone of its one batch's
 * output; fit hands a model's output to its loss reshaped).
 */
const PASS_THROUGH_KERNELS: ReadonlySet<string> = new Set(['Identity', 'Cast', 'Reshape', 'ExpandDims', 'Squeeze', 'Concat']);

/** Whether `t` is a layer output of this step, or one passed on through `through` kernels (at most `hops` of them). */
function isLayerOutput(t: any, hops = 3, through = PASS_THROUGH_KERNELS): boolean {
  if (layerOutputs.has(t)) return true;
  const node = lineage.get(t);
  return hops > 0 && node !== undefined && through.has(node.kernel) && node.inputs.length > 0 && node.inputs.every((i) => isLayerOutput(i, hops - 1, through));
}

/** The tensor `t` was passed on from unchanged in value (through a cast or a reshape, three at most): `t` itself when it was not. */
function passedOn(t: any): any {
  for (let hops = 0; hops < 3; hops++) {
    const node = lineage.get(t);
    if (!node || !PASS_THROUGH_KERNELS.has(node.kernel) || node.inputs.length !== 1) break;
    t = node.inputs[0];
  }
  return t;
}

/** Whether `t` is a layer's output or was computed from one, through any kernels (up to `hops` of them). */
function madeFromLayerOutput(t: any, hops = 12): boolean {
  if (layerOutputs.has(t)) return true;
  const node = lineage.get(t);
  return hops > 0 && node !== undefined && node.inputs.some((i) => madeFromLayerOutput(i, hops - 1));
}

/** `output.div(c)` or `output.mul(c)` of a layer output and a number given as is: the factor the output is multiplied by. */
function layerOutputScaling(kernel: string, a: any, b: any): { factor: number; of: object } | null {
  let scaling: { factor: number; of: object } | null = null;
  if (kernel === 'RealDiv') {
    const c = givenNumber(b);
    if (c !== null && isLayerOutput(a)) scaling = { factor: 1 / c, of: a };
  } else {
    const ca = givenNumber(a);
    const cb = givenNumber(b);
    if (cb !== null && ca === null && isLayerOutput(a)) scaling = { factor: cb, of: a };
    else if (ca !== null && cb === null && isLayerOutput(b)) scaling = { factor: ca, of: b };
  }
  // A sign flip is another fault (gradient ascent); a factor of 1 changes nothing.
  return scaling && scaling.factor > 0 && scaling.factor !== 1 ? scaling : null;
}

/**
 * Whether every path from the loss `y` back to the model's outputs starts with the outputs scaled by
 * a number (a distillation temperature, `logits.div(20)`, kept in a loss on hard labels): the scaling
 * kernel, or null (an unscaled path, or none).
 */
function outputScaling(y: any): Lineage | null {
  return everyPathThrough(y, (node) => node.scaled !== undefined);
}

const scaleJudged = new WeakSet<TracedModel>();
const scaledSteps = new WeakMap<TracedModel, number>();

/** After each of a model's first steps: outputs scaled by the same number on every path to the loss, at every inspected step, are reported once. */
function noteOutputScaled(state: StepState, y: any): void {
  const entry = state.entry;
  if (scaleJudged.has(entry) || !isTensor(y)) return;
  const found = outputScaling(y);
  const count = heldAtEveryInspectedStep(scaleJudged, scaledSteps, entry, found !== null);
  if (count === null || !found?.scaled) return;
  emit({
    type: 'outputScaled',
    modelId: entry.id,
    kernel: found.kernel,
    factor: found.scaled.factor,
    site: userSiteFromStack(found.stack?.stack, PROBE_FILE),
    steps: count,
  } satisfies OutputScaledEvent);
}

/**
 * A custom loop over raw tf.variables: the variables every path from the loss to which passes a
 * kernel that passes no gradient (a hidden `tf.step` or `tf.sign`), with the first such kernel on
 * the way back, and how many variables the loss reaches freely. Null when none is cut off.
 */
function blockedVariables(y: any): { blocker: Lineage; names: string[]; free: number } | null {
  const queue: Array<{ t: object; by: Lineage | null }> = [{ t: y, by: null }];
  const seenFree = new Set<object>();
  const seenBlocked = new Set<object>();
  const free = new Set<object>();
  const blocked = new Map<object, Lineage>();
  for (let visited = 0; queue.length > 0 && visited < 8000; visited++) {
    const { t, by } = queue.shift()!;
    const seen = by ? seenBlocked : seenFree;
    if (seen.has(t)) continue;
    seen.add(t);
    if (typeof (t as any).assign === 'function' && (t as any).trainable === true) {
      if (!by) free.add(t);
      else if (!blocked.has(t)) blocked.set(t, by);
      continue;
    }
    const node = lineage.get(t);
    if (!node) continue;
    const next = by ?? (node.blocks ? node : null);
    for (const input of node.inputs) queue.push({ t: input, by: next });
  }
  const cut = [...blocked].filter(([v]) => !free.has(v));
  if (cut.length === 0) return null;
  return { blocker: cut[0]![1], names: cut.slice(0, 32).map(([v]) => String((v as any).name).slice(0, 256)), free: free.size };
}

/**
 * A condition judged at each of a model's first steps: once it fails, or once it has held at all
 * INSPECTED_STEPS of them, the model is `judged`. Returns the steps it held when that is all of
 * them (time to report), else null.
 */
function heldAtEveryInspectedStep(judged: WeakSet<TracedModel>, held: WeakMap<TracedModel, number>, entry: TracedModel, holds: boolean): number | null {
  if (!holds) {
    judged.add(entry);
    return null;
  }
  const count = (held.get(entry) ?? 0) + 1;
  held.set(entry, count);
  if (count < INSPECTED_STEPS) return null;
  judged.add(entry);
  return count;
}

const variablesJudged = new WeakSet<TracedModel>();
const variablesBlockedSteps = new WeakMap<TracedModel, number>();

/** After each of a raw-variable loop's first steps: variables the loss never reaches but through a blocker, at every inspected step, are reported once. */
function noteBlockedVariables(state: StepState, y: any): void {
  const entry = state.entry;
  if (variablesJudged.has(entry)) return;
  const found = entry.model || entry.layers.length > 0 || !isTensor(y) ? null : blockedVariables(y);
  const count = heldAtEveryInspectedStep(variablesJudged, variablesBlockedSteps, entry, found !== null);
  if (count === null || !found) return;
  emit({
    type: 'variablesBlocked',
    modelId: entry.id,
    kernel: found.blocker.kernel,
    site: userSiteFromStack(found.blocker.stack?.stack, PROBE_FILE),
    variables: found.names,
    trained: found.free,
    steps: count,
  } satisfies VariablesBlockedEvent);
}

/**
 * Trainable variables a model's first fit steps compute with that are none of the model's
 * weights: a custom layer's `tf.variable` made in build() instead of with addWeight. fit trains
 * the model's weights only, so they keep their initial values. Reported once, after a step.
 */
const untracked = new WeakMap<TracedModel, Map<object, string>>();
const untrackedSent = new WeakSet<TracedModel>();

/** Per model, the names of all its weights, trainable or frozen (a frozen layer's variables keep trainable true). */
const allWeightNames = new WeakMap<TracedModel, Set<string>>();

function noteUntrackedVariables(entry: TracedModel, inputs: any): void {
  if (untrackedSent.has(entry)) return;
  let names = allWeightNames.get(entry);
  if (!names) {
    const weights: any[] = safe(() => entry.model.weights, []) ?? [];
    names = new Set(weights.map((w) => String(w?.val?.name ?? w?.name)));
    allWeightNames.set(entry, names);
  }
  for (const t of tensorInputs(inputs) as any[]) {
    if (typeof t.assign !== 'function' || t.trainable !== true) continue;
    const name = String(t.name);
    if (entry.variableOwners.has(name) || names.has(name)) continue;
    let seen = untracked.get(entry);
    if (!seen) untracked.set(entry, (seen = new Map()));
    if (seen.size < 32) seen.set(t, name.slice(0, 256));
  }
}

function sendUntrackedVariables(entry: TracedModel): void {
  if (untrackedSent.has(entry) || entry.mode === 'custom') return;
  untrackedSent.add(entry);
  const seen = untracked.get(entry);
  if (!seen || seen.size === 0) return;
  const [first] = seen.keys();
  emit({
    type: 'untrackedVariables',
    modelId: entry.id,
    variables: [...seen.values()],
    site: userSiteFromStack(variableStacks.get(first!)?.stack, PROBE_FILE),
  } satisfies UntrackedVariablesEvent);
}

/**
 * A custom loop that sums a model's per-row scores over everything, batch axis included
 * (`tf.sum(tf.mul(u, v))` where `tf.sum(..., -1)` was meant), and then combines that one number
 * with the batch's targets: every row's loss sees the same score, so no per-row signal reaches the
 * model. Seen while the first steps' kernels are traced; once per model.
 */
const fullSums = new WeakMap<object, { rows: number; stack: { stack?: string } }>();
const batchSumSent = new WeakSet<TracedModel>();
const ROW_COMBINING = new Set(['Multiply', 'Sub', 'Add', 'AddV2', 'SquaredDifference', 'Maximum', 'Minimum', 'RealDiv']);

function fromLayerOutput(t: any): boolean {
  if (layerOutputs.has(t)) return true;
  return lineage.get(t)?.inputs.some((i) => layerOutputs.has(i)) ?? false;
}

function noteBatchSummed(entry: TracedModel, kernel: string, inputs: any, attrs: any, out: any): void {
  if (kernel === 'Sum') {
    const x = inputs?.x;
    if (!isTensor(x) || x.rank !== 2 || (x.shape[0] as number) < 8 || (x.shape[1] as number) < 2 || attrs?.keepDims === true || !isTensor(out) || out.rank !== 0) return;
    if (fromLayerOutput(x)) fullSums.set(out, { rows: x.shape[0], stack: captureStack() });
    return;
  }
  if (!ROW_COMBINING.has(kernel)) return;
  const [a, b] = [inputs?.a, inputs?.b];
  for (const [summed, other] of [[a, b], [b, a]] as const) {
    const sum = isTensor(summed) ? fullSums.get(summed) : undefined;
    // The targets: a tensor of the batch's rows that no kernel of this step made.
    if (!sum || !isTensor(other) || other.rank < 1 || other.shape[0] !== sum.rows || layerOutputs.has(other) || lineage.has(other)) continue;
    batchSumSent.add(entry);
    emit({ type: 'batchSummed', modelId: entry.id, rows: sum.rows, site: userSiteFromStack(sum.stack.stack, PROBE_FILE) } satisfies BatchSummedEvent);
    return;
  }
}

/** Whether a model's inspected steps still record each kernel's lineage: until the checks that read it are judged. */
function tracingLineage(entry: TracedModel): boolean {
  return !blockReported.has(entry) || !variablesJudged.has(entry) || !scaleJudged.has(entry);
}

/** After a first step's forward pass: a loss that reaches the model only through blockers, at every inspected step, is reported once. */
function noteGradientBlocked(state: StepState, y: any): void {
  noteBlockedVariables(state, y);
  const entry = state.entry;
  if (blockReported.has(entry) || !isTensor(y)) return;
  const blocker = gradientBlocker(y);
  const count = heldAtEveryInspectedStep(blockReported, blockedSteps, entry, blocker !== null);
  if (count === null || !blocker) return;
  emit({
    type: 'gradientBlocked',
    modelId: entry.id,
    kernel: blocker.kernel,
    site: userSiteFromStack(blocker.stack?.stack, PROBE_FILE),
    ...(blocker.bounds ? { bounds: blocker.bounds } : {}),
    steps: count,
  } satisfies GradientBlockedEvent);
}

/**
 * Where each tensor sliced along its first axis came from, while custom loops take their first
 * steps: a loop that cuts its batch at an offset that never changes (`xs.slice(0, BATCH)` in the
 * batch loop) trains every step on the same rows. The stack is captured unformatted; only the
 * reported slice's is read.
 */
interface SliceOrigin {
  source: any;
  rows: number;
  /** A slice's first row (-1 for a gather) and how many rows it took. */
  begin: number;
  size: number;
  /** A gather's row indices (read at once: few, and the index tensor is often freed right after). */
  indices: number[] | null;
  stack: { stack?: string };
  /** Cut by model.predict, which splits its input into batches of its own: the whole input is used. */
  byPredict: boolean;
  /** A gather's: where its index tensor was made, when the script made it from an array. */
  indicesSite?: SourceSite | null;
}

const sliceOrigins = new WeakMap<object, SliceOrigin>();
/** Custom-loop steps checked for the same rows, per model. */
const SAME_BATCH_STEPS = 20;
let sliceWatchOpen = true;

function noteSlice(x: any, attrs: any, out: any): void {
  try {
    if (!isTensor(x) || !isTensor(out) || x.rank < 1) return;
    const rows = x.shape[0] as number;
    const begin = Array.isArray(attrs?.begin) ? attrs.begin[0] : attrs?.begin;
    const rawSize = Array.isArray(attrs?.size) ? attrs.size[0] : attrs?.size;
    if (typeof begin !== 'number' || !(rows > 0)) return;
    const size = typeof rawSize !== 'number' || rawSize < 0 ? rows - begin : rawSize;
    remember(out, { source: x, rows, begin, size, indices: null, stack: captureStack(), byPredict: (step?.inPredict ?? 0) > 0 });
  } catch (error) {
    warnOnce(`slice inspection failed: ${(error as Error).message}`);
  }
}

/** A gather of rows (axis 0) by a small index tensor: a batch taken by shuffled indices. */
function noteGather(x: any, indices: any, attrs: any, out: any): void {
  try {
    if (!isTensor(x) || !isTensor(out) || !isTensor(indices) || x.rank < 1 || indices.rank !== 1 || indices.size > 4096) return;
    if ((attrs?.axis ?? 0) !== 0 || (attrs?.batchDims ?? 0) !== 0 || !isReadable(indices)) return;
    const values = Array.from(indices.dataSync() as ArrayLike<number>);
    const made = madeBy(indices, PROBE_FILE);
    remember(out, { source: x, rows: x.shape[0], begin: -1, size: values.length, indices: values, stack: captureStack(), byPredict: (step?.inPredict ?? 0) > 0, indicesSite: made?.kernel === 'tensor' ? made.site : null });
  } catch (error) {
    warnOnce(`gather inspection failed: ${(error as Error).message}`);
  }
}

function remember(out: any, origin: SliceOrigin): void {
  sliceOrigins.set(out, origin);
  if (recentSlices.length < 64 && !origin.byPredict) recentSlices.push(origin);
}

/**
 * The slice a step's input was cut from, through whole-tensor slices (model.predict re-slices its
 * input in batches), with the tensor that slice made.
 */
function sliceOriginOf(t: any): { origin: SliceOrigin; batch: any } | null {
  let batch = t;
  let origin = sliceOrigins.get(t) ?? null;
  for (let hop = 0; origin && (origin.byPredict || (origin.indices === null && origin.begin === 0 && origin.size === origin.rows)) && hop < 4; hop++) {
    batch = origin.source;
    origin = sliceOrigins.get(origin.source) ?? null;
  }
  return origin && !origin.byPredict && origin.size < origin.rows ? { origin, batch } : null;
}

interface BatchWatch {
  /** Same rows: the source and rows (rowsKey) of the steps' inputs so far, and how many steps in a row. */
  source: any;
  rows: string;
  /** The last step's batch: a subset cut once and trained on whole at every step is no finding. */
  batch: any;
  steps: number;
  sameDone: boolean;
  /** Apart: another tensor of as many rows (the targets), cut to the same size from other rows than the inputs at every step. */
  apart: { source: any; distance: number | null; steps: number } | null;
  apartDone: boolean;
  /** Gathered: the highest row index drawn so far, over how many steps, and whether it was judged. */
  reach?: { max: number; steps: number; done: boolean };
  /** Overlapping: the last slice's first row, and steps in a row whose offset advanced by the same `advance` rows, fewer than a batch. */
  lastBegin: number | null;
  advance: number | null;
  advanceSteps: number;
}
const batchWatches = new WeakMap<TracedModel, BatchWatch>();
/** Slices made since the last custom step ended (the step's batches are cut just before it). */
let recentSlices: SliceOrigin[] = [];

/**
 * A custom loop whose batches are made anew from arrays at each step (`tf.tensor2d(batch.map(...))`)
 * but hold the same rows every time: `rows.slice(start, BATCH)`, an end written as a size, gives
 * the first rows at start 0 and nothing after. Identical batches are no fault by themselves (a
 * full-batch loop makes the same tensor each step); the set the model is scored on afterwards tells
 * (see checkScoredRows): it holds those rows among many more.
 */
interface ArrayBatch {
  fingerprints: Uint32Array;
  key: string;
  steps: number;
  site: SourceSite | null;
  last: WeakRef<object>;
}
const arrayBatches = new WeakMap<TracedModel, ArrayBatch>();
/** Models whose batches differed, or were not made from arrays: nothing more to watch. */
const arrayBatchDone = new WeakSet<TracedModel>();
/** Steps whose batches are compared at most, and the fewest identical ones that tell. */
const ARRAY_BATCH_STEPS = 64;
const ARRAY_BATCH_MIN_STEPS = 10;
/** Batches larger than this (elements) are not read. */
const ARRAY_BATCH_READ_LIMIT = 65_536;

function noteArrayBatch(entry: TracedModel, input: any): void {
  const known = arrayBatches.get(entry);
  if (known && known.steps >= ARRAY_BATCH_STEPS) return;
  // Made from an array at the first step (where it is made is noted only for a while, so later
  // steps are only checked to be new tensors), and anew at every step: one tensor reused is a
  // full-batch loop.
  const made = known ? null : madeBy(input, PROBE_FILE);
  if (!isReadable(input) || input.rank < 2 || input.size > ARRAY_BATCH_READ_LIMIT || (input.dtype !== 'float32' && input.dtype !== 'int32') || (!known && made?.kernel !== 'tensor') || known?.last.deref() === input || sliceOriginOf(input)) {
    arrayBatches.delete(entry);
    arrayBatchDone.add(entry);
    return;
  }
  const rows = input.shape[0] as number;
  const fingerprints = rowsOfValues(input.dataSync() as Float32Array | Int32Array, rows, input.size / rows).fingerprints;
  const key = `${input.shape.join('x')}:${fingerprints.join(',')}`;
  if (!known) arrayBatches.set(entry, { fingerprints, key, steps: 1, site: made?.site ?? null, last: new WeakRef(input) });
  else if (known.key === key) {
    known.steps++;
    known.last = new WeakRef(input);
  } else {
    arrayBatches.delete(entry);
    arrayBatchDone.add(entry);
  }
}

/** Scored on many rows that hold every step's one batch: the loop never moved past those rows. */
function checkArrayBatchScored(entry: TracedModel, method: string, read: RowsRead): void {
  const batch = arrayBatches.get(entry);
  if (!batch || arrayBatchDone.has(entry) || batch.steps < ARRAY_BATCH_MIN_STEPS || batch.steps !== entry.steps || read.fingerprints.length !== read.rows) return;
  const batchRows = batch.fingerprints.length;
  if (read.rows < 4 * batchRows) return;
  const scored = new Set(read.fingerprints);
  if (!batch.fingerprints.every((f) => scored.has(f))) return;
  arrayBatchDone.add(entry);
  const prefix = batch.fingerprints.every((f, i) => read.fingerprints[i] === f);
  emit({
    type: 'sameBatch',
    modelId: entry.id,
    iter: Math.max(0, entry.steps - 1),
    rows: read.rows,
    batchRows,
    begin: prefix ? 0 : null,
    steps: batch.steps,
    madeEachStep: method === 'evaluate' ? 'evaluate' : 'predict',
    site: batch.site,
    elapsedMs: elapsed(),
  } satisfies SameBatchEvent);
}

/**
 * After a custom step: did its input take the same rows of the same tensor as the steps before?
 * And was a tensor of as many rows, other than the inputs', cut to the same size from other rows
 * (targets sliced a batch apart from their inputs, or cut in order beside inputs gathered by
 * shuffled indices)? Targets taken from the inputs' rows at any step close that watch.
 */
function noteStepSlice(entry: TracedModel, input: any): void {
  const slices = recentSlices;
  recentSlices = [];
  if (entry.mode !== 'custom') return;
  if (isTensor(input) && !arrayBatchDone.has(entry)) safe(() => noteArrayBatch(entry, input), undefined);
  let watch = batchWatches.get(entry);
  if (watch?.sameDone && watch.apartDone) return;
  if (entry.steps >= SAME_BATCH_STEPS + 1) {
    // Enough steps seen: the watch closes for good once every model got this far.
    if (watch) watch.sameDone = watch.apartDone = true;
    sliceWatchOpen = false;
    return;
  }
  const found = isTensor(input) ? sliceOriginOf(input) : null;
  if (!found) {
    batchWatches.set(entry, { source: null, rows: '', batch: null, steps: 0, sameDone: true, apart: null, apartDone: true, lastBegin: null, advance: null, advanceSteps: 0 });
    return;
  }
  const { origin, batch } = found;
  if (!watch) {
    watch = { source: origin.source, rows: rowsKey(origin), batch: null, steps: 0, sameDone: false, apart: null, apartDone: false, lastBegin: null, advance: null, advanceSteps: 0 };
    batchWatches.set(entry, watch);
  }
  if (!watch.sameDone) noteSameRows(entry, watch, origin, batch);
  if (origin.indices && origin.source === watch.source) noteReach(entry, watch, origin);
  if (!watch.apartDone) noteApart(entry, watch, origin, slices);
}

/** Steps of gathered batches watched before the rows they reach are judged. */
const REACH_STEPS = 16;

/**
 * A custom loop whose batches are gathered by indices that never reach past the first batch's worth
 * of rows of a much larger tensor (`rng.int(0, BATCH_SIZE)` where the row count was meant): over
 * its first steps it trains on those rows alone. Sent once per model.
 */
function noteReach(entry: TracedModel, watch: BatchWatch, origin: SliceOrigin): void {
  const reach = (watch.reach ??= { max: -1, steps: 0, done: false });
  if (reach.done) return;
  for (const i of origin.indices!) if (i > reach.max) reach.max = i;
  reach.steps++;
  if (reach.steps < REACH_STEPS) return;
  reach.done = true;
  const reached = reach.max + 1;
  if (reached > origin.size || origin.rows < 8 * origin.size) return;
  emit({
    type: 'drawsWithinBatch',
    modelId: entry.id,
    rows: origin.rows,
    reached,
    batchRows: origin.size,
    steps: reach.steps,
    site: userSiteFromStack(origin.stack.stack, PROBE_FILE),
    indicesSite: origin.indicesSite ?? null,
  } satisfies DrawsWithinBatchEvent);
}

/**
 * A custom step whose model input has no rows: a batch loop that runs one batch past the data
 * (`b <= nBatches`, with the size clamped to what is left) slices an empty batch, and the mean the
 * loss takes over it is NaN or Infinity. Sent once per model.
 */
const emptyBatchSent = new WeakSet<TracedModel>();

function noteEmptyBatch(entry: TracedModel): void {
  emptyBatchSent.add(entry);
  emit({ type: 'emptyBatch', modelId: entry.id, iter: Math.max(0, entry.steps - 1), site: captureUserSite(PROBE_FILE) } satisfies EmptyBatchEvent);
}

/** Steps in a row whose batch offset advanced by the same few rows before overlapping batches are reported. */
const OVERLAP_STEPS = 10;

/**
 * Batches cut at an offset that advances by fewer rows than a batch holds (`start++` where
 * `start += batchSize` was meant): consecutive batches share most of their rows, and a pass
 * covers only the first rows. Reported once, as a sameBatch event with the advance.
 */
function noteOverlap(entry: TracedModel, watch: BatchWatch, origin: SliceOrigin): boolean {
  if (origin.indices || origin.begin < 0) return false;
  const last = watch.source === origin.source ? watch.lastBegin : null;
  watch.lastBegin = origin.begin;
  const d = last === null ? 0 : origin.begin - last;
  if (d > 0 && d < origin.size && (watch.advance ?? d) === d) {
    watch.advance = d;
    watch.advanceSteps++;
  } else {
    watch.advance = null;
    watch.advanceSteps = 0;
  }
  if (watch.advanceSteps < OVERLAP_STEPS) return false;
  watch.sameDone = true;
  emit({
    type: 'sameBatch',
    modelId: entry.id,
    iter: entry.steps - 1,
    rows: origin.rows,
    batchRows: origin.size,
    begin: origin.begin,
    advance: d,
    steps: watch.advanceSteps,
    site: userSiteFromStack(origin.stack.stack, PROBE_FILE),
    elapsedMs: elapsed(),
  } satisfies SameBatchEvent);
  return true;
}

/** Which rows a slice or gather took, as one comparable key. */
function rowsKey(o: SliceOrigin): string {
  return o.indices ? o.indices.join(',') : `${o.begin}+${o.size}`;
}

function noteSameRows(entry: TracedModel, watch: BatchWatch, origin: SliceOrigin, batch: any): void {
  if (batch === watch.batch) {
    watch.sameDone = true;
    return;
  }
  watch.batch = batch;
  if (noteOverlap(entry, watch, origin)) return;
  const key = rowsKey(origin);
  if (watch.source !== origin.source || watch.rows !== key) {
    watch.source = origin.source;
    watch.rows = key;
    watch.steps = 1;
    return;
  }
  watch.steps++;
  if (watch.steps < SAME_BATCH_STEPS) return;
  watch.sameDone = true;
  emit({
    type: 'sameBatch',
    modelId: entry.id,
    iter: entry.steps - 1,
    rows: origin.rows,
    batchRows: origin.size,
    begin: origin.indices ? null : origin.begin,
    steps: watch.steps,
    site: userSiteFromStack(origin.stack.stack, PROBE_FILE),
    elapsedMs: elapsed(),
    ...(origin.indices ? { firstRows: origin.indices.slice(0, 8) } : {}),
  } satisfies SameBatchEvent);
}

function noteApart(entry: TracedModel, watch: BatchWatch, origin: SliceOrigin, slices: SliceOrigin[]): void {
  const partners = slices.filter((o) => o.source !== origin.source && o.rows === origin.rows && o.size === origin.size);
  const partner = partners.find((o) => o.source === watch.apart?.source) ?? partners[0];
  if (!partner || rowsKey(partner) === rowsKey(origin)) {
    // No targets cut alongside, or cut from the inputs' rows: nothing to report for this model.
    watch.apartDone = true;
    return;
  }
  // Slices a constant distance apart, or rows taken by index on either side that differ.
  const byIndex = partner.indices !== null || origin.indices !== null;
  const distance = byIndex ? null : partner.begin - origin.begin;
  const apart = watch.apart;
  if (!apart || apart.source !== partner.source || apart.distance !== distance) {
    watch.apart = { source: partner.source, distance, steps: 1 };
    return;
  }
  apart.steps++;
  if (apart.steps < SAME_BATCH_STEPS) return;
  watch.apartDone = true;
  emit({
    type: 'batchesApart',
    modelId: entry.id,
    iter: entry.steps - 1,
    rows: origin.rows,
    batchRows: origin.size,
    distance,
    inputsBy: origin.indices ? 'index' : 'slice',
    targetsBy: partner.indices ? 'index' : 'slice',
    steps: apart.steps,
    site: userSiteFromStack(partner.stack.stack, PROBE_FILE),
    inputsSite: userSiteFromStack(origin.stack.stack, PROBE_FILE),
    elapsedMs: elapsed(),
  } satisfies BatchesApartEvent);
}

/**
 * A hand-written cross-entropy that takes the log of a softmax's or sigmoid's outputs unclipped
 * (`tf.log(model.predict(x))`, `tf.log(tf.sub(1, p))`): an output that underflows to exactly 0
 * (or a sigmoid's to exactly 1) makes that log -Infinity and the loss NaN, typically late, once the
 * model is confident. tfjs's own losses clip first. The kernels of each model's first training
 * steps are followed from a Softmax or Sigmoid through the kernels that only move its values
 * (concat, reshape, slice, ...) and through 1 - p; a Log of such a tensor is reported with its
 * line (a log of p and a log of 1 - p, each once), so a NaN loss can later be blamed on it.
 * Nothing is read back but a scalar's value.
 */
type ProbabilitySource = { source: 'softmax' | 'sigmoid'; complement: boolean };
const probabilities = new WeakMap<object, ProbabilitySource>();

/** Per model, which logs were reported: of p (false) and of 1 - p (true); each once. */
const logsReported = new WeakMap<TracedModel, Set<boolean>>();
const logsDone = (entry: TracedModel) => (logsReported.get(entry)?.size ?? 0) >= 2;
/** Kernels that only move or copy their input's values: probabilities in, probabilities out. */
const MOVING_KERNELS = new Set(['Concat', 'Reshape', 'Identity', 'Slice', 'StridedSlice', 'GatherV2', 'Transpose', 'ExpandDims', 'Squeeze', 'Tile', 'Pack', 'Unpack']);

function trackProbabilities(kernelName: string, inputs: any, out: any): void {
  if (!isTensor(out)) return;
  if (kernelName === 'Softmax' || kernelName === 'Sigmoid') {
    probabilities.set(out, { source: kernelName === 'Softmax' ? 'softmax' : 'sigmoid', complement: false });
    return;
  }
  if (!inputs || typeof inputs !== 'object') return;
  if (MOVING_KERNELS.has(kernelName)) {
    const data = kernelName === 'GatherV2' ? [inputs.x] : Object.values(inputs).filter(isTensor);
    const first = data.length > 0 ? probabilities.get(data[0]) : undefined;
    if (first && data.every((t) => probabilities.get(t)?.source === first.source && probabilities.get(t)?.complement === first.complement)) probabilities.set(out, first);
    return;
  }
  // 1 - p: a sigmoid's complement, whose log is the other half of binary cross-entropy.
  if (kernelName === 'Sub' && isTensor(inputs.a) && inputs.a.size === 1 && probabilities.has(inputs.b) && isReadable(inputs.a) && inputs.a.dataSync()[0] === 1) {
    const p = probabilities.get(inputs.b)!;
    probabilities.set(out, { source: p.source, complement: !p.complement });
  }
}

function noteLogOfProbabilities(entry: TracedModel, p: ProbabilitySource): void {
  let reported = logsReported.get(entry);
  if (!reported) logsReported.set(entry, (reported = new Set()));
  if (reported.has(p.complement)) return;
  reported.add(p.complement);
  emit({ type: 'logOfProbabilities', modelId: entry.id, site: captureUserSite(PROBE_FILE), ...p } satisfies LogOfProbabilitiesEvent);
}

/**
 * A square root that takes exactly 0 has an infinite slope there, and the chain rule turns the
 * step's gradients into NaN: the classic contrastive-loss NaN, where a Euclidean distance between
 * two identical embeddings is 0. A negative input is NaN outright. Once a model's first steps take
 * a square root, its inputs are read at every step (small tensors only: usually one value per
 * example); a step where some are at or below 0 is read in detail, and when its gradients or loss
 * come out non-finite the line is reported. A square root whose 0s leave the gradients finite (of
 * data, off the gradients' path) is left alone after a few such steps.
 */
interface SqrtWatch {
  active: boolean;
  /** Steps whose square root took 0 while their gradients stayed finite. */
  harmless: number;
}
const SQRT_MAX_READ = 1 << 16;
const SQRT_HARMLESS_STEPS = 3;

/** Tensors a training step's loss tested with tf.isNaN, with the line that tested them. */
const nanTested = new WeakMap<object, { stack?: string }>();
const nanMaskReported = new WeakSet<TracedModel>();

/**
 * tf.isNaN(y) and then a difference taken with y itself: the NaN are masked after the error is
 * computed on them (tf.where(mask, err², 0)), which hides them going forward but not going back.
 */
function noteNanMask(entry: TracedModel, kernel: string, inputs: any): void {
  if (kernel === 'IsNan') {
    if (isTensor(inputs?.x)) nanTested.set(inputs.x, captureStack());
    return;
  }
  if (!(kernel in DIFFERENCE_KERNELS)) return;
  const operand = nanTested.has(inputs?.a) ? 'a' : nanTested.has(inputs?.b) ? 'b' : null;
  if (!operand) return;
  nanMaskReported.add(entry);
  const maskSite = userSiteFromStack(nanTested.get(inputs[operand])?.stack, PROBE_FILE);
  emit({ type: 'nanMaskedLate', modelId: entry.id, site: captureUserSite(PROBE_FILE), maskSite, operand } satisfies NanMaskedLateEvent);
}

/** Kernels the zero-margin watch follows: what makes a quantity that cannot be negative, the difference, the hinge. */
const MARGIN_KERNELS: Record<string, true> = { Sqrt: true, Square: true, Abs: true, Sub: true, Relu: true };
/** A step's tensors that cannot be negative, by the kernel that made them. */
const nonNegative = new WeakMap<object, string>();
/** 0 − d for such a d, with the line that took the difference and what made d. */
const zeroMinus = new WeakMap<object, { stack: { stack?: string }; of: string }>();
const zeroMarginReported = new WeakSet<TracedModel>();

/** relu(0 − d) of a d that cannot be negative: a hinge whose margin is 0, 0 for every row. */
function noteZeroMargin(entry: TracedModel, kernel: string, inputs: any, out: any): void {
  if (!isTensor(out)) return;
  if (kernel === 'Sqrt' || kernel === 'Square' || kernel === 'Abs') {
    nonNegative.set(out, kernel);
    return;
  }
  if (kernel === 'Sub') {
    const a = inputs?.a;
    const of = nonNegative.get(inputs?.b);
    if (of && isTensor(a) && a.size === 1 && isReadable(a) && (a.dataSync() as ArrayLike<number>)[0] === 0) zeroMinus.set(out, { stack: captureStack(), of });
    return;
  }
  const found = zeroMinus.get(inputs?.x);
  if (!found) return;
  zeroMarginReported.add(entry);
  emit({ type: 'zeroMargin', modelId: entry.id, site: userSiteFromStack(found.stack.stack, PROBE_FILE), of: found.of } satisfies ZeroMarginEvent);
}

/** A step's tensors computed from trained weights (and numbers) alone; of those, the ones through a square or an absolute value. */
const weightOnly = new WeakSet<object>();
const weightPenalty = new WeakSet<object>();
/** Differences whose subtracted side is such a penalty and whose other side is not weights alone, with their line. */
const penaltySubtractions = new WeakMap<object, { stack?: string }>();
const penaltySubtractedReported = new WeakSet<TracedModel>();

function isTrainedVariable(t: any): boolean {
  return isTensor(t) && typeof (t as any).assign === 'function' && (t as any).trainable !== false;
}

/** Follows which of a step's tensors come from the weights alone, and a difference that subtracts a penalty on them. */
function noteWeightPenalty(kernel: string, inputs: any, out: any): void {
  if (!isTensor(out)) return;
  const given = tensorInputs(inputs);
  let fromWeights = false;
  let penalty = false;
  let only = given.length > 0;
  for (const t of given) {
    if (isTrainedVariable(t) || weightOnly.has(t)) fromWeights = true;
    else if (!isTensor(t) || (t as any).size !== 1) only = false;
    if (weightPenalty.has(t)) penalty = true;
  }
  if (only && fromWeights) {
    weightOnly.add(out);
    if (penalty || kernel === 'Square' || kernel === 'Abs') weightPenalty.add(out);
  }
  if (kernel === 'Sub' && weightPenalty.has(inputs?.b) && isTensor(inputs?.a) && !weightOnly.has(inputs.a) && !isTrainedVariable(inputs.a)) penaltySubtractions.set(out, captureStack());
}

/** At a step's loss: a loss that subtracts a penalty on the weights, reported once. */
function notePenaltySubtracted(entry: TracedModel, y: any): void {
  const stack = penaltySubtractions.get(y);
  if (!stack) return;
  penaltySubtractedReported.add(entry);
  emit({ type: 'penaltySubtracted', modelId: entry.id, site: userSiteFromStack(stack.stack, PROBE_FILE) } satisfies PenaltySubtractedEvent);
}

/** The largest tensor the first steps' loss watches (powers, 0/1 sums) read back. */
const FIRST_STEPS_READ_LIMIT = 1 << 16;
const powerReported = new WeakSet<TracedModel>();
/** An exponent this high on values in [0, 1] is looked at: a focal loss's gamma is usually 2. */
const HIGH_EXPONENT = 5;
/** Raised values whose mean is below this make the loss that much smaller. */
const SHRUNK_MEAN = 1e-3;

/** Values in [0, 1] raised to a constant power of 5 or more whose mean comes out far below 1. */
function notePower(entry: TracedModel, inputs: any, out: any): void {
  const base = inputs?.a;
  const exp = inputs?.b;
  if (!isReadable(base) || !isReadable(exp) || !isReadable(out) || exp.size !== 1 || base.size < 2 || base.size > FIRST_STEPS_READ_LIMIT) return;
  const exponent = (exp.dataSync() as ArrayLike<number>)[0]!;
  if (!(exponent >= HIGH_EXPONENT)) return;
  const values = base.dataSync() as ArrayLike<number>;
  for (let i = 0; i < values.length; i++) if (!(values[i]! >= 0 && values[i]! <= 1)) return;
  const raised = out.dataSync() as ArrayLike<number>;
  let sum = 0;
  for (let i = 0; i < raised.length; i++) sum += raised[i]!;
  powerReported.add(entry);
  const mean = sum / raised.length;
  if (mean < SHRUNK_MEAN) emit({ type: 'powerShrinks', modelId: entry.id, site: captureUserSite(PROBE_FILE), exponent, mean } satisfies PowerShrinksEvent);
}

/** Counts a step summed from a tensor of 0s and 1s (a mask's kept rows; a one-hot's rows of each class), with how many values each summed. */
const countSums = new WeakMap<object, number>();
/** The most counts one sum of 0s and 1s makes (one per class of a one-hot tensor) that are watched. */
const MAX_COUNT_COLUMNS = 64;
const countDivisionReported = new WeakSet<TracedModel>();

/** A sum of 0s and 1s, and then a division by it: the loss averages over the rows a mask keeps. */
function noteCountDivision(entry: TracedModel, kernel: string, inputs: any, out: any): void {
  if (kernel === 'Sum') {
    const x = inputs?.x;
    // A scalar count, or one per column of a [rows, columns] tensor summed over its rows.
    const perColumn = isReadable(x) && x.rank === 2 && isTensor(out) && out.size === x.shape[1] && x.shape[0] >= 2 && out.size <= MAX_COUNT_COLUMNS;
    if (!isTensor(out) || (out.size !== 1 && !perColumn) || !isReadable(x) || x.size < 2 * out.size || x.size > FIRST_STEPS_READ_LIMIT) return;
    const values = x.dataSync() as ArrayLike<number>;
    for (let i = 0; i < values.length; i++) if (values[i] !== 0 && values[i] !== 1) return;
    countSums.set(out, x.size / out.size);
    return;
  }
  const b = inputs?.b;
  const of = countSums.get(b);
  if (of === undefined || !isReadable(b)) return;
  countDivisionReported.add(entry);
  const counts = b.dataSync() as ArrayLike<number>;
  const count = Math.min(...Array.from(counts));
  emit({ type: 'lossDividedByCount', modelId: entry.id, site: captureUserSite(PROBE_FILE), count, of: Math.round(of), ...(counts.length > 1 ? { columns: counts.length } : {}) } satisfies LossDividedByCountEvent);
}

/** How many values are exactly 0, and how many below 0: what a square root or a log cannot take. */
function zerosAndNegatives(values: ArrayLike<number>): { zeros: number; negatives: number; count: number } {
  let zeros = 0;
  let negatives = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v === 0) zeros++;
    else if (v < 0) negatives++;
  }
  return { zeros, negatives, count: values.length };
}

function noteSqrtInput(state: StepState, x: any): void {
  const entry = state.entry;
  if (!entry.sqrtWatch) {
    if (entry.steps >= INSPECTED_STEPS) return;
    entry.sqrtWatch = { active: true, harmless: 0 };
  }
  if (!entry.sqrtWatch.active || state.opAtZero || !isReadable(x) || x.size > SQRT_MAX_READ) return;
  const { zeros, negatives, count } = zerosAndNegatives(x.dataSync() as ArrayLike<number>);
  if (zeros + negatives === 0) return;
  const stack = captureStack().stack;
  const call = tfjsFrameBelowUser(stack, PROBE_FILE, 'norm') ? 'norm' : 'sqrt';
  state.opAtZero = { site: userSiteFromStack(stack, PROBE_FILE), call, zeros, negatives, count };
  // The step's gradients are read to see whether the 0 reached them.
  state.detailed = true;
}

/**
 * A log the user's loss takes itself (not of probabilities, watched apart): a ratio that reaches 0
 * (a dice score on an empty mask) makes it -Infinity and the step NaN. Read during the first
 * inspected steps only, each input once until one holds a 0 or less; the stack is captured only
 * then, to tell the user's own log from one inside a tfjs loss.
 */
function noteLogInput(state: StepState, x: any): void {
  if (state.opAtZero || !isReadable(x) || x.size > SQRT_MAX_READ) return;
  const { zeros, negatives, count } = zerosAndNegatives(x.dataSync() as ArrayLike<number>);
  if (zeros + negatives === 0) return;
  const stack = captureStack().stack;
  if (!calledByUser(stack, PROBE_FILE, 'log')) return;
  // A product of many probabilities underflows to 0 where the sum of their logs is a plain number.
  const ofProduct = lineage.get(x)?.kernel === 'Prod' && zeros > 0 && negatives === 0;
  state.opAtZero = { site: userSiteFromStack(stack, PROBE_FILE), call: 'log', zeros, negatives, count, ...(ofProduct ? { ofProduct } : {}) };
  state.detailed = true;
}

/**
 * A power with a fractional exponent of a tensor holding negative numbers (`tf.pow(error, 1.5)` on
 * a signed error): each such value's power is NaN, and so is its gradient. Watched in the first
 * steps; reported once the step's loss or gradients turn non-finite.
 */
function notePowInput(state: StepState, x: any, exponent: any): void {
  if (state.opAtZero || !isReadable(x) || x.size > SQRT_MAX_READ || !isReadable(exponent) || exponent.size !== 1) return;
  const p = Number((exponent.dataSync() as ArrayLike<number>)[0]);
  if (!Number.isFinite(p) || Number.isInteger(p)) return;
  const { negatives, count } = zerosAndNegatives(x.dataSync() as ArrayLike<number>);
  if (negatives === 0) return;
  const stack = captureStack().stack;
  if (!calledByUser(stack, PROBE_FILE, 'pow')) return;
  state.opAtZero = { site: userSiteFromStack(stack, PROBE_FILE), call: 'pow', zeros: 0, negatives, count };
  state.detailed = true;
}

function reportOpAtZero(state: StepState, pending: PendingStep): void {
  const seen = state.opAtZero;
  if (seen?.call === 'log' || seen?.call === 'pow') {
    if (pending.gradNonFinite || pending.lossNonFinite) emit({ type: 'opAtZero', modelId: state.entry.id, iter: state.entry.steps - 1, ...seen, elapsedMs: elapsed() } satisfies OpAtZeroEvent);
    return;
  }
  const watch = state.entry.sqrtWatch;
  if (!seen || !watch?.active) return;
  if (pending.gradNonFinite || pending.lossNonFinite) {
    watch.active = false;
    emit({ type: 'opAtZero', modelId: state.entry.id, iter: state.entry.steps - 1, ...seen, elapsedMs: elapsed() } satisfies OpAtZeroEvent);
  } else if (++watch.harmless >= SQRT_HARMLESS_STEPS) watch.active = false;
}

function noteBroadcast(entry: TracedModel, kernelName: string, a: any, b: any): void {
  if (!isTensor(a) || !isTensor(b)) return;
  const column = (t: any) => t.rank === 2 && t.shape[1] === 1 && t.shape[0] > 1;
  const vectorOf = (t: any, n: number) => t.rank === 1 && t.shape[0] === n;
  const vector = column(a) && vectorOf(b, a.shape[0]) ? 'b' : column(b) && vectorOf(a, b.shape[0]) ? 'a' : null;
  const report = (kind: 'vector' | 'acrossOutputs') =>
    emit({
      type: 'broadcast',
      modelId: entry.id,
      site: captureUserSite(PROBE_FILE),
      op: DIFFERENCE_KERNELS[kernelName]!,
      shapes: [Array.from(a.shape as number[]), Array.from(b.shape as number[])],
      vector: vector ?? (column(a) ? 'a' : 'b'),
      kind,
    } satisfies BroadcastEvent);
  // A [n, K] output against a [n, 1] column is judged by the loss it makes: see noteAcrossOutputsLoss.
  if (!vector) return;
  // A grid built on purpose from a column and a row (tf.linalg.bandPart's mask, a distance table of
  // indices) does not involve the model: only a difference with its predictions compares them.
  // A product is a grid on purpose when both sides come from the model (norms of two embeddings'
  // rows); a column of per-row errors times a vector of per-row weights from the data is not.
  const fromModel = kernelName === 'Multiply' ? madeFromLayerOutput(vector === 'a' ? b : a) && !madeFromLayerOutput(vector === 'a' ? a : b) : madeFromLayerOutput(a) || madeFromLayerOutput(b);
  if (!fromModel) return;
  broadcastReported.add(entry);
  report('vector');
}

const shiftReported = new WeakSet<TracedModel>();

/**
 * A layer's [n, K] output minus its one maximum over the whole batch: a softmax's stability shift
 * that should take each row's maximum. Harmless while the rows' logits lie close together; once they
 * spread, rows far below the batch's maximum underflow to all-zero exps and their probabilities are
 * 0 / 0. Reported so that the NaN it makes, if any, is explained here.
 */
function noteShiftByBatchMax(entry: TracedModel, a: any, b: any): void {
  if (!isTensor(a) || !isTensor(b) || b.size !== 1 || a.rank !== 2 || a.shape[0] < 2 || a.shape[1] < 2 || !isLayerOutput(a)) return;
  const node = lineage.get(passedOn(b));
  if (node?.kernel !== 'Max' || node.inputs[0] !== a) return;
  shiftReported.add(entry);
  emit({ type: 'shiftByBatchMax', modelId: entry.id, site: captureUserSite(PROBE_FILE) } satisfies ShiftByBatchMaxEvent);
}

let expOverflowSent = false;

/** An exp of finite values that came out Infinity in a step's first passes: where, and the largest value it took. */
function noteExpOverflow(entry: TracedModel, x: any, out: any): void {
  if (!isReadable(out) || !isReadable(x) || out.size > NORM_READ) return;
  const o = out.dataSync() as ArrayLike<number>;
  let overflowed = false;
  for (let i = 0; i < o.length && !overflowed; i++) if (o[i] === Infinity) overflowed = true;
  if (!overflowed) return;
  const v = x.dataSync() as ArrayLike<number>;
  let largest = -Infinity;
  for (let i = 0; i < v.length; i++) {
    if (!Number.isFinite(v[i]!)) return;
    if (v[i]! > largest) largest = v[i]!;
  }
  expOverflowSent = true;
  emit({ type: 'expOverflow', modelId: entry.id, site: captureUserSite(PROBE_FILE), largest } satisfies ExpOverflowEvent);
}

let absOfSummedSent = false;

/**
 * An absolute value taken of one number that a sum or mean made of the model's errors (outputs minus
 * targets): `abs(sum(y - p))` lets errors of opposite sign cancel, so the loss is 0 whenever the
 * predictions are right on average.
 */
function noteAbsOfSummedErrors(entry: TracedModel, x: any): void {
  if (!isTensor(x) || x.size !== 1) return;
  const reduced = lineage.get(x);
  if (reduced?.kernel !== 'Sum' && reduced?.kernel !== 'Mean') return;
  const errors = reduced.inputs[0] as any;
  const difference = isTensor(errors) && errors.size > 1 ? lineage.get(errors) : undefined;
  if (difference?.kernel !== 'Sub' || !difference.inputs.some((t) => isLayerOutput(t))) return;
  absOfSummedSent = true;
  emit({ type: 'absOfSummedErrors', modelId: entry.id, site: captureUserSite(PROBE_FILE), reduction: reduced.kernel === 'Sum' ? 'sum' : 'mean' } satisfies AbsOfSummedErrorsEvent);
}

let huberSwappedSent = false;
const SQUARING_KERNELS: ReadonlySet<string> = new Set(['Square', 'SquaredDifference', 'Pow']);
const ABS_KERNEL: ReadonlySet<string> = new Set(['Abs']);
const ADD_KERNEL: ReadonlySet<string> = new Set(['Add']);

/** The kernel that made t, past the copies, casts and broadcasts tfjs adds (tf.where broadcasts its three tensors). */
function kernelBehind(t: any): Lineage | undefined {
  let node = lineage.get(t);
  for (let i = 0; i < 4 && node && (PASS_THROUGH_KERNELS.has(node.kernel) || node.kernel === 'BroadcastTo') && node.inputs.length === 1; i++) node = lineage.get(node.inputs[0]);
  return node;
}

/** Whether t was made, within a few kernels, by one of these kernels (a square under a scaling, say). */
function madeWith(t: any, kernels: ReadonlySet<string>, hops = 3): boolean {
  const node = kernelBehind(t);
  if (!node) return false;
  if (kernels.has(node.kernel) || (node.kernel === 'Multiply' && node.inputs.length === 2 && node.inputs[0] === node.inputs[1])) return true;
  return hops > 1 && node.inputs.some((i) => madeWith(i, kernels, hops - 1));
}

/**
 * A where choosing by |error| > delta between a squared branch (when true) and a branch of the
 * absolute error (when false): a Huber loss written the other way round. The error must be the
 * model's (its outputs minus the targets).
 */
function noteHuberBranches(entry: TracedModel, condition: any, t: any, e: any): void {
  const test = isTensor(condition) ? kernelBehind(condition) : undefined;
  if (!test) return;
  const above = test.kernel === 'Greater' || test.kernel === 'GreaterEqual';
  const below = test.kernel === 'Less' || test.kernel === 'LessEqual';
  if (!above && !below) return;
  const abs = kernelBehind(test.inputs[0]);
  const error = abs?.kernel === 'Abs' ? kernelBehind(abs.inputs[0]) : undefined;
  if (error?.kernel !== 'Sub' || !error.inputs.some((x) => isLayerOutput(x))) return;
  // When |e| is large: the squared branch. That is the branch where the condition holds for above, else the other.
  const [large, small] = above ? [t, e] : [e, t];
  if (!madeWith(large, SQUARING_KERNELS) || madeWith(small, SQUARING_KERNELS) || !madeWith(small, ABS_KERNEL)) return;
  // The reverse Huber (berHu, for depth maps) is meant this way: |e| itself below c, (e² + c²) / 2c above.
  if (kernelBehind(small)?.kernel === 'Abs' || madeWith(large, ADD_KERNEL, 2)) return;
  huberSwappedSent = true;
  emit({ type: 'huberBranchesSwapped', modelId: entry.id, site: captureUserSite(PROBE_FILE) } satisfies HuberBranchesSwappedEvent);
}

/**
 * Tensors a step made by adding a number too small for float32 to register to most of their values
 * (x + h == x): noted when made, reported when a layer takes one (a finite difference), not for the
 * epsilons added to variances, which may vanish harmlessly.
 */
const tinyShifts = new WeakMap<object, { site: SourceSite | null; step: number; unchanged: number; of: number }>();
let stepBelowResolutionSent = false;
const TINY_STEP = 1e-5;

function noteTinyShift(inputs: any, out: any): void {
  const [a, b] = [inputs?.a, inputs?.b];
  const onB = givenScalar(b);
  const step = onB ?? givenScalar(a);
  const other = onB !== null ? a : b;
  // Steps as large as 1e-5 are resolved for values up to about 100: only smaller ones are read for.
  if (step === null || step === 0 || Math.abs(step) > TINY_STEP || !isReadable(other) || !isReadable(out) || other.size < 2 || other.size > NORM_READ || out.size !== other.size) return;
  const x = other.dataSync() as ArrayLike<number>;
  const y = out.dataSync() as ArrayLike<number>;
  let of = 0;
  let unchanged = 0;
  for (let i = 0; i < x.length; i++) {
    if (x[i] === 0) continue;
    of++;
    if (y[i] === x[i]) unchanged++;
  }
  if (of >= 2 && unchanged >= 0.5 * of) tinyShifts.set(out, { site: captureUserSite(PROBE_FILE), step, unchanged, of });
}

function noteTinyShiftTaken(entry: TracedModel, input: any): void {
  const shift = isTensor(input) ? tinyShifts.get(input) : undefined;
  if (!shift) return;
  stepBelowResolutionSent = true;
  emit({ type: 'stepBelowResolution', modelId: entry.id, ...shift } satisfies StepBelowResolutionEvent);
}

/**
 * A sine of values spread over hundreds of radians in a step's forward pass: SIREN's first layer
 * scales by ω0 = 30 so its phases span a few periods; 3000 spreads them over hundreds, and nearby
 * inputs get unrelated values. Read in the first steps; sent once.
 */
let sineSpreadSent = false;
const SINE_SPREAD_WIDE = 200;

function noteSineSpread(entry: TracedModel, x: any): void {
  if (!isReadable(x) || x.size < 2 || x.size > NORM_READ) return;
  const v = x.dataSync() as ArrayLike<number>;
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < v.length; i++) {
    sum += v[i]!;
    squares += v[i]! * v[i]!;
  }
  const mean = sum / v.length;
  const spread = Math.sqrt(Math.max(0, squares / v.length - mean * mean));
  if (!(spread > SINE_SPREAD_WIDE)) return;
  sineSpreadSent = true;
  emit({ type: 'sineSpreadWide', modelId: entry.id, site: captureUserSite(PROBE_FILE), spread } satisfies SineSpreadWideEvent);
}

let softmaxRowsMaskedSent = false;

/**
 * Scores a step's softmax takes with rows of -Infinity throughout: a mask written as -Infinity
 * (`tf.where(mask, scores, tf.fill(shape, -Infinity))`) leaves a padded query no key, and its row
 * comes out 0 / 0 = NaN. The site is the line that wrote the scores when their lineage is known.
 */
function noteSoftmaxRowsMasked(entry: TracedModel, logits: any): void {
  if (!isReadable(logits) || logits.rank < 1 || logits.size > NORM_READ || logits.size === 0) return;
  const width = logits.shape[logits.rank - 1] as number;
  if (!(width >= 2)) return;
  const v = logits.dataSync() as ArrayLike<number>;
  const total = v.length / width;
  let rows = 0;
  for (let r = 0; r < total; r++) {
    let all = true;
    for (let c = 0; c < width && all; c++) if (v[r * width + c] !== -Infinity) all = false;
    if (all) rows++;
  }
  if (rows === 0) return;
  softmaxRowsMaskedSent = true;
  const node = lineage.get(logits);
  const site = (node ? userSiteFromStack(node.stack?.stack, PROBE_FILE) : null) ?? captureUserSite(PROBE_FILE);
  emit({ type: 'softmaxRowsMasked', modelId: entry.id, site, rows, total } satisfies SoftmaxRowsMaskedEvent);
}

let scoresScaledUpSent = false;

/**
 * A softmax of a matMul of queries by keys multiplied by the square root of their size: scaled
 * dot-product attention divides by it, and multiplying makes the scores size times too large, the
 * softmax one-hot, and its gradients vanish.
 */
function noteScoresScaledUp(entry: TracedModel, logits: any): void {
  const node = isTensor(logits) ? lineage.get(logits) : undefined;
  if (node?.kernel !== 'Multiply' || node.inputs.length !== 2) return;
  const [a, b] = node.inputs as [any, any];
  const product = lineage.get(a)?.kernel === 'BatchMatMul' ? a : lineage.get(b)?.kernel === 'BatchMatMul' ? b : null;
  const queries = product ? (lineage.get(product)!.inputs[0] as any) : null;
  // The number was read when the product was made: the scalar tfjs made of it is freed by now.
  const c = node.constant;
  if (!queries || c === undefined || !isTensor(queries) || queries.rank < 2) return;
  const size = queries.shape[queries.rank - 1] as number;
  if (!(size >= 4) || Math.abs(c - Math.sqrt(size)) > 1e-3 * Math.sqrt(size)) return;
  scoresScaledUpSent = true;
  emit({ type: 'scoresScaledUp', modelId: entry.id, site: userSiteFromStack(node.stack?.stack, PROBE_FILE) ?? captureUserSite(PROBE_FILE), size } satisfies ScoresScaledUpEvent);
}

let contrastiveSent = false;
/** The kernels a matrix product runs as. */
const MATMUL_KERNELS: ReadonlySet<string> = new Set(['BatchMatMul', 'MatMul', '_FusedMatMul']);
/** A temperature at most this (a factor of 1 / 0.3 or more) is meant for cosine similarities. */
const COSINE_TEMPERATURE = 0.3;
/** Rows read for their norms at most. */
const NORM_READ = 100_000;

/** The mean L2 norm of a [n, d] tensor's rows, or null when it cannot be read. */
function meanRowNorm(t: any): number | null {
  if (!isReadable(t) || t.rank !== 2 || t.size > NORM_READ || t.dtype === 'string') return null;
  const [rows, width] = t.shape as [number, number];
  const v = t.dataSync() as ArrayLike<number>;
  let sum = 0;
  for (let r = 0; r < rows; r++) {
    let sq = 0;
    for (let c = 0; c < width; c++) sq += v[r * width + c]! ** 2;
    sum += Math.sqrt(sq);
  }
  return rows > 0 ? sum / rows : null;
}

/**
 * Contrastive logits, the [n, n] matMul of two model-made embeddings of a batch, divided by a
 * temperature for cosine similarities (`.div(0.07)`) while neither embedding is a set of unit
 * vectors: the logits then grow with the embeddings' norms.
 */
function noteContrastiveScale(entry: TracedModel, kernel: string, a: any, b: any): void {
  // Only a product of a matMul is read further (its scalar factor read back): most divisions and products are not.
  const matMul = (t: any) => MATMUL_KERNELS.has(lineage.get(t)?.kernel ?? '');
  if (!matMul(a) && !(kernel === 'Multiply' && matMul(b))) return;
  let product: any = null;
  let factor: number | null = null;
  if (kernel === 'RealDiv') {
    const c = givenScalar(b);
    if (c !== null && c > 0) [product, factor] = [a, 1 / c];
  } else {
    const ca = givenScalar(a);
    const cb = givenScalar(b);
    if (cb !== null && ca === null) [product, factor] = [a, cb];
    else if (ca !== null && cb === null) [product, factor] = [b, ca];
  }
  if (!product || factor === null || factor < 1 / COSINE_TEMPERATURE) return;
  const node = lineage.get(product);
  if (!node || !MATMUL_KERNELS.has(node.kernel) || node.inputs.length < 2) return;
  const [left, right] = node.inputs as [any, any];
  if (!isTensor(left) || !isTensor(right) || left.rank !== 2 || right.rank !== 2 || left.shape[0] < 4 || left.shape[0] !== right.shape[0]) return;
  // Square: rows of one batch against rows of the other, as contrastive logits are.
  if (product.rank !== 2 || product.shape[0] !== product.shape[1]) return;
  // One side may come from a second model the probe does not follow (CLIP's other encoder).
  if ((!madeFromLayerOutput(left) && !madeFromLayerOutput(right)) || unitVectors(left) || unitVectors(right)) return;
  const norms = [meanRowNorm(left), meanRowNorm(right)];
  if (norms.some((n) => n === null || !Number.isFinite(n))) return;
  contrastiveSent = true;
  emit({ type: 'contrastiveUnnormalized', modelId: entry.id, site: captureUserSite(PROBE_FILE), temperature: 1 / factor, norms: norms as number[] } satisfies ContrastiveUnnormalizedEvent);
}

let positivesMaskedSent = false;
/** A fill at most this is a mask, not a value. */
const MASK_FILL = -1e4;

/** A [n, n] boolean tensor true exactly on its diagonal (tf.eye(n) cast to bool). */
function isDiagonal(t: any): boolean {
  if (!isReadable(t) || t.rank !== 2 || t.shape[0] !== t.shape[1] || t.shape[0] < 4 || t.size > NORM_READ) return false;
  const n = t.shape[0] as number;
  const v = t.dataSync() as ArrayLike<number>;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (Boolean(v[i * n + j]) !== (i === j)) return false;
  return true;
}

/** The matMul behind `t`, through a scale by a number (logits divided by a temperature) and kernels that pass values on. */
function productBehind(t: any): Lineage | null {
  let node = isTensor(t) ? lineage.get(t) : undefined;
  for (let hop = 0; hop < 4 && node && (node.kernel === 'RealDiv' || node.kernel === 'Multiply' || PASS_THROUGH_KERNELS.has(node.kernel)); hop++) node = lineage.get(node.inputs[0]!);
  return node && MATMUL_KERNELS.has(node.kernel) && node.inputs.length >= 2 ? node : null;
}

/**
 * tf.where(diagonal, large negative, logits) over contrastive logits of two different embeddings:
 * their diagonal is each row's positive pair. A batch compared with itself (the same tensor on
 * both sides, SimCLR's 2N views) masks its self-similarities on purpose.
 */
function notePositivesMasked(entry: TracedModel, condition: any, t: any, e: any): void {
  if (!isDiagonal(condition) || !isReadable(t) || t.size !== condition.size) return;
  const fill = t.dataSync() as ArrayLike<number>;
  let highest = -Infinity;
  for (let i = 0; i < fill.length; i++) highest = Math.max(highest, fill[i]!);
  if (!(highest <= MASK_FILL)) return;
  const product = productBehind(e);
  if (!product || product.inputs[0] === product.inputs[1] || !madeFromLayerOutput(e)) return;
  positivesMaskedSent = true;
  emit({ type: 'positivesMasked', modelId: entry.id, site: captureUserSite(PROBE_FILE), fill: highest } satisfies PositivesMaskedEvent);
}

/** The axes a reduction kernel was given, as a list: Max and Min name them reductionIndices; Sum and Mean, axis. */
function reducedAxes(attrs: any): any[] {
  const given = attrs?.axis ?? attrs?.reductionIndices;
  return Array.isArray(given) ? given : [given];
}

/**
 * Predictions a model made outside a step while a custom loop's first steps are inspected, and a
 * max over their rows (axis 0) of [rows, outputs]: one value per output for the batch where one
 * per row was meant (a bootstrap target's max over actions). Sent once.
 */
const predictedRows = new WeakSet<object>();
let maxOverBatchSent = false;

function noteMaxOverBatch(entry: TracedModel, inputs: any, attrs: any): void {
  const x = inputs?.x;
  if (!isTensor(x) || !predictedRows.has(x) || x.rank !== 2) return;
  const [rows, columns] = x.shape as number[];
  if (!(rows! >= 2 && columns! >= 2) || rows === columns) return;
  const axis = reducedAxes(attrs);
  if (axis.length !== 1 || (axis[0] !== 0 && axis[0] !== -2)) return;
  maxOverBatchSent = true;
  emit({ type: 'maxOverBatch', modelId: entry.id, site: captureUserSite(PROBE_FILE), rows: rows!, columns: columns! } satisfies MaxOverBatchEvent);
}

let focalInvertedSent = false;

/** The tensor `t` is the log of, through a negation: −log(p) → p. */
function logOf(t: any): object | null {
  let node = isTensor(t) ? lineage.get(t) : undefined;
  if (node?.kernel === 'Neg') node = lineage.get(node.inputs[0]!);
  return node?.kernel === 'Log' ? node.inputs[0]! : null;
}

/** A product of p^γ (γ > 0) and −log(p), the same p: a focal loss's modulator applied to p, not 1 − p. */
function noteFocalInverted(entry: TracedModel, a: any, b: any): void {
  for (const [power, log] of [[a, b], [b, a]] as const) {
    const node = isTensor(power) ? lineage.get(power) : undefined;
    if (node?.kernel !== 'Pow') continue;
    const p = logOf(log);
    if (!p || node.inputs[0] !== p || !madeFromLayerOutput(p)) continue;
    focalInvertedSent = true;
    emit({ type: 'focalInverted', modelId: entry.id, site: captureUserSite(PROBE_FILE) } satisfies FocalInvertedEvent);
    return;
  }
}

let headsSplitSent = false;

/**
 * A model-made [b, T, D] reshaped to [b, H, T, D / H] (H heads, H ≠ T): attention heads split
 * without the transpose. [b, T, H, D / H] followed by a transpose is the split.
 */
function noteHeadsSplit(entry: TracedModel, x: any, attrs: any): void {
  const given = attrs?.shape;
  if (!isTensor(x) || x.rank !== 3 || !Array.isArray(given) || given.length !== 4) return;
  const [b, steps, features] = x.shape as [number, number, number];
  // Resolve a -1 from the input's size.
  const known = given.reduce((p: number, d: number) => (d === -1 ? p : p * d), 1);
  const to = given.map((d: number) => (d === -1 ? x.size / known : d)) as number[];
  const [b2, heads, steps2, size] = to as [number, number, number, number];
  if (b2 !== b || steps2 !== steps || heads < 2 || heads === steps || heads * size !== features || steps < 2) return;
  // Computed in the step (a projection), not data given to it: a model of raw variables has no layer outputs.
  if (!lineage.has(x)) return;
  headsSplitSent = true;
  emit({ type: 'headsSplit', modelId: entry.id, site: captureUserSite(PROBE_FILE), from: [b, steps, features], to } satisfies HeadsSplitEvent);
}

let logitsAsProbabilitiesSent = false;
/** Probabilities never leave [0, 1] (beyond rounding): a tenth of the values outside is logits. */
const OUTSIDE_UNIT_SHARE = 0.1;

/**
 * A clip to [ε, 1] (what a loss over probabilities does) of a model's outputs that lie outside
 * [0, 1] in large part: logits, never passed through a softmax.
 */
function noteLogitsAsProbabilities(entry: TracedModel, x: any, attrs: any): void {
  const lo = attrs?.clipValueMin;
  const hi = attrs?.clipValueMax;
  // A floor above 0 is for a log that follows; a clip to [0, 1] is a bound put on logits on purpose (judged apart).
  if (typeof lo !== 'number' || typeof hi !== 'number' || !(lo > 0 && lo < 0.01 && hi <= 1 && hi >= 0.99)) return;
  // fit's losses clip an output whose activation the configuration already judges (a linear output under a cross-entropy).
  if (entry.mode !== 'custom' || !isReadable(x) || x.size < 4 || x.size > NORM_READ || !madeFromLayerOutput(x)) return;
  const v = x.dataSync() as ArrayLike<number>;
  let outside = 0;
  for (let i = 0; i < v.length; i++) if (v[i]! < -1e-6 || v[i]! > 1 + 1e-6) outside++;
  const share = outside / v.length;
  if (share < OUTSIDE_UNIT_SHARE) return;
  logitsAsProbabilitiesSent = true;
  const made = lineage.get(x);
  emit({ type: 'logitsAsProbabilities', modelId: entry.id, site: userSiteFromStack(made?.stack?.stack, PROBE_FILE), clipSite: captureUserSite(PROBE_FILE), outside: share } satisfies LogitsAsProbabilitiesEvent);
}

let maskMultipliedSent = false;

/** A tensor of 0s and 1s holding both (at most 100,000 values read). */
function isZeroOneMask(t: any): boolean {
  if (!isReadable(t) || t.size < 2 || t.size > 100_000) return false;
  const values = t.dataSync() as ArrayLike<number>;
  let ones = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] === 1) ones++;
    else if (values[i] !== 0) return false;
  }
  return ones > 0 && ones < values.length;
}

/**
 * A softmax of scores multiplied by a 0/1 mask: a masked score becomes 0, which a softmax weighs as
 * exp(0), like any other score near 0, so the masked positions (padding, the future) keep their
 * share of the attention. Masks are added as a large negative number where they are 0.
 */
function noteMaskMultiplied(entry: TracedModel, logits: any): void {
  const node = isTensor(logits) ? lineage.get(logits) : undefined;
  if (node?.kernel !== 'Multiply' || node.inputs.length !== 2) return;
  const [a, b] = node.inputs as [any, any];
  const [maskA, maskB] = [isZeroOneMask(a), isZeroOneMask(b)];
  const mask = maskB && !maskA ? 'b' : maskA && !maskB ? 'a' : null;
  if (!mask) return;
  maskMultipliedSent = true;
  emit({ type: 'maskMultiplied', modelId: entry.id, site: captureUserSite(PROBE_FILE), mask } satisfies MaskMultipliedEvent);
}

const argmaxTargetReported = new WeakSet<TracedModel>();

/**
 * A one-hot of the row-wise argMax of a layer output, multiplied into a tensor computed from that
 * same output (its log-softmax): each row's loss then follows the class the model already prefers,
 * not the one taken or labelled (a policy gradient on the greedy action instead of the sampled one),
 * so training only sharpens the model's current preference. A target drawn from another pass's
 * output (a pseudo-label from a weakly augmented view) is not computed from the same tensor.
 */
function noteArgmaxTarget(entry: TracedModel, a: any, b: any): void {
  for (const [hot, other] of [[a, b], [b, a]] as const) {
    // tf.mul casts the int32 one-hot to float32 first.
    const node = isTensor(hot) ? lineage.get(passedOn(hot)) : undefined;
    if (node?.kernel !== 'OneHot') continue;
    const pick = lineage.get(node.inputs[0]!);
    const scores = pick?.kernel === 'ArgMax' ? pick.inputs[0] : undefined;
    if (!scores || !madeFromLayerOutput(scores) || !isTensor(other) || !computedFrom(other, scores)) continue;
    argmaxTargetReported.add(entry);
    emit({ type: 'argmaxTarget', modelId: entry.id, site: userSiteFromStack(node.stack?.stack, PROBE_FILE) ?? captureUserSite(PROBE_FILE) } satisfies ArgmaxTargetEvent);
    return;
  }
}

/**
 * A step's loss that is the plain mean (or sum) of the squares (or absolute values) of a difference
 * of the model's whole [n, K] output and one column: every output is pulled to the same target. A
 * mixture's components or a set of quantiles compared with one target weigh the differences apart
 * (a log-sum-exp, a pinball loss) before any mean, and are not this.
 */
function noteAcrossOutputsLoss(entry: TracedModel, loss: any): void {
  if (broadcastReported.has(entry) || !isTensor(loss) || loss.size !== 1) return;
  const reduce = lineage.get(loss);
  if (!reduce || (reduce.kernel !== 'Mean' && reduce.kernel !== 'Sum')) return;
  const power = lineage.get(passedOn(reduce.inputs[0]));
  if (!power || (power.kernel !== 'Square' && power.kernel !== 'Abs')) return;
  // A difference with a layer's output keeps the line it was written on (see noteLineage).
  const diff = lineage.get(passedOn(power.inputs[0]));
  const [a, b] = (diff?.inputs ?? []) as [any, any];
  if (diff?.kernel !== 'Sub' || diff.inputs.length !== 2 || !acrossOutputs(entry, a, b)) return;
  broadcastReported.add(entry);
  emit({
    type: 'broadcast',
    modelId: entry.id,
    site: userSiteFromStack(diff.stack?.stack, PROBE_FILE),
    op: 'sub',
    shapes: [Array.from(a.shape as number[]), Array.from(b.shape as number[])],
    vector: a.shape[1] === 1 ? 'a' : 'b',
    kind: 'acrossOutputs',
  } satisfies BroadcastEvent);
}

/**
 * The model's whole [n, K] output minus a [n, 1] column not computed from that output: the column
 * (one target per row) is compared with every one of the K outputs, as a Q-learning loss does when
 * it forgets to pick the taken action's value. A column computed from the output itself (its row
 * maximum, its log-sum-exp, its mean) is a deliberate shift.
 */
function acrossOutputs(entry: TracedModel, a: any, b: any): boolean {
  const width = outputUnits(entry);
  // Whether the column was computed from the output is known only while the step's kernels are traced.
  if (width === null || width < 2 || !tracingLineage(entry)) return false;
  const matrix = a.rank === 2 && a.shape[1] === width && b.rank === 2 && b.shape[1] === 1 && b.shape[0] === a.shape[0] ? a : b.rank === 2 && b.shape[1] === width && a.rank === 2 && a.shape[1] === 1 && a.shape[0] === b.shape[0] ? b : null;
  if (!matrix || matrix.shape[0] < 2 || !isLayerOutput(matrix)) return false;
  const col = matrix === a ? b : a;
  // tf.losses.softmaxCrossEntropy subtracts the log-sum-exp of the logits from their float32 cast.
  return !computedFrom(col, matrix) && !computedFrom(col, passedOn(matrix));
}

/** Whether `t` is `from` or was computed from it, through any kernels (up to `hops` of them). */
function computedFrom(t: any, from: object, hops = 12): boolean {
  if (t === from) return true;
  const node = lineage.get(t);
  return hops > 0 && node !== undefined && node.inputs.some((i) => computedFrom(i, from, hops - 1));
}

/** The width of a traced model's output: its last layer's last axis (null when unknown). */
function outputUnits(entry: TracedModel): number | null {
  const last = entry.layers[entry.layers.length - 1];
  return safe(() => {
    const s = last?.outputShape;
    return Array.isArray(s) && typeof s[s.length - 1] === 'number' ? s[s.length - 1] : null;
  }, null);
}

/**
 * A custom loop's cross-entropy given class indices as a [rows, 1] column: tfjs multiplies that
 * column into the log of the [rows, classes] predictions without complaint, so each row's loss is
 * its class number times the sum of every class's log-probability, which ignores which class is
 * right. Seen as a Multiply of such a column by a log of a tensor as wide as the model's output.
 */
const logarithms = new WeakSet<object>();

/**
 * What a step's loss does with the model's raw outputs, in its first steps. Parts of an output
 * (a column sliced off, reshaped) are followed.
 * - A log of output values at or below 0 (a variance predicted by a linear unit) is NaN or
 *   -Infinity at once. A log of a linear output is noted even while its values are above 0.
 * - An exp of raw outputs summed over their last axis is a softmax written by hand without the row's
 *   largest value subtracted: exp overflows float32 to Infinity once a logit passes about 88, and
 *   Infinity / Infinity is NaN. It is noted, and blamed only if the loss turns non-finite.
 */
const outputParts = new WeakSet<object>();
/** Outputs of layers with no activation (linear), and parts of them: values of either sign. */
const linearParts = new WeakSet<object>();
const rawExponentials = new WeakMap<object, { stack?: string }>();
const logOfOutputSent = new WeakSet<TracedModel>();
const rawSoftmaxSent = new WeakSet<TracedModel>();
const PASSES_VALUES = new Set(['Slice', 'StridedSlice', 'Reshape', 'Identity', 'Squeeze', 'ExpandDims']);
const LOG_READ_LIMIT = 1 << 16;
const outputUseReported = (entry: TracedModel) => logOfOutputSent.has(entry) && rawSoftmaxSent.has(entry);

function noteOutputUse(entry: TracedModel, kernel: string, inputs: any, attrs: any, out: any): void {
  const x = inputs?.x;
  if (!isTensor(x) || !isTensor(out)) return;
  const ofOutput = layerOutputs.has(x) || outputParts.has(x);
  if (ofOutput && PASSES_VALUES.has(kernel)) {
    outputParts.add(out);
    if (linearParts.has(x)) linearParts.add(out);
  } else if (ofOutput && kernel === 'Exp' && !rawSoftmaxSent.has(entry) && x.rank >= 2 && (x.shape[x.rank - 1] as number) >= 2) rawExponentials.set(out, captureStack());
  else if (kernel === 'Sum' && rawExponentials.has(x)) {
    const axes = (Array.isArray(attrs?.axis) ? attrs.axis : [attrs?.axis]).map((a: unknown) => (typeof a === 'number' && a < 0 ? a + x.rank : a));
    if (axes.length !== 1 || axes[0] !== x.rank - 1) return;
    rawSoftmaxSent.add(entry);
    emit({ type: 'rawSoftmax', modelId: entry.id, site: userSiteFromStack(rawExponentials.get(x)!.stack, PROBE_FILE) } satisfies RawSoftmaxEvent);
  } else if (ofOutput && kernel === 'Log' && !logOfOutputSent.has(entry) && isReadable(x) && x.size <= LOG_READ_LIMIT) {
    const values = x.dataSync() as ArrayLike<number>;
    let atOrBelow = 0;
    let least = Infinity;
    for (let i = 0; i < values.length; i++) {
      if (values[i]! <= 0) atOrBelow++;
      if (values[i]! < least) least = values[i]!;
    }
    // A linear output's log is noted though its values are all above 0 for now: they can go below.
    if (atOrBelow === 0 && !linearParts.has(x)) return;
    logOfOutputSent.add(entry);
    emit({ type: 'logOfOutput', modelId: entry.id, site: captureUserSite(PROBE_FILE), atOrBelowZero: atOrBelow, count: values.length, least: finiteOrNull(least) } satisfies LogOfOutputEvent);
  }
}

/** In a custom loop's first steps, what each cast was cast from (a loss casts its targets to float). */
const castFrom = new WeakMap<object, object>();
const columnTargetsReported = new WeakSet<TracedModel>();

function noteColumnTargets(entry: TracedModel, a: any, b: any): void {
  const column = (t: any) => isTensor(t) && t.rank === 2 && t.shape[1] === 1 && t.shape[0] > 1;
  const [targets, logs] = column(a) && logarithms.has(b) ? [a, b] : column(b) && logarithms.has(a) ? [b, a] : [null, null];
  if (!targets || !isTensor(logs) || logs.rank !== 2 || logs.shape[0] !== targets.shape[0]) return;
  const units = outputUnits(entry);
  const classes = logs.shape[1] as number;
  if (classes < 2 || classes !== units) return;
  columnTargetsReported.add(entry);
  const madeAt = originSite(castFrom.get(targets) ?? targets);
  emit({ type: 'columnTargets', modelId: entry.id, site: captureUserSite(PROBE_FILE), rows: targets.shape[0], classes, ...(madeAt ? { madeAt } : {}) } satisfies ColumnTargetsEvent);
}

/**
 * A softmax or log-softmax over the batch axis: tf.logSumExp(logits, 0, true) in a hand-written
 * cross-entropy runs Max with kept dimensions over the rows of a [rows, classes] tensor, and a
 * hand-written softmax sums exp(logits) so. The tensor is known by its width, the model's output
 * units. A sum of anything but an exponential (labels summed per class, for class weights) is not it.
 */
const BATCH_AXIS_KERNELS: Record<string, true> = { Max: true, Sum: true, Min: true, Mean: true };
const batchAxisReported = new WeakSet<TracedModel>();
const exponentials = new WeakSet<object>();

/**
 * The exponential of an exponential in a step's forward pass: outputs made positive with exp (a
 * rate), then given to a loss written for the log-rate, which exponentiates them again. Sent once per model.
 */
const expOfExpSent = new WeakSet<TracedModel>();

function noteExpOfExp(entry: TracedModel): void {
  expOfExpSent.add(entry);
  emit({ type: 'expOfExp', modelId: entry.id, site: captureUserSite(PROBE_FILE) } satisfies ExpOfExpEvent);
}

const gatherAcrossSent = new WeakSet<TracedModel>();

/** A step's `tf.gather(x, ids, 1)` on [rows, k] with one id per row: [rows, rows] out, where a pick per row was meant. */
function noteGatherAcrossRows(entry: TracedModel, inputs: any, attrs: any, out: any): void {
  const x = inputs?.x;
  const indices = inputs?.indices;
  if (!isTensor(x) || !isTensor(indices) || !isTensor(out) || x.rank !== 2 || indices.rank !== 1) return;
  const [rows, columns] = x.shape as number[];
  const axis = attrs?.axis;
  if (!(rows! >= 2) || indices.shape[0] !== rows || (axis !== 1 && axis !== -1) || (attrs?.batchDims ?? 0) !== 0) return;
  if (out.rank !== 2 || out.shape[0] !== rows || out.shape[1] !== rows) return;
  gatherAcrossSent.add(entry);
  emit({ type: 'gatherAcrossRows', modelId: entry.id, site: captureUserSite(PROBE_FILE), rows: rows!, columns: columns! } satisfies GatherAcrossRowsEvent);
}

function noteBatchAxisReduction(state: StepState, kernel: string, x: any, attrs: any): void {
  if (kernel === 'Mean') return noteBatchMean(state, x, attrs);
  if (kernel === 'Sum' && squaredLayerOutput(x)) return noteBatchNorm(state, x, attrs);
  if (!isTensor(x) || (x.rank !== 2 && x.rank !== 3) || attrs?.keepDims !== true || (kernel === 'Sum' && !exponentials.has(x))) return;
  const axis = reducedAxes(attrs);
  // [rows, classes] over the rows; a sequence model's [rows, steps, classes] over the rows or the steps.
  const across = x.rank === 2 ? [0, -2] : [0, 1, -2, -3];
  if (axis.length !== 1 || !across.includes(axis[0])) return;
  const shape = x.shape as number[];
  const classes = shape[shape.length - 1]!;
  const units = outputUnits(state.entry);
  // A square [n, n] matrix (similarities between the rows of a batch) is normalized over rows on purpose.
  if (classes !== units || classes < 2 || shape.slice(0, -1).some((d) => d < 2 || d === classes)) return;
  batchAxisReported.add(state.entry);
  const reduced = axis[0] < 0 ? axis[0] + x.rank : axis[0];
  emit({ type: 'batchAxis', modelId: state.entry.id, site: captureUserSite(PROBE_FILE), kernel, shape, ...(reduced !== 0 ? { axis: reduced } : {}) } satisfies BatchAxisEvent);
}

/** Rows divided by their own norm (x / sqrt(sum(x²)), an epsilon or a floor allowed): unit vectors. */
function unitVectors(t: object | undefined): boolean {
  const node = t ? lineage.get(t) : undefined;
  if (node?.kernel !== 'RealDiv') return false;
  const toSqrt = (d: object | undefined, hops: number): boolean => {
    const n = d ? lineage.get(d) : undefined;
    if (!n) return false;
    if (n.kernel === 'Sqrt') return true;
    return hops > 0 && (n.kernel === 'Add' || n.kernel === 'Maximum' || PASS_THROUGH_KERNELS.has(n.kernel)) && toSqrt(n.inputs[0], hops - 1);
  };
  return toSqrt(node.inputs[1], 3);
}

/**
 * Logits that are cosine similarities, a matrix product of two sets of unit vectors, given to a
 * softmax without a scale: they lie in [-1, 1], so the softmax can never be confident. Seen at the
 * Softmax kernel in the first steps.
 */
const cosineReported = new WeakSet<TracedModel>();

function noteCosineLogits(entry: TracedModel, logits: any): void {
  const node = isTensor(logits) ? lineage.get(logits) : undefined;
  if (!node || !MATMUL_KERNELS.has(node.kernel) || node.inputs.length < 2) return;
  if (!unitVectors(node.inputs[0]) || !unitVectors(node.inputs[1])) return;
  const classes = logits.shape[logits.rank - 1] as number;
  if (!(classes >= 2)) return;
  cosineReported.add(entry);
  emit({ type: 'cosineLogits', modelId: entry.id, classes, site: captureUserSite(PROBE_FILE) } satisfies CosineLogitsEvent);
}

/**
 * A pinball (quantile) loss, max(τ·e, (τ − 1)·e), whose residual e is the prediction minus the
 * target where the target minus the prediction is meant: it charges τ per unit of over-prediction,
 * so the model learns the (1 − τ) quantile. Seen at the Maximum of the two products, with the
 * residual's line.
 */
const pinballReported = new WeakSet<TracedModel>();

function notePinball(entry: TracedModel, a: any, b: any): void {
  const la = isTensor(a) ? lineage.get(a) : undefined;
  const lb = isTensor(b) ? lineage.get(b) : undefined;
  if (la?.kernel !== 'Multiply' || lb?.kernel !== 'Multiply') return;
  const residual = la.inputs.find((t) => lb.inputs.includes(t));
  const fa = la.constant ?? null;
  const fb = lb.constant ?? null;
  if (!residual || fa === null || fb === null || Math.abs(Math.abs(fa - fb) - 1) > 1e-6) return;
  const tau = Math.max(fa, fb);
  // τ written as a percentage (90 for 0.9): both slopes positive, and the loss falls without bound below.
  if (tau > 1 && tau <= 100 && Number.isInteger(tau)) {
    pinballReported.add(entry);
    emit({ type: 'pinballFlipped', modelId: entry.id, tau, site: captureUserSite(PROBE_FILE), percent: true } satisfies PinballFlippedEvent);
    return;
  }
  const sub = lineage.get(residual);
  if (!(tau > 0 && tau < 1) || Math.abs(tau - 0.5) < 1e-6 || sub?.kernel !== 'Sub' || !isLayerOutput(sub.inputs[0]) || isLayerOutput(sub.inputs[1])) return;
  pinballReported.add(entry);
  emit({ type: 'pinballFlipped', modelId: entry.id, tau, site: userSiteFromStack(sub.stack?.stack, PROBE_FILE) } satisfies PinballFlippedEvent);
}

const signedDistanceReported = new WeakSet<TracedModel>();

/**
 * The sum over their features of one layer output minus another ([rows, width], width 2 or more):
 * a signed sum of differences, which is no distance (it can be negative, and is 0 for any two
 * embeddings whose coordinates add up alike) where a pair's distance was meant.
 */
function noteSignedDistance(entry: TracedModel, x: any, attrs: any): void {
  if (!isTensor(x) || x.rank !== 2 || !(x.shape[1] >= 2)) return;
  const axis = reducedAxes(attrs);
  if (axis.length !== 1 || (axis[0] !== 1 && axis[0] !== -1)) return;
  const node = lineage.get(x);
  if (node?.kernel !== 'Sub' || node.inputs.length !== 2 || !node.inputs.every((t) => isLayerOutput(t) && (t as any).rank === 2 && (t as any).shape[1] === x.shape[1])) return;
  signedDistanceReported.add(entry);
  emit({ type: 'signedDistance', modelId: entry.id, width: x.shape[1], site: captureUserSite(PROBE_FILE) } satisfies SignedDistanceEvent);
}

/**
 * Attention scores, [rows, queries, keys] from a batched matrix product, normalized over axis 1 (a
 * hand-written softmax whose logSumExp takes axis 1): each key's weights over the queries sum to 1
 * where each query's weights over the keys should. Seen at the Max the normalization starts with,
 * in fit's steps or a custom loop's.
 */
function noteAttentionAxis(state: StepState, x: any, attrs: any): void {
  if (!isTensor(x) || x.rank !== 3 || attrs?.keepDims !== true) return;
  const axis = reducedAxes(attrs);
  const [rows, queries, keys] = x.shape as number[];
  if (axis.length !== 1 || (axis[0] !== 1 && axis[0] !== -2) || !(rows! >= 2) || !(queries! >= 2) || queries !== keys) return;
  // The scores: a batched matrix product, maybe scaled, within two kernels.
  const fromProduct = (t: object | undefined, hops: number): boolean => {
    const n = t ? lineage.get(t) : undefined;
    if (!n) return false;
    if (n.kernel === 'BatchMatMul') return true;
    return hops > 0 && (n.kernel === 'RealDiv' || n.kernel === 'Multiply' || n.kernel === 'Add') && n.inputs.some((i) => fromProduct(i, hops - 1));
  };
  if (!fromProduct(x, 2)) return;
  batchAxisReported.add(state.entry);
  emit({ type: 'batchAxis', modelId: state.entry.id, site: captureUserSite(PROBE_FILE), kernel: 'Max', shape: x.shape, axis: 1, attention: true } satisfies BatchAxisEvent);
}

const ABS_OR_CAST: ReadonlySet<string> = new Set(['Abs', 'Cast']);

/** The squares of a layer's output (Square, or Pow, of it or of its absolute value): what a vector norm sums. */
function squaredLayerOutput(x: any): boolean {
  const node = isTensor(x) ? lineage.get(x) : undefined;
  if (!node || (node.kernel !== 'Square' && node.kernel !== 'Pow')) return false;
  // Back through the absolute value and the casts tf.norm and tf.pow put in between.
  return isLayerOutput(node.inputs[0], 3, ABS_OR_CAST);
}

/**
 * A layer's [rows, features] output squared and summed over axis 0: a norm over
 * the batch (`tf.norm(h, 'euclidean', 0, true)`, an L2 normalization given axis 0), which scales
 * each feature across the rows where each row was meant to get unit length.
 */
function noteBatchNorm(state: StepState, x: any, attrs: any): void {
  const axis = reducedAxes(attrs);
  // tf.norm sums without keeping dimensions and reshapes after: keepDims is not asked for.
  if (x.rank !== 2 || axis.length !== 1 || (axis[0] !== 0 && axis[0] !== -2)) return;
  const [rows, features] = x.shape as number[];
  // A square [n, n] matrix (similarities between rows) may be normalized over rows on purpose.
  if (!(rows! >= 2) || !(features! >= 2) || rows === features) return;
  batchAxisReported.add(state.entry);
  emit({ type: 'batchAxis', modelId: state.entry.id, site: captureUserSite(PROBE_FILE), kernel: 'Sum', shape: x.shape, norm: true } satisfies BatchAxisEvent);
}

/**
 * A layer's [rows, items, features] output averaged over axis 0 alone, dimensions kept
 * (`tf.mean(h, 0, true)` where the items' axis 1 was meant, to pool a set per sample): every
 * sample gets the batch's average. A hand-written batch normalization of such a tensor averages
 * over the rows and the items together, so one axis 0 on a rank-3 output is the mistake.
 */
function noteBatchMean(state: StepState, x: any, attrs: any): void {
  if (!isTensor(x) || x.rank !== 3 || attrs?.keepDims !== true || !layerOutputs.has(x)) return;
  const axis = reducedAxes(attrs);
  if (axis.length !== 1 || (axis[0] !== 0 && axis[0] !== -3) || (x.shape as number[]).some((d: number) => d < 2)) return;
  batchAxisReported.add(state.entry);
  emit({ type: 'batchAxis', modelId: state.entry.id, site: captureUserSite(PROBE_FILE), kernel: 'Mean', shape: x.shape } satisfies BatchAxisEvent);
}

/** Every value is exactly 0 or 1, as labels are and a model's outputs never all are. */
function allZeroOrOne(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] !== 0 && values[i] !== 1) return false;
  return values.length > 0;
}

/** tf.losses functions whose third argument is the per-row weights (cosineDistance takes an axis there). */
const WEIGHTS_THIRD = new Set(['absoluteDifference', 'meanSquaredError', 'hingeLoss', 'huberLoss', 'logLoss', 'sigmoidCrossEntropy', 'softmaxCrossEntropy']);

function noteLossCall(entry: TracedModel, fn: string, args: any[]): void {
  let seen = seenLossCalls.get(entry);
  if (!seen) seenLossCalls.set(entry, (seen = new Set()));
  if (seen.has(fn)) return;
  seen.add(fn);
  const [labels, predictions, , labelSmoothing, reduction] = args;
  const site = captureUserSite(PROBE_FILE);
  const kind = LOGITS_LOSSES[fn];
  const ordered = ORDERED_LOSSES.has(fn);
  const wantTargets = entry.mode === 'custom' && !entry.targetsSent;
  // Each tensor is read back once: the labels as a custom loop's targets and for the positive rate
  // behind a loss floor, the predictions for what they look like.
  const labelSummary = (wantTargets || ordered) && isReadable(labels) ? summarize(labels, true) : null;
  const [values] = ordered && isReadable(predictions) ? readValues(tfCore, [predictions]) : [];
  const labelsFinite = labelSummary !== null && labelSummary.nanCount + labelSummary.infCount === 0;
  const binaryLabels = labelsFinite && labelSummary.distinct?.every((v) => v === 0 || v === 1) === true;
  // The model's outputs first and the 0/1 labels second.
  const swapped = values !== undefined && labelsFinite && !binaryLabels && allZeroOrOne(values);
  // A custom loop's targets are the labels its loss compares with (fit sends its own). They may be
  // one mini-batch: a batch of a single class (class-sorted data) says nothing of the class balance.
  if (wantTargets) {
    noteFirstRows(entry, 'y', swapped ? predictions : labels);
    const targets = swapped ? summarize(predictions, true) : labelSummary;
    entry.targetsSent = true;
    const oneClass = targets !== null && (targets.distinct?.length === 1 || (targets.oneHotRows === true && (targets.columnMeans ?? []).filter((m) => m > 0).length === 1));
    if (targets && !oneClass) emitData(entry, 'y', 0, targets, site, swapped ? predictions : labels);
  }
  const classes = isTensor(predictions) && predictions.rank >= 1 ? (predictions.shape[predictions.rank - 1] as number) : null;
  // Probabilities only from enough values that a few logits falling in [0, 1] by chance do not count.
  let givenProbabilities = kind !== undefined && values !== undefined && values.length >= 16 && !swapped;
  for (let i = 0; values && i < values.length && givenProbabilities; i++) if (!(values[i]! >= 0 && values[i]! <= 1)) givenProbabilities = false;
  // A loop of raw variables has no output layer to tell: its logits in [0, 1] must have come out of a sigmoid (small first logits can sit there by chance).
  if (givenProbabilities && kind === 'sigmoid' && entry.layers.length === 0 && isTensor(predictions) && !probabilities.has(predictions)) givenProbabilities = false;
  if (values && givenProbabilities && kind === 'softmax' && classes && classes > 1) {
    // Rows of a softmax sum to 1; checking the first thousand is enough.
    for (let r = 0; r < Math.min(1000, values.length / classes) && givenProbabilities; r++) {
      let sum = 0;
      for (let c = 0; c < classes; c++) sum += values[r * classes + c]!;
      if (Math.abs(sum - 1) > 1e-3) givenProbabilities = false;
    }
  }
  const positiveRate = kind && binaryLabels ? labelSummary.mean : null;
  // huberLoss(labels, predictions, weights, delta): past delta the loss grows by delta per unit of error.
  const huber = fn === 'huberLoss' ? huberScale(labels, predictions, args[3]) : null;
  const weightedRows = weightedTargets(labels, args[2]);
  // tf.Reduction.NONE is the number 0: given third, where these losses take weights, every row weighs 0.
  const zeroWeights = WEIGHTS_THIRD.has(fn) && (args[2] === 0 || (isReadable(args[2]) && args[2].size === 1 && (args[2].dataSync() as ArrayLike<number>)[0] === 0));
  // The logits a softmax cross-entropy is given, straight out of a narrow clip (`tf.clipByValue(logits, 0, 1)`).
  const clip = kind === 'softmax' && isTensor(predictions) ? lineage.get(predictions) : undefined;
  const clipSite = clip?.kernel === 'ClipByValue' && clip.bounds && clip.bounds[1] - clip.bounds[0] <= NARROW_LOGIT_CLIP ? userSiteFromStack(clip.stack?.stack, PROBE_FILE) : null;
  emit({
    type: 'lossCall',
    modelId: entry.id,
    fn,
    site,
    probabilities: givenProbabilities,
    swapped,
    classes,
    positiveRate,
    labelSmoothing: typeof labelSmoothing === 'number' && Number.isFinite(labelSmoothing) ? labelSmoothing : 0,
    reduction: typeof reduction === 'number' ? reduction : null,
    huber,
    ...(weightedRows ? { weightedRows } : {}),
    ...(zeroWeights ? { zeroWeights: true } : {}),
    ...(isTensor(predictions) && otherModelOutputs.has(predictions) ? { otherModel: true } : {}),
    ...(clipSite && clip?.bounds ? { logitsClipped: { low: clip.bounds[0], high: clip.bounds[1], site: clipSite } } : {}),
  });
}

/** Rows a loss weights in, at least this many, and out: enough that one target value among them is no chance. */
const WEIGHTED_ROWS_MIN = 4;

/**
 * A loss given per-row weights (a mask of rows with a target): when the rows weighted in all have
 * one target value while the rows weighted out have several, the mask is the wrong way round (it
 * keeps the rows whose target is the filler for a missing value). Where the mask was made, when seen.
 */
function weightedTargets(labels: any, weights: any): LossCallEvent['weightedRows'] | undefined {
  if (!isReadable(labels) || !isReadable(weights) || labels.rank < 1 || weights.rank < 1) return undefined;
  const rows = labels.shape[0] as number;
  if (weights.shape[0] !== rows || weights.size !== rows || labels.size !== rows) return undefined;
  const [y, w] = readValues(tfCore, [labels, weights]);
  if (!y || !w) return undefined;
  const kept = new Set<number>();
  const dropped = new Set<number>();
  let weighted = 0;
  for (let i = 0; i < rows; i++) {
    if (w[i]! > 0) {
      weighted++;
      kept.add(y[i]!);
    } else dropped.add(y[i]!);
  }
  if (weighted < WEIGHTED_ROWS_MIN || rows - weighted < WEIGHTED_ROWS_MIN || kept.size !== 1 || dropped.size < 3) return undefined;
  const source = sliceOrigins.get(weights)?.source ?? weights;
  const value = [...kept][0]!;
  return { rows, weighted, value: Number.isFinite(value) ? value : null, site: madeBy(source, PROBE_FILE)?.site ?? null };
}

/** huberLoss's delta and the mean absolute error it measures on this call, or null when unreadable. */
function huberScale(labels: any, predictions: any, delta: unknown): { delta: number; meanError: number } | null {
  const d = delta === undefined ? 1 : delta;
  if (typeof d !== 'number' || !Number.isFinite(d) || !isReadable(labels) || !isReadable(predictions)) return null;
  const [y, p] = readValues(tfCore, [labels, predictions]);
  if (!y || !p || y.length !== p.length || y.length === 0) return null;
  let sum = 0;
  for (let i = 0; i < y.length; i++) sum += Math.abs(p[i]! - y[i]!);
  const meanError = sum / y.length;
  return Number.isFinite(meanError) ? { delta: d, meanError } : null;
}

/** The rate an optimizer's steps use (its property, unless an assignment bypassed setLearningRate). */
function learningRateOf(optimizer: any): unknown {
  return effectiveRates.get(optimizer) ?? optimizer?.learningRate;
}

/** Reports, once per line, an assignment of learningRate that the optimizer's steps ignore. */
function reportBypassedRate(optimizer: any): void {
  const bypass = bypassedRates.get(optimizer);
  if (!bypass) return;
  bypassedRates.delete(optimizer);
  const effective = effectiveRates.get(optimizer);
  if (effective === undefined || bypass.value === effective) return;
  const key = bypass.site ? `${bypass.site.file}:${bypass.site.line}` : '';
  let seen = reportedBypasses.get(optimizer);
  if (!seen) reportedBypasses.set(optimizer, (seen = new Set()));
  if (seen.has(key)) return;
  seen.add(key);
  emit({
    type: 'ignoredSetting',
    property: 'learningRate',
    optimizer: optimizerClassName(optimizer),
    value: typeof bypass.value === 'number' ? finiteOrNull(bypass.value) : null,
    effective: finiteOrNull(effective),
    site: bypass.site,
  });
}

function trySet(target: any, key: string, value: unknown): void {
  try {
    target[key] = value;
  } catch {
    /* read-only export: the prototype hooks still cover it */
  }
}

/**
 * Wraps the function `holder[name]` so that `note` sees each call's result when it is an object (a
 * dataset, a callback, a variable), with the call's arguments and `this`. The result is returned
 * as it was; a note that fails is dropped, since the notes only serve the diagnosis.
 */
function noteResults(holder: any, name: string, note: (out: any, args: any[], self: any) => void): void {
  const original = holder?.[name];
  if (typeof original !== 'function' || original[MARK]) return;
  const wrapped = function (this: unknown, ...args: any[]) {
    const out = original.apply(this, args);
    if (out && typeof out === 'object') {
      try {
        note(out, args, this);
      } catch {
        /* the call's result is unaffected */
      }
    }
    return out;
  };
  Object.defineProperty(wrapped, 'name', { value: original.name || name });
  (wrapped as any)[MARK] = true;
  trySet(holder, name, wrapped);
}

function hookLayers(layers: any): void {
  if (unsupportedCore) return;
  const baseLayer = findBaseLayerPrototype(layers);
  if (baseLayer[MARK]) return;
  baseLayer[MARK] = true;
  tfLayers = layers;

  // Every layer (and model) constructor assigns `this.name` first thing: the assignment tells
  // us a layer is being built, and the stack at that moment holds the user's line.
  Object.defineProperty(baseLayer, 'name', {
    configurable: true,
    enumerable: false,
    get() {
      return undefined;
    },
    set(this: any, value: unknown) {
      Object.defineProperty(this, 'name', { value, writable: true, enumerable: true, configurable: true });
      if (!layerSites.has(this)) {
        layerSites.set(this, layerBuiltAt(this));
        if (typeof this.getLayer === 'function' || 'containerNodes' in this || this instanceof layers.LayersModel) {
          knownContainers.add(new WeakRef(this));
          containerStacks.set(this, captureStack());
        } else if (builtLayers.length < MAX_BUILT_LAYERS) builtLayers.push(new WeakRef(this));
      }
    },
  });

  watchTrainable(baseLayer, layers.LayersModel.prototype);
  watchMetricLosses(layers);
  watchEarlyStopping(layers);
  watchMaxNorm(layers);
  watchRegularizers(layers);
  watchStopTraining(layers.LayersModel?.prototype);
  for (const cls of [layers.LayersModel, layers.Sequential]) watchTrainOnBatchLabels(cls?.prototype);
  watchWeightsSet([layers.Sequential?.prototype, baseLayer]);
  watchWeightsKept([baseLayer]);

  for (const cls of [layers.LayersModel, layers.Sequential]) {
    const proto = cls.prototype;
    watchUseBeforeTraining(proto);
    for (const method of ['predict', 'predictOnBatch']) {
      if (!Object.prototype.hasOwnProperty.call(proto, method) || typeof proto[method] !== 'function') continue;
      const original = proto[method];
      proto[method] = function (this: any, ...args: any[]) {
        const s = step;
        if (s) {
          s.inPredict++;
          (s.predictArgs ??= []).push(args[0]);
        }
        try {
          return original.apply(this, args);
        } finally {
          if (s) s.inPredict--;
        }
      };
    }
    if (Object.prototype.hasOwnProperty.call(proto, 'compile')) {
      const compile = proto.compile;
      proto.compile = function (this: any, args: any) {
        // A recompile replaces the loss and optimizer, so the latest call is the one to point at.
        compileInfo.set(this, { site: captureUserSite(PROBE_FILE), args });
        return compile.call(this, typeof args?.loss === 'function' ? { ...args, loss: lossFunctionWatch(args.loss) } : args);
      };
    }
    if (Object.prototype.hasOwnProperty.call(proto, 'fit')) {
      const fit = proto.fit;
      proto.fit = function (this: any, x: any, y: any, args: any = {}) {
        if (activeFit) return fit.call(this, x, y, args);
        return traceFit(this, 'fit', captureUserSite(PROBE_FILE), args, (a) => fit.call(this, x, y, a), { x, y });
      };
    }
    if (Object.prototype.hasOwnProperty.call(proto, 'fitDataset')) {
      const fitDataset = proto.fitDataset;
      proto.fitDataset = function (this: any, dataset: any, args: any = {}) {
        if (activeFit) return fitDataset.call(this, dataset, args);
        const watch = new BatchClassWatch();
        return traceFit(this, 'fitDataset', captureUserSite(PROBE_FILE), args, (a) => fitDataset.call(this, watch.wrap(dataset), a), null, watch, dataset);
      };
    }
  }
}

/**
 * tf.data datasets made from another (batch, map, prefetch, repeat, take, skip, filter) remember it
 * and the method that made them. Notes are put on the dataset a call made and found again by
 * walking back from the dataset fitDataset was given:
 * - where a dataset was batched, and how many rows it batched (through prefetch and repeat, which
 *   keep its batches as they are): a dataset whose batches hold one class each can then get a quick
 *   fix that shuffles before that `.batch()`;
 * - datasets shuffled each on their own (through any method but batch) and then zipped into
 *   (inputs, targets) pairs: each shuffle draws its own order, so the pairs are scrambled.
 */
const derivedFrom = new WeakMap<object, { from: object; method: string }>();
const DERIVING = ['batch', 'map', 'mapAsync', 'prefetch', 'repeat', 'take', 'skip', 'filter'];
/** A `.batch()` call: its line, the rows it batches, and the shuffle before it (its line and buffer). */
interface BatchOrigin {
  site: SourceSite | null;
  rows: number | null;
  shuffle: { site: SourceSite | null; buffer: number | null } | null;
}
const batchOrigins = new WeakMap<object, BatchOrigin>();
interface ShuffledPart {
  site: SourceSite | null;
  seed: unknown;
  buffer: number | null;
}
const shuffledParts = new WeakMap<object, ShuffledPart>();
const zippedApart = new WeakMap<object, { inputs: SourceSite | null; targets: SourceSite | null; zip: SourceSite | null }>();

/** The first note `notes` holds on `dataset` or on the datasets it was made from, through methods `through` accepts. */
function noteBehind<T>(notes: WeakMap<object, T>, dataset: any, through: (method: string) => boolean): T | null {
  let d = dataset;
  for (let hop = 0; d && typeof d === 'object' && hop < 16; hop++) {
    const found = notes.get(d);
    if (found !== undefined) return found;
    const link = derivedFrom.get(d);
    if (!link || !through(link.method)) return null;
    d = link.from;
  }
  return null;
}

/** Shuffling, prefetching or repeating a batched dataset keeps its batches as they are. */
const keepsBatches = (method: string) => method === 'prefetch' || method === 'repeat' || method === 'shuffle';
const batchOriginOf = (dataset: any) => noteBehind(batchOrigins, dataset, keepsBatches);
/** The `.shuffle()` applied to a dataset already batched (it reorders whole batches): the walk stops at the batch. */
const shuffleAfterBatchOf = (dataset: any): SourceSite | null => noteBehind(shuffledParts, dataset, keepsBatches)?.site ?? null;
const shuffledPartOf = (dataset: any) => noteBehind(shuffledParts, dataset, (m) => m !== 'batch');
const zippedApartOf = (dataset: any) => noteBehind(zippedApart, dataset, () => true);
/** `.take(n)` calls that kept fewer batches or rows than their dataset held. */
const takeCuts = new WeakMap<object, { site: SourceSite | null; kept: number; of: number; batches: boolean }>();
/** The take behind the dataset fitDataset trains on, through methods that keep what it kept (and batching, for rows taken before it). */
const takeCutOf = (dataset: any) => noteBehind(takeCuts, dataset, (m) => keepsBatches(m) || m === 'map' || m === 'mapAsync' || m === 'batch');
/** Datasets made by tf.data.generator, by the line that made them. */
const generatorSites = new WeakMap<object, SourceSite | null>();
const generatorSiteOf = (dataset: any): SourceSite | null => (dataset ? noteBehind(generatorSites, dataset, () => true) : null);

function hookData(data: any): void {
  const proto = data.Dataset.prototype;
  if (proto.batch[MARK]) return;
  for (const method of DERIVING) {
    noteResults(proto, method, (out, _args, self) => {
      derivedFrom.set(out, { from: self, method });
      if (method === 'take' && Number.isInteger(self.size) && self.size > 0 && Number.isInteger(out.size) && out.size < self.size) {
        takeCuts.set(out, { site: captureUserSite(PROBE_FILE), kept: out.size, of: self.size, batches: batchOriginOf(self) !== null });
      }
      if (method === 'batch') {
        const shuffled = shuffledPartOf(self);
        batchOrigins.set(out, {
          site: captureUserSite(PROBE_FILE),
          rows: Number.isInteger(self.size) && self.size > 0 ? self.size : null,
          shuffle: shuffled ? { site: shuffled.site, buffer: shuffled.buffer } : null,
        });
      }
    });
  }
  noteResults(proto, 'shuffle', (out, args, self) => {
    derivedFrom.set(out, { from: self, method: 'shuffle' });
    shuffledParts.set(out, { site: captureUserSite(PROBE_FILE), seed: args[1], buffer: Number.isInteger(args[0]) && args[0] > 0 ? args[0] : null });
  });
  watchZip(data);
  watchGenerator(data);
}

/** tf.data.generator calls: the dataset they made remembers the line. */
function watchGenerator(data: any): void {
  noteResults(data, 'generator', (out) => generatorSites.set(out, captureUserSite(PROBE_FILE)));
}

/** A zip of two or more datasets shuffled each on its own is noted on the zipped dataset. */
function watchZip(data: any): void {
  noteResults(data, 'zip', (out, args) => {
    const parts = args[0] && typeof args[0] === 'object' ? (Array.isArray(args[0]) ? args[0] : Object.values(args[0])) : [];
    const shuffled = parts.map((d: any) => shuffledPartOf(d)).filter((x: ShuffledPart | null): x is ShuffledPart => !!x);
    // Two shuffles seeded alike draw the same order: no harm.
    const sameSeed = shuffled.length >= 2 && shuffled.every((p: ShuffledPart) => p.seed !== undefined && p.seed !== null && p.seed === shuffled[0]!.seed);
    if (shuffled.length >= 2 && !sameSeed) zippedApart.set(out, { inputs: shuffled[0]!.site, targets: shuffled[1]!.site, zip: captureUserSite(PROBE_FILE) });
  });
}

/** The line of the last `trainable = ...` assignment, on any layer or model. */
let lastTrainableSet: SourceSite | null = null;
const staleReported = new WeakSet<object>();

/**
 * compile() fixes the weights fit will train (collectedTrainableWeights); a `trainable` changed
 * afterwards leaves fit training the old set (tfjs only warns on the console). Checked when fit
 * starts, as tfjs itself does; reported once per model, with the last trainable assignment.
 */
function noteStaleTrainable(entry: TracedModel, model: any): void {
  if (staleReported.has(model)) return;
  const collected = safe(() => model.collectedTrainableWeights, null as any);
  const current = safe(() => model.trainableWeights, null as any);
  if (!Array.isArray(collected) || !Array.isArray(current) || collected.length === current.length) return;
  staleReported.add(model);
  emit({ type: 'staleTrainable', modelId: entry.id, site: lastTrainableSet, compiled: collected.length, trainable: current.length } satisfies StaleTrainableEvent);
}

/** Calls reported per model: enough to see them repeat epoch after epoch. */
const WEIGHTS_SET_REPORTS = 8;
const weightsSetReports = new WeakMap<TracedModel, number>();
let settingWeights = false;
/** A fingerprint of each traced model's first weight when its fit started. */
const fitStartWeights = new WeakMap<TracedModel, number[]>();

/** Sums over the first 4096 values of a tensor: equal for the same values, different otherwise. */
function weightPrint(tensor: any): number[] | null {
  const data = safe(() => tensor?.dataSync?.(), null) as ArrayLike<number> | null;
  if (!data) return null;
  let squares = 0;
  let ramp = 0;
  for (let i = 0; i < Math.min(data.length, 4096); i++) {
    squares += data[i]! * data[i]!;
    ramp += data[i]! * ((i % 97) + 1);
  }
  return [data.length, squares, ramp];
}

function samePrint(a: number[] | null | undefined, b: number[] | null | undefined): boolean | null {
  if (!a || !b) return null;
  return a.every((v, i) => Math.abs(v - b[i]!) <= 1e-6 * (1 + Math.abs(v)));
}

/** The print of a model's first weight (of at most `limit` values), or null. */
function firstWeightPrint(model: any, limit = Infinity): number[] | null {
  const first = safe(() => model.getWeights()[0], null);
  return first && first.size <= limit ? weightPrint(first) : null;
}

/** Notes the model's first weight as fit starts, so weights set back to it can be told from others. */
function noteFitStartWeights(entry: TracedModel, model: any): void {
  const print = firstWeightPrint(model);
  if (print) fitStartWeights.set(entry, print);
}

/**
 * An ensemble "merged" by averaging its members' weights: setWeights given, outside training, a
 * first weight equal to the element-wise mean of that weight in two or more trained models of one
 * architecture, which started their first fit from different weights. Members fine-tuned from one
 * start (a model soup) are left alone. Read once per run; the weights set are untouched.
 */
const AVERAGED_WEIGHTS_LIMIT = 1 << 18;
const firstFitPrints = new WeakMap<TracedModel, number[]>();
let weightsAveragedSent = false;

function noteWeightsAveraged(model: any, weights: any): void {
  const given = Array.isArray(weights) ? weights[0] : null;
  if (!isReadable(given) || given.size > AVERAGED_WEIGHTS_LIMIT) return;
  const shape = (given.shape as number[]).join('x');
  const members: Array<{ entry: TracedModel; values: ArrayLike<number> }> = [];
  for (const entry of traced.values()) {
    const other = entry.model;
    if (!other || other === model || other.model === model || entry.steps === 0) continue;
    const w = safe(() => other.getWeights(), null) as any[] | null;
    if (!w || w.length !== weights.length || !isReadable(w[0]) || (w[0].shape as number[]).join('x') !== shape) continue;
    members.push({ entry, values: w[0].dataSync() as ArrayLike<number> });
  }
  if (members.length < 2) return;
  const starts = members.map((m) => firstFitPrints.get(m.entry));
  if (starts.some((p) => !p) || starts.some((p, i) => starts.slice(0, i).some((q) => samePrint(p, q)))) return;
  const values = given.dataSync() as ArrayLike<number>;
  for (let i = 0; i < values.length; i++) {
    let mean = 0;
    for (const m of members) mean += m.values[i]!;
    mean /= members.length;
    if (Math.abs(values[i]! - mean) > 1e-5 * (1 + Math.abs(mean))) return;
  }
  weightsAveragedSent = true;
  emit({ type: 'weightsAveraged', modelId: members[0]!.entry.id, site: captureUserSite(PROBE_FILE), members: members.length } satisfies WeightsAveragedEvent);
}

/** Values read at most from the weights a setWeights call is given (the summed-models and pruning watches). */
const WEIGHTS_READ = 1 << 20;

/**
 * setWeights given, outside training, the sums tf.addN made of k >= 2 tensors, each about k times the
 * norm of the weight the model holds: k models' weights added up where their mean was meant (a
 * federated average that sums the clients). Read at a model's first calls, for models of up to a
 * million values; the weights set are untouched.
 */
const SUMMED_CALLS = 64;
/** tf.addN's results, with how many tensors each added. */
const addedUp = new WeakMap<object, number>();
const summedCalls = new WeakMap<object, number>();
let weightsSummedSent = false;

function l2Norm(t: any): number {
  const v = t.dataSync() as ArrayLike<number>;
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  return Math.sqrt(s);
}

function noteWeightsSummed(model: any, given: unknown): void {
  const entry = lastStepEntry;
  if (!entry || !Array.isArray(given) || given.length === 0) return;
  const k = addedUp.get(given[0]);
  if (k === undefined || k < 2 || given.some((t) => addedUp.get(t) !== k || !isReadable(t))) return;
  const calls = (summedCalls.get(model) ?? 0) + 1;
  summedCalls.set(model, calls);
  if (calls > SUMMED_CALLS || given.reduce((a: number, t: any) => a + t.size, 0) > WEIGHTS_READ) return;
  const live = safe(() => model.getWeights() as any[], null);
  if (!live || live.length !== given.length) return;
  let compared = 0;
  for (let i = 0; i < given.length; i++) {
    if (!isReadable(live[i]) || live[i].size !== given[i].size) return;
    const held = l2Norm(live[i]);
    // Weights still at 0 (fresh biases) have no scale to compare.
    if (held <= 1e-6) continue;
    if (Math.abs(l2Norm(given[i]) / held / k - 1) > 0.25) return;
    compared++;
  }
  if (compared === 0) return;
  weightsSummedSent = true;
  emit({ type: 'weightsSummed', modelId: entry.id, site: captureUserSite(PROBE_FILE), factor: k } satisfies WeightsSummedEvent);
}

/**
 * setWeights while fit trains (a pruning callback) that zeroes weights all larger in magnitude than
 * every one it keeps: the mask of a magnitude pruning inverted (`abs(w) <= threshold` kept). Read for
 * weights of up to a million values; the weights set are untouched.
 */
let prunedLargestSent = false;
/** setWeights calls during training read for a pruning step, at most: a callback restoring weights every epoch pays no more. */
const PRUNE_CALLS = 64;
let pruneCallsRead = 0;
/** Fewer zeroed than this share of a weight is no pruning step. */
const PRUNED_SHARE = 0.05;

function notePrunedLargest(entry: TracedModel, layer: any, given: unknown): void {
  if (!Array.isArray(given) || given.length === 0 || ++pruneCallsRead > PRUNE_CALLS) return;
  const live = safe(() => layer.getWeights() as any[], null);
  if (!live || live.length !== given.length) return;
  for (let i = 0; i < given.length; i++) {
    const g = given[i];
    const w = live[i];
    if (!isReadable(g) || !isReadable(w) || g.size !== w.size || g.size < 16 || g.size > WEIGHTS_READ) continue;
    const gv = g.dataSync() as ArrayLike<number>;
    const wv = w.dataSync() as ArrayLike<number>;
    let zeroed = 0;
    let smallestZeroed = Infinity;
    let largestKept = 0;
    for (let j = 0; j < gv.length; j++) {
      const a = Math.abs(wv[j]!);
      if (gv[j] === 0 && wv[j] !== 0) {
        zeroed++;
        if (a < smallestZeroed) smallestZeroed = a;
      } else if (gv[j] !== 0 && a > largestKept) largestKept = a;
    }
    if (zeroed < PRUNED_SHARE * gv.length || largestKept === 0 || smallestZeroed < largestKept) continue;
    prunedLargestSent = true;
    emit({ type: 'prunedLargest', modelId: entry.id, site: captureUserSite(PROBE_FILE), zeroed, of: gv.length } satisfies PrunedLargestEvent);
    return;
  }
}

/**
 * getWeights called by the script while fit trains its model (a callback keeping the best epoch's
 * weights): the array, with the line and the steps taken by then. tfjs returns the model's own
 * weight tensors, not copies, so an array kept so changes with every later step.
 */
const keptWeights = new WeakMap<object, { site: SourceSite | null; steps: number; entry: TracedModel }>();
/** The model each fit trained last, by model: what a setWeights after training restores. */
const lastFitOf = new WeakMap<object, TracedModel>();
const restoreSent = new WeakSet<TracedModel>();
const keepingSent = new WeakSet<TracedModel>();
/** The first weight's print each time the script's getWeights ran during fit, with the epoch: what a later setWeights puts back. */
const keptPrints = new WeakMap<TracedModel, Array<{ epoch: number; print: number[] }>>();
const KEPT_PRINTS = 512;

function watchWeightsKept(protos: any[]): void {
  for (const proto of protos) {
    const getWeights = proto?.getWeights;
    if (typeof getWeights !== 'function' || getWeights[MARK] || !Object.prototype.hasOwnProperty.call(proto, 'getWeights')) continue;
    const wrapped = function (this: any, ...args: any[]) {
      const out = getWeights.apply(this, args);
      const fit = activeFit;
      const model = fit?.traced.model;
      if (fit && model && (this === model || this === model.model) && Array.isArray(out) && !keptWeights.has(out)) {
        const site = captureUserSite(PROBE_FILE);
        keptWeights.set(out, { site, steps: fit.traced.steps, entry: fit.traced });
        let prints = keptPrints.get(fit.traced);
        if (!prints) keptPrints.set(fit.traced, (prints = []));
        const print = prints.length < KEPT_PRINTS ? weightPrint(out[0]) : null;
        if (print) prints.push({ epoch: fit.epoch, print });
        if (!keepingSent.has(fit.traced)) {
          keepingSent.add(fit.traced);
          emit({ type: 'weightsKept', modelId: fit.traced.id, site } satisfies WeightsKeptEvent);
        }
      }
      return out;
    };
    (wrapped as any)[MARK] = true;
    trySet(proto, 'getWeights', wrapped);
  }
}

/**
 * setWeights on a model after its fit ended. Given the array getWeights returned during training,
 * holding the model's own tensors, it restores nothing: the weights kept are the last step's
 * (`weightsKeptLive`). Given other values, the script replaced the trained weights (the best
 * epoch's, kept as copies): what training showed of later epochs no longer describes the model
 * (`weightsRestored`). Once per model.
 */
function noteRestoreAfterFit(model: any, given: unknown): void {
  const entry = lastFitOf.get(model);
  if (!entry || restoreSent.has(entry) || !Array.isArray(given) || given.length === 0) return;
  const live = safe(() => model.getWeights() as any[], null);
  if (!live || live.length !== given.length) return;
  const kept = keptWeights.get(given);
  restoreSent.add(entry);
  if (given.every((t, i) => t === live[i])) {
    if (kept && kept.steps < entry.steps) emit({ type: 'weightsKeptLive', modelId: entry.id, keptAt: kept.site, restoreAt: captureUserSite(PROBE_FILE), stepsSince: entry.steps - kept.steps } satisfies WeightsKeptLiveEvent);
    return;
  }
  const print = weightPrint(given[0]);
  if (samePrint(print, weightPrint(live[0])) === false) {
    const restoresStart = samePrint(print, fitStartWeights.get(entry)) === true;
    emit({ type: 'weightsRestored', modelId: entry.id, site: captureUserSite(PROBE_FILE), ...(restoresStart ? { restoresStart } : {}) } satisfies WeightsRestoredEvent);
  }
}

let copiedToSelfSent = false;

/** setWeights given the model's own weights (its getWeights) once training ran: a copy that changes nothing. */
function noteCopiedToSelf(model: any, weights: any): void {
  const entry = lastStepEntry;
  if (!entry || !Array.isArray(weights) || weights.length === 0) return;
  const own: any[] = model.weights ?? [];
  if (own.length !== weights.length || !own.every((w: any, i: number) => w?.val !== undefined && w.val === weights[i])) return;
  copiedToSelfSent = true;
  emit({ type: 'weightsCopiedToSelf', modelId: entry.id, site: captureUserSite(PROBE_FILE) } satisfies WeightsCopiedToSelfEvent);
}

/**
 * setWeights on the model fit is training (a callback restoring saved weights), noted with the
 * user's line and the epoch. Sequential's setWeights calls its inner model's: the outer call is the
 * one reported.
 */
function watchWeightsSet(protos: any[]): void {
  for (const proto of protos) {
    const setWeights = proto?.setWeights;
    if (typeof setWeights !== 'function' || setWeights[MARK] || !Object.prototype.hasOwnProperty.call(proto, 'setWeights')) continue;
    const wrapped = function (this: any, ...args: any[]) {
      const fit = activeFit;
      const model = fit?.traced.model;
      if (!fit && !settingWeights) safe(() => noteRestoreAfterFit(this, args[0]), undefined);
      if (!fit && !settingWeights && !weightsAveragedSent) safe(() => noteWeightsAveraged(this, args[0]), undefined);
      if (!fit && !settingWeights && !weightsSummedSent) safe(() => noteWeightsSummed(this, args[0]), undefined);
      if (!settingWeights && !copiedToSelfSent) safe(() => noteCopiedToSelf(this, args[0]), undefined);
      if (fit && !settingWeights && !prunedLargestSent) safe(() => notePrunedLargest(fit.traced, this, args[0]), undefined);
      if (fit && !settingWeights && model && (this === model || this === model.model)) {
        const sent = weightsSetReports.get(fit.traced) ?? 0;
        if (sent < WEIGHTS_SET_REPORTS) {
          weightsSetReports.set(fit.traced, sent + 1);
          const print = Array.isArray(args[0]) ? weightPrint(args[0][0]) : null;
          const restoresStart = samePrint(print, fitStartWeights.get(fit.traced));
          const kept = print ? (keptPrints.get(fit.traced) ?? []).filter((k) => samePrint(print, k.print)).at(-1) : undefined;
          emit({ type: 'weightsSet', modelId: fit.traced.id, site: captureUserSite(PROBE_FILE), epoch: fit.epoch, iter: fit.traced.steps, restoresStart, ...(kept ? { restoresEpoch: kept.epoch } : {}) } satisfies WeightsSetEvent);
        }
      }
      const outer = settingWeights;
      settingWeights = true;
      try {
        return setWeights.apply(this, args);
      } finally {
        settingWeights = outer;
      }
    };
    (wrapped as any)[MARK] = true;
    trySet(proto, 'setWeights', wrapped);
  }
}

/**
 * `layer.trainable = false` (or `model.trainable = false`, which freezes every layer) is recorded
 * with the user's line, so a model left with nothing to train can be pointed at that line.
 */
function watchTrainable(baseLayer: any, modelProto: any): void {
  const protos: any[] = [];
  for (let p = modelProto; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    if (Object.getOwnPropertyDescriptor(p, 'trainable')?.set) protos.push(p);
    if (p === baseLayer) break;
  }
  for (const proto of protos) {
    const d = Object.getOwnPropertyDescriptor(proto, 'trainable')!;
    const set = d.set!;
    Object.defineProperty(proto, 'trainable', {
      ...d,
      set(this: any, value: unknown) {
        const site = captureUserSite(PROBE_FILE);
        if (value === false) frozenSites.set(this, site);
        lastTrainableSet = site;
        set.call(this, value);
      },
    });
  }
}

function findBaseLayerPrototype(layers: any): any {
  // tf.layers.Layer is the base class; walk up from LayersModel if it is not exported.
  if (layers.layers?.Layer?.prototype) return layers.layers.Layer.prototype;
  let proto = layers.LayersModel.prototype;
  while (Object.getPrototypeOf(proto) && Object.getPrototypeOf(proto) !== Object.prototype) {
    const parent = Object.getPrototypeOf(proto);
    if (typeof parent.apply === 'function' && typeof parent.computeOutputShape === 'function') proto = parent;
    else break;
  }
  return proto;
}

const compileInfo = new WeakMap<object, { site: SourceSite | null; args: any }>();

// ---------------------------------------------------------------------------------------------
// Models under training

interface TracedModel {
  id: number;
  model: any | null;
  mode: ModelEvent['mode'];
  layers: any[];
  /** tf.Variable name -> [layer index, weight index]. */
  variableOwners: Map<string, [number, number]>;
  steps: number;
  /** The last fit (or fitDataset) call that trained it. */
  fitSite?: SourceSite | null;
  dataSent: boolean;
  /** fitDataset's `.take()` cut was sent. */
  takeSent?: boolean;
  /** A custom loop's targets were sent (from the labels of its first loss call). */
  targetsSent: boolean;
  /** A custom loop's first input rows and target rows, kept until both are known (for the shuffle check). */
  /** Undefined until that side is seen; null when it could not be read. */
  firstRows?: { x?: Head | null; y?: Head | null };
  lastEvent: ModelEvent | null;
  /** Set once the model's first steps took a square root: its inputs are then read at every step. */
  sqrtWatch?: SqrtWatch;
  /** A custom loop moved on to training another model: this one is never chosen again for steps that name no variables. */
  superseded?: boolean;
}

const traced = new Map<object, TracedModel>();
let nextModelId = 0;

/**
 * Models whose fit was called and whose training has not begun: fit returns a promise at its first
 * internal await, before any callback runs. A model evaluated, asked to predict or saved in that
 * window is used by the script's own code after a fit it did not wait for (a missing `await`), so
 * it is scored or saved untrained while training goes on in the background.
 */
const fitsNotBegun = new WeakMap<object, { entry: TracedModel; site: SourceSite | null }>();
const usedBeforeTrainingSent = new WeakSet<object>();
const USES_BEFORE_TRAINING = ['evaluate', 'evaluateDataset', 'predict', 'predictOnBatch', 'save'];

let usedUntrainedSent = false;

/** The layers' classes and output shapes: models built by one function share it. */
function layersSignature(model: any): string {
  return modelLayers(model)
    .map((l) => `${l.getClassName?.()}:${JSON.stringify(l.outputShape ?? null)}`)
    .join('|');
}

/**
 * A model never trained, used while another of the same layers, made after it, was: the script
 * trained a fresh copy in its place. tfjs numbers layers and models as it makes them (`id`). The
 * model a Sequential keeps inside (its `model`) is the Sequential's own, never a twin.
 */
function trainedTwinOf(model: any): { id: number; fitSite: SourceSite | null } | null {
  if (!model || typeof model.id !== 'number' || (traced.get(model)?.steps ?? 0) > 0) return null;
  let signature: string | null = null;
  for (const entry of traced.values()) {
    const other = entry.model;
    if (!other || other === model || other.model === model || entry.steps === 0 || typeof other.id !== 'number' || other.id < model.id) continue;
    signature ??= layersSignature(model);
    if (signature && layersSignature(other) === signature) return { id: entry.id, fitSite: entry.fitSite ?? null };
  }
  return null;
}

/**
 * A trained model's predicted probabilities (sigmoid or softmax outputs), for the thresholds the
 * script compares them with: `pred.greater(0)`, a threshold for logits, is true for every
 * probability, so every pseudo-label or decision comes out the same.
 */
const predictedProbabilities = new WeakMap<object, { modelId: number; activation: string }>();
let thresholdWatch = false;
const thresholdSent = new Set<number>();
/** Comparisons with a threshold, and whether the probability stands on the left of them. */
const THRESHOLD_KERNELS: Record<string, true> = { Greater: true, GreaterEqual: true, Less: true, LessEqual: true };

function notePredictedProbabilities(model: any, out: any): void {
  const entry = traced.get(model);
  if (!entry || entry.steps === 0 || !isTensor(out)) return;
  const activation = (activationName(modelLayers(model).at(-1)) ?? '').toLowerCase();
  if (activation !== 'sigmoid' && activation !== 'softmax') return;
  predictedProbabilities.set(out, { modelId: entry.id, activation });
  thresholdWatch = true;
}

/**
 * A binary kernel's operands when one is a tensor `known` recognises and the other a readable
 * scalar: what `known` says of the first, whether it is the kernel's first operand, and the scalar.
 */
function knownAgainstScalar<T>(inputs: any, known: (t: any) => T | undefined): { found: T; first: boolean; scalar: number } | null {
  const left = known(inputs?.a);
  const found = left ?? known(inputs?.b);
  const other = left !== undefined ? inputs?.b : inputs?.a;
  if (found === undefined || !isReadable(other) || other.size !== 1) return null;
  return { found, first: left !== undefined, scalar: (other.dataSync() as ArrayLike<number>)[0]! };
}

function noteThreshold(kernel: string, inputs: any): void {
  const compared = knownAgainstScalar(inputs, (t) => predictedProbabilities.get(t));
  if (!compared || thresholdSent.has(compared.found.modelId)) return;
  const { found: made, first, scalar: threshold } = compared;
  // Probabilities lie in [0, 1]: a threshold at or outside those bounds gives one answer for all.
  if (!(threshold <= 0 || threshold >= 1)) return;
  thresholdSent.add(made.modelId);
  emit({ type: 'thresholdOutsideOutputs', modelId: made.modelId, activation: made.activation, threshold, kernel, probabilityFirst: first, site: captureUserSite(PROBE_FILE) } satisfies ThresholdOutsideOutputsEvent);
}

/**
 * The script's own tf.randomUniform draws and their range, for the thresholds it compares them
 * with: a mask `tf.randomUniform(shape).greaterEqual(50)` (a dropout rate written in percent) is
 * false everywhere. tfjs's own dropout draws inside the library and is not seen here.
 */
const uniformDraws = new WeakMap<object, [number, number]>();
let drawWatch = false;
let drawComparedSent = false;

function watchUniformDraws(core: any): void {
  const original = core.randomUniform;
  if (typeof original !== 'function' || original[MARK]) return;
  const wrapped = function (this: unknown, ...args: any[]) {
    safe(() => checkSeed('randomUniform', args, wrapped), undefined);
    const out = original.apply(this, args);
    if (!drawComparedSent && isTensor(out)) {
      const low = typeof args[1] === 'number' ? args[1] : 0;
      const high = typeof args[2] === 'number' ? args[2] : 1;
      if (low < high) {
        uniformDraws.set(out, [low, high]);
        drawWatch = true;
      }
    }
    return out;
  };
  Object.defineProperty(wrapped, 'name', { value: original.name || 'randomUniform' });
  (wrapped as any)[MARK] = true;
  trySet(core, 'randomUniform', wrapped);
}

function noteDrawCompared(kernel: string, inputs: any): void {
  if (drawComparedSent) return;
  const compared = knownAgainstScalar(inputs, (t) => uniformDraws.get(t));
  if (!compared) return;
  const { found: [low, high], first: drawFirst, scalar: threshold } = compared;
  // Draws lie in [low, high): `u > t` (or `t < u`) is false for all when t >= high, true for all when t < low.
  const drawAbove = kernel.startsWith('Greater') === drawFirst;
  const strict = kernel === 'Greater' || kernel === 'Less';
  let alwaysTrue: boolean;
  if (threshold >= high) alwaysTrue = !drawAbove;
  else if (threshold < low || (threshold === low && !strict && drawAbove)) alwaysTrue = drawAbove;
  else return;
  // Before any training there is no model to tell; the mask is drawn again at the steps.
  const entry = step?.entry;
  if (!entry) return;
  drawComparedSent = true;
  drawWatch = false;
  emit({ type: 'drawComparedOutside', modelId: entry.id, low, high, threshold, kernel, drawFirst, alwaysTrue, site: captureUserSite(PROBE_FILE) } satisfies DrawComparedOutsideEvent);
}

/** Per model: its optimizer's learning rate when its last fit began and when it ended. */
const fitRates = new WeakMap<object, { start: number; end: unknown; optimizer: unknown }>();
/** Per optimizer: the model whose fit used it last, with the rates that fit began and ended at. */
const optimizerFitRates = new WeakMap<object, { model: object; start: number; end: unknown }>();
/** A fit's rate this many times below the rate another model's fit of the same optimizer began at. */
const RATE_LEFT_FACTOR = 10;

/**
 * The rate this fit begins with. When the fit before it swept the rate up (a learning-rate range
 * test: the rate multiplied at every batch) and this one begins where the sweep ended, the sweep's
 * last rate, never meant to train with, is the rate training runs at.
 */
function noteRateAtFitStart(entry: TracedModel, model: any, site: SourceSite | null): number | null {
  const optimizer = model.optimizer;
  const rate = optimizer?.learningRate;
  if (typeof rate !== 'number' || !Number.isFinite(rate)) return null;
  const before = fitRates.get(model);
  if (before && before.optimizer === optimizer && before.end === rate && before.start > 0 && rate >= before.start * RATE_SWEEP_FACTOR) {
    emit({ type: 'rateLeftBySweep', modelId: entry.id, startRate: before.start, endRate: rate, site, sweepSite: rateChangeSites.get(optimizer) ?? null } satisfies RateLeftBySweepEvent);
  }
  // The optimizer another model trained with, at the rate that model's schedule left.
  const other = optimizer && typeof optimizer === 'object' ? optimizerFitRates.get(optimizer) : undefined;
  if (other && other.model !== model && other.end === rate && other.start > 0 && rate * RATE_LEFT_FACTOR <= other.start) {
    emit({ type: 'rateLeftByOtherModel', modelId: entry.id, startRate: other.start, rate, site, optimizerSite: optimizerSites.get(optimizer) ?? null, changeSite: rateChangeSites.get(optimizer) ?? null } satisfies RateLeftByOtherModelEvent);
  }
  return rate;
}

/**
 * Data tensors' values while fit's data is checked at its start: each check reads the inputs and
 * targets, and on the wasm backend every read copies them out of its memory. Null between fits.
 */
let readsAtFitStart: Map<object, ArrayLike<number>> | null = null;

function valuesOf(t: any): ArrayLike<number> {
  let values = readsAtFitStart?.get(t);
  if (!values) {
    values = t.dataSync() as ArrayLike<number>;
    readsAtFitStart?.set(t, values);
  }
  return values;
}

/** The line where a data tensor's values were made (see dataOrigin), or null. */
function originSite(t: object): SourceSite | null {
  return safe(() => dataOrigin(t, PROBE_FILE)?.site ?? null, null);
}

/** fit's inputs larger than this (elements) are not searched for a scale set by a few values. */
const SQUASH_READ_LIMIT = 4_000_000;

/** fit's inputs squashed towards 0 by a few values far above the rest (see scaleSetByFew). */
function checkInputsSquashed(entry: TracedModel, x: any, site: SourceSite | null): void {
  const found = scaleSetByFew(valuesOf(x) as Float32Array);
  if (!found) return;
  emit({ type: 'inputsSquashed', modelId: entry.id, ...found, madeAt: originSite(x), site } satisfies InputsSquashedEvent);
}

/** A numeric target column holding a code for "unknown" among its values (see sentinelTarget). */
function checkTargetSentinel(entry: TracedModel, y: any, site: SourceSite | null): void {
  const found = sentinelTarget(valuesOf(y) as Float32Array);
  if (!found) return;
  emit({ type: 'targetSentinel', modelId: entry.id, ...found, madeAt: originSite(y), site } satisfies TargetSentinelEvent);
}

/** fit's targets held in its inputs (see target-leak.ts): where the inputs, or the targets of a sequence, were made from arrays. */
function checkTargetInInputs(entry: TracedModel, x: any, y: any, site: SourceSite | null): void {
  const found = targetInInputs(x, y, valuesOf);
  if (!found) return;
  const madeAt = madeFromArray(found.step ? y : x, PROBE_FILE);
  emit({ type: 'targetInInputs', modelId: entry.id, ...found, madeAt, site } satisfies TargetInInputsEvent);
}

/**
 * The class of each fit call's targets, while every call of the model so far was given targets of
 * one class: a loop that fits once per class (each call undoing the last) shows from its second
 * call. Null once a call had several classes, or targets too large to read.
 */
const fitClassCalls = new WeakMap<TracedModel, { calls: number } | null>();
const FIT_CLASS_CALLS = 8;
/** How many fit calls of a one-class streak are read to see whether later calls bring the other classes. */
const FIT_CLASS_WATCH_CALLS = 200;

function noteFitClass(entry: TracedModel, y: any): void {
  const seen = fitClassCalls.get(entry);
  if (seen === null) return;
  const s = seen ?? { calls: 0 };
  s.calls++;
  const t = tensorsOf(y);
  const classes = t.length === 1 && isReadable(t[0]) && t[0].size <= STEP_LABELS_READ_LIMIT ? rowClasses(t[0].dataSync() as ArrayLike<number>, t[0].shape) : null;
  const only = classes && classes.length > 0 && classes.every((c) => c === classes[0]) ? classes[0]! : null;
  if (only === null || s.calls > FIT_CLASS_WATCH_CALLS) {
    fitClassCalls.set(entry, null);
    // The earlier calls' single class is not all the model was taught: the later ones widen it.
    if (classes && classes.length > 0 && s.calls >= 2) emit({ type: 'fitClassesAdded', modelId: entry.id, call: s.calls, classes: [...new Set(classes)].sort((a, b) => a - b).slice(0, 256) } satisfies FitClassesAddedEvent);
    return;
  }
  fitClassCalls.set(entry, s);
  if (s.calls >= 2 && s.calls <= FIT_CLASS_CALLS) emit({ type: 'fitOneClass', modelId: entry.id, call: s.calls, cls: only } satisfies FitOneClassEvent);
}

/** The most image values read to compare the training and validation images' channels. */
const CHANNEL_READ = 1 << 22;

/** Each class's mean of every channel of [rows, height, width, channels] images, classes from one-hot rows or ids. */
function classChannelMeans(x: any, y: any): Map<number, number[]> | null {
  if (!isReadable(x) || !isReadable(y) || x.rank !== 4 || x.size > CHANNEL_READ) return null;
  const [rows, h, w, c] = x.shape as number[];
  if (!(c === 3 || c === 4) || y.shape[0] !== rows) return null;
  const classes = rowClasses(y.dataSync() as ArrayLike<number>, y.shape);
  if (!classes || classes.length !== rows) return null;
  const v = x.dataSync() as ArrayLike<number>;
  const sums = new Map<number, { n: number; s: number[] }>();
  const per = h! * w!;
  for (let i = 0; i < rows!; i++) {
    const k = classes[i]!;
    let acc = sums.get(k);
    if (!acc) sums.set(k, (acc = { n: 0, s: new Array(c).fill(0) }));
    const base = i * per * c;
    for (let p = 0; p < per; p++) for (let ch = 0; ch < c; ch++) acc.s[ch] += v[base + p * c + ch]!;
    acc.n += per;
  }
  return new Map([...sums].map(([k, a]) => [k, a.s.map((x) => x / a.n)]));
}

function permutations(n: number): number[][] {
  if (n === 1) return [[0]];
  return permutations(n - 1).flatMap((p) => Array.from({ length: n }, (_, i) => [...p.slice(0, i), n - 1, ...p.slice(i)]));
}

/**
 * fit's validation images against its training images: when each class's channel means match
 * only with the channels permuted (and far better than as they are), one loader wrote the channels
 * in another order. Sent once.
 */
function checkChannelOrder(entry: TracedModel, x: any, y: any, xVal: any, yVal: any, site: SourceSite | null): void {
  const train = classChannelMeans(x, y);
  const val = classChannelMeans(xVal, yVal);
  if (!train || !val) return;
  const shared = [...train.keys()].filter((k) => val.has(k));
  if (shared.length < 2) return;
  const c = train.get(shared[0]!)!.length;
  const error = (order: number[]) => shared.reduce((sum, k) => sum + order.reduce((s, from, ch) => s + Math.abs(val.get(k)![from]! - train.get(k)![ch]!), 0), 0);
  const identity = Array.from({ length: c }, (_, i) => i);
  const asIs = error(identity);
  let best = identity;
  let bestError = asIs;
  for (const order of permutations(c)) {
    const e = error(order);
    if (e < bestError) [best, bestError] = [order, e];
  }
  // The spread of the channel means: a difference well within it is noise.
  const all = shared.flatMap((k) => train.get(k)!);
  const spread = Math.max(...all) - Math.min(...all);
  if (best === identity || !(spread > 0) || asIs < 5 * bestError || asIs < 0.1 * spread * shared.length) return;
  emit({ type: 'channelsPermuted', modelId: entry.id, order: best, site, madeAt: originSite(xVal) } satisfies ChannelsPermutedEvent);
}

/**
 * Token ids of the first fit calls: the same counts on other ids from one call to the next (the
 * same texts, numbered anew) is a vocabulary rebuilt between them. Read for the first few calls of
 * int32 [rows, steps] inputs; sent once.
 */
const fitIds = new WeakMap<TracedModel, { calls: number; counts: Map<number, number> } | null>();
const FIT_IDS_CALLS = 4;
const FIT_IDS_READ = 1 << 20;
/** The share of ids whose count must change for the numbering to count as new. */
const RENUMBERED_SHARE = 0.25;

function noteFitIds(entry: TracedModel, x: any, site: SourceSite | null): void {
  const seen = fitIds.get(entry);
  if (seen === null) return;
  const t = tensorsOf(x);
  const ids = t.length === 1 ? t[0] : null;
  if (!isReadable(ids) || ids.dtype !== 'int32' || ids.rank !== 2 || ids.size > FIT_IDS_READ || (seen?.calls ?? 0) >= FIT_IDS_CALLS) {
    fitIds.set(entry, null);
    return;
  }
  const values = ids.dataSync() as ArrayLike<number>;
  const counts = new Map<number, number>();
  for (let i = 0; i < values.length; i++) if (values[i] !== 0) counts.set(values[i]!, (counts.get(values[i]!) ?? 0) + 1);
  const calls = (seen?.calls ?? 0) + 1;
  fitIds.set(entry, { calls, counts });
  if (!seen || counts.size < 8 || counts.size !== seen.counts.size) return;
  const sorted = (m: Map<number, number>) => [...m.values()].sort((a, b) => a - b);
  const a = sorted(seen.counts);
  const b = sorted(counts);
  if (a.some((v, i) => v !== b[i])) return;
  let changed = 0;
  for (const [id, n] of counts) if (seen.counts.get(id) !== n) changed++;
  const share = changed / counts.size;
  if (share < RENUMBERED_SHARE) return;
  fitIds.set(entry, null);
  emit({ type: 'idsRenumbered', modelId: entry.id, call: calls, changed: share, site, madeAt: originSite(ids) } satisfies IdsRenumberedEvent);
}

/** A model's first fit: its data described for the engine, and checked for what only its values show. */
function checkDataAtFirstFit(entry: TracedModel, data: { x: any; y: any }, args: any, site: SourceSite | null): void {
  entry.dataSent = true;
  sendData(entry, 'x', data.x, site);
  sendData(entry, 'y', data.y, site, data.x);
  if (Array.isArray(args?.validationData)) {
    sendData(entry, 'xVal', args.validationData[0], site);
    sendData(entry, 'yVal', args.validationData[1], site);
    safe(() => checkChannelOrder(entry, data.x, data.y, args.validationData[0], args.validationData[1], site), undefined);
  }
  checkShuffledApart(entry, () => [headOf(tensorsOf(data.x)[0]), headOf(tensorsOf(data.y)[0])]);
  if (isTensor(data.x) && isTensor(data.y)) safe(() => checkTargetInInputs(entry, data.x, data.y, site), undefined);
  if (isReadable(data.x) && data.x.dtype === 'float32' && data.x.size <= SQUASH_READ_LIMIT) safe(() => checkInputsSquashed(entry, data.x, site), undefined);
  if (isReadable(data.y) && data.y.dtype === 'float32' && data.y.size === data.y.shape[0] && data.y.size <= SQUASH_READ_LIMIT) safe(() => checkTargetSentinel(entry, data.y, site), undefined);
  if (data.x === data.y) safe(() => checkNoisyTargets(entry, data.x, site), undefined);
  if (isReadable(data.x) && isReadable(data.y) && data.x.rank === 4 && data.y.rank === 4 && data.x.size <= MASK_READ_LIMIT) safe(() => checkMasksAligned(entry, data.x, data.y, site), undefined);
  // A tagger's shapes: [n, steps] ids and per-step tags ([n, steps, k], or [n, steps] ids), read only then.
  const tagShaped = isReadable(data.x) && isReadable(data.y) && data.x.rank === 2 && data.y.shape[0] === data.x.shape[0] && data.y.shape[1] === data.x.shape[1] && (data.y.rank === 3 || (data.y.rank === 2 && data.x.dtype === 'int32' && data.x !== data.y));
  if (tagShaped && data.y.size <= MASK_READ_LIMIT) safe(() => checkTagsAligned(entry, data.x, data.y, site), undefined);
}

/** Tag sequences padded at the other end from their token ids (see mask-alignment.ts). */
function checkTagsAligned(entry: TracedModel, x: any, y: any, site: SourceSite | null): void {
  const found = misalignedTags(valuesOf(x), x.shape, valuesOf(y), y.shape);
  if (!found) {
    const reversed = reversedTags(valuesOf(x), x.shape, valuesOf(y), y.shape);
    if (reversed) emit({ type: 'tagsReversed', modelId: entry.id, ...reversed, idsSite: originSite(x), tagsSite: originSite(y), fitSite: site } satisfies TagsReversedEvent);
    return;
  }
  emit({ type: 'tagsMisaligned', modelId: entry.id, ...found, site: originSite(y) ?? site, idsSite: originSite(x), fitSite: site } satisfies TagsMisalignedEvent);
}

/** Images larger than this (elements) are not compared with their masks. */
const MASK_READ_LIMIT = 4_000_000;

/** Segmentation masks that match their images better mirrored or shifted (see mask-alignment.ts). */
function checkMasksAligned(entry: TracedModel, x: any, y: any, site: SourceSite | null): void {
  const found = misalignedMasks(valuesOf(x), x.shape, valuesOf(y), y.shape);
  if (!found) return;
  emit({ type: 'masksMisaligned', modelId: entry.id, ...found, site: originSite(y) ?? site, fitSite: site } satisfies MasksMisalignedEvent);
}

/** Each model's training rows (see data-reuse.ts), and each data tensor read once for it. */
const trainedRows = new WeakMap<object, TrainedRows>();
const rowsRead = new WeakMap<object, RowsRead | null>();
const reuseSent = new WeakSet<object>();
const offScaleSent = new WeakSet<object>();
const driftSent = new WeakSet<object>();

/** A data tensor's rows, read once; `fingerprinted` false when only its column scales are wanted (predict). */
function rowsOf(tensor: any, fingerprinted = true): RowsRead | null {
  if (!isTensor(tensor)) return null;
  const known = rowsRead.get(tensor);
  if (known !== undefined && (known === null || !fingerprinted || known.fingerprints.length === known.rows)) return known;
  const read = safe(() => readRows(tensor, valuesOf, fingerprinted), null);
  rowsRead.set(tensor, read);
  return read;
}

/** fit is about to train `model` on `x`; validation data it is given is checked against earlier fits' rows. */
function noteTrainingRows(entry: TracedModel, model: any, x: any, args: any, site: SourceSite | null): void {
  const read = rowsOf(x);
  if (!read) return;
  let memory = trainedRows.get(model);
  if (!memory) trainedRows.set(model, (memory = new TrainedRows()));
  // A later fit of the same model on inputs of another scale than its first: the inputs were scaled again.
  const off = offScaleSent.has(model) ? null : memory.offScale(read);
  if (off) {
    offScaleSent.add(model);
    emit({ type: 'inputsOffScale', modelId: entry.id, call: 'fit', site: originSite(x) ?? site, fitSite: site, ...off } satisfies InputsOffScaleEvent);
  }
  memory.trainOn(read);
  const drift = driftSent.has(model) ? null : memory.drift();
  if (drift) {
    driftSent.add(model);
    emit({ type: 'inputsDrift', modelId: entry.id, site: originSite(x) ?? site, fitSite: site, ...drift } satisfies InputsDriftEvent);
  }
  const validation = Array.isArray(args?.validationData) ? rowsOf(args.validationData[0]) : null;
  const reused = validation ? memory.reusedRows(validation) : null;
  if (reused && !reuseSent.has(model)) {
    reuseSent.add(model);
    emit({ type: 'scoredOnTrainedRows', modelId: entry.id, call: 'validationData', site, fitSite: site, ...reused } satisfies ScoredOnTrainedRowsEvent);
  }
}

/**
 * The frame of the scaling that runs in the same function as the scoring call: past a scaling
 * helper's own frame, to where the helper is given the rows. Frames innermost first; the outer
 * frames both stacks share are dropped.
 */
function scaledBeside(made: SourceSite[], scoring: SourceSite[]): SourceSite | null {
  const same = (a: SourceSite, b: SourceSite) => a.file === b.file && a.line === b.line && a.column === b.column;
  let m = made.length;
  let s = scoring.length;
  while (m > 0 && s > 0 && same(made[m - 1]!, scoring[s - 1]!)) [m, s] = [m - 1, s - 1];
  return made[Math.max(0, m - Math.max(1, s))] ?? null;
}

/** A trained model evaluated or asked to predict: on rows earlier fits trained on, or on inputs off its training scale. */
function checkScoredRows(model: any, method: string, inputs: any): void {
  const memory = trainedRows.get(model);
  const entry = traced.get(model);
  if (!entry || entry.steps === 0) return;
  // A custom loop has no fit's rows to compare with, only its batches.
  const wantsBatch = arrayBatches.has(entry) && !arrayBatchDone.has(entry);
  if (!memory && !wantsBatch) return;
  const wantsReuse = !!memory && method === 'evaluate' && !reuseSent.has(model);
  if (!wantsReuse && !wantsBatch && offScaleSent.has(model)) return;
  const read = rowsOf(inputs, wantsReuse || wantsBatch);
  if (!read) return;
  if (wantsBatch) checkArrayBatchScored(entry, method, read);
  if (!memory) return;
  const reused = wantsReuse ? memory.reusedRows(read) : null;
  if (reused) {
    reuseSent.add(model);
    emit({ type: 'scoredOnTrainedRows', modelId: entry.id, call: 'evaluate', site: captureUserSite(PROBE_FILE), fitSite: entry.fitSite ?? null, ...reused } satisfies ScoredOnTrainedRowsEvent);
  }
  const off = offScaleSent.has(model) ? null : memory.offScale(read);
  if (off) {
    offScaleSent.add(model);
    emit({ type: 'inputsOffScale', modelId: entry.id, call: method, site: captureUserSite(PROBE_FILE), fitSite: entry.fitSite ?? null, ...off } satisfies InputsOffScaleEvent);
  }
  // One of the two, once: an off-scale finding above marks the model as told.
  const apart = offScaleSent.has(model) ? null : memory.scaledApart(read);
  if (apart) {
    offScaleSent.add(model);
    const scoring = userSitesFromStack(captureStack().stack, PROBE_FILE, 8);
    emit({ type: 'scaledApart', modelId: entry.id, call: method, site: scaledBeside(safe(() => madeAtSites(inputs, PROBE_FILE, 8), [] as SourceSite[]), scoring), scoredAt: scoring[0] ?? null, ...apart } satisfies ScaledApartEvent);
  }
}

const evaluatedSent = new WeakSet<object>();

/** A trained model's first evaluate: its loss and metrics, read from the scalars it returns (the script reads them too). */
function noteEvaluated(model: any, out: any, inputs: any, targets: any): void {
  const entry = traced.get(model);
  if (!entry || entry.steps === 0 || evaluatedSent.has(model)) return;
  const scalars: any[] = Array.isArray(out) ? out : [out];
  const names: unknown = model.metricsNames;
  if (!Array.isArray(names) || names.length !== scalars.length || scalars.length > 16) return;
  if (!scalars.every((t) => t && typeof t.dataSync === 'function' && t.size === 1 && !t.isDisposed)) return;
  evaluatedSent.add(model);
  const values = scalars.map((t) => Number(t.dataSync()[0]));
  const rows = Array.isArray(inputs?.shape) && Number.isInteger(inputs.shape[0]) ? (inputs.shape[0] as number) : null;
  const targetClasses = safe(() => classCounts(targets), null);
  emit({ type: 'evaluated', modelId: entry.id, site: captureUserSite(PROBE_FILE), names: names.map((n) => String(n).slice(0, 64)), values: values.map((v) => (Number.isFinite(v) ? v : null)), rows, ...(targetClasses ? { targetClasses } : {}) } satisfies EvaluatedEvent);
}

/** Rows per class of class targets: one-hot rows (by their 1) or class ids ([n] or [n, 1] integers); null for anything else. */
function classCounts(targets: any): Array<{ cls: number; rows: number }> | null {
  if (!isTensor(targets) || !isReadable(targets) || targets.size > 2_000_000) return null;
  const shape = targets.shape as number[];
  const values = targets.dataSync() as ArrayLike<number>;
  const counts = new Map<number, number>();
  if (shape.length === 2 && shape[1]! > 1) {
    const k = shape[1]!;
    for (let r = 0; r < shape[0]!; r++) {
      let one = -1;
      for (let c = 0; c < k; c++) {
        const v = values[r * k + c]!;
        if (v === 1 && one < 0) one = c;
        else if (v !== 0) return null;
      }
      if (one >= 0) counts.set(one, (counts.get(one) ?? 0) + 1);
    }
  } else if (shape.length === 1 || (shape.length === 2 && shape[1] === 1)) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (!Number.isInteger(v) || v < 0) return null;
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
  } else return null;
  if (counts.size === 0 || counts.size > 256) return null;
  return [...counts].sort((a, b) => a[0] - b[0]).map(([cls, rows]) => ({ cls, rows }));
}

/**
 * A trained model of two inputs of one shape, evaluated: the same evaluation is run once more with
 * the two inputs the other way round. A loss that falls to a quarter or less says the script gave
 * them in the wrong order (`[items, users]` for a model built on `[users, items]`); nothing trains,
 * and models with stateful layers are left alone. Once per run.
 */
let inputsSwapSent = false;
let checkingSwap = false;

function noteInputsSwapped(model: any, evaluate: (...a: any[]) => any, out: any, args: any[]): void {
  const entry = traced.get(model);
  const inputs = args[0];
  if (!entry || entry.steps === 0 || !Array.isArray(inputs) || inputs.length !== 2 || !isTensor(inputs[0]) || !isTensor(inputs[1])) return;
  if ((inputs[0].shape as number[]).join('x') !== (inputs[1].shape as number[]).join('x')) return;
  if (modelLayers(model).some((l: any) => l?.stateful === true)) return;
  const first = (x: any) => (Array.isArray(x) ? x[0] : x);
  const given = first(out);
  if (!given || typeof given.dataSync !== 'function' || given.isDisposed) return;
  const loss = Number(given.dataSync()[0]);
  if (!(loss > 0) || !Number.isFinite(loss)) return;
  inputsSwapSent = true;
  checkingSwap = true;
  let swapped: any = null;
  try {
    swapped = evaluate.call(model, [inputs[1], inputs[0]], ...args.slice(1));
    const other = Number(first(swapped).dataSync()[0]);
    if (Number.isFinite(other) && other <= 0.25 * loss) {
      emit({ type: 'inputsSwapped', modelId: entry.id, site: captureUserSite(PROBE_FILE), loss, swappedLoss: other } satisfies InputsSwappedEvent);
    }
  } finally {
    checkingSwap = false;
    for (const t of Array.isArray(swapped) ? swapped : swapped ? [swapped] : []) safe(() => t.dispose(), undefined);
  }
}

function watchUseBeforeTraining(proto: any): void {
  for (const method of USES_BEFORE_TRAINING) {
    if (!Object.prototype.hasOwnProperty.call(proto, method) || typeof proto[method] !== 'function') continue;
    const original = proto[method];
    proto[method] = function (this: any, ...args: any[]) {
      const waiting = fitsNotBegun.get(this);
      if (waiting) {
        if (!usedBeforeTrainingSent.has(this)) {
          usedBeforeTrainingSent.add(this);
          safe(() => emit({ type: 'usedBeforeTraining', modelId: waiting.entry.id, call: method, site: captureUserSite(PROBE_FILE), fitSite: waiting.site } satisfies UsedBeforeTrainingEvent), undefined);
        }
      } else {
        if (method === 'evaluate' || method === 'predict') {
          safe(() => checkScoredRows(this, method, args[0]), undefined);
          if (step === null) safe(() => noteScoringBetweenSteps(this, args[0]), undefined);
        }
        const twin = usedUntrainedSent ? null : safe(() => trainedTwinOf(this), null);
        if (twin) {
          usedUntrainedSent = true;
          safe(() => emit({ type: 'usedUntrained', modelId: twin.id, call: method, site: captureUserSite(PROBE_FILE), fitSite: twin.fitSite } satisfies UsedUntrainedEvent), undefined);
        }
      }
      const out = original.apply(this, args);
      if (!waiting && method === 'predict') safe(() => notePredictedProbabilities(this, out), undefined);
      if (!waiting && method === 'predict' && step === null && !fedByUntrainedSent) safe(() => noteUntrainedOutputs(this, out), undefined);
      if (!waiting && method === 'predict' && step === null && !maxOverBatchSent && (lastStepEntry === null || lastStepEntry.steps < INSPECTED_STEPS) && isTensor(out)) predictedRows.add(out as object);
      if (!waiting && method === 'evaluate') safe(() => noteEvaluated(this, out, args[0], args[1]), undefined);
      if (!waiting && method === 'evaluate' && !inputsSwapSent && !checkingSwap) safe(() => noteInputsSwapped(this, original, out, args), undefined);
      return out;
    };
  }
}
let activeFit: { traced: TracedModel; pending: PendingStep | null; epoch: number } | null = null;

function modelLayers(model: any): any[] {
  const all: any[] = Array.isArray(model?.layers) ? model.layers : [];
  return all.filter((layer) => layer && layer.getClassName?.() !== 'InputLayer');
}

function registerModel(model: any | null, mode: ModelEvent['mode'], fitSite: SourceSite | null, fitConfig: Record<string, string | number | boolean | null>): TracedModel {
  const key = model ?? rawVariablesKey;
  let entry = traced.get(key);
  if (!entry) {
    entry = { id: nextModelId++, model, mode, layers: [], variableOwners: new Map(), steps: 0, dataSent: false, targetsSent: false, lastEvent: null };
    traced.set(key, entry);
  }
  entry.mode = mode;
  if (fitSite) entry.fitSite = fitSite;
  entry.layers = model ? modelLayers(model) : [];
  entry.variableOwners.clear();
  entry.layers.forEach((layer, index) => {
    const weights: any[] = safe(() => layer.trainableWeights, []) ?? [];
    weights.forEach((w, wi) => entry!.variableOwners.set(String(w.name), [index, wi]));
    wrapLayerCall(layer, entry!, index);
  });
  const event = describeModel(entry, fitSite, fitConfig);
  entry.lastEvent = event;
  emit(event);
  return entry;
}

const rawVariablesKey = {};

function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

function activationName(layer: any): string | null {
  // A model used as a layer (a GAN's discriminator inside the combined model) ends in its last layer's activation.
  if (Array.isArray(layer?.layers) && layer.layers.length > 0) return activationName(layer.layers[layer.layers.length - 1]);
  // A wrapper (timeDistributed, bidirectional) applies its inner layer's activation.
  if (layer?.layer && typeof layer.layer.getConfig === 'function' && layer.layer !== layer) return activationName(layer.layer);
  const cfg = safe(() => layer.getConfig(), null as any);
  if (cfg && typeof cfg.activation === 'string') return cfg.activation;
  if (cfg && cfg.activation && typeof cfg.activation === 'object' && typeof cfg.activation.className === 'string') {
    return cfg.activation.className;
  }
  return null;
}

function shapeOf(value: any): (number | null)[] | null {
  if (!Array.isArray(value)) return null;
  if (Array.isArray(value[0])) return shapeOf(value[0]);
  return value.slice(0, 16).map((d: unknown) => (typeof d === 'number' ? d : null));
}

function scalarConfig(cfg: any): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  if (!cfg || typeof cfg !== 'object') return out;
  for (const [key, value] of Object.entries(cfg)) {
    if (typeof value === 'string') out[key] = value.slice(0, 256);
    else if (typeof value === 'number' || typeof value === 'boolean') out[key] = value;
    else if (value === null) out[key] = null;
    // Per-axis settings (strides, kernelSize, poolSize): written "5,5".
    else if (Array.isArray(value) && value.length > 0 && value.length <= 4 && value.every((v) => typeof v === 'number')) out[key] = value.join(',');
    else if (value && typeof value === 'object' && typeof (value as any).className === 'string') {
      out[key] = describeSerialized(value as any).slice(0, 256);
    }
    if (Object.keys(out).length >= 40) break;
  }
  return out;
}

/** `VarianceScaling(scale=2, mode=fanIn, distribution=normal)`: initializers need their settings. */
function describeSerialized(value: { className: string; config?: Record<string, unknown> }): string {
  const settings = Object.entries(value.config ?? {})
    .filter(([, v]) => typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean')
    .map(([k, v]) => `${k}=${String(v)}`);
  return settings.length ? `${value.className}(${settings.join(', ')})` : value.className;
}

/** A layer that is also part of another model, which may train it in its own steps (a GAN's discriminator). */
function inAnotherModel(layer: any, model: any): boolean {
  for (const ref of knownContainers) {
    const other = ref.deref();
    // A Sequential and the model it wraps are one model.
    if (!other || other === model || other === model?.model || other.model === model) continue;
    if ((safe(() => other.layers, []) ?? []).includes(layer)) return true;
  }
  return false;
}

function neverWritten(layer: any): boolean {
  const all: any[] = safe(() => layer.weights, []) ?? [];
  return all.length > 0 && all.every((w) => w?.val && typeof w.val === 'object' && !writtenVariables.has(w.val));
}

function describeLayer(layer: any, index: number, modelFrozenSite: SourceSite | null, model: any): LayerInfo {
  const cfg = safe(() => layer.getConfig(), {} as any);
  const inbound: string[] = [];
  const node = safe(() => layer.inboundNodes?.[0], null as any);
  for (const l of node?.inboundLayers ?? []) {
    if (l && l.getClassName?.() !== 'InputLayer') inbound.push(String(l.name));
  }
  const weights = (safe(() => layer.trainableWeights, []) ?? []).slice(0, 64).map((w: any) => ({
    name: String(w.originalName ?? w.name).slice(0, 256),
    shape: shapeOf(w.shape),
  }));
  const units = typeof cfg.units === 'number' ? cfg.units : typeof cfg.filters === 'number' ? cfg.filters : null;
  const params = safe(() => layer.countParams(), 0);
  // A layer whose weights were all made non-trainable (a custom normalization's moving statistics) holds state, not frozen parameters.
  const stateOnly = layer.trainable !== false && (safe(() => layer._trainableWeights?.length, 0) ?? 0) === 0;
  const frozen = layer.trainable === false || (params > 0 && weights.length === 0 && !stateOnly);
  return {
    index,
    name: String(layer.name).slice(0, 256),
    className: String(safe(() => layer.getClassName(), 'Layer')).slice(0, 128),
    activation: activationName(layer),
    units,
    // tfjs layers have no inputShape property: the shape declared on a first layer, else the one its call received.
    inputShape: safe(() => shapeOf(layer.batchInputShape ?? layer.inboundNodes?.[0]?.inputShapes), null),
    outputShape: safe(() => shapeOf(layer.outputShape), null),
    params,
    // `model.trainable = false` leaves each layer's own flag alone and freezes its weights instead.
    trainable: !frozen,
    frozenSite: frozen ? frozenSites.get(layer) ?? modelFrozenSite ?? (cfg.trainable === false ? layerSites.get(layer) ?? null : null) : null,
    ...(frozen && weightWrites !== null && neverWritten(layer) && !inAnotherModel(layer, model) ? { frozenUntrained: true } : {}),
    inbound: inbound.slice(0, 64),
    weights,
    config: scalarConfig(cfg),
    site: layerSites.get(layer) ?? null,
  };
}

function lossNames(loss: unknown): string[] {
  const list = Array.isArray(loss) ? loss : loss && typeof loss === 'object' ? Object.values(loss) : [loss];
  return list
    .filter((l) => l != null)
    .slice(0, 16)
    // tfjs names its op functions `softmaxCrossEntropy__op`: the name a user wrote is the stem.
    .map((l) => (typeof l === 'function' ? String(l.name || 'custom').replace(/_+op$/, '').replace(/_+$/, '') || 'custom' : String(l)).slice(0, 128));
}

function optimizerClassName(optimizer: any): string {
  return String(safe(() => optimizer.getClassName(), optimizer.constructor?.name ?? 'Optimizer')).slice(0, 128);
}

function describeOptimizer(optimizer: any, compileSite: SourceSite | null): OptimizerInfo | null {
  if (!optimizer) return null;
  const cfg = safe(() => optimizer.getConfig(), {} as any);
  const rate = learningRateOf(optimizer);
  const lr = typeof rate === 'number' ? rate : typeof cfg.learningRate === 'number' ? cfg.learningRate : null;
  // A rate that is neither a number nor unset: a config object (`tf.train.adam({ learningRate })`).
  const given = rate === null || rate === undefined || typeof rate === 'number' ? null : typeof rate;
  const made = madeWithRates.get(optimizer);
  return {
    className: optimizerClassName(optimizer),
    learningRate: lr === null ? null : finiteOrNull(lr),
    ...(made !== undefined && made !== lr ? { madeWithRate: finiteOrNull(made) } : {}),
    ...(given ? { rateGiven: given } : {}),
    ...(ignoredOptimizerArgs.has(optimizer) ? { ignoredArgs: ignoredOptimizerArgs.get(optimizer) } : {}),
    settings: scalarConfig(cfg),
    site: optimizerSites.get(optimizer) ?? compileSite ?? null,
  };
}

function describeModel(entry: TracedModel, fitSite: SourceSite | null, fitConfig: Record<string, string | number | boolean | null>): ModelEvent {
  const model = entry.model;
  const compiled = model ? compileInfo.get(model) ?? compileInfo.get(model.model) : undefined;
  const compileArgs = compiled?.args ?? {};
  const metrics = Array.isArray(compileArgs.metrics) ? compileArgs.metrics : compileArgs.metrics ? [compileArgs.metrics] : [];
  const optimizer = model?.optimizer ?? lastOptimizer;
  const explicitOptimizerSite = optimizer ? optimizerSites.get(optimizer) : undefined;
  const modelFrozenSite = model && model.trainable === false ? frozenSites.get(model) ?? null : null;
  return {
    type: 'model',
    modelId: entry.id,
    name: model ? String(model.name).slice(0, 256) : 'variables',
    className: model ? String(safe(() => model.getClassName(), 'LayersModel')).slice(0, 128) : 'Variables',
    mode: entry.mode,
    layers: entry.layers.slice(0, 5000).map((layer, i) => describeLayer(layer, i, modelFrozenSite, model)),
    site: model ? layerSites.get(model) ?? null : null,
    compileSite: compiled?.site ?? null,
    fitSite,
    loss: lossNames(compileArgs.loss),
    metrics: metrics.slice(0, 32).map((m: unknown) => (typeof m === 'function' ? m.name || 'custom' : String(m)).slice(0, 128)),
    optimizer: describeOptimizer(optimizer, explicitOptimizerSite ? null : compiled?.site ?? null),
    fitConfig,
    backend: safe(() => String(tfCore?.getBackend?.() ?? ''), '') || null,
    ...unusedLayersOf(model),
    ...unusedInputsOf(model),
  };
}

/**
 * Inputs of a functional model that none of its layers takes: tfjs trains on without them, and
 * whatever is fed there is ignored. With each, the layers that take an input another layer takes
 * too, where the branch meant for it was likely applied.
 */
function unusedInputsOf(model: any): { unusedInputs?: UnusedInput[] } {
  if (!model || safe(() => model.getClassName(), '') === 'Sequential') return {};
  const inputs: any[] = safe(() => model.inputLayers, []) ?? [];
  if (inputs.length < 2) return {};
  const own: any[] = safe(() => model.layers, []) ?? [];
  const takersOf = (input: any) => own.filter((m) => m !== input && (safe(() => m.inboundNodes, []) ?? []).some((n: any) => (n?.inboundLayers ?? []).includes(input)));
  const found: UnusedInput[] = [];
  for (const input of inputs) {
    if (takersOf(input).length > 0) continue;
    const sharedTakers = inputs
      .filter((other) => other !== input)
      .flatMap((other) => {
        const takers = takersOf(other);
        return takers.length >= 2 ? takers.map((m) => ({ name: String(m.name).slice(0, 256), site: layerSites.get(m) ?? null, input: String(other.name).slice(0, 256) })) : [];
      });
    found.push({ name: String(input.name).slice(0, 256), site: layerSites.get(input) ?? null, sharedTakers: sharedTakers.slice(0, 8) });
    if (found.length >= 16) break;
  }
  return found.length ? { unusedInputs: found } : {};
}

/**
 * Layers of no model applied to one of this functional model's tensors that layers of the model
 * take too: the script computed a branch (an activation, say) and passed its input on instead of
 * its output. Layers only, not models; single-input calls only.
 */
function unusedLayersOf(model: any): { unusedLayers?: UnusedLayer[] } {
  if (!model || builtLayers.length === 0 || safe(() => model.getClassName(), '') === 'Sequential') return {};
  const own: any[] = safe(() => model.layers, []) ?? [];
  const inModel = new Set(own);
  const sameTensor = (node: any, k: number, from: any, nodeIndex: unknown, tensorIndex: unknown) =>
    node?.inboundLayers?.[k] === from && node.nodeIndices?.[k] === nodeIndex && node.tensorIndices?.[k] === tensorIndex;
  const found: UnusedLayer[] = [];
  for (const ref of builtLayers) {
    const layer = ref.deref();
    if (!layer || inModel.has(layer)) continue;
    const site = layerSites.get(layer);
    if (!site) continue;
    for (const node of safe(() => layer.inboundNodes, []) ?? []) {
      const from = node?.inboundLayers?.length === 1 ? node.inboundLayers[0] : null;
      if (!from || !inModel.has(from) || inAnotherModel(layer, model)) continue;
      const nodeIndex = node.nodeIndices?.[0];
      const tensorIndex = node.tensorIndices?.[0];
      const takenBy = own.filter((m) => m !== from && (safe(() => m.inboundNodes, []) ?? []).some((n: any) => (n?.inboundLayers ?? []).some((_: unknown, k: number) => sameTensor(n, k, from, nodeIndex, tensorIndex))));
      if (takenBy.length === 0) continue;
      found.push({
        name: String(layer.name).slice(0, 256),
        className: String(safe(() => layer.getClassName(), 'Layer')).slice(0, 128),
        activation: activationName(layer),
        site,
        input: from.getClassName?.() === 'InputLayer' ? 'input' : String(from.name).slice(0, 256),
        takenBy: takenBy.slice(0, 4).map((m) => ({ name: String(m.name).slice(0, 256), site: layerSites.get(m) ?? null })),
      });
      break;
    }
    if (found.length >= 16) break;
  }
  return found.length ? { unusedLayers: found } : {};
}

// ---------------------------------------------------------------------------------------------
// fit / fitDataset: inject a callback and describe the data once

/** A single output's classWeight ({ class: weight }, at most 32 classes) as JSON; null for none, or for per-output lists. */
function classWeightsText(classWeight: unknown): string | null {
  if (!classWeight || typeof classWeight !== 'object' || Array.isArray(classWeight)) return null;
  const entries = Object.entries(classWeight as Record<string, unknown>);
  if (entries.length === 0 || entries.length > 32 || !entries.every(([k, v]) => /^\d+$/.test(k) && typeof v === 'number' && Number.isFinite(v))) return null;
  const text = JSON.stringify(Object.fromEntries(entries.map(([k, v]) => [k, Number((v as number).toPrecision(4))])));
  return text.length <= 256 ? text : null;
}

function traceFit(
  model: any,
  mode: 'fit' | 'fitDataset',
  site: SourceSite | null,
  args: any,
  run: (args: any) => Promise<any>,
  data: { x: any; y: any } | null,
  batchWatch: BatchClassWatch | null = null,
  dataset: any = null,
): Promise<any> {
  if (startedAt === 0) elapsed();
  const fitConfig = scalarConfig({
    epochs: args?.epochs ?? 1,
    // tfjs trains a single epoch when it is not given: a default, not a choice.
    epochsSet: args?.epochs !== undefined && args?.epochs !== null,
    batchSize: mode === 'fit' ? args?.batchSize ?? 32 : null,
    validationSplit: args?.validationSplit ?? null,
    validationSamples: mode === 'fit' ? validationSampleCount(args, data?.x) : null,
    shuffle: args?.shuffle ?? (mode === 'fit' ? true : null),
    batchesPerEpoch: args?.batchesPerEpoch ?? null,
    // Batches the dataset holds, when tf.data knows (arrays zipped and batched): one pass over the data.
    datasetBatches: mode === 'fitDataset' && typeof dataset?.size === 'number' && Number.isFinite(dataset.size) && dataset.size > 0 ? dataset.size : null,
    // Epochs are counted from 0 up to `epochs`: resuming at `initialEpoch` trains epochs - initialEpoch of them.
    initialEpoch: typeof args?.initialEpoch === 'number' ? args.initialEpoch : null,
    classWeighted: args?.classWeight != null,
    // fit reads validationData only as an array ([x, y]): an object ({ x, y }) is skipped without a word.
    ...(mode === 'fit' && args?.validationData != null && !Array.isArray(args.validationData) ? { validationDataNotArray: true } : {}),
    classWeights: classWeightsText(args?.classWeight),
  });
  const entry = registerModel(model, mode, site, fitConfig);
  const fitLeaks = fitCallLeakWatch(entry);
  safe(() => fitLeaks?.atFitStart(entry.id, entry.steps, site, elapsed()), undefined);
  if (model) safe(() => noteStaleTrainable(entry, model), undefined);
  if (model && args?.callbacks != null) safe(() => noteFitStartWeights(entry, model), undefined);
  if (model && !firstFitPrints.has(entry)) {
    const print = firstWeightPrint(model, AVERAGED_WEIGHTS_LIMIT);
    if (print) firstFitPrints.set(entry, print);
  }
  let startRate: number | null = null;
  readsAtFitStart = new Map();
  try {
    if (model && mode === 'fit' && data) safe(() => noteTrainingRows(entry, model, data.x, args, site), undefined);
    if (model && mode === 'fit' && data && !inputTwiceChecked.has(entry)) safe(() => noteInputGivenTwice(entry, model, data.x, site), undefined);
    startRate = model ? safe(() => noteRateAtFitStart(entry, model, site), null) : null;
    if (data && !entry.dataSent) checkDataAtFirstFit(entry, data, args, site);
    if (data && mode === 'fit') safe(() => noteFitClass(entry, data.y), undefined);
    if (data && mode === 'fit') safe(() => noteFitIds(entry, data.x, site), undefined);
  } finally {
    readsAtFitStart = null;
  }
  const taken = dataset && !entry.takeSent ? takeCutOf(dataset) : null;
  if (taken) {
    entry.takeSent = true;
    emit({ type: 'datasetTaken', modelId: entry.id, ...taken } satisfies DatasetTakenEvent);
  }
  const apart = dataset && !shuffleChecked.has(entry) ? zippedApartOf(dataset) : null;
  if (apart) {
    shuffleChecked.add(entry);
    emit({ type: 'shuffledApart', modelId: entry.id, inputs: apart.inputs, targets: apart.targets, inputsFirst: true, rows: 1, combo: false, zip: apart.zip } satisfies ShuffledApartEvent);
  }
  if (batchWatch) batchWatch.entry = entry;
  const fitState = { traced: entry, pending: null as PendingStep | null, epoch: 0 };
  // fitDataset asks its dataset for a new iterator at each epoch (without batchesPerEpoch): an
  // epoch with no batch after one with batches was given an iterator already spent.
  const spentWatch = mode === 'fitDataset' && args?.batchesPerEpoch == null ? { batches: 0, trainedEpochs: 0, sent: false } : null;
  // The script's own callbacks run between the probe's first callback and its last: what they
  // make at each epoch's beginning and end is watched for leaks.
  const callbackLeaks = args?.callbacks != null && tfCore ? new EpochCallbackLeakWatch(tfCore.engine?.(), PROBE_FILE, (event) => emit(event)) : null;
  const epochInfo = (epoch: number): EpochInfo => ({ modelId: entry.id, iter: Math.max(0, entry.steps - 1), epoch, stepSite: site, elapsedMs: elapsed() });
  if (model) fitsNotBegun.set(model, { entry, site });
  // Runs before the script's own callbacks: from its onTrainBegin on, the model is training.
  const began = { onTrainBegin: async () => void (model && fitsNotBegun.delete(model)) };
  const before = callbackLeaks ? { ...began, onEpochBegin: async () => callbackLeaks.enter(), onEpochEnd: async () => callbackLeaks.enter() } : began;
  const callback = {
    onBatchEnd: async (batch: number, logs?: Record<string, unknown>) => {
      const pending = fitState.pending;
      fitState.pending = null;
      if (pending) finishStep(entry, pending, currentEpoch, batch, logs ?? {});
      if (spentWatch) spentWatch.batches++;
    },
    onEpochBegin: async (epoch: number) => {
      callbackLeaks?.exit(false, epochInfo(epoch));
      currentEpoch = epoch;
      fitState.epoch = epoch;
    },
    onEpochEnd: async (epoch: number, logs?: Record<string, unknown>) => {
      callbackLeaks?.exit(true, epochInfo(epoch));
      batchWatch?.finish();
      if (spentWatch) {
        if (spentWatch.batches > 0) spentWatch.trainedEpochs++;
        else if (spentWatch.trainedEpochs > 0 && !spentWatch.sent) {
          spentWatch.sent = true;
          emit({ type: 'datasetSpent', modelId: entry.id, epoch, trainedEpochs: spentWatch.trainedEpochs, fitSite: site, generatorSite: generatorSiteOf(dataset) } satisfies DatasetSpentEvent);
        }
        spentWatch.batches = 0;
      }
      emit({ type: 'epoch', modelId: entry.id, epoch, logs: numericLogs(logs ?? {}), elapsedMs: elapsed() });
      if (!monitorChecked) {
        monitorChecked = true;
        safe(() => noteMonitorMissing(entry, args, logs), undefined);
      }
    },
    onTrainEnd: async () => {
      noteStoppedEarly(entry, args, currentEpoch + 1, model);
      if (model && entry.steps > 0) safe(() => noteFitTrained(model), undefined);
      if (model && startRate !== null) safe(() => fitRates.set(model, { start: startRate, end: model.optimizer?.learningRate, optimizer: model.optimizer }), undefined);
      if (model && startRate !== null && model.optimizer && typeof model.optimizer === 'object') safe(() => optimizerFitRates.set(model.optimizer, { model, start: startRate, end: model.optimizer.learningRate }), undefined);
      batchWatch?.finish();
      leakWatches.get(entry)?.stop();
      safe(() => fitLeaks?.atFitEnd(), undefined);
      emit({ type: 'trainEnd', modelId: entry.id, iterations: entry.steps, elapsedMs: elapsed() });
    },
  };
  let currentEpoch = 0;
  let monitorChecked = false;
  const patchedArgs = { ...(args ?? {}), callbacks: withCallback(args?.callbacks, callback, args?.yieldEvery, before) };
  activeFit = fitState;
  let result: Promise<any>;
  try {
    result = run(patchedArgs);
  } catch (error) {
    activeFit = null;
    if (model) fitsNotBegun.delete(model);
    throw error;
  }
  return Promise.resolve(result).finally(() => {
    if (model) fitsNotBegun.delete(model);
    if (model) lastFitOf.set(model, entry);
    if (activeFit === fitState) activeFit = null;
    // Ended or failed: the callback watch lets go of the engine either way.
    callbackLeaks?.stop();
    flush();
  });
}

/**
 * tf.constraints.maxNorm: the bound each unit's incoming weights are rescaled to. tfjs's training
 * never applies a layer's constraints itself, so a constraint matters only when the script applies
 * it while fit trains (a callback that renormalises the kernels): a bound that small is reported once.
 */
const TINY_MAX_NORM = 0.1;
let maxNormReported = false;
function watchMaxNorm(layers: any): void {
  noteResults(layers.constraints, 'maxNorm', (made) => {
    const maxValue = made.maxValue;
    const apply = made.apply;
    if (typeof maxValue !== 'number' || maxValue >= TINY_MAX_NORM || typeof apply !== 'function') return;
    const site = captureUserSite(PROBE_FILE);
    made.apply = function (this: unknown, ...a: any[]) {
      if (activeFit && !maxNormReported) {
        maxNormReported = true;
        emit({ type: 'maxNormApplied', modelId: activeFit.traced.id, maxValue, site } satisfies MaxNormAppliedEvent);
      }
      return apply.apply(this, a);
    };
  });
}

/**
 * tf.regularizers.l1/l2/l1l2 applied by the script inside its loss (an activity penalty written by
 * hand): in a model's first step, the penalty's value beside the loss it is part of. A penalty
 * ten times the rest of the loss or more buries the task; it is reported once, with the factor.
 */
let penaltySeen: { site: SourceSite | null; factor: number; key: 'l1' | 'l2'; penalty: number; entry: TracedModel } | null = null;
let penaltyReported = false;
function watchRegularizers(layers: any): void {
  for (const name of ['l1', 'l2', 'l1l2']) {
    noteResults(layers.regularizers, name, (made, args) => {
      const config = args[0] ?? {};
      const key: 'l1' | 'l2' = typeof config.l1 === 'number' && config.l1 > 0 ? 'l1' : 'l2';
      const factor = typeof config[key] === 'number' ? config[key] : null;
      const apply = made.apply;
      if (factor === null || typeof apply !== 'function') return;
      const site = captureUserSite(PROBE_FILE);
      made.apply = function (this: unknown, ...a: any[]) {
        const out = apply.apply(this, a);
        // Inside a model's first step: the penalty is part of that step's loss.
        if (!penaltyReported && step && step.entry.steps === 0 && isReadable(out) && out.size === 1) {
          penaltySeen = { site, factor, key, penalty: (out.dataSync() as Float32Array)[0]!, entry: step.entry };
        }
        return out;
      };
    });
  }
}

/** After a step's forward pass: a hand-applied penalty that buries the rest of the loss. */
function notePenalty(state: StepState): void {
  const p = penaltySeen;
  if (!p || penaltyReported || p.entry !== state.entry || state.loss === null) return;
  penaltyReported = true;
  const rest = state.loss - p.penalty;
  if (!(p.penalty > 0) || !(rest > 0) || p.penalty < 10 * rest) return;
  emit({ type: 'penaltyDominates', modelId: state.entry.id, site: p.site, key: p.key, factor: p.factor, penalty: p.penalty, rest } satisfies PenaltyDominatesEvent);
}

/** The script's own `model.stopTraining = true` during fit (a hand-written stopping callback): its line, by model. */
const stopTrainingSites = new WeakMap<object, SourceSite | null>();

function watchStopTraining(proto: any): void {
  const descriptor = proto ? Object.getOwnPropertyDescriptor(proto, 'stopTraining') : undefined;
  if (!descriptor?.set || !descriptor.configurable || (descriptor.set as any)[MARK]) return;
  const set = descriptor.set;
  const wrapped = function (this: any, stop: unknown) {
    // tfjs's own earlyStopping sets it too; that callback is told apart by its own record.
    if (stop === true && activeFit) {
      try {
        stopTrainingSites.set(this, captureUserSite(PROBE_FILE));
      } catch {
        /* the flag is set all the same */
      }
    }
    return set.call(this, stop);
  };
  (wrapped as any)[MARK] = true;
  try {
    Object.defineProperty(proto, 'stopTraining', { ...descriptor, set: wrapped });
  } catch {
    /* not redefinable: hand-written stops go unnoticed */
  }
}

/** tf.callbacks.earlyStopping(...) calls, by the callback they made. */
const earlyStoppingSites = new WeakMap<object, SourceSite | null>();

function watchEarlyStopping(layers: any): void {
  noteResults(layers.callbacks, 'earlyStopping', (made) => earlyStoppingSites.set(made, captureUserSite(PROBE_FILE)));
}

/** fit's tf.callbacks.earlyStopping callback, among the callbacks it was given (a list or one). */
function earlyStopperOf(args: any): any {
  const list = Array.isArray(args?.callbacks) ? args.callbacks : args?.callbacks ? [args.callbacks] : [];
  return list.find((cb: any) => cb && typeof cb === 'object' && (earlyStoppingSites.has(cb) || cb.constructor?.name === 'EarlyStopping'));
}

/** fit's earlyStopping callback watches a metric the first epoch's logs do not hold. */
function noteMonitorMissing(entry: TracedModel, args: any, logs: Record<string, unknown> | undefined): void {
  const stopper = earlyStopperOf(args);
  const monitor = stopper?.monitor;
  if (typeof monitor !== 'string' || !logs || monitor in logs) return;
  emit({ type: 'monitorMissing', modelId: entry.id, monitor: monitor.slice(0, 64), logged: Object.keys(logs).slice(0, 32).map((k) => k.slice(0, 64)), site: earlyStoppingSites.get(stopper) ?? null } satisfies MonitorMissingEvent);
}

/** fit ended before its planned epochs with an early-stopping callback among its callbacks. */
function noteStoppedEarly(entry: TracedModel, args: any, epochs: number, model: any): void {
  const planned = typeof args?.epochs === 'number' ? args.epochs : 1;
  if (epochs >= planned) return;
  const stopper = earlyStopperOf(args);
  // A Sequential passes the flag on to the functional model it keeps inside (its `model`).
  const scriptStop = model ? (stopTrainingSites.get(model) ?? (model.model ? stopTrainingSites.get(model.model) : undefined)) : undefined;
  if (!stopper && scriptStop !== undefined) {
    // A stopping callback of the script's own.
    emit({ type: 'stoppedEarly', modelId: entry.id, epochs, planned, patience: null, monitor: null, site: scriptStop, byScript: true, elapsedMs: elapsed() } satisfies StoppedEarlyEvent);
    return;
  }
  if (!stopper) return;
  emit({
    type: 'stoppedEarly',
    modelId: entry.id,
    epochs,
    planned,
    patience: typeof stopper.patience === 'number' ? stopper.patience : null,
    monitor: typeof stopper.monitor === 'string' ? stopper.monitor.slice(0, 64) : null,
    ...(typeof stopper.mode === 'string' ? { mode: stopper.mode.slice(0, 16) } : {}),
    site: earlyStoppingSites.get(stopper) ?? null,
    elapsedMs: elapsed(),
  } satisfies StoppedEarlyEvent);
}

/**
 * fitDataset trains on batches in the order the dataset yields them. Rows sorted by class and
 * batched without a shuffle before .batch() (or a generator reading one class's files after
 * another) give batches of one class each, and training then swings from class to class. The
 * targets of the first epoch's batches are read (at most BATCH_WATCH_LIMIT batches) to count how
 * many hold a single class; nothing the dataset yields is changed.
 */
const BATCH_WATCH_LIMIT = 256;
/** Enough batches to tell batches sorted by class from shuffled ones, once two classes showed. */
const BATCH_WATCH_EARLY = 16;

/** Batches, rows and input width of the class-id agreement check. */
const RELABEL_BATCHES = 12;
const RELABEL_ROWS = 1024;
const RELABEL_WIDTH = 256;

class BatchClassWatch {
  entry: TracedModel | null = null;
  batches = 0;
  private singleClass = 0;
  private readonly singleClassKinds = new Set<number>();
  private readonly classes = new Set<number>();
  private runs = 0;
  private lastMain: number | null = null;
  private batchRows = 0;
  /** No more batches are read. */
  private done = false;
  /** Some batch's targets were not classes: nothing is reported. */
  private unusable = false;
  private reported = false;
  private origin: BatchOrigin | null = null;
  private shuffledAfter: SourceSite | null = null;

  /** The dataset as fitDataset sees it: the same batches, read on the way through. */
  wrap(dataset: any): any {
    if (!dataset || typeof dataset.iterator !== 'function') return dataset;
    this.origin = batchOriginOf(dataset);
    this.shuffledAfter = this.origin ? shuffleAfterBatchOf(dataset) : null;
    const watch = this;
    return Object.create(dataset, {
      iterator: {
        value: async function () {
          const iterator = await dataset.iterator();
          if (watch.done || !iterator || typeof iterator.next !== 'function') return iterator;
          return Object.create(iterator, {
            next: {
              value: async function () {
                // A generator makes its batch within next(): where its first tensor is made is where the batch is cut.
                const watching = !watch.done && watch.batches < SAME_BATCH_STEPS;
                if (watching) {
                  batchMaking = true;
                  batchMadeStack = null;
                }
                let pending: Promise<any>;
                try {
                  pending = iterator.next();
                } finally {
                  batchMaking = false;
                }
                const out = await pending;
                if (watching) watch.madeAt = batchMadeStack;
                if (!watch.done && out && !out.done && out.value) {
                  // The first batch's rows also tell whether its inputs and targets were shuffled apart.
                  if (watch.batches === 0 && watch.entry) checkShuffledApart(watch.entry, () => [headOf(tensorsOf(out.value.xs)[0]), headOf(tensorsOf(out.value.ys)[0])]);
                  try {
                    watch.noteInputs(out.value.xs);
                    watch.noteRelabel(out.value.xs, out.value.ys);
                    watch.note(out.value.ys);
                  } catch (error) {
                    watch.unusable = watch.done = true;
                    warnOnce(`batch class inspection failed: ${(error as Error).message}`);
                  }
                }
                return out;
              },
            },
          });
        },
      },
    });
  }

  /** The first batches' input rows and classes, for class ids that mean different things in different batches. */
  private readonly relabel: ClassBatch[] = [];
  private relabelDone = false;
  private relabelSite: SourceSite | null = null;

  noteRelabel(xs: any, ys: any): void {
    if (this.relabelDone || !this.entry) return;
    const x = tensorsOf(xs)[0];
    const y = tensorsOf(ys)[0];
    const classes = isReadable(x) && isReadable(y) && x.rank === 2 && x.shape[1] <= RELABEL_WIDTH && x.shape[0] >= 4 && x.shape[0] <= 512 ? rowClasses(y.dataSync() as ArrayLike<number>, y.shape) : null;
    if (!classes || classes.length !== x.shape[0]) {
      this.relabelDone = true;
      return;
    }
    this.relabelSite ??= userSiteFromStack(batchTensorStacks.get(y)?.stack, PROBE_FILE);
    this.relabel.push({ x: Float64Array.from(x.dataSync() as ArrayLike<number>), width: x.shape[1], classes });
    const rows = this.relabel.reduce((n, b) => n + b.classes.length, 0);
    if (this.relabel.length < RELABEL_BATCHES && rows < RELABEL_ROWS) return;
    this.relabelDone = true;
    const a = batchAgreement(this.relabel);
    this.relabel.length = 0;
    // Batches of one class agree within trivially: only mixed batches tell.
    if (!a || a.rows < 128 || a.withinChance > 0.6 || a.within < a.withinChance + 0.3 || a.across > a.chance + 0.15 || a.within - a.across < 0.3) return;
    emit({ type: 'batchesRelabelled', modelId: this.entry.id, batches: RELABEL_BATCHES, rows: a.rows, within: a.within, across: a.across, chance: a.chance, site: this.relabelSite } satisfies BatchesRelabelledEvent);
  }

  /** The first batches' inputs, by a fingerprint: a dataset that yields the same rows every time is reported once (done: reported, or a batch differed). */
  private sameInputs: { key: string; batches: number; done: boolean } | null = null;
  /** Where the last batch's first tensor was made. */
  madeAt: { stack?: string } | null = null;

  noteInputs(xs: any): void {
    const x = tensorsOf(xs)[0];
    if (!this.entry || (this.sameInputs?.done ?? false) || this.batches >= SAME_BATCH_STEPS || !isReadable(x) || x.size > 1 << 16) return;
    const values = x.dataSync() as ArrayLike<number>;
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < values.length; i++) {
      sum += values[i]!;
      squares += values[i]! * values[i]! * ((i % 7) + 1);
    }
    const key = `${x.shape.join('x')}|${sum}|${squares}`;
    if (this.sameInputs?.key === key) this.sameInputs.batches++;
    else if (this.batches === 0) this.sameInputs = { key, batches: 1, done: false };
    else this.sameInputs = { key, batches: 0, done: true };
    if (this.sameInputs.batches < SAME_BATCH_STEPS || this.sameInputs.done) return;
    this.sameInputs.done = true;
    const made = safe(() => dataOrigin(x, PROBE_FILE), null);
    const site = made?.site ?? userSiteFromStack(this.madeAt?.stack, PROBE_FILE);
    emit({
      type: 'sameBatch',
      modelId: this.entry.id,
      iter: Math.max(0, this.entry.steps - 1),
      rows: x.shape[0],
      batchRows: x.shape[0],
      begin: null,
      steps: this.sameInputs.batches,
      site,
      fromDataset: true,
      elapsedMs: elapsed(),
    } satisfies SameBatchEvent);
  }

  private note(ys: any): void {
    const targets = tensorsOf(ys)[0];
    const classes = isReadable(targets) ? rowClasses(targets.dataSync() as ArrayLike<number>, targets.shape) : null;
    if (!classes) this.giveUp();
    else this.noteClasses(classes);
  }

  get finished(): boolean {
    return this.done;
  }

  /** Some batch's targets were not classes: nothing is reported. */
  giveUp(): void {
    this.unusable = true;
    this.done = true;
  }

  /** Where a custom loop's batches were cut (its labels' slice or gather), for want of a `.batch()` call. */
  cutAt: SourceSite | null = null;
  /** How many columns a custom loop's one-hot labels have: as many as the batch's rows in an in-batch contrastive loss. */
  labelColumns: number | null = null;

  noteClasses(classes: readonly number[]): void {
    const counts = new Map<number, number>();
    for (const c of classes) {
      counts.set(c, (counts.get(c) ?? 0) + 1);
      this.classes.add(c);
    }
    let main: number | null = null;
    for (const [c, n] of counts) if (main === null || n > counts.get(main)!) main = c;
    this.batches++;
    this.batchRows = Math.max(this.batchRows, classes.length);
    if (counts.size === 1) {
      this.singleClass++;
      this.singleClassKinds.add(main!);
    }
    if (main !== this.lastMain) this.runs++;
    this.lastMain = main;
    if (this.batches >= BATCH_WATCH_LIMIT || (this.batches >= BATCH_WATCH_EARLY && this.singleClassKinds.size >= 2)) this.finish();
  }

  /** Reports what was seen (once, and only for class targets) and stops reading. */
  finish(): void {
    this.done = true;
    if (this.reported || this.unusable || !this.entry || this.batches === 0) return;
    this.reported = true;
    emit({
      type: 'batchClasses',
      modelId: this.entry.id,
      batches: this.batches,
      singleClass: this.singleClass,
      singleClassKinds: this.singleClassKinds.size,
      classes: this.classes.size,
      runs: this.runs,
      batchRows: this.batchRows,
      ...(this.labelColumns !== null ? { labelColumns: this.labelColumns } : {}),
      batchSite: this.origin?.site ?? this.cutAt,
      rows: this.origin?.rows ?? null,
      ...(this.origin?.shuffle?.site && this.origin.shuffle.buffer ? { shuffleSite: this.origin.shuffle.site, shuffleBuffer: this.origin.shuffle.buffer } : {}),
      ...(this.shuffledAfter ? { shuffleAfterBatchSite: this.shuffledAfter } : {}),
    } satisfies BatchClassesEvent);
  }
}

/**
 * A custom loop's batches, by the classes of the labels its loss compares them with: one class per
 * batch (a class-balanced sampler that draws the class once per batch, or rows stored by class and
 * cut in order) swings the model from class to class. A step's loss calls are merged, so a GAN's
 * discriminator scoring a real and a fake batch in one step counts once, with both classes.
 */
interface StepClasses {
  watch: BatchClassWatch;
  step: number;
  classes: number[];
}
const stepClasses = new WeakMap<TracedModel, StepClasses>();
const openStepClasses: StepClasses[] = [];
/** Labels larger than this (elements) are not read. */
const STEP_LABELS_READ_LIMIT = 65_536;

function noteStepLabels(entry: TracedModel, labels: any): void {
  if (entry.mode !== 'custom') return;
  let s = stepClasses.get(entry);
  if (!s) {
    const watch = new BatchClassWatch();
    watch.entry = entry;
    s = { watch, step: entry.steps, classes: [] };
    stepClasses.set(entry, s);
    openStepClasses.push(s);
  }
  if (s.watch.finished) return;
  if (s.step !== entry.steps) endStepClasses(s, entry.steps);
  if (s.watch.finished) return;
  const classes = isReadable(labels) && labels.size <= STEP_LABELS_READ_LIMIT ? rowClasses(labels.dataSync() as ArrayLike<number>, labels.shape) : null;
  if (!classes) {
    s.watch.giveUp();
    return;
  }
  s.watch.cutAt ??= madeBy(labels, PROBE_FILE)?.site ?? null;
  if (labels.rank === 2) s.watch.labelColumns ??= labels.shape[1];
  s.classes.push(...classes);
}

/**
 * trainOnBatch's labels tell its batches' classes, as a custom loop's loss calls do: a sampler that
 * fills every batch from one class is seen there. Read once the model's steps are traced (from its
 * second call), before the batch runs; the call itself is untouched.
 */
function watchTrainOnBatchLabels(proto: any): void {
  // Sequential's own trainOnBatch hands on to its inner model's: each prototype is wrapped, and the traced model (the outer one) notes the labels.
  if (!proto || !Object.prototype.hasOwnProperty.call(proto, 'trainOnBatch')) return;
  const original = proto.trainOnBatch;
  if (typeof original !== 'function' || original[MARK]) return;
  const wrapped = function (this: any, ...args: any[]) {
    const entry = traced.get(this);
    if (entry && entry.mode === 'custom') safe(() => noteStepLabels(entry, tensorsOf(args[1])[0]), undefined);
    return original.apply(this, args);
  };
  (wrapped as any)[MARK] = true;
  proto.trainOnBatch = wrapped;
}

function endStepClasses(s: StepClasses, next: number): void {
  if (s.classes.length > 0) s.watch.noteClasses(s.classes);
  s.classes = [];
  s.step = next;
}

/** At exit: the last step's classes, and what the watches saw (a short loop may not reach their limits). */
function finishStepClasses(): void {
  for (const s of openStepClasses) {
    if (s.watch.finished) continue;
    endStepClasses(s, s.step + 1);
    s.watch.finish();
  }
}

/**
 * How many samples tfjs validates on after each epoch, so the engine can tell a real fall in
 * validation accuracy from a few samples flipping. Null when unknown (no validation).
 */
function validationSampleCount(args: any, x: any): number | null {
  const rows = (value: any): number | null => {
    const first = tensorsOf(value)[0];
    const n = isTensor(first) ? first.shape[0] : null;
    return typeof n === 'number' && n > 0 ? n : null;
  };
  if (Array.isArray(args?.validationData)) return rows(args.validationData[0]);
  const split = args?.validationSplit;
  if (typeof split !== 'number' || !(split > 0 && split < 1)) return null;
  const n = rows(x);
  // The same split tfjs makes (training.js): the last n - floor(n * (1 - split)) rows.
  return n === null ? null : n - Math.floor(n * (1 - split));
}

/**
 * The script's callbacks with the probe's appended (they run last), and `first`, when given, put
 * in front of them, each in the form tfjs expects of that list.
 */
function withCallback(userCallbacks: any, ours: Record<string, (...args: any[]) => Promise<void>>, yieldEvery: unknown, first: Record<string, (...args: any[]) => Promise<void>> | null = null): any {
  const BaseCallback = tfLayers?.Callback ?? tfLayers?.BaseCallback;
  const CustomCallback = tfLayers?.CustomCallback;
  const list = userCallbacks == null ? [] : Array.isArray(userCallbacks) ? [...userCallbacks] : [userCallbacks];
  if (BaseCallback && CustomCallback && (list.length === 0 || list[0] instanceof BaseCallback)) {
    // As a Callback instance ours does not make tfjs resolve every batch's logs with an await per
    // value; tfjs uses such a list as given, so the yielding callback it would add is kept here.
    if (list.length === 0) list.push(new CustomCallback({}, yieldEvery));
    if (first) list.unshift(callbackInstance(BaseCallback, first));
    list.push(callbackInstance(BaseCallback, ours));
  } else if (list.length > 0 && typeof list[0]?.onBatchEnd === 'function' && list[0]?.constructor?.name !== 'Object' && CustomCallback) {
    if (first) list.unshift(new CustomCallback(first, 'never'));
    list.push(new CustomCallback(ours));
  } else {
    if (first) list.unshift(first);
    list.push(ours);
  }
  return list;
}

function callbackInstance(Base: any, hooks: Record<string, (...args: any[]) => Promise<void>>): any {
  const instance = new Base();
  for (const [name, hook] of Object.entries(hooks)) instance[name] = hook;
  return instance;
}

/** Numeric values of a logs object; tensors (unresolved batch logs) are read once each. */
function numericLogs(logs: Record<string, unknown>, skip?: ReadonlySet<string>): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [key, value] of Object.entries(logs)) {
    if (skip?.has(key)) continue;
    let v: unknown = value;
    if (v && typeof v === 'object' && typeof (v as any).dataSync === 'function') {
      v = safe(() => (v as any).dataSync()[0], null);
    }
    if (typeof v === 'number') out[key.slice(0, 64)] = finiteOrNull(v);
    if (Object.keys(out).length >= 32) break;
  }
  return out;
}

/** The tensors of a fit argument given as one tensor, an array, or a map by input name. */
/**
 * tf.util.shuffle calls on data arrays, so that inputs and targets shuffled each in its own order
 * (`tf.util.shuffle(xs); tf.util.shuffle(ys);`) can be told from fit's first rows.
 */
const shuffleWatch = new ShuffleWatch();
const shuffleChecked = new WeakSet<TracedModel>();

/**
 * A model of several inputs fit with one tensor given for two of them (`fit([meta, meta], y)`, a
 * copy-paste slip): the shapes match, so nothing throws, and the second branch trains on features
 * it was not built for. Once per model, at its first fit.
 */
const inputTwiceChecked = new WeakSet<TracedModel>();

function noteInputGivenTwice(entry: TracedModel, model: any, x: any, site: SourceSite | null): void {
  inputTwiceChecked.add(entry);
  if (!Array.isArray(x) || x.length < 2) return;
  const names: string[] = Array.isArray(model?.inputNames) ? model.inputNames : [];
  for (let j = 1; j < x.length; j++) {
    for (let i = 0; i < j; i++) {
      const a = x[i];
      const b = x[j];
      if (!isTensor(a) || !isTensor(b) || (a !== b && a.dataId !== b.dataId)) continue;
      emit({ type: 'inputGivenTwice', modelId: entry.id, site, inputs: [{ name: String(names[i] ?? `input ${i + 1}`), index: i }, { name: String(names[j] ?? `input ${j + 1}`), index: j }] } satisfies InputGivenTwiceEvent);
      return;
    }
  }
}

/** Above this many elements a tensor's first rows are read through a slice, not the whole tensor. */
const HEAD_READ_LIMIT = 65_536;

/**
 * Array.prototype.sort and reverse work in place: a script that sorts its targets array to read a
 * median, or reverses it to print the newest first, has reordered the targets apart from their
 * inputs. Sorts and reversals of arrays of numbers made by the script before training are noted
 * (the array and the line); nothing about them changes.
 */
let sortNotes = 0;
const SORT_NOTES = 64;
let textSortNotes = 0;
const TEXT_SORT_NOTES = 4;
/** Longer arrays of names are not compared (the comparison sorts a copy). */
const TEXT_SORT_LIMIT = 100_000;
const numberAware = new Intl.Collator(undefined, { numeric: true });

/**
 * A sort() without a comparator that left names holding numbers (`img_1` … `img_120`) in text
 * order, unlike their numbers': noted with the script's line. Only strings with digits are
 * compared, on a copy sorted by the original sort.
 */
function noteSortedAsText(sorted: unknown[], original: (...args: any[]) => any, wrapped: (...args: any[]) => any): void {
  if (sorted.length > TEXT_SORT_LIMIT || !sorted.every((v) => typeof v === 'string' && /\d/.test(v))) return;
  const byNumber = original.call(sorted.slice(), (a: string, b: string) => numberAware.compare(a, b)) as string[];
  let moved = 0;
  for (let i = 0; i < sorted.length; i++) if (sorted[i] !== byNumber[i]) moved++;
  if (moved === 0) return;
  const site = userSiteFromStack(captureStack(wrapped, 1).stack, PROBE_FILE);
  if (!site) return;
  let example: [string, string] = [String(sorted[0]), String(sorted[1])];
  for (let i = 0; i + 1 < sorted.length; i++) {
    if (numberAware.compare(sorted[i] as string, sorted[i + 1] as string) > 0) {
      example = [String(sorted[i]).slice(0, 64), String(sorted[i + 1]).slice(0, 64)];
      break;
    }
  }
  textSortNotes++;
  emit({ type: 'sortedAsText', site, count: sorted.length, moved, example } satisfies SortedAsTextEvent);
}
let booleanSortNotes = 0;
const BOOLEAN_SORT_NOTES = 4;

/**
 * A sort whose comparator returns booleans (`a.t > b.t`) at every call: V8's sort reads true as 1
 * and false as 0, never below 0, and leaves much of the array in its old order. The comparator is
 * passed through a wrapper that returns exactly what it returns (the sort is the same); when all
 * were booleans, the sorted array's neighbours are compared with it once more, and pairs it still
 * puts the other way round are reported with the script's line.
 */
function sortWatchingBooleans(array: any[], original: (...args: any[]) => any, wrapped: (...args: any[]) => any, compare: (a: unknown, b: unknown) => unknown): any {
  let calls = 0;
  let booleans = 0;
  let trues = 0;
  const counted = function (this: unknown, a: unknown, b: unknown) {
    const r = compare.call(this, a, b);
    calls++;
    if (typeof r === 'boolean') booleans++;
    if (r === true) trues++;
    return r;
  };
  // The order before, to count what the sort moved: a comparator of no arguments is a shuffle
  // written as a sort, which may move nothing.
  const before = compare.length === 0 && array.length <= TEXT_SORT_LIMIT ? array.slice() : null;
  const out = original.call(array, counted);
  if (calls === 0 || booleans !== calls) return out;
  try {
    // A comparator that takes no arguments answers from nothing about the elements (a random draw:
    // a shuffle written as a sort). It is never called again, which would draw from the script's
    // random numbers: the answers it gave during the sort stand for the pairs it put out of order.
    const random = compare.length === 0;
    let outOfOrder = random ? trues : 0;
    if (!random) for (let i = 0; i + 1 < array.length; i++) if (compare(array[i], array[i + 1]) === true) outOfOrder++;
    let moved: number | null = null;
    if (before) {
      moved = 0;
      for (let i = 0; i < array.length; i++) if (array[i] !== before[i]) moved++;
    }
    const site = outOfOrder > 0 ? userSiteFromStack(captureStack(wrapped, 1).stack, PROBE_FILE) : null;
    if (site) {
      booleanSortNotes++;
      emit({ type: 'sortedByBoolean', site, count: array.length, outOfOrder, random, moved } satisfies SortedByBooleanEvent);
    }
  } catch {
    /* the sort is done all the same */
  }
  return out;
}

/**
 * Lines split on a separator they never hold, while they hold another one several times
 * (`line.split(',')` on a tab-separated export, or on `;`-separated values): every line stays one
 * field, and the numbers parsed from it are NaN. Watched outside training, on the script's own
 * single-character splits of short strings; the call is passed through unchanged. Sent once,
 * after enough such lines, with the first one's line.
 */
const SPLIT_SEPARATORS = [',', '\t', ';', '|'];
const SPLIT_MISSES_NEEDED = 20;
const SPLIT_TEXT_LIMIT = 4096;
let splitMiss: { site: SourceSite | null; separator: string; holds: string; lines: number; sent: boolean } | null = null;

function heldSeparator(text: string, given: string): string | null {
  for (const other of SPLIT_SEPARATORS) {
    if (other === given) continue;
    const first = text.indexOf(other);
    if (first >= 0 && text.indexOf(other, first + 1) > first) return other;
  }
  return null;
}

function watchStringSplits(): void {
  const original = String.prototype.split as (...args: any[]) => any;
  if ((original as any)[MARK]) return;
  const wrapped = function (this: unknown, ...args: any[]) {
    const separator = args[0];
    if (
      splitMiss?.sent !== true &&
      typeof this === 'string' &&
      typeof separator === 'string' &&
      separator.length === 1 &&
      SPLIT_SEPARATORS.includes(separator) &&
      this.length >= 3 &&
      this.length <= SPLIT_TEXT_LIMIT &&
      step === null &&
      activeFit === null &&
      !this.includes(separator)
    ) {
      try {
        noteSplitMiss(this, separator, wrapped);
      } catch {
        /* the split is done all the same */
      }
    } else if (!byteOrderMarkSent && typeof this === 'string' && this.charCodeAt(0) === 0xfeff && step === null && activeFit === null) {
      try {
        noteByteOrderMark(this, wrapped);
      } catch {
        /* the split is done all the same */
      }
    } else if (
      splitOnWords?.sent !== true &&
      separator instanceof RegExp &&
      typeof this === 'string' &&
      this.length <= SPLIT_TEXT_LIMIT &&
      step === null &&
      activeFit === null &&
      WORD_PATTERN.test(separator.source) &&
      /[A-Za-z]{2}[^A-Za-z]+[A-Za-z]{2}/.test(this)
    ) {
      try {
        noteSplitOnWords(this, separator, wrapped);
      } catch {
        /* the split is done all the same */
      }
    }
    return original.apply(this, args);
  };
  (wrapped as any)[MARK] = true;
  try {
    Object.defineProperty(String.prototype, 'split', { value: wrapped, writable: true, configurable: true, enumerable: false });
  } catch {
    /* not redefinable: the calls go unnoticed */
  }
}

let byteOrderMarkSent = false;

/** The script split text that begins with a byte-order mark: its first field keeps the mark. */
function noteByteOrderMark(text: string, wrapped: (...args: any[]) => any): void {
  const site = userSiteFromStack(captureStack(wrapped, 1).stack, PROBE_FILE);
  if (!site) return;
  byteOrderMarkSent = true;
  const firstField = text.slice(1, 41).split(/[,;\t\r\n|]/)[0] ?? '';
  emit({ type: 'splitWithByteOrderMark', site, firstField } satisfies SplitWithByteOrderMarkEvent);
}

/** A pattern for a run of word characters: `\w+`, `[a-z]+`, `[A-Za-z']+`. */
const WORD_PATTERN = /^(?:\\w|\[(?:a-z|A-Z|0-9|_|')+\])\+$/;
const SPLIT_ON_WORDS_NEEDED = 5;
let splitOnWords: { site: SourceSite; pattern: string; texts: number; example: string; sent: boolean } | null = null;

function noteSplitOnWords(text: string, separator: RegExp, wrapped: (...args: any[]) => any): void {
  if (!splitOnWords) {
    // Only a split the script's own code makes.
    const site = userSiteFromStack(captureStack(wrapped, 1).stack, PROBE_FILE);
    if (!site) return;
    splitOnWords = { site, pattern: `/${separator.source}/${separator.flags}`.slice(0, 80), texts: 0, example: text.slice(0, 40), sent: false };
  }
  splitOnWords.texts++;
  if (splitOnWords.texts < SPLIT_ON_WORDS_NEEDED) return;
  splitOnWords.sent = true;
  const s = splitOnWords;
  emit({ type: 'splitOnWords', site: s.site, pattern: s.pattern, texts: s.texts, example: s.example } satisfies SplitOnWordsEvent);
}

function noteSplitMiss(text: string, separator: string, wrapped: (...args: any[]) => any): void {
  const holds = heldSeparator(text, separator);
  if (!holds) return;
  if (!splitMiss) {
    // Only a split the script's own code makes.
    const site = userSiteFromStack(captureStack(wrapped, 1).stack, PROBE_FILE);
    if (!site) return;
    splitMiss = { site, separator, holds, lines: 0, sent: false };
  }
  if (splitMiss.separator !== separator || splitMiss.holds !== holds) return;
  splitMiss.lines++;
  if (splitMiss.lines < SPLIT_MISSES_NEEDED || !splitMiss.site) return;
  splitMiss.sent = true;
  emit({ type: 'splitMissesSeparator', site: splitMiss.site, separator, holds, lines: splitMiss.lines } satisfies SplitMissesSeparatorEvent);
}

/**
 * parseFloat and parseInt stop at the first character that is not part of a number, a comma
 * included: "2,150" (a thousands separator) becomes 2, and "0,73" (a decimal comma) becomes 0.
 * Watched outside training on the script's own calls; each call returns what it returns. Sent
 * once, after a few such texts, with the first one's line.
 */
const COMMA_NUMBER = /^\s*[-+]?\d+,\d/;
const THOUSANDS = /^\s*[-+]?\d{1,3}(?:,\d{3})+(?:\.\d*)?\s*$/;
const PARSED_TO_COMMA_NEEDED = 5;
let parsedToComma: { site: SourceSite; fn: 'parseFloat' | 'parseInt'; count: number; decimal: boolean; example: string; value: number; sent: boolean } | null = null;

function watchNumberParsing(): void {
  for (const fn of ['parseFloat', 'parseInt'] as const) {
    const original = (globalThis as any)[fn] as (...args: any[]) => number;
    if (typeof original !== 'function' || (original as any)[MARK]) continue;
    const wrapped = function (this: unknown, ...args: any[]): number {
      const out = original.apply(this, args);
      const text = args[0];
      if (parsedToComma?.sent !== true && typeof text === 'string' && text.length <= 40 && step === null && activeFit === null && COMMA_NUMBER.test(text)) {
        try {
          noteParsedToComma(fn, text, out, wrapped);
        } catch {
          /* the value is returned all the same */
        }
      }
      if (!behindSymbol.sent && Number.isNaN(out) && typeof text === 'string' && text.length <= 40 && step === null && activeFit === null && BEHIND_SYMBOL.test(text)) {
        try {
          noteBehindSymbol(fn, text, wrapped);
        } catch {
          /* the value is returned all the same */
        }
      }
      if (fn === 'parseInt' && !hexParsed.sent && args[1] === undefined && typeof text === 'string' && text.length <= 16 && step === null && activeFit === null && HEX_ID.test(text) && /[a-f]/i.test(text) && /\d/.test(text)) {
        try {
          noteHexParsed(text, out, wrapped);
        } catch {
          /* the value is returned all the same */
        }
      }
      return out;
    };
    Object.defineProperty(wrapped, 'name', { value: fn });
    (wrapped as any)[MARK] = true;
    trySet(globalThis, fn, wrapped);
    // Number.parseFloat is the same function as the global one.
    if ((Number as any)[fn] === original) trySet(Number, fn, wrapped);
  }
}

/**
 * parseInt without a radix given hexadecimal text ('9c4e', 'a3f1'): it reads decimal digits up to
 * the first letter (9) or none at all (NaN), so distinct ids collapse onto a few numbers. Counted on
 * texts of hex digits holding both digits and letters, outside training; sent once, after a few
 * distinct ones, with the first call's line.
 */
const HEX_ID = /^[0-9a-f]{3,16}$/i;
const HEX_PARSED_NEEDED = 16;
const hexParsed: { site: SourceSite | null; texts: Set<string>; example: string; value: number; sent: boolean } = { site: null, texts: new Set(), example: '', value: 0, sent: false };

function noteHexParsed(text: string, value: number, wrapped: (...args: any[]) => number): void {
  if (!hexParsed.site) {
    // Only a call the script's own code makes.
    const site = userSiteFromStack(captureStack(wrapped, 1).stack, PROBE_FILE);
    if (!site) return;
    Object.assign(hexParsed, { site, example: text, value });
  }
  hexParsed.texts.add(text.toLowerCase());
  if (hexParsed.texts.size < HEX_PARSED_NEEDED) return;
  hexParsed.sent = true;
  emit({ type: 'parsedHexAsDecimal', site: hexParsed.site!, count: hexParsed.texts.size, example: hexParsed.example, value: hexParsed.value } satisfies ParsedHexAsDecimalEvent);
  hexParsed.texts.clear();
}

/**
 * parseFloat or parseInt given a number behind a currency sign ('$17.50', '€ 3.20'): both return
 * NaN. Counted outside training on the script's own calls that returned NaN; sent once, after a
 * few texts with the same sign, with the first call's line.
 */
const BEHIND_SYMBOL = /^\s*[-+]?([$€£¥₹₩₽])\s?[-+]?\.?\d/u;
const BEHIND_SYMBOL_NEEDED = 5;
const behindSymbol: { site: SourceSite | null; fn: 'parseFloat' | 'parseInt'; symbol: string; count: number; example: string; sent: boolean } = { site: null, fn: 'parseFloat', symbol: '', count: 0, example: '', sent: false };

function noteBehindSymbol(fn: 'parseFloat' | 'parseInt', text: string, wrapped: (...args: any[]) => number): void {
  const symbol = BEHIND_SYMBOL.exec(text)![1]!;
  if (!behindSymbol.site) {
    // Only a call the script's own code makes.
    const site = userSiteFromStack(captureStack(wrapped, 1).stack, PROBE_FILE);
    if (!site) return;
    Object.assign(behindSymbol, { site, fn, symbol, example: text.trim() });
  }
  if (behindSymbol.fn !== fn || behindSymbol.symbol !== symbol) return;
  behindSymbol.count++;
  if (behindSymbol.count < BEHIND_SYMBOL_NEEDED) return;
  behindSymbol.sent = true;
  const b = behindSymbol;
  emit({ type: 'parsedBehindSymbol', site: b.site!, fn: b.fn, symbol: b.symbol, count: b.count, example: b.example } satisfies ParsedBehindSymbolEvent);
}

function noteParsedToComma(fn: 'parseFloat' | 'parseInt', text: string, value: number, wrapped: (...args: any[]) => number): void {
  if (!parsedToComma) {
    // Only a call the script's own code makes.
    const site = userSiteFromStack(captureStack(wrapped, 1).stack, PROBE_FILE);
    if (!site) return;
    parsedToComma = { site, fn, count: 0, decimal: false, example: text.trim(), value, sent: false };
  }
  if (parsedToComma.fn !== fn) return;
  parsedToComma.count++;
  if (!THOUSANDS.test(text)) parsedToComma.decimal = true;
  if (parsedToComma.count < PARSED_TO_COMMA_NEEDED) return;
  parsedToComma.sent = true;
  const p = parsedToComma;
  emit({ type: 'parsedToComma', site: p.site, fn: p.fn, kind: p.decimal ? 'decimal' : 'thousands', count: p.count, example: p.example, value: p.value } satisfies ParsedToCommaEvent);
}

/**
 * A global regular expression for numbers with no sign (`/\d+(\.\d+)?/g`) matched against text whose
 * numbers carry a minus sign: "-3.25" yields "3.25". Watched outside training on the script's own
 * match and matchAll calls, for text with a dash in it; each call returns what it returns. Sent
 * once, after a few such texts, with the first one's line.
 */
const UNSIGNED_NUMBER_PATTERN = /^\(?(?:\\d|\[0-9\])/;
const SIGN_DROPPED_NEEDED = 5;
const SIGN_CHECKS = 20000;
let signChecks = 0;
let signDropped: { site: SourceSite; pattern: string; count: number; example: string; kept: string; sent: boolean } | null = null;

function watchSignedMatches(): void {
  for (const method of ['match', 'matchAll'] as const) {
    const original = String.prototype[method] as (...args: any[]) => any;
    if ((original as any)[MARK]) continue;
    const wrapped = function (this: unknown, ...args: any[]) {
      const re = args[0];
      if (
        signDropped?.sent !== true &&
        signChecks < SIGN_CHECKS &&
        re instanceof RegExp &&
        re.global &&
        typeof this === 'string' &&
        this.length <= SPLIT_TEXT_LIMIT &&
        step === null &&
        activeFit === null &&
        this.includes('-') &&
        UNSIGNED_NUMBER_PATTERN.test(re.source)
      ) {
        signChecks++;
        try {
          noteSignDropped(this, re, wrapped);
        } catch {
          /* the match is done all the same */
        }
      }
      return original.apply(this, args);
    };
    Object.defineProperty(wrapped, 'name', { value: method });
    (wrapped as any)[MARK] = true;
    try {
      Object.defineProperty(String.prototype, method, { value: wrapped, writable: true, configurable: true, enumerable: false });
    } catch {
      /* not redefinable: the calls go unnoticed */
    }
  }
}

/**
 * RegExp.prototype.test on a global or sticky pattern starts at its lastIndex, left where its last
 * match ended: a pattern declared once with /g and tested on text after text searches each from
 * the last match's end. A call that starts past 0 on a text other than the last one tested is
 * checked against a fresh copy of the pattern (exec on the copy: the caller's state is untouched);
 * patterns that answered otherwise a few times are reported.
 */
const REGEX_STATE_NEEDED = 3;
const REGEX_PATTERNS_REPORTED = 4;
const regexLastText = new WeakMap<RegExp, string>();
const regexWrong = new Map<string, { wrong: number; tested: number; sent: boolean }>();
let regexPatternsSent = 0;

/**
 * Calendar fields (weekday, hour, month, ...) read from dates 11 to 115 days after 1 January 1970:
 * Unix times in seconds (1e9 to 1e10, the years 2001 to 2286) given to new Date, which takes
 * milliseconds. Every such date falls in the first months of 1970, and its weekday and hour are
 * not the event's. Counted outside training; sent once, after DATE_READS_NEEDED reads.
 */
const DATE_READS_NEEDED = 64;
const SECONDS_AS_MS_LOW = 1e9;
const SECONDS_AS_MS_HIGH = 1e10;
const dateReads: { count: number; first: number; sent: boolean } = { count: 0, first: 0, sent: false };

function watchDateReads(): void {
  const getTime = Date.prototype.getTime;
  for (const method of ['getDay', 'getUTCDay', 'getHours', 'getUTCHours', 'getDate', 'getUTCDate', 'getMonth', 'getUTCMonth'] as const) {
    const original = Date.prototype[method] as (this: Date) => number;
    if ((original as any)[MARK]) continue;
    const wrapped = function (this: Date): number {
      const out = original.call(this);
      if (!dateReads.sent && step === null && activeFit === null) {
        const t = getTime.call(this);
        if (t >= SECONDS_AS_MS_LOW && t < SECONDS_AS_MS_HIGH) noteDateFromSeconds(t, wrapped);
      }
      return out;
    };
    Object.defineProperty(wrapped, 'name', { value: method });
    (wrapped as any)[MARK] = true;
    try {
      Object.defineProperty(Date.prototype, method, { value: wrapped, writable: true, configurable: true, enumerable: false });
    } catch {
      /* not redefinable: the reads go unnoticed */
    }
  }
}

function noteDateFromSeconds(time: number, wrapped: (...args: any[]) => any): void {
  if (dateReads.count++ === 0) dateReads.first = time;
  if (dateReads.count < DATE_READS_NEEDED) return;
  dateReads.sent = true;
  // Only a read the script's own code makes.
  const site = userSiteFromStack(captureStack(wrapped, 1).stack, PROBE_FILE);
  if (site) emit({ type: 'datesFromSeconds', site, reads: dateReads.count, example: dateReads.first } satisfies DatesFromSecondsEvent);
}

function watchRegexState(): void {
  const original = RegExp.prototype.test as (this: RegExp, s: string) => boolean;
  if ((original as any)[MARK]) return;
  const wrapped = function (this: RegExp, text: string): boolean {
    if (!(this.global || this.sticky) || regexPatternsSent >= REGEX_PATTERNS_REPORTED || step !== null || typeof text !== 'string') return original.call(this, text);
    const carried = this.lastIndex > 0 && regexLastText.get(this) !== text;
    regexLastText.set(this, text);
    if (!carried) return original.call(this, text);
    const out = original.call(this, text);
    try {
      const fresh = new RegExp(this.source, this.flags.replace(/[gy]/g, '')).exec(text) !== null;
      noteRegexState(this, fresh !== out, wrapped);
    } catch {
      /* the test is done all the same */
    }
    return out;
  };
  Object.defineProperty(wrapped, 'name', { value: 'test' });
  (wrapped as any)[MARK] = true;
  try {
    Object.defineProperty(RegExp.prototype, 'test', { value: wrapped, writable: true, configurable: true, enumerable: false });
  } catch {
    /* not redefinable: the calls go unnoticed */
  }
}

function noteRegexState(re: RegExp, wrong: boolean, wrapped: (...args: any[]) => any): void {
  const key = `/${re.source}/${re.flags}`;
  let seen = regexWrong.get(key);
  if (!seen) regexWrong.set(key, (seen = { wrong: 0, tested: 0, sent: false }));
  seen.tested++;
  if (wrong) seen.wrong++;
  if (seen.sent || seen.wrong < REGEX_STATE_NEEDED) return;
  // Only a pattern the script's own code tests.
  const site = userSiteFromStack(captureStack(wrapped, 1).stack, PROBE_FILE);
  if (!site) return;
  seen.sent = true;
  regexPatternsSent++;
  emit({ type: 'regexStateCarried', site, source: re.source.slice(0, 200), flags: re.flags.slice(0, 8), wrong: seen.wrong, tested: seen.tested } satisfies RegexStateCarriedEvent);
}

function noteSignDropped(text: string, re: RegExp, wrapped: (...args: any[]) => any): void {
  // A copy, so the caller's lastIndex is left alone; exec, so no wrapped method is called.
  const scan = new RegExp(re.source, re.flags);
  let found: { example: string; kept: string } | null = null;
  for (let m = scan.exec(text), n = 0; m !== null && n < 1000; m = scan.exec(text), n++) {
    if (m[0].length === 0) {
      scan.lastIndex++;
      continue;
    }
    const i = m.index;
    // A minus that starts a number: not a date's or a range's dash, nor an exponent's (a digit or letter before it).
    if (i >= 1 && text[i - 1] === '-' && (i < 2 || !/[\w.]/.test(text[i - 2]!))) {
      found = { example: text.slice(i - 1, i + m[0].length), kept: m[0] };
      break;
    }
  }
  if (!found) return;
  if (!signDropped) {
    // Only a call the script's own code makes.
    const site = userSiteFromStack(captureStack(wrapped, 1).stack, PROBE_FILE);
    if (!site) return;
    signDropped = { site, pattern: `/${re.source}/${re.flags}`.slice(0, 80), count: 0, example: found.example.slice(0, 40), kept: found.kept.slice(0, 40), sent: false };
  }
  signDropped.count++;
  if (signDropped.count < SIGN_DROPPED_NEEDED) return;
  signDropped.sent = true;
  const s = signDropped;
  emit({ type: 'signDropped', site: s.site, pattern: s.pattern, count: s.count, example: s.example, kept: s.kept } satisfies SignDroppedEvent);
}

function watchArraySorts(): void {
  for (const method of ['sort', 'reverse'] as const) {
    const original = Array.prototype[method] as (...args: any[]) => any;
    if ((original as any)[MARK]) continue;
    const wrapped = function (this: any, ...args: any[]) {
      // The script's data preparation: outside training, an array of some length.
      const preparing = step === null && activeFit === null && Array.isArray(this) && this.length >= 8;
      const watchBooleans = preparing && method === 'sort' && typeof args[0] === 'function' && booleanSortNotes < BOOLEAN_SORT_NOTES;
      const out = watchBooleans ? sortWatchingBooleans(this, original, wrapped, args[0]) : original.apply(this, args);
      if (preparing && method === 'sort' && args[0] === undefined && textSortNotes < TEXT_SORT_NOTES && typeof this[0] === 'string') {
        try {
          noteSortedAsText(this, original, wrapped);
        } catch {
          /* the call is done all the same */
        }
      }
      if (preparing && sortNotes < SORT_NOTES && typeof this[0] === 'number') {
        try {
          // Only a call the script's own code makes: tfjs's and the probe's have another caller.
          const site = userSiteFromStack(captureStack(wrapped, 1).stack, PROBE_FILE);
          if (site) {
            sortNotes++;
            shuffleWatch.noteSort(this, site, method);
          }
        } catch {
          /* the call is done all the same */
        }
      }
      return out;
    };
    (wrapped as any)[MARK] = true;
    try {
      Object.defineProperty(Array.prototype, method, { value: wrapped, writable: true, configurable: true, enumerable: false });
    } catch {
      /* not redefinable: the calls go unnoticed */
    }
  }
}

/** The first rows of a data tensor (6 at most), read back once. */
function headOf(tensor: any): Head | null {
  if (!isReadable(tensor) || tensor.rank < 1 || !tfCore) return null;
  const rows = Math.min(tensor.shape[0] as number, 6);
  if (!(rows >= 2)) return null;
  const columns = tensor.size / tensor.shape[0];
  if (tensor.size <= HEAD_READ_LIMIT) return { rows, columns, values: (tensor.dataSync() as Float32Array).slice(0, rows * columns) };
  const head = tfCore.tidy(() => tensor.slice(0, rows));
  try {
    return { rows, columns, values: head.dataSync() as ArrayLike<number> };
  } finally {
    head.dispose();
  }
}

/** A custom loop's first inputs (its first forward pass) and targets (its first loss call), in either order. */
function noteFirstRows(entry: TracedModel, role: 'x' | 'y', tensor: any): void {
  if (!shuffleWatch.hasCandidates()) return;
  const rows = (entry.firstRows ??= {});
  rows[role] = headOf(tensor);
  if (rows.x !== undefined && rows.y !== undefined) {
    const { x, y } = rows;
    checkShuffledApart(entry, () => [x, y]);
    // Seen, and no longer needed.
    rows.x = rows.y = null;
  }
}

/** `heads` reads the first rows of the inputs and targets; only called when two arrays were shuffled apart. */
function checkShuffledApart(entry: TracedModel, heads: () => [Head | null, Head | null]): void {
  if (shuffleChecked.has(entry) || !shuffleWatch.hasCandidates()) return;
  try {
    const [x, y] = heads();
    if (!x || !y) return;
    shuffleChecked.add(entry);
    const inside = shuffleWatch.findInsideSamples(x);
    if (inside) emit({ type: 'shuffledInsideSamples', modelId: entry.id, ...inside } satisfies ShuffledInsideSamplesEvent);
    const sorted = shuffleWatch.findSortedTargets(x, y);
    if (sorted?.site) emit({ type: 'targetsSorted', modelId: entry.id, site: sorted.site, ...(sorted.method === 'reverse' ? { method: 'reverse' as const } : {}) } satisfies TargetsSortedEvent);
    const series = shuffleWatch.findShuffledSeries(x);
    if (series) emit({ type: 'shuffledSeries', modelId: entry.id, ...series } satisfies ShuffledSeriesEvent);
    const found = shuffleWatch.find(x, y);
    if (!found) return;
    emit({ type: 'shuffledApart', modelId: entry.id, ...found, combo: typeof tfCore?.util?.shuffleCombo === 'function' } satisfies ShuffledApartEvent);
  } catch (error) {
    warnOnce(`shuffle inspection failed: ${(error as Error).message}`);
  }
}

function tensorsOf(value: any): any[] {
  return Array.isArray(value) ? value : value && typeof value === 'object' && !isTensor(value) ? Object.values(value) : [value];
}

/** `inputs`, given with fit's targets: a single input they are checked against (see neighbourTargets). */
function sendData(entry: TracedModel, role: DataEvent['role'], value: any, site: SourceSite | null, inputs?: any): void {
  const inputList = inputs === undefined ? [] : tensorsOf(inputs);
  const targets = tensorsOf(value);
  targets.slice(0, 8).forEach((tensor, slot) => {
    if (!isTensor(tensor)) return;
    const summary = summarize(tensor, role === 'y' || role === 'yVal');
    if (!summary) return;
    const neighbours = inputList.length === 1 && targets.length === 1 ? neighboursOf(inputList[0], tensor) : null;
    const columnMajor = neighbours ? safe(() => columnMajorNeighbours(inputList[0], tensor, neighbours), null) : null;
    const column = role === 'y' ? targetColumnOf(tensor) : null;
    const groups = column ? safe(() => scaleGroups(column), null) : null;
    const zeros = column ? safe(() => zerosApart(column), null) : null;
    const extra = { ...(neighbours ? { neighbourTargets: neighbours, ...(columnMajor ? { columnMajorTargets: columnMajor } : {}) } : {}), ...(groups ? { scaleGroups: groups } : {}), ...(zeros ? { zerosApart: zeros } : {}) };
    emitData(entry, role, slot, { ...summary, ...extra }, site, tensor);
  });
}

/**
 * fit given one tensor as inputs and targets (an autoencoder) while the script made another of the
 * same shape that it is that tensor plus independent noise: the inputs' variance is the other's
 * plus their squared difference, and the difference is a small share of it. A denoising
 * autoencoder trained toward its noisy inputs learns to reproduce the noise; the other tensor is
 * the clean targets. Sent once, with the line that made the clean tensor.
 */
const NOISY_SHARE_MAX = 0.5;
const NOISY_SHARE_MIN = 1e-4;
const NOISY_READ = 1_000_000;

function checkNoisyTargets(entry: TracedModel, x: any, fitSite: SourceSite | null): void {
  if (!isReadable(x) || !x.dtype.startsWith('float') || x.size > NOISY_READ || x.size < 64) return;
  const candidates = madeAlike(x);
  if (candidates.length === 0) return;
  const a = x.dataSync() as ArrayLike<number>;
  for (const other of candidates.slice(0, 4)) {
    const c = other.dataSync() as ArrayLike<number>;
    const n = a.length;
    let meanA = 0;
    let meanC = 0;
    for (let i = 0; i < n; i++) {
      meanA += a[i]!;
      meanC += c[i]!;
    }
    meanA /= n;
    meanC /= n;
    let varA = 0;
    let varC = 0;
    let diffSq = 0;
    let covCD = 0;
    for (let i = 0; i < n; i++) {
      const da = a[i]! - meanA;
      const dc = c[i]! - meanC;
      varA += da * da;
      varC += dc * dc;
      diffSq += (a[i]! - c[i]!) ** 2;
      covCD += dc * (da - dc);
    }
    if (!(varA > 0) || !Number.isFinite(varA + varC + diffSq + covCD)) continue;
    const share = diffSq / varA;
    // x = c + noise, the noise independent of c: var(x) ≈ var(c) + E[(x − c)²], and cov(c, x − c) ≈ 0.
    const independent = Math.abs(covCD) <= 0.1 * Math.sqrt(varC * diffSq) + 1e-12;
    const adds = Math.abs(varA - varC - diffSq) <= 0.15 * diffSq;
    if (share < NOISY_SHARE_MIN || share > NOISY_SHARE_MAX || !independent || !adds) continue;
    const madeAt = madeBy(other, PROBE_FILE)?.site ?? null;
    emit({ type: 'noisyTargets', modelId: entry.id, fitSite, cleanSite: madeAt, noiseShare: share } satisfies NoisyTargetsEvent);
    return;
  }
}

/** Columns of fit's inputs read this way at most: a table a few columns wide. */
const COLUMN_MAJOR_WIDTH = 64;

/**
 * Inputs whose targets sit at chance read row by row, re-read as if their flat values held whole
 * columns one after another (`tf.tensor2d([...ages, ...incomes], [n, 2])`, which fills rows): the
 * pairs of that reading, when they relate to the targets clearly. Null otherwise.
 */
function columnMajorNeighbours(x: any, y: any, rowMajor: NeighbourTargets): NeighbourTargets | null {
  const agreement = neighbourAgreement(rowMajor);
  if (agreement === null || agreement >= 0.1 || !isReadable(x) || !isReadable(y) || x.rank !== 2 || x.dtype === 'string') return null;
  const [rows, width] = x.shape as [number, number];
  if (width < 2 || width > COLUMN_MAJOR_WIDTH || rows * width > NEIGHBOUR_READ || rows % 1 !== 0) return null;
  const flat = valuesOf(x);
  const reread = new Float64Array(rows * width);
  for (let r = 0; r < rows; r++) for (let c = 0; c < width; c++) reread[r * width + c] = flat[c * rows + r]!;
  const n = neighbourTargets(reread, x.shape, valuesOf(y), y.shape);
  const then = n ? neighbourAgreement(n) : null;
  return n && then !== null && then >= 0.3 && n.pairs >= 64 ? n : null;
}

/** One column of float targets ([n] or [n, 1]), read whole when not too large; null for others. */
function targetColumnOf(y: any): ArrayLike<number> | null {
  if (!isReadable(y) || !y.dtype.startsWith('float') || y.size > NEIGHBOUR_READ || y.rank > 2 || (y.rank === 2 && y.shape[1] !== 1)) return null;
  return safe(() => valuesOf(y), null);
}

function neighboursOf(x: any, y: any): NeighbourTargets | null {
  const tf = tfCore;
  if (!tf || !isReadable(x) || !isReadable(y) || x.dtype === 'string' || x.rank < 2 || y.shape[0] !== x.shape[0]) return null;
  const rows: number = x.shape[0];
  const width = x.size / rows;
  // A large set is read back only in the rows the search would use (an even stride of them).
  const wanted = Math.max(256, Math.floor(NEIGHBOUR_READ / width));
  if (rows <= wanted) return safe(() => neighbourTargets(valuesOf(x), x.shape, valuesOf(y), y.shape), null);
  const picked = tf.tidy(() => {
    const index = tf.tensor1d(Array.from({ length: wanted }, (_, i) => Math.floor((i * rows) / wanted)), 'int32');
    return [tf.gather(x, index), tf.gather(y, index)];
  });
  try {
    return safe(() => neighbourTargets(picked[0].dataSync() as ArrayLike<number>, picked[0].shape, picked[1].dataSync() as ArrayLike<number>, picked[1].shape, false), null);
  } finally {
    for (const t of picked) t.dispose();
  }
}

function emitData(entry: TracedModel, role: DataEvent['role'], slot: number, summary: TensorSummary, site: SourceSite | null, tensor?: object): void {
  const found = tensor ? safe(() => dataOrigin(tensor, PROBE_FILE), null) : null;
  // Data holding NaN or Infinity: also where they entered, which may lie before the origin (a division of data already NaN).
  const nonFinite = found && tensor && summary.nanCount + summary.infCount > 0 ? safe(() => nonFiniteOrigin(tensor, PROBE_FILE), null) : null;
  const origin = found && nonFinite ? { ...found, nonFiniteFrom: nonFinite } : found;
  emit({ type: 'data', modelId: entry.id, role, slot, summary, site, ...(origin ? { origin } : {}) } satisfies DataEvent);
}

function isTensor(value: any): boolean {
  return !!value && typeof value === 'object' && typeof value.dataSync === 'function' && Array.isArray(value.shape);
}

/** Elements of fit's inputs read back for the targets-against-inputs check at most (rows at an even stride). */
const NEIGHBOUR_READ = 1_000_000;

/** Above this many elements a data tensor is described from an evenly strided sample. */
const SUMMARY_FULL_LIMIT = 16_000_000;

function summarize(tensor: any, wantDistinct: boolean): TensorSummary | null {
  const tf = tfCore;
  if (!tf || tensor.isDisposed || tensor.dtype === 'string') return null;
  const shape: number[] = Array.from(tensor.shape);
  if (tensor.size <= SUMMARY_FULL_LIMIT) return tensorSummary(valuesOf(tensor), shape, String(tensor.dtype), wantDistinct);
  // A huge dataset: rows sampled at an even stride keep the value range honest without copying it all.
  const stride = Math.ceil(tensor.size / SUMMARY_FULL_LIMIT);
  const rows = shape[0] ?? 1;
  const sample = tf.tidy(() => tf.gather(tensor, tf.range(0, rows, stride, 'int32')));
  try {
    const summary = tensorSummary(sample.dataSync() as ArrayLike<number>, sample.shape, String(tensor.dtype), wantDistinct);
    // Counts and positions from the sample: the first bad row maps back by the stride; how many rows hold one is unknown.
    const first = summary.firstNonFinite ? [summary.firstNonFinite[0]! * stride, ...summary.firstNonFinite.slice(1)] : null;
    return { ...summary, shape: shapeOf(shape), count: tensor.size, firstNonFinite: first, nonFiniteRows: null };
  } finally {
    sample.dispose();
  }
}

/** Reads a list of tensors back with as few read-backs as memory allows (one, in the usual case). */
const READ_GROUP_LIMIT = 4_000_000;

function readValues(tf: any, tensors: any[]): Array<ArrayLike<number>> {
  const out: Array<ArrayLike<number>> = new Array(tensors.length);
  let i = 0;
  while (i < tensors.length) {
    let j = i;
    let total = 0;
    while (j < tensors.length && (j === i || total + tensors[j].size <= READ_GROUP_LIMIT)) total += tensors[j++].size;
    if (j - i === 1) {
      out[i] = tensors[i].dataSync() as ArrayLike<number>;
    } else {
      const group = tensors.slice(i, j);
      const joined = tf.tidy(() => tf.concat(group.map((t: any) => tf.reshape(t.dtype === 'float32' ? t : tf.cast(t, 'float32'), [-1]))));
      const values = joined.dataSync() as Float32Array;
      joined.dispose();
      let offset = 0;
      for (let k = i; k < j; k++) {
        out[k] = values.subarray(offset, offset + tensors[k].size);
        offset += tensors[k].size;
      }
    }
    i = j;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// One optimizer step: forward outputs are read inside the gradient scope (while alive),
// gradients right after they are computed, with a single read-back.

interface PendingStep {
  loss: number | null;
  lossNonFinite: boolean;
  gradNorm: number | null;
  gradNonFinite: boolean;
  learningRate: number | null;
  learningRateNonFinite: boolean;
  learningRateSite: SourceSite | null;
  /** Variable writes so far when the step's weights were read (null: not counted). */
  weightWrites: number | null;
  layers?: LayerDetail[];
}

interface StepState {
  entry: TracedModel;
  outputs: Map<number, any>;
  firstInput: any | null;
  detailed: boolean;
  /** Output statistics per layer index, on detailed steps. */
  forwardStats: Map<number, OutputStats>;
  loss: number | null;
  /** Inside model.predict (or predictOnBatch), which frees each batch's layer outputs before the step's loss is known. */
  inPredict: number;
  /** The probe's own copies of those outputs, kept until they are read and then freed. */
  owned: any[];
  /** Per layer, the copies of each batch predict split the step's inputs into (more than one when over its batch size). */
  predictParts: Map<number, any[]>;
  /** Other traced models whose layers ran in this step's forward pass (first steps only). */
  others: Set<TracedModel>;
  /** The tensor each predict call of the step was given (their count numbers the calls), and the one the first pass was made from. */
  predictArgs?: any[];
  firstSource?: any;
  /** The forward pass (a predict call's number, or an apply's) whose input is firstInput. */
  firstInputPass?: number;
  /** firstInput's values, read as it arrived (predict frees its slices), to compare a second view with. */
  firstValues?: ArrayLike<number> | null;
  /** A custom loop's calls of dropout and batch normalization: with `{ training: true }`, or not (their indices). */
  mode?: { training: boolean; inference: number[]; site: SourceSite | null; viaPredict: boolean };
  /** A square root in this step took values at or below 0. */
  opAtZero?: { site: SourceSite | null; call: 'sqrt' | 'norm' | 'log' | 'pow'; zeros: number; negatives: number; count: number; ofProduct?: boolean };
}

let step: StepState | null = null;
let stepDepth = 0;
let lastOptimizer: any = null;

// Adaptive sampling state.
let detailCostMs = 0;
let plainStepMs = 0;
let stepsSinceDetail = 0;

function shouldDetail(entry: TracedModel): boolean {
  if (entry.steps < 3) return true;
  if (config.sampleEvery > 0) return entry.steps % config.sampleEvery === 0;
  // Spend at most `budget` of the training time on detailed statistics.
  const every = plainStepMs > 0 ? Math.ceil(detailCostMs / (config.budget * plainStepMs)) : 10;
  return stepsSinceDetail + 1 >= Math.min(200, Math.max(5, every));
}

/**
 * A trained model called with `{ training: true }` outside training (`model.apply(xTest, { training:
 * true })`, copied from Monte-Carlo dropout code): its dropout layers drop units at random, so the
 * predictions it reports are noisy. Monte-Carlo dropout calls it again and again on the same inputs
 * and averages: a call on inputs already seen marks the model as doing that. Sent when the script
 * ends (see process 'exit'), once per model.
 */
interface TrainingModeAfter {
  site: SourceSite | null;
  calls: number;
  inputs: WeakSet<object>;
  repeated: boolean;
  dropout: string[];
}
const trainingModeAfter = new Map<TracedModel, TrainingModeAfter>();

function noteTrainingModeAfter(entry: TracedModel, input: any): void {
  let seen = trainingModeAfter.get(entry);
  if (!seen) {
    const dropout = modelLayers(entry.model)
      .filter((l) => /dropout/i.test(String(l.getClassName?.() ?? '')) && Number(l.rate) > 0)
      .map((l) => String(l.name).slice(0, 128));
    seen = { site: captureUserSite(PROBE_FILE), calls: 0, inputs: new WeakSet(), repeated: false, dropout };
    trainingModeAfter.set(entry, seen);
  }
  seen.calls++;
  if (isTensor(input)) {
    if (seen.inputs.has(input)) seen.repeated = true;
    else seen.inputs.add(input);
  }
}

/**
 * A custom loop's scoring calls outside its steps, by line: a line that scores the same inputs again
 * and again, call after call, with no step since its last call after one, shows a loop whose
 * training stopped while it went on (its batches came out empty). The first calls per model are
 * placed (a stack each).
 */
const SCORING_CALLS_PLACED = 200;
/** Scoring calls after the last step, on inputs that line scored since, that tell a loop run on without training. */
const CALLS_AFTER_STEPS_STOPPED = 3;
interface ScoringLine {
  site: SourceSite;
  /** The model's steps at this line's last call, and the inputs it scored since they last rose. */
  steps: number;
  inputs: Array<WeakRef<object>>;
  /** Calls since the last new step on inputs scored since. */
  after: number;
}
const scoringLines = new Map<TracedModel, { placed: number; lines: Map<string, ScoringLine> }>();

function noteScoringBetweenSteps(model: any, given: any): void {
  const entry = traced.get(model);
  if (!entry || entry.mode !== 'custom' || entry.steps === 0) return;
  let seen = scoringLines.get(entry);
  if (!seen) scoringLines.set(entry, (seen = { placed: 0, lines: new Map() }));
  if (seen.placed >= SCORING_CALLS_PLACED) return;
  seen.placed++;
  const site = captureUserSite(PROBE_FILE);
  const input = given && typeof given === 'object' ? (given as object) : null;
  if (!site || !input) return;
  const key = `${site.file}:${site.line}`;
  const line = seen.lines.get(key);
  if (!line) {
    seen.lines.set(key, { site, steps: entry.steps, inputs: [new WeakRef(input)], after: 0 });
    return;
  }
  // Inputs scored again with no step between: what a loop that trains between its scorings does when its batches are empty.
  if (entry.steps > line.steps) {
    line.after = 0;
    line.inputs = [];
  } else if (line.inputs.some((r) => r.deref() === input)) line.after++;
  if (!line.inputs.some((r) => r.deref() === input) && line.inputs.length < 4) line.inputs.push(new WeakRef(input));
  line.steps = entry.steps;
}

function sendStepsStopped(): void {
  for (const [entry, seen] of scoringLines) {
    const line = [...seen.lines.values()].find((l) => l.after >= CALLS_AFTER_STEPS_STOPPED && l.steps === entry.steps);
    if (!line) continue;
    emit({ type: 'stepsStopped', modelId: entry.id, site: line.site, steps: entry.steps, callsAfter: line.after } satisfies StepsStoppedEvent);
  }
}

function sendTrainingModeAfter(): void {
  for (const [entry, seen] of trainingModeAfter) {
    if (seen.repeated || seen.dropout.length === 0) continue;
    emit({ type: 'trainingModeAfter', modelId: entry.id, layers: seen.dropout.slice(0, 16), calls: seen.calls, site: seen.site } satisfies TrainingModeAfterEvent, false);
  }
  trainingModeAfter.clear();
}

/** Outputs of layers of another model than the one a step trains (a VAE's decoder, in the encoder's step). */
const otherModelOutputs = new WeakSet<object>();

/**
 * A layer whose output, in a model's first training steps, is a tensor made from plain numbers
 * (a custom layer that reads its input with arraySync, computes in JavaScript and returns
 * tf.tensor(result)): no kernel connects it to its input, so no gradient reaches any layer before
 * it, and they keep their initial weights. Seen only while the step's kernels are traced
 * (lineage); once per model.
 */
let layerCallWatched = 0;
const madeInLayerCall = new WeakMap<object, { stack?: string }>();
const detachedSent = new WeakSet<TracedModel>();

function noteLayerDetached(entry: TracedModel, layer: any, index: number, inputs: any, output: any): void {
  const ins = (Array.isArray(inputs) ? inputs : [inputs]).filter(isTensor);
  // Its input computed in this step (from an earlier layer's weights), its output made from numbers.
  if (!ins.some((t: any) => layerOutputs.has(t) || lineage.has(t))) return;
  for (const o of Array.isArray(output) ? output : [output]) {
    if (!isTensor(o) || ins.includes(o) || lineage.has(o) || !madeInLayerCall.has(o)) continue;
    detachedSent.add(entry);
    emit({ type: 'layerDetached', modelId: entry.id, layer: String(layer?.name ?? `layer ${index}`).slice(0, 256), site: userSiteFromStack(madeInLayerCall.get(o)!.stack, PROBE_FILE) } satisfies LayerDetachedEvent);
    return;
  }
}

function wrapLayerCall(layer: any, entry: TracedModel, index: number): void {
  const existing = layer.call;
  if (existing && existing[MARK]) {
    existing[MARK].entry = entry;
    existing[MARK].index = index;
    return;
  }
  const original = existing;
  const target = { entry, index };
  const wrapped = function (this: any, inputs: any, kwargs: any) {
    if (step && step.entry === target.entry && step.entry.mode === 'custom' && step.entry.steps < INSPECTED_STEPS) noteTrainingMode(step, this, target.index, kwargs);
    if (!step && activeFit === null && target.index === 0 && kwargs?.training === true && target.entry.steps > 0) safe(() => noteTrainingModeAfter(target.entry, Array.isArray(inputs) ? inputs[0] : inputs), undefined);
    // Another model's layers run inside this model's step (a custom GAN loop: D.apply(G.apply(z))).
    if (step && step.entry !== target.entry && step.entry.steps < INSPECTED_STEPS) step.others.add(target.entry);
    // While the step's kernels are traced: a layer whose output comes from no kernel cuts the gradient.
    const watchDetach = !!step && step.entry === target.entry && step.entry.steps < INSPECTED_STEPS && !detachedSent.has(step.entry) && tracingLineage(step.entry);
    if (watchDetach) layerCallWatched++;
    if (step && !stepBelowResolutionSent && step.entry.steps < INSPECTED_STEPS) safe(() => noteTinyShiftTaken(step!.entry, Array.isArray(inputs) ? inputs[0] : inputs), undefined);
    let output: any;
    try {
      output = original.call(this, inputs, kwargs);
    } finally {
      if (watchDetach) layerCallWatched--;
    }
    if (watchDetach) safe(() => noteLayerDetached(step!.entry, this, target.index, inputs, output), undefined);
    if (step && step.entry !== target.entry && step.entry.steps < INSPECTED_STEPS) for (const o of Array.isArray(output) ? output : [output]) if (isTensor(o)) otherModelOutputs.add(o);
    if (step && step.entry === target.entry) {
      const first = Array.isArray(output) ? output[0] : output;
      if (step.entry.steps < INSPECTED_STEPS && (!blockReported.has(step.entry) || !scaleJudged.has(step.entry) || !outputUseReported(step.entry))) {
        const linear = safe(() => this.activation?.getClassName?.() === 'linear', false);
        for (const o of Array.isArray(output) ? output : [output]) {
          if (!isTensor(o)) continue;
          layerOutputs.add(o);
          if (linear) linearParts.add(o);
        }
      }
      if (step.inPredict > 0) {
        const copy = ownCopy(step, first);
        const parts = step.predictParts.get(target.index);
        if (parts) parts.push(copy);
        else step.predictParts.set(target.index, [copy]);
        step.outputs.set(target.index, copy);
      } else step.outputs.set(target.index, first);
      // The forward pass this input starts: a predict call (which feeds its input in slices), or an apply.
      const pass = target.index === 0 ? (step.inPredict > 0 ? (step.predictArgs?.length ?? 0) : -(++layerZeroApplies)) : 0;
      if (target.index === 0 && step.firstInput === null) {
        step.firstInput = Array.isArray(inputs) ? inputs[0] : inputs;
        step.firstInputPass = pass;
        step.firstSource = pass > 0 ? step.predictArgs?.[pass - 1] : step.firstInput;
        if (step.entry.mode === 'custom' && step.entry.steps < INSPECTED_STEPS && !viewsReported.has(step.entry)) step.firstValues = safe(() => viewValues(step!.firstInput), null);
        // Read now: model.predict feeds the layers slices it disposes before the step's loss is known.
        if (!step.entry.dataSent) sendFirstInput(step);
      } else if (target.index === 0 && step.firstValues && pass !== step.firstInputPass) {
        const input = Array.isArray(inputs) ? inputs[0] : inputs;
        const s = step;
        // The second pass's first input is compared once; the same tensor run twice is not two views.
        if ((pass > 0 ? s.predictArgs?.[pass - 1] : input) !== s.firstSource) safe(() => noteSecondView(s, input), undefined);
        s.firstValues = null;
      }
    }
    return output;
  };
  (wrapped as any)[MARK] = target;
  layer.call = wrapped;
}

const viewsReported = new WeakSet<TracedModel>();
/** Calls of a traced model's first layer outside predict: each is a forward pass of its own. */
let layerZeroApplies = 0;
/** The model's inspected steps that fed it the same values twice: all of them, once there are this many, is no chance. */
const IDENTICAL_VIEW_STEPS = 3;
const identicalViewSteps = new WeakMap<TracedModel, { steps: number; last: number }>();
/** Inputs read back to compare two views, at most. */
const VIEW_READ_LIMIT = 1 << 16;

/** A copy of an input's values small enough to compare as a view, or null. */
function viewValues(x: any): ArrayLike<number> | null {
  return isReadable(x) && x.size >= 2 && x.size <= VIEW_READ_LIMIT ? Float32Array.from(x.dataSync() as ArrayLike<number>) : null;
}

/**
 * A custom step that runs a model twice (two views of a batch, as contrastive learning does) on
 * inputs holding the same values: a model without dropout gives the same outputs twice, so the
 * two views agree from the start and the loss learns nothing about what should not matter.
 * Reported once every inspected step so far has done it, IDENTICAL_VIEW_STEPS at least.
 */
function noteSecondView(step: StepState, input: any): void {
  const a = step.firstValues;
  const entry = step.entry;
  const b = a ? viewValues(input) : null;
  if (!a || !b || a.length !== b.length) return;
  if (entry.layers.some((l) => TRAINING_DEPENDENT.has(safe(() => String(l.getClassName?.() ?? ''), '')))) return;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) {
    viewsReported.add(entry);
    return;
  }
  const seen = identicalViewSteps.get(entry) ?? { steps: 0, last: -1 };
  if (seen.last === entry.steps) return;
  seen.steps++;
  seen.last = entry.steps;
  identicalViewSteps.set(entry, seen);
  if (seen.steps < IDENTICAL_VIEW_STEPS || seen.steps < entry.steps + 1) return;
  viewsReported.add(entry);
  emit({ type: 'viewsIdentical', modelId: entry.id, steps: seen.steps, site: captureUserSite(PROBE_FILE) } satisfies ViewsIdenticalEvent);
}

/**
 * Dropout and batch normalization act only when called with `{ training: true }`: fit passes it,
 * but a custom loop that calls `model.predict(x)` or `model.apply(x)` runs them in inference mode,
 * so dropout drops nothing and batch normalization uses moving statistics that never update. The
 * calls of such layers in a custom loop's first steps are checked; one made without the flag, in a
 * step where none had it, is reported once with the user's line that called the model.
 */
const TRAINING_DEPENDENT = new Set(['Dropout', 'SpatialDropout1D', 'SpatialDropout2D', 'SpatialDropout3D', 'GaussianDropout', 'GaussianNoise', 'AlphaDropout', 'BatchNormalization']);
const modeReported = new WeakSet<TracedModel>();

function noteTrainingMode(state: StepState, layer: any, index: number, kwargs: any): void {
  if (modeReported.has(state.entry)) return;
  try {
    const className = String(layer.getClassName?.() ?? '');
    if (!TRAINING_DEPENDENT.has(className)) return;
    // A dropout of rate 0 (or a noise of stddev 0) does nothing in either mode.
    if ((typeof layer.rate === 'number' && layer.rate <= 0) || (typeof layer.stddev === 'number' && layer.stddev <= 0)) return;
    const mode = (state.mode ??= { training: false, inference: [], site: null, viaPredict: false });
    if (kwargs?.training === true) mode.training = true;
    else if (!mode.inference.includes(index)) {
      mode.inference.push(index);
      if (mode.site === null) {
        mode.site = captureUserSite(PROBE_FILE);
        mode.viaPredict = state.inPredict > 0;
      }
    }
  } catch (error) {
    warnOnce(`training mode inspection failed: ${(error as Error).message}`);
  }
}

function reportTrainingMode(state: StepState): void {
  const mode = state.mode;
  if (!mode || mode.training || mode.inference.length === 0 || modeReported.has(state.entry)) return;
  modeReported.add(state.entry);
  emit({ type: 'inferenceMode', modelId: state.entry.id, layers: mode.inference.slice(0, 16), site: mode.site, call: mode.viaPredict ? 'predict' : 'apply' } satisfies InferenceModeEvent);
}

/**
 * A copy of a layer output that model.predict would free before it is read: a clone shares the
 * values (no copy of the data), and keep() takes it out of predict's tidy. Freed once read.
 */
function ownCopy(state: StepState, output: any): any {
  if (!isTensor(output) || !tfCore) return output;
  try {
    const copy = tfCore.keep(tfCore.clone(output));
    state.owned.push(copy);
    return copy;
  } catch {
    return output;
  }
}

function releaseOwned(state: StepState): void {
  for (const t of state.owned.splice(0)) {
    try {
      t.dispose();
    } catch {
      /* already freed */
    }
  }
}

/** The last custom-loop owner, reused while the loop trains the same variables. */
let lastOwner: { varList: any[] | null; variableCount: number; models: number; entry: TracedModel } | null = null;

function ownerOf(varList: any[] | null): TracedModel {
  if (activeFit) return activeFit.traced;
  const registered = tfCore?.engine?.().registeredVariables ?? {};
  const variableCount = varList ? varList.length : Object.keys(registered).length;
  if (lastOwner && lastOwner.varList === varList && lastOwner.variableCount === variableCount && lastOwner.models === nextModelId) {
    return lastOwner.entry;
  }
  const entry = findOwner(varList, registered);
  lastOwner = { varList, variableCount, models: nextModelId, entry };
  return entry;
}

function findOwner(varList: any[] | null, registered: Record<string, any>): TracedModel {
  // A custom loop: find the model whose layers own the variables being trained.
  const names = new Set<string>();
  if (varList) for (const v of varList) names.add(String(v?.name));
  else for (const [name, variable] of Object.entries<any>(registered)) if (variable?.trainable !== false) names.add(name);
  for (const entry of traced.values()) {
    if (entry.superseded && !varList) continue;
    if (entry.mode === 'custom' && [...entry.variableOwners.keys()].some((n) => names.has(n))) return entry;
    if (entry.model === null && entry.mode === 'custom') return entry;
  }
  // Frozen weights still name their model: a step on them stops in tfjs with a message the
  // frozen-model finding explains.
  const model = bestContainer(names, (m) => m.trainableWeights) ?? bestContainer(names, (m) => m.weights);
  return registerModel(model, 'custom', captureUserSite(PROBE_FILE), {});
}

/**
 * The model whose weights are exactly those trained, else the smallest that holds them all; among
 * equals one that is no part of another model. A GAN's discriminator trained on its own is the
 * discriminator, not the combined model that also holds its weights.
 */
function bestContainer(names: Set<string>, weightsOf: (model: any) => any[]): any | null {
  let best: { model: any; rank: number[] } | null = null;
  for (const ref of knownContainers) {
    const model = ref.deref();
    if (!model) {
      knownContainers.delete(ref);
      continue;
    }
    const weights: any[] = safe(() => weightsOf(model), []) ?? [];
    const shared = weights.filter((w) => names.has(String(w.name))).length;
    if (shared === 0) continue;
    const covers = shared === names.size;
    const rank = [covers && weights.length === names.size ? 0 : covers ? 1 : 2, isNested(model) ? 1 : 0, weights.length];
    if (!best || before(rank, best.rank)) best = { model, rank };
  }
  return best?.model ?? null;
}

/** Lexicographic order of two rankings of equal length. */
function before(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

function isNested(model: any): boolean {
  for (const ref of knownContainers) {
    const other = ref.deref();
    // A layer of another model, or the functional model a Sequential keeps inside (its `model`).
    if (other && other !== model && ((Array.isArray(other.layers) && other.layers.includes(model)) || other.model === model)) return true;
  }
  return false;
}

function runStep(optimizer: any, varList: any[] | null, f: () => any, compute: (wrapped: () => any) => any): any {
  if (stepDepth > 0 || !tfCore) return compute(f);
  stepDepth++;
  if (optimizer) lastOptimizer = optimizer;
  const t0 = performance.now();
  let entry: TracedModel;
  try {
    entry = ownerOf(varList);
  } catch {
    stepDepth--;
    return compute(f);
  }
  watchLeaks(entry);
  lastStepEntry = entry;
  const detailed = shouldDetail(entry);
  const state: StepState = { entry, outputs: new Map(), firstInput: null, detailed, forwardStats: new Map(), loss: null, inPredict: 0, owned: [], predictParts: new Map(), others: new Set() };
  step = state;
  let result: any;
  let detailMs = 0;
  try {
    result = compute(() => {
      const y = f();
      if (step === state) {
        const d0 = performance.now();
        try {
          // Before afterForward, which may end the tracing of this model's kernels.
          noteAcrossOutputsLoss(state.entry, y);
          afterForward(state, y);
        } catch (error) {
          warnOnce(`forward statistics failed: ${(error as Error).message}`);
        }
        releaseOwned(state);
        detailMs += performance.now() - d0;
        step = null;
      }
      return y;
    });
  } finally {
    if (step === state) step = null;
    releaseOwned(state);
    stepDepth--;
  }
  // A step that names no variables trains every registered one; the model it really trained is the
  // one its gradients reached. A loop that builds a new model (an old one's variables stay
  // registered) moves on to it here; this step's statistics were watched on the old one.
  if (!varList && !activeFit && entry.model && replacedBy(entry, result?.grads)) return result;
  reportTrainingMode(state);
  if (sliceWatchOpen) noteStepSlice(state.entry, state.firstInput);
  if (!emptyBatchSent.has(state.entry) && isTensor(state.firstInput) && state.firstInput.shape?.[0] === 0) noteEmptyBatch(state.entry);
  if (varList && !entry.model) noteRemadeVariables(entry, varList);
  if (!entry.model && !initChecked.has(entry)) {
    initChecked.add(entry);
    // Without a varList, the variables trained are those the gradients reached.
    const registered = tfCore?.engine?.()?.registeredVariables ?? {};
    const trained = varList ?? Object.keys(result?.grads ?? {}).map((name) => registered[name]).filter(Boolean);
    safe(() => noteVariablesInitWide(entry, trained), undefined);
    safe(() => noteKernelsFrozen(entry, trained, Object.values(registered)), undefined);
  }
  try {
    const d0 = performance.now();
    const pending = afterGradients(state, optimizer ?? appliedBy.get(entry) ?? lastOptimizer, result?.grads ?? {});
    reportOpAtZero(state, pending);
    detailMs += performance.now() - d0;
    const total = performance.now() - t0;
    if (state.detailed) {
      detailCostMs = detailCostMs === 0 ? detailMs : 0.8 * detailCostMs + 0.2 * detailMs;
      stepsSinceDetail = 0;
    } else {
      plainStepMs = plainStepMs === 0 ? total : 0.9 * plainStepMs + 0.1 * total;
      stepsSinceDetail++;
    }
    if (activeFit && activeFit.traced === entry) activeFit.pending = pending;
    else finishStep(entry, pending, null, null, {});
    if (entry.mode === 'custom') {
      if (varList && optimizer) noteRateGroup(entry, optimizer, varList);
      if (optimizer) noteStepVariables(entry, optimizer, varList, result?.grads);
      if (!fedByUntrainedSent) noteFedByUntrained(entry, state.firstInput);
      if (!divisorCrossedSent && learnedDivisors.size > 0) noteDivisorsCrossed(entry);
      if (!rowsIdenticalSent) noteIdenticalRows(entry, state.firstInput);
      noteComputedGradients(entry, result?.grads, pending.gradNorm);
      watchAscent(entry, result?.grads);
    }
    watchOpponents(entry, result?.grads, state.others);
  } catch (error) {
    warnOnce(`step statistics failed: ${(error as Error).message}`);
  }
  return result;
}

/** Outputs of predict calls made outside any step by a model none of whose weights was ever written. */
const untrainedOutputs = new WeakMap<object, { model: any; site: SourceSite | null }>();
/** Per custom loop's model: the untrained model whose predictions its first step was fed, and from which step (null: none). */
const fedWatch = new WeakMap<TracedModel, { model: any; site: SourceSite | null; from: number } | null>();
let fedByUntrainedSent = false;
/** Steps after which a feeding model still never written is taken for one that is never trained. */
const FED_JUDGED_AFTER = 30;

/** Whether a model has weights and none of them was ever written (trained, loaded or set). */
function neverWrittenModel(model: any): boolean {
  const all: any[] = safe(() => model.weights, []) ?? [];
  return all.length > 0 && all.every((w) => w?.val && typeof w.val === 'object' && !writtenVariables.has(w.val));
}

function noteUntrainedOutputs(model: any, out: any): void {
  if (!neverWrittenModel(model)) return;
  const site = captureUserSite(PROBE_FILE);
  for (const t of Array.isArray(out) ? out : [out]) if (isTensor(t)) untrainedOutputs.set(t, { model, site });
}

/**
 * A custom loop's model that learns from the predictions of a model never trained, loaded or set: the
 * features it is given are a random projection of the data (an encoder run with predict before the
 * step, so the loss never reaches it). Judged after FED_JUDGED_AFTER more steps, so a model trained
 * alongside (a GAN's generator) is not taken for an untrained one.
 */
function noteFedByUntrained(entry: TracedModel, input: unknown): void {
  const watch = fedWatch.get(entry);
  if (watch === undefined) {
    const fed = isTensor(input) ? untrainedOutputs.get(input as object) : undefined;
    fedWatch.set(entry, fed && fed.model !== entry.model ? { ...fed, from: entry.steps } : null);
    return;
  }
  if (watch === null || entry.steps - watch.from < FED_JUDGED_AFTER) return;
  fedWatch.set(entry, null);
  if (!neverWrittenModel(watch.model)) return;
  fedByUntrainedSent = true;
  emit({ type: 'fedByUntrained', modelId: entry.id, site: watch.site, steps: entry.steps - watch.from } satisfies FedByUntrainedEvent);
}

/** Trainable scalar variables a custom step divides by, with their value when first seen (a few at most). */
const learnedDivisors = new Map<object, { start: number; entry: TracedModel }>();
let divisorCrossedSent = false;

function noteLearnedDivisor(entry: TracedModel, b: any): void {
  if (!isTensor(b) || b.size !== 1 || typeof (b as any).assign !== 'function' || (b as any).trainable === false || learnedDivisors.has(b) || learnedDivisors.size >= 4) return;
  const start = Number(b.dataSync()[0]);
  if (Number.isFinite(start) && start > 0) learnedDivisors.set(b, { start, entry });
}

/**
 * A learned divisor (a temperature kept as a raw variable) that its optimizer has moved to 0 or
 * below: nothing keeps a raw variable positive, and past 0 the division flips the sign of the
 * logits it scales. Read after every step: one number per divisor.
 */
function noteDivisorsCrossed(entry: TracedModel): void {
  for (const [v, d] of learnedDivisors) {
    if (d.entry !== entry || (v as any).isDisposed) continue;
    const value = Number((v as any).dataSync()[0]);
    if (!(value <= 0)) continue;
    divisorCrossedSent = true;
    emit({ type: 'divisorCrossedZero', modelId: entry.id, site: userSiteFromStack(variableStacks.get(v)?.stack, PROBE_FILE), start: d.start, value, iter: entry.steps - 1 } satisfies DivisorCrossedZeroEvent);
    return;
  }
}

/** Per custom loop's model: the row each of its first steps' batches repeated (null once a batch was not one row repeated). */
const repeatedRows = new WeakMap<TracedModel, Float32Array[] | null>();
let rowsIdenticalSent = false;
/** Steps whose batches must each repeat one row. */
const IDENTICAL_ROW_STEPS = 3;

/**
 * A custom loop whose first steps each train on one row repeated through the batch, another row at
 * each step: the batch was gathered from references to one array the script overwrites in place (a
 * replay buffer that keeps the environment's state array itself), so every stored row is the latest.
 * A row that is the same at every step is a constant input on purpose (a bandit without context).
 */
function noteIdenticalRows(entry: TracedModel, input: any): void {
  const seen = repeatedRows.get(entry);
  if (seen === null) return;
  if (!isReadable(input) || input.rank !== 2 || input.shape[0] < 8 || input.shape[1] < 2 || input.size > 100_000) {
    repeatedRows.set(entry, null);
    return;
  }
  const [rows, width] = input.shape as [number, number];
  const values = input.dataSync() as ArrayLike<number>;
  for (let r = 1; r < rows; r++) {
    for (let c = 0; c < width; c++) {
      if (values[r * width + c] !== values[c]) {
        repeatedRows.set(entry, null);
        return;
      }
    }
  }
  const list = seen ?? [];
  list.push(Float32Array.from({ length: width }, (_, c) => values[c]!));
  repeatedRows.set(entry, list);
  if (list.length < IDENTICAL_ROW_STEPS) return;
  repeatedRows.set(entry, null);
  const changes = list.some((row) => row.some((v, c) => v !== list[0]![c]));
  if (!changes) return;
  rowsIdenticalSent = true;
  emit({ type: 'rowsIdentical', modelId: entry.id, site: captureUserSite(PROBE_FILE), rows, steps: list.length } satisfies RowsIdenticalEvent);
}

/** Variables a fit has trained: a custom loop given them next fine-tunes a pretrained part. */
const fitTrainedVariables = new WeakSet<object>();

function noteFitTrained(model: any): void {
  for (const w of model.trainableWeights ?? []) {
    const v = w?.val ?? w;
    if (v && typeof v === 'object') fitTrainedVariables.add(v);
  }
}

/** One optimizer of a custom loop: its rate, how many of its variables a fit trained, of how many, and where it steps them. */
interface RateGroup {
  rate: number;
  pretrained: number;
  count: number;
  site: SourceSite | null;
}
/** A custom loop's optimizers that each step their own variables. */
const rateGroups = new WeakMap<TracedModel, { groups: Map<object, RateGroup>; done: boolean }>();
/** Rates this many times apart make a fine-tuning's two groups (a small rate for the pretrained part, a large one for the new). */
const RATE_GROUPS_APART = 10;

/**
 * Fine-tuning with one optimizer per group of variables, where the large rate steps variables an
 * earlier fit trained and the small one steps variables no fit has: the pretrained part is
 * rewritten by the large steps and the new part barely moves (the two varLists swapped).
 */
function noteRateGroup(entry: TracedModel, optimizer: any, varList: any[]): void {
  let r = rateGroups.get(entry);
  if (!r) rateGroups.set(entry, (r = { groups: new Map(), done: false }));
  if (r.done || r.groups.has(optimizer) || r.groups.size >= 4 || varList.length === 0) return;
  const rate = optimizer.learningRate;
  if (typeof rate !== 'number' || !(rate > 0)) return;
  const pretrained = varList.filter((v) => fitTrainedVariables.has(v)).length;
  r.groups.set(optimizer, { rate, pretrained, count: varList.length, site: captureUserSite(PROBE_FILE) });
  if (r.groups.size !== 2) return;
  r.done = true;
  const [a, b] = [...r.groups.values()] as [RateGroup, RateGroup];
  const [old, fresh] = a.pretrained === a.count && b.pretrained === 0 ? [a, b] : b.pretrained === b.count && a.pretrained === 0 ? [b, a] : [null, null];
  if (!old || !fresh || old.rate < RATE_GROUPS_APART * fresh.rate) return;
  emit({ type: 'rateGroupsSwapped', modelId: entry.id, pretrainedRate: old.rate, freshRate: fresh.rate, pretrainedSite: old.site, freshSite: fresh.site } satisfies RateGroupsSwappedEvent);
}

/** A custom loop's optimizers: the variables each one's first step updated, whether the step named them, and where. */
const stepVariables = new Map<object, { vars: Set<object>; named: boolean; site: SourceSite | null }>();
let varListMissingSent = false;

/**
 * Two optimizers of a custom loop, one whose steps name their variables and one whose steps do not:
 * the unnamed one updates every variable its gradients reach, and when those hold most of the
 * other's own, both optimizers step them (a GAN's generator step that also trains the
 * discriminator to call fakes real).
 */
function noteStepVariables(entry: TracedModel, optimizer: object, varList: any[] | null, grads: Record<string, unknown> | undefined): void {
  if (varListMissingSent || stepVariables.has(optimizer) || stepVariables.size >= 8) return;
  const registered = tfCore?.engine?.()?.registeredVariables ?? {};
  const vars: object[] = varList ?? Object.keys(grads ?? {}).map((name) => registered[name]).filter(Boolean);
  if (vars.length === 0) return;
  const mine = { vars: new Set(vars), named: varList !== null, site: captureUserSite(PROBE_FILE) };
  stepVariables.set(optimizer, mine);
  for (const [other, theirs] of stepVariables) {
    if (other === optimizer || theirs.named === mine.named) continue;
    const [unnamed, named] = mine.named ? [theirs, mine] : [mine, theirs];
    const shared = [...named.vars].filter((v) => unnamed.vars.has(v)).length;
    // The unnamed step must also train variables of its own: one that trains only the other's is a second rate for them.
    if (shared < 2 || shared * 2 < named.vars.size || unnamed.vars.size === shared) continue;
    varListMissingSent = true;
    emit({ type: 'varListMissing', modelId: entry.id, site: unnamed.site, namedSite: named.site, shared, own: unnamed.vars.size - shared } satisfies VarListMissingEvent);
    return;
  }
}

/** Where each tf.variable was made (unformatted stacks; the first few thousand). */
const variableStacks = new WeakMap<object, { stack?: string }>();
let variableStacksNoted = 0;
const VARIABLE_STACKS = 5000;

function watchVariables(core: any): void {
  noteResults(core, 'variable', (v) => {
    if (variableStacksNoted >= VARIABLE_STACKS) return;
    variableStacksNoted++;
    variableStacks.set(v, captureStack());
  });
}

/** Deviation × √fan-in from which a kernel counts as drawn wide (He's is √2, Glorot's at most that). */
const WIDE_INIT = 4;
/** Kernels larger than this are not read back. */
const INIT_READ_LIMIT = 1 << 20;
const initChecked = new WeakSet<TracedModel>();

/**
 * Raw variables' kernels (rank 2 or more: [fan-in…, units]) read once at the first step: drawn with
 * a root mean square far above √(2 / fan-in) (too wide, or all one sign), each layer multiplies the scale it passes on, and ReLUs die
 * or saturations start pinned. Reported when two or more, and half of all kernels, are so drawn.
 * The same read finds hidden kernels holding one value everywhere (`variablesConstant`).
 */
function noteVariablesInitWide(entry: TracedModel, varList: any[]): void {
  const kernels = varList.filter((v) => v && v.trainable !== false && Array.isArray(v.shape) && v.shape.length >= 2 && v.size <= INIT_READ_LIMIT && v.dtype === 'float32');
  if (kernels.length < 2) return;
  const wide: { std: number; mean: number; rms: number; fanIn: number; shape: number[]; v: any }[] = [];
  const constant: { value: number; shape: number[]; v: any }[] = [];
  const fanIns = new Set(kernels.map((v) => v.shape[0] as number));
  for (const v of kernels) {
    const values = v.dataSync() as Float32Array;
    const s = weightStats(values, '');
    // One value everywhere in a kernel whose units feed another kernel: hidden units that never differ.
    const units = v.shape[v.shape.length - 1] as number;
    if (s.nanCount === 0 && s.infCount === 0 && units >= 2 && fanIns.has(units) && values.every((x) => x === values[0])) constant.push({ value: values[0]!, shape: [...v.shape].slice(0, 8), v });
    // A kernel already holding NaN or Infinity has no deviation to judge.
    if (s.nanCount > 0 || s.infCount > 0 || s.std === null) continue;
    const std = s.std;
    const mean = s.mean ?? 0;
    const fanIn = (v.shape as number[]).slice(0, -1).reduce((a, b) => a * b, 1);
    // A unit's input grows with the weights' root mean square, not their deviation: weights drawn
    // all positive (tf.randomUniform(shape), from [0, 1)) are as wide as their mean.
    const rms = Math.sqrt(std * std + mean * mean);
    if (rms * Math.sqrt(fanIn) >= WIDE_INIT) wide.push({ std, mean, rms, fanIn, shape: [...v.shape].slice(0, 8), v });
  }
  if (constant.length > 0) {
    const site = userSiteFromStack(variableStacks.get(constant[0]!.v)?.stack, PROBE_FILE);
    emit({ type: 'variablesConstant', modelId: entry.id, site, kernels: kernels.length, constant: constant.slice(0, 8).map(({ value, shape }) => ({ value, shape })) } satisfies VariablesConstantEvent);
  }
  if (wide.length < 2 || wide.length * 2 < kernels.length) return;
  wide.sort((a, b) => b.rms * Math.sqrt(b.fanIn) - a.rms * Math.sqrt(a.fanIn));
  const site = userSiteFromStack(variableStacks.get(wide[0]!.v)?.stack, PROBE_FILE);
  emit({ type: 'variablesInitWide', modelId: entry.id, site, kernels: kernels.length, wide: wide.slice(0, 8).map(({ std, mean, fanIn, shape }) => ({ std, mean, fanIn, shape })) } satisfies VariablesInitWideEvent);
}

/**
 * A raw-variable loop that trains only vectors (biases) while weight matrices made with
 * tf.variable(init, false) stay as drawn: the trainable flag copied from a line that kept a
 * statistic. minimize without a varList trains only trainable variables, so the network keeps its
 * random kernels and only shifts them. Judged at the first step.
 */
function noteKernelsFrozen(entry: TracedModel, trained: any[], registered: any[]): void {
  if (trained.length === 0 || trained.some((v) => Array.isArray(v?.shape) && v.shape.length >= 2)) return;
  const frozen = registered.filter((v) => v && v.trainable === false && Array.isArray(v.shape) && v.shape.length >= 2 && v.dtype === 'float32' && !v.isDisposed);
  if (frozen.length === 0) return;
  const site = userSiteFromStack(variableStacks.get(frozen[0])?.stack, PROBE_FILE);
  emit({ type: 'kernelsFrozen', modelId: entry.id, frozen: frozen.length, trained: trained.length, shape: [...frozen[0].shape].slice(0, 8), site } satisfies KernelsFrozenEvent);
}

/**
 * A custom loop over raw tf.variables whose every step trains a list of variables none of which
 * the step before trained (the weights made anew inside the loop): 3 such steps in a row are
 * reported as a model rebuilt, located by where the variables were made.
 */
const remadeVariables = new WeakMap<TracedModel, { last: Set<object> | null; fresh: number; done: boolean }>();
const REMADE_STEPS = 3;

function noteRemadeVariables(entry: TracedModel, varList: any[]): void {
  let r = remadeVariables.get(entry);
  if (!r) remadeVariables.set(entry, (r = { last: null, fresh: 0, done: false }));
  if (r.done || varList.length === 0) return;
  if (r.last) {
    const last = r.last;
    if (!varList.every((v) => !last.has(v))) {
      r.done = true;
      return;
    }
    r.fresh++;
  }
  r.last = new Set(varList);
  if (r.fresh < REMADE_STEPS) return;
  r.done = true;
  const sites = userSitesFromStack(variableStacks.get(varList[0])?.stack, PROBE_FILE, 4);
  if (sites.length > 0) emit({ type: 'modelRebuilt', modelId: entry.id, previousId: entry.id, previousSteps: 1, times: r.fresh, sites, variables: true, elapsedMs: elapsed() } satisfies ModelRebuiltEvent);
}

const containerStacks = new WeakMap<object, { stack?: string }>();
/** Per line that builds models: how many times a custom loop moved on to a new model built there. */
const replacements = new Map<string, number>();

/** A call's user frames as one key: the same key, the same lines. */
function framesKey(sites: SourceSite[]): string {
  return sites.map((x) => `${x.file}:${x.line}`).join('|');
}

/** Whether the gradients of a step meant for `entry` reached only another model, which then takes over. */
function replacedBy(entry: TracedModel, grads: Record<string, unknown> | undefined): boolean {
  const names = grads ? Object.keys(grads) : [];
  if (names.length === 0 || names.some((n) => entry.variableOwners.has(n))) return false;
  const model = bestContainer(new Set(names), (m) => m.trainableWeights);
  if (!model || model === entry.model) return false;
  entry.superseded = true;
  lastOwner = null;
  const next = registerModel(model, 'custom', entry.lastEvent?.fitSite ?? null, {});
  // Built where the model it replaces was built: a loop that rebuilds its model.
  const sites = userSitesFromStack(containerStacks.get(model)?.stack, PROBE_FILE, 4);
  const key = framesKey(sites);
  if (sites.length === 0 || key !== framesKey(userSitesFromStack(containerStacks.get(entry.model)?.stack, PROBE_FILE, 4))) return true;
  // The previous model was itself a replacement: its first step was taken for the one before it (+1 below).
  const times = (replacements.get(key) ?? 0) + 1;
  replacements.set(key, times);
  if (times === 2) emit({ type: 'modelRebuilt', modelId: next.id, previousId: entry.id, previousSteps: entry.steps + 1, times, sites, elapsedMs: elapsed() } satisfies ModelRebuiltEvent);
  return true;
}

/**
 * Models trained against each other, as a GAN's discriminator and the combined model that holds it
 * frozen: per model, the weights its first steps trained and those its forward pass used without
 * training them. A pair is reported once both models took a step after the overlap was seen, so a
 * base trained first and then frozen under a new head (fine-tuning) is no pair.
 */
const trainedWeights = new Map<TracedModel, Set<string>>();
const frozenWeights = new Map<TracedModel, Set<string>>();
const candidatePairs: Array<{ frozen: TracedModel; trainer: TracedModel; variables: number; stepped: Set<TracedModel>; reported: boolean }> = [];

function watchOpponents(entry: TracedModel, grads: Record<string, unknown> | undefined, others: ReadonlySet<TracedModel>): void {
  try {
    for (const pair of candidatePairs) {
      if (pair.reported || (pair.frozen !== entry && pair.trainer !== entry)) continue;
      pair.stepped.add(entry);
      if (pair.stepped.size < 2) continue;
      pair.reported = true;
      emit({ type: 'trainedAgainst', modelId: pair.frozen.id, otherId: pair.trainer.id, variables: pair.variables, elapsedMs: elapsed() });
    }
    if (!entry.model || !grads || entry.steps > INSPECTED_STEPS) return;
    const trained = trainedWeights.get(entry) ?? new Set<string>();
    for (const name of Object.keys(grads)) trained.add(name);
    trainedWeights.set(entry, trained);
    if (entry.mode === 'custom' && entry.steps === INSPECTED_STEPS) noteUntrainedLayers(entry, trained);
    // The forward pass's weights: the model's own, and those of other models whose layers the step ran.
    const all: any[] = [entry, ...others].flatMap((e) => (e.model ? (safe(() => e.model.weights, []) ?? []) : []));
    const frozen = frozenWeights.get(entry) ?? new Set<string>();
    for (const name of all.map((w) => String(w?.name))) frozen.add(name);
    for (const name of trained) frozen.delete(name);
    frozenWeights.set(entry, frozen);
    for (const [other, otherTrained] of trainedWeights) {
      if (other === entry) continue;
      noteCandidate(entry, other, countShared(frozen, otherTrained));
      noteCandidate(other, entry, countShared(frozenWeights.get(other) ?? new Set(), trained));
    }
  } catch (error) {
    warnOnce(`shared-weight check failed: ${(error as Error).message}`);
  }
}

function countShared(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const name of a) if (b.has(name)) n++;
  return n;
}

/**
 * After a custom loop's first steps: its last layer with trainable weights was never trained while
 * earlier layers were (a variable list that names only the first layer's weights). A head trained
 * on a frozen base is the other way round, and weights another model's steps train (a GAN's
 * discriminator inside the combined model) are not counted as left out.
 */
function noteUntrainedLayers(entry: TracedModel, trained: ReadonlySet<string>): void {
  const trainedLayers = new Set<number>();
  const weighted = new Set<number>();
  for (const [name, [layer]] of entry.variableOwners) {
    weighted.add(layer);
    if (trained.has(name)) trainedLayers.add(layer);
  }
  if (trainedLayers.size === 0) return;
  const last = Math.max(...weighted);
  if (trainedLayers.has(last)) return;
  const byOthers = new Set<string>();
  for (const [model, names] of trainedWeights) if (model !== entry) for (const name of names) byOthers.add(name);
  const untrained = [...weighted].filter((layer) => !trainedLayers.has(layer) && ![...entry.variableOwners].some(([name, [l]]) => l === layer && byOthers.has(name)));
  if (!untrained.includes(last)) return;
  emit({
    type: 'untrainedLayers',
    modelId: entry.id,
    iter: entry.steps - 1,
    layers: untrained.sort((a, b) => a - b).slice(0, 64),
    trained: [...trainedLayers].sort((a, b) => a - b).slice(0, 64),
    site: entry.lastEvent?.fitSite ?? null,
    elapsedMs: elapsed(),
  } satisfies UntrainedLayersEvent);
}

function noteCandidate(frozen: TracedModel, trainer: TracedModel, variables: number): void {
  // One pair, whichever way round it was seen first (a custom GAN loop shows it both ways).
  if (variables === 0 || candidatePairs.some((p) => (p.frozen === frozen && p.trainer === trainer) || (p.frozen === trainer && p.trainer === frozen))) return;
  candidatePairs.push({ frozen, trainer, variables, stepped: new Set(), reported: false });
}

const leakWatches = new WeakMap<TracedModel, TensorLeakWatch>();
/** Every step leak watch, for the exit: a custom loop's survivors still waiting to outlive their steps are judged then. */
const allLeakWatches = new Set<TensorLeakWatch>();
const fitCallLeakWatches = new WeakMap<TracedModel, FitCallLeakWatch>();

/** The model's watch on tensors left between its fit calls (one per model, kept across calls). */
function fitCallLeakWatch(entry: TracedModel): FitCallLeakWatch | null {
  const engine = tfCore?.engine?.();
  if (!engine) return null;
  let watch = fitCallLeakWatches.get(entry);
  if (!watch) {
    watch = new FitCallLeakWatch(engine, PROBE_FILE, (event) => emit(event));
    fitCallLeakWatches.set(entry, watch);
  }
  return watch;
}

/** Variable writes counted at each model's last leak check. */
const writesAtLeakCheck = new WeakMap<TracedModel, number>();

/**
 * Reads the live-tensor count at the start of a step (see leak-watch.ts). A loop that computes
 * gradients at every step and applies them once in a while keeps them until then: only a step
 * after an update ran starts a new cycle to compare.
 */
function watchLeaks(entry: TracedModel): void {
  if (weightWrites !== null) {
    if (writesAtLeakCheck.get(entry) === weightWrites) return;
    writesAtLeakCheck.set(entry, weightWrites);
  }
  try {
    let watch = leakWatches.get(entry);
    if (!watch) {
      watch = new TensorLeakWatch(tfCore.engine?.(), PROBE_FILE, (event) => emit(event));
      leakWatches.set(entry, watch);
      allLeakWatches.add(watch);
    }
    watch.atStepStart({
      modelId: entry.id,
      iter: entry.steps,
      epoch: activeFit && activeFit.traced === entry ? activeFit.epoch : null,
      stepSite: entry.lastEvent?.fitSite ?? null,
      elapsedMs: elapsed(),
    });
  } catch (error) {
    warnOnce(`tensor count failed: ${(error as Error).message}`);
  }
}

/** Steps running, each with a new optimizer made on the same line, that establish the pattern. */
const OPTIMIZER_CHURN_STEPS = 3;
const optimizerChurn = new WeakMap<TracedModel, { last: object; run: number; reported: boolean }>();
/** The model of the last step, whose gradients the next applyGradients applies. */
let lastStepEntry: TracedModel | null = null;

/** A custom loop that makes its optimizer inside the loop: a new one, from the same line, at every step. */
function watchOptimizerChurn(entry: TracedModel, optimizer: object): void {
  const churn = optimizerChurn.get(entry);
  if (!churn) {
    optimizerChurn.set(entry, { last: optimizer, run: 0, reported: false });
    return;
  }
  if (churn.reported) return;
  if (churn.last === optimizer) {
    churn.run = 0;
    return;
  }
  const site = optimizerSites.get(optimizer) ?? null;
  const previous = optimizerSites.get(churn.last) ?? null;
  churn.run = site && previous && site.file === previous.file && site.line === previous.line ? churn.run + 1 : 0;
  churn.last = optimizer;
  if (site && churn.run >= OPTIMIZER_CHURN_STEPS) {
    churn.reported = true;
    emit({ type: 'optimizerRecreated', modelId: entry.id, iter: entry.steps, steps: churn.run + 1, className: optimizerClassName(optimizer), site, elapsedMs: elapsed() });
  }
}

/** The gradients a custom loop's last step computed, and their norm when that step was read back. */
const computedGradients = new WeakMap<TracedModel, { tensors: Set<object>; byName: Map<string, any>; norm: number | null; fresh: boolean }>();
/** What the loop applied, measured against what it computed, once after each read-back step. */
const appliedWatches = new WeakMap<TracedModel, { unaltered: number; ratios: number[]; norms: number[]; cosines: number[]; madeBy: ReturnType<typeof madeBy>; shrunkSent: boolean; grownSent: boolean; noisedSent: boolean; summedSent: boolean; invertedSent: boolean; perApply: number[]; done: boolean }>();
/** Per custom loop, the gradient computations since its last applyGradients (micro-batches accumulated). */
const computedSinceApply = new WeakMap<TracedModel, number>();
/** Computations per apply from which gradients applied several times a single one's size are a sum, not a mean. */
const ACCUMULATED_MIN = 4;
const SUMMED_RATIO = 1.8;
const SUMMED_SPREAD = 1.6;
/** Applied-gradient measurements kept: the first and the latest. */
const APPLIED_RATIOS_KEPT = 16;
/** Set while the probe reads applied gradients: its own kernels are not the script's data. */
let readingApplied = false;
const ADAPTIVE_OPTIMIZERS = /^(?:Adam|Adamax|RMSProp|Adagrad|Adadelta)(?:Optimizer)?$/i;

function noteComputedGradients(entry: TracedModel, grads: Record<string, unknown> | undefined, norm: number | null): void {
  const byName = new Map<string, any>(Object.entries(grads ?? {}).filter(([, g]) => isTensor(g)));
  const tensors = new Set<object>(byName.values());
  const previous = computedGradients.get(entry);
  computedSinceApply.set(entry, (computedSinceApply.get(entry) ?? 0) + 1);
  computedGradients.set(entry, norm !== null && norm > 0 ? { tensors, byName, norm, fresh: true } : { tensors, byName, norm: previous?.norm ?? null, fresh: previous?.fresh ?? false });
}

/**
 * Per custom loop: the computed gradients clipped (clipByValue) since its last step, with the
 * first clip's stack; and the applies in a row that left every clipped gradient out.
 */
const clipWatches = new WeakMap<TracedModel, { clipped: WeakSet<object>; any: boolean; stack: { stack?: string } | null; inRow: number; judged: boolean | null }>();
/** Applies in a row that leave out the gradients the loop clipped before it is reported. */
const UNUSED_CLIP_STEPS = 3;

const oneSidedClipReported = new WeakSet<TracedModel>();

function noteGradientClip(entry: TracedModel, x: any, attrs: any): void {
  const computed = computedGradients.get(entry);
  if (entry.mode !== 'custom' || !computed || !isTensor(x) || !computed.tensors.has(x)) return;
  // Bounds that leave out every negative value: each weight can only move one way.
  const min = attrs?.clipValueMin;
  const max = attrs?.clipValueMax;
  if (!oneSidedClipReported.has(entry) && typeof min === 'number' && typeof max === 'number' && min >= 0 && max > min) {
    oneSidedClipReported.add(entry);
    emit({ type: 'oneSidedClip', modelId: entry.id, site: captureUserSite(PROBE_FILE), min, max } satisfies OneSidedClipEvent);
  }
  let w = clipWatches.get(entry);
  if (w?.judged === true) return;
  if (!w) clipWatches.set(entry, (w = { clipped: new WeakSet(), any: false, stack: null, inRow: 0, judged: null }));
  w.clipped.add(x);
  w.stack ??= captureStack();
  w.any = true;
}

/**
 * At applyGradients: gradients the loop clipped before this apply, while the apply is given the
 * unclipped ones (`applyGradients(grads)` after `clipped[k] = tf.clipByValue(grads[k], …)`), at
 * several applies in a row, are reported once with the apply's line and the clip's.
 */
function noteClipsUnused(entry: TracedModel, applied: any[]): void {
  const w = clipWatches.get(entry);
  if (!w || w.judged !== null) return;
  const unused = w.any && applied.some((t) => w.clipped.has(t));
  w.any = false;
  w.clipped = new WeakSet();
  if (!unused) {
    w.judged = false;
    return;
  }
  if (++w.inRow < UNUSED_CLIP_STEPS) return;
  w.judged = true;
  emit({ type: 'clipsUnused', modelId: entry.id, applySite: captureUserSite(PROBE_FILE), clipSite: userSiteFromStack(w.stack?.stack, PROBE_FILE), steps: w.inRow } satisfies ClipsUnusedEvent);
}

/**
 * A custom loop may clip, average or sum its gradients before applyGradients. After each step
 * whose gradients were read back, the norm of what it applies is measured against theirs: a
 * hundredth or less at each of the first three is a clip that leaves no step (sent as 'shrunk');
 * a ratio that keeps growing to ten and more is a sum never reset ('grown'). Gradients applied as
 * computed (minimize, or the step's own tensors) are not measured.
 */
function watchAppliedGradients(entry: TracedModel, optimizer: any, varGrads: any): void {
  if (entry.mode !== 'custom' || !tfCore) return;
  let w = appliedWatches.get(entry);
  if (!w) appliedWatches.set(entry, (w = { unaltered: 0, ratios: [], norms: [], cosines: [], madeBy: null, shrunkSent: false, grownSent: false, noisedSent: false, summedSent: false, invertedSent: false, perApply: [], done: false }));
  w.perApply.push(computedSinceApply.get(entry) ?? 0);
  if (w.perApply.length > 4) w.perApply.shift();
  computedSinceApply.set(entry, 0);
  const computed = computedGradients.get(entry);
  if (w.done || !computed) return;
  const all: [string, any][] = Array.isArray(varGrads) ? varGrads.map((g: any): [string, any] => [g?.name, g?.tensor]) : Object.entries(varGrads ?? {});
  const named = all.filter(([, t]) => isReadable(t));
  const tensors = named.map(([, t]) => t);
  if (tensors.length === 0) return;
  noteClipsUnused(entry, tensors);
  if (tensors.every((t) => computed.tensors.has(t))) {
    if (++w.unaltered >= 3 && w.ratios.length === 0) w.done = true;
    return;
  }
  if (!computed.fresh || computed.norm === null) return;
  // Gradients of variables the computed ones do not name belong to another model's step (a critic's, stepped by its own optimizer).
  if (named.some(([name]) => !computed.byName.has(name))) return;
  computed.fresh = false;
  w.madeBy ??= tensors.map((t) => madeBy(t, PROBE_FILE)).find((m) => m !== null) ?? null;
  const tf = tfCore;
  readingApplied = true;
  let applied: number;
  // The applied gradients' dot product with the computed ones, by variable, when all are still alive.
  const pairs = named.map(([name, t]) => [t, computed.byName.get(name)] as const);
  const comparable = pairs.every(([, c]) => isReadable(c) && !c.isDisposed);
  let dot: number | null = null;
  try {
    const [total, dots] = tf.tidy(() => [
      tf.addN(tensors.map((t) => tf.sum(tf.square(tf.cast(t, 'float32'))))),
      comparable ? tf.addN(pairs.map(([t, c]) => tf.sum(tf.mul(tf.cast(t, 'float32'), tf.cast(c, 'float32'))))) : null,
    ]);
    applied = Math.sqrt((total.dataSync() as Float32Array)[0]!);
    if (dots) dot = (dots.dataSync() as Float32Array)[0]!;
    total.dispose();
    dots?.dispose();
  } finally {
    readingApplied = false;
  }
  if (!Number.isFinite(applied)) return;
  const r = w.ratios;
  r.push(applied / computed.norm);
  if (r.length > APPLIED_RATIOS_KEPT) r.splice(1, 1);
  if (w.norms.length < 3) w.norms.push(computed.norm);
  if (dot !== null && applied > 0 && w.cosines.length < 3) w.cosines.push(dot / (applied * computed.norm));
  const send = (kind: 'shrunk' | 'grown' | 'noised' | 'summed' | 'inverted', ratios: number[]) =>
    emit({ type: 'gradientsAltered', modelId: entry.id, iter: Math.max(0, entry.steps - 1), kind, ratios, ...(kind === 'noised' ? { cosines: [...w!.cosines] } : {}), ...(kind === 'inverted' ? { norms: [...w!.norms] } : {}), ...(kind === 'summed' ? { computations: w!.perApply[w!.perApply.length - 1]! } : {}), applySite: captureUserSite(PROBE_FILE), madeBy: w!.madeBy, adaptive: ADAPTIVE_OPTIMIZERS.test(optimizerClassName(optimizer)), elapsedMs: elapsed() } satisfies GradientsAlteredEvent);
  // Noise far larger than the gradient it is added to: what is applied points nowhere near it.
  if (!w.noisedSent && w.cosines.length === 3 && r.length === 3 && w.cosines.every((c) => c < 0.3) && r.every((x) => x > 1.5)) {
    w.noisedSent = true;
    send('noised', [...r]);
  }
  // Scaled by the optimizer's own rate (a hand-written SGD step before applyGradients), however large the gradients.
  const rate = typeof optimizer?.learningRate === 'number' ? optimizer.learningRate : null;
  const byRate = rate !== null && rate > 0 && r.every((x) => Math.abs(x - rate) <= 0.05 * rate);
  if (!w.shrunkSent && r.length === 3 && r.every((x) => x <= 0.01) && (applied < 0.01 || byRate)) {
    w.shrunkSent = true;
    send('shrunk', [...r]);
  }
  // The gradients of K micro-batches summed, not averaged: each apply steady at several times one
  // micro-batch's size (√K when they disagree, K when they agree), where a mean stays near 1 or below.
  // A sum never reset grows apply after apply (×2, ×3, ...): every ratio so far stays within SUMMED_SPREAD.
  const k = w.perApply[w.perApply.length - 1]!;
  if (!w.summedSent && r.length >= 2 && k >= ACCUMULATED_MIN && w.perApply.every((n) => n === k) && r.every((x) => x >= SUMMED_RATIO) && Math.max(...r) < SUMMED_SPREAD * Math.min(...r)) {
    w.summedSent = true;
    send('summed', [...r]);
  }
  // A clip by global norm written the wrong way round (scaled by norm / limit, not limit / norm):
  // the gradients keep their direction and grow by their own norm over a fixed limit, so the
  // ratio over the norm is the same at every apply while the norms differ.
  const n = w.norms;
  if (!w.invertedSent && r.length === n.length && n.length >= 2 && w.cosines.length === n.length && w.cosines.every((c) => c > 0.99) && r.every((x) => x > 1.5)) {
    const perNorm = r.map((x, i) => x / n[i]!);
    if (Math.max(...perNorm) <= 1.02 * Math.min(...perNorm) && Math.max(...n) >= 1.2 * Math.min(...n)) {
      w.invertedSent = true;
      send('inverted', [...r]);
    }
  }
  const last = r[r.length - 1]!;
  const rises = r.slice(-5).filter((x, i, a) => i > 0 && x > a[i - 1]!).length;
  if (!w.grownSent && r.length >= 5 && last >= 10 && last >= 5 * r[0]! && rises >= 3) {
    w.grownSent = true;
    send('grown', [...r]);
  }
  w.done = w.shrunkSent && w.grownSent && w.noisedSent && w.summedSent && w.invertedSent;
}

/**
 * The optimizer that applies a custom loop's gradients (variableGrads, then applyGradients): the
 * step itself names none, so the model was described without one. Once it has applied each step's
 * gradients EVERY_STEP_APPLIES steps in a row, the model is described again with it, and later
 * steps report its learning rate.
 */
const appliedBy = new WeakMap<TracedModel, any>();
/** Per model: the step count at its last applyGradients, and how many applies in a row followed exactly one step. */
const applyCadence = new WeakMap<TracedModel, { steps: number; everyStep: number }>();
/** Applies in a row, one per step, before a loop counts as applying each step's own gradients. */
const EVERY_STEP_APPLIES = 3;

function noteStepOptimizer(entry: TracedModel, optimizer: any): void {
  if (appliedBy.has(entry)) return;
  // A loop that applies gradients now and then (REINFORCE: a whole game's at once) is judged without its rate.
  const cadence = applyCadence.get(entry);
  const everyStep = cadence && entry.steps === cadence.steps + 1 ? cadence.everyStep + 1 : 0;
  applyCadence.set(entry, { steps: entry.steps, everyStep });
  if (everyStep < EVERY_STEP_APPLIES) return;
  appliedBy.set(entry, optimizer);
  const last = entry.lastEvent;
  if (entry.mode !== 'custom' || !last || last.optimizer !== null) return;
  const event: ModelEvent = { ...last, optimizer: describeOptimizer(optimizer, null) };
  entry.lastEvent = event;
  emit(event);
}

/** Per custom loop: the gradient tensors its last applyGradients was given, and how many applies in a row were given those same tensors. */
const reapplied = new WeakMap<TracedModel, { last: WeakSet<object>; repeats: number; sent: boolean }>();
/** Applies of the same gradient tensors in a row before a loop counts as reapplying one computation. */
const REAPPLIED_AFTER = 3;

/**
 * applyGradients given the very tensors it was given before: the gradients were computed once
 * (before the loop) and every step applies them again, so the weights move in one direction
 * whatever the loss does. Gradients computed anew are new tensors at every step.
 */
function watchReappliedGradients(entry: TracedModel, varGrads: any): void {
  if (entry.mode !== 'custom') return;
  const all: any[] = Array.isArray(varGrads) ? varGrads.map((g: any) => g?.tensor) : Object.values(varGrads ?? {});
  const tensors = all.filter(isTensor);
  if (tensors.length === 0) return;
  let w = reapplied.get(entry);
  if (!w) reapplied.set(entry, (w = { last: new WeakSet(), repeats: 0, sent: false }));
  if (w.sent) return;
  const same = tensors.every((t) => w!.last.has(t));
  w.repeats = same ? w.repeats + 1 : 0;
  if (!same) w.last = new WeakSet(tensors);
  if (w.repeats < REAPPLIED_AFTER) return;
  w.sent = true;
  emit({ type: 'gradientsReapplied', modelId: entry.id, iter: entry.steps, applies: w.repeats + 1, site: captureUserSite(PROBE_FILE), stepSite: entry.lastEvent?.fitSite ?? null } satisfies GradientsReappliedEvent);
}

/**
 * Every step ends in the optimizer's applyGradients (minimize and fit call it; after
 * tf.variableGrads the script does), so that is where the step's optimizer is seen. Each
 * optimizer class has its own applyGradients, so the instance gets a wrapper.
 */
function noteAppliedSteps(optimizer: any): void {
  const apply = optimizer.applyGradients;
  if (typeof apply !== 'function') return;
  trySet(optimizer, 'applyGradients', function (this: any, ...args: any[]) {
    if (stepDepth === 0 && lastStepEntry) {
      try {
        noteStepOptimizer(lastStepEntry, this);
        watchOptimizerChurn(lastStepEntry, this);
        watchReappliedGradients(lastStepEntry, args[0]);
        watchAppliedGradients(lastStepEntry, this, args[0]);
      } catch {
        // Best effort: the step itself must go on.
      }
    }
    applyingDepth++;
    try {
      return apply.apply(this, args);
    } finally {
      applyingDepth--;
    }
  });
}

const warned = new Set<string>();
function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  warn(message);
}

function activationKind(layer: any): ActivationKind {
  const name = (activationName(layer) ?? '').toLowerCase();
  if (name === 'sigmoid' || name === 'hardsigmoid' || name === 'hard_sigmoid') return 'sigmoid';
  if (name === 'tanh') return 'tanh';
  return 'other';
}

function isReadable(t: any): boolean {
  return isTensor(t) && !t.isDisposed && t.size > 0 && t.dtype !== 'string' && t.dtype !== 'complex64';
}

/** A custom loop's inputs, from the first step's first layer call. */
function sendFirstInput(state: StepState): void {
  if (!isReadable(state.firstInput)) return;
  state.entry.dataSent = true;
  try {
    sendData(state.entry, 'x', state.firstInput, state.entry.lastEvent?.fitSite ?? null);
    noteFirstRows(state.entry, 'x', state.firstInput);
  } catch (error) {
    warnOnce(`input statistics failed: ${(error as Error).message}`);
  }
}

/**
 * The stack of each scalar made in a custom loop's first steps, until its loss's line is known. V8
 * formats a captured stack only when it is read: here, the loss's alone.
 */
const scalarStacks = new WeakMap<object, { stack?: string }>();
const lossSiteSent = new WeakSet<TracedModel>();

/** A custom loop's scalars made by a Sum kernel in its first steps, with how many values each added up. */
const summedScalars = new WeakMap<object, number>();

/** A custom loop's scalars made in its first steps by multiplying a scalar by a number given as is (`loss.mul(1024)`), with that number. */
const scaledScalars = new WeakMap<object, number>();

function noteScaledScalar(a: any, b: any, out: any): void {
  if (!isTensor(a) || !isTensor(b) || a.size !== 1 || b.size !== 1) return;
  // The factor: made from a number (no kernel made it in this step), not a variable being trained.
  const constant = (t: any): boolean => !lineage.has(t) && typeof t.assign !== 'function' && isReadable(t);
  const factor = constant(b) && !constant(a) ? b : constant(a) && !constant(b) ? a : null;
  if (!factor) return;
  const value = (factor.dataSync() as ArrayLike<number>)[0];
  if (typeof value === 'number' && Number.isFinite(value) && value > 0 && value !== 1) scaledScalars.set(out, value);
}

/**
 * A custom loop's products, in its first steps, of values computed in the step (the rows' errors)
 * and weights given as numbers that average far below 1 (`w / sum(w)` over the whole set): the
 * weights' mean, and which operand they were. Their mean then is that many times the errors' mean.
 */
const weightedRows = new WeakMap<object, { mean: number; operand: 'a' | 'b' }>();
const averagedWeightedRows = new WeakMap<object, { mean: number; operand: 'a' | 'b' }>();
const SMALL_ROW_WEIGHTS = 1 / 8;
const ROW_WEIGHTS_READ_LIMIT = 65_536;

function noteWeightedRows(a: any, b: any, out: any): void {
  if (!isTensor(a) || !isTensor(b)) return;
  const given = (t: any): boolean => !lineage.has(t) && typeof t.assign !== 'function' && isReadable(t) && t.size > 1 && t.size <= ROW_WEIGHTS_READ_LIMIT;
  const operand = given(a) && lineage.has(b) ? 'a' : given(b) && lineage.has(a) ? 'b' : null;
  if (!operand) return;
  const values = (operand === 'a' ? a : b).dataSync() as ArrayLike<number>;
  let sum = 0;
  let mask = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!(v >= 0) || !Number.isFinite(v)) return;
    if (v !== 0 && v !== 1) mask = false;
    sum += v;
  }
  // A 0/1 mask is a choice of rows, not a scale.
  const mean = sum / values.length;
  if (!mask && mean > 0 && mean <= SMALL_ROW_WEIGHTS) weightedRows.set(out, { mean, operand });
}

/** A custom loop's scalars made in its first steps by dividing a sum by a number given as is: how many times their mean they are. */
const dividedSums = new WeakMap<object, number>();

/** `tf.sum(errors).div(n)`: with n the count of the values summed the loss is their mean; with any other n, n/count of it. */
function noteDividedSum(a: any, b: any, out: any): void {
  const values = summedScalars.get(a);
  const divisor = values === undefined ? null : givenNumber(b);
  if (values !== undefined && divisor !== null && divisor > 0) dividedSums.set(out, values / divisor);
}

/** Set while fit runs a loss function the script wrote: the stack of the last kernel it ran. */
let userLossStack: { stack?: string } | null = null;
let inUserLoss = 0;

/**
 * A loss function the script wrote, given to compile: the same function, which at fit's first
 * steps also tells the line that computed its value (the last kernel it ran), as a custom loop's
 * loss line is told. Its result is returned untouched.
 */
function lossFunctionWatch(fn: (...a: any[]) => any): (...a: any[]) => any {
  const watched = function (this: unknown, ...a: any[]) {
    const entry = activeFit?.traced;
    if (!entry || lossSiteSent.has(entry) || entry.steps >= INSPECTED_STEPS) return fn.apply(this, a);
    inUserLoss++;
    userLossStack = null;
    try {
      return fn.apply(this, a);
    } finally {
      inUserLoss--;
      const site = userSiteFromStack((userLossStack as { stack?: string } | null)?.stack, PROBE_FILE);
      if (site && inUserLoss === 0) {
        lossSiteSent.add(entry);
        emit({ type: 'lossComputed', modelId: entry.id, site } satisfies LossComputedEvent);
      }
    }
  };
  Object.defineProperty(watched, 'name', { value: fn.name });
  return watched;
}

function sendLossSite(entry: TracedModel, y: any): void {
  const site = userSiteFromStack(scalarStacks.get(y)?.stack, PROBE_FILE);
  if (!site) return;
  lossSiteSent.add(entry);
  const summed = summedScalars.get(y);
  const scaled = scaledScalars.get(y);
  const ofMean = dividedSums.get(y);
  const weighted = averagedWeightedRows.get(y);
  emit({
    type: 'lossComputed',
    modelId: entry.id,
    site,
    ...(summed !== undefined ? { summedValues: summed } : {}),
    ...(scaled !== undefined ? { scaledBy: scaled } : {}),
    ...(ofMean !== undefined ? { meanScale: ofMean } : {}),
    ...(weighted !== undefined ? { rowWeights: weighted } : {}),
  } satisfies LossComputedEvent);
}

/** Inside the gradient scope: the loss, and on detailed or anomalous steps the layer outputs. */
function afterForward(state: StepState, y: any): void {
  if (isTensor(y) && y.size === 1) state.loss = (y.dataSync() as Float32Array)[0];
  if (state.entry.mode === 'custom' && state.entry.steps < INSPECTED_STEPS && !lossSiteSent.has(state.entry)) sendLossSite(state.entry, y);
  if (state.entry.steps < INSPECTED_STEPS) noteGradientBlocked(state, y);
  if (state.entry.steps < INSPECTED_STEPS) noteOutputScaled(state, y);
  if (state.entry.steps < INSPECTED_STEPS && !penaltySubtractedReported.has(state.entry)) notePenaltySubtracted(state.entry, y);
  if (state.entry.model) sendUntrackedVariables(state.entry);
  if (penaltySeen && !penaltyReported) notePenalty(state);
  if (!state.entry.dataSent) sendFirstInput(state);
  const anomalous = state.loss !== null && !Number.isFinite(state.loss);
  if (!state.detailed && !anomalous) return;
  state.detailed = true;
  // Outputs are read now, while the gradient scope keeps them alive. A layer predict ran on several
  // batches is read over all of them.
  for (const [index, parts] of state.predictParts) {
    if (parts.length > 1 && parts.every(isReadable)) state.outputs.set(index, ownCopy(state, tfCore.concat(parts, 0)));
  }
  const indices: number[] = [];
  const tensors: any[] = [];
  for (const [index, out] of [...state.outputs.entries()].sort((a, b) => a[0] - b[0])) {
    if (!isReadable(out)) continue;
    indices.push(index);
    tensors.push(out);
  }
  const values = readValues(tfCore, tensors);
  indices.forEach((index, i) => {
    const out = tensors[i];
    const units = out.rank >= 2 && out.shape[0] > 0 ? out.shape[out.rank - 1] : null;
    state.forwardStats.set(index, outputStats(values[i], units, activationKind(state.entry.layers[index])));
  });
}

function afterGradients(state: StepState, optimizer: any, grads: Record<string, any>): PendingStep {
  const entry = state.entry;
  entry.steps++;
  const lossNonFinite = state.loss !== null && !Number.isFinite(state.loss);
  if (optimizer) reportBypassedRate(optimizer);
  const rate = optimizer ? learningRateOf(optimizer) : null;
  const lr = typeof rate === 'number' ? finiteOrNull(rate) : null;
  const pending: PendingStep = {
    loss: state.loss !== null && Number.isFinite(state.loss) ? state.loss : null,
    lossNonFinite,
    gradNorm: null,
    gradNonFinite: false,
    learningRate: lr,
    // undefined set by the script (a schedule with a branch that returns nothing) steps by NaN, as a NaN rate does.
    learningRateNonFinite: (typeof rate === 'number' && !Number.isFinite(rate)) || (rate === undefined && optimizer != null && rateChangeSites.has(optimizer)),
    learningRateSite: optimizer ? (rateChangeSites.get(optimizer) ?? null) : null,
    weightWrites,
  };
  if (!state.detailed) return pending;
  // Detailed: weights and gradients per layer, read back together.
  const weightList: Array<{ layer: number; name: string; tensor: any }> = [];
  entry.layers.forEach((layer, index) => {
    for (const w of safe(() => layer.trainableWeights, []) ?? []) {
      const value = safe(() => w.read(), null);
      if (isReadable(value)) weightList.push({ layer: index, name: String(w.originalName ?? w.name), tensor: value });
    }
  });
  const gradList = Object.entries(grads)
    .filter(([, g]) => isReadable(g))
    .map(([name, tensor]) => ({ name, tensor, owner: entry.variableOwners.get(name) ?? null }));
  const values = readValues(tfCore, [...weightList.map((w) => w.tensor), ...gradList.map((g) => g.tensor)]);

  const details = new Map<number, LayerDetail>();
  const detailFor = (index: number): LayerDetail => {
    let d = details.get(index);
    if (!d) {
      d = { index, out: null, weights: [], grads: [] };
      details.set(index, d);
    }
    return d;
  };
  for (const [index, out] of state.forwardStats) detailFor(index).out = out;
  weightList.forEach((w, i) => detailFor(w.layer).weights.push(weightStats(values[i], w.name)));
  let sumSq = 0;
  let gradNonFinite = false;
  gradList.forEach((g, i) => {
    const stats = gradStats(values[weightList.length + i], g.owner ? layerWeightName(entry, g.owner) : g.name);
    if (stats.nanCount > 0 || stats.infCount > 0 || stats.norm === null) gradNonFinite = true;
    else sumSq += stats.norm * stats.norm;
    if (g.owner) detailFor(g.owner[0]).grads.push(stats);
  });
  pending.gradNorm = gradList.length && !gradNonFinite ? finiteOrNull(Math.sqrt(sumSq)) : null;
  pending.gradNonFinite = gradNonFinite;
  pending.layers = [...details.values()].sort((a, b) => a.index - b.index);
  return pending;
}

function layerWeightName(entry: TracedModel, owner: [number, number]): string {
  const layer = entry.layers[owner[0]];
  const w = safe(() => layer.trainableWeights[owner[1]], null as any);
  return String(w?.originalName ?? w?.name ?? 'weight').slice(0, 256);
}

const NOT_METRICS: ReadonlySet<string> = new Set(['loss', 'batch', 'size']);

function finishStep(entry: TracedModel, pending: PendingStep, epoch: number | null, batch: number | null, logs: Record<string, unknown>): void {
  // fit slices its own batches: the slice watch is for custom loops' first steps only.
  if (sliceWatchOpen && entry.steps > SAME_BATCH_STEPS) sliceWatchOpen = false;
  // The loss is already known from the step itself; batch and size are not metrics.
  const metrics = numericLogs(logs, NOT_METRICS);
  const event: IterationEvent = {
    type: 'iter',
    modelId: entry.id,
    iter: entry.steps - 1,
    epoch,
    batch,
    loss: pending.loss,
    lossNonFinite: pending.lossNonFinite,
    metrics,
    learningRate: pending.learningRate,
    ...(pending.learningRateNonFinite ? { learningRateNonFinite: true } : {}),
    ...(pending.learningRateSite ? { learningRateSite: pending.learningRateSite } : {}),
    gradNorm: pending.gradNorm,
    gradNonFinite: pending.gradNonFinite,
    ...(pending.weightWrites !== null ? { weightWrites: pending.weightWrites } : {}),
    elapsedMs: elapsed(),
  };
  if (pending.layers) event.layers = pending.layers;
  const anomaly = pending.lossNonFinite || pending.gradNonFinite;
  emit(event, anomaly || entry.steps <= 3);
}
