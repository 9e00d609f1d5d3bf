import type { Section } from '../section';
import type en from '../en/activity';

const de: Section<typeof en> = {
  'activity.title': 'Aktivität',
  'activity.lead': 'Was bei {client} in diesem Portal geschehen ist, das Neueste zuerst.',
  'activity.caption': 'Aktivität bei {client}, das Neueste zuerst',
  'activity.empty': 'Bisher ist noch nichts geschehen',
  'activity.empty.text': 'Neue Dokumente, Rechnungen, Nachrichten, Verträge und Neuigkeiten zu Projekten erscheinen hier, sobald es sie gibt.',
  'activity.pastEnd': 'Auf dieser Seite gibt es keine weiteren Einträge.',
  'activity.firstPage': 'Zur ersten Seite',
  'activity.what': '{type} {verb}',
  'activity.verb.created': 'erstellt',
  'activity.verb.updated': 'aktualisiert',
  'activity.verb.deleted': 'gelöscht',
  'activity.verb.accepted': 'angenommen',
  'activity.type.client': 'Organisation',
  'activity.type.membership': 'Teamzugehörigkeit',
  'activity.type.contract': 'Vertrag',
  'activity.type.retainer': 'Pauschale',
  'activity.type.time-entry': 'Zeiteintrag',
  'activity.type.invoice': 'Rechnung',
  'activity.type.payment': 'Zahlung',
  'activity.type.licence': 'Lizenz',
  'activity.type.seat': 'Platz',
  'activity.type.document': 'Dokument',
  'activity.type.project': 'Projekt',
  'activity.type.milestone': 'Meilenstein',
  'activity.type.thread': 'Unterhaltung',
  'activity.type.message': 'Nachricht',
  'activity.type.branding': 'Portalgestaltung',
  'activity.event.thread.created': 'Unterhaltung begonnen',
  'activity.event.message.created': 'Nachricht gesendet',
  'activity.event.document.created': 'Dokument hinzugefügt',
  'activity.event.payment.created': 'Zahlung erfasst',
  'activity.event.membership.accepted': 'Einladung angenommen',
};

export default de;
