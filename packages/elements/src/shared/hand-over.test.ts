import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { afterEach, beforeEach, describe, it } from '../test-support/mocha.ts';
import { sandboxUrl } from '../test-support/axe.ts';
import '../dossier-tracker/index.ts';
import '../payment/index.ts';
import '../satisfaction-survey/index.ts';
import type { DvcDossierTracker } from '../dossier-tracker/dossier-tracker.ts';
import type { DvcPayment } from '../payment/payment.ts';
import { PaymentSession } from '../payment/payment-session.ts';
import type { DvcSatisfactionSurvey } from '../satisfaction-survey/satisfaction-survey.ts';
import { accessExpired, accessFor, forgetAccess, holdsProof, lastDossier, noteLetGo, rememberAccess } from './dossier-access.ts';
import { conceal, handOverTarget, pageAddress, reveal } from './hand-over.ts';
import { FocusController } from './focus-controller.ts';
import { LitElement, html as litHtml } from 'lit';
import { armFault, arriveWith, completeAtGateway, EventLog, gatewayParams, pay, slow, waitForState } from '../test-support/payment-drivers.ts';

const PAYMENT_DUE = { code: '000.00.15.H26-261102-0006', applicantId: '001099000006' };
const DECIDED = { code: '000.00.15.H26-261102-0009', applicantId: '001099000009' };

const inside = <T extends HTMLElement = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);

async function lookUp(tracker: DvcDossierTracker, who: { code: string; applicantId: string }): Promise<void> {
  tracker.code = who.code;
  await tracker.updateComplete;
  inside(tracker, '#applicant-id')!.setAttribute('value', '');
  (inside(tracker, '#applicant-id') as HTMLInputElement).value = who.applicantId;
  await tracker.lookup();
  await waitUntil(() => inside(tracker, '[part~="result"]'), 'no dossier found', { timeout: 8000 });
}

/**
 * The dossier looked up, then a tracker on the page anew (back from the gateway, a reload) while the
 * API cannot be reached: it shows the failure of showing the dossier again.
 */
async function backWhileUnreachable(): Promise<DvcDossierTracker> {
  const first = await fixture<DvcDossierTracker>(html`<dvc-dossier-tracker api-base=${sandboxUrl()}></dvc-dossier-tracker>`);
  await lookUp(first, PAYMENT_DUE);
  fixtureCleanup();
  // The SDK asks three times (two retries): all three fail.
  await fetch(`${sandboxUrl()}/_sandbox/faults`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ operationId: 'getDossier', kind: 'status', status: 503, times: 3 }),
  });
  const tracker = await fixture<DvcDossierTracker>(html`<dvc-dossier-tracker api-base=${sandboxUrl()}></dvc-dossier-tracker>`);
  await waitUntil(() => inside(tracker, '[part~="error"]'), 'no failure shown', { timeout: 10_000 });
  return tracker;
}

/** A tracker and a payment on one page, a demo dossier with something due looked up. */
async function trackerAndPayment(): Promise<{ page: HTMLElement; tracker: DvcDossierTracker; payment: DvcPayment }> {
  const page = await fixture<HTMLElement>(html`<div>
    <dvc-dossier-tracker api-base=${sandboxUrl()}></dvc-dossier-tracker>
    <dvc-payment api-base=${sandboxUrl()}></dvc-payment>
  </div>`);
  const tracker = page.querySelector('dvc-dossier-tracker')!;
  await lookUp(tracker, PAYMENT_DUE);
  return { page, tracker, payment: page.querySelector<DvcPayment>('dvc-payment')! };
}

/** A tracker and a dossier evaluation on one page, a decided demo dossier looked up in the tracker. */
async function trackerBesideEvaluation(): Promise<{ tracker: DvcDossierTracker; survey: DvcSatisfactionSurvey }> {
  const page = await fixture<HTMLElement>(html`<div>
    <dvc-dossier-tracker api-base=${sandboxUrl()}></dvc-dossier-tracker>
    <dvc-satisfaction-survey api-base=${sandboxUrl()}></dvc-satisfaction-survey>
  </div>`);
  const tracker = page.querySelector('dvc-dossier-tracker')!;
  await lookUp(tracker, DECIDED);
  return { tracker, survey: page.querySelector<DvcSatisfactionSurvey>('dvc-satisfaction-survey')! };
}

/** The same, the dossier handed to the evaluation, its form loaded. */
async function trackerAndEvaluation(): Promise<{ tracker: DvcDossierTracker; survey: DvcSatisfactionSurvey }> {
  const { tracker, survey } = await trackerBesideEvaluation();
  inside(tracker, '[part~="evaluate-button"]')!.click();
  await waitUntil(() => inside(survey, '[part~="dossier"]'), 'the evaluation form did not load', { timeout: 8000 });
  return { tracker, survey };
}

/** A page with a section the portal keeps hidden, a widget in it, `aboveHeight` px of page above and plenty below. */
async function pageWithWidgetBelow(aboveHeight: number): Promise<{ above: HTMLElement; target: HTMLElement }> {
  const page = await fixture<HTMLElement>(html`<div>
    <div id="above" style=${`height: ${aboveHeight}px`}></div>
    <section hidden><div id="target" style="height: 200px">the payment's outcome</div></section>
    <div style="height: 3000px"></div>
  </div>`);
  return { above: page.querySelector<HTMLElement>('#above')!, target: page.querySelector<HTMLElement>('#target')! };
}

describe('hand-over between widgets, with no page script', () => {
  beforeEach(async () => {
    sessionStorage.clear();
    delete window.dvcKit;
    // Fresh demo dossiers and rate-limit counts: these tests look up more than ten a minute.
    await fetch(`${sandboxUrl()}/_sandbox/reset`, { method: 'POST' });
  });
  afterEach(() => {
    fixtureCleanup();
    sessionStorage.clear();
    delete window.dvcKit;
  });

  it('a widget brought into view is held there while the page above it grows or shrinks, until the citizen scrolls', async () => {
    const { above, target } = await pageWithWidgetBelow(300);
    const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    // Without the browser's scroll anchoring, which keeps some pages in place by itself, not all; and
    // on a page that scrolls smoothly, as many portals' base styles make theirs.
    document.documentElement.style.overflowAnchor = 'none';
    document.documentElement.style.scrollBehavior = 'smooth';
    reveal(target);
    await frames();
    expect(target.closest('section')!.hidden).to.equal(false);
    const shown = target.getBoundingClientRect().top;
    expect(Math.abs(shown)).to.be.below(2, 'scrolled to the top of the window');
    // Another widget above draws what it restored: the page grows above the outcome, then shrinks.
    above.style.height = '1500px';
    await frames();
    expect(Math.abs(target.getBoundingClientRect().top - shown)).to.be.below(2, 'still where it was after the page grew');
    above.style.height = '600px';
    await frames();
    expect(Math.abs(target.getBoundingClientRect().top - shown)).to.be.below(2, 'still where it was after the page shrank');
    // The citizen scrolls (a swipe, the wheel, a key): the page is theirs again, and nothing scrolls for them.
    // As a swipe or the wheel moves the page: at once (a smooth scroll still under way when the page
    // grows again would race the hold, under a loaded machine's slow frames).
    window.scrollBy({ top: -100, behavior: 'instant' });
    await frames();
    const theirs = target.getBoundingClientRect().top;
    above.style.height = '1600px';
    await frames();
    expect(target.getBoundingClientRect().top - theirs).to.be.above(900, 'left alone once the citizen scrolled');
    document.documentElement.style.scrollBehavior = '';
    window.scrollTo(0, 0);
    document.documentElement.style.overflowAnchor = '';
  });

  it('two widgets held at once: what is drawn before them stays out of scroll anchoring until the last lets go, and what the page set stays as it was', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <div id="above" style="height: 300px"></div>
      <div id="own" style="overflow-anchor: auto"></div>
      <section hidden><div id="one" style="height: 200px"></div></section>
      <section hidden><div id="two" style="height: 200px"></div></section>
      <div style="height: 3000px"></div>
    </div>`);
    const [above, own, one, two] = ['#above', '#own', '#one', '#two'].map((id) => page.querySelector<HTMLElement>(id)!);
    const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    reveal(one!);
    await frames();
    expect(above!.style.overflowAnchor).to.equal('none');
    expect(own!.style.overflowAnchor).to.equal('auto', 'the page\'s own setting is left alone');
    reveal(two!);
    await frames();
    conceal(one!);
    expect(above!.style.overflowAnchor).to.equal('none', 'still held for the second widget');
    expect(two!.closest('section')!.hidden).to.equal(false);
    conceal(two!);
    expect(above!.style.overflowAnchor).to.equal('');
    expect(above!.getAttribute('style')).to.equal('height: 300px;');
    expect(own!.style.overflowAnchor).to.equal('auto');
    window.scrollTo(0, 0);
  });

  it('a section hidden until found is hidden again as it was; a reveal undone before its frame scrolls nowhere', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <div style="height: 1500px"></div>
      <section hidden="until-found"><div id="target" style="height: 200px"></div></section>
      <div style="height: 3000px"></div>
    </div>`);
    const target = page.querySelector<HTMLElement>('#target')!;
    const section = target.closest('section')!;
    const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    window.scrollTo(0, 0);
    reveal(target);
    expect(section.hasAttribute('hidden')).to.equal(false);
    conceal(target);
    await frames();
    expect(section.getAttribute('hidden')).to.equal('until-found');
    expect(window.scrollY).to.equal(0, 'not scrolled to a section hidden again');
  });

  it('a reveal scrolls to the widget in a frame in which the page above has stopped moving it: growth above and the scroll in one frame would count as a shift of what comes into view', async () => {
    const { above, target } = await pageWithWidgetBelow(1500);
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    window.scrollTo(0, 0);
    await frame();
    const shifts: number[] = [];
    const layoutShifts = PerformanceObserver.supportedEntryTypes.includes('layout-shift');
    const observer = new PerformanceObserver((list) => shifts.push(...list.getEntries().map((entry) => (entry as PerformanceEntry & { value: number }).value)));
    if (layoutShifts) observer.observe({ type: 'layout-shift' });
    reveal(target);
    await frame();
    // Between the reveal's frames, as an answer that the tracker above draws comes: the page above grows.
    await new Promise((resolve) => setTimeout(resolve, 0));
    above.style.height = '4000px';
    await frame();
    expect(window.scrollY).to.equal(0, 'not scrolled in the frame in which the page above grew');
    await frame();
    await frame();
    expect(Math.abs(target.getBoundingClientRect().top)).to.be.below(2, 'brought to the top of the window in the next');
    observer.disconnect();
    if (layoutShifts) expect(shifts.reduce((sum, value) => sum + value, 0)).to.be.below(0.001, 'no layout shift');
    conceal(target);
    window.scrollTo(0, 0);
  });

  it('while the kit shows a widget it brought into view, a reload restores no scroll of the browser\'s (it brings the widget into view itself); a page that chose how keeps its choice', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <section hidden><div id="first">the payment</div></section>
      <section hidden><div id="second">the evaluation</div></section>
      <section hidden><div id="third">shown, not brought into view</div></section>
    </div>`);
    const [first, second, third] = ['#first', '#second', '#third'].map((id) => page.querySelector<HTMLElement>(id)!);
    const note = `dvc-scroll-restoration:${location.pathname}`;
    try {
      history.scrollRestoration = 'auto';
      reveal(third!, { intoView: false });
      expect(history.scrollRestoration).to.equal('auto', 'shown only: the browser restores as before');
      reveal(first!);
      reveal(second!);
      expect([history.scrollRestoration, sessionStorage.getItem(note)]).to.deep.equal(['manual', '1']);
      conceal(first!);
      expect(history.scrollRestoration).to.equal('manual', 'one still shown');
      conceal(second!);
      expect([history.scrollRestoration, sessionStorage.getItem(note)]).to.deep.equal(['auto', null], 'none shown: restored again');
      conceal(third!);

      history.scrollRestoration = 'manual';
      reveal(first!);
      conceal(first!);
      expect([history.scrollRestoration, sessionStorage.getItem(note)]).to.deep.equal(['manual', null], 'the page\'s own choice stays');
    } finally {
      history.scrollRestoration = 'auto';
      sessionStorage.removeItem(note);
      window.scrollTo(0, 0);
    }
  });

  it('focus moved into a widget while it is being brought into view, or held there, does not scroll the page: the reveal takes it there, and a target below the view is then scrolled to', async () => {
    /** A widget that moves focus as the four do (a new state's heading, a control further down). */
    class FocusProbe extends LitElement {
      readonly mover = new FocusController(this);
      override render() {
        return litHtml`<h2 tabindex="-1" style="margin: 0">The outcome</h2><div style="height: 2000px"></div><button>Far down</button>`;
      }
    }
    if (!customElements.get('dvc-test-focus-probe')) customElements.define('dvc-test-focus-probe', FocusProbe);
    const page = await fixture<HTMLElement>(html`<div>
      <div style="height: 1500px"></div>
      <section hidden><dvc-test-focus-probe></dvc-test-focus-probe></section>
      <div style="height: 3000px"></div>
    </div>`);
    const probe = page.querySelector('dvc-test-focus-probe') as FocusProbe;
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    window.scrollTo(0, 0);
    reveal(probe);
    // Between the reveal's two frames (the answer came while the section was being shown): focus
    // goes to the heading without scrolling; the reveal then brings the widget to the top.
    await frame();
    const before = window.scrollY;
    probe.mover.focusAfterUpdate('h2');
    await probe.updateComplete;
    expect(probe.shadowRoot!.activeElement?.localName).to.equal('h2');
    expect(window.scrollY).to.equal(before, 'focus did not scroll the page while the reveal was under way');
    await frame();
    await frame();
    expect(Math.abs(probe.getBoundingClientRect().top)).to.be.below(2, 'brought to the top of the window');
    // Held there, focus moved to a control below the view: not scrolled to at once, but once the
    // page has laid out, so the citizen sees where focus is (which lets go of the hold).
    probe.mover.focusAfterUpdate('button');
    await probe.updateComplete;
    expect(probe.shadowRoot!.activeElement?.localName).to.equal('button');
    await frame();
    await frame();
    const { top, bottom } = probe.shadowRoot!.querySelector('button')!.getBoundingClientRect();
    expect(top >= 0 && bottom <= window.innerHeight, `the focused control is in view (${top}–${bottom})`).to.equal(true);
    conceal(probe);
    window.scrollTo(0, 0);
  });

  it('the tracker, back on the page while the API cannot be reached, says so and keeps the tab\'s proof: "Try again" shows the dossier without the number', async () => {
    const tracker = await backWhileUnreachable();
    expect(inside(tracker, '[part~="error"]')!.dataset['problem']).to.equal('service_unavailable');
    // Not asked for: shown where the dossier would be, not an alert that interrupts the page.
    expect(inside(tracker, '[part~="error"]')!.getAttribute('role')).to.equal(null);
    expect(accessFor(PAYMENT_DUE.code), 'the proof is kept').to.not.equal(undefined);
    inside(tracker, '[part~="retry-button"]')!.click();
    await waitUntil(() => inside(tracker, '[part~="result"]'), 'the dossier was not shown again', { timeout: 8000 });
    expect(inside(tracker, '[part~="result"]')!.textContent).to.contain(PAYMENT_DUE.code);
    // Asked for ("Try again"): said.
    expect(inside(tracker, '[part~="announcer"]')!.textContent!.trim()).to.match(/^Đã tìm thấy hồ sơ/);
  });

  it('the tracker, back on the page while the API could not be reached, tries again once a payment beside it has succeeded (the API answers again)', async () => {
    const tracker = await backWhileUnreachable();
    // What <dvc-payment> sends when "Check again" finds the payment paid.
    document.body.dispatchEvent(new CustomEvent('dvc-payment-succeeded', { bubbles: true, composed: true, detail: { paymentId: 'pay_x', receiptNumbers: [] } }));
    await waitUntil(() => inside(tracker, '[part~="result"]'), 'the dossier was not shown again', { timeout: 8000 });
    expect(inside(tracker, '[part~="error"]')).to.equal(null);
  });

  it('the tracker showing the last dossier again on its own (back on the page) says nothing in its live region: the citizen asked for nothing', async () => {
    const first = await fixture<DvcDossierTracker>(html`<dvc-dossier-tracker api-base=${sandboxUrl()}></dvc-dossier-tracker>`);
    await lookUp(first, PAYMENT_DUE);
    expect(inside(first, '[part~="announcer"]')!.textContent!.trim()).to.match(/^Đã tìm thấy hồ sơ/, 'a lookup is said');
    fixtureCleanup();
    const tracker = await fixture<DvcDossierTracker>(html`<dvc-dossier-tracker api-base=${sandboxUrl()}></dvc-dossier-tracker>`);
    const heard: string[] = [];
    const region = () => inside(tracker, '[part~="announcer"]');
    const listen = setInterval(() => { const said = region()?.textContent?.trim(); if (said) heard.push(said); }, 10);
    try {
      await waitUntil(() => inside(tracker, '[part~="result"]'), 'the dossier was not shown again', { timeout: 8000 });
      await tracker.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      clearInterval(listen);
    }
    expect(heard).to.deep.equal([]);
  });

  it('the tracker shows no "Pay" or "Evaluate" when the page has nowhere to send the dossier', async () => {
    const tracker = await fixture<DvcDossierTracker>(html`<dvc-dossier-tracker api-base=${sandboxUrl()}></dvc-dossier-tracker>`);
    await lookUp(tracker, PAYMENT_DUE);
    expect(inside(tracker, '[part~="fee-lines"]'), 'the fees are still shown').to.not.equal(null);
    expect(inside(tracker, '[part~="pay-button"]')).to.equal(null);
  });

  it('"Pay" hands the dossier to the <dvc-payment> on the page: what is due, no identity number asked, focus moved there', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <dvc-dossier-tracker api-base=${sandboxUrl()}></dvc-dossier-tracker>
      <section hidden><dvc-payment api-base=${sandboxUrl()}></dvc-payment></section>
    </div>`);
    const tracker = page.querySelector('dvc-dossier-tracker')!;
    const payment = page.querySelector<DvcPayment>('dvc-payment')!;
    await lookUp(tracker, PAYMENT_DUE);
    const requested: string[] = [];
    page.addEventListener('dvc-payment-requested', (event) => requested.push(event.detail.dossierCode));
    inside(tracker, '[part~="pay-button"]')!.click();
    await waitUntil(() => payment.shadowRoot!.querySelector('[data-state="due"]'), 'the payment did not show what is due', { timeout: 8000 });
    expect(requested).to.deep.equal([PAYMENT_DUE.code]);
    expect(payment.dossierCode).to.equal(PAYMENT_DUE.code);
    expect(payment.closest('section')!.hidden, 'the section the page kept hidden is revealed').to.equal(false);
    expect(inside(payment, '#applicant-id')).to.equal(null);
    await waitUntil(() => payment.shadowRoot!.activeElement?.id === 'state-heading', 'focus did not move to what is due');
  });

  it('"Check again" finding the payment paid once the API is back: its result stays in view as the tracker above shows the dossier again, and the gateway\'s answer leaves the address bar', async function () {
    slow(this, 45_000);
    const home = location.href;
    const log = new EventLog();
    try {
      // Back to the sandbox's origin, where the gateway's redirect can be read.
      const first = await fixture<HTMLElement>(html`<div>
        <dvc-dossier-tracker api-base=${sandboxUrl()}></dvc-dossier-tracker>
        <dvc-payment api-base=${sandboxUrl()} return-url=${`${sandboxUrl()}/health`}></dvc-payment>
      </div>`);
      const tracker = first.querySelector('dvc-dossier-tracker')!;
      const payment = first.querySelector<DvcPayment>('dvc-payment')!;
      await lookUp(tracker, PAYMENT_DUE);
      inside(tracker, '[part~="pay-button"]')!.click();
      await waitForState(payment, 'due');
      const paymentId = await pay(payment, log);
      const back = await completeAtGateway(paymentId, 'success');
      fixtureCleanup();
      // Back from the gateway while the API cannot be reached (the SDK asks three times).
      arriveWith(gatewayParams(back!));
      await armFault({ operationId: 'getDossier', kind: 'status', status: 503, times: 3 });
      await armFault({ operationId: 'getPayment', kind: 'status', status: 503, times: 3 });
      // Then the tracker reads it again a moment after the payment has shown its result (a slower answer).
      await armFault({ operationId: 'getDossier', kind: 'delay', delayMs: 1500 });
      document.documentElement.style.overflowAnchor = 'none';
      const page = await fixture<HTMLElement>(html`<div>
        <dvc-dossier-tracker api-base=${sandboxUrl()}></dvc-dossier-tracker>
        <section hidden><dvc-payment api-base=${sandboxUrl()} status-timeout="2"></dvc-payment></section>
        <div style="height: 3000px"></div>
      </div>`);
      const returned = page.querySelector<DvcPayment>('dvc-payment')!;
      const trackerAgain = page.querySelector('dvc-dossier-tracker')!;
      await waitForState(returned, 'unknown', 15_000);
      await waitUntil(() => inside(trackerAgain, '[part~="error"]'), 'the tracker did not say it could not show the dossier', { timeout: 10_000 });
      expect(location.search, 'the gateway\'s answer is still the only word of the payment').to.include('vnp_TxnRef');
      // The citizen moves about the page (the hold of the return ends), then asks again.
      const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      await frames();
      for (const top of [40, -20]) {
        window.scrollBy({ top, behavior: 'instant' });
        await frames();
      }
      inside(returned, '[part~="check-button"]')!.click();
      await waitForState(returned, 'paid', 15_000);
      await waitUntil(() => inside(trackerAgain, '[part~="result"]'), 'the tracker did not show the dossier again', { timeout: 10_000 });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const heading = inside(returned, '#state-heading')!;
      await waitUntil(() => returned.shadowRoot!.activeElement === heading, 'focus is not on the result');
      const { top, bottom } = heading.getBoundingClientRect();
      expect(top, 'the result\'s heading is not above the window').to.be.at.least(-1);
      expect(bottom, 'the result\'s heading is not below the window').to.be.at.most(window.innerHeight + 1);
      expect([...new URLSearchParams(location.search).keys()].filter((name) => name.startsWith('vnp_'))).to.deep.equal([]);
    } finally {
      log.dispose();
      history.replaceState(null, '', home);
      document.documentElement.style.overflowAnchor = '';
      window.scrollTo(0, 0);
    }
  });

  it('the payment, its proof refused as it pays, asks for the number again and says why, in its live region too, not "Starting the payment…"', async () => {
    const { tracker, payment } = await trackerAndPayment();
    inside(tracker, '[part~="pay-button"]')!.click();
    await waitUntil(() => payment.shadowRoot!.querySelector('[data-state="due"]'), 'the payment did not show what is due', { timeout: 8000 });
    const key = `dvc-access:${PAYMENT_DUE.code}`;
    const stored = JSON.parse(sessionStorage.getItem(key)!) as { token: string };
    sessionStorage.setItem(key, JSON.stringify({ ...stored, token: `${stored.token.slice(0, -4)}AAAA` }));
    inside(payment, '[part~="pay-button"]')!.click();
    await waitUntil(() => inside(payment, '#applicant-id'), 'the identity number was not asked for', { timeout: 8000 });
    await payment.updateComplete;
    const reason = 'Để bảo mật, vui lòng nhập lại số định danh cá nhân.';
    expect(inside(payment, '[part~="notice"]')?.textContent?.trim()).to.equal(reason);
    expect(inside(payment, '[part~="announcer"]')?.textContent?.trim()).to.equal(reason);

    // The number typed, and checked slowly: the form still says why it was asked for, meanwhile too.
    await armFault({ operationId: 'lookupDossier', kind: 'delay', delayMs: 1500 });
    inside<HTMLInputElement>(payment, '#applicant-id')!.value = PAYMENT_DUE.applicantId;
    inside<HTMLButtonElement>(payment, '[part~="continue-button"]')!.click();
    await waitUntil(() => inside(payment, '[part~="loading"]'), 'the number was not being checked', { timeout: 4000 });
    expect(inside(payment, '[part~="notice"]')?.textContent?.trim()).to.equal(reason);
    await waitUntil(() => payment.shadowRoot!.querySelector('[data-state="due"]'), 'what is due was not shown', { timeout: 8000 });
  });

  it('a portal that cancels the request routes its own way: nothing is handed over', async () => {
    const { page, tracker, payment } = await trackerAndPayment();
    page.addEventListener('dvc-payment-requested', (event) => event.preventDefault());
    inside(tracker, '[part~="pay-button"]')!.click();
    await payment.updateComplete;
    expect(payment.dossierCode).to.equal('');
  });

  it('"Look up another" beside a payment always on show: the payment says it has no dossier, and focus goes to the tracker\'s code field, not into the payment', async () => {
    const { tracker, payment } = await trackerAndPayment();
    inside(tracker, '[part~="pay-button"]')!.click();
    await waitUntil(() => payment.shadowRoot!.querySelector('[data-state="due"]'), 'the payment did not show what is due', { timeout: 8000 });
    inside(tracker, '[part~="another-button"]')!.click();
    await tracker.updateComplete;
    await payment.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(payment.shadowRoot!.querySelector('[data-state="idle"]'), 'no dossier to pay for').to.not.equal(null);
    expect(document.activeElement, 'focus in the tracker').to.equal(tracker);
    expect(tracker.shadowRoot!.activeElement?.id).to.equal('code');
  });

  it('"Look up another" lets the payment and the evaluation beside the tracker forget the dossier, hides their sections again, and drops the tab\'s proof', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <dvc-dossier-tracker api-base=${sandboxUrl()}></dvc-dossier-tracker>
      <section hidden><dvc-payment api-base=${sandboxUrl()}></dvc-payment></section>
      <section hidden><dvc-satisfaction-survey api-base=${sandboxUrl()} mode="dossier"></dvc-satisfaction-survey></section>
    </div>`);
    const tracker = page.querySelector('dvc-dossier-tracker')!;
    const payment = page.querySelector<DvcPayment>('dvc-payment')!;
    const survey = page.querySelector<DvcSatisfactionSurvey>('dvc-satisfaction-survey')!;
    await lookUp(tracker, PAYMENT_DUE);
    inside(tracker, '[part~="pay-button"]')!.click();
    await waitUntil(() => payment.shadowRoot!.querySelector('[data-state="due"]'), 'the payment did not show what is due', { timeout: 8000 });
    // An attempt to pay that the tab never heard the end of (paid from another tab meanwhile).
    const payments = new PaymentSession();
    payments.attemptFor(PAYMENT_DUE.code, 200_000, null);
    payments.rememberPayment(PAYMENT_DUE.code, 'pay_hx7mf3R3JaOLFjxKNpmH');
    expect(payments.read(PAYMENT_DUE.code)?.paymentId).to.equal('pay_hx7mf3R3JaOLFjxKNpmH');
    payment.shadowRoot!.querySelectorAll<HTMLInputElement>('[part="method"] input')[1]!.click();
    expect(payments.chosenMethod(PAYMENT_DUE.code)).to.equal('e-wallet');
    tracker.reset();
    await tracker.updateComplete;
    await payment.updateComplete;
    expect(payment.dossierCode).to.equal('');
    expect(payment.shadowRoot!.querySelector('[data-state="due"]'), 'what the last person owed is gone').to.equal(null);
    expect(payment.closest('section')!.hidden, 'its section hidden again').to.equal(true);
    expect(accessFor(PAYMENT_DUE.code), 'the tab no longer proves the last dossier').to.equal(undefined);
    expect(payments.read(PAYMENT_DUE.code), 'nor keeps the payment id that opens its receipt').to.equal(null);
    expect(payments.chosenMethod(PAYMENT_DUE.code), 'nor the method chosen').to.equal(null);
    expect(payment.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim(), 'nothing of the last person\'s left to read out').to.equal('');

    await lookUp(tracker, DECIDED);
    inside(tracker, '[part~="evaluate-button"]')!.click();
    await waitUntil(() => inside(survey, '[part~="dossier"]'), 'the evaluation form did not load', { timeout: 8000 });
    // An evaluation begun: its draft is in the tab, comment and all.
    const comment = inside<HTMLTextAreaElement>(survey, 'textarea')!;
    comment.value = 'Cán bộ tiếp nhận hướng dẫn chưa rõ';
    comment.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await survey.updateComplete;
    const drafts = () => Object.keys(sessionStorage).filter((key) => key.startsWith('dvc-survey-draft:') && key.endsWith(`:dossier:${DECIDED.code}`));
    await waitUntil(() => drafts().length === 1, 'no draft kept');
    inside(tracker, '[part~="another-button"]')!.click();
    await survey.updateComplete;
    expect(drafts(), 'the evaluation begun for the last dossier is forgotten with it').to.deep.equal([]);
    expect(survey.dossierCode).to.equal(undefined);
    expect(inside(survey, 'form'), 'no form to send in the last person\'s name').to.equal(null);
    expect(survey.closest('section')!.hidden).to.equal(true);
    // A dossier the widget does not show is not its to forget.
    await lookUp(tracker, DECIDED);
    inside(tracker, '[part~="evaluate-button"]')!.click();
    await waitUntil(() => inside(survey, '[part~="dossier"]'), 'the evaluation form did not load again', { timeout: 8000 });
    survey.forgetDossier(PAYMENT_DUE.code);
    await survey.updateComplete;
    expect(survey.dossierCode).to.equal(DECIDED.code);
    expect(survey.closest('section')!.hidden).to.equal(false);
  });

  it('"Evaluate" hands the dossier to the dossier survey (not to page feedback), which names it and asks no identity number', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <dvc-satisfaction-survey api-base=${sandboxUrl()} mode="page"></dvc-satisfaction-survey>
      <dvc-dossier-tracker api-base=${sandboxUrl()}></dvc-dossier-tracker>
      <dvc-satisfaction-survey id="evaluation" api-base=${sandboxUrl()}></dvc-satisfaction-survey>
    </div>`);
    const tracker = page.querySelector('dvc-dossier-tracker')!;
    const survey = page.querySelector<DvcSatisfactionSurvey>('#evaluation')!;
    await lookUp(tracker, DECIDED);
    inside(tracker, '[part~="evaluate-button"]')!.click();
    // The dossier's form (it showed page feedback before it had a dossier).
    await waitUntil(() => inside(survey, '[part~="dossier"]'), 'the evaluation form did not load', { timeout: 8000 });
    expect(survey.dossierCode).to.equal(DECIDED.code);
    expect(inside(survey, '#applicant-id')).to.equal(null);
    expect(inside(survey, '[part~="dossier"]')!.textContent).to.contain(DECIDED.code);
    await waitUntil(() => survey.shadowRoot!.activeElement?.getAttribute('part') === 'title', 'focus did not move to the form');
  });

  it('"Evaluate" while the evaluation form cannot be had: the survey says so and takes focus on "Try again", which then shows the form', async () => {
    const { tracker, survey } = await trackerBesideEvaluation();
    // The SDK asks three times (two retries): all three fail.
    await fetch(`${sandboxUrl()}/_sandbox/faults`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ operationId: 'getSurveyForm', kind: 'status', status: 503, times: 3 }),
    });
    inside(tracker, '[part~="evaluate-button"]')!.click();
    await waitUntil(() => inside(survey, '[part~="error"]'), 'no failure shown', { timeout: 10_000 });
    await waitUntil(() => survey.shadowRoot!.activeElement?.getAttribute('part') === 'retry-button', 'focus stayed behind, on the tracker');
    (survey.shadowRoot!.activeElement as HTMLElement).click();
    await waitUntil(() => inside(survey, '[part~="dossier"]'), 'the evaluation form did not load', { timeout: 8000 });
    // Loaded on the retry, the form takes focus as it would have the first time.
    await waitUntil(() => survey.shadowRoot!.activeElement?.getAttribute('part') === 'title', 'focus did not move to the form');
  });

  it('the evaluation sent, the tracker beside it reads the dossier again: "Evaluate" gives way to the thanks', async () => {
    const { tracker, survey } = await trackerAndEvaluation();
    for (const fieldset of survey.shadowRoot!.querySelectorAll('fieldset[part~="question"]')) fieldset.querySelector<HTMLInputElement>('input[type="radio"]')!.click();
    await survey.updateComplete;
    // What the tracker says, and whether its dossier leaves the screen, while it reads it again.
    const said: string[] = [];
    let dossierLeft = false;
    const watch = new MutationObserver(() => {
      said.push(inside(tracker, '[role="status"]')?.textContent?.trim() ?? '');
      if (!inside(tracker, '[part~="result"]')) dossierLeft = true;
    });
    watch.observe(tracker.shadowRoot!, { childList: true, subtree: true, characterData: true });
    inside<HTMLButtonElement>(survey, '[part~="submit-button"]')!.click();
    await waitUntil(() => inside(survey, '[part~="thanks"]'), 'the evaluation was not sent', { timeout: 8000 });
    await waitUntil(() => inside(tracker, '[part~="evaluation"]')?.textContent?.trim() === 'Cảm ơn Ông/Bà đã đánh giá việc giải quyết hồ sơ này.',
      'the tracker does not say the evaluation is done', { timeout: 8000 });
    expect(inside(tracker, '[part~="evaluate-button"]')).to.equal(null);
    watch.disconnect();
    // Read again quietly: the dossier stayed on screen, and nothing new was said over the survey's thanks.
    expect(dossierLeft, 'the dossier left the screen').to.equal(false);
    expect(said.filter((text) => text !== 'Đã tìm thấy hồ sơ. Trạng thái: Đã xử lý xong')).to.deep.equal([]);
  });

  it('the evaluation, its proof running out while the form is filled in, asks for the number on sending, says why, and keeps the answers', async () => {
    const { survey } = await trackerAndEvaluation();
    expect(inside(survey, '#applicant-id')).to.equal(null);
    const first = inside<HTMLInputElement>(survey, 'fieldset[part~="question"] input[type="radio"]')!;
    first.click();
    await survey.updateComplete;
    // Thirty minutes later.
    const key = `dvc-access:${DECIDED.code}`;
    const stored = JSON.parse(sessionStorage.getItem(key)!) as { expiresAt: string };
    sessionStorage.setItem(key, JSON.stringify({ ...stored, expiresAt: new Date(Date.now() - 1000).toISOString() }));
    inside<HTMLButtonElement>(survey, '[part~="submit-button"]')!.click();
    await waitUntil(() => inside(survey, '#applicant-id'), 'the identity number was not asked for', { timeout: 8000 });
    await survey.updateComplete;
    expect(inside(survey, '[part~="notice"]')?.textContent?.trim()).to.equal('Để bảo mật, vui lòng nhập lại số định danh cá nhân.');
    // The error summary, which takes focus, says why too.
    expect(inside(survey, '[part~="error-summary"] li')?.textContent?.trim()).to.equal('Để bảo mật, vui lòng nhập lại số định danh cá nhân.');
    expect(inside<HTMLInputElement>(survey, 'fieldset[part~="question"] input[type="radio"]')!.checked, 'the answer is kept').to.equal(true);
  });

  it('the evaluation, its proof refused by the API as it sends, asks for the number as when the proof ran out: said once by the notice and the summary, not also as a failure', async () => {
    const { survey } = await trackerAndEvaluation();
    // Every question answered: the API is asked, and refuses the proof.
    for (const question of survey.shadowRoot!.querySelectorAll('fieldset[part~="question"]')) question.querySelector<HTMLInputElement>('input[type="radio"]')!.click();
    await survey.updateComplete;
    // The tab still holds the proof, which the API no longer takes.
    const key = `dvc-access:${DECIDED.code}`;
    const stored = JSON.parse(sessionStorage.getItem(key)!) as { token: string };
    sessionStorage.setItem(key, JSON.stringify({ ...stored, token: `${stored.token.slice(0, -4)}AAAA` }));
    inside<HTMLButtonElement>(survey, '[part~="submit-button"]')!.click();
    await waitUntil(() => inside(survey, '#applicant-id'), 'the identity number was not asked for', { timeout: 8000 });
    await survey.updateComplete;
    const reason = 'Để bảo mật, vui lòng nhập lại số định danh cá nhân.';
    expect(inside(survey, '[part~="notice"]')?.textContent?.trim()).to.equal(reason);
    expect(inside(survey, '[part~="error-summary"] li')?.textContent?.trim()).to.equal(reason);
    expect(survey.shadowRoot!.activeElement?.getAttribute('part')).to.include('error-summary');
    expect(inside(survey, '[part~="error"]'), 'no failure by the send button').to.equal(null);
    expect(inside<HTMLInputElement>(survey, 'fieldset[part~="question"] input[type="radio"]')!.checked, 'the answer is kept').to.equal(true);
  });

  it('the evaluation, once the tracker\'s proof has expired or is refused, asks for the identity number again and says why', async () => {
    const tracker = await fixture<DvcDossierTracker>(html`<dvc-dossier-tracker api-base=${sandboxUrl()}></dvc-dossier-tracker>`);
    await lookUp(tracker, DECIDED);
    fixtureCleanup();
    const stored = JSON.parse(sessionStorage.getItem(`dvc-access:${DECIDED.code}`)!) as { token: string; expiresAt: string };
    for (const proof of [
      { ...stored, expiresAt: new Date(Date.now() - 60_000).toISOString() }, // expired in this tab
      { ...stored, token: `${stored.token.slice(0, -4)}AAAA` }, // refused by the API
    ]) {
      sessionStorage.setItem(`dvc-access:${DECIDED.code}`, JSON.stringify(proof));
      const survey = await fixture<DvcSatisfactionSurvey>(html`<dvc-satisfaction-survey api-base=${sandboxUrl()} dossier-code=${DECIDED.code}></dvc-satisfaction-survey>`);
      await waitUntil(() => inside(survey, '#applicant-id'), 'the identity number was not asked for', { timeout: 8000 });
      expect(inside(survey, '[part~="notice"]')?.textContent?.trim()).to.equal('Để bảo mật, vui lòng nhập lại số định danh cá nhân.');
      fixtureCleanup();
    }
    // Asked for the first time (no proof in this tab): no such notice.
    sessionStorage.clear();
    const fresh = await fixture<DvcSatisfactionSurvey>(html`<dvc-satisfaction-survey api-base=${sandboxUrl()} dossier-code=${DECIDED.code}></dvc-satisfaction-survey>`);
    await waitUntil(() => inside(fresh, '#applicant-id'), 'the identity number was not asked for', { timeout: 8000 });
    expect(inside(fresh, '[part~="notice"]')).to.equal(null);
  });

  it('without the widget, a page named for it: the dossier code in its address, the proof only in this tab\'s storage', async () => {
    const tracker = await fixture<DvcDossierTracker>(html`<dvc-dossier-tracker api-base=${sandboxUrl()} payment-url="/thanh-toan?tab=1"></dvc-dossier-tracker>`);
    await lookUp(tracker, PAYMENT_DUE);
    expect(inside(tracker, '[part~="pay-button"]')).to.not.equal(null);
    const target = handOverTarget('payment', '/thanh-toan?tab=1');
    expect(target?.kind).to.equal('page');
    const address = pageAddress((target as { url: URL }).url, PAYMENT_DUE.code);
    expect(new URL(address).pathname).to.equal('/thanh-toan');
    expect(new URL(address).searchParams.get('tab')).to.equal('1');
    expect(new URL(address).searchParams.get('dossier')).to.equal(PAYMENT_DUE.code);
    expect(address).to.not.contain(PAYMENT_DUE.applicantId);
    expect(address).to.not.contain(accessFor(PAYMENT_DUE.code)!.token);
    // Page-wide, and never a script address.
    window.dvcKit = { surveyUrl: 'javascript:alert(1)' };
    expect(handOverTarget('survey', undefined)).to.equal(undefined);
  });

  it('the page a portal sent the citizen to (?dossier=…, in capitals or not) pays with the tab\'s token, asking nothing', async () => {
    const tracker = await fixture<DvcDossierTracker>(html`<dvc-dossier-tracker api-base=${sandboxUrl()}></dvc-dossier-tracker>`);
    await lookUp(tracker, PAYMENT_DUE);
    fixtureCleanup();
    const home = location.href;
    history.replaceState(history.state, '', `?dossier=${encodeURIComponent(PAYMENT_DUE.code.toLowerCase())}`);
    try {
      const payment = await fixture<DvcPayment>(html`<dvc-payment api-base=${sandboxUrl()}></dvc-payment>`);
      await waitUntil(() => payment.shadowRoot!.querySelector('[data-state="due"]'), 'what is due was not shown', { timeout: 8000 });
      expect(payment.dossierCode).to.equal(PAYMENT_DUE.code);
      expect(inside(payment, '#applicant-id')).to.equal(null);
    } finally {
      history.replaceState(history.state, '', home);
    }
  });

  it('dossier access: kept per dossier until it expires, then said to have expired; the last dossier is remembered', () => {
    const future = new Date(Date.now() + 30 * 60_000).toISOString();
    rememberAccess(PAYMENT_DUE.code, { token: 'dvt1.abcdefghijklmnop.qrstuvwxyz012345', expiresAt: future });
    expect(accessFor(PAYMENT_DUE.code)?.expiresAt).to.equal(future);
    expect(lastDossier()?.dossierCode).to.equal(PAYMENT_DUE.code);
    expect(accessFor(DECIDED.code)).to.equal(undefined);
    expect(accessExpired(PAYMENT_DUE.code)).to.equal(false);
    // Within a minute of its end the token is not used: the request could arrive too late.
    expect(accessFor(PAYMENT_DUE.code, Date.now() + 29.5 * 60_000)).to.equal(undefined);
    expect(accessExpired(PAYMENT_DUE.code, Date.now() + 31 * 60_000)).to.equal(true);
    // What the page's scripts wrote there is checked, not trusted.
    sessionStorage.setItem(`dvc-access:${DECIDED.code}`, JSON.stringify({ token: '<script>', expiresAt: future }));
    expect(accessFor(DECIDED.code)).to.equal(undefined);
    forgetAccess(PAYMENT_DUE.code);
    expect(accessFor(PAYMENT_DUE.code)).to.equal(undefined);
    expect(lastDossier()).to.equal(undefined);
    // Never the identity number.
    expect(JSON.stringify({ ...sessionStorage })).to.not.contain(PAYMENT_DUE.applicantId);
  });

  it('dossier access: a proof given before a citizen let go ("Look up another", on any page) no longer counts, though a page kept in memory still holds it', async () => {
    const future = new Date(Date.now() + 30 * 60_000).toISOString();
    rememberAccess(PAYMENT_DUE.code, { token: 'dvt1.abcdefghijklmnop.qrstuvwxyz012345', expiresAt: future });
    const heldBefore = sessionStorage.getItem(`dvc-access:${PAYMENT_DUE.code}`)!;
    expect(holdsProof(PAYMENT_DUE.code)).to.equal(true);
    await new Promise((resolve) => setTimeout(resolve, 5));
    noteLetGo();
    // What a page restored from the back-forward cache may still read (Firefox's copy of the tab's storage).
    sessionStorage.setItem(`dvc-access:${PAYMENT_DUE.code}`, heldBefore);
    expect(accessFor(PAYMENT_DUE.code)).to.equal(undefined);
    expect(holdsProof(PAYMENT_DUE.code)).to.equal(false);
    expect(sessionStorage.getItem(`dvc-access:${PAYMENT_DUE.code}`)).to.equal(null, 'dropped');
    // Proved again afterwards: it counts.
    await new Promise((resolve) => setTimeout(resolve, 5));
    rememberAccess(PAYMENT_DUE.code, { token: 'dvt1.abcdefghijklmnop.qrstuvwxyz012345', expiresAt: future });
    expect(accessFor(PAYMENT_DUE.code)?.expiresAt).to.equal(future);
    // Nothing personal on the computer beyond the tab: a time.
    expect(Object.keys(localStorage).filter((key) => key.startsWith('dvc-'))).to.deep.equal(['dvc-let-go-at']);
    forgetAccess(PAYMENT_DUE.code);
  });
});
