import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { onlineLevels, procedureLevels, type Agency, type ProcedureSearchResult } from '@dvc-kit/sdk';
import { CONTENT_LANG, formatNumber } from '../shared/locale.ts';
import { levelLabel, onlineLabel } from './labels.ts';
import { FILTER_NAMES } from './search-state.ts';
import type { FilterName, SearchState } from './search-state.ts';
import './translations.ts';

export interface FilterView {
  state: SearchState;
  facets: ProcedureSearchResult['facets'] | undefined;
  agencies: Agency[];
  onChange: (name: FilterName, value: string) => void;
  onClear: () => void;
}

const withCount = (label: string, count: number | undefined) =>
  count === undefined ? label : msg(str`${label} (${formatNumber(count)})`);

/**
 * Native selects: they work with every screen reader, keyboard and phone. Options carry the facet
 * counts of the current search; the chosen value stays listed even when its count is 0.
 */
export function filtersView({ state, facets, agencies, onChange, onClear }: FilterView): TemplateResult {
  // Field and agency names come from the catalogue (Vietnamese): their options say so.
  const select = (name: FilterName, label: string, options: { value: string; label: string }[], optionLang?: string) => html`
    <div class="filter">
      <label for="filter-${name}">${label}</label>
      <select id="filter-${name}" part="filter" name=${name} .value=${state[name]}
        @change=${(event: Event) => onChange(name, (event.target as HTMLSelectElement).value)}>
        <option value="">${msg('All')}</option>
        ${options.map((o) => html`<option value=${o.value} ?selected=${o.value === state[name]} lang=${optionLang ?? nothing}>${o.label}</option>`)}
      </select>
    </div>`;

  const fieldOptions = (facets?.field ?? []).map((f) => ({ value: f.value, label: withCount(f.label ?? f.value, f.count) }));
  if (state.field && !fieldOptions.some((o) => o.value === state.field)) fieldOptions.unshift({ value: state.field, label: state.field });
  const count = (list: { value: string; count: number }[] | undefined, value: string) => list?.find((f) => f.value === value)?.count;
  const levelOptions = procedureLevels.map((value) => ({ value, label: withCount(levelLabel(value), count(facets?.level, value)) }));
  const onlineOptions = onlineLevels.map((value) => ({ value, label: withCount(onlineLabel(value), count(facets?.online, value)) }));
  const agencyOptions = agencies.map((a) => ({ value: a.id, label: a.name }));
  const active = FILTER_NAMES.some((name) => state[name] !== '');

  return html`<fieldset class="filters" part="filters">
    <legend>${msg('Filter the results')}</legend>
    ${select('field', msg('Field'), fieldOptions, CONTENT_LANG)}
    ${select('level', msg('Level'), levelOptions)}
    ${select('online', msg('Online service'), onlineOptions)}
    ${agencyOptions.length ? select('agency', msg('Agency'), agencyOptions, CONTENT_LANG) : nothing}
    ${active
      ? html`<button type="button" class="secondary" part="clear-filters" @click=${onClear}>${msg('Clear filters')}</button>`
      : nothing}
  </fieldset>`;
}
