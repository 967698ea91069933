/** The staff app's start page: what needs doing today. */
import { adminRoute } from './admin-route.ts';
import { staffToday } from '../../services/staff-today.ts';
import { todayDto, toTodayDto } from './dto/today.dto.ts';

export const todayRoutes = [
  adminRoute({
    operationId: 'getToday',
    method: 'get',
    path: '/today',
    tag: 'Today',
    summary:
      'What needs doing now: overdue invoices (oldest due first), payment notices waiting for review, deposits to return (held on jobs returning or closed), jobs starting or ending today (Bangkok). Lists hold the first 10; totalCount counts all',
    response: todayDto,
    handler: async ({ ctx }) => toTodayDto(await staffToday(ctx)),
  }),
];
