import activity from './activity';
import branding from './branding';
import client from './client';
import contract from './contract';
import document from './document';
import invoice from './invoice';
import licence from './licence';
import membership from './membership';
import message from './message';
import milestone from './milestone';
import outboundEmail from './outbound-email';
import passkey from './passkey';
import payment from './payment';
import portalSession from './portal-session';
import project from './project';
import retainer from './retainer';
import seat from './seat';
import signatureEvent from './signature-event';
import signInChallenge from './sign-in-challenge';
import signInLink from './sign-in-link';
import thread from './thread';
import timeEntry from './time-entry';
import twoFactor from './two-factor';

export default {
  client: client,
  membership: membership,
  branding: branding,
  contract: contract,
  'signature-event': signatureEvent,
  retainer: retainer,
  'time-entry': timeEntry,
  invoice: invoice,
  payment: payment,
  licence: licence,
  seat: seat,
  document: document,
  project: project,
  milestone: milestone,
  thread: thread,
  message: message,
  activity: activity,
  'outbound-email': outboundEmail,
  'sign-in-challenge': signInChallenge,
  'portal-session': portalSession,
  'sign-in-link': signInLink,
  'two-factor': twoFactor,
  passkey: passkey,
};
