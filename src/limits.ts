/**
 * What coursepack reads at most. Course files come from anyone (a student's
 * pull request, a colleague's zip, an LMS plugin that builds what teachers
 * upload), and a build must end within seconds whatever they hold. Each limit
 * sits well above what real courses use and well below where the parsers
 * slow down or run out of stack; the numbers in the comments were measured on
 * a 2-core machine with Node 20 (issue #11).
 */

/**
 * The largest course text file (Markdown, GIFT, `course.yml`) that is read:
 * 1 MiB. A long lesson is 10 to 50 KB and a large GIFT bank a few hundred KB.
 * Reading costs about 1 to 2 s per MB of ordinary text and up to 20 s per MB
 * of the densest markup (a table of one-letter cells), so this keeps one file
 * within seconds. Media files are not read into memory and have no limit.
 */
export const maxTextFileBytes = 1024 * 1024

/**
 * Blockquotes and list items nested in each other, in Markdown. Real lessons
 * nest 3 or 4 deep. micromark's time grows faster than cubic with list depth
 * (300 levels: 0.8 s, 1,000 levels: 45 s) and 3,000 nested blockquotes
 * overflow the stack when rendered; 32 levels take a few milliseconds.
 */
export const maxBlockNesting = 32

/**
 * Emphasis, strong, strikethrough and links nested in each other. Real text
 * nests 2 or 3 deep; 3,000 nested emphases overflow the stack when rendered.
 */
export const maxInlineNesting = 32

/**
 * Groups nested in math (`{…}`, `\\left…\\right`, `\\begin…\\end`), when
 * `math: true`. Real formulas nest 3 to 5 deep; KaTeX renders each level as
 * several nested elements, and 300 nested fractions overflow the stack of
 * the HTML renderer.
 */
export const maxMathNesting = 32

/**
 * HTML elements nested in each other in a page's raw HTML. Pasted HTML
 * (tables in divs in sections) nests 10 to 20 deep; 3,000 nested `<div>`s
 * overflow the stack in the HTML parser.
 */
export const maxHtmlNesting = 64

/**
 * Lists and maps nested in each other in YAML (`course.yml`, frontmatter).
 * `course.yml` needs 2 levels per module of its outline; the yaml library
 * overflows the stack at about 900 levels.
 */
export const maxYamlNesting = 32

/**
 * Modules nested in each other (folders, or `pages:` in the outline). Real
 * courses have 1 to 3 levels; the manifest writer refuses XML nested 100 deep.
 */
export const maxModuleNesting = 16

/**
 * Uses of YAML aliases (`*name`) when a YAML file is read, the yaml
 * library's guard against "billion laughs" files whose aliases expand
 * exponentially. Real course files use none or a few.
 */
export const maxYamlAliases = 100

/**
 * How much emphasis and link markup (`*`, `_`, `~` runs, `[`, `]`) the
 * paragraphs of one Markdown file may hold, counted as markers × characters
 * per paragraph, summed over the file. micromark matches each closing marker
 * by walking back over the whole paragraph, so its time grows with that
 * product: 10,000 markers in a 30 KB paragraph take 2.3 s, at about 7 ns per
 * unit. 100 million units is about 0.7 s; the example course uses 0.1 million
 * in its busiest file, and a 1,000-word paragraph with 50 links about 1 million.
 */
export const maxMarkupWork = 200_000_000
