import { ruleTester } from '../support/lint-harness.js';

ruleTester('parse-error', {
  valid: [
    { name: 'well-formed YAML about Kafka', files: { 'kafka-topic.yaml': 'kind: KafkaTopic\nspec:\n  partitions: 3\n' } },
    { name: 'broken YAML that is not about Kafka', files: { 'ci.yml': 'steps:\n  - run: [unclosed\n' } },
    { name: 'a properties file cannot be malformed', files: { 'producer.properties': '=\n:::\n\\\n' } },
  ],
  invalid: [
    {
      name: 'broken YAML about Kafka, located at the error',
      files: { 'application.yml': 'spring:\n  kafka:\n    bootstrap-servers: [k1:9092\n    consumer:\n' },
      findings: [{ line: 4, messageId: 'unparseable', severity: 'error', message: 'YAML syntax error' }],
    },
    {
      name: 'a broken file does not hide the findings of the good ones',
      files: {
        'broken.yaml': 'kafka:\n  config: {a: 1\n',
        'producer.properties': 'acks=1\n',
      },
      findings: [{ line: 3, file: 'broken.yaml' }],
    },
  ],
});
