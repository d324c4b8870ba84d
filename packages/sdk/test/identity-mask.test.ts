import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IDENTITY_NUMBER_MASK, maskIdentityNumbers, maskedAnswers } from '@dvc-kit/sdk';

test('masks an identity number written together, in groups of three, or as the card prints it; the old card\'s 9 digits too', () => {
  assert.equal(
    maskIdentityNumbers('CCCD 001099000013 (CMND cũ 123456789; viết 001 099 000 013, 001.099.000.013 hay 0010 9900 0013).', IDENTITY_NUMBER_MASK),
    'CCCD [số định danh đã được ẩn] (CMND cũ [số định danh đã được ẩn]; viết [số định danh đã được ẩn], [số định danh đã được ẩn] hay [số định danh đã được ẩn]).',
  );
});

test('leaves years, a bank card, amounts in groups of four, phone numbers and the usual amount as they are', () => {
  const text = 'các năm 2023 2024 2025, thẻ 4111 1111 1111 1111, 1000 2000 3000 đồng, gọi 0912345678 hoặc 84912345678901, lệ phí 150.000.000 đồng.';
  assert.equal(maskIdentityNumbers(text, IDENTITY_NUMBER_MASK), text);
});

test('puts the mask it is given in the number\'s place (an English page\'s draft), as written, "$&" included', () => {
  assert.equal(maskIdentityNumbers('my number 001099000013.', '[identity number removed]'), 'my number [identity number removed].');
  assert.equal(maskIdentityNumbers('001099000013', '$&'), '$&');
});

test('masks the text answers of a set, and only those', () => {
  assert.deepEqual(maskedAnswers({ comment: 'số 0010 9900 0013', rating: 5, choices: ['by-phone'] }, IDENTITY_NUMBER_MASK),
    { comment: `số ${IDENTITY_NUMBER_MASK}`, rating: 5, choices: ['by-phone'] });
});
