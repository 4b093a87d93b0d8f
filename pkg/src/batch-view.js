// The element's second mode: a whole list of applicants. The user chooses or
// drops a CSV or JSONL file, or pastes rows; the rows are screened in Web
// Workers (batch.js) with a progress bar, a running count of alerts and a
// Cancel button. Results: a table with alerts first, filtered by level, each
// row opening to the same explained hits as single screening; downloads as
// CSV and JSON; rows that could not be screened listed by line number.
//
// Memory stays bounded: the table shows a page of rows at a time, and only
// compact outcomes are kept; a row's explanation is screened when opened.

import { runBatch } from './batch.js';
import { h, hitItem, statusLines, thousands } from './render.js';

/** Table rows shown at a time; "Show more" adds as many again. */
const PAGE_ROWS = 200;

const FILTERS = [
  ['alerts', 'Alerts'],
  ['strong', 'Strong matches'],
  ['possible', 'Possible matches'],
  ['clear', 'Clear'],
  ['error', 'Not screened'],
  ['all', 'All rows'],
];

const STATUS_WORDS = { clear: 'Clear', alert: 'Alert', error: 'Not screened' };

/** Where alerts go in the table: strong first, then possible, then the rest in input order. */
const rank = (o) => (o.status === 'alert' ? (o.matches[0]?.level === 'strong' ? 0 : 1) : o.status === 'error' ? 2 : 3);

/** Saves `text` as a file the user downloads; nothing leaves the machine. */
export function download(fileName, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h('a', { href: url, download: fileName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export class BatchView {
  #host;
  #file;
  #paste;
  #summary;
  #progress;
  #progressText;
  #progressBox;
  #cancel;
  #results;
  #filter;
  #table;
  #more;
  #badRows;
  #downloads;
  #run = null;
  #state = null;

  /**
   * `host` gives `screener()`, `options()`, `screenedBatch(state)` (after a
   * batch, for the record) and `uid`.
   */
  constructor(host) {
    this.#host = host;
    const uid = host.uid;
    this.#file = h('input', { type: 'file', id: `batch-file-${uid}`, accept: '.csv,.jsonl,.ndjson,.txt,text/csv' });
    this.#file.addEventListener('change', () => {
      const file = this.#file.files[0];
      if (file) file.arrayBuffer().then((buffer) => this.screenFile(new Uint8Array(buffer), file.name));
    });
    this.#paste = h('textarea', { id: `batch-paste-${uid}`, rows: 5, spellcheck: 'false', placeholder: 'name,company,dob,country\nJong Song Hwa,Yanbian Silverstar,,KP' });
    const pasteButton = h('button', { type: 'button', class: 'secondary' }, 'Screen the pasted rows');
    pasteButton.addEventListener('click', () => {
      if (this.#paste.value.trim()) this.screenFile(new TextEncoder().encode(this.#paste.value), 'pasted.csv');
    });
    const drop = h('label', { class: 'drop', for: `batch-file-${uid}` },
      h('strong', {}, 'Choose or drop a CSV file'),
      h('span', { class: 'hint' }, 'A header line naming the columns, in any order and case: name, company, dob, country, and any of wallet, id_number, phone, email, website, employer. Other columns are kept and come back in the report.'),
      this.#file);
    for (const type of ['dragenter', 'dragover']) {
      drop.addEventListener(type, (event) => {
        event.preventDefault();
        drop.classList.add('over');
      });
    }
    drop.addEventListener('dragleave', () => drop.classList.remove('over'));
    drop.addEventListener('drop', (event) => {
      event.preventDefault();
      drop.classList.remove('over');
      const file = event.dataTransfer.files[0];
      if (file) file.arrayBuffer().then((buffer) => this.screenFile(new Uint8Array(buffer), file.name));
    });
    this.#summary = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
    this.#progress = h('progress', { max: 1, value: 0, 'aria-label': 'Rows screened' });
    this.#progressText = h('span', {});
    this.#cancel = h('button', { type: 'button', class: 'secondary' }, 'Cancel');
    this.#cancel.addEventListener('click', () => this.#run?.cancel());
    const progressBox = h('div', { class: 'progress', hidden: true }, this.#progress, this.#progressText, this.#cancel);
    this.#progressBox = progressBox;
    this.#filter = h('select', { 'aria-label': 'Show' }, FILTERS.map(([value, label]) => h('option', { value }, label)));
    this.#filter.addEventListener('change', () => this.#showRows());
    this.#table = h('tbody', {});
    this.#more = h('button', { type: 'button', class: 'secondary', hidden: true }, 'Show more rows');
    this.#downloads = h('div', { class: 'downloads' });
    this.#badRows = h('details', { class: 'bad-rows', hidden: true });
    this.#results = h('div', { class: 'batch-results', hidden: true },
      h('div', { class: 'toolbar' }, h('label', { class: 'inline' }, 'Show ', this.#filter), this.#downloads),
      this.#badRows,
      h('table', { class: 'batch-table' },
        h('thead', {}, h('tr', {}, ['Line', 'Name', 'Company', 'Result', 'Score', 'Best match', 'List', ''].map((t) => h('th', { scope: 'col' }, t)))),
        this.#table),
      this.#more);
    this.root = h('section', { class: 'batch', part: 'batch', 'aria-label': 'Screen a list of applicants' },
      drop,
      h('label', { for: `batch-paste-${uid}` }, 'Or paste rows (with their header line)', this.#paste),
      pasteButton,
      this.#summary, progressBox, this.#results);
  }

  /** Screens a whole file; resolves when done or cancelled. */
  async screenFile(bytes, fileName) {
    this.#run?.cancel();
    const screener = this.#host.screener();
    let batch;
    try {
      batch = screener.openBatch(bytes, fileName);
    } catch (error) {
      this.#summary.replaceChildren(h('p', { class: 'error', role: 'alert' }, error.message));
      this.#results.hidden = true;
      return null;
    }
    const summary = batch.summary();
    const rows = batch.rows;
    const read = [`${rows} row${rows === 1 ? '' : 's'}`];
    if (summary.header_line) read.unshift(`the header (line ${summary.header_line})`);
    if (summary.blank_lines.length) read.push(`${summary.blank_lines.length} blank`);
    this.#summary.replaceChildren(
      h('p', {}, `${fileName}: ${summary.lines} lines read as ${summary.format}: ${read.join(', ')}.`
        + (summary.kept_columns.length ? ` Kept for the report: ${summary.kept_columns.join(', ')}.` : '')),
    );
    const options = this.#host.options();
    const box = this.#progressBox;
    box.hidden = false;
    this.#cancel.hidden = false;
    this.#progress.max = Math.max(rows, 1);
    this.#progress.value = 0;
    const started = performance.now();
    const onProgress = (done, alerts) => {
      this.#progress.value = done;
      this.#progressText.textContent = ` ${thousands(done)} of ${thousands(rows)} rows screened, ${thousands(alerts)} with alerts `;
    };
    onProgress(0, 0);
    this.#results.hidden = true;
    const run = runBatch({ screener, bytes, fileName, rows, options, onProgress });
    this.#run = run;
    let outcome;
    try {
      outcome = await run.done;
    } catch (error) {
      if (this.#run === run) {
        this.#summary.append(h('p', { class: 'error', role: 'alert' }, `The batch could not be screened: ${error.message}`));
        box.hidden = true;
      }
      batch.free();
      return null;
    }
    // A file chosen while this one ran took over: its report is the one shown.
    if (this.#run !== run) {
      batch.free();
      return null;
    }
    this.#run = null;
    this.#cancel.hidden = true;
    const seconds = (performance.now() - started) / 1000;
    const lists = outcome.lists ?? screener.lists();
    this.#state?.batch.free();
    this.#state = { batch, fileName, outcomes: outcome.outcomes, lists, options, cancelled: outcome.cancelled, seconds, summary };
    this.#report();
    this.#host.screenedBatch(this.#state);
    return this.#state;
  }

  /** The last batch screened: `{ batch, fileName, outcomes, lists, options, cancelled, seconds }`. */
  get state() {
    return this.#state;
  }

  #report() {
    const { outcomes, lists, cancelled, seconds, batch, fileName } = this.#state;
    const count = (status) => outcomes.filter((o) => o.status === status).length;
    const alerts = count('alert');
    const errors = outcomes.filter((o) => o.status === 'error');
    const notScreened = batch.rows - outcomes.length;
    this.#summary.append(
      h('p', { class: alerts ? 'alert' : 'clear' },
        `${cancelled ? 'Cancelled: ' : ''}${thousands(outcomes.length)} rows screened in ${seconds.toFixed(1)} s: `
        + `${thousands(count('clear'))} clear, ${thousands(alerts)} with alerts, ${thousands(errors.length)} could not be screened`
        + (notScreened ? `; ${thousands(notScreened)} not screened because of the cancel` : '')
        + `. Lists: ${lists.map((l) => `${l.name} dated ${l.date}`).join('; ')}.`),
    );
    this.#badRows.hidden = errors.length === 0;
    this.#badRows.replaceChildren(
      h('summary', {}, `${errors.length} row${errors.length === 1 ? '' : 's'} could not be screened`),
      h('ul', {}, errors.map((o) => h('li', {}, o.error))),
    );
    const base = fileName.replace(/\.[^.]*$/, '') || 'batch';
    const csvButton = h('button', { type: 'button', class: 'secondary' }, 'Download CSV');
    csvButton.addEventListener('click', () => download(`${base}-screened.csv`, batch.csv(outcomes, lists), 'text/csv'));
    const jsonButton = h('button', { type: 'button', class: 'secondary' }, 'Download JSON');
    jsonButton.addEventListener('click', () => download(`${base}-screened.json`, batch.json(outcomes, lists), 'application/json'));
    this.#downloads.replaceChildren(csvButton, ' ', jsonButton);
    this.#filter.value = alerts ? 'alerts' : 'all';
    this.#results.hidden = false;
    this.#showRows();
  }

  #selected() {
    const filter = this.#filter.value;
    const keep = {
      alerts: (o) => o.status === 'alert',
      strong: (o) => o.status === 'alert' && o.matches[0]?.level === 'strong',
      possible: (o) => o.status === 'alert' && o.matches[0]?.level !== 'strong',
      clear: (o) => o.status === 'clear',
      error: (o) => o.status === 'error',
      all: () => true,
    }[filter];
    return this.#state.outcomes
      .map((outcome, index) => ({ outcome, index }))
      .filter(({ outcome }) => keep(outcome))
      .sort((a, b) => rank(a.outcome) - rank(b.outcome) || a.outcome.line - b.outcome.line);
  }

  #showRows(shown = PAGE_ROWS) {
    const selected = this.#selected();
    this.#table.replaceChildren(...selected.slice(0, shown).map(({ outcome }) => this.#row(outcome)));
    this.#more.hidden = selected.length <= shown;
    this.#more.textContent = `Show more rows (${thousands(selected.length - shown)} not shown)`;
    this.#more.onclick = () => this.#showRows(shown + PAGE_ROWS);
  }

  #row(outcome) {
    const { batch } = this.#state;
    const read = batch.row(outcome.row);
    const top = outcome.matches[0];
    const level = outcome.status === 'alert' ? (top.level === 'strong' ? 'Strong match' : 'Possible match') : STATUS_WORDS[outcome.status];
    const open = h('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false' }, outcome.status === 'alert' ? 'Why' : 'Details');
    const tr = h('tr', { class: `row ${outcome.status} ${top?.level ?? ''}`, 'data-line': outcome.line },
      h('td', {}, String(outcome.line)),
      h('td', {}, read.query?.name ?? ''),
      h('td', {}, read.query?.company ?? ''),
      h('td', {}, level),
      h('td', {}, top ? top.score.toFixed(2) : ''),
      h('td', {}, top ? top.name : outcome.error ?? ''),
      h('td', {}, top ? top.list : ''),
      h('td', {}, open));
    open.addEventListener('click', () => {
      const next = tr.nextElementSibling;
      if (next?.classList.contains('explained')) {
        next.remove();
        open.setAttribute('aria-expanded', 'false');
        return;
      }
      open.setAttribute('aria-expanded', 'true');
      tr.after(h('tr', { class: 'explained' }, h('td', { colspan: 8 }, this.#explain(read, outcome))));
    });
    return tr;
  }

  /** The same explained hits as single screening, screened again now. */
  #explain(read, outcome) {
    const kept = Object.entries(read.kept ?? {}).filter(([, v]) => v);
    const keptLine = kept.length ? h('p', { class: 'hint' }, `Kept columns: ${kept.map(([k, v]) => `${k} = ${v}`).join('; ')}`) : null;
    if (!read.query) return h('div', {}, h('p', { class: 'error' }, read.error), keptLine);
    try {
      const result = this.#host.screener().screen(read.query, this.#state.options);
      return h('div', {}, ...statusLines(read.query, result), keptLine,
        h('ol', { class: 'results' }, result.matches.map((m) => hitItem(m, read.query))));
    } catch (error) {
      return h('div', {}, h('p', { class: 'error' }, error.message ?? outcome.error), keptLine);
    }
  }
}
