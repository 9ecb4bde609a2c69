/** Settings the script changed that training does not see. */
import type { Observation } from '../context';
import type { ModelState } from '../model-state';
import { fmt } from '../stats';
import type { TraceEventOf } from '../trace';

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
