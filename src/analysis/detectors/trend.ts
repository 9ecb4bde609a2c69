/**
 * Trends of the loss and accuracy: not decreasing (against the start and against the
 * no-skill baseline), accuracy at chance, diverging, oscillating. Conclusions need a
 * minimum evidence window that scales with the planned training length.
 */
import type { Symptom } from '../findings';
import { batchSizeFix, type Cause, type Ctx, FEW_UPDATES, hypothesisIds, type Hypothesis, learningRateFix, learningRateOf, type Observation, optimizerBand, rateHeldAtZero, type RelevanceSpec, wholeSetBatches } from '../context';
import { assessAccuracy, assessLoss, classWeighted, NEAR_NO_SKILL, thirdsFall, type AccuracyProgress, type LossProgress } from '../progress';
import type { FixPlan, PlannedFix } from '../fixes';
import type { SourceSite } from '../trace';
import { isBatchNormalization, type LayerView } from '../model';
import { type EpochRecord, type ModelState, valLevel } from '../model-state';
import { clamp, fmt, isNum, mean, median, pct, RATE_SWEEP_FACTOR, std } from '../stats';
import { oversizedUpdate, oversizedUpdateCause, raisedRateCause } from './numerical';

/** Iterations of evidence needed before judging a trend (strong prior / no prior). */
export function gates(run: ModelState, final: boolean): { strong: number; weak: number } {
  const p = run.planned();
  const strong = p ? clamp(Math.ceil(0.1 * p), 20, 600) : 60;
  const weak = p ? clamp(Math.ceil(0.3 * p), 60, 2000) : 200;
  if (final) {
    // A run that finished all its planned epochs (three or more) is judged on what it did, however few its steps.
    const floor = completedAsPlanned(run) ? 10 : 20;
    return { strong: Math.min(strong, floor), weak: Math.min(weak, floor) };
  }
  return { strong, weak };
}

/** The run ended after all its planned epochs, three or more. */
export function completedAsPlanned(run: ModelState): boolean {
  const epochs = run.view?.event.fitConfig['epochs'];
  return run.ended && typeof epochs === 'number' && epochs >= 3 && run.epochs >= epochs;
}

/** The last `n` losses fell at every step. */
function fellAtEveryStep(run: ModelState, n = 20): boolean {
  const recent = run.loss.recent.last(n).map((p) => p.value);
  if (recent.length < n) return false;
  return recent.every((v, i) => i === 0 || v <= recent[i - 1]! + 1e-7 * Math.abs(recent[i - 1]!));
}

/**
 * Whether a hypothesis may explain a stall. Steps that overshoot make the loss rise now and then;
 * a loss creeping down a plateau at every step is a slow start, not a learning rate too high.
 */
export function mayExplainStall(h: Hypothesis, run: ModelState): boolean {
  return !(h.overshoot && fellAtEveryStep(run));
}

/** Whether a condition has held for at least `span` iterations (tracked in run.since). */
function persisted(run: ModelState, key: string, holds: boolean, iter: number, span: number): boolean {
  if (!holds) {
    run.since.delete(key);
    return false;
  }
  const s = run.since.get(key);
  if (s === undefined) {
    run.since.set(key, iter);
    return span <= 0;
  }
  return iter - s >= span;
}

function strong(ctx: Ctx, symptoms: Symptom[]): Hypothesis[] {
  return hypothesisIds(ctx, (h) => !h.weak && symptoms.some((s) => h.confirmBy.has(s)));
}

function fromHyps(hs: Hypothesis[]): Cause {
  const h = hs[0]!;
  return {
    rootCause: h.rootCause,
    layer: h.layer,
    location: h.location,
    fixes: h.fixes,
    confirms: hs.filter((x) => x === h || x.strength >= 0.75).map((x) => x.id),
    folds: [],
  };
}

function lossEvidence(lp: LossProgress): string[] {
  const ev = [`loss ${fmt(lp.start)} at the start, ${fmt(lp.current)} over the last ${lp.window} iterations (${lp.relImprovement >= 0 ? '-' : '+'}${pct(Math.abs(lp.relImprovement))}) after ${lp.n} iterations`];
  if (lp.baseline) ev.push(`no-skill loss ${fmt(lp.baseline.value)} (${lp.baseline.text})`);
  return ev;
}

function accEvidence(ap: AccuracyProgress): string {
  return `${ap.key} ${fmt(ap.current)} (best ${fmt(ap.best)}) vs chance ${fmt(ap.chance.value)} (${ap.chance.text})`;
}

/** Relative change of each layer's weight norm from its first sample to its latest. */
function weightMovement(run: ModelState): number | null {
  let maxRel: number | null = null;
  for (const t of run.layers.values()) {
    const a = t.first?.weightNorm;
    const b = t.latest()?.weightNorm;
    if (!isNum(a) || !isNum(b) || a <= 0 || t.first === t.latest()) continue;
    const r = Math.abs(b - a) / a;
    maxRel = maxRel === null ? r : Math.max(maxRel, r);
  }
  return maxRel;
}

function relevanceFromWarnings(ws: Observation[]): RelevanceSpec {
  const r: RelevanceSpec = new Map();
  for (const w of ws) for (const [pos, v] of w.relevance) if ((r.get(pos)?.score ?? 0) < v.score) r.set(pos, v);
  return r;
}

/** The highest-priority observation; among equals, the one nearest the input. */
function mostTelling(os: readonly Observation[]): Observation {
  return [...os].sort((a, b) => b.priority - a.priority || (a.layer?.pos ?? 1e9) - (b.layer?.pos ?? 1e9))[0]!;
}

const LAYER_SYMPTOMS: ReadonlySet<Symptom> = new Set(['dead-relu', 'saturated-activation', 'constant-output', 'weights-unchanged', 'weights-decayed', 'output-out-of-range']);

function stall(ctx: Ctx, lp: LossProgress | null, ap: AccuracyProgress | null, final: boolean): Observation[] {
  const run = ctx.run;
  // During a learning-rate range test the loss is meant to fall and then blow up as the rate
  // sweeps through the decades: no stall is judged while the rate still climbs.
  const first = run.firstLearningRate;
  const last = run.lastLearningRate;
  if (first !== null && last !== null && first > 0 && last >= RATE_SWEEP_FACTOR * first && run.learningRateSince !== null && run.learningRateSince >= run.lastIter - 1) return [];
  const lossStuck = lp !== null && lp.stalled && !lp.diverging;
  // Accuracy can lag a loss that is still going down: wait for the loss too. Once the run has
  // finished all its epochs there is nothing left to wait for: accuracy that never rose above
  // chance is a stall, however the loss still creeps.
  const ended = final && completedAsPlanned(run);
  const accStuck = ap !== null && !(lp?.learning ?? false) && (ended ? !ap.aboveChance : ap.atChance && !(lp?.recentDecreasing ?? false));
  const g = gates(run, final);
  const n = Math.max(lp?.n ?? 0, ap?.n ?? 0);
  const span = final ? 0 : clamp(Math.round(0.05 * (run.planned() ?? 100)), 5, 200);
  if (!persisted(run, 'stall', lossStuck || accStuck, ctx.iteration, span)) return [];
  const symptom: Symptom = lossStuck ? 'loss-not-decreasing' : 'accuracy-not-increasing';
  const observed: Symptom[] = lossStuck && accStuck ? ['accuracy-not-increasing'] : [];
  const about = lossStuck ? 'loss' : 'accuracy';
  const evidence = [...(lp ? lossEvidence(lp) : []), ...(ap ? [accEvidence(ap)] : [])];
  // A loss resting near the no-skill level early on is also what a slow start looks like: a
  // configuration warning alone confirms it only after the longer window. A loss stuck well
  // above that level is pathological at once.
  const nearNoSkill = lp !== null && lp.baseline !== null && lp.current <= 1.25 * lp.baseline.value;
  let what: string;
  if (lossStuck && lp!.atBaseline && nearNoSkill) what = `The loss is stuck at ${fmt(lp!.current)}, the level of ${lp!.baseline!.text} (${fmt(lp!.baseline!.value)}): the model has learned nothing from its inputs`;
  else if (lossStuck && lp!.atBaseline) what = `The loss is stuck at ${fmt(lp!.current)}, above the ${fmt(lp!.baseline!.value)} of ${lp!.baseline!.text}: the model does worse than ignoring its inputs`;
  else if (lossStuck) what = `The loss has not decreased in ${lp!.n} iterations (${fmt(lp!.start)} → ${fmt(lp!.current)})`;
  else what = `Accuracy stays at ${fmt(ap!.current)}, the chance level (${fmt(ap!.chance.value)}, ${ap!.chance.text})`;

  const base = (cause: Cause, message: string, harm: boolean, relevance: RelevanceSpec): Observation => ({
    symptom,
    about,
    harm,
    priority: 0.75,
    layer: cause.layer,
    iteration: ctx.iteration,
    elapsedMs: ctx.elapsedMs,
    message,
    evidence,
    relevance,
    related: ctx.view?.event.fitSite ? [{ site: ctx.view.event.fitSite, message: what }] : [],
    cause,
    observed,
    onset: run.since.get('stall') ?? ctx.iteration,
  });

  const confirmAfter = nearNoSkill ? g.weak : g.strong;
  const hs = strong(ctx, [symptom, ...observed]).filter((h) => mayExplainStall(h, run));
  // A configuration fault that cannot train well (strength >= 0.8) needs no longer window.
  const decisive = hs.some((h) => h.strength >= 0.8);
  if (hs.length && n >= (decisive ? g.strong : confirmAfter)) return [base(fromHyps(hs), `${what}. ${hs[0]!.message}`, true, new Map())];
  // A layer already confirmed sick (dead, saturated, constant) is what stalls the loss: the stall
  // is more evidence for it, not a second fault with a cause of its own.
  const sick = ctx.faults().filter((f) => LAYER_SYMPTOMS.has(f.symptom));
  if (sick.length) {
    const f = mostTelling(sick);
    return [base({ ...f.cause, confirms: [], folds: [`${f.symptom}:${f.about}`] }, `${what}. ${f.message}`, true, new Map())];
  }
  const ws = ctx.warnings().filter((w) => w.symptom !== 'loss-not-decreasing' && w.symptom !== 'accuracy-not-increasing');
  if (ws.length && n >= confirmAfter) {
    const w = mostTelling(ws);
    // The stall confirms the most telling layer symptom; the others stay warnings.
    const cause: Cause = { ...w.cause, folds: [`${w.symptom}:${w.about}`] };
    return [base(cause, `${what}. ${w.message}`, true, relevanceFromWarnings(ws))];
  }
  if (n < g.weak) return [];
  // Without a configuration or layer fault to explain it, a stall must also last: losses often
  // rest at the no-skill level for a while before they break through.
  const since = run.since.get('stall') ?? ctx.iteration;
  if (!final && ctx.iteration - since < clamp(Math.round(0.1 * (run.planned() ?? 200)), 10, 500)) return [];
  const weak = hypothesisIds(ctx, (h) => h.weak && (h.confirmBy.has(symptom) || observed.some((s) => h.confirmBy.has(s))));
  if (weak.length) {
    const h = weak[0]!;
    evidence.push(...h.evidence);
    return [base({ rootCause: h.rootCause, layer: h.layer, location: h.location, fixes: h.fixes, confirms: [], folds: [], ...(h.data ? { data: h.data } : {}) }, `${what}. ${h.message}`, true, h.relevance)];
  }
  // No configuration or layer-level cause: judge by how much the weights move.
  const view = ctx.view;
  const moved = weightMovement(run);
  if (moved !== null) evidence.push(`weights moved at most ${pct(moved)} (norm) since the first sample`);
  const lr = learningRateOf(view, run);
  const band = optimizerBand(view?.event.optimizer);
  const held = view ? rateHeldAtZero(view, run) : null;
  if (held) return [base(held.cause, `${what}; ${held.why}.`, true, new Map())];
  // Norms barely move under a small step size; only then is the learning rate to blame.
  if (moved !== null && moved < 1e-3 && band && lr !== null && lr <= 0.1 * band.typical) {
    const fix = learningRateFix(view, run, 10);
    return [base({ rootCause: 'learning-rate', layer: null, location: view?.optimizerSite ?? null, fixes: fix ? [fix] : [], confirms: [], folds: [] }, `${what}; the weights barely move, so the learning rate is too small.`, true, new Map())];
  }
  // A whole run that changed no weight norm by even 10 % took too few or too small steps to learn.
  if (final && moved !== null && moved < 0.1 && band && lr !== null && lr <= band.typical) {
    const fix = learningRateFix(view, run, 10);
    return [
      base(
        { rootCause: 'learning-rate', layer: null, location: view?.optimizerSite ?? null, fixes: fix ? [fix] : [], confirms: [], folds: [] },
        `${what}; in ${run.iterations} steps at learning rate ${fmt(lr)} no layer's weights changed by more than ${pct(moved)}: the steps are too small for a run this short. Raise the learning rate, or train for more epochs.`,
        true,
        new Map(),
      ),
    ];
  }
  return [
    base(
      { rootCause: 'learning-rate', layer: null, location: view?.optimizerSite ?? null, fixes: [], confirms: [], folds: [] },
      `${what}; no layer or configuration fault explains it (layers are healthy and weights move), so check that the targets depend on the inputs, then tune the learning rate or optimizer.`,
      false,
      new Map(),
    ),
  ];
}

/** The learning rate, blamed where the optimizer is made, with the fix that lowers it tenfold when one applies. */
function rateCause(ctx: Ctx): Cause {
  const fix = learningRateFix(ctx.view, ctx.run, 0.1);
  return { rootCause: 'learning-rate', layer: null, location: ctx.view?.optimizerSite ?? null, fixes: fix ? [fix] : [], confirms: [], folds: [] };
}

function diverging(ctx: Ctx, lp: LossProgress | null, final: boolean): Observation[] {
  const run = ctx.run;
  if (!lp || lp.n < 20) return [];
  const explosive = lp.diverging && lp.current > 10 * Math.abs(lp.start);
  // A custom loop's batches may follow the data's order (sorted, never shuffled): its loss then
  // rises towards the end of each pass and falls at the next, a cycle the trend cannot see. A
  // rise there must outlast half the run so far, which a pass's hard end does not.
  const cycleBlind = run.view?.event.mode === 'custom' ? Math.round(run.iterations / 2) : 0;
  const span = final || explosive ? 0 : Math.max(5, Math.round(lp.window / 2), cycleBlind);
  if (!persisted(run, 'diverging', lp.diverging || explosive, ctx.iteration, span)) return [];
  // Batches of one class after another make the loss jump at each change of class.
  // An output that is no probability under a cross-entropy (tanh with binaryCrossentropy) is clipped, and its steps blow up.
  // A recurrent cell without tanh compounds its state over a long sequence.
  const hs = strong(ctx, ['loss-diverging']).filter(
    (h) =>
      h.rootCause === 'learning-rate' ||
      h.scalesSteps === true ||
      h.inputSide === true ||
      h.id.startsWith('unscaled-input:y') ||
      h.symptom === 'unshuffled-batches' ||
      h.symptom === 'activation-loss-mismatch' ||
      h.symptom === 'runaway-recurrent-state' ||
      h.symptom === 'percentage-loss-near-zero' ||
      h.symptom === 'clipped-gradients-unused',
  );
  // A rate raised while training (a callback that multiplies it) is what made a stable run diverge:
  // it outranks what the configuration suggests (inputs a little wide), which trained before it.
  const raised = raisedRateCause(ctx, hs.filter((h) => h.rootCause === 'learning-rate').map((h) => h.id));
  const cause: Cause = raised ? raised : hs.length ? fromHyps(hs) : rateCause(ctx);
  const explode = ctx.warnings().filter((w) => w.symptom === 'exploding-gradient');
  cause.folds = hs.length && !raised ? [] : explode.map((w) => `${w.symptom}:${w.about}`);
  return [
    {
      symptom: 'loss-diverging',
      about: 'loss',
      harm: true,
      priority: 0.85,
      layer: null,
      iteration: ctx.iteration,
      elapsedMs: ctx.elapsedMs,
      message: `The loss is diverging: it rose from a best of ${fmt(lp.best)} to ${fmt(lp.current)} (start ${fmt(lp.start)})${cause.rootCause === 'learning-rate' ? '; the learning rate is too high' : ''}.`,
      evidence: lossEvidence(lp),
      relevance: new Map(),
      related: [],
      cause,
      onset: run.since.get('diverging') ?? ctx.iteration,
    },
  ];
}

/**
 * The first updates threw the loss a hundredfold above its value before any update, and it never
 * came back within tenfold of it: steps far too large for the weights. With a hand-written update
 * whose writes were many times the weights' own size, the update's formula is blamed on its line;
 * otherwise the rate.
 */
function blownUpAtStart(ctx: Ctx, lp: LossProgress | null, final: boolean): Observation[] {
  const run = ctx.run;
  if (!lp || !lp.blewUp || lp.n < 20) return [];
  if (!persisted(run, 'blown-up', true, ctx.iteration, final ? 0 : 10)) return [];
  const oversized = oversizedUpdate(ctx);
  // A rate the script raised while training (a momentum handed to setLearningRate) is the line to edit.
  const cause: Cause = oversizedUpdateCause(ctx) ?? raisedRateCause(ctx) ?? rateCause(ctx);
  return [
    {
      symptom: 'loss-diverging',
      about: 'start',
      harm: true,
      priority: 0.85,
      layer: null,
      iteration: ctx.iteration,
      elapsedMs: ctx.elapsedMs,
      message: `The first updates threw the loss from ${fmt(lp.first)} to ${fmt(lp.start)} on average over the first steps, and it is still ${fmt(lp.current)}, ${fmt(lp.current / lp.first)} times where it started: the steps are far too large for the weights.${oversized ? ` The update written on line ${oversized.site!.line} changed a weight matrix by ${fmt(oversized.largestStep)} times its own size in one step; check its formula (an adaptive step divides by the square root of the mean squared gradient, not by the mean itself).` : ' The learning rate is too high.'}`,
      evidence: [`loss ${fmt(lp.first)} at the first step, ${fmt(lp.start)} over the first steps`, `${fmt(lp.current)} now`, ...(oversized ? [`a write changed its matrix by ${fmt(oversized.largestStep)} × its norm`] : [])],
      relevance: new Map(),
      related: [],
      cause,
      onset: run.since.get('blown-up') ?? ctx.iteration,
    },
  ];
}

/** Points to judge oscillation on: epoch losses, else chunk means of recent iterations. */
function oscillationPoints(run: ModelState): { pts: number[]; noise: number } | null {
  if (run.epochLoss.count >= 8) return { pts: run.epochLoss.recent.last(24).map((p) => p.value), noise: 0 };
  const raw = run.loss.recent.last().map((p) => p.value);
  // Mini-batch losses are noisy: chunks of at least 4 are needed to measure that noise.
  if (raw.length < 96) return null;
  const c = Math.floor(raw.length / 24);
  const pts: number[] = [];
  const within: number[] = [];
  for (let i = 0; i + c <= raw.length; i += c) {
    const chunk = raw.slice(i, i + c);
    pts.push(mean(chunk));
    if (c > 1) within.push(std(chunk));
  }
  const sigma = within.length ? mean(within) : 0;
  return { pts, noise: c > 1 ? (1.128 * sigma) / Math.sqrt(c) : 0 };
}

function oscillating(ctx: Ctx, lp: LossProgress | null, final: boolean): Observation[] {
  const run = ctx.run;
  if (!lp || lp.n < Math.max(30, gates(run, final).strong)) return [];
  const op = oscillationPoints(run);
  if (!op || op.pts.length < 8) return [];
  const { pts, noise } = op;
  const d = pts.slice(1).map((v, i) => v - pts[i]!);
  let flips = 0;
  for (let i = 1; i < d.length; i++) if (Math.sign(d[i]!) !== Math.sign(d[i - 1]!) && d[i] !== 0) flips++;
  const flipRatio = flips / Math.max(1, d.length - 1);
  const amp = mean(d.map(Math.abs));
  const level = mean(pts.map(Math.abs));
  const third = Math.max(1, Math.floor(pts.length / 3));
  const net = mean(pts.slice(0, third)) - mean(pts.slice(-third));
  const holds = flipRatio >= 0.6 && amp >= 0.1 * level && amp >= 3 * noise && Math.abs(net) < 2 * amp && !lp.learning;
  if (!persisted(run, 'oscillating', holds, ctx.iteration, final ? 0 : 10)) return [];
  const hs = strong(ctx, ['loss-oscillating']).filter((h) => h.rootCause === 'learning-rate' || h.scalesSteps === true || h.inputSide === true || h.symptom === 'unshuffled-batches' || h.symptom === 'percentage-loss-near-zero');
  const cause: Cause = hs.length ? fromHyps(hs) : rateCause(ctx);
  return [
    {
      symptom: 'loss-oscillating',
      about: 'loss',
      // Fallen from a start far above (huge first epochs on raw inputs) to swing around the no-skill level is no progress either.
      harm: !lp.decreased || (lp.baseline !== null && lp.current >= 0.9 * lp.baseline.value),
      priority: 0.8,
      layer: null,
      iteration: ctx.iteration,
      elapsedMs: ctx.elapsedMs,
      message: `The loss oscillates (direction changes in ${pct(flipRatio)} of steps, swings of ${fmt(amp)} around ${fmt(level)}) without net progress${cause.rootCause === 'learning-rate' ? '; the learning rate is too high' : ''}.`,
      evidence: [...lossEvidence(lp), `mean swing ${fmt(amp)} vs level ${fmt(level)}`],
      relevance: new Map(),
      related: [],
      cause,
      onset: run.since.get('oscillating') ?? ctx.iteration,
    },
  ];
}

/** Targets that collapse to one class make the loss fall to ~0 at once. */
function trivialFit(ctx: Ctx, lp: LossProgress | null): Observation[] {
  if (!lp || lp.n < 10) return [];
  const hs = hypothesisIds(ctx, (h) => h.trivialFit === true);
  if (!hs.length || !(lp.current < 0.05 * Math.abs(lp.start) && lp.current < 0.05)) return [];
  const h = hs[0]!;
  return [
    {
      symptom: 'constant-output',
      about: 'y',
      harm: true,
      priority: 0.85,
      layer: null,
      iteration: ctx.iteration,
      elapsedMs: ctx.elapsedMs,
      message: `The loss fell to ${fmt(lp.current)}: with every label truncated to one class, the model only learns to predict that class.`,
      evidence: lossEvidence(lp),
      relevance: new Map(),
      related: [],
      cause: { rootCause: h.rootCause, layer: h.layer, location: h.location, fixes: h.fixes, confirms: [h.id], folds: [] },
    },
  ];
}

/** Output activations bounded on both sides, with their range. */
const BOUNDED_OUTPUTS: Readonly<Record<string, readonly [number, number]>> = { sigmoid: [0, 1], tanh: [-1, 1], softmax: [0, 1] };

/**
 * The loss fell to about 0 while every output sits at one end of its range and a large share of the
 * targets sits at the other: no loss that counts those targets can be near 0 there, so the loss the
 * script trains on leaves them out (a mask built from the targets themselves, a weight of 0 on one
 * class). The model learns to give the one answer the loss still sees.
 */
function lossBlindToTargets(ctx: Ctx, lp: LossProgress | null): Observation[] {
  // Only a loss the script wrote: a built-in one that leaves targets out (categorical cross-entropy
  // over sigmoid outputs) is the output activation's fault, told by its own check.
  if (!lp || lp.n < 10 || ctx.run.lossSite === null || !(lp.current < 0.02 && lp.current < 0.1 * Math.abs(lp.start))) return [];
  const out = ctx.view?.outputs.length === 1 ? ctx.view.outputs[0]! : null;
  const range = out ? BOUNDED_OUTPUTS[out.activation] : undefined;
  const sample = out ? ctx.run.track(out.actLayer.index)?.latest() : undefined;
  const target = ctx.run.data.target(0);
  const s = target?.summary;
  if (!out || !range || !sample || !isNum(sample.outMin) || !isNum(sample.outMax) || !s?.distinct || !s.distinctCounts) return [];
  // One-hot targets under sigmoid outputs: a categorical cross-entropy, written for softmax, leaves
  // the 0s out by its form; the output activation is at fault, and its own check says so.
  if (target?.kind === 'one-hot' && out.activation === 'sigmoid') return [];
  const [lo, hi] = range;
  const span = hi - lo;
  const pinned = sample.outMin >= hi - 0.02 * span ? hi : sample.outMax <= lo + 0.02 * span ? lo : null;
  if (pinned === null) return [];
  // Only targets the output can reach count: codes outside its range (-1 for a missing label) are the script's to mask.
  let reachable = 0;
  let across = 0;
  let acrossValue: number | null = null;
  s.distinct.forEach((v, i) => {
    const n = s.distinctCounts![i] ?? 0;
    if (v < lo || v > hi) return;
    reachable += n;
    if (Math.abs(v - pinned) >= 0.5 * span) {
      across += n;
      acrossValue ??= v;
    }
  });
  if (reachable === 0 || across < 0.2 * reachable || acrossValue === null) return [];
  const site = ctx.run.lossSite;
  const fixes: PlannedFix[] = site && s.distinct.some((v) => v < lo) && acrossValue === lo
    ? [{ title: 'Mask only the targets outside the output range', plan: { kind: 'maskKeepsLowTargets', site, missingBelow: lo } }]
    : [];
  return [
    {
      symptom: 'loss-blind-to-targets',
      about: out.actLayer.info.name,
      harm: true,
      priority: 0.9,
      layer: out.actLayer,
      iteration: ctx.iteration,
      elapsedMs: ctx.elapsedMs,
      message: `The loss fell to ${fmt(lp.current)} while every output is ${fmt(pinned)} and ${pct(across / reachable)} of the targets are ${fmt(acrossValue)}: the loss leaves those targets out, so the model answers ${fmt(pinned)} everywhere.`,
      evidence: [...lossEvidence(lp), `outputs from ${fmt(sample.outMin)} to ${fmt(sample.outMax)}`, `${across} of ${reachable} targets in the output's range are ${fmt(acrossValue)}`],
      relevance: new Map([[out.actLayer.pos, { score: 1, evidence: 'every output is at one end of its range' }]]),
      related: [],
      cause: { rootCause: 'loss-function', layer: out.actLayer, location: site, fixes, confirms: [], folds: [] },
    },
  ];
}

/**
 * Targets beyond the output activation's range put a floor under the loss. Once that floor is
 * more than half of the loss left, the range, not the training, is what holds the model back.
 */
function lossAtRangeFloor(ctx: Ctx, lp: LossProgress | null): Observation[] {
  if (!lp || lp.n < 10) return [];
  const h = ctx.hypotheses().find((x) => x.status === 'pending' && x.hyp.lossFloor !== undefined)?.hyp;
  const floor = h?.lossFloor;
  if (!h || floor === undefined || !(floor >= 0.5 * lp.current)) return [];
  return [
    {
      symptom: 'output-out-of-range',
      about: h.layer?.info.name ?? 'output',
      harm: true,
      priority: 0.85,
      layer: h.layer,
      iteration: ctx.iteration,
      elapsedMs: ctx.elapsedMs,
      message: `The loss is down to ${fmt(lp.current)}, and ${pct(floor / lp.current)} of it is out of reach: the targets lie beyond the output's range, so no weights can bring the loss below ${fmt(floor)}.`,
      evidence: [...lossEvidence(lp), `least reachable loss ${fmt(floor)} (the targets' squared excess beyond the output range)`],
      relevance: h.layer ? new Map([[h.layer.pos, { score: 1, evidence: `the loss is held at the floor of its output range` }]]) : new Map(),
      related: [],
      cause: { rootCause: h.rootCause, layer: h.layer, location: h.location, fixes: h.fixes, confirms: [h.id], folds: [] },
    },
  ];
}

/** Warnings that validation data unlike the training data predicts a validation far worse than training. */
const VALIDATION_MISMATCH: ReadonlySet<Symptom> = new Set(['validation-unscaled', 'validation-classes-unseen']);
/**
 * Warnings that fit learns from a small part of the rows it was given. Memorising them leaves
 * validation far behind training, but so does any small model that fits its rows exactly; the
 * validation loss must also stay at half the no-skill loss or above.
 */
const TOO_FEW_ROWS: ReadonlySet<Symptom> = new Set(['rows-left-out']);

/**
 * Validation far worse than training at the last two epochs, while validation inputs sit on
 * another scale, hold classes training never sees, or training uses few of the rows it could:
 * it confirms that warning (nothing else does).
 */
function validationGap(ctx: Ctx, lp: LossProgress | null): Observation[] {
  const h = hypothesisIds(ctx, (x) => VALIDATION_MISMATCH.has(x.symptom) || TOO_FEW_ROWS.has(x.symptom))[0];
  const recent = ctx.run.recentEpochs.slice(-2);
  if (!h || recent.length < 2) return [];
  const far = (r: EpochRecord) => isNum(r.loss) && isNum(r.valLoss) && r.valLoss > 3 * r.loss && r.valLoss - r.loss > 0.1;
  if (!recent.every(far)) return [];
  const last = recent[1]!;
  if (TOO_FEW_ROWS.has(h.symptom) && !(lp?.baseline && last.valLoss! >= 0.5 * lp.baseline.value)) return [];
  return [
    {
      symptom: h.symptom,
      about: 'validation',
      harm: true,
      priority: 0.8,
      layer: null,
      iteration: ctx.iteration,
      elapsedMs: ctx.elapsedMs,
      message: `The validation loss is ${fmt(last.valLoss)} against a training loss of ${fmt(last.loss)}${last.valAcc !== null ? ` (validation accuracy ${fmt(last.valAcc)})` : ''}.`,
      evidence: recent.map((r) => `epoch ${r.epoch + 1}: training loss ${fmt(r.loss)}, validation loss ${fmt(r.valLoss)}${r.valAcc !== null ? `, validation accuracy ${fmt(r.valAcc)}` : ''}`),
      relevance: new Map(),
      related: [],
      cause: { rootCause: h.rootCause, layer: null, location: h.location, fixes: h.fixes, confirms: [h.id], folds: [] },
    },
  ];
}

/**
 * Overfitting: the validation loss rose epoch after epoch while the training loss kept falling,
 * past the best validation epoch by a clear margin. With an accuracy metric, validation accuracy
 * must have fallen too (a loss that only grows more confident is not yet harm), and two rises are
 * enough when it fell by more than samples flipping by chance; without one, or when the fall is
 * within chance, a validation loss is noisy enough to rise twice by chance, so it must rise three
 * times running. Only judged once the model is learning.
 */
function overfitting(ctx: Ctx, lp: LossProgress | null, ap: AccuracyProgress | null): Observation[] {
  const run = ctx.run;
  // Validation data unlike the training data explains a validation loss that turns up.
  if (hypothesisIds(ctx, (x) => VALIDATION_MISMATCH.has(x.symptom)).length) return [];
  const best = run.bestVal;
  const recent = run.recentEpochs;
  if (recent.length < 3 || !best || best.loss === null || best.valLoss === null) return [];
  const last = recent[recent.length - 1]!;
  const learning = (lp?.belowBaseline ?? false) || (ap?.aboveChance ?? false);
  if (!learning) return [];
  const accDrop = last.valAcc !== null && run.bestValAcc !== null ? run.bestValAcc - last.valAcc : null;
  const samples = ctx.view?.event.fitConfig['validationSamples'];
  // Validation accuracy that held means the loss only grew more confident: not yet harm.
  if (accDrop !== null && accDrop < 0.02) return [];
  const accFell = accDrop !== null && beyondChance(accDrop, run.bestValAcc!, typeof samples === 'number' ? samples : null);
  const rise = validationRise(recent, best, accFell ? 2 : 3, accFell);
  if (!rise || !clearOfNoise(recent, rise.v.length - 1, run.bestValLevel, best)) return [];
  const vs = rise.v;
  const ts = rise.t;
  const v2 = vs[vs.length - 1]!;
  const t2 = ts[ts.length - 1]!;

  const view = ctx.view;
  const outputs = new Set(view?.outputs.map((o) => view.ownerOf(o.layer).pos) ?? []);
  const hidden = (view?.weighted() ?? []).filter((l) => !outputs.has(l.pos) && l.info.params > 0);
  const largest = [...hidden].sort((x, y) => y.info.params - x.info.params)[0] ?? null;
  const relevance: RelevanceSpec = new Map();
  for (const l of hidden) relevance.set(l.pos, { score: l.info.params / (largest?.info.params ?? 1), evidence: `${l.info.params} trainable weights` });
  const fix = view ? dropoutFix(view, hidden) : null;
  const accText = accFell ? `, and validation accuracy fell from ${fmt(run.bestValAcc!)} to ${fmt(last.valAcc!)}` : '';
  return [
    {
      symptom: 'overfitting',
      about: 'val_loss',
      harm: true,
      priority: 0.6,
      layer: largest,
      iteration: ctx.iteration,
      elapsedMs: ctx.elapsedMs,
      message:
        `The model is overfitting: validation loss rose from ${fmt(best.valLoss)} (epoch ${best.epoch + 1}) to ${fmt(v2)} (epoch ${last.epoch + 1}) ` +
        `while training loss fell from ${fmt(best.loss)} to ${fmt(t2)}${accText}. ` +
        `${largest ? `Its hidden layers (${largest.info.name} alone has ${largest.info.params} weights) memorise the training data: ` : ''}` +
        `add dropout after them, or keep the weights of epoch ${best.epoch + 1} (early stopping).`,
      evidence: [
        `validation loss by epoch: ${vs.map(fmt).join(', ')} (best ${fmt(best.valLoss)} at epoch ${best.epoch + 1})`,
        `training loss by epoch: ${ts.map(fmt).join(', ')}`,
      ],
      relevance,
      related: view?.event.fitSite ? [{ site: view.event.fitSite, message: 'validation loss turned up here while training loss kept falling' }] : [],
      // A script that keeps weights during training may restore the best epoch's once it ends.
      ...(run.keepsWeights ? { awaitsRestore: true } : {}),
      cause: { rootCause: 'regularization', layer: largest, location: largest?.info.site ?? view?.event.fitSite ?? null, fixes: fix ? [fix] : [], confirms: [], folds: [] },
    },
  ];
}

/**
 * Validation accuracy that never rose above chance in any epoch while training accuracy climbed
 * high, with a validation loss worse than knowing nothing: the validation rows do not follow the
 * rule training teaches (labels out of line with their inputs, another source or encoding). An
 * overfit model still scores above chance on rows like its own; this one scores as a guess.
 */
function validationAtChance(ctx: Ctx, lp: LossProgress | null, ap: AccuracyProgress | null): Observation[] {
  const run = ctx.run;
  const recent = run.recentEpochs;
  if (!ap || !lp?.baseline || recent.length < 3 || run.bestValAcc === null) return [];
  if (hypothesisIds(ctx, (x) => VALIDATION_MISMATCH.has(x.symptom)).length) return [];
  // Batch normalization's moving statistics start at 0 and 1 and take about 3 / (1 - momentum)
  // steps to reach the data's: until then, validation normalizes with the wrong ones.
  const warmUp = Math.max(0, ...(ctx.view?.layers ?? []).map((l) => movingStatisticsWarmUp(l.info.className, l.info.config['momentum'])));
  if (ctx.iteration < warmUp) return [];
  const chance = ap.chance.value;
  const samples = ctx.view?.event.fitConfig['validationSamples'];
  const n = typeof samples === 'number' && samples > 0 ? samples : null;
  const margin = Math.max(0.05, n ? 2 * Math.sqrt((chance * (1 - chance)) / n) : 0);
  const last = recent[recent.length - 1]!;
  if (run.bestValAcc > chance + margin || ap.current < Math.max(0.8, chance + 0.4)) return [];
  if (!isNum(last.valLoss) || last.valLoss < lp.baseline.value) return [];
  const view = ctx.view;
  const data = view ? run.data : null;
  const location = data?.yVal.get(0)?.origin?.site ?? data?.xVal.get(0)?.origin?.site ?? view?.event.fitSite ?? null;
  return [
    {
      symptom: 'validation-at-chance',
      about: 'validation',
      harm: true,
      priority: 0.75,
      layer: null,
      iteration: ctx.iteration,
      elapsedMs: ctx.elapsedMs,
      message: `Validation accuracy never rose above chance (${fmt(chance)}; best ${fmt(run.bestValAcc)}) while training accuracy reached ${fmt(ap.current)}, and the validation loss (${fmt(last.valLoss)}) is worse than knowing nothing (${fmt(lp.baseline.value)}): the validation rows do not follow what the training rows teach. Check that the validation targets are in the same order as their inputs (one shuffle or index for both), and come from the same source and encoding as the training data.`,
      evidence: [`validation accuracy by epoch: ${recent.map((r) => fmt(r.valAcc)).join(', ')}`, `validation loss by epoch: ${recent.map((r) => fmt(r.valLoss)).join(', ')}`],
      relevance: new Map(),
      related: view?.event.fitSite && location !== view.event.fitSite ? [{ site: view.event.fitSite, message: 'validated here' }] : [],
      cause: { rootCause: 'training-data', layer: null, location, fixes: [], confirms: [], folds: [] },
    },
  ];
}

/** Steps a batch normalization layer's moving statistics need to come within 5% of the data's (0 for other layers, and for a momentum of 1 or more, which never gets there: a finding of its own). */
function movingStatisticsWarmUp(className: string, momentum: unknown): number {
  if (!isBatchNormalization(className)) return 0;
  const m = typeof momentum === 'number' ? momentum : 0.99;
  return m > 0 && m < 1 ? Math.ceil(3 / (1 - m)) : 0;
}

/**
 * The last rises + 1 epochs, if the validation loss rose at each of them while the training loss
 * kept falling below it, and ended clearly worse than its best (less so when accuracy fell too).
 */
function validationRise(recent: readonly EpochRecord[], best: EpochRecord, rises: number, accFell: boolean): { v: number[]; t: number[] } | null {
  const last = recent[recent.length - 1]!;
  if (recent.length < rises + 1 || last.epoch - best.epoch < rises || best.loss === null || best.valLoss === null) return null;
  const window = recent.slice(-(rises + 1));
  const v = window.map((e) => e.valLoss);
  const t = window.map((e) => e.loss);
  if (!v.every(isNum) || !t.every(isNum) || window.some((e, i) => i > 0 && e.epoch !== window[i - 1]!.epoch + 1)) return null;
  const vs = v as number[];
  const ts = t as number[];
  const valRising = vs.every((x, i) => i === 0 || x > vs[i - 1]!);
  // A training loss that wobbles by under 1 % still counts as falling.
  const trainFalling = ts.every((x, i) => i === 0 || x <= 1.01 * ts[i - 1]!) && ts[ts.length - 1]! < ts[0]!;
  const v2 = vs[vs.length - 1]!;
  const t2 = ts[ts.length - 1]!;
  const valWorse = v2 >= (accFell ? 1.02 : 1.1) * best.valLoss;
  // A model that fits its training data no better than unseen data is not memorising it (a
  // validation loss below the training loss is common under dropout or other regularisers).
  const gap = t2 < v2;
  return valRising && trainFalling && valWorse && gap && t2 <= 0.97 * best.loss ? { v: vs, t: ts } : null;
}

/**
 * Whether validation accuracy fell by more than samples flipping by chance: at least two
 * standard errors of an accuracy measured on that many samples. Unknown size: taken as clear.
 */
function beyondChance(drop: number, bestAcc: number, samples: number | null): boolean {
  if (samples === null || !(samples > 0)) return true;
  return drop >= 2 * Math.sqrt((bestAcc * (1 - bestAcc)) / samples);
}

/**
 * On a long run a noisy validation loss (a small validation set) rises a few epochs running by
 * chance, from a best epoch that was itself a lucky low. Once there is enough history to measure
 * that noise, the level of the last three epochs must stand clear of the best three-epoch level
 * by four standard errors. The noise is read from second differences of the epochs before the
 * rise, which a steady downward or upward trend does not inflate. With too short a history, the
 * rise must be at least twice the largest rise the validation loss made, and took back, before
 * its best epoch.
 */
function clearOfNoise(recent: readonly EpochRecord[], rises: number, bestLevel: number | null, best: EpochRecord): boolean {
  const before = recent.slice(0, -(rises + 1)).map((e) => e.valLoss!);
  if (before.length < 6 || bestLevel === null) {
    const upToBest = recent.filter((e) => e.epoch <= best.epoch && isNum(e.valLoss)).map((e) => e.valLoss!);
    let tookBack = 0;
    for (let i = 1; i < upToBest.length; i++) tookBack = Math.max(tookBack, upToBest[i]! - upToBest[i - 1]!);
    const last = recent[recent.length - 1]!.valLoss!;
    return last - best.valLoss! >= 2 * tookBack;
  }
  const second: number[] = [];
  for (let i = 2; i < before.length; i++) second.push(Math.abs(before[i]! - 2 * before[i - 1]! + before[i - 2]!));
  // Median absolute deviation to a standard deviation (0.6745), and Var(second difference) = 6 sigma^2.
  const sigma = median(second) / (0.6745 * Math.sqrt(6));
  const level = valLevel(recent);
  if (level === null) return false;
  return level - bestLevel >= 4 * sigma * Math.sqrt(2 / 3);
}

/** Dropout(0.5) after each hidden Dense layer (after its activation layer, if separate) that has none yet. */
function dropoutFix(view: NonNullable<Ctx['view']>, hidden: LayerView[]): PlannedFix | null {
  const parts: FixPlan[] = [];
  const names: string[] = [];
  for (const l of hidden) {
    if (l.info.className.toLowerCase() !== 'dense') continue;
    let last = l;
    const next = () => (last.succs.length === 1 ? view.layers[last.succs[0]!] : undefined);
    const n = next();
    if (n && n.kind === 'activation' && n.preds.length === 1) last = n;
    const after = next();
    if (after && after.info.className.toLowerCase().includes('dropout')) continue;
    parts.push({ kind: 'addLayer', after: last.info, layerCall: 'dropout({ rate: 0.5 })' });
    names.push(l.info.name);
  }
  if (parts.length === 0) return null;
  return { title: `Add Dropout(0.5) after ${names.length === 1 ? names[0] : `each hidden Dense layer (${names.join(', ')})`}`, plan: parts.length === 1 ? parts[0]! : { kind: 'all', parts } };
}

/** Steps a fit should take at least before it has had a fair chance to learn. */
const FAIR_STEPS = 300;
const EPOCH_CHOICES = [10, 20, 50, 100];

/**
 * `fit` without `epochs` trains a single epoch (tfjs's default, like Keras's). When that was the
 * model's only fit and it ended while the loss was still falling, or after too few steps to tell,
 * the model stopped learning because of the default, not by choice. Judged once the run is over.
 */
export function cutShort(ctx: Ctx): Observation[] {
  const run = ctx.run;
  const view = ctx.view;
  const fitSite = view?.event.fitSite ?? null;
  if (!view || !fitSite || view.event.mode !== 'fit' || view.event.fitConfig['epochsSet'] !== false || run.fitCalls !== 1 || !run.ended) return [];
  const steps = run.iterations;
  if (steps === 0) return [];
  const lp = assessLoss(run);
  // A short epoch's last dozen batch losses are too noisy to show a descent on their own: the
  // second half of the epoch still falling says more would help.
  const falling = lp !== null && (lp.recentDecreasing || (steps < FAIR_STEPS && thirdsFall(run.loss.recent.last(Math.ceil(steps / 2)).map((p) => p.value))));
  // Settled within the one epoch (more of them would not help), or long enough to judge as it is.
  if (!falling && lp !== null && (lp.n >= 20 || lp.learning)) return [];
  const epochs = EPOCH_CHOICES.find((e) => e * steps >= FAIR_STEPS) ?? EPOCH_CHOICES[EPOCH_CHOICES.length - 1]!;
  const stepsText = `${steps} step${steps === 1 ? '' : 's'}`;
  const why = '`epochs` is not set, and TensorFlow.js then trains for 1 epoch';
  const message = falling
    ? `fit stopped after a single epoch (${stepsText}) while the loss was still falling (${fmt(lp!.start)} → ${fmt(lp!.current)}): ${why}.`
    : `fit stopped after a single epoch of only ${stepsText}: ${why}, and so few steps rarely train a model${lp ? ` (the loss went ${fmt(lp.start)} → ${fmt(lp.current)})` : ''}.`;
  return [
    {
      symptom: 'training-cut-short',
      about: 'epochs',
      harm: true,
      priority: 0.2,
      layer: null,
      iteration: Math.max(run.lastIter, 0),
      elapsedMs: run.elapsedMs,
      message,
      evidence: [
        'fit was called once, without an epochs option (TensorFlow.js trains 1 epoch by default)',
        ...(lp ? lossEvidence(lp) : [`${stepsText} in all`]),
      ],
      relevance: new Map(),
      related: [],
      cause: {
        rootCause: 'training-length',
        layer: null,
        location: fitSite,
        fixes: [{ title: `Train for ${epochs} epochs`, plan: { kind: 'addFitOption', fitSite, key: 'epochs', value: String(epochs) } }],
        confirms: [],
        folds: [],
      },
    },
  ];
}

/** A whole run of fewer steps than this, in one epoch given as 1, trains nothing worth judging. */
const ONE_EPOCH_STEPS = 30;

/**
 * fit given `epochs: 1` (from a settings object, often) whose one epoch is a handful of steps, and
 * the loss barely moved: training ended before it began. Judged when training ends. The fix, when
 * the settings come from `{ ...user, ...DEFAULTS }` (the defaults spread last overwrite the
 * user's values), spreads the defaults first; otherwise it trains for more epochs.
 */
export function oneEpochGiven(ctx: Ctx): Observation[] {
  const run = ctx.run;
  const view = ctx.view;
  const fitSite = view?.event.fitSite ?? null;
  if (!view || !fitSite || view.event.mode !== 'fit' || view.event.fitConfig['epochsSet'] === false || view.event.fitConfig['epochs'] !== 1 || run.fitCalls !== 1 || !run.ended) return [];
  const steps = run.iterations;
  const losses = run.loss.head.map((p) => p.value);
  const first = losses[0];
  const last = run.loss.recent.last(1)[0]?.value;
  if (steps === 0 || steps >= ONE_EPOCH_STEPS || first === undefined || last === undefined || !(first > 0) || last < 0.9 * first) return [];
  const epochs = EPOCH_CHOICES.find((e) => e * steps >= FAIR_STEPS) ?? EPOCH_CHOICES[EPOCH_CHOICES.length - 1]!;
  return [
    {
      symptom: 'training-cut-short',
      about: 'one-epoch',
      harm: true,
      priority: 0.3,
      layer: null,
      iteration: Math.max(run.lastIter, 0),
      elapsedMs: run.elapsedMs,
      message: `fit trained 1 epoch (epochs: 1) of only ${steps} step${steps === 1 ? '' : 's'}, and the loss went only ${fmt(first)} → ${fmt(last)}: training ended before it began. Settings merged as { ...yours, ...defaults } take the defaults' values over yours; spread the defaults first.`,
      evidence: [`epochs 1, ${steps} steps in all`, `loss ${fmt(first)} → ${fmt(last)}`],
      relevance: new Map(),
      related: [],
      cause: {
        rootCause: 'training-length',
        layer: null,
        location: fitSite,
        fixes: [
          { title: 'Spread the defaults first, so your settings override them', plan: { kind: 'spreadDefaultsFirst', fitSite, key: 'epochs' } },
          { title: `Train for ${epochs} epochs`, plan: { kind: 'fitOption', fitSite, key: 'epochs', to: String(epochs) } },
        ],
        confirms: [],
        folds: [],
      },
    },
  ];
}

/** A custom loop that ran no more steps than this in all stopped before it trained anything. */
const STOPPED_AT_ONCE_STEPS = 3;

/**
 * A custom loop that stopped after a step or two with a finite loss: training ended before it
 * began. A guard meant to stop on a NaN loss written with its test the wrong way round (`if
 * (!Number.isNaN(loss)) break;`) stops at the first finite loss; the fix removes that negation.
 * Judged once the run is over.
 */
export function loopStoppedAtOnce(ctx: Ctx): Observation[] {
  const run = ctx.run;
  const view = ctx.view;
  if (!view || view.event.mode !== 'custom' || run.fitCalls !== 0) return [];
  const steps = run.iterations;
  const last = run.loss.recent.last(1)[0]?.value;
  if (steps === 0 || steps > STOPPED_AT_ONCE_STEPS || last === undefined || !Number.isFinite(last)) return [];
  const site = view.event.fitSite;
  return [
    {
      symptom: 'training-cut-short',
      about: 'loop',
      harm: true,
      priority: 0.3,
      layer: null,
      iteration: Math.max(run.lastIter, 0),
      elapsedMs: run.elapsedMs,
      message: `The training loop stopped after ${steps} step${steps === 1 ? '' : 's'}, with a finite loss (${fmt(last)}): training ended before it began. A guard meant to stop when the loss turns NaN, with its test the wrong way round (\`if (!Number.isNaN(loss)) break;\`), stops at the first finite loss; so does \`if (isNaN(loss))\` given the loss tensor itself, which isNaN turns into NaN.`,
      evidence: [`${steps} training step${steps === 1 ? '' : 's'} in all`, `last loss ${fmt(last)}`],
      relevance: new Map(),
      related: [],
      cause: {
        rootCause: 'training-length',
        layer: null,
        location: site,
        fixes: site
          ? [
              { title: 'Stop only when the loss is NaN: remove the negation', plan: { kind: 'nanGuardNegation', file: site.file } },
              // isNaN(tensor) is always true: the object becomes NaN as a number.
              { title: "Test the loss's value: isNaN of the tensor itself is always true", plan: { kind: 'nanTestReadsValue', file: site.file } },
            ]
          : [],
        atFix: true,
        confirms: [],
        folds: [],
      },
    },
  ];
}

/**
 * fit given epochs, but batches so large that the whole run makes only a handful of weight
 * updates (batchSize as large as the training set: one step an epoch), and the model ended
 * nowhere: the loss still near the level of knowing nothing. Judged when training ends.
 */
export function fewUpdates(ctx: Ctx): Observation[] {
  const run = ctx.run;
  const view = ctx.view;
  const fitSite = view?.event.fitSite ?? null;
  if (!view || !fitSite || run.fitCalls !== 1 || !run.ended) return [];
  const whole = wholeSetBatches(view, run);
  const steps = run.iterations;
  if (!whole || steps === 0 || steps >= FEW_UPDATES) return [];
  const lp = assessLoss(run);
  // Still within a fifth of knowing nothing.
  if (!lp || lp.learning || !lp.baseline || lp.current < 0.8 * lp.baseline.value) return [];
  const { batchSize, rows, share, perEpoch } = whole;
  const epochs = run.epochs || steps;
  const fix = batchSizeFix(fitSite);
  return [
    {
      symptom: 'training-cut-short',
      about: 'batches',
      harm: true,
      priority: 0.4,
      layer: null,
      iteration: Math.max(run.lastIter, 0),
      elapsedMs: run.elapsedMs,
      message: `fit made only ${steps} weight update${steps === 1 ? '' : 's'} in all, and the loss went only ${fmt(lp.start)} → ${fmt(lp.current)} (knowing nothing gives ${fmt(lp.baseline.value)}): batchSize ${batchSize} takes ${share} in one batch, so each of the ${epochs} epochs is ${perEpoch === 1 ? 'a single step' : `${perEpoch} steps`}. Batches of 32 make ${Math.ceil(rows / 32)} updates an epoch.`,
      evidence: [`batchSize ${batchSize}, ${rows} training rows`, `${steps} steps in all`, ...lossEvidence(lp)],
      relevance: new Map(),
      related: [],
      cause: { rootCause: 'batch-size', layer: null, location: fitSite, fixes: [fix], confirms: [], folds: [] },
    },
  ];
}

/** Steps at a rate below this share of the optimizer's own never took a real step. */
const HELD_LOW = 0.1;

/**
 * The optimizer was made with one learning rate, but a line of the script (a warm-up or schedule
 * in a callback) set a lower one before the first step, and no step of the whole run came within a
 * tenth of the rate it was made with, while the loss ended near the level of knowing nothing:
 * a warm-up counted in the wrong unit, or a schedule that never reaches its rate. Judged when
 * training ends, on the line that set the rate.
 */
export function rateHeldLow(ctx: Ctx): Observation[] {
  const run = ctx.run;
  const made = ctx.view?.event.optimizer?.learningRate;
  const site = run.learningRateSite;
  const [lo, hi] = [run.minLearningRate, run.maxLearningRate];
  if (!run.ended || !site || !isNum(made) || made <= 0 || !isNum(lo) || !isNum(hi) || hi >= HELD_LOW * made) return [];
  const lp = assessLoss(run);
  if (!lp || !lp.baseline || lp.n < 20 || lp.current <= NEAR_NO_SKILL * lp.baseline.value) return [];
  // A warm-up counted in epochs over a length meant in steps: ended within a tenth of the run's epochs.
  const epochs = ctx.view?.event.fitConfig['epochs'];
  const planned = typeof epochs === 'number' && epochs >= 2 ? epochs : null;
  const fixes: PlannedFix[] = [
    ...(planned ? [{ title: `End the warm-up within the run: over ${Math.max(1, Math.round(planned / 10))} of its ${planned} epochs`, plan: { kind: 'warmupWithinRun' as const, site, length: Math.max(1, Math.round(planned / 10)), over: planned } }] : []),
    // A decay given the run's total epochs where the epoch at hand was meant.
    { title: 'Decay by the epoch at hand, not the total', plan: { kind: 'scheduleByEpoch', site } },
  ];
  return [
    {
      symptom: 'learning-rate-held-low',
      about: 'optimizer',
      harm: true,
      priority: 0.45,
      layer: null,
      iteration: Math.max(run.lastIter, 0),
      elapsedMs: run.elapsedMs,
      message: `The optimizer was made with learning rate ${fmt(made)}, but this line set it lower and every one of the ${run.iterations} steps ran at ${lo === hi ? fmt(lo) : `${fmt(lo)} to ${fmt(hi)}`}, never within a tenth of ${fmt(made)}; the loss ended at ${fmt(lp.current)}, ${pct(lp.current / lp.baseline.value)} of the level of ${lp.baseline.text} (${fmt(lp.baseline.value)}). A warm-up or schedule that never reaches its rate (counted in the wrong unit?) keeps training from moving.`,
      evidence: [`optimizer made with learning rate ${fmt(made)}`, `steps ran at ${fmt(lo)} to ${fmt(hi)}`, ...lossEvidence(lp)],
      relevance: new Map(),
      related: [],
      cause: { rootCause: 'learning-rate', layer: null, location: site, fixes, confirms: [], folds: [] },
    },
  ];
}

/** A class this rare or rarer is the minority whose neglect is judged. */
const RARE_CLASS = 0.2;

/**
 * Binary targets with a rare class (a fifth of the rows or fewer) and a sigmoid output that, over
 * the last batches training showed, crossed 0.5 towards it in fewer than half as many batches as
 * held one of its rows, with an accuracy no better than the majority's share: the model predicts
 * the majority class for almost every row. Judged when training ends; weighting the rare class is
 * the fix.
 */
export function minorityNeverPredicted(ctx: Ctx): Observation[] {
  const run = ctx.run;
  const view = ctx.view;
  const fitSite = view?.event.fitSite ?? null;
  if (!view || !fitSite || !run.ended || view.event.mode !== 'fit' || view.outputs.length !== 1 || classWeighted(run)) return [];
  const o = view.outputs[0]!;
  if (o.activation !== 'sigmoid' || o.units !== 1 || o.loss?.kind !== 'binary') return [];
  const t = run.data.target(0);
  if (!t || t.kind !== 'binary' || !t.freqs) return [];
  const positives = t.freqs[1]!;
  const rare = Math.min(positives, 1 - positives);
  if (rare <= 0 || rare > RARE_CLASS) return [];
  const rareIsPositive = positives <= 0.5;
  const samples = (run.track(o.layer.index)?.samples.last() ?? []).filter((s) => s.hasOut && s.outMax !== null && s.outMin !== null && (s.rows ?? 0) >= 16);
  if (samples.length < 8) return [];
  const expectedRare = samples.reduce((a, s) => a + s.rows! * rare, 0);
  // Batches whose output crossed 0.5 towards the rare class, against those expected to hold one of its rows.
  const crossed = samples.filter((s) => (rareIsPositive ? s.outMax! >= 0.5 : s.outMin! <= 0.5)).length / samples.length;
  const holding = samples.reduce((a, s) => a + 1 - (1 - rare) ** s.rows!, 0) / samples.length;
  const ap = assessAccuracy(run);
  if (expectedRare < 8 || crossed >= 0.5 * holding || (ap !== null && ap.aboveChance)) return [];
  const [rareClass, common] = rareIsPositive ? [1, 0] : [0, 1];
  const weight = Math.max(2, Math.round((1 - rare) / rare));
  const classWeight = `{ ${common}: 1, ${rareClass}: ${weight} }`;
  return [
    {
      symptom: 'minority-never-predicted',
      about: 'output',
      harm: true,
      priority: 0.5,
      layer: o.layer,
      iteration: Math.max(run.lastIter, 0),
      elapsedMs: run.elapsedMs,
      message: `Class ${rareClass} is ${pct(rare)} of the targets, and in the last ${samples.length} batches training showed, ${o.layer.info.name} crossed 0.5 towards it in ${pct(crossed)} of them, though ${pct(holding)} held one of its rows: the model predicts class ${common} for almost every row${ap ? `, and its accuracy (${fmt(ap.current)}) is no better than the majority's share` : ''}. Weight the rare class in fit (classWeight: ${classWeight}), or resample it.`,
      evidence: [`class ${rareClass}: ${pct(rare)} of ${t.rows ?? '?'} target rows`, `${o.layer.info.name}: output crossed 0.5 towards class ${rareClass} in ${pct(crossed)} of the last ${samples.length} batches seen`, ...(ap ? [`accuracy ${fmt(ap.current)} vs ${ap.chance.text} ${fmt(ap.chance.value)}`] : [])],
      relevance: new Map([[o.layer.pos, { score: 1, evidence: 'predicts one class for every row' }]]),
      related: [],
      cause: {
        rootCause: 'training-data',
        layer: null,
        location: fitSite,
        fixes: [{ title: `Weight the rare class ${weight} times (classWeight: ${classWeight})`, plan: { kind: 'addFitOption', fitSite, key: 'classWeight', value: classWeight } }],
        confirms: [],
        folds: [],
      },
    },
  ];
}

/** A patience that lets the validation loss wobble through the first epochs. */
const PATIENCE = 10;

/**
 * An early-stopping callback ended fit before its planned epochs while the loss was still near the
 * level of knowing nothing: a patience of 0 or 1 stops at the first epoch whose validation loss
 * does not improve, and early in training it often wobbles; an accuracy watched with mode 'min'
 * counts every improvement as none. Judged when training ends.
 */
export function stoppedEarly(ctx: Ctx): Observation[] {
  const run = ctx.run;
  const e = run.stoppedEarly;
  const view = ctx.view;
  if (!e || !view || !run.ended) return [];
  const flat = e.byScript ? null : flatMonitor(ctx, e);
  if (flat) return [flat];
  const lp = assessLoss(run);
  // Stopped in the first epoch, the loss not yet judged or still near no skill: however many steps fit in.
  if (e.byScript && e.epochs <= 1 && e.planned >= 3 && (!lp?.baseline || lp.current >= NEAR_NO_SKILL * lp.baseline.value)) return [scriptStoppedAtOnce(ctx, e)];
  if (!lp || !lp.baseline || lp.current < NEAR_NO_SKILL * lp.baseline.value) return [];
  const location = e.site ?? view.event.fitSite;
  const patience = e.patience !== null ? `patience ${fmt(e.patience)}` : 'its patience';
  // An accuracy watched with mode 'min' (or a loss with 'max') counts every improvement as none.
  const accuracy = e.monitor !== null && /acc/i.test(e.monitor);
  const wrongWay = (accuracy && e.mode === 'min') || (!accuracy && e.monitor !== null && /loss/i.test(e.monitor) && e.mode === 'max');
  const right = accuracy ? 'max' : 'min';
  const ran = `ended fit after ${e.epochs} of ${e.planned} planned epochs, with the loss at ${fmt(lp.current)}, still near the level of ${lp.baseline.text} (${fmt(lp.baseline.value)})`;
  if (e.byScript) return [scriptStoppedEarly(ctx, e, ran, lossEvidence(lp))];
  const message = wrongWay
    ? `Early stopping watches ${e.monitor} with mode '${e.mode}', so every epoch that improves it counts as no improvement: it ${ran}. ${accuracy ? 'An accuracy improves upwards' : 'A loss improves downwards'}: use mode '${right}' (or 'auto').`
    : `Early stopping (${patience}${e.monitor ? `, monitoring ${e.monitor}` : ''}) ${ran}: the model had not learned yet. A ${e.monitor ?? 'monitored'} value that wobbles in the first epochs stops it at once; give it a patience of ${PATIENCE} or more.`;
  const fix: PlannedFix | null = !e.site
    ? null
    : wrongWay
      ? { title: `Stop when ${e.monitor} stops ${accuracy ? 'rising' : 'falling'} (mode: '${right}')`, plan: { kind: 'callOption', site: e.site, callee: 'earlyStopping', key: 'mode', to: `'${right}'` } }
      : { title: `Wait ${PATIENCE} epochs without improvement before stopping (patience: ${PATIENCE})`, plan: { kind: 'callOption', site: e.site, callee: 'earlyStopping', key: 'patience', to: String(PATIENCE) } };
  return [stoppedObservation(ctx, e, 0.5, message, [`${e.epochs} of ${e.planned} epochs run`, ...lossEvidence(lp)], location, fix ? [fix] : [])];
}

/** A finding that early stopping ended fit too soon: shown at `location`, the fit it stopped related. */
function stoppedObservation(ctx: Ctx, e: NonNullable<Ctx['run']['stoppedEarly']>, priority: number, message: string, evidence: string[], location: SourceSite | null, fixes: PlannedFix[], atFix = false): Observation {
  const run = ctx.run;
  const fitSite = ctx.view?.event.fitSite;
  return {
    symptom: 'stopped-early',
    about: 'epochs',
    harm: true,
    priority,
    layer: null,
    iteration: Math.max(run.lastIter, 0),
    elapsedMs: run.elapsedMs,
    message,
    evidence,
    relevance: new Map(),
    related: e.site && fitSite ? [{ site: fitSite, message: 'the fit it stopped' }] : [],
    cause: {
      rootCause: 'training-length',
      layer: null,
      location,
      fixes,
      ...(atFix ? { atFix: true } : {}),
      confirms: [],
      folds: [],
    },
  };
}

/**
 * Early stopping that watched a value logged the same at every epoch (an accuracy compiled into a
 * regression, where no prediction ever equals its real-valued target): no epoch improves it, so
 * fit ends after patience + 1 epochs whatever the model learns. Certain from the logs; the fix
 * watches the loss.
 */
function flatMonitor(ctx: Ctx, e: NonNullable<Ctx['run']['stoppedEarly']>): Observation | null {
  const run = ctx.run;
  const view = ctx.view!;
  const logged = e.monitor !== null ? run.epochValues.get(e.monitor) : undefined;
  if (!logged || !logged.constant || logged.epochs < 2 || e.epochs >= e.planned) return null;
  // The loss still fell while the watched value stood still.
  const loss = run.epochValues.get('loss');
  if (loss?.constant !== false) return null;
  const watch = run.epochValues.has('val_loss') ? 'val_loss' : 'loss';
  return stoppedObservation(
    ctx,
    e,
    0.6,
    `Early stopping watches ${e.monitor}, which was ${fmt(logged.first)} at every one of the ${logged.epochs} epochs: no epoch can improve on it, so fit ended after ${e.epochs} of ${e.planned} planned epochs while the loss was still falling.${/acc/i.test(e.monitor!) ? ' An accuracy on real-valued targets stays at 0: no prediction ever equals its target.' : ''} Watch ${watch} instead.`,
    [`${e.monitor} ${fmt(logged.first)} at all ${logged.epochs} epochs`, `${e.epochs} of ${e.planned} epochs run`],
    e.site ?? view.event.fitSite,
    e.site ? [{ title: `Stop when ${watch} stops falling (monitor: '${watch}')`, plan: { kind: 'callOption', site: e.site, callee: 'earlyStopping', key: 'monitor', to: `'${watch}'` } }] : [],
  );
}

/**
 * The script's own callback set model.stopTraining and ended fit early, before the model learned.
 * When the callback's comparison is against a best value still at the ±Infinity it was declared
 * with, and always takes the branch that does not move it, the finding is on that comparison and
 * the fix flips it.
 */
function scriptStoppedEarly(ctx: Ctx, e: NonNullable<Ctx['run']['stoppedEarly']>, ran: string, evidence: string[]): Observation {
  return stoppedObservation(
    ctx,
    e,
    0.5,
    `A callback of the script set model.stopTraining and ${ran}: the model had not learned yet. Check the condition that decides it has converged; one that compares with a best value still at its starting Infinity counts every epoch as no improvement, and a wait counter that is not set back to 0 when the value improves counts the non-improving epochs of the whole run, not the ones in a row.`,
    [`${e.epochs} of ${e.planned} epochs run`, ...evidence],
    e.site ?? ctx.view?.event.fitSite ?? null,
    e.site ? [{ title: 'Set the wait counter back to 0 when the value improves', plan: { kind: 'resetWaitCounter', site: e.site } }, flipBestComparison(e.site)] : [],
    true,
  );
}

/** The fix for a stopping condition compared with a best value that never moves: flip the comparison. */
function flipBestComparison(site: SourceSite): PlannedFix {
  return { title: 'Flip the comparison, so an improving epoch moves the best value', plan: { kind: 'flipGuard', site, within: true } };
}

/**
 * The script's own callback set model.stopTraining within fit's first epoch of several, before the
 * model learned: whatever the condition meant, the model never trained. A time budget compared
 * with Date.now() differences, which are milliseconds, as if they were seconds does this (the fix
 * then scales the budget), as does a comparison with a best value still at its starting Infinity.
 */
function scriptStoppedAtOnce(ctx: Ctx, e: NonNullable<Ctx['run']['stoppedEarly']>): Observation {
  const steps = ctx.run.iterations;
  return stoppedObservation(
    ctx,
    e,
    0.6,
    `A callback of the script set model.stopTraining during the first of ${e.planned} planned epochs, after ${steps} step${steps === 1 ? '' : 's'}: the model never trained. Check the condition that decides to stop; a time budget in seconds compared with a Date.now() difference, which is in milliseconds, stops training within a fraction of a second, and an early stop run at every batch (onBatchEnd) runs out of patience on the batches' noisy losses within the first epoch.`,
    [`fit stopped in epoch 1 of ${e.planned}`, `${steps} optimizer step${steps === 1 ? '' : 's'} ran`],
    e.site ?? ctx.view?.event.fitSite ?? null,
    e.site
      ? [
          { title: 'Check for early stopping once per epoch (onEpochEnd), on the validation loss', plan: { kind: 'stopCheckPerEpoch', site: e.site } },
          { title: 'Give the time budget in milliseconds (× 1000), as Date.now() counts', plan: { kind: 'budgetInMilliseconds', site: e.site } },
          flipBestComparison(e.site),
        ]
      : [],
    true,
  );
}

export interface TrendResult {
  observations: Observation[];
  loss: LossProgress | null;
  accuracy: AccuracyProgress | null;
  /** Loss or accuracy currently stalled (false: earlier stall warnings no longer hold). */
  stalled: boolean;
}

export function detectTrends(ctx: Ctx, final: boolean): TrendResult {
  const lp = assessLoss(ctx.run);
  const ap = assessAccuracy(ctx.run);
  // Until an update runs, a loss trend describes the starting weights only (see neverUpdated). A
  // model trained against another one chases a moving target: its loss trend is the game's.
  if (ctx.run.notUpdatedYet() || ctx.run.opponent !== null) return { observations: [], loss: lp, accuracy: ap, stalled: false };
  const stalled = (lp !== null && lp.stalled) || (ap !== null && ap.atChance && !(lp?.recentDecreasing ?? false));
  const observations = [...trivialFit(ctx, lp), ...lossBlindToTargets(ctx, lp), ...lossAtRangeFloor(ctx, lp), ...diverging(ctx, lp, final)];
  if (!observations.some((o) => o.symptom === 'loss-diverging')) observations.push(...blownUpAtStart(ctx, lp, final));
  if (!observations.some((o) => o.symptom === 'loss-diverging')) observations.push(...oscillating(ctx, lp, final));
  if (!observations.some((o) => o.harm)) observations.push(...stall(ctx, lp, ap, final));
  if (!observations.some((o) => o.harm)) observations.push(...validationGap(ctx, lp));
  if (!observations.some((o) => o.harm)) observations.push(...overfitting(ctx, lp, ap));
  if (!observations.some((o) => o.harm)) observations.push(...validationAtChance(ctx, lp, ap));
  return { observations, loss: lp, accuracy: ap, stalled };
}
