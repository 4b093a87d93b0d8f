// Browsers and bundlers: the .wasm is fetched from beside this package, the
// only request the package ever makes.
import { sharedScreener } from './core.js';

export { Screener, localToday } from './core.js';

/**
 * Loads the package's own .wasm and builds the index, once per page:
 * every call resolves to the same ready screener.
 */
export function createScreener() {
  return sharedScreener(() => new URL('../dist/sanctions_screen_bg.wasm', import.meta.url));
}
