// Types of the sanctions-screen package. Every result field is documented in
// the repository README ("JSON output"): the CLI's `--json` and this package
// share one contract.

/** An applicant to screen: a name, a company or an identifier at least. */
export interface Query {
  /** The applicant's name, in any order or script (at most 500 characters). */
  name?: string;
  /** The company the applicant says they work for (at most 500 characters). */
  company?: string;
  /** Date of birth: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. Lowers the score when it conflicts. */
  dob?: string;
  /** Country: ISO 3166-1 alpha-2 code (`KP`) or an English name. */
  country?: string;
  /**
   * Wallet addresses, as typed or as URIs (`ethereum:0x…@1?value=1`), matched
   * exactly (hex and bech32 without letter case). A failed checksum is a warning.
   */
  wallet?: string | string[];
  /** Passport, national ID, tax or registration numbers (spaces, dashes, dots ignored). */
  idNumber?: string | string[];
  /** Phone numbers, with their country code (`+98 21 8852 6300`, `0098…`). */
  phone?: string | string[];
  /** E-mail addresses: their domain is compared with seized and listed domains (free mail never alerts). */
  email?: string | string[];
  /** Websites (portfolio, previous employers): by registrable domain; a near domain is a possible match. */
  website?: string | string[];
  /** Companies the applicant says they worked for, each screened as a company. */
  employer?: string | string[];
}

export interface ScreenOptions {
  /** Name score from which a match is reported, in [0, 1]. Default 0.88. */
  threshold?: number;
  /**
   * A named threshold instead: `strict` (0.92, fewer alerts), `standard`
   * (0.88), `broad` (0.80, more recall). Not with `threshold`.
   */
  preset?: 'strict' | 'standard' | 'broad';
  /** At most this many matches: a whole number, at least 1 (0 is an error: it would hide every match). Default 10. */
  limit?: number;
  /** Only these lists (`ofac_sdn`, `ofac_cons`, `un`); all when empty. */
  lists?: string[];
  /** Also screen the company against listed vessels and aircraft. */
  vesselsAndAircraft?: boolean;
  /** Today's date (`YYYY-MM-DD`) for list ages; defaults to the local date. */
  today?: string;
}

export type ListId = 'ofac_sdn' | 'ofac_cons' | 'un' | 'dprk_it_notices' | (string & {});
export type EntityKind = 'person' | 'organization' | 'vessel' | 'aircraft';

/** A date of birth or country comparison with the listed entry. */
export interface Check {
  field: 'dob' | 'country';
  outcome: 'match' | 'conflict' | 'unknown';
  /** In plain words. */
  text: string;
}

/** What a US public notice says (the `dprk_it_notices` list). */
export interface Notice {
  /** The notice's row id (`P001`). */
  id: string;
  category: 'dprk_national' | 'designated' | 'organization' | 'front_company' | 'persona' | 'domain';
  /** Indicted, wanted, seized, designated... */
  action: string;
  date: string;
  source_url: string;
  /** A false name used in a case: innocent people may bear it. */
  persona: boolean;
  /** The same person or company on an embedded sanctions list. */
  also_listed: { list: string; source_id: string }[];
}

/** The advisories' hiring red flags, for a checklist (`Screener.redFlags()`). */
export interface RedFlags {
  groups: { title: string; items: { text: string; sources: string[] }[] }[];
  sources: { key: string; text: string }[];
  next_steps: string[];
}

/** A listed identifier, typed. */
export interface Identifier {
  type: 'wallet' | 'document' | 'phone' | 'email' | 'website' | 'other';
  /** As the list writes it: `Passport`, `Digital Currency Address - ETH`. */
  kind: string;
  value: string;
  /** Issuing country, dates or other detail. */
  note: string;
}

/** The listed identifier an applicant's identifier matched. */
export interface MatchedIdentifier extends Identifier {
  /** As the applicant typed it. */
  typed: string;
  /**
   * The applicant also gave a name and it is not this entry's: an identifier
   * of a listed entry under another name, the most serious kind of hit.
   */
  name_differs: boolean;
}

/** What a reviewer compares with the applicant. */
export interface Details {
  birth_dates: string[];
  birth_places: string[];
  nationalities: string[];
  citizenships: string[];
  countries: string[];
  addresses: string[];
  gender: string;
  title: string;
  /** Passports, registration numbers, wallets, phones, websites, e-mail, typed. */
  identifiers: Identifier[];
  listed_on: string;
  /** The list's remarks, less the parts already given in the fields above. */
  remarks: string;
}

/** One listed entry that matched. */
export interface Match {
  /** Which query field matched. */
  field: 'name' | 'company' | 'employer' | 'wallet' | 'id_number' | 'phone' | 'email' | 'website';
  list: ListId;
  list_name: string;
  /** The list's date, `YYYY-MM-DD`. */
  list_date: string;
  /** OFAC ent_num or UN reference number. */
  source_id: string;
  kind: EntityKind;
  /** The entry's primary name. */
  name: string;
  /** The name that matched: the primary name or one alias. */
  matched_name: string;
  matched_as: 'primary' | 'a.k.a.' | 'f.k.a.' | 'n.k.a.' | 'original script' | 'identifier';
  /** Weak aliases are broad by the publisher's own account. */
  alias_strength: 'strong' | 'weak';
  /** Final score in [0, 1]: the name score lowered by conflicting details. */
  score: number;
  /** The name score alone; the threshold applies to it. */
  name_score: number;
  /** `strong` at 0.92 or more, else `possible`. */
  level: 'strong' | 'possible';
  programs: string[];
  /** Why it matched, one plain sentence each. */
  explanation: string[];
  checks: Check[];
  /** For a hit on a wallet, ID or phone number, e-mail or website: the listed identifier; else null. */
  matched_identifier: MatchedIdentifier | null;
  /**
   * For a hit on the DPRK IT-worker notices (`list: 'dprk_it_notices'`), or a
   * sanctions hit a notice also names: what the notice says. A notice is not
   * a sanctions designation.
   */
  notice: Notice | null;
  details: Details;
  /** The publisher's page for the entry. */
  url: string;
}

/** A list as a result cites it. */
export interface ListRef {
  id: ListId;
  name: string;
  date: string;
  /** Days since the list date. */
  age_days: number | null;
  /** Older than 30 days: newer designations may be missing. */
  stale: boolean;
}

export interface Screening {
  /** Identifier hits first, then by score, best first. */
  matches: Match[];
  /** About the query, e.g. "this does not look like a valid ETH address"; it was screened all the same. */
  warnings: string[];
  threshold: number;
  /** The lists screened against, with their dates. */
  lists: ListRef[];
}

export interface SourceFile {
  path: string;
  url: string;
  date: string;
  sha256: string;
  bytes: number;
}

/** One embedded list, for a compliance record. */
export interface ListSummary extends ListRef {
  publisher: string;
  counts: {
    persons: number;
    organizations: number;
    vessels: number;
    aircraft: number;
    aliases: number;
  };
  files: SourceFile[];
  /** What the parser decided that a compliance officer may want to know. */
  notes: string[];
}

/** One of the publishers' list files, as `createScreener({ lists })` takes it. */
export interface ListFile {
  /** The file's name as published: `sdn.csv` (any case), `alt.csv`, `add.csv`, `sdn_comments.csv`, `cons_prim.csv`…, or the UN's `.xml`. */
  name: string;
  bytes: Uint8Array;
  /** When it was downloaded (`YYYY-MM-DD`): OFAC's files carry no date of their own. */
  date?: string | null;
}

/**
 * The publishers' newer files: `{ 'sdn.csv': bytes }`, `{ 'sdn.csv': { bytes,
 * date } }`, or an array of `File`s (dated when saved) or `ListFile`s. A list
 * is replaced only whole (the four files of an OFAC set, or the UN XML);
 * lists not given stay as embedded.
 */
export type ListFiles =
  | Record<string, Uint8Array | ArrayBuffer | Blob | string | { bytes: Uint8Array | ArrayBuffer | Blob | string; date?: string }>
  | (File | ListFile)[];

export interface CreateOptions {
  /** Newer list files, parsed by the build's own parsers inside the module. */
  lists?: ListFiles;
}

/** What a screener runs, for a Worker and for a screening record. */
export interface ScreenerSource {
  module: WebAssembly.Module;
  /** sha256 of the module's bytes (hex), or null without Web Crypto. */
  sha256: string | null;
  listFiles: ListFile[] | null;
}

/** How a batch file's lines were used: every line is the header, a row, or blank. */
export interface BatchSummary {
  format: 'CSV' | 'JSONL';
  lines: number;
  rows: number;
  header_line: number | null;
  blank_lines: number[];
  /** Columns that are not query fields, carried through to the reports. */
  kept_columns: string[];
  /** Rows that cannot be screened as read: their line and why. */
  bad_rows: { line: number; error: string }[];
}

/** One row as read from a batch file. */
export interface BatchRow {
  line: number;
  query: Query | null;
  error: string | null;
  kept: Record<string, string>;
}

/** What became of one row: compact, the best matches first. */
export interface RowOutcome {
  line: number;
  status: 'clear' | 'alert' | 'error';
  error: string | null;
  matches: { field: string; list: ListId; source_id: string; name: string; matched_name: string; score: number; level: 'strong' | 'possible' }[];
  warnings: string[];
}

/** A batch file read by `Screener.openBatch`. Holds WebAssembly memory: `free()` it. */
export declare class BatchFile {
  private constructor();
  summary(): BatchSummary;
  readonly rows: number;
  /** Row `index` (from 0) as read. */
  row(index: number): BatchRow;
  /** Screens rows `start` to `end` (exclusive). */
  screen(start: number, end: number, options?: ScreenOptions): { outcomes: RowOutcome[]; lists: ListRef[] };
  /** The CSV report: every row in input order (rows without an outcome marked not screened), formula cells neutralised. */
  csv(outcomes: RowOutcome[], lists: ListRef[]): string;
  /** The JSON report (`report`, `version`, `lists`, `summary`, `rows`), as text. */
  json(outcomes: RowOutcome[], lists: ListRef[]): string;
  free(): void;
}

/** A screening record, schema version 1 (documented in `src/record.js`). */
export interface ScreeningRecord {
  record: 'sanctions-screen screening record';
  version: 1;
  created: string;
  tool: { name: string; version: string; wasm_sha256: string | null };
  lists: (ListRef & { publisher: string; files: SourceFile[] })[];
  settings: { preset: string | null; threshold: number | null; lists: string[]; vesselsAndAircraft: boolean };
  kind: 'single' | 'batch';
  applicants: { line?: number; query: Query | null; kept?: Record<string, string>; status: 'clear' | 'alert' | 'error'; error: string | null; result: Screening | null }[];
  batch?: { file: string; rows: number; screened: number; cancelled: boolean; summary: BatchSummary };
  red_flags: string[];
  review: { decision: 'cleared' | 'escalated' | 'needs_information' | null; note: string };
}

export declare class Screener {
  private constructor();
  /** The compiled module, its sha256 and the list files this screener was built from. */
  readonly source: ScreenerSource;
  /**
   * Reads a batch file (CSV with a header in any order and case, or JSONL).
   * Throws only when nothing can be screened (no header, no name or company column).
   */
  openBatch(bytes: Uint8Array | string, fileName?: string): BatchFile;
  /** Screens rows `start` to `end` (exclusive) of a batch. */
  screenRows(batch: BatchFile, start: number, end: number, options?: ScreenOptions): { outcomes: RowOutcome[]; lists: ListRef[] };
  /**
   * Screens one applicant. Throws an `Error` whose message says what to fix:
   * an empty query, a field over 500 characters, a date that is not a date,
   * an unknown field, list or option, a value of the wrong type (`TypeError`).
   * Should the module itself fail (a trap), throws an `Error` that says the
   * screener was reset; the next call works on a fresh instance.
   */
  screen(query: Query, options?: ScreenOptions): Screening;
  /** The embedded lists with their dates, counts and hashes. */
  lists(): ListSummary[];
  /** The core's presets and limits, for a form to show and check. */
  limits(): { presets: { name: 'strict' | 'standard' | 'broad'; threshold: number }[]; default_preset: string; strong_from: number; max_field_chars: number };
  /** The US advisories' hiring red flags, grouped, with their sources. */
  redFlags(): RedFlags;
}

/**
 * Loads the package's own `.wasm` (nothing else) and builds the index, once:
 * every call resolves to the same screener. With `{ lists }`, a new screener
 * over the embedded lists with the given newer files in their place
 * (rejects with a message naming the file and line of anything unreadable).
 */
export declare function createScreener(options?: CreateOptions): Promise<Screener>;

/**
 * Where the `.wasm` comes from, for a page that carries it itself
 * (the single offline file). Call before the first `createScreener()`.
 */
export declare function setWasmSource(source: () => BufferSource | URL | Response | Promise<BufferSource | URL | Response>): void;

/** The package's version, as screening records state it. */
export declare const VERSION: string;

/** Today's local date as `YYYY-MM-DD`. */
export declare function localToday(now?: Date): string;
