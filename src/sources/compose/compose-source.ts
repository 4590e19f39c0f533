// IN PROGRESS: docker-compose services running Kafka brokers.
import type { Document } from 'yaml';
import type { FileFacts } from '../../model/types.js';
import { emptyFileFacts } from '../../model/types.js';
import type { YamlContext } from '../yaml/yaml-nodes.js';

export function factsFromComposeDocuments(_context: YamlContext, _documents: Document.Parsed[]): FileFacts {
  return emptyFileFacts();
}
