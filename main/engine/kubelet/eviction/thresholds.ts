// The kubelet's hard eviction thresholds and what it observes of them (pkg/kubelet/eviction/helpers.go
// makeSignalObservations, thresholdsMet, GetThresholdQuantity). The thresholds are the kubelet's defaults
// (DefaultEvictionHard): memory.available<100Mi, nodefs.available<10%, imagefs.available<15%. kind's kubeadm
// config turns the disk ones off (0%); Podlab keeps the kubelet's defaults so that a full disk can be a lesson.
// The inode thresholds are not observed: Podlab does not count inodes. A kind node has one filesystem, so
// imagefs is nodefs (the kubelet then observes both on the same device).

import { binaryQuantity } from '../../metrics/quantities'

export type Signal = 'memory.available' | 'nodefs.available' | 'imagefs.available'
export type StarvedResource = 'memory' | 'ephemeral-storage'
export type PressureCondition = 'MemoryPressure' | 'DiskPressure'

export interface Threshold {
  signal: Signal
  /** A quantity (bytes) or a fraction of the capacity. */
  value: { bytes: number } | { percentage: number }
}

/** DefaultEvictionHard in the order Podlab evaluates them (Go's map order is random). */
export const HARD_THRESHOLDS: readonly Threshold[] = [
  { signal: 'memory.available', value: { bytes: 100 * 1024 * 1024 } },
  { signal: 'nodefs.available', value: { percentage: 0.1 } },
  { signal: 'imagefs.available', value: { percentage: 0.15 } },
]

export const SIGNAL_RESOURCE: Readonly<Record<Signal, StarvedResource>> = {
  'memory.available': 'memory',
  'nodefs.available': 'ephemeral-storage',
  'imagefs.available': 'ephemeral-storage',
}

export const SIGNAL_CONDITION: Readonly<Record<Signal, PressureCondition>> = {
  'memory.available': 'MemoryPressure',
  'nodefs.available': 'DiskPressure',
  'imagefs.available': 'DiskPressure',
}

/** What the kubelet sees of one signal: bytes available of a capacity. */
export interface Observation {
  availableBytes: number
  capacityBytes: number
}

export type Observations = Partial<Record<Signal, Observation>>

/** GetThresholdQuantity: the bytes a threshold stands for against `capacityBytes` (a percentage truncated as int64). */
export function thresholdBytes(threshold: Threshold, capacityBytes: number): number {
  return 'bytes' in threshold.value ? threshold.value.bytes : Math.trunc(capacityBytes * threshold.value.percentage)
}

/** thresholdsMet: the thresholds whose quantity is above what is available (operator LessThan). */
export function thresholdsMet(thresholds: readonly Threshold[], observations: Observations): Threshold[] {
  return thresholds.filter((t) => {
    const observed = observations[t.signal]
    return observed !== undefined && thresholdBytes(t, observed.capacityBytes) > observed.availableBytes
  })
}

/**
 * byEvictionPriority then getReclaimableThreshold: memory first, otherwise the first met. Undefined when none is
 * met.
 */
export function thresholdToReclaim(met: readonly Threshold[]): Threshold | undefined {
  return met.find((t) => t.signal === 'memory.available') ?? met[0]
}

/** getThresholdMetInfo, as the message prints it: the threshold quantity and what was available (Quantity strings). */
export function thresholdMetInfo(resource: StarvedResource, met: readonly Threshold[], observations: Observations): { quantity: string; available: string } | undefined {
  for (const t of met) {
    const observed = observations[t.signal]
    if (SIGNAL_RESOURCE[t.signal] === resource && observed) {
      return { quantity: binaryQuantity(thresholdBytes(t, observed.capacityBytes)), available: binaryQuantity(observed.availableBytes) }
    }
  }
  return undefined
}
