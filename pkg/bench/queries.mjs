// The latency benchmarks' queries, shared so that every figure is over the
// same set: names from the real OFAC SDN file, one in eight, each in one
// of four forms in turn (as written, words reversed, the first two words
// joined, a letter dropped), and 128 ordinary applicant names in several
// cultures, family name last and first.
import { readFileSync } from 'node:fs';

export function latencyQueries(listsDir) {
  const rows = readFileSync(`${listsDir}/ofac_sdn/sdn.csv`, 'latin1').split('\n');
  const queries = [];
  rows.forEach((row, i) => {
    const m = row.match(/^\d+,"([^"]+)","(individual|-0- )/);
    if (!m || i % 8 !== 0) return;
    const name = m[1];
    const words = name.split(/[ ,]+/).filter(Boolean);
    const field = m[2] === 'individual' ? 'name' : 'company';
    const variants = [
      name,
      [...words].reverse().join(' '),
      words.length > 1 ? `${words[0]}${words[1].toLowerCase()} ${words.slice(2).join(' ')}` : name,
      name.slice(0, name.length >> 1) + name.slice((name.length >> 1) + 1),
    ];
    queries.push({ [field]: variants[queries.length % 4] });
  });
  for (const given of ['James', 'Min-jun', 'Wei', 'Olga', 'Ahmed', 'Maria', 'Seo-yeon', 'Daniel']) {
    for (const family of ['Smith', 'Kim', 'Li', 'Ivanova', 'Hassan', 'Garcia', 'Park', 'Nguyen']) {
      queries.push({ name: `${given} ${family}` }, { name: `${family}, ${given}` });
    }
  }
  return queries;
}
