import { css } from 'lit';
import { heldSpace } from '../shared/held-space.ts';

/**
 * With `mode="page"`, the form is the page feedback ("Was this information useful?", yes or no, a
 * comment): while it loads, the survey holds that form's height at each width, in each language,
 * so that what is below it does not move when it comes. Measured at 100% and 200% text on a page as
 * wide as the widget, with the browser's root size; 4 px of it (the boxes' borders) do not grow
 * with the text. The README's lines hold the same before the script runs.
 */
const PAGE_FORM_LOADING = ":host([mode='page']) .survey[aria-busy='true']";
const pageFormSpace = [
  heldSpace([[null, 36.66], ['9.125em', 35.16], ['10.25em', 33.66], ['11.5em', 32.16], ['13.625em', 28.91], ['15.25em', 27.41],
    ['20.5em', 25.91], ['22em', 24.41]], `${PAGE_FORM_LOADING}:lang(vi)`, 4),
  heldSpace([[null, 36.57], ['9.5em', 35.16], ['9.625em', 33.66], ['12.125em', 30.41], ['13.875em', 28.91], ['14.375em', 27.41],
    ['17.75em', 25.91], ['19.75em', 24.41]], `${PAGE_FORM_LOADING}:lang(en)`, 4),
];

/**
 * Layout of <dvc-satisfaction-survey>; colours and spacing come from the shared tokens. Its first
 * view is the line that says the form is loading: a dossier's form comes from the API, its length
 * with it.
 */
export const satisfactionSurveyStyles = [heldSpace([[null, 1.5]]), ...pageFormSpace, css`
  form {
    display: grid;
    /* One column no wider than the widget: Firefox would widen it to a box's own width (the comment
       box is 20 characters wide by default, 470 px at 200% text). */
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_dvc-space) * 2);
  }

  /* Headings are h2–h6 as heading-level asks: sized by their role, never by their tag. */
  h2,
  h3,
  h4,
  h5,
  h6 {
    margin: 0;
    line-height: 1.3;
    font-size: 1.0625em;
  }

  [part='title'],
  :is(h2, h3, h4, h5, h6).outcome-title {
    font-size: 1.25em;
  }

  p {
    margin: 0;
  }

  .description,
  .required-note,
  .hint,
  .count {
    color: var(--_dvc-color-text-muted);
  }

  .required-mark {
    color: var(--_dvc-color-danger);
    font-weight: 700;
  }

  /* Questions */

  .question {
    display: grid;
    gap: var(--_dvc-space);
    min-width: 0; /* a fieldset would otherwise refuse to shrink below its content at 320 px */
    margin: 0;
    padding: 0;
    border: 0;
  }

  fieldset.question {
    padding: calc(var(--_dvc-space) * 1.5);
    border: 1px solid var(--_dvc-color-surface-alt);
    border-radius: var(--_dvc-radius);
  }

  legend,
  .question > label {
    padding: 0;
    font-weight: 600;
  }

  /* Floated, a legend leaves the fieldset's border and lays out like the other children. */
  legend {
    float: left;
    width: 100%;
  }

  .question.invalid {
    border-inline-start: 4px solid var(--_dvc-color-danger);
    padding-inline-start: calc(var(--_dvc-space) * 1.5);
  }

  .question.text.invalid {
    padding-inline-start: calc(var(--_dvc-space) * 1.5);
  }

  .options {
    display: grid;
    gap: calc(var(--_dvc-space) / 2);
  }

  /* Quick feedback: "Có / Không" side by side, wrapping on narrow screens. */
  [data-mode='page'] .options {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_dvc-space) calc(var(--_dvc-space) * 2);
  }

  .option {
    overflow-wrap: anywhere; /* one long answer ("Obstructive") at 200% text on a phone */
    display: flex;
    align-items: center;
    gap: var(--_dvc-space);
    min-height: calc(2.75 * var(--_dvc-rem)); /* the whole label is the target: 44 px high */
    padding: 0 var(--_dvc-space);
    border-radius: var(--_dvc-radius);
    cursor: pointer;
  }

  .option:hover {
    background: var(--_dvc-color-surface-alt);
  }

  input[type='radio'] {
    flex: none;
    width: calc(1.5 * var(--_dvc-rem));
    height: calc(1.5 * var(--_dvc-rem));
    margin: 0;
    cursor: pointer;
  }

  textarea {
    width: 100%;
    min-height: calc(6 * var(--_dvc-rem));
    padding: var(--_dvc-space);
    border: 1px solid var(--_dvc-color-border);
    border-radius: var(--_dvc-radius);
    background: var(--_dvc-color-surface);
    color: var(--_dvc-color-text);
    font: inherit;
    resize: vertical;
  }

  .invalid textarea {
    border: 2px solid var(--_dvc-color-danger);
  }

  .count {
    font-size: 0.9375em;
  }

  .count.at-limit,
  .count.over-limit {
    color: var(--_dvc-color-danger);
    font-weight: 600;
  }


  /* The honeypot: off-screen (bots skip display: none), never seen or reached by people. */
  .hp {
    position: absolute;
    left: -10000px;
    top: auto;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_dvc-space);
  }

  [part='submit-button'] {
    display: inline-flex;
    align-items: center;
    gap: var(--_dvc-space);
  }

  /* Still focusable while sending (focus stays put); the spinner and "Đang gửi…" say why it waits. */
  button[aria-disabled='true'] {
    cursor: progress;
  }

  /* Outcomes: thank-you, already evaluated, not yet available */

  .outcome {
    display: grid;
    gap: var(--_dvc-space);
    padding: calc(var(--_dvc-space) * 2);
    border-inline-start: 4px solid var(--_dvc-color-success);
    border-radius: var(--_dvc-radius);
    background: var(--_dvc-color-surface-alt);
  }

  .outcome.neutral {
    border-inline-start-color: var(--_dvc-color-primary);
  }

  .outcome-title {
    font-weight: 600;
  }

  @media (forced-colors: active) {
    fieldset.question,
    .outcome {
      border: 1px solid CanvasText;
    }

    .question.invalid {
      border-color: Mark;
      border-width: 3px;
    }


    button[aria-disabled='true'] {
      border-color: GrayText;
      color: GrayText;
    }
  }
`];
