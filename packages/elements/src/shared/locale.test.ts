import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { afterEach, describe, it } from '../test-support/mocha.ts';
import {
  formatDate, formatNumber, formatVnd, getLocale, localeReady, registerTranslations, resolveLocale, setLocale,
} from './locale.ts';

/** Renders one message with an explicit id, which only the parts registered by the tests translate. */
class LatePartProbe extends LitElement {
  static readonly messageId = 'test-late-part-probe';
  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }
  override render() {
    return msg('Late part probe', { id: LatePartProbe.messageId });
  }
}
customElements.define('late-part-probe', LatePartProbe);

describe('locale', () => {
  afterEach(async () => {
    // Both: <html lang> may already say vi while an explicit setLocale('en') is in effect.
    document.documentElement.lang = 'vi';
    await setLocale('vi');
  });

  it('maps <html lang> to a kit locale', () => {
    expect(resolveLocale('en')).to.equal('en');
    expect(resolveLocale('en-US')).to.equal('en');
    expect(resolveLocale('EN-gb')).to.equal('en');
    expect(resolveLocale('vi')).to.equal('vi');
    expect(resolveLocale('fr')).to.equal('vi');
    expect(resolveLocale('eng')).to.equal('vi');
    expect(resolveLocale('')).to.equal('vi');
    expect(resolveLocale(null)).to.equal('vi');
  });

  it('starts in Vietnamese on a vi page', async () => {
    await localeReady();
    expect(getLocale()).to.equal('vi');
  });

  it('follows <html lang> changes', async () => {
    document.documentElement.lang = 'en-GB';
    await localeReady();
    expect(getLocale()).to.equal('en');
    document.documentElement.removeAttribute('lang');
    await localeReady();
    expect(getLocale()).to.equal('vi');
  });

  it('switches live through the MutationObserver, without localeReady()', async () => {
    document.documentElement.lang = 'en';
    await waitUntil(() => getLocale() === 'en', 'locale did not follow <html lang>');
  });

  it('keeps an explicit setLocale() until <html lang> changes again', async () => {
    await setLocale('en');
    await localeReady();
    expect(getLocale()).to.equal('en');
  });

  it('loads a widget’s messages registered after the page is already Vietnamese, and re-renders', async () => {
    await localeReady();
    const probe = await fixture<LatePartProbe>(html`<late-part-probe></late-part-probe>`);
    expect(probe.shadowRoot!.textContent).to.equal('Late part probe');
    registerTranslations({ vi: async () => ({ templates: { [LatePartProbe.messageId]: 'Mẫu thử nạp sau' } }) });
    await localeReady();
    await waitUntil(() => probe.shadowRoot!.textContent === 'Mẫu thử nạp sau', 'the late part did not re-render the element');
    // Back in English the source text returns; in Vietnamese again the part is still there.
    await setLocale('en');
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.equal('Late part probe');
    await setLocale('vi');
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.equal('Mẫu thử nạp sau');
  });

  it('retries a part that failed to load (offline) when the page asks for Vietnamese again', async () => {
    await localeReady();
    const id = 'test-retried-part';
    let attempts = 0;
    registerTranslations({
      vi: async () => {
        attempts += 1;
        if (attempts === 1) throw new TypeError('Failed to fetch dynamically imported module');
        return { templates: { [id]: 'Đã nạp lại' } };
      },
    });
    let failure: unknown;
    await localeReady().catch((error: unknown) => (failure = error));
    expect(failure).to.be.instanceOf(TypeError);
    await setLocale('en');
    await setLocale('vi');
    expect(attempts).to.equal(2);
    expect(msg('Retried part', { id })).to.equal('Đã nạp lại');
  });

  it('formats money, numbers and dates for the locale, in Vietnam time', async () => {
    await localeReady();
    expect(formatVnd(1_500_000)).to.match(/^1\.500\.000\s?₫$/);
    expect(formatNumber(1234.5)).to.equal('1.234,5');
    // 17:30 UTC on 14 July is 00:30 on 15 July in Hanoi.
    expect(formatDate('2025-07-14T17:30:00Z')).to.include('15');
    await setLocale('en');
    expect(formatVnd(1_500_000)).to.include('1,500,000');
    expect(formatNumber(1234.5)).to.equal('1,234.5');
    expect(formatDate('2025-07-14T17:30:00Z')).to.match(/15 Jul 2025/);
  });
});
