import { expect } from '@open-wc/testing';
import { caught, feedDocument, feedEvent, feedMember, withWarnings } from '../../test/helpers/feed.js';
import { parseMembersText } from './members.js';
import { parseFeed } from './parse.js';

const url = 'https://example.org/feed.json';

describe('parseMembersText', () => {
  it('reads the members as parseFeed does', () => {
    const document = feedDocument([feedEvent()], [feedMember({ domains: ['Mandarine.Example.com'] })]);
    expect(parseMembersText(JSON.stringify(document), url).members).to.deep.equal(
      parseFeed(document, url).members,
    );
  });

  it('does not read the events, even invalid ones', () => {
    const document = feedDocument([feedEvent({ startDate: 'demain' })], [feedMember()]);
    const { result, warnings } = withWarnings(() => parseMembersText(JSON.stringify(document), url));
    expect(result.issues).to.deep.equal([]);
    expect(warnings).to.deep.equal([]);
  });

  it('skips an invalid member, reports it and warns', () => {
    const document = feedDocument([], [feedMember({ status: 'former' }), feedMember({ id: 'plume-sas' })]);
    const { result, warnings } = withWarnings(() => parseMembersText(JSON.stringify(document), url));
    expect(result.members.map((member) => member.id)).to.deep.equal(['plume-sas']);
    expect(result.issues[0]).to.include({ path: '$.members[0].status', id: 'mandarine-gestion' });
    expect(warnings[0]).to.contain(url).and.to.contain('skipped member "mandarine-gestion"');
  });

  it('accepts localhost as a declared domain, for badges on local hosts', () => {
    const document = feedDocument([], [feedMember({ domains: ['localhost', 'mandarine.example'] })]);
    expect(parseMembersText(JSON.stringify(document), url).members[0]?.domains).to.deep.equal([
      'localhost',
      'mandarine.example',
    ]);
  });

  it('skips a member whose domain is a bare word other than localhost', () => {
    const document = feedDocument([], [feedMember({ domains: ['intranet'] })]);
    const { result } = withWarnings(() => parseMembersText(JSON.stringify(document), url));
    expect(result.issues[0]?.path).to.equal('$.members[0].domains[0]');
  });

  it('skips a repeated id', () => {
    const document = feedDocument([], [feedMember(), feedMember()]);
    const { result } = withWarnings(() => parseMembersText(JSON.stringify(document), url));
    expect(result.members).to.have.length(1);
    expect(result.issues[0]?.path).to.equal('$.members[1].id');
  });

  it('reports members that are not an array', () => {
    const { result } = withWarnings(() => parseMembersText('{"version":1,"events":[],"members":{}}', url));
    expect(result.members).to.deep.equal([]);
    expect(result.issues[0]?.path).to.equal('$.members');
  });

  it('gives no members for a feed without any', () => {
    expect(parseMembersText(JSON.stringify(feedDocument([])), url).members).to.deep.equal([]);
  });

  it('refuses an HTML page with reason html', () => {
    expect(caught(() => parseMembersText('<!doctype html><title>Accueil</title>', url)).reason).to.equal(
      'html',
    );
  });

  it('refuses truncated JSON with reason not-json', () => {
    expect(caught(() => parseMembersText('{"version":1,"members":[', url)).reason).to.equal('not-json');
  });

  it('refuses a document that is not an object with reason not-a-feed', () => {
    expect(caught(() => parseMembersText('42', url)).reason).to.equal('not-a-feed');
  });

  it('refuses a wrong version with reason version and the URL', () => {
    const error = caught(() => parseMembersText('{"version":2,"events":[],"members":[]}', url));
    expect(error.reason).to.equal('version');
    expect(error.url).to.equal(url);
  });
});
