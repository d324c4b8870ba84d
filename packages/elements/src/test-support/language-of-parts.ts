/**
 * WCAG 3.1.2 (Language of Parts) for the widgets' language tests: every piece of Vietnamese a
 * widget shows or names must sit in an element whose language is Vietnamese, so a screen reader on
 * an English (or French) page switches to Vietnamese for it. Imported by tests only.
 */

/**
 * Letters only Vietnamese uses among the kit's languages: ă â đ ê ô ơ ư, the tone marks on vowels
 * (à á ả ã ạ…), and their capitals. English text in the widgets never has them.
 */
const VIETNAMESE_LETTER =
  /[\u00C0-\u00C3\u00C8-\u00CA\u00CC\u00CD\u00D2-\u00D5\u00D9\u00DA\u00DD\u00E0-\u00E3\u00E8-\u00EA\u00EC\u00ED\u00F2-\u00F5\u00F9\u00FA\u00FD\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01A0\u01A1\u01AF\u01B0\u1EA0-\u1EF9]/;

/** True when `text` has a letter only Vietnamese uses. */
export const hasVietnameseLetters = (text: string): boolean => VIETNAMESE_LETTER.test(text.normalize('NFC'));

/**
 * Changes the JSON of the API's answers whose URL contains `urlPart`, for data the sandbox's seed
 * does not have (a form to download, a history note). Returns the function that undoes it.
 */
export function amendJson(urlPart: string, amend: (body: Record<string, unknown>) => void): () => void {
  const original = window.fetch;
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await original.call(window, input, init);
    const url = input instanceof Request ? input.url : String(input);
    if (!url.includes(urlPart) || !response.ok) return response;
    const body = (await response.json()) as Record<string, unknown>;
    amend(body);
    return new Response(JSON.stringify(body), { status: response.status, headers: { 'content-type': 'application/json' } });
  };
  return () => {
    window.fetch = original;
  };
}

/**
 * The language a node is in, as the browser works it out: the nearest `lang` attribute up its
 * shadow tree, then the host's tree (nested shadow roots too), up to `<html lang>`; '' when none.
 */
export function languageOf(node: Node): string {
  let at: Node | null = node;
  while (at) {
    const el: Element | null = at instanceof Element ? at : at.parentElement;
    const marked = el?.closest('[lang]');
    if (marked) return marked.getAttribute('lang') ?? '';
    const root: Node = (el ?? at).getRootNode();
    at = root instanceof ShadowRoot ? root.host : null;
  }
  return '';
}

const isVietnamese = (lang: string) => lang.trim().toLowerCase().split('-')[0] === 'vi';

/**
 * The texts in `host`'s shadow tree (and nested shadow trees) with Vietnamese letters whose
 * language is not Vietnamese: text nodes and `aria-label`s, each as `"text" (lang="…")`.
 */
export function unmarkedVietnamese(host: Element): string[] {
  const problems: string[] = [];
  const check = (node: Node, text: string | null | undefined, what: string) => {
    const value = (text ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
    if (!hasVietnameseLetters(value)) return;
    const lang = languageOf(node);
    if (!isVietnamese(lang)) problems.push(`${what}"${value.slice(0, 80)}" (lang="${lang}")`);
  };
  const visit = (root: ShadowRoot) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node instanceof Text) {
        if (!node.parentElement?.closest('style, script')) check(node, node.data, '');
      } else if (node instanceof Element) {
        if (node.hasAttribute('aria-label')) check(node, node.getAttribute('aria-label'), `aria-label of <${node.localName}>: `);
        if (node.shadowRoot) visit(node.shadowRoot);
      }
    }
  };
  if (!host.shadowRoot) throw new Error(`${host.localName} has no shadow root`);
  visit(host.shadowRoot);
  return problems;
}

/** Throws, listing them, when any Vietnamese text in the widget is not in a `lang="vi"` element. */
export function expectVietnameseMarked(host: Element): void {
  const problems = unmarkedVietnamese(host);
  if (problems.length > 0) {
    throw new Error(`${host.localName}: ${problems.length} Vietnamese text(s) not marked lang="vi":\n  ${problems.join('\n  ')}`);
  }
}

/** The top-level elements of the widget's shadow root (what it renders; not its style elements). */
export function outerElements(host: Element): Element[] {
  return [...(host.shadowRoot?.children ?? [])].filter((el) => el.localName !== 'style');
}
