import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { createDvcClient, DvcApiError, type components, type SurveySubmission } from '@dvc-kit/sdk';
import type { components as sandboxComponents } from '@dvc-kit/server/contract-types';
import { afterEach, beforeEach, describe, it } from '../test-support/mocha.ts';
import { expectNoAxeViolations, sandboxUrl } from '../test-support/axe.ts';
import { setLang } from '../test-support/page-lang.ts';
import './index.ts';
import { rememberAccess } from '../shared/dossier-access.ts';
import type { DvcSatisfactionSurvey, DvcSurveySubmittedEventDetail } from './satisfaction-survey.ts';

// Port 9 (discard) is closed on loopback: the connection is refused at once.
const CLOSED_PORT_API = 'http://127.0.0.1:9/api/v1';
const REQUIRED = ['contacts', 'agencies', 'one-stop', 'attitude', 'overall'];

const $ = <T extends Element = HTMLElement>(el: DvcSatisfactionSurvey, selector: string): T | null =>
  el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: DvcSatisfactionSurvey, selector: string): T[] =>
  [...el.shadowRoot!.querySelectorAll<T>(selector)];
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const radio = (el: DvcSatisfactionSurvey, question: string, value: number) =>
  $<HTMLInputElement>(el, `input[name="q-${question}"][value="${value}"]`)!;
const comment = (el: DvcSatisfactionSurvey) => $<HTMLTextAreaElement>(el, 'textarea')!;
const submitButton = (el: DvcSatisfactionSurvey) => $<HTMLButtonElement>(el, '[part="submit-button"]')!;

/** A short name for an element in failure messages (chai's diff of two DOM elements can stall the page). */
function describeNode(node: Element | null): string {
  if (!node) return 'nothing';
  const attrs = ['part', 'name', 'value', 'id'].map((a) => (node.hasAttribute(a) ? `[${a}="${node.getAttribute(a)}"]` : '')).join('');
  return `${node.localName}${attrs}`;
}

/** Focus is in the widget, on `target`. */
function expectFocusOn(el: DvcSatisfactionSurvey, target: Element | null): void {
  expect(document.activeElement === el, `the page's focus is on the widget, not ${describeNode(document.activeElement)}`).to.equal(true);
  const active = el.shadowRoot!.activeElement;
  expect(active !== null && active === target, `focus on ${describeNode(target)}, found ${describeNode(active)}`).to.equal(true);
}
const countStatus = (el: DvcSatisfactionSurvey) => $(el, '[data-count-status="comment"]')!;

async function sandbox(path: string, body?: unknown): Promise<Response> {
  const response = await fetch(`${sandboxUrl()}/_sandbox/${path}`, {
    method: 'POST',
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`sandbox ${path}: ${response.status} ${await response.text()}`);
  return response;
}

interface TestDossier {
  code: string;
  applicantId: string;
}

/** A fresh dossier of birth registration (1.001193) for a made-up applicant. */
async function createDossier(status: components['schemas']['DossierStatus'] = 'decided'): Promise<TestDossier> {
  const applicantId = `0${String(Math.floor(Math.random() * 1e11)).padStart(11, '0')}`;
  const response = await sandbox('dossiers', { procedureCode: '1.001193', applicantId, status });
  const { code } = (await response.json()) as { code: string };
  return { code, applicantId };
}

async function settled(el: DvcSatisfactionSurvey): Promise<void> {
  await waitUntil(() => $(el, 'form') !== null || $(el, '[part="error"]') !== null, 'the form did not load', { timeout: 8000 });
  await el.updateComplete;
}

async function mountDossier(dossier: TestDossier, apiBase = sandboxUrl()): Promise<DvcSatisfactionSurvey> {
  const el = await fixture<DvcSatisfactionSurvey>(
    html`<dvc-satisfaction-survey api-base=${apiBase} dossier-code=${dossier.code} .applicantId=${dossier.applicantId}></dvc-satisfaction-survey>`,
  );
  await settled(el);
  return el;
}

async function mountPage(procedureCode?: string): Promise<DvcSatisfactionSurvey> {
  const el = procedureCode
    ? await fixture<DvcSatisfactionSurvey>(html`<dvc-satisfaction-survey api-base=${sandboxUrl()} mode="page" procedure-code=${procedureCode}></dvc-satisfaction-survey>`)
    : await fixture<DvcSatisfactionSurvey>(html`<dvc-satisfaction-survey api-base=${sandboxUrl()} mode="page"></dvc-satisfaction-survey>`);
  await settled(el);
  return el;
}

async function answerRequired(el: DvcSatisfactionSurvey, value = 2): Promise<void> {
  for (const id of REQUIRED) radio(el, id, value).click();
  await el.updateComplete;
}

async function typeComment(el: DvcSatisfactionSurvey, value: string): Promise<void> {
  const box = comment(el);
  box.value = value;
  box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function outcome(el: DvcSatisfactionSurvey, part: string): Promise<HTMLElement> {
  await waitUntil(() => $(el, `[part="${part}"]`) !== null, `no ${part} view`, { timeout: 8000 });
  await el.updateComplete;
  return $<HTMLElement>(el, `[part="${part}"]`)!;
}

function drafts(): Array<[string, string]> {
  return Object.keys(sessionStorage)
    .filter((key) => key.startsWith('dvc-survey-draft:'))
    .map((key) => [key, sessionStorage.getItem(key)!]);
}

/** Makes the sandbox's next request(s) to an operation slow or fail: the real server, not a mock. */
async function armFault(fault: sandboxComponents['schemas']['SandboxFault']): Promise<void> {
  await sandbox('faults', fault);
}

type StoredResponse = sandboxComponents['schemas']['SandboxSurveyResponseList']['items'][number];

/** What the sandbox has stored about a dossier or a procedure (its sandbox-only read). */
async function storedResponses(about: { dossierCode: string } | { procedureCode: string }): Promise<StoredResponse[]> {
  const response = await fetch(`${sandboxUrl()}/_sandbox/survey-responses?${new URLSearchParams(about)}`);
  if (!response.ok) throw new Error(`sandbox survey-responses: ${response.status}`);
  return ((await response.json()) as sandboxComponents['schemas']['SandboxSurveyResponseList']).items;
}

/**
 * Records what the widget sends (method, URL, body) on its way to the sandbox, untouched: the
 * honeypot and the page URL are only visible in the request itself.
 */
class RequestLog {
  readonly requests: Array<{ method: string; url: string; body: string; idempotencyKey: string | null }> = [];
  readonly #original = window.fetch;

  constructor() {
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      const body = request.method === 'GET' ? '' : await request.clone().text();
      this.requests.push({ method: request.method, url: request.url, body, idempotencyKey: request.headers.get('idempotency-key') });
      // The copy, not `input`: making it took over the original's body.
      return this.#original.call(window, request);
    };
  }

  posts(path: string): Array<Record<string, unknown>> {
    return this.requests
      .filter((r) => r.method === 'POST' && r.url.includes(path))
      .map((r) => JSON.parse(r.body) as Record<string, unknown>);
  }

  /** The Idempotency-Key of each POST to `path`, in order. */
  keys(path: string): Array<string | null> {
    return this.requests.filter((r) => r.method === 'POST' && r.url.includes(path)).map((r) => r.idempotencyKey);
  }

  restore(): void {
    window.fetch = this.#original;
  }
}

describe('<dvc-satisfaction-survey>', () => {
  let watch: RequestLog | undefined;

  beforeEach(async () => {
    await sandbox('reset');
    sessionStorage.clear();
    await setLang('vi');
  });

  afterEach(async () => {
    watch?.restore();
    watch = undefined;
    fixtureCleanup();
    sessionStorage.clear();
    await setLang('vi');
  });

  it('shows "Đang tải…" while the form loads, busy and accessible', async () => {
    const dossier = await createDossier();
    await armFault({ operationId: 'getSurveyForm', kind: 'delay', delayMs: 2500 });
    watch = new RequestLog();
    const el = await fixture<DvcSatisfactionSurvey>(
      html`<dvc-satisfaction-survey api-base=${sandboxUrl()} dossier-code=${dossier.code}></dvc-satisfaction-survey>`,
    );
    expect(text($(el, '[part="loading"]'))).to.equal('Đang tải…');
    expect($(el, '[part="survey"]')!.getAttribute('aria-busy')).to.equal('true');
    await expectNoAxeViolations(el);
    expect($(el, '[part="loading"]') !== null, 'axe ran on the loading view').to.equal(true);
    await settled(el);
    expect($(el, '[part="survey"]')!.getAttribute('aria-busy')).to.equal('false');
    expect(watch.requests[0]!.url).to.include(`surveys/form?kind=dossier&dossierCode=${encodeURIComponent(dossier.code)}`);
  });


  it('renders the regulation form in Vietnamese: fieldsets, legends, required marks, native radios, limited comment', async () => {
    const dossier = await createDossier();
    const el = await mountDossier(dossier);
    expect(el.effectiveMode).to.equal('dossier');
    expect(text($(el, 'h2'))).to.equal('Đánh giá mức độ hài lòng');
    expect($(el, 'form')!.getAttribute('aria-labelledby')).to.equal($(el, 'h2')!.id);

    const fieldsets = $$<HTMLFieldSetElement>(el, 'fieldset');
    expect(fieldsets.map((f) => f.id)).to.deep.equal(['q-contacts', 'q-agencies', 'q-one-stop', 'q-attitude', 'q-online', 'q-overall']);
    const overall = $(el, '#q-overall')!;
    expect(text(overall.querySelector('legend'))).to.equal('Mức độ hài lòng chung của Ông/Bà * (bắt buộc)');
    expect(overall.querySelector('.required-mark')!.getAttribute('aria-hidden')).to.equal('true');
    const options = [...overall.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(options.map((o) => text(o.closest('label')))).to.deep.equal(['Rất hài lòng', 'Hài lòng', 'Không hài lòng']);
    expect(options.every((o) => o.required && o.name === 'q-overall')).to.equal(true);
    // The optional question is neither marked nor required.
    const online = $(el, '#q-online')!;
    expect(online.querySelector('.required-mark') === null, 'no required mark').to.equal(true);
    expect([...online.querySelectorAll<HTMLInputElement>('input')].some((o) => o.required)).to.equal(false);

    const box = comment(el);
    expect(box.hasAttribute('maxlength'), 'no maxlength: a longer paste is kept, never cut').to.equal(false);
    expect(text($(el, `label[for="${box.id}"]`))).to.equal('Góp ý thêm');
    const described = box.getAttribute('aria-describedby')!.split(' ').map((id) => text(el.shadowRoot!.getElementById(id)));
    expect(described).to.deep.equal(['Không ghi số định danh hay thông tin cá nhân.', 'Tối đa 1.000 ký tự.']);
    expect(text($(el, '[part="count"]'))).to.equal('Còn 1.000 ký tự');
    expect(text(submitButton(el))).to.equal('Gửi đánh giá');
    expect(submitButton(el).getAttribute('aria-disabled')).to.equal('false');
    await expectNoAxeViolations(el);
  });

  it('heading-level="3" fits a section\'s h2: the title and the thanks are h3, the error summary h4; junk gives the default 2', async () => {
    const dossier = await createDossier();
    const el = await mountDossier(dossier);
    el.headingLevel = 3;
    await el.updateComplete;
    expect($(el, '[part="title"]')!.localName).to.equal('h3');
    submitButton(el).click();
    await el.updateComplete;
    expect($(el, '[part~="error-summary-title"]')!.localName).to.equal('h4');
    el.setAttribute('heading-level', 'junk');
    await el.updateComplete;
    expect($(el, '[part="title"]')!.localName).to.equal('h2');
    expect($(el, '[part~="error-summary-title"]')!.localName).to.equal('h3');
    el.setAttribute('heading-level', '3');
    await answerRequired(el);
    submitButton(el).click();
    const thanks = await outcome(el, 'thanks');
    expect(thanks.querySelector('h3')?.textContent?.trim()).to.equal('Cảm ơn Ông/Bà đã đánh giá');
    await expectNoAxeViolations(el);
  });

  it('keeps the applicant id a property: no attribute, nothing in the markup', async () => {
    const dossier = await createDossier();
    const el = await mountDossier(dossier);
    expect(el.applicantId).to.equal(dossier.applicantId);
    expect(el.outerHTML).to.not.include(dossier.applicantId);
    expect([...el.attributes].map((a) => a.name)).to.not.include('applicantid');
    expect(el.getAttribute('dossier-code')).to.equal(dossier.code);
  });

  it('refuses an incomplete form: the error summary takes focus and links to each question, errors sit by their fields', async () => {
    const dossier = await createDossier();
    watch = new RequestLog();
    const el = await mountDossier(dossier);
    radio(el, 'agencies', 2).click();
    submitButton(el).click();
    await el.updateComplete;

    const summary = $(el, '[part="error-summary"]')!;
    expectFocusOn(el, summary);
    expect(document.activeElement).to.equal(el);
    expect(text($(el, '[part~="error-summary-title"]'))).to.equal('Có lỗi cần khắc phục');
    const links = $$<HTMLAnchorElement>(el, '[part="error-link"]');
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['#q-contacts', '#q-one-stop', '#q-attitude', '#q-overall']);
    expect(text(links[0]!)).to.equal('Vui lòng chọn một câu trả lời cho “Số lần Ông/Bà phải liên hệ với cơ quan để hoàn thiện hồ sơ”');

    for (const id of ['contacts', 'one-stop', 'attitude', 'overall']) {
      const fieldset = $(el, `#q-${id}`)!;
      const errorId = `q-${id}-error`;
      expect(fieldset.getAttribute('aria-describedby')!.split(' ')).to.include(errorId);
      // Same shadow root: the reference resolves.
      expect(text(el.shadowRoot!.getElementById(errorId))).to.equal('Lỗi: Vui lòng chọn một câu trả lời.');
      expect(fieldset.querySelector('input')!.getAttribute('aria-invalid')).to.equal('true');
    }
    expect($(el, '#q-agencies')!.getAttribute('aria-describedby')).to.equal(null);
    expect(watch.posts('surveys/responses')).to.have.length(0);
    await expectNoAxeViolations(el);

    // A link moves focus to the question's first answer.
    links[2]!.click();
    expectFocusOn(el, radio(el, 'attitude', 2));
    // Answering removes that error, the others stay.
    radio(el, 'attitude', 1).click();
    await el.updateComplete;
    expect($(el, '#q-attitude-error') === null, 'absent').to.equal(true);
    expect($$(el, '[part="error-link"]')).to.have.length(3);
  });

  it('sends the evaluation: thanks with focus, fires dvc-survey-submitted, clears the draft, stores one response', async () => {
    const dossier = await createDossier();
    watch = new RequestLog();
    const el = await mountDossier(dossier);
    await answerRequired(el);
    radio(el, 'overall', 1).click();
    await typeComment(el, 'Cán bộ hướng dẫn tận tình.');
    expect(drafts()).to.have.length(1);

    const submitted = oneEvent(el, 'dvc-survey-submitted');
    submitButton(el).focus();
    submitButton(el).click();
    const event = (await submitted) as CustomEvent<DvcSurveySubmittedEventDetail>;
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
    expect(Object.keys(event.detail).sort()).to.deep.equal(['dossierCode', 'responseId']);
    expect(event.detail.dossierCode).to.equal(dossier.code);
    expect(event.detail.responseId).to.match(/^srv_/);

    const thanks = await outcome(el, 'thanks');
    expectFocusOn(el, thanks);
    expect(text(thanks)).to.include('Cảm ơn Ông/Bà đã đánh giá');
    expect(drafts()).to.have.length(0);
    const [sent] = watch.posts('surveys/responses');
    expect(sent).to.deep.equal({
      formId: 'one-stop-evaluation', formVersion: 1, dossierCode: dossier.code, applicantId: dossier.applicantId,
      answers: { contacts: 2, agencies: 2, 'one-stop': 2, attitude: 2, overall: 1, comment: 'Cán bộ hướng dẫn tận tình.' },
    });
    await expectNoAxeViolations(el);

    // Stored: a second evaluation of the same dossier is refused.
    const client = createDvcClient({ baseUrl: sandboxUrl() });
    const again: SurveySubmission = { formId: 'one-stop-evaluation', formVersion: 1, dossierCode: dossier.code, applicantId: dossier.applicantId, answers: sent!['answers'] as SurveySubmission['answers'] };
    const error = await client.surveys.submit(again).then(() => undefined, (e: unknown) => e);
    expect(error).to.be.instanceOf(DvcApiError);
    expect((error as DvcApiError).code).to.equal('survey_already_submitted');
  });

  it('sends once while busy: the button stays focused with aria-disabled, repeats are ignored', async () => {
    const dossier = await createDossier();
    watch = new RequestLog();
    const el = await mountDossier(dossier);
    await answerRequired(el);
    await armFault({ operationId: 'submitSurvey', kind: 'delay', delayMs: 1500 });
    const button = submitButton(el);
    button.focus();
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(text(button)).to.equal('Đang gửi…');
    expectFocusOn(el, button);
    expect($(el, '[part="survey"]')!.getAttribute('aria-busy')).to.equal('true');
    await expectNoAxeViolations(el);
    button.click();
    await sendKeys({ press: 'Enter' });
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await el.updateComplete;
    expect(button.getAttribute('aria-disabled')).to.equal('true');

    expectFocusOn(el, await outcome(el, 'thanks'));
    expect(watch.posts('surveys/responses')).to.have.length(1);
  });

  it('keeps the answers through a server error (500) and a rate limit (429), then sends on retry', async () => {
    const dossier = await createDossier();
    const el = await mountDossier(dossier);
    await answerRequired(el, 0);
    await typeComment(el, 'Chờ lâu');

    // Every attempt: the SDK retries a 500 twice itself (the send has an Idempotency-Key).
    await armFault({ operationId: 'submitSurvey', kind: 'status', status: 500, times: 3 });
    submitButton(el).click();
    await waitUntil(() => $(el, '[role="alert"]') !== null, 'no error shown', { timeout: 8000 });
    expect(text($(el, '[part="error-message"]'))).to.equal('Hệ thống gặp sự cố. Vui lòng thử lại sau.');
    expect(REQUIRED.every((id) => radio(el, id, 0).checked)).to.equal(true);
    expect(comment(el).value).to.equal('Chờ lâu');

    await armFault({ operationId: 'submitSurvey', kind: 'status', status: 429, retryAfter: 30 });
    $<HTMLButtonElement>(el, '[part="retry-button"]')!.click();
    await waitUntil(() => text($(el, '[part="error-message"]')).includes('30 giây'), 'no rate-limit message', { timeout: 8000 });
    expect(text($(el, '[part="error-message"]'))).to.equal('Có quá nhiều yêu cầu. Vui lòng đợi 30 giây rồi thử lại.');
    expect(drafts()).to.have.length(1);

    $<HTMLButtonElement>(el, '[part="retry-button"]')!.click();
    await outcome(el, 'thanks');
    expect(drafts()).to.have.length(0);
  });


  it('an evaluation stored whose answer was lost (502) is sent again with the same key: thanks, not "already evaluated", stored once', async () => {
    const dossier = await createDossier();
    watch = new RequestLog();
    const el = await mountDossier(dossier);
    await answerRequired(el);
    // The sandbox stores the evaluation, then loses its answer; the SDK sends it again.
    await armFault({ operationId: 'submitSurvey', kind: 'drop-after-commit' });
    const submitted = oneEvent(el, 'dvc-survey-submitted');
    submitButton(el).click();
    const { detail } = (await submitted) as CustomEvent<DvcSurveySubmittedEventDetail>;
    const thanks = await outcome(el, 'thanks');
    expectFocusOn(el, thanks);
    expect($(el, '[role="alert"]') === null, 'no error').to.equal(true);
    expect($(el, '[part="already-evaluated"]') === null, 'not "already evaluated"').to.equal(true);

    const keys = watch.keys('surveys/responses');
    expect(keys, 'sent twice, with one key').to.have.length(2);
    expect(keys[0]).to.match(/^[0-9a-f]{32}$/);
    expect(keys[1]).to.equal(keys[0]);
    const stored = await storedResponses({ dossierCode: dossier.code });
    expect(stored.map((r) => r.id), 'stored once, and that is the receipt thanked for').to.deep.equal([detail.responseId]);
    expect(drafts()).to.have.length(0);
  });

  it('page feedback stored whose answer was lost is stored once: thanks, no error', async () => {
    watch = new RequestLog();
    const el = await mountPage('1.001193');
    radio(el, 'useful', 1).click();
    await el.updateComplete;
    await armFault({ operationId: 'submitSurvey', kind: 'drop-after-commit' });
    submitButton(el).click();
    await outcome(el, 'thanks');
    expect($(el, '[role="alert"]') === null, 'no error').to.equal(true);
    const keys = watch.keys('surveys/responses');
    expect(keys).to.have.length(2);
    expect(keys[1]).to.equal(keys[0]);
    const stored = await storedResponses({ procedureCode: '1.001193' });
    expect(stored.map((r) => r.answers)).to.deep.equal([{ useful: 1 }]);
  });

  it('when every automatic retry loses its answer, "Thử lại" sends the same key: thanks, stored once', async () => {
    const dossier = await createDossier();
    watch = new RequestLog();
    const el = await mountDossier(dossier);
    await answerRequired(el, 1);
    // The first attempt stores; it and the SDK's two retries all lose their answers.
    await armFault({ operationId: 'submitSurvey', kind: 'drop-after-commit', times: 3 });
    submitButton(el).click();
    await waitUntil(() => $(el, '[role="alert"]') !== null, 'no error shown', { timeout: 8000 });
    expect(text($(el, '[part="error-message"]'))).to.equal('Hệ thống gặp sự cố. Vui lòng thử lại sau.');
    expect(await storedResponses({ dossierCode: dossier.code })).to.have.length(1);

    const submitted = oneEvent(el, 'dvc-survey-submitted');
    $<HTMLButtonElement>(el, '[part="retry-button"]')!.click();
    const { detail } = (await submitted) as CustomEvent<DvcSurveySubmittedEventDetail>;
    expectFocusOn(el, await outcome(el, 'thanks'));
    const keys = watch.keys('surveys/responses');
    expect(keys).to.have.length(4);
    expect(new Set(keys).size, 'one key for the attempt and its retries').to.equal(1);
    expect((await storedResponses({ dossierCode: dossier.code })).map((r) => r.id)).to.deep.equal([detail.responseId]);
  });

  it('one key per attempt: made on send, kept when sending the same answers again, replaced when an answer changes', async () => {
    watch = new RequestLog();
    const el = await mountPage('1.001193');
    radio(el, 'useful', 1).click();
    await el.updateComplete;
    // A Retry-After beyond the SDK's ceiling: one request per press, the error shown each time.
    const fail = () => armFault({ operationId: 'submitSurvey', kind: 'status', status: 503, retryAfter: 30 });
    const failedSend = async (press: () => void, count: number) => {
      press();
      await waitUntil(() => watch!.keys('surveys/responses').length === count && $(el, '[role="alert"]') !== null
        && submitButton(el).getAttribute('aria-disabled') === 'false', `send ${count} did not fail`, { timeout: 8000 });
    };
    await fail();
    await failedSend(() => submitButton(el).click(), 1);
    await fail();
    await failedSend(() => $<HTMLButtonElement>(el, '[part="retry-button"]')!.click(), 2);
    await fail();
    await failedSend(() => submitButton(el).click(), 3);
    await typeComment(el, 'Thêm một ý');
    await fail();
    await failedSend(() => submitButton(el).click(), 4);
    await typeComment(el, '');
    submitButton(el).click();
    await outcome(el, 'thanks');

    const [first, retried, again, changed, changedBack] = watch.keys('surveys/responses');
    expect(first).to.match(/^[0-9a-f]{32}$/);
    expect([retried, again], 'the same answers: the same key').to.deep.equal([first, first]);
    expect(changed, 'an answer changed: a new key').to.not.equal(first);
    expect(changed).to.match(/^[0-9a-f]{32}$/);
    // Changed again (back to the first answers): again a new attempt, with a key of its own.
    expect(changedBack).to.match(/^[0-9a-f]{32}$/);
    expect([first, changed], 'a new key').to.not.include(changedBack);
    expect((await storedResponses({ procedureCode: '1.001193' })).map((r) => r.answers)).to.deep.equal([{ useful: 1 }]);
  });

  it('says kindly that the dossier was already evaluated (409), not as an error', async () => {
    const dossier = await createDossier();
    await createDvcClient({ baseUrl: sandboxUrl() }).surveys.submit({
      formId: 'one-stop-evaluation', formVersion: 1, dossierCode: dossier.code, applicantId: dossier.applicantId,
      answers: { contacts: 2, agencies: 2, 'one-stop': 2, attitude: 2, overall: 2 },
    });
    const el = await mountDossier(dossier);
    await answerRequired(el);
    submitButton(el).click();
    const notice = await outcome(el, 'already-evaluated');
    expect(text(notice)).to.equal('Ông/Bà đã đánh giá hồ sơ này. Cảm ơn!');
    expectFocusOn(el, notice);
    expect($(el, '[role="alert"]') === null, 'absent').to.equal(true);
    expect($(el, '[part="error"]') === null, 'absent').to.equal(true);
    expect(drafts()).to.have.length(0);
    await expectNoAxeViolations(el);
  });

  it('explains that an unfinished dossier can be evaluated once decided (409 survey_not_available), keeping the answers', async () => {
    const dossier = await createDossier('processing');
    const el = await mountDossier(dossier);
    await answerRequired(el);
    submitButton(el).click();
    const notice = await outcome(el, 'not-available');
    expect(text(notice)).to.include('Hồ sơ đang được giải quyết');
    expect(text(notice)).to.include('Ông/Bà có thể đánh giá sau khi hồ sơ có kết quả. Các câu trả lời được giữ lại cho đến khi Ông/Bà đóng thẻ trình duyệt này.');
    expectFocusOn(el, notice);
    expect($(el, '[role="alert"]') === null, 'absent').to.equal(true);
    expect(drafts()).to.have.length(1);
    await expectNoAxeViolations(el);
  });

  it('an unfinished dossier known as such before anything is answered (the tab holds its proof): said so, with no word of answers kept', async () => {
    const dossier = await createDossier('processing');
    const found = await createDvcClient({ baseUrl: sandboxUrl() }).dossiers.lookup({ code: dossier.code, applicantId: dossier.applicantId });
    rememberAccess(dossier.code, found.access!);
    const el = await fixture<DvcSatisfactionSurvey>(html`<dvc-satisfaction-survey api-base=${sandboxUrl()} dossier-code=${dossier.code}></dvc-satisfaction-survey>`);
    const notice = await outcome(el, 'not-available');
    expect(text(notice)).to.equal('Hồ sơ đang được giải quyết. Ông/Bà có thể đánh giá sau khi hồ sơ có kết quả.');
    await setLang('en');
    await el.updateComplete;
    expect(text(notice)).to.equal('This dossier is still being processed. You can evaluate it once it has been decided.');
  });

  it('says that a dossier closed without a result has nothing to evaluate (409 survey_closed), not "later", and lets go of the answers', async () => {
    const dossier = await createDossier('withdrawn');
    const el = await mountDossier(dossier);
    await answerRequired(el);
    submitButton(el).click();
    const notice = await outcome(el, 'closed');
    expect(text(notice)).to.include('Hồ sơ này đã kết thúc mà không có kết quả.');
    expect(text(notice)).to.include('Bộ phận Một cửa của đơn vị tiếp nhận');
    expect(text(notice)).to.not.include('sau khi hồ sơ có kết quả');
    expectFocusOn(el, notice);
    expect($(el, '[role="alert"]') === null, 'absent').to.equal(true);
    expect(drafts()).to.have.length(0);
    await expectNoAxeViolations(el);
    // For the keyboard: the notice holds focus and nothing else to reach (no form to send).
    expect(el.shadowRoot!.querySelectorAll('button, input, textarea, a[href]')).to.have.length(0);
  });

  it('keeps the answers when the server is down, and sends them on retry', async () => {
    const dossier = await createDossier();
    const el = await mountDossier(dossier);
    await answerRequired(el, 1);
    await typeComment(el, 'Mạng chập chờn');
    el.apiBase = CLOSED_PORT_API;
    await el.updateComplete;
    // A new api-base does not reload a form in use.
    expect($(el, 'form') !== null, 'present').to.equal(true);
    submitButton(el).click();
    await waitUntil(() => $(el, '[role="alert"]') !== null, 'no error shown', { timeout: 8000 });
    expect(text($(el, '[part="error-message"]'))).to.include('Không thể kết nối tới hệ thống');
    expect(REQUIRED.every((id) => radio(el, id, 1).checked)).to.equal(true);
    expect(comment(el).value).to.equal('Mạng chập chờn');
    expect(drafts()).to.have.length(1);
    expect(submitButton(el).getAttribute('aria-disabled')).to.equal('false');
    await expectNoAxeViolations(el);

    el.apiBase = sandboxUrl();
    await el.updateComplete;
    const submitted = oneEvent(el, 'dvc-survey-submitted');
    const retry = $<HTMLButtonElement>(el, '[part="retry-button"]')!;
    expect(text(retry)).to.equal('Thử lại');
    retry.click();
    // The retry button leaves while sending; focus waits on the send button.
    expectFocusOn(el, submitButton(el));
    expect((await submitted).detail.dossierCode).to.equal(dossier.code);
    expectFocusOn(el, await outcome(el, 'thanks'));
  });

  it('restores the draft in a new element for the same dossier, and never stores the identity number, not even one typed in the comment', async () => {
    const dossier = await createDossier();
    const first = await mountDossier(dossier);
    radio(first, 'contacts', 1).click();
    radio(first, 'overall', 0).click();
    const grouped = dossier.applicantId.replace(/^(\d{4})(\d{4})(\d{4})$/, '$1 $2 $3');
    await typeComment(first, `Chưa xong, số ${dossier.applicantId} (thẻ in ${grouped}), viết tiếp sau`);
    expect(comment(first).value, 'what is on screen stays as typed').to.include(dossier.applicantId);
    first.remove();

    const stored = drafts();
    expect(stored).to.have.length(1);
    expect(stored[0]![0]).to.equal(`dvc-survey-draft:one-stop-evaluation:dossier:${dossier.code}`);
    expect(JSON.stringify(stored)).to.not.include(dossier.applicantId);
    expect(JSON.stringify(stored)).to.not.include(grouped);

    const second = await mountDossier(dossier);
    expect(radio(second, 'contacts', 1).checked).to.equal(true);
    expect(radio(second, 'overall', 0).checked).to.equal(true);
    expect(radio(second, 'agencies', 2).checked).to.equal(false);
    const restored = 'Chưa xong, số [số định danh đã được ẩn] (thẻ in [số định danh đã được ẩn]), viết tiếp sau';
    expect(comment(second).value).to.equal(restored);
    expect(text($(second, '[part="count"]'))).to.equal(`Còn ${1000 - restored.length} ký tự`);

    // Another dossier has its own (empty) draft.
    const other = await mountDossier(await createDossier());
    expect(radio(other, 'contacts', 1).checked).to.equal(false);
  });

  it('has an off-screen honeypot out of reach of people and assistive technology', async () => {
    const el = await mountPage('1.001193');
    const input = $<HTMLInputElement>(el, 'input[name="website"]')!;
    const wrapper = input.parentElement!;
    expect(wrapper.getAttribute('aria-hidden')).to.equal('true');
    expect(input.tabIndex).to.equal(-1);
    expect(input.getAttribute('autocomplete')).to.equal('off');
    expect(getComputedStyle(wrapper).display).to.not.equal('none');
    expect(wrapper.getBoundingClientRect().right).to.be.lessThan(0);
  });

  it('thanks a bot that fills the honeypot but stores nothing: a real evaluation still succeeds', async () => {
    const dossier = await createDossier();
    watch = new RequestLog();
    const el = await mountDossier(dossier);
    await answerRequired(el);
    $<HTMLInputElement>(el, 'input[name="website"]')!.value = 'http://spam.example';
    submitButton(el).click();
    await outcome(el, 'thanks');
    expect(watch.posts('surveys/responses')[0]!['website']).to.equal('http://spam.example');

    const receipt = await createDvcClient({ baseUrl: sandboxUrl() }).surveys.submit({
      formId: 'one-stop-evaluation', formVersion: 1, dossierCode: dossier.code, applicantId: dossier.applicantId,
      answers: { contacts: 2, agencies: 2, 'one-stop': 2, attitude: 2, overall: 2 },
    });
    expect(receipt.id).to.match(/^srv_/);
  });

  it('asks for the identity number when the page has none: checked with the answers, a mismatch said at the field', async () => {
    const dossier = await createDossier();
    watch = new RequestLog();
    const el = await fixture<DvcSatisfactionSurvey>(
      html`<dvc-satisfaction-survey api-base=${sandboxUrl()} dossier-code=${dossier.code}></dvc-satisfaction-survey>`,
    );
    await settled(el);
    const field = $<HTMLInputElement>(el, '#applicant-id')!;
    expect(field.getAttribute('inputmode')).to.equal('numeric');
    expect(field.hasAttribute('name')).to.equal(false);
    expect(text($(el, 'label[for="applicant-id"]'))).to.equal('Số định danh cá nhân');
    await answerRequired(el);

    // Empty: the error summary takes focus and links to the field; nothing is sent.
    submitButton(el).click();
    await el.updateComplete;
    const summary = $(el, '[part="error-summary"]')!;
    expect(el.shadowRoot!.activeElement).to.equal(summary);
    expect(text(summary)).to.include('Nhập số định danh cá nhân');
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(field.getAttribute('aria-describedby')).to.include('applicant-id-error');
    expect(watch.posts('surveys/responses')).to.have.length(0);
    await expectNoAxeViolations(el);

    // A number that does not match the dossier: said at the field, the answers kept.
    field.value = '999999999999';
    submitButton(el).click();
    await waitUntil(() => text($(el, '[part="error-summary"]')).includes('Không tìm thấy hồ sơ'), 'no mismatch message', { timeout: 8000 });
    expect(watch.posts('surveys/responses')).to.have.length(1);
    expect(radio(el, 'overall', 2).checked).to.equal(true);

    // The right number, typed with spaces: sent once, then cleared from the field and never stored.
    $<HTMLInputElement>(el, '#applicant-id')!.value = dossier.applicantId.replace(/(\d{3})(?=\d)/g, '$1 ');
    submitButton(el).click();
    await outcome(el, 'thanks');
    const sent = watch.posts('surveys/responses').at(-1)!;
    expect(sent['applicantId']).to.equal(dossier.applicantId);
    expect(JSON.stringify(drafts())).to.not.include(dossier.applicantId);
    expect(new XMLSerializer().serializeToString(el.shadowRoot!)).to.not.include(dossier.applicantId);
  });

  it('shows a localised error with a retry when the form cannot be loaded, announced once the citizen asked for it; then loads from a working API', async () => {
    const dossier = await createDossier();
    const el = await fixture<DvcSatisfactionSurvey>(
      html`<dvc-satisfaction-survey api-base=${CLOSED_PORT_API} dossier-code=${dossier.code}></dvc-satisfaction-survey>`,
    );
    await settled(el);
    // Loaded with the page: said where the form would be, not as an alert that interrupts the
    // citizen elsewhere on the page (the tracker beside it, say).
    expect(text($(el, '[part="error"]'))).to.include('Không thể kết nối tới hệ thống');
    expect($(el, '[role="alert"]'), 'not an alert').to.equal(null);
    await expectNoAxeViolations(el);
    $<HTMLButtonElement>(el, '[part="retry-button"]')!.click();
    await waitUntil(() => $(el, '[role="alert"]') !== null, 'the failure of "Thử lại" was not an alert', { timeout: 8000 });
    expect(text($(el, '[role="alert"]'))).to.include('Không thể kết nối tới hệ thống');
    el.apiBase = sandboxUrl();
    await waitUntil(() => $(el, 'form') !== null, 'the form did not load from the new api-base', { timeout: 8000 });
  });

  it('page mode, its form failed to load: "Thử lại" keeps focus in the widget, on "Đang tải…", then on the failure\'s "Thử lại" or the form\'s first answer', async () => {
    await armFault({ operationId: 'getSurveyForm', kind: 'status', status: 503, times: 6 });
    const el = await mountPage('1.001193');
    const first = $<HTMLButtonElement>(el, '[part="retry-button"]')!;
    first.focus();
    await sendKeys({ press: 'Enter' });
    // The failure comes back: focus goes to its new "Thử lại", not to the page.
    await waitUntil(() => el.shadowRoot!.activeElement?.getAttribute('part') === 'retry-button' && el.shadowRoot!.activeElement !== first,
      'failed again: focus did not go to the new "Thử lại"', { timeout: 12_000 });
    await fetch(`${sandboxUrl()}/_sandbox/reset`, { method: 'POST' });
    await armFault({ operationId: 'getSurveyForm', kind: 'delay', delayMs: 1000 });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.getAttribute('part'), 'focus while the form loads').to.equal('loading');
    await waitUntil(() => $(el, 'form') !== null, 'the form did not load', { timeout: 8000 });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement, 'focus on the first answer, read with its question').to.equal(radio(el, 'useful', 1));
    expect(radio(el, 'useful', 1).checked, 'focused, not chosen').to.equal(false);
  });

  it('page mode: "Thông tin này có hữu ích không?" yes/no with a comment, tied to the procedure', async () => {
    watch = new RequestLog();
    const el = await mountPage('1.001193');
    expect(el.effectiveMode).to.equal('page');
    expect($(el, 'h2') === null, 'absent').to.equal(true);
    const fieldset = $(el, 'fieldset')!;
    expect(text(fieldset.querySelector('legend'))).to.equal('Thông tin này có hữu ích không? * (bắt buộc)');
    expect($$<HTMLInputElement>(el, 'input[type="radio"]').map((o) => text(o.closest('label')))).to.deep.equal(['Có', 'Không']);
    expect(text($(el, 'label[for="q-comment"]'))).to.equal('Chúng tôi có thể cải thiện điều gì?');
    expect(text($(el, '[part="count"]'))).to.equal('Còn 500 ký tự'); // the page form's own, lower limit
    expect(text(submitButton(el))).to.equal('Gửi');
    await expectNoAxeViolations(el);

    radio(el, 'useful', 0).click();
    await typeComment(el, 'Thiếu mẫu tờ khai');
    const submitted = oneEvent(el, 'dvc-survey-submitted');
    submitButton(el).click();
    expect((await submitted).detail).to.deep.equal({ responseId: (await submitted).detail.responseId, procedureCode: '1.001193' });
    const thanks = await outcome(el, 'thanks');
    expect(text(thanks)).to.equal('Cảm ơn Ông/Bà đã góp ý.');
    expectFocusOn(el, thanks);
    await expectNoAxeViolations(el);

    const [sent] = watch.posts('surveys/responses');
    expect(sent).to.deep.equal({ formId: 'page-feedback', formVersion: 1, procedureCode: '1.001193', answers: { useful: 0, comment: 'Thiếu mẫu tờ khai' } });
    expect(watch.requests[0]!.url).to.include('surveys/form?kind=page&procedureCode=1.001193');
  });

  it('page mode without a procedure: sends the page URL without query or hash; a filled honeypot is sent and still thanked', async () => {
    watch = new RequestLog();
    const el = await mountPage();
    expect(location.search).to.not.equal(''); // the test page has a query string: it must not leak
    submitButton(el).click();
    await el.updateComplete;
    expectFocusOn(el, $(el, '[part="error-summary"]'));
    expect(text($(el, '[part="error-link"]'))).to.equal('Vui lòng chọn một câu trả lời cho “Thông tin này có hữu ích không?”');

    radio(el, 'useful', 1).click();
    $<HTMLInputElement>(el, 'input[name="website"]')!.value = 'http://bot.example';
    submitButton(el).click();
    await outcome(el, 'thanks');
    const [sent] = watch.posts('surveys/responses');
    expect(sent!['pageUrl']).to.equal(`${location.origin}${location.pathname}`);
    expect(String(sent!['pageUrl'])).to.not.match(/[?#]/);
    expect(sent!['website']).to.equal('http://bot.example');
    expect(sent).to.not.have.property('procedureCode');
    expect(sent).to.not.have.property('applicantId');
  });

  it('works from the keyboard alone: Tab into each group, arrows and Space choose, type, Enter sends', async () => {
    const dossier = await createDossier();
    watch = new RequestLog();
    const el = await mountDossier(dossier);
    (document.activeElement as HTMLElement | null)?.blur();

    await sendKeys({ press: 'Tab' });
    expectFocusOn(el, radio(el, 'contacts', 2));
    await sendKeys({ press: 'ArrowDown' }); // contacts: 1
    await sendKeys({ press: 'Tab' });
    expectFocusOn(el, radio(el, 'agencies', 2));
    await sendKeys({ press: ' ' }); // agencies: 2
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' }); // one-stop: 0
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowUp' }); // attitude: 2
    await sendKeys({ press: 'Tab' });
    expectFocusOn(el, radio(el, 'online', 2));
    await sendKeys({ press: 'Tab' }); // online is optional: skipped
    expectFocusOn(el, radio(el, 'overall', 2));
    await sendKeys({ press: ' ' }); // overall: 2
    await sendKeys({ press: 'Tab' });
    expectFocusOn(el, comment(el));
    await sendKeys({ type: 'Nhanh va chu dao' });
    await sendKeys({ press: 'Tab' }); // the honeypot is not in the tab order
    expectFocusOn(el, submitButton(el));
    await sendKeys({ press: 'Enter' });

    const thanks = await outcome(el, 'thanks');
    expectFocusOn(el, thanks);
    expect(watch.posts('surveys/responses')[0]!['answers']).to.deep.equal({
      contacts: 1, agencies: 2, 'one-stop': 0, attitude: 2, overall: 2, comment: 'Nhanh va chu dao',
    });
  });

  it('announces the characters left politely at thresholds, not on every keystroke; a longer answer is kept and counted over', async () => {
    const dossier = await createDossier();
    const el = await mountDossier(dossier);
    const region = countStatus(el);
    expect(region.getAttribute('role')).to.equal('status');
    expect(region.getAttribute('aria-live')).to.equal('polite');
    expect($(el, '[part="count"]')!.getAttribute('aria-hidden')).to.equal('true');

    await typeComment(el, 'a'.repeat(899));
    expect(text($(el, '[part="count"]'))).to.equal('Còn 101 ký tự');
    expect(text(countStatus(el))).to.equal('');
    await typeComment(el, 'a'.repeat(900));
    expect(text(countStatus(el))).to.equal('Còn 100 ký tự');
    await typeComment(el, 'a'.repeat(901));
    expect(text($(el, '[part="count"]'))).to.equal('Còn 99 ký tự');
    expect(text(countStatus(el))).to.equal('Còn 100 ký tự'); // unchanged: nothing new announced
    await typeComment(el, 'a'.repeat(995)); // a paste past 50, 20 and 10 speaks once
    expect(text(countStatus(el))).to.equal('Còn 5 ký tự');

    comment(el).focus();
    comment(el).setSelectionRange(995, 995);
    await sendKeys({ type: 'bbbbb' });
    await el.updateComplete;
    expect(text(countStatus(el))).to.equal('Còn 0 ký tự');
    expect($(el, '[part="count"]')!.classList.contains('at-limit')).to.equal(true);
    // Past the limit the box keeps typing (a pasted answer is never cut): the count says by how
    // much, once aloud as the limit is passed.
    await sendKeys({ type: 'bbb' });
    await el.updateComplete;
    expect(comment(el).value.length).to.equal(1003);
    expect(text($(el, '[part="count"]'))).to.equal('Vượt quá 3 ký tự');
    expect($(el, '[part="count"]')!.classList.contains('over-limit')).to.equal(true);
    expect(text(countStatus(el))).to.equal('Vượt quá 1 ký tự');
    expect(comment(el).hasAttribute('maxlength')).to.equal(false);
    // Once typing pauses, the count past the limit is said as it is now, not as it was at the limit.
    await waitUntil(() => text(countStatus(el)) === 'Vượt quá 3 ký tự', 'the count past the limit was not said again', { timeout: 3000 });

    await setLang('en');
    await el.updateComplete;
    expect(text($(el, '[part="count"]'))).to.equal('3 characters too many');
    expect(text(countStatus(el))).to.equal('3 characters too many');
    await typeComment(el, 'a'.repeat(999));
    expect(text($(el, '[part="count"]'))).to.equal('1 character left');
  });

  it('keeps a pasted answer over the limit, whole: sending waits until it is shortened, and the draft keeps it', async () => {
    const dossier = await createDossier();
    watch = new RequestLog();
    const el = await mountDossier(dossier);
    await answerRequired(el);
    const pasted = `${'Thủ tục cần rõ ràng hơn. '.repeat(40)}Hết.`;
    expect(pasted.length).to.be.greaterThan(1000);
    await typeComment(el, pasted);
    expect(comment(el).value).to.equal(pasted);
    expect(text($(el, '[part="count"]'))).to.equal(`Vượt quá ${pasted.length - 1000} ký tự`);
    expect(text(countStatus(el))).to.equal(`Vượt quá ${pasted.length - 1000} ký tự`);
    expect(drafts()[0]![1]).to.include('Hết.');

    submitButton(el).click();
    await el.updateComplete;
    expectFocusOn(el, $(el, '[part="error-summary"]')!);
    expect($$(el, '[part="error-link"]').map(text)).to.deep.equal(['Câu trả lời cho “Góp ý thêm” quá dài. Vui lòng rút ngắn.']);
    expect(text(el.shadowRoot!.getElementById('q-comment-error'))).to.equal('Lỗi: Câu trả lời quá dài. Vui lòng rút ngắn.');
    expect(comment(el).getAttribute('aria-invalid')).to.equal('true');
    expect(comment(el).value).to.equal(pasted);
    expect(watch.posts('surveys/responses')).to.have.length(0);
    await expectNoAxeViolations(el);

    // Still too long after an edit: the problem stays; shortened to fit, it goes.
    await typeComment(el, pasted.slice(1));
    expect(el.shadowRoot!.getElementById('q-comment-error')).to.not.equal(null);
    const shortened = pasted.slice(0, 1000);
    await typeComment(el, shortened);
    expect(el.shadowRoot!.getElementById('q-comment-error')).to.equal(null);
    expect($(el, '[part="error-summary"]')).to.equal(null);
    submitButton(el).click();
    await outcome(el, 'thanks');
    expect(watch.posts('surveys/responses')[0]!['answers']).to.include({ comment: shortened });
  });

  it('speaks English on an English page: labels from the form, the widget’s own words, errors and thanks', async () => {
    await setLang('en');
    const dossier = await createDossier();
    const el = await mountDossier(dossier);
    expect(text($(el, 'h2'))).to.equal('Rate this service');
    expect(text($(el, '#q-overall legend'))).to.equal('Overall, how satisfied are you? * (required)');
    expect(text(radio(el, 'overall', 2).closest('label'))).to.equal('Very satisfied');
    expect(text($(el, '[part="count"]'))).to.equal('1,000 characters left');
    expect(text(submitButton(el))).to.equal('Send your evaluation');

    submitButton(el).click();
    await el.updateComplete;
    expect(text($(el, '[part~="error-summary-title"]'))).to.equal('There is a problem');
    expect(text($(el, '#q-contacts-error'))).to.equal('Error: Please choose an answer.');
    await expectNoAxeViolations(el);

    await answerRequired(el);
    submitButton(el).click();
    expect(text(await outcome(el, 'thanks'))).to.include('Thank you for your evaluation');

    // Switching the page back to Vietnamese switches the widget too.
    await setLang('vi');
    await el.updateComplete;
    expect(text($(el, '[part="thanks"]'))).to.include('Cảm ơn Ông/Bà đã đánh giá');
  });

  it('words each error summary item as one sentence naming the question, in Vietnamese and English, its bullet-free link starting on the item\'s first line', async () => {
    const dossier = await createDossier();
    const el = await mountDossier(dossier);
    submitButton(el).click();
    await el.updateComplete;
    const links = () => $$<HTMLAnchorElement>(el, '[part="error-link"]');
    expect(links().map(text)).to.deep.equal([
      'Vui lòng chọn một câu trả lời cho “Số lần Ông/Bà phải liên hệ với cơ quan để hoàn thiện hồ sơ”',
      'Vui lòng chọn một câu trả lời cho “Số cơ quan Ông/Bà phải liên hệ”',
      'Vui lòng chọn một câu trả lời cho “Hồ sơ được tiếp nhận và trả kết quả tại Bộ phận Một cửa”',
      'Vui lòng chọn một câu trả lời cho “Thái độ của cán bộ, công chức”',
      'Vui lòng chọn một câu trả lời cho “Mức độ hài lòng chung của Ông/Bà”',
    ]);
    await setLang('en');
    await el.updateComplete;
    const english = links().map(text);
    expect(english.at(-1)).to.equal('Please choose an answer to “Overall, how satisfied are you?”');
    for (const item of [...links().map(text), ...english]) {
      // Never "…are you?: Please choose…": the question, quoted, inside one sentence.
      expect(item).to.not.match(/[?:]\s*:|:\s*(Please|Vui lòng)/);
      expect(item).to.match(/^(Please choose an answer to|Vui lòng chọn một câu trả lời cho) “[^”]+”$/);
    }
    // No bullets; each link begins at the top of its item, however many lines it wraps to.
    await setViewport({ width: 320, height: 640 });
    try {
      await el.updateComplete;
      for (const link of links()) {
        const item = link.closest('li')!;
        expect(getComputedStyle(item).listStyleType).to.equal('none');
        expect(Math.abs(link.getClientRects()[0]!.top - item.getBoundingClientRect().top), 'the link starts on the first line').to.be.below(2);
      }
      expect(links().some((link) => link.getClientRects().length > 1 || link.getBoundingClientRect().height > 40), 'a link wraps at 320 px').to.equal(true);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('page feedback in English, and its thank-you', async () => {
    await setLang('en');
    const el = await mountPage('1.001193');
    expect(text($(el, 'legend'))).to.equal('Was this information useful? * (required)');
    expect($$<HTMLInputElement>(el, 'input[type="radio"]').map((o) => text(o.closest('label')))).to.deep.equal(['Yes', 'No']);
    expect(text(submitButton(el))).to.equal('Send');
    radio(el, 'useful', 1).click();
    await el.updateComplete;
    submitButton(el).click();
    expect(text(await outcome(el, 'thanks'))).to.equal('Thank you for your feedback.');
    await expectNoAxeViolations(el);
  });
});
