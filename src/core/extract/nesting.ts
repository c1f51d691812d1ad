/** Elements that never have an end tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements whose end tag pages often omit: counting them would make sane pages look deep. */
const OPTIONAL_END = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'tbody', 'thead', 'tfoot', 'colgroup', 'rp', 'rt']);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*?(\/?)>/g;

/**
 * Drop the tags (not the text) of elements nested deeper than `maxDepth`, in one linear scan
 * of the markup. The parser keeps its open-element stack in an array it shifts on every tag,
 * so a page of 100,000 nested divs would cost it quadratic time; cut here, it costs nothing.
 * Pages within the limit come back unchanged (the same string).
 */
export function flattenDeepNesting(html: string, maxDepth: number): string {
  const shape = measure(html, maxDepth);
  // In HTML the parser ignores "/>" on non-void elements, so thousands of `<x/>` would each
  // stay open and deepen its stack; spelled out as `<x></x>` they close (as in SVG, where
  // "/>" already closes them).
  if (shape.selfClosed > maxDepth)
    html = html.replace(TAG, (tag, slash: string, rawName: string, selfClosing: string) =>
      selfClosing && !slash && !VOID.has(rawName.toLowerCase()) ? `${tag.slice(0, -2)}></${rawName}>` : tag,
    );
  if (!shape.deep) return html;
  let depth = 0;
  let dropped = 0;
  return html.replace(TAG, (tag, slash: string, rawName: string, selfClosing: string) => {
    const name = rawName.toLowerCase();
    if (VOID.has(name) || OPTIONAL_END.has(name) || selfClosing) return tag;
    if (slash) {
      if (dropped > 0) {
        dropped--;
        return '';
      }
      depth = Math.max(0, depth - 1);
      return tag;
    }
    if (depth >= maxDepth) {
      dropped++;
      return '';
    }
    depth++;
    return tag;
  });
}

/** Whether the page nests deeper than `maxDepth`, and how many non-void tags close themselves with "/>". */
function measure(html: string, maxDepth: number): { deep: boolean; selfClosed: number } {
  let depth = 0;
  let deep = false;
  let selfClosed = 0;
  TAG.lastIndex = 0;
  for (let match = TAG.exec(html); match; match = TAG.exec(html)) {
    const name = match[2]!.toLowerCase();
    if (VOID.has(name)) continue;
    if (match[3]) {
      selfClosed++;
      continue;
    }
    if (OPTIONAL_END.has(name)) continue;
    depth = match[1] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > maxDepth) deep = true;
  }
  return { deep, selfClosed };
}
