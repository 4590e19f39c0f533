// IN PROGRESS: .env files.
import type { FileFacts } from '../../model/types.js';
import { emptyFileFacts } from '../../model/types.js';
export function extractEnvFacts(_file: string, _text: string): FileFacts { return emptyFileFacts(); }
