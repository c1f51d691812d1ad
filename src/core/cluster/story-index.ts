/**
 * Inverted index from "lang|term" to the active stories whose centroid holds the term:
 * candidates come from here, never from a scan of all stories.
 */
export class StoryIndex {
  private readonly postings = new Map<string, Set<string>>();

  add(lang: string, term: string, storyId: string): void {
    const key = lang + '|' + term;
    let set = this.postings.get(key);
    if (!set) {
      set = new Set();
      this.postings.set(key, set);
    }
    set.add(storyId);
  }

  remove(lang: string, term: string, storyId: string): void {
    const key = lang + '|' + term;
    const set = this.postings.get(key);
    if (!set) return;
    set.delete(storyId);
    if (set.size === 0) this.postings.delete(key);
  }

  /** Stories holding the term (do not mutate). */
  lookup(lang: string, term: string): ReadonlySet<string> | undefined {
    return this.postings.get(lang + '|' + term);
  }
}
