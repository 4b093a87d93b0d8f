// Node >= 20: the .wasm is read from the package folder; no network at all.
import { readFile } from 'node:fs/promises';

import { sharedScreener } from './core.js';

export { Screener, localToday } from './core.js';

/**
 * Loads the package's own .wasm and builds the index, once per process:
 * every call resolves to the same ready screener.
 */
export function createScreener() {
  return sharedScreener(() => readFile(new URL('../dist/sanctions_screen_bg.wasm', import.meta.url)));
}
