import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { onlineLevels, procedureLevels, type Agency, type Field, type ProcedureSearchResult } from '@dvc-kit/sdk';
import { CONTENT_LANG, formatNumber } from '../shared/locale.ts';
import { levelLabel, onlineLabel } from './labels.ts';
import { optionList, type Choice } from './option-list.ts';
import { FILTER_NAMES } from './search-state.ts';
import type { FilterName, SearchState } from './search-state.ts';
import './translations.ts';

export interface FilterView {
  state: SearchState;
  facets: ProcedureSearchResult['facets'] | undefined;
  agencies: Agency[];
  /** The catalogue's fields, loaded on start: the field filter's options until a search gives facets. */
  fields: Field[];
  onChange: (name: FilterName, value: string) => void;
  /** Focus left a filter: its next change is a new choice. */
  onLeave: (name: FilterName) => void;
  onClear: () => void;
}

const withCount = (label: string, count: number | undefined) =>
  count === undefined ? label : msg(str`${label} (${formatNumber(count)})`);

/**
 * An option with its count. One whose count is 0 stays listed, so the list does not change shape
 * under the citizen, but cannot be chosen: it would find nothing. The chosen one always can.
 */
const counted = (value: string, label: string, count: number | undefined, chosen: string): Choice =>
  ({ value, label: withCount(label, count), disabled: count === 0 && value !== chosen });

/**
 * Native selects: they work with every screen reader, keyboard and phone. Options carry the facet
 * counts of the current search; the chosen value stays listed, and choosable, even when its count is 0.
 */
export function filtersView({ state, facets, agencies, fields, onChange, onLeave, onClear }: FilterView): TemplateResult {
  // Field and agency names come from the catalogue (Vietnamese): their options say so.
  const select = (name: FilterName, label: string, options: Choice[], optionLang?: string) => html`
    <div class="filter">
      <label for="filter-${name}">${label}</label>
      <select id="filter-${name}" part="filter" name=${name} .value=${state[name]}
        @change=${(event: Event) => onChange(name, (event.target as HTMLSelectElement).value)} @blur=${() => onLeave(name)}>
        <option value="">${msg('All')}</option>
        ${optionList(options, state[name], optionLang)}
      </select>
    </div>`;

  // After a search, the fields it found with their counts; before one, every field of the catalogue.
  const fieldOptions = facets
    ? facets.field.map((f) => counted(f.value, fieldLabel(fields, f.value, f.label), f.count, state.field))
    : fields.map((f) => counted(f.code, fieldLabel(fields, f.code, f.name), f.procedureCount, state.field));
  if (state.field && !fieldOptions.some((o) => o.value === state.field)) {
    fieldOptions.unshift({ value: state.field, label: fieldLabel(fields, state.field) });
  }
  const count = (list: { value: string; count: number }[] | undefined, value: string) => list?.find((f) => f.value === value)?.count;
  const levelOptions = procedureLevels.map((value) => counted(value, levelLabel(value), count(facets?.level, value), state.level));
  const onlineOptions = onlineLevels.map((value) => counted(value, onlineLabel(value), count(facets?.online, value), state.online));
  const agencyOptions = agencies.map((a) => ({ value: a.id, label: a.name }));
  // An agency the list does not hold (from an old link): shown as chosen, so it can be seen and cleared.
  if (state.agency && !agencyOptions.some((o) => o.value === state.agency)) agencyOptions.unshift({ value: state.agency, label: state.agency });
  const active = FILTER_NAMES.some((name) => state[name] !== '');

  return html`<fieldset class="filters" part="filters">
    <legend class="visually-hidden">${msg('Filter the results')}</legend>
    ${select('field', msg('Field'), fieldOptions, CONTENT_LANG)}
    ${select('level', msg('Level'), levelOptions)}
    ${select('online', msg('Online service'), onlineOptions)}
    ${agencyOptions.length ? select('agency', msg('Agency'), agencyOptions, CONTENT_LANG) : nothing}
    ${active
      ? html`<button type="button" class="secondary" part="clear-filters" @click=${onClear}>${msg('Clear filters')}</button>`
      : nothing}
  </fieldset>`;
}

/** A field's name, and who publishes it when the catalogue has another field of that name. */
function fieldLabel(fields: Field[], code: string, name?: string): string {
  const field = fields.find((f) => f.code === code);
  const label = name ?? field?.name ?? code;
  return field?.publisher ? msg(str`${label} – ${field.publisher}`) : label;
}

/** How many filters are set, for the disclosure's label while it is closed. */
export function activeFilterCount(state: SearchState): number {
  return FILTER_NAMES.filter((name) => state[name] !== '').length;
}

/** "Bộ lọc" / "Filters", and "(2)" when two are in use: folded, it still says the results are filtered. */
export function filtersToggleLabel(state: SearchState): string {
  const active = activeFilterCount(state);
  if (active === 0) return msg('Filters');
  const count = formatNumber(active);
  return msg(str`Filters (${count})`);
}
