-- The cluster file, version 3: what containers wrote to stdout and stderr (what `kubectl logs` reads), one row
-- per line (or per piece of a line written without its newline), with the virtual time it was written. Rows are
-- kept per container instance, so the previous instance's log stays readable (`--previous`) after a restart,
-- and go when the pod goes.
CREATE TABLE container_logs (
  -- containerd's id of the container instance (64 hex digits), and the line's place in its log.
  container_id TEXT    NOT NULL,
  seq          INTEGER NOT NULL,
  -- The pod the container belongs to, to remove a pod's logs with it.
  pod_uid      TEXT    NOT NULL,
  -- Virtual ms since 1970.
  at_ms        INTEGER NOT NULL,
  stream       TEXT    NOT NULL CHECK (stream IN ('stdout', 'stderr')),
  text         TEXT    NOT NULL,
  PRIMARY KEY (container_id, seq)
) STRICT;
CREATE INDEX container_logs_pod ON container_logs (pod_uid);
