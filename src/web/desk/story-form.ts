import {
  StorydeskError,
  TEXT_LIMITS,
  type Article,
  type Fact,
  type NarrativeSlot,
  type Prediction,
  type StoryCandidate,
} from '../../core/model/index.js';
import { checked, field, fields, oneLine, type FormBody } from './form.js';

/** The longest raw field read at all (the body limit is 1 MiB); anything longer than its limit is refused below. */
const RAW_MAX = 1024 * 1024;

/**
 * One editor text, whitespace folded, refused with a clear error when longer than `limit`
 * (never cut: a cut text would be answered "Saved." while part of it is gone).
 */
function text(form: FormBody, name: string, limit: number, what: string): string {
  const value = oneLine(field(form, name, RAW_MAX));
  if (value.length > limit) {
    throw new StorydeskError(
      'invalid_form',
      `${what} is ${value.length.toLocaleString('en')} characters long; the limit is ${limit.toLocaleString('en')}. Nothing was saved: shorten it and save again`,
      { permanent: true },
    );
  }
  return value;
}

/** The parts of a candidate an editor's save can change (the `fields` of an edit decision). */
export type EditedField = 'title' | 'facts' | 'sources' | 'narratives' | 'predictions' | 'status';

/** The result of applying the story form. */
export interface AppliedForm {
  next: StoryCandidate;
  fields: EditedField[];
}

const sameText = (a: string, b: string) => oneLine(a).toLowerCase() === oneLine(b).toLowerCase();

/**
 * Apply the candidate page's story form to the candidate the editor loaded. Field names:
 * `title`; `fact.N.{text,accepted,pos,delete}` and `fact.new`; `sources.mode` (derive|choose)
 * with `sources.pick` (outlet ids); `slot.N.{label,text,drop}`, `slot.new.{outlet,label}`;
 * `pred.N.{text,keep,delete}` and `pred.new`; `op` for the buttons that save and then act
 * (`fact-up-N`, `fact-down-N`, `slot-excerpts-N`). Deleted suggestions go on `dismissed` so a
 * refresh does not bring them back. Pure: the caller saves with the version check.
 */
export function applyStoryForm(candidate: StoryCandidate, form: FormBody, context: { now: Date; articles: Article[] }): AppliedForm {
  const dismissed = {
    facts: [...(candidate.dismissed?.facts ?? [])],
    predictions: [...(candidate.dismissed?.predictions ?? [])],
    slots: [...(candidate.dismissed?.slots ?? [])],
  };
  const op = field(form, 'op', 100);

  const titleText = text(form, 'title', TEXT_LIMITS.title, 'The title');
  const title = titleText === '' || titleText === oneLine(candidate.suggestedTitle) ? null : titleText;

  const facts = editFacts(candidate.facts, form, dismissed.facts, op);
  const sources = field(form, 'sources.mode') === 'choose' ? pickSources(form, candidate, context.articles) : null;
  const narratives = editSlots(candidate.narratives, form, dismissed.slots, op, context.articles);
  const predictions = editPredictions(candidate.predictions, form, dismissed.predictions);

  const at = context.now.toISOString();
  const next: StoryCandidate = {
    ...candidate,
    title,
    facts,
    sources,
    narratives,
    predictions,
    dismissed,
    status: candidate.status === 'candidate' ? 'in_review' : candidate.status,
    editedAt: at,
    updatedAt: at,
  };
  const changed = (key: keyof StoryCandidate) => JSON.stringify(candidate[key]) !== JSON.stringify(next[key]);
  const edited = (['title', 'facts', 'sources', 'narratives', 'predictions', 'status'] as const).filter((k) => changed(k));
  return { next, fields: edited };
}

function editFacts(current: Fact[], form: FormBody, dismissed: string[], op: string): Fact[] {
  const kept: { fact: Fact; pos: number; origin: number }[] = [];
  current.forEach((fact, i) => {
    const p = `fact.${i}.`;
    if (form[`${p}text`] === undefined) return kept.push({ fact, pos: i + 1, origin: i });
    const written = text(form, `${p}text`, TEXT_LIMITS.fact, `Fact ${i + 1}`);
    if (checked(form, `${p}delete`) || written === '') {
      if (!fact.accepted && !dismissed.some((d) => sameText(d, fact.text))) dismissed.push(fact.text);
      return;
    }
    const editedText = !sameText(written, fact.text);
    const pos = Number.parseFloat(field(form, `${p}pos`, 20));
    kept.push({
      fact: { ...fact, text: written, accepted: checked(form, `${p}accepted`) || editedText },
      pos: Number.isFinite(pos) ? pos : i + 1,
      origin: i,
    });
  });
  // Stable order by the position boxes; then the up/down button swaps one fact with its neighbour.
  const ordered = [...kept].sort((a, b) => a.pos - b.pos || a.origin - b.origin);
  const move = /^fact-(up|down)-(\d+)$/.exec(op);
  if (move) {
    const from = ordered.findIndex((k) => k.origin === Number(move[2]));
    const to = from + (move[1] === 'up' ? -1 : 1);
    if (from >= 0 && to >= 0 && to < ordered.length) [ordered[from], ordered[to]] = [ordered[to]!, ordered[from]!];
  }
  const facts = ordered.map((k) => k.fact);
  const added = text(form, 'fact.new', TEXT_LIMITS.fact, 'The new fact');
  if (added) facts.push({ text: added, outlets: [], articles: [], accepted: true });
  return facts;
}

function pickSources(form: FormBody, candidate: StoryCandidate, articles: Article[]): string[] {
  const known = new Set([...articles.map((a) => a.outletId), ...(candidate.sources ?? [])]);
  return [...new Set(fields(form, 'sources.pick').filter((id) => known.has(id)))];
}

function editSlots(current: NarrativeSlot[], form: FormBody, dismissed: string[], op: string, articles: Article[]): NarrativeSlot[] {
  const slots: NarrativeSlot[] = [];
  current.forEach((slot, i) => {
    const p = `slot.${i}.`;
    if (form[`${p}text`] === undefined) return slots.push(slot);
    if (checked(form, `${p}drop`)) {
      if (!dismissed.includes(slot.outletId)) dismissed.push(slot.outletId);
      return;
    }
    const label = text(form, `${p}label`, TEXT_LIMITS.label, `The label of narrative ${i + 1}`) || slot.label;
    let written = text(form, `${p}text`, TEXT_LIMITS.narrative, `Narrative ${i + 1}`);
    if (op === `slot-excerpts-${i}` && written === '') written = oneLine(slot.excerpts.join(' ')).slice(0, TEXT_LIMITS.narrative);
    slots.push({ ...slot, label, text: written });
  });
  const outletId = field(form, 'slot.new.outlet', 200);
  const label = text(form, 'slot.new.label', TEXT_LIMITS.label, 'The label of the new narrative');
  if (outletId && label && articles.some((a) => a.outletId === outletId)) {
    const index = dismissed.indexOf(outletId);
    if (index >= 0) dismissed.splice(index, 1);
    slots.push({ label, outletId, articles: articles.filter((a) => a.outletId === outletId).map((a) => a.id), excerpts: [], text: '' });
  }
  return slots;
}

function editPredictions(current: Prediction[], form: FormBody, dismissed: string[]): Prediction[] {
  const kept: Prediction[] = [];
  current.forEach((prediction, i) => {
    const p = `pred.${i}.`;
    if (form[`${p}text`] === undefined) return kept.push(prediction);
    const written = text(form, `${p}text`, TEXT_LIMITS.prediction, `Prediction ${i + 1}`);
    if (checked(form, `${p}delete`) || written === '') {
      if (prediction.outletId !== null && !dismissed.some((d) => sameText(d, prediction.text))) dismissed.push(prediction.text);
      return;
    }
    kept.push({ ...prediction, text: written, accepted: checked(form, `${p}keep`) || !sameText(written, prediction.text) });
  });
  const added = text(form, 'pred.new', TEXT_LIMITS.prediction, 'The new prediction');
  if (added) kept.push({ text: added, outletId: null, accepted: true });
  return kept;
}
