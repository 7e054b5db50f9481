// How alike two bodies must be, by default, to be copies: shared by `newsctl dedup`, `export
// --dedup` and the reading view's copies, in a module of its own so that the command line's
// option table can name it without loading the copy finder.

/** The least estimated share of word 3-grams two bodies have in common to be copies (`--threshold`). */
export const DEFAULT_COPY_THRESHOLD = 0.8;
