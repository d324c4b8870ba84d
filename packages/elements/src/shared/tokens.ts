/**
 * Design tokens. A portal themes the widgets by setting `--dvc-*` custom properties on the element
 * (or any ancestor); each widget reads them through private `--_dvc-*` variables that hold the
 * defaults, so an unset token never breaks a rule. Default colours pass WCAG AA on white: text
 * ≥ 4.5:1, borders and the focus ring ≥ 3:1.
 *
 * @cssprop [--dvc-font-family=system-ui, sans-serif] - Font of all text.
 * @cssprop [--dvc-font-size=max(1rem, 16px)] - Base font size.
 * @cssprop [--dvc-color-text=#1b1f24] - Body text (16:1 on white).
 * @cssprop [--dvc-color-text-muted=#4a5360] - Secondary text (7.9:1 on white).
 * @cssprop [--dvc-color-surface=#ffffff] - Background of the widget.
 * @cssprop [--dvc-color-surface-alt=#f3f5f8] - Background of cards and badges.
 * @cssprop [--dvc-color-border=#6b7280] - Borders of inputs (4.8:1 on white).
 * @cssprop [--dvc-color-primary=#0a4f9c] - Buttons and links (8.2:1 on white).
 * @cssprop [--dvc-color-on-primary=#ffffff] - Text on the primary colour.
 * @cssprop [--dvc-color-danger=#a4161a] - Error text and borders (7.6:1 on white).
 * @cssprop [--dvc-color-success=#0d5e2a] - "Fully online" badge text (7.9:1 on white).
 * @cssprop [--dvc-color-warning=#7a4100] - What needs the citizen to act, and notes to heed (7.9:1 on white).
 * @cssprop [--dvc-color-mark=#fff1a6] - Background of matched words (text stays --dvc-color-text).
 * @cssprop [--dvc-focus-ring=3px solid #0a4f9c] - Outline of the focused control.
 * @cssprop [--dvc-focus-offset=2px] - Gap between a control and its focus ring.
 * @cssprop [--dvc-space=0.5 × max(1rem, 16px)] - Spacing unit; gaps are multiples of it.
 * @cssprop [--dvc-radius=0.375 × max(1rem, 16px)] - Corner radius.
 */
import { css } from 'lit';

export const tokens = css`
  :host {
    /*
     * The widgets' unit: the page's rem, but never under 16 px. Many portals set their root to
     * 62.5% or 10px (to size their own text in tenths of a rem); in plain rem the widgets would
     * then draw 10 px text and 28 px targets. Still the reader's rem wherever it is larger (a larger
     * text setting, a page's text-size button).
     */
    --_dvc-rem: max(1rem, 16px);
    --_dvc-font-family: var(--dvc-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif);
    --_dvc-font-size: var(--dvc-font-size, var(--_dvc-rem));
    --_dvc-color-text: var(--dvc-color-text, #1b1f24);
    --_dvc-color-text-muted: var(--dvc-color-text-muted, #4a5360);
    --_dvc-color-surface: var(--dvc-color-surface, #ffffff);
    --_dvc-color-surface-alt: var(--dvc-color-surface-alt, #f3f5f8);
    --_dvc-color-border: var(--dvc-color-border, #6b7280);
    --_dvc-color-primary: var(--dvc-color-primary, #0a4f9c);
    --_dvc-color-on-primary: var(--dvc-color-on-primary, #ffffff);
    --_dvc-color-danger: var(--dvc-color-danger, #a4161a);
    --_dvc-color-success: var(--dvc-color-success, #0d5e2a);
    --_dvc-color-warning: var(--dvc-color-warning, #7a4100);
    --_dvc-color-mark: var(--dvc-color-mark, #fff1a6);
    --_dvc-focus-ring: var(--dvc-focus-ring, 3px solid #0a4f9c);
    --_dvc-focus-offset: var(--dvc-focus-offset, 2px);
    --_dvc-space: var(--dvc-space, calc(0.5 * var(--_dvc-rem)));
    --_dvc-radius: var(--dvc-radius, calc(0.375 * var(--_dvc-rem)));

    display: block;
    font-family: var(--_dvc-font-family);
    font-size: var(--_dvc-font-size);
    line-height: 1.5;
    color: var(--_dvc-color-text);
    background: var(--_dvc-color-surface);
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  /* Keyboard focus is always visible; the ring sits outside the control so it never hides text. */
  :focus-visible {
    outline: var(--_dvc-focus-ring);
    outline-offset: var(--_dvc-focus-offset);
  }

  button {
    font: inherit;
    min-height: calc(2.75 * var(--_dvc-rem)); /* 44 px target, WCAG 2.5.8 with room to spare */
    padding: 0 calc(var(--_dvc-space) * 2);
    border: 1px solid var(--_dvc-color-primary);
    border-radius: var(--_dvc-radius);
    background: var(--_dvc-color-primary);
    color: var(--_dvc-color-on-primary);
    cursor: pointer;
  }

  button.secondary {
    background: var(--_dvc-color-surface);
    color: var(--_dvc-color-primary);
  }

  /* Links in the widgets' own colour, underlined a little below the text for diacritics. */
  a {
    color: var(--_dvc-color-primary);
    text-decoration-thickness: max(1px, 0.0625em);
    text-underline-offset: 0.15em;
  }

  /* A link on a line of its own (a receipt, the gateway): bold, a 24 px target at least. */
  [part='receipt-link'],
  [part='gateway-link'] {
    display: inline-block;
    min-block-size: calc(1.5 * var(--_dvc-rem));
    padding-block: calc(0.125 * var(--_dvc-rem));
    font-weight: 600;
  }

  /* A button that navigates inside the widget, styled as a link; still a 24 px target at least. */
  button.link {
    min-height: calc(1.5 * var(--_dvc-rem));
    padding: 0;
    border: 0;
    background: none;
    color: var(--_dvc-color-primary);
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }

  /* Author rules like "form { display: flex }" would otherwise beat the hidden attribute. */
  [hidden] {
    display: none !important;
  }

  mark {
    background: var(--_dvc-color-mark);
    color: inherit;
    font-weight: 600;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
  }

  /* Windows high contrast: let system colours through, keep shapes visible with real borders. */
  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
    button {
      border-color: ButtonText;
    }
    mark {
      background: Mark;
      color: MarkText;
      forced-color-adjust: none;
    }
  }
`;
