// End-to-end: the recruiter page and the example ATS page in headless
// Chromium, served on 127.0.0.1. The seed cases are typed and their hits read
// from the DOM; every network request is recorded: none after the initial
// load, none to another origin. Hostile input shows as text and runs nothing.
// Screenshots go to target/artifacts/. Run `scripts/build-pkg` first.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { launchChromium } from '../../scripts/chromium.mjs';
import { assertPrivate as assertPrivateSession, openPage } from './session.mjs';
import { serve } from '../../scripts/serve.mjs';
import { seedCases } from '../../tests/data/seed_cases.mjs';

const ARTIFACTS = fileURLToPath(new URL('../../target/artifacts/', import.meta.url));
const HOSTILE = '<img src=x onerror=alert(1)>';

let server;
let browser;

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await serve();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens `path` on the test server; resolves once the element is ready. */
const open = (path) => openPage(browser, server.url + path);
const assertPrivate = (session) => assertPrivateSession(session, server.url);

/** Types into the element's own fields (Playwright's CSS pierces its shadow root) and presses Enter. */
async function screenInElement(page, query) {
  for (const key of ['name', 'company', 'dob', 'country']) {
    await page.locator(`sanctions-screen input[name=${key}]`).fill(query[key] ?? '');
  }
  await page.locator(`sanctions-screen input[name=${query.company ? 'company' : 'name'}]`).press('Enter');
}

/** What the element shows: the status lines and each hit's list, id and strength. */
function readResults(page) {
  return page.locator('sanctions-screen').evaluate((element) => {
    const root = element.shadowRoot;
    return {
      status: [...root.querySelectorAll('.status p')].map((p) => p.textContent),
      hits: [...root.querySelectorAll('li.hit')].map((li) => ({
        list: li.dataset.list,
        sourceId: li.dataset.sourceId,
        level: li.querySelector('.level').textContent,
        text: li.textContent,
        link: li.querySelector('a')?.href,
      })),
      lists: root.querySelector('.lists').textContent,
      stale: root.querySelector('.stale').hidden ? null : root.querySelector('.stale').textContent,
      images: root.querySelectorAll('img').length,
    };
  });
}

describe('recruiter page', () => {
  let session;
  before(async () => {
    session = await open('');
  });
  after(async () => {
    await session.context.close();
  });

  test('is served with the Content-Security-Policy, header and meta', async () => {
    const csp = session.response.headers()['content-security-policy'];
    for (const directive of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "form-action 'none'", "object-src 'none'", "base-uri 'none'"]) {
      assert.ok(csp.includes(directive), directive);
    }
    const meta = await session.page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content');
    assert.ok(meta.includes("default-src 'self'") && meta.includes("form-action 'none'"));
  });

  test('the lists and their dates are visible, with a warning when a list is stale', async () => {
    const { page } = session;
    const shown = await readResults(page);
    const lists = await page.evaluate(async () => (await import('./pkg/src/browser.js')).createScreener().then((s) => s.lists()));
    for (const list of lists) {
      assert.ok(shown.lists.includes(list.name) && shown.lists.includes(list.date), list.id);
      assert.equal(shown.stale?.includes(list.name) ?? false, list.stale, `${list.id} stale warning`);
    }
    if (lists.some((l) => l.stale)) assert.match(shown.stale, /update the lists/);
  });

  test('the seed cases show their hits, and ordinary applicants show no match', async () => {
    const { page } = session;
    for (const c of seedCases()) {
      await screenInElement(page, { [c.field]: c.text });
      const shown = await readResults(page);
      if (c.expected) {
        assert.ok(shown.hits.length > 0, `${c.text}: no hit shown`);
        const top = shown.hits[0];
        assert.deepEqual([top.list, top.sourceId], [c.expected.list, c.expected.sourceId], c.text);
        assert.match(top.level, /^(Strong|Possible) match$/);
        assert.match(top.link, /^https:\/\//);
        assert.ok(top.text.includes('List dated'), c.text);
      } else {
        assert.equal(shown.hits.length, 0, `${c.text}: ${shown.hits[0]?.text}`);
        assert.match(shown.status.join(' '), /^No match for .* on the lists dated .*\(threshold 0\.88\)\.$/);
      }
    }
  });

  test('results come as the user types, without Enter', async () => {
    const { page } = session;
    await page.locator('sanctions-screen input[name=name]').fill('');
    const company = page.locator('sanctions-screen input[name=company]');
    await company.fill('');
    await company.pressSequentially('Yanbian Silverstar', { delay: 20 });
    await page.locator('sanctions-screen li.hit[data-source-id="24977"]').first().waitFor({ timeout: 5_000 });
    const shown = await readResults(page);
    assert.match(shown.hits[0].text, /SILVERSTAR/);
    assert.match(shown.hits[0].text, /joined|matches/);
  });

  test('hostile input is shown as text and runs nothing', async () => {
    const { page, problems } = session;
    await screenInElement(page, { name: HOSTILE, company: `${HOSTILE} Ltd` });
    const shown = await readResults(page);
    assert.equal(shown.images, 0);
    assert.ok(shown.status.join(' ').includes(HOSTILE), shown.status.join(' '));
    assert.deepEqual(problems, []);
  });

  test('the sensitivity control sets the threshold the result states', async () => {
    const { page } = session;
    await page.locator('sanctions-screen select[name=preset]').selectOption('broad');
    await screenInElement(page, { name: 'John Smith' });
    assert.match((await readResults(page)).status.join(' '), /\(threshold 0\.80\)/);
    await page.locator('sanctions-screen select[name=preset]').selectOption('standard');
    assert.match((await readResults(page)).status.join(' '), /\(threshold 0\.88\)/);
  });

  test('too long a field gets a clear message', async () => {
    const { page } = session;
    await screenInElement(page, { name: 'a'.repeat(501) });
    const shown = await readResults(page);
    assert.match(shown.status.join(' '), /501 characters; at most 500/);
  });

  test('a wallet address under "More details" finds its listed owner, with no request', async () => {
    const { page } = session;
    await screenInElement(page, { name: 'John Smith' });
    await page.locator('sanctions-screen details.more > summary').click();
    const wallet = page.locator('sanctions-screen input[name=wallet]');
    await wallet.fill('ethereum:0x97B1043ABD9E6FC31681635166D430A458D14F9C@1');
    await wallet.press('Enter');
    const shown = await readResults(page);
    const hit = shown.hits[0];
    assert.equal(hit?.sourceId, '43377', JSON.stringify(shown.status));
    assert.equal(hit.level, 'Strong match');
    assert.match(hit.text, /KIM, Sang Man/);
    assert.match(hit.text, /Digital Currency Address - ETH/);
    assert.match(hit.text, /most serious kind of hit/);
    assert.match(shown.status.join(' '), /^No match for name .*Wallet address .*: 1 entry on the lists screened/);
    await page.screenshot({ path: `${ARTIFACTS}page-wallet.png`, fullPage: true });
    // A malformed address: a note, no hit, no error.
    await wallet.fill('0xNOT-A-WALLET');
    await wallet.press('Enter');
    const malformed = await readResults(page);
    assert.equal(malformed.hits.length, 0);
    assert.match(malformed.status.join(' '), /does not look like a wallet address/);
    await wallet.fill('');
    await assertPrivate(session);
  });

  test('DPRK IT-worker notices: a name and a seized domain hit, labelled; the checklist is ticked and printed', async () => {
    const fresh = await open('');
    const { page } = fresh;
    await screenInElement(page, { name: 'Ri Kyong Sik' });
    let shown = await readResults(page);
    const notice = shown.hits.find((hit) => hit.list === 'dprk_it_notices');
    assert.ok(notice, JSON.stringify(shown.status));
    assert.match(notice.text, /A US public notice, not a sanctions designation: Indicted/);
    assert.match(notice.text, /Source of the notice \(P002\)/);

    await page.locator('sanctions-screen details.more > summary').click();
    const website = page.locator('sanctions-screen input[name=website]');
    await website.fill('https://www.hopanatech.com/careers');
    await website.press('Enter');
    shown = await readResults(page);
    const seized = shown.hits.find((hit) => hit.sourceId === 'D002');
    assert.ok(seized, JSON.stringify(shown.status));
    assert.equal(seized.level, 'Strong match');
    assert.match(seized.text, /Seized/);
    await website.fill('');

    // The checklist: on in the page, ticked, counted, never a verdict.
    const checklist = page.locator('sanctions-screen details.checklist');
    await checklist.locator('summary').first().click();
    const boxes = checklist.locator('input[type=checkbox]');
    assert.ok((await boxes.count()) >= 20);
    await boxes.nth(0).check();
    await boxes.nth(8).check();
    assert.match(await checklist.locator('.flag-count').textContent(), /^2 of \d+ red flags ticked/);
    assert.match(await checklist.locator('.next-steps').textContent(), /FBI field office/);
    await page.emulateMedia({ media: 'print' });
    const printed = await checklist.locator('fieldset li').evaluateAll((items) =>
      items.filter((li) => li.checkVisibility()).map((li) => li.textContent));
    assert.equal(printed.length, 2, JSON.stringify(printed));
    assert.ok(await checklist.locator('.next-steps').evaluate((e) => e.checkVisibility()));
    await page.screenshot({ path: `${ARTIFACTS}page-print-checklist.png`, fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await assertPrivate(fresh);
    await fresh.context.close();
  });

  test('keyboard only: Tab reaches the name field, Enter screens', async () => {
    // A fresh page, so that Tab starts from the top.
    const fresh = await open('');
    const { page } = fresh;
    let focused = '';
    for (let i = 0; i < 6 && focused !== 'name'; i += 1) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.querySelector('sanctions-screen').shadowRoot.activeElement?.name ?? '');
    }
    assert.equal(focused, 'name');
    await page.keyboard.type('Kim Sang Man');
    await page.keyboard.press('Enter');
    const shown = await readResults(page);
    assert.equal(shown.hits[0]?.sourceId, '43377');
    await assertPrivate(fresh);
    await fresh.context.close();
  });

  test('a screenshot is saved, and nothing left the page or was stored', async () => {
    const { page } = session;
    await screenInElement(page, { name: 'Jong Song Hwa', company: 'Volasys Silverstar' });
    await page.screenshot({ path: `${ARTIFACTS}page.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${ARTIFACTS}page-phone.png`, fullPage: true });
    await assertPrivate(session);
  });
});

describe('example ATS page with the web component', () => {
  let session;
  before(async () => {
    session = await open('examples/ats.html');
  });
  after(async () => {
    await session.context.close();
  });

  /** Fills the ATS's own applicant form and submits it. */
  async function submitApplicant(page, applicant) {
    for (const [key, value] of Object.entries(applicant)) {
      await page.locator(`#applicant input[name=${key}]`).fill(value);
    }
    await page.getByRole('button', { name: 'Screen this applicant' }).click();
    return page.locator('#verdict').textContent();
  }

  test('the seed cases reach the element and the screening event', async () => {
    const { page } = session;
    for (const c of seedCases()) {
      const applicant = { name: '', company: '', [c.field]: c.text };
      const verdict = await submitApplicant(page, applicant);
      const shown = await readResults(page);
      if (c.expected) {
        assert.match(verdict, /sanctions match: hold this application/, c.text);
        assert.deepEqual([shown.hits[0].list, shown.hits[0].sourceId], [c.expected.list, c.expected.sourceId], c.text);
      } else {
        assert.equal(verdict, 'Clear: no match on the sanctions lists.', c.text);
      }
    }
  });

  test('the event detail carries the result, and attributes choose the lists', async () => {
    const { page } = session;
    const detail = await page.evaluate(() => new Promise((resolve) => {
      const element = document.getElementById('screen');
      element.addEventListener('screening', (event) => resolve(event.detail), { once: true });
      element.setAttribute('lists', 'un');
      element.setQuery({ company: 'Lazarus Group' });
    }));
    assert.deepEqual(detail.result.lists.map((l) => l.id), ['un']);
    assert.ok(detail.result.matches.every((m) => m.list === 'un'));
    await page.evaluate(() => document.getElementById('screen').removeAttribute('lists'));
  });

  test('themed through custom properties', async () => {
    const { page } = session;
    const accent = await page.locator('sanctions-screen button[type=submit]').evaluate((b) => getComputedStyle(b).backgroundColor);
    assert.equal(accent, 'rgb(47, 42, 74)');
  });

  test('hostile input is text, a screenshot is saved, nothing left the page', async () => {
    const { page } = session;
    const verdict = await submitApplicant(page, { name: HOSTILE, company: '' });
    assert.equal(verdict, 'Clear: no match on the sanctions lists.');
    const shown = await readResults(page);
    assert.equal(shown.images, 0);
    assert.equal(await page.locator('img').count(), 0);
    await submitApplicant(page, { name: 'Jong Song Hwa', company: 'Yanbian Silverstar', dob: '1970-02-05' });
    await page.screenshot({ path: `${ARTIFACTS}ats-example.png`, fullPage: true });
    await assertPrivate(session);
  });
});
