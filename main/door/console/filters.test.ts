// The console's filters answer as GNU grep/head/tail/wc/cat do for the options tutorials use.

import { describe, expect, it } from 'vitest'
import { makeFilter, type StreamFilter } from './filters'

function through(name: 'grep' | 'head' | 'tail' | 'wc' | 'cat', args: string[], chunks: string[]) {
  const f = makeFilter(name, args)
  if ('error' in f) return f
  let text = ''
  for (const c of chunks) text += (f as StreamFilter).write(c)
  const end = f.end()
  return { text: text + end.text, code: end.code }
}

const ROWS = 'NAME      READY\nnginx-1   1/1\nbusybox   0/1\nnginx-2   1/1\n'

describe('console filters', () => {
  it.each([
    ['grep nginx', 'grep', ['nginx'], { text: 'nginx-1   1/1\nnginx-2   1/1\n', code: 0 }],
    ['grep -v nginx', 'grep', ['-v', 'nginx'], { text: 'NAME      READY\nbusybox   0/1\n', code: 0 }],
    ['grep -c nginx', 'grep', ['-c', 'nginx'], { text: '2\n', code: 0 }],
    ['grep -i NGINX', 'grep', ['-i', 'NGINX'], { text: 'nginx-1   1/1\nnginx-2   1/1\n', code: 0 }],
    ['grep no match exits 1', 'grep', ['redis'], { text: '', code: 1 }],
    ['grep BRE: ( is literal', 'grep', ['1/1\\|0/1'], { text: 'nginx-1   1/1\nbusybox   0/1\nnginx-2   1/1\n', code: 0 }],
    ['grep -E alternation', 'grep', ['-E', 'busybox|NAME'], { text: 'NAME      READY\nbusybox   0/1\n', code: 0 }],
    ['head -n 2', 'head', ['-n', '2'], { text: 'NAME      READY\nnginx-1   1/1\n', code: 0 }],
    ['head -1', 'head', ['-1'], { text: 'NAME      READY\n', code: 0 }],
    ['tail -n 1', 'tail', ['-n', '1'], { text: 'nginx-2   1/1\n', code: 0 }],
    ['wc -l', 'wc', ['-l'], { text: '4\n', code: 0 }],
    ['wc', 'wc', [], { text: '      4       8      58\n', code: 0 }],
    ['cat', 'cat', [], { text: ROWS, code: 0 }],
  ] as const)('%s', (_name, tool, args, want) => {
    // Fed in odd chunks: a line split across chunks must still be matched whole.
    expect(through(tool, [...args], [ROWS.slice(0, 7), ROWS.slice(7, 30), ROWS.slice(30)])).toEqual(want)
  })

  it('answers bad options in the tools\' own words', () => {
    expect(makeFilter('head', ['-n', 'x'])).toEqual({ error: 'head: invalid number of lines: ‘x’\n', code: 1 })
    expect(makeFilter('grep', [])).toEqual({ error: "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", code: 2 })
    expect(makeFilter('cat', ['pod.yaml'])).toEqual({ error: 'cat: pod.yaml: No such file or directory\n', code: 1 })
  })

  it('head is done after its lines (the pipeline stops the producer)', () => {
    const f = makeFilter('head', ['-n', '1']) as StreamFilter
    expect(f.done).toBe(false)
    expect(f.write('a\nb\n')).toBe('a\n')
    expect(f.done).toBe(true)
  })

  it('context lines (-A, -B, -C) as GNU grep prints them, `--` between groups that do not touch', () => {
    const text = 'a\nb\nLast State: x\nc\nd\ne\nf\nLast State: y\ng\n'
    expect(through('grep', ['-A2', 'Last State'], [text])).toEqual({ text: 'Last State: x\nc\nd\n--\nLast State: y\ng\n', code: 0 })
    expect(through('grep', ['-B', '1', '-n', 'Last'], [text])).toEqual({ text: '2-b\n3:Last State: x\n--\n7-f\n8:Last State: y\n', code: 0 })
    expect(through('grep', ['-C1', '-n', 'Last'], [text.slice(0, 9), text.slice(9)])).toEqual({
      text: '2-b\n3:Last State: x\n4-c\n--\n7-f\n8:Last State: y\n9-g\n',
      code: 0,
    })
  })
})
