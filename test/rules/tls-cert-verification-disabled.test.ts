import { ruleTester } from '../support/lint-harness.js';

ruleTester('tls-cert-verification-disabled', {
  valid: [
    { name: 'verification on', files: { 'client.config': 'metadata.broker.list=k:9093\nsecurity.protocol=ssl\nenable.ssl.certificate.verification=true\n' } },
    { name: 'not set: librdkafka verifies by default', files: { 'client.config': 'metadata.broker.list=k:9093\nsecurity.protocol=ssl\n' } },
    { name: 'a placeholder', files: { 'client.config': 'metadata.broker.list=k:9093\nenable.ssl.certificate.verification=${VERIFY}\n' } },
    { name: 'a comment', files: { 'client.config': 'metadata.broker.list=k:9093\n# enable.ssl.certificate.verification=false\n' } },
    { name: 'hostname verification is the other rule', files: { 'client.config': 'metadata.broker.list=k:9093\nssl.endpoint.identification.algorithm=https\n' } },
  ],
  invalid: [
    {
      name: 'librdkafka verification off',
      files: { 'client.config': 'metadata.broker.list=k:9093\nsecurity.protocol=ssl\nenable.ssl.certificate.verification=false\n' },
      findings: [{ line: 3, column: 1, messageId: 'librdkafkaVerificationOff', severity: 'error', message: 'enable.ssl.certificate.verification=false (set at line 3)' }],
    },
    {
      name: 'upper-case FALSE in a shared client file: one finding',
      files: { 'client.properties': 'acks=all\ngroup.id=g\nenable.ssl.certificate.verification=FALSE\n' },
      findings: [{ line: 3 }],
    },
  ],
});
