import { ruleTester } from '../support/lint-harness.js';

const KAFKAJS = "import { Kafka, CompressionTypes, CompressionCodecs } from 'kafkajs'\nconst producer = new Kafka({ brokers: ['k:9092'] }).producer()\n";
const SEND_SNAPPY = "await producer.send({ topic: 't', compression: CompressionTypes.Snappy, messages: [] })\n";

ruleTester('kafkajs-codec-not-registered', {
  valid: [
    { name: 'GZIP is built into kafkajs', files: { 'src/p.ts': `${KAFKAJS}await producer.send({ topic: 't', compression: CompressionTypes.GZIP, messages: [] })\n` } },
    { name: 'no compression', files: { 'src/p.ts': `${KAFKAJS}await producer.send({ topic: 't', messages: [] })\n` } },
    {
      name: 'Snappy registered in the same module',
      files: { 'src/p.ts': `${KAFKAJS}import SnappyCodec from 'kafkajs-snappy'\nCompressionCodecs[CompressionTypes.Snappy] = SnappyCodec\n${SEND_SNAPPY}` },
    },
    {
      name: 'Snappy registered in another file with require and a renamed table',
      files: {
        'src/codecs.js': "const { CompressionTypes, CompressionCodecs: Codecs } = require('kafkajs')\nCodecs[CompressionTypes.Snappy] = require('kafkajs-snappy')\n",
        'src/p.ts': `${KAFKAJS}${SEND_SNAPPY}`,
      },
    },
    {
      name: 'LZ4 registered with Object.assign and sent with its numeric id',
      files: {
        'src/codecs.js': "const kafkajs = require('kafkajs')\nObject.assign(kafkajs.CompressionCodecs, { [kafkajs.CompressionTypes.LZ4]: new LZ4Codec().codec })\n",
        'src/p.ts': `${KAFKAJS}await producer.send({ topic: 't', compression: 3, messages: [] })\n`,
      },
    },
    {
      name: 'a compression value only known at run time',
      files: { 'src/p.ts': `${KAFKAJS}await producer.send({ topic: 't', compression: CompressionTypes[process.env.CODEC], messages: [] })\n` },
    },
    {
      name: '@confluentinc/kafka-javascript compresses in librdkafka (no registration)',
      files: { 'src/p.ts': "import { KafkaJS } from '@confluentinc/kafka-javascript'\nconst producer = new KafkaJS.Kafka({ kafkaJS: { brokers: ['k:9092'] } }).producer()\nawait producer.send({ topic: 't', compression: KafkaJS.CompressionTypes.Snappy, messages: [] })\n" },
    },
    {
      name: 'a comment that names CompressionTypes.ZSTD',
      files: { 'src/p.ts': `${KAFKAJS}// compression: CompressionTypes.ZSTD needs kafkajs-zstd\nawait producer.send({ topic: 't', messages: [] })\n` },
    },
  ],
  invalid: [
    {
      name: 'Snappy with no registration anywhere',
      files: { 'src/p.ts': `${KAFKAJS}${SEND_SNAPPY}` },
      findings: [{ line: 3, column: 7, messageId: 'notRegistered', severity: 'error', message: 'CompressionTypes.Snappy' }],
    },
    {
      name: 'ZSTD through a const from a config module while only Snappy is registered',
      files: {
        'src/kafka-settings.ts': "import { CompressionTypes } from 'kafkajs'\nexport const CODEC = CompressionTypes.ZSTD\n",
        'src/p.ts': `${KAFKAJS}import { CODEC } from './kafka-settings'\nCompressionCodecs[CompressionTypes.Snappy] = snappy\nawait producer.sendBatch({ compression: CODEC, topicMessages: [] })\n`,
      },
      findings: [{ line: 5, file: 'src/p.ts', message: 'ZSTD' }],
    },
    {
      name: 'LZ4 by its numeric id',
      files: { 'src/p.ts': `${KAFKAJS}await producer.send({ topic: 't', compression: 3, messages: [] })\n` },
      findings: [{ line: 3, message: 'LZ4' }],
    },
  ],
});
