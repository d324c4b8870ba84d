/**
 * A page that names the portal's payment and evaluation pages (`window.dvcKit.paymentUrl` /
 * `surveyUrl`), as a portal without the payment or survey widget beside its tracker does, so the
 * tracker offers "Pay" and "Evaluate". The page routes those itself (it cancels the events), so a
 * test that presses them stays on its page.
 */
const route = (event: Event): void => event.preventDefault();

export function namePortalPages(): void {
  window.dvcKit = { ...window.dvcKit, paymentUrl: 'https://portal.example/thanh-toan', surveyUrl: 'https://portal.example/danh-gia' };
  document.removeEventListener('dvc-payment-requested', route);
  document.removeEventListener('dvc-survey-requested', route);
  document.addEventListener('dvc-payment-requested', route);
  document.addEventListener('dvc-survey-requested', route);
}
