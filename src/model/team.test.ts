import { describe, expect, it } from 'vitest';
import { checkTeamUrl } from './team';

describe('a team server’s address', () => {
  it('accepts https anywhere and plain http on this computer only', () => {
    expect(checkTeamUrl(' https://couch.example:6984/ ')).toBe('https://couch.example:6984');
    expect(checkTeamUrl('http://127.0.0.1:5984')).toBe('http://127.0.0.1:5984');
    expect(checkTeamUrl('http://localhost:5984/')).toBe('http://localhost:5984');
    expect(checkTeamUrl('https://couch.example/couchdb/')).toBe('https://couch.example/couchdb');
  });

  it('refuses plain http elsewhere, other schemes, credentials in the address and non-URLs', () => {
    expect(() => checkTeamUrl('http://couch.example:5984')).toThrow('must use https:');
    expect(() => checkTeamUrl('http://192.168.1.20:5984')).toThrow('must use https:');
    expect(() => checkTeamUrl('ftp://couch.example')).toThrow('must use https:');
    expect(() => checkTeamUrl('javascript:alert(1)')).toThrow('must use https:');
    expect(() => checkTeamUrl('https://alice:secret@couch.example')).toThrow('must not carry a user name');
    expect(() => checkTeamUrl('couch.example')).toThrow('not a URL');
  });
});
