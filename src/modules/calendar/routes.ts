import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addHoliday } from './add-holiday.ts';
import { businessDeadline } from './business-deadline.ts';
import { deleteHoliday } from './delete-holiday.ts';
import { getBusinessCalendar } from './get-business-calendar.ts';
import { importHolidays } from './import-holidays.ts';
import { listHolidays } from './list-holidays.ts';
import {
  AddHolidayInput,
  BusinessCalendar,
  BusinessDeadlineQuery,
  CalendarDate,
  Holiday,
  ImportHolidaysInput,
  ImportHolidaysResult,
  ListHolidaysInput,
  UpdateBusinessCalendarInput,
} from './schemas.ts';
import { updateBusinessCalendar } from './update-business-calendar.ts';

const tags = ['business calendar'];

export function calendarRoutes(app: FastifyInstance): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/business-calendar', { config: { policy: 'read' }, schema: { tags, response: { 200: BusinessCalendar } } }, async (req) => getBusinessCalendar({ ctx: req.ctx }));

  api.patch('/business-calendar', { config: { policy: 'admin' }, schema: { tags, body: UpdateBusinessCalendarInput, response: { 200: BusinessCalendar } } }, async (req) =>
    updateBusinessCalendar({ ctx: req.ctx, input: req.body }),
  );

  api.get(
    '/business-calendar/holidays',
    { config: { policy: 'read' }, schema: { tags, querystring: ListHolidaysInput, response: { 200: z.object({ data: z.array(Holiday), nextCursor: z.null() }) } } },
    async (req) => listHolidays({ ctx: req.ctx, input: req.query }),
  );

  api.post('/business-calendar/holidays', { config: { policy: 'admin' }, schema: { tags, body: AddHolidayInput, response: { 201: Holiday } } }, async (req, reply) =>
    reply.status(201).send(await addHoliday({ ctx: req.ctx, input: req.body })),
  );

  api.post('/business-calendar/holidays/import', { config: { policy: 'admin' }, schema: { tags, body: ImportHolidaysInput, response: { 200: ImportHolidaysResult } } }, async (req) =>
    importHolidays({ ctx: req.ctx, input: req.body }),
  );

  api.delete('/business-calendar/holidays/:date', { config: { policy: 'admin' }, schema: { tags, params: z.object({ date: CalendarDate }) } }, async (req, reply) => {
    await deleteHoliday({ ctx: req.ctx, date: req.params.date });
    return reply.status(204).send();
  });

  api.get(
    '/business-calendar/deadline',
    { config: { policy: 'read' }, schema: { tags, querystring: BusinessDeadlineQuery, response: { 200: z.object({ from: z.string(), days: z.number(), dueAt: z.string() }) } } },
    async (req) => {
      const dueAt = await businessDeadline({ ctx: req.ctx, start: Date.parse(req.query.from), days: req.query.days });
      return { from: new Date(Date.parse(req.query.from)).toISOString(), days: req.query.days, dueAt: new Date(dueAt).toISOString() };
    },
  );
}
