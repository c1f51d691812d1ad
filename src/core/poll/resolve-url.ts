/** `href` made absolute against `base` (http, https only), or null when that is impossible. */
export function resolveUrl(href: string, base: string | null | undefined): string | null {
  const trimmed = href.trim();
  if (trimmed === '') return null;
  try {
    const url = base ? new URL(trimmed, base) : new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Whether a string is an absolute http(s) URL. */
export function isHttpUrl(value: string | null | undefined): value is string {
  return !!value && /^https?:\/\//i.test(value.trim()) && resolveUrl(value, null) !== null;
}
