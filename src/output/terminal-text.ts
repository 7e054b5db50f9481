// Text from dumps (and file names from disks) on its way to a terminal. A terminal acts on
// control characters: ESC and the 8-bit C1 codes start sequences that move the cursor, retitle
// the window or write to the clipboard (CSI, OSC, DCS), CR and BS overwrite what was shown, and
// bidi overrides and isolates reorder a line so that it reads as something else (Trojan
// Source). Every such character is shown as a visible escape, whatever follows it, so no
// sequence can start; the marks Arabic text needs (RLM, LRM, ALM, ZWJ, ZWNJ) stay. Machine
// formats (JSON, NDJSON, CSV, TSV) pass through here only on their way to a terminal; into a
// pipe or a file they keep the data exactly.

/** C0 controls but tab and newline, DEL, C1, and the bidi embeddings, overrides and isolates. */
const UNSAFE_IN_TEXT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** The same, and tab and newline too: for text that must stay on one line. */
const UNSAFE_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** What JSON.stringify leaves as it is of those: it escapes the C0 controls itself. */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** `\x1B` for a control, `\u202E` for a bidi control: what a programmer would type for it. */
function visibleEscape(character: string): string {
  const code = character.charCodeAt(0);
  const hex = code.toString(16).toUpperCase();
  // Controls are at most 0x9F, bidi controls four hex digits: no other character comes here.
  // Stryker disable next-line EqualityOperator: 0x100 to 0x202A are never escaped
  return code <= 0xff ? `\\x${hex.padStart(2, "0")}` : `\\u${hex}`;
}

/** Text safe to print on a terminal: tab and line breaks kept, every other control escaped. */
export function toTerminalText(text: string): string {
  return text.replace(UNSAFE_IN_TEXT, visibleEscape);
}

/** Text safe to print on a terminal as part of one line (a message, a file name, a table cell). */
export function toTerminalLine(text: string): string {
  return text.replace(UNSAFE_IN_LINE, visibleEscape);
}

/**
 * JSON (as JSON.stringify wrote it) safe to print on a terminal: DEL, C1 and bidi controls as
 * JSON's own escapes (`\u009B`, `\u202E`), which only strings can hold, so that what is shown
 * is still JSON, and parses to the same data.
 */
export function toTerminalJson(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (character) => `\\u${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`);
}
