/**
 * The live region through which a widget tells screen-reader users what changed where their focus
 * is not: "Looking up your dossier…", "Payment successful…". Polite, visually hidden, and in the
 * widget's language (which may differ from the page's). Failures are not said here: the failure
 * view is an alert of its own.
 */
import { html, type TemplateResult } from 'lit';
import { getLocale } from './locale.ts';

/** The live region, saying `text` (empty: silent). Render it once, first in the shadow root. */
export function announcer(text: string): TemplateResult {
  return html`<p class="visually-hidden" part="announcer" role="status" aria-live="polite" lang=${getLocale()}>${text}</p>`;
}
