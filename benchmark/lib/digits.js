'use strict';
// Synthetic MNIST-like digits shared by the programs that need them: one stroke template per
// class on a 28x28 canvas, shifted, with erased stroke pixels and speckle.

// Stroke templates for the ten digits, as segments [x0, y0, x1, y1].
const STROKES = [
  [[9, 6, 18, 6], [18, 6, 18, 21], [18, 21, 9, 21], [9, 21, 9, 6]],
  [[14, 5, 14, 22], [11, 8, 14, 5]],
  [[9, 6, 18, 6], [18, 6, 18, 13], [18, 13, 9, 21], [9, 21, 19, 21]],
  [[9, 6, 18, 6], [18, 6, 18, 21], [12, 13, 18, 13], [9, 21, 18, 21]],
  [[9, 5, 9, 14], [9, 14, 19, 14], [17, 5, 17, 22]],
  [[18, 6, 9, 6], [9, 6, 9, 13], [9, 13, 18, 13], [18, 13, 18, 21], [18, 21, 9, 21]],
  [[17, 6, 9, 13], [9, 13, 9, 21], [9, 21, 18, 21], [18, 21, 18, 14], [18, 14, 9, 14]],
  [[8, 6, 19, 6], [19, 6, 12, 22]],
  [[9, 6, 18, 6], [9, 6, 9, 21], [18, 6, 18, 21], [9, 13, 18, 13], [9, 21, 18, 21]],
  [[18, 13, 9, 13], [9, 13, 9, 6], [9, 6, 18, 6], [18, 6, 18, 21], [18, 21, 10, 21]],
];

/**
 * n images of 784 pixel values in 0..255 (row-major 28x28) with one-hot labels. `digitOf(i)`
 * gives image i's class; each image is its template shifted by up to 3 px, drawn with a 2x2 pen
 * that skips 15 % of its pixels, plus 20 speckle pixels. Every random draw comes from `rng`.
 */
function strokeDigits(rng, n, digitOf) {
  const images = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const digit = digitOf(i);
    const dx = rng.int(-3, 4);
    const dy = rng.int(-3, 4);
    const img = new Array(784).fill(0);
    for (const [x0, y0, x1, y1] of STROKES[digit]) {
      const steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0)) * 2;
      for (let s = 0; s <= steps; s++) {
        const cx = Math.round(x0 + ((x1 - x0) * s) / steps) + dx;
        const cy = Math.round(y0 + ((y1 - y0) * s) / steps) + dy;
        for (const [ox, oy] of [[0, 0], [1, 0], [0, 1], [1, 1]]) {
          const px = cx + ox;
          const py = cy + oy;
          if (px >= 0 && px < 28 && py >= 0 && py < 28 && rng.random() > 0.15) img[py * 28 + px] = rng.int(180, 256);
        }
      }
    }
    for (let k = 0; k < 20; k++) img[rng.int(0, 784)] = rng.int(0, 256);
    images.push(img);
    labels.push(Array.from({ length: 10 }, (_, c) => (c === digit ? 1 : 0)));
  }
  return { images, labels };
}

module.exports = { strokeDigits };
