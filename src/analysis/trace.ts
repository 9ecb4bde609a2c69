/**
 * The trace: versioned, typed events that the probe sends from inside the training process.
 * One module for every reader (CLI, engine, extension, webview). Events are validated when
 * received because they cross a process boundary and may come from a file on disk.
 */
import { z } from 'zod';

export const TRACE_VERSION = 1;

/** A source position: absolute file path, 1-based line and column. */
export const SourceSite = z.object({
  file: z.string().max(4096),
  line: z.number().int().min(1),
  column: z.number().int().min(1),
});
export type SourceSite = z.infer<typeof SourceSite>;

const num = z.number().nullable(); // NaN and ±Infinity are encoded as null plus counts
const shape = z.array(z.number().int().nullable()).max(16).nullable();

export const LayerInfo = z.object({
  index: z.number().int().min(0),
  name: z.string().max(256),
  className: z.string().max(128),
  /** Activation of the layer itself ('linear' when none); for Activation layers, the one it applies. */
  activation: z.string().max(64).nullable(),
  units: z.number().int().nullable(),
  inputShape: shape,
  outputShape: shape,
  params: z.number().int().min(0),
  trainable: z.boolean(),
  /** For a layer that is not trainable: the user's line that froze it (`trainable = false`, or its constructor). */
  frozenSite: SourceSite.nullable().optional(),
  /** Frozen with the values it was built with: no step, setWeights or load ever wrote its weights. */
  frozenUntrained: z.boolean().optional(),
  /** Names of the layers that feed this one (data-flow order). */
  inbound: z.array(z.string().max(256)).max(64),
  /** Names of the layer's weights in the order gradient statistics use. */
  weights: z.array(z.object({ name: z.string().max(256), shape: shape })).max(64),
  /** A few construction options that diagnosis needs (initializers, rate, useBias, ...). */
  config: z.record(z.string(), z.union([z.string().max(256), z.number(), z.boolean(), z.null()])),
  site: SourceSite.nullable(),
});
export type LayerInfo = z.infer<typeof LayerInfo>;

export const OptimizerInfo = z.object({
  className: z.string().max(128),
  learningRate: num,
  /** The rate the optimizer was made with, when the script changed it before this event (a custom loop's setter before its first step). */
  madeWithRate: num.optional(),
  /** The type of a learning rate that is no number (`object`: a config object given where tfjs takes the rate). */
  rateGiven: z.string().max(16).optional(),
  /** Arguments past those its tf.train factory takes, which tfjs drops (`tf.train.sgd(0.01, 0.9)`): the factory and the values. */
  ignoredArgs: z.object({ factory: z.string().max(32), values: z.array(z.union([z.number(), z.boolean(), z.string().max(64)])).max(4) }).optional(),
  settings: z.record(z.string(), z.union([z.string().max(256), z.number(), z.boolean(), z.null()])),
  /** Where the optimizer object was created; null when compile received a name string. */
  site: SourceSite.nullable(),
});
export type OptimizerInfo = z.infer<typeof OptimizerInfo>;

export const Hello = z.object({
  type: z.literal('hello'),
  v: z.number().int(),
  pid: z.number().int(),
  nodeVersion: z.string().max(64),
  argv: z.array(z.string().max(4096)).max(256),
  cwd: z.string().max(4096),
  time: z.number(),
});

export const TfjsLoaded = z.object({
  type: z.literal('tfjs'),
  version: z.string().max(64),
  backend: z.string().max(64).nullable(),
  modulePath: z.string().max(4096),
});

/**
 * A layer applied to a tensor of the model whose output no model uses, while layers of the model
 * take that same tensor: the branch the script built and then bypassed (`const h = relu.apply(z)`
 * followed by `dropout.apply(z)`).
 */
export const UnusedLayer = z.object({
  name: z.string().max(256),
  className: z.string().max(128),
  activation: z.string().max(64).nullable(),
  site: SourceSite.nullable(),
  /** The model's layer whose output it takes ('input' names an input of the model). */
  input: z.string().max(256),
  /** Layers of the model that take that same output instead. */
  takenBy: z.array(z.object({ name: z.string().max(256), site: SourceSite.nullable() })).min(1).max(4),
});
export type UnusedLayer = z.infer<typeof UnusedLayer>;

/**
 * An input of a functional model that no layer of it takes (whatever is fed there is ignored), with
 * the model's layers that take another input some other layer takes too: a branch applied to the
 * wrong input by a copy-paste.
 */
export const UnusedInput = z.object({
  name: z.string().max(256),
  site: SourceSite.nullable(),
  sharedTakers: z.array(z.object({ name: z.string().max(256), site: SourceSite.nullable(), input: z.string().max(256) })).max(8),
});
export type UnusedInput = z.infer<typeof UnusedInput>;

export const ModelEvent = z.object({
  type: z.literal('model'),
  modelId: z.number().int(),
  name: z.string().max(256),
  className: z.string().max(128),
  mode: z.enum(['fit', 'fitDataset', 'custom']),
  layers: z.array(LayerInfo).max(5000),
  site: SourceSite.nullable(),
  compileSite: SourceSite.nullable(),
  fitSite: SourceSite.nullable(),
  loss: z.array(z.string().max(128)).max(16),
  metrics: z.array(z.string().max(128)).max(32),
  optimizer: OptimizerInfo.nullable(),
  fitConfig: z.record(z.string(), z.union([z.string().max(256), z.number(), z.boolean(), z.null()])),
  backend: z.string().max(64).nullable(),
  unusedLayers: z.array(UnusedLayer).max(16).optional(),
  unusedInputs: z.array(UnusedInput).max(16).optional(),
});
export type ModelEvent = z.infer<typeof ModelEvent>;

/** An input column holding exactly the targets in every row compared (targets in one column that vary). */
const copiedColumn = z.number().int().min(0).optional();
/** Optional: rows 2i and 2i + 1 checked for being near copies (an augmented copy after each sample), how many were, and how many of those shared a class. */
const adjacentCopies = z.object({ pairs: z.number().int().min(1), copies: z.number().int().min(0), agreeing: z.number().int().min(0) }).optional();

/** Optional: pairs whose inputs are identical (a row given twice), how many share a target, and the mean squared gap between their targets. */
const sameInputs = z.object({ pairs: z.number().int().min(1), agreeing: z.number().int().min(0), meanSquaredGap: z.number().min(0) }).optional();

/**
 * Positive values that fall into two groups at least half a decade apart on a log scale, each of
 * a tenth of the values or more: per group, its count, range and median, and the spread of its
 * log10 values (interquartile range). The same quantity in two units (metres and kilometres)
 * looks like this: two groups alike in shape, their medians a unit's factor apart.
 */
const ScaleGroup = z.object({ count: z.number().int(), min: z.number(), max: z.number(), median: z.number(), logSpread: z.number() });
export const ScaleGroups = z.object({ lower: ScaleGroup, upper: ScaleGroup });
export type ScaleGroups = z.infer<typeof ScaleGroups>;

/**
 * Values of which a twentieth or more are exactly 0 while every other has one sign and lies far
 * from 0 (the nearest at least a fifth of their median): how many, and the others' range.
 */
export const ZerosApart = z.object({ zeros: z.number().int(), count: z.number().int(), nearest: z.number(), median: z.number(), farthest: z.number() });
export type ZerosApart = z.infer<typeof ZerosApart>;

/**
 * Rows paired with their nearest other row by inputs: how often the pair's classes agree against
 * chance, or how their target values correlate. Targets unrelated to the inputs sit at chance.
 */
export const NeighbourTargets = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('classes'), pairs: z.number().int().min(1), candidates: z.number().int().min(1), agreeing: z.number().int().min(0), chance: z.number().min(0).max(1), correlation: z.number().min(-1).max(1).nullable(), copiedColumn, adjacentCopies, sameInputs }),
  z.object({ kind: z.literal('values'), pairs: z.number().int().min(1), candidates: z.number().int().min(1), correlation: z.number().min(-1).max(1).nullable(), copiedColumn, sameInputs }),
]);
export type NeighbourTargets = z.infer<typeof NeighbourTargets>;

export const TensorSummary = z.object({
  shape: shape,
  dtype: z.string().max(16),
  count: z.number().int(),
  min: num,
  max: num,
  mean: num,
  std: num,
  nanCount: z.number().int(),
  infCount: z.number().int(),
  /** Sorted distinct values when there are at most 32 of them, else null. */
  distinct: z.array(z.number()).max(32).nullable(),
  /** For 2-D targets: whether every row is one-hot (0/1 with a single 1). */
  oneHotRows: z.boolean().nullable(),
  /** Optional, for 2-D targets whose rows are one-hot or all 0: how many are all 0 (else null). */
  zeroRows: z.number().int().min(0).nullable().optional(),
  /** Optional, for 2-D targets whose rows are not one-hot: true when the values read as [columns, rows] are (class-major indicators). */
  classMajor: z.boolean().optional(),
  /** Optional, for 2-D targets in [0, 1]: true when every row adds up to 1 and a tenth or more split it between entries (labels divided by their count). */
  rowShares: z.boolean().optional(),
  /** Optional, for targets: runs of rows with the same class in row order (as many as classes when sorted by class). */
  classRuns: z.number().int().min(0).nullable().optional(),
  /** Optional: those runs in row order (class and row count), when there are at most 64. */
  classRunList: z.array(z.object({ cls: z.number(), rows: z.number().int().min(1) })).max(64).nullable().optional(),
  /** Optional: how often each value of `distinct` occurs (class balance of index labels). */
  distinctCounts: z.array(z.number().int().min(0)).max(32).nullable().optional(),
  /** Optional: for 2-D tensors with at most 1024 columns, the mean of each column (class balance of one-hot labels). */
  columnMeans: z.array(z.number()).max(1024).nullable().optional(),
  /** Optional, for targets: mean squared excess of the values below 0, below -1 and above 1. */
  rangeExcess: z.object({ below0: z.number(), belowMinus1: z.number(), above1: z.number() }).nullable().optional(),
  /** Optional: the index (one number per axis) of the first NaN or Infinity, and how many rows hold one. */
  firstNonFinite: z.array(z.number().int().min(0)).max(16).nullable().optional(),
  nonFiniteRows: z.number().int().min(0).nullable().optional(),
  /** Optional, for inputs: whether every row (first axis) holds the same values. */
  identicalRows: z.boolean().optional(),
  /** Optional, for 2-D inputs: true when every row has mean 0 and variance 1 across its columns. */
  rowsStandardized: z.boolean().optional(),
  /** Optional, for 2-D inputs of up to 1,024 columns: each column's standard deviation. */
  columnSpreads: z.array(z.number()).max(1024).optional(),
  /** Optional, with columnSpreads: each column's mean. */
  columnCentres: z.array(z.number()).max(1024).optional(),
  /** Optional, for sequence inputs: shares of steps that are padding runs (all 0s, or all one other value: `value`) at the end and at the start of their row, and of rows padded at the end. */
  zeroPadding: z.object({ tailSteps: z.number().min(0).max(1), headSteps: z.number().min(0).max(1), tailRows: z.number().min(0).max(1), value: z.number().optional() }).optional(),
  /** Optional, for int32 token ids ([rows, steps]): the most common id other than 0, its share of the ids other than 0, and how many distinct ones there are. */
  commonToken: z.object({ id: z.number(), share: z.number().min(0).max(1), distinct: z.number().int().min(1) }).optional(),
  /** Optional, for 2-D inputs: how many rows at the end are all 0 (a flat array filled at the wrong offset leaves its tail empty). */
  emptyTailRows: z.number().int().min(1).optional(),
  /** Optional, for 2-D inputs: groups of columns identical in every row (at least 10 distinct values), the first of each group first. */
  copiedColumns: z.array(z.array(z.number().int().min(0)).min(2).max(48)).max(8).optional(),
  /** Optional, for fit's targets: how far they depend on the inputs (nearest-neighbour pairs). */
  neighbourTargets: NeighbourTargets.optional(),
  /** Optional, for one column of regression targets: two groups of values far apart on a log scale (see ScaleGroups). */
  scaleGroups: ScaleGroups.optional(),
  /** Optional, for one column of regression targets: a share of exact 0s far from every other value (see ZerosApart). */
  zerosApart: ZerosApart.optional(),
  /** Targets unrelated to their inputs read row by row, but related to them read column by column (a flat array of whole columns given a [rows, columns] shape): that reading's pairs. */
  columnMajorTargets: NeighbourTargets.optional(),
});
export type TensorSummary = z.infer<typeof TensorSummary>;

/** Where a data tensor's values were made, seen by the probe (see src/runner/data-origin.ts). */
export const DataOrigin = z.object({
  site: SourceSite,
  /** Lines that took a mean over each row in its making (tf.moments(x, 1)). */
  rowMeans: z.array(SourceSite).max(4).optional(),
  /** Lines that took one mean over all values in its making (tf.moments(x) with no axis). */
  wholeMeans: z.array(SourceSite).max(4).optional(),
  /** The first cut of rows on the way back (a slice or gather): its line, the rows it kept and the rows of its source. */
  rowCut: z.object({ site: SourceSite, rows: z.number().int().min(0), of: z.number().int().min(1) }).optional(),
  /** Where the rows were made from an array (tf.tensor2d(rows)), when `site` computed them from that tensor (standardized it, say). */
  fromArray: SourceSite.optional(),
  /** The kernel that made the values at `site` (`tensor` for a tensor made from an array). */
  kernel: z.string().max(32).optional(),
  /** When `site` is a selection that dropped part of an axis other than the first (a column, timesteps): the shape it selected from. */
  narrowedFrom: z.array(z.number().int().nullable()).max(8).optional(),
  /** Data holding NaN or Infinity: the first making whose inputs were all finite (where they entered), and its kernel. */
  nonFiniteFrom: z.object({ kernel: z.string().max(32), site: SourceSite, /** Made from an array whose only non-finite values are -Infinity (the log of 0). */ onlyNegativeInfinity: z.literal(true).optional() }).optional(),
});
export type DataOrigin = z.infer<typeof DataOrigin>;

export const DataEvent = z.object({
  type: z.literal('data'),
  modelId: z.number().int(),
  /** 'xVal', 'yVal': the inputs and targets of fit's validationData. */
  role: z.enum(['x', 'y', 'xVal', 'yVal']),
  /** Which input/target, for multi-input models. */
  slot: z.number().int().min(0),
  summary: TensorSummary,
  /** The call that passed the data (the fit call); in custom loops, the first layer call (x) or the first tf.losses call (y). */
  site: SourceSite.nullable(),
  origin: DataOrigin.optional(),
});
export type DataEvent = z.infer<typeof DataEvent>;

export const OutputStats = z.object({
  count: z.number().int(),
  mean: num,
  std: num,
  min: num,
  max: num,
  nanCount: z.number().int(),
  infCount: z.number().int(),
  zeroFrac: num,
  nonPosFrac: num,
  /** Sigmoid/tanh/softmax outputs pinned to their bounds; null for other activations. */
  saturatedFrac: num,
  /** Units (last axis) that are <= 0 for every sample of the batch. */
  deadUnitFrac: num,
  /** Units whose value is the same for every sample of the batch (within 1e-6 of the unit's scale). */
  constantUnitFrac: num,
});
export type OutputStats = z.infer<typeof OutputStats>;

export const WeightStats = z.object({
  name: z.string().max(256),
  mean: num,
  std: num,
  norm: num,
  absMax: num,
  nanCount: z.number().int(),
  infCount: z.number().int(),
});
export type WeightStats = z.infer<typeof WeightStats>;

export const GradStats = z.object({
  name: z.string().max(256),
  norm: num,
  meanAbs: num,
  nanCount: z.number().int(),
  infCount: z.number().int(),
});
export type GradStats = z.infer<typeof GradStats>;

export const LayerDetail = z.object({
  index: z.number().int().min(0),
  out: OutputStats.nullable(),
  weights: z.array(WeightStats).max(64),
  grads: z.array(GradStats).max(64),
});
export type LayerDetail = z.infer<typeof LayerDetail>;

export const IterationEvent = z.object({
  type: z.literal('iter'),
  modelId: z.number().int(),
  /** 0-based count of optimizer steps for this model. */
  iter: z.number().int().min(0),
  epoch: z.number().int().nullable(),
  batch: z.number().int().nullable(),
  loss: num,
  /** True when the loss was NaN or infinite (loss is then null). */
  lossNonFinite: z.boolean(),
  metrics: z.record(z.string().max(64), num),
  learningRate: num,
  /** True when the step's learning rate was NaN or infinite (learningRate is then null). */
  learningRateNonFinite: z.boolean().optional(),
  /** The line that last changed the learning rate after the optimizer was created (absent when none did). */
  learningRateSite: SourceSite.optional(),
  /** Global norm of the gradients applied in this step; null when not finite. */
  gradNorm: num,
  gradNonFinite: z.boolean(),
  /**
   * Writes to any variable (optimizer updates, assign, setWeights) when the step's weights were
   * read; equal counts at two steps mean no update ran between them. Absent when not counted.
   */
  weightWrites: z.number().int().min(0).optional(),
  /** Per-layer details, present on sampled iterations and on the iteration of an anomaly. */
  layers: z.array(LayerDetail).max(5000).optional(),
  elapsedMs: z.number(),
});
export type IterationEvent = z.infer<typeof IterationEvent>;

export const EpochEvent = z.object({
  type: z.literal('epoch'),
  modelId: z.number().int(),
  epoch: z.number().int(),
  logs: z.record(z.string().max(64), num),
  elapsedMs: z.number(),
});
export type EpochEvent = z.infer<typeof EpochEvent>;

export const CrashEvent = z.object({
  type: z.literal('crash'),
  name: z.string().max(256),
  message: z.string().max(8192),
  stack: z.string().max(32768).nullable(),
  site: SourceSite.nullable(),
});
export type CrashEvent = z.infer<typeof CrashEvent>;

export const TrainEndEvent = z.object({
  type: z.literal('trainEnd'),
  modelId: z.number().int(),
  iterations: z.number().int(),
  elapsedMs: z.number(),
});

export const ProbeWarning = z.object({
  type: z.literal('warning'),
  message: z.string().max(4096),
});

/** A learning rate assigned to an optimizer whose steps ignore it (tfjs's SGD keeps a copy made by setLearningRate). */
export const IgnoredSettingEvent = z.object({
  type: z.literal('ignoredSetting'),
  property: z.literal('learningRate'),
  optimizer: z.string().max(128),
  /** The value assigned. */
  value: z.number().nullable(),
  /** The value the steps use. */
  effective: z.number().nullable(),
  site: SourceSite.nullable(),
});

/**
 * A tf.losses function as first called in a training step. For a cross-entropy that applies softmax
 * or sigmoid itself (softmaxCrossEntropy, sigmoidCrossEntropy): whether what it received as logits
 * already looks like probabilities, which applies the activation twice. For a loss whose two
 * tensors play different parts: whether they came in the wrong order.
 */
export const LossCallEvent = z.object({
  type: z.literal('lossCall'),
  modelId: z.number().int(),
  fn: z.string().max(128),
  /** The user's line that called it (a custom loop); null when tfjs-layers called it for fit. */
  site: SourceSite.nullable(),
  /** Every logit lies in [0, 1] (and, for softmax, every row sums to 1). */
  probabilities: z.boolean(),
  /** The predictions argument is all 0s and 1s while the labels argument is not: the two are swapped. */
  swapped: z.boolean().default(false),
  /** Size of the logits' last axis. */
  classes: z.number().int().nullable(),
  /** Labels are all 0 or 1; for them, the fraction of 1s. */
  positiveRate: z.number().nullable(),
  labelSmoothing: z.number(),
  /** tf.Reduction given to the call; null for the default (mean over samples). */
  reduction: z.number().nullable(),
  /** huberLoss: its delta (1 when not given), and the mean absolute error of this first call. */
  huber: z.object({ delta: z.number(), meanError: z.number() }).nullable().optional(),
  /**
   * The call's per-row weights keep only rows whose targets all have one value, while the rows they
   * leave out have several (a mask of rows with a target, the wrong way round); where the weights were made.
   */
  weightedRows: z.object({ rows: z.number().int(), weighted: z.number().int(), value: z.number().nullable(), site: SourceSite.nullable() }).optional(),
  /** The weights argument is the number 0 (tf.Reduction.NONE given where the weights go): every row weighs nothing. */
  zeroWeights: z.literal(true).optional(),
  /** The predictions came out of another traced model's layers than the step's own (a VAE's decoder in the encoder's step): the loss is not this model's. */
  otherModel: z.literal(true).optional(),
  /** A softmax cross-entropy's logits came straight out of tf.clipByValue to this narrow range, at this line. */
  logitsClipped: z.object({ low: z.number(), high: z.number(), site: SourceSite }).optional(),
});
export type LossCallEvent = z.infer<typeof LossCallEvent>;

/**
 * A tf.oneHot call given indices outside [0, depth): each of those becomes a row of all 0s. Sent
 * once per inspected call (the first few calls of a run), whether or not a model exists yet.
 */
export const OneHotEvent = z.object({
  type: z.literal('oneHot'),
  site: SourceSite.nullable(),
  depth: z.number().int().min(1),
  min: z.number().nullable(),
  max: z.number().nullable(),
  /** How many indices lie outside [0, depth). */
  outOfRange: z.number().int().min(1),
  count: z.number().int().min(1),
});
export type OneHotEvent = z.infer<typeof OneHotEvent>;

/**
 * In a training step, a difference between a [n, 1] tensor and a [n] one: it broadcasts to [n, n].
 * Reported once per model, from its first steps.
 */
export const BroadcastEvent = z.object({
  type: z.literal('broadcast'),
  modelId: z.number().int(),
  /** The user's line that computed it. */
  site: SourceSite.nullable(),
  /** The tfjs op: 'sub' or 'squaredDifference'. */
  op: z.string().max(64),
  /** Shapes of its first and second operands. */
  shapes: z.array(z.array(z.number().int()).max(8)).length(2),
  /** Which operand is the [n] vector (with kind 'acrossOutputs': the [n, 1] column). */
  vector: z.enum(['a', 'b']),
  /**
   * 'vector': a [n] vector against a [n, 1] column, broadcast to [n, n]; 'acrossOutputs': the
   * model's [n, K] output against a [n, 1] column not computed from it.
   */
  kind: z.enum(['vector', 'acrossOutputs']).optional(),
});
export type BroadcastEvent = z.infer<typeof BroadcastEvent>;

/**
 * fit started with a model whose weights marked trainable are not those compile collected: a
 * `trainable` changed after compile, which fit ignores until compile runs again. Once per model.
 */
export const StaleTrainableEvent = z.object({
  type: z.literal('staleTrainable'),
  modelId: z.number().int(),
  /** The last `trainable = ...` assignment before fit. */
  site: SourceSite.nullable(),
  /** Weights compile collected for training, and weights marked trainable now. */
  compiled: z.number().int().min(0),
  trainable: z.number().int().min(0),
});
export type StaleTrainableEvent = z.infer<typeof StaleTrainableEvent>;

/**
 * A custom loop's hand-written update that moves the variables along their gradients (w + lr·g):
 * it climbs the loss. Measured on the first steps' writes to variables whose gradients the step
 * computed; sent once per model when every measured write of three steps went uphill.
 */
export const GradientAscentEvent = z.object({
  type: z.literal('gradientAscent'),
  modelId: z.number().int(),
  /** The user's line that wrote the variables. */
  site: SourceSite.nullable(),
  /** Writes measured, and the least cosine between a write's change and its gradient. */
  writes: z.number().int().min(1),
  minCosine: z.number(),
  /**
   * Not a step from the weights but the step itself: each write's new value is a multiple of the
   * gradient, along it (`v.assign(g.mul(lr))`); minCosine is then the least cosine between the new
   * values and their gradients.
   */
  replaced: z.literal(1).optional(),
});
export type GradientAscentEvent = z.infer<typeof GradientAscentEvent>;

/**
 * A custom loop whose weights are written by the script's own update (variable.assign after the
 * gradients), measured over its first steps: the line that writes, and the largest change a write
 * made relative to the variable's size (norm of the change / norm of the weights). Sent once per model.
 */
export const HandWrittenUpdateEvent = z.object({
  type: z.literal('handWrittenUpdate'),
  modelId: z.number().int(),
  site: SourceSite.nullable(),
  largestStep: z.number().min(0),
});
export type HandWrittenUpdateEvent = z.infer<typeof HandWrittenUpdateEvent>;

/**
 * model.setWeights called on the model fit is training, from a callback between its steps: the
 * weights the steps made are replaced. Sent for the first calls of each model.
 */
export const WeightsSetEvent = z.object({
  type: z.literal('weightsSet'),
  modelId: z.number().int(),
  site: SourceSite.nullable(),
  epoch: z.number().int().min(0),
  /** Steps taken before the call. */
  iter: z.number().int().min(0),
  /** The weights set are the ones fit started from (compared by the first weight's values); null when unknown. */
  restoresStart: z.boolean().nullable(),
  /** Optional: the weights set are the ones getWeights returned at the end of this epoch (0-based), as copies. */
  restoresEpoch: z.number().int().min(0).optional(),
});
export type WeightsSetEvent = z.infer<typeof WeightsSetEvent>;

/**
 * A custom loop's trained weights written outside the optimizer between its steps, after several
 * steps in a row (an average written back into them, saved weights restored): what each step
 * learned is replaced. Sent once per model, with the line of the first write.
 */
export const WeightsOverwrittenEvent = z.object({
  type: z.literal('weightsOverwritten'),
  modelId: z.number().int(),
  site: SourceSite.nullable(),
  /** Steps in a row after which the weights were written. */
  steps: z.number().int().min(1),
  /** How many of the model's trained weight tensors were written. */
  variables: z.number().int().min(1),
  /** Optional: the first write multiplied every value by this one number (a weight decay, `v.read().mul(0.5)`). */
  factor: z.number().optional(),
  /** Optional: the first write was made by tf.clipByValue with bounds ±clipBound (weights clipped after each step). */
  clipBound: z.number().optional(),
});
export type WeightsOverwrittenEvent = z.infer<typeof WeightsOverwrittenEvent>;

/**
 * In a custom loop's first steps, a [rows, 1] column multiplied into the log of [rows, classes]
 * predictions: class indices given to a categorical cross-entropy, which tfjs broadcasts without
 * complaint. Reported once per model.
 */
export const ColumnTargetsEvent = z.object({
  type: z.literal('columnTargets'),
  modelId: z.number().int(),
  /** The user's line that computed the loss. */
  site: SourceSite.nullable(),
  rows: z.number().int().min(1),
  classes: z.number().int().min(2),
  /** Where the targets' values were made, when the probe saw it. */
  madeAt: SourceSite.optional(),
});
export type ColumnTargetsEvent = z.infer<typeof ColumnTargetsEvent>;

/**
 * In a custom loop's first steps, a reduction (max, sum, min) with kept dimensions over the first
 * axis of a [batch, classes] tensor: a softmax or log-softmax taken over the rows of the batch
 * instead of over each row's classes. Reported once per model.
 */
export const BatchAxisEvent = z.object({
  type: z.literal('batchAxis'),
  modelId: z.number().int(),
  /** The user's line that computed it. */
  site: SourceSite.nullable(),
  /** The tfjs kernel: 'Max', 'Sum' or 'Min'. */
  kernel: z.string().max(64),
  /** [batch, classes], or a sequence model's [batch, steps, classes]. */
  shape: z.array(z.number().int()).min(2).max(3),
  /** Optional: the axis reduced, when it is not 0 (1: the steps of a sequence). */
  axis: z.number().int().optional(),
  /** Optional: a sum of a layer output's squares, a vector norm taken over the batch. */
  norm: z.literal(true).optional(),
  /** Optional: attention scores [rows, queries, keys] from a matrix product, normalized over the queries (axis 1). */
  attention: z.literal(true).optional(),
});
export type BatchAxisEvent = z.infer<typeof BatchAxisEvent>;

/**
 * The classes of the batches fitDataset took in its first epoch, in order (up to a few hundred
 * batches): how many held rows of one class only, and how often the batches' main class changed.
 * Sent once per model, when the first epoch ends or enough batches have been seen.
 */
export const BatchClassesEvent = z.object({
  type: z.literal('batchClasses'),
  modelId: z.number().int(),
  batches: z.number().int().min(1),
  /** Batches whose rows all belong to one class. */
  singleClass: z.number().int().min(0),
  /** Distinct classes among those one-class batches. */
  singleClassKinds: z.number().int().min(0),
  /** Distinct classes over all the rows seen. */
  classes: z.number().int().min(0),
  /** Stretches of consecutive batches with the same main class. */
  runs: z.number().int().min(0),
  /** Rows in the largest batch seen. */
  batchRows: z.number().int().min(0),
  /** Columns of a custom loop's one-hot labels. */
  labelColumns: z.number().int().min(1).optional(),
  /** The user's `.batch(...)` call that made the dataset, and how many rows it batched (null when unknown). */
  batchSite: SourceSite.nullable().optional(),
  rows: z.number().int().min(1).nullable().optional(),
  /** The `.shuffle(buffer)` call before that batch, and its buffer size. */
  shuffleSite: SourceSite.optional(),
  shuffleBuffer: z.number().int().min(1).optional(),
  /** A `.shuffle()` after that batch: it reorders whole batches, not rows. */
  shuffleAfterBatchSite: SourceSite.optional(),
});
export type BatchClassesEvent = z.infer<typeof BatchClassesEvent>;

/**
 * Tensors a training loop leaves undisposed: the count of live tensors grew at every one of the
 * last steps (within an epoch for fit), and the tensors created during one whole step that were
 * still alive a step later are grouped by the user's line that created them. Sent once per model.
 */
export const TensorLeakEvent = z.object({
  type: z.literal('tensorLeak'),
  /**
   * What leaks: every optimizer step (absent), every epoch through fit's callbacks ('epoch': the
   * step counts and sizes below are then per epoch), or once every `everySteps` steps of a custom
   * loop ('steps': sizes per such period; `steps` counts the rises seen), or between one model's
   * fit calls ('fit': sizes per call).
   */
  period: z.enum(['step', 'epoch', 'steps', 'fit']).optional(),
  everySteps: z.number().int().min(2).optional(),
  modelId: z.number().int(),
  /** The optimizer step at which the leak was established. */
  iter: z.number().int().min(0),
  /** Consecutive step-to-step comparisons that all grew. */
  steps: z.number().int().min(1),
  /** Median growth per step, in tensors and bytes. */
  tensorsPerStep: z.number().min(0),
  bytesPerStep: z.number().min(0),
  /** Live tensors and bytes when the leak was established. */
  liveTensors: z.number().int().min(0),
  liveBytes: z.number().min(0),
  /** The survivors of one step by creating line, most first (empty when the creation could not be watched). */
  sites: z
    .array(
      z.object({
        site: SourceSite.nullable(),
        tensors: z.number().int().min(1),
        bytes: z.number().min(0),
        shape: z.array(z.number().int().nullable()).max(16),
        dtype: z.string().max(32),
      }),
    )
    .max(16),
  /** Where the step was taken (the minimize or fit call). */
  stepSite: SourceSite.nullable(),
  elapsedMs: z.number(),
});
export type TensorLeakEvent = z.infer<typeof TensorLeakEvent>;

/**
 * What a custom loop hands applyGradients, against what its steps computed: updates a hundredth of
 * the gradient or less in every step measured ('shrunk': clipped to nothing), or updates that keep
 * growing while the gradients do not ('grown': gradients summed and never reset). Sent once of each.
 */
export const GradientsAlteredEvent = z.object({
  type: z.literal('gradientsAltered'),
  modelId: z.number().int(),
  iter: z.number().int().min(0),
  kind: z.enum(['shrunk', 'grown', 'noised', 'summed', 'inverted']),
  /** Norm of the applied gradients over the norm of the step's computed ones, at each measured apply. */
  ratios: z.array(z.number()).max(16),
  /** 'summed': the gradient computations (variableGrads) between two applies. */
  computations: z.number().int().optional(),
  /** 'inverted': the computed gradients' norm at the first measured applies (each ratio is that norm over one limit). */
  norms: z.array(z.number()).max(16).optional(),
  /** 'noised': the cosine between the applied and the computed gradients at the first measured applies. */
  cosines: z.array(z.number()).max(16).optional(),
  /** The user's applyGradients call. */
  applySite: SourceSite.nullable(),
  /** The kernel that made the applied gradients and its line (a clip with its bounds). */
  madeBy: z.object({ kernel: z.string().max(64), site: SourceSite, bounds: z.tuple([z.number(), z.number()]).optional() }).nullable(),
  /** The optimizer scales its steps by the gradients' own size (Adam, RMSProp, ...). */
  adaptive: z.boolean(),
  elapsedMs: z.number(),
});
export type GradientsAlteredEvent = z.infer<typeof GradientsAlteredEvent>;

/**
 * A custom loop that clips its computed gradients (clipByValue) and then applies the unclipped ones,
 * at several applies in a row: the clip does nothing. Sent once per model.
 */
export const ClipsUnusedEvent = z.object({
  type: z.literal('clipsUnused'),
  modelId: z.number().int(),
  /** The user's applyGradients call. */
  applySite: SourceSite.nullable(),
  /** The first clip of the gradients. */
  clipSite: SourceSite.nullable(),
  steps: z.number().int().min(1),
});
export type ClipsUnusedEvent = z.infer<typeof ClipsUnusedEvent>;

/**
 * A custom loop that builds a new optimizer at every step, from the same line: each one starts
 * with fresh state (Adam's moments, momentum) and keeps tensors nobody frees. Sent once per model.
 */
export const OptimizerRecreatedEvent = z.object({
  type: z.literal('optimizerRecreated'),
  modelId: z.number().int(),
  /** The step at which it was seen for the last of `steps` steps running. */
  iter: z.number().int().min(0),
  steps: z.number().int().min(2),
  className: z.string().max(128),
  /** The line that creates the optimizers. */
  site: SourceSite,
  elapsedMs: z.number(),
});
export type OptimizerRecreatedEvent = z.infer<typeof OptimizerRecreatedEvent>;

/**
 * A custom loop that moved on, twice, to training a new model built by the same lines as the one
 * before it (a model built inside the epoch loop): each starts from fresh weights, and what the
 * previous one learned is dropped. Sent once, at the second time.
 */
export const ModelRebuiltEvent = z.object({
  type: z.literal('modelRebuilt'),
  /** The new model. */
  modelId: z.number().int(),
  previousId: z.number().int(),
  /** Steps the previous model was trained before it was dropped. */
  previousSteps: z.number().int().min(0),
  times: z.number().int().min(1),
  /** Where the models are built: the user's frames, innermost first. */
  sites: z.array(SourceSite).min(1).max(4),
  /** Raw tf.variables made anew for each step (no layers model): `sites` are where the first was made. */
  variables: z.boolean().optional(),
  elapsedMs: z.number(),
});
export type ModelRebuiltEvent = z.infer<typeof ModelRebuiltEvent>;

/**
 * Inputs and targets shuffled each in its own order: two arrays given to tf.util.shuffle with
 * different random draws, from which the model's first input rows and target rows were read at
 * the same offset. Sent once per model, when its training data is first seen.
 */
export const ShuffledApartEvent = z.object({
  type: z.literal('shuffledApart'),
  modelId: z.number().int(),
  /** The tf.util.shuffle calls that shuffled the inputs and the targets. */
  inputs: SourceSite.nullable(),
  targets: SourceSite.nullable(),
  /** The inputs' shuffle ran before the targets'. */
  inputsFirst: z.boolean(),
  /** Length of the shuffled arrays. */
  rows: z.number().int().min(1),
  /** The installed tfjs has tf.util.shuffleCombo (shuffles two arrays in one order). */
  combo: z.boolean(),
  /**
   * Two datasets, each shuffled on its own (inputs and targets are then those shuffles' lines),
   * zipped here into the pairs fitDataset trains on; rows is then unknown (1).
   */
  zip: SourceSite.nullable().optional(),
});
export type ShuffledApartEvent = z.infer<typeof ShuffledApartEvent>;

/**
 * One line that ran tf.util.shuffle once per sample (`samples.forEach((s) => tf.util.shuffle(s.steps))`),
 * the first array it shuffled being, value for value, one of the model's first input rows: each
 * sample's own timesteps or features were put out of order. Sent once per model.
 */
export const ShuffledInsideSamplesEvent = z.object({
  type: z.literal('shuffledInsideSamples'),
  modelId: z.number().int(),
  site: SourceSite,
  /** Calls of that line before training began. */
  calls: z.number().int().min(1),
  /** Length of each shuffled array: a sample's timesteps, or its features. */
  length: z.number().int().min(1),
});
export type ShuffledInsideSamplesEvent = z.infer<typeof ShuffledInsideSamplesEvent>;

/**
 * A loss whose every path back to the model's layer outputs, in each of the model's first steps,
 * passes a kernel that passes no gradient (round, floor, sign, a comparison, argMax; a clip with
 * all of its input outside the bounds): the weights get no gradient from it. Sent once per model.
 */
export const GradientBlockedEvent = z.object({
  type: z.literal('gradientBlocked'),
  modelId: z.number().int(),
  /** The first such kernel on the way back from the loss. */
  kernel: z.string().max(64),
  site: SourceSite.nullable(),
  /** A clip's bounds. */
  bounds: z.tuple([z.number(), z.number()]).optional(),
  steps: z.number().int().min(1),
});
export type GradientBlockedEvent = z.infer<typeof GradientBlockedEvent>;

/**
 * A loss whose every path back to the model's outputs, in each of the model's first steps, starts
 * with the outputs multiplied or divided by a number given as is (`logits.div(T)`): the loss sees the
 * model's outputs scaled, and its gradients scaled with them. Sent once per model.
 */
export const OutputScaledEvent = z.object({
  type: z.literal('outputScaled'),
  modelId: z.number().int(),
  /** RealDiv or Multiply. */
  kernel: z.string().max(64),
  /** What the outputs are multiplied by (1/20 for `.div(20)`). */
  factor: z.number().positive(),
  site: SourceSite.nullable(),
  steps: z.number().int().min(1),
});
export type OutputScaledEvent = z.infer<typeof OutputScaledEvent>;

/**
 * A custom loop over raw tf.variables some of which the loss reaches, in each of the first steps,
 * only through a kernel that passes no gradient (a hidden layer's `tf.step` or `tf.sign`): those
 * variables never move, while the ones past the kernel train. Sent once per model.
 */
export const VariablesBlockedEvent = z.object({
  type: z.literal('variablesBlocked'),
  modelId: z.number().int(),
  /** The first such kernel on the way back from the loss. */
  kernel: z.string().max(64),
  site: SourceSite.nullable(),
  /** The variables cut off (their names). */
  variables: z.array(z.string().max(256)).min(1).max(32),
  /** How many variables the loss reaches freely. */
  trained: z.number().int().min(0),
  steps: z.number().int().min(1),
});
export type VariablesBlockedEvent = z.infer<typeof VariablesBlockedEvent>;

/**
 * Trainable variables a model's first fit step computed with that are none of the model's weights
 * (a custom layer's `tf.variable` made in build() instead of with addWeight): fit never updates
 * them. Sent once per model, with where the first was made.
 */
export const UntrackedVariablesEvent = z.object({
  type: z.literal('untrackedVariables'),
  modelId: z.number().int(),
  variables: z.array(z.string().max(256)).min(1).max(32),
  site: SourceSite.nullable(),
});
export type UntrackedVariablesEvent = z.infer<typeof UntrackedVariablesEvent>;

/**
 * A custom loop over raw tf.variables whose kernels (rank 2 or more) were drawn far too wide for
 * their fan-in (`tf.randomNormal(shape)`, whose deviation is 1): read once, at the first step.
 */
export const VariablesInitWideEvent = z.object({
  type: z.literal('variablesInitWide'),
  modelId: z.number().int(),
  /** The user's line that made the widest of them. */
  site: SourceSite.nullable(),
  /** The kernels, and those drawn wide: root mean square × √fan-in of 4 or more (He's is √2). */
  kernels: z.number().int().min(1),
  wide: z.array(z.object({ std: z.number(), mean: z.number().optional(), fanIn: z.number().int().min(1), shape: z.array(z.number().int()).max(8) })).max(8),
});
export type VariablesInitWideEvent = z.infer<typeof VariablesInitWideEvent>;

/**
 * A custom loop's kernel of raw tf.variables that feeds another kernel (its units are the next
 * one's fan-in) and holds one value in every place at the first step: every hidden unit computes the
 * same function, gets the same gradient, and stays a copy of the others. Read once, at the first step.
 */
export const VariablesConstantEvent = z.object({
  type: z.literal('variablesConstant'),
  modelId: z.number().int(),
  /** The user's line that made the first such kernel. */
  site: SourceSite.nullable(),
  kernels: z.number().int().min(1),
  constant: z.array(z.object({ value: z.number(), shape: z.array(z.number().int()).max(8) })).min(1).max(8),
});
export type VariablesConstantEvent = z.infer<typeof VariablesConstantEvent>;

/**
 * An array of names holding numbers (`img_1.png` … `img_120.png`) sorted with sort() and no
 * comparator: it compares text, so `img_10` comes before `img_2`, and the order differs from the
 * numbers'. Sent per such call (the first few of a run).
 */
export const SortedAsTextEvent = z.object({
  type: z.literal('sortedAsText'),
  site: SourceSite,
  /** The array's length, and how many of its places differ from the order by number. */
  count: z.number().int().min(1),
  moved: z.number().int().min(1),
  /** The first two names the text order puts before a smaller number (`img_10`, `img_2`). */
  example: z.tuple([z.string().max(64), z.string().max(64)]),
});
export type SortedAsTextEvent = z.infer<typeof SortedAsTextEvent>;

/**
 * An array sorted with a comparator that returned a boolean (`(a, b) => a.t > b.t`) at every call:
 * sort reads true as 1 and false as 0, never "less", so the array is left partly or wholly in its
 * old order. Sent per such call that left neighbours out of the comparator's order (the first few of a run).
 */
export const SortedByBooleanEvent = z.object({
  type: z.literal('sortedByBoolean'),
  site: SourceSite,
  /** The array's length, and how many neighbouring pairs the comparator still puts the other way round. */
  count: z.number().int().min(1),
  outOfOrder: z.number().int().min(1),
  /**
   * The comparator takes no arguments (it draws a random number: a shuffle written as a sort; then
   * outOfOrder counts its true answers during the sort), and how many elements the sort moved from
   * where they were (null: not counted).
   */
  random: z.boolean().optional(),
  moved: z.number().int().min(0).nullable().optional(),
});
export type SortedByBooleanEvent = z.infer<typeof SortedByBooleanEvent>;

/**
 * Lines of text split on a separator they never hold while they hold another one several times
 * (`line.split(',')` on tab-separated lines): each line stays one field, and numbers parsed from it
 * are NaN. Sent once per run, after enough such lines, with the split's line.
 */
export const SplitMissesSeparatorEvent = z.object({
  type: z.literal('splitMissesSeparator'),
  site: SourceSite,
  /** The separator given, and the one the lines hold instead. */
  separator: z.string().max(4),
  holds: z.string().max(4),
  lines: z.number().int().min(1),
});
export type SplitMissesSeparatorEvent = z.infer<typeof SplitMissesSeparatorEvent>;

/**
 * Text split on a pattern that matches the words themselves (`text.split(/\w+/)`, meant `/\W+/`): the
 * pieces are what lies between the words, spaces and punctuation. Sent once per run, after a few texts.
 */
export const SplitOnWordsEvent = z.object({
  type: z.literal('splitOnWords'),
  site: SourceSite,
  pattern: z.string().max(80),
  texts: z.number().int().min(1),
  /** The start of one text split so. */
  example: z.string().max(40),
});
export type SplitOnWordsEvent = z.infer<typeof SplitOnWordsEvent>;

/**
 * parseFloat or parseInt given numbers written with a comma (`"2,150"`, `"0,73"`): they stop at the
 * comma, so 2,150 becomes 2 and 0,73 becomes 0. `thousands` when every such text groups its digits by
 * three (a thousands separator), else `decimal` (a decimal comma). Sent once per run, after a few.
 */
export const ParsedToCommaEvent = z.object({
  type: z.literal('parsedToComma'),
  site: SourceSite,
  fn: z.enum(['parseFloat', 'parseInt']),
  kind: z.enum(['thousands', 'decimal']),
  count: z.number().int().min(1),
  /** One text it was given, and what it returned. */
  example: z.string().max(40),
  value: z.number(),
});
export type ParsedToCommaEvent = z.infer<typeof ParsedToCommaEvent>;

/**
 * parseInt without a radix given hexadecimal ids ('9c4e', 'a3f1'): it reads the decimal digits up
 * to the first letter, or returns NaN, so distinct ids collapse onto a few numbers. Sent once per
 * run, after a few distinct texts.
 */
export const ParsedHexAsDecimalEvent = z.object({
  type: z.literal('parsedHexAsDecimal'),
  site: SourceSite,
  /** Distinct hex texts parsed. */
  count: z.number().int().min(1),
  example: z.string().max(16),
  value: z.number().nullable(),
});
export type ParsedHexAsDecimalEvent = z.infer<typeof ParsedHexAsDecimalEvent>;

/**
 * A custom loop that runs a model (without dropout) twice per step on inputs holding the same
 * values, in every one of its first steps: two views of a batch that are one. Where the second ran.
 */
export const ViewsIdenticalEvent = z.object({
  type: z.literal('viewsIdentical'),
  modelId: z.number().int(),
  steps: z.number().int(),
  site: SourceSite.nullable(),
});
export type ViewsIdenticalEvent = z.infer<typeof ViewsIdenticalEvent>;

/**
 * A custom loop whose two optimizers step disjoint variables: the one with the larger rate (ten
 * times or more) steps only variables an earlier fit trained, the other only variables no fit has.
 * Where each steps them.
 */
export const RateGroupsSwappedEvent = z.object({
  type: z.literal('rateGroupsSwapped'),
  modelId: z.number().int(),
  pretrainedRate: z.number(),
  freshRate: z.number(),
  pretrainedSite: SourceSite.nullable(),
  freshSite: SourceSite.nullable(),
});
export type RateGroupsSwappedEvent = z.infer<typeof RateGroupsSwappedEvent>;

/**
 * A custom loop's optimizer whose steps name no variables, so they update every variable their
 * gradients reach, among them most of those another optimizer's steps name as their own (a GAN's
 * generator step that also moves the discriminator). Where each steps them, and how many variables
 * the two share and the unnamed step has to itself.
 */
export const VarListMissingEvent = z.object({
  type: z.literal('varListMissing'),
  modelId: z.number().int(),
  site: SourceSite.nullable(),
  namedSite: SourceSite.nullable(),
  shared: z.number().int(),
  own: z.number().int(),
});
export type VarListMissingEvent = z.infer<typeof VarListMissingEvent>;

/** The sum over their features of one layer output minus another: a signed sum taken for a pair's distance. Where it was summed. */
export const SignedDistanceEvent = z.object({
  type: z.literal('signedDistance'),
  modelId: z.number().int(),
  width: z.number().int(),
  site: SourceSite.nullable(),
});
export type SignedDistanceEvent = z.infer<typeof SignedDistanceEvent>;

/**
 * A training step that shifts a model's [n, K] output by its one maximum over the whole batch
 * (`logits.sub(tf.max(logits))`), meant as a softmax's per-row stability shift: rows far below the
 * batch's maximum underflow to all-zero exps. Where the shift is written.
 */
export const ShiftByBatchMaxEvent = z.object({
  type: z.literal('shiftByBatchMax'),
  modelId: z.number().int(),
  site: SourceSite.nullable(),
});
export type ShiftByBatchMaxEvent = z.infer<typeof ShiftByBatchMaxEvent>;

/**
 * A trainable scalar variable a training step divides by (a learned temperature), positive when
 * training began and at or below 0 after a step: the division flips the sign of what it scales, or
 * blows it up. Where the variable was made, its first value and the value it reached.
 */
export const DivisorCrossedZeroEvent = z.object({
  type: z.literal('divisorCrossedZero'),
  modelId: z.number().int(),
  site: SourceSite.nullable(),
  start: z.number(),
  value: z.number(),
  iter: z.number().int(),
});
export type DivisorCrossedZeroEvent = z.infer<typeof DivisorCrossedZeroEvent>;

/**
 * A custom loop's model fed, at its first step, the predictions of another model none of whose
 * weights was ever written (not trained, not loaded, not set), and that model still untouched after
 * many more steps: the inputs the loop learns from are a random projection. Where the predictions
 * were made.
 */
export const FedByUntrainedEvent = z.object({
  type: z.literal('fedByUntrained'),
  modelId: z.number().int(),
  site: SourceSite.nullable(),
  steps: z.number().int(),
});
export type FedByUntrainedEvent = z.infer<typeof FedByUntrainedEvent>;

/**
 * A one-hot of the row-wise argMax of a model's output multiplied into a tensor computed from that
 * same output: the loss takes the class the model already prefers for its target. Where the
 * one-hot was made.
 */
export const ArgmaxTargetEvent = z.object({
  type: z.literal('argmaxTarget'),
  modelId: z.number().int(),
  site: SourceSite.nullable(),
});
export type ArgmaxTargetEvent = z.infer<typeof ArgmaxTargetEvent>;

/**
 * A pinball loss, max(τ·e, (τ − 1)·e), whose residual is the model's output minus the target:
 * it learns the (1 − τ) quantile. Where the residual was computed.
 */
export const PinballFlippedEvent = z.object({
  type: z.literal('pinballFlipped'),
  modelId: z.number().int(),
  tau: z.number(),
  site: SourceSite.nullable(),
  /** τ is a whole number above 1 (a percentage): the site is the loss's, not the residual's. */
  percent: z.literal(true).optional(),
});
export type PinballFlippedEvent = z.infer<typeof PinballFlippedEvent>;

/**
 * A softmax given cosine similarities (a matrix product of two sets of unit vectors) as they are:
 * logits in [-1, 1]. Where the softmax was taken, and over how many classes.
 */
export const CosineLogitsEvent = z.object({
  type: z.literal('cosineLogits'),
  modelId: z.number().int(),
  classes: z.number().int().min(2),
  site: SourceSite.nullable(),
});
export type CosineLogitsEvent = z.infer<typeof CosineLogitsEvent>;

/**
 * A custom loop's batches gathered, over its first steps, only from rows below one batch's count of
 * a tensor many times larger: the index draw is bounded by the batch size. Where the batch was
 * gathered, and where its index tensor was made from an array.
 */
export const DrawsWithinBatchEvent = z.object({
  type: z.literal('drawsWithinBatch'),
  modelId: z.number().int(),
  rows: z.number().int().min(1),
  /** One past the highest row index drawn. */
  reached: z.number().int().min(1),
  batchRows: z.number().int().min(1),
  steps: z.number().int().min(1),
  site: SourceSite.nullable(),
  indicesSite: SourceSite.nullable(),
  /** Where the array of indices is declared, as the engine read it from the source. */
  declaredAt: SourceSite.nullable().optional(),
});
export type DrawsWithinBatchEvent = z.infer<typeof DrawsWithinBatchEvent>;

/**
 * tf.dropout, or a noise draw, called with the same seed at several optimizer steps: it draws the
 * same mask (the same noise) each time. Sent once per run and kind.
 */
export const DropoutSeedFixedEvent = z.object({
  type: z.literal('dropoutSeedFixed'),
  site: SourceSite,
  seed: z.string().max(32),
  steps: z.number().int().min(1),
  /** Optional: the model stepping when the seed was first seen, which the finding is about. */
  modelId: z.number().int().optional(),
  /** Optional: a noise draw given the seed (randomNormal, randomUniform, truncatedNormal); absent for tf.dropout. */
  fn: z.enum(['randomNormal', 'randomUniform', 'truncatedNormal']).optional(),
});
export type DropoutSeedFixedEvent = z.infer<typeof DropoutSeedFixedEvent>;

/**
 * A later fit call of a model whose every fit call so far was given targets of one class: the class
 * of this call's (the first call's are in its data event). Sent for the first few calls.
 */
export const FitOneClassEvent = z.object({
  type: z.literal('fitOneClass'),
  modelId: z.number().int(),
  /** Which fit call of the model, from 1. */
  call: z.number().int().min(2),
  cls: z.number().int().min(0),
});
export type FitOneClassEvent = z.infer<typeof FitOneClassEvent>;

/**
 * A later fit call of a model whose earlier fit calls were all given targets of one class, now given
 * others too (a curriculum or a growing pool): the classes this call holds. Sent once per model.
 */
export const FitClassesAddedEvent = z.object({
  type: z.literal('fitClassesAdded'),
  modelId: z.number().int(),
  call: z.number().int().min(2),
  classes: z.array(z.number().int().min(0)).max(256),
});
export type FitClassesAddedEvent = z.infer<typeof FitClassesAddedEvent>;

/**
 * parseFloat or parseInt given numbers written behind a currency sign ('$17.50'): they return NaN
 * when the text starts with something that is not part of a number. Sent once per run, after a few.
 */
export const ParsedBehindSymbolEvent = z.object({
  type: z.literal('parsedBehindSymbol'),
  site: SourceSite,
  fn: z.enum(['parseFloat', 'parseInt']),
  symbol: z.string().max(4),
  count: z.number().int().min(1),
  example: z.string().max(40),
});
export type ParsedBehindSymbolEvent = z.infer<typeof ParsedBehindSymbolEvent>;

/**
 * A global regular expression for numbers with no minus sign in it (`/\d+(\.\d+)?/g`) matched
 * against text whose numbers are signed: "-3.25" yields "3.25". Sent once per run, after a few.
 */
export const SignDroppedEvent = z.object({
  type: z.literal('signDropped'),
  site: SourceSite,
  /** The regular expression, as written. */
  pattern: z.string().max(80),
  count: z.number().int().min(1),
  /** One signed number in the text, and what the match kept of it. */
  example: z.string().max(40),
  kept: z.string().max(40),
});
export type SignDroppedEvent = z.infer<typeof SignDroppedEvent>;

/**
 * Calendar fields read, outside training, from dates 11 to 115 days after 1 January 1970: Unix
 * times in seconds given to new Date, which takes milliseconds. Sent once per run, after a few
 * dozen reads, with the line of the read that completed them.
 */
export const DatesFromSecondsEvent = z.object({
  type: z.literal('datesFromSeconds'),
  site: SourceSite,
  reads: z.number().int().min(1),
  /** The first such date's time value, in milliseconds. */
  example: z.number(),
});
export type DatesFromSecondsEvent = z.infer<typeof DatesFromSecondsEvent>;

/**
 * tf.image.rotateWithOffset given an angle beyond a whole turn (2π): it takes radians, and angles
 * drawn up to 15 or 30 are degrees (Keras's and PIL's unit). Sent once per run, with the largest angle.
 */
export const RotatedByDegreesEvent = z.object({
  type: z.literal('rotatedByDegrees'),
  site: SourceSite,
  /** The largest |angle| seen, in the radians the call takes. */
  largest: z.number(),
  calls: z.number().int().min(1),
});
export type RotatedByDegreesEvent = z.infer<typeof RotatedByDegreesEvent>;

/**
 * Text that begins with a byte-order mark (U+FEFF, as spreadsheet exports write it) split by the
 * script: its first field keeps the mark, so a header name read from it ("\uFEFFage") never equals
 * the name the script looks up ("age"). Sent once per run.
 */
export const SplitWithByteOrderMarkEvent = z.object({
  type: z.literal('splitWithByteOrderMark'),
  site: SourceSite,
  /** The first field after the mark, as far as a separator. */
  firstField: z.string().max(40),
});
export type SplitWithByteOrderMarkEvent = z.infer<typeof SplitWithByteOrderMarkEvent>;

/**
 * A regular expression with the global (or sticky) flag whose test() carried its lastIndex from one
 * text to the next: it searched each new text from where the last match ended, and answered
 * otherwise than from the start. Sent once per pattern (a few per run), after a few such answers.
 */
export const RegexStateCarriedEvent = z.object({
  type: z.literal('regexStateCarried'),
  site: SourceSite,
  /** The pattern's source and flags, as written. */
  source: z.string().max(200),
  flags: z.string().max(8),
  /** Texts answered otherwise than from the start, of the texts tested. */
  wrong: z.number().int().min(1),
  tested: z.number().int().min(1),
});
export type RegexStateCarriedEvent = z.infer<typeof RegexStateCarriedEvent>;

/**
 * A custom step whose model input had no rows (a batch loop that runs one batch past the data:
 * `b <= nBatches`): its loss is a mean over nothing, NaN or Infinity. Sent once per model, with
 * the line of the step's call.
 */
export const EmptyBatchEvent = z.object({
  type: z.literal('emptyBatch'),
  modelId: z.number().int(),
  iter: z.number().int().min(0),
  site: SourceSite.nullable(),
});
export type EmptyBatchEvent = z.infer<typeof EmptyBatchEvent>;

/**
 * A training step's forward pass took the exponential of an exponential: a rate made positive with
 * exp, then handed to a loss written for the log-rate that exponentiates it again. Sent once per
 * model, from the first steps, with the outer exp's line.
 */
export const ExpOfExpEvent = z.object({
  type: z.literal('expOfExp'),
  modelId: z.number().int(),
  site: SourceSite.nullable(),
});
export type ExpOfExpEvent = z.infer<typeof ExpOfExpEvent>;

/**
 * A training step gathered columns of a [rows, k] tensor with one index per row and no batch
 * dimensions (`tf.gather(probs, labels, 1)`): the result is [rows, rows], every row's value at every
 * row's index, where one value per row was meant (PyTorch's gather, numpy's fancy index). Sent once
 * per model, with the line.
 */
export const GatherAcrossRowsEvent = z.object({
  type: z.literal('gatherAcrossRows'),
  modelId: z.number().int(),
  site: SourceSite.nullable(),
  rows: z.number().int().min(2),
  columns: z.number().int().min(1),
});
export type GatherAcrossRowsEvent = z.infer<typeof GatherAcrossRowsEvent>;

/**
 * A custom loop's model scored (predict or evaluate) again and again from one line that, earlier,
 * ran between training steps, with no training step since: the loop ran on without training, its
 * batches empty (rows drained by splice, an iterator or generator used up in its first epoch). Sent
 * when the script ends, once per model.
 */
export const StepsStoppedEvent = z.object({
  type: z.literal('stepsStopped'),
  modelId: z.number().int(),
  /** The scoring call's line. */
  site: SourceSite,
  /** Training steps in all. */
  steps: z.number().int().min(1),
  /** Scoring calls at the line after the last step. */
  callsAfter: z.number().int().min(1),
});
export type StepsStoppedEvent = z.infer<typeof StepsStoppedEvent>;

/**
 * Weights set on a model that are the element-wise mean of the weights of several trained models
 * that started from different weights: their hidden units are not aligned, so the average is none
 * of their networks. Sent once per run, under the first member's id.
 */
export const WeightsAveragedEvent = z.object({
  type: z.literal('weightsAveraged'),
  modelId: z.number().int(),
  site: SourceSite.nullable(),
  members: z.number().int().min(2),
});
export type WeightsAveragedEvent = z.infer<typeof WeightsAveragedEvent>;

/**
 * setWeights given, outside training and twice in a row on one model, weights each k times the norm
 * of those the model held (k >= 2, the same k): the weights of k models added up where their mean
 * was meant (federated averaging that sums the clients), so every call multiplies them by k.
 */
export const WeightsSummedEvent = z.object({
  type: z.literal('weightsSummed'),
  modelId: z.number().int(),
  site: SourceSite.nullable(),
  factor: z.number().int().min(2),
});
export type WeightsSummedEvent = z.infer<typeof WeightsSummedEvent>;

/**
 * A loss that takes the absolute value of the errors' sum or mean (`abs(sum(y - p))`), not the sum
 * or mean of their absolute values: errors of opposite sign cancel. Seen in a step's first passes;
 * sent once, with the line.
 */
export const AbsOfSummedErrorsEvent = z.object({
  type: z.literal('absOfSummedErrors'),
  modelId: z.number().int(),
  site: SourceSite.nullable(),
  /** How the errors were reduced before the absolute value. */
  reduction: z.enum(['sum', 'mean']),
});
export type AbsOfSummedErrorsEvent = z.infer<typeof AbsOfSummedErrorsEvent>;

/**
 * A Huber-style loss whose two branches are swapped: tf.where(|e| > delta, quadratic, linear) squares
 * the large errors (outliers weigh more than under MSE) and charges small ones linearly. Seen in a
 * step's first passes; sent once, with the line of the where.
 */
export const HuberBranchesSwappedEvent = z.object({
  type: z.literal('huberBranchesSwapped'),
  modelId: z.number().int(),
  site: SourceSite.nullable(),
});
export type HuberBranchesSwappedEvent = z.infer<typeof HuberBranchesSwappedEvent>;

/**
 * A sine taken, in a training step's forward pass, of values spread over hundreds of radians (a
 * SIREN's first-layer frequency of 3000 where 30 was meant): neighbouring inputs land on unrelated
 * phases, so the network can fit its training points and says nothing between them. Sent once.
 */
export const SineSpreadWideEvent = z.object({
  type: z.literal('sineSpreadWide'),
  modelId: z.number().int(),
  site: SourceSite.nullable(),
  /** Standard deviation of the sine's argument, in radians. */
  spread: z.number(),
});
export type SineSpreadWideEvent = z.infer<typeof SineSpreadWideEvent>;

/**
 * A number added to (or subtracted from) a tensor that a layer then takes, too small for float32 to
 * register: x + h == x for most values (a finite-difference step of 1e-8 copied from float64 code).
 * Both sides of the difference are the same, so the derivative it estimates is 0. Sent once.
 */
export const StepBelowResolutionEvent = z.object({
  type: z.literal('stepBelowResolution'),
  modelId: z.number().int(),
  site: SourceSite.nullable(),
  step: z.number(),
  /** Values the step left unchanged, of the nonzero values it was added to. */
  unchanged: z.number().int().min(1),
  of: z.number().int().min(1),
});
export type StepBelowResolutionEvent = z.infer<typeof StepBelowResolutionEvent>;

/**
 * setWeights during training that zeroes a layer's weights of the largest magnitude and keeps the
 * smallest (magnitude pruning with its mask inverted): what the layer learned is removed. Sent once.
 */
export const PrunedLargestEvent = z.object({
  type: z.literal('prunedLargest'),
  modelId: z.number().int(),
  site: SourceSite.nullable(),
  /** Weights zeroed by the call, of the weight's values. */
  zeroed: z.number().int().min(1),
  of: z.number().int().min(1),
});
export type PrunedLargestEvent = z.infer<typeof PrunedLargestEvent>;

/**
 * A trained two-input model evaluated with its two inputs (of one shape) in the order opposite to
 * the order it trained on: the same evaluation with the two swapped back scored a loss a quarter of
 * the script's or less. Sent once per run.
 */
export const InputsSwappedEvent = z.object({
  type: z.literal('inputsSwapped'),
  modelId: z.number().int(),
  site: SourceSite.nullable(),
  loss: z.number(),
  swappedLoss: z.number(),
});
export type InputsSwappedEvent = z.infer<typeof InputsSwappedEvent>;

/**
 * A model of two or more inputs fit with one tensor given for two of them (`fit([a, a], y)`): the
 * second input's branch never sees the features it was built for. Sent once per model.
 */
export const InputGivenTwiceEvent = z.object({
  type: z.literal('inputGivenTwice'),
  modelId: z.number().int(),
  site: SourceSite.nullable(),
  /** The two inputs (the model's names) given the same tensor, and their places in the call's array. */
  inputs: z.array(z.object({ name: z.string().max(256), index: z.number().int().min(0) })).length(2),
});
export type InputGivenTwiceEvent = z.infer<typeof InputGivenTwiceEvent>;

/**
 * A layer whose output, in a model's first training steps, was made from plain numbers inside its
 * call (tf.tensor of values read with arraySync), not computed from its input by a kernel: no
 * gradient passes it. Sent once per model.
 */
export const LayerDetachedEvent = z.object({
  type: z.literal('layerDetached'),
  modelId: z.number().int(),
  layer: z.string().max(256),
  /** Where the output tensor was made. */
  site: SourceSite.nullable(),
});
export type LayerDetachedEvent = z.infer<typeof LayerDetachedEvent>;

/**
 * A custom loop that summed a model's [rows, units] scores over both axes into one number and then
 * combined it with a tensor of the batch's rows that no layer made (the targets). Sent once per model.
 */
export const BatchSummedEvent = z.object({
  type: z.literal('batchSummed'),
  modelId: z.number().int(),
  rows: z.number().int().min(1),
  /** The sum. */
  site: SourceSite.nullable(),
});
export type BatchSummedEvent = z.infer<typeof BatchSummedEvent>;

/**
 * The inputs given to successive fits of one model spread wider at nearly every fit: noise added
 * to the stored rows in place, so it accumulates. Sent once per model.
 */
export const InputsDriftEvent = z.object({
  type: z.literal('inputsDrift'),
  modelId: z.number().int(),
  /** Where the inputs were made, and the fit call. */
  site: SourceSite.nullable(),
  fitSite: SourceSite.nullable(),
  fits: z.number().int().min(2),
  first: z.number(),
  last: z.number(),
  rises: z.number().int().min(0),
});
export type InputsDriftEvent = z.infer<typeof InputsDriftEvent>;

/**
 * Segmentation masks that match their images clearly better mirrored or shifted by a few pixels
 * than as they are: the image was flipped or cropped without its mask. Sent once per model, from
 * its first fit's data.
 */
export const MasksMisalignedEvent = z.object({
  type: z.literal('masksMisaligned'),
  modelId: z.number().int(),
  /** Where the masks were made, and the fit call. */
  site: SourceSite.nullable(),
  fitSite: SourceSite.nullable(),
  samples: z.number().int().min(1),
  misaligned: z.number().int().min(1),
  mirrored: z.number().int().min(0),
  shifted: z.number().int().min(0),
  plain: z.number(),
  best: z.number(),
});
export type MasksMisalignedEvent = z.infer<typeof MasksMisalignedEvent>;

/**
 * A sequence tagger's targets padded at the other end from its token ids (ids padded at the start,
 * tags written from position 0): for every row shorter than the longest, each tag sits steps away
 * from its word. Sent once per model, from its first fit's data.
 */
export const TagsMisalignedEvent = z.object({
  type: z.literal('tagsMisaligned'),
  modelId: z.number().int(),
  /** Where the tags and the ids were made, and the fit call. */
  site: SourceSite.nullable(),
  idsSite: SourceSite.nullable(),
  fitSite: SourceSite.nullable(),
  padded: z.number().int().min(1),
  otherEnd: z.number().int().min(1),
  idsPadded: z.enum(['start', 'end']),
  padClass: z.number(),
});
export type TagsMisalignedEvent = z.infer<typeof TagsMisalignedEvent>;

/**
 * A sequence tagger whose words tell the tags at the mirrored positions far better than their own:
 * the token ids were reversed and the tags were not. Sent once per model, from its first fit's data.
 */
export const TagsReversedEvent = z.object({
  type: z.literal('tagsReversed'),
  modelId: z.number().int(),
  /** Where the ids and the tags were made, and the fit call. */
  idsSite: SourceSite.nullable(),
  tagsSite: SourceSite.nullable(),
  fitSite: SourceSite.nullable(),
  rows: z.number().int().min(1),
  positions: z.number().int().min(1),
  /** Entropy of the tags given the word at the same and at the mirrored position, in bits. */
  aligned: z.number(),
  mirrored: z.number(),
});
export type TagsReversedEvent = z.infer<typeof TagsReversedEvent>;

/**
 * Arrays given to a tensor factory that also hold values under keys that are numbers but no index
 * (`row[OFFSET + hour / 3] = 1` writes the key "4.33"; `row[-1] = 1` the key "-1"): JavaScript keeps
 * them as named properties, and the tensor, which reads indices alone, never sees them. Sent once
 * per run, for the first factory call that shows it.
 */
export const ValuesOffIndexEvent = z.object({
  type: z.literal('valuesOffIndex'),
  site: SourceSite,
  call: z.string().max(16),
  /** Rows (arrays) read, and how many of them hold such keys. */
  rowsRead: z.number().int().min(1),
  rowsWithKeys: z.number().int().min(1),
  /** A few of the keys, as JavaScript wrote them. */
  keys: z.array(z.string().max(24)).max(4),
});
export type ValuesOffIndexEvent = z.infer<typeof ValuesOffIndexEvent>;

/**
 * A float32 tensor made from whole numbers past 2^24 (database ids, cohort numbers) that float32
 * cannot all hold: distinct values round to the same number before any offset is taken off or any
 * cast to int32. Sent per such call (the first few of a run).
 */
export const IntegersRoundedEvent = z.object({
  type: z.literal('integersRounded'),
  site: SourceSite,
  call: z.string().max(16),
  /** Distinct values given, and how many distinct float32 values they became. */
  distinct: z.number().int().min(2),
  distinctAfter: z.number().int().min(1),
  min: z.number(),
  max: z.number(),
});
export type IntegersRoundedEvent = z.infer<typeof IntegersRoundedEvent>;

/**
 * A tensor made as int32 (`tf.tensor2d(values, shape, 'int32')`) from values with fractions, which
 * tfjs truncates toward 0. Sent per such call (the first few of a run), whether or not a model exists yet.
 */
export const TruncatedToIntEvent = z.object({
  type: z.literal('truncatedToInt'),
  site: SourceSite.nullable(),
  /** The factory called (tensor, tensor1d, … tensor6d), and which of its arguments is the dtype. */
  call: z.string().max(16),
  dtypeIndex: z.number().int().min(0).max(4),
  /** Values scanned, and how many of them had a fraction. */
  count: z.number().int().min(1),
  fractional: z.number().int().min(1),
  min: z.number().nullable(),
  max: z.number().nullable(),
});
export type TruncatedToIntEvent = z.infer<typeof TruncatedToIntEvent>;

/**
 * fitDataset (without batchesPerEpoch) ran an epoch with no batch after epochs that had batches:
 * the dataset gave each epoch the same iterator (a generator function returning one generator made
 * outside it), spent by the first. Sent once per fit.
 */
export const DatasetSpentEvent = z.object({
  type: z.literal('datasetSpent'),
  modelId: z.number().int(),
  /** The first epoch (0-based) that got no batch, and the epochs that trained before it. */
  epoch: z.number().int().min(0),
  trainedEpochs: z.number().int().min(1),
  fitSite: SourceSite.nullable(),
  /** The tf.data.generator call the dataset was made from, when it was. */
  generatorSite: SourceSite.nullable(),
});
export type DatasetSpentEvent = z.infer<typeof DatasetSpentEvent>;

/**
 * The dataset fitDataset trains on was cut by `.take(n)` to fewer batches than the dataset it was
 * taken from held (a `.take(1)` left from looking at one batch): every epoch trains those few.
 * Sent once per fit.
 */
export const DatasetTakenEvent = z.object({
  type: z.literal('datasetTaken'),
  modelId: z.number().int(),
  site: SourceSite.nullable(),
  /** Batches (or rows, when taken before batching) kept, and those the dataset before take held. */
  kept: z.number().int().min(0),
  of: z.number().int().min(1),
  /** Whether the take came after the batching (so it counts batches). */
  batches: z.boolean(),
});
export type DatasetTakenEvent = z.infer<typeof DatasetTakenEvent>;

/**
 * The main script names an environment variable that is not set (`parseInt(process.env.EPOCHS)` is
 * then NaN): its name and the line that names it. The first few, sent when the script starts.
 */
export const EnvUnsetEvent = z.object({
  type: z.literal('envUnset'),
  name: z.string().max(128),
  site: SourceSite,
});
export type EnvUnsetEvent = z.infer<typeof EnvUnsetEvent>;

/**
 * A series shuffled with tf.util.shuffle and then cut into the windows training reads: the model's
 * first two input rows are windows of the shuffled array, `stride` apart. Sent once per model.
 */
export const ShuffledSeriesEvent = z.object({
  type: z.literal('shuffledSeries'),
  modelId: z.number().int(),
  site: SourceSite.nullable(),
  length: z.number().int().min(1),
  window: z.number().int().min(1),
  stride: z.number().int().min(1),
});
export type ShuffledSeriesEvent = z.infer<typeof ShuffledSeriesEvent>;

/**
 * The model's targets were read from an array of numbers the script sorted in place
 * (Array.prototype.sort, to take a median), while its inputs kept their order. Sent once per model.
 */
export const TargetsSortedEvent = z.object({
  type: z.literal('targetsSorted'),
  modelId: z.number().int(),
  /** The sort's line. */
  site: SourceSite,
  /** `reverse`: the array was reversed in place (Array.prototype.reverse), not sorted. */
  method: z.literal('reverse').optional(),
});
export type TargetsSortedEvent = z.infer<typeof TargetsSortedEvent>;

/**
 * A tf.constraints.maxNorm with a bound below 0.1, applied by the script while fit trains the model
 * (tfjs's training never applies constraints itself). Sent once.
 */
export const MaxNormAppliedEvent = z.object({
  type: z.literal('maxNormApplied'),
  modelId: z.number().int(),
  maxValue: z.number(),
  /** The tf.constraints.maxNorm call. */
  site: SourceSite.nullable(),
});
export type MaxNormAppliedEvent = z.infer<typeof MaxNormAppliedEvent>;

/**
 * A regularizer (tf.regularizers.l1/l2) applied by the script inside its loss whose penalty, in
 * the model's first step, was ten times the rest of the loss or more. Sent once.
 */
export const PenaltyDominatesEvent = z.object({
  type: z.literal('penaltyDominates'),
  modelId: z.number().int(),
  /** The tf.regularizers call. */
  site: SourceSite.nullable(),
  key: z.enum(['l1', 'l2']),
  factor: z.number(),
  penalty: z.number(),
  rest: z.number(),
});
export type PenaltyDominatesEvent = z.infer<typeof PenaltyDominatesEvent>;

/**
 * A training step took the log of a softmax's or sigmoid's outputs (or of 1 minus them) with no
 * clipping in between: an output of exactly 0 (or 1) makes it -Infinity. Sent once per model for
 * a log of p and once for a log of 1 - p.
 */
export const LogOfProbabilitiesEvent = z.object({
  type: z.literal('logOfProbabilities'),
  modelId: z.number().int(),
  /** The user's line that took the log. */
  site: SourceSite.nullable(),
  source: z.enum(['softmax', 'sigmoid']),
  /** The log of 1 - p: it fails when the outputs reach 1. */
  complement: z.boolean(),
});
export type LogOfProbabilitiesEvent = z.infer<typeof LogOfProbabilitiesEvent>;

/**
 * A custom loop that calls its model without `{ training: true }` (model.predict, or model.apply
 * without it): its dropout and batch normalization layers run in inference mode while it trains.
 * Sent once per model, from its first steps.
 */
export const InferenceModeEvent = z.object({
  type: z.literal('inferenceMode'),
  modelId: z.number().int(),
  /** Indices of the layers that ran in inference mode. */
  layers: z.array(z.number().int()).min(1).max(16),
  /** The user's line that called the model. */
  site: SourceSite.nullable(),
  /** How the model was called. */
  call: z.enum(['predict', 'apply']),
});
export type InferenceModeEvent = z.infer<typeof InferenceModeEvent>;

/**
 * A trained model called with `{ training: true }` outside training, never twice on the same inputs
 * (so not Monte-Carlo dropout): its dropout layers were active for the predictions it gave. Sent
 * when the script ends.
 */
export const TrainingModeAfterEvent = z.object({
  type: z.literal('trainingModeAfter'),
  modelId: z.number().int(),
  /** The model's dropout layers. */
  layers: z.array(z.string().max(128)).min(1).max(16),
  calls: z.number().int().min(1),
  /** The user's line of the first such call. */
  site: SourceSite.nullable(),
});
export type TrainingModeAfterEvent = z.infer<typeof TrainingModeAfterEvent>;

/**
 * Two models trained against each other (a GAN): one's forward pass uses, frozen, weights that the
 * other's own steps train, and both took steps after that was seen. Each one's loss then measures
 * a moving target. Sent once per pair.
 */
export const TrainedAgainstEvent = z.object({
  type: z.literal('trainedAgainst'),
  /** The model whose forward pass holds the other's weights frozen (a GAN's combined model). */
  modelId: z.number().int(),
  /** The model whose own steps train those weights (the discriminator). */
  otherId: z.number().int(),
  /** How many weights are shared that way. */
  variables: z.number().int().min(1),
  elapsedMs: z.number(),
});
export type TrainedAgainstEvent = z.infer<typeof TrainedAgainstEvent>;

/**
 * A square root in a training step took exactly 0 (its slope there is infinite, so the step's
 * gradients turn NaN) or a negative number (NaN outright), or a log the user's loss takes directly
 * took 0 (-Infinity) or less (NaN), and that step's gradients or loss came out non-finite. Sent once
 * per model, before that step's iteration event.
 */
export const OpAtZeroEvent = z.object({
  type: z.literal('opAtZero'),
  modelId: z.number().int(),
  iter: z.number().int().min(0),
  /** The user's line that took the square root (tf.sqrt, x.sqrt(), or tf.norm, which takes one) or the log. */
  site: SourceSite.nullable(),
  /** What the line called: tf.sqrt (or x.sqrt()), tf.norm, whose Euclidean norm takes a square root, tf.log (x.log()), or tf.pow (x.pow()) with a fractional exponent. */
  call: z.enum(['sqrt', 'norm', 'log', 'pow']),
  /** How many of its values were exactly 0, and how many below 0, out of `count`. */
  zeros: z.number().int().min(0),
  negatives: z.number().int().min(0),
  count: z.number().int().min(1),
  /** The log took a product of many values (tf.prod), which underflowed: the sum of their logs does not. */
  ofProduct: z.boolean().optional(),
  elapsedMs: z.number(),
});
export type OpAtZeroEvent = z.infer<typeof OpAtZeroEvent>;

/**
 * A training step's loss divided by a count it summed from a 0/1 tensor (`tf.sum(mask)`, the rows
 * a mask keeps): a batch that keeps no row divides 0 by 0, which is NaN. Sent once per model, from
 * its first steps, with the count the first such step had.
 */
export const LossDividedByCountEvent = z.object({
  type: z.literal('lossDividedByCount'),
  modelId: z.number().int(),
  /** The user's line that divided. */
  site: SourceSite.nullable(),
  count: z.number().min(0),
  /** How many 0/1 values were summed (for each count). */
  of: z.number().int().min(1),
  /** Counts taken per column (a one-hot tensor summed over its rows: each class's rows in the batch): how many; `count` is the smallest. */
  columns: z.number().int().min(2).optional(),
});
export type LossDividedByCountEvent = z.infer<typeof LossDividedByCountEvent>;

/**
 * A custom loop clipped the gradients it computed to bounds that exclude negative values
 * (`tf.clipByValue(g, 0, c)` where `-c, c` was meant): every negative component becomes 0, so each
 * weight can only move one way. Sent once per model, at the first such clip.
 */
export const OneSidedClipEvent = z.object({
  type: z.literal('oneSidedClip'),
  modelId: z.number().int(),
  site: SourceSite.nullable(),
  min: z.number(),
  max: z.number(),
});
export type OneSidedClipEvent = z.infer<typeof OneSidedClipEvent>;

/**
 * A training step's loss took relu(0 − d) of a quantity d that cannot be negative (a distance, a
 * square, an absolute value): the hinge of a contrastive loss with a margin of 0. It is 0 for
 * every row and passes no gradient. Sent once per model, from its first steps.
 */
export const ZeroMarginEvent = z.object({
  type: z.literal('zeroMargin'),
  modelId: z.number().int(),
  /** The user's line that took the difference. */
  site: SourceSite.nullable(),
  /** What made d: Sqrt, Square or Abs. */
  of: z.string().max(32),
});
export type ZeroMarginEvent = z.infer<typeof ZeroMarginEvent>;

/**
 * A training step's loss raised values in [0, 1] (1 − p, a focal loss's modulating factor) to a
 * power so high that their mean came out far below 1 at the first step: the loss and its gradients
 * are that many times smaller than the loss it modulates. Sent once per model, from its first steps.
 */
export const PowerShrinksEvent = z.object({
  type: z.literal('powerShrinks'),
  modelId: z.number().int(),
  /** The user's line that raised to the power. */
  site: SourceSite.nullable(),
  exponent: z.number(),
  /** The mean of the raised values at the first step. */
  mean: z.number().min(0),
});
export type PowerShrinksEvent = z.infer<typeof PowerShrinksEvent>;

/**
 * fitDataset's first batches, with a row's nearest other row (inputs standardized) in the same batch
 * and in the other batches: how often each has the row's class. Class ids encoded once agree across
 * batches at least as often as within one; ids given per batch agree within and only by chance
 * across. Sent once, only when they disagree so.
 */
export const BatchesRelabelledEvent = z.object({
  type: z.literal('batchesRelabelled'),
  modelId: z.number().int(),
  batches: z.number().int().min(2),
  rows: z.number().int().min(1),
  within: z.number().min(0).max(1),
  across: z.number().min(0).max(1),
  chance: z.number().min(0).max(1),
  /** Where the batch's targets were made, when the dataset makes them as it yields them. */
  site: SourceSite.nullable(),
});
export type BatchesRelabelledEvent = z.infer<typeof BatchesRelabelledEvent>;

/**
 * A training step's loss is a difference whose subtracted side is computed from the trained
 * weights alone, through a square or an absolute value (an L2 or L1 penalty), while the other side
 * depends on the data: the penalty is subtracted, so minimizing the loss grows the weights. Sent once
 * per model, from its first steps.
 */
export const PenaltySubtractedEvent = z.object({
  type: z.literal('penaltySubtracted'),
  modelId: z.number().int(),
  /** The user's line that took the difference. */
  site: SourceSite.nullable(),
});
export type PenaltySubtractedEvent = z.infer<typeof PenaltySubtractedEvent>;

/**
 * A model evaluated, asked to predict or saved after its fit was called and before its training
 * began (before any callback ran): the script went on without waiting for fit's promise, so it
 * used the model untrained. Sent once per model.
 */
export const UsedBeforeTrainingEvent = z.object({
  type: z.literal('usedBeforeTraining'),
  modelId: z.number().int(),
  /** The model's method the script called: evaluate, predict, save, ... */
  call: z.string().max(32),
  /** The user's line of that call. */
  site: SourceSite.nullable(),
  /** The fit (or fitDataset) call it did not wait for. */
  fitSite: SourceSite.nullable(),
});
export type UsedBeforeTrainingEvent = z.infer<typeof UsedBeforeTrainingEvent>;

/**
 * The script used (evaluated, asked to predict, saved) a model that was never trained, while a
 * model of the same layers made after it was: a fresh copy trained in its place
 * (`train(buildModel())` after `const model = buildModel()`). Sent once, on the trained model.
 */
export const UsedUntrainedEvent = z.object({
  type: z.literal('usedUntrained'),
  /** The model that was trained. */
  modelId: z.number().int(),
  call: z.string().max(32),
  /** The user's line of that call. */
  site: SourceSite.nullable(),
  /** The trained model's fit call. */
  fitSite: SourceSite.nullable(),
});
export type UsedUntrainedEvent = z.infer<typeof UsedUntrainedEvent>;

/**
 * A numeric target column whose largest (or smallest) value repeats in 1% of the rows or more and
 * lies far apart from all the others: a code for "unknown" kept as a value. Sent once per model.
 */
export const TargetSentinelEvent = z.object({
  type: z.literal('targetSentinel'),
  modelId: z.number().int(),
  /** The repeated value (as fit got it, scaled or not), its rows, and the nearest other value. */
  value: z.number(),
  rows: z.number().int(),
  of: z.number().int(),
  nearest: z.number(),
  madeAt: SourceSite.nullable(),
  site: SourceSite.nullable(),
});
export type TargetSentinelEvent = z.infer<typeof TargetSentinelEvent>;

/**
 * fit's inputs whose largest magnitude is set by a few values (at most 0.1% of the nonzero ones)
 * while the rest lie below a tenth of it: data scaled by a maximum that one glitch set. Sent once per model.
 */
export const InputsSquashedEvent = z.object({
  type: z.literal('inputsSquashed'),
  modelId: z.number().int(),
  largest: z.number(),
  /** The largest magnitude among the rest. */
  restLargest: z.number(),
  /** Values above a tenth of the largest, of the nonzero values. */
  few: z.number().int(),
  nonzero: z.number().int(),
  /** Where the inputs' values were last computed, and the fit call. */
  madeAt: SourceSite.nullable(),
  site: SourceSite.nullable(),
});
export type InputsSquashedEvent = z.infer<typeof InputsSquashedEvent>;

/**
 * A fit began at the learning rate the fit before it ended at, after that one swept the rate up a
 * thousandfold or more (a learning-rate range test): training runs at the sweep's last rate.
 */
export const RateLeftBySweepEvent = z.object({
  type: z.literal('rateLeftBySweep'),
  modelId: z.number().int(),
  /** The sweep's first and last rates. */
  startRate: z.number(),
  endRate: z.number(),
  /** The fit that trains at the sweep's last rate. */
  site: SourceSite.nullable(),
  /** The line that changed the rate during the sweep. */
  sweepSite: SourceSite.nullable(),
});
export type RateLeftBySweepEvent = z.infer<typeof RateLeftBySweepEvent>;

/**
 * A model's fit began with an optimizer another model trained with before, at the rate that model's
 * schedule left it, ten times or more below where its fit began: one optimizer shared by the models
 * of a loop (an ensemble, cross-validation folds), created once outside it. Sent once per model.
 */
export const RateLeftByOtherModelEvent = z.object({
  type: z.literal('rateLeftByOtherModel'),
  modelId: z.number().int(),
  /** The rate the other model's fit began at, and the one this fit begins at. */
  startRate: z.number(),
  rate: z.number(),
  site: SourceSite.nullable(),
  /** Where the shared optimizer was created. */
  optimizerSite: SourceSite.nullable(),
  /** The line that changed its rate. */
  changeSite: SourceSite.nullable(),
});
export type RateLeftByOtherModelEvent = z.infer<typeof RateLeftByOtherModelEvent>;

/**
 * fit's targets held in its inputs: a column whose values and the targets determine each other
 * row by row (the label under another name), or a sequence whose last step is its target (a
 * window's target left unshifted). Sent once per model.
 */
export const TargetInInputsEvent = z.object({
  type: z.literal('targetInInputs'),
  modelId: z.number().int(),
  /** The input column (flattened index), or the sequence step. */
  column: z.number().int(),
  step: z.boolean(),
  /** Classes of the targets; null for numeric targets. */
  classes: z.number().int().nullable(),
  rows: z.number().int(),
  /** Where the inputs (the targets, for a sequence's step) were made from arrays. */
  madeAt: SourceSite.nullable(),
  /** The fit call. */
  site: SourceSite.nullable(),
});
export type TargetInInputsEvent = z.infer<typeof TargetInInputsEvent>;

/**
 * A raw-variable loop whose first step trained only vectors (biases) while weight matrices made
 * with tf.variable(init, false) exist: the kernels stay as drawn. Sent once.
 */
export const KernelsFrozenEvent = z.object({
  type: z.literal('kernelsFrozen'),
  modelId: z.number().int(),
  /** Non-trainable variables of rank 2 or more, and the variables the step trained. */
  frozen: z.number().int(),
  trained: z.number().int(),
  /** The first frozen kernel's shape, and the user's line that made it. */
  shape: z.array(z.number().int()).max(8),
  site: SourceSite.nullable(),
});
export type KernelsFrozenEvent = z.infer<typeof KernelsFrozenEvent>;

/**
 * A trained model's predicted probabilities (sigmoid or softmax) compared with a threshold at or
 * outside [0, 1] (`pred.greater(0)`, a threshold for logits): one answer for every row. Sent once per model.
 */
export const ThresholdOutsideOutputsEvent = z.object({
  type: z.literal('thresholdOutsideOutputs'),
  modelId: z.number().int(),
  activation: z.string().max(32),
  threshold: z.number(),
  /** Greater, GreaterEqual, Less or LessEqual. */
  kernel: z.string().max(32),
  /** The probabilities are the comparison's first operand (`pred.greater(t)`), not its second. */
  probabilityFirst: z.boolean(),
  site: SourceSite.nullable(),
});
export type ThresholdOutsideOutputsEvent = z.infer<typeof ThresholdOutsideOutputsEvent>;

/**
 * A custom loop whose first steps each train on a batch of identical rows, a different row at each
 * step: the rows were kept as references to one array overwritten in place (a replay buffer storing
 * the environment's state array). How many rows a batch had, and the line of the step.
 */
export const RowsIdenticalEvent = z.object({
  type: z.literal('rowsIdentical'),
  modelId: z.number().int(),
  site: SourceSite.nullable(),
  rows: z.number().int(),
  steps: z.number().int(),
});
export type RowsIdenticalEvent = z.infer<typeof RowsIdenticalEvent>;

/**
 * Contrastive logits, the [n, n] products of two model-made embeddings of a batch, divided by a
 * temperature meant for cosine similarities (0.3 or less) while neither embedding was divided by
 * its norm: the temperature, the mean row norm of each embedding at that step, and the line.
 */
export const ContrastiveUnnormalizedEvent = z.object({
  type: z.literal('contrastiveUnnormalized'),
  modelId: z.number().int(),
  site: SourceSite.nullable(),
  temperature: z.number(),
  norms: z.array(z.number()).length(2),
});
export type ContrastiveUnnormalizedEvent = z.infer<typeof ContrastiveUnnormalizedEvent>;

/**
 * model.setWeights given that model's own weights (`targetNet.setWeights(targetNet.getWeights())`)
 * after training began: a copy that changes nothing, where one model's weights were meant for
 * another (a DQN's target network synced from the online one). The line.
 */
export const WeightsCopiedToSelfEvent = z.object({
  type: z.literal('weightsCopiedToSelf'),
  modelId: z.number().int(),
  site: SourceSite.nullable(),
});
export type WeightsCopiedToSelfEvent = z.infer<typeof WeightsCopiedToSelfEvent>;

/**
 * tf.where over the diagonal of contrastive logits between two different embeddings (two views,
 * two encoders), putting a large negative number there: the diagonal holds each row's positive
 * pair, so the true class is masked out. The line.
 */
export const PositivesMaskedEvent = z.object({
  type: z.literal('positivesMasked'),
  modelId: z.number().int(),
  site: SourceSite.nullable(),
  fill: z.number(),
});
export type PositivesMaskedEvent = z.infer<typeof PositivesMaskedEvent>;

/**
 * A model's outputs clipped to [ε, 1] as probabilities are (a hand-written KL divergence or
 * cross-entropy) while a large share of them lay outside [0, 1]: logits, never passed through a
 * softmax. Where they were made, the clip's line, and the share outside [0, 1].
 */
export const LogitsAsProbabilitiesEvent = z.object({
  type: z.literal('logitsAsProbabilities'),
  modelId: z.number().int(),
  site: SourceSite.nullable(),
  clipSite: SourceSite.nullable(),
  outside: z.number().min(0).max(1),
});
export type LogitsAsProbabilitiesEvent = z.infer<typeof LogitsAsProbabilitiesEvent>;

/**
 * A model-made [batch, steps, features] tensor reshaped straight to [batch, heads, steps,
 * features / heads]: attention heads split without the transpose, so each "head" mixes positions
 * with slices of features. The shapes and the line.
 */
export const HeadsSplitEvent = z.object({
  type: z.literal('headsSplit'),
  modelId: z.number().int(),
  site: SourceSite.nullable(),
  from: z.array(z.number().int()).length(3),
  to: z.array(z.number().int()).length(4),
});
export type HeadsSplitEvent = z.infer<typeof HeadsSplitEvent>;

/**
 * fit's validation images whose channels are in another order than the training images': each
 * class's mean of every channel matches the training's only with the channels permuted (B, G, R for
 * R, G, B). `order[c]` is the validation channel that holds training channel c.
 */
export const ChannelsPermutedEvent = z.object({
  type: z.literal('channelsPermuted'),
  modelId: z.number().int(),
  order: z.array(z.number().int().min(0)).min(2).max(4),
  site: SourceSite.nullable(),
  madeAt: SourceSite.nullable(),
});
export type ChannelsPermutedEvent = z.infer<typeof ChannelsPermutedEvent>;

/**
 * A softmax in a training step given rows whose every score is -Infinity (an attention mask written
 * as -Infinity, over a padded query that has no key left): each such row is 0 / 0 = NaN, and NaN
 * times the 0 that masks it later is still NaN. Sent once, with the line that wrote the scores.
 */
export const SoftmaxRowsMaskedEvent = z.object({
  type: z.literal('softmaxRowsMasked'),
  modelId: z.number().int(),
  site: SourceSite.nullable(),
  /** Rows of all -Infinity, of the rows read. */
  rows: z.number().int().min(1),
  total: z.number().int().min(1),
});
export type SoftmaxRowsMaskedEvent = z.infer<typeof SoftmaxRowsMaskedEvent>;

/**
 * An exp in a training step's first passes that turned finite values into Infinity (float32 overflows
 * past about 88): `log(1 + exp(z))` written out overflows where softplus would not. Sent once.
 */
export const ExpOverflowEvent = z.object({
  type: z.literal('expOverflow'),
  modelId: z.number().int(),
  site: SourceSite.nullable(),
  /** The largest finite value the exp was given. */
  largest: z.number(),
});
export type ExpOverflowEvent = z.infer<typeof ExpOverflowEvent>;

/**
 * Token ids given to successive fit calls that count the same (the same texts: the same number of
 * distinct ids, the same counts) but belong to other ids: the vocabulary was numbered anew between
 * the calls (rebuilt from the reshuffled texts), so each id means another word to the embedding.
 */
export const IdsRenumberedEvent = z.object({
  type: z.literal('idsRenumbered'),
  modelId: z.number().int(),
  /** The fit call (1-based) whose ids were renumbered from the one before. */
  call: z.number().int().min(2),
  /** The share of ids whose count changed. */
  changed: z.number().min(0).max(1),
  site: SourceSite.nullable(),
  /** Where the ids tensor was made. */
  madeAt: SourceSite.nullable(),
});
export type IdsRenumberedEvent = z.infer<typeof IdsRenumberedEvent>;

/**
 * A model's predictions for a batch ([rows, outputs]) reduced with max over the rows (axis 0),
 * outside the step, while a custom loop trains: one value per output for the whole batch where one
 * per row was meant (a bootstrap target's max over actions). The line and the shape.
 */
export const MaxOverBatchEvent = z.object({
  type: z.literal('maxOverBatch'),
  modelId: z.number().int(),
  site: SourceSite.nullable(),
  rows: z.number().int().min(2),
  columns: z.number().int().min(2),
});
export type MaxOverBatchEvent = z.infer<typeof MaxOverBatchEvent>;

/**
 * A focal loss whose modulating factor is p^γ where (1 − p)^γ is meant: the loss multiplies
 * −log(p) by a power of that same p, so the rows the model gets wrong weigh almost nothing. The line.
 */
export const FocalInvertedEvent = z.object({
  type: z.literal('focalInverted'),
  modelId: z.number().int(),
  site: SourceSite.nullable(),
});
export type FocalInvertedEvent = z.infer<typeof FocalInvertedEvent>;

/**
 * A softmax taken of a matMul of queries and keys multiplied by the square root of their size (the
 * attention scale inverted: scaled dot-product attention divides by it). The size, and the line of
 * the product.
 */
export const ScoresScaledUpEvent = z.object({
  type: z.literal('scoresScaledUp'),
  modelId: z.number().int(),
  site: SourceSite.nullable(),
  size: z.number().int(),
});
export type ScoresScaledUpEvent = z.infer<typeof ScoresScaledUpEvent>;

/**
 * A softmax taken of scores multiplied by a 0/1 mask (an attention mask applied as `scores * mask`):
 * masked scores become 0, not a large negative number, so the masked positions keep weight exp(0).
 * Which operand of the product is the mask, and the line of the softmax.
 */
export const MaskMultipliedEvent = z.object({
  type: z.literal('maskMultiplied'),
  modelId: z.number().int(),
  site: SourceSite.nullable(),
  mask: z.enum(['a', 'b']),
});
export type MaskMultipliedEvent = z.infer<typeof MaskMultipliedEvent>;

/**
 * A 0/1 mask scaled by a large positive number and added to scores that a softmax then takes (an
 * attention mask of 1 at the padding, added where it should be subtracted): the masked positions
 * get all the weight. Sent once, with the line that added it.
 */
export const MaskRaisesScoresEvent = z.object({
  type: z.literal('maskRaisesScores'),
  modelId: z.number().int(),
  /** How the scaled mask met the scores: Add (a positive scale), or Sub (a negative one). */
  kernel: z.string().max(32),
  site: SourceSite.nullable(),
});
export type MaskRaisesScoresEvent = z.infer<typeof MaskRaisesScoresEvent>;

/**
 * A division by a scalar 0 while a custom loop trains: what it divides becomes Infinity or NaN.
 * Sent once.
 */
export const DividedByZeroEvent = z.object({
  type: z.literal('dividedByZero'),
  modelId: z.number().int(),
  /** Divided in a step's forward pass (its loss), not in the code that ran after it (a hand-written update). */
  inForward: z.boolean(),
  /** Every value divided was 0 too: values all equal, centred on their mean and divided by their spread of 0 (0 / 0). */
  zeroOverZero: z.boolean().optional(),
  site: SourceSite.nullable(),
});
export type DividedByZeroEvent = z.infer<typeof DividedByZeroEvent>;

/**
 * A tf.losses function's result negated in a training step's loss (`.neg()`, or times a negative
 * number): minimizing it maximizes that error. Sent once.
 */
export const LossNegatedEvent = z.object({
  type: z.literal('lossNegated'),
  modelId: z.number().int(),
  /** The tf.losses function, and the kernel that negated it (Neg or Multiply). */
  fn: z.string().max(64),
  kernel: z.string().max(32),
  site: SourceSite.nullable(),
});
export type LossNegatedEvent = z.infer<typeof LossNegatedEvent>;

/**
 * A draw of tf.randomUniform compared with a threshold at or outside its range
 * (`tf.randomUniform(shape).greaterEqual(50)`: a rate written in percent): the mask it makes is the
 * same for every element, so a dropout keeps or drops everything. Sent once.
 */
export const DrawComparedOutsideEvent = z.object({
  type: z.literal('drawComparedOutside'),
  modelId: z.number().int(),
  /** The draw's range, [low, high). */
  low: z.number(),
  high: z.number(),
  threshold: z.number(),
  /** Greater, GreaterEqual, Less or LessEqual. */
  kernel: z.string().max(32),
  /** The draw is the comparison's first operand (`u.greaterEqual(t)`), not its second. */
  drawFirst: z.boolean(),
  /** Every element of the mask is true (false otherwise). */
  alwaysTrue: z.boolean(),
  site: SourceSite.nullable(),
});
export type DrawComparedOutsideEvent = z.infer<typeof DrawComparedOutsideEvent>;

/**
 * A custom loop's applyGradients was given the very gradient tensors it was given at the steps
 * before (computed once, applied at every step). Sent once.
 */
export const GradientsReappliedEvent = z.object({
  type: z.literal('gradientsReapplied'),
  modelId: z.number().int(),
  iter: z.number().int(),
  /** Applies in a row of the same tensors when sent. */
  applies: z.number().int(),
  /** The user's applyGradients line. */
  site: SourceSite.nullable(),
  /** The line of the loop's gradient computation, when known. */
  stepSite: SourceSite.nullable(),
});
export type GradientsReappliedEvent = z.infer<typeof GradientsReappliedEvent>;

/**
 * A model was scored (evaluated, or given validation data) on rows that an earlier fit call of
 * the same model trained on and its latest did not: a model built once and fit fold after fold
 * of a cross-validation, each fold scored on rows the previous folds trained on. Sent once.
 */
export const ScoredOnTrainedRowsEvent = z.object({
  type: z.literal('scoredOnTrainedRows'),
  modelId: z.number().int(),
  call: z.enum(['evaluate', 'validationData']),
  /** The user's line of the evaluate call, or of the fit given the validation data. */
  site: SourceSite.nullable(),
  fitSite: SourceSite.nullable(),
  /** Share of the scored rows an earlier fit trained on, of `rows`. */
  share: z.number(),
  rows: z.number().int(),
  /** fit calls of the model before its latest. */
  earlierFits: z.number().int(),
});
export type ScoredOnTrainedRowsEvent = z.infer<typeof ScoredOnTrainedRowsEvent>;

/**
 * A trained model was asked to predict (or evaluated, or fit again) on inputs most of whose columns
 * lie ten or more training deviations from their training means, or spread ten times narrower or
 * wider: inputs scaled for training and given raw afterwards (or the reverse), or scaled again
 * before each fit. `call` is 'fit' for the latter; `site` is then where the inputs were made.
 * Sent once per model.
 */
export const InputsOffScaleEvent = z.object({
  type: z.literal('inputsOffScale'),
  modelId: z.number().int(),
  call: z.string().max(32),
  site: SourceSite.nullable(),
  fitSite: SourceSite.nullable(),
  columns: z.number().int(),
  offColumns: z.number().int(),
  /** The column furthest off. */
  column: z.number().int(),
  trainMean: z.number(),
  trainStd: z.number(),
  givenMean: z.number(),
  givenStd: z.number(),
});
export type InputsOffScaleEvent = z.infer<typeof InputsOffScaleEvent>;

/**
 * A trained model scored (evaluated, asked to predict) on inputs standardized by their own mean and
 * deviation, as its training inputs were by theirs: both sets are centred exactly, so each was
 * scaled with its own statistics (a scaler fit again on the test set), and any shift between them
 * is erased. `site` is where the scored inputs were scaled: the caller of a scaling helper, when
 * there is one. Sent once per model.
 */
export const ScaledApartEvent = z.object({
  type: z.literal('scaledApart'),
  modelId: z.number().int(),
  call: z.string().max(32),
  site: SourceSite.nullable(),
  scoredAt: SourceSite.nullable(),
  columns: z.number().int(),
  rows: z.number().int(),
  trainRows: z.number().int(),
});
export type ScaledApartEvent = z.infer<typeof ScaledApartEvent>;

/** A trained model's first evaluate call and what it returned: the loss and metrics, by name. Sent once per model. */
export const EvaluatedEvent = z.object({
  type: z.literal('evaluated'),
  modelId: z.number().int(),
  site: SourceSite.nullable(),
  names: z.array(z.string().max(64)).max(16),
  values: z.array(num).max(16),
  /** The rows evaluated, when its inputs are one tensor. */
  rows: z.number().int().nullable().optional(),
  /** Rows per class of the targets evaluated against (one-hot or class ids), when they are classes. */
  targetClasses: z.array(z.object({ cls: z.number().int().min(0), rows: z.number().int().min(1) })).max(256).optional(),
});
export type EvaluatedEvent = z.infer<typeof EvaluatedEvent>;

/**
 * A step's loss took the log of the model's raw outputs (or a part of them: a column sliced off)
 * while some were at or below 0 (NaN or -Infinity at once), or of a linear layer's outputs, whose
 * values can go below 0 (atOrBelowZero 0). Sent once per model, from its first steps.
 */
export const LogOfOutputEvent = z.object({
  type: z.literal('logOfOutput'),
  modelId: z.number().int(),
  /** The user's line that took the log. */
  site: SourceSite.nullable(),
  atOrBelowZero: z.number().int(),
  count: z.number().int(),
  least: z.number().nullable(),
});
export type LogOfOutputEvent = z.infer<typeof LogOfOutputEvent>;

/**
 * A step's loss exponentiated the model's raw outputs and summed them over their last axis: a
 * softmax (or log-sum-exp) written by hand without the row's largest value subtracted. Sent once
 * per model, from its first steps.
 */
export const RawSoftmaxEvent = z.object({
  type: z.literal('rawSoftmax'),
  modelId: z.number().int(),
  /** The user's line of the exp. */
  site: SourceSite.nullable(),
});
export type RawSoftmaxEvent = z.infer<typeof RawSoftmaxEvent>;

/**
 * fit's tf.callbacks.earlyStopping watches a metric its epoch logs do not hold (Keras's
 * 'val_accuracy' where tfjs logs 'val_acc'): it never stops. Sent once per model, at the first
 * epoch's end.
 */
export const MonitorMissingEvent = z.object({
  type: z.literal('monitorMissing'),
  modelId: z.number().int(),
  monitor: z.string().max(64),
  /** The epoch's log keys. */
  logged: z.array(z.string().max(64)).max(32),
  /** The tf.callbacks.earlyStopping call. */
  site: SourceSite.nullable(),
});
export type MonitorMissingEvent = z.infer<typeof MonitorMissingEvent>;

/**
 * A custom loop's trained weights clamped to 0 or above after its steps (a write of max(w, 0)):
 * at three of its first steps or more. Sent once per model.
 */
export const WeightsClampedEvent = z.object({
  type: z.literal('weightsClamped'),
  modelId: z.number().int(),
  /** The user's line of the first clamp. */
  site: SourceSite.nullable(),
  steps: z.number().int(),
  /** Weight tensors clamped, and the model's kernels (trained weights of rank 2 or more). */
  variables: z.number().int(),
  kernels: z.number().int(),
  /** Of the clamped tensors' values, the share the optimizer had moved below 0. */
  belowZeroShare: z.number(),
});
export type WeightsClampedEvent = z.infer<typeof WeightsClampedEvent>;

/**
 * fit given one tensor as its inputs and targets, while another tensor the script made, of the
 * same shape, is those values less independent noise: a denoising autoencoder fitted toward its
 * noisy inputs. Sent once per model.
 */
export const NoisyTargetsEvent = z.object({
  type: z.literal('noisyTargets'),
  modelId: z.number().int(),
  fitSite: SourceSite.nullable(),
  /** Where the clean tensor was made. */
  cleanSite: SourceSite.nullable(),
  /** The noise's mean square as a share of the inputs' variance. */
  noiseShare: z.number(),
});
export type NoisyTargetsEvent = z.infer<typeof NoisyTargetsEvent>;

/**
 * After fit, setWeights given the array getWeights returned during training: the model's own
 * tensors, which every later step changed, so nothing is restored. Sent once per model.
 */
export const WeightsKeptLiveEvent = z.object({
  type: z.literal('weightsKeptLive'),
  modelId: z.number().int(),
  /** The getWeights call that kept them, and the setWeights call meant to restore them. */
  keptAt: SourceSite.nullable(),
  restoreAt: SourceSite.nullable(),
  /** Training steps taken after they were kept. */
  stepsSince: z.number().int(),
});
export type WeightsKeptLiveEvent = z.infer<typeof WeightsKeptLiveEvent>;

/** The script called getWeights on the model fit is training (a callback keeping the best epoch's weights). Sent once per model. */
export const WeightsKeptEvent = z.object({
  type: z.literal('weightsKept'),
  modelId: z.number().int(),
  site: SourceSite.nullable(),
});
export type WeightsKeptEvent = z.infer<typeof WeightsKeptEvent>;

/** After fit, setWeights replaced the trained weights with other values (the best epoch's, kept as copies). Sent once per model. */
export const WeightsRestoredEvent = z.object({
  type: z.literal('weightsRestored'),
  modelId: z.number().int(),
  site: SourceSite.nullable(),
  /** The weights set are the ones the model had when its fit began: training undone. */
  restoresStart: z.boolean().optional(),
});
export type WeightsRestoredEvent = z.infer<typeof WeightsRestoredEvent>;

/**
 * A training step's loss tested a tensor for NaN (tf.isNaN, to mask the missing targets) and then
 * took a difference with that same tensor, NaN and all: the mask that follows (tf.where) hides the
 * NaN from the loss but not from the gradient, which multiplies the masked-out branch by 0, and
 * 0 × NaN is NaN. Sent once per model, from its first steps.
 */
export const NanMaskedLateEvent = z.object({
  type: z.literal('nanMaskedLate'),
  modelId: z.number().int(),
  /** The user's line that took the difference. */
  site: SourceSite.nullable(),
  /** The line that tested for NaN. */
  maskSite: SourceSite.nullable(),
  /** Which side of the difference holds the NaN: the receiver or first argument (a), or the other (b). */
  operand: z.enum(['a', 'b']),
});
export type NanMaskedLateEvent = z.infer<typeof NanMaskedLateEvent>;

/**
 * The line that computed a custom loop's loss: where the scalar its step function returns was made
 * (a hand-written loss, or a tf.losses call). Sent once per model, from its first steps.
 */
export const LossComputedEvent = z.object({
  type: z.literal('lossComputed'),
  modelId: z.number().int(),
  site: SourceSite,
  /** Optional: the loss is a sum (not a mean) of this many values. */
  summedValues: z.number().int().min(0).optional(),
  /** Optional: the loss is multiplied, last, by this number given as is (a loss scale, `loss.mul(1024)`). */
  scaledBy: z.number().positive().optional(),
  /**
   * Optional: the loss is a sum divided, last, by a number given as is (`tf.sum(errors).div(n)`):
   * this many times the mean of the values it adds up (1 when n is their count).
   */
  meanScale: z.number().positive().optional(),
  /**
   * Optional: the loss is the mean of the rows' errors multiplied by weights given as numbers that
   * average this (far below 1), the weights being operand `a` or `b` of the multiplication.
   */
  rowWeights: z.object({ mean: z.number().positive(), operand: z.enum(['a', 'b']) }).optional(),
});
export type LossComputedEvent = z.infer<typeof LossComputedEvent>;

/**
 * A custom loop whose steps train some of a model's layers but not its last layer with weights,
 * though that layer is trainable and no other model's steps train it: a variable list given to
 * minimize (or variableGrads) that leaves the output layer at its random initial weights. Judged
 * once, over the model's first steps.
 */
export const UntrainedLayersEvent = z.object({
  type: z.literal('untrainedLayers'),
  modelId: z.number().int(),
  iter: z.number().int().min(0),
  /** Indices (into the model's layers) of the trainable layers no step trained, and of those trained. */
  layers: z.array(z.number().int()).min(1).max(64),
  trained: z.array(z.number().int()).min(1).max(64),
  /** The training step's call (minimize or variableGrads). */
  site: SourceSite.nullable(),
  elapsedMs: z.number(),
});
export type UntrainedLayersEvent = z.infer<typeof UntrainedLayersEvent>;

/**
 * A custom loop whose steps all train on the same rows: the model's input at each of its first
 * steps was sliced from the same larger tensor at the same offset.
 */
export const SameBatchEvent = z.object({
  type: z.literal('sameBatch'),
  modelId: z.number().int(),
  iter: z.number().int().min(0),
  /** Rows of the tensor sliced, rows of each slice, and where every slice began (null: rows gathered by index). */
  rows: z.number().int().min(1),
  batchRows: z.number().int().min(1),
  begin: z.number().int().min(0).nullable(),
  /** Optional, for rows gathered by index: the first of them. */
  firstRows: z.array(z.number().int()).max(8).optional(),
  /** Optional: the offset moved by this many rows (fewer than a batch) at each step, so batches overlap; `begin` is the last. */
  advance: z.number().int().min(1).optional(),
  /** Optional: the batches came from the dataset fitDataset trains on (its first batches all held the same inputs); `site` is where they were made. */
  fromDataset: z.boolean().optional(),
  /**
   * Optional: each step made its batch anew from an array, always with the same rows, and the model
   * was then scored (evaluate or predict) on `rows` rows that hold them; `site` is where the batch was made.
   */
  madeEachStep: z.enum(['evaluate', 'predict']).optional(),
  steps: z.number().int().min(1),
  /** The slice call. */
  site: SourceSite.nullable(),
  elapsedMs: z.number(),
});
export type SameBatchEvent = z.infer<typeof SameBatchEvent>;

/**
 * A custom loop whose steps cut their inputs and another tensor of as many rows (the targets) to
 * the same size at offsets a constant distance apart: each batch's targets belong to other rows.
 */
export const BatchesApartEvent = z.object({
  type: z.literal('batchesApart'),
  modelId: z.number().int(),
  iter: z.number().int().min(0),
  rows: z.number().int().min(1),
  batchRows: z.number().int().min(1),
  /** The targets' offset minus the inputs', in rows (null: rows taken by index on either side, and different). */
  distance: z.number().int().nullable(),
  /** How each batch was taken: a slice of consecutive rows, or rows gathered by index. */
  inputsBy: z.enum(['slice', 'index']).optional(),
  targetsBy: z.enum(['slice', 'index']).optional(),
  steps: z.number().int().min(1),
  /** The targets' slice call, and the inputs'. */
  site: SourceSite.nullable(),
  inputsSite: SourceSite.nullable(),
  elapsedMs: z.number(),
});
export type BatchesApartEvent = z.infer<typeof BatchesApartEvent>;

/**
 * fit ended before its planned epochs with an early-stopping callback among its callbacks. Sent
 * when fit ends.
 */
export const StoppedEarlyEvent = z.object({
  type: z.literal('stoppedEarly'),
  modelId: z.number().int(),
  epochs: z.number().int().min(0),
  planned: z.number().int().min(1),
  patience: z.number().nullable(),
  monitor: z.string().max(64).nullable(),
  /** 'min', 'max' or 'auto': which way the monitored value improves. */
  mode: z.string().max(16).optional(),
  /** The tf.callbacks.earlyStopping call that made the callback; for a script's own callback, its `model.stopTraining = true`. */
  site: SourceSite.nullable(),
  /** Stopped by the script's own callback setting model.stopTraining, not by tf.callbacks.earlyStopping. */
  byScript: z.boolean().optional(),
  elapsedMs: z.number(),
});
export type StoppedEarlyEvent = z.infer<typeof StoppedEarlyEvent>;

export const TraceEvent = z.discriminatedUnion('type', [
  Hello,
  TfjsLoaded,
  ModelEvent,
  DataEvent,
  IterationEvent,
  EpochEvent,
  CrashEvent,
  TrainEndEvent,
  ProbeWarning,
  IgnoredSettingEvent,
  LossCallEvent,
  OneHotEvent,
  BroadcastEvent,
  BatchAxisEvent,
  ColumnTargetsEvent,
  StaleTrainableEvent,
  WeightsSetEvent,
  GradientAscentEvent,
  StoppedEarlyEvent,
  BatchClassesEvent,
  TensorLeakEvent,
  OptimizerRecreatedEvent,
  GradientsAlteredEvent,
  ModelRebuiltEvent,
  ShuffledApartEvent,
  ShuffledInsideSamplesEvent,
  GradientBlockedEvent,
  OutputScaledEvent,
  ClipsUnusedEvent,
  WeightsOverwrittenEvent,
  VariablesBlockedEvent,
  UntrackedVariablesEvent,
  TruncatedToIntEvent,
  DatasetSpentEvent,
  DatasetTakenEvent,
  EnvUnsetEvent,
  ShuffledSeriesEvent,
  TargetsSortedEvent,
  MaxNormAppliedEvent,
  PenaltyDominatesEvent,
  LogOfProbabilitiesEvent,
  InferenceModeEvent,
  TrainedAgainstEvent,
  OpAtZeroEvent,
  NanMaskedLateEvent,
  LossDividedByCountEvent,
  OneSidedClipEvent,
  ZeroMarginEvent,
  PowerShrinksEvent,
  BatchesRelabelledEvent,
  PenaltySubtractedEvent,
  UsedBeforeTrainingEvent,
  LogOfOutputEvent,
  RawSoftmaxEvent,
  WeightsClampedEvent,
  MonitorMissingEvent,
  UsedUntrainedEvent,
  ScoredOnTrainedRowsEvent,
  InputsOffScaleEvent,
  ScaledApartEvent,
  EvaluatedEvent,
  GradientsReappliedEvent,
  ThresholdOutsideOutputsEvent,
  DrawComparedOutsideEvent,
  LossNegatedEvent,
  TrainingModeAfterEvent,
  DividedByZeroEvent,
  MaskRaisesScoresEvent,
  KernelsFrozenEvent,
  TargetInInputsEvent,
  RateLeftBySweepEvent,
  RateLeftByOtherModelEvent,
  InputsSquashedEvent,
  TargetSentinelEvent,
  SortedAsTextEvent,
  SortedByBooleanEvent,
  SplitMissesSeparatorEvent,
  SplitOnWordsEvent,
  ParsedToCommaEvent,
  SignDroppedEvent,
  RotatedByDegreesEvent,
  ValuesOffIndexEvent,
  TagsMisalignedEvent,
  IntegersRoundedEvent,
  SplitWithByteOrderMarkEvent,
  RegexStateCarriedEvent,
  EmptyBatchEvent,
  ExpOfExpEvent,
  GatherAcrossRowsEvent,
  StepsStoppedEvent,
  WeightsAveragedEvent,
  InputsSwappedEvent,
  InputGivenTwiceEvent,
  LayerDetachedEvent,
  DatesFromSecondsEvent,
  ParsedHexAsDecimalEvent,
  ParsedBehindSymbolEvent,
  FitOneClassEvent,
  FitClassesAddedEvent,
  DropoutSeedFixedEvent,
  PinballFlippedEvent,
  SignedDistanceEvent,
  RateGroupsSwappedEvent,
  VarListMissingEvent,
  ArgmaxTargetEvent,
  FedByUntrainedEvent,
  DivisorCrossedZeroEvent,
  ShiftByBatchMaxEvent,
  MaskMultipliedEvent,
  ScoresScaledUpEvent,
  RowsIdenticalEvent,
  ContrastiveUnnormalizedEvent,
  WeightsCopiedToSelfEvent,
  PositivesMaskedEvent,
  LogitsAsProbabilitiesEvent,
  HeadsSplitEvent,
  FocalInvertedEvent,
  MaxOverBatchEvent,
  IdsRenumberedEvent,
  ChannelsPermutedEvent,
  SoftmaxRowsMaskedEvent,
  ExpOverflowEvent,
  WeightsSummedEvent,
  AbsOfSummedErrorsEvent,
  HuberBranchesSwappedEvent,
  StepBelowResolutionEvent,
  SineSpreadWideEvent,
  PrunedLargestEvent,
  TagsReversedEvent,
  ViewsIdenticalEvent,
  CosineLogitsEvent,
  DrawsWithinBatchEvent,
  BatchSummedEvent,
  InputsDriftEvent,
  MasksMisalignedEvent,
  VariablesConstantEvent,
  HandWrittenUpdateEvent,
  VariablesInitWideEvent,
  NoisyTargetsEvent,
  WeightsKeptLiveEvent,
  WeightsKeptEvent,
  WeightsRestoredEvent,
  LossComputedEvent,
  UntrainedLayersEvent,
  SameBatchEvent,
  BatchesApartEvent,
]);
export type TraceEvent = z.infer<typeof TraceEvent>;
export type TraceEventOf<T extends TraceEvent['type']> = Extract<TraceEvent, { type: T }>;

/** Largest encoded event accepted; larger ones are rejected unread. */
export const MAX_EVENT_BYTES = 8 * 1024 * 1024;

export type DecodeResult = { ok: true; event: TraceEvent } | { ok: false; error: string };

/** Validates one decoded JSON value as a trace event of this version. */
export function validateEvent(value: unknown): DecodeResult {
  if (typeof value !== 'object' || value === null) return { ok: false, error: 'not an object' };
  const v = (value as { v?: unknown }).v;
  if ((value as { type?: unknown }).type === 'hello' && v !== TRACE_VERSION) {
    return { ok: false, error: `trace version ${String(v)} is not supported (expected ${TRACE_VERSION})` };
  }
  const parsed = TraceEvent.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // zod lists every event type for an unknown one: a list that grows with the schema, not news.
    const said = issue?.code === 'invalid_union' && 'discriminator' in issue ? 'is not a known event type' : issue?.message.slice(0, 300);
    return { ok: false, error: `invalid ${describeType(value)} event: ${issue ? `${issue.path.join('.')} ${said}` : 'unknown'}` };
  }
  return { ok: true, event: parsed.data };
}

/** Parses and validates one JSONL line. */
export function decodeLine(line: string): DecodeResult {
  if (line.length > MAX_EVENT_BYTES) return { ok: false, error: `event of ${line.length} bytes is over the limit` };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { ok: false, error: 'not JSON' };
  }
  return validateEvent(value);
}

function describeType(value: object): string {
  const t = (value as { type?: unknown }).type;
  return typeof t === 'string' ? `'${t.slice(0, 32)}'` : 'untyped';
}

/**
 * Splits a byte stream into lines without growing without bound: a line longer than
 * MAX_EVENT_BYTES is dropped (reported through onOversized) instead of buffered.
 */
export class LineSplitter {
  private buffer = '';
  private skipping = false;
  constructor(
    private readonly onLine: (line: string) => void,
    private readonly onOversized: (bytes: number) => void = () => undefined,
  ) {}

  push(chunk: string): void {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf('\n', start);
      if (nl < 0) break;
      const piece = chunk.slice(start, nl);
      if (this.skipping) {
        this.skipping = false;
      } else {
        const line = this.buffer + piece;
        this.buffer = '';
        if (line.length > MAX_EVENT_BYTES) this.onOversized(line.length);
        else if (line.trim().length > 0) this.onLine(line);
      }
      start = nl + 1;
    }
    if (start < chunk.length) {
      if (this.skipping) return;
      this.buffer += chunk.slice(start);
      if (this.buffer.length > MAX_EVENT_BYTES) {
        this.onOversized(this.buffer.length);
        this.buffer = '';
        this.skipping = true;
      }
    }
  }

  /** Whatever is left at the end of the stream (a truncated last line). */
  flush(): void {
    const rest = this.buffer;
    this.buffer = '';
    this.skipping = false;
    if (rest.trim().length > 0) this.onLine(rest);
  }
}
