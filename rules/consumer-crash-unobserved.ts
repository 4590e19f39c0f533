import { defineRule } from '../src/engine/rule.js';
import { clientsWithRole } from '../src/model/queries.js';

// kafkajs stops the consumer on a non-retriable error and emits `consumer.events.CRASH`; the process lives on with a
// consumer that reads nothing (docs/InstrumentationEvents.md, docs/Configuration.md `restartOnFailure`). node-rdkafka
// reports client errors as `event.error` (README). A rejected `connect()`/`run()` that nobody awaits or catches is an
// unhandled rejection. The KafkaJS API of @confluentinc/kafka-javascript always restarts (MIGRATION.md), and a failing
// @platformatic/kafka stream emits `error`, which ends the process when nobody listens — neither is checked for a listener.

export default defineRule({
  id: 'consumer-crash-unobserved',
  meta: {
    category: 'consumer-groups',
    defaultSeverity: 'warning',
    description: 'Nothing in the code notices when a consumer stops: no crash or error listener, or a start-up promise nobody awaits or catches.',
    messages: {
      noCrashListener: 'This kafkajs consumer has no consumer.events.CRASH listener and no retry.restartOnFailure: after a non-retriable error it stops for good while the process keeps running, and nothing notices that messages are no longer consumed.',
      noErrorListener: 'This consumer has no \'event.error\' listener: librdkafka reports broker, authentication and group errors only as events, so failures go unnoticed while the consumer stops making progress.',
      unhandledPromise: 'Nobody awaits or catches {{call}}: when the consumer cannot connect, subscribe or start, the rejection is unhandled and the service runs on without a working consumer.',
    },
    help: 'kafkajs: consumer.on(consumer.events.CRASH, …) and exit or restart (or set retry.restartOnFailure); node-rdkafka: consumer.on(\'event.error\', …); await start-up calls or end them with .catch(…).',
    inputs: ['code'],
  },
  check({ model, report }) {
    for (const consumer of clientsWithRole(model, 'consumer')) {
      const code = consumer.code;
      if (!code) continue;
      // A client handed to other code may get its listener there.
      if (!code.crashObserved && !code.escapesAt) {
        const messageId = consumer.library === 'kafkajs' ? 'noCrashListener' : consumer.library === 'node-rdkafka' || consumer.library === 'librdkafka' ? 'noErrorListener' : undefined;
        if (messageId) report({ messageId, location: code.creation, subject: consumer, fingerprintKey: messageId });
      }
      for (const promise of code.unhandledLifecyclePromises) {
        report({ messageId: 'unhandledPromise', data: { call: promise.description }, location: promise.location, subject: consumer, fingerprintKey: promise.description });
      }
    }
  },
});
