/**
 * Inverted index from language and term to the active stories whose centroid holds the term:
 * candidates come from here, never from a scan of all stories.
 */
export class StoryIndex {
  /** lang → term → story ids (nested so look-ups build no key strings). */
  private readonly postings = new Map<string, Map<string, Set<string>>>();

  add(lang: string, term: string, storyId: string): void {
    let table = this.postings.get(lang);
    if (!table) {
      table = new Map();
      this.postings.set(lang, table);
    }
    let set = table.get(term);
    if (!set) {
      set = new Set();
      table.set(term, set);
    }
    set.add(storyId);
  }

  remove(lang: string, term: string, storyId: string): void {
    const table = this.postings.get(lang);
    const set = table?.get(term);
    if (!table || !set) return;
    set.delete(storyId);
    if (set.size === 0) table.delete(term);
  }

  /** Stories holding the term (do not mutate). */
  lookup(lang: string, term: string): ReadonlySet<string> | undefined {
    return this.postings.get(lang)?.get(term);
  }
}
