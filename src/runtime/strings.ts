/** `{name}` placeholders filled from `values`, as the build's `t` helper does. */
export function format(strings: Readonly<Record<string, string>>, key: string, values: Readonly<Record<string, string | number>> = {}): string {
  const text = strings[key] ?? key
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole))
}
