// Node >= 20: the .wasm is read from the package folder; no network at all.
import { readFile } from 'node:fs/promises';

import { sharedScreener, screenerWithLists } from './core.js';

export { Screener, BatchFile, localToday, VERSION } from './core.js';

// Where the .wasm comes from: the package folder, unless told otherwise.
let wasmSource = () => readFile(new URL('../dist/sanctions_screen_bg.wasm', import.meta.url));

/** Sets where the .wasm comes from (bytes, or a promise of them); before the first `createScreener()`. */
export function setWasmSource(source) {
  wasmSource = source;
}

/**
 * Loads the package's own .wasm and builds the index. With no options, once
 * per process: every call resolves to the same ready screener. With
 * `{ lists }` (the publishers' newer files: `{ 'sdn.csv': bytes, … }`, or
 * `{ bytes, date }` per file), a screener over the embedded lists with
 * those in place of the ones they supersede.
 */
export function createScreener(options = {}) {
  const wasm = () => wasmSource();
  return options?.lists ? screenerWithLists(wasm, options.lists) : sharedScreener(wasm);
}
