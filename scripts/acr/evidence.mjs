// How a claim cites its evidence (scripts/acr/claims/*.mjs), and the references several widgets share.
//
//   test(file, title, options)   tests in this run's results (reports/test-results/*.json): `file` is
//                                a glob relative to the repository root (`*`, `**`, `?`), `title` a
//                                substring of the test's own title, a RegExp tested against it, or a
//                                list of them (each must match a test);
//                                options: `suite` (substring or RegExp of the describe titles joined
//                                with " › "), `label` (how the report names a group of several tests).
//   source(files, check, label)  a check of the widget's source, made when the report is generated:
//                                `{ absent: RegExp }` (no match in any file) or `{ present: RegExp }`
//                                (a match in at least one). Test files and test helpers are skipped.
//
// Every reference must hold: a test reference that matches no test, or matches one that failed or
// was skipped in any browser, and a source check that does not hold, stop the generator.

export const test = (file, title, options = {}) => ({ kind: 'test', file, title, ...options });
export const source = (files, check, label) => ({ kind: 'source', files: [files].flat(), ...check, label });
/** The tests that run axe (expectNoAxeViolations) in the state they reach, named one by one. */
export const axeTests = (files, titles) => test(files, titles, { label: 'axe-core\'s WCAG A/AA rules in the state each test reaches' });

const AUDIT_DEMO = 'packages/audit/test/demo-portal.test.ts';
const AUDIT_BROKEN = 'packages/audit/test/broken-page.test.ts';

/** dvc-audit --tour on the demo portal (Chromium): every state it reached has no violation, exit 0. */
export const AUDIT_DEMO_PASSES = test(AUDIT_DEMO, 'passes: no violations, exit 0');
/** …and every state the four widgets declare was reached, in every instance, with all six checks run. */
export const AUDIT_DEMO_STATES = test(AUDIT_DEMO, 'reaches and audits every state the four widgets declare, in every instance');
/** dvc-audit's own checks find every known fault of a broken page: they can fail. */
export const AUDIT_FINDS_FAULTS = test(AUDIT_BROKEN, 'finds each of its own checks\' known faults, and only those');
/** …and axe inside and outside shadow roots. */
export const AUDIT_FINDS_AXE_FAULTS = test(AUDIT_BROKEN, 'finds the axe faults inside and outside the shadow root, with their success criteria');
/** In Firefox ESR the same keyboard, target-size, text-spacing and reflow faults are found. */
export const AUDIT_FIREFOX_FINDS = test(AUDIT_BROKEN, 'finds the same keyboard, target-size, text-spacing and reflow faults');
/** In Firefox ESR forced colours cannot be emulated: reported as not run. */
export const AUDIT_FIREFOX_NO_FORCED_COLORS = test(AUDIT_BROKEN, 'marks forced colours as not run, and says why');

/** The widget's own source and the shared modules it is built from. */
export const widgetSource = (widget) => [`packages/elements/src/${widget}/**/*.ts`, 'packages/elements/src/shared/**/*.ts'];

/** Source checks every widget answers the same way (each claim names its widget's files). */
export const NO_KEY_HANDLERS = (widget) => source(widgetSource(widget),
  { absent: /@key(?:down|up|press)=|addEventListener\(\s*['"]key(?:down|up|press)['"]|\.onkey(?:down|up|press)\b/ },
  'no keydown, keyup or keypress handler in the widget or the shared modules');
export const NO_POINTER_GESTURES = (widget) => source(widgetSource(widget),
  { absent: /(?:pointer|mouse)(?:down|move|up)\b|touch(?:start|move|end)\b|drag(?:start|over|end)?\b|\bdraggable\b/ },
  'no pointer, mouse, touch or drag handler: every action is a click on a native control');
export const NO_MOTION = (widget) => source(widgetSource(widget),
  { absent: /devicemotion|deviceorientation|DeviceMotionEvent|DeviceOrientationEvent|Accelerometer|Gyroscope/ },
  'no device motion or orientation sensor is read');
export const NO_ORIENTATION_LOCK = (widget) => source(widgetSource(widget),
  { absent: /screen\.orientation|\borientation\s*:/ },
  'no screen.orientation lock and no orientation media query');
export const NO_CSS_REORDERING = (widget) => source(widgetSource(widget),
  { absent: /(?<![\w-])order\s*:|(?:row|column)-reverse|grid-template-areas/ },
  'no CSS that shows content in another order than the DOM (order, *-reverse, grid areas)');
export const NO_FIXED_OVERLAYS = (widget) => source(widgetSource(widget),
  { absent: /position\s*:\s*(?:fixed|sticky)|<dialog\b|popover/ },
  'no fixed or sticky positioning, dialogs or popovers that could cover a focused control');
export const NO_HOVER_CONTENT = (widget) => source(widgetSource(widget),
  { absent: /\btitle=|role=["']tooltip|popover|:hover[^{]*\{[^}]*(?:display|visibility|opacity|content)\s*:/ },
  'no title tooltips, tooltip roles, popovers, or :hover rules that show or hide content');
export const NO_IMAGES_OF_TEXT = (widget) => source(widgetSource(widget),
  { absent: /<img\b|<text\b|<canvas\b|background-image/ },
  'no <img>, <canvas>, SVG <text> or background images: all text is text');
export const ONLY_THE_SPINNER_MOVES = (widget) => source(widgetSource(widget),
  { absent: /@keyframes\s+(?!dvc-spin\b)|<video\b|<marquee\b|\.gif\b/ },
  'no animation but the loading spinner (@keyframes dvc-spin), no video, no GIF');
export const NO_MEDIA = (widget) => source(widgetSource(widget),
  { absent: /<audio\b|<video\b|new Audio\(|AudioContext|MediaSource/ },
  'no <audio>, <video> or Web Audio');

/**
 * The evaluation methods of a widget's report, each with the tests that carry it out.
 * @param {{ widget: string, axe: object, tree: object, announces: object, keyboard: object[], audit: string }} options
 *   `audit`: which of the widget's states dvc-audit's demo-portal test covers, in words.
 */
export function standardMethods({ widget, axe, tree, announces, keyboard, audit }) {
  return [
    {
      name: 'Automated checks (axe-core)',
      text: 'axe-core\'s WCAG 2.0–2.2 A and AA rules (tags `wcag2a`, `wcag2aa`, `wcag21a`, `wcag21aa`, `wcag22aa`; target-size and label-content-name-mismatch among them) inside the widget\'s shadow root, in each state a test names, in Chromium and Firefox ESR. What axe only flags for review does not fail a test.',
      evidence: [axe],
    },
    {
      name: 'Browser accessibility tree',
      text: `Chromium's accessibility tree of the widget (roles, names, states, descriptions, live regions) in its main states, in Vietnamese and English, compared with reviewed snapshots (\`${widget}.a11y-tree.test.ts\`). Chromium only: Firefox over WebDriver BiDi does not expose its tree.`,
      evidence: [tree],
    },
    {
      name: 'Live regions',
      text: `What the widget's status regions and alerts say, and when, in Vietnamese and English, in both browsers (\`${widget}.screen-reader.test.ts\`): the text a screen reader is given, not a screen reader's speech.`,
      evidence: [announces],
    },
    {
      name: 'Keyboard',
      text: 'Real key presses (Tab, Shift+Tab, Enter, Space, arrows) through the widget\'s journeys, checking where focus goes.',
      evidence: keyboard,
    },
    {
      name: 'dvc-audit',
      text: `The auditor CLI (packages/audit) with \`--tour\` on the demo portal, served as \`npm start\` serves it, in Chromium: axe, Tab reach and order, focus visibility (also in forced colours), 24 × 24 px targets, reflow at 320 × 640 CSS px, WCAG text spacing and forced colours, in the page as loaded and in ${audit}. Its checks are shown to find known faults on a broken page, in Chromium and in Firefox ESR (where forced colours cannot be emulated and are reported as not run).`,
      evidence: [AUDIT_DEMO_STATES, AUDIT_DEMO_PASSES, AUDIT_FINDS_FAULTS, AUDIT_FINDS_AXE_FAULTS, AUDIT_FIREFOX_FINDS, AUDIT_FIREFOX_NO_FORCED_COLORS],
    },
    {
      name: 'Source checks',
      text: 'For criteria about things the widget must not contain (keyboard shortcuts, gestures, motion, media, images of text, hover content, overlays), the generator searches the widget\'s source and the shared modules for them on every run; a match fails the report.',
    },
    {
      name: 'Not done',
      text: 'Testing with people with disabilities, with screen readers (NVDA, JAWS, VoiceOver, TalkBack) and magnifiers, and an expert\'s manual review: the remarks are the developers\' reading of the tests. Storybook\'s stories also run axe in Chromium in `npm test`, but their results are not recorded here; browsing them by hand soon reaches the sandbox\'s limit of 10 dossier lookups a minute, after which the lookup stories show the "too many requests" state.',
    },
  ];
}
