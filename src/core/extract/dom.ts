import type { AnyNode, Element, Text } from 'domhandler';

/** True for element nodes (tags, and script/style, which domhandler types separately). */
export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** A text node (its `data` is the text). */
export function isText(node: AnyNode): node is Text {
  return node.type === 'text';
}

/** Lower-cased class and id of an element, joined: the string the class/id hints test. */
export function classAndId(element: Element): string {
  const cls = element.attribs.class ?? '';
  const id = element.attribs.id ?? '';
  // camelCase names ("newsCaption", "imageEmbedCredit") are split so their words match too.
  return cls || id ? `${cls} ${id}`.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase() : '';
}

/** Detach a node from its parent (domhandler keeps sibling links; fix them too). */
export function removeNode(node: AnyNode): void {
  const parent = node.parent;
  if (!parent) return;
  const index = parent.children.indexOf(node);
  if (index >= 0) parent.children.splice(index, 1);
  if (node.prev) node.prev.next = node.next;
  if (node.next) node.next.prev = node.prev;
  node.parent = node.prev = node.next = null;
}

/** Elements of a subtree in document order (iterative; the tree depth is already capped). */
export function descendants(root: AnyNode): Element[] {
  const out: Element[] = [];
  const stack: AnyNode[] = 'children' in root ? [...root.children].reverse() : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    out.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return out;
}

/** Raw text of a subtree in document order (iterative). */
export function textContent(root: AnyNode): string {
  let text = '';
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isText(node)) text += node.data;
    else if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return text;
}
