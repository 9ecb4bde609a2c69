// A custom training loop (optimizer.minimize, no fit) on the wasm backend, training for about 7 s.
require('./lib/regression-loop')({ call: 'apply', batch: 32, steps: Number(process.env.STEPS ?? 4000) });
