import { defineRule } from '../src/engine/rule.js';
import { isExplicit, judgeableClientValue } from '../src/model/judgeable.js';
import { clientsWithRole } from '../src/model/queries.js';
import { describeEffective } from '../src/model/resolve.js';

// compression.type defaults to none in the Java client (ProducerConfig), librdkafka (compression.codec) and kafkajs.

export default defineRule({
  id: 'compression-none',
  meta: {
    category: 'performance',
    defaultSeverity: 'info',
    description: 'A producer sends record batches uncompressed.',
    messages: {
      explicitNone: 'Producer turns compression off: {{effective}}. Batches go over the network and onto broker disks uncompressed, which for text formats such as JSON usually costs several times the bandwidth and storage of lz4 or zstd.',
      defaultNone: 'Producer sends batches uncompressed because no compression is chosen: {{effective}}. For text formats such as JSON this usually costs several times the bandwidth and broker storage of lz4 or zstd.',
    },
    help: 'Set compression.type=lz4 or zstd (librdkafka: compression.codec); if the payloads are already compressed (images, encrypted data), suppress this finding with that reason.',
    inputs: ['properties', 'yaml', 'json', 'env', 'code'],
  },
  check({ model, report }) {
    for (const producer of clientsWithRole(model, 'producer')) {
      const compression = judgeableClientValue(producer, 'compression.type');
      if (compression?.value !== 'none') continue;
      report({
        messageId: isExplicit(compression) ? 'explicitNone' : 'defaultNone',
        data: { effective: describeEffective(compression) },
        location: compression.setting?.location ?? producer.location,
        subject: producer,
        origin: compression.origin,
        fingerprintKey: 'compression.type',
      });
    }
  },
});
