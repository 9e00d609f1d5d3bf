import type { Section } from '../section';
import type en from '../en/errors';

const de: Section<typeof en> = {
  'errors.notFound.title': 'Seite nicht gefunden',
  'errors.notFound.text': 'Diese Seite gibt es nicht, oder sie ist nicht für Sie freigegeben.',
  'errors.forbidden.title': 'Für Sie nicht verfügbar',
  'errors.forbidden.text': 'Ihre Rolle umfasst diesen Bereich des Portals nicht. Eine Inhaberin oder ein Admin Ihrer Organisation kann das ändern.',
  'errors.server.title': 'Etwas ist schiefgelaufen',
  'errors.server.text': 'Diese Seite konnte gerade nicht angezeigt werden. Bitte versuchen Sie es in ein paar Minuten erneut.',
  'errors.home': 'Zur Übersicht',
  'errors.contact': 'Wenn das wieder passiert, schreiben Sie an {email}.',
};

export default de;
