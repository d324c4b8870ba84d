// VS Code HTML custom data (version 1.1) from the Custom Elements Manifest: tag and attribute
// completion with their documentation in any HTML file (`"html.customData"` in settings).
import { customElements, stringLiterals, summary } from './elements.mjs';

const list = (title, items, format) => (items.length ? [`**${title}**`, '', ...items.map(format), ''] : []);

function tagDescription(element) {
  const lines = [
    element.description,
    '',
    ...list('Events', element.events, (e) => `- \`${e.name}\`${e.type ? ` (\`${e.type.text}\`)` : ''} — ${summary(e.description)}`),
    ...list('Slots', element.slots, (s) => `- ${s.name ? `\`${s.name}\`` : '(default)'} — ${summary(s.description)}`),
    ...list('CSS parts', element.cssParts, (p) => `- \`::part(${p.name})\` — ${summary(p.description)}`),
    ...list('CSS custom properties', element.cssProperties, (p) => `- \`${p.name}\`${p.default ? ` (default \`${p.default}\`)` : ''} — ${summary(p.description)}`),
  ];
  return lines.join('\n').trim();
}

function attribute(attr) {
  const type = attr.type?.text ?? 'string';
  const entry = {
    name: attr.name,
    description: {
      kind: 'markdown',
      value: [
        attr.description,
        `Type: \`${type}\`${attr.default !== undefined ? `, default \`${attr.default}\`` : ''}.`,
        attr.fieldName ? `Property: \`${attr.fieldName}\`.` : '',
      ].filter(Boolean).join('\n\n'),
    },
  };
  if (type === 'boolean') entry.valueSet = 'v';
  const values = stringLiterals(type);
  if (values.length) entry.values = values.map((name) => ({ name }));
  return entry;
}

/** @returns {string} the JSON text of the custom data. */
export function vscodeCustomData(manifest) {
  const data = {
    version: 1.1,
    tags: customElements(manifest).map((element) => ({
      name: element.tagName,
      description: { kind: 'markdown', value: tagDescription(element) },
      attributes: element.attributes.map(attribute),
    })),
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}
