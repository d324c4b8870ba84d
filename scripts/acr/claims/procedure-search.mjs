// <dvc-procedure-search>: WCAG 2.2 A/AA claims, each with the tests that show it (scripts/acr/evidence.mjs).
import {
  AUDIT_DEMO_PASSES, AUDIT_DEMO_STATES, AUDIT_FINDS_FAULTS, NO_CSS_REORDERING, NO_FIXED_OVERLAYS, NO_HOVER_CONTENT,
  NO_IMAGES_OF_TEXT, NO_KEY_HANDLERS, NO_MEDIA, NO_MOTION, NO_ORIENTATION_LOCK, NO_POINTER_GESTURES, ONLY_THE_SPINNER_MOVES,
  axeTests, standardMethods, test,
} from '../evidence.mjs';

const W = 'procedure-search';
const FILE = 'packages/elements/src/procedure-search/procedure-search.test.ts';
const JOURNEYS = 'packages/elements/src/procedure-search/procedure-search.journeys.test.ts';
const TREE = 'packages/elements/src/procedure-search/procedure-search.a11y-tree.test.ts';
const SR = 'packages/elements/src/procedure-search/procedure-search.screen-reader.test.ts';

const t = (title) => test(FILE, title);
const j = (title) => test(JOURNEYS, title);
const AXE = axeTests('packages/elements/src/procedure-search/procedure-search*.test.ts', [
  'renders a labelled search box and passes axe before any search', 'shows the empty state for a nonsense query',
  'shows the localised network error with a working "Thử lại" button', 'passes axe with results shown',
  'filters by level, field and online service', 'pages by keyboard: focus moves to the results heading',
  'opens a detail in place with every section', 'keeps the newer answer when an older, slower one arrives later',
  'offers voice search where the browser recognises speech', 'says what to type when Search is pressed with nothing to search for',
  'lists a filter value that would find nothing',
]);
const TREES = test(TREE, /accessibility tree$/, { label: 'accessibility-tree snapshots of each state, vi and en' });
const ANNOUNCES = test(SR, /announce/, { label: 'live-region announcements, vi and en' });
const FAULTS = test('packages/elements/src/security/faults.test.ts', '<dvc-procedure-search> ×', { label: 'fault matrix: the search × 500, 503, timeout, offline, 429, slow, malformed JSON, vi and en' });

const LABELLED = t('renders a labelled search box and passes axe before any search');
const MARKS = t('finds "Thủ tục đăng ký khai sinh" for "dang ky khai sinh" and marks the matched words');
const COUNT = t('announces the count in Vietnamese, then in English after <html lang="en">');
const SINGULAR = t('uses the singular in English for one result');
const NETWORK = t('shows the localised network error with a working "Thử lại" button, and passes axe');
const DEBOUNCE = t('debounces typing and never lets an older answer replace a newer one');
const KEYBOARD = t('works from the keyboard: Tab to the box, type, Enter searches at once');
const NOTHING_TO_SEARCH = t('says what to type when Search is pressed with nothing to search for: the error summary, focused, and the field\'s own line');
const TOO_LONG = t('keeps a paste longer than the search takes whole, says so at the box, searches nothing until it is shortened');
const FILTERS = j('filters by level, field and online service, with facet counts, and clears them');
const PAGING = j('pages by keyboard: focus moves to the results heading and the page is announced');
const DETAIL = j('opens a detail in place with every section, and Back returns focus to the item');
const KEYBOARD_ALONE = j('is usable by keyboard alone: search, open a result, come back');
const LOADING = j('keeps the newer answer when an older, slower one arrives later (race)');
const SYNC_URL = j('mirrors the search in the URL with sync-url, and restores it from a shared link');
const READ_ALOUD = j('offers read aloud in the detail where speech synthesis exists, and hides it where not');
const HEADING_LEVELS = j('takes its heading levels from heading-level, keeping the detail\'s two levels of sub-headings within h6');
const VOICE = j('offers voice search where the browser recognises speech, listening in Vietnamese on a Vietnamese and an English page, and hides it where not');
const HOSTILE = test('packages/elements/src/security/hostile-data.test.ts', '<dvc-procedure-search>: names, fields and facets in the list; every text of every detail; only http(s) form links');
const LANGUAGE = 'packages/elements/src/procedure-search/procedure-search.language.test.ts';
const LANG_EN = test(LANGUAGE, [
  'marks the catalogue\'s text lang="vi" on an English page: results, filters and a detail',
  'marks every kind of detail text, and only the form\'s name in "Download the form: …", on an English page',
], { label: 'on an English page every Vietnamese text and aria-label in the results, filters and details is inside lang="vi"' });
const LANG_SPEECH = test(LANGUAGE, 'reads the catalogue\'s text with a Vietnamese voice and its own words with an English one, on an English page');
const LANG_FR = test(LANGUAGE, 'says lang="vi" on its outer elements on a French page, where it shows Vietnamese');
const LANG_CHECK = test('packages/elements/src/test-support/language-of-parts.test.ts', 'lists Vietnamese text and aria-labels not marked lang="vi"');
const DETAIL_FOCUS = test(SR, 'moves focus to the procedure\'s heading when its detail opens');
const RETRY_FOCUS = test(SR, /^"Try again" pressed after a failed search|^a detail that fails to open|^a citizen who moved on while a detail loads/,
  { label: 'focus after "Try again", a detail that fails to open, and one that comes after the citizen moved on, vi and en' });
const PROBLEM_WORDS = test('packages/elements/src/shared/problem-messages.test.ts', 'has a distinct Vietnamese and English message for every problem code');
const FOLLOWS_LANG = test('packages/elements/src/shared/locale.test.ts', 'follows <html lang> changes');

const REFLOW = test('packages/elements/src/procedure-search/procedure-search.reflow.test.ts', /fits 320 px, targets of 24 px$/, { label: '320 px: initial, results, long names, details, empty, error, vi and en' });
const TEXT_200 = test('packages/elements/src/procedure-search/procedure-search.reflow.test.ts', /do not scroll sideways, and words and codes stay whole|on the first screen after a search/, { label: '360 × 800 with text at 200 %: the box, results and a detail fit, words and codes whole; results, loading and no results on the first screen, the filters folded; vi and en' });
const NOT_FOUND_ONCE = test('packages/elements/src/procedure-search/procedure-search.reflow.test.ts', /once, in its live region/, { label: '"No procedures found" said once, vi and en' });
const VOICE_PROBLEMS = j('says politely, beside the button and in the page\'s language, why voice search heard nothing: no speech, microphone refused, no microphone, no recognition service');
const REFLOW_CHECKER = test('packages/elements/src/test-support/reflow.test.ts', /./, { label: 'the 320 px check itself: catches sideways scrolling, content past its box and small targets; passes named scroll regions and spaced targets' });
const CONTRAST = test('packages/elements/src/procedure-search/procedure-search.contrast.test.ts', /at least 3:1$/, { label: 'non-text contrast measured in pixels: before a search, results with paging, a detail, a failure with its retry' });
const CONTRAST_CHECKER = test('packages/elements/src/test-support/non-text-contrast.test.ts', /^(fails a field|measures against what the control sits on|leaves out a button)/, { label: 'the checker itself: fails a faint border, measures against the real surroundings, leaves out text-only buttons' });

export default {
  widget: W,
  tag: 'dvc-procedure-search',
  title: 'Procedure search',
  description: 'Searches the catalogue of administrative procedures (with or without Vietnamese diacritics), filters by level, field, agency and online service with counts, pages through results, opens a procedure\'s detail in place; optional read aloud and voice search; Vietnamese and English.',
  scope: `The widget alone, as a portal embeds it, in the states its tests drive it into: before any search, results, no results, loading, filters, paging, the detail, network and server failures, read aloud and voice search, in Vietnamese and English, at the runner's 800 × 600 CSS px. dvc-audit's tour on the demo portal adds the states the widget declares (initial, validation-errors, results, no-results, detail) in a real page, at 320 px among others. The portal's own page (title, landmarks, skip links, language, the help it offers) is outside this report.`,
  methods: standardMethods({ widget: W, axe: AXE, tree: TREES, announces: ANNOUNCES, keyboard: [KEYBOARD, KEYBOARD_ALONE, PAGING], audit: 'the states initial, validation-errors, results, no-results and detail (asserted reached)' }),
  claims: {
    '1.1.1': { level: 'supports', remarks: 'No images but the loading spinner, decorative and hidden (`aria-hidden`) beside the words "Đang tải…"; the online level is a text badge. axe\'s image rules pass in every tested state.', evidence: [NETWORK, AXE, TREES] },
    '1.2.1': { level: 'not applicable', remarks: 'No audio or video. Read aloud is the browser\'s speech synthesis of text already on screen, not prerecorded media.', evidence: [NO_MEDIA(W)] },
    '1.2.2': { level: 'not applicable', remarks: 'No audio or video.', evidence: [NO_MEDIA(W)] },
    '1.2.3': { level: 'not applicable', remarks: 'No audio or video.', evidence: [NO_MEDIA(W)] },
    '1.2.4': { level: 'not applicable', remarks: 'No live audio or video.', evidence: [NO_MEDIA(W)] },
    '1.2.5': { level: 'not applicable', remarks: 'No video.', evidence: [NO_MEDIA(W)] },
    '1.3.1': { level: 'supports', remarks: 'The search box and filters have labels (option texts carry the counts); results are a list, each name a button; the detail is an article under a heading whose level follows `heading-level` (default 2), with headed sections, and the fees a table with a caption and `th scope`; paging is a navigation landmark with `aria-current="page"`.', evidence: [LABELLED, FILTERS, DETAIL, PAGING, AXE, TREES, HEADING_LEVELS] },
    '1.3.2': { level: 'supports', remarks: 'Reading order is the DOM order (no CSS reordering): box, filters, count, results, paging; Tab follows it and dvc-audit\'s focus-order check finds nothing out of page order.', evidence: [KEYBOARD_ALONE, AUDIT_DEMO_STATES, AUDIT_DEMO_PASSES, NO_CSS_REORDERING(W)] },
    '1.3.3': { level: 'supports', remarks: 'The one instruction is the box\'s label, "Tìm thủ tục hành chính"; nothing refers to shape, colour, position or sound.', evidence: [LABELLED] },
    '1.4.1': { level: 'supports', remarks: 'Matched words are bold as well as highlighted; the online level is written on its badge; the current page is filled, bold and `aria-current`.', evidence: [MARKS, PAGING, AXE] },
    '1.4.2': { level: 'not applicable', remarks: 'Nothing plays by itself: read aloud speaks the detail only when its button is pressed, and stops when it is pressed again (its label then says "Stop reading").', evidence: [READ_ALOUD, NO_MEDIA(W)] },
    '2.1.1': { level: 'supports', remarks: 'Tab to the box, type, Enter searches; Tab to a result, Enter opens it; Shift+Tab to "Back", Enter returns; Enter on "Trang sau" pages. Filters, read aloud and voice search are native selects and buttons (the tests set the filters by script, not by keys). dvc-audit reaches every control of each declared state with real Tab presses.', evidence: [KEYBOARD, KEYBOARD_ALONE, PAGING, AUDIT_DEMO_STATES, AUDIT_DEMO_PASSES] },
    '2.1.2': { level: 'supports', remarks: 'No key is intercepted, so Tab always moves on; dvc-audit\'s keyboard-trap check passes in every declared state.', evidence: [KEYBOARD_ALONE, AUDIT_DEMO_PASSES, NO_KEY_HANDLERS(W)] },
    '2.1.4': { level: 'not applicable', remarks: 'No keyboard shortcuts.', evidence: [NO_KEY_HANDLERS(W)] },
    '2.2.1': { level: 'not applicable', remarks: 'No time limit. Typing searches after a short pause, which updates the results; it limits nothing the citizen does.', evidence: [DEBOUNCE] },
    '2.2.2': { level: 'supports', remarks: 'The only moving content is the loading spinner, shown only while a search runs and gone with the answer or, at the latest, with the timeout message after 10 s: a progress indicator. It stops under `prefers-reduced-motion` (not tested).', evidence: [LOADING, FAULTS, ONLY_THE_SPINNER_MOVES(W)] },
    '2.3.1': { level: 'not applicable', remarks: 'Nothing flashes: the one animation is the spinner\'s rotation.', evidence: [ONLY_THE_SPINNER_MOVES(W)] },
    '2.4.1': { level: 'not applicable', remarks: 'A page-level criterion: skip links and landmarks are the portal\'s. Within the widget, the results and the detail start with a heading, and paging is a navigation landmark.', evidence: [PAGING] },
    '2.4.2': { level: 'not applicable', remarks: 'The widget never sets the document title, also when `sync-url` puts the search in the address.' },
    '2.4.3': { level: 'supports', remarks: 'Focus goes to the results heading after paging, to the detail\'s title when it opens and back to the result when it closes; the search form leaves the Tab order while the detail is open. When the button pressed goes away while a request runs ("Thử lại", a result whose detail loads), focus waits on the results heading or "Đang tải…", then goes to the title or to the new "Thử lại", unless the citizen has moved elsewhere meanwhile. No positive `tabindex` (dvc-audit).', evidence: [PAGING, DETAIL, DETAIL_FOCUS, RETRY_FOCUS, KEYBOARD_ALONE, AUDIT_DEMO_PASSES] },
    '2.4.4': { level: 'supports', remarks: 'The only links are the detail\'s form downloads, each named by the form ("Tải mẫu đơn: …"); a form address that is not http(s) is no link at all. Link names pass axe.', evidence: [HOSTILE, DETAIL, AXE] },
    '2.5.1': { level: 'not applicable', remarks: 'No multipoint or path-based gestures.', evidence: [NO_POINTER_GESTURES(W)] },
    '2.5.2': { level: 'supports', remarks: 'Every action is a native button, select or form submission, activated on click (the up event); nothing acts on a down event.', evidence: [NO_POINTER_GESTURES(W)] },
    '2.5.3': { level: 'supports', remarks: 'Names are the visible words; a page button shows "2" and is named "Trang 2", which contains it. axe\'s label-content-name-mismatch passes.', evidence: [LABELLED, PAGING, AXE, TREES] },
    '2.5.4': { level: 'not applicable', remarks: 'Nothing is operated by moving the device (voice search uses the microphone, on a button press).', evidence: [NO_MOTION(W)] },
    '3.1.1': { level: 'supports', remarks: 'The page\'s language is the portal\'s `<html lang>`; the widget speaks it (Vietnamese or English), follows it when it changes. Voice search listens for Vietnamese on any page, because the catalogue it searches is Vietnamese only.', evidence: [COUNT, VOICE, FOLLOWS_LANG] },
    '3.2.1': { level: 'supports', remarks: 'Nothing happens on focus alone: Tab walks through the box, filters and results without changing anything (keyboard test, dvc-audit\'s Tab walk).', evidence: [KEYBOARD_ALONE, AUDIT_DEMO_PASSES] },
    '3.2.2': { level: 'supports', remarks: 'Typing and choosing a filter update the results below the controls (a change of content, announced politely), and with `sync-url` the address through the History API: no new page, no focus move. A detail opens only when a result is activated.', evidence: [FILTERS, DEBOUNCE, SYNC_URL, COUNT] },
    '3.2.6': { level: 'not applicable', remarks: 'The widget offers no help mechanism; the portal\'s help is the portal\'s.' },
    '3.3.1': { level: 'supports', remarks: 'The two input errors, Search pressed with nothing to search for and a text longer than the search takes (200 characters, kept whole, never cut), are said in words: the box has its own line ("Lỗi: …") and is marked `aria-invalid` (a long text as soon as it is there, said politely), and when Search is pressed an error summary ("Có lỗi cần khắc phục"), focused and announced as an alert, links to the box. Failures of the API are alerts in words with "Thử lại", in Vietnamese and English.', evidence: [NOTHING_TO_SEARCH, TOO_LONG, ANNOUNCES, NETWORK, FAULTS] },
    '3.3.2': { level: 'supports', remarks: 'The box is labelled "Tìm thủ tục hành chính", each filter by what it filters.', evidence: [LABELLED, FILTERS, TREES] },
    '4.1.2': { level: 'supports', remarks: 'Native controls; the read-aloud and voice-search buttons say in their label what a press does ("Read aloud" / "Stop reading"), without `aria-pressed` beside a changing label, the current page `aria-current`, the results region `aria-busy` while loading; names, roles and states are in Chromium\'s accessibility tree as the snapshots show; axe\'s ARIA and name rules pass.', evidence: [READ_ALOUD, PAGING, NETWORK, AXE, TREES] },
    '1.3.4': { level: 'supports', remarks: 'Works in portrait (320 × 640 in dvc-audit) and landscape (the runner\'s 800 × 600); nothing locks the orientation.', evidence: [AUDIT_DEMO_PASSES, LABELLED, NO_ORIENTATION_LOCK(W)] },
    '1.3.5': { level: 'not applicable', remarks: 'The search box asks nothing about the citizen.' },
    '1.4.3': { level: 'supports', remarks: 'axe\'s color-contrast passes in every tested state with the default theme (text at least 4.5:1, matched words included). A portal that changes the `--dvc-color-*` tokens must keep the contrast.', evidence: [AXE, AUDIT_DEMO_PASSES] },
    '1.4.4': { level: 'supports', remarks: 'Sizes are in rem and em. On a 360 × 800 CSS px phone with the text at 200 % nothing scrolls sideways (the search box, results, a detail with six fee rows), words and codes stay whole, and after a search the results, the loading line and "no results" are on the first screen: the microphone sits beside the box and the filters fold into a "Bộ lọc" disclosure (open on wide screens). The widget also reflows at 320 CSS px (a 1280 px window at 400 % zoom; dvc-audit, Chromium).', evidence: [TEXT_200, AUDIT_DEMO_STATES, AUDIT_DEMO_PASSES] },
    '1.4.5': { level: 'not applicable', remarks: 'No images of text.', evidence: [NO_IMAGES_OF_TEXT(W)] },
    '1.4.10': { level: 'supports', remarks: 'At 320 × 640 CSS px, in both browsers, vi and en, nothing scrolls sideways or spills out of its box: before a search, results with filters and pages, the longest name in the catalogue, a name with a web address, the heaviest detail (six fee rows, legal bases), a crowded detail (fee lists, forms, long legal titles, web addresses), no results with and without filters, an error. Words wrap whole; only a word longer than the line (a web address written out) breaks where it must, and a form\'s address anywhere; codes never break. dvc-audit adds the four declared states in the demo portal (Chromium).', evidence: [REFLOW, REFLOW_CHECKER, AUDIT_DEMO_STATES, AUDIT_DEMO_PASSES, AUDIT_FINDS_FAULTS] },
    '1.4.11': { level: 'supports', remarks: 'Measured in pixels on what the browser painted, in Chromium and Firefox ESR, default theme: the search box, the four filters and every button that draws a box (search, voice, clear filters, paging, retry), against what each sits on, before a search, with results, in a detail and after a failure: each at least 3:1 (borders 4.8:1, buttons 8:1). Result names are text buttons, identified by their text (1.4.3). dvc-audit finds every control visible in emulated forced colours (badges get borders there) and a focus indicator on every control (an outline of at least 3:1 against what is painted around it, or a change of colour of at least 3:1; the default outline, #0a4f9c, is 8.0:1 on white) (Chromium; Firefox cannot emulate forced colours). A portal that changes the `--dvc-color-*` tokens must keep the contrast.', evidence: [CONTRAST, CONTRAST_CHECKER, AUDIT_DEMO_PASSES, AUDIT_FINDS_FAULTS] },
    '1.4.12': { level: 'supports', remarks: 'With WCAG\'s text spacing applied nothing is clipped or overlaps in the four declared states (dvc-audit, Chromium); axe\'s avoid-inline-spacing passes in both browsers.', evidence: [AUDIT_DEMO_STATES, AUDIT_DEMO_PASSES, AUDIT_FINDS_FAULTS, AXE] },
    '1.4.13': { level: 'not applicable', remarks: 'Nothing appears on hover or focus.', evidence: [NO_HOVER_CONTENT(W)] },
    '2.4.5': { level: 'not applicable', remarks: 'About a set of pages: the portal\'s (the search is itself one of the ways it offers).' },
    '2.4.6': { level: 'supports', remarks: 'The box\'s label, the results heading, the detail\'s title (the procedure) and its section headings ("Thời hạn giải quyết và phí, lệ phí", "Giấy tờ cần nộp", "Trình tự thực hiện", "Căn cứ pháp lý") say what follows.', evidence: [LABELLED, DETAIL, PAGING] },
    '2.4.7': { level: 'supports', remarks: 'Every control shows a 3 px focus ring (`:focus-visible`); dvc-audit finds a focus indicator on each control that stands out 3:1 from what is around it, also in forced colours (Chromium), in the four declared states.', evidence: [AUDIT_DEMO_STATES, AUDIT_DEMO_PASSES, AUDIT_FINDS_FAULTS] },
    '2.4.11': { level: 'supports', remarks: 'Nothing in the widget can cover a focused control (no fixed or sticky content, dialogs or popovers); focus moves bring their target into view. A portal\'s own sticky header can still cover it: that is the portal\'s.', evidence: [NO_FIXED_OVERLAYS(W), PAGING, DETAIL] },
    '2.5.7': { level: 'not applicable', remarks: 'Nothing is dragged.', evidence: [NO_POINTER_GESTURES(W)] },
    '2.5.8': { level: 'supports', remarks: 'Buttons are at least 44 px high, result names (text buttons) at least 24 px, measured at 320 px in every state above in both browsers (or spaced as 2.5.8 allows); axe\'s target-size passes in every tested state in both browsers, and dvc-audit\'s in the declared states.', evidence: [REFLOW, AXE, AUDIT_DEMO_PASSES, AUDIT_FINDS_FAULTS] },
    '3.1.2': { level: 'supports', remarks: 'The widget\'s own words follow the page (vi or en), and its top-level elements carry the widget\'s language, so on a page in another language (e.g. `lang="fr"`) its Vietnamese fallback is marked `lang="vi"`. The catalogue is Vietnamese only: on an English page every element holding its text carries `lang="vi"` — result names (the button, whose `aria-label` is the name), fields, agencies and field filter options, the detail\'s heading, fees\' descriptions, processing times in the agency\'s own words, documents, steps, eligibility, requirements, results and legal texts; in a sentence of the widget\'s ("Download the form: …") only the API\'s part is. The tests walk the whole shadow tree for any text or `aria-label` with Vietnamese letters outside `lang="vi"`, and that check is shown to fail. Read aloud speaks the catalogue\'s parts with a vi-VN utterance and the widget\'s words with the page\'s. Not covered: the tests check the markup, not what a given screen reader or installed voice then does (a browser without a Vietnamese voice reads vi-VN with its default one), and Vietnamese inside closed selects\' options depends on the screen reader honouring `lang` there.', evidence: [COUNT, LANG_EN, LANG_SPEECH, LANG_FR, LANG_CHECK] },
    '3.2.3': { level: 'not applicable', remarks: 'About navigation repeated across pages: the portal\'s.' },
    '3.2.4': { level: 'supports', remarks: 'The same function has the same name and message in every widget: "Thử lại" / "Try again" and one sentence per failure (fault matrix).', evidence: [FAULTS, PROBLEM_WORDS] },
    '3.3.3': { level: 'supports', remarks: 'Each input error says how to put it right: what to type, with an example ("Nhập một vài từ trong tên thủ tục cần tìm, ví dụ “khai sinh”"), or how long the text may be and how long it is ("Nội dung tìm kiếm tối đa 200 ký tự. Hiện có 601 ký tự."). An empty result says so ("Không tìm thấy thủ tục nào") and suggests fewer words; it is not an error.', evidence: [NOTHING_TO_SEARCH, TOO_LONG] },
    '3.3.4': { level: 'not applicable', remarks: 'Searching commits nothing.' },
    '3.3.7': { level: 'supports', remarks: 'The query and filters stay through a failure and "Thử lại", through opening a detail and coming back, and with `sync-url` in the address (a reload or a shared link restores them).', evidence: [FAULTS, DETAIL, SYNC_URL] },
    '3.3.8': { level: 'not applicable', remarks: 'No authentication.' },
    '4.1.3': { level: 'supports', remarks: 'A polite status region says the result count ("Tìm thấy 12 thủ tục", singular and plural in English) and the page ("Trang 2/5") without taking focus; "Không tìm thấy thủ tục nào" is said there once, the empty view giving what to try next; voice search says in a polite live region beside its button why it heard nothing (no speech, microphone refused, no microphone, not available); failures are alerts; in Vietnamese and English.', evidence: [COUNT, SINGULAR, PAGING, ANNOUNCES, NOT_FOUND_ONCE, VOICE_PROBLEMS] },
  },
  gaps: [
    'Text spacing and focus visibility rest on dvc-audit\'s Chromium run of the demo portal.',
  ],
};
