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

  input {
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

  li {
    padding: calc(var(--_dvc-space) * 1.5);
    border: 1px solid var(--_dvc-color-surface-alt);
    border-radius: var(--_dvc-radius);
    background: var(--_dvc-color-surface);
  }

  .name {
    display: block;
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

  @media (forced-colors: active) {
    li,
    .badge {
      border: 1px solid CanvasText;
    }
  }
`;
