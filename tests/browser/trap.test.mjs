// The package's recovery from a trap, in Chromium: under the page's
// Content-Security-Policy, a panic inside the module becomes an Error, the
// next call screens on a fresh instance built from the already compiled
// module, and no request is made after load. Uses the fault-injection build
// in target/pkg-faults/ (`FAULTS=1 scripts/build-pkg`; scripts/test builds it).
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { launchChromium } from '../../scripts/chromium.mjs';
import { serve } from '../../scripts/serve.mjs';

const ROOT = fileURLToPath(new URL('../../target/pkg-faults/', import.meta.url));

let server;
let browser;

before(async () => {
  // No inline script: the page's CSP allows scripts from the origin only.
  writeFileSync(
    `${ROOT}trap.html`,
    '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module" src="trap.js"></script>',
  );
  writeFileSync(
    `${ROOT}trap.js`,
    `import { createScreener } from './src/browser.js';
const screener = await createScreener();
window.screen1 = (query) => {
  try { return { result: screener.screen(query, { today: '2026-11-26' }) }; }
  catch (e) { return { error: e.message, cause: e.cause?.constructor?.name }; }
};
window.ready = true;
`,
  );
  server = await serve({ root: ROOT });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('a panic in the browser resets the screener; the next screen works with no request', async () => {
  const context = await browser.newContext();
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  await page.goto(`${server.url}trap.html`);
  await page.waitForFunction(() => window.ready === true, null, { timeout: 60_000 });
  const loaded = requests.length;

  const first = await page.evaluate(() => window.screen1({ name: 'Kim Jong Un' }));
  assert.ok(first.result.matches.length > 0);
  const panic = await page.evaluate(() => window.screen1({ name: 'PANIC FOR TEST: in the browser' }));
  assert.match(panic.error, /^the screener failed and was reset: in the browser at /);
  assert.equal(panic.cause, 'RuntimeError');
  // The fault-injection build is a development build over 8 MB, which
  // Chromium will not instantiate synchronously: the screener is rebuilt
  // asynchronously, and says so until it is ready.
  const screenWhenReady = () =>
    page.evaluate(async () => {
      for (let i = 0; i < 100; i += 1) {
        const attempt = window.screen1({ name: 'Kim Jong Un' });
        if (!/being rebuilt/.test(attempt.error ?? '')) return attempt;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return { error: 'never rebuilt' };
    });
  for (let i = 0; i < 5; i += 1) {
    const again = await screenWhenReady();
    assert.equal(again.error, undefined);
    assert.deepStrictEqual(again.result, first.result);
    const panicked = await page.evaluate(() => window.screen1({ name: 'PANIC FOR TEST: again' }));
    assert.match(panicked.error, /reset: again at /);
  }
  assert.deepEqual(requests.slice(loaded), [], 'requests after load');
  await context.close();
});
