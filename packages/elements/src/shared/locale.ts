/**
 * The kit's one localisation setup (@lit/localize, runtime mode). `configureLocalization` may run
 * only once per copy of the library, so every widget imports this module instead of configuring
 * its own.
 *
 * The page's `<html lang>` decides the locale, as a portal already sets it for its own content:
 * `en`/`en-*` gives English, anything else (or nothing) gives Vietnamese, the portals' language.
 */
import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from '../locales/generated/locale-codes.ts';

export type DvcLocale = 'en' | 'vi';

// An explicit map: esbuild (the test runner, bundlers) only rewrites static import specifiers, so a
// template-literal `import(`./${locale}.ts`)` would 404.
const loaders = {
  vi: () => import('../locales/generated/vi.ts'),
} satisfies Record<(typeof targetLocales)[number], () => Promise<unknown>>;

const runtime = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: (locale) => loaders[locale as keyof typeof loaders](),
});

let pending: Promise<void> = Promise.resolve();
let lastSeenLang: string | null | undefined;

/** Maps a BCP 47 tag to a kit locale: English for `en`/`en-*`, Vietnamese otherwise. */
export function resolveLocale(lang: string | null | undefined): DvcLocale {
  return /^en(-|$)/i.test((lang ?? '').trim()) ? 'en' : 'vi';
}

/** Switches every widget on the page (the locale is global per copy of the library). */
export function setLocale(locale: string): Promise<void> {
  pending = runtime.setLocale(resolveLocale(locale));
  return pending;
}

/** The locale widgets currently render in. */
export function getLocale(): DvcLocale {
  return runtime.getLocale() === 'en' ? 'en' : 'vi';
}

/**
 * Resolves when the locale the page asks for has loaded. Reads `<html lang>` first, so a test can
 * set `document.documentElement.lang` and await this without waiting for the MutationObserver.
 */
export function localeReady(): Promise<void> {
  followDocumentLang();
  return pending;
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

/** "1.500.000 ₫" / "₫1,500,000". */
export function formatVnd(amount: number): string {
  return new Intl.NumberFormat(intlLocale(), { style: 'currency', currency: 'VND', maximumFractionDigits: 0 }).format(amount);
}

/** "14 thg 7, 2025" / "14 Jul 2025"; a time is shown when the ISO string has one. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  const hasTime = iso.includes('T');
  return new Intl.DateTimeFormat(intlLocale(), {
    dateStyle: 'medium',
    ...(hasTime ? { timeStyle: 'short' } : {}),
    timeZone: TIME_ZONE,
  }).format(date);
}

/** "1.234" / "1,234". */
export function formatNumber(n: number): string {
  return new Intl.NumberFormat(intlLocale()).format(n);
}
