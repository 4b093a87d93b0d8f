// The package as users install it: the `npm pack` tarball that
// scripts/build-pkg writes (target/pkg-tarball/) is installed into a scratch
// project, then used from Node and from a Vite build. This proves the
// package.json `files` list and `exports`, which the other tests (reading
// pkg/ in place) cannot.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { build } from 'vite';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TARBALLS = join(ROOT, 'target/pkg-tarball');
const scratch = mkdtempSync(join(tmpdir(), 'sanctions-tarball-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

before(() => {
  const [tarball] = readdirSync(TARBALLS).filter((f) => f.endsWith('.tgz'));
  assert.ok(tarball, `no tarball in ${TARBALLS}: run scripts/build-pkg`);
  writeFileSync(
    join(scratch, 'package.json'),
    JSON.stringify({ name: 'scratch', private: true, type: 'module', dependencies: { 'sanctions-screen': `file:${join(TARBALLS, tarball)}` } }),
  );
  // The package has no dependencies of its own: this needs no network.
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--silent'], { cwd: scratch, stdio: 'pipe' });
});

test('the installed tarball holds what its exports name, and nothing of the sources', () => {
  const installed = join(scratch, 'node_modules/sanctions-screen');
  const files = execFileSync('find', ['.', '-type', 'f'], { cwd: installed, encoding: 'utf8' }).trim().split('\n').sort();
  for (const needed of ['./package.json', './README.md', './src/index.d.ts', './src/node.js', './src/browser.js', './src/element.js', './dist/sanctions_screen.js', './dist/sanctions_screen_bg.wasm']) {
    assert.ok(files.includes(needed), `${needed} missing from the tarball: ${files}`);
  }
  assert.ok(files.every((f) => !f.includes('test/') && !f.includes('bench/') && !f.endsWith('.d.ts.map')), `${files}`);
});

test('Node imports the installed package by name and screens', () => {
  writeFileSync(
    join(scratch, 'use.mjs'),
    `import { createScreener } from 'sanctions-screen';
const s = await createScreener();
console.log(JSON.stringify({ top: s.screen({ company: 'Yanbian Silverstar' }).matches[0].source_id, lists: s.lists().length }));`,
  );
  const out = JSON.parse(execFileSync('node', ['use.mjs'], { cwd: scratch, encoding: 'utf8' }));
  assert.deepEqual(out, { top: '24977', lists: 4 });
});

test('a Vite build of the installed package bundles its module', async () => {
  cpSync(fileURLToPath(new URL('../fixtures/vite-app/', import.meta.url)), join(scratch, 'app'), { recursive: true });
  cpSync(join(scratch, 'node_modules'), join(scratch, 'app/node_modules'), { recursive: true });
  const outDir = join(scratch, 'dist');
  await build({ root: join(scratch, 'app'), logLevel: 'warn', build: { outDir, emptyOutDir: true, target: 'es2022' } });
  const wasm = readdirSync(join(outDir, 'assets')).filter((f) => f.endsWith('.wasm'));
  assert.equal(wasm.length, 1);
  assert.equal(statSync(join(outDir, 'assets', wasm[0])).size, statSync(join(ROOT, 'pkg/dist/sanctions_screen_bg.wasm')).size);
});
