/** Peer: FullCalendar 6 core + list view, the way a page would mount a list of events. */
import { Calendar } from '@fullcalendar/core';
import listPlugin from '@fullcalendar/list';

export function mountCalendar(element: HTMLElement): Calendar {
  const calendar = new Calendar(element, { plugins: [listPlugin], initialView: 'listYear' });
  calendar.render();
  return calendar;
}
