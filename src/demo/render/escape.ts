/** Escapes text for HTML and XML element content and double- or single-quoted attributes. */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Wraps markup in CDATA, splitting any "]]>" so the section cannot be closed early. */
export function cdata(markup: string): string {
  return `<![CDATA[${markup.split(']]>').join(']]]]><![CDATA[>')}]]>`;
}

/** JSON for a `<script type="application/ld+json">` block: `<` escaped so `</script>` cannot end it. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/</g, '\\u003c');
}
