// IN PROGRESS: YAML sources (Spring, Strimzi, docker-compose, Helm values).
import type { FileFacts } from '../../model/types.js';
import { emptyFileFacts } from '../../model/types.js';
export function extractYamlFacts(_file: string, _text: string): FileFacts { return emptyFileFacts(); }
