// The one implementation of the package's API, shared by the browser and Node
// entry points; they differ only in how the .wasm bytes are found.
import init, {
  Screener as WasmScreener,
  takePanicMessage,
  __wbg_get_imports,
  __wbg_finalize_init,
} from '../dist/sanctions_screen.js';

/** Today's date in the user's time zone, as YYYY-MM-DD (the core reads no clock). */
export function localToday(now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Screens applicants against the embedded lists. Build it with
 * `createScreener()`; one instance serves any number of queries.
 *
 * A fault inside the WebAssembly module (a trap: a Rust panic, or memory
 * exhausted) leaves that module instance unusable. The screener throws an
 * Error that says so, drops the instance, and builds a fresh one from the
 * already compiled module on the next call: no request, no stale state.
 * Where the browser will not instantiate the module synchronously, that
 * call (and any until the new instance is ready, a fraction of a second)
 * throws an Error saying to try again.
 */
export class Screener {
  #wasm;
  #rebuild;

  /** `rebuild()` returns a fresh core screener on a new module instance. */
  constructor(wasm, rebuild) {
    this.#wasm = wasm;
    this.#rebuild = rebuild;
  }

  /**
   * Screens one applicant: `{ name, company, dob, country, wallet, idNumber,
   * phone }` (a name, a company or an identifier at least; the identifiers
   * take a string or an array). Returns `{ matches, warnings, threshold,
   * lists }`, the fields of the CLI's `--json` output. Throws an Error with a message a person can act
   * on (empty query, a field over 500 characters, a date that is not a date).
   */
  screen(query, options = {}) {
    if (query === null || typeof query !== 'object' || Array.isArray(query)) {
      throw new TypeError('screen() takes an object such as { name, company }');
    }
    if (options === null || options === undefined) options = {};
    if (typeof options !== 'object' || Array.isArray(options)) {
      throw new TypeError('screen() takes its options as an object such as { preset: "standard" }');
    }
    checkFields('query', query, QUERY_FIELDS);
    checkFields('options', options, OPTION_FIELDS);
    const opts = { ...options };
    if (opts.today === undefined) opts.today = localToday();
    return this.#call((wasm) => wasm.screen(withoutUnset(query), withoutUnset(opts)));
  }

  /** The embedded lists: publisher, date, age in days, stale flag, counts, files with sha256. */
  lists() {
    return this.#call((wasm) => wasm.lists(localToday()));
  }

  /**
   * The US advisories' hiring red flags: `{ groups: [{ title, items: [{ text,
   * sources }] }], sources: [{ key, text }], next_steps }`, for a checklist.
   */
  redFlags() {
    return this.#call((wasm) => wasm.redFlags());
  }

  #call(use) {
    this.#wasm ??= this.#rebuild();
    try {
      return use(this.#wasm);
    } catch (error) {
      if (!isTrap(error)) throw error;
      const panic = lastPanic();
      // Unregistered from the glue's finaliser, which would otherwise free
      // the old pointer inside the new instance.
      this.#wasm.__destroy_into_raw();
      this.#wasm = undefined;
      throw new Error(
        `the screener failed and was reset: ${panic ?? error.message}. ` +
          'Nothing was screened; the next call starts afresh. Please report this with the input that caused it.',
        { cause: error },
      );
    }
  }
}

// A trap (RuntimeError: unreachable, out of bounds) or a stack overflow
// (RangeError) inside the module; the core's own errors are plain Errors.
function isTrap(error) {
  return error instanceof WebAssembly.RuntimeError || error instanceof RangeError;
}

// The panic message the core's hook kept, if the instance can still say it.
function lastPanic() {
  try {
    return takePanicMessage() ?? undefined;
  } catch {
    return undefined;
  }
}

// What each field may hold: checked here so that a wrong type gets a message
// about the field, not about the module's internals.
const text = (v) => typeof v === 'string';
const texts = (v) => text(v) || (Array.isArray(v) && v.every(text));
const QUERY_FIELDS = {
  name: text,
  company: text,
  dob: text,
  country: text,
  wallet: texts,
  idNumber: texts,
  phone: texts,
  email: texts,
  website: texts,
  employer: texts,
};
const OPTION_FIELDS = {
  threshold: (v) => typeof v === 'number', // the core checks the range
  preset: text,
  limit: (v) => Number.isInteger(v) && v >= 1,
  lists: (v) => Array.isArray(v) && v.every(text),
  vesselsAndAircraft: (v) => typeof v === 'boolean',
  today: text,
};
const EXPECTED = {
  email: 'a string or an array of strings',
  website: 'a string or an array of strings',
  employer: 'a string or an array of strings',
  wallet: 'a string or an array of strings',
  idNumber: 'a string or an array of strings',
  phone: 'a string or an array of strings',
  threshold: 'a number from 0 to 1',
  limit: 'a whole number of at least 1 (0 would hide every match)',
  lists: 'an array of list ids such as ["un"]',
  vesselsAndAircraft: 'true or false',
};

// A misspelt field (`companyName`) would otherwise screen nothing and look clear.
function checkFields(what, object, fields) {
  for (const [key, value] of Object.entries(object)) {
    const valid = fields[key];
    if (!valid) {
      throw new Error(`unknown ${what} field "${key}": the fields are ${Object.keys(fields).join(', ')}`);
    }
    if (value === undefined || value === null) continue;
    if (!valid(value)) {
      throw new TypeError(`${what} field "${key}" must be ${EXPECTED[key] ?? 'a string'}, not ${describe(value)}`);
    }
    // A lone surrogate (half of an emoji, say) is not text the core can read.
    if ([value].flat().some((v) => typeof v === 'string' && !v.isWellFormed())) {
      throw new Error(`${what} field "${key}" holds a lone surrogate (broken text, such as half an emoji): remove it`);
    }
  }
}

function describe(value) {
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

// Optional fields left `undefined` or `null` mean "not given"; the core's
// strict field check should not see them.
function withoutUnset(object) {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined && v !== null));
}

/**
 * Compiles the module from `wasmSource` (bytes, a URL or a Response, or a
 * promise of one), instantiates it and builds the index, once: later calls
 * share the screener.
 */
let shared;
export function sharedScreener(wasmSource) {
  shared ??= (async () => {
    // Compiled here, not inside the glue, so that a trap can be followed by
    // a fresh instance of the same module without fetching it again.
    const module = await compile(await wasmSource());
    await init({ module_or_path: module });
    // After a trap: a new instance of the compiled module, the glue pointed
    // at it, and a new index. Browsers refuse to instantiate a large module
    // synchronously on the main thread (Chromium: over 8 MB), so when that is
    // refused the instance is made asynchronously, and calls until it is
    // ready say so.
    let ready;
    let pending;
    const finish = (instance) => {
      __wbg_finalize_init(instance, module);
      return new WasmScreener();
    };
    const rebuild = () => {
      if (ready) {
        const screener = ready;
        ready = undefined;
        return screener;
      }
      if (!pending) {
        try {
          return finish(new WebAssembly.Instance(module, __wbg_get_imports()));
        } catch (error) {
          if (!(error instanceof RangeError) && !/disallowed/i.test(error.message)) throw error;
          pending = WebAssembly.instantiate(module, __wbg_get_imports()).then(
            (instance) => {
              ready = finish(instance);
              pending = undefined;
            },
            () => {
              pending = undefined;
            },
          );
        }
      }
      throw new Error('the screener is being rebuilt after a failure: try again in a moment');
    };
    return new Screener(new WasmScreener(), rebuild);
  })().catch((error) => {
    shared = undefined; // let a later call try again
    throw error;
  });
  return shared;
}

async function compile(source) {
  if (source instanceof URL || typeof source === 'string') source = await fetch(source);
  if (typeof Response === 'function' && source instanceof Response) {
    if (!source.ok) {
      throw new Error(`cannot load the screener's .wasm: ${source.status} ${source.statusText} (${source.url})`);
    }
    // Streaming compilation needs the server to say application/wasm.
    if (source.headers.get('content-type')?.startsWith('application/wasm')) {
      return WebAssembly.compileStreaming(source);
    }
    source = await source.arrayBuffer();
  }
  return WebAssembly.compile(source);
}
