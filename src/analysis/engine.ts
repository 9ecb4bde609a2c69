/**
 * The diagnosis engine: fed trace events (live or replayed), it keeps bounded per-model
 * state, runs the detectors, and turns their observations into findings. Configuration
 * findings start as warnings and are confirmed (or withdrawn) by training evidence;
 * training symptoms explained by a configuration finding are folded into it.
 */
import { backgroundScore, type Ctx, type HypStatus, type Hypothesis, layerText, type Observation, type RelevanceSpec } from './context';
import { configHypotheses } from './detectors/config';
import { detectExploding, detectLayers, neverUpdated } from './detectors/layers';
import { detectNumerical } from './detectors/numerical';
import { tensorLeak } from './detectors/memory';
import { batchesApart, ignoredLearningRate, learningRateDecayedAway, negativeLearningRate, radianCosineSchedule, rateCutWhileImproving, rebuiltModel, recreatedOptimizer, sameBatch, untrainedLayers } from './detectors/settings';
import { completedAsPlanned, cutShort, oneEpochGiven, loopStoppedAtOnce, minorityNeverPredicted, rateHeldLow, stoppedEarly, detectTrends, fewUpdates, mayExplainStall } from './detectors/trend';
import type { Finding, Fix, LayerRef, Relevance, Report, RunSummary, Symptom, TextEdit } from './findings';
import { SYMPTOM_SEEN } from './findings';
import { arrayDeclarationSite, arrayWriteSite, dataDeclarationSite, gatherIndicesDeclarationSite, firstSiteInLoop, fitOptionWriteSite, rateValueSite, varListDeclarationSite, renderFix, type PlannedFix, type SourceReader, SourceText } from './fixes';
import type { LayerView, ModelView } from './model';
import { assessAccuracy, assessLoss, NEAR_NO_SKILL } from './progress';
import { TraceSeries } from './series';
import { fmt, pct, spokenList } from './stats';
import { emptyScriptEvents, ModelState, NEGATIVE_LOSS, SCRIPT_EVENT_CAPS, type ScriptEvent } from './model-state';
import { clamp } from './stats';
import type { SourceSite, TraceEvent } from './trace';

export interface EngineOptions {
  readSource?: (file: string) => string | undefined;
}

export interface LayerHealth {
  modelId: number;
  layer: LayerRef;
  site: SourceSite | null;
  status: 'healthy' | 'faulty' | 'suspect' | 'unknown';
  text: string;
}

type Status = HypStatus;

interface Entry {
  id: string;
  key: string;
  modelId: number;
  seq: number;
  hyp: Hypothesis | null;
  obs: Observation | null;
  status: Status;
  observed: Symptom[];
  support: string[];
  /** What training showed when it confirmed the entry, for a hypothesis confirmed by its own symptom. */
  confirmation: string | null;
  related: Array<{ site: SourceSite; message: string }>;
  /**
   * The support lines and related places each kind of observation last added. An observation
   * repeats with fresh numbers while training goes on; its new lines replace its old ones.
   */
  addedBy: Map<string, { support: string[]; related: Entry['related'] }>;
  relevance: RelevanceSpec;
  iteration: number | null;
  onset: number | null;
  elapsedMs: number;
  priority: number;
}

const MAX_ENTRIES_PER_MODEL = 100;
const MAX_MODELS = 16;
const MAX_EVIDENCE = 14;
/** Crashes a warning predicts: the crash confirms it. */
/** How often (in a model's iterations) two models trained against each other are compared. */
const COOPERATION_EVERY = 16;
/** Losses below this over the last steps, from a start well above it, have settled at about 0. */
const NEAR_ZERO_LOSS = 0.01;
const SETTLED_STEPS = 32;

/** The largest of a model's last losses when every one of them is about 0 and its first ones were not; else null. */
function settledNearZero(run: ModelState): number | null {
  const tail = run.loss.recent.last(SETTLED_STEPS).map((p) => p.value);
  const head = run.loss.head.slice(0, 8).map((p) => p.value);
  if (tail.length < SETTLED_STEPS || head.length < 8) return null;
  const top = Math.max(...tail);
  return top < NEAR_ZERO_LOSS && Math.min(...head) > 10 * NEAR_ZERO_LOSS ? top : null;
}

const CRASH_CAUSES: ReadonlyArray<{ message: RegExp; explains: (h: Hypothesis) => boolean }> = [
  // Labels that do not suit the loss make tfjs fail on shapes.
  { message: /shape|target|expected|incompatible|dimension|rank|sparse|one-?hot|label/i, explains: (h) => h.rootCause === 'label-encoding' },
  // tfjs refuses to train a model with no trainable weight.
  { message: /trainable/i, explains: (h) => h.symptom === 'weights-frozen' },
];

/**
 * The edit a finding is shown at instead of its location: its fix's first, when the finding is
 * always shown at its fix (atFix) or the fix that applied is of a kind named in atFixKinds.
 */
function editShownAt(at: { atFix?: boolean; atFixKinds?: readonly string[] }, planned: readonly PlannedFix[], fix: Fix | null | undefined): TextEdit | undefined {
  if (!fix) return undefined;
  const kind = at.atFixKinds ? appliedKind(planned, fix) : undefined;
  return at.atFix || (kind !== undefined && at.atFixKinds!.includes(kind)) ? fix.edits[0] : undefined;
}

/** The kind of the planned fix that became `fix` (matched by its title). */
function appliedKind(planned: readonly PlannedFix[], fix: Fix | null | undefined): string | undefined {
  return fix ? planned.find((f) => f.title === fix.title)?.plan.kind : undefined;
}

export class DiagnosisEngine {
  readonly series = new TraceSeries();
  private readonly read: SourceReader | undefined;
  private readonly runs = new Map<number, ModelState>();
  private readonly entries = new Map<string, Entry>();
  private seq = 0;
  private firstModel: number | null = null;
  private lastModel: number | null = null;
  private dirty = false;
  private rendered = new Map<string, { sig: string; finding: Finding }>();
  private fixCache = new Map<string, { key: string; fix: Fix | null; alternatives: Fix[]; dataSite: SourceSite | null }>();
  private crash: { message: string; site: SourceSite | null } | null = null;
  private readonly script = emptyScriptEvents();

  constructor(options: EngineOptions = {}) {
    this.read = options.readSource;
  }

  // -------------------------------------------------------------------------------------------
  // Public API

  /** New or changed findings caused by this event. Never throws. */
  ingest(event: TraceEvent): Finding[] {
    try {
      this.handle(event);
    } catch {
      // A malformed-but-valid event must not stop the run; the event is skipped.
    }
    try {
      this.series.ingest(event);
    } catch {
      // The panel series are best effort.
    }
    return this.flush();
  }

  /** End of the stream: whole-run checks; returns new or changed findings. */
  finish(): Finding[] {
    try {
      for (const run of this.runs.values()) this.finalize(run);
    } catch {
      // Same as ingest: never throw.
    }
    return this.flush();
  }

  /** Current findings, confirmed first. */
  findings(): Finding[] {
    this.flush();
    return this.sortedVisible().map((e) => this.rendered.get(e.id)!.finding);
  }

  hasConfirmedFault(): boolean {
    for (const e of this.entries.values()) if (e.status === 'confirmed' && this.visible(e) && !e.obs?.scriptOnly && !e.obs?.awaitsRestore) return true;
    return false;
  }

  report(run: RunSummary): Report {
    const findings = this.findings();
    const confirmed = findings.some((f) => f.confirmed);
    let verdict: Report['verdict'];
    if (confirmed) verdict = 'faulty';
    else if (run.error || (this.crash && !this.judged())) verdict = 'error';
    else verdict = this.judged() ? 'healthy' : 'inconclusive';
    return { verdict, findings, run };
  }

  /** Per layer of the last model: status and a short text for code lenses. */
  layerHealth(): LayerHealth[] {
    const modelId = this.lastModel;
    if (modelId === null) return [];
    const run = this.runs.get(modelId);
    const view = run?.view;
    if (!run || !view) return [];
    this.flush();
    const visible = this.sortedVisible().filter((e) => e.modelId === modelId);
    return view.layers
      .filter((l) => l.kind !== 'input')
      .map((l) => {
        const text = layerText(run, l);
        const own = visible.filter((e) => this.layerOf(e) === l);
        const confirmedOwn = own.find((e) => e.status === 'confirmed');
        const inConfirmed = visible.some((e) => e.status === 'confirmed' && (e.relevance.get(l.pos)?.score ?? 0) >= 0.6);
        let status: LayerHealth['status'];
        let label = text;
        if (confirmedOwn) {
          status = 'faulty';
          if (text === 'healthy' || text === 'no data yet') label = this.shortText(confirmedOwn);
        } else if (own.length || inConfirmed) status = 'suspect';
        else if (text === 'no data yet') status = 'unknown';
        else status = 'healthy';
        return { modelId, layer: l.ref, site: l.info.site, status, text: label };
      });
  }

  // -------------------------------------------------------------------------------------------
  // Event handling

  private run(modelId: number): ModelState {
    let r = this.runs.get(modelId);
    if (!r) {
      r = new ModelState(modelId);
      r.script = this.script;
      this.runs.set(modelId, r);
      if (this.firstModel === null) this.firstModel = modelId;
      while (this.runs.size > MAX_MODELS) {
        // Scripts that build many models (searches, loops) keep only the confirmed faults of old ones.
        const oldest = this.runs.keys().next().value as number;
        this.runs.delete(oldest);
        for (const e of this.modelEntries(oldest)) {
          if (e.status !== 'confirmed') {
            this.entries.delete(e.id);
            this.dirty = true;
          }
        }
      }
    }
    return r;
  }

  private handle(e: TraceEvent): void {
    switch (e.type) {
      case 'model': {
        const run = this.run(e.modelId);
        run.setModel(e);
        run.pretrained ??= this.pretrainedLayers(run);
        this.lastModel = e.modelId;
        this.applyConfig(run);
        return;
      }
      case 'fitOneClass': {
        const run = this.run(e.modelId);
        run.oneClassFits.set(e.call, e.cls);
        if (run.view) this.applyConfig(run);
        return;
      }
      case 'fitClassesAdded': {
        const run = this.run(e.modelId);
        for (const c of e.classes) run.laterFitClasses.add(c);
        if (run.view) this.applyConfig(run);
        return;
      }
      case 'data': {
        const run = this.run(e.modelId);
        run.addData(e);
        if (run.view) this.applyConfig(run);
        return;
      }
      case 'lossCall': {
        const run = this.run(e.modelId);
        run.addLossCall(e);
        if (run.view) this.applyConfig(run);
        return;
      }
      case 'iter': {
        const run = this.run(e.modelId);
        if (this.lastModel === null) this.lastModel = e.modelId;
        const maxRate = run.maxLearningRate;
        const lossWasNonNegative = !(run.loss.min < NEGATIVE_LOSS);
        const firstLayerSample = run.detailSamples === 0;
        run.onIter(e);
        // A rate raised past a power of ten (a warmup, a range test's sweep): the rate checks look again.
        if (run.view && maxRate !== null && maxRate > 0 && run.maxLearningRate !== null && Math.floor(Math.log10(run.maxLearningRate)) > Math.floor(Math.log10(maxRate))) this.applyConfig(run);
        // A loss first below 0: the checks of losses that cannot go there look again.
        else if (run.view && lossWasNonNegative && run.loss.min < NEGATIVE_LOSS) this.applyConfig(run);
        // The layers' first outputs: the checks of how a network starts look again.
        else if (run.view && firstLayerSample && run.detailSamples > 0) this.applyConfig(run);
        const ctx = this.ctx(run, e.iter, e.elapsedMs);
        this.apply(run, detectNumerical(ctx, e));
        const broken = run.brokenSince();
        if (e.layers && e.layers.length && (broken === null || e.iter <= broken)) this.apply(run, detectLayers(ctx));
        const n = run.iterations;
        if (n % COOPERATION_EVERY === 0) this.checkCooperation(run);
        const step = clamp(Math.floor(n / 50), 1, 50);
        if (n % step === 0) {
          this.apply(run, detectExploding(ctx));
          this.apply(run, learningRateDecayedAway(ctx));
          this.apply(run, negativeLearningRate(ctx));
          this.apply(run, radianCosineSchedule(ctx));
          this.trend(run, ctx, false);
        }
        return;
      }
      case 'epoch': {
        const run = this.run(e.modelId);
        run.onEpoch(e);
        if (run.iterations === 0) {
          // Loops that report only epochs: judge trends on epoch losses.
          const l = e.logs['loss'];
          if (typeof l === 'number') run.loss.push(e.epoch, l);
          run.lastIter = Math.max(run.lastIter, e.epoch);
          run.elapsedMs = e.elapsedMs;
        }
        const epochCtx = this.ctx(run, Math.max(run.lastIter, 0), e.elapsedMs);
        this.apply(run, rateCutWhileImproving(epochCtx));
        this.trend(run, epochCtx, false);
        return;
      }
      case 'evaluated':
        // The first evaluation counts for most checks; the latest, with the training accuracy it followed, for the one comparing the two.
        this.configEvidence(e.modelId, (run) => {
          run.evaluated ??= e;
          run.lastEvaluated = { event: e, trainedAccuracy: run.recentTrainingAccuracy() };
        });
        return;
      case 'trainEnd': {
        const run = this.runs.get(e.modelId);
        if (run) {
          run.ended = true;
          // What only the trained model shows (its outputs' spread against its targets'): the configuration checks look again.
          if (run.view) this.applyConfig(run);
          this.trend(run, this.ctx(run, Math.max(run.lastIter, 0), e.elapsedMs), true);
        }
        return;
      }
      case 'weightsRestored':
        // The script replaced the trained weights after fit (the best epoch's, kept as copies): a
        // validation loss that turned up in later epochs no longer describes the model it keeps.
        this.dropOverfitting(e.modelId);
        // Set back to the weights fit began with: the run's training is undone.
        if (e.restoresStart) {
          this.configEvidence(e.modelId, (run) => {
            run.restoredToStart = e;
            run.restoredAtStep = run.iterations;
          });
        }
        return;
      case 'weightsKept': {
        const run = this.run(e.modelId);
        run.keepsWeights = true;
        run.weightsKeptAt ??= e.site;
        return;
      }
      case 'weightsKeptLive':
        // The restore that failed is the fault; the overfitting it left is told in its finding.
        this.dropOverfitting(e.modelId);
        this.configEvidence(e.modelId, (run) => (run.weightsKeptLive ??= e));
        return;
      case 'stoppedEarly': {
        this.run(e.modelId).stoppedEarly = e;
        return;
      }
      case 'batchAxis':
        return this.configEvidence(e.modelId, (run) => (run.batchAxis ??= e));
      case 'broadcast':
        return this.configEvidence(e.modelId, (run) => (run.broadcast ??= e));
      case 'staleTrainable':
        return this.configEvidence(e.modelId, (run) => (run.staleTrainable ??= e));
      case 'weightsSet':
        return this.configEvidence(e.modelId, (run) => run.weightsSet.push(e));
      case 'gradientAscent':
        return this.configEvidence(e.modelId, (run) => (run.gradientAscent ??= e));
      case 'columnTargets':
        return this.configEvidence(e.modelId, (run) => (run.columnTargets ??= e));
      case 'gradientsAltered':
        return this.configEvidence(e.modelId, (run) => (e.kind === 'shrunk' ? (run.gradientsShrunk ??= e) : e.kind === 'grown' ? (run.gradientsGrown ??= e) : e.kind === 'summed' ? (run.gradientsSummed ??= e) : e.kind === 'inverted' ? (run.gradientsInverted ??= e) : (run.gradientsNoised ??= e)));
      case 'shuffledApart':
        return this.configEvidence(e.modelId, (run) => (run.shuffledApart ??= e));
      case 'penaltyDominates':
        return this.configEvidence(e.modelId, (run) => (run.penaltyDominates ??= e));
      case 'maxNormApplied':
        return this.configEvidence(e.modelId, (run) => (run.maxNormApplied ??= e));
      case 'targetsSorted':
        return this.configEvidence(e.modelId, (run) => (run.targetsSorted ??= e));
      case 'shuffledSeries':
        return this.configEvidence(e.modelId, (run) => (run.shuffledSeries ??= e));
      case 'datasetSpent':
        return this.configEvidence(e.modelId, (run) => (run.datasetSpent ??= e));
      case 'datasetTaken':
        return this.configEvidence(e.modelId, (run) => (run.datasetTaken ??= e));
      case 'gradientBlocked':
        return this.configEvidence(e.modelId, (run) => (run.gradientBlocked ??= e));
      case 'outputScaled':
        return this.configEvidence(e.modelId, (run) => (run.outputScaled ??= e));
      case 'weightsOverwritten':
        return this.configEvidence(e.modelId, (run) => (run.weightsOverwritten ??= e));
      case 'clipsUnused':
        return this.configEvidence(e.modelId, (run) => (run.clipsUnused ??= e));
      case 'variablesBlocked':
        return this.configEvidence(e.modelId, (run) => (run.variablesBlocked ??= e));
      case 'untrackedVariables':
        return this.configEvidence(e.modelId, (run) => (run.untrackedVariables ??= e));
      case 'shuffledInsideSamples':
        return this.configEvidence(e.modelId, (run) => (run.shuffledInsideSamples ??= e));
      case 'trainedAgainst': {
        this.run(e.modelId).opponent ??= e.otherId;
        this.run(e.otherId).opponent ??= e.modelId;
        this.run(e.modelId).against ??= e.otherId;
        return;
      }
      case 'inferenceMode':
        return this.configEvidence(e.modelId, (run) => (run.inferenceMode ??= e));
      case 'logOfProbabilities': {
        const logs = this.run(e.modelId).logsOfProbabilities;
        if (!logs.some((l) => l.complement === e.complement)) logs.push(e);
        return;
      }
      case 'lossComputed':
        this.configEvidence(e.modelId, (run) => {
          run.lossSite ??= e.site;
          if (e.summedValues !== undefined) run.lossSummedValues ??= e.summedValues;
          if (e.scaledBy !== undefined) run.lossScale ??= e.scaledBy;
          if (e.meanScale !== undefined) run.lossMeanScale ??= e.meanScale;
          if (e.rowWeights !== undefined) run.lossRowWeights ??= e.rowWeights;
        });
        return;
      case 'nanMaskedLate':
      case 'lossDividedByCount':
      case 'oneSidedClip':
      case 'zeroMargin':
      case 'powerShrinks':
      case 'batchesRelabelled':
      case 'penaltySubtracted':
      case 'usedBeforeTraining':
      case 'logOfOutput':
      case 'rawSoftmax':
      case 'weightsClamped':
      case 'monitorMissing':
      case 'usedUntrained':
      case 'scoredOnTrainedRows':
      case 'inputsOffScale':
      case 'gradientsReapplied':
      case 'thresholdOutsideOutputs':
      case 'drawComparedOutside':
      case 'lossNegated':
      case 'trainingModeAfter':
      case 'dividedByZero':
      case 'maskRaisesScores':
      case 'kernelsFrozen':
      case 'targetInInputs':
      case 'rateLeftBySweep':
      case 'rateLeftByOtherModel':
      case 'inputsSquashed':
      case 'targetSentinel':
      case 'variablesInitWide':
      case 'variablesConstant':
      case 'emptyBatch':
      case 'expOfExp':
      case 'gatherAcrossRows':
      case 'stepsStopped':
      case 'weightsAveraged':
      case 'weightsSummed':
      case 'absOfSummedErrors':
      case 'huberBranchesSwapped':
      case 'stepBelowResolution':
      case 'sineSpreadWide':
      case 'prunedLargest':
      case 'tagsReversed':
      case 'inputsSwapped':
      case 'inputGivenTwice':
      case 'pinballFlipped':
      case 'signedDistance':
      case 'rateGroupsSwapped':
      case 'varListMissing':
      case 'argmaxTarget':
      case 'fedByUntrained':
      case 'divisorCrossedZero':
      case 'shiftByBatchMax':
      case 'maskMultiplied':
      case 'scoresScaledUp':
      case 'rowsIdentical':
      case 'contrastiveUnnormalized':
      case 'weightsCopiedToSelf':
      case 'positivesMasked':
      case 'logitsAsProbabilities':
      case 'headsSplit':
      case 'focalInverted':
      case 'maxOverBatch':
      case 'idsRenumbered':
      case 'channelsPermuted':
      case 'softmaxRowsMasked':
      case 'expOverflow':
      case 'viewsIdentical':
      case 'cosineLogits':
      case 'layerDetached':
      case 'batchSummed':
      case 'inputsDrift':
      case 'masksMisaligned':
      case 'tagsMisaligned':
      case 'scaledApart':
      case 'handWrittenUpdate':
      case 'noisyTargets':
        // Kept in the run's field of the same name; the first one counts.
        this.configEvidence(e.modelId, (run) => ((run as unknown as Record<typeof e.type, typeof e | null>)[e.type] ??= e));
        return;
      case 'opAtZero': {
        this.run(e.modelId).opAtZero ??= e;
        return;
      }
      case 'batchClasses': {
        const run = this.run(e.modelId);
        run.batchClasses ??= e;
        if (run.view) this.applyConfig(run);
        return;
      }
      case 'truncatedToInt':
      case 'sortedAsText':
      case 'sortedByBoolean':
      case 'splitMissesSeparator':
      case 'parsedToComma':
      case 'signDropped':
      case 'splitOnWords':
      case 'oneHot':
      case 'rotatedByDegrees':
      case 'splitWithByteOrderMark':
      case 'regexStateCarried':
      case 'valuesOffIndex':
      case 'integersRounded':
      case 'datesFromSeconds':
      case 'parsedHexAsDecimal':
      case 'parsedBehindSymbol':
      case 'dropoutSeedFixed':
        return this.keepForAll(e);
      case 'ignoredSetting': {
        // The probe reports it at an optimizer step, so the stepping model is known by then.
        const modelId = this.lastModel ?? this.firstModel;
        const run = modelId !== null ? this.runs.get(modelId) : undefined;
        if (run) this.apply(run, [ignoredLearningRate(e, run)]);
        return;
      }
      case 'drawsWithinBatch': {
        const declaredAt = (e.indicesSite ? arrayDeclarationSite(this.read, e.indicesSite) : null) ?? (e.site ? gatherIndicesDeclarationSite(this.read, e.site) : null);
        const withDecl = { ...e, declaredAt };
        return this.configEvidence(e.modelId, (run) => (run.drawsWithinBatch ??= withDecl));
      }
      case 'untrainedLayers': {
        const run = this.run(e.modelId);
        this.apply(run, [untrainedLayers(e, run, varListDeclarationSite(this.read, e.site))]);
        return;
      }
      case 'sameBatch': {
        this.apply(this.run(e.modelId), [sameBatch(e)]);
        return;
      }
      case 'batchesApart': {
        this.apply(this.run(e.modelId), [batchesApart(e)]);
        return;
      }
      case 'modelRebuilt': {
        this.apply(this.run(e.modelId), [rebuiltModel(e)]);
        return;
      }
      case 'optimizerRecreated': {
        const run = this.run(e.modelId);
        this.apply(run, [recreatedOptimizer(e, run)]);
        return;
      }
      case 'tensorLeak': {
        const run = this.run(e.modelId);
        this.apply(run, [tensorLeak(e, run)]);
        return;
      }
      case 'crash': {
        this.crash = { message: e.message, site: e.site };
        const run = this.lastModel !== null ? this.runs.get(this.lastModel) : undefined;
        if (run) {
          const explains = CRASH_CAUSES.filter((c) => c.message.test(e.message));
          for (const entry of this.modelEntries(run.modelId)) {
            const hyp = entry.hyp;
            if (hyp && entry.status !== 'confirmed' && explains.some((c) => c.explains(hyp))) {
              this.confirm(entry, null, [`training crashed: ${e.message.slice(0, 200)}`], e.site ? [{ site: e.site, message: 'training crashed here' }] : [], run.lastIter >= 0 ? run.lastIter : null, run.elapsedMs);
            }
          }
        }
        return;
      }
      default:
        return;
    }
  }

  private readonly ctxs = new WeakMap<ModelState, Ctx>();

  /** One context object per model, updated in place (cheap on every iteration). */
  private ctx(run: ModelState, iteration: number, elapsedMs: number): Ctx {
    const existing = this.ctxs.get(run);
    if (existing) {
      existing.view = run.view;
      existing.iteration = iteration;
      existing.elapsedMs = elapsedMs;
      return existing;
    }
    const ctx: Ctx = {
      run,
      view: run.view,
      iteration,
      elapsedMs,
      hypotheses: () =>
        this.modelEntries(run.modelId)
          .filter((x) => x.hyp !== null)
          .map((x) => ({ hyp: x.hyp!, status: x.status })),
      warnings: () =>
        this.modelEntries(run.modelId)
          .filter((x) => x.obs !== null && x.status !== 'confirmed' && !x.obs.harm)
          .map((x) => x.obs!),
      faults: () =>
        this.modelEntries(run.modelId)
          .filter((x) => x.obs !== null && x.status === 'confirmed' && !x.obs.scriptOnly)
          .map((x) => x.obs!),
    };
    this.ctxs.set(run, ctx);
    return ctx;
  }

  /** Keeps what the probe saw about a model's configuration (the first of its kind) and reconsiders the configuration hypotheses. */
  private configEvidence(modelId: number, keep: (run: ModelState) => unknown): void {
    const run = this.run(modelId);
    keep(run);
    if (run.view) this.applyConfig(run);
  }

  private trend(run: ModelState, ctx: Ctx, final: boolean): void {
    const t = detectTrends(ctx, final);
    this.apply(run, t.observations);
    if (!t.stalled) {
      for (const key of ['loss-not-decreasing:loss', 'accuracy-not-increasing:accuracy']) {
        const e = this.entries.get(this.idFor(key, run.modelId));
        if (e && e.obs && e.status === 'pending') this.setStatus(e, 'withdrawn');
      }
    }
    // Clear training progress withdraws warnings that predicted a stall.
    const lp = t.loss;
    const ap = t.accuracy;
    // A loss well below the no-skill level is learning even while a small, noisy batch
    // accuracy cannot yet be told from chance.
    const learning = lp !== null && lp.learning && (ap === null || ap.aboveChance || lp.belowBaseline);
    const harmful = t.observations.some((o) => o.harm);
    if (learning && !harmful && lp!.n >= 20) {
      if (!run.healthy) {
        run.healthy = true;
        for (const e of this.modelEntries(run.modelId)) {
          // Collapsed labels and a loss floor both predict a falling loss: it does not refute them.
          if (e.status === 'pending' && !e.hyp?.trivialFit && e.hyp?.lossFloor === undefined && !e.hyp?.keepWhenLearning && !e.hyp?.settlesHigh) this.setStatus(e, 'withdrawn');
        }
      }
    } else if (harmful) run.healthy = false;
  }

  private finalize(run: ModelState): void {
    if (!run.ended) this.trend(run, this.ctx(run, Math.max(run.lastIter, 0), run.elapsedMs), true);
    const lp = assessLoss(run);
    const ap = assessAccuracy(run);
    const learning = lp !== null && lp.n >= 20 && lp.learning && (ap === null || ap.aboveChance || lp.belowBaseline);
    const entries = this.modelEntries(run.modelId).filter((e) => !e.obs?.scriptOnly);
    // Certain findings held back for their loop's next fit call, which never came.
    for (const e of entries) if (e.status === 'pending' && (e.hyp?.heldForNextFit || e.hyp?.atRunEnd) && e.hyp.certain) this.confirm(e, null, [], [], Math.max(run.lastIter, 0), run.elapsedMs);
    const anyConfirmed = entries.some((e) => e.status === 'confirmed');
    for (const e of entries) {
      if (e.status !== 'pending') continue;
      // A falling loss is what collapsed labels predict, not evidence against them.
      if (e.hyp?.trivialFit || e.hyp?.keepWhenLearning) continue;
      if (e.hyp?.settlesHigh && lp?.baseline) {
        if (lp.current > NEAR_NO_SKILL * lp.baseline.value) {
          this.confirm(e, null, [`the run ended with the loss at ${fmt(lp.current)}, ${pct(lp.current / lp.baseline.value)} of the level of ${lp.baseline.text} (${fmt(lp.baseline.value)})`], [], Math.max(run.lastIter, 0), run.elapsedMs);
        } else this.setStatus(e, 'withdrawn');
        continue;
      }
      // Training that learned contradicts every open warning; next to a confirmed fault,
      // layer-level warnings are consequences and only add noise.
      if (learning || (anyConfirmed && e.obs !== null)) this.setStatus(e, 'withdrawn');
    }
    // A whole run that ended without learning is the training evidence a short run could not
    // give earlier: it confirms the configuration warnings that predicted it, and a stall at the
    // no-skill level that nothing else explains.
    // With an accuracy metric, ending at chance is decisive even while the loss still creeps
    // towards the no-skill level; so is a loss that never came down to that level in all the
    // planned epochs, however steeply it still falls.
    const neverReachedNoSkill = lp !== null && lp.atBaseline && completedAsPlanned(run);
    const stalledRun = lp !== null && run.opponent === null && !lp.learning && (ap === null ? !lp.recentDecreasing || neverReachedNoSkill : !ap.aboveChance);
    // Stalled only by that last rule: the loss still falls, so "not decreasing" would be wrong.
    const stillFalling = ap === null && neverReachedNoSkill && lp.recentDecreasing;
    if (anyConfirmed) return;
    const ctx = this.ctx(run, Math.max(run.lastIter, 0), run.elapsedMs);
    this.apply(run, [...neverUpdated(ctx), ...cutShort(ctx), ...oneEpochGiven(ctx), ...loopStoppedAtOnce(ctx), ...fewUpdates(ctx), ...stoppedEarly(ctx), ...minorityNeverPredicted(ctx), ...rateHeldLow(ctx)]);
    // Either explains whatever the loss did.
    if (lp === null || this.modelEntries(run.modelId).some((e) => e.status === 'confirmed' && !e.obs?.scriptOnly)) return;
    for (const e of entries) {
      // Collapsed labels predict a falling loss: a whole run that fell confirms them.
      if (e.status === 'pending' && e.hyp?.trivialFit && lp.decreased) {
        this.confirm(e, null, [`over the whole run (${lp.n} steps) the loss fell from ${fmt(lp.start)} to ${fmt(lp.current)}, as collapsed labels make it`], [], Math.max(run.lastIter, 0), run.elapsedMs);
      }
    }
    if (!stalledRun) return;
    const evidence = `over the whole run (${lp!.n} steps) the loss went from ${fmt(lp!.start)} to ${fmt(lp!.current)}${ap ? ` and accuracy stayed at chance (${fmt(ap.current)})` : ''}`;
    // A cause that explains every harm takes the stall alone.
    const root = entries.find((e) => e.status === 'pending' && e.hyp?.explainsAllHarm);
    for (const e of entries) {
      if (e.status !== 'pending' || !this.visible(e) || e.hyp?.trivialFit || (root && e !== root)) continue;
      const predictsStall = e.hyp !== null && !e.hyp.weak && !e.hyp.notice && mayExplainStall(e.hyp, run);
      const unexplainedStall = !e.hyp && e.obs !== null && (e.obs.symptom === 'loss-not-decreasing' || e.obs.symptom === 'accuracy-not-increasing') && lp!.atBaseline;
      if (!predictsStall && !unexplainedStall) continue;
      this.confirm(e, null, [evidence], [], Math.max(run.lastIter, 0), run.elapsedMs);
      if (e.hyp && stillFalling && lp.baseline) {
        e.confirmation = `the loss fell from ${fmt(lp.start)} to ${fmt(lp.current)} in all its planned epochs, but never came down to the level of ${lp.baseline.text} (${fmt(lp.baseline.value)})`;
        this.addObserved(e, [e.hyp.symptom]);
      } else this.addObserved(e, [ap && !ap.aboveChance ? 'accuracy-not-increasing' : 'loss-not-decreasing']);
    }
  }

  /** Training long enough to tell healthy from faulty: it learned, or it settled. */
  private judged(): boolean {
    for (const run of this.runs.values()) {
      const lp = assessLoss(run);
      const ap = assessAccuracy(run);
      if (lp && lp.n >= 20 && (lp.learning || (ap !== null && ap.aboveChance) || !lp.recentDecreasing)) return true;
    }
    return false;
  }

  private applyConfig(run: ModelState): void {
    const view = run.view;
    if (!view) return;
    let hyps: Hypothesis[];
    try {
      hyps = configHypotheses(view, run);
    } catch {
      hyps = [];
    }
    const ids = new Set<string>();
    for (const h of hyps) {
      const id = this.idFor(h.id, run.modelId);
      ids.add(id);
      const existing = this.entries.get(id);
      if (existing) {
        if (existing.status !== 'confirmed') {
          existing.hyp = h;
          existing.relevance = new Map(h.relevance);
          existing.priority = h.strength;
          this.dirty = true;
          // Later events can make it certain (the tf.oneHot call that made the targets).
          this.confirmIfCertain(existing, run);
        }
        continue;
      }
      const entry: Entry = {
        id,
        key: h.id,
        modelId: run.modelId,
        seq: this.seq++,
        hyp: h,
        obs: null,
        status: run.healthy && !h.keepWhenLearning && !h.certain ? 'withdrawn' : 'pending',
        observed: [],
        support: [],
        confirmation: null,
        related: [],
        addedBy: new Map(),
        relevance: new Map(h.relevance),
        iteration: null,
        onset: null,
        elapsedMs: run.elapsedMs,
        priority: h.strength,
      };
      this.add(entry);
      this.confirmIfCertain(entry, run);
    }
    for (const e of this.modelEntries(run.modelId)) {
      if (e.hyp && !ids.has(e.id) && e.status === 'pending') {
        this.entries.delete(e.id);
        this.dirty = true;
      }
    }
  }

  /**
   * A model trained against another (a GAN's generator against its discriminator) whose loss came
   * down to about 0 while the other's did too: the two cannot both win, so the generator is trained
   * towards the verdict the discriminator gives its samples, not against it. Noted on the model
   * trained against the other, whose checks then look again.
   */
  private checkCooperation(run: ModelState): void {
    const pairs = [run, ...[...this.runs.values()].filter((r) => r.against === run.modelId)];
    for (const g of pairs) {
      const d = g.against !== null ? this.runs.get(g.against) : undefined;
      if (!d || g.cooperating || !g.view) continue;
      const own = settledNearZero(g);
      const other = settledNearZero(d);
      if (own === null || other === null) continue;
      g.cooperating = { own, other, iter: g.lastIter };
      this.applyConfig(g);
    }
  }

  /** The model's fit call runs inside a loop of the script's, as far as the source shows. */
  private fitInLoop(run: ModelState): boolean {
    const site = run.view?.event.fitSite;
    return site ? firstSiteInLoop(this.read, [site]) !== null : false;
  }

  /** A hypothesis certain from the data or configuration alone is confirmed as soon as it is known. */
  private confirmIfCertain(e: Entry, run: ModelState): void {
    if (e.status !== 'pending' || !e.hyp) return;
    // Held while the loop's next call has not shown its targets' class (a class per call).
    if (e.hyp.heldForNextFit && !(run.fitCalls >= 2 && run.oneClassFits.has(run.fitCalls)) && this.fitInLoop(run)) return;
    if (e.hyp.atRunEnd) return;
    if (e.hyp.certain || (e.hyp.certainWithFix && this.fixes(e, e.hyp.fixes, new Map()).fix)) this.confirm(e, null, [], [], Math.max(run.lastIter, 0), run.elapsedMs);
  }

  // -------------------------------------------------------------------------------------------
  // Observations → findings

  private apply(run: ModelState, observations: Observation[]): void {
    for (const o of observations) this.applyOne(run, o);
  }

  private applyOne(run: ModelState, o: Observation): void {
    for (const key of o.replaces ?? []) {
      const id = this.idFor(key, run.modelId);
      if (this.entries.delete(id)) this.dirty = true;
    }
    // NaN or Infinity in the training data poisons every weight once its batch is used, and a loss
    // that does not measure the error (arguments swapped, a difference broadcast to [n, n]) or
    // targets shuffled apart from their inputs train towards nothing useful: any harm seen after
    // that is their consequence, whatever a detector would otherwise blame.
    const root = o.harm && !o.scriptOnly ? this.modelEntries(run.modelId).find((e) => e.hyp?.explainsAllHarm) : undefined;
    // Named among the observation's causes, it alone is confirmed: the others are its consequences too.
    if (root && o.cause.confirms.includes(root.key)) o = { ...o, cause: { ...o.cause, confirms: [root.key] } };
    else if (root) {
      this.confirm(root, null, [], [], o.iteration, o.elapsedMs);
      this.addObserved(root, [o.symptom, ...(o.observed ?? [])]);
      const added = this.contribution(root, o);
      for (const line of o.evidence) this.addSupport(root, line, added);
      for (const r of o.related) this.addRelated(root, r, added);
      return;
    }
    const confirms = o.cause.confirms.map((k) => this.entries.get(this.idFor(k, run.modelId))).filter((e): e is Entry => e !== undefined);
    if (confirms.length) {
      for (const e of confirms) {
        if (o.harm) this.confirm(e, o, o.evidence, o.related, o.iteration, o.elapsedMs);
        else this.support(e, o);
      }
      return;
    }
    const folds = o.cause.folds.map((k) => this.entries.get(this.idFor(k, run.modelId))).filter((e): e is Entry => e !== undefined && e.obs !== null);
    if (folds.length && o.harm) {
      for (const e of folds) this.confirm(e, o, o.evidence, o.related, o.iteration, o.elapsedMs);
      return;
    }
    const id = this.idFor(`${o.symptom}:${o.about}`, run.modelId);
    const existing = this.entries.get(id);
    if (!existing) {
      if (this.modelEntries(run.modelId).length >= MAX_ENTRIES_PER_MODEL) return;
      this.add({
        id,
        key: `${o.symptom}:${o.about}`,
        modelId: run.modelId,
        seq: this.seq++,
        hyp: null,
        obs: o,
        status: o.harm ? 'confirmed' : run.healthy ? 'withdrawn' : 'pending',
        observed: o.harm ? [o.symptom, ...(o.observed ?? [])] : [],
        support: [],
        confirmation: null,
        related: [],
        addedBy: new Map(),
        relevance: new Map(o.relevance),
        iteration: o.iteration,
        onset: o.onset ?? null,
        elapsedMs: o.elapsedMs,
        priority: o.priority,
      });
      return;
    }
    if (existing.obs && o.harm && existing.status !== 'confirmed') {
      existing.obs = o;
      existing.relevance = new Map(o.relevance);
      existing.iteration = o.iteration;
      existing.onset = o.onset ?? existing.onset;
      existing.elapsedMs = o.elapsedMs;
      existing.priority = o.priority;
      this.confirm(existing, o, [], [], o.iteration, o.elapsedMs);
    } else if (existing.obs && existing.status === 'confirmed' && o.harm) {
      this.addObserved(existing, [o.symptom, ...(o.observed ?? [])]);
    } else if (existing.obs && existing.status === 'withdrawn' && !run.healthy) {
      existing.obs = o;
      existing.relevance = new Map(o.relevance);
      existing.iteration = o.iteration;
      this.setStatus(existing, 'pending');
    }
  }

  private add(e: Entry): void {
    this.entries.set(e.id, e);
    this.dirty = true;
  }

  private confirm(e: Entry, o: Observation | null, evidence: string[], related: Entry['related'], iteration: number | null, elapsedMs: number): void {
    if (e.status !== 'confirmed') {
      e.status = 'confirmed';
      e.iteration = iteration;
      e.onset = o?.onset ?? e.onset;
      e.elapsedMs = elapsedMs;
      if (o) e.priority = Math.max(e.priority, o.priority);
      if (o) e.confirmation = o.message.replace(/\.$/, '').replace(/^The /, 'the ');
      this.dirty = true;
    }
    if (o) this.addObserved(e, [o.symptom, ...(o.observed ?? [])]);
    const added = this.contribution(e, o);
    if (o && (e.hyp || o.symptom !== e.obs?.symptom)) {
      this.addSupport(e, withoutOwnMessage(o.message, e), added);
      this.raiseRelevance(e, o, 1);
      const own = e.hyp ? e.hyp.layer : (e.obs?.cause.layer ?? null);
      if (o.layer && o.layer !== own && o.layer.info.site) this.addRelated(e, { site: o.layer.info.site, message: `${o.layer.info.name}: ${SYMPTOM_SEEN[o.symptom]}` }, added);
    }
    for (const ev of evidence) this.addSupport(e, ev, added);
    for (const r of related) this.addRelated(e, r, added);
  }

  private support(e: Entry, o: Observation): void {
    const before = e.support.join('\n');
    this.addSupport(e, withoutOwnMessage(o.message, e), this.contribution(e, o));
    this.raiseRelevance(e, o, 0.9);
    if (e.support.join('\n') !== before) this.dirty = true;
  }

  /**
   * Withdraws what the same kind of observation added to the entry before, and returns the
   * record for what it adds now: the latest numbers replace older ones instead of piling up.
   */
  private contribution(e: Entry, o: Observation | null): { support: string[]; related: Entry['related'] } {
    const fresh = { support: [] as string[], related: [] as Entry['related'] };
    if (!o) return fresh;
    const kind = `${o.symptom}:${o.about}`;
    const old = e.addedBy.get(kind);
    if (old && (old.support.length || old.related.length)) {
      e.support = e.support.filter((l) => !old.support.includes(l));
      e.related = e.related.filter((r) => !old.related.includes(r));
      this.dirty = true;
    }
    e.addedBy.set(kind, fresh);
    return fresh;
  }

  private raiseRelevance(e: Entry, o: Observation, cap: number): void {
    for (const [pos, v] of o.relevance) {
      const cur = e.relevance.get(pos);
      if (!cur || cur.score < v.score) e.relevance.set(pos, { score: Math.min(cur ? cap : 0.9, v.score), evidence: v.evidence });
    }
  }

  private addSupport(e: Entry, line: string, added?: { support: string[] }): void {
    if (!line || e.support.includes(line) || e.support.length >= MAX_EVIDENCE) return;
    e.support.push(line);
    added?.support.push(line);
    this.dirty = true;
  }

  private addRelated(e: Entry, r: Entry['related'][number], added?: { related: Entry['related'] }): void {
    if (e.related.length >= 8 || e.related.some((x) => x.site.file === r.site.file && x.site.line === r.site.line && x.message === r.message)) return;
    e.related.push(r);
    added?.related.push(r);
    this.dirty = true;
  }

  private addObserved(e: Entry, symptoms: Symptom[]): void {
    for (const s of symptoms) {
      if (!e.observed.includes(s)) {
        e.observed.push(s);
        this.dirty = true;
      }
    }
  }

  private setStatus(e: Entry, s: Status): void {
    if (e.status !== s) {
      e.status = s;
      this.dirty = true;
    }
  }

  private idFor(key: string, modelId: number): string {
    return this.firstModel === null || modelId === this.firstModel ? key : `${key}@${modelId}`;
  }

  /** The trainable layers `run` shares with a model trained before it (by name: one layer object), with that model's optimizer. */
  private pretrainedLayers(run: ModelState): ModelState['pretrained'] {
    const mine = run.view?.layers.filter((l) => l.kind === 'weighted' && l.info.trainable) ?? [];
    for (const other of this.runs.values()) {
      if (other === run || !other.view || other.fitCalls === 0 || other.lastIter < 0) continue;
      const theirs = new Set(other.view.layers.map((l) => l.info.name));
      const names = mine.filter((l) => theirs.has(l.info.name)).map((l) => l.info.name);
      if (names.length > 0) return { names, from: other };
    }
    return null;
  }

  /** An event about the script, not one model (often sent before any model): kept, up to its cap, for every run's checks. */
  private keepForAll(e: ScriptEvent): void {
    const list = this.script[e.type] as ScriptEvent[];
    if (list.length >= SCRIPT_EVENT_CAPS[e.type]) return;
    list.push(e);
    for (const run of this.runs.values()) if (run.view) this.applyConfig(run);
  }

  private dropOverfitting(modelId: number): void {
    for (const entry of this.modelEntries(modelId)) {
      if ((entry.obs?.symptom ?? entry.hyp?.symptom) === 'overfitting' && this.entries.delete(entry.id)) this.dirty = true;
    }
  }

  private modelEntries(modelId: number): Entry[] {
    const out: Entry[] = [];
    for (const e of this.entries.values()) if (e.modelId === modelId) out.push(e);
    return out;
  }

  private visible(e: Entry): boolean {
    if (e.status === 'withdrawn') return false;
    // A weak hypothesis shows only once the end of the run confirmed it (a loss that settled high).
    if (e.hyp && e.hyp.weak && e.status !== 'confirmed') return false;
    if (e.hyp?.quiet && e.status !== 'confirmed') return false;
    return true;
  }

  private sortedVisible(): Entry[] {
    return [...this.entries.values()]
      .filter((e) => this.visible(e))
      .sort((a, b) => {
        const ca = a.status === 'confirmed' ? 0 : 1;
        const cb = b.status === 'confirmed' ? 0 : 1;
        if (ca !== cb) return ca - cb;
        if (b.priority !== a.priority) return b.priority - a.priority;
        const ia = a.iteration ?? -1;
        const ib = b.iteration ?? -1;
        if (ia !== ib) return ia - ib;
        return a.seq - b.seq;
      });
  }

  private layerOf(e: Entry): LayerView | null {
    if (e.hyp) return e.hyp.layer;
    return e.obs?.cause.layer ?? null;
  }

  private shortText(e: Entry): string {
    const s = e.hyp?.symptom ?? e.obs?.symptom ?? '';
    return s.replace(/-/g, ' ');
  }

  // -------------------------------------------------------------------------------------------
  // Rendering

  private flush(): Finding[] {
    if (!this.dirty) return [];
    this.dirty = false;
    const changed: Finding[] = [];
    const next = new Map<string, { sig: string; finding: Finding }>();
    const cache = new Map<string, SourceText | null>();
    for (const e of this.sortedVisible()) {
      const f = this.render(e, cache);
      const sig = JSON.stringify(f);
      const prev = this.rendered.get(e.id);
      if (!prev || prev.sig !== sig) changed.push(f);
      next.set(e.id, { sig, finding: f });
    }
    this.rendered = next;
    return changed;
  }

  private fixes(e: Entry, planned: PlannedFix[], cache: Map<string, SourceText | null>): { fix: Fix | null; alternatives: Fix[]; dataSite: SourceSite | null } {
    const key = JSON.stringify(planned);
    const hit = this.fixCache.get(e.id);
    if (hit && hit.key === key) return hit;
    const rendered = planned.map((p) => renderFix(p, this.read, false, cache)).filter((f): f is Fix => f !== null);
    const [first, ...rest] = rendered;
    const data = e.hyp?.data ?? e.obs?.cause.data;
    // Where the probe saw the values made (a helper's tf.tensor2d, a column cut from a table), else where the source declares what fit was given.
    const origin = data ? this.runs.get(e.modelId)?.data[data.role].get(0)?.origin?.site : undefined;
    // Targets made from an array one loop fills: that loop's line computes each label, unless the
    // fix changes the values where they become a tensor (scaling them).
    const fixedThere = origin && first?.edits.some((x) => x.file === origin.file && x.startLine === origin.line);
    const written = origin && data?.role === 'y' && !fixedThere ? arrayWriteSite(this.read, origin) : null;
    const dataSite = data ? (written ?? origin ?? dataDeclarationSite(this.read, data.fitSite, data.role)) : null;
    const out = { key, fix: first ? { ...first, preferred: true } : null, alternatives: rest, dataSite };
    this.fixCache.set(e.id, out);
    if (this.fixCache.size > 1000) this.fixCache.delete(this.fixCache.keys().next().value as string);
    return out;
  }

  private render(e: Entry, cache: Map<string, SourceText | null>): Finding {
    const run = this.runs.get(e.modelId);
    const view = run?.view ?? null;
    const confirmed = e.status === 'confirmed';
    if (e.hyp) {
      const h = e.hyp;
      const { fix, alternatives, dataSite } = this.fixes(e, h.fixes, cache);
      const related = [...h.related, ...e.related];
      if (dataSite && h.data?.fitSite) related.unshift({ site: h.data.fitSite, message: `passed to fit here as ${h.data.role}` });
      const edit = editShownAt(h, h.fixes, fix);
      const fixSite = edit ? { file: edit.file, line: edit.startLine, column: edit.startColumn } : null;
      if (fixSite && h.location) related.unshift({ site: h.location, message: h.layer ? `${h.layer.info.name} reads it here` : 'used here' });
      const writtenSite = !fixSite && h.writtenOption && h.location ? fitOptionWriteSite(this.read, h.location, h.writtenOption, cache) : null;
      if (writtenSite && h.location && writtenSite.line !== h.location.line) related.unshift({ site: h.location, message: `passed to fit here as ${h.writtenOption}` });
      const observed = e.observed.filter((s) => s !== h.symptom);
      // Symptoms of another kind are named; the hypothesis's own symptom is told as training showed it.
      const shown = observed.length ? spokenList(observed.map((s) => SYMPTOM_SEEN[s])) : e.observed.includes(h.symptom) ? e.confirmation : null;
      const message = confirmed && shown ? `${h.message} Training confirms it: ${shown}.` : h.message;
      const fixKind = h.causeByFixKind ? appliedKind(h.fixes, fix) : undefined;
      return {
        id: e.id,
        symptom: h.symptom,
        rootCause: (fixKind !== undefined ? h.causeByFixKind![fixKind] : undefined) ?? h.rootCause,
        confirmed,
        severity: confirmed ? 'error' : 'warning',
        message,
        layer: h.layer?.ref ?? null,
        location: fixSite ?? writtenSite ?? dataSite ?? h.location ?? h.layer?.info.site ?? null,
        related,
        fix,
        alternatives,
        evidence: [...h.evidence, ...e.support].slice(0, MAX_EVIDENCE + 4),
        relevance: this.rank(view, run ?? null, e.relevance, h.layer),
        modelId: e.modelId,
        iteration: confirmed ? e.iteration : null,
        ...(confirmed && e.onset !== null && e.iteration !== null && e.onset < e.iteration ? { onset: e.onset } : {}),
        elapsedMs: e.elapsedMs,
        observed: [...e.observed],
      };
    }
    const o = e.obs!;
    const c = o.cause;
    const { fix, alternatives, dataSite } = this.fixes(e, c.fixes, cache);
    const loopSite = c.inLoop ? firstSiteInLoop(this.read, c.inLoop, cache) : null;
    const valueSite = c.rateValueAt ? rateValueSite(this.read, c.rateValueAt, cache) : null;
    const fixEdit = editShownAt(c, c.fixes, fix);
    const fixSite = fixEdit ? { file: fixEdit.file, line: fixEdit.startLine, column: fixEdit.startColumn } : null;
    const related = [...o.related, ...e.related];
    if (fixSite && c.location) related.unshift({ site: c.location, message: 'used here' });
    if (valueSite && c.rateValueAt) related.unshift({ site: c.rateValueAt, message: 'the optimizer is given it here' });
    if (dataSite && c.data?.fitSite) related.unshift({ site: c.data.fitSite, message: `passed to fit here as ${c.data.role}` });
    if (o.layer && o.layer !== c.layer && o.layer.info.site && !related.some((r) => r.site === o.layer!.info.site)) {
      related.push({ site: o.layer.info.site, message: `${o.layer.info.name}: ${SYMPTOM_SEEN[o.symptom]}` });
    }
    return {
      id: e.id,
      symptom: o.symptom,
      rootCause: c.rootCause,
      confirmed,
      severity: confirmed && !o.scriptOnly ? 'error' : 'warning',
      message: o.message,
      layer: c.layer?.ref ?? null,
      location: fixSite ?? dataSite ?? loopSite ?? valueSite ?? c.location ?? c.layer?.info.site ?? null,
      related,
      fix,
      alternatives,
      evidence: [...o.evidence, ...e.support].slice(0, MAX_EVIDENCE + 4),
      relevance: this.rank(view, run ?? null, e.relevance, c.layer),
      modelId: e.modelId,
      iteration: e.iteration,
      ...(e.onset !== null && e.iteration !== null && e.onset < e.iteration ? { onset: e.onset } : {}),
      elapsedMs: e.elapsedMs,
      observed: [...e.observed],
    };
  }

  /** Every layer with a 0..1 score; the finding's layer ranks first. */
  private rank(view: ModelView | null, run: ModelState | null, spec: RelevanceSpec, focus: LayerView | null): Relevance[] {
    if (!view || !run) return [];
    const out: Array<Relevance & { pos: number }> = [];
    for (const l of view.layers) {
      if (l.kind === 'input') continue;
      const s = spec.get(l.pos);
      let score = s ? s.score : backgroundScore(run, l);
      let evidence = s ? s.evidence : layerText(run, l);
      if (focus && l === focus) {
        score = 1;
        if (!s) evidence = layerText(run, l);
      }
      out.push({ pos: l.pos, layer: l.ref, score: Math.round(clamp(score, 0, 1) * 1000) / 1000, evidence });
    }
    if (focus) for (const r of out) if (r.pos !== focus.pos && r.score >= 1) r.score = 0.95;
    out.sort((a, b) => b.score - a.score || a.pos - b.pos);
    return out.map(({ layer, score, evidence }) => ({ layer, score, evidence }));
  }
}

export { TraceSeries } from './series';
export type { SeriesSnapshot } from './series';

/**
 * An observation's message as a line of evidence for an entry: without the entry's own message,
 * which observations that confirm a hypothesis append to say what they confirm.
 */
function withoutOwnMessage(message: string, e: Entry): string {
  const own = e.hyp?.message ?? e.obs?.message;
  const text = message.replace(/\.$/, '');
  if (!own) return text;
  const at = text.indexOf(`. ${own.replace(/\.$/, '')}`);
  return at > 0 ? text.slice(0, at) : text;
}

