// Steady screening latency of two or more builds of the package, in one
// Node process, each query screened by each build in turn, so that the
// machine's load falls on each alike (separate runs of `screen.mjs` on this
// shared machine differ by more than most changes do). Prints each build's p50 and mean
// over the latency queries (queries.mjs), and their ratios to the first.
//   node pkg/bench/compare.mjs DIR_A DIR_B [...]
// Each DIR is a copy of pkg/ with its own dist/ (scripts/build-pkg, then
// copy pkg/ aside before building the other).
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

import { latencyQueries } from './queries.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LISTS = process.env.SANCTIONS_LISTS_DIR ?? `${ROOT}../shared/lists`;
const ROUNDS = 12;
const dirs = process.argv.slice(2);
if (dirs.length < 2) {
  console.error('usage: node pkg/bench/compare.mjs DIR_A DIR_B [...] (copies of pkg/, each built)');
  process.exit(2);
}
// One directory twice would be one module, and one screener, measured twice.
if (new Set(dirs.map((dir) => resolve(dir))).size !== dirs.length) {
  console.error('compare.mjs: each build once (a directory given twice is one screener)');
  process.exit(2);
}
const screeners = [];
for (const dir of dirs) {
  const { createScreener } = await import(pathToFileURL(resolve(dir, 'src/node.js')).href);
  screeners.push(await createScreener());
}
const queries = latencyQueries(LISTS);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// Three untimed passes each, so that V8 has optimised every build's code.
for (const screener of screeners) for (let pass = 0; pass < 3; pass += 1) queries.forEach((q) => screener.screen(q));
const times = screeners.map(() => queries.map(() => []));
// Query by query, each build in turn (the first a different one each
// round): a burst of load on the machine falls on every build alike.
for (let round = 0; round < ROUNDS; round += 1) {
  queries.forEach((query, q) => {
    for (let k = 0; k < screeners.length; k += 1) {
      const s = (k + round) % screeners.length;
      const t0 = performance.now();
      screeners[s].screen(query);
      times[s][q].push(performance.now() - t0);
    }
  });
}
// Per query, the median of its rounds; then the p50 and mean over queries.
const summary = times.map((byQuery) => {
  const perQuery = byQuery.map(median);
  return { p50: median(perQuery), mean: perQuery.reduce((a, b) => a + b, 0) / perQuery.length };
});
console.log(`steady latency over ${queries.length} queries, ${ROUNDS} alternated rounds (median per query):`);
dirs.forEach((dir, s) => {
  const { p50, mean } = summary[s];
  const ratio = (x, y) => (x / y).toFixed(3);
  console.log(`  ${dir.padEnd(30)} p50 ${p50.toFixed(4)} ms (${ratio(p50, summary[0].p50)})  mean ${mean.toFixed(4)} ms (${ratio(mean, summary[0].mean)})`);
});
