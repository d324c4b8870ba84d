import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Procedure } from '@dvc-kit/sdk';
import { CONTENT_LANG, formatDate, formatNumber, getLocale, startsWithLabel, withContent, type DvcLocale } from '../shared/locale.ts';
import type { SpeechPart } from '../shared/speech-controllers.ts';
import { heading } from '../shared/heading.ts';
import {
  channelLabel, feeAmountText, feeKindLabel, levelLabel, onlineLabel, processingTimeText, processingTimeView, publishedTimeText,
} from './labels.ts';
import './translations.ts';

export interface DetailView {
  procedure: Procedure;
  /** The level of the procedure's name; sections go one below, document cases two below. */
  headingLevel: number;
  onBack: () => void;
  readAloud: { supported: boolean; speaking: boolean; silent: boolean; toggle: () => void };
}

/**
 * A form's address when it is an absolute http(s) URL, else undefined: Lit does not filter
 * `href`, so a `javascript:` (or `vbscript:`, `data:`) address from the API would be a live link.
 */
function httpUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** The download link of a document's form; none when its address is not http(s). */
function formLink(form: Procedure['documentCases'][number]['documents'][number]['form']): TemplateResult | typeof nothing {
  const href = form ? httpUrl(form.url) : undefined;
  return form && href
    ? html`<a part="form-link" href=${href} download>${withContent((name) => msg(str`Download the form: ${name}`), form.name)}</a>`
    : nothing;
}

/** Splits published text into paragraphs, keeping the line breaks the agency wrote. */
const paragraphs = (text: string) =>
  text.split(/\n+/).map((line) => line.trim()).filter(Boolean).map((line) => html`<p>${line}</p>`);

function section(level: number, id: string, title: string, body: TemplateResult | TemplateResult[] | typeof nothing): TemplateResult | typeof nothing {
  if (body === nothing || (Array.isArray(body) && body.length === 0)) return nothing;
  return html`<section part="detail-section" aria-labelledby=${id}>${heading(level, title, { id })}${body}</section>`;
}

type Fee = Procedure['channelDetails'][number]['fees'][number];

/**
 * One fee: "Lệ phí: 30.000 đồng", its description under it. A description that starts with the fee's
 * kind ("Phí cung cấp thông tin…" for a Phí) names it already: the amount is not prefixed with the
 * kind again, so the cell never reads "Phí: … Phí cung cấp…".
 */
/** A fee: its amount, and its note unless an earlier row of the table said the same (`shown`). */
function feeLine(fee: Fee, shown: Set<string>): TemplateResult {
  const kind = feeKindLabel(fee.kind);
  const named = fee.description ? startsWithLabel(fee.description, kind) : false;
  // The same note under every way of applying says nothing new after the first.
  const note = fee.description && !shown.has(fee.description) ? fee.description : '';
  if (fee.description) shown.add(fee.description);
  return html`<span class="fee-amount">${named ? feeAmountText(fee) : `${kind}: ${feeAmountText(fee)}`}</span>${note
    ? html`<span class="fee-note" lang=${CONTENT_LANG}>${note}</span>`
    : nothing}`;
}

/** "(ban hành ngày 01/10/2024)" / "(issued 1 Oct 2024)": the date carries its "ngày". */
function issuedOn(date: string): string {
  const when = formatDate(date);
  return msg(str`issued ${when}`);
}

/** Everything needed to apply: who, where, how long, how much, what to bring, on what legal basis. */
export function detailView({ procedure: p, headingLevel, onBack, readAloud }: DetailView): TemplateResult {
  const sub = headingLevel + 1;
  const agencies = p.agencyDetails.executing;
  // The catalogue's text is Vietnamese whatever the page's language: each element holding it says so.
  return html`<article class="detail" part="detail" aria-labelledby="detail-title" lang=${getLocale()}>
    <button type="button" class="secondary back" part="back-button" @click=${onBack}>${msg('Back to results')}</button>
    ${heading(headingLevel, p.name, { id: 'detail-title', part: 'detail-title', focusable: true, lang: CONTENT_LANG })}
    ${readAloud.supported
      // The label says what a press does ("Read aloud" / "Stop reading"); no aria-pressed beside it,
      // or a screen reader hears "Stop reading, pressed" (APG: a toggle's label must not change).
      ? html`<button type="button" class="secondary" part="read-aloud-button"
          @click=${readAloud.toggle}>${readAloud.speaking ? msg('Stop reading') : msg('Read aloud')}</button>
        <p class="read-aloud-status" part="read-aloud-status" aria-live="polite">${readAloud.silent
          ? msg('This device has no Vietnamese voice to read this aloud.')
          : nothing}</p>`
      : nothing}
    <dl class="facts" part="detail-facts">
      <div><dt>${msg('Code')}</dt><dd class="code">${p.code}</dd></div>
      <div><dt>${msg('Field')}</dt><dd lang=${CONTENT_LANG}>${p.field.name}</dd></div>
      <div><dt>${msg('Level')}</dt><dd>${p.levels.map(levelLabel).join(', ') || msg('Not published')}</dd></div>
      <div><dt>${msg('Agencies')}</dt><dd lang=${agencies.length ? CONTENT_LANG : nothing}>${agencies.join('; ') || msg('Not published')}</dd></div>
      <div><dt>${msg('Online service')}</dt><dd>${onlineLabel(p.onlineLevel)}</dd></div>
    </dl>

    ${section(sub, 'detail-channels', msg('Processing time and fees'), p.channelDetails.length === 0 ? nothing : html`
      <table part="channels">
        <caption class="visually-hidden">${msg('Processing time and fees, by how you apply')}</caption>
        <thead><tr><th scope="col">${msg('How to apply')}</th><th scope="col">${msg('Processing time')}</th><th scope="col">${msg('Fees')}</th></tr></thead>
        <tbody>${((shown: Set<string>) => p.channelDetails.map((c) => html`<tr>
          <th scope="row">${channelLabel(c.channel)}</th>
          <td>${processingTimeView(c.processingTime)}</td>
          <td>${c.fees.length === 0 ? msg('Free') : html`<ul class="plain">${c.fees.map((fee) => html`<li>${feeLine(fee, shown)}</li>`)}</ul>`}</td>
        </tr>`))(new Set())}</tbody>
      </table>`)}

    ${section(sub, 'detail-documents', msg('Documents you need'), p.documentCases.map((c, i) => {
      return html`<div class="case" part="document-case">
        ${p.documentCases.length > 1 || c.name
          ? heading(sub + 1, c.name || msg('Documents'), c.name ? { id: `case-${i}`, lang: CONTENT_LANG } : { id: `case-${i}` })
          : nothing}
        <ul>${c.documents.map((d) => html`<li part="document">
          <span class="doc-name" lang=${CONTENT_LANG}>${d.name}</span>
          <span class="doc-meta">${[
            d.originals > 0 ? msg(str`Originals: ${formatNumber(d.originals)}`) : '',
            d.copies > 0 ? msg(str`Copies: ${formatNumber(d.copies)}`) : '',
            d.required ? msg('Required') : msg('If applicable'),
          ].filter(Boolean).join(' · ')}</span>
          ${formLink(d.form)}
        </li>`)}</ul>
      </div>`;
    }))}

    ${section(sub, 'detail-steps', msg('Steps'), p.steps.length === 0 ? nothing : html`<ol>${p.steps.map((s) => html`<li lang=${CONTENT_LANG}>
      ${s.title ? html`<strong>${s.title}</strong>` : nothing}${paragraphs(s.description)}</li>`)}</ol>`)}

    ${section(sub, 'detail-eligibility', msg('Who can apply'), p.eligibility.length === 0 ? nothing : html`<ul>${p.eligibility.map((e) => html`<li lang=${CONTENT_LANG}>${e}</li>`)}</ul>`)}

    ${section(sub, 'detail-requirements', msg('Requirements and conditions'), p.requirements.trim() ? html`<div lang=${CONTENT_LANG}>${paragraphs(p.requirements)}</div>` : nothing)}

    ${section(sub, 'detail-results', msg('Result'), p.results.length === 0 ? nothing : html`<ul>${p.results.map((r) => html`<li lang=${CONTENT_LANG}>${r}</li>`)}</ul>`)}

    ${section(sub, 'detail-legal', msg('Legal basis'), p.legalBasis.length === 0 ? nothing : html`<ul>${p.legalBasis.map((l) => html`<li>
      <span lang=${CONTENT_LANG}>${l.number}</span>${l.title && l.title !== l.number ? html` — <span lang=${CONTENT_LANG}>${l.title}</span>` : nothing}${l.issuedOn ? html` (${issuedOn(l.issuedOn)})` : nothing}
    </li>`)}</ul>`)}
  </article>`;
}

/**
 * What the read-aloud button says: the essentials, in reading order, each stretch in its language
 * (the widget's words in the page's, the catalogue's text in Vietnamese, for the matching voice).
 */
export function detailSpeech(p: Procedure): SpeechPart[] {
  const own: DvcLocale = getLocale();
  const parts: SpeechPart[] = [{ text: p.name, lang: CONTENT_LANG }];
  const say = (text: string, lang: DvcLocale = own) => parts.push({ text, lang });
  for (const c of p.channelDetails) {
    const fees = c.fees.length === 0 ? msg('Free') : c.fees.map((f) => `${feeKindLabel(f.kind)} ${feeAmountText(f)}`).join(', ');
    const published = publishedTimeText(c.processingTime);
    say(`\n${channelLabel(c.channel)}: `);
    say(published ?? processingTimeText(c.processingTime), published ? CONTENT_LANG : own);
    say(`. ${msg('Fees')}: ${fees}.`);
  }
  for (const c of p.documentCases) {
    // The line break and colon go with a neighbour in the same language: no utterance of their own.
    if (!c.name) say(`\n${msg('Documents you need')}: `);
    say(`${c.name ? `\n${c.name}: ` : ''}${c.documents.map((d) => d.name).join('; ')}.`, CONTENT_LANG);
  }
  return parts;
}
