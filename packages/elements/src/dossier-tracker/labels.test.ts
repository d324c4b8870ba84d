import { expect } from '@open-wc/testing';
import { afterEach, beforeEach, describe, it } from '../test-support/mocha.ts';
import { setLang } from '../test-support/page-lang.ts';
import { dossierStatuses } from '@dvc-kit/sdk';
import { fieldErrorMessage, statusKind, statusLabel, timelinessText } from './labels.ts';
import { normaliseApplicantId, normaliseCode, validateLookup } from './validation.ts';

const VI_STATUSES = [
  'Mới đăng ký', 'Đã được tiếp nhận', 'Không được tiếp nhận', 'Đang xử lý', 'Yêu cầu bổ sung hồ sơ',
  'Yêu cầu thực hiện nghĩa vụ tài chính', 'Công dân đã rút hồ sơ', 'Dừng xử lý', 'Đã xử lý xong', 'Đã trả kết quả',
];
const EN_STATUSES = [
  'Submitted online', 'Received', 'Not accepted', 'Being processed', 'More documents needed',
  'Payment due', 'Withdrawn by the applicant', 'Processing stopped', 'Decided', 'Result delivered',
];

describe('dossier-tracker labels and validation', () => {
  beforeEach(() => setLang('vi'));
  afterEach(() => setLang('vi'));

  it('names all ten statuses in Vietnamese and in English, each distinct', async () => {
    expect(dossierStatuses).to.have.length(10);
    expect(dossierStatuses.map(statusLabel)).to.deep.equal(VI_STATUSES);
    await setLang('en');
    expect(dossierStatuses.map(statusLabel)).to.deep.equal(EN_STATUSES);
    expect(new Set(EN_STATUSES).size).to.equal(10);
    expect(new Set(VI_STATUSES).size).to.equal(10);
  });

  it('gives every status a shape group, so badges never rely on colour', () => {
    expect(dossierStatuses.map(statusKind)).to.deep.equal([
      'in-progress', 'in-progress', 'closed', 'in-progress', 'action-needed',
      'action-needed', 'closed', 'closed', 'done', 'done',
    ]);
  });

  it('says overdue, early, on time and late in working days, plural-correct in English', async () => {
    expect(timelinessText({ state: 'overdue', workingDays: 3 })).to.equal('Quá hạn 3 ngày làm việc');
    expect(timelinessText({ state: 'overdue', workingDays: 1 })).to.equal('Quá hạn 1 ngày làm việc');
    expect(timelinessText({ state: 'early', workingDays: 2 })).to.equal('Hoàn thành trước hạn 2 ngày làm việc');
    expect(timelinessText({ state: 'on-time', workingDays: 0 })).to.equal('Hoàn thành đúng hạn');
    expect(timelinessText({ state: 'late', workingDays: 1 })).to.equal('Hoàn thành trễ hạn 1 ngày làm việc');
    expect(timelinessText({ state: 'on-track', workingDays: 0 })).to.equal('Đang trong hạn');
    expect(timelinessText({ state: 'late', workingDays: 0 })).to.equal('Hoàn thành trễ hạn');
    expect(timelinessText({ state: 'not-applicable', workingDays: 0 })).to.equal(undefined);
    expect(timelinessText({ state: 'overdue', workingDays: 1234 })).to.equal('Quá hạn 1.234 ngày làm việc');

    await setLang('en');
    expect(timelinessText({ state: 'overdue', workingDays: 3 })).to.equal('3 working days overdue');
    expect(timelinessText({ state: 'overdue', workingDays: 1 })).to.equal('1 working day overdue');
    expect(timelinessText({ state: 'early', workingDays: 1 })).to.equal('Finished 1 working day early');
    expect(timelinessText({ state: 'early', workingDays: 2 })).to.equal('Finished 2 working days early');
    expect(timelinessText({ state: 'early', workingDays: 0 })).to.equal('Finished early');
    expect(timelinessText({ state: 'on-time', workingDays: 0 })).to.equal('Finished on time');
    expect(timelinessText({ state: 'late', workingDays: 1 })).to.equal('Finished 1 working day late');
    expect(timelinessText({ state: 'late', workingDays: 2 })).to.equal('Finished 2 working days late');
    expect(timelinessText({ state: 'on-track', workingDays: 0 })).to.equal('On schedule');
    expect(timelinessText({ state: 'overdue', workingDays: 1234 })).to.equal('1,234 working days overdue');
  });

  it('after an apology, counts lateness against the original due date, not as the dossier\'s state', async () => {
    const rescheduled = { rescheduled: true };
    expect(timelinessText({ state: 'overdue', workingDays: 2 }, rescheduled)).to.equal('Quá hạn 2 ngày làm việc so với ngày hẹn ban đầu');
    expect(timelinessText({ state: 'overdue', workingDays: 0 }, rescheduled)).to.equal('Đã quá ngày hẹn ban đầu');
    expect(timelinessText({ state: 'late', workingDays: 3 }, rescheduled)).to.equal('Hoàn thành trễ 3 ngày làm việc so với ngày hẹn ban đầu');
    expect(timelinessText({ state: 'on-track', workingDays: 0 }, rescheduled)).to.equal('Đang trong hạn');
    await setLang('en');
    expect(timelinessText({ state: 'overdue', workingDays: 1 }, rescheduled)).to.equal('1 working day past the original due date');
    expect(timelinessText({ state: 'overdue', workingDays: 2 }, rescheduled)).to.equal('2 working days past the original due date');
    expect(timelinessText({ state: 'late', workingDays: 0 }, rescheduled)).to.equal('Finished after the original due date');
    expect(timelinessText({ state: 'late', workingDays: 1 }, rescheduled)).to.equal('Finished 1 working day after the original due date');
  });

  it('normalises codes typed with spaces, lower case or typographic dashes', () => {
    expect(normaliseCode('  000.00.15.h26-250714-0042 ')).to.equal('000.00.15.H26-250714-0042');
    expect(normaliseCode('000.00.15.H26 - 250714 - 0042')).to.equal('000.00.15.H26-250714-0042');
    expect(normaliseCode('000.00.15.H26–250714‑0042')).to.equal('000.00.15.H26-250714-0042');
    // The parts read out with spaces between them, as a receipt may print them.
    expect(normaliseCode('000.00.15.H26 250714 0042')).to.equal('000.00.15.H26-250714-0042');
    expect(normaliseCode('000.00.15.h26  250714-0042')).to.equal('000.00.15.H26-250714-0042');
    // Spaces that are only spaces are dropped; what no reading makes a code stays as typed, joined.
    expect(normaliseCode('000.00.15. H26-2507 14-0042')).to.equal('000.00.15.H26-250714-0042');
    expect(normaliseCode('000 00 15 H26')).to.equal('0000015H26');
    // Dots and dashes a phone keyboard hides: put back for the two agency shapes of the national data.
    expect(normaliseCode('0000015H26-250714-0042')).to.equal('000.00.15.H26-250714-0042');
    expect(normaliseCode('h21240101-250714-0042')).to.equal('H21.24.01.01-250714-0042');
    expect(normaliseCode('0000015h26 250714 0042')).to.equal('000.00.15.H26-250714-0042');
    expect(normaliseCode('0000015H262507140042')).to.equal('000.00.15.H26-250714-0042');
    expect(normaliseCode('000.00.15.H262507140042')).to.equal('000.00.15.H26-250714-0042');
    expect(normaliseCode('H212401012507140042')).to.equal('H21.24.01.01-250714-0042');
    expect(normaliseCode('000,00,15,H26-250714-0042')).to.equal('000.00.15.H26-250714-0042');
    // Other agency identifiers are left as typed: no dots are guessed for a shape the data lacks.
    expect(normaliseCode('ABC-250714-0042')).to.equal('ABC-250714-0042');
    expect(normaliseCode('00015H26-250714-0042')).to.equal('00015H26-250714-0042');
    expect(normaliseCode('000.0015.H26-250714-0042')).to.equal('000.0015.H26-250714-0042');
    expect(normaliseCode('0000015H26250714004')).to.equal('0000015H26250714004');
    expect(normaliseApplicantId(' 001 099 000 011 ')).to.equal('001099000011');
    expect(normaliseApplicantId('001-099-000-011')).to.equal('001099000011');
    expect(normaliseApplicantId('001.099.000.011')).to.equal('001099000011');
    expect(normaliseApplicantId('001–099–000–011')).to.equal('001099000011');
    expect(normaliseApplicantId('001x099000011')).to.equal('001x099000011');
    expect(normaliseApplicantId('００１０９９ ０００ ０１１')).to.equal('001099000011');
    expect(normaliseCode('０００.００.１５.Ｈ２６－２５０７１４－００４２')).to.equal('000.00.15.H26-250714-0042');
  });

  it('checks both fields with the contract patterns before any request', () => {
    expect(validateLookup('', '')).to.deep.equal({ code: 'missing', applicantId: 'missing' });
    expect(validateLookup('ABC', '12345')).to.deep.equal({ code: 'format', applicantId: 'format' });
    expect(validateLookup('000.00.15.H26-250714-004', '0010990000111')).to.deep.equal({ code: 'format', applicantId: 'format' });
    expect(validateLookup('000.00.15.H26-250714-0042', '00109900001a')).to.deep.equal({ applicantId: 'format' });
    expect(validateLookup('000.00.15.H26-250714-0042', '001099000011')).to.deep.equal({});
    // The page supplied the identity number: only the code is checked.
    expect(validateLookup('000.00.15.H26-250714-0042', undefined)).to.deep.equal({});
  });

  it('words field errors in both languages', async () => {
    expect(fieldErrorMessage('code', 'missing')).to.equal('Nhập mã hồ sơ');
    expect(fieldErrorMessage('applicantId', 'format')).to.equal('Số định danh cá nhân phải gồm đúng 12 chữ số');
    await setLang('en');
    expect(fieldErrorMessage('code', 'format')).to.equal('Enter the dossier code in the right format, like 000.00.15.H26-250714-0042');
    expect(fieldErrorMessage('applicantId', 'missing')).to.equal('Enter your personal identification number');
  });
});
