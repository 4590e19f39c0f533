import { describe, expect, it } from 'vitest';
import { buildRepoModel } from '../../src/engine/lint.js';
import type { ReportDescriptor } from '../../src/engine/rule.js';
import idempotenceDisabled from '../../rules/idempotence-disabled.js';
import { ruleTester } from '../support/lint-harness.js';

ruleTester('idempotence-disabled', {
  valid: [
    { name: 'modern Java default is on', files: { 'producer.properties': 'bootstrap.servers=k:9092\nacks=all\n' } },
    { name: 'explicitly on', files: { 'producer.properties': 'enable.idempotence=true\n' } },
    { name: 'librdkafka with idempotence on', files: { 'producer.config': 'metadata.broker.list=k:9092\nenable.idempotence=true\n' } },
    { name: 'transactional producers are idempotent', files: { 'producer.config': 'metadata.broker.list=k:9092\ntransactional.id=tx-1\n' } },
    { name: 'silently disabled is reported by idempotence-silently-disabled instead', files: { 'producer.properties': 'acks=1\n' } },
    { name: 'a placeholder is not judged', files: { 'producer.properties': 'enable.idempotence=${IDEMPOTENCE}\n' } },
    { name: 'a comment that mentions it', files: { 'producer.properties': '# enable.idempotence=false\nlinger.ms=5\n' } },
    { name: 'consumers are not judged', files: { 'consumer.config': 'group.id=g\nmetadata.broker.list=k:9092\n' } },
    { name: 'Spring producer on the Java default', files: { 'application.yml': 'spring:\n  kafka:\n    producer:\n      acks: all\n' } },
  ],
  invalid: [
    {
      name: 'Java explicit false',
      files: { 'producer.properties': 'bootstrap.servers=k:9092\nenable.idempotence=false\n' },
      findings: [{ line: 2, column: 1, messageId: 'disabled', severity: 'warning', message: 'enable.idempotence=false (set at line 2)' }],
    },
    {
      name: 'librdkafka default, with the reordering its defaults allow',
      files: { 'producer.config': 'metadata.broker.list=k:9092\nlinger.ms=10\n' },
      findings: [{
        line: 1, messageId: 'librdkafkaDefault',
        message: 'enable.idempotence=false (not set: librdkafka default). A send retried after a lost acknowledgement is stored twice, and with max.in.flight.requests.per.connection=1000000 (not set: librdkafka default) and retries=2147483647',
      }],
    },
    {
      name: 'librdkafka default with one request in flight: duplicates, no reordering',
      files: { 'producer.config': 'metadata.broker.list=k:9092\nmax.in.flight=1\n' },
      findings: [{ line: 1, messageId: 'disabled', message: 'enable.idempotence=false (not set: librdkafka default)' }],
    },
    {
      name: 'librdkafka explicit false is reported at the setting',
      files: { 'producer.config': 'metadata.broker.list=k:9092\nenable.idempotence=false\n' },
      findings: [{ line: 2, messageId: 'disabled' }],
    },
    {
      name: 'Spring pass-through explicit false',
      files: { 'application.yml': 'spring:\n  kafka:\n    producer:\n      properties:\n        enable.idempotence: false\n' },
      findings: [{ line: 5, column: 9, messageId: 'disabled', message: 'enable.idempotence=false (set at line 5)' }],
    },
    {
      name: 'JSON config of a librdkafka-based producer (node-rdkafka)',
      files: { 'kafka.json': '{\n  "kafka": {\n    "producer": {\n      "metadata.broker.list": "k:9092",\n      "dr_msg_cb": true\n    }\n  }\n}\n' },
      findings: [{ line: 4, messageId: 'librdkafkaDefault' }],
    },
  ],
});

// The Java client version comes from build manifests, which no source reads yet; set it on the model directly.
describe('idempotence-disabled with a known Java client version', () => {
  async function findingsFor(version: string, text: string): Promise<Array<ReportDescriptor<string>>> {
    const model = await buildRepoModel([{ path: 'producer.properties', text }]);
    for (const client of model.clients) client.libraryVersion = version;
    const reports: Array<ReportDescriptor<string>> = [];
    idempotenceDisabled.check({ model, report: (descriptor) => reports.push(descriptor) });
    return reports;
  }

  it('reports Java 3.0.0 and 3.1.0, which do not apply the idempotence default (KAFKA-13598)', async () => {
    for (const version of ['3.0.0', '3.1.0']) {
      const reports = await findingsFor(version, 'bootstrap.servers=k:9092\n');
      expect(reports.map((report) => report.messageId)).toEqual(['unappliedJavaDefault']);
      expect(reports[0].data?.idempotence).toBe(`enable.idempotence=false (not set: Java client ${version} default)`);
    }
  });

  it('does not report 3.0.1, 3.1.1 or 3.2.0, where the default applies', async () => {
    for (const version of ['3.0.1', '3.1.1', '3.2.0']) {
      expect(await findingsFor(version, 'bootstrap.servers=k:9092\n')).toEqual([]);
    }
  });

  it('reports a Java 2.x default as plain disabled', async () => {
    const reports = await findingsFor('2.8.1', 'bootstrap.servers=k:9092\n');
    expect(reports.map((report) => report.messageId)).toEqual(['disabled']);
    expect(reports[0].data?.idempotence).toBe('enable.idempotence=false (not set: Java client 2.8.1 default)');
  });
});
