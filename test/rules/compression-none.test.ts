import { ruleTester } from '../support/lint-harness.js';

ruleTester('compression-none', {
  valid: [
    { name: 'lz4', files: { 'producer.properties': 'acks=all\ncompression.type=lz4\n' } },
    { name: 'librdkafka alias compression.codec', files: { 'producer.config': 'metadata.broker.list=k:9092\ncompression.codec=zstd\n' } },
    { name: 'a placeholder is not judged', files: { 'producer.properties': 'acks=all\ncompression.type=${COMPRESSION}\n' } },
    { name: 'a comment mentioning none', files: { 'producer.properties': '# compression.type=none\ncompression.type=snappy\n' } },
    { name: 'consumers do not compress', files: { 'consumer.properties': 'group.id=g\n' } },
    { name: 'Spring compression-type', files: { 'application.yml': 'spring:\n  kafka:\n    producer:\n      compression-type: zstd\n' } },
  ],
  invalid: [
    {
      name: 'explicit none',
      files: { 'producer.properties': 'acks=all\ncompression.type=none\n' },
      findings: [{ line: 2, column: 1, messageId: 'explicitNone', severity: 'info', message: 'compression.type=none (set at line 2)' }],
    },
    {
      name: 'Java default, at the start of the file',
      files: { 'producer.properties': 'bootstrap.servers=k:9092\nacks=all\n' },
      findings: [{ line: 1, messageId: 'defaultNone', message: 'compression.type=none (not set: Java client default (client version unknown; assumed ≥ 3.0))' }],
    },
    {
      name: 'librdkafka default',
      files: { 'producer.config': 'metadata.broker.list=k:9092\nlinger.ms=10\n' },
      findings: [{ line: 1, messageId: 'defaultNone', message: 'not set: librdkafka default' }],
    },
    {
      name: 'Spring explicit none',
      files: { 'application.yml': 'spring:\n  kafka:\n    producer:\n      compression-type: none\n' },
      findings: [{ line: 4, column: 7, messageId: 'explicitNone' }],
    },
    {
      name: 'JSON producer config with compression.codec none',
      files: { 'producer.json': '{\n  "metadata.broker.list": "k:9092",\n  "compression.codec": "none"\n}\n' },
      findings: [{ line: 3, column: 3, messageId: 'explicitNone' }],
    },
  ],
});
