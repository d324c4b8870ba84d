import { css } from 'lit';
import { heldSpace } from '../shared/held-space.ts';

/**
 * Back from the gateway, "checking" holds the place of the outcome it waits for, so that what is
 * below the widget does not move when the answer comes: a payment made with one receipt, as the demo
 * portal draws it at each page width, in each language (within 1.6 lines). More receipts, or
 * another outcome, still move it a little.
 */
const CHECKING = '[part~="state"][data-state="checking"]';
const checkingSpace = [
  heldSpace([[null, 56.5], ['10.125em', 52], ['10.875em', 49], ['11.375em', 42.9], ['11.625em', 41.1], ['12.375em', 38.1],
    ['13.625em', 33.6], ['15.375em', 30.6], ['20.5em', 27.6], ['21.25em', 24.3], ['24.75em', 21.3], ['32.75em', 18.3], ['50.5em', 15.3]],
  `${CHECKING}:lang(vi)`),
  heldSpace([[null, 53.2], ['9.625em', 50.2], ['10.625em', 45.7], ['10.875em', 42.4], ['12.375em', 39.4], ['13.375em', 35.1],
    ['13.875em', 32.1], ['17.875em', 29.1], ['18.375em', 27.3], ['19.25em', 24.3], ['21em', 22.8], ['24.5em', 21.3], ['30.75em', 18.3]],
  `${CHECKING}:lang(en)`),
];

/**
 * Layout of <dvc-payment>; colours and spacing come from the shared tokens. Works from 320 px up
 * without sideways scrolling (descriptions wrap, amounts do not), keeps every target at least
 * 24 × 24 px (buttons and method choices are 44 px high), and keeps shapes in forced colours.
 */
export const paymentStyles = [heldSpace([[null, 12.4], ['10em', 10.9], ['12.5em', 7.6], ['21.25em', 5.8], ['25em', 4.3]]), ...checkingSpace, css`
  :host {
    overflow-wrap: break-word;
  }

  h2,
  h3,
  h4,
  h5,
  h6 {
    margin: 0;
    line-height: 1.3;
  }

  [part='heading'] {
    font-size: 1.375em;
  }

  /* Focus is moved to the heading by script; the ring shows for keyboard users only. */
  [part='heading']:focus {
    outline: none;
  }

  [part='heading']:focus-visible {
    outline: var(--_dvc-focus-ring);
    outline-offset: var(--_dvc-focus-offset);
  }

  .state {
    display: grid;
    /* One column no wider than the widget: Firefox otherwise sizes it to the widest content. */
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_dvc-space) * 2);
    justify-items: start;
  }

  .state > * {
    max-inline-size: 100%;
  }

  /*
   * The browser's scroll anchor is the widget, never a line of the view that is about to be
   * replaced: back from the gateway, the tracker above draws the dossier again, at times in the
   * frame in which the outcome replaces "checking", and an anchor removed in that frame holds
   * nothing in place.
   */
  .state {
    overflow-anchor: none;
  }

  /* Its lines at the top of the space it holds. */
  .state[data-state='checking'] {
    align-content: start;
  }

  p {
    margin: 0;
  }

  .dossier {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    color: var(--_dvc-color-text-muted);
  }

  .dossier-code {
    font-variant-numeric: tabular-nums;
    /* A code wider than the line (large text on a phone) breaks rather than run off the screen. */
    overflow-wrap: anywhere;
  }

  .procedure-name {
    color: var(--_dvc-color-text);
    font-weight: 600;
  }

  .hint,
  .muted {
    color: var(--_dvc-color-text-muted);
  }

  /* ---------- identity number form ---------- */

  form {
    display: grid;
    gap: calc(var(--_dvc-space) * 2);
    justify-items: start;
    inline-size: 100%;
  }

  .outcome:empty {
    display: none;
  }

  /* ---------- what is due ---------- */

  .notice.warning {
    border-inline-start-color: var(--_dvc-color-warning);
  }

  .notice-title {
    color: var(--_dvc-color-warning);
    font-weight: 700;
  }

  table {
    inline-size: 100%;
    max-inline-size: calc(40 * var(--_dvc-rem));
    border-collapse: collapse;
  }

  th,
  td {
    padding: var(--_dvc-space);
    border-block-end: 1px solid var(--_dvc-color-border);
    text-align: start;
    vertical-align: top;
  }

  thead th {
    color: var(--_dvc-color-text-muted);
    font-size: 0.9375em;
  }

  .kind {
    font-weight: 600;
    white-space: nowrap;
  }

  /* Words wrap whole; only a word wider than the line (a long reference) breaks. */
  .description {
    overflow-wrap: break-word;
  }

  .amount {
    font-variant-numeric: tabular-nums;
    text-align: end;
    white-space: nowrap;
  }

  tfoot th,
  tfoot td {
    border-block-end: 0;
    border-block-start: 2px solid var(--_dvc-color-text);
    font-size: 1.125em;
    font-weight: 700;
  }

  /*
   * Narrow screens, or large text: each line becomes a block whose parts wrap in their own order
   * (kind, description, then the amount at the end), so no word is cut to fit a squeezed column
   * (the headers stay for screen readers).
   */
  @media (max-width: 30rem) {
    table,
    tbody,
    tfoot {
      display: block;
    }

    thead {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }

    /* The parts side by side when they fit, else each on a line of its own: a grid column would
       squeeze the words until they broke ("Tổn/g cộn/g"). */
    tr {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0 var(--_dvc-space);
      padding-block: var(--_dvc-space);
      border-block-end: 1px solid var(--_dvc-color-border);
    }

    th,
    td {
      display: block;
      padding: 0;
      border: 0;
    }

    td.description {
      flex: 1 1 12em;
    }

    /* "210.000 đồng" breaks before its unit when even the whole line is too narrow for it. */
    td.amount {
      margin-inline-start: auto;
      white-space: normal;
    }

    tfoot tr {
      border-block-end: 0;
      border-block-start: 2px solid var(--_dvc-color-text);
    }

    tfoot th,
    tfoot td {
      border: 0;
    }
  }

  fieldset {
    display: grid;
    gap: calc(var(--_dvc-space) / 2);
    inline-size: 100%;
    /* Firefox gives a fieldset its content's min-content width: at 200% text it ran off the screen. */
    min-inline-size: 0;
    max-inline-size: calc(32 * var(--_dvc-rem));
    margin: 0;
    padding: var(--_dvc-space) calc(var(--_dvc-space) * 2) calc(var(--_dvc-space) * 2);
    border: 1px solid var(--_dvc-color-border);
    border-radius: var(--_dvc-radius);
  }

  legend {
    padding: 0 calc(var(--_dvc-space) / 2);
    font-weight: 600;
  }

  .method {
    display: flex;
    align-items: center;
    gap: var(--_dvc-space);
    min-block-size: calc(2.75 * var(--_dvc-rem)); /* the whole label is the target */
    font-weight: 400;
    cursor: pointer;
  }

  .method span {
    min-inline-size: 0;
  }

  .method input {
    flex: none;
    inline-size: calc(1.5 * var(--_dvc-rem));
    block-size: calc(1.5 * var(--_dvc-rem));
    margin: 0;
  }

  [part='pay-button'] {
    display: inline-flex;
    align-items: center;
    gap: var(--_dvc-space);
    font-size: 1.125em;
    font-weight: 700;
  }

  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.85;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_dvc-space);
  }

  /* ---------- results ---------- */

  .success {
    color: var(--_dvc-color-success);
    font-weight: 600;
  }

  .receipts {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_dvc-space) / 2);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .receipts li {
    display: flex;
    flex-wrap: wrap;
    gap: 0 calc(var(--_dvc-space) * 2);
    padding: var(--_dvc-space) calc(var(--_dvc-space) * 1.5);
    border-inline-start: 4px solid var(--_dvc-color-success);
    background: var(--_dvc-color-surface-alt);
  }

  .receipt-number {
    min-inline-size: 0;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }

  .receipt-date,
  .paid-at {
    color: var(--_dvc-color-text-muted);
  }

  @media (forced-colors: active) {
    .notice,
    .receipts li {
      border: 1px solid CanvasText;
    }


    button[aria-disabled='true'] {
      color: GrayText;
      border-color: GrayText;
    }
  }
`];
