// kafkajs compression codecs a module registers. kafkajs ships only GZIP; Snappy, LZ4 and ZSTD work once a codec
// package is put into its `CompressionCodecs` table (kafkajs docs/Producing.md, "Compression"):
//
//   CompressionCodecs[CompressionTypes.Snappy] = SnappyCodec
//   Object.assign(CompressionCodecs, { [CompressionTypes.LZ4]: new LZ4Codec().codec })
//
// The table and the type constants are found through LibraryImports, so renames and `require` work too.

import type { TSESTree } from '@typescript-eslint/types';
import type { CodeSite } from '../../../model/types.js';
import type { CodeContext } from '../code-context.js';
import { libraryExportOfValue } from '../libraries/option-values.js';
import { locationOfNode, type Node } from '../parse-module.js';
import type { StaticValue } from '../values.js';
import { calleePath } from './enclosing.js';

/** kafkajs `CompressionTypes` (src/protocol/message/compression/index.js) are the Kafka protocol's codec ids. */
const CODEC_BY_ID: Record<number, string> = { 0: 'None', 1: 'GZIP', 2: 'Snappy', 3: 'LZ4', 4: 'ZSTD' };

function isCodecTable(node: Node, context: CodeContext): boolean {
  const source = context.imports.exportOf(node);
  return source?.library === 'kafkajs' && source.exported === 'CompressionCodecs';
}

/** A resolved `CompressionTypes.Snappy` (however imported, also `KafkaJS.CompressionTypes` of CKJS) or its numeric id, as the codec name. */
export function compressionTypeName(value: StaticValue | undefined, context: CodeContext): string | undefined {
  if (value?.kind === 'literal' && (typeof value.value === 'number' || /^\d+$/.test(String(value.value)))) return CODEC_BY_ID[Number(value.value)];
  const source = value?.kind === 'member' ? libraryExportOfValue(value, context) : undefined;
  if (source?.library !== 'kafkajs' && source?.library !== '@confluentinc/kafka-javascript') return undefined;
  const match = /(?:^|\.)CompressionTypes\.(\w+)$/.exec(source.exported);
  return match ? match[1] : undefined;
}

export function codecRegistrations(context: CodeContext): CodeSite[] {
  const registrations: CodeSite[] = [];
  const register = (key: Node, at: Node) => {
    const name = compressionTypeName(context.values.resolve(key, context.module), context);
    if (name) registrations.push({ location: locationOfNode(context.file, at), description: name });
  };
  context.module.walk(context.module.ast, (node) => {
    if (node.type === 'AssignmentExpression' && node.left.type === 'MemberExpression' && isCodecTable(node.left.object, context)) {
      const target = node.left;
      if (target.computed) register(target.property, node);
    }
    if (node.type === 'CallExpression' && calleePath(node) === 'Object.assign' && node.arguments[0] && isCodecTable(node.arguments[0], context)) {
      for (const source of node.arguments.slice(1)) {
        if (source.type !== 'ObjectExpression') continue;
        for (const property of source.properties) {
          if (property.type === 'Property' && property.computed) register(property.key as Node, property as TSESTree.Property);
        }
      }
    }
  });
  return registrations;
}
