// The demo portal's own script (not DVC Kit). It shows what a portal wires by hand:
// - the language switch sets <html lang>, which every widget follows;
// - the tracker's "Pay" and "Evaluate" open the payment and survey widgets for that dossier.
//   Events carry only the dossier code: each widget asks for the identity number itself, so no
//   personal data passes through the page.
const payment = document.querySelector('#thanh-toan');
const survey = document.querySelector('#danh-gia');

for (const button of document.querySelectorAll('[data-lang]')) {
  button.addEventListener('click', () => {
    document.documentElement.lang = button.dataset.lang;
    for (const other of document.querySelectorAll('[data-lang]')) {
      other.setAttribute('aria-pressed', String(other === button));
    }
  });
}

function open(section, dossierCode) {
  section.querySelector('dvc-payment, dvc-satisfaction-survey').setAttribute('dossier-code', dossierCode);
  section.hidden = false;
  section.querySelector('h2').focus();
}

document.addEventListener('dvc-payment-requested', (event) => open(payment, event.detail.dossierCode));
document.addEventListener('dvc-survey-requested', (event) => open(survey, event.detail.dossierCode));

// Back from the payment gateway: the address carries the payment reference; show the widget.
if (new URLSearchParams(location.search).has('vnp_TxnRef')) payment.hidden = false;
