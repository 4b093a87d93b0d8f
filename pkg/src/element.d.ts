import type { Query, Screening } from './index.js';

/** Detail of the `screening` event: the result, or the error message. */
export interface ScreeningEventDetail {
  query: Query;
  result?: Screening;
  error?: string;
  /** The red flags of the checklist ticked at the time (attribute `checklist`). */
  redFlags?: string[];
}

/**
 * `<sanctions-screen preset="strict" lists="ofac_sdn,un" vessels checklist>`:
 * the screening form and its explained results; `checklist` shows the US
 * advisories' red-flag checklist (off by default). Importing this module defines it.
 */
export declare class SanctionsScreenElement extends HTMLElement {
  /** Fills the fields and screens at once. */
  setQuery(query: Query): Screening | null;
  /** Screens what the fields hold now. */
  screen(): Screening | null;
}

declare global {
  interface HTMLElementTagNameMap {
    'sanctions-screen': SanctionsScreenElement;
  }
  interface HTMLElementEventMap {
    screening: CustomEvent<ScreeningEventDetail>;
  }
}
