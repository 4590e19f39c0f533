// IN PROGRESS: Strimzi Kafka, KafkaNodePool, KafkaTopic and KafkaUser resources.
import type { Document } from 'yaml';
import type { FileFacts } from '../../model/types.js';
import { emptyFileFacts } from '../../model/types.js';
import type { YamlContext } from '../yaml/yaml-nodes.js';

export function factsFromStrimziDocuments(_context: YamlContext, _documents: Document.Parsed[]): FileFacts {
  return emptyFileFacts();
}
