/**
 * Hostile data: the corpus of test-support/hostile-corpus.ts, seeded through the real sandbox into
 * every text each widget shows — procedure names, fields, agencies, documents, download forms,
 * steps, legal basis (search); the receiving unit, apology, supplement request, fees and history
 * (tracker); fee lines and procedure names (payment); survey titles, descriptions, labels, scale
 * labels and hints (survey); and the problem `detail` of error answers (all four). For each: no
 * script runs (no dialog, no `window.__pwned`, no beacon request), nothing becomes an element or
 * attribute in any shadow root, and the payload is shown as text where the data belongs.
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import type { Dossier, SurveyForm } from '@dvc-kit/sdk';
import { afterEach, before, beforeEach, describe, it } from '../test-support/mocha.ts';
import { sandboxUrl } from '../test-support/axe.ts';
import '../procedure-search/index.ts';
import '../dossier-tracker/index.ts';
import '../payment/index.ts';
import '../satisfaction-survey/index.ts';
import type { DvcProcedureSearch } from '../procedure-search/procedure-search.ts';
import type { DvcDossierTracker } from '../dossier-tracker/dossier-tracker.ts';
import type { DvcPayment } from '../payment/payment.ts';
import type { DvcSatisfactionSurvey } from '../satisfaction-survey/satisfaction-survey.ts';
import { HOSTILE_FORM_URLS, HOSTILE_PAYLOADS, fit, type HostilePayload } from '../test-support/hostile-corpus.ts';
import {
  Tripwire, expectInert, expectShownAsText, findInjected, norm, sandbox, setLang, slow, text,
} from '../test-support/sandbox-and-tripwire.ts';
import { namePortalPages } from '../test-support/portal-pages.ts';

// The portal names its payment and evaluation pages: the tracker offers "Pay" and "Evaluate".
namePortalPages();

/** A word only the hostile procedures have, to list them all in one search. */
const TOKEN = 'Zqxhostile';
/** A made-up identity number for the dossiers these tests create. */
const APPLICANT = '079203009999';
const N = HOSTILE_PAYLOADS.length;

const procedureCode = (p: HostilePayload) => `9.97${String(p.n).padStart(4, '0')}`;
const procedureName = (p: HostilePayload) => `${TOKEN} ${p.n} ${p.text}`;

/** A procedure with the payload in every text the search widget shows (and some it does not). */
function hostileProcedure(p: HostilePayload) {
  const t = p.text;
  return {
    code: procedureCode(p),
    name: procedureName(p),
    field: { code: `ZQX-${p.n}`, name: t },
    levels: ['province'],
    onlineLevel: 'none',
    promulgatedBy: t,
    agencyDetails: { executing: [t], competent: [t], authorised: [], coordinating: [] },
    channelDetails: [{
      channel: 'online',
      processingTime: { value: null, unit: 'text', text: t },
      fees: [{ kind: 'charge', amount: 10_000, setByProvince: false, description: t }],
      note: t,
    }],
    documentCases: [{
      name: t,
      documents: [
        { name: t, originals: 1, copies: 2, required: true, form: { name: t, url: `https://dichvucong.example.gov.vn/mau-don/${p.n}.docx` } },
        // The sandbox accepts these (`format: uri`); the widget must not make them links.
        { name: t, originals: 0, copies: 1, required: false, form: { name: t, url: HOSTILE_FORM_URLS[p.n % HOSTILE_FORM_URLS.length]! } },
      ],
    }],
    steps: [{ title: t, description: t }],
    eligibility: [t],
    requirements: t,
    results: [t],
    legalBasis: [{ number: `Luật số ${p.n}/2026/QH15`, title: t, issuer: t, issuedOn: '2026-01-01', effectiveFrom: null }],
  };
}

const createDossier = (input: Record<string, unknown>) => sandbox<Dossier>('/dossiers', {
  applicantId: APPLICANT, receivedAt: '2026-03-02T09:00:00+07:00', dueAt: '2026-03-16T17:00:00+07:00', ...input,
});

/** A dossier with the payload in the receiving unit, apology, supplement request, fees and history. */
async function trackerDossier(p: HostilePayload): Promise<string> {
  const t = p.text;
  const { code } = await createDossier({
    procedureCode: procedureCode(p),
    status: 'processing',
    agency: fit(t, 200),
    apology: { reason: fit(t, 1000), newDueAt: '2026-03-20T17:00:00+07:00' },
    supplement: { reason: fit(t, 1000), documents: [fit(t, 500)] },
    fees: [{ kind: 'fee', description: t, amount: 10_000 }],
  });
  await sandbox(`/dossiers/${encodeURIComponent(code)}/status`, { status: 'supplement-requested', action: fit(t, 500), unit: fit(t, 200) });
  return code;
}

/** A survey form whose every text is the payload (English: "EN: " + the payload). */
function hostileForm(p: HostilePayload, kind: 'dossier' | 'page' = 'dossier'): SurveyForm {
  const t = { vi: p.text, en: `EN: ${p.text}` };
  return {
    id: `hostile-${p.n}`, version: 1, kind, title: t, description: t,
    questions: [
      { id: 'rating', type: 'rating', required: true, label: t, hint: t, scale: [{ value: 2, label: t }, { value: 0, label: { vi: 'Không', en: 'No' } }] },
      { id: 'comment', type: 'text', required: true, label: t, hint: t, maxLength: 200 },
    ],
  };
}

/** Dossier lookups are rate-limited (10 a minute): a reset between batches clears the limit. */
function batches<T>(list: readonly T[], size = 10): T[][] {
  return Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size));
}

/** Every text and attribute value in a widget's shadow tree. */
function everything(host: Element): string {
  const parts: string[] = [];
  const visit = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.nodeValue ?? '');
    if (node instanceof Element) {
      for (const attribute of node.attributes) parts.push(attribute.value);
      if (node.shadowRoot) visit(node.shadowRoot);
    }
    for (const child of node.childNodes) visit(child);
  };
  visit(host);
  return norm(parts.join(' '));
}

const VALIDATION_VI = 'Một số thông tin đã nhập không hợp lệ. Vui lòng kiểm tra lại và thử lại.';
/** Error answers carrying a hostile `detail`, and the widget's own sentence for each. */
const PROBLEMS = [
  { status: 503, retryAfter: 60, vi: 'Hệ thống tạm thời gián đoạn. Vui lòng thử lại sau 60 giây.' },
  { status: 429, retryAfter: 60, vi: 'Có quá nhiều yêu cầu. Vui lòng đợi 60 giây rồi thử lại.' },
  { status: 400, vi: VALIDATION_VI },
  { status: 422, vi: VALIDATION_VI },
  // A 500 only where the SDK does not retry (a POST without Idempotency-Key), else it costs backoff.
  { status: 500, vi: 'Hệ thống gặp sự cố. Vui lòng thử lại sau.', postOnly: true },
] as const;

/**
 * Marks the detail, since the payloads themselves may be on screen legitimately (the search
 * widget's agency filter lists every agency, hostile ones included).
 */
const detailMarker = (p: HostilePayload) => `⟦server detail ${p.n}⟧`;

function problemFor(p: HostilePayload, operationId: string, post: boolean) {
  const usable = PROBLEMS.filter((problem) => post || !('postOnly' in problem));
  const problem = usable[p.n % usable.length]!;
  const fault = {
    operationId, kind: 'status', status: problem.status, detail: fit(`${detailMarker(p)} ${p.text} ${detailMarker(p)}`, 2000),
    ...('retryAfter' in problem ? { retryAfter: problem.retryAfter } : {}),
  };
  return { fault, vi: problem.vi };
}

/** After an error answer with a hostile detail: the widget's sentence, and no trace of the detail. */
function expectOwnMessage(host: Element, message: Element | null, expected: string, p: HostilePayload): void {
  expect(text(message), `#${p.n} (${p.kind}): the widget's own message`).to.equal(expected);
  expect(everything(host).includes(detailMarker(p)), `#${p.n} (${p.kind}): the server's detail is not shown`).to.equal(false);
  expectInert(host, `#${p.n} (${p.kind}) error view`);
}

describe('hostile data: shown as text, never run', () => {
  let wire: Tripwire;

  before(async function () {
    slow(this, 60_000);
    // Procedures survive resets: seeded once (again when the other browser runs: same codes, replaced).
    for (const p of HOSTILE_PAYLOADS) await sandbox('/procedures', hostileProcedure(p));
    // The catalogue's lists may be cached for a minute (as the API allows); a widget of an earlier
    // test file may have put them in this browser's cache before the hostile procedures existed.
    await Promise.all(['/agencies', '/fields'].map((path) => fetch(`${sandboxUrl()}${path}`, { cache: 'reload' })));
  });

  beforeEach(async () => {
    await setLang('vi');
    await sandbox('/reset');
    sessionStorage.clear();
    wire = new Tripwire();
  });

  afterEach(async () => {
    wire.dispose();
    fixtureCleanup();
    sessionStorage.clear();
    await setLang('vi');
  });

  it(`has at least 30 payloads (${N}), each with its own number`, () => {
    expect(N).to.be.at.least(30);
    expect(new Set(HOSTILE_PAYLOADS.map((p) => p.n)).size).to.equal(N);
    expect(HOSTILE_PAYLOADS.every((p) => p.text.length > 0)).to.equal(true);
  });

  // These tests can fail: rendered the unsafe way, payloads of the corpus trip every detector.
  it('the detectors catch the corpus rendered as markup (innerHTML in a scratch shadow root)', async () => {
    const pick = (kind: string) => HOSTILE_PAYLOADS.find((p) => p.kind === kind)!;
    const flag = pick('img onerror');
    const dialog = pick('img onerror with alert');
    const beacon = pick('img to the beacon');
    const link = pick('link with javascript: href');
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    try {
      // Deliberately unsafe: what a widget would do with unsafeHTML or innerHTML on API data.
      // eslint-disable-next-line no-restricted-syntax
      root.innerHTML = [flag, dialog, beacon, link].map((p) => `<p>${p.text}</p>`).join('');
      await waitUntil(() => window.__pwned === flag.n && wire.dialogs.length > 0, 'the unsafe rendering did not run the payloads', { timeout: 5000 });
      const problems = findInjected(host);
      expect(problems).to.include('foreign element <img>');
      expect(problems).to.include('event handler attribute onerror on <img>');
      expect(problems.some((problem) => problem.startsWith('script URL in href'))).to.equal(true);
      expect(text(root).includes(norm(flag.text)), 'markup is not its own text').to.equal(false);
      const failure = await wire.expectNothingRan('scratch').then(() => undefined, (error: unknown) => error);
      expect(failure, 'the tripwire reports the flag').to.be.instanceOf(Error);
      expect(wire.dialogs).to.deep.equal([`alert(${dialog.n})`]);
      expect(wire.beacons.some((url) => url.endsWith(`?n=${beacon.n}`)), 'the beacon request is seen').to.equal(true);
    } finally {
      host.remove();
    }
  });

  it('<dvc-procedure-search>: names, fields and facets in the list; every text of every detail; only http(s) form links', async function () {
    slow(this, 60_000);
    const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${sandboxUrl()} page-size="50" query=${TOKEN}></dvc-procedure-search>`);
    const items = () => [...el.shadowRoot!.querySelectorAll<HTMLElement>('ul[part="list"] > li')];
    await waitUntil(() => items().length === N, `the ${N} hostile procedures are not listed`, { timeout: 8000 });
    await waitUntil(() => el.shadowRoot!.querySelectorAll('#filter-agency option').length > 1, 'no agency filter', { timeout: 8000 });
    expectInert(el, 'result list and filters');
    const fieldFilter = el.shadowRoot!.querySelector('#filter-field');
    const agencyFilter = el.shadowRoot!.querySelector('#filter-agency');
    for (const p of HOSTILE_PAYLOADS) {
      const item = items().find((li) => text(li.querySelector('[part="meta"] dd')) === procedureCode(p));
      expectShownAsText(item?.querySelector('[part="name"]'), procedureName(p), `#${p.n} (${p.kind}) name in the list`);
      expectShownAsText(item?.querySelector('[part="meta"]'), p.text, `#${p.n} (${p.kind}) field in the list`);
      expectShownAsText(fieldFilter, p.text, `#${p.n} (${p.kind}) field facet`);
      expectShownAsText(agencyFilter, p.text, `#${p.n} (${p.kind}) agency filter`);
    }

    const $ = (selector: string) => el.shadowRoot!.querySelector(selector);
    for (const p of HOSTILE_PAYLOADS) {
      const where = `#${p.n} (${p.kind}) detail`;
      el.showProcedure(procedureCode(p));
      await waitUntil(() => text($('[part="detail-facts"] dd')) === procedureCode(p), `${where} did not open`, { timeout: 8000 });
      await el.updateComplete;
      expectShownAsText($('#detail-title'), procedureName(p), `${where}: title`);
      const facts = $('[part="detail-facts"]');
      expectShownAsText(facts?.querySelectorAll('dd')[1], p.text, `${where}: field`);
      expectShownAsText(facts?.querySelectorAll('dd')[3], p.text, `${where}: agencies`);
      const section = (id: string) => $(`section[aria-labelledby="${id}"]`);
      const channels = section('detail-channels');
      expectShownAsText(channels?.querySelector('tbody td'), p.text, `${where}: processing time`);
      expectShownAsText(channels?.querySelector('.fee-note'), p.text, `${where}: fee description`);
      const documents = section('detail-documents');
      expectShownAsText(documents?.querySelector('#case-0'), p.text, `${where}: document case`);
      const docs = [...(documents?.querySelectorAll('[part="document"]') ?? [])];
      expect(docs, `${where}: documents`).to.have.length(2);
      for (const doc of docs) expectShownAsText(doc.querySelector('.doc-name'), p.text, `${where}: document name`);
      // The https form is a link named with the payload; the script-URL one is no link at all.
      const links = [...(documents?.querySelectorAll<HTMLAnchorElement>('a[part="form-link"]') ?? [])];
      expect(links.map((a) => a.getAttribute('href')), `${where}: form links`).to.deep.equal([`https://dichvucong.example.gov.vn/mau-don/${p.n}.docx`]);
      expectShownAsText(links[0], p.text, `${where}: form name`);
      expect(docs[1]!.querySelector('a'), `${where}: ${HOSTILE_FORM_URLS[p.n % HOSTILE_FORM_URLS.length]} is not a link`).to.equal(null);
      expectShownAsText(section('detail-steps')?.querySelector('strong'), p.text, `${where}: step title`);
      expectShownAsText(section('detail-steps')?.querySelector('li p'), p.text, `${where}: step description`);
      expectShownAsText(section('detail-eligibility'), p.text, `${where}: who can apply`);
      expectShownAsText(section('detail-requirements'), p.text, `${where}: requirements`);
      expectShownAsText(section('detail-results'), p.text, `${where}: result`);
      expectShownAsText(section('detail-legal')?.querySelector('li'), p.text, `${where}: legal basis title`);
      expectInert(el, where);
    }
    await wire.expectNothingRan('<dvc-procedure-search>');
  });

  it('<dvc-dossier-tracker>: procedure name, receiving unit, apology, supplement request and documents, fees, history', async function () {
    slow(this, 60_000);
    const el = await fixture<DvcDossierTracker>(html`<dvc-dossier-tracker api-base=${sandboxUrl()} .applicantId=${APPLICANT}></dvc-dossier-tracker>`);
    const $ = (selector: string) => el.shadowRoot!.querySelector(selector);
    for (const batch of batches(HOSTILE_PAYLOADS)) {
      await sandbox('/reset');
      const codes: string[] = [];
      for (const p of batch) codes.push(await trackerDossier(p));
      for (const [i, p] of batch.entries()) {
        const where = `#${p.n} (${p.kind}) dossier`;
        el.code = codes[i]!;
        await el.lookup();
        await el.updateComplete;
        expect($('[part="result"]'), `${where} was found`).to.not.equal(null);
        expectShownAsText($('#result-heading'), procedureName(p), `${where}: procedure name`);
        expectShownAsText($('[part="details"]'), fit(p.text, 200), `${where}: receiving unit`);
        expectShownAsText($('[part="apology"]'), fit(p.text, 1000), `${where}: apology reason`);
        expectShownAsText($('[part="supplement"] > p'), fit(p.text, 1000), `${where}: supplement reason`);
        expectShownAsText($('[part="documents"] li'), fit(p.text, 500), `${where}: document asked for`);
        expectShownAsText($('[part="fee-lines"] .fee-description'), p.text, `${where}: fee description`);
        const last = [...el.shadowRoot!.querySelectorAll('[part="history-item"]')].at(-1);
        expectShownAsText(last?.querySelector('.history-action'), fit(p.text, 500), `${where}: history action`);
        expectShownAsText(last?.querySelector('.history-unit'), fit(p.text, 200), `${where}: history unit`);
        expectInert(el, where);
        el.reset();
        await el.updateComplete;
      }
    }
    await wire.expectNothingRan('<dvc-dossier-tracker>');
  });

  it('<dvc-payment>: procedure name and fee line descriptions', async function () {
    slow(this, 60_000);
    let el: DvcPayment | undefined;
    const $ = (selector: string) => el!.shadowRoot!.querySelector(selector);
    for (const batch of batches(HOSTILE_PAYLOADS)) {
      await sandbox('/reset');
      const codes: string[] = [];
      for (const p of batch) {
        const dossier = await createDossier({
          procedureCode: procedureCode(p), status: 'payment-due', agency: fit(p.text, 200),
          fees: [{ kind: 'charge', description: p.text, amount: 10_000 + p.n }, { kind: 'fee', description: p.text, amount: 5_000 }],
        });
        codes.push(dossier.code);
      }
      for (const [i, p] of batch.entries()) {
        const where = `#${p.n} (${p.kind}) payment`;
        if (el) {
          el.dossierCode = codes[i]!;
        } else {
          el = await fixture<DvcPayment>(html`<dvc-payment api-base=${sandboxUrl()} dossier-code=${codes[i]!}
            return-url=${`${sandboxUrl()}/health`} .applicantId=${APPLICANT}></dvc-payment>`);
        }
        await waitUntil(() => $('[part="state"]')?.getAttribute('data-state') === 'due' && text($('[part="dossier"]')).includes(codes[i]!),
          `${where}: what is due is not shown`, { timeout: 8000 });
        expectShownAsText($('[part="dossier"] .procedure-name'), procedureName(p), `${where}: procedure name`);
        const lines = [...el.shadowRoot!.querySelectorAll('[part="line"] .description')];
        expect(lines, `${where}: lines`).to.have.length(2);
        for (const line of lines) expectShownAsText(line, p.text, `${where}: fee line description`);
        expectInert(el, where);
      }
    }
    await wire.expectNothingRan('<dvc-payment>');
  });

  it('<dvc-satisfaction-survey>: title, description, labels, scale labels, hints and the error summary, in Vietnamese and English', async function () {
    slow(this, 60_000);
    const { code } = await createDossier({ procedureCode: '1.001193', status: 'decided' });
    for (const p of HOSTILE_PAYLOADS) {
      await sandbox('/survey-forms', hostileForm(p));
      const el = await fixture<DvcSatisfactionSurvey>(html`<dvc-satisfaction-survey api-base=${sandboxUrl()} dossier-code=${code}
        .applicantId=${APPLICANT}></dvc-satisfaction-survey>`);
      const $ = <T extends Element = HTMLElement>(selector: string) => el.shadowRoot!.querySelector<T>(selector);
      await waitUntil(() => $('form') !== null, `#${p.n}: the form did not load`, { timeout: 8000 });
      for (const lang of ['vi', 'en'] as const) {
        await setLang(lang);
        await el.updateComplete;
        const shown = lang === 'vi' ? p.text : `EN: ${p.text}`;
        const where = `#${p.n} (${p.kind}) survey (${lang})`;
        expectShownAsText($('[part="title"]'), shown, `${where}: title`);
        expectShownAsText($('[part="description"]'), shown, `${where}: description`);
        expectShownAsText($('#q-rating-label'), shown, `${where}: rating label`);
        expectShownAsText($('#q-rating-hint'), shown, `${where}: rating hint`);
        expectShownAsText($('#q-rating [part="option"]'), shown, `${where}: scale label`);
        expectShownAsText($('#q-comment-label'), shown, `${where}: text label`);
        expectShownAsText($('#q-comment-hint'), shown, `${where}: text hint`);
        expectInert(el, where);
      }
      await setLang('vi');
      await el.updateComplete;
      // Sent empty: the error summary names each question by its (hostile) label.
      $<HTMLButtonElement>('[part="submit-button"]')!.click();
      await waitUntil(() => $('[part="error-summary"]') !== null, `#${p.n}: no error summary`, { timeout: 5000 });
      const links = [...el.shadowRoot!.querySelectorAll('[part="error-link"]')];
      expect(links, `#${p.n}: error links`).to.have.length(2);
      for (const link of links) expectShownAsText(link, p.text, `#${p.n} (${p.kind}) error summary`);
      expectInert(el, `#${p.n} (${p.kind}) survey errors`);
      fixtureCleanup();
    }
    await wire.expectNothingRan('<dvc-satisfaction-survey>');
  });

  it('<dvc-satisfaction-survey>: a hostile form is answered and stored; page mode names its form by the (hostile) title as text', async () => {
    const p = HOSTILE_PAYLOADS.find((payload) => payload.kind === 'attribute breakout "><')!;
    const { code } = await createDossier({ procedureCode: '1.001193', status: 'decided' });
    await sandbox('/survey-forms', hostileForm(p));
    const el = await fixture<DvcSatisfactionSurvey>(html`<dvc-satisfaction-survey api-base=${sandboxUrl()} dossier-code=${code}
      .applicantId=${APPLICANT}></dvc-satisfaction-survey>`);
    const $ = <T extends Element = HTMLElement>(host: Element, selector: string) => host.shadowRoot!.querySelector<T>(selector);
    await waitUntil(() => $(el, 'form') !== null, 'the form did not load', { timeout: 8000 });
    $<HTMLInputElement>(el, 'input[name="q-rating"][value="2"]')!.click();
    const box = $<HTMLTextAreaElement>(el, 'textarea')!;
    box.value = p.text;
    box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part="submit-button"]')!.click();
    await waitUntil(() => $(el, '[part="thanks"]') !== null, 'the hostile form was not sent', { timeout: 8000 });
    expectInert(el, 'thanks');

    await sandbox('/survey-forms', hostileForm(p, 'page'));
    const page = await fixture<DvcSatisfactionSurvey>(html`<dvc-satisfaction-survey api-base=${sandboxUrl()} mode="page"
      procedure-code=${procedureCode(p)}></dvc-satisfaction-survey>`);
    await waitUntil(() => $(page, 'form') !== null, 'the page form did not load', { timeout: 8000 });
    // The form's accessible name: an attribute value, which is text whatever it contains.
    expect($(page, 'form')!.getAttribute('aria-label')).to.equal(p.text);
    expectShownAsText($(page, '#q-rating-label'), p.text, 'page form label');
    expectInert(page, 'page form');
    await wire.expectNothingRan('hostile survey sent');
  });

  describe('problem details: the widget\'s own localised sentence, never the server\'s text', () => {
    it('<dvc-procedure-search> (searchProcedures)', async function () {
      slow(this, 30_000);
      const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${sandboxUrl()}></dvc-procedure-search>`);
      const $ = (selector: string) => el.shadowRoot!.querySelector(selector);
      for (const p of HOSTILE_PAYLOADS) {
        const { fault, vi } = problemFor(p, 'searchProcedures', false);
        await sandbox('/faults', fault);
        // A query of its own each time: a successful search is cached (max-age=60) and would never
        // reach the fault.
        el.query = `khai sinh ${p.n}`;
        await el.updateComplete;
        await waitUntil(() => $('[part="results"]')?.getAttribute('aria-busy') === 'false', `#${p.n}: the search did not settle`, { timeout: 8000 });
        expectOwnMessage(el, $('[part="error-message"]'), vi, p);
      }
      await wire.expectNothingRan('search errors');
    });

    it('<dvc-dossier-tracker> (lookupDossier)', async function () {
      slow(this, 30_000);
      const el = await fixture<DvcDossierTracker>(html`<dvc-dossier-tracker api-base=${sandboxUrl()} .applicantId=${'001099000004'}
        code="000.00.15.H26-261102-0004"></dvc-dossier-tracker>`);
      for (const p of HOSTILE_PAYLOADS) {
        const { fault, vi } = problemFor(p, 'lookupDossier', true);
        await sandbox('/faults', fault);
        await el.lookup();
        await el.updateComplete;
        expectOwnMessage(el, el.shadowRoot!.querySelector('[part="outcome"] [part="error-message"]'), vi, p);
      }
      await wire.expectNothingRan('tracker errors');
    });

    it('<dvc-payment> (createPayment)', async function () {
      slow(this, 30_000);
      const { code } = await createDossier({ procedureCode: '3.000333', status: 'payment-due', fees: [{ kind: 'charge', description: 'Phí', amount: 200_000 }] });
      const started: Event[] = [];
      const onStarted = (event: Event) => {
        event.preventDefault();
        started.push(event);
      };
      document.addEventListener('dvc-payment-started', onStarted);
      try {
        const el = await fixture<DvcPayment>(html`<dvc-payment api-base=${sandboxUrl()} dossier-code=${code}
          return-url=${`${sandboxUrl()}/health`} .applicantId=${APPLICANT}></dvc-payment>`);
        const $ = <T extends Element = HTMLElement>(selector: string) => el.shadowRoot!.querySelector<T>(selector);
        await waitUntil(() => $('[part="state"]')?.getAttribute('data-state') === 'due', 'nothing due shown', { timeout: 8000 });
        for (const p of HOSTILE_PAYLOADS) {
          // The SDK retries a payment's POST (it has an Idempotency-Key) on 5xx: no 500 here (backoff).
          const { fault, vi } = problemFor(p, 'createPayment', false);
          await sandbox('/faults', fault);
          $<HTMLButtonElement>('[part="pay-button"]')!.click();
          await el.updateComplete;
          await waitUntil(() => $('[part="pay-form"] [part="error-message"]') !== null && $('[part="state"]')?.getAttribute('aria-busy') === 'false',
            `#${p.n}: no error shown`, { timeout: 8000 });
          expectOwnMessage(el, $('[part="pay-form"] [part="error-message"]'), vi, p);
        }
        expect(started, 'no payment started').to.have.length(0);
      } finally {
        document.removeEventListener('dvc-payment-started', onStarted);
      }
      await wire.expectNothingRan('payment errors');
    });

    it('<dvc-satisfaction-survey> (submitSurvey)', async function () {
      slow(this, 30_000);
      const { code } = await createDossier({ procedureCode: '1.001193', status: 'decided' });
      const el = await fixture<DvcSatisfactionSurvey>(html`<dvc-satisfaction-survey api-base=${sandboxUrl()} dossier-code=${code}
        .applicantId=${APPLICANT}></dvc-satisfaction-survey>`);
      const $ = <T extends Element = HTMLElement>(selector: string) => el.shadowRoot!.querySelector<T>(selector);
      await waitUntil(() => $('form') !== null, 'the form did not load', { timeout: 8000 });
      for (const id of ['contacts', 'agencies', 'one-stop', 'attitude', 'overall']) $<HTMLInputElement>(`input[name="q-${id}"][value="2"]`)!.click();
      await el.updateComplete;
      for (const p of HOSTILE_PAYLOADS) {
        // The SDK retries a survey's POST (it has an Idempotency-Key) on 5xx: no 500 here (backoff).
        const { fault, vi } = problemFor(p, 'submitSurvey', false);
        await sandbox('/faults', fault);
        $<HTMLButtonElement>('[part="submit-button"]')!.click();
        await el.updateComplete;
        await waitUntil(() => $('[part="error-message"]') !== null && $('[part="survey"]')?.getAttribute('aria-busy') === 'false',
          `#${p.n}: no error shown`, { timeout: 8000 });
        expectOwnMessage(el, $('[part="error-message"]'), vi, p);
      }
      await wire.expectNothingRan('survey errors');
    });
  });
});
