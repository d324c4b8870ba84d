/**
 * Whether a widget's API is a sandbox, asked before a tour step that would store data in it or
 * count against it (`sandboxOnly`): a portal's CI runs the tour against its live portal, and each
 * run must leave its production API as it found it.
 *
 * The question is a GET of a sandbox test control, `/_sandbox/survey-responses` (openapi/sandbox.yaml),
 * filtered to a page address no evaluation can be about, so a sandbox answers an empty list. A
 * production server never serves `/_sandbox/*` (it refuses to start with them on), nor does a
 * sandbox started without its test controls (`--no-admin`). The request goes from the audited page,
 * as the widget's own requests do, so the API's CORS rules and the page's CSP let it through.
 */
import type { Page } from 'puppeteer-core';
import type { TourWidget } from './tour.ts';

/** An address under the reserved `.invalid` domain: no page, so no stored evaluation, has it. */
const NO_SUCH_PAGE = 'https://dvc-audit.invalid/sandbox-probe';

/**
 * What the probe found: a sandbox; an API that is not one (`answered` says how it answered); or
 * no answer to judge by, as the `data-problem` a widget would show for it (`network`,
 * `timeout`, `service_unavailable`, `internal_error`, `configuration`).
 */
export type SandboxVerdict =
  | { kind: 'sandbox'; root: string }
  | { kind: 'not-sandbox'; root: string; answered: string }
  | { kind: 'no-answer'; root: string | null; problem: string; detail: string };

/**
 * The API root the widget uses, as an absolute URL ending in "/", or null when it has none or it is
 * not a web address (`apiBaseOf` in ./in-page.ts: read as the DVC Kit widgets read it).
 */
export function apiRootOf(page: Page, widget: TourWidget): Promise<string | null> {
  return page.evaluate((tag: string, index: number) => {
    const host = window.__dvcAudit.allElements().filter((el) => el.localName === tag)[index];
    return host ? window.__dvcAudit.apiBaseOf(host).root : null;
  }, widget.tag, widget.index);
}

/** Asks the API at `root` (absolute, ending in "/") whether it is a sandbox, from the page. */
export async function probeSandbox(page: Page, root: string): Promise<SandboxVerdict> {
  const url = new URL('_sandbox/survey-responses', root);
  url.searchParams.set('pageUrl', NO_SUCH_PAGE);
  const answer = await page.evaluate(async (href: string) => {
    try {
      const response = await fetch(href, {
        headers: { accept: 'application/json' }, credentials: 'omit', cache: 'no-store', signal: AbortSignal.timeout(10_000),
      });
      const text = await response.text();
      return { status: response.status, type: response.headers.get('content-type') ?? '', text: text.slice(0, 10_000) };
    } catch (error) {
      return { error: String(error), timedOut: (error as Error).name === 'TimeoutError' };
    }
  }, url.href);
  if ('error' in answer) {
    return { kind: 'no-answer', root, problem: answer.timedOut ? 'timeout' : 'network', detail: `asked whether it is a sandbox, GET ${url.href} failed: ${answer.error}` };
  }
  if (answer.status >= 500) {
    return { kind: 'no-answer', root, problem: answer.status === 503 ? 'service_unavailable' : 'internal_error', detail: `asked whether it is a sandbox, GET ${url.href} answered ${answer.status}` };
  }
  if (answer.status === 200 && isEmptyList(answer.text)) return { kind: 'sandbox', root };
  return { kind: 'not-sandbox', root, answered: `GET ${url.href} answered ${answer.status}${answer.status === 200 ? ` ${answer.type || 'with no content type'}, not the sandbox's list` : ''}` };
}

/** The sandbox's answer to a filter that matches nothing: `{"items":[]}`. */
function isEmptyList(text: string): boolean {
  try {
    const body = JSON.parse(text) as { items?: unknown } | null;
    return Array.isArray(body?.items) && body.items.length === 0;
  } catch {
    return false;
  }
}
