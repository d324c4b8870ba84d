/**
 * The widgets loaded and have an API: every DVC Kit widget on the page (shadow roots included) is
 * defined, and has an API root to work with.
 *
 * The other checks audit what is drawn; a widget whose script never came (a mistyped path, a CDN or
 * server down) draws nothing, so they would find nothing wrong and the page would pass. Such a
 * page cannot be audited: the check is an error (exit 2), naming the tags. Other `dvc-*` tags (a
 * portal's own elements may use the prefix) are not the kit's to judge: the tour says what it
 * could not do with them.
 *
 * A widget with no API root (no `api-base`, or an empty one, and none set for the page), or one
 * that is not a web address, draws its first view like any other, so every other check passes it;
 * but it can do nothing for a citizen, whose first search or lookup only asks them to tell the
 * site's people. That is a failure of the page (`widget-api-base`), found without the tour.
 */
import type { DefinitionWait } from '../browser.ts';
import { failure, type Check, type CheckContext, type CheckOutcome, type RuleInfo } from '../check.ts';
import { tours } from '../tours/index.ts';

export const WIDGET_API_RULE = {
  rule: 'widget-api-base', wcag: [], impact: 'critical',
  help: 'Every DVC Kit widget has an API to work with: a web address in its api-base attribute, or one the page sets for all its widgets (window.dvcKit.apiBase, setDefaultApiBase())',
  helpUrl: '',
} satisfies RuleInfo;

interface WithoutApi { selector: string; html: string; base: string }

/** The page's kit widgets, those of them still not defined, and the defined ones without an API root. */
function widgetTags(kit: string[]): { tags: string[]; undefinedTags: string[]; withoutApi: WithoutApi[]; waited: DefinitionWait | null } {
  const helpers = window.__dvcAudit;
  const widgets = helpers.allElements().filter((el) => kit.includes(el.localName));
  const tags = [...new Set(widgets.map((el) => el.localName))];
  const undefinedTags = tags.filter((tag) => customElements.get(tag) === undefined);
  const withoutApi = widgets
    .filter((el) => customElements.get(el.localName) !== undefined)
    .map((el) => ({ el, api: helpers.apiBaseOf(el) }))
    .filter(({ api }) => api.root === null)
    .map(({ el, api }) => ({ selector: helpers.selectorFor(el), html: helpers.snippet(el), base: api.base }));
  return { tags, undefinedTags, withoutApi, waited: (helpers.scratch['definitionWait'] as DefinitionWait | undefined) ?? null };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** How long the tool waited for the definitions, as `openPage` measured it. */
function waitedFor(waited: DefinitionWait | null): string {
  if (!waited) return '';
  return waited.sinceQuietMs === null
    ? ` in the ${seconds(waited.sinceAskedMs)} the tool waited after asking for the page, which was still fetching`
    : ` in the ${seconds(waited.sinceQuietMs)} the tool waited after the page's last request that could bring a script ended (${seconds(waited.sinceAskedMs)} after it asked for the page)`;
}

/** What is wrong with a widget's API root, in the words a webmaster acts on. */
function withoutApiMessage(widget: WithoutApi): string {
  const consequence = 'so it can do nothing for a citizen: their first search or lookup only asks them to tell the site\'s people.';
  if (widget.base) {
    return `Its API root "${widget.base}" is not a web address (write it whole, with https://, or from the site's root, as /api/v1), ${consequence}`;
  }
  // The attribute missing or empty is one case: the widget reflects its empty property as api-base="".
  return `It has no api-base (the attribute is missing or empty), and the page sets no API root for its widgets (window.dvcKit.apiBase, setDefaultApiBase()), ${consequence}`;
}

async function run(context: CheckContext): Promise<CheckOutcome> {
  const { tags, undefinedTags, withoutApi, waited } = await context.page.evaluate(widgetTags, Object.keys(tours));
  if (undefinedTags.length > 0) {
    throw new Error(`${undefinedTags.join(', ')} never became defined${waitedFor(waited)}: the widget's script did not load ` +
      '(check the script tag\'s address and that the server answers, and that the page\'s Content-Security-Policy allows it: ' +
      'script-src with the kit\'s address and, with Trusted Types, trusted-types lit-html; the browser console says which), ' +
      'so the widget could not be audited');
  }
  const findings = withoutApi.map((widget) => failure('widgets', WIDGET_API_RULE, widget, withoutApiMessage(widget)));
  await context.capture(findings);
  const summary = tags.length === 0 ? 'no DVC Kit widget on the page'
    : `${tags.length} DVC Kit ${tags.length === 1 ? 'widget' : 'widgets'} defined: ${tags.join(', ')}` +
      (withoutApi.length ? `; ${withoutApi.length} without an API root` : '');
  return { findings, summary };
}

/** The widgets check: defined, and given an API. */
export const widgetsDefinedCheck: Check = { id: 'widgets', run };
