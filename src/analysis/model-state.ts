/** Bounded per-model state the detectors read: summaries, rings, per-layer samples. */
import { ModelData, ModelView } from './model';
import { History, isNum, Ring } from './stats';
import type { BatchClassesEvent, BatchAxisEvent, ColumnTargetsEvent, GradientsAlteredEvent, StaleTrainableEvent, WeightsSetEvent, GradientAscentEvent, StoppedEarlyEvent, BroadcastEvent, DataEvent, EpochEvent, InferenceModeEvent, IterationEvent, LayerDetail, LogOfProbabilitiesEvent, LossCallEvent, OpAtZeroEvent, NanMaskedLateEvent, LossDividedByCountEvent, OneSidedClipEvent, ZeroMarginEvent, PowerShrinksEvent, BatchesRelabelledEvent, PenaltySubtractedEvent, UsedBeforeTrainingEvent, LogOfOutputEvent, RawSoftmaxEvent, WeightsClampedEvent, MonitorMissingEvent, UsedUntrainedEvent, ScoredOnTrainedRowsEvent, InputsOffScaleEvent, ScaledApartEvent, EvaluatedEvent, GradientsReappliedEvent, ThresholdOutsideOutputsEvent, DrawComparedOutsideEvent, LossNegatedEvent, TrainingModeAfterEvent, DividedByZeroEvent, MaskRaisesScoresEvent, KernelsFrozenEvent, TargetInInputsEvent, RateLeftBySweepEvent, RateLeftByOtherModelEvent, InputsSquashedEvent, TargetSentinelEvent, EmptyBatchEvent, ExpOfExpEvent, GatherAcrossRowsEvent, StepsStoppedEvent, WeightsAveragedEvent, InputsSwappedEvent, InputGivenTwiceEvent, PinballFlippedEvent, SignedDistanceEvent, RateGroupsSwappedEvent, VarListMissingEvent, ArgmaxTargetEvent, FedByUntrainedEvent, DivisorCrossedZeroEvent, ShiftByBatchMaxEvent, MaskMultipliedEvent, ScoresScaledUpEvent, RowsIdenticalEvent, ContrastiveUnnormalizedEvent, WeightsCopiedToSelfEvent, PositivesMaskedEvent, LogitsAsProbabilitiesEvent, HeadsSplitEvent, FocalInvertedEvent, MaxOverBatchEvent, IdsRenumberedEvent, ChannelsPermutedEvent, SoftmaxRowsMaskedEvent, ExpOverflowEvent, WeightsSummedEvent, AbsOfSummedErrorsEvent, HuberBranchesSwappedEvent, StepBelowResolutionEvent, SineSpreadWideEvent, PrunedLargestEvent, TagsReversedEvent, WeightsRestoredEvent, ViewsIdenticalEvent, CosineLogitsEvent, DrawsWithinBatchEvent, LayerDetachedEvent, BatchSummedEvent, InputsDriftEvent, MasksMisalignedEvent, TagsMisalignedEvent, VariablesInitWideEvent, VariablesConstantEvent, HandWrittenUpdateEvent, NoisyTargetsEvent, WeightsKeptLiveEvent, ModelEvent, ShuffledApartEvent, ShuffledInsideSamplesEvent, GradientBlockedEvent, OutputScaledEvent, WeightsOverwrittenEvent, ClipsUnusedEvent, VariablesBlockedEvent, UntrackedVariablesEvent, DatasetSpentEvent, DatasetTakenEvent, ShuffledSeriesEvent, TargetsSortedEvent, MaxNormAppliedEvent, PenaltyDominatesEvent, SourceSite, TraceEvent } from './trace';

/**
 * Events about the script, not one model (text parsed or split wrong, values sorted as text, int32
 * tensors cut from fractions, oneHot given indices out of range, images rotated by degrees): often sent before any model exists,
 * kept up to a cap each, and read by every model's checks.
 */
export const SCRIPT_EVENT_CAPS = {
  oneHot: 16,
  truncatedToInt: 16,
  sortedAsText: 8,
  sortedByBoolean: 8,
  splitMissesSeparator: 4,
  parsedToComma: 4,
  signDropped: 4,
  splitOnWords: 4,
  rotatedByDegrees: 1,
  splitWithByteOrderMark: 1,
  regexStateCarried: 4,
  valuesOffIndex: 1,
  integersRounded: 4,
  datesFromSeconds: 1,
  parsedHexAsDecimal: 1,
  parsedBehindSymbol: 1,
  dropoutSeedFixed: 2,
} as const;
export type ScriptEventType = keyof typeof SCRIPT_EVENT_CAPS;

/** A loss below this has gone negative, which some losses cannot (see the output checks). */
export const NEGATIVE_LOSS = -0.01;
export type ScriptEvent = Extract<TraceEvent, { type: ScriptEventType }>;
export type ScriptEvents = { readonly [K in ScriptEventType]: readonly Extract<TraceEvent, { type: K }>[] };

export function emptyScriptEvents(): ScriptEvents {
  return Object.fromEntries(Object.keys(SCRIPT_EVENT_CAPS).map((k) => [k, []])) as unknown as ScriptEvents;
}

/** One sampled iteration's statistics for one layer, reduced to what detectors need. */
export interface LayerSample {
  iter: number;
  /** Variable writes before the sample (null: not counted): equal counts, no update between. */
  writes: number | null;
  /** Rows of the batch behind the output statistics (count / units), when known. */
  rows: number | null;
  hasOut: boolean;
  outNonFinite: boolean;
  outMean: number | null;
  outStd: number | null;
  outMin: number | null;
  outMax: number | null;
  dead: number | null;
  saturated: number | null;
  constant: number | null;
  nonPos: number | null;
  hasWeights: boolean;
  weightNonFinite: boolean;
  weightNorm: number | null;
  /** Norm of the layer's first weight: its kernel (a Dense or convolution layer's, an RNN's input kernel). */
  kernelNorm: number | null;
  weightAbsMax: number | null;
  /** Exact fingerprint of the weight statistics: equal strings mean unchanged weights. */
  weightSig: string;
  hasGrads: boolean;
  gradNonFinite: boolean;
  gradNorm: number | null;
  /** Mean absolute gradient element, averaged over the layer's weights. */
  gradMeanAbs: number | null;
}

export class LayerTrack {
  readonly samples = new Ring<LayerSample>(12);
  first: LayerSample | null = null;
  firstNonFiniteOut: number | null = null;
  firstNonFiniteWeights: number | null = null;
  firstNonFiniteGrads: number | null = null;
  /** Iteration since which the weight fingerprint has not changed, and samples in that run. */
  unchangedSince: number | null = null;
  unchangedSamples = 0;
  maxWeightNorm = 0;

  add(s: LayerSample): void {
    const prev = this.samples.latest();
    if (!this.first) this.first = s;
    if (s.outNonFinite && this.firstNonFiniteOut === null) this.firstNonFiniteOut = s.iter;
    if (s.weightNonFinite && this.firstNonFiniteWeights === null) this.firstNonFiniteWeights = s.iter;
    if (s.gradNonFinite && this.firstNonFiniteGrads === null) this.firstNonFiniteGrads = s.iter;
    this.trackUnchanged(prev, s);
    if (isNum(s.weightNorm)) this.maxWeightNorm = Math.max(this.maxWeightNorm, s.weightNorm);
    this.samples.push(s);
  }

  /** The run of samples whose weights are identical to the one before. */
  private trackUnchanged(prev: LayerSample | undefined, s: LayerSample): void {
    // No update ran between the two samples (gradients kept to be applied later): the pair says
    // nothing about whether updates move the weights, and the run stands as it was.
    if (prev && s.writes !== null && s.writes === prev.writes) return;
    if (s.hasWeights && prev && prev.hasWeights && prev.weightSig === s.weightSig && !s.weightNonFinite && s.iter > prev.iter) {
      if (this.unchangedSince === null) {
        this.unchangedSince = prev.iter;
        this.unchangedSamples = 2;
      } else this.unchangedSamples++;
    } else {
      this.unchangedSince = null;
      this.unchangedSamples = 0;
    }
  }

  latest(): LayerSample | undefined {
    return this.samples.latest();
  }

  /** The last k samples that carry output statistics. */
  lastOut(k: number): LayerSample[] {
    return this.samples.last().filter((s) => s.hasOut).slice(-k);
  }
}

function reduceDetail(iter: number, writes: number | null, d: LayerDetail, units: number | null): LayerSample {
  const out = d.out;
  let wsq = 0;
  let wNorm: number | null = d.weights.length ? 0 : null;
  let wAbsMax: number | null = d.weights.length ? 0 : null;
  let wNonFinite = false;
  const sig: string[] = [];
  for (const w of d.weights) {
    if (w.nanCount + w.infCount > 0) wNonFinite = true;
    if (isNum(w.norm)) wsq += w.norm * w.norm;
    else wNorm = null;
    if (isNum(w.absMax) && wAbsMax !== null) wAbsMax = Math.max(wAbsMax, w.absMax);
    sig.push(`${w.mean}|${w.std}|${w.norm}|${w.absMax}`);
  }
  if (wNorm !== null) wNorm = Math.sqrt(wsq);
  let gsq = 0;
  let gNorm: number | null = d.grads.length ? 0 : null;
  let gAbs = 0;
  let gAbsN = 0;
  let gNonFinite = false;
  for (const g of d.grads) {
    if (g.nanCount + g.infCount > 0) gNonFinite = true;
    if (isNum(g.norm)) gsq += g.norm * g.norm;
    else gNorm = null;
    if (isNum(g.meanAbs)) {
      gAbs += g.meanAbs;
      gAbsN++;
    }
  }
  if (gNorm !== null) gNorm = Math.sqrt(gsq);
  const rows = out && units && units > 0 ? Math.floor(out.count / units) : null;
  return {
    writes,
    iter,
    rows,
    hasOut: out !== null,
    outNonFinite: out !== null && out.nanCount + out.infCount > 0,
    outMean: out?.mean ?? null,
    outStd: out?.std ?? null,
    outMin: out?.min ?? null,
    outMax: out?.max ?? null,
    dead: out?.deadUnitFrac ?? null,
    saturated: out?.saturatedFrac ?? null,
    constant: out?.constantUnitFrac ?? null,
    nonPos: out?.nonPosFrac ?? null,
    hasWeights: d.weights.length > 0,
    weightNonFinite: wNonFinite,
    weightNorm: wNorm,
    kernelNorm: d.weights[0]?.norm ?? null,
    weightAbsMax: wAbsMax,
    weightSig: sig.join(';'),
    hasGrads: d.grads.length > 0,
    gradNonFinite: gNonFinite,
    gradNorm: gNorm,
    gradMeanAbs: gAbsN ? gAbs / gAbsN : null,
  };
}

export const ACCURACY_KEYS = /^(acc|accuracy|binaryaccuracy|categoricalaccuracy|sparsecategoricalaccuracy)$/;

export function normalizeKey(k: string): string {
  return k.toLowerCase().replace(/[^a-z]/g, '');
}

/** Training and validation results at the end of one epoch. */
export interface EpochRecord {
  epoch: number;
  loss: number | null;
  valLoss: number | null;
  /** The validation accuracy, when an accuracy metric is compiled. */
  valAcc: number | null;
}

/** Mean validation loss of the last three records when they are consecutive epochs, else null. */
export function valLevel(records: readonly EpochRecord[]): number | null {
  if (records.length < 3) return null;
  const last = records.slice(-3);
  if (last[2]!.epoch - last[0]!.epoch !== 2) return null;
  return (last[0]!.valLoss! + last[1]!.valLoss! + last[2]!.valLoss!) / 3;
}

export class ModelState {
  view: ModelView | null = null;
  readonly data = new ModelData();
  /** Each epoch's validation loss (the first 4,096 epochs). */
  readonly valLossByEpoch = new Map<number, number>();
  /** Each epoch's validation accuracy, when an accuracy metric is compiled (the first 4,096 epochs). */
  readonly valAccByEpoch = new Map<number, number>();
  /** Each value the epoch logs hold (loss, metrics, their val_ forms): its first value, and whether every later epoch logged it the same. */
  readonly epochValues = new Map<string, { first: number; epochs: number; constant: boolean }>();
  readonly loss = new History(32, 256, 64);
  readonly gradNorm = new History(32, 256, 64);
  /** Accuracy-like metrics by their trace key. */
  readonly acc = new Map<string, History>();
  readonly epochLoss = new History(32, 64, 64);
  readonly layers = new Map<number, LayerTrack>();
  iterations = 0;
  lastIter = -1;
  elapsedMs = 0;
  epochs = 0;
  /** The optimizer's rate when the model was first seen (later fits report the rate the script's callbacks left on it). */
  madeWithRate: number | null = null;
  /** The latest epoch a step reported (each fit call may count its epochs from 0 again). */
  stepEpoch: number | null = null;
  lossNonFiniteCount = 0;
  firstLossNonFinite: number | null = null;
  firstGradNonFinite: number | null = null;
  lastLearningRate: number | null = null;
  /** Iteration since which the learning rate has had its current value. */
  learningRateSince: number | null = null;
  /** The line that last changed the learning rate during training, when the probe saw one. */
  learningRateSite: SourceSite | null = null;
  /** The learning rate of the first step that reported one. */
  firstLearningRate: number | null = null;
  /** The learning rate of each epoch's first step, epoch by epoch from 0 (while none is missed). */
  readonly epochRates: number[] = [];
  /** The first step whose learning rate was NaN or infinite, and the line that last set the rate then. */
  nonFiniteRate: { iter: number; site: SourceSite | null } | null = null;
  /** The least and the greatest learning rate the steps reported. */
  minLearningRate: number | null = null;
  maxLearningRate: number | null = null;
  /** Iteration since which the learning rate has stayed below 1/10,000 of the first (null: it has not). */
  learningRateGoneSince: number | null = null;
  /** A one-step loss explosion was reported. */
  exploded = false;
  /** Gradient norm was exactly zero on this many consecutive iterations. */
  zeroGradStreak = 0;
  detailSamples = 0;
  lastDetailIter: number | null = null;
  ended = false;
  /** Variable writes counted at the model's first and latest steps (null: not counted). */
  firstWeightWrites: number | null = null;
  lastWeightWrites: number | null = null;
  /**
   * No variable has been written since the model's first step, as far as the probe counted: the
   * loop computes gradients and has applied none yet, so its loss says nothing about training.
   */
  notUpdatedYet(): boolean {
    return this.firstWeightWrites !== null && this.lastWeightWrites === this.firstWeightWrites;
  }
  /**
   * A model trained against this one (a GAN's discriminator and combined model): each one's loss
   * measures a target the other moves, so its rises and plateaus are the game, not a fault.
   */
  opponent: number | null = null;
  /** The model whose weights this one's forward pass holds frozen while that one trains them (a GAN's discriminator, for its generator). */
  against: number | null = null;
  /** This model and the one it is trained against both brought their losses to about 0: they cooperate. */
  cooperating: { own: number; other: number; iter: number } | null = null;
  /** Calls of model.fit that trained this model. */
  fitCalls = 0;
  /** The fit call (1-based) whose targets the first target slot holds now. */
  targetsOfFitCall = 0;
  /** The one class each later fit call's targets held, by call (2 on), for calls whose targets were all of one class (the first call's are its data). */
  readonly oneClassFits = new Map<number, number>();
  /** Classes later fit calls brought after a streak of one-class calls. */
  readonly laterFitClasses = new Set<number>();
  /**
   * Trainable layers this model shares with a model trained before it (a base pretrained in the
   * script and reused under a new head, or members of one ensemble), and that model; set by the engine.
   */
  pretrained: { names: string[]; from: ModelState } | null = null;
  /** Training has been seen to learn (loss well below its start and the no-skill level). */
  healthy = false;
  /** Non-finite analysis: not yet, reported without layer details, or done with details. */
  numeric: 'none' | 'reported' | 'detailed' = 'none';
  /** The last sixteen epochs that reported a validation loss, oldest first. */
  readonly recentEpochs: EpochRecord[] = [];
  /** The epoch with the lowest validation loss so far. */
  bestVal: EpochRecord | null = null;
  /** The lowest mean validation loss of three consecutive epochs so far (a level, not one lucky epoch). */
  bestValLevel: number | null = null;
  bestValAcc: number | null = null;
  /** Iteration at which a trend condition was first seen to hold (for persistence). */
  readonly since = new Map<string, number>();
  constructor(readonly modelId: number) {}

  setModel(e: ModelEvent): void {
    if (e.mode === 'fit') this.fitCalls++;
    if (this.view === null) this.madeWithRate = e.optimizer?.madeWithRate ?? e.optimizer?.learningRate ?? null;
    this.view = new ModelView(this.withLoss(e));
  }

  /**
   * A custom training loop compiles no loss: the first tf.losses function its steps call is its
   * loss, and that call is where the loss is chosen.
   */
  private withLoss(e: ModelEvent): ModelEvent {
    // A loss on another model's outputs (a VAE's decoder, whose step is the encoder's) is not this
    // model's: seen running another model's layers, or of another width than this model's output.
    const width = e.layers.at(-1)?.outputShape?.at(-1);
    const call = [...this.lossCalls.values()].find((c) => !c.otherModel && (c.classes === null || typeof width !== 'number' || c.classes === width));
    if (e.mode !== 'custom' || e.loss.length > 0 || !call) return e;
    return { ...e, loss: [call.fn], compileSite: e.compileSite ?? call.site };
  }

  addLossCall(e: LossCallEvent): void {
    if (this.lossCalls.has(e.fn)) return;
    this.lossCalls.set(e.fn, e);
    if (this.view) this.view = new ModelView(this.withLoss(this.view.event));
  }

  addData(e: DataEvent): void {
    if (e.role === 'y' && e.slot === 0) this.targetsOfFitCall = this.fitCalls;
    this.data.add(e);
  }

  /** tf.losses functions its steps call, by function name, as first called. */
  readonly lossCalls = new Map<string, LossCallEvent>();
  /** The first difference of a [n, 1] and a [n] tensor in its training steps. */
  broadcast: BroadcastEvent | null = null;
  batchAxis: BatchAxisEvent | null = null;
  columnTargets: ColumnTargetsEvent | null = null;
  staleTrainable: StaleTrainableEvent | null = null;
  /** A hand-written update seen moving the variables along their gradients. */
  gradientAscent: GradientAscentEvent | null = null;
  /** model.setWeights calls made while fit trained this model (the first few). */
  weightsSet: WeightsSetEvent[] = [];
  gradientsShrunk: GradientsAlteredEvent | null = null;
  gradientsGrown: GradientsAlteredEvent | null = null;
  gradientsNoised: GradientsAlteredEvent | null = null;
  /** Several micro-batches' gradients summed and applied as one, not averaged. */
  gradientsSummed: GradientsAlteredEvent | null = null;
  /** Gradients grown by their own norm over a fixed limit: a clip by global norm turned upside down. */
  gradientsInverted: GradientsAlteredEvent | null = null;
  /** fit ended before its planned epochs, an early-stopping callback among its callbacks. */
  stoppedEarly: StoppedEarlyEvent | null = null;
  shuffledApart: ShuffledApartEvent | null = null;
  shuffledInsideSamples: ShuffledInsideSamplesEvent | null = null;
  gradientBlocked: GradientBlockedEvent | null = null;
  outputScaled: OutputScaledEvent | null = null;
  weightsOverwritten: WeightsOverwrittenEvent | null = null;
  clipsUnused: ClipsUnusedEvent | null = null;
  variablesBlocked: VariablesBlockedEvent | null = null;
  untrackedVariables: UntrackedVariablesEvent | null = null;
  datasetSpent: DatasetSpentEvent | null = null;
  datasetTaken: DatasetTakenEvent | null = null;
  shuffledSeries: ShuffledSeriesEvent | null = null;
  targetsSorted: TargetsSortedEvent | null = null;
  maxNormApplied: MaxNormAppliedEvent | null = null;
  penaltyDominates: PenaltyDominatesEvent | null = null;
  inferenceMode: InferenceModeEvent | null = null;
  /** Logs of the model's probabilities in the loss: of p, and of 1 - p (at most one each). */
  readonly logsOfProbabilities: LogOfProbabilitiesEvent[] = [];
  /** A square root that took 0 (or less) at the step whose gradients or loss turned non-finite. */
  opAtZero: OpAtZeroEvent | null = null;
  /** The loss took a difference with a tensor it tested for NaN before masking it (tf.where hides NaN only going forward). */
  nanMaskedLate: NanMaskedLateEvent | null = null;
  /** The loss divides by a count summed from a 0/1 tensor (a mask's kept rows), which a batch can make 0. */
  lossDividedByCount: LossDividedByCountEvent | null = null;
  /** A custom loop clipped its gradients to bounds that exclude negative values. */
  oneSidedClip: OneSidedClipEvent | null = null;
  /** The loss takes relu(0 − d) of a d that cannot be negative: a hinge with a margin of 0. */
  zeroMargin: ZeroMarginEvent | null = null;
  /** The loss raised values in [0, 1] to a power that made them far smaller than 1 (a focal loss's gamma). */
  powerShrinks: PowerShrinksEvent | null = null;
  /** fitDataset's class ids agree between near rows of one batch, and only by chance across batches. */
  batchesRelabelled: BatchesRelabelledEvent | null = null;
  /** The loss subtracts a penalty computed from the weights alone. */
  penaltySubtracted: PenaltySubtractedEvent | null = null;
  /** The script evaluated, predicted with or saved the model before the fit it started began training. */
  usedBeforeTraining: UsedBeforeTrainingEvent | null = null;
  /** The loss took the log of model outputs at or below 0, or of a linear layer's outputs. */
  logOfOutput: LogOfOutputEvent | null = null;
  /** The loss exponentiated the model's raw outputs and summed them over their last axis (a hand-written softmax). */
  rawSoftmax: RawSoftmaxEvent | null = null;
  /** A custom loop's trained weights clamped to 0 or above after its steps. */
  weightsClamped: WeightsClampedEvent | null = null;
  /** fit's earlyStopping watches a metric the first epoch's logs do not hold. */
  monitorMissing: MonitorMissingEvent | null = null;
  /** The script used an untrained model while this one, of the same layers and made after it, trained. */
  usedUntrained: UsedUntrainedEvent | null = null;
  /** The model scored on rows an earlier fit of it trained on and its latest did not. */
  scoredOnTrainedRows: ScoredOnTrainedRowsEvent | null = null;
  /** The trained model evaluated or asked to predict on inputs far off its training scale. */
  inputsOffScale: InputsOffScaleEvent | null = null;
  scaledApart: ScaledApartEvent | null = null;
  evaluated: EvaluatedEvent | null = null;
  /** A custom loop's applyGradients given the same gradient tensors step after step. */
  gradientsReapplied: GradientsReappliedEvent | null = null;
  /** The trained model's predicted probabilities compared with a threshold at or outside [0, 1]. */
  thresholdOutsideOutputs: ThresholdOutsideOutputsEvent | null = null;
  drawComparedOutside: DrawComparedOutsideEvent | null = null;
  lossNegated: LossNegatedEvent | null = null;
  trainingModeAfter: TrainingModeAfterEvent | null = null;
  dividedByZero: DividedByZeroEvent | null = null;
  maskRaisesScores: MaskRaisesScoresEvent | null = null;
  /** A raw-variable loop that trains only biases while its weight matrices were made non-trainable. */
  kernelsFrozen: KernelsFrozenEvent | null = null;
  /** fit's targets held in its inputs (a column, or a sequence's last step). */
  targetInInputs: TargetInInputsEvent | null = null;
  /** A fit began at the rate a range test's sweep left the optimizer at. */
  rateLeftBySweep: RateLeftBySweepEvent | null = null;
  rateLeftByOtherModel: RateLeftByOtherModelEvent | null = null;
  /** fit's inputs squashed towards 0 by a few values far above the rest. */
  inputsSquashed: InputsSquashedEvent | null = null;
  /** A numeric target column holding a code for "unknown" among its values. */
  targetSentinel: TargetSentinelEvent | null = null;
  /** A raw-variable loop's kernels drawn far too wide for their fan-in, read at its first step. */
  variablesInitWide: VariablesInitWideEvent | null = null;
  variablesConstant: VariablesConstantEvent | null = null;
  handWrittenUpdate: HandWrittenUpdateEvent | null = null;
  /** A custom step trained on a batch of no rows. */
  emptyBatch: EmptyBatchEvent | null = null;
  /** A step's forward pass exponentiated an exponential. */
  expOfExp: ExpOfExpEvent | null = null;
  gatherAcrossRows: GatherAcrossRowsEvent | null = null;
  stepsStopped: StepsStoppedEvent | null = null;
  weightsAveraged: WeightsAveragedEvent | null = null;
  weightsSummed: WeightsSummedEvent | null = null;
  absOfSummedErrors: AbsOfSummedErrorsEvent | null = null;
  huberBranchesSwapped: HuberBranchesSwappedEvent | null = null;
  stepBelowResolution: StepBelowResolutionEvent | null = null;
  sineSpreadWide: SineSpreadWideEvent | null = null;
  prunedLargest: PrunedLargestEvent | null = null;
  tagsReversed: TagsReversedEvent | null = null;
  inputsSwapped: InputsSwappedEvent | null = null;
  /** One tensor fit for two of the model's inputs. */
  inputGivenTwice: InputGivenTwiceEvent | null = null;
  pinballFlipped: PinballFlippedEvent | null = null;
  signedDistance: SignedDistanceEvent | null = null;
  rateGroupsSwapped: RateGroupsSwappedEvent | null = null;
  varListMissing: VarListMissingEvent | null = null;
  argmaxTarget: ArgmaxTargetEvent | null = null;
  fedByUntrained: FedByUntrainedEvent | null = null;
  divisorCrossedZero: DivisorCrossedZeroEvent | null = null;
  shiftByBatchMax: ShiftByBatchMaxEvent | null = null;
  maskMultiplied: MaskMultipliedEvent | null = null;
  scoresScaledUp: ScoresScaledUpEvent | null = null;
  rowsIdentical: RowsIdenticalEvent | null = null;
  contrastiveUnnormalized: ContrastiveUnnormalizedEvent | null = null;
  weightsCopiedToSelf: WeightsCopiedToSelfEvent | null = null;
  positivesMasked: PositivesMaskedEvent | null = null;
  logitsAsProbabilities: LogitsAsProbabilitiesEvent | null = null;
  headsSplit: HeadsSplitEvent | null = null;
  focalInverted: FocalInvertedEvent | null = null;
  maxOverBatch: MaxOverBatchEvent | null = null;
  idsRenumbered: IdsRenumberedEvent | null = null;
  channelsPermuted: ChannelsPermutedEvent | null = null;
  softmaxRowsMasked: SoftmaxRowsMaskedEvent | null = null;
  expOverflow: ExpOverflowEvent | null = null;
  /** setWeights after fit put back the weights the fit began with. */
  restoredToStart: WeightsRestoredEvent | null = null;
  /** The steps taken when those weights were set back. */
  restoredAtStep = 0;

  /** That restore, while no step has trained the model since (a range test's restore is followed by the real run). */
  get untrainedByRestore(): WeightsRestoredEvent | null {
    return this.iterations <= this.restoredAtStep ? this.restoredToStart : null;
  }
  viewsIdentical: ViewsIdenticalEvent | null = null;
  cosineLogits: CosineLogitsEvent | null = null;
  drawsWithinBatch: DrawsWithinBatchEvent | null = null;
  /** A layer whose output was made from plain numbers in its call: no gradient passes it. */
  layerDetached: LayerDetachedEvent | null = null;
  /** Per-row scores summed over the batch too, then set against the targets. */
  batchSummed: BatchSummedEvent | null = null;
  /** The inputs of successive fits spread wider at nearly every fit. */
  inputsDrift: InputsDriftEvent | null = null;
  /** Masks that match their images better mirrored or shifted. */
  masksMisaligned: MasksMisalignedEvent | null = null;
  tagsMisaligned: TagsMisalignedEvent | null = null;
  /** The latest evaluation, with the mean training accuracy of the 16 batches before it (null before 8). */
  lastEvaluated: { event: EvaluatedEvent; trainedAccuracy: number | null } | null = null;
  /** fit given its noisy inputs as targets while a clean copy of them exists. */
  noisyTargets: NoisyTargetsEvent | null = null;
  /** After fit, setWeights restored the weights kept live during training: nothing. */
  weightsKeptLive: WeightsKeptLiveEvent | null = null;
  /** The script kept the model's weights (getWeights) during training, to restore them after. */
  keepsWeights = false;
  /** Where the script first called getWeights during fit (a callback keeping the best weights). */
  weightsKeptAt: SourceSite | null = null;
  /** A custom loop's line that computed the loss its steps minimize. */
  lossSite: SourceSite | null = null;
  /** A custom loop's loss is a sum (not a mean) of this many values, when the probe saw it. */
  lossSummedValues: number | null = null;
  /** A custom loop's loss multiplied, last, by this number (a loss scale): the loss the script trains on is that many times its loss function's. */
  lossScale: number | null = null;
  /** A custom loop's loss is a sum divided by a number: this many times the mean of the values it adds up. */
  lossMeanScale: number | null = null;
  /** The custom loop's loss averages its rows' errors times weights averaging this, far below 1 (and which operand they were). */
  lossRowWeights: { mean: number; operand: 'a' | 'b' } | null = null;
  /** The loss fell without bound below 0 (reported once). */
  unboundedBelow = false;
  /** The classes of fitDataset's first batches. */
  batchClasses: BatchClassesEvent | null = null;
  /** Events about the script rather than one model, shared by every model of the run. */
  script: ScriptEvents = emptyScriptEvents();

  onIter(e: IterationEvent): void {
    this.iterations++;
    if (e.epoch !== null) this.stepEpoch = e.epoch;
    this.lastIter = Math.max(this.lastIter, e.iter);
    this.elapsedMs = e.elapsedMs;
    if (e.lossNonFinite || e.loss === null) {
      if (e.lossNonFinite) {
        this.lossNonFiniteCount++;
        if (this.firstLossNonFinite === null) this.firstLossNonFinite = e.iter;
      }
    } else this.loss.push(e.iter, e.loss);
    if (e.gradNonFinite && this.firstGradNonFinite === null) this.firstGradNonFinite = e.iter;
    if (e.weightWrites !== undefined) {
      this.firstWeightWrites ??= e.weightWrites;
      this.lastWeightWrites = e.weightWrites;
    }
    if (isNum(e.gradNorm)) {
      this.gradNorm.push(e.iter, e.gradNorm);
      this.zeroGradStreak = e.gradNorm === 0 ? this.zeroGradStreak + 1 : 0;
    }
    if (isNum(e.learningRate)) {
      // The rate each epoch starts with, in order: a schedule set once per epoch.
      if (e.epoch !== null && e.epoch === this.epochRates.length && this.epochRates.length < 512) this.epochRates.push(e.learningRate);
      if (e.learningRate !== this.lastLearningRate) this.learningRateSince = e.iter;
      this.lastLearningRate = e.learningRate;
      this.firstLearningRate ??= e.learningRate;
      this.minLearningRate = Math.min(this.minLearningRate ?? Infinity, e.learningRate);
      this.maxLearningRate = Math.max(this.maxLearningRate ?? -Infinity, e.learningRate);
      if (this.firstLearningRate > 0 && e.learningRate < this.firstLearningRate * 1e-4) this.learningRateGoneSince ??= e.iter;
      else this.learningRateGoneSince = null;
    }
    this.learningRateSite = e.learningRateSite ?? null;
    if (e.learningRateNonFinite) this.nonFiniteRate ??= { iter: e.iter, site: e.learningRateSite ?? null };
    for (const [k, v] of Object.entries(e.metrics)) {
      if (!ACCURACY_KEYS.test(normalizeKey(k)) || !isNum(v)) continue;
      let h = this.acc.get(k);
      if (!h) {
        if (this.acc.size >= 4) continue;
        h = new History(32, 256, 64);
        this.acc.set(k, h);
      }
      h.push(e.iter, v);
    }
    if (e.layers && e.layers.length) {
      this.detailSamples++;
      this.lastDetailIter = e.iter;
      for (const d of e.layers) {
        const lv = this.view?.byIndex.get(d.index);
        let t = this.layers.get(d.index);
        if (!t) {
          if (this.layers.size >= 5000) continue;
          t = new LayerTrack();
          this.layers.set(d.index, t);
        }
        t.add(reduceDetail(e.iter, e.weightWrites ?? null, d, lv?.units ?? null));
      }
    }
  }

  onEpoch(e: EpochEvent): void {
    this.epochs = Math.max(this.epochs, e.epoch + 1);
    const l = e.logs['loss'];
    if (isNum(l)) this.epochLoss.push(e.epoch, l);
    const record: EpochRecord = { epoch: e.epoch, loss: isNum(l) ? l : null, valLoss: null, valAcc: null };
    for (const [k, v] of Object.entries(e.logs)) {
      if (!isNum(v)) continue;
      const seen = this.epochValues.get(k);
      if (!seen) {
        if (this.epochValues.size < 32) this.epochValues.set(k, { first: v, epochs: 1, constant: true });
      } else {
        seen.epochs++;
        seen.constant &&= v === seen.first;
      }
      if (k === 'val_loss') record.valLoss = v;
      else if (k.startsWith('val_') && record.valAcc === null && ACCURACY_KEYS.test(normalizeKey(k.slice(4)))) record.valAcc = v;
    }
    if (record.valAcc !== null && this.valAccByEpoch.size < 4096) this.valAccByEpoch.set(e.epoch, record.valAcc);
    if (record.valLoss === null) return;
    if (this.valLossByEpoch.size < 4096) this.valLossByEpoch.set(e.epoch, record.valLoss);
    this.recentEpochs.push(record);
    if (this.recentEpochs.length > 16) this.recentEpochs.shift();
    if (this.bestVal === null || record.valLoss < (this.bestVal.valLoss ?? Infinity)) this.bestVal = record;
    const level = valLevel(this.recentEpochs);
    if (level !== null && (this.bestValLevel === null || level < this.bestValLevel)) this.bestValLevel = level;
    if (record.valAcc !== null && (this.bestValAcc === null || record.valAcc > this.bestValAcc)) this.bestValAcc = record.valAcc;
  }

  /** Optimizer steps the fit call plans, when the trace says enough to know. */
  planned(): number | null {
    const v = this.view;
    if (!v) return null;
    const fc = v.event.fitConfig;
    const epochs = typeof fc['epochs'] === 'number' ? fc['epochs'] : v.event.mode === 'fit' ? 1 : null;
    if (epochs === null) return null;
    const spe = typeof fc['stepsPerEpoch'] === 'number' ? fc['stepsPerEpoch'] : typeof fc['batchesPerEpoch'] === 'number' ? fc['batchesPerEpoch'] : null;
    if (spe !== null) return Math.max(1, epochs * spe);
    if (v.event.mode !== 'fit') return null;
    const n = this.data.samples();
    if (n === null) return null;
    const bs = typeof fc['batchSize'] === 'number' && fc['batchSize'] > 0 ? fc['batchSize'] : 32;
    const vs = typeof fc['validationSplit'] === 'number' ? Math.min(0.99, Math.max(0, fc['validationSplit'])) : 0;
    const train = Math.max(1, Math.floor(n * (1 - vs)));
    return Math.max(1, epochs * Math.ceil(train / bs));
  }

  /** The mean accuracy of the last 16 training batches, or null before 8 (its first metric). */
  recentTrainingAccuracy(): number | null {
    const batches = [...this.acc.values()][0]?.recent.last(16).map((p) => p.value) ?? [];
    return batches.length >= 8 ? batches.reduce((a, b) => a + b, 0) / batches.length : null;
  }

  track(index: number): LayerTrack | undefined {
    return this.layers.get(index);
  }

  /**
   * The first iteration that applied a non-finite update or held non-finite weights. After it the
   * network is wrecked: its layer statistics describe the wreck, not what caused it.
   */
  brokenSince(): number | null {
    let at = this.firstGradNonFinite;
    for (const t of this.layers.values()) {
      const w = t.firstNonFiniteWeights;
      if (w !== null && (at === null || w < at)) at = w;
    }
    return at;
  }
}
