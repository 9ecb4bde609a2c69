const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6464);
const tf = require('@tensorflow/tfjs');

// tfjs-backend-cpu computes Conv2DBackpropFilter through TensorBuffer.get, ~30x slower than
// this loop over the raw NHWC arrays (same result); without it one epoch on 64x64 images takes minutes
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

const SIDE = 64;
const N_TRAIN = 100;
const N_TEST = 20;

// dog (0): brownish elongated blob with stripes; cat (1): greyish-orange round blob with spots; 0..255
function picture(label) {
  const px = new Float32Array(SIDE * SIDE * 3);
  const cx = rng.uniform(20, 44);
  const cy = rng.uniform(20, 44);
  const angle = rng.uniform(0, Math.PI);
  const [ra, rb] = label === 0 ? [rng.uniform(16, 22), rng.uniform(7, 10)] : [rng.uniform(11, 15), rng.uniform(10, 14)];
  const body = label === 0 ? [rng.uniform(120, 170), rng.uniform(80, 110), rng.uniform(40, 70)] : [rng.uniform(150, 200), rng.uniform(120, 160), rng.uniform(90, 140)];
  const back = rng.array(3, () => rng.uniform(60, 200));
  const freq = rng.uniform(0.5, 0.9);
  for (let r = 0; r < SIDE; r++) {
    for (let c = 0; c < SIDE; c++) {
      const u = (c - cx) * Math.cos(angle) + (r - cy) * Math.sin(angle);
      const v = -(c - cx) * Math.sin(angle) + (r - cy) * Math.cos(angle);
      const inside = (u / ra) ** 2 + (v / rb) ** 2 < 1;
      const texture = label === 0 ? 30 * Math.sin(freq * v * 2) : 30 * Math.sin(freq * u) * Math.sin(freq * v);
      for (let k = 0; k < 3; k++) {
        const value = inside ? body[k] + texture : back[k] + rng.normal(0, 20);
        px[(r * SIDE + c) * 3 + k] = Math.round(Math.min(255, Math.max(0, value)));
      }
    }
  }
  return px;
}

function batch(n) {
  const labels = rng.array(n, (i) => i % 2);
  const pixels = new Float32Array(n * SIDE * SIDE * 3);
  labels.forEach((label, i) => pixels.set(picture(label), i * SIDE * SIDE * 3));
  return { pixels, labels };
}

async function main() {
  await tf.setBackend('cpu');
  const train = batch(N_TRAIN);
  const test = batch(N_TEST);
  const xTrain = tf.tensor4d(train.pixels, [N_TRAIN, SIDE, SIDE, 3]).div(255);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), 2).toFloat();
  const xTest = tf.tensor4d(test.pixels, [N_TEST, SIDE, SIDE, 3]).div(255);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), 2).toFloat();

  // filter counts a quarter of the original's (16 -> 4, 32 -> 8) for the cpu backend; 64x64 input as in the original
  const model = tf.sequential();
  model.add(tf.layers.conv2d({ filters: 4, kernelSize: [3, 3], inputShape: [SIDE, SIDE, 3] }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.maxPooling2d({ poolSize: [2, 2] }));
  model.add(tf.layers.conv2d({ filters: 8, kernelSize: [3, 3] }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.conv2d({ filters: 8, kernelSize: [3, 3] }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.maxPooling2d({ poolSize: [2, 2] }));
  model.add(tf.layers.conv2d({ filters: 8, kernelSize: [3, 3] }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.maxPooling2d({ poolSize: [2, 2] }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 2 }));
  model.add(tf.layers.activation({ activation: 'softmax' }));
  model.compile({ optimizer: 'adadelta', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 3, batchSize: 50, validationData: [xTest, yTest], verbose: 0 });
  const h = history.history;
  const f = (a) => a.map((v) => v.toFixed(3)).join(' ');
  console.log(`loss ${f(h.loss)} | acc ${f(h.acc)} | val_acc ${f(h.val_acc)}`);
}

main();
