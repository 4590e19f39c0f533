import { ruleTester } from '../support/lint-harness.js';

ruleTester('heartbeat-session-ratio', {
  valid: [
    { name: 'exactly a third', files: { 'consumer.properties': 'group.id=g\nheartbeat.interval.ms=10000\nsession.timeout.ms=30000\n' } },
    { name: 'defaults are not judged', files: { 'consumer.properties': 'group.id=g\n' } },
    { name: 'a raised session timeout with the default heartbeat', files: { 'consumer.properties': 'group.id=g\nsession.timeout.ms=60000\n' } },
    { name: 'a placeholder is not judged', files: { 'consumer.properties': 'group.id=g\nheartbeat.interval.ms=${HEARTBEAT_MS}\n' } },
    { name: 'a comment mentioning a bad value', files: { 'consumer.properties': 'group.id=g\n# heartbeat.interval.ms=40000\n' } },
    { name: 'KIP-848 consumer protocol sets both on the broker', files: { 'consumer.properties': 'group.id=g\ngroup.protocol=consumer\nheartbeat.interval.ms=40000\n' } },
    { name: 'a producer file', files: { 'producer.properties': 'acks=all\nheartbeat.interval.ms=40000\n' } },
    { name: 'Spring durations are converted', files: { 'application.yml': 'spring:\n  kafka:\n    consumer:\n      heartbeat-interval: 3s\n' } },
  ],
  invalid: [
    {
      name: 'heartbeat above a third of the explicit session',
      files: { 'consumer.properties': 'group.id=g\nsession.timeout.ms=10000\nheartbeat.interval.ms=4000\n' },
      findings: [{ line: 3, column: 1, messageId: 'tooFewHeartbeats', severity: 'warning', message: 'heartbeat.interval.ms=4000 (set at line 3) and session.timeout.ms=10000 (set at line 2)' }],
    },
    {
      name: 'explicit heartbeat against the default session',
      files: { 'consumer.properties': 'group.id=g\nheartbeat.interval.ms=20000\n' },
      findings: [{ line: 2, message: 'session.timeout.ms=45000 (not set: Java client default (client version unknown; assumed ≥ 3.0))' }],
    },
    {
      name: 'explicit session against the default heartbeat, reported at the session',
      files: { 'consumer.config': 'metadata.broker.list=k:9092\ngroup.id=g\nsession.timeout.ms=6000\n' },
      findings: [{ line: 3, messageId: 'tooFewHeartbeats', message: 'heartbeat.interval.ms=3000 (not set: librdkafka default)' }],
    },
    {
      name: 'heartbeat not below the session timeout is an error',
      files: { 'consumer.properties': 'group.id=g\nheartbeat.interval.ms=30000\nsession.timeout.ms=30000\n' },
      findings: [{ line: 2, messageId: 'heartbeatNotBelowSession', severity: 'error' }],
    },
    {
      name: 'Spring duration',
      files: { 'application.yml': 'spring:\n  kafka:\n    consumer:\n      group-id: g\n      heartbeat-interval: 20s\n' },
      findings: [{ line: 5, column: 7, message: 'heartbeat.interval.ms=20000 (set at line 5)' }],
    },
  ],
});
