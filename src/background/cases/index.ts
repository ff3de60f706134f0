/*
 * Cases and their custody logs: the background's one owner of both. Other parts of the background log an event
 * on a case's item with `appendCustody`, and read a log with `custodyLog`.
 */
export { caseStore, currentCase, findCase, listCases, setCurrentCase } from './cases';
export { appendCustody, custodyLog } from './custody';
export { casePanelHandlers, logClip } from './handlers';
export { identityOf, installDevice } from './identity';
