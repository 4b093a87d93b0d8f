import type { ListFile, ListSummary, Query, Screening, ScreeningRecord } from './index.js';

/** Detail of the `screening` event: the result, or the error message. */
export interface ScreeningEventDetail {
  query: Query;
  result?: Screening;
  error?: string;
  /** The red flags of the checklist ticked at the time (attribute `checklist`). */
  redFlags?: string[];
}

/**
 * `<sanctions-screen preset="strict" lists="ofac_sdn,un" vessels checklist batch>`:
 * the screening form and its explained results; `checklist` shows the US
 * advisories' red-flag checklist, `batch` a second mode that screens a CSV
 * or JSONL file of applicants in Web Workers (both off by default). Always
 * there: a screening record to save or print, "Open a saved record", and
 * "Use newer list files". Importing this module defines it.
 */
export declare class SanctionsScreenElement extends HTMLElement {
  /** Fills the fields and screens at once. */
  setQuery(query: Query): Screening | null;
  /** Screens what the fields hold now. */
  screen(): Screening | null;
  /**
   * Screens against the publishers' newer files from now on (as the "Use
   * newer list files" control does). Rejects with a message naming the file
   * and line when they cannot be read; the lists in use then stay.
   */
  useListFiles(files: File[] | ListFile[]): Promise<ListSummary[]>;
  /** Shows a saved record's JSON text read-only; null (and a message) when it is not a record. */
  openRecord(text: string): ScreeningRecord | null;
}

declare global {
  interface HTMLElementTagNameMap {
    'sanctions-screen': SanctionsScreenElement;
  }
  interface HTMLElementEventMap {
    screening: CustomEvent<ScreeningEventDetail>;
    /** After `useListFiles`: the lists now in use. */
    lists: CustomEvent<{ lists: ListSummary[] }>;
  }
}
