// The single offline file (dist/sanctions-screen.html, scripts/build-single)
// opened from a file:// URL in headless Chromium, as a recruiter opens a
// saved copy: it screens, screens a batch on the page, keeps its strict
// Content-Security-Policy, and makes no request at all, not even for itself
// beyond the file. Run `scripts/build-single` first.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { launchChromium } from '../../scripts/chromium.mjs';
import { openPage } from './session.mjs';

const FILE = fileURLToPath(new URL('../../dist/sanctions-screen.html', import.meta.url));
let browser;

before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

test('the single file works from file:// with no request and a strict policy', async () => {
  const html = readFileSync(FILE, 'utf8');
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)[1];
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'sha256-[^']+' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /unsafe-inline|'self'|https?:/);
  assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+stylesheet/, 'nothing loaded from beside the file');

  const url = pathToFileURL(FILE).href;
  const session = await openPage(browser, url);
  const { page, requests, problems } = session;
  const element = page.locator('sanctions-screen');
  await element.locator('input[name=company]').fill('Yanbian Silverstar');
  await element.locator('input[name=company]').press('Enter');
  assert.equal(await element.locator('li.hit').first().getAttribute('data-source-id'), '24977');
  assert.match(await element.locator('.lists').textContent(), /OFAC SDN List dated 2024-05-03/);

  // A batch, on the page itself (no Web Workers from file://).
  await element.locator('[role=tab][data-mode=batch]').click();
  const csv = 'name,company\nKim Jong Un,\n,Lazarus Group\nMaria Garcia,Acme Software\n';
  await element.locator('.batch input[type=file]').setInputFiles({ name: 'a.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await element.locator('.batch-results:not([hidden])').waitFor({ timeout: 60_000 });
  assert.match(await element.locator('.batch .status').textContent(), /3 rows screened in [\d.]+ s: 1 clear, 2 with alerts, 0 could not be screened/);

  // The record carries the hash of the module the file carries, decompressed.
  await element.locator('[role=tab][data-mode=single]').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    element.locator('.single fieldset.record-panel').getByRole('button', { name: 'Save record (JSON)' }).click(),
  ]);
  const record = JSON.parse(readFileSync(await download.path(), 'utf8'));
  const wasm = readFileSync(fileURLToPath(new URL('../../www/pkg/dist/sanctions_screen_bg.wasm', import.meta.url)));
  assert.equal(record.tool.wasm_sha256, createHash('sha256').update(wasm).digest('hex'));
  assert.equal(record.applicants[0].result.matches[0].source_id, '24977');
  assert.deepEqual(requests.filter((u) => !u.startsWith('blob:')), [url], 'the file itself, then nothing');
  assert.deepEqual(problems, [], 'no script error, no CSP violation');
  await session.context.close();
});
