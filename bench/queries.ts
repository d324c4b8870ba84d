import { foldedWords } from '@dvc-kit/sdk';

/** What citizens type, as they type it (each word prefix is a keystroke stop): mostly without diacritics. */
const COMMON = [
  'dang ky khai sinh', 'ly lich tu phap', 'cap ho chieu', 'giay phep xay dung', 'dang ky ket hon',
  'dang ky thuong tru', 'chung thuc ban sao', 'thanh lap doanh nghiep', 'cap doi giay chung nhan quyen su dung dat',
  'khai tu', 'tam tru', 'can cuoc', 'ho kinh doanh', 'xac nhan tinh trang hon nhan',
  // Typed without spaces on a phone: each keystroke that matches nothing is read apart (the slower path).
  'dangkykhaisinh', 'giayphepxaydung', 'nhaoxahoi',
  // Typed with the marks, as a phone's Vietnamese keyboard types: the names holding the words as typed come first.
  'đăng ký khai sinh', 'cấp hộ chiếu', 'thuế thu nhập cá nhân',
];

/** Typing sequences: every prefix at 2+ letters of each query, e.g. "da", "dan", "dang", "dang k"… */
export function typingSequences(names: string[], sample = 40): string[][] {
  const fromCatalogue = names
    .filter((_, i) => i % Math.max(1, Math.floor(names.length / sample)) === 0)
    .slice(0, sample)
    .map((name) => foldedWords(name).filter((w) => !['thu', 'tuc'].includes(w)).slice(0, 4).join(' '))
    .filter((q) => q.length >= 4);
  return [...COMMON, ...fromCatalogue].map((query) => {
    const steps: string[] = [];
    for (let i = 2; i <= query.length; i++) if (query[i - 1] !== ' ') steps.push(query.slice(0, i));
    return steps;
  });
}
