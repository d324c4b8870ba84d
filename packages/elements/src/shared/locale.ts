/**
 * The kit's one localisation setup (@lit/localize, runtime mode). `configureLocalization` may run
 * only once per copy of the library, so every widget imports this module instead of configuring
 * its own.
 *
 * The page's `<html lang>` decides the locale, as a portal already sets it for its own content:
 * `en`/`en-*` gives English, anything else (or nothing) gives Vietnamese, the portals' language.
 */
import { html, type TemplateResult } from 'lit';
import { configureLocalization, LOCALE_STATUS_EVENT, msg, str, type LocaleModule, type TemplateMap } from '@lit/localize';
import { sourceLocale, targetLocales } from '../locales/generated/locale-codes.ts';
import { templates as sharedVi } from '../locales/generated/vi/shared.ts';

export type DvcLocale = 'en' | 'vi';
type TargetLocale = (typeof targetLocales)[number];

/**
 * One part of the translations (a widget's messages, or the shared ones), per target locale. The
 * kit's own parts are bundled with their widget (`async () => ({ templates })`); a loader may also
 * fetch a part (`() => import(…)`), which the first render then waits for.
 */
export type TranslationLoaders = Record<TargetLocale, () => Promise<LocaleModule>>;

// Each widget registers only its own messages, so a page that embeds one widget downloads one
// widget's Vietnamese. The runtime keeps one template map per locale and merges the parts into it.
const parts: TranslationLoaders[] = [];
const mergedTemplates = new Map<TargetLocale, TemplateMap>();
const loadedParts = new Map<TargetLocale, Map<TranslationLoaders, Promise<void>>>();
const partsInFlight = new Set<Promise<void>>();

function templatesFor(locale: TargetLocale): TemplateMap {
  let templates = mergedTemplates.get(locale);
  if (!templates) mergedTemplates.set(locale, (templates = {}));
  return templates;
}

/** Loads one part into the locale's merged map, once (again after a failure: the network may be back). */
function loadPart(locale: TargetLocale, loaders: TranslationLoaders): Promise<void> {
  const loaded = loadedParts.get(locale) ?? new Map<TranslationLoaders, Promise<void>>();
  loadedParts.set(locale, loaded);
  let loading = loaded.get(loaders);
  if (!loading) {
    loading = loaders[locale]().then(
      (module) => void Object.assign(templatesFor(locale), module.templates),
      (error: unknown) => {
        loaded.delete(loaders);
        throw error;
      },
    );
    loaded.set(loaders, loading);
  }
  return loading;
}

const runtime = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: async (locale) => {
    // Let every widget in the same script register first: a module graph evaluates in one go.
    await null;
    const target = locale as TargetLocale;
    await Promise.all(parts.map((loaders) => loadPart(target, loaders)));
    // The same object every time: parts registered later are merged into what msg() reads.
    return { templates: templatesFor(target) };
  },
});

let pending: Promise<void> = Promise.resolve();
let lastSeenLang: string | null | undefined;
let requestedLocale: DvcLocale | undefined;

/**
 * Registers a part of the translations; a widget module calls it once, for its own messages. When
 * the page is already in that language (a widget's script loaded after another's), the part loads
 * at once and the widgets re-render.
 */
export function registerTranslations(loaders: TranslationLoaders): void {
  if (parts.includes(loaders)) return;
  parts.push(loaders);
  const locale = requestedLocale;
  if (locale === undefined || locale === sourceLocale) return;
  const target = locale as TargetLocale;
  const loading = loadPart(target, loaders).then(() => {
    // Lit re-renders on its "ready" status; say it again for the messages that just arrived.
    if (runtime.getLocale() === target) {
      window.dispatchEvent(new CustomEvent(LOCALE_STATUS_EVENT, { detail: { status: 'ready', readyLocale: target } }));
    }
  });
  partsInFlight.add(loading);
  loading.then(() => partsInFlight.delete(loading), () => partsInFlight.delete(loading));
}

// With the script, not after it: the first frame on a Vietnamese page is already Vietnamese.
registerTranslations({ vi: async () => ({ templates: sharedVi }) });

/** Maps a BCP 47 tag to a kit locale: English for `en`/`en-*`, Vietnamese otherwise. */
export function resolveLocale(lang: string | null | undefined): DvcLocale {
  return /^en(-|$)/i.test((lang ?? '').trim()) ? 'en' : 'vi';
}

/** Switches every widget on the page (the locale is global per copy of the library). */
export function setLocale(locale: string): Promise<void> {
  requestedLocale = resolveLocale(locale);
  pending = runtime.setLocale(requestedLocale);
  return pending;
}

/**
 * The language of what the API sends (procedure names, agencies, documents, dossier history, fee
 * descriptions): the national catalogue and dossier data are Vietnamese only, whatever the page's
 * language. Elements showing it carry `lang="vi"` so screen readers and read aloud pronounce it as
 * Vietnamese on an English page (WCAG 3.1.2).
 */
export const CONTENT_LANG: DvcLocale = 'vi';

// A private-use character: it stands for the API text while the sentence around it is translated.
const CONTENT_SLOT = '\uE000';

/**
 * A sentence in the widget's words around one piece of API text, with only that piece marked
 * `lang="vi"`: `withContent((name) => msg(str`Download the form: ${name}`), form.name)`. The
 * translation may move the placeholder; the text itself never goes through the message.
 */
export function withContent(sentence: (placeholder: string) => string, content: string): TemplateResult {
  const [before = '', after = ''] = sentence(CONTENT_SLOT).split(CONTENT_SLOT);
  return html`${before}<span lang=${CONTENT_LANG}>${content}</span>${after}`;
}

/**
 * A sentence in the widget's words around a date and time, the date in a `<time>` with its instant:
 * `withDateTime((when) => msg(str`Paid on ${when}`), payment.paidAt)` gives "Thanh toán lúc
 * <time>06:07 ngày 18/11/2026</time>". The translation may move the placeholder.
 */
export function withDateTime(sentence: (placeholder: string) => string, iso: string): TemplateResult {
  const [before = '', after = ''] = sentence(CONTENT_SLOT).split(CONTENT_SLOT);
  return html`${before}<time datetime=${iso}>${formatDateTime(iso)}</time>${after}`;
}

/** The locale widgets currently render in. */
export function getLocale(): DvcLocale {
  return runtime.getLocale() === 'en' ? 'en' : 'vi';
}

/**
 * Resolves when the locale the page asks for has loaded (every widget's first render waits for it:
 * see DvcElement). Reads `<html lang>` first, so a test can set `document.documentElement.lang`
 * and await this without waiting for the MutationObserver.
 */
export async function localeReady(): Promise<void> {
  followDocumentLang();
  await Promise.all([pending, ...partsInFlight]);
}

/** Applies `<html lang>` when it changed since we last looked (an explicit `setLocale` stays). */
function followDocumentLang(): void {
  if (typeof document === 'undefined') return;
  const lang = document.documentElement.getAttribute('lang');
  if (lang === lastSeenLang) return;
  lastSeenLang = lang;
  void setLocale(lang ?? '');
}

if (typeof document !== 'undefined') {
  followDocumentLang();
  new MutationObserver(followDocumentLang).observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['lang'],
  });
}

/** The Intl locale for the current widget locale. */
export function intlLocale(): string {
  return getLocale() === 'vi' ? 'vi-VN' : 'en-GB';
}

// Dates and times are Vietnam's, whatever the visitor's computer says.
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/**
 * "1.500.000 đồng" / "VND 1,500,000": amounts as official documents write them (a fee schedule,
 * a receipt), not with the ₫ of shop prices. A plain space: on a phone with large text a pay button
 * or a fee line may need to break there.
 */
export function formatVnd(amount: number): string {
  const number = formatNumber(amount);
  return msg(str`VND ${number}`);
}

/** The calendar date and clock time an instant has in Vietnam, as numbers. */
function vietnamParts(date: Date): Record<'day' | 'month' | 'year' | 'hour' | 'minute', string> {
  const parts = dateFormats().parts.formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((part) => part.type === type)?.value ?? '';
  return { day: get('day'), month: get('month'), year: get('year'), hour: get('hour'), minute: get('minute') };
}

/**
 * The formatters, made once: building an Intl.DateTimeFormat costs far more than using one, and a
 * dossier's history formats a date per step on every render.
 */
let formats: { parts: Intl.DateTimeFormat; enDate: Intl.DateTimeFormat; enDateTime: Intl.DateTimeFormat } | undefined;
function dateFormats(): NonNullable<typeof formats> {
  formats ??= {
    parts: new Intl.DateTimeFormat('en-GB', {
      day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE,
    }),
    enDate: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: TIME_ZONE }),
    enDateTime: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }),
  };
  return formats;
}

/** A date without a time (`2024-10-01`) is that calendar day, not midnight UTC. */
function instant(iso: string): { date: Date; dateOnly: boolean } {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso.trim());
  // Noon UTC is the same calendar day in Vietnam (UTC+7).
  return { date: new Date(dateOnly ? `${iso.trim()}T12:00:00Z` : iso), dateOnly };
}

export interface DateOptions {
  /**
   * Vietnamese only: leave out the word "ngày" in front of the date, where the words just before it
   * already say it (a label "Ngày tiếp nhận", a sentence "… ban hành ngày"). Default false.
   */
  bare?: boolean;
}

/**
 * A date in the page's language, in Vietnam: "ngày 18/11/2026" as Vietnamese official writing has
 * it (not Intl's "18 thg 11, 2026"), "18 Nov 2026" in English. The one date format of the widgets.
 */
export function formatDate(iso: string, { bare = false }: DateOptions = {}): string {
  const { date } = instant(iso);
  if (getLocale() === 'en') {
    return dateFormats().enDate.format(date);
  }
  const { day, month, year } = vietnamParts(date);
  return `${bare ? '' : 'ngày '}${day}/${month}/${year}`;
}

/**
 * A date and time in the page's language, in Vietnam time: "06:07 ngày 18/11/2026" (the time first,
 * as official Vietnamese writing puts it), "18 Nov 2026, 06:07" in English. A date without a time
 * is shown as a date.
 */
export function formatDateTime(iso: string, options: DateOptions = {}): string {
  const { date, dateOnly } = instant(iso);
  if (dateOnly) return formatDate(iso, options);
  if (getLocale() === 'en') {
    return dateFormats().enDateTime.format(date);
  }
  const { day, month, year, hour, minute } = vietnamParts(date);
  return `${hour}:${minute} ngày ${day}/${month}/${year}`;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * "1.234" / "1,234". Whole numbers (the counts the widgets show) are grouped by hand, as vi-VN and
 * en-GB group them: a page's first Intl.NumberFormat loads the locale's data, 85–100 ms on a 4×
 * slower phone, a long task in the middle of a render. Anything else goes to Intl, one formatter
 * per locale, made once.
 */
export function formatNumber(n: number): string {
  if (Number.isSafeInteger(n)) {
    const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, getLocale() === 'vi' ? '.' : ',');
    return n < 0 ? `-${digits}` : digits;
  }
  const locale = intlLocale();
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format.format(n);
}

/**
 * A wait the server asked for (Retry-After, in seconds), in the largest unit that keeps it exact
 * enough: "30 giây" / "30 seconds" up to two minutes, then whole minutes up to two hours, then
 * hours, rounded up so nobody is told to come back too early.
 */
export function formatWait(seconds: number): string {
  const [value, unit] = seconds < 120 ? [Math.ceil(seconds), 'second']
    : seconds < 7200 ? [Math.ceil(seconds / 60), 'minute']
      : [Math.ceil(seconds / 3600), 'hour'];
  return new Intl.NumberFormat(intlLocale(), { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

/**
 * Whether `text` already starts with `label` as a whole word or words, ignoring case: a fee
 * described as "Phí cung cấp thông tin…" needs no "Phí:" in front of it ("Phí: Phí cung cấp…"). On
 * an English page the label is English ("Charge") and the API's text Vietnamese, so the label stays.
 */
export function startsWithLabel(text: string, label: string): boolean {
  const head = text.normalize('NFC').trimStart().toLocaleLowerCase('vi');
  const word = label.normalize('NFC').trim().toLocaleLowerCase('vi');
  return word !== '' && head.startsWith(word) && !/[\p{L}\p{N}]/u.test(head.charAt(word.length));
}
