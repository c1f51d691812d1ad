/**
 * A hand-written article before it is placed in time: `minutesAgo` is counted back from the
 * world's base time, so the demo always looks fresh whatever day it runs.
 */
export interface ArticleDraft {
  id: string;
  outletId: string;
  storyKey: string;
  section: string;
  minutesAgo: number;
  /** Minutes after publication that the page was updated, if it was. */
  updatedAfterMinutes?: number;
  author: string;
  title: string;
  summary: string;
  imageCaption: string;
  tags: string[];
  paragraphs: string[];
  rawBodyHtml?: string[];
}
