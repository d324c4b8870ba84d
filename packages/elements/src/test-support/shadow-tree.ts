/** Every element under `host`'s shadow root, through nested open shadow roots, in document order. */
export function shadowTree(host: Element): Element[] {
  const found: Element[] = [];
  const walk = (root: ParentNode) => {
    for (const el of root.querySelectorAll('*')) {
      found.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  if (host.shadowRoot) walk(host.shadowRoot);
  return found;
}
