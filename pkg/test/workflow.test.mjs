// The package's workflow API in Node, on the real lists: a batch file read,
// screened and reported exactly as the native CLI writes it; newer list
// files given as bytes in place of the embedded lists; the version a
// screening record states. Run `scripts/build-pkg` first (scripts/test does).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { createScreener } from 'sanctions-screen';
import { batchCsv } from '../../tests/data/batch_rows.mjs';
import { thousands } from '../src/render.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = process.env.SANCTIONS_SCREEN_CLI ?? `${ROOT}target/debug/sanctions-screen`;
const LISTS = process.env.SANCTIONS_LISTS_DIR ? new URL(process.env.SANCTIONS_LISTS_DIR, `file://${ROOT}`).pathname : `${ROOT}../shared/lists`;
const TODAY = '2026-11-26';

test('a batch read and screened in the package gives the CLI\'s CSV report, byte for byte', async () => {
  const screener = await createScreener();
  // With rows the core refuses (an impossible date, nothing to screen) and one it cannot read.
  const csv = `${batchCsv(300).replace('Name,Company,DOB,Country,applicant_id', 'name,company,dob,country,applicant_id')}John Smith,,1990-13-45,,x\n,,,,y\n"Kim,,,,z\n`;
  const batch = screener.openBatch(csv, 'applicants.csv');
  assert.deepEqual(batch.summary().kept_columns, ['applicant_id']);
  const { outcomes, lists } = batch.screen(0, batch.rows, { today: TODAY });
  assert.equal(outcomes.length, 303);
  assert.deepEqual(outcomes.slice(300).map((o) => o.error.slice(0, 9)), ['line 302:', 'line 303:', 'line 304:']);
  const report = batch.csv(outcomes, lists);
  batch.free();

  const file = `${ROOT}target/workflow-batch.csv`;
  writeFileSync(file, csv);
  const run = spawnSync(CLI, ['batch', file, '--keep', 'applicant_id', '-o', `${file}.out.csv`], {
    env: { ...process.env, SANCTIONS_SCREEN_TODAY: TODAY },
    encoding: 'utf8',
  });
  assert.equal(run.status, 3, run.stderr);
  assert.equal(report, readFileSync(`${file}.out.csv`, 'utf8'));
  assert.ok(report.split('\r\n').filter((l) => l.includes(',alert,')).length >= 6, 'the listed rows alert');
});

test('a batch file that cannot be read says why; a bad row is kept with its line', async () => {
  const screener = await createScreener();
  assert.throws(() => screener.openBatch('surname,notes\nKim,x\n', 'a.csv'), /must name a `name` or `company` column/);
  const batch = screener.openBatch('name,notes\n"Kim Jong Un,x\nKim Jong Un,y\n', 'b.csv');
  assert.deepEqual(batch.summary().bad_rows.map((r) => r.line), [2]);
  const { outcomes } = batch.screen(0, 2, {});
  assert.deepEqual(outcomes.map((o) => [o.line, o.status]), [[2, 'error'], [3, 'alert']]);
  batch.free();
});

test('newer list files given as bytes replace the embedded lists', async () => {
  const files = {};
  for (const path of ['ofac_sdn/sdn.csv', 'ofac_sdn/alt.csv', 'ofac_sdn/add.csv', 'ofac_sdn/sdn_comments.csv']) {
    files[path.split('/')[1]] = { bytes: readFileSync(`${LISTS}/${path}`), date: '2026-11-25' };
  }
  files['consolidated.xml'] = readFileSync(`${LISTS}/un/consolidated.xml`);
  const screener = await createScreener({ lists: files });
  const embedded = await createScreener();
  assert.notEqual(screener, embedded);
  const lists = Object.fromEntries(screener.lists().map((l) => [l.id, l]));
  assert.equal(lists.ofac_sdn.date, '2026-11-25');
  assert.equal(lists.un.date, '2026-02-27');
  assert.equal(lists.ofac_cons.date, embedded.lists().find((l) => l.id === 'ofac_cons').date, 'not given: as embedded');
  assert.deepEqual(lists.ofac_sdn.counts, embedded.lists().find((l) => l.id === 'ofac_sdn').counts);
  const result = screener.screen({ company: 'Yanbian Silverstar' }, { today: '2026-11-26' });
  assert.equal(result.matches[0].source_id, '24977');
  assert.equal(result.lists.find((l) => l.id === 'ofac_sdn').stale, false);
  // The embedded screener is unchanged beside it.
  assert.equal(embedded.lists().find((l) => l.id === 'ofac_sdn').date, '2024-05-03');
  assert.equal(embedded.screen({ company: 'Yanbian Silverstar' }).matches[0].source_id, '24977');

  await assert.rejects(createScreener({ lists: { 'sdn.csv': files['sdn.csv'] } }), /sdn\.csv: .*missing: alt\.csv, add\.csv, sdn_comments\.csv/);
  await assert.rejects(createScreener({ lists: { 'SDN.CSV': files['sdn.csv'].bytes, 'ALT.CSV': files['alt.csv'].bytes, 'ADD.CSV': files['add.csv'].bytes, 'SDN_COMMENTS.CSV': files['sdn_comments.csv'].bytes } }), /carry no date/);
  await assert.rejects(createScreener({ lists: {} }), /no list files given/);
});

test('the version a record states is the package\'s, and the module hash is its bytes\'', async () => {
  const { VERSION } = await import('../src/core.js');
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  assert.equal(VERSION, pkg.version);
  const screener = await createScreener();
  const { createHash } = await import('node:crypto');
  const wasm = readFileSync(new URL('../dist/sanctions_screen_bg.wasm', import.meta.url));
  assert.equal(screener.source.sha256, createHash('sha256').update(wasm).digest('hex'));
});

test('limits() gives the presets, the strong level and the field limit the core applies', async () => {
  const screener = await createScreener();
  const limits = screener.limits();
  assert.deepEqual(limits.presets.map((p) => p.name), ['strict', 'standard', 'broad']);
  assert.equal(limits.default_preset, 'standard');
  for (const { name, threshold } of limits.presets) {
    assert.equal(screener.screen({ name: 'Kim Jong Un' }, { preset: name }).threshold, threshold);
  }
  const strong = screener.screen({ company: 'Yanbian Silverstar' }).matches[0];
  assert.equal(strong.level, strong.score >= limits.strong_from ? 'strong' : 'possible');
  const max = limits.max_field_chars;
  assert.doesNotThrow(() => screener.screen({ name: 'a'.repeat(max) }));
  assert.throws(() => screener.screen({ name: 'a'.repeat(max + 1) }), new RegExp(`at most ${max}`));
});

test('thousands() writes counts as toLocaleString("en") does, without loading locale data', () => {
  for (const n of [0, 7, 999, 1000, 12345, 100000, 999999, 1000000, 6524817, 1234567890]) {
    assert.equal(thousands(n), n.toLocaleString('en'), String(n));
  }
});
