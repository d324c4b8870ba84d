import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findMatches, foldVietnamese, foldedWords, oneSpelling, otherSpelling, slugify } from '@dvc-kit/sdk';

test('folds diacritics and đ/Đ, in composed and decomposed input', () => {
  assert.equal(foldVietnamese('Đăng ký khai sinh'), 'dang ky khai sinh');
  assert.equal(foldVietnamese('Đăng ký khai sinh'.normalize('NFD')), 'dang ky khai sinh');
  assert.equal(foldVietnamese('LÝ LỊCH TƯ PHÁP'), 'ly lich tu phap');
  // Full-width forms, as some keyboards type them.
  assert.equal(foldVietnamese('ｋｈａｉ ｓｉｎｈ'), 'khai sinh');
  assert.equal(foldVietnamese('Ｄăng ＫÝ'), 'dang ky');
  assert.equal(foldVietnamese('ｋｈａｉ\u3000ｓｉｎｈ'), 'khai sinh');
  // Only those: other compatibility forms stay as the catalogue has them stored.
  assert.equal(foldVietnamese('Diện tích 50 m²'), 'dien tich 50 m²');
  assert.deepEqual(foldedWords('Cấp Phiếu lý lịch tư pháp (số 1)'), ['cap', 'phieu', 'ly', 'lich', 'tu', 'phap', 'so', '1']);
  assert.equal(slugify('Sở Tư pháp'), 'so-tu-phap');
});

test('finds query words in the original text, prefixes included, keeping the original characters', () => {
  const text = 'Cấp Phiếu lý lịch tư pháp';
  assert.deepEqual(findMatches(text, 'ly lich tu phap').map((r) => text.slice(r.start, r.end)), ['lý', 'lịch', 'tư', 'pháp']);
  assert.deepEqual(findMatches('Thủ tục đăng ký', 'dan').map((r) => 'Thủ tục đăng ký'.slice(r.start, r.end)), ['đăn']);
  const decomposed = 'Đăng ký'.normalize('NFD');
  assert.deepEqual(findMatches(decomposed, 'dang').map((r) => decomposed.slice(r.start, r.end).normalize('NFC')), ['Đăng']);
  assert.deepEqual(findMatches(text, ''), []);
  assert.deepEqual(findMatches(text, 'khai'), []);
});

test('i and y after a consonant are one word spelled two ways: "kí"/"ký", "lí"/"lý", "qui"/"quy"; "y tế", "tai"/"tay" stay apart', () => {
  assert.equal(otherSpelling('ki'), 'ky');
  assert.equal(otherSpelling('ky'), 'ki');
  assert.equal(otherSpelling('quy'), 'qui');
  assert.equal(otherSpelling('nghi'), 'nghy');
  for (const word of ['y', 'i', 'tay', 'tai', 'kiem', 'khai', 'yen']) assert.equal(otherSpelling(word), undefined, word);
  assert.equal(oneSpelling('dang ky khai sinh'), oneSpelling('dang ki khai sinh'));
  assert.equal(oneSpelling('y te tay ninh ky'), 'y te tay ninh ki');
  // Highlighting finds the other spelling as a whole word; a prefix still finds its own spelling only.
  const text = 'Thủ tục đăng ký khai sinh; kiểm tra';
  assert.deepEqual(findMatches(text, 'dang ki').map((r) => text.slice(r.start, r.end)), ['đăng', 'ký', 'ki']);
});
