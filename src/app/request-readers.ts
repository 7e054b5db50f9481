// The values a search or a reading is asked with, read once for the command line and the server
// alike: a query, date bounds, agencies, article numbers and whole numbers in either digit set.
// Anything that cannot be used is a RequestError naming it (with the option's or parameter's
// label), which the command line prints as a usage error and the server answers with a 400.

import { toAsciiDigits } from "../core/digits.js";
import { parseTimeBound, type RecordFilter, type TimeBound } from "../core/filters.js";
import { parseQuery, QuerySyntaxError, type ParsedQuery } from "../core/query.js";
import { RequestError } from "../errors.js";

const DATE_HINT = "write YYYY-MM-DD or an ISO time such as 2021-01-25T11:27";

/**
 * A query, parsed; a syntax error names its column, with a hint on where the query language is
 * described, and (with `isShowingCaret`) the query again with a caret under the problem.
 */
export function readQuery(text: string, hint: string, isShowingCaret = false): ParsedQuery {
  try {
    return parseQuery(text);
  } catch (error) {
    if (!(error instanceof QuerySyntaxError)) throw error;
    const detail = isShowingCaret ? `  ${text}\n  ${" ".repeat(error.column - 1)}^` : undefined;
    throw new RequestError(`query: ${error.message} (column ${error.column})`, hint, detail, { name: error.problem.name, values: { ...error.problem.values, column: error.column } });
  }
}

/** The labels a request gives its date bounds: `--since` and `--until`, or `since` and `until`. */
interface BoundLabels {
  since: string;
  until: string;
}

/**
 * --since and --until (or the parameters since and until): each a date or an ISO time, or
 * undefined when not given; a since later than the until is refused, for no article can match.
 */
export function readDateBounds(since: string | undefined, until: string | undefined, labels: BoundLabels): Pick<RecordFilter, "since" | "until"> {
  const sinceBound = readBound(since, "since", labels.since);
  const untilBound = readBound(until, "until", labels.until);
  if (sinceBound !== undefined && untilBound !== undefined && sinceBound.instant === undefined && untilBound.instant === undefined && sinceBound.local > untilBound.local) {
    throw new RequestError(`${labels.since} ${since} is after ${labels.until} ${until}: no article can match`, undefined, undefined, { name: "dates-in-wrong-order", values: { since: since!, until: until! } });
  }
  const bounds: Pick<RecordFilter, "since" | "until"> = {};
  if (sinceBound !== undefined) bounds.since = sinceBound;
  if (untilBound !== undefined) bounds.until = untilBound;
  return bounds;
}

function readBound(value: string | undefined, side: "since" | "until", label: string): TimeBound | undefined {
  if (value === undefined) return undefined;
  const bound = parseTimeBound(value, side);
  if (bound === null) throw new RequestError(`${label}: "${value}" is not a date`, DATE_HINT, undefined, { name: "not-a-date", values: { label: side, value } });
  return bound;
}

/** How many agencies a request may name, and how long each may be; unbounded when not given. */
interface AgencyBounds {
  most: number;
  longest: number;
}

/** Agencies as named (with `bounds`: trimmed, the empty left out, and at most so many, so long). */
export function readAgencies(values: readonly string[], label: string, bounds?: AgencyBounds): string[] {
  if (bounds === undefined) return [...values];
  const agencies = values.map((agency) => agency.trim()).filter((agency) => agency !== "");
  if (agencies.length > bounds.most) throw new RequestError(`${label}: at most ${bounds.most} agencies`, undefined, undefined, { name: "too-many-agencies", values: { most: bounds.most } });
  if (agencies.some((agency) => agency.length > bounds.longest)) throw new RequestError(`${label}: longer than ${bounds.longest} characters`, undefined, undefined, { name: "agency-too-long", values: { longest: bounds.longest } });
  return agencies;
}

/** An article number in any of the three digit sets, as ASCII digits. */
export function readArticleNumber(label: string, value: string): string {
  const digits = toAsciiDigits(value.trim());
  if (!/^\d+$/.test(digits)) throw new RequestError(`${label === "" ? "" : `${label}: `}"${value}" is not an article number`, "article numbers are digits, as on the رقم: line", undefined, { name: "not-an-article-number", values: { value } });
  return digits;
}

/** A whole number in any of the three digit sets (--limit ٢٠ as --limit 20), of at most `mostDigits` digits when given. */
export function readWholeNumber(label: string, value: string, mostDigits?: number): number {
  const digits = toAsciiDigits(value.trim());
  const pattern = mostDigits === undefined ? /^\d+$/ : new RegExp(`^\\d{1,${mostDigits}}$`);
  if (!pattern.test(digits)) throw new RequestError(`${label}: "${value}" is not a whole number`, undefined, undefined, { name: "not-a-whole-number", values: { label, value } });
  return Number(digits);
}
