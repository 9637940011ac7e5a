-- The cluster file, version 2: the commands. Every command a door gave the engine that changes anything
-- (create, update, patch, delete, advance, pause, resume, setSpeed) is kept beside the history, so that a file
-- can be run again from its commands and checked against its own history. The real-time driver's ticks are
-- not commands: timers are fired in order by whatever advance comes next, so they replay from the commands
-- and their times. A command that failed rolled back with everything it did and has no row.
CREATE TABLE commands (
  seq        INTEGER PRIMARY KEY,
  -- Which door the command came through: the Electron app (IPC), `podlab serve`'s WebSocket, the `podlab`
  -- CLI, the Kubernetes REST door, or a test.
  door       TEXT    NOT NULL CHECK (door IN ('app', 'web', 'cli', 'kubeapi', 'test')),
  -- The Engine call (`create`, `advance`, ...) and its arguments as a JSON object.
  call       TEXT    NOT NULL,
  payload    TEXT    NOT NULL CHECK (json_valid(payload)),
  -- The virtual time when the command began (ms since 1970), and the last resourceVersion before and after it.
  at_ms      INTEGER NOT NULL,
  rv_before  INTEGER NOT NULL,
  rv_after   INTEGER NOT NULL CHECK (rv_after >= rv_before)
) STRICT;
