// What every browser test does with a page: open it in a fresh context that
// records each request and each script error, dialog and CSP violation, and
// check the privacy contract on what was recorded.
import assert from 'node:assert/strict';

/**
 * Opens `url` in a fresh context that records every request and every
 * script error, dialog and CSP violation; resolves once the element is ready.
 */
export async function openPage(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const requests = [];
  const problems = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  const response = await page.goto(url);
  assert.equal(response.status(), 200);
  await page.locator('sanctions-screen[ready]').waitFor({ timeout: 60_000 });
  const loadRequests = requests.length;
  return { context, page, requests, problems, loadRequests, response };
}

/**
 * Asserts the privacy contract on a context's recorded requests: none after
 * the initial load (a download's own `blob:` URL is the page's memory, not
 * the network), none to another origin, the .wasm at most once, nothing stored.
 */
export async function assertPrivate({ page, requests, loadRequests, problems }, origin) {
  const network = requests.slice(loadRequests).filter((url) => !url.startsWith('blob:'));
  assert.deepEqual(network, [], 'requests after the initial load');
  // The module is fetched once (workers are given it compiled): a preload
  // the page did not use as preloaded would fetch it a second time.
  assert.ok(requests.filter((url) => url.endsWith('.wasm')).length <= 1, 'the .wasm fetched twice');
  for (const url of requests.filter((u) => !u.startsWith('blob:'))) {
    assert.equal(new URL(url).origin, new URL(origin).origin, `request to another origin: ${url}`);
  }
  assert.deepEqual(problems, []);
  const stored = await page.evaluate(async () => ({
    cookie: document.cookie,
    local: localStorage.length,
    session: sessionStorage.length,
    databases: (await indexedDB.databases()).length,
  }));
  assert.deepEqual(stored, { cookie: '', local: 0, session: 0, databases: 0 });
}

