// Glob patterns (--include, and paths given as patterns), matched in time bounded by the path's
// length times the pattern's. Globs turned into regular expressions backtrack: with the regular
// expressions of common glob libraries, "*a*a*a*a*a*c" takes over a minute against a 255-letter
// file name. Here a pattern is a small automaton whose states are all followed at once, so no
// pattern can hang the process.
//
// Syntax: * (any characters but /), ? (one character but /), [abc] [a-z] [!a-z] [^a-z] (one
// character of a class), ** as a whole segment (any number of directories), {a,b} (either),
// and \ before a character to take it literally.

export class GlobSyntaxError extends Error {}

/** Brace alternatives a pattern may expand to: enough for any real use, bounded for a hostile one. */
const MOST_ALTERNATIVES = 1024;
const LONGEST_PATTERN = 4096;

type Step =
  | { kind: "literal"; character: string }
  /** ? */
  | { kind: "one" }
  /** [...] */
  | { kind: "class"; ranges: Array<[number, number]>; isNegated: boolean }
  /** * : any characters within a segment */
  | { kind: "star" }
  /** ** at the end: anything, slashes included */
  | { kind: "anything" }
  /** ** / : nothing, or anything that ends with a slash */
  | { kind: "directories" }
  /** / ** at the end: nothing, or a slash and anything (a directory and all under it) */
  | { kind: "subtree" };

interface Glob {
  matches(path: string): boolean;
}

/** Whether the text holds glob syntax (a path that names no file may be meant as a pattern). */
export function hasGlobSyntax(text: string): boolean {
  return /(^|[^\\])[*?[{]/.test(text);
}

/** Compiles a pattern; throws GlobSyntaxError when it cannot be used. */
export function compileGlob(pattern: string): Glob {
  if (pattern.length === 0) throw new GlobSyntaxError("the pattern is empty");
  if (pattern.length > LONGEST_PATTERN) throw new GlobSyntaxError(`the pattern is longer than ${LONGEST_PATTERN} characters`);
  const programs = expandBraces(pattern).map(compileSteps);
  return { matches: (path) => programs.some((steps) => run(steps, path)) };
}

/** {a,b}c -> ["ac", "bc"], nested braces included; a brace without a comma is literal. */
function expandBraces(pattern: string): string[] {
  const open = findBrace(pattern);
  if (open === undefined) return [pattern];
  const { start, end, parts } = open;
  const results: string[] = [];
  for (const part of parts) {
    for (const expanded of expandBraces(pattern.slice(0, start) + part + pattern.slice(end + 1))) {
      results.push(expanded);
      if (results.length > MOST_ALTERNATIVES) throw new GlobSyntaxError(`the braces expand to more than ${MOST_ALTERNATIVES} patterns`);
    }
  }
  return results;
}

/** The first {...} holding a comma at its own depth, with its comma-separated parts. */
function findBrace(pattern: string): { start: number; end: number; parts: string[] } | undefined {
  for (let start = 0; start < pattern.length; start++) {
    if (pattern[start] === "\\") {
      start++;
      continue;
    }
    if (pattern[start] !== "{") continue;
    let depth = 0;
    const commas: number[] = [];
    for (let i = start; i < pattern.length; i++) {
      const character = pattern[i];
      if (character === "\\") {
        i++;
      } else if (character === "{") {
        depth++;
      } else if (character === "}") {
        depth--;
        if (depth === 0) {
          if (commas.length === 0) break; // "{x}" is literal
          const bounds = [start, ...commas, i];
          const parts = bounds.slice(1).map((to, k) => pattern.slice(bounds[k]! + 1, to));
          return { start, end: i, parts };
        }
      } else if (character === "," && depth === 1) {
        commas.push(i);
      }
    }
  }
  return undefined;
}

function compileSteps(pattern: string): Step[] {
  const steps: Step[] = [];
  let i = 0;
  while (i < pattern.length) {
    const character = pattern[i]!;
    const isSegmentStart = i === 0 || pattern[i - 1] === "/";
    if (character === "*" && pattern[i + 1] === "*" && isSegmentStart && (i + 2 === pattern.length || pattern[i + 2] === "/")) {
      // ** standing alone in a segment.
      if (i + 2 === pattern.length) {
        const previous = steps.at(-1);
        if (previous?.kind === "literal" && previous.character === "/") steps[steps.length - 1] = { kind: "subtree" };
        else steps.push({ kind: "anything" });
        i += 2;
      } else {
        steps.push({ kind: "directories" });
        i += 3;
      }
      continue;
    }
    if (character === "*") {
      while (pattern[i] === "*") i++; // ** within a segment is *
      steps.push({ kind: "star" });
      continue;
    }
    if (character === "?") {
      steps.push({ kind: "one" });
      i++;
      continue;
    }
    if (character === "[") {
      const parsed = parseClass(pattern, i);
      if (parsed !== undefined) {
        steps.push(parsed.step);
        i = parsed.next;
        continue;
      }
      // An unclosed [ is literal.
    }
    const isEscape = character === "\\" && i + 1 < pattern.length;
    if (isEscape) i++;
    const literal = characterAt(pattern, i);
    steps.push({ kind: "literal", character: literal });
    i += literal.length;
  }
  return steps;
}

/** The whole character (code point) at a position: paths are read by code point too. */
function characterAt(text: string, index: number): string {
  return String.fromCodePoint(text.codePointAt(index)!);
}

function parseClass(pattern: string, open: number): { step: Step; next: number } | undefined {
  let i = open + 1;
  const isNegated = pattern[i] === "!" || pattern[i] === "^";
  if (isNegated) i++;
  const ranges: Array<[number, number]> = [];
  let isFirst = true;
  while (i < pattern.length) {
    if (pattern[i] === "]" && !isFirst) return { step: { kind: "class", ranges, isNegated }, next: i + 1 };
    isFirst = false;
    if (pattern[i] === "\\" && i + 1 < pattern.length) i++;
    const character = characterAt(pattern, i);
    const low = character.codePointAt(0)!;
    i += character.length;
    if (pattern[i] === "-" && i + 1 < pattern.length && pattern[i + 1] !== "]") {
      i++;
      if (pattern[i] === "\\" && i + 1 < pattern.length) i++;
      const high = characterAt(pattern, i);
      i += high.length;
      ranges.push([low, high.codePointAt(0)!]);
    } else {
      ranges.push([low, low]);
    }
  }
  return undefined;
}

function isInClass(step: Extract<Step, { kind: "class" }>, code: number): boolean {
  const isIn = step.ranges.some(([low, high]) => code >= low && code <= high);
  return isIn !== step.isNegated;
}

/**
 * Follows every state of the pattern at once. State 2k is "at step k"; state 2k+1 is "inside"
 * a ** / step (having read something not yet ended by a slash) or a / ** step.
 */
function run(steps: readonly Step[], path: string): boolean {
  let current = closure(steps, [0]);
  for (const character of path) {
    const code = character.codePointAt(0)!;
    const next: number[] = [];
    for (const state of current) {
      const k = state >> 1;
      const step = steps[k];
      if (step === undefined) continue;
      if (state & 1) {
        // Inside "**/": a slash may end it; inside "/**": anything goes. Any character continues it.
        next.push(state);
        if (character === "/" && step.kind === "directories") next.push(2 * (k + 1));
        continue;
      }
      switch (step.kind) {
        case "literal":
          if (character === step.character) next.push(2 * (k + 1));
          break;
        case "one":
          if (character !== "/") next.push(2 * (k + 1));
          break;
        case "class":
          if (character !== "/" && isInClass(step, code)) next.push(2 * (k + 1));
          break;
        case "star":
          if (character !== "/") next.push(state);
          break;
        case "anything":
          next.push(state);
          break;
        case "directories":
          next.push(character === "/" ? 2 * (k + 1) : state + 1);
          if (character === "/") next.push(state + 1);
          break;
        case "subtree":
          if (character === "/") next.push(state + 1);
          break;
      }
    }
    if (next.length === 0) return false;
    current = closure(steps, next);
  }
  return current.includes(2 * steps.length);
}

/** The states, with those reachable without reading a character (past *, **, ** / and / **). */
function closure(steps: readonly Step[], states: readonly number[]): number[] {
  const seen = new Set<number>();
  const stack = [...states];
  while (stack.length > 0) {
    const state = stack.pop()!;
    if (seen.has(state)) continue;
    seen.add(state);
    const step = steps[state >> 1];
    if (step === undefined) continue;
    const isSkippable = step.kind === "star" || step.kind === "anything" || step.kind === "directories" || step.kind === "subtree";
    if (!(state & 1) && isSkippable) stack.push(state + 2);
    if (state & 1 && step.kind === "subtree") stack.push(state + 1);
  }
  return [...seen];
}

/** Tells whether a file, by its path relative to a walk's root, is one to yield. */
export type FileMatcher = (relative: string) => boolean;

/**
 * The matcher for --include: a pattern with "/" is matched against the path relative to the
 * directory walked, one without against the file's name, at any depth. Throws GlobSyntaxError.
 */
export function includeMatcher(include: string): FileMatcher {
  if (include.trim() === "") throw new GlobSyntaxError("the pattern is empty");
  const glob = compileGlob(include);
  if (include.includes("/")) return (relative) => glob.matches(relative);
  return (relative) => glob.matches(relative.slice(relative.lastIndexOf("/") + 1));
}
