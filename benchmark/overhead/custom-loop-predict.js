// The same loop over model.predict on 64-row batches. predict splits each into two batches of 32
// and frees their layer outputs inside: the probe keeps copies of them for its statistics, the
// cost this program measures.
require('./lib/regression-loop')({ call: 'predict', batch: 64, steps: Number(process.env.STEPS ?? 2500) });
