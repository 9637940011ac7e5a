import { describe, expect, it } from 'vitest'
import { podStatusGroup } from './pod-status-group'

describe('podStatusGroup', () => {
  it.each([
    ['Pending', 'Pending'],
    ['SchedulingGated', 'Pending'],
    ['ContainerCreating', 'Waiting'],
    ['PodInitializing', 'Waiting'],
    ['ImagePullBackOff', 'Waiting'],
    ['ErrImagePull', 'Waiting'],
    ['Init:0/1', 'Waiting'],
    ['Running', 'Running'],
    ['NotReady', 'Running'],
    ['Completed', 'Succeeded'],
    ['Succeeded', 'Succeeded'],
    ['Error', 'Failed'],
    ['OOMKilled', 'Failed'],
    ['ExitCode:3', 'Failed'],
    ['Signal:9', 'Failed'],
    ['Init:Error', 'Failed'],
    ['Evicted', 'Failed'],
    ['CrashLoopBackOff', 'CrashLoopBackOff'],
    ['Init:CrashLoopBackOff', 'CrashLoopBackOff'],
    ['Terminating', 'Terminating'],
  ])('draws STATUS %s as %s', (status, group) => {
    expect(podStatusGroup(status)).toBe(group)
  })
})
