import type { BuildStage } from './build.js'

const labels: Readonly<Record<BuildStage, string>> = {
  load: 'Reading the course',
  parse: 'Reading pages and questions',
  render: 'Rendering pages',
  package: 'Packaging',
  write: 'Writing the zip',
}

/** Builds shorter than this show no progress at all. */
const quietFor = 1000

/**
 * Progress for long builds: on a terminal one line that updates in place,
 * elsewhere (CI logs) one plain line per stage. Nothing for a build that
 * ends within a second.
 */
export function createProgress(stream: NodeJS.WriteStream, options: { enabled: boolean }) {
  const started = Date.now()
  let current: BuildStage | undefined
  let shown = false
  const show = () => {
    if (!current) return
    shown = true
    if (stream.isTTY) stream.write(`\r\x1b[2K${labels[current]}…`)
    else stream.write(`${labels[current]}…\n`)
  }
  const timer = options.enabled ? setTimeout(show, quietFor) : undefined
  timer?.unref()
  return {
    stage(stage: BuildStage) {
      current = stage
      if (options.enabled && Date.now() - started >= quietFor) show()
    },
    done() {
      clearTimeout(timer)
      if (shown && stream.isTTY) stream.write('\r\x1b[2K')
    },
  }
}
