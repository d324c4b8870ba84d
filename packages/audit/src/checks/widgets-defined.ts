/**
 * The widgets loaded: every DVC Kit widget on the page (shadow roots included) is defined. The
 * other checks audit what is drawn; a widget whose script never came (a mistyped path, a CDN or
 * server down) draws nothing, so they would find nothing wrong and the page would pass. Such a
 * page cannot be audited: the check is an error (exit 2), naming the tags. Other `dvc-*` tags (a
 * portal's own elements may use the prefix) are not the kit's to judge: the tour says what it
 * could not do with them.
 */
import type { Check, CheckContext, CheckOutcome } from '../check.ts';
import { tours } from '../tours/index.ts';

/** The page's kit widgets, and those of them still not defined. */
function widgetTags(kit: string[]): { tags: string[]; undefinedTags: string[] } {
  const tags = [...new Set(window.__dvcAudit.allElements().map((el) => el.localName).filter((tag) => kit.includes(tag)))];
  return { tags, undefinedTags: tags.filter((tag) => customElements.get(tag) === undefined) };
}

async function run({ page }: CheckContext): Promise<CheckOutcome> {
  const { tags, undefinedTags } = await page.evaluate(widgetTags, Object.keys(tours));
  if (undefinedTags.length > 0) {
    throw new Error(`${undefinedTags.join(', ')} never became defined: the widget's script did not load ` +
      '(check the script tag\'s address and that the server answers, and that the page\'s Content-Security-Policy allows it: ' +
      'script-src with the kit\'s address and, with Trusted Types, trusted-types lit-html; the browser console says which), ' +
      'so the widget could not be audited');
  }
  const summary = tags.length === 0 ? 'no DVC Kit widget on the page'
    : `${tags.length} DVC Kit ${tags.length === 1 ? 'widget' : 'widgets'} defined: ${tags.join(', ')}`;
  return { findings: [], summary };
}

/** The widgets-defined check. */
export const widgetsDefinedCheck: Check = { id: 'widgets', run };
