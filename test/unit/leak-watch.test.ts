/** The probe's tensor leak watch, on tfjs's real engine: what counts as a leak, and where it is made. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import type { TensorLeakEvent } from '../../src/analysis/trace';
import { CONFIRM_STEPS, EpochCallbackLeakWatch, FitCallLeakWatch, LEAK_EPOCHS, LEAK_RISES, LEAK_STEPS, TensorLeakWatch } from '../../src/runner/leak-watch';

const THIS_FILE = __filename;

/** The 1-based line of this file that holds `needle`. */
function lineOf(needle: string): number {
  const lines = require('node:fs').readFileSync(THIS_FILE, 'utf8').split('\n') as string[];
  const i = lines.findIndex((l) => l.includes(needle) && !l.includes('lineOf('));
  assert.ok(i >= 0, needle);
  return i + 1;
}

function watch(): { w: TensorLeakWatch; events: TensorLeakEvent[] } {
  const events: TensorLeakEvent[] = [];
  // No probe file to skip here: the test file itself is the "user".
  return { w: new TensorLeakWatch(tf.engine(), '/no/probe.js', (e) => events.push(e)), events };
}

const weights = tf.variable(tf.ones([4, 4]));

/** One training-like step: intermediate tensors freed by tidy, a variable updated in place. */
function cleanStep(): void {
  tf.tidy(() => {
    weights.assign(weights.mul(0.99));
  });
}

describe('tensor leak watch', () => {
  it('names the lines whose tensors outlive every step, once, and releases the engine', () => {
    const { w, events } = watch();
    const kept: tf.Tensor[] = [];
    for (let i = 0; i < LEAK_STEPS + 6 + CONFIRM_STEPS; i++) {
      w.atStepStart({ modelId: 3, iter: i, epoch: null, stepSite: null, elapsedMs: i });
      cleanStep();
      kept.push(tf.scalar(i)); // leaks one scalar
      kept.push(tf.ones([2, 3]).mul(2)); // leaks the product and the ones
    }
    assert.equal(events.length, 1);
    const e = events[0]!;
    assert.equal(e.modelId, 3);
    assert.equal(e.tensorsPerStep, 3);
    assert.equal(e.bytesPerStep, 4 + 24 + 24);
    assert.equal(e.steps, LEAK_STEPS);
    assert.deepEqual(
      e.sites.map((s) => [s.site?.file, s.site?.line, s.tensors, s.shape]),
      [
        [THIS_FILE, lineOf('leaks the product and the ones'), 2, [2, 3]],
        [THIS_FILE, lineOf('leaks one scalar'), 1, []],
      ],
    );
    assert.equal(Object.prototype.hasOwnProperty.call(tf.engine(), 'trackTensor'), false, 'the engine is left as it was');
    tf.dispose(kept);
  });

  it('is silent on clean steps, on a bounded cache, on losses freed after each pass, and on growth between fit epochs only', () => {
    const { w, events } = watch();
    const recent: tf.Tensor[] = [];
    for (let i = 0; i < 3 * LEAK_STEPS; i++) {
      w.atStepStart({ modelId: 0, iter: i, epoch: null, stepSite: null, elapsedMs: i });
      cleanStep();
      // The last 10 losses are kept for a moving average: growth that stops.
      recent.push(tf.scalar(i));
      if (recent.length > 10) recent.shift()!.dispose();
    }
    // A custom loop that keeps each step's loss for its pass over the data (40 steps) and frees them after.
    let pass: tf.Tensor[] = [];
    for (let i = 0; i < 120; i++) {
      w.atStepStart({ modelId: 1, iter: i, epoch: null, stepSite: null, elapsedMs: i });
      cleanStep();
      pass.push(tf.scalar(i));
      if (pass.length === 40) {
        tf.dispose(pass);
        pass = [];
      }
    }
    const perEpoch: tf.Tensor[] = [];
    for (let epoch = 0; epoch < 2 * LEAK_STEPS; epoch++) {
      // tfjs's History keeps a tensor per epoch until fit ends: that growth crosses epochs only.
      perEpoch.push(tf.scalar(epoch));
      for (let b = 0; b < 3; b++) {
        w.atStepStart({ modelId: 0, iter: epoch * 3 + b, epoch, stepSite: null, elapsedMs: 0 });
        cleanStep();
      }
    }
    assert.deepEqual(events, []);
    tf.dispose([...recent, ...perEpoch]);
  });

  it('growth of one tensor per epoch, across many short epochs, never has the watch record (the count is compared within an epoch)', () => {
    const { w, events } = watch();
    const kept: tf.Tensor[] = [];
    let hooked = 0;
    let iter = 0;
    for (let epoch = 0; epoch < 3 * LEAK_STEPS; epoch++) {
      for (let b = 0; b < 2; b++) {
        w.atStepStart({ modelId: 0, iter: iter++, epoch, stepSite: null, elapsedMs: 0 });
        if (Object.prototype.hasOwnProperty.call(tf.engine(), 'trackTensor')) hooked++;
        cleanStep();
        // tfjs's History keeps the epoch's loss: one more live tensor after each epoch's first step.
        if (b === 0) kept.push(tf.scalar(epoch));
      }
    }
    w.stop();
    assert.deepEqual(events, []);
    assert.equal(hooked, 0, 'the engine was hooked (stacks captured) at some steps');
    tf.dispose(kept);
  });

  it('within fit, reports only tensors that outlive their epoch (a callback may free its batch tensors when the epoch ends)', () => {
    const epochs = (freeAtEpochEnd: boolean, until: number) => {
      const { w, events } = watch();
      let collected: tf.Tensor[] = [];
      let iter = 0;
      for (let epoch = 0; epoch < until; epoch++) {
        for (let b = 0; b < LEAK_STEPS + 4; b++) {
          w.atStepStart({ modelId: 0, iter: iter++, epoch, stepSite: null, elapsedMs: 0 });
          cleanStep();
          collected.push(tf.scalar(b)); // a prediction collected per batch
        }
        if (freeAtEpochEnd) {
          tf.dispose(collected);
          collected = [];
        }
      }
      w.stop();
      tf.dispose(collected);
      return events;
    };
    assert.deepEqual(epochs(true, 3), []);
    const leaked = epochs(false, 2);
    assert.equal(leaked.length, 1);
    assert.deepEqual(leaked[0]!.sites.map((s) => [s.site?.line, s.tensors]), [[lineOf('a prediction collected per batch'), 1]]);
    // A fit of one epoch: the survivors are judged when fit ends.
    assert.equal(epochs(false, 1).length, 1);
  });

  it('lets go of the engine when the model being watched stops training', () => {
    const a = watch();
    const b = watch();
    const leaked: tf.Tensor[] = [];
    for (let i = 0; i <= LEAK_STEPS; i++) {
      a.w.atStepStart({ modelId: 1, iter: i, epoch: null, stepSite: null, elapsedMs: 0 });
      leaked.push(tf.scalar(i));
    }
    // Model 1 is now recording its next step, and never steps again; model 2 trains on.
    assert.equal(Object.prototype.hasOwnProperty.call(tf.engine(), 'trackTensor'), true);
    for (let i = 0; i < 12; i++) b.w.atStepStart({ modelId: 2, iter: i, epoch: null, stepSite: null, elapsedMs: 0 });
    assert.equal(Object.prototype.hasOwnProperty.call(tf.engine(), 'trackTensor'), false);
    assert.deepEqual([...a.events, ...b.events], []);
    tf.dispose(leaked);
  });
});

describe('periodic leaks in custom loops', () => {
  /** A custom loop of `epochs` passes of `batches` clean steps; `afterEpoch` runs between passes. */
  function loop(epochs: number, batches: (epoch: number) => number, afterEpoch: (epoch: number) => void): TensorLeakEvent[] {
    const { w, events } = watch();
    let iter = 0;
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let b = 0; b < batches(epoch); b++) {
        w.atStepStart({ modelId: 4, iter: iter++, epoch: null, stepSite: null, elapsedMs: iter });
        cleanStep();
      }
      afterEpoch(epoch);
    }
    w.stop();
    return events;
  }

  it('names the line that leaks once per pass over the data, after the count rose by the same amount at a regular interval', () => {
    const kept: tf.Tensor[] = [];
    const events = loop(LEAK_RISES + 6, () => 5, () => {
      kept.push(tf.ones([3]).mul(2)); // a validation loss computed after each epoch, never freed
    });
    assert.equal(events.length, 1);
    const e = events[0]!;
    assert.deepEqual([e.period, e.everySteps, e.tensorsPerStep, e.bytesPerStep], ['steps', 5, 2, 24]);
    assert.deepEqual(e.sites.map((s) => [s.site?.line, s.tensors, s.shape]), [[lineOf('a validation loss computed after each epoch'), 2, [3]]]);
    // Reported a period after the rise it watched, which came after LEAK_RISES rises.
    assert.equal(e.iter, 5 * (LEAK_RISES + 2));
    assert.equal(Object.prototype.hasOwnProperty.call(tf.engine(), 'trackTensor'), false, 'the engine is left as it was');
    tf.dispose(kept);
  });

  it('is silent on a cache of the last few passes\' tensors, on one tensor replaced each pass, and on passes of varying length', () => {
    const cache: tf.Tensor[] = [];
    assert.deepEqual(
      loop(3 * LEAK_RISES, () => 5, () => {
        cache.push(tf.scalar(1));
        if (cache.length > LEAK_RISES + 1) cache.shift()!.dispose();
      }),
      [],
    );
    let best: tf.Tensor | null = null;
    assert.deepEqual(
      loop(3 * LEAK_RISES, () => 5, () => {
        best?.dispose();
        best = tf.scalar(2);
      }),
      [],
    );
    // Episodes of different lengths (a replay of each kept): no regular period to predict.
    const episodes: tf.Tensor[] = [];
    assert.deepEqual(
      loop(3 * LEAK_RISES, (epoch) => 3 + (epoch % 4), () => {
        episodes.push(tf.scalar(3));
      }),
      [],
    );
    tf.dispose([...cache, ...(best ? [best] : []), ...episodes]);
  });
});

describe('epoch callback leak watch', () => {
  function epochWatch(): { w: EpochCallbackLeakWatch; events: TensorLeakEvent[] } {
    const events: TensorLeakEvent[] = [];
    return { w: new EpochCallbackLeakWatch(tf.engine(), '/no/probe.js', (e) => events.push(e)), events };
  }
  const info = (epoch: number) => ({ modelId: 2, iter: 10 * epoch + 9, epoch, stepSite: null, elapsedMs: epoch });

  /** fit's epochs as the probe brackets them: steps outside, the script's callback inside. */
  function epochs(w: EpochCallbackLeakWatch, n: number, callback: (epoch: number) => void): void {
    for (let epoch = 0; epoch < n; epoch++) {
      for (let step = 0; step < 3; step++) cleanStep();
      w.enter();
      callback(epoch);
      w.exit(true, info(epoch));
    }
  }

  it('names the callback line whose tensors outlive every epoch, and leaves the engine as it was', () => {
    const { w, events } = epochWatch();
    const kept: tf.Tensor[] = [];
    const stepTensors: tf.Tensor[] = [];
    epochs(w, 6, () => {
      kept.push(tf.ones([5, 3]).sum(1)); // an epoch callback's prediction, never freed
    });
    // Tensors made outside the callbacks (tfjs's own per-epoch logs) are not the script's.
    stepTensors.push(tf.scalar(1));
    assert.equal(events.length, 1);
    const e = events[0]!;
    assert.deepEqual([e.period, e.modelId, e.steps, e.tensorsPerStep, e.bytesPerStep], ['epoch', 2, LEAK_EPOCHS, 2, 60 + 20]);
    assert.deepEqual(e.sites.map((s) => [s.site?.line, s.tensors]), [[lineOf("an epoch callback's prediction, never freed"), 2]]);
    assert.equal(Object.prototype.hasOwnProperty.call(tf.engine(), 'trackTensor'), false, 'the engine is left as it was');
    tf.dispose([...kept, ...stepTensors]);
  });

  it('is silent on a callback that tidies, or that frees its tensors at the next epoch', () => {
    const { w, events } = epochWatch();
    epochs(w, 6, () => tf.tidy(() => tf.ones([5, 3]).sum(1).dataSync()));
    let previous: tf.Tensor | null = null;
    const second = epochWatch();
    epochs(second.w, 6, () => {
      previous?.dispose();
      previous = tf.tidy(() => tf.ones([5, 3]).sum(1));
    });
    assert.deepEqual([events.length, second.events.length], [0, 0]);
    previous!.dispose();
  });
});

describe('tensors left between fit calls', () => {
  const base = tf.ones([8, 4]);
  /** One "fit" call: a watch at its start and end, with clean work between. */
  const fitOnce = (w: FitCallLeakWatch, i: number) => {
    w.atFitStart(5, i * 10, null, i);
    cleanStep();
    w.atFitEnd();
  };

  it('a copy augmented before each call and never freed: reported once, on its line, a call after it was recorded', () => {
    const events: TensorLeakEvent[] = [];
    const w = new FitCallLeakWatch(tf.engine(), '/no/probe.js', (e) => events.push(e));
    const kept: tf.Tensor[] = [];
    for (let i = 0; i < LEAK_RISES + 5; i++) {
      fitOnce(w, i);
      kept.push(base.add(tf.randomNormal([8, 4], 0, 0.1))); // the noise and the sum leak
    }
    assert.equal(events.length, 1);
    const e = events[0]!;
    assert.deepEqual([e.period, e.modelId, e.tensorsPerStep], ['fit', 5, 2]);
    assert.deepEqual(e.sites.map((s) => [s.site?.line, s.tensors]), [[lineOf('kept.push(base.add(tf.randomNormal'), 2]]);
    tf.dispose(kept);
  });

  it('copies disposed after each call, or a count that rises unevenly: nothing', () => {
    const events: TensorLeakEvent[] = [];
    const w = new FitCallLeakWatch(tf.engine(), '/no/probe.js', (e) => events.push(e));
    const kept: tf.Tensor[] = [];
    for (let i = 0; i < LEAK_RISES + 5; i++) {
      fitOnce(w, i);
      tf.tidy(() => base.add(tf.randomNormal([8, 4], 0, 0.1))).dispose();
      // A history that keeps one more tensor every other call: not one leak per call.
      if (i % 2 === 0) kept.push(tf.scalar(i));
    }
    assert.deepEqual(events, []);
    tf.dispose(kept);
  });
});
