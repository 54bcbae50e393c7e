import { en, type MessageKey } from './en.js';

export type { MessageKey };

type Catalog = Record<MessageKey, string>;

const catalogs: Record<string, Catalog> = { en };
let current: Catalog = en;

/** Switch language; unknown locales fall back to English. */
export function setLocale(locale: string): void {
  current = catalogs[locale] ?? catalogs[locale.split('-')[0] ?? ''] ?? en;
}

/** The text for `key`, with `{name}` placeholders filled from `params`. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = current[key] ?? en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}
