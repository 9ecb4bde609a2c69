/**
 * What detectors share: the observation and hypothesis shapes, the context they read,
 * and helpers that build causes, fixes and layer relevance.
 */
import type { RootCause, Symptom } from './findings';
import type { FixPlan, PlannedFix, ScaleOp } from './fixes';
import { RELU_LIKE, type LayerView, type ModelView } from './model';
import type { LayerTrack, ModelState } from './model-state';
import { fmt, isNum, literal, pct } from './stats';
import type { DataEvent, OptimizerInfo, SourceSite } from './trace';

export type RelevanceSpec = Map<number, { score: number; evidence: string }>;

export interface Cause {
  rootCause: RootCause;
  layer: LayerView | null;
  location: SourceSite | null;
  /** First is preferred. */
  fixes: PlannedFix[];
  /** Hypotheses (configuration findings) this evidence confirms; the first is the main one. */
  confirms: string[];
  /** Existing warnings (by id) that this evidence confirms and absorbs. */
  folds: string[];
  /** About the training data: located where the tensor passed to fit is built, when the source shows it. */
  data?: { role: 'x' | 'y'; fitSite: SourceSite | null };
  /** A call's frames, innermost first: located on the first that runs inside a loop, when the source shows one. */
  inLoop?: SourceSite[];
  /** Located at the first edit of its fix, when one applies (the value the fix changes is the fault). */
  atFix?: boolean;
  /** Located at the first edit of its fix only when the fix that applies is one of these kinds. */
  atFixKinds?: readonly string[];
  /** A call (setLearningRate(lr)) or assignment (x.learningRate = lr) at this site: located where the name it is given was computed, when declared once. */
  rateValueAt?: SourceSite;
}

/** A training symptom seen by a detector. */
export interface Observation {
  symptom: Symptom;
  /** What it is about: a layer name, 'loss', 'x', ... (the finding id is symptom:about). */
  about: string;
  /** It hurts training (so it is confirmed, and can confirm configuration findings). */
  harm: boolean;
  /** Ranking among confirmed findings (higher first). */
  priority: number;
  layer: LayerView | null;
  iteration: number | null;
  elapsedMs: number;
  message: string;
  evidence: string[];
  relevance: RelevanceSpec;
  related: Array<{ site: SourceSite; message: string }>;
  cause: Cause;
  /** Further symptoms seen together with this one. */
  observed?: Symptom[];
  /** Ids of earlier findings this one supersedes (a refined diagnosis). */
  replaces?: string[];
  /** Step at which the symptom began, when known. */
  onset?: number;
  /**
   * About the script, not the model (a memory leak): shown as a warning, and it neither stops the
   * run, nor explains, confirms or hides any finding about the model.
   */
  scriptOnly?: boolean;
  /**
   * Something the script may still undo once training ends (overfitting, while it keeps weights
   * during training to restore after): reported, but no reason to stop the run before it can.
   */
  awaitsRestore?: boolean;
}

/** A configuration finding made before training; confirmed or withdrawn by training. */
export interface Hypothesis {
  id: string;
  symptom: Symptom;
  rootCause: RootCause;
  layer: LayerView | null;
  location: SourceSite | null;
  message: string;
  evidence: string[];
  relevance: RelevanceSpec;
  related: Array<{ site: SourceSite; message: string }>;
  fixes: PlannedFix[];
  /** Training symptoms that confirm it. */
  confirmBy: ReadonlySet<Symptom>;
  /** 0..1: how likely it explains a matching symptom. */
  strength: number;
  /** Hidden until a stall needs an explanation; then it lends its cause to the stall finding. */
  weak: boolean;
  /** Symptoms of layers near the input are evidence for it (input scaling). */
  inputSide?: boolean;
  /** The targets collapse to one class: a loss that quickly falls to ~0 confirms it. */
  trivialFit?: boolean;
  /**
   * The least loss any weights can reach, because targets lie beyond the output's range. A falling
   * loss is what it predicts until the loss comes down to that floor, which confirms it.
   */
  lossFloor?: number;
  /** Blames steps too large: a loss that fell at every recent step refutes it as a stall's cause. */
  overshoot?: boolean;
  /** A defect that training which learns does not refute (it limits the loss, not the accuracy). */
  keepWhenLearning?: boolean;
  /** Its layer's output is the same for every input: it explains sick layers after it (dead units downstream), not only itself. */
  explainsDownstream?: boolean;
  /** Other configuration hypotheses' symptoms that this one is the cause of: they are dropped so they cannot take its place. */
  explains?: readonly Symptom[];
  /** The root cause to name when the fix that applied is of one of these kinds (a parse that stops early is the data, not the labels' encoding). */
  causeByFixKind?: Readonly<Partial<Record<string, RootCause>>>;
  /**
   * Predicts a loss that settles far above what the task allows, learning or not: kept while
   * training learns, confirmed by a run that ends still near the no-skill loss, withdrawn by one
   * that ends well below it.
   */
  settlesHigh?: boolean;
  /** Certain from the data or configuration alone: an error as soon as it is known, whatever training shows. */
  certain?: boolean;
  /**
   * Certain, but from a fit call inside a loop held back until the loop's next call (or the run's
   * end): that call may show more (each call given another class).
   */
  heldForNextFit?: boolean;
  /** Certain, but only if nothing later in the script undoes it (more training after a restore): confirmed when the run ends. */
  atRunEnd?: boolean;
  /** Certain once its first fix is found in the source (the line that caused it shows it): else a warning. */
  certainWithFix?: boolean;
  /**
   * Every harm training shows is its consequence, whatever a detector would otherwise blame: NaN
   * or Infinity in the training data, a loss that does not measure the error.
   */
  explainsAllHarm?: boolean;
  /** About the training data: located where the tensor passed to fit is built, when the source shows it. */
  data?: { role: 'x' | 'y'; fitSite: SourceSite | null };
  /** A setting that usually trains well: shown only once training confirms it, never as a warning. */
  quiet?: boolean;
  /**
   * A fact about the configuration that training neither confirms nor refutes (a setting tfjs
   * ignores): a warning for the whole run, never the cause of anything training shows.
   */
  notice?: boolean;
  /** The fault is the text its fix edits (a shape constant the layer names): shown there, the location as related. */
  atFix?: boolean;
  /** Shown at the first edit of its fix only when the fix that applies is one of these kinds. */
  atFixKinds?: readonly string[];
  /** Makes every step larger the way a higher learning rate does: it explains what a rate too high would (dead units, a swinging loss). */
  scalesSteps?: boolean;
  /** Other layers whose sickness it explains besides `layer` (every block of a chain it spoils). */
  alsoAbout?: readonly LayerView[];
  /** The fault is in the object given to fit as this option: shown where the script writes it (see fitOptionWriteSite). */
  writtenOption?: string;
}

export type HypStatus = 'pending' | 'confirmed' | 'withdrawn';

export interface Ctx {
  run: ModelState;
  view: ModelView | null;
  iteration: number;
  elapsedMs: number;
  /** Hypotheses of this model with their status. */
  hypotheses(): Array<{ hyp: Hypothesis; status: HypStatus }>;
  /** Open (unconfirmed) symptom warnings of this model. */
  warnings(): Observation[];
  /** Confirmed symptom findings of this model (not configuration findings). */
  faults(): Observation[];
}

// ---------------------------------------------------------------------------------------------
// Optimizers and learning rates

export interface OptimizerBand {
  name: string;
  typical: number;
  low: number;
  high: number;
}

export function optimizerBand(opt: OptimizerInfo | null | undefined): OptimizerBand | null {
  if (!opt) return null;
  const c = opt.className.toLowerCase();
  if (c.includes('momentum')) return { name: 'SGD with momentum', typical: 0.01, low: 1e-5, high: 1 };
  if (c.includes('sgd')) return { name: 'SGD', typical: 0.01, low: 1e-5, high: 1 };
  // TensorFlow.js's Adadelta divides by the squared-gradient average of the previous step, which
  // then stays equal to the squared-update average: every update is exactly learningRate x gradient.
  // So its learning rate behaves as plain SGD's, not as Keras's Adadelta (typically 1.0).
  if (c.includes('adadelta')) return { name: 'Adadelta', typical: 0.01, low: 1e-5, high: 1 };
  if (c.includes('adagrad')) return { name: 'Adagrad', typical: 0.01, low: 1e-5, high: 1 };
  if (c.includes('adamax')) return { name: 'Adamax', typical: 0.002, low: 1e-6, high: 0.05 };
  if (c.includes('adam')) return { name: 'Adam', typical: 0.001, low: 1e-6, high: 0.05 };
  if (c.includes('rmsprop')) return { name: 'RMSprop', typical: 0.001, low: 1e-6, high: 0.05 };
  return null;
}

/** The tf.train factory that makes an optimizer of this class: its name in lower case (sgd, adam, rmsprop). */
export function optimizerFactory(opt: OptimizerInfo): string {
  return opt.className.replace(/Optimizer$/, '').toLowerCase();
}

export function learningRateOf(view: ModelView | null, run: ModelState): number | null {
  const lr = view?.event.optimizer?.learningRate;
  if (isNum(lr)) return lr;
  return run.lastLearningRate;
}

/** A fix that sets the learning rate: into the band when outside it, else `factor` times it. */
export function learningRateFix(view: ModelView | null, run: ModelState, factor: number): PlannedFix | null {
  if (!view) return null;
  const opt = view.event.optimizer;
  const lr = learningRateOf(view, run);
  const band = optimizerBand(opt);
  if (lr === null || (lr <= 0 && !band)) return null;
  // A negative rate climbs the loss: its size, if usual, else the usual rate.
  if (lr < 0) {
    const to = Number((-lr >= band!.low && -lr < band!.high ? -lr : band!.typical).toPrecision(3));
    return { title: `Make the learning rate positive: ${literal(to)}, not ${literal(lr)}`, plan: { kind: 'learningRate', optimizer: opt, compileSite: view.compileSite, to } };
  }
  let to = lr === 0 ? band!.typical : lr * factor;
  if (band && factor < 1 && lr >= band.high) to = band.typical;
  // A rate a hundred times below the usual one is not a little low: go straight to the usual one.
  if (band && factor > 1 && lr < band.typical / 100) to = band.typical;
  to = Number(to.toPrecision(3));
  const plan: FixPlan = { kind: 'learningRate', optimizer: opt, compileSite: view.compileSite, to };
  const verb = to < lr ? 'Lower' : 'Raise';
  return { title: `${verb} the learning rate from ${literal(lr)} to ${literal(to)}`, plan };
}

/** Every step so far ran at rate 0, set by the script's own setter, under an optimizer made with a positive rate. */
export function setterHoldsRateAtZero(run: ModelState): boolean {
  return run.lastLearningRate === 0 && run.maxLearningRate === 0 && run.learningRateSite !== null && isNum(run.madeWithRate) && run.madeWithRate > 0;
}

/**
 * The script's own setter held the rate at 0 at every step of the run so far, though the optimizer
 * was made with a positive rate: the value the setter starts from (a warm-up multiplying 0, a
 * schedule fed epoch 0 by every fit call) is the fault, on the setter's line. Fit's runs must have
 * gone past a second epoch's start (or a second fit call's): a warm-up from 0 spends its first epoch
 * at 0 by design.
 */
export function rateHeldAtZero(view: ModelView, run: ModelState): { cause: Cause; why: string } | null {
  const site = run.learningRateSite;
  const made = run.madeWithRate;
  if (!setterHoldsRateAtZero(run) || !site || !isNum(made)) return null;
  if (view.event.mode !== 'custom' && !(run.stepEpoch !== null && run.stepEpoch >= 1) && run.fitCalls < 2) return null;
  const to = made / 100;
  const startAt: PlannedFix = { title: `Start the rate at ${fmt(to)}, a hundredth of the optimizer's ${fmt(made)}`, plan: { kind: 'startRateAt', site, to } };
  const fitSite = view.event.fitSite;
  // Fit called once per epoch: each call counts its epochs from 0, so a rate computed from the epoch never leaves epoch 0's.
  if (run.fitCalls >= 2 && run.epochs <= 1 && fitSite) {
    return {
      cause: { rootCause: 'learning-rate', layer: null, location: site, fixes: [{ title: "Give fit the loop's epoch (initialEpoch)", plan: { kind: 'fitEpochFromLoop', fitSite } }, startAt], confirms: [], folds: [], rateValueAt: site },
      why: `the learning rate set on line ${site.line} is 0 at every step (the optimizer was made with ${fmt(made)}): each of the ${run.fitCalls} fit calls runs one epoch and counts it as epoch 0, so a rate computed from the epoch stays at its epoch-0 value`,
    };
  }
  // A counter the rate is computed from that nothing advances (`step / WARMUP_STEPS` with `step` left at 0).
  const advance: PlannedFix = { title: 'Advance the counter the rate is computed from after each step', plan: { kind: 'advanceCounter', site } };
  return {
    cause: { rootCause: 'learning-rate', layer: null, location: site, fixes: [startAt, advance], confirms: [], folds: [], rateValueAt: site },
    why: `the learning rate set on line ${site.line} is 0 at every step (the optimizer was made with ${fmt(made)}): when the value it sets starts at 0, a warm-up that multiplies it keeps it at 0, and so does a counter it is computed from that never advances`,
  };
}

// ---------------------------------------------------------------------------------------------
// Data scaling

export function xEvent(run: ModelState, slot = 0): DataEvent | undefined {
  return run.data.x.get(slot);
}

export function maxAbs(e: DataEvent | undefined): number | null {
  const s = e?.summary;
  if (!s || !isNum(s.min) || !isNum(s.max)) return null;
  return Math.max(Math.abs(s.min), Math.abs(s.max));
}

/** The smallest of 1, 2 or 5 times a power of ten that is at least v (v > 0). */
function roundUp(v: number): number {
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 2, 5, 10]) if (m * p >= v * (1 - 1e-9)) return Number((m * p).toPrecision(6));
  return 10 * p;
}

// ---------------------------------------------------------------------------------------------
// Batch sizes

/** fit's batches cut to `to` rows (the `batchSize` option): the fix for batches far too large or too small. */
export function batchSizeFix(fitSite: SourceSite, to = 32): PlannedFix {
  return { title: `Train on batches of ${to}`, plan: { kind: 'fitOption', fitSite, key: 'batchSize', to: String(to) } };
}

/** Fewer weight updates than this in a whole run rarely train a model. */
export const FEW_UPDATES = 100;

/**
 * fit's batches as large as a training set of 256 rows or more, so each epoch is a step or two: the
 * batch size, the rows and how a message names the share. Null for other batches, and for a few
 * hundred rows or fewer, which are commonly trained whole at every step.
 */
export function wholeSetBatches(view: ModelView, run: ModelState): { batchSize: number; rows: number; share: string; perEpoch: number } | null {
  const batchSize = view.event.fitConfig['batchSize'];
  const rows = run.data.x.get(0)?.summary.shape?.[0] ?? null;
  if (view.event.mode !== 'fit' || typeof batchSize !== 'number' || !isNum(rows) || rows < 256 || batchSize < 256) return null;
  const share = batchSize >= rows ? 'the whole training set' : `${pct(batchSize / rows)} of the training set`;
  return { batchSize, rows, share, perEpoch: Math.ceil(rows / batchSize) };
}

/** A hypothesis about regression targets too large for the loss (not about the inputs). */
export const scalesTargets = (h: Hypothesis): boolean => h.symptom === 'unscaled-input' && h.inputSide !== true;

export function scaleFix(view: ModelView | null, e: DataEvent | undefined, role: 'x' | 'y'): PlannedFix | null {
  if (!view || !e) return null;
  const s = e.summary;
  if (!isNum(s.min) || !isNum(s.max)) return null;
  const fitSite = e.site ?? view.event.fitSite;
  const rank = s.shape?.length ?? 0;
  const name = role === 'x' ? 'inputs' : 'targets';
  let op: ScaleOp;
  let title: string;
  if (role === 'x' && s.min >= 0 && s.max <= 255 && s.max > 1 && (rank >= 3 || s.max > 100)) {
    // Pixels go up to 255; other non-negative data (a sequence of readings up to 100, say) is
    // divided by a round number just above its maximum, so it too lands in [0, 1].
    const by = s.max > 127 ? 255 : roundUp(s.max);
    op = { type: 'div', by };
    title = `Scale the ${name} to [0, 1]: pass ${role}.div(${literal(by)}) to fit`;
  } else if (role === 'y') {
    const a = Math.max(Math.abs(s.min), Math.abs(s.max));
    const by = Math.pow(10, Math.round(Math.log10(a)));
    op = { type: 'div', by };
    title = `Scale the ${name} down by ${literal(by)} (multiply predictions back)`;
  } else if (rank === 2) {
    const fallback = isNum(s.mean) && isNum(s.std) && s.std > 0 ? { mean: s.mean, std: s.std } : null;
    op = { type: 'columns', fallback };
    title = `Standardize each input column before fit (zero mean, unit variance)`;
  } else {
    if (!isNum(s.mean) || !isNum(s.std) || s.std <= 0) return null;
    op = { type: 'standardize', mean: s.mean, std: s.std };
    title = `Standardize the ${name}: subtract ${literal(s.mean)} and divide by ${literal(s.std)}`;
  }
  return { title, plan: { kind: 'scale', fitSite, role, op } };
}

// ---------------------------------------------------------------------------------------------
// Layer edits

export function activationFix(layer: LayerView, to: string, title?: string): PlannedFix {
  const from = layer.act;
  return {
    title: title ?? (from === 'linear' ? `Add activation '${to}' to ${layer.info.name}` : `Use ${to} instead of ${from} on ${layer.info.name}`),
    plan: { kind: 'activation', layer: layer.info, to },
  };
}

export function lossFix(view: ModelView, slot: number, to: string, title?: string): PlannedFix {
  return { title: title ?? `Use the ${to} loss`, plan: { kind: 'loss', compileSite: view.compileSite, slot, to } };
}

export function combine(title: string, parts: Array<PlannedFix | null>): PlannedFix | null {
  if (parts.some((p) => p === null)) return null;
  return { title, plan: { kind: 'all', parts: parts.map((p) => p!.plan) } };
}

// ---------------------------------------------------------------------------------------------
// Initializers

/**
 * The value a constant initializer fills a weight with, as the probe describes initializers
 * ('Zeros', 'Ones', 'Constant(value=-5)'); NaN for a constant of unknown value; null otherwise.
 */
export function constantInit(described: unknown): number | null {
  const s = String(described ?? '').trim();
  if (/^zeros$/i.test(s)) return 0;
  if (/^ones$/i.test(s)) return 1;
  const m = /^constant\((?:.*\b)?value=([^,)]+)/i.exec(s);
  if (m) return Number(m[1]);
  return /^constant\b/i.test(s) ? Number.NaN : null;
}

/** The bias a layer starts with when it is one constant: 0 by default and when it has no bias. */
export function initialBias(layer: LayerView): number | null {
  const c = layer.info.config;
  if (c['useBias'] === false) return 0;
  if (c['biasInitializer'] === undefined) return 0;
  return constantInit(c['biasInitializer']);
}

/** A fix that replaces the initializer option written in the layer's call. */
export function initializerFix(layer: LayerView, key: 'kernelInitializer' | 'biasInitializer', to: string, title?: string): PlannedFix {
  return { title: title ?? `Use ${to} for ${layer.info.name}'s ${key}`, plan: { kind: 'layerOption', layer: layer.info, key, to } };
}

// ---------------------------------------------------------------------------------------------
// Regularizers

export type RegularizerKey = 'kernelRegularizer' | 'biasRegularizer' | 'activityRegularizer';
const REGULARIZER_KEYS: readonly RegularizerKey[] = ['kernelRegularizer', 'biasRegularizer', 'activityRegularizer'];

/** The l1 and l2 factors of a regularizer as the probe describes it ('L1L2(l1=0, l2=5)'); null for none. */
export function regularizerFactors(described: unknown): { l1: number; l2: number } | null {
  const m = /^L1L2\((.*)\)$/i.exec(String(described ?? '').trim());
  if (!m) return null;
  const factor = (name: string): number => {
    const v = Number(new RegExp(`\\b${name}=([^,)]+)`).exec(m[1]!)?.[1] ?? 0);
    return Number.isFinite(v) && v > 0 ? v : 0;
  };
  return { l1: factor('l1'), l2: factor('l2') };
}

/** The layer's regularizer with the largest factor among `keys`, if it has one. */
export function strongestRegularizer(layer: LayerView, keys: readonly RegularizerKey[] = REGULARIZER_KEYS): { key: RegularizerKey; l1: number; l2: number; factor: number } | null {
  let best: { key: RegularizerKey; l1: number; l2: number; factor: number } | null = null;
  for (const key of keys) {
    const f = regularizerFactors(layer.info.config[key]);
    const factor = f ? Math.max(f.l1, f.l2) : 0;
    if (f && factor > 0 && (!best || factor > best.factor)) best = { key, ...f, factor };
  }
  return best;
}

/** A fix that lowers every l1 and l2 factor above `to` written in the layer's regularizer option. */
export function regularizerFix(layer: LayerView, key: RegularizerKey, to: number, title: string): PlannedFix {
  return { title, plan: { kind: 'regularizerFactor', layer: layer.info, key, to } };
}

// ---------------------------------------------------------------------------------------------
// Layer status text (code lenses and relevance evidence)

export function layerText(run: ModelState, layer: LayerView): string {
  const t: LayerTrack | undefined = run.track(layer.index);
  const s = t?.latest();
  if (!t || !s) return 'no data yet';
  if (t.firstNonFiniteOut !== null) return `NaN from iteration ${t.firstNonFiniteOut}`;
  if (t.firstNonFiniteWeights !== null) return `weights NaN from iteration ${t.firstNonFiniteWeights}`;
  if (t.firstNonFiniteGrads !== null) return `gradients NaN from iteration ${t.firstNonFiniteGrads}`;
  const parts: string[] = [];
  // Units that output 0 for every sample are dead only behind a ReLU; a linear or sigmoid unit can rest at 0 or below.
  if (isNum(s.dead) && s.dead >= 0.3 && s.hasOut && RELU_LIKE.has(layer.act)) parts.push(`${pct(s.dead)} dead units`);
  if (isNum(s.saturated) && s.saturated >= 0.3) parts.push(`${pct(s.saturated)} saturated`);
  if (isNum(s.constant) && s.constant >= 0.999 && (s.rows ?? 0) >= 2) parts.push('constant output');
  if (s.hasGrads && isNum(s.gradMeanAbs) && s.gradMeanAbs < 1e-7) parts.push(`gradient ${fmt(s.gradMeanAbs)}`);
  if (t.unchangedSamples >= 3) parts.push('weights not changing');
  return parts.length ? parts.join(', ') : 'healthy';
}

/** A background relevance for layers a finding does not single out. */
export function backgroundScore(run: ModelState, layer: LayerView): number {
  const t = run.track(layer.index);
  const s = t?.latest();
  let score = 0.05;
  if (!t || !s) return score;
  if (t.firstNonFiniteOut !== null || t.firstNonFiniteWeights !== null) score += 0.2;
  if (isNum(s.dead) && s.dead >= 0.5 && RELU_LIKE.has(layer.act)) score += 0.1 * s.dead;
  if (isNum(s.saturated) && s.saturated >= 0.5) score += 0.1 * s.saturated;
  return Math.min(0.3, score);
}

export function hypothesisIds(ctx: Ctx, pred: (h: Hypothesis) => boolean): Hypothesis[] {
  return ctx
    .hypotheses()
    .map((x) => x.hyp)
    .filter(pred)
    .sort((a, b) => b.strength - a.strength);
}
