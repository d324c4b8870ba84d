// <dvc-dossier-tracker>: WCAG 2.2 A/AA claims, each with the tests that show it (scripts/acr/evidence.mjs).
import {
  AUDIT_DEMO_PASSES, AUDIT_DEMO_STATES, AUDIT_FINDS_FAULTS, NO_CSS_REORDERING, NO_FIXED_OVERLAYS, NO_HOVER_CONTENT,
  NO_IMAGES_OF_TEXT, NO_KEY_HANDLERS, NO_MEDIA, NO_MOTION, NO_ORIENTATION_LOCK, NO_POINTER_GESTURES, ONLY_THE_SPINNER_MOVES,
  axeTests, standardMethods, test,
} from '../evidence.mjs';

const W = 'dossier-tracker';
const FILE = 'packages/elements/src/dossier-tracker/dossier-tracker.test.ts';
const LABELS = 'packages/elements/src/dossier-tracker/labels.test.ts';
const TREE = 'packages/elements/src/dossier-tracker/dossier-tracker.a11y-tree.test.ts';
const SR = 'packages/elements/src/dossier-tracker/dossier-tracker.screen-reader.test.ts';

const t = (title) => test(FILE, title);
const AXE = axeTests(FILE, [
  'asks for the code (with its format) and the 12-digit number', 'prefills the code from the attribute',
  'shows errors next to the fields and a focused error summary', 'rejects a malformed code and number',
  'shows the procedure, unit, dates in Vietnam time', 'shows the demo overdue dossier', 'apology with its reason and new date',
  'lists the documents asked for in a supplement request', 'shows charges and fees with a "Pay" button', 'offers "Evaluate" on a decided dossier',
  'passes axe for a closed dossier and a finished-late one', 'answers an unknown code and a wrong identity number',
  'says when to retry after too many lookups', 'shows a network error with "Thử lại"', 'shows and announces loading while the API is slow',
]);
const TREES = test(TREE, /accessibility tree$/, { label: 'accessibility-tree snapshots of each state, vi and en' });
const ANNOUNCES = test(SR, /announce/, { label: 'live-region announcements, vi and en' });
const FAULTS = test('packages/elements/src/security/faults.test.ts', '<dvc-dossier-tracker> ×', { label: 'fault matrix: the lookup × 500, 503, timeout, offline, 429, slow, malformed JSON, vi and en' });

const FORM = t('asks for the code (with its format) and the 12-digit number, and passes axe');
const PREFILL = t('prefills the code from the attribute; applicantId is a property only');
const ERRORS = t('shows errors next to the fields and a focused error summary, without calling the API; passes axe');
const FORMAT_ERRORS = t('rejects a malformed code and number with format messages');
const FORGIVING = t('accepts a code typed with spaces and in lower case, and a number typed in groups');
const STATUS_VI = t('renders each of the ten statuses in words with a shape (Vietnamese)');
const RESULT = t('shows the procedure, unit, dates in Vietnam time and the history as an ordered timeline; focus goes to the heading');
const APOLOGY = t('apology with its reason and new date, and passes axe');
const NOT_FOUND = t('answers an unknown code and a wrong identity number with one and the same message; passes axe');
const RATE_LIMIT = t('says when to retry after too many lookups (the 11th in a minute); passes axe');
const NETWORK = t('shows a network error with "Thử lại" that keeps the typed input and works once the API is back; passes axe');
const TIMEOUT = t('shows a timeout as "taking too long" with a retry');
const LOADING = t('shows and announces loading while the API is slow, then the result; passes axe while loading');
const KEYBOARD = t('works from the keyboard alone: Tab, type, Enter, then Tab to "Look up another" and Enter');
const ANOTHER = t('"Look up another" clears the result, the form, the errors and the number, and focuses the code field');
const LANGUAGE = 'packages/elements/src/dossier-tracker/dossier-tracker.language.test.ts';
const LANG_EN = test(LANGUAGE, 'marks the dossier\'s text lang="vi" on an English page: name, unit, apology, documents, fees, history');
const LANG_FR = test(LANGUAGE, 'says lang="vi" on its outer elements on a French page, where it shows Vietnamese');
const LANG_CHECK = test('packages/elements/src/test-support/language-of-parts.test.ts', 'lists Vietnamese text and aria-labels not marked lang="vi"');
const LANGUAGES = t('switches the form, errors and result between Vietnamese and English, with nothing English left on a Vietnamese page');
const NO_NATIVE_SUBMIT = t('never sends the form natively (no URL change, even with Enter in a field)');
const HEADING_LEVELS = test(FILE, /^(heading-level="3"|keeps heading-level to 2–5|defaults to 2)/, { label: 'heading levels from heading-level: 3, out of range, default' });
const FITS_320 = t('fits 320 px without horizontal scrolling, with targets of at least 24 × 24 px');
const FORCED_COLOURS = t('keeps badge shapes and borders in forced colours');
const SHAPES = test(LABELS, 'gives every status a shape group, so badges never rely on colour');
const ERROR_WORDS = test(LABELS, 'words field errors in both languages');
const PROBLEM_WORDS = test('packages/elements/src/shared/problem-messages.test.ts', 'has a distinct Vietnamese and English message for every problem code');
const FOLLOWS_LANG = test('packages/elements/src/shared/locale.test.ts', 'follows <html lang> changes');

const CONTRAST = test('packages/elements/src/dossier-tracker/dossier-tracker.contrast.test.ts', /at least 3:1$/, { label: 'non-text contrast measured in pixels: the empty form, the form with its errors, a dossier awaiting payment and a finished one' });
const CONTRAST_CHECKER = test('packages/elements/src/test-support/non-text-contrast.test.ts', /^(fails a field|measures against what the control sits on|leaves out a button)/, { label: 'the checker itself: fails a faint border, measures against the real surroundings, leaves out text-only buttons' });

export default {
  widget: W,
  tag: 'dvc-dossier-tracker',
  title: 'Dossier tracker',
  description: 'Looks a dossier up by its code and the applicant\'s 12-digit personal identification number, and shows its status in words with a shape, the procedure, dates, timeliness in working days, history, an apology, a supplement request, fees with "Pay" and "Evaluate" hand-overs; Vietnamese and English.',
  scope: `The widget alone, as a portal embeds it, in the states its tests drive it into: the empty form, validation errors, loading, each of the ten statuses, the result with apology, supplement request and fees, not found, the rate limit, network, server and timeout failures, in Vietnamese and English, at 800 × 600 and 320 × 800 CSS px. dvc-audit's tour on the demo portal adds the states the widget declares (initial, validation-errors, found, not-found) in a real page. The portal's own page (title, landmarks, skip links, language, the help it offers) is outside this report.`,
  methods: standardMethods({ widget: W, axe: AXE, tree: TREES, announces: ANNOUNCES, keyboard: [KEYBOARD], audit: 'the states initial, validation-errors, found and not-found (asserted reached)' }),
  claims: {
    '1.1.1': { level: 'supports', remarks: 'The only images are the status shapes and the loading spinner, both decorative and hidden from assistive technology (`aria-hidden`); the status itself is always in words. axe\'s image rules pass in every tested state.', evidence: [STATUS_VI, AXE, TREES] },
    '1.2.1': { level: 'not applicable', remarks: 'No audio or video.', evidence: [NO_MEDIA(W)] },
    '1.2.2': { level: 'not applicable', remarks: 'No audio or video.', evidence: [NO_MEDIA(W)] },
    '1.2.3': { level: 'not applicable', remarks: 'No audio or video.', evidence: [NO_MEDIA(W)] },
    '1.2.4': { level: 'not applicable', remarks: 'No live audio or video.', evidence: [NO_MEDIA(W)] },
    '1.2.5': { level: 'not applicable', remarks: 'No video.', evidence: [NO_MEDIA(W)] },
    '1.3.1': { level: 'supports', remarks: 'Fields have `<label for>`; hints and errors are tied by `aria-describedby`, invalid fields carry `aria-invalid`; the error summary is an alert with a heading and links; the result is a section labelled by its `<h2>` (the procedure), details are a `<dl>`, the history an `<ol>` of `<time datetime>`. Heading levels follow `heading-level` (default 2): the result and the error summary at that level, the result\'s sections (apology, documents, fees, evaluation, history) one below, kept within h6.', evidence: [FORM, ERRORS, RESULT, HEADING_LEVELS, AXE, TREES] },
    '1.3.2': { level: 'supports', remarks: 'Reading order is the DOM order (no CSS reordering); Tab follows it and dvc-audit\'s focus-order check finds no control out of page order.', evidence: [KEYBOARD, AUDIT_DEMO_STATES, AUDIT_DEMO_PASSES, NO_CSS_REORDERING(W)] },
    '1.3.3': { level: 'supports', remarks: 'Instructions name the field and its format ("Mã hồ sơ", example `000.00.15.H26-250714-0042`, "12 chữ số"), never a shape, colour, position or sound; the tests pin their exact words.', evidence: [FORM, FORMAT_ERRORS] },
    '1.4.1': { level: 'supports', remarks: 'Each status has words and one of several shapes, never colour alone; errors start with "Lỗi:" / "Error:" beside the field; links are underlined (axe link-in-text-block).', evidence: [SHAPES, STATUS_VI, ERRORS, AXE] },
    '1.4.2': { level: 'not applicable', remarks: 'No audio.', evidence: [NO_MEDIA(W)] },
    '2.1.1': { level: 'supports', remarks: 'Everything works from the keyboard: Tab to the fields, type, Enter looks up, Tab to "Tra cứu hồ sơ khác", Enter; "Pay", "Evaluate", retry and the error links are native buttons and links. dvc-audit reaches every control of each declared state with real Tab presses.', evidence: [KEYBOARD, NO_NATIVE_SUBMIT, AUDIT_DEMO_STATES, AUDIT_DEMO_PASSES] },
    '2.1.2': { level: 'supports', remarks: 'No key is intercepted, so Tab always moves on; dvc-audit\'s keyboard-trap check passes in every declared state.', evidence: [KEYBOARD, AUDIT_DEMO_PASSES, NO_KEY_HANDLERS(W)] },
    '2.1.4': { level: 'not applicable', remarks: 'No keyboard shortcuts.', evidence: [NO_KEY_HANDLERS(W)] },
    '2.2.1': { level: 'not applicable', remarks: 'No time limit: what was typed stays until the citizen clears it, and nothing expires. The sandbox\'s and production\'s limit of 10 lookups a minute is a limit on requests, not on the time to read or type; the widget says how many seconds to wait.', evidence: [RATE_LIMIT] },
    '2.2.2': { level: 'supports', remarks: 'The only moving content is the loading spinner, shown only while a lookup runs and gone with the answer or, at the latest, with the timeout message after 10 s: a progress indicator. It stops under `prefers-reduced-motion` (not tested).', evidence: [LOADING, TIMEOUT, ONLY_THE_SPINNER_MOVES(W)] },
    '2.3.1': { level: 'not applicable', remarks: 'Nothing flashes: the one animation is the spinner\'s rotation.', evidence: [ONLY_THE_SPINNER_MOVES(W)] },
    '2.4.1': { level: 'not applicable', remarks: 'A page-level criterion: skip links and landmarks are the portal\'s (the demo portal has both). The widget adds no repeated block; its form is a named form landmark ("Tra cứu hồ sơ").', evidence: [FORM] },
    '2.4.2': { level: 'not applicable', remarks: 'The widget never sets the document title: the portal\'s page title stands.' },
    '2.4.3': { level: 'supports', remarks: 'Focus goes where the citizen needs it: to the error summary on errors, to the result heading when found, to the code field after "Tra cứu hồ sơ khác"; the error links move focus to their field. No positive `tabindex` (dvc-audit).', evidence: [KEYBOARD, ERRORS, RESULT, ANOTHER, AUDIT_DEMO_PASSES] },
    '2.4.4': { level: 'supports', remarks: 'The only links of its own are the error summary\'s, each named by its error ("Nhập mã hồ sơ") and taking focus to the field. The portal\'s help in the `not-found-help` slot is the portal\'s.', evidence: [ERRORS, AXE] },
    '2.5.1': { level: 'not applicable', remarks: 'No multipoint or path-based gestures.', evidence: [NO_POINTER_GESTURES(W)] },
    '2.5.2': { level: 'supports', remarks: 'Every action is a native button, link or form submission, activated on click (the up event); nothing acts on a down event.', evidence: [NO_POINTER_GESTURES(W)] },
    '2.5.3': { level: 'supports', remarks: 'Accessible names are the visible labels ("Tra cứu", "Mã hồ sơ"); axe\'s label-content-name-mismatch passes.', evidence: [FORM, AXE, TREES] },
    '2.5.4': { level: 'not applicable', remarks: 'Nothing is operated by moving the device.', evidence: [NO_MOTION(W)] },
    '3.1.1': { level: 'supports', remarks: 'The page\'s language is the portal\'s `<html lang>`; the widget speaks it (Vietnamese or English) and follows it when it changes, with nothing English left on a Vietnamese page.', evidence: [LANGUAGES, FOLLOWS_LANG] },
    '3.2.1': { level: 'supports', remarks: 'Nothing happens on focus alone: Tab only moves focus, in the keyboard test and in dvc-audit\'s Tab walk of every declared state.', evidence: [KEYBOARD, AUDIT_DEMO_PASSES] },
    '3.2.2': { level: 'supports', remarks: 'Typing changes nothing but the field; the lookup runs only on "Tra cứu" or Enter, and never as a native form submission (the address does not change).', evidence: [NO_NATIVE_SUBMIT, KEYBOARD] },
    '3.2.6': { level: 'not applicable', remarks: 'The widget offers no help mechanism of its own. Its `not-found-help` slot is where the portal puts its contact details after a failed lookup: keep that the same on every page.', evidence: [NOT_FOUND] },
    '3.3.1': { level: 'supports', remarks: 'Errors are found before any request and described in text next to each field ("Lỗi: Nhập mã hồ sơ"), with `aria-invalid` and a focused summary; lookup failures are alerts in words, in Vietnamese and English.', evidence: [ERRORS, FORMAT_ERRORS, NOT_FOUND, FAULTS] },
    '3.3.2': { level: 'supports', remarks: 'Both fields have labels, and the code a hint with its format and an example.', evidence: [FORM, TREES] },
    '4.1.2': { level: 'supports', remarks: 'Native form controls and buttons; states (`aria-invalid`, `aria-busy`) and names are in Chromium\'s accessibility tree as the snapshots show; axe\'s ARIA and name rules pass in every tested state.', evidence: [FORM, ERRORS, AXE, TREES] },
    '1.3.4': { level: 'supports', remarks: 'Works in portrait (320 × 800) and landscape (the runner\'s 800 × 600); nothing locks the orientation.', evidence: [FITS_320, FORM, NO_ORIENTATION_LOCK(W)] },
    '1.3.5': { level: 'not applicable', remarks: 'Neither field asks for one of the input purposes WCAG lists: a dossier code and a national identity number have no `autocomplete` token. The number has `autocomplete="off"` so browsers do not keep it.', evidence: [FORM] },
    '1.4.3': { level: 'supports', remarks: 'axe\'s color-contrast passes in every tested state with the default theme (text at least 4.5:1). A portal that changes the `--dvc-color-*` tokens must keep the contrast.', evidence: [AXE, AUDIT_DEMO_PASSES] },
    '1.4.4': { level: 'supports', remarks: 'Sizes are in rem and em; the widget reflows at 320 CSS px (the width of a 1280 px window at 400 % zoom) with nothing lost, which covers 200 % zoom. Text-only zoom (a larger default font size) is not tested.', evidence: [FITS_320, AUDIT_DEMO_PASSES] },
    '1.4.5': { level: 'not applicable', remarks: 'No images of text.', evidence: [NO_IMAGES_OF_TEXT(W)] },
    '1.4.10': { level: 'supports', remarks: 'At 320 CSS px nothing scrolls sideways and nothing sticks out, in the found-with-fees and validation states in both browsers, and in the four declared states in the demo portal (dvc-audit, Chromium).', evidence: [FITS_320, AUDIT_DEMO_STATES, AUDIT_DEMO_PASSES, AUDIT_FINDS_FAULTS] },
    '1.4.11': { level: 'supports', remarks: 'Measured in pixels on what the browser painted, in Chromium and Firefox ESR, default theme: both fields (plain and invalid), and every button that draws a box, against what each sits on, in the empty form, the form with its errors, and a result with "pay" or "evaluate": each at least 3:1 (field borders 4.8:1, buttons 8:1). Badges, notices and the error summary have real borders, which stay in forced colours (the CSS is checked in both browsers); dvc-audit finds every control visible in emulated forced colours and a focus indicator on every control (an outline of at least 3:1 against what is painted around it, or a change of colour of at least 3:1; the default outline, #0a4f9c, is 8.0:1 on white) (Chromium; Firefox cannot emulate forced colours). Status badges carry their status in words: their shapes are not needed to understand it. A portal that changes the `--dvc-color-*` tokens must keep the contrast.', evidence: [CONTRAST, CONTRAST_CHECKER, FORCED_COLOURS, AUDIT_DEMO_PASSES, AUDIT_FINDS_FAULTS] },
    '1.4.12': { level: 'supports', remarks: 'With WCAG\'s text spacing applied, nothing is clipped or overlaps in the four declared states (dvc-audit, Chromium); axe\'s avoid-inline-spacing passes in both browsers.', evidence: [AUDIT_DEMO_STATES, AUDIT_DEMO_PASSES, AUDIT_FINDS_FAULTS, AXE] },
    '1.4.13': { level: 'not applicable', remarks: 'Nothing appears on hover or focus.', evidence: [NO_HOVER_CONTENT(W)] },
    '2.4.5': { level: 'not applicable', remarks: 'About a set of pages: the portal\'s.' },
    '2.4.6': { level: 'supports', remarks: 'Labels say what to enter ("Mã hồ sơ", "Số định danh cá nhân"); the result heading is the procedure\'s name, sections are headed ("Phiếu xin lỗi và hẹn lại ngày trả kết quả"), the summary "Có lỗi cần khắc phục"; English on an English page.', evidence: [FORM, RESULT, APOLOGY, LANGUAGES] },
    '2.4.7': { level: 'supports', remarks: 'Every control shows a 3 px focus ring (`:focus-visible`); dvc-audit finds a focus indicator on each control that stands out 3:1 from what is around it, also in forced colours (Chromium), in the four declared states.', evidence: [AUDIT_DEMO_STATES, AUDIT_DEMO_PASSES, AUDIT_FINDS_FAULTS] },
    '2.4.11': { level: 'supports', remarks: 'Nothing in the widget can cover a focused control (no fixed or sticky content, dialogs or popovers), and focus moves bring their target into view. A portal\'s own sticky header can still cover it: that is the portal\'s.', evidence: [NO_FIXED_OVERLAYS(W), KEYBOARD] },
    '2.5.7': { level: 'not applicable', remarks: 'Nothing is dragged.', evidence: [NO_POINTER_GESTURES(W)] },
    '2.5.8': { level: 'supports', remarks: 'Buttons are at least 44 px high, fields and links at least 24 × 24 px: measured at 320 px in both browsers, by axe\'s target-size in every tested state, and by dvc-audit in the declared states.', evidence: [FITS_320, AXE, AUDIT_DEMO_PASSES] },
    '3.1.2': { level: 'supports', remarks: 'The widget\'s own words follow the page (vi or en), and its top-level elements carry the widget\'s language, so on a page in another language (e.g. `lang="fr"`) its Vietnamese fallback is marked `lang="vi"`. What the API sends is Vietnamese only: on an English page every element holding it carries `lang="vi"` — the procedure name heading the result, the receiving unit (a proper name, marked all the same), the apology\'s reason, the request for documents and each document, each fee\'s description (in "Fee: …" only the description), and the history\'s actions, units and notes. The test walks the whole shadow tree of a dossier showing all of these for any text or `aria-label` with Vietnamese letters outside `lang="vi"`, and that check is shown to fail. Not covered: the tests check the markup, not what a given screen reader then does; the history note is added to the API\'s answer in the test (the sandbox writes none).', evidence: [LANGUAGES, LANG_EN, LANG_FR, LANG_CHECK] },
    '3.2.3': { level: 'not applicable', remarks: 'About navigation repeated across pages: the portal\'s.' },
    '3.2.4': { level: 'supports', remarks: 'The same function has the same name and message in every widget: "Thử lại" / "Try again" and one sentence per failure (fault matrix), the same error summary pattern as the payment and the survey.', evidence: [FAULTS, PROBLEM_WORDS] },
    '3.3.3': { level: 'supports', remarks: 'Errors say how to fix them: the code\'s format with an example, "exactly 12 digits", how many seconds to wait after too many lookups. A failed lookup deliberately does not say which of the two was wrong (the security exception: it would tell whether a dossier exists).', evidence: [FORMAT_ERRORS, ERROR_WORDS, RATE_LIMIT, NOT_FOUND] },
    '3.3.4': { level: 'not applicable', remarks: 'A lookup commits nothing: no legal, financial or data change. "Thanh toán" hands over to `<dvc-payment>`, which is covered in its own report.' },
    '3.3.7': { level: 'supports', remarks: 'Nothing is asked twice: after a failure the typed code and number stay (not found, network, rate limit); a page can prefill the code (`code` attribute) and pass the signed-in citizen\'s number (`applicantId`), and then only the code is asked. "Tra cứu hồ sơ khác" empties the form on purpose.', evidence: [NETWORK, NOT_FOUND, PREFILL, FAULTS] },
    '3.3.8': { level: 'partially supports', remarks: 'The lookup asks for the dossier code and the identity number: the number is recalled, a knowledge check. Help the tests show: the code can be prefilled from a link and the number passed by a signed-in page (then it is not asked); both fields accept spaces, lower case and groups of digits. Nothing blocks pasting, but no test pastes; the number field has `autocomplete="off"` (privacy), so browsers do not offer to fill it.', evidence: [FORGIVING, PREFILL, test(LABELS, 'normalises codes typed with spaces, lower case or typographic dashes')] },
    '4.1.3': { level: 'supports', remarks: 'A polite status region says "Đang tra cứu hồ sơ…" while looking up and "Đã tìm thấy hồ sơ. Trạng thái: …" when found, without taking focus; failures are alerts, but for showing again, as the page opens, the dossier looked up before: that one is shown, not announced, until the citizen asks again; in Vietnamese and English.', evidence: [LOADING, STATUS_VI, ANNOUNCES] },
  },
  gaps: [
    'No test measures text-only zoom (1.4.4); forced colours are emulated in Chromium only.',
  ],
};
