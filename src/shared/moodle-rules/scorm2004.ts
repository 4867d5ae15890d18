/**
 * The SCORM 2004 4th Edition rules that Moodle enforces in
 * mod/scorm/datamodels/scorm_13.js (`SCORMapi1_3`), replayed on every call
 * the SCO made: the order of the calls and their arguments, unknown and
 * read-only elements, each element's format and range, and the interactions:
 * their order, their dependencies and the responses of each type. Every
 * problem says what Moodle answers. The facts, with the cases that were run
 * against Moodle's own code, are in docs/reference/scorm2004-lms-notes.md
 * (§1.1, §1.3, §2.1–2.6).
 *
 * This is Moodle's oracle: where Moodle is more lenient than the spec, it
 * follows Moodle, and scorm-again (the stand-in LMS, which the tests also ask)
 * judges by the spec. So it accepts, as Moodle does: fill-in and long-fill-in
 * learner responses of any length or starting with `{` (Moodle tests those
 * formats only for `matches == null`, which they never are); a description
 * of 251 characters; `PT1,5S` (the unescaped `.` in CMITimespan); a score
 * above its max; a rewritten interaction id; a repeated sequencing pattern;
 * `{lang=en}{case_matters=yes}` (Moodle checks case_matters and
 * order_matters only in the first prefix). It flags a second `type` of one
 * interaction, which Moodle accepts while it drops that interaction's
 * correct responses.
 *
 * What it cannot know, it does not judge: objectives and comments are
 * checked for their formats only (Moodle fills them in from the manifest and
 * the last session, so their counts are the LMS's), and interactions the
 * LMS restored (a `cmi.interactions._count` read above 0) have a type and
 * correct responses the log does not show.
 */
import { type Call, describe } from './call.js'

// Moodle's data types, as the strings scorm_13.js builds its RegExps from
// (`new RegExp(string)`, no flags: `.` matches no line break).
const CMIString250 = '^[\\u0000-\\uFFFF]{0,250}$'
const CMIString1000 = '^[\\u0000-\\uFFFF]{0,1000}$'
const CMIString4000 = '^[\\u0000-\\uFFFF]{0,4000}$'
const CMIString64000 = '^[\\u0000-\\uFFFF]{0,64000}$'
const CMILang = '^([a-zA-Z]{2,3}|i|x)(\-[a-zA-Z0-9\-]{2,8})?$|^$'
const CMILangString250 = '^(\{lang=([a-zA-Z]{2,3}|i|x)(\-[a-zA-Z0-9\-]{2,8})?\})?([^\{].{0,250}$)?'
const CMILangcr = '^((\{lang=([a-zA-Z]{2,3}|i|x)?(\-[a-zA-Z0-9\-]{2,8})?\}))(.*?)$'
const CMILangString250cr = '^((\{lang=([a-zA-Z]{2,3}|i|x)?(\-[a-zA-Z0-9\-]{2,8})?\})?(.{0,250})?)?$'
const CMILangString4000 = '^(\{lang=([a-zA-Z]{2,3}|i|x)(\-[a-zA-Z0-9\-]{2,8})?\})?([^\{].{0,4000}$)?'
const CMITime =
  '^(19[7-9]{1}[0-9]{1}|20[0-2]{1}[0-9]{1}|203[0-8]{1})((-(0[1-9]{1}|1[0-2]{1}))((-(0[1-9]{1}|[1-2]{1}[0-9]{1}|3[0-1]{1}))(T([0-1]{1}[0-9]{1}|2[0-3]{1})((:[0-5]{1}[0-9]{1})((:[0-5]{1}[0-9]{1})((\\.[0-9]{1,2})((Z|([+|-]([0-1]{1}[0-9]{1}|2[0-3]{1})))(:[0-5]{1}[0-9]{1})?)?)?)?)?)?)?)?$'
const CMITimespan = '^P(\\d+Y)?(\\d+M)?(\\d+D)?(T(((\\d+H)(\\d+M)?(\\d+(\.\\d{1,2})?S)?)|((\\d+M)(\\d+(\.\\d{1,2})?S)?)|((\\d+(\.\\d{1,2})?S))))?$'
const CMISInteger = '^-?([0-9]+)$'
const CMIDecimal = '^-?([0-9]{1,5})(\\.[0-9]{1,18})?$'
const CMIShortIdentifier = '^[\\w\.]{1,250}$'
const CMILongIdentifier = '^(?:(?!urn:)\\S{1,4000}|urn:[A-Za-z0-9-]{1,31}:\\S{1,4000})$'
const CMIFeedback = '^.*$'
const CMICStatus = '^completed$|^incomplete$|^not attempted$|^unknown$'
const CMISStatus = '^passed$|^failed$|^unknown$'
const CMIExit = '^time-out$|^suspend$|^logout$|^normal$|^$'
const CMIType = '^true-false$|^choice$|^(long-)?fill-in$|^matching$|^performance$|^sequencing$|^likert$|^numeric$|^other$'
const CMIResult = '^correct$|^incorrect$|^unanticipated$|^neutral$|^-?([0-9]{1,4})(\\.[0-9]{1,18})?$'
const NAVEvent = '^previous$|^continue$|^exit$|^exitAll$|^abandon$|^abandonAll$|^suspendAll$|^\{target=\\S{0,200}[a-zA-Z0-9]\}choice|jump$'

/** The language codes Moodle accepts in a `{lang=…}` prefix of a correct pattern (ISO 639-1 and 639-2). */
const languages = new Set(
  (
    'aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ' +
    'ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv ' +
    'mg mh mi mk ml mn mo mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg sh si sk sl sm sn so sq ' +
    'sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu ' +
    'aar abk ave afr aka amh arg ara asm ava aym aze bak bel bul bih bis bam ben tib bod bre bos cat che cha cos cre cze ces chu chv wel cym dan ger deu div ' +
    'dzo ewe gre ell eng epo spa est baq eus per fas ful fin fij fao fre fra fry gle gla glg grn guj glv hau heb hin hmo hrv hat hun arm hye her ina ind ile ' +
    'ibo iii ipk ido ice isl ita iku jpn jav geo kat kon kik kua kaz kal khm kan kor kau kas kur kom cor kir lat ltz lug lim lin lao lit lub lav mlg mah mao ' +
    'mri mac mkd mal mon mol mar may msa mlt bur mya nau nob nde nep ndo dut nld nno nor nbl nav nya oci oji orm ori oss pan pli pol pus por que roh run rum ' +
    'ron rus kin san srd snd sme sag slo sin slk slv smo sna som alb sqi srp ssw sot sun swe swa tam tel tgk tha tir tuk tgl tsn ton tur tso tat twi tah uig ' +
    'ukr urd uzb ven vie vol wln wol xho yid yor zha chi zho zul'
  ).split(' '),
)

/** A Moodle type: its RegExp source and, for a message, what a value of it looks like. */
interface Format {
  readonly source: string
  readonly says: string
  /** For the plain strings: the most characters (UTF-16 code units). */
  readonly max?: number
}

const string = (source: string, max: number): Format => ({ source, says: `at most ${max} characters`, max })
const decimal: Format = { source: CMIDecimal, says: 'a decimal with at most 5 digits before the point and 18 after, no exponent' }
const timespan: Format = { source: CMITimespan, says: 'a duration like PT1H2M3.45S (at most 2 decimals; no weeks, no fractions of hours or minutes, not a bare PT)' }
const langString = (source: string, max: number): Format => ({ source, says: `one line of at most ${max} characters, not starting with \`{\` unless it is {lang=xx}` })
const formats = {
  CMIString250: string(CMIString250, 250),
  CMIString1000: string(CMIString1000, 1000),
  CMIString64000: string(CMIString64000, 64000),
  CMILang: { source: CMILang, says: 'a language code like en or zh-CN' },
  CMILangString250: langString(CMILangString250, 250),
  CMILangString4000: langString(CMILangString4000, 4000),
  CMITime: { source: CMITime, says: 'a time like 2024-05-01T12:30:45.12Z (years 1970–2038, at most 2 decimals, a time zone only after them)' },
  CMITimespan: timespan,
  CMISInteger: { source: CMISInteger, says: 'an integer' },
  CMIDecimal: decimal,
  CMILongIdentifier: { source: CMILongIdentifier, says: 'an identifier of 1–4000 characters without spaces (a urn: needs urn:<1–31 letters, digits or ->:<text>)' },
  CMIFeedback: { source: CMIFeedback, says: 'one line (no line breaks)' },
  CMICStatus: { source: CMICStatus, says: 'one of completed, incomplete, not attempted, unknown' },
  CMISStatus: { source: CMISStatus, says: 'one of passed, failed, unknown' },
  CMIExit: { source: CMIExit, says: 'one of time-out, suspend, logout, normal or ""' },
  CMIType: { source: CMIType, says: 'one of true-false, choice, fill-in, long-fill-in, matching, performance, sequencing, likert, numeric, other' },
  CMIResult: { source: CMIResult, says: 'one of correct, incorrect, unanticipated, neutral or a decimal with at most 4 digits before the point' },
  NAVEvent: { source: NAVEvent, says: 'a navigation request' },
} satisfies Record<string, Format>

/** An element of Moodle's data model: readable, writable, or both; its format; its range (Moodle: 407 outside). */
interface Element {
  readonly mode: 'r' | 'w' | 'rw'
  readonly format?: Format
  readonly range?: readonly [number, number]
}

const r: Element = { mode: 'r' }
const rw = (format: Format, range?: readonly [number, number]): Element => (range ? { mode: 'rw', format, range } : { mode: 'rw', format })

/** Moodle's SCORM 2004 data model (the `datamodel` table of scorm_13.js); `n` stands for an index. */
const dataModel: Readonly<Record<string, Element>> = {
  'cmi._children': r,
  'cmi._version': r,
  'cmi.comments_from_learner._children': r,
  'cmi.comments_from_learner._count': r,
  'cmi.comments_from_learner.n.comment': rw(formats.CMILangString4000),
  'cmi.comments_from_learner.n.location': rw(formats.CMIString250),
  'cmi.comments_from_learner.n.timestamp': rw(formats.CMITime),
  'cmi.comments_from_lms._children': r,
  'cmi.comments_from_lms._count': r,
  'cmi.comments_from_lms.n.comment': r,
  'cmi.comments_from_lms.n.location': r,
  'cmi.comments_from_lms.n.timestamp': r,
  'cmi.completion_status': rw(formats.CMICStatus),
  'cmi.completion_threshold': r,
  'cmi.credit': r,
  'cmi.entry': r,
  'cmi.exit': { mode: 'w', format: formats.CMIExit },
  'cmi.interactions._children': r,
  'cmi.interactions._count': r,
  'cmi.interactions.n.id': rw(formats.CMILongIdentifier),
  'cmi.interactions.n.type': rw(formats.CMIType),
  'cmi.interactions.n.objectives._count': r,
  'cmi.interactions.n.objectives.n.id': rw(formats.CMILongIdentifier),
  'cmi.interactions.n.timestamp': rw(formats.CMITime),
  'cmi.interactions.n.correct_responses._count': r,
  // Responses and patterns pass `^.*$` first, then the rules of the interaction's type.
  'cmi.interactions.n.correct_responses.n.pattern': rw(formats.CMIFeedback),
  'cmi.interactions.n.weighting': rw(formats.CMIDecimal),
  'cmi.interactions.n.learner_response': rw(formats.CMIFeedback),
  'cmi.interactions.n.result': rw(formats.CMIResult),
  'cmi.interactions.n.latency': rw(formats.CMITimespan),
  'cmi.interactions.n.description': rw(formats.CMILangString250),
  'cmi.launch_data': r,
  'cmi.learner_id': r,
  'cmi.learner_name': r,
  'cmi.learner_preference._children': r,
  'cmi.learner_preference.audio_level': rw(formats.CMIDecimal, [0, Infinity]),
  'cmi.learner_preference.language': rw(formats.CMILang),
  'cmi.learner_preference.delivery_speed': rw(formats.CMIDecimal, [0, Infinity]),
  'cmi.learner_preference.audio_captioning': rw(formats.CMISInteger, [-1, 1]),
  'cmi.location': rw(formats.CMIString1000),
  'cmi.max_time_allowed': r,
  'cmi.mode': r,
  'cmi.objectives._children': r,
  'cmi.objectives._count': r,
  'cmi.objectives.n.id': rw(formats.CMILongIdentifier),
  'cmi.objectives.n.score._children': r,
  'cmi.objectives.n.score.scaled': rw(formats.CMIDecimal, [-1, 1]),
  'cmi.objectives.n.score.raw': rw(formats.CMIDecimal),
  'cmi.objectives.n.score.min': rw(formats.CMIDecimal),
  'cmi.objectives.n.score.max': rw(formats.CMIDecimal),
  'cmi.objectives.n.success_status': rw(formats.CMISStatus),
  'cmi.objectives.n.completion_status': rw(formats.CMICStatus),
  'cmi.objectives.n.progress_measure': rw(formats.CMIDecimal, [0, 1]),
  'cmi.objectives.n.description': rw(formats.CMILangString250),
  'cmi.progress_measure': rw(formats.CMIDecimal, [0, 1]),
  'cmi.scaled_passing_score': r,
  'cmi.score._children': r,
  'cmi.score.scaled': rw(formats.CMIDecimal, [-1, 1]),
  // No range: Moodle takes a raw score of 150 with a max of 100.
  'cmi.score.raw': rw(formats.CMIDecimal),
  'cmi.score.min': rw(formats.CMIDecimal),
  'cmi.score.max': rw(formats.CMIDecimal),
  'cmi.session_time': { mode: 'w', format: formats.CMITimespan },
  'cmi.success_status': rw(formats.CMISStatus),
  'cmi.suspend_data': rw(formats.CMIString64000),
  'cmi.time_limit_action': r,
  'cmi.total_time': r,
  'adl.nav.request': rw(formats.NAVEvent),
}

/** How Moodle reads a response or a correct pattern of one interaction type (its `learner_response` and `correct_responses` tables). */
interface ResponseRule {
  /** A node's RegExp. Moodle tests only `matches == null`, so fill-in's, which always matches, tests nothing. */
  readonly format: string
  /** What a node looks like, for a message. */
  readonly says: string
  /** The most nodes (Moodle: 351 above). */
  readonly max: number
  /** Between nodes; '' for a single node. */
  readonly delimiter: string
  /** Each node is a pair `a[.]b`, its second half in this format. */
  readonly format2?: string
  /** No node twice (Moodle: 406). */
  readonly unique?: boolean
}

interface PatternRule extends ResponseRule {
  /** The most correct patterns (Moodle: 351 for one more). */
  readonly limit?: number
  /** A pattern may not repeat an earlier one (Moodle: 351). */
  readonly distinct?: boolean
  /** `{lang=…}`, `{case_matters=…}` and `{order_matters=…}` prefixes are stripped from each node and checked. */
  readonly prefixes?: boolean
}

const shortId = 'a short identifier (1–250 letters, digits, _ or .; nodes are joined by [,])'
const pair = 'a pair a[.]b of short identifiers (1–250 letters, digits, _ or .)'
const step = 'a pair step[.]answer (a short identifier or nothing, then a decimal, a short identifier or nothing)'
const performanceFormat = '^$|' + CMIShortIdentifier
const performanceFormat2 = CMIDecimal + '|^$|' + CMIShortIdentifier

const learnerResponses: Readonly<Record<string, ResponseRule>> = {
  'true-false': { format: '^true$|^false$', says: 'true or false', max: 1, delimiter: '' },
  choice: { format: CMIShortIdentifier, says: shortId, max: 36, delimiter: '[,]', unique: true },
  'fill-in': { format: CMILangString250, says: 'text', max: 10, delimiter: '[,]' },
  'long-fill-in': { format: CMILangString4000, says: 'text', max: 1, delimiter: '' },
  matching: { format: CMIShortIdentifier, format2: CMIShortIdentifier, says: pair, max: 36, delimiter: '[,]' },
  performance: { format: performanceFormat, format2: performanceFormat2, says: step, max: 250, delimiter: '[,]' },
  sequencing: { format: CMIShortIdentifier, says: shortId, max: 36, delimiter: '[,]' },
  likert: { format: CMIShortIdentifier, says: 'one short identifier (1–250 letters, digits, _ or .)', max: 1, delimiter: '' },
  numeric: { format: CMIDecimal, says: decimal.says, max: 1, delimiter: '' },
  other: { format: CMIString4000, says: 'at most 4000 characters', max: 1, delimiter: '' },
}

const correctResponses: Readonly<Record<string, PatternRule>> = {
  'true-false': { ...learnerResponses['true-false']!, limit: 1 },
  choice: learnerResponses.choice!,
  'fill-in': { format: CMILangString250cr, says: 'at most 250 characters after its {lang=…}, {case_matters=…}, {order_matters=…} prefixes', max: 10, delimiter: '[,]', prefixes: true },
  'long-fill-in': { ...learnerResponses['long-fill-in']!, distinct: true, prefixes: true },
  matching: { ...learnerResponses.matching!, prefixes: true },
  performance: { ...learnerResponses.performance!, prefixes: true },
  sequencing: { ...learnerResponses.sequencing!, prefixes: true },
  likert: { ...learnerResponses.likert!, limit: 1 },
  numeric: { format: CMIDecimal, says: 'a decimal, or a range min[:]max with both bounds', max: 2, delimiter: '[:]', limit: 1 },
  other: { ...learnerResponses.other!, limit: 1 },
}

/** An interaction as Moodle holds it during the session. */
interface Interaction {
  /** The LMS restored it (a `_count` read at launch): its type and correct responses are Moodle's, not in the log. */
  readonly restored: boolean
  /** Set by this session. */
  type?: string
  /** The correct patterns; undefined until a type is set (Moodle has no `correct_responses` yet). */
  patterns?: string[]
  /** The objective ids; undefined when restored. */
  objectives?: string[]
}

const stateCodes: Readonly<Record<string, { readonly before: string; readonly after: string }>> = {
  Initialize: { before: '', after: '104' },
  Terminate: { before: '112', after: '113' },
  GetValue: { before: '122', after: '123' },
  SetValue: { before: '132', after: '133' },
  Commit: { before: '142', after: '143' },
}
/** Not logged by the harnesses, and harmless in any order. */
const errorFunctions = new Set(['GetLastError', 'GetErrorString', 'GetDiagnostic'])

/** Every broken SCORM 2004 rule, as `#<call index> <call> — <why>`; empty when the SCO behaved. */
export function checkScorm2004(calls: readonly Call[]): string[] {
  const problems: string[] = []
  const report = (index: number, why: string) => problems.push(`#${index} ${describe(calls[index]!, 80)} — ${why}`)
  let initialized = false
  /** An Initialize reached the LMS, even a wrong one. */
  let started = false
  let terminated = false
  const interactions: Interaction[] = []

  calls.forEach((call, index) => {
    const codes = stateCodes[call.fn]
    if (!codes) {
      if (!errorFunctions.has(call.fn)) report(index, `${call.fn} is not a SCORM 2004 function`)
      return
    }
    if (call.types.some((type) => type !== 'string')) report(index, 'every argument must be a string (the spec; Moodle converts it)')
    const control = call.fn === 'Initialize' || call.fn === 'Terminate' || call.fn === 'Commit'
    const badArgument = control && (call.args.length !== 1 || call.args[0] !== '')
    if (badArgument) report(index, `${call.fn} must get the explicit empty string (Moodle: 201)`)

    // A call with a wrong argument does nothing in Moodle; yet after a wrong
    // Initialize the later calls are not reported as coming before it (the
    // 201 says it once). A Terminate ends the session when it succeeded:
    // Moodle stays open after a failed one, and the SCO may retry it. A
    // simulated failure never reached the LMS.
    if (call.fn === 'Initialize') {
      if (badArgument || call.injected) {
        if (!call.injected) started = true
      } else if (terminated) report(index, 'Initialize after Terminate (Moodle: 104)')
      else if (initialized) report(index, 'Initialize called twice (Moodle: 103)')
      else initialized = started = true
      return
    }
    if (badArgument) return
    if (terminated) report(index, `${call.fn} after Terminate (Moodle: ${codes.after})`)
    else if (!started) report(index, `${call.fn} before Initialize (Moodle: ${codes.before})`)
    else if (call.fn === 'Terminate') terminated = !call.injected && call.result === 'true'
    else if (!call.injected && call.fn !== 'Commit') {
      const why = call.fn === 'GetValue' ? getValue(call, interactions) : setValue(call, interactions)
      if (why) report(index, why)
    }
  })
  if (!terminated) problems.push('Terminate must be called exactly once: no Terminate("") ended the session')
  return problems
}

function getValue(call: Call, interactions: Interaction[]): string | undefined {
  if (call.args.length !== 1) return 'GetValue must get one element'
  const [element = ''] = call.args
  const why = checkGet(element)
  // The LMS restored interactions from the last session: new ones go after them.
  if (!why && element === 'cmi.interactions._count' && call.error === '0' && /^\d+$/.test(call.result)) {
    while (interactions.length < Number(call.result)) interactions.push({ restored: true })
  }
  return why
}

function setValue(call: Call, interactions: Interaction[]): string | undefined {
  if (call.args.length !== 2) return 'SetValue must get an element and a value'
  const [element = '', value = ''] = call.args
  return checkSet(element, value, interactions)
}

/** The element with `n` for each index, as Moodle's table names it. */
function modelOf(element: string): string {
  return element
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? 'n' : part))
    .join('.')
}

function checkGet(element: string): string | undefined {
  if (element === '') return 'GetValue of "" (Moodle: 301)'
  if (element.startsWith('adl.nav.request_valid.')) return undefined
  const model = modelOf(element)
  const spec = dataModel[model]
  if (spec) return spec.mode === 'w' ? `${element} is write-only (Moodle: 405)` : undefined
  // Moodle answers 301 for x._children of anything, and for x._count of an element it knows.
  const known = model.endsWith('._children') || (model.endsWith('._count') && dataModel[model.slice(0, -'._count'.length)] !== undefined)
  return `${element} is not a SCORM 2004 element${scorm12Hint(model)} (Moodle: ${known ? '301' : '401'})`
}

function checkSet(element: string, value: string, interactions: Interaction[]): string | undefined {
  if (element === '') return 'SetValue of "" (Moodle: 351)'
  const model = modelOf(element)
  const spec = dataModel[model]
  if (!spec) return `${element} is not a SCORM 2004 element${scorm12Hint(model)} (Moodle: 401)`
  if (spec.mode === 'r') return `${element} is read-only (Moodle: 404)`
  const format = spec.format!
  if (!passes(format.source, value)) {
    if (format.max !== undefined) return `${element} is ${value.length} characters, more than ${format.max} (Moodle: 406)`
    return `${element} ${quote(value)} is not ${format.says} (Moodle: 406)`
  }
  if (model.startsWith('cmi.interactions.n.')) {
    const why = setInteraction(element, value, interactions)
    if (why) return why
  }
  const range = spec.range
  if (range && !(Number(value) >= range[0] && Number(value) <= range[1])) {
    return `${element} ${value} is ${range[1] === Infinity ? `below ${range[0]}` : `outside ${range[0]}..${range[1]}`} (Moodle: 407)`
  }
  return undefined
}

/** Moodle's test of an element's format: a match, and not only of empty optional groups (`{x} braces` matches nothing). */
function passes(source: string, value: string): boolean {
  const matches = value.match(new RegExp(source))
  return matches !== null && (matches.join('').length > 0 || value.length === 0)
}

/** Moodle's test of a response node: only `matches == null`. */
const matches = (source: string, node: string): boolean => new RegExp(source).test(node)

/**
 * The interaction rules (Moodle's SetValue for `cmi.interactions.n.…`):
 * `.id` of n first, with n at most the count so far (351 beyond it, 408 for
 * anything else first); `type` before the learner response and the correct
 * patterns (408); then the rules of the type. The state changes only where
 * Moodle accepted the call.
 */
function setInteraction(element: string, value: string, interactions: Interaction[]): string | undefined {
  const [, , indexText = '', ...rest] = element.split('.')
  const field = rest.join('.')
  const badN = badIndex(indexText)
  if (badN) return badN
  const n = Number(indexText)
  if (n > interactions.length) return `interaction ${n} skips an index: the next one is ${interactions.length} (Moodle: 351)`
  const interaction = interactions[n]
  if (!interaction) {
    if (field !== 'id') return `interaction ${n} must start with its id (Moodle: 408)`
    interactions.push({ restored: false, objectives: [] })
    return undefined
  }
  // Restored by the LMS and not retyped here: Moodle knows a type the log does not.
  const unknown = interaction.restored && interaction.type === undefined

  if (field === 'type') {
    const again = interaction.type !== undefined
    const dropped = interaction.patterns?.length ?? 0
    interaction.type = value
    interaction.patterns = []
    if (again) return `interaction ${n} gets its type again (Moodle: true, and it empties correct_responses${dropped ? `, dropping ${dropped}` : ''}); set the type once`
    return undefined
  }
  if (field === 'learner_response') {
    if (unknown) return undefined
    if (interaction.type === undefined) return `the learner_response of interaction ${n} comes before its type (Moodle: 408)`
    return checkResponse(element, value, learnerResponses[interaction.type]!)
  }
  const pattern = /^correct_responses\.(\d+)\.pattern$/.exec(field)
  if (pattern) {
    const m = pattern[1]!
    const badM = badIndex(m)
    if (badM) return badM
    if (unknown) return undefined
    if (interaction.type === undefined || !interaction.patterns) return `the correct_responses of interaction ${n} come before its type (Moodle: 408)`
    return setPattern(element, value, Number(m), interaction.type, interaction.patterns)
  }
  const objective = /^objectives\.(\d+)\.id$/.exec(field)
  if (objective && interaction.objectives) {
    const m = objective[1]!
    const ids = interaction.objectives
    const badM = badIndex(m)
    if (badM) return badM
    if (Number(m) > ids.length) return `objective ${m} of interaction ${n} skips an index: the next one is ${ids.length} (Moodle: 351)`
    const other = ids.findIndex((id, k) => id === value && k !== Number(m))
    if (other >= 0) return `interaction ${n} already has the objective ${quote(value)} at ${other} (Moodle: 351)`
    ids[Number(m)] = value
  }
  // id (Moodle lets it be rewritten), timestamp, weighting, result, latency, description: their format is all.
  return undefined
}

/** Moodle takes `01` for out of order (351); `00` it files apart from index 0, or throws on. */
function badIndex(text: string): string | undefined {
  if (!/^0\d/.test(text)) return undefined
  return Number(text) > 0 ? `index ${text} has a leading zero (Moodle: 351)` : `index ${text} is not written 0 (Moodle files it apart from index 0, or throws a TypeError into the SCO)`
}

function setPattern(element: string, value: string, m: number, type: string, patterns: string[]): string | undefined {
  const rule = correctResponses[type]!
  const isNew = m === patterns.length
  if (m > patterns.length) return `${element} skips an index: the next pattern is ${patterns.length} (Moodle: 351)`
  // Moodle compares a choice pattern with every stored one, the one it replaces included.
  const same = type === 'choice' ? patterns.indexOf(value) : -1
  if (same >= 0) return `the choice pattern ${quote(value)} is already correct_responses.${same} (Moodle: 351)`
  if (isNew && rule.limit !== undefined && patterns.length >= rule.limit) {
    return `${element}: type ${type} has room for ${rule.limit} correct pattern only (Moodle: 351)`
  }
  const nodes = rule.delimiter ? value.split(rule.delimiter) : [value]
  if (nodes.length > rule.max) return `${element} has ${nodes.length} parts, more than the ${rule.max} of a ${type} pattern (Moodle: 351)`
  const why = checkPatternNodes(element, value, nodes, type, rule)
  if (why) return why
  if (isNew && rule.distinct && value !== '' && patterns.includes(value)) {
    return `the ${type} pattern ${quote(value)} is already correct_responses.${patterns.indexOf(value)} (Moodle: 351)`
  }
  patterns[m] = value
  return undefined
}

function checkResponse(element: string, value: string, rule: ResponseRule): string | undefined {
  const nodes = rule.delimiter ? value.split(rule.delimiter) : [value]
  if (nodes.length > rule.max) return `${element} has ${nodes.length} parts, more than ${rule.max} (Moodle: 351)`
  for (const [i, node] of nodes.entries()) {
    if (rule.format2 !== undefined) {
      const halves = node.split('[.]')
      if (halves.length !== 2 || !matches(rule.format, halves[0]!) || !matches(rule.format2, halves[1]!)) {
        return `${element}: ${quote(node)} is not ${rule.says} (Moodle: 406)`
      }
    } else if (!matches(rule.format, node)) {
      return `${element}: ${quote(node)} is not ${rule.says} (Moodle: 406)`
    } else if (rule.unique && node !== '' && nodes.indexOf(node) < i) {
      return `${element}: ${quote(node)} appears twice (Moodle: 406)`
    }
  }
  return undefined
}

/** Moodle's CRcheckValueNodes: each node of a correct pattern, after its prefixes. */
function checkPatternNodes(element: string, value: string, nodes: string[], type: string, rule: PatternRule): string | undefined {
  for (const [i, original] of nodes.entries()) {
    let node = original
    if (rule.prefixes) {
      const stripped = removePrefixes(node)
      if (typeof stripped !== 'string') return `${element}: ${stripped.problem}`
      node = stripped
    }
    if (rule.format2 !== undefined) {
      const halves = node.split('[.]')
      if (halves.length !== 2 || !matches(rule.format, halves[0]!) || !matches(rule.format2, halves[1]!)) {
        return `${element}: ${quote(node)} is not ${rule.says} (Moodle: 406)`
      }
      continue
    }
    // An empty pattern is a pattern (no right answer), except for true-false.
    if (!matches(rule.format, node) && (value !== '' || type === 'true-false')) return `${element}: ${quote(node)} is not ${rule.says} (Moodle: 406)`
    if (type === 'numeric' && nodes.length > 1) {
      if (parseFloat(nodes[0]!) > parseFloat(nodes[1]!)) return `${element}: the range ${quote(value)} has its minimum above its maximum (Moodle: 406)`
    } else if (rule.unique && node !== '' && nodes.indexOf(node) < i) {
      return `${element}: ${quote(node)} appears twice (Moodle: 406)`
    }
  }
  return undefined
}

/**
 * Moodle's CRremovePrefixes: strips `{lang=…}`, `{case_matters=…}` and
 * `{order_matters=…}` from the start of a node, in any order. A language
 * must be one Moodle knows; case_matters and order_matters must be true or
 * false, which Moodle checks only in the first prefix.
 */
function removePrefixes(text: string): string | { problem: string } {
  let node = text
  let first = true
  let problem: string | undefined
  for (let prefix = /^(\{(lang|case_matters|order_matters)=([^}]+)\})/.exec(node); prefix; prefix = /^(\{(lang|case_matters|order_matters)=([^}]+)\})/.exec(node)) {
    if (prefix[2] === 'lang') {
      const lang = new RegExp(CMILangcr).exec(node)
      // `{lang=-ab}`: Moodle reads the length of an undefined language and throws.
      if (lang && lang[3] === undefined) return { problem: `${prefix[1]} names no language (Moodle: a TypeError, thrown into the SCO)` }
      if (lang && !languages.has(lang[3]!.toLowerCase())) problem ??= `${quote(lang[3]!)} in ${prefix[1]} is not a language Moodle knows (Moodle: 406)`
    } else if (first && prefix[3] !== 'true' && prefix[3] !== 'false') {
      problem ??= `${prefix[1]} must say true or false (Moodle: 406)`
    }
    first = false
    node = node.slice(prefix[1]!.length)
  }
  return problem ? { problem } : node
}

function scorm12Hint(model: string): string {
  return /^cmi\.(core|student_data|student_preference)\.|^cmi\.interactions\.n\.(student_response|time)$|^cmi\.comments$/.test(model) ? ' (a SCORM 1.2 name)' : ''
}

/** A value in a message: one line, and its start when it is long. */
function quote(value: string): string {
  if (value === '') return '""'
  const escapes: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }
  const shown = (value.length > 80 ? `${value.slice(0, 40)}…` : value).replace(
    /[\u0000-\u001f\u2028\u2029]/g,
    (c) => escapes[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
  return value.length > 80 ? `\`${shown}\` (${value.length} characters)` : `\`${shown}\``
}
