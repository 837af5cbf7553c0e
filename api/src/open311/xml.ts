/** What Open311 answers are made of; the same value becomes the JSON body or the XML document. */
export type XmlValue = string | number | boolean | null | readonly XmlValue[] | { readonly [name: string]: XmlValue };

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
/** Characters XML 1.0 cannot carry at all, even escaped. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** The text of an element with the five special characters escaped and characters XML cannot carry removed. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * A document of one root element. A list becomes an element holding one child per item, named by `itemNames`
 * (Open311: `<services><service>…`); null becomes an empty element. Element names come from our code, never from
 * data, and are checked anyway.
 */
export function toXml(root: string, value: XmlValue, itemNames: Readonly<Record<string, string>>): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value, itemNames)}\n`;
}

function element(name: string, value: XmlValue, itemNames: Readonly<Record<string, string>>): string {
  if (!NAME.test(name)) throw new Error(`not an XML element name: ${name}`);
  if (value === null) return `<${name}/>`;
  if (Array.isArray(value)) {
    const item = itemNames[name];
    if (!item) throw new Error(`no item element name for the list <${name}>`);
    return `<${name}>${value.map((entry: XmlValue) => element(item, entry, itemNames)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    const children = Object.entries(value as Record<string, XmlValue>).map(([child, entry]) => element(child, entry, itemNames));
    return `<${name}>${children.join('')}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}
