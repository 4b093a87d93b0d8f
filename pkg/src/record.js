// The screening record: evidence that a check was made, for a compliance
// file. One JSON document (schema below, versioned) and a printable view of
// it. The page stores nothing: a record exists only when the user downloads
// or prints it, and a saved record can be opened again, read-only.
//
// Schema, version 1 (every field always present unless marked):
//   record     "sanctions-screen screening record"
//   version    1
//   created    ISO 8601 date and time the record was made (UTC)
//   tool       { name, version, wasm_sha256 }: the package and the sha256 of
//              the WebAssembly module that screened (null without Web Crypto)
//   lists      each list screened against: { id, name, publisher, date,
//              age_days, stale, files: [{ path, url, date, sha256, bytes }] }
//   settings   { preset, threshold, lists, vesselsAndAircraft }
//   kind       "single" or "batch"
//   applicants [{ line (batch only), query, kept (batch only), status
//              ("clear", "alert", "error"), error, result }]: `result` is the
//              full screening (matches with their explanations) for single
//              screenings and batch alerts; null for clear and error rows
//   batch      (batch only) { file, rows, screened, cancelled, summary }
//   red_flags  the checklist items the reviewer ticked (single only, may be empty)
//   review     { decision: "cleared" | "escalated" | "needs_information" | null, note }

import { h, hitItem, statusLines } from './render.js';
import { VERSION } from './core.js';

export const RECORD_NAME = 'sanctions-screen screening record';
export const RECORD_VERSION = 1;

export const DECISIONS = [
  ['cleared', 'Cleared'],
  ['escalated', 'Escalated'],
  ['needs_information', 'Needs more information'],
];

/** A record of the screening the element just made (without its review yet). */
export function makeRecord({ screener, settings, kind, applicants, batch = null, redFlags = [], now = new Date() }) {
  return {
    record: RECORD_NAME,
    version: RECORD_VERSION,
    created: now.toISOString(),
    tool: { name: 'sanctions-screen', version: VERSION, wasm_sha256: screener.source.sha256 ?? null },
    lists: screener.lists().map((l) => ({
      id: l.id,
      name: l.name,
      publisher: l.publisher,
      date: l.date,
      age_days: l.age_days,
      stale: l.stale,
      files: l.files.map((f) => ({ path: f.path, url: f.url, date: f.date, sha256: f.sha256, bytes: f.bytes })),
    })),
    settings,
    kind,
    applicants,
    ...(batch ? { batch } : {}),
    red_flags: redFlags,
    review: { decision: null, note: '' },
  };
}

/**
 * Reads a saved record's text. Throws an Error that says what is wrong: not
 * JSON, not a record, or a version this tool does not know.
 */
export function readRecord(text) {
  let record;
  try {
    record = JSON.parse(text);
  } catch (error) {
    throw new Error(`this file is not a screening record: it is not JSON (${error.message})`);
  }
  if (record?.record !== RECORD_NAME) throw new Error('this file is not a sanctions-screen screening record');
  if (record.version !== RECORD_VERSION) {
    throw new Error(`this record has version ${record.version}; this tool reads version ${RECORD_VERSION}`);
  }
  for (const field of ['created', 'tool', 'lists', 'settings', 'kind', 'applicants', 'review']) {
    if (!(field in record)) throw new Error(`this record has no "${field}": it is damaged`);
  }
  return record;
}

/** How the lists a record was made with differ from the ones loaded now (empty: the same). */
export function listDifferences(record, lists) {
  const key = (l) => `${l.date} ${l.files.map((f) => f.sha256).join(',')}`;
  const now = new Map(lists.map((l) => [l.id, l]));
  const differences = [];
  for (const old of record.lists) {
    const current = now.get(old.id);
    if (!current) differences.push(`${old.name} (dated ${old.date}) is not loaded now`);
    else if (key(old) !== key(current)) differences.push(`${old.name}: dated ${old.date} in the record, ${current.date} now`);
  }
  for (const current of lists) {
    if (!record.lists.some((l) => l.id === current.id)) differences.push(`${current.name} is loaded now but was not in the record`);
  }
  return differences;
}

/** The read-only, printable view of a record: one section per applicant. */
export function recordView(record, currentLists = null) {
  const differences = currentLists ? listDifferences(record, currentLists) : [];
  const decision = DECISIONS.find(([value]) => value === record.review.decision)?.[1] ?? 'No decision recorded';
  const when = new Date(record.created);
  const head = h('header', { class: 'record-head' },
    h('h2', {}, `Screening record (${record.kind === 'batch' ? `${record.applicants.length} applicants` : 'one applicant'})`),
    h('dl', {},
      h('dt', {}, 'Made'), h('dd', {}, Number.isNaN(when.getTime()) ? record.created : when.toUTCString()),
      h('dt', {}, 'Tool'), h('dd', {}, `${record.tool.name} ${record.tool.version}; module sha256 ${record.tool.wasm_sha256 ?? 'not computed'}`),
      h('dt', {}, 'Sensitivity'), h('dd', {}, record.settings.preset ? `${record.settings.preset} (threshold ${record.settings.threshold})` : `threshold ${record.settings.threshold}`),
      h('dt', {}, 'Decision'), h('dd', { class: 'decision' }, decision),
      h('dt', {}, 'Note'), h('dd', { class: 'note' }, record.review.note || '(none)'),
      record.red_flags?.length ? [h('dt', {}, 'Red flags ticked'), h('dd', {}, record.red_flags.join('; '))] : null,
      record.batch ? [h('dt', {}, 'File'), h('dd', {}, `${record.batch.file}: ${record.batch.screened} of ${record.batch.rows} rows screened${record.batch.cancelled ? ' (cancelled)' : ''}`)] : null,
    ),
    h('h3', {}, 'Lists'),
    h('ul', { class: 'record-lists' }, record.lists.map((l) =>
      h('li', {}, `${l.name}, dated ${l.date}${l.stale ? ' (out of date when screened)' : ''}: `,
        l.files.map((f) => `${f.path} sha256 ${f.sha256}`).join('; ')))),
  );
  const warning = differences.length
    ? h('p', { class: 'stale', role: 'note' }, 'This record was made with other lists than the ones loaded now: ', differences.join('; '), '.')
    : null;
  const applicants = record.applicants.map((a) =>
    h('section', { class: 'record-applicant' },
      h('h3', {}, [a.line ? `Line ${a.line}: ` : '', describe(a.query)].join('')),
      a.error ? h('p', { class: 'error' }, `Not screened: ${a.error}`) : null,
      a.result ? statusLines(a.query, a.result) : a.status === 'clear' ? h('p', { class: 'clear' }, 'No match.') : null,
      a.result ? h('ol', { class: 'results' }, a.result.matches.map((m) => hitItem(m, a.query))) : null,
    ));
  return h('article', { class: 'record', part: 'record' }, head, warning, applicants);
}

function describe(query) {
  if (!query) return 'a row that could not be read';
  const parts = Object.entries(query).map(([k, v]) => `${k}: ${[v].flat().join('; ')}`);
  return parts.join(', ') || 'an empty row';
}

/**
 * The reviewer's part of a record: a decision, a note, and the buttons that
 * save the record as JSON or print it. `build()` returns the record of what
 * is on screen now (or null when there is nothing to record); `print(record)`
 * shows it for printing.
 */
export class RecordPanel {
  #build;
  #print;
  #note;
  #message;
  #radios;
  #decision = null;

  constructor({ uid, label, build, print, download }) {
    this.#build = build;
    this.#print = print;
    const name = `decision-${uid}-${label.replace(/\W/g, '')}`;
    this.#radios = [];
    const radios = DECISIONS.map(([value, text]) => {
      const radio = h('input', { type: 'radio', name, value });
      this.#radios.push(radio);
      radio.addEventListener('change', () => {
        this.#decision = value;
      });
      return h('label', { class: 'inline' }, radio, ` ${text}`);
    });
    this.#note = h('textarea', { rows: 2, 'aria-label': 'Note for the record' });
    const save = h('button', { type: 'button', class: 'secondary' }, 'Save record (JSON)');
    save.addEventListener('click', () => {
      const record = this.record();
      if (record) download(`screening-record-${record.created.slice(0, 19).replace(/:/g, '')}.json`, `${JSON.stringify(record, null, 2)}\n`, 'application/json');
    });
    const printButton = h('button', { type: 'button', class: 'secondary' }, 'Print record');
    printButton.addEventListener('click', () => {
      const record = this.record();
      if (record) this.#print(record);
    });
    this.#message = h('p', { class: 'hint' }, 'Nothing is stored: the record exists only once you save or print it.');
    this.root = h('fieldset', { class: 'record-panel', part: 'record-panel' },
      h('legend', {}, `Record this ${label}`),
      h('div', { class: 'decisions', role: 'radiogroup', 'aria-label': 'Decision' }, radios),
      h('label', {}, 'Note', this.#note),
      h('div', { class: 'buttons' }, save, ' ', printButton),
      this.#message);
  }

  /**
   * Clears the decision and the note: called for every new screening, so
   * that a decision is never recorded against an applicant it was not made for.
   */
  reset() {
    this.#decision = null;
    this.#note.value = '';
    for (const radio of this.#radios) radio.checked = false;
  }

  /** The record of what is on screen, with the decision and note, or null. */
  record() {
    const record = this.#build();
    if (!record) {
      this.#message.textContent = 'Screen something first: there is nothing to record yet.';
      return null;
    }
    record.review = { decision: this.#decision, note: this.#note.value.trim() };
    return record;
  }
}
