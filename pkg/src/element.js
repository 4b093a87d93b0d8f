// <sanctions-screen>: the screening form and its explained results, as a
// custom element with Shadow DOM. The recruiter page (www/) is this element
// plus a page around it; an applicant-tracking system embeds the same element.
//
// Fields: name, company, date of birth, country, and under "More details"
// wallet addresses, ID and phone numbers (several separated by ;).
// Attributes: `preset` (strict, standard or broad: the sensitivity the user
// starts with; the form lets them change it), `threshold` (0..1, overrides
// the preset), `lists` (comma-separated ids: ofac_sdn,ofac_cons,un),
// `vessels` (also screen companies against listed vessels and aircraft). Theming: the --sanctions-screen-* custom properties
// below, and ::part(form|lists|status|results|hit).
// Event: `screening` (bubbles, composed) with `detail = { query, result }`
// after every screening; `detail.error` (a message) instead of `result` when
// the query could not be screened.
//
// Every value from a list or from the user is set as text (textContent,
// attributes), never parsed as HTML. Nothing is stored.

import { createScreener } from './browser.js';
import { warmBatchWorkers } from './batch.js';
import { BatchView, download } from './batch-view.js';
import { ListFilesControl } from './lists-view.js';
import { makeRecord, readRecord, RecordPanel, recordView } from './record.js';
import { h, hitItem, IDENTIFIER_FIELDS, statusLines, thousands } from './render.js';

/** Wait this long after the last keystroke before screening as the user types. */
const TYPING_PAUSE_MS = 200;

const CSS = `
:host {
  --_accent: var(--sanctions-screen-accent, #0b4f8a);
  --_fg: var(--sanctions-screen-fg, #1a1a1a);
  --_muted: var(--sanctions-screen-muted, #4a4a4a);
  --_bg: var(--sanctions-screen-bg, #ffffff);
  --_panel: var(--sanctions-screen-panel, #f4f6f8);
  --_strong: var(--sanctions-screen-strong, #a4000f);
  --_possible: var(--sanctions-screen-possible, #8a4b00);
  --_clear: var(--sanctions-screen-clear, #1d6b2f);
  --_radius: var(--sanctions-screen-radius, 6px);
  display: block;
  color: var(--_fg);
  background: var(--_bg);
  font: var(--sanctions-screen-font, 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
}
* { box-sizing: border-box; }
form { display: grid; gap: .75rem; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); align-items: end; }
details.more { grid-column: 1 / -1; }
details.more summary { cursor: pointer; font-weight: 600; color: var(--_accent); }
details.more .fields { display: grid; gap: .75rem; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); margin-top: .5rem; }
.status .warning { color: var(--_possible); font-weight: 400; }
.identity { border-left: 4px solid var(--_strong); padding-left: .5rem; font-weight: 600; }
.notice { border-left: 4px solid var(--_possible); padding-left: .5rem; }
details.checklist { margin-top: 1.5rem; padding: .75rem 1rem; border: 1px solid #c9cdd2; border-radius: var(--_radius); }
details.checklist > summary { cursor: pointer; font-weight: 600; color: var(--_accent); }
details.checklist fieldset { border: 0; padding: 0; margin: .75rem 0; }
details.checklist legend { font-weight: 600; }
details.checklist ul { list-style: none; padding-left: 0; margin: .25rem 0; }
details.checklist li { margin: .3rem 0; }
details.checklist label { font-weight: 400; display: inline; }
details.checklist input[type=checkbox] { width: auto; margin-right: .35rem; }
.sources { color: var(--_muted); font-size: .85rem; }
.flag-count { font-weight: 600; }
label { display: grid; gap: .25rem; font-weight: 600; }
.hint { font-weight: 400; color: var(--_muted); font-size: .875rem; }
input, select {
  font: inherit; padding: .5rem .625rem; border: 1px solid #6b6b6b; border-radius: var(--_radius);
  color: var(--_fg); background: var(--_bg); width: 100%;
}
input:focus-visible, select:focus-visible, button:focus-visible, a:focus-visible { outline: 3px solid var(--_accent); outline-offset: 2px; }
button {
  font: inherit; font-weight: 600; padding: .55rem 1.25rem; border: 0; border-radius: var(--_radius);
  background: var(--_accent); color: #fff; cursor: pointer; justify-self: start;
}
.lists { margin: 1rem 0 .5rem; font-size: .875rem; color: var(--_muted); }
.stale {
  margin: .5rem 0; padding: .5rem .75rem; border-left: 4px solid var(--_possible);
  background: #fff4e5; color: #5c3200; font-size: .9rem;
}
.status { margin: 1rem 0 .5rem; font-weight: 600; }
.status p { margin: .25rem 0; }
.status .clear { color: var(--_clear); }
.status .alert { color: var(--_strong); }
.error { color: var(--_strong); font-weight: 600; }
ol.results { list-style: none; margin: 0; padding: 0; display: grid; gap: .75rem; }
.hit { border: 1px solid #c9cdd2; border-left: 6px solid var(--_possible); border-radius: var(--_radius); padding: .75rem 1rem; background: var(--_panel); }
.hit.strong { border-left-color: var(--_strong); }
.hit h3 { margin: 0 0 .25rem; font-size: 1.05rem; display: flex; flex-wrap: wrap; gap: .5rem; align-items: baseline; }
.level { text-transform: uppercase; letter-spacing: .02em; font-size: .85rem; padding: .1rem .45rem; border-radius: 3px; color: #fff; background: var(--_possible); }
.strong .level { background: var(--_strong); }
.score { font-weight: 400; color: var(--_muted); font-size: .9rem; }
.hit p, .hit ul { margin: .35rem 0; }
.hit ul { padding-left: 1.25rem; }
.checks .conflict { color: var(--_strong); }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .75rem; margin: .5rem 0; font-size: .9rem; }
dt { color: var(--_muted); }
dd { margin: 0; overflow-wrap: anywhere; }
a { color: var(--_accent); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (max-width: 30rem) { dl { grid-template-columns: 1fr; } dd { margin-bottom: .35rem; } }
button.secondary { background: var(--_panel); color: var(--_accent); border: 1px solid var(--_accent); padding: .35rem .8rem; }
[hidden] { display: none !important; }
.modes { display: flex; gap: .25rem; margin-bottom: 1rem; border-bottom: 2px solid var(--_accent); }
.modes .tab { background: var(--_panel); color: var(--_accent); border-radius: var(--_radius) var(--_radius) 0 0; }
.modes .tab[aria-selected=true] { background: var(--_accent); color: #fff; }
.drop { display: grid; gap: .35rem; padding: 1rem; border: 2px dashed #8a8f96; border-radius: var(--_radius); margin-bottom: .75rem; }
.drop.over { border-color: var(--_accent); background: var(--_panel); }
textarea { font: inherit; font-family: ui-monospace, monospace; width: 100%; padding: .5rem; border: 1px solid #6b6b6b; border-radius: var(--_radius); }
.progress { display: flex; gap: .75rem; align-items: center; margin: .75rem 0; }
.progress progress { flex: 1; height: 1.25rem; }
.toolbar { display: flex; flex-wrap: wrap; gap: 1rem; justify-content: space-between; align-items: center; margin: .5rem 0; }
label.inline { display: inline; font-weight: 400; }
label.inline select { width: auto; }
table.batch-table { width: 100%; border-collapse: collapse; font-size: .9rem; }
.batch-table th, .batch-table td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #d5d8dc; vertical-align: top; }
.batch-table tr.alert.strong td:nth-child(4) { color: var(--_strong); font-weight: 600; }
.batch-table tr.alert td:nth-child(4) { color: var(--_possible); font-weight: 600; }
.batch-table tr.error td:nth-child(4) { color: var(--_muted); }
.batch-table tr.explained td { background: var(--_panel); }
fieldset.record-panel { margin: 1rem 0; border: 1px solid #c9cdd2; border-radius: var(--_radius); }
fieldset.record-panel .decisions { display: flex; flex-wrap: wrap; gap: 1rem; margin-bottom: .5rem; }
fieldset.record-panel input[type=radio] { width: auto; }
.tools { display: flex; flex-wrap: wrap; gap: 1.5rem; margin: 1rem 0; font-size: .9rem; }
.tools summary, .lists summary { cursor: pointer; color: var(--_accent); }
.lists code { font-size: .75rem; overflow-wrap: anywhere; }
.saved { margin: 1rem 0; padding: .75rem 1rem; border: 2px solid var(--_accent); border-radius: var(--_radius); }
.print-area { display: none; }
@media print {
  :host([printing]) > :not(.print-area) { display: none !important; }
  :host([printing]) .print-area { display: block; }
  .record-applicant { break-after: page; }
  .record-applicant:last-child { break-after: auto; }
  .record-panel, .tools, .modes, .batch .drop, .progress { display: none; }
  button { display: none; }
  details.more { display: none; }
  details.checklist fieldset li:not(.ticked), details.checklist:not(.has-ticks), details.checklist .sources-list { display: none; }
  input { border: 0; padding: 0; }
  .hit { break-inside: avoid; background: none; }
  a::after { content: " (" attr(href) ")"; font-size: .8rem; }
}
`;

let sheet;
function styleSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}

const FIELDS = [
  { key: 'name', label: 'Applicant name', hint: 'In any order or script' },
  { key: 'company', label: 'Company they work for', hint: 'As the applicant wrote it' },
  { key: 'dob', label: 'Date of birth', hint: 'Optional: YYYY-MM-DD or YYYY' },
  { key: 'country', label: 'Country', hint: 'Optional: name or code, e.g. KP' },
];

const SEPARATOR = /;/;

/** Whether a query holds anything to screen. */
const hasSomething = (q) => Boolean(q.name || q.company || IDENTIFIER_FIELDS.some((f) => q[f.key]?.length));

/** The presets as the form offers them; their thresholds come from the core. */
const PRESETS = [
  ['standard', 'Standard', ''],
  ['strict', 'Strict', ': fewer alerts'],
  ['broad', 'Broad', ': more recall'],
];

export class SanctionsScreenElement extends HTMLElement {
  static observedAttributes = ['threshold', 'preset', 'lists', 'vessels', 'checklist', 'batch'];

  #screener = null;
  #inputs = {};
  #more;
  #checklist;
  #flagCount;
  #preset;
  #listsLine;
  #staleBox;
  #status;
  #results;
  #timer = 0;
  #uid;
  #modes;
  #single;
  #batch;
  #batchMode;
  #listFiles;
  #saved;
  #printArea;
  /** The last single screening on screen, for its record: `{ query, result, options }`. */
  #last = null;
  /** The core's presets and limits (`Screener.limits()`). */
  #limits = null;
  /** The record panels: one for single screening, one for batches. */
  #singleRecord;
  #batchRecord;
  /** The newer list files in use, for the next ones to be added to. */
  #givenFiles = [];

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styleSheet()];
    const uid = Math.random().toString(36).slice(2, 8);
    this.#uid = uid;

    const form = h('form', { part: 'form', novalidate: true, 'aria-label': 'Applicant to screen' });
    // One labelled text field, its hint read out with it.
    const labelled = (field) => {
      const id = `${field.key}-${uid}`;
      const input = h('input', {
        id,
        name: field.key,
        type: 'text',
        autocomplete: 'off',
        spellcheck: 'false',
        'aria-describedby': `${id}-hint`,
      });
      this.#inputs[field.key] = input;
      return h('label', { for: id }, field.label, h('span', { class: 'hint', id: `${id}-hint` }, field.hint), input);
    };
    form.append(...FIELDS.map(labelled));
    const more = h('div', { class: 'fields' }, IDENTIFIER_FIELDS.map(labelled));
    this.#more = h('details', { class: 'more' }, h('summary', {}, 'More details: previous employers, e-mail, websites, wallet, ID and phone numbers'), more);
    form.append(this.#more);
    const presetId = `preset-${uid}`;
    this.#preset = h('select', { id: presetId, name: 'preset', 'aria-describedby': `${presetId}-hint` },
      PRESETS.map(([value, label, words]) => h('option', { value }, `${label}${words}`)));
    this.#preset.value = 'standard';
    this.#preset.addEventListener('change', () => this.screen());
    form.append(
      h('label', { for: presetId }, 'Sensitivity',
        h('span', { class: 'hint', id: `${presetId}-hint` }, 'Broad finds more, strict alerts less'), this.#preset),
      h('button', { type: 'submit' }, 'Screen'),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.screen();
    });
    form.addEventListener('input', () => {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.screen(), TYPING_PAUSE_MS);
    });

    this.#listsLine = h('p', { class: 'lists', part: 'lists' }, 'Loading the sanctions lists\u2026');
    this.#staleBox = h('div', { class: 'stale', role: 'note', hidden: true });
    // The live region: a screen reader hears the outcome of every screening.
    this.#status = h('div', { class: 'status', part: 'status', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
    this.#results = h('ol', { class: 'results', part: 'results', 'aria-label': 'Matches' });
    this.#checklist = h('details', { class: 'checklist', part: 'checklist', hidden: true });
    const singleRecord = (this.#singleRecord = new RecordPanel({
      uid, label: 'screening', download,
      build: () => this.#singleRecordData(),
      print: (record) => this.#printRecord(record),
    }));
    this.#single = h('section', { class: 'single', 'aria-label': 'Screen one applicant' },
      form, this.#status, this.#results, singleRecord.root, this.#checklist);

    // The second mode, for the attribute `batch`: a whole list of applicants.
    this.#batch = new BatchView({
      uid,
      screener: () => this.#screener,
      options: () => this.#options(),
      screenedBatch: () => this.#batchRecord?.reset(),
    });
    const batchRecord = (this.#batchRecord = new RecordPanel({
      uid, label: 'batch', download,
      build: () => this.#batchRecordData(),
      print: (record) => this.#printRecord(record),
    }));
    this.#batchMode = h('section', { class: 'batch-mode', hidden: true }, this.#batch.root, batchRecord.root);
    this.#modes = h('div', { class: 'modes', role: 'tablist', 'aria-label': 'What to screen', hidden: true },
      [['single', 'One applicant'], ['batch', 'A list of applicants']].map(([mode, text]) => {
        const tab = h('button', { type: 'button', role: 'tab', class: 'tab', 'data-mode': mode, 'aria-selected': String(mode === 'single') }, text);
        tab.addEventListener('click', () => this.#showMode(mode));
        return tab;
      }));

    this.#listFiles = new ListFilesControl({ uid, load: (files) => this.useListFiles(files) });
    const openInput = h('input', { type: 'file', accept: '.json,application/json', id: `open-record-${uid}` });
    openInput.addEventListener('change', async () => {
      const file = openInput.files[0];
      if (file) this.openRecord(await file.text());
      openInput.value = '';
    });
    const openRecord = h('details', { class: 'open-record' },
      h('summary', {}, 'Open a saved record'),
      h('label', { for: `open-record-${uid}` }, 'A record saved from this page (JSON); it is shown read-only', openInput));
    this.#saved = h('section', { class: 'saved', 'aria-label': 'A saved record', hidden: true });
    this.#printArea = h('div', { class: 'print-area' });
    root.append(this.#modes, this.#listsLine, this.#staleBox, this.#single, this.#batchMode,
      h('div', { class: 'tools' }, this.#listFiles.root, openRecord), this.#saved, this.#printArea);
    window.addEventListener('afterprint', () => {
      this.removeAttribute('printing');
      this.#printArea.replaceChildren();
    });
    // The printed page carries the ticked red flags.
    window.addEventListener('beforeprint', () => {
      if (this.#ticked().length) this.#checklist.open = true;
    });
  }

  connectedCallback() {
    if (this.#screener) return;
    createScreener().then(
      (screener) => {
        this.#screener = screener;
        this.#limits = screener.limits();
        for (const option of this.#preset.options) {
          const [, label, words] = PRESETS.find(([value]) => value === option.value);
          const preset = this.#limits.presets.find((p) => p.name === option.value);
          option.textContent = `${label} (${preset.threshold.toFixed(2)})${words}`;
        }
        this.#showLists(screener.lists());
        this.#buildChecklist(screener.redFlags());
        this.toggleAttribute('ready', true);
        performance.mark('sanctions-screen-ready');
        this.dispatchEvent(new CustomEvent('ready', { bubbles: true, composed: true }));
        if (hasSomething(this.#query())) this.screen();
      },
      (error) => {
        this.#listsLine.replaceChildren(
          h('span', { class: 'error' }, `The sanctions lists could not be loaded: ${error.message}`),
        );
      },
    );
  }

  attributeChangedCallback(name, _old, value) {
    if (name === 'batch') {
      this.#modes.hidden = value === null;
      if (value === null) this.#showMode('single');
      return;
    }
    if (name === 'checklist') {
      this.#checklist.hidden = value === null;
      return;
    }
    if (name === 'preset' && PRESETS.some(([p]) => p === value)) this.#preset.value = value;
    if (this.#screener && hasSomething(this.#query())) this.screen();
  }

  /**
   * Fills the fields (`{ name, company, dob, country, wallet, idNumber,
   * phone }`; an identifier may be an array) and screens at once.
   */
  setQuery(query) {
    for (const field of FIELDS) this.#inputs[field.key].value = query[field.key] ?? '';
    for (const field of IDENTIFIER_FIELDS) {
      this.#inputs[field.key].value = [query[field.key] ?? []].flat().join('; ');
    }
    if (IDENTIFIER_FIELDS.some((f) => this.#inputs[f.key].value)) this.#more.open = true;
    return this.screen();
  }

  /** Screens what the fields hold now; returns the result (or null). */
  screen() {
    clearTimeout(this.#timer);
    if (!this.#screener) return null;
    const query = this.#query();
    if (!hasSomething(query)) {
      this.#status.replaceChildren(h('p', {}, 'Type a name, a company or an identifier to screen.'));
      this.#results.replaceChildren();
      return null;
    }
    let result;
    try {
      for (const [key, value] of Object.entries(query)) {
        for (const one of [value].flat()) {
          const length = [...one].length;
          const max = this.#limits.max_field_chars;
          if (length > max) {
            throw new Error(`The ${key} field has ${length} characters; at most ${max} are screened. Shorten it.`);
          }
        }
      }
      result = this.#screener.screen(query, this.#options());
    } catch (error) {
      this.#status.replaceChildren(h('p', { class: 'error', role: 'alert' }, error.message));
      this.#results.replaceChildren();
      this.dispatchEvent(new CustomEvent('screening', { bubbles: true, composed: true, detail: { query, error: error.message } }));
      return null;
    }
    this.#render(query, result);
    const redFlags = this.#ticked();
    this.dispatchEvent(new CustomEvent('screening', { bubbles: true, composed: true, detail: { query, result, redFlags } }));
    return result;
  }

  #query() {
    const query = {};
    for (const field of FIELDS) {
      const value = this.#inputs[field.key].value.trim();
      if (value) query[field.key] = value;
    }
    for (const field of IDENTIFIER_FIELDS) {
      const values = this.#inputs[field.key].value.split(SEPARATOR).map((v) => v.trim()).filter(Boolean);
      if (values.length) query[field.key] = values;
    }
    return query;
  }

  #options() {
    const options = {};
    const threshold = this.getAttribute('threshold');
    if (threshold !== null && threshold !== '') options.threshold = Number(threshold);
    else options.preset = this.#preset.value;
    const lists = this.getAttribute('lists');
    if (lists) options.lists = lists.split(',').map((l) => l.trim()).filter(Boolean);
    if (this.hasAttribute('vessels')) options.vesselsAndAircraft = true;
    return options;
  }

  /**
   * The advisories' red flags as a checklist the recruiter ticks. It counts
   * the ticks and says what the advisories recommend; it never gives a verdict.
   */
  #buildChecklist(flags) {
    const sources = Object.fromEntries(flags.sources.map((s) => [s.key, s.text]));
    this.#flagCount = h('p', { class: 'flag-count', role: 'status', 'aria-live': 'polite' });
    const nextSteps = h('div', { class: 'next-steps', hidden: true },
      h('p', {}, 'What the advisories recommend next:'),
      h('ul', {}, flags.next_steps.map((step) => h('li', {}, step))));
    const update = () => {
      const ticked = this.#ticked().length;
      const total = this.#checklist.querySelectorAll('input[type=checkbox]').length;
      this.#flagCount.textContent = ticked
        ? `${ticked} of ${total} red flags ticked. No single flag proves anything; several together are a reason to look closer.`
        : `None of the ${total} red flags ticked.`;
      nextSteps.hidden = ticked === 0;
      this.#checklist.classList.toggle('has-ticks', ticked > 0);
    };
    let n = 0;
    const groups = flags.groups.map((group) =>
      h('fieldset', {},
        h('legend', {}, group.title),
        h('ul', {}, group.items.map((item) => {
          n += 1;
          const box = h('input', { type: 'checkbox', name: `flag-${n}`, value: item.text });
          box.addEventListener('change', () => {
            box.closest('li').classList.toggle('ticked', box.checked);
            update();
          });
          return h('li', {},
            h('label', {}, box, ' ', item.text,
              h('span', { class: 'sources', title: item.sources.map((k) => `${k}: ${sources[k] ?? ''}`).join('\n') },
                ` (${item.sources.join('; ')})`)));
        }))));
    this.#checklist.replaceChildren(
      h('summary', {}, 'Red-flag checklist from the US advisories on North Korean IT workers'),
      h('p', { class: 'hint' }, 'Tick what you observed. The list only counts ticks: it never decides. Ticked items are printed with the page.'),
      ...groups, this.#flagCount, nextSteps,
      h('details', { class: 'sources-list' }, h('summary', {}, 'Sources'),
        h('ul', {}, flags.sources.map((s) => h('li', {}, `${s.key}: ${s.text}`)))),
    );
    this.#checklist.hidden = !this.hasAttribute('checklist');
    update();
  }

  /** The red flags ticked now. */
  #ticked() {
    return [...this.#checklist.querySelectorAll('input[type=checkbox]:checked')].map((box) => box.value);
  }

  #showLists(lists) {
    this.#listsLine.replaceChildren(
      'Screening against: ',
      ...lists.flatMap((l, i) => [
        i ? '; ' : '',
        h('strong', {}, l.name),
        ` dated ${l.date}`,
        l.age_days === null ? '' : ` (${l.age_days} days old)`,
      ]),
      '. Everything runs on this computer: nothing you type leaves it. ',
      h('details', { class: 'files' },
        h('summary', {}, 'The files behind these lists'),
        h('ul', {}, lists.flatMap((l) => l.files.map((f) =>
          h('li', { 'data-list': l.id }, `${l.name}: ${f.path}, dated ${f.date}, ${thousands(f.bytes)} bytes, sha256 `, h('code', {}, f.sha256)))))),
    );
    const stale = lists.filter((l) => l.stale);
    this.#staleBox.hidden = stale.length === 0;
    this.#staleBox.replaceChildren(
      h('strong', {}, 'Out-of-date lists. '),
      `${stale.map((l) => `The ${l.name} is dated ${l.date}, ${l.age_days} days ago`).join('. ')}. `,
      'People and companies listed since then will not be found. ',
      'Download the current files from the publishers and give them under \u201cUse newer list files\u201d below, or ask whoever maintains this tool to update the lists (run fetch-lists, then rebuild); do not rely on a clear result until then.',
    );
  }

  /**
   * Screens against the publishers' newer files (an array of `File`s, or
   * `{ name, bytes, date }`) from now on. Rejects with a message naming the
   * file and line when they cannot be read; the lists in use then stay.
   */
  async useListFiles(files) {
    // Files given earlier stay, unless one of the same name (any UN .xml is
    // one) replaces them: the SDN set one day and the UN file the next
    // both count.
    const key = (file) => (/\.xml$/i.test(file.name) ? '*.xml' : file.name.toLowerCase());
    const merged = new Map(this.#givenFiles.map((f) => [key(f), f]));
    for (const file of files) merged.set(key(file), file);
    const screener = await createScreener({ lists: [...merged.values()] });
    this.#givenFiles = [...merged.values()];
    this.#screener = screener;
    this.#showLists(screener.lists());
    if (hasSomething(this.#query())) this.screen();
    this.dispatchEvent(new CustomEvent('lists', { bubbles: true, composed: true, detail: { lists: screener.lists() } }));
    return screener.lists();
  }

  /**
   * Shows a saved record (its JSON text) read-only, saying whether it was
   * made with other lists than the ones in use. Returns the record, or null
   * with a message when the text is not a record.
   */
  openRecord(text) {
    this.#saved.hidden = false;
    let record;
    try {
      record = readRecord(text);
    } catch (error) {
      this.#saved.replaceChildren(h('p', { class: 'error', role: 'alert' }, error.message));
      return null;
    }
    const close = h('button', { type: 'button', class: 'secondary' }, 'Close the record');
    close.addEventListener('click', () => {
      this.#saved.hidden = true;
      this.#saved.replaceChildren();
    });
    this.#saved.replaceChildren(
      h('p', { class: 'hint' }, 'A saved record, shown read-only: nothing was screened again.'),
      recordView(record, this.#screener?.lists() ?? null), close);
    this.#saved.scrollIntoView?.({ block: 'start' });
    return record;
  }

  #showMode(mode) {
    for (const tab of this.#modes.querySelectorAll('[role=tab]')) tab.setAttribute('aria-selected', String(tab.dataset.mode === mode));
    this.#single.hidden = mode !== 'single';
    this.#batchMode.hidden = mode !== 'batch';
    // The workers load their code now, so that screening a file makes no request.
    if (mode === 'batch') warmBatchWorkers();
  }

  /** The settings a record states. */
  #settings(options, threshold) {
    return {
      preset: options.preset ?? null,
      threshold,
      lists: options.lists ?? [],
      vesselsAndAircraft: Boolean(options.vesselsAndAircraft),
    };
  }

  #singleRecordData() {
    if (!this.#last || !this.#screener) return null;
    const { query, result, options } = this.#last;
    return makeRecord({
      screener: this.#screener,
      settings: this.#settings(options, result.threshold),
      kind: 'single',
      applicants: [{ query, status: result.matches.length ? 'alert' : 'clear', error: null, result }],
      redFlags: this.#ticked(),
    });
  }

  #batchRecordData() {
    const state = this.#batch.state;
    if (!state || !this.#screener) return null;
    const { batch, outcomes, options, fileName, cancelled } = state;
    let threshold = null;
    const applicants = outcomes.map((outcome) => {
      const read = batch.row(outcome.row);
      let result = null;
      if (outcome.status === 'alert') {
        result = this.#screener.screen(read.query, options);
        threshold = result.threshold;
      }
      return { line: outcome.line, query: read.query, kept: read.kept, status: outcome.status, error: outcome.error ?? null, result };
    });
    return makeRecord({
      screener: this.#screener,
      settings: this.#settings(options, threshold),
      kind: 'batch',
      applicants,
      batch: { file: fileName, rows: batch.rows, screened: outcomes.length, cancelled, summary: state.summary },
    });
  }

  #printRecord(record) {
    this.#printArea.replaceChildren(recordView(record));
    this.setAttribute('printing', '');
    window.print();
  }

  #render(query, result) {
    // Another applicant: the decision and note made for the last one go.
    if (JSON.stringify(this.#last?.query) !== JSON.stringify(query)) this.#singleRecord.reset();
    this.#last = { query, result, options: this.#options() };
    this.#status.replaceChildren(...statusLines(query, result));
    this.#results.replaceChildren(...result.matches.map((m) => hitItem(m, query)));
  }
}

if (!customElements.get('sanctions-screen')) {
  customElements.define('sanctions-screen', SanctionsScreenElement);
}
