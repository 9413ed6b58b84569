'use strict';
// Relevance on the real content: the demo site (this repository) is built with the real binary,
// and the real client (joined from theme/js/search/) runs each query as the header box and search.html do
// (the last word may be unfinished). Each query names the page a practitioner wants; it must be in
// the first three results. A page without `#` matches any of its sections; with `#`, that section.
// For a query that names a definition, the definition is the first result and the answer card.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { client, evaluateIndex, buildDemoSite } = require('./helpers.js');

/** [query, expected page, the query names this definition]. */
const CASES = [
  // Abbreviations, as written and in lower case.
  ['GCP', 'definitions/graded-care-profile.html', true],
  ['gcp', 'definitions/graded-care-profile.html', true],
  ['GCP2', 'definitions/graded-care-profile.html', true],
  ['TAF', 'definitions/team-around-the-family.html', true],
  ['CIN', 'definitions/child-in-need.html', true],
  ['EHA', 'definitions/early-help-assessment.html', true],
  ['SDQ', 'definitions/strengths-and-difficulties-questionnaire.html', true],
  ['PLO', 'definitions/public-law-outline.html', true],
  ['CSPR', 'definitions/child-safeguarding-practice-review.html', true],
  ['MASH', 'definitions/multi-agency-safeguarding-hub.html', true],
  ['CPP', 'definitions/child-protection-plan.html', true],
  ['DSL', 'definitions/designated-safeguarding-lead.html', true],
  ['CAMHS', 'definitions/child-and-adolescent-mental-health-services.html', true],
  // An abbreviation finds pages that spell the term out.
  ['GCP', 'toolkit/graded-care-profile-guide.html'],
  ['MASH', 'signposting/northdale-front-door.html'],
  // Typos.
  ['negelct', 'definitions/neglect.html', true],
  ['chronolgy', 'definitions/chronology.html', true],
  ['disgised compliance', 'definitions/disguised-compliance.html', true],
  ['profesional curiosity', 'definitions/professional-curiosity.html', true],
  ['desigated safeguarding lead', 'definitions/designated-safeguarding-lead.html', true],
  ['team arround the family', 'definitions/team-around-the-family.html', true],
  ['grded care profile', 'definitions/graded-care-profile.html', true],
  ['atachment', 'definitions/attachment.html', true],
  ['genogrm', 'definitions/genogram.html', true],
  ['threshhold', 'signposting/nscp-threshold-document.html'],
  ['suprevision prompts', 'toolkit/supervision-prompts.html'],
  // Plurals and singulars.
  ['chronologies', 'definitions/chronology.html', true],
  ['child protection plans', 'definitions/child-protection-plan.html', true],
  ['health visitors', 'definitions/health-visitor.html', true],
  ['genograms', 'definitions/genogram.html', true],
  ['EHAs', 'definitions/early-help-assessment.html', true],
  ['risk factor', 'definitions/risk-factors.html', true],
  ['family hubs', 'signposting/northdale-family-hubs.html'],
  ['referrals', 'toolkit/referral-checklist.html'],
  ['teenagers', 'strategy/neglect-at-each-age.html#adolescents'],
  // Questions.
  ['what is disguised compliance', 'definitions/disguised-compliance.html', true],
  ['What is a child in need?', 'definitions/child-in-need.html', true],
  ['what does TAF stand for', 'definitions/team-around-the-family.html', true],
  ['what is the rule of optimism', 'definitions/rule-of-optimism.html', true],
  ['what is section 47', 'definitions/section-47-enquiry.html', true],
  ['what happens at a child protection conference', 'definitions/child-protection-conference.html', true],
  ['how do I make a referral', 'toolkit/referral-checklist.html'],
  ['how do I write a chronology', 'toolkit/chronology-template.html#how-to'],
  ['how do I use the graded care profile', 'toolkit/graded-care-profile-guide.html'],
  ['what are the six types of neglect', 'strategy/defining-neglect.html#six-types'],
  ['is poverty neglect', 'strategy/poverty-and-neglect.html'],
  ['who do I contact if I am worried about a child', 'strategy/what-to-do-if-worried.html#contacts'],
  ['what should I do if a child was not brought to an appointment', 'definitions/was-not-brought.html'],
  // Phrases and aliases.
  ['six types of neglect', 'strategy/defining-neglect.html#six-types'],
  ['day in my life', 'definitions/day-in-my-life-tool.html', true],
  ['start again syndrome', 'definitions/start-again-syndrome.html', true],
  ['failure to thrive', 'definitions/faltering-growth.html', true],
  ['did not attend', 'definitions/was-not-brought.html', true],
  ['front door', 'signposting/northdale-front-door.html'],
  ['escalation policy', 'signposting/nscp-escalation-policy.html'],
  ['lack of supervision', 'definitions/lack-of-supervision.html', true],
  ['information sharing', 'strategy/agency-responsibilities.html#information-sharing'],
  ['fathers and male carers', 'strategy/working-with-families.html#fathers'],
  ['domestic abuse helpline', 'signposting/national-domestic-abuse-helpline.html'],
  ['core group meeting', 'definitions/core-group.html'],
  ['dental neglect', 'definitions/medical-neglect.html'],
  ['accessibility statement', 'about/accessibility.html'],
  // Words on many pages.
  ['neglect', 'definitions/neglect.html', true],
  ['lived experience', 'definitions/lived-experience.html', true],
  ['lived experience', 'strategy/lived-experience.html'],
  ['early help', 'definitions/early-help.html', true],
  ['early help', 'strategy/assessment.html#early-help'],
  ['chronology', 'toolkit/chronology-template.html'],
  ['assessment', 'strategy/assessment.html'],
  ['poverty', 'strategy/poverty-and-neglect.html'],
  ['housing', 'strategy/agency-responsibilities.html#housing'],
  // Words still being typed in the header box.
  ['disguised comp', 'definitions/disguised-compliance.html', true],
  ['chron', 'definitions/chronology.html', true],
];

let out;
let searcher;

before(() => {
  out = buildDemoSite();
  searcher = client.createSearcher(client.collect(evaluateIndex(out)));
});

after(() => {
  if (out) fs.rmSync(path.dirname(out), { recursive: true, force: true });
});

const pageOf = (url) => url.split('#')[0];
const matches = (url, expected) => (expected.includes('#') ? url === expected : pageOf(url) === expected);
const listing = (r) => r.results.slice(0, 5).map((x, i) => `  ${i + 1}. ${x.url}`).join('\n');

for (const [query, expected, definition] of CASES) {
  const what = definition ? 'the definition first and as the answer' : 'in the top 3';
  test(`"${query}": ${expected} ${what}`, () => {
    const r = searcher.search(query, { limit: 8 });
    assert.ok(r.missing.length === 0, `files not loaded: ${r.missing}`);
    const top = r.results.slice(0, 3).map((x) => x.url);
    assert.ok(top.some((url) => matches(url, expected)), `"${query}": ${expected} is not in the top 3:\n${listing(r)}`);
    if (definition) {
      assert.equal(r.results[0].url, expected, `"${query}": the definition is not first:\n${listing(r)}`);
      assert.equal(r.answer && r.answer.url, expected, `"${query}": the answer card is ${r.answer && r.answer.term}`);
    }
  });
}
