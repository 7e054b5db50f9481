// Strings from the UTF-16 code units that the folding passes build (fold.ts, fold-offsets.ts):
// one way to make them, quick for the short texts a concordance folds and for long ones alike.

// Made on first use: creating a decoder loads ICU data, which a command that never folds long
// text should not pay for at start-up.
let utf16: InstanceType<typeof TextDecoder> | undefined;

/** Up to this many code units, a string is made from them directly: quicker than a decoder's call. */
const SHORT_UNITS = 512;
/** Code units given to String.fromCharCode at once, well within any engine's limit on arguments. */
const CHUNK_UNITS = 8192;

/**
 * The code units as a string. With `mayHoldSurrogates`, lone surrogates are kept as they are (a
 * decoder would replace them with U+FFFD); without, the units must hold none.
 */
export function stringOfCodeUnits(units: Uint16Array, mayHoldSurrogates: boolean): string {
  if (units.length <= SHORT_UNITS) return String.fromCharCode.apply(null, units as unknown as number[]);
  if (!mayHoldSurrogates) {
    utf16 ??= new TextDecoder("utf-16le");
    return utf16.decode(units);
  }
  const parts: string[] = [];
  for (let at = 0; at < units.length; at += CHUNK_UNITS) parts.push(String.fromCharCode.apply(null, units.subarray(at, at + CHUNK_UNITS) as unknown as number[]));
  return parts.join("");
}
