/**
 * Is training making progress? Noise-aware comparisons of the loss (and accuracy) now
 * against their start, their best, and the no-skill baseline of the targets (the loss of
 * always predicting the label prior or the target mean). Never equality tests.
 */
import { isClassification, type OutputView, type TargetView } from './model';
import type { ModelState } from './model-state';
import { normalizeKey } from './model-state';
import { binaryEntropy, clamp, entropy, fmt, linearFit, mean, median, std } from './stats';

/** A run that ends with its loss above this share of the no-skill loss has not learned yet. */
export const NEAR_NO_SKILL = 0.6;

export interface Baseline {
  value: number;
  /** True when exact; false when it is an upper bound of the no-skill loss. */
  exact: boolean;
  text: string;
}

/**
 * The loss of a model that ignores its input, for the first output's loss and targets. A
 * cross-entropy on logits (tf.losses.softmaxCrossEntropy, sigmoidCrossEntropy) has the same level
 * as the cross-entropy on probabilities, unless it smooths the labels (`labelSmoothing`).
 */
function noSkillLoss(out: OutputView | undefined, t: TargetView | null, labelSmoothing: number): Baseline | null {
  if (!out || !out.loss || !t) return null;
  const s = t.summary;
  let kind = out.loss.kind;
  if (kind === 'logits') {
    const applies = /softmax/i.test(out.loss.name) ? 'categorical' : /sigmoid/i.test(out.loss.name) ? 'binary' : null;
    if (!applies || labelSmoothing > 0) return null;
    kind = applies;
  }
  if (kind === 'binary') {
    if (t.kind === 'binary' && t.freqs) return { value: binaryEntropy(t.freqs[1]!), exact: true, text: 'always predicting the positive rate' };
    if ((t.kind === 'one-hot' || t.kind === 'multi-hot') && t.freqs) {
      return { value: mean(t.freqs.map(binaryEntropy)), exact: true, text: 'always predicting each label rate' };
    }
    if (t.kind === 'one-hot' && t.classes) return { value: binaryEntropy(1 / t.classes), exact: false, text: 'always predicting each label rate' };
    if (s.mean !== null && s.min !== null && s.max !== null && s.min >= 0 && s.max <= 1) {
      return { value: binaryEntropy(s.mean), exact: t.columns === 1, text: 'always predicting the mean target' };
    }
    return null;
  }
  if (kind === 'categorical' && t.kind === 'one-hot' && t.classes) {
    if (t.freqs && t.zeroRows > 0) {
      // Rows of all 0s add no loss: the best constant guess is the frequencies among the other rows.
      const labelled = t.freqs.reduce((a, b) => a + b, 0);
      if (labelled > 0) return { value: labelled * entropy(t.freqs), exact: true, text: 'always predicting the class frequencies' };
    }
    if (t.freqs) return { value: entropy(t.freqs), exact: true, text: 'always predicting the class frequencies' };
    return { value: Math.log(t.classes), exact: false, text: 'uniform class probabilities' };
  }
  if (kind === 'sparse' && t.kind === 'classes' && t.classes) {
    if (t.freqs) return { value: entropy(t.freqs), exact: true, text: 'always predicting the class frequencies' };
    const k = out.units && out.units > 1 ? Math.max(out.units, t.classes) : t.classes;
    return { value: Math.log(k), exact: false, text: 'uniform class probabilities' };
  }
  if (kind === 'mse' && s.std !== null && s.mean !== null) {
    let v = s.std * s.std;
    const cm = s.columnMeans;
    if (cm && cm.length > 1) v = Math.max(0, v + s.mean * s.mean - mean(cm.map((m) => m * m)));
    return { value: v, exact: !(t.columns > 1 && !cm), text: 'always predicting the mean target' };
  }
  if (kind === 'mae' && (t.kind === 'binary' || t.kind === 'one-hot' || t.kind === 'multi-hot')) {
    if (t.freqs) return { value: mean(t.freqs.map((p) => Math.min(p, 1 - p))), exact: true, text: 'always predicting the majority label' };
    return null;
  }
  return null;
}

/** The no-skill loss of a model's first output, with the label smoothing its custom loop's loss applies. */
/**
 * A custom loop over its own variables (no layers, so no output to read a loss from): its one
 * tf.losses call, a sigmoid cross-entropy on 0/1 labels, has the no-skill level of always
 * predicting the positive rate, read from the first batch's labels (so not exact).
 */
function variablesNoSkillLoss(run: ModelState): Baseline | null {
  const calls = [...run.lossCalls.values()];
  const call = calls.length === 1 ? calls[0]! : null;
  if (!call || !/^(?:sigmoidCrossEntropy|logLoss)$/.test(call.fn) || call.classes !== 1 || call.labelSmoothing) return null;
  const p = call.positiveRate;
  if (p === null || !(p > 0 && p < 1)) return null;
  return { value: binaryEntropy(p), exact: false, text: "always predicting the first batch's positive rate" };
}

export function modelNoSkillLoss(run: ModelState): Baseline | null {
  // Class weights scale each row's loss: the unweighted no-skill level no longer applies.
  if (classWeighted(run)) return null;
  const out = run.view?.outputs[0];
  const smoothing = (out?.loss ? run.lossCalls.get(out.loss.name)?.labelSmoothing : undefined) ?? 0;
  const b = noSkillLoss(out, run.data.target(0), smoothing) ?? (out ? null : variablesNoSkillLoss(run));
  // A loss scaled by a number (`loss.mul(1024)`) has its no-skill level scaled with it; so has a
  // sum divided by a number other than the count of its values (`tf.sum(errors).div(8000)`).
  if (b && run.lossScale !== null) return { ...b, value: b.value * run.lossScale, text: `${b.text}, times the loss scale ${run.lossScale}` };
  if (b && run.lossMeanScale !== null && Math.abs(run.lossMeanScale - 1) > 0.01) return { ...b, value: b.value * run.lossMeanScale, text: `${b.text}, times ${fmt(run.lossMeanScale)} as the loss divides its sum` };
  return b;
}

function hasRegularizer(run: ModelState): boolean {
  return (run.view?.layers ?? []).some((l) =>
    Object.entries(l.info.config).some(([k, v]) => /regularizer/i.test(k) && v !== null && v !== false && v !== 'null' && v !== ''),
  );
}

export interface LossProgress {
  n: number;
  start: number;
  current: number;
  best: number;
  /** Smallest change of the loss that is more than noise. */
  threshold: number;
  decreased: boolean;
  recentDecreasing: boolean;
  recentIncreasing: boolean;
  relImprovement: number;
  baseline: Baseline | null;
  atBaseline: boolean;
  belowBaseline: boolean;
  /** Flat from start to now, or stuck at the no-skill level. */
  stalled: boolean;
  /** Clearly learning: significant decrease to a level well below the no-skill loss. */
  learning: boolean;
  diverging: boolean;
  window: number;
  /** The loss at the first step, before any update. */
  first: number;
  /** The first updates threw the loss 100-fold above its first value, and it is still 10-fold above. */
  blewUp: boolean;
}

const lossMemo = new WeakMap<ModelState, { key: string; value: LossProgress | null }>();
const accMemo = new WeakMap<ModelState, { key: string; value: AccuracyProgress | null }>();

function memoKey(run: ModelState): string {
  return `${run.loss.count}|${run.iterations}|${run.data.y.size}|${run.view ? 1 : 0}`;
}

/** Loss progress; memoized until the next loss value arrives. */
export function assessLoss(run: ModelState): LossProgress | null {
  const key = memoKey(run);
  const hit = lossMemo.get(run);
  if (hit && hit.key === key) return hit.value;
  const value = computeLoss(run);
  lossMemo.set(run, { key, value });
  return value;
}

/**
 * The median of the last third of `values` lies clearly below the median of the first third: by 3 %
 * and by more than their spread allows. Robust to the spikes of batch losses.
 */
export function thirdsFall(values: readonly number[]): boolean {
  const third = Math.floor(values.length / 3);
  if (third < 3) return false;
  const h1 = values.slice(0, third);
  const h2 = values.slice(values.length - third);
  const m1 = median(h1);
  const m2 = median(h2);
  const spread = 1.4826 * median([...h1.map((v) => Math.abs(v - m1)), ...h2.map((v) => Math.abs(v - m2))]);
  return m1 - m2 > Math.max(0.03 * Math.abs(m1), 3 * spread * Math.sqrt(2 / third));
}

function computeLoss(run: ModelState): LossProgress | null {
  const h = run.loss;
  const n = h.count;
  if (n < 8) return null;
  const headVals = h.head.map((p) => p.value);
  const k = clamp(Math.floor(n / 5), 3, Math.min(16, headVals.length));
  const m = clamp(Math.floor(n / 5), 3, 64);
  const startVals = headVals.slice(0, k);
  const curVals = h.recent.last(m).map((p) => p.value);
  const start = mean(startVals);
  const current = mean(curVals);
  const curFit = linearFit(curVals);
  const resStd = curFit.residualStd;
  // The head may look calm by chance (a few identical batch losses): pool with the recent noise.
  const startStd = Math.max(startVals.length >= 3 ? std(startVals) : 0, resStd);
  const se = Math.sqrt((startStd * startStd) / startVals.length + (resStd * resStd) / curVals.length);
  const threshold = Math.max(0.01 * Math.abs(start), 3 * se, 1e-12);
  // Batch losses can be heavy-tailed (one bad sample in a batch of one): medians also count.
  const mStart = median(startVals);
  const mCur = median(curVals);
  const mad = 1.4826 * median([...startVals.map((v) => Math.abs(v - mStart)), ...curVals.map((v) => Math.abs(v - mCur))]);
  const robustDrop = mStart - mCur > Math.max(0.01 * Math.abs(mStart), 3.75 * mad * Math.sqrt(1 / startVals.length + 1 / curVals.length), 1e-12);
  const decreased = start - current > threshold || (robustDrop && current < start);

  const w = clamp(Math.floor(n / 3), 5, 256);
  const recent = h.recent.last(w).map((p) => p.value);
  const fit = linearFit(recent);
  const change = fit.slope * (recent.length - 1);
  const level = Math.abs(mean(recent));
  const sig = Math.max(3 * fit.slopeSE * (recent.length - 1), 0.005 * level);
  // Spiky batch losses inflate the slope's error: the medians of the window's first and last
  // thirds also show a real descent.
  const robustDown = thirdsFall(recent);
  const recentDecreasing = -change > sig || robustDown;
  const recentIncreasing = change > sig && !robustDown;

  const best = Math.min(h.smoothedMin(), current);
  const relImprovement = Math.abs(start) > 0 ? (start - current) / Math.abs(start) : 0;

  const baseline = hasRegularizer(run) || (run.view?.outputs.length ?? 0) > 1 ? null : modelNoSkillLoss(run);
  const usable = baseline !== null && baseline.value > 1e-3 ? baseline : null;
  const atBaseline = usable !== null && current >= 0.97 * usable.value && best >= 0.93 * usable.value;
  const belowBaseline = usable !== null && current < 0.8 * usable.value;
  const dipped = start - best > Math.max(0.1 * Math.abs(start), threshold);
  const tiny = Math.abs(current) < 1e-6;
  // A loss below 0 is no cross-entropy or squared error: a policy-gradient surrogate (-log p times
  // an advantage that shrinks as the critic learns) or an entropy bonus, with no floor to stall at.
  const signed = start < 0 || current < 0;
  const flat = !signed && !decreased && !dipped && !recentDecreasing && !belowBaseline && !tiny && current <= start + threshold;
  const stalled = flat || (atBaseline && !recentDecreasing);
  const learning = decreased && (usable === null ? relImprovement >= 0.1 : current < 0.9 * usable.value);

  // Rising clearly above where it started, beyond the noise, and still rising (or far above). A
  // signed loss (a policy-gradient surrogate) rises as its advantages shrink: only far above 0 counts.
  const diverging = current - start > Math.max(3 * se, 0.1 * Math.abs(start)) && (recentIncreasing || current > 2 * Math.abs(start)) && (!signed || current > 2 * Math.abs(start));
  const first = headVals[0]!;
  const afterFirst = median(headVals.slice(1, 9));
  const blewUp = first > 0 && headVals.length >= 4 && afterFirst > 100 * first && current > 10 * first;
  return { n, start, current, best, threshold, decreased, recentDecreasing, recentIncreasing, relImprovement, baseline, atBaseline, belowBaseline, stalled, learning, diverging, window: m, first, blewUp };
}

export type AccuracyKind = 'binary' | 'categorical' | 'sparse';

export interface Chance {
  value: number;
  exact: boolean;
  text: string;
}

export function accuracyKind(key: string, out: OutputView | undefined): AccuracyKind {
  const k = normalizeKey(key);
  if (k === 'binaryaccuracy') return 'binary';
  if (k === 'categoricalaccuracy') return 'categorical';
  if (k === 'sparsecategoricalaccuracy') return 'sparse';
  if (out?.loss?.kind === 'sparse') return 'sparse';
  if (out?.units === 1 || out?.loss?.kind === 'binary') return 'binary';
  return 'categorical';
}

/** Accuracy of the best input-independent guess, from the label distribution. */
export function chanceAccuracy(kind: AccuracyKind, t: TargetView | null): Chance | null {
  if (!t || !isClassification(t)) return null;
  if (kind === 'binary') {
    if (t.freqs && (t.kind === 'binary')) return { value: Math.max(t.freqs[0]!, t.freqs[1]!), exact: true, text: 'the majority class rate' };
    if (t.freqs && (t.kind === 'one-hot' || t.kind === 'multi-hot')) {
      return { value: mean(t.freqs.map((p) => Math.max(p, 1 - p))), exact: true, text: 'predicting every label as its majority value' };
    }
    if (t.kind === 'one-hot' && t.classes) return { value: 1 - 1 / t.classes, exact: false, text: 'predicting every label as 0' };
    const mu = t.summary.mean;
    if (mu !== null && t.kind === 'multi-hot') return { value: Math.max(mu, 1 - mu), exact: false, text: 'predicting every label as its majority value' };
    return null;
  }
  if (kind === 'categorical' && t.kind === 'one-hot' && t.classes) {
    // Accuracy takes the argmax of a row of all 0s as class 0.
    if (t.freqs && t.zeroRows > 0 && t.rows) return { value: Math.max(t.freqs[0]! + t.zeroRows / t.rows, ...t.freqs.slice(1)), exact: true, text: 'the majority class rate' };
    if (t.freqs) return { value: Math.max(...t.freqs), exact: true, text: 'the majority class rate' };
    return { value: 1 / t.classes, exact: false, text: `1 in ${t.classes}` };
  }
  if (kind === 'sparse' && t.kind === 'classes' && t.classes) {
    if (t.freqs) return { value: Math.max(...t.freqs), exact: true, text: 'the majority class rate' };
    return { value: 1 / t.classes, exact: false, text: `1 in ${t.classes}` };
  }
  if (t.kind === 'binary' && t.freqs) return { value: Math.max(t.freqs[0]!, t.freqs[1]!), exact: true, text: 'the majority class rate' };
  return null;
}

export interface AccuracyProgress {
  key: string;
  n: number;
  start: number;
  current: number;
  best: number;
  chance: Chance;
  atChance: boolean;
  recentIncreasing: boolean;
  aboveChance: boolean;
}

/** Accuracy progress; memoized like assessLoss. */
export function assessAccuracy(run: ModelState): AccuracyProgress | null {
  const key = memoKey(run);
  const hit = accMemo.get(run);
  if (hit && hit.key === key) return hit.value;
  const value = computeAccuracy(run);
  accMemo.set(run, { key, value });
  return value;
}

/** fit was given classWeight. */
export function classWeighted(run: ModelState): boolean {
  return run.view?.event.fitConfig['classWeighted'] === true;
}

function computeAccuracy(run: ModelState): AccuracyProgress | null {
  const out = run.view?.outputs[0];
  // Weighted classes trade accuracy for the rare class's recall on purpose: the majority rate is no bar.
  if ((run.view?.outputs.length ?? 0) > 1 || classWeighted(run)) return null;
  for (const [key, h] of run.acc) {
    const n = h.count;
    if (n < 8) continue;
    const chance = chanceAccuracy(accuracyKind(key, out), run.data.target(0));
    if (!chance) continue;
    const m = clamp(Math.floor(n / 5), 3, 64);
    const curVals = h.recent.last(m).map((p) => p.value);
    const current = mean(curVals);
    const headVals = h.head.map((p) => p.value);
    const start = mean(headVals.slice(0, clamp(Math.floor(n / 8), 1, 8)));
    const resStd = linearFit(curVals).residualStd;
    const se = resStd / Math.sqrt(curVals.length);
    // Near-certain chance (e.g. one class only) leaves nothing to judge.
    if (chance.value >= 0.995) continue;
    const margin = Math.max(Math.min(0.02, 0.25 * (1 - chance.value)), 3 * se);
    const best = Math.max(h.smoothedMax(), current);
    const w = clamp(Math.floor(n / 3), 5, 256);
    const recent = h.recent.last(w).map((p) => p.value);
    const fit = linearFit(recent);
    const change = fit.slope * (recent.length - 1);
    const recentIncreasing = change > Math.max(3 * fit.slopeSE * (recent.length - 1), 0.01);
    const room = Math.min(0.05, 0.5 * (1 - chance.value));
    const atChance = current <= chance.value + margin && best <= chance.value + Math.max(room, margin) && !recentIncreasing;
    const aboveChance = current > chance.value + Math.max(room, 2 * margin);
    return { key, n, start, current, best, chance, atChance, recentIncreasing, aboveChance };
  }
  return null;
}
