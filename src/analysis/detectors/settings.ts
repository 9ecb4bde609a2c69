/** Settings the script changed that training does not see. */
import { optimizerBand, type Ctx, type Observation } from '../context';
import type { ModelState } from '../model-state';
import { fmt } from '../stats';
import type { SourceSite, TraceEventOf } from '../trace';

/**
 * `optimizer.learningRate = x` on tfjs's SGD or momentum optimizer: the steps keep the rate last
 * given to setLearningRate, so a schedule written this way silently does nothing.
 */
export function ignoredLearningRate(e: TraceEventOf<'ignoredSetting'>, run: ModelState): Observation {
  const value = e.value === null ? 'the new value' : fmt(e.value);
  const effective = e.effective === null ? 'the old rate' : fmt(e.effective);
  return {
    symptom: 'learning-rate-ignored',
    about: 'optimizer',
    harm: true,
    priority: 0.7,
    layer: null,
    iteration: run.lastIter >= 0 ? run.lastIter + 1 : 0,
    elapsedMs: run.elapsedMs,
    message:
      `Assigning learningRate does not change the ${e.optimizer} optimizer's steps: tfjs keeps the rate last given to setLearningRate, ` +
      `so training goes on at ${effective} instead of ${value}. Call setLearningRate to change it.`,
    evidence: [`learningRate set to ${value}`, `steps use ${effective}`],
    relevance: new Map(),
    related: [],
    cause: {
      rootCause: 'learning-rate',
      layer: null,
      location: e.site,
      fixes: e.site ? [{ title: 'Change the learning rate with setLearningRate', plan: { kind: 'setLearningRate', site: e.site } }] : [],
      confirms: [],
      folds: [],
    },
  };
}

/**
 * A learning rate set below 0 (a linear decay `base * (1 - epoch / n)` run past its n epochs):
 * every step then climbs the loss. Certain once a step ran with it, shown where the rate was set.
 */
export function negativeLearningRate(ctx: Ctx): Observation[] {
  const run = ctx.run;
  const lr = run.minLearningRate;
  const first = run.firstLearningRate;
  if (lr === null || !(lr < 0) || first === null || !(first > 0)) return [];
  const site = run.learningRateSite;
  return [
    {
      symptom: 'learning-rate-out-of-range',
      about: 'negative',
      harm: true,
      priority: 0.9,
      layer: null,
      iteration: run.lastIter,
      elapsedMs: run.elapsedMs,
      message: `The learning rate, ${fmt(first)} at the start, was set to ${fmt(lr)}: below 0, every step moves the weights up the gradient and the loss climbs. A linear decay run past the epoch where it reaches 0 does this; keep the rate above a floor.`,
      evidence: [`learning rate ${fmt(first)} at the start`, `${fmt(lr)} at its lowest`],
      relevance: new Map(),
      related: [],
      cause: {
        rootCause: 'learning-rate',
        layer: null,
        location: site ?? ctx.view?.optimizerSite ?? null,
        fixes: site ? [{ title: 'Keep the learning rate above a floor', plan: { kind: 'rateFloor', site, floor: first / 100 } }] : [],
        confirms: [],
        folds: [],
      },
    },
  ];
}

/**
 * A learning rate that a schedule took to almost 0 while training goes on, as a decay meant for
 * each epoch but written in the batch loop does. Judged once the rate has been below 1/10,000 of
 * its start, and below the optimizer's usable range, for at least 100 steps and more than half of
 * the steps so far: a schedule that ends at 0 as training ends spends only its last steps there.
 */
export function learningRateDecayedAway(ctx: Ctx): Observation[] {
  const run = ctx.run;
  const since = run.learningRateGoneSince;
  const lr = run.lastLearningRate;
  const first = run.firstLearningRate;
  const band = optimizerBand(ctx.view?.event.optimizer);
  if (since === null || lr === null || first === null || !band || lr >= band.low) return [];
  const iter = run.lastIter;
  if (iter - since < 100 || iter - since <= since) return [];
  const site = run.learningRateSite;
  return [
    {
      symptom: 'learning-rate-out-of-range',
      about: 'schedule',
      harm: true,
      priority: 0.75,
      layer: null,
      iteration: iter,
      elapsedMs: run.elapsedMs,
      message: `The learning rate fell from ${fmt(first)} to under 1/10,000 of that by step ${since}, and ${iter - since} steps later it is ${fmt(lr)}: the weights no longer move, so training has stopped though it goes on. A decay meant for each epoch, written inside the loop over batches, shrinks the rate at every step like this; decay it once per epoch. So does a step decay raised to the epoch itself (DROP ** epoch) instead of to the number of intervals passed.${lr === 0 ? ' A warm-up written the wrong way round, base × (1 − progress), falls to 0 and stays there: it should rise, base × progress.' : ''}`,
      evidence: [`learning rate ${fmt(first)} at the start`, `${fmt(lr)} now, below ${fmt(band.low)} since step ${since}`],
      relevance: new Map(),
      related: [],
      cause: {
        rootCause: 'learning-rate',
        layer: null,
        location: site ?? ctx.view?.optimizerSite ?? null,
        fixes: site
          ? [
              { title: 'Change the learning rate once per epoch: move this line after the loop over batches', plan: { kind: 'moveAfterLoop', site } },
              { title: 'Decay once per interval: raise the factor to Math.floor(epoch / interval), not to the epoch', plan: { kind: 'decayInterval', site } },
              ...(lr === 0 ? [{ title: 'Make the warm-up rise to the base rate: base × progress, not base × (1 − progress)', plan: { kind: 'warmupRising' as const, site } }] : []),
            ]
          : [],
        confirms: [],
        folds: [],
      },
    },
  ];
}

/** Cuts of the rate at the end of an epoch that set a new best validation accuracy and loss, before a plateau rule is taken to count a rising accuracy as no improvement. */
const CUTS_WHILE_IMPROVING = 3;

/**
 * A plateau rule that cuts the rate while the validation accuracy improves: written for a loss
 * (an improvement is a value that goes down) and given an accuracy, it counts every better epoch
 * as one more without improvement, so the rate falls at each patience from the start and learning
 * stalls long before the accuracy would have levelled off. Seen in the rates each epoch began
 * with and the validation accuracy of the epoch before each cut.
 */
export function rateCutWhileImproving(ctx: Ctx): Observation[] {
  const run = ctx.run;
  const rates = run.epochRates;
  const acc = run.valAccByEpoch;
  if (rates.length < 6 || acc.size < 6) return [];
  let best = -Infinity;
  let bestLoss = Infinity;
  let whileImproving = 0;
  let cuts = 0;
  const cutEpochs: number[] = [];
  for (let e = 0; e + 1 < rates.length; e++) {
    const a = acc.get(e);
    const l = run.valLossByEpoch.get(e);
    // Both the validation accuracy and loss at their best so far: no plateau rule, over either, cuts here.
    const improved = a !== undefined && a > best && l !== undefined && l < bestLoss;
    if (a !== undefined) best = Math.max(best, a);
    if (l !== undefined) bestLoss = Math.min(bestLoss, l);
    // The rate epoch e + 1 began with was cut at the end of epoch e.
    if (!(rates[e + 1]! < 0.9 * rates[e]!)) continue;
    cuts++;
    if (improved) {
      whileImproving++;
      if (cutEpochs.length < 4) cutEpochs.push(e);
    }
  }
  if (whileImproving < CUTS_WHILE_IMPROVING || 2 * whileImproving < cuts) return [];
  const first = rates[0]!;
  const last = rates[rates.length - 1]!;
  if (!(last * 8 <= first)) return [];
  const site = run.learningRateSite;
  return [
    {
      symptom: 'learning-rate-out-of-range',
      about: 'schedule',
      harm: true,
      priority: 0.75,
      layer: null,
      iteration: run.lastIter,
      elapsedMs: run.elapsedMs,
      message: `The learning rate was cut ${cuts} times, ${whileImproving} of them right after an epoch whose validation accuracy and loss were both the best so far (epochs ${cutEpochs.map((e) => e + 1).join(', ')}${whileImproving > cutEpochs.length ? ', ...' : ''}), from ${fmt(first)} to ${fmt(last)}: a plateau rule cuts the rate when the monitored value stops improving, and this one counts a rising accuracy as no improvement. A rule written for a loss (better is lower: current < best) and given an accuracy does this; for an accuracy, better is higher (current > best).`,
      evidence: [`${whileImproving} of ${cuts} rate cuts after a new best validation accuracy and loss`, `rate ${fmt(first)} at the start, ${fmt(last)} at the last epoch`],
      relevance: new Map(),
      related: [],
      cause: {
        rootCause: 'learning-rate',
        layer: null,
        location: site ?? ctx.view?.optimizerSite ?? null,
        fixes: site ? [{ title: 'Count a higher accuracy as the improvement (current > best)', plan: { kind: 'improvementUp', site } }] : [],
        confirms: [],
        folds: [],
        atFixKinds: ['improvementUp'],
      },
    },
  ];
}

/** Epochs of a schedule seen before it is compared with a cosine of the epoch in radians. */
const RADIAN_EPOCHS = 8;

/**
 * A cosine schedule written `base * 0.5 * (1 + Math.cos(epoch))`, the epoch taken as radians
 * where `Math.PI * epoch / epochs` was meant: the rate does not decay once over the run but swings
 * from its start to 0 and back every 6.3 epochs, so training keeps returning to its largest steps
 * (and may end on one). Certain once the epochs' rates follow that curve.
 */
export function radianCosineSchedule(ctx: Ctx): Observation[] {
  const run = ctx.run;
  const rates = run.epochRates;
  const base = rates[0];
  if (rates.length < RADIAN_EPOCHS || base === undefined || !(base > 0)) return [];
  if (!rates.every((r, k) => Math.abs(r / base - (1 + Math.cos(k)) / 2) < 0.01)) return [];
  const epochs = ctx.view?.event.fitConfig['epochs'];
  const fitSite = ctx.view?.event.fitSite ?? null;
  return [
    {
      symptom: 'learning-rate-out-of-range',
      about: 'schedule',
      harm: true,
      priority: 0.75,
      layer: null,
      iteration: run.lastIter,
      elapsedMs: run.elapsedMs,
      message: `The learning rate of epoch k is ${fmt(base)} × (1 + cos(k)) / 2, with the epoch taken as radians: instead of decaying once over the run, it falls from ${fmt(base)} to 0 and climbs back every 6.3 epochs (epoch 6 is at ${fmt(base * (1 + Math.cos(6)) / 2)}), so training keeps returning to its largest steps. A cosine decay takes cos(π × epoch / epochs).`,
      evidence: [`rates by epoch: ${rates.slice(0, 8).map((r) => fmt(r)).join(', ')}, ...`],
      relevance: new Map(),
      related: [],
      cause: {
        rootCause: 'learning-rate',
        layer: null,
        location: run.learningRateSite ?? ctx.view?.optimizerSite ?? null,
        fixes: fitSite ? [{ title: 'Take the epoch as a share of the run: cos(π × epoch / epochs)', plan: { kind: 'cosineOverRun', fitSite, epochs: typeof epochs === 'number' ? epochs : null } }] : [],
        atFix: true,
        confirms: [],
        folds: [],
      },
    },
  ];
}

/**
 * A custom loop whose steps never train the model's last layer with weights, though earlier layers
 * train: the variable list given to the step leaves it at its random initial weights. Certain from
 * the first steps, so it is an error at once.
 */
export function untrainedLayers(e: TraceEventOf<'untrainedLayers'>, run: ModelState, varListSite: SourceSite | null): Observation {
  const view = run.view;
  const name = (index: number) => view?.byIndex.get(index)?.info.name ?? `layer ${index}`;
  const untrained = e.layers.map(name);
  const trained = e.trained.map(name);
  const list = (names: string[]) => (names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);
  const last = view?.byIndex.get(e.layers[e.layers.length - 1]!) ?? null;
  return {
    symptom: 'weights-unchanged',
    about: 'variables',
    harm: true,
    priority: 0.8,
    layer: null,
    iteration: e.iter,
    elapsedMs: e.elapsedMs,
    message: `The training step updates the weights of ${list(trained)} only: ${list(untrained)} ${untrained.length === 1 ? 'is' : 'are'} trainable but never updated, so ${untrained.length === 1 ? 'it keeps its' : 'they keep their'} random initial weights and the model learns only through ${list(trained)}. The variable list given to the step leaves ${untrained.length === 1 ? 'it' : 'them'} out; give it all the model's trainable weights (model.trainableWeights), or leave it out.`,
    evidence: [`in the first ${e.iter + 1} steps, gradients were computed for ${list(trained)} and for none of ${list(untrained)}`],
    relevance: new Map(),
    related: [...(e.site && varListSite && e.site.line !== varListSite.line ? [{ site: e.site, message: 'the training step' }] : []), ...(last?.info.site ? [{ site: last.info.site, message: `${last.info.name}: never trained` }] : [])],
    cause: {
      rootCause: 'optimizer',
      layer: null,
      location: varListSite ?? e.site,
      fixes: e.site ? [{ title: "Give the training step all the model's trainable weights", plan: { kind: 'trainAllLayers', site: e.site } }] : [],
      confirms: [],
      folds: [],
    },
  };
}

/**
 * A custom loop whose first steps all trained on the same rows, cut from a larger tensor at one
 * offset (`xs.slice(0, BATCH)` in the batch loop): the model sees those rows alone, memorizes them
 * and learns nothing of the rest. Certain from the first steps, so it is an error at once.
 */
export function sameBatch(e: TraceEventOf<'sameBatch'>): Observation {
  const told = e.advance !== undefined ? overlappingBatches(e, e.advance) : e.fromDataset ? sameDatasetBatch(e) : e.madeEachStep ? sameRowsMadeEachStep(e, e.madeEachStep) : sameRows(e);
  return {
    symptom: 'same-batch',
    about: 'batches',
    harm: true,
    priority: 0.8,
    layer: null,
    iteration: e.iter,
    elapsedMs: e.elapsedMs,
    message: told.message,
    evidence: told.evidence,
    relevance: new Map(),
    related: [],
    cause: {
      rootCause: 'training-data',
      layer: null,
      location: e.site,
      fixes: told.fix && e.site ? [{ title: told.fix.title, plan: { kind: told.fix.kind, site: e.site } }] : [],
      ...(told.atFix ? { atFix: true } : {}),
      confirms: [],
      folds: [],
    },
  };
}

/** What a same-batch finding says, and the fix made at the event's site (the slice, or where the batch is made). */
interface SameBatchTold {
  message: string;
  evidence: string[];
  fix: { title: string; kind: 'batchOffset' | 'hoistOffset' | 'offsetStep' | 'sliceEndFromStart' } | null;
  /** Shown where the fix edits rather than on the slice or batch. */
  atFix: boolean;
}

/** Every step on the same rows: a batch cut at an offset that never changes, or gathered by the same indices. */
function sameRows(e: TraceEventOf<'sameBatch'>): SameBatchTold {
  const rows = e.begin === null ? `rows ${(e.firstRows ?? []).join(', ')}${e.batchRows > (e.firstRows?.length ?? 0) ? ', …' : ''}` : `rows ${e.begin} to ${e.begin + e.batchRows - 1}`;
  return {
    message: `Every training step so far (${e.steps}) trained on the same ${e.batchRows} rows, ${rows} of a tensor of ${e.rows}: ${e.begin === null ? 'the batch is gathered by the same indices every time' : 'the batch is cut at an offset that never changes'}, so the model memorizes those rows and never sees the other ${e.rows - e.batchRows}. ${e.begin === null ? 'Take each batch by its own indices.' : 'Cut each batch at its own offset (the batch index times the batch size).'}`,
    evidence: [`${e.steps} steps in a row took ${rows} of ${e.rows}`],
    fix: e.begin !== null ? { title: 'Cut each batch at the batch index times the batch size', kind: 'batchOffset' } : null,
    atFix: false,
  };
}

/**
 * A custom loop that made each step's batch anew from an array, with the same rows every time, and
 * a model then scored on many more rows that hold them: the loop never got past those rows
 * (`rows.slice(start, BATCH)`, an end written as a size, is the first rows at 0 and empty after).
 * Shown on the slice when the fix finds it, else where the batch is made.
 */
function sameRowsMadeEachStep(e: TraceEventOf<'sameBatch'>, call: 'evaluate' | 'predict'): SameBatchTold {
  const which = e.begin === 0 ? `its first ${e.batchRows}` : `all ${e.batchRows} of them`;
  return {
    message: `Every training step (${e.steps}) made its batch anew from an array, and every time it held the same ${e.batchRows} rows; the model was then ${call === 'evaluate' ? 'evaluated' : 'asked to predict'} on ${e.rows} rows, ${which} among them. The loop trained on those rows alone and never on the other ${e.rows - e.batchRows}. An array cut as rows.slice(start, size) ends at index size, not start + size: it gives the first rows at start 0 and nothing after.`,
    evidence: [`${e.steps} steps in a row trained on identical ${e.batchRows}-row batches`, `${call} on ${e.rows} rows that hold them`],
    fix: { title: 'End each slice at its start plus the batch size', kind: 'sliceEndFromStart' },
    atFix: true,
  };
}

/**
 * fitDataset over a dataset whose first batches all hold the same inputs (a generator whose offset
 * is declared inside its loop, so it starts again at 0 for every batch): the model memorizes those
 * rows and never sees the rest. Certain from the first batches; the fix declares the offset once,
 * before the loop.
 */
function sameDatasetBatch(e: TraceEventOf<'sameBatch'>): SameBatchTold {
  return {
    message: `The dataset fitDataset trains on yielded the same ${e.batchRows} rows of inputs in each of its first ${e.steps} batches: the model memorizes those rows and never sees the others. A generator whose offset is declared inside its loop (\`let start = 0\` for every batch) starts every batch at row 0; declare it once, before the loop.`,
    evidence: [`${e.steps} batches in a row held identical inputs`],
    fix: { title: 'Declare the offset once, before the loop', kind: 'hoistOffset' },
    atFix: true,
  };
}

/**
 * A custom loop whose batch offset advances by fewer rows than a batch holds (`start++` where
 * `start += batchSize` was meant): each batch shares all but a few rows with the one before, and
 * a pass over "all" batches covers only the first rows of the data. Certain from the first steps.
 */
function overlappingBatches(e: TraceEventOf<'sameBatch'>, advance: number): SameBatchTold {
  const perPass = Math.floor(e.rows / e.batchRows);
  const covered = Math.min(e.rows, (perPass - 1) * advance + e.batchRows);
  return {
    message: `Each of the last ${e.steps} training steps cut its ${e.batchRows}-row batch ${advance} row${advance === 1 ? '' : 's'} after the one before, so consecutive batches share ${e.batchRows - advance} of their rows: a pass of ${perPass} batches over the tensor of ${e.rows} rows sees only its first ${covered}. Advance the offset by the batch size.`,
    evidence: [`${e.steps} steps in a row began ${advance} row${advance === 1 ? '' : 's'} apart, taking ${e.batchRows} rows each (the last at row ${e.begin ?? '?'})`],
    fix: { title: 'Advance the batch offset by the batch size', kind: 'offsetStep' },
    atFix: true,
  };
}

/**
 * A custom loop that cuts each step's targets from rows a constant distance away from its inputs'
 * (`yAll.slice(b * BATCH)` beside `xAll.slice((b - 1) * BATCH)`): every input is trained towards
 * another row's target, so the model can only memorize noise. Certain from the first steps.
 */
export function batchesApart(e: TraceEventOf<'batchesApart'>): Observation {
  const d = e.distance;
  const n = Math.abs(d ?? 0);
  const how =
    d !== null
      ? `cut ${n} row${n === 1 ? '' : 's'} ${d > 0 ? 'after' : 'before'} its inputs`
      : e.inputsBy === 'index' && e.targetsBy === 'slice'
        ? 'cut in order, while its inputs are gathered by shuffled indices'
        : e.inputsBy === 'slice' && e.targetsBy === 'index'
          ? 'gathered by shuffled indices, while its inputs are cut in order'
          : 'gathered by other indices than its inputs';
  const fix =
    d !== null
      ? { title: "Cut the targets at the inputs' offset", kind: 'alignSlice' as const }
      : e.inputsBy === 'index' && e.targetsBy === 'slice'
        ? { title: 'Gather the targets by the same indices as the inputs', kind: 'gatherLike' as const }
        : null;
  return {
    symptom: 'batches-apart',
    about: 'batches',
    harm: true,
    priority: 0.85,
    layer: null,
    iteration: e.iter,
    elapsedMs: e.elapsedMs,
    message: `Each step's targets are ${how}: at every one of the first ${e.steps} steps the ${e.batchRows}-row batch of targets came from other rows than the inputs' (both tensors have ${e.rows} rows), so every input is trained towards another example's target. Take the targets from the inputs' rows.`,
    evidence: [`${e.steps} steps in a row took the targets from other rows than the inputs`],
    relevance: new Map(),
    related: e.inputsSite ? [{ site: e.inputsSite, message: "the inputs' batch is taken here" }] : [],
    cause: {
      rootCause: 'training-data',
      layer: null,
      location: e.site ?? e.inputsSite,
      fixes: e.site && e.inputsSite && fix ? [{ title: fix.title, plan: { kind: fix.kind, site: e.site, like: e.inputsSite } }] : [],
      confirms: [],
      folds: [],
    },
  };
}

/** Optimizers that carry state from step to step (moments, accumulators, velocity). */
const STATEFUL = /adam|adamax|adagrad|adadelta|rmsprop|momentum/i;

/**
 * A custom loop that trains a newly built model, built by the same lines, again and again (a model
 * built inside the epoch loop): each starts from fresh weights and what the one before learned is
 * dropped, so the model left at the end has trained only since the last rebuild.
 */
export function rebuiltModel(e: TraceEventOf<'modelRebuilt'>): Observation {
  const built = e.sites[0]!;
  if (e.variables) return remadeVariables(e);
  return {
    symptom: 'model-rebuilt',
    about: 'model',
    harm: true,
    priority: 0.9,
    layer: null,
    iteration: 0,
    elapsedMs: e.elapsedMs,
    message: `The training loop builds a new model and trains it from fresh weights, again and again: the model before it was dropped after ${e.previousSteps} steps, so whatever it learned is lost and the model left at the end has trained only since the last rebuild. Build the model once, before the loop.`,
    evidence: [`${e.times} times the loop moved on to a new model built on line ${built.line}`, `the model before it trained ${e.previousSteps} steps`],
    relevance: new Map(),
    related: e.sites.length > 1 ? [{ site: built, message: 'the model is built here' }] : [],
    cause: {
      rootCause: 'training-length',
      layer: null,
      location: built,
      inLoop: e.sites,
      fixes: [{ title: 'Build the model once, before the training loop', plan: { kind: 'hoistOutOfLoop', sites: e.sites } }],
      confirms: [],
      folds: [],
    },
  };
}

/** Raw variables made anew for every step: each step trains fresh random weights. */
function remadeVariables(e: TraceEventOf<'modelRebuilt'>): Observation {
  const made = e.sites[0]!;
  return {
    symptom: 'model-rebuilt',
    about: 'variables',
    harm: true,
    priority: 0.9,
    layer: null,
    iteration: e.times,
    elapsedMs: e.elapsedMs,
    message: `The training loop makes its weights anew (tf.variable, line ${made.line}) before every step: each step trains freshly drawn random weights that the next step throws away, so nothing is learned, and the old variables pile up in memory. Make the variables once, before the loop.`,
    evidence: [`${e.times} steps in a row each trained variables none of which the step before had trained`],
    relevance: new Map(),
    related: e.sites.length > 1 ? [{ site: made, message: 'the variables are made here' }] : [],
    cause: {
      rootCause: 'weight-initialization',
      layer: null,
      location: made,
      inLoop: e.sites,
      fixes: [{ title: 'Make the weights once, before the training loop', plan: { kind: 'hoistOutOfLoop', sites: e.sites } }],
      confirms: [],
      folds: [],
    },
  };
}

/**
 * A new optimizer made on the same line at every step of a custom loop. A stateful one (Adam,
 * RMSProp, momentum, ...) then takes every step from fresh state, so it never works as designed;
 * every optimizer also keeps tensors of its own (its learning rate, its state) that are never freed.
 */
export function recreatedOptimizer(e: TraceEventOf<'optimizerRecreated'>, run: ModelState): Observation {
  const name = e.className.replace(/Optimizer$/, '') || 'optimizer';
  const stateful = STATEFUL.test(e.className);
  const why = stateful
    ? `each one takes its single step from fresh state (${/adam/i.test(name) ? 'moment estimates' : /momentum/i.test(name) ? 'velocity' : 'accumulators'} at zero), so training never gets ${name}'s adaptive steps, and the tensors each one keeps are never freed`
    : 'each one keeps tensors of its own (its learning rate) that are never freed';
  return {
    symptom: 'optimizer-recreated',
    about: 'optimizer',
    harm: true,
    priority: 0.75,
    layer: null,
    iteration: e.iter,
    elapsedMs: e.elapsedMs,
    message: `A new ${name} optimizer is made at every training step, on line ${e.site.line}: ${why}. Create it once, before the loop.`,
    evidence: [`${e.steps} steps running each used a new ${name} optimizer made on line ${e.site.line}`],
    relevance: new Map(),
    related: run.view?.event.fitSite ? [{ site: run.view.event.fitSite, message: 'the training step' }] : [],
    cause: {
      rootCause: 'optimizer',
      layer: null,
      location: e.site,
      fixes: [{ title: 'Create the optimizer once, before the training loop', plan: { kind: 'hoistDeclaration', site: e.site } }],
      confirms: [],
      folds: [],
    },
  };
}
