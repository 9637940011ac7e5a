// One line typed into the in-app console, run as a small bash would run it: `a && b`, `a || b`, `a; b`, pipelines
// into grep/head/tail/wc/cat, heredocs and here-strings as stdin, `2>&1` and `>/dev/null`. The commands are
// kubectl (and its alias `k`), echo, clear, watch, help and the filters; a kubectl that goes on (`get -w`,
// `logs -f`, `exec -it`) streams through the filters after it until it ends, a filter has enough (`head`), or
// Ctrl+C. What a tutorial types that the console does not run gets one plain sentence, never a wrong answer.

import type { Engine, Redir, Script, Stmt } from '../../engine'
import { parseScript, ParseFailure } from '../../engine'
import { MAX_MANIFEST_BYTES } from '../../contract'
import { InputTooLarge, writeResult, type Follow, type KubeconfigStore, type KubectlIO } from '../../kubectl/io'
import { runKubectl } from '../../kubectl/run-kubectl'
import { isFilter, makeFilter, type StreamFilter } from './filters'
import { startWatchCommand } from './watch-command'
import { runPodlabInConsole } from './podlab-command'
import { heredocText, NotExpanded, wordText } from './words'

export type Stream = 'stdout' | 'stderr'

export interface LineContext {
  engine: Engine
  /** The terminal's width in columns (watch's header). */
  columns: number
  /** Where the line's output goes, as it comes. */
  write(stream: Stream, text: string): void
  /** A command that would go on (`get -w` inside `watch`) prints its first output and stops there. */
  noFollow?: boolean
  /** The session's kubeconfig: `kubectl config set-context --current --namespace=X` lasts for later lines. */
  kubeconfig?: KubeconfigStore
  /** The page's YAML editor, for `kubectl edit`. */
  editor?: KubectlIO['editor']
}

export interface RunningLine {
  /** Settles with the line's exit status once it has ended (130 after Ctrl+C). */
  readonly done: Promise<number>
  /** What the user types while the line runs (an `exec -it` session's stdin), or 'eof' for Ctrl+D. */
  input(text: string | 'eof'): void
  /** Ctrl+C: stops what runs and the rest of the line. */
  interrupt(): void
}

/** The shell's status of a line stopped by Ctrl+C (128 + SIGINT). */
export const INTERRUPTED = 130

const HELP = `The Podlab console runs kubectl as on a real cluster, and a little shell around it:
  kubectl ... (or k ...)        e.g. kubectl get pods -w, kubectl describe pod NAME, kubectl logs -f NAME
  cat <<EOF | kubectl apply -f -   paste a manifest, end it with a line EOF
  ... | grep TEXT | head -n N | tail -n N | wc -l
  a && b, a || b, a; b          run one after another
  watch [-n SECONDS] kubectl get pods   refresh every few seconds of cluster time
  podlab chaos ..., podlab node ...   break things on purpose; stop or start a node
  echo, clear, help             Ctrl+C stops a watch, a follow or an exec
`

/** A stage's stdout/stderr routing from its redirections. */
interface Routing {
  stdin?: string
  mergeStderr: boolean
  discardStdout: boolean
  discardStderr: boolean
}

/** Refused before running: the sentence the console prints, with its status. */
class Refused extends Error {
  constructor(
    readonly text: string,
    readonly code: number,
  ) {
    super(text)
  }
}

/** Runs `line`; never throws (what fails is printed and becomes the status). */
export function runLine(line: string, ctx: LineContext): RunningLine {
  const runner = new LineRunner(ctx)
  return { done: runner.run(line), input: (t) => runner.input(t), interrupt: () => runner.interrupt() }
}

class LineRunner {
  private interrupted = false
  /** What runs now and goes on: stopped by Ctrl+C, fed by input. */
  private current?: { stop(): void; follow: Follow }
  private wakeInterrupted?: () => void

  constructor(private readonly ctx: LineContext) {}

  input(text: string | 'eof'): void {
    this.current?.follow.input?.(text)
  }

  interrupt(): void {
    if (this.interrupted) return
    this.interrupted = true
    this.current?.stop()
    this.wakeInterrupted?.()
  }

  async run(line: string): Promise<number> {
    if (line.trim() === '') return 0
    const parsed = parseScript(line, 'bash')
    if (parsed instanceof ParseFailure) {
      this.ctx.write('stderr', `podlab: syntax error: ${parsed.message}\n`)
      return 2
    }
    let code = 0
    for (const id of parsed.lists[parsed.root] ?? []) {
      if (this.interrupted) return INTERRUPTED
      code = await this.stmt(parsed, id)
    }
    return this.interrupted ? INTERRUPTED : code
  }

  private async stmt(script: Script, id: number): Promise<number> {
    const stmt = script.stmts[id]!
    if (stmt.background) return this.refuse('podlab: the console does not run commands in the background (&)\n', 2)
    let code: number
    const cmd = stmt.cmd
    if (cmd.t === 'and' || cmd.t === 'or') {
      code = await this.stmt(script, cmd.x)
      if (!this.interrupted && (cmd.t === 'and' ? code === 0 : code !== 0)) code = await this.stmt(script, cmd.y)
    } else if (cmd.t === 'pipe') code = await this.pipeline(cmd.stages.map((s) => script.stmts[s]!))
    else if (cmd.t === 'call') code = await this.pipeline([stmt])
    else {
      const what = cmd.t === 'unsupported' ? cmd.what : cmd.t
      code = this.refuse(`podlab: the console does not run ${what}; a container's shell does: kubectl exec -it POD -- sh\n`, 2)
    }
    return stmt.negated ? (code === 0 ? 1 : 0) : code
  }

  private refuse(text: string, code: number): number {
    this.ctx.write('stderr', text)
    return code
  }

  /** The stages in order, each stage's stdout the next one's stdin; the status is the last stage's. */
  private async pipeline(stages: Stmt[]): Promise<number> {
    let input: string | undefined
    let code = 0
    for (let k = 0; k < stages.length; k++) {
      if (this.interrupted) return INTERRUPTED
      const last = k === stages.length - 1
      let args: string[]
      let routing: Routing
      try {
        const stage = stages[k]!
        if (stage.cmd.t !== 'call') throw new Refused('podlab: the console runs only simple commands in a pipeline\n', 2)
        if (stage.cmd.assigns.length > 0) throw new Refused('podlab: the console has no shell variables yet\n', 2)
        args = stage.cmd.args.map(wordText)
        routing = this.routing(stage.redirs)
      } catch (e) {
        if (e instanceof Refused || e instanceof NotExpanded) return this.refuse(e instanceof Refused ? e.text : e.message, e instanceof Refused ? e.code : 2)
        throw e
      }
      const stdin = routing.stdin ?? input ?? ''
      const out = (stream: Stream, text: string) => {
        const to: Stream = stream === 'stderr' && routing.mergeStderr ? 'stdout' : stream
        if (to === 'stdout' ? routing.discardStdout : routing.discardStderr) return
        if (to === 'stderr' || last) this.ctx.write(to, text)
        else input = (input ?? '') + text
      }
      input = undefined
      const ran = this.command(args, stdin, out)
      if ('follow' in ran && this.ctx.noFollow) {
        ran.follow.start(() => {}, () => {})()
        return 0
      }
      if ('follow' in ran) {
        const filters: StreamFilter[] = []
        for (const stage of stages.slice(k + 1)) {
          const made = this.filterOf(stage)
          if ('error' in made) return this.refuse(made.error, made.code)
          filters.push(made)
        }
        // What comes out of the last filter goes to the terminal, not to a next stage's stdin.
        const toTerminal = (stream: Stream, text: string) => (stream === 'stderr' ? out(stream, text) : this.ctx.write('stdout', text))
        return this.follow(ran.follow, filters, filters.length === 0 ? out : toTerminal)
      }
      code = ran.code
    }
    return code
  }

  /** Heredocs and here-strings become stdin; `2>&1`, `>/dev/null`, `2>/dev/null` route; files are refused. */
  private routing(redirs: Redir[]): Routing {
    const r: Routing = { mergeStderr: false, discardStdout: false, discardStderr: false }
    for (const redir of redirs) {
      const fd = redir.fd ?? (redir.op.startsWith('<') ? 0 : 1)
      if (redir.op === '<<' || redir.op === '<<-') r.stdin = heredocText(redir.heredoc ?? { parts: [] }, redir.quoted === true)
      else if (redir.op === '<<<') r.stdin = `${wordText(redir.word)}\n`
      else if (redir.op === '>&' && fd === 2 && wordText(redir.word) === '1') r.mergeStderr = true
      else if ((redir.op === '>' || redir.op === '>>') && wordText(redir.word) === '/dev/null') {
        if (fd === 2) r.discardStderr = true
        else r.discardStdout = true
      } else if (redir.op === '&>' && wordText(redir.word) === '/dev/null') r.discardStdout = r.discardStderr = true
      else throw new Refused(`podlab: the console has no files: it cannot redirect ${redir.op} ${wordText(redir.word)}\n`, 1)
    }
    return r
  }

  private filterOf(stage: Stmt): StreamFilter | { error: string; code: number } {
    if (stage.cmd.t !== 'call') return { error: 'podlab: the console runs only simple commands in a pipeline\n', code: 2 }
    let args: string[]
    try {
      args = stage.cmd.args.map(wordText)
    } catch (e) {
      if (e instanceof NotExpanded) return { error: e.message, code: 2 }
      throw e
    }
    const [name = '', ...rest] = args
    if (!isFilter(name)) return { error: `podlab: ${name} cannot read a stream that goes on; only grep, head, tail, wc and cat can\n`, code: 2 }
    return makeFilter(name, rest)
  }

  /** One command with its stdin: its status now, or a follow that goes on. */
  private command(args: string[], stdin: string, out: (stream: Stream, text: string) => void): { code: number } | { follow: Follow } {
    const [name = '', ...rest] = args
    if (name === 'kubectl' || name === 'k') return this.kubectl(rest, stdin, out)
    if (isFilter(name)) {
      const filter = makeFilter(name, rest)
      if ('error' in filter) {
        out('stderr', filter.error)
        return { code: filter.code }
      }
      const now = filter.write(stdin)
      const end = filter.end()
      out('stdout', now + end.text)
      return { code: end.code }
    }
    switch (name) {
      case 'echo': {
        const noNewline = rest[0] === '-n'
        out('stdout', `${(noNewline ? rest.slice(1) : rest).join(' ')}${noNewline ? '' : '\n'}`)
        return { code: 0 }
      }
      case 'clear':
        out('stdout', '\x1b[H\x1b[2J\x1b[3J')
        return { code: 0 }
      case 'help':
        out('stdout', HELP)
        return { code: 0 }
      case 'watch': {
        const started = startWatchCommand(rest, this.ctx.engine, this.ctx.columns, (line) => this.runQuietly(line))
        if ('error' in started) {
          out('stderr', started.error)
          return { code: started.code }
        }
        return { follow: started.follow }
      }
      case 'podlab': {
        const result = runPodlabInConsole(this.ctx.engine, rest)
        out('stdout', result.stdout)
        out('stderr', result.stderr)
        return { code: result.exitCode }
      }
      case 'sudo':
        out('stderr', 'podlab: the console needs no sudo: type the command itself\n')
        return { code: 1 }
      default:
        out('stderr', `podlab: ${name}: command not found (the console runs kubectl; type help)\n`)
        return { code: 127 }
    }
  }

  private kubectl(args: string[], stdin: string, out: (stream: Stream, text: string) => void): { code: number } | { follow: Follow } {
    let askedForFile = false
    const result = runKubectl(args, {
      engine: this.ctx.engine,
      // A terminal the user types into: `exec -it` opens an interactive session.
      terminal: true,
      ...(this.ctx.kubeconfig ? { kubeconfig: this.ctx.kubeconfig } : {}),
      ...(this.ctx.editor ? { editor: this.ctx.editor } : {}),
      readFile: (path) => {
        askedForFile = true
        throw new Error(`no such file ${path}`)
      },
      readStdin: () => {
        if (new TextEncoder().encode(stdin).length > MAX_MANIFEST_BYTES) throw new InputTooLarge(MAX_MANIFEST_BYTES)
        return stdin
      },
    })
    writeResult(result, out)
    if (askedForFile) out('stderr', 'podlab: the console has no files; paste the manifest instead: cat <<EOF | kubectl apply -f -\n')
    return result.follow ? { follow: result.follow } : { code: result.exitCode }
  }

  /** A command line's whole output as text (what watch shows each time), run to its end without following. */
  private async runQuietly(line: string): Promise<string> {
    let text = ''
    // No editor under watch: a refreshed `kubectl edit` must not open one every few seconds.
    await new LineRunner({ ...this.ctx, noFollow: true, editor: undefined, write: (_s, t) => (text += t) }).run(line)
    return text
  }

  /** Runs `follow` with its output through `filters` until it ends, a filter is done, or Ctrl+C. */
  private follow(follow: Follow, filters: StreamFilter[], out: (stream: Stream, text: string) => void): Promise<number> {
    return new Promise<number>((resolve) => {
      let finished = false
      let stop = () => {}
      const finish = (code: number) => {
        if (finished) return
        finished = true
        stop()
        this.current = undefined
        this.wakeInterrupted = undefined
        // The filters' ends print (wc's count), unless Ctrl+C killed the whole pipeline.
        if (code !== INTERRUPTED) {
          for (let i = 0; i < filters.length; i++) {
            const end = filters[i]!.end()
            if (end.text) pass(end.text, i + 1)
            if (i === filters.length - 1) code = end.code
          }
        }
        resolve(code)
      }
      /** `text` entering filter `from` (filters.length: the terminal). */
      const pass = (text: string, from: number) => {
        let t = text
        for (let i = from; i < filters.length && t; i++) t = filters[i]!.write(t)
        if (t) out('stdout', t)
      }
      this.wakeInterrupted = () => finish(INTERRUPTED)
      stop = follow.start(
        (stream, text) => {
          if (finished) return
          if (stream === 'stderr') out('stderr', text)
          else pass(text, 0)
          if (filters.some((f) => f.done)) finish(0)
        },
        (code) => finish(code),
      )
      this.current = { stop: () => finish(INTERRUPTED), follow }
      if (this.interrupted) finish(INTERRUPTED)
    })
  }
}
