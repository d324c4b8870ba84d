// WCAG 2.2 success criteria at levels A and AA: the list every conformance report answers in full.
// 4.1.1 Parsing is obsolete in WCAG 2.2 and left out (55 criteria: 31 at A, 24 at AA). The same
// numbers, names and levels as dvc-audit's packages/audit/src/wcag.ts (a test compares them).

const UNDERSTANDING = 'https://www.w3.org/WAI/WCAG22/Understanding/';

/** [number, name, level, slug of the W3C Understanding document] */
const LIST = [
  ['1.1.1', 'Non-text Content', 'A', 'non-text-content'],
  ['1.2.1', 'Audio-only and Video-only (Prerecorded)', 'A', 'audio-only-and-video-only-prerecorded'],
  ['1.2.2', 'Captions (Prerecorded)', 'A', 'captions-prerecorded'],
  ['1.2.3', 'Audio Description or Media Alternative (Prerecorded)', 'A', 'audio-description-or-media-alternative-prerecorded'],
  ['1.2.4', 'Captions (Live)', 'AA', 'captions-live'],
  ['1.2.5', 'Audio Description (Prerecorded)', 'AA', 'audio-description-prerecorded'],
  ['1.3.1', 'Info and Relationships', 'A', 'info-and-relationships'],
  ['1.3.2', 'Meaningful Sequence', 'A', 'meaningful-sequence'],
  ['1.3.3', 'Sensory Characteristics', 'A', 'sensory-characteristics'],
  ['1.3.4', 'Orientation', 'AA', 'orientation'],
  ['1.3.5', 'Identify Input Purpose', 'AA', 'identify-input-purpose'],
  ['1.4.1', 'Use of Color', 'A', 'use-of-color'],
  ['1.4.2', 'Audio Control', 'A', 'audio-control'],
  ['1.4.3', 'Contrast (Minimum)', 'AA', 'contrast-minimum'],
  ['1.4.4', 'Resize Text', 'AA', 'resize-text'],
  ['1.4.5', 'Images of Text', 'AA', 'images-of-text'],
  ['1.4.10', 'Reflow', 'AA', 'reflow'],
  ['1.4.11', 'Non-text Contrast', 'AA', 'non-text-contrast'],
  ['1.4.12', 'Text Spacing', 'AA', 'text-spacing'],
  ['1.4.13', 'Content on Hover or Focus', 'AA', 'content-on-hover-or-focus'],
  ['2.1.1', 'Keyboard', 'A', 'keyboard'],
  ['2.1.2', 'No Keyboard Trap', 'A', 'no-keyboard-trap'],
  ['2.1.4', 'Character Key Shortcuts', 'A', 'character-key-shortcuts'],
  ['2.2.1', 'Timing Adjustable', 'A', 'timing-adjustable'],
  ['2.2.2', 'Pause, Stop, Hide', 'A', 'pause-stop-hide'],
  ['2.3.1', 'Three Flashes or Below Threshold', 'A', 'three-flashes-or-below-threshold'],
  ['2.4.1', 'Bypass Blocks', 'A', 'bypass-blocks'],
  ['2.4.2', 'Page Titled', 'A', 'page-titled'],
  ['2.4.3', 'Focus Order', 'A', 'focus-order'],
  ['2.4.4', 'Link Purpose (In Context)', 'A', 'link-purpose-in-context'],
  ['2.4.5', 'Multiple Ways', 'AA', 'multiple-ways'],
  ['2.4.6', 'Headings and Labels', 'AA', 'headings-and-labels'],
  ['2.4.7', 'Focus Visible', 'AA', 'focus-visible'],
  ['2.4.11', 'Focus Not Obscured (Minimum)', 'AA', 'focus-not-obscured-minimum'],
  ['2.5.1', 'Pointer Gestures', 'A', 'pointer-gestures'],
  ['2.5.2', 'Pointer Cancellation', 'A', 'pointer-cancellation'],
  ['2.5.3', 'Label in Name', 'A', 'label-in-name'],
  ['2.5.4', 'Motion Actuation', 'A', 'motion-actuation'],
  ['2.5.7', 'Dragging Movements', 'AA', 'dragging-movements'],
  ['2.5.8', 'Target Size (Minimum)', 'AA', 'target-size-minimum'],
  ['3.1.1', 'Language of Page', 'A', 'language-of-page'],
  ['3.1.2', 'Language of Parts', 'AA', 'language-of-parts'],
  ['3.2.1', 'On Focus', 'A', 'on-focus'],
  ['3.2.2', 'On Input', 'A', 'on-input'],
  ['3.2.3', 'Consistent Navigation', 'AA', 'consistent-navigation'],
  ['3.2.4', 'Consistent Identification', 'AA', 'consistent-identification'],
  ['3.2.6', 'Consistent Help', 'A', 'consistent-help'],
  ['3.3.1', 'Error Identification', 'A', 'error-identification'],
  ['3.3.2', 'Labels or Instructions', 'A', 'labels-or-instructions'],
  ['3.3.3', 'Error Suggestion', 'AA', 'error-suggestion'],
  ['3.3.4', 'Error Prevention (Legal, Financial, Data)', 'AA', 'error-prevention-legal-financial-data'],
  ['3.3.7', 'Redundant Entry', 'A', 'redundant-entry'],
  ['3.3.8', 'Accessible Authentication (Minimum)', 'AA', 'accessible-authentication-minimum'],
  ['4.1.2', 'Name, Role, Value', 'A', 'name-role-value'],
  ['4.1.3', 'Status Messages', 'AA', 'status-messages'],
];

/** @type {ReadonlyArray<{ sc: string, name: string, level: 'A' | 'AA', url: string }>} in numeric order */
export const CRITERIA = Object.freeze(
  LIST.map(([sc, name, level, slug]) => Object.freeze({ sc, name, level, url: `${UNDERSTANDING}${slug}.html` })),
);

/** The conformance levels of an ACR (VPAT / ITI wording), in the order the summaries list them. */
export const CONFORMANCE = Object.freeze(['supports', 'partially supports', 'does not support', 'not applicable']);
