import { htmlEntity } from './html-entities.js';

/** An element of the forgiving XML tree; attributes keep document order. */
export interface XmlElement {
  name: string;
  attrs: Array<[string, string]>;
  children: XmlNode[];
}

/** Text (entities already decoded) or an element. CDATA becomes text. */
export type XmlNode = XmlElement | string;

/** The tree of a document read the way a forgiving reader reads it, and what was repaired. */
export interface XmlDocument {
  /** Top-level elements (a well-formed document has exactly one). */
  roots: XmlElement[];
  /** Root name declared by `<!DOCTYPE name …>`, lower-cased, if any. */
  doctype: string | null;
  /** Elements still open when the input ended (it was cut short). */
  truncated: XmlElement[];
  warnings: string[];
}

// XML 1.0 (5th edition) name characters, so what we serialise a strict parser accepts.
const NAME_START =
  'A-Za-z_\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D' +
  '\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD';
const NCNAME = `[${NAME_START}][${NAME_START}.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040-]*`;
// At most one colon, with a name on each side (`a10:` and `a:b:c` are not names).
const NAME = new RegExp(`^${NCNAME}(?::${NCNAME})?$`);
/** Characters that may follow `<` in markup: a name, `/`, `!` or `?`. */
const MARKUP_START = new RegExp(`[${NAME_START}/!?]`);
const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
// HTML reads character references 0x80–0x9F as windows-1252, feeds rely on it (&#151; → —).
const C1_AS_1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const INVALID_XML_CHARS =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const MAX_DEPTH = 256;
const ITEMS = new Set(['item', 'entry']);
const CONTAINERS = new Set(['channel', 'rss', 'RDF', 'feed']);
const localOf = (name: string): string => name.slice(name.indexOf(':') + 1);
/** Text-only fields of RSS/Atom items and channels: one never contains another. */
const FIELDS = new Set([
  'title',
  'link',
  'description',
  'pubDate',
  'guid',
  'author',
  'category',
  'comments',
  'dc:creator',
  'dc:date',
  'dc:subject',
  'dc:language',
  'language',
  'published',
  'updated',
  'id',
  'summary',
  'content:encoded',
]);
const MAX_ENTITY_EXPANSION = 1 << 20;

/** Remove characters XML 1.0 forbids (control characters, lone surrogates, U+FFFE/FFFF). */
function stripInvalidXmlChars(text: string): string {
  return text.replace(INVALID_XML_CHARS, '');
}

/**
 * Read XML the way a forgiving feed reader does, never failing: bare `&` and `<` are text,
 * HTML named entities and entities declared in the DOCTYPE are decoded, invalid characters
 * dropped, mismatched end tags close what they match (case-insensitively) and stray ones are
 * ignored, unquoted and valueless attributes accepted, and a document cut short leaves its
 * open elements in `truncated`. Comments and processing instructions are dropped.
 */
export function readXml(input: string): XmlDocument {
  return new Reader(input).read();
}

class Reader {
  private readonly text: string;
  private i = 0;
  private readonly roots: XmlElement[] = [];
  private readonly stack: XmlElement[] = [];
  private readonly entities = new Map<string, string>();
  private readonly warnings = new Set<string>();
  private doctype: string | null = null;
  private expanded = 0;

  constructor(input: string) {
    const cleaned = stripInvalidXmlChars(input);
    if (cleaned.length !== input.length) this.warnings.add('invalid_characters: removed characters XML does not allow');
    this.text = cleaned.replace(/^\ufeff/, '');
  }

  read(): XmlDocument {
    const { text } = this;
    let textStart = this.i;
    for (;;) {
      const lt = text.indexOf('<', this.i);
      // A `<` that cannot start markup (space, digit, punctuation after it) stays in the text
      // run: a page of bare `<` costs one scan, not a markup attempt each.
      if (lt >= 0 && !MARKUP_START.test(text[lt + 1] ?? '')) {
        this.i = lt + 1;
        continue;
      }
      const end = lt < 0 ? text.length : lt;
      if (end > textStart) this.addText(text.slice(textStart, end));
      if (lt < 0) break;
      this.i = lt;
      this.readMarkup();
      textStart = this.i;
    }
    return { roots: this.roots, doctype: this.doctype, truncated: [...this.stack], warnings: [...this.warnings] };
  }

  private readMarkup(): void {
    const { text, i } = this;
    if (text.startsWith('<!--', i)) this.skipPast('-->', i + 4);
    else if (text.startsWith('<![CDATA[', i)) this.readCdata();
    else if (/^<!doctype/i.test(text.slice(i, i + 9))) this.readDoctype();
    else if (text.startsWith('<?', i)) this.skipPast('?>', i + 2);
    else if (text.startsWith('<!', i)) this.skipPast('>', i + 2);
    else if (text.startsWith('</', i)) this.readEndTag();
    else this.readStartTag();
  }

  private skipPast(terminator: string, from: number): void {
    const end = this.text.indexOf(terminator, from);
    this.i = end < 0 ? this.text.length : end + terminator.length;
  }

  private readCdata(): void {
    const start = this.i + 9;
    const end = this.text.indexOf(']]>', start);
    if (end < 0) {
      this.warnings.add('truncated: unterminated CDATA section');
      this.appendText(this.text.slice(start));
      this.i = this.text.length;
      return;
    }
    this.appendText(this.text.slice(start, end));
    this.i = end + 3;
  }

  private readDoctype(): void {
    const { text } = this;
    const open = text.indexOf('[', this.i);
    const close = text.indexOf('>', this.i);
    let end = close;
    if (open >= 0 && (close < 0 || open < close)) {
      const subsetEnd = text.indexOf(']', open);
      this.readEntityDeclarations(text.slice(open + 1, subsetEnd < 0 ? text.length : subsetEnd));
      end = subsetEnd < 0 ? -1 : text.indexOf('>', subsetEnd);
    }
    const declaration = text.slice(this.i, end < 0 ? text.length : end);
    this.doctype = /^<!doctype\s+([^\s>[]+)/i.exec(declaration)?.[1]?.toLowerCase() ?? null;
    this.i = end < 0 ? text.length : end + 1;
  }

  private readEntityDeclarations(subset: string): void {
    for (const match of subset.matchAll(/<!ENTITY\s+([\w.:-]+)\s+(?:"([^"]*)"|'([^']*)')\s*>/g)) {
      const [, name, double, single] = match;
      if (name && !this.entities.has(name)) this.entities.set(name, double ?? single ?? '');
    }
  }

  private readEndTag(): void {
    const match = /^<\/\s*([^\s>]*)\s*>?/.exec(this.text.slice(this.i, this.i + 256));
    const name = match?.[1] ?? '';
    this.i += match?.[0].length ?? 2;
    if (!match?.[0].endsWith('>')) this.skipPast('>', this.i);
    let index = this.stack.map((e) => e.name).lastIndexOf(name);
    if (index < 0) index = this.stack.map((e) => e.name.toLowerCase()).lastIndexOf(name.toLowerCase());
    if (index < 0) {
      this.warnings.add('stray_end_tag: ignored an end tag that closes nothing');
      return;
    }
    if (index < this.stack.length - 1) this.warnings.add('mismatched_tags: closed elements left open');
    this.stack.length = index;
  }

  private readStartTag(): void {
    const { text } = this;
    const nameMatch = /^<([^\s/>]+)/.exec(text.slice(this.i, this.i + 256));
    const name = nameMatch?.[1] ?? '';
    if (!NAME.test(name)) {
      // Not a tag: a bare `<` in text.
      this.addText('<');
      this.i += 1;
      return;
    }
    let j = this.i + 1 + name.length;
    const attrs: Array<[string, string]> = [];
    const seen = new Set<string>();
    let selfClosing = false;
    for (;;) {
      while (j < text.length && /\s/.test(text[j] ?? '')) j++;
      if (j >= text.length) {
        this.warnings.add('truncated: document ends inside a tag');
        this.i = j;
        return;
      }
      const c = text[j];
      if (c === '>') {
        j++;
        break;
      }
      if (c === '/' && text[j + 1] === '>') {
        selfClosing = true;
        j += 2;
        break;
      }
      if (c === '<') break; // A tag missing its `>`: end it here.
      const attr = /^([^\s=/>"'<]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/.exec(text.slice(j, j + 65536));
      if (!attr) {
        j++;
        continue;
      }
      j += attr[0].length;
      const attrName = attr[1] ?? '';
      const raw = attr[2] ?? attr[3] ?? attr[4];
      if (NAME.test(attrName) && !seen.has(attrName)) {
        seen.add(attrName);
        attrs.push([attrName, raw === undefined ? attrName : this.decode(raw).replace(/[\t\n\r]/g, ' ')]);
      }
    }
    this.i = j;
    if (this.stack.length >= MAX_DEPTH || name === '__proto__' || name === 'constructor' || name === 'prototype') {
      this.warnings.add('dropped_element: nesting too deep or a reserved name');
      return;
    }
    // An item opening inside something other than its container: whatever is open was not closed.
    if (ITEMS.has(localOf(name))) {
      const container = this.stack.map((e) => CONTAINERS.has(localOf(e.name))).lastIndexOf(true);
      if (container >= 0 && container < this.stack.length - 1) {
        this.stack.length = container + 1;
        this.warnings.add('mismatched_tags: closed elements left open');
      }
    }
    // A field of an item opening while another field is still open: that one was not closed.
    const open = this.stack[this.stack.length - 1];
    if (open && FIELDS.has(open.name) && FIELDS.has(name)) {
      this.stack.pop();
      this.warnings.add('mismatched_tags: closed elements left open');
    }
    const element: XmlElement = { name, attrs, children: [] };
    const parent = this.stack[this.stack.length - 1];
    if (parent) parent.children.push(element);
    else this.roots.push(element);
    if (!selfClosing) this.stack.push(element);
  }

  private addText(raw: string): void {
    this.appendText(this.decode(raw));
  }

  private appendText(value: string): void {
    const parent = this.stack[this.stack.length - 1];
    if (!parent || value === '') return; // Text outside the root is not part of any element.
    const last = parent.children.length - 1;
    if (typeof parent.children[last] === 'string') parent.children[last] += value;
    else parent.children.push(value);
  }

  /** Decode character and entity references; a `&` that starts none of them is a literal `&`. */
  private decode(raw: string): string {
    if (!raw.includes('&')) return raw;
    return raw.replace(/&(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[A-Za-z_][\w.:-]{0,63});/g, (whole, ref: string) => {
      if (ref.startsWith('#')) return characterReference(ref);
      const value = XML_ENTITIES[ref] ?? this.declaredEntity(ref) ?? htmlEntity(ref);
      if (value === null) {
        this.warnings.add('unknown_entity: kept an undefined entity as text');
        return whole;
      }
      return value;
    });
  }

  private declaredEntity(name: string): string | null {
    const value = this.entities.get(name);
    if (value === undefined) return null;
    // Entities may nest once; bound the total to defuse "billion laughs".
    this.expanded += value.length;
    if (this.expanded > MAX_ENTITY_EXPANSION) return '';
    return value.replace(/&([A-Za-z_][\w.:-]*);/g, (whole, inner: string) => XML_ENTITIES[inner] ?? htmlEntity(inner) ?? whole);
  }
}

function characterReference(ref: string): string {
  const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
  if (code >= 0x80 && code <= 0x9f) return C1_AS_1252[code - 0x80] ?? '';
  if (!Number.isFinite(code) || code > 0x10ffff || code === 0) return '';
  const char = String.fromCodePoint(code);
  return stripInvalidXmlChars(char);
}
