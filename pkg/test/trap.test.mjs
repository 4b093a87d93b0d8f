// A trap inside the WebAssembly module (a Rust panic) must not leave a broken
// screener behind: the package throws an Error that says it was reset, with
// the panic's message, and the next call works on a fresh instance.
// Runs on the development build with feature `fault-injection` that
// `FAULTS=1 scripts/build-pkg` writes to target/pkg-faults/ (scripts/test
// builds it); its screener panics on a name starting `PANIC FOR TEST: `.
import assert from 'node:assert/strict';
import { test } from 'node:test';

const { createScreener } = await import(new URL('../../target/pkg-faults/src/node.js', import.meta.url));

test('a panic becomes an Error, the screener is reset, and the next call screens', async () => {
  const screener = await createScreener();
  const before = screener.screen({ name: 'Kim Jong Un' });
  assert.ok(before.matches.length > 0);

  assert.throws(
    () => screener.screen({ name: 'PANIC FOR TEST: the index is broken' }),
    (error) =>
      error instanceof Error &&
      !(error instanceof WebAssembly.RuntimeError) &&
      /^the screener failed and was reset: the index is broken at src\/bindings\.rs:\d+/.test(error.message) &&
      error.cause instanceof WebAssembly.RuntimeError,
  );
  // The same results as before the panic, from a new instance.
  assert.deepStrictEqual(screener.screen({ name: 'Kim Jong Un' }), before);
});

test('many panics in a row never wear the screener out', async () => {
  const screener = await createScreener();
  for (let i = 0; i < 30; i += 1) {
    assert.throws(() => screener.screen({ name: `PANIC FOR TEST: number ${i}` }), new RegExp(`reset: number ${i} at `));
    const result = screener.screen({ company: 'Yanbian Silverstar' });
    assert.equal(result.matches[0].source_id, '24977');
  }
  assert.ok(screener.lists().length >= 3);
});

test('ordinary errors are not traps and do not reset anything', async () => {
  const screener = await createScreener();
  assert.throws(() => screener.screen({ name: '' }), (e) => /enter a name, a company or an identifier/.test(e.message) && !/reset/.test(e.message));
});

test('a trap in one screener leaves another, built from newer list files, working on those files', async () => {
  const { readFileSync } = await import('node:fs');
  const root = new URL('../../', import.meta.url).pathname;
  const lists = process.env.SANCTIONS_LISTS_DIR ? new URL(process.env.SANCTIONS_LISTS_DIR, `file://${root}`).pathname : `${root}../shared/lists`;
  const embedded = await createScreener();
  const fresh = await createScreener({ lists: { 'consolidated.xml': readFileSync(`${lists}/un/consolidated.xml`) } });
  assert.throws(() => embedded.screen({ name: 'PANIC FOR TEST: one of two' }), /reset: one of two/);
  // Rebuilt in the new instance from its own files, not from the embedded lists.
  assert.equal(fresh.screen({ company: 'Yanbian Silverstar' }).matches[0].source_id, '24977');
  assert.equal(fresh.lists().find((l) => l.id === 'un').files[0].path, 'consolidated.xml');
  assert.equal(embedded.lists().find((l) => l.id === 'un').files[0].path, 'un/consolidated.xml');
});

test('a batch file read before a trap says to open it again, never reads freed memory', async () => {
  const screener = await createScreener();
  const batch = screener.openBatch('name\nKim Jong Un\n', 'a.csv');
  const { outcomes, lists } = batch.screen(0, 1, {});
  assert.throws(() => screener.screen({ name: 'PANIC FOR TEST: mid-batch' }), /reset: mid-batch/);
  assert.throws(() => batch.csv(outcomes, lists), /read before the screener was reset.*open it again/);
  assert.doesNotThrow(() => batch.free());
  const again = screener.openBatch('name\nKim Jong Un\n', 'a.csv');
  assert.match(again.csv(again.screen(0, 1, {}).outcomes, lists), /,alert,/);
  again.free();
});

test('objects of a replaced instance are never freed inside the new one when collected', async () => {
  const { setFlagsFromString } = await import('node:v8');
  const { runInNewContext } = await import('node:vm');
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc');
  const screener = await createScreener();
  let batches = Array.from({ length: 50 }, () => screener.openBatch('name\nKim Jong Un\n', 'a.csv'));
  assert.throws(() => screener.screen({ name: 'PANIC FOR TEST: before collection' }), /reset/);
  batches = null;
  for (let i = 0; i < 3; i += 1) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  // The new instance's memory is intact: the same answers as ever.
  assert.equal(screener.screen({ company: 'Yanbian Silverstar' }).matches[0].source_id, '24977');
  assert.equal(batches, null);
});
