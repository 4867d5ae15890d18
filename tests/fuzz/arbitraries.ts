import { readFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'

/**
 * Generators of course files for the fuzz suite (issue 11): Markdown built
 * from the pieces that make parsers work (containers, delimiters, links,
 * HTML, math, tables), shapes that used to hang or crash the build (deep
 * nesting, runs of delimiters, lazy lines, alias bombs), GIFT and YAML from
 * their grammars, and real course files with random edits.
 */

const repository = path.resolve(import.meta.dirname, '../..')
const read = (relative: string) => readFileSync(path.join(repository, relative), 'utf8')

/** Real files to mutate: the example course and the question corpora. */
const seeds = {
  lessons: ['course/01-before-the-treaty.md', 'course/02-signing-in-moscow.md', 'course/04-building-with-soviet-help.md', 'course/07-review-questions.md'].map(read),
  quizzes: ['course/03-check-your-understanding.quiz.md', 'course/06-final-quiz.quiz.md', 'tests/fixtures/courses/question-kinds/01-kinds.quiz.md'].map(read),
  gift: ['tests/fixtures/gift/constructs.gift', 'tests/fixtures/gift/broken.gift'].map(read),
  config: [read('course/course.yml')],
}

const word = fc.constantFrom('treaty', 'Moscow', '1950', 'a', 'x', 'Zhou Enlai', '中苏', 'é', 'US$300', '')

/** Pieces of inline Markdown, each of which some construct starts, ends or trips on. */
const inlinePiece = fc.oneof(
  { weight: 6, arbitrary: word },
  { weight: 3, arbitrary: fc.constantFrom(' ', '  ', '\t', ' \\') },
  {
    weight: 5,
    arbitrary: fc.constantFrom('*', '**', '***', '_', '__', '~', '~~', '`', '``', '$', '$$', '[', ']', '(', ')', '![', '](', '<', '>', '&amp;', '&#0;', '&#x110000;', '\\', '|', '#', '{', '}', '^', ':', '"', "'", '\u0000', '\u0007', '\r', '\uFEFF', '\u202E', '\uD800'),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '[the quiz](02-quiz.quiz.md)', '[a section](#intro)', '![a map](images/a.svg)', '![a map](images/a.svg "A caption")', '![gone](gone.png)',
      '![a clip](images/v.mp4 "Speech")', '[up](../outside.png)', '[root](/etc/passwd)', '[file](file:///etc/passwd)', '[bad](%E0%A4%A)',
      '[js](javascript:alert(1))', '[broken](#%zz)', '![broken](v%zz.mp4)', '[q](?%zz)', '<https://example.org>', 'www.example.org', 'a@b.example', '[^1]', '[^missing]', '[ref][]', '[ref]',
      '<div>', '</div>', '<span>', '</span>', '<p>', '<br>', '<b>', '<script>alert(1)</script>', '<img src=x onerror="alert(1)">',
      '<iframe src="https://www.youtube-nocookie.com/embed/x" title="v"></iframe>', '<style>*{}</style>', '<!-- a comment -->', '<!--',
      '$x^2$', '$\\frac{1}{2}$', '$\\left(x\\right)$', '$\\begin{matrix}a\\end{matrix}$', '$\\def\\a{\\a}\\a$', '$$\\sqrt{2}$$', '`code`',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
)
const inline = fc.array(inlinePiece, { maxLength: 14 }).map((pieces) => pieces.join(''))

const containerPrefix = fc
  .array(fc.constantFrom('> ', '>', '- ', '* ', '+ ', '1. ', '2) ', '10. ', '  ', '   ', '    ', '\t', '- [ ] ', '- [x] ', '- = ', '- ( ) ', '1) '), { maxLength: 4 })
  .map((pieces) => pieces.join(''))

const blockLine = fc.constantFrom(
  '', '', '```', '```js', '```python', '```klingon', '~~~', '    indented code', '$$', '---', '***', '- - -', '===', '| a | b |', '| --- | :-: |', '|-|',
  '[^1]: A note', '[ref]: https://example.org "Title"', '> [!NOTE]', '> [!WARNING]', '> [!tip]', '# Title', '## A question?', '## Q {points=2 partial}',
  '## Q {case}', '## Q {nonsense}', '### Sub', '<details>', '</details>', '<div>', '</div>', '<table><tr><td>', '-> a pair', 'Zhou Enlai -> China',
)

const markdownLine = fc.oneof({ weight: 6, arbitrary: fc.tuple(containerPrefix, inline).map(([prefix, text]) => prefix + text) }, { weight: 3, arbitrary: blockLine })

/** Markdown made of random lines from Markdown's own pieces. */
export const markdown = fc.array(markdownLine, { maxLength: 30 }).map((lines) => lines.join('\n'))

/**
 * Sizes: small ones that parse, and large ones the guards must refuse
 * quickly; `npm run fuzz` adds sizes near the limits, which take up to a
 * second each to parse.
 */
const size = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 40 }) },
  { weight: 1, arbitrary: process.env.FUZZ === 'long' ? fc.constantFrom(64, 300, 2000, 20_000) : fc.constantFrom(64, 20_000) },
)

/** Shapes that used to hang the build or overflow the stack, at any size. */
export const hostileMarkdown = fc
  .tuple(
    fc.constantFrom(
      (n: number) => `${'> '.repeat(n)}deep`,
      (n: number) => Array.from({ length: Math.min(n, 2000) }, (_, level) => `${'  '.repeat(level)}- level`).join('\n'),
      (n: number) => `${'- '.repeat(n)}x`,
      (n: number) => `${'1. '.repeat(n)}x`,
      (n: number) => `${'*a '.repeat(n)}x${' a*'.repeat(n)}`,
      (n: number) => `${'[a '.repeat(n)}x${'](b)'.repeat(n)}`,
      (n: number) => `${'<div>'.repeat(n)}x${'</div>'.repeat(n)}`,
      (n: number) => `${'<span>'.repeat(n)}x`,
      (n: number) => 'a* '.repeat(n * 20),
      (n: number) => '*a'.repeat(n * 20),
      (n: number) => `- item\n${'lazy line\n'.repeat(n * 10)}`,
      (n: number) => `${'>'.repeat(n % 30)} a\n${'> b\n'.repeat(n * 10)}`,
      (n: number) => Array.from({ length: Math.min(n, 2000) }, (_, index) => '`'.repeat(index + 1)).join(' x '),
      (n: number) => `$${'{'.repeat(n)}x${'}'.repeat(n)}$`,
      (n: number) => `$$\n${'\\frac{1}{'.repeat(n)}x${'}'.repeat(n)}\n$$`,
      (n: number) => `| ${'a | '.repeat(n)}\n| ${'- | '.repeat(n)}\n${`| ${'*x* | '.repeat(n)}\n`.repeat(5)}`,
      (n: number) => `${Array.from({ length: n }, (_, index) => `t[^${index}]`).join(' ')}\n\n${Array.from({ length: n }, (_, index) => `[^${index}]: see[^${index + 1}]`).join('\n')}`,
      (n: number) => `## Q${' '.repeat(n * 10)}x {points=2}\n- [x] a\n- [ ] b`,
      (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`,
      (n: number) => `<!--${'<div>'.repeat(n)}`,
      (n: number) => '> a quote\n\nA paragraph.\n\n'.repeat(n * 10),
      (n: number) => '- a\n  - b\n'.repeat(n * 10),
      (n: number) => 'a\n> b\n'.repeat(n * 10),
      (n: number) => `\`\`\`c\n${'a '.repeat(Math.min(n * 100, 50_000))}\n\`\`\``,
      (n: number) => `\`\`\`ini\n${'1.1e'.repeat(Math.min(n * 50, 25_000))}\n\`\`\``,
    ),
    size,
  )
  .map(([shape, n]) => shape(n))

/** Random edits to real text: insertions of Markdown's pieces, deletions, repeats, new indentation. */
function mutated(texts: readonly string[]): fc.Arbitrary<string> {
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(inlinePiece, blockLine.map((line) => `\n${line}\n`)) }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.nat({ max: 60 }) }),
    fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.nat({ max: 120 }), times: fc.integer({ min: 2, max: 60 }) }),
    fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), by: fc.constantFrom('  ', '    ', '\t', '> ', '- ', '   - ') }),
  )
  return fc.tuple(fc.constantFrom(...texts), fc.array(edit, { minLength: 1, maxLength: 8 })).map(([text, edits]) => {
    for (const change of edits) {
      const at = text.length === 0 ? 0 : change.at % (text.length + 1)
      if (change.kind === 'insert') text = text.slice(0, at) + change.text + text.slice(at)
      else if (change.kind === 'delete') text = text.slice(0, at) + text.slice(at + change.length)
      else if (change.kind === 'repeat') text = text.slice(0, at) + text.slice(at, at + change.length).repeat(change.times) + text.slice(at + change.length)
      else {
        const lineStart = text.lastIndexOf('\n', at - 1) + 1
        text = text.slice(0, lineStart) + change.by + text.slice(lineStart)
      }
    }
    return text
  })
}

const yamlValue = fc.constantFrom(
  'Fuzz', '"quoted"', '"unclosed', "'single'", "'it''s'", '[a, b]', '[unclosed', '{a: 1}', '{a: 1', '1.0', '70', '-1', '1e999', '.nan', 'true',
  'null', '~', '', '&a [1, 2]', '*a', '*nobody', '!!binary aGVsbG8=', '!!set {a, b}', '!foo bar', '|', '>-', 'a: b', 'x\n  y: z', '\t1', '"\\u0000"', '"\\ud800"',
  '[01-lesson.md, 02-quiz.quiz.md]', '[{title: M, pages: [01-lesson.md]}]', '[images/]', '[scorm12, scorm2004]', '[cc]', '[youtube]', 'zh-Hans', 'es', 'x-', 'sanitize', 'trusted',
)
const yamlKey = fc.constantFrom('title', 'id', 'version', 'language', 'description', 'author', 'passingScore', 'assets', 'outline', 'html', 'math', 'embeds', 'targets', 'canvas', 'passingscore', '? [a]', '__proto__', '<<', '-', '- title', '')
const yamlLine = fc.tuple(fc.constantFrom('', '', '  ', '    ', '\t', '- '), yamlKey, fc.constantFrom(': ', ':', ' ', ': &x '), yamlValue).map((parts) => parts.join(''))

/** YAML from course.yml's keys and values, broken in the ways people break it. */
export const yaml = fc.oneof(
  { weight: 3, arbitrary: fc.array(yamlLine, { maxLength: 10 }).map((lines) => `title: Fuzz\n${lines.join('\n')}\n`) },
  { weight: 2, arbitrary: fc.array(yamlLine, { maxLength: 10 }).map((lines) => lines.join('\n')) },
  {
    weight: 1,
    arbitrary: size.map((n) => {
      const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]']
      for (let level = 1; level < Math.min(n, 30); level++) lines.push(`a${level}: &a${level} [${Array(10).fill(`*a${level - 1}`).join(', ')}]`)
      return `title: Bomb\n${lines.join('\n')}\n`
    }),
  },
  { weight: 1, arbitrary: size.map((n) => `title: Deep\nx: ${'['.repeat(n)}${']'.repeat(n)}\n`) },
  { weight: 2, arbitrary: mutated(seeds.config) },
)

/** A course.yml that is valid, with the settings that change how pages are rendered and packaged. */
const goodConfig = fc
  .record({
    math: fc.boolean(),
    html: fc.constantFrom('', 'html: trusted\n', 'html: sanitize\n'),
    embeds: fc.constantFrom('', 'embeds: [youtube, vimeo]\n'),
    passingScore: fc.constantFrom('', 'passingScore: 50\n'),
    targets: fc.constantFrom('', '', 'targets: [scorm2004]\n', 'targets: [cc]\n', 'targets: [cc]\ncanvas: { sequential: true }\n', 'targets: [web]\n', 'targets: [scorm12, scorm2004, cc, web]\n', 'targets: [moodle]\n', 'targets: [cc, moodle]\n'),
    language: fc.constantFrom('', 'language: zh-Hans\n', 'language: ar\n', 'language: es\n'),
    assets: fc.constantFrom('', 'assets: [images/]\n'),
  })
  .map((settings) => `title: Fuzz course\n${settings.math ? 'math: true\n' : ''}${settings.html}${settings.embeds}${settings.passingScore}${settings.targets}${settings.language}${settings.assets}`)

const frontmatter = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  { weight: 2, arbitrary: fc.array(yamlLine, { maxLength: 4 }).map((lines) => `---\n${lines.join('\n')}\n---\n`) },
  { weight: 1, arbitrary: fc.constantFrom('---\ntitle: A lesson\nobjectives: [one, two]\nduration: 15\n---\n', '---\ntitle: "open\n---\n', '---\ntitle: T\n  id: x\n---\n', '---\n') },
)

/** A lesson: Markdown, a hostile shape, or a real lesson with random edits. */
export const lesson = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(frontmatter, markdown).map(([head, body]) => `${head}# A lesson\n\n${body}\n`) },
  { weight: 2, arbitrary: hostileMarkdown.map((body) => `# Hostile\n\n${body}\n`) },
  { weight: 3, arbitrary: mutated(seeds.lessons) },
)

const answerItem = fc.tuple(
  fc.constantFrom('- [x] ', '- [ ] ', '- = ', '- ( ) ', '1. ', '2. ', '- ', '* [X] ', '- -> '),
  inline,
  fc.constantFrom('', '', ' -> China', ' ± 2', '..1951', '\n  > Feedback for this answer.'),
)
const question = fc
  .tuple(fc.constantFrom('## ', '## ', '# ', '### '), inline, fc.constantFrom('', ' {points=2}', ' {partial}', ' {case}', ' {points=0}', ' {odd}', ' {'), fc.array(markdownLine, { maxLength: 3 }), fc.array(answerItem, { maxLength: 6 }), fc.constantFrom('', '\n> General feedback.'))
  .map(([level, prompt, options, body, answers, feedback]) => `${level}${prompt}${options}\n${body.join('\n')}\n${answers.map((parts) => parts.join('')).join('\n')}\n${feedback}\n`)

const quizFrontmatter = fc
  .array(fc.constantFrom('title: Quiz', 'graded: false', 'passingScore: 60', 'weight: 2', 'attempts: 2', 'keep: last', 'pick: 2', 'shuffle: true', 'questions: _banks/bank.gift', 'questions: [_banks/bank.gift, _banks/missing.gift]', 'questions: ../x.gift', 'pick: 0', 'weight: -1'), { maxLength: 5 })
  .map((lines) => (lines.length === 0 ? '' : `---\n${lines.join('\n')}\n---\n`))

/** A question file: generated questions, or a real one with random edits. */
export const quiz = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(quizFrontmatter, fc.array(question, { maxLength: 5 })).map(([head, questions]) => `${head}# A quiz\n\nIntro.\n\n${questions.join('\n')}`) },
  { weight: 2, arbitrary: mutated(seeds.quizzes) },
)

const giftAnswer = fc
  .tuple(fc.constantFrom('=', '~', '~%50%', '=%100%', '~%-100%', '=%33.3%', '~%abc%', '='), fc.oneof(word, inline), fc.constantFrom('', '', '#Right', '#', ' -> pair', '->', ':2', '..5'))
  .map((parts) => parts.join(''))
const giftBlock = fc.oneof(
  { weight: 4, arbitrary: fc.array(giftAnswer, { maxLength: 6 }).map((answers) => `{${answers.join(' ')}}`) },
  { weight: 2, arbitrary: fc.constantFrom('{T}', '{FALSE#Wrong.#Right.}', '{#1950}', '{#1950:2}', '{#1949..1951}', '{#a..b}', '{#5..1}', '{}', '{=a ~b', '{', '}', '{=a -> b =c -> d}', '{=a####General}', '{~a =b}after') },
)
const giftQuestion = fc
  .tuple(fc.constantFrom('', '', '::Title::', '::Esc\\:aped::', '::', '$CATEGORY: x\n', '// a comment\n'), fc.constantFrom('', '', '[markdown]', '[html]', '[plain]', '[moodle]'), inline, giftBlock, fc.constantFrom('', '', ' after the blank.'))
  .map((parts) => parts.join(''))

/** A GIFT file from GIFT's grammar, a hostile one, or a real one with random edits. */
export const gift = fc.oneof(
  { weight: 3, arbitrary: fc.array(giftQuestion, { maxLength: 6 }).map((questions) => `${questions.join('\n\n')}\n`) },
  { weight: 1, arbitrary: hostileMarkdown.map((text) => `[markdown]${text} {=a ~b}\n`) },
  { weight: 2, arbitrary: mutated(seeds.gift) },
)

/** Bytes that are not UTF-8, now and then, in place of text. */
const orBytes = (text: fc.Arbitrary<string>) => fc.oneof({ weight: 12, arbitrary: text }, { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) })

/** What a course folder may hold besides text: a symbolic link, or a FIFO (which must never be opened). */
export type Special = { readonly symlink: string } | { readonly fifo: true }

/** File names people give lessons: spaces, Unicode, characters that mean something in URLs and HTML. */
const lessonName = fc.constantFrom('01-lesson.md', '01-lesson.md', '01 a lesson with spaces.md', '01-ünïcödé-中文.md', '01-%20#x?y.md', '01-&<>"\'.md', `01-${'long-'.repeat(30)}.md`, '01-.md', '1.md', 'README.md', '01-LESSON.MD')

const special = fc.constantFrom<[string, Special]>(
  ['04-loop/up', { symlink: '..' }],
  ['04-loop/self', { symlink: '.' }],
  ['05-again', { symlink: 'images' }],
  ['06-pipe.md', { fifo: true }],
  ['images/pipe.svg', { fifo: true }],
  ['07-dangling', { symlink: 'nowhere' }],
  ['08-out.md', { symlink: '/etc/hostname' }],
)

/** A whole course folder: course.yml, a lesson, and perhaps a question file, a GIFT quiz, a bank, links and FIFOs. */
export const courseFiles = fc
  .record({
    config: fc.oneof({ weight: 3, arbitrary: goodConfig }, { weight: 1, arbitrary: yaml }),
    name: lessonName,
    lesson: orBytes(lesson),
    quiz: fc.option(orBytes(quiz), { freq: 2 }),
    gift: fc.option(orBytes(gift), { freq: 2 }),
    bank: fc.option(gift, { freq: 3 }),
    specials: fc.oneof({ weight: 4, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.uniqueArray(special, { maxLength: 3, selector: ([name]) => name }) }),
  })
  .map(({ config, name, lesson, quiz, gift, bank, specials }) => {
    const files: Record<string, string | Uint8Array | Special> = {
      'course.yml': config,
      [name]: lesson,
      'images/a.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>\n',
      'images/v.mp4': 'not really a video',
      'images/v.vtt': 'WEBVTT\n',
    }
    if (quiz !== null) files['02-quiz.quiz.md'] = quiz
    if (gift !== null) files['03-review.gift'] = gift
    if (bank !== null) files['_banks/bank.gift'] = bank
    for (const [path, what] of specials) files[path] = what
    return files
  })
