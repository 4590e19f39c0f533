// IN PROGRESS: Spring Boot application.yml (spring.kafka.*, Spring Cloud Stream).
import type { Document } from 'yaml';
import type { FileFacts } from '../../model/types.js';
import { emptyFileFacts } from '../../model/types.js';
import type { YamlContext } from '../yaml/yaml-nodes.js';

export function factsFromSpringYamlDocuments(_context: YamlContext, _documents: Document.Parsed[]): FileFacts {
  return emptyFileFacts();
}
