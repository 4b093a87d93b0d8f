// The recruiter's workflow in headless Chromium, timed; prints figures and
// asserts nothing (the machine is shared and noisy: read medians).
//   node pkg/bench/workflow.mjs [rows]      (after scripts/build-pkg)
// 1. Batch: a CSV of `rows` applicants (default 10,000: ordinary names in
//    several cultures, company names, and one listed name in fifty) dropped
//    on the page, from the file chosen to the report ready, three runs.
// 2. Newer list files: the full OFAC SDN set and the UN XML given to the
//    page, from the files chosen to the new lists in use, three runs.
// 3. The single offline file's size, when scripts/build-single has made it.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { launchChromium } from '../../scripts/chromium.mjs';
import { serve } from '../../scripts/serve.mjs';
import { batchCsv } from '../../tests/data/batch_rows.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LISTS = process.env.SANCTIONS_LISTS_DIR ?? `${ROOT}../shared/lists`;
const rows = Number(process.argv[2] ?? 10_000);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const SDN_SET = ['ofac_sdn/sdn.csv', 'ofac_sdn/alt.csv', 'ofac_sdn/add.csv', 'ofac_sdn/sdn_comments.csv'];
const fileFor = (path) => ({ name: path.split('/')[1], mimeType: 'text/plain', buffer: readFileSync(`${LISTS}/${path}`) });
const megabytes = (paths) => (paths.reduce((n, p) => n + statSync(`${LISTS}/${p}`).size, 0) / 1e6).toFixed(1);

const server = await serve();
const browser = await launchChromium();

/** A fresh page, ready, in batch mode (its workers started). */
async function freshPage() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}`);
  await page.locator('sanctions-screen[ready]').waitFor({ timeout: 60_000 });
  return { context, page };
}

/** Gives list files to a fresh page: [wall seconds, the page's own seconds]. */
async function loadLists(paths) {
  const { context, page } = await freshPage();
  const started = Date.now();
  await page.locator('sanctions-screen .list-files input[type=file]').setInputFiles(paths.map(fileFor));
  const message = page.locator('sanctions-screen .list-message .clear, sanctions-screen .list-message .error');
  await message.waitFor({ state: 'attached', timeout: 120_000 });
  const wall = (Date.now() - started) / 1000;
  const text = await message.textContent();
  await context.close();
  const own = text.match(/read in ([\d.]+) s/);
  if (!own) throw new Error(text);
  return [wall, Number(own[1])];
}

try {
  const csv = batchCsv(rows);
  const batchTimes = [];
  for (let run = 0; run < 3; run += 1) {
    const { context, page } = await freshPage();
    await page.locator('sanctions-screen [role=tab][data-mode=batch]').click();
    await page.waitForTimeout(1000); // the workers load their code
    const started = Date.now();
    await page.locator('sanctions-screen .batch input[type=file]').setInputFiles({ name: 'applicants.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.locator('sanctions-screen .batch-results:not([hidden])').waitFor({ timeout: 300_000 });
    batchTimes.push((Date.now() - started) / 1000);
    if (run === 0) console.log(`  ${(await page.locator('sanctions-screen .batch .status p').allTextContents()).join(' ')}`);
    await context.close();
  }
  const medianBatch = median(batchTimes);
  console.log(`chromium: batch of ${rows.toLocaleString('en')} rows, file chosen to report ready: median ${medianBatch.toFixed(2)} s (runs ${batchTimes.map((t) => t.toFixed(2)).join(', ')} s), ${Math.round(rows / medianBatch).toLocaleString('en')} rows/s`);

  for (const [label, paths] of [['the OFAC SDN set', SDN_SET], ['the OFAC SDN set and the UN XML', [...SDN_SET, 'un/consolidated.xml']]]) {
    const runs = [];
    for (let run = 0; run < 3; run += 1) runs.push(await loadLists(paths));
    console.log(`chromium: newer list files, ${label} (${megabytes(paths)} MB), files chosen to lists in use: median ${median(runs.map((r) => r[1])).toFixed(2)} s as the page measures it, ${median(runs.map((r) => r[0])).toFixed(2)} s with the test driver handing over the files (runs ${runs.map((r) => r[1].toFixed(1)).join(', ')} s)`);
  }
} finally {
  await browser.close();
  await server.close();
}

const single = `${ROOT}dist/sanctions-screen.html`;
if (existsSync(single)) console.log(`single offline file: ${(statSync(single).size / 1e6).toFixed(2)} MB (dist/sanctions-screen.html)`);
