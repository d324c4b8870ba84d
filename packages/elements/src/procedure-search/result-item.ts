import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { findMatches, type ProcedureSummary } from '@dvc-kit/sdk';
import { CONTENT_LANG, formatNumber, intlLocale, withContent } from '../shared/locale.ts';
import { channelInSentence, levelLabel, lowestFeeText, onlineLabel, processingTimeText, publishedTimeText } from './labels.ts';
import './translations.ts';

/**
 * "Tìm thấy 12 thủ tục" / "12 procedures found" (English needs the singular for 1); for the closest
 * matches of a query no procedure matches word for word (`approximate`), says that they are.
 */
export function foundMessage(total: number, approximate = false): string {
  if (total === 0) return msg('No procedures found');
  const count = formatNumber(total);
  const one = new Intl.PluralRules(intlLocale()).select(total) === 'one';
  if (approximate) {
    return one
      ? msg(str`No procedure matches every word you typed. ${count} close match`)
      : msg(str`No procedure matches every word you typed. ${count} close matches`);
  }
  return one ? msg(str`${count} procedure found`) : msg(str`${count} procedures found`);
}

/** "Trang 2/7" / "Page 2 of 7". */
export function pageMessage(page: number, pages: number): string {
  const current = formatNumber(page);
  const last = formatNumber(pages);
  return msg(str`Page ${current} of ${last}`);
}

/** The text with matched words in <mark>, built as template parts so the text stays text. */
export function highlight(text: string, query: string): Array<string | TemplateResult> {
  const parts: Array<string | TemplateResult> = [];
  let at = 0;
  for (const { start, end } of findMatches(text, query)) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(html`<mark part="mark">${text.slice(start, end)}</mark>`);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

/**
 * One result: the name opens the detail; the facts a citizen compares at a glance. The button is
 * named by `aria-label`, not by its content: Chromium leaves out of the accessible name the spaces
 * between two matched words (a white-space text node between Lit's marker comments), so screen
 * readers heard "Thủ tục đăngkýkhaisinh".
 */
export function resultItem(item: ProcedureSummary, query: string, onOpen: (code: string, opener: HTMLElement) => void): TemplateResult {
  const shortest = item.shortestProcessingTime;
  return html`<li part="item">
    <button
      type="button"
      class="name link"
      part="name"
      lang=${CONTENT_LANG}
      aria-label=${item.name}
      data-code=${item.code}
      @click=${(event: Event) => onOpen(item.code, event.currentTarget as HTMLElement)}
    >${highlight(item.name, query)}</button>
    <dl part="meta">
      <div><dt>${msg('Code')}</dt><dd class="code">${item.code}</dd></div>
      <div><dt>${msg('Field')}</dt><dd lang=${CONTENT_LANG}>${item.field.name}</dd></div>
      ${item.levels.length
        ? html`<div><dt>${msg('Level')}</dt><dd>${item.levels.map(levelLabel).join(', ')}</dd></div>`
        : nothing}
      <div><dt>${msg('Processing time')}</dt><dd>${shortest ? shortestTime(shortest) : msg('Not published')}</dd></div>
      <div><dt>${msg('Lowest fee')}</dt><dd>${lowestFeeText(item.lowestFee)}</dd></div>
    </dl>
    <span class="badge" part="badge" data-online=${item.onlineLevel}>${onlineLabel(item.onlineLevel)}</span>
  </li>`;
}

/** "10 working days (online)"; an agency's own wording of the time is marked Vietnamese. */
function shortestTime(shortest: NonNullable<ProcedureSummary['shortestProcessingTime']>): string | TemplateResult {
  const channel = channelInSentence(shortest.channel);
  const sentence = (time: string) => msg(str`${time} (${channel})`);
  const published = publishedTimeText(shortest.processingTime);
  return published ? withContent(sentence, published) : sentence(processingTimeText(shortest.processingTime));
}
