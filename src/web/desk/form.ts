/** A parsed urlencoded form: a field is a string, or an array when it was repeated. */
export type FormBody = Record<string, string | string[] | undefined>;

/** One value of a field (the last when repeated), trimmed of nothing, capped in length. */
export function field(form: FormBody, name: string, maxLength = 5000): string {
  const value = form[name];
  const one = Array.isArray(value) ? value[value.length - 1] : value;
  return typeof one === 'string' ? one.slice(0, maxLength) : '';
}

/** Every value of a repeated field (checkbox groups), in the order the page sent them. */
export function fields(form: FormBody, name: string, maxLength = 200): string[] {
  const value = form[name];
  const all = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  return all.map((v) => v.slice(0, maxLength));
}

/** A checked checkbox. */
export function checked(form: FormBody, name: string): boolean {
  return field(form, name) !== '';
}

/** The form's body as a FormBody (anything else becomes an empty form). */
export function asForm(body: unknown): FormBody {
  return body && typeof body === 'object' ? (body as FormBody) : {};
}

/** Whitespace folded: editor text is stored as the story format prints it (one line). */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
