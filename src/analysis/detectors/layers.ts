/**
 * Per-layer health from sampled layer details: dead ReLU units, saturated sigmoid/tanh
 * units, vanishing and exploding gradients, weights that stop changing, outputs that do
 * not depend on the input, outputs pinned at the bound of their activation, and weights a
 * regularizer pulled to 0.
 * Every rule needs the condition on several consecutive samples.
 */
import { raisedMidRun, raisedRateCause } from './numerical';
import type { Symptom } from '../findings';
import {
  activationFix,
  type Cause,
  combine,
  constantInit,
  initialBias,
  initializerFix,
  type Ctx,
  hypothesisIds,
  type Hypothesis,
  scalesTargets,
  learningRateFix,
  optimizerFactory,
  type Observation,
  rateHeldAtZero,
  setterHoldsRateAtZero,
  regularizerFix,
  type RelevanceSpec,
  strongestRegularizer,
} from '../context';
import { RELU_LIKE, SATURATING, RECURRENT_CELL, type LayerView, type ModelView } from '../model';
import { assessAccuracy, assessLoss, modelNoSkillLoss } from '../progress';
import type { LayerSample, ModelState } from '../model-state';
import type { PlannedFix } from '../fixes';
import { fmt, isNum, median, pct } from '../stats';

const SAMPLES = 3;
/** Iterations a constant-output streak must cover. */
const MIN_SPAN = 5;

/** Training is clearly working: a layer symptom is then not (yet) a fault. */
function learningWell(run: ModelState): boolean {
  const lp = assessLoss(run);
  const ap = assessAccuracy(run);
  return (lp !== null && (lp.learning || lp.current < 1e-3 * Math.abs(lp.start))) || (ap !== null && ap.aboveChance);
}

/** Targets with a single class: a constant prediction is then the right answer. */
function singleClass(run: ModelState): boolean {
  const t = run.data.target(0);
  if (!t) return false;
  const s = t.summary;
  if (s.distinct && s.distinct.length === 1) return true;
  if (t.freqs && Math.max(...t.freqs) >= 0.99) return true;
  return s.std === 0;
}

function strongHyps(ctx: Ctx, symptom: Symptom, pred: (h: Hypothesis) => boolean): Hypothesis[] {
  return hypothesisIds(ctx, (h) => !h.weak && h.confirmBy.has(symptom) && pred(h));
}

/** Input scaling or learning rate explain a sick layer near the input; else the layer itself. */
function layerCause(ctx: Ctx, symptom: Symptom, layer: LayerView, own: Cause): Cause {
  const view = ctx.view!;
  const owner = view.ownerOf(layer);
  // A layer that starts dead or symmetric is explained by its initializer, whatever else is off.
  const init = strongHyps(ctx, symptom, (x) => x.rootCause === 'weight-initialization' && (x.layer === owner || (x.explainsDownstream === true && !!x.layer && (feedsInto(view, x.layer, layer) || feedsInto(view, x.layer, owner)))))[0];
  if (init) return { rootCause: init.rootCause, layer: init.layer, location: init.location, fixes: init.fixes, confirms: [init.id], folds: [] };
  if (view.isNearInput(owner, 1)) {
    const h = strongHyps(ctx, symptom, (x) => x.inputSide === true)[0];
    if (h) return { rootCause: h.rootCause, layer: null, location: h.location, fixes: h.fixes, confirms: [h.id], folds: [] };
  }
  const lr = strongHyps(ctx, symptom, (x) => x.rootCause === 'learning-rate' || x.scalesSteps === true)[0];
  if (lr) return { rootCause: lr.rootCause, layer: null, location: lr.location, fixes: lr.fixes, confirms: [lr.id], folds: [] };
  // Steps made several times larger while training kill units and pin outputs as a rate set too high does.
  const raised = raisedRateCause(ctx);
  if (raised) return raised;
  const outHyp = strongHyps(ctx, symptom, (x) => x.layer === layer)[0];
  if (outHyp) return { rootCause: outHyp.rootCause, layer: outHyp.layer, location: outHyp.location, fixes: outHyp.fixes, confirms: [outHyp.id], folds: [] };
  return own;
}

/** `from` reaches `to` along single-predecessor links, through layers with no weights of their own. */
function feedsInto(view: ModelView, from: LayerView, to: LayerView): boolean {
  for (const p of singleFeeders(view, to)) {
    if (p === from || view.ownerOf(p) === from) return true;
    if (p.kind === 'weighted' || p.kind === 'embedding') return false;
  }
  return false;
}

function series(samples: LayerSample[], f: (s: LayerSample) => number | null): string {
  return samples.map((s) => `${fmt(f(s))} @${s.iter}`).join(', ');
}

function isOutputSide(view: ModelView, l: LayerView): boolean {
  return view.outputs.some((o) => o.layer === l || o.actLayer === l);
}

/** A ReLU layer whose units all output 0 on the latest sample. */
function allUnitsDead(run: ModelState, l: LayerView): boolean {
  const d = run.track(l.index)?.latest()?.dead;
  return RELU_LIKE.has(l.act) && isNum(d) && d >= 0.99;
}

/**
 * A layer fed only by a ReLU layer whose units are all dead sees an all-zero input: its own
 * dead units are that layer's doing, not a fault of their own.
 */
function fedByDeadLayer(view: ModelView, run: ModelState, l: LayerView): boolean {
  for (const p of singleFeeders(view, view.ownerOf(l))) {
    if (allUnitsDead(run, p)) return true;
    if (p.kind !== 'passthrough' && p.kind !== 'normalization' && p.kind !== 'activation') return false;
  }
  return false;
}

/** The layers before `l`, nearest first, while each has exactly one predecessor (16 at most). */
function* singleFeeders(view: ModelView, l: LayerView): Generator<LayerView> {
  let cur = l;
  for (let g = 0; g < 16 && cur.preds.length === 1; g++) {
    cur = view.layers[cur.preds[0]!]!;
    yield cur;
  }
}

/**
 * Logits passed through relu before a softmax output: a logit unit that is 0 for every row (dead)
 * leaves its class a logit no higher than any other's floor, so that class is (almost) never
 * predicted, and no gradient revives it. Harm as soon as a unit is dead over whole batches; the
 * fix makes the logits linear.
 */
function deadLogits(ctx: Ctx): Observation[] {
  const view = ctx.view!;
  const run = ctx.run;
  const out: Observation[] = [];
  for (const o of view.outputs) {
    const owner = view.ownerOf(o.actLayer);
    if (o.activation !== 'softmax' || owner === o.actLayer || !RELU_LIKE.has(owner.act) || !owner.units || owner.units < 3) continue;
    const ss = run.track(owner.index)?.lastOut(SAMPLES) ?? [];
    if (ss.length < SAMPLES || ss.some((s) => !isNum(s.dead) || (s.rows ?? 0) < 8)) continue;
    const dead = Math.min(...ss.map((s) => s.dead!));
    const units = Math.round(dead * owner.units);
    if (units < 1) continue;
    out.push({
      symptom: 'dead-relu',
      about: owner.info.name,
      harm: true,
      priority: 0.8,
      layer: owner,
      iteration: ctx.iteration,
      elapsedMs: ctx.elapsedMs,
      message: `${owner.info.name} applies relu to the ${owner.units} logits the softmax of ${o.actLayer.info.name} turns into class probabilities: ${units} of them ${units === 1 ? 'is' : 'are'} 0 for every row of the last ${SAMPLES} batches seen, so ${units === 1 ? 'its class' : 'their classes'} can hardly ever be predicted and no gradient brings ${units === 1 ? 'it' : 'them'} back. Logits must be free to go below 0: leave that layer linear.`,
      evidence: [`${owner.info.name}: ${units} of ${owner.units} units dead (${pct(dead)}) in each of the last ${SAMPLES} samples`, `${o.actLayer.info.name} applies softmax to them`],
      relevance: new Map([[owner.pos, { score: 1, evidence: `${units} dead logit units` }]]),
      related: o.actLayer.info.site && o.actLayer !== owner ? [{ site: o.actLayer.info.site, message: 'the softmax over those logits' }] : [],
      cause: { rootCause: 'output-activation', layer: owner, location: owner.info.site, fixes: [activationFix(owner, 'linear', `Leave ${owner.info.name} linear: logits for the softmax`)], confirms: [], folds: [] },
    });
  }
  return out;
}

function deadRelu(ctx: Ctx): Observation[] {
  const view = ctx.view!;
  const run = ctx.run;
  const out: Observation[] = [];
  for (const l of view.layers) {
    if (!RELU_LIKE.has(l.act) || isOutputSide(view, l)) continue;
    const ss = run.track(l.index)?.lastOut(SAMPLES) ?? [];
    if (ss.length < SAMPLES || ss.some((s) => !isNum(s.dead))) continue;
    const small = ss.some((s) => s.rows !== null && s.rows < 8);
    // 30-50% dead is normal for ReLU; small batches inflate the fraction.
    const thr = small ? 0.95 : 0.8;
    const minDead = Math.min(...ss.map((s) => s.dead!));
    if (minDead < thr || fedByDeadLayer(view, run, l)) continue;
    const harm = minDead >= 0.99 && !small && !learningWell(run) && !singleClass(run);
    const rel: RelevanceSpec = new Map([[l.pos, { score: 1, evidence: `${pct(minDead)} dead units` }]]);
    for (const o of view.layers) {
      if (o === l || !RELU_LIKE.has(o.act)) continue;
      const d = run.track(o.index)?.latest()?.dead;
      if (isNum(d) && d >= 0.5) rel.set(o.pos, { score: 0.5 * d, evidence: `${pct(d)} dead units` });
    }
    const lrFix = learningRateFix(view, run, 0.1);
    const eluFix = activationFix(l, 'elu', `Use elu instead of relu on ${l.info.name} so units cannot die`);
    // Dead from the first sample behind a bias that starts below 0: the initializer killed them.
    const owner = view.ownerOf(l);
    const bias = initialBias(owner);
    const firstDead = run.track(l.index)?.first?.dead;
    const deadAtStart = bias !== null && bias < 0 && isNum(firstDead) && firstDead >= thr && owner.info.site !== null;
    const own: Cause = deadAtStart
      ? {
          rootCause: 'weight-initialization',
          layer: owner,
          location: owner.info.site,
          fixes: [initializerFix(owner, 'biasInitializer', 'zeros', `Start ${owner.info.name}'s bias at 0 instead of ${fmt(bias)}`), eluFix],
          confirms: [],
          folds: [],
        }
      : { rootCause: 'hidden-activation', layer: l, location: l.info.site, fixes: [eluFix, ...(lrFix ? [lrFix] : [])], confirms: [], folds: [] };
    const message = deadAtStart
      ? `${pct(minDead)} of ${l.info.name}'s units output 0 for every sample from the first step (dead ReLU): its bias starts at ${fmt(bias)}, below what the inputs can lift.`
      : `${pct(minDead)} of ${l.info.name}'s units output 0 for every sample (dead ReLU), so they pass no gradient.`;
    out.push({
      symptom: 'dead-relu',
      about: l.info.name,
      harm,
      priority: 0.7,
      layer: l,
      iteration: ctx.iteration,
      elapsedMs: ctx.elapsedMs,
      message,
      evidence: [`dead-unit fraction ${series(ss, (s) => s.dead)}`, ...(deadAtStart ? [`${owner.info.name}: biasInitializer ${String(owner.info.config['biasInitializer'])}`] : [])],
      relevance: rel,
      related: [],
      cause: layerCause(ctx, 'dead-relu', l, own),
    });
  }
  return out;
}

function saturated(ctx: Ctx): Observation[] {
  const view = ctx.view!;
  const run = ctx.run;
  const out: Observation[] = [];
  for (const l of view.layers) {
    if (!SATURATING.has(l.act) || isOutputSide(view, l)) continue;
    const ss = run.track(l.index)?.lastOut(SAMPLES) ?? [];
    if (ss.length < SAMPLES || ss.some((s) => !isNum(s.saturated))) continue;
    const small = ss.some((s) => s.rows !== null && s.rows < 8);
    const thr = small ? 0.9 : 0.7;
    const minSat = Math.min(...ss.map((s) => s.saturated!));
    if (minSat < thr) continue;
    const rel: RelevanceSpec = new Map([[l.pos, { score: 1, evidence: `${pct(minSat)} of outputs saturated` }]]);
    const own: Cause = {
      rootCause: 'hidden-activation',
      layer: l,
      location: l.info.site,
      fixes: [activationFix(l, 'relu', `Use relu instead of ${l.act} on ${l.info.name}`)],
      confirms: [],
      folds: [],
    };
    out.push({
      symptom: 'saturated-activation',
      about: l.info.name,
      harm: minSat >= 0.99 && !small && !learningWell(run) && !singleClass(run),
      priority: 0.7,
      layer: l,
      iteration: ctx.iteration,
      elapsedMs: ctx.elapsedMs,
      message: `${pct(minSat)} of ${l.info.name}'s ${l.act} outputs are pinned at their bounds, where the gradient is ~0.`,
      evidence: [`saturated fraction ${series(ss, (s) => s.saturated)}`],
      relevance: rel,
      related: [],
      cause: layerCause(ctx, 'saturated-activation', l, own),
    });
  }
  return out;
}

/** Recurrent cells' outputs beyond this have left every range a bounded state can reach. */
const RUNAWAY_STATE = 1e3;

/**
 * A recurrent layer given an unbounded activation (LSTM(50, activation='relu'), a common tutorial
 * pattern) whose outputs have grown past 1,000: its tanh-bounded state would stay within ±1, so
 * the cell compounds its state step after step and nothing holds it. Seen in its own outputs.
 */
function runawayRecurrentState(ctx: Ctx): Observation[] {
  const view = ctx.view!;
  const out: Observation[] = [];
  for (const l of view.layers) {
    if (!RECURRENT_CELL.test(l.info.className) || SATURATING.has(l.act)) continue;
    const s = ctx.run.track(l.index)?.lastOut(1)[0];
    if (!s) continue;
    const size = Math.max(Math.abs(s.outMin ?? 0), Math.abs(s.outMax ?? 0));
    if (!s.outNonFinite && !(size >= RUNAWAY_STATE)) continue;
    const seen = s.outNonFinite ? 'NaN or Infinity' : `values up to ${fmt(size)}`;
    out.push({
      symptom: 'runaway-recurrent-state',
      about: l.info.name,
      harm: true,
      priority: 0.9,
      layer: l,
      iteration: ctx.iteration,
      elapsedMs: ctx.elapsedMs,
      message: `${l.info.name} (${l.info.className}) uses ${l.act} for its state, which nothing bounds: over each sequence it compounds, and its outputs reached ${seen}. Recurrent cells keep their state in range with tanh (the default).`,
      evidence: [`${l.info.name} outputs: min ${fmt(s.outMin)}, max ${fmt(s.outMax)}`],
      relevance: new Map([[l.pos, { score: 1, evidence: `state reached ${seen}` }]]),
      related: [],
      cause: layerCause(ctx, 'runaway-recurrent-state', l, { rootCause: 'hidden-activation', layer: l, location: l.info.site, fixes: [activationFix(l, 'tanh', `Use tanh (the default) instead of ${l.act} in ${l.info.name}`)], confirms: [], folds: [] }),
    });
  }
  return out;
}

/** A layer without weights whose outputs are this many times the size of its inputs has drowned them. */
const DROWNED_BY = 100;

/**
 * A layer without weights of the script's own (one that adds positions, a bias, an offset) whose
 * outputs are a hundred times the size of its inputs: what it adds drowns what it is given (raw
 * position indices 0 to 29 added to embeddings of ±0.05), so the layers after it see the addition,
 * not the input. Sizes are root-mean-squares of the latest sampled outputs.
 */
function inputDrowned(ctx: Ctx): Observation[] {
  const view = ctx.view!;
  const out: Observation[] = [];
  const size = (s: LayerSample | undefined): number | null => (s && !s.outNonFinite && isNum(s.outMean) && isNum(s.outStd) ? Math.sqrt(s.outMean ** 2 + s.outStd ** 2) : null);
  for (const l of view.layers) {
    if (l.kind !== 'other' || l.preds.length !== 1 || /noise|dropout|dot|multiply|lambda/i.test(l.info.className)) continue;
    const p = view.layers[l.preds[0]!]!;
    const given = size(ctx.run.track(p.index)?.lastOut(1)[0]);
    const made = size(ctx.run.track(l.index)?.lastOut(1)[0]);
    if (given === null || made === null || !(given > 0) || made < 1 || made < DROWNED_BY * given) continue;
    out.push({
      symptom: 'input-drowned',
      about: l.info.name,
      harm: true,
      priority: 0.9,
      layer: l,
      iteration: ctx.iteration,
      elapsedMs: ctx.elapsedMs,
      message: `${l.info.name} (${l.info.className}) is given values of about ±${fmt(given)} by ${p.info.name} and puts out values of about ±${fmt(made)}, ${fmt(made / given)} times larger: what it adds drowns what it is given, so the layers after it see the addition, not the input. Raw position indices added to embeddings do this; scale what it adds to the size of its input (positions divided by the sequence length), or learn it (a position embedding).`,
      evidence: [`${p.info.name} outputs ±${fmt(given)}`, `${l.info.name} outputs ±${fmt(made)}`],
      relevance: new Map([[l.pos, { score: 1, evidence: `outputs ${fmt(made / given)} times the size of its inputs` }]]),
      related: p.info.site ? [{ site: p.info.site, message: `${p.info.name} gives it values of about ±${fmt(given)}` }] : [],
      cause: layerCause(ctx, 'input-drowned', l, { rootCause: 'architecture', layer: l, location: l.info.site, fixes: l.info.site ? [{ title: 'Divide the positions by the sequence length', plan: { kind: 'scalePositions', file: l.info.site.file, className: l.info.className } }] : [], confirms: [], folds: [] }),
    });
  }
  return out;
}

function gradOf(run: ModelState, l: LayerView): number | null {
  const s = run.track(l.index)?.latest();
  return s && s.hasGrads && isNum(s.gradMeanAbs) ? s.gradMeanAbs : null;
}

function vanishing(ctx: Ctx): Observation[] {
  const view = ctx.view!;
  const run = ctx.run;
  const weighted = view.weighted().filter((l) => (run.track(l.index)?.samples.length ?? 0) > 0);
  if (weighted.length < 2) return [];
  const first = weighted[0]!;
  const last = weighted[weighted.length - 1]!;
  const tf = run.track(first.index);
  const tl = run.track(last.index);
  const fs = tf?.samples.last().filter((s) => s.hasGrads).slice(-SAMPLES) ?? [];
  const ls = tl?.samples.last().filter((s) => s.hasGrads).slice(-SAMPLES) ?? [];
  if (fs.length < SAMPLES || ls.length < SAMPLES) return [];
  for (let i = 0; i < SAMPLES; i++) {
    const g1 = fs[i]!.gradMeanAbs;
    const g2 = ls[i]!.gradMeanAbs;
    if (!isNum(g1) || !isNum(g2) || g2 <= 0) return [];
    if (!(g1 < 1e-7 && g1 / g2 < 1e-3)) return [];
  }
  // Where does the gradient drop most, walking backward?
  let worst = { a: first, b: last, ratio: Infinity };
  for (let i = 0; i + 1 < weighted.length; i++) {
    const ga = gradOf(run, weighted[i]!);
    const gb = gradOf(run, weighted[i + 1]!);
    if (!isNum(ga) || !isNum(gb) || gb <= 0) continue;
    const r = ga / gb;
    if (r < worst.ratio) worst = { a: weighted[i]!, b: weighted[i + 1]!, ratio: r };
  }
  // Dead ReLU units pass exactly no gradient: the dead-relu finding already explains the drop.
  const dead = view.layers.some((l) => l.pos < worst.b.pos && !isOutputSide(view, l) && allUnitsDead(run, l));
  if (dead) return [];
  const between = view.layers.filter((l) => l.pos >= worst.a.pos && l.pos < worst.b.pos && SATURATING.has(l.act));
  const culprit = between[0] ?? view.layers.filter((l) => l.pos < worst.b.pos && SATURATING.has(l.act)).pop() ?? null;
  const rel: RelevanceSpec = new Map();
  for (const l of weighted) {
    const g = gradOf(run, l);
    rel.set(l.pos, { score: 0.3, evidence: `mean |gradient| ${fmt(g)}` });
  }
  if (culprit) rel.set(culprit.pos, { score: 1, evidence: `${culprit.act} between ${worst.a.info.name} and ${worst.b.info.name}, where the gradient shrinks ${fmt(1 / worst.ratio)}-fold` });
  else rel.set(worst.a.pos, { score: 1, evidence: `gradient shrinks ${fmt(1 / worst.ratio)}-fold below ${worst.b.info.name}` });
  const target = culprit ?? worst.a;
  const own: Cause = culprit
    ? { rootCause: 'hidden-activation', layer: culprit, location: culprit.info.site, fixes: [activationFix(culprit, 'relu', `Use relu instead of ${culprit.act} on ${culprit.info.name}`)], confirms: [], folds: [] }
    : { rootCause: 'architecture', layer: worst.a, location: worst.a.info.site, fixes: [], confirms: [], folds: [] };
  return [
    {
      symptom: 'vanishing-gradient',
      about: target.info.name,
      harm: false,
      priority: 0.7,
      layer: target,
      iteration: ctx.iteration,
      elapsedMs: ctx.elapsedMs,
      message: `Gradients vanish before reaching ${first.info.name} (mean |gradient| ${fmt(fs[fs.length - 1]!.gradMeanAbs)} vs ${fmt(ls[ls.length - 1]!.gradMeanAbs)} at ${last.info.name})${culprit ? `; the ${culprit.act} of ${culprit.info.name} squashes them` : ''}.`,
      evidence: [`mean |gradient| of ${first.info.name}: ${series(fs, (s) => s.gradMeanAbs)}`, `mean |gradient| of ${last.info.name}: ${series(ls, (s) => s.gradMeanAbs)}`],
      relevance: rel,
      related: [],
      cause: layerCause(ctx, 'vanishing-gradient', target, own),
    },
  ];
}

export function detectExploding(ctx: Ctx): Observation[] {
  const run = ctx.run;
  const h = run.gradNorm;
  const early = h.head.slice(0, 10).map((p) => p.value);
  if (early.length < 5 || h.count < 15) return [];
  const e = median(early);
  const recent = h.recent.last(SAMPLES).map((p) => p.value);
  if (!(e > 0) || recent.length < SAMPLES || recent.some((g) => g < 1e3 * e)) return [];
  const view = ctx.view;
  const rel: RelevanceSpec = new Map();
  if (view) {
    const w = view.weighted();
    let best: LayerView | null = null;
    let bestG = 0;
    for (const l of w) {
      const g = run.track(l.index)?.latest()?.gradNorm;
      if (isNum(g)) {
        rel.set(l.pos, { score: 0.3, evidence: `gradient norm ${fmt(g)}` });
        if (g > bestG) {
          bestG = g;
          best = l;
        }
      }
    }
    if (best) rel.set(best.pos, { score: 0.8, evidence: `largest gradient norm ${fmt(bestG)}` });
  }
  const lr = strongHyps(ctx, 'exploding-gradient', (x) => x.rootCause === 'learning-rate')[0];
  const inp = strongHyps(ctx, 'exploding-gradient', (x) => x.inputSide === true)[0];
  const fix = learningRateFix(view ?? null, run, 0.1);
  const cause: Cause = lr
    ? { rootCause: 'learning-rate', layer: null, location: lr.location, fixes: lr.fixes, confirms: [lr.id], folds: [] }
    : inp
      ? { rootCause: 'input-normalization', layer: null, location: inp.location, fixes: inp.fixes, confirms: [inp.id], folds: [] }
      : { rootCause: 'learning-rate', layer: null, location: view?.optimizerSite ?? null, fixes: fix ? [fix] : [], confirms: [], folds: [] };
  return [
    {
      symptom: 'exploding-gradient',
      about: 'gradients',
      harm: false,
      priority: 0.75,
      layer: null,
      iteration: ctx.iteration,
      elapsedMs: ctx.elapsedMs,
      message: `The gradient norm grew from ${fmt(e)} to ${fmt(recent[recent.length - 1])} (over 1000-fold).`,
      evidence: [`early gradient norm ${fmt(e)}`, `last gradient norms ${recent.map(fmt).join(', ')}`],
      relevance: rel,
      related: [],
      cause,
    },
  ];
}

/**
 * One output of a multi-output model whose own layer has had exactly zero gradient, and unchanged
 * weights, since training began, while the rest of the model trains: its loss term gives nothing
 * back (weighted by 0, or a loss that ignores the prediction). That head stays at its random
 * initial weights. The fix finds the 0 its loss is weighted by.
 */
function headNeverUpdated(ctx: Ctx): Observation[] {
  const view = ctx.view!;
  const run = ctx.run;
  if (view.outputs.length < 2 || !view.compileSite) return [];
  const untouched = (l: LayerView) => {
    const t = run.track(l.index);
    const s = t?.latest();
    return !!t && !!s && s.hasGrads && s.gradNorm === 0 && t.unchangedSince !== null && t.unchangedSince === t.first?.iter && t.unchangedSamples >= SAMPLES;
  };
  const trains = view.weighted().some((l) => {
    const t = run.track(l.index);
    return !!t?.latest()?.hasWeights && t.unchangedSince !== t.first?.iter;
  });
  if (!trains) return [];
  const out: Observation[] = [];
  for (const o of view.outputs) {
    const head = view.ownerOf(o.actLayer);
    if (head.kind !== 'weighted' || !untouched(head)) continue;
    const t = run.track(head.index)!;
    out.push({
      symptom: 'output-untrained',
      about: head.info.name,
      harm: true,
      priority: 0.8,
      layer: head,
      iteration: ctx.iteration,
      elapsedMs: ctx.elapsedMs,
      message: `Output ${o.slot + 1} (${o.layer.info.name}) gets no gradient: ${head.info.name}'s gradient has been exactly 0 and its weights unchanged since training began (${t.unchangedSamples} samples), while the rest of the model trains. Its loss term gives nothing back, as a loss weighted by 0 does, so this head keeps its random initial weights.`,
      evidence: [`${head.info.name}: gradient norm 0, weights identical since iteration ${t.unchangedSince}`, `other layers' weights change`],
      relevance: new Map([[head.pos, { score: 1, evidence: 'never updated: its loss gives no gradient' }]]),
      related: [],
      cause: {
        rootCause: 'loss-function',
        layer: null,
        location: view.compileSite,
        fixes: [{ title: `Weight output ${o.slot + 1}'s loss by 1, not 0`, plan: { kind: 'lossWeightOne', compileSite: view.compileSite, slot: o.slot } }],
        confirms: [],
        folds: [`weights-unchanged:${head.info.name}`],
        atFix: true,
      },
    });
  }
  return out;
}

/**
 * Under fit, a trainable layer that has had no gradient at all, and unchanged weights, since
 * training began, while the layers around it train: the loss does not depend on its weights, so
 * its output does not either (a custom layer whose call() computes its output and returns its
 * input). tfjs's own layers always use their weights, so only a layer of the script's can do it.
 * Certain; the fix returns the value call() computed and never used.
 */
function bypassedLayers(ctx: Ctx): Observation[] {
  const view = ctx.view!;
  const run = ctx.run;
  if (view.event.mode !== 'fit') return [];
  const sampled = (l: LayerView) => run.track(l.index)?.samples.last().filter((s) => s.hasWeights) ?? [];
  const trains = view.weighted().some((l) => sampled(l).some((s) => s.hasGrads));
  if (!trains) return [];
  const out: Observation[] = [];
  const classes = new Set<string>();
  for (const l of view.weighted()) {
    const t = run.track(l.index);
    const samples = sampled(l);
    if (!t || samples.length < SAMPLES || samples.some((s) => s.hasGrads) || t.unchangedSince === null || t.unchangedSince !== t.first?.iter) continue;
    // Layers of one class share its call(): one finding, on the first.
    if (classes.has(l.info.className)) continue;
    classes.add(l.info.className);
    const site = l.info.site;
    out.push({
      symptom: 'layer-bypassed',
      about: l.info.name,
      harm: true,
      priority: 0.85,
      layer: l,
      iteration: ctx.iteration,
      elapsedMs: ctx.elapsedMs,
      message: `${l.info.name} (${l.info.className}) gets no gradient and its weights have not changed since training began, while the layers around it train: the loss does not depend on its ${l.info.params} weights, so its output does not either. A custom layer whose call() computes its output but returns something made without its weights (its input) does this; the model is then only as good as the other layers.`,
      evidence: [`${l.info.name}: no gradient in ${samples.length} sampled steps, weights identical since iteration ${t.unchangedSince}`, 'the other layers get gradients and change'],
      relevance: new Map([[l.pos, { score: 1, evidence: 'its weights never reach the loss' }]]),
      related: [],
      cause: {
        rootCause: 'architecture',
        layer: l,
        location: site,
        fixes: site ? [{ title: `Return the output ${l.info.className}.call() computes`, plan: { kind: 'returnComputed', site, className: l.info.className } }] : [],
        confirms: [],
        folds: [`weights-unchanged:${l.info.name}`],
        atFix: true,
      },
    });
  }
  return out;
}

function unchanged(ctx: Ctx): Observation[] {
  const view = ctx.view!;
  const run = ctx.run;
  const weighted = view.weighted().filter((l) => (run.track(l.index)?.samples.length ?? 0) > 0 && run.track(l.index)!.latest()!.hasWeights);
  if (weighted.length === 0) return [];
  const frozen = weighted.filter((l) => {
    const t = run.track(l.index)!;
    return t.unchangedSince !== null && t.unchangedSamples >= SAMPLES && ctx.iteration - t.unchangedSince >= 10;
  });
  const lr = run.lastLearningRate ?? view.event.optimizer?.learningRate ?? null;
  if (frozen.length === 0 && !(run.zeroGradStreak >= 20 && run.iterations >= 20)) return [];
  // Weights also stop moving once a model has converged; that is not a fault.
  if (learningWell(run)) return [];
  const all = frozen.length === weighted.length || run.zeroGradStreak >= 20;
  const rel: RelevanceSpec = new Map();
  for (const l of frozen) rel.set(l.pos, { score: 0.5, evidence: `weights unchanged since iteration ${run.track(l.index)!.unchangedSince}` });
  // Zero gradients come from a layer whose output ignores its input (constant or dead).
  const blocker = [...view.layers].reverse().find((l) => {
    const s = run.track(l.index)?.latest();
    return s && ((isNum(s.constant) && s.constant >= 0.999 && (s.rows ?? 2) >= 2) || allUnitsDead(run, l));
  });
  const zeroGrad = weighted.every((l) => {
    const s = run.track(l.index)!.latest()!;
    return !s.hasGrads || s.gradNorm === 0;
  });
  const evidence = frozen.slice(0, 4).map((l) => `${l.info.name}: weights identical over ${run.track(l.index)!.unchangedSamples} samples since iteration ${run.track(l.index)!.unchangedSince}`);
  if (run.zeroGradStreak >= 20) evidence.push(`gradient norm exactly 0 for ${run.zeroGradStreak} iterations`);
  if (isNum(lr)) evidence.push(`learning rate ${fmt(lr)}`);
  if (all) {
    // Prefer what explains the blocking layer, then the strongest configuration finding.
    const hyps = strongHyps(ctx, 'weights-unchanged', () => true).sort(
      (a, b) => Number(blocker !== undefined && b.layer === blocker) - Number(blocker !== undefined && a.layer === blocker) || b.strength - a.strength,
    );
    let cause: Cause;
    let why: string;
    if (hyps.length) {
      const h = hyps[0]!;
      cause = { rootCause: h.rootCause, layer: h.layer, location: h.location, fixes: h.fixes, confirms: [h.id], folds: [] };
      why = h.rootCause === 'learning-rate' ? 'the learning rate is too small to move them' : 'no gradient reaches them';
    } else if ((zeroGrad || run.zeroGradStreak >= 20) && blocker) {
      rel.set(blocker.pos, { score: 1, evidence: 'output does not depend on the input, so no gradient passes' });
      const isOut = isOutputSide(view, blocker);
      cause = { rootCause: isOut ? 'output-activation' : 'hidden-activation', layer: blocker, location: blocker.info.site, fixes: [], confirms: [], folds: [`constant-output:${blocker.info.name}`, `dead-relu:${blocker.info.name}`] };
      why = `no gradient passes ${blocker.info.name}, whose output does not depend on its input`;
    } else if (setterHoldsRateAtZero(run)) {
      // Until the run is past a warm-up's first epoch, nothing is said.
      const held = rateHeldAtZero(view, run);
      if (!held) return [];
      ({ cause, why } = held);
    } else if (isNum(lr) && lr <= 1e-7) {
      const fix = learningRateFix(view, run, 10);
      cause = { rootCause: 'learning-rate', layer: null, location: view.optimizerSite, fixes: fix ? [fix] : [], confirms: [], folds: [] };
      why = `the learning rate ${fmt(lr)} is too small to move them`;
    } else if (view.event.optimizer?.settings['learningRate'] === null && view.optimizerSite) {
      // tfjs steps by -learningRate: null is 0. A setting exported as null skips a destructuring default.
      const site = view.optimizerSite;
      const factory = optimizerFactory(view.event.optimizer);
      cause = { rootCause: 'learning-rate', layer: null, location: site, fixes: [{ title: 'Fall back to the default rate when the setting is null (??)', plan: { kind: 'nullishDefault', site, callee: factory, index: 0 } }], confirms: [], folds: [] };
      why = 'the optimizer was made with a learning rate of null, and tfjs steps by -null, which is 0 (a default written in a destructuring applies to undefined only, not to a null read from a config)';
    } else {
      cause = { rootCause: 'optimizer', layer: null, location: view.optimizerSite, fixes: [], confirms: [], folds: [] };
      why = zeroGrad ? 'all gradients are zero' : 'the optimizer applies no update';
    }
    return [
      {
        symptom: 'weights-unchanged',
        about: 'model',
        harm: true,
        priority: 0.85,
        layer: cause.layer,
        iteration: ctx.iteration,
        elapsedMs: ctx.elapsedMs,
        message: `No weight of the model changes during training: ${why}.`,
        evidence,
        relevance: rel,
        related: [],
        cause,
      },
    ];
  }
  // Only some layers frozen: gradients stop at a dead or constant layer after them.
  const l = frozen[frozen.length - 1]!;
  if (!blocker || blocker.pos <= l.pos) return [];
  rel.set(blocker.pos, { score: 1, evidence: 'blocks the gradient of the layers before it' });
  return [
    {
      symptom: 'weights-unchanged',
      about: l.info.name,
      harm: false,
      priority: 0.6,
      layer: blocker,
      iteration: ctx.iteration,
      elapsedMs: ctx.elapsedMs,
      message: `${frozen.map((x) => x.info.name).join(', ')} stopped learning: no gradient passes ${blocker.info.name}.`,
      evidence,
      relevance: rel,
      related: [],
      cause: layerCause(ctx, 'weights-unchanged', blocker, { rootCause: 'hidden-activation', layer: blocker, location: blocker.info.site, fixes: [], confirms: [], folds: [] }),
    },
  ];
}

/** Whether a layer's sampled outputs ignore the input. */
function constantOver(samples: LayerSample[], act: string, units: number | null): { constant: boolean; decisive: boolean; text: string } {
  const last = samples[samples.length - 1];
  if (!last) return { constant: false, decisive: false, text: '' };
  if (act === 'softmax' && units === 1 && last.outMin === 1 && last.outMax === 1) {
    return { constant: true, decisive: true, text: `output exactly 1 for every sample at iteration ${last.iter}` };
  }
  // The latest samples that are constant across the batch; a model just initialized with tiny
  // weights can look constant for a step or two, so the run of samples must span some training.
  const streak: LayerSample[] = [];
  for (const s of [...samples].reverse()) {
    if ((s.rows ?? 2) < 2) break;
    // The probe's per-unit test is authoritative; a float32 std can round to 0 on its own.
    const constant = isNum(s.constant) ? s.constant >= 0.999 : isNum(s.outMin) && s.outMin === s.outMax;
    if (!constant) break;
    streak.unshift(s);
  }
  if (streak.length >= 2 && streak[streak.length - 1]!.iter - streak[0]!.iter >= MIN_SPAN) {
    return { constant: true, decisive: false, text: `every unit identical across the batch from iteration ${streak[0]!.iter} to ${last.iter} (value ${fmt(last.outMean)})` };
  }
  // Batches of one row: identical statistics on different batches mean the input is ignored.
  const three = samples.slice(-3);
  if (three.length === 3 && three[2]!.iter - three[0]!.iter >= MIN_SPAN && three.every((s) => (s.rows ?? 2) < 2) && three.every((s) => isNum(s.outMean) && s.outMean === three[0]!.outMean && s.outStd === three[0]!.outStd)) {
    return { constant: true, decisive: false, text: `identical output on different samples at iterations ${three.map((s) => s.iter).join(', ')} (mean ${fmt(last.outMean)})` };
  }
  return { constant: false, decisive: false, text: '' };
}

function constantOutput(ctx: Ctx): Observation[] {
  const view = ctx.view!;
  const run = ctx.run;
  const out: Observation[] = [];
  if (singleClass(run)) return out;
  for (const o of view.outputs) {
    const ss = run.track(o.layer.index)?.lastOut(6) ?? [];
    const c = constantOver(ss, o.activation, o.units);
    if (!c.constant) continue;
    // With one sample per batch, a model that learns well gives the same confident output on
    // samples of the same class: only a stalled model's identical outputs mean "constant".
    if (!c.decisive && ss.every((s) => (s.rows ?? 2) < 2) && assessLoss(run)?.learning) continue;
    // Batches of one class (rows stored by group, batched in order) get one confident answer from a
    // model that classifies above chance: saturated at its bound, that is being right, not constant.
    const value = ss[ss.length - 1]?.outMean;
    const atBound = (o.activation === 'sigmoid' || o.activation === 'softmax') && isNum(value) && (value >= 0.999 || value <= 0.001);
    if (atBound && (assessAccuracy(run)?.aboveChance || (o.units === 1 && learningWell(run)))) continue;
    // The producer: the first layer that is constant while its (sampled) inputs are not. A
    // layer fed by the raw input cannot be judged: the sampled batch itself may be constant.
    const isConst = (l: LayerView) => constantOver(run.track(l.index)?.lastOut(6) ?? [], l.act, l.units).constant;
    const sampled = (l: LayerView) => (run.track(l.index)?.lastOut(1).length ?? 0) > 0;
    const first = view.layers.find((l) => l.kind !== 'input' && l.pos <= o.layer.pos && isConst(l));
    if (!first) continue;
    const inputFed = first.preds.length === 0 || first.preds.some((p) => !sampled(view.layers[p]!));
    if (inputFed && !c.decisive) continue;
    const producer = c.decisive ? o.actLayer : first;
    const ps = run.track(producer.index)?.latest();
    const rel: RelevanceSpec = new Map([[producer.pos, { score: 1, evidence: `output constant: ${c.text}` }]]);
    for (const l of view.layers) if (l !== producer && l.pos > producer.pos && l.pos <= o.layer.pos) rel.set(l.pos, { score: 0.3, evidence: `constant because ${producer.info.name} is` });
    const evidence = [`${o.layer.info.name}: ${c.text}`];
    if (producer !== o.layer) evidence.push(`${producer.info.name} is the first layer whose output is constant`);
    let cause: Cause;
    // Regression targets in the thousands blow the first updates up until the ReLUs die: the output
    // then stays at whatever constant the surviving biases give.
    const hyps = strongHyps(ctx, 'constant-output', (h) => h.layer === producer || h.layer === o.actLayer || h.alsoAbout?.includes(producer) === true || h.rootCause === 'label-encoding' || scalesTargets(h) || (h.inputSide === true && (view.isNearInput(view.ownerOf(producer), 1) || h.strength >= 0.7)));
    const regularized = regularizationCause(ctx);
    if (regularized) {
      cause = regularized.cause;
    } else if (hyps.length) {
      const h = hyps[0]!;
      cause = { rootCause: h.rootCause, layer: h.layer, location: h.location, fixes: h.fixes, confirms: hyps.filter((x) => x === h || x.strength >= 0.75).map((x) => x.id), folds: [] };
    } else if (RELU_LIKE.has(producer.act) && isNum(ps?.dead) && ps!.dead >= 0.99) {
      const outSide = isOutputSide(view, producer);
      const to = outSide ? (o.loss?.kind === 'binary' ? 'sigmoid' : o.loss?.kind === 'categorical' || o.loss?.kind === 'sparse' ? 'softmax' : 'linear') : 'elu';
      cause = layerCause(ctx, 'constant-output', producer, {
        rootCause: outSide ? 'output-activation' : 'hidden-activation',
        layer: producer,
        location: producer.info.site,
        fixes: [activationFix(producer, to)],
        confirms: [],
        folds: [],
      });
    } else if (SATURATING.has(producer.act)) {
      cause = layerCause(ctx, 'constant-output', producer, {
        rootCause: isOutputSide(view, producer) ? 'output-activation' : 'hidden-activation',
        layer: producer,
        location: producer.info.site,
        fixes: isOutputSide(view, producer) ? competingClassesFix(run, o, producer, ps?.outMean) : [activationFix(producer, 'relu')],
        confirms: [],
        folds: [],
      });
    } else {
      const constantKernel = constantInit(producer.info.config['kernelInitializer']) !== null && producer.kind === 'weighted';
      cause = constantKernel
        ? { rootCause: 'weight-initialization', layer: producer, location: producer.info.site, fixes: [initializerFix(producer, 'kernelInitializer', 'glorotUniform')], confirms: [], folds: [] }
        : layerCause(ctx, 'constant-output', producer, { rootCause: isOutputSide(view, producer) ? 'output-activation' : 'hidden-activation', layer: producer, location: producer.info.site, fixes: [], confirms: [], folds: [] });
    }
    out.push({
      symptom: 'constant-output',
      about: producer.info.name,
      harm: true,
      priority: c.decisive ? 0.95 : 0.9,
      layer: cause.layer ?? producer,
      iteration: ctx.iteration,
      elapsedMs: ctx.elapsedMs,
      message: `The model's output does not depend on its input (${c.text}); ${producer === o.layer ? 'it' : producer.info.name} makes it constant.${raisedNote(ctx, cause)}`,
      evidence,
      relevance: rel,
      related: [],
      cause,
    });
  }
  return out;
}

/**
 * Every sigmoid unit pinned at 1 over single-label (one-hot) targets: the loss rewards each row's
 * own class and nothing pushes the others down, which is what a softmax does. Other pinned outputs
 * get no fix here: which bound is wrong depends on the loss.
 */
function competingClassesFix(run: ModelState, o: ModelView['outputs'][number], producer: LayerView, outMean: number | null | undefined): PlannedFix[] {
  const t = run.data.target(o.slot);
  const pinnedHigh = isNum(outMean) && outMean >= 0.99;
  if (producer !== o.actLayer || producer.act !== 'sigmoid' || (o.units ?? 0) < 3 || t?.kind !== 'one-hot' || t.zeroRows > 0 || !pinnedHigh) return [];
  return [activationFix(producer, 'softmax', `Use softmax on ${producer.info.name}: its ${o.units} classes then compete and sum to 1`)];
}

/** Bounded output activations pinned at their bound while the targets lie beyond it. */
function pinnedOutput(ctx: Ctx): Observation[] {
  const view = ctx.view!;
  const run = ctx.run;
  const out: Observation[] = [];
  for (const h of strongHyps(ctx, 'output-out-of-range', (x) => x.symptom === 'output-out-of-range' && x.layer !== null)) {
    const l = h.layer!;
    const o = view.outputs.find((x) => x.actLayer === l);
    if (!o) continue;
    const ss = run.track(o.layer.index)?.lastOut(2) ?? [];
    if (ss.length < 2 || ss[1]!.iter - ss[0]!.iter < MIN_SPAN) continue;
    const pinned = SATURATING.has(l.act) ? ss.every((s) => isNum(s.saturated) && s.saturated >= 0.5) : RELU_LIKE.has(l.act) ? ss.every((s) => isNum(s.nonPos) && s.nonPos >= 0.9) : false;
    if (!pinned) continue;
    out.push({
      symptom: 'output-out-of-range',
      about: l.info.name,
      harm: true,
      priority: 0.85,
      layer: l,
      iteration: ctx.iteration,
      elapsedMs: ctx.elapsedMs,
      message: `${l.info.name}'s outputs are pinned at the bound of ${l.act} while the targets lie beyond it.`,
      evidence: [
        SATURATING.has(l.act) ? `saturated output fraction ${series(ss, (s) => s.saturated)}` : `non-positive output fraction ${series(ss, (s) => s.nonPos)}`,
        `output range ${fmt(ss[ss.length - 1]!.outMin)} to ${fmt(ss[ss.length - 1]!.outMax)}`,
      ],
      relevance: new Map([[l.pos, { score: 1, evidence: `${l.act} output pinned at its bound` }]]),
      related: [],
      cause: { rootCause: h.rootCause, layer: l, location: h.location, fixes: h.fixes, confirms: [h.id], folds: [] },
    });
  }
  return out;
}

/** A weight norm below this fraction of its first sample: the layer has decayed to almost 0. */
const DECAYED = 0.05;
/** The factor a fix lowers a too-strong regularizer to (tf.regularizers.l2()'s default). */
const REGULARIZER_DEFAULT = 0.01;

/** The regularizers that shrink a kernel. (A bias starts at 0: its regularizer has nothing to decay.) */
const DECAYING_REGULARIZERS = ['kernelRegularizer', 'activityRegularizer'] as const;

interface Decay {
  layer: LayerView;
  reg: NonNullable<ReturnType<typeof strongestRegularizer>>;
  from: number;
  to: number;
}

/** Layers whose kernel or activity regularizer has held the kernel below DECAYED of its first norm for the last samples. */
function decayedLayers(ctx: Ctx): Decay[] {
  const out: Decay[] = [];
  for (const l of ctx.view!.weighted()) {
    const reg = strongestRegularizer(l, DECAYING_REGULARIZERS);
    const t = ctx.run.track(l.index);
    const from = t?.first?.kernelNorm;
    if (!reg || !t || !isNum(from) || from <= 0) continue;
    const recent = t.samples.last().filter((s) => s.hasWeights).slice(-SAMPLES);
    if (recent.length < SAMPLES || !recent.every((s) => isNum(s.kernelNorm))) continue;
    const norms = recent.map((s) => s.kernelNorm!);
    // Held below 5% of its first size, or already below 1% and still shrinking at every sample
    // (a strong factor gets there before three samples do, and the output turns constant first).
    const held = norms.every((n) => n < DECAYED * from);
    const collapsing = norms[norms.length - 1]! < 0.2 * DECAYED * from && norms.every((n, i) => i === 0 || n < norms[i - 1]!);
    if (!held && !collapsing) continue;
    out.push({ layer: l, reg, from, to: recent[recent.length - 1]!.kernelNorm! });
  }
  return out.sort((a, b) => b.reg.factor - a.reg.factor || a.layer.pos - b.layer.pos);
}

/**
 * The model does no better than ignoring its input: accuracy not above chance, or without an
 * accuracy, a loss not below the no-skill level. (A regularizer's penalty is part of the loss, but
 * it is almost 0 once the weights have decayed, so the level still applies.)
 */
function noBetterThanChance(ctx: Ctx): boolean {
  const ap = assessAccuracy(ctx.run);
  if (ap) return !ap.aboveChance;
  const lp = assessLoss(ctx.run);
  const baseline = modelNoSkillLoss(ctx.run);
  return lp !== null && baseline !== null && lp.current >= 0.9 * baseline.value;
}

/** A fraction of an initial size, never rounded to a misleading 0%. */
function shareText(part: number, whole: number): string {
  return part / whole < 0.01 ? 'under 1%' : pct(part / whole);
}

function regularizerText(d: Decay): string {
  const parts = [...(d.reg.l1 > 0 ? [`l1 ${fmt(d.reg.l1)}`] : []), ...(d.reg.l2 > 0 ? [`l2 ${fmt(d.reg.l2)}`] : [])];
  return `${d.reg.key} (${parts.join(', ')})`;
}

/** The regularizer that pulled the weights to 0, when one did and the model learned nothing. */
function regularizationCause(ctx: Ctx): { cause: Cause; decayed: Decay[] } | null {
  const decayed = decayedLayers(ctx);
  if (decayed.length === 0 || !noBetterThanChance(ctx)) return null;
  const d = decayed[0]!;
  // Every regularizer as strong as one that decayed its layer is lowered: left as it was, it would
  // pull its own layer to 0 next.
  const least = Math.min(...decayed.map((x) => x.reg.factor));
  const strong = ctx.view!
    .weighted()
    .map((l) => ({ layer: l, reg: strongestRegularizer(l, DECAYING_REGULARIZERS) }))
    .filter((x): x is { layer: LayerView; reg: Decay['reg'] } => x.reg !== null && x.reg.factor >= least && x.reg.factor > REGULARIZER_DEFAULT);
  const factors = [...new Set(strong.map((x) => fmt(x.reg.factor)))];
  const title = `Lower the ${[...new Set(strong.map((x) => x.reg.key))].join(' and ')} factor of ${strong.map((x) => x.layer.info.name).join(', ')} from ${factors.join(', ')} to ${REGULARIZER_DEFAULT}`;
  const fix = strong.length ? combine(title, strong.map((x) => regularizerFix(x.layer, x.reg.key, REGULARIZER_DEFAULT, title))) : null;
  const fixes = fix ? [fix] : [];
  return { cause: { rootCause: 'regularization', layer: d.layer, location: d.layer.info.site, fixes, confirms: [], folds: [`weights-decayed:${d.layer.info.name}`] }, decayed };
}

/**
 * Weights a regularizer pulled to almost 0 while the model does no better than chance: the
 * penalty outweighs what the data asks of them, so the layer passes (almost) nothing on.
 */
function decayedWeights(ctx: Ctx): Observation[] {
  const r = regularizationCause(ctx);
  if (!r) return [];
  const d = r.decayed[0]!;
  const rel: RelevanceSpec = new Map(r.decayed.map((x) => [x.layer.pos, { score: x === d ? 1 : 0.6, evidence: `kernel decayed to ${shareText(x.to, x.from)} of its initial norm` }]));
  return [
    {
      symptom: 'weights-decayed',
      about: d.layer.info.name,
      harm: true,
      priority: 0.9,
      layer: d.layer,
      iteration: ctx.iteration,
      elapsedMs: ctx.elapsedMs,
      message: `${d.layer.info.name}'s kernel decayed to ${shareText(d.to, d.from)} of its initial size: its ${regularizerText(d)} outweighs what the data asks of it, so the layer passes almost nothing on and the model does no better than ignoring its input.`,
      evidence: r.decayed.slice(0, 4).map((x) => `${x.layer.info.name}: kernel norm ${fmt(x.from)} at the start, ${fmt(x.to)} now, under ${regularizerText(x)}`),
      relevance: rel,
      related: r.decayed.slice(1).flatMap((x) => (x.layer.info.site ? [{ site: x.layer.info.site, message: `${x.layer.info.name}'s kernel decayed too` }] : [])),
      cause: r.cause,
    },
  ];
}

/**
 * A custom loop whose steps never wrote a variable: gradients computed (tf.variableGrads) and
 * never applied. Samples with no write between them are no evidence during the run (a loop may
 * apply what it gathered much later), so this is judged once the run is over.
 */
export function neverUpdated(ctx: Ctx): Observation[] {
  const view = ctx.view;
  const run = ctx.run;
  if (!view || view.event.mode !== 'custom' || run.iterations < 10 || !run.notUpdatedYet()) return [];
  const optimizer = view.optimizerSite;
  const location = view.event.fitSite ?? optimizer;
  return [
    {
      symptom: 'weights-unchanged',
      about: 'model',
      harm: true,
      priority: 0.85,
      layer: null,
      iteration: Math.max(run.lastIter, 0),
      elapsedMs: run.elapsedMs,
      message: `No weight of the model changed in ${run.iterations} training steps: the gradients are computed but never applied (no optimizer.applyGradients, minimize or assign ran).`,
      evidence: [`no variable was written from step 0 to step ${run.lastIter}`],
      relevance: new Map(),
      related: optimizer && optimizer.line !== location?.line ? [{ site: optimizer, message: 'the optimizer, never used to apply the gradients' }] : [],
      // A hand-written update computed and dropped: shown on it, stored by the fix.
      cause: {
        rootCause: 'optimizer',
        layer: null,
        location,
        fixes: location
          ? [
              // An apply behind a condition that is never true: `step % N === N`.
              { title: 'Apply the gradients every N steps: (step + 1) % N === 0 (a remainder is never N)', plan: { kind: 'applyCondition', file: location.file } },
              { title: 'Store each update in its variable (assign)', plan: { kind: 'assignDiscarded', site: location } },
            ]
          : [],
        confirms: [],
        folds: [],
        atFix: true,
      },
    },
  ];
}

/** For a rate blamed after it was raised while training: by how much, said after the symptom. */
function raisedNote(ctx: Ctx, cause: Cause): string {
  const raised = cause.rootCause === 'learning-rate' ? raisedMidRun(ctx) : null;
  return raised ? ` The learning rate was raised during training from ${fmt(raised.from)} to ${fmt(raised.to)}, and the steps at that rate threw the weights off.` : '';
}

/** All per-layer detectors, run on iterations that carry layer details. */
export function detectLayers(ctx: Ctx): Observation[] {
  if (!ctx.view) return [];
  return [...decayedWeights(ctx), ...constantOutput(ctx), ...pinnedOutput(ctx), ...headNeverUpdated(ctx), ...bypassedLayers(ctx), ...unchanged(ctx), ...deadLogits(ctx), ...deadRelu(ctx), ...saturated(ctx), ...vanishing(ctx), ...runawayRecurrentState(ctx), ...inputDrowned(ctx)];
}
