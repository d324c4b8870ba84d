import type { TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { components } from '@dvc-kit/sdk';
import { formatNumber, formatVnd, intlLocale, withContent } from '../shared/locale.ts';
import type { VoiceProblem } from '../shared/speech-controllers.ts';
import { MAX_QUERY_LENGTH } from './search-state.ts';
import './translations.ts';

type Schemas = components['schemas'];

/** Text longer than the search takes (a paste): how long it may be (said as it happens). */
export function tooLongQueryMessage(): string {
  return msg(str`Your search must be ${formatNumber(MAX_QUERY_LENGTH)} characters or fewer.`);
}

/** How long the text in the box is (shown beside `tooLongQueryMessage`). */
export function queryLengthMessage(length: number): string {
  return msg(str`It is ${formatNumber(length)} characters long.`);
}

/** The search button pressed with nothing to search for: what to type. */
export function blankQueryMessage(): string {
  return msg('Enter a few words of the procedure\'s name, for example "khai sinh".');
}

export function levelLabel(level: Schemas['Level']): string {
  switch (level) {
    case 'central':
      return msg('Central');
    case 'province':
      return msg('Province');
    case 'commune':
      return msg('Commune');
  }
}

export function onlineLabel(level: Schemas['OnlineLevel']): string {
  switch (level) {
    case 'full':
      return msg('Fully online');
    case 'partial':
      return msg('Partly online');
    case 'none':
      return msg('Information only');
  }
}

/** The channel inside a sentence, without a capital: "1 ngày làm việc (trực tuyến)". */
export function channelInSentence(channel: Schemas['Channel']): string {
  switch (channel) {
    case 'online':
      return msg('online', { desc: 'A channel, inside a sentence: "1 working day (online)".' });
    case 'postal':
      return msg('by post', { desc: 'A channel, inside a sentence.' });
    case 'in-person':
      return msg('in person', { desc: 'A channel, inside a sentence.' });
  }
}

export function channelLabel(channel: Schemas['Channel']): string {
  switch (channel) {
    case 'online':
      return msg('Online');
    case 'postal':
      return msg('By post');
    case 'in-person':
      return msg('In person');
  }
}

export function feeKindLabel(kind: Schemas['FeeKind']): string {
  switch (kind) {
    case 'charge':
      return msg('Charge');
    case 'fee':
      return msg('Fee');
    case 'price':
      return msg('Service price');
  }
}

const plural = (n: number) => new Intl.PluralRules(intlLocale()).select(n) === 'one';

/** The agency's own wording of a processing time, when that is what is shown (API text, Vietnamese). */
export function publishedTimeText(time: Schemas['ProcessingTime']): string | undefined {
  return time.value === null || time.unit === 'text' ? time.text?.trim() || undefined : undefined;
}

/** "10 ngày làm việc" / "10 working days"; the published wording when it is not a number. */
export function processingTimeText(time: Schemas['ProcessingTime']): string {
  const published = publishedTimeText(time);
  if (published) return published;
  if (time.value === null) return msg('Not published');
  const n = formatNumber(time.value);
  switch (time.unit) {
    case 'working-days':
      return plural(time.value) ? msg(str`${n} working day`) : msg(str`${n} working days`);
    case 'days':
      return plural(time.value) ? msg(str`${n} day`) : msg(str`${n} days`);
    case 'hours':
      return plural(time.value) ? msg(str`${n} working hour`) : msg(str`${n} working hours`);
    case 'months':
      return plural(time.value) ? msg(str`${n} month`) : msg(str`${n} months`);
    case 'text':
      return n;
  }
}

/** The processing time as shown, the agency's own wording marked Vietnamese. */
export function processingTimeView(time: Schemas['ProcessingTime']): string | TemplateResult {
  const published = publishedTimeText(time);
  return published ? withContent((text) => text, published) : processingTimeText(time);
}

/** One fee line: "Miễn phí" / "Free" for 0, "do tỉnh quy định" when set by the province, else VND. */
export function feeAmountText(fee: { amount: number | null; setByProvince: boolean }): string {
  if (fee.setByProvince) return msg('Set by the province');
  if (fee.amount === null) return msg('See the description');
  return fee.amount === 0 ? msg('Free') : formatVnd(fee.amount);
}

/** The lowest total fee of a summary, for the result list. */
export function lowestFeeText(lowest: Schemas['LowestFee'] | null): string {
  if (lowest === null) return msg('No fee published');
  return feeAmountText(lowest);
}

/** Why voice search heard nothing, politely, with what to do instead. */
export function voiceProblemText(problem: VoiceProblem): string {
  switch (problem) {
    case 'no-speech':
      return msg('Nothing was heard. Please try again, or type your search.');
    case 'not-allowed':
      return msg('The microphone is not allowed. Allow it in your browser, or type your search.');
    case 'audio-capture':
      return msg('No microphone was found. Please type your search.');
    case 'network':
    case 'failed':
      return msg('Voice search is not available right now. Please type your search.');
  }
}
