'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5147);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Learning to add, after tfjs-examples' addition-rnn: a question such as "12+7" is one-hot
// encoded character by character (operands right-aligned with spaces, the question fed reversed),
// an encoder LSTM reads it, repeatVector hands its final state to every output step, and a
// decoder LSTM spells the answer one character per step.
const DIGITS = 2;
const QUESTION_LEN = DIGITS + 1 + DIGITS;
const ANSWER_LEN = DIGITS + 1;
const CHARS = '0123456789+ ';

class CharacterTable {
  constructor(chars) {
    this.chars = chars;
    this.size = chars.length;
    this.index = new Map([...chars].map((c, i) => [c, i]));
  }

  // One row per character, one column per vocabulary entry.
  encode(str, numRows) {
    const rows = [];
    for (let i = 0; i < numRows; i++) {
      const row = new Array(this.size).fill(0);
      row[this.index.get(str[i])] = 1;
      rows.push(row);
    }
    return rows;
  }

  // scores: [numRows, size] probabilities -> the most likely string.
  decode(scores) {
    return tf.tidy(() => {
      const ids = scores.argMax(1).dataSync();
      return Array.from(ids, (id) => this.chars[id]).join('');
    });
  }
}

const charTable = new CharacterTable(CHARS);

// n distinct problems a+b with 0 <= a, b < 100, none of them in `exclude`.
function makeProblems(n, exclude = new Set()) {
  const seen = new Set();
  const problems = [];
  while (problems.length < n) {
    const a = rng.int(0, 10 ** DIGITS);
    const b = rng.int(0, 10 ** DIGITS);
    const question = `${String(a).padStart(DIGITS, ' ')}+${String(b).padStart(DIGITS, ' ')}`;
    if (seen.has(question) || exclude.has(question)) continue;
    seen.add(question);
    problems.push({ question, answer: String(a + b) });
  }
  return problems;
}

function encodeProblems(problems) {
  const xs = [];
  const ys = [];
  for (const { question, answer } of problems) {
    xs.push(charTable.encode([...question].reverse().join(''), QUESTION_LEN));
    ys.push(charTable.encode(answer.padEnd(ANSWER_LEN, ' '), ANSWER_LEN));
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const NTRAIN = 4000;
  const NVAL = 400;
  const NTEST = 500;
  const trainProblems = makeProblems(NTRAIN + NVAL);
  const testProblems = makeProblems(NTEST, new Set(trainProblems.map((p) => p.question)));
  const train = encodeProblems(trainProblems.slice(0, NTRAIN));
  const val = encodeProblems(trainProblems.slice(NTRAIN));
  const test = encodeProblems(testProblems);
  const xTrain = tf.tensor3d(train.xs, [NTRAIN, QUESTION_LEN, charTable.size]);
  const yTrain = tf.tensor3d(train.ys, [NTRAIN, ANSWER_LEN, charTable.size]);
  const xVal = tf.tensor3d(val.xs, [NVAL, QUESTION_LEN, charTable.size]);
  const yVal = tf.tensor3d(val.ys, [NVAL, ANSWER_LEN, charTable.size]);
  const xTest = tf.tensor3d(test.xs, [NTEST, QUESTION_LEN, charTable.size]);

  const HIDDEN = 48;
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: HIDDEN, recurrentInitializer: 'glorotNormal', inputShape: [QUESTION_LEN, charTable.size] }));
  model.add(tf.layers.repeatVector({ n: ANSWER_LEN }));
  model.add(tf.layers.lstm({ units: HIDDEN, recurrentInitializer: 'glorotNormal', returnSequences: true }));
  model.add(tf.layers.timeDistributed({ layer: tf.layers.dense({ units: charTable.size, activation: 'softmax' }) }));

  model.compile({ optimizer: tf.train.adam(0.03), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  // After every epoch, decode a few validation questions, as the example displays them.
  const SHOW = 3;
  const xShow = xVal.slice([0, 0, 0], [SHOW, QUESTION_LEN, charTable.size]);
  let shown = '';
  const onEpochEnd = async (epoch) => {
    const examples = [];
    tf.tidy(() => {
      const predictOut = model.predict(xShow);
      for (let k = 0; k < SHOW; k++) {
        const scores = predictOut.slice([k, 0, 0], [1, ANSWER_LEN, charTable.size]).as2D(ANSWER_LEN, charTable.size);
        const decoded = charTable.decode(scores).trim();
        const { question, answer } = trainProblems[NTRAIN + k];
        examples.push(`${question.replace(/ /g, '')}=${decoded}${decoded === answer ? '' : '(x)'}`);
      }
    });
    shown = `epoch ${epoch + 1}: ${examples.join(' ')}`;
    await tf.nextFrame();
  };

  const history = await model.fit(xTrain, yTrain, { epochs: 8, batchSize: 96, validationData: [xVal, yVal], callbacks: { onEpochEnd }, verbose: 0 });

  // Exact-answer accuracy on fresh problems: every character of the answer must be right.
  const predicted = tf.tidy(() => model.predict(xTest).argMax(2).arraySync());
  let exact = 0;
  predicted.forEach((ids, i) => {
    const decoded = ids.map((id) => CHARS[id]).join('').trim();
    if (decoded === testProblems[i].answer) exact++;
  });

  const h = history.history;
  const last = h.loss.length - 1;
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} val_acc ${h.val_acc[last].toFixed(3)} | ${shown} | held-out exact answers ${(exact / NTEST).toFixed(3)} (${exact}/${NTEST} fresh problems)`);
}

main();
