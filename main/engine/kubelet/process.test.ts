import { describe, expect, it } from 'vitest'
import { findImage, parseImage } from '../images'
import { processRun } from './process'

const busybox = findImage(parseImage('busybox'))
const nginx = findImage(parseImage('nginx'))

describe('what a container process does', () => {
  it.each([
    ['nginx with no command serves', { name: 'c' }, nginx, { kind: 'serves' }],
    ["busybox with no command runs sh, which exits 0 at once (kubectl run bb --image=busybox crash-loops)", { name: 'c' }, busybox, { kind: 'exits', afterMs: 10, exitCode: 0 }],
    ['an empty command is the image default (the seed Deployment has command: [])', { name: 'c', command: [] }, busybox, { kind: 'exits', afterMs: 10, exitCode: 0 }],
    ['sleep 3600', { name: 'c', command: ['sleep', '3600'] }, busybox, { kind: 'exits', afterMs: 3_600_000, exitCode: 0 }],
    ['sleep infinity', { name: 'c', command: ['sleep', 'infinity'] }, busybox, { kind: 'serves' }],
    ['sh -c "exit 3"', { name: 'c', command: ['sh', '-c', 'exit 3'] }, busybox, { kind: 'exits', afterMs: 0, exitCode: 3 }],
    ['args after the command count', { name: 'c', command: ['sleep'], args: ['5'] }, busybox, { kind: 'exits', afterMs: 5_000, exitCode: 0 }],
    ['false', { name: 'c', command: ['false'] }, busybox, { kind: 'exits', afterMs: 0, exitCode: 1 }],
  ])('%s', (_name, container, image, expected) => expect(processRun(container, image)).toEqual(expected))
})

// Busybox 1.36 defconfig (FANCY_SLEEP, FLOAT_DURATION) and ash on glibc, as ./busybox.ts describes.
describe('busybox sleep and ash exit arguments, read as busybox reads them', () => {
  const run = (...command: string[]) => processRun({ name: 'c', command }, busybox)
  it.each([
    ['sleep 10m: a minutes suffix', ['sleep', '10m'], { kind: 'exits', afterMs: 600_000, exitCode: 0 }],
    ['sleep 1m 30s: arguments add up', ['sleep', '1m', '30s'], { kind: 'exits', afterMs: 90_000, exitCode: 0 }],
    ['sleep 1d', ['sleep', '1d'], { kind: 'exits', afterMs: 86_400_000, exitCode: 0 }],
    ['sleep 1.5', ['sleep', '1.5'], { kind: 'exits', afterMs: 1_500, exitCode: 0 }],
    ['sleep .5m', ['sleep', '.5m'], { kind: 'exits', afterMs: 30_000, exitCode: 0 }],
    ['sleep 0.0001 (rounded up to a whole ms)', ['sleep', '0.0001'], { kind: 'exits', afterMs: 1, exitCode: 0 }],
    ['sleep -- 5', ['sleep', '--', '5'], { kind: 'exits', afterMs: 5_000, exitCode: 0 }],
    ['sleep INF (any "inf" prefix)', ['sleep', 'INF'], { kind: 'serves' }],
    ['sleep 9223372036854775807 (2^63-1 s: for ever)', ['sleep', '9223372036854775807'], { kind: 'serves' }],
    ['sleep 1e3: no exponents, invalid number', ['sleep', '1e3'], { kind: 'exits', afterMs: 0, exitCode: 1 }],
    ['sleep -1: no sign, invalid number', ['sleep', '-1'], { kind: 'exits', afterMs: 0, exitCode: 1 }],
    ['sleep 10ms: no such suffix', ['sleep', '10ms'], { kind: 'exits', afterMs: 0, exitCode: 1 }],
    ['sleep .: no digit', ['sleep', '.'], { kind: 'exits', afterMs: 0, exitCode: 1 }],
    ['sleep 18446744073709551616 (past ULONG_MAX)', ['sleep', '18446744073709551616'], { kind: 'exits', afterMs: 0, exitCode: 1 }],
    ['sleep 307445734561825861m (past ULONG_MAX once multiplied)', ['sleep', '307445734561825861m'], { kind: 'exits', afterMs: 0, exitCode: 1 }],
    ['sleep with no argument', ['sleep'], { kind: 'exits', afterMs: 0, exitCode: 1 }],
    ['sleep 5constructor (no prototype lookups)', ['sleep', '5constructor'], { kind: 'exits', afterMs: 0, exitCode: 1 }],
    ['exit 256: the low 8 bits', ['sh', '-c', 'exit 256'], { kind: 'exits', afterMs: 0, exitCode: 0 }],
    ['exit 257', ['sh', '-c', 'exit 257'], { kind: 'exits', afterMs: 0, exitCode: 1 }],
    ['exit -1: Illegal number, the shell exits 2', ['sh', '-c', 'exit -1'], { kind: 'exits', afterMs: 0, exitCode: 2 }],
    ['exit 1.5: Illegal number', ['sh', '-c', 'exit 1.5'], { kind: 'exits', afterMs: 0, exitCode: 2 }],
    ['exit 99999999999999999999: atoi saturates at LONG_MAX, status 255', ['sh', '-c', 'exit 99999999999999999999'], { kind: 'exits', afterMs: 0, exitCode: 255 }],
    ['exit alone: 0', ['sh', '-c', 'exit'], { kind: 'exits', afterMs: 0, exitCode: 0 }],
  ])('%s', (_name, command, expected) => expect(run(...command)).toEqual(expected))
})
