// Applicant rows for batch tests and benchmarks: ordinary names from several
// cultures with ordinary companies, and every fiftieth row a name or company
// on the real lists. Deterministic (a fixed-seed generator), so a figure
// can be compared between runs.

const GIVEN = [
  'James', 'Maria', 'Wei', 'Fatima', 'Olga', 'Hiroshi', 'Aisha', 'Carlos', 'Priya', 'Minjun',
  'Sofia', 'Ahmed', 'Elena', 'Kwame', 'Lucas', 'Mei', 'Dmitri', 'Ana', 'Yusuf', 'Grace',
  'Seo-yeon', 'Jin', 'Ravi', 'Chloe', 'Mateo', 'Ingrid', 'Omar', 'Nguyen', 'Hannah', 'Tomasz',
];
const FAMILY = [
  'Smith', 'Garcia', 'Wang', 'Khan', 'Ivanova', 'Tanaka', 'Okafor', 'Rossi', 'Patel', 'Kim',
  'Martin', 'Hassan', 'Petrov', 'Mensah', 'Silva', 'Chen', 'Kowalski', 'Lopez', 'Yilmaz', 'Brown',
  'Park', 'Lee', 'Sharma', 'Dubois', 'Fernandez', 'Larsen', 'Haddad', 'Tran', 'Schmidt', 'Nowak',
];
const COMPANY = [
  'Acme Software', 'Blue River Consulting', 'Northwind Traders', 'Globex', 'Initech', 'Umbrella Analytics',
  'Stark Digital', 'Wayne Data Systems', 'Pied Piper', 'Hooli', 'Vandelay Industries', 'Cyberdyne Labs',
  'Soylent Foods', 'Tyrell Robotics', 'Oceanic Logistics', 'Bright Path Ltd', '', '', '', '',
];
const COUNTRIES = ['US', 'GB', 'DE', 'IN', 'KR', 'JP', 'BR', 'NG', 'PL', 'CA', ''];
/** Listed names and companies, as applicants write them. */
export const LISTED = [
  { name: 'Kim Jong Un', company: '' },
  { name: '', company: 'Yanbian Silverstar' },
  { name: 'Song-hwa Jong', company: 'Yanbian Silverstar Network Technology' },
  { name: '', company: 'Lazarus Group' },
  { name: '', company: 'Chinyong Information Technology Cooperation Company' },
  { name: 'Pak Hwa Song', company: '' },
];

function generator(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** `rows` CSV rows with a header: Name, Company, DOB, Country, applicant_id. */
export function batchCsv(rows, seed = 7) {
  const random = generator(seed);
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const lines = ['Name,Company,DOB,Country,applicant_id'];
  for (let i = 1; i <= rows; i += 1) {
    const listed = i % 50 === 0 ? LISTED[(i / 50) % LISTED.length] : null;
    const name = listed ? listed.name : `${pick(GIVEN)} ${pick(FAMILY)}`;
    const company = listed ? listed.company : pick(COMPANY);
    const year = 1960 + Math.floor(random() * 45);
    const dob = random() < 0.5 ? `${year}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}` : '';
    lines.push([name, company, dob, pick(COUNTRIES), `A-${i}`].join(','));
  }
  return `${lines.join('\n')}\n`;
}
