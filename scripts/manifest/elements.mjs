// Reads the custom elements out of a Custom Elements Manifest (schema 1.0.0) for the generators.

/**
 * @typedef {{ name: string, description?: string, type?: { text: string }, default?: string, fieldName?: string }} Attribute
 * @typedef {{ kind: string, name: string, description?: string, type?: { text: string }, static?: boolean, readonly?: boolean, privacy?: string, attribute?: string }} Member
 * @typedef {{ name: string, description?: string, type?: { text: string } }} Named
 * @typedef {{ tagName: string, className: string, modulePath: string, description: string,
 *   attributes: Attribute[], properties: Member[], events: Named[], slots: Named[], cssParts: Named[], cssProperties: (Named & { default?: string })[] }} ElementDoc
 */

/** The custom elements of a manifest, sorted by tag name. @returns {ElementDoc[]} */
export function customElements(manifest) {
  const found = [];
  for (const mod of manifest.modules ?? []) {
    for (const declaration of mod.declarations ?? []) {
      if (!declaration.customElement || !declaration.tagName) continue;
      found.push({
        tagName: declaration.tagName,
        className: declaration.name,
        modulePath: mod.path,
        description: (declaration.description ?? '').trim(),
        attributes: declaration.attributes ?? [],
        // Settable instance properties (a read-only getter or a static is not a JSX prop).
        properties: (declaration.members ?? []).filter((m) => m.kind === 'field' && !m.static && !m.readonly && (m.privacy ?? 'public') === 'public'),
        events: (declaration.events ?? []).filter((e) => e.name),
        slots: declaration.slots ?? [],
        cssParts: declaration.cssParts ?? [],
        cssProperties: declaration.cssProperties ?? [],
      });
    }
  }
  return found.sort((a, b) => a.tagName.localeCompare(b.tagName));
}

/** The first paragraph of a description, on one line. */
export function summary(text = '') {
  return text.split(/\n\s*\n/)[0].replace(/\s+/g, ' ').trim();
}

/** A type's literal string members (`'a' | 'b' | undefined` → ['a', 'b']), or [] when it has other members. */
export function stringLiterals(typeText = '') {
  const members = typeText.split('|').map((t) => t.trim()).filter((t) => t && t !== 'undefined' && t !== 'null');
  if (members.length === 0 || !members.every((t) => /^'[^']*'$|^"[^"]*"$/.test(t))) return [];
  return members.map((t) => t.slice(1, -1));
}
