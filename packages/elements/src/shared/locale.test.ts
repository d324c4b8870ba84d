import { expect, waitUntil } from '@open-wc/testing';
import { afterEach, describe, it } from '../test-support/mocha.ts';
import { formatDate, formatNumber, formatVnd, getLocale, localeReady, resolveLocale, setLocale } from './locale.ts';

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
