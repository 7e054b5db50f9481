// Answers remembered for the pages asked for again, as long as the index they came from is the
// same: a version from the index tells when another newsctl has committed, and then every answer
// is forgotten. At most a fixed number are kept, the least recently used going first.

const MOST_ANSWERS = 256;

export class AnswerCache {
  private readonly answers = new Map<string, unknown>();
  private version: number | undefined;

  /** Forgets every answer when the index's version is not the one they were read at. */
  keepIfUnchanged(version: number): void {
    if (version !== this.version) this.answers.clear();
    this.version = version;
  }

  /** Forgets the answer kept for `key`, if it is still this one. */
  forget(key: string, answer: unknown): void {
    if (this.answers.get(key) === answer) this.answers.delete(key);
  }

  get<T>(key: string, work: () => T): T {
    if (this.answers.has(key)) {
      const answer = this.answers.get(key) as T;
      // Map keeps insertion order: taking it out and in again makes it the most recent.
      this.answers.delete(key);
      this.answers.set(key, answer);
      return answer;
    }
    const answer = work();
    this.answers.set(key, answer);
    if (this.answers.size > MOST_ANSWERS) this.answers.delete(this.answers.keys().next().value as string);
    return answer;
  }
}
