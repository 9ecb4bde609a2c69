/**
 * Quick fixes as exact edits of the user's source. A fix is produced only when the pattern
 * it changes is found where the trace says it is; otherwise the result is null (never a
 * guessed edit). Columns are 1-based UTF-16 offsets within the line; ends are exclusive.
 */
import type { Fix, TextEdit } from './findings';
import { literal } from './stats';
import type { LayerInfo, OptimizerInfo, SourceSite } from './trace';

export type SourceReader = (file: string) => string | undefined;

export type ScaleOp =
  | { type: 'div'; by: number }
  /** Scaled class indices back to integers (rounded, so float error cannot floor 8.9999 to 8). */
  | { type: 'mul'; by: number }
  | { type: 'standardize'; mean: number; std: number }
  /** Per-column standardization computed from the tensor itself (2-D inputs). */
  | { type: 'columns'; fallback: { mean: number; std: number } | null }
  /** Class indices to one-hot rows (needs `tf` in scope). */
  | { type: 'oneHot'; depth: number }
  /** NaN and Infinity values replaced by 0 (needs `tf` in scope). */
  | { type: 'finite' }
  /** Every value moved by `by` (class indices numbered from 1 renumbered from 0). */
  | { type: 'shift'; by: number }
  /** Two-valued targets (-1/1, or 0/1 standardized) back to 0 and 1: 1 above `threshold`. */
  | { type: 'binarize'; threshold: number };

export type FixPlan =
  | { kind: 'activation'; layer: LayerInfo; to: string }
  /** The value of an option written in the layer's call (`kernelInitializer: 'zeros'`) becomes the string `to`. */
  | { kind: 'layerOption'; layer: LayerInfo; key: string; to: string }
  /** The option `key` is removed from the layer's call (with its comma), leaving the layer's default. */
  | { kind: 'removeLayerOption'; layer: LayerInfo; key: string }
  /** The number (or the name of one) written for an option in the layer's call (`rate: 0.8`) becomes `to`. */
  | { kind: 'layerNumber'; layer: LayerInfo; key: string; to: number; insert?: boolean }
  /** The value written for an option in the layer's call (`useBias: false`) becomes the code `to`. */
  | { kind: 'layerValue'; layer: LayerInfo; key: string; to: string }
  /**
   * The layer's `inputShape` names a constant `[c, h, w]` that also shapes the data: it becomes
   * `[h, w, c]`. Only offered for one channel, where the values need no reordering.
   */
  | { kind: 'channelsLast'; layer: LayerInfo }
  /** A copy of the compile statement at `compileSite` goes on a new line after the statement at the site. */
  | { kind: 'recompileAfter'; site: SourceSite; compileSite: SourceSite }
  /** The `.shuffle(buffer)` call at the site draws from a buffer of all `rows` rows. */
  | { kind: 'shuffleBuffer'; site: SourceSite; rows: number }
  /** The `clipByValue(x, lo, hi)` call at the site clips at ±to instead. */
  | { kind: 'clipBounds'; site: SourceSite; to: number }
  /** The lower bound of the `clipByValue` call at the site becomes minus its upper bound, as written (`0, CLIP` → `-CLIP, CLIP`). */
  | { kind: 'clipSymmetric'; site: SourceSite }
  /** The 0 subtracted from on the site's line (`tf.scalar(MARGIN).sub(d)`), a literal or a name declared once as 0, becomes `to`. */
  | { kind: 'marginTo'; site: SourceSite; to: number }
  | { kind: 'loss'; compileSite: SourceSite | null; slot: number; to: string }
  /**
   * Output `slot`'s loss is weighted by 0: in compile's `lossWeights`, or as an argument of the
   * loss written for that output (a literal, or a name or `object.key` declared once as 0). That 0 becomes 1.
   */
  | { kind: 'lossWeightOne'; compileSite: SourceSite; slot: number }
  | { kind: 'learningRate'; optimizer: OptimizerInfo | null; compileSite: SourceSite | null; to: number }
  | { kind: 'scale'; fitSite: SourceSite | null; role: 'x' | 'y'; op: ScaleOp }
  /** The tensor made by the `tensor*(...)` call at the site (a custom loop's data, where no fit call names it), scaled. */
  | { kind: 'scaleMade'; site: SourceSite; op: ScaleOp }
  /**
   * A class count written as a name declared `= Math.max(...labels)` (the largest index, one short of
   * the count) gets `+ 1`. The name is read at the site: the output layer's `units`, or tf.oneHot's depth.
   */
  | { kind: 'classCountPlusOne'; site: SourceSite; in: 'units' | 'oneHotDepth'; className?: string }
  /** The whole-line `model.add(...)` statement that added `layer` moves up to just before the one that added `before`. */
  | { kind: 'moveLayerBefore'; layer: LayerInfo; before: LayerInfo }
  /**
   * The row pushed into the array behind the tensor call at the site is parsed from text
   * (`cells.map((c) => parseFloat(c))`, in the push or in the one declaration of the name it pushes):
   * NaN from an empty cell becomes 0 there.
   */
  | { kind: 'nanAtParse'; site: SourceSite }
  /**
   * The one statement that writes the inputs' array behind the tensor call at the site takes a
   * window `.slice(lo, hi)` that ends at the value to predict: both ends move back by one.
   */
  | { kind: 'windowBeforeTarget'; site: SourceSite }
  /** In the one statement that writes the targets' array behind the tensor call at the site, the literal values `from` become `to`. */
  | { kind: 'relabelAtWrite'; site: SourceSite; from: number[]; to: number[] }
  /** Items `a` and `b` of the array literal given to fit as its targets trade places. */
  | { kind: 'swapFitTargets'; fitSite: SourceSite; a: number; b: number }
  /** fit(x, y, { validationData: [xv, yv] }) -> fit(xv, yv, { validationData: [x, y] }). */
  | { kind: 'swapFitWithValidation'; fitSite: SourceSite }
  /** The one `.add(` (or `tf.add(`) on the site's line, a variable's update, becomes `sub`: a step down the gradient. */
  | { kind: 'descendAt'; site: SourceSite }
  /**
   * The call at the site runs in a branch of an `if (a > best)` (or `<`, `>=`, `<=`) that, with
   * `best` still at the ±Infinity it is declared with, always sends it there, and `best` is
   * assigned only in the other branch, so it stays at its start: the comparison flips. With
   * `within`, the call may be anywhere in the function that holds such an if/else.
   */
  | { kind: 'flipGuard'; site: SourceSite; within?: boolean }
  | { kind: 'resetWaitCounter'; site: SourceSite }
  /** `Date.now() - start > BUDGET` with BUDGET a number of seconds: compare with BUDGET * 1000. */
  | { kind: 'budgetInMilliseconds'; site: SourceSite }
  /**
   * The statement at the site shuffles each sample's own contents, one call per sample
   * (`samples.forEach((s) => tf.util.shuffle(s.steps));`, `for (const s of samples) tf.util.shuffle(s.x);`):
   * it becomes one shuffle of the list of samples, `tf.util.shuffle(samples);`.
   */
  | { kind: 'shuffleSamples'; site: SourceSite }
  /** The two weights of fit's `classWeight` object (written in the call, or in the one declaration it names) trade places. */
  | { kind: 'swapClassWeights'; fitSite: SourceSite }
  /** A new `model.add(tf.layers.<layerCall>)` statement right after the one that added `after`. */
  | { kind: 'addLayer'; after: LayerInfo; layerCall: string }
  /** `<optimizer>.learningRate = <value>` (or `*=` etc.) at the site becomes `<optimizer>.setLearningRate(...)`. */
  | { kind: 'setLearningRate'; site: SourceSite }
  /** The number given at the site by `setLearningRate(<number>)` or `.learningRate = <number>` becomes `to`. */
  | { kind: 'rateValue'; site: SourceSite; to: number }
  /** Every `l1: <number>` and `l2: <number>` above `to` in the layer's regularizer option becomes `to`. */
  | { kind: 'regularizerFactor'; layer: LayerInfo; key: string; to: number }
  /** The indices given to `<ns>.oneHot(indices, depth)` at the site are shifted by `by` (as int32). */
  | { kind: 'shiftIndices'; site: SourceSite; by: number }
  /**
   * The second operand of `<a>.<op>(<b>)` or `<ns>.<op>(<a>, <b>)` at the site is reshaped to match
   * the first: to a column when it is the [n] vector, else flattened to [n].
   */
  | { kind: 'reshapeOperand'; site: SourceSite; op: string; vector: 'a' | 'b' }
  /** An option written in fit's options object (`shuffle: false`) gets the value `to`. */
  | { kind: 'fitOption'; fitSite: SourceSite; key: string; to: string }
  /**
   * The `<ns>.<op>(x, ...)` or `x.<op>(...)` call at the site (`tf.round(p)`, `loss.clipByValue(0, 1)`),
   * which passes no gradient, becomes `x`; `arity` counts x.
   */
  | { kind: 'unwrapCall'; site: SourceSite; op: string; arity: number }
  /** The `<ns>.<from>(...)` or `x.<from>()` call at the site calls `to` instead (`tf.step(h)` becomes `tf.relu(h)`). */
  | { kind: 'renameOp'; site: SourceSite; from: string; to: string }
  /** The one `new Array(n).fill(<an array or object>)` in the site's file, whose n slots share one row: `Array.from({ length: n }, () => <it>)`. */
  | { kind: 'freshRows'; site: SourceSite }
  /** The slice at the site begins at a name the loop steps by one (`start++`): it steps by the slice's size instead. */
  | { kind: 'offsetStep'; site: SourceSite }
  /** A batch made at the site from an array cut before it as `rows.slice(start, size)`: the end becomes `start + size`. */
  | { kind: 'sliceEndFromStart'; site: SourceSite }
  /** As unwrapCall (the method form, `x.div(n)`), and the same call, word for word, on every other statement that makes a tensor (the test set's). */
  | { kind: 'unwrapAlike'; site: SourceSite; op: string; arity: number }
  /** The one `.map(parseInt)` in the site's file (each index is taken as the radix): `.map(Number)`. */
  | { kind: 'parseIntMap'; site: SourceSite }
  /** Labels written as `CLASSES.indexOf(<field>)` behind the tensor call at the site: the field looked up trimmed, `<field>.trim()`. */
  | { kind: 'trimLookup'; site: SourceSite }
  /** The one `Array.from({ length: n }, fn)` in the file whose `fn` is a function declared with two or more parameters becomes `Array.from({ length: n }, () => fn())`. */
  | { kind: 'arrayFromCallback'; file: string }
  /**
   * fit's `key` option at the site is `<obj>.<key>`, `<obj>` declared once as `{ ...a, ...b }` with
   * `b` a name of defaults (DEFAULTS, defaults, …): the spreads swap, `{ ...b, ...a }`.
   */
  | { kind: 'spreadDefaultsFirst'; fitSite: SourceSite; key: string }
  /** The one `.sort((a, b) => a[1] - b[1]).slice(0, …)` (or `a.count - b.count`) in the file sorts descending: the top K kept are the most frequent. */
  | { kind: 'sortCountsDescending'; file: string }
  /** The one `const vocab = new Map();` (or `{}`) declared in a for loop's body and filled there moves to the top level, before the statement that holds it. */
  | { kind: 'hoistVocabulary'; file: string }
  /** Every `.reduce((acc, r) => acc + r.x)` in the file that sums fields of its elements with no initial value gets `, 0`. */
  | { kind: 'reduceFromZero'; file: string }
  /**
   * The parseFloat (or parseInt) call at the site, or the `.map(parseFloat)` that passes it, is given
   * its text without thousands separators (`.replace(/,/g, '')`), or with the decimal comma read as a
   * point (`.replace(',', '.')`).
   */
  | { kind: 'parseWithComma'; site: SourceSite; fn: 'parseFloat' | 'parseInt'; thousands: boolean }
  /** The one regular-expression literal for numbers on the site's line (`/\d+(\.\d+)?/g`) takes an optional minus sign in front. */
  | { kind: 'regexTakesSign'; site: SourceSite }
  /** The one `split(/\w+/)` (or `/[a-z]+/`) on the site's line splits on what is not a word: `/\W+/` (`/[^a-z]+/`). */
  | { kind: 'splitOnNonWords'; site: SourceSite }
  /**
   * The loss function around the site masks its targets with the one `greater(lo)` it holds, which
   * also leaves out the targets at `lo`: `greaterEqual(lo)` keeps every target in the output's range
   * and drops only the codes below it (-1 for a missing label).
   */
  | { kind: 'maskKeepsLowTargets'; site: SourceSite; missingBelow: number }
  /**
   * The one `tf.moments(scored, axes)` on the site's line (or the one name on it declared as such)
   * becomes the name the file declares once as `tf.moments(other, axes)`: the training statistics.
   */
  | { kind: 'trainingMoments'; site: SourceSite }
  /** The one `tf.range(0, n)` in the script's layer class `className` (raw positions) is divided by n: positions in [0, 1). */
  | { kind: 'scalePositions'; file: string; className: string }
  /**
   * The angle given to the rotation call at the site, in degrees: the one number constant it names
   * (declared once, above a whole turn) becomes `(15 * Math.PI) / 180`; a literal angle likewise.
   */
  | { kind: 'degreesToRadians'; site: SourceSite }
  /** The gather call at the site (`tf.gather(x, ids, 1)` or `x.gather(ids, 1)`) takes batchDims 1: one value per row. */
  | { kind: 'gatherPerRow'; site: SourceSite }
  /** The one `.split(` on the site's line is given its text without a leading byte-order mark: `.replace(/^\uFEFF/, '').split(`. */
  | { kind: 'stripByteOrderMark'; site: SourceSite }
  /** The file's one element assignment whose index divides without rounding (`row[OFFSET + hour / 3] = 1`) takes `Math.floor(...)` of its index. */
  | { kind: 'floorIndex'; file: string }
  /** The file's one label smoothing written `y * (1 + eps) - eps / K` becomes `y * (1 - eps) + eps / K`. */
  | { kind: 'smoothingSigns'; file: string }
  /** The tensor call at the site (`tf.tensor1d(ids).sub(base)`) takes the offset off in JavaScript numbers and is made as int32: `tf.tensor1d(ids.map((id) => id - base), 'int32')`. */
  | { kind: 'offsetIdsFirst'; site: SourceSite }
  /** Each regular-expression literal written `/source/flags` (once in the file) loses its g and y flags. */
  | { kind: 'dropGlobalFlag'; file: string; patterns: Array<{ source: string; flags: string }> }
  /** The evaluate (or predict) call at the site is given its array of two inputs the other way round. */
  | { kind: 'swapCallInputs'; site: SourceSite }
  /** The file's one `tf.log(tf.cosh(e))`, whose cosh overflows for |e| past about 89: `e.abs().add(tf.softplus(e.mul(-2))).sub(Math.log(2))`. */
  | { kind: 'stableLogCosh'; file: string }
  /** The file's one name compared with a random draw (`rng.random() < FLIP_RATE`) and declared as a number from 1 to 100: that number over 100. */
  | { kind: 'percentAsFraction'; file: string }
  /** `const test = rows.slice(0, n)` and `const train = rows.slice(n)` (or the like): the two names swapped. */
  | { kind: 'swapSplitNames'; file: string }
  /** The one constant named for an erased patch (CUTOUT, PATCH, ERASE_SIZE) declared at `size` or more, used as `SIZE - NAME`: a quarter of `size`. */
  | { kind: 'shrinkPatch'; file: string; size: number }
  /** The one constant named for a vocabulary's minimum count (MIN_COUNT, minFreq) declared at 3 or more and compared with: 2. */
  | { kind: 'lowerMinCount'; file: string }
  /** The one name for a norm declared on one line as a sum of squares with no square root, and divided by: `Math.sqrt(...)` of it. */
  | { kind: 'normTakesSqrt'; file: string }
  /** The one `.map((cell) => Number(cell))` (or `.map(Number)`) over split text: 'true' and 'false' cells read as 1 and 0. */
  | { kind: 'booleanCells'; file: string }
  /** A one-line declaration at the site (`const optimizer = tf.train.adam(lr);`) moved into the loop that follows it and uses its name, as the loop body's first line. */
  | { kind: 'declareInLoop'; site: SourceSite }
  /** A one-line declaration at the site (`const trunk = tf.layers.dense({...});`) whose name only one function uses moves into that function, as its body's first line: a fresh object for each call. */
  | { kind: 'declareInFunction'; site: SourceSite }
  /** The epsilon added to the divisor of the standardization at the site (`.div(std.add(EPS))`), a literal or a constant declared once, becomes 1e-7. */
  | { kind: 'tinyEpsilon'; site: SourceSite }
  /** The value declared on the site's line (`const soft = teacher.predict(x).div(T);`) is wrapped in tf.softmax. */
  | { kind: 'softmaxTargets'; site: SourceSite }
  /** The innermost `for` loop around the site whose condition is `i <= n` ends at `i < n` instead. */
  | { kind: 'exclusiveBound'; site: SourceSite }
  /** The one guard in the file that stops training when a value is *not* NaN (`if (!Number.isNaN(loss)) { ...; break; }`) loses its negation. */
  | { kind: 'nanGuardNegation'; file: string }
  /** A NaN guard `isNaN(loss)` given the tensor itself (always true: a tensor object is not a number): the scalar's value tested instead. */
  | { kind: 'nanTestReadsValue'; file: string }
  /**
   * A constant declared as `Math.floor(A / B)` of numbers (or constants declared as numbers) that
   * comes to 0, and divides something elsewhere in the file (`/ (2 * sigma * sigma)`), is kept at 1
   * or more: `Math.max(1, Math.floor(A / B))`.
   */
  | { kind: 'floorAtLeastOne'; file: string }
  | { kind: 'logFloor'; file: string }
  | { kind: 'ownMoments'; site: SourceSite }
  | { kind: 'normalizeEmbeddings'; site: SourceSite }
  | { kind: 'callbackParamsOrder'; site: SourceSite }
  | { kind: 'rateAsFactor'; site: SourceSite }
  | { kind: 'applyCondition'; file: string }
  | { kind: 'percentileFraction'; file: string }
  | { kind: 'numberFromToFixed'; file: string }
  | { kind: 'copyFromTwin'; site: SourceSite }
  | { kind: 'dropWhereMask'; site: SourceSite }
  | { kind: 'softmaxAt'; site: SourceSite }
  | { kind: 'splitHeadsTranspose'; site: SourceSite }
  | { kind: 'bestFromInfinity'; file: string }
  | { kind: 'stopCheckPerEpoch'; site: SourceSite }
  | { kind: 'maskByIndex'; file: string }
  | { kind: 'historyStart'; file: string }
  | { kind: 'scaleByMax'; file: string }
  | { kind: 'focalModulator'; file: string }
  | { kind: 'floorBelowRate'; site: SourceSite; rate: number }
  /**
   * A column mean taken with reduce over values that hold NaN (missing cells, imputed with that
   * mean afterwards): the column declared just before it keeps only its numbers.
   */
  | { kind: 'meanSkipsNaN'; file: string }
  /** The one string hash in the file that grows without wrapping (`h = h * 31 + c.charCodeAt(0)`) is kept in 32 bits: `(…) >>> 0`. */
  | { kind: 'hashInt32'; file: string }
  /**
   * The one shallow copy of a list of rows (`const out = [...rows];`) whose rows are then written in
   * place (`row[j] += …` in a loop over it) copies each row instead: `rows.map((row) => [...row])`.
   */
  | { kind: 'copyRows'; file: string }
  /**
   * An image pushed through a conditional transform (`images.push(...(flip ? mirror(img) : img))`)
   * and its mask pushed plain on the next line: the mask gets the same transform, on the same draw.
   */
  | { kind: 'maskLikeImage'; file: string }
  /**
   * The one loop that writes a whole fresh one-hot row per tag (`for (const t of tags) y[i] =
   * TAGS.map((x) => (x === t ? 1 : 0));`) makes the row once and sets each tag's element.
   */
  | { kind: 'tagRowOnce'; file: string }
  /** The `.div(255)` (or `/ 255`) on the site's line goes. */
  | { kind: 'dropDivide255'; site: SourceSite }
  /** The one `.div(rate)` on the site's line, a learning rate by its name, becomes `.mul(rate)`. */
  | { kind: 'rateMultiplies'; site: SourceSite }
  /** The `.split(from)` call at the site splits on `to` instead: the separator the lines hold. */
  | { kind: 'splitSeparator'; site: SourceSite; from: string; to: string }
  /** A hand-written adaptive step at the site dividing by the running mean of squared gradients, `g.div(v.add(eps))`, divides by its root: `g.div(v.sqrt().add(eps))`. */
  | { kind: 'sqrtOfDivisor'; site: SourceSite }
  /** The one `new Array(n).fill(expr)` on the line at the site, `expr` a draw, becomes `Array.from({ length: n }, () => expr)`. */
  | { kind: 'fillEach'; site: SourceSite }
  /**
   * The `if (… loss > best)` around the getWeights call at the site keeps the weights when the loss
   * is lower: `<`, and the best's declaration (`let best = 0`) starts from Infinity.
   */
  | { kind: 'keepLowerLoss'; site: SourceSite }
  /** A rate written at the site as `… (1 - Math.min(p, 1))` (a warm-up that falls to 0) becomes `… Math.min(p, 1)`. */
  | { kind: 'warmupRising'; site: SourceSite }
  /** The comparator `(a, b) => L > R` (or <, >=, <=) of the sort at the site returns the difference instead: `L - R` (`R - L` for <). */
  | { kind: 'comparatorDifference'; site: SourceSite }
  /**
   * The statement `xs.sort(() => draw() > 0.5);` at the site, a shuffle written as a sort, becomes a
   * Fisher-Yates shuffle of xs drawing from the same generator.
   */
  | { kind: 'shuffleInPlace'; site: SourceSite }
  /** The one `LIST.indexOf(x)` where the labels at the site are written, LIST declared once as numbers, becomes `LIST.findIndex((v) => Math.abs(v - x) < 1e-9)`. */
  | { kind: 'nearLookup'; site: SourceSite }
  /** The one `values.map((v) => v / total)` in the site's file whose `total` is a sum (`.reduce(`), 0 for an empty row: guarded, `(total > 0 ? v / total : 0)`. */
  | { kind: 'guardShare'; site: SourceSite }
  /** fit's option `key`, written as a name declared once (`epochs` from `Math.floor(...)`): its initializer wrapped in `Math.max(1, ...)`. */
  | { kind: 'atLeastOne'; fitSite: SourceSite; key: string }
  /**
   * Rows made by mapping each record to an array literal (`train.map(toFeatures)`, `toFeatures`
   * returning `[a, Math.log(b), c]`), the tensor call at the site: the element at `column`, a
   * `Math.log(E)` (NaN below 0) or `Math.exp(E)` (Infinity past 88), becomes one defined for every E;
   * a name declared before it as a division (`const ratio = a / b`) becomes 0 where b is.
   */
  | { kind: 'finiteAtColumn'; site: SourceSite; column: number }
  /** The value in column `column` of the rows mapped where the tensor at `site` is made, kept finite (NaN there becomes `fallback`). */
  | { kind: 'fallbackAtColumn'; site: SourceSite; column: number; fallback: string }
  /** The targets' array behind the tensor call at the site, written `labels.concat(labels)`: each label twice in a row, `labels.flatMap((label) => [label, label])`. */
  | { kind: 'repeatEach'; site: SourceSite }
  /**
   * The one `Math.cos(<name>)` in the file, an epoch taken as radians: `Math.cos(Math.PI * <name> / <epochs>)`,
   * epochs as fit's `epochs` option is written at `fitSite` (else the number `epochs`).
   */
  | { kind: 'cosineOverRun'; fitSite: SourceSite; epochs: number | null }
  /** The one loop or map over the lines split from text in the site's file, which reads the header as data: over `lines.slice(1)`. */
  | { kind: 'skipHeader'; site: SourceSite }
  /** `tf.data.generator(() => it)` over `const it = makeIt(...)`: the arrow makes a fresh one, `() => makeIt(...)`. */
  | { kind: 'freshIterator'; site: SourceSite }
  /** `tf.tensor2d(counts.map((c) => (c - mean) / std), ...)`: the values as they were, `tf.tensor2d(counts, ...)`. */
  | { kind: 'unstandardizeAtMake'; site: SourceSite }
  /** `table.slice([0, 4], [n, 1])` whose column should be `to`: the begin's last number becomes `to`. */
  | { kind: 'sliceColumn'; site: SourceSite; to: number }
  /** Targets written in a `for (const i in array)` loop that adds to `i` (a string there): a counting loop. */
  | { kind: 'forInToIndex'; site: SourceSite }
  /** Targets written as `Math.log(count)` (-Infinity at 0): `Math.log1p`, and `Math.exp` back to counts as `Math.expm1`. */
  | { kind: 'log1pAtWrite'; site: SourceSite }
  /** A rate set to `base / epoch` (Infinity at epoch 0): the one name it divides by, counted from 1 (`epoch + 1`). */
  | { kind: 'divisorPlusOne'; site: SourceSite }
  | { kind: 'rateProperty'; site: SourceSite }
  /** `x.max(0, ...)` or `tf.max(x, 0, ...)` on the line: over axis 1. */
  | { kind: 'reduceAxisOne'; site: SourceSite }
  /** `optimizer.setLearningRate(momentum)`: a momentum (by its name) handed to the rate's setter, made setMomentum. */
  | { kind: 'setMomentumNotRate'; site: SourceSite }
  /** Cells written with a percent sign ('4.01%') parsed with Number (NaN): the one Number(cell) parse made parseFloat. */
  | { kind: 'percentCells'; file: string }
  /** The one pixel write whose channels come as b, g, r (`px[o] = b; px[o + 1] = g; px[o + 2] = r;`): written r, g, b. */
  | { kind: 'channelOrder'; file: string }
  /** A vocabulary assigned at every pass of a loop (`index = buildVocab(texts)`) to a name declared before it: built only the first time. */
  | { kind: 'vocabOnce'; file: string }
  /** A parse loop that stops at the first blank line (`if (line.trim() === '') break;`): skips it. */
  | { kind: 'blankLineContinue'; file: string }
  /** Sampled negatives pushed with the positives' label 1 (`labels.push(1)` beside a negative): 0. */
  | { kind: 'negativesLabelledZero'; file: string }
  /** Labels thresholded on a standardized copy of the table (`scaled.map((r) => [r[j] > 500 ? 1 : 0])`): on the raw table. */
  | { kind: 'labelsFromRaw'; site: SourceSite }
  /** Tensors a loop makes for each fit call with a helper (`const { xs, ys } = make(...)`): made in tf.tidy, disposed after the fit. */
  | { kind: 'tidyFitData'; fitSite: SourceSite }
  /** A Gaussian likelihood's log-variance term subtracted (exp(-s) * err - s): added. */
  | { kind: 'logVarianceSign'; site: SourceSite }
  /** A loss term weighted by a name declared `1 - epoch / N` (negative past N): ramped up and capped, Math.min(1, epoch / N). */
  | { kind: 'annealRising'; site: SourceSite }
  /** The one labels tensor named for generated samples (fakeLabels) made of ones: made of zeros. */
  | { kind: 'fakeLabelsZero'; file: string }
  /** `tf.log(tf.exp(z).add(1))` (or `tf.add(1, tf.exp(z))`, `tf.log1p(tf.exp(z))`) on the line: `tf.softplus(z)`. */
  | { kind: 'softplusForLogExp'; site: SourceSite }
  /** The tensor a line makes (`tf.tensor2d(...)`, one call) taken log1p of: `tf.tensor2d(...).log1p()`. */
  | { kind: 'log1pTensor'; site: SourceSite }
  /** The one `tf.addN(NAME.map(...))` (or `tf.addN(NAME)`) on or just above the line that set the weights: divided by NAME.length. */
  | { kind: 'averageSum'; site: SourceSite }
  /** The targets fit is given summed over axis 1 (each one-hot row's own sum, 1) within the lines above fit: summed over axis 0, per class. */
  | { kind: 'countClassesDown'; fitSite: SourceSite }
  /** A kept mean over the channel axis on the line (`x.mean(3, true)`): over the images' axes 0, 1 and 2. */
  | { kind: 'channelMeanOverImages'; site: SourceSite }
  /** The file's one integer typed array (`new Uint8Array(n)`): a Float32Array. */
  | { kind: 'floatTypedArray'; file: string }
  /** The constant named for ω0 that the sine's line multiplies by, declared once as a number: 30. */
  | { kind: 'omegaThirty'; site: SourceSite }
  /** A flow's log-determinant (a name such as logDet) added on the loss line: subtracted. */
  | { kind: 'logDetSign'; site: SourceSite }
  /** `tf.abs(tf.sum(e))` (or mean, or `tf.abs(e.sum())`) on the line: `tf.sum(tf.abs(e))`. */
  | { kind: 'absBeforeSum'; site: SourceSite }
  /** The one tf.where on the line with its two branches swapped. */
  | { kind: 'swapWhereBranches'; site: SourceSite }
  /** A name added to (or subtracted from) a tensor on the line, declared as a number below 1e-4: declared 1e-3. */
  | { kind: 'resolvableStep'; site: SourceSite }
  /** A pruning mask `abs(w).lessEqual(t)` (or less) on or just above the line that set the weights: greater. */
  | { kind: 'pruneKeepLarge'; site: SourceSite }
  /** A mask written as -Infinity on or just above the line that made a softmax's scores: -1e9. */
  | { kind: 'finiteMask'; site: SourceSite }
  /** The one division by a standard deviation computed with Math.sqrt and never guarded: 0 / 0 for a constant window. */
  | { kind: 'guardStd'; file: string }
  /** The one arrow with a braced body passed to map that returns nothing (each value undefined): its last expression returned. */
  | { kind: 'returnFromMapArrow'; file: string }
  /** A smoothing factor `1 - NAME` on the line that smooths the targets, given in percent: its declaration divided by 100. */
  | { kind: 'smoothingFraction'; site: SourceSite }
  /** A plateau rule's improvement test written for a loss (current < best), a few lines above the rate it sets, made to count a higher value as better. */
  | { kind: 'improvementUp'; site: SourceSite }
  | { kind: 'guardWarmupRatio'; site: SourceSite }
  /** The rate assigned on the site's line read from a table declared once as an array (`LR_TABLE[epoch]`): past its end it holds the last entry (`LR_TABLE[Math.min(epoch, LR_TABLE.length - 1)]`). */
  | { kind: 'clampTableIndex'; site: SourceSite }
  /** The gradients scaled on the site's line by a name (`.mul(scale)`) declared before it as one quotient of two names (`norm / LIMIT`): the quotient turns over (`LIMIT / norm`). */
  | { kind: 'invertScale'; site: SourceSite }
  /** The one `<score> | 0` (or `~~<score>`) on the site's line, a fraction truncated to 0 where a 0/1 label was meant: `(<score> >= 0.5 ? 1 : 0)`. */
  | { kind: 'roundNotTruncate'; site: SourceSite }
  /** The `new Date(<t>)` read on the site's line (written there, or as the declaration of the date read), its Unix time in seconds: `new Date(<t> * 1000)`. */
  | { kind: 'dateFromSeconds'; site: SourceSite }
  /** The one `parseInt(<text>)` without a radix on the site's line reads hexadecimal: `parseInt(<text>, 16)`. */
  | { kind: 'parseHex'; site: SourceSite }
  /** The one `tf.sum(<x>)` (or `<x>.sum()`) without an axis on the site's line sums over the last axis only: `tf.sum(<x>, -1)`. */
  | { kind: 'sumLastAxis'; site: SourceSite }
  /** The one deviation in the file computed as the root of the mean square (`Math.sqrt(values.reduce((s, v) => s + v * v, 0) / n)`) beside a mean declared before it: the square of each value less the mean. */
  | { kind: 'deviationFromMean'; file: string }
  /** A layer made on the site's line from another's settings (`tf.layers.dense(layer.getConfig())`), which copies no weights: the other layer itself. */
  | { kind: 'reuseConfiguredLayer'; site: SourceSite }
  /** A margin loss on the site's line written without its hinge (`dPos.sub(dNeg).add(MARGIN).mean()`): the per-row term is clipped at 0 (`tf.relu(dPos.sub(dNeg).add(MARGIN)).mean()`). */
  | { kind: 'hingeMargin'; site: SourceSite }
  /**
   * The rate assigned at the site comes from a function the file declares once, one of whose
   * branches ends in a bare expression where the others return: that expression is returned.
   */
  | { kind: 'returnInBranch'; site: SourceSite }
  /** Labels written as `cols[4] === 1 ? 1 : 0` from text fields (strings): the field as a number, `Number(cols[4]) === 1`. */
  | { kind: 'numberCompare'; site: SourceSite }
  /**
   * Labels all one class, read per row as `<row>.<field>` where the file sets `<field>: <list>[0].<key>`
   * (a session's label from its first event, set only on the last): the last entry, `<list>[<list>.length - 1]`.
   */
  | { kind: 'labelFromLastEntry'; site: SourceSite }
  /** Labels looked up with `<map>.get(<field>)` in a Map whose keys are numbers, given text fields: the key as a number. */
  | { kind: 'mapKeyAsNumber'; site: SourceSite }
  /** Labels read as the first field split from a name (`name.split('_')[0]`, a sample's id), in the code that writes them or a helper it calls: the next field. */
  | { kind: 'labelFromOtherField'; site: SourceSite }
  /** The axis of the `tf.mean(x, axis, ...)` or `x.mean(axis, ...)` call at the site, written as a number, becomes `to`. */
  | { kind: 'meanAxis'; site: SourceSite; to: number }
  /** Tensors leaked inside a named function the loop calls at each step: its one call runs in tf.tidy. */
  | { kind: 'tidyCaller'; site: SourceSite }
  /** A divisor at the site declared as `1 - Math.pow(beta, t)`: every such power in its block takes `t + 1`. */
  | { kind: 'countFromOne'; site: SourceSite }
  /** The one `ids.concat(padding)` in the file whose padding is declared as `new Array(n).fill(0)`: `padding.concat(ids)`. */
  | { kind: 'padAtStart'; file: string }
  /** `{ training: true }` in the call at the site becomes `{ training: false }`. */
  | { kind: 'trainingFlagFalse'; site: SourceSite }
  /** A flat typed array `new Float32Array(n * width)` filled with `xs.set(row, i)`: the offset becomes `i * width`. */
  | { kind: 'rowOffsetTimesWidth'; site: SourceSite }
  /** The array behind the tensor made at the site, grown by a `rows.concat(more);` statement whose result is dropped: `rows.push(...more);`. */
  | { kind: 'concatInPlace'; site: SourceSite }
  /** One-hot rows built as `c === label ? 1 : 0`: both sides compared as text (a class name from Object.keys against a parsed number). */
  | { kind: 'compareAsText'; site: SourceSite }
  /**
   * Labels read as `Math.round(r[16])` from rows scaled as a whole (`rows.map((r) => r.map((v) => v / 255))`):
   * the scaling skips the label's column, `(v, j) => (j === 16 ? v : v / 255)`.
   */
  | { kind: 'unscaleLabelColumn'; site: SourceSite }
  /** A hand-written update computed and dropped (`p.sub(g.mul(lr));` as a statement): stored, `p.assign(p.sub(g.mul(lr)));`. */
  | { kind: 'assignDiscarded'; site: SourceSite }
  /** The one `for (var i ...)` loop whose body makes a closure over `i`: `let i`, one binding per pass. */
  | { kind: 'letLoopVariable'; site: SourceSite }
  /** `tf.tensor2d(flat, [n, k])` over a flat array of whole columns: `tf.tensor2d(flat, [k, n]).transpose()`. */
  | { kind: 'columnMajorTensor'; site: SourceSite }
  /**
   * Gradients summed into `let acc = make()` and applied from it (`acc[name].div(k)` at `madeAt`),
   * never reset: after the applyGradients statement at `site`, the sums are freed and `acc` made anew.
   */
  | { kind: 'resetAccumulator'; site: SourceSite; madeAt: SourceSite }
  /** The `'int32'` written as the dtype argument `index` of the `call(...)` at the site becomes `'float32'`. */
  | { kind: 'floatDtype'; site: SourceSite; call: string; index: number }
  /** The rate set at the site (`opt.learningRate = <expr>`, `setLearningRate(<expr>)`) becomes `Math.max(<expr>, floor)`. */
  | { kind: 'rateFloor'; site: SourceSite; floor: number }
  /** The name the rate set at the site is given (`setLearningRate(lr)`), declared once as 0 (`let lr = 0`), starts at `to` instead. */
  | { kind: 'startRateAt'; site: SourceSite; to: number }
  /** The rate set at the site is computed from a name declared once as `let <name> = 0` and never written again: `<name>++;` follows that statement. */
  | { kind: 'advanceCounter'; site: SourceSite }
  /** A name multiplied on the site's line (`e.mul(TAU)`), declared once as the whole number `tau`: it becomes tau / 100. */
  | { kind: 'quantileFraction'; site: SourceSite; tau: number }
  /** The rate set at the site warms up as `Math.min(1, <n> / NAME)`, NAME declared once as a number of `over` or more: it becomes `length`. */
  | { kind: 'warmupWithinRun'; site: SourceSite; length: number; over: number }
  /**
   * The rate set at the site, inside a callback of the epoch (`onEpochBegin: (epoch) => ...`), decays
   * by a power of a constant (`Math.pow(DECAY, EPOCHS)`, `DECAY ** EPOCHS`) that never mentions the
   * epoch: the exponent becomes the callback's epoch.
   */
  | { kind: 'scheduleByEpoch'; site: SourceSite }
  /**
   * Layers a custom layer's call() creates anew at every pass (`const gate = tf.layers.dense(...)`),
   * in the call() around the site: made once in build(inputShape), built there and listed as the
   * layer's trainable weights, and used as `this.<name>` in call().
   */
  | { kind: 'sublayersInBuild'; site: SourceSite }
  /** A custom layer's call() returning what it did not compute: return the one value it computed and never read. */
  | { kind: 'returnComputed'; site: SourceSite; className: string }
  /** tf.tensor2d(values, [a, b]) -> tf.tensor2d(values, [b, a]).transpose(): values laid out the other way. */
  | { kind: 'transposeMade'; site: SourceSite }
  /** The statement that computes the rows behind the tensor made at `site`: `? 1 / count :` -> `? 1 :`. */
  | { kind: 'indicatorNotShare'; site: SourceSite }
  /** `tf.sum(tf.sub(a, b), axis)` or `a.sub(b).sum(axis)` -> the Euclidean distance of a and b. */
  | { kind: 'euclideanDistance'; site: SourceSite }
  /** A loss returned as `a.sub(b)` (or `tf.sub(a, b)`), b a penalty that grows without bound: add it. */
  | { kind: 'addSubtracted'; site: SourceSite }
  /** `const logPi = pi.log()` whose result a logSumExp combines (mixture weights): `tf.logSoftmax(pi)`. */
  | { kind: 'logSoftmaxWeights'; site: SourceSite }
  /** Two `minimize(f, returnCost, varList)` calls in one file: each takes the other's varList. */
  | { kind: 'swapVarLists'; a: SourceSite; b: SourceSite }
  /** A `minimize` call that names no variables given those of the one model its loss runs that the other optimizer's varList does not name. */
  | { kind: 'nameVarList'; site: SourceSite; namedSite: SourceSite }
  /** A oneHot of an argMax at the site given the int32 indices declared before it and used nowhere else. */
  | { kind: 'sampledIndices'; site: SourceSite }
  /** The scalar variable declared at the site made from its value's log, and read as its exp() wherever else it is read. */
  | { kind: 'logParameterized'; site: SourceSite }
  /** `tf.log(tf.prod(x))` at the site written `tf.sum(tf.log(x))`. */
  | { kind: 'sumOfLogs'; site: SourceSite }
  /** The one-argument max on the site's line (`tf.max(x)`, `x.max()`) taken per row with the axis kept: `tf.max(x, -1, true)`. */
  | { kind: 'rowMax'; site: SourceSite }
  /**
   * A step decay `Math.pow(DROP, epoch)` (or `DROP ** epoch`) at the site whose exponent becomes
   * `Math.floor(epoch / INTERVAL)`, INTERVAL a declared constant named for the interval that no code reads.
   */
  | { kind: 'decayInterval'; site: SourceSite }
  /** A target read as `arr[i + W]` on the site's line while the inputs nearby are cut as `arr.slice(i * S, ...)`: its index takes `i * S` for `i`. */
  | { kind: 'targetIndexLikeInputs'; site: SourceSite }
  /** The product of scores and a 0/1 mask that the softmax at the site takes, written as the scores plus -1e9 where the mask is 0. */
  | { kind: 'maskAdded'; site: SourceSite; mask: 'a' | 'b' }
  /** The product on the site's line (`tf.mul(x, c)`, `x.mul(c)`) made a division. */
  | { kind: 'divideNotMultiply'; site: SourceSite }
  /** The second of two inputs made alike (`const v2 = augment(rows, aug)`) draws its own: `augment(rows, drawAug(...))`. */
  | { kind: 'drawSecondView'; site: SourceSite }
  /**
   * In the statement at the site that draws batch indices, the one bound of `bound` (a literal, or a
   * name declared once as it) in a draw from 0 (`rng.int(0, B)`, `Math.random() * B`) becomes the
   * row count of the tensor gathered at `gatherSite` (`xTrain.shape[0]`).
   */
  | { kind: 'drawFromAllRows'; site: SourceSite; gatherSite: SourceSite; bound: number }
  /** The labels, first argument of the tf.losses call at the site, become `tf.onesLike(<predictions>)` (`to` 1) or `tf.zerosLike(...)` (0). */
  | { kind: 'oppositeLabels'; site: SourceSite; to: 0 | 1 }
  /** The `tf.softmax(<x>)` on the site's line (a method `<x>.softmax()` too) is given `<x>.mul(by)`. */
  | { kind: 'scaleSoftmaxInput'; site: SourceSite; by: number }
  /** The one `<a>.sub(<b>)` (or `tf.sub(<a>, <b>)`) on the site's line becomes `<b>.sub(<a>)` (`tf.sub(<b>, <a>)`). */
  | { kind: 'swapSubOperands'; site: SourceSite }
  /** The `tf.dropout(x, rate, noiseShape, seed)` on the site's line loses its seed (and a noise shape left undefined). */
  | { kind: 'dropSeedArg'; site: SourceSite }
  /** The one `tf.mean(<w>.mul(<e>))` (or `tf.mean(tf.mul(<w>, <e>))`) on the site's line, weights being operand `a` or `b`, becomes `tf.sum(...).div(tf.sum(<w>))`. */
  | { kind: 'weightedMean'; site: SourceSite; operand: 'a' | 'b' }
  /** The one `fn(<text>)` on the site's line, given numbers behind a currency sign, becomes `fn(<text>.replace('<symbol>', ''))`. */
  | { kind: 'stripSymbol'; site: SourceSite; fn: 'parseFloat' | 'parseInt'; symbol: string }
  /** The `tf.zeros([n], 'int32')` on the site's line, an in-batch contrastive loss's labels, becomes `tf.range(0, n, 1, 'int32')`: row i's positive is column i. */
  | { kind: 'diagonalLabels'; site: SourceSite }
  /** The `<v>.assign(<step>)` on the site's line, which writes the step in place of the variable, becomes `<v>.assign(<v>.sub(<step>))`. */
  | { kind: 'stepFrom'; site: SourceSite }
  /** In the row pushed into the array behind the tensor call at the site, the one `parseInt(v)` (or `parseInt(v, 10)`) becomes `parseFloat(v)`. */
  | { kind: 'parseFractions'; site: SourceSite }
  /** The statement on the site's line, alone on it (a comment may follow): one call, or a one-line loop around one, is removed with its line. */
  | { kind: 'removeStatement'; site: SourceSite }
  /** The option `key` of fitDataset's options object (its second argument) is removed, with its comma. */
  | { kind: 'removeDatasetOption'; fitSite: SourceSite; key: string }
  /** The `<array>.sort(` nearest the site's column becomes `[...<array>].sort(`: a sorted copy. */
  | { kind: 'sortCopy'; site: SourceSite; method?: 'sort' | 'reverse' }
  /** The divisor of the `.div(d)` or `<ns>.div(x, d)` at the site (a simple name or member) becomes `d.maximum(1e-7)`. */
  | { kind: 'guardDivisor'; site: SourceSite }
  /** The divisor of the `div` call at the site (`tf.div(x, tf.sum(mask))`, `x.div(count)`), a count, is kept at 1 or more: `.maximum(1)`. */
  | { kind: 'countAtLeastOne'; site: SourceSite }
  /**
   * The `x.fit(` (or `x.fitDataset(`) call at the site, whose promise the script does not wait for,
   * is awaited: `await x.fit(`. Offered only where `await` is allowed: inside an async function, or
   * at an ES module's top level.
   */
  | { kind: 'awaitCall'; site: SourceSite }
  /**
   * The one test of a label's truthiness in the site's file, which drops rows of class 0 with the
   * missing ones: `.filter((r) => r.label)` keeps `r.label !== null && r.label !== undefined`, and
   * `if (!r.label) continue;` skips only those.
   */
  | { kind: 'keepZeroLabels'; site: SourceSite }
  /**
   * The log at the site takes values that reach 0 or below: where its argument, a name, is declared
   * before it, the declared value is passed through softplus (`const v = tf.softplus(<value>)`);
   * an argument that is no name is wrapped where it is.
   */
  | { kind: 'softplusBeforeLog'; site: SourceSite }
  /** The exp at the site, of a name (`tf.exp(logits)`, `logits.exp()`), takes it less its row maximum: `logits.sub(logits.max(-1, true))`. */
  | { kind: 'subtractRowMax'; site: SourceSite }
  /** Every `<operand> ^ <2, 3 or 4>` in the site's file (a bitwise XOR written as a power) becomes `**`. */
  | { kind: 'caretToPower'; site: SourceSite }
  /** Every `<operand> !== NaN` (`===`, `!=`, `==`) in the site's file, always true or false, becomes `!Number.isNaN(<operand>)` (or `Number.isNaN`). */
  | { kind: 'isNaNTest'; site: SourceSite }
  /**
   * `tf.randomNormal(shape)` (or truncatedNormal) on the site's line draws with He's deviation,
   * √(2 / fan-in), fan-in being all of the shape but its last size.
   */
  | { kind: 'heNormalDraw'; site: SourceSite }
  /** The `.sort()` without a comparator at the site compares by number inside text: `.sort((a, b) => a.localeCompare(b, undefined, { numeric: true }))`. */
  | { kind: 'numericSort'; site: SourceSite }
  /** `const keep = Math.floor(a / b)` in the site's file, compared with a random draw (`rng() < keep`), becomes `a / b`. */
  | { kind: 'unfloorKeepRatio'; site: SourceSite }
  /**
   * A call `shuffle(rows);` in the site's file whose result is dropped, of a function of the file
   * named for a shuffle that returns a new array, becomes `rows = shuffle(rows);` (rows a let or var).
   */
  | { kind: 'keepShuffledCopy'; site: SourceSite }
  /**
   * The model used at the site (`model.evaluate(…)`) was made by `const model = make(…)`; the one
   * other `make(…)` call, handed to a call or fitted (`train(make(), …)`), becomes `model`.
   */
  | { kind: 'trainUsedModel'; site: SourceSite }
  /** `tf.train.<name>(schedule, …)` at the site, a function given as the rate, becomes `tf.train.<name>(schedule(0), …)`. */
  | { kind: 'rateAtStart'; site: SourceSite }
  /** The one `.charCodeAt(…)` call in the site's file less `by` (letters numbered from 1, not from their character codes). */
  | { kind: 'charCodeOffset'; site: SourceSite; by: number }
  /** fit's targets at fitSite become the name declared where `madeAt` made a tensor (`fit(noisy, noisy)` becomes `fit(noisy, clean)`). */
  | { kind: 'fitTargetsFrom'; fitSite: SourceSite; madeAt: SourceSite }
  /** fit's `validationData: { x: a, y: b }` (any two entries, inputs first) becomes `validationData: [a, b]`. */
  | { kind: 'validationPair'; fitSite: SourceSite }
  /** The inputs of the predict or evaluate call at the site get the scaling fit's inputs got: the trailing `.sub(m).div(s)` of their initializer, or the one-argument function it called (`standardize(raw)`). */
  | { kind: 'scaleInputsLike'; site: SourceSite; fitSite: SourceSite }
  /** Before the fit at fitSite, the optimizer the sweep line changed (`opt.setLearningRate(…)` or `opt.learningRate = …`) is set, the same way, to the rate declared between the two (a name with lr or rate in it, the last one). */
  | { kind: 'setRateBeforeFit'; fitSite: SourceSite; sweepSite: SourceSite }
  /** The assignment at the site (`x = x.sub(m).div(s);`, first on its line, inside a loop) moves before the outermost loop around it. */
  | { kind: 'hoistAssignment'; site: SourceSite }
  /** A window cut as `.slice(i, i + W)` whose target is read at `[i + W - 1]`, its own last item: the target becomes `[i + W]`, the item after it (one such pair in the file). */
  | { kind: 'targetAfterWindow'; site: SourceSite }
  /** `tf.variable(init, false)` at the site becomes `tf.variable(init)`: trainable. */
  | { kind: 'variableTrainable'; site: SourceSite }
  /** The comparison at the site (`.greater(0)`, `tf.greater(p, 0)`) written with the number `threshold`, there or in a constant declared once, compares with `to` instead. */
  | { kind: 'thresholdTo'; site: SourceSite; threshold: number; to: number }
  /** `applyGradients(grads)` at the site, `grads` computed once before the loop around it: the computation moves into the call (`applyGradients(tf.variableGrads(f).grads)`), and its declaration goes when nothing else uses it. */
  | { kind: 'gradientsAtEachStep'; site: SourceSite }
  /** The model fit at fitSite is declared once before the loop around that fit: its declaration moves to the top of the loop's body (a fresh model per fold). */
  | { kind: 'buildPerSplit'; fitSite: SourceSite }
  /** fit's `validationData: [xTrain, yTrain]`, its own training tensors, becomes the held-out pair the script declares (`[xVal, yVal]`). */
  | { kind: 'heldOutValidation'; fitSite: SourceSite }
  /** `tf.train.<name>({ learningRate: r })` at the site (or `learning_rate`, `lr`, alone in the object) becomes `tf.train.<name>(r)`. */
  | { kind: 'positionalRate'; site: SourceSite }
  /** The `.getWeights()` call at the site keeps copies: `.getWeights().map((w) => w.clone())`. */
  | { kind: 'cloneWeights'; site: SourceSite }
  /**
   * The one `Number(<cell>)` in the site's file that reads one indexed cell (`Number(cells[4])`,
   * 0 for an empty one) becomes `parseFloat(<cell>)` (NaN for an empty one, which a check can drop).
   */
  | { kind: 'parseFloatCell'; site: SourceSite }
  /**
   * `<opt>.applyGradients(<name>)` at the site, given a sum of `by` gradient maps, applies their mean:
   * `tf.tidy(() => <opt>.applyGradients(Object.fromEntries(Object.entries(<name>).map(([name, g]) => [name, g.div(by)]))))`.
   */
  | { kind: 'applyMean'; site: SourceSite; by: number }
  /** fit's `epochs` option becomes `<its initialEpoch> + <epochs>`: the epochs to train after the one it resumes at. */
  | { kind: 'epochsAfterInitial'; fitSite: SourceSite }
  /** An option written in fit's options object (`validationData: [...]`, key and value) becomes the text `with`. */
  | { kind: 'replaceFitOption'; fitSite: SourceSite; key: string; with: string }
  /** `key: value` added to fit's options object, or as a new options object when fit has none. */
  | { kind: 'addFitOption'; fitSite: SourceSite; key: string; value: string }
  /**
   * A fit call of `epochs: 1` inside `for (let e = 0; ...)` counts from the loop's epoch:
   * `initialEpoch: e, epochs: e + 1`, so callbacks are given the run's epoch, not 0 each call.
   */
  | { kind: 'fitEpochFromLoop'; fitSite: SourceSite }
  /** A fit call inside `for (let e = 0; e < N; e++)` given `epochs: N`, the loop's own bound: one epoch per call. */
  | { kind: 'oneEpochPerCall'; fitSite: SourceSite }
  /** `.shuffle(rows)` inserted before the `.batch(` call at the site (a tf.data dataset's rows, shuffled before batching); a `.shuffle(...)` right after the batch moves there instead. */
  | { kind: 'shuffleBeforeBatch'; site: SourceSite; rows: number }
  /** The inputs in fit's `validationData: [inputs, targets]` are divided by `by`. */
  | { kind: 'scaleValidation'; fitSite: SourceSite; by: number }
  /** The first two arguments of the call to `callee` at the site trade places. */
  | { kind: 'swapArguments'; site: SourceSite; callee: string }
  /**
   * Tensors declared at the sites (`const xb = ...`, made at every step and never freed) are
   * disposed at the end of the block that declares them; a declaration whose line leaves more
   * than one tensor behind has its initializer wrapped in tf.tidy() so only the value survives.
   */
  | { kind: 'disposeTensors'; sites: Array<{ site: SourceSite; tensors: number }> }
  /** The declaration at the site (`const optimizer = tf.train.adam(0.01);`) moves before the outermost loop around it. */
  | { kind: 'hoistDeclaration'; site: SourceSite }
  /** The name a `.slice(<name>, ...)` on the site's line starts at, declared inside the loop around it: that declaration moves before the loop. */
  | { kind: 'hoistOffset'; site: SourceSite }
  /**
   * Two `<ns>.shuffle(<array>)` statements in one block: the later becomes
   * `<ns>.shuffleCombo(<earlier array>, <later array>)` and the earlier is removed, so both arrays
   * are shuffled in one order once both are complete.
   */
  | { kind: 'shuffleTogether'; first: SourceSite; second: SourceSite }
  /**
   * One `tf.util.shuffle(a)` run in a loop over the arrays (columns) of `rows` rows: one order drawn
   * before the loop (`tf.util.createShuffledIndices`), and every array reordered by it.
   */
  | { kind: 'shuffleOneOrder'; site: SourceSite; rows: number }
  /** What `<ns>.log(<x>)` or `<x>.log()` at the site takes is clipped to [1e-7, 1] first. */
  | { kind: 'clipLogInput'; site: SourceSite }
  /**
   * What `<ns>.sqrt(<x>)` or `<x>.sqrt()` (or `log`) at the site takes is kept at or above 1e-7
   * (`maximum`); a Euclidean `<ns>.norm(<x>, ...)` or `<x>.norm(...)` is written out as that guarded
   * square root of the sum of squares.
   */
  | { kind: 'guardOpInput'; site: SourceSite; call: 'sqrt' | 'norm' | 'log' | 'pow' }
  /**
   * The variable list given at a custom step's call (minimize's third argument, variableGrads'
   * second, or the declaration of the name given there): `<model>.layers[i].trainableWeights` (or
   * `<model>.getLayer(...).trainableWeights`) becomes `<model>.trainableWeights`.
   */
  | { kind: 'trainAllLayers'; site: SourceSite }
  /** The statement at the site (alone on its lines) moves to just after the innermost loop around it: a per-epoch step written in the batch loop. */
  | { kind: 'moveAfterLoop'; site: SourceSite }
  /**
   * The slice at the site, which cuts a batch at a fixed offset (`xs.slice(0, BATCH)`), and every
   * slice in its block cut at the same offset and size start at `<loop index> * <batch size>`
   * instead, the index of the innermost loop around them.
   */
  | { kind: 'batchOffset'; site: SourceSite }
  /** The first-axis offset of the slice at the site (the targets') becomes that of the slice at `like` (the inputs'). */
  | { kind: 'alignSlice'; site: SourceSite; like: SourceSite }
  /** The slice at the site cuts rows from 0: its row count becomes the first row of the slice at `upTo` (training takes every row before the validation rows). */
  | { kind: 'rowsUpTo'; site: SourceSite; upTo: SourceSite }
  /** The slice at the site (`ys.slice(...)`, the targets') becomes a gather by the indices the gather at `like` (the inputs') takes. */
  | { kind: 'gatherLike'; site: SourceSite; like: SourceSite }
  /** The `sum` call (`tf.sum(x)` or `x.sum()`) at the site, which makes the loss, becomes `mean`. */
  | { kind: 'sumToMean'; site: SourceSite }
  /** The call at the site, which computes the loss, gets `.neg()` after it. */
  | { kind: 'negateLoss'; site: SourceSite }
  /** `<model>.predict(x)` or `<model>.apply(x)` at the site becomes `<model>.apply(x, { training: true })`. */
  | { kind: 'trainingCall'; site: SourceSite }
  /** fit's validation inputs get the chain of sub/div/mul/add calls that scales the training inputs where they are declared (`.sub(mean).div(std)`). */
  | { kind: 'scaleValidationLike'; fitSite: SourceSite }
  /**
   * The one array in the file that is declared empty before a loop, filled in place and pushed at
   * every pass of it (every row the same array), is declared inside the loop instead.
   */
  | { kind: 'declareRowInLoop'; file: string }
  /**
   * The one random draw in the file declared just before a loop that fills a batch (`const c =
   * <random>; for (...) idx.push(...[c]...)`) is drawn inside that loop instead, once per row.
   */
  | { kind: 'drawPerRow'; file: string }
  /** Before the fit call at the site, its inputs and targets are reordered by one shuffled row order (validationSplit then holds out a sample of every class). */
  | { kind: 'shuffleRowsBeforeFit'; fitSite: SourceSite }
  /** A `masking({ maskValue: 0 })` layer is added before the recurrent layer (a Sequential `.add`), taking over its inputShape. */
  | { kind: 'maskBefore'; layer: LayerInfo }
  /** The `.shuffle(...)` calls at inputs and targets (datasets shuffled apart) go, and the zip call at `zip` is shuffled instead, with the first one's arguments. */
  | { kind: 'shuffleAfterZip'; inputs: SourceSite; targets: SourceSite; zip: SourceSite }
  /** After the statement at the site (which froze layers), the named layers of the model fit trains are made trainable again. */
  | { kind: 'unfreezeLayers'; site: SourceSite; fitSite: SourceSite; names: string[] }
  /** The statement at the first of the sites (a call's frames) that runs inside a loop, a declaration or an assignment, moves before the outermost loop directly around it. */
  | { kind: 'hoistOutOfLoop'; sites: SourceSite[] }
  /** The factor above 1 that multiplies the learning rate at the site (`lr * 1.5`, `lr *= 1.5`) becomes its inverse: a decay. */
  | { kind: 'rateFactor'; site: SourceSite }
  /** The option `key` of the options object given to the `callee` call at the site is set to `to` (added when absent). */
  | { kind: 'callOption'; site: SourceSite; callee: string; key: string; to: string }
  /**
   * The positional argument `index` of the `callee(...)` call at the site is a name declared once
   * from a setting (`process.env`, `process.argv`): ` || fallback` is added to its initializer.
   */
  | { kind: 'settingFallback'; site: SourceSite; callee: string; index: number; fallback: string }
  /**
   * The factory's argument at the site is a name destructured alone with a default
   * (`const { learningRate = 0.01 } = config.optimizer;`), which a null skips: it is read with `??`
   * instead (`const learningRate = config.optimizer.learningRate ?? 0.01;`).
   */
  | { kind: 'nullishDefault'; site: SourceSite; callee: string; index: number }
  /**
   * The layer's activation comes from a function the file declares once (`activation: toAct(name)`)
   * whose switch falls through from case to case: each case but the last gets its `break;`.
   */
  | { kind: 'breakFallthrough'; layer: LayerInfo }
  /** The positional argument `index` of the `callee(...)` call at the site is a name declared once: its initializer becomes `to`. */
  | { kind: 'declaredArgument'; site: SourceSite; callee: string; index: number; to: string }
  /** The positional argument `index` of the `callee(...)` call at the site, written as a number or a name, becomes `to`. */
  | { kind: 'callArgument'; site: SourceSite; callee: string; index: number; to: string }
  /**
   * `text` goes in as the positional argument `index` of the `callee(...)` call at the site; the
   * arguments from there move one place on. Only when the argument there is written as `written` (a regular expression) says.
   */
  | { kind: 'insertArgument'; site: SourceSite; callee: string; index: number; text: string; written: string }
  /** The side (`a`: receiver or first argument; `b`: the other) of the difference at the site, a name, has its NaN replaced by 0 there. */
  | { kind: 'nanFreeOperand'; site: SourceSite; operand: 'a' | 'b' }
  /**
   * Ids reduced with JavaScript's `%`, which keeps the dividend's sign (a negative hash gives a
   * negative id): the one `x % n` in the file whose divisor is written as the `callee(...)` call's
   * argument `index` at the site (tf.oneHot's depth) becomes `((x % n) + n) % n`.
   */
  | { kind: 'positiveModulo'; site: SourceSite; callee: string; index: number }
  /** The name `applyGradients(name)` is given at the site becomes the object the clip at `clipSite` writes into (`clipped[k] = tf.clipByValue(…)`, `const clipped = …`). */
  | { kind: 'applyClipped'; site: SourceSite; clipSite: SourceSite }
  /**
   * The layer call `.apply(x)` at the site takes the input of the layer applied at `unused`
   * (`const h = relu.apply(x)`), whose output nothing takes: it takes that output, `h`, instead.
   */
  | { kind: 'applyOutputOf'; site: SourceSite; unused: SourceSite }
  /** The layer call `.apply(x)` at the site takes the input declared at `input` (`const itemInput = tf.input(…)`) instead of `x`. */
  | { kind: 'applyInput'; site: SourceSite; input: SourceSite }
  /** The `tf.losses.<from>(labels, predictions, …)` call at the site becomes `tf.losses.<to>(labels, predictions)`. */
  | { kind: 'lossCallTo'; site: SourceSite; from: string; to: string }
  /** The argument of the `tanh(…)` or `sigmoid(…)` call at the site is standardized per column before it is squashed. */
  | { kind: 'standardizeSquashed'; site: SourceSite }
  /** The one number in the file written as `value` (a fill value declared once, `-999`) becomes `to`. */
  | { kind: 'literalTo'; file: string; value: number; to: string }
  /** Every `new Array(n).map(fn)` in the file (map skips the holes, so the array stays empty) becomes `Array.from({ length: n }, fn)`. */
  | { kind: 'arrayFromHoles'; file: string }
  /**
   * The axis 0 of the softmax-like call at the site (`tf.logSumExp(x, 0, true)`, `x.sum(0, true)`),
   * or with `steps` the steps' axis 1, becomes -1. An axis given as a parameter of the function
   * around it is changed where that function is called.
   */
  | { kind: 'lastAxis'; site: SourceSite; steps?: boolean }
  /** The axis of the `moments`/`mean` call at the site (`tf.moments(x, 1)`, `x.mean(-1)`), taken over each row, becomes 0: over each column; `tf.moments(x)` gets axis 0. */
  | { kind: 'columnAxis'; site: SourceSite }
  | { kind: 'all'; parts: FixPlan[] };

export interface PlannedFix {
  title: string;
  plan: FixPlan;
}

// ---------------------------------------------------------------------------------------------
// Source text

export class SourceText {
  private readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset of a 1-based line/column, or -1 when out of range. */
  offset(line: number, column: number): number {
    if (line < 1 || line > this.starts.length) return -1;
    return this.starts[line - 1]! + Math.max(0, column - 1);
  }

  lineStart(line: number): number {
    return this.starts[line - 1] ?? -1;
  }

  /** The code of a line and of the `above` lines before it, each with where it starts, first line first. */
  codeLinesUpTo(line: number, above: number): Array<{ line: number; start: number; code: string }> {
    const out: Array<{ line: number; start: number; code: string }> = [];
    for (let l = Math.max(1, line - above); l <= line; l++) out.push({ line: l, start: this.lineStart(l), code: this.lineCode(l) });
    return out;
  }

  /** The line's code with its strings and comments blanked; an index into it is an offset from lineStart(line). */
  lineCode(line: number): string {
    return codeOnly(this.text, this.lineStart(line), this.lineEnd(line));
  }

  lineEnd(line: number): number {
    const next = this.starts[line];
    let end = next === undefined ? this.text.length : next - 1;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }

  edit(file: string, start: number, end: number, newText: string): TextEdit {
    const a = this.position(start);
    const b = this.position(end);
    return { file, startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column, newText };
  }
}

const OPEN: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/** Skips a string, template or comment starting at i; returns the index after it, or i. */
function skipNonCode(t: string, i: number): number {
  const c = t[i];
  if (c === '"' || c === "'" || c === '`') {
    let j = i + 1;
    while (j < t.length && t[j] !== c) {
      if (t[j] === '\\') j++;
      else if (c !== '`' && t[j] === '\n') return j;
      j++;
    }
    return j + 1;
  }
  if (c === '/' && t[i + 1] === '/') {
    const nl = t.indexOf('\n', i);
    return nl < 0 ? t.length : nl;
  }
  if (c === '/' && t[i + 1] === '*') {
    const e = t.indexOf('*/', i + 2);
    return e < 0 ? t.length : e + 2;
  }
  return i;
}

/** Index of the bracket closing the one at `open`, or -1. */
export function matchClose(t: string, open: number): number {
  const stack: string[] = [];
  for (let i = open; i < t.length; ) {
    const skipped = skipNonCode(t, i);
    if (skipped !== i) {
      i = skipped;
      continue;
    }
    const c = t[i]!;
    if (c in OPEN) stack.push(OPEN[c]!);
    else if (c === ')' || c === ']' || c === '}') {
      if (stack.pop() !== c) return -1;
      if (stack.length === 0) return i;
    }
    i++;
  }
  return -1;
}

interface Span {
  start: number;
  end: number;
}

/** Top-level comma-separated pieces of t[start, end), trimmed. */
export function splitTopLevel(t: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  let depth = 0;
  let pieceStart = start;
  for (let i = start; i < end; ) {
    const skipped = skipNonCode(t, i);
    if (skipped !== i) {
      i = skipped;
      continue;
    }
    const c = t[i]!;
    if (c in OPEN) depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      out.push(trim(t, pieceStart, i));
      pieceStart = i + 1;
    }
    i++;
  }
  const last = trim(t, pieceStart, end);
  if (last.end > last.start || out.length > 0) out.push(last);
  return out.filter((s) => s.end > s.start);
}

function trim(t: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  for (;;) {
    while (s < e && /\s/.test(t[s]!)) s++;
    const skipped = t[s] === '/' && (t[s + 1] === '/' || t[s + 1] === '*') ? skipNonCode(t, s) : s;
    if (skipped === s) break;
    s = Math.min(skipped, e);
  }
  while (e > s && /\s/.test(t[e - 1]!)) e--;
  return { start: s, end: e };
}

interface Prop {
  key: string;
  keySpan: Span;
  /** Null for shorthand or spread entries. */
  value: Span | null;
}

function objectProps(t: string, open: number, close: number): Prop[] {
  const props: Prop[] = [];
  for (const piece of splitTopLevel(t, open + 1, close)) {
    const s = t.slice(piece.start, piece.end);
    const m = /^(?:(['"])([^'"]+)\1|([A-Za-z_$][\w$]*))\s*:/.exec(s);
    if (m) {
      const key = m[2] ?? m[3]!;
      const v = trim(t, piece.start + m[0].length, piece.end);
      props.push({ key, keySpan: { start: piece.start, end: piece.start + m[0].length }, value: v });
    } else if (/^[A-Za-z_$][\w$]*$/.test(s)) {
      props.push({ key: s, keySpan: piece, value: null });
    }
  }
  return props;
}

interface Call {
  open: number;
  close: number;
  args: Span[];
}

/** A call of the function or method `name`: `name(`, `tf.name(`, `x.name(`. */
function calledAs(name: string): RegExp {
  return new RegExp(`\\b${escapeRe(name)}\\s*\\(`);
}

/** The call matching `callee` on the site's line nearest to the site's column. */
function findCall(src: SourceText, site: SourceSite, callee: RegExp): Call | null {
  const ls = src.lineStart(site.line);
  if (ls < 0) return null;
  const le = src.lineEnd(site.line);
  const lineText = src.text.slice(ls, le);
  const re = new RegExp(callee.source, callee.flags.includes('g') ? callee.flags : callee.flags + 'g');
  const col = site.column - 1;
  let best: { idx: number; open: number } | null = null;
  for (let m = re.exec(lineText); m; m = re.exec(lineText)) {
    const open = ls + m.index + m[0].length - 1;
    if (src.text[open] !== '(') continue;
    if (!best || Math.abs(m.index - col) < Math.abs(best.idx - col)) best = { idx: m.index, open };
    if (m[0].length === 0) re.lastIndex++;
  }
  if (!best) return null;
  const close = matchClose(src.text, best.open);
  if (close < 0) return null;
  return { open: best.open, close, args: splitTopLevel(src.text, best.open + 1, close) };
}

function objectArg(src: SourceText, call: Call, index = 0): { open: number; close: number; props: Prop[] } | null {
  const a = call.args[index];
  if (!a || src.text[a.start] !== '{') return null;
  const close = matchClose(src.text, a.start);
  if (close < 0 || close + 1 !== a.end) return null;
  return { open: a.start, close, props: objectProps(src.text, a.start, close) };
}

function stringLiteral(t: string, span: Span): { quote: string; inner: Span; value: string } | null {
  const s = t.slice(span.start, span.end);
  const m = /^(['"`])([^'"`\\$]*)\1$/.exec(s);
  if (!m) return null;
  return { quote: m[1]!, inner: { start: span.start + 1, end: span.end - 1 }, value: m[2]! };
}

function quoteStyle(t: string, near: Span | null): string {
  if (near) {
    const s = t.slice(near.start, near.end);
    const m = /['"]/.exec(s);
    if (m) return m[0];
  }
  const single = (t.match(/'/g) ?? []).length;
  const double = (t.match(/"/g) ?? []).length;
  return double > single ? '"' : "'";
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function layerCallee(className: string): RegExp {
  const name = className === 'InputLayer' ? 'input' : className;
  return new RegExp(`\\b${escapeRe(name)}\\s*\\(`, 'i');
}

/** The file binds the tfjs namespace as `tf` (require or import). */
const TF_BINDING = /\b(?:const|let|var|import)\s+(?:\*\s+as\s+)?tf\b/;

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

// ---------------------------------------------------------------------------------------------
// Individual edits

type EditResult = TextEdit[] | null;

/** The first property value of an object literal that is a string literal: the file's quote style nearby. */
function firstStringValue(src: SourceText, obj: { props: Prop[] }): Span | null {
  return obj.props.map((x) => x.value).find((v): v is Span => !!v && /^['"]/.test(src.text.slice(v.start, v.end))) ?? null;
}

function activationEdits(src: SourceText, p: Extract<FixPlan, { kind: 'activation' }>): EditResult {
  const site = p.layer.site;
  if (!site) return null;
  const call = findCall(src, site, layerCallee(p.layer.className));
  if (!call) return null;
  const file = site.file;
  if (call.args.length === 0) {
    const q = quoteStyle(src.text, null);
    return [src.edit(file, call.open + 1, call.close, `{ activation: ${q}${p.to}${q} }`)];
  }
  const obj = objectArg(src, call);
  if (!obj) return null;
  const prop = obj.props.find((x) => x.key === 'activation');
  if (prop) {
    if (!prop.value) return null;
    const lit = stringLiteral(src.text, prop.value);
    if (!lit) return null;
    return [src.edit(file, lit.inner.start, lit.inner.end, p.to)];
  }
  const q = quoteStyle(src.text, firstStringValue(src, obj));
  const inner = trim(src.text, obj.open + 1, obj.close);
  if (inner.end <= inner.start) return [src.edit(file, obj.open + 1, obj.close, ` activation: ${q}${p.to}${q} `)];
  const lastChar = src.text[inner.end - 1];
  if (lastChar === ',') return [src.edit(file, inner.end, inner.end, ` activation: ${q}${p.to}${q},`)];
  return [src.edit(file, inner.end, inner.end, `, activation: ${q}${p.to}${q}`)];
}

/**
 * Where a layer's option is written: in the layer call's own object, or in the one object spread
 * into it (`{ filters: 8, ...convOptions }` with `const convOptions = { kernelInitializer: 'zeros' }`).
 */
function layerOptionValue(src: SourceText, layer: LayerInfo, key: string): Span | null {
  const site = layer.site;
  const call = site ? findCall(src, site, layerCallee(layer.className)) : null;
  const obj = call ? objectArg(src, call) : null;
  if (!obj) return null;
  const own = obj.props.find((x) => x.key === key);
  if (own) return own.value;
  const t = src.text;
  for (const piece of splitTopLevel(t, obj.open + 1, obj.close)) {
    const span = trim(t, piece.start, piece.end);
    const spread = /^\.\.\.\s*([A-Za-z_$][\w$]*)$/.exec(t.slice(span.start, span.end))?.[1];
    const open = spread ? singleDeclaration(t, spread)?.init : undefined;
    if (open === undefined || t[open] !== '{') continue;
    const close = matchClose(t, open);
    const value = close < 0 ? null : objectProps(t, open, close).find((x) => x.key === key)?.value;
    if (value) return value;
  }
  return null;
}

function layerOptionEdits(src: SourceText, p: Extract<FixPlan, { kind: 'layerOption' }>): EditResult {
  const site = p.layer.site;
  const value = layerOptionValue(src, p.layer, p.key);
  if (!site || !value) return null;
  const lit = stringLiteral(src.text, value);
  if (lit) return [src.edit(site.file, lit.inner.start, lit.inner.end, p.to)];
  // An initializer object (tf.initializers.constant({ value: -5 })) becomes the named one.
  const q = quoteStyle(src.text, null);
  return [src.edit(site.file, value.start, value.end, `${q}${p.to}${q}`)];
}

function removeLayerOptionEdits(src: SourceText, p: Extract<FixPlan, { kind: 'removeLayerOption' }>): EditResult {
  const site = p.layer.site;
  const call = site ? findCall(src, site, layerCallee(p.layer.className)) : null;
  const obj = call ? objectArg(src, call) : null;
  const prop = obj?.props.find((x) => x.key === p.key);
  return site && obj && prop ? [removedProp(src, site.file, obj, prop)] : null;
}

function layerValueEdits(src: SourceText, p: Extract<FixPlan, { kind: 'layerValue' }>): EditResult {
  const site = p.layer.site;
  const value = layerOptionValue(src, p.layer, p.key);
  return site && value ? [src.edit(site.file, value.start, value.end, p.to)] : null;
}

function layerNumberEdits(src: SourceText, p: Extract<FixPlan, { kind: 'layerNumber' }>): EditResult {
  const site = p.layer.site;
  const value = layerOptionValue(src, p.layer, p.key);
  // An option left at its default is written into the call (`insert`), first among its options.
  if (site && !value && p.insert) {
    const call = findCall(src, site, layerCallee(p.layer.className));
    const obj = call ? objectArg(src, call) : null;
    return obj ? [prependProp(src, site.file, obj, `${p.key}: ${literal(p.to)}`)] : null;
  }
  const written = value ? src.text.slice(value.start, value.end) : '';
  // A number, or a name for one (`poolSize: SIDE`).
  if (!site || !value || !(NUMBER.test(written) || /^[A-Za-z_$][\w$]*$/.test(written))) return null;
  return [src.edit(site.file, value.start, value.end, literal(p.to))];
}

function channelsLastEdits(src: SourceText, p: Extract<FixPlan, { kind: 'channelsLast' }>): EditResult {
  const site = p.layer.site;
  if (!site) return null;
  const call = findCall(src, site, layerCallee(p.layer.className));
  const value = (call ? objectArg(src, call) : null)?.props.find((x) => x.key === 'inputShape')?.value;
  const t = src.text;
  const name = value ? t.slice(value.start, value.end) : '';
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) return null;
  // The one declaration of that name as an array literal: the data is shaped from it too.
  const code = codeOnly(t, 0, t.length);
  const declarations = [...code.matchAll(new RegExp(`\\b(?:const|let|var)\\s+${escapeRe(name)}\\s*=\\s*\\[`, 'g'))];
  if (declarations.length !== 1) return null;
  const open = declarations[0]!.index! + declarations[0]![0].length - 1;
  const close = matchClose(t, open);
  if (close < 0) return null;
  const items = splitTopLevel(t, open + 1, close).map((i) => trim(t, i.start, i.end));
  if (items.length !== 3 || items.some((i) => i.end <= i.start)) return null;
  const [c, h, w] = items.map((i) => t.slice(i.start, i.end));
  return [src.edit(site.file, items[0]!.start, items[2]!.end, `${h}, ${w}, ${c}`)];
}

function recompileAfterEdits(src: SourceText, p: Extract<FixPlan, { kind: 'recompileAfter' }>): EditResult {
  if (p.site.file !== p.compileSite.file) return null;
  const t = src.text;
  const call = findCall(src, p.compileSite, /\bcompile\s*\(/);
  if (!call) return null;
  // The compile statement: from the start of its line's code to its closing parenthesis (and `;`).
  const lineStart = src.lineStart(p.compileSite.line);
  const start = lineStart + /^[ \t]*/.exec(t.slice(lineStart))![0].length;
  let end = call.close + 1;
  if (t[end] === ';') end++;
  const statement = t.slice(start, end);
  if (!/^(?:await\s+)?[\w$.]+\.compile\s*\(/.test(statement)) return null;
  // After the statement on the site's line, which must end there, indented like it.
  const siteStart = src.lineStart(p.site.line);
  const siteEnd = src.lineEnd(p.site.line);
  if (!/;\s*$/.test(codeOnly(t, siteStart, siteEnd))) return null;
  const indent = /^[ \t]*/.exec(t.slice(siteStart))![0];
  return [src.edit(p.site.file, siteEnd, siteEnd, `\n${indent}${statement.replace(/;?$/, ';')}`)];
}

function shuffleBufferEdits(src: SourceText, p: Extract<FixPlan, { kind: 'shuffleBuffer' }>): EditResult {
  const call = findCall(src, p.site, /\.\s*shuffle\s*\(/);
  const buffer = call?.args[0];
  if (!buffer) return null;
  const span = trim(src.text, buffer.start, buffer.end);
  return span.end > span.start ? [src.edit(p.site.file, span.start, span.end, String(p.rows))] : null;
}

/** The lower and upper bounds of the clipByValue call at the site: `tf.clipByValue(x, lo, hi)`, or `x.clipByValue(lo, hi)`. */
function clipBounds(src: SourceText, site: SourceSite): { lo: Span; hi: Span } | null {
  const call = findCall(src, site, /\bclipByValue\s*\(/);
  const bounds = call?.args.length === 3 ? call.args.slice(1) : call?.args.length === 2 ? call.args : null;
  if (!bounds) return null;
  return { lo: trim(src.text, bounds[0]!.start, bounds[0]!.end), hi: trim(src.text, bounds[1]!.start, bounds[1]!.end) };
}

function clipBoundsEdits(src: SourceText, p: Extract<FixPlan, { kind: 'clipBounds' }>): EditResult {
  const b = clipBounds(src, p.site);
  return b ? [src.edit(p.site.file, b.lo.start, b.lo.end, literal(-p.to)), src.edit(p.site.file, b.hi.start, b.hi.end, literal(p.to))] : null;
}

function clipSymmetricEdits(src: SourceText, p: Extract<FixPlan, { kind: 'clipSymmetric' }>): EditResult {
  const b = clipBounds(src, p.site);
  if (!b) return null;
  const { lo, hi } = b;
  const t = src.text;
  const upper = t.slice(hi.start, hi.end);
  if (!(NUMBER.test(upper) || /^[A-Za-z_$][\w$.]*$/.test(upper))) return null;
  return [src.edit(p.site.file, lo.start, lo.end, NUMBER.test(upper) ? literal(-Number(upper)) : `-${upper}`)];
}

function marginToEdits(src: SourceText, p: Extract<FixPlan, { kind: 'marginTo' }>): EditResult {
  const ls = src.lineStart(p.site.line);
  if (ls < 0) return null;
  const t = src.text;
  const line = src.lineCode(p.site.line);
  // `tf.scalar(M).sub(d)`: the minuend, written as a name or a number.
  const found = [...line.matchAll(/\btf\s*\.\s*scalar\s*\(\s*([A-Za-z_$][\w$]*|[\d.]+)\s*\)\s*\.\s*sub\s*\(/g)];
  for (const m of found) {
    const text = m[1]!;
    const start = ls + m.index! + m[0].indexOf(text);
    const zero = zeroBehind(src, { start, end: start + text.length });
    if (zero) return [src.edit(p.site.file, zero.start, zero.end, literal(p.to))];
  }
  return null;
}

function compileCall(src: SourceText, site: SourceSite | null): { call: Call; obj: NonNullable<ReturnType<typeof objectArg>> } | null {
  if (!site) return null;
  const call = findCall(src, site, /\bcompile\s*\(/);
  if (!call) return null;
  const obj = objectArg(src, call);
  return obj ? { call, obj } : null;
}

function lossEdits(src: SourceText, p: Extract<FixPlan, { kind: 'loss' }>): EditResult {
  const c = compileCall(src, p.compileSite);
  if (!c || !p.compileSite) return null;
  const file = p.compileSite.file;
  const prop = c.obj.props.find((x) => x.key === 'loss');
  if (!prop || !prop.value) return null;
  const t = src.text;
  let target: Span = prop.value;
  if (t[target.start] === '[') {
    const close = matchClose(t, target.start);
    if (close < 0) return null;
    const items = splitTopLevel(t, target.start + 1, close);
    const item = items[Math.min(p.slot, items.length - 1)];
    if (!item) return null;
    target = item;
  }
  const lit = stringLiteral(t, target);
  if (lit) return [src.edit(file, lit.inner.start, lit.inner.end, p.to)];
  // A loss function reference (e.g. tf.losses.meanSquaredError): replace it with the name.
  const expr = t.slice(target.start, target.end);
  if (!/^[\w$.]+$/.test(expr) || !/\./.test(expr)) return null;
  const q = quoteStyle(t, null);
  return [src.edit(file, target.start, target.end, `${q}${p.to}${q}`)];
}

/**
 * The one declaration of `name` in the file (`const|let|var name = ...`): where its keyword stands
 * and where its initializer starts. Null when the name is declared more than once, or never.
 */
function singleDeclaration(t: string, name: string): { at: number; init: number } | null {
  const decls = declarations(t, name);
  return decls.length === 1 ? decls[0]! : null;
}

/** The value the one declaration of `name` gives it (its initializer, trimmed); null as for singleDeclaration. */
function declaredValue(t: string, name: string): Span | null {
  const decl = singleDeclaration(t, name);
  return decl ? trim(t, decl.init, statementEnd(t, decl.init)) : null;
}

/** Every `const|let|var <name> =` in the code before `end`: where each starts and its value begins. */
function declarations(t: string, name: string, end = t.length): { at: number; init: number }[] {
  return [...codeOnly(t, 0, end).matchAll(new RegExp(`\\b(?:const|let|var)\\s+${escapeRe(name)}\\s*=(?!=)\\s*`, 'g'))].map((m) => ({ at: m.index!, init: m.index! + m[0].length }));
}

/** The span of the literal 0 an expression is, or names (a constant, or a key of a constant object, declared once). */
function zeroBehind(src: SourceText, span: Span): Span | null {
  const t = src.text;
  const expr = t.slice(span.start, span.end);
  if (/^0(?:\.0*)?$/.test(expr)) return span;
  const m = /^([A-Za-z_$][\w$]*)(?:\s*\.\s*([A-Za-z_$][\w$]*))?$/.exec(expr);
  if (!m) return null;
  const start = singleDeclaration(t, m[1]!)?.init;
  if (start === undefined) return null;
  if (!m[2]) {
    const init = trim(t, start, statementEnd(t, start));
    return /^0(?:\.0*)?$/.test(t.slice(init.start, init.end)) ? init : null;
  }
  if (t[start] !== '{') return null;
  const close = matchClose(t, start);
  const value = close > 0 ? objectProps(t, start, close).find((x) => x.key === m[2])?.value : undefined;
  return value && /^0(?:\.0*)?$/.test(t.slice(value.start, value.end)) ? value : null;
}

function lossWeightOneEdits(src: SourceText, p: Extract<FixPlan, { kind: 'lossWeightOne' }>): EditResult {
  const c = compileCall(src, p.compileSite);
  if (!c) return null;
  const t = src.text;
  const item = (prop: Prop | undefined): Span | null => {
    if (!prop?.value || t[prop.value.start] !== '[') return null;
    const close = matchClose(t, prop.value.start);
    return close < 0 ? null : (splitTopLevel(t, prop.value.start + 1, close)[p.slot] ?? null);
  };
  const weight = item(c.obj.props.find((x) => x.key === 'lossWeights'));
  let zero = weight ? zeroBehind(src, weight) : null;
  // A loss written for the output with its weight as an argument: weighted(tf.metrics.x, W.key).
  const loss = zero ? null : item(c.obj.props.find((x) => x.key === 'loss'));
  if (loss && !zero) {
    const open = t.indexOf('(', loss.start);
    const close = open > 0 && open < loss.end ? matchClose(t, open) : -1;
    if (close > 0 && close < loss.end) for (const arg of splitTopLevel(t, open + 1, close)) zero ??= zeroBehind(src, arg);
  }
  return zero ? [src.edit(p.compileSite.file, zero.start, zero.end, '1')] : null;
}

const OPTIMIZER_FACTORIES: Record<string, string> = {
  sgd: 'sgd',
  adam: 'adam',
  adamax: 'adamax',
  rmsprop: 'rmsprop',
  adagrad: 'adagrad',
  adadelta: 'adadelta',
};

function learningRateEdits(src: SourceText, p: Extract<FixPlan, { kind: 'learningRate' }>): EditResult {
  const t = src.text;
  const lr = literal(p.to);
  const site = p.optimizer?.site ?? null;
  // An optimizer created by name inside compile() has the compile line as its site and no call there.
  const call = site ? findCall(src, site, /\btrain\s*\.\s*[A-Za-z]\w*\s*\(/) ?? findCall(src, site, /\b[A-Za-z]\w*Optimizer\s*\(/) : null;
  if (site && call) {
    const file = site.file;
    const first = call.args[0];
    if (!first) return [src.edit(file, call.open + 1, call.close, lr)];
    const text = t.slice(first.start, first.end);
    // A number, or numbers combined in place (`10 ^ -3`, `1 / 1000`): the value replaces it.
    if (NUMBER.test(text) || /^[\d\s.eE+\-*/^()]+$/.test(text)) return [src.edit(file, first.start, first.end, lr)];
    if (/^[A-Za-z_$][\w$]*$/.test(text)) {
      const re = new RegExp(`\\b(?:const|let|var)\\s+${escapeRe(text)}\\s*=\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*[;,\\n]`, 'g');
      const hits = [...t.matchAll(re)];
      if (hits.length !== 1) {
        // A rate computed where it is declared (`const LR = BASE_LR * BATCH_SIZE`): the value replaces the computation.
        const init = hits.length === 0 ? declaredValue(t, text) : null;
        if (!init) return null;
        return init.end > init.start ? [src.edit(file, init.start, init.end, lr)] : null;
      }
      const h = hits[0]!;
      const start = h.index! + h[0].indexOf(h[1]!, h[0].indexOf('='));
      return [src.edit(file, start, start + h[1]!.length, lr)];
    }
    if (t[first.start] === '{') {
      const close = matchClose(t, first.start);
      const prop = objectProps(t, first.start, close).find((x) => x.key === 'learningRate');
      if (prop?.value && NUMBER.test(t.slice(prop.value.start, prop.value.end))) return [src.edit(file, prop.value.start, prop.value.end, lr)];
    }
    return null;
  }
  // The optimizer was given by name: replace the name with a constructed optimizer.
  const c = compileCall(src, p.compileSite);
  if (!c || !p.compileSite) return null;
  const prop = c.obj.props.find((x) => x.key === 'optimizer');
  if (!prop?.value) return null;
  const lit = stringLiteral(t, prop.value);
  if (!lit) return null;
  const factory = OPTIMIZER_FACTORIES[lit.value.toLowerCase()];
  if (!factory || !TF_BINDING.test(t)) return null;
  return [src.edit(p.compileSite.file, prop.value.start, prop.value.end, `tf.train.${factory}(${lr})`)];
}

/** End of the statement whose expression starts at `start`: a top-level `;` or line break. */
function statementEnd(t: string, start: number): number {
  let depth = 0;
  for (let i = start; i < t.length; ) {
    const skipped = skipNonCode(t, i);
    if (skipped !== i) {
      i = skipped;
      continue;
    }
    const c = t[i]!;
    if (c in OPEN) depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) return i;
      depth--;
    } else if (depth === 0 && (c === ';' || c === ',')) return i;
    else if (depth === 0 && c === '\n') {
      // A chained call on the next line continues the statement.
      const rest = /^\s*(\S)/.exec(t.slice(i + 1, i + 200));
      if (!rest || !'.?+-*/%&|'.includes(rest[1]!)) return i;
    }
    i++;
  }
  return t.length;
}

interface DataArg {
  /** The argument of fit. */
  arg: Span;
  /** `const <name> = <init>` that declares it, when found before the fit call. */
  decl: { keyword: Span; init: Span } | null;
}

function fitArgument(src: SourceText, fitSite: SourceSite, role: 'x' | 'y'): DataArg | null {
  const call = findCall(src, fitSite, /\bfit\s*\(/);
  if (!call) return null;
  const arg = call.args[role === 'x' ? 0 : 1];
  if (!arg) return null;
  const t = src.text;
  const name = t.slice(arg.start, arg.end);
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) return { arg, decl: null };
  return { arg, decl: declarationBefore(t, name, call.open) };
}

/** The last `const|let|var <name> = <init>` before offset `before`: its keyword and its initializer. */
function declarationBefore(t: string, name: string, before: number): { keyword: Span; init: Span } | null {
  const re = new RegExp(`\\b(const|let|var)\\s+${escapeRe(name)}\\s*=(?![=>])\\s*`, 'g');
  let last: RegExpExecArray | null = null;
  for (let m = re.exec(t); m && m.index < before; m = re.exec(t)) last = m;
  if (!last) return null;
  const initStart = last.index + last[0].length;
  const init = trim(t, initStart, statementEnd(t, initStart));
  if (init.end <= init.start) return null;
  return { keyword: { start: last.index, end: last.index + last[1]!.length }, init };
}

/** A script's text, or null when it cannot be read. */
function readSource(read: SourceReader | undefined, file: string): SourceText | null {
  if (!read) return null;
  try {
    const text = read(file);
    return typeof text === 'string' ? new SourceText(text) : null;
  } catch {
    return null;
  }
}

/** `file`'s text from `cache`, read and kept there on first use (null, kept too, when unreadable). */
function cachedSource(read: SourceReader | undefined, file: string, cache: Map<string, SourceText | null>): SourceText | null {
  let src = cache.get(file);
  if (src === undefined) cache.set(file, (src = readSource(read, file)));
  return src;
}

/** The variable list given at a custom step's call, and the initializer that makes it (the argument itself, or the declaration of the name given). */
function varListArgument(src: SourceText, site: SourceSite): { arg: Span; init: Span | null; declStart: number | null } | null {
  const call = findCall(src, site, /\.\s*(?:minimize|variableGrads)\s*\(/);
  if (!call) return null;
  const t = src.text;
  const minimize = /minimize\s*\($/.test(t.slice(Math.max(0, call.open - 40), call.open + 1));
  const arg = call.args[minimize ? 2 : 1];
  if (!arg) return null;
  const name = t.slice(arg.start, arg.end).trim();
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) return { arg, init: arg, declStart: null };
  const decl = declarationBefore(t, name, call.open);
  return { arg, init: decl?.init ?? null, declStart: decl?.keyword.start ?? null };
}

/** Where the variable list a custom step trains is made: the declaration of the name given to minimize or variableGrads, or the argument. */
export function varListDeclarationSite(read: SourceReader | undefined, site: SourceSite | null): SourceSite | null {
  const src = site ? readSource(read, site.file) : null;
  if (!src || !site) return null;
  const v = varListArgument(src, site);
  if (!v) return null;
  const p = src.position(v.declStart ?? v.arg.start);
  return { file: site.file, line: p.line, column: p.column };
}

/** Where the tensor passed to fit as x or y is built (its declaration), when the source shows it. */
export function dataDeclarationSite(read: SourceReader | undefined, fitSite: SourceSite | null, role: 'x' | 'y'): SourceSite | null {
  const src = fitSite ? readSource(read, fitSite.file) : null;
  if (!src || !fitSite) return null;
  const d = fitArgument(src, fitSite, role);
  if (!d?.decl) return null;
  const p = src.position(d.decl.keyword.start);
  return { file: fitSite.file, line: p.line, column: p.column };
}

/** Where `name` is declared, once in the file; null for a name declared more often, or text that is no name. */
function declarationSite(src: SourceText, file: string, name: string | undefined): SourceSite | null {
  const decl = name && /^[A-Za-z_$][\w$]*$/.test(name) ? singleDeclaration(src.text, name) : null;
  if (!decl) return null;
  const p = src.position(decl.at);
  return { file, line: p.line, column: p.column };
}

/** Where the array a tensor is made from at `site` (`tf.tensor1d(batchIdx, 'int32')`) is declared, once in the file. */
export function arrayDeclarationSite(read: SourceReader | undefined, site: SourceSite): SourceSite | null {
  const src = readSource(read, site.file);
  const arg = src ? findCall(src, site, FROM_ARRAY_CALL)?.args[0] : undefined;
  return src && arg ? declarationSite(src, site.file, src.text.slice(arg.start, arg.end).trim()) : null;
}

/**
 * Where the array of row indices behind the gather at `site` is declared: the gather's index
 * argument, a name declared as a tensor made from a named array (`const idx = tf.tensor1d(batchIdx)`),
 * or such a call itself; then that array's one declaration.
 */
export function gatherIndicesDeclarationSite(read: SourceReader | undefined, site: SourceSite): SourceSite | null {
  const src = readSource(read, site.file);
  if (!src) return null;
  const t = src.text;
  const call = findCall(src, site, /\bgather\s*\(/);
  if (!call) return null;
  const before = codeOnly(t, src.lineStart(site.line), call.open);
  const indices = /\btf\s*\.\s*gather\s*$/.test(before) ? call.args[1] : call.args[0];
  if (!indices) return null;
  const text = t.slice(indices.start, indices.end).trim();
  let made = text;
  if (/^[A-Za-z_$][\w$]*$/.test(text)) {
    const init = declaredValue(t, text);
    if (!init) return null;
    made = t.slice(init.start, init.end);
  }
  return declarationSite(src, site.file, /^tf\s*\.\s*tensor(?:1d)?\s*\(\s*([A-Za-z_$][\w$]*)\s*[,)]/.exec(made)?.[1]);
}

/** Calls that make a tensor from an array, and oneHot around one. */
const FROM_ARRAY_CALL = /\b(?:tensor(?:[1-6]d)?|oneHot)\s*\(/;

/**
 * The one statement that writes the values of the array a tensor is made from at `site`
 * (`tf.tensor2d(ys, ...)`, `tf.tensor2d(train.ys)`, `tf.oneHot(tf.tensor1d(labels), k)`, with `ys.push(...)` or `ys[i] = ...`
 * once in the file): the plain-JavaScript line that computes the values, which the probe cannot
 * see. Null when the call takes no named array, or the array is written in more than one place.
 */
export function arrayWriteSite(read: SourceReader | undefined, site: SourceSite): SourceSite | null {
  const src = readSource(read, site.file);
  const at = src ? arrayWriteOffset(src, site) : -1;
  if (!src || at < 0) return null;
  const p = src.position(at);
  return { file: site.file, line: p.line, column: p.column };
}

/** Where the one statement that writes the array behind the tensor call at `site` starts, or -1. */
function arrayWriteOffset(src: SourceText, site: SourceSite): number {
  const call = findCall(src, site, FROM_ARRAY_CALL);
  if (!call?.args[0]) return -1;
  const t = src.text;
  let arg: Span | null = trim(t, call.args[0].start, call.args[0].end);
  // oneHot(tf.tensor1d(labels, 'int32'), k): the array inside.
  const inner = /^[\w$.]*\btensor(?:[1-6]d)?\s*\(/.exec(t.slice(arg.start, arg.end));
  if (inner) {
    const open = arg.start + inner[0].length - 1;
    const close = matchClose(t, open);
    const first = close > open ? splitTopLevel(t, open + 1, close)[0] : undefined;
    arg = first ? trim(t, first.start, first.end) : null;
  }
  // `toTargets(train.classes)`: the helper, declared once in the file, computes each row.
  const helper = arg ? /^([A-Za-z_$][\w$]*)\s*\(/.exec(t.slice(arg.start, arg.end)) : null;
  if (arg && helper && matchClose(t, arg.start + helper[0].length - 1) === arg.end - 1) return functionDefinition(t, helper[1]!)?.at ?? -1;
  // `ys`, or `train.ys` from a helper that fills a local `ys` and returns { xs, ys }; rows cut from it (`ys.slice(0, n)`) are its rows.
  const text = arg ? t.slice(arg.start, arg.end).replace(/\s*\.\s*slice\s*\([^()]*\)$/, '') : '';
  const name = /^(?:[A-Za-z_$][\w$]*\s*\.\s*)*([A-Za-z_$][\w$]*)$/.exec(text)?.[1];
  if (!name) return -1;
  // `train.labels` where `train = parseCsv(...)`: looked for in parseCsv's body only.
  const scope = helperBody(t, /^([A-Za-z_$][\w$]*)\s*\.\s*[A-Za-z_$][\w$]*$/.exec(text)?.[1]) ?? { start: 0, end: t.length };
  const code = codeOnly(t, scope.start, scope.end);
  const writes = [...code.matchAll(new RegExp(`(?<![\\w$.])${escapeRe(name)}\\s*(?:\\.\\s*push\\s*\\(|\\[[^\\]\\n]*\\]\\s*=(?!=))`, 'g'))];
  if (writes.length === 1) return scope.start + writes[0]!.index!;
  if (writes.length || (name !== text && scope.start === 0)) return -1;
  // Never written row by row: declared once as a mapping of other values, which computes each row.
  const decls = [...code.matchAll(new RegExp(`\\b(?:const|let|var)\\s+${escapeRe(name)}\\s*=(?!=)\\s*`, 'g'))];
  if (decls.length !== 1) return -1;
  const at = scope.start + decls[0]!.index!;
  const init = at + decls[0]![0].length;
  return /^[^;\n]*\.\s*(?:map|concat)\s*\(/.test(codeOnly(t, init, statementEnd(t, init))) ? at : -1;
}

/**
 * The one definition of function `name` in the file (`function name(...)`, or a function or arrow
 * given to `const name =`): where it starts, and its block body (null for an arrow whose body is an
 * expression). Null when the file defines it more than once, or never.
 */
function functionDefinition(t: string, name: string): { at: number; body: Span | null } | null {
  const n = escapeRe(name);
  const defs = [...codeOnly(t, 0, t.length).matchAll(new RegExp(`\\bfunction\\s+${n}\\s*(\\()|\\b(?:const|let|var)\\s+${n}\\s*=\\s*(?:async\\s*)?(?:function\\b[^(]*(\\()|(\\()[^()]*\\)\\s*=>|[A-Za-z_$][\\w$]*\\s*=>)`, 'g'))];
  if (defs.length !== 1) return null;
  const d = defs[0]!;
  const paren = d[1] ?? d[2] ?? d[3];
  if (paren === undefined) return { at: d.index!, body: null };
  const paramsClose = matchClose(t, d.index! + d[0].lastIndexOf('(', d[3] !== undefined ? d[0].indexOf(')') : d[0].length));
  const open = paramsClose > 0 ? t.indexOf('{', paramsClose) : -1;
  // Only `(...) {` or `(...) => {` between the parameters and the body.
  if (open < 0 || !/^\s*(?:=>\s*)?$/.test(t.slice(paramsClose + 1, open))) return { at: d.index!, body: null };
  const close = matchClose(t, open);
  return { at: d.index!, body: close > open ? { start: open, end: close } : null };
}

/** The body of the function whose result `name` is declared as (`const train = parseCsv(text)`), when the file declares both once. */
function helperBody(t: string, name: string | undefined): Span | null {
  const decl = name ? singleDeclaration(t, name) : null;
  const fn = decl ? /^(?:await\s+)?([A-Za-z_$][\w$]*)\s*\(/.exec(t.slice(decl.init, decl.init + 200))?.[1] : undefined;
  return fn ? (functionDefinition(t, fn)?.body ?? null) : null;
}

/** The one statement that writes the array behind the tensor call at `site` (see arrayWriteOffset): its span and its code. */
function writtenStatement(src: SourceText, site: SourceSite): { at: number; end: number; code: string } | null {
  const at = arrayWriteOffset(src, site);
  if (at < 0) return null;
  const end = statementEnd(src.text, at);
  return { at, end, code: codeOnly(src.text, at, end) };
}

function windowBeforeTargetEdits(src: SourceText, p: Extract<FixPlan, { kind: 'windowBeforeTarget' }>): EditResult {
  const w = writtenStatement(src, p.site);
  if (!w) return null;
  const { at } = w;
  const t = src.text;
  const slices = [...w.code.matchAll(/\.\s*slice\s*\(/g)];
  if (slices.length !== 1) return null;
  const open = at + slices[0]!.index! + slices[0]![0].length - 1;
  const close = matchClose(t, open);
  const args = close > 0 ? splitTopLevel(t, open + 1, close) : [];
  if (args.length !== 2) return null;
  // `i + 1` becomes `i`; anything else gets `- 1`.
  const back = (a: Span): TextEdit => {
    const text = t.slice(a.start, a.end);
    const plusOne = /\s*\+\s*1$/.exec(text);
    return plusOne ? src.edit(p.site.file, a.end - plusOne[0].length, a.end, '') : src.edit(p.site.file, a.end, a.end, ' - 1');
  };
  return [back(args[0]!), back(args[1]!)];
}

function descendAtEdits(src: SourceText, p: Extract<FixPlan, { kind: 'descendAt' }>): EditResult {
  const start = src.lineStart(p.site.line);
  if (start < 0) return null;
  const code = src.lineCode(p.site.line);
  const adds = [...code.matchAll(/(?:\.\s*|\btf\s*\.\s*)(add)\s*\(/g)];
  if (adds.length !== 1) return null;
  const at = start + adds[0]!.index! + adds[0]![0].indexOf('add');
  return [src.edit(p.site.file, at, at + 3, 'sub')];
}

const FLIPPED: Record<string, string> = { '>': '<', '<': '>', '>=': '<=', '<=': '>=' };

/**
 * The `if` around offset `at`, when `at` is in its then-block or its else-block: the condition's
 * span, both blocks' spans, and which one holds `at`.
 */
function ifAround(t: string, at: number): (IfElse & { inElse: boolean }) | null {
  const open = enclosingBlock(t, at);
  if (open < 0) return null;
  const before = codeOnly(t, Math.max(0, open - 400), open);
  let thenOpen = open;
  let inElse = false;
  if (/\belse\s*$/.test(before)) {
    const closeAt = before.replace(/\s*else\s*$/, '').length - 1 + Math.max(0, open - 400);
    if (t[closeAt] !== '}') return null;
    thenOpen = enclosingBlock(t, closeAt);
    inElse = true;
  }
  if (thenOpen < 0) return null;
  // The last `if (` before the block whose if/else opens with that block.
  const from = Math.max(0, thenOpen - 400);
  const ifs = [...codeOnly(t, from, thenOpen).matchAll(/\bif\s*\(/g)].reverse();
  for (const m of ifs) {
    const branch = ifElseAt(t, from + m.index! + m[0].length - 1);
    if (branch && branch.then.start === thenOpen) return { ...branch, inElse };
  }
  return null;
}

/** The value a name declared once as ±Infinity starts at, or null. */
function infiniteStart(t: string, name: string): number | null {
  const decl = singleDeclaration(t, name);
  if (!decl) return null;
  const init = codeOnly(t, decl.init, statementEnd(t, decl.init)).trim().replace(/;$/, '').trim();
  if (/^(?:Infinity|Number\.POSITIVE_INFINITY)$/.test(init)) return Infinity;
  if (/^-\s*(?:Infinity|Number\.POSITIVE_INFINITY)$|^Number\.NEGATIVE_INFINITY$/.test(init)) return -Infinity;
  return null;
}

const NAME = String.raw`[A-Za-z_$][\w$]*`;

/**
 * One side of a comparison while a name in it is still at its ±Infinity start: `best`, `best - x`,
 * `best + x` or `x - best` (x finite) is ±Infinity. The name and that value, or null.
 */
function infiniteSide(t: string, side: string): { name: string; value: number } | null {
  const s = side.trim();
  const whole = new RegExp(`^(${NAME})$`).exec(s);
  const first = new RegExp(`^(${NAME})\\s*([-+])\\s*(.+)$`).exec(s);
  const last = new RegExp(`^(.+?)\\s*-\\s*(${NAME})$`).exec(s);
  const candidates: Array<{ name: string; sign: number; rest: string }> = [];
  if (whole) candidates.push({ name: whole[1]!, sign: 1, rest: '' });
  if (first) candidates.push({ name: first[1]!, sign: 1, rest: first[3]! });
  if (last) candidates.push({ name: last[2]!, sign: -1, rest: last[1]! });
  for (const c of candidates) {
    if (new RegExp(`(?<![\\w$.])${escapeRe(c.name)}(?![\\w$])`).test(c.rest)) continue;
    const start = infiniteStart(t, c.name);
    if (start !== null) return { name: c.name, value: c.sign * start };
  }
  return null;
}

interface IfElse {
  cond: Span;
  then: Span;
  else: Span;
}

/**
 * An if/else whose condition compares a name still at the ±Infinity it is declared with, so it
 * always takes one branch, while the name is assigned only in the other: the name never leaves
 * its start and the branch that would move it never runs. The operator to flip, or null.
 */
function frozenGuard(t: string, branch: IfElse): { opAt: number; op: string; taken: 'then' | 'else' } | null {
  const cond = codeOnly(t, branch.cond.start, branch.cond.end);
  const ops = [...cond.matchAll(/>=|<=|>|</g)];
  if (ops.length !== 1 || /&&|\|\||[?!=]=|\(/.test(cond)) return null;
  const at = ops[0]!.index!;
  const op = ops[0]![0];
  const left = infiniteSide(t, cond.slice(0, at));
  const right = infiniteSide(t, cond.slice(at + op.length));
  if ((left === null) === (right === null)) return null;
  const side = (left ?? right)!;
  const greater = op[0] === '>';
  // With the name at ±Infinity and everything else finite, the comparison's value is fixed.
  const alwaysTrue = left ? greater === side.value > 0 : greater === side.value < 0;
  const taken = alwaysTrue ? 'then' : 'else';
  const assigns = (span: Span) => new RegExp(`(?<![\\w$.])${escapeRe(side.name)}\\s*=(?!=)`).test(codeOnly(t, span.start, span.end));
  if (!assigns(taken === 'then' ? branch.else : branch.then) || assigns(taken === 'then' ? branch.then : branch.else)) return null;
  return { opAt: branch.cond.start + at, op, taken };
}

/** The if/else whose condition opens at `condOpen` (the `(` after `if`), or null. */
function ifElseAt(t: string, condOpen: number): IfElse | null {
  const condClose = matchClose(t, condOpen);
  if (condClose < 0) return null;
  const thenOpen = condClose + 1 + (codeOnly(t, condClose + 1, Math.min(t.length, condClose + 40)).search(/\S/));
  if (t[thenOpen] !== '{') return null;
  const thenClose = matchClose(t, thenOpen);
  const elseMatch = thenClose > 0 ? /^\s*else\s*\{/.exec(codeOnly(t, thenClose + 1, Math.min(t.length, thenClose + 40))) : null;
  if (!elseMatch) return null;
  const elseOpen = thenClose + elseMatch[0].length;
  const elseClose = matchClose(t, elseOpen);
  if (elseClose < 0) return null;
  return { cond: { start: condOpen + 1, end: condClose }, then: { start: thenOpen, end: thenClose }, else: { start: elseOpen, end: elseClose } };
}

/** The body of the innermost function around offset `at` (an arrow's or a function's block), or null. */
function functionBodyAround(t: string, at: number): Span | null {
  for (let open = enclosingBlock(t, at); open >= 0; open = enclosingBlock(t, open)) {
    const head = codeOnly(t, Math.max(0, open - 200), open);
    if (/=>\s*$|\bfunction\b[^{;]*\)\s*$|^[^]*\b[A-Za-z_$][\w$]*\s*\([^()]*\)\s*$/.test(head) && !/\b(?:if|for|while|switch|catch)\s*\([^()]*\)\s*$/.test(head)) {
      const close = matchClose(t, open);
      return close > 0 ? { start: open, end: close } : null;
    }
  }
  return null;
}

function flipGuardEdits(src: SourceText, p: Extract<FixPlan, { kind: 'flipGuard' }>): EditResult {
  const t = src.text;
  const at = src.offset(p.site.line, p.site.column);
  if (at < 0) return null;
  let found: { opAt: number; op: string } | null = null;
  if (p.within) {
    // Any frozen guard in the function that runs the call (a callback that stops training).
    const body = functionBodyAround(t, at);
    if (!body) return null;
    const code = codeOnly(t, body.start, body.end);
    for (const m of code.matchAll(/\bif\s*\(/g)) {
      const branch = ifElseAt(t, body.start + m.index! + m[0].length - 1);
      const guard = branch ? frozenGuard(t, branch) : null;
      if (guard) {
        found = guard;
        break;
      }
    }
  } else {
    const branch = ifAround(t, at);
    const guard = branch ? frozenGuard(t, branch) : null;
    // The call runs in the branch the frozen comparison always takes.
    if (branch && guard && (guard.taken === 'else') === branch.inElse) found = guard;
  }
  if (!found) return null;
  return [src.edit(p.site.file, found.opAt, found.opAt + found.op.length, FLIPPED[found.op]!)];
}

/**
 * In the callback that stops training at the site: `if (improved) { best = v; } else { wait += 1; }`
 * with `wait` set back to 0 nowhere, so it counts every non-improving epoch of the run. The
 * improving branch resets it.
 */
function resetWaitCounterEdits(src: SourceText, p: Extract<FixPlan, { kind: 'resetWaitCounter' }>): EditResult {
  const t = src.text;
  const at = src.offset(p.site.line, p.site.column);
  const body = at >= 0 ? functionBodyAround(t, at) : null;
  if (!body) return null;
  const code = codeOnly(t, body.start, body.end);
  const found: TextEdit[] = [];
  for (const m of code.matchAll(/\bif\s*\(/g)) {
    const branch = ifElseAt(t, body.start + m.index! + m[0].length - 1);
    if (!branch) continue;
    const counted = /^\s*\{\s*(?:([A-Za-z_$][\w$]*)\s*(?:\+=\s*1|\+\+)|\+\+\s*([A-Za-z_$][\w$]*))\s*;?\s*$/.exec(codeOnly(t, branch.else.start, branch.else.end));
    const name = counted?.[1] ?? counted?.[2];
    if (!name) continue;
    // Compared where training stops, and set back to 0 nowhere in the file (its declaration aside).
    if (!new RegExp(`\\b${escapeRe(name)}\\s*>=?\\s*[\\w$.]+`).test(code)) continue;
    const resets = [...codeOnly(t, 0, t.length).matchAll(new RegExp(`(?<![\\w$.])${escapeRe(name)}\\s*=\\s*0\\b`, 'g'))].filter((r) => !/\b(?:let|var|const)\s+$/.test(t.slice(Math.max(0, r.index! - 8), r.index!)));
    if (resets.length > 0) continue;
    // After the improving branch's last statement, on a line of its own with that statement's indentation.
    const then = codeOnly(t, branch.then.start + 1, branch.then.end);
    const last = then.trimEnd().length;
    if (last === 0) continue;
    const end = branch.then.start + 1 + last;
    const lineStart = t.lastIndexOf('\n', end - 1) + 1;
    const indent = /^[ \t]*/.exec(t.slice(lineStart))![0];
    found.push(src.edit(p.site.file, end, end, `\n${indent}${name} = 0;`));
  }
  return found.length === 1 ? found : null;
}

/** Budgets below this, read as milliseconds, could not have been meant for a training run. */
const SECONDS_BUDGET_BELOW = 10_000;

function budgetInMillisecondsEdits(src: SourceText, p: Extract<FixPlan, { kind: 'budgetInMilliseconds' }>): EditResult {
  const t = src.text;
  const at = src.offset(p.site.line, p.site.column);
  const body = at >= 0 ? functionBodyAround(t, at) : null;
  if (!body) return null;
  const code = codeOnly(t, body.start, body.end);
  // `Date.now() - start > BUDGET` or `BUDGET < Date.now() - start`, BUDGET a name or a number.
  const clock = String.raw`\(?\s*(?:Date|performance)\s*\.\s*now\s*\(\s*\)\s*-\s*[\w$.]+\s*\)?`;
  const budget = String.raw`([A-Za-z_$][\w$]*|\d+(?:\.\d+)?)`;
  const found = [...code.matchAll(new RegExp(`${clock}\\s*>=?\\s*${budget}|${budget}\\s*<=?\\s*${clock}`, 'g'))];
  if (found.length !== 1) return null;
  const m = found[0]!;
  const name = (m[1] ?? m[2])!;
  const nameAt = body.start + m.index! + (m[1] !== undefined ? m[0].lastIndexOf(name) : m[0].indexOf(name));
  let value = Number(name);
  if (!/^\d/.test(name)) {
    const init = declaredValue(t, name);
    value = init ? Number(t.slice(init.start, init.end)) : NaN;
  }
  if (!(value > 0 && value < SECONDS_BUDGET_BELOW)) return null;
  return [src.edit(p.site.file, nameAt, nameAt + name.length, `${name} * 1000`)];
}

function shuffleSamplesEdits(src: SourceText, p: Extract<FixPlan, { kind: 'shuffleSamples' }>): EditResult {
  const start = src.lineStart(p.site.line);
  if (start < 0) return null;
  const line = src.text.slice(start, src.lineEnd(p.site.line));
  const shuffle = String.raw`([A-Za-z_$][\w$]*\s*\.\s*util\s*\.\s*shuffle)\s*\(\s*`;
  // list.forEach((s) => ns.util.shuffle(s...)); with or without a block body.
  const forEach = new RegExp(String.raw`^(\s*)([A-Za-z_$][\w$.]*)\s*\.\s*forEach\s*\(\s*\(?\s*([A-Za-z_$][\w$]*)\s*\)?\s*=>\s*\{?\s*` + shuffle + String.raw`\3\b[^;()]*(?:\([^()]*\))?[^;()]*\)\s*;?\s*\}?\s*\)\s*;?\s*$`).exec(line);
  // for (const s of list) ns.util.shuffle(s...); with or without braces.
  const forOf = new RegExp(String.raw`^(\s*)for\s*\(\s*(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s+of\s+([A-Za-z_$][\w$.]*)\s*\)\s*\{?\s*` + shuffle + String.raw`\2\b[^;()]*\)\s*;?\s*\}?\s*$`).exec(line);
  const m = forEach ? { indent: forEach[1]!, list: forEach[2]!, call: forEach[4]! } : forOf ? { indent: forOf[1]!, list: forOf[3]!, call: forOf[4]! } : null;
  if (!m) return null;
  return [src.edit(p.site.file, start, start + line.length, `${m.indent}${m.call.replace(/\s+/g, '')}(${m.list});`)];
}

/** The expression pushed (or assigned) at `at`, an array write (see arrayWriteOffset); a pushed name's one declaration. */
function writtenRow(src: SourceText, at: number): Span | null {
  const t = src.text;
  // `xs.push(row)`: the row; `xs[i] = row`: the same.
  const push = /^[\w$.]+\s*\.\s*push\s*\(/.exec(t.slice(at));
  let row: Span | null = null;
  if (push) {
    const close = matchClose(t, at + push[0].length - 1);
    const args = close > 0 ? splitTopLevel(t, at + push[0].length, close) : [];
    row = args.length === 1 ? args[0]! : null;
  } else {
    const assign = /^[\w$.]+\s*\[[^\]\n]*\]\s*=(?!=)\s*/.exec(t.slice(at));
    if (assign) row = trim(t, at + assign[0].length, statementEnd(t, at + assign[0].length));
  }
  if (!row) return null;
  const name = t.slice(row.start, row.end);
  if (/^[A-Za-z_$][\w$]*$/.test(name)) {
    const start = singleDeclaration(t, name)?.init;
    if (start === undefined) return null;
    row = trim(t, start, statementEnd(t, start));
  }
  return row;
}

/**
 * The statement on the site's line when it is the whole line: one call (`tf.util.shuffle(rows);`),
 * or a for loop whose body is one call (`for (const w of ws) w.assign(clip(w));`).
 */
function removeStatementEdits(src: SourceText, p: Extract<FixPlan, { kind: 'removeStatement' }>): EditResult {
  const start = src.lineStart(p.site.line);
  if (start < 0) return null;
  let rest = src.lineCode(p.site.line).trim();
  const loop = /^for\s*\(/.exec(rest);
  if (loop) {
    const close = matchClose(rest, loop[0].length - 1);
    if (close < 0) return null;
    rest = rest.slice(close + 1).trim();
  }
  const callee = /^[\w$.]+\s*\(/.exec(rest);
  if (!callee) return null;
  const close = matchClose(rest, callee[0].length - 1);
  if (close < 0 || !/^\s*;?$/.test(rest.slice(close + 1))) return null;
  const next = src.lineStart(p.site.line + 1);
  return [src.edit(p.site.file, start, next < 0 ? src.text.length : next, '')];
}

/**
 * The `<receiver>.<method>(...)` call nearest the site's column, whose receiver is a name with
 * members or indices (`train.prices`, `model.weights[i]`): the call, and the receiver's span and text.
 */
function methodCall(src: SourceText, site: SourceSite, method: string): { call: Call; receiver: Span; text: string } | null {
  const t = src.text;
  const call = findCall(src, site, new RegExp(String.raw`\.\s*${escapeRe(method)}\s*\(`));
  if (!call) return null;
  const before = codeOnly(t, Math.max(0, call.open - 200), call.open);
  const m = new RegExp(String.raw`([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*|\[[^\]\n]*\])*)\s*\.\s*${escapeRe(method)}\s*$`).exec(before);
  if (!m) return null;
  const start = call.open - before.length + m.index;
  return { call, receiver: { start, end: start + m[1]!.length }, text: m[1]! };
}

function sortCopyEdits(src: SourceText, p: Extract<FixPlan, { kind: 'sortCopy' }>): EditResult {
  const m = methodCall(src, p.site, p.method ?? 'sort');
  return m ? [src.edit(p.site.file, m.receiver.start, m.receiver.end, `[...${m.text}]`)] : null;
}

/** The divisor of the `div` call at the site, as written: `x.div(d)` or `tf.div(x, d)`, its last argument. */
function divisorOf(src: SourceText, site: SourceSite): Span | null {
  const call = findCall(src, site, /\.\s*div\s*\(/);
  return call && call.args.length >= 1 && call.args.length <= 2 ? call.args[call.args.length - 1]! : null;
}

function guardDivisorEdits(src: SourceText, p: Extract<FixPlan, { kind: 'guardDivisor' }>): EditResult {
  const d = divisorOf(src, p.site);
  const text = d ? src.text.slice(d.start, d.end) : '';
  // `std`, `stats.std`, or a chain of calls without arguments (`variance.sqrt()`).
  if (!d || !/^[A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*(?:\s*\(\s*\))?)*$/.test(text)) return null;
  return [src.edit(p.site.file, d.start, d.end, `${text}.maximum(1e-7)`)];
}

function awaitCallEdits(src: SourceText, p: Extract<FixPlan, { kind: 'awaitCall' }>): EditResult {
  const call = findCall(src, p.site, /\.\s*fit(?:Dataset)?\s*\(/);
  if (!call) return null;
  const t = src.text;
  const lineStart = src.lineStart(p.site.line);
  const code = codeOnly(t, 0, call.open);
  const receiver = /(?<![\w$.])[A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*\s*\.\s*fit(?:Dataset)?\s*$/.exec(code.slice(lineStart));
  if (!receiver) return null;
  const at = lineStart + receiver.index;
  // Already awaited, or handed on (returned, chained with .then): nothing to add.
  if (/\b(?:await|return)\s*$/.test(code.slice(Math.max(0, at - 16), at))) return null;
  if (/^\s*\.\s*then\s*\(/.test(codeOnly(t, call.close + 1, Math.min(t.length, call.close + 40)))) return null;
  if (!awaitAllowedAt(t, code, at, p.site.file)) return null;
  return [src.edit(p.site.file, at, at, 'await ')];
}

/**
 * Whether `await` may be written at `at`: the innermost function around it is async, or there is
 * none and the file is an ES module. Blocks of statements (if, for, try) are looked through; a
 * function whose header this cannot read counts as not async.
 */
function awaitAllowedAt(t: string, code: string, at: number, file: string): boolean {
  let depth = 0;
  for (let i = at - 1; i >= 0; i--) {
    const c = code[i];
    if (c === '}') depth++;
    else if (c === '{' && depth > 0) depth--;
    else if (c === '{') {
      const header = code.slice(Math.max(0, i - 300), i).replace(/\s+$/, '');
      if (/=>$/.test(header)) return /\basync\s*(?:\([^()]*\)|[\w$]+)\s*=>$/.test(header);
      if (/\bfunction\b[\s*]*[\w$]*\s*\([^()]*\)$/.test(header)) return /\basync\s+function\b[\s*]*[\w$]*\s*\([^()]*\)$/.test(header);
      if (/(?:\b(?:if|for|while|switch|catch|with)\s*\(.*\)|\b(?:else|try|finally|do))$/s.test(header.slice(-200))) continue;
      if (/[\w$]\s*\([^()]*\)$/.test(header)) return /\basync\s+[\w$]+\s*\([^()]*\)$/.test(header);
    }
  }
  return /\.mjs$/.test(file) || /^\s*(?:import\s[^;]*\bfrom\b|export\s)/m.test(codeOnly(t, 0, t.length));
}

function keepZeroLabelsEdits(src: SourceText, p: Extract<FixPlan, { kind: 'keepZeroLabels' }>): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const label = String.raw`(?:label|labels|class|cls|classId|target|y|category)`;
  const found: TextEdit[] = [];
  // `.filter((r) => r.label)`, `.filter(r => r.label)`, `.filter(({ label }) => label)`
  const filter = new RegExp(String.raw`\.\s*filter\s*\(\s*(?:\(\s*([A-Za-z_$][\w$]*)\s*\)|([A-Za-z_$][\w$]*)|\(\s*\{\s*(${label})\s*\}\s*\))\s*=>\s*(([A-Za-z_$][\w$]*)(?:\s*\.\s*(${label}))?)\s*\)`, 'gi');
  for (const m of code.matchAll(filter)) {
    const param = m[1] ?? m[2];
    const tested = m[4]!;
    const ok = param ? m[5] === param && !!m[6] : m[3] === m[5] && !m[6];
    if (!ok) continue;
    const at = m.index! + m[0].lastIndexOf(tested);
    found.push(src.edit(p.site.file, at, at + tested.length, `${tested} !== null && ${tested} !== undefined`));
  }
  // `if (!r.label) continue;` (or return) in a loop that fills the rows.
  const skip = new RegExp(String.raw`\bif\s*\(\s*!\s*([A-Za-z_$][\w$]*(?:\s*\.\s*${label})?)\s*\)\s*(?:continue|return)\b`, 'gi');
  for (const m of code.matchAll(skip)) {
    const tested = m[1]!;
    if (!new RegExp(String.raw`(?:^|\.\s*)${label}$`, 'i').test(tested)) continue;
    const open = m.index! + m[0].indexOf('(');
    const close = matchClose(t, open);
    if (close < 0) continue;
    found.push(src.edit(p.site.file, open + 1, close, `${tested} === null || ${tested} === undefined`));
  }
  return found.length === 1 ? found : null;
}

function drawSecondViewEdits(src: SourceText, p: Extract<FixPlan, { kind: 'drawSecondView' }>): EditResult {
  const t = src.text;
  const line = src.lineCode(p.site.line);
  // The names the model is run on at the site, in order.
  const names = [...new Set([...line.matchAll(/\.\s*(?:predict|apply)\s*\(\s*([A-Za-z_$][\w$]*)\s*[,)]/g)].map((m) => m[1]!))];
  if (names.length !== 2) return null;
  const [first, second] = names.map((n) => declaredValue(t, n));
  if (!first || !second || t.slice(first.start, first.end) !== t.slice(second.start, second.end)) return null;
  // An argument of both that names one drawn value (`const aug = sampleAugmentation(BATCH)`): the second draws its own.
  const call = /^[A-Za-z_$][\w$.]*\s*\(/.exec(t.slice(second.start, second.end));
  if (!call) return null;
  const open = second.start + call[0].length - 1;
  const close = matchClose(t, open);
  const drawn = (close > open ? splitTopLevel(t, open + 1, close) : []).flatMap((a) => {
    const arg = trim(t, a.start, a.end);
    const name = t.slice(arg.start, arg.end);
    const init = /^[A-Za-z_$][\w$]*$/.test(name) ? declaredValue(t, name) : null;
    return init && /^[A-Za-z_$][\w$.]*\s*\(/.test(t.slice(init.start, init.end)) ? [{ arg, text: t.slice(init.start, init.end) }] : [];
  });
  if (drawn.length !== 1) return null;
  return [src.edit(p.site.file, drawn[0]!.arg.start, drawn[0]!.arg.end, drawn[0]!.text)];
}

function swapVarListsEdits(src: SourceText, p: Extract<FixPlan, { kind: 'swapVarLists' }>): EditResult {
  if (p.a.file !== p.b.file) return null;
  const t = src.text;
  const lists = [p.a, p.b].map((site) => findCall(src, site, /\bminimize\s*\(/)?.args[2]);
  const [a, b] = lists;
  if (!a || !b || a.start === b.start) return null;
  return [src.edit(p.a.file, a.start, a.end, t.slice(b.start, b.end).trim()), src.edit(p.a.file, b.start, b.end, t.slice(a.start, a.end).trim())];
}

/**
 * The models the unnamed step's loss runs (`x.predict(`, `x.apply(`), less those the other step's
 * varList is made from: exactly one left is the model this step trains, and its variables become
 * the step's varList.
 */
function nameVarListEdits(src: SourceText, p: Extract<FixPlan, { kind: 'nameVarList' }>): EditResult {
  if (p.site.file !== p.namedSite.file) return null;
  const t = src.text;
  const call = findCall(src, p.site, /\bminimize\s*\(/);
  const loss = call?.args[0];
  const named = varListArgument(src, p.namedSite);
  if (!call || !loss || call.args.length > 2 || !named?.init) return null;
  const modelsIn = (span: Span) => new Set([...codeOnly(t, span.start, span.end).matchAll(/([A-Za-z_$][\w$]*)\s*\.\s*(?:predict|apply|trainableWeights)\b/g)].map((m) => m[1]!));
  const theirs = modelsIn(named.init);
  const mine = [...modelsIn(loss)].filter((name) => !theirs.has(name));
  if (mine.length !== 1) return null;
  const last = call.args[call.args.length - 1]!;
  const varList = `${mine[0]}.trainableWeights.map((w) => w.val)`;
  return [src.edit(p.site.file, last.end, last.end, call.args.length === 1 ? `, false, ${varList}` : `, ${varList}`)];
}

/** Whether the name at `at` stands among the arguments of a dispose call (`tf.dispose([a, b])`, `x.dispose()`): not a read. */
function inDisposeCall(code: string, at: number): boolean {
  return /dispose\s*\(\s*\[?[^()]*$/.test(code.slice(Math.max(0, at - 80), at));
}

/**
 * `tf.oneHot(tf.argMax(logits, 1), K)` given, in place of the argMax, the one int32 tensor declared
 * before it (`tf.tensor1d(actions, 'int32')`) that nothing but a dispose uses: the indices made for
 * this and forgotten.
 */
function sampledIndicesEdits(src: SourceText, p: Extract<FixPlan, { kind: 'sampledIndices' }>): EditResult {
  const t = src.text;
  const call = findCall(src, p.site, /\boneHot\s*\(/);
  const first = call?.args[0];
  if (!call || !first) return null;
  const picked = trim(t, first.start, first.end);
  if (!/argMax\s*\(/.test(t.slice(picked.start, picked.end))) return null;
  // Strings are blanked in `code`: the dtype is read from the text, at declarations that are code.
  const code = codeOnly(t, 0, t.length);
  const unused = [...t.slice(0, call.open).matchAll(/\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*tf\s*\.\s*tensor(?:1d)?\s*\([^;]*['"]int32['"]\s*\)/g)]
    .filter((m) => code.startsWith(m[0].slice(0, 5), m.index!))
    .map((m) => m[1]!)
    .filter((name) => {
      const uses = [...code.matchAll(new RegExp(`(?<![\\w$.])${escapeRe(name)}(?![\\w$])`, 'g'))];
      // The declaration itself, and disposals: nothing reads it.
      return uses.slice(1).every((u) => inDisposeCall(code, u.index!));
    });
  if (unused.length !== 1) return null;
  return [src.edit(p.site.file, picked.start, picked.end, unused[0]!)];
}

/**
 * `const t = tf.variable(tf.scalar(0.07), ...)` made as `tf.scalar(Math.log(0.07))`, and every other
 * read of `t` (not an assign or a dispose) made `t.exp()`: the variable learns the log, and what
 * divides by it gets a value that stays positive.
 */
function logParameterizedEdits(src: SourceText, p: Extract<FixPlan, { kind: 'logParameterized' }>): EditResult {
  const t = src.text;
  const call = findCall(src, p.site, /\bvariable\s*\(/);
  const first = call?.args[0];
  if (!call || !first) return null;
  const init = /^(\s*tf\s*\.\s*scalar\s*\()\s*([^,()]+?)\s*(\)|,)/.exec(t.slice(first.start, first.end));
  const decl = /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*$/.exec(codeOnly(t, Math.max(0, call.open - 200), call.open).replace(/tf\s*\.\s*variable\s*$/, ''));
  if (!init || !decl) return null;
  const name = decl[1]!;
  const valueAt = first.start + init[0].indexOf(init[2]!, init[1]!.length);
  const edits = [src.edit(p.site.file, valueAt, valueAt + init[2]!.length, `Math.log(${init[2]!})`)];
  const code = codeOnly(t, 0, t.length);
  for (const m of code.matchAll(new RegExp(`(?<![\\w$.])${escapeRe(name)}(?![\\w$])(?!\\s*(?:=[^=]|\\.\\s*(?:assign|dispose)\\b))`, 'g'))) {
    if (m.index! >= call.open - 200 && m.index! < call.close && /\b(?:const|let|var)\s+$/.test(code.slice(Math.max(0, m.index! - 10), m.index!))) continue;
    // A name in a dispose list is not a read.
    if (inDisposeCall(code, m.index!)) continue;
    edits.push(src.edit(p.site.file, m.index! + name.length, m.index! + name.length, '.exp()'));
  }
  return edits.length > 1 ? edits : null;
}

/** `tf.log(tf.prod(x))` (or `x.prod().log()`) at the site written as the sum of the logs, `tf.sum(tf.log(x))`. */
function sumOfLogsEdits(src: SourceText, p: Extract<FixPlan, { kind: 'sumOfLogs' }>): EditResult {
  const t = src.text;
  const log = findCall(src, p.site, /\b(?:tf\s*\.\s*)?log\s*\(/);
  const arg = log?.args.length === 1 ? log.args[0]! : null;
  if (log && arg) {
    const inner = trim(t, arg.start, arg.end);
    const m = /^tf\s*\.\s*prod\s*\(/.exec(t.slice(inner.start, inner.end));
    const open = m ? inner.start + m[0].length - 1 : -1;
    const close = open >= 0 ? matchClose(t, open) : -1;
    const prodArgs = close >= 0 ? splitTopLevel(t, open + 1, close) : [];
    const x = prodArgs.length === 1 && close + 1 === inner.end ? prodArgs[0]! : null;
    const ns = /([A-Za-z_$][\w$]*)\s*\.\s*log\s*$/.exec(t.slice(Math.max(0, log.open - 40), log.open));
    if (x && ns) return [src.edit(p.site.file, log.open - ns[0].length, log.close + 1, `${ns[1]}.sum(${ns[1]}.log(${t.slice(x.start, x.end).trim()}))`)];
  }
  // x.prod().log()
  const line = t.slice(src.lineStart(p.site.line), src.lineEnd(p.site.line));
  const m = /\.\s*prod\s*\(\s*\)\s*\.\s*log\s*\(\s*\)/.exec(line);
  if (!m) return null;
  const at = src.lineStart(p.site.line) + m.index;
  return [src.edit(p.site.file, at, at + m[0].length, '.log().sum()')];
}

function rowMaxEdits(src: SourceText, p: Extract<FixPlan, { kind: 'rowMax' }>): EditResult {
  const call = findCall(src, p.site, /\.\s*max\s*\(/);
  if (!call || call.args.length > 1) return null;
  const t = src.text;
  // tf.max(x) has its tensor as argument; x.max() has none.
  if (call.args.length === 1) {
    const ns = opNamespace(t, call, 'max');
    return ns ? [src.edit(p.site.file, call.args[0]!.end, call.args[0]!.end, ', -1, true')] : null;
  }
  return [src.edit(p.site.file, call.open + 1, call.close, '-1, true')];
}

function decayIntervalEdits(src: SourceText, p: Extract<FixPlan, { kind: 'decayInterval' }>): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const lineStart = src.lineStart(p.site.line);
  const line = code.slice(lineStart, src.lineEnd(p.site.line));
  const power = /Math\s*\.\s*pow\s*\(\s*[^,()]+,\s*([A-Za-z_$][\w$]*)\s*\)|\*\*\s*([A-Za-z_$][\w$]*)(?![\w$.(])/.exec(line);
  if (!power) return null;
  const exponent = power[1] ?? power[2]!;
  const at = lineStart + power.index + power[0].lastIndexOf(exponent);
  // The interval the author declared for the decay and never used.
  const intervals = [...code.matchAll(/\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*\d+\s*;/g)]
    .map((m) => m[1]!)
    .filter((name) => /per_?drop|per_?decay|drop_?every|decay_?every|_every$|interval|step_?size|decay_?(?:epochs|steps)/i.test(name))
    .filter((name) => [...code.matchAll(new RegExp(`(?<![\\w$.])${escapeRe(name)}(?![\\w$])`, 'g'))].length === 1);
  if (intervals.length !== 1) return null;
  return [src.edit(p.site.file, at, at + exponent.length, `Math.floor(${exponent} / ${intervals[0]})`)];
}

function targetIndexLikeInputsEdits(src: SourceText, p: Extract<FixPlan, { kind: 'targetIndexLikeInputs' }>): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  // The targets' tensor is made from an array a loop fills: the index is on the line that writes it.
  const write = arrayWriteOffset(src, p.site);
  const line0 = write >= 0 ? src.position(write).line : p.site.line;
  return targetIndexOnLine(src, code, { ...p.site, line: line0 }) ?? (line0 !== p.site.line ? targetIndexOnLine(src, code, p.site) : null);
}

function targetIndexOnLine(src: SourceText, code: string, at: SourceSite): EditResult {
  const p = { site: at };
  const lineStart = src.lineStart(p.site.line);
  const line = code.slice(lineStart, src.lineEnd(p.site.line));
  const near = code.slice(src.lineStart(Math.max(1, p.site.line - 4)), src.lineEnd(p.site.line + 4));
  for (const m of line.matchAll(/([A-Za-z_$][\w$]*)\s*\[([^[\]]+)\]/g)) {
    const [arr, index] = [m[1]!, m[2]!];
    // The inputs cut from the same array starting at the loop variable times a stride.
    const cut = new RegExp(`${escapeRe(arr)}\\s*\\.\\s*slice\\s*\\(\\s*([A-Za-z_$][\\w$]*)\\s*\\*\\s*([A-Za-z_$][\\w$]*)\\s*,`).exec(near);
    if (!cut) continue;
    const [loopVar, stride] = [cut[1]!, cut[2]!];
    const bare = new RegExp(`(?<![\\w$.*]\\s*)${escapeRe(loopVar)}(?![\\w$]|\\s*\\*)`).exec(index);
    if (!bare || index.includes(stride)) continue;
    const at = lineStart + m.index! + m[0].indexOf('[') + 1 + bare.index;
    return [src.edit(p.site.file, at, at + loopVar.length, `${loopVar} * ${stride}`)];
  }
  return null;
}

function maskAddedEdits(src: SourceText, p: Extract<FixPlan, { kind: 'maskAdded' }>): EditResult {
  const t = src.text;
  const mul = findCall(src, p.site, /\.\s*mul\s*\(/);
  if (!mul) return null;
  const ns = opNamespace(t, mul, 'mul');
  const text = (s: Span) => t.slice(s.start, s.end).trim();
  if (mul.args.length === 2 && ns) {
    const [a, b] = mul.args as [Span, Span];
    const [scores, mask] = p.mask === 'b' ? [a, b] : [b, a];
    const start = mul.open - new RegExp(`${escapeRe(ns)}\\s*\\.\\s*mul\\s*$`).exec(t.slice(Math.max(0, mul.open - 40), mul.open))![0].length;
    return [src.edit(p.site.file, start, mul.close + 1, `${ns}.add(${text(scores)}, ${ns}.mul(${ns}.sub(1, ${text(mask)}), -1e9))`)];
  }
  // scores.mul(mask): the mask is the argument.
  if (mul.args.length === 1 && p.mask === 'b') {
    const dot = dotBefore(t, mul.open, 'mul');
    if (dot < 0) return null;
    return [src.edit(p.site.file, dot, mul.close + 1, `.add(${text(mul.args[0]!)}.sub(1).mul(1e9))`)];
  }
  return null;
}

function divideNotMultiplyEdits(src: SourceText, p: Extract<FixPlan, { kind: 'divideNotMultiply' }>): EditResult {
  const mul = findCall(src, p.site, /\.\s*mul\s*\(/);
  if (!mul || mul.args.length < 1 || mul.args.length > 2) return null;
  const name = /mul\s*\($/.exec(src.text.slice(0, mul.open + 1));
  if (!name) return null;
  const at = mul.open + 1 - name[0].length;
  return [src.edit(p.site.file, at, at + 3, 'div')];
}

function logSoftmaxWeightsEdits(src: SourceText, p: Extract<FixPlan, { kind: 'logSoftmaxWeights' }>): EditResult {
  const t = src.text;
  const lineStart = src.lineStart(p.site.line);
  const line = src.lineCode(p.site.line);
  // `const logPi = pi.log();` or `const logPi = tf.log(pi);`
  const m = /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:([A-Za-z_$][\w$]*)\s*\.\s*log\s*\(\s*\)|tf\s*\.\s*log\s*\(\s*([A-Za-z_$][\w$]*)\s*\))/.exec(line);
  if (!m) return null;
  const body = functionBodyAround(t, lineStart + m.index);
  if (!body) return null;
  // The log is combined in a logSumExp over the components: a mixture's log-likelihood.
  const after = codeOnly(t, lineStart + m.index + m[0].length, body.end);
  const combined = [...after.matchAll(/\blogSumExp\s*\(/g)].some((c) => {
    const open = lineStart + m.index + m[0].length + c.index! + c[0].length - 1;
    const close = matchClose(t, open);
    return close > open && new RegExp(`(?<![\\w$.])${escapeRe(m[1]!)}(?![\\w$])`).test(t.slice(open, close));
  });
  if (!combined) return null;
  const value = m[0].slice(m[0].indexOf('=') + 1).trim();
  const start = lineStart + m.index + m[0].lastIndexOf(value);
  return [src.edit(p.site.file, start, start + value.length, `tf.logSoftmax(${m[2] ?? m[3]})`)];
}

function softplusBeforeLogEdits(src: SourceText, p: Extract<FixPlan, { kind: 'softplusBeforeLog' }>): EditResult {
  const call = findCall(src, p.site, /\.\s*log\s*\(/);
  if (!call || call.args.length !== 1) return null;
  const t = src.text;
  const ns = opNamespace(t, call, 'log');
  if (!ns) return null;
  const arg = call.args[0]!;
  const text = t.slice(arg.start, arg.end);
  const decl = /^[A-Za-z_$][\w$]*$/.test(text) ? declarationBefore(t, text, call.open) : null;
  const at = decl ? decl.init : arg;
  const value = t.slice(at.start, at.end);
  if (/^\s*[\w$.]*softplus\s*\(/.test(value)) return null;
  return [src.edit(p.site.file, at.start, at.end, `${ns}.softplus(${value})`)];
}

function subtractRowMaxEdits(src: SourceText, p: Extract<FixPlan, { kind: 'subtractRowMax' }>): EditResult {
  const call = findCall(src, p.site, /\.\s*exp\s*\(/);
  if (!call) return null;
  const t = src.text;
  const shifted = (name: string) => `${name}.sub(${name}.max(-1, true))`;
  const named = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;
  if (call.args.length === 1) {
    const arg = call.args[0]!;
    const name = t.slice(arg.start, arg.end);
    return named.test(name) ? [src.edit(p.site.file, arg.start, arg.end, shifted(name))] : null;
  }
  const dot = call.args.length === 0 ? dotBefore(t, call.open, 'exp') : -1;
  const receiver = dot < 0 ? null : /([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*$/.exec(t.slice(Math.max(0, dot - 200), dot));
  if (!receiver) return null;
  return [src.edit(p.site.file, dot - receiver[0].length, dot, shifted(receiver[1]!))];
}

function caretToPowerEdits(src: SourceText, p: Extract<FixPlan, { kind: 'caretToPower' }>): EditResult {
  const code = codeOnly(src.text, 0, src.text.length);
  const edits: TextEdit[] = [];
  // A name, a member, an index or a parenthesized expression, then ^ and a small exponent.
  for (const m of code.matchAll(/(?:[\w$\])]|\.\d)\s*(\^)\s*[234](?![\w$.(\[])/g)) {
    const at = m.index! + m[0].indexOf('^');
    // `^=` is a compound XOR assignment, never a power.
    if (code[at + 1] === '=') continue;
    edits.push(src.edit(p.site.file, at, at + 1, '**'));
  }
  return edits.length ? edits : null;
}

function isNaNTestEdits(src: SourceText, p: Extract<FixPlan, { kind: 'isNaNTest' }>): EditResult {
  const code = codeOnly(src.text, 0, src.text.length);
  const edits: TextEdit[] = [];
  // A name with members or indexes, compared with NaN (NaN equals nothing, itself included).
  for (const m of code.matchAll(/([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*|\[[^\]\n]*\])*)\s*(!==?|===?)\s*NaN\b/g)) {
    const operand = m[1]!.replace(/\s+/g, '');
    edits.push(src.edit(p.site.file, m.index!, m.index! + m[0].length, `${m[2]![0] === '!' ? '!' : ''}Number.isNaN(${operand})`));
  }
  return edits.length ? edits : null;
}

function unfloorKeepRatioEdits(src: SourceText, p: Extract<FixPlan, { kind: 'unfloorKeepRatio' }>): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const edits: TextEdit[] = [];
  for (const m of code.matchAll(/\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(Math\s*\.\s*floor\s*\()/g)) {
    const name = m[1]!;
    // Compared with a random draw: a probability, which flooring makes 0.
    const drawn = new RegExp(`(?:random|rng)\\w*\\s*\\([^()]*\\)\\s*<=?\\s*${escapeRe(name)}\\b|\\b${escapeRe(name)}\\s*>=?\\s*[\\w$.]*(?:random|rng)\\w*\\s*\\(`);
    if (!drawn.test(code)) continue;
    const open = m.index! + m[0].length - 1;
    const close = matchClose(t, open);
    const inner = close > 0 ? t.slice(open + 1, close) : '';
    if (!/\//.test(inner)) continue;
    edits.push(src.edit(p.site.file, open - m[2]!.length + 1, close + 1, inner.trim()));
  }
  return edits.length === 1 ? edits : null;
}

function keepShuffledCopyEdits(src: SourceText, p: Extract<FixPlan, { kind: 'keepShuffledCopy' }>): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const edits: TextEdit[] = [];
  // Functions of the file named for a shuffle whose body copies its argument and returns a value.
  const copying = new Set<string>();
  for (const m of code.matchAll(/\bfunction\s+([A-Za-z_$]*(?:shuffle|Shuffle|permute|Permute)[\w$]*)\s*\(([^()]*)\)\s*\{/g)) {
    const open = m.index! + m[0].length - 1;
    const body = code.slice(open, matchClose(t, open) + 1);
    if (/\breturn\s+[^;\s]/.test(body) && /\.\s*slice\s*\(\s*\)|\[\s*\.\.\.|Array\.from\s*\(/.test(body)) copying.add(m[1]!);
  }
  for (const name of copying) {
    // A statement of its own: the returned copy goes nowhere.
    for (const m of code.matchAll(new RegExp(`(^|[;{}]\\s*|\\n\\s*)(${escapeRe(name)}\\s*\\(\\s*([A-Za-z_$][\\w$]*)\\s*\\)\\s*;)`, 'g'))) {
      const arg = m[3]!;
      if (!new RegExp(`\\b(?:let|var)\\s+${escapeRe(arg)}\\b`).test(code)) continue;
      const at = m.index! + m[1]!.length;
      edits.push(src.edit(p.site.file, at, at, `${arg} = `));
    }
  }
  return edits.length === 1 ? edits : null;
}

function trainUsedModelEdits(src: SourceText, p: Extract<FixPlan, { kind: 'trainUsedModel' }>): EditResult {
  const t = src.text;
  const call = findCall(src, p.site, /\.\s*(?:evaluate|evaluateDataset|predict|predictOnBatch|save)\s*\(/);
  if (!call) return null;
  const before = codeOnly(t, Math.max(0, call.open - 200), call.open);
  const receiver = /(?<![\w$.])([A-Za-z_$][\w$]*)\s*\.\s*[A-Za-z]+\s*$/.exec(before)?.[1];
  // The receiver's last declaration before the use (a factory may declare the same name inside).
  const decl = receiver ? declarations(t, receiver, call.open).at(-1) : undefined;
  if (!receiver || !decl) return null;
  const made = /^(?:await\s+)?([A-Za-z_$][\w$]*)\s*\(/.exec(t.slice(decl.init, decl.init + 120));
  if (!made) return null;
  const code = codeOnly(t, 0, t.length);
  const copies = [...code.matchAll(new RegExp(`(?<![\\w$.])${escapeRe(made[1]!)}\\s*\\(`, 'g'))].filter((m) => m.index !== decl.init && !/\bfunction\s*\*?\s*$/.test(code.slice(Math.max(0, m.index! - 20), m.index!)));
  if (copies.length !== 1) return null;
  // The one other call: an argument (`train(make(), …)`) or fitted in place (`make().fit(…)`).
  const at = copies[0]!.index!;
  const close = matchClose(t, at + copies[0]![0].length - 1);
  const handed = close > 0 && (/[(,]\s*$/.test(code.slice(Math.max(0, at - 40), at)) || /^\s*\.\s*fit(?:Dataset)?\s*\(/.test(code.slice(close + 1, close + 40)));
  return handed ? [src.edit(p.site.file, at, close + 1, receiver)] : null;
}

function heNormalDrawEdits(src: SourceText, p: Extract<FixPlan, { kind: 'heNormalDraw' }>): EditResult {
  const call = findCall(src, p.site, /\b(?:randomNormal|truncatedNormal|randomUniform)\s*\(/);
  const shape = call?.args[0];
  // Only the shape given: the defaults, a deviation of 1 around 0 or a draw from [0, 1).
  if (!call || !shape || call.args.length !== 1) return null;
  const t = src.text;
  const text = t.slice(shape.start, shape.end);
  const uniform = /randomUniform\s*\($/.test(codeOnly(t, src.lineStart(p.site.line), call.open + 1));
  // He: a deviation of √(2 / fan-in); a uniform draw in ±√(6 / fan-in) has it.
  const scale = uniform ? 6 : 2;
  let bound: string;
  if (/^[A-Za-z_$][\w$]*$/.test(text)) bound = `Math.sqrt(${scale} / ${text}.slice(0, -1).reduce((a, b) => a * b, 1))`;
  else {
    if (t[shape.start] !== '[' || matchClose(t, shape.start) !== shape.end - 1) return null;
    const dims = splitTopLevel(t, shape.start + 1, shape.end - 1).map((d) => t.slice(d.start, d.end).trim());
    if (dims.length < 2 || dims.some((d) => !/^(?:\d+|[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)$/.test(d))) return null;
    const fanIn = dims.slice(0, -1);
    bound = fanIn.every((d) => /^\d+$/.test(d))
      ? literal(Number(Math.sqrt(scale / fanIn.map(Number).reduce((a, b) => a * b, 1)).toPrecision(3)))
      : `Math.sqrt(${scale} / ${fanIn.length === 1 ? fanIn[0] : `(${fanIn.join(' * ')})`})`;
  }
  return [src.edit(p.site.file, shape.end, shape.end, uniform ? `, -${bound}, ${bound}` : `, 0, ${bound}`)];
}

function numericSortEdits(src: SourceText, p: Extract<FixPlan, { kind: 'numericSort' }>): EditResult {
  const call = findCall(src, p.site, /\.\s*sort\s*\(/);
  if (!call || call.args.length !== 0) return null;
  return [src.edit(p.site.file, call.open + 1, call.close, '(a, b) => a.localeCompare(b, undefined, { numeric: true })')];
}

function comparatorDifferenceEdits(src: SourceText, p: Extract<FixPlan, { kind: 'comparatorDifference' }>): EditResult {
  const call = findCall(src, p.site, /\.\s*sort\s*\(/);
  if (!call || call.args.length !== 1) return null;
  const t = src.text;
  const arg = trim(t, call.args[0]!.start, call.args[0]!.end);
  const arrow = /^\(?\s*([A-Za-z_$][\w$]*)\s*,\s*([A-Za-z_$][\w$]*)\s*\)?\s*=>\s*/.exec(t.slice(arg.start, arg.end));
  if (!arrow) return null;
  const body = trim(t, arg.start + arrow[0].length, arg.end);
  // One comparison of two operands, nothing else at the top level.
  const m = /^([^<>=!?:&|(){}]+?)\s*(>=|<=|>|<)\s*([^<>=!?:&|(){}]+?)$/.exec(t.slice(body.start, body.end));
  if (!m) return null;
  const [left, op, right] = [m[1]!.trim(), m[2]!, m[3]!.trim()];
  return [src.edit(p.site.file, body.start, body.end, op.startsWith('>') ? `${left} - ${right}` : `${right} - ${left}`)];
}

function shuffleInPlaceEdits(src: SourceText, p: Extract<FixPlan, { kind: 'shuffleInPlace' }>): EditResult {
  const call = findCall(src, p.site, /\.\s*sort\s*\(/);
  if (!call || call.args.length !== 1) return null;
  const t = src.text;
  const arg = trim(t, call.args[0]!.start, call.args[0]!.end);
  // `() => draw() > 0.5` (or `- 0.5`, `< 0.5`): the draw is the one call in the body.
  const m = /^\(\s*\)\s*=>\s*([A-Za-z_$][\w$.]*\s*\(\s*\))\s*(?:>|<|>=|<=|-)\s*0?\.5$/.exec(t.slice(arg.start, arg.end));
  if (!m) return null;
  const draw = m[1]!.replace(/\s+/g, '');
  // The array: the name the sort is called on, the statement's start (nothing else on it but `;`).
  const before = /([A-Za-z_$][\w$.]*)\s*\.\s*sort\s*\($/.exec(t.slice(src.lineStart(p.site.line), call.open + 1));
  const after = /^\s*;/.exec(t.slice(call.close + 1));
  if (!before || !after) return null;
  const xs = before[1]!;
  const start = call.open + 1 - before[0].length;
  if (!/^\s*$/.test(t.slice(src.lineStart(p.site.line), start)) || /\b[ij]\b/.test(xs + draw)) return null;
  const text = `for (let i = ${xs}.length - 1; i > 0; i--) {\n${t.slice(src.lineStart(p.site.line), start)}  const j = Math.floor(${draw} * (i + 1));\n${t.slice(src.lineStart(p.site.line), start)}  [${xs}[i], ${xs}[j]] = [${xs}[j], ${xs}[i]];\n${t.slice(src.lineStart(p.site.line), start)}}`;
  return [src.edit(p.site.file, start, call.close + 1 + after[0].length, text)];
}

function warmupRisingEdits(src: SourceText, p: Extract<FixPlan, { kind: 'warmupRising' }>): EditResult {
  const start = src.lineStart(p.site.line);
  if (start < 0) return null;
  const code = src.lineCode(p.site.line);
  const m = [...code.matchAll(/\(\s*1\s*-\s*(Math\s*\.\s*min\s*\()/g)];
  if (m.length !== 1) return null;
  // `(1 - Math.min(…))`: from its opening parenthesis to the one that closes it, replaced by the `Math.min(…)` inside.
  const open = start + m[0]!.index!;
  const minStart = open + m[0]![0].length - m[0]![1]!.length;
  const minClose = matchClose(src.text, open + m[0]![0].length - 1);
  const close = minClose > 0 ? /^\s*\)/.exec(src.text.slice(minClose + 1)) : null;
  if (!close) return null;
  return [src.edit(p.site.file, open, minClose + 1 + close[0].length, src.text.slice(minStart, minClose + 1))];
}

function keepLowerLossEdits(src: SourceText, p: Extract<FixPlan, { kind: 'keepLowerLoss' }>): EditResult {
  const t = src.text;
  const at = src.offset(p.site.line, p.site.column);
  // The `if (…) {` whose block holds the call (no else needed).
  const open = at >= 0 ? enclosingBlock(t, at) : -1;
  if (open < 0) return null;
  const from = Math.max(0, open - 400);
  const branch = [...codeOnly(t, from, open).matchAll(/\bif\s*\(/g)]
    .map((m) => {
      const condOpen = from + m.index! + m[0].length - 1;
      const condClose = matchClose(t, condOpen);
      return condClose > 0 && /^\s*$/.test(t.slice(condClose + 1, open)) ? { cond: { start: condOpen + 1, end: condClose } } : null;
    })
    .find((b) => b !== null);
  if (!branch) return null;
  const cond = codeOnly(t, branch.cond.start, branch.cond.end);
  // One comparison of a loss with a name: `logs.val_loss > best`, or `best < logs.loss`.
  const m = /^\s*([\w$.[\]'"]*loss[\w$.[\]'"]*)\s*(>=?)\s*([A-Za-z_$][\w$]*)\s*$/i.exec(cond);
  const r = m ? null : /^\s*([A-Za-z_$][\w$]*)\s*(<=?)\s*([\w$.[\]'"]*loss[\w$.[\]'"]*)\s*$/i.exec(cond);
  if (!m && !r) return null;
  const op = (m ?? r)![2]!;
  const best = m ? m[3]! : r![1]!;
  const opAt = branch.cond.start + cond.indexOf(op, m ? cond.indexOf(m[1]!) + m[1]!.length : cond.indexOf(best) + best.length);
  const edits = [src.edit(p.site.file, opAt, opAt + op.length, op.startsWith('>') ? '<' : '>')];
  // A best that starts at a number is started from Infinity.
  const decl = singleDeclaration(t, best);
  const value = decl ? /^[^;,\n]*/.exec(t.slice(decl.init))![0].trim() : '';
  if (decl && /^-?\d+(?:\.\d+)?$/.test(value)) edits.unshift(src.edit(p.site.file, decl.init, decl.init + value.length, 'Infinity'));
  return edits;
}

function fillEachEdits(src: SourceText, p: Extract<FixPlan, { kind: 'fillEach' }>): EditResult {
  const start = src.lineStart(p.site.line);
  if (start < 0) return null;
  const t = src.text;
  const code = src.lineCode(p.site.line);
  const m = [...code.matchAll(/\bnew\s+Array\s*\(/g)];
  if (m.length !== 1) return null;
  const at = start + m[0]!.index!;
  const sizeOpen = at + m[0]![0].length - 1;
  const sizeClose = matchClose(t, sizeOpen);
  const fill = sizeClose > 0 ? /^\s*\.\s*fill\s*\(/.exec(t.slice(sizeClose + 1)) : null;
  if (!fill) return null;
  const fillOpen = sizeClose + fill[0].length;
  const fillClose = matchClose(t, fillOpen);
  const value = fillClose > 0 ? t.slice(fillOpen + 1, fillClose).trim() : '';
  // Only a value that draws (a call): a constant fill means what it says.
  if (!value || !/\(/.test(value) || splitTopLevel(t, fillOpen + 1, fillClose).length !== 1) return null;
  const size = t.slice(sizeOpen + 1, sizeClose).trim();
  return [src.edit(p.site.file, at, fillClose + 1, `Array.from({ length: ${size} }, () => ${value})`)];
}

function sqrtOfDivisorEdits(src: SourceText, p: Extract<FixPlan, { kind: 'sqrtOfDivisor' }>): EditResult {
  const start = src.lineStart(p.site.line);
  if (start < 0) return null;
  const t = src.text;
  const code = src.lineCode(p.site.line);
  if (/\bsqrt\b/.test(code)) return null;
  // `.div(<name or member or index>.add(<eps>))`: the accumulator plus its epsilon, one on the line.
  const m = [...code.matchAll(/\.\s*div\s*\(\s*([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*|\s*\[[^\]\n]+\])*)\s*\.\s*add\s*\(/g)];
  if (m.length !== 1) return null;
  const at = start + m[0]!.index! + m[0]![0].indexOf(m[0]![1]!) + m[0]![1]!.length;
  return [src.edit(p.site.file, at, at, '.sqrt()')];
}

/** A name that reads as a learning rate: LR, lr, learningRate, this.rate, eta, stepSize. */
const RATE_NAME = /^(?:[A-Za-z_$][\w$]*\.)*(?:[A-Za-z_$][\w$]*_)?(?:lr|LR|[lL]earning_?[rR]ate|LEARNING_RATE|[rR]ate|RATE|eta|ETA|step_?[sS]ize|STEP_SIZE)$/;

function rateMultipliesEdits(src: SourceText, p: Extract<FixPlan, { kind: 'rateMultiplies' }>): EditResult {
  const start = src.lineStart(p.site.line);
  if (start < 0) return null;
  const code = src.lineCode(p.site.line);
  const found = [...code.matchAll(/\.\s*div\s*\(\s*([A-Za-z_$][\w$.]*)\s*\)/g)].filter((m) => RATE_NAME.test(m[1]!));
  if (found.length !== 1) return null;
  const at = start + found[0]!.index! + found[0]![0].indexOf('div');
  return [src.edit(p.site.file, at, at + 3, 'mul')];
}

/** The line from `start` to `end` moved to the top of the block that opens at `open`, with that block's indentation. */
function moveLineIntoBody(src: SourceText, file: string, start: number, end: number, open: number): TextEdit[] {
  const t = src.text;
  const bodyLine = src.position(open).line + 1;
  const bodyStart = src.lineStart(bodyLine);
  const indent = /^\s*/.exec(t.slice(bodyStart, src.lineEnd(bodyLine)))![0];
  return [src.edit(file, start, end + 1, ''), src.edit(file, bodyStart, bodyStart, `${indent}${t.slice(start, end).trim()}\n`)];
}

function declareInLoopEdits(src: SourceText, p: Extract<FixPlan, { kind: 'declareInLoop' }>): EditResult {
  const t = src.text;
  const start = src.lineStart(p.site.line);
  const end = src.lineEnd(p.site.line);
  const line = t.slice(start, end);
  const decl = /^(\s*)(?:const|let)\s+([A-Za-z_$][\w$]*)\s*=[^;]*;\s*$/.exec(line);
  if (!decl || codeOnly(t, start, end) !== line) return null;
  const name = decl[2]!;
  // The first loop after it, within the next few lines, whose body uses the name.
  const code = codeOnly(t, 0, t.length);
  const loop = /(?:^|\n)[ \t]*(?:for|while)\s*\(/.exec(code.slice(end, Math.min(code.length, end + 400)));
  if (!loop) return null;
  const loopAt = end + loop.index + loop[0].length - 1;
  const headClose = matchClose(t, loopAt);
  const open = headClose > 0 ? code.indexOf('{', headClose) : -1;
  if (open < 0 || code.slice(headClose + 1, open).trim() !== '') return null;
  const close = matchClose(t, open);
  if (close < 0 || !new RegExp(`\\b${escapeRe(name)}\\b`).test(code.slice(open, close))) return null;
  // Used after the loop too: one per model would not reach there.
  if (new RegExp(`\\b${escapeRe(name)}\\b`).test(code.slice(close))) return null;
  return moveLineIntoBody(src, p.site.file, start, end, open);
}

function declareInFunctionEdits(src: SourceText, p: Extract<FixPlan, { kind: 'declareInFunction' }>): EditResult {
  const t = src.text;
  const start = src.lineStart(p.site.line);
  const end = src.lineEnd(p.site.line);
  // Strings blanked: a `;` or `//` inside one does not end the statement.
  const decl = /^(\s*)(?:const|let)\s+([A-Za-z_$][\w$]*)\s*=[^;]*;\s*$/.exec(codeOnly(t, start, end));
  if (!decl) return null;
  const use = new RegExp(`\\b${escapeRe(decl[2]!)}\\b`, 'g');
  const code = codeOnly(t, 0, t.length);
  // Every function body after the declaration: `function name(...) {` or `(...) => {`.
  const bodies: { open: number; close: number }[] = [];
  for (const m of code.slice(end).matchAll(/\bfunction\b[^(]*\(|\(([^()]*)\)\s*=>\s*\{/g)) {
    const at = end + m.index!;
    const paren = code.indexOf('(', at);
    const parenClose = matchClose(t, paren);
    const open = parenClose > 0 ? code.indexOf('{', parenClose) : -1;
    if (open < 0 || !/^\s*(?:=>\s*)?$/.test(code.slice(parenClose + 1, open))) continue;
    const close = matchClose(t, open);
    if (close > 0) bodies.push({ open, close });
  }
  const uses = [...code.slice(end).matchAll(use)].map((m) => end + m.index!);
  if (uses.length === 0) return null;
  // The outermost function around each use that does not hold the declaration must be one and the same.
  const ownerOf = (at: number) => bodies.filter((b) => b.open < at && at < b.close && !(b.open < start && start < b.close)).sort((a, b) => a.open - b.open)[0];
  const owner = ownerOf(uses[0]!);
  if (!owner || uses.some((u) => ownerOf(u) !== owner) || code.slice(0, start).search(use) >= 0) return null;
  return moveLineIntoBody(src, p.site.file, start, end, owner.open);
}

function booleanCellsEdits(src: SourceText, file: string): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const found: TextEdit[] = [];
  // `.split(...).map((cell) => Number(cell))` or `.split(...).map(Number)`.
  for (const m of code.matchAll(/\.\s*split\s*\([^()]*\)\s*\.\s*map\s*\(\s*(?:\(?\s*([A-Za-z_$][\w$]*)\s*\)?\s*=>\s*Number\s*\(\s*\1\s*\)|Number)\s*\)/g)) {
    const mapAt = m[0].search(/\bmap\s*\(/);
    const open = m.index! + mapAt + m[0].slice(mapAt).indexOf('(');
    const close = matchClose(t, open);
    if (close < 0) continue;
    const v = m[1] ?? 'cell';
    found.push(src.edit(file, open + 1, close, `(${v}) => (${v} === 'true' ? 1 : ${v} === 'false' ? 0 : Number(${v}))`));
  }
  return found.length === 1 ? found : null;
}

function normTakesSqrtEdits(src: SourceText, file: string): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const found: TextEdit[] = [];
  for (const m of code.matchAll(/\b(?:const|let)\s+([A-Za-z_$]*(?:norm|Norm|NORM)[\w$]*)\s*=\s*([^;\n]+);/g)) {
    const init = m[2]!.trim();
    // A sum of squares, not yet square-rooted, that something is divided by.
    if (!/\.\s*square\s*\(|\*\*\s*2\b|Math\s*\.\s*pow\s*\([^)]*,\s*2\s*\)/.test(init) || !/\bsum\b|\breduce\b/.test(init) || /sqrt|\bnorm\s*\(/.test(init)) continue;
    if (!new RegExp(`\\/\\s*(?:Math\\s*\\.\\s*max\\s*\\(\\s*)?${escapeRe(m[1]!)}\\b`).test(code)) continue;
    const at = m.index! + m[0].indexOf(m[2]!);
    found.push(src.edit(file, at, at + init.length, `Math.sqrt(${t.slice(at, at + init.length)})`));
  }
  return found.length === 1 ? found : null;
}

/**
 * The names the file declares once as a number literal that ends its statement (`const MIN_COUNT =
 * 100;`), those `named` accepts, with the literal as written (see declaredNumber).
 */
function numberConstants(t: string, code: string, named: RegExp): Array<{ name: string; literal: string; value: number; span: Span }> {
  const out: Array<{ name: string; literal: string; value: number; span: Span }> = [];
  for (const name of new Set([...code.matchAll(/\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=/g)].map((m) => m[1]!))) {
    if (!named.test(name)) continue;
    const d = declaredNumber(t, name);
    if (d && /^\s*;/.test(t.slice(d.span.end, d.span.end + 16))) out.push({ name, literal: t.slice(d.span.start, d.span.end), ...d });
  }
  return out;
}

function lowerMinCountEdits(src: SourceText, file: string): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const found = numberConstants(t, code, /^[A-Za-z_$]*(?:min|MIN|Min)_?(?:count|COUNT|Count|freq|FREQ|Freq|frequency|FREQUENCY|Frequency|occurrences|OCCURRENCES)/).filter(
    (c) => /^\d+$/.test(c.literal) && c.value >= 3 && new RegExp(`[<>]=?\\s*${escapeRe(c.name)}\\b|\\b${escapeRe(c.name)}\\s*[<>]`).test(code),
  );
  return found.length === 1 ? [src.edit(file, found[0]!.span.start, found[0]!.span.end, '2')] : null;
}

function shrinkPatchEdits(src: SourceText, p: Extract<FixPlan, { kind: 'shrinkPatch' }>): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  // Subtracted from the image's size to place the patch: at the size or more, it covers it all.
  const found = numberConstants(t, code, /^[A-Za-z_$]*(?:cutout|CUTOUT|Cutout|patch|PATCH|Patch|erase|ERASE|Erase|hole|HOLE|Hole)/).filter(
    (c) => /^\d+$/.test(c.literal) && c.value >= p.size && new RegExp(`-\\s*${escapeRe(c.name)}\\b`).test(code),
  );
  return found.length === 1 ? [src.edit(p.file, found[0]!.span.start, found[0]!.span.end, String(Math.max(1, Math.floor(p.size / 4))))] : null;
}

function swapSplitNamesEdits(src: SourceText, file: string): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const HELD = /^(?:test|val|valid|validation|holdout|heldOut|eval)\w*$/i;
  const TRAIN = /^train\w*$/i;
  // `const A = rows.slice(0, n);` then `const B = rows.slice(n);`, A named for the held-out part, B for training.
  const cuts = [...code.matchAll(/\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*([A-Za-z_$][\w$.]*)\s*\.\s*slice\s*\(\s*0\s*,\s*([A-Za-z_$][\w$]*)\s*\)/g)];
  const found: TextEdit[][] = [];
  for (const head of cuts) {
    const [, first, from, at] = head as unknown as [string, string, string, string];
    if (!HELD.test(first)) continue;
    const tails = [...code.matchAll(new RegExp(`\\b(?:const|let|var)\\s+([A-Za-z_$][\\w$]*)\\s*=\\s*${escapeRe(from)}\\s*\\.\\s*slice\\s*\\(\\s*${escapeRe(at)}\\s*\\)`, 'g'))];
    if (tails.length !== 1 || !TRAIN.test(tails[0]![1]!)) continue;
    const second = tails[0]![1]!;
    const firstAt = head.index! + head[0].indexOf(first, head[0].search(/\s/));
    const secondAt = tails[0]!.index! + tails[0]![0].indexOf(second, tails[0]![0].search(/\s/));
    found.push([src.edit(file, firstAt, firstAt + first.length, second), src.edit(file, secondAt, secondAt + second.length, first)]);
  }
  return found.length === 1 ? found[0]! : null;
}

function percentAsFractionEdits(src: SourceText, file: string): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  // Compared with a draw in [0, 1): a probability, which a percent leaves always true (or never).
  const drawn = (name: string) => new RegExp(`(?:random|rng)\\w*\\s*\\([^()]*\\)\\s*[<>]=?\\s*${escapeRe(name)}\\b|\\b${escapeRe(name)}\\s*[<>]=?\\s*[\\w$.]*(?:random|rng)\\w*\\s*\\(`).test(code);
  const found = numberConstants(t, code, /^/).filter((c) => /^\d+(?:\.\d+)?$/.test(c.literal) && c.value > 1 && c.value <= 100 && drawn(c.name));
  return found.length === 1 ? [src.edit(file, found[0]!.span.start, found[0]!.span.end, String(Number((found[0]!.value / 100).toFixed(6))))] : null;
}

function stableLogCoshEdits(src: SourceText, file: string): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const found = [...code.matchAll(/\btf\s*\.\s*log\s*\(\s*tf\s*\.\s*cosh\s*\(/g)];
  if (found.length !== 1) return null;
  const m = found[0]!;
  const innerOpen = m.index! + m[0].length - 1;
  const innerClose = matchClose(t, innerOpen);
  const outerOpen = code.indexOf('(', m.index!);
  const outerClose = matchClose(t, outerOpen);
  if (innerClose < 0 || outerClose < 0 || t.slice(innerClose + 1, outerClose).trim() !== '') return null;
  const arg = t.slice(innerOpen + 1, innerClose).trim();
  if (!arg) return null;
  const abs = /^[A-Za-z_$][\w$]*$/.test(arg) ? `${arg}.abs()` : `tf.abs(${arg})`;
  const doubled = /^[A-Za-z_$][\w$]*$/.test(arg) ? `${arg}.mul(-2)` : `tf.mul(${arg}, -2)`;
  return [src.edit(file, m.index!, outerClose + 1, `${abs}.add(tf.softplus(${doubled})).sub(Math.log(2))`)];
}

function splitOnNonWordsEdits(src: SourceText, p: Extract<FixPlan, { kind: 'splitOnNonWords' }>): EditResult {
  const t = src.text;
  const start = src.lineStart(p.site.line);
  const line = t.slice(start, src.lineEnd(p.site.line));
  const found = [...line.matchAll(/\.\s*split\s*\(\s*\/(\\w|\[([^\]^\/\n]+)\])(\+?)\/([a-z]*)\s*\)/g)];
  if (found.length !== 1) return null;
  const m = found[0]!;
  const at = start + m.index! + m[0].indexOf('/') + 1;
  return [src.edit(p.site.file, at, at + m[1]!.length, m[2] === undefined ? '\\W' : `[^${m[2]}]`)];
}

function maskKeepsLowTargetsEdits(src: SourceText, p: Extract<FixPlan, { kind: 'maskKeepsLowTargets' }>): EditResult {
  const t = src.text;
  const at = src.offset(p.site.line, p.site.column);
  const body = at < 0 ? null : functionBodyAround(t, at);
  if (!body) return null;
  const code = codeOnly(t, body.start, body.end);
  const bound = String(p.missingBelow).replace('.', '\\.').replace('-', '-\\s*');
  const found = [...code.matchAll(new RegExp(`(?:\\.\\s*greater\\s*\\(\\s*|\\btf\\s*\\.\\s*greater\\s*\\([^(),]+,\\s*)${bound}\\s*\\)`, 'g'))];
  if (found.length !== 1) return null;
  const m = found[0]!;
  const name = body.start + m.index! + m[0].indexOf('greater') + 'greater'.length;
  return [src.edit(p.site.file, name, name, 'Equal')];
}

/** Every `tf.moments(...)` call in the text from `from` to `to`: the call's span and its arguments' text. */
function momentsCalls(t: string, from: number, to: number): Array<{ start: number; end: number; args: string[] }> {
  const out: Array<{ start: number; end: number; args: string[] }> = [];
  const code = codeOnly(t, from, to);
  for (const m of code.matchAll(/\btf\s*\.\s*moments\s*\(/g)) {
    const open = from + m.index! + m[0].length - 1;
    const close = matchClose(t, open);
    if (close < 0 || close >= to) continue;
    const args = splitTopLevel(t, open + 1, close).map((a) => t.slice(a.start, a.end).replace(/\s+/g, ''));
    out.push({ start: from + m.index!, end: close + 1, args });
  }
  return out;
}

function trainingMomentsEdits(src: SourceText, p: Extract<FixPlan, { kind: 'trainingMoments' }>): EditResult {
  const t = src.text;
  const ls = src.lineStart(p.site.line);
  if (ls < 0) return null;
  const le = src.lineEnd(p.site.line);
  // Names the file declares as moments of a tensor: `const trainStats = tf.moments(xTrainRaw, 0);`.
  const declared = new Map<string, { of: string; axes: string; count: number }>();
  const code = codeOnly(t, 0, t.length);
  for (const m of code.matchAll(/\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?=tf\s*\.\s*moments\s*\()/g)) {
    const call = momentsCalls(t, m.index! + m[0].length, t.length)[0];
    if (!call || call.start !== m.index! + m[0].length || !call.args[0]) continue;
    const prev = declared.get(m[1]!);
    declared.set(m[1]!, { of: call.args[0], axes: call.args.slice(1).join(','), count: (prev?.count ?? 0) + 1 });
  }
  const onLine = momentsCalls(t, ls, le);
  let target: { start: number; end: number; of: string; axes: string } | null = null;
  if (onLine.length === 1 && onLine[0]!.args[0]) target = { ...onLine[0]!, of: onLine[0]!.args[0], axes: onLine[0]!.args.slice(1).join(',') };
  else if (onLine.length === 0) {
    const lineCode = codeOnly(t, ls, le);
    const names = [...lineCode.matchAll(/(?<![\w$.])([A-Za-z_$][\w$]*)(?![\w$])/g)].filter((m) => declared.has(m[1]!));
    if (names.length !== 1) return null;
    const d = declared.get(names[0]![1]!)!;
    target = { start: ls + names[0]!.index!, end: ls + names[0]!.index! + names[0]![1]!.length, of: d.of, axes: d.axes };
  }
  if (!target) return null;
  const others = [...declared].filter(([, d]) => d.count === 1 && d.of !== target!.of && d.axes === target!.axes);
  if (others.length !== 1) return null;
  return [src.edit(p.site.file, target.start, target.end, others[0]![0])];
}

function scalePositionsEdits(src: SourceText, p: Extract<FixPlan, { kind: 'scalePositions' }>): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const name = p.className.replace(/[$]/g, '\\$');
  const heads = [...code.matchAll(new RegExp(`\\bclass\\s+${name}\\b[^{]*\\{`, 'g'))];
  if (heads.length !== 1) return null;
  const open = heads[0]!.index! + heads[0]![0].length - 1;
  const close = matchClose(t, open);
  if (close < 0) return null;
  const ranges = [...code.slice(open, close).matchAll(/\btf\s*\.\s*range\s*\(/g)];
  if (ranges.length !== 1) return null;
  const callOpen = open + ranges[0]!.index! + ranges[0]![0].length - 1;
  const callClose = matchClose(t, callOpen);
  if (callClose < 0) return null;
  const args = splitTopLevel(t, callOpen + 1, callClose).map((a) => t.slice(a.start, a.end).trim());
  if (args.length !== 2 || args[0] !== '0' || !args[1] || /^\s*\.\s*(?:div|mul)\s*\(/.test(t.slice(callClose + 1))) return null;
  return [src.edit(p.file, callClose + 1, callClose + 1, `.div(${args[1]})`)];
}

function degreesToRadiansEdits(src: SourceText, p: Extract<FixPlan, { kind: 'degreesToRadians' }>): EditResult {
  const t = src.text;
  const call = findCall(src, p.site, /\brotateWithOffset\s*\(/);
  const angle = call?.args[1];
  if (!angle) return null;
  const text = codeOnly(t, angle.start, angle.end);
  const inRadians = (v: number) => `(${v} * Math.PI) / 180`;
  const literal = /^\s*(\d+(?:\.\d+)?)\s*$/.exec(text);
  if (literal) return Number(literal[1]) > 2 * Math.PI ? [src.edit(p.site.file, angle.start, angle.end, inRadians(Number(literal[1])))] : null;
  const names = new Set([...text.matchAll(/(?<![\w$.])([A-Za-z_$][\w$]*)(?![\w$(])/g)].map((m) => m[1]!));
  const degrees = [...names].map((n) => ({ n, d: declaredNumber(t, n) })).filter((x) => x.d !== null && x.d.value > 2 * Math.PI);
  if (degrees.length !== 1) return null;
  const d = degrees[0]!.d!;
  return [src.edit(p.site.file, d.span.start, d.span.end, inRadians(d.value))];
}

function gatherPerRowEdits(src: SourceText, p: Extract<FixPlan, { kind: 'gatherPerRow' }>): EditResult {
  const call = findCall(src, p.site, /(?:\btf\s*\.\s*|\.\s*)gather\s*\(/);
  if (!call) return null;
  const head = src.text.slice(Math.max(0, call.open - 40), call.open);
  const functional = /\btf\s*\.\s*gather\s*$/.test(head);
  // tf.gather(x, indices, axis) or x.gather(indices, axis): the axis is the last argument, batchDims follows it.
  const axisAt = functional ? 2 : 1;
  if (call.args.length !== axisAt + 1) return null;
  const axis = src.text.slice(call.args[axisAt]!.start, call.args[axisAt]!.end).trim();
  if (axis !== '1' && axis !== '-1') return null;
  return [src.edit(p.site.file, call.args[axisAt]!.end, call.args[axisAt]!.end, ', 1')];
}

function stripByteOrderMarkEdits(src: SourceText, p: Extract<FixPlan, { kind: 'stripByteOrderMark' }>): EditResult {
  const start = src.lineStart(p.site.line);
  if (start < 0) return null;
  const code = src.lineCode(p.site.line);
  const found = [...code.matchAll(/\.\s*split\s*\(/g)];
  if (found.length !== 1 || /FEFF/i.test(src.text.slice(start, src.lineEnd(p.site.line)))) return null;
  const at = start + found[0]!.index!;
  return [src.edit(p.site.file, at, at, ".replace(/^\\uFEFF/, '')")];
}

/** An element assignment `name[index] =` (not `==`): where its brackets open and close. */
const ELEMENT_ASSIGNMENT = /[\w$\]]\s*\[/g;

function floorIndexEdits(src: SourceText, p: Extract<FixPlan, { kind: 'floorIndex' }>): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const found: Span[] = [];
  for (const m of code.matchAll(ELEMENT_ASSIGNMENT)) {
    const open = m.index! + m[0].length - 1;
    const close = matchClose(t, open);
    if (close < 0 || !/^\s*=(?!=)/.test(code.slice(close + 1, close + 4))) continue;
    const index = code.slice(open + 1, close);
    // A division whose result is not rounded: `a / b`, not in Math.floor(...) or cut with `| 0`.
    if (!/[\w$)\]]\s*\/\s*[\w$(]/.test(index) || /\bMath\s*\.\s*(?:floor|round|trunc|ceil)\b|\|\s*0|>>|parseInt/.test(index)) continue;
    found.push(trim(t, open + 1, close));
  }
  if (found.length !== 1) return null;
  const span = found[0]!;
  return [src.edit(p.file, span.start, span.end, `Math.floor(${t.slice(span.start, span.end)})`)];
}

function smoothingSignsEdits(src: SourceText, p: Extract<FixPlan, { kind: 'smoothingSigns' }>): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  // `(1 + eps) - eps / K`, the same name twice.
  const found = [...code.matchAll(/\(\s*1\s*\+\s*([A-Za-z_$][\w$.]*)\s*\)\s*-\s*\1\s*\//g)];
  if (found.length !== 1) return null;
  const m = found[0]!;
  const plus = m.index! + m[0].indexOf('+');
  const minus = m.index! + m[0].lastIndexOf('-');
  return [src.edit(p.file, plus, plus + 1, '-'), src.edit(p.file, minus, minus + 1, '+')];
}

function offsetIdsFirstEdits(src: SourceText, p: Extract<FixPlan, { kind: 'offsetIdsFirst' }>): EditResult {
  const t = src.text;
  const call = findCall(src, p.site, /\btensor(?:1d)?\s*\(/);
  const values = call?.args[0];
  if (!call || !values || call.args.length !== 1) return null;
  const name = t.slice(values.start, values.end).trim();
  if (!/^[A-Za-z_$][\w$.]*$/.test(name)) return null;
  // `.sub(base)` after the call, and a `.cast('int32')` after that, which the int32 tensor no longer needs.
  const after = /^\s*\.\s*sub\s*\(/.exec(t.slice(call.close + 1));
  if (!after) return null;
  const subOpen = call.close + after[0].length;
  const subClose = matchClose(t, subOpen);
  const base = subClose > 0 ? t.slice(subOpen + 1, subClose).trim() : '';
  if (!base || /[,;]/.test(base)) return null;
  const cast = /^\s*\.\s*cast\s*\(\s*(['"])int32\1\s*\)/.exec(t.slice(subClose + 1));
  const end = subClose + 1 + (cast ? cast[0].length : 0);
  const item = name === 'id' ? 'value' : 'id';
  const callee = t.slice(0, call.open).match(/[\w$.]*$/)![0];
  const start = call.open - callee.length;
  return [src.edit(p.site.file, start, end, `${callee}(${name}.map((${item}) => ${item} - ${base}), 'int32')`)];
}

function dropGlobalFlagEdits(src: SourceText, p: Extract<FixPlan, { kind: 'dropGlobalFlag' }>): EditResult {
  const t = src.text;
  const edits: TextEdit[] = [];
  for (const { source, flags } of p.patterns) {
    const written = `/${source}/${flags}`;
    const first = t.indexOf(written);
    if (first < 0 || t.indexOf(written, first + 1) >= 0 || /[\w$]/.test(t[first + written.length] ?? '')) return null;
    const at = first + source.length + 2;
    edits.push(src.edit(p.file, at, at + flags.length, flags.replace(/[gy]/g, '')));
  }
  return edits.length ? edits : null;
}

function swapCallInputsEdits(src: SourceText, p: Extract<FixPlan, { kind: 'swapCallInputs' }>): EditResult {
  const t = src.text;
  const call = findCall(src, p.site, /\b(?:evaluate|predict)\s*\(/);
  const list = call?.args[0];
  if (!list || t[list.start] !== '[') return null;
  const close = matchClose(t, list.start);
  const items = close > 0 && close + 1 === list.end ? splitTopLevel(t, list.start + 1, close) : [];
  if (items.length !== 2) return null;
  const [a, b] = items.map((x) => trim(t, x.start, x.end)) as [Span, Span];
  return [src.edit(p.site.file, a.start, a.end, t.slice(b.start, b.end)), src.edit(p.site.file, b.start, b.end, t.slice(a.start, a.end))];
}

function regexTakesSignEdits(src: SourceText, p: Extract<FixPlan, { kind: 'regexTakesSign' }>): EditResult {
  const t = src.text;
  const start = src.lineStart(p.site.line);
  const line = t.slice(start, src.lineEnd(p.site.line));
  // A literal after `(`, `,` or `=` whose pattern begins with the digits: no sign in front.
  const found = [...line.matchAll(/([(,=]\s*)\/\(?(?:\\d|\[0-9\])(?:[^/\\\n]|\\.)*\/[gimsuy]*/g)];
  if (found.length !== 1) return null;
  const at = start + found[0]!.index! + found[0]![1]!.length + 1;
  return [src.edit(p.site.file, at, at, '-?')];
}

function parseWithCommaEdits(src: SourceText, p: Extract<FixPlan, { kind: 'parseWithComma' }>): EditResult {
  const replace = p.thousands ? ".replace(/,/g, '')" : ".replace(',', '.')";
  const call = findCall(src, p.site, new RegExp(`(?<![\\w$.])(?:Number\\.)?${p.fn}\\s*\\(`));
  if (call && call.args.length >= 1) {
    const a = call.args[0]!;
    const text = src.text.slice(a.start, a.end);
    if (text.includes('replace(')) return null;
    const operand = /^[\w$.\[\]]+$/.test(text) ? text : `String(${text})`;
    return [src.edit(p.site.file, a.start, a.end, `${operand}${replace}`)];
  }
  // `.map(parseFloat)`: each text goes through an arrow that cleans it first.
  const start = src.lineStart(p.site.line);
  if (start < 0) return null;
  const code = src.lineCode(p.site.line);
  const passed = [...code.matchAll(new RegExp(`\\.map\\(\\s*((?:Number\\.)?${p.fn})\\s*\\)`, 'g'))];
  if (passed.length !== 1) return null;
  const m = passed[0]!;
  const at = start + m.index! + m[0].indexOf(m[1]!);
  return [src.edit(p.site.file, at, at + m[1]!.length, `(s) => ${m[1]}(s${replace})`)];
}

function tinyEpsilonEdits(src: SourceText, p: Extract<FixPlan, { kind: 'tinyEpsilon' }>): EditResult {
  const start = src.lineStart(p.site.line);
  if (start < 0) return null;
  const t = src.text;
  const code = src.lineCode(p.site.line);
  const added = [...code.matchAll(/\.\s*div\s*\(\s*[\w$.]+\s*\.\s*add\s*\(\s*([\w$.]+)\s*\)\s*\)/g)];
  if (added.length !== 1) return null;
  const operand = added[0]![1]!;
  const big = (text: string) => /^\d*\.?\d+(?:e[-+]?\d+)?$/i.test(text) && Number(text) >= 1e-3;
  if (big(operand)) {
    const at = start + added[0]!.index! + added[0]![0].lastIndexOf(operand);
    return [src.edit(p.site.file, at, at + operand.length, '1e-7')];
  }
  if (!/^[A-Za-z_$][\w$]*$/.test(operand)) return null;
  // A constant declared once with a number: its value changes where it is declared.
  const declared = declaredNumber(t, operand);
  if (!declared || !big(t.slice(declared.span.start, declared.span.end))) return null;
  return [src.edit(p.site.file, declared.span.start, declared.span.end, '1e-7')];
}

function softmaxTargetsEdits(src: SourceText, p: Extract<FixPlan, { kind: 'softmaxTargets' }>): EditResult {
  const t = src.text;
  if (!TF_BINDING.test(t)) return null;
  const start = src.lineStart(p.site.line);
  if (start < 0) return null;
  const line = src.lineCode(p.site.line);
  const m = /^\s*(?:const|let|var)\s+[A-Za-z_$][\w$]*\s*=\s*(.+?);?\s*$/.exec(line);
  if (!m || /\bsoftmax\b/.test(m[1]!)) return null;
  const at = start + m.index + m[0].indexOf(m[1]!, m[0].indexOf('=') + 1);
  const end = at + m[1]!.length;
  return [src.edit(p.site.file, at, at, 'tf.softmax('), src.edit(p.site.file, end, end, ')')];
}

function exclusiveBoundEdits(src: SourceText, p: Extract<FixPlan, { kind: 'exclusiveBound' }>): EditResult {
  const t = src.text;
  const at = src.lineStart(p.site.line);
  if (at < 0) return null;
  const braces = openBrackets(t, at).filter((b) => b >= 0).reverse();
  for (const open of braces) {
    // The text just before the brace: `for (<init>; <condition>; <update>) {`.
    const head = /\bfor\s*\(([^;()]*);([^;]*);([^;]*)\)\s*$/.exec(codeOnly(t, Math.max(0, open - 300), open));
    if (!head) continue;
    const condition = head[2]!;
    const le = [...condition.matchAll(/<=/g)];
    if (le.length !== 1) return null;
    const headStart = open - (codeOnly(t, Math.max(0, open - 300), open).length - head.index);
    const condStart = headStart + head[0].indexOf(';') + 1;
    const pos = condStart + le[0]!.index!;
    return [src.edit(p.site.file, pos, pos + 2, '<')];
  }
  return null;
}

function nanGuardNegationEdits(src: SourceText, p: Extract<FixPlan, { kind: 'nanGuardNegation' }>): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const found: TextEdit[] = [];
  for (const m of code.matchAll(/\bif\s*\(\s*(!\s*)(?:Number\s*\.\s*)?isNaN\s*\([^()]*\)\s*\)\s*\{/g)) {
    const open = m.index! + m[0].length - 1;
    const close = matchClose(t, open);
    if (close < 0) continue;
    // The guard ends training: a break, a return, or a stop flag set.
    if (!/\bbreak\b|\breturn\b|\bstop\w*\s*=\s*true\b/i.test(code.slice(open, close))) continue;
    const bang = m.index! + m[0].indexOf(m[1]!);
    found.push(src.edit(p.file, bang, bang + m[1]!.length, ''));
  }
  return found.length === 1 ? found : null;
}

/**
 * `if (isNaN(loss))` where `loss` is the tensor `minimize(..., true)` (or a tf op) returned: isNaN
 * makes the object a number, NaN, so the guard stops training at its first step. The guard tests
 * the scalar's value instead.
 */
function nanTestReadsValueEdits(src: SourceText, p: Extract<FixPlan, { kind: 'nanTestReadsValue' }>): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const found: TextEdit[] = [];
  for (const m of code.matchAll(/\bif\s*\(\s*isNaN\s*\(\s*([A-Za-z_$][\w$]*)\s*\)\s*\)/g)) {
    const name = m[1]!;
    const decl = declarations(t, name, m.index!).pop();
    if (!decl) continue;
    const init = codeOnly(t, decl.init, statementEnd(t, decl.init));
    // A tensor: what minimize returned, or what a tf op made.
    if (!/\.\s*minimize\s*\(|^\s*tf\s*\.|\.\s*(?:mean|sum|dataSync\(\)\s*\[)/.test(init) || /dataSync|arraySync|\.data\s*\(/.test(init)) continue;
    const at = m.index! + m[0].lastIndexOf(name);
    found.push(src.edit(p.file, at, at + name.length, `${name}.dataSync()[0]`));
  }
  return found.length === 1 ? found : null;
}

/** The number literal a name is declared once with, alone in its statement (`const SIZE = 12;`): its value and span, or null. */
function declaredNumber(t: string, name: string): { value: number; span: Span } | null {
  const decl = singleDeclaration(t, name);
  if (!decl) return null;
  const end = statementEnd(t, decl.init);
  if (t[end] === ',') return null;
  const m = /^(\s*)(-?\d*\.?\d+(?:e[-+]?\d+)?)\s*$/i.exec(codeOnly(t, decl.init, end));
  if (!m) return null;
  const start = decl.init + m[1]!.length;
  return { value: Number(m[2]), span: { start, end: start + m[2]!.length } };
}

function floorAtLeastOneEdits(src: SourceText, p: Extract<FixPlan, { kind: 'floorAtLeastOne' }>): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const value = (x: string) => (/^\d*\.?\d+(?:e[-+]?\d+)?$/i.test(x) ? Number(x) : declaredNumber(t, x)?.value);
  const found: TextEdit[][] = [];
  for (const m of code.matchAll(/\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(Math\.floor\(\s*([\w$.]+)\s*\/\s*([\w$.]+)\s*\))/g)) {
    const a = value(m[3]!);
    const b = value(m[4]!);
    if (a === undefined || b === undefined || !(b > 0) || Math.floor(a / b) !== 0) continue;
    // It divides: `/ NAME` or `/ (… NAME …)`.
    const name = escapeRe(m[1]!);
    if (!new RegExp(`\\/\\s*(?:${name}\\b|\\([^()]*\\b${name}\\b[^()]*\\))`).test(code)) continue;
    const at = m.index! + m[0].indexOf(m[2]!);
    found.push([src.edit(p.file, at, at, 'Math.max(1, '), src.edit(p.file, at + m[2]!.length, at + m[2]!.length, ')')]);
  }
  return found.length === 1 ? found[0]! : null;
}

/** The one `Math.log(x)` in the file whose argument has no floor yet: `Math.log(x + 1e-10)`, finite at 0. */
function logFloorEdits(src: SourceText, p: Extract<FixPlan, { kind: 'logFloor' }>): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const found: TextEdit[] = [];
  for (const m of code.matchAll(/\bMath\s*\.\s*log\s*\(/g)) {
    const open = m.index! + m[0].length - 1;
    const close = matchClose(t, open);
    if (close <= open) continue;
    const inner = t.slice(open + 1, close).trim();
    // Already kept above 0: a sum with a constant, or a max.
    if (/\+|Math\s*\.\s*max\b/.test(inner) || !inner) continue;
    const x = /^[\w$.\[\]]+$/.test(inner) ? inner : `(${inner})`;
    found.push(src.edit(p.file, open + 1, close, `${x} + 1e-10`));
  }
  return found.length === 1 ? [found[0]!] : null;
}

/**
 * `X.sub(mean).div(std)` (or `tf.div(tf.sub(X, mean), std)`) on the site's line, whose `mean` is
 * destructured from statistics of other data (`const { mean, variance } = rawStats`): those
 * statistics taken from X itself, `tf.moments(X, 0)`.
 */
function ownMomentsEdits(src: SourceText, p: Extract<FixPlan, { kind: 'ownMoments' }>): EditResult {
  const t = src.text;
  const ls = src.lineStart(p.site.line);
  if (ls < 0) return null;
  const line = src.lineCode(p.site.line);
  const m = /([\w$.]+)\s*\.\s*sub\s*\(\s*([A-Za-z_$][\w$]*)\s*\)\s*\.\s*div\s*\(/.exec(line) ?? /\btf\s*\.\s*div\s*\(\s*tf\s*\.\s*sub\s*\(\s*([\w$.]+)\s*,\s*([A-Za-z_$][\w$]*)\s*\)/.exec(line);
  if (!m) return null;
  const [, standardized, mean] = m as unknown as [string, string, string];
  const code = codeOnly(t, 0, ls);
  const found = [...code.matchAll(new RegExp(`\\b(?:const|let|var)\\s*\\{[^}]*\\b${escapeRe(mean)}\\b[^}]*\\}\\s*=\\s*([A-Za-z_$][\\w$]*)\\s*;`, 'g'))];
  if (found.length !== 1) return null;
  const from = found[0]![1]!;
  // Already the moments of the data it standardizes.
  if (from === standardized) return null;
  const at = found[0]!.index! + found[0]![0].lastIndexOf(from);
  return [src.edit(p.site.file, at, at + from.length, `tf.moments(${standardized}, 0)`)];
}

/**
 * The two operands of the `matMul` on the site's line, each divided by its norm along the last
 * axis: a name is wrapped where it is used; a call of the script's own function that returns a name
 * (`embed(model, x)` ending in `return e;`) is normalized at that return. Any other operand (which
 * wrapping would compute twice) leaves no fix.
 */
function normalizeEmbeddingsEdits(src: SourceText, p: Extract<FixPlan, { kind: 'normalizeEmbeddings' }>): EditResult {
  const t = src.text;
  const call = findCall(src, p.site, /\bmatMul\s*\(/);
  if (!call || call.args.length < 2) return null;
  const unit = (x: string) => `tf.div(${x}, tf.norm(${x}, 2, -1, true))`;
  const edits = new Map<number, TextEdit>();
  for (const arg of call.args.slice(0, 2)) {
    const a = trim(t, arg.start, arg.end);
    const text = t.slice(a.start, a.end);
    if (/^[A-Za-z_$][\w$]*$/.test(text)) {
      edits.set(a.start, src.edit(p.site.file, a.start, a.end, unit(text)));
      continue;
    }
    const called = /^([A-Za-z_$][\w$]*)\s*\(/.exec(text);
    const def = called && matchClose(t, a.start + called[0].length - 1) === a.end - 1 ? functionDefinition(t, called[1]!) : null;
    if (!def?.body) return null;
    const returns = [...codeOnly(t, def.body.start, def.body.end).matchAll(/\breturn\s+([A-Za-z_$][\w$]*)\s*;/g)];
    if (returns.length !== 1) return null;
    const name = returns[0]![1]!;
    const at = def.body.start + returns[0]!.index! + returns[0]![0].lastIndexOf(name);
    if (!edits.has(at)) edits.set(at, src.edit(p.site.file, at, at + name.length, unit(name)));
  }
  return [...edits.values()];
}

/**
 * The epoch or batch callback around the site, written with its parameters the other way round,
 * `onEpochBegin: (logs, epoch) =>`: tfjs passes the epoch (or batch) first, then the logs.
 */
/** The function around the site (a callback), and the code just before its body (where its name and parameters are). */
function callbackAround(src: SourceText, site: SourceSite): { body: Span; headStart: number; head: string } | null {
  const t = src.text;
  const at = src.offset(site.line, site.column);
  const body = at >= 0 ? functionBodyAround(t, at) : null;
  if (!body) return null;
  const headStart = Math.max(0, body.start - 160);
  return { body, headStart, head: codeOnly(t, headStart, body.start) };
}

function callbackParamsOrderEdits(src: SourceText, p: Extract<FixPlan, { kind: 'callbackParamsOrder' }>): EditResult {
  const t = src.text;
  const around = callbackAround(src, p.site);
  if (!around) return null;
  const { headStart, head } = around;
  const m = /\bon(?:Epoch|Batch)(?:Begin|End)\s*(?::\s*(?:async\s+)?(?:function\s*)?)?\(\s*(logs)\s*,\s*([A-Za-z_$][\w$]*)\s*\)\s*(?:=>\s*)?$/.exec(head);
  if (!m) return null;
  const open = headStart + m.index! + m[0].lastIndexOf('(');
  const close = matchClose(t, open);
  return close > open ? [src.edit(p.site.file, open + 1, close, `${m[2]}, ${m[1]}`)] : null;
}

/**
 * A polynomial decay written with the base rate as the power's base, `Math.pow(BASE_LR, 1 - epoch
 * / EPOCHS)`, which grows from BASE_LR towards 1: the rate times the decaying fraction raised to a
 * power, `BASE_LR * Math.pow(1 - epoch / EPOCHS, p)` (p a declared POWER if there is one, else 0.9).
 */
function rateAsFactorEdits(src: SourceText, p: Extract<FixPlan, { kind: 'rateAsFactor' }>): EditResult {
  const t = src.text;
  const ls = src.lineStart(p.site.line);
  if (ls < 0) return null;
  const line = src.lineCode(p.site.line);
  const m = /\bMath\s*\.\s*pow\s*\(/.exec(line);
  if (!m) return null;
  const open = ls + m.index + m[0].length - 1;
  const close = matchClose(t, open);
  const args = close > open ? splitTopLevel(t, open + 1, close).map((a) => trim(t, a.start, a.end)) : [];
  if (args.length !== 2) return null;
  const [base, power] = args.map((a) => t.slice(a.start, a.end)) as [string, string];
  const rate = /^\d*\.?\d+(?:e-?\d+)?$/i.test(base) ? Number(base) : /^[A-Za-z_$][\w$]*$/.test(base) ? declaredNumber(t, base)?.value : undefined;
  // The base is a rate (below 1) and the power falls as training goes on (1 - a fraction).
  if (rate === undefined || !(rate > 0 && rate < 1) || !/^1\s*-/.test(power)) return null;
  const named = [...codeOnly(t, 0, t.length).matchAll(/\b(?:const|let|var)\s+([A-Z_$]*POWER[A-Z0-9_$]*)\s*=\s*\d*\.?\d+\s*;/g)];
  const exponent = named.length === 1 ? named[0]![1]! : '0.9';
  return [src.edit(p.site.file, ls + m.index, close + 1, `${base} * Math.pow(${power}, ${exponent})`)];
}

/**
 * The one `if (step % N === N)` guarding an applyGradients: a remainder of a division by N is below
 * N, so the block never runs. Every N steps, counted from 1: `(step + 1) % N === 0`.
 */
function applyConditionEdits(src: SourceText, p: Extract<FixPlan, { kind: 'applyCondition' }>): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const found: TextEdit[] = [];
  for (const m of code.matchAll(/\bif\s*\(/g)) {
    const open = m.index! + m[0].length - 1;
    const close = matchClose(t, open);
    if (close < 0) continue;
    const cond = /^\s*([\w$.]+)\s*%\s*([\w$.]+)\s*===?\s*([\w$.]+)\s*$/.exec(codeOnly(t, open + 1, close));
    if (!cond || cond[2] !== cond[3]) continue;
    const blockOpen = close + 1 + codeOnly(t, close + 1, Math.min(t.length, close + 40)).search(/\S/);
    const blockClose = t[blockOpen] === '{' ? matchClose(t, blockOpen) : statementEnd(t, blockOpen);
    if (blockClose < 0 || !/\.\s*applyGradients\s*\(/.test(codeOnly(t, blockOpen, blockClose))) continue;
    found.push(src.edit(p.file, open + 1, close, `(${cond[1]} + 1) % ${cond[2]} === 0`));
  }
  return found.length === 1 ? found : null;
}

/**
 * Percentiles declared in percent (`const P_HIGH = 99`) and used as fractions of a length in an
 * index (`sorted[Math.floor(P_HIGH * (n - 1))]`): that index lies far past the end and reads
 * undefined. Each such constant of 1 or more is divided by 100, when one of them is above 1.
 */
function percentileFractionEdits(src: SourceText, p: Extract<FixPlan, { kind: 'percentileFraction' }>): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const names = new Set([...code.matchAll(/\[\s*Math\s*\.\s*(?:floor|round|ceil)\s*\(\s*([A-Za-z_$][\w$]*)\s*\*/g)].map((m) => m[1]!));
  const declared = [...names].map((name) => declaredNumber(t, name)).filter((d): d is NonNullable<typeof d> => d !== null && d.value >= 1 && d.value <= 100);
  if (!declared.some((d) => d.value > 1)) return null;
  return declared.map((d) => src.edit(p.file, d.span.start, d.span.end, literal(d.value / 100)));
}

/**
 * Values mapped to `x.toFixed(n)` into the arrays the data is made from (`cells.map((c) =>
 * parseFloat(c).toFixed(3))`): text, not numbers. Each is kept a number, `Number(x.toFixed(n))`.
 */
function numberFromToFixedEdits(src: SourceText, p: Extract<FixPlan, { kind: 'numberFromToFixed' }>): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const edits: TextEdit[] = [];
  for (const m of code.matchAll(/\.\s*map\s*\(\s*\(?\s*[A-Za-z_$][\w$]*\s*\)?\s*=>\s*/g)) {
    const from = m.index! + m[0].length;
    const end = statementEnd(t, from);
    const body = trim(t, from, end);
    const text = t.slice(body.start, body.end);
    if (!/\.\s*toFixed\s*\(\s*\d*\s*\)$/.test(text) || /^Number\s*\(/.test(text)) continue;
    edits.push(src.edit(p.file, body.start, body.start, 'Number('), src.edit(p.file, body.end, body.end, ')'));
  }
  return edits.length ? edits : null;
}

/**
 * `X.setWeights(X.getWeights())` on the site's line, with X made by a builder (`const X =
 * build()`) that made one other model (`const Y = build()`): the weights copied from Y.
 */
function copyFromTwinEdits(src: SourceText, p: Extract<FixPlan, { kind: 'copyFromTwin' }>): EditResult {
  const t = src.text;
  const ls = src.lineStart(p.site.line);
  if (ls < 0) return null;
  const line = src.lineCode(p.site.line);
  const m = /\b([A-Za-z_$][\w$]*)\s*\.\s*setWeights\s*\(\s*([A-Za-z_$][\w$]*)\s*\.\s*getWeights\s*\(\s*\)\s*\)/.exec(line);
  if (!m || m[1] !== m[2]) return null;
  const self = m[1]!;
  const built = new RegExp(`\\b(?:const|let|var)\\s+${escapeRe(self)}\\s*=\\s*(?:await\\s+)?([A-Za-z_$][\\w$.]*)\\s*\\(`).exec(codeOnly(t, 0, t.length));
  if (!built) return null;
  const twins = [...codeOnly(t, 0, t.length).matchAll(new RegExp(`\\b(?:const|let|var)\\s+([A-Za-z_$][\\w$]*)\\s*=\\s*(?:await\\s+)?${escapeRe(built[1]!)}\\s*\\(`, 'g'))].map((x) => x[1]!).filter((n) => n !== self);
  if (twins.length !== 1) return null;
  const at = ls + m.index + m[0].lastIndexOf(m[2]!);
  return [src.edit(p.site.file, at, at + self.length, twins[0]!)];
}

/** The `tf.where(mask, fill, values)` on the site's line replaced by its values. */
function dropWhereMaskEdits(src: SourceText, p: Extract<FixPlan, { kind: 'dropWhereMask' }>): EditResult {
  const call = findCall(src, p.site, /\bwhere\s*\(/);
  if (!call || call.args.length !== 3) return null;
  const t = src.text;
  const values = trim(t, call.args[2]!.start, call.args[2]!.end);
  // From the callee's start (`tf.where`) to the closing parenthesis.
  const head = /(?:\btf\s*\.\s*)?where\s*$/.exec(codeOnly(t, Math.max(0, call.open - 40), call.open));
  if (!head) return null;
  const start = call.open - head[0].length;
  return [src.edit(p.site.file, start, call.close + 1, t.slice(values.start, values.end))];
}

/** The value declared on the site's line (`const probs = logits.div(T);`) passed through tf.softmax. */
function softmaxAtEdits(src: SourceText, p: Extract<FixPlan, { kind: 'softmaxAt' }>): EditResult {
  const t = src.text;
  const ls = src.lineStart(p.site.line);
  if (ls < 0) return null;
  const m = /\b(?:const|let|var)\s+[A-Za-z_$][\w$]*\s*=\s*/.exec(src.lineCode(p.site.line));
  if (!m) return null;
  const init = ls + m.index + m[0].length;
  const value = trim(t, init, statementEnd(t, init));
  const text = t.slice(value.start, value.end);
  if (/^tf\s*\.\s*(?:softmax|sigmoid)\s*\(/.test(text)) return null;
  return [src.edit(p.site.file, value.start, value.end, `tf.softmax(${text})`)];
}

/**
 * `x.reshape([b, H, T, d])` (or `tf.reshape(x, [...])`) on the site's line made
 * `x.reshape([b, T, H, d]).transpose([0, 2, 1, 3])`: the heads' axis moved after the split.
 */
function splitHeadsTransposeEdits(src: SourceText, p: Extract<FixPlan, { kind: 'splitHeadsTranspose' }>): EditResult {
  const t = src.text;
  const call = findCall(src, p.site, /\breshape\s*\(/);
  if (!call) return null;
  const shapeArg = call.args[call.args.length - 1];
  const shape = shapeArg ? trim(t, shapeArg.start, shapeArg.end) : null;
  if (!shape || t[shape.start] !== '[' || matchClose(t, shape.start) !== shape.end - 1) return null;
  const dims = splitTopLevel(t, shape.start + 1, shape.end - 1).map((d) => trim(t, d.start, d.end));
  if (dims.length !== 4) return null;
  const text = dims.map((d) => t.slice(d.start, d.end));
  const swapped = `[${text[0]}, ${text[2]}, ${text[1]}, ${text[3]}]`;
  // The result is a tensor either way (x.reshape or tf.reshape): its transpose method follows the call.
  return [src.edit(p.site.file, shape.start, shape.end, swapped), src.edit(p.site.file, call.close + 1, call.close + 1, '.transpose([0, 2, 1, 3])')];
}

/**
 * The one best value declared as 0 (`let bestValLoss = 0;`) that a loss must go below to replace
 * (`logs.val_loss < bestValLoss`, then assigned): it starts at Infinity instead.
 */
function bestFromInfinityEdits(src: SourceText, p: Extract<FixPlan, { kind: 'bestFromInfinity' }>): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const found: TextEdit[] = [];
  for (const m of code.matchAll(/\b(?:let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(0(?:\.0*)?)\s*;/g)) {
    const name = escapeRe(m[1]!);
    if (!new RegExp(`[\\w$.\\]]*loss[\\w$.\\]]*\\s*<\\s*${name}\\b`, 'i').test(code) || !new RegExp(`(?<![\\w$.])${name}\\s*=(?!=)\\s*[\\w$.]*loss`, 'i').test(code.slice(m.index! + m[0].length))) continue;
    const at = m.index! + m[0].lastIndexOf(m[2]!);
    found.push(src.edit(p.file, at, at + m[2]!.length, 'Infinity'));
  }
  return found.length === 1 ? found : null;
}

/**
 * An early stop in an `onBatchEnd` callback (the site sets model.stopTraining): run at epoch end,
 * its first parameter named for the epoch when the body does not use it, and on the validation loss
 * (`logs.val_loss`) when fit is given validation data.
 */
function stopCheckPerEpochEdits(src: SourceText, p: Extract<FixPlan, { kind: 'stopCheckPerEpoch' }>): EditResult {
  const t = src.text;
  const around = callbackAround(src, p.site);
  if (!around) return null;
  const { body, headStart, head } = around;
  const m = /\bonBatchEnd(\s*:\s*(?:async\s+)?(?:function\s*)?\(\s*|\s*\(\s*)([A-Za-z_$][\w$]*)(\s*,\s*([A-Za-z_$][\w$]*)\s*\))?[^()]*$/.exec(head);
  if (!m) return null;
  const hook = headStart + m.index!;
  const code = codeOnly(t, body.start, body.end);
  // A stop on a loss that stops improving; a time budget (Date.now) is judged apart.
  if (/\b(?:Date|performance)\s*\.\s*now\b/.test(code) || !/\.\s*(?:val_)?loss\b/.test(code)) return null;
  const edits: TextEdit[] = [src.edit(p.site.file, hook, hook + 'onBatchEnd'.length, 'onEpochEnd')];
  const first = m[2]!;
  if (first !== 'epoch' && !new RegExp(`(?<![\\w$.])${escapeRe(first)}\\b`).test(code)) {
    const paramAt = hook + m[0].indexOf(first, 'onBatchEnd'.length);
    edits.push(src.edit(p.site.file, paramAt, paramAt + first.length, 'epoch'));
  }
  const logs = m[4];
  if (logs && /\bvalidation(?:Split|Data)\b/.test(codeOnly(t, 0, t.length))) {
    for (const r of code.matchAll(new RegExp(`(?<![\\w$.])${escapeRe(logs)}\\s*\\.\\s*loss\\b`, 'g'))) {
      const end = body.start + r.index! + r[0].length;
      edits.push(src.edit(p.site.file, end - 'loss'.length, end, 'val_loss'));
    }
  }
  return edits;
}

/**
 * A mask made as `new Array(COLUMNS.length).fill(0)` and set with `mask[name] = 1` in a loop over
 * names: indexed by each name's position instead, `mask[COLUMNS.indexOf(name)] = 1`.
 */
function maskByIndexEdits(src: SourceText, p: Extract<FixPlan, { kind: 'maskByIndex' }>): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const found: TextEdit[] = [];
  for (const m of code.matchAll(/\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:new\s+)?Array\s*\(\s*([A-Za-z_$][\w$]*)\s*\.\s*length\s*\)\s*\.\s*fill\s*\(\s*0\s*\)/g)) {
    const [mask, columns] = [escapeRe(m[1]!), m[2]!];
    const loop = new RegExp(`\\bfor\\s*\\(\\s*(?:const|let|var)\\s+([A-Za-z_$][\\w$]*)\\s+of\\s+[\\w$.]+\\s*\\)\\s*\\{?\\s*${mask}\\s*\\[\\s*([A-Za-z_$][\\w$]*)\\s*\\]\\s*=`, 'g');
    for (const l of code.slice(m.index!).matchAll(loop)) {
      if (l[1] !== l[2]) continue;
      const at = m.index! + l.index! + l[0].lastIndexOf(l[2]!);
      found.push(src.edit(p.file, at, at + l[2]!.length, `${columns}.indexOf(${l[2]})`));
    }
  }
  return found.length === 1 ? found : null;
}

/**
 * In the function that sets the rate at the site, a floor `Math.max(lr * FACTOR, MIN_LR)` whose
 * MIN_LR is declared above the starting rate: the first decay raises the rate to it. The floor is
 * set a thousandth of the starting rate.
 */
function floorBelowRateEdits(src: SourceText, p: Extract<FixPlan, { kind: 'floorBelowRate' }>): EditResult {
  const t = src.text;
  const at = src.offset(p.site.line, p.site.column);
  const body = at >= 0 ? functionBodyAround(t, at) : null;
  if (!body) return null;
  const code = codeOnly(t, body.start, body.end);
  const floors = [...code.matchAll(/\bMath\s*\.\s*max\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)/g)].flatMap((m) => m[1]!.split(',').map((a) => a.trim()).filter((a) => /^[A-Za-z_$][\w$]*$/.test(a)));
  const declared = [...new Set(floors)].map((name) => declaredNumber(t, name)).filter((d): d is NonNullable<typeof d> => d !== null && d.value > p.rate);
  if (declared.length !== 1) return null;
  return [src.edit(p.site.file, declared[0]!.span.start, declared[0]!.span.end, literal(p.rate / 1000))];
}

/**
 * The one loop `for (let t = 0; t < series.length; t++)` whose body reads `series[t - lag]`: before
 * the largest lag, those reads are undefined. It starts at the largest lag instead (`Math.max(...LAGS)`
 * for lags mapped from a list, the largest number or the name read otherwise).
 */
function historyStartEdits(src: SourceText, p: Extract<FixPlan, { kind: 'historyStart' }>): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const found: TextEdit[] = [];
  for (const m of code.matchAll(/\bfor\s*\(\s*let\s+([A-Za-z_$][\w$]*)\s*=\s*(0)\s*;\s*\1\s*<\s*([A-Za-z_$][\w$]*)\s*\.\s*length\s*;/g)) {
    const [index, series] = [escapeRe(m[1]!), escapeRe(m[3]!)];
    const open = code.indexOf('{', m.index! + m[0].length);
    const close = open > 0 ? matchClose(t, open) : -1;
    if (close < 0) continue;
    const body = code.slice(open, close);
    const reads = [...body.matchAll(new RegExp(`\\b${series}\\s*\\[\\s*${index}\\s*-\\s*([A-Za-z_$][\\w$]*|\\d+)\\s*\\]`, 'g'))].map((r) => r[1]!);
    if (reads.length === 0) continue;
    let start: string | null = null;
    const mapped = new RegExp(`\\b([A-Za-z_$][\\w$]*)\\s*\\.\\s*map\\s*\\(\\s*\\(?\\s*([A-Za-z_$][\\w$]*)\\s*\\)?\\s*=>\\s*${series}\\s*\\[\\s*${index}\\s*-\\s*\\2\\s*\\]`).exec(body);
    if (mapped) start = `Math.max(...${mapped[1]})`;
    else if (reads.every((r) => /^\d+$/.test(r))) start = String(Math.max(...reads.map(Number)));
    else if (new Set(reads).size === 1) start = reads[0]!;
    if (!start) continue;
    const at = m.index! + m[0].lastIndexOf('0', m[0].indexOf(';'));
    found.push(src.edit(p.file, at, at + 1, start));
  }
  return found.length === 1 ? found : null;
}

/**
 * A per-column scale summed over the rows (`scale[j] += row[j]`) that the values are divided by
 * (`v / scale[j]`): each column's largest value instead, `scale[j] = Math.max(scale[j], row[j])`.
 */
function scaleByMaxEdits(src: SourceText, p: Extract<FixPlan, { kind: 'scaleByMax' }>): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const found: TextEdit[] = [];
  for (const m of code.matchAll(/\b([A-Za-z_$][\w$]*)\s*\[\s*([A-Za-z_$][\w$]*)\s*\]\s*\+=\s*([A-Za-z_$][\w$]*\s*\[\s*\2\s*\])/g)) {
    // The values are divided by it: `/ scale[j]`.
    if (!new RegExp(`\\/\\s*${escapeRe(m[1]!)}\\s*\\[\\s*[A-Za-z_$][\\w$]*\\s*\\]`).test(code)) continue;
    found.push(src.edit(p.file, m.index!, m.index! + m[0].length, `${m[1]}[${m[2]}] = Math.max(${m[1]}[${m[2]}], ${m[3]})`));
  }
  return found.length === 1 ? found : null;
}

/** The one `tf.pow(p, GAMMA)` whose p the file also takes the log of: `tf.pow(tf.sub(1, p), GAMMA)`. */
function focalModulatorEdits(src: SourceText, p: Extract<FixPlan, { kind: 'focalModulator' }>): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const found: TextEdit[] = [];
  for (const m of code.matchAll(/\btf\s*\.\s*pow\s*\(\s*([A-Za-z_$][\w$]*)\s*,/g)) {
    const name = m[1]!;
    if (!new RegExp(`\\blog\\s*\\(\\s*${escapeRe(name)}\\s*\\)`).test(code)) continue;
    const at = m.index! + m[0].lastIndexOf(name);
    found.push(src.edit(p.file, at, at + name.length, `tf.sub(1, ${name})`));
  }
  return found.length === 1 ? found : null;
}

function meanSkipsNaNEdits(src: SourceText, p: Extract<FixPlan, { kind: 'meanSkipsNaN' }>): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  // The missing cells are filled from the means afterwards: NaN is tested for somewhere.
  if (!/\bisNaN\s*\(/.test(code)) return null;
  const found: TextEdit[] = [];
  for (const m of code.matchAll(/^[ \t]*(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*([^;\n]*?)\s*;[ \t]*$/gm)) {
    const name = escapeRe(m[1]!);
    const after = code.slice(m.index! + m[0].length, m.index! + m[0].length + 200);
    if (!new RegExp(`\\b${name}\\s*\\.\\s*reduce\\s*\\(\\s*\\(\\s*\\w+\\s*,\\s*\\w+\\s*\\)\\s*=>\\s*\\w+\\s*\\+\\s*\\w+\\s*,\\s*0\\s*\\)\\s*\\/\\s*${name}\\s*\\.\\s*length`).test(after)) continue;
    if (/isNaN|isFinite/.test(m[2]!)) continue;
    const end = m.index! + m[0].indexOf(m[2]!) + m[2]!.length;
    found.push(src.edit(p.file, end, end, '.filter((v) => !Number.isNaN(v))'));
  }
  return found.length === 1 ? found : null;
}

function hashInt32Edits(src: SourceText, p: Extract<FixPlan, { kind: 'hashInt32' }>): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const found: TextEdit[][] = [];
  // `h = h * 31 + x.charCodeAt(i)` or `h = (h << 5) - h + c`, as a statement of its own.
  for (const m of code.matchAll(/\b([A-Za-z_$][\w$]*)\s*=\s*((?:\1\s*\*\s*\d+|\(\s*\1\s*<<\s*\d+\s*\)\s*-\s*\1)\s*\+\s*[^;\n]*?)\s*(?=;|\n|$)/g)) {
    const rhs = m[2]!;
    if (/\|\s*0|>>>|Math\.imul|%/.test(rhs) || !/charCodeAt|codePointAt/.test(rhs)) continue;
    const at = m.index! + m[0].indexOf(rhs, m[1]!.length);
    found.push([src.edit(p.file, at, at, '('), src.edit(p.file, at + rhs.length, at + rhs.length, ') >>> 0')]);
  }
  return found.length === 1 ? found[0]! : null;
}

function copyRowsEdits(src: SourceText, p: Extract<FixPlan, { kind: 'copyRows' }>): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const found: TextEdit[] = [];
  for (const m of code.matchAll(/\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(\[\s*\.\.\.\s*([A-Za-z_$][\w$.]*)\s*\]|([A-Za-z_$][\w$.]*)\s*\.\s*slice\s*\(\s*\))/g)) {
    const name = escapeRe(m[1]!);
    const source = m[3] ?? m[4]!;
    const after = code.slice(m.index! + m[0].length, m.index! + m[0].length + 400);
    // A loop over the copy's rows that writes into each row: `for (const row of out) { … row[j] += … }`.
    const loop = new RegExp(`for\\s*\\(\\s*(?:const|let|var)\\s+([A-Za-z_$][\\w$]*)\\s+of\\s+${name}\\s*\\)`).exec(after);
    if (!loop || !new RegExp(`\\b${escapeRe(loop[1]!)}\\s*\\[[^\\]]+\\]\\s*(?:[-+*/]=|=(?!=))`).test(after.slice(loop.index))) continue;
    const at = m.index! + m[0].indexOf(m[2]!);
    found.push(src.edit(p.file, at, at + m[2]!.length, `${source}.map((row) => [...row])`));
  }
  return found.length === 1 ? found : null;
}

function maskLikeImageEdits(src: SourceText, p: Extract<FixPlan, { kind: 'maskLikeImage' }>): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const found: TextEdit[] = [];
  const pushed = /^([ \t]*)[A-Za-z_$][\w$.]*\.push\(\s*(\.\.\.)?\s*\(?\s*([A-Za-z_$][\w$.]*)\s*\?\s*([A-Za-z_$][\w$.]*)\s*\(\s*([^()?:]+?)\s*\)\s*:\s*([^()?:]+?)\s*\)?\s*\)\s*;?[ \t]*$/gm;
  for (const m of code.matchAll(pushed)) {
    // The same value on both sides: a transform applied on a draw, or not.
    if (m[5]!.trim() !== m[6]!.trim()) continue;
    const lineEnd = m.index! + m[0].length;
    const next = /^\n([ \t]*)([A-Za-z_$][\w$.]*)\.push\(\s*(\.\.\.)?\s*([^()?:;\n]+(?:\[[^\]\n]*\])?)\s*\)\s*;?[ \t]*$/m.exec(code.slice(lineEnd, code.indexOf('\n', lineEnd + 1) < 0 ? code.length : code.indexOf('\n', lineEnd + 1)));
    if (!next || new RegExp(`\\b${escapeRe(m[4]!)}\\b`).test(next[4]!)) continue;
    const value = next[4]!.trim();
    const at = lineEnd + next[0].indexOf(next[4]!);
    found.push(src.edit(p.file, at, at + next[4]!.length, `(${m[3]} ? ${m[4]}(${value}) : ${value})`));
  }
  return found.length === 1 ? found : null;
}

function tagRowOnceEdits(src: SourceText, p: Extract<FixPlan, { kind: 'tagRowOnce' }>): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const found: TextEdit[] = [];
  const loop = /^([ \t]*)for\s*\(\s*(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s+of\s+([^)\n]+)\)\s*([A-Za-z_$][\w$.]*\s*\[[^\]\n]+\])\s*=\s*([A-Za-z_$][\w$.]*)\s*\.\s*map\(\s*\(?\s*([A-Za-z_$][\w$]*)\s*\)?\s*=>\s*\(?\s*([A-Za-z_$][\w$]*)\s*===\s*([A-Za-z_$][\w$]*)\s*\?\s*1\s*:\s*0\s*\)?\s*\)\s*;?[ \t]*$/gm;
  for (const m of code.matchAll(loop)) {
    const [, indent, tag, list, row, labels, param, left, right] = m as unknown as string[];
    // The comparison is of the map's element with the loop's tag, either way round.
    if (!((left === param && right === tag) || (left === tag && right === param))) continue;
    const start = m.index! + indent!.length;
    const end = m.index! + m[0].trimEnd().length;
    const eol = t[src.lineEnd(src.position(start).line)] === '\r' ? '\r\n' : '\n';
    found.push(src.edit(p.file, start, end, `${row} = ${labels}.map(() => 0);${eol}${indent}for (const ${tag} of ${list!.trim()}) ${row}[${labels}.indexOf(${tag})] = 1;`));
  }
  return found.length === 1 ? found : null;
}

function dropDivide255Edits(src: SourceText, p: Extract<FixPlan, { kind: 'dropDivide255' }>): EditResult {
  const start = src.lineStart(p.site.line);
  if (start < 0) return null;
  const code = src.lineCode(p.site.line);
  const found = [...code.matchAll(/\s*(?:\.\s*div\s*\(\s*255(?:\.0*)?\s*\)|\/\s*255(?:\.0*)?\b)/g)];
  if (found.length !== 1) return null;
  const at = start + found[0]!.index!;
  return [src.edit(p.site.file, at, at + found[0]![0].length, '')];
}

function splitSeparatorEdits(src: SourceText, p: Extract<FixPlan, { kind: 'splitSeparator' }>): EditResult {
  const call = findCall(src, p.site, /\.\s*split\s*\(/);
  const a = call?.args.length === 1 ? call.args[0]! : null;
  const literal = a ? /^(['"])(\\t|[^'"\\])\1$/.exec(src.text.slice(a.start, a.end)) : null;
  if (!a || !literal || (literal[2] === '\\t' ? '\t' : literal[2]) !== p.from) return null;
  return [src.edit(p.site.file, a.start + 1, a.end - 1, p.to === '\t' ? '\\t' : p.to)];
}

function reduceFromZeroEdits(src: SourceText, p: Extract<FixPlan, { kind: 'reduceFromZero' }>): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const found: TextEdit[] = [];
  for (const m of code.matchAll(/\.\s*reduce\s*\(\s*\(\s*([A-Za-z_$][\w$]*)\s*,\s*([A-Za-z_$][\w$]*)\s*\)\s*=>/g)) {
    const open = m.index! + m[0].indexOf('(');
    const close = matchClose(t, open);
    if (close < 0 || splitTopLevel(t, open + 1, close).length !== 1) continue;
    const body = code.slice(m.index! + m[0].length, close);
    // A sum of a field of each element: `acc + r[col]`, `s + row.price`.
    if (!new RegExp(`^\\s*${escapeRe(m[1]!)}\\s*\\+\\s*${escapeRe(m[2]!)}\\s*(?:\\.|\\[)`).test(body)) continue;
    found.push(src.edit(p.file, close, close, ', 0'));
  }
  return found.length ? found : null;
}

function hoistVocabularyEdits(src: SourceText, p: Extract<FixPlan, { kind: 'hoistVocabulary' }>): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const found: TextEdit[][] = [];
  for (const m of code.matchAll(/^[ \t]*(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:new\s+Map\s*\(\s*\)|\{\s*\})\s*;?[ \t]*$/gm)) {
    const declStart = m.index!;
    const block = enclosingBlock(t, declStart);
    if (block < 0 || !/\bfor\s*\([^{};]*(?:;[^{};]*){0,2}\)\s*$/.test(code.slice(Math.max(0, block - 300), block))) continue;
    const close = matchClose(t, block);
    const name = escapeRe(m[1]!);
    // Filled and read in the loop: a vocabulary, not a scratch object.
    if (close < 0 || !new RegExp(`\\b${name}\\s*\\.\\s*(?:set|get|has)\\s*\\(|\\b${name}\\s*\\[`).test(code.slice(declStart + m[0].length, close))) continue;
    let outer = block;
    for (let b = enclosingBlock(t, outer); b >= 0; b = enclosingBlock(t, b)) outer = b;
    const at = src.lineStart(src.position(outer).line);
    const end = declStart + m[0].length;
    // The removal first: a finding located at its fix points at the declaration in the loop.
    found.push([src.edit(p.file, declStart, t[end] === '\n' ? end + 1 : end, ''), src.edit(p.file, at, at, `${m[0].trim().replace(/;?$/, ';')}\n`)]);
  }
  return found.length === 1 ? found[0]! : null;
}

function sortCountsDescendingEdits(src: SourceText, p: Extract<FixPlan, { kind: 'sortCountsDescending' }>): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const found: TextEdit[] = [];
  const pattern = /\.\s*sort\s*\(\s*\(\s*([A-Za-z_$][\w$]*)\s*,\s*([A-Za-z_$][\w$]*)\s*\)\s*=>\s*(\1((?:\s*\[\s*\d+\s*\]|\s*\.\s*[A-Za-z_$][\w$]*)+)\s*-\s*\2((?:\s*\[\s*\d+\s*\]|\s*\.\s*[A-Za-z_$][\w$]*)+))\s*\)\s*\.\s*slice\s*\(\s*0\s*,/g;
  for (const m of code.matchAll(pattern)) {
    if (m[4]!.replace(/\s/g, '') !== m[5]!.replace(/\s/g, '')) continue;
    const at = m.index! + m[0].indexOf(m[3]!, m[0].indexOf('=>'));
    found.push(src.edit(p.file, at, at + m[3]!.length, `${m[2]}${m[5]} - ${m[1]}${m[4]}`));
  }
  return found.length === 1 ? found : null;
}

function spreadDefaultsFirstEdits(src: SourceText, p: Extract<FixPlan, { kind: 'spreadDefaultsFirst' }>): EditResult {
  const t = src.text;
  const call = findCall(src, p.fitSite, /\.\s*fit\s*\(/);
  const options = call?.args[2];
  if (!options) return null;
  const value = new RegExp(`\\b${escapeRe(p.key)}\\s*:\\s*([A-Za-z_$][\\w$]*)\\s*\\.\\s*${escapeRe(p.key)}\\b`).exec(t.slice(options.start, options.end));
  const decl = value ? singleDeclaration(t, value[1]!) : null;
  if (!decl || t[decl.init] !== '{') return null;
  const close = matchClose(t, decl.init);
  const parts = close > 0 ? splitTopLevel(t, decl.init + 1, close).map((a) => trim(t, a.start, a.end)).filter((a) => a.end > a.start) : [];
  const spread = parts.map((a) => /^\.\.\.\s*([A-Za-z_$][\w$]*)$/.exec(t.slice(a.start, a.end))?.[1]);
  if (parts.length !== 2 || spread.some((n) => !n) || !/default/i.test(spread[1]!) || /default/i.test(spread[0]!)) return null;
  return [src.edit(p.fitSite.file, parts[0]!.start, parts[1]!.end, `...${spread[1]}, ...${spread[0]}`)];
}

function arrayFromCallbackEdits(src: SourceText, p: Extract<FixPlan, { kind: 'arrayFromCallback' }>): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const found: TextEdit[] = [];
  for (const m of code.matchAll(/\bArray\s*\.\s*from\s*\(\s*\{[^{}]*\}\s*,\s*([A-Za-z_$][\w$]*)\s*\)/g)) {
    const name = m[1]!;
    // Declared as a function of two parameters or more: Array.from's index lands on the second.
    const decl = new RegExp(`\\bfunction\\s+${escapeRe(name)}\\s*\\(([^()]*)\\)|\\b(?:const|let|var)\\s+${escapeRe(name)}\\s*=\\s*(?:function\\s*)?\\(([^()]*)\\)\\s*(?:=>|\\{)`).exec(code);
    const params = decl ? (decl[1] ?? decl[2] ?? '').split(',').filter((x) => x.trim()) : [];
    if (params.length < 2) continue;
    const at = m.index! + m[0].lastIndexOf(name);
    found.push(src.edit(p.file, at, at + name.length, `() => ${name}()`));
  }
  return found.length === 1 ? found : null;
}

function charCodeOffsetEdits(src: SourceText, p: Extract<FixPlan, { kind: 'charCodeOffset' }>): EditResult {
  const code = codeOnly(src.text, 0, src.text.length);
  const calls = [...code.matchAll(/\.\s*charCodeAt\s*\(/g)];
  if (calls.length !== 1 || !(p.by > 0)) return null;
  const open = calls[0]!.index! + calls[0]![0].length - 1;
  const close = matchClose(src.text, open);
  if (close < 0) return null;
  return [src.edit(p.site.file, close + 1, close + 1, ` - ${p.by}`)];
}

function fitTargetsFromEdits(src: SourceText, p: Extract<FixPlan, { kind: 'fitTargetsFrom' }>): EditResult {
  if (p.madeAt.file !== p.fitSite.file) return null;
  const made = declarationAt(src, p.madeAt);
  const call = findCall(src, p.fitSite, /\.\s*fit\s*\(/);
  const targets = call?.args[1];
  if (!made || !targets || src.text.slice(targets.start, targets.end) === made.name) return null;
  return [src.edit(p.fitSite.file, targets.start, targets.end, made.name)];
}

function validationPairEdits(src: SourceText, p: Extract<FixPlan, { kind: 'validationPair' }>): EditResult {
  const prop = fitOption(src, p.fitSite, 'validationData');
  const t = src.text;
  if (!prop?.value || t[prop.value.start] !== '{') return null;
  const close = matchClose(t, prop.value.start);
  if (close + 1 !== prop.value.end) return null;
  const entries = objectProps(t, prop.value.start, close);
  if (entries.length !== 2 || entries.some((e) => !e.value)) return null;
  const [a, b] = entries.map((e) => t.slice(e.value!.start, e.value!.end));
  return [src.edit(p.fitSite.file, prop.value.start, prop.value.end, `[${a}, ${b}]`)];
}

/** The names a held-out copy of `name` goes by: xTrain → xVal, xValid, xValidation; x_train → x_val; trainX → valX. */
function heldOutNames(name: string): string[] {
  const m = /^(.*?)(train(?:ing)?)(.*)$/i.exec(name);
  if (!m) return [];
  const [, before, word, after] = m as unknown as [string, string, string, string];
  const cased = (v: string): string => (word[0] === word[0]!.toUpperCase() ? v[0]!.toUpperCase() + v.slice(1) : v);
  return ['val', 'valid', 'validation'].map((v) => `${before}${cased(v)}${after}`);
}

function heldOutValidationEdits(src: SourceText, p: Extract<FixPlan, { kind: 'heldOutValidation' }>): EditResult {
  const t = src.text;
  const call = findCall(src, p.fitSite, /\bfit\s*\(/);
  const value = fitOption(src, p.fitSite, 'validationData')?.value;
  if (!call || call.args.length < 2 || !value || t[value.start] !== '[') return null;
  const close = matchClose(t, value.start);
  const items = close > 0 ? splitTopLevel(t, value.start + 1, close) : [];
  if (items.length !== 2) return null;
  const names = items.map((s) => t.slice(s.start, s.end).trim());
  // Only the training tensors themselves, as fit was given them.
  if (names.some((n, i) => n !== t.slice(call.args[i]!.start, call.args[i]!.end).trim())) return null;
  const held = names.map((n) => heldOutNames(n).find((c) => declarations(t, c).length > 0));
  if (held.some((h) => !h)) return null;
  return [src.edit(p.fitSite.file, value.start, close + 1, `[${held.join(', ')}]`)];
}

/** A call of one of tf.train's optimizer functions: `.adam(`, `.momentum(`, … */
const OPTIMIZER_CALL = /\.\s*(?:sgd|momentum|adam|adamax|adagrad|adadelta|rmsprop)\s*\(/;

function rateAtStartEdits(src: SourceText, p: Extract<FixPlan, { kind: 'rateAtStart' }>): EditResult {
  const call = findCall(src, p.site, OPTIMIZER_CALL);
  const first = call?.args[0];
  if (!first) return null;
  const text = src.text.slice(first.start, first.end);
  // A named schedule is called; a function written in place is wrapped first.
  const called = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/.test(text) ? `${text}(0)` : /=>|^function\b/.test(text) ? `(${text})(0)` : null;
  return called ? [src.edit(p.site.file, first.start, first.end, called)] : null;
}

function positionalRateEdits(src: SourceText, p: Extract<FixPlan, { kind: 'positionalRate' }>): EditResult {
  const call = findCall(src, p.site, OPTIMIZER_CALL);
  const obj = call && call.args.length === 1 ? objectArg(src, call, 0) : null;
  const rate = obj && obj.props.length === 1 && /^(?:learningRate|learning_rate|lr)$/.test(obj.props[0]!.key) ? obj.props[0]!.value : null;
  if (!obj || !rate) return null;
  return [src.edit(p.site.file, obj.open, obj.close + 1, src.text.slice(rate.start, rate.end))];
}

function cloneWeightsEdits(src: SourceText, p: Extract<FixPlan, { kind: 'cloneWeights' }>): EditResult {
  const call = findCall(src, p.site, /\.\s*getWeights\s*\(/);
  if (!call || call.args.length !== 0) return null;
  if (/^\s*\.\s*map\s*\(/.test(codeOnly(src.text, call.close + 1, Math.min(src.text.length, call.close + 40)))) return null;
  return [src.edit(p.site.file, call.close + 1, call.close + 1, '.map((w) => w.clone())')];
}

function parseFloatCellEdits(src: SourceText, p: Extract<FixPlan, { kind: 'parseFloatCell' }>): EditResult {
  const code = codeOnly(src.text, 0, src.text.length);
  const calls = [...code.matchAll(/(?<![\w$.])Number\s*\(\s*[A-Za-z_$][\w$.]*\s*\[[^\]\n]+\]\s*\)/g)];
  if (calls.length !== 1) return null;
  const at = calls[0]!.index!;
  return [src.edit(p.site.file, at, at + 'Number'.length, 'parseFloat')];
}

function applyMeanEdits(src: SourceText, p: Extract<FixPlan, { kind: 'applyMean' }>): EditResult {
  const call = findCall(src, p.site, /\.\s*applyGradients\s*\(/);
  if (!call || call.args.length !== 1) return null;
  const t = src.text;
  const arg = t.slice(call.args[0]!.start, call.args[0]!.end);
  const receiver = /([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*)\s*\.\s*applyGradients\s*$/.exec(codeOnly(t, src.lineStart(p.site.line), call.open));
  if (!receiver || !/^[A-Za-z_$][\w$]*$/.test(arg)) return null;
  const ns = /(?<![\w$.])([A-Za-z_$][\w$]*)\s*\.\s*(?:tidy|variableGrads|train)\b/.exec(codeOnly(t, 0, t.length))?.[1] ?? 'tf';
  const start = src.lineStart(p.site.line) + receiver.index;
  const mean = `${ns}.tidy(() => ${receiver[1]}.applyGradients(Object.fromEntries(Object.entries(${arg}).map(([name, g]) => [name, g.div(${p.by})]))))`;
  return [src.edit(p.site.file, start, call.close + 1, mean)];
}

function countAtLeastOneEdits(src: SourceText, p: Extract<FixPlan, { kind: 'countAtLeastOne' }>): EditResult {
  const d = divisorOf(src, p.site);
  if (!d) return null;
  const span = trim(src.text, d.start, d.end);
  const text = src.text.slice(span.start, span.end);
  // A name or a call chain ends where `.maximum(1)` can follow it; anything else is wrapped first.
  const paren = text.indexOf('(');
  const simple = /^[A-Za-z_$][\w$.]*$/.test(paren < 0 ? text : text.slice(0, paren)) && (paren < 0 || matchClose(text, paren) === text.length - 1);
  if (/\.maximum\s*\(/.test(text)) return null;
  return [src.edit(p.site.file, span.start, span.end, simple ? `${text}.maximum(1)` : `(${text}).maximum(1)`)];
}

function parseFractionsEdits(src: SourceText, p: Extract<FixPlan, { kind: 'parseFractions' }>): EditResult {
  const at = arrayWriteOffset(src, p.site);
  const row = at >= 0 ? writtenRow(src, at) : null;
  if (!row) return null;
  const code = codeOnly(src.text, row.start, row.end);
  const calls = [...code.matchAll(/\bparseInt\s*\(\s*([A-Za-z_$][\w$.\[\]]*)\s*(?:,\s*10\s*)?\)/g)];
  if (calls.length !== 1) return null;
  const m = calls[0]!;
  const start = row.start + m.index!;
  return [src.edit(p.site.file, start, start + m[0].length, `parseFloat(${m[1]})`)];
}

function nanAtParseEdits(src: SourceText, p: Extract<FixPlan, { kind: 'nanAtParse' }>): EditResult {
  const at = arrayWriteOffset(src, p.site);
  // The row pushed, or the one declaration of the name pushed, holds the parse.
  const row = at >= 0 ? writtenRow(src, at) : null;
  if (!row) return null;
  const t = src.text;
  const expr = t.slice(row.start, row.end);
  // An array parsed element by element: `.map(... parseFloat / Number ...)` ending the expression.
  if (!/\.\s*map\s*\(/.test(expr) || !/\b(?:parseFloat|parseInt|Number)\s*\(/.test(expr) || !expr.endsWith(')')) return null;
  return [src.edit(p.site.file, row.end, row.end, '.map((v) => (Number.isNaN(v) ? 0 : v))')];
}

/**
 * In the one statement that writes the targets' array (see arrayWriteSite), each number written
 * there as a literal equal to `from[i]` becomes `to[i]`: labels written as -1/1 become 0/1 where
 * they are computed. Null unless every value that changes appears exactly once in that statement.
 */
function relabelAtWriteEdits(src: SourceText, p: Extract<FixPlan, { kind: 'relabelAtWrite' }>): EditResult {
  const w = writtenStatement(src, p.site);
  if (!w) return null;
  const { at } = w;
  const mapped = affineRelabel(src, p, w);
  if (mapped) return mapped;
  const edits: TextEdit[] = [];
  for (let i = 0; i < p.from.length; i++) {
    if (p.from[i] === p.to[i]) continue;
    const literal = new RegExp(`(?<![\\w$.])${escapeRe(String(p.from[i]))}(?![\\w$.])`, 'g');
    const found = [...w.code.matchAll(literal)];
    if (found.length !== 1) return null;
    const start = at + found[0]!.index!;
    edits.push(src.edit(p.site.file, start, start + found[0]![0].length, String(p.to[i])));
  }
  return edits.length ? edits : null;
}

/**
 * Labels passed through as they are by one mapping in the statement (`classes.map((c) => [c])`):
 * the label becomes the line through the two pairs of values, `c * 2 - 1` for 0/1 to -1/1.
 */
function affineRelabel(src: SourceText, p: Extract<FixPlan, { kind: 'relabelAtWrite' }>, { at, code }: { at: number; code: string }): EditResult {
  if (p.from.length !== 2 || p.from[0] === p.from[1]) return null;
  const maps = [...code.matchAll(/\.\s*map\s*\(\s*\(?\s*([A-Za-z_$][\w$]*)\s*\)?\s*=>\s*(\[\s*)?([A-Za-z_$][\w$]*)\s*\]?\s*\)/g)];
  if (maps.length !== 1 || maps[0]![1] !== maps[0]![3]) return null;
  const m = maps[0]!;
  const scale = (p.to[1]! - p.to[0]!) / (p.from[1]! - p.from[0]!);
  const shift = p.to[0]! - scale * p.from[0]!;
  const name = m[3]!;
  const expr = `${scale === 1 ? name : `${name} * ${literal(scale)}`}${shift === 0 ? '' : shift < 0 ? ` - ${literal(-shift)}` : ` + ${literal(shift)}`}`;
  const start = at + m.index! + m[0].lastIndexOf(name);
  return [src.edit(p.site.file, start, start + name.length, expr)];
}

/** The scaled expression for `expr`, or null when it cannot be written safely. */
function scaledExpression(t: string, expr: string, exprStart: number, op: ScaleOp, inDeclaration: boolean): string | null {
  const simple = /^[A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*$/.test(expr);
  const paren = expr.indexOf('(');
  const callLike = !simple && /^[A-Za-z_$][\w$.\s]*\(/.test(expr) && matchClose(t, exprStart + paren) === exprStart + expr.length - 1;
  const base = simple || callLike ? expr : `(${expr})`;
  switch (op.type) {
    case 'div':
      return `${base}.div(${literal(op.by)})`;
    case 'mul':
      return `${base}.mul(${literal(op.by)}).round()`;
    case 'standardize':
      return `${base}.sub(${literal(op.mean)}).div(${literal(op.std)})`;
    case 'shift':
      return `${base}.${op.by < 0 ? 'sub' : 'add'}(${literal(Math.abs(op.by))})`;
    case 'binarize':
      return `${base}.greater(${literal(op.threshold)}).toFloat()`;
    case 'oneHot':
      return TF_BINDING.test(t) ? `tf.oneHot(${base}.flatten().toInt(), ${op.depth})` : null;
    case 'finite':
      if (!TF_BINDING.test(t)) return null;
      if (simple) return `tf.where(tf.isFinite(${expr}), ${expr}, tf.zerosLike(${expr}))`;
      return `tf.tidy(() => { const t = ${expr}; return tf.where(tf.isFinite(t), t, tf.zerosLike(t)); })`;
    case 'columns':
      // In a declaration the tensor has no name yet: standardize it inside tf.tidy.
      if (inDeclaration && TF_BINDING.test(t)) {
        return `tf.tidy(() => { const t = ${expr}; const { mean, variance } = tf.moments(t, 0); return t.sub(mean).div(variance.sqrt().add(1e-7)); })`;
      }
      if (!inDeclaration && simple) return `${expr}.sub(${expr}.mean(0)).div(${expr}.sub(${expr}.mean(0)).square().mean(0).sqrt().add(1e-7))`;
      return op.fallback ? `${base}.sub(${literal(op.fallback.mean)}).div(${literal(op.fallback.std)})` : null;
  }
}

function scaleEdits(src: SourceText, p: Extract<FixPlan, { kind: 'scale' }>): EditResult {
  const site = p.fitSite;
  if (!site) return null;
  const d = fitArgument(src, site, p.role);
  if (!d) return null;
  const t = src.text;
  // Prefer scaling where the tensor is built, so every later use of it sees the same scale.
  if (d.decl) {
    const expr = t.slice(d.decl.init.start, d.decl.init.end);
    const text = scaledExpression(t, expr, d.decl.init.start, p.op, true);
    if (text) return [src.edit(site.file, d.decl.init.start, d.decl.init.end, text)];
  }
  const expr = t.slice(d.arg.start, d.arg.end);
  if (/^[[{]/.test(expr)) return null;
  const text = scaledExpression(t, expr, d.arg.start, p.op, false);
  return text ? [src.edit(site.file, d.arg.start, d.arg.end, text)] : null;
}

function scaleMadeEdits(src: SourceText, p: Extract<FixPlan, { kind: 'scaleMade' }>): EditResult {
  const call = findCall(src, p.site, /\btensor(?:[1-6]d)?\s*\(/);
  if (!call) return null;
  const t = src.text;
  // The call with its namespace (`tf.tensor2d(...)`): the expression that is scaled.
  const callee = /(?:[A-Za-z_$][\w$]*\s*\.\s*)*tensor(?:[1-6]d)?\s*\($/.exec(t.slice(Math.max(0, call.open - 200), call.open + 1));
  if (!callee) return null;
  const start = call.open + 1 - callee[0].length;
  const text = scaledExpression(t, t.slice(start, call.close + 1), start, p.op, true);
  return text ? [src.edit(p.site.file, start, call.close + 1, text)] : null;
}

/** `<model>.add(<ns>.layers.…)` at the layer's site: a statement after it, written the same way. */
/**
 * `<model>.add(<ns>.layers.…)` starting the site's line: the call, and how a sibling statement is
 * written (indentation, model, namespace, semicolon).
 */
function sequentialAdd(src: SourceText, site: SourceSite): { call: Call; statement: (layerCall: string) => string } | null {
  const call = findCall(src, site, /\.add\s*\(/);
  if (!call || call.args.length !== 1) return null;
  const t = src.text;
  const head = /^(\s*)([A-Za-z_$][\w$]*)\.add\s*\($/.exec(t.slice(src.lineStart(site.line), call.open + 1));
  const ns = /^([A-Za-z_$][\w$]*)\.layers\./.exec(t.slice(call.args[0]!.start, call.args[0]!.end));
  if (!head || !ns) return null;
  const semi = t[call.close + 1] === ';' ? ';' : '';
  return { call, statement: (layerCall) => `${head[1]}${head[2]}.add(${ns[1]}.layers.${layerCall})${semi}` };
}

function classCountPlusOneEdits(src: SourceText, p: Extract<FixPlan, { kind: 'classCountPlusOne' }>): EditResult {
  const t = src.text;
  let written: Span | undefined;
  if (p.in === 'units') {
    const call = findCall(src, p.site, layerCallee(p.className ?? 'dense'));
    written = (call ? objectArg(src, call) : null)?.props.find((x) => x.key === 'units')?.value ?? undefined;
  } else {
    written = findCall(src, p.site, /\boneHot\s*\(/)?.args[1];
  }
  const name = written ? t.slice(written.start, written.end) : '';
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) return null;
  const start = singleDeclaration(t, name)?.init;
  if (start === undefined) return null;
  const max = /^Math\s*\.\s*max\s*\(/.exec(t.slice(start));
  if (!max) return null;
  const close = matchClose(t, start + max[0].length - 1);
  if (close < 0 || statementEnd(t, start) !== close + 1) return null;
  return [src.edit(p.site.file, close + 1, close + 1, ' + 1')];
}

/** The lines `[start, end)` holding only the `model.add(...)` statement at the site (its line break included). */
function wholeAddStatement(src: SourceText, site: SourceSite): Span | null {
  const add = sequentialAdd(src, site);
  if (!add) return null;
  const t = src.text;
  let end = add.call.close + 1;
  if (t[end] === ';') end++;
  const { line } = src.position(end);
  if (t.slice(end, src.lineEnd(line)).trim() !== '') return null;
  const next = src.lineStart(line + 1);
  return { start: src.lineStart(site.line), end: next < 0 ? t.length : next };
}

function moveLayerBeforeEdits(src: SourceText, p: Extract<FixPlan, { kind: 'moveLayerBefore' }>): EditResult {
  const from = p.layer.site;
  const to = p.before.site;
  if (!from || !to || from.file !== to.file || to.line >= from.line) return null;
  const moved = wholeAddStatement(src, from);
  const target = wholeAddStatement(src, to);
  if (!moved || !target || !src.text.slice(moved.start, moved.end).endsWith('\n')) return null;
  const t = src.text;
  let movedText = t.slice(moved.start, moved.end);
  const edits: TextEdit[] = [];
  // The model's first layer gives its input shape away: the layer moved in front of it takes it.
  const targetCall = findCall(src, to, layerCallee(p.before.className));
  const targetObj = targetCall ? objectArg(src, targetCall) : null;
  const i = targetObj?.props.findIndex((x) => x.key === 'inputShape' || x.key === 'batchInputShape') ?? -1;
  if (targetObj && i >= 0 && !/\b(?:inputShape|batchInputShape)\b/.test(movedText)) {
    const prop = targetObj.props[i]!;
    if (!prop.value) return null;
    const next = targetObj.props[i + 1];
    const prev = targetObj.props[i - 1];
    if (next) edits.push(src.edit(to.file, prop.keySpan.start, next.keySpan.start, ''));
    else if (prev?.value) edits.push(src.edit(to.file, prev.value.end, prop.value.end, ''));
    else return null;
    const movedCall = findCall(src, from, layerCallee(p.layer.className));
    const movedObj = movedCall ? objectArg(src, movedCall) : null;
    if (!movedObj) return null;
    const entry = prependProp(src, from.file, movedObj, t.slice(prop.keySpan.start, prop.value.end));
    const at = src.offset(entry.startLine, entry.startColumn) - moved.start;
    movedText = movedText.slice(0, at) + entry.newText + movedText.slice(at);
  }
  return [src.edit(from.file, target.start, target.start, movedText), ...edits, src.edit(from.file, moved.start, moved.end, '')];
}

function addLayerEdits(src: SourceText, p: Extract<FixPlan, { kind: 'addLayer' }>): EditResult {
  const site = p.after.site;
  const add = site ? sequentialAdd(src, site) : null;
  if (!site || !add) return null;
  const t = src.text;
  // The statement ends at the call's closing bracket and an optional semicolon; nothing else may follow on its line.
  let end = add.call.close + 1;
  if (t[end] === ';') end++;
  const { line } = src.position(end);
  if (t.slice(end, src.lineEnd(line)).trim() !== '') return null;
  const eol = t[src.lineEnd(line)] === '\r' ? '\r\n' : '\n';
  const at = src.lineEnd(line);
  return [src.edit(site.file, at, at, `${eol}${add.statement(p.layerCall)}`)];
}

const RATE_ASSIGNMENT = /([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*|\[[^\]\n]*\]|\(\s*\))*)\s*\.\s*learningRate\s*([-+*/]?)=(?!=)/;

function setLearningRateEdits(src: SourceText, p: Extract<FixPlan, { kind: 'setLearningRate' }>): EditResult {
  const t = src.text;
  const lineStart = src.lineStart(p.site.line);
  if (lineStart < 0) return null;
  const m = RATE_ASSIGNMENT.exec(t.slice(lineStart, src.lineEnd(p.site.line)));
  if (!m) return null;
  const start = lineStart + m.index;
  const valueStart = start + m[0].length;
  const end = statementEnd(t, valueStart);
  const value = t.slice(valueStart, end).trim();
  if (!value) return null;
  const target = m[1]!;
  const next = m[2] ? `${target}.learningRate ${m[2]} ${/^[\w$.]+$/.test(value) ? value : `(${value})`}` : value;
  return [src.edit(p.site.file, start, end, `${target}.setLearningRate(${next})`)];
}

function startRateAtEdits(src: SourceText, p: Extract<FixPlan, { kind: 'startRateAt' }>): EditResult {
  const t = src.text;
  const decl = rateDeclaration(src, p.site);
  if (!decl) return null;
  const init = trim(t, decl.init, statementEnd(t, decl.init));
  if (!/^0(?:\.0*)?$/.test(t.slice(init.start, init.end))) return null;
  return [src.edit(p.site.file, init.start, init.end, literal(p.to))];
}

function advanceCounterEdits(src: SourceText, p: Extract<FixPlan, { kind: 'advanceCounter' }>): EditResult {
  const t = src.text;
  const lineStart = src.lineStart(p.site.line);
  if (lineStart < 0) return null;
  const lineEnd = src.lineEnd(p.site.line);
  const m = RATE_ASSIGNMENT.exec(t.slice(lineStart, lineEnd));
  if (!m || m[2]) return null;
  const valueStart = lineStart + m.index + m[0].length;
  const end = statementEnd(t, valueStart);
  // The statement must end on the site's line, so the increment can follow it there.
  if (end > lineEnd || !/;\s*$/.test(codeOnly(t, lineStart, lineEnd))) return null;
  const code = codeOnly(t, 0, t.length);
  const names = new Set([...code.slice(valueStart, end).matchAll(/(?<![\w$.])[A-Za-z_$][\w$]*/g)].map((x) => x[0]));
  const counters = [...names].filter((name) => {
    const decl = singleDeclaration(t, name);
    if (!decl || !/^let\b/.test(t.slice(decl.at))) return false;
    const init = trim(t, decl.init, statementEnd(t, decl.init));
    if (t.slice(init.start, init.end) !== '0') return false;
    const n = escapeRe(name);
    const written = new RegExp(`(?:\\+\\+|--)\\s*${n}(?![\\w$])|(?<![\\w$.])${n}\\s*(?:\\+\\+|--|[-+*/%]?=(?!=))`);
    return !written.test(code.slice(0, decl.at) + code.slice(decl.init));
  });
  if (counters.length !== 1) return null;
  const indent = /^[ \t]*/.exec(t.slice(lineStart))![0];
  return [src.edit(p.site.file, lineEnd, lineEnd, `\n${indent}${counters[0]}++;`)];
}

/** The value expression of the rate set at the site (`x.learningRate = <v>`, trimmed; `setLearningRate(<v>)`, the argument as written), or null. */
function rateValueSpan(src: SourceText, site: SourceSite): Span | null {
  const t = src.text;
  const call = findCall(src, site, /\bsetLearningRate\s*\(/);
  if (call) return call.args.length === 1 ? call.args[0]! : null;
  const lineStart = src.lineStart(site.line);
  const m = lineStart >= 0 ? RATE_ASSIGNMENT.exec(t.slice(lineStart, src.lineEnd(site.line))) : null;
  if (!m || m[2]) return null;
  const valueStart = lineStart + m.index + m[0].length;
  return trim(t, valueStart, statementEnd(t, valueStart));
}

function quantileFractionEdits(src: SourceText, p: Extract<FixPlan, { kind: 'quantileFraction' }>): EditResult {
  const t = src.text;
  const lineStart = src.lineStart(p.site.line);
  if (lineStart < 0) return null;
  const code = src.lineCode(p.site.line);
  const names = new Set([...code.matchAll(/\bmul\s*\(\s*([A-Za-z_$][\w$]*)/g)].map((m) => m[1]!));
  const found = [...names].map((n) => declaredValue(t, n)).filter((init): init is Span => init !== null && t.slice(init.start, init.end) === String(p.tau));
  if (found.length !== 1) return null;
  const init = found[0]!;
  return [src.edit(p.site.file, init.start, init.end, literal(p.tau / 100))];
}

function warmupWithinRunEdits(src: SourceText, p: Extract<FixPlan, { kind: 'warmupWithinRun' }>): EditResult {
  const t = src.text;
  const value = rateValueSpan(src, p.site);
  if (!value) return null;
  const m = /Math\s*\.\s*min\s*\(\s*1\s*,[^;]*?\/\s*([A-Za-z_$][\w$]*)\s*\)/.exec(codeOnly(t, value.start, value.end));
  const init = m ? declaredValue(t, m[1]!) : null;
  if (!init) return null;
  const n = Number(t.slice(init.start, init.end));
  if (!/^\d+$/.test(t.slice(init.start, init.end)) || !(n >= p.over)) return null;
  return [src.edit(p.site.file, init.start, init.end, String(p.length))];
}

function scheduleByEpochEdits(src: SourceText, p: Extract<FixPlan, { kind: 'scheduleByEpoch' }>): EditResult {
  const t = src.text;
  const value = rateValueSpan(src, p.site);
  if (!value) return null;
  // The callback around: `onEpochBegin: async (epoch) =>` or `onEpochBegin(epoch) {`.
  const head = codeOnly(t, Math.max(0, value.start - 400), value.start);
  const param = [...head.matchAll(/onEpoch(?:Begin|End)\s*(?::\s*(?:async\s*)?(?:function\s*)?)?\(\s*([A-Za-z_$][\w$]*)/g)].pop()?.[1];
  if (!param) return null;
  const code = codeOnly(t, value.start, value.end);
  if (new RegExp(`(?<![\\w$.])${escapeRe(param)}(?![\\w$])`).test(code)) return null;
  const powers = [...code.matchAll(/Math\s*\.\s*pow\s*\([^,()]+,\s*([A-Za-z_$][\w$]*)\s*\)|\*\*\s*([A-Za-z_$][\w$]*)/g)];
  if (powers.length !== 1) return null;
  const name = (powers[0]![1] ?? powers[0]![2])!;
  const at = value.start + powers[0]!.index! + powers[0]![0].lastIndexOf(name);
  return [src.edit(p.site.file, at, at + name.length, param)];
}

/**
 * `const { xs, ys } = make(...)` (or `const xs = make(...)`) just before a fit in a loop that uses
 * them: the helper's intermediate tensors are freed by making them in tf.tidy, and the tensors fit
 * trained on are disposed after it.
 */
function tidyFitDataEdits(src: SourceText, p: Extract<FixPlan, { kind: 'tidyFitData' }>): EditResult {
  const t = src.text;
  const call = findCall(src, p.fitSite, /\bfit\s*\(/);
  if (!call || call.args.length < 2) return null;
  const names = call.args.slice(0, 2).map((a) => t.slice(a.start, a.end).trim());
  if (!names.every((n) => /^[A-Za-z_$][\w$]*$/.test(n))) return null;
  const before = codeOnly(t, 0, call.open);
  // One destructuring of both, or one declaration of each, made by a call that is not already tidied.
  const both = new RegExp(String.raw`\b(?:const|let)\s*\{\s*([^{}]*)\}\s*=\s*(?!tf\s*\.\s*tidy)([A-Za-z_$][\w$.]*\s*\()`, 'g');
  const edits: TextEdit[] = [];
  let matched: RegExpExecArray | null = null;
  for (let m = both.exec(before); m; m = both.exec(before)) {
    const keys = m[1]!.split(',').map((k) => k.trim().split(':').pop()!.trim());
    if (names.every((n) => keys.includes(n))) matched = m;
  }
  if (matched) {
    const start = matched.index + matched[0].length - matched[2]!.length;
    const end = statementEnd(t, start);
    edits.push(src.edit(p.fitSite.file, start, start, 'tf.tidy(() => '), src.edit(p.fitSite.file, end, end, ')'));
  } else return null;
  // After the statement that awaits the fit: its end, then the next line's indentation.
  const lineStart = t.lastIndexOf('\n', call.open) + 1;
  const stmtEnd = statementEnd(t, lineStart + /^[ \t]*/.exec(t.slice(lineStart))![0].length);
  const semi = t[stmtEnd] === ';' ? stmtEnd + 1 : stmtEnd;
  const indent = /^[ \t]*/.exec(t.slice(lineStart))![0];
  edits.push(src.edit(p.fitSite.file, semi, semi, `\n${indent}tf.dispose([${names.join(', ')}]);`));
  return edits;
}

/** The one `if (<line>.trim() === '') break;` (or `if (!line.trim()) break;`) in a loop over lines: a blank line ends the parse. */
function blankLineContinueEdits(src: SourceText, p: Extract<FixPlan, { kind: 'blankLineContinue' }>): EditResult {
  const code = codeOnly(src.text, 0, src.text.length);
  // Strings are blanked in the code: `=== ''` reads as `===` followed by spaces.
  const found = [...code.matchAll(/\bif\s*\(\s*(?:![\w$.]+\s*\.\s*trim\s*\(\s*\)|[\w$.]+\s*\.\s*trim\s*\(\s*\)\s*(?:===?(?=\s*\))|\.\s*length\s*===?\s*0)|[\w$.]+\s*===?(?=\s*\)))\s*\)\s*\{?\s*(break)\b/g)];
  // The comparison must be with an empty string in the source, not a blanked longer one.
  const empty = found.filter((m) => !/===?\s*(['"`])[^'"`]/.test(src.text.slice(m.index!, m.index! + m[0].length)));
  found.length = 0;
  found.push(...empty);
  if (found.length !== 1) return null;
  const m = found[0]!;
  const at = m.index! + m[0].length - 'break'.length;
  return [src.edit(p.file, at, at + 'break'.length, 'continue')];
}

/** `labels.push(1)` for a sampled negative (a line or its loop naming a negative), while the labels array never gets a 0. */
function negativesLabelledZeroEdits(src: SourceText, p: Extract<FixPlan, { kind: 'negativesLabelledZero' }>): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const pushes = [...code.matchAll(/\b([A-Za-z_$][\w$]*)\s*\.\s*push\s*\(\s*(1|\[\s*1\s*\])\s*\)/g)];
  const found: TextEdit[] = [];
  for (const m of pushes) {
    const name = m[1]!;
    if (new RegExp(String.raw`\b${escapeRe(name)}\s*\.\s*push\s*\(\s*\[?\s*0\s*\]?\s*\)`).test(code)) return null;
    if (pushes.filter((q) => q[1] === name).length < 2) continue;
    // The pushed line, and the two above it: where the negative is drawn.
    const lineStart = t.lastIndexOf('\n', m.index!) + 1;
    let from = lineStart;
    for (let k = 0; k < 2 && from > 0; k++) from = t.lastIndexOf('\n', from - 2) + 1;
    if (!/\bneg(?:ative)?s?\b|\bneg[A-Z_]|negative|unfollowed|unobserved|sampled/i.test(code.slice(from, m.index!))) continue;
    const at = m.index! + m[0].lastIndexOf(m[2]!);
    found.push(src.edit(p.file, at, at + m[2]!.length, m[2]!.replace('1', '0')));
  }
  return found.length === 1 ? found : null;
}

/** On the labels' line, a copy of the table standardized value by value (`scaled`, made as `table.map(... (v - mean) / std ...)`) compared with a threshold: the raw table. */
function labelsFromRawEdits(src: SourceText, p: Extract<FixPlan, { kind: 'labelsFromRaw' }>): EditResult {
  const t = src.text;
  const from = src.lineStart(p.site.line);
  if (from < 0) return null;
  let at = from;
  let code = src.lineCode(p.site.line);
  // The tensor made from a name (`tf.tensor2d(yRows)`): the labels are written where that name is declared.
  const arg = /\btensor[1-4]?d?\s*\(\s*([A-Za-z_$][\w$]*)\s*[,)]/.exec(code);
  if (arg && !/[<>]=?\s*[\w$.]+\s*\?/.test(code)) {
    const d = declarations(t, arg[1]!, from).pop();
    if (!d) return null;
    at = d.init;
    code = codeOnly(t, d.init, statementEnd(t, d.init));
  }
  const m = /\b([A-Za-z_$][\w$]*)\s*\.\s*map\s*\(/.exec(code);
  if (!m || !/[<>]=?\s*[\w$.]+\s*\?/.test(code)) return null;
  const decl = declarations(t, m[1]!, at).pop();
  if (!decl) return null;
  const init = codeOnly(t, decl.init, statementEnd(t, decl.init));
  const raw = /^\s*([A-Za-z_$][\w$]*)\s*\.\s*map\s*\(/.exec(init);
  if (!raw || !/-\s*mean/.test(init) || !/\/\s*(?:std|sd|sigma|scale)/.test(init)) return null;
  return [src.edit(p.site.file, at + m.index, at + m.index + m[1]!.length, raw[1]!)];
}

/** `exp(-s) * err - s` (or `tf.exp(s.neg()).mul(err).sub(s)`) on the loss line: the log-variance is added in a likelihood. */
function logVarianceSignEdits(src: SourceText, p: Extract<FixPlan, { kind: 'logVarianceSign' }>): EditResult {
  const from = src.lineStart(p.site.line);
  if (from < 0) return null;
  const code = src.lineCode(p.site.line);
  const exp = /exp\s*\(\s*(?:-\s*([A-Za-z_$][\w$]*)|([A-Za-z_$][\w$]*)\s*\.\s*neg\s*\(\s*\)|tf\s*\.\s*neg\s*\(\s*([A-Za-z_$][\w$]*)\s*\))\s*\)/.exec(code);
  if (!exp) return null;
  const name = (exp[1] ?? exp[2] ?? exp[3])!;
  const after = exp.index + exp[0].length;
  const sub = new RegExp(String.raw`\.\s*sub\s*\(\s*${escapeRe(name)}\s*\)|-\s*${escapeRe(name)}(?![\w$.(\[])`).exec(code.slice(after));
  if (!sub) return null;
  const at = from + after + sub.index;
  const text = sub[0].startsWith('.') ? sub[0].replace('sub', 'add') : `+ ${name}`;
  return [src.edit(p.site.file, at, at + sub[0].length, text)];
}

/** How far above the line that sets the pruned weights the mask may be made. */
const MASK_MADE_LINES_ABOVE = 4;

function pruneKeepLargeEdits(src: SourceText, p: Extract<FixPlan, { kind: 'pruneKeepLarge' }>): EditResult {
  const found: TextEdit[] = [];
  for (const { start, code } of src.codeLinesUpTo(p.site.line, MASK_MADE_LINES_ABOVE)) {
    for (const m of code.matchAll(/\babs\s*\([^()]*\)\s*\.\s*(lessEqual|less)\s*\(/g)) {
      const at = start + m.index! + m[0].lastIndexOf(m[1]!);
      found.push(src.edit(p.site.file, at, at + m[1]!.length, m[1] === 'less' ? 'greaterEqual' : 'greater'));
    }
  }
  return found.length === 1 ? found : null;
}

function resolvableStepEdits(src: SourceText, p: Extract<FixPlan, { kind: 'resolvableStep' }>): EditResult {
  const t = src.text;
  const names = new Set([...src.lineCode(p.site.line).matchAll(/\.\s*(?:add|sub)\s*\(\s*([A-Za-z_$][\w$]*)\s*\)/g)].map((m) => m[1]!));
  const found: TextEdit[] = [];
  for (const name of names) {
    const decl = singleDeclaration(t, name);
    if (!decl) continue;
    const init = trim(t, decl.init, statementEnd(t, decl.init));
    const value = Number(t.slice(init.start, init.end));
    if (Number.isFinite(value) && value > 0 && value < 1e-4) found.push(src.edit(p.site.file, init.start, init.end, '1e-3'));
  }
  return found.length === 1 ? found : null;
}

function swapWhereBranchesEdits(src: SourceText, p: Extract<FixPlan, { kind: 'swapWhereBranches' }>): EditResult {
  const wheres = [...src.lineCode(p.site.line).matchAll(/\btf\s*\.\s*where\s*\(/g)];
  if (wheres.length !== 1) return null;
  const call = findCall(src, p.site, /\btf\s*\.\s*where\s*\(/);
  if (!call || call.args.length !== 3) return null;
  const [, a, b] = call.args as [Span, Span, Span];
  const t = src.text;
  return [src.edit(p.site.file, a.start, b.end, `${t.slice(b.start, b.end)}, ${t.slice(a.start, a.end)}`)];
}

function absBeforeSumEdits(src: SourceText, p: Extract<FixPlan, { kind: 'absBeforeSum' }>): EditResult {
  const t = src.text;
  const start = src.lineStart(p.site.line);
  if (start < 0) return null;
  const found: TextEdit[] = [];
  for (const m of src.lineCode(p.site.line).matchAll(/\btf\s*\.\s*abs\s*\(/g)) {
    const open = start + m.index! + m[0].length - 1;
    const close = matchClose(t, open);
    if (close < 0) continue;
    const inner = t.slice(open + 1, close).trim();
    // tf.abs(tf.sum(e)) and tf.abs(tf.mean(e)): one reduction call around the whole argument.
    const call = /^tf\s*\.\s*(sum|mean)\s*\(/.exec(inner);
    if (call && matchClose(inner, call[0].length - 1) === inner.length - 1) {
      const args = splitTopLevel(inner, call[0].length, inner.length - 1).map((s) => inner.slice(s.start, s.end).trim());
      if (args.length === 1) found.push(src.edit(p.site.file, start + m.index!, close + 1, `tf.${call[1]}(tf.abs(${args[0]}))`));
      continue;
    }
    // tf.abs(e.sum()) and tf.abs(e.mean()).
    const method = /\.\s*(sum|mean)\s*\(\s*\)$/.exec(inner);
    if (method) found.push(src.edit(p.site.file, start + m.index!, close + 1, `tf.abs(${inner.slice(0, method.index)}).${method[1]}()`));
  }
  return found.length === 1 ? found : null;
}

function logDetSignEdits(src: SourceText, p: Extract<FixPlan, { kind: 'logDetSign' }>): EditResult {
  const start = src.lineStart(p.site.line);
  if (start < 0) return null;
  const name = String.raw`[A-Za-z_$][\w$]*(?:log_?det|logabsdet|ldj)[\w$]*|(?:log_?det|logabsdet|ldj)[\w$]*`;
  const added = [...src.lineCode(p.site.line).matchAll(new RegExp(String.raw`\.\s*add\s*\(\s*(?:${name})\s*\)|\+\s*(?:${name})(?![\w$.(\[])`, 'gi'))];
  if (added.length !== 1) return null;
  const m = added[0]!;
  const at = start + m.index!;
  const text = m[0].startsWith('.') ? m[0].replace(/add/, 'sub') : m[0].replace('+', '-');
  return [src.edit(p.site.file, at, at + m[0].length, text)];
}

/** A weight `1 - a / b` multiplying a term on the loss line: Math.min(1, a / b) where it is declared. */
function annealRisingEdits(src: SourceText, p: Extract<FixPlan, { kind: 'annealRising' }>): EditResult {
  const t = src.text;
  const from = src.lineStart(p.site.line);
  if (from < 0) return null;
  const code = src.lineCode(p.site.line);
  for (const m of code.matchAll(/\.\s*mul\s*\(\s*([A-Za-z_$][\w$]*)\s*\)|\*\s*([A-Za-z_$][\w$]*)(?![\w$.(\[])/g)) {
    const name = (m[1] ?? m[2])!;
    const decl = declarations(t, name, from).pop();
    if (!decl) continue;
    const init = trim(t, decl.init, statementEnd(t, decl.init));
    const ratio = /^1(?:\.0*)?\s*-\s*\(?\s*([\w$.]+\s*\/\s*[\w$.]+)\s*\)?$/.exec(t.slice(init.start, init.end));
    if (!ratio) continue;
    return [src.edit(p.site.file, init.start, init.end, `Math.min(1, ${ratio[1]})`)];
  }
  return null;
}

function addSubtractedEdits(src: SourceText, p: Extract<FixPlan, { kind: 'addSubtracted' }>): EditResult {
  const t = src.text;
  const call = findCall(src, p.site, /\bsub\s*\(/);
  if (!call) return null;
  const lineStart = src.lineStart(p.site.line);
  const head = codeOnly(t, lineStart, call.open);
  // The whole statement is the difference: `return recon.sub(kl);`, `const loss = tf.sub(nll, kl);`.
  const m = /^\s*(?:return\s+|(?:const|let|var)\s+[A-Za-z_$][\w$]*\s*=\s*)(?:tf\s*\.\s*|[A-Za-z_$][\w$.]*\s*\.\s*)sub\s*$/.exec(head);
  if (!m || (/\btf\s*\.\s*sub\s*$/.test(head) && call.args.length !== 2)) return null;
  if (!/^\s*;?\s*(?:\/\/.*)?$/.test(t.slice(call.close + 1, src.lineEnd(p.site.line)))) return null;
  const at = lineStart + head.lastIndexOf('sub');
  return [src.edit(p.site.file, at, at + 3, 'add')];
}

function euclideanDistanceEdits(src: SourceText, p: Extract<FixPlan, { kind: 'euclideanDistance' }>): EditResult {
  const t = src.text;
  const call = findCall(src, p.site, /\bsum\s*\(/);
  if (!call) return null;
  const head = codeOnly(t, src.lineStart(p.site.line), call.open);
  // `tf.sum(tf.sub(a, b), axis)`
  if (/\btf\s*\.\s*sum\s*$/.test(head)) {
    const [diff, axis] = call.args;
    if (!diff || !axis || call.args.length !== 2 || !/^\s*tf\s*\.\s*sub\s*\(/.test(t.slice(diff.start, diff.end))) return null;
    const start = head.lastIndexOf('tf') + src.lineStart(p.site.line);
    const d = t.slice(diff.start, diff.end).trim();
    const a = t.slice(axis.start, axis.end).trim();
    return [src.edit(p.site.file, start, call.close + 1, `tf.sqrt(tf.add(tf.sum(tf.square(${d}), ${a}), 1e-6))`)];
  }
  // `a.sub(b).sum(axis)`
  const method = /\.\s*sub\s*\([^()]*\)\s*\.\s*sum\s*$/.exec(head);
  if (!method) return null;
  const sumAt = src.lineStart(p.site.line) + head.lastIndexOf('sum');
  return [
    src.edit(p.site.file, sumAt, sumAt, 'square().'),
    src.edit(p.site.file, call.close + 1, call.close + 1, '.add(1e-6).sqrt()'),
  ];
}

function indicatorNotShareEdits(src: SourceText, p: Extract<FixPlan, { kind: 'indicatorNotShare' }>): EditResult {
  const t = src.text;
  const at = arrayWriteOffset(src, p.site);
  if (at < 0) return null;
  const end = statementEnd(t, at);
  const shares = [...codeOnly(t, at, end).matchAll(/\?\s*(1\s*\/\s*[A-Za-z_$][\w$.]*)\s*:/g)];
  if (shares.length !== 1) return null;
  const m = shares[0]!;
  const start = at + m.index! + m[0].indexOf(m[1]!);
  return [src.edit(p.site.file, start, start + m[1]!.length, '1')];
}

function transposeMadeEdits(src: SourceText, p: Extract<FixPlan, { kind: 'transposeMade' }>): EditResult {
  const t = src.text;
  const call = findCall(src, p.site, /\btensor2d\s*\(/);
  const shape = call?.args[1];
  if (!call || !shape || call.args.length !== 2 || t[shape.start] !== '[') return null;
  const close = matchClose(t, shape.start);
  const dims = close > 0 ? splitTopLevel(t, shape.start + 1, close) : [];
  if (dims.length !== 2) return null;
  const [a, b] = dims as [Span, Span];
  return [
    src.edit(p.site.file, a.start, a.end, t.slice(b.start, b.end)),
    src.edit(p.site.file, b.start, b.end, t.slice(a.start, a.end)),
    src.edit(p.site.file, call.close + 1, call.close + 1, '.transpose()'),
  ];
}

function returnComputedEdits(src: SourceText, p: Extract<FixPlan, { kind: 'returnComputed' }>): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const cls = new RegExp(`\\bclass\\s+${escapeRe(p.className)}\\b[^{]*\\{`).exec(code);
  if (!cls) return null;
  const classOpen = cls.index + cls[0].length - 1;
  const classClose = matchClose(t, classOpen);
  const call = classClose > 0 ? /^[ \t]*call\s*\([^()]*\)\s*\{/m.exec(code.slice(classOpen, classClose)) : null;
  if (!call) return null;
  const callOpen = classOpen + call.index + call[0].length - 1;
  const callClose = matchClose(t, callOpen);
  if (callClose < 0) return null;
  const body = code.slice(callOpen, callClose);
  const returns = [...body.matchAll(/\breturn\s+([A-Za-z_$][\w$]*)\s*;/g)];
  if (returns.length !== 1) return null;
  const ret = returns[0]!;
  // The values declared before the return and never read after their declaration: what call() meant to return.
  const unread = [...body.slice(0, ret.index).matchAll(/\bconst\s+([A-Za-z_$][\w$]*)\s*=/g)].filter(
    (d) => !new RegExp(`(?<![\\w$.])${escapeRe(d[1]!)}(?![\\w$])`).test(body.slice(d.index! + d[0].length)),
  );
  if (unread.length !== 1 || unread[0]![1] === ret[1]) return null;
  const at = callOpen + ret.index! + ret[0].lastIndexOf(ret[1]!);
  return [src.edit(p.site.file, at, at + ret[1]!.length, unread[0]![1]!)];
}

function sublayersInBuildEdits(src: SourceText, p: Extract<FixPlan, { kind: 'sublayersInBuild' }>): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const at = src.lineStart(p.site.line);
  if (at < 0) return null;
  // The call() method around the site, and the class around it.
  const calls = [...code.matchAll(/^[ \t]*call\s*\([^()]*\)\s*\{/gm)].filter((m) => {
    const open = m.index! + m[0].length - 1;
    const close = matchClose(t, open);
    return open < at && close > at;
  });
  if (calls.length !== 1) return null;
  const callOpen = calls[0]!.index! + calls[0]![0].length - 1;
  const callClose = matchClose(t, callOpen);
  const classOpen = enclosingBrace(t, calls[0]!.index!);
  const classClose = classOpen >= 0 ? matchClose(t, classOpen) : -1;
  if (classClose < 0) return null;
  const made = [...code.slice(callOpen, callClose).matchAll(/^([ \t]*)const\s+([A-Za-z_$][\w$]*)\s*=\s*(tf\s*\.\s*layers\s*\.\s*[A-Za-z]+\s*\()/gm)];
  if (made.length === 0) return null;
  const names: string[] = [];
  const creations: string[] = [];
  const edits: TextEdit[] = [];
  for (const m of made) {
    const lineStart = callOpen + m.index!;
    const open = lineStart + m[0].length - 1;
    const close = matchClose(t, open);
    if (close < 0) return null;
    let end = close + 1;
    if (t[end] === ';') end++;
    // The declaration must be alone on its lines.
    if (!/^[ \t]*(?:\/\/[^\n]*)?(?:\n|$)/.test(t.slice(end))) return null;
    names.push(m[2]!);
    creations.push(t.slice(lineStart + m[0].length - m[3]!.length, close + 1));
    const lineEnd = t.indexOf('\n', end);
    edits.push(src.edit(p.site.file, lineStart, lineEnd < 0 ? t.length : lineEnd + 1, ''));
  }
  // Uses in call() become this.<name>.
  const body = code.slice(callOpen, callClose);
  for (const name of names) {
    for (const u of body.matchAll(new RegExp(`(?<![\\w$.])${escapeRe(name)}(?=\\s*\\.)`, 'g'))) {
      const pos = callOpen + u.index!;
      if (edits.some((e) => { const s = src.offset(e.startLine, e.startColumn); const en = src.offset(e.endLine, e.endColumn); return pos >= s && pos < en; })) continue;
      edits.push(src.edit(p.site.file, pos, pos, 'this.'));
    }
  }
  // Made once in build(inputShape): an existing build, or one added before call().
  const builds = [...code.slice(classOpen, classClose).matchAll(/^([ \t]*)build\s*\(\s*([A-Za-z_$][\w$]*)?\s*\)\s*\{[ \t]*\n/gm)];
  if (builds.length > 1) return null;
  const members = names.map((n) => `this.${n}`);
  const lines = (indent: string, shape: string) => [
    ...names.map((n, i) => `${indent}this.${n} = ${creations[i]};`),
    `${indent}[${members.join(', ')}].forEach((layer) => layer.build(${shape}));`,
    `${indent}this.trainableWeights = [${members.map((m) => `...${m}.trainableWeights`).join(', ')}];`,
  ];
  const callIndent = /^[ \t]*/.exec(t.slice(src.lineStart(src.position(calls[0]!.index! + (calls[0]![0].length - calls[0]![0].trimStart().length)).line)))![0];
  if (builds.length === 1) {
    const b = builds[0]!;
    if (!b[2]) return null;
    const insertAt = classOpen + b.index! + b[0].length;
    edits.push(src.edit(p.site.file, insertAt, insertAt, lines(`${b[1]}  `, b[2]).join('\n') + '\n'));
  } else {
    const callLine = src.lineStart(src.position(calls[0]!.index! + calls[0]![0].indexOf('call')).line);
    const block = [`${callIndent}build(inputShape) {`, ...lines(`${callIndent}  `, 'inputShape'), `${callIndent}  this.built = true;`, `${callIndent}}`, ''].join('\n');
    edits.push(src.edit(p.site.file, callLine, callLine, `${block}\n`));
  }
  return edits;
}

function drawFromAllRowsEdits(src: SourceText, p: Extract<FixPlan, { kind: 'drawFromAllRows' }>): EditResult {
  const t = src.text;
  if (p.gatherSite.file !== p.site.file) return null;
  // The gathered tensor: `xs.gather(` or `tf.gather(xs,` on the gather's line.
  const gatherLine = src.lineCode(p.gatherSite.line);
  const source = /([A-Za-z_$][\w$]*)\s*\.\s*gather\s*\(/.exec(gatherLine)?.[1] ?? /\btf\s*\.\s*gather\s*\(\s*([A-Za-z_$][\w$]*)\s*,/.exec(gatherLine)?.[1];
  if (!source || source === 'tf') return null;
  const lineStart = src.lineStart(p.site.line);
  const end = statementEnd(t, lineStart + /^\s*/.exec(t.slice(lineStart))![0].length);
  const code = codeOnly(t, lineStart, end);
  const isBound = (text: string): boolean => {
    if (/^\d+$/.test(text)) return Number(text) === p.bound;
    const init = /^[A-Za-z_$][\w$]*$/.test(text) ? declaredValue(t, text) : null;
    return init !== null && t.slice(init.start, init.end) === String(p.bound);
  };
  const draws = [...code.matchAll(/\(\s*0\s*,\s*([A-Za-z_$][\w$]*|\d+)\s*\)|Math\s*\.\s*random\s*\(\s*\)\s*\*\s*([A-Za-z_$][\w$]*|\d+)/g)].filter((m) => isBound((m[1] ?? m[2])!));
  if (draws.length !== 1) return null;
  const m = draws[0]!;
  const text = (m[1] ?? m[2])!;
  const at = lineStart + m.index! + m[0].lastIndexOf(text);
  return [src.edit(p.site.file, at, at + text.length, `${source}.shape[0]`)];
}

function oppositeLabelsEdits(src: SourceText, p: Extract<FixPlan, { kind: 'oppositeLabels' }>): EditResult {
  const t = src.text;
  const call = findCall(src, p.site, /\blosses\s*\.\s*[A-Za-z]+\s*\(/);
  const [labels, predictions] = call?.args ?? [];
  if (!call || !labels || !predictions) return null;
  const pred = trim(t, predictions.start, predictions.end);
  const text = t.slice(pred.start, pred.end);
  if (!/^[\w$.]+$/.test(text)) return null;
  const span = trim(t, labels.start, labels.end);
  return [src.edit(p.site.file, span.start, span.end, `tf.${p.to === 1 ? 'onesLike' : 'zerosLike'}(${text})`)];
}

function scaleSoftmaxInputEdits(src: SourceText, p: Extract<FixPlan, { kind: 'scaleSoftmaxInput' }>): EditResult {
  const t = src.text;
  const call = findCall(src, p.site, /\btf\s*\.\s*softmax\s*\(/);
  const x = call?.args[0];
  if (!call || !x || call.args.length > 2) return null;
  const text = t.slice(x.start, x.end).trim();
  const operand = /^[\w$.]+(?:\([^()]*\))?$/.test(text) ? text : `(${text})`;
  const span = trim(t, x.start, x.end);
  return [src.edit(p.site.file, span.start, span.end, `${operand}.mul(${literal(p.by)})`)];
}

function swapSubOperandsEdits(src: SourceText, p: Extract<FixPlan, { kind: 'swapSubOperands' }>): EditResult {
  const t = src.text;
  const lineStart = src.lineStart(p.site.line);
  if (lineStart < 0) return null;
  const code = src.lineCode(p.site.line);
  const subs = [...code.matchAll(/\bsub\s*\(/g)];
  if (subs.length !== 1) return null;
  const open = lineStart + subs[0]!.index! + subs[0]![0].length - 1;
  const close = matchClose(t, open);
  if (close < 0) return null;
  const args = splitTopLevel(t, open + 1, close).map((s) => trim(t, s.start, s.end));
  const text = (s: Span) => t.slice(s.start, s.end);
  const before = code.slice(0, subs[0]!.index!);
  // tf.sub(a, b): the two arguments change places.
  if (/\btf\s*\.\s*$/.test(before) && args.length === 2) return [src.edit(p.site.file, args[0]!.start, args[1]!.end, `${text(args[1]!)}, ${text(args[0]!)}`)];
  // a.sub(b): a plain name or member chain as the receiver.
  const receiver = /([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*)\s*\.\s*$/.exec(before);
  if (!receiver || args.length !== 1 || !/^[\w$.]+$/.test(text(args[0]!))) return null;
  const start = lineStart + receiver.index;
  return [src.edit(p.site.file, start, close + 1, `${text(args[0]!)}.sub(${receiver[1]})`)];
}

function dropSeedArgEdits(src: SourceText, p: Extract<FixPlan, { kind: 'dropSeedArg' }>): EditResult {
  const t = src.text;
  const draw = findCall(src, p.site, /\btf\s*\.\s*(?:randomNormal|randomUniform|truncatedNormal)\s*\(/);
  // A noise draw: the seed is its fifth argument, after the dtype.
  if (draw) return draw.args.length === 5 ? [src.edit(p.site.file, draw.args[3]!.end, draw.args[4]!.end, '')] : null;
  const call = findCall(src, p.site, /\btf\s*\.\s*dropout\s*\(/);
  if (!call || call.args.length !== 4) return null;
  const noiseShape = t.slice(call.args[2]!.start, call.args[2]!.end);
  // Keep a noise shape given; an undefined one goes with the seed.
  const last = noiseShape === 'undefined' || noiseShape === 'null' ? call.args[1]! : call.args[2]!;
  return [src.edit(p.site.file, last.end, call.args[3]!.end, '')];
}

function weightedMeanEdits(src: SourceText, p: Extract<FixPlan, { kind: 'weightedMean' }>): EditResult {
  const t = src.text;
  const lineStart = src.lineStart(p.site.line);
  if (lineStart < 0) return null;
  const code = src.lineCode(p.site.line);
  const means = [...code.matchAll(/\btf\s*\.\s*mean\s*\(/g)];
  if (means.length !== 1) return null;
  const open = lineStart + means[0]!.index! + means[0]![0].length - 1;
  const close = matchClose(t, open);
  if (close < 0) return null;
  const args = splitTopLevel(t, open + 1, close);
  if (args.length !== 1) return null;
  const arg = t.slice(args[0]!.start, args[0]!.end);
  let a: string | undefined;
  let b: string | undefined;
  const method = /^([\w$.]+)\s*\.\s*mul\s*\(([\s\S]*)\)$/.exec(arg);
  const fn = /^tf\s*\.\s*mul\s*\(([\s\S]*)\)$/.exec(arg);
  if (method && !fn) {
    [a, b] = [method[1], method[2]];
  } else if (fn) {
    const inner = fn[1]!;
    const start = args[0]!.start + arg.indexOf(inner);
    const parts = splitTopLevel(t, start, start + inner.length);
    if (parts.length !== 2) return null;
    [a, b] = parts.map((s) => t.slice(s.start, s.end));
  }
  const weights = (p.operand === 'a' ? a : b)?.trim();
  if (!weights || !/^[\w$.]+$/.test(weights)) return null;
  return [src.edit(p.site.file, lineStart + means[0]!.index!, close + 1, `tf.sum(${arg}).div(tf.sum(${weights}))`)];
}

function diagonalLabelsEdits(src: SourceText, p: Extract<FixPlan, { kind: 'diagonalLabels' }>): EditResult {
  const t = src.text;
  const call = findCall(src, p.site, /\btf\s*\.\s*zeros\s*\(/);
  if (!call || call.args.length < 1 || call.args.length > 2) return null;
  const shape = t.slice(call.args[0]!.start, call.args[0]!.end);
  const rows = /^\[\s*([^,\]]+?)\s*\]$/.exec(shape)?.[1];
  const dtype = call.args[1] ? t.slice(call.args[1].start, call.args[1].end) : "'int32'";
  if (!rows || !/^(['"])int32\1$/.test(dtype)) return null;
  const callee = /tf\s*\.\s*zeros\s*$/.exec(t.slice(src.lineStart(p.site.line), call.open));
  if (!callee) return null;
  return [src.edit(p.site.file, src.lineStart(p.site.line) + callee.index, call.close + 1, `tf.range(0, ${rows}, 1, ${dtype})`)];
}

function rateFloorEdits(src: SourceText, p: Extract<FixPlan, { kind: 'rateFloor' }>): EditResult {
  const t = src.text;
  const value = rateValueSpan(src, p.site);
  if (!value || value.end <= value.start) return null;
  return [src.edit(p.site.file, value.start, value.end, `Math.max(${t.slice(value.start, value.end)}, ${literal(p.floor)})`)];
}

function rateValueEdits(src: SourceText, p: Extract<FixPlan, { kind: 'rateValue' }>): EditResult {
  const value = rateValueSpan(src, p.site);
  return value && NUMBER.test(src.text.slice(value.start, value.end)) ? [src.edit(p.site.file, value.start, value.end, literal(p.to))] : null;
}

function regularizerFactorEdits(src: SourceText, p: Extract<FixPlan, { kind: 'regularizerFactor' }>): EditResult {
  const site = p.layer.site;
  if (!site) return null;
  const call = findCall(src, site, layerCallee(p.layer.className));
  const obj = call ? objectArg(src, call) : null;
  const value = obj?.props.find((x) => x.key === p.key)?.value;
  if (!value) return null;
  const text = src.text.slice(value.start, value.end);
  const edits: TextEdit[] = [];
  for (const m of text.matchAll(/\b(l1|l2)\s*:\s*([0-9.eE+-]+)/g)) {
    if (!NUMBER.test(m[2]!) || !(Number(m[2]) > p.to)) continue;
    const start = value.start + m.index! + m[0].length - m[2]!.length;
    edits.push(src.edit(site.file, start, start + m[2]!.length, literal(p.to)));
  }
  return edits.length ? edits : null;
}

function shiftIndicesEdits(src: SourceText, p: Extract<FixPlan, { kind: 'shiftIndices' }>): EditResult {
  const call = findCall(src, p.site, /\b[A-Za-z_$][\w$]*\s*\.\s*oneHot\s*\(/);
  const first = call?.args[0];
  if (!call || !first || call.args.length < 2) return null;
  const t = src.text;
  const ns = /([A-Za-z_$][\w$]*)\s*\.\s*oneHot\s*\($/.exec(t.slice(Math.max(0, call.open - 200), call.open + 1));
  if (!ns) return null;
  // tf.sub keeps int32 indices int32 and turns a plain array into float32: toInt() covers both.
  const op = p.by < 0 ? 'sub' : 'add';
  return [src.edit(p.site.file, first.start, first.end, `${ns[1]}.${op}(${t.slice(first.start, first.end)}, ${literal(Math.abs(p.by))}).toInt()`)];
}

function reshapeOperandEdits(src: SourceText, p: Extract<FixPlan, { kind: 'reshapeOperand' }>): EditResult {
  const call = findCall(src, p.site, new RegExp(`\\.\\s*${escapeRe(p.op)}\\s*\\(`));
  if (!call || (call.args.length !== 1 && call.args.length !== 2)) return null;
  const b = call.args[call.args.length - 1]!;
  const t = src.text;
  const text = t.slice(b.start, b.end);
  const paren = text.indexOf('(');
  const plain = /^[A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*$/.test(text) || (/^[A-Za-z_$][\w$.\s]*\(/.test(text) && matchClose(t, b.start + paren) === b.end - 1);
  const operand = plain ? text : `(${text})`;
  return [src.edit(p.site.file, b.start, b.end, `${operand}.reshape(${p.vector === 'b' ? '[-1, 1]' : '[-1]'})`)];
}

/** The option `key` written in the options object of the fit call at the site. */
function fitOption(src: SourceText, fitSite: SourceSite, key: string): Prop | undefined {
  const call = findCall(src, fitSite, /\bfit\s*\(/);
  return (call ? objectArg(src, call, 2) : null)?.props.find((x) => x.key === key);
}

/** What fit's option `key` is written as at `fitSite`: its value's text, or the name itself when written shorthand (`{ epochs }`); '' when absent. */
function fitOptionText(src: SourceText, fitSite: SourceSite, key: string): string {
  const prop = fitOption(src, fitSite, key);
  return prop ? (prop.value ? src.text.slice(prop.value.start, prop.value.end).trim() : prop.key) : '';
}

function fitOptionEdits(src: SourceText, p: Extract<FixPlan, { kind: 'fitOption' }>): EditResult {
  const value = fitOption(src, p.fitSite, p.key)?.value;
  return value ? [src.edit(p.fitSite.file, value.start, value.end, p.to)] : null;
}

function unwrapCallEdits(src: SourceText, p: Extract<FixPlan, { kind: 'unwrapCall' }>): EditResult {
  const t = src.text;
  const call = findCall(src, p.site, new RegExp(String.raw`\.\s*${escapeRe(p.op)}\s*\(`));
  if (!call) return null;
  const before = codeOnly(t, Math.max(0, call.open - 200), call.open);
  if (call.args.length === p.arity) {
    // tf.round(x): the namespace's name, the dot and the op go, and the call's other arguments.
    const m = new RegExp(String.raw`([A-Za-z_$][\w$]*)\s*\.\s*${escapeRe(p.op)}\s*$`).exec(before);
    if (!m) return null;
    const start = call.open - before.length + m.index;
    const x = call.args[0]!;
    return [src.edit(p.site.file, start, call.close + 1, t.slice(x.start, x.end))];
  }
  if (call.args.length === p.arity - 1) {
    // x.round(): the method call goes, its receiver stays.
    const m = new RegExp(String.raw`\s*\.\s*${escapeRe(p.op)}\s*$`).exec(before);
    if (!m) return null;
    return [src.edit(p.site.file, call.open - before.length + m.index, call.close + 1, '')];
  }
  return null;
}

function unwrapAlikeEdits(src: SourceText, p: Extract<FixPlan, { kind: 'unwrapAlike' }>): EditResult {
  const first = unwrapCallEdits(src, { kind: 'unwrapCall', site: p.site, op: p.op, arity: p.arity });
  if (!first || first.length !== 1 || first[0]!.newText !== '') return first;
  const t = src.text;
  const start = src.offset(first[0]!.startLine, first[0]!.startColumn);
  const end = src.offset(first[0]!.endLine, first[0]!.endColumn);
  const call = t.slice(start, end).replace(/^\s+/, '');
  const edits = [...first];
  const code = codeOnly(t, 0, t.length);
  for (let at = code.indexOf(call); at >= 0; at = code.indexOf(call, at + call.length)) {
    if (at >= start && at < end) continue;
    // On a line that makes a tensor, before the call.
    if (!/\btensor(?:[1-6]d)?\s*\(/.test(codeOnly(t, src.lineStart(src.position(at).line), at))) continue;
    edits.push(src.edit(p.site.file, at, at + call.length, ''));
  }
  return edits;
}

function parseIntMapEdits(src: SourceText, p: Extract<FixPlan, { kind: 'parseIntMap' }>): EditResult {
  const t = src.text;
  const found = [...codeOnly(t, 0, t.length).matchAll(/\.\s*map\s*\(\s*(parseInt)\s*\)/g)];
  if (found.length !== 1) return null;
  const at = found[0]!.index! + found[0]![0].indexOf('parseInt');
  return [src.edit(p.site.file, at, at + 'parseInt'.length, 'Number')];
}

function cosineOverRunEdits(src: SourceText, p: Extract<FixPlan, { kind: 'cosineOverRun' }>): EditResult {
  const t = src.text;
  const cosines = [...codeOnly(t, 0, t.length).matchAll(/\bMath\s*\.\s*cos\s*\(\s*([A-Za-z_$][\w$]*)\s*\)/g)];
  if (cosines.length !== 1) return null;
  const written = fitOptionText(src, p.fitSite, 'epochs');
  const epochs = /^[\w$.]+$/.test(written) ? written : p.epochs !== null ? String(p.epochs) : null;
  if (!epochs) return null;
  const name = cosines[0]![1]!;
  const at = cosines[0]!.index! + cosines[0]![0].lastIndexOf(name);
  return [src.edit(p.fitSite.file, at, at + name.length, `Math.PI * ${name} / ${epochs}`)];
}

/** The array literal each row is mapped to, behind the tensor call at `site`: `xs.map((r) => [...])`, or `xs.map(helper)` with a helper returning one. */
function mappedRowLiteral(src: SourceText, site: SourceSite): Span | null {
  const t = src.text;
  const arg = findCall(src, site, FROM_ARRAY_CALL)?.args[0];
  if (!arg) return null;
  let a = trim(t, arg.start, arg.end);
  // A name the rows were mapped into just before (`const xs = rows.map(...)`): its initializer.
  if (/^[A-Za-z_$][\w$]*$/.test(t.slice(a.start, a.end))) {
    const decl = declarations(t, t.slice(a.start, a.end), a.start).pop();
    if (decl) a = trim(t, decl.init, statementEnd(t, decl.init));
  }
  const code = codeOnly(t, a.start, a.end);
  const mapped = /^[\w$.]+\s*\.\s*map\s*\(\s*/.exec(code);
  if (!mapped) return null;
  const rest = code.slice(mapped[0].length);
  let from: number;
  let until: number;
  const named = /^([A-Za-z_$][\w$]*)\s*\)$/.exec(rest);
  if (named) {
    const def = functionDefinition(t, named[1]!);
    if (!def) return null;
    from = def.body ? def.body.start : def.at;
    until = def.body ? def.body.end : statementEnd(t, def.at);
  } else {
    from = a.start + mapped[0].length;
    until = a.end;
  }
  // The one array literal it returns: after `return` or after the arrow.
  const body = codeOnly(t, from, until);
  const starts = [...body.matchAll(/(?:\breturn\s+|=>\s*\(?\s*)\[/g)];
  if (starts.length !== 1) return null;
  const open = from + starts[0]!.index! + starts[0]![0].length - 1;
  const close = matchClose(t, open);
  return close > open ? { start: open, end: close } : null;
}

function finiteAtColumnEdits(src: SourceText, p: Extract<FixPlan, { kind: 'finiteAtColumn' }>): EditResult {
  const t = src.text;
  const row = mappedRowLiteral(src, p.site);
  const item = row ? splitTopLevel(t, row.start + 1, row.end)[p.column] : undefined;
  if (!item) return null;
  const e = trim(t, item.start, item.end);
  // A name declared just before as a division (`const ratio = a.debt / a.income`): 0 where the divisor is.
  const name = /^[A-Za-z_$][\w$]*$/.test(t.slice(e.start, e.end)) ? t.slice(e.start, e.end) : null;
  if (name) {
    const decl = declarations(t, name, row!.start).pop();
    const init = decl ? trim(t, decl.init, statementEnd(t, decl.init)) : null;
    const division = init ? /^([\w$.]+)\s*\/\s*([\w$.]+)$/.exec(t.slice(init.start, init.end)) : null;
    if (!init || !division) return null;
    return [src.edit(p.site.file, init.start, init.end, `${division[2]} !== 0 ? ${division[1]} / ${division[2]} : 0`)];
  }
  const m = /^Math\s*\.\s*(log|exp)\s*\(/.exec(t.slice(e.start, e.end));
  if (!m || matchClose(t, e.start + m[0].length - 1) !== e.end - 1) return null;
  const inner = t.slice(e.start + m[0].length, e.end - 1).trim();
  const x = /^[\w$.\[\]]+$/.test(inner) ? inner : `(${inner})`;
  // log of a value that may be 0 or negative: a signed log; exp of a large value: the log it was meant as.
  const to = m[1] === 'log' ? `Math.sign(${x}) * Math.log1p(Math.abs(${x}))` : `Math.log1p(${inner})`;
  return [src.edit(p.site.file, e.start, e.end, to)];
}

/** A vocabulary assigned at every pass of a loop to a name declared before the loop: assigned only while the name is still empty. */
function vocabOnceEdits(src: SourceText, p: Extract<FixPlan, { kind: 'vocabOnce' }>): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const found: TextEdit[] = [];
  for (const m of code.matchAll(/^([ \t]*)([A-Za-z_$][\w$]*)\s*=(?!=)\s*([A-Za-z_$][\w$.]*\s*\()/gm)) {
    const name = m[2]!;
    if (!/vocab|word.?index|token.?index|dictionary|word2?id|stoi/i.test(name + ' ' + m[3])) continue;
    const at = m.index! + m[1]!.length;
    // Declared before, outside the loop; assigned inside one.
    const block = enclosingBlock(t, at);
    if (block < 0 || !/\b(?:for|while)\s*\([^{}]*\)\s*$/.test(code.slice(Math.max(0, block - 300), block))) continue;
    if (!declarations(t, name, block).length) continue;
    found.push(src.edit(p.file, at, at, `if (!${name}) `));
  }
  return found.length === 1 ? found : null;
}

/** The one `x.max(0, ...)` or `tf.max(x, 0, ...)` on the line: over axis 1. */
function reduceAxisOneEdits(src: SourceText, p: Extract<FixPlan, { kind: 'reduceAxisOne' }>): EditResult {
  const from = src.lineStart(p.site.line);
  if (from < 0) return null;
  const code = src.lineCode(p.site.line);
  const found = [...code.matchAll(/\.\s*max\s*\(\s*(0)\s*[,)]|\btf\s*\.\s*max\s*\(\s*[\w$.]+\s*,\s*(0)\s*[,)]/g)];
  if (found.length !== 1) return null;
  const m = found[0]!;
  const at = from + m.index! + m[0].lastIndexOf('0');
  return [src.edit(p.site.file, at, at + 1, '1')];
}

function log1pTensorEdits(src: SourceText, p: Extract<FixPlan, { kind: 'log1pTensor' }>): EditResult {
  const call = findCall(src, p.site, /\btf\s*\.\s*tensor(?:[1-6]d)?\s*\(/);
  if (!call || src.position(call.close).line !== p.site.line) return null;
  // Already taken a log of, or the made tensor used further on the line: not a plain making of targets.
  const after = src.lineCode(p.site.line).slice(call.close + 1 - src.lineStart(p.site.line));
  if (!/^\s*[;,)]?\s*$/.test(after)) return null;
  return [src.edit(p.site.file, call.close + 1, call.close + 1, '.log1p()')];
}

/** z when s is exactly `tf.exp(z)`, else null. */
function expArgument(s: string): string | null {
  const e = /^tf\s*\.\s*exp\s*\(/.exec(s);
  if (!e) return null;
  const close = matchClose(s, e[0].length - 1);
  return close === s.length - 1 ? s.slice(e[0].length, close).trim() || null : null;
}

/** z when s adds 1 to `tf.exp(z)`: `tf.exp(z).add(1)`, `tf.add(1, tf.exp(z))` or `tf.add(tf.exp(z), 1)`. */
function onePlusExpArgument(s: string): string | null {
  const one = /^1(?:\.0*)?$/;
  const chained = /\.\s*add\s*\(\s*1(?:\.0*)?\s*\)$/.exec(s);
  if (chained) return expArgument(s.slice(0, chained.index).trim());
  const added = /^tf\s*\.\s*add\s*\(/.exec(s);
  if (!added || matchClose(s, added[0].length - 1) !== s.length - 1) return null;
  const parts = splitTopLevel(s, added[0].length, s.length - 1).map((p) => s.slice(p.start, p.end).trim());
  if (parts.length !== 2) return null;
  const at = parts.findIndex((p) => one.test(p));
  return at < 0 ? null : expArgument(parts[1 - at]!);
}

function softplusForLogExpEdits(src: SourceText, p: Extract<FixPlan, { kind: 'softplusForLogExp' }>): EditResult {
  const t = src.text;
  const start = src.lineStart(p.site.line);
  const found: TextEdit[] = [];
  for (const m of src.lineCode(p.site.line).matchAll(/\btf\s*\.\s*(log1p|log)\s*\(/g)) {
    const open = start + m.index! + m[0].length - 1;
    const close = matchClose(t, open);
    if (close < 0) continue;
    const inner = t.slice(open + 1, close).trim();
    const z = m[1] === 'log1p' ? expArgument(inner) : onePlusExpArgument(inner);
    if (z) found.push(src.edit(p.site.file, start + m.index!, close + 1, `tf.softplus(${z})`));
  }
  return found.length === 1 ? found : null;
}

/**
 * The constant named for ω0 (`OMEGA_0`, `firstOmega`) that the sine's line multiplies by, declared
 * once in the file as a number: set to 30, SIREN's first-layer frequency.
 */
function omegaThirtyEdits(src: SourceText, p: Extract<FixPlan, { kind: 'omegaThirty' }>): EditResult {
  const names = [...src.lineCode(p.site.line).matchAll(/\b([A-Za-z_$][\w$]*omega[\w$]*)\b/gi)].map((m) => m[1]!);
  const name = [...new Set(names)];
  if (name.length !== 1) return null;
  const code = codeOnly(src.text, 0, src.text.length);
  const declared = [...code.matchAll(new RegExp(`\\b(?:const|let|var)\\s+${name[0]!.replace(/\$/g, '\\$')}\\s*=\\s*(\\d+(?:\\.\\d+)?(?:e\\d+)?)\\s*[;,\\n]`, 'g'))];
  if (declared.length !== 1) return null;
  const m = declared[0]!;
  const at = m.index! + m[0].lastIndexOf(m[1]!);
  return [src.edit(p.site.file, at, at + m[1]!.length, '30')];
}

/** The one integer typed array the file makes (`new Uint8Array(n)`), made a Float32Array, so the fractions written into it stay. */
function floatTypedArrayEdits(src: SourceText, p: Extract<FixPlan, { kind: 'floatTypedArray' }>): EditResult {
  const code = codeOnly(src.text, 0, src.text.length);
  const found = [...code.matchAll(/\bnew\s+((?:Uint8Clamped|Uint8|Int8|Uint16|Int16|Uint32|Int32)Array)\s*\(/g)];
  if (found.length !== 1) return null;
  const m = found[0]!;
  const at = m.index! + m[0].indexOf(m[1]!);
  return [src.edit(p.file, at, at + m[1]!.length, 'Float32Array')];
}

/** A mean over an image's channel axis, kept (`x.mean(3, true)`, `tf.mean(x, -1, true)`), taken over the images' axes 0, 1 and 2 instead. */
function channelMeanOverImagesEdits(src: SourceText, p: Extract<FixPlan, { kind: 'channelMeanOverImages' }>): EditResult {
  const from = src.lineStart(p.site.line);
  if (from < 0) return null;
  const code = src.lineCode(p.site.line);
  const found = [...code.matchAll(/\.\s*mean\s*\(\s*(3|-1)\s*,\s*true\s*\)|\btf\s*\.\s*mean\s*\(\s*[\w$.]+\s*,\s*(3|-1)\s*,\s*true\s*\)/g)];
  if (found.length !== 1) return null;
  const m = found[0]!;
  const axis = m[1] ?? m[2]!;
  const at = from + m.index! + m[0].lastIndexOf(axis, m[0].lastIndexOf(','));
  return [src.edit(p.site.file, at, at + axis.length, '[0, 1, 2]')];
}

/** How far above fit the class counts its weights come from may be taken. */
const COUNT_LINES_ABOVE = 30;

/**
 * The targets fit is given (its second argument, a name) summed over axis 1 somewhere above it, to
 * count the classes: each row's own sum instead, 1 for every one-hot row. Counted down the rows,
 * over axis 0.
 */
function countClassesDownEdits(src: SourceText, p: Extract<FixPlan, { kind: 'countClassesDown' }>): EditResult {
  const fit = findCall(src, p.fitSite, /\.\s*fit\s*\(/);
  const y = fit?.args[1];
  const name = y ? src.text.slice(y.start, y.end) : '';
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) return null;
  const found: TextEdit[] = [];
  const re = new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\s*\\.\\s*sum\\s*\\(\\s*(-?1)\\s*\\)`, 'g');
  for (const { start, code } of src.codeLinesUpTo(p.fitSite.line - 1, COUNT_LINES_ABOVE)) {
    for (const m of code.matchAll(re)) {
      const at = start + m.index! + m[0].lastIndexOf(m[1]!);
      found.push(src.edit(p.fitSite.file, at, at + m[1]!.length, '0'));
    }
  }
  return found.length === 1 ? found : null;
}

/** How far above the line that sets the weights their sum may be made. */
const SUM_LINES_ABOVE = 6;

function averageSumEdits(src: SourceText, p: Extract<FixPlan, { kind: 'averageSum' }>): EditResult {
  const t = src.text;
  const found: TextEdit[] = [];
  for (const { start, code } of src.codeLinesUpTo(p.site.line, SUM_LINES_ABOVE)) {
    for (const m of code.matchAll(/\btf\s*\.\s*addN\s*\(/g)) {
      const open = start + m.index! + m[0].length - 1;
      const close = matchClose(t, open);
      if (close < 0) continue;
      const arg = t.slice(open + 1, close).trim();
      // The list added: a name, or a name mapped to one weight of each model.
      const name = /^([A-Za-z_$][\w$]*)(?:\s*\.\s*map\s*\([\s\S]*\))?$/.exec(arg)?.[1];
      if (!name || /^\s*\.\s*div\s*\(/.test(t.slice(close + 1, close + 40))) continue;
      found.push(src.edit(p.site.file, close + 1, close + 1, `.div(${name}.length)`));
    }
  }
  return found.length === 1 ? found : null;
}

/** How far above the softmax's scores the mask may be written. */
const MASK_LINES_ABOVE = 4;

function finiteMaskEdits(src: SourceText, p: Extract<FixPlan, { kind: 'finiteMask' }>): EditResult {
  const negInfinity = /-\s*Infinity\b|Number\s*\.\s*NEGATIVE_INFINITY\b|-\s*Number\s*\.\s*POSITIVE_INFINITY\b/g;
  const found: Array<{ at: number; length: number }> = [];
  for (const { start, code } of src.codeLinesUpTo(p.site.line, MASK_LINES_ABOVE)) for (const m of code.matchAll(negInfinity)) found.push({ at: start + m.index!, length: m[0].length });
  // The nearest one to the scores' line: one per line at most, else it is not clear which masks.
  const last = found[found.length - 1];
  if (!last || found.filter((f) => src.position(f.at).line === src.position(last.at).line).length !== 1) return null;
  return [src.edit(p.site.file, last.at, last.at + last.length, '-1e9')];
}

/** The one labels tensor named for generated samples made with tf.ones or tf.onesLike: zeros. */
function fakeLabelsZeroEdits(src: SourceText, p: Extract<FixPlan, { kind: 'fakeLabelsZero' }>): EditResult {
  const code = codeOnly(src.text, 0, src.text.length);
  const found = [...code.matchAll(/\b(?:const|let|var)\s+[\w$]*(?:fake|Fake|FAKE|generated|Generated)[\w$]*\s*=\s*tf\s*\.\s*(ones(?:Like)?)\s*\(/g)];
  if (found.length !== 1) return null;
  const m = found[0]!;
  const at = m.index! + m[0].lastIndexOf(m[1]!);
  return [src.edit(p.file, at, at + m[1]!.length, m[1] === 'ones' ? 'zeros' : 'zerosLike')];
}

/** `setLearningRate(momentum)` on the line: the momentum set with setMomentum. */
function setMomentumNotRateEdits(src: SourceText, p: Extract<FixPlan, { kind: 'setMomentumNotRate' }>): EditResult {
  const from = src.lineStart(p.site.line);
  if (from < 0) return null;
  const m = /\.\s*(setLearningRate)\s*\(\s*[\w$.]*momentum[\w$]*\s*\)/i.exec(src.lineCode(p.site.line));
  if (!m) return null;
  const at = from + m.index + m[0].indexOf('setLearningRate');
  return [src.edit(p.site.file, at, at + 'setLearningRate'.length, 'setMomentum')];
}

/** `a[o] = E0; a[o + 1] = E1; a[o + 2] = E2;` whose values start with b, g and r (or blue, green, red): E0 and E2 swapped. */
function channelOrderEdits(src: SourceText, p: Extract<FixPlan, { kind: 'channelOrder' }>): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const found: TextEdit[][] = [];
  const write = /([A-Za-z_$][\w$]*)\s*\[\s*([A-Za-z_$][\w$]*)\s*\]\s*=\s*([^;\n]+);\s*\1\s*\[\s*\2\s*\+\s*1\s*\]\s*=\s*([^;\n]+);\s*\1\s*\[\s*\2\s*\+\s*2\s*\]\s*=\s*([^;\n]+);/g;
  for (const m of code.matchAll(write)) {
    const lead = [m[3]!, m[4]!, m[5]!].map((e) => /^\s*\(?\s*([A-Za-z_$][\w$]*)/.exec(e)?.[1]?.toLowerCase() ?? '');
    const blue = /^b(?:lue)?$/.test(lead[0]!) && /^g(?:reen)?$/.test(lead[1]!) && /^r(?:ed)?$/.test(lead[2]!);
    if (!blue) continue;
    const first = m.index! + m[0].indexOf(m[3]!);
    const thirdStart = m.index! + m[0].lastIndexOf(m[5]!);
    const e0 = t.slice(first, first + m[3]!.length).trim();
    const e2 = t.slice(thirdStart, thirdStart + m[5]!.length).trim();
    found.push([src.edit(p.file, first, first + e0.length, e2), src.edit(p.file, thirdStart, thirdStart + e2.length, e0)]);
  }
  return found.length === 1 ? found[0]! : null;
}

/** Cells written with a percent sign after a number (`${x}%`, '12%'), parsed by the script's one Number(cell). */
function percentCellsEdits(src: SourceText, p: Extract<FixPlan, { kind: 'percentCells' }>): EditResult {
  const t = src.text;
  if (!/\}%`|\d%['"`]/.test(t)) return null;
  const code = codeOnly(t, 0, t.length);
  const calls = [...code.matchAll(/(?<![\w$.])Number\s*\(\s*[A-Za-z_$][\w$]*(?:\s*\[[^\]\n]*\]|\.[A-Za-z_$][\w$]*)*\s*\)/g)];
  if (calls.length !== 1) return null;
  const m = calls[0]!;
  return [src.edit(p.file, m.index!, m.index! + 'Number'.length, 'parseFloat')];
}

/** A standard deviation declared as Math.sqrt(...) with no fallback, that one division divides by. */
function guardStdEdits(src: SourceText, p: Extract<FixPlan, { kind: 'guardStd' }>): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const found: TextEdit[] = [];
  for (const d of code.matchAll(/\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*Math\s*\.\s*sqrt\s*\(/g)) {
    const name = d[1]!;
    if (!/std|sigma|sd|dev|spread|scale/i.test(name)) continue;
    const end = statementEnd(t, d.index!);
    // Already kept above 0 where declared (|| 1, + eps, Math.max).
    if (/\|\||\?\?|Math\s*\.\s*max|\+\s*(?:1e-|0\.0|EPS)/i.test(code.slice(d.index!, end))) continue;
    for (const u of code.slice(end).matchAll(new RegExp(`\\/\\s*${escapeRe(name)}(?![\\w$.(\\[])`, 'g'))) {
      const at = end + u.index! + u[0].length - name.length;
      found.push(src.edit(p.file, at, at + name.length, `(${name} || 1)`));
    }
  }
  return found.length === 1 ? found : null;
}

/** `.map((v) => { ...; expr; })`: a braced arrow with no return whose last statement is an expression that computes a value. */
function returnFromMapArrowEdits(src: SourceText, p: Extract<FixPlan, { kind: 'returnFromMapArrow' }>): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const found: TextEdit[] = [];
  for (const m of code.matchAll(/\.\s*map\s*\(\s*(?:\([^()]*\)|[A-Za-z_$][\w$]*)\s*=>\s*\{/g)) {
    const open = m.index! + m[0].length - 1;
    const close = matchClose(t, open);
    if (close < 0) continue;
    const body = code.slice(open + 1, close);
    if (/\breturn\b/.test(body)) continue;
    const last = lastStatementStart(t, open, close);
    if (last === null) continue;
    const stmt = codeOnly(t, last, statementEnd(t, last)).trim();
    // An expression whose value is dropped: a call of Math, an arithmetic or a mapped array, not an assignment or a push.
    if (!/^(?:Math\s*\.|\(|\[|[\w$.]+\s*[-+*\/]|[\w$]+\s*\.\s*map\s*\()/.test(stmt) || /^[\w$.\[\]]+\s*(?:[-+*\/]?=)(?!=)/.test(stmt) || /\.\s*(?:push|set|forEach)\s*\(/.test(stmt)) continue;
    found.push(src.edit(p.file, last, last, 'return '));
  }
  return found.length === 1 ? found : null;
}

/**
 * Label smoothing `y * (1 - EPS) + EPS / k` on the line that makes the targets, EPS given in
 * percent: the name's one declaration divided by 100 (or the literal itself, when written there).
 */
function smoothingFractionEdits(src: SourceText, p: Extract<FixPlan, { kind: 'smoothingFraction' }>): EditResult {
  const t = src.text;
  const from = src.lineStart(p.site.line);
  if (from < 0) return null;
  const code = src.lineCode(p.site.line);
  const m = /\b1\s*-\s*([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*|\d+(?:\.\d+)?)(?![\w$.(\[])/.exec(code);
  if (!m) return null;
  const name = m[1]!;
  if (/^\d/.test(name)) {
    // The literal on this line: every use of it here.
    const uses = [...code.matchAll(new RegExp(`(?<![\\w.])${escapeRe(name)}(?![\\w.])`, 'g'))];
    return uses.map((u) => src.edit(p.site.file, from + u.index!, from + u.index! + name.length, String(Number(name) / 100)));
  }
  if (name.includes('.')) return null;
  const decl = singleDeclaration(t, name);
  if (!decl) return null;
  const init = trim(t, decl.init, statementEnd(t, decl.init));
  const value = t.slice(init.start, init.end);
  const num = /^\d+(?:\.\d+)?$/.test(value) ? Number(value) : null;
  return [src.edit(p.site.file, init.start, init.end, num !== null ? String(num / 100) : /^[\w$.]+$/.test(value) ? `${value} / 100` : `(${value}) / 100`)];
}

/**
 * The improvement test of a plateau rule over an accuracy, written as for a loss: the nearest
 * `current < best` (or `current < best - delta`) above the line that sets the rate, in a callback
 * that reads an accuracy from the logs. Turned to `current > best` (`current > best + delta`).
 */
function improvementUpEdits(src: SourceText, p: Extract<FixPlan, { kind: 'improvementUp' }>): EditResult {
  const top = Math.max(1, p.site.line - 12);
  const above = codeOnly(src.text, src.lineStart(top), src.lineEnd(p.site.line));
  if (!/\b(?:val_)?acc(?:uracy)?\b/.test(above)) return null;
  for (let line = p.site.line - 1; line >= top; line--) {
    const from = src.lineStart(line);
    const code = src.lineCode(line);
    const m = /([A-Za-z_$][\w$.]*)\s*<\s*(best[\w$]*|[\w$]*Best[\w$]*)(?:\s*-\s*([\w$.]+))?(?![\w$.(\[])/.exec(code);
    if (!m) continue;
    const to = `${m[1]} > ${m[2]}${m[3] ? ` + ${m[3]}` : ''}`;
    return [src.edit(p.site.file, from + m.index, from + m.index + m[0].length, to)];
  }
  return null;
}

/** The row literal's value in that column, wrapped so that a NaN or Infinity there becomes the fallback (computed once). */
function fallbackAtColumnEdits(src: SourceText, p: Extract<FixPlan, { kind: 'fallbackAtColumn' }>): EditResult {
  const t = src.text;
  const row = mappedRowLiteral(src, p.site);
  const item = row ? splitTopLevel(t, row.start + 1, row.end)[p.column] : undefined;
  if (!item) return null;
  const e = trim(t, item.start, item.end);
  const value = t.slice(e.start, e.end);
  if (!value || /\n/.test(value)) return null;
  return [src.edit(p.site.file, e.start, e.end, `((v) => (Number.isFinite(v) ? v : ${p.fallback}))(${value})`)];
}

function guardShareEdits(src: SourceText, p: Extract<FixPlan, { kind: 'guardShare' }>): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const found = [...code.matchAll(/\.\s*map\s*\(\s*\(?\s*([A-Za-z_$][\w$]*)\s*\)?\s*=>\s*(\1\s*\/\s*([A-Za-z_$][\w$]*))\s*\)/g)].filter((m) => {
    const decl = singleDeclaration(t, m[3]!);
    return decl !== null && /\.\s*reduce\s*\(/.test(codeOnly(t, decl.init, statementEnd(t, decl.init)));
  });
  if (found.length !== 1) return null;
  const m = found[0]!;
  const at = m.index! + m[0].indexOf(m[2]!, m[0].indexOf('=>'));
  return [src.edit(p.site.file, at, at + m[2]!.length, `(${m[3]} > 0 ? ${m[1]} / ${m[3]} : 0)`)];
}

/**
 * The one `LIST.indexOf(x)` in the statement that wrote the labels at the site: the call's start
 * (its dot), its closing parenthesis, its one argument, and where the list searched is named.
 */
function labelLookup(src: SourceText, site: SourceSite): { at: number; close: number; arg: Span; receiver: number } | null {
  const w = writtenStatement(src, site);
  const t = src.text;
  const calls = w ? [...w.code.matchAll(/\.\s*indexOf\s*\(/g)] : [];
  if (!w || calls.length !== 1) return null;
  const at = w.at + calls[0]!.index!;
  const open = at + calls[0]![0].length - 1;
  const close = matchClose(t, open);
  const args = close > open ? splitTopLevel(t, open + 1, close) : [];
  if (args.length !== 1) return null;
  return { at, close, arg: trim(t, args[0]!.start, args[0]!.end), receiver: leftOperandStart(t, at) };
}

function trimLookupEdits(src: SourceText, p: Extract<FixPlan, { kind: 'trimLookup' }>): EditResult {
  const lookup = labelLookup(src, p.site);
  const t = src.text;
  if (!lookup || /\.\s*trim\s*\(\s*\)$/.test(t.slice(lookup.arg.start, lookup.arg.end))) return null;
  const items = listedItems(t, lookup.receiver);
  // A list of numbers is searched for a number: trimming is no fix there.
  if (items && isNumberList(t, items)) return null;
  return [src.edit(p.site.file, lookup.arg.end, lookup.arg.end, `.trim()${items ? lookupCase(t, items) : ''}`)];
}

/** The items of the array literal that the name at `receiverStart` is declared once as, or null. */
function listedItems(t: string, receiverStart: number): Span[] | null {
  const name = receiverStart >= 0 ? /^[A-Za-z_$][\w$]*/.exec(t.slice(receiverStart))?.[0] : undefined;
  const decl = name ? singleDeclaration(t, name) : null;
  if (!decl || t[decl.init] !== '[') return null;
  const close = matchClose(t, decl.init);
  return close > 0 ? splitTopLevel(t, decl.init + 1, close).map((a) => trim(t, a.start, a.end)).filter((a) => a.end > a.start) : [];
}

/** Whether the items are all number literals (and there are some). */
function isNumberList(t: string, items: Span[]): boolean {
  return items.length > 0 && items.every((a) => /^-?\d*\.?\d+(?:e-?\d+)?$/i.test(t.slice(a.start, a.end)));
}

function nearLookupEdits(src: SourceText, p: Extract<FixPlan, { kind: 'nearLookup' }>): EditResult {
  const lookup = labelLookup(src, p.site);
  const t = src.text;
  const items = lookup ? listedItems(t, lookup.receiver) : null;
  if (!lookup || !items || !isNumberList(t, items)) return null;
  const value = t.slice(lookup.arg.start, lookup.arg.end);
  const v = /\bv\b/.test(value) ? 'listed' : 'v';
  return [src.edit(p.site.file, lookup.at, lookup.close + 1, `.findIndex((${v}) => Math.abs(${v} - ${value}) < 1e-9)`)];
}

/**
 * `.toLowerCase()` when the list searched (`CLASSES.indexOf(…)`) is an array of strings all written
 * in lower case, `.toUpperCase()` when all in upper case: a lookup that finds nothing may differ
 * from the names by case as well as by a trailing \r.
 */
function lookupCase(t: string, items: Span[]): string {
  const names = items.map((a) => stringLiteral(t, a)?.value);
  if (names.length === 0 || names.some((n) => n === undefined || !/[A-Za-z]/.test(n))) return '';
  if (names.every((n) => n === n!.toLowerCase())) return '.toLowerCase()';
  if (names.every((n) => n === n!.toUpperCase())) return '.toUpperCase()';
  return '';
}

function repeatEachEdits(src: SourceText, p: Extract<FixPlan, { kind: 'repeatEach' }>): EditResult {
  const w = writtenStatement(src, p.site);
  if (!w) return null;
  const m = [...w.code.matchAll(/([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*)\s*\.\s*concat\s*\(\s*([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*)\s*\)/g)];
  if (m.length !== 1 || m[0]![1]!.replace(/\s/g, '') !== m[0]![2]!.replace(/\s/g, '')) return null;
  const at = w.at + m[0]!.index!;
  return [src.edit(p.site.file, at, at + m[0]![0].length, `${m[0]![1]}.flatMap((label) => [label, label])`)];
}

function atLeastOneEdits(src: SourceText, p: Extract<FixPlan, { kind: 'atLeastOne' }>): EditResult {
  const t = src.text;
  const name = fitOptionText(src, p.fitSite, p.key);
  const init = /^[A-Za-z_$][\w$]*$/.test(name) ? declaredValue(t, name) : null;
  if (!init || init.end <= init.start) return null;
  return [src.edit(p.fitSite.file, init.start, init.end, `Math.max(1, ${t.slice(init.start, init.end)})`)];
}

function skipHeaderEdits(src: SourceText, p: Extract<FixPlan, { kind: 'skipHeader' }>): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const split = String.raw`\.\s*split\s*\(\s*(?:'\\n'|"\\n"|\/\\r\?\\n\/|\/\\n\/)\s*\)`;
  const edits: TextEdit[] = [];
  // `text.split('\n').map(...)` or `.forEach(...)`: the header is cut from the chain.
  // The split's argument is a string or a regex, blank in `code`: read in the text, kept to code outside comments.
  const inCode = (at: number) => code[at] === t[at];
  for (const m of t.matchAll(new RegExp(`${split}(?=\\s*\\.\\s*(?:map|forEach|filter)\\s*\\()`, 'g'))) {
    if (!inCode(m.index!)) continue;
    const end = m.index! + m[0].length;
    edits.push(src.edit(p.site.file, end, end, '.slice(1)'));
  }
  // `const lines = text.split('\n');` then `for (const line of lines)` or `lines.map(...)`.
  for (const m of t.matchAll(new RegExp(`\\b(?:const|let|var)\\s+([A-Za-z_$][\\w$]*)\\s*=[^;\\n]*${split}\\s*;?`, 'g'))) {
    if (!inCode(m.index!)) continue;
    const name = escapeRe(m[1]!);
    for (const use of code.slice(m.index! + m[0].length).matchAll(new RegExp(`(?:\\bof\\s+(${name})\\s*\\)|(?<![\\w$.])(${name})(?=\\s*\\.\\s*(?:map|forEach)\\s*\\())`, 'g'))) {
      const at = m.index! + m[0].length + use.index! + use[0].indexOf(use[1] ?? use[2]!);
      const end = at + m[1]!.length;
      edits.push(src.edit(p.site.file, end, end, '.slice(1)'));
    }
  }
  return edits.length === 1 ? edits : null;
}

function renameOpEdits(src: SourceText, p: Extract<FixPlan, { kind: 'renameOp' }>): EditResult {
  const call = findCall(src, p.site, new RegExp(String.raw`\.\s*${escapeRe(p.from)}\s*\(`));
  if (!call) return null;
  const before = codeOnly(src.text, Math.max(0, call.open - 200), call.open);
  if (!new RegExp(String.raw`\.\s*${escapeRe(p.from)}\s*$`).test(before)) return null;
  const at = call.open - before.length + before.lastIndexOf(p.from);
  return [src.edit(p.site.file, at, at + p.from.length, p.to)];
}

/**
 * Every `new Array(n).<method>(` (or `Array(n).<method>(`) in the file with one length argument: where
 * it starts, the length as written, and the method call's open parenthesis.
 */
function arrayOfLengthCalls(t: string, method: string): Array<{ start: number; length: string; methodOpen: number }> {
  const code = codeOnly(t, 0, t.length);
  const out: Array<{ start: number; length: string; methodOpen: number }> = [];
  for (const m of code.matchAll(/(?<![\w$.])(?:new\s+)?Array\s*\(/g)) {
    const open = m.index! + m[0].length - 1;
    const close = matchClose(t, open);
    const call = close > 0 ? new RegExp(String.raw`^\s*\.\s*${method}\s*\(`).exec(code.slice(close + 1, close + 80)) : null;
    const length = close > 0 ? t.slice(open + 1, close).trim() : '';
    // One argument, a length: `new Array(1, 2)` holds values, and `new Array()` is empty.
    if (!call || !length || splitTopLevel(t, open + 1, close).length !== 1) continue;
    out.push({ start: m.index!, length, methodOpen: close + call[0].length });
  }
  return out;
}

function freshRowsEdits(src: SourceText, p: Extract<FixPlan, { kind: 'freshRows' }>): EditResult {
  const t = src.text;
  const found: TextEdit[] = [];
  for (const a of arrayOfLengthCalls(t, 'fill')) {
    const fillClose = matchClose(t, a.methodOpen);
    const args = fillClose > 0 ? splitTopLevel(t, a.methodOpen + 1, fillClose) : [];
    if (args.length !== 1) continue;
    const value = t.slice(args[0]!.start, args[0]!.end).trim();
    // Only a value made once and shared: an array or an object, not a number.
    if (!/^(?:\[|\{|(?:new\s+)?Array\s*[.(])/.test(value)) continue;
    found.push(src.edit(p.site.file, a.start, fillClose + 1, `Array.from({ length: ${a.length} }, () => ${value})`));
  }
  return found.length === 1 ? found : null;
}

function freshIteratorEdits(src: SourceText, p: Extract<FixPlan, { kind: 'freshIterator' }>): EditResult {
  const t = src.text;
  const arg = findCall(src, p.site, /\bgenerator\s*\(/)?.args[0];
  if (!arg) return null;
  // `() => it` or `() => { return it; }`: the name the arrow hands back.
  const m = /^\(\s*\)\s*=>\s*(?:\{\s*return\s+)?([A-Za-z_$][\w$]*)\s*;?\s*\}?$/.exec(t.slice(arg.start, arg.end));
  if (!m) return null;
  const init = declaredValue(t, m[1]!);
  if (!init) return null;
  const made = t.slice(init.start, init.end).replace(/;$/, '');
  // Only a call makes a fresh iterator when repeated.
  if (!/^[A-Za-z_$][\w$.]*\s*\(/.test(made) || matchClose(t, init.start + made.indexOf('(')) !== init.start + made.length - 1) return null;
  const at = arg.start + m.index + m[0].lastIndexOf(m[1]!);
  return [src.edit(p.site.file, at, at + m[1]!.length, made)];
}

function unstandardizeAtMakeEdits(src: SourceText, p: Extract<FixPlan, { kind: 'unstandardizeAtMake' }>): EditResult {
  const t = src.text;
  const arg = findCall(src, p.site, FROM_ARRAY_CALL)?.args[0];
  if (!arg) return null;
  // `<array>.map((v) => (v - <mean>) / <spread>)`, in an arrow with or without parentheses.
  const m = new RegExp(String.raw`^(${NAME}(?:\s*\.\s*${NAME})*)\s*\.\s*map\s*\(\s*\(?\s*(${NAME})\s*\)?\s*=>\s*\(\s*\2\s*-\s*([^()]+?)\s*\)\s*\/\s*([^()]+?)\s*\)$`).exec(t.slice(arg.start, arg.end).trim());
  if (!m) return null;
  const edits = [src.edit(p.site.file, arg.start, arg.end, m[1]!)];
  // Predictions mapped back with the same mean and spread (`.mul(std).add(mean)`) are counts already.
  const back = new RegExp(String.raw`\s*\.\s*mul\s*\(\s*${escapeRe(m[4]!)}\s*\)\s*\.\s*add\s*\(\s*${escapeRe(m[3]!)}\s*\)`, 'g');
  for (const b of codeOnly(t, 0, t.length).matchAll(back)) edits.push(src.edit(p.site.file, b.index!, b.index! + b[0].length, ''));
  return edits;
}

function floatDtypeEdits(src: SourceText, p: Extract<FixPlan, { kind: 'floatDtype' }>): EditResult {
  const arg = findCall(src, p.site, new RegExp(String.raw`\b${escapeRe(p.call)}\s*\(`))?.args[p.index];
  const literal = arg ? stringLiteral(src.text, arg) : null;
  if (!literal || literal.value !== 'int32') return null;
  return [src.edit(p.site.file, literal.inner.start, literal.inner.end, 'float32')];
}

function stepFromEdits(src: SourceText, p: Extract<FixPlan, { kind: 'stepFrom' }>): EditResult {
  const m = methodCall(src, p.site, 'assign');
  if (!m || m.call.args.length !== 1) return null;
  const step = m.call.args[0]!;
  return [src.edit(p.site.file, step.start, step.end, `${m.text.replace(/\s+/g, '')}.sub(${src.text.slice(step.start, step.end)})`)];
}

function epochsAfterInitialEdits(src: SourceText, p: Extract<FixPlan, { kind: 'epochsAfterInitial' }>): EditResult {
  const epochs = fitOption(src, p.fitSite, 'epochs')?.value;
  const initial = fitOption(src, p.fitSite, 'initialEpoch')?.value;
  if (!epochs || !initial) return null;
  const t = src.text;
  const sum = `${t.slice(initial.start, initial.end)} + ${t.slice(epochs.start, epochs.end)}`;
  return [src.edit(p.fitSite.file, epochs.start, epochs.end, sum)];
}

function removeDatasetOptionEdits(src: SourceText, p: Extract<FixPlan, { kind: 'removeDatasetOption' }>): EditResult {
  const call = findCall(src, p.fitSite, /\bfitDataset\s*\(/);
  const obj = call ? objectArg(src, call, 1) : null;
  const i = obj ? obj.props.findIndex((x) => x.key === p.key) : -1;
  if (!obj || i < 0) return null;
  return [removedProp(src, p.fitSite.file, obj, obj.props[i]!)];
}

/** The edit that removes one property of an object literal: with the comma after it (and the space up to the next), or before it when it is last. */
function removedProp(src: SourceText, file: string, obj: { open: number; close: number }, prop: Prop): TextEdit {
  const t = src.text;
  const end = prop.value?.end ?? prop.keySpan.end;
  const after = /^\s*,\s*/.exec(t.slice(end, obj.close));
  if (after) return src.edit(file, prop.keySpan.start, end + after[0].length, '');
  const before = /,\s*$/.exec(t.slice(obj.open + 1, prop.keySpan.start));
  return before ? src.edit(file, prop.keySpan.start - before[0].length, end, '') : src.edit(file, prop.keySpan.start, end, '');
}

function replaceFitOptionEdits(src: SourceText, p: Extract<FixPlan, { kind: 'replaceFitOption' }>): EditResult {
  const prop = fitOption(src, p.fitSite, p.key);
  return prop ? [src.edit(p.fitSite.file, prop.keySpan.start, prop.value?.end ?? prop.keySpan.end, p.with)] : null;
}

function addFitOptionEdits(src: SourceText, p: Extract<FixPlan, { kind: 'addFitOption' }>): EditResult {
  const call = findCall(src, p.fitSite, /\bfit\s*\(/);
  if (!call || call.args.length < 2) return null;
  const entry = `${p.key}: ${p.value}`;
  if (call.args.length === 2) return [src.edit(p.fitSite.file, call.args[1]!.end, call.args[1]!.end, `, { ${entry} }`)];
  const options = objectArg(src, call, 2);
  if (!options || options.props.some((x) => x.key === p.key)) return null;
  return [prependProp(src, p.fitSite.file, options, entry)];
}

/**
 * The `for (let e = 0; ...)` loop whose block holds offset `at`: its counter, and the bound it
 * counts to when its test is `e < bound`. Null when the block around `at` is not such a loop.
 */
function zeroBasedLoopAround(src: SourceText, at: number): { counter: string; bound: string | null } | null {
  const t = src.text;
  const open = enclosingBlock(t, at);
  if (open < 0) return null;
  const header = /\bfor\s*\(\s*(?:let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*0\s*;([^;]*);[^)]*\)\s*$/.exec(codeOnly(t, src.lineStart(src.position(open).line), open));
  if (!header) return null;
  const test = /^\s*([A-Za-z_$][\w$]*)\s*<\s*([\w$.]+)\s*$/.exec(header[2]!);
  return { counter: header[1]!, bound: test && test[1] === header[1] ? test[2]! : null };
}

function fitEpochFromLoopEdits(src: SourceText, p: Extract<FixPlan, { kind: 'fitEpochFromLoop' }>): EditResult {
  const t = src.text;
  const call = findCall(src, p.fitSite, /\bfit\s*\(/);
  const options = call ? objectArg(src, call, 2) : null;
  const epochs = options?.props.find((x) => x.key === 'epochs');
  if (!call || !options || !epochs?.value || t.slice(epochs.value.start, epochs.value.end).trim() !== '1' || options.props.some((x) => x.key === 'initialEpoch')) return null;
  const loop = zeroBasedLoopAround(src, call.open);
  if (!loop) return null;
  const e = loop.counter;
  return [src.edit(p.fitSite.file, epochs.keySpan.start, epochs.value.end, `initialEpoch: ${e}, epochs: ${e} + 1`)];
}

function oneEpochPerCallEdits(src: SourceText, p: Extract<FixPlan, { kind: 'oneEpochPerCall' }>): EditResult {
  const t = src.text;
  const call = findCall(src, p.fitSite, /\bfit\s*\(/);
  const epochs = call ? objectArg(src, call, 2)?.props.find((x) => x.key === 'epochs') : undefined;
  if (!call || !epochs?.value) return null;
  const bound = t.slice(epochs.value.start, epochs.value.end).trim();
  if (!/^(?:[A-Za-z_$][\w$.]*|\d+)$/.test(bound) || bound === '1') return null;
  if (zeroBasedLoopAround(src, call.open)?.bound !== bound) return null;
  return [src.edit(p.fitSite.file, epochs.value.start, epochs.value.end, '1')];
}

function swapFitTargetsEdits(src: SourceText, p: Extract<FixPlan, { kind: 'swapFitTargets' }>): EditResult {
  const t = src.text;
  const targets = findCall(src, p.fitSite, /\bfit\s*\(/)?.args[1];
  if (!targets || t[targets.start] !== '[') return null;
  const close = matchClose(t, targets.start);
  const items = close > 0 ? splitTopLevel(t, targets.start + 1, close) : [];
  const [a, b] = [items[p.a], items[p.b]];
  if (!a || !b || p.a === p.b) return null;
  return [src.edit(p.fitSite.file, a.start, a.end, t.slice(b.start, b.end)), src.edit(p.fitSite.file, b.start, b.end, t.slice(a.start, a.end))];
}

function swapFitWithValidationEdits(src: SourceText, p: Extract<FixPlan, { kind: 'swapFitWithValidation' }>): EditResult {
  const t = src.text;
  const args = findCall(src, p.fitSite, /\bfit\s*\(/)?.args;
  const value = fitOption(src, p.fitSite, 'validationData')?.value;
  if (!args || args.length < 2 || !value || t[value.start] !== '[') return null;
  const close = matchClose(t, value.start);
  const pair = close > 0 ? splitTopLevel(t, value.start + 1, close) : [];
  if (pair.length !== 2) return null;
  const edits: TextEdit[] = [];
  for (let i = 0; i < 2; i++) {
    edits.push(src.edit(p.fitSite.file, args[i]!.start, args[i]!.end, t.slice(pair[i]!.start, pair[i]!.end)));
    edits.push(src.edit(p.fitSite.file, pair[i]!.start, pair[i]!.end, t.slice(args[i]!.start, args[i]!.end)));
  }
  return edits;
}

function swapClassWeightsEdits(src: SourceText, p: Extract<FixPlan, { kind: 'swapClassWeights' }>): EditResult {
  const t = src.text;
  const prop = fitOption(src, p.fitSite, 'classWeight');
  if (!prop) return null;
  // `classWeight: { 0: 1, 1: 9 }`, or `classWeight` / `classWeight: weights` naming one declaration.
  let open = prop.value && t[prop.value.start] === '{' ? prop.value.start : -1;
  if (open < 0) {
    const name = prop.value ? t.slice(prop.value.start, prop.value.end) : prop.key;
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) return null;
    const init = singleDeclaration(t, name)?.init;
    if (init === undefined || t[init] !== '{') return null;
    open = init;
  }
  const close = matchClose(t, open);
  if (close < 0) return null;
  const weights = splitTopLevel(t, open + 1, close).map((piece) => {
    const m = /^(['"]?)(\d+)\1\s*:\s*/.exec(t.slice(piece.start, piece.end));
    return m ? { value: { start: piece.start + m[0].length, end: piece.end } } : null;
  });
  if (weights.length !== 2 || weights.some((w) => w === null)) return null;
  const [a, b] = [weights[0]!.value, weights[1]!.value];
  return [src.edit(p.fitSite.file, a.start, a.end, t.slice(b.start, b.end)), src.edit(p.fitSite.file, b.start, b.end, t.slice(a.start, a.end))];
}

/** An edit that puts `entry` first in an object literal, in the layout of the entries already there. */
function prependProp(src: SourceText, file: string, obj: { open: number; close: number; props: Prop[] }, entry: string): TextEdit {
  const t = src.text;
  const first = obj.props[0];
  if (!first) {
    const empty = t.slice(obj.open + 1, obj.close).trim() === '';
    return empty ? src.edit(file, obj.open + 1, obj.close, ` ${entry} `) : src.edit(file, obj.open + 1, obj.open + 1, ` ${entry},`);
  }
  // `{\n    batchSize: 32, ...` gets `epochs: 20,` on a line of its own with the same indentation.
  const gap = t.slice(obj.open + 1, first.keySpan.start);
  return src.edit(file, first.keySpan.start, first.keySpan.start, `${entry},${/\n/.test(gap) ? gap.slice(gap.lastIndexOf('\n')) : ' '}`);
}

function shuffleBeforeBatchEdits(src: SourceText, p: Extract<FixPlan, { kind: 'shuffleBeforeBatch' }>): EditResult {
  const call = findCall(src, p.site, /\.\s*batch\s*\(/);
  // The shuffle goes in front of `.batch(`.
  const dot = call ? dotBefore(src.text, call.open, 'batch') : -1;
  if (!call || dot < 0) return null;
  // `.batch(n).shuffle(...)`: that shuffle moves in front of the batch instead.
  const t = src.text;
  const next = /^\s*\.\s*shuffle\s*\(/.exec(t.slice(call.close + 1));
  const close = next ? matchClose(t, call.close + next[0].length) : -1;
  if (next && close > 0) {
    const shuffle = t.slice(call.close + 1, close + 1).trim();
    return [src.edit(p.site.file, dot, close + 1, `${shuffle}${t.slice(dot, call.close + 1)}`)];
  }
  return [src.edit(p.site.file, dot, dot, `.shuffle(${literal(p.rows)})`)];
}

/** The dot of `.<method>(` whose parenthesis is at `open`, or -1. */
function dotBefore(t: string, open: number, method: string): number {
  let i = open - 1;
  while (i >= 0 && /\s/.test(t[i]!)) i--;
  i -= method.length - 1;
  if (t.slice(i, i + method.length) !== method) return -1;
  i--;
  while (i >= 0 && /\s/.test(t[i]!)) i--;
  return t[i] === '.' ? i : -1;
}

function scaleValidationEdits(src: SourceText, p: Extract<FixPlan, { kind: 'scaleValidation' }>): EditResult {
  const value = fitOption(src, p.fitSite, 'validationData')?.value;
  const t = src.text;
  if (!value || t[value.start] !== '[' || matchClose(t, value.start) !== value.end - 1) return null;
  const inputs = splitTopLevel(t, value.start + 1, value.end - 1)[0];
  if (!inputs) return null;
  const text = t.slice(inputs.start, inputs.end);
  const operand = /^[A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*$/.test(text) ? text : `(${text})`;
  return [src.edit(p.fitSite.file, inputs.start, inputs.end, `${operand}.div(${literal(p.by)})`)];
}

const SCALING_CALL = /\.\s*(?:sub|div|mul|add)\s*\(\s*(?:[A-Za-z_$][\w$]*|-?\d+(?:\.\d+)?(?:e-?\d+)?)\s*\)\s*$/;

/** The trailing scaling calls of fit's training inputs' initializer (`.sub(mean).div(std)`), in order, when they scale something. */
function trainingScaling(src: SourceText, fitSite: SourceSite): { chain: string } | null {
  const train = fitArgument(src, fitSite, 'x');
  if (!train?.decl) return null;
  let init = src.text.slice(train.decl.init.start, train.decl.init.end);
  let chain = '';
  for (let m = SCALING_CALL.exec(init); m; m = SCALING_CALL.exec(init)) {
    chain = m[0].trim() + chain;
    init = init.slice(0, m.index);
  }
  return chain && init.trim() ? { chain } : null;
}

/** The names a scaling chain passes (`std` in `.div(std)`). */
function chainNames(chain: string): string[] {
  return [...chain.matchAll(/\(\s*([A-Za-z_$][\w$]*)\s*\)/g)].map((m) => m[1]!);
}

/** Where `name` is first declared in `text`: `const name`, a name in `const { … }`, and with `functions` `function name`; -1 when never. */
function firstDeclarationOf(text: string, name: string, functions = false): number {
  const n = escapeRe(name);
  return new RegExp(`\\b(?:(?:const|let|var)\\s+(?:\\{[^}]*\\b${n}\\b[^}]*\\}|${n}\\b)${functions ? `|function\\s+${n}\\b` : ''})`).exec(text)?.index ?? -1;
}

function scaleValidationLikeEdits(src: SourceText, p: Extract<FixPlan, { kind: 'scaleValidationLike' }>): EditResult {
  const t = src.text;
  const chain = trainingScaling(src, p.fitSite)?.chain;
  if (!chain) return null;
  const value = fitOption(src, p.fitSite, 'validationData')?.value;
  if (!value || t[value.start] !== '[' || matchClose(t, value.start) !== value.end - 1) return null;
  const inputs = splitTopLevel(t, value.start + 1, value.end - 1)[0];
  if (!inputs) return null;
  const name = t.slice(inputs.start, inputs.end);
  const decl = /^[A-Za-z_$][\w$]*$/.test(name) ? declarationBefore(t, name, value.start) : null;
  const target = decl ? decl.init : inputs;
  // Every name the chain uses must be declared before the validation inputs are.
  for (const used of chainNames(chain)) {
    const at = firstDeclarationOf(t, used);
    if (at < 0 || at >= target.start) return null;
  }
  const text = t.slice(target.start, target.end);
  const operand = /^[\w$.]+$/.test(text) || (/^[\w$.\s]+\(/.test(text) && matchClose(t, target.start + text.indexOf('(')) === target.end - 1) ? text : `(${text})`;
  return [src.edit(p.fitSite.file, target.start, target.end, `${operand}${chain}`)];
}

function scaleInputsLikeEdits(src: SourceText, p: Extract<FixPlan, { kind: 'scaleInputsLike' }>): EditResult {
  const t = src.text;
  const train = fitArgument(src, p.fitSite, 'x');
  const call = findCall(src, p.site, /\.\s*(?:predict|predictOnBatch|evaluate)\s*\(/);
  const arg = call?.args[0];
  if (!train?.decl || !call || !arg) return null;
  const init = t.slice(train.decl.init.start, train.decl.init.end).trim();
  const given = t.slice(arg.start, arg.end);
  // Every name the scaling uses must be declared before the call.
  const code = codeOnly(t, 0, t.length);
  const declaredBefore = (name: string): boolean => {
    const at = firstDeclarationOf(code, name, true);
    return at >= 0 && at < call.open;
  };
  const wrapper = /^([A-Za-z_$][\w$]*)\s*\(\s*[A-Za-z_$][\w$]*\s*\)$/.exec(init);
  if (wrapper) return declaredBefore(wrapper[1]!) ? [src.edit(p.site.file, arg.start, arg.end, `${wrapper[1]}(${given})`)] : null;
  const chain = trainingScaling(src, p.fitSite)?.chain;
  if (!chain || !chainNames(chain).every(declaredBefore)) return null;
  const operand = /^[\w$.]+$/.test(given) ? given : `(${given})`;
  return [src.edit(p.site.file, arg.start, arg.end, `${operand}${chain}`)];
}

function swapArgumentsEdits(src: SourceText, p: Extract<FixPlan, { kind: 'swapArguments' }>): EditResult {
  const call = findCall(src, p.site, calledAs(p.callee));
  if (!call || call.args.length < 2) return null;
  const [a, b] = call.args as [Span, Span];
  const t = src.text;
  return [src.edit(p.site.file, a.start, a.end, t.slice(b.start, b.end)), src.edit(p.site.file, b.start, b.end, t.slice(a.start, a.end))];
}

const DECLARATION = /\b(const|let)\s+([A-Za-z_$][\w$]*)\s*=(?![=>])\s*/g;
/** Statements that leave a block before its end, so a dispose written there would be skipped. */
const EARLY_EXIT = /\b(?:return|break|continue|throw|yield)\b/;

/** The text with strings, templates and comments blanked (same length), so searches see code only. */
function codeOnly(t: string, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; ) {
    const skipped = skipNonCode(t, i);
    if (skipped !== i) {
      const stop = Math.min(skipped, end);
      out += t.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
      continue;
    }
    out += t[i];
    i++;
  }
  return out;
}

/** Code of t[start, end) with the bodies of functions defined there blanked: their returns leave only them. */
function withoutFunctionBodies(t: string, start: number, end: number): string {
  let code = codeOnly(t, start, end);
  const fn = /=>\s*\{|\bfunction\b[^{;]*\{/g;
  for (let m = fn.exec(code); m; m = fn.exec(code)) {
    const open = start + m.index + m[0].length - 1;
    const close = matchClose(t, open);
    if (close < 0 || close >= end) break;
    code = code.slice(0, open - start + 1) + code.slice(open - start + 1, close - start).replace(/[^\n]/g, ' ') + code.slice(close - start);
    fn.lastIndex = close - start;
  }
  return code;
}

/** Offset of the `{` of the innermost block open at `at`, or -1. */
function enclosingBlock(t: string, at: number): number {
  const top = openBrackets(t, at).at(-1);
  return top === undefined || top < 0 ? -1 : top;
}

/** The brackets still open at `at`, outermost first: a `{` as its offset, a `(` or `[` as -1 - offset. */
function openBrackets(t: string, at: number): number[] {
  const open: number[] = [];
  for (let i = 0; i < at; ) {
    const skipped = skipNonCode(t, i);
    if (skipped !== i) {
      i = skipped;
      continue;
    }
    const c = t[i]!;
    if (c === '{' || c === '(' || c === '[') open.push(c === '{' ? i : -1 - i);
    else if (c === '}' || c === ')' || c === ']') open.pop();
    i++;
  }
  return open;
}

/** The innermost `{` still open at `at`, through any parentheses or brackets open inside it; -1 if none. */
function enclosingBrace(t: string, at: number): number {
  const open = openBrackets(t, at);
  for (let k = open.length - 1; k >= 0; k--) if (open[k]! >= 0) return open[k]!;
  return -1;
}

/** `const <name> = <init>` whose statement holds the site (it may start a few lines above). */
function declarationAt(src: SourceText, site: SourceSite): { name: string; start: number; init: Span; lineStart: number } | null {
  const t = src.text;
  const at = src.offset(site.line, site.column);
  const from = src.lineStart(Math.max(1, site.line - 3));
  if (at < 0 || from < 0) return null;
  let found: { name: string; start: number; init: Span; lineStart: number } | null = null;
  const re = new RegExp(DECLARATION.source, 'g');
  re.lastIndex = from;
  for (let m = re.exec(t); m && m.index <= at; m = re.exec(t)) {
    const initStart = m.index + m[0].length;
    const end = statementEnd(t, initStart);
    if (end >= at && initStart <= src.lineEnd(site.line)) {
      found = { name: m[2]!, start: m.index, init: trim(t, initStart, end), lineStart: src.lineStart(src.position(m.index).line) };
    }
  }
  return found;
}

/** Keywords that start a statement other than an expression statement. */
const STATEMENT_KEYWORD = /^(?:const|let|var|return|if|else|for|while|do|switch|case|default|throw|yield|await|function|class|import|export|try|catch|finally|break|continue|async)\b/;

/**
 * An expression statement (`losses.push(opt.minimize(f, true).dataSync()[0]);`) that starts on the
 * site's line and holds the site, which can be wrapped whole in tf.tidy: nothing it makes is kept
 * (no assignment, nothing stored but numbers read back, no await).
 */
function tidyStatementAt(src: SourceText, site: SourceSite): Span | null {
  const t = src.text;
  const at = src.offset(site.line, site.column);
  const ls = src.lineStart(site.line);
  if (at < 0 || ls < 0) return null;
  const start = ls + /^[ \t]*/.exec(t.slice(ls))![0].length;
  if (STATEMENT_KEYWORD.test(t.slice(start, start + 12)) || !/^[A-Za-z_$(]/.test(t[start] ?? '')) return null;
  const end = statementEnd(t, start);
  if (end < at || (t[end] !== ';' && t[end] !== '\n' && end !== t.length)) return null;
  const code = codeOnly(t, start, end);
  if (/\b(?:await|yield)\b/.test(code)) return null;
  // An assignment at the top level keeps what it assigns; so does storing anything but numbers read back.
  let depth = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if (c in OPEN) depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (depth === 0 && c === '=' && !/[=!<>]/.test(code[i - 1] ?? '') && !/[=>]/.test(code[i + 1] ?? '')) return null;
  }
  if (/\.(?:push|unshift|set|add|concat)\((?![^;]*Sync\()/.test(code)) return null;
  return { start, end: t[end] === ';' ? end + 1 : end };
}

/** An expression that ends by reading a tensor's values back into JavaScript. */
const READ_BACK_END = /\.\s*(?:dataSync|arraySync)\s*\(\s*\)(?:\s*\[[^\]]*\])?$/;

function disposeTensorsEdits(src: SourceText, p: Extract<FixPlan, { kind: 'disposeTensors' }>): EditResult {
  const t = src.text;
  const file = p.sites[0]?.site.file;
  if (!file || p.sites.some((s) => s.site.file !== file)) return null;
  const tidy = TF_BINDING.test(t);
  const decls: Array<NonNullable<ReturnType<typeof declarationAt>> & { tensors: number }> = [];
  const edits: TextEdit[] = [];
  const wrapped: number[] = [];
  for (const s of p.sites) {
    const d = declarationAt(src, s.site);
    if (d) {
      // An optimizer is no tensor: the leak is the optimizer made at every step (its own finding).
      const init = t.slice(d.init.start, d.init.end);
      if (/\btrain\s*\.\s*\w+\s*\(|\bnew\s+\w*Optimizer\b/.test(init)) return null;
      // A value read back (`...mean().dataSync()[0]`) is no tensor: the tensors made on the way are
      // freed by running the whole initializer in tf.tidy.
      if (READ_BACK_END.test(init)) {
        if (!tidy || /\bawait\b/.test(codeOnly(t, d.init.start, d.init.end))) return null;
        if (!wrapped.includes(d.init.start)) edits.push(src.edit(file, d.init.start, d.init.end, `tf.tidy(() => ${init})`));
        wrapped.push(d.init.start);
        continue;
      }
      if (!decls.some((x) => x.start === d.start)) decls.push({ ...d, tensors: s.tensors });
      continue;
    }
    // No declaration to dispose: the statement that made the tensors runs inside tf.tidy.
    const statement = tidy ? tidyStatementAt(src, s.site) : null;
    if (!statement) return null;
    if (wrapped.includes(statement.start)) continue;
    wrapped.push(statement.start);
    const body = t.slice(statement.start, statement.end).replace(/;?$/, ';');
    edits.push(src.edit(file, statement.start, statement.end, `tf.tidy(() => { ${body} });`));
  }
  if (decls.length === 0) return edits.length ? edits : null;
  decls.sort((a, b) => a.start - b.start);
  const open = enclosingBlock(t, decls[0]!.start);
  if (open < 0 || decls.some((d) => enclosingBlock(t, d.start) !== open)) return null;
  const close = matchClose(t, open);
  if (close < 0) return null;
  if (EARLY_EXIT.test(withoutFunctionBodies(t, decls[0]!.start, close))) return null;
  for (const d of decls) {
    const later = codeOnly(t, d.init.end, close);
    const name = escapeRe(d.name);
    // Kept beyond the step (stored, aliased, returned) or given a new value: disposing it would break the script.
    const kept = new RegExp(`\\.(?:push|unshift|set|add|concat)\\((?:[^;()]*,\\s*)?${name}\\s*[,)]|(?:^|[^=!<>])=\\s*${name}\\s*[;,)\\n]|:\\s*${name}\\b|\\b${name}\\s*(?:[-+*/%]?=(?![=>])|\\+\\+|--)`);
    if (kept.test(later)) return null;
    if (d.tensors > 1) {
      const init = t.slice(d.init.start, d.init.end);
      if (!tidy || /\bawait\b/.test(codeOnly(t, d.init.start, d.init.end))) return null;
      edits.push(src.edit(file, d.init.start, d.init.end, `tf.tidy(() => ${init})`));
    }
  }
  // The dispose goes on its own line before the block's closing brace, indented like the declarations.
  const closeLine = src.position(close).line;
  const closeLineStart = src.lineStart(closeLine);
  if (t.slice(closeLineStart, close).trim() !== '') return null;
  const indent = /^[ \t]*/.exec(t.slice(decls[0]!.lineStart))![0];
  const names = decls.map((d) => d.name);
  const statement = names.length === 1 || !tidy ? names.map((n) => `${n}.dispose();`).join(' ') : `tf.dispose([${names.join(', ')}]);`;
  edits.push(src.edit(file, closeLineStart, closeLineStart, `${indent}${statement}\n`));
  return overlapping(edits) ? null : edits;
}

/** A loop statement's header on the line of its `{`: `for (...) {`, `while (...) {`, `do {`. */
const LOOP_HEADER = /^\s*(?:(?:for|while)\b.*\)|do)\s*$/;

/** The `{` of the innermost loop around `at` (through any blocks between) that opens after `after`; -1 when none. */
function loopOpenAround(src: SourceText, at: number, after: number): number {
  const t = src.text;
  for (let open = enclosingBlock(t, at); open > after; open = enclosingBlock(t, src.lineStart(src.position(open).line))) {
    if (LOOP_HEADER.test(codeOnly(t, src.lineStart(src.position(open).line), open))) return open;
  }
  return -1;
}

function buildPerSplitEdits(src: SourceText, p: Extract<FixPlan, { kind: 'buildPerSplit' }>): EditResult {
  const t = src.text;
  const call = findCall(src, p.fitSite, /\.\s*fit\s*\(/);
  if (!call) return null;
  const receiver = /([A-Za-z_$][\w$]*)\s*\.\s*fit\s*\($/.exec(codeOnly(t, src.lineStart(p.fitSite.line), call.open + 1));
  // The model's last declaration before the fit (a builder function may declare its own).
  const found = receiver ? declarationBefore(t, receiver[1]!, call.open) : null;
  if (!found) return null;
  const d = { at: found.keyword.start, init: found.init.start };
  const loopOpen = loopOpenAround(src, call.open, d.at);
  if (loopOpen < 0) return null;
  const start = d.at;
  const lineStart = src.lineStart(src.position(start).line);
  if (t.slice(lineStart, start).trim() !== '') return null;
  const end = statementEnd(t, d.init);
  const stmtEnd = t[end] === ';' ? end + 1 : end;
  const endLine = src.position(stmtEnd).line;
  if (t.slice(stmtEnd, src.lineEnd(endLine)).trim() !== '') return null;
  // Nothing between the declaration and the loop may use the model.
  if (new RegExp(`(?<![\\w$.])${escapeRe(receiver![1]!)}(?![\\w$])`).test(codeOnly(t, stmtEnd, src.lineStart(src.position(loopOpen).line)))) return null;
  const openLine = src.position(loopOpen).line;
  if (t.slice(loopOpen + 1, src.lineEnd(openLine)).trim() !== '') return null;
  const bodyStart = src.lineStart(openLine + 1);
  const indent = /^[ \t]*/.exec(t.slice(bodyStart))![0];
  const statement = t.slice(start, stmtEnd).replace(/\n[ \t]*/g, ' ');
  const next = src.lineStart(endLine + 1);
  return [src.edit(p.fitSite.file, lineStart, next < 0 ? t.length : next, ''), src.edit(p.fitSite.file, bodyStart, bodyStart, `${indent}${statement}\n`)];
}

function gradientsAtEachStepEdits(src: SourceText, p: Extract<FixPlan, { kind: 'gradientsAtEachStep' }>): EditResult {
  const t = src.text;
  const call = findCall(src, p.site, /\.\s*applyGradients\s*\(/);
  const arg = call && call.args.length === 1 ? call.args[0]! : null;
  const name = arg ? t.slice(arg.start, arg.end).trim() : '';
  if (!call || !/^[A-Za-z_$][\w$]*$/.test(name)) return null;
  const code = codeOnly(t, 0, t.length);
  // `const grads = <init>;` or `const { grads } = <init>;`, the last before the call.
  const re = new RegExp(`\\b(?:const|let|var)\\s+(?:${escapeRe(name)}|\\{\\s*${escapeRe(name)}\\s*\\})\\s*=(?![=>])\\s*`, 'g');
  let decl: RegExpExecArray | null = null;
  for (let m = re.exec(code); m && m.index < call.open; m = re.exec(code)) decl = m;
  if (!decl) return null;
  const initStart = decl.index + decl[0].length;
  const end = statementEnd(t, initStart);
  const init = t.slice(initStart, end).trim();
  const destructured = decl[0].includes('{');
  // The declaration must lie before a loop around the call.
  if (loopOpenAround(src, call.open, decl.index) < 0) return null;
  const callLike = /^[\w$.\s]+\(/.test(init) && matchClose(t, initStart + init.indexOf('(')) === initStart + init.length - 1;
  const computed = destructured ? `${callLike ? init : `(${init})`}.${name}` : init;
  const edits = [src.edit(p.site.file, arg!.start, arg!.end, computed)];
  // The declaration goes too when the call was its only use.
  const uses = code.match(new RegExp(`(?<![\\w$.])${escapeRe(name)}(?![\\w$])`, 'g'))?.length ?? 0;
  const lineStart = src.lineStart(src.position(decl.index).line);
  const stmtEnd = t[end] === ';' ? end + 1 : end;
  const endLine = src.position(stmtEnd).line;
  if (uses === 2 && t.slice(lineStart, decl.index).trim() === '' && t.slice(stmtEnd, src.lineEnd(endLine)).trim() === '') {
    const next = src.lineStart(endLine + 1);
    edits.unshift(src.edit(p.site.file, lineStart, next < 0 ? t.length : next, ''));
  }
  return edits;
}

function setRateBeforeFitEdits(src: SourceText, p: Extract<FixPlan, { kind: 'setRateBeforeFit' }>): EditResult {
  const t = src.text;
  const sweepLine = src.lineCode(p.sweepSite.line);
  const set = /([A-Za-z_$][\w$]*)\s*\.\s*setLearningRate\s*\(/.exec(sweepLine);
  const assigned = set ? null : /([A-Za-z_$][\w$]*)\s*\.\s*learningRate\s*=(?!=)/.exec(sweepLine);
  const optimizer = set?.[1] ?? assigned?.[1];
  if (!optimizer || p.fitSite.line <= p.sweepSite.line) return null;
  const between = codeOnly(t, src.lineEnd(p.sweepSite.line), src.lineStart(p.fitSite.line));
  const names = [...between.matchAll(/\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=(?![=>])/g)].map((m) => m[1]!).filter((n) => /lr|rate/i.test(n));
  const rate = names.at(-1);
  if (!rate) return null;
  const at = src.lineStart(p.fitSite.line);
  const indent = /^[ \t]*/.exec(t.slice(at))![0];
  return [src.edit(p.fitSite.file, at, at, `${indent}${set ? `${optimizer}.setLearningRate(${rate})` : `${optimizer}.learningRate = ${rate}`};\n`)];
}

function hoistAssignmentEdits(src: SourceText, p: Extract<FixPlan, { kind: 'hoistAssignment' }>): EditResult {
  const t = src.text;
  const lineStart = src.lineStart(p.site.line);
  const m = /^[ \t]*([A-Za-z_$][\w$]*)\s*=(?![=>])\s*/.exec(t.slice(lineStart, src.lineEnd(p.site.line)));
  return m ? hoistStatement(src, p.site.file, lineStart + m[0].length - m[0].trimStart().length, lineStart + m[0].length) : null;
}

function targetAfterWindowEdits(src: SourceText, p: Extract<FixPlan, { kind: 'targetAfterWindow' }>): EditResult {
  const code = codeOnly(src.text, 0, src.text.length);
  const found = [...code.matchAll(/\[\s*([A-Za-z_$][\w$]*)\s*\+\s*([A-Za-z_$][\w$]*)\s*-\s*1\s*\]/g)].filter((m) =>
    new RegExp(`\\.\\s*slice\\s*\\(\\s*${escapeRe(m[1]!)}\\s*,\\s*${escapeRe(m[1]!)}\\s*\\+\\s*${escapeRe(m[2]!)}\\s*\\)`).test(code),
  );
  if (found.length !== 1) return null;
  const m = found[0]!;
  return [src.edit(p.site.file, m.index!, m.index! + m[0].length, `[${m[1]} + ${m[2]}]`)];
}

function variableTrainableEdits(src: SourceText, p: Extract<FixPlan, { kind: 'variableTrainable' }>): EditResult {
  const call = findCall(src, p.site, /\bvariable\s*\(/);
  const [init, flag] = call?.args ?? [];
  return call && init && flag && call.args.length === 2 && src.text.slice(flag.start, flag.end).trim() === 'false' ? [src.edit(p.site.file, init.end, flag.end, '')] : null;
}

/**
 * The threshold of the comparison at the site set to `to`: written there as a number, or as a name
 * declared once with that number (`const DROPOUT_RATE = 50;`), whose declaration is changed.
 */
function thresholdToEdits(src: SourceText, p: Extract<FixPlan, { kind: 'thresholdTo' }>): EditResult {
  const t = src.text;
  const last = findCall(src, p.site, /\b(?:greater|greaterEqual|less|lessEqual)\s*\(/)?.args.at(-1);
  if (!last) return null;
  const number = numberBehind(t, trim(t, last.start, last.end));
  return number && number.value === p.threshold ? [src.edit(p.site.file, number.span.start, number.span.end, literal(p.to))] : null;
}

/**
 * The number literal an expression is, or the one a name declared once holds (`const FACTOR = 10;`):
 * its span, where an edit changes it for every use, and its value. Null for anything else.
 */
function numberBehind(t: string, span: Span): { span: Span; value: number } | null {
  const name = t.slice(span.start, span.end);
  if (/^[A-Za-z_$][\w$]*$/.test(name)) {
    const start = singleDeclaration(t, name)?.init;
    if (start === undefined) return null;
    span = trim(t, start, statementEnd(t, start));
  }
  const written = t.slice(span.start, span.end);
  return NUMBER.test(written) ? { span, value: Number(written) } : null;
}

function hoistDeclarationEdits(src: SourceText, p: Extract<FixPlan, { kind: 'hoistDeclaration' }>): EditResult {
  const t = src.text;
  const d = declarationAt(src, p.site);
  if (!d) return null;
  // Its name must be declared nowhere else (moved, it would clash).
  const declared = codeOnly(t, 0, t.length).match(new RegExp(`\\b(?:const|let|var)\\s+${escapeRe(d.name)}\\b`, 'g')) ?? [];
  if (declared.length !== 1) return null;
  return hoistStatement(src, p.site.file, d.start, d.init.start);
}

/**
 * Moves the statement that starts at `start` (first on its line) and computes its value from
 * `valueStart` to before the outermost of the loops directly around it. Null when something else
 * shares its lines, no loop holds it, or its value uses a name the loops declare (a rate computed
 * per epoch).
 */
function hoistStatement(src: SourceText, file: string, start: number, valueStart: number): EditResult {
  const t = src.text;
  const lineStart = src.lineStart(src.position(start).line);
  if (t.slice(lineStart, start).trim() !== '') return null;
  const end = statementEnd(t, valueStart);
  const stmtEnd = t[end] === ';' ? end + 1 : end;
  const endLine = src.position(stmtEnd).line;
  if (t.slice(stmtEnd, src.lineEnd(endLine)).trim() !== '') return null;
  const loopLine = loopAround(src, start);
  if (loopLine === null) return null;
  const loopStart = src.lineStart(loopLine);
  if (usesNameDeclaredIn(codeOnly(t, loopStart, start), codeOnly(t, valueStart, end))) return null;
  const indent = /^[ \t]*/.exec(t.slice(loopStart))![0];
  const statement = t.slice(start, stmtEnd).replace(/\n[ \t]*/g, ' ');
  const next = src.lineStart(endLine + 1);
  return [src.edit(file, loopStart, loopStart, `${indent}${statement}\n`), src.edit(file, lineStart, next < 0 ? t.length : next, '')];
}

const EMPTY_ARRAY_DECLARATION = /^([ \t]*)(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:\[\s*\]|new\s+(?:Array|Float32Array|Float64Array|Int32Array|Uint8Array)\s*\([^()]*\))\s*;?[ \t]*$/gm;

function declareRowInLoopEdits(src: SourceText, p: Extract<FixPlan, { kind: 'declareRowInLoop' }>): EditResult {
  const t = src.text;
  const found: TextEdit[][] = [];
  for (const m of t.matchAll(EMPTY_ARRAY_DECLARATION)) {
    const name = escapeRe(m[2]!);
    const declStart = m.index!;
    const declEnd = declStart + m[0].length;
    // The next loop in the same block: `for (...) {` or `while (...) {`.
    const block = enclosingBlock(t, declStart);
    const blockEnd = block >= 0 ? matchClose(t, block) : t.length;
    const header = /^[ \t]*(?:for|while)\b[^\n]*\{[ \t]*$/m.exec(t.slice(declEnd, blockEnd));
    if (!header) continue;
    const open = declEnd + header.index + header[0].lastIndexOf('{');
    const close = matchClose(t, open);
    if (close < 0 || enclosingBlock(t, open) !== block) continue;
    const body = codeOnly(t, open, close);
    const after = codeOnly(t, close, blockEnd);
    // Filled in place and pushed (or yielded, from a tf.data generator) whole at each pass, and not used once the loop is done.
    const handedOn = new RegExp(`\\.push\\(\\s*${name}\\s*\\)|\\byield\\s+(?:${name}\\b|\\{[^;]*:\\s*${name}\\s*[,}])`);
    if (!handedOn.test(body) || !new RegExp(`\\b${name}\\s*\\[[^\\]]+\\]\\s*=(?!=)`).test(body)) continue;
    if (new RegExp(`\\b${name}\\b`).test(after)) continue;
    const bodyLine = src.position(open).line + 1;
    const bodyStart = src.lineStart(bodyLine);
    const indent = /^[ \t]*/.exec(t.slice(bodyStart))![0];
    const next = declEnd < t.length ? declEnd + 1 : declEnd;
    found.push([src.edit(p.file, declStart, next, ''), src.edit(p.file, bodyStart, bodyStart, `${indent}${m[0].trim()}\n`)]);
  }
  // Only an unambiguous one: the runtime saw identical rows, not which array made them.
  return found.length === 1 ? found[0]! : null;
}

/** A one-line declaration whose value is a random draw (`Math.random()`, `rng()`, `rng.random()`, `randInt(...)`). */
const RANDOM_DECLARATION = /^([ \t]*)(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*([^;\n]*\b(?:random|rand|randInt|randomInt|rng)\w*\s*\([^;\n]*);?[ \t]*$/gm;

function drawPerRowEdits(src: SourceText, p: Extract<FixPlan, { kind: 'drawPerRow' }>): EditResult {
  const t = src.text;
  const found: TextEdit[][] = [];
  for (const m of t.matchAll(RANDOM_DECLARATION)) {
    const name = escapeRe(m[2]!);
    const declStart = m.index!;
    const declEnd = declStart + m[0].length;
    const block = enclosingBlock(t, declStart);
    const blockEnd = block >= 0 ? matchClose(t, block) : t.length;
    // The very next statement is the loop: `for (...) {` or `for (...) statement;`.
    const next = /^\s*for\s*\(/.exec(t.slice(declEnd, blockEnd));
    if (!next) continue;
    const paren = declEnd + next[0].length - 1;
    const headerEnd = matchClose(t, paren);
    if (headerEnd < 0) continue;
    const rest = /^[ \t]*/.exec(t.slice(headerEnd + 1))![0];
    const bodyAt = headerEnd + 1 + rest.length;
    const braced = t[bodyAt] === '{';
    const bodyEnd = braced ? matchClose(t, bodyAt) : t.indexOf('\n', bodyAt) < 0 ? t.length : t.indexOf('\n', bodyAt);
    if (bodyEnd < 0 || bodyEnd > blockEnd) continue;
    const body = codeOnly(t, bodyAt, bodyEnd);
    const after = codeOnly(t, bodyEnd + 1, blockEnd);
    // The draw picks what each pass adds to a batch (`.push(...[c]...)`), and is not used once the loop is done.
    if (!/\.push\(/.test(body) || !new RegExp(`\\[\\s*${name}\\s*\\]`).test(body) || new RegExp(`\\b${name}\\b`).test(after)) continue;
    const indent = m[1]!;
    const decl = m[0].trim().replace(/;?$/, ';');
    const removeTo = declEnd < t.length && t[declEnd] === '\n' ? declEnd + 1 : declEnd;
    if (braced) {
      const bodyLine = src.position(bodyAt).line + 1;
      const bodyStart = src.lineStart(bodyLine);
      const inner = /^[ \t]*/.exec(t.slice(bodyStart))![0];
      found.push([src.edit(p.file, declStart, removeTo, ''), src.edit(p.file, bodyStart, bodyStart, `${inner}${decl}\n`)]);
    } else {
      const statement = t.slice(bodyAt, bodyEnd).trim();
      found.push([src.edit(p.file, declStart, removeTo, ''), src.edit(p.file, bodyAt, bodyEnd, `{\n${indent}  ${decl}\n${indent}  ${statement}\n${indent}}`)]);
    }
  }
  // Only an unambiguous one: the runtime saw batches of one class, not which draw chose it.
  return found.length === 1 ? found[0]! : null;
}

function shuffleRowsBeforeFitEdits(src: SourceText, p: Extract<FixPlan, { kind: 'shuffleRowsBeforeFit' }>): EditResult {
  const t = src.text;
  const call = findCall(src, p.fitSite, /\bfit\s*\(/);
  if (!call || call.args.length < 2 || !TF_BINDING.test(t) || /\browOrder\b/.test(t)) return null;
  const ls = src.lineStart(p.fitSite.line);
  // The fit call's statement must start on its line: the new one goes just before it.
  const before = t.slice(ls, call.open);
  if (/[([{]/.test(before.replace(/\bfit\s*$/, '')) || !/^\s*(?:(?:const|let|var)\s+[\w$]+\s*=\s*)?(?:await\s+)?[\w$.]+\.fit$/.test(before.trim())) return null;
  const [x, y] = call.args as [Span, Span];
  const operand = (a: Span) => {
    const text = t.slice(a.start, a.end);
    return /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/.test(text) ? text : `(${text})`;
  };
  const indent = /^[ \t]*/.exec(t.slice(ls))![0];
  const eol = t[src.lineEnd(p.fitSite.line)] === '\r' ? '\r\n' : '\n';
  return [
    src.edit(p.fitSite.file, ls, ls, `${indent}const rowOrder = tf.tensor1d(Array.from(tf.util.createShuffledIndices(${operand(x)}.shape[0])), 'int32');${eol}`),
    src.edit(p.fitSite.file, x.start, x.end, `${operand(x)}.gather(rowOrder)`),
    src.edit(p.fitSite.file, y.start, y.end, `${operand(y)}.gather(rowOrder)`),
  ];
}

function maskBeforeEdits(src: SourceText, p: Extract<FixPlan, { kind: 'maskBefore' }>): EditResult {
  const site = p.layer.site;
  if (!site) return null;
  const add = sequentialAdd(src, site);
  const layer = findCall(src, site, layerCallee(p.layer.className));
  const obj = layer ? objectArg(src, layer) : null;
  if (!add || !obj) return null;
  const t = src.text;
  const ls = src.lineStart(site.line);
  const edits: TextEdit[] = [];
  const i = obj.props.findIndex((x) => x.key === 'inputShape');
  const shape = i >= 0 ? obj.props[i]!.value : null;
  if (i >= 0) {
    if (!shape) return null;
    const next = obj.props[i + 1];
    const prev = obj.props[i - 1];
    // The option goes with the comma that joins it to its neighbour.
    if (next) edits.push(src.edit(site.file, obj.props[i]!.keySpan.start, next.keySpan.start, ''));
    else if (prev?.value) edits.push(src.edit(site.file, prev.value.end, shape.end, ''));
    else return null;
  }
  const eol = t[src.lineEnd(site.line)] === '\r' ? '\r\n' : '\n';
  const options = `maskValue: 0${shape ? `, inputShape: ${t.slice(shape.start, shape.end)}` : ''}`;
  edits.unshift(src.edit(site.file, ls, ls, `${add.statement(`masking({ ${options} })`)}${eol}`));
  return edits;
}

function shuffleAfterZipEdits(src: SourceText, p: Extract<FixPlan, { kind: 'shuffleAfterZip' }>): EditResult {
  const t = src.text;
  const shuffleCall = (site: SourceSite) => {
    const call = findCall(src, site, /\.\s*shuffle\s*\(/);
    if (!call) return null;
    return { start: t.lastIndexOf('.', call.open), end: call.close + 1, args: t.slice(call.open + 1, call.close) };
  };
  const a = shuffleCall(p.inputs);
  const b = shuffleCall(p.targets);
  const zip = findCall(src, p.zip, /\bzip\s*\(/);
  if (!a || !b || !zip || a.start === b.start) return null;
  return [src.edit(p.inputs.file, a.start, a.end, ''), src.edit(p.targets.file, b.start, b.end, ''), src.edit(p.zip.file, zip.close + 1, zip.close + 1, `.shuffle(${a.args})`)];
}

function unfreezeLayersEdits(src: SourceText, p: Extract<FixPlan, { kind: 'unfreezeLayers' }>): EditResult {
  if (p.fitSite.file !== p.site.file || p.names.some((n) => !/^[\w.-]+$/.test(n))) return null;
  const t = src.text;
  const fit = findCall(src, p.fitSite, /\bfit(?:Dataset)?\s*\(/);
  const receiver = fit ? /([A-Za-z_$][\w$]*)\s*\.\s*fit(?:Dataset)?\s*\($/.exec(t.slice(Math.max(0, fit.open - 200), fit.open + 1)) : null;
  if (!receiver) return null;
  // After the whole statement that froze them (a one-line loop, say), before compile reads the flags.
  const lineStart = src.lineStart(p.site.line);
  const end = statementEnd(t, lineStart + /^\s*/.exec(t.slice(lineStart))![0].length);
  const endLine = src.position(t[end] === ';' ? end + 1 : end).line;
  const afterLine = src.lineEnd(endLine);
  if (afterLine < 0 || src.lineStart(p.fitSite.line) <= afterLine) return null;
  const indent = /^[ \t]*/.exec(t.slice(lineStart))![0];
  const q = quoteStyle(t, null);
  const lines = p.names.map((n) => `\n${indent}${receiver[1]}.getLayer(${q}${n}${q}).trainable = true;`).join('');
  return [src.edit(p.site.file, afterLine, afterLine, lines)];
}

/** The header line of the outermost of the loops directly around offset `at`, or null when no loop holds it. */
function loopAround(src: SourceText, at: number): number | null {
  const t = src.text;
  let loopLine: number | null = null;
  for (let open = enclosingBlock(t, at); open >= 0; ) {
    const line = src.position(open).line;
    if (!LOOP_HEADER.test(codeOnly(t, src.lineStart(line), open))) break;
    loopLine = line;
    open = enclosingBlock(t, src.lineStart(line));
  }
  return loopLine;
}

/**
 * The rate given at `site`, by `optimizer.setLearningRate(lr)`, `optimizer.learningRate = lr` or
 * an optimizer factory (`tf.train.adam(lr)`),
 * when it is a name declared once in the file: the site of that declaration (where the value was
 * computed). Null otherwise.
 */
export function rateValueSite(read: SourceReader | undefined, site: SourceSite, cache = new Map<string, SourceText | null>()): SourceSite | null {
  const src = cachedSource(read, site.file, cache);
  const decl = src ? rateDeclaration(src, site) : null;
  if (!src || !decl) return null;
  const p = src.position(decl.at);
  return { file: site.file, line: p.line, column: p.column };
}

/**
 * The one declaration of the name a learning rate is given at the site: the argument of
 * `setLearningRate(lr)` or of an optimizer's factory (`tf.train.sgd(lr)`), or `opt.learningRate = lr`.
 */
function rateDeclaration(src: SourceText, site: SourceSite): { at: number; init: number } | null {
  const t = src.text;
  const arg = findCall(src, site, /\b(?:setLearningRate|sgd|momentum|adam|adamax|adagrad|adadelta|rmsprop)\s*\(/)?.args[0];
  let name = arg ? t.slice(arg.start, arg.end) : '';
  if (!arg) {
    const line = t.slice(src.lineStart(site.line), src.lineEnd(site.line));
    name = /\.\s*learningRate\s*=(?!=)\s*([A-Za-z_$][\w$]*)\s*;?\s*$/.exec(line)?.[1] ?? '';
  }
  return /^[A-Za-z_$][\w$]*$/.test(name) ? singleDeclaration(t, name) : null;
}

/**
 * Where the script writes the object fit is given as option `key` (`classWeight`, or
 * `classWeight: weights`): the one statement that assigns into it (`weights[i] = ...`), else its
 * one declaration. Null when neither is found once.
 */
export function fitOptionWriteSite(read: SourceReader | undefined, fitSite: SourceSite, key: string, cache = new Map<string, SourceText | null>()): SourceSite | null {
  const src = cachedSource(read, fitSite.file, cache);
  if (!src) return null;
  const t = src.text;
  const name = fitOptionText(src, fitSite, key);
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) return null;
  const writes = [...codeOnly(t, 0, t.length).matchAll(new RegExp(`(?<![\\w$.])${escapeRe(name)}\\s*\\[[^\\]\\n]*\\]\\s*=(?!=)`, 'g'))];
  const at = writes.length === 1 ? writes[0]!.index! : singleDeclaration(t, name)?.at;
  if (at === undefined) return null;
  // The statement the write is in: its line's first code.
  const p = src.position(at);
  const lineStart = src.lineStart(p.line);
  const indent = /^[ \t]*/.exec(t.slice(lineStart))![0].length;
  return { file: fitSite.file, line: p.line, column: indent + 1 };
}

export function firstSiteInLoop(read: SourceReader | undefined, sites: readonly SourceSite[], cache = new Map<string, SourceText | null>()): SourceSite | null {
  for (const site of sites) {
    const src = cachedSource(read, site.file, cache);
    if (!src) continue;
    const start = src.lineStart(site.line);
    if (start >= 0 && loopAround(src, start) !== null) return site;
  }
  return null;
}

function hoistOutOfLoopEdits(src: SourceText, p: Extract<FixPlan, { kind: 'hoistOutOfLoop' }>): EditResult {
  const t = src.text;
  const file = p.sites[0]!.file;
  const cache = new Map<string, SourceText | null>([[file, src]]);
  const site = firstSiteInLoop(undefined, p.sites.filter((x) => x.file === file), cache);
  if (!site) return null;
  const lineStart = src.lineStart(site.line);
  const m = /^([ \t]*)(const|let|var)?\s*([A-Za-z_$][\w$]*)\s*=(?![=>])\s*/.exec(t.slice(lineStart, src.lineEnd(site.line)));
  if (!m) {
    // A bare call that makes the state (`initWeights();`): the call moves before the loop.
    const call = /^([ \t]*)(?:await\s+)?[A-Za-z_$][\w$.]*\s*\(/.exec(t.slice(lineStart, src.lineEnd(site.line)));
    return call ? hoistStatement(src, file, lineStart + call[1]!.length, lineStart + call[1]!.length) : null;
  }
  if (m[2]) return hoistDeclarationEdits(src, { kind: 'hoistDeclaration', site });
  // An assignment to a variable declared outside the loop: the statement moves before it.
  return hoistStatement(src, file, lineStart + m[1]!.length, lineStart + m[0].length);
}

/** Whether `code` uses a name that `scope` declares (`const|let|var <name>`): moved out of that scope, it would lose it. */
function usesNameDeclaredIn(scope: string, code: string): boolean {
  for (const m of scope.matchAll(/\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)/g)) if (new RegExp(`\\b${escapeRe(m[1]!)}\\b`).test(code)) return true;
  return false;
}

function moveAfterLoopEdits(src: SourceText, p: Extract<FixPlan, { kind: 'moveAfterLoop' }>): EditResult {
  const t = src.text;
  const lineStart = src.lineStart(p.site.line);
  if (lineStart < 0) return null;
  const start = lineStart + /^[ \t]*/.exec(t.slice(lineStart))![0].length;
  const end = statementEnd(t, start);
  const stmtEnd = t[end] === ';' ? end + 1 : end;
  const endLine = src.position(stmtEnd).line;
  if (stmtEnd <= start || t.slice(stmtEnd, src.lineEnd(endLine)).trim() !== '') return null;
  // The statement must sit directly in a loop's body, and that loop's closing brace alone on its line.
  const open = enclosingBlock(t, start);
  if (open < 0) return null;
  const headerLine = src.position(open).line;
  if (!LOOP_HEADER.test(codeOnly(t, src.lineStart(headerLine), open))) return null;
  const close = matchClose(t, open);
  if (close < 0) return null;
  const closeLine = src.position(close).line;
  const closeStart = src.lineStart(closeLine);
  if (t.slice(closeStart, close).trim() !== '' || !/^\s*;?\s*$/.test(t.slice(close + 1, src.lineEnd(closeLine)))) return null;
  // It must not use what the loop declares (the batch index, a batch's tensors).
  if (usesNameDeclaredIn(codeOnly(t, src.lineStart(headerLine), start), codeOnly(t, start, stmtEnd))) return null;
  const indent = /^[ \t]*/.exec(t.slice(closeStart))![0];
  const next = src.lineStart(endLine + 1);
  const afterClose = src.lineStart(closeLine + 1);
  const text = t.slice(start, stmtEnd).replace(/\n[ \t]*/g, ' ');
  return [
    src.edit(p.site.file, lineStart, next < 0 ? t.length : next, ''),
    src.edit(p.site.file, afterClose < 0 ? t.length : afterClose, afterClose < 0 ? t.length : afterClose, `${afterClose < 0 ? '\n' : ''}${indent}${text}\n`),
  ];
}

const SLICE_CALL = /\.\s*slice\s*\(/;

/** The first-axis part of a slice argument: the number, or the first element of `[a, b]`. */
function firstAxis(t: string, a: Span | undefined): Span | null {
  if (!a) return null;
  const a0 = trim(t, a.start, a.end);
  if (t[a0.start] !== '[') return a0.end > a0.start ? a0 : null;
  const close = matchClose(t, a0.start);
  if (close < 0 || close + 1 !== a0.end) return null;
  const items = splitTopLevel(t, a0.start + 1, close);
  return items[0] ? trim(t, items[0].start, items[0].end) : null;
}

/** x.slice(begin, size) or tf.slice(x, begin, size): the begin and size arguments. */
function sliceArgs(call: Call): [Span | undefined, Span | undefined] {
  const [begin, size] = call.args.length === 3 ? call.args.slice(1) : call.args;
  return [begin, size];
}

/** A slice call's offset along the first axis, whatever its expression. */
function sliceBegin(t: string, call: Call): Span | null {
  return firstAxis(t, sliceArgs(call)[0]);
}

/** A slice call's offset along the first axis, its text, and the text of its size there (a size of -1, to the end, is none). */
function sliceSpan(t: string, call: Call): { begin: Span; text: string; size: string } | null {
  const [beginArg, sizeArg] = sliceArgs(call);
  const begin = firstAxis(t, beginArg);
  const size = firstAxis(t, sizeArg);
  if (!begin || !size) return null;
  const sizeText = t.slice(size.start, size.end);
  return sizeText && sizeText !== '-1' ? { begin, text: t.slice(begin.start, begin.end), size: sizeText } : null;
}

/** A slice call's offset along the first axis when it is a number (`0`, or the first element of `[0, 0]`), and the text of its size there. */
function sliceOffset(t: string, call: Call): { begin: Span; text: string; size: string } | null {
  const span = sliceSpan(t, call);
  return span && /^\d+$/.test(span.text) ? span : null;
}

function sliceColumnEdits(src: SourceText, p: Extract<FixPlan, { kind: 'sliceColumn' }>): EditResult {
  const t = src.text;
  const call = findCall(src, p.site, SLICE_CALL) ?? findCall(src, p.site, /\btf\s*\.\s*slice\s*\(/);
  const begin = call ? sliceArgs(call)[0] : undefined;
  if (!begin) return null;
  const b = trim(t, begin.start, begin.end);
  if (t[b.start] !== '[' || matchClose(t, b.start) + 1 !== b.end) return null;
  const items = splitTopLevel(t, b.start + 1, b.end - 1);
  const last = items.length >= 2 ? trim(t, items[items.length - 1]!.start, items[items.length - 1]!.end) : null;
  if (!last || !/^\d+$/.test(t.slice(last.start, last.end))) return null;
  return [src.edit(p.site.file, last.start, last.end, String(p.to))];
}

function forInToIndexEdits(src: SourceText, p: Extract<FixPlan, { kind: 'forInToIndex' }>): EditResult {
  const t = src.text;
  const w = writtenStatement(src, p.site);
  if (!w) return null;
  for (let open = enclosingBlock(t, w.at); open >= 0; open = enclosingBlock(t, open)) {
    const before = codeOnly(t, Math.max(0, open - 300), open);
    const m = /\bfor\s*\(\s*(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s+in\s+([A-Za-z_$][\w$.]*)\s*\)\s*$/.exec(before);
    if (!m) continue;
    // The key is a string: `i + 1` there concatenates ('3' + 1 is '31').
    if (!new RegExp(String.raw`(?<![\w$.])${escapeRe(m[1]!)}\s*\+`).test(w.code)) return null;
    const start = open - before.length + m.index;
    const close = matchClose(t, start + m[0].indexOf('('));
    return close > start ? [src.edit(p.site.file, start, close + 1, `for (let ${m[1]} = 0; ${m[1]} < ${m[2]}.length; ${m[1]}++)`)] : null;
  }
  return null;
}

function log1pAtWriteEdits(src: SourceText, p: Extract<FixPlan, { kind: 'log1pAtWrite' }>): EditResult {
  const t = src.text;
  const w = writtenStatement(src, p.site);
  const logs = w ? [...w.code.matchAll(/\bMath\s*\.\s*log\s*\(/g)] : [];
  if (!w || logs.length !== 1) return null;
  const logAt = w.at + logs[0]!.index! + logs[0]![0].lastIndexOf('log');
  const edits = [src.edit(p.site.file, logAt, logAt + 3, 'log1p')];
  // Predictions read back as counts with the one Math.exp in the file.
  const exps = [...codeOnly(t, 0, t.length).matchAll(/\bMath\s*\.\s*exp\s*\(/g)];
  if (exps.length === 1) {
    const e = exps[0]!.index! + exps[0]![0].lastIndexOf('exp');
    edits.push(src.edit(p.site.file, e, e + 3, 'expm1'));
  }
  return edits;
}

function hingeMarginEdits(src: SourceText, p: Extract<FixPlan, { kind: 'hingeMargin' }>): EditResult {
  const t = src.text;
  const start = src.lineStart(p.site.line);
  if (start < 0) return null;
  const code = src.lineCode(p.site.line);
  // `.add(<margin>)` right before the reduction, on a chain holding a `.sub(`.
  const adds = [...code.matchAll(/\.\s*add\s*\(\s*([A-Za-z_$][\w$.]*|\d+(?:\.\d+)?)\s*\)(?=\s*\.\s*(?:mean|sum)\s*\()/g)].filter((m) => /margin|^\d/i.test(m[1]!));
  if (adds.length !== 1) return null;
  const end = adds[0]!.index! + adds[0]![0].length;
  // The chain starts after the last `=>`, `=` or `return` before it.
  const before = code.slice(0, adds[0]!.index!);
  const heads = [...before.matchAll(/=>|=(?!=)|\breturn\b/g)];
  const head = heads[heads.length - 1];
  if (!head) return null;
  let from = head.index! + head[0].length;
  while (from < end && /\s/.test(code[from]!)) from++;
  const chain = code.slice(from, end);
  if (!/\.\s*sub\s*\(/.test(chain) || /\brelu\b|maximum/.test(chain)) return null;
  return [src.edit(p.site.file, start + from, start + end, `tf.relu(${t.slice(start + from, start + end)})`)];
}

function reuseConfiguredLayerEdits(src: SourceText, p: Extract<FixPlan, { kind: 'reuseConfiguredLayer' }>): EditResult {
  const t = src.text;
  const start = src.lineStart(p.site.line);
  if (start < 0) return null;
  const code = src.lineCode(p.site.line);
  const made = [...code.matchAll(/\btf\s*\.\s*layers\s*\.\s*[A-Za-z]\w*\s*\(\s*([A-Za-z_$][\w$.]*(?:\[[^\[\]]+\])?)\s*\.\s*getConfig\s*\(\s*\)\s*\)/g)];
  if (made.length !== 1) return null;
  const m = made[0]!;
  return [src.edit(p.site.file, start + m.index!, start + m.index! + m[0].length, m[1]!)];
}

function deviationFromMeanEdits(src: SourceText, file: string): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const found: TextEdit[] = [];
  // `Math.sqrt(<arr>.reduce((s, v) => s + v * v, 0) ...)` or with `v ** 2`, in a declaration.
  for (const m of code.matchAll(/\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*Math\s*\.\s*sqrt\s*\(\s*[A-Za-z_$][\w$.]*\s*\.\s*reduce\s*\(\s*\(\s*([A-Za-z_$][\w$]*)\s*,\s*([A-Za-z_$][\w$]*)\s*\)\s*=>\s*\2\s*\+\s*(\3\s*\*\s*\3|\3\s*\*\*\s*2)\b/g)) {
    if (!/std|dev|sigma|scale/i.test(m[1]!)) continue;
    // The mean of the same values, declared just before.
    const before = code.slice(Math.max(0, m.index! - 300), m.index!);
    const mean = [...before.matchAll(/\b(?:const|let|var)\s+((?:[A-Za-z_$][\w$]*)?[Mm]ean[\w$]*|mu|avg)\s*=/g)].pop()?.[1];
    if (!mean) continue;
    const at = m.index! + m[0].length - m[4]!.length;
    found.push(src.edit(file, at, at + m[4]!.length, `(${m[3]} - ${mean}) ** 2`));
  }
  return found.length === 1 ? found : null;
}

function sumLastAxisEdits(src: SourceText, p: Extract<FixPlan, { kind: 'sumLastAxis' }>): EditResult {
  const t = src.text;
  const start = src.lineStart(p.site.line);
  if (start < 0) return null;
  const code = src.lineCode(p.site.line);
  const calls = [...code.matchAll(/\btf\s*\.\s*sum\s*\(|\.\s*sum\s*\(\s*\)/g)];
  if (calls.length !== 1) return null;
  const open = start + calls[0]!.index! + calls[0]![0].indexOf('(');
  const close = matchClose(t, open);
  if (close < 0) return null;
  const inner = trim(t, open + 1, close);
  if (inner.end <= inner.start) return [src.edit(p.site.file, open + 1, close, '-1')];
  // tf.sum(x): one argument, no axis given.
  return hasTopLevelComma(t, inner) ? null : [src.edit(p.site.file, inner.end, inner.end, ', -1')];
}

function parseHexEdits(src: SourceText, p: Extract<FixPlan, { kind: 'parseHex' }>): EditResult {
  const t = src.text;
  const start = src.lineStart(p.site.line);
  if (start < 0) return null;
  const code = src.lineCode(p.site.line);
  const calls = [...code.matchAll(/\b(?:Number\s*\.\s*)?parseInt\s*\(/g)];
  if (calls.length !== 1) return null;
  const open = start + calls[0]!.index! + calls[0]![0].length - 1;
  const close = matchClose(t, open);
  if (close < 0) return null;
  const inner = trim(t, open + 1, close);
  // One argument: a second would be a radix given already.
  return inner.end > inner.start && !hasTopLevelComma(t, inner) ? [src.edit(p.site.file, inner.end, inner.end, ', 16')] : null;
}

function stripSymbolEdits(src: SourceText, p: Extract<FixPlan, { kind: 'stripSymbol' }>): EditResult {
  const t = src.text;
  const start = src.lineStart(p.site.line);
  if (start < 0) return null;
  const code = src.lineCode(p.site.line);
  const calls = [...code.matchAll(new RegExp(`\\b(?:Number\\s*\\.\\s*)?${p.fn}\\s*\\(`, 'g'))];
  if (calls.length !== 1) return null;
  const open = start + calls[0]!.index! + calls[0]![0].length - 1;
  const close = matchClose(t, open);
  if (close < 0) return null;
  const args = splitTopLevel(t, open + 1, close);
  const text = args[0];
  if (!text || text.end <= text.start || args.length > (p.fn === 'parseInt' ? 2 : 1)) return null;
  const arg = t.slice(text.start, text.end);
  const operand = /^[\w$.]+(?:\[[^\]\n]*\])*$/.test(arg) ? arg : `(${arg})`;
  return [src.edit(p.site.file, text.start, text.end, `${operand}.replace(${JSON.stringify(p.symbol).replace(/^"|"$/g, "'")}, '')`)];
}

function dateFromSecondsEdits(src: SourceText, p: Extract<FixPlan, { kind: 'dateFromSeconds' }>): EditResult {
  const t = src.text;
  const start = src.lineStart(p.site.line);
  if (start < 0) return null;
  const end = src.lineEnd(p.site.line);
  const made = (from: number, to: number): Span[] => {
    const code = codeOnly(t, from, to);
    return [...code.matchAll(/\bnew\s+Date\s*\(/g)].map((m) => {
      const open = from + m.index! + m[0].length - 1;
      return trim(t, open + 1, matchClose(t, open));
    });
  };
  let spans = made(start, end);
  if (spans.length === 0) {
    // The date read is a name: its declaration, before the line, makes it.
    const receivers = [...codeOnly(t, start, end).matchAll(/\b([A-Za-z_$][\w$]*)\s*\.\s*get(?:UTC)?(?:Day|Hours|Date|Month)\s*\(/g)].map((m) => m[1]!);
    const names = [...new Set(receivers)];
    const decl = names.length === 1 ? declarationBefore(t, names[0]!, start) : null;
    if (decl) spans = made(decl.init.start, decl.init.end);
  }
  if (spans.length !== 1 || spans[0]!.end <= spans[0]!.start) return null;
  const arg = t.slice(spans[0]!.start, spans[0]!.end);
  if (/[,]|\*\s*1000\b/.test(arg)) return null;
  return [src.edit(p.site.file, spans[0]!.start, spans[0]!.end, /^[\w$.\[\]]+$/.test(arg) ? `${arg} * 1000` : `(${arg}) * 1000`)];
}

function roundNotTruncateEdits(src: SourceText, p: Extract<FixPlan, { kind: 'roundNotTruncate' }>): EditResult {
  const start = src.lineStart(p.site.line);
  if (start < 0) return null;
  const code = src.lineCode(p.site.line);
  const operand = '[A-Za-z_$][\\w$]*(?:\\s*\\.\\s*[A-Za-z_$][\\w$]*|\\[[^\\[\\]]+\\])*';
  const found = [...code.matchAll(new RegExp(`(${operand})\\s*\\|\\s*0(?![\\w.])|~~\\s*(${operand})`, 'g'))];
  if (found.length !== 1) return null;
  const m = found[0]!;
  const score = (m[1] ?? m[2])!;
  return [src.edit(p.site.file, start + m.index!, start + m.index! + m[0].length, `(${score} >= 0.5 ? 1 : 0)`)];
}

function invertScaleEdits(src: SourceText, p: Extract<FixPlan, { kind: 'invertScale' }>): EditResult {
  const start = src.lineStart(p.site.line);
  if (start < 0) return null;
  const code = src.lineCode(p.site.line);
  const muls = [...code.matchAll(/\.\s*mul\s*\(\s*([A-Za-z_$][\w$]*)\s*\)/g)];
  if (muls.length !== 1) return null;
  const decl = declarationBefore(src.text, muls[0]![1]!, start + muls[0]!.index!);
  if (!decl) return null;
  const init = src.text.slice(decl.init.start, decl.init.end);
  const q = /^([A-Za-z_$][\w$.]*)\s*\/\s*([A-Za-z_$][\w$.]*)$/.exec(init);
  return q ? [src.edit(p.site.file, decl.init.start, decl.init.end, `${q[2]} / ${q[1]}`)] : null;
}

/** The code of the site's line (strings and comments blanked) and where it starts, when the line assigns or passes a learning rate. */
function rateLine(src: SourceText, site: SourceSite): { start: number; code: string } | null {
  const start = src.lineStart(site.line);
  if (start < 0) return null;
  const code = src.lineCode(site.line);
  return /learningRate\s*=(?!=)|setLearningRate\s*\(/.test(code) ? { start, code } : null;
}

function clampTableIndexEdits(src: SourceText, p: Extract<FixPlan, { kind: 'clampTableIndex' }>): EditResult {
  const line = rateLine(src, p.site);
  if (!line) return null;
  const { start, code } = line;
  // One table read by an index without brackets of its own, the table an array literal declared once.
  const reads = [...code.matchAll(/\b([A-Za-z_$][\w$]*)\s*\[([^\[\]]+)\]/g)].filter((m) => {
    const decl = singleDeclaration(src.text, m[1]!);
    return decl !== null && src.text[decl.init] === '[';
  });
  if (reads.length !== 1) return null;
  const m = reads[0]!;
  const index = m[2]!.trim();
  if (/^\d+$/.test(index) || /Math\.min/.test(index)) return null;
  const open = start + m.index! + m[0].indexOf('[');
  return [src.edit(p.site.file, open + 1, start + m.index! + m[0].length - 1, `Math.min(${index}, ${m[1]}.length - 1)`)];
}

function divisorPlusOneEdits(src: SourceText, p: Extract<FixPlan, { kind: 'divisorPlusOne' }>): EditResult {
  // A rate assigned or passed on this line, divided by one bare name (not a member, not a call).
  const line = rateLine(src, p.site);
  if (!line) return null;
  const { start, code } = line;
  const divisions = [...code.matchAll(/\/\s*([A-Za-z_$][\w$]*)(?![\w$.(\[])/g)];
  if (divisions.length !== 1) return null;
  const d = divisions[0]!;
  const at = start + d.index! + d[0].length - d[1]!.length;
  return [src.edit(p.site.file, at, at + d[1]!.length, `(${d[1]} + 1)`)];
}

/**
 * A rate read from `optimizer.lr` (Keras's name): a tfjs optimizer keeps it in `learningRate`, so
 * the read is undefined and the rate computed from it NaN.
 */
function ratePropertyEdits(src: SourceText, p: Extract<FixPlan, { kind: 'rateProperty' }>): EditResult {
  const line = rateLine(src, p.site);
  if (!line) return null;
  const { start, code } = line;
  const reads = [...code.matchAll(/\.(lr|learning_rate)\b(?!\s*[(=])/g)];
  if (reads.length === 0) return null;
  return reads.map((m) => src.edit(p.site.file, start + m.index! + 1, start + m.index! + m[0].length, 'learningRate'));
}

/**
 * A warmup factor `Math.min(1, step / WARMUP)` whose length is 0 ("warmup off"): 0 / 0 is NaN at
 * the first step. Found on the rate's line or on the line that declares a name it uses, a few
 * lines above; the factor becomes 1 when there is no warmup.
 */
function guardWarmupRatioEdits(src: SourceText, p: Extract<FixPlan, { kind: 'guardWarmupRatio' }>): EditResult {
  const line = rateLine(src, p.site);
  if (!line) return null;
  const { start, code } = line;
  const operand = String.raw`[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*`;
  const ratio = new RegExp(String.raw`Math\.min\(\s*(?:1(?:\.0*)?\s*,\s*(${operand})\s*\/\s*(${operand})|(${operand})\s*\/\s*(${operand})\s*,\s*1(?:\.0*)?)\s*\)`);
  const names = new Set([...code.matchAll(/[A-Za-z_$][\w$]*/g)].map((m) => m[0]));
  for (let line = p.site.line; line >= Math.max(1, p.site.line - 8); line--) {
    const from = src.lineStart(line);
    const text = src.lineCode(line);
    const declared = /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=/.exec(text)?.[1];
    if (line !== p.site.line && (!declared || !names.has(declared))) continue;
    const m = ratio.exec(text);
    if (!m) continue;
    const divisor = m[2] ?? m[4]!;
    return [src.edit(p.site.file, from + m.index, from + m.index + m[0].length, `(${divisor} > 0 ? ${m[0]} : 1)`)];
  }
  return null;
}

/** Whether the code in `span` holds a comma outside every bracket: a call's second argument. */
function hasTopLevelComma(t: string, span: Span): boolean {
  const code = codeOnly(t, span.start, span.end);
  let found = false;
  atTopLevel(code, 0, (i) => {
    if (code[i] === ',') found = true;
  });
  return found;
}

/** Calls `visit` at each offset of `code` from `from` on that lies outside every bracket (a closing bracket that returns to the top counts). */
function atTopLevel(code: string, from: number, visit: (i: number) => void): void {
  let depth = 0;
  for (let i = from; i < code.length; i++) {
    const c = code[i]!;
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    if (depth === 0) visit(i);
  }
}

/** The last statement directly inside the block from `open` (a `{`) to `close` (its `}`): where it starts, past its leading space. */
function lastStatementStart(t: string, open: number, close: number): number | null {
  const code = codeOnly(t, open + 1, close);
  const ends: number[] = [];
  atTopLevel(code, 0, (i) => {
    if (code[i] === ';' || code[i] === '}') ends.push(i);
  });
  // A statement without its `;` after the last end, or else the one the last end closes.
  const tail = ends.length ? ends[ends.length - 1]! + 1 : 0;
  const from = code.slice(tail).trim() !== '' ? tail : ends.length >= 2 ? ends[ends.length - 2]! + 1 : 0;
  const rest = code.slice(from);
  if (rest.trim() === '') return null;
  return open + 1 + from + (rest.length - rest.trimStart().length);
}

function returnInBranchEdits(src: SourceText, p: Extract<FixPlan, { kind: 'returnInBranch' }>): EditResult {
  const t = src.text;
  const start = src.lineStart(p.site.line);
  if (start < 0) return null;
  const line = src.lineCode(p.site.line);
  const call = /(?:learningRate\s*=(?!=)|setLearningRate\s*\()\s*(?:await\s+)?([A-Za-z_$][\w$]*)\s*\(/.exec(line);
  const body = call ? functionDefinition(t, call[1]!)?.body : null;
  if (!body) return null;
  const code = codeOnly(t, body.start, body.end + 1);
  if (!/\breturn\b/.test(code)) return null;
  const found: number[] = [];
  // The blocks of the function's if/else branches: each one's last statement.
  for (const m of code.matchAll(/\bif\s*\(|\belse\s*\{/g)) {
    let open = body.start + m.index! + m[0].length - 1;
    if (t[open] === '(') {
      const condClose = matchClose(t, open);
      const brace = condClose > 0 ? /^\s*\{/.exec(t.slice(condClose + 1)) : null;
      if (!brace) continue;
      open = condClose + brace[0].length;
    }
    const close = matchClose(t, open);
    if (close < 0 || close > body.end) continue;
    if (/[{]/.test(codeOnly(t, open + 1, close))) continue;
    const lead = lastStatementStart(t, open, close);
    if (lead === null) continue;
    const statement = codeOnly(t, lead, close).trim();
    // A bare expression: not a return, a declaration, an assignment or a control statement.
    if (/^(?:return|throw|break|continue|const|let|var|if|for|while|switch|do)\b/.test(statement) || /(?<![=!<>])=(?![=>])/.test(statement)) continue;
    found.push(lead);
  }
  return found.length === 1 ? [src.edit(p.site.file, found[0]!, found[0]!, 'return ')] : null;
}

function numberCompareEdits(src: SourceText, p: Extract<FixPlan, { kind: 'numberCompare' }>): EditResult {
  const w = writtenStatement(src, p.site);
  if (!w) return null;
  // One strict comparison of an indexed field with a number.
  const m = [...w.code.matchAll(/([A-Za-z_$][\w$]*(?:\s*\[[^\]\n]+\])+)\s*(===|!==)\s*-?\d+(?:\.\d+)?\b/g)];
  if (m.length !== 1) return null;
  const start = w.at + m[0]!.index!;
  return [src.edit(p.site.file, start, start + m[0]![1]!.length, `Number(${m[0]![1]})`)];
}

function labelFromOtherFieldEdits(src: SourceText, p: Extract<FixPlan, { kind: 'labelFromOtherField' }>): EditResult {
  const t = src.text;
  const w = writtenStatement(src, p.site);
  if (!w) return null;
  // The statement that writes the labels, and the bodies of the functions it calls that the file declares once.
  const spans: Span[] = [{ start: w.at, end: w.end }];
  for (const m of w.code.matchAll(/\b([A-Za-z_$][\w$]*)\s*\(/g)) {
    const d = functionDefinition(t, m[1]!);
    if (d) spans.push(d.body ?? { start: d.at, end: statementEnd(t, d.at) });
  }
  const found = new Map<number, TextEdit>();
  for (const s of spans) {
    // Strings are blanked in the code: the separator is read from the text, a short literal.
    for (const m of codeOnly(t, s.start, s.end).matchAll(/\.\s*split\s*\(([^()]*)\)\s*\[\s*0\s*\]/g)) {
      const open = s.start + m.index! + m[0].indexOf('(');
      if (!/^\s*(['"`])[^'"`\n]{1,3}\1\s*$/.test(t.slice(open + 1, open + 1 + m[1]!.length))) continue;
      const at = s.start + m.index! + m[0].lastIndexOf('0');
      found.set(at, src.edit(p.site.file, at, at + 1, '1'));
    }
  }
  return found.size === 1 ? [...found.values()] : null;
}

function mapKeyAsNumberEdits(src: SourceText, p: Extract<FixPlan, { kind: 'mapKeyAsNumber' }>): EditResult {
  const t = src.text;
  const w = writtenStatement(src, p.site);
  if (!w) return null;
  const code = codeOnly(t, 0, t.length);
  const found: TextEdit[] = [];
  for (const m of w.code.matchAll(/([A-Za-z_$][\w$]*)\s*\.\s*get\s*\(/g)) {
    // A Map made from pairs whose keys are number literals: `new Map([[4, 0], [6, 1]])`.
    const made = new RegExp(`\\b${escapeRe(m[1]!)}\\s*[:=]\\s*new\\s+Map\\s*\\(\\s*\\[\\s*\\[\\s*-?\\d`, 'g');
    if ([...code.matchAll(made)].length !== 1) continue;
    const open = w.at + m.index! + m[0].length - 1;
    const close = matchClose(t, open);
    const arg = close > open ? t.slice(open + 1, close).trim() : '';
    if (!arg || /^Number\s*\(|^\+|^parse(?:Int|Float)\s*\(/.test(arg)) continue;
    const start = open + 1 + t.slice(open + 1, close).indexOf(arg);
    found.push(src.edit(p.site.file, start, start + arg.length, `Number(${arg})`));
  }
  return found.length === 1 ? found : null;
}

function labelFromLastEntryEdits(src: SourceText, p: Extract<FixPlan, { kind: 'labelFromLastEntry' }>): EditResult {
  const t = src.text;
  const call = findCall(src, p.site, FROM_ARRAY_CALL);
  const arg = call?.args[0] ? trim(t, call.args[0].start, call.args[0].end) : null;
  // `sessions.map((s) => [s.label])`: the one field each row's label is read from.
  const fields = arg ? [...new Set([...t.slice(arg.start, arg.end).matchAll(/\.\s*([A-Za-z_$][\w$]*)\b(?!\s*\()/g)].map((m) => m[1]!))] : [];
  if (fields.length !== 1) return null;
  const code = codeOnly(t, 0, t.length);
  const set = [...code.matchAll(new RegExp(`\\b${escapeRe(fields[0]!)}\\s*:\\s*(([A-Za-z_$][\\w$]*)\\s*\\[\\s*0\\s*\\])\\s*\\.\\s*[A-Za-z_$]`, 'g'))];
  if (set.length !== 1) return null;
  const start = set[0]!.index! + set[0]![0].indexOf(set[0]![1]!);
  const list = set[0]![2]!;
  return [src.edit(p.site.file, start, start + set[0]![1]!.length, `${list}[${list}.length - 1]`)];
}

function concatInPlaceEdits(src: SourceText, p: Extract<FixPlan, { kind: 'concatInPlace' }>): EditResult {
  const t = src.text;
  const call = findCall(src, p.site, FROM_ARRAY_CALL);
  const arg = call?.args[0] ? trim(t, call.args[0].start, call.args[0].end) : null;
  // The array the tensor's values come from: `examples.map((e) => [e[2]])` or `examples`.
  const name = arg ? /^([A-Za-z_$][\w$]*)\b/.exec(t.slice(arg.start, arg.end))?.[1] : undefined;
  if (!name) return null;
  const code = codeOnly(t, 0, t.length);
  const found: TextEdit[] = [];
  for (const m of code.matchAll(new RegExp(`(^|[;{}])(\\s*)(${escapeRe(name)}\\s*\\.\\s*concat\\s*\\()`, 'gm'))) {
    const start = m.index! + m[1]!.length + m[2]!.length;
    const open = start + m[3]!.length - 1;
    const close = matchClose(t, open);
    if (close < 0 || !/^\s*;?\s*$/.test(code.slice(close + 1, src.lineEnd(src.position(close).line)))) continue;
    const args = splitTopLevel(t, open + 1, close).map((a) => t.slice(a.start, a.end).trim());
    if (!args.length || args.some((a) => !a)) continue;
    found.push(src.edit(p.site.file, start, close + 1, `${name}.push(${args.map((a) => `...${a}`).join(', ')})`));
  }
  return found.length === 1 ? found : null;
}

/**
 * The one `<name>.set(<row>, <index>)` on a typed array declared once as `new <Type>Array(<n> * <width>)`
 * whose offset is a bare name: it becomes `<index> * <width>`.
 */
function rowOffsetTimesWidthEdits(src: SourceText, p: Extract<FixPlan, { kind: 'rowOffsetTimesWidth' }>): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const found: TextEdit[] = [];
  for (const m of code.matchAll(/\b([A-Za-z_$][\w$]*)\s*\.\s*set\s*\(/g)) {
    const init = singleDeclaration(t, m[1]!)?.init;
    const made = init === undefined ? null : /^new\s+(?:Float32|Float64|Int32|Uint8|Int16|Uint16)Array\s*\(\s*[^()*]+?\s*\*\s*([A-Za-z_$][\w$.]*|\d+)\s*\)/.exec(code.slice(init, statementEnd(t, init)));
    if (!made) continue;
    const open = m.index! + m[0].length - 1;
    const close = matchClose(t, open);
    const args = close > open ? splitTopLevel(t, open + 1, close) : [];
    if (args.length !== 2) continue;
    const offset = trim(t, args[1]!.start, args[1]!.end);
    if (!/^[A-Za-z_$][\w$]*$/.test(t.slice(offset.start, offset.end))) continue;
    found.push(src.edit(p.site.file, offset.start, offset.end, `${t.slice(offset.start, offset.end)} * ${made[1]}`));
  }
  return found.length === 1 ? found : null;
}

function trainingFlagFalseEdits(src: SourceText, p: Extract<FixPlan, { kind: 'trainingFlagFalse' }>): EditResult {
  const start = src.lineStart(p.site.line);
  if (start < 0) return null;
  const line = src.lineCode(p.site.line);
  const m = [...line.matchAll(/\btraining\s*:\s*(true)\b/g)];
  if (m.length !== 1) return null;
  const at = start + m[0]!.index! + m[0]![0].length - 4;
  return [src.edit(p.site.file, at, at + 4, 'false')];
}

function padAtStartEdits(src: SourceText, file: string): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const found: TextEdit[] = [];
  for (const m of code.matchAll(/\b([A-Za-z_$][\w$]*)\s*\.\s*concat\s*\(\s*([A-Za-z_$][\w$]*)\s*\)/g)) {
    const init = singleDeclaration(t, m[2]!)?.init;
    if (init === undefined || !/^(?:new\s+)?Array\s*\([^()]*(?:\([^()]*\)[^()]*)*\)\s*\.\s*fill\s*\(\s*0\s*\)/.test(code.slice(init, statementEnd(t, init)))) continue;
    found.push(src.edit(file, m.index!, m.index! + m[0].length, `${m[2]}.concat(${m[1]})`));
  }
  return found.length === 1 ? found : null;
}

function countFromOneEdits(src: SourceText, p: Extract<FixPlan, { kind: 'countFromOne' }>): EditResult {
  const t = src.text;
  const call = findCall(src, p.site, /\.\s*div\s*\(/);
  const arg = call?.args[0] ? t.slice(call.args[0].start, call.args[0].end).trim() : '';
  const decl = /^[A-Za-z_$][\w$]*$/.test(arg) ? singleDeclaration(t, arg) : null;
  if (!decl) return null;
  const power = /Math\s*\.\s*pow\s*\(\s*[\w$.]+\s*,\s*([A-Za-z_$][\w$]*)\s*\)/.exec(codeOnly(t, decl.init, statementEnd(t, decl.init)));
  if (!power) return null;
  const count = power[1]!;
  // Every power of the same count in the block that declares the divisor (both bias corrections).
  const block = enclosingBlock(t, decl.at);
  const end = block >= 0 ? matchClose(t, block) : t.length;
  const from = block >= 0 ? block : 0;
  const code = codeOnly(t, from, end);
  const edits: TextEdit[] = [];
  for (const m of code.matchAll(new RegExp(`Math\\s*\\.\\s*pow\\s*\\(\\s*[\\w$.]+\\s*,\\s*(${escapeRe(count)})\\s*\\)`, 'g'))) {
    const at = from + m.index! + m[0].lastIndexOf(count);
    edits.push(src.edit(p.site.file, at, at + count.length, `${count} + 1`));
  }
  return edits.length ? edits : null;
}

function tidyCallerEdits(src: SourceText, p: Extract<FixPlan, { kind: 'tidyCaller' }>): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const at = src.offset(p.site.line, p.site.column);
  if (at < 0) return null;
  // The innermost named, synchronous function around the site (tf.tidy cannot hold an async one).
  let fn: { name: string; at: number; body: Span } | null = null;
  for (const m of code.matchAll(/\bfunction\s+([A-Za-z_$][\w$]*)\s*\(|\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:function\b|\([^()]*\)\s*=>)/g)) {
    const name = (m[1] ?? m[2])!;
    const def = functionDefinition(t, name);
    if (!def?.body || def.body.start > at || def.body.end < at || /\basync\s*$/.test(code.slice(Math.max(0, m.index! - 12), m.index!))) continue;
    if (!fn || def.body.start > fn.body.start) fn = { name, at: def.at, body: def.body };
  }
  if (!fn) return null;
  const { at: defAt, body } = fn;
  // Its calls outside its own definition: exactly one, the loop's.
  const outside = [...code.matchAll(new RegExp(`(?<![\\w$.])${escapeRe(fn.name)}\\s*\\(`, 'g'))].filter((m) => m.index! < defAt || m.index! > body.end);
  if (outside.length !== 1) return null;
  const start = outside[0]!.index!;
  const close = matchClose(t, start + outside[0]![0].length - 1);
  if (close < 0 || /tidy\s*\(\s*\(\s*\)\s*=>\s*$/.test(code.slice(Math.max(0, start - 40), start))) return null;
  return [src.edit(p.site.file, start, close + 1, `tf.tidy(() => ${t.slice(start, close + 1)})`)];
}

function meanAxisEdits(src: SourceText, p: Extract<FixPlan, { kind: 'meanAxis' }>): EditResult {
  const call = findCall(src, p.site, /\bmean\s*\(/);
  if (!call) return null;
  const before = codeOnly(src.text, Math.max(0, call.open - 40), call.open);
  // tf.mean(x, axis): the second argument; x.mean(axis): the first.
  const arg = /\btf\s*\.\s*mean\s*$/.test(before) ? call.args[1] : call.args[0];
  if (!arg) return null;
  const span = trim(src.text, arg.start, arg.end);
  return /^-?\d+$/.test(src.text.slice(span.start, span.end)) ? [src.edit(p.site.file, span.start, span.end, String(p.to))] : null;
}

function compareAsTextEdits(src: SourceText, p: Extract<FixPlan, { kind: 'compareAsText' }>): EditResult {
  // The statement that computes the rows of the tensor made at the site (a helper's), else the site's own.
  const written = arrayWriteOffset(src, p.site);
  const start = written >= 0 ? written : src.lineStart(p.site.line);
  if (start < 0) return null;
  const end = statementEnd(src.text, start);
  const code = codeOnly(src.text, start, end);
  // One strict comparison of two names that picks 1 or 0: a hand-made one-hot row.
  const m = [...code.matchAll(/([A-Za-z_$][\w$.]*)\s*===\s*([A-Za-z_$][\w$.]*)\s*\)?\s*\?\s*1\s*:\s*0\b/g)];
  if (m.length !== 1) return null;
  const at = start + m[0]!.index!;
  const [a, b] = [m[0]![1]!, m[0]![2]!];
  const compared = src.text.slice(at).indexOf(b, a.length) + b.length;
  return [src.edit(p.site.file, at, at + compared, `String(${a}) === String(${b})`)];
}

function unscaleLabelColumnEdits(src: SourceText, p: Extract<FixPlan, { kind: 'unscaleLabelColumn' }>): EditResult {
  const w = writtenStatement(src, p.site);
  // `rows.map((r) => Math.round(r[16]))`: the rows mapped, and the one column each label is read from.
  const read = w ? /([A-Za-z_$][\w$]*)\s*\.\s*map\s*\(\s*\(?\s*([A-Za-z_$][\w$]*)\s*\)?\s*=>/.exec(w.code) : null;
  if (!w || !read) return null;
  const columns = [...new Set([...w.code.matchAll(new RegExp(`(?<![\\w$.])${escapeRe(read[2]!)}\\s*\\[\\s*(\\d+)\\s*\\]`, 'g'))].map((m) => m[1]))];
  if (columns.length !== 1) return null;
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const init = singleDeclaration(t, read[1]!)?.init;
  if (init === undefined) return null;
  // Declared as every value of every row divided by one number: `x.map((r) => r.map((v) => v / 255))`.
  const whole = /^\s*[\w$.]+\s*\.\s*map\s*\(\s*\(?\s*([A-Za-z_$][\w$]*)\s*\)?\s*=>\s*\1\s*\.\s*map\s*\(\s*(\(?\s*([A-Za-z_$][\w$]*)\s*\)?\s*=>\s*(\3\s*\/\s*[^()\n]+?))\s*\)\s*\)/.exec(
    code.slice(init, statementEnd(t, init)),
  );
  if (!whole) return null;
  const start = init + whole.index + whole[0].indexOf(whole[2]!);
  const v = whole[3]!;
  const j = v === 'j' ? 'k' : 'j';
  const scaled = t.slice(start + whole[2]!.length - whole[4]!.length, start + whole[2]!.length);
  return [src.edit(p.site.file, start, start + whole[2]!.length, `(${v}, ${j}) => (${j} === ${columns[0]} ? ${v} : ${scaled})`)];
}

function assignDiscardedEdits(src: SourceText, p: Extract<FixPlan, { kind: 'assignDiscarded' }>): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  // Statements that are nothing but `<variable>.sub(...)` or `.add(...)`: a value computed and dropped.
  const found: { start: number; receiver: string; end: number }[] = [];
  for (const m of code.matchAll(/^([ \t]*)([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*|\[[^\]\n]*\])*)\s*\.\s*(?:sub|add)\s*\(/gm)) {
    const open = m.index! + m[0].length - 1;
    const close = matchClose(t, open);
    if (close < 0 || !/^\s*;?[ \t]*(?:\/\/[^\n]*)?(?:\n|$)/.test(t.slice(close + 1))) continue;
    const start = m.index! + m[1]!.length;
    // Not the tail of an expression begun on the line before (`x = a\n  .sub(b)`).
    if (/[=(,+\-*/?:]\s*$/.test(codeOnly(t, Math.max(0, start - 200), start))) continue;
    found.push({ start, receiver: m[2]!, end: close + 1 });
  }
  if (found.length !== 1) return null;
  const f = found[0]!;
  return [src.edit(p.site.file, f.start, f.end, `${f.receiver}.assign(${t.slice(f.start, f.end)})`)];
}

function letLoopVariableEdits(src: SourceText, p: Extract<FixPlan, { kind: 'letLoopVariable' }>): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const found: number[] = [];
  for (const m of code.matchAll(/\bfor\s*\(\s*(var)\s+([A-Za-z_$][\w$]*)\b[^;)]*;/g)) {
    const open = m.index! + m[0].indexOf('(');
    const close = matchClose(t, open);
    if (close < 0) continue;
    // The loop's body: a block, or the one statement after the header.
    const after = /^\s*/.exec(t.slice(close + 1))![0].length + close + 1;
    const end = t[after] === '{' ? matchClose(t, after) : statementEnd(t, after);
    const body = codeOnly(t, after, end < 0 ? t.length : end);
    // A closure in it that reads the loop variable.
    if (new RegExp(String.raw`(?:=>|\bfunction\b)[\s\S]*(?<![\w$.])${escapeRe(m[2]!)}(?![\w$])`).test(body)) found.push(m.index! + m[0].indexOf('var'));
  }
  return found.length === 1 ? [src.edit(p.site.file, found[0]!, found[0]! + 3, 'let')] : null;
}

function columnMajorTensorEdits(src: SourceText, p: Extract<FixPlan, { kind: 'columnMajorTensor' }>): EditResult {
  const t = src.text;
  const call = findCall(src, p.site, /\btensor2d\s*\(/);
  const shape = call?.args[1];
  if (!call || !shape) return null;
  const s = trim(t, shape.start, shape.end);
  if (t[s.start] !== '[' || matchClose(t, s.start) + 1 !== s.end) return null;
  const dims = splitTopLevel(t, s.start + 1, s.end - 1).map((d) => t.slice(d.start, d.end).trim());
  if (dims.length !== 2 || dims.some((d) => !d)) return null;
  return [src.edit(p.site.file, s.start, s.end, `[${dims[1]}, ${dims[0]}]`), src.edit(p.site.file, call.close + 1, call.close + 1, '.transpose()')];
}

function resetAccumulatorEdits(src: SourceText, p: Extract<FixPlan, { kind: 'resetAccumulator' }>): EditResult {
  if (p.site.file !== p.madeAt.file) return null;
  const t = src.text;
  const made = src.lineCode(p.madeAt.line);
  const names = [...new Set([...made.matchAll(/(?<![\w$.])([A-Za-z_$][\w$]*)\s*\[[^\]\n]+\]/g)].map((m) => m[1]!))];
  // The one indexed name there that is declared once with let (so it can be made anew).
  const candidates = names.flatMap((name) => {
    const decl = singleDeclaration(t, name);
    return decl && /^let\b/.test(t.slice(decl.at, decl.init)) ? [{ name, init: t.slice(decl.init, statementEnd(t, decl.init)).trim() }] : [];
  });
  if (candidates.length !== 1 || !candidates[0]!.init) return null;
  const { name, init } = candidates[0]!;
  const apply = findCall(src, p.site, /\bapplyGradients\s*\(/);
  if (!apply) return null;
  const end = statementEnd(t, apply.close + 1);
  const lineEnd = t.indexOf('\n', end);
  if (lineEnd < 0) return null;
  const indent = /^[ \t]*/.exec(t.slice(src.lineStart(p.site.line)))![0];
  return [src.edit(p.site.file, lineEnd + 1, lineEnd + 1, `${indent}tf.dispose(Object.values(${name}));\n${indent}${name} = ${init};\n`)];
}

function alignSliceEdits(src: SourceText, p: Extract<FixPlan, { kind: 'alignSlice' }>): EditResult {
  if (p.site.file !== p.like.file) return null;
  const t = src.text;
  const targets = findCall(src, p.site, SLICE_CALL);
  const inputs = findCall(src, p.like, SLICE_CALL);
  const from = targets ? sliceBegin(t, targets) : null;
  const to = inputs ? sliceBegin(t, inputs) : null;
  if (!from || !to) return null;
  const text = t.slice(to.start, to.end);
  return text === t.slice(from.start, from.end) ? null : [src.edit(p.site.file, from.start, from.end, text)];
}

function rowsUpToEdits(src: SourceText, p: Extract<FixPlan, { kind: 'rowsUpTo' }>): EditResult {
  if (p.site.file !== p.upTo.file) return null;
  const t = src.text;
  const train = findCall(src, p.site, SLICE_CALL);
  const held = findCall(src, p.upTo, SLICE_CALL);
  const cut = train ? sliceOffset(t, train) : null;
  const heldBegin = held ? sliceBegin(t, held) : null;
  if (!train || !cut || cut.text !== '0' || !heldBegin) return null;
  const upTo = t.slice(heldBegin.start, heldBegin.end);
  const size = firstAxis(t, sliceArgs(train)[1])!;
  return /^0$/.test(upTo) || upTo === cut.size ? null : [src.edit(p.site.file, size.start, size.end, upTo)];
}

function gatherLikeEdits(src: SourceText, p: Extract<FixPlan, { kind: 'gatherLike' }>): EditResult {
  if (p.site.file !== p.like.file) return null;
  const t = src.text;
  const gather = findCall(src, p.like, /\bgather\s*\(/);
  const slice = findCall(src, p.site, SLICE_CALL);
  if (!gather || !slice || slice.args.length > 2) return null;
  // tf.gather(x, indices) or x.gather(indices).
  const method = /\.\s*gather\s*\($/.test(t.slice(0, gather.open + 1)) && gather.args.length === 1;
  const indexArg = method ? gather.args[0] : gather.args.length >= 2 ? gather.args[1] : undefined;
  if (!indexArg) return null;
  const indices = t.slice(indexArg.start, indexArg.end).trim();
  // The receiver of `<receiver>.slice(...)`: a name or a property path.
  const dot = t.lastIndexOf('.', t.lastIndexOf('slice', slice.open));
  const receiver = /([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*)\s*$/.exec(t.slice(0, dot));
  if (!receiver || !indices || !TF_BINDING.test(t)) return null;
  const start = dot - receiver[0].length;
  return [src.edit(p.site.file, start, slice.close + 1, `tf.gather(${receiver[1]}, ${indices})`)];
}

function rateFactorEdits(src: SourceText, p: Extract<FixPlan, { kind: 'rateFactor' }>): EditResult {
  const t = src.text;
  const start = src.lineStart(p.site.line);
  if (start < 0) return null;
  const line = t.slice(start, src.lineEnd(p.site.line));
  if (!/learningRate|setLearningRate/.test(line)) return null;
  const factors = [...line.matchAll(/\*=?\s*(\d+(?:\.\d+)?)\b/g)].filter((m) => Number(m[1]) > 1);
  const inverseOf = (factor: number): string => literal(Math.round((1 / factor) * 100) / 100);
  if (factors.length === 1) {
    const m = factors[0]!;
    const at = start + m.index! + m[0].length - m[1]!.length;
    return [src.edit(p.site.file, at, at + m[1]!.length, inverseOf(Number(m[1])))];
  }
  if (factors.length) return null;
  // `lr * FACTOR` with `const FACTOR = 10;` declared once: the declaration is inverted.
  const named = [...src.lineCode(p.site.line).matchAll(/\*=?\s*([A-Za-z_$][\w$]*)\b(?!\s*[.([])/g)];
  const edits: TextEdit[] = [];
  for (const m of named) {
    const at = start + m.index! + m[0].length - m[1]!.length;
    const number = numberBehind(t, { start: at, end: at + m[1]!.length });
    if (number && number.value > 1) edits.push(src.edit(p.site.file, number.span.start, number.span.end, inverseOf(number.value)));
  }
  return edits.length === 1 ? edits : null;
}

function callOptionEdits(src: SourceText, p: Extract<FixPlan, { kind: 'callOption' }>): EditResult {
  const call = findCall(src, p.site, calledAs(p.callee));
  const obj = call ? objectArg(src, call) : null;
  if (!obj) return null;
  const prop = obj.props.find((x) => x.key === p.key);
  if (prop?.value) return [src.edit(p.site.file, prop.value.start, prop.value.end, p.to)];
  if (prop) return null;
  return [prependProp(src, p.site.file, obj, `${p.key}: ${p.to}`)];
}

/** The one declaration of the name given as argument `index` of the call at `site` (see singleDeclaration). */
function argumentDeclaration(src: SourceText, site: SourceSite, callee: RegExp, index: number): { at: number; init: number } | null {
  const arg = findCall(src, site, callee)?.args[index];
  const name = arg ? src.text.slice(arg.start, arg.end) : '';
  return /^[A-Za-z_$][\w$]*$/.test(name) ? singleDeclaration(src.text, name) : null;
}

/** The initializer of the one declaration of the name given as argument `index` of the call at `site`. */
function declaredArgumentInit(src: SourceText, site: SourceSite, callee: string, index: number): Span | null {
  const t = src.text;
  const start = argumentDeclaration(src, site, calledAs(callee), index)?.init;
  if (start === undefined) return null;
  const end = statementEnd(t, start);
  return end > start ? trim(t, start, end) : null;
}

function declaredArgumentEdits(src: SourceText, p: Extract<FixPlan, { kind: 'declaredArgument' }>): EditResult {
  const init = declaredArgumentInit(src, p.site, p.callee, p.index);
  return init ? [src.edit(p.site.file, init.start, init.end, p.to)] : null;
}

function settingFallbackEdits(src: SourceText, p: Extract<FixPlan, { kind: 'settingFallback' }>): EditResult {
  const init = declaredArgumentInit(src, p.site, p.callee, p.index);
  const text = init ? src.text.slice(init.start, init.end) : '';
  if (!init || !/\bprocess\s*\.\s*(?:env|argv)\b/.test(text) || /\|\||\?\?/.test(text)) return null;
  return [src.edit(p.site.file, init.end, init.end, ` || ${p.fallback}`)];
}

function nullishDefaultEdits(src: SourceText, p: Extract<FixPlan, { kind: 'nullishDefault' }>): EditResult {
  const t = src.text;
  const arg = findCall(src, p.site, calledAs(p.callee))?.args[p.index];
  const name = arg ? t.slice(arg.start, arg.end).trim() : '';
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) return null;
  const code = codeOnly(t, 0, t.length);
  const n = escapeRe(name);
  const found = [...code.matchAll(new RegExp(`\\b(const|let|var)\\s*\\{\\s*${n}\\s*=\\s*([^{},;]+?)\\s*\\}\\s*=\\s*([^;\\n]+?)\\s*;`, 'g'))];
  if (found.length !== 1) return null;
  const m = found[0]!;
  const fallback = t.slice(m.index! + m[0].indexOf(m[2]!), m.index! + m[0].indexOf(m[2]!) + m[2]!.length);
  const from = m[3]!;
  if (!/^[\w$.\[\]]+$/.test(from)) return null;
  return [src.edit(p.site.file, m.index!, m.index! + m[0].length, `${m[1]} ${name} = ${from}.${name} ?? ${fallback};`)];
}

function breakFallthroughEdits(src: SourceText, p: Extract<FixPlan, { kind: 'breakFallthrough' }>): EditResult {
  const t = src.text;
  const site = p.layer.site;
  const call = site ? findCall(src, site, layerCallee(p.layer.className)) : null;
  const prop = call ? objectArg(src, call)?.props.find((x) => x.key === 'activation') : undefined;
  const fn = prop?.value ? /^\s*([A-Za-z_$][\w$]*)\s*\(/.exec(t.slice(prop.value.start, prop.value.end))?.[1] : undefined;
  const body = fn ? functionDefinition(t, fn)?.body : null;
  if (!site || !body) return null;
  const code = codeOnly(t, body.start, body.end);
  const switches = [...code.matchAll(/\bswitch\s*\(/g)];
  if (switches.length !== 1) return null;
  const condOpen = body.start + switches[0]!.index! + switches[0]![0].length - 1;
  const condClose = matchClose(t, condOpen);
  const open = condClose > 0 ? t.indexOf('{', condClose) : -1;
  const close = open > 0 ? matchClose(t, open) : -1;
  if (close < 0) return null;
  const inner = codeOnly(t, open, close);
  // The case labels directly in the switch's block (nested blocks are skipped by depth).
  const labels: number[] = [];
  atTopLevel(inner, 1, (i) => {
    if (/^(?:case\b|default\s*:)/.test(inner.slice(i, i + 16)) && !/[\w$]/.test(inner[i - 1]!)) labels.push(i);
  });
  if (labels.length < 2) return null;
  const edits: TextEdit[] = [];
  for (let k = 0; k + 1 < labels.length; k++) {
    const segment = inner.slice(labels[k]!, labels[k + 1]!);
    const colon = segment.search(/:(?!:)/);
    const statements = segment.slice(colon + 1).trim();
    // An empty case shares the next one's body (`case 'a': case 'b': ...`): no break there.
    if (!statements) continue;
    if (/\b(?:break|return|throw|continue)\b[^;]*;?\s*$/.test(statements)) continue;
    const last = segment.lastIndexOf(';');
    if (last < colon) return null;
    edits.push(src.edit(site.file, open + labels[k]! + last + 1, open + labels[k]! + last + 1, ' break;'));
  }
  return edits.length ? edits : null;
}

function callArgumentEdits(src: SourceText, p: Extract<FixPlan, { kind: 'callArgument' }>): EditResult {
  const arg = findCall(src, p.site, calledAs(p.callee))?.args[p.index];
  const written = arg ? src.text.slice(arg.start, arg.end) : '';
  if (!arg || !(NUMBER.test(written) || /^[A-Za-z_$][\w$]*$/.test(written))) return null;
  return [src.edit(p.site.file, arg.start, arg.end, p.to)];
}

function nanFreeOperandEdits(src: SourceText, p: Extract<FixPlan, { kind: 'nanFreeOperand' }>): EditResult {
  const t = src.text;
  const call = findCall(src, p.site, /\b(?:sub|squaredDifference)\s*\(/);
  if (!call) return null;
  const before = codeOnly(t, Math.max(0, call.open - 200), call.open);
  // x.sub(y): the receiver is a; tf.sub(x, y): the first argument is.
  const method = /\.\s*(?:sub|squaredDifference)\s*$/.test(before) && !/\btf\s*\.\s*(?:sub|squaredDifference)\s*$/.test(before);
  let span: Span | null = null;
  if (method && p.operand === 'a') {
    const m = /([A-Za-z_$][\w$]*)\s*\.\s*(?:sub|squaredDifference)\s*$/.exec(before);
    if (m) span = { start: call.open - before.length + m.index, end: call.open - before.length + m.index + m[1]!.length };
  } else {
    const arg = call.args[method ? 0 : p.operand === 'a' ? 0 : 1];
    if (arg) span = trim(t, arg.start, arg.end);
  }
  if (!span) return null;
  const name = t.slice(span.start, span.end);
  // Written three times: only a name is safe to repeat.
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) return null;
  return [src.edit(p.site.file, span.start, span.end, `tf.where(tf.isNaN(${name}), tf.zerosLike(${name}), ${name})`)];
}

function insertArgumentEdits(src: SourceText, p: Extract<FixPlan, { kind: 'insertArgument' }>): EditResult {
  const arg = findCall(src, p.site, calledAs(p.callee))?.args[p.index];
  if (!arg) return null;
  const span = trim(src.text, arg.start, arg.end);
  if (!new RegExp(`^(?:${p.written})$`).test(src.text.slice(span.start, span.end))) return null;
  return [src.edit(p.site.file, span.start, span.start, `${p.text}, `)];
}

function arrayFromHolesEdits(src: SourceText, p: Extract<FixPlan, { kind: 'arrayFromHoles' }>): EditResult {
  const found = arrayOfLengthCalls(src.text, 'map').map((a) => src.edit(p.file, a.start, a.methodOpen + 1, `Array.from({ length: ${a.length} }, `));
  return found.length ? found : null;
}

function literalToEdits(src: SourceText, p: Extract<FixPlan, { kind: 'literalTo' }>): EditResult {
  const t = src.text;
  const code = codeOnly(t, 0, t.length);
  const found: Span[] = [];
  for (const m of code.matchAll(/(-\s*)?(?<![\w$.])(\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?(?![\w$.])/g)) {
    const negative = m[1] !== undefined;
    const number = Number(m[0].replace(/\s+/g, ''));
    if (number === p.value && (negative || p.value >= 0)) found.push({ start: m.index!, end: m.index! + m[0].length });
  }
  if (found.length !== 1) return null;
  return [src.edit(p.file, found[0]!.start, found[0]!.end, p.to)];
}

function standardizeSquashedEdits(src: SourceText, p: Extract<FixPlan, { kind: 'standardizeSquashed' }>): EditResult {
  const arg = findCall(src, p.site, /\b(?:tanh|sigmoid)\s*\(/)?.args[0];
  if (!arg) return null;
  const t = src.text;
  const span = trim(t, arg.start, arg.end);
  const text = scaledExpression(t, t.slice(span.start, span.end), span.start, { type: 'columns', fallback: null }, true);
  return text ? [src.edit(p.site.file, span.start, span.end, text)] : null;
}

function lossCallToEdits(src: SourceText, p: Extract<FixPlan, { kind: 'lossCallTo' }>): EditResult {
  const call = findCall(src, p.site, new RegExp(String.raw`\b${escapeRe(p.from)}\s*\(`));
  if (!call || call.args.length < 2) return null;
  const t = src.text;
  const before = t.slice(Math.max(0, call.open - 200), call.open);
  const name = new RegExp(String.raw`${escapeRe(p.from)}\s*$`).exec(before);
  if (!name) return null;
  const start = call.open - before.length + name.index;
  const args = call.args.slice(0, 2).map((a) => {
    const span = trim(t, a.start, a.end);
    return t.slice(span.start, span.end);
  });
  return [src.edit(p.site.file, start, call.close + 1, `${p.to}(${args.join(', ')})`)];
}

function applyOutputOfEdits(src: SourceText, p: Extract<FixPlan, { kind: 'applyOutputOf' }>): EditResult {
  if (p.unused.file !== p.site.file || p.unused.line === p.site.line) return null;
  const ls = src.lineStart(p.unused.line);
  if (ls < 0) return null;
  const output = /^\s*(?:(?:const|let|var)\s+)?([A-Za-z_$][\w$]*)\s*=(?!=)/.exec(src.text.slice(ls, src.lineEnd(p.unused.line)))?.[1];
  const fed = findCall(src, p.unused, calledAs('apply'))?.args[0];
  const taken = findCall(src, p.site, calledAs('apply'))?.args[0];
  if (!output || !fed || !taken) return null;
  const t = src.text;
  const fedSpan = trim(t, fed.start, fed.end);
  const span = trim(t, taken.start, taken.end);
  const given = t.slice(span.start, span.end);
  if (!/^[A-Za-z_$][\w$]*$/.test(given) || given !== t.slice(fedSpan.start, fedSpan.end) || given === output) return null;
  return [src.edit(p.site.file, span.start, span.end, output)];
}

function applyInputEdits(src: SourceText, p: Extract<FixPlan, { kind: 'applyInput' }>): EditResult {
  if (p.input.file !== p.site.file || p.input.line === p.site.line) return null;
  const ls = src.lineStart(p.input.line);
  if (ls < 0) return null;
  const input = /^\s*(?:(?:const|let|var)\s+)?([A-Za-z_$][\w$]*)\s*=(?!=)[^;]*\binput\s*\(/.exec(src.text.slice(ls, src.lineEnd(p.input.line)))?.[1];
  const taken = findCall(src, p.site, calledAs('apply'))?.args[0];
  if (!input || !taken) return null;
  const span = trim(src.text, taken.start, taken.end);
  const given = src.text.slice(span.start, span.end);
  if (!/^[A-Za-z_$][\w$]*$/.test(given) || given === input) return null;
  return [src.edit(p.site.file, span.start, span.end, input)];
}

function applyClippedEdits(src: SourceText, p: Extract<FixPlan, { kind: 'applyClipped' }>): EditResult {
  if (p.clipSite.file !== p.site.file) return null;
  const ls = src.lineStart(p.clipSite.line);
  if (ls < 0) return null;
  const line = src.text.slice(ls, src.lineEnd(p.clipSite.line));
  // `clipped[name] = …`, `clipped.w = …`, `const clipped = …`: the object the clipped gradients go into.
  const target = /^\s*(?:(?:const|let|var)\s+)?([A-Za-z_$][\w$]*)\s*(?:\[[^\]]*\]|\.\s*[A-Za-z_$][\w$]*)?\s*=(?!=)/.exec(line)?.[1];
  const arg = findCall(src, p.site, /\bapplyGradients\s*\(/)?.args[0];
  if (!target || !arg) return null;
  const span = trim(src.text, arg.start, arg.end);
  const given = src.text.slice(span.start, span.end);
  if (!/^[A-Za-z_$][\w$]*$/.test(given) || given === target) return null;
  return [src.edit(p.site.file, span.start, span.end, target)];
}

/** Where the operand ending just before `end` starts: a name with its members, calls and indexing, or a parenthesised group. */
function leftOperandStart(t: string, end: number): number {
  let i = end;
  while (i > 0 && /\s/.test(t[i - 1]!)) i--;
  for (;;) {
    const c = t[i - 1];
    if (c === ')' || c === ']') {
      const open = c === ')' ? '(' : '[';
      let depth = 0;
      let j = i - 1;
      for (; j >= 0; j--) {
        if (t[j] === c) depth++;
        else if (t[j] === open && --depth === 0) break;
      }
      if (j < 0) return -1;
      i = j;
    } else if (c !== undefined && /[\w$]/.test(c)) {
      while (i > 0 && /[\w$]/.test(t[i - 1]!)) i--;
    } else return -1;
    if (t[i - 1] === '.') {
      i--;
      continue;
    }
    if (t[i] === '(' || t[i] === '[') {
      // A call or an index: the callee or the array comes before it.
      if (i > 0 && /[\w$)\]]/.test(t[i - 1]!)) continue;
    }
    return i;
  }
}

function positiveModuloEdits(src: SourceText, p: Extract<FixPlan, { kind: 'positiveModulo' }>): EditResult {
  const arg = findCall(src, p.site, calledAs(p.callee))?.args[p.index];
  const t = src.text;
  const span = arg ? trim(t, arg.start, arg.end) : null;
  const divisor = span ? t.slice(span.start, span.end) : '';
  if (!(NUMBER.test(divisor) || /^[A-Za-z_$][\w$.]*$/.test(divisor))) return null;
  const re = new RegExp(`%\\s*${escapeRe(divisor)}(?![\\w$.])`, 'g');
  const found = [...t.matchAll(re)].filter((m) => t[m.index! + 1] !== '=');
  if (found.length !== 1) return null;
  const at = found[0]!.index!;
  const start = leftOperandStart(t, at);
  if (start < 0) return null;
  const left = t.slice(start, at).trimEnd();
  const end = at + found[0]![0].length;
  return [src.edit(p.site.file, start, end, `((${left} % ${divisor}) + ${divisor}) % ${divisor}`)];
}

/**
 * A reduction's axis written as a literal `axis` matches: `tf.fn(x, axis)` names it second and
 * `x.fn(axis)` first, so the first of those two arguments that matches becomes `to`.
 */
function replaceAxis(src: SourceText, site: SourceSite, call: Call, axis: RegExp, to: string): EditResult {
  const t = src.text;
  for (const a of call.args.slice(0, 2)) {
    const span = trim(t, a.start, a.end);
    if (axis.test(t.slice(span.start, span.end))) return [src.edit(site.file, span.start, span.end, to)];
  }
  return null;
}

function lastAxisEdits(src: SourceText, p: Extract<FixPlan, { kind: 'lastAxis' }>): EditResult {
  const found = findCall(src, p.site, /\b(?:logSumExp|logSoftmax|softmax|sum|max|min|norm)\s*\(/);
  if (!found) return null;
  // tf.norm(x, ord, axis, keepDims) takes its axis third.
  const norm = /\bnorm\s*$/.test(src.text.slice(Math.max(0, found.open - 8), found.open));
  const call = norm ? (found.args[2] ? { ...found, args: [found.args[2]] } : null) : found;
  if (!call) return null;
  const axis = p.steps ? /^(?:1|-2|\[\s*(?:1|-2)\s*\])$/ : /^(?:0|\[\s*0\s*\])$/;
  return replaceAxis(src, p.site, call, axis, '-1') ?? parameterArgumentEdits(src, p.site.file, call, axis, '-1');
}

/**
 * An axis the call at hand takes from a parameter of the function around it (`function
 * softmax(logits, axis)`): every call of that function in the file that passes the axis there as
 * `written` gets `to` instead.
 */
function parameterArgumentEdits(src: SourceText, file: string, call: Call, written: RegExp, to: string): EditResult {
  const t = src.text;
  const text = (span: Span) => t.slice(span.start, span.end);
  const names = call.args.slice(0, 2).map((a) => text(trim(t, a.start, a.end))).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n));
  if (names.length === 0) return null;
  const open = enclosingBrace(t, call.open);
  const header = open >= 0 ? codeOnly(t, Math.max(0, open - 300), open) : '';
  // An arrow with an expression body on the call's own line (`const f = (t, axis) => ...`), else a block body's header.
  const arrow = /^\s*(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*\(([^()]*)\)\s*=>(?![\s\S]*=>)/.exec(codeOnly(t, src.lineStart(src.position(call.open).line), call.open));
  const block = arrow ? null : /(?:function\s+([A-Za-z_$][\w$]*)\s*\(([^()]*)\)|([A-Za-z_$][\w$]*)\s*=\s*(?:function\s*)?\(([^()]*)\)\s*(?:=>)?)\s*$/.exec(header);
  if (!arrow && !block) return null;
  const fn = arrow ? arrow[1]! : (block![1] ?? block![3])!;
  const params = (arrow ? arrow[2]! : (block![2] ?? block![4])!).split(',').map((x) => x.trim().replace(/\s*=[\s\S]*$/, ''));
  const index = params.findIndex((x) => names.includes(x));
  if (index < 0) return null;
  const callee = new RegExp(String.raw`(?<![\w$.])${escapeRe(fn)}\s*\(`, 'g');
  const edits: TextEdit[] = [];
  for (const c of codeOnly(t, 0, t.length).matchAll(callee)) {
    const at = src.position(c.index!);
    const found = findCall(src, { file, line: at.line, column: at.column }, callee);
    const arg = found?.args[index];
    const span = arg ? trim(t, arg.start, arg.end) : null;
    // The declaration's own parameter list is no call: its "argument" is the parameter's name.
    if (span && written.test(text(span))) edits.push(src.edit(file, span.start, span.end, to));
  }
  return edits.length ? edits : null;
}

function columnAxisEdits(src: SourceText, p: Extract<FixPlan, { kind: 'columnAxis' }>): EditResult {
  const call = findCall(src, p.site, /\b(?:moments|mean)\s*\(/);
  if (!call) return null;
  const t = src.text;
  // tf.moments(x) with no axis takes one mean over every value: axis 0 is added.
  if (call.args.length === 1 && /\bmoments\s*\($/.test(t.slice(0, call.open + 1))) return [src.edit(p.site.file, call.args[0]!.end, call.args[0]!.end, ', 0')];
  return replaceAxis(src, p.site, call, /^(?:-?1|\[\s*-?1\s*\])$/, '0');
}

function sumToMeanEdits(src: SourceText, p: Extract<FixPlan, { kind: 'sumToMean' }>): EditResult {
  const call = findCall(src, p.site, /\bsum\s*\(/);
  if (!call) return null;
  const name = src.text.lastIndexOf('sum', call.open);
  return name >= 0 ? [src.edit(p.site.file, name, name + 3, 'mean')] : null;
}

function batchOffsetEdits(src: SourceText, p: Extract<FixPlan, { kind: 'batchOffset' }>): EditResult {
  const t = src.text;
  const call = findCall(src, p.site, SLICE_CALL);
  const offset = call ? sliceOffset(t, call) : null;
  if (!call || !offset) return null;
  // The innermost loop around the slice that declares an index: `for (let j = 0; ...)`.
  let index: string | null = null;
  for (let open = enclosingBlock(t, call.open); open >= 0 && !index; ) {
    const headerStart = src.lineStart(src.position(open).line);
    const header = codeOnly(t, headerStart, open);
    if (LOOP_HEADER.test(header)) {
      index = /\bfor\s*\(\s*(?:let|var)\s+([A-Za-z_$][\w$]*)\s*=/.exec(header)?.[1] ?? null;
      if (!index) return null;
    }
    open = enclosingBlock(t, headerStart);
  }
  if (!index) return null;
  // Every slice in the same block cut at the same offset and size (the labels' with the inputs').
  const block = enclosingBlock(t, call.open);
  const end = block >= 0 ? matchClose(t, block) : -1;
  if (block < 0 || end < 0) return null;
  const edits: TextEdit[] = [];
  const re = new RegExp(SLICE_CALL.source, 'g');
  const code = codeOnly(t, block, end);
  for (let m = re.exec(code); m; m = re.exec(code)) {
    const open = block + m.index + m[0].length - 1;
    const close = matchClose(t, open);
    if (close < 0) continue;
    const sibling = sliceOffset(t, { open, close, args: splitTopLevel(t, open + 1, close) });
    if (!sibling || sibling.text !== offset.text || sibling.size !== offset.size || enclosingBlock(t, open) !== block) continue;
    const size = /^[\w$.]+$/.test(sibling.size) ? sibling.size : `(${sibling.size})`;
    const start = Number(sibling.text) === 0 ? `${index} * ${size}` : `${sibling.text} + ${index} * ${size}`;
    edits.push(src.edit(p.site.file, sibling.begin.start, sibling.begin.end, start));
  }
  return edits.length ? edits : null;
}

function hoistOffsetEdits(src: SourceText, p: Extract<FixPlan, { kind: 'hoistOffset' }>): EditResult {
  const t = src.text;
  const lineStart = src.lineStart(p.site.line);
  if (lineStart < 0) return null;
  const names = [...new Set([...src.lineCode(p.site.line).matchAll(/\.\s*slice\s*\(\s*([A-Za-z_$][\w$]*)\s*[,)]/g)].map((m) => m[1]!))];
  if (names.length !== 1) return null;
  // Declared in a block around the slice (the loop's body, past an object literal it sits in), before it.
  const declared = new RegExp(`\\b(?:let|var)\\s+${escapeRe(names[0]!)}\\s*=`);
  let found: number | null = null;
  for (let open = enclosingBlock(t, lineStart); open >= 0 && found === null; open = enclosingBlock(t, open - 1)) {
    const decl = declared.exec(codeOnly(t, open, lineStart));
    if (decl) found = open + decl.index;
  }
  if (found === null) return null;
  const at = src.position(found);
  return hoistDeclarationEdits(src, { kind: 'hoistDeclaration', site: { file: p.site.file, line: at.line, column: at.column } });
}

function offsetStepEdits(src: SourceText, p: Extract<FixPlan, { kind: 'offsetStep' }>): EditResult {
  const t = src.text;
  const call = findCall(src, p.site, SLICE_CALL);
  const offset = call ? sliceSpan(t, call) : null;
  if (!call || !offset || !/^[A-Za-z_$][\w$]*$/.test(offset.text)) return null;
  // The one step of that name by one, in the loop body around the slice.
  const block = enclosingBlock(t, call.open);
  const end = block >= 0 ? matchClose(t, block) : -1;
  if (block < 0 || end < 0) return null;
  const n = escapeRe(offset.text);
  const code = codeOnly(t, block, end);
  const steps = [...code.matchAll(new RegExp(`(?<![\\w$.])(?:${n}\\s*\\+\\+|\\+\\+\\s*${n}|${n}\\s*\\+=\\s*1\\b|${n}\\s*=\\s*${n}\\s*\\+\\s*1\\b)`, 'g'))];
  if (steps.length !== 1) return null;
  const size = /^[\w$.]+$/.test(offset.size) ? offset.size : `(${offset.size})`;
  const at = block + steps[0]!.index!;
  return [src.edit(p.site.file, at, at + steps[0]![0].length, `${offset.text} += ${size}`)];
}

/**
 * The one `<array>.slice(<offset>, <end>)` before the site in the blocks around it whose end does
 * not name the offset (`trainRows.slice(start, BATCH_SIZE)`, an end written as a size): it becomes
 * `start + BATCH_SIZE`. Searched from the innermost block out, three blocks at most.
 */
function sliceEndFromStartEdits(src: SourceText, p: Extract<FixPlan, { kind: 'sliceEndFromStart' }>): EditResult {
  const t = src.text;
  const siteStart = src.lineStart(p.site.line);
  if (siteStart < 0) return null;
  const blocks = openBrackets(t, siteStart).filter((o) => o >= 0).reverse().slice(0, 3);
  for (const open of blocks) {
    const code = codeOnly(t, open, siteStart);
    const found: TextEdit[] = [];
    for (const m of code.matchAll(/\.\s*slice\s*\(/g)) {
      const callOpen = open + m.index! + m[0].length - 1;
      const close = matchClose(t, callOpen);
      if (close < 0 || close > siteStart) continue;
      const args = splitTopLevel(t, callOpen + 1, close);
      if (args.length !== 2) continue;
      const [a, b] = args.map((x) => trim(t, x.start, x.end)) as [Span, Span];
      const offset = t.slice(a.start, a.end);
      const end = t.slice(b.start, b.end);
      if (!/^[A-Za-z_$][\w$]*$/.test(offset) || new RegExp(`(?<![\\w$.])${escapeRe(offset)}(?![\\w$])`).test(end) || /^-|^\d+$/.test(end)) continue;
      found.push(src.edit(p.site.file, b.start, b.end, `${offset} + ${/^[\w$.]+$/.test(end) ? end : `(${end})`}`));
    }
    if (found.length === 1) return found;
    if (found.length > 1) return null;
  }
  return null;
}

/** A `<ns>.shuffle(<one argument>)` statement alone on its line(s): its call, argument and line span. */
function shuffleStatement(src: SourceText, site: SourceSite): { call: Call; name: Span; arg: string; lineStart: number; next: number } | null {
  const call = findCall(src, site, /\.\s*shuffle\s*\(/);
  if (!call || call.args.length !== 1) return null;
  const t = src.text;
  const ls = src.lineStart(site.line);
  const endLine = src.position(call.close).line;
  const lineEnd = src.lineEnd(endLine);
  // Nothing else on those lines but the call and an optional semicolon.
  const before = t.slice(ls, call.open);
  const after = t.slice(call.close + 1, lineEnd);
  const callee = /^\s*([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*)\s*\.\s*shuffle\s*$/.exec(before);
  if (!callee || !/^\s*;?\s*(?:\/\/.*)?$/.test(after)) return null;
  const nameStart = call.open - before.length + before.lastIndexOf('shuffle');
  const next = src.lineStart(endLine + 1);
  const arg = call.args[0]!;
  return { call, name: { start: nameStart, end: nameStart + 'shuffle'.length }, arg: t.slice(arg.start, arg.end), lineStart: ls, next: next < 0 ? t.length : next };
}

function shuffleTogetherEdits(src: SourceText, p: Extract<FixPlan, { kind: 'shuffleTogether' }>): EditResult {
  if (p.first.file !== p.second.file || p.first.line === p.second.line) return null;
  const [earlySite, lateSite] = p.first.line < p.second.line ? [p.first, p.second] : [p.second, p.first];
  const early = shuffleStatement(src, earlySite);
  const late = shuffleStatement(src, lateSite);
  if (!early || !late) return null;
  // The earlier array must still be the same variable, in scope, where the later call runs: both
  // calls in one block, and no assignment to it in between.
  const root = /^[A-Za-z_$][\w$]*/.exec(early.arg)?.[0];
  if (!root || enclosingBlock(src.text, early.call.open) !== enclosingBlock(src.text, late.call.open)) return null;
  const between = codeOnly(src.text, early.next, late.lineStart);
  if (new RegExp(`(?:\\b(?:const|let|var)\\s+${escapeRe(root)}\\b|(?<![\\w$.])${escapeRe(root)}\\s*(?:[-+*/%]?=(?!=)|\\.\\s*(?:splice|length\\s*=)))`).test(between)) return null;
  const file = lateSite.file;
  const lateArg = late.call.args[0]!;
  return [
    src.edit(file, early.lineStart, early.next, ''),
    src.edit(file, late.name.start, late.name.end, 'shuffleCombo'),
    src.edit(file, lateArg.start, lateArg.start, `${early.arg}, `),
  ];
}

function shuffleOneOrderEdits(src: SourceText, p: Extract<FixPlan, { kind: 'shuffleOneOrder' }>): EditResult {
  const call = findCall(src, p.site, /\butil\s*\.\s*shuffle\s*\(/);
  if (!call || call.args.length !== 1) return null;
  const t = src.text;
  const lineStart = src.lineStart(p.site.line);
  const before = codeOnly(t, lineStart, call.open);
  const callee = /([A-Za-z_$][\w$]*)\s*\.\s*util\s*\.\s*shuffle\s*$/.exec(before);
  if (!callee) return null;
  const callStart = lineStart + callee.index;
  const array = t.slice(call.args[0]!.start, call.args[0]!.end).trim();
  // The loop around the call: a header on the call's own line (`for (...) tf.util.shuffle(a);`,
  // `[xs, ys].forEach((a) => tf.util.shuffle(a))`), else the loop whose block holds it.
  const inline = /^\s*(?:for\s*\(|[^\n]*\.\s*forEach\s*\()/.test(before);
  const headerLine = inline ? p.site.line : loopAround(src, lineStart);
  if (headerLine === null) return null;
  const headerStart = src.lineStart(headerLine);
  const header = codeOnly(t, headerStart, src.lineEnd(headerLine));
  const forOpen = /^\s*for\s*\(/.exec(header);
  const forClose = forOpen ? matchClose(t, headerStart + forOpen[0].length - 1) : -1;
  const named = forOpen && forClose > 0 ? /^\s*(?:const|let|var)\s+[A-Za-z_$][\w$]*\s+(of|in)\s+([^]+)$/.exec(codeOnly(t, headerStart + forOpen[0].length, forClose)) : null;
  const listed = /^\s*\[\s*([A-Za-z_$][\w$.]*)\s*,[^\]]*\]\s*\.\s*forEach\s*\(/.exec(header);
  if (!named && !listed) return null;
  const indent = /^[ \t]*/.exec(header)![0];
  // Rows counted from the arrays themselves where the loop names them; else the rows this run had.
  const over = named?.[2]!.trim() ?? '';
  const keysOf = /^Object\s*\.\s*keys\s*\(\s*([A-Za-z_$][\w$.]*)\s*\)$/.exec(over)?.[1];
  const firstListed = listed?.[1] ?? /^\[\s*([A-Za-z_$][\w$.]*)\s*,/.exec(over)?.[1];
  const rows = firstListed
    ? `${firstListed}.length`
    : keysOf
      ? `Object.values(${keysOf})[0].length`
      : named?.[1] === 'in' && /^[A-Za-z_$][\w$.]*$/.test(over)
        ? `Object.values(${over})[0].length`
        : /^[A-Za-z_$][\w$.]*$/.test(over)
          ? `${over}[0].length`
          : String(p.rows);
  const code = codeOnly(t, 0, t.length);
  const order = ['order', 'rowOrder', 'shuffledOrder'].find((n) => !new RegExp(`(?<![\\w$.])${n}\\b`).test(code));
  if (!order) return null;
  // A member (`data[name]`, `set.xs`) takes the reordered copy; a bare loop variable is reordered in place.
  const reordered = `Array.from(${order}, (i) => ${array}[i])`;
  const statement = /^[A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*|\[[^\]]+\])+$/.test(array) ? `${array} = ${reordered}` : `Object.assign(${array}, ${reordered})`;
  return [
    src.edit(p.site.file, headerStart, headerStart, `${indent}const ${order} = ${callee[1]}.util.createShuffledIndices(${rows});\n`),
    src.edit(p.site.file, callStart, call.close + 1, statement),
  ];
}

function clipLogInputEdits(src: SourceText, p: Extract<FixPlan, { kind: 'clipLogInput' }>): EditResult {
  return guardOpInput(src, p.site, 'log', (ns, x) => `${ns}.clipByValue(${x}, 1e-7, 1)`, '.clipByValue(1e-7, 1)');
}

function guardOpInputEdits(src: SourceText, p: Extract<FixPlan, { kind: 'guardOpInput' }>): EditResult {
  if (p.call === 'norm') return guardNormEdits(src, p.site);
  if (p.call === 'pow') return guardPowEdits(src, p.site);
  return guardOpInput(src, p.site, p.call, (ns, x) => `${ns}.maximum(${x}, 1e-7)`, '.maximum(1e-7)');
}

/** `<ns>.pow(x, p)` as `<ns>.pow(<ns>.abs(x), p)`, and `x.pow(p)` as `x.abs().pow(p)`: a fractional power of the absolute value. */
function guardPowEdits(src: SourceText, site: SourceSite): EditResult {
  const call = findCall(src, site, /\.\s*pow\s*\(/);
  if (!call) return null;
  const t = src.text;
  const ns = opNamespace(t, call, 'pow');
  if (call.args.length === 2 && ns) {
    const a = trim(t, call.args[0]!.start, call.args[0]!.end);
    return [src.edit(site.file, a.start, a.end, `${ns}.abs(${t.slice(a.start, a.end)})`)];
  }
  const dot = call.args.length === 1 ? dotBefore(t, call.open, 'pow') : -1;
  return dot < 0 ? null : [src.edit(site.file, dot, dot, '.abs()')];
}

/**
 * What the op at the site takes is guarded first: `<ns>.<op>(x)` gets `wrap(ns, x)` as its argument
 * (the same namespace, never Math's), and `x.<op>()` gets `method` between the receiver and the op.
 */
function guardOpInput(src: SourceText, site: SourceSite, op: string, wrap: (ns: string, x: string) => string, method: string): EditResult {
  const call = findCall(src, site, new RegExp(`\\.\\s*${op}\\s*\\(`));
  if (!call) return null;
  const t = src.text;
  const ns = opNamespace(t, call, op);
  if (call.args.length === 1 && ns) {
    const a = call.args[0]!;
    return [src.edit(site.file, a.start, a.end, wrap(ns, t.slice(a.start, a.end)))];
  }
  const dot = call.args.length === 0 ? dotBefore(t, call.open, op) : -1;
  return dot < 0 ? null : [src.edit(site.file, dot, dot, method)];
}

/** The namespace a call of `op` is made on (`tf` in `tf.log(x)`), or null for a method call or Math's. */
function opNamespace(t: string, call: Call, op: string): string | null {
  const ns = new RegExp(`(?:^|[^\\w$.])([A-Za-z_$][\\w$]*)\\s*\\.\\s*${op}\\s*\\($`).exec(t.slice(Math.max(0, call.open - 300), call.open + 1));
  return ns && ns[1] !== 'Math' ? ns[1]! : null;
}

/** A Euclidean norm, `<ns>.norm(x, ord?, axis?, keepDims?)` or `x.norm(ord?, axis?, keepDims?)`, as the guarded square root of the sum of squares. */
function guardNormEdits(src: SourceText, site: SourceSite): EditResult {
  const call = findCall(src, site, /\.\s*norm\s*\(/);
  if (!call) return null;
  const t = src.text;
  const text = (a: Span | undefined) => (a ? t.slice(a.start, a.end).trim() : undefined);
  const euclidean = (ord: string | undefined) => ord === undefined || /^(['"])(euclidean|fro)\1$/.test(ord) || ord === '2';
  const sumArgs = (axis: string | undefined, keepDims: string | undefined) => (axis !== undefined ? `, ${axis}` : keepDims !== undefined ? ', null' : '') + (keepDims !== undefined ? `, ${keepDims}` : '');
  const before = t.slice(Math.max(0, call.open - 300), call.open + 1);
  const ns = /(?:^|[^\w$.])([A-Za-z_$][\w$]*)\s*\.\s*norm\s*\($/.exec(before);
  if (ns && call.args.length >= 1 && call.args.length <= 4) {
    const [x, ord, axis, keepDims] = call.args.map(text);
    if (!euclidean(ord)) return null;
    const start = t.lastIndexOf(ns[1]!, t.lastIndexOf('norm', call.open));
    return [src.edit(site.file, start, call.close + 1, `${ns[1]}.sqrt(${ns[1]}.maximum(${ns[1]}.sum(${ns[1]}.square(${x})${sumArgs(axis, keepDims)}), 1e-7))`)];
  }
  const dot = dotBefore(t, call.open, 'norm');
  if (dot < 0 || call.args.length > 3) return null;
  const [ord, axis, keepDims] = call.args.map(text);
  if (!euclidean(ord)) return null;
  return [src.edit(site.file, dot, call.close + 1, `.square().sum(${sumArgs(axis, keepDims).slice(2)}).maximum(1e-7).sqrt()`)];
}

function trainAllLayersEdits(src: SourceText, p: Extract<FixPlan, { kind: 'trainAllLayers' }>): EditResult {
  const v = varListArgument(src, p.site);
  if (!v?.init) return null;
  const text = src.text.slice(v.init.start, v.init.end);
  const m = /([A-Za-z_$][\w$]*)\s*\.\s*(?:layers\s*\[\s*\d+\s*\]|getLayer\s*\([^()]*\))\s*\.\s*trainableWeights\b/.exec(text);
  if (!m) return null;
  const start = v.init.start + m.index;
  return [src.edit(p.site.file, start, start + m[0].length, `${m[1]}.trainableWeights`)];
}

function negateLossEdits(src: SourceText, p: Extract<FixPlan, { kind: 'negateLoss' }>): EditResult {
  // The call nearest the column is the one that made the loss (a tf op, or the script's own function).
  const call = findCall(src, p.site, /[A-Za-z_$][\w$]*\s*\(/);
  return call ? [src.edit(p.site.file, call.close + 1, call.close + 1, '.neg()')] : null;
}

function trainingCallEdits(src: SourceText, p: Extract<FixPlan, { kind: 'trainingCall' }>): EditResult {
  const call = findCall(src, p.site, /\.\s*(?:predict|apply)\s*\(/);
  const x = call?.args[0];
  if (!call || !x) return null;
  const t = src.text;
  const file = p.site.file;
  const predictDot = dotBefore(t, call.open, 'predict');
  if (predictDot >= 0) {
    // predict's options (batchSize, verbose) mean nothing to apply.
    if (call.args.length > 2) return null;
    const name = t.indexOf('predict', predictDot);
    return [src.edit(file, name, name + 'predict'.length, 'apply'), src.edit(file, x.end, call.close, ', { training: true }')];
  }
  if (dotBefore(t, call.open, 'apply') < 0) return null;
  if (call.args.length === 1) return [src.edit(file, x.end, x.end, ', { training: true }')];
  const options = call.args.length === 2 ? objectArg(src, call, 1) : null;
  if (!options) return null;
  const training = options.props.find((prop) => prop.key === 'training');
  if (training) return training.value ? [src.edit(file, training.value.start, training.value.end, 'true')] : null;
  return [prependProp(src, file, options, 'training: true')];
}

function planFile(p: FixPlan): string | null {
  switch (p.kind) {
    case 'activation':
    case 'layerOption':
    case 'removeLayerOption':
    case 'layerNumber':
    case 'layerValue':
    case 'channelsLast':
    case 'regularizerFactor':
    case 'breakFallthrough':
      return p.layer.site?.file ?? null;
    case 'loss':
      return p.compileSite?.file ?? null;
    case 'learningRate':
      return p.optimizer?.site?.file ?? p.compileSite?.file ?? null;
    case 'scale':
      return p.fitSite?.file ?? null;
    case 'scaleValidation':
    case 'scaleValidationLike':
    case 'fitOption':
    case 'spreadDefaultsFirst':
    case 'tidyFitData':
    case 'replaceFitOption':
    case 'addFitOption':
    case 'fitEpochFromLoop':
    case 'oneEpochPerCall':
    case 'swapClassWeights':
    case 'countClassesDown':
    case 'swapFitTargets':
    case 'swapFitWithValidation':
    case 'epochsAfterInitial':
    case 'removeDatasetOption':
    case 'cosineOverRun':
    case 'atLeastOne':
      return p.fitSite.file;
    case 'unwrapCall':
    case 'shuffleOneOrder':
    case 'renameOp':
    case 'freshRows':
    case 'offsetStep':
    case 'sliceEndFromStart':
    case 'hoistOffset':
    case 'unwrapAlike':
    case 'parseIntMap':
    case 'trimLookup':
    case 'nearLookup':
    case 'comparatorDifference':
    case 'shuffleInPlace':
    case 'warmupRising':
    case 'keepLowerLoss':
    case 'fillEach':
    case 'sqrtOfDivisor':
    case 'splitSeparator':
    case 'rateMultiplies':
    case 'parseWithComma':
    case 'regexTakesSign':
    case 'maskKeepsLowTargets':
    case 'degreesToRadians':
    case 'swapCallInputs':
    case 'gatherPerRow':
    case 'stripByteOrderMark':
    case 'offsetIdsFirst':
    case 'trainingMoments':
    case 'declareInLoop':
    case 'declareInFunction':
    case 'splitOnNonWords':
    case 'tinyEpsilon':
    case 'dropDivide255':
    case 'softmaxTargets':
    case 'exclusiveBound':
    case 'guardShare':
    case 'finiteAtColumn':
    case 'ownMoments':
    case 'normalizeEmbeddings':
    case 'callbackParamsOrder':
    case 'copyFromTwin':
    case 'dropWhereMask':
    case 'stopCheckPerEpoch':
    case 'floorBelowRate':
    case 'softmaxAt':
    case 'splitHeadsTranspose':
    case 'rateAsFactor':
    case 'resetWaitCounter':
    case 'repeatEach':
    case 'skipHeader':
    case 'freshIterator':
    case 'unstandardizeAtMake':
    case 'sliceColumn':
    case 'forInToIndex':
    case 'log1pAtWrite':
    case 'divisorPlusOne':
    case 'fallbackAtColumn':
    case 'reduceAxisOne':
    case 'labelsFromRaw':
    case 'logVarianceSign':
    case 'finiteMask':
    case 'pruneKeepLarge':
    case 'resolvableStep':
    case 'swapWhereBranches':
    case 'absBeforeSum':
    case 'averageSum':
    case 'channelMeanOverImages':
    case 'omegaThirty':
    case 'logDetSign':
    case 'softplusForLogExp':
    case 'log1pTensor':
    case 'annealRising':
    case 'setMomentumNotRate':
    case 'smoothingFraction':
    case 'improvementUp':
    case 'rateProperty':
    case 'guardWarmupRatio':
    case 'clampTableIndex':
    case 'invertScale':
    case 'roundNotTruncate':
    case 'dateFromSeconds':
    case 'parseHex':
    case 'sumLastAxis':
    case 'reuseConfiguredLayer':
    case 'hingeMargin':
    case 'returnInBranch':
    case 'numberCompare':
    case 'labelFromLastEntry':
    case 'mapKeyAsNumber':
    case 'labelFromOtherField':
    case 'meanAxis':
    case 'tidyCaller':
    case 'countFromOne':
    case 'trainingFlagFalse':
    case 'rowOffsetTimesWidth':
    case 'concatInPlace':
    case 'compareAsText':
    case 'unscaleLabelColumn':
    case 'assignDiscarded':
    case 'letLoopVariable':
    case 'columnMajorTensor':
    case 'resetAccumulator':
    case 'floatDtype':
    case 'rateFloor':
    case 'startRateAt':
    case 'advanceCounter':
    case 'quantileFraction':
    case 'warmupWithinRun':
    case 'scheduleByEpoch':
    case 'sublayersInBuild':
    case 'returnComputed':
    case 'transposeMade':
    case 'indicatorNotShare':
    case 'euclideanDistance':
    case 'addSubtracted':
    case 'logSoftmaxWeights':
    case 'drawSecondView':
    case 'drawFromAllRows':
    case 'oppositeLabels':
    case 'scaleSoftmaxInput':
    case 'swapSubOperands':
    case 'dropSeedArg':
    case 'weightedMean':
    case 'diagonalLabels':
    case 'stripSymbol':
    case 'stepFrom':
    case 'parseFractions':
    case 'removeStatement':
    case 'sortCopy':
    case 'guardDivisor':
    case 'countAtLeastOne':
    case 'awaitCall':
    case 'keepZeroLabels':
    case 'softplusBeforeLog':
    case 'subtractRowMax':
    case 'caretToPower':
    case 'isNaNTest':
    case 'heNormalDraw':
    case 'numericSort':
    case 'unfloorKeepRatio':
    case 'keepShuffledCopy':
    case 'trainUsedModel':
    case 'charCodeOffset':
    case 'rateAtStart':
      return p.site.file;
    case 'fitTargetsFrom':
    case 'validationPair':
    case 'heldOutValidation':
    case 'buildPerSplit':
      return p.fitSite.file;
    case 'scaleInputsLike':
      return p.site.file === p.fitSite.file ? p.site.file : null;
    case 'gradientsAtEachStep':
    case 'thresholdTo':
    case 'variableTrainable':
    case 'targetAfterWindow':
    case 'hoistAssignment':
      return p.site.file;
    case 'setRateBeforeFit':
      return p.fitSite.file === p.sweepSite.file ? p.fitSite.file : null;
    case 'positionalRate':
    case 'cloneWeights':
    case 'parseFloatCell':
    case 'applyMean':
      return p.site.file;
    case 'addLayer':
      return p.after.site?.file ?? null;
    case 'moveLayerBefore':
      return p.layer.site?.file ?? null;
    case 'lossWeightOne':
      return p.compileSite.file;
    case 'relabelAtWrite':
    case 'flipGuard':
    case 'budgetInMilliseconds':
    case 'shuffleSamples':
    case 'descendAt':
    case 'nanAtParse':
    case 'windowBeforeTarget':
      return p.site.file;
    case 'classCountPlusOne':
      return p.site.file;
    case 'setLearningRate':
    case 'rateValue':
    case 'shuffleBeforeBatch':
    case 'swapArguments':
    case 'shiftIndices':
    case 'reshapeOperand':
    case 'hoistDeclaration':
    case 'moveAfterLoop':
    case 'batchOffset':
    case 'alignSlice':
    case 'clipBounds':
    case 'clipSymmetric':
    case 'marginTo':
    case 'recompileAfter':
    case 'shuffleBuffer':
    case 'rowsUpTo':
    case 'gatherLike':
    case 'sumToMean':
    case 'columnAxis':
    case 'lastAxis':
    case 'scaleMade':
    case 'callOption':
    case 'callArgument':
    case 'insertArgument':
    case 'nanFreeOperand':
    case 'positiveModulo':
    case 'applyOutputOf':
    case 'applyInput':
    case 'applyClipped':
    case 'lossCallTo':
    case 'standardizeSquashed':
    case 'declaredArgument':
    case 'settingFallback':
    case 'nullishDefault':
    case 'rateFactor':
    case 'clipLogInput':
    case 'guardOpInput':
    case 'trainAllLayers':
    case 'negateLoss':
    case 'trainingCall':
      return p.site.file;
    case 'disposeTensors':
      return p.sites[0]?.site.file ?? null;
    case 'hoistOutOfLoop':
      return p.sites[0]?.file ?? null;
    case 'unfreezeLayers':
      return p.site.file;
    case 'shuffleAfterZip':
      return p.zip.file;
    case 'maskBefore':
      return p.layer.site?.file ?? null;
    case 'shuffleRowsBeforeFit':
      return p.fitSite.file;
    case 'declareRowInLoop':
    case 'drawPerRow':
    case 'literalTo':
    case 'padAtStart':
    case 'arrayFromHoles':
    case 'reduceFromZero':
    case 'hoistVocabulary':
    case 'sortCountsDescending':
    case 'arrayFromCallback':
    case 'nanGuardNegation':
    case 'nanTestReadsValue':
    case 'percentCells':
    case 'channelOrder':
    case 'vocabOnce':
    case 'blankLineContinue':
    case 'negativesLabelledZero':
    case 'fakeLabelsZero':
    case 'guardStd':
    case 'returnFromMapArrow':
    case 'floorAtLeastOne':
    case 'applyCondition':
    case 'percentileFraction':
    case 'numberFromToFixed':
    case 'bestFromInfinity':
    case 'maskByIndex':
    case 'historyStart':
    case 'scaleByMax':
    case 'focalModulator':
    case 'logFloor':
    case 'meanSkipsNaN':
    case 'hashInt32':
    case 'floatTypedArray':
    case 'copyRows':
    case 'maskLikeImage':
    case 'tagRowOnce':
    case 'stableLogCosh':
    case 'scalePositions':
    case 'dropGlobalFlag':
    case 'percentAsFraction':
    case 'swapSplitNames':
    case 'shrinkPatch':
    case 'lowerMinCount':
    case 'normTakesSqrt':
    case 'deviationFromMean':
    case 'booleanCells':
    case 'floorIndex':
    case 'smoothingSigns':
      return p.file;
    case 'shuffleTogether':
      return p.first.file;
    case 'swapVarLists':
      return p.a.file;
    case 'nameVarList':
    case 'sampledIndices':
    case 'logParameterized':
    case 'sumOfLogs':
    case 'rowMax':
    case 'decayInterval':
    case 'targetIndexLikeInputs':
    case 'maskAdded':
    case 'divideNotMultiply':
      return p.site.file;
    case 'all':
      return null;
  }
}

function planEdits(p: FixPlan, read: SourceReader, cache: Map<string, SourceText | null>): EditResult {
  if (p.kind === 'all') {
    const edits: TextEdit[] = [];
    const seen = new Set<string>();
    for (const part of p.parts) {
      const e = planEdits(part, read, cache);
      if (!e) return null;
      // The same edit twice is one change (layers made by one line in a loop).
      for (const x of e) {
        const key = JSON.stringify(x);
        if (!seen.has(key)) edits.push(x);
        seen.add(key);
      }
    }
    return overlapping(edits) ? null : edits;
  }
  const file = planFile(p);
  if (!file) return null;
  const src = cachedSource(read, file, cache);
  if (!src) return null;
  try {
    switch (p.kind) {
      case 'activation':
        return activationEdits(src, p);
      case 'layerOption':
        return layerOptionEdits(src, p);
      case 'removeLayerOption':
        return removeLayerOptionEdits(src, p);
      case 'layerNumber':
        return layerNumberEdits(src, p);
      case 'layerValue':
        return layerValueEdits(src, p);
      case 'channelsLast':
        return channelsLastEdits(src, p);
      case 'clipBounds':
        return clipBoundsEdits(src, p);
      case 'clipSymmetric':
        return clipSymmetricEdits(src, p);
      case 'marginTo':
        return marginToEdits(src, p);
      case 'shuffleBuffer':
        return shuffleBufferEdits(src, p);
      case 'recompileAfter':
        return recompileAfterEdits(src, p);
      case 'loss':
        return lossEdits(src, p);
      case 'learningRate':
        return learningRateEdits(src, p);
      case 'scale':
        return scaleEdits(src, p);
      case 'addLayer':
        return addLayerEdits(src, p);
      case 'moveLayerBefore':
        return moveLayerBeforeEdits(src, p);
      case 'lossWeightOne':
        return lossWeightOneEdits(src, p);
      case 'relabelAtWrite':
        return relabelAtWriteEdits(src, p);
      case 'nanAtParse':
        return nanAtParseEdits(src, p);
      case 'descendAt':
        return descendAtEdits(src, p);
      case 'flipGuard':
        return flipGuardEdits(src, p);
      case 'budgetInMilliseconds':
        return budgetInMillisecondsEdits(src, p);
      case 'epochsAfterInitial':
        return epochsAfterInitialEdits(src, p);
      case 'removeDatasetOption':
        return removeDatasetOptionEdits(src, p);
      case 'unwrapCall':
        return unwrapCallEdits(src, p);
      case 'renameOp':
        return renameOpEdits(src, p);
      case 'freshRows':
        return freshRowsEdits(src, p);
      case 'sliceEndFromStart':
        return sliceEndFromStartEdits(src, p);
      case 'offsetStep':
        return offsetStepEdits(src, p);
      case 'hoistOffset':
        return hoistOffsetEdits(src, p);
      case 'unwrapAlike':
        return unwrapAlikeEdits(src, p);
      case 'parseIntMap':
        return parseIntMapEdits(src, p);
      case 'trimLookup':
        return trimLookupEdits(src, p);
      case 'nearLookup':
        return nearLookupEdits(src, p);
      case 'comparatorDifference':
        return comparatorDifferenceEdits(src, p);
      case 'shuffleInPlace':
        return shuffleInPlaceEdits(src, p);
      case 'warmupRising':
        return warmupRisingEdits(src, p);
      case 'keepLowerLoss':
        return keepLowerLossEdits(src, p);
      case 'fillEach':
        return fillEachEdits(src, p);
      case 'sqrtOfDivisor':
        return sqrtOfDivisorEdits(src, p);
      case 'reduceFromZero':
        return reduceFromZeroEdits(src, p);
      case 'splitSeparator':
        return splitSeparatorEdits(src, p);
      case 'rateMultiplies':
        return rateMultipliesEdits(src, p);
      case 'parseWithComma':
        return parseWithCommaEdits(src, p);
      case 'regexTakesSign':
        return regexTakesSignEdits(src, p);
      case 'maskKeepsLowTargets':
        return maskKeepsLowTargetsEdits(src, p);
      case 'trainingMoments':
        return trainingMomentsEdits(src, p);
      case 'scalePositions':
        return scalePositionsEdits(src, p);
      case 'degreesToRadians':
        return degreesToRadiansEdits(src, p);
      case 'gatherPerRow':
        return gatherPerRowEdits(src, p);
      case 'stripByteOrderMark':
        return stripByteOrderMarkEdits(src, p);
      case 'floorIndex':
        return floorIndexEdits(src, p);
      case 'smoothingSigns':
        return smoothingSignsEdits(src, p);
      case 'offsetIdsFirst':
        return offsetIdsFirstEdits(src, p);
      case 'dropGlobalFlag':
        return dropGlobalFlagEdits(src, p);
      case 'swapCallInputs':
        return swapCallInputsEdits(src, p);
      case 'splitOnNonWords':
        return splitOnNonWordsEdits(src, p);
      case 'stableLogCosh':
        return stableLogCoshEdits(src, p.file);
      case 'percentAsFraction':
        return percentAsFractionEdits(src, p.file);
      case 'swapSplitNames':
        return swapSplitNamesEdits(src, p.file);
      case 'shrinkPatch':
        return shrinkPatchEdits(src, p);
      case 'lowerMinCount':
        return lowerMinCountEdits(src, p.file);
      case 'normTakesSqrt':
        return normTakesSqrtEdits(src, p.file);
      case 'booleanCells':
        return booleanCellsEdits(src, p.file);
      case 'declareInLoop':
        return declareInLoopEdits(src, p);
      case 'declareInFunction':
        return declareInFunctionEdits(src, p);
      case 'tinyEpsilon':
        return tinyEpsilonEdits(src, p);
      case 'dropDivide255':
        return dropDivide255Edits(src, p);
      case 'softmaxTargets':
        return softmaxTargetsEdits(src, p);
      case 'exclusiveBound':
        return exclusiveBoundEdits(src, p);
      case 'nanGuardNegation':
        return nanGuardNegationEdits(src, p);
      case 'floorAtLeastOne':
        return floorAtLeastOneEdits(src, p);
      case 'resetWaitCounter':
        return resetWaitCounterEdits(src, p);
      case 'logFloor':
        return logFloorEdits(src, p);
      case 'ownMoments':
        return ownMomentsEdits(src, p);
      case 'normalizeEmbeddings':
        return normalizeEmbeddingsEdits(src, p);
      case 'callbackParamsOrder':
        return callbackParamsOrderEdits(src, p);
      case 'rateAsFactor':
        return rateAsFactorEdits(src, p);
      case 'applyCondition':
        return applyConditionEdits(src, p);
      case 'percentileFraction':
        return percentileFractionEdits(src, p);
      case 'numberFromToFixed':
        return numberFromToFixedEdits(src, p);
      case 'copyFromTwin':
        return copyFromTwinEdits(src, p);
      case 'dropWhereMask':
        return dropWhereMaskEdits(src, p);
      case 'softmaxAt':
        return softmaxAtEdits(src, p);
      case 'splitHeadsTranspose':
        return splitHeadsTransposeEdits(src, p);
      case 'bestFromInfinity':
        return bestFromInfinityEdits(src, p);
      case 'stopCheckPerEpoch':
        return stopCheckPerEpochEdits(src, p);
      case 'maskByIndex':
        return maskByIndexEdits(src, p);
      case 'historyStart':
        return historyStartEdits(src, p);
      case 'scaleByMax':
        return scaleByMaxEdits(src, p);
      case 'focalModulator':
        return focalModulatorEdits(src, p);
      case 'floorBelowRate':
        return floorBelowRateEdits(src, p);
      case 'meanSkipsNaN':
        return meanSkipsNaNEdits(src, p);
      case 'hashInt32':
        return hashInt32Edits(src, p);
      case 'copyRows':
        return copyRowsEdits(src, p);
      case 'maskLikeImage':
        return maskLikeImageEdits(src, p);
      case 'tagRowOnce':
        return tagRowOnceEdits(src, p);
      case 'hoistVocabulary':
        return hoistVocabularyEdits(src, p);
      case 'sortCountsDescending':
        return sortCountsDescendingEdits(src, p);
      case 'spreadDefaultsFirst':
        return spreadDefaultsFirstEdits(src, p);
      case 'arrayFromCallback':
        return arrayFromCallbackEdits(src, p);
      case 'guardShare':
        return guardShareEdits(src, p);
      case 'finiteAtColumn':
        return finiteAtColumnEdits(src, p);
      case 'repeatEach':
        return repeatEachEdits(src, p);
      case 'cosineOverRun':
        return cosineOverRunEdits(src, p);
      case 'atLeastOne':
        return atLeastOneEdits(src, p);
      case 'skipHeader':
        return skipHeaderEdits(src, p);
      case 'freshIterator':
        return freshIteratorEdits(src, p);
      case 'unstandardizeAtMake':
        return unstandardizeAtMakeEdits(src, p);
      case 'sliceColumn':
        return sliceColumnEdits(src, p);
      case 'forInToIndex':
        return forInToIndexEdits(src, p);
      case 'log1pAtWrite':
        return log1pAtWriteEdits(src, p);
      case 'divisorPlusOne':
        return divisorPlusOneEdits(src, p);
      case 'rateProperty':
        return ratePropertyEdits(src, p);
      case 'fallbackAtColumn':
        return fallbackAtColumnEdits(src, p);
      case 'improvementUp':
        return improvementUpEdits(src, p);
      case 'smoothingFraction':
        return smoothingFractionEdits(src, p);
      case 'percentCells':
        return percentCellsEdits(src, p);
      case 'channelOrder':
        return channelOrderEdits(src, p);
      case 'vocabOnce':
        return vocabOnceEdits(src, p);
      case 'reduceAxisOne':
        return reduceAxisOneEdits(src, p);
      case 'blankLineContinue':
        return blankLineContinueEdits(src, p);
      case 'negativesLabelledZero':
        return negativesLabelledZeroEdits(src, p);
      case 'labelsFromRaw':
        return labelsFromRawEdits(src, p);
      case 'tidyFitData':
        return tidyFitDataEdits(src, p);
      case 'logVarianceSign':
        return logVarianceSignEdits(src, p);
      case 'annealRising':
        return annealRisingEdits(src, p);
      case 'finiteMask':
        return finiteMaskEdits(src, p);
      case 'softplusForLogExp':
        return softplusForLogExpEdits(src, p);
      case 'averageSum':
        return averageSumEdits(src, p);
      case 'countClassesDown':
        return countClassesDownEdits(src, p);
      case 'channelMeanOverImages':
        return channelMeanOverImagesEdits(src, p);
      case 'floatTypedArray':
        return floatTypedArrayEdits(src, p);
      case 'omegaThirty':
        return omegaThirtyEdits(src, p);
      case 'absBeforeSum':
        return absBeforeSumEdits(src, p);
      case 'swapWhereBranches':
        return swapWhereBranchesEdits(src, p);
      case 'resolvableStep':
        return resolvableStepEdits(src, p);
      case 'pruneKeepLarge':
        return pruneKeepLargeEdits(src, p);
      case 'logDetSign':
        return logDetSignEdits(src, p);
      case 'log1pTensor':
        return log1pTensorEdits(src, p);
      case 'fakeLabelsZero':
        return fakeLabelsZeroEdits(src, p);
      case 'setMomentumNotRate':
        return setMomentumNotRateEdits(src, p);
      case 'guardStd':
        return guardStdEdits(src, p);
      case 'returnFromMapArrow':
        return returnFromMapArrowEdits(src, p);
      case 'nanTestReadsValue':
        return nanTestReadsValueEdits(src, p);
      case 'guardWarmupRatio':
        return guardWarmupRatioEdits(src, p);
      case 'clampTableIndex':
        return clampTableIndexEdits(src, p);
      case 'invertScale':
        return invertScaleEdits(src, p);
      case 'roundNotTruncate':
        return roundNotTruncateEdits(src, p);
      case 'dateFromSeconds':
        return dateFromSecondsEdits(src, p);
      case 'parseHex':
        return parseHexEdits(src, p);
      case 'sumLastAxis':
        return sumLastAxisEdits(src, p);
      case 'deviationFromMean':
        return deviationFromMeanEdits(src, p.file);
      case 'reuseConfiguredLayer':
        return reuseConfiguredLayerEdits(src, p);
      case 'hingeMargin':
        return hingeMarginEdits(src, p);
      case 'returnInBranch':
        return returnInBranchEdits(src, p);
      case 'compareAsText':
        return compareAsTextEdits(src, p);
      case 'concatInPlace':
        return concatInPlaceEdits(src, p);
      case 'rowOffsetTimesWidth':
        return rowOffsetTimesWidthEdits(src, p);
      case 'trainingFlagFalse':
        return trainingFlagFalseEdits(src, p);
      case 'padAtStart':
        return padAtStartEdits(src, p.file);
      case 'countFromOne':
        return countFromOneEdits(src, p);
      case 'tidyCaller':
        return tidyCallerEdits(src, p);
      case 'meanAxis':
        return meanAxisEdits(src, p);
      case 'numberCompare':
        return numberCompareEdits(src, p);
      case 'labelFromLastEntry':
        return labelFromLastEntryEdits(src, p);
      case 'mapKeyAsNumber':
        return mapKeyAsNumberEdits(src, p);
      case 'labelFromOtherField':
        return labelFromOtherFieldEdits(src, p);
      case 'unscaleLabelColumn':
        return unscaleLabelColumnEdits(src, p);
      case 'assignDiscarded':
        return assignDiscardedEdits(src, p);
      case 'letLoopVariable':
        return letLoopVariableEdits(src, p);
      case 'columnMajorTensor':
        return columnMajorTensorEdits(src, p);
      case 'resetAccumulator':
        return resetAccumulatorEdits(src, p);
      case 'floatDtype':
        return floatDtypeEdits(src, p);
      case 'rateFloor':
        return rateFloorEdits(src, p);
      case 'startRateAt':
        return startRateAtEdits(src, p);
      case 'advanceCounter':
        return advanceCounterEdits(src, p);
      case 'weightedMean':
        return weightedMeanEdits(src, p);
      case 'dropSeedArg':
        return dropSeedArgEdits(src, p);
      case 'swapSubOperands':
        return swapSubOperandsEdits(src, p);
      case 'scaleSoftmaxInput':
        return scaleSoftmaxInputEdits(src, p);
      case 'oppositeLabels':
        return oppositeLabelsEdits(src, p);
      case 'drawFromAllRows':
        return drawFromAllRowsEdits(src, p);
      case 'sublayersInBuild':
        return sublayersInBuildEdits(src, p);
      case 'returnComputed':
        return returnComputedEdits(src, p);
      case 'transposeMade':
        return transposeMadeEdits(src, p);
      case 'indicatorNotShare':
        return indicatorNotShareEdits(src, p);
      case 'euclideanDistance':
        return euclideanDistanceEdits(src, p);
      case 'addSubtracted':
        return addSubtractedEdits(src, p);
      case 'logSoftmaxWeights':
        return logSoftmaxWeightsEdits(src, p);
      case 'swapVarLists':
        return swapVarListsEdits(src, p);
      case 'nameVarList':
        return nameVarListEdits(src, p);
      case 'sampledIndices':
        return sampledIndicesEdits(src, p);
      case 'logParameterized':
        return logParameterizedEdits(src, p);
      case 'sumOfLogs':
        return sumOfLogsEdits(src, p);
      case 'rowMax':
        return rowMaxEdits(src, p);
      case 'decayInterval':
        return decayIntervalEdits(src, p);
      case 'targetIndexLikeInputs':
        return targetIndexLikeInputsEdits(src, p);
      case 'maskAdded':
        return maskAddedEdits(src, p);
      case 'divideNotMultiply':
        return divideNotMultiplyEdits(src, p);
      case 'drawSecondView':
        return drawSecondViewEdits(src, p);
      case 'warmupWithinRun':
        return warmupWithinRunEdits(src, p);
      case 'quantileFraction':
        return quantileFractionEdits(src, p);
      case 'scheduleByEpoch':
        return scheduleByEpochEdits(src, p);
      case 'diagonalLabels':
        return diagonalLabelsEdits(src, p);
      case 'stripSymbol':
        return stripSymbolEdits(src, p);
      case 'stepFrom':
        return stepFromEdits(src, p);
      case 'parseFractions':
        return parseFractionsEdits(src, p);
      case 'removeStatement':
        return removeStatementEdits(src, p);
      case 'sortCopy':
        return sortCopyEdits(src, p);
      case 'guardDivisor':
        return guardDivisorEdits(src, p);
      case 'countAtLeastOne':
        return countAtLeastOneEdits(src, p);
      case 'awaitCall':
        return awaitCallEdits(src, p);
      case 'keepZeroLabels':
        return keepZeroLabelsEdits(src, p);
      case 'softplusBeforeLog':
        return softplusBeforeLogEdits(src, p);
      case 'subtractRowMax':
        return subtractRowMaxEdits(src, p);
      case 'caretToPower':
        return caretToPowerEdits(src, p);
      case 'isNaNTest':
        return isNaNTestEdits(src, p);
      case 'charCodeOffset':
        return charCodeOffsetEdits(src, p);
      case 'trainUsedModel':
        return trainUsedModelEdits(src, p);
      case 'keepShuffledCopy':
        return keepShuffledCopyEdits(src, p);
      case 'unfloorKeepRatio':
        return unfloorKeepRatioEdits(src, p);
      case 'heNormalDraw':
        return heNormalDrawEdits(src, p);
      case 'numericSort':
        return numericSortEdits(src, p);
      case 'rateAtStart':
        return rateAtStartEdits(src, p);
      case 'fitTargetsFrom':
        return fitTargetsFromEdits(src, p);
      case 'validationPair':
        return validationPairEdits(src, p);
      case 'heldOutValidation':
        return heldOutValidationEdits(src, p);
      case 'buildPerSplit':
        return buildPerSplitEdits(src, p);
      case 'scaleInputsLike':
        return scaleInputsLikeEdits(src, p);
      case 'gradientsAtEachStep':
        return gradientsAtEachStepEdits(src, p);
      case 'setRateBeforeFit':
        return setRateBeforeFitEdits(src, p);
      case 'hoistAssignment':
        return hoistAssignmentEdits(src, p);
      case 'targetAfterWindow':
        return targetAfterWindowEdits(src, p);
      case 'variableTrainable':
        return variableTrainableEdits(src, p);
      case 'thresholdTo':
        return thresholdToEdits(src, p);
      case 'positionalRate':
        return positionalRateEdits(src, p);
      case 'cloneWeights':
        return cloneWeightsEdits(src, p);
      case 'parseFloatCell':
        return parseFloatCellEdits(src, p);
      case 'applyMean':
        return applyMeanEdits(src, p);
      case 'shuffleSamples':
        return shuffleSamplesEdits(src, p);
      case 'windowBeforeTarget':
        return windowBeforeTargetEdits(src, p);
      case 'classCountPlusOne':
        return classCountPlusOneEdits(src, p);
      case 'setLearningRate':
        return setLearningRateEdits(src, p);
      case 'moveAfterLoop':
        return moveAfterLoopEdits(src, p);
      case 'batchOffset':
        return batchOffsetEdits(src, p);
      case 'alignSlice':
        return alignSliceEdits(src, p);
      case 'rowsUpTo':
        return rowsUpToEdits(src, p);
      case 'gatherLike':
        return gatherLikeEdits(src, p);
      case 'sumToMean':
        return sumToMeanEdits(src, p);
      case 'columnAxis':
        return columnAxisEdits(src, p);
      case 'scaleMade':
        return scaleMadeEdits(src, p);
      case 'lastAxis':
        return lastAxisEdits(src, p);
      case 'callOption':
        return callOptionEdits(src, p);
      case 'callArgument':
        return callArgumentEdits(src, p);
      case 'insertArgument':
        return insertArgumentEdits(src, p);
      case 'nanFreeOperand':
        return nanFreeOperandEdits(src, p);
      case 'positiveModulo':
        return positiveModuloEdits(src, p);
      case 'applyClipped':
        return applyClippedEdits(src, p);
      case 'applyOutputOf':
        return applyOutputOfEdits(src, p);
      case 'applyInput':
        return applyInputEdits(src, p);
      case 'lossCallTo':
        return lossCallToEdits(src, p);
      case 'standardizeSquashed':
        return standardizeSquashedEdits(src, p);
      case 'literalTo':
        return literalToEdits(src, p);
      case 'arrayFromHoles':
        return arrayFromHolesEdits(src, p);
      case 'declaredArgument':
        return declaredArgumentEdits(src, p);
      case 'settingFallback':
        return settingFallbackEdits(src, p);
      case 'nullishDefault':
        return nullishDefaultEdits(src, p);
      case 'breakFallthrough':
        return breakFallthroughEdits(src, p);
      case 'rateFactor':
        return rateFactorEdits(src, p);
      case 'rateValue':
        return rateValueEdits(src, p);
      case 'swapArguments':
        return swapArgumentsEdits(src, p);
      case 'regularizerFactor':
        return regularizerFactorEdits(src, p);
      case 'shiftIndices':
        return shiftIndicesEdits(src, p);
      case 'reshapeOperand':
        return reshapeOperandEdits(src, p);
      case 'scaleValidation':
        return scaleValidationEdits(src, p);
      case 'scaleValidationLike':
        return scaleValidationLikeEdits(src, p);
      case 'fitOption':
        return fitOptionEdits(src, p);
      case 'replaceFitOption':
        return replaceFitOptionEdits(src, p);
      case 'addFitOption':
        return addFitOptionEdits(src, p);
      case 'fitEpochFromLoop':
        return fitEpochFromLoopEdits(src, p);
      case 'oneEpochPerCall':
        return oneEpochPerCallEdits(src, p);
      case 'swapClassWeights':
        return swapClassWeightsEdits(src, p);
      case 'swapFitTargets':
        return swapFitTargetsEdits(src, p);
      case 'swapFitWithValidation':
        return swapFitWithValidationEdits(src, p);
      case 'shuffleBeforeBatch':
        return shuffleBeforeBatchEdits(src, p);
      case 'disposeTensors':
        return disposeTensorsEdits(src, p);
      case 'hoistDeclaration':
        return hoistDeclarationEdits(src, p);
      case 'hoistOutOfLoop':
        return hoistOutOfLoopEdits(src, p);
      case 'unfreezeLayers':
        return unfreezeLayersEdits(src, p);
      case 'shuffleAfterZip':
        return shuffleAfterZipEdits(src, p);
      case 'maskBefore':
        return maskBeforeEdits(src, p);
      case 'shuffleRowsBeforeFit':
        return shuffleRowsBeforeFitEdits(src, p);
      case 'declareRowInLoop':
        return declareRowInLoopEdits(src, p);
      case 'drawPerRow':
        return drawPerRowEdits(src, p);
      case 'shuffleTogether':
        return shuffleTogetherEdits(src, p);
      case 'shuffleOneOrder':
        return shuffleOneOrderEdits(src, p);
      case 'clipLogInput':
        return clipLogInputEdits(src, p);
      case 'guardOpInput':
        return guardOpInputEdits(src, p);
      case 'trainAllLayers':
        return trainAllLayersEdits(src, p);
      case 'negateLoss':
        return negateLossEdits(src, p);
      case 'trainingCall':
        return trainingCallEdits(src, p);
    }
  } catch {
    return null;
  }
}

function overlapping(edits: TextEdit[]): boolean {
  const pos = (line: number, column: number) => line * 1e7 + column;
  const sorted = [...edits].sort((a, b) => a.file.localeCompare(b.file) || pos(a.startLine, a.startColumn) - pos(b.startLine, b.startColumn));
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    // Overlaps, or two edits starting at the same spot (no well-defined order): refuse.
    const aStart = pos(a.startLine, a.startColumn);
    const bStart = pos(b.startLine, b.startColumn);
    if (a.file === b.file && (bStart < pos(a.endLine, a.endColumn) || bStart === aStart)) return true;
  }
  return false;
}

/** Renders a planned fix against the current source; null when any edit cannot be made exactly. */
export function renderFix(planned: PlannedFix, read: SourceReader | undefined, preferred: boolean, cache = new Map<string, SourceText | null>()): Fix | null {
  if (!read) return null;
  const edits = planEdits(planned.plan, read, cache);
  if (!edits || edits.length === 0) return null;
  return { title: planned.title, edits, preferred };
}

/** Applies non-overlapping edits to one file's text (edits for other files are ignored). */
export function applyEdits(text: string, edits: readonly TextEdit[], file?: string): string {
  const src = new SourceText(text);
  const list = edits
    .filter((e) => file === undefined || e.file === file)
    .map((e) => ({ start: src.offset(e.startLine, e.startColumn), end: src.offset(e.endLine, e.endColumn), text: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of list) {
    if (e.start < 0 || e.end < e.start) throw new Error('edit out of range');
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
  }
  return out;
}
