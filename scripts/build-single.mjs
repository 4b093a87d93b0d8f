// Writes dist/sanctions-screen.html: the recruiter page as one file with
// everything inside, for a recruiter to save, e-mail or open from a USB stick
// with no server and no network. The scripts are bundled into one inline
// module; the .wasm is gzip-compressed and base64-encoded in a data block
// that the page decompresses; the CSS is inline. Its Content-Security-Policy
// is stricter than the served page's: nothing may be fetched at all
// (default-src 'none'), and the one script and one style run by their hashes.
// Run scripts/build-pkg first (scripts/build-single does).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import { rolldown } from 'rolldown';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = `${ROOT}dist/sanctions-screen.html`;
const hash = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

// One ES module: the set-up (module source, no workers), then the element.
const bundle = await rolldown({ input: `${ROOT}scripts/single/entry.js`, logLevel: 'warn' });
const { output } = await bundle.generate({ format: 'esm', minify: true });
await bundle.close();
if (output.length !== 1) throw new Error(`build-single: expected one bundle, got ${output.map((o) => o.fileName).join(', ')}`);
// `</script` inside the code would end the inline script early.
const script = output[0].code.replace(/<\/script/gi, '<\\/script');

const wasm = readFileSync(`${ROOT}www/pkg/dist/sanctions_screen_bg.wasm`);
const packed = gzipSync(wasm, { level: 9 }).toString('base64');
const style = readFileSync(`${ROOT}www/style.css`, 'utf8');

let html = readFileSync(`${ROOT}www/index.html`, 'utf8');
const csp = [
  "default-src 'none'",
  `script-src ${hash(script)} 'wasm-unsafe-eval'`,
  `style-src ${hash(style)}`,
  'img-src data:',
  "form-action 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');
const replace = (pattern, replacement) => {
  if (!pattern.test(html)) throw new Error(`build-single: www/index.html no longer has ${pattern}`);
  html = html.replace(pattern, () => replacement);
};
replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
// The single file fetches nothing: its preloads would be requests.
replace(/\n *<!-- Preloads:[\s\S]*?crossorigin>/, '');
replace(/<link rel="stylesheet" href="style.css">/, `<style>${style}</style>`);
replace(/<script type="module" src="pkg\/src\/element.js"><\/script>/, `<script type="module">${script}</script>`);
replace(/<\/body>/, `<script type="application/octet-stream" id="sanctions-screen-wasm">${packed}</script>\n</body>`);

mkdirSync(`${ROOT}dist`, { recursive: true });
writeFileSync(OUT, html);
const mb = (n) => `${(n / 1e6).toFixed(2)} MB`;
console.log(`wrote dist/sanctions-screen.html: ${mb(html.length)} (module ${mb(wasm.length)}, gzip ${mb(packed.length * 0.75)}, base64 ${mb(packed.length)}; script ${mb(script.length)})`);
