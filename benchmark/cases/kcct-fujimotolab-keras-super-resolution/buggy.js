const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2017);
const tf = require('@tensorflow/tfjs');

// tfjs-backend-cpu computes Conv2DBackpropFilter through TensorBuffer.get, ~30x slower than
// this loop over the raw NHWC arrays (same result); it dominates the training time otherwise
tf.unregisterKernel('Conv2DBackpropFilter', 'cpu');
tf.registerKernel({
  kernelName: 'Conv2DBackpropFilter',
  backendName: 'cpu',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const info = tf.backend_util.computeConv2DInfo(inputs.x.shape, attrs.filterShape, attrs.strides, 1, attrs.pad, attrs.dimRoundingMode);
    const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels, filterHeight, filterWidth, strideHeight, strideWidth } = info;
    const xv = backend.data.get(inputs.x.dataId).values;
    const dyv = backend.data.get(inputs.dy.dataId).values;
    const dw = new Float32Array(filterHeight * filterWidth * inChannels * outChannels);
    for (let b = 0; b < batchSize; b++) for (let yr = 0; yr < outHeight; yr++) for (let yc = 0; yc < outWidth; yc++) {
      const dyOff = ((b * outHeight + yr) * outWidth + yc) * outChannels;
      for (let wr = 0; wr < filterHeight; wr++) {
        const xr = yr * strideHeight - info.padInfo.top + wr;
        if (xr < 0 || xr >= inHeight) continue;
        for (let wc = 0; wc < filterWidth; wc++) {
          const xc = yc * strideWidth - info.padInfo.left + wc;
          if (xc < 0 || xc >= inWidth) continue;
          const xOff = ((b * inHeight + xr) * inWidth + xc) * inChannels;
          const wOff = (wr * filterWidth + wc) * inChannels * outChannels;
          for (let d1 = 0; d1 < inChannels; d1++) {
            const v = xv[xOff + d1];
            for (let d2 = 0; d2 < outChannels; d2++) dw[wOff + d1 * outChannels + d2] += v * dyv[dyOff + d2];
          }
        }
      }
    }
    return backend.makeTensorInfo(attrs.filterShape, 'float32', dw);
  },
});

const N = 16;
const SIDE = 8;

// smooth RGB image (colour gradient plus two Gaussian blobs), 0..255
function image() {
  const px = new Float32Array(SIDE * SIDE * 3);
  const blobs = rng.array(2, () => ({ x: rng.uniform(0, SIDE), y: rng.uniform(0, SIDE), s: rng.uniform(1, 3), c: rng.array(3, () => rng.uniform(-120, 120)) }));
  const base = rng.array(3, () => rng.uniform(60, 190));
  const grad = rng.array(6, () => rng.uniform(-10, 10));
  for (let r = 0; r < SIDE; r++) {
    for (let c = 0; c < SIDE; c++) {
      for (let k = 0; k < 3; k++) {
        let v = base[k] + grad[2 * k] * (c - SIDE / 2) + grad[2 * k + 1] * (r - SIDE / 2);
        for (const b of blobs) v += b.c[k] * Math.exp(-((c - b.x) ** 2 + (r - b.y) ** 2) / (2 * b.s * b.s));
        px[(r * SIDE + c) * 3 + k] = Math.round(Math.min(255, Math.max(0, v)));
      }
    }
  }
  return px;
}

// half-resolution copy blown back up with nearest neighbour: average 2x2 blocks, then repeat them
function lowRes(px) {
  const out = new Float32Array(px.length);
  for (let r = 0; r < SIDE; r += 2) {
    for (let c = 0; c < SIDE; c += 2) {
      for (let k = 0; k < 3; k++) {
        const at = (rr, cc) => px[(rr * SIDE + cc) * 3 + k];
        const v = Math.round((at(r, c) + at(r, c + 1) + at(r + 1, c) + at(r + 1, c + 1)) / 4);
        for (const [rr, cc] of [[r, c], [r, c + 1], [r + 1, c], [r + 1, c + 1]]) out[(rr * SIDE + cc) * 3 + k] = v;
      }
    }
  }
  return out;
}

function stack(images) {
  const out = new Float32Array(images.length * SIDE * SIDE * 3);
  images.forEach((im, i) => out.set(im, i * SIDE * SIDE * 3));
  return out;
}

async function main() {
  await tf.setBackend('cpu');
  const originals = rng.array(N, image);
  const xs = tf.tensor4d(stack(originals.map(lowRes)), [N, SIDE, SIDE, 3]).div(255);
  const ys = tf.tensor4d(stack(originals), [N, SIDE, SIDE, 3]).div(255);

  // filter counts scaled down (256 -> 16, 128 -> 8) and 8x8 images instead of 128x128, for the cpu backend
  const model = tf.sequential();
  model.add(tf.layers.conv2d({ filters: 16, kernelSize: [9, 9], padding: 'same', inputShape: [SIDE, SIDE, 3] }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.conv2d({ filters: 8, kernelSize: [3, 3], padding: 'same' }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.conv2d({ filters: 3, kernelSize: [5, 5], padding: 'same' }));
  model.add(tf.layers.activation({ activation: 'sigmoid' }));
  const optimizer = tf.train.adam(0.0001);
  model.compile({ optimizer, loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xs, ys, { epochs: 30, batchSize: 64, verbose: 0 });
  const loss = history.history.loss;
  const mse = (a, b) => a.sub(b).square().mean().dataSync()[0];
  console.log(`loss ${loss[0].toFixed(4)} -> ${loss[loss.length - 1].toFixed(4)}; output MSE ${mse(model.predict(xs), ys).toFixed(5)} vs input MSE ${mse(xs, ys).toFixed(5)}`);
}

main();
