// The one implementation of the package's API, shared by the browser and Node
// entry points; they differ only in how the .wasm bytes are found.
import init, { Screener as WasmScreener } from '../dist/sanctions_screen.js';

/** Today's date in the user's time zone, as YYYY-MM-DD (the core reads no clock). */
export function localToday(now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Screens applicants against the embedded lists. Build it with
 * `createScreener()`; one instance serves any number of queries.
 */
export class Screener {
  #wasm;

  constructor(wasm) {
    this.#wasm = wasm;
  }

  /**
   * Screens one applicant: `{ name, company, dob, country }` (a name or a
   * company at least). Returns `{ matches, threshold, lists }`, the fields of
   * the CLI's `--json` output. Throws an Error with a message a person can act
   * on (empty query, a field over 500 characters, a date that is not a date).
   */
  screen(query, options = {}) {
    if (query === null || typeof query !== 'object') {
      throw new TypeError('screen() takes an object such as { name, company }');
    }
    checkKeys('query', query, QUERY_KEYS);
    checkKeys('options', options, OPTION_KEYS);
    const opts = { ...options };
    if (opts.today === undefined) opts.today = localToday();
    return this.#wasm.screen(withoutUndefined(query), withoutUndefined(opts));
  }

  /** The embedded lists: publisher, date, age in days, stale flag, counts, files with sha256. */
  lists() {
    return this.#wasm.lists(localToday());
  }
}

const QUERY_KEYS = ['name', 'company', 'dob', 'country'];
const OPTION_KEYS = ['threshold', 'preset', 'limit', 'lists', 'vesselsAndAircraft', 'today'];

// A misspelt field (`companyName`) would otherwise screen nothing and look clear.
function checkKeys(what, object, known) {
  for (const key of Object.keys(object)) {
    if (!known.includes(key)) {
      throw new Error(`unknown ${what} field "${key}": the fields are ${known.join(', ')}`);
    }
  }
}

// Optional fields left `undefined` mean "not given"; the core's strict field
// check should not see them.
function withoutUndefined(object) {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined));
}

/**
 * Instantiates the module from `wasmSource` (bytes, a URL or a Response, or a
 * promise of one) and builds the index, once: later calls share the screener.
 */
let shared;
export function sharedScreener(wasmSource) {
  shared ??= (async () => {
    await init({ module_or_path: await wasmSource() });
    return new Screener(new WasmScreener());
  })().catch((error) => {
    shared = undefined; // let a later call try again
    throw error;
  });
  return shared;
}
