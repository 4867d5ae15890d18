/**
 * The data that flows between the pipeline stages. Stages take and return
 * these plain structures; only `fs/` touches the disk.
 */
import type { Root as MdastRoot, RootContent, PhrasingContent } from 'mdast'
import type { Position } from 'unist'
import type { VFile } from 'vfile'
import type { ResolvedConfig } from './config/schema.js'

/** A page's source file as found in the outline, before parsing. */
export interface PageSource {
  readonly type: 'page'
  /** `lesson` for `*.md`, `quiz` for `*.quiz.md`, `gift` for Moodle's `*.gift` question files. */
  readonly format: 'lesson' | 'quiz' | 'gift'
  /** Id derived from the file's path (frontmatter `id` may replace it). */
  readonly pathId: string
  readonly file: VFile
}

/** A module: a folder, or a titled group in `course.yml`'s `outline`. */
export interface ModuleSource {
  readonly type: 'module'
  readonly id: string
  readonly title: string
  readonly children: readonly OutlineSource[]
}

export type OutlineSource = PageSource | ModuleSource

/**
 * A lesson, parsed and rendered in one go (stages/build-lesson.ts): its
 * Markdown tree is not kept, so that a course of a thousand lessons does
 * not hold a thousand trees.
 */
export interface Lesson {
  readonly kind: 'lesson'
  readonly id: string
  readonly title: string
  readonly objectives: readonly string[]
  readonly duration: string | undefined
  readonly file: VFile
  /** The body as HTML, without frontmatter and the `# Title` line it may start with; its URLs are those of a page in `pages/`. */
  readonly html: string
  /** The course files the body uses: course path → package path. */
  readonly assets: ReadonlyMap<string, string>
  /** Its links to other pages of the course, with where each is in the file. */
  readonly pageLinks: readonly PageLink[]
}

/** A link from a page to another page of the course. */
export interface PageLink {
  readonly pageId: string
  readonly position: Position | undefined
}

/** A piece of a question shown as a label: a choice, an item to order, a side of a pair. */
export interface Option {
  /** One character (`a`, `b`, … or `1`, `2`, … for matching sources): the SCORM 1.2 response format. */
  readonly id: string
  readonly content: readonly PhrasingContent[]
}

export interface Choice extends Option {
  /** Fraction of the question's points this choice is worth when chosen, −1 to 1. */
  readonly weight: number
  /** Shown when the learner chose it (a blockquote inside the list item). */
  readonly feedback: readonly RootContent[]
  /** A true/false choice that the file does not word (GIFT's `{T}`): shown in the course's language. */
  readonly booleanLabel?: 'true' | 'false'
}

/** An accepted fill-in answer, or numeric range, with its worth and feedback. */
export interface Answer<Value> {
  readonly value: Value
  readonly weight: number
  readonly feedback: readonly RootContent[]
}

interface QuestionCommon {
  /** Unique within its quiz: `q1`, `q2`, … */
  readonly id: string
  /** Where the question starts in its file, for problems found later. */
  readonly position: Position | undefined
  readonly prompt: readonly PhrasingContent[]
  /** Markdown between the prompt and the answers (text, images, code). */
  readonly body: readonly RootContent[]
  /** Shown after answering, whatever the answer. */
  readonly feedback: readonly RootContent[]
  readonly points: number
}

export interface ChoiceQuestion extends QuestionCommon {
  readonly kind: 'single-choice' | 'multiple-response' | 'true-false'
  readonly choices: readonly Choice[]
  readonly scoring: 'all-or-nothing' | 'weighted'
}

export interface FillInQuestion extends QuestionCommon {
  readonly kind: 'fill-in'
  readonly answers: readonly Answer<string>[]
  readonly caseSensitive: boolean
}

export interface NumericQuestion extends QuestionCommon {
  readonly kind: 'numeric'
  readonly answers: readonly Answer<{ readonly min: number; readonly max: number }>[]
}

export interface MatchingQuestion extends QuestionCommon {
  readonly kind: 'matching'
  /** Sources (`1`, `2`, …) in the author's order. */
  readonly sources: readonly Option[]
  /** Targets (`a`, `b`, …): the sources' partners, then any distractors. */
  readonly targets: readonly Option[]
  /** Source id → target id. */
  readonly pairs: Readonly<Record<string, string>>
}

export interface SequencingQuestion extends QuestionCommon {
  readonly kind: 'sequencing'
  /** In the right order. */
  readonly items: readonly Option[]
}

export interface LikertQuestion extends QuestionCommon {
  readonly kind: 'likert'
  readonly choices: readonly Option[]
}

export type Question = ChoiceQuestion | FillInQuestion | NumericQuestion | MatchingQuestion | SequencingQuestion | LikertQuestion

export type QuestionKind = Question['kind']

export interface Quiz {
  readonly kind: 'quiz'
  readonly id: string
  readonly title: string
  /** Graded quizzes count toward the course score; knowledge checks do not. */
  readonly graded: boolean
  /** Pass mark of this quiz in percent (optional). */
  readonly passingScore: number | undefined
  /** Weight in the course score. */
  readonly weight: number
  /** How many times a learner may submit (undefined: no limit). */
  readonly attempts: number | undefined
  /** Which attempt's score counts. */
  readonly keep: 'best' | 'last'
  /** Questions drawn for each attempt (undefined: all). */
  readonly pick: number | undefined
  /** Shuffle questions and choices for each attempt. */
  readonly shuffle: boolean
  readonly file: VFile
  /** Markdown before the first question. */
  readonly intro: MdastRoot
  readonly questions: readonly Question[]
  /** The GIFT banks its `questions:` names, in order, each with the ids of the questions it gave (none: no banks). */
  readonly banks?: readonly QuestionBank[]
}

/** A GIFT question bank a quiz includes: its file, where its questions' problems go, and which of the quiz's questions it gave. */
export interface QuestionBank {
  readonly file: VFile
  readonly questionIds: readonly string[]
}

export type Page = Lesson | Quiz

export interface ModuleNode {
  readonly type: 'module'
  readonly id: string
  readonly title: string
  readonly children: readonly OutlineNode[]
}

export interface PageNode {
  readonly type: 'page'
  readonly page: Page
}

export type OutlineNode = ModuleNode | PageNode

/** A parsed course: what rendering and packaging need. */
export interface Course {
  /** Absolute path of the course folder. */
  readonly root: string
  readonly config: ResolvedConfig
  /** The course id: `config.id`, or the slug of the title. */
  readonly id: string
  readonly outline: readonly OutlineNode[]
  /** Every page, in reading order. */
  readonly pages: readonly Page[]
}

/**
 * One file of the package: its path inside the zip, and its bytes, or the
 * file on disk they stream from (media can be large: it never sits in
 * memory), or how to make its bytes when the zip reaches it (a page,
 * rendered then and not kept).
 */
export type PackageFile =
  | { readonly path: string; readonly data: Uint8Array; readonly source?: undefined; readonly make?: undefined }
  | { readonly path: string; readonly source: string; readonly data?: undefined; readonly make?: undefined }
  | { readonly path: string; readonly make: () => Uint8Array; readonly data?: undefined; readonly source?: undefined }
