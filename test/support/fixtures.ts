// Small file texts that several rule tables need, so each table states only what its case changes.

/** A three-broker Confluent compose stack whose first broker has these extra environment lines (from line 7). */
export const threeBrokerCompose = (environment: string[]) => [
  'services:',
  '  kafka-1:',
  '    image: confluentinc/cp-kafka:7.6.0',
  '    environment:',
  '      KAFKA_NODE_ID: 1',
  '      KAFKA_PROCESS_ROLES: broker,controller',
  ...environment.map((line) => `      ${line}`),
  '  kafka-2:',
  '    image: confluentinc/cp-kafka:7.6.0',
  '    environment:',
  '      KAFKA_NODE_ID: 2',
  '  kafka-3:',
  '    image: confluentinc/cp-kafka:7.6.0',
  '    environment:',
  '      KAFKA_NODE_ID: 3',
  '',
].join('\n');

/** A Strimzi KafkaTopic whose `spec:` body is given (it starts on line 6). */
export const strimziTopic = (spec: string, name = 'orders') =>
  `apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata:\n  name: ${name}\nspec:\n${spec}`;

/** A three-replica Strimzi Kafka whose `spec.kafka.config` body is given (it starts on line 9). */
export const strimziKafka = (config: string) =>
  `apiVersion: kafka.strimzi.io/v1beta2\nkind: Kafka\nmetadata:\n  name: main\nspec:\n  kafka:\n    replicas: 3\n    config:\n${config}`;
