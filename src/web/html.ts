// HTML made safe by construction: text from dumps, file names and query strings go into pages
// only through the `html` template, which escapes every value unless it is already HTML the
// server made. Bidi embeddings, overrides and isolates in dump text are shown as visible escapes
// (as on a terminal), so that a body cannot reorder what a reader sees; the marks Arabic needs
// (RLM, LRM, ALM) stay.

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
// Bidi embeddings, overrides and isolates; C0 controls but tab and line breaks; C1.
const UNSAFE = /[\u202a-\u202e\u2066-\u2069\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** HTML that the server made, which the template puts in as it is. */
export class SafeHtml {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** What a template may hold: text (escaped), made HTML, lists of either, or nothing. */
type HtmlValue = string | number | SafeHtml | null | undefined | false | readonly HtmlValue[];

/**
 * Text as HTML inside a quoted attribute: the five special characters escaped, bidi controls and
 * other controls written as escapes (`\u202E`), plain text.
 */
export function escapeAttribute(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]!).replace(UNSAFE, visibleEscape);
}

/**
 * Text as HTML between tags: escaped as in an attribute, and each escape of a control in a
 * left-to-right isolate, so that it reads `\u202E` inside Arabic too.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]!).replace(UNSAFE, (character) => `<span class="control" dir="ltr">${visibleEscape(character)}</span>`);
}

function visibleEscape(character: string): string {
  const code = character.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, "0")}` : `\\u${code.toString(16).toUpperCase()}`;
}

/**
 * A template whose values are escaped unless they are SafeHtml: as attribute text inside a tag,
 * as element text between tags.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let text = strings[0]!;
  let isInTag = endsInsideTag(strings[0]!, false);
  values.forEach((value, index) => {
    const next = strings[index + 1]!;
    text += render(value, isInTag) + next;
    isInTag = endsInsideTag(next, isInTag);
  });
  return new SafeHtml(text);
}

/** Whether a template's literal text leaves the markup inside a tag (`<a href="`). */
function endsInsideTag(literal: string, wasInTag: boolean): boolean {
  const open = literal.lastIndexOf("<");
  const close = literal.lastIndexOf(">");
  if (open < 0 && close < 0) return wasInTag;
  return open > close;
}

function render(value: HtmlValue, isInTag: boolean): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.text;
  if (Array.isArray(value)) return value.map((item) => render(item, isInTag)).join("");
  return isInTag ? escapeAttribute(String(value)) : escapeHtml(String(value));
}

/**
 * Text with the [start, end) ranges marked (`<mark>`), escaped; the ranges are in order and do
 * not overlap, as findMatchRanges gives them.
 */
export function markedText(text: string, ranges: ReadonlyArray<readonly [number, number]>): SafeHtml {
  let out = "";
  let at = 0;
  for (const [start, end] of ranges) {
    if (end <= at || start >= text.length) continue;
    const from = Math.max(start, at);
    out += `${escapeHtml(text.slice(at, from))}<mark>${escapeHtml(text.slice(from, end))}</mark>`;
    at = end;
  }
  return new SafeHtml(out + escapeHtml(text.slice(at)));
}

const FIRST_STRONG = /[\p{L}]/u;
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

/**
 * The language and direction attributes for text from a dump: Arabic when its first letter is
 * Arabic (or another right-to-left script), the browser's guess (`dir="auto"`) otherwise.
 */
export function textDirection(text: string | null | undefined): SafeHtml {
  const first = text?.match(FIRST_STRONG)?.[0];
  if (first !== undefined && RIGHT_TO_LEFT.test(first)) return new SafeHtml(/[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]/.test(first) ? 'lang="ar" dir="rtl"' : 'dir="rtl"');
  return new SafeHtml('dir="auto"');
}
