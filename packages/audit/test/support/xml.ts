/**
 * A minimal XML parser for reading the JUnit report back: elements, attributes, text, the five
 * predefined entities and numeric references; no DTDs, namespaces or CDATA (the writer uses none).
 * It throws on anything malformed — unbalanced tags, a stray `<` or `&` — which is the point.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(text)) throw new Error(`unescaped & in ${JSON.stringify(text.slice(0, 60))}`);
  if (text.includes('<')) throw new Error(`unescaped < in ${JSON.stringify(text.slice(0, 60))}`);
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (_, ref: string) =>
    ref.startsWith('#x') ? String.fromCodePoint(parseInt(ref.slice(2), 16))
      : ref.startsWith('#') ? String.fromCodePoint(Number(ref.slice(1))) : ENTITIES[ref]!);
}

/** Parses a document; returns its root element. */
export function parseXml(source: string): XmlElement {
  const body = source.replace(/^\uFEFF?<\?xml[^?]*\?>\s*/, '');
  const tag = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w.:-]+\s*=\s*"[^"]*")*)\s*(\/?)>/g;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let at = 0;
  for (let match = tag.exec(body); match; match = tag.exec(body)) {
    const between = body.slice(at, match.index);
    if (stack.length) stack.at(-1)!.text += decode(between);
    else if (between.trim()) throw new Error(`text outside the root: ${between.slice(0, 40)}`);
    at = tag.lastIndex;
    const [, closing, name = '', rawAttributes = '', selfClosing] = match;
    if (closing) {
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`</${name}> closes <${open?.name ?? 'nothing'}>`);
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const [, key = '', value = ''] of rawAttributes.matchAll(/([\w.:-]+)\s*=\s*"([^"]*)"/g)) attributes[key] = decode(value);
    const element: XmlElement = { name, attributes, children: [], text: '' };
    if (stack.length) stack.at(-1)!.children.push(element);
    else if (root) throw new Error('two root elements');
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (stack.length) throw new Error(`<${stack.at(-1)!.name}> is never closed`);
  if (body.slice(at).trim()) throw new Error('text after the root');
  if (!root) throw new Error('no root element');
  return root;
}
