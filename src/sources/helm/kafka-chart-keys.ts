// Which values of the common Kafka Helm charts are broker settings, and under which Kafka key.
//
// Sources: the Bitnami kafka chart's README and templates (old charts turn camelCase values into KAFKA_CFG_* variables,
// e.g. `defaultReplicationFactor` → KAFKA_CFG_DEFAULT_REPLICATION_FACTOR; newer ones have `listeners.*`, `sasl.*`,
// `tls.*`, `controller.*`/`broker.*` and free-form `overrideConfiguration`/`extraConfig`), and the incubator/kafka and
// Confluent cp-kafka charts (`configurationOverrides`). Paths are dotted, relative to the chart's own values.

/** Chart value → Kafka key. */
export const CHART_VALUE_KEYS: Record<string, string> = {
  // Bitnami, camelCase broker values (chart ≤ 22)
  brokerId: 'broker.id',
  deleteTopicEnable: 'delete.topic.enable',
  autoCreateTopicsEnable: 'auto.create.topics.enable',
  logFlushIntervalMessages: 'log.flush.interval.messages',
  logFlushIntervalMs: 'log.flush.interval.ms',
  logRetentionBytes: 'log.retention.bytes',
  logRetentionCheckIntervalMs: 'log.retention.check.interval.ms',
  logRetentionHours: 'log.retention.hours',
  logSegmentBytes: 'log.segment.bytes',
  logsDirs: 'log.dirs',
  logMessageFormatVersion: 'log.message.format.version',
  maxMessageBytes: 'message.max.bytes',
  defaultReplicationFactor: 'default.replication.factor',
  offsetsTopicReplicationFactor: 'offsets.topic.replication.factor',
  transactionStateLogReplicationFactor: 'transaction.state.log.replication.factor',
  transactionStateLogMinIsr: 'transaction.state.log.min.isr',
  minInsyncReplicas: 'min.insync.replicas',
  numIoThreads: 'num.io.threads',
  numNetworkThreads: 'num.network.threads',
  numPartitions: 'num.partitions',
  numRecoveryThreadsPerDataDir: 'num.recovery.threads.per.data.dir',
  socketReceiveBufferBytes: 'socket.receive.buffer.bytes',
  socketRequestMaxBytes: 'socket.request.max.bytes',
  socketSendBufferBytes: 'socket.send.buffer.bytes',
  zookeeperConnectionTimeoutMs: 'zookeeper.connection.timeout.ms',
  sslEndpointIdentificationAlgorithm: 'ssl.endpoint.identification.algorithm',
  authorizerClassName: 'authorizer.class.name',
  allowEveryoneIfNoAclFound: 'allow.everyone.if.no.acl.found',
  superUsers: 'super.users',
  listeners: 'listeners',
  advertisedListeners: 'advertised.listeners',
  listenerSecurityProtocolMap: 'listener.security.protocol.map',
  interBrokerListenerName: 'inter.broker.listener.name',
  // The chart passes this to the Bitnami image as ALLOW_PLAINTEXT_LISTENER=yes|no, the image's opt-in to PLAINTEXT.
  allowPlaintextListener: 'ALLOW_PLAINTEXT_LISTENER',
  // Bitnami `auth.*` (chart 11 to 22)
  'auth.sasl.mechanisms': 'sasl.enabled.mechanisms',
  'auth.saslMechanisms': 'sasl.enabled.mechanisms',
  'auth.sasl.interBrokerMechanism': 'sasl.mechanism.inter.broker.protocol',
  'auth.saslInterBrokerMechanism': 'sasl.mechanism.inter.broker.protocol',
  'auth.tls.endpointIdentificationAlgorithm': 'ssl.endpoint.identification.algorithm',
  'auth.tlsEndpointIdentificationAlgorithm': 'ssl.endpoint.identification.algorithm',
  // One password opens both the keystore and the truststore (KAFKA_CERTIFICATE_PASSWORD).
  'auth.tls.password': 'ssl.keystore.password',
  'auth.jksPassword': 'ssl.keystore.password',
  // Bitnami chart 23 and later
  'listeners.overrideListeners': 'listeners',
  'listeners.advertisedListeners': 'advertised.listeners',
  'listeners.securityProtocolMap': 'listener.security.protocol.map',
  'sasl.enabledMechanisms': 'sasl.enabled.mechanisms',
  'sasl.interBrokerMechanism': 'sasl.mechanism.inter.broker.protocol',
  'sasl.controllerMechanism': 'sasl.mechanism.controller.protocol',
  'tls.endpointIdentificationAlgorithm': 'ssl.endpoint.identification.algorithm',
  'tls.sslClientAuth': 'ssl.client.auth',
  'tls.keystorePassword': 'ssl.keystore.password',
  'tls.truststorePassword': 'ssl.truststore.password',
  'tls.keyPassword': 'ssl.key.password',
  'tls.zookeeper.keystorePassword': 'zookeeper.ssl.keystore.password',
  'tls.zookeeper.truststorePassword': 'zookeeper.ssl.truststore.password',
};

/** Values whose empty string is a setting rather than "unset": an empty algorithm turns hostname checks off. */
export const EMPTY_IS_MEANINGFUL = new Set(['ssl.endpoint.identification.algorithm']);

/** Chart values that hold Kafka keys verbatim, as a map (`overrideConfiguration: { "min.insync.replicas": 2 }`). */
const CONFIG_MAP_VALUES = ['config', 'extraConfig', 'extraConfigYaml', 'overrideConfiguration', 'configurationOverrides'];

/** Bitnami chart 23+ repeats them per node group; those apply to that group only, but are the same cluster. */
const NODE_GROUPS = ['', 'controller.', 'broker.'];

export const CONFIG_MAP_PREFIXES = NODE_GROUPS.flatMap((group) => CONFIG_MAP_VALUES.map((name) => `${group}${name}.`));

/** Chart values that hold a server.properties text (`config: |`, `extraConfig: |`). */
export const PROPERTIES_TEXT_VALUES = new Set(NODE_GROUPS.flatMap((group) => ['config', 'extraConfig'].map((name) => `${group}${name}`)));

/** Groups whose password values are Kafka credentials even when Kafka has no key of that name (SASL user lists). */
export const CREDENTIAL_GROUPS = ['auth.', 'sasl.', 'tls.'];

/**
 * Top-level values only Kafka charts have. Two of them (or one under a `kafka:` subchart key, or a Kafka image) make
 * a values file a Kafka chart's; generic names such as `config`, `listeners` or `replicaCount` never count.
 */
export const KAFKA_CHART_MARKERS = new Set([
  'defaultReplicationFactor', 'offsetsTopicReplicationFactor', 'transactionStateLogReplicationFactor',
  'transactionStateLogMinIsr', 'autoCreateTopicsEnable', 'deleteTopicEnable', 'allowPlaintextListener', 'numPartitions',
  'listenerSecurityProtocolMap', 'interBrokerListenerName', 'advertisedListeners', 'logRetentionHours',
  'logRetentionBytes', 'logSegmentBytes', 'logsDirs', 'maxMessageBytes', 'numIoThreads', 'numNetworkThreads',
  'zookeeperConnectionTimeoutMs', 'zookeeperChrootPath', 'minBrokerId', 'allowEveryoneIfNoAclFound',
  'authorizerClassName', 'overrideConfiguration', 'extraConfigYaml', 'configurationOverrides', 'kraft',
  'externalZookeeper',
]);

/** Image names of Kafka brokers (`bitnami/kafka`, `apache/kafka`, `confluentinc/cp-kafka`), not of tools around it. */
export const KAFKA_IMAGE = /(^|\/)(kafka|kafka-native|cp-kafka|cp-server)(:[^/]*)?$/i;

/** Bitnami `auth.*Protocol` values → Kafka security protocol (chart helper `kafka.securityProtocol`). */
export const CHART_PROTOCOLS: Record<string, string> = {
  plaintext: 'PLAINTEXT',
  tls: 'SSL',
  mtls: 'SSL',
  sasl: 'SASL_PLAINTEXT',
  sasl_tls: 'SASL_SSL',
};

/** Bitnami chart 23+ listener groups and the listener names the chart gives them unless `name` is set. */
export const LISTENER_GROUPS: Record<string, string> = {
  client: 'CLIENT',
  controller: 'CONTROLLER',
  interbroker: 'INTERNAL',
  external: 'EXTERNAL',
};

/** Older Bitnami `auth.*Protocol` values and the listener each one secures. */
export const AUTH_PROTOCOL_LISTENERS: Record<string, string> = {
  'auth.clientProtocol': 'CLIENT',
  'auth.interBrokerProtocol': 'INTERNAL',
  'auth.externalClientProtocol': 'EXTERNAL',
};
