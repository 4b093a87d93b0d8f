// The one implementation of the package's API, shared by the browser and Node
// entry points; they differ only in how the .wasm bytes are found.
import {
  Screener as WasmScreener,
  BatchFile as WasmBatchFile,
  takePanicMessage,
  __wbg_get_imports,
  __wbg_finalize_init,
} from '../dist/sanctions_screen.js';

/** The package's version (package.json's; a test keeps them equal), for screening records. */
export const VERSION = '0.1.0';

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
  #generation = -1;
  #make;
  #source;

  /**
   * `make()` builds a core screener on the module's current instance;
   * `source` is `{ module, sha256, listFiles }`: the compiled module, the
   * sha256 of its bytes, and the list files it was built from (or null).
   */
  constructor(make, source) {
    this.#make = () => track(make());
    this.#source = source;
    this.#wasm = this.#make();
    this.#generation = generation;
  }

  /**
   * What this screener runs: `{ module, sha256, listFiles }`, the compiled
   * WebAssembly module (for a Worker to instantiate without fetching it
   * again), the sha256 of the module's bytes (hex, or null where the
   * environment has no Web Crypto), and the list files given to
   * `createScreener`, if any.
   */
  get source() {
    return this.#source;
  }

  /**
   * Reads a batch file (CSV with a header, or JSONL; `fileName` decides by
   * its extension, else the content). Every line is accounted for: rows that
   * cannot be screened are listed with their line number in `summary()`.
   * Columns that are not query fields are kept for the reports. Throws only
   * when nothing can be screened (no header, no `name` or `company` column).
   */
  openBatch(bytes, fileName = 'batch.csv') {
    if (typeof bytes === 'string') bytes = new TextEncoder().encode(bytes);
    if (!(bytes instanceof Uint8Array)) {
      throw new TypeError('openBatch() takes the file as a Uint8Array or a string');
    }
    return this.#call(() => new BatchFile(track(new WasmBatchFile(bytes, fileName)), this));
  }

  /** Screens rows `start` to `end` (exclusive) of a batch: `{ outcomes, lists }`. */
  screenRows(batch, start, end, options = {}) {
    checkFields('options', options ?? {}, OPTION_FIELDS);
    const opts = { ...options };
    if (opts.today === undefined) opts.today = localToday();
    return this.#call((wasm) => wasm.screenRows(batch.inner, start, end, withoutUnset(opts)));
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
   * The core's numbers, for a form to show and check: `{ presets: [{ name,
   * threshold }], default_preset, strong_from, max_field_chars }`.
   */
  limits() {
    return this.#call((wasm) => wasm.limits());
  }

  /**
   * The US advisories' hiring red flags: `{ groups: [{ title, items: [{ text,
   * sources }] }], sources: [{ key, text }], next_steps }`, for a checklist.
   */
  redFlags() {
    return this.#call((wasm) => wasm.redFlags());
  }

  #call(use) {
    // Another screener's trap replaced the instance this one lived in (its
    // object was already unregistered then).
    if (this.#wasm && this.#generation !== generation) this.#wasm = undefined;
    if (!this.#wasm) {
      if (replacing) throw new Error('the screener is being rebuilt after a failure: try again in a moment');
      this.#wasm = this.#make();
      this.#generation = generation;
    }
    try {
      return use(this.#wasm);
    } catch (error) {
      if (!isTrap(error)) throw error;
      const panic = lastPanic();
      // A new instance; every object of the old one (this screener's, and
      // any other's) is unregistered from the glue's finaliser first.
      this.#wasm = undefined;
      replaceInstance(this.#source.module);
      throw new Error(
        `the screener failed and was reset: ${panic ?? error.message}. ` +
          'Nothing was screened; the next call starts afresh. Please report this with the input that caused it.',
        { cause: error },
      );
    }
  }
}

/**
 * A batch file read by `Screener.openBatch`: its rows as read, and the CSV
 * and JSON reports of its outcomes. Holds WebAssembly memory: `free()` it
 * when done.
 */
export class BatchFile {
  #inner;
  #generation;
  #screener;

  constructor(inner, screener) {
    this.#inner = inner;
    this.#generation = generation;
    this.#screener = screener;
  }

  /**
   * The core's batch file, while the module instance it lives in does: a
   * trap since it was read replaced that instance, and its memory with it.
   */
  get inner() {
    if (this.#generation !== generation) {
      throw new Error('this batch file was read before the screener was reset after a failure: open it again');
    }
    return this.#inner;
  }

  /** `{ format, lines, rows, header_line, blank_lines, kept_columns, bad_rows }`. */
  summary() {
    return this.inner.summary();
  }

  /** The number of rows to screen (every line but the header and blank ones). */
  get rows() {
    return this.inner.rows;
  }

  /** Row `index` (from 0) as read: `{ line, query, error, kept }`. */
  row(index) {
    return this.inner.row(index);
  }

  /** Screens rows `start` to `end` (exclusive): `{ outcomes, lists }`. */
  screen(start, end, options) {
    return this.#screener.screenRows(this, start, end, options);
  }

  /** The CSV report: every row in input order, formula cells neutralised. */
  csv(outcomes, lists) {
    return this.inner.csv(outcomes, lists);
  }

  /** The JSON report, as text. */
  json(outcomes, lists) {
    return this.inner.json(outcomes, lists);
  }

  /** Gives its memory back (a batch from before a reset has none to give). */
  free() {
    if (this.#generation === generation) this.#inner.free();
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
  for (const key of Object.keys(object)) {
    const value = object[key];
    const valid = fields[key];
    if (!valid) {
      throw new Error(`unknown ${what} field "${key}": the fields are ${Object.keys(fields).join(', ')}`);
    }
    if (value === undefined || value === null) continue;
    if (!valid(value)) {
      throw new TypeError(`${what} field "${key}" must be ${EXPECTED[key] ?? 'a string'}, not ${describe(value)}`);
    }
    // A lone surrogate (half of an emoji, say) is not text the core can read.
    const broken = (v) => typeof v === 'string' && !v.isWellFormed();
    if (Array.isArray(value) ? value.some(broken) : broken(value)) {
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
// strict field check should not see them. Most calls set none: those pass
// as they are, without a copy.
function withoutUnset(object) {
  const unset = (v) => v === undefined || v === null;
  if (!Object.keys(object).some((key) => unset(object[key]))) return object;
  return Object.fromEntries(Object.entries(object).filter(([, v]) => !unset(v)));
}

// The module is compiled and instantiated once per page, process or worker;
// every screener lives in its one instance. A trap kills that instance:
// `replaceInstance` makes a new one from the compiled module (no request),
// `generation` counts them, and each screener rebuilds itself in the new one
// on its next call.
let loaded;
let generation = 0;
let replacing;

// Every object the glue made in the current instance. When a trap replaces
// the instance they are unregistered from the glue's finaliser, which would
// otherwise free their old pointers inside the new instance's memory.
let live = new Set();
function track(object) {
  live.add(new WeakRef(object));
  return object;
}
function forgetOldInstance() {
  for (const ref of live) ref.deref()?.__destroy_into_raw();
  live = new Set();
}

/**
 * Compiles the module from `wasmSource()` (bytes, a URL, a Response, a
 * promise of one, or a screener's `source`) and instantiates it, once.
 */
function loadModule(wasmSource) {
  loaded ??= (async () => {
    const { module, sha256 } = await compile(await wasmSource());
    // Instantiated here rather than by the glue's init(), which reads the
    // globals `Request` and `Response` and so, in Node, loads fetch.
    __wbg_finalize_init(await WebAssembly.instantiate(module, __wbg_get_imports()), module);
    return { module, sha256: await sha256 };
  })().catch((error) => {
    loaded = undefined; // let a later call try again
    throw error;
  });
  return loaded;
}

// Browsers refuse to instantiate a large module synchronously on the main
// thread (Chromium: over 8 MB); then the instance is made asynchronously,
// and calls until it is ready say so.
function replaceInstance(module) {
  const finish = (instance) => {
    forgetOldInstance();
    __wbg_finalize_init(instance, module);
    generation += 1;
  };
  try {
    finish(new WebAssembly.Instance(module, __wbg_get_imports()));
  } catch (error) {
    if (!(error instanceof RangeError) && !/disallowed/i.test(error.message)) throw error;
    replacing ??= WebAssembly.instantiate(module, __wbg_get_imports()).then(
      (instance) => {
        finish(instance);
        replacing = undefined;
      },
      () => {
        replacing = undefined;
      },
    );
  }
}

/** The screener over the embedded lists: built once, shared by every caller. */
let shared;
export function sharedScreener(wasmSource) {
  shared ??= loadModule(wasmSource)
    .then(({ module, sha256 }) => new Screener(() => new WasmScreener(), { module, sha256, listFiles: null }))
    .catch((error) => {
      shared = undefined;
      throw error;
    });
  return shared;
}

/**
 * A screener over list files the user gave (`{ 'sdn.csv': bytes, … }`, the
 * publishers' own files), parsed by the same Rust parsers the build uses.
 * Lists not among the files stay as embedded. Throws an Error naming the
 * file and line of anything it cannot read.
 */
export async function screenerWithLists(wasmSource, listFiles) {
  const files = await listFileBytes(listFiles);
  const { module, sha256 } = await loadModule(wasmSource);
  return new Screener(() => WasmScreener.withListFiles(files), { module, sha256, listFiles: files });
}

/** The screener a `source` (a screener's `source`, as a Worker is given it) describes. */
export function screenerFrom(source) {
  return source.listFiles ? screenerWithLists(() => source, source.listFiles) : sharedScreener(() => source);
}

/**
 * `[{ name, bytes, date }]` from `{ name: bytes }` or `{ name: { bytes, date } }`,
 * an array of `File`s (their date: when saved), or that array already made.
 */
async function listFileBytes(listFiles) {
  const entries = Array.isArray(listFiles)
    ? listFiles
    : Object.entries(listFiles ?? {}).map(([name, value]) =>
        value?.bytes ? { name, bytes: value.bytes, date: value.date } : { name, bytes: value },
      );
  if (entries.length === 0) throw new Error('no list files given: pick the publishers\' files (sdn.csv, alt.csv, add.csv, sdn_comments.csv, cons_*.csv, consolidated.xml)');
  return Promise.all(
    entries.map(async (entry) => {
      const name = entry.name;
      // A File is its own bytes (its `bytes` is a method in newer browsers).
      const isBlob = typeof Blob === 'function' && entry instanceof Blob;
      let bytes = isBlob ? entry : (entry.bytes ?? entry);
      if (typeof Blob === 'function' && bytes instanceof Blob) bytes = new Uint8Array(await bytes.arrayBuffer());
      if (bytes instanceof ArrayBuffer) bytes = new Uint8Array(bytes);
      if (typeof bytes === 'string') bytes = new TextEncoder().encode(bytes);
      if (!(bytes instanceof Uint8Array)) throw new TypeError(`list file ${name}: give its bytes (a Uint8Array, ArrayBuffer, Blob or File)`);
      // OFAC's files carry no date: the one given, else when the file was saved.
      const date = entry.date ?? (entry.lastModified ? localToday(new Date(entry.lastModified)) : null);
      return { name, bytes, date };
    }),
  );
}

/**
 * The compiled module and a promise of its bytes' sha256, from bytes, a URL,
 * a Response or an already compiled module (a Worker is given the page's).
 */
async function compile(source) {
  if (source && typeof source === 'object' && 'module' in source && source.module instanceof WebAssembly.Module) {
    return { module: source.module, sha256: Promise.resolve(source.sha256 ?? null) };
  }
  // Bytes go straight to the compiler: in Node, merely reading the global
  // `Response` loads its fetch implementation (20-30 ms of a cold start).
  if (!(source instanceof ArrayBuffer || ArrayBuffer.isView(source))) {
    if (source instanceof URL || typeof source === 'string') source = await fetch(source);
    if (typeof Response === 'function' && source instanceof Response) {
      if (!source.ok) {
        throw new Error(`cannot load the screener's .wasm: ${source.status} ${source.statusText} (${source.url})`);
      }
      // Streaming compilation needs the server to say application/wasm; the
      // copy is hashed alongside, for the screening record. Its reading and
      // hashing start now, beside the compile: started once the compile
      // was done, they kept the page from being ready for some 25 ms more
      // (Chromium, 40 fresh contexts each, alternated).
      if (source.headers.get('content-type')?.startsWith('application/wasm')) {
        const sha256 = source.clone().arrayBuffer().then(sha256Hex);
        // Should the compile fail first, the hash's own failure is not news.
        sha256.catch(() => {});
        return { module: await WebAssembly.compileStreaming(source), sha256 };
      }
      source = await source.arrayBuffer();
    }
  }
  return { module: await WebAssembly.compile(source), sha256: sha256Hex(source) };
}

/** Hex sha256 of some bytes, or null without Web Crypto (an insecure http: page). */
async function sha256Hex(bytes) {
  if (!globalThis.crypto?.subtle) return null;
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
