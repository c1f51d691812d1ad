import type { XmlElement, XmlNode } from './xml-tree.js';

/** Escape text for an XML text node. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escape text for a double-quoted XML attribute value. */
export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}

/** Well-formed XML for an element of the forgiving tree (so a strict parser accepts it). */
export function serializeElement(element: XmlElement): string {
  const parts: string[] = [];
  write(element, parts);
  return parts.join('');
}

/** The serialized children of an element: its inner markup. */
export function serializeChildren(nodes: XmlNode[]): string {
  const parts: string[] = [];
  for (const node of nodes) write(node, parts);
  return parts.join('');
}

function write(node: XmlNode, parts: string[]): void {
  if (typeof node === 'string') {
    parts.push(escapeText(node));
    return;
  }
  // Iterative would be safer, but the reader caps nesting depth, so recursion is bounded.
  parts.push('<', node.name);
  for (const [name, value] of node.attrs) parts.push(' ', name, '="', escapeAttribute(value), '"');
  if (node.children.length === 0) {
    parts.push('/>');
    return;
  }
  parts.push('>');
  for (const child of node.children) write(child, parts);
  parts.push('</', node.name, '>');
}
