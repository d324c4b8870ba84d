/**
 * Registers a custom element once. A page can end up with two copies of the kit (a CMS plugin plus
 * a theme bundle, say); a second `customElements.define` of the same tag throws and would break the
 * whole script, so the first registration wins and later ones are skipped.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  if (customElements.get(tag) !== undefined) return;
  customElements.define(tag, ctor);
}
