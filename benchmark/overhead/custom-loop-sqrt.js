// The custom-loop program with a loss that takes a square root per row (Charbonnier): the probe
// reads that square root's input at every step. Not in bench:overhead's default set; run it with
// `--program custom-loop-sqrt`, or against another probe build with bench:probe-ab.
require('./lib/regression-loop')({ call: 'apply', batch: 32, steps: Number(process.env.STEPS ?? 4000), loss: 'charbonnier' });
