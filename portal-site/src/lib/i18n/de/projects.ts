import type { Section } from '../section';
import type en from '../en/projects';

const de: Section<typeof en> = {
  'projects.title': 'Projekte',
  'projects.lead': 'Der Stand der Arbeiten, die {firm} für {client} ausführt.',
  'projects.filterLabel': 'Projekte nach Status anzeigen',
  'projects.status.planned': 'Geplant',
  'projects.status.active': 'Aktiv',
  'projects.status.on_hold': 'Pausiert',
  'projects.status.done': 'Abgeschlossen',
  'projects.milestoneStatus.pending': 'Nicht begonnen',
  'projects.milestoneStatus.in_progress': 'In Arbeit',
  'projects.milestoneStatus.done': 'Erledigt',
  'projects.progress': 'Fortschritt',
  'projects.progressOf': 'Fortschritt von {name}',
  'projects.start': 'Beginn',
  'projects.due': 'Fällig',
  'projects.status': 'Status',
  'projects.milestones': 'Meilensteine',
  'projects.noDate': 'Nicht festgelegt',
  'projects.milestonesDone.one': '{done} von {count} Meilenstein erledigt',
  'projects.milestonesDone.other': '{done} von {count} Meilensteinen erledigt',
  'projects.milestonesNone': 'Noch keine Meilensteine',
  'projects.empty': 'Noch keine Projekte',
  'projects.empty.text': 'Sobald {firm} ein Projekt für Sie beginnt, können Sie hier den Fortschritt verfolgen.',
  'projects.emptyFiltered': 'Keine Projekte mit diesem Status',
  'projects.emptyFiltered.text': 'Wählen Sie „Alle“, um jedes Projekt zu sehen.',
  'projects.pastEnd': 'Auf dieser Seite gibt es keine weiteren Projekte.',
  'projects.firstPage': 'Zur ersten Seite',
  'projects.back': '← Alle Projekte',
  'projects.details': 'Details',
  'projects.milestones.empty': 'Für dieses Projekt wurden noch keine Meilensteine festgelegt.',
  'projects.milestone.due': 'Fällig am {date}',
  'projects.milestone.noDue': 'Kein Fälligkeitsdatum',
  'projects.milestone.completed': 'Erledigt am {date}',
};

export default de;
