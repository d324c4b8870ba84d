// The demo portal's own script (not DVC Kit): only the language switch, which sets <html lang>;
// every widget follows it. The journey between the widgets needs no page script: the tracker's
// "Pay" and "Evaluate" hand the dossier to the payment and survey widgets on this page.
for (const button of document.querySelectorAll('[data-lang]')) {
  button.addEventListener('click', () => {
    document.documentElement.lang = button.dataset.lang;
    for (const other of document.querySelectorAll('[data-lang]')) {
      other.setAttribute('aria-pressed', String(other === button));
    }
  });
}
