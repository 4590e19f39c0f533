// IN PROGRESS: package.json and lockfiles.
import type { FileFacts } from '../../model/types.js';
import { emptyFileFacts } from '../../model/types.js';
export function extractManifestFacts(_file: string, _text: string): FileFacts { return emptyFileFacts(); }
