/** One API call a package made, as the stand-in LMS logged it. */
export interface Call {
  readonly fn: string
  readonly args: readonly string[]
  readonly types: readonly string[]
  readonly result: string
  readonly error: string
  readonly afterFinish: boolean
  /** A failure the test harness simulated: the call never reached the LMS. */
  readonly injected?: boolean
}

/** `fn("arg", …)` as a problem names the call; an argument longer than `longest` shows its start and its length. */
export function describe(call: Call, longest = Infinity): string {
  const show = (arg: string) => (arg.length > longest ? `${JSON.stringify(arg.slice(0, longest / 2))}… (${arg.length} characters)` : JSON.stringify(arg))
  return `${call.fn}(${call.args.map(show).join(', ')})`
}
