/**
 * WCAG 3.1.2 Language of Parts for <dvc-dossier-tracker>, in every browser. Dossier data is
 * Vietnamese only: on an English page each element holding it says lang="vi" (procedure name,
 * receiving unit, apology, documents asked for, fee descriptions, history), the widget's own words
 * are English. On a page in a language the kit does not have (French), the widget's Vietnamese
 * says so itself.
 */
import { expect } from '@open-wc/testing';
import { afterEach, beforeEach, describe, it } from '../test-support/mocha.ts';
import {
  APPLICANT, FINISHED_DOSSIER, createFinishedDossier, lookupSettled, maybe, mountTracker, part, sandbox, slow, submitLookup, text,
} from '../test-support/screen-reader-drivers.ts';
import { amendJson, expectVietnameseMarked, hasVietnameseLetters, outerElements } from '../test-support/language-of-parts.ts';
import { setLang } from '../test-support/page-lang.ts';
import { namePortalPages } from '../test-support/portal-pages.ts';

// The portal names its payment and evaluation pages: the tracker offers "Pay" and "Evaluate".
namePortalPages();

const langs = (el: Element) => outerElements(el).map((node) => node.getAttribute('lang'));

/** A dossier showing every kind of dossier text: an apology, documents asked for, fees and a history. */
async function createRichDossier(): Promise<string> {
  const { code } = await sandbox<{ code: string }>('/dossiers', {
    applicantId: APPLICANT,
    procedureCode: '3.000333',
    status: 'processing',
    receivedAt: '2025-07-14T09:15:00+07:00',
    dueAt: '2025-07-25T17:00:00+07:00',
    agency: 'Sở Tư pháp tỉnh Hưng Yên',
    apology: { reason: 'Cần xác minh thông tin tại cơ quan công an nơi cư trú trước đây.', newDueAt: '2025-07-30T17:00:00+07:00' },
    supplement: { reason: 'Bản sao căn cước chưa được chứng thực.', documents: ['Bản sao căn cước có chứng thực'] },
    fees: [{ kind: 'fee', description: 'Lệ phí cấp Phiếu lý lịch tư pháp', amount: 200_000 }],
  });
  await sandbox(`/dossiers/${encodeURIComponent(code)}/status`, {
    status: 'supplement-requested', action: 'Yêu cầu bổ sung hồ sơ', unit: 'Phòng Hành chính tư pháp',
  });
  return code;
}

describe('<dvc-dossier-tracker> language of parts (WCAG 3.1.2)', () => {
  beforeEach(() => sandbox('/reset'));
  afterEach(() => setLang('vi'));

  it('marks the dossier\'s text lang="vi" on an English page: name, unit, apology, documents, fees, history', async function () {
    slow(this, 20_000);
    await setLang('en');
    const code = await createRichDossier();
    // The sandbox writes no history notes: give the last entry one.
    const restore = amendJson('/dossiers/lookup', (body) => {
      const history = body['history'] as Array<Record<string, unknown>>;
      history.at(-1)!['note'] = 'Đề nghị bổ sung trong 5 ngày làm việc.';
    });
    try {
      const el = await mountTracker();
      expect(langs(el), 'the announcer, the form, the outcome').to.deep.equal(['en', 'en', 'en']);
      await submitLookup(el, code, APPLICANT);
      await lookupSettled(el);
      expect(langs(el), 'the announcer, the result').to.deep.equal(['en', 'en']);
      for (const selector of ['[part="apology"]', '[part="supplement"]', '[part="documents"] li', '[part="fee-lines"]', '.history-note']) {
        expect(maybe(el, selector), selector).to.not.equal(null);
      }
      expect(part(el, '[part="result-heading"]').getAttribute('lang')).to.equal('vi');
      // "Fee: <description>": only the description is Vietnamese.
      const fee = part(el, '.fee-description');
      expect(text(fee)).to.equal('Fee: Lệ phí cấp Phiếu lý lịch tư pháp');
      expect(fee.getAttribute('lang')).to.equal(null);
      expectVietnameseMarked(el);
    } finally {
      restore();
    }
  });

  it('says lang="vi" on its outer elements on a French page, where it shows Vietnamese', async function () {
    slow(this, 20_000);
    await setLang('fr');
    await createFinishedDossier();
    const el = await mountTracker();
    expect(langs(el), 'the announcer, the form, the outcome').to.deep.equal(['vi', 'vi', 'vi']);
    expect(text(part(el, 'label[for="code"]'))).to.equal('Mã hồ sơ');
    expectVietnameseMarked(el);
    await submitLookup(el, FINISHED_DOSSIER.code, FINISHED_DOSSIER.applicantId);
    await lookupSettled(el);
    expect(langs(el), 'the announcer, the result').to.deep.equal(['vi', 'vi']);
    expect(hasVietnameseLetters(text(part(el, '[part="history"]'))), 'a Vietnamese history').to.equal(true);
    expectVietnameseMarked(el);
  });
});
