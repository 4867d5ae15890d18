/**
 * The catalog of every problem coursepack reports about a course.
 *
 * Rule ids are permanent: deprecate one rather than rename it, since authors
 * and CI scripts match on them. A message says what is wrong; the hint says
 * how to fix it. Neither repeats the position, which the report prints.
 */
export type Severity = 'error' | 'warning' | 'info'

export interface Rule {
  readonly severity: Severity
  /** One-line summary, used in the rule list of docs/diagnostics.md. */
  readonly title: string
  /** How to fix it (optional). */
  readonly hint?: string
}

export const rules = {
  'invalid-yaml': {
    severity: 'error',
    title: 'YAML that cannot be parsed',
    hint: 'Check the indentation and quote values that contain `:` or `#`.',
  },
  'invalid-encoding': {
    severity: 'error',
    title: 'A text file that is not UTF-8',
    hint: 'Save the file as UTF-8 (in most editors: "Save with encoding", then UTF-8).',
  },
  'unreadable-file': {
    severity: 'error',
    title: 'A file that cannot be read',
    hint: 'Check that the file exists and that you may read it.',
  },
  'file-too-large': {
    severity: 'error',
    title: 'A Markdown, GIFT or YAML file larger than coursepack reads (1 MiB, or 10,000 lines)',
    hint: 'Split it into several pages or question banks. Images, audio and video have no such limit.',
  },
  'nesting-too-deep': {
    severity: 'error',
    title: 'Lists, blockquotes, emphasis, HTML, YAML or folders nested deeper than coursepack reads',
  },
  'too-much-markup': {
    severity: 'error',
    title: 'A paragraph, or a file, with more markup (emphasis and links, or lists and blockquotes begun and ended) than coursepack reads in reasonable time',
  },
  'special-file': {
    severity: 'warning',
    title: 'A FIFO, socket or device in the course folder, which is skipped and never opened',
    hint: 'Remove it from the course folder: only regular files can go into a package.',
  },
  'invalid-math': {
    severity: 'warning',
    title: 'Math that KaTeX cannot render; it is shown as written',
    hint: 'Check the LaTeX between the `$` signs: KaTeX supports most of it (https://katex.org/docs/supported).',
  },
  'unknown-code-language': {
    severity: 'warning',
    title: 'A code block in a language the highlighter does not know; it is shown without colours',
    hint: 'Name a common language after the ``` (`python`, `js`, `html`, `bash`), or `plaintext` for none.',
  },
  'code-not-highlighted': {
    severity: 'info',
    title: 'A code block too long to highlight at build time (over 8,000 characters, or 20,000 on a page); it is shown without colours',
    hint: 'Shorten the example, or put the whole program in a file next to the lesson and link to it.',
  },
  'link-loop': {
    severity: 'warning',
    title: 'A symbolic link to a folder that contains it, or to a folder already in the course, which is not followed again',
    hint: 'Remove the link, or make it point to a folder that is not already part of the course.',
  },
  'control-characters': {
    severity: 'warning',
    title: 'A title with invisible control characters, which are removed',
    hint: 'Retype the title; control characters often come from copying text out of other programs.',
  },
  'case-clash': {
    severity: 'error',
    title: 'Two files whose names differ only in upper and lower case',
    hint: 'Rename one of them: on Windows and macOS, and in some LMSs, they would be the same file.',
  },
  'invalid-config': {
    severity: 'error',
    title: 'A `course.yml` value of the wrong type or out of range',
  },
  'unknown-config-key': {
    severity: 'error',
    title: 'A key that `course.yml` does not know',
  },
  'missing-config': {
    severity: 'error',
    title: 'No `course.yml` in the course folder',
    hint: 'Create `course.yml` with at least a `title:` line, or run `coursepack init`.',
  },
  'invalid-frontmatter': {
    severity: 'error',
    title: 'A frontmatter value of the wrong type or out of range',
  },
  'unknown-frontmatter-key': {
    severity: 'error',
    title: 'A frontmatter key that the page kind does not know',
  },
  'missing-title': {
    severity: 'error',
    title: 'A page without a title',
    hint: 'Add `title: …` to the frontmatter, or start the file with a `# Title` line.',
  },
  'empty-course': {
    severity: 'error',
    title: 'A course without pages',
    hint: 'Add a lesson such as `01-introduction.md` next to `course.yml`.',
  },
  'missing-outline-entry': {
    severity: 'error',
    title: 'An outline entry in `course.yml` that names no file or folder',
  },
  'unsupported-page-file': {
    severity: 'error',
    title: 'An outline entry that is not a lesson, question file or folder',
    hint: 'Lessons end in `.md`, question files in `.quiz.md`.',
  },
  'invalid-gift': {
    severity: 'error',
    title: 'A GIFT question that cannot be read',
    hint: 'See Moodle\'s GIFT format: `Question text {=right ~wrong}`; escape `~ = # { } :` with a backslash inside text.',
  },
  'unsupported-gift-question': {
    severity: 'warning',
    title: 'A GIFT question of a kind a SCORM package cannot score (essay, description); it is left out',
    hint: 'Move it to a lesson page as text, or grade it in the LMS instead.',
  },
  'gift-category': {
    severity: 'info',
    title: 'A GIFT `$CATEGORY:` line: accepted, and not needed, since each file is one quiz',
  },
  'duplicate-page-id': {
    severity: 'error',
    title: 'Two pages with the same id',
    hint: 'Rename one of the files, or give one page another `id:` in its frontmatter.',
  },
  'invalid-course-id': {
    severity: 'error',
    title: 'A course id that cannot name a package',
    hint: 'Set `id:` in `course.yml` to letters, digits and dashes, for example `id: modern-china-1950`.',
  },
  'missing-file': {
    severity: 'error',
    title: 'A reference to a file that does not exist',
  },
  'reference-outside-course': {
    severity: 'error',
    title: 'A reference that leaves the course folder',
    hint: 'Copy the file into the course folder and refer to it by a relative path.',
  },
  'link-to-unlisted-page': {
    severity: 'error',
    title: 'A link to a Markdown file that is not a page of the course',
    hint: 'Add the file to the course outline, or link to a page that is in it.',
  },
  'unsafe-html-removed': {
    severity: 'warning',
    title: 'Raw HTML that was removed because it could run code or load other sites',
    hint: 'Scripts, event handlers (`onclick`…), `javascript:` URLs, styles and frames are removed. Set `html: trusted` in course.yml only for HTML you wrote yourself; allow video embeds with `embeds: [youtube]`.',
  },
  'missing-questions': {
    severity: 'error',
    title: 'A question file without questions',
    hint: 'Start each question with a `## ` heading that holds the prompt.',
  },
  'missing-answers': {
    severity: 'error',
    title: 'A question without answers',
    hint: 'Under the prompt, list the answers: `- [x] right` / `- [ ] wrong` choices, `- = accepted answer`, `- left -> right` pairs, or an ordered list `1. first` to put in order.',
  },
  'unknown-question-kind': {
    severity: 'error',
    title: 'A list of answers whose kind cannot be told',
    hint: 'Start every item the same way: `[x]`/`[ ]` (choices), `=` (accepted answers), `( )` (a survey scale), or hold `->` (pairs); an ordered list is put in order.',
  },
  'invalid-answer': {
    severity: 'error',
    title: 'An answer that cannot be used as written',
  },
  'no-full-credit-answer': {
    severity: 'error',
    title: 'A question that no answer gets full marks for',
    hint: 'Give at least one answer 100% (in GIFT: `=answer` or `~%100%answer`).',
  },
  'unknown-question-option': {
    severity: 'error',
    title: 'An option in `{…}` after a question that coursepack does not know',
    hint: 'Known options: `points=2`, `partial` (partial credit for several right choices), `case` (fill-in answers must match case).',
  },
  'missing-correct-choice': {
    severity: 'error',
    title: 'A question with no correct choice',
    hint: 'Mark the correct choice with `[x]`: `- [x] 14 February 1950`.',
  },
  'too-many-choices': {
    severity: 'error',
    title: 'A question with more choices than SCORM 1.2 can report',
    hint: 'SCORM 1.2 names choices with single characters, so keep to 36 choices or fewer.',
  },
  'unexpected-question-content': {
    severity: 'error',
    title: 'Content in a question that coursepack does not know where to put',
    hint: 'A question is a `## ` prompt, optional text, the list of answers, then an optional `>` feedback blockquote.',
  },
  'state-too-large': {
    severity: 'error',
    title: 'A course whose saved learner state could pass what its target allows (SCORM 1.2: 4096 characters), even without the answers',
    hint: 'Build `--target scorm2004`, which allows 64000 characters, or split the course into several packages.',
  },
  'package-too-large': {
    severity: 'error',
    title: 'A package whose files come to more than a zip holds (4 GiB, or 65,535 files), far past what an LMS takes as an upload',
    hint: 'Put long videos on a video site that `embeds:` allows, or split the course into several packages.',
  },
  'compact-state': {
    severity: 'warning',
    title: 'A course whose saved state with the answers could pass what its target allows: learners who come back see their scores, not their last answers',
    hint: 'Build `--target scorm2004` to keep the answers too, or draw fewer questions with `pick:`.',
  },
  'no-graded-quiz-for-passing-score': {
    severity: 'warning',
    title: 'A passing score on a course whose quizzes are all ungraded',
    hint: 'Remove `passingScore` from `course.yml`, or set `graded: true` on a quiz.',
  },
  'question-lost-in-lms': {
    severity: 'warning',
    title: "A question, or part of one, that Moodle's or Canvas's Common Cartridge import cannot take; the message says which LMS loses what",
  },
  'quiz-setting-lost-in-lms': {
    severity: 'warning',
    title: "A quiz setting that Moodle's Common Cartridge restore cannot take, or Canvas only in part (`graded: false`, `pick`, `shuffle`, `keep: last`); the setup card says what to set after import",
  },
  'left-out-of-cartridge': {
    severity: 'warning',
    title: 'A quiz or question bank none of whose questions Moodle can restore, left out of the Common Cartridge: such a quiz stops Moodle\'s whole restore',
    hint: 'Add a single choice, multiple response, true/false or fill-in question, or build this quiz for the SCORM packages only.',
  },
  'link-to-quiz-in-cartridge': {
    severity: 'warning',
    title: 'A link from a lesson to a quiz, which a Common Cartridge cannot hold: it becomes plain text there',
    hint: 'Name the quiz in the text instead: both LMSs list it next to the lessons.',
  },
  'moodle-backup-differs': {
    severity: 'warning',
    title: 'A question or quiz setting that a Moodle course backup cannot carry as written: the message says what Moodle does instead',
  },
} as const satisfies Record<string, Rule>

export type RuleId = keyof typeof rules
