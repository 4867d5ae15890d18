/**
 * The backup's XML as Moodle's `xml_writer` writes it: elements only, text
 * escaped, `$@NULL@$` for a database null, the declaration that
 * `convert_helper::detect_moodle2_format` looks for in the first 200 bytes.
 */

/** A field's value: text, a number, or null (`$@NULL@$`). */
export type Value = string | number | null

/** Text escaped for an element or an attribute. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** `<name>value</name>`. */
export function field(name: string, value: Value): string {
  return `<${name}>${value === null ? '$@NULL@$' : escapeXml(String(value))}</${name}>`
}

/** Several fields, in order. */
export function fields(values: Readonly<Record<string, Value>>): string[] {
  return Object.entries(values).map(([name, value]) => field(name, value))
}

/** `<name attr="…">` children `</name>`, each child on a line of its own, indented. */
export function element(name: string, attributes: Readonly<Record<string, Value>>, children: readonly string[]): string {
  const attrs = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${value === null ? '' : escapeXml(String(value))}"`)
    .join('')
  if (children.length === 0) return `<${name}${attrs}></${name}>`
  return [`<${name}${attrs}>`, ...children.flatMap((child) => child.split('\n').map((line) => `  ${line}`)), `</${name}>`].join('\n')
}

/** A whole file: the declaration, the root element, a final newline. */
export function xmlDocument(root: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root}\n`
}

/** A decimal as Moodle's number columns hold it: `2.0000000`, never an exponent. */
export function decimal(value: number, places = 7): string {
  return value.toFixed(places)
}

/**
 * A name (course, section, activity, question, category) as Moodle stores
 * one: plain text that its `PARAM_TEXT` cleaning keeps as it is. That
 * cleaning strips anything from a `<` not followed by a space (the restore
 * refuses a course name it would change), and Moodle shows names as HTML,
 * so such a `<` is written as `&lt;`, which shows as `<`.
 */
export function moodleName(text: string): string {
  return text.replace(/<(?=\S|$)/g, '&lt;')
}
