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
 * The most lines a course text file may have: 10,000. Dense Markdown costs
 * by the line, not by the byte: a table of one-letter cells takes about
 * 230 µs a row through parsing and rendering (20,000 rows: 4.5 s), a list of
 * one-word items or a page of headings 50 to 150 µs a line, so 1 MiB of
 * them would take 30 to 45 s; 10,000 lines of the densest take about 2 s.
 * The longest real documents measured have 4,000 lines; a GIFT bank of
 * 3,000 questions fits.
 */
export const maxTextFileLines = 10_000

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
 * How much inline markup the paragraphs of one Markdown file may hold,
 * counted as markers × characters per paragraph, summed over the file. A
 * marker is a run of `*`, `_`, `~`, a `[` or `]`, a run of `` ` `` or `$`
 * that does not close on its line, or a lazy line (one that goes on with a
 * list item or blockquote without its indentation or `>`). micromark walks
 * over the whole paragraph for each of those, so its time grows with that
 * product: 7 to 12 ns per unit, so that 100 million units take about 1 s at
 * worst (10,000 closing `*` in a 30 KB paragraph took 2.3 s; 40,000 lazy
 * lines after a list item, 33 s). The busiest real documents measured (632
 * Markdown files in node_modules, this README, the example course) use at
 * most 37 million (a 640-row table of code cells), most under 1 million.
 */
export const maxMarkupWork = 100_000_000

/**
 * How much opening and closing of blockquotes and lists one Markdown file
 * may do. Each time a line opens or closes one, micromark moves the events
 * of the whole document read so far, so its time grows with the number of
 * such lines times the length of the document: 4,000 blockquotes between
 * paragraphs took 10 s, 8,000 nested list items 40 s. Counted as, for each
 * such line, the lines before it plus its offset / 64 (the next item of the
 * same list counts an eighth, for it costs about that); 10 million units
 * take about 1 to 1.5 s at worst. The busiest real documents measured use
 * about 2 million (a quiz of 200 questions with 10 choices each, a 148 KB
 * changelog of nested lists).
 */
export const maxContainerWork = 10_000_000

/**
 * Characters of code highlighted in one block, and in one file; longer
 * blocks, and those past the file's share, are shown without colours. Some
 * highlight.js grammars backtrack on odd text: C takes 0.4 s on 8,000
 * characters of `a a a …`, 2 s on 16,000, a minute on 100,000. Across its
 * 37 languages and 36 such patterns, the worst block of 8,000 characters
 * took 0.45 s, so a file's 20,000 take about 1 s at worst. A listing of 200
 * lines fits in a block; real examples in lessons are 20 to 100 lines.
 */
export const maxHighlightedBlock = 8_000
export const maxHighlightedPage = 20_000
