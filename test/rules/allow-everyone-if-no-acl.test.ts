import { ruleTester } from '../support/lint-harness.js';

ruleTester('allow-everyone-if-no-acl', {
  valid: [
    { name: 'explicit false', files: { 'server.properties': 'broker.id=1\nallow.everyone.if.no.acl.found=false\n' } },
    { name: 'not set: resources without ACLs are denied', files: { 'server.properties': 'broker.id=1\nauthorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer\n' } },
    { name: 'true overridden by a later false', files: { 'server.properties': 'broker.id=1\nallow.everyone.if.no.acl.found=true\nallow.everyone.if.no.acl.found=false\n' } },
    { name: 'a placeholder', files: { 'server.properties': 'broker.id=1\nallow.everyone.if.no.acl.found=${ALLOW_EVERYONE}\n' } },
    { name: 'a comment', files: { 'server.properties': 'broker.id=1\n# allow.everyone.if.no.acl.found=true\n' } },
    {
      name: 'a Bitnami variable the image ignores (no KAFKA_CFG_ prefix)',
      files: { 'docker-compose.yml': 'services:\n  kafka:\n    image: bitnami/kafka:3.7\n    environment:\n      - KAFKA_CFG_NODE_ID=0\n      - KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND=true\n' },
    },
  ],
  invalid: [
    {
      name: 'server.properties',
      files: { 'server.properties': 'broker.id=1\nauthorizer.class.name=kafka.security.authorizer.AclAuthorizer\nallow.everyone.if.no.acl.found=true\n' },
      findings: [{ line: 3, column: 1, messageId: 'openByDefault', severity: 'error', message: 'allow.everyone.if.no.acl.found=true (set at line 3)' }],
    },
    {
      name: 'docker-compose, still an error in a development stack',
      files: { 'docker-compose.yml': "services:\n  kafka:\n    image: confluentinc/cp-kafka:7.6.0\n    environment:\n      KAFKA_BROKER_ID: 1\n      KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND: 'true'\n" },
      findings: [{ line: 6, column: 7, severity: 'error' }],
    },
    {
      name: 'Strimzi Kafka spec.kafka.config',
      files: {
        'kafka.yaml': 'apiVersion: kafka.strimzi.io/v1beta2\nkind: Kafka\nmetadata:\n  name: main\nspec:\n  kafka:\n    replicas: 3\n    authorization:\n      type: simple\n    config:\n      allow.everyone.if.no.acl.found: true\n',
      },
      findings: [{ line: 11, column: 7 }],
    },
  ],
});
