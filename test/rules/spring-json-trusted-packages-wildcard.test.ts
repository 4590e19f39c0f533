import { ruleTester } from '../support/lint-harness.js';

const springYaml = (packages: string, extra = '') =>
  ['spring:', '  kafka:', '    consumer:', '      group-id: orders', '      properties:', `        spring.json.trusted.packages: ${packages}`, extra, ''].join('\n');

ruleTester('spring-json-trusted-packages-wildcard', {
  valid: [
    { name: 'one named package', files: { 'application.yml': springYaml('com.example.events') } },
    { name: 'a package pattern is not a wildcard for everything', files: { 'application.yml': springYaml('"com.example.*"') } },
    { name: 'a placeholder', files: { 'application.yml': springYaml('${TRUSTED_PACKAGES}') } },
    { name: 'type headers ignored: the list is never consulted', files: { 'application.yml': springYaml('"*"', '        spring.json.use.type.headers: false') } },
    { name: 'a comment mentioning the wildcard', files: { 'application.properties': '# spring.kafka.consumer.properties.spring.json.trusted.packages=*\nspring.kafka.consumer.group-id=orders\n' } },
  ],
  invalid: [
    {
      name: 'Spring application.yml pass-through "*" (acceptance)',
      files: { 'application.yml': springYaml('"*"') },
      findings: [{ line: 6, column: 9, messageId: 'trustsEverything', severity: 'error', message: 'spring.json.trusted.packages=* (set at line 6)' }],
    },
    {
      name: 'a wildcard among named packages in application.properties',
      files: { 'application.properties': 'spring.kafka.consumer.group-id=orders\nspring.kafka.consumer.properties.spring.json.trusted.packages=com.example.events,*\n' },
      findings: [{ line: 2, column: 1 }],
    },
    {
      name: 'common spring.kafka.properties: one finding for the line, not one per client',
      files: { 'application.properties': 'spring.kafka.properties.spring.json.trusted.packages=*\nspring.kafka.consumer.group-id=orders\nspring.kafka.producer.acks=all\n' },
      findings: [{ line: 1 }],
    },
    {
      name: 'a plain consumer.properties for a Spring JsonDeserializer',
      files: { 'consumer.properties': 'group.id=orders\nvalue.deserializer=org.springframework.kafka.support.serializer.JsonDeserializer\nspring.json.trusted.packages=*\n' },
      findings: [{ line: 3 }],
    },
  ],
});
