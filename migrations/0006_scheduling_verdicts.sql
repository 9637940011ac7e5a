-- The cluster file, version 5: why each pod went where it went, or nowhere. The scheduler's verdicts as its
-- attempts computed them (per node: the filter that rejected it and why, or its scores; the chosen node), so
-- "why this node" and "why Pending" can be answered later, by another process, or for a pod long bound.
-- Bounded: per pod (by uid) the last failed attempt ('last') and the attempt that bound it ('binding'), and
-- at most the newest rows of the whole file (older ones are dropped by seq). Podlab's own, like
-- container_transitions: the Kubernetes objects stay as Kubernetes has them.
CREATE TABLE scheduling_verdicts (
  seq       INTEGER PRIMARY KEY,
  pod_uid   TEXT    NOT NULL,
  namespace TEXT    NOT NULL,
  pod       TEXT    NOT NULL,
  slot      TEXT    NOT NULL CHECK (slot IN ('last', 'binding')),
  at_ms     INTEGER NOT NULL,
  outcome   TEXT    NOT NULL CHECK (outcome IN ('Scheduled', 'Unschedulable', 'Nominated')),
  -- The node bound to or nominated; '' when none.
  node      TEXT    NOT NULL,
  -- The FailedScheduling text; '' for a binding.
  message   TEXT    NOT NULL,
  -- The compact per-node verdicts (main/engine/scheduler/verdicts.ts).
  verdict   TEXT    NOT NULL CHECK (json_valid(verdict))
) STRICT;
-- One index serves both the upsert's conflict (one row per pod incarnation and slot) and the look-up by name.
CREATE UNIQUE INDEX scheduling_verdicts_pod ON scheduling_verdicts (namespace, pod, pod_uid, slot);
