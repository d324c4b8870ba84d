// <dvc-satisfaction-survey>: WCAG 2.2 A/AA claims, each with the tests that show it (scripts/acr/evidence.mjs).
import {
  AUDIT_DEMO_PASSES, AUDIT_DEMO_STATES, AUDIT_FINDS_FAULTS, NO_CSS_REORDERING, NO_FIXED_OVERLAYS, NO_HOVER_CONTENT,
  NO_IMAGES_OF_TEXT, NO_KEY_HANDLERS, NO_MEDIA, NO_MOTION, NO_ORIENTATION_LOCK, NO_POINTER_GESTURES, ONLY_THE_SPINNER_MOVES,
  axeTests, standardMethods, test,
} from '../evidence.mjs';

const W = 'satisfaction-survey';
const FILE = 'packages/elements/src/satisfaction-survey/satisfaction-survey.test.ts';
const TREE = 'packages/elements/src/satisfaction-survey/satisfaction-survey.a11y-tree.test.ts';
const SR = 'packages/elements/src/satisfaction-survey/satisfaction-survey.screen-reader.test.ts';

const t = (title) => test(FILE, title);
const AXE = axeTests(FILE, [
  'shows "Đang tải…" while the form loads', 'renders the regulation form in Vietnamese', 'refuses an incomplete form',
  'sends the evaluation: thanks with focus', 'sends once while busy', 'says kindly that the dossier was already evaluated',
  'explains that an unfinished dossier can be evaluated once decided', 'keeps the answers when the server is down',
  'asks for the identity number when the page has none', 'shows a localised error with a retry when the form cannot be loaded',
  'page mode: "Thông tin này có hữu ích không?"', 'speaks English on an English page', 'page feedback in English, and its thank-you',
  'keeps a pasted answer over the limit',
]);
const TREES = test(TREE, /accessibility tree$/, { label: 'accessibility-tree snapshots of each state, vi and en' });
const ANNOUNCES = test(SR, /announce/, { label: 'live-region announcements, vi and en' });
const FAULTS = test('packages/elements/src/security/faults.test.ts', '<dvc-satisfaction-survey> ×', { label: 'fault matrix: loading and sending the form × 500, 503, timeout, offline, 429, slow, malformed JSON, vi and en' });

const LOADING = t('shows "Đang tải…" while the form loads, busy and accessible');
const FORM = t('renders the regulation form in Vietnamese: fieldsets, legends, required marks, native radios, limited comment');
const INCOMPLETE = t('refuses an incomplete form: the error summary takes focus and links to each question, errors sit by their fields');
const SENT = t('sends the evaluation: thanks with focus, fires dvc-survey-submitted, clears the draft, stores one response');
const BUSY = t('sends once while busy: the button stays focused with aria-disabled, repeats are ignored');
const SERVER_ERRORS = t('keeps the answers through a server error (500) and a rate limit (429), then sends on retry');
const ALREADY = t('says kindly that the dossier was already evaluated (409), not as an error');
const NOT_YET = t('explains that an unfinished dossier can be evaluated once decided (409 survey_not_available), keeping the answers');
const CLOSED = t('says that a dossier closed without a result has nothing to evaluate (409 survey_closed), not "later", and lets go of the answers');
const OFFLINE = t('keeps the answers when the server is down, and sends them on retry');
const DRAFT = t('restores the draft in a new element for the same dossier, and never stores the identity number, not even one typed in the comment');
const HONEYPOT = t('has an off-screen honeypot out of reach of people and assistive technology');
const ASKS_ID = t('asks for the identity number when the page has none: checked with the answers, a mismatch said at the field');
const PAGE_MODE = t('page mode: "Thông tin này có hữu ích không?" yes/no with a comment, tied to the procedure');
const KEYBOARD = t('works from the keyboard alone: Tab into each group, arrows and Space choose, type, Enter sends');
const COUNTDOWN = t('announces the characters left politely at thresholds, not on every keystroke; a longer answer is kept and counted over');
const OVER_LIMIT = t('keeps a pasted answer over the limit, whole: sending waits until it is shortened, and the draft keeps it');
const ENGLISH = t('speaks English on an English page: labels from the form');
const PAGE_ENGLISH = t('page feedback in English, and its thank-you');
const LANGUAGE = 'packages/elements/src/satisfaction-survey/satisfaction-survey.language.test.ts';
const LANG_EN = test(LANGUAGE, 'shows the form in English on an English page, with its errors, in both modes: nothing Vietnamese unmarked');
const LANG_FR = test(LANGUAGE, 'says lang="vi" on its outer element on a French page, where it shows Vietnamese');
const LANG_CHECK = test('packages/elements/src/test-support/language-of-parts.test.ts', 'lists Vietnamese text and aria-labels not marked lang="vi"');
const PROBLEM_WORDS = test('packages/elements/src/shared/problem-messages.test.ts', 'has a distinct Vietnamese and English message for every problem code');
const FOLLOWS_LANG = test('packages/elements/src/shared/locale.test.ts', 'follows <html lang> changes');

const REFLOW = test('packages/elements/src/satisfaction-survey/satisfaction-survey.reflow.test.ts', /fits 320 px, targets of 24 px$/, { label: '320 px: dossier evaluation and page feedback, empty, with errors, sent, vi and en' });
const REFLOW_CHECKER = test('packages/elements/src/test-support/reflow.test.ts', /./, { label: 'the 320 px check itself: catches sideways scrolling, content past its box and small targets; passes named scroll regions and spaced targets' });
const CONTRAST = test('packages/elements/src/satisfaction-survey/satisfaction-survey.contrast.test.ts', /at least 3:1$/, { label: 'non-text contrast measured in pixels: unanswered, sent empty with its errors, answered' });
const CONTRAST_CHECKER = test('packages/elements/src/test-support/non-text-contrast.test.ts', /^(fails a field|measures against what the control sits on|leaves out a button)/, { label: 'the checker itself: fails a faint border, measures against the real surroundings, leaves out text-only buttons' });

export default {
  widget: W,
  tag: 'dvc-satisfaction-survey',
  title: 'Satisfaction survey',
  description: 'The regulation\'s evaluation of a finished dossier (five required questions and one optional, native radio groups, a comment limited to 1,000 characters), or quick page feedback ("Was this information useful?"), from the API\'s form; asks for the identity number when the page has none; error summary, a draft kept in the tab, a honeypot; Vietnamese and English.',
  scope: `The widget alone, as a portal embeds it, in both modes and the states its tests drive it into: loading, the form, validation errors, sending, thanks, already evaluated, not yet available, closed without a result, server, rate-limit and network failures, a restored draft, in Vietnamese and English, at the runner's 800 × 600 CSS px. dvc-audit's tour on the demo portal adds both of the portal's surveys (the dossier evaluation and the page feedback) in the states they declare (initial, validation-errors, sent) in a real page, at 320 px among others. The portal's own page is outside this report.`,
  methods: standardMethods({ widget: W, axe: AXE, tree: TREES, announces: ANNOUNCES, keyboard: [KEYBOARD], audit: 'both of the portal\'s surveys, the dossier evaluation (in a section the portal hides until the tracker\'s "Đánh giá"; the tool shows it) and the page feedback, each in the states it declares: initial, validation-errors, sent' }),
  claims: {
    '1.1.1': { level: 'supports', remarks: 'No images but the loading spinner, decorative and hidden (`aria-hidden`) beside "Đang tải…"; the required mark "*" is hidden and said in words ("(bắt buộc)"). axe\'s image rules pass in every tested state.', evidence: [LOADING, FORM, AXE, TREES] },
    '1.2.1': { level: 'not applicable', remarks: 'No audio or video.', evidence: [NO_MEDIA(W)] },
    '1.2.2': { level: 'not applicable', remarks: 'No audio or video.', evidence: [NO_MEDIA(W)] },
    '1.2.3': { level: 'not applicable', remarks: 'No audio or video.', evidence: [NO_MEDIA(W)] },
    '1.2.4': { level: 'not applicable', remarks: 'No live audio or video.', evidence: [NO_MEDIA(W)] },
    '1.2.5': { level: 'not applicable', remarks: 'No video.', evidence: [NO_MEDIA(W)] },
    '1.3.1': { level: 'supports', remarks: 'Each question is a fieldset with its legend and native radios inside their labels, `required` where the form requires it; the comment has a label, its hint and limit tied by `aria-describedby`; errors are tied to their question, with `aria-invalid`; the error summary links to each question; the evaluation is a form labelled by its heading. The honeypot is hidden from assistive technology.', evidence: [FORM, INCOMPLETE, HONEYPOT, AXE, TREES] },
    '1.3.2': { level: 'supports', remarks: 'Reading order is the DOM order (no CSS reordering): questions in the form\'s order, comment, send; Tab follows it, and dvc-audit\'s focus-order check finds nothing out of page order in the dossier evaluation and the page feedback, each empty, with errors and sent (dvc-audit, Chromium).', evidence: [KEYBOARD, AUDIT_DEMO_STATES, AUDIT_DEMO_PASSES, NO_CSS_REORDERING(W)] },
    '1.3.3': { level: 'supports', remarks: 'Instructions are words: "(bắt buộc)" for required questions, "Tối đa 1.000 ký tự.", "Không ghi số định danh hay thông tin cá nhân."; the "*" is only a visual echo. Nothing refers to shape, colour, position or sound.', evidence: [FORM] },
    '1.4.1': { level: 'supports', remarks: 'Required questions say so in words; errors say "Lỗi:" beside the question; the answer chosen is a native radio\'s checked state; links are underlined (axe link-in-text-block).', evidence: [FORM, INCOMPLETE, AXE] },
    '1.4.2': { level: 'not applicable', remarks: 'No audio.', evidence: [NO_MEDIA(W)] },
    '2.1.1': { level: 'supports', remarks: 'The whole form works from the keyboard: Tab into each radio group, arrows and Space choose, Tab to the comment, type, Tab to send, Enter; the honeypot is out of the Tab order. dvc-audit reaches every control in the dossier evaluation and the page feedback, each empty, with errors and sent (dvc-audit, Chromium).', evidence: [KEYBOARD, HONEYPOT, AUDIT_DEMO_STATES, AUDIT_DEMO_PASSES] },
    '2.1.2': { level: 'supports', remarks: 'No key is intercepted, so Tab always moves on; dvc-audit\'s keyboard-trap check passes in the dossier evaluation and the page feedback, each empty, with errors and sent (dvc-audit, Chromium).', evidence: [KEYBOARD, AUDIT_DEMO_PASSES, NO_KEY_HANDLERS(W)] },
    '2.1.4': { level: 'not applicable', remarks: 'No keyboard shortcuts.', evidence: [NO_KEY_HANDLERS(W)] },
    '2.2.1': { level: 'not applicable', remarks: 'No time limit: answers are kept as a draft in the tab (`sessionStorage`) and come back in a new widget for the same dossier; after a rate limit the widget says how many seconds to wait and keeps the answers.', evidence: [DRAFT, SERVER_ERRORS] },
    '2.2.2': { level: 'supports', remarks: 'The only moving content is the loading spinner, shown only while the form loads or is sent and gone with the answer or, at the latest, with the timeout message after 10 s: a progress indicator. It stops under `prefers-reduced-motion` (not tested).', evidence: [LOADING, FAULTS, ONLY_THE_SPINNER_MOVES(W)] },
    '2.3.1': { level: 'not applicable', remarks: 'Nothing flashes: the one animation is the spinner\'s rotation.', evidence: [ONLY_THE_SPINNER_MOVES(W)] },
    '2.4.1': { level: 'not applicable', remarks: 'A page-level criterion: skip links and landmarks are the portal\'s. The evaluation is one form under one heading.', evidence: [FORM] },
    '2.4.2': { level: 'not applicable', remarks: 'The widget never sets the document title.' },
    '2.4.3': { level: 'supports', remarks: 'On errors focus goes to the summary, whose links take it to the question\'s first answer; while sending it stays on the send button (`aria-disabled`); then it goes to the thank-you, the "already evaluated", the "not yet" or the "closed without a result" message. The honeypot is never focusable.', evidence: [INCOMPLETE, BUSY, SENT, ALREADY, NOT_YET, CLOSED, KEYBOARD] },
    '2.4.4': { level: 'supports', remarks: 'The only links are the error summary\'s, each naming the question and the problem ("Số lần Ông/Bà phải liên hệ …: Vui lòng chọn một câu trả lời."). Link names pass axe.', evidence: [INCOMPLETE, AXE] },
    '2.5.1': { level: 'not applicable', remarks: 'No multipoint or path-based gestures.', evidence: [NO_POINTER_GESTURES(W)] },
    '2.5.2': { level: 'supports', remarks: 'Every action is a native radio, button, link or form submission, activated on click (the up event); nothing acts on a down event.', evidence: [NO_POINTER_GESTURES(W)] },
    '2.5.3': { level: 'supports', remarks: 'Accessible names are the visible labels (each answer\'s label, "Góp ý thêm", "Gửi đánh giá"); axe\'s label-content-name-mismatch passes.', evidence: [FORM, AXE, TREES] },
    '2.5.4': { level: 'not applicable', remarks: 'Nothing is operated by moving the device.', evidence: [NO_MOTION(W)] },
    '3.1.1': { level: 'supports', remarks: 'The page\'s language is the portal\'s `<html lang>`; the widget speaks it, with the form\'s own labels in that language from the API, and follows it when it changes.', evidence: [ENGLISH, PAGE_ENGLISH, FOLLOWS_LANG] },
    '3.2.1': { level: 'supports', remarks: 'Nothing happens on focus alone: Tab only moves focus.', evidence: [KEYBOARD, AUDIT_DEMO_PASSES] },
    '3.2.2': { level: 'supports', remarks: 'Choosing an answer or typing never sends: only the send button or Enter does; the characters-left count updates beside the comment.', evidence: [KEYBOARD, COUNTDOWN] },
    '3.2.6': { level: 'not applicable', remarks: 'The widget offers no help mechanism; the portal\'s help is the portal\'s.' },
    '3.3.1': { level: 'supports', remarks: 'Unanswered required questions are found before sending and described in text by each question ("Lỗi: Vui lòng chọn một câu trả lời."), with `aria-invalid` and a focused summary; an identity number that does not match is said at the field; failures are said in words, in Vietnamese and English.', evidence: [INCOMPLETE, ASKS_ID, FAULTS] },
    '3.3.2': { level: 'supports', remarks: 'Each question has its legend with "(bắt buộc)" when required; the comment a label, a hint and its limit; the identity number field a label.', evidence: [FORM, ASKS_ID, TREES] },
    '4.1.2': { level: 'supports', remarks: 'Native radios, textarea and buttons; the send button is `aria-disabled` while sending, the survey region `aria-busy` while loading or sending, unanswered questions `aria-invalid`; names, roles and states are in Chromium\'s accessibility tree as the snapshots show; axe\'s ARIA and name rules pass.', evidence: [BUSY, LOADING, INCOMPLETE, AXE, TREES] },
    '1.3.4': { level: 'supports', remarks: 'Nothing locks the orientation; both surveys are audited at 320 × 640 (portrait), the tests run at 800 × 600 (landscape).', evidence: [AUDIT_DEMO_STATES, FORM, NO_ORIENTATION_LOCK(W)] },
    '1.3.5': { level: 'not applicable', remarks: 'The only field about the citizen is the national identity number, which has no `autocomplete` token; the comment asks for no personal data.', evidence: [ASKS_ID] },
    '1.4.3': { level: 'supports', remarks: 'axe\'s color-contrast passes in every tested state with the default theme (text at least 4.5:1). A portal that changes the `--dvc-color-*` tokens must keep the contrast.', evidence: [AXE, AUDIT_DEMO_PASSES] },
    '1.4.4': { level: 'supports', remarks: 'Sizes are in rem and em; the widget reflows at 320 CSS px (a 1280 px window at 400 % zoom) with nothing lost, which covers 200 % zoom, in the dossier evaluation and the page feedback, each empty, with errors and sent (dvc-audit, Chromium). Text-only zoom is not tested.', evidence: [AUDIT_DEMO_STATES, AUDIT_DEMO_PASSES] },
    '1.4.5': { level: 'not applicable', remarks: 'No images of text.', evidence: [NO_IMAGES_OF_TEXT(W)] },
    '1.4.10': { level: 'supports', remarks: 'At 320 × 640 CSS px nothing scrolls sideways or spills out of its box in the dossier evaluation and the page feedback, each empty, with errors and sent, in vi and en, in both browsers; dvc-audit finds the same in the demo portal (Chromium).', evidence: [REFLOW, REFLOW_CHECKER, AUDIT_DEMO_STATES, AUDIT_DEMO_PASSES, AUDIT_FINDS_FAULTS] },
    '1.4.11': { level: 'supports', remarks: 'Measured in pixels on what the browser painted, in Chromium and Firefox ESR, default theme: every answer\'s radio (unchosen and chosen), the identity number field, the comment box and the send button, against what each sits on, unanswered, with errors and answered: each at least 3:1. The radios are drawn by the kit (a 4.8:1 ring, the primary colour\'s ring and dot when chosen), because Firefox\'s own ring measured 3.0:1; in forced colours they are the system\'s own. Answers and the comment box keep real borders in forced colours; dvc-audit finds every control visible in emulated forced colours and a focus indicator on every control (an outline of at least 3:1 against what is painted around it, or a change of colour of at least 3:1; the default outline, #0a4f9c, is 8.0:1 on white) in the dossier evaluation and the page feedback, each empty, with errors and sent (Chromium; Firefox cannot emulate forced colours). A portal that changes the `--dvc-color-*` tokens must keep the contrast.', evidence: [CONTRAST, CONTRAST_CHECKER, AUDIT_DEMO_STATES, AUDIT_DEMO_PASSES, AUDIT_FINDS_FAULTS] },
    '1.4.12': { level: 'supports', remarks: 'With WCAG\'s text spacing nothing is clipped or overlaps in the dossier evaluation and the page feedback, each empty, with errors and sent (dvc-audit, Chromium); axe\'s avoid-inline-spacing passes in both browsers.', evidence: [AUDIT_DEMO_STATES, AUDIT_DEMO_PASSES, AUDIT_FINDS_FAULTS, AXE] },
    '1.4.13': { level: 'not applicable', remarks: 'Nothing appears on hover or focus (hovering an answer only tints its background).', evidence: [NO_HOVER_CONTENT(W)] },
    '2.4.5': { level: 'not applicable', remarks: 'About a set of pages: the portal\'s.' },
    '2.4.6': { level: 'supports', remarks: 'The heading is the form\'s title ("Đánh giá mức độ hài lòng"), each legend its question, the summary "Vui lòng kiểm tra lại câu trả lời", the send button "Gửi đánh giá"; page feedback asks "Thông tin này có hữu ích không?".', evidence: [FORM, INCOMPLETE, PAGE_MODE] },
    '2.4.7': { level: 'supports', remarks: 'Every control shows the shared 3 px focus ring (`:focus-visible`); dvc-audit finds a focus indicator on each control that stands out 3:1 from what is around it, also in forced colours, in the dossier evaluation and the page feedback, each empty, with errors and sent (dvc-audit, Chromium).', evidence: [AUDIT_DEMO_STATES, AUDIT_DEMO_PASSES, AUDIT_FINDS_FAULTS] },
    '2.4.11': { level: 'supports', remarks: 'Nothing in the widget can cover a focused control (no fixed or sticky content, dialogs or popovers; the honeypot is off-screen and never focusable). A portal\'s own sticky header can still cover it: that is the portal\'s.', evidence: [NO_FIXED_OVERLAYS(W), HONEYPOT, KEYBOARD] },
    '2.5.7': { level: 'not applicable', remarks: 'Nothing is dragged.', evidence: [NO_POINTER_GESTURES(W)] },
    '2.5.8': { level: 'supports', remarks: 'Each answer\'s whole label is the target, 44 px high, the radio itself 24 px, measured at 320 px in every state above in both browsers; axe\'s target-size passes in every tested state in both browsers, and dvc-audit\'s in the dossier evaluation and the page feedback, each empty, with errors and sent (dvc-audit, Chromium).', evidence: [REFLOW, AXE, AUDIT_DEMO_STATES, AUDIT_DEMO_PASSES] },
    '3.1.2': { level: 'supports', remarks: 'On Vietnamese and English pages everything is in the page\'s language: the widget\'s words and the form\'s, which the API sends in both languages and the widget shows in its own. Its outer element carries the widget\'s language, so on a page in another language (e.g. `lang="fr"`) its Vietnamese fallback is marked `lang="vi"`. The tests walk the whole shadow tree (the dossier evaluation with its error summary, and the page feedback, on an English page; the evaluation on a French one) for any text or `aria-label` with Vietnamese letters outside `lang="vi"`, and that check is shown to fail. Not covered: a form whose English text the API left empty would show nothing rather than the Vietnamese; the tests check the markup, not what a given screen reader then does.', evidence: [ENGLISH, PAGE_ENGLISH, LANG_EN, LANG_FR, LANG_CHECK] },
    '3.2.3': { level: 'not applicable', remarks: 'About navigation repeated across pages: the portal\'s.' },
    '3.2.4': { level: 'supports', remarks: 'The same function has the same name and message in every widget: "Thử lại" / "Try again" and one sentence per failure (fault matrix), and the same error summary pattern as the tracker and the payment.', evidence: [FAULTS, PROBLEM_WORDS] },
    '3.3.3': { level: 'supports', remarks: 'Errors say what to do ("Vui lòng chọn một câu trả lời.", "Câu trả lời quá dài. Vui lòng rút ngắn." beside a count of the characters over), how many seconds to wait after too many requests, and for a dossier not yet decided that it can be evaluated once it is.', evidence: [INCOMPLETE, OVER_LIMIT, SERVER_ERRORS, NOT_YET] },
    '3.3.4': { level: 'not applicable', remarks: 'An evaluation is not a legal or financial commitment, changes no data of the citizen\'s and is not a test. (It is checked before sending, and a dossier is evaluated once.)', evidence: [INCOMPLETE, ALREADY] },
    '3.3.7': { level: 'supports', remarks: 'Nothing is asked twice: answers stay through errors and retries (a comment pasted over the limit is kept whole, to shorten), come back from the draft in a new widget for the same dossier, and stay when the dossier is not ready yet. The identity number is asked only when the page does not pass it (`applicantId`), and is never kept in the draft, nor one typed into the comment.', evidence: [SERVER_ERRORS, OFFLINE, DRAFT, NOT_YET, OVER_LIMIT] },
    '3.3.8': { level: 'partially supports', remarks: 'A dossier evaluation on a page without a signed-in citizen asks for the identity number: it is recalled, a knowledge check. The field takes spaces between groups of digits and nothing blocks pasting (no test pastes); a signed-in page passes `applicantId` and nothing is asked. Page feedback asks for nothing.', evidence: [ASKS_ID, SENT] },
    '4.1.3': { level: 'supports', remarks: 'A polite status region says the characters left at thresholds (100, 50, 20, 10, 0), not on every key, and past the limit how many over, said again once typing pauses; failures are alerts (a form that could not be loaded with the page is shown, not announced, until the citizen asks for it again); thanks and notices take focus instead; in Vietnamese and English.', evidence: [COUNTDOWN, FAULTS, ANNOUNCES] },
  },
  gaps: [
    'Text spacing and focus visibility rest on dvc-audit\'s Chromium run of the demo portal.',
  ],
};
