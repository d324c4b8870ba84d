// The demo portal's own script (not DVC Kit): the language switch. It sets <html lang>, which every
// widget follows, and puts the portal's own words in that language: the page is written in
// Vietnamese, and an element's English is in its data-en (text) and data-en-aria-label attributes.
// The choice is kept for the visit, so the way back from the payment gateway comes back in it.
// The journey between the widgets needs no page script: the tracker's "Pay" and "Evaluate" hand
// the dossier to the payment and survey widgets on this page.
const CHOSEN = 'demo-portal-language';
const written = new Map();

/** The portal's words in `lang` ('vi' or 'en'), as text only. */
function showLanguage(lang) {
  document.documentElement.lang = lang;
  for (const element of document.querySelectorAll('[data-en], [data-en-aria-label]')) {
    if (!written.has(element)) written.set(element, { text: element.textContent, label: element.getAttribute('aria-label') });
    const vietnamese = written.get(element);
    if (element.dataset.en !== undefined) element.textContent = lang === 'en' ? element.dataset.en : vietnamese.text;
    if (element.dataset.enAriaLabel !== undefined) element.setAttribute('aria-label', lang === 'en' ? element.dataset.enAriaLabel : vietnamese.label);
  }
  for (const button of document.querySelectorAll('[data-lang]')) button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
}

for (const button of document.querySelectorAll('[data-lang]')) {
  button.addEventListener('click', () => {
    sessionStorage.setItem(CHOSEN, button.dataset.lang);
    showLanguage(button.dataset.lang);
  });
}
if (sessionStorage.getItem(CHOSEN) === 'en') showLanguage('en');
