/** Where a candidate is on the desk. */
export type StoryStatus = 'candidate' | 'in_review' | 'published' | 'rejected';

/** A suggested or editor-written fact with the outlets that support it. */
export interface Fact {
  text: string;
  /** Outlet ids that support the sentence. */
  outlets: string[];
  /** Article ids the sentence was found in. */
  articles: string[];
  /** true once an editor accepted or wrote it. */
  accepted: boolean;
  /** When this suggestion first appeared (UTC ISO); newer than editedAt means "new since the last edit". */
  suggestedAt?: string;
}

/** One outlet-labelled narrative slot ("Pro-China narrative, as provided by China Military"). */
export interface NarrativeSlot {
  /** Short perspective label: "Pro-China". */
  label: string;
  outletId: string;
  /** The outlet's articles that the slot links. */
  articles: string[];
  /** Sentences of this outlet that the others do not say. */
  excerpts: string[];
  /** The editor's text; empty until written. */
  text: string;
  /** The label as suggested: while label equals it, a refresh may update it; once relabelled, it stays. */
  suggestedLabel?: string;
  /** When this slot was first suggested (UTC ISO). */
  suggestedAt?: string;
  /**
   * Set when a merge brought this slot in beside a filled slot of the same outlet: the id of
   * the candidate it came from. Both texts stay; the editor keeps one and drops the other.
   */
  mergedFrom?: string;
}

export interface Prediction {
  text: string;
  /** Outlet id the suggestion came from, or null when an editor wrote it. */
  outletId: string | null;
  accepted: boolean;
  /** When this suggestion first appeared (UTC ISO). */
  suggestedAt?: string;
}

/**
 * The longest text an editor may store in each field of a candidate (characters). The desk's
 * fields carry these as maxlength, and a longer value is refused with a clear error, never cut.
 */
export const TEXT_LIMITS = { title: 400, fact: 2_000, label: 200, narrative: 20_000, prediction: 2_000 } as const;

/** One editor decision; clustering respects these and the desk shows them as history. */
export type Decision =
  | { kind: 'move'; articleId: string; from: string; to: string; by: string; at: string }
  | { kind: 'merge'; from: string; into: string; by: string; at: string; articleIds?: string[]; undoes?: 'split' }
  | { kind: 'split'; from: string; to: string; articleIds: string[]; by: string; at: string; undoes?: 'merge' }
  | { kind: 'reject'; storyId: string; by: string; at: string; reason?: string }
  /** An editor added an article by its URL; it goes through extraction and lands in `storyId`. */
  | { kind: 'add'; storyId: string; articleId: string; url: string; by: string; at: string }
  | { kind: 'reopen'; storyId: string; by: string; at: string }
  | { kind: 'publish'; storyId: string; by: string; at: string }
  | { kind: 'edit'; storyId: string; by: string; at: string; fields: string[] };

/** A story candidate as the desk shows it. Suggestions refresh; editor text stays. */
export interface StoryCandidate {
  id: string;
  status: StoryStatus;
  /** Member article ids in order of arrival. */
  articleIds: string[];
  /** Editor's title, or null to show the suggestion. */
  title: string | null;
  suggestedTitle: string;
  facts: Fact[];
  /** Outlet ids in order of first report; null to derive from facts. */
  sources: string[] | null;
  narratives: NarrativeSlot[];
  predictions: Prediction[];
  createdAt: string;
  updatedAt: string;
  /** Last time an editor changed it; articles newer than this are marked new on the desk. */
  editedAt: string | null;
  /** Suggestions the editor deleted (fact and prediction texts, slot outlet ids): a refresh does not bring them back. */
  dismissed?: { facts?: string[]; predictions?: string[]; slots?: string[] };
  /** Optimistic-concurrency version: a save carrying an older one is refused. */
  version: number;
}
