import { defineRule } from '../src/engine/rule.js';

/** kafkajs implements GZIP itself; the other codecs come from packages registered in `CompressionCodecs`. */
const CODECS_NEEDING_REGISTRATION = new Set(['Snappy', 'LZ4', 'ZSTD']);

export default defineRule({
  id: 'kafkajs-codec-not-registered',
  meta: {
    category: 'performance',
    defaultSeverity: 'error',
    description: 'A kafkajs send compresses with Snappy, LZ4 or ZSTD, but no code in the repository registers that codec.',
    messages: {
      notRegistered:
        'This {{method}}() compresses with CompressionTypes.{{codec}}, but nothing in the linted files registers a {{codec}} codec in CompressionCodecs. kafkajs ships only GZIP, so the send fails instead of compressing.',
    },
    help: 'Install a codec package and register it once at startup: CompressionCodecs[CompressionTypes.X] = codec; or use CompressionTypes.GZIP.',
    inputs: ['code'],
  },
  check({ model, report }) {
    const registered = new Set(model.registeredCodecs.map((site) => site.description));
    for (const client of model.clients) {
      if (client.library !== 'kafkajs' || client.role !== 'producer') continue;
      for (const send of client.code?.sends ?? []) {
        const codec = send.compression;
        if (!codec || !CODECS_NEEDING_REGISTRATION.has(codec) || registered.has(codec)) continue;
        report({ messageId: 'notRegistered', data: { codec, method: send.method ?? 'send' }, location: send.location, subject: client, fingerprintKey: codec });
      }
    }
  },
});
