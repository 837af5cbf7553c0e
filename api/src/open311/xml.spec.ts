import { escapeXml, toXml } from './xml.js';

describe('toXml', () => {
  test('lists become one element per item, named by the list; null is an empty element', () => {
    expect(toXml('services', [{ service_code: 'a.b', metadata: true, group: null }], { services: 'service' })).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<services><service><service_code>a.b</service_code><metadata>true</metadata><group/></service></services>\n',
    );
  });

  test('text is escaped, and characters XML cannot carry are dropped', () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;');
    expect(escapeXml('bell\u0007 nul\u0000 lone\uD800 ok\t\n한글 😀')).toBe('bell nul lone ok\t\n한글 😀');
  });

  test('refuses element names that are not names and lists it cannot name the items of', () => {
    expect(() => toXml('bad name', 'x', {})).toThrow('not an XML element name');
    expect(() => toXml('root', { things: [1] }, {})).toThrow('no item element name');
  });
});
