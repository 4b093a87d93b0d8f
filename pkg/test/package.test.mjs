// The npm package in Node: the seed cases give the same results as the
// native CLI, errors are Errors with clear messages, lists() carries the
// compliance metadata. Run `scripts/build-pkg` first (scripts/test does).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

import { createScreener } from 'sanctions-screen';
import { seedCases } from '../../tests/data/seed_cases.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TODAY = '2026-11-26';
const CLI = process.env.SANCTIONS_SCREEN_CLI ?? `${ROOT}target/debug/sanctions-screen`;

/** Runs the native CLI's batch command over JSONL queries; one result per query. */
function nativeResults(queries) {
  const input = queries.map((q) => JSON.stringify(q)).join('\n') + '\n';
  const file = `${ROOT}target/seed-queries.jsonl`;
  writeFileSync(file, input);
  const run = spawnSync(CLI, ['batch', file], {
    env: { ...process.env, SANCTIONS_SCREEN_TODAY: TODAY },
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  assert.ok(run.status === 0 || run.status === 1, `${CLI} batch failed: ${run.stderr}`);
  const rows = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
  assert.equal(rows.length, queries.length);
  return rows.map((row) => row.result);
}

test('the seed cases give the native CLI results, identical field by field', async () => {
  const screener = await createScreener();
  const cases = seedCases();
  const queries = cases.map((c) => ({ [c.field]: c.text }));
  const native = nativeResults(queries);
  cases.forEach((c, i) => {
    const wasm = screener.screen(queries[i], { today: TODAY });
    assert.deepStrictEqual(wasm, native[i], `${c.text}: WASM and native differ`);
    const top = wasm.matches[0];
    if (c.expected) {
      assert.ok(top, `${c.text}: no match`);
      assert.deepEqual([top.list, top.source_id], [c.expected.list, c.expected.sourceId], c.text);
      assert.ok(top.explanation.length > 0, `${c.text}: no explanation`);
      assert.match(top.url, /^https:\/\//);
    } else {
      assert.equal(wasm.matches.length, 0, `${c.text}: ${JSON.stringify(top)}`);
    }
  });
});

test('createScreener() resolves to one shared screener', async () => {
  assert.equal(await createScreener(), await createScreener());
});

test('options: threshold, limit, lists and vessels change what is returned', async () => {
  const screener = await createScreener();
  const loose = screener.screen({ name: 'Kim Sang Man' }, { threshold: 0.5, limit: 50 });
  const strict = screener.screen({ name: 'Kim Sang Man' });
  assert.ok(loose.matches.length > strict.matches.length);
  assert.equal(loose.threshold, 0.5);
  assert.equal(screener.screen({ name: 'Kim Sang Man' }, { threshold: 0.5, limit: 2 }).matches.length, 2);
  const unOnly = screener.screen({ company: 'Lazarus Group' }, { lists: ['un'] });
  assert.deepEqual(unOnly.lists.map((l) => l.id), ['un']);
  assert.ok(unOnly.matches.every((m) => m.list === 'un'));
  // A listed vessel is screened only when asked.
  const vessel = { company: 'Chong Chon Gang' };
  assert.equal(screener.screen(vessel).matches.filter((m) => m.kind === 'vessel').length, 0);
  assert.ok(screener.screen(vessel, { vesselsAndAircraft: true }).matches.some((m) => m.kind === 'vessel'));
});

test('presets name the thresholds; a preset and a threshold together are an error', async () => {
  const screener = await createScreener();
  const query = { name: 'Kim Sang Man' };
  assert.equal(screener.screen(query).threshold, 0.88);
  assert.equal(screener.screen(query, { preset: 'strict' }).threshold, 0.92);
  assert.equal(screener.screen(query, { preset: 'broad' }).threshold, 0.8);
  assert.throws(() => screener.screen(query, { preset: 'broad', threshold: 0.5 }), /threshold or a preset, not both/);
  assert.throws(() => screener.screen(query, { preset: 'loose' }), /unknown preset "loose"/);
});

test('a conflicting date of birth lowers the score and says so', async () => {
  const screener = await createScreener();
  const plain = screener.screen({ name: 'Jong Song Hwa' }).matches[0];
  const conflict = screener.screen({ name: 'Jong Song Hwa', dob: '1990-01-01' }).matches[0];
  assert.equal(conflict.source_id, plain.source_id);
  assert.ok(conflict.score < plain.score);
  assert.equal(conflict.checks[0].outcome, 'conflict');
  assert.match(conflict.checks[0].text, /1990/);
});

test('bad input throws an Error that says what to fix', async () => {
  const screener = await createScreener();
  const cases = [
    [{}, /enter a name, a company or an identifier/],
    [{ name: '   ' }, /enter a name, a company or an identifier/],
    [{ name: 'x'.repeat(501) }, /501 characters long; at most 500/],
    [{ name: 'Kim Sang Man', dob: 'last year' }, /not a date/],
    [{ companyName: 'Lazarus Group' }, /unknown query field "companyName"/],
  ];
  for (const [query, message] of cases) {
    assert.throws(() => screener.screen(query), (e) => e instanceof Error && message.test(e.message), JSON.stringify(query).slice(0, 40));
  }
  assert.throws(() => screener.screen({ name: 'Kim' }, { threshold: 2 }), /threshold must be between 0 and 1/);
  assert.throws(() => screener.screen({ name: 'Kim' }, { lists: ['eu'] }), /unknown list "eu"/);
  assert.throws(() => screener.screen({ name: 'Kim' }, { treshold: 0.5 }), /unknown options field "treshold"/);
  assert.throws(() => screener.screen('Kim'), TypeError);
});

test('options and fields of the wrong kind get messages about the field, not the module', async () => {
  const screener = await createScreener();
  const listed = { name: 'Kim Jong Un' };
  // `null` options are no options.
  assert.ok(screener.screen(listed, null).matches.length > 0);
  const cases = [
    [listed, { lists: 'un' }, /options field "lists" must be an array of list ids such as \["un"\], not the string "un"/],
    [listed, { limit: 0 }, /"limit" must be a whole number of at least 1 \(0 would hide every match\)/],
    [listed, { limit: -3 }, /"limit" must be a whole number of at least 1/],
    [listed, { limit: 2.5 }, /"limit" must be a whole number/],
    [listed, { threshold: '0.8' }, /"threshold" must be a number from 0 to 1, not the string "0.8"/],
    [listed, { vesselsAndAircraft: 'yes' }, /"vesselsAndAircraft" must be true or false/],
    [listed, { today: 'tomorrow' }, /today "tomorrow" is not a date/],
    [listed, 'strict', /takes its options as an object/],
    [{ name: 42 }, {}, /query field "name" must be a string, not number 42/],
    [{ name: 'Kim \ud800 Jong Un' }, {}, /query field "name" holds a lone surrogate/],
    [{ name: 'Kim Jong Un', dob: '1984-02-30' }, {}, /"1984-02-30" is not a date/],
    [{ name: 'Kim Jong Un', dob: '1'.repeat(501) }, {}, /date of birth is 501 characters long; at most 500/],
    [{ name: 'Kim Jong Un', country: 'K'.repeat(501) }, {}, /country is 501 characters long; at most 500/],
    [['Kim Jong Un'], {}, /takes an object/],
  ];
  for (const [query, options, message] of cases) {
    assert.throws(
      () => screener.screen(query, options),
      (e) => e instanceof Error && message.test(e.message),
      `${JSON.stringify(query).slice(0, 30)} ${JSON.stringify(options)}`,
    );
  }
});

test('lists() gives each list its publisher, date, age, counts and file hashes', async () => {
  const screener = await createScreener();
  const lists = screener.lists();
  assert.deepEqual(lists.map((l) => l.id), ['ofac_sdn', 'ofac_cons', 'un', 'dprk_it_notices']);
  const listsDir = process.env.SANCTIONS_LISTS_DIR ?? `${ROOT}../shared/lists`;
  const sources =
    readFileSync(`${listsDir}/sources.json`, 'utf8') + readFileSync(`${ROOT}data/advisories/sources.json`, 'utf8');
  for (const list of lists) {
    assert.ok(list.publisher && list.date.match(/^\d{4}-\d{2}-\d{2}$/));
    assert.equal(typeof list.age_days, 'number');
    assert.equal(list.stale, list.age_days > 30);
    assert.ok(list.counts.persons + list.counts.organizations > (list.id === 'dprk_it_notices' ? 50 : 300), list.id);
    for (const file of list.files) {
      assert.match(file.sha256, /^[0-9a-f]{64}$/);
      assert.ok(sources.includes(file.sha256), `${file.path}: hash not in sources.json`);
    }
  }
});

test('identifiers: a wallet, an ID number and a phone, as strings or arrays', async () => {
  const screener = await createScreener();
  const wallet = screener.screen({ name: 'John Smith', wallet: ['ethereum:0x97B1043ABD9E6FC31681635166D430A458D14F9C@1'] });
  const hit = wallet.matches[0];
  assert.deepEqual([hit.field, hit.source_id, hit.level], ['wallet', '43377', 'strong']);
  assert.equal(hit.matched_identifier.kind, 'Digital Currency Address - ETH');
  assert.equal(hit.matched_identifier.name_differs, true);
  assert.ok(hit.details.identifiers.some((i) => i.type === 'document' && i.kind === 'Passport'));
  assert.equal(screener.screen({ idNumber: '563 220 082' }).matches[0].source_id, '43377');
  assert.equal(screener.screen({ phone: '+98 21 8852 6300' }).matches[0].source_id, '12802');
  const malformed = screener.screen({ wallet: '0xNOT-A-WALLET' });
  assert.deepEqual(malformed.matches, []);
  assert.match(malformed.warnings[0], /does not look like a wallet address/);
  assert.throws(() => screener.screen({ wallet: 5 }), /"wallet" must be a string or an array of strings/);
  assert.throws(() => screener.screen({ idNumber: '12' }), /too short to identify anyone/);
});

test('the DPRK IT-worker notices: a hit says it is a notice; domains, employers and the red flags', async () => {
  const screener = await createScreener();
  const hit = screener.screen({ name: 'Ri Kyong Sik' }).matches.find((m) => m.list === 'dprk_it_notices');
  assert.equal(hit.notice.category, 'dprk_national');
  assert.match(hit.explanation.join(' '), /not a sanctions designation/);
  const domain = screener.screen({ email: 'jane@mail.hopanatech.com', website: ['gmail.com'] });
  assert.equal(domain.matches[0].source_id, 'D002');
  assert.match(domain.warnings[0], /gmail\.com/);
  const employer = screener.screen({ employer: ['Google', 'Hopana Tech LLC'] });
  assert.equal(employer.matches[0].field, 'employer');
  const flags = screener.redFlags();
  assert.ok(flags.groups.length >= 5 && flags.groups.every((g) => g.items.every((i) => i.sources.length > 0)));
  assert.equal(flags.next_steps.length, 3);
});
