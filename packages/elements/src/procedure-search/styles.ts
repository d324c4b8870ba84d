import { css } from 'lit';
import { heldSpace } from '../shared/held-space.ts';

/** Layout of <dvc-procedure-search>; colours and spacing come from the shared tokens. */
/** Its first view's height by page width; the filters stand open from 40em (WIDE_SCREEN): in two rows, then in one. */
const searchSpace = heldSpace([[null, 16], ['20em', 13.3], ['30em', 10.5], ['40em', 20.8], ['52em', 15.8], ['70em', 14.3]]);

export const procedureSearchStyles = [searchSpace, css`
  form {
    display: flex;
    flex-direction: column;
    gap: var(--_dvc-space);
  }

  .field {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_dvc-space) / 2);
  }

  /*
   * The search button beside the box, level with it, where both fit; else under the hint. The label
   * stands above both, so the button never lines up with the hint instead of the box.
   */
  .field-row {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: var(--_dvc-space);
  }

  /* Boxes that may shrink below their content's widest word: a phone with large text (WCAG 1.4.4). */
  .box {
    display: flex;
    flex: 1 1 calc(16 * var(--_dvc-rem));
    flex-direction: column;
    gap: calc(var(--_dvc-space) / 2);
    min-inline-size: 0;
  }

  label {
    font-weight: 600;
  }

  input,
  select {
    font: inherit;
    min-height: calc(2.75 * var(--_dvc-rem));
    padding: 0 var(--_dvc-space);
    border: 1px solid var(--_dvc-color-border);
    border-radius: var(--_dvc-radius);
    background: var(--_dvc-color-surface);
    color: var(--_dvc-color-text);
  }

  .summary {
    margin: var(--_dvc-space) 0;
    color: var(--_dvc-color-text-muted);
  }

  .summary:empty {
    margin: 0;
  }

  ul {
    display: grid;
    gap: var(--_dvc-space);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  /*
   * Words wrap whole, as in print: "thông tin" never becomes "thôn/g tin", nor a code "1.00119/3".
   * Only a word wider than the whole line (a web address written out in catalogue text) breaks
   * where it must ("break-word"). So that such a word never sets the width of the boxes around it,
   * the grids below size their column with minmax(0, 1fr) and the table lays out by its own width,
   * not by its content's longest word (table-layout: fixed).
   */
  :host {
    overflow-wrap: break-word;
  }

  ul[part='list'],
  .detail {
    grid-template-columns: minmax(0, 1fr);
  }

  /* A code is short and must read whole. */
  .code {
    white-space: nowrap;
  }

  /* A form's address may be one long word: it alone may break anywhere. */
  [part='form-link'] {
    overflow-wrap: anywhere;
  }

  ul[part='list'] > li {
    padding: calc(var(--_dvc-space) * 1.5);
    border: 1px solid var(--_dvc-color-surface-alt);
    border-radius: var(--_dvc-radius);
    background: var(--_dvc-color-surface);
  }

  /* A button is as wide as its longest word unless told otherwise: a web address in a name must wrap. */
  .name {
    display: block;
    max-inline-size: 100%;
    color: var(--_dvc-color-primary);
    margin-block-end: calc(var(--_dvc-space) / 2);
    font-size: 1.0625em;
    font-weight: 600;
  }

  dl {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_dvc-space) / 2) calc(var(--_dvc-space) * 2);
    margin: 0;
    color: var(--_dvc-color-text-muted);
    font-size: 0.9375em;
  }

  /* "Mã thủ tục: 1.001193" as one line of text, wrapping like a sentence when it must. */
  dl > div {
    display: block;
  }

  dt,
  dd {
    display: inline;
  }

  dt::after {
    content: ':';
  }

  dd {
    margin: 0 0 0 0.25em;
  }

  .badge {
    display: inline-block;
    margin-block-start: var(--_dvc-space);
    padding: 0 var(--_dvc-space);
    border-radius: 999px;
    background: var(--_dvc-color-surface-alt);
    color: var(--_dvc-color-text);
    font-size: 0.875em;
  }

  .badge[data-online='full'] {
    color: var(--_dvc-color-success);
  }

  .input-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_dvc-space);
  }

  /* The microphone beside the box, on a phone with large text too (a box of 4 rem and the button). */
  .input-row input {
    flex: 1 1 calc(4 * var(--_dvc-rem));
    min-inline-size: 0;
  }

  .voice {
    position: relative;
    display: inline-flex;
    align-items: center;
    gap: 0.375em;
  }

  .icon {
    flex: none;
    inline-size: 1.25em;
    block-size: 1.25em;
  }

  .hint,
  .voice-status,
  .read-aloud-status {
    margin: 0;
    font-size: 0.9375em;
  }
  /* Empty, it takes no room (not even the column's gap): the form stands the same with voice search
     as without it, where the browser has none or before the script (the prerendered form). */
  .voice-status:empty {
    margin-block-start: calc(var(--_dvc-space) / -2);
  }

  .hint {
    color: var(--_dvc-color-text-muted);
  }

  /* The filters fold into "Bộ lọc" on a phone (open on wider screens), so results come first. */
  .filters-disclosure {
    min-inline-size: 0;
    border: 1px solid var(--_dvc-color-surface-alt);
    border-radius: var(--_dvc-radius);
  }

  .filters-disclosure > summary {
    min-block-size: calc(1.5 * var(--_dvc-rem)); /* 24 px target, and the line's own height above it */
    padding: calc(var(--_dvc-space) / 2) calc(var(--_dvc-space) * 1.5);
    color: var(--_dvc-color-primary);
    font-weight: 600;
    cursor: pointer;
  }

  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_dvc-space) calc(var(--_dvc-space) * 2);
    /* A fieldset is min-content wide by default: it would push the page sideways on a phone. */
    min-inline-size: 0;
    margin: 0;
    padding: 0 calc(var(--_dvc-space) * 1.5) calc(var(--_dvc-space) * 1.5);
    border: 0;
  }

  .filter {
    display: flex;
    flex: 1 1 calc(12 * var(--_dvc-rem));
    flex-direction: column;
    gap: 0.25em;
    min-width: 0;
  }

  /*
   * The agency filter comes with the agency list, after the first render: until then (for good
   * when there is no list) an empty box of a filter's size, a label line, the gap and the select,
   * holds its place, so the other filters neither narrow nor wrap when it comes.
   */
  .filters:not(:has(#filter-agency))::after {
    content: '';
    flex: 1 1 calc(12 * var(--_dvc-rem));
    block-size: calc(1.5em + 0.25em + 2.75 * var(--_dvc-rem));
  }

  select {
    width: 100%;
  }

  .results h2,
  .results h3,
  .results h4,
  .results h5,
  .results h6 {
    margin: var(--_dvc-space) 0;
    font-size: 1.125em;
  }

  .pagination ul {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_dvc-space);
    margin-block: calc(var(--_dvc-space) * 2);
  }

  .pagination li {
    display: flex;
    align-items: center;
  }

  .pagination button {
    min-width: calc(2.75 * var(--_dvc-rem));
    background: var(--_dvc-color-surface);
    color: var(--_dvc-color-primary);
  }

  .pagination button[aria-current='page'] {
    background: var(--_dvc-color-primary);
    color: var(--_dvc-color-on-primary);
    font-weight: 600;
  }

  .detail {
    display: grid;
    gap: var(--_dvc-space);
  }

  .detail .back {
    justify-self: start;
  }

  .detail h2,
  .detail h3,
  .detail h4,
  .detail h5,
  .detail h6 {
    margin: calc(var(--_dvc-space) * 2) 0 var(--_dvc-space);
    line-height: 1.3;
  }

  .detail dl.facts {
    display: grid;
    gap: 0.25em;
  }

  .detail section ul,
  .detail section ol {
    display: block;
    padding-inline-start: 1.5em;
    list-style: revert;
  }

  .detail section li {
    margin-block: 0.25em;
  }

  .doc-meta,
  .fee-note {
    display: block;
    color: var(--_dvc-color-text-muted);
    font-size: 0.9375em;
  }

  ul.plain {
    padding: 0 !important;
    list-style: none !important;
  }

  table {
    width: 100%;
    border-collapse: collapse;
    table-layout: fixed;
  }

  thead th:first-child {
    width: 25%;
  }

  thead th:nth-child(2) {
    width: 30%;
  }

  th,
  td {
    padding: var(--_dvc-space);
    border-bottom: 1px solid var(--_dvc-color-surface-alt);
    text-align: start;
    vertical-align: top;
  }

  /* Phones: each channel becomes a block, so nothing scrolls sideways at 320 px. */
  @media (max-width: 36rem) {
    table,
    thead,
    tbody,
    tr,
    th,
    td {
      display: block;
    }

    thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }

    tr {
      padding-block: var(--_dvc-space);
      border-bottom: 1px solid var(--_dvc-color-surface-alt);
    }

    th,
    td {
      padding: 0.125em 0;
      border: 0;
    }
  }

  /* Phones: the voice button shows its microphone only (its words stay its name), the hint is smaller. */
  @media (max-width: 30rem) {
    .voice-label {
      position: absolute;
      width: 1px;
      height: 1px;
      margin: -1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }

    .voice {
      padding-inline: calc(var(--_dvc-space) * 1.25);
    }

    .hint {
      font-size: 0.8125em;
    }
  }

  @media (forced-colors: active) {
    ul[part='list'] > li,
    .filters-disclosure,
    .badge {
      border: 1px solid CanvasText;
    }
  }
`];
