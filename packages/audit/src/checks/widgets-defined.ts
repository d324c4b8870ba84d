/**
 * The widgets loaded: every `dvc-*` element on the page (shadow roots included) is defined. The
 * other checks audit what is drawn; a widget whose script never came (a mistyped path, a CDN or
 * server down) draws nothing, so they would find nothing wrong and the page would pass. Such a
 * page cannot be audited: the check is an error (exit 2), naming the tags.
 */
import type { Check, CheckContext, CheckOutcome } from '../check.ts';

/** The page's `dvc-*` tags, and those of them still not defined. */
function widgetTags(): { tags: string[]; undefinedTags: string[] } {
  const tags = [...new Set(window.__dvcAudit.allElements().map((el) => el.localName).filter((tag) => tag.startsWith('dvc-')))];
  return { tags, undefinedTags: tags.filter((tag) => customElements.get(tag) === undefined) };
}

export class WidgetsNotDefinedError extends Error {}

async function run({ page }: CheckContext): Promise<CheckOutcome> {
  const { tags, undefinedTags } = await page.evaluate(widgetTags);
  if (undefinedTags.length > 0) {
    throw new WidgetsNotDefinedError(`${undefinedTags.join(', ')} never became defined: the widget's script did not load ` +
      '(check the script tag\'s address and that the server answers), so the widget could not be audited');
  }
  const summary = tags.length === 0 ? 'no dvc-* widget on the page'
    : `${tags.length} dvc-* ${tags.length === 1 ? 'widget' : 'widgets'} defined: ${tags.join(', ')}`;
  return { findings: [], summary };
}

/** The widgets-defined check. */
export const widgetsDefinedCheck: Check = { id: 'widgets', run };
