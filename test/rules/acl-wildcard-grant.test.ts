import { ruleTester } from '../support/lint-harness.js';

function kafkaUser(acls: string[]): string {
  return [
    'apiVersion: kafka.strimzi.io/v1beta2',
    'kind: KafkaUser',
    'metadata:',
    '  name: orders-app',
    '  labels:',
    '    strimzi.io/cluster: main',
    'spec:',
    '  authentication:',
    '    type: tls',
    '  authorization:',
    '    type: simple',
    '    acls:',
    ...acls,
    '',
  ].join('\n');
}

const rule = (type: string, name: string | undefined, patternType: string | undefined, operations: string, permission?: string) => [
  '      - resource:',
  `          type: ${type}`,
  ...(name === undefined ? [] : [`          name: ${name}`]),
  ...(patternType === undefined ? [] : [`          patternType: ${patternType}`]),
  `        operations: [${operations}]`,
  ...(permission ? [`        type: ${permission}`] : []),
];

ruleTester('acl-wildcard-grant', {
  valid: [
    { name: 'a named topic', files: { 'user.yaml': kafkaUser(rule('topic', 'orders', 'literal', 'Write, Describe')) } },
    { name: 'a specific prefix', files: { 'user.yaml': kafkaUser(rule('topic', 'orders.', 'prefix', 'Read, Describe')) } },
    { name: 'a prefix named "*" is a literal star character, not a wildcard', files: { 'user.yaml': kafkaUser(rule('topic', '"*"', 'prefix', 'Read')) } },
    { name: 'the cluster resource has no name', files: { 'user.yaml': kafkaUser(rule('cluster', undefined, undefined, 'IdempotentWrite')) } },
    { name: 'a DENY on every topic', files: { 'user.yaml': kafkaUser(rule('topic', '"*"', 'literal', 'Write', 'deny')) } },
    { name: 'a KafkaUser without ACLs', files: { 'user.yaml': kafkaUser([]).replace('    acls:\n', '') } },
  ],
  invalid: [
    {
      name: 'Write on every topic (the default pattern type is literal)',
      files: { 'user.yaml': kafkaUser(rule('topic', '"*"', undefined, 'Write, Describe')) },
      findings: [{ line: 13, column: 9, messageId: 'wildcardWrite', severity: 'error', message: 'ACL allows write on every topic (name "*")' }],
    },
    {
      name: 'Read on every group is a warning',
      files: { 'user.yaml': kafkaUser(rule('group', '"*"', 'literal', 'Read')) },
      findings: [{ line: 13, messageId: 'wildcardRead', severity: 'warning', message: 'on every group' }],
    },
    {
      name: 'an empty prefix matches every topic',
      files: { 'user.yaml': kafkaUser(rule('topic', '""', 'prefix', 'All')) },
      findings: [{ line: 13, messageId: 'wildcardWrite', message: 'on every topic (empty prefix)' }],
    },
    {
      name: 'one finding per rule, each at its own line',
      files: { 'user.yaml': kafkaUser([...rule('topic', 'orders', 'literal', 'Write'), ...rule('transactionalId', '"*"', 'literal', 'Describe, Write'), ...rule('topic', '"*"', 'literal', 'AlterConfigs')]) },
      findings: [
        { line: 18, message: 'allows write on every transactional_id' },
        { line: 23, message: 'allows alter_configs on every topic' },
      ],
    },
  ],
});
