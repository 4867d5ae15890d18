import { XMLParser } from 'fast-xml-parser'

/**
 * What the two importers read from a QTI file of a Common Cartridge, as
 * their code does it, for tests (the real importers need PHP and Ruby; they
 * were run on these cartridges by hand: docs/reference/common-cartridge-notes.md §8,
 * and the "Common Cartridge" section of docs/targets.md).
 *
 * Moodle: backup/cc/entity11.quiz.class.php (Moodle 4.5.6), `get_questions`,
 * `get_question_type`, `get_answers`, `get_score`, `get_feedback`,
 * `get_general_feedback`, `get_answers_fib`, `get_defaultgrade`.
 * Canvas: gems/plugins/qti_exporter (choice_interaction.rb,
 * extended_text_interaction.rb, numeric_interaction.rb,
 * associate_interaction.rb, assessment_item_converter.rb), after
 * QTIMigrationTool, in the parts these tests rely on.
 */

type Node = Record<string, unknown>

const arrays = new Set(['item', 'respcondition', 'varequal', 'response_label', 'itemfeedback', 'qtimetadatafield', 'response_lid', 'displayfeedback', 'setvar', 'not', 'and', 'vargte', 'varlte'])
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, parseAttributeValue: false, trimValues: true, isArray: (name) => arrays.has(name) })

/** The `<item>`s of an assessment's section or of an object bank. */
export function qtiItems(xml: string): Node[] {
  const root = parser.parse(xml).questestinterop as Node
  const assessment = root.assessment as Node | undefined
  const container = assessment ? (assessment.section as Node) : (root.objectbank as Node)
  return (container.item as Node[] | undefined) ?? []
}

export interface MoodleAnswer {
  readonly text: string
  readonly fraction: number
  readonly feedback: string
}

export interface MoodleQuestion {
  readonly ident: string
  readonly qtype: 'multichoice' | 'truefalse' | 'shortanswer' | 'essay'
  readonly single?: boolean
  readonly defaultGrade: number
  readonly generalFeedback: string
  readonly answers: readonly MoodleAnswer[]
}

const moodleTypes: Readonly<Record<string, MoodleQuestion['qtype']>> = {
  'cc.multiple_choice.v0p1': 'multichoice',
  'cc.multiple_response.v0p1': 'multichoice',
  'cc.true_false.v0p1': 'truefalse',
  'cc.fib.v0p1': 'shortanswer',
  'cc.essay.v0p1': 'essay',
}

/** The questions Moodle's restore makes of a QTI file; items without a known `cc_profile` are skipped, as Moodle does. */
export function moodleReads(xml: string): MoodleQuestion[] {
  return qtiItems(xml).flatMap((item): MoodleQuestion[] => {
    const profile = field(item, 'cc_profile')
    const qtype = profile === undefined ? undefined : moodleTypes[profile]
    if (!qtype) return []
    const conditions = respconditions(item)
    const feedbackText = (ident: string) => mattext(((item.itemfeedback as Node[] | undefined) ?? []).find((entry) => entry['@_ident'] === ident)?.flow_mat as Node | undefined)
    const feedbackOf = (condition: Node) => ((condition.displayfeedback as Node[] | undefined) ?? []).map((display) => feedbackText(String(display['@_linkrefid']))).filter((text) => text !== '').map((text) => `${text} `).join('')
    const general = conditions.filter((condition) => String(condition['@_continue'] ?? '').toLowerCase() === 'yes').map(feedbackOf).join('')
    const grade = Number.parseInt(field(item, 'cc_weighting') ?? '', 10)
    const base = { ident: String(item['@_ident']), qtype, defaultGrade: grade >= 0 && grade <= 99 ? grade : 1, generalFeedback: general }

    if (qtype === 'shortanswer') {
      const scoring = conditions.find((condition) => setvars(condition).some((value) => value === '100'))
      const right = directVarequals(scoring).filter((text) => text !== '').map((text) => ({ text, fraction: 1, feedback: '' }))
      const wrong = conditions.flatMap((condition) => {
        if (setvars(condition)[0] === '100') return []
        const text = directVarequals(condition)[0]
        if (text === undefined || right.some((answer) => answer.text === text)) return []
        return [{ text, fraction: 0, feedback: feedbackOf(condition) }]
      })
      return [{ ...base, answers: [...right, ...wrong] }]
    }

    const lid = ((item.presentation as Node).response_lid as Node[])[0]!
    const labels = ((lid.render_choice as Node).response_label as Node[]) ?? []
    const multiple = profile === 'cc.multiple_response.v0p1'
    // Multiple response: the `case="Yes"` tests outside `<not>` of a condition that sets SCORE to 100, each worth 1/n.
    const right = multiple
      ? conditions
          .filter((condition) => ((condition.setvar as Node[] | undefined) ?? []).some((setvar) => setvar['@_varname'] === 'SCORE' && Number(text(setvar)) === 100))
          .flatMap((condition) => caseYesTests(condition.conditionvar as Node))
      : []
    const answers = labels.map((label) => {
      const ident = String(label['@_ident'])
      const testing = conditions.filter((condition) => directVarequals(condition)[0]?.toLowerCase() === ident.toLowerCase())
      const last = testing.at(-1)
      const score = last ? setvars(last)[0] ?? '' : ''
      const fraction = multiple ? (right.includes(ident) ? Math.round((1 / right.length) * 1e7) / 1e7 : 0) : score !== '' && score !== '0' ? 1 : 0
      if (qtype === 'truefalse' && ident !== 'true' && ident !== 'false') throw new Error(`Moodle's restore stops: true/false answer ident ${ident}`)
      return { text: mattext(label), fraction, feedback: testing.map(feedbackOf).join('') }
    })
    return [{ ...base, ...(qtype === 'multichoice' ? { single: !multiple } : {}), answers }]
  })
}

export interface CanvasAnswer {
  readonly text: string
  readonly weight: number
  readonly comments?: string
  readonly exact?: number
  readonly margin?: number
  readonly start?: number
  readonly end?: number
  readonly right?: string
}

export interface CanvasQuestion {
  readonly ident: string
  readonly questionType: string | undefined
  readonly points: number
  readonly neutralComments?: string
  readonly correctComments?: string
  readonly answers: readonly CanvasAnswer[]
}

/**
 * What Canvas's QTI importer makes of each item, in the parts these tests
 * check: the type from `question_type`, the points from `points_possible`,
 * right choices from the conditions that set a score above 0, per-answer
 * comments from the feedback of the condition that tests the answer, and
 * question comments from the feedback idents (`general_`: neutral,
 * `correct`: correct).
 */
export function canvasReads(xml: string): CanvasQuestion[] {
  return qtiItems(xml).map((item) => {
    const conditions = respconditions(item)
    const feedback = new Map(((item.itemfeedback as Node[] | undefined) ?? []).map((entry) => [String(entry['@_ident']), mattext(entry.flow_mat as Node)]))
    const comment = (condition: Node) => {
      const id = ((condition.displayfeedback as Node[] | undefined) ?? [])[0]?.['@_linkrefid']
      return id === undefined || /general_|_all|wrong|incorrect|correct|(_IC$)|(_C$)/i.test(String(id)) ? undefined : feedback.get(String(id))
    }
    const questionType = field(item, 'question_type')
    const points = Math.max(Number(field(item, 'points_possible') ?? 1), 0)
    const neutral = [...feedback].find(([id]) => !/wrong|incorrect|(_IC$)/i.test(id) && !/correct|(_C$)/i.test(id) && /general_|_all/i.test(id))?.[1]
    const correct = [...feedback].find(([id]) => !/wrong|incorrect|(_IC$)/i.test(id) && /correct|(_C$)/i.test(id))?.[1]
    const common = { ident: String(item['@_ident']), questionType, points, ...(neutral ? { neutralComments: neutral } : {}), ...(correct ? { correctComments: correct } : {}) }
    const presentation = (item.presentation as Node | undefined) ?? {}

    if (questionType === 'short_answer_question') {
      const texts = [...new Set(conditions.flatMap((condition) => directVarequals(condition)))]
      return { ...common, answers: texts.map((text) => ({ text, weight: 100 })) }
    }
    if (questionType === 'numerical_question') {
      const answers = conditions.flatMap((condition): CanvasAnswer[] => {
        const variables = condition.conditionvar as Node
        const or = variables.or as Node | undefined
        if (or) {
          const exact = Number(text((or.varequal as Node[])[0]!))
          const upper = ((or.and as Node[] | undefined)?.[0]?.varlte as Node[] | undefined)?.[0]
          return [{ text: 'answer_text', weight: 100, exact, margin: upper ? Number(text(upper)) - exact : 0 }]
        }
        const start = (variables.vargte as Node[] | undefined)?.[0]
        const end = (variables.varlte as Node[] | undefined)?.[0]
        return start || end ? [{ text: 'answer_text', weight: 100, start: Number(text(start!)), end: Number(text(end!)) }] : []
      })
      return { ...common, answers }
    }
    if (questionType === 'matching_question') {
      // One response_lid per left-hand item; the match id is the first run of digits of the right-hand ident.
      const lids = (presentation.response_lid as Node[] | undefined) ?? []
      const answers = lids.map((lid) => {
        const pair = conditions.find((condition) => directVarequalNodes(condition).some((node) => node['@_respident'] === lid['@_ident']) && ((condition.setvar as Node[] | undefined) ?? []).some((setvar) => setvar['@_action'] === 'Add'))
        const target = pair ? directVarequals(pair)[0] : undefined
        const label = ((lid.render_choice as Node).response_label as Node[]).find((entry) => /(\d+)/.exec(String(entry['@_ident']))?.[1] === /(\d+)/.exec(target ?? '')?.[1])
        return { text: mattext(lid), weight: 100, ...(label ? { right: mattext(label) } : {}) }
      })
      return { ...common, answers }
    }

    // Choice kinds, and an ordered response (no question_type): Canvas finds the interaction itself.
    const lid = ((presentation.response_lid as Node[] | undefined) ?? [])[0]
    const labels = lid ? ((lid.render_choice as Node).response_label as Node[]) : []
    if (lid?.['@_rcardinality'] === 'Ordered') {
      const order = directVarequals(conditions.find((condition) => setvars(condition).includes('100')))
      return { ...common, questionType: 'matching_question', answers: order.map((ident, index) => ({ text: String(index + 1), weight: 100, right: mattext(labels.find((label) => label['@_ident'] === ident)!) })) }
    }
    const weights = new Map<string, number>()
    const comments = new Map<string, string>()
    const andChain = conditions.find((condition) => (condition.conditionvar as Node).and)
    for (const condition of conditions) {
      const tests = directVarequals(condition)
      if (tests.length === 0 && !(condition.conditionvar as Node).and) continue
      if (condition === andChain) {
        for (const ident of caseYesTests(condition.conditionvar as Node, false)) weights.set(ident, 100)
        continue
      }
      // A condition after the `and` chain with continue="No" belongs to its chain: Canvas reads no weight or comment there.
      if (andChain && conditions.indexOf(condition) > conditions.indexOf(andChain)) continue
      const ident = tests[0]!
      const score = setvars(condition)[0]
      weights.set(ident, score !== undefined && Number(score) > 0 ? 100 : 0)
      const text = comment(condition)
      if (text !== undefined && !comments.has(ident)) comments.set(ident, text)
    }
    const answers = labels.map((label) => {
      const ident = String(label['@_ident'])
      return { text: mattext(label), weight: weights.get(ident) ?? 0, ...(comments.has(ident) ? { comments: comments.get(ident)! } : {}) }
    })
    return { ...common, answers }
  })
}

function respconditions(item: Node): Node[] {
  return (((item.resprocessing as Node | undefined)?.respcondition as Node[] | undefined) ?? [])
}

function field(item: Node, label: string): string | undefined {
  const fields = (((item.itemmetadata as Node | undefined)?.qtimetadata as Node | undefined)?.qtimetadatafield as Node[] | undefined) ?? []
  const found = fields.find((entry) => text(entry.fieldlabel as Node | string) === label)
  return found ? text(found.fieldentry as Node | string) : undefined
}

function setvars(condition: Node | undefined): string[] {
  return ((condition?.setvar as Node[] | undefined) ?? []).map((setvar) => text(setvar))
}

function directVarequalNodes(condition: Node | undefined): Node[] {
  return (((condition?.conditionvar as Node | undefined)?.varequal as (Node | string)[] | undefined) ?? []).map((node) => (typeof node === 'string' ? { '#text': node } : node))
}

function directVarequals(condition: Node | undefined): string[] {
  return directVarequalNodes(condition).map((node) => text(node))
}

/** The idents tested with `case="Yes"` (or any case, for Canvas) in `and`, outside `not`. */
function caseYesTests(conditionvar: Node, caseYes = true): string[] {
  const ands = (conditionvar.and as Node[] | undefined) ?? []
  return ands.flatMap((and) => ((and.varequal as Node[] | undefined) ?? []).filter((node) => !caseYes || node['@_case'] === 'Yes').map((node) => text(node)))
}

/** The first `mattext` of a `material` (or of `material` inside `flow_mat`), as both read it. */
function mattext(node: Node | undefined): string {
  const material = (node?.material as Node | undefined) ?? node
  const value = material?.mattext as Node | string | undefined
  return value === undefined ? '' : text(value)
}

function text(node: Node | string): string {
  return typeof node === 'string' ? node : String(node['#text'] ?? '')
}
