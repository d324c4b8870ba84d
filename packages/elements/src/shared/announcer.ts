/**
 * The live region through which a widget tells screen-reader users what changed where their focus
 * is not: "Looking up your dossier…", "Payment successful…". Polite, visually hidden, and in the
 * widget's language (which may differ from the page's). Failures are not said here: the failure
 * view is an alert of its own.
 */
import { html, type TemplateResult } from 'lit';
import { Directive, directive } from 'lit/directive.js';
import { getLocale } from './locale.ts';

/**
 * `value` while the news it says (`news`: what happened, in no language) is new; `quiet` once the
 * page has switched language with that news unchanged. A live region or an alert whose words change
 * is read out again, and a switch of language is no news: the citizen would hear the last message
 * twice ("Dossier found…" on choosing English). Used on the attribute that makes it speak
 * (`aria-live`, `role="alert"`), so the words on screen follow the language all the same: Lit sets
 * an element's attributes before its text, so the text changes in a region already quiet, and a
 * region speaks again (its news changed) before its new text arrives.
 */
class QuietAfterLanguageSwitch extends Directive {
  #news: unknown = QuietAfterLanguageSwitch;
  #locale = '';
  #quiet = false;

  render(value: unknown, news: unknown, quiet: unknown): unknown {
    const locale = getLocale();
    if (news !== this.#news) {
      this.#news = news;
      this.#locale = locale;
      this.#quiet = false;
    } else if (locale !== this.#locale) {
      this.#quiet = true;
    }
    return this.#quiet ? quiet : value;
  }
}

export const quietAfterLanguageSwitch = directive(QuietAfterLanguageSwitch);

/**
 * The live region, saying `text` (empty: silent). `news` names what it says in no language (a
 * state, a dossier and its status); by default the text itself. Render it once, first in the shadow root.
 */
export function announcer(text: string, news: unknown = text): TemplateResult {
  // Silent, then saying it again (the same news) is news: only a switch of language is not.
  return html`<p class="visually-hidden" part="announcer" role="status" aria-live=${quietAfterLanguageSwitch('polite', text ? news : undefined, 'off')}
    lang=${getLocale()}>${text}</p>`;
}
