import type { Section } from '../section';
import type en from '../en/dashboard';

const de: Section<typeof en> = {
  'dashboard.title': 'Übersicht',
  'dashboard.greeting': 'Guten Tag, {name}',
  'dashboard.lead': 'Was bei {client} Ihre Aufmerksamkeit braucht.',
  'dashboard.allClear': 'Im Moment ist nichts zu erledigen.',
  'dashboard.invoicesDue': 'Fällige Rechnungen',
  'dashboard.invoicesDue.none': 'Keine Rechnung wartet auf Zahlung.',
  'dashboard.totalDue': 'Offen insgesamt',
  'dashboard.dueOn': 'Fällig am {date}',
  'dashboard.overdueSince': 'Überfällig seit {date}',
  'dashboard.contractsToSign': 'Zu unterschreibende Verträge',
  'dashboard.contractsToSign.none': 'Kein Vertrag wartet auf Ihre Unterschrift.',
  'dashboard.sentOn': 'Gesendet am {date}',
  'dashboard.milestones': 'Anstehende Meilensteine',
  'dashboard.milestones.none': 'In nächster Zeit sind keine Meilensteine fällig.',
  'dashboard.messages': 'Nachrichten',
  'dashboard.unread.one': '{count} Unterhaltung mit ungelesenen Nachrichten',
  'dashboard.unread.other': '{count} Unterhaltungen mit ungelesenen Nachrichten',
  'dashboard.unread.none': 'Sie haben alle Nachrichten gelesen.',
  'dashboard.openMessages': 'Nachrichten öffnen',
  'dashboard.hours': 'Stunden der Pauschale in diesem Zeitraum',
  'dashboard.hours.none': 'Keine Pauschalstunden zu melden.',
  'dashboard.hoursLeft': '{left} von {included} übrig',
  'dashboard.hoursOver': '{over} über den {included} enthaltenen',
  'dashboard.hoursUsed': '{used} verbraucht (keine Stunden enthalten)',
  'dashboard.period': '{start} – {end}',
};

export default de;
