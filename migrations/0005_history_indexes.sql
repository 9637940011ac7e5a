-- The cluster file, version 5: indexes for reading the history back (the UI's lifecycle history and the whole
-- cluster over time). History is written exactly as before; these only let a reader find one kind's changes,
-- or one object's previous version, without walking every row since the file began.

-- "Every Pod change, newest first" and "the pod rows after resourceVersion N" (the cluster timeline's one pass).
CREATE INDEX history_resource ON history (resource, resource_version);
-- "The version of this object before resourceVersion N": the diff beside a history row.
CREATE INDEX history_uid ON history (uid, resource_version);
