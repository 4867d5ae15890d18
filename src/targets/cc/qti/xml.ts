import { xmlText } from '../../manifest-xml.js'

/** An element in fast-xml-parser's shape: `@_` attributes, `#text`, children by name. */
export type XmlNode = Record<string, unknown>

/** The response every item has one of (matching has one per left-hand item). */
export const responseId = 'response1'

/** `<material><mattext texttype="text/html">…</mattext></material>`: HTML kept as escaped text, as both importers read it. */
export function htmlMaterial(html: string): XmlNode {
  return { mattext: { '@_texttype': 'text/html', '#text': xmlText(html) } }
}

/** `<material><mattext texttype="text/plain">…</mattext></material>`. */
export function textMaterial(text: string): XmlNode {
  return { mattext: { '@_texttype': 'text/plain', '#text': xmlText(text) } }
}

/** `<qtimetadata>` with one field per pair, in order. */
export function metadata(fields: readonly (readonly [string, string])[]): XmlNode {
  return { qtimetadatafield: fields.map(([label, entry]) => ({ fieldlabel: label, fieldentry: xmlText(entry) })) }
}

/**
 * `<itemfeedback>` in the one shape Moodle reads (`flow_mat/material/mattext`,
 * `entity11.quiz.class.php` `get_feedback`); Canvas reads it too.
 */
export function itemFeedback(ident: string, html: string): XmlNode {
  return { '@_ident': ident, flow_mat: { material: htmlMaterial(html) } }
}

/** `<varequal respident="…">value</varequal>`, with `case="Yes"` when asked (Moodle's multiple response needs it). */
export function varequal(value: string, options: { readonly respident?: string; readonly caseYes?: boolean } = {}): XmlNode {
  return { '@_respident': options.respident ?? responseId, ...(options.caseYes ? { '@_case': 'Yes' } : {}), '#text': xmlText(value) }
}

/** `<setvar action="Set" varname="SCORE">value</setvar>`. */
export function setScore(value: '0' | '100'): XmlNode {
  return { '@_action': 'Set', '@_varname': 'SCORE', '#text': value }
}

/** `<displayfeedback feedbacktype="Response" linkrefid="…"/>`. */
export function displayFeedback(ident: string): XmlNode {
  return { '@_feedbacktype': 'Response', '@_linkrefid': ident }
}

/** A number as QTI and both importers read it: `2`, `0.5`, `-3.25`, never an exponent. */
export function decimal(value: number): string {
  if (Number.isInteger(value)) return String(value)
  const text = String(value)
  return /e/i.test(text) ? value.toFixed(12).replace(/0+$/, '').replace(/\.$/, '') : text
}
