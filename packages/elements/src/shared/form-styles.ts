import { css } from 'lit';

/**
 * Form fields the GOV.UK way, shared by the widgets with a form of several fields: label and hint
 * above the input (a field's error: `errorSummaryStyles`). Widgets add only their own spacing.
 */
export const formStyles = css`
  /* A note before a form or what is due: why something is asked again, what changed. */
  .notice {
    display: grid;
    gap: calc(var(--_dvc-space) / 2);
    inline-size: 100%;
    padding: calc(var(--_dvc-space) * 2);
    border-inline-start: 4px solid var(--_dvc-color-primary);
    border-radius: var(--_dvc-radius);
    background: var(--_dvc-color-surface-alt);
  }

  .field {
    display: grid;
    gap: calc(var(--_dvc-space) / 2);
    inline-size: 100%;
    max-inline-size: calc(32 * var(--_dvc-rem));
    /* In a grid form, Firefox would size the column to the input's own width (20 characters, 470 px
       at 200% text) and push the page sideways; the field takes the column's width instead. */
    min-inline-size: 0;
  }

  .field label {
    font-weight: 600;
  }

  .hint {
    color: var(--_dvc-color-text-muted);
  }

  /* An example code ("000.00.15.H26-250714-0042") is one long word: at 200% text on a phone it
     breaks rather than push the page sideways. */
  .hint {
    overflow-wrap: anywhere;
  }

  .field input {
    font: inherit;
    inline-size: 100%;
    min-inline-size: 0;
    min-block-size: calc(2.75 * var(--_dvc-rem));
    padding: 0 var(--_dvc-space);
    border: 2px solid var(--_dvc-color-border);
    border-radius: var(--_dvc-radius);
    background: var(--_dvc-color-surface);
    color: var(--_dvc-color-text);
  }

  /* The 12-digit identity number: sized to its digits, which line up. */
  .input-id {
    max-inline-size: 16ch;
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.05em;
  }
`;

/**
 * Radios drawn by the kit rather than the browser: Firefox's own ring (#8f8f9d, anti-aliased to
 * 3.0:1 on white) is too faint for WCAG 1.4.11. This one has the fields' border colour (4.8:1) and,
 * once chosen, the primary colour's ring and dot. The widget sets the size. Only for the widgets
 * with radios (payment methods, survey answers).
 */
export const radioStyles = css`
  input[type='radio'] {
    appearance: none;
    display: inline-grid;
    place-content: center;
    border: 2px solid var(--_dvc-color-border);
    border-radius: 50%;
    background: var(--_dvc-color-surface);
  }

  input[type='radio']::before {
    content: '';
    inline-size: calc(0.75 * var(--_dvc-rem));
    block-size: calc(0.75 * var(--_dvc-rem));
    border-radius: 50%;
    background: var(--_dvc-color-primary);
    transform: scale(0);
  }

  input[type='radio']:checked {
    border-color: var(--_dvc-color-primary);
  }

  input[type='radio']:checked::before {
    transform: scale(1);
  }

  /* The system's own radio, in the user's colours: a drawn dot would lose its fill here. */
  @media (forced-colors: active) {
    input[type='radio'] {
      appearance: auto;
    }
  }
`;
