/**
 * Per-position targets that do not line up with their inputs. Segmentation masks against their
 * images: augmentation that flips or crops the image and not its mask, or the two at offsets drawn
 * apart. Each sample's mask is compared with its image (the mean over channels) as it is, mirrored,
 * and shifted by a few pixels; a mask that matches its image clearly better mirrored or shifted
 * than as it is belongs to another view of the image. Tag sequences against their token ids: ids
 * padded on one side, tags on the other. Only reads; the values come from the probe.
 */

/** Samples compared at most, and pixels shifted at most in each direction. */
const SAMPLES = 64;
const MAX_SHIFT = 4;
/** A mask must match some view of its image at least this well, and beat the plain one by this much. */
const MIN_MATCH = 0.3;
const MARGIN = 0.15;
/** Of the samples that match some view, the share that prefer another view for a finding. */
const MISALIGNED_SHARE = 0.25;
const MIN_SAMPLES = 16;

export interface MisalignedFound {
  /** Samples compared (those whose mask matched some view of the image), and how many prefer another view. */
  samples: number;
  misaligned: number;
  /** How many of those prefer the mirrored image, and how many a shifted one. */
  mirrored: number;
  shifted: number;
  /** The median match as the mask is, and with the best other view, over the misaligned samples. */
  plain: number;
  best: number;
}

/** Pearson correlation of the image and the mask viewed through `at` (pixels falling outside are skipped). */
function match(image: Float64Array, mask: Float64Array, h: number, w: number, at: (r: number, c: number) => number): number {
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) {
      const k = at(r, c);
      if (k < 0) continue;
      const x = image[r * w + c]!;
      const y = mask[k]!;
      n++;
      sx += x;
      sy += y;
      sxx += x * x;
      syy += y * y;
      sxy += x * y;
    }
  }
  if (n < 4) return 0;
  const vx = sxx - (sx * sx) / n;
  const vy = syy - (sy * sy) / n;
  if (!(vx > 0) || !(vy > 0)) return 0;
  return (sxy - (sx * sy) / n) / Math.sqrt(vx * vy);
}

/**
 * `x` is [n, h, w, c] images, `y` [n, h, w, 1] masks of 0 and 1 (as flat values). Null when the
 * shapes are not those of a segmentation, or nothing is out of line.
 */
export function misalignedMasks(x: ArrayLike<number>, xShape: readonly number[], y: ArrayLike<number>, yShape: readonly number[]): MisalignedFound | null {
  if (xShape.length !== 4 || yShape.length !== 4 || yShape[3] !== 1) return null;
  const [n, h, w, channels] = xShape as [number, number, number, number];
  if (yShape[0] !== n || yShape[1] !== h || yShape[2] !== w || h < 6 || w < 6) return null;
  const plane = h * w;
  const image = new Float64Array(plane);
  const mask = new Float64Array(plane);
  // Each sample's match as given, mirrored (left-right, up-down) and shifted.
  const views: Array<{ plain: number; mirror: number; shift: number }> = [];
  for (let i = 0; i < Math.min(n, SAMPLES); i++) {
    let ones = 0;
    for (let p = 0; p < plane; p++) {
      let s = 0;
      for (let ch = 0; ch < channels; ch++) s += x[(i * plane + p) * channels + ch]!;
      image[p] = s / channels;
      const v = y[i * plane + p]!;
      if (v !== 0 && v !== 1) return null;
      mask[p] = v;
      ones += v;
    }
    // An empty or full mask matches nothing.
    if (ones === 0 || ones === plane) continue;
    const plain = match(image, mask, h, w, (r, c) => r * w + c);
    const mirrors = [match(image, mask, h, w, (r, c) => r * w + (w - 1 - c)), match(image, mask, h, w, (r, c) => (h - 1 - r) * w + c)];
    const shifts: number[] = [];
    for (let dr = -MAX_SHIFT; dr <= MAX_SHIFT; dr++) {
      for (let dc = -MAX_SHIFT; dc <= MAX_SHIFT; dc++) {
        if (dr !== 0 || dc !== 0) shifts.push(match(image, mask, h, w, (r, c) => (r + dr < 0 || r + dr >= h || c + dc < 0 || c + dc >= w ? -1 : (r + dr) * w + c + dc)));
      }
    }
    // Kept signed: the task decides whether objects are brighter or darker than the rest.
    views.push({ plain, mirror: Math.max(...mirrors), shift: Math.max(...shifts) });
    views.push({ plain: -plain, mirror: -Math.min(...mirrors), shift: -Math.min(...shifts) });
  }
  // The sign of the task: the one under which the samples' best views match better overall.
  const best = (v: { plain: number; mirror: number; shift: number }) => Math.max(v.plain, v.mirror, v.shift);
  let bright = 0;
  let dark = 0;
  for (let k = 0; k < views.length; k += 2) {
    bright += best(views[k]!);
    dark += best(views[k + 1]!);
  }
  const signed = views.filter((_, k) => k % 2 === (bright >= dark ? 0 : 1));
  let compared = 0;
  let misaligned = 0;
  let mirrored = 0;
  let shifted = 0;
  const plains: number[] = [];
  const bests: number[] = [];
  for (const v of signed) {
    const top = best(v);
    if (top < MIN_MATCH) continue;
    compared++;
    if (top - v.plain < MARGIN) continue;
    misaligned++;
    // A mirror of a symmetric object is also a shift: the mirror counts when it matches as well.
    if (v.mirror >= v.shift) mirrored++;
    else shifted++;
    plains.push(v.plain);
    bests.push(top);
  }
  if (compared < MIN_SAMPLES || misaligned < MISALIGNED_SHARE * compared) return null;
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
  return { samples: compared, misaligned, mirrored, shifted, plain: median(plains), best: median(bests) };
}

/** Rows read at most for tag sequences, and how many padded rows prove anything. */
const TAG_ROWS = 512;
const MIN_PADDED_ROWS = 16;
/** Of the padded rows, the share whose tag padding sits at the other end for a finding, and at most at the same end. */
const OTHER_END_SHARE = 0.5;
const SAME_END_SHARE = 0.2;

export interface TagsMisalignedFound {
  /** Rows whose ids are padded (a run of 0s at one end), and of them, those whose tags are padded at the other end. */
  padded: number;
  otherEnd: number;
  /** The end the ids are padded at, and the class the tags are padded with. */
  idsPadded: 'start' | 'end';
  padClass: number;
}

/**
 * `x` is [n, T] token ids (0 the padding), `y` [n, T, k] one-hot tags or [n, T] / [n, T, 1] tag ids.
 * A row whose ids end in a run of p 0s at one end is padded there; its tags are padded at the other
 * end when a run of exactly p of one class sits there instead, and the run at the ids' own end is
 * not. Null unless most padded rows show it, none of that the other way.
 */
/**
 * The shape of [n, T] ids under per-position tags ([n, T, k] one-hot, or [n, T] / [n, T, 1] ids), and
 * a reader of row i's tag at step t (-1 for a one-hot row of 0s); null for other shapes.
 */
function tagReader(xShape: readonly number[], y: ArrayLike<number>, yShape: readonly number[]): { n: number; steps: number; tagAt: (i: number, t: number) => number } | null {
  if (xShape.length !== 2) return null;
  const [n, steps] = xShape as [number, number];
  const k = yShape.length === 3 ? yShape[2]! : 1;
  if (yShape[0] !== n || yShape[1] !== steps || yShape.length > 3 || (yShape.length === 2 && k !== 1) || steps < 4) return null;
  const tagAt = (i: number, t: number): number => {
    const base = (i * steps + t) * k;
    if (k === 1) return y[base]!;
    let best = 0;
    for (let c = 1; c < k; c++) if (y[base + c]! > y[base + best]!) best = c;
    return y[base + best]! > 0 ? best : -1;
  };
  return { n, steps, tagAt };
}

export function misalignedTags(x: ArrayLike<number>, xShape: readonly number[], y: ArrayLike<number>, yShape: readonly number[]): TagsMisalignedFound | null {
  const reader = tagReader(xShape, y, yShape);
  if (!reader) return null;
  const { n, steps, tagAt } = reader;
  // The length of a run of `value` (by `same`) from one end, stepping by `dir`.
  const run = (from: number, dir: number, same: (t: number) => boolean): number => {
    let len = 0;
    for (let t = from; t >= 0 && t < steps && same(t); t += dir) len++;
    return len;
  };
  const counts = new Map<number, { other: number; same: number }>();
  let padded = 0;
  const ends = { start: 0, end: 0 };
  for (let i = 0; i < Math.min(n, TAG_ROWS); i++) {
    const zero = (t: number) => x[i * steps + t] === 0;
    const atStart = run(0, 1, zero);
    const atEnd = run(steps - 1, -1, zero);
    // Padded at exactly one end, with words left.
    if ((atStart > 0) === (atEnd > 0) || atStart === steps) continue;
    const p = atStart || atEnd;
    const idsStart = atStart > 0;
    padded++;
    ends[idsStart ? 'start' : 'end']++;
    const own = idsStart ? 0 : steps - 1;
    const other = idsStart ? steps - 1 : 0;
    const c = tagAt(i, other);
    const count = counts.get(c) ?? { other: 0, same: 0 };
    if (run(other, idsStart ? -1 : 1, (t) => tagAt(i, t) === c) === p && run(own, idsStart ? 1 : -1, (t) => tagAt(i, t) === c) !== p) count.other++;
    counts.set(c, count);
    const s = tagAt(i, own);
    const sameCount = counts.get(s) ?? { other: 0, same: 0 };
    if (run(own, idsStart ? 1 : -1, (t) => tagAt(i, t) === s) >= p) sameCount.same++;
    counts.set(s, sameCount);
  }
  if (padded < MIN_PADDED_ROWS) return null;
  let best: [number, { other: number; same: number }] | null = null;
  for (const e of counts) if (!best || e[1].other > best[1].other) best = e;
  if (!best || best[1].other < OTHER_END_SHARE * padded || best[1].same > SAME_END_SHARE * padded) return null;
  return { padded, otherEnd: best[1].other, idsPadded: ends.start >= ends.end ? 'start' : 'end', padClass: best[0] };
}

/** Real positions compared at least for a finding on reversed tags. */
const MIN_TAG_POSITIONS = 200;

export interface TagsReversedFound {
  /** Rows read, and the real positions (not the middle of a row) compared. */
  rows: number;
  positions: number;
  /** The tags' entropy given the word at the same position, and given the word at the mirrored position, in bits. */
  aligned: number;
  mirrored: number;
}

/**
 * `x` is [n, T] token ids (0 the padding), `y` per-position tags as for misalignedTags. Each row's
 * words (between its padding) are paired with the tag at their own position and with the tag at the
 * mirrored position of the same words. A tagger's tags follow its words: when the words tell the
 * mirrored tags far better than their own, the words were reversed (a trick for recurrent nets) and
 * the tags were not. Null unless that holds clearly, over enough positions.
 */
export function reversedTags(x: ArrayLike<number>, xShape: readonly number[], y: ArrayLike<number>, yShape: readonly number[]): TagsReversedFound | null {
  const reader = tagReader(xShape, y, yShape);
  if (!reader) return null;
  const { n, steps, tagAt } = reader;
  const aligned = new Map<number, Map<number, number>>();
  const mirrored = new Map<number, Map<number, number>>();
  const add = (m: Map<number, Map<number, number>>, word: number, tag: number) => {
    let tags = m.get(word);
    if (!tags) m.set(word, (tags = new Map()));
    tags.set(tag, (tags.get(tag) ?? 0) + 1);
  };
  let rows = 0;
  let positions = 0;
  for (let i = 0; i < Math.min(n, TAG_ROWS); i++) {
    let a = 0;
    while (a < steps && x[i * steps + a] === 0) a++;
    let b = steps - 1;
    while (b > a && x[i * steps + b] === 0) b--;
    if (b - a < 1) continue;
    rows++;
    for (let t = a; t <= b; t++) {
      const word = x[i * steps + t]!;
      if (word === 0 || a + b - t === t) continue;
      add(aligned, word, tagAt(i, t));
      add(mirrored, word, tagAt(i, a + b - t));
      positions++;
    }
  }
  if (positions < MIN_TAG_POSITIONS) return null;
  const entropy = (m: Map<number, Map<number, number>>): number => {
    let h = 0;
    for (const tags of m.values()) {
      const total = [...tags.values()].reduce((s, c) => s + c, 0);
      for (const c of tags.values()) h -= (c / positions) * Math.log2(c / total);
    }
    return h;
  };
  const ha = entropy(aligned);
  const hm = entropy(mirrored);
  if (!(hm < 0.5 * ha && ha - hm > 0.3)) return null;
  return { rows, positions, aligned: ha, mirrored: hm };
}
