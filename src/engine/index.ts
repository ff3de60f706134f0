export { compileDictionary } from './compile';
export type { Dictionary } from './dictionary';
export { scan } from './scan';
export { loadDictionary, serializeDictionary } from './serialise';
export type { DictionaryEntry, EngineMatch, MatchKind } from './types';
