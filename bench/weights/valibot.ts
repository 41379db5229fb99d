/** Floor: valibot with a 15-field object schema and `parse`. */
import * as v from 'valibot';

const EventSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/)),
  name: v.pipe(v.string(), v.minLength(1)),
  summary: v.optional(v.string()),
  description: v.optional(v.string()),
  startDate: v.pipe(v.string(), v.isoTimestamp()),
  endDate: v.pipe(v.string(), v.isoTimestamp()),
  eventStatus: v.picklist(['EventScheduled', 'EventCancelled', 'EventPostponed']),
  url: v.optional(v.pipe(v.string(), v.url())),
  image: v.optional(v.pipe(v.string(), v.url())),
  category: v.array(v.string()),
  programme: v.optional(v.string()),
  membersOnly: v.boolean(),
  isAccessibleForFree: v.boolean(),
  maximumAttendeeCapacity: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  contactEmail: v.optional(v.pipe(v.string(), v.email())),
});

export function parseEvent(input: unknown): v.InferOutput<typeof EventSchema> {
  return v.parse(EventSchema, input);
}
