-- The cluster file, version 8: each pod's head, the few fields `kubectl get pods` prints from (printPod in
-- kubernetes pkg/printers/internalversion/printers.go; main/engine/printers/pod-head.ts), kept beside its object
-- so that listing 10,000 pods reads ~700 bytes a pod instead of parsing every whole pod (~6 KB, most of it spec
-- and managedFields the table never shows). ObjectStore.write keeps it with each pod it writes (a trigger doing
-- it in SQL cost 25-65 us a pod write, the JSON projection in the writer ~12 us); a file from elsewhere is checked
-- on read (store/object-heads.ts), as its objects are.
CREATE TABLE object_heads (
  resource  TEXT NOT NULL,
  namespace TEXT NOT NULL,
  name      TEXT NOT NULL,
  head      TEXT NOT NULL,
  PRIMARY KEY (resource, namespace, name)
) STRICT, WITHOUT ROWID;

-- A file of the previous version: its pods' heads, once, as podHead() projects them (json_patch('{}', x)
-- drops x's null members, RFC 7386, so a field the pod does not have stays absent).
INSERT INTO object_heads
SELECT resource, namespace, name, json_patch('{}', json_object(
  'metadata', json_patch('{}', json_object(
    'name', b -> '$.metadata.name',
    'namespace', b -> '$.metadata.namespace',
    'uid', b -> '$.metadata.uid',
    'resourceVersion', b -> '$.metadata.resourceVersion',
    'creationTimestamp', b -> '$.metadata.creationTimestamp',
    'deletionTimestamp', b -> '$.metadata.deletionTimestamp')),
  'spec', json_patch('{}', json_object(
    'nodeName', b -> '$.spec.nodeName',
    'readinessGates', b -> '$.spec.readinessGates',
    'containers', (SELECT json_group_array(json_object('name', value -> '$.name')) FROM json_each(b, '$.spec.containers')),
    'initContainers', CASE WHEN b -> '$.spec.initContainers' IS NOT NULL THEN (SELECT json_group_array(json_patch('{}',
      json_object('name', value -> '$.name', 'restartPolicy', value -> '$.restartPolicy'))) FROM json_each(b, '$.spec.initContainers')) END)),
  'status', CASE WHEN b -> '$.status' IS NOT NULL THEN json_patch('{}', json_object(
    'phase', b -> '$.status.phase',
    'reason', b -> '$.status.reason',
    'nominatedNodeName', b -> '$.status.nominatedNodeName',
    'podIPs', b -> '$.status.podIPs',
    'conditions', CASE WHEN b -> '$.status.conditions' IS NOT NULL THEN (SELECT json_group_array(json_patch('{}',
      json_object('type', value -> '$.type', 'status', value -> '$.status', 'reason', value -> '$.reason'))) FROM json_each(b, '$.status.conditions')) END,
    'initContainerStatuses', CASE WHEN b -> '$.status.initContainerStatuses' IS NOT NULL THEN (SELECT json_group_array(json_patch('{}',
      json_object('name', value -> '$.name', 'restartCount', value -> '$.restartCount', 'ready', value -> '$.ready', 'started', value -> '$.started',
        'state', value -> '$.state', 'lastState', value -> '$.lastState'))) FROM json_each(b, '$.status.initContainerStatuses')) END,
    'containerStatuses', CASE WHEN b -> '$.status.containerStatuses' IS NOT NULL THEN (SELECT json_group_array(json_patch('{}',
      json_object('name', value -> '$.name', 'restartCount', value -> '$.restartCount', 'ready', value -> '$.ready', 'started', value -> '$.started',
        'state', value -> '$.state', 'lastState', value -> '$.lastState'))) FROM json_each(b, '$.status.containerStatuses')) END)) END
)) AS head
FROM (SELECT resource, namespace, name, jsonb(body) AS b FROM objects WHERE resource = 'pods');
