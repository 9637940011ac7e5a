-- The cluster file, version 1. Every change to the cluster is one transaction that touches `objects`,
-- appends to `history`, and moves `meta.resource_version`, so the file is always a consistent moment.

-- Cluster-wide facts: name, seed, PRNG state, the last resourceVersion handed out.
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- The virtual clock: one row. `paused` and `speed` only matter to the app's real-time driver.
CREATE TABLE clock (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  now_ms  INTEGER NOT NULL,
  paused  INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
  speed   REAL    NOT NULL DEFAULT 1
) STRICT;

-- Current state, like etcd: one row per live object. `namespace` is '' for cluster-scoped objects.
CREATE TABLE objects (
  resource         TEXT    NOT NULL,
  namespace        TEXT    NOT NULL,
  name             TEXT    NOT NULL,
  uid              TEXT    NOT NULL UNIQUE,
  resource_version INTEGER NOT NULL,
  body             TEXT    NOT NULL,
  PRIMARY KEY (resource, namespace, name)
) STRICT;

-- The kubelet's event recorder looks up earlier events about the same object to count repeats
-- (client-go's EventCorrelator); without this, recording an event would read every event in the namespace.
CREATE INDEX objects_event_subject ON objects (namespace, json_extract(body, '$.involvedObject.uid'))
  WHERE resource = 'events';
-- (Queries name it with INDEXED BY: with no statistics the planner prefers the primary key.)

-- Append-only: every ADDED / MODIFIED / DELETED, with the whole object as it was written.
-- Replay and watch read it in resource_version order.
CREATE TABLE history (
  resource_version INTEGER PRIMARY KEY,
  at_ms            INTEGER NOT NULL,
  type             TEXT    NOT NULL CHECK (type IN ('ADDED', 'MODIFIED', 'DELETED')),
  resource         TEXT    NOT NULL,
  namespace        TEXT    NOT NULL,
  name             TEXT    NOT NULL,
  uid              TEXT    NOT NULL,
  body             TEXT    NOT NULL
) STRICT;
CREATE INDEX history_at ON history (at_ms, resource_version);

-- Work the controllers asked to do later: "look at key K of queue Q again at time T".
-- Timers carry only keys, never decisions: the sync re-reads state when the timer fires.
CREATE TABLE timers (
  seq    INTEGER PRIMARY KEY AUTOINCREMENT,
  due_ms INTEGER NOT NULL,
  queue  TEXT    NOT NULL,
  key    TEXT    NOT NULL,
  UNIQUE (queue, key, due_ms)
) STRICT;
CREATE INDEX timers_due ON timers (due_ms, seq);

-- State the kubelets keep that is not part of any API object (container runtime, image cache,
-- back-off): in Kubernetes it lives in the node's memory and disk; here it must survive between commands.
CREATE TABLE node_state (
  node  TEXT NOT NULL,
  key   TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (node, key)
) STRICT;
