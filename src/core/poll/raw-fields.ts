import type { RawNode } from './rss-parser-run.js';

/** The nodes of a raw field (rss-parser's `keepArray` custom fields are arrays). */
export function nodes(value: unknown): RawNode[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).filter(
    (v): v is RawNode => typeof v === 'string' || (typeof v === 'object' && v !== null),
  );
}

/** The text of a node: the string itself, or its `_` (xml2js puts text there when there are attributes). */
export function textOf(node: RawNode | undefined): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node;
  return typeof node._ === 'string' ? node._ : '';
}

/** An attribute of a node, or null. */
export function attrOf(node: RawNode | undefined, name: string): string | null {
  if (node === undefined || typeof node === 'string') return null;
  const value = node.$?.[name];
  return typeof value === 'string' ? value : null;
}

/** A child element's nodes (xml2js nests children as arrays under their names). */
export function childNodes(node: RawNode | undefined, name: string): RawNode[] {
  if (node === undefined || typeof node === 'string') return [];
  return nodes(node[name]);
}

/** The first non-empty trimmed text of a raw field. */
export function firstText(value: unknown): string | null {
  for (const node of nodes(value)) {
    const text = textOf(node).trim();
    if (text) return text;
  }
  return null;
}
