import { expect } from '@open-wc/testing';
import type { SurveyForm } from '@dvc-kit/sdk';
import { describe, it } from '../test-support/mocha.ts';
import { answerError, answersToSend, cleanDraft, serverAnswerErrors, textLimit, validateAnswers } from './answers.ts';

const label = { vi: 'Câu hỏi', en: 'Question' };
const FORM: SurveyForm = {
  id: 'test-form',
  version: 1,
  kind: 'dossier',
  title: label,
  questions: [
    { id: 'overall', type: 'rating', required: true, label, scale: [{ value: 2, label }, { value: 1, label }, { value: 0, label }] },
    { id: 'online', type: 'rating', required: false, label, scale: [{ value: 1, label }, { value: 0, label }] },
    { id: 'why', type: 'text', required: true, maxLength: 10, label },
    { id: 'comment', type: 'text', required: false, label },
  ],
};

describe('survey answers', () => {
  it('requires required questions (blank text counts as missing) and accepts 0 as an answer', () => {
    expect([...validateAnswers(FORM, {})]).to.deep.equal([['overall', 'required'], ['why', 'required']]);
    expect([...validateAnswers(FORM, { overall: 0, why: '   ' })]).to.deep.equal([['why', 'required']]);
    expect(validateAnswers(FORM, { overall: 0, why: 'ok' }).size).to.equal(0);
  });

  it('refuses values the form does not have, and text over the limit', () => {
    expect([...validateAnswers(FORM, { overall: 5, why: 'x'.repeat(11), online: 2 })]).to.deep.equal([
      ['overall', 'invalid'], ['online', 'invalid'], ['why', 'invalid'],
    ]);
    expect(textLimit(FORM.questions[2]!)).to.equal(10);
    expect(textLimit(FORM.questions[3]!)).to.equal(2000);
  });

  it('says why one answer blocks sending: a required one missing, a value the form lacks, text over its limit', () => {
    const [overall, online, why] = FORM.questions;
    expect(answerError(overall!, undefined)).to.equal('required');
    expect(answerError(online!, undefined)).to.equal(undefined);
    expect(answerError(why!, 'x'.repeat(11))).to.equal('invalid');
    expect(answerError(why!, 'x'.repeat(10))).to.equal(undefined);
    expect(answerError(why!, ' ')).to.equal('required');
  });

  it('sends known, answered questions only', () => {
    expect(answersToSend(FORM, { overall: 1, why: 'vì', comment: '  ', stray: 3 })).to.deep.equal({ overall: 1, why: 'vì' });
  });

  it('keeps from a draft only what the form still asks; text over its limit is kept whole, for the citizen to shorten', () => {
    expect(cleanDraft(FORM, { overall: 2, online: '1', why: 'x'.repeat(11), comment: 'giữ', gone: 1 })).to.deep.equal({ overall: 2, why: 'x'.repeat(11), comment: 'giữ' });
    expect(cleanDraft(FORM, { overall: 7, why: 3 })).to.deep.equal({});
    expect(cleanDraft(FORM, null)).to.deep.equal({});
    expect(cleanDraft(FORM, 'not an object')).to.deep.equal({});
  });

  it('reads the answers a 422 names, in form order, ignoring other paths', () => {
    const errors = serverAnswerErrors(FORM, [
      { path: '/body/answers/why', message: 'text too long or not text' },
      { path: '/body/answers/overall', message: 'required' },
      { path: '/body/formId', message: 'unknown form' },
      { path: '/body/answers/unknown', message: 'unknown question' },
    ]);
    expect([...errors]).to.deep.equal([['overall', 'required'], ['why', 'invalid']]);
    expect(serverAnswerErrors(FORM, undefined).size).to.equal(0);
  });
});
