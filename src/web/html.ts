// HTML made safe by construction: text from dumps, file names and query strings go into pages
// only through the `html` template, which escapes every value unless it is already HTML the
// server made. Bidi embeddings, overrides and isolates in dump text are shown as visible escapes
// (as on a terminal), so that a body cannot reorder what a reader sees; the marks Arabic needs
// (RLM, LRM, ALM) stay.

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
// C0 controls but tab and line breaks, and C1: never meant for a page.
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** HTML that the server made, which the template puts in as it is. */
export class SafeHtml {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** What a template may hold: text (escaped), made HTML, lists of either, or nothing. */
export type HtmlValue = string | number | SafeHtml | null | undefined | false | readonly HtmlValue[];

/**
 * Text as HTML, in an element or in a quoted attribute: the five special characters escaped, bidi
 * controls and other controls written as escapes (`\\u202E`), plain text in either place.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/[&<>"']/g, (character) => ESCAPES[character]!)
    .replace(BIDI_CONTROLS, (character) => `\\u${character.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(CONTROLS, (character) => `\\x${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

/** A template whose values are escaped unless they are SafeHtml. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let text = strings[0]!;
  values.forEach((value, index) => {
    text += render(value) + strings[index + 1]!;
  });
  return new SafeHtml(text);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.text;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
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
