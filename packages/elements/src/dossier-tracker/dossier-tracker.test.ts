import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import { dossierStatuses, type Dossier } from '@dvc-kit/sdk';
import type { components as sandboxComponents } from '@dvc-kit/server/contract-types';
import { afterEach, beforeEach, describe, it } from '../test-support/mocha.ts';
import { expectNoAxeViolations, sandboxUrl } from '../test-support/axe.ts';
import { atViewport, expectReflow } from '../test-support/reflow.ts';
import { formatDateTime } from '../shared/locale.ts';
import { setLang } from '../test-support/page-lang.ts';
import './index.ts';
import type { DvcDossierTracker } from './dossier-tracker.ts';
import type { DossierStatus } from './labels.ts';
import { namePortalPages } from '../test-support/portal-pages.ts';
import { withoutPaymentGateways } from '../test-support/no-gateways.ts';
import { completeAtGateway, paidThenAskedMore, sdk, TWO_KINDS } from '../test-support/payment-drivers.ts';

// The portal names its payment and evaluation pages: the tracker offers "Pay" and "Evaluate".
namePortalPages();

type SandboxDossierInput = sandboxComponents['schemas']['SandboxDossierInput'];
type SandboxFault = sandboxComponents['schemas']['SandboxFault'];

// Port 9 (discard) is closed on loopback: the connection is refused at once.
const CLOSED_PORT_API = 'http://127.0.0.1:9/api/v1';
// A made-up identity number for the dossiers the tests create.
const APPLICANT = '079203001234';
// Demo dossiers (README): code and identity number.
const demo = (n: number) => ({
  code: `000.00.15.H26-261102-${String(n).padStart(4, '0')}`,
  applicantId: `0010990000${String(n).padStart(2, '0')}`,
});

const VI_STATUS: Record<DossierStatus, string> = {
  submitted: 'Mới đăng ký',
  received: 'Đã được tiếp nhận',
  rejected: 'Không được tiếp nhận',
  processing: 'Đang xử lý',
  'supplement-requested': 'Yêu cầu bổ sung hồ sơ',
  'payment-due': 'Yêu cầu thực hiện nghĩa vụ tài chính',
  withdrawn: 'Công dân đã rút hồ sơ',
  stopped: 'Dừng xử lý',
  decided: 'Đã xử lý xong',
  'result-delivered': 'Đã trả kết quả',
};
const EN_STATUS: Record<DossierStatus, string> = {
  submitted: 'Submitted online',
  received: 'Received',
  rejected: 'Not accepted',
  processing: 'Being processed',
  'supplement-requested': 'More documents needed',
  'payment-due': 'Payment due',
  withdrawn: 'Withdrawn by the applicant',
  stopped: 'Processing stopped',
  decided: 'Decided',
  'result-delivered': 'Result delivered',
};

const NOT_FOUND_VI = 'Không tìm thấy hồ sơ khớp với mã hồ sơ và số định danh cá nhân đã nhập. Vui lòng kiểm tra lại và thử lại.';

// ---------- sandbox ----------

async function sandboxPost<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${sandboxUrl()}/_sandbox${path}`, {
    method: 'POST',
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`sandbox ${path}: ${response.status} ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** Makes a dossier for APPLICANT; the answer is the dossier as a lookup returns it. */
function createDossier(input: Partial<SandboxDossierInput>): Promise<Dossier> {
  return sandboxPost<Dossier>('/dossiers', { procedureCode: '3.000333', applicantId: APPLICANT, status: 'processing', ...input });
}

/** Makes the sandbox's next lookup slow or fail (`times` defaults to 1). */
function armFault(fault: Omit<SandboxFault, 'times'> & { times?: number }): Promise<unknown> {
  return sandboxPost('/faults', fault);
}

/**
 * Switches to print media and returns the way back. Chromium emulates it (over CDP). Firefox,
 * driven over WebDriver BiDi, has no media emulation (the emulate-media command throws "CDP
 * support is required"), so there the element's own `@media print` rules are adopted as a plain
 * style sheet: the same rules, checked the same way, without the browser's other print behaviour.
 */
async function printMedia(el: HTMLElement): Promise<() => Promise<void>> {
  if (!/Firefox\//.test(navigator.userAgent)) {
    await emulateMedia({ media: 'print' });
    return async () => {
      await emulateMedia({ media: 'screen' });
    };
  }
  const root = el.shadowRoot!;
  const printRules = root.adoptedStyleSheets
    .flatMap((sheet) => [...sheet.cssRules])
    .filter((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule && rule.media.mediaText === 'print')
    .flatMap((rule) => [...rule.cssRules].map((inner) => inner.cssText));
  expect(printRules.length, '@media print rules').to.be.greaterThan(0);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(printRules.join('\n'));
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  return async () => {
    root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}

// ---------- the element ----------

const mount = (template?: TemplateResult) =>
  fixture<DvcDossierTracker>(template ?? html`<dvc-dossier-tracker api-base=${sandboxUrl()}></dvc-dossier-tracker>`);

const $ = <T extends Element = HTMLElement>(el: DvcDossierTracker, selector: string): T | null =>
  el.shadowRoot!.querySelector<T>(selector);
const $$ = (el: DvcDossierTracker, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const codeInput = (el: DvcDossierTracker) => $<HTMLInputElement>(el, '#code')!;
const idInput = (el: DvcDossierTracker) => $<HTMLInputElement>(el, '#applicant-id');
const announcer = (el: DvcDossierTracker) => $(el, '[role="status"]')!;
const alertText = (el: DvcDossierTracker) => text($(el, '[part="outcome"] [role="alert"]'));
const badge = (el: DvcDossierTracker) => text($(el, '[part="status-badge"]'));
const timeliness = (el: DvcDossierTracker) => text($(el, '[part="timeliness"]'));
const active = (el: DvcDossierTracker) => el.shadowRoot!.activeElement;
const slow = (context: unknown, ms: number) => (context as { timeout(ms: number): void }).timeout(ms);
/** The shadow root's headings in order, as "H3 text": what the widget adds to the page's outline. */
const outline = (el: DvcDossierTracker) => $$(el, 'h1, h2, h3, h4, h5, h6').map((h) => `${h.tagName} ${text(h)}`);

/** The value of a result detail (`<dt>` label → `<dd>` text). */
function detail(el: DvcDossierTracker, label: string): string {
  const row = $$(el, '.details > div').find((div) => text(div.querySelector('dt')) === label);
  return text(row?.querySelector('dd'));
}

async function type(input: HTMLInputElement, value: string): Promise<void> {
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

async function fill(el: DvcDossierTracker, code: string, applicantId?: string): Promise<void> {
  await type(codeInput(el), code);
  if (applicantId !== undefined) await type(idInput(el)!, applicantId);
  await el.updateComplete;
}

/** Waits until the lookup shows a result or a problem. */
async function settled(el: DvcDossierTracker): Promise<void> {
  await waitUntil(
    () => $(el, '[part="result"]') !== null || $(el, '[role="alert"]') !== null,
    'the lookup did not settle',
    { timeout: 12_000 },
  );
  await el.updateComplete;
}

/** A payment started for the dossier (as the payment widget starts one) and left unfinished at its gateway. */
async function startPayment(code: string): Promise<string> {
  const started = await fetch(`${sandboxUrl()}/payments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({ dossierCode: code, applicantId: APPLICANT, returnUrl: `${sandboxUrl()}/health` }),
  });
  expect(started.status).to.equal(201);
  return ((await started.json()) as { id: string }).id;
}

async function submit(el: DvcDossierTracker): Promise<void> {
  $<HTMLButtonElement>(el, '[part="submit-button"]')!.click();
  await el.updateComplete;
}

async function lookUp(el: DvcDossierTracker, code: string, applicantId?: string): Promise<void> {
  await fill(el, code, applicantId);
  await submit(el);
  await settled(el);
}

/** "Look up another" between lookups in one test. */
async function another(el: DvcDossierTracker): Promise<void> {
  $<HTMLButtonElement>(el, '[part="another-button"]')!.click();
  await el.updateComplete;
}

/** Every text, attribute and input value in `root`, shadow roots included. */
function everythingIn(root: Node): string {
  const parts: string[] = [];
  const visit = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE || node.nodeType === Node.COMMENT_NODE) parts.push(node.nodeValue ?? '');
    if (node instanceof Element) {
      for (const attribute of node.attributes) parts.push(`${attribute.name}=${attribute.value}`);
      if (node instanceof HTMLInputElement) parts.push(node.value);
      if (node.shadowRoot) visit(node.shadowRoot);
    }
    for (const child of node.childNodes) visit(child);
  };
  visit(root);
  return parts.join('\n');
}

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table', 'group'] as const;

/** Records everything written to the console until restored. */
function spyOnConsole(): { written: string[]; restore(): void } {
  const written: string[] = [];
  const originals = CONSOLE_METHODS.map((name) => [name, console[name]] as const);
  for (const [name, original] of originals) {
    console[name] = (...args: unknown[]) => {
      written.push(args.map((arg) => (typeof arg === 'string' ? arg : safeJson(arg))).join(' '));
      (original as (...a: unknown[]) => void).apply(console, args);
    };
  }
  return {
    written,
    restore: () => {
      for (const [name, original] of originals) (console as unknown as Record<string, unknown>)[name] = original;
    },
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function storageDump(storage: Storage): string {
  return Array.from({ length: storage.length }, (_, i) => {
    const key = storage.key(i) ?? '';
    return `${key}=${storage.getItem(key) ?? ''}`;
  }).join('\n');
}

/** Asserts the identity number appears nowhere a page, script or person could read it back. */
function expectNoTraceOf(el: DvcDossierTracker, id: string, { inputs = true } = {}): void {
  const shadowMarkup = el.shadowRoot!.getHTML();
  expect(shadowMarkup, 'shadow root markup').to.not.include(id);
  expect(document.documentElement.outerHTML, 'document markup').to.not.include(id);
  const everything = everythingIn(document.documentElement);
  if (inputs) expect(everything, 'DOM texts, attributes and input values').to.not.include(id);
  for (const element of [el, ...el.shadowRoot!.querySelectorAll('*')]) {
    for (const name of element.getAttributeNames()) {
      expect(element.getAttribute(name), `attribute ${name}`).to.not.include(id);
    }
  }
  expect(location.href).to.not.include(id);
  expect(storageDump(sessionStorage)).to.not.include(id);
  expect(storageDump(localStorage)).to.not.include(id);
  // The request carried it in its body, never in a URL.
  for (const entry of performance.getEntriesByType('resource')) expect(entry.name).to.not.include(id);
}

describe('<dvc-dossier-tracker>', () => {
  beforeEach(async () => {
    await setLang('vi');
    // Restores the demo dossiers, drops created ones and faults, and clears the rate limits.
    await sandboxPost('/reset');
  });
  afterEach(() => setLang('vi'));

  describe('the form', () => {
    it('asks for the code (with its format) and the 12-digit number, and passes axe', async () => {
      const el = await mount();
      const code = codeInput(el);
      expect(text($(el, 'label[for="code"]'))).to.equal('Mã hồ sơ');
      expect(text($(el, '#code-hint'))).to.include('000.00.15.H26-250714-0042');
      expect(code.getAttribute('aria-describedby')).to.equal('code-hint');
      expect(code.getAttribute('aria-invalid')).to.equal('false');

      const id = idInput(el)!;
      expect(text($(el, 'label[for="applicant-id"]'))).to.equal('Số định danh cá nhân');
      expect(id.getAttribute('inputmode')).to.equal('numeric');
      expect(id.getAttribute('autocomplete')).to.equal('off');
      // No name: a native form submission could never carry it; no value attribute either.
      expect(id.hasAttribute('name')).to.equal(false);
      expect(id.hasAttribute('value')).to.equal(false);
      expect(text($(el, '[part="submit-button"]'))).to.equal('Tra cứu');
      expect($(el, 'form')!.getAttribute('aria-label')).to.equal('Tra cứu hồ sơ');
      expect($(el, '[part="result"]')).to.equal(null);
      expect(text(announcer(el))).to.equal('');
      await expectNoAxeViolations(el);
    });

    it('prefills the code from the attribute; applicantId is a property only and the form then asks for the code alone', async () => {
      const { code, applicantId } = demo(4);
      const el = await mount(html`<dvc-dossier-tracker api-base=${sandboxUrl()} code=${code} .applicantId=${applicantId}></dvc-dossier-tracker>`);
      expect(codeInput(el).value).to.equal(code);
      expect(idInput(el)).to.equal(null);
      expect(el.hasAttribute('applicantid')).to.equal(false);
      expect(el.hasAttribute('applicant-id')).to.equal(false);
      expectNoTraceOf(el, applicantId);

      await submit(el);
      await settled(el);
      expect(badge(el)).to.equal(VI_STATUS.processing);
      expectNoTraceOf(el, applicantId);

      // The page's number stays the page's: the next lookup again asks for the code only.
      await another(el);
      expect(el.applicantId).to.equal(applicantId);
      expect(idInput(el)).to.equal(null);
      expect(codeInput(el).value).to.equal('');
      await expectNoAxeViolations(el);
    });

    it('asks the citizen when the page sets an applicantId that is not 12 digits', async () => {
      const el = await mount(html`<dvc-dossier-tracker api-base=${sandboxUrl()} .applicantId=${'12345'}></dvc-dossier-tracker>`);
      expect(idInput(el)).to.not.equal(null);
    });

    it('shows errors next to the fields and a focused error summary, without calling the API; passes axe', async () => {
      const el = await mount();
      const lookupsBefore = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/dossiers/lookup')).length;
      await submit(el);

      const summary = $(el, '[part="error-summary"]')!;
      expect(summary).to.not.equal(null);
      expect(active(el), 'the summary has focus').to.equal(summary);
      const alert = summary.querySelector('[role="alert"]')!;
      expect(text(alert.querySelector('h2'))).to.equal('Có lỗi cần khắc phục');
      const links = [...summary.querySelectorAll('a')];
      expect(links.map(text)).to.deep.equal(['Nhập mã hồ sơ', 'Nhập số định danh cá nhân']);
      expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['#code', '#applicant-id']);

      // Each field points at its hint and its message, in the same shadow root.
      for (const [input, error] of [[codeInput(el), 'Nhập mã hồ sơ'], [idInput(el)!, 'Nhập số định danh cá nhân']] as const) {
        expect(input.getAttribute('aria-invalid')).to.equal('true');
        const ids = input.getAttribute('aria-describedby')!.split(' ');
        expect(ids).to.have.length(2);
        const described = ids.map((id) => el.shadowRoot!.getElementById(id));
        expect(described.every((node) => node !== null)).to.equal(true);
        expect(text(described[1])).to.equal(`Lỗi: ${error}`);
      }
      expect($(el, '[part="outcome"]')!.textContent!.trim()).to.equal('');
      expect(text(announcer(el))).to.equal('');
      await expectNoAxeViolations(el);

      // The links move focus to their fields, without touching the URL.
      const url = location.href;
      links[1]!.click();
      expect(active(el)).to.equal(idInput(el));
      links[0]!.click();
      expect(active(el)).to.equal(codeInput(el));
      expect(location.href).to.equal(url);
      const lookupsAfter = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/dossiers/lookup')).length;
      expect(lookupsAfter).to.equal(lookupsBefore);
    });

    it('rejects a malformed code and number with format messages', async () => {
      const el = await mount();
      await fill(el, 'HS-12345', '0010990000');
      await submit(el);
      expect(active(el)).to.equal($(el, '[part="error-summary"]'));
      expect(text($(el, '#code-error'))).to.equal('Lỗi: Mã hồ sơ chưa đúng định dạng, ví dụ: 000.00.15.H26-250714-0042');
      expect(text($(el, '#applicant-id-error'))).to.equal('Lỗi: Số định danh cá nhân phải gồm đúng 12 chữ số');
      // Fixing one field leaves only the other's error.
      await fill(el, demo(4).code, '0010990000');
      await submit(el);
      expect($(el, '#code-error')).to.equal(null);
      expect($$(el, '[part="error-summary"] a').map(text)).to.deep.equal(['Số định danh cá nhân phải gồm đúng 12 chữ số']);
      await expectNoAxeViolations(el);
    });

    it('accepts a code typed with spaces and in lower case, and a number typed in groups', async () => {
      const el = await mount();
      await lookUp(el, '  000.00.15.h26 - 261102 - 0004 ', '001 099 000 004');
      expect($(el, '[part="error-summary"]')).to.equal(null);
      expect(badge(el)).to.equal(VI_STATUS.processing);
      expect(detail(el, 'Mã hồ sơ')).to.equal('000.00.15.H26-261102-0004');
      expect(el.code).to.equal('000.00.15.H26-261102-0004');
    });

    it('finds a code typed without its dots and dashes (a phone keyboard hides them), and shows it as printed', async () => {
      const el = await mount();
      await lookUp(el, '0000015h262611020004', '001099000004');
      expect(badge(el)).to.equal(VI_STATUS.processing);
      expect(detail(el, 'Mã hồ sơ')).to.equal('000.00.15.H26-261102-0004');
    });
  });

  describe('the result', () => {
    it('renders each of the ten statuses in words with a shape (Vietnamese)', async function () {
      slow(this, 40_000);
      const el = await mount();
      for (const status of dossierStatuses) {
        const dossier = await createDossier({ status });
        await lookUp(el, dossier.code, APPLICANT);
        expect(badge(el), status).to.equal(VI_STATUS[status]);
        const shape = $(el, '[part="status-badge"] svg')!;
        expect(shape.getAttribute('aria-hidden')).to.equal('true');
        expect($(el, '[part="status-badge"]')!.dataset['status']).to.equal(status);
        expect(text(announcer(el))).to.equal(`Đã tìm thấy hồ sơ. Trạng thái: ${VI_STATUS[status]}`);
        await another(el);
      }
    });

    it('renders each of the ten statuses in English', async function () {
      slow(this, 40_000);
      await setLang('en');
      const el = await mount();
      for (const status of dossierStatuses) {
        const dossier = await createDossier({ status });
        await lookUp(el, dossier.code, APPLICANT);
        expect(badge(el), status).to.equal(EN_STATUS[status]);
        await another(el);
      }
    });

    it('shows the procedure, unit, dates in Vietnam time and the history as an ordered timeline; focus goes to the heading', async () => {
      const dossier = await createDossier({
        status: 'result-delivered',
        receivedAt: '2025-07-14T09:15:00+07:00',
        dueAt: '2025-07-25T17:00:00+07:00',
        completedAt: '2025-07-24T10:00:00+07:00',
      });
      const el = await mount();
      const found = oneEvent(el, 'dvc-dossier-found');
      await lookUp(el, dossier.code, APPLICANT);
      await found;
      await el.updateComplete;

      const heading = $(el, '#result-heading')!;
      expect(heading.tagName).to.equal('H2');
      expect(text(heading)).to.equal(dossier.procedure.name);
      expect(active(el), 'focus is on the result heading').to.equal(heading);
      expect($(el, '[part="result"]')!.getAttribute('aria-labelledby')).to.equal('result-heading');

      expect(detail(el, 'Mã hồ sơ')).to.equal(dossier.code);
      expect(detail(el, 'Cơ quan tiếp nhận')).to.equal(dossier.agency);
      expect(detail(el, 'Ngày tiếp nhận')).to.equal('09:15 ngày 14/07/2025');
      expect(detail(el, 'Ngày hẹn trả kết quả')).to.equal('17:00 ngày 25/07/2025');
      expect(detail(el, 'Ngày hoàn thành')).to.equal('10:00 ngày 24/07/2025');
      // Vietnam time whatever the computer's zone: 09:15 stays 09:15.
      expect(detail(el, 'Ngày tiếp nhận')).to.include('09:15');

      const list = $(el, 'ol[part="history"]')!;
      const items = [...list.querySelectorAll('li')];
      expect(items).to.have.length(dossier.history.length);
      dossier.history.forEach((entry, i) => {
        const item = items[i]!;
        expect(item.querySelector('time')!.getAttribute('datetime')).to.equal(entry.at);
        expect(text(item.querySelector('time'))).to.equal(formatDateTime(entry.at));
        expect(text(item.querySelector('time'))).to.match(/^\d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}$/);
        expect(text(item.querySelector('.history-action'))).to.equal(entry.action);
        expect(text(item.querySelector('.history-unit'))).to.include(entry.unit);
      });
      // Thu 10:00 → Fri 17:00 is 15 working hours: 2 working days, rounded up.
      expect(text($(el, '[part="timeliness"]'))).to.equal('Hoàn thành trước hạn 2 ngày làm việc');
      await expectNoAxeViolations(el);
    });

    it('tells early, on time and late at the boundaries: same day, day before, weekend, Tết (Vietnamese)', async function () {
      slow(this, 30_000);
      const cases: Array<[string, string, string, string]> = [
        // [case, due, completed, expected]
        ['completed on the due day', '2025-07-16T17:00:00+07:00', '2025-07-16T10:00:00+07:00', 'Hoàn thành đúng hạn'],
        ['completed at the due minute', '2025-07-16T17:00:00+07:00', '2025-07-16T17:00:00+07:00', 'Hoàn thành đúng hạn'],
        ['completed the day before', '2025-07-16T17:00:00+07:00', '2025-07-15T17:00:00+07:00', 'Hoàn thành trước hạn 1 ngày làm việc'],
        ['due Friday, completed Monday morning', '2025-07-18T17:00:00+07:00', '2025-07-21T10:00:00+07:00', 'Hoàn thành trễ hạn 1 ngày làm việc'],
        ['due Friday, completed Tuesday morning', '2025-07-18T17:00:00+07:00', '2025-07-22T10:00:00+07:00', 'Hoàn thành trễ hạn 2 ngày làm việc'],
        ['due before Tết, completed after it', '2026-02-13T17:00:00+07:00', '2026-02-23T10:00:00+07:00', 'Hoàn thành trễ hạn 1 ngày làm việc'],
      ];
      const el = await mount();
      for (const [name, dueAt, completedAt, expected] of cases) {
        const dossier = await createDossier({ status: 'result-delivered', receivedAt: '2025-07-07T09:00:00+07:00', dueAt, completedAt });
        await lookUp(el, dossier.code, APPLICANT);
        expect(timeliness(el), name).to.equal(expected);
        await another(el);
      }
    });

    it('tells early, on time and late in English with singular and plural', async function () {
      slow(this, 30_000);
      await setLang('en');
      const cases: Array<[string, string, string]> = [
        ['2025-07-16T17:00:00+07:00', '2025-07-16T10:00:00+07:00', 'Finished on time'],
        ['2025-07-16T17:00:00+07:00', '2025-07-15T17:00:00+07:00', 'Finished 1 working day early'],
        ['2025-07-18T17:00:00+07:00', '2025-07-16T10:00:00+07:00', 'Finished 3 working days early'],
        ['2025-07-18T17:00:00+07:00', '2025-07-21T10:00:00+07:00', 'Finished 1 working day late'],
        ['2025-07-18T17:00:00+07:00', '2025-07-22T10:00:00+07:00', 'Finished 2 working days late'],
        ['2026-02-13T17:00:00+07:00', '2026-02-23T10:00:00+07:00', 'Finished 1 working day late'],
      ];
      const el = await mount();
      for (const [dueAt, completedAt, expected] of cases) {
        const dossier = await createDossier({ status: 'decided', receivedAt: '2025-07-07T09:00:00+07:00', dueAt, completedAt });
        await lookUp(el, dossier.code, APPLICANT);
        expect(timeliness(el), `${dueAt} → ${completedAt}`).to.equal(expected);
        await another(el);
      }
    });

    it('counts a dossier received after 15:00 from the next working day (Friday 15:30 → due Monday 17:00)', async () => {
      const late = await createDossier({ procedureCode: '1.001193', status: 'received', receivedAt: '2025-07-18T15:30:00+07:00' });
      const early = await createDossier({ procedureCode: '1.001193', status: 'received', receivedAt: '2025-07-18T14:30:00+07:00' });
      const el = await mount();
      await lookUp(el, late.code, APPLICANT);
      expect(detail(el, 'Ngày hẹn trả kết quả')).to.equal('17:00 ngày 21/07/2025');
      const due = $$(el, '.details time').find((t) => t.getAttribute('datetime') === late.dueAt);
      expect(due, 'the due date carries its instant').to.not.equal(undefined);
      await another(el);
      await lookUp(el, early.code, APPLICANT);
      expect(detail(el, 'Ngày hẹn trả kết quả')).to.equal('14:30 ngày 21/07/2025');
    });

    it('shows an open dossier past its due date as overdue in working days (vi and en), and one within it as on schedule', async () => {
      // Due the Friday before Tết; still being processed. The count runs to now, so take the API's.
      const overdue = await createDossier({ status: 'processing', receivedAt: '2026-02-02T09:00:00+07:00', dueAt: '2026-02-13T17:00:00+07:00' });
      const days = overdue.timeliness.workingDays;
      expect(overdue.timeliness.state).to.equal('overdue');
      expect(days).to.be.greaterThan(1);
      const el = await mount();
      await lookUp(el, overdue.code, APPLICANT);
      expect(timeliness(el)).to.equal(`Quá hạn ${new Intl.NumberFormat('vi-VN').format(days)} ngày làm việc`);
      expect($(el, '[part="timeliness"]')!.dataset['state']).to.equal('overdue');
      await setLang('en');
      await el.updateComplete;
      expect(timeliness(el)).to.equal(`${new Intl.NumberFormat('en-GB').format(days)} working days overdue`);
      await setLang('vi');
      await el.updateComplete;

      await another(el);
      const onTrack = await createDossier({ status: 'processing', receivedAt: '2026-11-02T09:00:00+07:00', dueAt: '2027-06-30T17:00:00+07:00' });
      await lookUp(el, onTrack.code, APPLICANT);
      expect(timeliness(el)).to.equal('Đang trong hạn');
    });

    it('shows the demo overdue dossier in working days (000…-0011)', async () => {
      const el = await mount();
      await lookUp(el, demo(11).code, demo(11).applicantId);
      expect(badge(el)).to.equal(VI_STATUS.processing);
      expect(timeliness(el)).to.match(/^Quá hạn \d+ ngày làm việc$/);
      await expectNoAxeViolations(el);
    });

    it('shows the agency’s apology with its reason and new date, and passes axe', async () => {
      const el = await mount();
      const dossier = await createDossier({
        status: 'processing',
        receivedAt: '2026-02-02T09:00:00+07:00',
        dueAt: '2026-02-13T17:00:00+07:00',
        apology: { reason: 'Cần xác minh thông tin tại cơ quan công an nơi cư trú trước đây.', newDueAt: '2027-03-05T17:00:00+07:00' },
      });
      await lookUp(el, dossier.code, APPLICANT);
      expect(timeliness(el)).to.match(/^Quá hạn \d+ ngày làm việc so với ngày hẹn ban đầu$/);
      const apology = $(el, '[part="apology"]')!;
      expect(text(apology.querySelector('h3'))).to.equal('Phiếu xin lỗi và hẹn lại ngày trả kết quả');
      expect(text(apology)).to.include('Cần xác minh thông tin tại cơ quan công an nơi cư trú trước đây.');
      const newDate = [...apology.querySelectorAll('dt')].find((dt) => text(dt) === 'Ngày hẹn trả mới')!.nextElementSibling!;
      expect(text(newDate)).to.equal('17:00 ngày 05/03/2027');
      expect(newDate.querySelector('time')!.getAttribute('datetime')).to.equal(dossier.apology!.newDueAt);
      await expectNoAxeViolations(el);
    });

    it('after an apology, shows the new date as the due date and the earlier one labelled as the original; lateness is counted against the original date (vi, en)', async () => {
      const el = await mount();
      const dossier = await createDossier({
        status: 'processing',
        receivedAt: '2026-02-02T09:00:00+07:00',
        dueAt: '2026-02-13T17:00:00+07:00',
        apology: { reason: 'Cần xác minh thông tin.', newDueAt: '2027-03-05T17:00:00+07:00' },
      });
      expect(dossier.timeliness.state).to.equal('overdue');
      await lookUp(el, dossier.code, APPLICANT);
      expect(detail(el, 'Ngày hẹn trả kết quả')).to.equal('17:00 ngày 05/03/2027');
      expect(detail(el, 'Ngày hẹn trả ban đầu')).to.equal('17:00 ngày 13/02/2026');
      const due = $$(el, '.details > div').find((div) => text(div.querySelector('dt')) === 'Ngày hẹn trả kết quả')!;
      expect(due.querySelector('time')!.getAttribute('datetime')).to.equal(dossier.apology!.newDueAt);
      // No bare "Quá hạn N ngày" beside the new date: the count says what it is against.
      expect(timeliness(el)).to.match(/^Quá hạn \d+ ngày làm việc so với ngày hẹn ban đầu$/);

      await setLang('en');
      await el.updateComplete;
      expect(detail(el, 'Due on')).to.equal('5 Mar 2027, 17:00');
      expect(detail(el, 'Original due date')).to.equal('13 Feb 2026, 17:00');
      expect(timeliness(el)).to.match(/^\d+ working days past the original due date$/);
      await setLang('vi');
      await el.updateComplete;

      // Without an apology the one due date stands alone, and overdue is plain.
      await another(el);
      const plain = await createDossier({ status: 'processing', receivedAt: '2026-02-02T09:00:00+07:00', dueAt: '2026-02-13T17:00:00+07:00' });
      await lookUp(el, plain.code, APPLICANT);
      expect(detail(el, 'Ngày hẹn trả kết quả')).to.equal('17:00 ngày 13/02/2026');
      expect(detail(el, 'Ngày hẹn trả ban đầu')).to.equal('');
      expect(timeliness(el)).to.match(/^Quá hạn \d+ ngày làm việc$/);
      await expectNoAxeViolations(el);
    });

    it('writes dates as Vietnamese official text does ("06:07 ngày 18/11/2026") and naturally in English: details, history, the request for documents, the apology', async () => {
      const el = await mount();
      const dossier = await createDossier({
        status: 'supplement-requested',
        receivedAt: '2026-11-16T08:30:00+07:00',
        dueAt: '2026-11-27T17:00:00+07:00',
        supplement: { reason: 'Thiếu giấy tờ.', documents: ['Bản sao Căn cước'], requestedAt: '2026-11-18T06:07:00+07:00' },
        apology: { reason: 'Cần xác minh.', newDueAt: '2026-12-04T17:00:00+07:00' },
      });
      await lookUp(el, dossier.code, APPLICANT);
      const result = $(el, '[part="result"]')!;
      expect(detail(el, 'Ngày tiếp nhận')).to.equal('08:30 ngày 16/11/2026');
      expect(text($(el, '[part="supplement"] .muted'))).to.equal('Yêu cầu lúc 06:07 ngày 18/11/2026');
      const apology = $(el, '[part="apology"]')!;
      const newDate = [...apology.querySelectorAll('dt')].find((dt) => text(dt) === 'Ngày hẹn trả mới')!.nextElementSibling!;
      expect(text(newDate)).to.equal('17:00 ngày 04/12/2026');
      for (const time of $$(el, '[part="history"] time')) expect(text(time)).to.match(/^\d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}$/);
      // Never Intl's "16 thg 11, 2026", and never "ngày ngày".
      expect(text(result)).to.not.match(/thg|ngày ngày/i);

      await setLang('en');
      await el.updateComplete;
      expect(detail(el, 'Received on')).to.equal('16 Nov 2026, 08:30');
      expect(text($(el, '[part="supplement"] .muted'))).to.equal('Requested on 18 Nov 2026, 06:07');
      for (const time of $$(el, '[part="history"] time')) expect(text(time)).to.match(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/);
      await setLang('vi');
    });

    it('gives each kind of status and timeliness its own shape, none a hollow ring that reads as an empty radio button; a long status wraps as text, in no pill', async () => {
      const el = await mount();
      const shapeOf = (selector: string) => $(el, `${selector} svg`)!;
      const cases: Array<[DossierStatus, string, string]> = [
        ['processing', 'clock', 'clock'],
        ['payment-due', 'alert', 'clock'],
        ['decided', 'check', 'check'],
        ['stopped', 'cross', ''],
      ];
      const seen = new Set<string>();
      for (const [status, shape, timelinessShape] of cases) {
        const dossier = await createDossier(status === 'decided'
          ? { status, receivedAt: '2026-11-02T09:00:00+07:00', dueAt: '2026-11-20T17:00:00+07:00', completedAt: '2026-11-20T10:00:00+07:00' }
          : { status, receivedAt: '2026-11-02T09:00:00+07:00', dueAt: '2027-06-30T17:00:00+07:00' });
        await lookUp(el, dossier.code, APPLICANT);
        const svg = shapeOf('[part="status-badge"]');
        expect(svg.dataset['icon'], status).to.equal(shape);
        expect(svg.getAttribute('aria-hidden')).to.equal('true');
        // The words carry the meaning.
        expect(badge(el)).to.equal(VI_STATUS[status]);
        // Not a lone outlined circle: every shape draws more than a ring.
        const drawn = [...svg.querySelectorAll('circle, path, rect')];
        expect(drawn.length, `${status}: parts of the shape`).to.be.at.least(2);
        expect(drawn.every((node) => node.localName === 'circle' && node.getAttribute('fill') !== 'currentColor'), `${status}: only rings`).to.equal(false);
        if (timelinessShape) expect(shapeOf('[part="timeliness"]').dataset['icon'], `${status}: timeliness`).to.equal(timelinessShape);
        seen.add(shape);
        // A band with a bar at its start, not a pill with an outline all round (a form control's look).
        const style = getComputedStyle($(el, '[part="status-badge"]')!);
        expect(style.borderTopWidth, `${status}: no outline all round`).to.equal('0px');
        expect(parseFloat(style.borderTopLeftRadius)).to.be.below(12);
        await another(el);
      }
      expect(seen.size, 'four kinds, four shapes').to.equal(4);
      const filled = await createDossier({ status: 'result-delivered', receivedAt: '2026-11-02T09:00:00+07:00', dueAt: '2026-11-20T17:00:00+07:00', completedAt: '2026-11-19T10:00:00+07:00' });
      await lookUp(el, filled.code, APPLICANT);
      expect(shapeOf('[part="status-badge"]').querySelector('circle')!.getAttribute('fill'), 'done: a filled disc').to.equal('currentColor');
      await another(el);

      // The longest status on a phone: the badge wraps like text inside the line, nothing spills.
      await atViewport(async () => {
        const long = await createDossier({ status: 'payment-due', fees: [{ kind: 'fee', description: 'Lệ phí', amount: 10_000 }] });
        await lookUp(el, long.code, APPLICANT);
        const badgeBox = $(el, '[part="status-badge"]')!.getBoundingClientRect();
        const lineBox = $(el, '.status-line')!.getBoundingClientRect();
        expect(badgeBox.right).to.be.at.most(lineBox.right + 1);
        expect($(el, '[part="status-badge"] .badge-text')!.getClientRects().length).to.be.at.least(1);
        await expectReflow(el, 'a long status');
      }, { width: 320, height: 800 });
    });

    it('lists the documents asked for in a supplement request and says the clock is paused; passes axe', async () => {
      const el = await mount();
      await lookUp(el, demo(5).code, demo(5).applicantId);
      expect(badge(el)).to.equal(VI_STATUS['supplement-requested']);
      const supplement = $(el, '[part="supplement"]')!;
      expect(text(supplement)).to.include('Bản sao Căn cước công dân không rõ số định danh.');
      expect([...supplement.querySelectorAll('li')].map(text)).to.deep.equal([
        'Bản sao Căn cước công dân (rõ nét)',
        'Giấy tờ chứng minh nơi cư trú',
      ]);
      expect(timeliness(el)).to.equal('Thời gian giải quyết tạm dừng cho đến khi Ông/Bà bổ sung hồ sơ.');
      await expectNoAxeViolations(el);
    });

    it('shows charges and fees with a "Pay" button that fires dvc-payment-requested with the dossier code only', async () => {
      const el = await mount();
      await lookUp(el, demo(14).code, demo(14).applicantId);
      expect(badge(el)).to.equal(VI_STATUS['payment-due']);
      const payment = $(el, '[part="payment"]')!;
      const lines = [...payment.querySelectorAll('[part="fee-lines"] li')].map(text);
      const vnd = (amount: number) => `${amount.toLocaleString('vi-VN')} đồng`;
      // The descriptions start with their kind: "Phí cung cấp…", never "Phí: Phí cung cấp…".
      expect(lines[0]).to.equal(`Phí cung cấp thông tin lý lịch tư pháp ${vnd(200_000)}`);
      expect(lines[1]).to.include('Lệ phí cấp bản sao Phiếu lý lịch tư pháp (2 bản)');
      expect(lines[1]).to.not.match(/^Lệ phí: /);
      expect(lines[2]).to.equal(`Tổng cộng ${vnd(210_000)}`);
      expect(text(payment.querySelector('[part="payment-state"]'))).to.equal('Chưa thanh toán');
      await expectNoAxeViolations(el);

      const pay = payment.querySelector<HTMLButtonElement>('[part="pay-button"]')!;
      expect(text(pay)).to.equal('Thanh toán');
      const requested = oneEvent(el, 'dvc-payment-requested');
      pay.click();
      const event = await requested;
      expect(event.bubbles).to.equal(true);
      expect(event.composed).to.equal(true);
      expect(event.detail).to.deep.equal({ dossierCode: demo(14).code });
      expect(JSON.stringify(event.detail)).to.not.include(demo(14).applicantId);
    });

    it('paid before, then the agency asked for more: says what was paid with its receipt, lists only what is left, offers to pay it; passes axe', async function () {
      slow(this, 30_000);
      const { code } = await paidThenAskedMore({ kind: 'fee', description: 'Lệ phí cấp bản sao Phiếu lý lịch tư pháp (2 bản)', amount: 10_000 }, APPLICANT);
      const el = await mount();
      await lookUp(el, code, APPLICANT);
      expect(badge(el)).to.equal(VI_STATUS['payment-due']);
      const payment = $(el, '[part="payment"]')!;
      expect(text(payment.querySelector('[part="paid-before"]'))).to.match(
        /^Ông\/Bà đã nộp 200\.000 đồng cho hồ sơ này \(biên lai số BL-\d{4}-\d{6}\)\. Sau đó, cơ quan giải quyết yêu cầu nộp thêm khoản dưới đây\.$/);
      expect([...payment.querySelectorAll('[part="fee-lines"] li')].map(text)).to.deep.equal([
        'Lệ phí cấp bản sao Phiếu lý lịch tư pháp (2 bản) 10.000 đồng',
        'Còn phải nộp 10.000 đồng',
      ]);
      expect(text(payment.querySelector('[part="payment-state"]'))).to.equal('Phần còn lại chưa được thanh toán');
      expect(text(payment.querySelector('[part="pay-button"]'))).to.equal('Thanh toán');
      expect(payment.querySelector('[part="overpaid"]')).to.equal(null);
      await expectNoAxeViolations(el);
    });

    it('paid: the receipt numbers and a link to the printable receipt in the widget\'s language, on any later visit; passes axe', async function () {
      slow(this, 30_000);
      const dossier = await createDossier({ status: 'payment-due', fees: TWO_KINDS });
      const paid = await sdk().payments.create({ dossierCode: dossier.code, applicantId: APPLICANT, returnUrl: `${sandboxUrl()}/health` });
      await completeAtGateway(paid.id, 'success');
      const el = await mount();
      await lookUp(el, dossier.code, APPLICANT);
      const payment = $(el, '[part="payment"]')!;
      expect(text(payment.querySelector('[part="payment-state"]'))).to.equal('Đã thanh toán');
      const link = payment.querySelector<HTMLAnchorElement>('[part="receipt-link"]')!;
      expect(text(link)).to.equal('Xem và in biên lai (mở trong thẻ mới)');
      expect(link.target).to.equal('_blank');
      expect(link.rel).to.equal('noopener');
      const href = new URL(link.href);
      expect(href.pathname).to.equal(new URL(`${sandboxUrl()}/payments/${paid.id}/receipt`).pathname);
      expect(href.searchParams.get('lang')).to.equal('vi');
      const page = await fetch(link.href);
      expect(page.status).to.equal(200);
      const receipts = (await sdk().dossiers.lookup({ code: dossier.code, applicantId: APPLICANT })).payment!.receiptNumbers!;
      expect(receipts).to.have.length(2);
      const printable = await page.text();
      for (const number of receipts) expect(printable).to.include(number);
      await expectNoAxeViolations(el);

      await setLang('en');
      await el.updateComplete;
      expect(text(payment.querySelector('[part="receipt-link"]'))).to.equal('View and print the receipt (opens in a new tab)');
      expect(new URL(payment.querySelector<HTMLAnchorElement>('[part="receipt-link"]')!.href).searchParams.get('lang')).to.equal('en');
    });

    it('offers to continue a payment started and not finished (back from the gateway without paying), not a wait of twenty minutes', async () => {
      const dossier = await createDossier({ status: 'payment-due', fees: [{ kind: 'fee', description: 'Lệ phí', amount: 50_000 }] });
      await startPayment(dossier.code);
      const el = await mount();
      await lookUp(el, dossier.code, APPLICANT);
      const payment = $(el, '[part="payment"]')!;
      expect(text(payment.querySelector('[part="payment-state"]'))).to.equal(
        'Giao dịch thanh toán đã được khởi tạo nhưng chưa được xác nhận. Nếu Ông/Bà đã thanh toán, kết quả sẽ hiển thị tại đây sau khi đơn vị cung cấp dịch vụ thanh toán xác nhận. Nếu chưa thanh toán, Ông/Bà có thể tiếp tục thanh toán.');
      const pay = payment.querySelector<HTMLButtonElement>('[part="pay-button"]')!;
      expect(text(pay)).to.equal('Tiếp tục thanh toán');
      const requested = oneEvent(el, 'dvc-payment-requested');
      pay.click();
      expect((await requested).detail).to.deep.equal({ dossierCode: dossier.code });
      await expectNoAxeViolations(el);
    });

    it('back with the browser\'s Back button (the page restored as it was left), reads the dossier again: a payment started meanwhile is offered to continue', async () => {
      const dossier = await createDossier({ status: 'payment-due', fees: [{ kind: 'fee', description: 'Lệ phí', amount: 50_000 }] });
      const el = await mount();
      await lookUp(el, dossier.code, APPLICANT);
      const state = () => text($(el, '[part="payment-state"]'));
      expect(state()).to.equal('Chưa thanh toán');
      // Meanwhile, on the payment page: a payment started at the gateway, not finished.
      await startPayment(dossier.code);
      // A page shown afresh (its first load) changes nothing; one from the back-forward cache is read again.
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: false }));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(state()).to.equal('Chưa thanh toán');
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
      await waitUntil(() => text($(el, '[part="pay-button"]')) === 'Tiếp tục thanh toán', 'the dossier was not read again', { timeout: 8000 });
    });

    it('on a page with nowhere to pay, says a started payment is not confirmed yet without offering to continue it', async () => {
      const dossier = await createDossier({ status: 'payment-due', fees: [{ kind: 'fee', description: 'Lệ phí', amount: 50_000 }] });
      await startPayment(dossier.code);
      const named = window.dvcKit;
      window.dvcKit = {};
      try {
        const el = await mount();
        await lookUp(el, dossier.code, APPLICANT);
        const payment = $(el, '[part="payment"]')!;
        expect(text(payment.querySelector('[part="payment-state"]'))).to.equal(
          'Giao dịch thanh toán đã được khởi tạo nhưng chưa được xác nhận. Nếu Ông/Bà đã thanh toán, kết quả sẽ hiển thị tại đây sau khi đơn vị cung cấp dịch vụ thanh toán xác nhận.');
        expect(payment.querySelector('[part="pay-button"]')).to.equal(null);
        await expectNoAxeViolations(el);
      } finally {
        window.dvcKit = named;
      }
    });

    it('a payment cancelled at the gateway: "you can pay again" with a "Pay" button where the page can pay, and only that it was cancelled where it cannot', async () => {
      const dossier = await createDossier({ status: 'payment-due', fees: [{ kind: 'fee', description: 'Lệ phí', amount: 50_000 }] });
      await completeAtGateway(await startPayment(dossier.code), 'cancel');
      const el = await mount();
      await lookUp(el, dossier.code, APPLICANT);
      expect(text($(el, '[part="payment-state"]'))).to.equal('Lần thanh toán gần nhất đã bị hủy. Ông/Bà có thể thanh toán lại.');
      expect(text($(el, '[part="pay-button"]'))).to.equal('Thanh toán');
      el.remove();
      const named = window.dvcKit;
      window.dvcKit = {};
      try {
        const nowhereToPay = await mount();
        await lookUp(nowhereToPay, dossier.code, APPLICANT);
        expect(text($(nowhereToPay, '[part="payment-state"]'))).to.equal('Lần thanh toán gần nhất đã bị hủy.');
        expect($(nowhereToPay, '[part="pay-button"]')).to.equal(null);
      } finally {
        window.dvcKit = named;
      }
    });

    it('a dossier closed without a result while a payment was open: nothing is to be paid, and nothing offers to; passes axe', async () => {
      const dossier = await createDossier({ status: 'payment-due', fees: [{ kind: 'fee', description: 'Lệ phí', amount: 50_000 }] });
      await startPayment(dossier.code);
      const withdrawn = await fetch(`${sandboxUrl()}/_sandbox/dossiers/${encodeURIComponent(dossier.code)}/status`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: 'withdrawn' }),
      });
      expect(withdrawn.status).to.equal(200);
      const el = await mount();
      await lookUp(el, dossier.code, APPLICANT);
      expect(badge(el)).to.equal(VI_STATUS.withdrawn);
      const payment = $(el, '[part="payment"]')!;
      expect(text(payment.querySelector('[part="payment-state"]'))).to.equal('Ông/Bà không phải nộp khoản nào: hồ sơ đã kết thúc mà không có kết quả.');
      expect(payment.querySelector('[part="pay-button"]')).to.equal(null);
      expect(payment.querySelector('[part="pay-in-person"]')).to.equal(null);
      await expectNoAxeViolations(el);
      await setLang('en');
      await el.updateComplete;
      expect(text(payment.querySelector('[part="payment-state"]'))).to.equal('Nothing is to be paid: the dossier was closed without a result.');
    });

    it('says where to pay instead of offering "Pay" when the server takes no payment online; passes axe', async () => {
      const restore = withoutPaymentGateways();
      try {
        const el = await mount();
        await lookUp(el, demo(14).code, demo(14).applicantId);
        const payment = $(el, '[part="payment"]')!;
        expect(text(payment.querySelector('[part="payment-state"]'))).to.equal('Chưa thanh toán');
        expect(payment.querySelector('[part="pay-button"]')).to.equal(null);
        expect(text(payment.querySelector('[part="pay-in-person"]'))).to.equal(
          'Hệ thống chưa hỗ trợ thanh toán trực tuyến cho hồ sơ này. Ông/Bà vui lòng nộp phí, lệ phí tại Bộ phận Một cửa nơi đã nộp hồ sơ.');
        await expectNoAxeViolations(el);
        await setLang('en');
        await el.updateComplete;
        expect(text(payment.querySelector('[part="pay-in-person"]'))).to.equal(
          'Online payment is not available for this dossier. Please pay at the one-stop desk where you submitted it.');
      } finally {
        restore();
      }
    });

    it('offers "Evaluate" on a decided dossier, firing dvc-survey-requested with the dossier code only; passes axe', async () => {
      const el = await mount();
      await lookUp(el, demo(9).code, demo(9).applicantId);
      expect(badge(el)).to.equal(VI_STATUS.decided);
      expect(timeliness(el)).to.match(/^Hoàn thành trước hạn \d+ ngày làm việc$/);
      await expectNoAxeViolations(el);
      const evaluate = $<HTMLButtonElement>(el, '[part="evaluate-button"]')!;
      expect(text(evaluate)).to.equal('Đánh giá');
      const requested = oneEvent(el, 'dvc-survey-requested');
      evaluate.click();
      const event = await requested;
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.detail).to.deep.equal({ dossierCode: demo(9).code });
      // Not offered before a decision.
      await another(el);
      await lookUp(el, demo(4).code, demo(4).applicantId);
      expect($(el, '[part="evaluate-button"]')).to.equal(null);
      expect($(el, '[part="pay-button"]')).to.equal(null);
    });

    it('passes axe for a closed dossier and a finished-late one', async () => {
      const el = await mount();
      await lookUp(el, demo(3).code, demo(3).applicantId);
      expect(badge(el)).to.equal(VI_STATUS.rejected);
      expect($(el, '[part="timeliness"]')).to.equal(null);
      await expectNoAxeViolations(el);
      await another(el);
      await lookUp(el, demo(13).code, demo(13).applicantId);
      expect(timeliness(el)).to.equal('Hoàn thành trễ hạn 2 ngày làm việc');
      await expectNoAxeViolations(el);
    });

    it('a dossier closed without a result says so and where to ask, and shows no date for a result (not accepted, stopped)', async () => {
      const el = await mount();
      const terms = () => [...el.shadowRoot!.querySelectorAll('[part="details"] dt')].map((dt) => dt.textContent!.trim());
      await lookUp(el, demo(3).code, demo(3).applicantId);
      expect(badge(el)).to.equal(VI_STATUS.rejected);
      expect($(el, '[part="closed"]')!.textContent!.trim()).to.equal('Cơ quan không tiếp nhận hồ sơ này. Để biết lý do và cách thực hiện tiếp, Ông/Bà vui lòng liên hệ Bộ phận Một cửa của đơn vị tiếp nhận.');
      expect(terms()).to.include('Ngày nộp hồ sơ').and.not.include('Ngày tiếp nhận').and.not.include('Ngày hẹn trả kết quả');
      await another(el);
      await lookUp(el, demo(8).code, demo(8).applicantId);
      expect(badge(el)).to.equal(VI_STATUS.stopped);
      expect($(el, '[part="closed"]')!.textContent).to.include('đã dừng xử lý hồ sơ này và sẽ không trả kết quả');
      expect(terms()).to.include('Ngày tiếp nhận').and.not.include('Ngày hẹn trả kết quả');
      await expectNoAxeViolations(el);
      // A dossier in hand says nothing of the kind.
      await another(el);
      await lookUp(el, demo(4).code, demo(4).applicantId);
      expect($(el, '[part="closed"]')).to.equal(null);
      expect(terms()).to.include('Ngày hẹn trả kết quả');
    });

    it('fires dvc-dossier-found with the code and status only', async () => {
      const el = await mount();
      const found = oneEvent(el, 'dvc-dossier-found');
      await lookUp(el, demo(10).code, demo(10).applicantId);
      const event = await found;
      expect(event.bubbles).to.equal(true);
      expect(event.composed).to.equal(true);
      expect(event.detail).to.deep.equal({ code: demo(10).code, status: 'result-delivered' });
      expect(JSON.stringify(event.detail)).to.not.include(demo(10).applicantId);
    });

    it('renders agency text as text, never as markup', async () => {
      const el = await mount();
      const reason = '<img src="x" onerror="window.__dvcXss = 1">Lý do <b>đậm</b>';
      const dossier = await createDossier({
        status: 'processing',
        receivedAt: '2026-02-02T09:00:00+07:00',
        dueAt: '2026-02-13T17:00:00+07:00',
        apology: { reason, newDueAt: '2027-03-05T17:00:00+07:00' },
      });
      await lookUp(el, dossier.code, APPLICANT);
      expect(text($(el, '[part="apology"]'))).to.include(reason);
      expect($(el, '[part="apology"] img, [part="apology"] b')).to.equal(null);
      expect((window as { __dvcXss?: number }).__dvcXss).to.equal(undefined);
    });
  });

  describe('failures', () => {
    it('keeps the field Enter was pressed in on a phone\'s screen when the error summary above it goes', async function () {
      slow(this, 15000);
      document.documentElement.style.fontSize = '200%';
      // As Safari, which has no scroll anchoring; Chromium's and Firefox's miss too, when what they
      // anchored to is in the summary that goes.
      document.documentElement.style.overflowAnchor = 'none';
      try {
        await atViewport(async () => {
          // The rest of the portal's page below the tracker.
          const page = await fixture<HTMLElement>(html`<div>
            <dvc-dossier-tracker api-base=${sandboxUrl()}></dvc-dossier-tracker><div style="block-size: 200vh"></div>
          </div>`);
          const el = page.querySelector('dvc-dossier-tracker')!;
          await el.updateComplete;
          await lookUp(el, demo(4).code, '12345');
          expect($(el, '[part~="error-summary"]'), 'a summary above the form').to.not.equal(null);
          await fill(el, demo(4).code, demo(5).applicantId);
          const field = idInput(el)!;
          field.focus();
          // Typed in near the top of the screen (a phone's keyboard takes the bottom half).
          field.scrollIntoView({ block: 'start' });
          $<HTMLFormElement>(el, 'form')!.requestSubmit();
          await settled(el);
          await waitUntil(() => alertText(el) !== '', 'no "not found"', { timeout: 8000 });
          expect(active(el)).to.equal(field);
          const { top, bottom } = field.getBoundingClientRect();
          expect(top, 'the field is not above the screen').to.be.at.least(0);
          expect(bottom, 'nor below it').to.be.at.most(window.innerHeight);
        }, { width: 360, height: 740 });
      } finally {
        document.documentElement.style.fontSize = '';
        document.documentElement.style.overflowAnchor = '';
      }
    });

    it('answers an unknown code and a wrong identity number with one and the same message; passes axe', async () => {
      const el = await mount();
      await lookUp(el, '000.00.15.H26-261102-9999', demo(4).applicantId);
      const unknown = alertText(el);
      const unknownMarkup = $(el, '[part="outcome"]')!.getHTML();
      await lookUp(el, demo(4).code, demo(5).applicantId);
      await waitUntil(() => $(el, '[part="outcome"] [role="alert"]') !== null);
      const mismatched = alertText(el);
      expect(unknown).to.equal(NOT_FOUND_VI);
      expect(mismatched).to.equal(unknown);
      expect($(el, '[part="outcome"]')!.getHTML()).to.equal(unknownMarkup);
      // No instant retry (the same pair would answer the same); what was typed stays, to correct it.
      expect($(el, '[part="retry-button"]')).to.equal(null);
      expect(codeInput(el).value).to.equal(demo(4).code);
      expect(idInput(el)!.value).to.equal(demo(5).applicantId);
      expect($(el, 'slot[name="not-found-help"]')).to.not.equal(null);
      // What went wrong, for the page's script and dvc-audit; the same for both.
      expect($(el, '[part="error"]')!.dataset['problem']).to.equal('dossier_not_found');
      expectNoTraceOf(el, demo(5).applicantId, { inputs: false });
      await expectNoAxeViolations(el);

      await setLang('en');
      await el.updateComplete;
      // In English on screen; not read out again (the switch is no news).
      expect(text($(el, '[part="outcome"] [part="error-message"]'))).to.equal('No dossier matches this code and identification number. Please check them and try again.');
      expect($(el, '[part="outcome"] [part="error"]')!.getAttribute('role')).to.equal(null);
    });

    it('says when to retry after too many lookups (the 11th in a minute); passes axe', async function () {
      slow(this, 30_000);
      const el = await mount();
      // The limit counts per clock minute: should the minute turn during these lookups, the count
      // starts again, and the 11th of the new minute is the one refused.
      let refusedAt = 0;
      for (let i = 1; i <= 21 && !refusedAt; i++) {
        await lookUp(el, `000.00.15.H26-261102-${String(9000 + i)}`, APPLICANT);
        if (alertText(el) !== NOT_FOUND_VI) refusedAt = i;
      }
      expect(refusedAt, 'refused, and only past ten lookups').to.be.within(11, 21);
      const messageText = () => text($(el, '[part="error-message"]'));
      const message = messageText();
      const match = /^Có quá nhiều yêu cầu\. Vui lòng đợi (\d+) giây rồi thử lại\.$/.exec(message);
      expect(match, message).to.not.equal(null);
      const seconds = Number(match![1]);
      expect(seconds).to.be.within(1, 60);
      // The same rule as every failure: trying again may help once the wait is over.
      expect($(el, '[part="retry-button"]')).to.not.equal(null);
      await expectNoAxeViolations(el);

      await setLang('en');
      await el.updateComplete;
      // English has the singular for one (a slow run may leave a second of the minute).
      expect(messageText()).to.equal(`Too many requests. Please wait ${seconds} ${seconds === 1 ? 'second' : 'seconds'} and try again.`);
    });

    it('shows a network error with "Thử lại" that keeps the typed input and works once the API is back; passes axe', async () => {
      const el = await mount(html`<dvc-dossier-tracker api-base=${CLOSED_PORT_API}></dvc-dossier-tracker>`);
      const { code, applicantId } = demo(4);
      await lookUp(el, code, applicantId);
      expect(alertText(el)).to.include('Không thể kết nối tới hệ thống');
      expect(codeInput(el).value).to.equal(code);
      expect(idInput(el)!.value).to.equal(applicantId);
      expect(text(announcer(el))).to.equal('');
      await expectNoAxeViolations(el);

      el.apiBase = sandboxUrl();
      await el.updateComplete;
      const retry = $<HTMLButtonElement>(el, '[part="retry-button"]')!;
      expect(text(retry)).to.equal('Thử lại');
      retry.click();
      await waitUntil(() => $(el, '[part="result"]') !== null, 'retry did not find the dossier', { timeout: 8000 });
      expect(badge(el)).to.equal(VI_STATUS.processing);
    });

    it('shows a server failure (503) with a working retry', async () => {
      await armFault({ operationId: 'lookupDossier', kind: 'status', status: 503 });
      const el = await mount();
      await lookUp(el, demo(2).code, demo(2).applicantId);
      expect(alertText(el)).to.include('Hệ thống tạm thời gián đoạn');
      $<HTMLButtonElement>(el, '[part="retry-button"]')!.click();
      await waitUntil(() => $(el, '[part="result"]') !== null, 'retry did not find the dossier', { timeout: 8000 });
      expect(badge(el)).to.equal(VI_STATUS.received);
    });

    it('shows a timeout as "taking too long" with a retry', async function () {
      slow(this, 30_000);
      // The SDK gives up after 10 s.
      await armFault({ operationId: 'lookupDossier', kind: 'delay', delayMs: 12_000 });
      const el = await mount();
      await fill(el, demo(2).code, demo(2).applicantId);
      await submit(el);
      await waitUntil(() => $(el, '[role="alert"]') !== null, 'no timeout message', { timeout: 15_000 });
      expect(alertText(el)).to.include('Hệ thống phản hồi quá lâu');
      expect($(el, '[part="retry-button"]')).to.not.equal(null);
      expect(idInput(el)!.value).to.equal(demo(2).applicantId);
    });

    it('shows and announces loading while the API is slow, then the result; passes axe while loading', async function () {
      slow(this, 20_000);
      await armFault({ operationId: 'lookupDossier', kind: 'delay', delayMs: 4000 });
      const el = await mount();
      await fill(el, demo(4).code, demo(4).applicantId);
      await submit(el);
      expect($(el, '[part="outcome"]')!.getAttribute('aria-busy')).to.equal('true');
      expect(text($(el, '[part="loading"]'))).to.equal('Đang tải…');
      expect(text(announcer(el))).to.equal('Đang tra cứu hồ sơ…');
      await expectNoAxeViolations(el);
      expect($(el, '[part="loading"]'), 'still loading after axe').to.not.equal(null);
      await settled(el);
      expect(badge(el)).to.equal(VI_STATUS.processing);
      expect(text(announcer(el))).to.equal(`Đã tìm thấy hồ sơ. Trạng thái: ${VI_STATUS.processing}`);
    });
  });

  describe('an impatient citizen', () => {
    it('"Look up" pressed three times while the lookup is slow sends one request (each would count against their lookups a minute); a changed number sends another', async function () {
      slow(this, 20_000);
      const posts: string[] = [];
      const original = window.fetch;
      window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
        const request = input instanceof Request ? input : new Request(input, init);
        if (request.method === 'POST' && request.url.endsWith('/dossiers/lookup')) posts.push(request.url);
        return original.call(window, input, init);
      };
      try {
        await armFault({ operationId: 'lookupDossier', kind: 'delay', delayMs: 1500 });
        const el = await mount();
        const found: string[] = [];
        el.addEventListener('dvc-dossier-found', (event) => found.push(event.detail.code));
        await fill(el, demo(4).code, demo(4).applicantId);
        await submit(el);
        await submit(el);
        await submit(el);
        await settled(el);
        expect(badge(el)).to.equal(VI_STATUS.processing);
        expect(posts).to.have.length(1);
        expect(found).to.deep.equal([demo(4).code]);

        await another(el);
        await armFault({ operationId: 'lookupDossier', kind: 'delay', delayMs: 1500 });
        await fill(el, demo(4).code, demo(5).applicantId);
        await submit(el);
        await fill(el, demo(4).code, demo(4).applicantId);
        await submit(el);
        await settled(el);
        expect(posts).to.have.length(3);
        expect(badge(el)).to.equal(VI_STATUS.processing);
      } finally {
        window.fetch = original;
      }
    });
  });

  describe('keyboard, reset and languages', () => {
    it('works from the keyboard alone: Tab, type, Enter, then Tab to "Look up another" and Enter', async () => {
      const el = await mount();
      (document.activeElement as HTMLElement | null)?.blur();
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement).to.equal(el);
      expect(active(el)).to.equal(codeInput(el));
      await sendKeys({ type: '000.00.15.h26-261102-0004' });
      await sendKeys({ press: 'Tab' });
      expect(active(el)).to.equal(idInput(el));
      await sendKeys({ type: demo(4).applicantId });
      const found = oneEvent(el, 'dvc-dossier-found');
      await sendKeys({ press: 'Enter' });
      expect((await found).detail.code).to.equal(demo(4).code);
      await el.updateComplete;
      expect(active(el)).to.equal($(el, '#result-heading'));

      await sendKeys({ press: 'Tab' });
      const anotherButton = $(el, '[part="another-button"]')!;
      expect(active(el)).to.equal(anotherButton);
      expect(text(anotherButton)).to.equal('Tra cứu hồ sơ khác');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(active(el)).to.equal(codeInput(el));
      expect(codeInput(el).value).to.equal('');
      expect(idInput(el)!.value).to.equal('');
    });

    it('"Look up another" clears the result, the form, the errors and the number, and focuses the code field', async () => {
      const el = await mount();
      await submit(el); // errors first
      await lookUp(el, demo(6).code, demo(6).applicantId);
      expect($(el, '[part="error-summary"]')).to.equal(null);
      await another(el);
      expect($(el, '[part="result"]')).to.equal(null);
      expect($(el, '[part="error-summary"]')).to.equal(null);
      expect($(el, '[part="outcome"]')!.textContent!.trim()).to.equal('');
      expect(el.code).to.equal('');
      expect(codeInput(el).value).to.equal('');
      expect(idInput(el)!.value).to.equal('');
      expect(active(el)).to.equal(codeInput(el));
      expect(text(announcer(el))).to.equal('');
      expectNoTraceOf(el, demo(6).applicantId);

      // Also from the form: a failed lookup's number is wiped by reset().
      await lookUp(el, '000.00.15.H26-261102-9999', demo(6).applicantId);
      el.reset();
      await el.updateComplete;
      expect(idInput(el)!.value).to.equal('');
      expect($(el, '[role="alert"]')).to.equal(null);
    });

    it('switches the form, errors and result between Vietnamese and English, with nothing English left on a Vietnamese page', async () => {
      await setLang('en');
      const el = await mount();
      expect(text($(el, 'label[for="code"]'))).to.equal('Dossier code');
      expect(text($(el, 'label[for="applicant-id"]'))).to.equal('Personal identification number');
      await submit(el);
      expect(text($(el, '.error-summary-title'))).to.equal('There is a problem');
      expect(text($(el, '#code-error'))).to.equal('Error: Enter your dossier code');

      await lookUp(el, demo(12).code, demo(12).applicantId);
      expect(badge(el)).to.equal(EN_STATUS.processing);
      // Demo 0012 has an apology: lateness is counted against the original date.
      expect(timeliness(el)).to.match(/^\d+ working days? past the original due date$/);
      expect(text($(el, '[part="apology"] h3'))).to.equal('Apology and new date for your result');
      // Every piece of interface text shown in English…
      const english = $$(el, 'dt, h3, .status-label, .badge-text, .timeliness span, button, .history-status')
        .map(text)
        .filter((t) => t.length > 0);
      expect(english.length).to.be.greaterThan(8);

      await setLang('vi');
      await el.updateComplete;
      // …is gone once the page is Vietnamese.
      const vietnamese = text(el.shadowRoot as unknown as Element);
      for (const phrase of english) expect(vietnamese, phrase).to.not.include(phrase);
      expect(text(announcer(el))).to.equal(`Đã tìm thấy hồ sơ. Trạng thái: ${VI_STATUS.processing}`);
      expect(text($(el, '[part="apology"] h3'))).to.equal('Phiếu xin lỗi và hẹn lại ngày trả kết quả');
    });
  });

  describe('heading levels', () => {
    const SUMMARY = 'Có lỗi cần khắc phục';
    const APOLOGY = 'Phiếu xin lỗi và hẹn lại ngày trả kết quả';
    const HISTORY = 'Quá trình xử lý';
    /** An overdue dossier with an apology and a history: a result with two sub-headings. */
    const withApology = () => createDossier({
      status: 'processing',
      receivedAt: '2026-02-02T09:00:00+07:00',
      dueAt: '2026-02-13T17:00:00+07:00',
      apology: { reason: 'Cần xác minh thông tin tại cơ quan công an nơi cư trú trước đây.', newDueAt: '2027-03-05T17:00:00+07:00' },
    });

    it('heading-level="3": the result is an h3 and every heading under it an h4 (apology, history, documents, fees, evaluation); passes axe', async function () {
      slow(this, 30_000);
      const el = await mount(html`<dvc-dossier-tracker api-base=${sandboxUrl()} heading-level="3"></dvc-dossier-tracker>`);
      expect(el.headingLevel).to.equal(3);
      const dossier = await withApology();
      expect(dossier.history.length, 'the sandbox gives a new dossier a history').to.be.greaterThan(0);
      await lookUp(el, dossier.code, APPLICANT);
      expect(outline(el)).to.deep.equal([`H3 ${dossier.procedure.name}`, `H4 ${APOLOGY}`, `H4 ${HISTORY}`]);
      // Still the focused, labelling heading, whatever its level.
      const heading = $(el, '#result-heading')!;
      expect(heading.tagName).to.equal('H3');
      expect(active(el), 'focus is on the result heading').to.equal(heading);
      expect(heading.getAttribute('part')).to.equal('result-heading');
      expect(heading.getAttribute('lang')).to.equal('vi');
      expect($(el, '[part="result"]')!.getAttribute('aria-labelledby')).to.equal('result-heading');
      expect($(el, '[part="apology"] > h4')).to.not.equal(null);
      await expectNoAxeViolations(el);

      // More documents needed (demo 0005).
      await another(el);
      await lookUp(el, demo(5).code, demo(5).applicantId);
      expect(outline(el)).to.deep.equal([`H3 ${text($(el, '#result-heading'))}`, 'H4 Cần bổ sung hồ sơ', `H4 ${HISTORY}`]);
      expect($(el, '[part="supplement"] > h4')).to.not.equal(null);

      // Charges and fees to pay (demo 0014).
      await another(el);
      await lookUp(el, demo(14).code, demo(14).applicantId);
      expect(outline(el)).to.deep.equal([`H3 ${text($(el, '#result-heading'))}`, 'H4 Phí, lệ phí', `H4 ${HISTORY}`]);
      expect($(el, '[part="payment"] > h4')).to.not.equal(null);

      // A decided dossier with the invitation to evaluate (demo 0009).
      await another(el);
      await lookUp(el, demo(9).code, demo(9).applicantId);
      expect(outline(el)).to.deep.equal([`H3 ${text($(el, '#result-heading'))}`, 'H4 Đánh giá mức độ hài lòng', `H4 ${HISTORY}`]);
      expect($(el, '[part="evaluation"] > h4')).to.not.equal(null);
      await expectNoAxeViolations(el);
    });

    it('heading-level="3": the error summary\'s heading is an h3, above the form; passes axe', async () => {
      const el = await mount(html`<dvc-dossier-tracker api-base=${sandboxUrl()} heading-level="3"></dvc-dossier-tracker>`);
      expect(outline(el), 'the form itself has no heading').to.deep.equal([]);
      await submit(el);
      expect(outline(el)).to.deep.equal([`H3 ${SUMMARY}`]);
      expect($(el, '[part="error-summary"] [role="alert"] > h3')).to.not.equal(null);
      expect(active(el)).to.equal($(el, '[part="error-summary"]'));
      await expectNoAxeViolations(el);
    });

    it('keeps heading-level to 2–5 as <dvc-payment> does: 7 gives h5 and h6; 0, 1, -1, empty or junk give h2 and h3', async () => {
      const el = await mount(html`<dvc-dossier-tracker api-base=${sandboxUrl()} heading-level="7"></dvc-dossier-tracker>`);
      await submit(el);
      expect(outline(el)).to.deep.equal([`H5 ${SUMMARY}`]);
      const dossier = await withApology();
      await lookUp(el, dossier.code, APPLICANT);
      const name = dossier.procedure.name;
      // The sub-headings stay one below the result heading: never h6 under h6.
      expect(outline(el)).to.deep.equal([`H5 ${name}`, `H6 ${APOLOGY}`, `H6 ${HISTORY}`]);
      // The level is for the outline only: the headings look the same at every level.
      const sizes = () => $$(el, 'h2, h3, h4, h5, h6').map((h) => getComputedStyle(h).fontSize);
      const looks = sizes();
      expect(parseFloat(looks[0]!)).to.be.greaterThan(parseFloat(looks[1]!));

      const cases: [string, string, string][] = [
        ['6', 'H5', 'H6'], ['0', 'H2', 'H3'], ['1', 'H2', 'H3'], ['-1', 'H2', 'H3'], ['', 'H2', 'H3'],
        ['junk', 'H2', 'H3'], ['4.5', 'H4', 'H5'], ['5', 'H5', 'H6'], ['4', 'H4', 'H5'],
      ];
      for (const [value, top, sub] of cases) {
        el.setAttribute('heading-level', value);
        await el.updateComplete;
        expect(outline(el), `heading-level="${value}"`).to.deep.equal([`${top} ${name}`, `${sub} ${APOLOGY}`, `${sub} ${HISTORY}`]);
        expect(sizes(), `font sizes at heading-level="${value}"`).to.deep.equal(looks);
      }
      // Re-rendered at another level, the heading keeps its id, so it still labels the result.
      expect($(el, '[part="result"]')!.getAttribute('aria-labelledby')).to.equal('result-heading');
      expect($(el, '#result-heading')!.tagName).to.equal('H4');
    });

    it('defaults to 2: h2 for the result and the error summary, h3 under the result; removing the attribute goes back to 2', async () => {
      const el = await mount();
      expect(el.headingLevel).to.equal(2);
      expect(el.hasAttribute('heading-level'), 'not reflected').to.equal(false);
      await submit(el);
      expect(outline(el)).to.deep.equal([`H2 ${SUMMARY}`]);
      const dossier = await withApology();
      await lookUp(el, dossier.code, APPLICANT);
      const name = dossier.procedure.name;
      expect(outline(el)).to.deep.equal([`H2 ${name}`, `H3 ${APOLOGY}`, `H3 ${HISTORY}`]);

      el.setAttribute('heading-level', '3');
      await el.updateComplete;
      expect(outline(el)).to.deep.equal([`H3 ${name}`, `H4 ${APOLOGY}`, `H4 ${HISTORY}`]);
      el.removeAttribute('heading-level');
      await el.updateComplete;
      expect(outline(el)).to.deep.equal([`H2 ${name}`, `H3 ${APOLOGY}`, `H3 ${HISTORY}`]);
    });
  });

  describe('privacy', () => {
    it('leaves no trace of the identity number after a lookup: DOM, attributes, URL, storage, console, events', async () => {
      const { code, applicantId } = demo(6);
      const consoleSpy = spyOnConsole();
      const details: string[] = [];
      const record = (event: Event) => details.push(safeJson((event as CustomEvent).detail));
      const types = ['dvc-dossier-found', 'dvc-payment-requested', 'dvc-survey-requested'];
      for (const type of types) document.addEventListener(type, record);
      try {
        const el = await mount();
        await lookUp(el, code, applicantId);
        expect(badge(el)).to.equal(VI_STATUS['payment-due']);
        $<HTMLButtonElement>(el, '[part="pay-button"]')!.click();

        // The markup of every shadow root, and a walk of every node.
        expectNoTraceOf(el, applicantId);
        expect(el.shadowRoot!.getHTML()).to.not.include(applicantId);
        expect(details).to.have.length(2);
        for (const detail of details) expect(detail).to.not.include(applicantId);
        expect(consoleSpy.written.join('\n')).to.not.include(applicantId);

        // Not found: the number stays in the field (to correct it) but in no attribute or markup.
        await another(el);
        await lookUp(el, '000.00.15.H26-261102-9999', applicantId);
        expectNoTraceOf(el, applicantId, { inputs: false });
        expect(consoleSpy.written.join('\n')).to.not.include(applicantId);
        // And reset wipes it.
        el.reset();
        await el.updateComplete;
        expectNoTraceOf(el, applicantId);
      } finally {
        consoleSpy.restore();
        for (const type of types) document.removeEventListener(type, record);
      }
    });

    it('never sends the form natively (no URL change, even with Enter in a field)', async () => {
      const el = await mount();
      const url = location.href;
      codeInput(el).focus();
      await sendKeys({ type: demo(1).code });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: demo(1).applicantId });
      await sendKeys({ press: 'Enter' });
      await settled(el);
      expect(location.href).to.equal(url);
      expect(badge(el)).to.equal(VI_STATUS.submitted);
    });
  });

  describe('layout', () => {
    it('fits 320 px without horizontal scrolling, with targets of at least 24 × 24 px', async () => {
      await atViewport(async () => {
        const el = await mount();
        await lookUp(el, demo(14).code, demo(14).applicantId);
        await expectReflow(el, 'result, payment due');
        await another(el);
        await submit(el);
        await expectReflow(el, 'validation errors');
      }, { width: 320, height: 800 });
    });

    it('fits 320 px with text at 200% (a phone with large text), the example code in an error included, in both languages', async () => {
      document.documentElement.style.fontSize = '200%';
      try {
        await atViewport(async () => {
          for (const lang of ['vi', 'en'] as const) {
            await setLang(lang);
            const el = await mount();
            await expectReflow(el, `form (${lang}, 200% text)`);
            await fill(el, 'abc', '12');
            await submit(el);
            expect($(el, '[part="error-summary"]'), 'the summary quotes the example code').to.not.equal(null);
            await expectReflow(el, `format errors (${lang}, 200% text)`);
            await lookUp(el, demo(14).code, demo(14).applicantId);
            expect($(el, '[part="payment"]'), 'the fees and their amounts').to.not.equal(null);
            await expectReflow(el, `charges and fees (${lang}, 200% text)`);
            await another(el);
            // Paid: its receipt numbers, each one long word (Firefox widened the result to them).
            const paid = await createDossier({ status: 'payment-due', fees: TWO_KINDS });
            const payment = await sdk().payments.create({ dossierCode: paid.code, applicantId: APPLICANT, returnUrl: `${sandboxUrl()}/health` });
            await completeAtGateway(payment.id, 'success');
            await lookUp(el, paid.code, APPLICANT);
            expect(text($(el, '[part="payment"]'))).to.match(/BL-\d{4}-\d{6}, BL-\d{4}-\d{6}/);
            await expectReflow(el, `paid, two receipt numbers (${lang}, 200% text)`);
            await another(el);
          }
        });
      } finally {
        document.documentElement.style.fontSize = '';
      }
    });

    it('prints the dossier without the form or buttons', async () => {
      const el = await mount();
      await lookUp(el, demo(14).code, demo(14).applicantId);
      const screen = await printMedia(el);
      try {
        expect(getComputedStyle($(el, '[part="result"]')!).display).to.not.equal('none');
        expect(getComputedStyle($(el, '[part="history"]')!).display).to.not.equal('none');
        expect(getComputedStyle($(el, '[part="pay-button"]')!).display).to.equal('none');
        expect(getComputedStyle($(el, '[part="actions"]')!).display).to.equal('none');
        await another(el);
        expect(getComputedStyle($(el, 'form')!).display).to.equal('none');
      } finally {
        await screen();
      }
      expect(getComputedStyle($(el, 'form')!).display).to.not.equal('none');
    });

    it('keeps badge shapes and borders in forced colours', async () => {
      // emulateMedia({ forcedColors }) is Playwright-only (a no-op with this Chrome launcher), so
      // check what the browser parsed: system-colour borders for badges, notices and the summary.
      const el = await mount();
      await lookUp(el, demo(6).code, demo(6).applicantId);
      const forced = el.shadowRoot!.adoptedStyleSheets
        .flatMap((sheet) => [...sheet.cssRules])
        .filter((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule && rule.conditionText.includes('forced-colors: active'))
        .flatMap((rule) => [...rule.cssRules] as CSSStyleRule[]);
      const badgeRule = forced.find((rule) => rule.selectorText.split(',').map((s) => s.trim()).includes('.badge'));
      expect(badgeRule?.style.borderColor).to.equal('canvastext');
      for (const selector of ['.notice', '.error-summary']) {
        expect(forced.some((rule) => rule.selectorText.includes(selector)), selector).to.equal(true);
      }
      // The shape is drawn in currentColor, which forced colours map to a system colour.
      const shape = $(el, '[part="status-badge"] svg')!;
      expect(shape.getAttribute('stroke')).to.equal('currentColor');
      expect(getComputedStyle($(el, '[part="status-badge"]')!).borderInlineStartStyle).to.not.equal('none');
    });
  });
});
