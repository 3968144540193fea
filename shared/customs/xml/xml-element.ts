/** The few XML shapes we write: elements with attributes and either text or children. */
export interface XmlElement {
  readonly name: string;
  readonly attributes?: Readonly<Record<string, string>>;
  readonly text?: string;
  readonly children?: readonly XmlElement[];
}

export const element = (name: string, content: string | readonly XmlElement[]): XmlElement =>
  typeof content === 'string' ? { name, text: content } : { name, children: content };

// XML 1.0 forbids most control characters outright; writing one would make a file customs cannot read.
// eslint-disable-next-line no-control-regex
const forbiddenCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

const escapeText = (value: string): string => {
  if (forbiddenCharacters.test(value))
    throw new Error(`text holds a character XML cannot carry: ${JSON.stringify(value)}`);
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
};

const escapeAttribute = (value: string): string => escapeText(value).replace(/"/g, '&quot;');

const writeElement = (node: XmlElement, indent: string, out: string[]): void => {
  const attributes = Object.entries(node.attributes ?? {})
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
  const children = node.children ?? [];
  if (children.length > 0) {
    out.push(`${indent}<${node.name}${attributes}>`);
    for (const child of children) writeElement(child, `${indent}  `, out);
    out.push(`${indent}</${node.name}>`);
  } else if (node.text !== undefined && node.text !== '') {
    out.push(`${indent}<${node.name}${attributes}>${escapeText(node.text)}</${node.name}>`);
  } else {
    out.push(`${indent}<${node.name}${attributes}/>`);
  }
};

/** Serialises a document as UTF-8 text with an XML declaration, two-space indented. */
export const serializeXml = (root: XmlElement): string => {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  writeElement(root, '', out);
  return `${out.join('\n')}\n`;
};
