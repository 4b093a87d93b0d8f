// The example ATS wires its own applicant form to <sanctions-screen>: the
// element screens, the ATS shows a verdict beside its form from the event.
const form = document.getElementById('applicant');
const screen = document.getElementById('screen');
const verdict = document.getElementById('verdict');

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const data = new FormData(form);
  screen.setQuery({
    name: data.get('name'),
    company: data.get('company'),
    dob: data.get('dob'),
    country: data.get('country'),
  });
});

screen.addEventListener('screening', (event) => {
  const { result, error } = event.detail;
  if (error) {
    verdict.textContent = `Not screened: ${error}`;
    verdict.className = 'flag';
  } else if (result.matches.length === 0) {
    verdict.textContent = 'Clear: no match on the sanctions lists.';
    verdict.className = 'clear';
  } else {
    const strong = result.matches.some((m) => m.level === 'strong');
    verdict.textContent = `${strong ? 'Strong' : 'Possible'} sanctions match: hold this application for compliance review.`;
    verdict.className = 'flag';
  }
});
