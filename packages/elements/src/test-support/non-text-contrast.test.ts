import { expect, fixture, html } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import { describe, it } from './mocha.ts';
import { contrastRatio, expectNonTextContrast, measureNonTextContrast } from './non-text-contrast.ts';

/** A host with a shadow root holding `content`: the checker reads through shadow roots as in a widget. */
async function shadowHost(content: TemplateResult): Promise<HTMLElement> {
  const host = await fixture<HTMLElement>(html`<div></div>`);
  render(html`${STYLE}${content}`, host.attachShadow({ mode: 'open' }));
  return host;
}

const STYLE = html`<style>
  :host { display: block; background: #ffffff; padding: 16px; }
  input, button, select { font: inherit; margin: 8px; }
  .faint { border: 1px solid #d0d4da; background: #ffffff; }
  .good { border: 1px solid #6b7280; background: #ffffff; }
  .link { border: 0; background: none; color: #0a4f9c; text-decoration: underline; }
  .dark { background: #1b1f24; padding: 16px; }
  .dark input { border: 1px solid #3a3f47; background: #1b1f24; }
</style>`;

describe('non-text contrast check (WCAG 1.4.11)', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).to.be.closeTo(21, 0.01);
    expect(contrastRatio([0x6b, 0x72, 0x80], [255, 255, 255])).to.be.closeTo(4.83, 0.01);
    expect(contrastRatio([255, 255, 255], [255, 255, 255])).to.equal(1);
  });

  it('passes a field with a 4.8:1 border and a checked radio, and says what it measured', async () => {
    const host = await shadowHost(html`<input class="good" id="ok"><input type="radio" id="choice" checked style="accent-color: #0a4f9c">`);
    const measured = await expectNonTextContrast(host);
    expect(measured.map((m) => `${m.control} ${m.kind}`)).to.deep.equal(['input#ok field', 'input#choice[type="radio"] choice']);
    const field = measured[0]!;
    expect(field.surroundings).to.deep.equal([255, 255, 255]);
    expect(field.ratio).to.be.at.least(4.5);
  });

  it('fails a field whose border is faint on white, naming it and its colours', async () => {
    const host = await shadowHost(html`<input class="good" id="ok"><input class="faint" id="faint">`);
    let error: Error | undefined;
    try {
      await expectNonTextContrast(host);
    } catch (caught) {
      error = caught as Error;
    }
    expect(error?.message).to.match(/1 control\(s\) under 3:1/);
    expect(error?.message).to.match(/input#faint: #d0d4da on #ffffff = 1\.\d\d:1/);
    expect(error?.message).not.to.include('input#ok');
  });

  it('measures against what the control sits on: a dark border on a dark panel fails', async () => {
    const host = await shadowHost(html`<div class="dark"><input id="on-dark"></div>`);
    const [measured] = await measureNonTextContrast(host);
    expect(measured!.surroundings).to.deep.equal([0x1b, 0x1f, 0x24]);
    expect(measured!.ratio).to.be.below(3);
  });

  it('leaves out a button that draws no boundary (its text identifies it), but measures one that draws a faint box', async () => {
    const host = await shadowHost(html`<button class="link" id="text-only">Quay lại</button><button class="faint" id="faint-box">Gửi</button>`);
    const measured = await measureNonTextContrast(host);
    expect(measured.map((m) => m.control)).to.deep.equal(['button#faint-box']);
    expect(measured[0]!.ratio).to.be.below(3);
  });

  it('measures a control below the fold (the viewport grows to hold the widget, then is put back)', async () => {
    const before = { width: window.innerWidth, height: window.innerHeight };
    const host = await shadowHost(html`<div style="height: 3000px"></div><input class="faint" id="far">`);
    const [measured] = await measureNonTextContrast(host);
    expect(measured!.control).to.equal('input#far');
    expect(measured!.ratio).to.be.below(3);
    expect(measured!.surroundings).to.deep.equal([255, 255, 255]);
    expect({ width: window.innerWidth, height: window.innerHeight }).to.deep.equal(before);
  });

  it('leaves out a control off to the side of the page (a honeypot seen by nobody)', async () => {
    const host = await shadowHost(html`<input class="good" id="seen"><input class="faint" id="honeypot" style="position: absolute; left: -10000px">`);
    const measured = await expectNonTextContrast(host);
    expect(measured.map((m) => m.control)).to.deep.equal(['input#seen']);
  });

  it('refuses a state with nothing to measure', async () => {
    const host = await shadowHost(html`<p>Không có ô nhập nào.</p>`);
    let error: Error | undefined;
    try {
      await expectNonTextContrast(host);
    } catch (caught) {
      error = caught as Error;
    }
    expect(error?.message).to.include('no control to measure');
  });
});
