import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** An element as read from a receipt: namespace prefixes dropped, text trimmed, order kept. */
export interface XmlNode {
  readonly name: string;
  readonly text?: string;
  readonly children: readonly XmlNode[];
}

export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

const parser = new XMLParser({
  preserveOrder: true,
  removeNSPrefix: true,
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  trimValues: true,
});

const toNodes = (entries: unknown): XmlNode[] => {
  if (!Array.isArray(entries)) return [];
  const nodes: XmlNode[] = [];
  for (const entry of entries as Array<Record<string, unknown>>) {
    for (const [name, content] of Object.entries(entry)) {
      if (name === '#text' || name === ':@') continue;
      const parts = Array.isArray(content) ? (content as Array<Record<string, unknown>>) : [];
      const text = parts
        .map((part) => part['#text'])
        .filter((piece) => piece !== undefined)
        .join('');
      nodes.push({ name, ...(text === '' ? {} : { text: String(text) }), children: toNodes(parts) });
    }
  }
  return nodes;
};

/**
 * Reads a receipt file leniently: with or without an XML declaration or a byte-order mark, with or
 * without namespaces. Refuses only text that is not well-formed XML, saying where it breaks.
 */
export const parseXmlTree = (xml: string): Parsed<XmlNode> => {
  const source = xml.replace(/^\uFEFF/, '');
  if (source.trim() === '') return { ok: false, reason: 'the file is empty' };
  const check = XMLValidator.validate(source);
  if (check !== true) {
    const { msg, line, col } = check.err;
    return { ok: false, reason: `not well-formed XML (line ${line}, column ${col}): ${msg}` };
  }
  const roots = toNodes(parser.parse(source));
  const [root] = roots;
  if (root === undefined || roots.length !== 1) return { ok: false, reason: 'not one root element' };
  return { ok: true, value: root };
};

export const childNamed = (node: XmlNode | undefined, name: string): XmlNode | undefined =>
  node?.children.find((child) => child.name === name);

/** The text of a child element; an empty element reads as absent. */
export const childText = (node: XmlNode | undefined, name: string): string | undefined => {
  const text = childNamed(node, name)?.text?.trim();
  return text === undefined || text === '' ? undefined : text;
};

/** The leaf children of an element as a field map, empty values left out. */
export const leafFields = (node: XmlNode): Record<string, string> => {
  const fields: Record<string, string> = {};
  for (const child of node.children) {
    const text = child.text?.trim();
    if (child.children.length === 0 && text !== undefined && text !== '') fields[child.name] = text;
  }
  return fields;
};
