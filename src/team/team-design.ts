import { teamDbName } from './names';
import { validateTeamDoc } from './validate-doc-update';

/** The id of the design document that holds a team database's rules. */
export const TEAM_DESIGN_ID = '_design/dossier';

/** The design document of a team's database. */
export interface TeamDesignDoc {
  _id: string;
  _rev?: string;
  language: 'javascript';
  /** The source of a `function (newDoc, oldDoc, userCtx, secObj)`, as CouchDB stores it. */
  validate_doc_update: string;
  /** Which team the rules are for. */
  team: string;
}

/** The validate_doc_update source of a team's database: validateTeamDoc with the team's name given. */
export function validateSource(team: string): string {
  teamDbName(team);
  return [
    'function (newDoc, oldDoc, userCtx, secObj) {',
    `  var validateTeamDoc = ${validateTeamDoc.toString()};`,
    `  validateTeamDoc(newDoc, oldDoc, userCtx, secObj, ${JSON.stringify(team)});`,
    '}',
  ].join('\n');
}

/** The design document team:setup puts in a team's database. */
export function teamDesignDoc(team: string): TeamDesignDoc {
  return { _id: TEAM_DESIGN_ID, language: 'javascript', validate_doc_update: validateSource(team), team };
}
