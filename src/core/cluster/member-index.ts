/** One posting: an active article and its arrival number (postings are kept in arrival order). */
export interface Posting {
  id: string;
  seq: number;
}

/**
 * Inverted index from language and term to the active articles holding the term, in arrival order.
 * It finds an article's nearest members (single-article linkage) without a scan of the window:
 * a look-up reads only the most recent postings of each term, so its cost is bounded however
 * large a story or the window grows.
 */
export class MemberIndex {
  /** lang → term → postings (nested so look-ups build no key strings). */
  private readonly postings = new Map<string, Map<string, Posting[]>>();

  /** Adds an article's terms; appends when it is the newest (the common case), else inserts in order. */
  add(lang: string, terms: Iterable<string>, id: string, seq: number): void {
    let table = this.postings.get(lang);
    if (!table) {
      table = new Map();
      this.postings.set(lang, table);
    }
    for (const term of terms) {
      let list = table.get(term);
      if (!list) {
        list = [];
        table.set(term, list);
      }
      if (list.length === 0 || list[list.length - 1]!.seq < seq) {
        list.push({ id, seq });
        continue;
      }
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid]!.seq < seq) lo = mid + 1;
        else hi = mid;
      }
      if (list[lo]?.id !== id) list.splice(lo, 0, { id, seq });
    }
  }

  /** Removes an article's terms. */
  remove(lang: string, terms: Iterable<string>, id: string): void {
    const table = this.postings.get(lang);
    if (!table) return;
    for (const term of terms) {
      const list = table.get(term);
      if (!list) continue;
      const at = list.findIndex((p) => p.id === id);
      if (at >= 0) list.splice(at, 1);
      if (list.length === 0) table.delete(term);
    }
  }

  /** The postings of a term, oldest first (read the tail for the most recent; do not mutate). */
  lookup(lang: string, term: string): readonly Posting[] | undefined {
    return this.postings.get(lang)?.get(term);
  }

  /** How many active articles hold the term. */
  count(lang: string, term: string): number {
    return this.postings.get(lang)?.get(term)?.length ?? 0;
  }
}
