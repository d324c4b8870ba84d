import { css } from 'lit';
import { heldSpace } from '../shared/held-space.ts';

/**
 * Layout of <dvc-payment>; colours and spacing come from the shared tokens. Works from 320 px up
 * without sideways scrolling (descriptions wrap, amounts do not), keeps every target at least
 * 24 × 24 px (buttons and method choices are 44 px high), and keeps shapes in forced colours.
 */
export const paymentStyles = [heldSpace([[null, 12.4], ['10em', 10.9], ['12.5em', 7.6], ['21.25em', 5.8], ['25em', 4.3]]), css`
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
