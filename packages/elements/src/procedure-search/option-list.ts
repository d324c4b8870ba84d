/**
 * A select's options from the catalogue's lists (its fields, its agencies: more than a thousand),
 * made as plain DOM in one go. Lit's own rendering of each option as a template instance took a
 * 4× slower phone 275–314 ms for the agency list, one long task that froze the page; this makes
 * the same options in a few milliseconds, and only when the list changed.
 *
 * A short list (the few options a page's first view may hold, prerendered included) is rendered
 * as Lit renders any list, so prerendered markup hydrates as it was written.
 */
import { html, noChange, nothing } from 'lit';
import { Directive, directive, PartType, type ChildPart, type PartInfo } from 'lit/directive.js';

export interface Choice {
  value: string;
  label: string;
  /** Listed but not choosable: choosing it would find nothing ("Cấp tỉnh (0)"). */
  disabled?: boolean;
}

/** Up to this many options, Lit renders them (and the server may have); beyond it, plain DOM. */
const LIT_RENDERED_UP_TO = 20;

const sameChoices = (a: readonly Choice[], b: readonly Choice[]) =>
  a.length === b.length && a.every((choice, i) => choice.value === b[i]!.value && choice.label === b[i]!.label && choice.disabled === b[i]!.disabled);

class OptionListDirective extends Directive {
  #shown: { choices: readonly Choice[]; lang: string | undefined } | undefined;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.CHILD) throw new Error('optionList() belongs inside a <select>');
  }

  render(choices: readonly Choice[], selected: string, lang?: string) {
    return choices.map((o) => html`<option value=${o.value} ?selected=${o.value === selected} ?disabled=${o.disabled === true}
      lang=${lang ?? nothing}>${o.label}</option>`);
  }

  override update(_part: ChildPart, [choices, selected, lang]: Parameters<this['render']>) {
    if (choices.length <= LIT_RENDERED_UP_TO) {
      this.#shown = undefined;
      return this.render(choices, selected, lang);
    }
    // The same options: the select's own `.value` binding keeps the choice.
    if (this.#shown && this.#shown.lang === lang && sameChoices(this.#shown.choices, choices)) return noChange;
    this.#shown = { choices, lang };
    const options = document.createDocumentFragment();
    for (const choice of choices) {
      // Text and value as properties: catalogue text never goes through HTML parsing.
      const chosen = choice.value === selected;
      const option = new Option(choice.label, choice.value, chosen, chosen);
      if (lang) option.lang = lang;
      option.disabled = choice.disabled === true;
      options.append(option);
    }
    return options;
  }
}

/** `<select>…${optionList(choices, selectedValue, lang)}</select>`: the options, made cheaply when there are many. */
export const optionList = directive(OptionListDirective);
