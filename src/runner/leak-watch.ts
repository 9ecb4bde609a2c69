/**
 * Tensors a training loop leaves behind. tfjs frees a tensor only on dispose() or at the end of
 * the tf.tidy() that made it, so a loop that creates tensors outside any tidy (a batch, a
 * returned loss, a prediction for logging) grows memory at every step until the process dies.
 *
 * The watch reads the engine's live-tensor count at the start of each step: a counter read, no
 * tensor work. When the count grew at every one of the last LEAK_STEPS steps, it watches one
 * whole step's tensor creations (their stacks are captured but only formatted for survivors)
 * and, a step later, groups those still alive by the user's line that created them.
 * Nothing it does changes a tensor or what training computes.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { median } from '../analysis/stats';
import type { SourceSite, TensorLeakEvent } from '../analysis/trace';
import { captureStack, userSiteFromStack } from './sites';

/** Step-to-step comparisons that must all grow: bounded caches (keep the last k losses) settle sooner. */
export const LEAK_STEPS = 16;
/**
 * Rises of the live-tensor count, each by the same amount, an equal number of steps apart: a loop
 * that leaks once per pass over its data (a validation loss computed after each epoch and never
 * freed). A cache of the last few such tensors settles sooner. The next rise is then watched.
 */
export const LEAK_RISES = 6;
/** Creations recorded during the watched step, at most (a conv step makes a few hundred). */
const CENSUS_LIMIT = 20_000;
const MAX_SITES = 8;
const STALE_STEPS = 8;
/** Watches whose growth turned out bounded by the epoch this often stop watching. */
const MAX_CLEARED = 3;
/** Steps a custom loop's survivors must still outlive: longer than most passes over a small data set. */
export const CONFIRM_STEPS = 3 * LEAK_STEPS;

interface Created {
  tensor: any;
  holder: { stack?: string };
}

/** The creations whose tensor is still alive. */
function alive(created: Created[]): Created[] {
  return created.filter(({ tensor }) => tensor?.isDisposed === false);
}

interface Recorder {
  created: Created[];
  /** Capture each creation's stack (the costly part); without, only the tensors are kept. */
  stacks: boolean;
  /** Tensors already counted, and the variables (a variable's assign() tracks it again: an update, not a new tensor). */
  seen: Set<any>;
}

const NO_STACK: { stack?: string } = {};

/** Engines whose tensor tracking is wrapped, with the recorders listening (a step and an epoch watch may overlap). */
const hooked = new WeakMap<object, { listening: Set<Recorder>; restore: () => void }>();

/**
 * Records every tensor made from now until stop(): the tensor and, with `stacks`, its stack
 * (captured, formatted only when read). Null when the engine offers no hook.
 */
export function recordCreations(engine: any, stacks = true): { created: Created[]; stop: () => void } | null {
  // Every new tensor passes through trackTensor (tfjs 2 and later) or incRef (tfjs 1).
  const method = typeof engine?.trackTensor === 'function' ? 'trackTensor' : typeof engine?.incRef === 'function' ? 'incRef' : null;
  if (!method) return null;
  let hook = hooked.get(engine);
  if (!hook) {
    const listening = new Set<Recorder>();
    const original = engine[method];
    const hadOwn = Object.prototype.hasOwnProperty.call(engine, method);
    const recorder = function (this: any, tensor: any, backend: any) {
      const out = original.call(this, tensor, backend);
      let holder: { stack?: string } | null = null;
      for (const r of listening) {
        if (r.created.length >= CENSUS_LIMIT || r.seen.has(tensor)) continue;
        r.seen.add(tensor);
        // V8 formats the stack only when it is read: for the few survivors.
        if (r.stacks) holder ??= captureStack(recorder);
        r.created.push({ tensor, holder: r.stacks ? holder! : NO_STACK });
      }
      return out;
    };
    engine[method] = recorder;
    const restore = () => {
      if (hadOwn) engine[method] = original;
      else delete engine[method];
      hooked.delete(engine);
    };
    hook = { listening, restore };
    hooked.set(engine, hook);
  }
  const r: Recorder = { created: [], stacks, seen: new Set<any>(Object.values(engine.state?.registeredVariables ?? {})) };
  const { listening, restore } = hook;
  listening.add(r);
  return {
    created: r.created,
    stop: () => {
      // The one wrapper goes with its last listener: nothing stays hooked.
      if (listening.delete(r) && listening.size === 0) restore();
    },
  };
}

/** Tensors by the user's line that made them ("?" when no line of the script is on the stack). */
function groupBySite(created: Created[], probeFile: string): Map<string, TensorLeakEvent['sites'][number]> {
  const groups = new Map<string, TensorLeakEvent['sites'][number]>();
  for (const { tensor, holder } of created) {
    const site = userSiteFromStack(holder.stack, probeFile);
    const key = site ? `${site.file}:${site.line}` : '?';
    const size = typeof tensor.size === 'number' ? tensor.size : 0;
    const itemBytes = tensor.dtype === 'bool' ? 1 : 4;
    const group = groups.get(key);
    if (group) {
      group.tensors++;
      group.bytes += size * itemBytes;
    } else {
      const shape = Array.isArray(tensor.shape) ? tensor.shape.slice(0, 16).map((d: unknown) => (typeof d === 'number' ? d : null)) : [];
      groups.set(key, { site, tensors: 1, bytes: size * itemBytes, shape, dtype: String(tensor.dtype ?? 'float32').slice(0, 32) });
    }
  }
  return groups;
}

/** The lines that left the most tensors (then bytes) first, at most MAX_SITES. */
function rankSites(sites: TensorLeakEvent['sites']): TensorLeakEvent['sites'] {
  return [...sites].sort((a, b) => b.tensors - a.tensors || b.bytes - a.bytes).slice(0, MAX_SITES);
}

type Phase =
  | { kind: 'counting' }
  /** Recording the creations of one step, from its start to the next step's start. */
  | { kind: 'recording'; created: Created[]; epoch: number | null }
  /** The recorded step is over; its survivors are read at the start of the step after next. */
  | { kind: 'waiting'; created: Created[]; epoch: number | null }
  /**
   * Within fit: the survivors must also outlive their epoch (a callback may collect a tensor per
   * batch and free them all when the epoch ends), checked at the next epoch's first step or when
   * fit ends.
   */
  | { kind: 'confirming'; finding: Finding; epoch: number }
  /**
   * A custom loop has no epochs the probe sees, so the survivors must outlive CONFIRM_STEPS more
   * steps, or be alive when the process exits: a loop that collects each step's loss and frees
   * them all after its pass over the data is not leaking.
   */
  | { kind: 'outliving'; finding: Finding; until: number }
  | { kind: 'done' };

interface Finding {
  step: LeakStep;
  survivors: Created[];
  count: number;
  bytes: number;
  growth: number[];
  byteGrowth: number[];
}

export interface LeakStep {
  modelId: number;
  /** Steps this model has taken before this one. */
  iter: number;
  /** Within fit, the epoch: tfjs's own History keeps a few tensors per epoch until fit ends. */
  epoch: number | null;
  stepSite: SourceSite | null;
  elapsedMs: number;
}

/**
 * The periodic watch, for custom loops: counting rises; recording the step before the next rise is
 * due (from its start to the next step's); or waiting a period to see which of its tensors outlive it.
 */
type Periodic =
  | { kind: 'counting' }
  | { kind: 'recording'; created: Created[]; rise: Rise; period: number; stop: () => void }
  | { kind: 'waiting'; created: Created[]; rise: Rise; period: number; until: number; countAfter: number }
  | { kind: 'done' };

interface Rise {
  iter: number;
  grew: number;
  bytes: number;
}

export class TensorLeakWatch {
  /** The engine's trackTensor is replaced by one watch at a time (models that alternate steps take turns). */
  private static recording: TensorLeakWatch | null = null;
  /** Steps of other models since the recording one last stepped: a model that stopped training releases the hook. */
  private static otherSteps = 0;
  private lastCount: number | null = null;
  private lastBytes = 0;
  private lastEpoch: number | null = null;
  private readonly growth: number[] = [];
  private readonly byteGrowth: number[] = [];
  private phase: Phase = { kind: 'counting' };
  private periodic: Periodic = { kind: 'counting' };
  /** The last rises of the count, for the periodic watch (custom loops only). */
  private readonly rises: Rise[] = [];
  /** Epoch-bounded growth seen and cleared so far. */
  private cleared = 0;
  private restore: (() => void) | null = null;

  constructor(
    private readonly engine: any,
    private readonly probeFile: string,
    private readonly send: (event: TensorLeakEvent) => void,
  ) {}

  /** Called at the start of every optimizer step of one model. */
  atStepStart(step: LeakStep): void {
    const recorder = TensorLeakWatch.recording;
    if (recorder === this) TensorLeakWatch.otherSteps = 0;
    else if (recorder && ++TensorLeakWatch.otherSteps > STALE_STEPS) recorder.stop();
    if (this.phase.kind === 'done') return;
    if (this.phase.kind === 'confirming') {
      if (step.epoch !== this.phase.epoch) this.confirm();
      return;
    }
    if (this.phase.kind === 'outliving') {
      if (alive(this.phase.finding.survivors).length === 0) this.clear();
      else if (step.iter >= this.phase.until) this.confirm();
      return;
    }
    const state = this.engine?.state;
    const count = state?.numTensors;
    const bytes = state?.numBytes;
    if (typeof count !== 'number' || typeof bytes !== 'number') {
      this.phase = { kind: 'done' };
      return;
    }
    const comparable = this.lastCount !== null && step.epoch === this.lastEpoch;
    if (comparable && step.epoch === null) this.watchPeriodic(step, count, bytes);
    if (comparable) {
      const grew = count - this.lastCount!;
      if (grew > 0) {
        this.growth.push(grew);
        this.byteGrowth.push(bytes - this.lastBytes);
        if (this.growth.length > LEAK_STEPS) {
          this.growth.shift();
          this.byteGrowth.shift();
        }
      } else {
        this.growth.length = 0;
        this.byteGrowth.length = 0;
        this.stopRecording();
        if (this.phase.kind !== 'counting') this.phase = { kind: 'counting' };
      }
    } else {
      // A new epoch (or the first step): growth is counted within an epoch, since tfjs keeps a few
      // tensors per epoch until fit returns; a recording under way starts over in this one.
      this.growth.length = 0;
      this.byteGrowth.length = 0;
      if (this.phase.kind !== 'counting') {
        this.stopRecording();
        this.phase = { kind: 'counting' };
      }
    }
    this.lastCount = count;
    this.lastBytes = bytes;
    this.lastEpoch = step.epoch;

    const phase = this.phase;
    if (phase.kind === 'recording') {
      this.stopRecording();
      this.phase = { kind: 'waiting', created: phase.created, epoch: phase.epoch };
    } else if (phase.kind === 'waiting') {
      const finding: Finding = { step, survivors: alive(phase.created), count, bytes, growth: [...this.growth], byteGrowth: [...this.byteGrowth] };
      if (phase.epoch === null) this.phase = { kind: 'outliving', finding, until: step.iter + CONFIRM_STEPS };
      else this.phase = { kind: 'confirming', finding, epoch: phase.epoch };
    } else if (this.growth.length >= LEAK_STEPS && TensorLeakWatch.recording === null) {
      this.startRecording(step.epoch);
    }
  }

  /**
   * Custom loops: tensors left once every few steps. Once the count rose LEAK_RISES times by the
   * same amount at a regular interval, the step before the next rise is recorded (from its start
   * to the next step's), and a period after that rise, its tensors still alive are reported.
   */
  private watchPeriodic(step: LeakStep, count: number, bytes: number): void {
    const p = this.periodic;
    if (p.kind === 'done') return;
    const grew = count - this.lastCount!;
    if (p.kind === 'recording') {
      p.stop();
      if (grew === p.rise.grew) this.periodic = { kind: 'waiting', created: p.created, rise: p.rise, period: p.period, until: step.iter + p.period, countAfter: count };
      else {
        // The rise did not come as predicted: the pattern was a coincidence.
        this.periodic = { kind: 'counting' };
        this.rises.length = 0;
      }
      return;
    }
    if (p.kind === 'waiting') {
      if (step.iter < p.until) return;
      this.periodic = { kind: 'done' };
      // The count rose again meanwhile (a cache that now frees its oldest would not), and the watched rise's tensors are still alive.
      const survivors = alive(p.created);
      if (count - p.countAfter >= p.rise.grew && survivors.length > 0) this.reportPeriodic(step, survivors, p, count, bytes);
      return;
    }
    if (grew < 0) this.rises.length = 0;
    if (grew > 0) {
      this.rises.push({ iter: step.iter, grew, bytes: bytes - this.lastBytes });
      if (this.rises.length > LEAK_RISES) this.rises.shift();
    }
    if (this.rises.length < LEAK_RISES) return;
    const last = this.rises[LEAK_RISES - 1]!;
    const period = last.iter - this.rises[LEAK_RISES - 2]!.iter;
    const regular = this.rises.every((r, i) => r.grew === last.grew && (i === 0 || r.iter - this.rises[i - 1]!.iter === period));
    // Rises at every step are the step watch's; one model records at a time.
    if (!regular || period < 2 || step.iter !== last.iter + period - 1 || TensorLeakWatch.recording !== null) return;
    const recording = this.claimRecorder();
    this.periodic = recording ? { kind: 'recording', created: recording.created, rise: last, period, stop: recording.stop } : { kind: 'done' };
  }

  private reportPeriodic(step: LeakStep, survivors: Created[], p: Extract<Periodic, { kind: 'waiting' }>, count: number, bytes: number): void {
    this.send({
      type: 'tensorLeak',
      period: 'steps',
      everySteps: p.period,
      modelId: step.modelId,
      iter: step.iter,
      steps: LEAK_RISES + 1,
      tensorsPerStep: p.rise.grew,
      bytesPerStep: Math.max(0, p.rise.bytes),
      liveTensors: count,
      liveBytes: bytes,
      sites: rankSites([...groupBySite(survivors, this.probeFile).values()]),
      stepSite: step.stepSite,
      elapsedMs: step.elapsedMs,
    });
  }

  /** Training ended or the model changed: nothing recorded may stay hooked. */
  stop(): void {
    if (this.periodic.kind === 'recording') {
      this.periodic.stop();
      this.periodic = { kind: 'counting' };
    }
    this.stopRecording();
    if (this.phase.kind === 'confirming' || this.phase.kind === 'outliving') this.confirm();
    else if (this.phase.kind !== 'done') this.phase = { kind: 'counting' };
  }

  /** The process is ending: survivors still alive that were waiting to outlive their steps never will be freed. */
  atExit(): void {
    if (this.phase.kind === 'outliving') this.confirm();
  }

  /** Reports the survivors still alive after their epoch (none alive: the callback freed them, no leak). */
  private confirm(): void {
    if (this.phase.kind !== 'confirming' && this.phase.kind !== 'outliving') return;
    const finding = this.phase.finding;
    finding.survivors = alive(finding.survivors);
    if (finding.survivors.length > 0) {
      this.phase = { kind: 'done' };
      this.report(finding);
      return;
    }
    this.clear();
  }

  /** The growth was bounded (freed with its epoch or pass): watch on, a few times, in case something else leaks later. */
  private clear(): void {
    this.growth.length = 0;
    this.byteGrowth.length = 0;
    this.phase = ++this.cleared >= MAX_CLEARED ? { kind: 'done' } : { kind: 'counting' };
  }

  private startRecording(epoch: number | null): void {
    const recording = this.claimRecorder();
    this.phase = { kind: 'recording', created: recording?.created ?? [], epoch };
    this.restore = recording?.stop ?? null;
  }

  /** Records the engine's tensor creations as the one watch doing so; stop() lets go of both. Null when the engine offers no hook. */
  private claimRecorder(): { created: Created[]; stop: () => void } | null {
    const recording = recordCreations(this.engine);
    if (!recording) return null;
    TensorLeakWatch.recording = this;
    TensorLeakWatch.otherSteps = 0;
    const stop = () => {
      recording.stop();
      if (TensorLeakWatch.recording === this) TensorLeakWatch.recording = null;
    };
    return { created: recording.created, stop };
  }

  private stopRecording(): void {
    this.restore?.();
    this.restore = null;
  }

  private report({ step, survivors, count, bytes, growth, byteGrowth }: Finding): void {
    const sites = rankSites([...groupBySite(survivors, this.probeFile).values()]);
    this.send({
      type: 'tensorLeak',
      modelId: step.modelId,
      iter: step.iter,
      steps: growth.length,
      tensorsPerStep: median(growth),
      bytesPerStep: Math.max(0, median(byteGrowth)),
      liveTensors: count,
      liveBytes: bytes,
      sites,
      stepSite: step.stepSite,
      elapsedMs: step.elapsedMs,
    });
  }
}

/** Epochs running whose callbacks each left tensors from the same line alive. */
export const LEAK_EPOCHS = 3;
/** Epochs watched at most: a leak in a callback shows in every epoch, so in the first few. */
const WATCHED_EPOCHS = 10;

export interface EpochInfo {
  modelId: number;
  iter: number;
  epoch: number;
  stepSite: SourceSite | null;
  elapsedMs: number;
}

/**
 * Tensors fit's epoch callbacks leave behind: a prediction made in onEpochEnd to log an accuracy,
 * never disposed, grows memory by the same amount every epoch. The step watch cannot see it (the
 * count grows between epochs only, and tfjs itself keeps a few tensors per epoch until fit ends).
 * The probe brackets the script's own epoch callbacks (enter() before them, exit() after) and
 * only the tensors made inside are recorded: first without stacks, which cost most, and once an
 * epoch's tensors outlived the next epoch's callbacks, with them. A line whose tensors, made in
 * each of LEAK_EPOCHS epochs running, are all still alive an epoch later is reported.
 */
export class EpochCallbackLeakWatch {
  private recording: { created: Created[]; stop: () => void } | null = null;
  /** Whether creations are recorded with their stacks (a survivor was seen). */
  private locating = false;
  /** Creations of the epoch whose callbacks run now, and of the last epochs, oldest first. */
  private current: Created[] = [];
  private readonly epochs: Created[][] = [];
  private done = false;

  constructor(
    private readonly engine: any,
    private readonly probeFile: string,
    private readonly send: (event: TensorLeakEvent) => void,
  ) {}

  /** Before the script's callbacks for an epoch's beginning or end. */
  enter(): void {
    if (this.done || this.recording) return;
    this.recording = recordCreations(this.engine, this.locating);
    if (!this.recording) this.done = true;
  }

  /** After them; at an epoch's end, the epochs so far are compared. */
  exit(end: boolean, info: EpochInfo): void {
    if (!this.recording) return;
    this.recording.stop();
    this.current.push(...this.recording.created);
    this.recording = null;
    if (!end) return;
    this.epochs.push(this.current);
    this.current = [];
    if (this.epochs.length > LEAK_EPOCHS + 1) this.epochs.shift();
    if (!this.locating) {
      // The epoch before this one left tensors alive: from the next epoch on, note where each is made.
      if (this.epochs.length >= 2 && alive(this.epochs[this.epochs.length - 2]!).length > 0) {
        this.locating = true;
        this.epochs.length = 0;
      }
    } else if (this.epochs.length === LEAK_EPOCHS + 1) this.check(info);
    if (info.epoch + 1 >= WATCHED_EPOCHS) this.stop();
  }

  /** fit ended or failed: nothing stays hooked. */
  stop(): void {
    this.recording?.stop();
    this.recording = null;
    this.done = true;
    this.epochs.length = 0;
    this.current = [];
  }

  private check(info: EpochInfo): void {
    // The epoch just ended may still free its own tensors later (in the next onEpochBegin): judge the ones before it.
    const past = this.epochs.slice(0, LEAK_EPOCHS).map((created) => groupBySite(alive(created), this.probeFile));
    const lines = [...past[0]!.keys()].filter((key) => key !== '?' && past.every((groups) => groups.has(key)));
    if (lines.length === 0) return;
    const last = past[past.length - 1]!;
    const perEpoch = past.map((groups) => lines.reduce((n, key) => n + groups.get(key)!.tensors, 0));
    const bytesPerEpoch = past.map((groups) => lines.reduce((n, key) => n + groups.get(key)!.bytes, 0));
    const sites = rankSites(lines.map((key) => last.get(key)!));
    const state = this.engine?.state;
    this.send({
      type: 'tensorLeak',
      period: 'epoch',
      modelId: info.modelId,
      iter: info.iter,
      steps: LEAK_EPOCHS,
      tensorsPerStep: median(perEpoch),
      bytesPerStep: median(bytesPerEpoch),
      liveTensors: typeof state?.numTensors === 'number' ? state.numTensors : 0,
      liveBytes: typeof state?.numBytes === 'number' ? state.numBytes : 0,
      sites,
      stepSite: info.stepSite,
      elapsedMs: info.elapsedMs,
    });
    this.stop();
  }
}

/**
 * Tensors left between one model's fit calls: a script that fits an epoch at a time on a freshly
 * augmented copy of its data (`fit(x.add(noise), …)` in a loop) and never disposes of the copies
 * grows memory by the same amount per fit call, which no step or epoch watch sees (both end with
 * fit). The live-tensor count is read at each fit's start; once it rose by the same amount
 * LEAK_RISES times running, the tensors made between the next fit's end and the one after's start
 * are recorded with their stacks, and those still alive a fit later are reported by line.
 */
export class FitCallLeakWatch {
  private last: { count: number; bytes: number } | null = null;
  private readonly rises: { grew: number; bytes: number }[] = [];
  private phase: { kind: 'counting' } | { kind: 'armed' } | { kind: 'recording'; created: Created[]; stop: () => void } | { kind: 'waiting'; created: Created[]; countAfter: number } | { kind: 'done' } = { kind: 'counting' };

  constructor(
    private readonly engine: any,
    private readonly probeFile: string,
    private readonly send: (event: TensorLeakEvent) => void,
  ) {}

  /** At the start of each fit call of the model, before it makes anything. */
  atFitStart(modelId: number, iter: number, fitSite: SourceSite | null, elapsedMs: number): void {
    const state = this.engine?.state;
    const count = state?.numTensors;
    const bytes = state?.numBytes;
    if (this.phase.kind === 'done' || typeof count !== 'number' || typeof bytes !== 'number') {
      this.stop();
      return;
    }
    const grew = this.last ? count - this.last.count : 0;
    const byteGrowth = this.last ? bytes - this.last.bytes : 0;
    this.last = { count, bytes };
    const phase = this.phase;
    if (phase.kind === 'recording') {
      phase.stop();
      // The recorded gap rose as the ones before: wait a call to see which of its tensors outlive it.
      if (grew > 0 && grew === this.rises[this.rises.length - 1]?.grew) this.phase = { kind: 'waiting', created: phase.created, countAfter: count };
      else {
        this.phase = { kind: 'counting' };
        this.rises.length = 0;
      }
      return;
    }
    if (phase.kind === 'waiting') {
      this.phase = { kind: 'done' };
      const survivors = alive(phase.created);
      const rise = this.rises[this.rises.length - 1]!;
      if (count - phase.countAfter < rise.grew || survivors.length === 0) return;
      this.send({
        type: 'tensorLeak',
        period: 'fit',
        modelId,
        iter,
        steps: this.rises.length + 2,
        tensorsPerStep: rise.grew,
        bytesPerStep: Math.max(0, rise.bytes),
        liveTensors: count,
        liveBytes: bytes,
        sites: rankSites([...groupBySite(survivors, this.probeFile).values()]),
        stepSite: fitSite,
        elapsedMs,
      });
      return;
    }
    if (this.rises.length > 0 && grew !== this.rises[this.rises.length - 1]!.grew) this.rises.length = 0;
    if (grew > 0) this.rises.push({ grew, bytes: byteGrowth });
    if (this.rises.length > LEAK_RISES) this.rises.shift();
    this.phase = this.rises.length >= LEAK_RISES ? { kind: 'armed' } : { kind: 'counting' };
  }

  /** At the end of a fit call: once armed, what the script makes before the next fit is recorded. */
  atFitEnd(): void {
    if (this.phase.kind !== 'armed') return;
    const recording = recordCreations(this.engine, true);
    this.phase = recording ? { kind: 'recording', created: recording.created, stop: recording.stop } : { kind: 'done' };
  }

  stop(): void {
    if (this.phase.kind === 'recording') this.phase.stop();
    this.phase = { kind: 'done' };
  }
}
