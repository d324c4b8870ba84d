/**
 * A portal whose stylesheet sets its root font to 62.5% or 10px (to size its own text in tenths of a
 * rem, as Bootstrap 3 and many older portals do): the widgets still draw 16 px text and 44 px
 * targets (WCAG 2.5.8 and their own promise), each in a state with its controls. A larger root (a
 * reader's setting, a page's text-size button) still enlarges them.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { afterEach, beforeEach, describe, it } from '../test-support/mocha.ts';
import {
  createPaymentDossier, createSurveyDossier, mountPayment, mountSearch, mountSurvey, mountTracker, paymentState, sandbox, slow,
} from '../test-support/screen-reader-drivers.ts';

/** The text fields and buttons a citizen uses, as drawn (the survey's honeypot, hidden from people, left out). */
function controlHeights(host: Element): { control: string; height: number }[] {
  return [...host.shadowRoot!.querySelectorAll<HTMLElement>('button, input:not([type="radio"], [type="checkbox"]), textarea')]
    .filter((control) => !control.closest('[aria-hidden="true"]'))
    .map((control) => ({ control: `${control.tagName.toLowerCase()}#${control.id || control.getAttribute('part') || ''}`, box: control.getBoundingClientRect() }))
    .filter(({ box }) => box.width > 0 && box.height > 0)
    .map(({ control, box }) => ({ control, height: Math.round(box.height * 10) / 10 }));
}

const MOUNTS: [string, () => Promise<HTMLElement>][] = [
  ['the search', () => mountSearch()],
  ['the tracker', () => mountTracker()],
  ['the payment, fees due', async () => {
    await createPaymentDossier();
    const el = await mountPayment();
    await waitUntil(() => paymentState(el) === 'due', 'the payment did not show what is due', { timeout: 8000 });
    return el;
  }],
  ['the survey', async () => {
    await createSurveyDossier();
    return mountSurvey();
  }],
];

describe('a page whose root font is smaller than the reader\'s (html { font-size: 62.5% } or 10px)', () => {
  beforeEach(async () => {
    await sandbox('/reset');
    sessionStorage.clear();
  });
  afterEach(() => {
    document.documentElement.style.fontSize = '';
    sessionStorage.clear();
  });

  for (const root of ['62.5%', '10px']) {
    for (const [name, mount] of MOUNTS) {
      it(`${name}, root ${root}: 16 px text, fields and buttons 44 px high`, async function () {
        slow(this, 20_000);
        document.documentElement.style.fontSize = root;
        const el = await mount();
        expect(getComputedStyle(el).fontSize).to.equal('16px');
        const controls = controlHeights(el);
        expect(controls.length, 'controls measured').to.be.greaterThan(0);
        const short = controls.filter(({ height }) => height < 44);
        expect(short, JSON.stringify(short)).to.deep.equal([]);
      });
    }
  }

  it('a root larger than 16 px still enlarges them (200%: 32 px text, 88 px buttons)', async () => {
    document.documentElement.style.fontSize = '200%';
    const el = await mountSearch();
    expect(getComputedStyle(el).fontSize).to.equal('32px');
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    expect(button.getBoundingClientRect().height).to.be.at.least(88);
  });
});
