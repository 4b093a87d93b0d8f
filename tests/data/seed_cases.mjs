// Reads seed_cases.tsv for the JavaScript tests (the package in Node, the page
// in Chromium): [{ field, text, expected: { list, sourceId } | null }].
import { readFileSync } from 'node:fs';

export function seedCases() {
  const table = readFileSync(new URL('./seed_cases.tsv', import.meta.url), 'utf8');
  return table
    .split('\n')
    .map((line, i) => [line, i + 1])
    .filter(([line]) => line && !line.startsWith('#'))
    .map(([line, number]) => {
      const [field, text, expected, extra] = line.split('\t');
      if (!expected || extra !== undefined || !['name', 'company'].includes(field)) {
        throw new Error(`seed_cases.tsv line ${number}: want field<TAB>query<TAB>list:id or -`);
      }
      if (expected === '-') return { field, text, expected: null };
      const [list, sourceId] = expected.split(':');
      return { field, text, expected: { list, sourceId } };
    });
}
