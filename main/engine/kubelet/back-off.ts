// client-go's flowcontrol.Backoff as the kubelet uses it for crashed containers and failed pulls
// (NewBackOff(10s, 300s): no jitter). A container that finished at `eventTime` stays dead while
// now - eventTime < delay; each restart doubles the delay up to the cap; an entry whose last update is more
// than twice the cap before the event starts over, which is the docs' "once a container has executed for
// 10 minutes without any problems, the kubelet resets the restart backoff timer".

export interface BackOffEntry {
  delayMs: number
  lastUpdate: number
}

export interface BackOffPolicy {
  initialMs: number
  maxMs: number
}

function expired(entry: BackOffEntry, eventTime: number, policy: BackOffPolicy): boolean {
  return eventTime - entry.lastUpdate > policy.maxMs * 2
}

/** Backoff.Next(id, eventTime) at `now`: the entry after one more restart. */
export function nextBackOff(entry: BackOffEntry | undefined, eventTime: number, now: number, policy: BackOffPolicy): BackOffEntry {
  if (!entry || expired(entry, eventTime, policy)) return { delayMs: policy.initialMs, lastUpdate: now }
  return { delayMs: Math.min(entry.delayMs * 2, policy.maxMs), lastUpdate: now }
}

/** Backoff.IsInBackOffSince(id, eventTime) at `now`. */
export function inBackOffSince(entry: BackOffEntry | undefined, eventTime: number, now: number, policy: BackOffPolicy): boolean {
  if (!entry || expired(entry, eventTime, policy)) return false
  return now - eventTime < entry.delayMs
}
