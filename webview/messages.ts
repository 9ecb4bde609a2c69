/**
 * Every message between the extension host and the trend webview, in one place for both sides.
 * Each side validates what it receives: the webview is a separate, less trusted context, and the
 * host may be a different version of the extension than the one that rendered a revived panel.
 *
 * `zod/mini` rather than `zod`: the same schemas, tree-shakable, ~12 KB in the browser bundle
 * instead of ~450 KB.
 */
import * as z from 'zod/mini';

export const PROTOCOL_VERSION = 1;

const MAX_POINTS = 100_000;
const name = () => z.string().check(z.maxLength(256));
const int = () => z.int();
const count = () => z.int().check(z.minimum(0));
const nums = () => z.array(z.number()).check(z.maxLength(MAX_POINTS));
const maybeNums = () => z.array(z.nullable(z.number())).check(z.maxLength(MAX_POINTS));

/** One downsampled series as `TraceSeries` stores it (see src/analysis/series.ts). */
export const SeriesData = z.object({
  x: nums(),
  mean: maybeNums(),
  min: maybeNums(),
  max: maybeNums(),
  nonFinite: z.array(count()).check(z.maxLength(MAX_POINTS)),
  stride: z.int().check(z.minimum(1)),
});
export type SeriesData = z.infer<typeof SeriesData>;

/** Replaces a series' points from index `from` on (from 0: the whole series). */
export const SeriesPatch = z.object({
  key: z.string().check(z.maxLength(320)),
  from: count(),
  stride: z.int().check(z.minimum(1)),
  x: nums(),
  mean: maybeNums(),
  min: maybeNums(),
  max: maybeNums(),
  nonFinite: z.array(count()).check(z.maxLength(MAX_POINTS)),
});
export type SeriesPatch = z.infer<typeof SeriesPatch>;

export const LAYER_HEALTH = ['faulty', 'warning', 'ok', 'unknown'] as const;
export type LayerHealth = (typeof LAYER_HEALTH)[number];

export const LayerMeta = z.object({
  index: count(),
  name: name(),
  className: z.string().check(z.maxLength(128)),
  /** The trace knows the line that created the layer (so "reveal" can work). */
  hasSite: z.boolean(),
  health: z.enum(LAYER_HEALTH),
  /** Short reason shown next to the badge. */
  note: z.nullable(z.string().check(z.maxLength(512))),
});
export type LayerMeta = z.infer<typeof LayerMeta>;

export const FindingView = z.object({
  id: z.string().check(z.maxLength(512)),
  symptom: z.string().check(z.maxLength(64)),
  rootCause: z.string().check(z.maxLength(64)),
  severity: z.enum(['error', 'warning']),
  confirmed: z.boolean(),
  message: z.string().check(z.maxLength(2048)),
  modelId: int(),
  layer: z.nullable(z.object({ name: name(), index: count() })),
  /** Optimizer step at which the evidence was conclusive. */
  iteration: z.nullable(count()),
  /** Step where the symptom began, when the engine knows it (else the webview estimates it). */
  onset: z.nullable(count()),
  fixTitle: z.nullable(z.string().check(z.maxLength(512))),
});
export type FindingView = z.infer<typeof FindingView>;

export const RunInfo = z.object({
  script: z.nullable(z.string().check(z.maxLength(4096))),
  /** True while the training process is being traced. */
  live: z.boolean(),
  iterations: count(),
  epochs: count(),
});
export type RunInfo = z.infer<typeof RunInfo>;

/** Everything but the series: small, sent whole whenever it changes. */
export const ViewHead = z.object({
  run: RunInfo,
  models: z.array(z.object({ modelId: int(), name: name() })).check(z.maxLength(64)),
  /** The model whose series are sent; null before any model was traced. */
  modelId: z.nullable(int()),
  iterations: count(),
  metrics: z.array(z.string().check(z.maxLength(64))).check(z.maxLength(64)),
  findings: z.array(FindingView).check(z.maxLength(500)),
  /** The selected layer (by name) of the shown model. */
  selected: z.nullable(name()),
  /** Layers (by index) whose per-layer series are being sent. */
  subscribed: z.array(count()).check(z.maxLength(64)),
});
export type ViewHead = z.infer<typeof ViewHead>;

const Layers = z.array(LayerMeta).check(z.maxLength(5000));

export const SnapshotMessage = z.object({
  type: z.literal('snapshot'),
  v: z.literal(PROTOCOL_VERSION),
  seq: count(),
  head: ViewHead,
  layers: Layers,
  series: z.array(SeriesPatch).check(z.maxLength(2000)),
});

export const UpdateMessage = z.object({
  type: z.literal('update'),
  seq: count(),
  /** The message this one builds on; a webview that did not see it asks for a snapshot. */
  after: count(),
  head: z.optional(ViewHead),
  layers: z.optional(Layers),
  patches: z.array(SeriesPatch).check(z.maxLength(2000)),
});

export const FocusMessage = z.object({
  type: z.literal('focus'),
  modelId: z.nullable(int()),
  layer: name(),
});

export const ThemeMessage = z.object({
  type: z.literal('theme'),
  kind: z.enum(['light', 'dark', 'high-contrast', 'high-contrast-light']),
});

export const ToWebview = z.discriminatedUnion('type', [SnapshotMessage, UpdateMessage, FocusMessage, ThemeMessage]);
export type ToWebview = z.infer<typeof ToWebview>;
export type SnapshotMessage = z.infer<typeof SnapshotMessage>;
export type UpdateMessage = z.infer<typeof UpdateMessage>;

export const Selection = z.object({ modelId: z.nullable(int()), layer: z.nullable(name()) });
export type Selection = z.infer<typeof Selection>;

export const ReadyMessage = z.object({
  type: z.literal('ready'),
  v: z.literal(PROTOCOL_VERSION),
  /** What the user had selected before the webview was hidden or reloaded. */
  selection: z.nullable(Selection),
});

export const SelectLayerMessage = z.object({
  type: z.literal('selectLayer'),
  modelId: z.nullable(int()),
  layer: z.nullable(name()),
});

export const RevealLayerMessage = z.object({
  type: z.literal('revealLayer'),
  modelId: int(),
  layer: name(),
});

export const FromWebview = z.discriminatedUnion('type', [ReadyMessage, SelectLayerMessage, RevealLayerMessage]);
export type FromWebview = z.infer<typeof FromWebview>;

/** The payload type of each message, by its `type` (a typed map both sides can index). */
export type ToWebviewMap = { [K in ToWebview['type']]: Extract<ToWebview, { type: K }> };
export type FromWebviewMap = { [K in FromWebview['type']]: Extract<FromWebview, { type: K }> };

export type Parsed<T> = { ok: true; message: T } | { ok: false; error: string };

function parse<T>(schema: z.ZodMiniType<T>, value: unknown): Parsed<T> {
  const r = schema.safeParse(value);
  if (r.success) return { ok: true, message: r.data };
  const issue = r.error.issues[0];
  const what = typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string' ? `'${String((value as { type: string }).type).slice(0, 32)}'` : 'untyped';
  return { ok: false, error: `invalid ${what} message: ${issue ? `${issue.path.join('.') || '(root)'} ${issue.message}` : 'unknown'}` };
}

/** Validates a message the extension received from the webview. */
export function parseFromWebview(value: unknown): Parsed<FromWebview> {
  return parse(FromWebview, value);
}

/** Validates a message the webview received from the extension. */
export function parseToWebview(value: unknown): Parsed<ToWebview> {
  return parse(ToWebview, value);
}
