/**
 * The language-of-parts check itself (test-support/language-of-parts.ts) can fail: it finds
 * Vietnamese text and names outside a `lang="vi"` element, through nested shadow roots, and only
 * those. The widgets' `*.language.test.ts` rely on it.
 */
import { expect } from '@open-wc/testing';
import { html, render, type TemplateResult } from 'lit';
import { afterEach, describe, it } from './mocha.ts';
import { expectVietnameseMarked, unmarkedVietnamese } from './language-of-parts.ts';
import { setLang } from './page-lang.ts';

function shadowHost(content: TemplateResult): HTMLElement {
  const host = document.createElement('div');
  render(content, host.attachShadow({ mode: 'open' }));
  document.body.append(host);
  return host;
}

describe('language-of-parts check', () => {
  const hosts: HTMLElement[] = [];
  afterEach(async () => {
    for (const host of hosts.splice(0)) host.remove();
    await setLang('vi');
  });

  it('lists Vietnamese text and aria-labels not marked lang="vi", through nested shadow roots, and only those', async () => {
    await setLang('en');
    const host = shadowHost(html`<section lang="en">
        <h2>Thủ tục đăng ký khai sinh</h2>
        <p lang="vi">Hộ tịch</p>
        <p lang="vi-VN"><span>Ủy ban nhân dân cấp xã</span></p>
        <button aria-label="Đăng ký">Register</button>
        <button lang="vi" aria-label="Hộ khẩu">x</button>
        <p>Processing time: 5 working days, VND 100,000</p>
        <div id="inner"></div>
      </section>`);
    hosts.push(host);
    render(html`<p>Lệ phí</p><p lang="vi">Phí</p>`, host.shadowRoot!.querySelector('#inner')!.attachShadow({ mode: 'open' }));
    expect(unmarkedVietnamese(host)).to.deep.equal([
      '"Thủ tục đăng ký khai sinh" (lang="en")',
      'aria-label of <button>: "Đăng ký" (lang="en")',
      '"Lệ phí" (lang="en")',
    ]);
    expect(() => expectVietnameseMarked(host)).to.throw('3 Vietnamese text(s) not marked lang="vi"');
  });

  it('falls back to the page\'s language outside any lang attribute', async () => {
    const host = shadowHost(html`<p>Tìm thủ tục</p>`);
    hosts.push(host);
    await setLang('fr');
    expect(unmarkedVietnamese(host)).to.deep.equal(['"Tìm thủ tục" (lang="fr")']);
    await setLang('vi');
    expectVietnameseMarked(host);
  });
});
