// What a page says, in the language chosen for its request: messages from the language's
// catalogue with their values put in (numbers through Intl, a visitor's words and the dump's
// text set apart in isolates), plural forms by Intl.PluralRules, dates (Arabic month names in
// Arabic; in English the ISO forms the command line prints), and the page's own links, which
// keep ?lang= when the address named it.

import type { InterfaceLanguage, LanguageChoice } from "../core/language-choice.js";
import { readablePublished, readablePublishedToMinute } from "../core/dates.js";
import { ARABIC } from "./catalogue-ar.js";
import { type Catalogue, ENGLISH, type MessageKey, type PluralForms } from "./catalogue-en.js";
import { html, SafeHtml, textDirection } from "./html.js";

const CATALOGUES: Readonly<Record<InterfaceLanguage, Catalogue>> = { ar: ARABIC, en: ENGLISH };

/**
 * The locale numbers and dates are written in. Arabic uses Western digits (0-9), named here
 * rather than left to the ICU data: they are the digits of the articles' numbers, of FILE:LINE
 * and of the dates typed in the form, so a page shows one digit set (docs/serve.md says why).
 */
const LOCALES: Readonly<Record<InterfaceLanguage, string>> = { ar: "ar-u-nu-latn", en: "en-US" };

/** A value put into a message: a number (written in the page's digits), the visitor's or the dump's text (set apart), or HTML the page made. */
export type MessageValue = number | string | SafeHtml;

const numberFormats = new Map<InterfaceLanguage, Intl.NumberFormat>();
const pluralRules = new Map<InterfaceLanguage, Intl.PluralRules>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export class Words {
  readonly direction: "rtl" | "ltr";
  private readonly catalogue: Catalogue;

  constructor(readonly choice: LanguageChoice) {
    this.direction = choice.language === "ar" ? "rtl" : "ltr";
    this.catalogue = CATALOGUES[choice.language];
  }

  get language(): InterfaceLanguage {
    return this.choice.language;
  }

  /** The message as HTML: text escaped, values in place. */
  say(key: MessageKey, values: Readonly<Record<string, MessageValue>> = {}): SafeHtml {
    return this.fill(this.message(key), values);
  }

  /** The message whose form fits the count (`{count}` is the count, in the page's digits). */
  sayCount(key: MessageKey, count: number, values: Readonly<Record<string, MessageValue>> = {}): SafeHtml {
    return this.fill(this.form(key, count), { ...values, count });
  }

  /** The message as plain text, for an attribute or the title: values as they are. */
  text(key: MessageKey, values: Readonly<Record<string, string | number>> = {}): string {
    return this.message(key).replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = values[name];
      return value === undefined ? whole : typeof value === "number" ? this.number(value) : value;
    });
  }

  /** Whether the catalogue has the key (a problem's hint is there only when it has one). */
  has(key: string): key is MessageKey {
    return Object.hasOwn(this.catalogue, key);
  }

  number(value: number): string {
    return cached(numberFormats, this.language, () => new Intl.NumberFormat(LOCALES[this.language])).format(value);
  }

  /** A publication time (the record's `published`), to the minute, as written in its own time zone. */
  published(published: string, isToTheMinute = false): string {
    if (this.language === "en") return isToTheMinute ? readablePublishedToMinute(published) : readablePublished(published);
    const parts = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(published);
    if (parts === null) return published;
    const [, year, month, day, hour, minute] = parts;
    const at = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour ?? 0), Number(minute ?? 0)));
    return this.date(at, hour === undefined ? { day: "numeric", month: "long", year: "numeric" } : { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  }

  /** A day, YYYY-MM-DD: as it is in English, "25 يناير 2021" in Arabic. */
  day(day: string): string {
    return this.language === "en" ? day : this.published(day);
  }

  /** A month, YYYY-MM: as it is in English, "يناير 2021" in Arabic. */
  month(month: string): string {
    if (this.language === "en") return month;
    const [year, number] = month.split("-").map(Number) as [number, number];
    return this.date(new Date(Date.UTC(year, number - 1, 1)), { month: "long", year: "numeric" });
  }

  /** An address of this server, with ?lang= when the request's address named the language. */
  href(path: string, parameters: URLSearchParams = new URLSearchParams()): string {
    const kept = new URLSearchParams(parameters);
    if (this.choice.isNamed) kept.set("lang", this.language);
    const query = kept.toString();
    return query === "" ? path : `${path}?${query}`;
  }

  /** The other language, to switch to: its name (in itself) and its code. */
  otherLanguage(): { language: InterfaceLanguage; name: string } {
    const language: InterfaceLanguage = this.language === "ar" ? "en" : "ar";
    return { language, name: CATALOGUES[language]["language.name"] };
  }

  private date(at: Date, options: Intl.DateTimeFormatOptions): string {
    const key = `${this.language}${JSON.stringify(options)}`;
    return cached(dateFormats, key, () => new Intl.DateTimeFormat(LOCALES[this.language], { ...options, timeZone: "UTC" })).format(at);
  }

  private message(key: MessageKey): string {
    const message = this.catalogue[key];
    return typeof message === "string" ? message : message.other;
  }

  private form(key: MessageKey, count: number): string {
    const message = this.catalogue[key];
    if (typeof message === "string") return message;
    const rules = cached(pluralRules, this.language, () => new Intl.PluralRules(LOCALES[this.language]));
    return (message as PluralForms)[rules.select(count)] ?? message.other;
  }

  private fill(message: string, values: Readonly<Record<string, MessageValue>>): SafeHtml {
    const pieces = message.split(/\{(\w+)\}/);
    return html`${pieces.map((piece, index) => (index % 2 === 0 ? piece : this.value(values[piece], piece)))}`;
  }

  private value(value: MessageValue | undefined, name: string): SafeHtml | string {
    if (value === undefined) return `{${name}}`;
    if (value instanceof SafeHtml) return value;
    if (typeof value === "number") return this.number(value);
    return html`<bdi ${textDirection(value)}>${value}</bdi>`;
  }
}

/** Intl's formatters, made once per language and options. */
function cached<Key, Value>(made: Map<Key, Value>, key: Key, make: () => Value): Value {
  let value = made.get(key);
  if (value === undefined) {
    value = make();
    made.set(key, value);
  }
  return value;
}

/** Text the interface shows as it is in every language (a format's name, a command, a parameter): set apart, left to right, not to be translated. */
export function literal(text: string): SafeHtml {
  return html`<code dir="ltr" translate="no">${text}</code>`;
}
