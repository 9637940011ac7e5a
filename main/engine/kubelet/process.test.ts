import { describe, expect, it } from 'vitest'
import { findImage, parseImage } from './image-catalog'
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
