// The recruiter's whole workflow in headless Chromium, on the real lists:
// a batch file screened in Web Workers (report downloads, bad rows, cancel),
// a screening record saved, printed and opened again, and the publishers'
// newer list files used in place of the embedded ones. Every request is
// recorded: after the page and the batch workers have loaded their code,
// none (not during a batch, not while list files are read). Run
// `scripts/build-pkg` first.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { launchChromium } from '../../scripts/chromium.mjs';
import { serve } from '../../scripts/serve.mjs';
import { batchCsv } from '../data/batch_rows.mjs';
import { assertPrivate, openPage } from './session.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LISTS = process.env.SANCTIONS_LISTS_DIR ? new URL(process.env.SANCTIONS_LISTS_DIR, `file://${ROOT}`).pathname : `${ROOT}../shared/lists`;
const SOURCES = JSON.parse(readFileSync(`${LISTS}/sources.json`, 'utf8'));
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

let server;
let browser;

before(async () => {
  server = await serve();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * The page in batch mode, its workers warm: the requests they made (their
 * code, nothing else) count as part of the load.
 */
async function openBatchMode() {
  const session = await openPage(browser, server.url);
  await session.page.locator('sanctions-screen [role=tab][data-mode=batch]').click();
  // The workers load their modules: wait until no request has come for a while.
  let seen = -1;
  while (seen !== session.requests.length) {
    seen = session.requests.length;
    await session.page.waitForTimeout(700);
  }
  const warmUp = session.requests.slice(session.loadRequests).map((u) => new URL(u).pathname);
  for (const path of warmUp) assert.match(path, /\/pkg\/(src\/(batch-worker|core)\.js|dist\/sanctions_screen\.js)$/, 'warm-up loads code only');
  session.loadRequests = session.requests.length;
  return session;
}

const element = (page) => page.locator('sanctions-screen');

async function chooseBatch(page, name, text) {
  await element(page).locator('.batch input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

async function downloaded(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return readFileSync(await download.path(), 'utf8');
}

/** A small CSV reader for the reports (quoted fields, doubled quotes, CRLF). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  const [header, ...body] = rows;
  return body.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]])));
}

const BATCH = [
  'Company,NAME,dob,Country,Applicant ID,Recruiter',
  'Yanbian Silverstar,,,,A-1,ana',
  ',Kim Jong Un,1984-01-08,KP,A-2,ana',
  'Acme Software,Maria Garcia,1990-04-02,ES,A-3,ben',
  '',
  'Lazarus Group,,,,A-4,ben',
  ',,,,A-5,ben',
  `,${'x'.repeat(501)},,,A-6,ben`,
  ',John Smith,1990-13-45,US,A-7,ben',
  ',"Jong, Song Hwa,1970-02-05,KP,A-8,ben',
  '=HYPERLINK("http://evil.example"),@SUM(1),,,+A-9,-ben',
].join('\n');

describe('batch screening in the page', () => {
  test('a file is screened in workers: alerts first, bad rows by line, reports in input order, no request', async () => {
    const session = await openBatchMode();
    const { page } = session;
    await chooseBatch(page, 'applicants.csv', BATCH);
    await element(page).locator('.batch-results:not([hidden])').waitFor({ timeout: 60_000 });
    const summary = await element(page).locator('.batch .status').textContent();
    assert.match(summary, /11 lines read as CSV: the header \(line 1\), 9 rows, 1 blank/);
    assert.match(summary, /Kept for the report: Applicant ID, Recruiter/);
    assert.match(summary, /9 rows screened in [\d.]+ s: 2 clear, 3 with alerts, 4 could not be screened/);
    assert.match(summary, /OFAC SDN List dated 2024-05-03/);

    // Bad rows: listed with their line numbers and why.
    const bad = await element(page).locator('.bad-rows li').allTextContents();
    assert.equal(bad.length, 4);
    assert.match(bad[0], /^line 7: enter a name, a company/);
    assert.match(bad[1], /^line 8: .*500/);
    assert.match(bad[2], /^line 9: date of birth "1990-13-45" is not a date/);
    assert.match(bad[3], /^line 10: malformed CSV: the quoted field/);

    // The table: alerts first (strong before possible), the filter, and a
    // row that opens to the same explained hits as single screening.
    const lines = await element(page).locator('.batch-table tbody tr.row').evaluateAll((rows) => rows.map((r) => r.dataset.line));
    assert.deepEqual(lines, ['2', '3', '6'], 'alerts only, by default');
    await element(page).locator('.batch-table tbody tr.row[data-line="2"] button').click();
    const hit = element(page).locator('.batch-table tr.explained li.hit').first();
    assert.equal(await hit.getAttribute('data-source-id'), '24977');
    assert.match(await hit.textContent(), /Why it matched|matched/);
    await element(page).locator('.toolbar select').selectOption('all');
    const all = await element(page).locator('.batch-table tbody tr.row').evaluateAll((rows) => rows.map((r) => r.dataset.line));
    assert.deepEqual(all, ['2', '3', '6', '7', '8', '9', '10', '4', '11']);

    // The CSV report: every row, in input order, formulas neutralised.
    const csv = parseCsv(await downloaded(page, () => element(page).getByRole('button', { name: 'Download CSV' }).click()));
    assert.deepEqual(csv.map((r) => r.line), ['2', '3', '4', '6', '7', '8', '9', '10', '11']);
    assert.deepEqual(csv.map((r) => r.status), ['alert', 'alert', 'clear', 'alert', 'error', 'error', 'error', 'error', 'clear']);
    assert.equal(csv[0].top_source_id, '24977');
    assert.equal(csv[0].top_level, 'strong');
    assert.equal(csv[0]['Applicant ID'], 'A-1');
    assert.match(csv[0].list_dates, /ofac_sdn 2024-05-03/);
    assert.equal(csv[8].company, '\'=HYPERLINK("http://evil.example")');
    assert.equal(csv[8].name, "'@SUM(1)");
    assert.equal(csv[8]['Applicant ID'], "'+A-9");
    assert.equal(csv[8].Recruiter, "'-ben");
    assert.match(csv[7].error, /line 10: malformed CSV/);

    // The JSON report: the same rows, and a summary that accounts for every line.
    const json = JSON.parse(await downloaded(page, () => element(page).getByRole('button', { name: 'Download JSON' }).click()));
    assert.equal(json.version, 1);
    assert.deepEqual(json.summary, { format: 'CSV', lines: 11, header_line: 1, blank_lines: [5], rows: 9, clear: 2, alert: 3, error: 4 });
    assert.deepEqual(json.rows.map((r) => r.line), [2, 3, 4, 6, 7, 8, 9, 10, 11]);
    assert.equal(json.rows[1].kept.Recruiter, 'ana');

    await assertPrivate(session, server.url);
    await session.context.close();
  });

  test('Cancel stops the workers; the report marks the rows not screened', async () => {
    const session = await openBatchMode();
    const { page } = session;
    const rows = 40_000;
    await chooseBatch(page, 'many.csv', batchCsv(rows));
    await element(page).locator('.progress progress').evaluate((bar) => new Promise((resolve) => {
      const check = () => (bar.value > 0 ? resolve() : setTimeout(check, 20));
      check();
    }));
    // The page stays responsive: one applicant screened while the batch runs.
    await element(page).locator('[role=tab][data-mode=single]').click();
    await element(page).locator('input[name=company]').fill('Lazarus Group');
    await element(page).locator('input[name=company]').press('Enter');
    assert.equal(await element(page).locator('li.hit').first().getAttribute('data-source-id'), '27307');
    const bar = await element(page).locator('.progress progress').evaluate((b) => [b.value, b.max]);
    assert.ok(bar[0] < bar[1], `the batch was still running (${bar})`);
    await element(page).locator('[role=tab][data-mode=batch]').click();
    await element(page).getByRole('button', { name: 'Cancel' }).click();
    await element(page).locator('.batch-results:not([hidden])').waitFor({ timeout: 60_000 });
    const summary = await element(page).locator('.batch .status').textContent();
    const match = summary.match(/Cancelled: ([\d,]+) rows screened .*; ([\d,]+) not screened because of the cancel/);
    assert.ok(match, summary);
    const [done, left] = [match[1], match[2]].map((n) => Number(n.replace(/,/g, '')));
    assert.ok(done > 0 && left > 0 && done + left === rows, summary);
    const csv = parseCsv(await downloaded(page, () => element(page).getByRole('button', { name: 'Download CSV' }).click()));
    assert.equal(csv.length, rows, 'every row is in the report');
    assert.equal(csv.filter((r) => /cancelled before this row/.test(r.error)).length, left);
    await assertPrivate(session, server.url);
    await session.context.close();
  });
});

describe('batch screening, one file after another', () => {
  test('a file chosen while another runs takes over; the first one\'s report never replaces it', async () => {
    const session = await openBatchMode();
    const { page } = session;
    await chooseBatch(page, 'many.csv', batchCsv(40_000));
    await element(page).locator('.progress progress').evaluate((bar) => new Promise((resolve) => {
      const check = () => (bar.value > 0 ? resolve() : setTimeout(check, 20));
      check();
    }));
    await chooseBatch(page, 'applicants.csv', BATCH);
    await element(page).locator('.batch-results:not([hidden])').waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1500); // time for the first file's run to wind down
    const summary = await element(page).locator('.batch .status').textContent();
    assert.match(summary, /^applicants\.csv: 11 lines read as CSV/);
    assert.match(summary, /9 rows screened in [\d.]+ s: 2 clear, 3 with alerts, 4 could not be screened/);
    assert.doesNotMatch(summary, /many\.csv|Cancelled/);
    await assertPrivate(session, server.url);
    await session.context.close();
  });
});

describe('screening records', () => {
  test('a record holds the query, module and list hashes, hits and decision, and opens again the same', async () => {
    const session = await openPage(browser, server.url);
    const { page } = session;
    await element(page).locator('input[name=name]').fill('Jong Song Hwa');
    await element(page).locator('input[name=company]').fill('Yanbian Silverstar');
    await element(page).locator('input[name=company]').press('Enter');
    await element(page).locator('li.hit').first().waitFor();
    const panel = element(page).locator('.single fieldset.record-panel');
    await panel.getByLabel('Escalated').check();
    await panel.getByLabel('Note for the record').fill('Front company on the SDN list; passed to compliance.');
    const text = await downloaded(page, () => panel.getByRole('button', { name: 'Save record (JSON)' }).click());
    const record = JSON.parse(text);
    assert.equal(record.record, 'sanctions-screen screening record');
    assert.equal(record.version, 1);
    assert.equal(record.kind, 'single');
    assert.ok(Date.now() - Date.parse(record.created) < 600_000);
    const pkg = JSON.parse(readFileSync(`${ROOT}pkg/package.json`, 'utf8'));
    assert.equal(record.tool.version, pkg.version);
    assert.equal(record.tool.wasm_sha256, sha256(readFileSync(`${ROOT}www/pkg/dist/sanctions_screen_bg.wasm`)));
    for (const list of record.lists.filter((l) => l.id !== 'dprk_it_notices')) {
      for (const file of list.files) assert.equal(file.sha256, SOURCES.files[file.path].sha256, file.path);
    }
    assert.deepEqual(record.applicants[0].query, { name: 'Jong Song Hwa', company: 'Yanbian Silverstar' });
    const ids = record.applicants[0].result.matches.map((m) => m.source_id);
    assert.ok(ids.includes('24977') && ids.includes('24979'), ids.join());
    assert.ok(record.applicants[0].result.matches[0].explanation.length > 0);
    assert.deepEqual(record.review, { decision: 'escalated', note: 'Front company on the SDN list; passed to compliance.' });
    assert.equal(record.settings.preset, 'standard');

    // Opened again: the same record, shown read-only, same lists.
    await element(page).locator('.open-record summary').click();
    await element(page).locator('.open-record input[type=file]').setInputFiles({ name: 'record.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    const saved = element(page).locator('.saved');
    await saved.locator('.record').waitFor();
    assert.equal(await saved.locator('.decision').textContent(), 'Escalated');
    assert.equal(await saved.locator('.note').textContent(), 'Front company on the SDN list; passed to compliance.');
    const shownIds = await saved.locator('li.hit').evaluateAll((items) => items.map((li) => li.dataset.sourceId));
    assert.deepEqual(shownIds, ids);
    assert.equal(await saved.locator('.stale').count(), 0, 'made with the lists in use');
    const reopened = await page.evaluate((t) => document.querySelector('sanctions-screen').openRecord(t), text);
    assert.deepEqual(reopened, record);
    // Another applicant: the decision and note are not carried over to them.
    await element(page).locator('input[name=name]').fill('Maria Garcia');
    await element(page).locator('input[name=company]').fill('');
    await element(page).locator('input[name=name]').press('Enter');
    await page.waitForFunction(() => !document.querySelector('sanctions-screen').shadowRoot.querySelector('section.single li.hit'));
    assert.equal(await panel.getByLabel('Escalated').isChecked(), false);
    assert.equal(await panel.getByLabel('Note for the record').inputValue(), '');
    const refused = await page.evaluate(() => document.querySelector('sanctions-screen').openRecord('{"hello": 1}'));
    assert.equal(refused, null);
    assert.match(await saved.textContent(), /not a sanctions-screen screening record/);

    // Printing: the record alone, one section per applicant.
    await page.evaluate(() => {
      window.print = () => {
        window.printed = true;
      };
    });
    await element(page).locator('.single fieldset.record-panel').getByRole('button', { name: 'Print record' }).click();
    assert.equal(await page.evaluate(() => window.printed), true);
    await page.emulateMedia({ media: 'print' });
    const shown = await element(page).evaluate((el) => ({
      form: getComputedStyle(el.shadowRoot.querySelector('section.single')).display,
      record: getComputedStyle(el.shadowRoot.querySelector('.print-area .record')).display,
      header: getComputedStyle(document.querySelector('body > header')).display,
    }));
    assert.deepEqual(shown, { form: 'none', record: 'block', header: 'none' });
    await page.pdf({ path: `${ROOT}target/artifacts/record.pdf` });
    await page.emulateMedia({ media: 'screen' });

    await assertPrivate(session, server.url);
    await session.context.close();
  });

  test('a batch record carries every row and the explained alerts', async () => {
    const session = await openBatchMode();
    const { page } = session;
    await chooseBatch(page, 'applicants.csv', BATCH);
    await element(page).locator('.batch-results:not([hidden])').waitFor({ timeout: 60_000 });
    const panel = element(page).locator('.batch-mode fieldset.record-panel');
    await panel.getByLabel('Needs more information').check();
    const record = JSON.parse(await downloaded(page, () => panel.getByRole('button', { name: 'Save record (JSON)' }).click()));
    assert.equal(record.kind, 'batch');
    assert.deepEqual(record.applicants.map((a) => a.line), [2, 3, 4, 6, 7, 8, 9, 10, 11]);
    assert.equal(record.applicants[0].result.matches[0].source_id, '24977');
    assert.equal(record.applicants[1].result.matches[0].source_id, '20157');
    assert.equal(record.applicants[2].result, null);
    assert.match(record.applicants[7].error, /malformed CSV/);
    assert.equal(record.applicants[0].kept.Recruiter, 'ana');
    assert.deepEqual({ ...record.batch, summary: undefined }, { file: 'applicants.csv', rows: 9, screened: 9, cancelled: false, summary: undefined });
    assert.equal(record.review.decision, 'needs_information');
    await assertPrivate(session, server.url);
    await session.context.close();
  });
});

describe('newer list files', () => {
  const file = (path, name = path.split('/')[1]) => ({ name, mimeType: 'text/plain', buffer: readFileSync(`${LISTS}/${path}`) });
  const SDN_SET = ['ofac_sdn/sdn.csv', 'ofac_sdn/alt.csv', 'ofac_sdn/add.csv', 'ofac_sdn/sdn_comments.csv'];

  test('the publishers\' files replace the embedded lists: dates, hashes, no stale warning for them, no request', async () => {
    const session = await openPage(browser, server.url);
    const { page } = session;
    // A record made with the embedded lists, to open once the lists changed.
    await element(page).locator('input[name=company]').fill('Yanbian Silverstar');
    await element(page).locator('input[name=company]').press('Enter');
    await element(page).locator('li.hit').first().waitFor();
    const before = await element(page).evaluate((el) => el.shadowRoot.querySelector('.lists').textContent);
    assert.match(before, /OFAC SDN List dated 2024-05-03/);
    const oldRecord = await downloaded(page, () => element(page).locator('.single fieldset.record-panel').getByRole('button', { name: 'Save record (JSON)' }).click());

    await element(page).locator('.list-files summary').click();
    await element(page).locator('.list-files input[type=file]').setInputFiles([...SDN_SET.map((p) => file(p, p.split('/')[1].toUpperCase())), file('un/consolidated.xml')]);
    await element(page).locator('.list-message .clear').waitFor({ timeout: 60_000 });
    const lists = await element(page).evaluate((el) => ({
      line: el.shadowRoot.querySelector('.lists').textContent,
      stale: el.shadowRoot.querySelector('.stale').hidden ? '' : el.shadowRoot.querySelector('.stale').textContent,
      files: [...el.shadowRoot.querySelectorAll('.lists .files li')].map((li) => [li.dataset.list, li.textContent]),
    }));
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    assert.match(lists.line, new RegExp(`OFAC SDN List dated ${today}`), 'the date the files were saved');
    assert.match(lists.line, /UN Security Council Consolidated List dated 2026-02-27/, "the UN file's own date");
    assert.doesNotMatch(lists.stale, /OFAC SDN List/, 'the SDN list is current now');
    for (const path of SDN_SET) {
      const shown = lists.files.find(([list, t]) => list === 'ofac_sdn' && t.includes(path.split('/')[1].toUpperCase()));
      assert.ok(shown?.[1].includes(SOURCES.files[path].sha256), path);
    }
    // Screening goes on, against the new files.
    await element(page).locator('input[name=company]').fill('Chinyong Information Technology Cooperation Company');
    await element(page).locator('input[name=company]').press('Enter');
    await page.waitForFunction(() => document.querySelector('sanctions-screen').shadowRoot.querySelector('li.hit')?.dataset.sourceId !== '24977');
    assert.ok(await element(page).locator('li.hit').count() > 0);
    assert.match(await element(page).locator('li.hit').first().textContent(), new RegExp(`List dated ${today}`));

    // Files given later add to those given before: the non-SDN set now, the SDN set kept.
    const CONS_SET = ['ofac_cons/cons_prim.csv', 'ofac_cons/cons_alt.csv', 'ofac_cons/cons_add.csv', 'ofac_cons/cons_comments.csv'];
    await element(page).locator('.list-files input[type=file]').setInputFiles(CONS_SET.map((p) => file(p)));
    await page.waitForFunction((t) => document.querySelector('sanctions-screen').shadowRoot.querySelector('.lists').textContent.includes(`OFAC Consolidated (non-SDN) List dated ${t}`), today);
    assert.match(await element(page).locator('.lists').textContent(), new RegExp(`OFAC SDN List dated ${today}`));

    // The old record opens with a warning that the lists differ.
    await element(page).evaluate((el, t) => el.openRecord(t), oldRecord);
    assert.match(await element(page).locator('.saved .stale').textContent(), /other lists than the ones loaded now: OFAC SDN List: dated 2024-05-03 in the record/);

    await assertPrivate(session, server.url);
    await session.context.close();
  });

  test('a set without its companions, or a damaged file, is named; the lists in use stay', async () => {
    const session = await openPage(browser, server.url);
    const { page } = session;
    await element(page).locator('.list-files summary').click();
    const input = element(page).locator('.list-files input[type=file]');
    await input.setInputFiles([file('ofac_sdn/sdn.csv')]);
    await element(page).locator('.list-message .error').waitFor({ timeout: 60_000 });
    assert.match(await element(page).locator('.list-message').textContent(), /sdn\.csv: the OFAC SDN List is read from 4 files together; missing: alt\.csv, add\.csv, sdn_comments\.csv/);

    const damaged = readFileSync(`${LISTS}/un/consolidated.xml`).subarray(0, 400_000);
    await input.setInputFiles([{ name: 'consolidated.xml', mimeType: 'text/xml', buffer: damaged }]);
    await page.waitForFunction(() => /consolidated\.xml:\d+: /.test(document.querySelector('sanctions-screen').shadowRoot.querySelector('.list-message').textContent));
    assert.match(await element(page).locator('.lists').textContent(), /OFAC SDN List dated 2024-05-03.*UN Security Council Consolidated List dated 2026-02-27/);
    await element(page).locator('input[name=company]').fill('Yanbian Silverstar');
    await element(page).locator('input[name=company]').press('Enter');
    await page.waitForFunction(() => document.querySelector('sanctions-screen').shadowRoot.querySelector('li.hit')?.dataset.sourceId === '24977');
    await assertPrivate(session, server.url);
    await session.context.close();
  });
});
