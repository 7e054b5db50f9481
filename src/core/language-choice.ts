// Which language a page is written in: the one the address names (?lang=), else the best of the
// visitor's Accept-Language that the pages are written in (q-values honoured, a region or script
// ignored: ar-SY is Arabic, en-US English), else the server's default. Pure, so that it is
// tested without a server.

/** The languages the pages are written in. */
const INTERFACE_LANGUAGES = ["ar", "en"] as const;
export type InterfaceLanguage = (typeof INTERFACE_LANGUAGES)[number];

export interface LanguageChoice {
  language: InterfaceLanguage;
  /** Whether the address named it (?lang=), so that the page's links name it too. */
  isNamed: boolean;
}

/** Whether a value names a language the pages are written in. */
export function isInterfaceLanguage(value: string | null | undefined): value is InterfaceLanguage {
  return (INTERFACE_LANGUAGES as readonly string[]).includes(value ?? "");
}

/**
 * The page's language: `named` (the address's ?lang=) when it is one of the pages' languages,
 * else the first of Accept-Language's by weight (ties in the order written), else `otherwise`.
 */
export function chooseLanguage(named: string | null, acceptLanguage: string | undefined, otherwise: InterfaceLanguage): LanguageChoice {
  const asked = named?.trim().toLowerCase();
  if (isInterfaceLanguage(asked)) return { language: asked, isNamed: true };
  return { language: preferredLanguage(acceptLanguage) ?? otherwise, isNamed: false };
}

/** The best-weighted language of an Accept-Language header (RFC 9110, 12.5.4) that the pages are written in. */
export function preferredLanguage(header: string | undefined): InterfaceLanguage | undefined {
  if (header === undefined) return undefined;
  let best: { language: InterfaceLanguage; weight: number } | undefined;
  const named = new Map<InterfaceLanguage, number>();
  for (const part of header.slice(0, 1000).split(",")) {
    const [range = "", ...parameters] = part.split(";").map((piece) => piece.trim().toLowerCase());
    const weight = weightOf(parameters);
    if (weight === undefined) continue;
    const primary = range.split("-")[0];
    if (!isInterfaceLanguage(primary)) continue;
    // The most specific range decides in RFC 4647; here every range of a language counts as it,
    // and its highest weight wins (en-US;q=0.9, en;q=0.1 is English at 0.9).
    named.set(primary, Math.max(named.get(primary) ?? 0, weight));
  }
  for (const language of INTERFACE_LANGUAGES) {
    // A wildcard (*) names no language of its own: the server's default answers it.
    const weight = named.get(language) ?? 0;
    if (weight > 0 && (best === undefined || weight > best.weight || (weight === best.weight && order(header, language) < order(header, best.language)))) best = { language, weight };
  }
  return best?.language;
}

/** A range's q-value (1 when not given); undefined when it is not a q-value (0 to 1, at most three decimals). */
function weightOf(parameters: readonly string[]): number | undefined {
  const q = parameters.find((parameter) => parameter.startsWith("q="));
  if (q === undefined) return 1;
  const value = q.slice(2);
  if (!/^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value)) return undefined;
  return Number(value);
}

/** Where a language is first named in the header: of two languages of one weight, the one written first wins. */
function order(header: string, language: InterfaceLanguage): number {
  const at = header.toLowerCase().search(new RegExp(`(^|[\\s,])${language}(-|;|,|\\s|$)`));
  return at;
}
