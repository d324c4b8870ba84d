import { css } from 'lit';

/** Layout of <dvc-procedure-search>; colours and spacing come from the shared tokens. */
export const procedureSearchStyles = css`
  form {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_dvc-space);
  }

  .field {
    display: flex;
    flex: 1 1 16rem;
    flex-direction: column;
    gap: calc(var(--_dvc-space) / 2);
  }

  label {
    font-weight: 600;
  }

  input,
  select {
    font: inherit;
    min-height: 2.75rem;
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
   * Catalogue text can hold a word wider than a phone (a web address, a long document number): it
   * breaks anywhere rather than push the page sideways at 320 px (WCAG 1.4.10). "anywhere", unlike
   * "break-word", also keeps that word from setting the minimum width of the grid and flex boxes
   * around it. Labels, and table cells while they are columns, keep their words whole (a squeezed
   * label or column must not break mid-word); a fee's note, the long text in a cell, breaks anyway.
   */
  ul[part='list'],
  .detail,
  .fee-note {
    overflow-wrap: anywhere;
  }

  dt,
  th,
  td {
    overflow-wrap: break-word;
  }

  ul[part='list'] > li {
    padding: calc(var(--_dvc-space) * 1.5);
    border: 1px solid var(--_dvc-color-surface-alt);
    border-radius: var(--_dvc-radius);
    background: var(--_dvc-color-surface);
  }

  .name {
    display: block;
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

  dl > div {
    display: flex;
    gap: 0.25em;
  }

  dt::after {
    content: ':';
  }

  dd {
    margin: 0;
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

  .input-row input {
    flex: 1 1 12rem;
  }

  .hint {
    margin: 0;
    color: var(--_dvc-color-text-muted);
    font-size: 0.9375em;
  }

  .filters {
    display: flex;
    flex: 1 1 100%;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_dvc-space) calc(var(--_dvc-space) * 2);
    /* A fieldset is min-content wide by default: it would push the page sideways on a phone. */
    min-inline-size: 0;
    margin: 0;
    padding: var(--_dvc-space) calc(var(--_dvc-space) * 1.5) calc(var(--_dvc-space) * 1.5);
    border: 1px solid var(--_dvc-color-surface-alt);
    border-radius: var(--_dvc-radius);
  }

  .filters legend {
    padding: 0 0.25em;
    font-weight: 600;
  }

  .filter {
    display: flex;
    flex: 1 1 12rem;
    flex-direction: column;
    gap: 0.25em;
    min-width: 0;
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
    min-width: 2.75rem;
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
      overflow-wrap: anywhere; /* blocks here: no column to squeeze, so a long word may break */
    }
  }

  @media (forced-colors: active) {
    ul[part='list'] > li,
    .badge {
      border: 1px solid CanvasText;
    }
  }
`;
