import type { components } from '@dvc-kit/sdk';

type SurveyForm = components['schemas']['SurveyForm'];
type Question = components['schemas']['SurveyQuestion'];

const threeLevels = (best: [string, string], middle: [string, string], worst: [string, string]): Question['scale'] => [
  { value: 2, label: { vi: best[0], en: best[1] } },
  { value: 1, label: { vi: middle[0], en: middle[1] } },
  { value: 0, label: { vi: worst[0], en: worst[1] } },
];

/**
 * The dossier evaluation of the one-stop rules (Decree 61/2018 and Circular 01/2018/TT-VPCP, now
 * Decree 118/2025): the indicators a citizen can answer, each scored 2 / 1 / 0, overall satisfaction
 * on three levels and a comment. The other indicators (time against the legal limit, time per
 * agency, public disclosure, handling of feedback) come from the system, not the citizen.
 */
export const DOSSIER_FORM: SurveyForm = {
  id: 'one-stop-evaluation',
  version: 1,
  kind: 'dossier',
  title: { vi: 'Đánh giá mức độ hài lòng', en: 'Rate this service' },
  description: {
    vi: 'Ý kiến của Ông/Bà giúp cơ quan phục vụ tốt hơn. Các câu có dấu * là bắt buộc.',
    en: 'Your answers help the agency serve you better. Questions marked * are required.',
  },
  questions: [
    {
      id: 'contacts', type: 'rating', required: true,
      label: { vi: 'Số lần Ông/Bà phải liên hệ với cơ quan để hoàn thiện hồ sơ', en: 'How many times did you have to contact the agency to complete your application?' },
      scale: threeLevels(['Không quá 1 lần', 'Once at most'], ['2 lần', 'Twice'], ['Từ 3 lần trở lên', 'Three times or more']),
    },
    {
      id: 'agencies', type: 'rating', required: true,
      label: { vi: 'Số cơ quan Ông/Bà phải liên hệ', en: 'How many agencies did you have to deal with?' },
      scale: threeLevels(['1 cơ quan', 'One'], ['2 cơ quan', 'Two'], ['Từ 3 cơ quan trở lên', 'Three or more']),
    },
    {
      id: 'one-stop', type: 'rating', required: true,
      label: { vi: 'Hồ sơ được tiếp nhận và trả kết quả tại Bộ phận Một cửa', en: 'Was your application received and returned at the one-stop desk?' },
      scale: threeLevels(['Cả tiếp nhận và trả kết quả', 'Both received and returned there'], ['Chỉ một trong hai', 'Only one of the two'], ['Không', 'Neither']),
    },
    {
      id: 'attitude', type: 'rating', required: true,
      label: { vi: 'Thái độ của cán bộ, công chức', en: 'How was the officials\' attitude?' },
      scale: threeLevels(['Lịch sự, tận tình', 'Polite and helpful'], ['Bình thường', 'Neutral'], ['Gây phiền hà, sách nhiễu', 'Obstructive or harassing']),
    },
    {
      id: 'online', type: 'rating', required: false,
      label: { vi: 'Theo dõi tiến độ và chất lượng dịch vụ trực tuyến', en: 'How good was the online service, including following your application\'s progress?' },
      scale: threeLevels(['Tốt', 'Good'], ['Chấp nhận được', 'Acceptable'], ['Không tốt', 'Poor']),
    },
    {
      id: 'overall', type: 'rating', required: true,
      label: { vi: 'Mức độ hài lòng chung của Ông/Bà', en: 'Overall, how satisfied are you?' },
      scale: threeLevels(['Rất hài lòng', 'Very satisfied'], ['Hài lòng', 'Satisfied'], ['Không hài lòng', 'Not satisfied']),
    },
    {
      id: 'comment', type: 'text', required: false, maxLength: 1000,
      label: { vi: 'Góp ý thêm', en: 'Anything else you want to tell us' },
      hint: { vi: 'Không ghi số định danh hay thông tin cá nhân.', en: 'Do not write your identity number or other personal details.' },
    },
  ],
};

/** Quick page feedback: "Was this information useful?" */
export const PAGE_FORM: SurveyForm = {
  id: 'page-feedback',
  version: 1,
  kind: 'page',
  title: { vi: 'Thông tin này có hữu ích không?', en: 'Was this information useful?' },
  questions: [
    {
      id: 'useful', type: 'rating', required: true,
      label: { vi: 'Thông tin này có hữu ích không?', en: 'Was this information useful?' },
      scale: [
        { value: 1, label: { vi: 'Có', en: 'Yes' } },
        { value: 0, label: { vi: 'Không', en: 'No' } },
      ],
    },
    {
      id: 'comment', type: 'text', required: false, maxLength: 500,
      label: { vi: 'Chúng tôi có thể cải thiện điều gì?', en: 'What could we improve?' },
    },
  ],
};

export const FORMS: readonly SurveyForm[] = [DOSSIER_FORM, PAGE_FORM];

/**
 * The forms one sandbox serves: the regulation's, unless a test replaced one (sandbox-only
 * `POST /_sandbox/survey-forms`, e.g. with hostile labels). A reset restores the regulation's.
 */
export class SurveyForms {
  #forms: readonly SurveyForm[] = FORMS;

  get all(): readonly SurveyForm[] {
    return this.#forms;
  }

  /** Replaces the form of the same kind. */
  replace(form: SurveyForm): void {
    this.#forms = [...this.#forms.filter((f) => f.kind !== form.kind), form];
  }

  restore(): void {
    this.#forms = FORMS;
  }
}
