/**
 * Derived facts about a traced model and its data: data-flow order, the output layers and
 * the activation each one really applies, what the loss expects, and what the targets are.
 */
import type { LayerRef } from './findings';
import type { DataEvent, LayerInfo, ModelEvent, SourceSite, TensorSummary } from './trace';
import { fmt } from './stats';

export type LossKind =
  | 'categorical' // categorical cross-entropy on probabilities
  | 'sparse' // sparse categorical cross-entropy on probabilities
  | 'binary' // binary cross-entropy on probabilities
  | 'logits' // a cross-entropy that applies softmax/sigmoid itself
  | 'mse'
  | 'mae'
  | 'regression' // other distance losses (huber, log-cosh, msle, mape)
  | 'hinge'
  | 'other';

export interface LossView {
  name: string;
  kind: LossKind;
}

export type LayerKind = 'input' | 'weighted' | 'activation' | 'passthrough' | 'normalization' | 'embedding' | 'other';

export interface LayerView {
  info: LayerInfo;
  ref: LayerRef;
  index: number;
  /** Position in `ModelView.layers` (data-flow order). */
  pos: number;
  kind: LayerKind;
  /** Lower-case activation the layer applies ('linear' when none). */
  act: string;
  /** Size of the last axis of the output. */
  units: number | null;
  preds: number[];
  succs: number[];
}

export interface OutputView {
  /** The model's output layer. */
  layer: LayerView;
  /** The layer whose option or call sets the output activation (the line to edit). */
  actLayer: LayerView;
  activation: string;
  units: number | null;
  loss: LossView | null;
  slot: number;
}

const PASSTHROUGH = new Set([
  'dropout',
  'gaussiannoise',
  'gaussiandropout',
  'alphadropout',
  'spatialdropout1d',
  'spatialdropout2d',
  'flatten',
  'reshape',
  'permute',
  'repeatvector',
  'masking',
]);
const NORMALIZATION = new Set(['batchnormalization', 'layernormalization', 'rescaling', 'normalization', 'centercrop', 'resizing', 'unitnormalization']);
const ACTIVATION_CLASSES: Record<string, string> = {
  softmax: 'softmax',
  relu: 'relu',
  leakyrelu: 'leakyrelu',
  prelu: 'prelu',
  elu: 'elu',
  thresholdedrelu: 'relu',
};

export function normalizeActivation(a: string | null | undefined): string {
  if (!a) return 'linear';
  const k = a.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (k === '' || k === 'none') return 'linear';
  if (k === 'leakyrelu') return 'leakyrelu';
  return k;
}

export const RELU_LIKE = new Set(['relu', 'relu6', 'thresholdedrelu']);
export const SATURATING = new Set(['sigmoid', 'tanh', 'hardsigmoid', 'softsign']);
/** Recurrent layers with a cell of their own (LSTM, GRU, SimpleRNN), whose `activation` bounds their state. */
export const RECURRENT_CELL = /^(?:lstm|gru|simplernn)$/i;

/** The range of values an activation can output. */
/** A batch normalization layer, by its class name. */
export function isBatchNormalization(className: string): boolean {
  return /^batchnormalization/i.test(className);
}

/** The shape of a layer's kernel weight (a convolution's [height, width, in, out]), when it has one. */
export function kernelShape(l: LayerView): LayerInfo['weights'][number]['shape'] | undefined {
  return l.info.weights.find((w) => /kernel/i.test(w.name))?.shape;
}

export function activationRange(act: string): [number, number] {
  switch (act) {
    case 'sigmoid':
    case 'hardsigmoid':
    case 'softmax':
      return [0, 1];
    case 'tanh':
    case 'softsign':
      return [-1, 1];
    case 'relu':
    case 'softplus':
    case 'exponential':
      return [0, Infinity];
    case 'relu6':
      return [0, 6];
    case 'elu':
      return [-1, Infinity];
    case 'selu':
      return [-1.7581, Infinity];
    default:
      return [-Infinity, Infinity];
  }
}

/** An activation's range in words: "in [-1, 1]", "at or above 0". */
export function rangeText([lo, hi]: [number, number]): string {
  if (hi === Infinity) return lo === -Infinity ? 'unbounded' : `at or above ${fmt(lo)}`;
  return lo === -Infinity ? `at or below ${fmt(hi)}` : `in [${fmt(lo)}, ${fmt(hi)}]`;
}

export function classifyLoss(name: string): LossKind {
  const k = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (k.includes('sparsecategoricalcrossentropy') || k === 'sparsecce') return 'sparse';
  if (k.includes('softmaxcrossentropy') || k.includes('sigmoidcrossentropy') || k.includes('fromlogits')) return 'logits';
  if (k.includes('categoricalcrossentropy') || k === 'cce') return 'categorical';
  if (k.includes('binarycrossentropy') || k === 'bce' || k === 'logloss') return 'binary';
  if (k === 'meansquarederror' || k === 'mse' || k === 'meansquarederrorloss') return 'mse';
  if (k === 'meanabsoluteerror' || k === 'mae') return 'mae';
  if (/(huber|logcosh|meansquaredlogarithmicerror|msle|meanabsolutepercentageerror|mape|absolutedifference)/.test(k)) return 'regression';
  if (k.includes('hinge')) return 'hinge';
  return 'other';
}

function layerKind(info: LayerInfo): LayerKind {
  const c = info.className.toLowerCase();
  if (c === 'inputlayer') return 'input';
  if (c === 'activation' || c in ACTIVATION_CLASSES) return 'activation';
  if (PASSTHROUGH.has(c)) return 'passthrough';
  if (NORMALIZATION.has(c)) return 'normalization';
  // A script's own layer named for what it does (RunningStandardize, MyLayerNorm) normalizes too.
  if (/normali[sz]|standardi[sz]/.test(c)) return 'normalization';
  if (c === 'embedding') return 'embedding';
  if (info.params > 0 || info.weights.length > 0) return 'weighted';
  return 'other';
}

export class ModelView {
  readonly layers: LayerView[];
  readonly outputs: OutputView[];
  readonly byName = new Map<string, LayerView>();
  readonly byIndex = new Map<number, LayerView>();

  constructor(readonly event: ModelEvent) {
    const sorted = [...event.layers].sort((a, b) => a.index - b.index);
    this.layers = sorted.map((info, pos) => {
      const kind = layerKind(info);
      const cls = info.className.toLowerCase();
      const act = kind === 'activation' && cls !== 'activation' ? ACTIVATION_CLASSES[cls] ?? normalizeActivation(info.activation) : normalizeActivation(info.activation);
      const shape = info.outputShape;
      const last = shape && shape.length > 0 ? shape[shape.length - 1] : null;
      return {
        info,
        ref: { name: info.name, index: info.index, className: info.className },
        index: info.index,
        pos,
        kind,
        act,
        units: typeof last === 'number' ? last : info.units,
        preds: [],
        succs: [],
      };
    });
    for (const l of this.layers) {
      this.byName.set(l.info.name, l);
      this.byIndex.set(l.index, l);
    }
    for (const l of this.layers) {
      for (const name of l.info.inbound) {
        const p = this.byName.get(name);
        if (p && p !== l) {
          l.preds.push(p.pos);
          p.succs.push(l.pos);
        }
      }
    }
    // Sequential traces may omit inbound names: chain the layers in order then.
    const anyInbound = this.layers.some((l) => l.preds.length > 0);
    if (!anyInbound) {
      for (let i = 1; i < this.layers.length; i++) {
        this.layers[i]!.preds.push(i - 1);
        this.layers[i - 1]!.succs.push(i);
      }
    }
    const outs = this.layers.filter((l) => l.succs.length === 0 && l.kind !== 'input');
    this.outputs = outs.map((layer, slot) => {
      const lossName = event.loss.length === 0 ? null : event.loss[Math.min(slot, event.loss.length - 1)] ?? null;
      const { actLayer, activation } = this.effectiveActivation(layer);
      return {
        layer,
        actLayer,
        activation,
        units: layer.units,
        loss: lossName === null ? null : { name: lossName, kind: classifyLoss(lossName) },
        slot,
      };
    });
  }

  /** Walks back from a layer through shape-only layers to the activation it really applies. */
  effectiveActivation(layer: LayerView): { actLayer: LayerView; activation: string } {
    let cur = layer;
    for (let guard = 0; guard < 64; guard++) {
      if (cur.kind === 'activation' && cur.act !== 'linear') return { actLayer: cur, activation: cur.act };
      if (cur.kind === 'weighted' || cur.kind === 'normalization' || cur.kind === 'embedding') {
        return { actLayer: cur, activation: cur.act };
      }
      if (cur.preds.length !== 1) break;
      cur = this.layers[cur.preds[0]!]!;
    }
    return { actLayer: layer, activation: layer.act };
  }

  /** The weighted layer an activation layer applies to (itself for layers with an option). */
  ownerOf(layer: LayerView): LayerView {
    let cur = layer;
    for (let guard = 0; guard < 64 && cur.kind !== 'weighted'; guard++) {
      if (cur.preds.length !== 1) return layer;
      cur = this.layers[cur.preds[0]!]!;
    }
    return cur.kind === 'weighted' ? cur : layer;
  }

  /** The first layers that see the model input, skipping InputLayer. */
  firstLayers(): LayerView[] {
    return this.layers.filter((l) => l.kind !== 'input' && l.preds.every((p) => this.layers[p]!.kind === 'input'));
  }

  /** Layers trained by the optimizer, in data-flow order. */
  weighted(): LayerView[] {
    return this.layers.filter((l) => l.kind === 'weighted' && l.info.trainable);
  }

  /** Whether `layer` is at most `hops` weighted layers after the input (input-side layers). */
  isNearInput(layer: LayerView, hops = 1): boolean {
    let count = 0;
    for (let i = 0; i < layer.pos; i++) if (this.layers[i]!.kind === 'weighted') count++;
    return count <= hops;
  }

  get loss(): string[] {
    return this.event.loss;
  }

  /** Where the loss is chosen. */
  get compileSite(): SourceSite | null {
    return this.event.compileSite ?? this.event.site;
  }

  /** Where the learning rate is chosen: the optimizer's construction, else compile. */
  get optimizerSite(): SourceSite | null {
    return this.event.optimizer?.site ?? this.compileSite;
  }
}

// ---------------------------------------------------------------------------------------------
// Targets and inputs

export type TargetKind = 'one-hot' | 'multi-hot' | 'binary' | 'classes' | 'continuous' | 'unknown';

export interface TargetView {
  kind: TargetKind;
  summary: TensorSummary;
  /** Columns on the last axis (1 for [N] or [N, 1]). */
  columns: number;
  rows: number | null;
  /** Number of classes for one-hot / class-index targets. */
  classes: number | null;
  /** Class frequencies when known (for one-hot targets with rows of all 0s, they sum to less than 1). */
  freqs: number[] | null;
  integer: boolean;
  /** One-hot targets: rows of all 0s, which belong to no class (tf.oneHot's output for an index out of range). */
  zeroRows: number;
}

export function targetView(s: TensorSummary): TargetView {
  const shape = s.shape ?? [];
  const last = shape.length >= 2 ? shape[shape.length - 1] : 1;
  const columns = typeof last === 'number' ? last : 1;
  const rows = shape.length >= 1 && typeof shape[0] === 'number' ? shape[0] : null;
  const distinct = s.distinct;
  const integer = distinct !== null && distinct.every((v) => Number.isInteger(v));
  const zeroOne = distinct !== null && distinct.every((v) => v === 0 || v === 1);
  let kind: TargetKind = 'unknown';
  let classes: number | null = null;
  let freqs: number[] | null = null;
  const colMeans = s.columnMeans ?? null;
  const zeroRows = s.zeroRows ?? 0;
  // Class-major indicators are one-hot labels laid out the other way (found as such, not as multi-label).
  if (columns > 1 && zeroOne && (s.oneHotRows === true || zeroRows > 0 || s.classMajor === true)) {
    kind = 'one-hot';
    classes = columns;
    freqs = colMeans && colMeans.length === columns ? colMeans : null;
  } else if (columns > 1 && zeroOne) {
    kind = 'multi-hot';
    freqs = colMeans && colMeans.length === columns ? colMeans : null;
  } else if (columns === 1 && zeroOne) {
    kind = 'binary';
    classes = 2;
    if (s.mean !== null) freqs = [1 - s.mean, s.mean];
  } else if (columns === 1 && integer && distinct !== null && distinct.length >= 2 && distinct[0]! >= 0) {
    kind = 'classes';
    classes = Math.max(...distinct) + 1;
    const counts = s.distinctCounts ?? null;
    if (counts && counts.length === distinct.length) {
      const total = counts.reduce((a, b) => a + b, 0);
      if (total > 0) freqs = counts.map((c) => c / total);
    }
  } else if (s.count > 0) {
    kind = 'continuous';
  }
  return { kind, summary: s, columns, rows, classes, freqs, integer, zeroRows: kind === 'one-hot' ? zeroRows : 0 };
}

export function isClassification(t: TargetView | null): boolean {
  return t !== null && (t.kind === 'one-hot' || t.kind === 'binary' || t.kind === 'classes' || t.kind === 'multi-hot');
}

/** Data events of one model, by role and slot. */
export class ModelData {
  readonly x = new Map<number, DataEvent>();
  readonly y = new Map<number, DataEvent>();
  /** Inputs and targets of fit's validationData. */
  readonly xVal = new Map<number, DataEvent>();
  readonly yVal = new Map<number, DataEvent>();

  add(e: DataEvent): void {
    this[e.role].set(e.slot, e);
  }

  target(slot: number): TargetView | null {
    // A lone target stands for the first output's; another output's targets may simply not have arrived yet.
    const e = this.y.get(slot) ?? (slot === 0 && this.y.size === 1 ? [...this.y.values()][0] : undefined);
    return e ? targetView(e.summary) : null;
  }

  /** Number of training samples, from the first input. */
  samples(): number | null {
    const e = this.x.get(0);
    const n = e?.summary.shape?.[0];
    return typeof n === 'number' ? n : null;
  }
}
