'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5179);
const tf = require('@tensorflow/tfjs');

// Rating prediction for a small online bookshop: 120 customers, 60 books, ratings 1-5.
// A customer's rating depends on their own generosity, the book's general appeal and how well
// the book's genre mix matches their taste. Each customer's rating history is split into
// training and held-out ratings. Matrix factorization (functional API): user and book
// embeddings, their dot product, and a dense layer that scales and shifts it to the rating range.
const N_USERS = 120;
const N_BOOKS = 60;
const N_TASTES = 3;
const RATINGS_PER_USER = 25;
const HELD_OUT_PER_USER = 5;
const EMBED_DIM = 5;

const EPOCHS = 20;
const BATCH_SIZE = 64;
const LEARNING_RATE = 0.01;

const userIds = rng.array(N_USERS, (i) => `cust-${(10007 + 37 * i).toString(36)}`);
const bookIds = rng.array(N_BOOKS, () => `isbn-${rng.int(100000000, 999999999)}`);
const userIndex = new Map(userIds.map((id, i) => [id, i]));
const bookIndex = new Map(bookIds.map((id, i) => [id, i]));

const taste = userIds.map(() => rng.array(N_TASTES, () => rng.normal(0, 1)));
const genres = bookIds.map(() => rng.array(N_TASTES, () => rng.normal(0, 1)));
const generosity = userIds.map(() => rng.normal(0, 0.4));
const appeal = bookIds.map(() => rng.normal(0, 0.8));

function rate(u, b) {
  const match = taste[u].reduce((s, t, k) => s + t * genres[b][k], 0) / 2;
  return Math.min(5, Math.max(1, 3.2 + generosity[u] + appeal[b] + match + rng.normal(0, 0.3)));
}

// Rating histories per customer: { userId: [{ bookId, rating }, ...] }.
function makeHistories() {
  const train = {};
  const heldOut = {};
  userIds.forEach((userId, u) => {
    const books = tf.util.createShuffledIndices(N_BOOKS).slice(0, RATINGS_PER_USER);
    const history = Array.from(books, (b) => ({ bookId: bookIds[b], rating: rate(u, b) }));
    train[userId] = history.slice(HELD_OUT_PER_USER);
    heldOut[userId] = history.slice(0, HELD_OUT_PER_USER);
  });
  return { train, heldOut };
}

function toTensors(histories) {
  const users = [];
  const books = [];
  const ratings = [];
  for (const [userId, history] of Object.entries(histories)) {
    history.forEach((entry, k) => {
      users.push(userIndex.get(userId));
      books.push(bookIndex.get(entry.bookId));
      ratings.push(entry.rating);
    });
  }
  return {
    users: tf.tensor2d(users, [users.length, 1], 'int32'),
    books: tf.tensor2d(books, [books.length, 1], 'int32'),
    ratings: tf.tensor2d(ratings, [ratings.length, 1]),
  };
}

async function main() {
  await tf.setBackend('cpu');

  const { train, heldOut } = makeHistories();
  const trainSet = toTensors(train);
  const testSet = toTensors(heldOut);

  const userInput = tf.input({ shape: [1], dtype: 'int32', name: 'user' });
  const bookInput = tf.input({ shape: [1], dtype: 'int32', name: 'book' });
  const userVec = tf.layers.flatten().apply(tf.layers.embedding({ inputDim: N_USERS, outputDim: EMBED_DIM, name: 'user_embedding' }).apply(userInput));
  const bookVec = tf.layers.flatten().apply(tf.layers.embedding({ inputDim: N_BOOKS, outputDim: EMBED_DIM, name: 'book_embedding' }).apply(bookInput));
  const match = tf.layers.dot({ axes: 1 }).apply([userVec, bookVec]);
  const rating = tf.layers.dense({ units: 1, name: 'rating' }).apply(match);
  const model = tf.model({ inputs: [userInput, bookInput], outputs: rating });
  model.compile({ optimizer: tf.train.adam(LEARNING_RATE), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit([trainSet.users, trainSet.books], trainSet.ratings, { epochs: EPOCHS, batchSize: BATCH_SIZE, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate([testSet.users, testSet.books], testSet.ratings).map((t) => t.dataSync()[0]);
  const testVar = tf.tidy(() => tf.moments(testSet.ratings).variance.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test mse ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)} (rating variance ${testVar.toFixed(3)})`);
}

main();
