// Browsers and bundlers: the .wasm is fetched from beside this package, the
// only request the package ever makes.
import { sharedScreener, screenerWithLists } from './core.js';

export { Screener, BatchFile, localToday, VERSION } from './core.js';

// Where the .wasm comes from: beside this package, unless a page that
// carries the module inline (scripts/build-single) says otherwise.
let wasmSource = () => new URL('../dist/sanctions_screen_bg.wasm', import.meta.url);

/**
 * Sets where the .wasm comes from: a function returning its bytes, a URL or
 * a Response (or a promise of one). Call it before the first
 * `createScreener()`; the single offline file gives the module it carries.
 */
export function setWasmSource(source) {
  wasmSource = source;
}

/**
 * Loads the package's own .wasm and builds the index. With no options, once
 * per page: every call resolves to the same ready screener. With
 * `{ lists }` (the publishers' newer files: `{ 'sdn.csv': bytes, … }`, or
 * `{ bytes, date }` per file, or an array of `File`s), a screener over the
 * embedded lists with those in place of the ones they supersede.
 */
export function createScreener(options = {}) {
  const wasm = () => wasmSource();
  return options?.lists ? screenerWithLists(wasm, options.lists) : sharedScreener(wasm);
}
