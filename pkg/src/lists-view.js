// "Use newer list files": the user picks or drops the publishers' own files
// (OFAC SDN and non-SDN legacy CSV sets, the UN consolidated XML), which the
// same Rust parsers the build uses read inside the WebAssembly module. The
// screener built from them is used for the rest of the session; on any error
// the message names the file and line, and the lists in use stay.

import { h } from './render.js';

export class ListFilesControl {
  #message;
  #input;

  /** `load(files)` resolves when a screener over `files` (an array of `File`s) is in use. */
  constructor({ uid, load }) {
    this.#input = h('input', { type: 'file', multiple: true, id: `list-files-${uid}`, accept: '.csv,.xml,.CSV,.XML' });
    this.#message = h('div', { class: 'list-message', role: 'status', 'aria-live': 'polite' });
    const pick = async (files) => {
      if (!files.length) return;
      this.#message.replaceChildren(h('p', {}, `Reading ${files.length} file${files.length === 1 ? '' : 's'}\u2026`));
      const started = performance.now();
      try {
        await load([...files]);
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        this.#message.replaceChildren(h('p', { class: 'clear' }, `Now screening against the files you gave (read in ${seconds} s). They are used until you close this page.`));
      } catch (error) {
        this.#message.replaceChildren(h('p', { class: 'error', role: 'alert' }, `Those files could not be used, so the lists above stay in use: ${error.message}`));
      }
      this.#input.value = '';
    };
    this.#input.addEventListener('change', () => pick(this.#input.files));
    const drop = h('label', { class: 'drop', for: `list-files-${uid}` },
      h('span', { class: 'hint' },
        'Download them from the publishers (OFAC: SDN.CSV, ALT.CSV, ADD.CSV, SDN_COMMENTS.CSV, and for the non-SDN list CONS_PRIM.CSV, CONS_ALT.CSV, CONS_ADD.CSV, CONS_COMMENTS.CSV; UN: consolidated.xml), then choose or drop them here. A set of OFAC files is read together. They are read on this computer; nothing is sent anywhere.'),
      this.#input);
    for (const type of ['dragenter', 'dragover']) drop.addEventListener(type, (event) => event.preventDefault());
    drop.addEventListener('drop', (event) => {
      event.preventDefault();
      pick(event.dataTransfer.files);
    });
    this.root = h('details', { class: 'list-files', part: 'list-files' },
      h('summary', {}, 'Use newer list files'), drop, this.#message);
  }
}
