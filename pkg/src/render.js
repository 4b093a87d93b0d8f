// What the element and the batch view show of a screening, built as DOM:
// the plain-words status lines and one explained item per match. Every value
// from a list or from the user is set as text, never parsed as HTML.

/** Makes an element; string children become text nodes, never HTML. */
export function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/**
 * A count with thousands separators (`6,524,817`), as toLocaleString('en')
 * writes it: the first toLocaleString call loads the browser's locale data,
 * 15-20 ms before the page is ready.
 */
export function thousands(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** More of what the applicant gave, in the collapsible "More details": several values separated by `;`. */
export const IDENTIFIER_FIELDS = [
  { key: 'employer', field: 'employer', label: 'Previous employers', noun: 'employer', hint: 'Companies on the CV, screened like the company above; several separated by ;' },
  { key: 'email', field: 'email', label: 'E-mail addresses', noun: 'e-mail address', hint: 'Their domain is compared with seized and listed domains' },
  { key: 'website', field: 'website', label: 'Websites', noun: 'website', hint: 'Portfolio, past employers\u2019 sites; by their domain' },
  { key: 'wallet', field: 'wallet', label: 'Wallet addresses', noun: 'wallet address', hint: 'Crypto addresses to be paid into; several separated by ;' },
  { key: 'idNumber', field: 'id_number', label: 'ID or passport numbers', noun: 'ID number', hint: 'Passport, national ID, tax or registration numbers' },
  { key: 'phone', field: 'phone', label: 'Phone numbers', noun: 'phone number', hint: 'With the country code, e.g. +98 21 8852 6300' },
];

const KIND_WORDS = {
  person: 'A person',
  organization: 'An organization',
  vessel: 'A vessel',
  aircraft: 'An aircraft',
};

const quote = (text) => `\u201c${[text].flat().join("; ")}\u201d`;

/** "OFAC SDN List dated 2024-05-03, UN ... dated ..." */
export function listDates(lists) {
  return lists.map((l) => `${l.name} dated ${l.date}`).join('; ');
}

/** What a screening found for each field the query had, in plain words, with the list dates. */
export function statusLines(query, result) {
  const lines = [];
  for (const [key, label] of [['name', 'name'], ['company', 'company']]) {
    if (!query[key]) continue;
    const hits = result.matches.filter((m) => m.field === key);
    if (hits.length === 0) {
      lines.push(
        h('p', { class: 'clear' },
          `No match for ${label} ${quote(query[key])} on the lists dated ${listDates(result.lists)} (threshold ${result.threshold.toFixed(2)}).`),
      );
    } else {
      const strong = hits.filter((m) => m.level === 'strong').length;
      const words = strong ? `${strong} strong` + (hits.length > strong ? `, ${hits.length - strong} possible` : '') : `${hits.length} possible`;
      lines.push(
        h('p', { class: 'alert' },
          `${label[0].toUpperCase()}${label.slice(1)} ${quote(query[key])}: ${words} match${hits.length === 1 ? '' : 'es'} on ${hits.every((m) => m.list === 'dprk_it_notices') ? 'the DPRK IT-worker public notices (not a sanctions list)' : 'the sanctions lists'}. Compare the details below before deciding.`),
      );
    }
  }
  for (const field of IDENTIFIER_FIELDS) {
    if (!query[field.key]) continue;
    const hits = result.matches.filter((m) => m.field === field.field);
    const typed = query[field.key].map(quote).join(', ');
    lines.push(
      hits.length
        ? h('p', { class: 'alert' },
          `${field.noun[0].toUpperCase()}${field.noun.slice(1)} ${typed}: ${hits.length} ${hits.length === 1 ? 'entry' : 'entries'} on the lists screened. See below.`)
        : h('p', { class: 'clear' },
          `No listed entry carries the ${field.noun} ${typed} (lists dated ${listDates(result.lists)}; identifiers match exactly).`),
    );
  }
  for (const warning of result.warnings) lines.push(h('p', { class: 'warning', role: 'note' }, `Note: ${warning}`));
  return lines;
}

/** One match as a list item: what it is, why it matched, the details to compare, the official entry. */
export function hitItem(m, query) {
  const d = m.details;
  const detailRows = [
    ['Born', d.birth_dates],
    ['Birthplace', d.birth_places],
    ['Nationality', d.nationalities],
    ['Citizenship', d.citizenships],
    ['Countries', d.countries],
    ['Identifiers', d.identifiers.slice(0, 8).map((i) => `${i.kind}: ${i.value}${i.note ? ` ${i.note}` : ''}`)],
  ].filter(([, values]) => values.length > 0);
  const programs = m.programs.length ? ` (programs: ${m.programs.join(', ')})` : '';
  const alias =
    m.matched_as === 'primary'
      ? 'its listed name'
      : `${m.alias_strength === 'weak' ? 'a weak alias' : 'an alias'} (${m.matched_as}) ${quote(m.matched_name)}`;
  return h('li', { class: `hit ${m.level}`, part: 'hit', 'data-list': m.list, 'data-source-id': m.source_id },
    h('h3', {},
      h('span', { class: 'level' }, m.level === 'strong' ? 'Strong match' : 'Possible match'),
      h('span', { class: 'name' }, m.name),
      h('span', { class: 'score' }, `score ${m.score.toFixed(2)}`),
    ),
    m.matched_identifier
      ? h('p', {}, `${KIND_WORDS[m.kind] ?? m.kind} on the ${m.list_name}${programs}. The list gives it the ${m.matched_identifier.kind} ${m.matched_identifier.value}, which the applicant gave as ${quote(m.matched_identifier.typed)}.`)
      : h('p', {}, `${KIND_WORDS[m.kind] ?? m.kind} on the ${m.list_name}${programs}. The ${m.field} ${quote(query[m.field])} matched ${alias}.`),
    m.notice
      ? h('p', { class: 'notice' },
        `${m.list === 'dprk_it_notices' ? 'A US public notice, not a sanctions designation' : 'Also named in a US public notice'}: ${m.notice.action} (${m.notice.date}).`,
        m.notice.persona ? ' This is a false name used in a case: innocent people may bear it.' : '')
      : null,
    m.matched_identifier?.name_differs
      ? h('p', { class: 'identity' }, `This identifier belongs to ${m.name}, not to the name the applicant gave: the most serious kind of hit. Escalate it.`)
      : null,
    h('p', { class: 'visually-hidden' }, 'Why it matched:'),
    h('ul', { class: 'why' }, m.explanation.map((line) => h('li', {}, line))),
    m.checks.length ? h('ul', { class: 'checks' }, m.checks.map((c) => h('li', { class: c.outcome }, c.text))) : null,
    detailRows.length
      ? h('dl', {}, detailRows.flatMap(([term, values]) => [h('dt', {}, term), h('dd', {}, values.join('; '))]))
      : null,
    h('p', { class: 'source' },
      `List dated ${m.list_date} \u00b7 `,
      h('a', { href: /^https?:\/\//.test(m.url) ? m.url : undefined, target: '_blank', rel: 'noopener noreferrer' },
        m.list === 'dprk_it_notices'
          ? `Source of the notice (${m.source_id})`
          : `Official entry (${m.list === 'un' ? 'UN ref.' : 'OFAC id'} ${m.source_id})`),
    ),
  );
}
