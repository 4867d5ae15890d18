import type { CourseData } from '../shared/course-data.js'
import type { Connection } from './connection.js'
import type { Standard } from './lms.js'
import { createLocalConnection } from './local-connection.js'
import { isMessage, type ToPage, type ToShell } from './messages.js'
import { createSaveQueue, type SaveStatus } from './save-queue.js'
import { createCourseSession } from './session.js'
import { format } from './strings.js'

/**
 * The course shell (`index.html`): owns the LMS session for the whole visit,
 * shows one page at a time in its frame, and keeps the table of contents,
 * the progress bar and the "saved" indicator up to date.
 */
export function startShell(doc: Document, win: Window, standard: Standard): void {
  const course = JSON.parse(doc.getElementById('cp-course')?.textContent ?? '{}') as CourseData
  const frame = doc.querySelector<HTMLIFrameElement>('iframe[name="cp-page"]')
  if (!frame) return
  const strings = course.strings

  const connection: Connection = standard.connect(win, course.id) ?? createLocalConnection(`coursepack:${course.id}`, standard.learnerIdElement)
  const post = (message: ToPage) => frame.contentWindow?.postMessage(message, '*')
  let saveStatus: SaveStatus | 'standalone' = connection.kind === 'local' ? 'standalone' : 'saved'
  const queue = createSaveQueue({
    connection,
    onStatus(status) {
      if (connection.kind === 'local') return
      saveStatus = status
      showStatus(doc, strings, status)
      post({ type: 'cp:save-status', status })
    },
  })
  const session = createCourseSession(course, standard, connection, queue)
  const { location, learnerName } = session.start()
  if (connection.kind === 'local') showStatus(doc, strings, 'standalone', standard.standaloneNotice)
  if (learnerName) showLearner(doc, strings, learnerName)
  const resumePage = course.pages.find((page) => page.id === location)
  if (resumePage && resumePage !== course.pages[0]) frame.src = resumePage.href
  collapseContentsOnSmallScreens(doc, win)
  showProgress(doc, strings, session.visitedCount, course.pages.length)

  win.addEventListener('message', (event: MessageEvent) => {
    if (event.source !== frame.contentWindow || !isMessage<ToShell>(event.data)) return
    try {
      const message = event.data
      if (message.type === 'cp:hello') {
        session.visit(message.pageId)
        markCurrent(doc, message.pageId, session.state.visited)
        showProgress(doc, strings, session.visitedCount, course.pages.length)
        const view = session.quizView(message.pageId)
        if (view) post({ type: 'cp:quiz', view, strings, submitted: false })
        post({ type: 'cp:save-status', status: saveStatus })
      } else if (message.type === 'cp:submit') {
        const view = session.submit(message.pageId, message.responses, message.latencyMs, message.prompts)
        if (view) post({ type: 'cp:quiz', view, strings, submitted: true })
      }
    } catch (error) {
      console.warn('coursepack: could not handle a message from the page', error)
    }
  })
  // The page in the frame may have loaded before this script ran.
  post({ type: 'cp:ready' })
  // SCORM needs LMSFinish once when the learner leaves, however that happens: the LMS removes or
  // navigates the frame, the learner presses the LMS's exit, closes the tab. pagehide is the event
  // every current browser fires then (unload is deprecated, and would cost the back/forward cache).
  win.addEventListener('pagehide', () => session.end())
  // A hidden page may be frozen or discarded without pagehide (phones): send what waits now.
  doc.addEventListener('visibilitychange', () => {
    if (doc.visibilityState === 'hidden' && queue.unsaved && !queue.flush()) queue.save()
  })
}

function showStatus(doc: Document, strings: Readonly<Record<string, string>>, status: SaveStatus | 'standalone', standaloneNotice = 'statusStandalone'): void {
  const element = doc.getElementById('cp-status')
  if (!element) return
  const key = { saving: 'statusSaving', saved: 'statusSaved', retrying: 'statusRetrying', failed: 'statusNotSaved', standalone: standaloneNotice }[status]
  element.textContent = format(strings, key)
  element.dataset.status = status
}

function showLearner(doc: Document, strings: Readonly<Record<string, string>>, name: string): void {
  const element = doc.getElementById('cp-learner')
  if (!element) return
  // SCORM 1.2 gives "Last, First"; show it the way people write it.
  const [last, first] = name.split(',').map((part) => part.trim())
  element.textContent = format(strings, 'learner', { name: first ? `${first} ${last}` : name })
  element.hidden = false
}

function showProgress(doc: Document, strings: Readonly<Record<string, string>>, visited: number, total: number): void {
  const box = doc.getElementById('cp-progress')
  const bar = doc.getElementById('cp-progress-bar') as HTMLProgressElement | null
  const text = doc.getElementById('cp-progress-text')
  if (!box || !bar || !text) return
  box.hidden = false
  bar.value = visited
  text.textContent = format(strings, 'progressText', { visited, total })
}

function markCurrent(doc: Document, pageId: string, visited: ReadonlySet<string>): void {
  for (const item of Array.from(doc.querySelectorAll<HTMLElement>('[data-page]'))) {
    const link = item.querySelector('a')
    const id = item.dataset.page ?? ''
    if (id === pageId) link?.setAttribute('aria-current', 'page')
    else link?.removeAttribute('aria-current')
    item.classList.toggle('cp-toc__page--visited', visited.has(id))
  }
}

function collapseContentsOnSmallScreens(doc: Document, win: Window): void {
  const details = doc.querySelector<HTMLDetailsElement>('.cp-toc__details')
  if (details && win.matchMedia?.('(max-width: 48rem)').matches) details.open = false
}
