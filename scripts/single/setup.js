// Set-up of the single offline file (scripts/build-single): the module is
// carried in the page, gzip-compressed and base64-encoded in a data block,
// and decompressed here; batches run on the page, since a page opened from
// a file:// URL cannot start Web Workers. Imported (by entry.js) before the
// element, so that both are set before the element asks for its screener.
import { useWorkers } from '../../pkg/src/batch.js';
import { setWasmSource } from '../../pkg/src/browser.js';

useWorkers(false);
setWasmSource(async () => {
  const block = document.getElementById('sanctions-screen-wasm');
  if (!block) throw new Error('this page has lost the module it carries (no #sanctions-screen-wasm block)');
  const packed = Uint8Array.from(atob(block.textContent.trim()), (c) => c.charCodeAt(0));
  const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).arrayBuffer();
});
