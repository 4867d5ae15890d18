import path from 'node:path'
import type { VFile } from 'vfile'
import type { Lesson, OutlineNode, Page, Question, Quiz } from '../../../model.js'
import { humanize } from '../../../stages/load-outline.js'
import { type Fate, fateOf, type ItemForm } from '../fates.js'
import type { Cartridge, Finding } from '../plan.js'

/**
 * Canvas's own course export inside the cartridge (docs/reference/canvas-export-notes.md):
 * what Canvas's converter reads instead of the Common Cartridge parts once
 * `course_settings/canvas_export.txt` is listed. Planned once from the
 * cartridge's plan, whose identifier allocator it continues, so that every
 * identifier is unique in the manifest and the same from build to build.
 */
export interface CanvasPlan {
  /** The course's migration id (`course_settings.xml`), and the resource listing Canvas's settings files. */
  readonly settingsResource: string
  readonly pages: readonly CanvasPage[]
  /** Every quiz Canvas gets, in reading order: those of the cartridge, and those only Canvas can take. */
  readonly quizzes: readonly CanvasQuiz[]
  /** One question bank per GIFT bank a quiz includes. */
  readonly banks: readonly CanvasBank[]
  readonly assignmentGroups: readonly AssignmentGroup[]
  /** The course score weights its assignment groups (`group_weighting_scheme` `percent`). */
  readonly weighted: boolean
  readonly modules: readonly CanvasModule[]
  readonly findings: readonly Finding[]
}

export interface CanvasPage {
  readonly lesson: Lesson
  /** The Page's migration id and its manifest resource. */
  readonly ident: string
  /** The Page's URL name in Canvas, and its file's name in `wiki_content/`. */
  readonly url: string
  readonly href: string
}

export interface CanvasQuiz {
  readonly quiz: Quiz
  /** The assessment's ident: the quiz's migration id, the folder of its `assessment_meta.xml` (Canvas finds it by that path). */
  readonly ident: string
  /** The resource listing `assessment_meta.xml` and the quiz's QTI. */
  readonly metaResource: string
  /** `non_cc_assessments/<ident>.xml.qti`. */
  readonly qtiHref: string
  readonly metaHref: string
  /** The CC resource of the same quiz, when the Common Cartridge has it too. */
  readonly ccResource: string | undefined
  readonly entries: readonly CanvasEntry[]
  /**
   * The questions go into one question group that picks some (or all, shuffled) of them, each worth the same;
   * `bank`: it draws from that question bank instead, when the quiz's questions are all of that bank's.
   */
  readonly group: { readonly ident: string; readonly pick: number; readonly points: number; readonly bank?: string } | undefined
  readonly points: number
  /** Graded quizzes only: the quiz's assignment. */
  readonly assignment: { readonly ident: string; readonly group: string } | undefined
}

export interface CanvasEntry {
  readonly question: Question
  readonly form: ItemForm
  readonly fate: Fate & { readonly form: ItemForm }
  readonly ident: string
  /** The quiz whose rendered views show it. */
  readonly quizId: string
  /** The bank question this quiz question is (Canvas links them: `assessment_question_identifierref`), and its bank. */
  readonly bankIdent?: string
  readonly bank?: string
}

export interface CanvasBank {
  readonly ident: string
  readonly title: string
  readonly href: string
  readonly entries: readonly CanvasEntry[]
}

export interface AssignmentGroup {
  readonly ident: string
  readonly title: string
  /** Percent of the course score, when the course weights its groups. */
  readonly weight: number | undefined
}

export interface CanvasModule {
  readonly ident: string
  readonly title: string
  readonly items: readonly CanvasModuleItem[]
}

export type CanvasModuleItem =
  | { readonly kind: 'page' | 'quiz'; readonly ident: string; readonly title: string; readonly indent: number; readonly ref: string; readonly requirement: Requirement }
  | { readonly kind: 'subheader'; readonly ident: string; readonly title: string; readonly indent: number }

/** Canvas's completion requirements (`ContextModule#completion_requirements`); `min_score` is in points. */
export type Requirement = { readonly type: 'must_view' | 'must_submit' } | { readonly type: 'min_score'; readonly minScore: number }

export interface CanvasPlanOptions {
  /** The assignment group's title when all graded quizzes share one, in the course's language. */
  readonly quizzesGroupTitle: string
}

/** Plan Canvas's files from the cartridge's plan. Pure: the same cartridge gives the same plan. */
export function planCanvas(cartridge: Cartridge, options: CanvasPlanOptions): CanvasPlan {
  const { course, ids } = cartridge
  const findings: Finding[] = []
  const settingsResource = ids.take(`RES-${course.id}-canvas-settings`)

  const urls = new Set<string>()
  const pages = cartridge.lessons.map(({ lesson }): CanvasPage => {
    const base = lesson.id.toLowerCase().replace(/_/g, '-')
    let url = base
    for (let n = 2; urls.has(url); n++) url = `${base}-${n}`
    urls.add(url)
    return { lesson, ident: ids.take(`RES-${course.id}-page-${lesson.id}`), url, href: `wiki_content/${url}.html` }
  })

  const banks = planBanks(cartridge, findings)
  const bankOf = new Map<Question, { item: string; bank: string }>()
  for (const bank of banks) for (const entry of bank.entries) bankOf.set(entry.question, { item: entry.ident, bank: bank.ident })

  const ccResource = new Map(cartridge.quizzes.map((planned) => [planned.quiz, planned.resource]))
  const drafts = course.pages.flatMap((page) => {
    if (page.kind !== 'quiz') return []
    const fates = page.questions.flatMap((question) => {
      const fate = fateOf(question)
      return fate.form !== undefined && fate.canvas ? [{ question, fate: fate as Fate & { readonly form: ItemForm } }] : []
    })
    if (fates.length === 0) {
      findings.push({
        file: page.file,
        rule: 'left-out-of-cartridge',
        place: { line: 1, column: 1 },
        reason: 'Canvas can take none of the questions of this quiz: it is left out of the cartridge for Canvas too',
      })
      return []
    }
    const ident = ccResource.get(page) ?? ids.take(`RES-${course.id}-${page.id}`)
    const entries = fates.map(({ question, fate }): CanvasEntry => {
      const inBank = bankOf.get(question)
      return { question, form: fate.form, fate, ident: `${ident}-${question.id}`, quizId: page.id, ...(inBank ? { bankIdent: inBank.item, bank: inBank.bank } : {}) }
    })
    return [{ quiz: page, ident, entries }]
  })

  const graded = drafts.filter(({ quiz }) => quiz.graded)
  const quizPoints = (entries: readonly CanvasEntry[], group: CanvasQuiz['group']) => (group ? group.pick * group.points : round2(entries.reduce((sum, entry) => sum + entry.question.points, 0)))
  const bankSize = new Map(banks.map((bank) => [bank.ident, bank.entries.length]))
  const withGroups = drafts.map((draft) => {
    const group = planGroup(draft.quiz, draft.entries, ids, findings, bankSize)
    return { ...draft, group, points: quizPoints(draft.entries, group) }
  })
  const { groups, groupOf, weighted } = planAssignmentGroups(
    withGroups.filter(({ quiz }) => quiz.graded),
    graded.length,
    ids,
    course.id,
    options,
  )

  const quizzes = withGroups.map(({ quiz, ident, entries, group, points }): CanvasQuiz => {
    const assignmentGroup = groupOf.get(quiz)
    return {
      quiz,
      ident,
      metaResource: ids.take(`${ident}-canvas`),
      qtiHref: `non_cc_assessments/${ident}.xml.qti`,
      metaHref: `${ident}/assessment_meta.xml`,
      ccResource: ccResource.get(quiz),
      entries,
      group,
      points,
      assignment: assignmentGroup ? { ident: ids.take(`${ident}-assignment`), group: assignmentGroup } : undefined,
    }
  })

  const pageIdent = new Map<Page, { ident: string; requirement: Requirement }>([
    ...pages.map(({ lesson, ident }) => [lesson, { ident, requirement: { type: 'must_view' } as Requirement }] as const),
    ...quizzes.map(({ quiz, ident, points }) => [quiz, { ident, requirement: requirementOf(quiz, points) }] as const),
  ])
  const modules = planModules(course.outline, course.config.title, course.id, pageIdent, ids)
  return { settingsResource, pages, quizzes, banks, assignmentGroups: groups, weighted, modules, findings }
}

/** A graded quiz with a pass mark: "score at least" that many points; else "submit". */
function requirementOf(quiz: Quiz, points: number): Requirement {
  if (quiz.graded && quiz.passingScore !== undefined && points > 0) return { type: 'min_score', minScore: round2((points * quiz.passingScore) / 100) }
  return { type: 'must_submit' }
}

/**
 * `pick` (fewer than all), or `shuffle`: one question group of all the
 * questions, drawing `pick` of them (or all, in a new order each attempt:
 * Canvas shuffles question order only in a group), from the quiz's GIFT
 * bank when they are that bank's questions. A group gives each of its
 * questions the same points.
 */
function planGroup(quiz: Quiz, entries: readonly CanvasEntry[], ids: Cartridge['ids'], findings: Finding[], bankSize: ReadonlyMap<string, number>): CanvasQuiz['group'] {
  const picks = quiz.pick !== undefined && quiz.pick < entries.length
  if (!picks && !quiz.shuffle) return undefined
  const points = entries.map((entry) => entry.question.points)
  const equal = points.every((value) => value === points[0])
  if (!equal && !picks) {
    findings.push({
      file: quiz.file,
      rule: 'quiz-setting-lost-in-lms',
      place: { line: 1, column: 1 },
      reason: 'Canvas shuffles the order of questions only in a question group, whose questions are all worth the same: this quiz\'s questions are not, so Canvas shuffles the answers and keeps the questions\' order',
      hint: 'Give every question the same points to have Canvas shuffle them too.',
    })
    return undefined
  }
  const each = equal ? points[0]! : round2(points.reduce((sum, value) => sum + value, 0) / points.length)
  if (!equal) {
    findings.push({
      file: quiz.file,
      rule: 'quiz-setting-lost-in-lms',
      place: { line: 1, column: 1 },
      reason: `Canvas draws questions from a question group, whose questions are all worth the same: each of the ${quiz.pick} drawn here is worth ${each} points in Canvas, the mean of this quiz's questions`,
      hint: 'Give every question the same points to keep the quiz\'s total the same in Canvas.',
    })
  }
  // A quiz made of one GIFT bank, whole: the group draws from the bank, as a teacher would set it up in Canvas.
  const bank = entries[0]?.bank
  const wholeBank = bank !== undefined && entries.every((entry) => entry.bank === bank) && bankSize.get(bank) === entries.length
  return { ident: ids.take(`${quiz.id}-group`), pick: picks ? quiz.pick! : entries.length, points: each, ...(wholeBank ? { bank } : {}) }
}

/**
 * The course score is the weighted mean of the graded quizzes' percentages
 * (shared/scoring.ts `courseScore`). Canvas sums points within an assignment
 * group, and weights groups when the course says so: one group holds every
 * graded quiz when that gives the same score (one quiz, or equal weights and
 * equal points); else each quiz gets a group of its own, weighted.
 */
function planAssignmentGroups(
  graded: readonly { readonly quiz: Quiz; readonly points: number }[],
  count: number,
  ids: Cartridge['ids'],
  courseId: string,
  options: CanvasPlanOptions,
): { groups: AssignmentGroup[]; groupOf: Map<Quiz, string>; weighted: boolean } {
  const groupOf = new Map<Quiz, string>()
  if (count === 0) return { groups: [], groupOf, weighted: false }
  const same = graded.every(({ quiz, points }) => quiz.weight === graded[0]!.quiz.weight && points === graded[0]!.points)
  if (graded.length === 1 || same) {
    const ident = ids.take(`${courseId}-quizzes`)
    for (const { quiz } of graded) groupOf.set(quiz, ident)
    return { groups: [{ ident, title: options.quizzesGroupTitle, weight: undefined }], groupOf, weighted: false }
  }
  const total = graded.reduce((sum, { quiz }) => sum + quiz.weight, 0)
  const groups = graded.map(({ quiz }) => {
    const ident = ids.take(`${quiz.id}-assignment-group`)
    groupOf.set(quiz, ident)
    return { ident, title: quiz.title, weight: round2(total > 0 ? (quiz.weight / total) * 100 : 100 / graded.length) }
  })
  return { groups, groupOf, weighted: true }
}

/** The GIFT banks the quizzes include, one Canvas question bank each, with the questions Canvas can take. */
function planBanks(cartridge: Cartridge, findings: Finding[]): CanvasBank[] {
  const { course, ids } = cartridge
  const seen = new Map<string, { file: VFile; quiz: Quiz; questions: Question[] }>()
  for (const page of course.pages) {
    if (page.kind !== 'quiz') continue
    for (const bank of page.banks ?? []) {
      if (seen.has(bank.file.path)) continue
      seen.set(bank.file.path, { file: bank.file, quiz: page, questions: page.questions.filter((question) => bank.questionIds.includes(question.id)) })
    }
  }
  return [...seen.values()].flatMap(({ file, quiz, questions }) => {
    const title = humanize(path.basename(file.path).replace(/\.gift$/i, ''))
    const kept = questions.flatMap((question) => {
      const fate = fateOf(question)
      return fate.form !== undefined && fate.canvas ? [{ question, fate: fate as Fate & { readonly form: ItemForm } }] : []
    })
    if (kept.length === 0) {
      findings.push({ file, rule: 'left-out-of-cartridge', place: { line: 1, column: 1 }, reason: 'Canvas can take none of the questions of this bank: it is not written as a Canvas question bank' })
      return []
    }
    const ident = ids.take(`RES-${course.id}-bank-${path.basename(file.path).replace(/\.gift$/i, '')}`)
    return [
      {
        ident,
        title,
        href: `non_cc_assessments/${ident}.xml.qti`,
        entries: kept.map(({ question, fate }, index) => ({ question, form: fate.form, fate, ident: `${ident}-${index + 1}`, quizId: quiz.id })),
      },
    ]
  })
}

/**
 * Canvas's modules, as the cartridge's organization has them: one per
 * top-level module, each run of pages outside a module in one titled after
 * the course; a nested module is a text header, its pages indented below.
 */
function planModules(outline: readonly OutlineNode[], courseTitle: string, courseId: string, pageIdent: ReadonlyMap<Page, { ident: string; requirement: Requirement }>, ids: Cartridge['ids']): CanvasModule[] {
  const items = (nodes: readonly OutlineNode[], indent: number): CanvasModuleItem[] =>
    nodes.flatMap((node): CanvasModuleItem[] => {
      if (node.type === 'page') {
        const target = pageIdent.get(node.page)
        if (!target) return []
        return [{ kind: node.page.kind === 'lesson' ? 'page' : 'quiz', ident: ids.take(`ITEM-canvas-${node.page.id}`), title: node.page.title, indent, ref: target.ident, requirement: target.requirement }]
      }
      const children = items(node.children, indent + 1)
      return children.length === 0 ? [] : [{ kind: 'subheader', ident: ids.take(`ITEM-canvas-module-${node.id}`), title: node.title, indent }, ...children]
    })
  const modules: CanvasModule[] = []
  let run: CanvasModuleItem[] = []
  const closeRun = () => {
    if (run.length > 0) modules.push({ ident: ids.take(`MODULE-${courseId}-pages`), title: courseTitle, items: run })
    run = []
  }
  for (const node of outline) {
    if (node.type === 'page') {
      run.push(...items([node], 0))
      continue
    }
    closeRun()
    const children = items(node.children, 0)
    if (children.length > 0) modules.push({ ident: ids.take(`MODULE-${node.id}`), title: node.title, items: children })
  }
  closeRun()
  return modules
}

function round2(value: number): number {
  return Math.round(value * 100) / 100
}
