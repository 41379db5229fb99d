/** Floor: date-fns `format` + `parseISO` with the French locale. */
import { format, parseISO } from 'date-fns';
import { fr } from 'date-fns/locale';

export function formatDay(iso: string): string {
  return format(parseISO(iso), 'EEEE d MMMM yyyy, HH:mm', { locale: fr });
}
