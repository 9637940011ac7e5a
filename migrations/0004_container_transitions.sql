-- The cluster file, version 4: why each container changed state. Every change of a container's state
-- (waiting, running, terminated, and a waiting reason's change) is kept with its cause, so the timeline can
-- write out the causal chain (liveness failure #3 -> killed; back-off 40 s expired -> started; node
-- unreachable for 300 s -> evicted). The Kubernetes objects stay as Kubernetes has them; this is Podlab's own.
CREATE TABLE container_transitions (
  seq          INTEGER PRIMARY KEY AUTOINCREMENT,
  pod_uid      TEXT    NOT NULL,
  namespace    TEXT    NOT NULL,
  pod          TEXT    NOT NULL,
  container    TEXT    NOT NULL,
  -- Empty while no container exists yet (a pull that failed).
  container_id TEXT    NOT NULL,
  at_ms        INTEGER NOT NULL,
  -- waiting | running | terminated; '' for a container's first state.
  from_state   TEXT    NOT NULL CHECK (from_state IN ('', 'waiting', 'running', 'terminated')),
  to_state     TEXT    NOT NULL CHECK (to_state IN ('waiting', 'running', 'terminated')),
  reason       TEXT    NOT NULL,
  exit_code    INTEGER,
  cause        TEXT    NOT NULL CHECK (json_valid(cause))
) STRICT;
CREATE INDEX container_transitions_pod ON container_transitions (pod_uid, seq);
CREATE INDEX container_transitions_name ON container_transitions (namespace, pod, seq);
