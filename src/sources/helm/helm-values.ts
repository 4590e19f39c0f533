// IN PROGRESS: Helm values files that carry broker configuration.
import type { Document } from 'yaml';
import type { FileFacts } from '../../model/types.js';
import { emptyFileFacts } from '../../model/types.js';
import type { YamlContext } from '../yaml/yaml-nodes.js';

export function factsFromHelmValues(_context: YamlContext, _documents: Document.Parsed[]): FileFacts {
  return emptyFileFacts();
}
