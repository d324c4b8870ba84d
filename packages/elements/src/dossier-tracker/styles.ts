import { css } from 'lit';
import { heldSpace } from '../shared/held-space.ts';

/**
 * Layout of <dvc-dossier-tracker>; colours and spacing come from the shared tokens. Works from
 * 320 px up, keeps every target at least 24 × 24 px (buttons are 44 px high), and has a print
 * stylesheet: printing the page gives the dossier's status and history on paper, without the form
 * or buttons.
 */
export const dossierTrackerStyles = [heldSpace([[null, 32.75], ['10em', 31.25], ['20em', 23.75], ['30em', 19.25]]), css`
  :host {
    overflow-wrap: break-word;
  }

  /* Headings are h2–h6 as heading-level asks: sized by their role, never by their tag. */
  h2,
  h3,
  h4,
  h5,
  h6 {
    margin: 0;
    line-height: 1.3;
    font-size: 1.125em;
  }

  .result-heading {
    font-size: 1.375em;
  }

  p {
    margin: 0;
  }

  /* ---------- form ---------- */

  form {
    display: grid;
    /* One column no wider than the widget: Firefox would widen it to the inputs' own width. */
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_dvc-space) * 2.5);
    justify-items: start;
  }

  .outcome:not(:empty) {
    margin-block-start: calc(var(--_dvc-space) * 2);
  }

  /* ---------- result ---------- */

  .result {
    display: grid;
    /* As the form: Firefox would widen the column to a long unbroken line (receipt numbers). */
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_dvc-space) * 2);
  }

  .result-heading:focus {
    outline: none;
  }

  .result-heading:focus-visible {
    outline: var(--_dvc-focus-ring);
    outline-offset: var(--_dvc-focus-offset);
  }

  .status-line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_dvc-space);
  }

  .status-label {
    font-weight: 600;
  }

  .status-label::after {
    content: ':';
  }

  /* A shape per kind (icons.ts), on the first line of its text however that wraps. */
  .icon {
    flex: none;
    inline-size: 1.25em;
    block-size: 1.25em;
    margin-block-start: 0.125em;
  }

  /* The check cut out of the filled disc: the colour of what the icon sits on. */
  .icon .icon-knockout {
    stroke: var(--_dvc-icon-knockout, var(--_dvc-color-surface));
  }

  /*
   * The status: its shape and words on a tinted band with a bar at the start, not a pill. A long
   * status ("Yêu cầu thực hiện nghĩa vụ tài chính") moves under "Trạng thái" as a whole, and on a
   * phone wraps like any text, the shape staying on its first line.
   */
  .badge {
    --_dvc-icon-knockout: var(--_dvc-color-surface-alt);
    display: inline-flex;
    align-items: flex-start;
    gap: 0.375em;
    max-inline-size: 100%;
    padding: calc(0.125 * var(--_dvc-rem)) calc(0.625 * var(--_dvc-rem)) calc(0.125 * var(--_dvc-rem)) calc(0.5 * var(--_dvc-rem));
    border: 0 solid currentColor;
    border-inline-start-width: 4px;
    border-radius: var(--_dvc-radius);
    background: var(--_dvc-color-surface-alt);
    color: var(--_dvc-color-primary);
    font-weight: 600;
  }

  .badge-text {
    min-inline-size: 0;
  }

  .badge[data-kind='action-needed'] {
    color: var(--_dvc-color-warning);
  }

  .badge[data-kind='done'] {
    color: var(--_dvc-color-success);
  }

  .badge[data-kind='closed'] {
    color: var(--_dvc-color-text-muted);
  }

  .timeliness {
    display: flex;
    align-items: flex-start;
    gap: var(--_dvc-space);
    font-weight: 600;
  }

  .timeliness[data-state='overdue'],
  .timeliness[data-state='late'] {
    color: var(--_dvc-color-danger);
  }

  .timeliness[data-state='early'],
  .timeliness[data-state='on-time'] {
    color: var(--_dvc-color-success);
  }

  .notice {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    overflow-wrap: anywhere;
    gap: var(--_dvc-space);
    justify-items: start;
    padding: calc(var(--_dvc-space) * 2);
    border-inline-start: 4px solid var(--_dvc-color-primary);
    border-radius: var(--_dvc-radius);
    background: var(--_dvc-color-surface-alt);
  }

  .notice-action {
    border-inline-start-color: var(--_dvc-color-warning);
  }

  .notice > * {
    max-inline-size: 100%;
  }

  .muted {
    color: var(--_dvc-color-text-muted);
  }

  .emphasis {
    font-weight: 600;
  }

  .documents {
    margin: 0;
    padding-inline-start: 1.5em;
  }

  .fee-lines {
    display: grid;
    gap: calc(var(--_dvc-space) / 2);
    inline-size: 100%;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .fee-lines li {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 calc(var(--_dvc-space) * 2);
  }

  .fee-kind {
    font-weight: 600;
  }

  /* "210.000 đồng" may break before its unit: at 200% text on a phone it is wider than the box. */
  .amount {
    font-variant-numeric: tabular-nums;
  }

  .fee-total {
    padding-block-start: calc(var(--_dvc-space) / 2);
    border-block-start: 1px solid var(--_dvc-color-border);
    font-weight: 600;
  }

  dl {
    margin: 0;
  }

  .details,
  .notice-details {
    display: grid;
    gap: calc(var(--_dvc-space) / 2) calc(var(--_dvc-space) * 2);
  }

  .details > div,
  .notice-details > div {
    display: grid;
    grid-template-columns: minmax(calc(8 * var(--_dvc-rem)), calc(14 * var(--_dvc-rem))) 1fr;
    gap: calc(var(--_dvc-space) * 2);
  }

  dt {
    font-weight: 600;
  }

  dd {
    margin: 0;
    min-inline-size: 0;
  }

  .code {
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }

  /* A timeline: a line down the side, a dot per step. Decoration only; the list carries order. */
  .history {
    display: grid;
    gap: calc(var(--_dvc-space) * 2);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .history li {
    position: relative;
    display: grid;
    gap: calc(0.125 * var(--_dvc-rem));
    padding-inline-start: calc(1.75 * var(--_dvc-rem));
  }

  .history li::before {
    content: '';
    position: absolute;
    inset-block-start: 0.35em;
    inset-inline-start: calc(0.25 * var(--_dvc-rem));
    inline-size: calc(0.75 * var(--_dvc-rem));
    block-size: calc(0.75 * var(--_dvc-rem));
    border: 2px solid var(--_dvc-color-primary);
    border-radius: 50%;
    background: var(--_dvc-color-surface);
  }

  .history li:not(:last-child)::after {
    content: '';
    position: absolute;
    inset-block: calc(0.35em + 0.75 * var(--_dvc-rem)) calc(var(--_dvc-space) * -2);
    inset-inline-start: calc(0.625 * var(--_dvc-rem) - 1px);
    border-inline-start: 2px solid var(--_dvc-color-border);
  }

  .history li:last-child::before {
    background: var(--_dvc-color-primary);
  }

  .history-time,
  .history-unit,
  .history-note {
    color: var(--_dvc-color-text-muted);
  }

  .history-action {
    font-weight: 600;
  }

  .history-status {
    font-size: 0.9375em;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_dvc-space);
    padding-block-start: var(--_dvc-space);
  }

  /* Narrow screens (320 px): labels above values, full-width buttons. */
  @media (max-width: 30rem) {
    .details > div,
    .notice-details > div {
      grid-template-columns: 1fr;
      gap: 0;
    }

    button {
      inline-size: 100%;
    }
  }

  @media (forced-colors: active) {
    .badge,
    .notice {
      border-color: CanvasText;
    }

    .icon .icon-fill {
      fill: CanvasText;
    }

    .icon .icon-knockout {
      stroke: Canvas;
    }

    .history li::before {
      border-color: CanvasText;
      background: Canvas;
    }

    .history li:last-child::before {
      background: CanvasText;
    }

    .history li:not(:last-child)::after {
      border-color: CanvasText;
    }
  }

  /* Paper: the dossier, its dates and history in black on white; nothing to click. */
  @media print {
    :host {
      min-block-size: 0;
      color: #000;
      background: none;
      font-size: 11pt;
    }

    form,
    .outcome,
    .actions,
    button {
      display: none !important;
    }

    /* Focus is for the screen: no ring around the heading on paper. */
    :focus,
    :focus-visible {
      outline: none !important;
    }

    .badge[data-kind],
    .timeliness[data-state],
    .notice,
    .history-time,
    .history-unit,
    .history-note,
    .hint,
    .muted {
      color: #000;
    }

    .notice {
      border: 1px solid #000;
      background: none;
    }

    .history li::before {
      border-color: #000;
    }

    .history li:not(:last-child)::after {
      border-color: #000;
    }

    .history li,
    .notice,
    .details > div {
      break-inside: avoid;
    }

    h2,
    h3,
    h4,
    h5,
    h6 {
      break-after: avoid;
    }
  }
`];
