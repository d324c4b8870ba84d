/**
 * The loading, empty and error views every widget shows, so they look, read and announce the same
 * everywhere. Render them inside the widget's results region; that region carries `aria-busy`
 * while loading (the widget sets it, it owns the region).
 *
 * Parts: `loading`, `spinner`, `empty`, `empty-message`, `error`, `error-message`, `retry-button`,
 * `needs-script`.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { quietAfterLanguageSwitch } from './announcer.ts';
import { msg } from '@lit/localize';
import { DvcError } from '@dvc-kit/sdk';
import { DvcConfigError } from './api-client.ts';
import { problemKind, problemMessage } from './problem-messages.ts';

/** A visible "Loading…" line; screen readers hear the result via the widget's live region. */
export function loadingView(): TemplateResult {
  // Focusable by script (not by Tab): focus waits here while what the citizen asked for loads.
  return html`<p class="dvc-loading" part="loading" tabindex="-1">
    <span class="dvc-spinner" part="spinner" aria-hidden="true"></span>${msg('Loading…')}
  </p>`;
}

/**
 * What a prerendered first view says where scripts do not run (the markup pasted into a page, read
 * with scripting turned off): the widget cannot work without its script, and "Loading…" or a form
 * would wait for ever. Shown only then (the CSS `scripting` feature; with scripts it is hidden, and
 * the widget's first render takes it away), in place of what is put after it in the view.
 */
export function needsScriptView(message: string): TemplateResult {
  return html`<p class="dvc-needs-script" part="needs-script">${message}</p>`;
}

/**
 * Nothing matched. `suggestion` is an optional hint; a `slotName` adds a slot so the page can put
 * its own help (a phone number, a link) under the message.
 */
export function emptyView(message: string, suggestion?: string | TemplateResult, slotName?: string): TemplateResult {
  return html`<div class="dvc-empty" part="empty">
    <p class="dvc-empty-message" part="empty-message">${message}</p>
    ${suggestion ? html`<p class="dvc-empty-suggestion">${suggestion}</p>` : nothing}
    ${slotName ? html`<slot name=${slotName}></slot>` : nothing}
  </div>`;
}

/**
 * Whether "Try again" may help: the SDK's own word for its errors (`retryable`); a widget set up
 * without an API root never will; anything else unexpected, perhaps.
 */
export function canRetry(error: unknown): boolean {
  if (error instanceof DvcError) return error.retryable;
  return !(error instanceof DvcConfigError);
}

export interface FailureOptions {
  /** Sends the same request again; offered as "Try again" only when `canRetry(error)`. */
  onRetry?: () => void;
  /** Help the page gives under the message (a slot), e.g. the one-stop desk's phone number. */
  help?: TemplateResult;
  /**
   * False for the failure of a request the citizen did not make (a form loading with the page, a
   * dossier shown again on return): shown, not announced, since an alert would interrupt whatever
   * they are doing elsewhere on the page; they read it when they come to the widget. Default true.
   */
  announce?: boolean;
}

/**
 * Where focus goes when a failure takes the place of what the citizen acted on: "Try again", else
 * the message (focusable by script). A FocusController target.
 */
export function failureFocus(root: ParentNode): HTMLElement | null {
  return root.querySelector<HTMLElement>('[part="retry-button"]') ?? root.querySelector<HTMLElement>('[part="error"]');
}

/**
 * A failure, the one way every widget shows one: the localised reason, announced at once
 * (role="alert"), with "Try again" when trying again may help, so the same failure looks and
 * behaves the same in all four widgets. `data-problem` names it for the page's script and for
 * dvc-audit (`dossier_not_found`, `network`…: see problemKind).
 */
export function failureView(error: unknown, { onRetry, help, announce = true }: FailureOptions = {}): TemplateResult {
  // Focusable by script (not by Tab): a widget moves focus here when there is nothing to retry.
  // The same failure after the page switched language is not said again.
  return html`<div class="dvc-error" part="error" role=${announce ? quietAfterLanguageSwitch('alert', error, nothing) : nothing} tabindex="-1" data-problem=${problemKind(error)}>
    <p class="dvc-error-message" part="error-message">${problemMessage(error)}</p>
    ${onRetry && canRetry(error)
      ? html`<button type="button" class="secondary" part="retry-button" @click=${onRetry}>${msg('Try again')}</button>`
      : nothing}
    ${help ?? nothing}
  </div>`;
}

export const statusStyles = css`
  .dvc-loading {
    display: flex;
    align-items: center;
    gap: var(--_dvc-space);
    color: var(--_dvc-color-text-muted);
  }

  .dvc-spinner {
    inline-size: 1em;
    block-size: 1em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: dvc-spin 0.8s linear infinite;
  }

  @keyframes dvc-spin {
    to {
      transform: rotate(1turn);
    }
  }

  .dvc-empty,
  .dvc-error {
    padding: calc(var(--_dvc-space) * 2);
    border-radius: var(--_dvc-radius);
    background: var(--_dvc-color-surface-alt);
  }

  .dvc-empty-message,
  .dvc-error-message {
    margin: 0 0 var(--_dvc-space);
  }

  .dvc-error-message:last-child {
    margin-block-end: 0;
  }

  .dvc-empty-suggestion {
    margin: 0;
    color: var(--_dvc-color-text-muted);
  }

  .dvc-error {
    border-inline-start: 4px solid var(--_dvc-color-danger);
  }

  .dvc-error-message {
    color: var(--_dvc-color-danger);
  }

  .dvc-needs-script {
    display: none;
  }

  @media (scripting: none) {
    .dvc-needs-script {
      display: block;
      margin: 0;
      padding: calc(var(--_dvc-space) * 2);
      border-inline-start: 4px solid var(--_dvc-color-primary);
      border-radius: var(--_dvc-radius);
      background: var(--_dvc-color-surface-alt);
    }

    /* Over each widget's own layout of what follows (a section shown as a grid, say). */
    .dvc-needs-script ~ * {
      display: none !important;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    /* A still ring still says "busy"; the text says it too. */
    .dvc-spinner {
      animation: none;
    }
  }

  @media (forced-colors: active) {
    .dvc-empty,
    .dvc-error {
      border: 1px solid CanvasText;
    }
  }
`;
