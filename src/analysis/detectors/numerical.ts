/**
 * NaN / Infinity. Finds where the non-finite value was born: the first layer in data-flow
 * order whose inputs are finite and whose output is not (later layers only propagate it).
 * Weights that are already non-finite mean a bad update (the learning rate); a finite
 * forward pass with a non-finite loss means the loss itself (usually the output activation).
 */
import type { RootCause, Symptom } from '../findings';
import { type Cause, type Ctx, hypothesisIds, type Hypothesis, learningRateFix, optimizerBand, optimizerFactory, scalesTargets, type Observation, type RelevanceSpec } from '../context';
import type { LayerView } from '../model';
import type { LayerSample } from '../model-state';
import type { FixPlan, PlannedFix } from '../fixes';
import { fmt, isNum, literal, median } from '../stats';
import type { HandWrittenUpdateEvent, IterationEvent, SourceSite } from '../trace';

function confirmable(ctx: Ctx, symptom: Symptom, causes: RootCause[], pred: (h: Hypothesis) => boolean = () => true): Hypothesis[] {
  return hypothesisIds(ctx, (h) => !h.weak && h.confirmBy.has(symptom) && causes.includes(h.rootCause) && pred(h));
}

/** Gradient norm now versus early in training: a sign that updates blew up. */
function gradGrowth(ctx: Ctx): { early: number; peak: number } | null {
  const h = ctx.run.gradNorm;
  const early = h.head.slice(0, 10).map((p) => p.value);
  if (early.length < 3) return null;
  const e = median(early);
  if (!(e > 0)) return null;
  return { early: e, peak: h.max };
}

/** A rate this many times the one the optimizer was made with was raised, not chosen. */
const RAISED = 4;

/**
 * The learning rate was raised during training (by a schedule or a callback), not set too high in
 * the source; `site` is the line that raised it, when the probe saw it.
 */
export function raisedMidRun(ctx: Ctx): { from: number; to: number; site: SourceSite | null } | null {
  const configured = ctx.view?.event.optimizer?.learningRate;
  const live = ctx.run.lastLearningRate;
  return isNum(configured) && isNum(live) && live >= RAISED * configured ? { from: configured, to: live, site: ctx.run.learningRateSite } : null;
}

/** Blames a rate raised while training on the line that raised it; null when it was not raised. */
export function raisedRateCause(ctx: Ctx, confirms: string[] = []): Cause | null {
  const raised = raisedMidRun(ctx);
  if (!raised) return null;
  // Lowering the literal the optimizer was created with would not undo a rate raised while
  // training: the line that raised it is the one to edit. A schedule that multiplies the rate
  // each time grows it without bound: its factor is inverted.
  const fixes: PlannedFix[] = raised.site
    ? [
        // A momentum schedule whose value is handed to setLearningRate (copied from a rate schedule).
        { title: 'Set the momentum with setMomentum, not the learning rate', plan: { kind: 'setMomentumNotRate', site: raised.site } },
        // A floor (Math.max(lr * factor, MIN_LR)) set above the starting rate raises it at the first decay.
        { title: `Keep the floor below the starting rate (${literal(raised.from / 1000)})`, plan: { kind: 'floorBelowRate', site: raised.site, rate: raised.from } },
        // A polynomial decay with the rate as the power's base grows towards 1.
        { title: 'Multiply the rate by the decaying fraction raised to the power', plan: { kind: 'rateAsFactor', site: raised.site } },
        { title: 'Decay the learning rate at each change instead of growing it', plan: { kind: 'rateFactor', site: raised.site } },
        { title: `Keep the learning rate at ${literal(raised.from)} instead of raising it to ${literal(raised.to)}`, plan: { kind: 'rateValue', site: raised.site, to: raised.from } },
      ]
    : [];
  return { rootCause: 'learning-rate', layer: null, location: raised.site ?? ctx.view?.optimizerSite ?? null, fixes, confirms, folds: [], atFixKinds: ['floorBelowRate'] };
}

/**
 * The rate itself was NaN or infinite (a schedule that divided by 0, a rate parsed from a missing
 * setting): every update is then non-finite, whatever the rate was meant to be. Blamed on the line
 * that set it, shown where the value it was given was computed.
 */
function nonFiniteRateCause(ctx: Ctx): Cause | null {
  const bad = ctx.run.nonFiniteRate;
  if (!bad) return null;
  const view = ctx.view;
  const location = bad.site ?? view?.optimizerSite ?? null;
  // Made with a rate read from a setting that was not given (parseFloat(process.env.X) is NaN): a fallback there.
  const factory = view?.event.optimizer ? optimizerFactory(view.event.optimizer) : undefined;
  const band = optimizerBand(view?.event.optimizer);
  const fixes: PlannedFix[] =
    !bad.site && location && factory && band
      ? [{ title: `Fall back to ${literal(band.typical)} when the setting is missing`, plan: { kind: 'settingFallback', site: location, callee: factory, index: 0, fallback: literal(band.typical) } }]
      : bad.site
        ? [
            // A callback written (logs, epoch): tfjs passes (epoch, logs), so `epoch` is the logs (or undefined).
            { title: "Take the callback's parameters in tfjs's order: (epoch, logs)", plan: { kind: 'callbackParamsOrder', site: bad.site } },
            // A schedule that divides by the epoch or step, which starts at 0; or one with a branch that returns nothing.
            { title: 'Count from 1 in the division (the first epoch is 0)', plan: { kind: 'divisorPlusOne', site: bad.site } },
            { title: "Return the rate from the schedule's branch that computes it and returns nothing", plan: { kind: 'returnInBranch', site: bad.site } },
            // A warmup whose length is 0 (warmup off): Math.min(1, step / 0) is NaN at the first step.
            { title: 'Use the full rate when the warmup length is 0', plan: { kind: 'guardWarmupRatio', site: bad.site } },
            // A rate read from optimizer.lr (Keras's name), undefined in tfjs.
            { title: 'Read the rate from optimizer.learningRate (a tfjs optimizer has no lr)', plan: { kind: 'rateProperty', site: bad.site } },
            // A table of rates written for fewer epochs than the run has: undefined past its end.
            { title: 'Keep the last rate of the table once the epochs run past it', plan: { kind: 'clampTableIndex', site: bad.site } },
          ]
        : [];
  return { rootCause: 'learning-rate', layer: null, location, fixes, confirms: [], folds: [], ...(location ? { rateValueAt: location } : {}) };
}

/** How to say that the learning rate is to blame. */
function lrBlame(ctx: Ctx): string {
  const bad = ctx.run.nonFiniteRate;
  if (bad) return `the learning rate itself was not a number (NaN, Infinity or undefined) from iteration ${bad.iter}${bad.site ? ' (the value the script gave the optimizer during training)' : ' (the value the optimizer was made with)'}, which makes every update non-finite`;
  if (summedLossCause(ctx)) {
    return `the loss adds up ${ctx.run.lossSummedValues} values instead of averaging them, so every gradient, and every step, is ${ctx.run.lossSummedValues} times what the learning rate was chosen for`;
  }
  if (scaledLossCause(ctx)) {
    const scale = exactly(ctx.run.lossScale!);
    return `the loss is multiplied by ${scale} (a loss scale) and the gradients are never divided back, so under ${ctx.view?.event.optimizer?.className.replace(/Optimizer$/, '') ?? 'this optimizer'} every step is ${scale} times what the learning rate was chosen for`;
  }
  const update = oversizedUpdate(ctx);
  if (update) return `the update written on line ${update.site!.line} changed a weight matrix by ${fmt(update.largestStep)} times its own size in one step: check its formula (a rate divided by where it should multiply, or a mean squared gradient without its square root)`;
  const raised = raisedMidRun(ctx);
  return raised ? `the learning rate was raised during training from ${fmt(raised.from)} to ${fmt(raised.to)}` : 'the learning rate is too high';
}

/**
 * A custom loop's loss that sums over many values (tf.sum of a batch's squared errors) where a
 * mean was meant: its gradients, and so every step, are that many times larger, at a learning rate
 * in its usual range. The loss line is the one to edit.
 */
const SUMMED_MANY = 64;

function summedLossCause(ctx: Ctx): Cause | null {
  const run = ctx.run;
  const n = run.lossSummedValues;
  const band = optimizerBand(ctx.view?.event.optimizer);
  const lr = run.lastLearningRate ?? ctx.view?.event.optimizer?.learningRate ?? null;
  if (n === null || n < SUMMED_MANY || !run.lossSite || !band || !isNum(lr) || lr >= band.high || raisedMidRun(ctx)) return null;
  return {
    rootCause: 'loss-function',
    layer: null,
    location: run.lossSite,
    fixes: [{ title: 'Average the loss instead of summing it: tf.mean', plan: { kind: 'sumToMean', site: run.lossSite } }],
    confirms: [],
    folds: [],
  };
}

/** A whole number as written (a loss scale of 1024 is not "1020"); others to three figures. */
function exactly(v: number): string {
  return Number.isInteger(v) ? String(v) : fmt(v);
}

/**
 * A custom loop's loss multiplied by a large number (a loss scale copied from a mixed-precision
 * recipe) whose gradients are applied as they are: under a plain gradient step (SGD, momentum),
 * whose steps grow with the gradients, every step is that many times larger. Adaptive optimizers
 * divide the scale out. The line that scales the loss is the one to edit.
 */
const SCALED_MANY = 8;

function scaledLossCause(ctx: Ctx): Cause | null {
  const run = ctx.run;
  const scale = run.lossScale;
  const optimizer = ctx.view?.event.optimizer?.className ?? '';
  if (scale === null || scale < SCALED_MANY || !run.lossSite || !/^(?:SGD|Momentum)(?:Optimizer)?$/i.test(optimizer) || raisedMidRun(ctx)) return null;
  return {
    rootCause: 'learning-rate',
    layer: null,
    location: run.lossSite,
    fixes: [{ title: `Train on the loss itself, not ${exactly(scale)} times it`, plan: { kind: 'unwrapCall', site: run.lossSite, op: 'mul', arity: 2 } }],
    confirms: [],
    folds: [],
  };
}

/** A custom loop's own update (writes outside applyGradients) that changed a weight matrix by more than its own size in one step. */
export function oversizedUpdate(ctx: Ctx): HandWrittenUpdateEvent | null {
  const update = ctx.run.handWrittenUpdate;
  return update?.site && update.largestStep >= 1 ? update : null;
}

/** The rate is in the update's own formula then: its line is the one to edit, where it divides by the rate or by a mean squared gradient. */
export function oversizedUpdateCause(ctx: Ctx): Cause | null {
  const update = oversizedUpdate(ctx);
  if (!update) return null;
  return {
    rootCause: 'optimizer',
    layer: null,
    location: update.site,
    fixes: [
      { title: 'Multiply the gradient by the learning rate', plan: { kind: 'rateMultiplies', site: update.site! } },
      { title: 'Divide the step by the square root of the mean squared gradient', plan: { kind: 'sqrtOfDivisor', site: update.site! } },
    ],
    confirms: [],
    folds: [],
  };
}

function lrCause(ctx: Ctx, symptom: Symptom): Cause {
  const nonFinite = nonFiniteRateCause(ctx);
  if (nonFinite) return nonFinite;
  // An epsilon of 0: a weight whose gradient stays 0 gets a step of 0 / 0.
  const zeroEpsilon = confirmable(ctx, symptom, ['optimizer'], (h) => h.symptom === 'optimizer-epsilon-zero')[0];
  if (zeroEpsilon) return { rootCause: zeroEpsilon.rootCause, layer: null, location: zeroEpsilon.location, fixes: zeroEpsilon.fixes, confirms: [zeroEpsilon.id], folds: [] };
  // Steps as large as the raw gradients, while the loop meant to clip them.
  const unclipped = confirmable(ctx, symptom, ['optimizer'], (h) => h.symptom === 'clipped-gradients-unused')[0];
  if (unclipped) return { rootCause: unclipped.rootCause, layer: null, location: unclipped.location, fixes: unclipped.fixes, confirms: [unclipped.id], folds: [] };
  const summed = summedLossCause(ctx);
  if (summed) return summed;
  const scaled = scaledLossCause(ctx);
  if (scaled) return scaled;
  // A percentage error on targets near 0 takes steps as large as its largest ratio: its own overflow.
  const percentage = confirmable(ctx, symptom, ['loss-function'], (h) => h.symptom === 'percentage-loss-near-zero')[0];
  if (percentage) return { rootCause: percentage.rootCause, layer: null, location: percentage.location, fixes: percentage.fixes, confirms: [percentage.id], folds: [] };
  // Outputs multiplied before the loss make every step larger, as a higher rate would.
  const scaledSteps = hypothesisIds(ctx, (h) => !h.weak && h.scalesSteps === true && h.confirmBy.has(symptom))[0];
  if (scaledSteps) return { rootCause: scaledSteps.rootCause, layer: null, location: scaledSteps.location, fixes: scaledSteps.fixes, confirms: [scaledSteps.id], folds: [] };
  const oversized = oversizedUpdateCause(ctx);
  if (oversized) return oversized;
  const view = ctx.view;
  const lrHyps = confirmable(ctx, symptom, ['learning-rate']);
  const raised = raisedRateCause(ctx, lrHyps.map((h) => h.id));
  if (raised) return raised;
  const fix = learningRateFix(view, ctx.run, 0.1);
  return {
    rootCause: 'learning-rate',
    layer: null,
    location: view?.optimizerSite ?? null,
    fixes: fix ? [fix] : [],
    confirms: lrHyps.map((h) => h.id),
    folds: [],
  };
}

function inputCause(h: Hypothesis): Cause {
  return { rootCause: 'input-normalization', layer: null, location: h.location, fixes: h.fixes, confirms: [h.id], folds: [] };
}

/**
 * The loss multiplied ten-thousandfold in one step, to a value no healthy run reaches that way:
 * the overflow is under way before any value turns non-finite. Judged on every iteration, so a
 * learning rate raised mid-run is caught at the first step that used it.
 */
function lossExplosion(ctx: Ctx, e: IterationEvent): Observation[] {
  const run = ctx.run;
  if (e.loss === null || run.numeric !== 'none' || run.exploded) return [];
  const recent = run.loss.recent.last(9);
  if (recent.length < 5 || recent[recent.length - 1]!.iter !== e.iter) return [];
  const before = Math.max(...recent.slice(0, -1).map((p) => Math.abs(p.value)));
  if (!(e.loss > 1e4 * Math.max(before, 1e-3) && e.loss > 1e3)) return [];
  run.exploded = true;
  const view = ctx.view;
  const raised = raisedMidRun(ctx);
  const cause = lrCause(ctx, 'loss-diverging');
  const since = raised ? run.learningRateSince : null;
  return [
    {
      symptom: 'loss-diverging',
      about: 'loss',
      harm: true,
      priority: 0.9,
      layer: null,
      iteration: e.iter,
      elapsedMs: e.elapsedMs,
      message: raised
        ? `The loss exploded from ${fmt(before)} to ${fmt(e.loss)} in one step after the learning rate was raised during training from ${fmt(raised.from)} to ${fmt(raised.to)}${since !== null ? ` (iteration ${since})` : ''}; the weights are overflowing. Keep the learning rate near ${fmt(raised.from)}.`
        : `The loss exploded from ${fmt(before)} to ${fmt(e.loss)} in one step: the weights are overflowing; the learning rate is too high.`,
      evidence: [`loss ${fmt(e.loss)} at iteration ${e.iter}, at most ${fmt(before)} over the previous ${recent.length - 1} iterations`, ...(isNum(e.learningRate) ? [`learning rate ${fmt(e.learningRate)}`] : [])],
      relevance: new Map(),
      related: view?.event.fitSite ? [{ site: view.event.fitSite, message: `loss exploded at iteration ${e.iter}` }] : [],
      cause,
      onset: since ?? undefined,
    },
  ];
}

/**
 * The loss falls without bound below 0, a hundred times below where it started: what minimizing
 * does to a log-likelihood (or a score) returned without its minus sign. Cross-entropies and
 * squared errors never go below 0; a surrogate that does (an entropy bonus) stays near it.
 */
function lossUnboundedBelow(ctx: Ctx, e: IterationEvent): Observation[] {
  const run = ctx.run;
  if (e.loss === null || e.loss >= 0 || run.unboundedBelow) return [];
  const head = run.loss.head.slice(0, 5).map((p) => p.value);
  if (head.length < 5) return [];
  const start = median(head);
  if (!(e.loss < -100 * Math.max(1, Math.abs(start)))) return [];
  run.unboundedBelow = true;
  const view = ctx.view;
  const cosine = cosineDistanceCall(ctx, e, start);
  if (cosine) return [{ ...unboundedObservation(ctx, e, start, cosine.site), message: cosine.message, cause: cosine.cause }];
  const site = run.lossSite ?? view?.compileSite ?? null;
  // A log-likelihood returned without its minus sign starts at or below 0, from its first step; a
  // loss that starts above 0 and falls through it has a term that grows without limit one way (a
  // margin loss without its hinge), not a sign to flip.
  const signFlipped = start <= 0 && run.loss.head[0]!.value <= 0;
  const why = signFlipped
    ? 'A loss that can reach −∞ is maximized this way, not minimized; it is usually a log-likelihood returned without its minus sign. Minimize its negative.'
    : 'It started above 0, so it is no log-likelihood with its sign lost: it has no minimum, because a term of it grows without limit as the predictions move one way (a margin loss written without its hinge at 0, a coefficient outside its range, such as a quantile of 90 where 0.9 was meant, or a penalty with the wrong sign: the log-variance of a Gaussian likelihood subtracted, a KL weight written 1 − epoch / N that turns negative, the log-determinant of a flow added to its negative log-likelihood).';
  return [
    {
      ...unboundedObservation(ctx, e, start, site),
      message: `The loss falls without bound below 0, from ${fmt(start)} at the start to ${fmt(e.loss)} at iteration ${e.iter}: minimizing it pushes the model away from its targets. ${why}`,
      cause: {
        rootCause: 'loss-function',
        layer: null,
        location: site,
        fixes: !run.lossSite
          ? []
          : signFlipped
            ? [{ title: 'Minimize the negative of this loss', plan: { kind: 'negateLoss', site: run.lossSite } }]
            : [
                // A Gaussian likelihood whose log-variance term is subtracted: the variance grows without limit.
                { title: 'Add the log-variance term: a likelihood charges for a wide variance', plan: { kind: 'logVarianceSign', site: run.lossSite } },
                // A term weighted by 1 − epoch / N (a KL annealing written backwards): negative past N.
                { title: 'Ramp the weight up and cap it at 1: Math.min(1, epoch / N)', plan: { kind: 'annealRising', site: run.lossSite } },
                // A flow's negative log-likelihood with its log-determinant added: contracting everything pays without end.
                { title: 'Subtract the log-determinant: the likelihood of x is p(z) times |det J|', plan: { kind: 'logDetSign', site: run.lossSite } },
                { title: 'Clip each row of the margin loss at 0: tf.relu(d(a, p) − d(a, n) + margin)', plan: { kind: 'hingeMargin', site: run.lossSite } },
                // A loss returned as a difference: its subtracted term (a KL divergence, a penalty) grows without limit.
                { title: 'Add the subtracted term: a penalty raises the loss', plan: { kind: 'addSubtracted', site: run.lossSite } },
              ],
        confirms: [],
        folds: [],
      },
    },
  ];
}

/**
 * tf.losses.cosineDistance on predictions the script never scaled to unit length: tfjs computes
 * 1 − Σ y·ŷ without normalizing either side, so growing the predictions along the targets lowers it
 * without bound. On one value per row (a regression) it is linear in the prediction: the loss for
 * such targets is a squared error.
 */
function cosineDistanceCall(ctx: Ctx, e: IterationEvent, start: number): { site: SourceSite; message: string; cause: Cause } | null {
  const call = ctx.run.lossCalls.get('cosineDistance');
  if (!call?.site) return null;
  const single = call.classes === 1;
  return {
    site: call.site,
    message: `The loss falls without bound below 0, from ${fmt(start)} at the start to ${fmt(e.loss!)} at iteration ${e.iter}: tf.losses.cosineDistance is 1 − Σ y·ŷ and takes both sides as already of unit length (it does not normalize them), so the model lowers it by making its predictions ever larger along the targets. ${single ? 'On one value per row it is linear in the prediction and has no minimum at all: a regression needs meanSquaredError.' : 'Normalize the predictions to unit length before the loss (divide each row by its norm).'}`,
    cause: {
      rootCause: 'loss-function',
      layer: null,
      location: call.site,
      fixes: single ? [{ title: 'Use meanSquaredError', plan: { kind: 'lossCallTo', site: call.site, from: 'cosineDistance', to: 'meanSquaredError' } }] : [],
      confirms: [],
      folds: [],
    },
  };
}

function unboundedObservation(ctx: Ctx, e: IterationEvent, start: number, site: SourceSite | null): Omit<Observation, 'message' | 'cause'> {
  const view = ctx.view;
  return {
    symptom: 'loss-diverging',
    about: 'loss',
    harm: true,
    priority: 0.9,
    layer: null,
    iteration: e.iter,
    elapsedMs: e.elapsedMs,
    evidence: [`loss ${fmt(e.loss!)} at iteration ${e.iter}, ${fmt(start)} over the first 5`],
    relevance: new Map(),
    related: view?.event.fitSite && site !== view.event.fitSite ? [{ site: view.event.fitSite, message: 'the training step' }] : [],
  };
}

export function detectNumerical(ctx: Ctx, e: IterationEvent): Observation[] {
  const run = ctx.run;
  const view = ctx.view;
  const state = run.numeric;
  const explosion = lossExplosion(ctx, e);
  if (explosion.length) return explosion;
  const unbounded = lossUnboundedBelow(ctx, e);
  if (unbounded.length) return unbounded;
  if (state === 'detailed') return [];
  const details = e.layers ?? [];
  const anyLayerNF = details.some(
    (d) => (d.out && d.out.nanCount + d.out.infCount > 0) || d.weights.some((w) => w.nanCount + w.infCount > 0) || d.grads.some((g) => g.nanCount + g.infCount > 0),
  );
  if (!e.lossNonFinite && !e.gradNonFinite && !anyLayerNF) return [];
  if (state === 'reported' && details.length === 0) return [];
  const hasDetails = details.length > 0 && view !== null;
  run.numeric = hasDetails ? 'detailed' : 'reported';

  const it = e.iter;
  const evidence: string[] = [];
  if (e.lossNonFinite) evidence.push(`loss became non-finite at iteration ${it}`);
  if (e.gradNonFinite) evidence.push(`gradients became non-finite at iteration ${it}`);
  const growth = gradGrowth(ctx);
  const exploded = growth !== null && growth.peak >= 100 * growth.early;
  if (growth && exploded) evidence.push(`gradient norm rose from ${fmt(growth.early)} to ${fmt(growth.peak)} before`);
  const lastLoss = run.loss.recent.latest();
  if (lastLoss) evidence.push(`last finite loss ${fmt(lastLoss.value)} at iteration ${lastLoss.iter}`);
  const lr = run.lastLearningRate ?? view?.event.optimizer?.learningRate;
  if (isNum(lr)) evidence.push(`learning rate ${fmt(lr)}`);
  const related = view?.event.fitSite ? [{ site: view.event.fitSite, message: `${e.lossNonFinite ? 'loss' : anyLayerNF && !e.gradNonFinite ? 'a layer' : 'gradients'} became NaN at iteration ${it}` }] : [];
  // With layer details the non-finite finding refines what was reported before it.
  const replaces = [...(state === 'reported' ? ['non-finite-loss:loss', 'non-finite-gradients:gradients'] : []), ...(run.exploded ? ['loss-diverging:loss'] : [])];

  const base = (symptom: Symptom, about: string, layer: LayerView | null, message: string, relevance: RelevanceSpec, cause: Cause): Observation => ({
    symptom,
    about,
    harm: true,
    priority: 0.95,
    layer,
    iteration: it,
    elapsedMs: e.elapsedMs,
    message,
    evidence,
    relevance,
    related,
    cause,
    replaces,
  });

  // Non-finite inputs: the data, not the model.
  const bad = [...run.data.x.values(), ...run.data.y.values()].find((x) => x.summary.nanCount + x.summary.infCount > 0);
  if (bad) {
    const n = bad.summary.nanCount + bad.summary.infCount;
    const what = bad.role === 'x' ? 'inputs' : 'targets';
    const about = `${bad.role}${bad.slot === 0 ? '' : bad.slot}`;
    return [
      base(e.lossNonFinite ? 'non-finite-loss' : anyLayerNF || !e.gradNonFinite ? 'non-finite-output' : 'non-finite-gradients', about, null, `Training turned non-finite at iteration ${it}: the ${n} NaN or Infinity value${n > 1 ? 's' : ''} in the training ${what} reached the weights.`, new Map(), {
        rootCause: 'training-data',
        layer: null,
        location: bad.site ?? view?.event.fitSite ?? null,
        fixes: [],
        confirms: hypothesisIds(ctx, (h) => h.id === `non-finite-data:${about}`).map((h) => h.id),
        folds: [],
      }),
    ];
  }

  // A square root took 0 (infinite slope) or less (NaN), or a log of the loss's own took 0 or less, at this very step: the loss's own math.
  const op = run.opAtZero;
  if (op && op.iter === it) {
    const symptom: Symptom = e.lossNonFinite ? 'non-finite-loss' : 'non-finite-gradients';
    const where = op.site ? ` on line ${op.site.line}` : ' in the loss';
    const at = op.call === 'norm' ? `the square root that the Euclidean norm (tf.norm)${where} takes` : op.call === 'log' ? `the log${where}` : op.call === 'pow' ? `the fractional power${where}` : `the square root${where}`;
    const took = [op.zeros ? `exactly 0 for ${op.zeros}` : '', op.negatives ? `a negative number for ${op.negatives}` : ''].filter(Boolean).join(' and ');
    evidence.unshift(`${at} took ${took} of its ${op.count} values at iteration ${it}`);
    const why = op.call === 'pow'
      ? `A negative number raised to a fractional power is NaN, and so is its gradient: a power between 1 and 2 of a signed error must be taken of its absolute value, tf.pow(tf.abs(e), p).`
      : op.ofProduct
      ? `What the log took is the product of the values (tf.prod), which underflows to 0 in float32 long before any one of them is small (256 probabilities of 0.2 multiply to about 1e-179). The log of a product is the sum of the logs: take tf.sum(tf.log(x)) instead, which stays a plain number.`
      : op.call === 'log'
        ? `log(0) is -Infinity (and the log of a negative number NaN), and its slope there is infinite, so the step's gradients turn NaN; a ratio such as a dice or IoU score is 0 on an empty mask. Keep what the log takes above 0 (tf.maximum(x, 1e-7)), or smooth the ratio (add 1 above and below).`
        : `${op.zeros ? `Its slope at 0 is infinite (1 / (2√0)), so the chain rule makes every gradient before it NaN even though the loss itself is finite; a Euclidean distance between two identical embeddings is such a 0.` : `The square root of a negative number is NaN.`} ${op.call === 'norm' ? 'Write the norm out as tf.sqrt(tf.maximum(tf.sum(tf.square(x), axis), 1e-7))' : 'Keep what it takes above 0 (tf.maximum(x, 1e-7))'}, as Keras's siamese example does.`;
    const title = op.call === 'pow' ? 'Raise the absolute value to the power: tf.pow(tf.abs(x), p)' : op.ofProduct ? 'Take the sum of the logs, not the log of the product' : op.call === 'norm' ? 'Take the norm as the square root of the sum of squares kept at or above 1e-7' : `Keep what the ${op.call === 'log' ? 'log' : 'square root'} takes at or above 1e-7`;
    return [
      base(symptom, 'loss', null, `The ${e.lossNonFinite ? 'loss' : 'gradients'} became NaN at iteration ${it}: ${at} took ${took} of its ${op.count} values. ${why}`, new Map(), {
        rootCause: 'loss-function',
        layer: null,
        location: op.site ?? view?.compileSite ?? null,
        fixes: op.site ? [{ title, plan: op.ofProduct ? { kind: 'sumOfLogs', site: op.site } : { kind: 'guardOpInput', site: op.site, call: op.call } }] : [],
        confirms: [],
        folds: [],
      }),
    ];
  }

  // Logits shifted by the batch's one maximum before exp: the rows far below it are 0 / 0.
  const shift = run.shiftByBatchMax;
  if (shift?.site) {
    const symptom: Symptom = e.lossNonFinite ? 'non-finite-loss' : anyLayerNF && !e.gradNonFinite ? 'non-finite-weights' : 'non-finite-gradients';
    evidence.unshift(`line ${shift.site.line} subtracts the batch's one maximum of the model's output, not each row's`);
    return [
      base(symptom, 'loss', null, `Training turned NaN at iteration ${it}, and line ${shift.site.line} shifts the logits by their one maximum over the whole batch before the exp, not by each row's: once the logits spread, every exp of a row far below that maximum underflows to 0, the row's probabilities are 0 / 0, and its gradient is NaN. Take each row's maximum: tf.max(logits, -1, true).`, new Map(), {
        rootCause: 'loss-function',
        layer: null,
        location: shift.site,
        fixes: [{ title: "Shift each row by its own maximum: tf.max(logits, -1, true)", plan: { kind: 'rowMax', site: shift.site } }],
        confirms: [],
        folds: [],
      }),
    ];
  }

  // Raw inputs, or regression targets in the thousands (the loss's gradients scale with them).
  const unscaled = (symptom: Symptom) => confirmable(ctx, symptom, ['input-normalization'], (h) => h.inputSide === true || h.symptom === 'unscaled-input')[0];
  const unscaledWhat = (h: Hypothesis) => (scalesTargets(h) ? 'the unscaled regression targets make the loss and its gradients huge' : 'the raw inputs make the gradients huge');

  if (hasDetails && view) {
    const byIndex = new Map(details.map((d) => [d.index, d]));
    const sample = (l: LayerView): LayerSample | undefined => (byIndex.has(l.index) ? run.track(l.index)?.latest() : undefined);
    const layers = view.layers.filter((l) => l.kind !== 'input');

    // 1. Weights already non-finite: the previous update produced them.
    const badW = layers.filter((l) => sample(l)?.weightNonFinite);
    if (badW.length) {
      const first = badW[0]!;
      const rel: RelevanceSpec = new Map();
      badW.forEach((l, i) => rel.set(l.pos, { score: i === 0 ? 1 : 0.6, evidence: `weights non-finite at iteration ${run.track(l.index)?.firstNonFiniteWeights ?? it}` }));
      for (const l of layers) if (!rel.has(l.pos) && sample(l)?.outNonFinite) rel.set(l.pos, { score: 0.3, evidence: 'propagates non-finite values' });
      evidence.unshift(`weights of ${badW.map((l) => l.info.name).slice(0, 4).join(', ')} are non-finite at iteration ${it}`);
      const lrH = confirmable(ctx, 'non-finite-weights', ['learning-rate']);
      const inH = unscaled('non-finite-weights');
      const cause = lrH.length === 0 && inH && !run.nonFiniteRate ? inputCause(inH) : lrCause(ctx, 'non-finite-weights');
      return [
        base(
          'non-finite-weights',
          first.info.name,
          null,
          `The weights of ${first.info.name} became NaN/Infinity at iteration ${it}: an optimizer update blew up${cause.rootCause === 'learning-rate' ? `; ${lrBlame(ctx)}` : ` because ${unscaledWhat(inH!)}`}.`,
          rel,
          cause,
        ),
      ];
    }

    // 2. The first layer whose inputs are finite and whose output is not.
    const outNF = (l: LayerView) => sample(l)?.outNonFinite === true;
    const producer = layers.find((l) => outNF(l) && l.preds.every((p) => !outNF(view.layers[p]!)));
    if (producer) {
      const rel: RelevanceSpec = new Map();
      rel.set(producer.pos, { score: 1, evidence: `first non-finite output (its inputs are finite) at iteration ${it}` });
      for (const l of layers) {
        if (l === producer) continue;
        if (outNF(l)) rel.set(l.pos, { score: l.pos > producer.pos ? 0.3 : 0.2, evidence: `propagates non-finite values from ${producer.info.name}` });
        else if (l.pos < producer.pos) rel.set(l.pos, { score: 0.05, evidence: 'finite output' });
      }
      const ps = sample(producer);
      const inputMax = Math.max(0, ...producer.preds.map((p) => Math.max(Math.abs(sample(view.layers[p]!)?.outMax ?? 0), Math.abs(sample(view.layers[p]!)?.outMin ?? 0))));
      evidence.unshift(`${producer.info.name} is the first layer with a non-finite output; all layers before it are finite`);
      if (inputMax > 0) evidence.push(`largest input to ${producer.info.name}: ${fmt(inputMax)}`);
      const grew = [...run.layers.values()].some((tr) => {
        const f = tr.first?.weightNorm;
        return isNum(f) && f > 0 && tr.maxWeightNorm >= 100 * f;
      });
      if (grew) evidence.push('weights grew more than 100-fold during training');
      const inH = unscaled('non-finite-output');
      const inputH = inH?.inputSide ? inH : undefined;
      let cause: Cause;
      let why: string;
      if (inputH && view.isNearInput(producer, 1)) {
        cause = inputCause(inputH);
        why = 'its raw, unscaled inputs overflow it';
      } else if (grew || exploded || confirmable(ctx, 'non-finite-output', ['learning-rate']).length || (isNum(ps?.weightAbsMax) && ps!.weightAbsMax! > 1e6)) {
        cause = lrCause(ctx, 'non-finite-output');
        why = `the weights feeding it grew until it overflowed; ${lrBlame(ctx)}`;
      } else {
        const isOut = view.outputs.some((o) => o.actLayer === producer || o.layer === producer);
        cause = { rootCause: isOut ? 'output-activation' : 'hidden-activation', layer: producer, location: producer.info.site, fixes: [], confirms: [], folds: [] };
        why = `its ${producer.act} computation overflows on finite inputs`;
      }
      return [base('non-finite-output', producer.info.name, cause.layer ?? producer, `${producer.info.name} produced the first NaN/Infinity at iteration ${it} (${why}); later layers only propagate it.`, rel, cause)];
    }

    // 3. Finite forward pass, non-finite loss: the loss computation itself.
    if (e.lossNonFinite) {
      const o = view.outputs[0];
      const os = o ? run.track(o.layer.index)?.latest() : undefined;
      const outMax = Math.max(Math.abs(os?.outMax ?? 0), Math.abs(os?.outMin ?? 0));
      const rel: RelevanceSpec = new Map();
      if (o) rel.set(o.actLayer.pos, { score: 0.8, evidence: `output ${o.activation}, finite (max |value| ${fmt(outMax)})` });
      evidence.unshift('every layer output is finite; the loss computation produced the NaN');
      const hyps = confirmable(ctx, 'non-finite-loss', ['output-activation', 'loss-function', 'label-encoding']);
      if (hyps.length) {
        const h = hyps[0]!;
        const cause: Cause = { rootCause: h.rootCause, layer: h.layer, location: h.location, fixes: h.fixes, confirms: hyps.filter((x) => x === h || x.strength >= 0.75).map((x) => x.id), folds: [] };
        return [base('non-finite-loss', 'loss', h.layer, `The loss became NaN at iteration ${it} although every layer output is finite: ${h.message}`, rel, cause)];
      }
      const targetH = unscaled('non-finite-loss');
      if (targetH && scalesTargets(targetH) && confirmable(ctx, 'non-finite-loss', ['learning-rate']).length === 0) {
        return [base('non-finite-loss', 'loss', null, `The loss became NaN at iteration ${it}: ${unscaledWhat(targetH)}. ${targetH.message}`, rel, inputCause(targetH))];
      }
      if (outMax > 1e15 || exploded) {
        const cause = lrCause(ctx, 'non-finite-loss');
        return [base('non-finite-loss', 'loss', null, `The loss overflowed at iteration ${it}: outputs reached ${fmt(outMax)}; ${lrBlame(ctx)}.`, rel, cause)];
      }
      // A log of outputs that reached exactly 0 (or 1, for log(1 - p)): log(0) is -Infinity.
      const log = os ? run.logsOfProbabilities.find((l) => (l.complement ? os.outMax === 1 : os.outMin === 0)) : undefined;
      if (log) {
        const bound = log.complement ? 1 : 0;
        // Every unclipped log is clipped: the other one fails next, once outputs reach its bound.
        const clipLogs: FixPlan[] = [log, ...run.logsOfProbabilities.filter((l) => l !== log)].flatMap((l) => (l.site ? [{ kind: 'clipLogInput' as const, site: l.site }] : []));
        const what = log.complement ? `1 minus the ${log.source} outputs` : `the ${log.source} outputs`;
        const cause: Cause = {
          rootCause: 'loss-function',
          layer: null,
          location: log.site ?? view.compileSite,
          fixes: clipLogs.length ? [{ title: `Clip what the log${clipLogs.length > 1 ? 's take' : ' takes'} to [1e-7, 1]`, plan: clipLogs.length > 1 ? { kind: 'all', parts: clipLogs } : clipLogs[0]! }] : [],
          confirms: [],
          folds: [],
        };
        evidence.push(`the model's outputs reached exactly ${bound} at iteration ${it}`);
        return [
          base(
            'non-finite-loss',
            'loss',
            null,
            `The loss became NaN at iteration ${it}: it takes the log of ${what} unclipped, and some outputs are exactly ${bound} here (${log.complement ? `a ${log.source} rounds to 1` : `a ${log.source} underflows to 0`} once the model is confident). log(0) is -Infinity, and 0 × -Infinity is NaN. Clip before the log, as tfjs's own cross-entropy does.`,
            rel,
            cause,
          ),
        ];
      }
      // An exp in the loss that overflowed float32 (past about 88): log(1 + exp(z)) written out, where softplus cannot overflow.
      const exp = run.expOverflow;
      if (exp?.site) {
        const softplus: PlannedFix = { title: 'Write log(1 + exp(z)) as tf.softplus(z), which cannot overflow', plan: { kind: 'softplusForLogExp', site: exp.site } };
        const cause: Cause = { rootCause: 'loss-function', layer: null, location: exp.site, fixes: [softplus], confirms: [], folds: [], atFix: true };
        evidence.push(`an exp on line ${exp.site.line} was given ${fmt(exp.largest)} and returned Infinity`);
        return [base('non-finite-loss', 'loss', null, `The loss became NaN at iteration ${it} on finite model outputs: line ${exp.site.line} takes exp of values up to ${fmt(exp.largest)}, and float32 overflows to Infinity past about 88. Infinity's gradient through the log is Infinity / Infinity = NaN, which the update writes into every weight. Compute log(1 + exp(z)) as tf.softplus(z), which stays finite.`, rel, cause)];
      }
      // A log-cosh written as log(cosh(err)): cosh overflows float32 for errors past about 89.
      const logCosh: PlannedFix | null = view.compileSite ? { title: 'Write log-cosh in a form that cannot overflow: |e| + softplus(-2e) - log 2', plan: { kind: 'stableLogCosh', file: view.compileSite.file } } : null;
      const cause: Cause = { rootCause: 'loss-function', layer: null, location: view.compileSite, fixes: logCosh ? [logCosh] : [], confirms: [], folds: [], atFix: true };
      const name = o?.loss?.name && o.loss.name !== 'loss' ? ` ${o.loss.name}` : '';
      return [base('non-finite-loss', 'loss', null, `The loss${name} became NaN at iteration ${it} on finite model outputs.`, rel, cause)];
    }

    // 4. Only gradients: the backward pass; its producer is the last layer with bad gradients.
    const badG = layers.filter((l) => sample(l)?.gradNonFinite);
    if (badG.length) {
      const last = badG[badG.length - 1]!;
      const rel: RelevanceSpec = new Map();
      badG.forEach((l) => rel.set(l.pos, { score: l === last ? 1 : 0.4, evidence: l === last ? 'first non-finite gradient (backward order)' : 'receives non-finite gradients' }));
      const hyps = confirmable(ctx, 'non-finite-gradients', ['output-activation', 'loss-function', 'learning-rate']);
      const cause: Cause = hyps.length
        ? { rootCause: hyps[0]!.rootCause, layer: hyps[0]!.layer, location: hyps[0]!.location, fixes: hyps[0]!.fixes, confirms: [hyps[0]!.id], folds: [] }
        : lrCause(ctx, 'non-finite-gradients');
      return [base('non-finite-gradients', last.info.name, cause.layer, `Gradients of ${last.info.name} became NaN/Infinity at iteration ${it}.`, rel, cause)];
    }
  }

  // Without per-layer details: explain from configuration and gradient history.
  const symptom: Symptom = e.lossNonFinite ? 'non-finite-loss' : 'non-finite-gradients';
  const about = e.lossNonFinite ? 'loss' : 'gradients';
  const hyps = confirmable(ctx, symptom, ['output-activation', 'loss-function', 'label-encoding', 'learning-rate', 'input-normalization']);
  if (hyps.length) {
    const h = hyps[0]!;
    const cause: Cause = { rootCause: h.rootCause, layer: h.layer, location: h.location, fixes: h.fixes, confirms: hyps.filter((x) => x === h || x.strength >= 0.75).map((x) => x.id), folds: [] };
    return [base(symptom, about, h.layer, `The ${about === 'loss' ? 'loss' : 'gradients'} became NaN/Infinity at iteration ${it}: ${h.message}`, new Map(), cause)];
  }
  const cause = lrCause(ctx, symptom);
  return [base(symptom, about, null, `The ${about === 'loss' ? 'loss' : 'gradients'} became NaN/Infinity at iteration ${it}; with no other cause in sight, ${lrBlame(ctx)}.`, new Map(), cause)];
}
