import { expect } from '@open-wc/testing';
import { describe, it } from '../test-support/mocha.ts';
import { defineElement } from './define.ts';

describe('defineElement', () => {
  it('registers a tag once; a second copy is skipped instead of throwing', () => {
    class First extends HTMLElement {}
    class Second extends HTMLElement {}
    defineElement('dvc-define-test', First);
    expect(() => defineElement('dvc-define-test', Second)).to.not.throw();
    expect(customElements.get('dvc-define-test')).to.equal(First);
  });
});
