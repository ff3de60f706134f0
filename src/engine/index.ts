export { compileDictionary } from './compile';
export type { Dictionary } from './dictionary';
export { scan } from './scan';
export { loadDictionary, serializeDictionary } from './serialise';
export type { CompiledSignals, SignalCardInput, SignalRuleInput, SignalScope } from './signal-rules';
export { compileSignals } from './signal-rules';
export type { SignalHit, SignalPage } from './signals';
export { evaluateSignals } from './signals';
export type { DictionaryEntry, EngineMatch, MatchKind, MatchVariant } from './types';
