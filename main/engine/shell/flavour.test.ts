import { describe, expect, it } from 'vitest'
import { runScript } from './testing/shell-kernel'

// Texts where the three shells differ. dash and bash as this machine's /bin/dash and /bin/bash print them;
// busybox as ash.c words them (busybox is not installed here: its lines come from its source's messages).
const CASES: { what: string; script: string; busybox: string; dash: string; bash: string }[] = [
  { what: 'cd to a missing directory', script: 'cd /nope', busybox: "sh: cd: can't cd to /nope: No such file or directory\n", dash: "sh: 1: cd: can't cd to /nope\n", bash: 'bash: line 1: cd: /nope: No such file or directory\n' },
  { what: 'a redirection into a missing directory', script: 'echo x > /nope/f', busybox: "sh: can't create /nope/f: nonexistent directory\n", dash: 'sh: 1: cannot create /nope/f: Directory nonexistent\n', bash: 'bash: line 1: /nope/f: No such file or directory\n' },
  { what: 'input from a missing file', script: 'cat < /nope', busybox: "sh: can't open /nope: No such file or directory\n", dash: 'sh: 1: cannot open /nope: No such file\n', bash: 'bash: line 1: /nope: No such file or directory\n' },
  { what: 'division by zero', script: 'echo $((1/0))', busybox: 'sh: divide by zero\n', dash: 'sh: 1: arithmetic expression: division by zero: "1/0"\n', bash: 'bash: line 1: 1/0: division by 0 (error token is "0")\n' },
  { what: 'a required parameter', script: 'echo ${nope:?must be set}', busybox: 'sh: nope: must be set\n', dash: 'sh: 1: nope: must be set\n', bash: 'bash: line 1: nope: must be set\n' },
]

describe.each(['busybox', 'dash', 'bash'] as const)('%s words its errors as the real shell does', (flavour) => {
  it.each(CASES)('$what', (c) => {
    expect(runScript(flavour, c.script).err).toBe(c[flavour])
  })
})

describe('busybox ash takes bashisms dash refuses', () => {
  it('${x/a/b}, ${x:1:2} and local work in busybox', () => {
    expect(runScript('busybox', 'x=banana; echo ${x/a/o} ${x//a/o} ${x:1:3}; f() { local y=1; echo $y; }; f').out).toBe('bonana bonono ana\n1\n')
  })
})
