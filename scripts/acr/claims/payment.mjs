// <dvc-payment>: WCAG 2.2 A/AA claims, each with the tests that show it (scripts/acr/evidence.mjs).
import {
  AUDIT_DEMO_PASSES, AUDIT_DEMO_STATES, AUDIT_FINDS_FAULTS, NO_CSS_REORDERING, NO_FIXED_OVERLAYS, NO_HOVER_CONTENT,
  NO_IMAGES_OF_TEXT, NO_KEY_HANDLERS, NO_MEDIA, NO_MOTION, NO_ORIENTATION_LOCK, NO_POINTER_GESTURES, ONLY_THE_SPINNER_MOVES,
  axeTests, standardMethods, test,
} from '../evidence.mjs';

const W = 'payment';
const FILE = 'packages/elements/src/payment/payment.test.ts';
const JOURNEYS = 'packages/elements/src/payment/payment.journeys.test.ts';
const TREE = 'packages/elements/src/payment/payment.a11y-tree.test.ts';
const SR = 'packages/elements/src/payment/payment.screen-reader.test.ts';

const t = (title) => test(FILE, title);
const j = (title) => test(JOURNEYS, title);
const AXE = axeTests('packages/elements/src/payment/payment*.test.ts', [
  'asks for the 12-digit identity number', 'shows one charge line by line', 'shows a charge and a fee with their kinds',
  'passes axe while loading', 'says when a dossier has nothing to pay', 'shows a paid dossier\'s receipt numbers',
  'without a dossier code it says there is nothing to pay for', 'shows the localised network error with a working "Thử lại"',
  'a 503 while paying', 'amount changed: explains it', 'while the page handles the gateway itself',
  'without preventDefault it navigates to the payment\'s gateway address',
  'success: receipts per fee kind', 'failure: the reason in the payer\'s language', 'cancel: says it was cancelled',
  'pending on return: polls with backoff', 'in English: amounts and words per locale',
]);
const TREES = test(TREE, /accessibility tree$/, { label: 'accessibility-tree snapshots of each state, vi and en' });
const ANNOUNCES = test(SR, /announce/, { label: 'live-region announcements, vi and en' });
const FAULTS = test('packages/elements/src/security/faults.test.ts', '<dvc-payment> ×', { label: 'fault matrix: paying and checking the result × 500, 503, timeout, offline, 429, slow, malformed JSON, vi and en' });

const ASK = t('asks for the 12-digit identity number (numeric keypad), with errors in the GOV.UK pattern, and passes axe');
const DUE = t('shows one charge line by line, the total and the method choice, with the amount on the pay button (vi), and passes axe');
const FITS_320 = t('shows a charge and a fee with their kinds, in English with English amounts, and fits 320 px');
const LOADING = t('passes axe while loading');
const PAID_BEFORE = t('shows a paid dossier\'s receipt numbers and receipt link instead of a pay button, and passes axe');
const PAID_ELSEWHERE = t('paid meanwhile elsewhere (409 payment_already_paid): shows the receipts, never a second payment');
const NETWORK = t('shows the localised network error with a working "Thử lại", and passes axe');
const SERVER_ERROR = t('a 503 while paying: a localised message; "Thử lại" pays once, with the same Idempotency-Key');
const AMOUNT_CHANGED = t('amount changed: explains it, shows the new amount, drops the old key, and the payer confirms again');
const PAGE_HANDLES = t('while the page handles the gateway itself (cancelled dvc-payment-started): a "complete your payment" view, and axe');
const REDIRECT = t('without preventDefault it navigates to the payment\'s gateway address (redirecting view passes axe)');
const DOUBLE_CLICK = t('a double click makes exactly one payment');
const RELOAD = t('a reload before the gateway finds the same payment (sessionStorage key)');
const KEYBOARD = t('works from the keyboard alone: number, method, pay, check the result, receipt');
const SUCCESS = j('success: receipts per fee kind, a receipt link, dvc-payment-succeeded, and the address bar cleaned of vnp_*');
const FAILURE = j('failure: the reason in the payer\'s language, dvc-payment-failed, and "Pay again" makes a new payment');
const CANCEL = j('cancel: says it was cancelled, nothing paid, and offers "Pay again"');
const RELOAD_AFTER = j('return lost and the payer reloads the page without parameters: the payment this tab started is found paid');
const PENDING = j('pending on return: polls with backoff, then says plainly the result is not known yet; "Check again" finds it paid');
const ENGLISH = j('in English: amounts and words per locale through the whole journey');
const DUE_EN_TREE = test(TREE, 'methods listed (en): accessibility tree');
const LANGUAGE = 'packages/elements/src/payment/payment.language.test.ts';
const LANG_EN = test(LANGUAGE, 'marks the procedure name, the fee descriptions and a Vietnamese-only method name lang="vi" on an English page');
const LANG_FR = test(LANGUAGE, 'says lang="vi" on its outer elements on a French page, where it shows Vietnamese');
const LANG_CHECK = test('packages/elements/src/test-support/language-of-parts.test.ts', 'lists Vietnamese text and aria-labels not marked lang="vi"');
const PROBLEM_WORDS = test('packages/elements/src/shared/problem-messages.test.ts', 'has a distinct Vietnamese and English message for every problem code');
const FOLLOWS_LANG = test('packages/elements/src/shared/locale.test.ts', 'follows <html lang> changes');

const REFLOW = test('packages/elements/src/payment/payment.reflow.test.ts', /fits 320 px, targets of 24 px$/, { label: '320 px after the gateway: paid, failed, cancelled, not known yet, already paid, vi and en' });
const TEXT_200 = test('packages/elements/src/payment/payment.reflow.test.ts', /stacks its lines, nothing scrolls sideways|receipts' dates: nothing scrolls sideways/, { label: '360 × 800 with text at 200 %: what is due, its lines stacked, and paid; vi and en' });
const REFLOW_CHECKER = test('packages/elements/src/test-support/reflow.test.ts', /./, { label: 'the 320 px check itself: catches sideways scrolling, content past its box and small targets; passes named scroll regions and spaced targets' });
const CONTRAST = test('packages/elements/src/payment/payment.contrast.test.ts', /at least 3:1$/, { label: 'non-text contrast measured in pixels: the identity number form empty and with its error, the methods unchosen and chosen, a failed payment' });
const CONTRAST_CHECKER = test('packages/elements/src/test-support/non-text-contrast.test.ts', /^(fails a field|measures against what the control sits on|leaves out a button)/, { label: 'the checker itself: fails a faint border, measures against the real surroundings, leaves out text-only buttons' });

export default {
  widget: W,
  tag: 'dvc-payment',
  title: 'Payment',
  description: 'Pays a dossier\'s charges and fees: asks for the identity number when the page has none, shows what is due line by line with the total, the method choice and the amount on the pay button, hands over to the payment gateway (VNPay or MoMo), and on return shows the outcome and the receipts; one payment per attempt, recovery when the return is lost; Vietnamese and English.',
  scope: `The widget alone, as a portal embeds it, in the states its tests drive it into: asking for the identity number (with errors), loading, what is due, nothing due, already paid, the hand-over to the gateway, and after the sandbox's simulated gateway success, failure, cancel, a lost return and a pending result, with network and server failures, in Vietnamese and English, at 800 × 600 and 320 × 700 CSS px. dvc-audit's tour on the demo portal adds the states the widget declares (ask, validation-errors, due, method-chosen, nothing-due, lookup-error) in a real page, at 320 px among others. The gateway's own pages (where the payer authenticates with the bank and confirms) are the gateway's and outside this report, as is the portal's page.`,
  methods: standardMethods({ widget: W, axe: AXE, tree: TREES, announces: ANNOUNCES, keyboard: [KEYBOARD], audit: 'the six states it declares: ask, validation-errors, due, method-chosen, nothing-due and lookup-error (paying itself is not toured: it leaves for the gateway)' }),
  claims: {
    '1.1.1': { level: 'supports', remarks: 'No images but the loading spinner, decorative and hidden (`aria-hidden`) beside the words "Đang tải…"; methods, outcomes and receipts are text. axe\'s image rules pass in every tested state.', evidence: [LOADING, AXE, TREES] },
    '1.2.1': { level: 'not applicable', remarks: 'No audio or video.', evidence: [NO_MEDIA(W)] },
    '1.2.2': { level: 'not applicable', remarks: 'No audio or video.', evidence: [NO_MEDIA(W)] },
    '1.2.3': { level: 'not applicable', remarks: 'No audio or video.', evidence: [NO_MEDIA(W)] },
    '1.2.4': { level: 'not applicable', remarks: 'No live audio or video.', evidence: [NO_MEDIA(W)] },
    '1.2.5': { level: 'not applicable', remarks: 'No video.', evidence: [NO_MEDIA(W)] },
    '1.3.1': { level: 'supports', remarks: 'What is due is a table with a caption, `th scope` and the total in its footer; the methods are native radios in a fieldset with a legend; the number field has a label, its error tied by `aria-describedby`; each state is a section under a heading whose level follows `heading-level` (default 2); receipts are a list.', evidence: [DUE, ASK, SUCCESS, AXE, TREES] },
    '1.3.2': { level: 'supports', remarks: 'Reading order is the DOM order (no CSS reordering): heading, what is due, methods, pay button; Tab follows it, and dvc-audit\'s focus-order check finds nothing out of page order in the six declared states.', evidence: [KEYBOARD, AUDIT_DEMO_STATES, AUDIT_DEMO_PASSES, NO_CSS_REORDERING(W)] },
    '1.3.3': { level: 'supports', remarks: 'Instructions name the field and what to enter ("Số định danh cá nhân", 12 digits), the methods by name ("Thẻ ATM / Mã QR ngân hàng", "Ví điện tử MoMo"); nothing refers to shape, colour, position or sound.', evidence: [ASK, DUE] },
    '1.4.1': { level: 'supports', remarks: 'Outcomes are said in headings ("Thanh toán thành công", "Thanh toán không thành công", "Đã hủy thanh toán"), errors in words beside the field; the chosen method is a native radio\'s checked state; links are underlined (axe link-in-text-block).', evidence: [SUCCESS, FAILURE, CANCEL, ASK, AXE] },
    '1.4.2': { level: 'not applicable', remarks: 'No audio.', evidence: [NO_MEDIA(W)] },
    '2.1.1': { level: 'supports', remarks: 'The whole journey works from the keyboard: Tab to the number, type, Enter; Tab to the methods, arrows choose; Tab to pay, Enter; after the gateway Tab to "Kiểm tra kết quả", Enter; Tab to the receipt link. dvc-audit reaches every control of the six declared states with real Tab presses.', evidence: [KEYBOARD, AUDIT_DEMO_STATES, AUDIT_DEMO_PASSES] },
    '2.1.2': { level: 'supports', remarks: 'No key is intercepted, so Tab always moves on; dvc-audit\'s keyboard-trap check passes in the six declared states.', evidence: [KEYBOARD, AUDIT_DEMO_PASSES, NO_KEY_HANDLERS(W)] },
    '2.1.4': { level: 'not applicable', remarks: 'No keyboard shortcuts.', evidence: [NO_KEY_HANDLERS(W)] },
    '2.2.1': { level: 'not applicable', remarks: 'The widget sets no time limit. Waiting for the gateway\'s result is bounded (about 45 s of checks), then the widget says the result is not known yet and "Kiểm tra lại" checks again whenever the payer wants. The gateway\'s own session limit is the gateway\'s; a payment that failed or was cancelled there can be made again ("Thanh toán lại").', evidence: [PENDING, CANCEL] },
    '2.2.2': { level: 'supports', remarks: 'The only moving content is the loading spinner, shown only while a request runs and gone with the answer or, at the latest, with a message (a request\'s timeout after 10 s, the result check after its budget): a progress indicator. It stops under `prefers-reduced-motion` (not tested).', evidence: [LOADING, PENDING, ONLY_THE_SPINNER_MOVES(W)] },
    '2.3.1': { level: 'not applicable', remarks: 'Nothing flashes: the one animation is the spinner\'s rotation.', evidence: [ONLY_THE_SPINNER_MOVES(W)] },
    '2.4.1': { level: 'not applicable', remarks: 'A page-level criterion: skip links and landmarks are the portal\'s. The widget is one section under one heading.', evidence: [DUE] },
    '2.4.2': { level: 'not applicable', remarks: 'The widget never sets the document title; the gateway is another site with its own.' },
    '2.4.3': { level: 'supports', remarks: 'After each step the payer asked for, focus goes to the new state\'s heading (what is due, payment started, paid, failed, not known yet); on errors to the error summary, whose link takes focus to the field. Reached on page load without an action, the widget leaves focus where the page had it.', evidence: [ASK, DUE, KEYBOARD, SUCCESS, AUDIT_DEMO_PASSES] },
    '2.4.4': { level: 'supports', remarks: 'The receipt link says what it does and that it opens a new tab ("Xem và in biên lai (mở trong thẻ mới)"); the gateway link and the error summary\'s link say where they go. Link names pass axe.', evidence: [PAID_BEFORE, SUCCESS, REDIRECT, AXE] },
    '2.5.1': { level: 'not applicable', remarks: 'No multipoint or path-based gestures.', evidence: [NO_POINTER_GESTURES(W)] },
    '2.5.2': { level: 'supports', remarks: 'Every action is a native button, radio, link or form submission, activated on click (the up event); nothing acts on a down event.', evidence: [NO_POINTER_GESTURES(W)] },
    '2.5.3': { level: 'supports', remarks: 'Accessible names are the visible words, the amount included ("Thanh toán 200.000 đồng"); axe\'s label-content-name-mismatch passes.', evidence: [DUE, AXE, TREES] },
    '2.5.4': { level: 'not applicable', remarks: 'Nothing is operated by moving the device.', evidence: [NO_MOTION(W)] },
    '3.1.1': { level: 'supports', remarks: 'The page\'s language is the portal\'s `<html lang>`; the widget speaks it (Vietnamese or English, amounts formatted for it), through the whole journey, and follows it when it changes.', evidence: [FITS_320, ENGLISH, FOLLOWS_LANG] },
    '3.2.1': { level: 'supports', remarks: 'Nothing happens on focus alone: Tab only moves focus (keyboard test, dvc-audit\'s Tab walk of the six declared states).', evidence: [KEYBOARD, AUDIT_DEMO_PASSES] },
    '3.2.2': { level: 'supports', remarks: 'Choosing a method or typing the number changes nothing else; the widget leaves for the gateway only when the pay button is pressed, and says beforehand that payment happens on the gateway\'s page (a page can also keep the payer and open the gateway itself).', evidence: [KEYBOARD, REDIRECT, PAGE_HANDLES, DUE_EN_TREE] },
    '3.2.6': { level: 'not applicable', remarks: 'The widget offers no help mechanism; the portal\'s help is the portal\'s.' },
    '3.3.1': { level: 'supports', remarks: 'A missing or malformed number is found before any request and described in text next to the field, with `aria-invalid` and a focused summary; a number that does not match the dossier is said at the field; failures of the API and of the gateway are said in words, in Vietnamese and English.', evidence: [ASK, NETWORK, SERVER_ERROR, FAILURE, FAULTS] },
    '3.3.2': { level: 'supports', remarks: 'The number field has a label and a numeric keypad; the methods a legend ("Hình thức thanh toán"); the pay button states the amount.', evidence: [ASK, DUE, TREES] },
    '4.1.2': { level: 'supports', remarks: 'Native controls; the pay button is `aria-disabled` while a payment is being made, the state region `aria-busy` while loading, the field `aria-invalid`; names, roles and states are in Chromium\'s accessibility tree as the snapshots show; axe\'s ARIA and name rules pass.', evidence: [DOUBLE_CLICK, LOADING, ASK, AXE, TREES] },
    '1.3.4': { level: 'supports', remarks: 'Works in portrait (320 × 700) and landscape (the runner\'s 800 × 600); nothing locks the orientation.', evidence: [FITS_320, DUE, NO_ORIENTATION_LOCK(W)] },
    '1.3.5': { level: 'not applicable', remarks: 'The only field is the national identity number, which has no `autocomplete` token. The bank card details are asked on the gateway\'s page, not here.', evidence: [ASK] },
    '1.4.3': { level: 'supports', remarks: 'axe\'s color-contrast passes in every tested state with the default theme (text at least 4.5:1). A portal that changes the `--dvc-color-*` tokens must keep the contrast.', evidence: [AXE, AUDIT_DEMO_PASSES] },
    '1.4.4': { level: 'supports', remarks: 'Sizes are in rem and em. On a 360 × 800 CSS px phone with the text at 200 % nothing scrolls sideways in what is due (its table becomes one block per line, kind and amount above the description, words whole) nor once paid; the widget also reflows at 320 CSS px (a 1280 px window at 400 % zoom).', evidence: [TEXT_200, FITS_320, AUDIT_DEMO_STATES, AUDIT_DEMO_PASSES] },
    '1.4.5': { level: 'not applicable', remarks: 'No images of text.', evidence: [NO_IMAGES_OF_TEXT(W)] },
    '1.4.10': { level: 'supports', remarks: 'What is due fits 320 CSS px with no sideways scrolling and 24 px targets, in both browsers; so do the outcome states after the gateway (paid with receipt numbers and link, failed, cancelled, not known yet, already paid), in vi and en, through the sandbox\'s gateway, nothing scrolling sideways or spilling out of its box; at 320 × 640 nothing scrolls sideways in the six declared states (dvc-audit, Chromium).', evidence: [FITS_320, REFLOW, REFLOW_CHECKER, AUDIT_DEMO_STATES, AUDIT_DEMO_PASSES, AUDIT_FINDS_FAULTS] },
    '1.4.11': { level: 'supports', remarks: 'Measured in pixels on what the browser painted, in Chromium and Firefox ESR, default theme: the identity number field (plain and invalid), every payment method\'s radio (unchosen and chosen) and every button that draws a box, against what each sits on: each at least 3:1. The radios are drawn by the kit (a 4.8:1 ring, the primary colour\'s ring and dot when chosen), because Firefox\'s own ring measured 3.0:1; in forced colours they are the system\'s own. dvc-audit finds every control visible in emulated forced colours and a focus indicator on every control (an outline of at least 3:1 against what is painted around it, or a change of colour of at least 3:1; the default outline, #0a4f9c, is 8.0:1 on white) in the six declared states (Chromium; Firefox cannot emulate forced colours). A portal that changes the `--dvc-color-*` tokens must keep the contrast.', evidence: [CONTRAST, CONTRAST_CHECKER, AUDIT_DEMO_STATES, AUDIT_DEMO_PASSES, AUDIT_FINDS_FAULTS] },
    '1.4.12': { level: 'supports', remarks: 'With WCAG\'s text spacing nothing is clipped or overlaps in the six declared states (dvc-audit, Chromium); the outcome states after the gateway are not toured. axe\'s avoid-inline-spacing passes in both browsers.', evidence: [AUDIT_DEMO_STATES, AUDIT_DEMO_PASSES, AUDIT_FINDS_FAULTS, AXE] },
    '1.4.13': { level: 'not applicable', remarks: 'Nothing appears on hover or focus.', evidence: [NO_HOVER_CONTENT(W)] },
    '2.4.5': { level: 'not applicable', remarks: 'About a set of pages: the portal\'s.' },
    '2.4.6': { level: 'supports', remarks: 'Each state\'s heading says where the payer is ("Thanh toán phí, lệ phí", "Hoàn tất thanh toán", "Thanh toán thành công", "Chưa có kết quả thanh toán"); labels say what to enter.', evidence: [ASK, PAGE_HANDLES, SUCCESS, PENDING] },
    '2.4.7': { level: 'supports', remarks: 'Every control shows the shared 3 px focus ring (`:focus-visible`); dvc-audit finds a focus indicator on each control that stands out 3:1 from what is around it, also in forced colours, in the six declared states (Chromium). The outcome states\' buttons and links are not toured; they use the same ring.', evidence: [AUDIT_DEMO_STATES, AUDIT_DEMO_PASSES, AUDIT_FINDS_FAULTS] },
    '2.4.11': { level: 'supports', remarks: 'Nothing in the widget can cover a focused control (no fixed or sticky content, dialogs or popovers); focus moves bring their target into view. A portal\'s own sticky header can still cover it: that is the portal\'s.', evidence: [NO_FIXED_OVERLAYS(W), KEYBOARD] },
    '2.5.7': { level: 'not applicable', remarks: 'Nothing is dragged.', evidence: [NO_POINTER_GESTURES(W)] },
    '2.5.8': { level: 'supports', remarks: 'The pay button and each method (the whole label is the target) are at least 24 px high at 320 px in both browsers, and so are the outcome states\' buttons and links (or spaced as 2.5.8 allows); axe\'s target-size passes in every tested state, and dvc-audit\'s in the six declared states.', evidence: [FITS_320, REFLOW, AXE, AUDIT_DEMO_STATES, AUDIT_DEMO_PASSES] },
    '3.1.2': { level: 'supports', remarks: 'The widget\'s own words and the gateway\'s failure reasons follow the page (vi or en), and its live region and state section carry the widget\'s language, so on a page in another language (e.g. `lang="fr"`) its Vietnamese fallback is marked `lang="vi"`. The procedure name and the fee descriptions come from the API in Vietnamese only: on an English page they carry `lang="vi"`; a payment method\'s name is English when the API has one, and marked `lang="vi"` when the Vietnamese name stands in for it. The test walks the whole shadow tree of what is due for any text or `aria-label` with Vietnamese letters outside `lang="vi"`, and that check is shown to fail. Not covered: the tests check the markup, not what a given screen reader then does; only the state showing what is due is walked (the other states show no API text but the dossier line\'s procedure name, marked the same way).', evidence: [ENGLISH, LANG_EN, LANG_FR, LANG_CHECK] },
    '3.2.3': { level: 'not applicable', remarks: 'About navigation repeated across pages: the portal\'s.' },
    '3.2.4': { level: 'supports', remarks: 'The same function has the same name and message in every widget: "Thử lại" / "Try again" and one sentence per failure (fault matrix), and the same error summary pattern as the tracker and the survey.', evidence: [FAULTS, PROBLEM_WORDS] },
    '3.3.3': { level: 'supports', remarks: 'Errors say how to fix them: "12 chữ số", how many seconds to wait after too many requests, that the amount changed and what it is now, the gateway\'s reason for a failure.', evidence: [ASK, AMOUNT_CHANGED, FAILURE, FAULTS] },
    '3.3.4': { level: 'supports', remarks: 'A financial transaction, checked and confirmed: before paying, the payer sees each charge and fee, the total, the method and the amount on the button; the gateway\'s page is where it is confirmed, and cancelling there pays nothing. If the amount changed meanwhile the widget explains it and asks again; a double click or a retry makes one payment only; a dossier paid elsewhere shows its receipts instead of a second payment.', evidence: [DUE, AMOUNT_CHANGED, DOUBLE_CLICK, CANCEL, PAID_ELSEWHERE] },
    '3.3.7': { level: 'supports', remarks: 'The dossier code comes from the page (in the demo portal, from the tracker\'s "Thanh toán"); the chosen method stays through a failure, a reload finds the same payment, "Thanh toán lại" keeps the dossier. The identity number is asked again unless the page passes the signed-in citizen\'s `applicantId`: it guards the dossier and is never handed between widgets, on purpose (the criterion\'s security exception).', evidence: [FAULTS, RELOAD, RELOAD_AFTER, FAILURE] },
    '3.3.8': { level: 'partially supports', remarks: 'When the page has no signed-in citizen, paying asks for the identity number: it is recalled, a knowledge check. The field takes spaces between groups of digits and nothing blocks pasting (no test pastes); a signed-in page passes `applicantId` and nothing is asked. Authentication with the bank happens on the gateway\'s pages, outside this report.', evidence: [ASK, KEYBOARD] },
    '4.1.3': { level: 'supports', remarks: 'A polite status region says what changed without taking focus: what is due ("Cần thanh toán: 200.000 đồng."), loading, redirecting, checking, the outcome; errors are alerts; in Vietnamese and English.', evidence: [DUE, LOADING, SUCCESS, PENDING, ANNOUNCES] },
  },
  gaps: [
    'The outcome states after the gateway (paid, failed, cancelled, not known) are in no dvc-audit tour (paying leaves for the gateway): text spacing and focus visibility there rest on the shared styles (their reflow at 320 px is tested).',
  ],
};
