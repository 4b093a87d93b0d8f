// Bundler smoke test: a tiny Vite app imports the package and its element by
// name and builds; the built app then screens in Chromium from its own files.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { build } from 'vite';

import { launchChromium } from '../../scripts/chromium.mjs';
import { serve } from '../../scripts/serve.mjs';

const APP = fileURLToPath(new URL('../fixtures/vite-app/', import.meta.url));
const WASM = fileURLToPath(new URL('../dist/sanctions_screen_bg.wasm', import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), 'sanctions-vite-'));
after(() => rmSync(outDir, { recursive: true, force: true }));

test('a Vite app imports the package, builds, and screens in the browser', async () => {
  await build({ root: APP, logLevel: 'warn', build: { outDir, emptyOutDir: true, target: 'es2022' } });
  const assets = readdirSync(join(outDir, 'assets'));
  const wasm = assets.filter((f) => f.endsWith('.wasm'));
  assert.equal(wasm.length, 1, `assets: ${assets}`);
  assert.equal(statSync(join(outDir, 'assets', wasm[0])).size, statSync(WASM).size);

  const server = await serve({ root: outDir });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.locator('#top:not(:empty)').waitFor({ timeout: 60_000 });
    assert.equal(await page.locator('#top').textContent(), '24977');
    await page.locator('sanctions-screen[ready]').waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
