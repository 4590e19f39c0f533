// IN PROGRESS: JSON client configs and Kafka Connect connector configs.
import type { FileFacts } from '../../model/types.js';
import { emptyFileFacts } from '../../model/types.js';
export function extractJsonFacts(_file: string, _text: string): FileFacts { return emptyFileFacts(); }
