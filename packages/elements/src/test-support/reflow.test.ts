/**
 * The reflow and target size check itself (test-support/reflow.ts) can fail: at 320 px it finds a
 * page that scrolls sideways, content that spills out of its box or is cut off, an unnamed sideways
 * scroller, and targets under 24 px that are too close to others, through nested shadow roots; and
 * only those (a named scroll region, spaced or inline small targets, visually hidden content pass).
 * The widgets' `*.reflow.test.ts` and the tracker's layout test rely on it.
 */
import { expect } from '@open-wc/testing';
import { html, render, type TemplateResult } from 'lit';
import { afterEach, describe, it } from './mocha.ts';
import { atViewport, reflowProblems } from './reflow.ts';

const STYLES = html`<style>
  :host { display: block; font: 16px/1.5 sans-serif; }
  * { box-sizing: border-box; }
  button { min-height: 44px; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
</style>`;

function shadowHost(content: TemplateResult): HTMLElement {
  const host = document.createElement('div');
  render(html`${STYLES}${content}`, host.attachShadow({ mode: 'open' }));
  document.body.append(host);
  return host;
}

const LONG = 'https://dichvucong.gov.vn/p/home/dvc_tthc_thu_tuc_hanh_chinh_chi_tiet.html?ma_thu_tuc=1.001193';

describe('reflow and target size check', () => {
  const hosts: HTMLElement[] = [];
  afterEach(() => {
    for (const host of hosts.splice(0)) host.remove();
  });
  const mount = (content: TemplateResult) => {
    const host = shadowHost(content);
    hosts.push(host);
    return host;
  };

  it('passes what fits: wrapping text, a named scroll region, spaced and inline small targets, visually hidden content', async () => {
    await atViewport(async () => {
      const host = mount(html`
        <p>Thủ tục đăng ký khai sinh, đăng ký thường trú, cấp thẻ căn cước: chữ xuống dòng ở 320 px.</p>
        <div tabindex="0" role="region" aria-label="Bảng phí" style="overflow-x: auto"><div style="width: 600px">Phí, lệ phí theo hình thức nộp</div></div>
        <p>Xem <a href="#a">điều khoản</a> trước khi gửi.</p>
        <button style="min-height: 0; width: 16px; height: 16px; padding: 0">×</button>
        <p style="margin-top: 24px"><label><input type="radio" name="r" style="width: 16px; height: 16px; margin: 0"> Có, lựa chọn với nhãn lớn</label></p>
        <span class="visually-hidden">${LONG} <button>Ẩn</button></span>
        <div style="position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden"><input name="website" tabindex="-1"></div>
      `);
      expect(reflowProblems(host)).to.deep.equal([]);
    });
  });

  it('finds a page that scrolls sideways and the box that sticks out, not every box around it', async () => {
    await atViewport(async () => {
      const host = mount(html`<section><ul><li><span style="display: inline-block; width: 500px">rộng</span></li></ul></section>`);
      const problems = reflowProblems(host);
      expect(problems[0]).to.match(/^the document is \d+ px wide in a 320 px viewport/);
      expect(problems.some((p) => p.startsWith('<li> "rộng" spills its content sideways'))).to.equal(true);
      expect(problems.some((p) => p.startsWith('<span> "rộng" reaches past the viewport'))).to.equal(true);
      expect(problems.some((p) => p.startsWith('<section>')), 'not the boxes around the cause').to.equal(false);
    });
  });

  it('finds a long word spilling out of its box, and content cut off, even when the page does not scroll', async () => {
    await atViewport(async () => {
      const host = mount(html`
        <div style="width: 120px"><p class="spill">dichvucong.gov.vn/p/home</p></div>
        <p class="cut" style="width: 200px; overflow: hidden; white-space: nowrap">Số định danh cá nhân của người nộp hồ sơ</p>
      `);
      expect(document.documentElement.scrollWidth, 'the page itself fits').to.be.at.most(320);
      expect(reflowProblems(host)).to.deep.equal([
        `<p.spill> "dichvucong.gov.vn/p/home" spills its content sideways (${host.shadowRoot!.querySelector('.spill')!.scrollWidth} px of content in 120 px)`,
        `<p.cut> "Số định danh cá nhân của người nộp hồ sơ" cuts off its content sideways (${host.shadowRoot!.querySelector('.cut')!.scrollWidth} px of content in 200 px)`,
      ]);
    });
  });

  it('finds a sideways scroller that is not focusable or not named', async () => {
    await atViewport(async () => {
      const host = mount(html`
        <div class="a" style="overflow-x: auto"><div style="width: 600px">a</div></div>
        <div class="b" tabindex="0" style="overflow-x: auto"><div style="width: 600px">b</div></div>
      `);
      expect(reflowProblems(host)).to.deep.equal([
        '<div.a> "a" scrolls sideways (600 px of content in 304 px) but is not a focusable, named scroll region',
        '<div.b> "b" scrolls sideways (600 px of content in 304 px) but is not a focusable, named scroll region',
      ]);
    });
  });

  it('finds targets under 24 px whose 24 px circle touches another target, through a nested shadow root', async () => {
    await atViewport(async () => {
      const host = mount(html`<p><a class="tiny" href="#x" style="display: inline-block; width: 20px; height: 20px">x</a><button class="next">Tiếp</button></p><div id="inner"></div>`);
      render(html`<div><button class="a" style="display: block; width: 30px; height: 18px">A</button><button class="b" style="display: block; width: 30px; height: 18px; margin-top: 2px">B</button></div>`,
        host.shadowRoot!.querySelector('#inner')!.attachShadow({ mode: 'open' }));
      const problems = reflowProblems(host);
      expect(problems).to.have.length(3);
      expect(problems[0]).to.match(/^<a\.tiny> "x" is 20 × 20 px, and a 24 px circle on it touches <button\.next> "Tiếp"$/);
      expect(problems[1]).to.match(/^<button\.a> "A" is 30 × 18 px, and a 24 px circle on it touches <button\.b> "B"$/);
      expect(problems[2]).to.match(/^<button\.b> "B" is 30 × 18 px, and a 24 px circle on it touches <button\.a> "A"$/);
    });
  });

  it('puts the viewport back after the body, even when it throws', async () => {
    await atViewport(async () => {
      expect(window.innerWidth).to.equal(320);
      throw new Error('the body failed');
    }).then(() => expect.fail('atViewport swallowed the error'), (error: Error) => expect(error.message).to.equal('the body failed'));
    expect(window.innerWidth).to.equal(800);
  });
});
