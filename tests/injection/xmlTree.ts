/**
 * An XML document as a small tree, read by saxes, a strict XML 1.0 parser (it refuses anything not well-formed:
 * unknown entities, characters XML cannot hold, unclosed tags). The injection tests read the diagram's SVG with it
 * because a hand-written check can only look for the mistakes its author thought of; a real parser sees the
 * elements, attributes and text a browser or an SVG editor would see.
 */
import { SaxesParser } from 'saxes';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | { text: string };

export interface XmlDocument {
  root: XmlElement;
  /** Markup other than elements and text: DOCTYPEs, processing instructions, comments, CDATA sections. */
  otherMarkup: string[];
}

/** The document's tree, or an Error naming the first well-formedness problem. */
export function parseXml(xml: string): XmlDocument {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const errors: string[] = [];
  const otherMarkup: string[] = [];
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  parser.on('error', (error) => errors.push(error.message));
  parser.on('doctype', (doctype) => otherMarkup.push(`doctype: ${doctype}`));
  parser.on('processinginstruction', (pi) => otherMarkup.push(`pi: ${pi.target}`));
  parser.on('comment', (comment) => otherMarkup.push(`comment: ${comment}`));
  parser.on('cdata', (cdata) => otherMarkup.push(`cdata: ${cdata}`));
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const [name, attribute] of Object.entries(tag.attributes)) attributes[name] = attribute.value;
    const element: XmlElement = { name: tag.name, attributes, children: [] };
    const parent = stack[stack.length - 1];
    if (parent === undefined) root = element;
    else parent.children.push(element);
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', (text) => {
    const parent = stack[stack.length - 1];
    if (parent !== undefined) parent.children.push({ text });
  });
  parser.write(xml).close();
  if (errors.length > 0) throw new Error(`not well-formed XML: ${errors.join('; ')}`);
  if (root === null) throw new Error('no root element');
  return { root, otherMarkup };
}

/** Every element of the tree, the root first, in document order. */
export function allElements(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap((child) => ('name' in child ? allElements(child) : []))];
}

/** The text directly inside an element (its text children joined). */
export function ownText(element: XmlElement): string {
  return element.children.map((child) => ('text' in child ? child.text : '')).join('');
}
