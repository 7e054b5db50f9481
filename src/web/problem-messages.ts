// What is wrong with a request, said in the page's language: a problem named by the code that
// found it (src/errors.ts's ProblemName) becomes its catalogue message, with its values set apart
// (the visitor's words in isolates, parameters and addresses as literals). JSON answers keep the
// English message the command line prints; only the pages speak the visitor's language.

import type { Problem } from "../errors.js";
import type { MessageKey } from "./catalogue-en.js";
import { html, type SafeHtml } from "./html.js";
import { literal, type MessageValue, type Words } from "./words.js";

/** Values shown as literals (code, addresses, parameters), the same in every language. */
const LITERAL_VALUES = new Set(["path", "place", "address", "parameter", "root", "formats", "fields", "field", "choices"]);

interface SaidProblem {
  message: SafeHtml;
  hint: SafeHtml | undefined;
}

/** The problem's message and hint in the page's language. */
export function sayProblem(words: Words, problem: Problem): SaidProblem {
  const key: MessageKey = `problem.${problem.name}`;
  // What messages show as examples: the query language's OR, an ISO time.
  const values: Record<string, MessageValue> = { or: literal("OR"), time: literal("2021-01-25T11:27") };
  for (const [name, value] of Object.entries(problem.values ?? {})) values[name] = valueFor(words, name, value);
  const hintKey = `${key}.hint`;
  const hint = words.has(hintKey) ? words.say(hintKey, values) : "column" in values ? words.say("problem.query-hint") : undefined;
  return { message: words.say(key, values), hint };
}

function valueFor(words: Words, name: string, value: string | number): MessageValue {
  if (name === "label") {
    const label = `parameter.${value}`;
    return words.has(label) ? html`${words.text(label)}` : literal(String(value));
  }
  if (typeof value === "string" && LITERAL_VALUES.has(name)) return literal(value);
  return value;
}

/** A problem the pages have no words of their own for (the index cannot be read, say): a heading in the page's language, the message as newsctl wrote it. */
export function sayUnnamedProblem(words: Words, message: string, hint: string | undefined, status: number): SaidProblem {
  const heading = words.say(status === 503 ? "error.index" : "error.other");
  return { message: html`${heading}: <span dir="ltr" lang="en" translate="no">${message}</span>`, hint: hint === undefined ? undefined : html`<span dir="ltr" lang="en" translate="no">${hint}</span>` };
}
