import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { afterEach, describe, it } from '../test-support/mocha.ts';
import {
  formatDate, formatDateTime, formatNumber, formatVnd, getLocale, localeReady, registerTranslations, resolveLocale, setLocale,
  startsWithLabel,
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
    expect(formatVnd(1_500_000)).to.equal('1.500.000 đồng');
    expect(formatNumber(1234.5)).to.equal('1.234,5');
    // 17:30 UTC on 14 July is 00:30 on 15 July in Hanoi.
    expect(formatDate('2025-07-14T17:30:00Z')).to.include('15');
    await setLocale('en');
    expect(formatVnd(1_500_000)).to.include('1,500,000');
    expect(formatNumber(1234.5)).to.equal('1,234.5');
    expect(formatDate('2025-07-14T17:30:00Z')).to.match(/15 Jul 2025/);
  });

  it('groups whole numbers as Intl does for vi-VN and en-GB, without loading Intl\'s number data', async () => {
    const samples = [0, 7, 42, 999, 1000, 1234, 12_345, 999_999, 1_000_000, 5_669, 123_456_789, -1, -1234, -1_000_000, Number.MAX_SAFE_INTEGER];
    for (const [lang, locale] of [['vi', 'vi-VN'], ['en', 'en-GB']] as const) {
      await setLocale(lang);
      for (const n of samples) expect(formatNumber(n), `${n} (${lang})`).to.equal(new Intl.NumberFormat(locale).format(n));
    }
  });

  it('writes dates as Vietnamese official text does ("ngày 18/11/2026", "06:07 ngày 18/11/2026") and English naturally, in Vietnam time', async () => {
    await setLocale('vi');
    expect(formatDate('2026-11-18T06:07:00+07:00')).to.equal('ngày 18/11/2026');
    expect(formatDateTime('2026-11-18T06:07:00+07:00')).to.equal('06:07 ngày 18/11/2026');
    // Under a label that already says "Ngày …": the bare date, never "ngày ngày".
    expect(formatDate('2026-11-18T06:07:00+07:00', { bare: true })).to.equal('18/11/2026');
    // Two digits for day and month; 23:10 UTC on 4 March is 06:10 on 5 March in Hanoi.
    expect(formatDateTime('2027-03-04T23:10:00Z')).to.equal('06:10 ngày 05/03/2027');
    // A date without a time is that day, wherever the computer is.
    expect(formatDate('2024-10-01')).to.equal('ngày 01/10/2024');
    expect(formatDateTime('2024-10-01')).to.equal('ngày 01/10/2024');
    expect(formatDate('2026-11-18T06:07:00+07:00')).to.not.match(/thg/);

    await setLocale('en');
    expect(formatDate('2026-11-18T06:07:00+07:00')).to.equal('18 Nov 2026');
    expect(formatDateTime('2026-11-18T06:07:00+07:00')).to.equal('18 Nov 2026, 06:07');
    expect(formatDate('2026-11-18T06:07:00+07:00', { bare: true })).to.equal('18 Nov 2026');
    expect(formatDate('2024-10-01')).to.equal('1 Oct 2024');
  });

  it('tells when a text already starts with a label, as whole words, whatever the case or Unicode form', () => {
    expect(startsWithLabel('Phí cung cấp thông tin lý lịch tư pháp', 'Phí')).to.equal(true);
    expect(startsWithLabel('lệ phí cấp bản sao', 'Lệ phí')).to.equal(true);
    expect(startsWithLabel('Le\u0323\u0302 phi\u0301 cấp bản sao'.normalize('NFD'), 'Lệ phí')).to.equal(true);
    expect(startsWithLabel('Phía trước', 'Phí')).to.equal(false);
    expect(startsWithLabel('Lệ phí cấp bản sao', 'Phí')).to.equal(false);
    expect(startsWithLabel('Phí cung cấp thông tin', 'Charge')).to.equal(false);
    expect(startsWithLabel('Phí', '')).to.equal(false);
  });
});
