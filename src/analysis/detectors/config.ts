/**
 * Configuration checks from the model and data events, before training: output activation
 * vs loss vs targets, label encoding, input scaling, learning-rate band, missing hidden
 * activations. They are hypotheses: shown as warnings, confirmed only by training evidence.
 */
import type { Symptom } from '../findings';
import type { FixPlan, PlannedFix } from '../fixes';
import {
  activationFix,
  batchSizeFix,
  combine,
  constantInit,
  FEW_UPDATES,
  type Hypothesis,
  initialBias,
  initializerFix,
  learningRateFix,
  learningRateOf,
  lossFix,
  maxAbs,
  optimizerBand,
  optimizerFactory,
  type RelevanceSpec,
  scaleFix,
  wholeSetBatches,
} from '../context';
import { activationRange, isBatchNormalization, isClassification, kernelShape, rangeText, RELU_LIKE, SATURATING, RECURRENT_CELL, type LayerView, type ModelView, type OutputView, type TargetView } from '../model';
import { ACCURACY_KEYS, NEGATIVE_LOSS, normalizeKey, type ModelState } from '../model-state';
import { correlationWithIndex, fmt, isNum, literal, mean, neighbourAgreement, pct, spokenList } from '../stats';
import type { DataEvent, DropoutSeedFixedEvent, EvaluatedEvent, GradientAscentEvent, BatchClassesEvent, GradientsAlteredEvent, ShuffledApartEvent, SortedByBooleanEvent, SourceSite, TensorSummary, UnusedLayer } from '../trace';

const HARM: Symptom[] = ['loss-not-decreasing', 'accuracy-not-increasing', 'constant-output'];
const NUMERIC: Symptom[] = ['non-finite-loss', 'non-finite-output', 'non-finite-weights', 'non-finite-gradients'];

function set(...s: Symptom[]): ReadonlySet<Symptom> {
  return new Set(s);
}

function outputRelevance(view: ModelView, o: OutputView, evidence: string): RelevanceSpec {
  const r: RelevanceSpec = new Map();
  r.set(o.actLayer.pos, { score: 1, evidence });
  const owner = view.ownerOf(o.actLayer);
  if (owner !== o.actLayer) r.set(owner.pos, { score: 0.5, evidence: `feeds ${o.actLayer.info.name}` });
  return r;
}

/** Output activations whose values stay within [0, 1]: probabilities. */
const PROBABILITY_OUTPUTS = new Set(['sigmoid', 'hardsigmoid', 'softmax']);

function base(o: OutputView, view: ModelView): Pick<Hypothesis, 'layer' | 'location' | 'related'> {
  const related = view.compileSite ? [{ site: view.compileSite, message: `loss ${o.loss?.name ?? ''} chosen here` }] : [];
  return { layer: o.actLayer, location: o.actLayer.info.site, related };
}

/**
 * A binary cross-entropy head given values, while a regression head of the same model is given
 * 0/1 labels: fit's targets are listed in the wrong order. Certain from the targets; shown on fit,
 * with a fix that swaps the two.
 */
function swappedTargets(view: ModelView, run: ModelState, o: OutputView, min: number, max: number): Hypothesis | null {
  const fitSite = view.event.fitSite;
  if (!fitSite || view.event.mode !== 'fit') return null;
  const partner = view.outputs.find((p) => {
    const kind = p.loss?.kind;
    const t = run.data.target(p.slot);
    return p !== o && (kind === 'mse' || kind === 'mae' || kind === 'regression') && t?.kind === 'binary';
  });
  if (!partner) return null;
  const [first, second] = partner.slot < o.slot ? [partner, o] : [o, partner];
  return {
    id: `output-targets-swapped:${o.layer.info.name}`,
    symptom: 'output-targets-swapped',
    rootCause: 'training-data',
    layer: null,
    location: fitSite,
    related: view.compileSite ? [{ site: view.compileSite, message: `the losses, in the outputs' order` }] : [],
    message: `fit's targets are in the wrong order: ${o.layer.info.name} (${o.loss?.name ?? 'binaryCrossentropy'}) gets values from ${fmt(min)} to ${fmt(max)}, while ${partner.layer.info.name} (${partner.loss?.name ?? 'a regression loss'}) gets 0/1 labels. Each head is trained on the other's targets. List the targets in the order of the model's outputs.`,
    evidence: [`output ${o.slot + 1}, ${o.layer.info.name}: targets from ${fmt(min)} to ${fmt(max)}, loss ${o.loss?.name ?? '?'}`, `output ${partner.slot + 1}, ${partner.layer.info.name}: 0/1 targets, loss ${partner.loss?.name ?? '?'}`],
    relevance: outputRelevance(view, o, 'trained on another head\'s targets'),
    fixes: [{ title: `Swap the targets of ${first.layer.info.name} and ${second.layer.info.name} in fit`, plan: { kind: 'swapFitTargets', fitSite, a: first.slot, b: second.slot } }],
    confirmBy: set(...HARM, ...NUMERIC, 'output-out-of-range', 'loss-diverging'),
    strength: 0.95,
    weak: false,
    keepWhenLearning: true,
    certain: true,
  };
}

/**
 * A binary cross-entropy given targets that are measurements (many values beyond [0, 1]): the loss
 * has no lower bound there, so it falls below 0 while the output is pushed up, and a falling loss
 * says nothing. Certain from the targets; the fix is a regression loss (and a linear output).
 */
function classificationLossOnValues(view: ModelView, o: OutputView, min: number, max: number, many: boolean): Hypothesis {
  const L = o.actLayer;
  const lossName = o.loss?.name ?? 'binaryCrossentropy';
  const squashed = o.activation !== 'linear';
  const fix = squashed
    ? combine(`Use meanSquaredError with a linear output on ${L.info.name}`, [lossFix(view, o.slot, 'meanSquaredError'), activationFix(L, 'linear')])
    : lossFix(view, o.slot, 'meanSquaredError', 'Use the meanSquaredError loss for values to predict');
  return {
    id: `classification-loss-on-values:${L.info.name}`,
    symptom: 'classification-loss-on-values',
    rootCause: 'loss-function',
    layer: null,
    location: view.compileSite,
    related: squashed && L.info.site ? [{ site: L.info.site, message: `${L.info.name} applies ${o.activation}, which cannot reach them either` }] : [],
    message: `${lossName} scores yes/no probabilities, but the targets are values from ${fmt(min)} to ${fmt(max)}${many ? ' (more than 32 distinct)' : ''}. Beyond [0, 1] the loss has no lower bound: it falls below 0 as the output is pushed up, so a falling loss does not mean the predictions come closer. Use a regression loss such as meanSquaredError${squashed ? ' with a linear output' : ''}.`,
    evidence: [`targets from ${fmt(min)} to ${fmt(max)}${many ? ', more than 32 distinct values' : ', not integers'}`, `loss is ${lossName}`],
    relevance: outputRelevance(view, o, `values in [${fmt(min)}, ${fmt(max)}] scored by ${lossName}`),
    fixes: fix ? [fix] : [],
    confirmBy: set(...HARM, ...NUMERIC, 'output-out-of-range', 'loss-diverging'),
    strength: 0.95,
    weak: false,
    keepWhenLearning: true,
    certain: true,
  };
}

/**
 * A multi-label head (sigmoid units under a binary cross-entropy) whose targets hold exactly one
 * label per row: one tag per example is a task softmax serves, and a multi-label task whose rows
 * lost all but one tag. Told only where the source shows the second (each tag writing a whole
 * fresh row, `for (const t of tags) y[i] = TAGS.map((x) => (x === t ? 1 : 0))`): the fix sets each
 * tag's element of a row made once.
 */
function oneTagPerRow(view: ModelView, run: ModelState, o: OutputView): Hypothesis[] {
  const t = run.data.target(o.slot);
  if (o.activation !== 'sigmoid' || o.loss?.kind !== 'binary' || !isNum(o.units) || o.units < 3 || t?.kind !== 'one-hot') return [];
  const file = (run.data.y.get(o.slot)?.origin?.site ?? run.data.y.get(o.slot)?.site ?? view.event.fitSite)?.file ?? null;
  if (!file) return [];
  const name = o.actLayer.info.name;
  return [
    {
      id: `label-encoding-mismatch:${name}:one-tag`,
      symptom: 'label-encoding-mismatch',
      rootCause: 'label-encoding',
      layer: null,
      location: run.data.y.get(o.slot)?.site ?? view.event.fitSite,
      related: [],
      message: `${name} scores ${o.units} tags independently (sigmoid units under a binary cross-entropy), but every target row holds exactly one tag: the rows were built one tag at a time, each tag writing a whole fresh row over the last, so only the last tag of each example is left. The model learns to miss the others. Set each tag's element in a row made once.`,
      evidence: [`${o.units} sigmoid outputs, binary cross-entropy`, 'every target row has exactly one 1'],
      relevance: outputRelevance(view, o, 'trained on one tag per row'),
      fixes: [{ title: "Set each tag's element of a row made once, instead of a fresh row per tag", plan: { kind: 'tagRowOnce', file } }],
      atFix: true,
      confirmBy: set(...HARM),
      strength: 0.9,
      weak: false,
      quiet: true,
      certainWithFix: true,
      keepWhenLearning: true,
    },
  ];
}

/**
 * A multi-label head (sigmoid units under a binary cross-entropy) whose target rows each add up to
 * 1, with many rows splitting it between several tags: each row's tags divided by their count, as
 * if the targets were a distribution. Each sigmoid learns the share (0.5, 0.33, 0.25), so a row's
 * tags fall below the 0.5 threshold. Certain; shown where the rows are computed, fixed by writing 1.
 */
function labelsAsShares(view: ModelView, run: ModelState, o: OutputView): Hypothesis[] {
  const y = run.data.y.get(o.slot);
  if (o.activation !== 'sigmoid' || o.loss?.kind !== 'binary' || !isNum(o.units) || o.units < 2 || !y?.summary.rowShares) return [];
  const name = o.actLayer.info.name;
  const ySite = y.site ?? view.event.fitSite;
  const madeAt = y.origin?.site ?? null;
  return [
    {
      id: `label-encoding-mismatch:${name}:shares`,
      symptom: 'label-encoding-mismatch',
      rootCause: 'label-encoding',
      layer: null,
      location: ySite,
      data: { role: 'y', fitSite: ySite },
      related: view.compileSite ? [{ site: view.compileSite, message: `loss ${o.loss.name}` }] : [],
      message: `${name} scores ${o.units} tags independently (sigmoid units under a binary cross-entropy), but every target row adds up to 1, its tags sharing it (0.5, 0.33, 0.25): each row's tags were divided by their count, as if the targets were a distribution. Each sigmoid then learns the share instead of the tag, and a row with several tags predicts all of them below 0.5. Give each tag a row has the target 1.`,
      evidence: [`${o.units} sigmoid outputs, binary cross-entropy`, 'every target row adds up to 1, and many split it between several tags'],
      relevance: outputRelevance(view, o, 'trained on shares of tags'),
      fixes: madeAt ? [{ title: 'Give each tag of a row the target 1', plan: { kind: 'indicatorNotShare', site: madeAt } }] : [],
      confirmBy: set(...HARM),
      strength: 1,
      weak: false,
      certain: true,
      keepWhenLearning: true,
    },
  ];
}

function outputChecks(view: ModelView, run: ModelState, o: OutputView): Hypothesis[] {
  const out: Hypothesis[] = [];
  const loss = o.loss;
  if (!loss) return out;
  const L = o.actLayer;
  const act = o.activation;
  const units = o.units;
  const t = run.data.target(o.slot);
  out.push(...unboundedOutputUnderOwnLoss(view, run, o));
  const name = L.info.name;
  const lossName = loss.name;
  const id = (symptom: Symptom, about = name) => `${symptom}:${about}`;
  const ySite = run.data.y.get(o.slot)?.site ?? view.event.fitSite;
  /**
   * Labels encoded the wrong way for the loss. Pointed at the targets where the fix is there (the
   * line that builds y, with compile as related), else at the loss in compile.
   */
  const labelEncoding = (
    at: 'targets' | 'compile',
    h: Pick<Hypothesis, 'message' | 'evidence' | 'fixes' | 'confirmBy' | 'strength' | 'trivialFit' | 'keepWhenLearning' | 'certain'> & { relevance: string },
  ): Hypothesis => ({
    id: id('label-encoding-mismatch', 'y'),
    symptom: 'label-encoding-mismatch',
    rootCause: 'label-encoding',
    layer: null,
    ...(at === 'targets'
      ? { location: ySite, data: { role: 'y' as const, fitSite: ySite }, related: view.compileSite ? [{ site: view.compileSite, message: `loss ${lossName}` }] : [] }
      : { location: view.compileSite, related: [] }),
    ...h,
    relevance: outputRelevance(view, o, h.relevance),
    weak: false,
  });
  // Softmax on multi-label targets is the same fault whatever the loss; only the fixes differ.
  // With more than one label per row on average, softmax cannot represent the targets however
  // well it learns: certain, and the loss falling towards its floor refutes nothing.
  const labelsPerRow = t?.freqs ? t.freqs.reduce((a, b) => a + b, 0) : null;
  // Every row the same (all 1s: one row array shared by all): sameTargetRows says so instead.
  const allSame = t !== null && t.summary.min !== null && t.summary.min === t.summary.max;
  const manyLabels = labelsPerRow !== null && labelsPerRow >= MANY_LABELS_PER_ROW;
  const softmaxOnMultiHot = (columns: number, fixes: PlannedFix[], evidence: string[] = []): Hypothesis => ({
    id: id('activation-loss-mismatch'),
    symptom: 'activation-loss-mismatch',
    rootCause: 'output-activation',
    ...base(o, view),
    message: `The targets are multi-label (a row can have several 1s${manyLabels ? `; ${fmt(labelsPerRow!)} on average` : ''}), but softmax on ${name} forces the outputs to sum to 1${manyLabels ? ', so a row with two labels can score at most 0.5 on each' : ''}.`,
    evidence: [`targets: ${columns} columns of 0/1, rows not one-hot`, ...(manyLabels ? [`${fmt(labelsPerRow!)} labels per row on average`] : []), `${name} applies softmax`, ...evidence],
    relevance: outputRelevance(view, o, 'softmax output for multi-label targets'),
    fixes,
    confirmBy: set(...HARM, 'loss-oscillating'),
    strength: 0.8,
    weak: false,
    ...(manyLabels ? { certain: true } : {}),
  });

  // Softmax over one unit: the output is always exactly 1.
  if (act === 'softmax' && units === 1) {
    const fix =
      loss.kind === 'categorical' || loss.kind === 'sparse'
        ? combine('Use sigmoid with binaryCrossentropy on the single output unit', [activationFix(L, 'sigmoid'), lossFix(view, o.slot, 'binaryCrossentropy')])
        : activationFix(L, 'sigmoid', `Use sigmoid instead of softmax on ${name} (one output unit)`);
    out.push({
      id: id('activation-loss-mismatch'),
      symptom: 'activation-loss-mismatch',
      rootCause: 'output-activation',
      ...base(o, view),
      message: `Softmax over a single unit always outputs 1, so ${name} gives the same prediction for every input and passes no gradient back.`,
      evidence: [`${name} applies softmax to 1 unit`, `loss is ${lossName}`],
      relevance: outputRelevance(view, o, 'softmax over 1 unit: output fixed at 1'),
      fixes: fix ? [fix] : [],
      confirmBy: set(...HARM, 'weights-unchanged', 'vanishing-gradient', 'output-out-of-range'),
      strength: 1,
      weak: false,
    });
    return out;
  }

  const probs = PROBABILITY_OUTPUTS.has(act);

  const oneClassPerRow = loss.kind === 'categorical' || (loss.kind === 'logits' && /softmax/i.test(lossName));
  if (oneClassPerRow && t?.kind === 'one-hot' && t.zeroRows > 0) out.push(...zeroTargetRows(view, run, o, t, ySite));

  if (loss.kind === 'categorical' || loss.kind === 'sparse') {
    if (units === 1) {
      const fix = combine(`Use binaryCrossentropy${act === 'sigmoid' ? '' : ' with sigmoid'} for a single output unit`, [
        lossFix(view, o.slot, 'binaryCrossentropy'),
        act === 'sigmoid' ? null : activationFix(L, 'sigmoid'),
      ].filter((x) => x !== null));
      out.push({
        id: id('activation-loss-mismatch', 'loss'),
        symptom: 'activation-loss-mismatch',
        rootCause: 'loss-function',
        layer: null,
        location: view.compileSite,
        related: L.info.site ? [{ site: L.info.site, message: `${name} has a single unit` }] : [],
        message: `${lossName} needs one output unit per class, but ${name} has a single unit, so the loss carries no learning signal.`,
        evidence: [`${name} has 1 unit`, `loss is ${lossName}`],
        relevance: outputRelevance(view, o, 'single output unit for a categorical loss'),
        fixes: fix ? [fix] : [],
        confirmBy: set(...HARM, 'weights-unchanged'),
        strength: 0.95,
        weak: false,
      });
    } else if (act === 'sigmoid' && t?.kind === 'multi-hot' && loss.kind === 'categorical') {
      out.push({
        id: id('activation-loss-mismatch', 'loss'),
        symptom: 'activation-loss-mismatch',
        rootCause: 'loss-function',
        layer: null,
        location: view.compileSite,
        related: [],
        message: `The targets are multi-label (a row can have several 1s), but ${lossName} assumes exactly one class per row.`,
        evidence: [`targets: ${t.columns} columns of 0/1, rows not one-hot`, `loss is ${lossName}`],
        relevance: outputRelevance(view, o, 'sigmoid output for multi-label targets'),
        fixes: [lossFix(view, o.slot, 'binaryCrossentropy')],
        confirmBy: set(...HARM, 'loss-oscillating'),
        strength: 0.8,
        weak: false,
      });
    } else if (act !== 'softmax') {
      // logSoftmax (PyTorch pairs log_softmax with NLLLoss) gives log-probabilities, all <= 0. tfjs
      // divides the outputs by their sum, so the least likely class gets the largest share: the
      // loss falls while the true class is made the least likely. Certain from the configuration.
      const logProbabilities = act === 'logsoftmax';
      const why =
        logProbabilities
          ? 'log-probabilities, all 0 or below: the loss divides the outputs by their sum, so the least likely class gets the largest share, and the loss falls while training makes the true class the least likely'
          : act === 'sigmoid'
          ? 'independent per-unit probabilities that do not sum to 1'
          : act === 'linear'
            ? 'raw scores, not probabilities, so the loss can turn NaN'
            : 'values that are not probabilities, so the loss can turn NaN';
      const alts = [];
      if (t?.kind === 'multi-hot' || (act === 'sigmoid' && units === 2)) alts.push(lossFix(view, o.slot, 'binaryCrossentropy', 'Keep sigmoid and use the binaryCrossentropy loss'));
      out.push({
        id: id('activation-loss-mismatch'),
        symptom: 'activation-loss-mismatch',
        rootCause: 'output-activation',
        ...base(o, view),
        message: `${lossName} expects class probabilities from softmax, but ${name} applies ${act} (${why}).`,
        evidence: [`${name} applies ${act} to ${units ?? '?'} units`, `loss is ${lossName}`],
        relevance: outputRelevance(view, o, `${act} output with ${lossName}`),
        fixes: [activationFix(L, 'softmax'), ...alts],
        confirmBy: set(...HARM, ...NUMERIC, 'loss-oscillating', 'dead-relu', 'output-out-of-range', 'loss-diverging', 'weights-unchanged'),
        strength: act === 'sigmoid' ? 0.8 : 0.9,
        weak: false,
        ...(logProbabilities ? { certain: true } : {}),
      });
    } else if (t?.kind === 'multi-hot' && !allSame) {
      const fix = combine('Use sigmoid with binaryCrossentropy for multi-label targets', [activationFix(L, 'sigmoid'), lossFix(view, o.slot, 'binaryCrossentropy')]);
      out.push(softmaxOnMultiHot(t.columns, fix ? [fix] : []));
    }
  }

  if (loss.kind === 'binary') {
    if (!probs) {
      out.push({
        id: id('activation-loss-mismatch'),
        symptom: 'activation-loss-mismatch',
        rootCause: 'output-activation',
        ...base(o, view),
        message: `${lossName} expects probabilities in [0, 1], but ${name} applies ${act}, so its outputs are clipped and the loss gets no useful gradient.`,
        evidence: [`${name} applies ${act} to ${units ?? '?'} units`, `loss is ${lossName}`],
        relevance: outputRelevance(view, o, `${act} output with ${lossName}`),
        fixes: [activationFix(L, 'sigmoid')],
        confirmBy: set(...HARM, ...NUMERIC, 'loss-oscillating', 'dead-relu', 'output-out-of-range', 'loss-diverging', 'weights-unchanged'),
        strength: 0.9,
        weak: false,
      });
    } else if (act === 'softmax' && t?.kind === 'multi-hot' && !allSame) {
      out.push(softmaxOnMultiHot(t.columns, [activationFix(L, 'sigmoid')]));
    } else if (act === 'softmax' && t?.kind === 'one-hot' && t.zeroRows === 0 && (t.classes ?? 0) > 2 && reportsAccuracy(view)) {
      // The model learns as well as with categoricalCrossentropy; what is wrong is what it reports,
      // so learning does not withdraw it.
      const k = t.classes!;
      out.push({
        id: id('activation-loss-mismatch', 'loss'),
        symptom: 'activation-loss-mismatch',
        rootCause: 'loss-function',
        layer: null,
        location: view.compileSite,
        related: L.info.site ? [{ site: L.info.site, message: `${name} applies softmax over ${k} classes` }] : [],
        message: `Each row has exactly one of ${k} classes and ${name} applies softmax, but ${lossName} scores each of the ${k} columns as its own yes/no question, and with it the 'accuracy' metric becomes per-column binary accuracy: ${fmt(1 - 1 / k)} for predicting all zeros. The accuracy tfjs reports is higher than the share of rows classified right. Use categoricalCrossentropy.`,
        evidence: [`targets: one-hot over ${k} classes`, `${name} applies softmax`, `loss is ${lossName} with the accuracy metric`],
        relevance: outputRelevance(view, o, 'softmax output scored column by column'),
        fixes: [lossFix(view, o.slot, 'categoricalCrossentropy')],
        confirmBy: set(...HARM),
        strength: 0.6,
        weak: false,
        keepWhenLearning: true,
      });
    } else if (act === 'sigmoid' && t?.kind === 'one-hot' && t.zeroRows === 0 && (t.classes ?? 0) > 2) {
      const fix = combine('Use softmax with categoricalCrossentropy for single-label classes', [activationFix(L, 'softmax'), lossFix(view, o.slot, 'categoricalCrossentropy')]);
      out.push({
        id: id('activation-loss-mismatch'),
        symptom: 'activation-loss-mismatch',
        rootCause: 'output-activation',
        ...base(o, view),
        message: `Each row has exactly one of ${t.classes} classes, but sigmoid with ${lossName} scores the classes independently; its per-unit accuracy is already ${fmt(1 - 1 / t.classes!)} by predicting all zeros.`,
        evidence: [`targets: one-hot over ${t.classes} classes`, `${name} applies sigmoid`, `loss is ${lossName}`],
        relevance: outputRelevance(view, o, 'sigmoid output for single-label classes'),
        fixes: fix ? [fix] : [],
        confirmBy: set(...HARM),
        strength: 0.6,
        weak: false,
      });
    }
  }

  const regression = loss.kind === 'mse' || loss.kind === 'mae' || loss.kind === 'regression';
  if (regression && t) {
    if (t.kind === 'multi-hot' && act === 'softmax' && !allSame) {
      const fix = combine('Use sigmoid with binaryCrossentropy for multi-label targets', [activationFix(L, 'sigmoid'), lossFix(view, o.slot, 'binaryCrossentropy')]);
      out.push(softmaxOnMultiHot(t.columns, [fix, activationFix(L, 'sigmoid')].filter((x) => x !== null), [`loss is ${lossName}`]));
    } else if ((t.kind === 'one-hot' || t.kind === 'binary') && probs) {
      const to = act === 'softmax' && t.kind === 'one-hot' ? 'categoricalCrossentropy' : 'binaryCrossentropy';
      const fixes = [lossFix(view, o.slot, to, `Use the ${to} loss for classification targets`)];
      if (loss.kind === 'mae') fixes.push(lossFix(view, o.slot, 'meanSquaredError', 'Use the meanSquaredError loss'));
      out.push({
        id: id('activation-loss-mismatch', 'loss'),
        symptom: 'activation-loss-mismatch',
        rootCause: 'loss-function',
        layer: null,
        location: view.compileSite,
        related: [],
        message: `${lossName} on ${act} probabilities for classification targets gives vanishing gradients once outputs saturate; cross-entropy is the matching loss.`,
        evidence: [`targets: ${t.kind === 'binary' ? '0/1 labels' : `one-hot over ${t.classes} classes`}`, `${name} applies ${act}`, `loss is ${lossName}`],
        relevance: outputRelevance(view, o, `${act} output trained with ${lossName}`),
        fixes,
        confirmBy: set('loss-not-decreasing', 'accuracy-not-increasing'),
        strength: 0.4,
        weak: true,
      });
    }
  }

  // Target range the output activation cannot reach.
  const rangeLoss = regression || loss.kind === 'binary' || loss.kind === 'other';
  const ys = t?.summary;
  // A binary cross-entropy needs targets in [0, 1] whatever the output applies (tfjs clips a linear output into it).
  if (rangeLoss && t && ys && isNum(ys.min) && isNum(ys.max) && (act !== 'linear' || loss.kind === 'binary')) {
    const [actLo, actHi] = act === 'linear' ? [-Infinity, Infinity] : activationRange(act);
    const [lo, hi] = loss.kind === 'binary' ? [Math.max(0, actLo), Math.min(1, actHi)] : [actLo, actHi];
    const tolHi = 1e-6 * (1 + Math.abs(hi));
    const tolLo = 1e-6 * (1 + Math.abs(lo));
    if (ys.max > hi + tolHi || ys.min < lo - tolLo) {
      const span = Math.max(1e-12, ys.max - ys.min);
      const outside = (Math.max(0, ys.max - Math.max(hi, ys.min)) + Math.max(0, Math.min(lo, ys.max) - ys.min)) / span;
      if (loss.kind === 'binary') {
        // Two values, such as -1/1 or 0/1 labels standardized with the features: an exact re-encoding to 0/1 exists.
        const two = ys.distinct?.length === 2 ? ys.distinct : null;
        const e = run.data.y.get(o.slot);
        // 0/1 labels with -1 for a missing one, under a loss the script wrote (a masked cross-entropy):
        // the loss leaves the -1s out, as its mask decides, not the targets.
        const missingCoded = ys.distinct?.length === 3 && ys.distinct.join() === '-1,0,1' && !/^(?:binary_?crossentropy|bce|log_?loss)$/i.test(lossName);
        if (missingCoded) return out;
        // More than 32 distinct values, or fractions: measurements to predict, not labels.
        const values = !two && (ys.distinct === null || nonInteger(ys));
        if (values) {
          // It replaces the output-activation mismatch: no activation makes these targets probabilities.
          const rest = out.filter((h) => h.symptom !== 'activation-loss-mismatch');
          const swapped = swappedTargets(view, run, o, ys.min, ys.max);
          return [...rest, swapped ?? classificationLossOnValues(view, o, ys.min, ys.max, ys.distinct === null)];
        }
        const fix: PlannedFix | null =
          two && e
            ? { title: `Encode the two target values (${fmt(two[0])} and ${fmt(two[1])}) as 0 and 1`, plan: { kind: 'scale', fitSite: e.site ?? view.event.fitSite, role: 'y', op: { type: 'binarize', threshold: (two[0]! + two[1]!) / 2 } } }
            : null;
        // Written as literals where the labels are computed (`ys.push(s > 0 ? 1 : -1)`): 0 and 1 there.
        const madeAt = e?.origin?.site;
        const relabel: PlannedFix | null = two && madeAt ? { title: `Write the labels as 0 and 1 where they are computed`, plan: { kind: 'relabelAtWrite', site: madeAt, from: [two[0]!, two[1]!], to: [0, 1] } } : null;
        // 0 and k (a mask stored as 0/255): divided by k where the tensor is made.
        const scaleOf = two && two[0] === 0 && two[1]! > 1 ? two[1]! : null;
        const divide: PlannedFix | null = scaleOf !== null && madeAt ? { title: `Divide the targets by ${fmt(scaleOf)} where they are made`, plan: { kind: 'scaleMade', site: madeAt, op: { type: 'div', by: scaleOf } } } : null;
        out.push(
          labelEncoding('targets', {
            message: `${lossName} needs targets in [0, 1], but the targets range from ${fmt(ys.min)} to ${fmt(ys.max)}${t.integer && !two ? ' (class indices? use sparseCategoricalCrossentropy with softmax)' : ''}${two ? `: two values, ${fmt(two[0])} and ${fmt(two[1])}, where 0 and 1 belong (${scaleOf !== null ? `a mask or label stored as 0/${fmt(scaleOf)} and never divided by ${fmt(scaleOf)}` : 'labels written as -1/1, or standardized with the features'})` : ''}. Outside [0, 1] the loss has no lower bound: it falls below 0 while the output is pushed to its limits, so neither the loss nor the accuracy means anything.`,
            evidence: [`targets from ${fmt(ys.min)} to ${fmt(ys.max)}`, `loss is ${lossName}`],
            relevance: 'output compared with targets outside [0, 1]',
            fixes: [relabel, divide, fix].filter((x): x is PlannedFix => x !== null),
            confirmBy: set(...HARM, ...NUMERIC, 'output-out-of-range', 'loss-diverging'),
            strength: 0.9,
            certain: true,
          }),
        );
      } else {
        const floor = loss.kind === 'mse' ? rangeFloor(ys, lo, hi) : null;
        out.push({
          id: id('output-out-of-range'),
          symptom: 'output-out-of-range',
          rootCause: 'output-activation',
          ...base(o, view),
          message: `${name} applies ${act}, whose outputs stay ${rangeText([lo, hi])}, but the targets range from ${fmt(ys.min)} to ${fmt(ys.max)}.`,
          evidence: [`targets from ${fmt(ys.min)} to ${fmt(ys.max)}`, `${act} outputs ${rangeText([lo, hi])}`, `${Math.round(outside * 100)}% of the target range is unreachable`],
          relevance: outputRelevance(view, o, `${act} output cannot reach targets in [${fmt(ys.min)}, ${fmt(ys.max)}]`),
          fixes: [activationFix(L, 'linear', `Use a linear output on ${name} for targets in [${fmt(ys.min)}, ${fmt(ys.max)}]`)],
          confirmBy: set(...HARM, 'output-out-of-range', 'dead-relu', 'saturated-activation', 'weights-unchanged'),
          strength: outside >= 0.5 ? 0.85 : 0.7,
          weak: false,
          ...(floor !== null && floor > 0 ? { lossFloor: floor } : {}),
        });
      }
    }
  }

  // Hinge losses in tfjs take labels -1 and 1 as they are (Keras maps 0/1 to them; tfjs does not):
  // a label 0 zeroes its term's dependence on the prediction, a constant 1 with no gradient.
  const zeroOne = ys?.distinct?.length === 2 && ys.distinct[0] === 0 && ys.distinct[1] === 1;
  if (t && loss.kind === 'hinge' && zeroOne) {
    const madeAt = run.data.y.get(o.slot)?.origin?.site;
    out.push(
      labelEncoding('targets', {
        message: `${lossName} expects labels -1 and 1, but the targets are 0 and 1: tfjs computes max(0, 1 - label × prediction) as written (it does not map 0/1 labels to -1/1 as Keras does), so every row labelled 0 adds a constant 1 with no gradient, and only the class labelled 1 is learned: the model predicts it everywhere.`,
        evidence: ['targets: 0/1 labels', `loss is ${lossName}`],
        relevance: 'hinge loss on 0/1 labels',
        fixes: [
          ...(madeAt ? [{ title: 'Write the labels as -1 and 1 where they are computed', plan: { kind: 'relabelAtWrite' as const, site: madeAt, from: [0, 1], to: [-1, 1] } }] : []),
          { title: 'Encode the labels as -1 and 1', plan: { kind: 'scale', fitSite: ySite, role: 'y', op: { type: 'standardize', mean: 0.5, std: 0.5 } } },
        ],
        confirmBy: set(...HARM, 'output-out-of-range'),
        strength: 0.95,
        certain: true,
      }),
    );
  }

  // -1/1 labels, as hinge wants, under an output that cannot go below 0 (a sigmoid kept from a
  // cross-entropy version): a row labelled -1 costs 1 + prediction ≥ 1 whatever is learned, its
  // score never crosses 0, and every row is called the class labelled 1.
  const signLabels = ys?.distinct?.length === 2 && ys.distinct[0] === -1 && ys.distinct[1] === 1;
  if (t && loss.kind === 'hinge' && signLabels && act !== 'linear' && activationRange(act)[0] >= 0) {
    const fix = activationFix(L, 'linear', `Use a linear output on ${name} for ${lossName}`);
    out.push({
      id: id('output-out-of-range', 'hinge'),
      symptom: 'output-out-of-range',
      rootCause: 'output-activation',
      ...base(o, view),
      message: `${lossName} scores max(0, 1 − label × output) with labels -1 and 1, so a row labelled -1 is right only where the output is below 0, and met its margin only at -1. But ${name} applies ${act}, whose outputs are ${rangeText(activationRange(act))}: every row labelled -1 keeps a loss of at least 1, no output ever falls below 0, and every row is called the class labelled 1. Hinge losses take a raw (linear) score.`,
      evidence: ['targets: -1/1 labels', `loss is ${lossName}`, `${act} outputs ${rangeText(activationRange(act))}`],
      relevance: outputRelevance(view, o, `${act} output under ${lossName} cannot score the -1 class`),
      fixes: fix ? [fix] : [],
      confirmBy: set(...HARM, 'output-out-of-range', 'saturated-activation'),
      strength: 0.95,
      weak: false,
      keepWhenLearning: true,
      certain: true,
    });
  }

  // The squared log error, mean((log(pred + 1) - log(target + 1))²), clips both below at a tiny
  // epsilon: every target below 0 counts as 0, so standardized targets lose their lower half.
  if (t && /^(?:meansquaredlogarithmicerror|msle)$/i.test(lossName.replace(/[^a-z]/gi, '')) && isNum(ys?.min) && ys!.min < 0) {
    const madeAt = run.data.y.get(o.slot)?.origin?.site;
    out.push(
      labelEncoding('targets', {
        message: `${lossName} compares log(1 + value), and clips values below 0 to 0 first, but the targets go down to ${fmt(ys!.min)}${isNum(ys!.mean) && Math.abs(ys!.mean) < 0.1 ? ' (standardized: about half are below 0)' : ''}: every target below 0 reads as 0, so the model cannot tell them apart and learns nothing about them. Give the loss the positive values themselves, or use meanSquaredError on standardized targets.`,
        evidence: [`targets from ${fmt(ys!.min)} to ${fmt(ys!.max)}`, `loss is ${lossName}`],
        relevance: 'squared log error on targets below 0',
        fixes: [
          ...(madeAt ? [{ title: 'Train on the values themselves (not standardized)', plan: { kind: 'unstandardizeAtMake' as const, site: madeAt } }] : []),
          lossFix(view, o.slot, 'meanSquaredError', 'Use the meanSquaredError loss'),
        ],
        confirmBy: set(...HARM),
        strength: 0.95,
        certain: true,
      }),
    );
  }

  // The Poisson loss, mean(pred - target · log(pred)), takes counts: targets at or above 0 (below 0
  // it has no lower bound) and positive predictions (a linear output gives the log a negative).
  if (t && /^poisson$/i.test(lossName.replace(/[^a-z]/gi, '')) && isNum(ys?.min)) {
    const negativeTargets = ys!.min < 0;
    const linear = act === 'linear' || act === 'tanh';
    if (negativeTargets) {
      out.push(
        labelEncoding('targets', {
          message: `${lossName} compares counts (values of 0 or more) with a positive predicted rate, but the targets go down to ${fmt(ys!.min)}: below 0, the loss has no lower bound${linear ? `, and ${name}'s ${act} output gives its log values below 0 (NaN)` : ''}. Targets standardized like features (mean 0) do this; give the loss the counts themselves${linear ? ', with a softplus or exponential output' : ''}.`,
          evidence: [`targets from ${fmt(ys!.min)} to ${fmt(ys!.max)}`, `loss is ${lossName}`],
          relevance: 'Poisson loss on targets below 0',
          fixes: poissonCountsFix(run.data.y.get(o.slot)?.origin?.site, linear ? activationFix(L, 'softplus').plan : null),
          confirmBy: set(...HARM, ...NUMERIC, 'loss-diverging'),
          strength: 0.95,
          certain: true,
        }),
      );
    } else if (linear) {
      out.push({
        id: id('activation-loss-mismatch'),
        symptom: 'activation-loss-mismatch',
        rootCause: 'output-activation',
        ...base(o, view),
        message: `${lossName} takes the log of the predicted rate, but ${name} applies ${act}, whose outputs go below 0: there the log is NaN. Use softplus on ${name}, so the predicted rate stays positive.`,
        evidence: [`${name} applies ${act}`, `loss is ${lossName}`],
        relevance: outputRelevance(view, o, `${act} output under a Poisson loss`),
        fixes: [activationFix(L, 'softplus', `Use softplus on ${name}`)],
        confirmBy: set(...NUMERIC, 'loss-diverging'),
        strength: 0.9,
        weak: false,
      });
    }
  }

  // Label encoding against the loss.
  if (t && (loss.kind === 'sparse' || loss.kind === 'categorical')) {
    if (loss.kind === 'sparse' && t.columns > 1 && (t.kind === 'one-hot' || t.kind === 'multi-hot')) {
      out.push(
        labelEncoding('compile', {
          message: `${lossName} expects one class index per row, but the targets are ${t.kind === 'one-hot' ? 'one-hot rows' : 'rows of 0/1 labels'} with ${t.columns} columns.`,
          evidence: [`targets: ${t.columns} columns of 0/1`, `loss is ${lossName}`],
          relevance: 'output compared with mis-encoded labels',
          fixes: t.kind === 'one-hot' ? [lossFix(view, o.slot, 'categoricalCrossentropy', 'Use categoricalCrossentropy for one-hot labels')] : [],
          confirmBy: set(...HARM, ...NUMERIC),
          strength: 0.95,
        }),
      );
    } else if (loss.kind === 'sparse' && t.columns === 1 && isNum(ys?.min) && isNum(ys?.max) && nonInteger(ys!)) {
      const collapse = ys!.max < 1 && ys!.min >= 0;
      out.push(
        labelEncoding('targets', {
          message: `${lossName} expects integer class indices, but the targets take non-integer values from ${fmt(ys!.min)} to ${fmt(ys!.max)}${collapse ? '; truncated, every label becomes class 0' : ys!.distinct && ys!.distinct.length <= 12 ? `: the loss cuts each to an integer, so ${spokenList(ys!.distinct.map(fmt))} become classes ${spokenList([...new Set(ys!.distinct.map((v) => String(Math.floor(v))))])}` : ''}. Class labels scaled like regression targets look like this.`,
          evidence: [`targets from ${fmt(ys!.min)} to ${fmt(ys!.max)}, not integers`, `loss is ${lossName}`],
          relevance: 'output compared with non-integer class labels',
          fixes: integerScaleFix(ys!, ySite),
          confirmBy: set(...HARM, ...NUMERIC),
          strength: 0.9,
          trivialFit: collapse,
          // The loss casts each target to an integer class: a fraction is never the class meant.
          certain: true,
        }),
      );
    } else if (loss.kind === 'sparse' && t.integer && t.columns === 1 && isNum(ys?.min) && ys!.min < 0 && isNum(ys?.max) && units !== null && units > 1) {
      // Negative class indices (a -1/+1 source read as is): tf.oneHot turns each into a row of all
      // 0s, so those rows add no loss and no gradient, and the model learns to call everything
      // the classes it is shown.
      const two = ys!.distinct?.length === 2 ? ys!.distinct : null;
      const e = run.data.y.get(o.slot);
      const madeAt = e?.origin?.site;
      const fixes: PlannedFix[] = [];
      if (two && two[0]! < 0 && two[1]! >= 0 && two[1]! < units) {
        if (madeAt) fixes.push({ title: `Write the labels as 0 and ${fmt(Math.min(1, two[1]!))} where they are computed`, plan: { kind: 'relabelAtWrite', site: madeAt, from: [two[0]!, two[1]!], to: [0, Math.min(1, two[1]!)] } });
        if (two[1] === 1) fixes.push({ title: `Encode the labels ${fmt(two[0]!)} and 1 as 0 and 1`, plan: { kind: 'scale', fitSite: e?.site ?? view.event.fitSite, role: 'y', op: { type: 'binarize', threshold: (two[0]! + 1) / 2 } } });
      }
      out.push(
        labelEncoding('targets', {
          message: `${lossName} takes class indices from 0 to ${units - 1}, but ${two ? `the labels are ${fmt(two[0]!)} and ${fmt(two[1]!)}` : `the labels go down to ${fmt(ys!.min)}`}: tfjs one-hot encodes a negative index as a row of all 0s, so every row labelled ${fmt(ys!.min)}${two ? '' : ' (or below 0)'} adds no loss and no gradient. The model learns only the other ${two ? 'class' : 'classes'}, and calls every row ${two ? `class ${fmt(two[1]!)}` : 'one of them'}.`,
          evidence: [`class indices from ${fmt(ys!.min)} to ${fmt(ys!.max)}`, `loss is ${lossName}`, `${units} output units`],
          relevance: 'output compared with negative class indices',
          fixes,
          confirmBy: set(...HARM, ...NUMERIC, 'constant-output'),
          strength: 0.95,
          keepWhenLearning: true,
          certain: true,
        }),
      );
    } else if (loss.kind === 'sparse' && t.integer && isNum(ys?.max) && units !== null && units > 1 && ys!.max >= units) {
      // Labels 1..units: the loss one-hot encodes the largest as a row of all 0s, which teaches
      // nothing, while the other classes still train; so learning does not withdraw it.
      const fromOne = isNum(ys!.min) && ys!.min === 1 && ys!.max === units;
      const yEvent = run.data.y.get(o.slot);
      const shift: PlannedFix | null = yEvent ? { title: 'Number the labels from 0: subtract 1', plan: { kind: 'scale', fitSite: yEvent.site ?? view.event.fitSite, role: 'y', op: { type: 'shift', by: -1 } } } : null;
      const h = labelEncoding('targets', {
        message: fromOne
          ? `The class indices run from 1 to ${units}, but ${name}'s ${units} units stand for classes 0 to ${units - 1}: the labels are numbered from 1, so class ${units} is never learned and unit 0 never used.`
          : `Class indices go up to ${fmt(ys!.max)}, but ${name} has only ${units} units (one per class): ${lossName} turns each index past ${units - 1} into a row of all 0s, which adds no loss, so ${ys!.max - units + 1 === 1 ? `class ${fmt(ys!.max)} is` : `classes ${units} to ${fmt(ys!.max)} are`} never learned while the others train.`,
        evidence: [`class indices from ${fmt(ys!.min)} to ${fmt(ys!.max)}`, `${units} output units`],
        relevance: `${units} units for ${fmt(ys!.max + 1)} classes`,
        fixes: fromOne
          ? shift
            ? [shift]
            : []
          : [
              { title: `Count the classes as the largest index + 1`, plan: { kind: 'classCountPlusOne', site: L.info.site ?? view.compileSite!, in: 'units', className: L.info.className } },
              { title: `Give ${name} ${fmt(ys!.max + 1)} units, one per class`, plan: { kind: 'layerNumber', layer: L.info, key: 'units', to: ys!.max + 1 } },
            ],
        confirmBy: set(...HARM, ...NUMERIC),
        strength: 0.9,
        // Those rows are lost whatever training shows: the other classes learn.
        keepWhenLearning: true,
        certain: true,
      });
      // Too few units: shown on the layer, or where the class count it is given is computed.
      out.push(fromOne || !L.info.site ? h : { ...h, location: L.info.site, data: undefined, atFix: true });
    } else if (loss.kind === 'categorical' && t.columns > 1 && isNum(ys?.min) && isNum(ys?.max) && ys!.min < 0) {
      // Negative targets: the cross-entropy -sum(t * log p) has no floor, and minimizing it pushes the
      // probabilities of the negative columns to 0 without end. Logits (a teacher's outputs before its softmax) look like this.
      const made = run.data.y.get(o.slot)?.origin?.site ?? null;
      // Two values, a below 0 and b above 1, with rows summing to 1 (b + (k − 1)·a = 1): one-hot rows
      // smoothed as y·(1 + ε) − ε/k, the signs of y·(1 − ε) + ε/k flipped.
      const two = ys!.distinct?.length === 2 ? ys!.distinct : null;
      const flipped = two && two[0]! < 0 && two[1]! > 1 && Math.abs(two[1]! + (t.columns - 1) * two[0]! - 1) < 1e-3;
      if (flipped) {
        const file = (made ?? run.data.y.get(o.slot)?.site ?? view.event.fitSite)?.file ?? null;
        const eps = two[1]! - 1 - two[0]!;
        const smoothed = labelEncoding('targets', {
          message: `The targets are one-hot rows smoothed with the signs flipped: ${fmt(two[1]!)} for the true class and ${fmt(two[0]!)} for the others, as y × (1 + ε) − ε / k gives for ε = ${fmt(eps)}, where label smoothing is y × (1 − ε) + ε / k (${fmt(1 - eps + eps / t.columns)} and ${fmt(eps / t.columns)}). With negative targets the cross-entropy has no floor: it falls below 0 and keeps falling as the model is pushed to be ever more certain, the opposite of what smoothing is for.`,
          evidence: [`targets take ${fmt(two[0]!)} and ${fmt(two[1]!)} over ${t.columns} columns, rows summing to 1`, `loss is ${lossName}`],
          relevance: 'output compared with smoothed targets of flipped signs',
          fixes: file ? [{ title: 'Smooth as y × (1 − ε) + ε / k', plan: { kind: 'smoothingSigns', file } }] : [],
          confirmBy: set(...HARM, ...NUMERIC, 'saturated-activation', 'loss-diverging'),
          strength: 0.95,
          keepWhenLearning: true,
          certain: true,
        });
        // Shown where the targets are smoothed, which the fix rewrites.
        out.push({ ...smoothed, atFix: true });
        return out;
      }
      // Two values, the true class's below 0 and the others' above 0, rows summing to 1: y·(1 − ε) + ε/k
      // with ε far above 1 (smoothing given in percent, 10 for 0.1).
      const percent = two && two[0]! < 0 && two[1]! > 0 && Math.abs(two[0]! + (t.columns - 1) * two[1]! - 1) < 1e-3 ? two[1]! * t.columns : null;
      if (percent !== null && percent >= 1 && percent < 100 && made) {
        const smoothed = labelEncoding('targets', {
          message: `The targets are one-hot rows smoothed with ε = ${fmt(percent)}: ${fmt(two![0]!)} for the true class and ${fmt(two![1]!)} for the others, as y × (1 − ε) + ε / k gives. Label smoothing takes ε as a fraction (0.1 moves a tenth of each row's weight off its class); ${fmt(percent)} reads like a percentage. With a negative target for the true class the cross-entropy has no floor: it falls below 0 and keeps falling as the model is pushed away from the right class. Use ε = ${fmt(percent / 100)}.`,
          evidence: [`targets take ${fmt(two![0]!)} and ${fmt(two![1]!)} over ${t.columns} columns, rows summing to 1`, `loss is ${lossName}`],
          relevance: 'output compared with targets smoothed by a percentage',
          fixes: [{ title: `Give the smoothing as a fraction: ${fmt(percent)} / 100`, plan: { kind: 'smoothingFraction', site: made } }],
          confirmBy: set(...HARM, ...NUMERIC, 'saturated-activation', 'loss-diverging'),
          strength: 0.95,
          keepWhenLearning: true,
          certain: true,
        });
        out.push({ ...smoothed, atFix: true });
        return out;
      }
      out.push(
        labelEncoding('targets', {
          message: `${lossName} compares the outputs with probability rows, but the targets run from ${fmt(ys!.min)} to ${fmt(ys!.max)}: their rows are not probabilities. With negative targets the cross-entropy has no floor (it falls below 0 and keeps falling) and the model is pushed to put no probability at all on those columns. Raw logits (a teacher model's outputs before its softmax, taken as soft targets) look like this: turn them into probabilities with softmax.`,
          evidence: [`targets from ${fmt(ys!.min)} to ${fmt(ys!.max)} over ${t.columns} columns`, `loss is ${lossName}`],
          relevance: 'output compared with targets that are not probabilities',
          fixes: made ? [{ title: 'Turn the targets into probabilities with tf.softmax', plan: { kind: 'softmaxTargets', site: made } }] : [],
          confirmBy: set(...HARM, ...NUMERIC, 'saturated-activation', 'loss-diverging'),
          strength: 0.95,
          keepWhenLearning: true,
          certain: true,
        }),
      );
    } else if (loss.kind === 'categorical' && t.columns === 1 && (units ?? 0) > 1 && (t.kind === 'classes' || t.kind === 'binary')) {
      out.push(
        labelEncoding('compile', {
          message: `${lossName} expects one-hot rows, but the targets are class indices (one column).`,
          evidence: [`targets: one column of class indices`, `${units} output units`, `loss is ${lossName}`],
          relevance: 'output compared with class indices',
          fixes: [
            lossFix(view, o.slot, 'sparseCategoricalCrossentropy', 'Use sparseCategoricalCrossentropy for class-index labels'),
            { title: `One-hot encode the labels (${units} classes) in the fit call`, plan: { kind: 'scale', fitSite: ySite, role: 'y', op: { type: 'oneHot', depth: units! } } },
          ],
          confirmBy: set(...HARM, ...NUMERIC),
          strength: 0.95,
        }),
      );
    }
  }
  return out;
}

/** What every hypothesis about a model input shares: located where the tensor is built, on the input side. */
function aboutInputs(view: ModelView, slot: number, e: DataEvent): Pick<Hypothesis, 'layer' | 'location' | 'data' | 'related' | 'weak' | 'inputSide'> {
  const fitSite = e.site ?? view.event.fitSite;
  return { layer: null, location: fitSite, ...(slot === 0 ? { data: { role: 'x' as const, fitSite } } : {}), related: [], weak: false, inputSide: true };
}

function inputChecks(view: ModelView, run: ModelState): Hypothesis[] {
  const out: Hypothesis[] = [];
  const firsts = view.firstLayers();
  // Follow shape-only layers: a normalization right after Flatten/Reshape still counts.
  const entry = (l: LayerView): LayerView => {
    let cur = l;
    for (let g = 0; g < 16 && cur.kind === 'passthrough' && cur.succs.length === 1; g++) cur = view.layers[cur.succs[0]!]!;
    return cur;
  };
  const guarded = firsts.some((l) => {
    const e = entry(l);
    return e.kind === 'normalization' || e.kind === 'embedding';
  });
  // Only fit's inputs are the whole training set, and fitDataset's first batch is drawn from it: a
  // custom loop's first batch may hold one state many times (reinforcement learning episodes that all start alike).
  const dataset = view.event.mode === 'fitDataset';
  for (const [slot, e] of run.data.x) {
    if (e.summary.identicalRows !== true || (view.event.mode !== 'fit' && !dataset)) continue;
    const about = slot === 0 ? 'x' : `x${slot}`;
    const rows = e.summary.shape?.[0] ?? null;
    const madeIn = (e.origin?.site ?? e.site ?? view.event.fitSite)?.file ?? null;
    // Every value 0: fractions parsed as integers (parseInt of values in [0, 1)) leave nothing.
    const zeros = e.summary.min === 0 && e.summary.max === 0;
    const madeAt = e.origin?.site ?? e.site;
    // Raw values squashed by tanh or sigmoid: every value beyond a few units lands on the bound.
    const squash = e.origin?.site && (e.origin.kernel === 'Tanh' || e.origin.kernel === 'Sigmoid') && !zeros ? e.origin.kernel.toLowerCase() : null;
    if (squash) {
      out.push({
        id: `identical-inputs:${about}`,
        symptom: 'identical-inputs',
        rootCause: 'input-normalization',
        ...aboutInputs(view, slot, e),
        message: `Every one of the ${rows ?? ''} input rows is the same (every value ${fmt(e.summary.min)}): the inputs were squashed with ${squash}, which maps every value more than a few units from 0 to its bound, so raw values (amounts, counts, years) all become ${fmt(e.summary.min)} and the model cannot tell one example from another. Standardize each column before squashing it.`,
        evidence: [`all ${rows ?? ''} rows of the inputs hold the same values`, `made by ${squash} at line ${e.origin!.site!.line}`],
        relevance: new Map(),
        fixes: [{ title: `Standardize each column before ${squash}`, plan: { kind: 'standardizeSquashed', site: e.origin!.site! } }],
        atFix: true,
        confirmBy: set(...HARM, 'dead-relu', 'weights-unchanged', 'loss-oscillating'),
        strength: 0.95,
        keepWhenLearning: true,
      });
      continue;
    }
    const parse: PlannedFix[] = zeros && madeAt ? [{ title: 'Parse the values with their fractions: parseFloat', plan: { kind: 'parseFractions', site: madeAt } }] : [];
    // A 0/1 column mask set by name (mask[name] = 1 makes a property, not an element): every column multiplied by 0.
    if (zeros && madeIn) parse.unshift({ title: "Set the mask by each column's position: mask[name] sets a property, not an element", plan: { kind: 'maskByIndex', file: madeIn } });
    // Images erased whole by a cutout patch as large as the image (a size from a recipe for larger images).
    const height = e.summary.shape?.length === 4 ? e.summary.shape[1] : null;
    if (zeros && madeIn && typeof height === 'number' && height >= 4) parse.push({ title: 'Make the erased patch a quarter of the image: it covers all of it', plan: { kind: 'shrinkPatch', file: madeIn, size: height } });
    out.push({
      id: `identical-inputs:${about}`,
      symptom: 'identical-inputs',
      rootCause: 'training-data',
      ...aboutInputs(view, slot, e),
      message: dataset
        ? `Every one of the ${rows ?? ''} input rows of the first batch is the same${zeros ? ', all 0' : ''}: the model cannot tell one example from another and can only learn the average target. A generator that yields one array it refills for each example (declared once, outside its loop) does this: tf.data's batch keeps the references and stacks them once the batch is full, so every row is the last example's. Make a new array for each example.`
        : `Every one of the ${rows ?? ''} input rows is the same${zeros ? ', all 0' : ''}: the model cannot tell one example from another and can only learn the average target. ${zeros ? 'Values in [0, 1) parsed with parseInt (which keeps the integer part) become 0; so do rows never filled, and rows multiplied by a column mask whose 1s were set by name (mask[name] = 1 adds a property to the array and leaves every element 0). ' : ''}A loop that pushes one array it refills for each example (declared once, outside the loop) does this too; make a new array for each row.`,
      evidence: [`all ${rows ?? ''} rows of the ${dataset ? "dataset's first batch" : 'inputs'} hold the same values`],
      relevance: new Map(),
      fixes: [...parse, ...(madeIn ? [{ title: 'Make a new array for each row, inside the loop that fills it', plan: { kind: 'declareRowInLoop' as const, file: madeIn } }] : [])],
      // A dataset's rows are made in its generator, not where fitDataset is called: at the array declared outside the loop.
      ...(parse.length || dataset ? { atFix: true } : {}),
      confirmBy: set(...HARM, 'dead-relu', 'weights-unchanged', 'loss-oscillating'),
      strength: 0.95,
      keepWhenLearning: true,
    });
  }
  for (const [slot, e] of run.data.x) {
    if (guarded) break;
    const ma = maxAbs(e);
    const s = e.summary;
    // Inputs scaled twice (pixels divided by 255 two times): the first layer sees almost nothing but its biases.
    if (ma !== null && ma > 0 && ma <= 5e-3 && e.summary.identicalRows !== true) {
      const fix = scaleFix(view, e, 'x');
      const about = slot === 0 ? 'x' : `x${slot}`;
      const madeAt = e.site ?? view.event.fitSite;
      out.push({
        id: `unscaled-input:${about}`,
        symptom: 'unscaled-input',
        rootCause: 'input-normalization',
        ...aboutInputs(view, slot, e),
        message: `Inputs are scaled far too small: values range from ${fmt(s.min)} to ${fmt(s.max)} (std ${fmt(s.std)}), so the first layer's outputs are little more than its biases and its weights get almost no gradient. Data divided by its range twice (pixels divided by 255 two times) looks like this, and so do columns divided by their sum over all rows (each value then a share of thousands).`,
        evidence: [`input values from ${fmt(s.min)} to ${fmt(s.max)}`, `std ${fmt(s.std)}`],
        relevance: new Map(),
        fixes: [...(madeAt ? [{ title: 'Scale each column by its largest value, not by its sum', plan: { kind: 'scaleByMax' as const, file: madeAt.file } }] : []), ...(fix ? [fix] : [])],
        atFixKinds: ['scaleByMax'],
        confirmBy: set(...HARM, 'dead-relu', 'weights-unchanged', 'vanishing-gradient'),
        strength: 0.7,
      });
      continue;
    }
    const shrunk = e.origin?.kernel === 'RealDiv' && e.origin.site && s.identicalRows !== true ? shrunkByDivision(view, slot, e, ma) : null;
    if (shrunk) {
      out.push(shrunk);
      continue;
    }
    if (ma === null || ma <= 10) continue;
    const strength = ma > 1e3 ? 0.8 : ma > 100 ? 0.7 : 0.55;
    const rel: RelevanceSpec = new Map();
    for (const f of firsts) {
      const w = entry(f);
      rel.set(w.pos, { score: 0.6, evidence: `receives raw inputs up to ${fmt(ma)}` });
      const a = view.effectiveActivation(w);
      if (a.actLayer !== w) rel.set(a.actLayer.pos, { score: 0.5, evidence: `activation of a layer fed raw inputs` });
    }
    const fix = scaleFix(view, e, 'x');
    const about = slot === 0 ? 'x' : `x${slot}`;
    out.push({
      id: `unscaled-input:${about}`,
      symptom: 'unscaled-input',
      rootCause: 'input-normalization',
      ...aboutInputs(view, slot, e),
      message: `Inputs are not scaled: values range from ${fmt(s.min)} to ${fmt(s.max)} (mean ${fmt(s.mean)}, std ${fmt(s.std)}), which saturates or kills the first layer's units and makes gradients huge.`,
      evidence: [`input values from ${fmt(s.min)} to ${fmt(s.max)}`, `std ${fmt(s.std)}`, `no normalization layer before ${firsts[0]?.info.name ?? 'the first layer'}`],
      relevance: rel,
      fixes: fix ? [fix] : [],
      confirmBy: set(...HARM, ...NUMERIC, 'loss-oscillating', 'loss-diverging', 'exploding-gradient', 'saturated-activation', 'dead-relu', 'vanishing-gradient', 'weights-unchanged'),
      strength,
    });
  }
  // Regression targets in the thousands, or in the hundreds from inputs scaled to a few units (a
  // window scaled by its own range, its next value left raw): the output must reach them with small steps.
  const inputsScaled = view.outputs.length === 1 && run.data.x.size === 1 && (maxAbs(run.data.x.get(0)) ?? Infinity) <= 5;
  for (const o of view.outputs) {
    const k = o.loss?.kind;
    if (k !== 'mse' && k !== 'mae' && k !== 'regression') continue;
    const t = run.data.target(o.slot);
    const e = run.data.y.get(o.slot) ?? (o.slot === 0 && run.data.y.size === 1 ? [...run.data.y.values()][0] : undefined);
    const ma = maxAbs(e);
    // Targets in the hundreds only under the built-in squared or absolute error: a loss of the script's own (log-cosh) has its own reasons.
    const hundreds = inputsScaled && (k === 'mse' || k === 'mae');
    if (!t || t.kind !== 'continuous' || ma === null || ma <= (hundreds ? 100 : 1e3) || !e) continue;
    const fix = scaleFix(view, e, 'y');
    // Targets given to fit in a list (one per output) are scaled where their tensor is made.
    const madeAt = e.origin?.site;
    const atMaking: PlannedFix | null = fix && fix.plan.kind === 'scale' && madeAt ? { title: fix.title, plan: { kind: 'scaleMade', site: madeAt, op: fix.plan.op } } : null;
    const rel: RelevanceSpec = new Map([[o.actLayer.pos, { score: 0.6, evidence: `must output values up to ${fmt(ma)}` }]]);
    out.push({
      id: `unscaled-input:y${o.slot === 0 ? '' : o.slot}`,
      symptom: 'unscaled-input',
      rootCause: 'input-normalization',
      layer: null,
      location: e.site ?? view.event.fitSite,
      ...(o.slot === 0 ? { data: { role: 'y' as const, fitSite: e.site ?? view.event.fitSite } } : {}),
      related: [],
      message: `Regression targets are not scaled (up to ${fmt(ma)}, std ${fmt(e.summary.std)}): the loss is dominated by their magnitude and the output must reach them with small steps.`,
      evidence: [`targets from ${fmt(e.summary.min)} to ${fmt(e.summary.max)}`],
      relevance: rel,
      fixes: [fix, atMaking].filter((f): f is PlannedFix => f !== null),
      confirmBy: set('loss-not-decreasing', 'loss-diverging', 'loss-oscillating', 'exploding-gradient', 'constant-output', ...NUMERIC),
      strength: 0.6,
      weak: false,
    });
  }
  return out;
}

function learningRateCheck(view: ModelView, run: ModelState): Hypothesis[] {
  const opt = view.event.optimizer;
  const band = optimizerBand(opt);
  const lr = opt?.learningRate;
  if (!band || !isNum(lr)) return [];
  const negative = lr < 0;
  const high = lr >= band.high;
  const low = lr < band.low;
  if (!high && !low) return [];
  // A rate raised into the usual range as training went on (a warmup, a range test's sweep) was a
  // starting point, not the rate trained with.
  if (low && !negative && run.maxLearningRate !== null && run.maxLearningRate >= band.low) return [];
  // A low rate a later fit starts with, left by the script's own setter (a warm-up at its epoch 0): the
  // rates its steps run at are judged, not the one it happened to leave.
  if (low && !negative && run.learningRateSite !== null && isNum(run.madeWithRate) && run.madeWithRate >= band.low) return [];
  const fix = learningRateFix(view, run, negative ? 1 : high ? 0.1 : 10);
  const about: Pick<Hypothesis, 'id' | 'symptom' | 'rootCause' | 'layer' | 'location' | 'related' | 'evidence' | 'relevance' | 'fixes' | 'atFix' | 'weak'> = {
    id: 'learning-rate-out-of-range:optimizer',
    symptom: 'learning-rate-out-of-range',
    rootCause: 'learning-rate',
    layer: null,
    location: view.optimizerSite,
    related: [],
    evidence: [`${band.name} learning rate ${fmt(lr)}`],
    relevance: new Map(),
    fixes: fix ? [fix] : [],
    // A rate declared (or computed) apart from the optimizer is shown where its value is written.
    atFix: true,
    weak: false,
  };
  // A negative rate steps up the gradient: certain. Often `10 ^ -3` written for 10⁻³ (`^` is XOR in JavaScript: -9).
  if (negative) {
    return [
      {
        ...about,
        message: `Learning rate ${fmt(lr)} is negative: ${band.name} steps up the gradient, so every update raises the loss. A rate written \`10 ^ -3\` is ${10 ^ -3} in JavaScript (\`^\` is XOR): write \`1e-3\` or \`10 ** -3\`.`,
        confirmBy: set(...HARM),
        strength: 0.95,
        certain: true,
        keepWhenLearning: true,
      },
    ];
  }
  const usual = high ? `usual values are below ${fmt(band.high)}, typically ${fmt(band.typical)}` : `usual values are at least ${fmt(band.low)}, typically ${fmt(band.typical)}`;
  const adadelta =
    band.name === 'Adadelta'
      ? " Unlike Keras's, TensorFlow.js's Adadelta does not adapt its steps: every update is learningRate × gradient, so 'adadelta' (learning rate 1, Keras's default) is plain SGD at 1."
      : '';
  return [
    {
      ...about,
      message: high
        ? `Learning rate ${fmt(lr)} is very high for ${band.name} (${usual}); updates can overshoot and blow up.${adadelta}`
        : `Learning rate ${fmt(lr)} is very low for ${band.name} (${usual}); weights will barely move.${adadelta}`,
      confirmBy: high
        ? set(...HARM, ...NUMERIC, 'loss-diverging', 'loss-oscillating', 'exploding-gradient', 'dead-relu', 'weights-unchanged')
        : set('loss-not-decreasing', 'accuracy-not-increasing', 'weights-unchanged'),
      strength: high ? 0.85 : 0.7,
      ...(high ? { overshoot: true } : {}),
    },
  ];
}

/** Label smoothing this large leaves the true class little or no more weight than the others. */
const HEAVY_SMOOTHING = 0.5;

/**
 * A tf.losses cross-entropy called with labelSmoothing near 1 (1 where 0.1 was meant): the targets
 * become (nearly) uniform over the classes, so the loss carries no class information and the model
 * learns to output the same probabilities for every row. Certain from the call; the fix is 0.1,
 * written where the value is declared when the call names it.
 */
function heavyLabelSmoothing(view: ModelView, run: ModelState): Hypothesis[] {
  const out: Hypothesis[] = [];
  for (const call of run.lossCalls.values()) {
    const s = call.labelSmoothing;
    if (!(s >= HEAVY_SMOOTHING) || !call.site || !/^(?:softmax|sigmoid)CrossEntropy$/.test(call.fn)) continue;
    const k = call.fn === 'softmaxCrossEntropy' ? call.classes : 2;
    // Softmax: 1 - s + s/k for the true class, s/k for the others; sigmoid: 1 - s/2 against s/2.
    const trueWeight = k ? 1 - s + s / k : null;
    out.push({
      id: `label-smoothing-heavy:${call.fn}`,
      symptom: 'label-smoothing-heavy',
      rootCause: 'loss-function',
      layer: null,
      location: call.site,
      related: [],
      message: `tf.losses.${call.fn} is given labelSmoothing ${fmt(s)}: the targets become ${trueWeight !== null ? `${fmt(trueWeight)} for the true class and ${fmt(s / k!)} for ${call.fn === 'softmaxCrossEntropy' ? 'each other class' : 'the other'}` : 'nearly uniform'}${s >= 1 ? ', the same for every class' : ''}, so the loss says ${s >= 1 ? 'nothing' : 'little'} about which class is right. Smoothing is a small nudge: 0.1 is usual.`,
      evidence: [`${call.fn}(…, labelSmoothing ${fmt(s)})${k ? ` over ${k} classes` : ''}`],
      relevance: new Map(),
      fixes: [
        { title: 'Smooth the labels by 0.1', plan: { kind: 'declaredArgument', site: call.site, callee: call.fn, index: 3, to: '0.1' } },
        { title: 'Smooth the labels by 0.1 in the call', plan: { kind: 'callArgument', site: call.site, callee: call.fn, index: 3, to: '0.1' } },
      ],
      confirmBy: set(...HARM),
      strength: 0.95,
      weak: false,
      keepWhenLearning: true,
      ...(s >= 1 - 1 / Math.max(k ?? 2, 2) ? { certain: true } : {}),
      atFix: true,
    });
  }
  return out;
}

/** Comparisons a mask is made with, and the one that keeps the other rows. */
const NEGATED_COMPARISONS: Array<[string, string]> = [
  ['equal', 'notEqual'],
  ['notEqual', 'equal'],
  ['greater', 'lessEqual'],
  ['lessEqual', 'greater'],
  ['less', 'greaterEqual'],
  ['greaterEqual', 'less'],
];

/**
 * A tf.losses call whose per-row weights keep only rows with one target value, while the rows they
 * leave out have several: a mask of the rows with a target, built the wrong way round, so the loss
 * trains on the filler written for missing targets and the model learns to predict it. Certain from
 * the call's own rows; fixed by negating the comparison that made the mask.
 */
function weightsKeepOneTarget(run: ModelState): Hypothesis[] {
  for (const call of run.lossCalls.values()) {
    const w = call.weightedRows;
    if (!w || !call.site) continue;
    const value = w.value === null ? 'one value' : fmt(w.value);
    return [
      {
        id: `loss-weights-one-target:${call.fn}`,
        symptom: 'loss-weights-one-target',
        rootCause: 'loss-function',
        layer: null,
        location: w.site ?? call.site,
        related: w.site ? [{ site: call.site, message: `tf.losses.${call.fn} is weighted with it here` }] : [],
        message: `The weights given to tf.losses.${call.fn} keep ${w.weighted} of the batch's ${w.rows} rows, and every one of them has the target ${value}, while the rows they leave out have several different targets: the mask is the wrong way round, keeping the rows whose target is missing (filled with ${value}) and dropping the real ones. The model learns to predict ${value}.`,
        evidence: [`${w.weighted} of ${w.rows} rows weighted in, all with target ${value}`, `${w.rows - w.weighted} rows weighted out, with several targets`],
        relevance: new Map(),
        fixes: w.site ? NEGATED_COMPARISONS.map(([from, to]) => ({ title: `Keep the rows with a target (${to} instead of ${from})`, plan: { kind: 'renameOp' as const, site: w.site!, from, to } })) : [],
        confirmBy: set(...HARM),
        strength: 0.95,
        weak: false,
        keepWhenLearning: true,
        certain: true,
        atFix: true,
      },
    ];
  }
  return [];
}

/**
 * A tf.losses call whose weights argument is the number 0: `tf.losses.meanSquaredError(y, p,
 * tf.Reduction.NONE)` asks for per-row losses, but the reduction is the fourth argument and
 * tf.Reduction.NONE is 0, so it lands where the weights go. Every row weighs nothing: the default
 * reduction divides 0 by no weighted row (NaN), the others give 0, and nothing trains. Certain from
 * the call; the fix passes undefined for the weights, so the reduction is the fourth argument.
 */
function lossWeightsZero(run: ModelState): Hypothesis[] {
  for (const call of run.lossCalls.values()) {
    if (!call.zeroWeights || !call.site) continue;
    return [
      {
        id: `loss-weights-zero:${call.fn}`,
        symptom: 'loss-weights-zero',
        rootCause: 'loss-function',
        layer: null,
        location: call.site,
        related: [],
        message: `tf.losses.${call.fn} is given 0 as its third argument, which is the weight of every row (tf.Reduction.NONE is the number 0, and the reduction is the fourth argument): every row weighs nothing, so the loss is 0 divided by no weighted row, NaN, under the default reduction (0 under the others), and nothing trains. To ask for per-row losses, pass undefined for the weights: tf.losses.${call.fn}(labels, predictions, undefined, tf.Reduction.NONE).`,
        evidence: [`tf.losses.${call.fn}: weights 0`],
        relevance: new Map(),
        fixes: [{ title: 'Pass the reduction as the fourth argument (undefined for the weights)', plan: { kind: 'insertArgument', site: call.site, callee: call.fn, index: 2, text: 'undefined', written: String.raw`(?:tf\s*\.\s*)?Reduction\s*\.\s*NONE` } }],
        confirmBy: set(...HARM, ...NUMERIC, 'loss-diverging'),
        strength: 1,
        weak: false,
        keepWhenLearning: true,
        certain: true,
        explainsAllHarm: true,
      },
    ];
  }
  return [];
}

/**
 * A layer normalization whose axes hold one value each (tfjs's default axis -1 on a univariate
 * series, [steps, 1]): x − mean is 0 for every value, so the layer outputs its beta whatever the
 * input, and nothing after it sees the data. Certain from the shapes; fixed by normalizing over
 * the one other axis that holds more than one value, when there is exactly one.
 */
function layerNormOverOneValue(view: ModelView): Hypothesis[] {
  const out: Hypothesis[] = [];
  for (const l of view.layers) {
    if (!/^LayerNormalization$/i.test(l.info.className)) continue;
    const shape = l.info.inputShape;
    if (!shape || shape.length < 2) continue;
    const rank = shape.length;
    const axisText = l.info.config['axis'];
    const axes = (typeof axisText === 'number' ? [axisText] : typeof axisText === 'string' && /^-?\d+(?:,-?\d+)*$/.test(axisText) ? axisText.split(',').map(Number) : axisText === undefined ? [-1] : null)?.map((a) => (a < 0 ? a + rank : a));
    if (!axes || axes.some((a) => a < 1 || a >= rank) || !axes.every((a) => shape[a] === 1)) continue;
    const wider = shape.map((d, i) => (i > 0 && typeof d === 'number' && d > 1 ? i : -1)).filter((i) => i > 0);
    out.push({
      id: `normalized-to-constant:${l.info.name}`,
      symptom: 'normalized-to-constant',
      rootCause: 'input-normalization',
      layer: l,
      location: l.info.site,
      related: [],
      message: `${l.info.name} normalizes over axis ${axes.join(', ')} of its input [${shape.map((d) => d ?? 'batch').join(', ')}], which holds one value: each value minus the mean of itself is 0, so the layer outputs its beta for every input and nothing after it sees the data.${wider.length === 1 ? ` Normalize over axis ${wider[0]} (the ${shape[wider[0]!]} values of each sample).` : ''}`,
      evidence: [`${l.info.name}: axis ${axes.join(', ')} of size 1`],
      relevance: new Map([[l.pos, { score: 1, evidence: 'normalizes over an axis of one value' }]]),
      fixes: wider.length === 1 ? [{ title: `Normalize over axis ${wider[0]}`, plan: { kind: 'layerNumber', layer: l.info, key: 'axis', to: wider[0]!, insert: true } }] : [],
      confirmBy: set(...HARM),
      strength: 1,
      weak: false,
      keepWhenLearning: true,
      certain: true,
    });
  }
  return out;
}

/**
 * The loss takes relu(0 − d) of a d that cannot be negative (a distance, a square): the hinge of a
 * contrastive loss whose margin is 0. That term is 0 for every row and passes no gradient, so only
 * the other term trains: pulling pairs together, it is met by mapping every input to one point,
 * and the loss falls to 0 while the embeddings collapse. Certain from the first step; fixed with a
 * margin of 1.
 */
function zeroMargin(run: ModelState): Hypothesis[] {
  const e = run.zeroMargin;
  if (!e?.site) return [];
  const d = e.of === 'Sqrt' ? 'a distance (a square root)' : e.of === 'Square' ? 'a square' : 'an absolute value';
  return [
    {
      id: 'margin-zero',
      symptom: 'margin-zero',
      rootCause: 'loss-function',
      layer: null,
      location: e.site,
      related: [],
      message: `The loss takes relu(0 − d) of ${d}, which is never below 0: its margin is 0, so this term is 0 for every row and passes no gradient. Only the rest of the loss trains; in a contrastive loss that pulls similar pairs together and nothing pushes the others apart, so mapping every input to one point meets it: the loss falls to 0 while the embeddings collapse. Give the margin a value on the scale of the distances.`,
      evidence: [`relu(0 − d), d made by ${e.of}`],
      relevance: new Map(),
      fixes: [{ title: 'Use a margin of 1', plan: { kind: 'marginTo', site: e.site, to: 1 } }],
      atFix: true,
      confirmBy: set(...HARM, 'weights-unchanged'),
      strength: 1,
      weak: false,
      keepWhenLearning: true,
      certain: true,
    },
  ];
}

/**
 * The loss raises values in [0, 1] (a focal loss's 1 − p) to a power of 5 or more, and at the first
 * step their mean came out below a thousandth: the loss and its gradients are that small a share of
 * the loss they modulate. Under SGD or momentum every step is as much smaller, and the weights barely
 * move; adaptive optimizers rescale the gradients, so they are left alone. Certain under plain
 * steps; fixed with the usual exponent, 2.
 */
function powerShrinksLoss(view: ModelView, run: ModelState): Hypothesis[] {
  const e = run.powerShrinks;
  const optimizer = view.event.optimizer?.className ?? '';
  if (!e?.site || !/^(?:SGD|Momentum)(?:Optimizer)?$/i.test(optimizer)) return [];
  return [
    {
      id: 'loss-shrunk-by-power',
      symptom: 'loss-shrunk-by-power',
      rootCause: 'loss-function',
      layer: null,
      location: e.site,
      related: [],
      message: `The loss raises values between 0 and 1 to the power ${fmt(e.exponent)}, and at the first step their mean was ${fmt(e.mean)}: the loss and its gradients are that share of what they modulate, so each ${optimizer} step is as much smaller and the weights barely move. A focal loss's gamma is usually 2.`,
      evidence: [`pow(x, ${fmt(e.exponent)}) of values in [0, 1]: mean ${fmt(e.mean)} at the first step`, `optimizer ${optimizer}, which does not rescale the gradients`],
      relevance: new Map(),
      fixes: [{ title: 'Use the exponent 2', plan: { kind: 'declaredArgument', site: e.site, callee: 'pow', index: 1, to: '2' } }],
      atFix: true,
      confirmBy: set(...HARM, 'weights-unchanged'),
      strength: 1,
      weak: false,
      keepWhenLearning: true,
      certain: true,
    },
  ];
}

/**
 * fitDataset's class ids agree between a row and its nearest row in the same batch far more often
 * than between a row and its nearest row in another batch, where they agree only by chance: each
 * batch numbers the classes its own way (a class list built from the batch's labels). Across batches
 * the targets are noise, and the model learns nothing. Certain from the first batches; no fix (the
 * class list must be built once, from the whole training set).
 */
function batchesRelabelled(view: ModelView, run: ModelState): Hypothesis[] {
  const e = run.batchesRelabelled;
  if (!e) return [];
  const fitSite = view.event.fitSite;
  return [
    {
      id: 'labels-differ-by-batch:y',
      symptom: 'labels-differ-by-batch',
      rootCause: 'label-encoding',
      layer: null,
      location: e.site ?? fitSite,
      ...(e.site ? {} : { data: { role: 'y' as const, fitSite } }),
      related: [],
      message: `Over the first ${e.batches} batches (${e.rows} rows), a row's nearest row in the same batch has its class ${pct(e.within)} of the time, but its nearest row in another batch only ${pct(e.across)}, about chance (${pct(e.chance)}): the same class id means different things in different batches. The targets are encoded per batch (a class list built from each batch's own labels?); build the class list once, from the whole training set, before batching.`,
      evidence: [`class agreement with the nearest row: ${pct(e.within)} within a batch, ${pct(e.across)} across batches, chance ${pct(e.chance)}`],
      relevance: new Map(),
      fixes: [],
      confirmBy: set(...HARM),
      strength: 1,
      weak: false,
      keepWhenLearning: true,
      certain: true,
      explainsAllHarm: true,
    },
  ];
}

/**
 * The loss took the log of the model's outputs (or a column of them) while some were at or below 0:
 * a variance or rate predicted by a linear unit. The log is NaN there (or -Infinity at 0), at once:
 * certain. A log of a linear output whose values were all above 0 at the first step is quiet until
 * the loss turns non-finite. The fix passes the values through softplus where they are named.
 */
function logOfSignedOutput(run: ModelState): Hypothesis[] {
  const e = run.logOfOutput;
  if (!e?.site) return [];
  const now = e.atOrBelowZero > 0;
  return [
    {
      id: 'log-of-signed-output',
      symptom: 'log-of-signed-output',
      rootCause: 'output-activation',
      layer: null,
      location: e.site,
      related: [],
      message: `The loss takes the log of the model's outputs, and ${now ? `${e.atOrBelowZero} of the ${e.count} values it took at the first step were at or below 0${e.least !== null && e.least < 0 ? ` (down to ${fmt(e.least)})` : ''}` : 'they come from a layer with no activation, whose values can go below 0'}: log is NaN below 0 and -Infinity at 0. An output with no activation (linear) ranges over every real number; a variance, scale or rate must be made positive first (softplus, or predict its log and take exp).`,
      evidence: [now ? `${e.atOrBelowZero} of ${e.count} values at or below 0 went into the log` : 'the log takes a linear output'],
      relevance: new Map(),
      fixes: [
        // Weights a logSumExp combines with densities are a mixture's: positive is not enough, they must add up to 1.
        { title: 'Normalize the mixture weights with logSoftmax before the logSumExp', plan: { kind: 'logSoftmaxWeights', site: e.site } },
        { title: 'Make the values positive with softplus before the log', plan: { kind: 'softplusBeforeLog', site: e.site } },
      ],
      atFix: true,
      confirmBy: set(...HARM, ...NUMERIC),
      strength: now ? 1 : 0.9,
      weak: false,
      // Certain once values at or below 0 went into the log; a linear output's log, once the loss turns non-finite.
      ...(now ? { keepWhenLearning: true, certain: true } : { quiet: true }),
    },
  ];
}

/**
 * A softmax written by hand, `tf.exp(logits).div(...sum(-1, true))`, on the model's raw outputs:
 * exp overflows float32 once a logit passes about 88, and Infinity / Infinity is NaN. A usual
 * pattern until the loss turns non-finite, so quiet until then; then it is the cause, fixed by
 * subtracting each row's largest logit first, as tf.softmax does.
 */
function softmaxUnshifted(run: ModelState): Hypothesis[] {
  const e = run.rawSoftmax;
  if (!e?.site) return [];
  return [
    {
      id: 'softmax-unshifted',
      symptom: 'softmax-unshifted',
      rootCause: 'loss-function',
      layer: null,
      location: e.site,
      related: [],
      message: 'A softmax written by hand exponentiates the raw outputs: exp overflows float32 to Infinity once a logit passes about 88, and Infinity / Infinity is NaN. Subtract each row\'s largest logit before exp (the result is the same), or use tf.softmax or tf.logSoftmax, which do.',
      evidence: ['exp of the raw outputs is summed over their last axis'],
      relevance: new Map(),
      fixes: [{ title: "Subtract each row's largest logit before exp", plan: { kind: 'subtractRowMax', site: e.site } }],
      confirmBy: set(...NUMERIC),
      strength: 0.9,
      weak: false,
      quiet: true,
    },
  ];
}

/**
 * The script used the model (evaluated it, predicted or saved) after calling fit and before its
 * training began: fit returned its promise at its first await and the script went on without
 * waiting, so it scored or saved the untrained model while training ran on in the background.
 * Certain; fixed by awaiting fit where the function allows it.
 */
function usedBeforeTraining(run: ModelState): Hypothesis[] {
  const e = run.usedBeforeTraining;
  if (!e?.fitSite) return [];
  const used = e.call === 'save' ? 'saved' : e.call.startsWith('evaluate') ? 'evaluated' : 'asked to predict';
  const where = e.site ? ` at line ${e.site.line}` : '';
  return [
    {
      id: 'used-before-training',
      symptom: 'used-before-training',
      rootCause: 'training-length',
      layer: null,
      location: e.fitSite,
      related: e.site ? [{ site: e.site, message: `the model is ${used} here before its training begins` }] : [],
      message: `The model was ${used}${where} before its training began: fit returns a promise, and the script went on without waiting for it, so ${e.call} used the untrained model while training ran on in the background. Its results are those of random weights, whatever the epoch logs show later. Wait for fit to finish: await it.`,
      evidence: [`${e.call} was called after fit started and before its first callback`],
      relevance: new Map(),
      fixes: [{ title: 'Wait for training to finish: await fit', plan: { kind: 'awaitCall', site: e.fitSite } }],
      confirmBy: set(...HARM),
      strength: 1,
      weak: false,
      keepWhenLearning: true,
      certain: true,
    },
  ];
}

/**
 * The script used a model that was never trained while a twin made after it (the same layers) was:
 * `const model = buildModel()` and then `train(buildModel(), …)`. Its results are those of random
 * weights. An untrained copy scored on purpose (a baseline) looks the same at run time, so this is
 * shown only where the fresh copy is handed to training: certain there, fixed by training the model
 * that is used.
 */
function usedUntrained(run: ModelState): Hypothesis[] {
  const e = run.usedUntrained;
  if (!e?.site) return [];
  const used = e.call === 'save' ? 'saved' : e.call.startsWith('evaluate') ? 'evaluated' : 'asked to predict';
  return [
    {
      id: 'used-untrained',
      symptom: 'used-untrained',
      rootCause: 'training-length',
      layer: null,
      location: e.site,
      related: e.fitSite ? [{ site: e.fitSite, message: 'a copy of the same layers is trained here' }] : [],
      message: `The model ${used} on line ${e.site.line} was never trained: another model of the same layers, made after it, was trained instead (a fresh copy built where the model was meant, as in train(buildModel()) after const model = buildModel()). Its results are those of random weights, however well training went. Train the model that is used.`,
      evidence: [`${e.call} on a model that never trained`, 'a model of the same layers, made after it, trained'],
      relevance: new Map(),
      fixes: [{ title: 'Train the model that is used', plan: { kind: 'trainUsedModel', site: e.site } }],
      ...shownWhereItsFixIs(),
    },
  ];
}

/** Shown at `first` (where the data was made, where the gradients were computed), or else at `then`, which is then related by `message` when it is another line. */
function shownAt(first: SourceSite | null | undefined, then: SourceSite | null | undefined, message: string): Pick<Hypothesis, 'location' | 'related'> {
  const at = first ?? then ?? null;
  return { location: at, related: then && then !== at ? [{ site: then, message }] : [] };
}

/**
 * What the checks the probe settles from the run itself share (rows, scales, tensors it saw): no
 * layer to blame, and certain once seen, whatever training does afterwards.
 */
function certainFromTheRun(): Pick<Hypothesis, 'layer' | 'relevance' | 'confirmBy' | 'strength' | 'weak' | 'certain' | 'keepWhenLearning'> {
  return { layer: null, relevance: new Map(), confirmBy: set(), strength: 0.9, weak: false, certain: true, keepWhenLearning: true };
}

/**
 * A model scored on rows an earlier fit of the same model trained on, and its latest fit did not:
 * a cross-validation that builds the model once and fits it fold after fold scores each fold on
 * rows earlier folds trained on, so every score after the first is inflated and their mean says
 * nothing about unseen data. Certain from the rows themselves; shown on the fit, fixed by a fresh
 * model per fold.
 */
function scoredOnTrainedRows(run: ModelState): Hypothesis[] {
  const e = run.scoredOnTrainedRows;
  const at = e?.fitSite ?? e?.site;
  if (!e || !at) return [];
  const scored = e.call === 'evaluate' ? `evaluated${e.site ? ` on line ${e.site.line}` : ''}` : 'given as validation data';
  return [
    {
      id: 'scored-on-trained-rows',
      symptom: 'scored-on-trained-rows',
      rootCause: 'training-data',
      location: at,
      related: e.call === 'evaluate' && e.site ? [{ site: e.site, message: 'scored here on rows an earlier fit trained on' }] : [],
      message: `The model fit here is trained again and again (${e.earlierFits + 1} fit calls so far), and the ${e.rows} rows ${scored} are ${fmt(Math.round(e.share * 100))}% rows an earlier fit of the same model trained on: a model built once for every fold of a cross-validation keeps what earlier folds taught it, so each later fold is scored on data it has seen and the scores rise for nothing. Build a fresh model for each fold.`,
      evidence: [`${fmt(Math.round(e.share * 100))}% of the ${e.rows} rows ${e.call === 'evaluate' ? 'evaluated' : 'of validation data'} were trained on by an earlier fit, none by the latest`, `${e.earlierFits + 1} fit calls on one model`],
      fixes: e.fitSite ? [{ title: 'Build a fresh model for each fold', plan: { kind: 'buildPerSplit', fitSite: e.fitSite } }] : [],
      ...certainFromTheRun(),
    },
  ];
}

/**
 * A numeric target column whose largest (or smallest) value repeats in 1% of the rows or more and
 * lies far apart from all the others (its gap ten times their whole range): a code for "unknown"
 * (99999, -1) kept as a value. A squared error is dominated by those rows, and the model fits them
 * at the cost of the real ones. Certain; shown where the targets were made.
 */
function targetSentinel(run: ModelState): Hypothesis[] {
  const e = run.targetSentinel;
  const at = e?.madeAt ?? e?.site;
  if (!e || !at) return [];
  return [
    {
      id: 'target-sentinel',
      symptom: 'target-sentinel',
      rootCause: 'training-data',
      ...shownAt(e.madeAt, e.site, 'trained here on those targets'),
      message: `${e.rows} of the ${e.of} targets (${pct(e.rows / e.of)}) are one value, ${fmt(e.value)}, far apart from all the others (the nearest is ${fmt(e.nearest)}, and the gap is ten times the range of the rest or more): a code for an unknown value (99999, -1) kept as if it were one. The squared error is dominated by those rows, and the model fits them at the cost of the real ones. Drop the rows whose target is that code before training.`,
      evidence: [`${e.rows} targets equal ${fmt(e.value)}`, `the nearest other target is ${fmt(e.nearest)}`],
      fixes: [],
      ...certainFromTheRun(),
    },
  ];
}

/**
 * fit's inputs whose largest magnitude a few values set (at most 0.1% of the nonzero ones) while
 * all the rest lie below a tenth of it: data divided by its maximum while one glitch reading was
 * that maximum, so every real value is squashed towards 0 and the first layer barely sees them
 * vary. Confirmed by a stall; shown where the inputs were computed.
 */
function inputsSquashed(run: ModelState): Hypothesis[] {
  const e = run.inputsSquashed;
  const at = e?.madeAt ?? e?.site;
  if (!e || !at) return [];
  return [
    {
      id: 'inputs-squashed',
      symptom: 'inputs-squashed',
      rootCause: 'input-normalization',
      layer: null,
      ...shownAt(e.madeAt, e.site, 'trained here on the squashed inputs'),
      message: `The inputs' scale is set by ${e.few === 1 ? 'a single value' : `${e.few} values`} of ${e.nonzero} (largest magnitude ${fmt(e.largest)}), while every other value lies below ${fmt(e.restLargest)}, ${fmt(Math.round(e.largest / e.restLargest))} times smaller: data scaled by its maximum while an outlier (a glitch reading, a sentinel) was that maximum squashes every real value towards 0, and the network barely sees them vary. Scale by a robust statistic (a percentile, the sensor's full range) or remove the outlier before scaling.`,
      evidence: [`${e.few} of ${e.nonzero} nonzero input values above a tenth of the largest (${fmt(e.largest)})`, `all others at most ${fmt(e.restLargest)}`],
      relevance: new Map(),
      fixes: [],
      confirmBy: set('loss-not-decreasing', 'accuracy-not-increasing', 'weights-unchanged', 'vanishing-gradient', 'constant-output'),
      strength: 0.9,
      weak: false,
    },
  ];
}

/**
 * A fit that begins at the rate the fit before it ended at, after that one swept the rate up a
 * thousandfold (a learning-rate range test, the rate multiplied at every batch): the sweep's last
 * rate, chosen to blow training up, is the rate training runs at. Certain; shown on the fit,
 * fixed by setting the rate the script picked before it.
 */
function rateLeftBySweep(run: ModelState): Hypothesis[] {
  const e = run.rateLeftBySweep;
  if (!e?.site) return [];
  return [
    {
      id: 'rate-left-by-sweep',
      symptom: 'rate-left-by-sweep',
      rootCause: 'learning-rate',
      location: e.site,
      related: e.sweepSite ? [{ site: e.sweepSite, message: 'the sweep raised the rate here, batch after batch' }] : [],
      message: `This fit trains at learning rate ${fmt(e.endRate)}: the fit before it swept the rate from ${fmt(e.startRate)} up to ${fmt(e.endRate)} (a range test) and nothing set it back, so training runs at the sweep's last rate, where the loss blows up. Set the rate picked from the sweep before this fit.`,
      evidence: [`the fit before swept the rate from ${fmt(e.startRate)} to ${fmt(e.endRate)}`, `this fit began at ${fmt(e.endRate)}`],
      fixes: e.sweepSite ? [{ title: 'Set the picked rate before training', plan: { kind: 'setRateBeforeFit', fitSite: e.site, sweepSite: e.sweepSite } }] : [],
      ...certainFromTheRun(),
    },
  ];
}

/**
 * A model's fit that begins at the rate another model's schedule left their shared optimizer at, ten
 * times or more below where that model began: one optimizer created outside the loop that builds
 * the models (an ensemble, cross-validation folds). The later models barely train. Certain; fixed
 * by creating the optimizer inside the loop, one per model.
 */
function rateLeftByOtherModel(run: ModelState): Hypothesis[] {
  const e = run.rateLeftByOtherModel;
  const at = e?.optimizerSite ?? e?.site;
  if (!e || !at) return [];
  return [
    {
      id: 'rate-left-by-other-model',
      symptom: 'optimizer-shared',
      rootCause: 'optimizer',
      location: at,
      related: [
        ...(e.site ? [{ site: e.site, message: `this model's fit begins at ${fmt(e.rate)}` }] : []),
        ...(e.changeSite ? [{ site: e.changeSite, message: "the other model's schedule lowered the rate here" }] : []),
      ],
      message: `This model trains with the optimizer another model trained with before, and begins where that model's schedule left its learning rate: ${fmt(e.rate)}, where that model began at ${fmt(e.startRate)}. One optimizer is shared by the models (created once, outside the loop that builds them), so each model after the first starts where the last one's schedule ended, and barely trains. Create the optimizer for each model.`,
      evidence: [`the other model's fit began at rate ${fmt(e.startRate)}`, `this fit begins at ${fmt(e.rate)}`],
      fixes: e.optimizerSite ? [{ title: 'Create the optimizer inside the loop, one for each model', plan: { kind: 'declareInLoop', site: e.optimizerSite } }] : [],
      atFix: true,
      ...certainFromTheRun(),
    },
  ];
}

/**
 * fit's targets held in its inputs: a column whose values and the targets determine each other row
 * by row (the label under another name, or a column filled only for one class), or a sequence whose
 * last step is its own target (the window's target left unshifted). The model learns to read the
 * answer off its inputs: training and validation look perfect, and on inputs where that column or
 * step does not hold the answer it is useless. Certain; shown where the inputs (for a sequence,
 * the targets) were made.
 */
function targetInInputs(run: ModelState): Hypothesis[] {
  const e = run.targetInInputs;
  const at = e?.madeAt ?? e?.site;
  if (!e || !at) return [];
  const what = e.classes === null ? 'equal to the target' : e.classes === 2 ? 'one value for each of the two classes' : `one value for each of the ${e.classes} classes`;
  const message = e.step
    ? `Each training sequence's target is its own last step (step ${e.column}, in all ${e.rows} rows read): the windows and their targets were cut with the same end, so the model learns to copy its last input, reaching perfect accuracy, and predicts nothing that comes next. The target of a window is the item after it (seq[i + W] for the window seq.slice(i, i + W)).`
    : `Input column ${e.column} holds the target itself: in all ${e.rows} rows read it is ${what}. The model learns to read the answer off that column, so training and validation look perfect, and on data where the column does not hold the answer (new rows, where it is not known yet) it is useless. Leave the column out of the inputs.`;
  return [
    {
      id: 'target-in-inputs',
      symptom: 'target-in-inputs',
      rootCause: 'training-data',
      ...shownAt(e.madeAt, e.site, 'trained here on those inputs and targets'),
      message,
      evidence: [e.step ? `the last step of every sequence equals its target (${e.rows} rows)` : `input column ${e.column} is ${what} (${e.rows} rows)`],
      fixes: e.step ? [{ title: 'Take the item after each window as its target', plan: { kind: 'targetAfterWindow', site: at } }] : [],
      ...certainFromTheRun(),
    },
  ];
}

/**
 * A raw-variable loop whose steps train only vectors (biases) while its weight matrices were made
 * with tf.variable(init, false): minimize without a varList trains only trainable variables, so
 * the kernels keep their random draws and the network can only shift them. Certain; shown where a
 * kernel is made, fixed by making it trainable.
 */
function kernelsFrozen(run: ModelState): Hypothesis[] {
  const e = run.kernelsFrozen;
  if (!e?.site) return [];
  return [
    {
      id: 'kernels-frozen',
      symptom: 'kernels-frozen',
      rootCause: 'optimizer',
      location: e.site,
      related: [],
      message: `The ${e.frozen} weight matri${e.frozen === 1 ? 'x is' : 'ces are'} made non-trainable (tf.variable(init, false), shape [${e.shape.join(', ')}] made on line ${e.site.line}), and each step trains only the ${e.trained} vectors (biases) left: the optimizer trains trainable variables alone, so the kernels keep their random draws and the network can only shift them. Make the kernels trainable.`,
      evidence: [`${e.frozen} non-trainable variables of rank 2 or more`, `every variable trained (${e.trained}) is a vector`],
      fixes: [{ title: 'Make the kernel trainable', plan: { kind: 'variableTrainable', site: e.site } }],
      ...certainFromTheRun(),
    },
  ];
}

/** The comparison kernels a threshold is seen in, as the operators the script wrote. */
const COMPARISON_OPS: Record<string, string> = { Greater: '>', GreaterEqual: '>=', Less: '<', LessEqual: '<=' };

/**
 * A trained model's predicted probabilities compared with a threshold at or outside [0, 1]
 * (`pred.greater(0)`: a threshold for logits, on a sigmoid's outputs): every row gets the same
 * answer, so labels made from it (pseudo-labels) are all one class and decisions are all alike.
 * Certain; shown on the comparison, fixed by the threshold 0.5.
 */
function thresholdOutsideOutputs(run: ModelState): Hypothesis[] {
  const e = run.thresholdOutsideOutputs;
  if (!e?.site) return [];
  const op = COMPARISON_OPS[e.kernel] ?? e.kernel;
  const always = (e.kernel.startsWith('Greater') === e.probabilityFirst) === e.threshold <= 0 ? 'true' : 'false';
  return [
    {
      id: 'threshold-outside-outputs',
      symptom: 'threshold-outside-outputs',
      rootCause: 'training-data',
      location: e.site,
      related: [],
      message: `The model's predictions are ${e.activation} probabilities, between 0 and 1, and line ${e.site.line} compares them with ${fmt(e.threshold)} (${e.probabilityFirst ? `p ${op} ${fmt(e.threshold)}` : `${fmt(e.threshold)} ${op} p`}), which is ${always} for every one of them: a threshold for logits, not probabilities. Every row gets the same answer, so labels made from it are all one class. Compare with 0.5.`,
      evidence: [`${e.activation} outputs compared with ${fmt(e.threshold)}`],
      fixes: e.activation === 'sigmoid' ? [{ title: 'Threshold the probabilities at 0.5', plan: { kind: 'thresholdTo', site: e.site, threshold: e.threshold, to: 0.5 } }] : [],
      ...certainFromTheRun(),
    },
  ];
}

/**
 * A trained model called with `{ training: true }` outside training, on inputs never repeated (so
 * not Monte-Carlo dropout): its dropout layers dropped units at random for the predictions the
 * script reports, which are noisier and worse than the model. Certain; fixed by predict.
 */
function trainingModeAfter(run: ModelState): Hypothesis[] {
  const e = run.trainingModeAfter;
  if (!e?.site) return [];
  return [
    {
      id: 'dropout-at-inference',
      symptom: 'dropout-at-inference',
      rootCause: 'regularization',
      location: e.site,
      related: [],
      message: `Line ${e.site.line} calls the trained model with { training: true }${e.calls > 1 ? ` (${e.calls} calls)` : ''}, so its dropout (${e.layers.join(', ')}) drops units at random for these predictions: they are noisier and worse than the model, and differ from run to run. Training mode is for training steps; Monte-Carlo dropout averages many such calls on the same inputs. Use model.predict, or { training: false }.`,
      evidence: [`{ training: true } outside training, on inputs never repeated`, `dropout layers: ${e.layers.join(', ')}`],
      fixes: [{ title: 'Predict in inference mode (training: false)', plan: { kind: 'trainingFlagFalse', site: e.site } }],
      ...certainFromTheRun(),
    },
  ];
}

/**
 * A 0/1 mask scaled by a large positive number and added to scores before a softmax (an attention
 * mask of 1 at the padding, added): the padded positions get all the weight, and what the softmax
 * pools is the padding. Certain; fixed by subtracting it.
 */
function maskRaisesScores(run: ModelState): Hypothesis[] {
  const e = run.maskRaisesScores;
  if (!e?.site) return [];
  // Added with a positive scale, or subtracted with a negative one: the other operation lowers them.
  const added = e.kernel !== 'Sub';
  return [
    {
      id: 'mask-raises-scores',
      symptom: 'mask-raises-scores',
      rootCause: 'architecture',
      location: e.site,
      related: [],
      message: `Line ${e.site.line} ${added ? 'adds a mask scaled by a large positive number to' : 'subtracts a mask scaled by a large negative number from'} scores a softmax then takes: the masked positions (the padding, where the mask is 1) are raised far above the rest, so the softmax puts all the weight on them and what it pools carries no word. A mask shuts positions out by lowering them: ${added ? 'subtract it (or scale it by -1e9)' : 'add it'}.`,
      evidence: [`a 0/1 mask times a large ${added ? 'positive number, added to' : 'negative number, subtracted from'} the scores`, `the softmax of the ${added ? 'sum' : 'difference'}`],
      fixes: [{ title: added ? 'Subtract the mask' : 'Add the mask', plan: { kind: 'renameOp', site: e.site, from: added ? 'add' : 'sub', to: added ? 'sub' : 'add' } }],
      ...certainFromTheRun(),
    },
  ];
}

/**
 * A division by a scalar 0 while a custom loop trained: the values divided become Infinity or NaN,
 * and the weights they update with them. After a step's forward pass it is the hand-written update
 * (Adam's bias correction 1 - beta^t at t = 0, a step count that starts at 0); in it, the loss.
 * Certain; where the divisor is a power of a count, the fix counts from 1.
 */
function dividedByZero(run: ModelState): Hypothesis[] {
  const e = run.dividedByZero;
  if (!e?.site) return [];
  // Values all equal, centred and divided by their spread (returns standardized in a batch where every episode scored the same).
  if (e.zeroOverZero) {
    return [
      {
        id: 'divided-by-zero',
        symptom: 'divided-by-zero',
        rootCause: 'input-normalization',
        location: e.site,
        related: [],
        message: `Line ${e.site.line} standardizes values that were all equal, while the model trains: their spread is 0 and each value minus their mean is 0, so every result is 0 / 0 = NaN, and so is everything computed from it, the weights first. A batch whose returns (or values) are all the same, as when no episode earned a reward, does this. Keep the divisor above 0 (add a small epsilon to the standard deviation).`,
        evidence: ['a division of values that were all 0 by a scalar 0 during training'],
        fixes: [{ title: 'Keep the standard deviation above 0', plan: { kind: 'guardDivisor', site: e.site } }],
        ...certainFromTheRun(),
        confirmBy: set(...HARM, ...NUMERIC),
        explainsAllHarm: true,
      },
    ];
  }
  return [
    {
      id: 'divided-by-zero',
      symptom: 'divided-by-zero',
      rootCause: e.inForward ? 'loss-function' : 'optimizer',
      location: e.site,
      related: [],
      message: `Line ${e.site.line} divides by 0 while the model trains${e.inForward ? ", in the step's forward pass (the model or its loss)" : ', in the update written after the gradients'}: what it divides becomes Infinity or NaN, and so does everything computed from it${e.inForward ? ', the gradients and then the weights' : ', the weights first'}. ${e.inForward ? 'A divisor that reaches 0 as training goes on does this: a temperature or scale annealed with a floor of 0 (Math.max(0, …)), a count that starts at 0. Keep it above 0.' : 'A correction 1 - beta^t with a step count t that starts at 0 is 0 at the first step (Adam counts steps from 1).'}`,
      evidence: ['a division by a scalar 0 during training'],
      fixes: [{ title: 'Count the steps from 1 in the correction', plan: { kind: 'countFromOne', site: e.site } }],
      ...certainFromTheRun(),
      // The NaN and Infinity that follow are this division's.
      confirmBy: set(...HARM, ...NUMERIC),
      explainsAllHarm: true,
    },
  ];
}

/**
 * A tf.losses function's result negated in the training loss: the optimizer maximizes that error.
 * For cosineDistance this is Keras's cosine_similarity loss carried over (already -cos there, while
 * tfjs's cosineDistance is 1 - cos). Certain; fixed by dropping the negation.
 */
function lossNegated(run: ModelState): Hypothesis[] {
  const e = run.lossNegated;
  if (!e?.site) return [];
  const cosine = e.fn === 'cosineDistance';
  return [
    {
      id: 'loss-negated',
      symptom: 'loss-negated',
      rootCause: 'loss-function',
      location: e.site,
      related: [],
      message: `Line ${e.site.line} negates tf.losses.${e.fn}: minimizing the negated error maximizes the error, so training drives the predictions away from the targets while the loss falls.${cosine ? " tfjs's cosineDistance is already 1 - cos (Keras's cosine_similarity loss, -cos, is negated for that reason); use it as it is." : ' Minimize the error itself.'}`,
      evidence: [`tf.losses.${e.fn} ${e.kernel === 'Neg' ? 'negated' : 'multiplied by a negative number'}`],
      fixes: e.kernel === 'Neg' ? [{ title: 'Drop the negation', plan: { kind: 'unwrapCall', site: e.site, op: 'neg', arity: 1 } }] : [],
      ...certainFromTheRun(),
    },
  ];
}

/**
 * A tf.randomUniform draw compared with a threshold at or outside its range
 * (`tf.randomUniform(shape).greaterEqual(50)`): the mask is all true or all false, so the dropout
 * or random choice it makes keeps everything or nothing, at every step. A threshold between 1 and
 * 100 on draws from [0, 1) is a rate written in percent: the fix writes it as a fraction. Certain.
 */
function drawComparedOutside(run: ModelState): Hypothesis[] {
  const e = run.drawComparedOutside;
  if (!e?.site) return [];
  const op = COMPARISON_OPS[e.kernel] ?? e.kernel;
  const comparison = e.drawFirst ? `u ${op} ${fmt(e.threshold)}` : `${fmt(e.threshold)} ${op} u`;
  const percent = e.low === 0 && e.high === 1 && e.threshold > 1 && e.threshold <= 100;
  const fraction = percent ? Number((e.threshold / 100).toPrecision(6)) : null;
  return [
    {
      id: 'mask-constant',
      symptom: 'mask-constant',
      rootCause: 'regularization',
      location: e.site,
      related: [],
      message: `Line ${e.site.line} compares tf.randomUniform's draws, in [${fmt(e.low)}, ${fmt(e.high)}), with ${fmt(e.threshold)} (${comparison}), which is ${e.alwaysTrue} for every draw: the mask is all ${e.alwaysTrue ? 'ones' : 'zeros'}, so the dropout or random choice it makes ${e.alwaysTrue ? 'keeps everything' : 'keeps nothing'} at every step.${fraction !== null ? ` ${fmt(e.threshold)} reads as a rate in percent: write it as a fraction, ${fmt(fraction)}.` : ' Compare with a value inside the draws\' range.'}`,
      evidence: [`uniform draws in [${fmt(e.low)}, ${fmt(e.high)}) compared with ${fmt(e.threshold)}`],
      fixes: fraction !== null ? [{ title: `Write the rate as a fraction (${fmt(fraction)})`, plan: { kind: 'thresholdTo', site: e.site, threshold: e.threshold, to: fraction } }] : [],
      ...certainFromTheRun(),
    },
  ];
}

/**
 * A custom loop's applyGradients given the very gradient tensors it was given at the steps before:
 * the gradients were computed once, before the loop, and every step applies them again, so the
 * weights keep moving in the first step's direction whatever the loss does (it falls, then grows
 * without bound). Certain; shown on the gradients' computation, fixed by computing them at each step.
 */
function gradientsReapplied(run: ModelState): Hypothesis[] {
  const e = run.gradientsReapplied;
  const at = e?.stepSite ?? e?.site;
  if (!e || !at) return [];
  return [
    {
      id: 'gradients-reapplied',
      symptom: 'gradients-reapplied',
      rootCause: 'optimizer',
      ...shownAt(e.stepSite, e.site, 'the same gradient tensors applied here at every step'),
      message: `The gradients are computed once${e.stepSite ? ` (line ${e.stepSite.line})` : ''} and applyGradients${e.site ? ` on line ${e.site.line}` : ''} is given those same tensors at every step (${e.applies} in a row): the weights keep moving in the first step's direction whatever the loss does, so it falls at first and then grows without bound. Compute the gradients inside the loop, at each step.`,
      evidence: [`applyGradients given the same gradient tensors ${e.applies} steps in a row`],
      fixes: e.site ? [{ title: 'Compute the gradients at each step', plan: { kind: 'gradientsAtEachStep', site: e.site } }] : [],
      ...certainFromTheRun(),
    },
  ];
}

/**
 * A trained model scored on inputs standardized with their own mean and deviation, as the training
 * inputs were with theirs: both centred exactly. A shift between the two sets (a later season, a
 * new site) is erased, so the model answers as if the scored inputs were like the training ones.
 * Certain from the values; shown where the scored inputs are scaled.
 */
function scaledApart(run: ModelState): Hypothesis[] {
  const e = run.scaledApart;
  const at = e?.site ?? e?.scoredAt;
  if (!e || !at) return [];
  const used = e.call.startsWith('evaluate') ? 'evaluated' : 'asked to predict';
  return [
    {
      id: 'inputs-scaled-apart',
      symptom: 'inputs-scaled-apart',
      rootCause: 'input-normalization',
      location: at,
      related: e.scoredAt && e.scoredAt !== at ? [{ site: e.scoredAt, message: `${used} here` }] : [],
      message: `The model is ${used} on ${e.rows} rows standardized with their own mean and deviation: each of their ${e.columns} columns is centred on 0 with a spread of 1 exactly, as the ${e.trainRows} training rows were with theirs. Each set was scaled with its own statistics (a scaler fit again on the new data), so whatever sets the new rows apart, a shift in level or spread, is erased before the model sees it. Scale them with the training mean and deviation.`,
      evidence: [`the ${e.rows} scored rows and the ${e.trainRows} training rows are each centred exactly`],
      fixes: [{ title: 'Scale them with the training mean and deviation', plan: { kind: 'trainingMoments', site: at } }],
      ...certainFromTheRun(),
    },
  ];
}

/**
 * A trained model asked to predict (or evaluated) on inputs most of whose columns lie ten or more
 * training deviations from their training means: the inputs were scaled for training and given
 * raw afterwards (or the reverse). Its answers are those of inputs it never saw, however well it
 * trained. Certain from the values; shown where the inputs are given, fixed by scaling them as the
 * training inputs were.
 */
function inputsOffScale(run: ModelState): Hypothesis[] {
  const e = run.inputsOffScale;
  if (!e?.site) return [];
  const refit = e.call === 'fit';
  const used = refit ? 'trained again' : e.call.startsWith('evaluate') ? 'evaluated' : 'asked to predict';
  const column = `column ${e.column}: mean ${fmt(e.givenMean)} ± ${fmt(e.givenStd)}, where ${refit ? 'the first fit' : 'training'} had ${fmt(e.trainMean)} ± ${fmt(e.trainStd)}`;
  const offBy = `${e.offColumns} of ${e.columns} columns lie ten or more training deviations from their training means or spread ten times narrower or wider`;
  return [
    {
      id: 'inputs-off-scale',
      symptom: 'inputs-off-scale',
      rootCause: 'input-normalization',
      location: e.site,
      related: e.fitSite && e.fitSite !== e.site ? [{ site: e.fitSite, message: refit ? 'fit again here on the rescaled inputs' : 'trained here on inputs of another scale' }] : [],
      message: refit
        ? `The inputs made on line ${e.site.line} are on another scale at each fit of the same model: ${offBy} (${column}). They are scaled again before every fit (a scaling inside the loop, applied to its own result), so each fit trains on a distribution the last one never saw. Scale them once, before the loop.`
        : `The model is ${used} on line ${e.site.line} on inputs of another scale than it trained on: ${offBy} (${column}). The inputs were scaled for training and not here, so its answers are those of inputs it never saw. Scale them as the training inputs were.`,
      evidence: [`${e.offColumns} of ${e.columns} input columns off the ${refit ? 'first fit' : 'training'} scale`, column],
      fixes: refit
        ? [{ title: 'Scale the inputs once, before the loop', plan: { kind: 'hoistAssignment', site: e.site } }]
        : e.fitSite ? [{ title: 'Scale the inputs as the training inputs were', plan: { kind: 'scaleInputsLike', site: e.site, fitSite: e.fitSite } }] : [],
      ...certainFromTheRun(),
    },
  ];
}

/**
 * The loss subtracts a penalty computed from the trained weights alone through squares or absolute
 * values (`dataLoss.sub(l2)`): minimizing it rewards large weights, which grow until the penalty
 * swamps the data and the loss falls without bound. Certain from the first step; fixed by adding it.
 */
function penaltySubtracted(run: ModelState): Hypothesis[] {
  const e = run.penaltySubtracted;
  if (!e?.site) return [];
  return [
    {
      id: 'penalty-subtracted',
      symptom: 'penalty-subtracted',
      rootCause: 'loss-function',
      layer: null,
      location: e.site,
      related: [],
      message: 'The loss subtracts a penalty computed from the weights alone (a sum of their squares or absolute values): minimizing it rewards large weights, which grow until the penalty swamps the data term and the loss falls without bound. A weight penalty is added to the loss.',
      evidence: ['the subtracted side depends only on trained weights, through a square or an absolute value'],
      relevance: new Map(),
      fixes: [{ title: 'Add the penalty instead of subtracting it', plan: { kind: 'renameOp', site: e.site, from: 'sub', to: 'add' } }],
      confirmBy: set(...HARM, ...NUMERIC, 'loss-diverging'),
      strength: 1,
      weak: false,
      keepWhenLearning: true,
      certain: true,
      explainsAllHarm: true,
    },
  ];
}

/**
 * A custom loop clips its gradients to [0, c] (or any bounds at or above 0) where [-c, c] was
 * meant: every negative component becomes 0, so each weight can only fall, and training drifts
 * wherever that takes it. Certain from the clip; fixed by making the lower bound minus the upper.
 */
function oneSidedClip(run: ModelState): Hypothesis[] {
  const e = run.oneSidedClip;
  if (!e?.site) return [];
  return [
    {
      id: 'gradients-clipped-one-sided',
      symptom: 'gradients-clipped-one-sided',
      rootCause: 'optimizer',
      layer: null,
      location: e.site,
      related: [],
      message: `The gradients are clipped to [${fmt(e.min)}, ${fmt(e.max)}], which leaves out every negative value: each negative component becomes ${fmt(e.min)}, so the optimizer only ever moves a weight one way (down, for a descent). Clip to [${fmt(-e.max)}, ${fmt(e.max)}].`,
      evidence: [`clipByValue(gradient, ${fmt(e.min)}, ${fmt(e.max)})`],
      relevance: new Map(),
      fixes: [{ title: `Clip to [${fmt(-e.max)}, ${fmt(e.max)}]`, plan: { kind: 'clipSymmetric', site: e.site } }],
      confirmBy: set(...HARM, ...NUMERIC, 'loss-diverging', 'dead-relu'),
      strength: 1,
      weak: false,
      keepWhenLearning: true,
      certain: true,
      explainsAllHarm: true,
    },
  ];
}

/**
 * The loss divides by a count it sums from a 0/1 tensor (`tf.sum(mask)`: the rows a mask keeps).
 * A batch that keeps no row divides 0 by 0, which is NaN, and the NaN gradient turns every weight
 * into NaN. That is an ordinary masked mean until it happens: shown only when the loss turns NaN on
 * finite outputs, on the division, fixed by dividing by at least 1.
 */
function lossDividedByCount(run: ModelState): Hypothesis[] {
  const e = run.lossDividedByCount;
  if (!e?.site) return [];
  return [
    {
      id: 'loss-divided-by-count',
      symptom: 'loss-divided-by-count',
      rootCause: 'loss-function',
      layer: null,
      location: e.site,
      related: [],
      message: e.columns
        ? `The loss divides by ${e.columns} counts it sums from 0s and 1s, one per column (a one-hot tensor's rows of each class: the fewest ${fmt(e.count)} of ${e.of} in the first batch). A batch without a row of some class divides 0 by 0 for that class, which is NaN, and its NaN gradient turns every weight into NaN: a rare class is missing from many batches. Divide by at least 1.`
        : `The loss divides by a count it sums from 0s and 1s (a mask's kept rows: ${fmt(e.count)} of ${e.of} in the first batch). A batch that keeps no row divides 0 by 0, which is NaN, and its NaN gradient turns every weight into NaN. Divide by at least 1.`,
      evidence: [e.columns ? `divides by ${e.columns} column sums of ${e.of} values each, all 0 or 1` : `divides by the sum of ${e.of} values that are all 0 or 1`],
      relevance: new Map(),
      fixes: [{ title: 'Divide by at least 1', plan: { kind: 'countAtLeastOne', site: e.site } }],
      confirmBy: set('non-finite-loss', 'non-finite-gradients', 'non-finite-weights'),
      strength: 0.9,
      weak: false,
      quiet: true,
    },
  ];
}

/**
 * tf.losses.logLoss called by a loss function fit was compiled with takes probabilities, but the
 * model's output has no activation that keeps it in [0, 1]: past 1, log(1 - p) is NaN, and below 0,
 * log(p) is. Certain from the output layer and the loss call; the fix adds sigmoid.
 */
function logLossOnUnboundedOutput(view: ModelView, run: ModelState): Hypothesis[] {
  const call = run.lossCalls.get('logLoss');
  const o = view.outputs.length === 1 ? view.outputs[0]! : null;
  // A custom loop's loss is its tf.losses call: the output checks see logLoss there already.
  if (!call || !o || PROBABILITY_OUTPUTS.has(o.activation) || o.units !== 1 || o.loss?.kind === 'binary') return [];
  const L = o.actLayer;
  return [
    {
      id: `activation-loss-mismatch:logLoss:${L.info.name}`,
      symptom: 'activation-loss-mismatch',
      rootCause: 'output-activation',
      layer: L,
      location: L.info.site,
      related: call.site ? [{ site: call.site, message: 'tf.losses.logLoss takes its outputs as probabilities here' }] : [],
      message: `tf.losses.logLoss takes probabilities, log(p) and log(1 - p), but ${L.info.name} applies ${o.activation}, whose outputs go ${o.activation === 'linear' ? 'below 0 and above 1' : 'above 1'}: there the log is NaN, and the first such output turns the loss and then the weights into NaN. Use sigmoid on ${L.info.name}.`,
      evidence: [`${L.info.name} applies ${o.activation}`, 'loss: tf.losses.logLoss'],
      relevance: outputRelevance(view, o, `${o.activation} output under logLoss`),
      fixes: [activationFix(L, 'sigmoid')],
      confirmBy: set(...HARM, ...NUMERIC, 'output-out-of-range'),
      strength: 0.95,
      weak: false,
      certain: true,
    },
  ];
}

/**
 * huberLoss with a delta far below the errors it measures, under a step that follows the gradient's
 * size (SGD, momentum): past delta the loss grows by delta per unit of error, so every gradient is
 * at most delta and the weights barely move. Adaptive optimizers rescale the steps and train on.
 * Confirmed by a stall; the fix gives delta 1 (its default) where it is written.
 */
function tinyHuberDelta(view: ModelView, run: ModelState): Hypothesis[] {
  const call = run.lossCalls.get('huberLoss');
  const h = call?.huber;
  const opt = view.event.optimizer?.className ?? '';
  if (!call?.site || !h || !(h.delta > 0) || h.delta * 100 > h.meanError || !/^(?:SGD|Momentum)(?:Optimizer)?$/.test(opt)) return [];
  // Delta already 1, the scale of standardized targets: the targets are what is far too large.
  const targets = h.delta >= 1 ? (run.data.y.get(0) ?? undefined) : undefined;
  const scaled = targets ? scaleFix(view, targets, 'y') : null;
  return [
    {
      id: 'huber-delta-tiny:loss',
      symptom: 'gradients-shrunk',
      rootCause: 'loss-function',
      layer: null,
      location: call.site,
      related: [],
      message: `tf.losses.huberLoss is given delta ${fmt(h.delta)}, while its errors average ${fmt(h.meanError)}: ${scaled ? 'the targets are on a scale far beyond delta, and ' : ''}past delta the loss grows by only delta per unit of error, so every gradient is at most ${fmt(h.delta)} and ${opt.startsWith('SGD') ? 'SGD' : 'momentum SGD'}'s steps, which follow the gradient's size, barely move the weights. ${scaled ? 'Scale the targets to a few units (and the predictions back), where a delta of 1 is the size of a typical error.' : 'Delta is the error below which Huber is squared: about the size of a typical error (1 by default).'}`,
      evidence: [`huberLoss delta ${fmt(h.delta)}`, `mean absolute error ${fmt(h.meanError)} at the first step`],
      relevance: new Map(),
      fixes: scaled
        ? [scaled]
        : [
            { title: 'Use delta 1 (the default)', plan: { kind: 'declaredArgument', site: call.site, callee: 'huberLoss', index: 3, to: '1' } },
            { title: 'Use delta 1 in the call', plan: { kind: 'callArgument', site: call.site, callee: 'huberLoss', index: 3, to: '1' } },
          ],
      confirmBy: set('loss-not-decreasing', 'weights-unchanged', 'accuracy-not-increasing'),
      strength: 0.9,
      weak: false,
      // The delta's fix is shown where it edits; scaled targets are shown at the loss.
      ...(scaled ? {} : { atFix: true }),
    },
  ];
}

/** Optimizers that divide each step by √(mean squared gradient) + epsilon, and the tf.train factory that makes each (epsilon is its fourth argument). */
const EPSILON_OPTIMIZERS: Record<string, string> = { Adam: 'adam', Adamax: 'adamax', RMSProp: 'rmsprop' };
/** An epsilon this large swamps gradients of ordinary size (tfjs's default is 1e-7). */
const LARGE_EPSILON = 0.01;

/**
 * Adam's (or RMSProp's) epsilon set large, such as the 1.0 the TensorFlow docs mention for
 * Inception: each step is learningRate × m / (√v + epsilon), so for gradients far below epsilon it
 * shrinks to learningRate × gradient / epsilon and the per-weight scaling is lost. A warning,
 * confirmed by a stall or by a run that ends near the no-skill loss.
 */
function largeEpsilon(view: ModelView): Hypothesis[] {
  const opt = view.event.optimizer;
  const factory = opt ? EPSILON_OPTIMIZERS[opt.className.replace(/Optimizer$/, '')] : undefined;
  const epsilon = opt?.settings['epsilon'];
  const site = view.optimizerSite;
  if (!opt || !factory || typeof epsilon !== 'number' || !(epsilon >= LARGE_EPSILON) || !site) return [];
  const name = opt.className.replace(/Optimizer$/, '');
  return [
    {
      id: 'optimizer-epsilon-large:optimizer',
      symptom: 'optimizer-epsilon-large',
      rootCause: 'optimizer',
      layer: null,
      location: site,
      related: [],
      message: `${name}'s epsilon is ${fmt(epsilon)} (tfjs's default is 1e-7). ${name} divides each step by the root of the mean squared gradient plus epsilon, so for gradients much smaller than ${fmt(epsilon)} the epsilon dominates: each step is about learning rate × gradient / ${fmt(epsilon)}, far below the learning rate, and the per-weight scaling that makes ${name} work is lost.`,
      evidence: [`${name}(…, epsilon ${fmt(epsilon)})`],
      relevance: new Map(),
      fixes: [{ title: `Use ${name}'s default epsilon (1e-7)`, plan: { kind: 'callArgument', site, callee: factory, index: 3, to: '1e-7' } }],
      confirmBy: set('loss-not-decreasing', 'accuracy-not-increasing', 'weights-unchanged', 'vanishing-gradient'),
      strength: 0.75,
      weak: false,
      settlesHigh: true,
    },
  ];
}

/** A decay this low leaves RMSProp's mean square the last gradient's alone (tfjs's default is 0.9). */
const SIGN_STEP_DECAY = 0.1;

/**
 * RMSProp's second argument is its decay, not its momentum: `tf.train.rmsprop(0.01, 0)` written
 * for "no momentum" makes the running mean square the current gradient's square, so every step
 * is learningRate × g / |g|, a step of the full rate whatever the gradient's size. The weights
 * jump back and forth across the minimum and the loss never settles. Nobody sets a decay of 0 on
 * purpose, so it is certain from the settings; the fix gives the decay its default.
 */
function rmspropDecayZero(view: ModelView): Hypothesis[] {
  const opt = view.event.optimizer;
  const decay = opt?.settings['decay'];
  const site = view.optimizerSite;
  if (!opt || opt.className.replace(/Optimizer$/, '') !== 'RMSProp' || typeof decay !== 'number' || !(decay <= SIGN_STEP_DECAY) || !site) return [];
  const momentum = opt.settings['momentum'];
  return [
    {
      id: 'rmsprop-decay-zero:optimizer',
      symptom: 'rmsprop-decay-zero',
      rootCause: 'optimizer',
      layer: null,
      location: site,
      related: [],
      message: `RMSProp's decay is ${fmt(decay)} (tfjs's default is 0.9): tf.train.rmsprop takes (learningRate, decay, momentum, …), so its second argument is not the momentum. With so low a decay the mean square RMSProp divides by is the last gradient's own square, so every step is the learning rate times the gradient's sign: a full-size step whatever the gradient, which keeps the weights jumping across the minimum instead of settling.`,
      evidence: [`RMSProp(…, decay ${fmt(decay)}${typeof momentum === 'number' ? `, momentum ${fmt(momentum)}` : ''})`],
      relevance: new Map(),
      fixes: [{ title: "Use RMSProp's default decay (0.9)", plan: { kind: 'callArgument', site, callee: 'rmsprop', index: 1, to: '0.9' } }],
      confirmBy: set('loss-not-decreasing', 'accuracy-not-increasing', 'loss-oscillating', 'loss-diverging'),
      strength: 0.95,
      weak: false,
      keepWhenLearning: true,
      certain: true,
    },
  ];
}

/**
 * `tf.train.momentum(0.05, true)`, written to switch Nesterov on: the second argument is the
 * momentum, and `true` counts as 1, so the velocity never decays. Every gradient ever seen keeps
 * pushing at full weight, the weights overshoot and swing further each time, and the loss climbs.
 * Certain from the settings; the fix puts a momentum before the flag.
 */
function momentumGivenBoolean(view: ModelView): Hypothesis[] {
  const opt = view.event.optimizer;
  const momentum = opt?.settings['momentum'];
  const site = view.optimizerSite;
  if (!opt || opt.className.replace(/Optimizer$/, '') !== 'Momentum' || typeof momentum !== 'boolean' || !site) return [];
  return [
    {
      id: 'momentum-given-boolean:optimizer',
      symptom: 'momentum-given-boolean',
      rootCause: 'optimizer',
      layer: null,
      location: site,
      related: [],
      message: `tf.train.momentum is given ${momentum} as its momentum: it takes (learningRate, momentum, useNesterov), so the flag went where the momentum goes${momentum ? ', and true counts as 1. With a momentum of 1 the velocity keeps every gradient it has ever seen at full weight and never slows, so the weights overshoot further at each swing and the loss climbs' : ', and false counts as 0: plain SGD, without the momentum asked for'}.`,
      evidence: [`Momentum(…, momentum ${momentum})`],
      relevance: new Map(),
      fixes: [{ title: `Give the momentum (0.9) before the Nesterov flag`, plan: { kind: 'callArgument', site, callee: 'momentum', index: 1, to: `0.9, ${momentum}` } }],
      confirmBy: set('loss-not-decreasing', 'accuracy-not-increasing', 'loss-oscillating', 'loss-diverging'),
      strength: 0.95,
      weak: false,
      keepWhenLearning: momentum,
      certain: true,
    },
  ];
}

/**
 * Adam's (or RMSProp's) epsilon set to 0, to match a formula "exactly": a weight whose gradient is
 * 0 at every step (an input column that is always 0, a dead unit's) gets a step of 0 / 0, NaN, and
 * NaN times the 0 it multiplies is NaN again, so the outputs and the loss follow. Confirmed by
 * non-finite weights or outputs; the fix restores the default.
 */
function zeroEpsilon(view: ModelView): Hypothesis[] {
  const opt = view.event.optimizer;
  const factory = opt ? EPSILON_OPTIMIZERS[opt.className.replace(/Optimizer$/, '')] : undefined;
  const epsilon = opt?.settings['epsilon'];
  const site = view.optimizerSite;
  if (!opt || !factory || typeof epsilon !== 'number' || !(epsilon <= 0) || !site) return [];
  const name = opt.className.replace(/Optimizer$/, '');
  return [
    {
      id: 'optimizer-epsilon-zero:optimizer',
      symptom: 'optimizer-epsilon-zero',
      rootCause: 'optimizer',
      layer: null,
      location: site,
      related: [],
      message: `${name}'s epsilon is ${fmt(epsilon)} (tfjs's default is 1e-7). ${name} divides each step by the root of the mean squared gradient plus epsilon: a weight whose gradient is 0 at every step (an input column that is 0 in every training row, a unit that never fires) gets 0 / 0, NaN, and NaN times the 0 it then multiplies is NaN too, so the outputs and the loss turn NaN.`,
      evidence: [`${name}(…, epsilon ${fmt(epsilon)})`],
      relevance: new Map(),
      fixes: [{ title: `Use ${name}'s default epsilon (1e-7)`, plan: { kind: 'callArgument', site, callee: factory, index: 3, to: '1e-7' } }],
      confirmBy: set(...NUMERIC, 'constant-output', 'loss-not-decreasing'),
      strength: 0.95,
      weak: false,
    },
  ];
}

/** A class of the targets: its number, its share of the rows and its classWeight. */
type ClassWeighed = { c: number; f: number; w: number };

/**
 * fit's classWeight beside the targets' classes: each class present, its share of the targets and
 * its weight (1 when not given), the most and the least common of them; and the weights that would
 * balance them, total / (classes × count), written as fit's option. Null without a classWeight, one
 * output with class targets, or two classes.
 */
function fitClassWeights(view: ModelView, run: ModelState): { text: string; fitSite: SourceSite; weights: Record<string, number>; classes: ClassWeighed[]; common: ClassWeighed; rare: ClassWeighed; balanced: string } | null {
  const text = view.event.fitConfig['classWeights'];
  const fitSite = view.event.fitSite;
  const t = run.data.target(0);
  if (typeof text !== 'string' || !fitSite || view.outputs.length !== 1 || !t?.freqs) return null;
  let weights: Record<string, number>;
  try {
    weights = JSON.parse(text) as Record<string, number>;
  } catch {
    return null;
  }
  const classes = t.freqs.map((f, c) => ({ c, f, w: weights[String(c)] ?? 1 })).filter((x) => x.f > 0);
  if (classes.length < 2) return null;
  // Balanced weights, total / (classes × count): each class then weighs the same in the loss.
  const balanced = classes.map((x) => `${x.c}: ${literal(Number((1 / (classes.length * x.f)).toPrecision(3)))}`).join(', ');
  const common = classes.reduce((a, b) => (b.f > a.f ? b : a));
  const rare = classes.reduce((a, b) => (b.f < a.f ? b : a));
  return { text, fitSite, weights, classes, common, rare, balanced };
}

/**
 * fit's classWeight gives the common class the larger weight: on imbalanced targets that multiplies
 * the imbalance it was meant to undo, and the model predicts the common class for nearly every row.
 * Nobody weights the majority up on purpose, so it is certain from the targets and the weights
 * (the weights were written the wrong way round); the fix swaps them.
 */
function classWeightsInverted(view: ModelView, run: ModelState): Hypothesis[] {
  const given = fitClassWeights(view, run);
  if (!given) return [];
  const { text, fitSite, weights, classes, common, rare, balanced } = given;
  // Imbalanced (the rare class at most half as frequent), and the common class weighted at least twice the rare one.
  if (rare.f > 0.5 * common.f || common.w < 2 * rare.w) return [];
  const effective = (common.f * common.w) / (rare.f * rare.w);
  const swap = Object.keys(weights).length === 2 && classes.length === 2;
  return [
    {
      id: 'class-weights-inverted:fit',
      symptom: 'class-weights-inverted',
      rootCause: 'training-data',
      layer: null,
      location: fitSite,
      related: [],
      message: `classWeight gives class ${common.c}, ${pct(common.f)} of the targets, weight ${fmt(common.w)} and class ${rare.c}, ${pct(rare.f)} of them, weight ${fmt(rare.w)}: the common class is weighted up, so in the loss it now outweighs the rare one ${fmt(effective)} to 1 instead of ${fmt(common.f / rare.f)} to 1, which pushes the model to predict class ${common.c} for nearly every row. ${swap ? 'The weights are the wrong way round: the rare class should get the larger one.' : 'The weights sit on the wrong classes (computed in one order of the classes, keyed by another?): the rarer a class, the larger its weight should be.'}`,
      evidence: [`classWeight ${text}`, `class frequencies ${classes.map((x) => `${x.c}: ${pct(x.f)}`).join(', ')}`],
      relevance: new Map(),
      fixes: swap ? [{ title: `Swap the class weights: class ${rare.c} gets ${fmt(common.w)}`, plan: { kind: 'swapClassWeights', fitSite } }] : [{ title: 'Weight each class by its inverse frequency', plan: { kind: 'replaceFitOption', fitSite, key: 'classWeight', with: `classWeight: { ${balanced} }` } }],
      confirmBy: set(...HARM, 'minority-never-predicted'),
      strength: 0.9,
      weak: false,
      keepWhenLearning: true,
      certain: true,
      // Two weights, swapped where they are declared; more, shown where the script writes them.
      ...(swap ? { atFix: true } : { writtenOption: 'classWeight' }),
    },
  ];
}

/** The rare class at most this share of the common one: imbalance class weights are there to undo. */
const WEIGHTED_IMBALANCE = 0.2;

/**
 * fit's classWeight gives every class the same weight on targets where one class is at least five
 * times rarer than another: a weighting that changes nothing, so the imbalance it was written for
 * stays. Weights computed from class counts come out equal when the counts do, as when one-hot
 * targets are summed along each row (1 apiece) instead of down the rows. Certain from the targets
 * and the weights; shown where the counts are taken when that is what happened (fixed to axis 0),
 * else at fit.
 */
function classWeightsEqual(view: ModelView, run: ModelState): Hypothesis[] {
  const given = fitClassWeights(view, run);
  if (!given) return [];
  const { text, fitSite, weights, classes, common, rare, balanced } = given;
  const written = Object.values(weights);
  if (rare.f > WEIGHTED_IMBALANCE * common.f || written.length < classes.length || written.some((w) => w !== written[0])) return [];
  return [
    {
      id: 'class-weights-equal:fit',
      symptom: 'class-weights-equal',
      rootCause: 'loss-function',
      layer: null,
      location: fitSite,
      related: [],
      message: `classWeight gives every class the same weight, ${fmt(written[0]!)}, while class ${rare.c} is ${pct(rare.f)} of the targets and class ${common.c} ${pct(common.f)}: equal weights change nothing, so the imbalance they were written to undo stays and the model leans on class ${common.c}. Weights computed from class counts come out equal when the counts do: one-hot targets summed along each row count 1 for every row; the counts per class are the sums down the rows (axis 0).`,
      evidence: [`classWeight ${text}`, `class frequencies ${classes.map((x) => `${x.c}: ${pct(x.f)}`).join(', ')}`],
      relevance: new Map(),
      fixes: [
        { title: 'Count the classes down the rows: sum over axis 0', plan: { kind: 'countClassesDown', fitSite } },
        { title: 'Weight each class by its inverse frequency', plan: { kind: 'replaceFitOption', fitSite, key: 'classWeight', with: `classWeight: { ${balanced} }` } },
      ],
      confirmBy: set(...HARM, 'minority-never-predicted'),
      strength: 0.9,
      weak: false,
      keepWhenLearning: true,
      certain: true,
      atFix: true,
    },
  ];
}

/** classWeight weights averaging this or less per row shrink the loss a hundredfold. */
const TINY_MEAN_CLASS_WEIGHT = 0.01;

/**
 * fit's classWeight multiplies each row's loss by its class's weight. Weights that average a
 * hundredth or less over the training rows (raw inverse counts, 1 / count, where count-normalized
 * ones were meant) shrink the loss and its gradient as much, and under SGD, with or without
 * momentum, the steps with them: the learning rate is in effect that much smaller. Certain from the
 * targets, the weights and the optimizer (adaptive optimizers rescale their steps and are left
 * alone); fixed with weights that balance the classes and average 1.
 */
function classWeightsTiny(view: ModelView, run: ModelState): Hypothesis[] {
  const band = optimizerBand(view.event.optimizer);
  const given = band && /^SGD/.test(band.name) ? fitClassWeights(view, run) : null;
  if (!band || !given || given.classes.some((x) => !(x.w > 0))) return [];
  const { text, fitSite, classes, balanced } = given;
  const mean = classes.reduce((s, x) => s + x.f * x.w, 0);
  if (mean > TINY_MEAN_CLASS_WEIGHT) return [];
  const lr = view.event.optimizer?.learningRate;
  return [
    {
      id: 'class-weights-tiny:fit',
      symptom: 'class-weights-tiny',
      rootCause: 'loss-function',
      layer: null,
      location: fitSite,
      related: [],
      message: `classWeight's weights average ${fmt(mean)} over the training rows: each row's loss is multiplied by its class's weight, so the loss and its gradient are ${fmt(1 / mean)} times smaller than unweighted, and ${band.name} steps with them${isNum(lr) ? `, as if its learning rate were ${fmt(lr * mean)} instead of ${fmt(lr)}` : ''}. The model barely moves from where it started. Weights of 1 / count do this: to balance the classes, scale them to average 1, total / (classes × count).`,
      evidence: [`classWeight ${text}`, `class frequencies ${classes.map((x) => `${x.c}: ${pct(x.f)}`).join(', ')}`, `mean weight per row ${fmt(mean)}`],
      relevance: new Map(),
      fixes: [{ title: 'Scale the class weights to average 1: total / (classes × count)', plan: { kind: 'replaceFitOption', fitSite, key: 'classWeight', with: `classWeight: { ${balanced} }` } }],
      confirmBy: set(...HARM, 'loss-not-decreasing', 'accuracy-not-increasing'),
      strength: 0.9,
      weak: false,
      keepWhenLearning: true,
      certain: true,
      writtenOption: 'classWeight',
    },
  ];
}

/**
 * A custom loop's hand-written update that moves each variable along its gradient (w + lr·g where
 * w - lr·g was meant): every step climbs the loss. Measured by the probe on the first three steps'
 * writes; certain, shown on the write, with a fix that subtracts.
 */
function gradientAscent(run: ModelState): Hypothesis[] {
  const e = run.gradientAscent;
  if (!e) return [];
  if (e.replaced) return [stepWrittenAsWeights(e)];
  return [
    {
      id: 'gradient-ascent:update',
      symptom: 'gradient-ascent',
      rootCause: 'optimizer',
      layer: null,
      location: e.site,
      related: [],
      message: `The update written here moves the variables along their gradients, so every step climbs the loss instead of descending it: in each of the first 3 steps, all ${e.writes} measured writes changed the variables in the gradient's direction (the least cosine between a change and its gradient: ${fmt(e.minCosine)}). Subtract the scaled gradient: w.sub(grad.mul(learningRate)).`,
      evidence: [`${e.writes} writes over the first 3 steps, each at a cosine of ${fmt(e.minCosine)} or more with its variable's gradient`],
      relevance: new Map(),
      fixes: e.site ? [{ title: 'Step down the gradient: subtract it', plan: { kind: 'descendAt', site: e.site } }] : [],
      confirmBy: set(...HARM, ...NUMERIC, 'loss-diverging', 'loss-oscillating', 'exploding-gradient'),
      strength: 1,
      weak: false,
      certain: true,
      explainsAllHarm: true,
    },
  ];
}

/**
 * A hand-written update that writes the step in place of the variable (`v.assign(g.mul(lr))`):
 * every variable becomes its scaled gradient, whatever it learned before. Measured on the first
 * steps' writes (each new value a positive multiple of its gradient): certain.
 */
function stepWrittenAsWeights(e: GradientAscentEvent): Hypothesis {
  return {
    id: 'gradient-ascent:replaced',
    symptom: 'gradient-ascent',
    rootCause: 'optimizer',
    layer: null,
    location: e.site,
    related: [],
    message: `The update written here replaces each variable with its scaled gradient instead of stepping from the variable's value: in each of the first 3 steps, every measured write set a variable to a multiple of its gradient (the least cosine between a new value and its gradient: ${fmt(e.minCosine)}), so what earlier steps learned is thrown away at every step. Subtract the step from the variable: v.assign(v.sub(grad.mul(learningRate))).`,
    evidence: [`${e.writes} writes over the first 3 steps, each new value along its variable's gradient (cosine ${fmt(e.minCosine)} or more)`],
    relevance: new Map(),
    fixes: e.site ? [{ title: "Step from the variable's value: subtract the step", plan: { kind: 'stepFrom', site: e.site } }] : [],
    confirmBy: set(...HARM, ...NUMERIC, 'loss-diverging', 'loss-oscillating', 'weights-unchanged'),
    strength: 1,
    weak: false,
    certain: true,
    explainsAllHarm: true,
  };
}

/**
 * model.setWeights called on the model while fit trains it, in two epochs or more, each time with
 * the weights fit started from (a "keep the best" callback whose comparison never saves, so it
 * restores the initial weights): what every epoch learned is thrown away. A warning on
 * the call, confirmed by a stall; the stall is then its consequence.
 */
function weightsSetDuringFit(view: ModelView, run: ModelState): Hypothesis[] {
  // Weights set back to where fit started: learned weights restored (the best so far) are a choice.
  const calls = run.weightsSet.filter((c) => c.restoresStart === true);
  const epochs = new Set(calls.map((c) => c.epoch));
  const site = calls.find((c) => c.site)?.site ?? null;
  if (epochs.size < 2 || !site) return [];
  // Every epoch starting over shows as epoch losses that never improve on the first one.
  const epochLosses = run.epochLoss.head.map((p) => p.value);
  const first = epochLosses[0];
  const startsOver = epochs.size >= 3 && epochLosses.length >= 3 && isNum(first) && Math.min(...epochLosses.slice(1)) >= 0.9 * first;
  return [
    {
      id: 'weights-reset:model',
      symptom: 'weights-reset',
      rootCause: 'weight-initialization',
      layer: null,
      location: site,
      related: view.event.fitSite ? [{ site: view.event.fitSite, message: 'fit, whose steps these calls undo' }] : [],
      message: `model.setWeights is called while fit trains the model, in ${epochs.size}${calls.length >= 8 ? ' or more' : ''} of its epochs (first in epoch ${Math.min(...epochs) + 1}), and each time it puts back the weights fit started from: what the epochs learned is thrown away and training starts again. A callback that keeps the best weights should save them when the loss improves and restore them only once, after training.`,
      evidence: [
        ...calls.slice(0, 4).map((c) => `setWeights in epoch ${c.epoch + 1}, after ${c.iter} steps, back to the weights fit started from`),
        ...(startsOver ? [`epoch losses ${epochLosses.slice(0, 6).map(fmt).join(', ')}${epochLosses.length > 6 ? ', …' : ''}: none better than the first`] : []),
      ],
      relevance: new Map(),
      // A guard that compares with a best value still at its ±Infinity start never saves: flipped, it saves.
      fixes: [{ title: 'Flip the comparison, so the branch that keeps the best weights runs when the loss improves', plan: { kind: 'flipGuard', site } }],
      atFix: true,
      confirmBy: set(...HARM, 'loss-oscillating', 'weights-unchanged'),
      strength: 0.9,
      weak: false,
      // The loss falls within each epoch and starts again at the next: that is not learning.
      keepWhenLearning: true,
      explainsAllHarm: true,
      ...(startsOver ? { certain: true } : {}),
    },
  ];
}

/**
 * A "keep the best weights" callback that put back, at the end, the weights of the epoch whose
 * validation loss was the worst (a comparison written `>`, from a best of 0): the model left is
 * that epoch's, far worse than what training reached. Certain from the epochs' losses and the
 * weights' prints; fixed where the weights are kept, by comparing with `<` from Infinity.
 */
function restoredWorstEpoch(view: ModelView, run: ModelState): Hypothesis[] {
  const call = run.weightsSet.filter((c) => c.restoresEpoch !== undefined).at(-1);
  const restored = call ? run.valLossByEpoch.get(call.restoresEpoch!) : undefined;
  const best = run.bestVal;
  if (!call || restored === undefined || !best || best.valLoss === null || run.valLossByEpoch.size < 3) return [];
  const worst = Math.max(...run.valLossByEpoch.values());
  if (!(restored >= worst && restored > 1.5 * best.valLoss && best.epoch !== call.restoresEpoch)) return [];
  const keptAt = run.weightsKeptAt;
  return [
    {
      id: 'restored-worst-epoch:model',
      symptom: 'restored-worst-epoch',
      rootCause: 'training-length',
      layer: null,
      location: keptAt ?? call.site,
      related: call.site ? [{ site: call.site, message: `puts back epoch ${call.restoresEpoch! + 1}'s weights` }] : [],
      message: `The weights put back at the end of training are epoch ${call.restoresEpoch! + 1}'s, whose validation loss, ${fmt(restored)}, was the worst of the ${run.valLossByEpoch.size} epochs; epoch ${best.epoch + 1} reached ${fmt(best.valLoss)}. The callback that keeps the best weights keeps them when the loss rises: its comparison runs the wrong way (or starts from a best of 0). Keep them when the validation loss is lower than the best so far, starting from Infinity.`,
      evidence: [`setWeights puts back the weights getWeights returned in epoch ${call.restoresEpoch! + 1}`, `validation loss ${fmt(restored)} there, the highest; ${fmt(best.valLoss)} at best (epoch ${best.epoch + 1})`],
      relevance: new Map(),
      fixes: keptAt ? [{ title: 'Keep the weights when the validation loss is lower than the best so far (from Infinity)', plan: { kind: 'keepLowerLoss', site: keptAt } }] : [],
      atFix: true,
      confirmBy: set(...HARM, 'overfitting'),
      strength: 1,
      weak: false,
      keepWhenLearning: true,
      certain: true,
    },
  ];
}

/** Of the clamped values, the share the optimizer moved below 0 at each step for the clamp to count as binding. */
const CLAMP_BINDING = 0.1;

/**
 * A custom loop that sets to 0 every trained weight the optimizer moved below 0, after each step
 * (a non-negativity constraint written by hand). When it binds (a tenth or more of the values went
 * below 0 at each step: the loss asks for them negative) on every kernel of the model, the output
 * can only rise with each input through monotone activations: certain. A clamp on some kernels
 * only (an input-convex network's) is a warning kept while the model learns.
 */
function weightsClamped(run: ModelState): Hypothesis[] {
  const e = run.weightsClamped;
  if (!e?.site || e.belowZeroShare < CLAMP_BINDING) return [];
  const every = e.kernels > 0 && e.variables >= e.kernels;
  return [
    {
      id: 'weights-clamped:model',
      symptom: 'weights-clamped',
      rootCause: 'architecture',
      layer: null,
      location: e.site,
      related: [],
      message: `After each step, this line sets to 0 every weight the optimizer moved below 0: ${pct(e.belowZeroShare)} of the values of ${e.variables === 1 ? 'the weight tensor it writes' : `the ${e.variables} weight tensors it writes`}, at each of the first ${e.steps} steps. The loss keeps asking for those weights below 0, and the clamp denies it.${every ? ` Every kernel of the model is clamped, so through monotone activations (relu, sigmoid, tanh) its output can only rise with each input: any input that should lower the prediction cannot.` : ''} Drop the clamp; to keep predictions positive, give the output layer a softplus or relu instead.`,
      evidence: [`${pct(e.belowZeroShare)} of the clamped values were below 0 after the optimizer's step`, `${e.variables} of ${e.kernels} kernels clamped`],
      relevance: new Map(),
      fixes: [{ title: 'Remove the clamp', plan: { kind: 'removeStatement', site: e.site } }],
      confirmBy: set('loss-not-decreasing', 'accuracy-not-increasing', 'weights-unchanged', 'dead-relu'),
      strength: 0.9,
      weak: false,
      keepWhenLearning: true,
      ...(every ? { certain: true } : {}),
    },
  ];
}

/** A weight decay shrinks weights by a small fraction a step; a factor below this one is no decay but a collapse. */
const DECAY_FACTOR_LOW = 0.9;

/**
 * A custom loop's trained weights written outside the optimizer after every step (an exponential
 * average written back into the weights instead of into an evaluation copy, saved weights restored):
 * what each step learned is replaced, in part or in whole. The write may be meant (weight clipping,
 * Lookahead), so a stall must confirm it; no fix, since what the write should do is the script's,
 * unless every weight was multiplied by one factor far below 1: a weight decay written as the factor
 * (0.5 where 1 − 5e-4 was meant), fixed where the factor is written.
 */
function weightsOverwritten(run: ModelState): Hypothesis[] {
  const e = run.weightsOverwritten;
  // A clamp to 0 or above is told as such (weightsClamped).
  if (!e?.site || run.weightsClamped) return [];
  const f = e.factor;
  if (f !== undefined && f >= 0 && f < DECAY_FACTOR_LOW) {
    // A factor given as the decay itself (`mul(5e-4)`) keeps its digits: `1 - 5e-4`.
    const given = f > 0 && f <= 0.01;
    const to = `1 - ${given ? literal(f) : '5e-4'}`;
    const title = `Multiply by ${to} (a decay of ${given ? fmt(f) : '5e-4'} a step)`;
    return [
      {
        id: 'weights-overwritten:model',
        symptom: 'weights-overwritten',
        rootCause: 'regularization',
        layer: null,
        location: e.site,
        related: [],
        message: `After each step the optimizer takes, this line multiplies ${e.variables === 1 ? 'one of the weights' : `${e.variables} of the weight tensors`} by ${fmt(f)}: a weight decay that takes away ${pct(1 - f)} of every weight at every step, so the weights shrink towards 0 faster than any step can move them and the model cannot learn. A weight decay multiplies by a factor just below 1 (1 − 5e-4).`,
        evidence: [`the model's trained weights multiplied by ${fmt(f)} after ${e.steps} steps in a row`],
        relevance: new Map(),
        fixes: [
          { title, plan: { kind: 'declaredArgument', site: e.site, callee: 'mul', index: 0, to } },
          { title, plan: { kind: 'callArgument', site: e.site, callee: 'mul', index: 0, to } },
        ],
        confirmBy: set('loss-not-decreasing', 'accuracy-not-increasing', 'weights-unchanged', 'constant-output', 'vanishing-gradient'),
        strength: 0.95,
        weak: false,
      },
    ];
  }
  if (e.clipBound !== undefined) {
    const c = e.clipBound;
    return [
      {
        id: 'weights-overwritten:model',
        symptom: 'weights-overwritten',
        rootCause: 'regularization',
        layer: null,
        location: e.site,
        related: [],
        message: `After each step the optimizer takes, this line clips ${e.variables === 1 ? 'one of the weight tensors' : `${e.variables} of the weight tensors`} to [${fmt(-c)}, ${fmt(c)}] (${e.steps} steps in a row): no weight can grow past ${fmt(c)}, so the network cannot reach the scale its task needs and underfits. Clipping weights is a WGAN critic's way of bounding its slope, not a regularizer for an ordinary model; remove it (or clip the gradients instead).`,
        evidence: [`the model's trained weights clipped to ±${fmt(c)} after ${e.steps} steps in a row`],
        relevance: new Map(),
        fixes: [{ title: 'Remove the weight clipping', plan: { kind: 'removeStatement', site: e.site } }],
        confirmBy: set('loss-not-decreasing', 'accuracy-not-increasing', 'weights-unchanged', 'constant-output', 'vanishing-gradient'),
        strength: 0.95,
        weak: false,
      },
    ];
  }
  return [
    {
      id: 'weights-overwritten:model',
      symptom: 'weights-overwritten',
      rootCause: 'optimizer',
      layer: null,
      location: e.site,
      related: [],
      message: `After each step the optimizer takes, this line writes new values into ${e.variables === 1 ? 'one of the weights' : `${e.variables} of the weight tensors`} the optimizer trains (${e.steps} steps in a row, outside the optimizer): what each step learned is replaced before the next. Keep averaged or saved weights in a separate copy and write them into the model only to evaluate it, or after training.`,
      evidence: [`the model's trained weights written outside the optimizer after ${e.steps} steps in a row`],
      relevance: new Map(),
      fixes: [],
      confirmBy: set('loss-not-decreasing', 'accuracy-not-increasing', 'weights-unchanged'),
      strength: 0.85,
      weak: false,
    },
  ];
}

/**
 * Class indices that were scaled like pixels (k / 255): when one factor maps every distinct target
 * back to an integer, multiplying by it (and rounding away float error) restores the indices.
 */
function integerScaleFix(s: { distinct: number[] | null }, fitSite: SourceSite | null): PlannedFix[] {
  const values = s.distinct?.filter((v) => v > 0);
  if (!values || values.length === 0) return [];
  const factor = Math.round(1 / Math.min(...values));
  if (factor < 2 || factor > 1e6) return [];
  const integral = s.distinct!.every((v) => Math.abs(v * factor - Math.round(v * factor)) < 1e-3);
  if (!integral) return [];
  return [{ title: `Multiply the targets by ${factor} to restore integer class indices`, plan: { kind: 'scale', fitSite, role: 'y', op: { type: 'mul', by: factor } } }];
}

/** Targets that are certainly not all integers (distinct values known, or all inside (0, 1)). */
function nonInteger(s: { distinct: number[] | null; min: number | null; max: number | null }): boolean {
  if (s.distinct) return s.distinct.some((v) => !Number.isInteger(v));
  return isNum(s.min) && isNum(s.max) && s.min >= 0 && s.max < 1 && s.max > 0;
}

/** Weighted layers followed by another weighted layer with no nonlinearity in between. */
/** A linear weighted layer that feeds another weighted layer with nothing but pass-through layers between: the two are one linear map. */
function collapsesIntoNext(view: ModelView, w: LayerView): boolean {
  if (w.kind !== 'weighted' || w.act !== 'linear' || view.outputs.some((o) => o.layer.pos === w.pos)) return false;
  // A layer of the script's own reports no activation: what its call() computes is unknown, not linear.
  if (w.info.activation === null) return false;
  let cur = w;
  for (let g = 0; g < 32; g++) {
    if (cur.succs.length !== 1) return false;
    const next = view.layers[cur.succs[0]!]!;
    if (next.kind === 'weighted') return true;
    // Averaging is linear; taking a maximum is not, so max pooling keeps the layers apart.
    if (next.kind === 'passthrough' || next.kind === 'normalization' || LINEAR_POOLING.test(next.info.className)) {
      cur = next;
      continue;
    }
    return false;
  }
  return false;
}

/** Pooling that averages: linear, like the layers around it. */
const LINEAR_POOLING = /^(?:global)?average\s*pooling/i;

/**
 * A classifier whose every hidden weighted layer is linear and feeds the next weighted layer with
 * nothing nonlinear between (conv2d layers left at their default activation, with average
 * pooling): the whole network is one linear map before its softmax or sigmoid, a linear
 * classifier however deep. With two such layers or more this is no design (one layer would do):
 * certain, fixed by relu on each of them.
 */
function linearThroughout(view: ModelView): Hypothesis[] {
  const outputs = new Set(view.outputs.map((o) => o.layer.pos));
  if (view.outputs.length !== 1) return [];
  const out = view.outputs[0]!.layer;
  if (out.act !== 'softmax' && out.act !== 'sigmoid') return [];
  const weighted = view.layers.filter((l) => l.kind === 'weighted' && !outputs.has(l.pos));
  if (weighted.length < 2 || !weighted.every((l) => collapsesIntoNext(view, l))) return [];
  // Nothing nonlinear anywhere else either (an activation layer, max pooling, dropout is fine).
  if (view.layers.some((l) => !outputs.has(l.pos) && l.kind !== 'weighted' && l.kind !== 'input' && l.kind !== 'passthrough' && l.kind !== 'normalization' && !LINEAR_POOLING.test(l.info.className))) return [];
  const names = weighted.map((l) => l.info.name);
  const fix = combine(`Give ${names.join(' and ')} relu`, weighted.map((l) => activationFix(l, 'relu')));
  const first = weighted[0]!;
  return [
    {
      id: `linear-throughout:${first.info.name}`,
      symptom: 'linear-network',
      rootCause: 'hidden-activation',
      layer: first,
      location: first.info.site,
      related: weighted.slice(1).flatMap((l) => (l.info.site ? [{ site: l.info.site, message: `${l.info.name} has no activation either` }] : [])),
      message: `None of the ${weighted.length} hidden layers (${names.join(', ')}) has an activation${view.layers.some((l) => LINEAR_POOLING.test(l.info.className)) ? ', and average pooling is linear too' : ''}: the whole network is one linear map before its ${out.act}, a linear classifier however many layers it has, so it cannot learn anything a single layer could not. tfjs's layers default to no activation; give the hidden layers relu.`,
      evidence: names.map((n) => `${n}: linear`),
      relevance: new Map(weighted.map((l) => [l.pos, { score: 1, evidence: 'linear hidden layer' }])),
      // Activations from a helper whose switch falls through to its last case (no break): the breaks.
      fixes: [...(fix ? [fix] : []), { title: 'Add the missing breaks to the switch that picks the activation', plan: { kind: 'breakFallthrough', layer: first.info } }],
      confirmBy: set('loss-not-decreasing', 'accuracy-not-increasing'),
      strength: 0.9,
      weak: false,
      certain: true,
      keepWhenLearning: true,
    },
  ];
}

function missingActivation(view: ModelView): Hypothesis[] {
  const out: Hypothesis[] = [];
  // An activation applied to the layer's output and then bypassed says more (and where to fix it).
  const bypassed = new Set(unusedActivations(view).map(([, w]) => w.pos));
  for (const w of view.layers) {
    if (bypassed.has(w.pos) || !collapsesIntoNext(view, w)) continue;
    out.push({
      id: `missing-activation:${w.info.name}`,
      symptom: 'loss-not-decreasing',
      rootCause: 'hidden-activation',
      layer: w,
      location: w.info.site,
      related: [],
      message: `${w.info.name} has no activation, so it and the next layer collapse into one linear map.`,
      evidence: [`${w.info.name} is linear and feeds another weighted layer directly`],
      relevance: new Map([[w.pos, { score: 1, evidence: 'no activation between weighted layers' }]]),
      fixes: [activationFix(w, 'relu')],
      confirmBy: set('loss-not-decreasing', 'accuracy-not-increasing'),
      strength: 0.35,
      weak: true,
    });
    if (out.length >= 4) break;
  }
  return out;
}

/** Layers whose whole job is an activation. */
const ACTIVATION_LAYER = /^(?:Activation|ReLU|LeakyReLU|PReLU|ELU|ThresholdedReLU|Softmax)$/i;

/**
 * Unused activation layers applied to a linear layer that collapses into the next weighted one,
 * with that layer. An activation applied elsewhere (to a layer that has one) is left alone: it
 * may be for a model built later, and the model being trained is not linear without it.
 */
function unusedActivations(view: ModelView): Array<[UnusedLayer, LayerView]> {
  const out: Array<[UnusedLayer, LayerView]> = [];
  for (const u of view.event.unusedLayers ?? []) {
    const w = view.byName.get(u.input);
    if (w && ACTIVATION_LAYER.test(u.className) && collapsesIntoNext(view, w)) out.push([u, w]);
  }
  return out;
}

/**
 * An activation layer applied in the functional API whose output nothing takes, while the model's
 * next layer takes the activation's input (`const h = tf.layers.reLU().apply(z)`, then
 * `dropout.apply(z)`): the layers around it are one linear map. Certain from the graph: an error on
 * the call that takes the wrong tensor, fixed by passing the activation's output on. Other bypassed
 * layers are left alone: a head applied for a model built after training (a pretrained encoder's
 * classifier) looks the same while the first model trains.
 */
function unusedActivation(view: ModelView): Hypothesis[] {
  const out: Hypothesis[] = [];
  for (const [u] of unusedActivations(view)) {
    const taker = u.takenBy[0]!;
    const layer = view.byName.get(taker.name) ?? null;
    const feeds = u.input === 'input' ? "the model's input" : `${u.input}'s output`;
    out.push({
      id: `layer-output-unused:${u.name}`,
      symptom: 'layer-output-unused',
      rootCause: 'hidden-activation',
      layer,
      location: taker.site ?? u.site,
      related: u.site ? [{ site: u.site, message: `${u.name} (${u.className}) is applied here; nothing takes its output` }] : [],
      message: `${u.name} (${u.className}) is applied to ${feeds}, but nothing takes its output: ${taker.name} takes ${feeds} instead. The ${u.activation ?? u.className} it applies is not in the model, so the layers around it are one linear map. Pass ${u.name}'s output on.`,
      evidence: [`${u.name} is applied${u.site ? ` on line ${u.site.line}` : ''} and is in no model`, `${taker.name} takes ${feeds}, the input of ${u.name}`],
      relevance: layer ? new Map([[layer.pos, { score: 1, evidence: `takes the input of ${u.name}, whose output is unused` }]]) : new Map(),
      fixes: taker.site && u.site ? [{ title: `Take the output of ${u.name} (${u.className})`, plan: { kind: 'applyOutputOf', site: taker.site, unused: u.site } }] : [],
      confirmBy: set('loss-not-decreasing', 'accuracy-not-increasing'),
      strength: 0.9,
      weak: false,
      keepWhenLearning: true,
      certain: true,
    });
  }
  return out;
}

/** The words of a layer's or input's name (`item_tower` → item, tower), lower-cased. */
function nameWords(name: string): Set<string> {
  return new Set(name.split(/[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])/).map((w) => w.toLowerCase()).filter((w) => w.length >= 3 && !/^(?:input|layer|dense|tower|branch|hidden)$/.test(w)));
}

/**
 * An input of a functional model that no layer takes: tfjs trains without it, and what is fed
 * there is ignored. Certain from the graph. The branch meant for it is a layer taking an input that
 * another layer takes too: the one whose name shares a word with the unused input's, else the last
 * one built. The fix gives that layer the unused input.
 */
function unusedInput(view: ModelView): Hypothesis[] {
  const out: Hypothesis[] = [];
  for (const u of view.event.unusedInputs ?? []) {
    const words = nameWords(u.name);
    const named = u.sharedTakers.filter((t) => [...nameWords(t.name)].some((w) => words.has(w)));
    const byLine = [...u.sharedTakers].filter((t) => t.site).sort((a, b) => b.site!.line - a.site!.line);
    const taker = named.length === 1 ? named[0]! : named.length === 0 ? byLine[0] : undefined;
    const layer = taker ? view.byName.get(taker.name) ?? null : null;
    out.push({
      id: `input-unused:${u.name}`,
      symptom: 'input-unused',
      rootCause: 'architecture',
      layer,
      location: taker?.site ?? u.site,
      related: [...(u.site && taker?.site ? [{ site: u.site, message: `the input ${u.name} is made here; no layer takes it` }] : [])],
      message: `The model's input ${u.name} reaches no layer: whatever is fed there is ignored, and the model learns from its other inputs alone.${taker ? ` ${taker.name} takes ${taker.input}, which another layer takes too; it was likely meant for ${u.name}.` : ''}`,
      evidence: [`no layer of the model takes the input ${u.name}`, ...(taker ? [`${taker.name} and another layer both take ${taker.input}`] : [])],
      relevance: layer ? new Map([[layer.pos, { score: 1, evidence: `takes ${taker!.input} where ${u.name} was likely meant` }]]) : new Map(),
      fixes: taker?.site && u.site ? [{ title: `Apply ${taker.name} to the input ${u.name}`, plan: { kind: 'applyInput', site: taker.site, input: u.site } }] : [],
      confirmBy: set('loss-not-decreasing', 'accuracy-not-increasing'),
      strength: 0.9,
      weak: false,
      keepWhenLearning: true,
      certain: true,
    });
  }
  return out;
}

/** A leakyReLU whose alpha lies this close to 1 passes negative values (nearly) unchanged: the identity. */
const IDENTITY_SLOPE = 0.1;
/** tfjs's own leakyReLU alpha. */
const DEFAULT_LEAKY_ALPHA = 0.3;

/**
 * leakyReLU layers given alpha 1 (a "slope" of 1.0) are the identity: when they are the only
 * non-linearity between the weighted layers, the whole network is one linear map and cannot fit a
 * boundary that is not a straight line. A stall confirms it; the fix gives them tfjs's own alpha.
 */
function identityLeakyRelu(view: ModelView): Hypothesis[] {
  const identity = (l: LayerView) => l.kind === 'activation' && l.act === 'leakyrelu' && typeof l.info.config['alpha'] === 'number' && Math.abs(l.info.config['alpha'] - 1) <= IDENTITY_SLOPE;
  const leaky = view.layers.filter(identity);
  if (leaky.length === 0) return [];
  const outputs = new Set(view.outputs.map((o) => o.layer.pos));
  const hidden = view.layers.filter((w) => w.kind === 'weighted' && !outputs.has(w.pos));
  // Another non-linearity between the weighted layers keeps the network non-linear.
  const nonLinear = hidden.some((w) => {
    if (w.act !== 'linear') return true;
    const a = activationLayerAfter(view, w);
    return a !== null && a.act !== 'linear' && !identity(a);
  });
  if (hidden.length === 0 || nonLinear) return [];
  const alpha = leaky[0]!.info.config['alpha'] as number;
  const parts = leaky.map((l) => ({ kind: 'layerNumber' as const, layer: l.info, key: 'alpha', to: DEFAULT_LEAKY_ALPHA }));
  return [
    {
      id: `identity-activation:${leaky[0]!.info.name}`,
      symptom: 'identity-activation',
      rootCause: 'hidden-activation',
      layer: leaky[0]!,
      location: leaky[0]!.info.site,
      related: leaky.slice(1).flatMap((l) => (l.info.site ? [{ site: l.info.site, message: `${l.info.name}: alpha ${fmt(l.info.config['alpha'] as number)} too` }] : [])),
      message: `${spokenList(leaky.map((l) => l.info.name))} ${leaky.length === 1 ? 'has' : 'have'} alpha ${fmt(alpha)}: a leakyReLU multiplies negative values by alpha, so with alpha ${fmt(alpha)} it passes them ${alpha === 1 ? 'unchanged and is the identity' : 'almost unchanged'}. With no other non-linearity between the weighted layers, the whole network is one linear map and cannot fit a boundary that is not a straight line. alpha is the small slope for negative inputs (tfjs's default is ${DEFAULT_LEAKY_ALPHA}).`,
      evidence: leaky.map((l) => `${l.info.name}: alpha ${fmt(l.info.config['alpha'] as number)}`),
      relevance: new Map(leaky.map((l) => [l.pos, { score: 1, evidence: `alpha ${fmt(l.info.config['alpha'] as number)}: (nearly) the identity` }])),
      fixes: [{ title: `Give ${leaky.length === 1 ? leaky[0]!.info.name : 'the leakyReLU layers'} alpha ${DEFAULT_LEAKY_ALPHA}`, plan: parts.length === 1 ? parts[0]! : { kind: 'all', parts } }],
      confirmBy: set('loss-not-decreasing', 'accuracy-not-increasing'),
      strength: 0.85,
      weak: false,
    },
  ];
}

/** Activations that make a branch a gate (values in [0, 1] or [-1, 1] meant to scale another signal). */
const GATES = new Set(['sigmoid', 'hardsigmoid', 'tanh', 'softmax']);

/**
 * Residual blocks merged with a Multiply layer where Add was meant (`tf.layers.multiply()` on a
 * block's input and its branch): each block's output is the product of the two, so a chain of them
 * shrinks the signal towards 0 (or blows it up) and the gradient with it. A Multiply of a tensor and
 * a branch computed from it that ends in a gate (sigmoid, tanh) is gating, and no finding. A stall
 * or a constant output confirms it; the fix merges with Add.
 */
function residualMultiplied(view: ModelView): Hypothesis[] {
  const descends = (from: LayerView, to: LayerView): boolean => {
    const queue = [...from.succs];
    const seen = new Set<number>();
    while (queue.length > 0 && seen.size < 512) {
      const p = queue.shift()!;
      if (p === to.pos) return true;
      if (seen.has(p)) continue;
      seen.add(p);
      queue.push(...view.layers[p]!.succs);
    }
    return false;
  };
  const merges = view.layers.filter((l) => {
    if (!/^multiply$/i.test(l.info.className) || l.preds.length !== 2) return false;
    const [a, b] = l.preds.map((p) => view.layers[p]!) as [LayerView, LayerView];
    const branch = descends(a, b) ? b : descends(b, a) ? a : null;
    return branch !== null && !GATES.has(branch.act);
  });
  if (merges.length === 0) return [];
  const first = merges[0]!;
  const parts = merges.flatMap((l) => (l.info.site ? [{ kind: 'renameOp' as const, site: l.info.site, from: 'multiply', to: 'add' }] : []));
  return [
    {
      id: `residual-multiplied:${first.info.name}`,
      symptom: 'residual-multiplied',
      rootCause: 'architecture',
      layer: first,
      location: first.info.site,
      related: merges.slice(1).flatMap((l) => (l.info.site ? [{ site: l.info.site, message: `${l.info.name} multiplies a block's input by its branch too` }] : [])),
      message: `${merges.length === 1 ? `${first.info.name} multiplies` : `${merges.length} Multiply layers (${spokenList(merges.map((l) => l.info.name))}) multiply`} a block's input by the branch computed from it, where a residual connection adds them: each block's output is a product of two values, so through ${merges.length === 1 ? 'the block' : 'the blocks'} the signal and its gradient shrink towards 0 (or grow without bound), and the layers before learn little. A residual block merges with tf.layers.add().`,
      evidence: merges.map((l) => `${l.info.name} (Multiply) takes a tensor and a branch computed from it`),
      relevance: new Map(merges.map((l) => [l.pos, { score: 1, evidence: 'multiplies a residual branch into its input' }])),
      fixes: parts.length ? [{ title: `Merge the residual ${merges.length === 1 ? 'block' : 'blocks'} with add`, plan: parts.length === 1 ? parts[0]! : { kind: 'all', parts } }] : [],
      confirmBy: set('loss-not-decreasing', 'accuracy-not-increasing', 'constant-output', 'vanishing-gradient'),
      strength: 0.85,
      weak: false,
      alsoAbout: view.layers.filter((l) => l.pos > first.pos),
    },
  ];
}

/** The activation applied to a weighted layer's output: its own, else a separate activation layer right after it. */
function appliedActivation(view: ModelView, w: LayerView): string {
  return w.act !== 'linear' ? w.act : activationLayerAfter(view, w)?.act ?? 'linear';
}

/** The separate activation layer right after a layer, past shape-only and normalization layers; null when none. */
function activationLayerAfter(view: ModelView, w: LayerView): LayerView | null {
  let cur = w;
  for (let g = 0; g < 16 && cur.succs.length === 1; g++) {
    const next = view.layers[cur.succs[0]!]!;
    if (next.kind === 'activation') return next;
    if (next.kind !== 'passthrough' && next.kind !== 'normalization') break;
    cur = next;
  }
  return null;
}

/** The weighted layers a layer's output reaches first. */
function nextWeighted(view: ModelView, w: LayerView): LayerView[] {
  const out: LayerView[] = [];
  const seen = new Set<number>();
  const queue = [...w.succs];
  while (queue.length && seen.size < 256) {
    const pos = queue.shift()!;
    if (seen.has(pos)) continue;
    seen.add(pos);
    const l = view.layers[pos]!;
    if (l.kind === 'weighted') out.push(l);
    else queue.push(...l.succs);
  }
  return out;
}

function initText(described: unknown): string {
  const s = String(described ?? '');
  return /^(zeros|ones)$/i.test(s) ? `'${s.toLowerCase()}'` : s;
}

/** A sigmoid output's starting log-odds this far from the targets' own start it saturated: its gradient is a fiftieth or less of its largest. */
const SATURATED_LOG_ODDS = 4;
/** Without the targets' rate, a bias this large saturates any sigmoid output. */
const SATURATED_BIAS = 6;

/**
 * A sigmoid output whose bias starts at a large constant (biasInitializer constant -10, a "rare
 * event prior" with the sign or size wrong): every output starts pinned near 0 or 1, where the
 * sigmoid's slope p(1 − p) is nearly 0, so the loss barely moves it. A prior that matches the
 * targets' rate (log(p / (1 − p)), as detection models start rare classes) is no finding. A stall
 * confirms it; the fix starts the bias at 0.
 */
function saturatedOutputBias(view: ModelView, run: ModelState): Hypothesis[] {
  const out: Hypothesis[] = [];
  for (const o of view.outputs) {
    if (o.activation !== 'sigmoid' || o.actLayer !== o.layer) continue;
    const bias = initialBias(o.layer);
    // A bias at 0 is the default start, whatever the targets' rate.
    if (bias === null || !Number.isFinite(bias) || Math.abs(bias) < SATURATED_LOG_ODDS) continue;
    const y = run.data.y.get(o.slot)?.summary;
    const binary = y?.distinct?.every((v) => v === 0 || v === 1) === true && isNum(y.mean) && y.mean > 0 && y.mean < 1;
    const prior = binary ? Math.log(y!.mean! / (1 - y!.mean!)) : null;
    if (prior !== null ? Math.abs(bias - prior) < SATURATED_LOG_ODDS : Math.abs(bias) < SATURATED_BIAS) continue;
    const p = 1 / (1 + Math.exp(-bias));
    const name = o.layer.info.name;
    out.push({
      id: `saturated-output-bias:${name}`,
      symptom: 'saturated-activation',
      rootCause: 'weight-initialization',
      layer: o.layer,
      location: o.layer.info.site,
      related: [],
      message: `${name}'s bias starts at ${fmt(bias)}, so its sigmoid starts every output at about ${fmt(p)}${prior !== null ? `, while ${pct(y!.mean!)} of the targets are 1` : ''}: there the sigmoid's slope p(1 − p) is ${fmt(p * (1 - p))} of an output, so the loss's gradient barely reaches the weights and the outputs stay pinned. Start the bias at 0${prior !== null && Math.abs(prior) > 1 ? ` (or at the targets' log-odds, ${fmt(prior)})` : ''}.`,
      evidence: [`${name}: biasInitializer ${String(o.layer.info.config['biasInitializer'])}`, ...(prior !== null ? [`targets' rate ${fmt(y!.mean!)}, log-odds ${fmt(prior)}`] : [])],
      relevance: new Map([[o.layer.pos, { score: 1, evidence: `starts saturated at ${fmt(p)}` }]]),
      fixes: [initializerFix(o.layer, 'biasInitializer', 'zeros', `Start ${name}'s bias at 0 instead of ${fmt(bias)}`)],
      confirmBy: set('loss-not-decreasing', 'accuracy-not-increasing', 'saturated-activation', 'vanishing-gradient', 'constant-output'),
      strength: 0.9,
      weak: false,
    });
  }
  return out;
}

/** A linear output's starting bias this many target deviations from the targets' mean: no run of ordinary length closes the gap. */
const FAR_OUTPUT_BIAS = 100;

/**
 * A linear output whose bias starts at a constant a hundred or more target deviations from the
 * targets' mean: the "start at the targets' mean" tip with the mean taken from the raw targets
 * while the model trains on standardized ones. Every first prediction is off by that much, and a
 * step moves the bias by about the rate, so the loss stays enormous for the whole run. Certain
 * from the layer and the targets; the fix starts the bias at the targets' mean.
 */
function outputBiasFarFromTargets(view: ModelView, run: ModelState): Hypothesis[] {
  const out: Hypothesis[] = [];
  for (const o of view.outputs) {
    if (o.activation !== 'linear' || o.actLayer !== o.layer || o.layer.units !== 1) continue;
    const bias = initialBias(o.layer);
    const y = run.data.y.get(o.slot)?.summary;
    if (bias === null || !Number.isFinite(bias) || !y || !isNum(y.mean) || !isNum(y.std) || y.std <= 0) continue;
    const gap = Math.abs(bias - y.mean) / y.std;
    if (gap < FAR_OUTPUT_BIAS) continue;
    const name = o.layer.info.name;
    const centred = Math.abs(y.mean) <= 0.5 * y.std;
    out.push({
      id: `output-bias-far:${name}`,
      symptom: 'output-bias-off-targets',
      rootCause: 'weight-initialization',
      layer: o.layer,
      location: o.layer.info.site,
      related: [],
      message: `${name}'s bias starts at ${fmt(bias)}, while the targets it is trained on lie around ${fmt(y.mean)} with a spread of ${fmt(y.std)}: every first prediction is off by about ${fmt(gap)} target deviations. A step moves the bias by about the learning rate, so no run of ordinary length closes the gap, and the loss stays enormous. A bias started at the targets' mean is meant to be the mean of the targets the model trains on (after any scaling): ${centred ? 'here 0' : fmt(y.mean)}.`,
      evidence: [`${name}: biasInitializer ${String(o.layer.info.config['biasInitializer'])}`, `targets: mean ${fmt(y.mean)}, deviation ${fmt(y.std)}`],
      relevance: new Map([[o.layer.pos, { score: 1, evidence: `bias starts ${fmt(gap)} target deviations off` }]]),
      fixes: centred ? [initializerFix(o.layer, 'biasInitializer', 'zeros', `Start ${name}'s bias at 0, the mean of the targets it trains on`)] : [],
      atFix: true,
      confirmBy: set(),
      strength: 0.9,
      weak: false,
      certain: true,
      keepWhenLearning: true,
    });
  }
  return out;
}

/** The slope a squashing activation keeps at a pre-activation this far out: below it, a unit is saturated. */
const SATURATED_SLOPE = 0.02;

function squashSlope(act: string, x: number): number | null {
  if (act === 'sigmoid') {
    const p = 1 / (1 + Math.exp(-x));
    return p * (1 - p);
  }
  if (act === 'tanh') return 1 - Math.tanh(x) ** 2;
  return null;
}

/**
 * Hidden sigmoid or tanh layers whose bias starts at a constant far from 0 (`constant({ value: 5 })`,
 * a "start positive" tip meant for ReLU): every unit starts deep in its flat tail, where the slope
 * that carries gradients back is a fraction of a percent, so those layers barely learn and pass
 * almost nothing back to the layers before. Confirmed by a stall; the fix starts the bias at 0.
 */
function saturatedHiddenBias(view: ModelView): Hypothesis[] {
  const outputs = new Set(view.outputs.map((o) => o.layer.pos));
  const hit: Array<{ w: LayerView; bias: number; act: string; slope: number }> = [];
  for (const w of view.weighted()) {
    if (outputs.has(w.pos)) continue;
    const act = appliedActivation(view, w);
    const bias = initialBias(w);
    if (bias === null || !Number.isFinite(bias) || bias === 0) continue;
    const slope = squashSlope(act, bias);
    if (slope !== null && slope <= SATURATED_SLOPE) hit.push({ w, bias, act, slope });
  }
  if (hit.length === 0) return [];
  const first = hit[0]!;
  const names = hit.map((h) => h.w.info.name);
  const title = `Start the bias of ${spokenList(names)} at 0`;
  const fix = combine(title, hit.map((h) => initializerFix(h.w, 'biasInitializer', 'zeros', title)));
  return [
    {
      id: `saturated-hidden-bias:${first.w.info.name}`,
      symptom: 'saturated-activation',
      rootCause: 'weight-initialization',
      layer: first.w,
      location: first.w.info.site,
      related: hit.slice(1).flatMap((h) => (h.w.info.site ? [{ site: h.w.info.site, message: `${h.w.info.name}: ${h.act} with its bias starting at ${fmt(h.bias)}` }] : [])),
      message: `${spokenList(names)} ${hit.length === 1 ? 'starts its' : 'start their'} bias at ${fmt(first.bias)}, so ${hit.length === 1 ? 'its' : 'their'} ${first.act} units start deep in the flat tail of the curve: there the slope that carries the gradient back is ${fmt(first.slope)}, so ${hit.length === 1 ? 'the layer barely learns' : 'these layers barely learn'} and pass${hit.length === 1 ? 'es' : ''} almost nothing back to the layers before. A positive starting bias helps ReLU units; a ${first.act} unit should start at 0, where its slope is largest.${/^(?:LSTM|GRU)$/i.test(first.w.info.className) ? ` ${first.w.info.name}'s gates read the same bias, so they start shut too: the state is dropped at every step.` : ''}`,
      evidence: hit.map((h) => `${h.w.info.name}: ${h.act}, biasInitializer ${String(h.w.info.config['biasInitializer'])}, slope ${fmt(h.slope)} at ${fmt(h.bias)}`),
      relevance: new Map(hit.map((h, i) => [h.w.pos, { score: i === 0 ? 1 : 0.8, evidence: `starts saturated: slope ${fmt(h.slope)}` }])),
      fixes: fix ? [fix] : [],
      confirmBy: set('loss-not-decreasing', 'accuracy-not-increasing', 'saturated-activation', 'vanishing-gradient', 'constant-output'),
      strength: 0.85,
      weak: false,
      // The loss falls at first, as the output layer learns the mean, then settles near no skill.
      settlesHigh: true,
      // Shown where the bias is set: the layer's call may span lines.
      atFix: true,
      alsoAbout: hit.slice(1).map((h) => h.w),
    },
  ];
}

/**
 * A conv2d layer with a few filters whose kernel covers its whole input (`conv2d({ filters: 3,
 * kernelSize: 16 })` on 16×16 images, where 16 filters of 3×3 were meant: the two numbers
 * swapped): it sees the image as one patch and leaves a 1×1 map of a few channels, so nothing of
 * where things are survives. A head that shrinks a map to 1×1 on purpose (LeNet's C5) has many
 * filters. Certain; fixed by swapping the two numbers.
 */
function kernelCoversInput(view: ModelView): Hypothesis[] {
  const out: Hypothesis[] = [];
  for (const l of view.layers) {
    if (!/^conv2d$/i.test(l.info.className) || l.info.config['padding'] !== 'valid') continue;
    const filters = Number(l.info.config['filters']);
    const kernel = String(l.info.config['kernelSize'] ?? '').split(',').map(Number);
    const [h, w] = [l.info.inputShape?.[1], l.info.inputShape?.[2]];
    if (!(filters >= 1) || kernel.length !== 2 || typeof h !== 'number' || typeof w !== 'number') continue;
    if (kernel[0]! < h || kernel[1]! < w || filters >= kernel[0]! || filters > 8) continue;
    const swapped = kernel[0] === kernel[1];
    out.push({
      id: `kernel-covers-input:${l.info.name}`,
      symptom: 'kernel-covers-input',
      rootCause: 'architecture',
      location: l.info.site,
      related: [],
      message: `${l.info.name} has ${filters} filter${filters === 1 ? '' : 's'} of ${kernel.join('×')} on a ${h}×${w} input: each kernel covers the whole image, so the layer leaves a 1×1 map of ${filters} channel${filters === 1 ? '' : 's'} and nothing of where things are survives. A few large filters where many small ones were meant: filters and kernelSize swapped?${swapped ? ` Use ${kernel[0]} filters of ${filters}×${filters}.` : ''}`,
      evidence: [`${l.info.name}: kernel ${kernel.join('×')} on a ${h}×${w} input`, `${filters} filters`],
      fixes: swapped
        ? [
            combine(`Swap them: ${kernel[0]} filters of ${filters}×${filters}`, [
              { title: '', plan: { kind: 'layerNumber', layer: l.info, key: 'filters', to: kernel[0]! } },
              { title: '', plan: { kind: 'layerNumber', layer: l.info, key: 'kernelSize', to: filters } },
            ])!,
          ]
        : [],
      ...certainFromTheRun(),
      layer: l,
      relevance: new Map([[l.pos, { score: 1, evidence: 'kernel as large as the input' }]]),
    });
  }
  return out;
}

/**
 * An embedding whose table starts at 0 (embeddingsInitializer 'zeros'), or a batch normalization
 * whose scale does (gammaInitializer 'zeros', the zero-gamma trick meant for the last normalization
 * of a residual block), in a plain stack: every input reaches the next layers as the same 0 (or
 * the same beta), a relu after it gives 0 with no gradient, and nothing before it learns. Confirmed
 * by dead units or a stall; the fix starts it at its default.
 */
function zeroStart(view: ModelView): Hypothesis[] {
  const out: Hypothesis[] = [];
  // Each such layer with the initializer that starts it at 0 and the default it should keep.
  const zeroed = view.layers.flatMap((l) => {
    const cls = l.info.className.toLowerCase();
    const key = cls === 'embedding' ? ('embeddingsInitializer' as const) : cls === 'batchnormalization' ? ('gammaInitializer' as const) : null;
    if (!key || constantInit(l.info.config[key]) !== 0 || l.succs.length !== 1) return [];
    return [{ l, key, to: key === 'embeddingsInitializer' ? 'randomUniform' : 'ones' }];
  });
  // One fix for every such layer: starting one of them again leaves the signal cut at the next.
  const fix = combine(
    zeroed.length > 1 ? `Start ${zeroed.map((z) => z.l.info.name).join(' and ')} at their defaults` : `Start ${zeroed[0]?.l.info.name} at its default`,
    zeroed.map(({ l, key, to }) => ({ title: '', plan: { kind: 'layerOption' as const, layer: l.info, key, to } })),
  );
  for (const { l, key, to } of zeroed) {
    const what = key === 'embeddingsInitializer' ? 'every word vector' : 'its scale (gamma)';
    out.push({
      id: `zero-start:${l.info.name}`,
      symptom: 'dead-relu',
      rootCause: 'weight-initialization',
      layer: l,
      location: l.info.site,
      related: [],
      message: `${l.info.name} starts with ${what} at 0 (${key} 'zeros'), so every input leaves it as the same ${key === 'embeddingsInitializer' ? '0' : 'value (its beta, 0)'}: a relu after it outputs 0 with no gradient, and the layers before it get none either. ${key === 'gammaInitializer' ? "A zero gamma is a trick for a residual block's last normalization, where the shortcut carries the signal; in a plain stack it cuts the signal. " : ''}Start it at ${to}, the default.`,
      evidence: [`${l.info.name}: ${key} zeros`],
      relevance: new Map([[l.pos, { score: 1, evidence: `${key} zeros` }]]),
      fixes: fix ? [fix] : [],
      confirmBy: set('dead-relu', 'loss-not-decreasing', 'accuracy-not-increasing', 'weights-unchanged', 'constant-output'),
      strength: 0.95,
      weak: false,
      keepWhenLearning: false,
      explainsDownstream: true,
    });
  }
  return out;
}

/**
 * Constant kernel initializers in hidden layers. Behind a ReLU, an all-zero kernel with a bias
 * that starts at or below 0 makes every unit output exactly 0, where ReLU's gradient is 0: the
 * layer can never learn. Followed only by layers that start constant too, a constant kernel
 * makes every unit compute the same value and get the same update: they stay identical.
 */
function initializationChecks(view: ModelView): Hypothesis[] {
  const out: Hypothesis[] = [];
  const outputs = new Set(view.outputs.map((o) => o.layer.pos));
  for (const w of view.weighted()) {
    if (outputs.has(w.pos)) continue;
    const kernel = constantInit(w.info.config['kernelInitializer']);
    if (kernel === null) continue;
    const act = appliedActivation(view, w);
    const bias = initialBias(w);
    const relu = RELU_LIKE.has(act) && act !== 'thresholdedrelu';
    const name = w.info.name;
    const described = initText(w.info.config['kernelInitializer']);
    const to = relu ? 'heNormal' : 'glorotUniform';
    const kernelFix = initializerFix(w, 'kernelInitializer', to, `Use ${to} for ${name}'s kernelInitializer instead of ${described}`);
    const confirmBy = set(...HARM, 'dead-relu', 'weights-unchanged', 'vanishing-gradient');
    if (kernel === 0 && relu && bias !== null && bias <= 0) {
      const biasFix = bias < 0 ? initializerFix(w, 'biasInitializer', 'zeros') : null;
      const fix = biasFix ? combine(`Use ${to} for ${name}'s kernel and zeros for its bias`, [kernelFix, biasFix]) : kernelFix;
      out.push({
        id: `weight-initialization:${name}`,
        symptom: 'dead-relu',
        rootCause: 'weight-initialization',
        layer: w,
        location: w.info.site,
        related: [],
        message: `${name} starts with every kernel weight 0 (kernelInitializer ${described}) and a bias of ${fmt(bias)}, so each of its ReLU units outputs 0 for every input, where ReLU passes no gradient: the layer cannot learn.`,
        evidence: [`${name}: kernelInitializer ${described}, bias starts at ${fmt(bias)}, activation ${act}`],
        relevance: new Map([[w.pos, { score: 1, evidence: `kernel starts at 0 behind ${act}` }]]),
        fixes: fix ? [fix] : [],
        confirmBy,
        strength: 0.95,
        weak: false,
      });
      continue;
    }
    const next = nextWeighted(view, w);
    if (next.length === 0 || !next.every((n) => constantInit(n.info.config['kernelInitializer']) !== null) || bias === null) continue;
    out.push({
      id: `weight-initialization:${name}`,
      symptom: 'weights-unchanged',
      rootCause: 'weight-initialization',
      layer: w,
      location: w.info.site,
      related: next[0]!.info.site ? [{ site: next[0]!.info.site, message: `${next[0]!.info.name} starts constant too` }] : [],
      message: `${name}'s kernel starts constant (kernelInitializer ${described}) and so does ${next.map((n) => n.info.name).join(', ')}'s: all ${w.units ?? 'its'} units of ${name} compute the same value and get the same update, so they stay identical and act as one.`,
      evidence: [`${name}: kernelInitializer ${described}`, ...next.map((n) => `${n.info.name}: kernelInitializer ${initText(n.info.config['kernelInitializer'])}`)],
      relevance: new Map([[w.pos, { score: 1, evidence: 'kernel starts constant: its units stay identical' }]]),
      fixes: [kernelFix],
      confirmBy,
      strength: 0.8,
      weak: false,
    });
  }
  return out;
}

/** The standard deviation a random kernel initializer draws with, from the probe's description; null for any other. */
function randomInitStd(described: unknown): number | null {
  const s = String(described ?? '');
  const normal = /^(Random|Truncated)Normal\(mean=[-\d.e+]+, stddev=([\d.e+-]+)\)/.exec(s);
  // A truncated normal drops draws beyond two deviations: about 0.88 of the deviation it is given.
  if (normal) return Number(normal[2]) * (normal[1] === 'Truncated' ? 0.88 : 1);
  const uniform = /^RandomUniform\(minval=([-\d.e+]+), maxval=([-\d.e+]+)\)/.exec(s);
  if (uniform) return (Number(uniform[2]) - Number(uniform[1])) / Math.sqrt(12);
  return null;
}

/** A layer whose random initial kernel multiplies the scale of what it passes on by `factor`. */
type Scaled = { w: LayerView; factor: number; std: number; fanIn: number };

/**
 * Random kernels drawn far from the scale their fan-in needs: each layer multiplies the scale of
 * what it passes on (by std x sqrt(fan-in), over sqrt(2) behind a ReLU). Over a stack of layers
 * drawn too wide the outputs and gradients start thousands of times too large; over a stack drawn
 * too narrow (`randomNormal({ stddev: 0.001 })`, an old recipe) they start millions of times too
 * small and the gradients reaching the first layers vanish. He and Glorot scale the deviation by the
 * fan-in for exactly this reason.
 */
function initScaleChecks(view: ModelView): Hypothesis[] {
  const growth = (w: LayerView): Omit<Scaled, 'w'> | null => {
    const std = randomInitStd(w.info.config['kernelInitializer']);
    const kernel = w.info.weights[0]?.shape;
    if (std === null || !kernel || kernel.length < 2 || kernel.some((d) => !isNum(d))) return null;
    const fanIn = (kernel as number[]).slice(0, -1).reduce((a, b) => a * b, 1);
    const relu = RELU_LIKE.has(appliedActivation(view, w));
    return { factor: (std * Math.sqrt(fanIn)) / (relu ? Math.SQRT2 : 1), std, fanIn };
  };
  const product = (r: Scaled[]) => r.reduce((a, x) => a * x.factor, 1);
  /** The run of layers in a row, each scaling by `far` or beyond, whose product is farthest from 1. */
  const longest = (far: (factor: number) => boolean): Scaled[] => {
    let run: Scaled[] = [];
    let best: Scaled[] = [];
    for (const w of view.weighted()) {
      const g = growth(w);
      if (g && far(g.factor)) run.push({ w, ...g });
      else run = [];
      if (Math.abs(Math.log(product(run))) > Math.abs(Math.log(product(best)))) best = [...run];
    }
    return best;
  };
  const out: Hypothesis[] = [];
  const wide = longest((f) => f >= 2);
  if (wide.length >= 2 && product(wide) >= 1e3) out.push(initScaleHypothesis(view, wide, product(wide), 'wide'));
  const narrow = longest((f) => f <= 0.5);
  if (narrow.length >= 3 && product(narrow) <= 1e-6) out.push(initScaleHypothesis(view, narrow, product(narrow), 'narrow'));
  return out;
}

function initScaleHypothesis(view: ModelView, best: Scaled[], total: number, way: 'wide' | 'narrow'): Hypothesis {
  const first = best[0]!;
  const described = String(first.w.info.config['kernelInitializer']);
  const scaled = (w: LayerView) => (RELU_LIKE.has(appliedActivation(view, w)) ? 'heNormal' : 'glorotNormal');
  const names = [...new Set(best.map((x) => scaled(x.w)))].join(' or ');
  const title = `Use ${names} for the kernelInitializer of ${best.map((x) => x.w.info.name).join(', ')}`;
  const fix = combine(title, best.map((x) => initializerFix(x.w, 'kernelInitializer', scaled(x.w), title)));
  const wide = way === 'wide';
  const hint = `heNormal draws with a deviation of √(2 / fan-in) (${fmt(Math.sqrt(2 / first.fanIn))} here) so that the scale holds from layer to layer.`;
  return {
    id: wide ? 'weight-initialization:scale' : 'weight-initialization:narrow',
    symptom: wide ? 'exploding-gradient' : 'vanishing-gradient',
    rootCause: 'weight-initialization',
    layer: first.w,
    location: first.w.info.site,
    related: best.slice(1).flatMap((x) => (x.w.info.site && x.w.info.site.line !== first.w.info.site?.line ? [{ site: x.w.info.site, message: `${x.w.info.name}: multiplies the scale by about ${fmt(x.factor)}` }] : [])),
    message: wide
      ? `The initial kernels of ${best.length} layers in a row are drawn far too wide for their inputs (${described} on ${first.fanIn} inputs): each multiplies the scale of what it passes on by about ${fmt(first.factor)}, so the outputs and gradients start about ${fmt(total)} times too large. ${hint}`
      : `The initial kernels of ${best.length} layers in a row are drawn far too narrow for their inputs (${described} on ${first.fanIn} inputs): each multiplies the scale of what it passes on by about ${fmt(first.factor)}, so the last of them starts with outputs about ${fmt(1 / total)} times too small, and the gradients reaching the first shrink as much on the way back: the first layers barely move and the output starts the same for every row. ${hint}`,
    evidence: best.slice(0, 4).map((x) => `${x.w.info.name}: kernel deviation ${fmt(x.std)} on ${x.fanIn} inputs, scale ×${fmt(x.factor)}`),
    relevance: new Map(best.map((x, i) => [x.w.pos, { score: i === 0 ? 1 : 0.6, evidence: `initial kernel scales its input by ×${fmt(x.factor)}` }])),
    fixes: fix ? [fix] : [],
    // The initializer the fix replaces is the fault (one line for every layer a loop makes).
    atFix: true,
    confirmBy: wide
      ? set(...HARM, ...NUMERIC, 'loss-diverging', 'loss-oscillating', 'exploding-gradient', 'dead-relu', 'saturated-activation')
      : set('loss-not-decreasing', 'accuracy-not-increasing', 'constant-output', 'vanishing-gradient', 'weights-unchanged'),
    strength: 0.85,
    weak: false,
    // Too narrow, every layer of the run starts silent: its output and its gradient.
    ...(wide ? {} : { alsoAbout: best.slice(1).map((x) => x.w) }),
  };
}

/** From-scratch rates: above these (ten times Adam's default), a step moves pretrained weights by as much as training from nothing does. */
const SCRATCH_RATE_ADAPTIVE = 0.01;
const SCRATCH_RATE_SGD = 0.1;
const ADAPTIVE = /^(?:Adam|Adamax|RMSProp|Adagrad|Adadelta)(?:Optimizer)?$/i;

/**
 * Two models alike layer for layer (class and units) and trained on targets alike (means within a
 * tenth of a deviation, deviations within a tenth): members of one ensemble, not a base and the
 * model that fine-tunes it, nor two tasks sharing a trunk.
 */
function alikeModels(a: ModelState, b: ModelState): boolean {
  const la = a.view?.layers ?? [];
  const lb = b.view?.layers ?? [];
  if (la.length !== lb.length || la.some((l, i) => l.info.className !== lb[i]!.info.className || l.units !== lb[i]!.units)) return false;
  const ta = a.data.target(0)?.summary;
  const tb = b.data.target(0)?.summary;
  if (!ta || !tb || !isNum(ta.mean) || !isNum(tb.mean) || !isNum(ta.std) || !isNum(tb.std)) return false;
  const spread = Math.max(ta.std, tb.std, 1e-12);
  return Math.abs(ta.mean - tb.mean) <= 0.1 * spread && Math.abs(ta.std - tb.std) <= 0.1 * spread;
}

/**
 * Members of one ensemble (models alike, trained in turn on targets alike) that share a trainable
 * layer: one layer object applied in every member's graph (made once, outside the function that
 * builds a member). Each member's training moves the shared weights to suit its own head, so the
 * members trained earlier no longer match their heads and the average of their predictions is far
 * off. Certain; shown where the shared layer is made.
 */
function layerSharedAcrossMembers(view: ModelView, run: ModelState): Hypothesis[] {
  const pre = run.pretrained;
  if (!pre || !alikeModels(run, pre.from)) return [];
  const shared = pre.names.map((n) => view.byName.get(n)).filter((l): l is LayerView => l !== undefined);
  const first = shared[0];
  if (!first) return [];
  const earlier = pre.from.view?.event.name ?? `model ${pre.from.modelId}`;
  return [
    {
      id: 'layer-shared-across-members',
      symptom: 'layer-shared-across-members',
      rootCause: 'architecture',
      layer: first,
      location: first.info.site,
      related: [],
      message: `This model and ${earlier}, trained before it, are alike layer for layer and trained on targets alike (members of one ensemble), and they share ${spokenList(shared.map((l) => l.info.name))}: one layer object applied in both graphs (made once, outside the function that builds a member). Training this member moves the shared weights to suit its own head, so the members trained before it no longer match theirs, and the ensemble's average is far off. Make the layer inside the function that builds each member.`,
      evidence: [`${shared.length} trainable layer${shared.length > 1 ? 's' : ''} shared with ${earlier}: ${shared.map((l) => l.info.name).join(', ')}`, 'the two models alike layer for layer, their targets alike'],
      relevance: new Map(shared.map((l, i) => [l.pos, { score: i === 0 ? 1 : 0.8, evidence: 'shared with an earlier member' }])),
      fixes: shared.length === 1 && first.info.site ? [{ title: 'Make the layer inside the function that builds each member', plan: { kind: 'declareInFunction', site: first.info.site } }] : [],
      confirmBy: set(...HARM, 'overfitting'),
      strength: 0.9,
      weak: false,
      keepWhenLearning: true,
      certain: true,
    },
  ];
}

/**
 * A model that fine-tunes layers another model trained earlier in the script (a pretrained base
 * under a new head), left trainable, with the same high rate the base was trained with from scratch:
 * each step moves the pretrained weights as far as training from nothing does, so on the small
 * fine-tuning set what the base learned is scrambled within a few epochs. Certain from the two
 * optimizers; the fix fine-tunes at a small rate.
 */
function fineTunedAtScratchRate(view: ModelView, run: ModelState): Hypothesis[] {
  const pre = run.pretrained;
  const opt = view.event.optimizer;
  const site = view.optimizerSite;
  const before = pre?.from.view?.event.optimizer;
  // Judged once this model's targets are known: members of an ensemble are told apart by them.
  if (!pre || !opt || !site || !before || !run.data.target(0)?.summary || !isNum(opt.learningRate) || before.learningRate !== opt.learningRate || before.className !== opt.className || alikeModels(run, pre.from)) return [];
  const rate = opt.learningRate;
  const adaptive = ADAPTIVE.test(opt.className);
  if (!(rate > (adaptive ? SCRATCH_RATE_ADAPTIVE : SCRATCH_RATE_SGD))) return [];
  const factory = optimizerFactory(opt);
  const small = adaptive ? Math.min(rate / 10, 1e-3) : rate / 10;
  const name = opt.className.replace(/Optimizer$/, '');
  return [
    {
      id: 'fine-tuned-at-scratch-rate',
      symptom: 'fine-tuned-at-scratch-rate',
      rootCause: 'learning-rate',
      layer: null,
      location: site,
      related: [],
      message: `This model fine-tunes ${spokenList(pre.names)}, trained earlier in the script by another model, and leaves ${pre.names.length > 1 ? 'them' : 'it'} trainable with the same ${name} rate of ${fmt(rate)} ${pre.names.length > 1 ? 'they were' : 'it was'} trained with from scratch. Each step moves the pretrained weights as far as training from nothing does, so on a small fine-tuning set what they learned is scrambled within a few epochs. Fine-tune at a small rate (${fmt(small)}), or freeze the base first.`,
      evidence: [`${pre.names.length} pretrained layer${pre.names.length > 1 ? 's' : ''} left trainable: ${pre.names.join(', ')}`, `${name} rate ${fmt(rate)}, the rate of their pretraining`],
      relevance: new Map(),
      fixes: [{ title: `Fine-tune at a small rate: ${fmt(small)}`, plan: { kind: 'callArgument', site, callee: factory, index: 0, to: String(small) } }],
      confirmBy: set(...HARM, 'loss-oscillating', 'overfitting'),
      strength: 0.9,
      weak: false,
      keepWhenLearning: true,
      certain: true,
    },
  ];
}

/** A final loss this share of predicting the targets' mean or more: the model explains little of them. */
const FAR_FROM_FIT = 0.25;

/**
 * A regression output whose kernel is held to norm 1 (`kernelConstraint: 'unitNorm'`, applied after
 * each batch) while its targets spread far wider: each prediction is a unit-length weighting of the
 * hidden values plus a bias, so the model can reach the targets' scale only by growing its hidden
 * activations, and it ends far from them. Read from the output's kernel norm and the loss at the end
 * of training against the loss of predicting the targets' mean; the fix drops the constraint.
 */
function outputKernelHeldToUnitNorm(view: ModelView, run: ModelState): Hypothesis[] {
  if (!run.ended || view.outputs.length !== 1) return [];
  const o = view.outputs[0]!;
  const L = o.layer;
  const constraint = String(L.info.config['kernelConstraint'] ?? '');
  const units = o.units;
  const t = run.data.target(0);
  const regression = o.loss?.kind === 'mse' || o.loss?.kind === 'mae' || o.loss?.kind === 'regression';
  if (!/^UnitNorm/i.test(constraint) || !regression || o.activation !== 'linear' || !isNum(units) || !t?.summary || !isNum(t.summary.std)) return [];
  const last = run.track(L.index)?.latest();
  const norm = last?.kernelNorm;
  // The constraint applied (tfjs's fit does not apply kernel constraints by itself): each unit's column at norm 1.
  if (!last || !isNum(norm) || Math.abs(norm - Math.sqrt(units)) > 0.02 * Math.sqrt(units)) return [];
  const spread = t.summary.std;
  const final = mean(run.loss.recent.last(16).map((p) => p.value));
  // The loss of predicting the targets' mean: their variance under a squared error, about 0.8 deviations under an absolute one.
  const noSkill = o.loss?.kind === 'mae' ? 0.8 * spread : spread ** 2;
  if (!(spread >= 10) || !(final >= FAR_FROM_FIT * noSkill)) return [];
  return [
    {
      id: `output-kernel-unit-norm:${L.info.name}`,
      symptom: 'output-out-of-range',
      rootCause: 'regularization',
      layer: L,
      location: L.info.site,
      related: [],
      message: `${L.info.name}'s kernel is held to norm 1 (${constraint}), and the script applies the constraint as it trains: each prediction is a unit-length weighting of the hidden values plus a bias, so its spread is at most theirs. The targets spread ${fmt(spread)} (their deviation) about ${fmt(t.summary.mean ?? 0)}: the model can reach their scale only by growing its hidden activations, slowly, and its loss ends at ${fmt(final)}, ${fmt((100 * final) / noSkill)}% of what predicting their mean costs. A unit-norm constraint suits embeddings and directions, not a regression readout: drop it (or scale the targets).`,
      evidence: [`${L.info.name}: kernelConstraint ${constraint}, kernel norm ${fmt(norm)}`, `targets' deviation ${fmt(spread)}`, `final loss ${fmt(final)}, ${fmt((100 * final) / noSkill)}% of the no-skill loss`],
      relevance: new Map([[L.pos, { score: 1, evidence: 'kernel held to norm 1' }]]),
      fixes: [{ title: `Drop the unit-norm constraint from ${L.info.name}`, plan: { kind: 'removeLayerOption', layer: L.info, key: 'kernelConstraint' } }],
      confirmBy: set(...HARM, 'loss-not-decreasing', 'output-out-of-range'),
      strength: 0.95,
      weak: false,
      keepWhenLearning: true,
      certain: true,
    },
  ];
}

/** Residual additions in a chain, and the growth of the stream's scale along them at the first step, that make a finding. */
const RESIDUAL_CHAIN = 6;
const RESIDUAL_GROWTH = 30;

/**
 * A deep stack of residual blocks, each adding its branch's output to the stream as is, with no
 * normalization anywhere: each block adds about as much variance as the stream already holds, so the
 * stream's scale doubles block after block and the first outputs, losses and gradients are far too
 * large. Read from the layers' outputs at the first step; the fix starts each block's last layer at
 * zeros (each block then starts as the identity).
 */
function residualStreamGrows(view: ModelView, run: ModelState): Hypothesis[] {
  if (view.layers.some((l) => isBatchNormalization(l.info.className) || /normalization/i.test(l.info.className))) return [];
  const adds = view.layers.filter((l) => /^add$/i.test(l.info.className) && l.preds.length === 2);
  // The chain: each addition takes the one before it as one of its two inputs.
  const chain: LayerView[] = [];
  for (const a of adds) {
    const prev = chain[chain.length - 1];
    if (prev && !a.preds.includes(prev.pos)) {
      if (chain.length >= RESIDUAL_CHAIN) break;
      chain.length = 0;
    }
    chain.push(a);
  }
  if (chain.length < RESIDUAL_CHAIN) return [];
  const rms = (l: LayerView): number | null => {
    const f = run.track(l.index)?.first;
    return f && isNum(f.outStd) && isNum(f.outMean) ? Math.sqrt(f.outStd ** 2 + f.outMean ** 2) : null;
  };
  const first = rms(chain[0]!);
  const last = rms(chain[chain.length - 1]!);
  if (first === null || last === null || !(first > 0) || last / first < RESIDUAL_GROWTH) return [];
  // Each block's branch: the input of its addition that is not the stream.
  const branches = chain.flatMap((a, i) => {
    const stream = i > 0 ? chain[i - 1]!.pos : null;
    const other = a.preds.map((p) => view.layers[p]!).filter((p) => p.pos !== stream && p.kind === 'weighted');
    return other.length === 1 || (i === 0 && other.length >= 1) ? [other[other.length - 1]!] : [];
  });
  const lead = branches[0];
  if (!lead) return [];
  const lines = new Map(branches.map((b) => [`${b.info.site?.file}:${b.info.site?.line}`, b]));
  const title = `Start the last layer of each block (${lead.info.name}, …) at zeros, so each block starts as the identity`;
  const fix = combine(title, [...lines.values()].map((b) => initializerFix(b, 'kernelInitializer', 'zeros', title)));
  const growth = last / first;
  return [
    {
      id: 'residual-stream-grows',
      symptom: 'exploding-gradient',
      rootCause: 'weight-initialization',
      layer: lead,
      location: lead.info.site,
      related: [],
      message: `${chain.length} residual blocks in a row each add their branch's output to the stream as is, with no normalization in the model: each block adds about as much variance as the stream already holds, so at the first step the stream's scale grows ${fmt(growth)}-fold from ${chain[0]!.info.name} (${fmt(first)}) to ${chain[chain.length - 1]!.info.name} (${fmt(last)}), and the outputs, the loss and the gradients start that much too large. Start each block's last layer at zeros (each block then starts as the identity and learns what to add), or normalize the stream.`,
      evidence: [`${chain.length} chained additions, no normalization layer`, `stream scale ${fmt(first)} → ${fmt(last)} at the first step`],
      relevance: new Map(branches.map((b, i) => [b.pos, { score: i === 0 ? 1 : 0.6, evidence: 'adds its output to the stream unscaled' }])),
      fixes: fix ? [fix] : [],
      atFix: true,
      confirmBy: set(...HARM, ...NUMERIC, 'loss-diverging', 'loss-oscillating', 'exploding-gradient'),
      strength: 0.9,
      weak: false,
      keepWhenLearning: true,
      ...(growth >= 100 ? { certain: true } : {}),
    },
  ];
}

/**
 * A custom loop's raw kernels drawn far too wide for their fan-in (`tf.variable(tf.randomNormal(shape))`:
 * the op's deviation is 1, where √(2 / fan-in) keeps the scale from layer to layer). Each layer
 * multiplies what it passes on, so ReLUs die or saturate from the first step. A stall or blow-up
 * confirms it; the fix draws with He's deviation where the variables are made.
 */
function variablesInitWide(run: ModelState): Hypothesis[] {
  const e = run.variablesInitWide;
  if (!e?.site) return [];
  const w = e.wide[0]!;
  const rms = (x: { std: number; mean?: number }): number => Math.sqrt(x.std ** 2 + (x.mean ?? 0) ** 2);
  // Drawn all one sign: the mean, not the spread, makes them wide (tf.randomUniform(shape) draws from [0, 1)).
  const oneSigned = Math.abs(w.mean ?? 0) > w.std;
  const how = oneSigned ? `a mean of ${fmt(w.mean!)} (all one sign; tf.randomUniform(shape) draws from [0, 1)) and a deviation of ${fmt(w.std)}` : `a deviation of ${fmt(w.std)}`;
  return [
    {
      id: 'weight-initialization:variables',
      symptom: 'exploding-gradient',
      rootCause: 'weight-initialization',
      layer: null,
      location: e.site,
      related: [],
      message: `${e.wide.length} of the ${e.kernels} weight matrices trained are drawn far too wide for their inputs: the widest has ${how} on ${w.fanIn} inputs (shape [${w.shape.join(', ')}]), where a deviation of √(2 / fan-in) around 0 is ${fmt(Math.sqrt(2 / w.fanIn))}. Each layer then multiplies the scale of what it passes on by about ${fmt(rms(w) * Math.sqrt(w.fanIn / 2))}, so activations and gradients start far too large: ReLUs die, saturating units pin. ${oneSigned ? 'Draw kernels around 0' : 'tf.randomNormal(shape) draws with a deviation of 1; draw kernels'} with √(2 / fan-in) (He).`,
      evidence: e.wide.slice(0, 4).map((x) => `[${x.shape.join(', ')}]: ${Math.abs(x.mean ?? 0) > x.std ? `mean ${fmt(x.mean!)}, ` : ''}deviation ${fmt(x.std)} on ${x.fanIn} inputs`),
      relevance: new Map(),
      fixes: [{ title: 'Draw the kernels with deviation √(2 / fan-in) (He)', plan: { kind: 'heNormalDraw', site: e.site } }],
      atFix: true,
      confirmBy: set(...HARM, ...NUMERIC, 'loss-diverging', 'loss-oscillating', 'exploding-gradient'),
      strength: 0.85,
      weak: false,
      // Kernels all of one sign give every unit of a layer nearly the same input: never meant, and
      // certain whatever the loss still manages.
      ...(e.wide.every((x) => Math.abs(x.mean ?? 0) > x.std) ? { certain: true } : {}),
    },
  ];
}

/**
 * A custom loop's hidden kernel made with one value in every place (`new Array(n).fill(rng() * 0.2)`
 * draws once; `tf.fill`, `tf.ones`): every hidden unit computes the same function and gets the same
 * gradient, so they stay copies of one another and the layer is one unit wide. Certain: no draw
 * of a kernel meant to learn is constant. The fix draws each value where the kernel is made.
 */
function variablesConstant(run: ModelState): Hypothesis[] {
  const e = run.variablesConstant;
  if (!e?.site) return [];
  const k = e.constant[0]!;
  return [
    {
      id: 'weight-initialization:constant-variables',
      symptom: 'symmetric-weights',
      rootCause: 'weight-initialization',
      layer: null,
      location: e.site,
      related: [],
      message: `${e.constant.length} of the ${e.kernels} weight matrices trained start with one value in every place (${fmt(k.value)}, shape [${k.shape.join(', ')}]), and their units feed the next matrix: every hidden unit computes the same function and gets the same gradient, so they stay copies of one another and the layer works as one unit. new Array(n).fill(draw()) draws once and repeats it; draw each value (Array.from({ length: n }, () => draw())).`,
      evidence: e.constant.slice(0, 4).map((x) => `[${x.shape.join(', ')}]: every value ${fmt(x.value)}`),
      relevance: new Map(),
      fixes: [{ title: 'Draw each value of the kernel: Array.from with a function, not fill', plan: { kind: 'fillEach', site: e.site } }],
      atFix: true,
      confirmBy: set(...HARM, 'loss-not-decreasing', 'accuracy-not-increasing'),
      strength: 0.95,
      weak: false,
      keepWhenLearning: true,
      certain: true,
    },
  ];
}

/** Where a multi-axis index sits, in words: "row 123, column 2". */
function positionText(index: readonly number[]): string {
  const [row, ...rest] = index;
  if (row === undefined) return '';
  if (rest.length === 0) return `row ${row}`;
  if (rest.length === 1) return `row ${row}, column ${rest[0]}`;
  return `row ${row}, position [${rest.join(', ')}]`;
}

/** Inputs a division left this small (every value, or every column's spread) train slowly at any usual rate. */
const SHRUNK_MAX = 0.05;
const SHRUNK_SPREAD = 0.1;

/**
 * Inputs a division made far too small: centred columns whose spread is a sliver of 1 (standardized
 * with an epsilon that dwarfs the standard deviation of columns in small units: `std.add(1)`), or
 * values no larger than 0.05 (readings of a few units divided by 255 as if they were 8-bit pixels).
 * The first layer's outputs are then little more than its biases. Each fix edits the division.
 */
function shrunkByDivision(view: ModelView, slot: number, e: DataEvent, ma: number | null): Hypothesis | null {
  const s = e.summary;
  const site = e.origin!.site!;
  const spreads = s.columnSpreads ?? [];
  const centres = s.columnCentres ?? [];
  const about = slot === 0 ? 'x' : `x${slot}`;
  const base = { id: `unscaled-input:${about}`, symptom: 'unscaled-input' as const, rootCause: 'input-normalization' as const, ...aboutInputs(view, slot, e) };
  const confirmBy = set(...HARM, 'dead-relu', 'weights-unchanged', 'vanishing-gradient', 'loss-not-decreasing');
  const centred = centres.length > 0 && centres.length === spreads.length && centres.every((c) => Math.abs(c) < 1e-3);
  const widest = spreads.length ? Math.max(...spreads) : null;
  if (centred && widest !== null && widest > 0 && widest <= SHRUNK_SPREAD) {
    return {
      ...base,
      message: `The inputs were standardized on line ${site.line} (every column's mean is 0), but their spread is ${fmt(Math.min(...spreads))} to ${fmt(widest)}, not 1: the division is by far more than each column's standard deviation. An epsilon added to the standard deviation that dwarfs it (columns in small units, such as concentrations, have deviations of a few thousandths) does this. The first layer's outputs are little more than its biases. Keep the epsilon tiny (1e-7).`,
      evidence: [`column spreads ${fmt(Math.min(...spreads))} to ${fmt(widest)} after the division`, 'every column centred at 0'],
      relevance: new Map(),
      fixes: [{ title: 'Make the epsilon added to the standard deviation tiny (1e-7)', plan: { kind: 'tinyEpsilon', site } }],
      atFix: true,
      confirmBy,
      strength: 0.8,
      certainWithFix: true,
    };
  }
  if (ma === null || ma <= 0 || ma > SHRUNK_MAX) return null;
  return {
    ...base,
    message: `The inputs were divided on line ${site.line} down to at most ${fmt(ma)} (std ${fmt(s.std)}): ${ma * 255 < 16 ? `divided by 255 as 8-bit pixels are, values that were at most ${fmt(ma * 255)} to begin with` : 'far smaller than the scale of 1 a layer expects'}. The first layer's outputs are little more than its biases, and its weights get almost no gradient. Scale such columns by their own spread, or leave them as they are.`,
    evidence: [`input values from ${fmt(s.min)} to ${fmt(s.max)}`, `made by a division on line ${site.line}`],
    relevance: new Map(),
    fixes: [{ title: 'Drop the division by 255: these values are not 8-bit pixels', plan: { kind: 'dropDivide255', site } }],
    atFix: true,
    confirmBy,
    strength: 0.75,
    certainWithFix: true,
  };
}

/** "12 NaN", "3 Infinity" or "12 NaN and 3 Infinity": the non-finite values a data summary counted. */
function nonFiniteCounts(s: { nanCount: number; infCount: number }): string {
  return [s.nanCount ? `${s.nanCount} NaN` : '', s.infCount ? `${s.infCount} Infinity` : ''].filter(Boolean).join(' and ');
}

/** Any harm training shows: NaN or Infinity in the data spoils every weight it reaches. */
const NON_FINITE_DATA_HARM = set(...HARM, ...NUMERIC, 'loss-diverging', 'loss-oscillating', 'exploding-gradient', 'dead-relu', 'saturated-activation', 'vanishing-gradient', 'weights-unchanged', 'output-out-of-range');

/**
 * NaN or Infinity in the training data: the first batch that holds one turns the gradients and
 * then every weight into NaN, whatever the model. Any harm training shows after it is this.
 */
function nonFiniteData(view: ModelView, run: ModelState): Hypothesis[] {
  const out: Hypothesis[] = [];
  for (const role of ['x', 'y'] as const) {
    for (const [slot, e] of role === 'x' ? run.data.x : run.data.y) {
      const s = e.summary;
      const n = s.nanCount + s.infCount;
      if (n === 0) continue;
      const what = role === 'x' ? 'inputs' : 'targets';
      const kinds = nonFiniteCounts(s);
      const where = s.firstNonFinite?.length ? `${s.nonFiniteRows ? `in ${s.nonFiniteRows} of ${s.shape?.[0] ?? '?'} rows, ` : ''}the first at ${positionText(s.firstNonFinite)}` : '';
      const about = `${role}${slot === 0 ? '' : slot}`;
      const fitSite = e.site ?? view.event.fitSite;
      // Every value NaN: nothing numeric reached the tensor, and 0s in its place are no data either.
      const allNaN = s.count > 0 && s.nanCount === s.count;
      const fix: PlannedFix | null = role === 'x' && !allNaN ? { title: `Replace the NaN and Infinity ${what} with 0 before fit`, plan: { kind: 'scale', fitSite, role, op: { type: 'finite' } } } : null;
      // A sum with reduce and no initial value over objects: it starts from the first object and concatenates text.
      // Lines split on a separator they do not hold (a tab-separated export split on commas): each line one field.
      const split = s.nanCount >= 0.5 * s.count ? run.script.splitMissesSeparator[0] : undefined;
      const resplit: PlannedFix | null = split ? { title: `Split on ${separatorName(split.holds)}, the separator the lines hold`, plan: { kind: 'splitSeparator', site: split.site, from: split.separator, to: split.holds } } : null;
      // NaN written into the arrays: 0 / 0 from a constant Math.floor made 0 (a width or sigma from an integer division).
      const fromArray = e.origin?.kernel === 'tensor' || e.origin?.nonFiniteFrom?.kernel === 'tensor';
      const file = (e.origin?.site ?? fitSite)?.file ?? null;
      const floored: PlannedFix | null = fromArray && s.nanCount > 0 && file ? { title: 'Keep the constant that divides at 1 or more: Math.floor made it 0', plan: { kind: 'floorAtLeastOne', file } } : null;
      // Missing cells imputed with a column mean that was itself taken over the NaN cells.
      const imputed: PlannedFix | null = role === 'x' && fromArray && s.nanCount > 0 && !allNaN && file ? { title: 'Take the column means over the numbers only (skip the missing cells)', plan: { kind: 'meanSkipsNaN', file } } : null;
      // The array held -Infinity and nothing else non-finite: the log of 0 (NaN once standardized, the mean being -Infinity).
      const logOfZero = e.origin?.nonFiniteFrom?.kernel === 'tensor' && e.origin.nonFiniteFrom.onlyNegativeInfinity === true;
      const logFloor: PlannedFix | null = logOfZero && role === 'x' ? { title: 'Floor the value before its log: Math.log(0) is -Infinity', plan: { kind: 'logFloor', file: e.origin!.nonFiniteFrom!.site.file } } : null;
      // Bounds read past an array's end (a percentile in percent used as a fraction): undefined, and Math.min with it NaN.
      const percentile: PlannedFix | null = role === 'x' && s.nanCount > 0 && file ? { title: 'Give the percentiles as fractions (99 → 0.99): in percent they index past the end', plan: { kind: 'percentileFraction', file } } : null;
      const reduced: PlannedFix | null = allNaN && fitSite && !logOfZero ? { title: 'Start each sum with reduce from 0 (without it, the first row object is the start)', plan: { kind: 'reduceFromZero', file: fitSite.file } } : null;
      // Targets written in the script: from a for...in key used in arithmetic, or the log of a count of 0.
      const written: PlannedFix[] =
        role === 'y' && e.origin?.site
          ? [
              { title: 'Count the index (for...in gives it as a string, so i + 1 concatenates)', plan: { kind: 'forInToIndex', site: e.origin.site } },
              ...(s.infCount > 0 && s.nanCount === 0 ? [{ title: 'Take log1p of the counts (log(1 + count), 0 at 0)', plan: { kind: 'log1pAtWrite' as const, site: e.origin.site } }] : []),
            ]
          : [];
      // Parsed from text where the rows are built (parseFloat of an empty cell): 0 there.
      const madeAt = e.origin?.site;
      const atParse: PlannedFix | null = role === 'x' && s.infCount === 0 && madeAt ? { title: `Read empty or unreadable cells as 0 where the rows are parsed`, plan: { kind: 'nanAtParse', site: madeAt } } : null;
      // Text parsed with `.map(parseInt)` (each index becomes the radix), or a header line parsed as a row.
      const textSite = madeAt ?? fitSite;
      const headerOnly = s.nanCount > 0 && s.infCount === 0 && s.nonFiniteRows === 1 && s.firstNonFinite?.[0] === 0 && (s.shape?.length ?? 0) >= 2 && s.nanCount === (s.shape![s.shape!.length - 1] ?? 0);
      // A column made by Math.log (NaN below 0) or Math.exp (Infinity past 88) where each row is mapped.
      const column = s.firstNonFinite && s.firstNonFinite.length === 2 ? s.firstNonFinite[1]! : null;
      // Rows mapped into an array that already held them, then scaled: the column is the array's.
      const rowsAt = e.origin?.nonFiniteFrom?.kernel === 'tensor' ? e.origin.nonFiniteFrom.site : madeAt;
      const transformed: PlannedFix[] =
        role === 'x' && rowsAt && column !== null
          ? [
              { title: 'Use a transform defined for every value in that column', plan: { kind: 'finiteAtColumn', site: rowsAt, column } },
              // Shares of a row's sum: 0 / 0 for a row of all 0s.
              ...(s.infCount === 0 ? [{ title: 'Give a row whose sum is 0 shares of 0', plan: { kind: 'guardShare' as const, site: rowsAt } }] : []),
            ]
          : [];
      const parsed: PlannedFix[] = textSite
        ? [
            ...(s.nanCount > 0 ? [{ title: 'Parse with Number: map(parseInt) passes each index as the radix', plan: { kind: 'parseIntMap' as const, site: textSite } }] : []),
            ...(headerOnly ? [{ title: 'Skip the header line', plan: { kind: 'skipHeader' as const, site: textSite } }] : []),
          ]
        : [];
      // Whole rows of NaN: arrays made as `new Array(n).map(fn)`, which map leaves as holes.
      const width = s.shape && s.shape.length >= 2 ? s.shape[s.shape.length - 1] : null;
      const holes: PlannedFix | null =
        s.infCount === 0 && s.nonFiniteRows && typeof width === 'number' && s.nanCount === s.nonFiniteRows * width && (e.origin?.site ?? fitSite)
          ? { title: 'Build the arrays with Array.from: map skips the holes of new Array(n)', plan: { kind: 'arrayFromHoles', file: (e.origin?.site ?? fitSite)!.file } }
          : null;
      // NaN in whole columns of every row, the others numbers: cells of text such as 'true'/'false', which Number() makes NaN.
      const rowCount = s.shape?.[0];
      const textColumns =
        role === 'x' && s.infCount === 0 && typeof rowCount === 'number' && typeof width === 'number' && s.nonFiniteRows === rowCount && s.nanCount % rowCount === 0 && s.nanCount / rowCount < width && (e.origin?.site ?? fitSite)
          ? { title: "Read 'true' and 'false' cells as 1 and 0: Number('true') is NaN", plan: { kind: 'booleanCells' as const, file: (e.origin?.site ?? fitSite)!.file } }
          : null;
      // Made from an array holding undefined: a closure made in a `for (var ...)` loop reads the loop's last value, past the row's end.
      const closure: PlannedFix | null = e.origin?.nonFiniteFrom?.kernel === 'tensor' ? { title: 'Declare the loop variable with let, so each closure keeps its own value', plan: { kind: 'letLoopVariable', site: e.origin.nonFiniteFrom.site } } : null;
      // NaN made by the division that standardizes the inputs: a column whose spread is 0 gives 0 / 0.
      const entered = e.origin?.nonFiniteFrom;
      if (role === 'x' && s.infCount === 0 && madeAt && e.origin?.kernel === 'RealDiv' && (!entered || entered.kernel === 'RealDiv')) {
        out.push({
          id: `non-finite-data:${about}`,
          symptom: 'non-finite-data',
          rootCause: 'input-normalization',
          layer: null,
          location: madeAt,
          related: view.event.fitSite ? [{ site: view.event.fitSite, message: 'trains on the NaN inputs' }] : [],
          message: `The training inputs contain ${kinds} value${n > 1 ? 's' : ''}${where ? ` (${where})` : ''}, made by this division: a column whose spread is 0 (the same value in every row) is divided by a standard deviation of 0, and 0 / 0 is NaN. The first batch turns the weights into NaN. Keep the divisor above 0 (such a column then standardizes to 0).`,
          evidence: [`${kinds} in the training inputs${where ? `, ${where}` : ''}`, 'made by a division'],
          relevance: new Map(),
          fixes: [{ title: 'Keep the divisor above 0', plan: { kind: 'guardDivisor', site: madeAt } }],
          atFix: true,
          confirmBy: NON_FINITE_DATA_HARM,
          strength: 1,
          weak: false,
          explainsAllHarm: true,
        });
        continue;
      }
      // Missing values dropped with `v !== NaN`, which keeps every row (NaN equals nothing).
      const nanTest: PlannedFix | null = s.nanCount > 0 && fitSite ? { title: 'Test for NaN with Number.isNaN (NaN !== NaN is always true)', plan: { kind: 'isNaNTest', site: fitSite } } : null;
      // NaN targets meant as missing, masked in the loss after the error is computed on them.
      const late = run.nanMaskedLate;
      if (role === 'y' && s.infCount === 0 && late?.site) {
        out.push({
          id: `non-finite-data:${about}`,
          symptom: 'non-finite-data',
          rootCause: 'loss-function',
          layer: null,
          location: late.site,
          related: late.maskSite && late.maskSite.line !== late.site.line ? [{ site: late.maskSite, message: 'the NaN targets are tested for here, to be masked' }] : [],
          message: `The training targets hold ${kinds} value${n > 1 ? 's' : ''}${where ? ` (${where})` : ''} that the loss masks, but only after this line has computed the error on them: tf.where picks the masked values going forward, and going back it multiplies the gradient of the branch it drops by 0, and 0 × NaN is NaN. The first step turns every weight into NaN though the loss is finite. Replace the NaN targets (with 0) before the error is taken; the mask still leaves those rows out.`,
          evidence: [`${kinds} in the training targets${where ? `, ${where}` : ''}`, `tested with tf.isNaN${late.maskSite ? ` on line ${late.maskSite.line}` : ''}, then used in a difference on line ${late.site.line}`],
          relevance: new Map(),
          fixes: [{ title: 'Replace the NaN targets with 0 before taking the error', plan: { kind: 'nanFreeOperand', site: late.site, operand: late.operand } }],
          confirmBy: NON_FINITE_DATA_HARM,
          strength: 1,
          weak: false,
          explainsAllHarm: true,
        });
        continue;
      }
      // Values rounded with toFixed, which returns text: a sum of them concatenates, and the statistics are NaN.
      const rounded: PlannedFix | null = role === 'x' && allNaN && file ? { title: 'Keep the rounded values numbers: toFixed returns text, which a sum concatenates', plan: { kind: 'numberFromToFixed', file } } : null;
      // Lagged values read before the series begins (series[t - lag] from t = 0): undefined, so NaN.
      const history: PlannedFix | null = role === 'x' && s.nanCount > 0 && file ? { title: 'Start at the first step with a full history: series[t - lag] before it is undefined', plan: { kind: 'historyStart', file } } : null;
      // Cells with a percent sign read by Number (NaN); a window's standard deviation of 0 divided by; values a braced map arrow never returned.
      const percentCells: PlannedFix | null = role === 'x' && s.nanCount > 0 && file ? { title: "Parse the cells with parseFloat: Number('4.01%') is NaN", plan: { kind: 'percentCells', file } } : null;
      const guardStd: PlannedFix | null = role === 'x' && s.nanCount > 0 && s.infCount === 0 && fromArray && file ? { title: 'Keep the standard deviation it divides by above 0 (a constant window has none)', plan: { kind: 'guardStd', file } } : null;
      const mapReturn: PlannedFix | null = role === 'x' && allNaN && file ? { title: 'Return the value from the map callback (a braced arrow returns nothing)', plan: { kind: 'returnFromMapArrow', file } } : null;
      const fixes = [logFloor, percentile, rounded, history, percentCells, guardStd, mapReturn, resplit, floored, imputed, reduced, nanTest, holes, ...transformed, ...parsed, closure, textColumns, atParse, fix, ...written].filter((x): x is PlannedFix => x !== null);
      out.push({
        id: `non-finite-data:${about}`,
        symptom: 'non-finite-data',
        rootCause: 'training-data',
        layer: null,
        location: fitSite,
        ...(slot === 0 ? { data: { role, fitSite } } : {}),
        related: [],
        message: `The training ${what} contain ${kinds} value${n > 1 ? 's' : ''}${where ? ` (${where})` : ''}: the first batch that holds one turns the weights into NaN. ${logOfZero ? `They come from -Infinity values in the array the tensor was made from on line ${e.origin!.nonFiniteFrom!.site.line}: the log of 0 (Math.log(0) is -Infinity)${s.nanCount > 0 ? ', and a column holding -Infinity has a mean of -Infinity, so standardizing it makes every value NaN' : ''}. Keep the value above 0 before its log (add a small floor such as 1e-10).` : split ? `The lines were split on ${separatorName(split.separator)} on line ${split.site.line}, but they hold ${separatorName(split.holds)}s and no ${separatorName(split.separator)} (${split.lines} lines seen): each line stayed one field, and a number parsed from it is NaN. ` : allNaN ? 'Every value is NaN, so nothing numeric reached the tensor: a sum with reduce and no initial value over row objects (it starts from the first object and joins text), lines split on the wrong separator (a tab-separated file split on commas), a bound read past an array\'s end (a percentile given in percent, used as a fraction: undefined, and Math.min with undefined is NaN), or values rounded with toFixed (it returns text, which a sum joins) do this. ' : ''}${headerOnly ? 'Only the first row holds them, in every column: a header line parsed as numbers looks like this. ' : ''}${split ? `Split each line on the ${separatorName(split.holds)}.` : logOfZero ? '' : entered?.kernel === 'tensor' ? `They were already in the array the tensor was made from on line ${entered.site.line} (undefined becomes NaN: a field read past the end of its row, a series read before its start (series[t - lag] from t = 0), or a value read by a closure that kept a loop's last index; a division by 0 gives Infinity, or NaN for 0 / 0).` : 'Drop or fill those rows before training.'}`,
        evidence: [`${kinds} in the training ${what}${where ? `, ${where}` : ''}`],
        relevance: new Map(),
        fixes,
        confirmBy: NON_FINITE_DATA_HARM,
        strength: 1,
        weak: false,
        explainsAllHarm: true,
        // Shown on the parse, the loop or the log when a fix applies there (any but the replace-with-0 at fit).
        ...(fixes.some((f) => f !== fix) ? { atFix: true } : {}),
      });
    }
  }
  return out;
}

/** A separator as a user calls it. */
function separatorName(c: string): string {
  return c === '\t' ? 'tab' : c === ',' ? 'comma' : c === ';' ? 'semicolon' : c === '|' ? 'pipe' : `'${c}'`;
}

/** -log(sigmoid(1)) and -log(1 - sigmoid(0)): the least per-element loss for labels 1 and 0 when the logits are probabilities. */
const SIGMOID_TWICE_FLOOR = { one: Math.log(1 + Math.exp(-1)), zero: Math.log(2) };

/**
 * A cross-entropy that applies softmax or sigmoid itself, given outputs that already went through
 * one. The activation is applied twice: the loss can never fall below a floor well above 0
 * (log(e + k - 1) - 1 for k classes), and its gradients shrink. Accuracy can still rise, so
 * learning does not refute it; a stall confirms it.
 */
function activationAppliedTwice(view: ModelView, run: ModelState): Hypothesis[] {
  const out: Hypothesis[] = [];
  for (const call of run.lossCalls.values()) {
    if (!call.probabilities) continue;
    const kind = /softmax/i.test(call.fn) ? 'softmax' : 'sigmoid';
    const o = view.outputs.find((x) => x.activation === kind || (kind === 'sigmoid' && x.activation === 'hardsigmoid')) ?? null;
    // Logits in [0, 1] from a layer that applies no sigmoid (a ReLU that has not grown yet) are not probabilities.
    if (!o && kind === 'sigmoid' && view.outputs.length > 0) continue;
    // The loss given to compile (fit), not one a custom loop calls.
    const fromCompile = view.event.mode !== 'custom' && view.event.loss.some((l) => l === call.fn);
    const meanReduced = call.reduction === null || call.reduction === 1 || call.reduction === 3;
    let floor: number | null = null;
    if (call.labelSmoothing === 0 && meanReduced && call.positiveRate !== null) {
      if (kind === 'softmax' && call.classes && call.classes > 1) floor = Math.log(Math.E + call.classes - 1) - 1;
      if (kind === 'sigmoid') floor = call.positiveRate * SIGMOID_TWICE_FLOOR.one + (1 - call.positiveRate) * SIGMOID_TWICE_FLOOR.zero;
    }
    const fixes: PlannedFix[] = [];
    if (o && fromCompile) fixes.push(lossFix(view, o.slot, kind === 'softmax' ? 'categoricalCrossentropy' : 'binaryCrossentropy', `Use ${kind === 'softmax' ? 'categoricalCrossentropy' : 'binaryCrossentropy'}, which takes ${o.actLayer.info.name}'s probabilities as they are`));
    if (o) fixes.push(activationFix(o.actLayer, 'linear', `Remove the ${kind} from ${o.actLayer.info.name}: ${call.fn} applies it (apply tf.${kind} to predictions)`));
    const where = o ? `${o.actLayer.info.name}'s ${kind} outputs` : 'probabilities';
    // The squiggle goes where the preferred fix edits: compile's loss for fit, else the output layer.
    const atCompile = fromCompile && view.compileSite !== null;
    const related = [
      ...(call.site ? [{ site: call.site, message: `${call.fn} applies ${kind} here` }] : []),
      ...(atCompile && o?.actLayer.info.site ? [{ site: o.actLayer.info.site, message: `${o.actLayer.info.name} already applies ${kind}` }] : []),
    ];
    out.push({
      id: `activation-loss-mismatch:${call.fn}`,
      symptom: 'activation-loss-mismatch',
      rootCause: o && !atCompile ? 'output-activation' : 'loss-function',
      layer: o?.actLayer ?? null,
      location: atCompile ? view.compileSite : (o?.actLayer.info.site ?? call.site ?? view.compileSite),
      related: o || !call.site ? related : [],
      message: `${call.fn} applies ${kind} to its logits itself, but it is given ${where}: ${kind} is applied twice, so the gradients shrink${floor !== null ? ` and the loss can never fall below ${fmt(floor)}` : ''}.`,
      evidence: [`every value passed to ${call.fn} as logits lies in [0, 1]${kind === 'softmax' ? ' and each row sums to 1' : ''}`, ...(floor !== null ? [`least reachable loss ${fmt(floor)}${kind === 'softmax' ? ` for ${call.classes} one-hot classes` : ` at a positive rate of ${fmt(call.positiveRate)}`}`] : [])],
      relevance: o ? outputRelevance(view, o, `${kind} output fed to ${call.fn}, which applies ${kind} again`) : new Map(),
      fixes,
      confirmBy: set(...HARM),
      strength: 0.9,
      weak: false,
      // An output layer that applies the activation, fed to a loss that applies it again, is wrong
      // however training goes: a slow fall of the loss is the shrunken gradient, not a cure.
      certain: o !== null,
      keepWhenLearning: true,
    });
  }
  return out;
}

/**
 * One-hot targets with rows of all 0s, under a loss that expects one class per row: those rows add
 * no loss, so they teach the model nothing, and accuracy counts them as class 0. tf.oneHot makes
 * them from indices outside [0, depth); when the probe saw that call, the finding sits on it, and
 * labels numbered 1..depth (class 0 never used) get a fix that numbers them from 0.
 */
function zeroTargetRows(view: ModelView, run: ModelState, o: OutputView, t: TargetView, ySite: SourceSite | null): Hypothesis[] {
  const call = run.script.oneHot.find((c) => c.depth === t.columns) ?? null;
  const rows = t.rows ?? null;
  // Most rows -1, or the rows of whole classes: a lookup that found nothing (indexOf of a name with a
  // trailing '\r' or space, of a float summed in steps of 0.1), not padding.
  const missingClasses = t.freqs?.filter((f) => f === 0).length ?? 0;
  const classesMissing = t.freqs !== null && missingClasses >= 1 && t.freqs.filter((f) => f > 0).length >= 2;
  const notFound = call !== null && isNum(call.min) && call.min === -1 && rows !== null && (t.zeroRows >= 0.5 * rows || (classesMissing && t.zeroRows >= 0.05 * rows));
  // Negative indices only (-1 for padding): rows left out of the loss on purpose.
  if (call && isNum(call.min) && isNum(call.max) && call.min < 0 && call.max < call.depth && !notFound) return [];
  const share = rows ? `${t.zeroRows} of ${rows}` : `${t.zeroRows}`;
  const fromOne = call !== null && call.min === 1 && call.max === call.depth && (t.freqs?.[0] ?? 1) === 0;
  // Indices 0..depth: the depth is the largest index, one short of the count.
  const countShort = call !== null && !fromOne && call.min === 0 && call.max === call.depth;
  const cause = notFound
    ? ` tf.oneHot made them from the index -1, which indexOf returns for a value it does not find: the labels as read differ from the class list (a trailing '\\r' from Windows line endings split on '\\n', a space, another case, or a number computed in steps, 0.1 * 3 = 0.30000000000000004, where the list writes 0.3)${classesMissing ? `; ${missingClasses} of the ${t.columns} classes have no row at all` : ''}.`
    : call
    ? ` tf.oneHot made them from ${call.outOfRange} ${call.outOfRange === 1 ? 'index' : 'indices'} outside 0..${call.depth - 1} (the indices run from ${fmt(call.min)} to ${fmt(call.max)})${fromOne ? ': the labels are numbered from 1' : countShort ? `: its depth, ${call.depth}, is the largest index, one short of the ${call.depth + 1} classes` : ''}.`
    : ' tf.oneHot makes such rows from class indices outside 0..depth - 1 (labels numbered from 1?).';
  const fixes: PlannedFix[] =
    notFound && call?.site
      ? [
          { title: "Look the label up trimmed (without a trailing \\r or space), in the class names' case", plan: { kind: 'trimLookup', site: call.site } },
          { title: 'Look the value up within rounding error of the listed numbers', plan: { kind: 'nearLookup', site: call.site } },
        ]
      : fromOne && call?.site
      ? [{ title: 'Number the labels from 0: subtract 1 before tf.oneHot', plan: { kind: 'shiftIndices', site: call.site, by: -1 } }]
      : countShort && call?.site
        ? [{ title: 'Count the classes as the largest index + 1', plan: { kind: 'classCountPlusOne', site: call.site, in: 'oneHotDepth' } }]
        : [];
  return [
    {
      id: 'label-encoding-mismatch:y',
      symptom: 'label-encoding-mismatch',
      rootCause: 'label-encoding',
      layer: null,
      location: call?.site ?? ySite,
      ...(call?.site ? {} : { data: { role: 'y' as const, fitSite: ySite } }),
      related: view.compileSite ? [{ site: view.compileSite, message: `loss ${o.loss?.name ?? ''}` }] : [],
      message: `${share} target rows are all 0 and belong to no class: ${o.loss?.name ?? 'the loss'} gives them no loss, so they teach the model nothing.${cause}`,
      evidence: [`targets: ${t.columns} columns, one-hot except ${share} rows of all 0s`, ...(call ? [`tf.oneHot(…, ${call.depth}) got indices from ${fmt(call.min)} to ${fmt(call.max)}`] : [])],
      relevance: outputRelevance(view, o, 'trained on rows that belong to no class'),
      fixes,
      confirmBy: set(...HARM),
      strength: 0.9,
      weak: false,
      keepWhenLearning: true,
      // tf.oneHot seen taking indices past its depth: those rows are lost whatever training shows.
      certain: (call !== null && isNum(call.max) && call.max >= call.depth) || notFound,
      ...(countShort || notFound ? { atFix: true } : {}),
    },
  ];
}

/** Each order-sensitive tf.losses function: what it takes second (after the labels), and what it computes. */
const ORDERED_LOSSES: Record<string, { second: string; measure: string }> = {
  softmaxCrossEntropy: { second: 'logits', measure: 'softmax cross-entropy' },
  sigmoidCrossEntropy: { second: 'logits', measure: 'sigmoid cross-entropy' },
  logLoss: { second: 'predictions', measure: 'log loss' },
  hingeLoss: { second: 'predictions', measure: 'hinge loss' },
};

/**
 * A tf.losses function given the model's outputs where it takes the labels and the labels where it
 * takes the predictions. Its value is then linear in the outputs: it pushes them towards a bound,
 * or without end, and measures no error. Certain from the first call (a model's outputs
 * are never all exactly 0 or 1), so learning does not refute it, and any harm is its consequence.
 */
function lossArgumentsSwapped(view: ModelView, run: ModelState): Hypothesis[] {
  const out: Hypothesis[] = [];
  for (const call of run.lossCalls.values()) {
    if (!call.swapped) continue;
    const { second, measure } = ORDERED_LOSSES[call.fn] ?? { second: 'predictions', measure: 'loss' };
    const fixes: PlannedFix[] = call.site ? [{ title: `Swap the arguments: ${call.fn}(labels, ${second})`, plan: { kind: 'swapArguments', site: call.site, callee: call.fn } }] : [];
    out.push({
      id: `loss-arguments-swapped:${call.fn}`,
      symptom: 'loss-arguments-swapped',
      rootCause: 'loss-function',
      layer: null,
      location: call.site ?? view.compileSite,
      related: [],
      message: `${call.fn} takes the labels first and the ${second} second, but its first argument holds the model's outputs and its second the 0/1 labels. So it does not compute the ${measure} of the predictions: its value is linear in the outputs and pushes them to a bound, or without end. Swap the two arguments.`,
      evidence: [`every value passed to ${call.fn} as ${second} is 0 or 1, and the values passed as labels are not`],
      relevance: new Map(),
      fixes,
      confirmBy: set(...HARM, ...NUMERIC, 'loss-diverging', 'loss-oscillating', 'output-out-of-range'),
      strength: 1,
      weak: false,
      keepWhenLearning: true,
      explainsAllHarm: true,
    });
  }
  return out;
}

/**
 * A training step that subtracts a [n] tensor from a [n, 1] one (or the reverse): broadcasting
 * makes the difference [n, n], so a hand-written loss compares every prediction with every target
 * and the best the model can do is predict their mean. Certain from the shapes, so learning does
 * not refute it, and any harm is its consequence.
 */
function broadcastInLoss(view: ModelView, run: ModelState): Hypothesis[] {
  const e = run.broadcast;
  if (!e) return [];
  const [a, b] = e.shapes as [number[], number[]];
  const n = a[0] ?? b[0];
  const shape = (s: number[]) => `[${s.join(', ')}]`;
  const across = e.kind === 'acrossOutputs';
  const fixes: PlannedFix[] =
    e.site && !across
      ? [{ title: e.vector === 'b' ? `Reshape the [${n}] operand of ${e.op} to [${n}, 1]` : `Flatten the [${n}, 1] operand of ${e.op} to [${n}]`, plan: { kind: 'reshapeOperand', site: e.site, op: e.op, vector: e.vector } }]
      : [];
  const width = (e.vector === 'a' ? b : a)[1];
  const message = across
    ? `${e.op} of the model's ${shape(e.vector === 'a' ? b : a)} output and a ${shape(e.vector === 'a' ? a : b)} column broadcasts the column across all ${width} outputs: every output of a row is fitted to the row's one target, so training pulls them together and they cannot differ (a Q-learning loss that never picks the value of the action taken). Compare the target with the one output it belongs to, e.g. tf.sum(tf.mul(q, tf.oneHot(actions, ${width})), 1, true).`
    : e.op === 'mul'
      ? `mul of a ${shape(a)} and a ${shape(b)} tensor broadcasts to [${n}, ${n}]: each row's loss is multiplied by every row's weight, so any sum of it weighs every row by the same total and the per-row weights have no effect. Give both the same shape.`
      : `${e.op} of a ${shape(a)} and a ${shape(b)} tensor broadcasts to [${n}, ${n}]: the loss compares every prediction with every target, so the best the model can do is predict their mean. Give both the same shape.`;
  return [
    {
      id: `loss-shape-mismatch:${e.op}`,
      symptom: 'loss-shape-mismatch',
      rootCause: 'loss-function',
      layer: null,
      location: e.site ?? view.compileSite,
      related: [],
      message,
      evidence: [`a training step computed ${e.op} of shapes ${shape(a)} and ${shape(b)}`],
      relevance: new Map(),
      fixes,
      confirmBy: set(...HARM, ...NUMERIC, 'loss-diverging', 'loss-oscillating'),
      strength: 1,
      weak: false,
      keepWhenLearning: true,
      // Per-row weights multiplied across the rows have no effect, whatever training shows.
      ...(e.op === 'mul' && !across ? { certain: true } : {}),
      explainsAllHarm: true,
    },
  ];
}

/**
 * A `trainable` changed after compile: fit keeps training the weights compile collected (tfjs, like
 * Keras, reads the flags only in compile), so layers unfrozen for fine-tuning never move and layers
 * frozen afterwards keep training. Certain from the model; the fix compiles again after the change.
 */
function trainableAfterCompile(view: ModelView, run: ModelState): Hypothesis[] {
  const e = run.staleTrainable;
  if (!e) return [];
  const unfroze = e.trainable > e.compiled;
  const site = e.site ?? view.event.fitSite;
  return [
    {
      id: 'trainable-after-compile:model',
      symptom: 'trainable-after-compile',
      rootCause: 'optimizer',
      layer: null,
      location: site,
      related: view.event.compileSite ? [{ site: view.event.compileSite, message: 'compile collected the weights to train here' }] : [],
      message: `${unfroze ? 'Layers were made trainable' : 'Layers were frozen'} after compile: fit still trains the ${e.compiled} weights compile collected, not the ${e.trainable} marked trainable now, because TensorFlow.js (like Keras) reads the trainable flags only in compile. ${unfroze ? 'The unfrozen layers never move.' : 'The frozen layers keep training.'} Call compile again after changing trainable.`,
      evidence: [`compile collected ${e.compiled} weights to train; ${e.trainable} are marked trainable when fit starts`],
      relevance: new Map(),
      fixes: e.site && view.event.compileSite ? [{ title: 'Compile again after changing trainable', plan: { kind: 'recompileAfter', site: e.site, compileSite: view.event.compileSite } }] : [],
      confirmBy: set(...HARM),
      strength: 1,
      weak: false,
      keepWhenLearning: true,
      certain: true,
    },
  ];
}

/**
 * A percentage error (MAPE) divides each error by its target: on targets that reach or cross 0 (a
 * change, a profit, standardized values), rows near 0 weigh thousands of times more than the rest,
 * and the model settles on predicting about 0 for everything. Harm confirms it, and a loss that
 * jumps or climbs is blamed on it, not on the learning rate; the fix is a squared error.
 */
function percentageLossNearZero(view: ModelView, run: ModelState): Hypothesis[] {
  const out: Hypothesis[] = [];
  for (const o of view.outputs) {
    const t = run.data.target(o.slot);
    const lo = t?.summary.min;
    const hi = t?.summary.max;
    if (!o.loss || !/percentage|mape/i.test(o.loss.name) || !t || !isNum(lo) || !isNum(hi) || lo > 0 || hi < 0) continue;
    out.push({
      id: `percentage-loss-near-zero:${o.slot}`,
      symptom: 'percentage-loss-near-zero',
      rootCause: 'loss-function',
      layer: null,
      location: view.compileSite,
      related: [],
      message: `The loss is a percentage error, which divides each error by its target, but the targets reach 0 (they range from ${fmt(lo)} to ${fmt(hi)}): rows with targets near 0 weigh thousands of times more than the rest, so the model learns to predict about 0 and fits nothing else. Use a squared or absolute error for targets that reach 0.`,
      evidence: [`targets from ${fmt(lo)} to ${fmt(hi)} under ${o.loss.name}`],
      relevance: new Map(),
      fixes: [lossFix(view, o.slot, 'meanSquaredError')],
      confirmBy: set(...HARM, 'loss-diverging', 'loss-oscillating'),
      strength: 0.9,
      weak: false,
      // The percentage falls as predictions shrink towards 0, so a falling loss refutes nothing.
      keepWhenLearning: true,
    });
  }
  return out;
}

/**
 * Class indices ([rows, 1]) given to a categorical cross-entropy in a custom loop: tfjs broadcasts
 * the column into the log of the [rows, classes] predictions, so each row's loss is its class number
 * times the sum of all classes' log-probabilities. It ignores which class is right and is least for
 * a uniform output. Certain from the step's kernels; shown where the targets were made.
 */
function columnTargets(view: ModelView, run: ModelState): Hypothesis[] {
  const e = run.columnTargets;
  if (!e) return [];
  return [
    {
      id: 'label-encoding-mismatch:column-targets',
      symptom: 'label-encoding-mismatch',
      rootCause: 'label-encoding',
      layer: null,
      location: e.madeAt ?? e.site ?? view.event.fitSite,
      related: e.site && e.madeAt ? [{ site: e.site, message: 'the cross-entropy multiplies them into the log-probabilities here' }] : [],
      message: `The targets reach the cross-entropy as one class index per row ([${e.rows}, 1]) for ${e.classes} predicted classes: tfjs multiplies that column into the log of every class's probability, so each row's loss is its class number times the sum of all ${e.classes} log-probabilities. That ignores which class is right and is least for a uniform output. One-hot encode the targets (tf.oneHot(labels, ${e.classes})), or use a sparse cross-entropy.`,
      evidence: [`a training step multiplied a [${e.rows}, 1] tensor into the log of a [${e.rows}, ${e.classes}] one`],
      relevance: new Map(),
      fixes: e.madeAt ? [{ title: `One-hot encode the targets where they are made (${e.classes} classes)`, plan: { kind: 'scaleMade', site: e.madeAt, op: { type: 'oneHot', depth: e.classes } } }] : [],
      confirmBy: set(...HARM, ...NUMERIC),
      strength: 1,
      weak: false,
      keepWhenLearning: true,
      certain: true,
      explainsAllHarm: true,
    },
  ];
}

/**
 * A layer's [rows, items, features] output averaged over the rows of the batch, dimensions kept
 * (`tf.mean(h, 0, true)` where each sample's items, axis 1, were meant): every sample is compared
 * with, or pooled into, the batch's average, so samples mix and none is told apart by its own
 * items. A warning on the call, confirmed by a stall; fixed by averaging over axis 1.
 */
function batchMeanPooling(e: NonNullable<ModelState['batchAxis']>): Hypothesis[] {
  const shape = `[${e.shape.join(', ')}]`;
  return [
    {
      id: 'mean-over-batch-axis:model',
      symptom: 'loss-not-decreasing',
      rootCause: 'architecture',
      layer: null,
      location: e.site,
      related: [],
      message: `The forward pass averages a ${shape} layer output over axis 0, the ${e.shape[0]} samples of the batch, keeping dimensions: every sample gets the batch's average in place of its own ${e.shape[1]} items' (axis 1), so the samples mix and the model cannot tell them apart by their own items. Average over axis 1.`,
      evidence: [`a training step averaged a ${shape} layer output over axis 0`],
      relevance: new Map(),
      fixes: e.site ? [{ title: "Average over each sample's items (axis 1)", plan: { kind: 'meanAxis', site: e.site, to: 1 } }] : [],
      confirmBy: set('loss-not-decreasing', 'accuracy-not-increasing', 'constant-output'),
      strength: 0.9,
      weak: false,
      keepWhenLearning: true,
    },
  ];
}

/**
 * Attention scores [rows, queries, keys] normalized over axis 1, the queries (a hand-written
 * softmax given axis 1): each key's weights over the queries sum to 1, and a query's weights over
 * the keys sum to anything. Pooled over the queries afterwards, the weights cancel out entirely and
 * the scores' projections get no gradient. Certain from the step's kernels; fixed with the keys'
 * axis (-1).
 */
function attentionOverQueries(e: NonNullable<ModelState['batchAxis']>): Hypothesis[] {
  const [, queries, keys] = e.shape;
  return [
    {
      id: 'attention-over-queries:model',
      symptom: 'attention-over-queries',
      rootCause: 'architecture',
      layer: null,
      location: e.site,
      related: [],
      message: `The attention scores, [${e.shape.join(', ')}] (rows, ${queries} queries, ${keys} keys), are normalized over axis 1, the queries: each key's weights over the queries sum to 1 instead of each query's weights over the keys, so a query does not take a weighted average of the values, and once the queries are pooled the weights cancel out and the scores learn nothing. Normalize over the keys, the last axis (-1).`,
      evidence: [`a training step normalized [${e.shape.join(', ')}] scores from a matrix product over axis 1`],
      relevance: new Map(),
      fixes: e.site ? [{ title: "Normalize each query's weights over the keys (axis -1)", plan: { kind: 'lastAxis', site: e.site, steps: true } }] : [],
      atFix: true,
      confirmBy: set('loss-not-decreasing', 'accuracy-not-increasing', 'constant-output'),
      strength: 1,
      weak: false,
      certain: true,
      keepWhenLearning: true,
    },
  ];
}

/**
 * A layer's [rows, features] output divided by its norm over axis 0 (an L2 normalization given the
 * batch's axis): each feature gets unit length across the rows, where each row was meant to, so a
 * row's dot products ("cosines") depend on the rest of its batch and cannot exceed what the batch
 * allows. Certain from the step's kernels; fixed by normalizing over the last axis.
 */
function batchAxisNorm(e: NonNullable<ModelState['batchAxis']>): Hypothesis[] {
  const [rows, features] = e.shape;
  return [
    {
      id: 'norm-over-batch-axis:model',
      symptom: 'norm-over-batch-axis',
      rootCause: 'architecture',
      layer: null,
      location: e.site,
      related: [],
      message: `A training step takes the norm of a [${e.shape.join(', ')}] layer output over axis 0, the ${rows} rows of the batch, keeping dimensions: an L2 normalization over that axis gives each of the ${features} features unit length across the batch instead of each row unit length, so a row's dot products are no cosines, depend on the other rows of its batch, and shrink as the batch grows. Normalize over the last axis (-1).`,
      evidence: [`a training step summed the squares of a [${e.shape.join(', ')}] layer output over axis 0`],
      relevance: new Map(),
      fixes: e.site ? [{ title: 'Normalize each row (axis -1), not each feature over the batch', plan: { kind: 'lastAxis', site: e.site } }] : [],
      atFix: true,
      confirmBy: set('loss-not-decreasing', 'accuracy-not-increasing', 'constant-output'),
      strength: 1,
      weak: false,
      certain: true,
      keepWhenLearning: true,
    },
  ];
}

/**
 * A hand-written softmax or log-softmax over the batch axis (tf.logSumExp(logits, 0, true)): each
 * class is normalized over the rows of the batch, so the loss ranks rows against each other within
 * a class and says nothing about which class a row is. That loss still falls, so training cannot
 * refute it: certain from the step's kernels. The fix takes the classes' axis (-1).
 */
function batchAxisInLoss(view: ModelView, run: ModelState): Hypothesis[] {
  const e = run.batchAxis;
  if (!e) return [];
  if (e.kernel === 'Mean') return batchMeanPooling(e);
  if (e.norm) return batchAxisNorm(e);
  if (e.attention) return attentionOverQueries(e);
  // A sequence model's [rows, steps, classes] outputs may be normalized over the rows or the steps.
  const sequence = e.shape.length === 3;
  const overSteps = sequence && e.axis === 1;
  const shape = `[${e.shape.join(', ')}]`;
  const classes = e.shape[e.shape.length - 1]!;
  const across = overSteps ? `the ${e.shape[1]} steps of each sequence` : 'the rows of the batch';
  const unit = sequence ? 'step' : 'row';
  return [
    {
      id: 'loss-over-batch-axis:loss',
      symptom: 'loss-over-batch-axis',
      rootCause: 'loss-function',
      layer: null,
      location: e.site ?? view.compileSite,
      related: [],
      message: `The training step reduces the model's ${shape} outputs over axis ${overSteps ? 1 : 0}, ${across}, keeping dimensions, as a softmax or log-softmax over ${overSteps ? 'time' : 'the batch'} does: each class is then normalized across ${overSteps ? 'the steps' : 'the rows'} instead of each ${unit} across its ${classes} classes, so the loss ranks ${overSteps ? 'steps' : 'rows'} against each other and says nothing about which class a ${unit} is. Take it over the last axis (-1).`,
      evidence: [`a training step ran ${e.kernel} over axis ${overSteps ? 1 : 0} of a ${shape} tensor (the batch${sequence ? ' by the steps' : ''} by the model's output units)`],
      relevance: new Map(),
      fixes: e.site ? [{ title: `Normalize over the classes (axis -1), not ${overSteps ? 'the steps' : 'the batch'}`, plan: { kind: 'lastAxis', site: e.site, ...(overSteps ? { steps: true } : {}) } }] : [],
      // An axis passed in to a helper (softmax(logits, 1)) is the text to edit, where it is passed.
      atFix: true,
      confirmBy: set('loss-not-decreasing', 'accuracy-not-increasing', 'constant-output'),
      strength: 1,
      weak: false,
      // Its own loss falls as it ranks rows, so a falling loss says nothing: certain from the step.
      certain: true,
      explainsAllHarm: true,
    },
  ];
}

/**
 * Inputs and targets given to tf.util.shuffle one after the other: each gets its own random order,
 * so row i of the inputs no longer goes with row i of the targets, and the model is trained on
 * labels that say nothing about its inputs. The probe proved that fit's first rows were read from
 * the two arrays, at the same offset, after both shuffles: certain, so learning (memorizing the
 * training rows) does not refute it, and any harm is its consequence.
 */
function shuffledApart(view: ModelView, run: ModelState): Hypothesis[] {
  const e = run.shuffledApart;
  if (!e) return [];
  const [first, second] = e.inputsFirst ? [e.inputs, e.targets] : [e.targets, e.inputs];
  if (e.zip !== undefined) return zippedApart(view, e);
  // One call shuffling each array in turn (a loop): the same line for both.
  const sameLine = !!first && !!second && first.file === second.file && first.line === second.line;
  const fixes: PlannedFix[] =
    e.combo && first && second && first.file === second.file && first.line !== second.line
      ? [{ title: 'Shuffle the inputs and targets together: tf.util.shuffleCombo', plan: { kind: 'shuffleTogether', first, second } }]
      : sameLine
        ? [{ title: 'Draw one order and reorder every array by it', plan: { kind: 'shuffleOneOrder', site: first, rows: e.rows } }]
        : [];
  return [
    {
      id: 'labels-shuffled-apart:data',
      symptom: 'labels-shuffled-apart',
      rootCause: 'training-data',
      layer: null,
      location: first ?? second ?? view.event.fitSite,
      related: [
        ...(second && !sameLine ? [{ site: second, message: `the ${e.inputsFirst ? 'targets' : 'inputs'} are shuffled here, in another order` }] : []),
        ...(view.event.fitSite ? [{ site: view.event.fitSite, message: 'trains on the mismatched rows' }] : []),
      ],
      message: sameLine
        ? `The inputs and the targets are shuffled by this tf.util.shuffle call, one array at a time (a loop over columns or arrays), each in its own random order: row i of the inputs no longer goes with row i of the targets, so the model is trained on labels that say nothing about its inputs. Shuffle one list of row indices and reorder every array by it (tf.util.createShuffledIndices).`
        : `The inputs${onLine(e.inputs)} and the targets${onLine(e.targets)} are shuffled by two tf.util.shuffle calls, each in its own random order: row i of the inputs no longer goes with row i of the targets, so the model is trained on labels that say nothing about its inputs. Shuffle both arrays in one order${e.combo ? ' (tf.util.shuffleCombo(inputs, targets))' : ''}.`,
      evidence: [`the first rows training sees were read from two arrays of ${e.rows} rows, shuffled apart`],
      fixes,
      ...shuffledApartTraits(),
    },
  ];
}

/**
 * tf.util.shuffle run once per sample, on the sample's own timesteps or features
 * (`samples.forEach((s) => tf.util.shuffle(s.steps))`, meant to mix the samples): the order inside
 * each input, which a recurrent or dense layer reads, is random, and the inputs no longer carry
 * what depends on it. The probe proved one of the shuffled arrays is one of fit's first input rows.
 * A warning: inputs whose order means nothing (a bag of readings) survive it, so harm confirms it.
 */
function shuffledInsideSamples(view: ModelView, run: ModelState): Hypothesis[] {
  const e = run.shuffledInsideSamples;
  if (!e) return [];
  const recurrent = view.layers.some((l) => RECURRENT.test(l.info.className));
  const what = recurrent ? 'timesteps' : 'values';
  return [
    {
      id: 'sample-contents-shuffled:data',
      symptom: 'sample-contents-shuffled',
      rootCause: 'training-data',
      layer: null,
      location: e.site,
      related: view.event.fitSite ? [{ site: view.event.fitSite, message: 'trains on the scrambled samples' }] : [],
      message: `This tf.util.shuffle call ran ${e.calls} times, once per sample, and shuffled each sample's own ${e.length} ${what} rather than the order of the samples: the ${recurrent ? 'sequence order the recurrent layer reads' : 'position of each input value'} is random, so whatever depends on it cannot be learned. Shuffle the list of samples instead.`,
      evidence: [`${e.calls} arrays of ${e.length} shuffled on this line before training; the first is one of the model's first input rows`],
      relevance: new Map(),
      fixes: [{ title: 'Shuffle the samples, not the values inside each one', plan: { kind: 'shuffleSamples', site: e.site } }],
      confirmBy: set(...HARM, 'loss-oscillating', 'validation-at-chance'),
      strength: 1,
      weak: false,
      explainsAllHarm: true,
    },
  ];
}

/** What inputs and targets shuffled apart predict: any harm is theirs, and learning (memorizing) does not refute them. */
function shuffledApartTraits(): Pick<Hypothesis, 'relevance' | 'confirmBy' | 'strength' | 'weak' | 'keepWhenLearning' | 'explainsAllHarm'> {
  return { relevance: new Map(), confirmBy: set(...HARM, ...NUMERIC, 'loss-diverging', 'loss-oscillating', 'overfitting'), strength: 1, weak: false, keepWhenLearning: true, explainsAllHarm: true };
}

/** " (line n)" for a site, or nothing. */
function onLine(site: SourceSite | null | undefined): string {
  return site ? ` (line ${site.line})` : '';
}

/** Two datasets shuffled each on its own, then zipped into the pairs fitDataset trains on. */
function zippedApart(view: ModelView, e: ShuffledApartEvent): Hypothesis[] {
  const { inputs, targets, zip } = e;
  const fixes: PlannedFix[] =
    inputs && targets && zip && inputs.file === zip.file && targets.file === zip.file
      ? [{ title: 'Zip the datasets first, then shuffle the pairs', plan: { kind: 'shuffleAfterZip', inputs, targets, zip } }]
      : [];
  return [
    {
      id: 'labels-shuffled-apart:data',
      symptom: 'labels-shuffled-apart',
      rootCause: 'training-data',
      layer: null,
      location: targets ?? inputs ?? zip ?? view.event.fitSite,
      related: [
        ...(inputs ? [{ site: inputs, message: 'the inputs are shuffled here, in another order' }] : []),
        ...(zip ? [{ site: zip, message: 'zipped here into scrambled pairs' }] : []),
      ],
      message: `The inputs${onLine(inputs)} and the targets${onLine(targets)} are two datasets, each shuffled on its own before tf.data.zip${onLine(zip)} pairs them: each shuffle draws its own order (again every epoch), so an input is trained with another row's target and the targets say nothing about the inputs. Zip the datasets first and shuffle the zipped pairs.`,
      evidence: ['fitDataset trains on a zip of datasets shuffled each on its own'],
      fixes,
      ...shuffledApartTraits(),
    },
  ];
}

/**
 * Validation on the training data itself (`validationData: [xs, ys]` given the training tensors):
 * validation then can never fall behind training, so overfitting cannot show and the validation
 * numbers say nothing about unseen data. Seen in the inputs' summaries, identical to the last
 * digit; certain, and nothing training does changes it.
 */
function validationIsTraining(view: ModelView, run: ModelState): Hypothesis[] {
  const train = run.data.x.get(0)?.summary;
  const val = run.data.xVal.get(0)?.summary;
  if (!train?.shape || !val?.shape || train.count < 8 || train.shape.join('x') !== val.shape.join('x')) return [];
  const same = (['count', 'min', 'max', 'mean', 'std'] as const).every((k) => isNum(train[k]) && train[k] === val[k]);
  if (!same) return [];
  const fitSite = view.event.fitSite;
  return [
    {
      id: 'validation-is-training:xVal',
      symptom: 'validation-is-training',
      rootCause: 'training-data',
      layer: null,
      location: fitSite,
      related: [],
      message: `The validation data is the training data (the same ${train.shape[0] ?? train.count} rows): validation can never fall behind training, so overfitting cannot show, and the validation numbers say nothing about data the model has not seen. Validate on rows held out from training.`,
      evidence: [`training and validation inputs have the same shape ${JSON.stringify(train.shape)}, range ${fmt(train.min)} to ${fmt(train.max)}, mean ${fmt(train.mean)} and std ${fmt(train.std)}`],
      relevance: new Map(),
      fixes: fitSite
        ? [
            { title: 'Validate on the held-out tensors the script declares', plan: { kind: 'heldOutValidation', fitSite } },
            { title: 'Hold out the last 20% of the rows for validation (validationSplit: 0.2)', plan: { kind: 'replaceFitOption', fitSite, key: 'validationData', with: 'validationSplit: 0.2' } },
          ]
        : [],
      confirmBy: set(),
      strength: 0.8,
      weak: false,
      // Never what a script means, whatever training does: an early stop or a checkpoint chosen by
      // these numbers chooses on the training loss.
      certain: true,
      keepWhenLearning: true,
    },
  ];
}

/**
 * NaN or Infinity in fit's validation inputs while the training inputs have none: rows whose
 * values the preparation could not compute (a category only the validation rows have, looked up
 * in a map built from the training rows, is undefined). The validation loss is then NaN at every
 * epoch, so an early stop or a checkpoint chosen by it never sees a number. Certain from the data;
 * shown where the rows are made when the column is known.
 */
function validationNonFinite(view: ModelView, run: ModelState): Hypothesis[] {
  const val = run.data.xVal.get(0);
  const train = run.data.x.get(0)?.summary;
  const s = val?.summary;
  if (!val || !s || !train || s.nanCount + s.infCount === 0 || train.nanCount + train.infCount > 0) return [];
  const entered = val.origin?.nonFiniteFrom;
  const column = s.firstNonFinite?.length === 2 ? s.firstNonFinite[1]! : null;
  // Every bad value in one column (as many as the rows that hold one): a value that column's making could not compute.
  const oneColumn = column !== null && s.nonFiniteRows !== null && s.nonFiniteRows !== undefined && s.nanCount + s.infCount === s.nonFiniteRows;
  const fixes: PlannedFix[] =
    entered?.kernel === 'tensor' && oneColumn
      ? [{ title: `Give the validation rows a number where column ${column} could not be computed (NaN): a fallback where the rows are made`, plan: { kind: 'fallbackAtColumn', site: entered.site, column: column!, fallback: '0' } }]
      : [];
  const kinds = nonFiniteCounts(s);
  const rows = s.nonFiniteRows ? `${s.nonFiniteRows} of ${s.shape?.[0] ?? '?'} rows` : 'some rows';
  const location = entered?.site ?? val.origin?.site ?? view.event.fitSite;
  return [
    {
      id: 'non-finite-validation-data:xVal',
      symptom: 'non-finite-validation-data',
      rootCause: 'training-data',
      location,
      related: view.event.fitSite ? [{ site: view.event.fitSite, message: 'validates on them' }] : [],
      message: `The validation inputs hold ${kinds} value${s.nanCount + s.infCount > 1 ? 's' : ''} (${rows}${oneColumn ? `, all in column ${column}` : ''}), and the training inputs none${entered ? `: they were in the array the tensor was made from on line ${entered.site.line}` : ''}. The validation loss is NaN at every epoch, so nothing chosen by it (an early stop, the best checkpoint) sees a number. Values the preparation computes from the training rows alone are undefined for what only validation has: a category looked up in a map built from the training rows (a target encoding, a vocabulary) has no entry. Give such values a fallback (for a target encoding, the training rows' mean).`,
      evidence: [`${kinds} in the validation inputs, ${rows}${oneColumn ? `, column ${column}` : ''}`, 'none in the training inputs'],
      fixes,
      ...(fixes.length ? { atFix: true } : {}),
      ...certainFromTheRun(),
    },
  ];
}

/** Divisions a script typically applies to scale its inputs (pixels by 255, percentages by 100). */
const ROUND_SCALES = [10, 100, 255, 1000, 10000];

/** Validation values whose range and spread both differ tenfold or more from the training values', the same way: scaled apart. */
function rescaledApart(rangeRatio: number, spreadRatio: number): boolean {
  return (rangeRatio >= 10 && spreadRatio >= 10) || (rangeRatio <= 0.1 && spreadRatio <= 0.1);
}

/**
 * A regression's validation targets on another scale than its training targets: the training
 * targets went through a transform (a log of skewed prices, a standardization) the validation
 * targets did not. The model predicts on the training scale, so the validation loss is measured
 * against numbers it can never output. Certain from the targets.
 */
function validationTargetScale(view: ModelView, run: ModelState): Hypothesis[] {
  const t = run.data.target(0);
  const train = t?.summary;
  const valEvent = run.data.yVal.get(0);
  const val = valEvent?.summary;
  if (t?.kind !== 'continuous' || !train || !val || !isNum(train.min) || !isNum(train.max) || !isNum(train.mean) || !isNum(train.std) || !isNum(val.min) || !isNum(val.max) || !isNum(val.mean) || !isNum(val.std)) return [];
  if (!(train.max > train.min) || !(train.std > 0)) return [];
  const ratio = (val.max - val.min) / (train.max - train.min);
  const spread = val.std / train.std;
  const rescaled = rescaledApart(ratio, spread);
  const shifted = Math.abs(val.mean - train.mean) > 5 * train.std && (val.min > train.max || val.max < train.min);
  if (!rescaled && !shifted) return [];
  // Training targets that match the validation targets' log1p: the transform applied to one side.
  const logged = val.min > -1 && Math.abs(Math.log1p(val.max) - train.max) < 0.05 * Math.max(1, Math.abs(train.max)) && Math.abs(Math.log1p(Math.max(val.min, 0)) - train.min) < 0.05 * Math.max(1, Math.abs(train.max - train.min));
  const fitSite = view.event.fitSite;
  const made = valEvent?.origin?.site ?? null;
  return [
    {
      id: 'validation-targets-off-scale',
      symptom: 'validation-targets-off-scale',
      rootCause: 'label-encoding',
      location: made ?? fitSite,
      related: made && fitSite ? [{ site: fitSite, message: 'passed to fit here as validationData' }] : [],
      message: `The validation targets range from ${fmt(val.min)} to ${fmt(val.max)} (mean ${fmt(val.mean)}), the training targets from ${fmt(train.min)} to ${fmt(train.max)} (mean ${fmt(train.mean)}): ${logged ? 'the training targets are the log (log1p) of values like the validation targets, which were left raw' : 'the training targets went through a transform the validation targets did not'}. The model learns to predict on the training scale, so the validation loss compares it with numbers it can never output and says nothing about how well it learned. Transform the validation targets as the training targets${logged ? ' (Math.log1p), and invert predictions with Math.expm1 to report on the raw scale' : ''}.`,
      evidence: [`training targets from ${fmt(train.min)} to ${fmt(train.max)} (std ${fmt(train.std)})`, `validation targets from ${fmt(val.min)} to ${fmt(val.max)} (std ${fmt(val.std)})`, ...(logged ? ['log1p of the validation range matches the training range'] : [])],
      fixes: logged && made ? [{ title: 'Take log1p of the validation targets, as of the training targets', plan: { kind: 'log1pTensor', site: made } }] : [],
      atFix: true,
      ...certainFromTheRun(),
    },
  ];
}

/**
 * Validation inputs on another scale than the training inputs (scaled for training, raw for
 * validation, say): validation then measures the model on inputs unlike any it trained on.
 * Certain from the data, and training learns regardless, so learning does not refute it;
 * validation far worse than training confirms it.
 */
function validationScale(view: ModelView, run: ModelState): Hypothesis[] {
  const train = run.data.x.get(0)?.summary;
  const val = run.data.xVal.get(0)?.summary;
  if (!train || !val || !isNum(train.min) || !isNum(train.max) || !isNum(train.mean) || !isNum(train.std) || !isNum(val.min) || !isNum(val.max) || !isNum(val.mean)) return [];
  const ratio = (val.max - val.min) / (train.max - train.min);
  // The spread must differ as much as the range: one outlier alone moves a range, not both.
  const spread = isNum(val.std) && train.std > 0 ? val.std / train.std : null;
  const rescaled = spread !== null && rescaledApart(ratio, spread);
  const shifted = train.std > 0 && Math.abs(val.mean - train.mean) > 5 * train.std;
  if (!(Number.isFinite(ratio) && ratio > 0) || (!rescaled && !shifted)) return [];
  // Raw validation inputs next to training inputs divided by a round number: divide them the same way.
  const by = ratio >= 10 && train.min >= 0 && val.min >= 0 ? ROUND_SCALES.find((r) => Math.abs(ratio / r - 1) < 0.15) : undefined;
  const fitSite = view.event.fitSite;
  const fixes: PlannedFix[] = !fitSite
    ? []
    : by
      ? [{ title: `Scale the validation inputs as the training inputs: divide them by ${by}`, plan: { kind: 'scaleValidation', fitSite, by } }]
      : [{ title: 'Scale the validation inputs as the training inputs are scaled', plan: { kind: 'scaleValidationLike', fitSite } }];
  // Shown where the validation inputs were made, when the probe saw it.
  const made = run.data.xVal.get(0)?.origin?.site ?? null;
  return [
    {
      id: 'validation-unscaled:xVal',
      symptom: 'validation-unscaled',
      rootCause: 'input-normalization',
      layer: null,
      location: made ?? fitSite,
      related: made && fitSite ? [{ site: fitSite, message: 'passed to fit here as validationData' }] : [],
      message: `The validation inputs range from ${fmt(val.min)} to ${fmt(val.max)}, the training inputs from ${fmt(train.min)} to ${fmt(train.max)}: they are not scaled the same way, so validation measures the model on inputs unlike any it trained on.${by ? ` The training inputs look divided by ${by}; the validation inputs are not.` : ''}`,
      evidence: [`training inputs from ${fmt(train.min)} to ${fmt(train.max)} (mean ${fmt(train.mean)})`, `validation inputs from ${fmt(val.min)} to ${fmt(val.max)} (mean ${fmt(val.mean)})`],
      relevance: new Map(),
      fixes,
      confirmBy: set('validation-unscaled', 'overfitting'),
      strength: 0.9,
      weak: false,
      keepWhenLearning: true,
    },
  ];
}

/**
 * fit with `shuffle: false` on targets sorted by class: its batches then come one class after
 * another, and each stretch pulls the model towards that class, so it ends each epoch biased
 * towards the last. Certain from the data and the option; the other classes may still be learned
 * in part, so learning does not withdraw it.
 */
function unshuffledBatches(view: ModelView, run: ModelState): Hypothesis[] {
  const fitSite = view.event.fitSite;
  const t = run.data.target(0);
  const runs = t?.summary.classRuns;
  const classes = t?.classes ?? t?.summary.distinct?.length ?? null;
  if (view.event.mode !== 'fit' || view.event.fitConfig['shuffle'] !== false || !t || !isClassification(t) || !isNum(runs) || !classes || classes < 2) return [];
  // Sorted, or nearly (a few stragglers): far fewer runs than a shuffled order's (about rows).
  if (runs > 2 * classes) return [];
  const rows = t.rows ?? null;
  return [
    {
      id: 'unshuffled-batches:y',
      symptom: 'unshuffled-batches',
      rootCause: 'training-data',
      layer: null,
      location: fitSite,
      related: [],
      message: `The targets are sorted by class (${runs} runs of one class${rows ? ` over ${rows} rows` : ''}) and fit takes its batches in order (shuffle: false): each stretch of batches holds one class and pulls the model towards it, so every epoch ends biased towards the last class.`,
      evidence: [`targets in ${runs} runs of one class`, 'fit called with shuffle: false'],
      relevance: new Map(),
      fixes: fitSite ? [{ title: 'Let fit shuffle the batches (shuffle: true)', plan: { kind: 'fitOption', fitSite, key: 'shuffle', to: 'true' } }] : [],
      confirmBy: set(...HARM, 'loss-oscillating', 'loss-diverging'),
      strength: 0.8,
      weak: false,
      keepWhenLearning: true,
    },
  ];
}

/**
 * fitDataset on a dataset whose batches hold one class each (rows sorted by class and batched
 * without a shuffle before .batch(), or a generator that reads one class after another): the
 * same swing from class to class as fit with shuffle: false. The probe reads the targets of the
 * first epoch's batches; most of them of one class, of at least two different classes, in few
 * stretches, cannot come from shuffled rows. When the probe saw the `.batch()` call that made the
 * dataset, and how many rows it batched, the fix shuffles them all before it.
 */
function unshuffledDatasetBatches(view: ModelView, run: ModelState): Hypothesis[] {
  const e = run.batchClasses;
  const kind = view.outputs[0]?.loss?.kind;
  if (view.event.mode === 'custom' && e) return oneClassLoopBatches(view, run, e, kind);
  if (view.event.mode !== 'fitDataset' || !e || !kind || !CLASSIFICATION_LOSSES.has(kind)) return [];
  const sorted = e.batchRows >= 4 && e.batches >= 4 && e.singleClassKinds >= 2 && e.singleClass >= 0.75 * e.batches && e.runs <= 2 * e.classes;
  if (!sorted) return [];
  // A shuffle whose buffer is a sliver of the rows mixes only neighbouring rows: that call is the fault.
  const smallBuffer = e.shuffleSite && e.shuffleBuffer && e.rows && e.shuffleBuffer < e.rows / 4 ? { site: e.shuffleSite, buffer: e.shuffleBuffer, rows: e.rows } : null;
  if (smallBuffer) {
    return [
      {
        id: 'unshuffled-batches:dataset',
        symptom: 'unshuffled-batches',
        rootCause: 'training-data',
        layer: null,
        location: smallBuffer.site,
        related: view.event.fitSite ? [{ site: view.event.fitSite, message: 'trained on those batches here' }] : [],
        message: `The dataset yields its batches one class after another: ${e.singleClass} of the first ${e.batches} batches hold rows of a single class, in ${e.runs} stretches. Its shuffle draws from a buffer of ${smallBuffer.buffer} rows out of ${smallBuffer.rows}, so with rows stored by class it mixes only neighbouring rows of one class. Each stretch pulls the model towards its class, so every epoch ends biased towards the last. Shuffle with a buffer as large as the dataset.`,
        evidence: [`${e.singleClass} of ${e.batches} batches of one class (${e.singleClassKinds} different classes), in ${e.runs} stretches`, `shuffle buffer ${smallBuffer.buffer} for ${smallBuffer.rows} rows`],
        relevance: new Map(),
        fixes: [{ title: `Shuffle with a buffer of all ${smallBuffer.rows} rows`, plan: { kind: 'shuffleBuffer', site: smallBuffer.site, rows: smallBuffer.rows } }],
        confirmBy: set(...HARM, 'loss-oscillating', 'loss-diverging'),
        strength: 0.8,
        weak: false,
        keepWhenLearning: true,
      },
    ];
  }
  // `.batch(n).shuffle(...)`: the shuffle reorders whole batches, each still of one class.
  const after = e.shuffleAfterBatchSite ?? null;
  return [
    {
      id: 'unshuffled-batches:dataset',
      symptom: 'unshuffled-batches',
      rootCause: 'training-data',
      layer: null,
      location: after && e.batchSite ? e.batchSite : view.event.fitSite,
      related: after && view.event.fitSite ? [{ site: view.event.fitSite, message: 'trained on those batches here' }] : [],
      message: `The dataset yields its batches one class after another: ${e.singleClass} of the first ${e.batches} batches hold rows of a single class${after ? '' : `, in ${e.runs} stretches`}.${after ? ' Its shuffle comes after .batch(), so it reorders whole batches, and each batch still holds rows of one class: every step pulls the model towards one class.' : ' Each stretch pulls the model towards its class, so every epoch ends biased towards the last.'} Shuffle the rows before batching, with a buffer at least as large as the dataset: dataset.shuffle(rows).batch(size)${after ? '' : ' (a smaller buffer mixes only neighbouring rows)'}.`,
      evidence: [`${e.singleClass} of ${e.batches} batches of one class (${e.singleClassKinds} different classes), in ${e.runs} stretches`],
      relevance: new Map(),
      fixes: e.batchSite && e.rows ? [{ title: after ? 'Shuffle the rows before batching: .shuffle(…).batch(…)' : `Shuffle all ${e.rows} rows before batching: .shuffle(${e.rows}).batch(…)`, plan: { kind: 'shuffleBeforeBatch', site: e.batchSite, rows: e.rows } }] : [],
      confirmBy: set(...HARM, 'loss-oscillating', 'loss-diverging'),
      strength: 0.8,
      weak: false,
      keepWhenLearning: true,
    },
  ];
}

/**
 * A custom loop whose batches hold one class each: rows stored by class and cut in order (few
 * stretches), or a class-balanced sampler that draws the class once per batch where it meant once
 * per row (the class changes from batch to batch, among three or more). Two classes alternating
 * are left alone: a GAN's discriminator may take its real and fake batches in separate steps.
 */
function oneClassLoopBatches(view: ModelView, run: ModelState, e: BatchClassesEvent, kind: string | undefined): Hypothesis[] {
  if (kind && !CLASSIFICATION_LOSSES.has(kind)) return [];
  // Every batch of one and the same class, for a model with several: the others are never drawn. A
  // GAN's generator is trained through the frozen discriminator on labels of one class by design.
  const units = view.outputs.length === 1 ? view.outputs[0]!.units : null;
  const adversarial = run.opponent !== null || view.layers.some((l) => l.info.trainable === false);
  if (!adversarial && e.classes === 1 && e.batches >= 8 && e.singleClass === e.batches && e.batchRows >= 4 && typeof units === 'number' && (units >= 2 || kind === 'binary')) {
    // Labels with a column per row of the batch, more than the model has outputs: the scores of an
    // in-batch contrastive loss ([rows, rows], each row against every row of the other view), whose
    // positive for row i is column i. One column for every row is a target made of zeros.
    if (e.labelColumns === e.batchRows && e.labelColumns !== units) {
      const n = e.batchRows;
      return [
        {
          id: 'loop-batches-one-class',
          symptom: 'one-class-targets',
          rootCause: 'label-encoding',
          layer: null,
          location: e.batchSite ?? view.event.fitSite,
          related: [],
          message: `Every row of the loop's ${n}-row batches is labelled with column 0 of ${n}: the labels have a column for each row of the batch, as an in-batch contrastive loss's do (each row scored against every row of the other view), and there the positive of row i is column i, the diagonal. Told that its match is always the batch's first row, the model can only make every score alike: the loss stays near ln ${n} and nothing is matched.`,
          evidence: [`${e.batches} batches, every row labelled class 0`, `${n} label columns for ${n}-row batches, ${units} output units`],
          relevance: new Map(),
          fixes: e.batchSite ? [{ title: 'Label row i with column i: tf.range, not tf.zeros', plan: { kind: 'diagonalLabels', site: e.batchSite } }] : [],
          atFix: true,
          confirmBy: set(...HARM, 'accuracy-not-increasing'),
          strength: 0.9,
          weak: false,
          certain: true,
          keepWhenLearning: true,
        },
      ];
    }
    return [
      {
        id: 'loop-batches-one-class',
        symptom: 'one-class-targets',
        rootCause: 'training-data',
        layer: null,
        location: e.batchSite ?? view.event.fitSite,
        related: [],
        message: `Every one of the first ${e.batches} batches the loop trains on holds rows of one and the same class, for a model with ${units >= 2 ? `${units} classes` : 'two classes'}: it is never shown another, so it learns to give that class for every input while its training loss falls to 0. The rows that fill the batches are drawn wrong: a sampler whose draw never reaches past the first class's rows (a cumulative weight compared with a draw in [0, 1) while the weights add up to more), or a slice of rows sorted by class.`,
        evidence: [`${e.batches} batches, all of a single class`, `${units} output units`],
        relevance: new Map(),
        fixes: [],
        confirmBy: set(...HARM, 'accuracy-not-increasing'),
        strength: 0.9,
        weak: false,
        certain: true,
        keepWhenLearning: true,
      },
    ];
  }
  const mostly = e.batchRows >= 4 && e.batches >= 8 && e.singleClass >= 0.75 * e.batches && e.singleClassKinds >= 2;
  const sorted = e.runs <= 2 * e.classes;
  if (!mostly || (!sorted && e.singleClassKinds < 3)) return [];
  const file = e.batchSite?.file ?? view.event.fitSite?.file ?? null;
  return [
    {
      id: 'unshuffled-batches:loop',
      symptom: 'unshuffled-batches',
      rootCause: 'training-data',
      layer: null,
      location: e.batchSite ?? view.event.fitSite,
      related: [],
      message: sorted
        ? `The loop's batches come one class after another: ${e.singleClass} of its first ${e.batches} batches hold rows of a single class, in ${e.runs} stretches. The rows are stored by class and cut in order, so each stretch pulls the model towards its class and every epoch ends biased towards the last. Shuffle the rows (inputs and targets together) before cutting the batches.`
        : `Each of the loop's batches holds rows of one class: ${e.singleClass} of its first ${e.batches} batches are of a single class, ${e.singleClassKinds} different classes from batch to batch. Every step pulls the model towards one class, so the loss swings and the model ends biased towards the classes of its last steps. A class-balanced sampler that draws the class once per batch does this: draw it for each row.`,
      evidence: [`${e.singleClass} of ${e.batches} batches of one class (${e.singleClassKinds} different classes), in ${e.runs} stretches`],
      relevance: new Map(),
      fixes: !sorted && file ? [{ title: 'Draw the class for each row, inside the loop that fills the batch', plan: { kind: 'drawPerRow', file } }] : [],
      ...(!sorted && file ? { atFix: true } : {}),
      confirmBy: set(...HARM, 'loss-oscillating', 'loss-diverging'),
      strength: 0.8,
      weak: false,
      keepWhenLearning: true,
    },
  ];
}

/** The compile call asks for 'accuracy' (or 'acc'), which tfjs turns into binary accuracy under a binary loss. */
function reportsAccuracy(view: ModelView): boolean {
  return view.event.metrics.some((m) => m === 'accuracy' || m === 'acc');
}

const CLASSIFICATION_LOSSES: ReadonlySet<string> = new Set(['sparse', 'categorical', 'binary', 'logits']);

/**
 * fit's validationSplit takes the last rows as they are (tfjs shuffles only the training rows, after
 * the split). On targets sorted by class, the validation rows are then of classes training never
 * sees: validation measures what the model cannot have learned, and those classes are missing
 * from training. Certain from the data; validation far worse than training confirms it.
 */
function validationClassesUnseen(view: ModelView, run: ModelState): Hypothesis[] {
  const split = view.event.fitConfig['validationSplit'];
  const t = run.data.target(0);
  const list = t?.summary.classRunList;
  const n = t?.rows;
  if (view.event.mode !== 'fit' || typeof split !== 'number' || !(split > 0 && split < 1) || !t || !isClassification(t) || !list || !n) return [];
  const splitAt = Math.floor(n * (1 - split));
  const trained = new Set<number>();
  const tail = new Map<number, number>();
  let row = 0;
  for (const r of list) {
    const before = Math.max(0, Math.min(r.rows, splitAt - row));
    if (before > 0) trained.add(r.cls);
    if (r.rows - before > 0) tail.set(r.cls, (tail.get(r.cls) ?? 0) + r.rows - before);
    row += r.rows;
  }
  const unseen = [...tail].filter(([cls]) => !trained.has(cls));
  const unseenRows = unseen.reduce((a, [, k]) => a + k, 0);
  const valRows = n - splitAt;
  if (valRows <= 0 || unseenRows < 0.5 * valRows) return [];
  const names = unseen.map(([cls]) => fmt(cls)).join(', ');
  return [
    {
      id: 'validation-classes-unseen:y',
      symptom: 'validation-classes-unseen',
      rootCause: 'training-data',
      layer: null,
      location: view.event.fitSite,
      related: [],
      message: `validationSplit: ${fmt(split)} takes the last ${valRows} rows as validation before any shuffling, and the targets are sorted by class: ${unseenRows} of those rows are of class${unseen.length > 1 ? 'es' : ''} ${names}, which training never sees. Shuffle the rows (inputs and targets together) before fit.`,
      evidence: [`targets in ${t.summary.classRuns ?? list.length} runs of one class`, `validation rows ${splitAt}..${n - 1}: ${unseenRows} of class${unseen.length > 1 ? 'es' : ''} ${names}, absent from rows 0..${splitAt - 1}`],
      relevance: new Map(),
      fixes: view.event.fitSite ? [{ title: 'Shuffle the rows (inputs and targets in one order) before fit', plan: { kind: 'shuffleRowsBeforeFit', fitSite: view.event.fitSite } }] : [],
      confirmBy: set('validation-classes-unseen', 'overfitting'),
      strength: 0.9,
      weak: false,
      keepWhenLearning: true,
    },
  ];
}

/**
 * Inputs whose every column is centred at 0 (a standardization ran) but spreads by a twentieth of a
 * unit or less: the divisor was far larger than each column's deviation, as the root mean square
 * is for values far from 0 (temperatures in kelvin, pressures near 1013): a deviation computed
 * without taking the mean off first. Plain gradient steps then barely move the first layer. A
 * stall confirms it; the fix takes the mean off inside the deviation.
 */
function standardizedTooNarrow(view: ModelView, run: ModelState): Hypothesis[] {
  const d = run.data.x.get(0);
  const x = d?.summary;
  const spreads = x?.columnSpreads;
  const centres = x?.columnCentres;
  if (!x || !spreads || !centres || spreads.length < 2 || spreads.length !== centres.length) return [];
  // NARROW_SPREAD (below): a column this narrow carries next to nothing the model can use.
  if (!spreads.every((s, i) => s > 1e-9 && s <= NARROW_SPREAD && Math.abs(centres[i]!) <= 1e-3 * s)) return [];
  const widest = Math.max(...spreads);
  const site = d.site ?? view.event.fitSite;
  return [
    {
      id: 'standardized-too-narrow',
      symptom: 'inputs-standardized-narrow',
      rootCause: 'input-normalization',
      layer: null,
      location: site,
      related: [],
      message: `Every one of the ${spreads.length} input columns is centred at 0, as standardized columns are, but spreads by ${fmt(widest)} or less where a standardized column spreads by 1: each was divided by a number ${fmt(1 / widest)} or more times its own deviation. The root mean square of values far from 0 (kelvin, hectopascals, years) is about their mean, not their spread: a deviation computed without taking the mean off first gives it. The first layer then sees differences of a few hundredths, and plain gradient steps barely move it.`,
      evidence: [`column spreads ${spreads.map((s) => fmt(s)).join(', ')}`, 'every column centred at 0'],
      relevance: new Map(),
      fixes: site ? [{ title: 'Take the mean off inside the deviation: the square of each value less the mean', plan: { kind: 'deviationFromMean', file: site.file } }] : [],
      atFix: true,
      confirmBy: set('loss-not-decreasing', 'accuracy-not-increasing', 'constant-output'),
      strength: 0.9,
      weak: false,
    },
  ];
}

/**
 * Gaussian noise as large as the inputs it is added to (stddev 3 on standardized features, a value
 * meant for raw pixels): each step sees more noise than signal, and the model learns little beyond
 * the class shares. Noise for regularization is a fraction of the inputs' spread. A warning, which
 * a stall confirms; the fix scales the noise to a tenth of the inputs' deviation.
 */
function noiseDrownsInputs(view: ModelView, run: ModelState): Hypothesis[] {
  const l = view.layers[0];
  const stddev = l?.info.config['stddev'];
  const x = run.data.x.get(0)?.summary;
  if (!l || !/^gaussiannoise$/i.test(l.info.className) || typeof stddev !== 'number' || !x || !isNum(x.std) || !(x.std > 0)) return [];
  if (stddev < x.std) return [];
  const to = Number((0.1 * x.std).toPrecision(1));
  return [
    {
      id: `noise-drowns-inputs:${l.info.name}`,
      symptom: 'loss-not-decreasing',
      rootCause: 'regularization',
      layer: l,
      location: l.info.site,
      related: [],
      message: `${l.info.name} adds Gaussian noise of deviation ${fmt(stddev)} to inputs whose values spread by ${fmt(x.std)}: every step sees more noise than signal, so the model can learn little beyond the class shares. Noise that regularizes is a small fraction of the inputs' spread (stddev ${fmt(to)} here).`,
      evidence: [`noise deviation ${fmt(stddev)}, input deviation ${fmt(x.std)}`],
      relevance: new Map([[l.pos, { score: 1, evidence: `noise ${fmt(stddev / x.std)}× the inputs' deviation` }]]),
      fixes: [{ title: `Add noise of deviation ${fmt(to)} in ${l.info.name}`, plan: { kind: 'layerNumber', layer: l.info, key: 'stddev', to } }],
      confirmBy: set(...HARM),
      strength: 0.9,
      weak: false,
    },
  ];
}

/** A dropout rate at or above this drops most units at every step: often a keep probability written as a rate. */
const HIGH_DROPOUT = 0.8;
/** Units a high dropout rate may keep on average before the layer cannot carry what it learns. */
const FEW_KEPT_UNITS = 8;

/**
 * Dropout (or Gaussian noise) right before an embedding: in training it works on the token ids,
 * zeroing some and scaling the rest to other ids, while prediction looks the ids up as they are.
 * Certain from the layers; the fix moves the embedding in front of it.
 */
function dropoutOnTokenIds(view: ModelView): Hypothesis[] {
  const out: Hypothesis[] = [];
  for (const l of view.layers) {
    if (!/dropout|gaussiannoise/i.test(l.info.className) || l.succs.length !== 1) continue;
    const next = view.layers[l.succs[0]!]!;
    if (!/^embedding$/i.test(next.info.className)) continue;
    const name = l.info.name;
    const rate = l.info.config['rate'];
    const scale = typeof rate === 'number' && rate > 0 && rate < 1 ? fmt(1 / (1 - rate)) : null;
    out.push({
      id: `dropout-on-ids:${name}`,
      symptom: 'dropout-on-ids',
      rootCause: 'regularization',
      layer: l,
      location: l.info.site,
      related: next.info.site ? [{ site: next.info.site, message: `${next.info.name} looks up the ids ${name} altered` }] : [],
      message: `${name} (${l.info.className}) comes before ${next.info.name}, so in training it works on the token ids themselves: it sets some to 0 (the padding id)${/noise/i.test(l.info.className) ? ' or shifts them by noise' : ` and multiplies the rest by ${scale ?? '1 / (1 - rate)'}`}, and the embedding then looks up other words' vectors (it truncates each id to a whole number). At prediction the ids are left as they are, so every word reads a row trained for another. Drop the embedded vectors instead: put the dropout after ${next.info.name}.`,
      evidence: [`${name} (${l.info.className}) feeds ${next.info.name} (Embedding)`],
      relevance: new Map([[l.pos, { score: 1, evidence: 'alters the token ids' }], [next.pos, { score: 0.5, evidence: 'looks up the altered ids' }]]),
      fixes: l.info.site && next.info.site ? [{ title: `Move ${name} after ${next.info.name}`, plan: { kind: 'moveLayerBefore', layer: next.info, before: l.info } }] : [],
      confirmBy: set(...HARM, 'overfitting', 'loss-oscillating'),
      strength: 0.95,
      weak: false,
      keepWhenLearning: true,
      certain: true,
    });
  }
  return out;
}

/**
 * Dropout after the layer that applies the output activation: during training it zeroes some of the
 * model's predictions and scales the rest up, so probabilities leave [0, 1] (a row of zeros is 0/0
 * in tfjs's categorical cross-entropy, NaN at once) and regression outputs are noise. No model wants
 * its output dropped: certain from the layers. The fix moves the dropout before the output layer.
 */
function dropoutAfterOutput(view: ModelView): Hypothesis[] {
  const out: Hypothesis[] = [];
  for (const o of view.outputs) {
    if (o.actLayer === o.layer) continue;
    let dropout: LayerView | null = null;
    for (let cur = o.layer, guard = 0; cur !== o.actLayer && cur.preds.length === 1 && guard < 64; cur = view.layers[cur.preds[0]!]!, guard++) {
      if (/dropout/i.test(cur.info.className)) dropout = cur;
    }
    if (!dropout) continue;
    const rate = dropout.info.config['rate'];
    const name = dropout.info.name;
    const outputName = o.actLayer.info.name;
    const probabilities = o.activation === 'softmax' || o.activation === 'sigmoid';
    out.push({
      id: `dropout-after-output:${name}`,
      symptom: 'dropout-after-output',
      rootCause: 'architecture',
      layer: dropout,
      location: dropout.info.site,
      related: o.actLayer.info.site ? [{ site: o.actLayer.info.site, message: `${outputName} makes the model's output (${o.activation})` }] : [],
      message: `${name} comes after ${outputName}, the model's output layer, so at every training step it zeroes ${typeof rate === 'number' ? pct(rate) : 'some'} of the predictions and scales the rest up${typeof rate === 'number' && rate > 0 && rate < 1 ? ` ${fmt(1 / (1 - rate))}-fold` : ''}: ${probabilities ? `the ${o.activation} probabilities leave [0, 1], and a row whose predictions are all dropped makes the loss 0/0 (NaN)` : 'the loss measures noise, not the predictions'}. Dropout belongs before the output layer.`,
      evidence: [`${name} (${dropout.info.className}) follows ${outputName}`, `the model's output is ${o.layer.info.name}`],
      relevance: new Map([[dropout.pos, { score: 1, evidence: 'drops the model\'s predictions' }], [o.actLayer.pos, { score: 0.5, evidence: 'its output is dropped' }]]),
      fixes: o.actLayer.info.site ? [{ title: `Move ${name} before ${outputName}`, plan: { kind: 'moveLayerBefore', layer: dropout.info, before: o.actLayer.info } }] : [],
      confirmBy: set(...HARM, ...NUMERIC, 'loss-oscillating', 'loss-diverging'),
      strength: 0.95,
      weak: false,
      keepWhenLearning: true,
      certain: true,
      explainsAllHarm: true,
    });
  }
  return out;
}

/**
 * A weight constraint (`kernelConstraint: tf.constraints.maxNorm(...)`, nonNeg, unitNorm) is never
 * applied while tfjs trains: the optimizers assign the new weights to the variable directly, and a
 * layer applies its constraints only when its weights are set through it (setWeights). The setting
 * does nothing, whatever training shows, so it is a warning for the whole run and explains nothing.
 */
function constraintsIgnored(view: ModelView): Hypothesis[] {
  const out: Hypothesis[] = [];
  for (const l of view.layers) {
    const options = Object.entries(l.info.config).filter((e): e is [string, string] => /Constraint$/.test(e[0]) && typeof e[1] === 'string' && e[1] !== '');
    if (options.length === 0) continue;
    const name = l.info.name;
    const listed = spokenList(options.map(([key, value]) => `${key} (${value})`));
    out.push({
      id: `constraint-ignored:${name}`,
      symptom: 'constraint-ignored',
      rootCause: 'regularization',
      layer: l,
      location: l.info.site,
      related: [],
      message: `${name}'s ${listed} ${options.length === 1 ? 'is' : 'are'} not applied by the training steps: TensorFlow.js's optimizers write the new weights straight into the variables, and a layer applies its constraints only when its weights are set through it (setWeights), so the weights go wherever training takes them. To keep them constrained, apply the constraint yourself after each batch (an onBatchEnd callback that sets constraint.apply(kernel) with setWeights).`,
      evidence: options.map(([key, value]) => `${name}: ${key} ${value}`),
      relevance: new Map(),
      fixes: [],
      confirmBy: set(),
      strength: 0,
      weak: false,
      keepWhenLearning: true,
      notice: true,
    });
    if (out.length >= 4) break;
  }
  return out;
}

/**
 * A dropout layer whose rate (the fraction dropped) is 0.8 or more: each step learns from a fifth of
 * its inputs or less, scaled up fivefold or more, so training crawls or stalls. TensorFlow 1's
 * keep_prob written as the rate is the usual slip. Learning withdraws it; a stall confirms it.
 */
function highDropout(view: ModelView): Hypothesis[] {
  const out: Hypothesis[] = [];
  for (const l of view.layers) {
    const rate = l.info.config['rate'];
    if (/^(spatial)?dropout/i.test(l.info.className) && typeof rate === 'number' && rate >= HIGH_DROPOUT && rate < 1) out.push(dropoutLayerTooHigh(l, rate));
    else if (RECURRENT.test(l.info.className)) out.push(...recurrentDropoutTooHigh(l));
    if (out.length >= 4) break;
  }
  return out;
}

function dropoutLayerTooHigh(l: LayerView, rate: number): Hypothesis {
  const name = l.info.name;
  const to = Math.round((1 - rate) * 100) / 100;
  // Fewer than a handful of units kept at each step cannot carry what the layer before learns:
  // the loss settles high even while it falls at first.
  // Dropout keeps its input's shape.
  const shape = l.info.outputShape ?? l.info.inputShape;
  const units = shape?.[shape.length - 1];
  const kept = typeof units === 'number' ? units * (1 - rate) : null;
  const starved = kept !== null && kept < FEW_KEPT_UNITS;
  return {
    id: `high-dropout:${name}`,
    symptom: 'high-dropout',
    rootCause: 'regularization',
    layer: l,
    location: l.info.site,
    related: [],
    message: `${name} drops ${pct(rate)} of its inputs at every training step (rate is the fraction dropped, not kept): each step learns from ${pct(1 - rate)} of them${starved ? ` (${fmt(kept!)} of ${units} units)` : ''}, scaled up ${fmt(1 / (1 - rate))}-fold, so training crawls or stalls.`,
    evidence: [`${name}: rate ${fmt(rate)}`, ...(starved ? [`${fmt(kept!)} of its ${units} input units kept at each step`] : [])],
    ...(starved ? { settlesHigh: true } : {}),
    relevance: new Map([[l.pos, { score: 1, evidence: `drops ${pct(rate)} of its inputs` }]]),
    fixes: [{ title: `Drop ${pct(to)} instead of ${pct(rate)} in ${name} (a keep probability of ${fmt(rate)} is a rate of ${fmt(to)})`, plan: { kind: 'layerNumber', layer: l.info, key: 'rate', to } }],
    confirmBy: set('loss-not-decreasing', 'accuracy-not-increasing', 'loss-oscillating'),
    strength: 0.7,
    weak: false,
  };
}

/**
 * An LSTM, GRU or SimpleRNN given `dropout` or `recurrentDropout` of 0.8 or more (a keep probability,
 * TF1's keep_prob, written where the fraction to drop goes): every step of every sequence sees a
 * tenth of its inputs or of its own state, so the layer cannot carry a signal through time.
 */
function recurrentDropoutTooHigh(l: LayerView): Hypothesis[] {
  const options = (['dropout', 'recurrentDropout'] as const).flatMap((key) => {
    const rate = l.info.config[key];
    return typeof rate === 'number' && rate >= HIGH_DROPOUT && rate < 1 ? [{ key, rate, to: Math.round((1 - rate) * 100) / 100 }] : [];
  });
  if (options.length === 0) return [];
  const name = l.info.name;
  const what = (key: 'dropout' | 'recurrentDropout') => (key === 'dropout' ? 'of its inputs' : 'of its state carried from step to step');
  const said = options.map((o) => `${o.key} ${fmt(o.rate)} drops ${pct(o.rate)} ${what(o.key)}`);
  const parts = options.map((o) => ({ kind: 'layerNumber' as const, layer: l.info, key: o.key, to: o.to }));
  return [
    {
      id: `high-dropout:${name}`,
      symptom: 'high-dropout',
      rootCause: 'regularization',
      layer: l,
      location: l.info.site,
      related: [],
      message: `In ${name}, ${said.join(' and ')} at every time step of every training sequence (these options are the fraction dropped, not kept): the layer cannot carry a signal through the sequence while it trains, so training stalls.`,
      evidence: options.map((o) => `${name}: ${o.key} ${fmt(o.rate)}`),
      relevance: new Map([[l.pos, { score: 1, evidence: said.join('; ') }]]),
      fixes: [
        {
          title: `Drop ${options.map((o) => `${pct(o.to)} (${o.key})`).join(' and ')} in ${name} (a keep probability of ${fmt(options[0]!.rate)} is a rate of ${fmt(options[0]!.to)})`,
          plan: parts.length === 1 ? parts[0]! : { kind: 'all', parts },
        },
      ],
      confirmBy: set('loss-not-decreasing', 'accuracy-not-increasing', 'loss-oscillating'),
      strength: 0.7,
      weak: false,
    },
  ];
}

/**
 * A custom loop that calls its model with model.predict, or model.apply without `{ training: true }`:
 * dropout then drops nothing and batch normalization normalizes with moving statistics that never
 * update, while the model trains. Seen in the layers' own calls; training that learns does not
 * refute it (the model learns without them). Certain for dropout and noise, which then do nothing;
 * overfitting confirms it for normalization.
 */
function inferenceMode(view: ModelView, run: ModelState): Hypothesis[] {
  const e = run.inferenceMode;
  if (!e) return [];
  const layers = e.layers.map((i) => view.layers.find((l) => l.index === i)).filter((l): l is LayerView => l !== undefined);
  if (layers.length === 0) return [];
  const isNorm = (l: LayerView) => /normalization/i.test(l.info.className);
  const effect = (l: LayerView) =>
    isNorm(l) ? `${l.info.name} normalizes with moving statistics that training never updates` : /noise/i.test(l.info.className) ? `${l.info.name} adds no noise` : `${l.info.name} drops nothing`;
  const effects = layers.slice(0, 3).map(effect);
  const list = effects.length > 1 ? `${effects.slice(0, -1).join(', ')} and ${effects[effects.length - 1]}` : effects[0]!;
  const first = layers[0]!;
  const call = e.call === 'predict' ? 'model.predict' : 'model.apply without { training: true }';
  const fixes: PlannedFix[] = e.site ? [{ title: 'Call the model in training mode: model.apply(x, { training: true })', plan: { kind: 'trainingCall', site: e.site } }] : [];
  // A normalization layer that takes raw inputs (values beyond ±10) and, in inference mode, passes
  // them on unscaled: the first layers saturate or die, so whatever harm training shows is this.
  const ma = maxAbs(run.data.x.get(0));
  const guard = ma !== null && ma > 10 ? layers.find((l) => isNorm(l) && view.firstLayers().includes(l)) : undefined;
  return [
    {
      id: `training-mode-off:${first.info.name}`,
      symptom: 'training-mode-off',
      rootCause: guard ? 'input-normalization' : layers.some((l) => !isNorm(l)) ? 'regularization' : 'architecture',
      layer: first,
      location: e.site ?? first.info.site,
      related: layers.filter((l) => l.info.site).map((l) => ({ site: l.info.site!, message: `${l.info.name} runs in inference mode` })),
      message: `The training step calls the model with ${call}, which runs it in inference mode: ${list}.${guard ? ` The inputs reach ${fmt(ma!)}, and ${guard.info.name}, meant to scale them, passes them on unscaled (its moving mean stays 0 and its variance 1).` : ''} Call it as model.apply(x, { training: true }) in the training step (fit does this itself).`,
      evidence: [`in the first training step, ${layers.map((l) => l.info.name).join(', ')} ran without training: true`, ...(guard ? [`input values up to ${fmt(ma!)} reach ${guard.info.name}`] : [])],
      relevance: new Map(layers.map((l) => [l.pos, { score: 1, evidence: 'runs in inference mode while training' }])),
      fixes,
      confirmBy: guard ? set('overfitting', ...HARM, ...NUMERIC, 'saturated-activation', 'dead-relu', 'vanishing-gradient', 'weights-unchanged', 'loss-oscillating', 'loss-diverging') : set('overfitting'),
      strength: 1,
      weak: false,
      keepWhenLearning: true,
      ...(guard ? { explainsAllHarm: true } : {}),
      // A dropout or noise layer that never acts in training does nothing at all: the regularization
      // its author put there is missing, whatever training shows (a custom loop has no validation
      // loss to show the overfitting by).
      ...(layers.some((l) => !isNorm(l)) ? { certain: true } : {}),
    },
  ];
}

/**
 * fit's inputs and its validationData's both cut by rows from one table, together using half of
 * its rows or fewer: most of the data trains nothing. A slice sized with the wrong constant (the
 * test set's size where the training set's was meant) does this. Subsampling on purpose happens,
 * so it is a warning; overfitting confirms it.
 */
function rowsLeftOut(view: ModelView, run: ModelState): Hypothesis[] {
  if (view.event.mode !== 'fit') return [];
  const train = run.data.x.get(0)?.origin?.rowCut;
  const val = run.data.xVal.get(0)?.origin?.rowCut;
  if (!train || !val || train.of !== val.of) return [];
  const unused = train.of - train.rows - val.rows;
  if (unused < train.of / 2 || unused < train.rows) return [];
  // Targets cut the same way from a table as long get the same row count.
  const targets = run.data.y.get(0)?.origin?.rowCut;
  const parts: FixPlan[] = [{ kind: 'rowsUpTo', site: train.site, upTo: val.site }];
  if (targets && targets.rows === train.rows && targets.of === train.of) parts.push({ kind: 'rowsUpTo', site: targets.site, upTo: val.site });
  return [
    {
      id: 'rows-left-out:x',
      symptom: 'rows-left-out',
      rootCause: 'training-data',
      layer: null,
      location: train.site,
      related: [{ site: val.site, message: `the ${val.rows} validation rows are cut here` }],
      message: `fit trains on ${train.rows} rows cut from a table of ${train.of}, and validates on ${val.rows} rows cut from it: ${unused} rows (${pct(unused / train.of)}) are used by neither, so the model learns from far less data than there is. A slice sized with the wrong constant (the test set's size where the training set's was meant) does this.`,
      evidence: [`training rows: ${train.rows} of ${train.of}`, `validation rows: ${val.rows} of ${val.of}`],
      relevance: new Map(),
      fixes: [{ title: 'Train on every row before the validation rows', plan: { kind: 'all', parts } }],
      confirmBy: set('overfitting'),
      strength: 0.9,
      weak: false,
      keepWhenLearning: true,
    },
  ];
}

/**
 * fit's validationSplit above one half, as if it named the share to train on: fit holds out that
 * share of the rows and trains on the rest (validationSplit 0.9 trains on a tenth). A warning,
 * confirmed when validation stays far behind training; the fix holds out the complement.
 */
function largeValidationSplit(view: ModelView, run: ModelState): Hypothesis[] {
  const split = view.event.fitConfig['validationSplit'];
  const fitSite = view.event.fitSite;
  if (view.event.mode !== 'fit' || typeof split !== 'number' || !(split > 0.5 && split < 1) || !fitSite) return [];
  const to = Math.round((1 - split) * 100) / 100;
  const held = view.event.fitConfig['validationSamples'];
  const total = run.data.x.get(0)?.summary.shape?.[0];
  const rows = typeof held === 'number' && held > 0 && typeof total === 'number' && total > held ? total : null;
  return [
    {
      id: 'rows-left-out:validationSplit',
      symptom: 'rows-left-out',
      rootCause: 'training-data',
      layer: null,
      location: fitSite,
      related: [],
      message: `validationSplit ${fmt(split)} holds out ${pct(split)} of the rows for validation, so fit trains on only ${pct(1 - split)}${rows !== null ? ` (${rows - (held as number)} of ${rows} rows)` : ''}: validationSplit is the share held out, not the share trained on.`,
      evidence: [`validationSplit ${fmt(split)}${rows !== null ? `: ${held} validation rows, ${rows - (held as number)} training rows` : ''}`],
      relevance: new Map(),
      fixes: [{ title: `Hold out ${pct(to)} for validation (validationSplit: ${to})`, plan: { kind: 'fitOption', fitSite, key: 'validationSplit', to: String(to) } }],
      confirmBy: set('overfitting'),
      strength: 0.85,
      weak: false,
      keepWhenLearning: true,
    },
  ];
}

/** How many times the training rows fit's validationData may hold before the two look passed the wrong way round. */
const VALIDATION_OVER_TRAINING = 4;

/**
 * fit's validationData holding several times the rows it trains on: a validation set is the
 * smaller part of a split, so the training and validation tensors were passed the other way
 * round (fit(xVal, yVal, { validationData: [xTrain, yTrain] })). A warning, confirmed when
 * validation stays far behind training; the fix swaps them.
 */
function validationOutnumbersTraining(view: ModelView, run: ModelState): Hypothesis[] {
  const fitSite = view.event.fitSite;
  if (view.event.mode !== 'fit' || !fitSite || typeof view.event.fitConfig['validationSplit'] === 'number') return [];
  const rows = run.data.x.get(0)?.summary.shape?.[0];
  const valRows = run.data.xVal.get(0)?.summary.shape?.[0];
  if (typeof rows !== 'number' || typeof valRows !== 'number' || !(rows > 0) || valRows < VALIDATION_OVER_TRAINING * rows) return [];
  return [
    {
      id: 'rows-left-out:validationData',
      symptom: 'rows-left-out',
      rootCause: 'training-data',
      layer: null,
      location: fitSite,
      related: [],
      message: `fit trains on ${rows} rows and validates on ${valRows}, ${fmt(valRows / rows)} times as many: a validation set is the smaller part of a split, so the training and validation tensors look passed the other way round, and the model learns from the few rows meant to check it.`,
      evidence: [`training rows: ${rows}`, `validationData rows: ${valRows}`],
      relevance: new Map(),
      fixes: [{ title: 'Train on the validationData tensors and validate on the ones given as x and y', plan: { kind: 'swapFitWithValidation', fitSite } }],
      confirmBy: set('overfitting'),
      strength: 0.85,
      weak: false,
      keepWhenLearning: true,
    },
  ];
}

/**
 * 0/1 targets that are not one-hot by rows but are when read as [classes, rows]: indicator rows
 * built class by class and handed to tf.tensor2d as if each row were a sample, so every row holds
 * the indicators of other samples. Certain; shown where the tensor is made, fixed by making it
 * with the shape the values have and transposing it.
 */
function classMajorTargets(view: ModelView, run: ModelState): Hypothesis[] {
  const out: Hypothesis[] = [];
  for (const [slot, y] of run.data.y) {
    const shape = y.summary.shape;
    if (!y.summary.classMajor || shape?.length !== 2) continue;
    const [rows, classes] = shape as [number, number];
    const site = y.origin?.site ?? y.site ?? view.event.fitSite;
    out.push({
      id: `targets-class-major:${slot}`,
      symptom: 'targets-class-major',
      rootCause: 'label-encoding',
      layer: null,
      location: site,
      related: y.origin?.site && view.event.fitSite ? [{ site: view.event.fitSite, message: 'passed to fit here as y' }] : [],
      message: `The targets are a [${rows}, ${classes}] tensor of 0s and 1s whose rows are not one-hot, but read as [${classes}, ${rows}] each column holds exactly one 1: the values were laid out class by class (an indicator row per class), and the shape [${rows}, ${classes}] reads them as a row per sample, so each sample's target holds the indicators of other samples. Make the tensor with the shape the values have and transpose it.`,
      evidence: [`targets ${classes} wide, ${rows} rows, none or several 1s in many rows`, `read as [${classes}, ${rows}], every column holds a single 1`],
      relevance: new Map(),
      fixes: site ? [{ title: `Make the targets as [${classes}, ${rows}] and transpose them`, plan: { kind: 'transposeMade', site } }] : [],
      confirmBy: set(...HARM),
      strength: 1,
      weak: false,
      certain: true,
    });
  }
  return out;
}

/**
 * Inputs scaled with moments over the wrong axes: the finding sits on the lines that took them
 * (`sites`, from the probe), with a fix that takes them over each column; null when none was seen.
 */
function atMoments(sites: SourceSite[], fitSite: SourceSite | null): Pick<Hypothesis, 'location' | 'data' | 'related' | 'fixes'> | null {
  if (sites.length === 0) return null;
  return {
    location: sites[0]!,
    data: undefined,
    related: fitSite ? [{ site: fitSite, message: 'passed to fit here as x' }] : [],
    fixes: [{ title: 'Take the mean and variance of each column (axis 0)', plan: { kind: 'all', parts: sites.map((site) => ({ kind: 'columnAxis' as const, site })) } }],
  };
}

/** The fix that standardizes each column of the inputs where fit is given them (none without fit's line). */
function standardizeColumnsFix(fitSite: SourceSite | null): PlannedFix[] {
  return fitSite ? [{ title: 'Standardize each column on its own', plan: { kind: 'scale', fitSite, role: 'x', op: { type: 'columns', fallback: null } } }] : [];
}

/** Columns this many times apart in spread after scaling were scaled together, not each on its own. */
const SPREAD_APART = 1000;

/**
 * fit given one tensor as its inputs and targets while the script made another of the same shape
 * that is those values less independent noise: a denoising autoencoder fitted toward its noisy
 * inputs learns to reproduce the noise, and its training loss looks excellent. Certain from the
 * data; fixed by fitting toward the clean tensor.
 */
function targetsNoisyInputs(run: ModelState): Hypothesis[] {
  const e = run.noisyTargets;
  if (!e?.fitSite) return [];
  const madeAt = e.cleanSite ? ` (made at line ${e.cleanSite.line})` : '';
  return [
    {
      id: 'targets-noisy-inputs:y',
      symptom: 'targets-noisy-inputs',
      rootCause: 'training-data',
      layer: null,
      location: e.fitSite,
      related: e.cleanSite ? [{ site: e.cleanSite, message: 'the clean values are made here' }] : [],
      message: `fit is given the same tensor as inputs and targets, and the script made another tensor of its shape${madeAt} that is those values less independent noise (${pct(e.noiseShare)} of their variance): the model is trained to reproduce its noisy inputs, noise included, so it learns to copy and denoises nothing, while its training loss looks excellent. A denoising autoencoder is fitted from the noisy values to the clean ones.`,
      evidence: [`the inputs are another tensor plus noise of ${pct(e.noiseShare)} of their variance`],
      relevance: new Map(),
      fixes: e.cleanSite ? [{ title: 'Fit toward the clean values', plan: { kind: 'fitTargetsFrom', fitSite: e.fitSite, madeAt: e.cleanSite } }] : [],
      confirmBy: set(...HARM),
      strength: 0.95,
      weak: false,
      keepWhenLearning: true,
      certain: true,
    },
  ];
}

/**
 * Regression targets of which a twentieth or more are exactly 0 while every other lies far from 0
 * (prices from 75 to 400, and 0): missing cells read as 0 (`Number('')` is 0). Zero-inflated data
 * (claims, rainfall) looks so too, so it is never shown on its own; certain where the script reads
 * one indexed cell with Number, fixed with parseFloat (NaN for an empty cell, which a check drops).
 */
function targetsZeroFilled(view: ModelView, run: ModelState): Hypothesis[] {
  if (view.outputs.length !== 1) return [];
  const k = view.outputs[0]!.loss?.kind;
  if (k !== 'mse' && k !== 'mae' && k !== 'regression') return [];
  const e = run.data.y.get(0);
  const z = e?.summary.zerosApart;
  const site = e?.origin?.site ?? e?.site;
  if (!e || !z || !site) return [];
  const ySite = e.site ?? view.event.fitSite;
  return [
    {
      id: 'targets-zero-filled:y',
      symptom: 'targets-zero-filled',
      rootCause: 'training-data',
      layer: null,
      location: site,
      data: { role: 'y', fitSite: ySite },
      related: [],
      message: `${z.zeros} of the ${z.count} targets (${pct(z.zeros / z.count)}) are exactly 0, while every other lies between ${fmt(z.nearest)} and ${fmt(z.farthest)} (median ${fmt(z.median)}): nothing comes near 0. Missing values read as 0 look like this: \`Number('')\` is 0, where parseFloat gives NaN, which a check can drop. The model is pulled towards 0 for rows it should predict near ${fmt(z.median)}.`,
      evidence: [`${z.zeros} targets exactly 0`, `the others from ${fmt(z.nearest)} to ${fmt(z.farthest)}`],
      relevance: new Map(),
      fixes: [{ title: "Read the cell with parseFloat, so an empty one is NaN and is dropped", plan: { kind: 'parseFloatCell', site } }],
      ...shownWhereItsFixIs(),
    },
  ];
}

/** Factors between units a merged table may mix, with what they convert. */
const UNIT_FACTORS: ReadonlyArray<[number, string]> = [
  [60, 'seconds and minutes, or minutes and hours'],
  [100, 'cents and dollars, centimetres and metres, or percentages and fractions'],
  [1000, 'metres and kilometres, grams and kilograms, or milliseconds and seconds'],
  [1024, 'bytes and kibibytes'],
  [3600, 'seconds and hours'],
];
/** How far (in decades) two groups' median ratio may lie from a unit factor: about 25%. */
const UNIT_FACTOR_SLACK = 0.1;
/** How far (in decades) the two groups' log spreads may differ and still look alike. */
const UNIT_SHAPE_SLACK = 0.5;

/**
 * Regression targets that fall into two groups far apart on a log scale, alike in shape, their
 * medians a unit's factor apart (1000: kilometres in one part, metres in the other): data merged
 * from sources that record one quantity in two units. The loss is dominated by the larger unit,
 * and predictions for rows in the smaller are off by its scale. Certain from the targets.
 */
function targetsMixedUnits(view: ModelView, run: ModelState): Hypothesis[] {
  if (view.outputs.length !== 1) return [];
  const o = view.outputs[0]!;
  const k = o.loss?.kind;
  if (k !== 'mse' && k !== 'mae' && k !== 'regression') return [];
  const e = run.data.y.get(0);
  const g = e?.summary.scaleGroups;
  if (!e || !g) return [];
  const ratio = g.upper.median / g.lower.median;
  const unit = UNIT_FACTORS.map(([f, what]) => ({ f, what, off: Math.abs(Math.log10(ratio / f)) })).sort((a, b) => a.off - b.off)[0]!;
  if (unit.off > UNIT_FACTOR_SLACK || Math.abs(g.upper.logSpread - g.lower.logSpread) > UNIT_SHAPE_SLACK) return [];
  const ySite = e.site ?? view.event.fitSite;
  const side = (s: typeof g.lower) => `${s.count} from ${fmt(s.min)} to ${fmt(s.max)} (median ${fmt(s.median)})`;
  return [
    {
      id: 'targets-mixed-units:y',
      symptom: 'targets-mixed-units',
      rootCause: 'training-data',
      layer: null,
      location: ySite,
      data: { role: 'y', fitSite: ySite },
      related: [],
      message: `The targets fall into two groups about ${unit.f}× apart, alike in shape: ${side(g.lower)} and ${side(g.upper)}, with nothing between. That is one quantity in two units (${unit.what}), from sources merged without converting: the loss is dominated by the rows in the larger unit, and predictions for the others are off by its scale. Convert one source's targets to the other's unit (a factor of ${unit.f}) before merging.`,
      evidence: [`target groups ${fmt(ratio)}× apart`, `${g.lower.count} and ${g.upper.count} rows`],
      relevance: new Map(),
      fixes: [],
      confirmBy: set(...HARM),
      strength: 0.95,
      weak: false,
      keepWhenLearning: true,
      certain: true,
    },
  ];
}

/**
 * Data that is often harmless as it is (zero-inflated targets, a constant column) and a fault only
 * where the source shows the slip that made it: never shown on its own, certain and shown where
 * its fix is found.
 */
function shownWhereItsFixIs(): Pick<Hypothesis, 'atFix' | 'confirmBy' | 'strength' | 'weak' | 'quiet' | 'keepWhenLearning' | 'certainWithFix'> {
  return { atFix: true, confirmBy: set(), strength: 0.9, weak: false, quiet: true, keepWhenLearning: true, certainWithFix: true };
}

/**
 * Input columns that hold one value for every row while others vary. Often harmless (a column of
 * ones, a category no row has), so never shown on its own; certain where the source computes a
 * feature with `^` and a small number (`x ^ 2`): in JavaScript that is a bitwise XOR of the value
 * cut to an integer, not a power, so features in (-1, 1) all become that number.
 */
function constantInputColumns(view: ModelView, run: ModelState): Hypothesis[] {
  const x = run.data.x.get(0);
  const s = x?.summary;
  const spreads = s?.columnSpreads;
  const rows = s?.shape?.[0];
  if (!x || !s || !spreads || typeof rows !== 'number' || rows < 32 || s.identicalRows === true) return [];
  const constant = spreads.flatMap((v, i) => (v === 0 ? [i] : []));
  if (constant.length === 0 || constant.length === spreads.length) return [];
  const centres = s.columnCentres;
  const values = constant.map((i) => (centres?.[i] !== undefined ? fmt(centres[i]!) : null));
  const site = x.origin?.site ?? x.site ?? view.event.fitSite;
  if (!site) return [];
  const named = constant.length === 1 ? `column ${constant[0]}` : `columns ${spokenList(constant.map(String))}`;
  return [
    {
      id: 'constant-input-columns:x',
      symptom: 'constant-input-columns',
      rootCause: 'training-data',
      ...aboutInputs(view, 0, x),
      message: `${constant.length} of the ${spreads.length} input columns (${named}) hold one value for every one of the ${rows} rows${values.every((v) => v !== null) ? ` (${[...new Set(values)].join(', ')})` : ''}: they tell the model nothing. The features are computed with \`^\`, which in JavaScript is a bitwise XOR of the values cut to integers, not a power: \`x ^ 2\` is 2 for every x in (-1, 1). Write \`x ** 2\`.`,
      evidence: [`${named} of the inputs never vary`],
      relevance: new Map(),
      fixes: [{ title: 'Raise to a power with **, not ^ (bitwise XOR)', plan: { kind: 'caretToPower', site } }],
      ...shownWhereItsFixIs(),
    },
  ];
}

/**
 * Images centred pixel by pixel on the mean of their own channels (`images.sub(images.mean(3, true))`
 * where the mean of each channel over the training images was meant): what is left of a pixel is how
 * its channels differ from each other, and its brightness, the same in all of them, is gone. A model
 * that tells its classes by how light or dark they are (ripeness, roast, exposure) has nothing to go
 * on. Certain from the data and where it was made: image inputs of 2 to 4 channels, centred on 0, whose
 * making took a mean over the channel axis. Fixed to the mean of each channel over the images.
 */
function pixelsCentredOnChannels(run: ModelState): Hypothesis[] {
  const x = run.data.x.get(0);
  const s = x?.summary;
  const channels = s?.shape?.[3];
  const at = x?.origin?.rowMeans?.[0];
  const { mean, std } = s ?? {};
  if (!x || !s || !at || s.shape?.length !== 4 || typeof channels !== 'number' || channels < 2 || channels > 4) return [];
  if (typeof mean !== 'number' || typeof std !== 'number' || !(std > 0) || !(Math.abs(mean) <= 1e-4 * std)) return [];
  return [
    {
      id: 'pixels-centred-on-channels:x',
      symptom: 'pixels-centred-on-channels',
      rootCause: 'input-normalization',
      // Shown on the mean itself, not where the data tensor was made.
      location: at,
      related: [],
      inputSide: true,
      message: `Line ${at.line} centres every pixel on the mean of its own ${channels} channels: what is left is how the channels differ from each other, and the pixel's brightness, common to all of them, is subtracted away. A model whose classes differ in how light or dark they are cannot tell them apart. Centre each channel on its mean over the training images instead: the mean over axes 0, 1 and 2.`,
      evidence: [`image inputs of ${channels} channels with mean ${fmt(mean)}`, `line ${at.line} took a mean over the channel axis`],
      fixes: [{ title: 'Centre each channel on its mean over the images (axes 0, 1, 2)', plan: { kind: 'channelMeanOverImages', site: at } }],
      ...certainFromTheRun(),
      keepWhenLearning: false,
    },
  ];
}

/**
 * Inputs that look standardized as a whole (mean near 0, spread near 1) while their columns'
 * spreads lie a thousandfold apart: one mean and variance were taken over all values (tf.moments(x)
 * with no axis), so the column on the largest scale keeps all the spread and the others are left
 * nearly constant. Shown on the moments call when the probe saw it, with a fix to axis 0.
 */
function scaledAsAWhole(view: ModelView, run: ModelState): Hypothesis[] {
  const x = run.data.x.get(0);
  const s = x?.summary;
  const spreads = s?.columnSpreads;
  if (!x || !s || !spreads || !isNum(s.mean) || !isNum(s.std) || Math.abs(s.mean) > 0.5 || s.std < 0.3 || s.std > 3) return [];
  const positive = spreads.filter((v) => v > 0);
  if (positive.length < 2) return [];
  const widest = Math.max(...positive);
  const flat = spreads.map((v, i) => [v, i] as const).filter(([v]) => v > 0 && v * SPREAD_APART <= widest);
  if (flat.length === 0) return [];
  const fitSite = x.site ?? view.event.fitSite;
  const atMeans = atMoments(x.origin?.wholeMeans ?? [], fitSite) ?? {
    fixes: standardizeColumnsFix(fitSite),
  };
  const cols = flat.slice(0, 4).map(([v, i]) => `column ${i}: ${fmt(v)}`);
  return [
    {
      id: 'unscaled-input:columns',
      symptom: 'unscaled-input',
      rootCause: 'input-normalization',
      ...aboutInputs(view, 0, x),
      message: `The inputs look standardized as a whole (mean ${fmt(s.mean)}, spread ${fmt(s.std)}), but their columns' spreads lie ${fmt(widest / Math.min(...flat.map(([v]) => v)))}-fold apart: ${flat.length} of ${spreads.length} columns are left nearly constant (${cols.join(', ')}) beside one with spread ${fmt(widest)}. One mean and variance were taken over all values, so the column on the largest scale kept all the spread. Standardize each column on its own (tf.moments(x, 0)).`,
      evidence: [`column spreads from ${fmt(Math.min(...positive))} to ${fmt(widest)}`, `all inputs: mean ${fmt(s.mean)}, spread ${fmt(s.std)}`],
      relevance: new Map(),
      confirmBy: set(...HARM, 'dead-relu', 'saturated-activation', 'weights-unchanged'),
      strength: 0.9,
      ...atMeans,
    },
  ];
}

/** How closely each column's distance from 1 must equal its spread to read as (x - std) / mean. */
const SWAPPED_TOLERANCE = 0.02;
/** A column left this narrow carries next to nothing the model can use. */
const NARROW_SPREAD = 0.05;

/** Each column lies exactly its spread away from 1, all narrower than a standardized column: (x - std) / mean. */
function swappedColumns(centres: readonly number[], spreads: readonly number[]): boolean {
  return spreads.every((v, i) => v > 0 && v < 0.7 && Math.abs(Math.abs(centres[i]! - 1) - v) <= SWAPPED_TOLERANCE * Math.max(1, v));
}

/**
 * Inputs standardized with the mean and the standard deviation swapped, (x - std) / mean: each
 * column then has mean 1 - std/mean and spread std/mean, so it lies exactly its spread away from 1,
 * and a column whose spread is small beside its mean (a latitude, a year) is left nearly constant.
 * Correctly standardized columns (mean 0, spread 1) also lie their spread away from 1: only columns
 * all narrower than that count. Certain once a column is left that narrow; the fix standardizes the
 * inputs where fit is given them.
 */
function meanAndSpreadSwapped(view: ModelView, run: ModelState): Hypothesis[] {
  const x = run.data.x.get(0);
  const centres = x?.summary.columnCentres;
  const spreads = x?.summary.columnSpreads;
  if (!x || !centres || !spreads || centres.length !== spreads.length || spreads.length < 3 || !swappedColumns(centres, spreads)) return [];
  // 0/1 columns set in half the rows also lie their spread (0.5) away from 1: only a column left
  // nearly constant tells the swap apart, and it is the harm.
  const narrow = spreads.map((v, i) => [v, i] as const).filter(([v]) => v < NARROW_SPREAD);
  if (narrow.length === 0) return [];
  const fitSite = x.site ?? view.event.fitSite;
  const cols = spreads.slice(0, 6).map((v, i) => `column ${i}: mean ${fmt(centres[i]!)}, spread ${fmt(v)}`);
  return [
    {
      id: 'unscaled-input:swapped',
      symptom: 'unscaled-input',
      rootCause: 'input-normalization',
      ...aboutInputs(view, 0, x),
      message: `Every input column lies exactly its spread away from 1 (${cols.slice(0, 3).join('; ')}): the columns were scaled as (x − std) / mean, with the mean and the standard deviation swapped, so each keeps only its spread relative to its mean, and ${narrow.length === 1 ? `column ${narrow[0]![1]} varies by ±${fmt(narrow[0]![0])}` : `${narrow.length} columns vary by less than ±${fmt(NARROW_SPREAD)}`} around 1, next to nothing the model can use. Standardize as (x − mean) / std.`,
      evidence: cols,
      relevance: new Map(),
      fixes: standardizeColumnsFix(fitSite),
      confirmBy: set(...HARM, 'dead-relu', 'saturated-activation', 'weights-unchanged'),
      strength: 0.9,
      keepWhenLearning: true,
      certain: true,
    },
  ];
}

/** A column whose spread is at most this share of its level keeps next to nothing of what told its rows apart. */
const NARROW_SHARE = 0.05;

/**
 * Inputs that look scaled (every value within ±10) but with columns that vary by no more than a
 * twentieth of their level: years, pressures or kelvins divided by their maximum instead of
 * their range (`v / max` where `(v - min) / (max - min)` was meant) all sit near 1 and keep only a
 * sliver of spread, which the first layer's weights must grow huge to use. A loss that settles near
 * the no-skill level confirms it; the fix standardizes the inputs where fit is given them.
 */
function narrowColumns(view: ModelView, run: ModelState): Hypothesis[] {
  const x = run.data.x.get(0);
  const s = x?.summary;
  const centres = s?.columnCentres;
  const spreads = s?.columnSpreads;
  if (!x || !s || !centres || !spreads || centres.length !== spreads.length || !isNum(s.min) || !isNum(s.max)) return [];
  if (Math.max(Math.abs(s.min), Math.abs(s.max)) > 10 || swappedColumns(centres, spreads)) return [];
  const narrow = spreads.map((v, i) => [v, i] as const).filter(([v, i]) => v > 0 && Math.abs(centres[i]!) >= 0.1 && v <= NARROW_SHARE * Math.abs(centres[i]!));
  if (narrow.length === 0) return [];
  const fitSite = x.site ?? view.event.fitSite;
  const cols = narrow.slice(0, 4).map(([v, i]) => `column ${i}: ±${fmt(v)} around ${fmt(centres[i]!)}`);
  // Made by a division and left well below 0: a division by a maximum cannot do that, a
  // standardization with another tensor's mean and spread (the raw columns', after a rescaling) can.
  const standardizedSite = x.origin?.kernel === 'RealDiv' ? x.origin.site : null;
  if (standardizedSite && narrow.some(([, i]) => centres[i]! <= -0.5)) {
    return [
      {
        id: 'unscaled-input:narrow',
        symptom: 'unscaled-input',
        rootCause: 'input-normalization',
        ...aboutInputs(view, 0, x),
        location: standardizedSite,
        message: `${narrow.length === 1 ? 'One input column varies' : `${narrow.length} input columns vary`} by ${NARROW_SHARE * 100}% of their level or less after this standardization (${cols.join('; ')}): a standardized column has mean 0 and spread 1, and these sit far from 0 with a sliver of spread, so the mean and the standard deviation used are not these columns' own. Statistics of other data (the raw columns, before they were rescaled) leave the inputs nearly constant. Compute the mean and the standard deviation from the data being standardized.`,
        evidence: cols,
        relevance: new Map(),
        fixes: [{ title: 'Standardize with the statistics of the data it standardizes', plan: { kind: 'ownMoments', site: standardizedSite } }, ...standardizeColumnsFix(fitSite)],
        atFix: true,
        confirmBy: set('loss-not-decreasing', 'accuracy-not-increasing', 'weights-unchanged', 'constant-output'),
        strength: 0.9,
        settlesHigh: true,
      },
    ];
  }
  return [
    {
      id: 'unscaled-input:narrow',
      symptom: 'unscaled-input',
      rootCause: 'input-normalization',
      ...aboutInputs(view, 0, x),
      message: `${narrow.length === 1 ? 'One input column varies' : `${narrow.length} input columns vary`} by ${NARROW_SHARE * 100}% of their level or less (${cols.join('; ')}): scaled by dividing by their maximum rather than by their range, values with a large offset (years, pressures, temperatures in kelvin) all land near 1 and keep only a sliver of what told them apart, which the first layer can use only through huge weights. Subtract the minimum (or the mean) before dividing.`,
      evidence: cols,
      relevance: new Map(),
      fixes: standardizeColumnsFix(fitSite),
      confirmBy: set('loss-not-decreasing', 'accuracy-not-increasing', 'weights-unchanged'),
      strength: 0.8,
      settlesHigh: true,
    },
  ];
}

/**
 * fit given class targets that are all one class, for a model built to tell several apart (a
 * categorical loss over 2 units or more): it can only learn to answer that class, whatever its
 * input. Labels computed along the wrong axis (argMax over a sum that is always 1) or read from
 * the wrong column do this. Certain from fit's targets (the whole training set, unlike a custom
 * loop's batch). A single 0/1 output too, trained for several epochs (a text field compared with a
 * number, or data of one class: nothing to learn either way). A model with frozen layers (a GAN's
 * combined model) is left alone.
 */
function oneClassTargets(view: ModelView, run: ModelState): Hypothesis[] {
  if (view.event.mode !== 'fit' || view.outputs.length !== 1 || view.layers.some((l) => !l.info.trainable)) return [];
  const o = view.outputs[0]!;
  const kind = o.loss?.kind;
  // One 0/1 output trained for several epochs on one label: a GAN's discriminator steps fit one
  // label at a time too, but for one epoch on one batch.
  const epochs = view.event.fitConfig['epochs'];
  const binary = kind === 'binary' && o.units === 1 && typeof epochs === 'number' && epochs >= 2;
  if (!binary && ((kind !== 'categorical' && kind !== 'sparse') || !(o.units !== null && o.units >= 2))) return [];
  const e = run.data.y.get(0);
  const s = e?.summary;
  const rows = s?.shape?.[0];
  if (!e || !s || typeof rows !== 'number' || rows < 32) return [];
  const width = s.shape && s.shape.length >= 2 ? s.shape[s.shape.length - 1] : 1;
  let only: number | null = null;
  if (width === 1 && s.distinct?.length === 1 && s.distinctCounts?.[0] === rows) only = s.distinct[0]!;
  else if (typeof width === 'number' && width > 1 && s.oneHotRows === true && s.columnMeans) {
    const present = s.columnMeans.map((m, i) => [m, i] as const).filter(([m]) => m > 0);
    if (present.length === 1) only = present[0]![1];
  }
  if (only === null) return [];
  const ySite = e.site ?? view.event.fitSite;
  // Every fit call so far given one class, not all the same: the data is fed one class per call. The
  // first call's class is its data's; later calls' come with their own events.
  const perCall = Array.from({ length: run.fitCalls }, (_, i) => (i === 0 ? (run.targetsOfFitCall === 1 ? only : undefined) : run.oneClassFits.get(i + 1)));
  const fitSite = view.event.fitSite;
  if (run.fitCalls >= 2 && perCall.every((c) => c !== undefined) && new Set(perCall).size >= 2 && fitSite) {
    return [
      {
        id: 'fit-one-class-per-call',
        symptom: 'fit-one-class-per-call',
        rootCause: 'training-data',
        layer: null,
        location: fitSite,
        related: ySite && ySite !== fitSite ? [{ site: ySite, message: 'targets of one class made here' }] : [],
        message: `Each of the ${run.fitCalls} fit calls so far trains this model on rows of one class, a different one each time (classes ${perCall.map((c) => fmt(c)).join(', ')}): every call pulls all the outputs towards its own class, so each undoes the one before and the model ends up answering the last call's class for every input, while each call's own loss and accuracy look perfect. Join the rows of all the classes and fit once, shuffled.`,
        evidence: perCall.map((c, i) => `fit call ${i + 1}: every target is class ${fmt(c)}`),
        relevance: new Map(),
        fixes: [],
        confirmBy: set(...HARM),
        strength: 1,
        weak: false,
        certain: true,
        explains: ['one-class-targets'],
      },
    ];
  }
  return [
    {
      id: 'one-class-targets:y',
      symptom: 'one-class-targets',
      rootCause: 'label-encoding',
      layer: null,
      location: ySite,
      data: { role: 'y', fitSite: ySite },
      related: [],
      message: `Every one of the ${rows} training targets is class ${fmt(only)}: the model can only learn to answer ${fmt(only)}, whatever its input, and its training loss and accuracy look perfect while it learns nothing. ${binary ? 'Either the labels lost their classes where they were made (a comparison that is never true: a field split from text is a string, and "1" === 1 is false; or the wrong column), or the data holds one class only (a balancing step that keeps the other class with a probability rounded down to 0, or rows of the other class added with concat, whose new array was dropped, say): there is nothing to tell apart.' : 'The labels lost their classes where they were made: an argMax or sum along the wrong axis, the wrong column, or a label column scaled with the values (divided by 255 and rounded to 0).'}`,
      evidence: [`all ${rows} targets are class ${fmt(only)}`],
      relevance: new Map(),
      fixes: e.origin?.site
        ? [
            // Rows of the other class kept with a probability floored to 0 (a balancing ratio).
            { title: 'Keep the sampling ratio a fraction: Math.floor makes it 0', plan: { kind: 'unfloorKeepRatio' as const, site: e.origin.site } },
            ...(binary ? [{ title: 'Compare the label as a number', plan: { kind: 'numberCompare' as const, site: e.origin.site } }] : []),
            // A 0/1 label taken from a score with `score | 0`, which truncates every fraction to 0.
            ...(binary ? [{ title: 'Round the score against 0.5: | 0 cuts every fraction to 0', plan: { kind: 'roundNotTruncate' as const, site: e.origin.site } }] : []),
            // A label looked up in a Map with number keys by a text field: every lookup misses.
            { title: "Look the label up as a number: the Map's keys are numbers, the field is text", plan: { kind: 'mapKeyAsNumber' as const, site: e.origin.site } },
            // A session's label read from its first event, when only the last one carries it.
            { title: 'Take the label from the last entry: the first one does not carry it yet', plan: { kind: 'labelFromLastEntry' as const, site: e.origin.site } },
            // examples.concat(negatives) as a statement: the array with the other class is dropped.
            { title: 'Add the rows in place: concat returns a new array', plan: { kind: 'concatInPlace' as const, site: e.origin.site } },
            { title: "Scale the values only, not the label's column", plan: { kind: 'unscaleLabelColumn' as const, site: e.origin.site } },
            // A threshold compared with the standardized copy of the column: on the raw values.
            { title: 'Compare the raw values with the threshold, not the standardized ones', plan: { kind: 'labelsFromRaw' as const, site: e.origin.site } },
            // A parse that stops at the first blank line: the rows after it (the other classes) are never read.
            { title: 'Skip blank lines instead of stopping at the first one', plan: { kind: 'blankLineContinue' as const, file: e.origin.site.file } },
            // Sampled negatives pushed with the positives' label.
            ...(binary ? [{ title: 'Label the sampled negatives 0', plan: { kind: 'negativesLabelledZero' as const, file: e.origin.site.file } }] : []),
          ]
        : [],
      // Shown where the fix edits: the labels may be rounded from rows scaled as a whole, above.
      atFix: true,
      // Rows of the other classes never loaded or never added: the data, not how its labels are encoded.
      causeByFixKind: { blankLineContinue: 'training-data', concatInPlace: 'training-data', unfloorKeepRatio: 'training-data', negativesLabelledZero: 'training-data' },
      confirmBy: set(...HARM),
      strength: 1,
      weak: false,
      certain: true,
      // A perfect fit is what one class predicts; a fit in a loop may be given another class next.
      keepWhenLearning: true,
      heldForNextFit: true,
    },
  ];
}

/**
 * fit given one-hot targets over many classes, each held by one or two of the training rows: the
 * labels name the samples (an id read from a file name, a row number), not their classes. The
 * model can only memorize them, and no new sample has a class it was trained on. Certain from
 * fit's targets; fixed where the label is the first field split from a name and another exists.
 */
function labelsAreIds(view: ModelView, run: ModelState): Hypothesis[] {
  if (view.event.mode !== 'fit' || view.outputs.length !== 1) return [];
  const o = view.outputs[0]!;
  if (o.loss?.kind !== 'categorical' || o.units === null || o.units < 20) return [];
  const e = run.data.y.get(0);
  const s = e?.summary;
  const rows = s?.shape?.[0];
  if (!e || !s || typeof rows !== 'number' || rows < 50 || s.oneHotRows !== true || !s.columnMeans) return [];
  const counts = s.columnMeans.map((m) => Math.round(m * rows)).filter((c) => c > 0);
  const most = Math.max(...counts);
  if (counts.length < rows / 2 || most > 2) return [];
  const ySite = e.site ?? view.event.fitSite;
  return [
    {
      id: 'labels-are-ids:y',
      symptom: 'labels-are-ids',
      rootCause: 'label-encoding',
      layer: null,
      location: ySite,
      data: { role: 'y', fitSite: ySite },
      related: [],
      message: `The ${rows} training targets hold ${counts.length} classes, none with more than ${most} row${most > 1 ? 's' : ''}: the labels name the samples, not their classes (an id read from a file name, a row number). The model can only memorize them, and no new sample has a class it was trained on. Read the label from the field that holds the class.`,
      evidence: [`${counts.length} classes over ${rows} rows`, `at most ${most} row${most > 1 ? 's' : ''} per class`],
      relevance: new Map(),
      fixes: e.origin?.site ? [{ title: "Read the label from the name's next field: the first one is unique to each sample", plan: { kind: 'labelFromOtherField' as const, site: e.origin.site } }] : [],
      atFix: true,
      confirmBy: set(...HARM, 'overfitting'),
      strength: 1,
      weak: false,
      certain: true,
    },
  ];
}

/** The accuracy `evaluate` reported. */
function heldOutAccuracy(e: EvaluatedEvent): number | null | undefined {
  const at = e.names.findIndex((n) => ACCURACY_KEYS.test(normalizeKey(n)));
  return at >= 0 ? e.values[at] : undefined;
}

/**
 * A two-class model that is right on most of its training batches and wrong on most held-out rows
 * (accuracy 0.8 or more in training, 0.2 or less at evaluate): it answers them the opposite way, so
 * the training labels are the held-out ones inverted. Labels flipped with a probability written as
 * a percent (`rng() < 10`, always true) do this. Certain from the two accuracies; fixed where such a
 * probability is declared.
 */
function labelsInverted(view: ModelView, run: ModelState): Hypothesis[] {
  const e = run.evaluated;
  if (!e || view.outputs.length !== 1) return [];
  const o = view.outputs[0]!;
  const kind = o.loss?.kind;
  const twoClass = (kind === 'binary' && o.units === 1) || ((kind === 'categorical' || kind === 'sparse') && o.units === 2);
  if (!twoClass) return [];
  const held = heldOutAccuracy(e);
  const trained = run.recentTrainingAccuracy();
  if (!isNum(held) || held > 0.2 || trained === null || trained < 0.8) return [];
  const fitSite = view.event.fitSite;
  return [
    {
      id: 'labels-inverted',
      symptom: 'labels-inverted',
      rootCause: 'training-data',
      layer: null,
      location: fitSite,
      related: e.site ? [{ site: e.site, message: `accuracy ${fmt(held)} here` }] : [],
      message: `The model is right on ${fmt(trained * 100)}% of its last training batches and on ${fmt(held * 100)}% of the rows evaluated${e.site ? ` on line ${e.site.line}` : ''}, far below the 50% of a guess: it answers them the opposite way. The training labels are the held-out ones inverted: flipped for most rows (a flip probability written as a percent, \`rng() < 10\`, is always true), or encoded the other way round.`,
      evidence: [`training accuracy ${fmt(trained)} over the last batches`, `held-out accuracy ${fmt(held)}`],
      relevance: new Map(),
      fixes: fitSite ? [{ title: 'Write the probability as a fraction: a draw in [0, 1) is always below a percent', plan: { kind: 'percentAsFraction' as const, file: fitSite.file } }] : [],
      atFix: true,
      confirmBy: set(...HARM),
      strength: 1,
      weak: false,
      certain: true,
    },
  ];
}

/**
 * A model evaluated on three times as many rows as it trained on or more, where the source cuts one
 * array in two with the names the wrong way round (`const test = rows.slice(0, nTrain)`, `const train
 * = rows.slice(nTrain)`): it trains on the smaller part. Shown only where that fix applies.
 */
function trainedOnSmallerSplit(view: ModelView, run: ModelState): Hypothesis[] {
  const e = run.evaluated;
  const trainRows = run.data.x.get(0)?.summary.shape?.[0];
  const fitSite = view.event.fitSite;
  if (!e || typeof e.rows !== 'number' || typeof trainRows !== 'number' || e.rows < 3 * trainRows || e.rows < 100 || !fitSite) return [];
  return [
    {
      id: 'trained-on-smaller-split',
      symptom: 'split-swapped',
      rootCause: 'training-data',
      layer: null,
      location: fitSite,
      related: e.site ? [{ site: e.site, message: `evaluated here on ${e.rows} rows` }] : [],
      message: `The model trains on ${trainRows} rows and is evaluated on ${e.rows}${e.site ? ` (line ${e.site.line})` : ''}: the data was cut in two with the names the wrong way round, so the training set is the smaller part and the test set the larger. Swap the two names.`,
      evidence: [`${trainRows} training rows`, `${e.rows} rows evaluated`],
      relevance: new Map(),
      fixes: [{ title: 'Swap the names of the two parts: training takes the larger one', plan: { kind: 'swapSplitNames' as const, file: fitSite.file } }],
      atFix: true,
      confirmBy: set(...HARM, 'overfitting'),
      strength: 1,
      weak: false,
      // It fits its few rows well: that is no sign of health here.
      keepWhenLearning: true,
      quiet: true,
      certainWithFix: true,
    },
  ];
}

/**
 * fit called again and again from a loop that counts the epochs, each call given that same count as
 * its epochs (`for (e < EPOCHS) fit({ epochs: EPOCHS })`, written to log each epoch): the model
 * trains EPOCHS × EPOCHS epochs and overfits. Shown only where the source shows the loop's bound and
 * fit's epochs are one name; the fix runs one epoch per call.
 */
function epochsPerCallRepeated(view: ModelView, run: ModelState): Hypothesis[] {
  const fitSite = view.event.fitSite;
  const epochs = view.event.fitConfig['epochs'];
  if (view.event.mode !== 'fit' || !fitSite || run.fitCalls < 2 || typeof epochs !== 'number' || epochs < 2) return [];
  return [
    {
      id: 'epochs-per-call-repeated',
      symptom: 'epochs-repeated',
      rootCause: 'training-length',
      layer: null,
      location: fitSite,
      related: [],
      message: `fit runs ${epochs} epochs at each call, and the loop around it runs once per epoch: the model trains ${epochs} × ${epochs} = ${epochs * epochs} epochs, not ${epochs}, and fits its training rows far past what they can teach. Give each call one epoch.`,
      evidence: [`${run.fitCalls} fit calls so far, ${epochs} epochs each`],
      relevance: new Map(),
      fixes: [{ title: 'Run one epoch per call of the epoch loop', plan: { kind: 'oneEpochPerCall', fitSite } }],
      // Only the source can tell the loop's count from a second stage's: shown where the fix renders, never confirmed by training alone.
      confirmBy: set(),
      strength: 1,
      weak: false,
      keepWhenLearning: true,
      quiet: true,
      certainWithFix: true,
    },
  ];
}

/** The classes the training targets hold at least once (one-hot columns, class ids, 0/1) over every fit call, or null when not known. */
function trainedClasses(run: ModelState): Set<number> | null {
  const t = run.data.target(0);
  const s = t?.summary;
  if (!t || !s) return null;
  if (t.kind === 'one-hot' && t.freqs) return new Set([...t.freqs.flatMap((f, c) => (f > 0 ? [c] : [])), ...run.laterFitClasses]);
  if ((t.kind === 'classes' || t.kind === 'binary') && s.distinct) return new Set([...s.distinct, ...run.laterFitClasses]);
  return null;
}

/**
 * A trained model evaluated on targets most of whose rows are of classes no training target has:
 * the split put whole classes on the test side (every fifth row, where rows cycle through the
 * classes; a cut of rows sorted by class). The score measures what the model was never taught.
 * Certain from the targets; shown where the model is evaluated.
 */
function evaluatedOnUnseenClasses(run: ModelState): Hypothesis[] {
  const e = run.evaluated;
  const trained = trainedClasses(run);
  if (!e?.targetClasses || !trained || trained.size === 0) return [];
  const total = e.targetClasses.reduce((a, c) => a + c.rows, 0);
  const unseen = e.targetClasses.filter((c) => !trained.has(c.cls));
  const unseenRows = unseen.reduce((a, c) => a + c.rows, 0);
  if (total < 10 || unseenRows < 0.5 * total) return [];
  const names = unseen.map((c) => String(c.cls)).join(', ');
  const plural = unseen.length > 1 ? 'es' : '';
  return [
    {
      id: 'evaluated-classes-unseen',
      symptom: 'evaluated-classes-unseen',
      rootCause: 'training-data',
      location: e.site,
      related: [],
      message: `The model is evaluated on ${total} rows, ${unseenRows} of them of class${plural} ${names}, which no training row has: it was never taught ${unseen.length > 1 ? 'those classes' : 'that class'}, so the score measures nothing it learned. The split sent whole classes to the test side (every k-th row of data whose rows cycle through the classes, or a cut of rows sorted by class): split by shuffled rows or by group.`,
      evidence: [`training classes ${[...trained].sort((a, b) => a - b).join(', ')}`, `${unseenRows} of ${total} evaluated rows of class${plural} ${names}`],
      fixes: [],
      ...certainFromTheRun(),
      confirmBy: set(...HARM, 'overfitting'),
    },
  ];
}

/**
 * A loss the script wrote, on 0/1 targets (masks, labels), that went below 0 while the output is
 * linear: a ratio such as a soft Dice, 1 − 2·Σpy / (Σp + Σy), is bounded by 0 only for outputs in
 * [0, 1]. Unbounded outputs push its denominator to 0 and past it, and the loss to −∞ or +∞ by
 * turns. Certain from the loss's sign; the fix squashes the output with a sigmoid.
 */
function unboundedOutputUnderOwnLoss(view: ModelView, run: ModelState, o: OutputView): Hypothesis[] {
  const t = run.data.target(o.slot);
  const s = t?.summary;
  const zeroOne = s?.distinct?.length === 2 && s.distinct[0] === 0 && s.distinct[1] === 1;
  if (o.loss?.kind !== 'other' || o.activation !== 'linear' || !zeroOne || view.outputs.length !== 1 || !(run.loss.min < NEGATIVE_LOSS)) return [];
  const L = o.actLayer;
  const fix = activationFix(L, 'sigmoid', `Squash ${L.info.name}'s outputs into [0, 1] with a sigmoid`);
  return [
    {
      id: `unbounded-output-own-loss:${L.info.name}`,
      symptom: 'output-out-of-range',
      rootCause: 'output-activation',
      layer: L,
      location: L.info.site,
      related: view.compileSite ? [{ site: view.compileSite, message: `${o.loss.name} is given its outputs here` }] : [],
      message: `${o.loss.name} scores 0/1 targets, and it went below 0 (to ${fmt(run.loss.min)}), which a loss on probabilities cannot: ${L.info.name} is linear, so its outputs are not kept in [0, 1]. A ratio such as a soft Dice, 1 − 2·Σ(p·y) / (Σp + Σy), is bounded only for p in [0, 1]; with unbounded p the model drives its denominator toward 0 and past it, and the loss swings between huge values of either sign instead of measuring the overlap. Squash the outputs with a sigmoid.`,
      evidence: [`loss reached ${fmt(run.loss.min)}`, 'targets: 0 and 1', `${L.info.name} is linear`],
      relevance: new Map([[L.pos, { score: 1, evidence: 'linear outputs under a loss for probabilities' }]]),
      fixes: fix ? [fix] : [],
      confirmBy: set(...HARM, ...NUMERIC, 'loss-diverging', 'loss-oscillating'),
      strength: 0.95,
      weak: false,
      keepWhenLearning: true,
      certain: true,
    },
  ];
}

/** Right on this share of its last training batches, and no better than this above the commonest class when evaluated. */
const LEARNED_ACCURACY = 0.85;
const LEARNED_PAST_COMMONEST = 0.2;
const CHANCE_MARGIN = 0.05;
const CHANCE_ROWS = 100;

/**
 * A classifier right on most of its training batches and no better than always naming the commonest
 * class on the rows it is evaluated on: whatever it learned holds for its training rows alone. Labels
 * that belong to other rows (the texts filtered and the labels not, one of two arrays shuffled)
 * leave nothing to learn but the rows themselves, and a big enough model learns them by heart.
 * Certain from the two scores; the labels' line is not known.
 */
function memorizedAtChance(view: ModelView, run: ModelState): Hypothesis[] {
  // The latest evaluation, against the training batches just before it (an evaluation after a first
  // chunk of epochs scores a model that has not learned yet).
  const e = run.lastEvaluated?.event;
  // Weights set back to the start after fit: the model evaluated is the untrained one (judged apart).
  if (!e?.targetClasses || view.outputs.length !== 1 || !isClassification(run.data.target(0)) || run.untrainedByRestore) return [];
  const held = heldOutAccuracy(e);
  const trained = run.lastEvaluated!.trainedAccuracy;
  const total = e.targetClasses.reduce((a, c) => a + c.rows, 0);
  // Fewer rows score with a standard error of 0.05 or more: too coarse to call a score chance.
  if (!isNum(held) || trained === null || total < CHANCE_ROWS || e.targetClasses.length < 2) return [];
  const commonest = Math.max(...e.targetClasses.map((c) => c.rows)) / total;
  // Learned: well past naming the commonest training class, which a model that answers one class earns.
  // At chance on the evaluated rows: within 0.05 of the commonest class's share, and keeping at least
  // half its errors (a 97% class leaves little room above it: 99.6% there is no chance score).
  const freqs = run.data.target(0)?.freqs;
  const trainedCommonest = freqs && freqs.length > 0 ? Math.max(...freqs) : null;
  if (trainedCommonest === null || trained < LEARNED_ACCURACY || trained < trainedCommonest + LEARNED_PAST_COMMONEST || held > commonest + Math.min(CHANCE_MARGIN, (1 - commonest) / 2)) return [];
  const fitSite = view.event.fitSite;
  return [
    {
      id: 'memorized-at-chance',
      symptom: 'overfitting',
      rootCause: 'training-data',
      layer: null,
      location: fitSite ?? e.site,
      related: e.site ? [{ site: e.site, message: `accuracy ${fmt(held)} here` }] : [],
      message: `The model is right on ${fmt(trained * 100)}% of its last training batches, but on the ${total} rows evaluated${e.site ? ` on line ${e.site.line}` : ''} it scores ${fmt(held * 100)}%, no better than always naming the commonest class (${fmt(commonest * 100)}%): what it learned holds for its training rows alone. Labels that belong to other rows look like this (texts or rows filtered while their labels were not, one of two arrays shuffled or sorted alone): there is no rule to learn, and the model learns the training rows by heart. Check that each training row keeps its own label.`,
      evidence: [`training accuracy ${fmt(trained)} over the last batches`, `held-out accuracy ${fmt(held)}, commonest class ${fmt(commonest)}`],
      relevance: new Map(),
      fixes: [],
      confirmBy: set(...HARM, 'overfitting'),
      strength: 0.9,
      weak: false,
      keepWhenLearning: true,
      certain: true,
    },
  ];
}

/**
 * fit given class targets in which a class the model has a unit for never appears (4 units, no
 * row of class 0): the model is never taught that class and never predicts it, while its training
 * accuracy looks fine. A cleaning filter that tests a label's truthiness
 * (`rows.filter((r) => r.label)`) drops every row of class 0, which is falsy: when the source
 * shows one, the finding is certain and shown there. Otherwise a warning: labels counted from 1
 * under an output one unit wider leave unit 0 unused by design.
 */
function classesNeverTrained(view: ModelView, run: ModelState): Hypothesis[] {
  if (view.event.mode !== 'fit' || view.outputs.length !== 1) return [];
  const o = view.outputs[0]!;
  const kind = o.loss?.kind;
  const units = o.units;
  if ((kind !== 'categorical' && kind !== 'sparse') || units === null || units < 3) return [];
  const e = run.data.y.get(0);
  const s = e?.summary;
  const rows = s?.shape?.[0];
  if (!e || !s || typeof rows !== 'number' || rows < 100 || s.nanCount > 0 || s.infCount > 0) return [];
  const width = s.shape && s.shape.length >= 2 ? s.shape[s.shape.length - 1] : 1;
  let missing: number[] = [];
  if (width === units && s.oneHotRows === true && !s.zeroRows && s.columnMeans?.length === units) {
    missing = s.columnMeans.flatMap((m, i) => (m === 0 ? [i] : []));
  } else if (width === 1 && kind === 'sparse' && s.distinct && s.distinct.every((v) => Number.isInteger(v) && v >= 0 && v < units)) {
    missing = Array.from({ length: units }, (_, i) => i).filter((i) => !s.distinct!.includes(i));
  }
  if (missing.length === 0 || units - missing.length < 2) return [];
  const ySite = e.site ?? view.event.fitSite;
  const named = missing.length === 1 ? `class ${missing[0]}` : `classes ${spokenList(missing.map(String))}`;
  const zero = missing.includes(0);
  const fromOne = missing.length === 1 && zero;
  return [
    {
      id: 'classes-never-trained:y',
      symptom: 'classes-never-trained',
      rootCause: 'training-data',
      layer: null,
      location: ySite,
      data: { role: 'y', fitSite: ySite },
      related: [],
      message: `No training row is of ${named}, though ${o.layer.info.name} has a unit for ${missing.length === 1 ? 'it' : 'each'} (${rows} rows, ${units} classes): the model is never taught ${missing.length === 1 ? 'that class' : 'those classes'} and will never predict ${missing.length === 1 ? 'it' : 'them'}, while its training accuracy looks fine.${zero ? ' A cleaning step that tests a label for truthiness (`rows.filter((r) => r.label)`, `if (!label) continue`) drops every row of class 0 as well as the missing ones: 0 is falsy in JavaScript.' : ' A filter by class can leave a class out, and so can a split of rows still in the order they were recorded, one class after another (a shuffle that returns a new array, its result dropped).'}${fromOne ? ' If the labels count from 1 by design, unit 0 is never used: subtract 1 from the labels and make the output one unit narrower.' : ''}`,
      evidence: [`the ${rows} training targets hold ${units - missing.length} of ${units} classes`, `none of ${named}`],
      relevance: new Map(),
      fixes: [
        ...(zero && e.origin?.site ? [{ title: 'Keep rows of class 0: test for a missing label, not a falsy one', plan: { kind: 'keepZeroLabels' as const, site: e.origin.site } }] : []),
        // Rows kept in their recorded order (one block per class) by a shuffle whose copy is dropped, then split.
        ...(ySite ? [{ title: 'Keep the shuffled rows: the shuffle returns a new array', plan: { kind: 'keepShuffledCopy' as const, site: ySite } }] : []),
      ],
      atFix: true,
      confirmBy: set('overfitting', 'validation-classes-unseen'),
      strength: 0.9,
      weak: false,
      keepWhenLearning: true,
      certainWithFix: true,
    },
  ];
}

/**
 * fit given targets of several columns whose every value is the same (every row [1, 1, 1, 1]):
 * they say nothing about the inputs. One row array shared by all rows does this
 * (`new Array(n).fill(new Array(k).fill(0))`, then `labels[i][c] = 1` sets column c of every row).
 * Certain from fit's targets; shown where the rows are made when that is found.
 */
function sameTargetRows(view: ModelView, run: ModelState): Hypothesis[] {
  if (view.event.mode !== 'fit' || view.outputs.length !== 1) return [];
  const e = run.data.y.get(0);
  const s = e?.summary;
  const rows = s?.shape?.[0];
  const width = s?.shape && s.shape.length >= 2 ? s.shape[s.shape.length - 1] : 1;
  if (!e || !s || typeof rows !== 'number' || rows < 32 || typeof width !== 'number' || width < 2 || s.min === null || s.min !== s.max || s.nanCount > 0) return [];
  // Rows of 0s that tf.oneHot made from -1 (a lookup that found no name) are the zero-row check's.
  if (s.min === 0 && run.script.oneHot.some((c) => c.depth === width && c.min === -1)) return [];
  const ySite = e.site ?? view.event.fitSite;
  const row = `[${Array.from({ length: Math.min(width, 6) }, () => fmt(s.min!)).join(', ')}${width > 6 ? ', ...' : ''}]`;
  return [
    {
      id: 'same-target-rows:y',
      symptom: 'one-class-targets',
      rootCause: 'label-encoding',
      layer: null,
      location: ySite,
      data: { role: 'y', fitSite: ySite },
      related: [],
      message: `Every one of the ${rows} training target rows is ${row}: the targets say nothing about the inputs, so the model can only learn one constant answer. ${
        s.min === 0
          ? `Rows built by comparison (\`classes.map((c) => (c === label ? 1 : 0))\`) come out all 0 when the two sides are of different types: class names from Object.keys are strings, and a label parsed with Number() is never === to one. `
          : ''
      }One row array shared by every row does it too: \`new Array(n).fill(new Array(${width}).fill(0))\` fills all n slots with the same array, and setting a label in one row sets it in all of them.`,
      evidence: [`all ${rows * width} target values are ${fmt(s.min)}`],
      relevance: new Map(),
      fixes: ySite
        ? [
            ...(s.min === 0 ? [{ title: 'Compare the class and the label as text', plan: { kind: 'compareAsText' as const, site: e.origin?.site ?? ySite } }] : []),
            { title: 'Make a new array for each row: Array.from', plan: { kind: 'freshRows', site: ySite } },
          ]
        : [],
      atFix: true,
      confirmBy: set(...HARM),
      strength: 1,
      weak: false,
      certain: true,
      explainsAllHarm: true,
    },
  ];
}

/** Inputs whose last rows, this share of them or more, are all 0 while the rows before are not. */
const EMPTY_TAIL_SHARE = 0.5;

/**
 * fit given inputs whose last rows (half of them or more) are all 0, after rows that are not: the
 * array behind them was allocated for every row and filled only at its start. A flat typed array
 * filled with `xs.set(row, i)`, where `i * width` was meant, writes each row one element after the
 * last, overlapping them, and leaves the rest 0: most rows carry nothing. Certain from the data;
 * shown where the tensor is made, fixed where the rows are written.
 */
function emptyTailInputs(view: ModelView, run: ModelState): Hypothesis[] {
  const x = run.data.x.get(0);
  const s = x?.summary;
  const rows = s?.shape?.[0];
  const width = s?.shape?.[1];
  const empty = s?.emptyTailRows ?? 0;
  if (!x || !s || typeof rows !== 'number' || rows < 20 || typeof width !== 'number' || s.shape?.length !== 2 || empty < EMPTY_TAIL_SHARE * rows || empty >= rows) return [];
  // Rows of zeros that all share one class are data (the class of empty inputs), not a hole: the
  // targets must be known, and the last run of one class shorter than the empty rows.
  const y = run.data.y.get(0)?.summary;
  const runs = y?.classRunList;
  if (!y || (runs?.length && runs.at(-1)!.rows >= empty)) return [];
  const site = x.origin?.site ?? x.site ?? view.event.fitSite;
  return [
    {
      id: 'inputs-empty-tail:x',
      symptom: 'inputs-empty-tail',
      rootCause: 'training-data',
      location: site,
      data: { role: 'x', fitSite: site },
      related: [],
      message: `The last ${empty} of the ${rows} input rows (${pct(empty / rows)}) are all 0, while the rows before them are not: the array behind the inputs was made for every row but filled only at its start, so most rows carry nothing and their targets cannot be learned. A flat typed array filled with \`xs.set(row, i)\` writes each row one element after the previous one, where \`i * ${width}\` was meant, and leaves the rest 0.`,
      evidence: [`rows ${rows - empty} to ${rows - 1} of the inputs are all 0`],
      fixes: site ? [{ title: 'Write each row at its index times the row width', plan: { kind: 'rowOffsetTimesWidth', site } }] : [],
      atFix: true,
      ...certainFromTheRun(),
    },
  ];
}

/**
 * fit given inputs in which some columns are copies of another, value for value in every row, and
 * varied (ten values or more, so no pair of flags that agree by nature), next to the column they
 * copy: a feature row built with one field written where others were meant (`[r.age, r.age,
 * r.age, r.income]`), so the fields it should hold never reach the model. Certain, shown where the
 * rows are made. No fix: which fields were meant is not in the data.
 */
function copiedInputColumns(view: ModelView, run: ModelState): Hypothesis[] {
  const x = run.data.x.get(0);
  // Copies next to the column they copy: a feature row written by hand with one field repeated.
  // Real tables hold redundant attributes too (a size recorded twice), far apart: those are data.
  const groups = x?.summary.copiedColumns?.filter((g) => g.some((c, i) => i > 0 && c === g[i - 1]! + 1));
  if (!x || !groups?.length) return [];
  // Where the rows were built (the tensor made from them), not where they were standardized.
  const site = x.origin?.fromArray ?? x.origin?.site ?? x.site ?? view.event.fitSite;
  const width = x.summary.shape?.[1];
  const copies = groups.reduce((n, g) => n + g.length - 1, 0);
  const list = (g: number[]): string => `${g.slice(0, -1).join(', ')} and ${g.at(-1)}`;
  return [
    {
      id: 'inputs-copied-columns:x',
      symptom: 'inputs-copied-columns',
      rootCause: 'training-data',
      location: site,
      related: view.event.fitSite ? [{ site: view.event.fitSite, message: 'passed to fit here as x' }] : [],
      message: `Input columns ${groups.map(list).join('; ')} hold the same values in every row: ${copies} of the ${width ?? '?'} columns are copies, so the fields they were meant to hold never reach the model. A feature row built with one field written where others were meant (\`[r.age, r.age, r.age, ...]\`) does this; write the fields each column should hold.`,
      evidence: groups.map((g) => `columns ${list(g)} identical in every row`),
      fixes: [],
      layer: null,
      relevance: new Map(),
      confirmBy: set('loss-not-decreasing', 'accuracy-not-increasing', 'overfitting'),
      strength: 0.9,
      weak: false,
      keepWhenLearning: true,
      // A model still learns something from the columns left: its loss need not stall.
      certain: true,
    },
  ];
}

/** Multi-label targets with at least this many labels per row on average cannot be fit by softmax. */
const MANY_LABELS_PER_ROW = 1.2;

/** Recurrent layers that read a sequence step by step and return their last state. */
const RECURRENT = /^(lstm|gru|simplernn|rnn)$/i;
/** Padding that makes up this share of all steps, at the end of most rows, drowns what came before it. */
const PADDED_TAIL = 0.25;

/** The model's first layer that computes something (not the input, not a reshape or flatten). */
function firstWorkingLayer(view: ModelView): LayerView | undefined {
  return view.layers.find((l) => l.kind !== 'input' && l.kind !== 'passthrough');
}

/**
 * Sequences padded with all-zero steps at their end, read by a recurrent layer with no mask: the
 * layer's last state, which is all it returns, comes after a run of padding that washes out what
 * the real steps left in it, so short sequences look alike. A masking layer (or padding at the
 * start) fixes it. Warned from the data; a stall confirms it.
 */
function paddedAtEnd(view: ModelView, run: ModelState): Hypothesis[] {
  const p = run.data.x.get(0)?.summary.zeroPadding;
  if (!p || p.tailSteps < PADDED_TAIL || p.tailRows < 0.5 || p.tailSteps < 2 * p.headSteps) return [];
  const first = firstWorkingLayer(view);
  if (first?.kind === 'embedding') return idsPaddedAtEnd(view, first, p);
  if (!first || !RECURRENT.test(first.info.className) || first.info.config['returnSequences'] === true) return [];
  const masking = view.layers.find((l) => /^masking$/i.test(l.info.className));
  if (masking) return maskMissesPadding(masking, first, p.value ?? 0, p);
  const name = first.info.name;
  const x = run.data.x.get(0)!;
  if (p.value !== undefined) {
    const fill = fmt(p.value);
    const site = x.origin?.site ?? x.site;
    return [
      {
        id: `sequences-padded-at-end:${name}`,
        symptom: 'sequences-padded-at-end',
        rootCause: 'training-data',
        layer: first,
        location: site ?? first.info.site,
        related: first.info.site ? [{ site: first.info.site, message: `${name} reads the padding last, with no mask` }] : [],
        message: `${pct(p.tailRows)} of the input sequences end in steps filled with ${fill} (${pct(p.tailSteps)} of all steps), a marker for missing values used as padding, and ${name} reads them with no mask: every padded step drives its gates and state to their bounds, so the last state, all it returns, is nearly the same for every sequence. Pad with 0, the scaled features' centre (and mask the padding).`,
        evidence: [`${pct(p.tailRows)} of rows padded at the end with ${fill}`, `${pct(p.tailSteps)} of steps are trailing padding`],
        relevance: new Map([[first.pos, { score: 1, evidence: `reads ${fill} padding last` }]]),
        fixes: site ? [{ title: `Pad with 0 instead of ${fill}`, plan: { kind: 'literalTo', file: site.file, value: p.value, to: '0' } }] : [],
        atFix: true,
        confirmBy: set('loss-not-decreasing', 'accuracy-not-increasing', 'constant-output'),
        strength: 0.95,
        weak: false,
      },
    ];
  }
  return [
    {
      id: `sequences-padded-at-end:${name}`,
      symptom: 'sequences-padded-at-end',
      rootCause: 'architecture',
      layer: first,
      location: first.info.site,
      related: [],
      message: `${pct(p.tailRows)} of the input sequences end in all-zero steps (${pct(p.tailSteps)} of all steps are padding at the end), and ${name} reads them with no mask: the last state, all it returns, comes after the padding, which washes out what the real steps left in it. Add a masking layer before ${name} (or pad at the start).`,
      evidence: [`${pct(p.tailRows)} of rows padded at the end`, `${pct(p.tailSteps)} of steps are trailing zeros, ${pct(p.headSteps)} leading`],
      relevance: new Map([[first.pos, { score: 1, evidence: 'reads the padding last' }]]),
      fixes: [{ title: `Mask the zero padding before ${name}`, plan: { kind: 'maskBefore', layer: first.info } }],
      confirmBy: set('loss-not-decreasing', 'accuracy-not-increasing', 'constant-output'),
      strength: 0.9,
      weak: false,
    },
  ];
}

/**
 * Input columns whose spread grows with their index, nearly in a straight line (a few columns
 * wide, the last many times the first): noise or scaling keyed to the column's position, as
 * `Array.from({ length: n }, gaussian)` makes when the helper takes (mean, std) and Array.from
 * passes (undefined, index). A warning confirmed by a stall; the fix, where such a call is written,
 * calls the helper with no arguments.
 */
function spreadGrowsWithIndex(view: ModelView, run: ModelState): Hypothesis[] {
  const x = run.data.x.get(0);
  const spreads = x?.summary.columnSpreads;
  if (!x || !spreads || spreads.length < 6) return [];
  const n = spreads.length;
  const r = correlationWithIndex(spreads);
  if (!(r >= 0.97) || !(spreads[n - 1]! >= 5 * spreads[0]!) || !(spreads[0]! > 0)) return [];
  const site = x.site ?? view.event.fitSite;
  return [
    {
      id: 'spread-grows-with-index:x',
      symptom: 'spread-grows-with-index',
      rootCause: 'training-data',
      layer: null,
      location: site,
      related: [],
      message: `The spread of the input columns grows with their position, nearly in a straight line: from ${fmt(spreads[0]!)} in the first to ${fmt(spreads[n - 1]!)} in the last of ${n}. Data is rarely like that; noise or a scale keyed to the column's index is. Array.from({ length: n }, gaussian) calls gaussian(undefined, index): a helper that takes (mean, std) then draws with a deviation equal to the column's index. Call it with no arguments: Array.from({ length: n }, () => gaussian()).`,
      evidence: [`column spreads ${spreads.slice(0, 4).map(fmt).join(', ')}, …, ${fmt(spreads[n - 1]!)}`, `correlation with the column index ${fmt(r)}`],
      relevance: new Map(),
      fixes: site ? [{ title: 'Call the helper with no arguments: Array.from passes (value, index)', plan: { kind: 'arrayFromCallback', file: site.file } }] : [],
      atFix: true,
      confirmBy: set(...HARM, 'loss-not-decreasing', 'accuracy-not-increasing'),
      strength: 0.9,
      weak: false,
    },
  ];
}

/** The model's inputs when its first layer is an embedding of a known size: the token ids it looks up. */
function embeddingLookup(view: ModelView, run: ModelState): { x: DataEvent; embedding: LayerView; inputDim: number } | null {
  const x = run.data.x.get(0);
  const embedding = firstWorkingLayer(view);
  const inputDim = embedding?.info.config['inputDim'];
  return x && embedding?.kind === 'embedding' && typeof inputDim === 'number' ? { x, embedding, inputDim } : null;
}

/** From this share of the tokens other than padding, one id standing for nearly all words is certain. */
const ONE_ID_CERTAIN = 0.9;
/** One id for this share of the training tokens or more: a vocabulary's minimum count dropped words, when the source declares one. */
const MIN_COUNT_SHARE = 0.3;

/**
 * Token ids that are nearly all one id (other than the padding 0) though the embedding takes many:
 * almost every word maps to the id a vocabulary gives words it does not hold. A vocabulary that
 * kept the rarest words (counts sorted ascending before the top K are cut) or lookups that miss
 * do this. The fix, where the counts are sorted ascending and cut, sorts them descending.
 */
function tokensMostlyOneId(view: ModelView, run: ModelState): Hypothesis[] {
  const looked = embeddingLookup(view, run);
  const t = looked?.x.summary.commonToken;
  if (!looked || !t || looked.inputDim < 8 || t.distinct < 2 || t.share < MIN_COUNT_SHARE) return [];
  const { x, embedding: first, inputDim } = looked;
  const site = x.origin?.site ?? x.site ?? view.event.fitSite;
  // A third of the training tokens or more are one id: the words a vocabulary's minimum count
  // dropped, when the source declares one. Shown only where that fix applies.
  const minCount: PlannedFix | null = site ? { title: 'Keep words seen twice or more: the minimum count drops the words that matter', plan: { kind: 'lowerMinCount', file: site.file } } : null;
  const few = t.share < 0.8;
  if (few && !minCount) return [];
  const shared = {
    id: 'tokens-mostly-one-id:x',
    symptom: 'tokens-mostly-one-id' as const,
    rootCause: 'training-data' as const,
    layer: first,
    location: site,
    evidence: [`id ${fmt(t.id)}: ${pct(t.share)} of the tokens`, `${t.distinct} distinct ids in use of ${inputDim}`],
    atFix: true,
    confirmBy: set(...HARM, 'loss-not-decreasing', 'accuracy-not-increasing'),
    strength: 0.95,
    weak: false,
  };
  if (few) {
    return [
      {
        ...shared,
        related: [],
        message: `${pct(t.share)} of the training tokens (other than the padding 0) are id ${fmt(t.id)}, the id a vocabulary gives the words it does not hold, though the vocabulary was built from these very texts: its minimum count drops words that are rare in a small corpus and yet decide the labels. Keep words seen twice or more.`,
        relevance: new Map([[first.pos, { score: 1, evidence: 'looks up one id for a third of the words or more' }]]),
        fixes: [minCount!],
        keepWhenLearning: true,
        // Only the source's minimum count tells dropped words from one common word (texts cut to
        // their first words share them): shown where that fix renders, never confirmed by a stall.
        confirmBy: set(),
        quiet: true,
        certainWithFix: true,
        explains: ['targets-unrelated'],
      },
    ];
  }
  return [
    {
      ...shared,
      related: first.info.site ? [{ site: first.info.site, message: `${first.info.name} takes ${inputDim} ids` }] : [],
      message: `${pct(t.share)} of the tokens (other than the padding 0) are id ${fmt(t.id)}, and the other ${t.distinct - 1} ids share the rest, while ${first.info.name} takes ${inputDim}: nearly every word maps to one id, the one a vocabulary gives words it does not hold. A vocabulary that kept the rarest words (the counts sorted ascending before the most frequent K are cut), or lookups that miss (another case, a trailing space), do this.`,
      relevance: new Map([[first.pos, { score: 1, evidence: 'looks up one id for nearly every word' }]]),
      fixes: site ? [{ title: 'Keep the most frequent words: sort the counts descending before cutting', plan: { kind: 'sortCountsDescending', file: site.file } }, minCount!] : [],
      // Certain, it is why the targets look unrelated to the inputs: that finding would only hide its line.
      ...(t.share >= ONE_ID_CERTAIN ? { keepWhenLearning: true, certain: true, explains: ['targets-unrelated'] } : {}),
    },
  ];
}

/**
 * Token ids numbered afresh in every text: every row starts with id 1 and no id exceeds a row's
 * length, while the embedding takes many more ids. A vocabulary (a Map) built inside the loop over
 * texts does this: the same id means a different word in each text, and the ids say only where a
 * word first appeared. Certain from the data; fixed by building the vocabulary once, for training
 * and test alike.
 */
function idsNumberedPerRow(view: ModelView, run: ModelState): Hypothesis[] {
  const looked = embeddingLookup(view, run);
  if (!looked) return [];
  const { x, embedding: first, inputDim } = looked;
  const s = x.summary;
  const rows = s.shape?.[0];
  const width = s.shape?.length === 2 ? s.shape[1] : undefined;
  if (typeof rows !== 'number' || rows < 20 || typeof width !== 'number' || width < 4) return [];
  const centres = s.columnCentres;
  const spreads = s.columnSpreads;
  if (!centres || !spreads || s.max === null || s.min === null || s.min < 0) return [];
  // Every row starts at id 1; ids never pass the row's length, though the table holds many more.
  if (centres[0] !== 1 || spreads[0] !== 0 || !(s.max <= width) || !(inputDim > 2 * (width + 1))) return [];
  const site = x.origin?.site ?? x.site ?? view.event.fitSite;
  return [
    {
      id: 'ids-numbered-per-row:x',
      symptom: 'ids-numbered-per-row',
      rootCause: 'training-data',
      layer: first,
      location: site,
      related: first.info.site ? [{ site: first.info.site, message: `${first.info.name} takes ${inputDim} ids` }] : [],
      message: `Every one of the ${rows} token rows starts with id 1, and no id is above ${fmt(s.max)} in rows of ${width}, while ${first.info.name} takes ${inputDim} ids: the ids number each text's own words in the order they first appear, so the same id means a different word in every text. A vocabulary built inside the loop over the texts does this; build it once, before the loop, and use the same one for the test texts.`,
      evidence: [`id 1 first in every row`, `largest id ${fmt(s.max)} for rows of ${width}`, `${first.info.name}: ${inputDim} ids`],
      relevance: new Map([[first.pos, { score: 1, evidence: 'looks up ids that name no word' }]]),
      fixes: site ? [{ title: 'Build the vocabulary once, before the loop over the texts', plan: { kind: 'hoistVocabulary', file: site.file } }] : [],
      atFix: true,
      confirmBy: set(...HARM, 'loss-not-decreasing', 'accuracy-not-increasing'),
      strength: 1,
      weak: false,
      keepWhenLearning: true,
      certain: true,
      // Ids that name no word are why the targets look unrelated to the inputs.
      explains: ['targets-unrelated'],
    },
  ];
}

/**
 * Token ids padded with 0 after the words, looked up by an embedding with no mask (maskZero unset)
 * and read by a recurrent layer that returns its last state: that state comes after the padding's
 * steps, which wash out what the words left in it, so short texts look alike. Keras pads before the
 * words by default for this reason. A stall confirms it; the fix pads at the start.
 */
function idsPaddedAtEnd(view: ModelView, embedding: LayerView, p: { tailSteps: number; tailRows: number; headSteps: number; value?: number }): Hypothesis[] {
  if ((p.value ?? 0) !== 0 || embedding.info.config['maskZero'] === true) return [];
  let reader: LayerView | undefined = embedding;
  for (let g = 0; g < 8 && reader && reader.succs.length === 1; g++) {
    reader = view.layers[reader.succs[0]!];
    if (reader && reader.kind !== 'passthrough') break;
  }
  if (!reader || !RECURRENT.test(reader.info.className) || reader.info.config['returnSequences'] === true) return [];
  const name = reader.info.name;
  return [
    {
      id: `sequences-padded-at-end:${name}`,
      symptom: 'sequences-padded-at-end',
      rootCause: 'training-data',
      layer: reader,
      location: embedding.info.site,
      related: reader.info.site ? [{ site: reader.info.site, message: `${name} returns its state after the padding` }] : [],
      message: `${pct(p.tailRows)} of the token sequences end in id 0, padding after the words (${pct(p.tailSteps)} of all steps), and ${embedding.info.name} has no mask (maskZero), so ${name} reads the padding last: its final state, all it returns, comes after a run of steps that wash out what the words left in it, and short texts look alike. Pad before the words (Keras's default), or set maskZero: true.`,
      evidence: [`${pct(p.tailRows)} of rows end in padding`, `${pct(p.tailSteps)} of steps are trailing id 0, ${pct(p.headSteps)} leading`],
      relevance: new Map([[reader.pos, { score: 1, evidence: 'reads the padding last' }]]),
      fixes: embedding.info.site ? [{ title: 'Pad before the words', plan: { kind: 'padAtStart', file: embedding.info.site.file } }] : [],
      atFix: true,
      confirmBy: set('loss-not-decreasing', 'accuracy-not-increasing', 'constant-output'),
      strength: 0.9,
      weak: false,
    },
  ];
}

/**
 * A masking layer that looks for one value while the sequences are padded with another
 * (`tf.layers.masking()` keeps its default maskValue 0, the padding is -1): nothing is masked, and
 * the recurrent layer reads the padding as data, last. A stall confirms it; the fix gives the mask
 * the padding's value.
 */
function maskMissesPadding(masking: LayerView, reader: LayerView, padding: number, p: { tailSteps: number; tailRows: number }): Hypothesis[] {
  const given = masking.info.config['maskValue'];
  const maskValue = typeof given === 'number' ? given : 0;
  if (maskValue === padding) return [];
  const name = masking.info.name;
  return [
    {
      id: `mask-misses-padding:${name}`,
      symptom: 'sequences-padded-at-end',
      rootCause: 'training-data',
      layer: masking,
      location: masking.info.site,
      related: [],
      message: `${pct(p.tailRows)} of the input sequences end in steps filled with ${fmt(padding)} (${pct(p.tailSteps)} of all steps), but ${name} masks steps equal to ${fmt(maskValue)}${typeof given === 'number' ? '' : ' (its default)'}: no padded step is masked, so ${reader.info.name} reads the padding as data, last, and its final state says little of the real steps. Give the mask the padding's value.`,
      evidence: [`${name}: maskValue ${fmt(maskValue)}`, `${pct(p.tailSteps)} of steps are trailing padding of ${fmt(padding)}`],
      relevance: new Map([[masking.pos, { score: 1, evidence: `masks ${fmt(maskValue)}, not the padding's ${fmt(padding)}` }], [reader.pos, { score: 0.5, evidence: 'reads the unmasked padding' }]]),
      fixes: [{ title: `Mask the padding: maskValue ${fmt(padding)}`, plan: { kind: 'layerNumber', layer: masking.info, key: 'maskValue', to: padding, insert: true } }],
      confirmBy: set('loss-not-decreasing', 'accuracy-not-increasing', 'constant-output'),
      strength: 0.95,
      weak: false,
    },
  ];
}

/** Normalization layers start as the identity and are commonly frozen as they are. */
const IDENTITY_AT_START = /normalization/i;

/**
 * A layer frozen with the random values it was built with, beside layers that train: no step, no
 * setWeights and no loaded model ever wrote its weights, so it passes on a fixed random projection
 * that the layers after it can only work around. Freezing "all but the last layer" of a model with
 * a new hidden layer in its head does this. Certain from the configuration.
 */
function frozenUntrained(view: ModelView): Hypothesis[] {
  if (!view.layers.some((l) => l.info.params > 0 && l.info.trainable)) return [];
  const frozen = view.layers.filter((l) => l.info.frozenUntrained === true && l.info.params > 0 && !IDENTITY_AT_START.test(l.info.className));
  if (frozen.length === 0) return [];
  const first = frozen[0]!;
  const names = frozen.map((l) => l.info.name);
  const site = first.info.frozenSite ?? first.info.site;
  const fitSite = view.event.fitSite;
  return [
    {
      id: `frozen-untrained:${first.info.name}`,
      symptom: 'frozen-untrained',
      rootCause: 'architecture',
      layer: first,
      location: site,
      related: first.info.site && first.info.site !== site ? [{ site: first.info.site, message: `${first.info.name} is built here` }] : [],
      message: `${spokenList(names)} ${names.length > 1 ? 'are' : 'is'} frozen (trainable = false) with the random weights ${names.length > 1 ? 'they were' : 'it was'} built with: no training step, setWeights or loaded model ever wrote them, so ${names.length > 1 ? 'they pass' : 'it passes'} on a fixed random projection that the layers after can only work around. Freeze only layers that have learned (a pretrained base), and train the new ones.`,
      evidence: frozen.slice(0, 4).map((l) => `${l.info.name}: frozen, weights never written since it was built`),
      relevance: new Map(frozen.map((l) => [l.pos, { score: 1, evidence: 'frozen at its initial weights' }])),
      fixes: [
        // Rebuilt from a trained layer's settings (getConfig copies no weights): the trained layer itself.
        ...(first.info.site ? [{ title: "Use the trained layer itself: getConfig() copies its settings, not its weights", plan: { kind: 'reuseConfiguredLayer' as const, site: first.info.site } }] : []),
        ...(site && fitSite ? [{ title: `Train ${spokenList(names)} again (trainable = true)`, plan: { kind: 'unfreezeLayers' as const, site, fitSite, names } }] : []),
      ],
      atFix: true,
      confirmBy: set('loss-not-decreasing', 'accuracy-not-increasing'),
      strength: 1,
      weak: false,
      certain: true,
    },
  ];
}

/**
 * A model whose layers with weights are all frozen (trainable = false) leaves fit nothing to
 * train, and tfjs stops at the first step with a message about variableGrads. Pointed at the line
 * that froze them. A custom step (trainOnBatch, minimize) is traced as the model whose weights it
 * trains, so the same holds there; a GAN ported from Keras meets it, since tfjs's flag freezes the
 * weights themselves, in every model that holds them.
 */
function nothingTrainable(view: ModelView): Hypothesis[] {
  const weighted = view.layers.filter((l) => l.info.params > 0);
  if (weighted.length === 0 || weighted.some((l) => l.info.trainable)) return [];
  const head = weighted[weighted.length - 1]!;
  const site = [...weighted].reverse().find((l) => l.info.frozenSite)?.info.frozenSite ?? null;
  const custom = view.event.mode === 'custom';
  const call = custom ? 'its training step' : view.event.mode === 'fitDataset' ? 'fitDataset' : 'fit';
  const keras = custom
    ? ' In TensorFlow.js, trainable = false freezes the weights themselves, in every model that holds them (in Keras it only affects models compiled after it): a discriminator frozen for a GAN\'s combined model must be set trainable again around its own training step.'
    : '';
  return [
    {
      id: 'weights-frozen:model',
      symptom: 'weights-frozen',
      rootCause: 'architecture',
      layer: null,
      location: site ?? view.event.fitSite,
      related: head.info.site ? [{ site: head.info.site, message: `${head.info.name} is frozen too` }] : [],
      message: `Every layer with weights is frozen (trainable = false), down to ${head.info.name}, so ${call} has no weight to change and tfjs stops at the first step. Freeze only the layers that should keep their weights (a pretrained base), and leave the rest trainable.${keras}`,
      evidence: [`${weighted.length} layer${weighted.length === 1 ? '' : 's'} with weights, none trainable`],
      relevance: new Map(weighted.map((l) => [l.pos, { score: 1, evidence: 'frozen' }])),
      fixes: [],
      confirmBy: set('weights-unchanged', 'loss-not-decreasing'),
      strength: 1,
      weak: false,
      keepWhenLearning: true,
    },
  ];
}

/**
 * Inputs one-hot encoded by a tf.oneHot call whose depth is smaller than the ids it gets: every id
 * at or past the depth becomes a row of all 0s, so the model never sees those tokens (a vocabulary
 * size taken from the wrong count). The call is matched to the inputs by its depth, their last
 * dimension. Certain once a twentieth of the ids or more are lost; the fix sizes the depth's
 * declaration for the largest id.
 */
function oneHotInputsPastDepth(view: ModelView, run: ModelState): Hypothesis[] {
  const x = run.data.x.get(0);
  const shape = x?.summary.shape;
  const width = shape?.[shape.length - 1];
  if (!x || !shape || shape.length < 2 || typeof width !== 'number') return [];
  const calls = run.script.oneHot.filter((c) => c.depth === width && c.outOfRange >= 0.05 * c.count);
  const past = calls.find((c) => isNum(c.max) && c.max >= c.depth);
  // Negative ids: a hash reduced with JavaScript's %, which keeps the sign of what it divides.
  const negative = past ? undefined : calls.find((c) => isNum(c.min) && c.min < 0);
  const call = past ?? negative;
  if (!call) return [];
  const depth = past ? past.max! + 1 : call.depth;
  const what = past
    ? `are ${call.depth} or more, up to ${fmt(call.max!)}: each becomes a row of all 0s, so the model never sees those tokens. The depth must exceed every id: ${depth} here.`
    : `are negative, down to ${fmt(call.min!)}: each becomes a row of all 0s, so the model never sees those tokens. JavaScript's % keeps the sign of what it divides, so a hash that can be negative, taken % ${call.depth}, gives negative ids; ((h % n) + n) % n is always in [0, n).`;
  // Character codes ('a' is 97) one-hot encoded as letters: the codes less the first letter's fit the depth.
  const shift = past && past.max! <= 0x7f ? past.max! - call.depth + 1 : 0;
  const fixes: PlannedFix[] = !call.site
    ? []
    : past
      ? [
          ...(shift > 0 ? [{ title: `Number the characters from 1: their code less ${shift}`, plan: { kind: 'charCodeOffset' as const, site: call.site, by: shift } }] : []),
          { title: `Size the one-hot depth for every id (${depth})`, plan: { kind: 'declaredArgument', site: call.site, callee: 'oneHot', index: 1, to: String(depth) } },
        ]
      : [{ title: 'Reduce the ids to [0, depth) whatever their sign', plan: { kind: 'positiveModulo', site: call.site, callee: 'oneHot', index: 1 } }];
  return [
    {
      id: 'inputs-past-one-hot-depth:x',
      symptom: 'inputs-past-one-hot-depth',
      rootCause: 'training-data',
      layer: null,
      location: call.site ?? x.site ?? view.event.fitSite,
      related: x.site ? [{ site: x.site, message: 'the one-hot inputs are trained on here' }] : [],
      message: `${call.outOfRange} of the ${call.count} ids given to tf.oneHot(…, ${call.depth}) (${pct(call.outOfRange / call.count)}) ${what}${shift > 0 ? ` Ids up to ${fmt(call.max!)} look like character codes ('a' is 97): less ${shift}, they fit the depth.` : ''}`,
      evidence: [`tf.oneHot(…, ${call.depth}) got ids from ${fmt(call.min ?? 0)} to ${fmt(call.max ?? 0)}`, `the inputs' last dimension is ${width}`],
      relevance: new Map(view.firstLayers().map((l) => [l.pos, { score: 0.6, evidence: 'sees rows of all 0s for the lost ids' }])),
      fixes,
      confirmBy: set(...HARM),
      strength: 0.9,
      weak: false,
      keepWhenLearning: true,
      certain: true,
      atFix: true,
    },
  ];
}

/**
 * The targets are one of the input columns, value for value: the model is trained to copy an input
 * it is given (a target sliced one column off, or a feature list that still holds the label). Its
 * loss falls to 0 and it learns nothing it could use where that column is not known. Certain from
 * the data; shown where the targets are made.
 */
function targetsCopiedFromInputs(view: ModelView, run: ModelState): Hypothesis[] {
  if (view.event.mode !== 'fit' || run.data.x.size !== 1 || view.outputs.length !== 1) return [];
  const e = run.data.y.get(0);
  const column = e?.summary.neighbourTargets?.copiedColumn;
  if (!e || column === undefined) return [];
  const x = [...run.data.x.values()][0]!;
  const width = x.summary.shape?.[x.summary.shape.length - 1];
  const ySite = e.site ?? view.event.fitSite;
  // The last column of a window of values: the window ends at the value it should predict.
  const window = typeof width === 'number' && column === width - 1 && width > 1 && x.origin?.site ? x.origin.site : null;
  // Inputs and targets cut from one table of width + 1 columns, the targets from inside the inputs:
  // the one column the inputs leave out is the target.
  const table = x.origin?.narrowedFrom;
  const tableColumns = table?.[table.length - 1];
  const leftOut =
    typeof width === 'number' && typeof tableColumns === 'number' && tableColumns === width + 1 && e.origin?.site && e.origin.kernel === 'Slice' && sameShape(e.origin.narrowedFrom, table) ? width : null;
  return [
    {
      id: 'targets-are-inputs:y',
      symptom: 'targets-are-inputs',
      rootCause: 'training-data',
      layer: null,
      location: ySite,
      data: { role: 'y', fitSite: ySite },
      related: x.origin?.site ? [{ site: x.origin.site, message: `the inputs, whose column ${column} the targets copy` }] : [],
      message: `The targets are column ${column} of the inputs${typeof width === 'number' ? ` (of ${width})` : ''}, value for value in every row compared: the model is trained to copy an input it is given, so its loss falls towards 0 while it learns nothing about the value it should predict. ${window ? 'The last value of each input window is the value it should predict: the window ends one step too late.' : 'A target column sliced one off, or features that still hold the target, do this; check which column the targets are cut from.'}`,
      evidence: [`targets equal input column ${column} in all ${e.summary.neighbourTargets!.candidates} rows compared`],
      relevance: new Map(),
      fixes: [
        ...(leftOut !== null ? [{ title: `Take the targets from column ${leftOut}, the one the inputs leave out`, plan: { kind: 'sliceColumn' as const, site: e.origin!.site, to: leftOut } }] : []),
        ...(window ? [{ title: 'End each input window one step before the value it predicts', plan: { kind: 'windowBeforeTarget' as const, site: window } }] : []),
      ],
      confirmBy: set(...HARM),
      strength: 0.95,
      weak: false,
      keepWhenLearning: true,
      certain: true,
      // A window that holds its own target: shown where the window is cut.
      ...(window ? { atFix: true } : {}),
    },
  ];
}

function sameShape(a: readonly (number | null)[] | undefined, b: readonly (number | null)[] | undefined): boolean {
  return !!a && !!b && a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * An embedding given fractions in [0, 1) as its ids (token ids divided by the vocabulary size "to
 * normalize" them): the layer casts its ids to integers, so every one becomes 0 and the model sees
 * one token everywhere. Certain from fit's inputs; the fix removes the division where the tensor
 * is made.
 */
function fractionalEmbeddingIds(view: ModelView, run: ModelState): Hypothesis[] {
  const first = view.firstLayers();
  if (first.length !== 1 || first[0]!.kind !== 'embedding' || run.data.x.size !== 1) return [];
  const e = run.data.x.get(0);
  const s = e?.summary;
  if (!e || !s || s.min === null || s.max === null || s.min < 0 || !(s.max > 0) || s.max >= 1 || s.nanCount > 0) return [];
  const L = first[0]!;
  const xSite = e.site ?? view.event.fitSite;
  return [
    {
      id: `fractional-ids:${L.info.name}`,
      symptom: 'unscaled-input',
      rootCause: 'input-normalization',
      layer: L,
      location: xSite,
      data: { role: 'x', fitSite: xSite },
      related: L.info.site ? [{ site: L.info.site, message: `${L.info.name} casts its ids to integers` }] : [],
      message: `${L.info.name} is an embedding, but its ids are fractions from ${fmt(s.min)} to ${fmt(s.max)}: an embedding casts its ids to integers, so every one becomes 0 and the model sees the same token everywhere. Token ids are looked up, not scaled: give the embedding the whole-number ids as they are.`,
      evidence: [`the inputs range from ${fmt(s.min)} to ${fmt(s.max)}`, `${L.info.name} is the first layer`],
      relevance: new Map(),
      fixes: e.origin?.site ? [{ title: 'Give the embedding its ids unscaled', plan: { kind: 'unwrapAlike', site: e.origin.site, op: 'div', arity: 2 } }] : [],
      atFix: true,
      confirmBy: set(...HARM),
      strength: 1,
      weak: false,
      certain: true,
      explainsAllHarm: true,
    },
  ];
}

/**
 * Inputs built with an augmented copy right after each sample (a, a', b, b', ...) and targets in
 * another order (la, lb, ..., la, lb from `labels.concat(labels)`): the copies, near their sample,
 * get other samples' classes, so nearly every target is another row's. Certain from fit's data:
 * most even rows have a near copy after them, and those pairs share a class hardly more than chance.
 */
function copiesRelabelled(view: ModelView, run: ModelState): Hypothesis[] {
  if (view.event.mode !== 'fit' || run.data.x.size !== 1) return [];
  const e = run.data.y.get(0);
  const n = e?.summary.neighbourTargets;
  const a = n?.kind === 'classes' ? n.adjacentCopies : undefined;
  if (!e || !n || n.kind !== 'classes' || !a || a.copies < 32 || a.copies < 0.5 * a.pairs || !sharedAtChance(a.agreeing, a.copies, n.chance)) return [];
  const ySite = e.site ?? view.event.fitSite;
  return [
    {
      id: 'copies-relabelled:y',
      symptom: 'targets-unrelated',
      rootCause: 'training-data',
      layer: null,
      location: ySite,
      data: { role: 'y', fitSite: ySite },
      related: [],
      message: `The inputs hold a near copy right after each sample (${a.copies} of ${a.pairs} even rows checked are followed by one: an augmented copy pushed after its original), but only ${a.agreeing} of those ${a.copies} pairs (${pct(a.agreeing / a.copies)}) have the same target, about what chance gives (${pct(n.chance)}): the targets are in another order than the inputs (the labels appended as a second copy, la, lb, ..., la, lb, while the inputs go a, a', b, b'), so nearly every row is trained towards another row's class. Build the targets in the same loop as the inputs, each label twice in a row.`,
      evidence: [`${a.copies} near copies in rows 2i and 2i + 1, ${a.agreeing} sharing a class`, `chance ${pct(n.chance)}`],
      relevance: new Map(),
      fixes: e.origin?.site ? [{ title: 'Repeat each label for its copy: flatMap((label) => [label, label])', plan: { kind: 'repeatEach', site: e.origin.site } }] : [],
      atFix: true,
      ...targetsOfOtherRowsTraits(),
    },
  ];
}

/** Pairs that should share a class (copies of one row) but do no more than min(chance + 0.3, 0.6) of the time. */
function sharedAtChance(agreeing: number, pairs: number, chance: number): boolean {
  return agreeing / pairs < Math.min(0.6, chance + 0.3);
}

/** Targets certain to belong to other rows, or to none: any harm is theirs, and memorizing them (learning) refutes nothing. */
function targetsOfOtherRowsTraits(): Pick<Hypothesis, 'confirmBy' | 'strength' | 'weak' | 'certain' | 'keepWhenLearning' | 'explainsAllHarm'> {
  return { confirmBy: set(...HARM, 'overfitting'), strength: 1, weak: false, certain: true, keepWhenLearning: true, explainsAllHarm: true };
}

/** Of the rows checked, at least this share (1 in TWIN_SHARE) must have an identical twin for the twins to speak for the data. */
const TWIN_SHARE = 4;

/**
 * Rows given more than once with the same inputs but targets as different as any two rows: the
 * targets are mostly noise (augmentation noise added to the targets instead of the inputs, labels
 * redrawn for each copy), and no model can learn what the inputs do not determine. Certain from
 * fit's data: at least 16 of the nearest-neighbour pairs, and a quarter of them, have identical
 * inputs, and their targets differ by half the spread of all targets or more (for classes: agree
 * hardly more than chance).
 */
function noisyTwins(view: ModelView, run: ModelState): Hypothesis[] {
  if (view.event.mode !== 'fit' || run.data.x.size !== 1) return [];
  // Inputs made alike by one-hot ids lost to rows of 0s, or by rows never filled: those findings say why (and unrelatedTargets defers to this one).
  if (oneHotInputsPastDepth(view, run).length || emptyTailInputs(view, run).length) return [];
  const e = run.data.y.get(0);
  const n = e?.summary.neighbourTargets;
  const t = n?.sameInputs;
  const s = e?.summary;
  // Inputs that are all one row (one array pushed for every sample) are that fault, told by identical-inputs.
  if (!e || !n || !t || !s || s.std === null || !(s.std > 0) || [...run.data.x.values()][0]?.summary.identicalRows === true) return [];
  // A few twins among many rows (users with no events, all one empty row) are inputs that cannot
  // tell their targets apart, not noise added to copies: copies give nearly every row a twin.
  if (t.pairs * TWIN_SHARE < n.pairs) return [];
  let how: string;
  if (n.kind === 'classes') {
    if (!sharedAtChance(t.agreeing, t.pairs, n.chance)) return [];
    how = `only ${t.agreeing} of ${t.pairs} such pairs (${pct(t.agreeing / t.pairs)}) share a class, about what chance gives (${pct(n.chance)})`;
  } else {
    // Two independent draws differ by 2 variances on average: half of that or more is mostly noise.
    if (t.meanSquaredGap < s.std * s.std) return [];
    how = `their targets differ by ${fmt(Math.sqrt(t.meanSquaredGap))} on average (root mean square), while all targets spread ${fmt(s.std)}`;
  }
  const ySite = e.origin?.site ?? e.site ?? view.event.fitSite;
  // Different rows made identical: features hashed by a string hash that outgrows exact integers collide in one bucket.
  const x = [...run.data.x.values()][0];
  const xFile = x?.origin?.site?.file ?? ySite?.file ?? null;
  // Or values scaled into [0, 1] and stored in an integer typed array: each is cut to 0, or 1 at the top.
  const xs = x?.summary;
  const cutToBits = xs?.dtype === 'int32' && xs.min === 0 && xs.max === 1 && xFile !== null;
  const cause = cutToBits
    ? `the inputs are integers, 0 and 1 only (mean ${fmt(xs.mean ?? 0)}), so rows that differed now look alike. Values scaled into [0, 1] and written back into an integer typed array (a Uint8Array of pixels divided by 255 in place) are cut to 0, and only the largest to 1. Keep the scaled values in a Float32Array.`
    : 'for the same input the targets are mostly noise, so the model can learn little of what the inputs determine. Noise meant to augment the inputs that was added to the targets, or labels drawn again for each copy, does this; so do features hashed into buckets by a string hash that outgrows exact integers (`h = h * 31 + c` without `| 0`: long strings all land in one bucket).';
  return [
    {
      id: 'targets-noisy:y',
      symptom: 'targets-unrelated',
      rootCause: 'training-data',
      layer: null,
      location: (cutToBits ? x?.origin?.site : null) ?? ySite,
      related: view.event.fitSite ? [{ site: view.event.fitSite, message: 'trains on them' }] : [],
      message: `The training data holds rows with identical inputs (${t.pairs} of the ${n.pairs} rows checked have a twin), but ${how}: ${cause}`,
      evidence: [`${t.pairs} pairs of rows with identical inputs`, how, ...(cutToBits ? ['int32 inputs holding only 0 and 1'] : [])],
      relevance: new Map(),
      fixes: !xFile ? [] : cutToBits ? [{ title: 'Store the scaled values in a Float32Array', plan: { kind: 'floatTypedArray', file: xFile } }] : [{ title: 'Keep the string hash in 32 bits (>>> 0), so long strings spread over the buckets', plan: { kind: 'hashInt32', file: xFile } }],
      atFix: true,
      ...targetsOfOtherRowsTraits(),
    },
  ];
}

/** Two rows' classes agree by chance at most this often when no class dominates. */
const BALANCED_CHANCE = 0.5;

/**
 * Targets that do not depend on the inputs: rows paired with their nearest neighbour by inputs
 * share a class no more often than chance would have them, or their target values do not
 * correlate. Labels computed from the wrong rows or columns (an index off by one) do this; no
 * model can learn them, so a stall is theirs, not the learning rate's. Only for a single input
 * that is not token ids (an embedding's ids are not near by meaning).
 */
function unrelatedTargets(view: ModelView, run: ModelState): Hypothesis[] {
  if (oneHotInputsPastDepth(view, run).length || emptyTailInputs(view, run).length || copiesRelabelled(view, run).length || noisyTwins(view, run).length) return [];
  if (view.event.mode !== 'fit' || run.data.x.size !== 1 || view.outputs.length !== 1) return [];
  if (view.firstLayers().some((l) => l.kind === 'embedding')) return [];
  const o = view.outputs[0]!;
  const e = run.data.y.get(0);
  const n = e?.summary.neighbourTargets;
  const kind = o.loss?.kind;
  if (!e || !n || !kind || kind === 'other' || n.pairs < 64) return [];
  const asClasses = kind !== 'mse' && kind !== 'mae' && kind !== 'regression';
  let evidence: string;
  if (asClasses) {
    if (n.kind !== 'classes' || n.chance >= 0.95) return [];
    const expected = n.pairs * n.chance;
    const z = (n.agreeing - expected) / Math.sqrt(expected * (1 - n.chance));
    if (z >= 2 || neighbourAgreement(n)! >= 0.1) return [];
    evidence = `of ${n.pairs} rows paired with their nearest neighbour by inputs, ${n.agreeing} (${pct(n.agreeing / n.pairs)}) share a class; chance alone gives ${pct(n.chance)}`;
  } else {
    if (n.correlation === null || n.correlation >= 0.1) return [];
    evidence = `the targets of ${n.pairs} rows and of their nearest neighbours by inputs do not correlate (rank correlation ${n.correlation.toFixed(2)})`;
  }
  const ySite = e.site ?? view.event.fitSite;
  const x = [...run.data.x.values()][0]!;
  // Read column by column, the same values relate to the targets: a flat array of whole columns was given a [rows, columns] shape.
  const cm = e.summary.columnMajorTargets;
  const madeAt = x.origin?.site ?? x.site;
  if (cm && madeAt) {
    const width = x.summary.shape?.[1];
    const rows = x.summary.shape?.[0];
    const then = cm.kind === 'classes' ? `${cm.agreeing} of ${cm.pairs} pairs (${pct(cm.agreeing / cm.pairs)}) share a class` : `the pairs' targets correlate (${cm.correlation?.toFixed(2)})`;
    return [
      {
        id: 'targets-unrelated:x',
        symptom: 'targets-unrelated',
        rootCause: 'training-data',
        layer: null,
        location: madeAt,
        related: view.event.fitSite ? [{ site: view.event.fitSite, message: 'trains on the scrambled rows' }] : [],
        message: `The inputs' values are laid out column by column, but the tensor was made reading them row by row: a flat array of whole columns one after another (${typeof width === 'number' ? `${width} columns of ${rows ?? 'n'} values` : 'columns'}) given a [rows, columns] shape fills each row with neighbouring values of one column, so each row's features belong to other samples and the targets do not depend on them (${evidence}). Read column by column, ${then}. Make the tensor [columns, rows] and transpose it, or build the flat array row by row.`,
        evidence: [evidence, `read column by column: ${then}`],
        relevance: new Map(view.firstLayers().map((l) => [l.pos, { score: 0.6, evidence: 'reads rows made of other samples' }])),
        fixes: [{ title: 'Read the flat array as whole columns: make it [columns, rows] and transpose', plan: { kind: 'columnMajorTensor', site: madeAt } }],
        confirmBy: set(...HARM, 'overfitting'),
        strength: 0.95,
        weak: false,
        certain: true,
      },
    ];
  }
  // Rows standardized across their own columns lose what sets them apart (their scale): the inputs are at fault, not the targets.
  const rowWise = x.summary.rowsStandardized === true;
  const common = {
    layer: null,
    related: [],
    evidence: rowWise ? [evidence, 'every input row has mean 0 and variance 1 across its columns'] : [evidence],
    relevance: new Map(),
    fixes: [],
    confirmBy: set('loss-not-decreasing', 'accuracy-not-increasing', 'overfitting'),
    strength: 0.9,
    // Hidden until training stalls: a hard task's neighbours can sit near chance too. Rows also
    // standardized across their columns are the fault itself, shown at once.
    weak: !rowWise,
    // A loss that falls only as far as memorizing random pairs takes it (well above what the
    // inputs would allow) confirms it too, when the run ends; not for classes so unequal that
    // neighbours agree by chance anyway (a model that learns only the majority ends high too).
    ...(rowWise || (n.kind === 'classes' && n.chance > BALANCED_CHANCE) ? {} : { settlesHigh: true }),
  };
  if (rowWise) {
    // The lines that took each row's mean in the inputs' making are the fault, and their axis the fix.
    const atRowMeans = atMoments(x.origin?.rowMeans ?? [], x.site ?? view.event.fitSite) ?? {};
    return [
      {
        id: 'targets-unrelated:x',
        symptom: 'targets-unrelated',
        rootCause: 'input-normalization',
        ...aboutInputs(view, 0, x),
        ...common,
        ...atRowMeans,
        confirmBy: set(...HARM, 'overfitting', 'dead-relu'),
        message: `The inputs were standardized across each row instead of each column: every row has mean 0 and variance 1 over its own features, which divides out how large a row is, and the targets no longer depend on what is left (${evidence}). Take the mean and variance of each column, over axis 0 (tf.moments(x, 0)).`,
      },
    ];
  }
  // Names with numbers sorted as text (img_10 before img_2) while the labels go by number.
  const textSort = run.script.sortedAsText[0];
  return [
    {
      id: 'targets-unrelated:y',
      symptom: 'targets-unrelated',
      rootCause: 'training-data',
      location: ySite,
      data: { role: 'y', fitSite: ySite },
      ...common,
      message: `The targets do not depend on the inputs: ${evidence}. Inputs that are alike should mostly have alike targets; these are paired at random, so the model can only memorize them. Labels computed from the wrong row or column (an index off by one), or inputs and targets ordered apart, do this; check how the targets are built.${textSort ? ` Line ${textSort.site.line} sorts ${textSort.count} names holding numbers as text, so '${textSort.example[0]}' comes before '${textSort.example[1]}' (${textSort.moved} of them out of their numbers' order): data read in that order no longer lines up with labels kept by number.` : ''}`,
      ...(textSort
        ? {
            fixes: [{ title: 'Sort the names by their numbers (numeric: true)', plan: { kind: 'numericSort' as const, site: textSort.site } }],
            related: [{ site: ySite ?? textSort.site, message: 'the targets, in the order of their numbers' }],
            atFix: true,
          }
        : ySite
          ? // A target indexed by the window's number where its input window starts at number × stride.
            { fixes: [{ title: "Index the target as the inputs' window is cut: by the window's start (i * STRIDE), not its number", plan: { kind: 'targetIndexLikeInputs' as const, site: e.origin?.site ?? ySite } }] }
          : {}),
    },
  ];
}

/**
 * An array sorted before training with a comparator that returns a boolean (`a.t > b.t`): sort
 * reads it as 1 or 0, never "less", and leaves the array mostly in its old order. Records sorted by
 * time that way stay scrambled, and windows cut from them follow no series. A warning about the
 * data, confirmed by a stall; the fix returns the difference.
 */
function sortedByBoolean(run: ModelState): Hypothesis[] {
  const e = run.script.sortedByBoolean[0];
  if (!e) return [];
  if (e.random) return shuffledBySort(e);
  return [
    {
      id: 'sorted-by-boolean',
      symptom: 'sorted-by-boolean',
      rootCause: 'training-data',
      layer: null,
      location: e.site,
      related: [],
      message: `This sort's comparator returns true or false, and sort reads those as 1 and 0, never as "comes first": ${e.outOfOrder} of the ${e.count - 1} neighbouring pairs are still the wrong way round after it. Data meant to be in order (records by time, before windows are cut from them) is left scrambled. A comparator returns a number: a - b, not a > b.`,
      evidence: [`the comparator returned a boolean at every call`, `${e.outOfOrder} of ${e.count - 1} neighbouring pairs out of its order after the sort`],
      relevance: new Map(),
      fixes: [{ title: 'Return the difference from the comparator (a - b)', plan: { kind: 'comparatorDifference', site: e.site } }],
      atFix: true,
      confirmBy: set(...HARM, 'loss-not-decreasing', 'accuracy-not-increasing'),
      strength: 0.85,
      weak: false,
    },
  ];
}

/** A shuffle that left this share of the elements where they were shuffled nothing. */
const UNMOVED_SHARE = 0.5;

/**
 * A shuffle written as a sort (`rows.sort(() => rng.random() > 0.5)`): the comparator's true and
 * false read as 1 and 0, never "comes first", so V8's sort leaves the array much as it was. Rows
 * grouped by class or by time stay grouped, and a split cut from the end takes the last groups.
 * Certain where the sort left most elements in place; the fix is a Fisher-Yates shuffle drawing from
 * the same generator.
 */
function shuffledBySort(e: SortedByBooleanEvent): Hypothesis[] {
  const kept = typeof e.moved === 'number' ? e.count - e.moved : null;
  const still = kept !== null && kept >= UNMOVED_SHARE * e.count;
  return [
    {
      id: 'sorted-by-boolean',
      symptom: 'sorted-by-boolean',
      rootCause: 'training-data',
      layer: null,
      location: e.site,
      related: [],
      message: `This sort is meant as a shuffle (its comparator takes no arguments and draws a random answer), but it answers true or false, which sort reads as 1 and 0, never as "comes first"${kept !== null ? `: ${kept} of the ${e.count} elements are where they were before it` : ''}. Rows that came grouped (by class, by source, by time) stay grouped, and a split cut from the end takes the last groups whole. Shuffle with Fisher-Yates instead.`,
      evidence: ['the comparator takes no arguments and returned a boolean at every call', ...(kept !== null ? [`${kept} of ${e.count} elements unmoved by the sort`] : [])],
      relevance: new Map(),
      fixes: [{ title: 'Shuffle with Fisher-Yates, from the same random numbers', plan: { kind: 'shuffleInPlace', site: e.site } }],
      confirmBy: set(...HARM, 'loss-not-decreasing', 'accuracy-not-increasing'),
      strength: 0.9,
      weak: false,
      ...(still ? { certain: true, keepWhenLearning: true } : {}),
    },
  ];
}

/**
 * A custom step on a batch of no rows: a batch loop that runs one batch past the data (`b <=
 * nBatches`, the size clamped to what is left). Certain: the loss of that step is a mean over
 * nothing, NaN or Infinity, whatever it does to the weights (an early stop on the epoch's mean loss
 * then never sees an improvement). Fixed where the loop's bound is inclusive.
 */
function emptyBatch(run: ModelState): Hypothesis[] {
  const e = run.emptyBatch;
  if (!e) return [];
  return [
    {
      id: 'empty-batch',
      symptom: 'empty-batch',
      rootCause: 'batch-size',
      layer: null,
      location: e.site,
      related: [],
      message: `Step ${e.iter + 1} trained on a batch of no rows: the loss it takes is a mean over nothing, NaN or Infinity, and so is any average of the epoch's losses (an early stop that watches it never sees an improvement). A batch loop that runs one batch past the data (\`b <= nBatches\` where \`b < nBatches\` was meant, the size clamped to what is left) does this.`,
      evidence: [`step ${e.iter + 1}: the model's input had 0 rows`],
      relevance: new Map(),
      fixes: e.site ? [{ title: "End the batch loop before the data's end: < instead of <=", plan: { kind: 'exclusiveBound', site: e.site } }] : [],
      atFix: true,
      confirmBy: set(...HARM, ...NUMERIC),
      strength: 0.95,
      weak: false,
      certain: true,
      keepWhenLearning: true,
      explainsAllHarm: true,
    },
  ];
}

/**
 * A loss that exponentiates what is already an exponential: a Poisson loss written for log-rates
 * (`exp(logRate) - y * logRate`) given rates made with exp. The model then fits the log of what it
 * should, with a loss whose gradient grows as exp(exp(x)). Certain from the step's own operations.
 */
function expOfExp(run: ModelState): Hypothesis[] {
  const e = run.expOfExp;
  if (!e) return [];
  return [
    {
      id: 'exp-of-exp',
      symptom: 'exp-of-exp',
      rootCause: 'loss-function',
      location: e.site,
      related: [],
      message: `The training step takes the exponential of values that are already an exponential${e.site ? ` (line ${e.site.line})` : ''}: outputs made positive with exp (a rate) and a loss written for the log of that rate (a Poisson loss \`exp(logRate) - y * logRate\`) exponentiate twice. The model then learns the log of what it should predict, and the loss grows as exp(exp(x)). Give the loss the log-rate (the output before its exp), or write it for rates: \`rate - y * log(rate)\`.`,
      evidence: ['an exp applied to the output of another exp in the first training steps'],
      fixes: [],
      ...certainFromTheRun(),
      confirmBy: set(...HARM, ...NUMERIC, 'loss-diverging'),
    },
  ];
}

/**
 * A training step's `tf.gather(probs, ids, 1)` with one id per row and no batch dimensions: tfjs
 * returns [rows, rows], every row's value at every row's id, where one value per row was meant. A
 * loss averaged over it pulls every row toward the batch's class frequencies, so the model learns
 * the prior and ignores its inputs. Certain from the kernel; fixed with batchDims 1.
 */
function gatherAcrossRows(run: ModelState): Hypothesis[] {
  const e = run.gatherAcrossRows;
  if (!e) return [];
  return [
    {
      id: 'gather-across-rows',
      symptom: 'gather-across-rows',
      rootCause: 'loss-function',
      location: e.site,
      related: [],
      message: `The training step gathers one column per row from a [${e.rows}, ${e.columns}] tensor without batch dimensions${e.site ? ` (line ${e.site.line})` : ''}: tfjs's gather returns [${e.rows}, ${e.rows}], every row's value at every row's index, not one value per row as PyTorch's gather does. A loss over it pulls every row toward the batch's class frequencies, so the model learns the prior and ignores its inputs. Pick per row: \`tf.gather(x, ids, 1, 1)\` (batchDims 1).`,
      evidence: [`gather of [${e.rows}, ${e.columns}] by ${e.rows} indices on axis 1 gave [${e.rows}, ${e.rows}]`],
      fixes: e.site ? [{ title: 'Gather one value per row (batchDims 1)', plan: { kind: 'gatherPerRow', site: e.site } }] : [],
      ...certainFromTheRun(),
      confirmBy: set(...HARM, 'loss-not-decreasing', 'accuracy-not-increasing'),
    },
  ];
}

/**
 * A custom loop's model scored on the same inputs, from one line, again and again after its last
 * training step: the loop around the scoring ran on, but its training steps stopped, their batches
 * empty (rows drained by splice while batching, an iterator or a generator used up in the first
 * epoch). A warning, shown at the scoring line.
 */
function stepsStopped(run: ModelState): Hypothesis[] {
  const e = run.stepsStopped;
  if (!e) return [];
  return [
    {
      id: 'steps-stopped',
      symptom: 'training-cut-short',
      rootCause: 'training-data',
      layer: null,
      location: e.site,
      related: [],
      message: `Training stopped after ${e.steps} steps, while the loop around it ran on: line ${e.site.line} scored the model on the same inputs ${e.callsAfter} more times with no training step between. The loop's batches came out empty after that: rows removed while batching (\`rows.splice(0, size)\` empties the array, \`slice\` does not), or an iterator or generator used up in the first epoch.`,
      evidence: [`${e.steps} training steps in all`, `${e.callsAfter} scoring calls on line ${e.site.line} after the last step`],
      relevance: new Map(),
      fixes: [],
      confirmBy: set(...HARM, 'loss-not-decreasing', 'accuracy-not-increasing'),
      strength: 0.8,
      weak: false,
      keepWhenLearning: true,
    },
  ];
}

/**
 * Weights set to the element-wise mean of several models trained from different starting weights:
 * the members' hidden units are in unrelated orders and roles, so the average mixes unrelated
 * units and computes none of their functions. Certain from the values; shown at setWeights.
 */
function weightsAveraged(run: ModelState): Hypothesis[] {
  const e = run.weightsAveraged;
  if (!e) return [];
  return [
    {
      id: 'weights-averaged',
      symptom: 'weights-averaged',
      rootCause: 'architecture',
      location: e.site,
      related: [],
      message: `The weights set${e.site ? ` on line ${e.site.line}` : ''} are the element-wise mean of the weights of ${e.members} models trained from different starting weights. Their hidden units are not aligned (unit 3 of one does not do what unit 3 of another does), so the averaged network computes none of their functions and answers little better than chance. Average the members' predictions instead; averaging weights works only for models fine-tuned from one starting point.`,
      evidence: [`first weight equal to the mean of ${e.members} trained models' first weights`, 'the members started from different weights'],
      fixes: [],
      ...certainFromTheRun(),
      confirmBy: set(...HARM),
    },
  ];
}

/**
 * Weights set, call after call, to k times what the model held: the sum of k models' weights where
 * their mean was meant (federated averaging adding the clients up). Each round multiplies every
 * weight by k, so the outputs grow until they overflow. Certain from the norms; fixed by dividing
 * the sum by the number of models.
 */
function weightsSummed(run: ModelState): Hypothesis[] {
  const e = run.weightsSummed;
  if (!e) return [];
  return [
    {
      id: 'weights-summed',
      symptom: 'weights-summed',
      rootCause: 'optimizer',
      location: e.site,
      related: [],
      message: `The weights set${e.site ? ` on line ${e.site.line}` : ''} are, every time, ${e.factor} times as large as the ones the model held: the weights of ${e.factor} models added up where their mean was meant. Each round multiplies every weight by ${e.factor}, so the model's outputs grow without bound until they overflow to Infinity and NaN. Divide the sum by the number of models it adds.`,
      evidence: [`each weight's norm ${e.factor} times the norm the model held, at two calls in a row`],
      fixes: e.site ? [{ title: 'Average the models\' weights: divide their sum by how many there are', plan: { kind: 'averageSum', site: e.site } }] : [],
      atFix: true,
      ...certainFromTheRun(),
    },
  ];
}

/**
 * A loss that takes the absolute value of the errors' sum (or mean): errors of opposite sign cancel,
 * so the loss reaches 0 once the predictions are right on average, and the model learns little more
 * than the mean. Certain from the kernels; fixed by taking the absolute values first.
 */
function absOfSummedErrors(run: ModelState): Hypothesis[] {
  const e = run.absOfSummedErrors;
  if (!e) return [];
  return [
    {
      id: 'errors-cancel-before-abs',
      symptom: 'errors-cancel-before-abs',
      rootCause: 'loss-function',
      location: e.site,
      related: [],
      message: `The loss${e.site ? ` on line ${e.site.line}` : ''} takes the absolute value of the errors' ${e.reduction}, not the ${e.reduction} of their absolute values: an over-prediction and an under-prediction cancel, so the loss is near 0 whenever the predictions are right on average, however wrong each one is. It rewards predicting the mean and says nothing of the error per row. Take the absolute values first: tf.mean(tf.abs(yTrue − yPred)).`,
      evidence: [`abs applied to the ${e.reduction} of the outputs' errors`],
      fixes: e.site ? [{ title: `Take the absolute value of each error before the ${e.reduction}`, plan: { kind: 'absBeforeSum', site: e.site } }] : [],
      ...certainFromTheRun(),
    },
  ];
}

/**
 * A Huber loss written with its branches swapped: errors beyond delta are squared (outliers weigh
 * more than under MSE) and small ones charged linearly, the opposite of what makes it robust.
 * Certain from the kernels; fixed by swapping the where's two branches.
 */
function huberBranchesSwapped(run: ModelState): Hypothesis[] {
  const e = run.huberBranchesSwapped;
  if (!e) return [];
  return [
    {
      id: 'huber-branches-swapped',
      symptom: 'huber-branches-swapped',
      rootCause: 'loss-function',
      location: e.site,
      related: [],
      message: `The loss${e.site ? ` on line ${e.site.line}` : ''} squares the errors larger than its threshold and charges the small ones linearly: a Huber loss with its two branches swapped. Outliers then weigh more than under a plain squared error, and the rows the model already fits well get only a constant pull, so the fit follows the outliers. Huber is quadratic for |e| ≤ delta and linear beyond.`,
      evidence: ['a where on |error| beyond a threshold choosing the squared error, and the absolute error below it'],
      fixes: e.site ? [{ title: 'Swap the two branches: quadratic for small errors, linear for large ones', plan: { kind: 'swapWhereBranches', site: e.site } }] : [],
      ...certainFromTheRun(),
    },
  ];
}

/**
 * A step added to a layer's inputs that float32 cannot register (x + h == x for most values): a
 * finite difference whose step was copied from float64 code compares the network with itself and
 * estimates every derivative as 0. Certain from the values; fixed by a step float32 resolves.
 */
function stepBelowResolution(run: ModelState): Hypothesis[] {
  const e = run.stepBelowResolution;
  if (!e) return [];
  return [
    {
      id: 'step-below-float32-resolution',
      symptom: 'step-below-float32-resolution',
      rootCause: 'loss-function',
      location: e.site,
      related: [],
      message: `Line ${e.site?.line ?? '?'} adds ${fmt(e.step)} to inputs a layer then takes, and for ${e.unchanged} of ${e.of} of them the sum is the value itself: float32 keeps about 7 significant digits, so x + ${fmt(e.step)} == x wherever |x| is above about ${fmt(Math.abs(e.step) / 6e-8)}. A finite difference with this step compares the network with itself, so every derivative it estimates is 0 (or rounding noise), and whatever the loss asks of the derivative is never learned. Use a step float32 resolves, around 1e-3 for inputs near 1 (or take the derivative with tf.grad).`,
      evidence: [`x + ${fmt(e.step)} == x for ${e.unchanged} of ${e.of} nonzero inputs`],
      fixes: e.site ? [{ title: 'Use a step of 1e-3, which float32 resolves', plan: { kind: 'resolvableStep', site: e.site } }] : [],
      ...certainFromTheRun(),
    },
  ];
}

/**
 * A sine in the model taken of values spread over hundreds of radians: a SIREN's first layer whose
 * frequency ω0 is 3000 where the paper's 30 was meant (or Fourier features drawn far too wide). Each
 * input's phase is effectively random with respect to its neighbours', so the network can fit its
 * training points and interpolates noise between them. Certain from the values; where the scale is
 * a constant named for ω0, fixed to 30.
 */
function sineSpreadWide(run: ModelState): Hypothesis[] {
  const e = run.sineSpreadWide;
  if (!e) return [];
  return [
    {
      id: 'sine-spread-wide',
      symptom: 'sine-spread-wide',
      rootCause: 'hidden-activation',
      location: e.site,
      related: [],
      message: `Line ${e.site?.line ?? '?'} takes the sine of values spread over ${fmt(e.spread)} radians (standard deviation), about ${fmt(Math.round(e.spread / (2 * Math.PI)))} periods: inputs a little apart land on unrelated phases, so the network can fit its training points but what it gives between them is noise. A SIREN's first layer multiplies by ω0 = 30 so that its phases span a few periods; scale the sine's argument down to that.`,
      evidence: [`sine argument spread ${fmt(e.spread)} rad`],
      fixes: e.site ? [{ title: 'Use the frequency ω0 = 30 in the sine', plan: { kind: 'omegaThirty', site: e.site } }] : [],
      ...certainFromTheRun(),
    },
  ];
}

/**
 * A pruning step during training that zeroed a layer's largest weights and kept its smallest: the
 * magnitude mask inverted. Each step removes what the layer learned. Certain from the values; fixed
 * where the mask compares the magnitudes.
 */
function prunedLargest(run: ModelState): Hypothesis[] {
  const e = run.prunedLargest;
  if (!e) return [];
  return [
    {
      id: 'pruning-removes-largest',
      symptom: 'pruning-removes-largest',
      rootCause: 'regularization',
      location: e.site,
      related: [],
      message: `The weights set${e.site ? ` on line ${e.site.line}` : ''} during training zero ${e.zeroed} of ${e.of} values of a weight, and every value zeroed was larger in magnitude than every value kept: a magnitude pruning whose mask keeps the small weights (|w| ≤ threshold) and removes the large ones, which carry what the layer learned. Keep the weights above the threshold.`,
      evidence: [`${e.zeroed} of ${e.of} values zeroed, each larger than every value kept`],
      fixes: e.site ? [{ title: 'Keep the weights whose magnitude is above the threshold', plan: { kind: 'pruneKeepLarge', site: e.site } }] : [],
      atFix: true,
      ...certainFromTheRun(),
    },
  ];
}

/**
 * A tagger whose words tell the tags at their mirrored positions far better than their own: the ids
 * were reversed (a trick for recurrent nets) and the tags were not, so every word is taught another
 * word's tag. Certain from the data; shown where the ids are made.
 */
function tagsReversed(run: ModelState): Hypothesis[] {
  const e = run.tagsReversed;
  if (!e) return [];
  return [
    {
      id: 'tags-reversed',
      symptom: 'tags-reversed',
      rootCause: 'label-encoding',
      location: e.idsSite ?? e.tagsSite ?? e.fitSite,
      related: e.tagsSite && e.tagsSite !== e.idsSite ? [{ site: e.tagsSite, message: 'the tags, in reading order' }] : [],
      message: `The words of this tagger tell the tags at their mirrored positions far better than their own (${fmt(e.mirrored)} bits of uncertainty left about a tag given the mirrored word, ${fmt(e.aligned)} given its own, over ${e.positions} positions of ${e.rows} rows): the token ids were reversed and the tags were not, so every word is taught the tag of the word at the other end of its sentence. Reverse the tags with their words, or neither.`,
      evidence: [`tag entropy given the word: ${fmt(e.aligned)} bits at its own position, ${fmt(e.mirrored)} at the mirrored one`],
      fixes: [],
      ...certainFromTheRun(),
    },
  ];
}

/**
 * A two-input model evaluated with its inputs the other way round: swapped back, the same
 * evaluation scores a quarter of the loss or less. The shapes match, so nothing throws. Certain from
 * the two evaluations; fixed by swapping the two inputs at the call.
 */
function inputsSwapped(run: ModelState): Hypothesis[] {
  const e = run.inputsSwapped;
  if (!e) return [];
  return [
    {
      id: 'inputs-swapped',
      symptom: 'inputs-swapped',
      rootCause: 'training-data',
      location: e.site,
      related: [],
      message: `The model is evaluated${e.site ? ` on line ${e.site.line}` : ''} with its two inputs in the opposite order to the one it was built and trained with: its loss there is ${fmt(e.loss)}, and ${fmt(e.swappedLoss)} with the two swapped back. Both inputs have one shape, so nothing throws; each tower reads the other's features. Give them in the model's order.`,
      evidence: [`loss ${fmt(e.loss)} as given`, `loss ${fmt(e.swappedLoss)} with the two inputs swapped`],
      fixes: e.site ? [{ title: "Give the two inputs in the model's order", plan: { kind: 'swapCallInputs', site: e.site } }] : [],
      ...certainFromTheRun(),
      confirmBy: set(...HARM, 'overfitting'),
    },
  ];
}

/**
 * A custom loop that runs its model twice per step, as contrastive learning runs two views of a
 * batch, on the same values every time: a model without dropout answers the same twice, the two
 * views agree from the start, and the loss teaches nothing about what should not matter (the
 * augmentation). Certain from the run; fixed by drawing the second view's augmentation anew.
 */
function viewsIdentical(run: ModelState): Hypothesis[] {
  const e = run.viewsIdentical;
  if (!e || !e.site) return [];
  return [
    {
      id: 'views-identical:x',
      symptom: 'views-identical',
      rootCause: 'training-data',
      location: e.site,
      related: [],
      message: `Each of the first ${e.steps} training steps runs the model twice on the same values: the two views of every batch are one, and a model without dropout gives the same output for both. A contrastive loss then finds every positive pair already matched and learns nothing about what the augmentation changes; draw each view's augmentation separately.`,
      evidence: [`the model's two inputs held the same values in each of the first ${e.steps} steps`],
      fixes: [{ title: "Draw the second view's augmentation anew", plan: { kind: 'drawSecondView', site: e.site } }],
      atFix: true,
      ...certainFromTheRun(),
      confirmBy: set(...HARM),
    },
  ];
}

/**
 * Fine-tuning with one optimizer per group of variables, the rates given the wrong way round: the
 * large rate steps the part an earlier fit trained, and rewrites what it learned, while the small
 * one steps the new part, which barely moves. Certain from the run (fine-tuning gives the
 * pretrained part the small rate); fixed by swapping the two variable lists.
 */
function rateGroupsSwapped(run: ModelState): Hypothesis[] {
  const e = run.rateGroupsSwapped;
  if (!e || !e.pretrainedSite) return [];
  const times = Math.round(e.pretrainedRate / e.freshRate);
  return [
    {
      id: 'rate-groups-swapped:optimizer',
      symptom: 'rate-groups-swapped',
      rootCause: 'learning-rate',
      location: e.pretrainedSite,
      related: e.freshSite ? [{ site: e.freshSite, message: `the new variables are stepped here, at rate ${fmt(e.freshRate)}` }] : [],
      message: `The training loop steps the variables an earlier fit trained with rate ${fmt(e.pretrainedRate)}, and the new ones no fit has trained with rate ${fmt(e.freshRate)}, ${times} times smaller: the large steps rewrite what pretraining learned, while the new part barely moves. Fine-tuning gives the pretrained part the small rate and the new part the large one; the two variable lists look swapped.`,
      evidence: [`pretrained variables stepped at rate ${fmt(e.pretrainedRate)}`, `new variables stepped at rate ${fmt(e.freshRate)}`],
      fixes: e.freshSite ? [{ title: 'Swap the variable lists of the two optimizers', plan: { kind: 'swapVarLists', a: e.pretrainedSite, b: e.freshSite } }] : [],
      ...certainFromTheRun(),
      confirmBy: set(...HARM, 'overfitting'),
    },
  ];
}

/**
 * An optimizer whose steps name no variables next to one whose steps do: the unnamed steps update
 * every variable their gradients reach, most of the other's among them, so both optimizers train
 * those (a GAN's generator step also trains the discriminator, towards calling fakes real).
 * Certain from the run; fixed by naming the variables of the model the unnamed step trains.
 */
function varListMissing(run: ModelState): Hypothesis[] {
  const e = run.varListMissing;
  if (!e || !e.site) return [];
  return [
    {
      id: 'var-list-missing:optimizer',
      symptom: 'var-list-missing',
      rootCause: 'optimizer',
      location: e.site,
      related: e.namedSite ? [{ site: e.namedSite, message: `another optimizer steps these ${e.shared} variables as its own here` }] : [],
      message: `This minimize call names no variables, so its steps update every variable the loss reaches: its own ${e.own}, and ${e.shared} that another optimizer's steps name as theirs. Both optimizers train those, each towards its own loss (in a GAN, the generator's step also trains the discriminator to score fakes as real). Pass the variables this step should train as minimize's third argument.`,
      evidence: [`an unnamed step updated ${e.shared + e.own} variables`, `${e.shared} of them are named by another optimizer's steps`],
      fixes: e.namedSite ? [{ title: "Name this step's variables: minimize(f, returnCost, model.trainableWeights.map((w) => w.val))", plan: { kind: 'nameVarList', site: e.site, namedSite: e.namedSite } }] : [],
      ...certainFromTheRun(),
      confirmBy: set(...HARM),
    },
  ];
}

/**
 * A loss whose target is the one-hot of the model's own argMax, weighed against a tensor computed
 * from that same output: each row's loss follows the class the model already prefers, so training
 * only sharpens that preference, whatever the rewards or labels say (a policy gradient on the greedy
 * action instead of the sampled one). Certain from the step's kernels; fixed with the int32 indices
 * the script made and never used, when there are such.
 */
function argmaxTarget(run: ModelState): Hypothesis[] {
  const e = run.argmaxTarget;
  if (!e || !e.site) return [];
  return [
    {
      id: 'argmax-target:loss',
      symptom: 'argmax-target',
      rootCause: 'loss-function',
      location: e.site,
      related: [],
      message: "The loss's target here is the one-hot of the model's own argMax, weighed against the same output: each row's loss follows the class the model already prefers, not the one taken or labelled, so training only makes that preference surer, whatever the rewards or labels say. A policy gradient takes the log-probability of the action sampled and taken; a classifier, the label.",
      evidence: ["a one-hot of the argMax of a layer output, multiplied into a tensor computed from that output, in the first training steps"],
      fixes: [{ title: 'Take the indices that were sampled (or labelled), not the argMax', plan: { kind: 'sampledIndices', site: e.site } }],
      ...certainFromTheRun(),
      confirmBy: set(...HARM),
    },
  ];
}

/**
 * A custom loop whose model learns from the predictions of another model that was never trained,
 * loaded or set: an encoder run with predict before the step, whose output reaches the loss as a
 * constant, so no gradient ever reaches it and the features stay a random projection. Certain from
 * the run; no fix is offered, since the step's loss must be rewritten to run that model.
 */
function fedByUntrained(run: ModelState): Hypothesis[] {
  const e = run.fedByUntrained;
  if (!e || !e.site) return [];
  return [
    {
      id: 'fed-by-untrained:model',
      symptom: 'fed-by-untrained',
      rootCause: 'architecture',
      location: e.site,
      related: [],
      message: `The model trained in the loop learns from these predictions of another model, whose weights nothing has ever trained, loaded or set (${e.steps} steps on): they are a random projection of the data. Made by predict outside the function given to minimize, they reach the loss as constants, so no gradient reaches that model. Run it inside the loss function (model.apply(x, { training: true })) so the step trains both.`,
      evidence: [`the first step's inputs came from predict on a model with no weight ever written`, `still none written ${e.steps} steps later`],
      fixes: [],
      ...certainFromTheRun(),
      confirmBy: set(...HARM),
    },
  ];
}

/**
 * A learned temperature (a trainable scalar a step divides by) kept as a raw variable, which the
 * optimizer moved from a positive value to 0 or below: nothing keeps it positive, and past 0 the
 * division blows the logits up and flips their sign. Certain from the run; fixed by learning its log.
 */
function divisorCrossedZero(run: ModelState): Hypothesis[] {
  const e = run.divisorCrossedZero;
  if (!e || !e.site) return [];
  return [
    {
      id: 'divisor-crossed-zero:variable',
      symptom: 'divisor-crossed-zero',
      rootCause: 'architecture',
      location: e.site,
      related: [],
      message: `The training step divides by this variable, which started at ${fmt(e.start)} and was ${fmt(e.value)} after step ${e.iter}: nothing keeps a raw variable positive, and as it nears 0 and passes it the division blows up what it scales and flips its sign (a learned temperature turns the logits around). Learn its log instead and divide by its exp(), which stays positive.`,
      evidence: [`first value ${fmt(e.start)}`, `value ${fmt(e.value)} after step ${e.iter}`],
      fixes: [{ title: 'Learn the log of the divisor: tf.variable(tf.scalar(Math.log(x))), divided by its exp()', plan: { kind: 'logParameterized', site: e.site } }],
      ...certainFromTheRun(),
      confirmBy: set(...HARM),
    },
  ];
}

/**
 * A custom loop whose first batches each hold one row repeated, another at each step: rows kept as
 * references to one array the script overwrites in place. Certain from the batches; no fix is
 * offered, since where the references are kept is not in the trace.
 */
function rowsIdentical(run: ModelState): Hypothesis[] {
  const e = run.rowsIdentical;
  if (!e || !e.site) return [];
  return [
    {
      id: 'rows-identical:data',
      symptom: 'rows-identical',
      rootCause: 'training-data',
      location: e.site,
      related: [],
      message: `Each of the first ${e.steps} batches this step trained on holds one row repeated ${e.rows} times, another row at each step: the rows are references to one array that the script overwrites in place, so every stored row reads as the latest (a replay buffer that keeps the environment's state array itself, not a copy). Store copies where the rows are kept: state.slice(), or Array.from(state).`,
      evidence: [`${e.rows} identical rows in each of the first ${e.steps} batches`, 'the repeated row changes from step to step'],
      fixes: [],
      ...certainFromTheRun(),
      confirmBy: set(...HARM),
    },
  ];
}

/**
 * setWeights after fit given the weights the model had when fit began: a keep-best copy that no
 * epoch ever replaced (its best value started at 0, which no loss goes below), so the model kept
 * is the untrained one. Certain from the weights; fixed where the best value starts.
 */
function restoredUntrained(run: ModelState): Hypothesis[] {
  // Trained again after the restore (a learning-rate range test, then the real run): nothing undone.
  const e = run.untrainedByRestore;
  if (!e?.site) return [];
  return [
    {
      id: 'restored-untrained',
      symptom: 'restored-untrained',
      rootCause: 'training-length',
      location: e.site,
      related: [],
      message: `Line ${e.site.line} sets the model's weights back to the ones it had when fit began: everything training learned is thrown away, and the model kept is the untrained one. A keep-best copy that no epoch ever replaced does this: a best validation loss that starts at 0 is never beaten (no loss goes below 0), so the first copy, taken before training, is the one restored. Start the best value at Infinity.`,
      evidence: ['the weights set after fit are the ones fit began with'],
      fixes: [{ title: 'Start the best loss at Infinity, so the first epoch improves on it', plan: { kind: 'bestFromInfinity', file: e.site.file } }],
      atFix: true,
      ...certainFromTheRun(),
      atRunEnd: true,
    },
  ];
}

/**
 * A focal loss −p^γ·log(p) where −(1 − p)^γ·log(p) is meant: the modulator should shrink the rows
 * the model already gets right; p^γ shrinks the ones it gets wrong instead (all of them at the
 * start, p ≈ 1/K), and below p ≈ 0.6 the loss even falls as p falls, so training pushes the true
 * class down. Certain from the loss's kernels; fixed in the power's base.
 */
function focalInverted(run: ModelState): Hypothesis[] {
  const e = run.focalInverted;
  if (!e?.site) return [];
  return [
    {
      id: 'focal-modulator-inverted',
      symptom: 'focal-modulator-inverted',
      rootCause: 'loss-function',
      location: e.site,
      related: [],
      message: `The loss on line ${e.site.line} multiplies −log(p) by a power of the same p, p^γ: a focal loss's modulator is (1 − p)^γ, which shrinks the rows the model already gets right. p^γ shrinks the rows it gets wrong instead (every row at the start, where p is about 1 / the number of classes), and below p ≈ 0.6 this loss falls as p falls, so training pushes the true class's probability down. Raise 1 − p to the power.`,
      evidence: ['the loss multiplies −log(p) by p raised to a power, the same p'],
      fixes: [{ title: 'Raise 1 − p to the power, not p', plan: { kind: 'focalModulator', file: e.site.file } }],
      ...certainFromTheRun(),
      confirmBy: set(...HARM),
    },
  ];
}

/** Channel names for an order of three (RGB) or four (RGBA). */
const CHANNEL_NAMES = ['R', 'G', 'B', 'A'];

/**
 * Validation images whose channels are in another order than the training images' (B, G, R from
 * one loader, R, G, B from the other): each class's channel means match only with the channels
 * permuted, so validation shows the model colours it never trained on. Certain from the images;
 * fixed where the validation loader writes the channels.
 */
function channelsPermuted(run: ModelState): Hypothesis[] {
  const e = run.channelsPermuted;
  if (!e) return [];
  const names = (o: readonly number[]) => o.map((c) => CHANNEL_NAMES[c] ?? String(c)).join(', ');
  const file = (e.madeAt ?? e.site)?.file ?? null;
  return [
    {
      id: 'validation-channels-permuted',
      symptom: 'validation-channels-permuted',
      rootCause: 'training-data',
      location: e.madeAt ?? e.site,
      related: e.site ? [{ site: e.site, message: 'validates on them' }] : [],
      message: `The validation images hold their channels in another order than the training images: each class's mean of every channel matches the training images' only when the validation channels are read as ${names(e.order)}. One loader writes the pixels in another channel order (B, G, R, as OpenCV-based exports do, for R, G, B), so validation shows the model colours it never trained on, and its loss and accuracy say nothing about how well it learned. Write the channels in the same order in both.`,
      evidence: [`class-wise channel means of the validation images match the training's as ${names(e.order)}`],
      fixes: file ? [{ title: 'Write the channels in R, G, B order, as the training images are', plan: { kind: 'channelOrder', file } }] : [],
      atFix: true,
      ...certainFromTheRun(),
      confirmBy: set(...HARM),
    },
  ];
}

/**
 * Scores a softmax took with rows of -Infinity throughout: the mask was written as -Infinity, and a
 * padded query with no key left gets 0 / 0 = NaN weights, which later masking cannot undo (NaN * 0
 * is NaN). Certain from the scores; fixed by masking with a large finite negative number.
 */
function softmaxRowsMasked(run: ModelState): Hypothesis[] {
  const e = run.softmaxRowsMasked;
  if (!e) return [];
  return [
    {
      id: 'softmax-rows-all-masked',
      symptom: 'softmax-rows-all-masked',
      rootCause: 'architecture',
      location: e.site,
      related: [],
      message: `A softmax in the training step was given ${e.rows} of ${e.total} rows whose every score is -Infinity: the mask writes -Infinity, and a row with every position masked (a padded query, which has no key left) is exp(-Infinity) / sum = 0 / 0 = NaN. Masking those rows out afterwards cannot help, since NaN × 0 is NaN: the loss and then every weight turn NaN. Mask with a large finite negative number such as -1e9, which a fully masked row turns into even weights instead.`,
      evidence: [`${e.rows} of ${e.total} softmax rows all -Infinity`],
      fixes: e.site ? [{ title: 'Mask with -1e9 instead of -Infinity', plan: { kind: 'finiteMask', site: e.site } }] : [],
      atFix: true,
      ...certainFromTheRun(),
    },
  ];
}

/**
 * Token ids whose counts are the same from one fit call to the next (the same texts) but belong to
 * other ids: the vocabulary is rebuilt between the calls, from texts in a new order, so every id
 * names another word each time and the embedding rows learned so far are read for other words.
 * Certain from the ids; fixed where the vocabulary is built, once.
 */
function idsRenumbered(run: ModelState): Hypothesis[] {
  const e = run.idsRenumbered;
  if (!e) return [];
  const location = e.madeAt ?? e.site;
  const file = location?.file ?? null;
  return [
    {
      id: 'ids-renumbered',
      symptom: 'ids-renumbered',
      rootCause: 'training-data',
      location,
      related: e.site && e.madeAt ? [{ site: e.site, message: 'trains on the renumbered ids' }] : [],
      message: `The token ids given to fit call ${e.call} count exactly as those of the call before (the same texts, the same number of distinct ids), but ${Math.round(e.changed * 100)}% of the ids changed their count: the words were numbered anew between the calls. A vocabulary rebuilt from texts in a new order (ids given in order of first appearance) does this, and every embedding row learned so far is then read for another word. Build the vocabulary once, before training.`,
      evidence: [`fit calls ${e.call - 1} and ${e.call}: the same id counts, ${Math.round(e.changed * 100)}% of them on other ids`],
      fixes: file ? [{ title: 'Build the vocabulary once, not at every pass', plan: { kind: 'vocabOnce', file } }] : [],
      atFix: true,
      ...certainFromTheRun(),
      confirmBy: set(...HARM),
    },
  ];
}

/**
 * A model's predictions for a batch reduced with max over axis 0, the rows: one value per output
 * for the whole batch, where a value per row was meant (a bootstrapped target's best next action,
 * max over the actions). Broadcast back against the rows, every row gets the batch's best of each
 * column, taken from other rows' states. Certain from the kernel; fixed on the line's axis.
 */
function maxOverBatch(run: ModelState): Hypothesis[] {
  const e = run.maxOverBatch;
  if (!e?.site) return [];
  return [
    {
      id: 'max-over-batch',
      symptom: 'max-over-batch',
      rootCause: 'loss-function',
      location: e.site,
      related: [],
      message: `Line ${e.site.line} takes the maximum of a model's predictions for ${e.rows} rows of ${e.columns} outputs over axis 0, the rows: one value per output for the whole batch, where one value per row (the best of its ${e.columns} outputs, axis 1) was meant. Used as a target (a bootstrapped value, r + γ · max Q(s′, ·)), it gives each row the batch's best value of each output, from other rows' states, so the targets say nothing about the row's own next state. Reduce over axis 1.`,
      evidence: [`max over axis 0 of predictions shaped [${e.rows}, ${e.columns}]`],
      fixes: [{ title: 'Take the maximum over axis 1, each row its own', plan: { kind: 'reduceAxisOne', site: e.site } }],
      ...certainFromTheRun(),
      confirmBy: set(...HARM),
    },
  ];
}

/**
 * Attention heads split by reshaping [batch, steps, features] straight to [batch, heads, steps,
 * features / heads]: a reshape keeps the memory order, so each "head" holds a block of positions
 * cut into feature slices, and attention no longer relates the tokens. Certain from the shapes;
 * fixed by reshaping to [batch, steps, heads, size] and transposing.
 */
function headsSplit(run: ModelState): Hypothesis[] {
  const e = run.headsSplit;
  if (!e?.site) return [];
  const [b, steps, features] = e.from;
  const heads = e.to[1]!;
  const size = e.to[3]!;
  return [
    {
      id: 'heads-split-without-transpose',
      symptom: 'heads-split-without-transpose',
      rootCause: 'architecture',
      location: e.site,
      related: [],
      message: `Line ${e.site.line} reshapes [${b}, ${steps}, ${features}] (batch, steps, features) straight to [${b}, ${heads}, ${steps}, ${size}] to split ${heads} attention heads. A reshape keeps the values in memory order, so each "head" gets ${steps / heads === Math.floor(steps / heads) ? `${steps / heads} consecutive positions` : 'a block of positions'} cut into slices of ${size} features, not every position's own slice: attention within a head relates the wrong things. Reshape to [${b}, ${steps}, ${heads}, ${size}], then transpose to [${b}, ${heads}, ${steps}, ${size}].`,
      evidence: [`reshape [${e.from.join(', ')}] → [${e.to.join(', ')}]`, 'no transpose between'],
      fixes: [{ title: 'Reshape to [batch, steps, heads, size], then transpose', plan: { kind: 'splitHeadsTranspose', site: e.site } }],
      ...certainFromTheRun(),
      confirmBy: set(...HARM),
    },
  ];
}

/**
 * A model's logits clipped to [ε, 1] by a loss that takes probabilities (a hand-written KL
 * divergence, tfjs's own cross-entropies clip the same way): every logit outside the range is
 * pinned to a bound with a gradient of 0, so most of the output learns nothing. Certain once a
 * large share lies outside [0, 1]; fixed by the softmax where the logits are made.
 */
function logitsAsProbabilities(run: ModelState): Hypothesis[] {
  const e = run.logitsAsProbabilities;
  const site = e?.site ?? e?.clipSite;
  if (!e || !site) return [];
  return [
    {
      id: 'logits-as-probabilities',
      symptom: 'logits-as-probabilities',
      rootCause: 'output-activation',
      location: site,
      related: e.clipSite && e.clipSite.line !== site.line ? [{ site: e.clipSite, message: 'clipped to [ε, 1] here, as probabilities are' }] : [],
      message: `The values made on line ${site.line} come from the model and go into a loss that takes probabilities, which clips them to [ε, 1]${e.clipSite ? ` (line ${e.clipSite.line})` : ''}; but ${pct(e.outside)} of them lay outside [0, 1]: they are logits, never passed through a softmax. Each one outside is pinned to a bound, where the clip's gradient is 0: those learn nothing, and training pushes more of them out. Apply tf.softmax (or a sigmoid for one unit) to the logits before the loss.`,
      evidence: [`${pct(e.outside)} of the values clipped to [ε, 1] lay outside [0, 1]`],
      fixes: [{ title: 'Turn the logits into probabilities: tf.softmax', plan: { kind: 'softmaxAt', site } }],
      ...certainFromTheRun(),
      confirmBy: set(...HARM),
    },
  ];
}

/**
 * The diagonal of contrastive logits between two different embeddings replaced by a large
 * negative number (a self-pair mask carried over from SimCLR, where one batch is compared with
 * itself): between two views the diagonal is each row's positive, so the true class can never win
 * and the loss sits near the size of the mask. Certain; fixed by dropping the mask.
 */
function positivesMasked(run: ModelState): Hypothesis[] {
  const e = run.positivesMasked;
  if (!e?.site) return [];
  return [
    {
      id: 'positives-masked',
      symptom: 'positives-masked',
      rootCause: 'loss-function',
      location: e.site,
      related: [],
      message: `Line ${e.site.line} sets the diagonal of the contrastive logits to ${fmt(e.fill)}, but these logits compare two different embeddings (two views or two encoders), and there the diagonal holds each row's positive pair, the class its label names. The true class then never wins, the loss sits near the size of the mask, and nothing is learned. Masking the diagonal is for a batch compared with itself (SimCLR's 2N views, where it is each view's similarity to itself); between two views, drop it.`,
      evidence: [`tf.where over the diagonal puts ${fmt(e.fill)} in place of the positive pairs' logits`, 'the logits are a product of two different embeddings'],
      fixes: [{ title: 'Keep the positive pairs: drop the diagonal mask', plan: { kind: 'dropWhereMask', site: e.site } }],
      ...certainFromTheRun(),
      confirmBy: set(...HARM),
    },
  ];
}

/**
 * A model's weights set from its own getWeights while training ran: the copy changes nothing, so
 * the model meant to follow another (a target network synced from the online one) keeps its
 * initial weights. Certain from the call; fixed by copying from the twin built the same way.
 */
function weightsCopiedToSelf(run: ModelState): Hypothesis[] {
  const e = run.weightsCopiedToSelf;
  if (!e?.site) return [];
  return [
    {
      id: 'weights-copied-to-self',
      symptom: 'weights-copied-to-self',
      rootCause: 'loss-function',
      location: e.site,
      related: [],
      message: `Line ${e.site.line} sets a model's weights to that same model's getWeights(): the copy changes nothing. If it is meant to sync a target network with the network that trains, the target keeps its initial random weights for the whole run, and every bootstrapped target computed from it stays as random as at the start. Copy the weights from the model that trains.`,
      evidence: ['setWeights given the weights the same model holds, after training began'],
      fixes: [{ title: 'Copy the weights from the other model built the same way', plan: { kind: 'copyFromTwin', site: e.site } }],
      ...certainFromTheRun(),
      confirmBy: set(...HARM),
    },
  ];
}

/**
 * Contrastive logits (InfoNCE, CLIP) made of raw dot products of two embeddings divided by a
 * temperature such as 0.07, meant for cosine similarities in [-1, 1]: without dividing each
 * embedding by its norm, the logits grow with the norms, the softmax saturates and the gradient on
 * an embedding grows with its own size, so training runs away or stalls. Judged by the harm it
 * explains; fixed by normalizing the embeddings.
 */
function contrastiveUnnormalized(run: ModelState): Hypothesis[] {
  const e = run.contrastiveUnnormalized;
  if (!e || !e.site) return [];
  const norms = e.norms.map((v) => fmt(v)).join(' and ');
  return [
    {
      id: 'embeddings-unnormalized:contrastive',
      symptom: 'embeddings-unnormalized',
      rootCause: 'loss-function',
      layer: null,
      location: e.site,
      related: [],
      message: `These contrastive logits are dot products of two embeddings divided by a temperature of ${fmt(e.temperature)}, a scale meant for cosine similarities in [-1, 1], but neither embedding is divided by its norm (their rows' mean norms were ${norms} in the first steps). The logits then grow with the norms, the softmax saturates, and the gradient on each embedding grows with its own size, so training runs away or stalls. L2-normalize both embeddings before the product (e / ‖e‖ along the last axis).`,
      evidence: [`logits: a matMul of two embeddings divided by ${fmt(e.temperature)}`, `mean row norms ${norms}, not 1`],
      relevance: new Map(),
      fixes: [{ title: 'Divide each embedding by its norm before the product', plan: { kind: 'normalizeEmbeddings', site: e.site } }],
      confirmBy: set('non-finite-loss', 'loss-diverging', 'loss-not-decreasing', 'accuracy-not-increasing', 'non-finite-weights', 'non-finite-gradients'),
      strength: 0.95,
      weak: false,
      explainsAllHarm: true,
    },
  ];
}

/**
 * Attention scores multiplied by the square root of the key size where scaled dot-product attention
 * divides by it: the scores are size times too large, the softmax one-hot, its gradients vanishing.
 * Certain from the step's kernels; fixed by dividing.
 */
function scoresScaledUp(run: ModelState): Hypothesis[] {
  const e = run.scoresScaledUp;
  if (!e || !e.site) return [];
  return [
    {
      id: 'scores-scaled-up:attention',
      symptom: 'scores-scaled-up',
      rootCause: 'architecture',
      location: e.site,
      related: [],
      message: `These attention scores, queries times keys of size ${e.size}, are multiplied by √${e.size} before the softmax; scaled dot-product attention divides by it. The scores are ${e.size} times too large, each row's softmax is nearly one-hot from the start, and its gradients all but vanish. Divide by Math.sqrt(${e.size}).`,
      evidence: [`a softmax of a matMul of size ${e.size} multiplied by ${fmt(Math.sqrt(e.size))}`],
      fixes: [{ title: `Divide the scores by √${e.size} instead of multiplying`, plan: { kind: 'divideNotMultiply', site: e.site } }],
      ...certainFromTheRun(),
      confirmBy: set(...HARM),
    },
  ];
}

/**
 * A softmax of scores multiplied by a 0/1 mask: masked scores become 0, weighed exp(0) like any
 * other, so padding (or the future) keeps its share of the attention. Certain from the step's
 * kernels; fixed by adding a large negative number where the mask is 0.
 */
function maskMultiplied(run: ModelState): Hypothesis[] {
  const e = run.maskMultiplied;
  if (!e || !e.site) return [];
  return [
    {
      id: 'mask-multiplied:attention',
      symptom: 'mask-multiplied',
      rootCause: 'architecture',
      location: e.site,
      related: [],
      message: 'The softmax here takes scores multiplied by a 0/1 mask: a masked score becomes 0, and a softmax weighs 0 as exp(0), like any unmasked score near 0, so the masked positions keep their share of the weights (with mostly padding, most of it). Mask before a softmax by adding a large negative number where the mask is 0: scores + (1 - mask) × -1e9.',
      evidence: ['a softmax of a product of scores and a tensor of 0s and 1s, in the first training steps'],
      fixes: [{ title: 'Add -1e9 where the mask is 0 instead of multiplying by it', plan: { kind: 'maskAdded', site: e.site, mask: e.mask } }],
      ...certainFromTheRun(),
      confirmBy: set(...HARM),
    },
  ];
}

/**
 * A pair's "distance" taken as the sum over the features of one layer output minus another: a
 * signed sum, negative as often as positive, 0 for any two embeddings whose coordinates add up
 * alike, and of the opposite sign for the pair the other way round, so a contrastive loss cannot
 * push unlike pairs apart. Certain from the kernels; fixed with the Euclidean distance.
 */
function signedDistance(run: ModelState): Hypothesis[] {
  const e = run.signedDistance;
  if (!e || !e.site) return [];
  return [
    {
      id: 'distance-signed:loss',
      symptom: 'distance-signed',
      rootCause: 'loss-function',
      location: e.site,
      related: [],
      message: `A pair's distance is taken as the sum of one embedding minus the other over their ${e.width} features: that sum is signed, 0 for any two embeddings whose coordinates add up alike, and flips its sign when the pair is taken the other way round, so a loss on it cannot push unlike pairs apart or pull like ones together. Take the Euclidean distance: the square root of the summed squared differences.`,
      evidence: [`sum over ${e.width} features of a difference of two layer outputs, without a square or an absolute value`],
      fixes: [{ title: 'Take the Euclidean distance (square, sum, square root)', plan: { kind: 'euclideanDistance', site: e.site } }],
      ...certainFromTheRun(),
      confirmBy: set(...HARM),
    },
  ];
}

/**
 * A pinball loss whose residual is the prediction minus the target: max(τ·e, (τ − 1)·e) then
 * charges τ per unit of over-prediction and 1 − τ of under-prediction, so the model learns the
 * (1 − τ) quantile where the τ one was meant. Certain from the loss's kernels; fixed by turning
 * the residual round.
 */
function pinballFlipped(run: ModelState): Hypothesis[] {
  const e = run.pinballFlipped;
  if (!e || !e.site) return [];
  if (e.percent) {
    const fraction = e.tau / 100;
    return [
      {
        id: 'quantile-flipped:loss',
        symptom: 'quantile-flipped',
        rootCause: 'loss-function',
        location: e.site,
        related: [],
        message: `The pinball loss takes the larger of τ·e and (τ − 1)·e with τ = ${fmt(e.tau)}: a quantile is a fraction, and ${fmt(e.tau)} reads as a percentage. With τ above 1 both slopes are positive, so for every under-prediction the loss is (τ − 1)·e, negative and falling without bound: the model is pushed to predict ever larger values. Write τ = ${fmt(fraction)}.`,
        evidence: [`τ = ${fmt(e.tau)} in max(τ·e, (τ − 1)·e)`],
        fixes: [{ title: `Give τ as a fraction: ${fmt(fraction)}`, plan: { kind: 'quantileFraction', site: e.site, tau: e.tau } }],
        ...certainFromTheRun(),
        confirmBy: set(...HARM, 'loss-diverging'),
      },
    ];
  }
  const other = Number((1 - e.tau).toPrecision(6));
  return [
    {
      id: 'quantile-flipped:loss',
      symptom: 'quantile-flipped',
      rootCause: 'loss-function',
      location: e.site,
      related: [],
      message: `The pinball loss takes the larger of τ·e and (τ − 1)·e with τ = ${fmt(e.tau)}, but its residual e is the prediction minus the target: it then charges ${fmt(e.tau)} per unit of over-prediction and ${fmt(other)} per unit of under-prediction, so the model learns the ${fmt(other)} quantile, not the ${fmt(e.tau)} one, and only about ${Math.round(other * 100)}% of the targets fall below its predictions. The residual of a quantile loss is the target minus the prediction.`,
      evidence: [`τ = ${fmt(e.tau)}`, 'the residual is the model output minus the target'],
      fixes: [{ title: 'Take the residual as target minus prediction', plan: { kind: 'swapSubOperands', site: e.site } }],
      ...certainFromTheRun(),
      confirmBy: set(...HARM),
    },
  ];
}

/**
 * A model trained against another (a GAN's generator through its discriminator) whose loss and the
 * other's both settled at about 0: the two cannot both win, so the generator's loss asks the
 * discriminator for the verdict it gives generated samples (the fake label), and the generator
 * learns to look fake. Certain from the two losses; fixed by giving the generator's loss the other
 * label.
 */
function cooperatingOpponents(run: ModelState): Hypothesis[] {
  const c = run.cooperating;
  const call = [...run.lossCalls.values()].find((l) => l.site !== null && l.positiveRate !== null && (l.positiveRate === 0 || l.positiveRate === 1));
  if (!c || !call?.site) return [];
  const given = call.positiveRate === 0 ? 0 : 1;
  const other: 0 | 1 = given === 0 ? 1 : 0;
  // The generator asks for "real" (1), as it should: the discriminator is then never told its samples are fake.
  if (given === 1) {
    return [
      {
        id: 'opponents-cooperate:loss',
        symptom: 'opponents-cooperate',
        rootCause: 'label-encoding',
        location: call.site,
        related: [],
        message: `This model is trained against another one's verdicts (a generator through its discriminator), and both losses have come down to about 0 (the last ones at most ${fmt(c.own)} and ${fmt(c.other)}): the two cannot both win, so they are not playing against each other. This model's ${call.fn} asks for the verdict "real" (1), as a generator's should, so the other model is never taught to call generated samples fake: the labels it is given for them are 1 as well (copied from the real batch's). It learns to say "real" to everything, and this model gets no gradient to follow. Label the generated samples 0 in the discriminator's loss.`,
        evidence: ['the last losses of both models at about 0', `every label of this model's ${call.fn} is 1`],
        fixes: [{ title: 'Label the generated samples 0 in the discriminator step', plan: { kind: 'fakeLabelsZero', file: call.site.file } }],
        atFix: true,
        ...certainFromTheRun(),
        confirmBy: set(...HARM),
      },
    ];
  }
  return [
    {
      id: 'opponents-cooperate:loss',
      symptom: 'opponents-cooperate',
      rootCause: 'label-encoding',
      location: call.site,
      related: [],
      message: `This model is trained against another one's verdicts (a generator through its discriminator), and both losses have come down to about 0 (the last ones at most ${fmt(c.own)} and ${fmt(c.other)}): the two cannot both win, so they are not playing against each other. Every label ${call.fn} is given here is ${given}, the verdict the other model is trained to give this model's samples: this model learns to be told apart, not to pass. Give its loss the other label, ${other}.`,
      evidence: ['the last losses of both models at about 0', `every label of this model's ${call.fn} is ${given}`],
      fixes: [{ title: `Train against the other verdict: labels of ${other}`, plan: { kind: 'oppositeLabels', site: call.site, to: other } }],
      ...certainFromTheRun(),
      confirmBy: set(...HARM),
    },
  ];
}

/**
 * A custom loop whose batches, over its first steps, are gathered only from rows below one batch's
 * count of a tensor many times larger: the indices are drawn below the batch size where the row
 * count was meant, so training sees those rows alone and learns them by heart. Certain from the
 * gathers; shown where the indices are drawn, fixed by drawing them below the tensor's row count.
 */
function drawsWithinBatch(run: ModelState): Hypothesis[] {
  const e = run.drawsWithinBatch;
  if (!e) return [];
  const at = e.declaredAt ?? e.indicesSite ?? e.site;
  if (!at) return [];
  return [
    {
      id: 'draws-within-batch:data',
      symptom: 'draws-within-batch',
      rootCause: 'training-data',
      location: at,
      related: e.site && e.site.line !== at.line ? [{ site: e.site, message: 'the batches are gathered here' }] : [],
      message: `Over the first ${e.steps} steps every batch of ${e.batchRows} rows was gathered from rows 0 to ${e.reached - 1} of the ${e.rows} available: the row indices are drawn below the batch size, not below the row count, so the model trains on those ${e.reached} rows alone and learns them by heart. Draw the indices from all ${e.rows} rows.`,
      evidence: [`${e.steps} steps, every index below ${e.reached}`, `${e.rows} rows in the gathered tensor, ${e.batchRows} per batch`],
      fixes: e.declaredAt && e.site ? [{ title: `Draw the indices from all ${e.rows} rows`, plan: { kind: 'drawFromAllRows', site: e.declaredAt, gatherSite: e.site, bound: e.batchRows } }] : [],
      ...certainFromTheRun(),
      confirmBy: set(...HARM, 'overfitting'),
    },
  ];
}

/**
 * A model of several inputs fit with one tensor for two of them (`fit([meta, meta], y)`): the shapes
 * match, so nothing throws, and the branch built for the second trains on the first's features.
 * Certain from the call; shown there, without a fix (which tensor was meant is the script's).
 */
function inputGivenTwice(run: ModelState): Hypothesis[] {
  const e = run.inputGivenTwice;
  if (!e) return [];
  const [a, b] = e.inputs;
  return [
    {
      id: 'input-given-twice',
      symptom: 'input-given-twice',
      rootCause: 'training-data',
      location: e.site,
      related: [],
      message: `The model is fit${e.site ? ` on line ${e.site.line}` : ''} with one tensor given for two of its inputs: the same tensor is item ${a!.index + 1} (${a!.name}) and item ${b!.index + 1} (${b!.name}) of the array. Their shapes match, so nothing throws, but the branch built for ${b!.name} trains on ${a!.name}'s features and never sees its own. Give each input its own tensor, at this call and wherever the model is evaluated or used.`,
      evidence: [`one tensor for ${a!.name} and ${b!.name}`],
      fixes: [],
      ...certainFromTheRun(),
    },
  ];
}

/**
 * A layer whose output is made from plain numbers inside its call (a custom layer that reads its
 * input with arraySync, computes in JavaScript and returns tf.tensor(result)): no kernel connects
 * the output to the input, so no gradient reaches the layers before it, and they keep their initial
 * weights. Certain from the step; shown where the output is made, without a fix (the computation
 * has to be written with tf ops).
 */
function layerDetached(view: ModelView, run: ModelState): Hypothesis[] {
  const e = run.layerDetached;
  if (!e) return [];
  const layer = view.byName.get(e.layer) ?? null;
  const before = layer ? view.layers.filter((l) => l.pos < layer.pos && l.info.params > 0 && l.info.trainable).map((l) => l.info.name) : [];
  return [
    {
      id: 'layer-output-detached',
      symptom: 'layer-output-detached',
      rootCause: 'architecture',
      layer,
      location: e.site ?? layer?.info.site ?? null,
      related: layer?.info.site && e.site && layer.info.site.line !== e.site.line ? [{ site: layer.info.site, message: `${e.layer} is made here` }] : [],
      message: `${e.layer} returns a tensor made from plain numbers${e.site ? ` on line ${e.site.line}` : ''} (values read out of its input and computed in JavaScript), not one computed from its input by tf ops: nothing connects its output to its input, so no gradient passes it${before.length ? `, and ${spokenList(before)} before it keep${before.length === 1 ? 's' : ''} ${before.length === 1 ? 'its' : 'their'} initial weights` : ''}. Write the computation with tf ops (tf.clipByValue, tf.minimum, tf.where) on the input tensor.`,
      evidence: [`${e.layer}: output made from an array during a training step`, ...(before.length ? [`layers before it: ${before.join(', ')}`] : [])],
      relevance: layer ? new Map([[layer.pos, { score: 1, evidence: 'output made from plain numbers' }]]) : new Map(),
      fixes: [],
      confirmBy: set(),
      strength: 0.9,
      weak: false,
      certain: true,
      keepWhenLearning: true,
    },
  ];
}

/**
 * A custom loop that sums per-row scores over the whole batch (`tf.sum(tf.mul(u, v))`, no axis) and
 * sets the one number against the batch's targets: every row's loss sees the same score, so the
 * gradient says nothing about any row in particular and the model cannot learn which pairs match.
 * Certain from the step; the fix sums over the last axis only.
 */
function scoresSummedOverBatch(run: ModelState): Hypothesis[] {
  const e = run.batchSummed;
  if (!e) return [];
  return [
    {
      id: 'scores-summed-over-batch',
      symptom: 'scores-summed-over-batch',
      rootCause: 'loss-function',
      location: e.site,
      related: [],
      message: `The model's scores for a batch of ${e.rows} rows are summed over everything${e.site ? ` on line ${e.site.line}` : ''}, the batch's axis included, into one number, which the loss then sets against all ${e.rows} targets: every row sees the same score, so the gradient carries nothing about any row in particular and the model cannot learn which rows are which. Sum over the last axis only (tf.sum(x, -1)): one score per row.`,
      evidence: [`a [${e.rows}, n] tensor of the model's reduced to one number`, `that number combined with ${e.rows} targets`],
      fixes: e.site ? [{ title: 'Sum over the last axis only: one score per row', plan: { kind: 'sumLastAxis', site: e.site } }] : [],
      ...certainFromTheRun(),
    },
  ];
}

/**
 * The inputs of successive fits of one model spread wider at nearly every fit: augmentation noise
 * added to the stored rows in place (`const out = [...rows]` copies the list, not the rows) piles
 * up fit after fit, and the training inputs drift away from the clean data the model is used on.
 * Certain from the run; the fix copies each row before the noise is added.
 */
function inputsDrift(run: ModelState): Hypothesis[] {
  const e = run.inputsDrift;
  if (!e) return [];
  const file = (e.site ?? e.fitSite)?.file ?? null;
  return [
    {
      id: 'inputs-drift',
      symptom: 'inputs-drift',
      rootCause: 'training-data',
      location: e.site ?? e.fitSite,
      related: e.fitSite && e.site && e.fitSite.line !== e.site.line ? [{ site: e.fitSite, message: 'trained on them here, fit after fit' }] : [],
      message: `The inputs given to fit spread wider at ${e.rises} of ${e.fits - 1} fits, from a mean column spread of ${fmt(e.first)} at the first to ${fmt(e.last)} now: noise added to the stored rows in place piles up fit after fit (copying the list of rows with [...rows] does not copy the rows), so the model trains on data drifting away from the clean data it will be used on. Add the noise to a copy of each row.`,
      evidence: [`mean column spread ${fmt(e.first)} → ${fmt(e.last)} over ${e.fits} fits`, `it rose at ${e.rises} of ${e.fits - 1} fits`],
      fixes: file ? [{ title: 'Copy each row before adding the noise', plan: { kind: 'copyRows', file } }] : [],
      atFix: true,
      ...certainFromTheRun(),
      confirmBy: set(...HARM, 'overfitting', 'loss-not-decreasing'),
    },
  ];
}

/**
 * Segmentation masks that match their images clearly better mirrored or shifted by a few pixels
 * than as they are, for a good share of the samples: augmentation flipped or cropped the image and
 * not its mask (or cropped the two at offsets drawn apart). The targets then mark where the objects
 * are not, for those samples. Certain from the data.
 */
function masksMisaligned(run: ModelState): Hypothesis[] {
  const e = run.masksMisaligned;
  if (!e) return [];
  const how = e.mirrored >= e.shifted ? 'mirrored' : 'shifted by a few pixels';
  return [
    {
      id: 'masks-misaligned',
      symptom: 'masks-misaligned',
      rootCause: 'training-data',
      location: e.site ?? e.fitSite,
      related: e.fitSite && e.site && e.fitSite.line !== e.site.line ? [{ site: e.fitSite, message: 'trained on them here' }] : [],
      message: `${e.misaligned} of ${e.samples} training masks match their image clearly better ${how} than as they are (a median match of ${fmt(e.best)}, against ${fmt(e.plain)} as given${e.mirrored && e.shifted ? `; ${e.mirrored} mirrored, ${e.shifted} shifted` : ''}): the augmentation ${e.mirrored >= e.shifted ? 'flipped the image and not its mask' : 'cropped the image and its mask at different offsets'}, so those targets mark where the objects are not. Apply the same flip or crop, with the same random draw, to the image and its mask.`,
      evidence: [`${e.misaligned} of ${e.samples} masks out of line with their images`, `${e.mirrored} match better mirrored, ${e.shifted} shifted`],
      fixes: e.mirrored >= e.shifted && (e.site ?? e.fitSite) ? [{ title: 'Flip the mask with its image, on the same draw', plan: { kind: 'maskLikeImage', file: (e.site ?? e.fitSite)!.file } }] : [],
      atFix: true,
      ...certainFromTheRun(),
      confirmBy: set(...HARM, 'loss-not-decreasing', 'accuracy-not-increasing'),
    },
  ];
}

/**
 * A sequence tagger's tags padded at the other end from its token ids (ids padded at the start so
 * the last steps are words, tags written from position 0): in every row shorter than the longest,
 * each position's tag belongs to a word steps away, and real words are tagged as padding. Certain
 * from the data.
 */
function tagsMisaligned(run: ModelState): Hypothesis[] {
  const e = run.tagsMisaligned;
  if (!e) return [];
  const other = e.idsPadded === 'start' ? 'end' : 'start';
  return [
    {
      id: 'tags-misaligned',
      symptom: 'tags-misaligned',
      rootCause: 'training-data',
      location: e.site ?? e.fitSite,
      related: e.idsSite ? [{ site: e.idsSite, message: `the ids, padded at the ${e.idsPadded}` }] : [],
      message: `The token ids are padded at the ${e.idsPadded} of each row, but the tags at the ${other}: in ${e.otherEnd} of the ${e.padded} padded rows read, the run of 0 ids at the ${e.idsPadded} is matched by a run of tag ${fmt(e.padClass)} just as long at the ${other}. Each tag sits as many steps from its word as the row has padding, and real words are tagged as padding, so the model can learn little more than which tags are common where. Pad the tags at the same end as the ids.`,
      evidence: [`${e.otherEnd} of ${e.padded} padded rows: ids padded at the ${e.idsPadded}, tags (class ${fmt(e.padClass)}) at the ${other}`],
      fixes: [],
      ...certainFromTheRun(),
      confirmBy: set(...HARM, 'loss-not-decreasing', 'accuracy-not-increasing'),
    },
  ];
}

/**
 * Numbers written with a comma, parsed with parseFloat or parseInt, which stop at it: "2,150" is 2
 * and "0,73" is 0. Certain from the calls themselves, whatever training shows: the values the
 * model sees are not the data's. The fix removes the thousands separators, or reads the decimal
 * comma as a point, before the parse.
 */
function parsedToComma(run: ModelState): Hypothesis[] {
  const e = run.script.parsedToComma[0];
  if (!e) return [];
  const thousands = e.kind === 'thousands';
  return [
    parsedWrong(
      'number-cut-at-comma',
      e.site,
      `${e.fn} stops at the first character that is not part of a number, and these numbers are written with a ${thousands ? 'thousands separator' : 'decimal comma'}: ${e.fn}('${e.example}') is ${fmt(e.value)}${e.count > 1 ? `, and so on for at least ${e.count} values` : ''}. ${thousands ? 'Every value of 1,000 or more keeps only its thousands' : 'Every value keeps only its integer part'}, so the model trains on numbers the data does not hold. ${thousands ? 'Remove the commas before parsing' : 'Read the comma as a decimal point before parsing'}.`,
      [`${e.fn}('${e.example}') returned ${fmt(e.value)}`, `${e.count} numbers with a comma parsed`],
      { title: thousands ? 'Remove the thousands separators before parsing' : 'Read the decimal comma as a point before parsing', plan: { kind: 'parseWithComma', site: e.site, fn: e.fn, thousands } },
    ),
  ];
}

/**
 * Hexadecimal ids parsed with parseInt and no radix: it reads decimal digits up to the first letter
 * ('9c4e' is 9) or returns NaN ('a3f1'), so many distinct ids become one number and whatever the
 * model learns per id is shared among them. Certain from the calls; the fix gives radix 16.
 */
function parsedHexAsDecimal(run: ModelState): Hypothesis[] {
  const e = run.script.parsedHexAsDecimal[0];
  if (!e) return [];
  const value = e.value === null || Number.isNaN(e.value) ? 'NaN' : fmt(e.value);
  return [
    parsedWrong(
      'hex-parsed-as-decimal',
      e.site,
      `parseInt is given hexadecimal text without a radix, and reads it as decimal: parseInt('${e.example}') is ${value}, and so on for at least ${e.count} distinct ids. It stops at the first letter, or returns NaN when the text starts with one, so many distinct ids become one number, and whatever the model learns for one id it learns for all of them. Give the radix: parseInt(text, 16).`,
      [`parseInt('${e.example}') returned ${value}`, `${e.count} distinct hexadecimal texts parsed without a radix`],
      { title: 'Parse the ids as hexadecimal: parseInt(text, 16)', plan: { kind: 'parseHex', site: e.site } },
    ),
  ];
}

/**
 * Numbers written behind a currency sign ('$17.50') given to parseFloat or parseInt: both return NaN
 * for text that starts with something other than a number, so every value of the column is NaN.
 * Certain from the calls; the fix takes the sign off before parsing. It explains the NaN the inputs
 * then hold, which is shown where they become a tensor.
 */
function parsedBehindSymbol(run: ModelState): Hypothesis[] {
  const e = run.script.parsedBehindSymbol[0];
  if (!e) return [];
  return [
    {
      ...parsedWrong(
        'number-behind-symbol',
        e.site,
        `${e.fn} returns NaN for text that does not start with a number, and these numbers are written behind a currency sign: ${e.fn}('${e.example}') is NaN, and so on for at least ${e.count} values. Every value of the column is NaN, and so is anything computed from it: a mean taken to scale it, the loss, and the weights after the first step. Take the sign off before parsing.`,
        [`${e.fn}('${e.example}') returned NaN`, `${e.count} numbers behind '${e.symbol}' parsed`],
        { title: `Take the '${e.symbol}' off before parsing`, plan: { kind: 'stripSymbol', site: e.site, fn: e.fn, symbol: e.symbol } },
      ),
      explains: ['targets-unrelated', 'non-finite-data'],
    },
  ];
}

/** A softmax that can give the right class at most this probability has a loss floor worth telling. */
const CAPPED_PROBABILITY = 0.9;

/**
 * A softmax cross-entropy given logits clipped to a narrow range (`tf.clipByValue(logits, 0, 1)`,
 * meant to keep exp() from overflowing, which the loss already avoids): with K classes the
 * softmax can give the right class at most e^hi / (e^hi + (K − 1)·e^lo), so the loss has a floor
 * above 0, and the clip passes no gradient to a logit outside the range, which then never moves
 * back. Certain from the loss call's input; the fix removes the clip.
 */
function logitsClipped(run: ModelState): Hypothesis[] {
  for (const call of run.lossCalls.values()) {
    const c = call.logitsClipped;
    const k = call.classes;
    if (!c || !isNum(k) || k < 2) continue;
    const best = Math.exp(c.high) / (Math.exp(c.high) + (k - 1) * Math.exp(c.low));
    if (!(best <= CAPPED_PROBABILITY)) continue;
    return [
      {
        id: 'logits-clipped',
        symptom: 'logits-clipped',
        rootCause: 'output-activation',
        location: c.site,
        related: call.site ? [{ site: call.site, message: `${call.fn} given the clipped logits` }] : [],
        message: `The logits are clipped to [${fmt(c.low)}, ${fmt(c.high)}] before ${call.fn}: with ${k} classes the softmax can then give the right class at most ${fmt(best)}, so the loss can never fall below ${fmt(-Math.log(best))}, and the clip passes no gradient to a logit outside the range, so a wrong class stuck above it or a right one stuck below never moves back. ${call.fn} computes the softmax stably from logits of any size: remove the clip.`,
        evidence: [`logits clipped to [${fmt(c.low)}, ${fmt(c.high)}]`, `${k} classes: at most ${fmt(best)} for the right one, a loss floor of ${fmt(-Math.log(best))}`],
        fixes: [{ title: 'Give the loss the logits unclipped', plan: { kind: 'unwrapCall', site: c.site, op: 'clipByValue', arity: 3 } }],
        ...certainFromTheRun(),
        confirmBy: set(...HARM),
      },
    ];
  }
  return [];
}

/**
 * A softmax given cosine similarities as they are: logits in [-1, 1], so with K classes the right
 * one gets at most e / (e + (K − 1)/e), and the loss has a floor far above 0 (and its gradients
 * shrink as it nears it). Normalized-softmax heads multiply the cosines by a scale (10 to 30).
 * Certain from the step's kernels; fixed by scaling the logits where the softmax takes them.
 */
const COSINE_SCALE = 16;

function cosineLogits(run: ModelState): Hypothesis[] {
  const e = run.cosineLogits;
  if (!e || !e.site) return [];
  const best = Math.E / (Math.E + (e.classes - 1) / Math.E);
  if (!(best <= CAPPED_PROBABILITY)) return [];
  return [
    {
      id: 'logits-clipped:cosine',
      symptom: 'logits-clipped',
      rootCause: 'architecture',
      location: e.site,
      related: [],
      message: `The softmax is given cosine similarities as they are, and cosines lie in [-1, 1]: over ${e.classes} classes it can give the right class at most ${fmt(best)}, so the loss can never fall below ${fmt(-Math.log(best))}, and the model stays unconfident however well it separates the classes. A cosine head multiplies the similarities by a scale (10 to 30) before the softmax.`,
      evidence: [`softmax over ${e.classes} cosine similarities: at most ${fmt(best)} for the right class`],
      fixes: [{ title: `Scale the cosines by ${COSINE_SCALE} before the softmax`, plan: { kind: 'scaleSoftmaxInput', site: e.site, by: COSINE_SCALE } }],
      ...certainFromTheRun(),
      confirmBy: set(...HARM),
    },
  ];
}

/**
 * tf.dropout given a constant seed: it draws the same numbers at every call, so every step drops
 * the same units. They never receive a gradient and keep their first weights, the others always
 * train scaled up, and at inference, with dropout off, the untrained units add noise. Certain from
 * the calls across steps; the fix drops the seed.
 */
function dropoutSeedFixed(run: ModelState): Hypothesis[] {
  // One finding, on the model that was training when the seed was seen (a GAN has two).
  return run.script.dropoutSeedFixed.filter((e) => e.modelId === undefined || e.modelId === run.modelId).map((e) => (e.fn ? noiseSeedFixed(e) : dropoutMaskFixed(e)));
}

function dropoutMaskFixed(e: DropoutSeedFixedEvent): Hypothesis {
  return (
    {
      id: 'dropout-mask-fixed',
      symptom: 'dropout-mask-fixed',
      rootCause: 'regularization',
      location: e.site,
      related: [],
      message: `tf.dropout is given the same seed (${e.seed}) at every call, over ${e.steps} optimizer steps so far: a seed fixes the numbers it draws, so every step drops exactly the same units. Those units never receive a gradient and keep their initial weights, the others always train scaled by 1 / (1 − rate), and at inference, without dropout, the untrained units add noise to every prediction. Leave the seed out (seed the whole run once, if it must be reproducible).`,
      evidence: [`seed ${e.seed} at ${e.steps} steps`],
      fixes: [{ title: 'Leave the seed out: a new mask at every step', plan: { kind: 'dropSeedArg', site: e.site } }],
      ...certainFromTheRun(),
      confirmBy: set(...HARM, 'overfitting'),
    }
  );
}

/**
 * A noise draw given the same seed at every training step: every step gets the very same noise (a
 * GAN generator sees one latent batch and learns to map only it). Certain from the calls across
 * steps; the fix drops the seed.
 */
function noiseSeedFixed(e: DropoutSeedFixedEvent): Hypothesis {
  return {
    id: 'noise-seed-fixed',
    symptom: 'noise-seed-fixed',
    rootCause: 'training-data',
    location: e.site,
    related: [],
    message: `tf.${e.fn} is given the same seed (${e.seed}) at every call, over ${e.steps} optimizer steps so far: a seed fixes the numbers it draws, so every step gets exactly the same noise. What trains on it (a GAN's generator, a denoiser, a noise augmentation) sees one sample of the noise over and over, learns to handle only that, and meets fresh noise first at evaluation. Leave the seed out (seed the whole run once, if it must be reproducible).`,
    evidence: [`seed ${e.seed} at ${e.steps} steps`],
    fixes: [{ title: 'Leave the seed out: new noise at every step', plan: { kind: 'dropSeedArg', site: e.site } }],
    ...certainFromTheRun(),
  };
}

/**
 * A finding certain from the script's own calls that read its data from text, outside training,
 * shown on the call. Values read wrong make rows alike that differ in their targets: it explains
 * targets that look unrelated to the inputs.
 */
function parsedWrong(symptom: 'number-cut-at-comma' | 'number-sign-dropped' | 'split-on-words' | 'hex-parsed-as-decimal' | 'dates-from-seconds' | 'number-behind-symbol', site: SourceSite, message: string, evidence: string[], fix: PlannedFix): Hypothesis {
  return {
    id: symptom,
    symptom,
    rootCause: 'training-data',
    location: site,
    related: [],
    message,
    evidence,
    fixes: [fix],
    ...certainFromTheRun(),
    confirmBy: set(...HARM, 'loss-not-decreasing', 'accuracy-not-increasing'),
    explains: ['targets-unrelated'],
  };
}

/**
 * Numbers read from text with a regular expression that has no minus sign (`/\d+(\.\d+)?/g`): every
 * negative value comes out positive. Certain from the matches themselves. The fix lets the pattern
 * take an optional sign.
 */
function signDropped(run: ModelState): Hypothesis[] {
  const e = run.script.signDropped[0];
  if (!e) return [];
  return [
    parsedWrong(
      'number-sign-dropped',
      e.site,
      `The numbers are read with ${e.pattern}, which has no minus sign: "${e.example}" comes out as ${e.kept}${e.count > 1 ? `, and so on for at least ${e.count} signed numbers` : ''}. Every negative value becomes positive, so the model trains on values the data does not hold. Let the pattern take a sign (\`-?\` in front of the digits).`,
      [`"${e.example}" matched as "${e.kept}"`, `${e.count} signed numbers lost their sign`],
      { title: 'Let the pattern take a minus sign', plan: { kind: 'regexTakesSign', site: e.site } },
    ),
  ];
}

/**
 * Weekdays, hours or months read from dates in the first months of 1970: Unix times in seconds
 * given to new Date, which takes milliseconds. Every date lands between 12 January and 26 April
 * 1970, and the calendar features made from them are not the events'. Certain from the reads; the
 * fix multiplies the time by 1000 where the date is made.
 */
function datesFromSeconds(run: ModelState): Hypothesis[] {
  const e = run.script.datesFromSeconds[0];
  if (!e) return [];
  const day = new Date(e.example).toISOString().slice(0, 10);
  return [
    {
      ...parsedWrong(
        'dates-from-seconds',
        e.site,
        `Calendar fields are read from dates in the first months of 1970 (the first on ${day}, from a time value of ${fmt(e.example)}; ${e.reads} reads in all): Unix times in seconds given to new Date, which takes milliseconds. Every date lands between 12 January and 26 April 1970, so the weekdays, hours and months made from them are not the events' own. Multiply the time by 1000 where the date is made.`,
        [`${e.reads} calendar reads of dates in early 1970`, `first time value ${fmt(e.example)}`],
        { title: 'Read the time as seconds: new Date(t * 1000)', plan: { kind: 'dateFromSeconds', site: e.site } },
      ),
      // Shown where the date is made, not where it is read.
      atFix: true,
    },
  ];
}

/**
 * tf.image.rotateWithOffset given angles beyond a whole turn: it takes radians, and an augmentation
 * drawing up to 15 or 30 (degrees) turns each image by any angle at all, so labels that depend on
 * orientation no longer match their images. Certain from the calls; the fix converts the angle's
 * constant from degrees.
 */
function rotatedByDegrees(run: ModelState): Hypothesis[] {
  const e = run.script.rotatedByDegrees[0];
  if (!e) return [];
  return [
    {
      id: 'rotated-by-degrees',
      symptom: 'rotated-by-degrees',
      rootCause: 'training-data',
      location: e.site,
      related: [],
      message: `Images are rotated by up to ${fmt(e.largest)} radians (${Math.round((e.largest * 180) / Math.PI)}°): tf.image.rotateWithOffset takes radians, and an angle written in degrees turns each image by several turns, to any angle at all. What the images' orientation said is lost, and the labels no longer match them. Convert the angle to radians (× π / 180).`,
      evidence: [`largest angle ${fmt(e.largest)} rad over ${e.calls} calls`],
      fixes: [{ title: 'Convert the angle from degrees to radians', plan: { kind: 'degreesToRadians', site: e.site } }],
      ...certainFromTheRun(),
      confirmBy: set(...HARM, 'loss-not-decreasing', 'accuracy-not-increasing'),
      explains: ['targets-unrelated'],
    },
  ];
}

/**
 * Text that begins with a byte-order mark (spreadsheet exports write U+FEFF first) split into a
 * header: the first name keeps the mark, so the column looked up by its plain name is missing from
 * every row. Certain once the training inputs show it: a column of one value in every row, or NaN.
 * The fix strips the mark before the split.
 */
function byteOrderMarkKept(run: ModelState): Hypothesis[] {
  const e = run.script.splitWithByteOrderMark[0];
  const x = run.data.x.get(0)?.summary;
  if (!e || !x) return [];
  const constant = (x.columnSpreads ?? []).findIndex((v) => v === 0);
  if (constant < 0 && !(x.nanCount > 0)) return [];
  const shows = constant >= 0 ? `input column ${constant} holds one value in every row` : `the inputs hold ${x.nanCount} NaN`;
  return [
    {
      id: 'byte-order-mark-kept',
      symptom: 'byte-order-mark-kept',
      rootCause: 'training-data',
      location: e.site,
      related: [],
      message: `The text split on line ${e.site.line} begins with a byte-order mark (U+FEFF, which spreadsheet exports write first): its first name reads "\\uFEFF${e.firstField}", not "${e.firstField}", so a field looked up by that name is missing from every row, and ${shows}. Strip the mark before splitting.`,
      evidence: [`text beginning with U+FEFF split on line ${e.site.line}`, shows],
      fixes: [{ title: 'Strip the byte-order mark before splitting', plan: { kind: 'stripByteOrderMark', site: e.site } }],
      ...certainFromTheRun(),
      confirmBy: set(...HARM, 'loss-not-decreasing'),
    },
  ];
}

/**
 * Values written under a number-like key no index is (`row[OFFSET + hour / 3] = 1` writes the key
 * "4.33"): JavaScript keeps them as named properties and the tensor, which reads indices alone,
 * never sees them, so a one-hot bucket stays all 0 in most rows. Certain from the arrays; the fix
 * rounds the file's one unrounded division in an index down.
 */
function valuesOffIndex(run: ModelState): Hypothesis[] {
  const e = run.script.valuesOffIndex[0];
  if (!e) return [];
  const keys = e.keys.map((k) => `"${k}"`).join(', ');
  const fractional = e.keys.some((k) => k.includes('.'));
  return [
    {
      id: 'values-off-index',
      symptom: 'values-off-index',
      rootCause: 'training-data',
      location: e.site,
      related: [],
      message: `${e.rowsWithKeys} of the ${e.rowsRead} rows given to tf.${e.call} on line ${e.site.line} hold values under keys that are no array index (${keys}): an element written at ${fractional ? 'a fractional index (a division not rounded down)' : 'a negative or fractional index'} becomes a named property of the array, and the tensor, which reads the indices 0 to length − 1 alone, never sees it. Those values are lost: their columns stay 0 in these rows. ${fractional ? 'Round the index down with Math.floor.' : 'Write within 0 to length − 1.'}`,
      evidence: [`${e.rowsWithKeys} of ${e.rowsRead} rows with keys ${keys}`],
      fixes: fractional ? [{ title: 'Round the index down with Math.floor', plan: { kind: 'floorIndex', file: e.site.file } }] : [],
      ...certainFromTheRun(),
      atFix: true,
      confirmBy: set(...HARM, 'loss-not-decreasing'),
    },
  ];
}

/** Ids this close together fit exactly in float32 once their smallest is taken off. */
const ID_BAND = 2 ** 24;

/**
 * Whole numbers past 2^24 (database ids) made into a float32 tensor, which holds only every 2nd,
 * 4th, 8th… whole number there: distinct ids merge before the script takes their base off or casts
 * them to int32, and every group shares one embedding row or one index. Certain where the ids lie in
 * a band an offset would have kept apart; the fix takes the offset off in JavaScript numbers.
 */
function integersRounded(run: ModelState): Hypothesis[] {
  const e = run.script.integersRounded.find((x) => x.distinctAfter < x.distinct && x.max - x.min < ID_BAND);
  if (!e) return [];
  return [
    {
      id: 'integers-rounded',
      symptom: 'integers-rounded',
      rootCause: 'training-data',
      location: e.site,
      related: [],
      message: `tf.${e.call} on line ${e.site.line} makes a float32 tensor of ${e.distinct} distinct whole numbers from ${fmt(e.min)} to ${fmt(e.max)}, past 2^24 (16,777,216), where float32 holds only every ${2 ** Math.max(1, Math.ceil(Math.log2(Math.max(Math.abs(e.min), Math.abs(e.max)))) - 24)}th whole number: they become ${e.distinctAfter} distinct values before anything is taken off them, so ids that differ share one value (one embedding row, one index). Take the offset off in JavaScript numbers and make the tensor int32.`,
      evidence: [`${e.distinct} distinct whole numbers from ${fmt(e.min)} to ${fmt(e.max)} become ${e.distinctAfter} in float32`],
      fixes: [{ title: 'Take the offset off before making the tensor, as int32', plan: { kind: 'offsetIdsFirst', site: e.site } }],
      ...certainFromTheRun(),
      confirmBy: set(...HARM, 'loss-not-decreasing'),
    },
  ];
}

/**
 * Patterns declared once with the global flag and tested text after text: test() starts at the
 * lastIndex the last match left, so texts are searched from the middle and answered wrong (labels or
 * features from keywords). Certain from the answers themselves; the fix drops the flag.
 */
function regexStateCarried(run: ModelState): Hypothesis[] {
  const events = run.script.regexStateCarried;
  const e = events[0];
  if (!e) return [];
  const wrong = events.reduce((a, x) => a + x.wrong, 0);
  const tested = events.reduce((a, x) => a + x.tested, 0);
  const patterns = events.map((x) => `/${x.source}/${x.flags}`).join(' and ');
  return [
    {
      id: 'regex-state-carried',
      symptom: 'regex-state-carried',
      rootCause: 'training-data',
      location: e.site,
      related: events.slice(1).map((x) => ({ site: x.site, message: `/${x.source}/${x.flags} is tested here` })),
      message: `${patterns} ${events.length > 1 ? 'have' : 'has'} the global flag, so test() starts where the last match ended, not at the start of the text it is given: on ${wrong} of the ${tested} texts tested after a match it answered otherwise than a fresh search would. Whatever was read from those answers (labels, keyword features) is wrong for them. Drop the g flag: test() needs none.`,
      evidence: events.map((x) => `/${x.source}/${x.flags}: ${x.wrong} of ${x.tested} tests from a carried lastIndex answered otherwise`),
      fixes: [{ title: 'Drop the global flag from the pattern', plan: { kind: 'dropGlobalFlag', file: e.site.file, patterns: events.map((x) => ({ source: x.source, flags: x.flags })) } }],
      atFix: true,
      ...certainFromTheRun(),
      confirmBy: set(...HARM, 'loss-not-decreasing', 'overfitting'),
    },
  ];
}

/**
 * Text split on a pattern that matches the words (`split(/\w+/)`, meant `/\W+/`): the tokens are the
 * spaces and punctuation between the words, the same few for every text. Certain from the calls.
 */
function splitOnWords(run: ModelState): Hypothesis[] {
  const e = run.script.splitOnWords[0];
  if (!e) return [];
  return [
    parsedWrong(
      'split-on-words',
      e.site,
      `The text is split on ${e.pattern}, which matches the words themselves: split drops what its pattern matches, so the pieces are the spaces and punctuation between the words ("${e.example}…" and ${e.texts > 1 ? `at least ${e.texts - 1} more texts` : 'others'}). Every text becomes the same few tokens, and the model cannot tell them apart. Split on what is not a word (\\W+).`,
      [`split(${e.pattern}) on ${e.texts} texts with words`],
      { title: 'Split on what is not a word', plan: { kind: 'splitOnNonWords', site: e.site } },
    ),
  ];
}

/**
 * Batch normalization trained on batches of a few rows: each batch's mean and variance are noise
 * (with 2 rows every value normalizes to about ±1), and the moving statistics used at prediction
 * time average that noise. A stall or a swinging loss confirms it.
 */
function tinyBatchNormalization(view: ModelView): Hypothesis[] {
  const batchSize = view.event.fitConfig['batchSize'];
  const fitSite = view.event.fitSite;
  if (view.event.mode !== 'fit' || typeof batchSize !== 'number' || batchSize > 4 || !fitSite) return [];
  const norms = view.layers.filter((l) => isBatchNormalization(l.info.className));
  if (norms.length === 0) return [];
  const first = norms[0]!;
  return [
    {
      id: 'batch-size:batchNormalization',
      symptom: 'loss-oscillating',
      rootCause: 'batch-size',
      layer: null,
      location: fitSite,
      related: first.info.site ? [{ site: first.info.site, message: `${first.info.name} normalizes over each batch` }] : [],
      message: `fit trains on batches of ${batchSize}, and ${first.info.name}${norms.length > 1 ? ` (and ${norms.length - 1} more batch normalization layer${norms.length > 2 ? 's' : ''})` : ''} normalizes each unit with the mean and variance of those ${batchSize} rows: statistics of ${batchSize} rows are noise, so training sees shifting inputs, and the moving averages used for predictions average that noise. Batch normalization needs batches of 16 or more.`,
      evidence: [`batchSize ${batchSize}`, `${norms.length} batch normalization layer${norms.length === 1 ? '' : 's'}`],
      relevance: new Map(norms.map((l) => [l.pos, { score: 0.8, evidence: `normalizes over batches of ${batchSize}` }])),
      fixes: [batchSizeFix(fitSite)],
      confirmBy: set(...HARM, 'loss-oscillating', 'overfitting'),
      strength: 0.85,
      weak: false,
    },
  ];
}

/**
 * Batch normalization with a momentum of 1 or more: its moving mean and variance, which predict and
 * evaluate normalize with, keep their starting 0 and 1 (or run away), while training normalizes
 * with each batch's own statistics. The model trains well and predicts on unnormalized values.
 * Certain from the setting.
 */
function frozenMovingStatistics(view: ModelView): Hypothesis[] {
  const out: Hypothesis[] = [];
  for (const l of view.layers) {
    const m = l.info.config['momentum'];
    if (!isBatchNormalization(l.info.className) || typeof m !== 'number') continue;
    if (m <= LAST_BATCH_MOMENTUM) {
      out.push(lastBatchStatistics(l, m));
      continue;
    }
    if (m < 1) continue;
    out.push({
      id: `moving-statistics-frozen:${l.info.name}`,
      symptom: 'moving-statistics-frozen',
      rootCause: 'architecture',
      layer: l,
      location: l.info.site,
      related: [],
      message: `${l.info.name} has momentum ${fmt(m)}: each step keeps ${m === 1 ? "all of its moving mean and variance and adds none of the batch's" : "more than all of its moving mean and variance and subtracts some of the batch's"}, so they ${m === 1 ? 'stay at their starting 0 and 1' : 'run away from the data'} for good. Training normalizes with each batch's own statistics and looks fine, but predict, evaluate and validation normalize with the moving ones, on values that were never scaled. Keras's momentum is the share kept (0.99 by default); PyTorch's is the share added.`,
      evidence: [`${l.info.name}: momentum ${fmt(m)}`],
      relevance: new Map([[l.pos, { score: 1, evidence: `moving statistics frozen (momentum ${fmt(m)})` }]]),
      fixes: [{ title: `Use momentum 0.99 on ${l.info.name}`, plan: { kind: 'layerNumber', layer: l.info, key: 'momentum', to: 0.99 } }],
      confirmBy: set(...HARM, 'validation-at-chance', 'overfitting'),
      strength: 0.95,
      weak: false,
      keepWhenLearning: true,
      certain: true,
      atFix: true,
    });
  }
  return out;
}

/** A momentum this low keeps next to nothing of the moving statistics from batch to batch. */
const LAST_BATCH_MOMENTUM = 0.1;

/**
 * Batch normalization with a momentum of 0 (written for "no momentum", or PyTorch's 0.1, the share
 * added): each step replaces the moving mean and variance with the batch's own, so predict and
 * evaluate normalize with the statistics of the last batch of training alone, often the few rows
 * left over at an epoch's end. Certain from the setting.
 */
function lastBatchStatistics(l: LayerView, m: number): Hypothesis {
  return {
    id: `moving-statistics-one-batch:${l.info.name}`,
    symptom: 'moving-statistics-one-batch',
    rootCause: 'architecture',
    layer: l,
    location: l.info.site,
    related: [],
    message: `${l.info.name} has momentum ${fmt(m)}: tfjs's momentum is the share of the moving mean and variance kept at each step (0.99 by default; PyTorch's is the share added), so each step ${m === 0 ? 'replaces them with' : 'keeps almost nothing of them besides'} the batch's own. Training normalizes with each batch's statistics and looks fine, but predict, evaluate and validation normalize with those of the last training batch alone, often the few rows left over at an epoch's end.`,
    evidence: [`${l.info.name}: momentum ${fmt(m)}`],
    relevance: new Map([[l.pos, { score: 1, evidence: `moving statistics from one batch (momentum ${fmt(m)})` }]]),
    fixes: [{ title: `Use momentum 0.99 on ${l.info.name}`, plan: { kind: 'layerNumber', layer: l.info, key: 'momentum', to: 0.99 } }],
    confirmBy: set(...HARM, 'validation-at-chance', 'overfitting'),
    strength: 0.95,
    weak: false,
    keepWhenLearning: true,
    certain: true,
    atFix: true,
  };
}

/** A per-axis setting as the probe sends it ("5,5", or one number for every axis), for `rank` axes. */
function perAxis(value: unknown, rank: number): number[] | null {
  if (typeof value === 'number') return new Array(rank).fill(value);
  if (typeof value !== 'string') return null;
  const list = value.split(',').map(Number);
  return list.length === rank && list.every((n) => Number.isInteger(n) && n > 0) ? list : null;
}

/**
 * A convolution whose stride is larger than its kernel along an axis: its windows leave gaps, so
 * rows or columns between them are never read by any filter, and whatever lies only there is lost.
 * A stall confirms it; the fix steps by 1.
 */
function strideSkipsInput(view: ModelView): Hypothesis[] {
  const out: Hypothesis[] = [];
  for (const l of view.layers) {
    if (!/^conv[123]d$|^separableconv2d$|^depthwiseconv2d$/i.test(l.info.className)) continue;
    const kernel = kernelShape(l);
    const rank = kernel ? kernel.length - 2 : 0;
    const strides = perAxis(l.info.config['strides'], rank);
    const dilation = perAxis(l.info.config['dilationRate'], rank) ?? new Array(rank).fill(1);
    if (!kernel || rank < 1 || !strides) continue;
    const span = kernel.slice(0, rank).map((k, i) => (typeof k === 'number' ? (k - 1) * dilation[i]! + 1 : null));
    if (span.some((k) => k === null) || !strides.some((s, i) => s > span[i]!)) continue;
    const read = strides.reduce((a, s, i) => a * Math.min(1, span[i]! / s), 1);
    out.push({
      id: `stride-skips-input:${l.info.name}`,
      symptom: 'stride-skips-input',
      rootCause: 'architecture',
      layer: l,
      location: l.info.site,
      related: [],
      message: `${l.info.name} moves its ${span.join('×')} window ${strides.join('×')} at a time: a stride larger than the window leaves gaps, so about ${pct(1 - read)} of its input is never read by any filter, and a pattern that lies in the gaps cannot be seen. Strides up to the kernel's size (1 is usual) read every value.`,
      evidence: [`${l.info.name}: kernel ${span.join('×')}, strides ${strides.join('×')}`, `about ${pct(read)} of the input read`],
      relevance: new Map([[l.pos, { score: 1, evidence: `strides ${strides.join('×')} over a ${span.join('×')} kernel` }]]),
      fixes: [{ title: `Step ${l.info.name} by 1`, plan: { kind: 'layerNumber', layer: l.info, key: 'strides', to: 1 } }],
      confirmBy: set(...HARM),
      strength: 0.85,
      weak: false,
    });
  }
  return out;
}

/**
 * Convolutions that all use 1×1 kernels, pooled globally: each filter reads one position at a time
 * and the global pooling then averages positions away, so the model sees how much of each value
 * there is, never where: a pattern told by its shape (a horizontal bar from a vertical one) cannot
 * be learned. A stall confirms it; the fix gives each convolution a 3-wide kernel.
 */
function pointwiseOnly(view: ModelView): Hypothesis[] {
  const convs = view.layers.filter((l) => /^conv[123]d$/i.test(l.info.className));
  const pooled = view.layers.some((l) => /^global(?:average|max)pooling[123]d$/i.test(l.info.className));
  if (convs.length === 0 || !pooled || view.layers.some((l) => /^(?:lstm|gru|simplernn|conv[123]dtranspose|separableconv2d|depthwiseconv2d)$/i.test(l.info.className))) return [];
  const kernels = convs.map((l) => kernelShape(l));
  if (!kernels.every((k) => k && k.length >= 3 && k.slice(0, k.length - 2).every((d) => d === 1))) return [];
  const first = convs[0]!;
  const fixes = convs.map((l) => ({ kind: 'layerNumber' as const, layer: l.info, key: 'kernelSize', to: 3 }));
  return [
    {
      id: `pointwise-only:${first.info.name}`,
      symptom: 'pointwise-convolutions',
      rootCause: 'architecture',
      layer: first,
      location: first.info.site,
      related: convs.slice(1).flatMap((l) => (l.info.site ? [{ site: l.info.site, message: `${l.info.name}: 1-wide kernel too` }] : [])),
      message: `Every convolution here (${convs.map((l) => l.info.name).join(', ')}) has a kernel 1 wide, and a global pooling layer then averages over all positions: each filter reads one position at a time, so the model learns how much of each value an input holds but never where, and a pattern told by its shape cannot be learned. A kernel of 3 lets the filters see neighbouring positions.`,
      evidence: convs.map((l) => `${l.info.name}: kernel ${kernelShape(l)!.slice(0, -2).join('×')}`),
      relevance: new Map(convs.map((l) => [l.pos, { score: 0.9, evidence: 'reads one position at a time' }])),
      fixes: [{ title: 'Give the convolutions 3-wide kernels', plan: fixes.length === 1 ? fixes[0]! : { kind: 'all', parts: fixes } }],
      confirmBy: set(...HARM),
      strength: 0.85,
      weak: false,
    },
  ];
}

/** Targets whose mean lies this many spreads from 0 need an offset somewhere in the model. */
const OFFSET_SPREADS = 2;

/**
 * A model none of whose layers has a bias (`useBias: false` everywhere, as recipes do before a
 * batch normalization that is not there), fit to targets centred far from 0: on centred inputs the
 * model can only reach the offset through large weights on the inputs' own spread, and it stalls
 * far above a model with biases. A stall confirms it; the fix gives the layers their biases back.
 */
function noBias(view: ModelView, run: ModelState): Hypothesis[] {
  const weighted = view.layers.filter((l) => l.kind === 'weighted');
  if (weighted.length === 0 || view.outputs.length !== 1 || view.layers.some((l) => l.kind === 'normalization' || isBatchNormalization(l.info.className))) return [];
  if (!weighted.every((l) => l.info.config['useBias'] === false)) return [];
  const s = run.data.y.get(0)?.summary;
  if (!s || s.mean === null || s.std === null || Math.abs(s.mean) < OFFSET_SPREADS * Math.max(s.std, 1e-6)) return [];
  const parts = weighted.map((l) => ({ kind: 'layerValue' as const, layer: l.info, key: 'useBias', to: 'true' }));
  const first = weighted[0]!;
  return [
    {
      id: `bias-missing:${first.info.name}`,
      symptom: 'bias-missing',
      rootCause: 'architecture',
      layer: first,
      location: first.info.site,
      related: weighted.slice(1).flatMap((l) => (l.info.site ? [{ site: l.info.site, message: `${l.info.name}: useBias false too` }] : [])),
      message: `No layer of the model has a bias (useBias: false on ${weighted.map((l) => l.info.name).join(', ')}, and no batch normalization to add one), but the targets centre on ${fmt(s.mean)} with a spread of ${fmt(s.std)}: the model can only reach that offset through its weights on the inputs, so it fits the offset badly and the rest worse. Turning biases off is meant for a layer followed by batch normalization, whose beta is the bias.`,
      evidence: [`useBias false on all ${weighted.length} weighted layers`, `targets: mean ${fmt(s.mean)}, spread ${fmt(s.std)}`],
      relevance: new Map(weighted.map((l) => [l.pos, { score: 0.8, evidence: 'no bias' }])),
      fixes: [{ title: 'Give the layers their biases (useBias: true)', plan: parts.length === 1 ? parts[0]! : { kind: 'all', parts } }],
      confirmBy: set(...HARM, 'loss-oscillating'),
      strength: 0.85,
      weak: false,
    },
  ];
}

/**
 * Hidden layers squashed by sigmoid, trained by plain SGD: sigmoid's slope is at most 1/4, so each
 * such layer shrinks the gradient reaching the layers below, and SGD's steps shrink with it (an
 * adaptive optimizer would rescale them). Hidden until a stall needs a cause.
 */
function hiddenSigmoid(view: ModelView): Hypothesis[] {
  const opt = view.event.optimizer?.className.toLowerCase() ?? '';
  if (!opt.includes('sgd') || opt.includes('momentum')) return [];
  const outputs = new Set(view.outputs.map((o) => o.actLayer.pos));
  const squashed = view.layers.filter((l) => l.kind === 'weighted' && l.act === 'sigmoid' && !outputs.has(l.pos) && !view.outputs.some((o) => o.layer === l));
  if (squashed.length === 0) return [];
  const first = squashed[0]!;
  const fix = combine(
    squashed.length === 1 ? `Use relu instead of sigmoid on ${first.info.name}` : `Use relu instead of sigmoid on the ${squashed.length} hidden layers`,
    squashed.map((l) => activationFix(l, 'relu')),
  );
  return [
    {
      id: `hidden-sigmoid:${first.info.name}`,
      symptom: 'vanishing-gradient',
      rootCause: 'hidden-activation',
      layer: first,
      location: first.info.site,
      related: squashed.slice(1, 4).flatMap((l) => (l.info.site ? [{ site: l.info.site, message: `${l.info.name}: sigmoid too` }] : [])),
      message: `${squashed.length === 1 ? `${first.info.name} applies` : `${squashed.length} hidden layers, from ${first.info.name}, apply`} sigmoid, whose slope is at most 1/4: the gradient reaching the layers below shrinks at each one, and plain SGD's steps shrink with it. Use relu in hidden layers.`,
      evidence: [`${squashed.length} hidden layer${squashed.length === 1 ? '' : 's'} with sigmoid`, `optimizer ${view.event.optimizer?.className ?? 'SGD'}`],
      relevance: new Map(squashed.map((l, i) => [l.pos, { score: i === 0 ? 1 : 0.7, evidence: 'sigmoid in a hidden layer' }])),
      fixes: fix ? [fix] : [],
      confirmBy: set('loss-not-decreasing', 'accuracy-not-increasing'),
      strength: 0.4,
      weak: true,
    },
  ];
}

/**
 * Softmax on a hidden layer (copied from the output layer): it squeezes the layer's units into
 * probabilities that sum to 1, about 1/units each, and passes back a gradient that many times
 * smaller, so the layers below barely learn. A warning, confirmed by a stall, which it then explains.
 * Attention's softmax, over scores a Dot layer made or weighing values in one, is meant.
 */
function hiddenSoftmax(view: ModelView): Hypothesis[] {
  const outputs = new Set(view.outputs.map((o) => o.actLayer.pos));
  // Attention weights: a softmax over scores a Dot layer made, or weighing values in one.
  const products = (positions: number[]) => positions.some((p) => /^(?:Dot|Multiply)$/.test(view.layers[p]?.info.className ?? ''));
  const hidden = view.layers.filter((l) => l.act === 'softmax' && !outputs.has(l.pos) && (l.kind === 'weighted' || l.kind === 'activation') && !products(l.preds) && !products(l.succs));
  return hidden.slice(0, 2).map((l) => {
    const units = l.units ?? view.ownerOf(l).units;
    return {
      id: `hidden-softmax:${l.info.name}`,
      symptom: 'hidden-softmax',
      rootCause: 'hidden-activation',
      layer: l,
      location: l.info.site,
      related: [],
      message: `${l.info.name} is a hidden layer with softmax: its ${units ?? ''} units are squeezed into probabilities that sum to 1${units ? `, about ${fmt(1 / units)} each` : ''}, so the next layer sees almost the same small values for every input and the gradient passed back is shrunk as much. Softmax belongs on the output; use relu here.`,
      evidence: [`${l.info.name} applies softmax and is not an output`],
      relevance: new Map([[l.pos, { score: 1, evidence: 'softmax in a hidden layer' }]]),
      fixes: [activationFix(l, 'relu')],
      confirmBy: set(...HARM, 'vanishing-gradient', 'weights-unchanged'),
      strength: 0.9,
      weak: false,
    };
  });
}

/**
 * A hidden Dense layer of 1 unit in a classifier of 3 classes or more (`units: 1` left from a
 * binary model): everything the output sees is one number, and behind a relu half the inputs give
 * the same 0, so most classes cannot be told apart. Certain behind a relu; otherwise confirmed by a stall.
 */
function oneUnitBottleneck(view: ModelView): Hypothesis[] {
  const outputs = new Set(view.outputs.map((o) => o.layer.pos));
  const classes = Math.max(0, ...view.outputs.map((o) => o.layer.units ?? 0));
  if (classes < 3) return [];
  const narrow = view.layers.find((l) => l.kind === 'weighted' && !outputs.has(l.pos) && l.units === 1 && /dense/i.test(l.info.className));
  if (!narrow) return [];
  const pred = narrow.preds.length === 1 ? view.layers[narrow.preds[0]!] : undefined;
  const width = Math.max(32, pred?.units ?? 0);
  return [
    {
      id: `bottleneck:${narrow.info.name}`,
      symptom: 'loss-not-decreasing',
      rootCause: 'architecture',
      layer: narrow,
      location: narrow.info.site,
      related: [],
      message: `${narrow.info.name} is a hidden layer of 1 unit in a model that tells ${classes} classes apart: everything after it sees a single number per sample${narrow.act === 'relu' ? ', which relu sets to 0 for about half the inputs,' : ''} so most of the classes cannot be separated. Give it ${width} units.`,
      evidence: [`${narrow.info.name}: 1 unit`, `output: ${classes} units`],
      relevance: new Map([[narrow.pos, { score: 1, evidence: 'one-unit bottleneck' }]]),
      fixes: [{ title: `Widen ${narrow.info.name} to ${width} units`, plan: { kind: 'layerNumber', layer: narrow.info, key: 'units', to: width } }],
      confirmBy: set('loss-not-decreasing', 'accuracy-not-increasing', 'dead-relu'),
      strength: 0.9,
      weak: false,
      // Behind a relu, every input on the unit's negative side is the same 0 to the rest of the
      // model, which can give all of them only one class: certain. Other activations keep an
      // order along one number that a few classes might follow, so they wait for a stall.
      certain: narrow.act === 'relu',
      // A model squeezed through one number still learns a little: learning does not refute it.
      keepWhenLearning: true,
    },
  ];
}

/** The shape a layer's call receives: its one predecessor's output, else the shape the probe recorded (a first layer's). */
function inputShapeOf(view: ModelView, l: LayerView): LayerView['info']['inputShape'] {
  const pred = l.preds.length === 1 ? view.layers[l.preds[0]!] : undefined;
  return pred?.info.outputShape ?? l.info.inputShape ?? null;
}

/**
 * A pooling window as large as the image (maxPooling2d({ poolSize: 28 }) on 28×28 maps): one value
 * per feature map is left, and where anything was in the image is gone. A classifier that needs
 * positions cannot learn; global pooling on purpose is common, so only a stall lends it weight.
 */
function wholeImagePooling(view: ModelView): Hypothesis[] {
  for (const l of view.layers) {
    if (!/^(max|average)pooling2d$/i.test(l.info.className)) continue;
    const inShape = inputShapeOf(view, l);
    const outShape = l.info.outputShape;
    if (!inShape || !outShape || inShape.length !== 4 || outShape.length !== 4) continue;
    const [, h, w] = inShape;
    const [, oh, ow] = outShape;
    if (!isNum(h) || !isNum(w) || h < 4 || w < 4 || oh !== 1 || ow !== 1) continue;
    return [
      {
        id: `whole-image-pooling:${l.info.name}`,
        symptom: 'loss-not-decreasing',
        rootCause: 'architecture',
        layer: l,
        location: l.info.site,
        related: [],
        message: `${l.info.name} pools each ${h}×${w} feature map into a single value, so the layers after it cannot tell where anything was in the image. Pool over small windows (poolSize 2) and keep the layout, unless where things are does not matter.`,
        evidence: [`${l.info.name}: ${h}×${w} in, 1×1 out`],
        relevance: new Map([[l.pos, { score: 1, evidence: `pools ${h}×${w} into 1×1` }]]),
        fixes: [{ title: `Pool over 2×2 windows in ${l.info.name}`, plan: { kind: 'layerNumber', layer: l.info, key: 'poolSize', to: 2 } }],
        confirmBy: set('loss-not-decreasing', 'accuracy-not-increasing'),
        strength: 0.45,
        weak: true,
      },
    ];
  }
  return globalPoolingOfLocalFeatures(view);
}

/**
 * Global pooling (globalAveragePooling2d) right after convolutions that each see only a small
 * patch of the image (all of them together less than half its side): what is left is how much of
 * each local pattern the image holds, not where, so a classifier told by position (which quarter
 * a spot is in) cannot learn. Global pooling on purpose is common, so only a stall lends it weight.
 */
function globalPoolingOfLocalFeatures(view: ModelView): Hypothesis[] {
  const pool = view.layers.find((l) => /^global(?:average|max)pooling2d$/i.test(l.info.className));
  if (!pool) return [];
  const before = view.layers.filter((l) => l.pos < pool.pos && l.kind !== 'input');
  const convs = before.filter((l) => /^conv2d$/i.test(l.info.className));
  const side = convs[0] ? inputShapeOf(view, convs[0])?.[1] : null;
  if (convs.length === 0 || !isNum(side)) return [];
  // The receptive field of one unit before the pooling: each window widens it by its size less 1, times the strides before it.
  let field = 1;
  let jump = 1;
  for (const l of before) {
    if (/^conv2d$/i.test(l.info.className)) {
      const k = kernelShape(l)?.[0];
      if (!isNum(k)) return [];
      field += (k - 1) * jump;
      jump *= perAxis(l.info.config['strides'], 2)?.[0] ?? 1;
    } else if (/^(max|average)pooling2d$/i.test(l.info.className)) {
      // A pool's stride is its size unless given.
      const p = perAxis(l.info.config['poolSize'], 2)?.[0] ?? 2;
      field += (p - 1) * jump;
      jump *= perAxis(l.info.config['strides'], 2)?.[0] ?? p;
    }
  }
  if (field * 2 > side) return [];
  const name = pool.info.name;
  return [
    {
      id: `whole-image-pooling:${name}`,
      symptom: 'loss-not-decreasing',
      rootCause: 'architecture',
      layer: pool,
      location: pool.info.site,
      related: [],
      message: `${name} averages each feature map over the whole ${side}×${side} image, and the convolutions before it each see a patch only ${field}×${field} wide: what is left is how much of each small pattern the image holds, not where it is, so the layers after it cannot tell images apart by position. Flatten the feature maps instead (or let the convolutions see most of the image), unless where things are does not matter.`,
      evidence: [`${convs.length} convolution${convs.length === 1 ? '' : 's'} with a receptive field of ${field}×${field} on a ${side}×${side} image`, `${name} pools each map to one value`],
      relevance: new Map([[pool.pos, { score: 1, evidence: 'keeps no position' }]]),
      fixes: pool.info.site ? [{ title: `Flatten the feature maps instead of ${name}`, plan: { kind: 'renameOp', site: pool.info.site, from: pool.info.className.replace(/^G/, 'g').replace(/2D$/, '2d'), to: 'flatten' } }] : [],
      confirmBy: set('loss-not-decreasing', 'accuracy-not-increasing'),
      strength: 0.45,
      weak: true,
    },
  ];
}

/** Sequences at least this long let an unbounded recurrent state compound out of range. */
const LONG_SEQUENCE = 10;

/**
 * A recurrent layer with an unbounded activation (LSTM(50, activation='relu'), a common tutorial
 * pattern) over long sequences: its state is not held within ±1 as tanh holds it, and compounds
 * step after step. Short sequences often train well so, which is why it stays quiet until the
 * loss diverges or turns non-finite (the layer's own outputs, when sampled, show it directly).
 */
function unboundedRecurrentState(view: ModelView): Hypothesis[] {
  for (const l of view.layers) {
    if (!RECURRENT_CELL.test(l.info.className) || SATURATING.has(l.act)) continue;
    // A constant recurrent kernel is the fault then (see constantRecurrentKernel): relu with an identity kernel is the IRNN recipe.
    if (constantInit(l.info.config['recurrentInitializer']) !== null) continue;
    const steps = inputShapeOf(view, l)?.[1];
    if (!isNum(steps) || steps < LONG_SEQUENCE) continue;
    return [
      {
        id: `runaway-recurrent-state:${l.info.name}`,
        symptom: 'runaway-recurrent-state',
        rootCause: 'hidden-activation',
        layer: l,
        location: l.info.site,
        related: [],
        message: `${l.info.name} (${l.info.className}) uses ${l.act} for its state, which nothing bounds: over ${steps} steps it compounds until the outputs and gradients blow up. Recurrent cells keep their state in range with tanh (the default).`,
        evidence: [`${l.info.name}: activation ${l.act}, sequences of ${steps} steps`],
        relevance: new Map([[l.pos, { score: 1, evidence: `${l.act} state over ${steps} steps` }]]),
        fixes: [{ title: `Use tanh (the default) instead of ${l.act} in ${l.info.name}`, plan: { kind: 'activation', layer: l.info, to: 'tanh' } }],
        confirmBy: set(...NUMERIC, 'loss-diverging', 'exploding-gradient', 'runaway-recurrent-state'),
        strength: 0.9,
        weak: false,
        quiet: true,
      },
    ];
  }
  return [];
}

/**
 * A recurrent layer whose recurrent kernel starts constant (`recurrentInitializer: 'ones'`, often
 * written for the identity of an IRNN): every unit adds up the whole state with the same weight,
 * so all units follow one value, multiplied by about units × c at each step: a relu state
 * overflows and a tanh state saturates at once. The fix is the identity (the IRNN recipe) under an
 * unbounded activation, else the default orthogonal kernel.
 */
function constantRecurrentKernel(view: ModelView): Hypothesis[] {
  const out: Hypothesis[] = [];
  for (const l of view.layers) {
    if (!RECURRENT_CELL.test(l.info.className)) continue;
    const described = l.info.config['recurrentInitializer'];
    const c = constantInit(described);
    if (c === null || c === 0 || !isNum(l.units) || l.units < 2) continue;
    const unbounded = !SATURATING.has(l.act);
    const to = unbounded ? 'identity' : 'orthogonal';
    const growth = Math.abs(c) * l.units;
    out.push({
      id: `weight-initialization:${l.info.name}:recurrent`,
      symptom: unbounded && growth > 1 ? 'runaway-recurrent-state' : 'weights-unchanged',
      rootCause: 'weight-initialization',
      layer: l,
      location: l.info.site,
      related: [],
      message: `${l.info.name} (${l.info.className}) starts with every recurrent weight ${fmt(c)} (recurrentInitializer ${initText(described)}): each unit adds up the whole state with the same weight, so all ${l.units} units follow one value${growth > 1 ? `, multiplied by about ${fmt(growth)} at every step: ${unbounded ? `a ${l.act} state overflows within a few steps` : 'the state saturates at once and passes no gradient'}` : ''}. ${unbounded ? 'An IRNN starts from the identity: recurrentInitializer \'identity\'.' : 'Use the default orthogonal recurrent kernel.'}`,
      evidence: [`${l.info.name}: recurrentInitializer ${initText(described)}, ${l.units} units, activation ${l.act}`],
      relevance: new Map([[l.pos, { score: 1, evidence: 'recurrent kernel starts constant' }]]),
      fixes: [{ title: `Use ${to} for ${l.info.name}'s recurrentInitializer`, plan: { kind: 'layerOption', layer: l.info, key: 'recurrentInitializer', to } }],
      confirmBy: set(...HARM, ...NUMERIC, 'loss-diverging', 'exploding-gradient', 'runaway-recurrent-state', 'saturated-activation', 'vanishing-gradient'),
      strength: 0.95,
      weak: false,
    });
  }
  return out;
}

/** Ratios as a reader sees them: '1/640' for a shrink, '×12' for growth. */
function ratioText(r: number): string {
  return r >= 1 ? `×${fmt(r)}` : `1/${Math.round(1 / r)}`;
}

/** Where a custom loop altered its gradients: the line that made what it applied, with its applyGradients call beside it. */
function alteredAt(e: GradientsAlteredEvent): Pick<Hypothesis, 'location' | 'related'> {
  return { location: e.madeBy?.site ?? e.applySite, related: e.applySite && e.madeBy ? [{ site: e.applySite, message: 'applied here' }] : [] };
}

/**
 * A custom loop whose gradients are clipped or scaled to a hundredth or less of what its steps
 * computed, before a plain (not adaptive) optimizer applies them: every step is that much smaller
 * than the learning rate says. Clipping against spikes leaves most steps alone; this left none. A
 * stall confirms it. A clip's fix keeps it, at ±1.
 */
function gradientsShrunk(run: ModelState): Hypothesis[] {
  const e = run.gradientsShrunk;
  if (!e || e.adaptive) return [];
  const clip = e.madeBy?.kernel === 'ClipByValue' && e.madeBy.bounds ? e.madeBy : null;
  const largest = Math.max(...e.ratios);
  // A division of each gradient (by a batch size, when the loss was already a mean): applied as computed, without it.
  const divided = !clip && e.madeBy?.kernel === 'RealDiv' ? e.madeBy : null;
  // A multiplication by the learning rate (a hand-written SGD's step) before an optimizer that applies it again.
  const multiplied = !clip && (e.madeBy?.kernel === 'Multiply' || e.madeBy?.kernel === 'Mul') ? e.madeBy : null;
  const lr = run.lastLearningRate ?? run.view?.event.optimizer?.learningRate ?? null;
  const byRate = multiplied && isNum(lr) && lr > 0 && e.ratios.every((r) => Math.abs(r - lr) <= 0.05 * lr);
  const how = clip
    ? `clips every gradient value to [${clip.bounds![0]}, ${clip.bounds![1]}]`
    : divided
      ? 'divides every gradient (already a mean over the batch, when the loss is one)'
      : byRate
        ? `multiplies every gradient by the learning rate (${fmt(lr)})`
        : multiplied
          ? 'multiplies every gradient by a small factor'
          : `scales the gradients down`;
  return [
    {
      id: 'gradients-shrunk',
      symptom: 'gradients-shrunk',
      rootCause: 'optimizer',
      layer: null,
      ...alteredAt(e),
      message: `The training loop ${how} before applyGradients: the gradients applied are ${ratioText(largest)} of those computed or less in every step measured, so each update is that much smaller than the learning rate intends. ${clip ? 'Clip only the spikes (±1), or clip by the global norm.' : byRate ? 'The optimizer multiplies by its learning rate itself, so each step is scaled by the rate twice: apply the gradients as computed.' : 'Apply the gradients as computed.'}`,
      evidence: [`applied/computed gradient norm at the steps measured: ${e.ratios.map(ratioText).join(', ')}`],
      relevance: new Map(),
      fixes: clip
        ? [{ title: 'Clip the gradients at ±1', plan: { kind: 'clipBounds', site: clip.site, to: 1 } }]
        : divided
          ? [{ title: 'Apply the gradients as computed: drop the division', plan: { kind: 'unwrapCall', site: divided.site, op: 'div', arity: 2 } }]
          : multiplied
            ? [
                // A clip by global norm whose norm is the sum of squares, never square-rooted: far too large.
                ...(byRate ? [] : [{ title: 'Take the square root of the sum of squares: that is the norm', plan: { kind: 'normTakesSqrt' as const, file: multiplied.site.file } }]),
                { title: `Apply the gradients as computed: the optimizer ${byRate ? 'applies the learning rate itself' : 'scales them by its learning rate'}`, plan: { kind: 'unwrapCall', site: multiplied.site, op: 'mul', arity: 2 } },
              ]
            : [],
      ...(multiplied && !byRate ? { atFix: true } : {}),
      confirmBy: set(...HARM),
      strength: 1,
      weak: false,
      // Scaled by exactly the optimizer's own rate: each step is the rate squared, never what was meant.
      ...(byRate ? { certain: true, keepWhenLearning: true } : {}),
    },
  ];
}

/**
 * A custom loop that clips its gradients and then applies the unclipped ones (`applyGradients(grads)`
 * after `clipped[k] = tf.clipByValue(grads[k], …)`): the clip does nothing, and a run that needed it
 * blows up. Seen at several applies in a row; a divergence or an overflow confirms it, and the fix
 * applies what the clip made.
 */
function clipsUnused(run: ModelState): Hypothesis[] {
  const e = run.clipsUnused;
  if (!e?.applySite) return [];
  return [
    {
      id: 'clipped-gradients-unused',
      symptom: 'clipped-gradients-unused',
      rootCause: 'optimizer',
      layer: null,
      location: e.applySite,
      related: e.clipSite ? [{ site: e.clipSite, message: 'the gradients are clipped here, and the result is never applied' }] : [],
      message: `The training loop clips its gradients, but applyGradients is given the unclipped ones (in each of ${e.steps} steps in a row): the clip does nothing, so every step is as large as the raw gradients make it. Apply the clipped gradients.`,
      evidence: [`the computed gradients were clipped, and the same unclipped tensors applied, ${e.steps} steps in a row`],
      relevance: new Map(),
      fixes: e.clipSite ? [{ title: 'Apply the clipped gradients', plan: { kind: 'applyClipped', site: e.applySite, clipSite: e.clipSite } }] : [],
      confirmBy: set('loss-diverging', 'loss-oscillating', 'non-finite-loss', 'non-finite-output', 'non-finite-weights', 'non-finite-gradients', 'exploding-gradient'),
      strength: 0.95,
      weak: false,
      explainsAllHarm: true,
    },
  ];
}

/**
 * A custom loop that adds noise to its gradients (gradient noise, a known regularizer) far larger
 * than the gradients: what it applies points nowhere near what it computed, so the steps wander.
 * A stall confirms it; the fix applies the gradients without the noise.
 */
function gradientsDrowned(run: ModelState): Hypothesis[] {
  const e = run.gradientsNoised;
  if (!e?.cosines?.length) return [];
  const add = e.madeBy?.kernel === 'Add' || e.madeBy?.kernel === 'AddV2' ? e.madeBy : null;
  return [
    {
      id: 'gradients-drowned',
      symptom: 'gradients-drowned',
      rootCause: 'regularization',
      layer: null,
      ...alteredAt(e),
      message: `The training loop adds to its gradients values far larger than they are before applyGradients: what it applies is ${e.ratios.map(ratioText).join(', ')} the size of the computed gradients at the first steps measured, and points nowhere near them (cosine ${e.cosines.map((c) => fmt(c)).join(', ')}), so each step goes mostly where the noise sends it. Gradient noise helps as a nudge, a small fraction of the gradient's size.`,
      evidence: [`applied/computed gradient norm: ${e.ratios.map(ratioText).join(', ')}`, `cosine between applied and computed gradients: ${e.cosines.map((c) => fmt(c)).join(', ')}`],
      relevance: new Map(),
      fixes: add ? [{ title: 'Apply the gradients without the noise', plan: { kind: 'unwrapCall', site: add.site, op: 'add', arity: 2 } }] : [],
      confirmBy: set(...HARM, 'loss-oscillating'),
      strength: 0.95,
      weak: false,
    },
  ];
}

/**
 * A custom loop that computes the gradients of several micro-batches between two applies and
 * applies them as a sum, steadily several times one micro-batch's size, where gradient
 * accumulation means their mean: under SGD or momentum every step is that many times too large,
 * as if the learning rate were. Adaptive optimizers divide the scale out and are left alone.
 * Divergence, oscillation or NaN confirms it; the fix applies the mean.
 */
function gradientsSummed(run: ModelState): Hypothesis[] {
  const e = run.gradientsSummed;
  const k = e?.computations;
  if (!e || e.adaptive || !e.applySite || typeof k !== 'number') return [];
  return [
    {
      id: 'gradients-summed',
      symptom: 'gradients-summed',
      rootCause: 'optimizer',
      layer: null,
      location: e.applySite,
      related: [],
      message: `Each applyGradients here applies the gradients of ${k} micro-batches added up: ${e.ratios.slice(-3).map(ratioText).join(', ')} of one micro-batch's gradients, where accumulation over a large batch means their mean. Under a plain gradient step every update is then up to ${k} times too large, as if the learning rate were. Divide the sum by ${k} before applying it.`,
      evidence: [`${k} gradient computations per apply`, `applied/computed gradient norm: ${e.ratios.slice(-3).map(ratioText).join(', ')}`],
      relevance: new Map(),
      fixes: [{ title: `Apply the mean: divide the sum by ${k}`, plan: { kind: 'applyMean', site: e.applySite, by: k } }],
      confirmBy: set(...HARM, ...NUMERIC, 'loss-diverging', 'loss-oscillating', 'exploding-gradient'),
      strength: 1,
      weak: false,
      scalesSteps: true,
    },
  ];
}

/**
 * A custom loop that clips its gradients by global norm upside down: above the limit it scales them
 * by norm / limit, not limit / norm, so exactly the large gradients the clip is for are made larger
 * still (a norm of g is applied as g² / limit), and a few steps blow the weights up. Certain from
 * the applies: the same direction, grown by the computed norm over one limit at each. The fix turns
 * the quotient over.
 */
function clipInverted(run: ModelState): Hypothesis[] {
  const e = run.gradientsInverted;
  const norms = e?.norms;
  if (!e || !norms?.length) return [];
  const limit = norms[0]! / e.ratios[0]!;
  const site = e.madeBy?.site ?? e.applySite;
  return [
    {
      id: 'gradient-clip-inverted',
      symptom: 'gradient-clip-inverted',
      rootCause: 'optimizer',
      layer: null,
      location: site,
      related: e.madeBy && e.applySite ? [{ site: e.applySite, message: 'the clipped gradients are applied here' }] : [],
      message: `The gradients applied here are the computed ones grown by their own global norm over a limit of about ${fmt(limit)} (${e.ratios.map(ratioText).join(', ')} of them at norms ${norms.map((x) => fmt(x)).join(', ')}), pointing the same way: a clip by global norm turned upside down, scaling by norm / limit where it means limit / norm. Exactly the large gradients the clip is for are made larger still (a norm of g is applied as g² / limit), so a few steps throw the weights far off. Scale by the limit over the norm.`,
      evidence: [`applied/computed gradient norm: ${e.ratios.map(ratioText).join(', ')}`, `computed norms: ${norms.map((x) => fmt(x)).join(', ')}`, `the ratio over the norm is ${fmt(1 / limit)} at each apply`],
      relevance: new Map(),
      fixes: e.madeBy ? [{ title: 'Scale the gradients by the limit over their norm', plan: { kind: 'invertScale', site: e.madeBy.site } }] : [],
      atFix: true,
      confirmBy: set(),
      strength: 1,
      weak: false,
      certain: true,
      keepWhenLearning: true,
    },
  ];
}

/**
 * A custom loop that applies gradients growing step after step while the computed ones do not:
 * a sum kept across updates and never reset (gradient accumulation without the reset). Each
 * update repeats all earlier ones, so the weights run away; divergence, oscillation or a stall
 * confirms it.
 */
function gradientsAccumulated(run: ModelState): Hypothesis[] {
  const e = run.gradientsGrown;
  if (!e) return [];
  const site = e.applySite ?? e.madeBy?.site ?? null;
  return [
    {
      id: 'gradients-accumulated',
      symptom: 'gradients-accumulated',
      rootCause: 'optimizer',
      layer: null,
      location: site,
      related: e.madeBy && e.applySite ? [{ site: e.madeBy.site, message: 'the applied gradients are made here' }] : [],
      message: `The gradients given to applyGradients grow from update to update (${e.ratios.map(ratioText).join(', ')} of the step's own gradients), far faster than the gradients computed: a sum kept across updates is never reset, so every update repeats all the earlier ones. Reset the accumulated gradients to zero after each applyGradients.`,
      evidence: [`applied/computed gradient norm at the updates measured: ${e.ratios.map(ratioText).join(', ')}`],
      relevance: new Map(),
      fixes: e.applySite && e.madeBy ? [{ title: 'Reset the sums after each applyGradients', plan: { kind: 'resetAccumulator', site: e.applySite, madeAt: e.madeBy.site } }] : [],
      atFix: true,
      confirmBy: set(...HARM, ...NUMERIC, 'loss-diverging', 'loss-oscillating'),
      strength: 1,
      weak: false,
      keepWhenLearning: true,
    },
  ];
}

/**
 * Images laid out [channels, height, width] for a convolution that reads [height, width, channels]
 * (tfjs's default): the first convolution sees an image 1 or 3 pixels tall with its width as
 * height and its columns as channels, and a kernel taller than that image. Certain from the
 * shapes: a kernel taller than its input only ever reads padding beyond the image. The fix
 * reorders the shape when one named constant shapes both the data and the layer.
 */
function channelsFirstImages(view: ModelView): Hypothesis[] {
  const l = view.layers.find((x) => /^(?:conv2d|separableconv2d|depthwiseconv2d)$/i.test(x.info.className));
  if (!l || l.info.config['dataFormat'] === 'channelsFirst') return [];
  const kernel = kernelShape(l);
  // The input as the layer reads it: [rows, columns] from its input shape, or from its output
  // under 'same' padding (a kernel taller than its input fails under 'valid'); channels from the kernel.
  const seen = inputShapeOf(view, l) ?? (l.info.config['padding'] === 'same' ? l.info.outputShape : null);
  if (!seen || seen.length !== 4 || !kernel || kernel.length !== 4) return [];
  const [, channels, height] = seen;
  const [kh, , width] = kernel;
  if (!isNum(channels) || !isNum(height) || !isNum(width) || !isNum(kh)) return [];
  if (![1, 3, 4].includes(channels) || kh <= channels || width < 8 || width <= channels) return [];
  const fixes: PlannedFix[] = channels === 1 ? [{ title: `Declare the images [${height}, ${width}, 1] (channels last)`, plan: { kind: 'channelsLast', layer: l.info } }] : [];
  return [
    {
      id: `channels-first-images:${l.info.name}`,
      symptom: 'channels-first-images',
      rootCause: 'training-data',
      layer: l,
      location: l.info.site,
      related: [],
      message:
        `${l.info.name} reads its input as [height, width, channels] (TensorFlow.js's default), but the images are laid out [${channels}, ${height}, ${width}]: it sees images ${channels} pixel${channels === 1 ? '' : 's'} tall with ${width} channels, and its ${kh}-tall kernel reads mostly padding. ` +
        (channels === 1 ? `Shape the images [${height}, ${width}, 1].` : `Transpose the images with x.transpose([0, 2, 3, 1]) and declare inputShape [${height}, ${width}, ${channels}].`),
      evidence: [`input shape [${channels}, ${height}, ${width}]`, `kernel ${kh}×${kernel[1]} over ${kernel[2]} channels`],
      relevance: new Map([[l.pos, { score: 1, evidence: `input laid out channels-first` }]]),
      fixes,
      atFix: true,
      confirmBy: set(...HARM),
      strength: 1,
      weak: false,
      keepWhenLearning: true,
      certain: true,
    },
  ];
}

/**
 * A series shuffled, then cut into windows (`tf.util.shuffle(series)` before the windows, as
 * "always shuffle" advice is followed): each window holds values from random times, so nothing in
 * it tells the value to predict. The probe matched the first input rows to windows of the shuffled
 * array. A warning on the shuffle, confirmed by a stall; the fix removes it (fit shuffles the windows).
 */
function shuffledSeries(view: ModelView, run: ModelState): Hypothesis[] {
  const e = run.shuffledSeries;
  if (!e) return [];
  return [
    {
      id: 'shuffled-series:data',
      symptom: 'loss-not-decreasing',
      rootCause: 'training-data',
      layer: null,
      location: e.site ?? view.event.fitSite,
      related: view.event.fitSite && e.site ? [{ site: view.event.fitSite, message: 'trains on windows of the shuffled series' }] : [],
      message: `This tf.util.shuffle call shuffles the series itself (${e.length} values), and the training windows of ${e.window} values are cut from it afterwards: each window holds values from random times, so nothing in it tells the value that follows. Shuffle the windows (or leave it to fit, which shuffles them), not the series.`,
      evidence: [`the first input rows are windows of ${e.window} values, ${e.stride} apart, of the array shuffled here`],
      relevance: new Map(),
      fixes: e.site ? [{ title: 'Keep the series in order: remove this shuffle', plan: { kind: 'removeStatement', site: e.site } }] : [],
      confirmBy: set(...HARM, 'loss-oscillating'),
      strength: 1,
      weak: false,
      explainsAllHarm: true,
    },
  ];
}

/** Targets standardized where they were made, under a Poisson loss: the counts themselves, with a positive rate when the output is linear. */
function poissonCountsFix(madeAt: SourceSite | undefined, softplus: FixPlan | null): PlannedFix[] {
  if (!madeAt) return [];
  const raw: FixPlan = { kind: 'unstandardizeAtMake', site: madeAt };
  return [{ title: softplus ? 'Train on the counts themselves, with a softplus output' : 'Train on the counts themselves', plan: softplus ? { kind: 'all', parts: [raw, softplus] } : raw }];
}

/**
 * fitDataset ran epochs with no batch after the first epochs trained: its dataset handed every
 * epoch the same iterator, spent by the first (`tf.data.generator(() => it)` over a generator made
 * once, outside). Training stopped after those epochs, silently. Certain.
 */
function datasetSpent(run: ModelState): Hypothesis[] {
  const e = run.datasetSpent;
  if (!e) return [];
  return [
    {
      id: 'dataset-spent:data',
      symptom: 'dataset-spent',
      rootCause: 'training-data',
      layer: null,
      location: e.generatorSite ?? e.fitSite,
      related: e.generatorSite && e.fitSite ? [{ site: e.fitSite, message: 'trains on it' }] : [],
      message: `fitDataset trained ${e.trainedEpochs} epoch${e.trainedEpochs === 1 ? '' : 's'}, then epoch ${e.epoch + 1} got no batch at all: the dataset handed each epoch the same iterator, which the first epoch${e.trainedEpochs === 1 ? '' : 's'} used up, so the later epochs train nothing. ${e.generatorSite ? 'tf.data.generator calls its function at every epoch for a fresh iterator: pass the function that makes the generator (tf.data.generator(makeBatches)), not one that returns a generator made once.' : 'Give fitDataset a dataset that can be iterated again at every epoch.'}`,
      evidence: [`epoch ${e.epoch + 1}: no batch, after ${e.trainedEpochs} epoch${e.trainedEpochs === 1 ? '' : 's'} with batches`],
      relevance: new Map(),
      fixes: e.generatorSite ? [{ title: 'Make a fresh iterator for every epoch', plan: { kind: 'freshIterator', site: e.generatorSite } }] : [],
      confirmBy: set(...HARM, 'weights-unchanged'),
      strength: 1,
      weak: false,
      certain: true,
      keepWhenLearning: true,
      explainsAllHarm: true,
    },
  ];
}

/**
 * Training data made as int32 from values with fractions: tfjs truncated each toward 0 where the
 * tensor was made (targets in [0, 1) all become 0). Matched by the line the data was made on; certain.
 */
function truncatedData(view: ModelView, run: ModelState): Hypothesis[] {
  const out: Hypothesis[] = [];
  for (const role of ['y', 'x'] as const) {
    const e = run.data[role].get(0);
    const made = e?.origin?.site ?? e?.site;
    const cut = made ? run.script.truncatedToInt.find((c) => c.site && c.site.file === made.file && c.site.line === made.line) : undefined;
    if (!e || !cut?.site) continue;
    const what = role === 'y' ? 'targets' : 'inputs';
    const allZero = isNum(cut.min) && isNum(cut.max) && cut.min > -1 && cut.max < 1;
    out.push({
      id: `truncated-to-int:${role}`,
      symptom: 'truncated-to-int',
      rootCause: role === 'y' ? 'label-encoding' : 'training-data',
      layer: null,
      location: cut.site,
      related: view.event.fitSite ? [{ site: view.event.fitSite, message: `trains on the truncated ${what}` }] : [],
      message: `The ${what} are made here as int32 from values with fractions (from ${fmt(cut.min)} to ${fmt(cut.max)}): tfjs truncates each toward 0, so ${cut.fractional} of the ${cut.count} values lost their fraction${allZero ? ' and every one became 0' : ''}. The model is trained on the truncated values. Make the tensor float32.`,
      evidence: [`${cut.call}(…, 'int32') given ${cut.fractional} values with fractions`],
      relevance: new Map(),
      fixes: [{ title: 'Keep the fractions: make the tensor float32', plan: { kind: 'floatDtype', site: cut.site, call: cut.call, index: cut.dtypeIndex } }],
      confirmBy: set(...HARM, 'loss-oscillating'),
      strength: 1,
      weak: false,
      certain: true,
      keepWhenLearning: true,
      explainsAllHarm: true,
    });
  }
  return out;
}

/** Ops that pass no gradient, by kernel, that a loss can do without: the op's name and how many arguments it takes with x. */
const UNWRAPPABLE: Record<string, { op: string; arity: number }> = {
  Round: { op: 'round', arity: 1 },
  Floor: { op: 'floor', arity: 1 },
  Ceil: { op: 'ceil', arity: 1 },
  Sign: { op: 'sign', arity: 1 },
  ClipByValue: { op: 'clipByValue', arity: 3 },
};

/**
 * A loss that reaches the model's outputs only through ops that pass no gradient (tf.round on the
 * predictions "to match accuracy", a loss clipped below where it starts): the weights get no
 * gradient from it and never move. The probe walked each of the first steps' loss back to the
 * layer outputs: certain.
 */
function gradientBlocked(view: ModelView, run: ModelState): Hypothesis[] {
  const e = run.gradientBlocked;
  if (!e) return [];
  const clip = e.kernel === 'ClipByValue' && e.bounds;
  const unwrap = UNWRAPPABLE[e.kernel];
  const what = clip
    ? `clipByValue to [${fmt(e.bounds![0])}, ${fmt(e.bounds![1])}] while all of what it clips lies outside those bounds (clipByValue passes a gradient only inside them)`
    : `${e.kernel}, whose gradient is 0 everywhere`;
  return [
    {
      id: 'loss-without-gradient:loss',
      symptom: 'loss-without-gradient',
      rootCause: 'loss-function',
      layer: null,
      location: e.site ?? view.compileSite ?? view.event.fitSite,
      related: [],
      message: `The loss reaches the model's outputs only through ${what}: in each of the first ${e.steps} steps, no gradient flowed back to any weight, so training cannot change the model. ${clip ? 'Compute the loss unclipped (clip the gradients instead, if they need bounds).' : 'Compute the loss from the raw predictions; round or threshold them only for a metric.'}`,
      evidence: [`every path from the loss to the layer outputs passes ${e.kernel}, in ${e.steps} steps`],
      relevance: new Map(),
      fixes: e.site && unwrap ? [{ title: `Compute the loss without ${unwrap.op}`, plan: { kind: 'unwrapCall', site: e.site, op: unwrap.op, arity: unwrap.arity } }] : [],
      confirmBy: set(...HARM, 'weights-unchanged', 'vanishing-gradient'),
      strength: 1,
      weak: false,
      certain: true,
      explainsAllHarm: true,
    },
  ];
}

/** Outputs shrunk this much or more before the loss stall training: a temperature of 5 or more. */
const SHRUNK_OUTPUTS = 0.2;
/** Outputs grown this much or more before the loss take steps as if the rate were that much higher. */
const GROWN_OUTPUTS = 5;

/**
 * A loss computed on the model's outputs scaled by a number given as is. Divided (a distillation
 * temperature, `logits.div(T)` with T = 20, kept in a loss on hard labels): the loss sees outputs T
 * times smaller, a softmax over them stays nearly uniform and every gradient reaching the weights is
 * T times smaller, so training stalls. Multiplied (an "inverse temperature", `logits.mul(50)`): the
 * softmax saturates and every step is 50 times larger, as if the learning rate were, which kills
 * units and makes the loss swing. The probe walked each of the first steps' loss back to the
 * outputs; a temperature may be meant (distillation's soft targets), so training must confirm it.
 */
function outputsScaledBeforeLoss(view: ModelView, run: ModelState): Hypothesis[] {
  const e = run.outputScaled;
  if (!e || (e.factor > SHRUNK_OUTPUTS && e.factor < GROWN_OUTPUTS)) return [];
  const shrunk = e.factor <= SHRUNK_OUTPUTS;
  const op = e.kernel === 'RealDiv' ? 'div' : 'mul';
  const written = e.kernel === 'RealDiv' ? `divided by ${literal(1 / e.factor)}` : `multiplied by ${literal(e.factor)}`;
  const times = literal(shrunk ? 1 / e.factor : e.factor);
  const effect = shrunk
    ? `it sees outputs ${times} times smaller than the model makes, so a softmax or sigmoid over them stays near uniform, and every gradient reaching the weights is ${times} times smaller. A temperature belongs on soft targets with the loss scaled back by its square; on hard labels compute the loss on the outputs themselves.`
    : `it sees outputs ${times} times larger than the model makes, so a softmax or sigmoid over them saturates at once, and every gradient reaching the weights is ${times} times larger: each step is as large as a learning rate ${times} times higher would make it. Compute the loss on the outputs themselves.`;
  return [
    {
      id: 'outputs-scaled-before-loss:loss',
      symptom: 'outputs-scaled-before-loss',
      rootCause: 'loss-function',
      layer: null,
      location: e.site ?? view.compileSite ?? view.event.fitSite,
      related: [],
      message: `The loss is computed on the model's outputs ${written} (in each of the first ${e.steps} steps, every path from the loss to the outputs starts there): ${effect}`,
      evidence: [`every path from the loss to the model's outputs passes ${op}(${literal(e.kernel === 'RealDiv' ? 1 / e.factor : e.factor)}), in ${e.steps} steps`],
      relevance: new Map(),
      fixes: e.site ? [{ title: `Compute the loss on the model's outputs, not ${written}`, plan: { kind: 'unwrapCall', site: e.site, op, arity: 2 } }] : [],
      confirmBy: shrunk
        ? set('loss-not-decreasing', 'accuracy-not-increasing', 'vanishing-gradient')
        : set('loss-not-decreasing', 'accuracy-not-increasing', 'loss-oscillating', 'loss-diverging', 'dead-relu', 'saturated-activation', 'exploding-gradient', 'non-finite-loss', 'non-finite-output', 'non-finite-weights', 'non-finite-gradients'),
      strength: 0.85,
      weak: false,
      ...(shrunk ? {} : { scalesSteps: true }),
    },
  ];
}

/** Thresholds that pass no gradient between a hidden layer and the next, and the activation that passes one in their place (roundings are unwrapped: UNWRAPPABLE). */
const DIFFERENTIABLE_STAND_IN: Record<string, { op: string; to: string }> = {
  Step: { op: 'step', to: 'relu' },
  Sign: { op: 'sign', to: 'tanh' },
};

/**
 * A custom loop over raw tf.variables whose loss reaches some of them only through an op that
 * passes no gradient (a hidden layer's `tf.step` from a perceptron tutorial, `tf.sign`): those
 * weights get a gradient of exactly 0 and keep their random initial values, while the layers past
 * the op train on fixed random features. The probe walked each of the first steps' loss back to
 * the variables: certain.
 */
function variablesBlocked(run: ModelState): Hypothesis[] {
  const e = run.variablesBlocked;
  if (!e) return [];
  const stand = DIFFERENTIABLE_STAND_IN[e.kernel];
  const unwrap = e.kernel === 'ClipByValue' ? undefined : UNWRAPPABLE[e.kernel];
  const names = e.variables.slice(0, 6).join(', ') + (e.variables.length > 6 ? ', ...' : '');
  const replace = stand ? `tf.${stand.to}` : null;
  return [
    {
      id: 'variables-without-gradient:vars',
      symptom: 'variables-without-gradient',
      rootCause: 'hidden-activation',
      layer: null,
      location: e.site,
      related: [],
      message: `The loss reaches ${e.variables.length === 1 ? 'variable' : 'variables'} ${names} only through ${e.kernel}, whose gradient is 0 everywhere: in each of the first ${e.steps} steps ${e.variables.length === 1 ? 'it got' : 'they got'} no gradient, so ${e.variables.length === 1 ? 'it keeps its' : 'they keep their'} random initial values${e.trained > 0 ? ` and only the ${e.trained} variables past it train, on fixed random features` : ''}. ${replace ? `Use an activation with a gradient (${replace}) in training; threshold only for predictions.` : 'Keep the values unrounded in training; round only for predictions.'}`,
      evidence: [`every path from the loss to ${names} passes ${e.kernel}, in ${e.steps} steps`, `${e.trained} variables reached without it`],
      relevance: new Map(),
      fixes: !e.site
        ? []
        : stand
          ? [{ title: `Use tf.${stand.to} (it has a gradient) instead of tf.${stand.op}`, plan: { kind: 'renameOp', site: e.site, from: stand.op, to: stand.to } }]
          : unwrap
            ? [{ title: `Train without ${unwrap.op}`, plan: { kind: 'unwrapCall', site: e.site, op: unwrap.op, arity: unwrap.arity } }]
            : [],
      confirmBy: set(...HARM, 'weights-unchanged', 'vanishing-gradient'),
      strength: 1,
      weak: false,
      certain: true,
    },
  ];
}

/**
 * A model whose layers compute with trainable variables that are none of its weights (a custom
 * layer's `tf.variable` made in build() instead of with `this.addWeight`): fit and the optimizer
 * train the model's weights only, so those keep their random initial values. Certain from the
 * first step; shown where the first was made.
 */
function untrackedVariables(run: ModelState): Hypothesis[] {
  const e = run.untrackedVariables;
  if (!e) return [];
  const names = e.variables.slice(0, 4).join(', ') + (e.variables.length > 4 ? ', ...' : '');
  const one = e.variables.length === 1;
  return [
    {
      id: 'weights-untracked:model',
      symptom: 'weights-untracked',
      rootCause: 'architecture',
      layer: null,
      location: e.site,
      related: [],
      message: `The model computes with ${one ? 'a trainable variable' : `${e.variables.length} trainable variables`} (${names}) that ${one ? 'is' : 'are'} none of its weights: made with tf.variable inside a custom layer instead of this.addWeight, or by a layer that a custom layer's call() creates anew at every pass, so the layer does not list ${one ? 'it' : 'them'} and fit never updates ${one ? 'it' : 'them'}; ${one ? 'it keeps its' : 'they keep their'} random initial values. Make weights with this.addWeight(name, shape, dtype, initializer) in build() and read them with .read() in call(); make inner layers once, in build(), and list their weights as the layer's.`,
      evidence: [`${names}: trainable, used in the first step, not among the model's weights`],
      relevance: new Map(),
      fixes: e.site ? [{ title: 'Make the inner layers once, in build(), and list their weights', plan: { kind: 'sublayersInBuild', site: e.site } }] : [],
      confirmBy: set(...HARM, 'weights-unchanged'),
      strength: 1,
      weak: false,
      certain: true,
    },
  ];
}

/**
 * fitDataset with a batchesPerEpoch so small that the whole run takes no more batches than one pass
 * over the dataset (`batchesPerEpoch: 1`, taken for "one pass"): most of the data is never seen and
 * the model gets a handful of updates. Confirmed by a stall; the fix removes the option (without
 * it, each epoch is one pass; with it, tfjs does not restart the dataset between epochs).
 */
function fewBatchesPerEpoch(view: ModelView): Hypothesis[] {
  const { batchesPerEpoch, datasetBatches, epochs } = view.event.fitConfig;
  const fitSite = view.event.fitSite;
  if (view.event.mode !== 'fitDataset' || !fitSite || typeof batchesPerEpoch !== 'number' || typeof datasetBatches !== 'number' || typeof epochs !== 'number') return [];
  const total = batchesPerEpoch * epochs;
  if (total > datasetBatches || batchesPerEpoch * 4 > datasetBatches) return [];
  return [
    {
      id: 'batches-per-epoch:fit',
      symptom: 'training-cut-short',
      rootCause: 'training-length',
      layer: null,
      location: fitSite,
      related: [],
      message: `batchesPerEpoch ${batchesPerEpoch} makes each epoch ${batchesPerEpoch === 1 ? 'a single batch' : `${batchesPerEpoch} batches`} of the dataset's ${datasetBatches}: the ${epochs} epochs take ${total} batches in all, no more than one pass over the data, so the model gets ${total} updates and never sees most of it. Without batchesPerEpoch, each epoch is one pass over the dataset.`,
      evidence: [`batchesPerEpoch ${batchesPerEpoch}, ${epochs} epochs`, `the dataset holds ${datasetBatches} batches`],
      relevance: new Map(),
      fixes: [{ title: 'Train on the whole dataset each epoch: remove batchesPerEpoch', plan: { kind: 'removeDatasetOption', fitSite, key: 'batchesPerEpoch' } }],
      confirmBy: set('loss-not-decreasing', 'accuracy-not-increasing', 'loss-oscillating'),
      strength: 0.9,
      weak: false,
      explainsAllHarm: true,
    },
  ];
}

/**
 * fitDataset trained on a dataset cut by `.take(n)` to a small part of the one it was taken from
 * (a `.take(1)` left from looking at a batch): each epoch trains that part, and the whole run, no
 * more than one pass over the data. Confirmed by a stall; the fix removes the take.
 */
function datasetTaken(view: ModelView, run: ModelState): Hypothesis[] {
  const e = run.datasetTaken;
  const epochs = view.event.fitConfig['epochs'];
  if (!e || typeof epochs !== 'number' || e.kept * 4 > e.of || (e.batches && e.kept * epochs > e.of)) return [];
  const unit = e.batches ? 'batch' : 'row';
  const plural = (n: number) => `${n} ${unit}${n === 1 ? '' : e.batches ? 'es' : 's'}`;
  return [
    {
      id: 'dataset-taken:fit',
      symptom: 'training-cut-short',
      rootCause: 'training-length',
      layer: null,
      location: e.site ?? view.event.fitSite,
      related: view.event.fitSite ? [{ site: view.event.fitSite, message: 'trains on what it kept' }] : [],
      message: `.take(${e.kept}) keeps ${plural(e.kept)} of the ${plural(e.of)} the dataset held, and fitDataset trains on ${e.kept === 1 ? 'it' : 'them'} in each of its ${epochs} epochs: ${e.batches ? `${e.kept * epochs} updates in all, no more than one pass over the data` : `the model never sees ${Math.round((1 - e.kept / e.of) * 100)}% of the rows`}. A take left from looking at ${e.kept === 1 ? 'one batch' : 'a few batches'} does this.`,
      evidence: [`.take(${e.kept}) of ${plural(e.of)}`, `${epochs} epochs`],
      relevance: new Map(),
      fixes: e.site ? [{ title: `Train on the whole dataset: remove .take(${e.kept})`, plan: { kind: 'unwrapCall', site: e.site, op: 'take', arity: 2 } }] : [],
      confirmBy: set('loss-not-decreasing', 'accuracy-not-increasing', 'loss-oscillating'),
      strength: 0.9,
      weak: false,
      explainsAllHarm: true,
      // So few updates often end near the no-skill loss while it still creeps down: that ending confirms it too.
      settlesHigh: true,
      // A whole run of so few updates (FEW_UPDATES) on a quarter of the data or less trains nothing, whatever the trend shows.
      ...(e.batches && e.kept * epochs < FEW_UPDATES ? { certain: true } : {}),
    },
  ];
}

/**
 * Sequences cut to their last timestep before a recurrent layer reads them
 * (`x.slice([0, T - 1, 0], [-1, 1, -1])`, "the label belongs to the last reading"): the layer sees
 * one step and none of the order that came before it. Certain from the data's making.
 */
function sequenceCutToOneStep(view: ModelView, run: ModelState): Hypothesis[] {
  const e = run.data.x.get(0);
  const shape = e?.summary.shape;
  const from = e?.origin?.narrowedFrom;
  const first = view.firstLayers()[0];
  if (!e?.origin || !shape || !from || shape.length !== 3 || from.length !== 3 || shape[1] !== 1 || !isNum(from[1]) || from[1] < 2) return [];
  if (!first || !RECURRENT.test(first.info.className)) return [];
  const site = e.origin.site;
  return [
    {
      id: 'sequence-cut:x',
      symptom: 'loss-not-decreasing',
      rootCause: 'training-data',
      layer: null,
      location: site,
      related: view.event.fitSite ? [{ site: view.event.fitSite, message: 'trains on the cut sequences' }] : [],
      message: `The sequences of ${from[1]} timesteps are cut here to 1 before ${first.info.name} reads them: a recurrent layer over a single step sees none of the order the sequence holds, so anything that depends on earlier steps cannot be learned. Give it the whole sequence.`,
      evidence: [`inputs of shape [${shape.map((d) => d ?? '?').join(', ')}] selected from [${from.map((d) => d ?? '?').join(', ')}]`],
      relevance: new Map(),
      fixes: [{ title: 'Give the recurrent layer the whole sequence: drop the slice', plan: { kind: 'unwrapCall', site, op: 'slice', arity: 3 } }],
      confirmBy: set(...HARM),
      strength: 1,
      weak: false,
      certain: true,
      keepWhenLearning: true,
      explainsAllHarm: true,
    },
  ];
}

/**
 * Targets sorted in place before training (`ys.sort((a, b) => a - b)[n / 2]` for a median baseline:
 * Array.prototype.sort reorders the array it is called on): row i's target is no longer row i's.
 * The probe matched the targets' first rows to the sorted array; certain.
 */
function targetsSorted(view: ModelView, run: ModelState): Hypothesis[] {
  const e = run.targetsSorted;
  if (!e) return [];
  const reversed = e.method === 'reverse';
  return [
    {
      id: 'targets-sorted:y',
      symptom: 'targets-unrelated',
      rootCause: 'training-data',
      layer: null,
      location: e.site,
      related: view.event.fitSite ? [{ site: view.event.fitSite, message: 'trains on the reordered targets' }] : [],
      message: reversed
        ? `The targets were reversed in place here: Array.prototype.reverse reverses the array it is called on (it returns that array, not a copy), so the targets tensor made from it afterwards runs backwards while the inputs keep their order, and row i's target is the one of row n − 1 − i. The model can learn only how the targets are spread. Reverse a copy ([...values].reverse()).`
        : `The targets were sorted in place here: Array.prototype.sort reorders the array it is called on, so the targets tensor made from it afterwards runs from the smallest value to the largest while the inputs keep their order, and row i's target is no longer row i's. The model can learn only how the targets are spread. Sort a copy ([...values].sort(...)).`,
      evidence: [`the first rows of the targets are the first values of the array ${reversed ? 'reversed' : 'sorted'} here`],
      relevance: new Map(),
      fixes: [{ title: reversed ? 'Reverse a copy, not the targets' : 'Sort a copy, not the targets', plan: { kind: 'sortCopy', site: e.site, ...(reversed ? { method: 'reverse' as const } : {}) } }],
      confirmBy: set(...HARM, 'overfitting'),
      strength: 1,
      weak: false,
      certain: true,
      keepWhenLearning: true,
      explainsAllHarm: true,
    },
  ];
}

/** A loss this many times smaller than the mean it stands for makes plain gradient steps that many times smaller. */
const SHRUNK_MANY = 8;

/**
 * A custom loop's loss that adds up a batch's errors and divides by a number many times their count
 * (`tf.sum(errors).div(xTrain.shape[0])`, the whole training set's rows): the loss, its gradients
 * and, under a plain gradient step (SGD, momentum), every step are that many times smaller than the
 * learning rate says, and training crawls. Adaptive optimizers divide the scale out. A warning kept
 * while the loss falls slowly, confirmed by a stall; the fix takes the mean.
 */
function lossDividedTooMuch(view: ModelView, run: ModelState): Hypothesis[] {
  const weights = run.lossMeanScale === null ? run.lossRowWeights : null;
  const scale = run.lossMeanScale ?? weights?.mean ?? null;
  const optimizer = view.event.optimizer;
  const lr = learningRateOf(view, run);
  const band = optimizerBand(optimizer);
  if (scale === null || scale > 1 / SHRUNK_MANY || !run.lossSite || !optimizer || !band || !/^(?:SGD|Momentum)(?:Optimizer)?$/i.test(optimizer.className) || !isNum(lr) || lr <= 0) return [];
  const effective = lr * scale;
  // A rate raised to make up for the division trains as intended.
  if (effective >= band.typical / 10) return [];
  const values = run.lossSummedValues;
  const times = Math.round(1 / scale);
  if (weights) {
    return [
      {
        id: 'loss-divided-too-much:loss',
        symptom: 'loss-scaled-down',
        rootCause: 'loss-function',
        layer: null,
        location: run.lossSite,
        related: view.optimizerSite ? [{ site: view.optimizerSite, message: `${band.name} at learning rate ${fmt(lr)}` }] : [],
        message: `The loss averages the rows' errors multiplied by weights that average ${fmt(scale)} (normalized to add up to 1 over the whole set?): it is about 1/${times} of the errors' mean, and so are its gradients. ${band.name} steps by the gradient as it is, so every step is about ${times} times smaller than learning rate ${fmt(lr)} says (as if it were ${fmt(effective)}), and training barely moves. Divide the weighted sum by the batch's sum of weights, or scale the weights to average 1.`,
        evidence: [`the per-row weights average ${fmt(scale)}`, `${band.name} learning rate ${fmt(lr)}: ${fmt(effective)} in steps of the errors' mean`],
        relevance: new Map(),
        fixes: [{ title: "Divide by the batch's sum of weights: a weighted mean", plan: { kind: 'weightedMean', site: run.lossSite, operand: weights.operand } }],
        confirmBy: set('loss-not-decreasing', 'accuracy-not-increasing', 'weights-unchanged'),
        strength: 0.85,
        weak: false,
        keepWhenLearning: true,
      },
    ];
  }
  return [
    {
      id: 'loss-divided-too-much:loss',
      symptom: 'loss-scaled-down',
      rootCause: 'loss-function',
      layer: null,
      location: run.lossSite,
      related: view.optimizerSite ? [{ site: view.optimizerSite, message: `${band.name} at learning rate ${fmt(lr)}` }] : [],
      message: `The loss adds up ${values !== null ? `the batch's ${values} values` : 'the batch'} and divides the sum by ${times}× their count: it is 1/${times} of their mean, and so are its gradients. ${band.name} steps by the gradient as it is, so every step is ${times} times smaller than learning rate ${fmt(lr)} says (as if it were ${fmt(effective)}), and training barely moves. Divide by the batch's own count: take the mean.`,
      evidence: [`the loss is ${fmt(scale)} times the mean of the values it adds up`, `${band.name} learning rate ${fmt(lr)}: ${fmt(effective)} in steps of the mean`],
      relevance: new Map(),
      fixes: [{ title: 'Average the loss over the batch: tf.mean, without the division', plan: { kind: 'all', parts: [{ kind: 'sumToMean', site: run.lossSite }, { kind: 'unwrapCall', site: run.lossSite, op: 'div', arity: 2 }] } }],
      confirmBy: set('loss-not-decreasing', 'accuracy-not-increasing', 'weights-unchanged'),
      strength: 0.85,
      weak: false,
      // A loss that still falls, slowly, is what it predicts.
      keepWhenLearning: true,
    },
  ];
}

/**
 * A max-norm constraint with a tiny bound, applied while fit trains (a callback renormalising the
 * kernels after each batch): every unit's incoming weights are cut back to a norm of at most that
 * bound, so the layers' outputs stay near 0 whatever training does. Confirmed by a stall.
 */
function tinyMaxNorm(run: ModelState): Hypothesis[] {
  const e = run.maxNormApplied;
  if (!e) return [];
  return [
    {
      id: 'max-norm:constraint',
      symptom: 'weights-decayed',
      rootCause: 'regularization',
      layer: null,
      location: e.site,
      related: [],
      message: `This maxNorm constraint, applied while fit trains, rescales every unit's incoming weights to a norm of at most ${fmt(e.maxValue)}: with weights that small each layer passes on almost nothing, so the output barely depends on the inputs. Usual bounds are 2 to 4.`,
      evidence: [`maxNorm({ maxValue: ${fmt(e.maxValue)} }) applied during fit`],
      relevance: new Map(),
      fixes: e.site ? [{ title: 'Use a max-norm bound of 3', plan: { kind: 'callOption', site: e.site, callee: 'maxNorm', key: 'maxValue', to: '3' } }] : [],
      confirmBy: set(...HARM, 'dead-relu', 'weights-unchanged', 'vanishing-gradient'),
      strength: 0.95,
      weak: false,
      explainsAllHarm: true,
    },
  ];
}

/**
 * A regularizer applied by hand in the loss (an activity penalty on a hidden layer's output) whose
 * penalty starts at ten times the task's loss or more: minimizing it means silencing the layer, and
 * the task is buried. Confirmed by a stall; the fix scales the factor so the penalty starts near a
 * hundredth of the task's loss.
 */
function penaltyDominates(run: ModelState): Hypothesis[] {
  const e = run.penaltyDominates;
  if (!e) return [];
  const to = Number((10 ** Math.floor(Math.log10((e.factor * 0.01 * e.rest) / e.penalty))).toPrecision(1));
  return [
    {
      id: 'penalty-dominates:regularizer',
      symptom: 'weights-decayed',
      rootCause: 'regularization',
      layer: null,
      location: e.site,
      related: [],
      message: `The ${e.key} penalty made here and added to the loss starts at ${fmt(e.penalty)}, ${fmt(e.penalty / e.rest)} times the task's own loss (${fmt(e.rest)}): training minimizes the penalty first, driving what it penalizes to 0, and the task is buried under it. A factor of ${fmt(to)} makes the penalty start near a hundredth of the task's loss.`,
      evidence: [`${e.key}: ${fmt(e.factor)}`, `first step: penalty ${fmt(e.penalty)}, rest of the loss ${fmt(e.rest)}`],
      relevance: new Map(),
      fixes: e.site ? [{ title: `Use an ${e.key} factor of ${fmt(to)}`, plan: { kind: 'callOption', site: e.site, callee: e.key, key: e.key, to: literal(to) } }] : [],
      confirmBy: set(...HARM, 'dead-relu', 'weights-unchanged', 'loss-oscillating'),
      strength: 0.95,
      weak: false,
      // The loss falls while the penalty is paid off, then settles where the task was never learned.
      keepWhenLearning: true,
      settlesHigh: true,
      explainsAllHarm: true,
    },
  ];
}

/**
 * The best epoch's weights kept with `model.getWeights()` during training, and set back after fit:
 * getWeights returns the model's own weight tensors, not copies, so every later step changed what
 * was kept, and setWeights restores nothing. The model keeps its last epoch's weights. Certain;
 * fixed by keeping clones.
 */
function weightsKeptLive(run: ModelState): Hypothesis[] {
  const e = run.weightsKeptLive;
  if (!e?.keptAt) return [];
  const restore = e.restoreAt ? ` at line ${e.restoreAt.line}` : '';
  return [
    {
      id: 'weights-kept-live:model',
      symptom: 'weights-kept-live',
      rootCause: 'training-length',
      layer: null,
      location: e.keptAt,
      related: e.restoreAt ? [{ site: e.restoreAt, message: 'restores nothing here' }] : [],
      message: `The weights kept here, to be restored after training, are what model.getWeights() returns: the model's own weight tensors, not copies. The ${e.stepsSince} training steps taken after they were kept changed them, so setWeights${restore} restores nothing, and the model keeps its last epoch's weights, not the best. Keep copies: getWeights().map((w) => w.clone()).`,
      evidence: [`${e.stepsSince} steps after the weights were kept`, 'setWeights was given the live tensors'],
      relevance: new Map(),
      fixes: [{ title: 'Keep copies of the weights: map((w) => w.clone())', plan: { kind: 'cloneWeights', site: e.keptAt } }],
      confirmBy: set(...HARM, 'overfitting'),
      strength: 1,
      weak: false,
      keepWhenLearning: true,
      certain: true,
      explainsAllHarm: true,
    },
  ];
}

/**
 * fit given `validationData` as an object (`{ x: xVal, y: yVal }`, a Keras habit) where tfjs takes
 * an array: fit skips validation without a word, so no val_ metric exists, and early stopping or a
 * best-model callback on val_loss never acts. Certain from the options; fixed with the array.
 */
function validationIgnored(view: ModelView): Hypothesis[] {
  const fitSite = view.event.fitSite;
  if (view.event.fitConfig['validationDataNotArray'] !== true || !fitSite) return [];
  return [
    {
      id: 'validation-ignored:fit',
      symptom: 'validation-ignored',
      rootCause: 'training-length',
      layer: null,
      location: fitSite,
      related: [],
      message: 'fit is given validationData as an object, and tfjs reads it only as an array, [xVal, yVal]: it skips validation without a word. No val_loss or val_acc is computed, so early stopping or any callback that watches them never acts, and training runs all its epochs.',
      evidence: ['validationData is not an array'],
      relevance: new Map(),
      fixes: [{ title: 'Give validationData as [inputs, targets]', plan: { kind: 'validationPair', fitSite } }],
      confirmBy: set(...HARM, 'overfitting'),
      strength: 1,
      weak: false,
      keepWhenLearning: true,
      certain: true,
      writtenOption: 'validationData',
    },
  ];
}

/** The logged metric meant by a Keras name: `val_accuracy` is tfjs's `val_acc`. */
function loggedNameFor(monitor: string, logged: readonly string[]): string | null {
  const val = monitor.startsWith('val_');
  const bare = (k: string) => (k.startsWith('val_') ? k.slice(4) : k);
  const alias: Record<string, string> = { accuracy: 'acc', acc: 'accuracy', binary_accuracy: 'acc', categorical_accuracy: 'acc', mean_squared_error: 'mse', mean_absolute_error: 'mae' };
  const want = bare(monitor).toLowerCase();
  const same = logged.filter((k) => k.startsWith('val_') === val);
  return same.find((k) => bare(k) === alias[want]) ?? same.find((k) => bare(k).toLowerCase() === want) ?? same.find((k) => want.startsWith(bare(k)) || bare(k).startsWith(want)) ?? null;
}

/**
 * tf.callbacks.earlyStopping given a metric name fit never logs (Keras's `val_accuracy`, tfjs's
 * `val_acc`): tfjs warns once an epoch and never stops, so training runs all its epochs. Certain
 * from the first epoch's logs; fixed with the name that is logged.
 */
function monitorMissing(run: ModelState): Hypothesis[] {
  const e = run.monitorMissing;
  if (!e) return [];
  const name = loggedNameFor(e.monitor, e.logged);
  const validation = e.monitor.startsWith('val_') && !e.logged.some((k) => k.startsWith('val_'));
  return [
    {
      id: 'monitor-missing:earlyStopping',
      symptom: 'monitor-missing',
      rootCause: 'training-length',
      layer: null,
      location: e.site,
      related: [],
      message: `Early stopping watches '${e.monitor}', which fit never logs (it logs ${spokenList(e.logged.map((k) => `'${k}'`))}${validation ? ': no validation data is given, so no val_ metric exists' : ''}). tfjs only warns each epoch, never stops, and training runs all its epochs.${name ? ` tfjs names it '${name}'.` : ''}`,
      evidence: [`'${e.monitor}' is not among the epoch's logs`],
      relevance: new Map(),
      fixes: name && e.site ? [{ title: `Watch '${name}', the name fit logs`, plan: { kind: 'callOption', site: e.site, callee: 'earlyStopping', key: 'monitor', to: `'${name}'` } }] : [],
      confirmBy: set(...HARM, 'overfitting'),
      strength: 1,
      weak: false,
      keepWhenLearning: true,
      certain: true,
    },
  ];
}

/**
 * An optimizer made with more arguments than its tf.train factory takes: tfjs drops them without a
 * word. `tf.train.sgd(0.01, 0.9)` is Keras's SGD(lr, momentum), but tfjs's sgd has no momentum, so
 * training runs as plain SGD, far slower than the script asks. Certain; for sgd given a momentum
 * in (0, 1), fixed by tf.train.momentum with the same arguments.
 */
function optimizerArgsIgnored(view: ModelView): Hypothesis[] {
  const opt = view.event.optimizer;
  const ignored = opt?.ignoredArgs;
  if (!ignored || !opt.site) return [];
  const first = ignored.values[0];
  const momentum = ignored.factory === 'sgd' && typeof first === 'number' && first > 0 && first < 1 ? first : null;
  const dropped = ignored.values.map((v) => (typeof v === 'number' ? fmt(v) : String(v))).join(', ');
  return [
    {
      id: 'optimizer-args-ignored:optimizer',
      symptom: 'optimizer-args-ignored',
      rootCause: 'optimizer',
      location: opt.site,
      related: [],
      message:
        momentum !== null
          ? `tf.train.sgd takes only a learning rate: its second argument, ${fmt(momentum)}, is dropped without a word. Keras's SGD(lr, momentum) has a momentum there; tfjs's sgd has none, so this trains as plain SGD, about ${fmt(Math.round(1 / (1 - momentum)))} times slower than with the momentum asked for. Use tf.train.momentum with the same arguments.`
          : `tf.train.${ignored.factory} takes fewer arguments than it was given: ${dropped} ${ignored.values.length === 1 ? 'is' : 'are'} dropped without a word, so the optimizer does not run with the settings written.`,
      evidence: [`tf.train.${ignored.factory} given ${dropped} past its own arguments`],
      fixes: momentum !== null ? [{ title: `Use tf.train.momentum (momentum ${fmt(momentum)})`, plan: { kind: 'renameOp', site: opt.site, from: 'sgd', to: 'momentum' } }] : [],
      ...certainFromTheRun(),
    },
  ];
}

/**
 * An optimizer made with a config object (`tf.train.adam({ learningRate: 0.001 })`, a Keras or
 * PyTorch habit) where tfjs takes the learning rate first: the object becomes the rate, and every
 * update is NaN. Certain; fixed by passing the rate itself.
 */
function optimizerGivenObject(view: ModelView): Hypothesis[] {
  const opt = view.event.optimizer;
  if (!opt?.rateGiven || !opt.site) return [];
  const name = opt.className.charAt(0).toLowerCase() + opt.className.slice(1);
  return [
    {
      id: 'optimizer-given-object:optimizer',
      symptom: 'optimizer-given-object',
      rootCause: 'optimizer',
      layer: null,
      location: opt.site,
      related: [],
      message:
        opt.rateGiven === 'function'
          ? `The ${opt.className} optimizer's learning rate is a function (a schedule): tfjs's optimizers take a number and never call it, so every update computed with it is NaN and the first step turns every weight into NaN. Start at the schedule's first rate, and set the later ones with optimizer.setLearningRate in a callback.`
          : `The ${opt.className} optimizer's learning rate is ${opt.rateGiven === 'object' ? 'an object' : `a ${opt.rateGiven}`}, not a number: tfjs's optimizer functions take their settings as positional arguments, learning rate first (tf.train.${name}(0.001)), not as a config object. Every update computed with it is NaN, so the first step turns every weight into NaN.`,
      evidence: [`learning rate given as ${opt.rateGiven === 'object' ? 'an object' : `a ${opt.rateGiven}`}`],
      relevance: new Map(),
      fixes:
        opt.rateGiven === 'function'
          ? [{ title: "Start at the schedule's first rate (its value at step 0)", plan: { kind: 'rateAtStart', site: opt.site } }]
          : [{ title: 'Pass the learning rate itself', plan: { kind: 'positionalRate', site: opt.site } }],
      confirmBy: set(...HARM, ...NUMERIC),
      strength: 1,
      weak: false,
      keepWhenLearning: true,
      certain: true,
      explainsAllHarm: true,
    },
  ];
}

/**
 * fit given `initialEpoch` at or past `epochs` (a resumed run that passes how many more epochs it
 * wants, where tfjs takes the epoch to stop at): its epoch loop never runs, and it returns at once,
 * silently, having trained nothing. Certain.
 */
function fitTrainsNoEpoch(view: ModelView): Hypothesis[] {
  const { epochs, initialEpoch } = view.event.fitConfig;
  const fitSite = view.event.fitSite;
  if (view.event.mode === 'custom' || typeof epochs !== 'number' || !fitSite) return [];
  let told: Pick<Hypothesis, 'message' | 'evidence' | 'fixes' | 'atFix' | 'writtenOption'>;
  if (typeof initialEpoch === 'number') {
    if (initialEpoch < epochs) return [];
    told = {
      message: `This fit call is given initialEpoch ${initialEpoch} and epochs ${epochs}: tfjs trains from epoch initialEpoch up to (not including) epoch \`epochs\`, the index to stop at, not a count of more epochs, so it trains no epoch and returns at once. To train ${epochs} more epochs, pass epochs: initialEpoch + ${epochs}.`,
      evidence: [`fit({ epochs: ${epochs}, initialEpoch: ${initialEpoch} })`],
      fixes: [{ title: 'Count epochs on from initialEpoch', plan: { kind: 'epochsAfterInitial', fitSite } }],
      atFix: true,
    };
  } else {
    // epochs computed as 0 (an integer division that rounds down for this data): no epoch either.
    if (epochs >= 1) return [];
    told = {
      message: `This fit call is given epochs ${epochs}: it trains no epoch and returns at once, and the model keeps its random initial weights. A count computed from the data's size that rounds down (Math.floor of a ratio below 1) does this; train for at least one epoch.`,
      evidence: [`fit({ epochs: ${epochs} })`],
      fixes: [{ title: 'Train for at least one epoch: Math.max(1, ...)', plan: { kind: 'atLeastOne', fitSite, key: 'epochs' } }],
      writtenOption: 'epochs',
    };
  }
  return [
    {
      id: 'fit-trains-no-epoch:fit',
      symptom: 'fit-trains-no-epoch',
      rootCause: 'training-length',
      layer: null,
      location: fitSite,
      related: [],
      relevance: new Map(),
      ...told,
      confirmBy: set(...HARM, 'weights-unchanged'),
      strength: 1,
      weak: false,
      certain: true,
      keepWhenLearning: true,
      explainsAllHarm: true,
    },
  ];
}

/**
 * fit batches as large as the training set with few epochs: the whole run is a handful of
 * updates. Hidden until a stall needs a cause (fewUpdates judges a run that ends without one).
 */
function fewPlannedUpdates(view: ModelView, run: ModelState): Hypothesis[] {
  const fitSite = view.event.fitSite;
  const epochs = view.event.fitConfig['epochs'];
  const whole = wholeSetBatches(view, run);
  if (!fitSite || !whole || typeof epochs !== 'number' || epochs * whole.perEpoch >= FEW_UPDATES) return [];
  const { batchSize, rows, share, perEpoch } = whole;
  return [
    {
      id: 'batch-size:updates',
      symptom: 'training-cut-short',
      rootCause: 'batch-size',
      layer: null,
      location: fitSite,
      related: [],
      message: `batchSize ${batchSize} takes ${share} in one batch, so the ${epochs} epochs make only ${epochs * perEpoch} weight updates in all. Batches of 32 make ${Math.ceil(rows / 32)} updates an epoch.`,
      evidence: [`batchSize ${batchSize}, ${rows} training rows, ${epochs} epochs`],
      relevance: new Map(),
      fixes: [batchSizeFix(fitSite)],
      confirmBy: set('loss-not-decreasing', 'accuracy-not-increasing'),
      strength: 0.6,
      weak: true,
    },
  ];
}

/** All configuration hypotheses for the model as far as its events are known. */
export function configHypotheses(view: ModelView, run: ModelState): Hypothesis[] {
  const out: Hypothesis[] = [...nonFiniteData(view, run), ...lossArgumentsSwapped(view, run), ...broadcastInLoss(view, run), ...batchAxisInLoss(view, run), ...columnTargets(view, run), ...trainableAfterCompile(view, run), ...percentageLossNearZero(view, run), ...shuffledApart(view, run), ...shuffledInsideSamples(view, run)];
  for (const o of view.outputs) out.push(...outputChecks(view, run, o));
  for (const o of view.outputs) out.push(...oneTagPerRow(view, run, o), ...labelsAsShares(view, run, o));
  out.push(...inputChecks(view, run));
  out.push(...meanAndSpreadSwapped(view, run));
  out.push(...narrowColumns(view, run));
  out.push(...unrelatedTargets(view, run));
  out.push(...pixelsCentredOnChannels(run));
  out.push(...targetsCopiedFromInputs(view, run));
  out.push(...oneHotInputsPastDepth(view, run));
  out.push(...learningRateCheck(view, run));
  out.push(...largeEpsilon(view));
  out.push(...zeroEpsilon(view));
  out.push(...rmspropDecayZero(view));
  out.push(...momentumGivenBoolean(view));
  out.push(...sortedByBoolean(run));
  out.push(...parsedToComma(run));
  out.push(...signDropped(run));
  out.push(...datesFromSeconds(run));
  out.push(...parsedHexAsDecimal(run));
  out.push(...parsedBehindSymbol(run));
  out.push(...dropoutSeedFixed(run));
  out.push(...logitsClipped(run));
  out.push(...cosineLogits(run));
  out.push(...splitOnWords(run));
  out.push(...rotatedByDegrees(run));
  out.push(...byteOrderMarkKept(run));
  out.push(...regexStateCarried(run));
  out.push(...valuesOffIndex(run));
  out.push(...integersRounded(run));
  out.push(...emptyBatch(run));
  out.push(...expOfExp(run));
  out.push(...gatherAcrossRows(run));
  out.push(...stepsStopped(run));
  out.push(...weightsAveraged(run));
  out.push(...weightsSummed(run));
  out.push(...absOfSummedErrors(run));
  out.push(...huberBranchesSwapped(run));
  out.push(...stepBelowResolution(run));
  out.push(...sineSpreadWide(run));
  out.push(...prunedLargest(run));
  out.push(...tagsReversed(run));
  out.push(...inputsSwapped(run));
  out.push(...inputGivenTwice(run));
  out.push(...pinballFlipped(run));
  out.push(...signedDistance(run));
  out.push(...rateGroupsSwapped(run));
  out.push(...varListMissing(run));
  out.push(...argmaxTarget(run));
  out.push(...fedByUntrained(run));
  out.push(...divisorCrossedZero(run));
  out.push(...maskMultiplied(run));
  out.push(...scoresScaledUp(run));
  out.push(...rowsIdentical(run));
  out.push(...contrastiveUnnormalized(run));
  out.push(...weightsCopiedToSelf(run));
  out.push(...positivesMasked(run));
  out.push(...logitsAsProbabilities(run));
  out.push(...headsSplit(run));
  out.push(...focalInverted(run));
  out.push(...maxOverBatch(run));
  out.push(...idsRenumbered(run));
  out.push(...channelsPermuted(run));
  out.push(...softmaxRowsMasked(run));
  out.push(...restoredUntrained(run));
  out.push(...viewsIdentical(run));
  out.push(...cooperatingOpponents(run));
  out.push(...drawsWithinBatch(run));
  out.push(...layerDetached(view, run));
  out.push(...scoresSummedOverBatch(run));
  out.push(...standardizedTooNarrow(view, run));
  out.push(...outputBiasFarFromTargets(view, run));
  out.push(...inputsDrift(run));
  out.push(...masksMisaligned(run));
  out.push(...tagsMisaligned(run));
  out.push(...heavyLabelSmoothing(view, run));
  out.push(...weightsKeepOneTarget(run));
  out.push(...lossWeightsZero(run));
  out.push(...classWeightsInverted(view, run));
  out.push(...classWeightsTiny(view, run));
  out.push(...classWeightsEqual(view, run));
  out.push(...weightsSetDuringFit(view, run));
  out.push(...restoredWorstEpoch(view, run));
  out.push(...weightsOverwritten(run));
  out.push(...fitTrainsNoEpoch(view));
  out.push(...fewBatchesPerEpoch(view));
  out.push(...datasetTaken(view, run));
  out.push(...tinyHuberDelta(view, run));
  out.push(...logLossOnUnboundedOutput(view, run));
  out.push(...sequenceCutToOneStep(view, run));
  out.push(...targetsSorted(view, run));
  out.push(...tinyMaxNorm(run));
  out.push(...lossDividedTooMuch(view, run));
  out.push(...penaltyDominates(run));
  out.push(...gradientBlocked(view, run));
  out.push(...outputsScaledBeforeLoss(view, run));
  out.push(...variablesBlocked(run));
  out.push(...untrackedVariables(run));
  out.push(...truncatedData(view, run));
  out.push(...datasetSpent(run));
  out.push(...shuffledSeries(view, run));
  out.push(...gradientAscent(run));
  out.push(...activationAppliedTwice(view, run));
  out.push(...initializationChecks(view));
  out.push(...saturatedOutputBias(view, run));
  out.push(...saturatedHiddenBias(view));
  out.push(...initScaleChecks(view));
  out.push(...residualStreamGrows(view, run));
  out.push(...outputKernelHeldToUnitNorm(view, run));
  out.push(...fineTunedAtScratchRate(view, run));
  out.push(...layerSharedAcrossMembers(view, run));
  out.push(...unusedActivation(view));
  out.push(...unusedInput(view));
  out.push(...lossDividedByCount(run));
  out.push(...layerNormOverOneValue(view));
  out.push(...oneSidedClip(run));
  out.push(...zeroMargin(run));
  out.push(...powerShrinksLoss(view, run));
  out.push(...batchesRelabelled(view, run));
  out.push(...penaltySubtracted(run));
  out.push(...usedBeforeTraining(run));
  out.push(...usedUntrained(run));
  out.push(...scoredOnTrainedRows(run));
  out.push(...inputsOffScale(run));
  out.push(...scaledApart(run));
  out.push(...gradientsReapplied(run));
  out.push(...thresholdOutsideOutputs(run));
  out.push(...drawComparedOutside(run));
  out.push(...lossNegated(run));
  out.push(...trainingModeAfter(run));
  out.push(...dividedByZero(run));
  out.push(...maskRaisesScores(run));
  out.push(...kernelsFrozen(run));
  out.push(...targetInInputs(run));
  out.push(...rateLeftBySweep(run));
  out.push(...rateLeftByOtherModel(run));
  out.push(...inputsSquashed(run));
  out.push(...targetSentinel(run));
  out.push(...variablesInitWide(run));
  out.push(...variablesConstant(run));
  out.push(...idsNumberedPerRow(view, run));
  out.push(...tokensMostlyOneId(view, run));
  out.push(...spreadGrowsWithIndex(view, run));
  out.push(...logOfSignedOutput(run));
  out.push(...softmaxUnshifted(run));
  out.push(...classesNeverTrained(view, run));
  out.push(...constantInputColumns(view, run));
  out.push(...targetsMixedUnits(view, run));
  out.push(...weightsClamped(run));
  out.push(...targetsNoisyInputs(run));
  out.push(...validationIgnored(view));
  out.push(...monitorMissing(run));
  out.push(...weightsKeptLive(run));
  out.push(...targetsZeroFilled(view, run));
  out.push(...gradientsSummed(run));
  out.push(...optimizerGivenObject(view));
  out.push(...optimizerArgsIgnored(view));
  out.push(...zeroStart(view));
  out.push(...kernelCoversInput(view));
  const linear = linearThroughout(view);
  out.push(...linear);
  if (!linear.length) out.push(...missingActivation(view));
  out.push(...identityLeakyRelu(view));
  out.push(...residualMultiplied(view));
  out.push(...highDropout(view));
  out.push(...constraintsIgnored(view));
  out.push(...dropoutAfterOutput(view));
  out.push(...dropoutOnTokenIds(view));
  out.push(...noiseDrownsInputs(view, run));
  out.push(...tinyBatchNormalization(view));
  out.push(...frozenMovingStatistics(view));
  out.push(...strideSkipsInput(view));
  out.push(...pointwiseOnly(view));
  out.push(...noBias(view, run));
  out.push(...hiddenSigmoid(view));
  out.push(...hiddenSoftmax(view));
  out.push(...oneUnitBottleneck(view));
  out.push(...wholeImagePooling(view));
  out.push(...channelsFirstImages(view));
  out.push(...gradientsShrunk(run));
  out.push(...unboundedRecurrentState(view));
  out.push(...constantRecurrentKernel(view));
  out.push(...gradientsAccumulated(run));
  out.push(...clipInverted(run));
  out.push(...gradientsDrowned(run));
  out.push(...clipsUnused(run));
  out.push(...fewPlannedUpdates(view, run));
  out.push(...inferenceMode(view, run));
  out.push(...nothingTrainable(view));
  out.push(...frozenUntrained(view));
  out.push(...paddedAtEnd(view, run));
  out.push(...emptyTailInputs(view, run));
  out.push(...copiedInputColumns(view, run));
  out.push(...oneClassTargets(view, run));
  out.push(...labelsAreIds(view, run));
  out.push(...labelsInverted(view, run));
  out.push(...trainedOnSmallerSplit(view, run));
  out.push(...epochsPerCallRepeated(view, run));
  out.push(...evaluatedOnUnseenClasses(run));
  out.push(...memorizedAtChance(view, run));
  out.push(...sameTargetRows(view, run));
  out.push(...fractionalEmbeddingIds(view, run));
  out.push(...copiesRelabelled(view, run));
  out.push(...noisyTwins(view, run));
  out.push(...scaledAsAWhole(view, run));
  out.push(...rowsLeftOut(view, run));
  out.push(...largeValidationSplit(view, run));
  out.push(...validationOutnumbersTraining(view, run));
  out.push(...classMajorTargets(view, run));
  out.push(...validationScale(view, run));
  out.push(...validationTargetScale(view, run));
  out.push(...validationNonFinite(view, run));
  out.push(...validationIsTraining(view, run));
  out.push(...unshuffledBatches(view, run));
  out.push(...unshuffledDatasetBatches(view, run));
  out.push(...validationClassesUnseen(view, run));
  // One hypothesis per id (the first, most specific, wins), and none whose symptom another explains.
  const explained = new Set(out.flatMap((h) => h.explains ?? []));
  const seen = new Set<string>();
  return out.filter((h) => !explained.has(h.symptom) && (seen.has(h.id) ? false : (seen.add(h.id), true)));
}

/**
 * The least mean squared error an output confined to [lo, hi] can reach on these targets: their
 * squared excess beyond the bounds. Null when the summary does not cover these bounds.
 */
export function rangeFloor(ys: TensorSummary, lo: number, hi: number): number | null {
  const e = ys.rangeExcess;
  if (!e) return null;
  const below = lo === -Infinity ? 0 : lo === 0 ? e.below0 : lo === -1 ? e.belowMinus1 : null;
  const above = hi === Infinity ? 0 : hi === 1 ? e.above1 : null;
  return below === null || above === null ? null : below + above;
}
